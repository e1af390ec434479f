"""The county a place below the county sits in (its seat): the chain it is written in, the
township table (``patterns/townships.tsv``) within the article's own place, or its list
neighbours; and the short names of an article's townships.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from itertools import pairwise

import regex

from . import gazetteer
from .gazetteer import Entry
from .home_place import Division
from .names import surname_length, word_tag
from .place_divisions import CJK_CHAR, Hit, Scope
from .place_stems import is_generic, trailing_suffix
from .place_villages import closes_name, natural_village_at
from .place_words import (
    BELOW,
    LIST_JOINS,
    Mask,
    after_date,
    below_suffixes,
    ending_suffix_at,
    famous_features,
    inside_org,
    last_part,
    names_after,
    place_followers,
    place_people,
    strong_before,
    suffix_pattern,
    word_lists,
)
from .resources import alternation
from .text import CJK, Document


def seat_below(clean: str, hits: list[Hit], below: list[Hit], seated: dict[str, str]) -> None:
    """Put places below the county in the county the article placed them in.

    A township named again after its county was written with it (江安县红桥镇 … 红桥镇竹海村), and
    the items of a list opened by a chain (江安县红桥镇、留耕镇、大妥乡) share its county.
    """
    by_end = {h.end: h for h in hits if h.level in BELOW and h.adcode}
    for hit in below:
        name = next((n for n in seated if clean.startswith(n, hit.start)), None)
        if name is not None:
            if not _narrows(hit.adcode, seated[name]):
                hit.adcode = seated[name]
        else:
            prev = by_end.get(hit.start - 1)
            if prev is not None and clean[hit.start - 1] in LIST_JOINS and prev.level == hit.level:
                hit.adcode = prev.adcode
                # 海东镇南村、上和村: the item lies in the township the chain before it names; one naming
                # its own township (灵泉镇西卫村和义牒镇义牒村) only in the county, whose chain it gets later
                last = last_part(clean[prev.start if prev.below_start is None else prev.below_start : prev.end])
                own_township = _is_chain(clean[hit.start : hit.end])
                if prev.full_name and prev.full_name.endswith(last) and not hit.full_name and not own_township:
                    hit.full_name = prev.full_name[: -len(last)] + clean[hit.start : hit.end]
        by_end[hit.end] = hit


def _narrows(code: str | None, chained: str | None) -> bool:
    """``code`` is another division inside the one a chain gave (罗蓬村隶属于三亚市吉阳区 … 三亚罗蓬村:
    the city's chain leaves the place in the district the article put it in)."""
    return bool(code and chained and code != chained and code.startswith(chained.rstrip("0")))


def _township_names(clean: str, hit: Hit) -> tuple[str, ...]:
    """The township a place below the county is or lies in, as the township table may name it:
    凤山街道吉祥社区 -> 凤山街道, a list item 东关 of 等街道 -> 东关街道, 东城办事处 -> 东城街道 too."""
    name = clean[hit.start if hit.below_start is None else hit.below_start : hit.end]
    if hit.suffix is None:
        if hit.level != "township":
            return ()  # 岩脚、上坝4个自然村: villages, whatever townships bear their names
        return tuple(name + suffix for suffix in word_lists()["township_table"]["list_guesses"])
    name += hit.suffix
    names: list[str] = []
    # 壶镇镇: a suffix character may be the name's own, so each township suffix ends a guess
    for m in suffix_pattern().finditer(name):
        if below_suffixes().get(m.group(0)) == "township":
            township = last_part(name[: m.end()])
            office = word_lists()["township_table"]["office_names"].get(m.group(0))
            names += (township, township[: -len(m.group(0))] + office) if office else (township,)
    return tuple(names)


# Estates and zones: seated by the table only through a township written in their chain.
_ESTATE_LEVELS = frozenset(("compound", "zone"))

# The shortest township name the table places with nothing else in sight.
_UNIQUE_NAME_MIN = 3


def _common_name(counties: list[Entry]) -> bool:
    """Many counties across the country hold the name (城关镇: some 80)."""
    return len({e.adcode for e in counties}) >= word_lists()["limits"]["common_township_counties"]


def seat_by_township_table(clean: str, places: list[Hit], scope: Scope) -> None:
    """A township whose county is not written takes its county's code (凤山街道 in a 吕梁市 paper is
    离石区's), from the township table: the one county holding that name inside the place the
    article has seated it in (its county, city or province), or, with no seat, inside a province
    or city the article names, or, with no home place and none of these, the one county in the
    country that holds it (映秀镇 is 汶川县's; in a 赣州 paper a name of the table's elsewhere may be
    one since renamed at home, and keeps the home code). A name several counties there hold
    (河南街道 in 延边) takes the one the article's other townships are in most (河南、建工、新兴等街道:
    延吉市); else it keeps its seat (城关镇): the table never guesses among several. An article with
    no home place whose townships one county holds together is about that county
    (:func:`_article_county`): its unseated townships are that county's."""
    unsettled: list[tuple[Hit, Entry | None, list[Entry]]] = []
    untabled: list[Hit] = []  # townships no county of their seat holds by that name
    foreign_seats: dict[int, str] = {}  # townships moved from a county outside the home place: that county
    below = [
        (hit, names, [e for name in names for e in gazetteer.township_counties(name, scope.year)])
        for hit in places
        if hit.level in BELOW or hit.level in _ESTATE_LEVELS
        for names in (_township_names(clean, hit),)
        # 彭婆镇滨河花园小区: an estate or zone written with its township lies in that township's county
        if hit.level in BELOW or names
    ]
    written_under = _table_counties_written_under(clean, below, scope.year)
    article_code = _article_county(below, scope) if scope.home is None else None
    article_county = gazetteer.entry_by_code(article_code, scope.year) if article_code else None
    for hit, names, counties in below:
        seat = gazetteer.entry_by_code(hit.adcode, scope.year) if hit.adcode else None
        if not counties and (county := _county_written_short(names, scope.year)) is not None:
            _move_to_county(hit, seat, county)  # 永宁望洪镇: the county's short form, then its township
            continue
        if (
            seat is None
            and article_county is not None
            and (
                any(e.adcode == article_county.adcode for e in counties)
                or (scope.named_prefixes and not _named_fits(counties, scope))
            )
        ):
            # The county the article is about: its townships, and those no county inside the places
            # it names holds (the table lacks a name since changed), are its.
            _move_to_county(hit, seat, article_county)
            continue
        if seat is not None and any(e.adcode == seat.adcode for e in counties):
            continue
        if seat is not None and seat.level == "county" and _common_name(counties):
            continue  # 城关镇 in a 泾源县 paper is 泾源县's, not that of the one other county of 固原 holding one
        if seat is not None:
            # A county's paper may name a township of a neighbouring county of its city.
            inside = seat.adcode[:4] if seat.level == "county" else gazetteer.prefix(seat.adcode, seat.level)
            fits = [e for e in counties if e.adcode.startswith(inside)]
            if fits and _written_in_full(clean, hit, seat):
                continue  # 伊宁县胡地亚于孜镇: the chain's own county, not its neighbour holding the name today
            if fits and all(written_under.get(e.adcode) == seat.adcode for e in fits):
                continue  # 苍梧县龙圩镇、新地镇: the article's county of the table county's townships
            if not fits and (home := _home_holding(counties, seat, scope)) is not None:
                # 青羊区援藏专家到白松镇 in a 甘孜 paper: the county of the sentence is a partner from
                # outside the home place; the township is the home place's county's
                fits = [home]
                foreign_seats[id(hit)] = seat.adcode
            elif not fits and seat.level == "county" and not _seated_by_writing(clean, places, hit, seat):
                # 镇域与河北省兴隆县接壤,西与太师屯镇交界 in a story of 密云县: the nearest county does not
                # hold the township; the one county the article names in full that holds it does
                fits = _named_holders(counties, scope)
        else:
            fits = _named_fits(counties, scope)
            # (a two-character name, 乌镇, is too often another place's or a word)
            alone = scope.home is None and all(len(name) >= _UNIQUE_NAME_MIN for name in names)
            if not fits and alone and len({e.adcode for e in counties}) == 1:
                fits = counties  # no place in sight: a name one county alone holds is that county's
        if not fits:
            untabled.append(hit)
        elif len({e.adcode for e in fits}) == 1:
            _move_to_county(hit, seat, fits[0])
        elif fits:
            unsettled.append((hit, seat, fits))
    counties_named = Counter(h.adcode for h in places if h.level in BELOW and h.adcode)
    for hit, seat, fits in unsettled:
        ranked = sorted(fits, key=lambda e: -counties_named[e.adcode])
        if counties_named[ranked[0].adcode] > counties_named[ranked[1].adcode]:
            _move_to_county(hit, seat, ranked[0])
    _seat_by_list_neighbours(clean, places, untabled, scope, foreign_seats)


# The lengths of a county's short form written before its township's name (永宁|望洪镇).
_SHORT_FORM_LENGTHS = (3, 2)


def _county_written_short(names: tuple[str, ...], year: int | None) -> Entry | None:
    """The county whose short form opens a township name the table lacks, holding the rest of it
    (永宁望洪镇: 永宁县's 望洪镇), where the rest keeps a stem of its own; else None."""
    for name in names:
        for length in _SHORT_FORM_LENGTHS:
            rest = name[length:]
            own = suffix_pattern().search(rest)
            if own is None or own.start() < _MIN_STEM:
                continue
            for form in gazetteer.forms_in_year(name[:length], year):
                if form.short and form.entry.level == "county" and gazetteer.township_under(rest, form.entry.adcode):
                    return form.entry
    return None


def _home_holding(counties: list[Entry], seat: Entry, scope: Scope) -> Entry | None:
    """The one county inside the home place holding the township's name, where its seat is a
    county outside the home place; else None."""
    home = scope.home
    if home is None or seat.level != "county" or seat.adcode.startswith(gazetteer.prefix(home.adcode, home.level)):
        return None
    inside = {e.adcode: e for e in counties if e.adcode.startswith(gazetteer.prefix(home.adcode, home.level))}
    return next(iter(inside.values())) if len(inside) == 1 else None


def _table_counties_written_under(
    clean: str, below: list[tuple[Hit, tuple[str, ...], list[Entry]]], year: int | None
) -> dict[str, str]:
    """The table's counties (of today) one of whose townships the article writes in full under
    another county of the same city (苍梧县龙圩镇, written before 龙圩区 was carved out of 苍梧县):
    table county -> that county. The article's other townships of the table county are there too."""
    written: dict[str, str] = {}
    for hit, _names, counties in below:
        seat = gazetteer.entry_by_code(hit.adcode, year) if hit.adcode else None
        if seat is None or not _written_in_full(clean, hit, seat):
            continue
        for county in counties:
            # a younger county of the same city: the townships it took from the written one
            if county.adcode != seat.adcode and county.adcode[:4] == seat.adcode[:4] and county.first > seat.first:
                written.setdefault(county.adcode, seat.adcode)
    return written


def _written_in_full(clean: str, hit: Hit, seat: Entry) -> bool:
    """The chain writes its county in full before the township (伊宁县胡地亚于孜镇): the text places
    it there, in the article's year, though the table (of today) has another county of the city hold
    that name (a township moved since, or a short form 伊宁 read as the wrong county is not this)."""
    return seat.level == "county" and hit.below_start is not None and clean.endswith(seat.name, 0, hit.below_start)


def _named_holders(counties: list[Entry], scope: Scope) -> list[Entry]:
    """The counties holding a township that the article names in full: by the code, or by another
    code of the name in its province (密云县 110228 for 密云区 110118), each with the code in force
    in the article's year (a 2020 story's 密云县 is 密云区 110118)."""
    found: list[Entry] = []
    for county in counties:
        for code in scope.named_prefixes:
            if len(code) != 6 or code[:2] != county.adcode[:2]:
                continue
            named = county if code == county.adcode else gazetteer.entry_by_code(code, scope.year)
            if named is not None and named.name[:-1] == county.name[:-1]:
                found.append(county)
    return found


def _seated_by_writing(clean: str, places: list[Hit], hit: Hit, seat: Entry) -> bool:
    """The text itself puts the township in its county: in a chain after it (河北省兴隆县大城子镇),
    or after it in the same sentence (在兴隆县考察,并在大城子镇签约; 兴隆县的大城子镇), unless the
    county is named there as a neighbour (西与涿鹿县接壤,北与斋堂镇交界)."""
    if hit.below_start is not None:
        return True
    county = max(
        (p for p in places if p.level == "county" and p.adcode == seat.adcode and p.end <= hit.start),
        key=lambda p: p.end,
        default=None,
    )
    if county is None or _SENTENCE_END.search(clean, county.end, hit.start):
        return False
    clause = _CLAUSE.match(clean, county.end)
    borders = word_lists()["township_table"]["border_words"]
    return clause is None or not any(word in clause.group(0) for word in borders)


_SENTENCE_END = regex.compile(r"[。！？!?\n]")
_CLAUSE = regex.compile(r"[^，,；;。！？!?\n]{0,16}")


def _named_fits(counties: list[Entry], scope: Scope) -> list[Entry]:
    """The counties that lie inside a province or city the article names."""
    return [e for e in counties if e.adcode[:2] in scope.named_prefixes or e.adcode[:4] in scope.named_prefixes]


def _article_county(below: list[tuple[Hit, tuple[str, ...], list[Entry]]], scope: Scope) -> str | None:
    """The county an article with no place of its own is about, where the townships it names
    without their county say so: the one county holding more of them than any other, and at
    least a few (a 停电 notice of 我县 naming 王家、楠木、东坝…乡 whose names other counties hold
    one by one), inside the provinces and cities the article names if any."""
    # Each township votes once, however often it is named (映秀镇…映秀镇…映秀镇 is one).
    holders = {names: counties for hit, names, counties in below if hit.adcode is None}
    votes: Counter[str] = Counter()
    for counties in holders.values():
        inside = _named_fits(counties, scope) if scope.named_prefixes else counties
        votes.update({e.adcode for e in inside})
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < word_lists()["limits"]["article_county_townships"]:
        return None
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


def _seat_by_list_neighbours(
    clean: str, places: list[Hit], untabled: list[Hit], scope: Scope, foreign_seats: dict[int, str]
) -> None:
    """A township of a list that the table does not place (a name since changed: 先锋街道、拥政街道等地)
    shares the county its neighbour in the list was placed in, when that county lies in its seat, or
    when the neighbour left that same seat for the home place's county (``foreign_seats``)."""
    movable = {id(h) for h in untabled}
    listed = sorted((h for h in places if h.level in BELOW and h.adcode), key=lambda h: h.start)
    moved = True
    while moved:  # until the county has spread along the whole list; each township moves once
        moved = False
        for near, hit in pairwise(listed):
            if near.end + 1 != hit.start or clean[near.end] != "、" or near.level != hit.level:
                continue
            for placed, other in ((near, hit), (hit, near)):
                county = gazetteer.entry_by_code(placed.adcode or "", scope.year)
                seat = gazetteer.entry_by_code(other.adcode or "", scope.year)
                if (
                    id(other) in movable
                    and county is not None
                    and seat is not None
                    and county.level == "county"
                    and (
                        (seat.level != "county" and county.adcode.startswith(gazetteer.prefix(seat.adcode, seat.level)))
                        or foreign_seats.get(id(placed)) == seat.adcode
                    )
                ):
                    _move_to_county(other, seat, county)
                    movable.discard(id(other))
                    moved = True


# The levels below the county, from the largest: a place written as a larger one's own lies in it.
_BELOW_RANK = {"county": -1, "township": 0, "village": 1, "community": 1, "compound": 2, "zone": 2}


def seat_owned(clean: str, places: list[Hit], year: int | None) -> None:
    """A place written as a larger place's own (汾阳市贾家庄镇的贾家庄村, 友谊街道站前社区的光明小区)
    lies in that place's county, with its chain; a later mention of the same estate too."""
    by_end = {h.end: h for h in places if h.adcode}
    seated: dict[str, str] = {}
    for hit in sorted(places, key=lambda h: h.start):
        if hit.level not in _BELOW_RANK or hit.level in ("county", "township"):
            continue
        name = clean[hit.start : hit.end]
        owner = by_end.get(hit.start - 1) if clean[hit.start - 1 : hit.start] == "的" else None
        county = gazetteer.entry_by_code(owner.adcode or "", year) if owner is not None else None
        if (
            owner is not None
            and county is not None
            and county.level == "county"
            and _BELOW_RANK.get(owner.level, _BELOW_RANK["compound"]) < _BELOW_RANK[hit.level]
        ):
            hit.adcode = county.adcode
            if hit.level in ("compound", "zone"):
                seated[name] = county.adcode
            elif owner.full_name and not _is_chain(name):
                hit.full_name = owner.full_name + name
        elif hit.level == "compound" and name in seated:
            hit.adcode = seated[name]


def seat_located(clean: str, places: list[Hit], year: int | None) -> None:
    """A place below the county written before a verb of lying (位于, 地处) and a county, a chain
    opening with one (东河村位于岚皋县城东南) or a township placed in one (格老溪村位于牛郎镇), lies in that
    county, where the article had put it only in the city or province above or in a county guessed
    from outside its sentence; a county the table or a chain gave it is left alone."""
    by_start = {h.start: h for h in places if h.adcode}
    for hit in places:
        if hit.level not in _BELOW_RANK or hit.level == "county" or hit.full_name:
            continue
        verb = _located_verb().match(clean, hit.end)
        where = by_start.get(verb.end()) if verb is not None else None
        county = gazetteer.entry_by_code(where.adcode or "", year) if where is not None else None
        if county is None or county.level != "county":
            continue
        # 格老溪村位于牛郎镇西部: a township the article placed in a county places it too, over a guess
        guessed = (
            where is not None and where.level in BELOW and hit.adcode is not None and hit.guessed_seat == hit.adcode
        )
        if hit.adcode is None or county.adcode.startswith(hit.adcode.rstrip("0")) or guessed:
            hit.adcode = county.adcode
            if guessed:  # its other mentions follow it (seat_one_name), as they follow a chain
                hit.full_name = chain_under(county, clean[hit.start : hit.end])


@cache
def _located_verb() -> regex.Pattern[str]:
    return regex.compile(alternation(word_lists()["located_verbs"]["words"]))


# Places below the township: one article seldom names two of them alike (township names repeat
# across counties: 城关镇).
_ONE_NAME_LEVELS = frozenset(("village", "community", "compound"))


def seat_one_name(clean: str, below: list[Hit]) -> None:
    """A village, community or estate named several times in one article is one place: where its
    mentions were seated in different counties (火普村 once in a sentence naming 西昌市, again after
    昭觉县解放乡的), every mention not placed by its chain takes the county the chained mentions give
    (位于昭觉县解放乡的火普村), else the one most mentions got."""
    codes: dict[str, Counter[str]] = {}
    chained: dict[str, set[str]] = {}
    for hit in below:
        if hit.level in _ONE_NAME_LEVELS and hit.adcode:
            name = clean[hit.start : hit.end]
            codes.setdefault(name, Counter())[hit.adcode] += 1
            if hit.full_name:
                chained.setdefault(name, set()).add(hit.adcode)
    for hit in below:
        name = clean[hit.start : hit.end]
        counts = codes.get(name)
        if counts is None or len(counts) < 2 or hit.full_name:
            continue
        if len(placed := chained.get(name, set())) == 1:
            hit.adcode = next(iter(placed))
            continue
        (top, most), (_, next_most) = counts.most_common(2)
        if most > next_most:
            hit.adcode = top


def seat_by_township_name(clean: str, places: list[Hit], year: int | None) -> None:
    """A village named after a township the article placed in a county (临潭县长川乡 … 长川村, or the
    township table's 木耳镇 … 木耳村) lies in that county, where its own sentence put it in none (a
    township's seat village bears its name): over the city, or a county guessed from outside."""
    counties: dict[str, str] = {}
    for hit in places:
        if hit.level == "township" and _county_level(hit.adcode, year):
            name = last_part(clean[hit.start if hit.below_start is None else hit.below_start : hit.end])
            counties.setdefault(trailing_suffix().sub("", name), hit.adcode or "")
    if not counties:
        return
    for hit in places:
        guessed = hit.guessed_seat is not None and hit.guessed_seat == hit.adcode  # from outside its sentence
        if hit.level != "village" or hit.suffix != "" or hit.below_start is not None:
            continue
        if _county_level(hit.adcode, year) and not guessed:
            continue
        code = counties.get(trailing_suffix().sub("", clean[hit.start : hit.end]))
        if code and (hit.adcode is None or guessed or code.startswith(hit.adcode.rstrip("0"))):
            hit.adcode = code


def seat_in_townships_county(clean: str, places: list[Hit], year: int | None) -> None:
    """A village, community or estate the article could seat only in its city or province lies in
    the county of the article's townships, where they all lie in one county inside that seat (联合乡
    联合村 … 小白龙村: the table puts 联合乡 in 寻甸县, so the story is about that county's places),
    or where its seat was only guessed from outside its sentence (a dateline's city, 新华社贵阳电, over
    a story on 郊纳镇 of 望谟县)."""
    counties = {hit.adcode for hit in places if _names_township(clean, hit) and _county_level(hit.adcode, year)}
    if len(counties) != 1:
        return
    county = counties.pop() or ""
    for hit in places:
        if (
            hit.level in _ONE_NAME_LEVELS
            and not _names_township(clean, hit)  # a township the table did not place there is elsewhere
            and not _county_level(hit.adcode, year)
            and (hit.adcode is None or hit.guessed_seat == hit.adcode or county.startswith(hit.adcode.rstrip("0")))
        ):
            hit.adcode = county


def _names_township(clean: str, hit: Hit) -> bool:
    """The place is a township, or a chain holding one (联合乡联合村)."""
    if hit.level == "township":
        return True
    return hit.level in BELOW and any(
        below_suffixes().get(m.group(0)) == "township" for m in suffix_pattern().finditer(clean, hit.start, hit.end - 1)
    )


def _county_level(adcode: str | None, year: int | None) -> bool:
    entry = gazetteer.entry_by_code(adcode, year) if adcode else None
    return entry is not None and entry.level == "county"


def _move_to_county(hit: Hit, seat: Entry | None, county: Entry) -> None:
    if hit.full_name and seat is not None and hit.full_name.startswith(seat.full_name):
        hit.full_name = county.full_name + hit.full_name[len(seat.full_name) :]  # 吕梁市凤山街道
    hit.adcode = county.adcode


def name_chains(clean: str, hits: list[Hit], year: int | None) -> None:
    """A place below the county whose county is known gets its chain as ``full_name``: the
    county's full name and its own (递铺街道鲁家村); a bare name met inside a chain (勐海县勐混镇贺开村
    … 贺开村) takes that chain and its county, over a county its own sentence does not name."""
    chains: dict[str, tuple[str, str | None]] = {}
    # Chains first, so that the bare names after (and before) them find their chain.
    for hit in sorted((h for h in hits if h.level in BELOW), key=lambda h: not _is_chain(clean[h.start : h.end])):
        name = clean[hit.start if hit.below_start is None else hit.below_start : hit.end] + (hit.suffix or "")
        if not hit.full_name and hit.suffix is not None:
            county = gazetteer.entry_by_code(hit.adcode, year) if hit.adcode else None
            in_county = county is not None and county.level == "county"
            known, known_code = chains.get(last_part(name), ("", None))
            # 什寒村 in a heading, seated by the story's county, is the one 琼中县红毛镇什寒村 names
            guessed = hit.level in _ONE_NAME_LEVELS and hit.guessed_seat == hit.adcode
            if (
                known
                and (not in_county or known_code == hit.adcode or guessed)
                and not _narrows(hit.adcode, known_code)
            ):
                hit.full_name, hit.adcode = known, known_code
            elif county is not None and in_county:
                hit.full_name = chain_under(county, name)
        if hit.full_name:
            for m in suffix_pattern().finditer(name):
                if m.group(0) in below_suffixes():
                    chain = hit.full_name[: len(hit.full_name) - len(name) + m.end()]
                    chains.setdefault(last_part(name[: m.end()]), (chain, hit.adcode))


@cache
def _village_short_suffixes() -> tuple[str, ...]:
    return tuple(word_lists()["short_names"]["village_suffixes"])


@cache
def _landform_endings() -> tuple[str, ...]:
    return tuple(word_lists()["short_names"]["landform_endings"])


def township_short_names(doc: Document, hits: list[Hit], below: list[Hit], taken: Mask, home: Division | None) -> None:
    """A township (or a village: 那坡屯 … 那坡的村民, 龙塘村 … 在龙塘，村民说) named in full and then by
    its stem alone (周庄镇 … 2011年周庄接待游客, 以西江为龙头,
    南阳镇要推进南阳至伶俐公路): the stem is that township, not the city or county of the same name
    elsewhere in the country; a bare stem is read where it stands as a word of its own, a village's
    only where it is no common word and names no hill or water (龙山村 … 登上龙山)."""
    clean = doc.clean
    stems: dict[str, Hit] = {}
    landforms: dict[str, Hit] = {}  # village stems that name a hill or water first (龙潭村: 龙潭)
    if home is not None and home.township is not None:
        # the caller's own township (home 黄江镇: 黄江各社区), as if named before the text
        stem = trailing_suffix().sub("", home.township)
        if len(stem) >= 2 and not is_generic(home.township):
            stems[stem] = Hit(-1, 0, "township", home.adcode, home.full_name + home.township)
    for hit in sorted(hits + below, key=lambda h: h.start):
        for chained in _chained_townships(clean, hit):
            stems.setdefault(trailing_suffix().sub("", clean[chained.start : chained.end]), chained)
        if hit.level in ("township", "village") and hit.suffix == "":
            name = last_part(clean[hit.start if hit.below_start is None else hit.below_start : hit.end])
            stem = trailing_suffix().sub("", name)
            # a natural village's stem only where it is no word of the dictionary (王家屯 … 王家的收入)
            # nor a famous river's or mountain's name (长江村 … 在长江，航运繁忙)
            village = (
                name.endswith(_village_short_suffixes())
                and word_tag(stem)[:2] in ("", "ns", "nz")
                and stem not in famous_features()
            )
            short = hit.level == "township" or (village and not stem.endswith(_landform_endings()))
            if short and len(stem) >= 2 and not is_generic(name):
                stems.setdefault(stem, hit)
            elif village and len(stem) >= 2 and not is_generic(name):
                landforms.setdefault(stem, hit)
    for hit in hits:
        township = stems.get(clean[hit.start : hit.end])
        # (红寺堡区红寺堡镇 … 红寺堡: the county's own seat of its name leaves the short name the county's)
        if (
            township is not None
            and township.start < hit.start
            and hit.level in ("city", "county")
            and not (hit.level == "county" and hit.adcode == township.adcode)
        ):
            hit.level, hit.adcode, hit.full_name = township.level, township.adcode, township.full_name
            hit.candidates, hit.rule = [], "township_short"
    # 安镇街道 … 安镇山南的村民: a division's short name written straight after a township's stem names a
    # place of that township (a village, an area), not the division elsewhere (a chain runs the other way)
    hits[:] = [hit for hit in hits if not _after_township_stem(clean, hit, stems)]
    # 安多色务: a county's short name, then its township's stem, one chain
    counties = {hit.end: hit for hit in hits if hit.level == "county" and hit.adcode}
    for stem, township in (*stems.items(), *landforms.items()):
        # a headline names the township by its stem before the story names it in full (色务，不再遥远),
        # a stem that is no word of the dictionary (闽宁 of 闽宁镇 names 闽宁协作 first)
        headline = township.level == "township" and not word_tag(stem)
        at = clean.find(stem, 0 if headline else township.end)
        while at >= 0:
            end = at + len(stem)
            county = counties.get(at)
            if county is not None and county.adcode == township.adcode and township.level == "township":
                if not taken.hits(at, end) and _stands_alone(doc, at, end, opened=True):
                    county.end, county.level, county.full_name = end, township.level, township.full_name
                    county.below_start, county.rule = at, "township_short"
                    taken.mark(at, end)
            elif (
                (at >= township.end or (headline and _heading_line(doc, at)))
                and not taken.hits(at, end)
                and _stands_alone(doc, at, end)
                and (stem not in landforms or _clause_of_its_own(clean, at, end))
            ):
                below.append(
                    Hit(
                        at, end, township.level, township.adcode, township.full_name, rule="township_short", suffix=None
                    )
                )
                taken.mark(at, end)
            at = clean.find(stem, end)


def _chained_townships(clean: str, chain: Hit) -> list[Hit]:
    """The townships inside a chain that runs on below them (淳安县安阳乡黄川村: 安阳乡), each with the
    chain's adcode and its full name up to that township."""
    if chain.below_start is None or chain.level == "township":
        return []
    townships = []
    start = chain.below_start
    for m in suffix_pattern().finditer(clean, chain.below_start, chain.end):
        level = below_suffixes().get(m.group(0))
        if level is None or m.end() == chain.end:
            continue
        name, start = clean[start : m.end()], m.end()
        if level != "township" or len(name) - len(m.group(0)) < 2 or is_generic(name):
            continue
        tail = clean[m.end() : chain.end]
        full = chain.full_name[: -len(tail)] if chain.full_name and chain.full_name.endswith(tail) else None
        townships.append(Hit(m.end() - len(name), m.end(), "township", chain.adcode, full, rule="township_short"))
    return townships


def _clause_of_its_own(clean: str, start: int, end: int) -> bool:
    """在龙潭，村民们…: a preposition before the stem and a clause's end after it, where the village
    is the place the clause is set in (not 登上龙山, 在长江边)."""
    return word_tag(clean[start - 1 : start]) == "p" and clean[end : end + 1] in _CLAUSE_ENDS


# Marks that end a clause (a stem framed by a preposition and one of them stands for a place).
_CLAUSE_ENDS = frozenset("，,。；;！!？?")


def _after_township_stem(clean: str, hit: Hit, stems: dict[str, Hit]) -> bool:
    if hit.level not in _DIVISION_LEVELS or hit.rule not in _DIVISION_RULES or clean[hit.end - 1] in _DIVISION_ENDINGS:
        return False
    inside = gazetteer.prefix(hit.adcode, hit.level) if hit.adcode else None
    return any(
        clean.endswith(stem, 0, hit.start)
        and township.start < hit.start
        and not (inside and (township.adcode or "").startswith(inside))
        for stem, township in stems.items()
    )


_DIVISION_LEVELS = frozenset(("province", "city", "county"))
# The rules of a division read alone (not in a chain): its full or short name.
_DIVISION_RULES = frozenset(("division", "division_short"))


# The last characters of a division's full name: a short name ends with none of them.
_DIVISION_ENDINGS = frozenset("省市县区州旗盟")


# jieba tags of the word after a bare township stem that leave the stem a word of its own: verbs,
# prepositions, adverbs, conjunctions, particles, adjectives (周庄接待, 西江为, 周庄积极).
_STEM_FOLLOWER_TAGS = frozenset("vpdcua")


# A route's second end (南阳至伶俐): the stem before a road's name is still the township.
_ROUTE = frozenset("至到")
# Prepositions of distance (距色务120公里, 离龙塘不远), which jieba tags as nouns or verbs.
_DISTANCE = frozenset("距离")
# jieba tags of a stem that is also a common word (和平, 胜利, 前进, 团结, 光明): alone, such a stem
# is the township only where a route, a preposition or a date opens it (以和平为, 2011年胜利).
_COMMON_WORD_TAGS = frozenset(("n", "v", "a", "vn", "d", "nz", "ad", "an"))


# The longest line read as a headline (a line holding no full stop).
_HEADLINE = 40


def _heading_line(doc: Document, at: int) -> bool:
    """The line holding ``at`` is a headline: short and holding no full stop."""
    start = doc.line_start(at)
    end = doc.line_text_end(at, start + _HEADLINE + 1)
    return end - start <= _HEADLINE and "。" not in doc.clean[start:end]


def _stands_alone(doc: Document, start: int, end: int, *, opened: bool = False) -> bool:
    """A bare township stem is a word of its own here: a clause, a line, a date, a list mark or a
    preposition before it (，周庄积极…, 2011年周庄, 以西江为龙头, 至伶俐), and after it a verb, a
    function word or a clause's end (周庄接待, 以西江为) or what the place has (为周庄高质量发展), not
    a noun it names (周庄古镇, 西江千户苗寨, 金井茶叶) except in a route (南阳至伶俐二级公路), no place
    suffix, no word it would open (周庄园区) and no organisation's name. ``opened``: what stands
    before it opens it whatever it is (its county's short name: 安多|色务)."""
    clean = doc.clean
    before = clean[start - 1 : start]
    follower = next((word_tag(clean[end : end + k]) for k in (4, 3, 2, 1) if word_tag(clean[end : end + k])), "")
    introduced = (
        opened
        or before in _ROUTE
        or before in after_date()
        or word_tag(before) == "p"
        or clean.startswith(place_people(), end)
    )
    stem_tag = word_tag(clean[start:end])
    follows = (
        not CJK_CHAR.match(clean[end : end + 1])
        or follower[:1] in _STEM_FOLLOWER_TAGS
        or before in _ROUTE
        or clean.startswith(place_followers(), end)  # 那桑村民说, 黄江各社区: the place's people and parts
        # 为郑宅高质量发展, 凤林经济: what the place has, after a preposition or a stem that is no
        # word but a name (海洋经济, 新兴经济 are words' phrases)
        or (clean.startswith(_stem_followers(), end) and (introduced or stem_tag == "" or stem_tag.startswith("nr")))
    )
    if stem_tag in _COMMON_WORD_TAGS:
        opens = introduced  # 距胜利只有一步之遥: after 距 a common word keeps its sense
    else:
        opens = (
            introduced
            or before in _DISTANCE  # 距荣玛80公里
            or doc.line_starts_at(start)
            or not CJK_CHAR.match(before)
            or before in strong_before()
        )
    return (
        opens
        and follows
        and ending_suffix_at(clean, end) is None
        and not word_tag(clean[start : end + 1])
        and not clean.startswith((*names_after()["any"], *names_after()["estates"]), end)
        and not inside_org(clean, end)
    )


@cache
def _stem_followers() -> tuple[str, ...]:
    return tuple(word_lists()["short_names"]["stem_followers"])


@cache
def _natural_suffixes() -> tuple[str, ...]:
    return tuple(word_lists()["natural_villages"]["suffixes"])


@cache
def _clan_hamlet() -> regex.Pattern[str]:
    return regex.compile(rf"[{CJK}]家(?:{alternation(word_lists()['natural_villages']['clan_endings'])})")


def _clan_hamlet_after(doc: Document, hit: Hit, blocked: Mask) -> None:
    """蔡家庙乡赵家坡: a hamlet named for its clan (surname, 家, an ending) straight after a township
    is one record with it, unless its surname and 家 make a word (城关镇农家院), or a place suffix or
    a word follows that the name opens (赵家坡村 is read by the village rules; 张家湾区 is no hamlet),
    or it opens the next line (a heading's township, then the body)."""
    clean = doc.clean
    m = _clan_hamlet().match(clean, hit.end)
    if (
        m is None
        or doc.first_line_start(hit.end, m.end()) < m.end()
        or not surname_length(m.group())
        or m.group()[:2] in word_lists()["natural_villages"]["clan_stem_words"]
        or blocked.hits(hit.end, m.end())
        or suffix_pattern().match(clean, m.end())
        or (m.end() < len(clean) and word_tag(clean[m.end() - 1 : m.end() + 1]))
    ):
        return
    if hit.full_name:
        hit.full_name += m.group()
    hit.end, hit.level = m.end(), "village"


def natural_villages(doc: Document, places: list[Hit], blocked: Mask, taken: Mask) -> list[Hit]:
    """A natural village written straight after its administrative village is one record with it
    (贺开村曼弄老寨, 平安村王家屯, 繁荣村甘庄), so is one after a township its county or city is written
    before (巍山县五印乡青树营) where a boundary or the place's people follow, and a clan's hamlet after a
    township (:func:`_clan_hamlet_after`). Such a village named again after its township (白圩镇甘庄)
    or alone (甘庄群众) is that village: the mentions returned."""
    clean = doc.clean
    hamlets: dict[str, Hit] = {}  # a natural village's own name -> the chain that named it
    for hit in places:
        if hit.level == "township":
            _clan_hamlet_after(doc, hit, blocked)
            if hit.below_start is None or hit.level != "township":
                continue
        elif hit.level != "village" or clean.endswith(_natural_suffixes(), hit.start, hit.end):
            continue  # 那鲁屯|新修了屯级道路: a natural village is the last of its chain
        m = natural_village_at(clean, hit.end)
        if m is None or blocked.hits(hit.end, m.end()) or doc.first_line_start(hit.end, m.end()) < m.end():
            continue  # (a hamlet opening the next line is no part of the place ending a heading)
        if hit.level == "township" and not closes_name(clean, m.end()):
            continue  # 某县某镇|大营业…: after a township only a name standing as a place
        if hit.full_name:
            hit.full_name += m.group(0)
        hit.end, hit.level = m.end(), "village"
        if hit.full_name:
            hamlets.setdefault(m.group(0), hit)
    return _hamlets_again(doc, places, hamlets, taken) if hamlets else []


def _hamlets_again(doc: Document, places: list[Hit], hamlets: dict[str, Hit], taken: Mask) -> list[Hit]:
    """The natural villages a chain named, written again after a township of that chain (白圩镇|甘庄:
    the township's record runs on) or alone where a place stands (，甘庄群众, 甘庄还发动)."""
    clean = doc.clean
    townships = {h.end: h for h in places if h.level == "township"}
    found: list[Hit] = []
    # One scan for every name (the few an article's chains named), from the first chain's end; a
    # name counts only after the chain that named it.
    names = regex.compile(alternation(hamlets))
    for m in names.finditer(clean, min(chain.end for chain in hamlets.values()), overlapped=True):
        at, end = m.span()
        chain = hamlets[m.group()]
        if at < chain.end:
            continue
        township = townships.get(at)
        if (
            township is not None
            and township.adcode == chain.adcode
            and clean[township.start : township.end] in clean[chain.start : chain.end]
        ):
            township.end, township.level, township.full_name = end, "village", chain.full_name
            taken.mark(at, end)
        elif not taken.hits(at, end) and _stands_alone(doc, at, end):
            found.append(Hit(at, end, "village", chain.adcode, chain.full_name, rule="known_name"))
            taken.mark(at, end)
    return found


# The shortest stem a place written after its county's short form keeps (霍城|清水河镇, not 海门|街道).
_MIN_STEM = 2


def chain_under(county: Entry, name: str) -> str:
    """The full name of a place written ``name`` in ``county``: the county's chain, then the name,
    where a name that opens with the county, its short form or the divisions above it (裕民县江格斯乡,
    裕民江格斯乡, 塔城地区裕民县…) does not repeat them; a short form that is the place's own stem
    (海门街道 in 海门区) stays."""
    full = county.full_name
    for overlap in range(min(len(full), len(name)), len(county.name) - 1, -1):
        if full.endswith(name[:overlap]):
            return full + name[overlap:]
    forms = gazetteer.load().forms
    for short in range(len(county.name) - 1, 1, -1):
        own = suffix_pattern().search(name, short)
        if (own is None or own.start() - short >= _MIN_STEM) and any(
            form.entry == county for form in forms.get(name[:short], ())
        ):
            return full + name[short:]
    return full + name


def _is_chain(name: str) -> bool:
    return last_part(name) != name
