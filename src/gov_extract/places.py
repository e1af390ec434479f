"""Place records: divisions with adcodes, below-county places, chains and references.

This module owns the matching rules for ``place`` records (spec: records.md):

* divisions (province, city, county) found by one Aho-Corasick pass of the
  gazetteer (:mod:`gov_extract.gazetteer`) over ``doc.clean``, leftmost-longest,
  resolved in the article's year and disambiguated by the place written just
  before (chains such as 江苏泰州 are one record), the home place and the
  other places the article names;
* places below the county (镇, 街道, 村, 社区, 小区, 家属院, 经开区) found by their
  suffix, their name running back to the nearest word boundary;
* references (我市, 全省, 该县, 全国) resolved to the place they point at,
  the home place (:mod:`gov_extract.home_place`, through the context) among them.

Word lists live in ``patterns/place_*``; names inside organisations
(汾阳市人民医院), road names (山西路) and 《titles》 are not places.

The word lists and the organisation checks live in :mod:`gov_extract.place_words`,
divisions in :mod:`gov_extract.place_divisions`, places below the county in
:mod:`gov_extract.place_below` (the suffix scan) and the modules it stands on (``place_stems``,
``place_stem_start``, ``place_stem_clauses``, ``place_villages``, ``place_estates``), chains below
a county in :mod:`gov_extract.place_chains`, lists sharing a suffix in
:mod:`gov_extract.place_suffix_lists` and their county in :mod:`gov_extract.place_seats`;
this module resolves references and runs the pass.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from . import gazetteer
from .dateline import dateline_after
from .gazetteer import Entry
from .home_place import Division
from .place_below import below_county_hits
from .place_chains import chain_below, chained_stem, settle_by_township_after, zone_after
from .place_divisions import Hit, Scope, division_hits, everyday_full_names, zone_end
from .place_estates import estate_list_items
from .place_home_lists import home_street_names, home_suffix_lists, home_township_lists, home_township_people
from .place_seats import (
    name_chains,
    natural_villages,
    seat_below,
    seat_by_township_name,
    seat_by_township_table,
    seat_in_townships_county,
    seat_located,
    seat_one_name,
    seat_owned,
    township_short_names,
)
from .place_stems import is_generic
from .place_suffix_lists import township_lists
from .place_villages import enumerated_villages, extend_named_group, numbered_village_mentions
from .place_words import (
    BELOW,
    LABEL_COLONS,
    Mask,
    article_year,
    crosses_word,
    cut_at,
    inside_org,
    opens_org,
    suffix_pattern,
    word_lists,
)
from .records import Place, validated
from .resources import words_pattern
from .rules import Candidate
from .text import CJK, Document
from .word_index import word_hits

if TYPE_CHECKING:
    from .context import ArticleContext


# These patterns scan every article and use nothing but the standard library's syntax, whose
# engine scans faster (as resources.words_pattern).
_TITLE = re.compile(r"《[^《》]{0,80}》")


_NEWLINE = re.compile("\n")


# The levels a township, village or community may be written straight after, as one chain.
_CHAIN_HEADS = frozenset(("province", "city", "county", "zone"))


_SENTENCE_MARKS = "。！？!?；;"


# The longest line read as a story's headline above its opener (本报讯).
_HEADLINE = 40


# The longest place name read before a masthead (湖南日报, 黔西南日报).
_MASTHEAD_PLACE = 6


class _Dateline(NamedTuple):
    """A story's dateline by an agency or a paper of another place than the home place: its
    span, and the city it was filed from (新华社贵阳3月5日电: 贵阳市), if it names one."""

    start: int
    end: int
    filed_from: Entry | None


# A quoted name or slogan (“临猗电商”): a quotation holding a clause's punctuation is speech instead.
_CLAUSE_MARKS = "，。；！？,;!?"


_QUOTED = re.compile(
    rf"“[^“”{_CLAUSE_MARKS}]{{1,30}}”|\"[^\"\n{_CLAUSE_MARKS}]{{1,30}}\"|「[^「」{_CLAUSE_MARKS}]{{1,30}}」|‘[^‘’{_CLAUSE_MARKS}]{{1,30}}’"
)


class _Anchors:
    """The counties and cities the article names, by position: what places below the county,
    该市 and 全县 are read against. Built once per article, so each question is a bisection."""

    __slots__ = (
        "_cities",
        "_city_starts",
        "_clean",
        "_counties",
        "_counties_named",
        "_county_starts",
        "_district_starts",
        "_districts",
        "_focus",
        "_focus_starts",
        "_foreign",
        "_home_words",
        "_named",
        "_named_starts",
        "_paragraph_starts",
        "_scope",
        "_story_starts",
    )

    def __init__(self, doc: Document, hits: list[Hit], scope: Scope) -> None:
        ordered = sorted((h for h in hits if h.adcode), key=lambda h: h.start)
        # A chain written from a division (库车市乌恰镇) names that division too.
        self._named = [h for h in ordered if h.level in ("province", "city", "county") or h.below_start is not None]
        self._named_starts = [h.start for h in self._named]
        counties = [h for h in ordered if h.level == "county"]
        # A county named twice, alone or opening a chain (仁怀市茅台镇 … 仁怀市), is one the article is
        # about; the latest before a place is its focus.
        chained = [h for h in ordered if h.below_start is not None and _county_code(h.adcode, scope.year)]
        counts = Counter(h.adcode for h in counties + chained)
        self._counties_named = counties + chained
        self._focus = sorted((h for h in counties + chained if counts[h.adcode] >= 2), key=lambda h: h.start)
        self._focus_starts = [h.start for h in self._focus]
        self._cities = [h for h in ordered if h.level in ("city", "county") and (h.full_name or "").endswith("市")]
        self._city_starts = [h.start for h in self._cities]
        self._counties = [h for h in counties if (h.full_name or "").endswith("县")]
        self._county_starts = [h.start for h in self._counties]
        self._districts = [h for h in ordered if h.level == "zone" or (h.full_name or "").endswith("区")]
        self._district_starts = [h.start for h in self._districts]
        self._scope = scope
        clean = doc.clean
        self._paragraph_starts = sorted({0, *doc.line_breaks, *map(re.Match.end, _NEWLINE.finditer(clean))})
        self._foreign = _foreign_stories(clean, self._paragraph_starts, scope)
        self._story_starts = sorted({*_story_starts(clean, self._paragraph_starts), *self._foreign})
        self._clean = clean  # its sentences are found back from a place asked of (few places are)
        home = scope.home
        # 我县, 本县: where the home place speaks of itself (word_hits in text order)
        self._home_words = (
            [s for s, e in word_hits(clean, "place_references") if _home_owned(clean, e, home)]
            if home is not None
            else []
        )

    def seat(self, at: int, level: str) -> tuple[str | None, bool]:
        """The adcode a below-county place at ``at`` sits in: the county named before it in its
        sentence (在伊川县彭婆镇，新建的滨河花园小区), else the focus county (for a zone only in its
        paragraph: a zone's name is often its city's, an estate's seldom), else the one county the
        article names (inside the home place, if any, and not for a zone), else the home place; and
        whether it was guessed from outside the sentence. The home place's own word written after
        those divisions in the sentence (托克托县代表团来我县考察，在城关镇…) puts the place at home."""
        k = bisect_left(self._named_starts, at) - 1
        paragraph = self._paragraph_starts[bisect_right(self._paragraph_starts, at) - 1]
        sentence = max(paragraph, max(map(self._clean.rfind, _SENTENCE_MARKS, repeat(paragraph), repeat(at))) + 1)
        own = bisect_left(self._home_words, at) - 1
        home = self._scope.home
        if (
            own >= 0
            and home is not None
            and self._home_words[own] >= sentence
            and (k < 0 or self._named[k].start < self._home_words[own])
        ):
            return home.adcode, False
        while k >= 0 and self._named[k].start >= sentence:
            county = gazetteer.entry_by_code(self._named[k].adcode or "", self._scope.year)
            if county is not None and county.level == "county":
                return county.adcode, False
            k -= 1
        k = bisect_left(self._focus_starts, at) - 1
        if k >= 0 and (level != "zone" or self._focus[k].start >= paragraph):
            county = gazetteer.entry_by_code(self._focus[k].adcode or "", self._scope.year)
            if county is not None:
                return county.adcode, True
        only = {h.adcode for h in self._counties_named if h.adcode}
        if len(only) == 1 and (home is None or (level != "zone" and _under(next(iter(only)), home))):
            return only.pop(), True  # a city paper's story on the one county it names (澜沧县 … 云山村)
        return (home.adcode if home is not None else None), True

    def story_focus(self, at: int, kind: str, *, alone_counts: bool = True) -> Entry | None:
        """The county-level division of ``kind`` (市, 旗) the story around ``at`` is about (全市 in a
        city paper's story on 汾阳市 is 汾阳市, 全旗 in one on 鄂温克族自治旗 that banner), or in a
        province's paper the city too (全市 in its story on 株洲市): named at least twice since the
        story began and more than any other division, or the only division it has named, and not
        the home place itself; else None."""
        k = bisect_right(self._story_starts, at) - 1
        begin = self._story_starts[k] if k >= 0 else 0
        named = self._named[bisect_left(self._named_starts, begin) : bisect_left(self._named_starts, at)]
        dateline = self._foreign.get(begin)
        if dateline is not None:  # its city is where the story was filed, not what it is about
            named = [h for h in named if not dateline.start <= h.start < dateline.end]
        ranked = Counter(h.adcode for h in named).most_common()[:2]  # as most_common(2), without heapq
        # Named twice and more than any other, or the only division the story has named so far
        # (本报讯 汾阳市今年… 全市…).
        alone = alone_counts and len(ranked) == 1
        home = self._scope.home
        if not ranked and dateline is not None and dateline.filed_from is not None:
            entry: Entry | None = dateline.filed_from  # 新华社长沙3月5日电 今年全市…: the city it was filed from
        elif not ranked or (ranked[0][1] < 2 and not alone) or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
            return None
        else:
            entry = gazetteer.entry_by_code(ranked[0][0] or "", self._scope.year)
        # A city paper's own story is about one of its counties; another's may be about any city.
        own_story = home is not None and home.level != "province" and dateline is None
        levels = ("county",) if own_story else ("county", "city")
        if entry is None or entry.level not in levels or (home is not None and home.adcode == entry.adcode):
            return None
        return entry if entry.full_name.endswith(kind) else None

    def story_province(self, at: int) -> str | None:
        """The province code a story filed by an agency or another place's paper is about (全省
        in 新华社贵阳…电 is 贵州省): the one named most since the story began, its dateline
        aside, else the one its dateline names (贵阳, 湖南日报) unless a 直辖市 (新华社北京…电 says
        nothing of a province); None in the paper's own stories or when no province stands out."""
        k = bisect_right(self._story_starts, at) - 1
        dateline = self._foreign.get(self._story_starts[k]) if k >= 0 else None
        if dateline is None:
            return None
        begin = self._story_starts[k]
        named = self._named[bisect_left(self._named_starts, begin) : bisect_left(self._named_starts, at)]
        # Only places with a code count: a province is the first two digits of one.
        coded = [(h, h.adcode[:2]) for h in named if h.adcode]
        in_dateline = [province for h, province in coded if dateline.start <= h.start < dateline.end]
        ranked = Counter(province for h, province in coded if not dateline.start <= h.start < dateline.end)
        top = ranked.most_common(2)
        if top:
            return top[0][0] + "0000" if len(top) == 1 or top[0][1] > top[1][1] else None
        filed = set(in_dateline) - gazetteer.municipality_codes()
        return filed.pop() + "0000" if len(filed) == 1 else None

    def in_foreign_story(self, at: int) -> bool:
        """``at`` lies in a story filed by an agency or another place's paper (:class:`_Dateline`)."""
        k = bisect_right(self._story_starts, at) - 1
        return k >= 0 and self._story_starts[k] in self._foreign

    def named_right_before(self, at: int) -> Entry | None:
        """The city or county named right before ``at`` (肇庆全市, 宁都全县), else None."""
        for starts, hits in ((self._city_starts, self._cities), (self._county_starts, self._counties)):
            k = bisect_left(starts, at) - 1
            if k >= 0 and hits[k].end == at:
                return gazetteer.entry_by_code(hits[k].adcode or "", self._scope.year)
        return None

    def nearest_city(self, at: int) -> Entry | Division | None:
        """该市: the last 市 named before it (a city or a county-level city), else the home place."""
        k = bisect_left(self._city_starts, at) - 1
        if k >= 0:
            return gazetteer.entry_by_code(self._cities[k].adcode or "", self._scope.year)
        return self._scope.home

    def nearest_county(self, at: int) -> Entry | Division | None:
        """该县/全县: the nearest 县 the article names (the earlier on a tie), else a county home place."""
        k = bisect_left(self._county_starts, at)
        near = self._counties[max(0, k - 1) : k + 1]
        if near:
            nearest = min(near, key=lambda h: abs(h.start - at))
            return gazetteer.entry_by_code(nearest.adcode or "", self._scope.year)
        home = self._scope.home
        return home if home is not None and home.level == "county" else None

    def district(self, at: int, *, named: bool) -> tuple[str, str | None, str | None] | None:
        """(level, adcode, full_name) of 全区/我区 (or, ``named``, 该区) at ``at``, else None."""
        home = self._scope.home
        k = bisect_left(self._district_starts, at) - 1
        last = self._districts[k] if k >= 0 else None
        home_is_district = home is not None and home.level == "county" and home.full_name.endswith("区")
        if home is not None and home_is_district and not named:
            return home.level, home.adcode, home.full_name
        # In a paper of 广西 or 内蒙古, 全区 is the autonomous region.
        region = gazetteer.entry_by_code(home.adcode[:2] + "0000", self._scope.year) if home is not None else None
        in_region = region is not None and region.full_name.endswith("自治区")
        if last is not None:
            # 东胜区…居全区首位: one mention does not settle the district against the region
            focus = (
                self.story_focus(at, "区", alone_counts=False) if in_region and not named and last.end != at else None
            )
            if in_region and not named and last.end != at and (focus is None or focus.adcode != last.adcode):
                return None  # 东胜区 … 居全区首位 in a 鄂尔多斯 paper: the district or the region?
            return last.level, last.adcode, last.full_name
        if named or region is None or not in_region:
            return None
        return "province", region.adcode, region.full_name


def _seated_level(clean: str, hit: Hit) -> str:
    """The level a place is seated by: a zone's when its name opens with a zone (芦台经济开发区|海北镇…):
    a zone is seldom in the county named before it in a list, being its city's."""
    head = suffix_pattern().search(clean, hit.start, hit.end)
    return "zone" if head is not None and word_lists()["suffixes"][head.group()] == "zone" else hit.level


def _under(adcode: str, home: Division) -> bool:
    """The division lies inside the home place, a city or province above it."""
    return (
        home.level != "county"
        and adcode != home.adcode
        and adcode.startswith(gazetteer.prefix(home.adcode, home.level))
    )


def _county_code(adcode: str | None, year: int | None) -> bool:
    entry = gazetteer.entry_by_code(adcode, year) if adcode else None
    return entry is not None and entry.level == "county"


def _story_starts(clean: str, lines: list[int]) -> list[int]:
    """Where the stories of a page begin: the line (of ``lines``, their starts) of each story
    opener (本报讯), or the headline line right above it."""
    starts = []
    for m in _story_opener().finditer(clean):
        starts.append(_story_line(clean, lines, m.start()))
    return sorted(set(starts))


def _story_line(clean: str, lines: list[int], at: int) -> int:
    """Where the story whose opener stands at ``at`` begins: the opener's line (of ``lines``, their
    starts), or the headline line right above it."""
    k = bisect_right(lines, at) - 1
    line = lines[k]
    if k > 0 and line - lines[k - 1] <= _HEADLINE and "。" not in clean[lines[k - 1] : line]:
        line = lines[k - 1]
    return line


def _foreign_stories(clean: str, lines: list[int], scope: Scope) -> dict[int, _Dateline]:
    """The stories opened by an agency's or another place's paper's dateline (新华社贵阳3月5日电,
    山西日报讯 in a 吕梁 paper), by where each begins: the dateline's line, or the headline right
    above it (``lines``: the line starts)."""
    stories: dict[int, _Dateline] = {}
    agencies = _agencies()
    for s, e in word_hits(clean, "place_story_agencies"):
        dateline = dateline_after(clean, e)
        if dateline is None:
            continue
        filed_from = None
        if clean[s:e] not in agencies:  # a masthead: the paper is of the place written before it
            paper = _paper_place(clean, s, scope.year)
            if paper is None or (scope.home is not None and paper[1].adcode == scope.home.adcode):
                continue  # 吕梁日报讯 in a 吕梁 paper is its own story; 大众日报 names no place
            s = paper[0]
        elif dateline.place is not None:
            filed_from = gazetteer.single_entry(clean[slice(*dateline.place)], scope.year)
        stories.setdefault(_story_line(clean, lines, s), _Dateline(s, dateline.end, filed_from))
    return stories


def _paper_place(clean: str, masthead: int, year: int | None) -> tuple[int, Entry] | None:
    """Where the longest place name written right before a masthead (湖南日报) starts, and its division."""
    for cut in range(max(0, masthead - _MASTHEAD_PLACE), masthead - 1):
        entry = gazetteer.single_entry(clean[cut:masthead], year)
        if entry is not None:
            return cut, entry
    return None


@cache
def _agencies() -> frozenset[str]:
    return frozenset(word_lists()["stories"]["agencies"])


@cache
def _bodies_named_by(reference: str) -> tuple[str, ...]:
    return tuple(word_lists()["references_opening_bodies"].get(reference, ()))


@cache
def _story_opener() -> re.Pattern[str]:
    return words_pattern(word_lists()["stories"]["openers"])


def _home_owned(clean: str, at: int, home: Division) -> bool:
    """我市新坝镇, 本县城关镇: a place written straight after the home place's own word, whose kind
    the home place is (我市 in a county-level city's paper), lies in the home place, whatever
    county the story is about."""
    if not clean.endswith(_home_owner_words(), 0, at):
        return False  # most places: none of those words before them, asked at once
    word = next(w for w in _home_owner_words() if clean.endswith(w, 0, at))
    return home.full_name.endswith(_named_kind(word))


@cache
def _home_owner_words() -> tuple[str, ...]:
    """我市, 本县, 我旗: the references by which the home place speaks of itself as a division."""
    references = word_lists()["references"]
    return tuple(w for w, to in references.items() if w[0] in "我本" and to not in ("province", "country"))


def _named_kind(word: str) -> str:
    """The division kind a home reference names: 市 in 全市 and 市本级, 州 in 我州."""
    return next((char for char in word if char in "市州盟旗"), word[-1])


def _home_unit(home: Entry | Division, kind: str, year: int | None) -> Entry | Division:
    """The home place, or the division above it whose name ends with ``kind`` (全市 in a
    county's paper is its city; in a district of 上海 it is 上海市); the home place when
    none does (全市 in a province's paper)."""
    if home.level != "county" or home.full_name.endswith(kind):
        return home
    for code in (home.adcode[:4] + "00", home.adcode[:2] + "0000"):
        above = gazetteer.entry_by_code(code, year)
        if above is not None and above.full_name.endswith(kind):
            return above
    return home


def _national_zone(clean: str, hit: Hit) -> None:
    """中国(上海)自由贸易试验区: a place in brackets after the country before a zone's word opens the
    zone's name from the country on ([national_zones]); the zone takes the place's code."""
    zones = word_lists()["national_zones"]
    opener, closer = zones["opener"], zones["closer"]
    if not clean.endswith(opener, 0, hit.start) or not clean.startswith(closer, hit.end):
        return
    end = zone_end(clean, hit.end + len(closer))
    if end is not None:
        hit.start, hit.end, hit.level, hit.rule, hit.full_name = (
            hit.start - len(opener),
            end,
            "zone",
            "division_zone",
            None,
        )


@cache
def _zone_word_not_after() -> tuple[str, ...]:
    return tuple(word_lists()["home_place"]["zone_word_not_after"])


def _home_zone_words(clean: str, taken: Mask, home: Division | None) -> list[Hit]:
    """经开区 alone in the news of a zone given as the home place (岳阳经开区): that zone, where no
    place holds the word, a word boundary opens it, no count or kind comes before it (国家级经开区)
    and it opens no body's name (经开区管委会)."""
    if home is None or home.zone is None:
        return []
    word, out = home.zone, []
    at = clean.find(word)
    while at >= 0:
        end = at + len(word)
        if (
            not taken.hits(at, end)
            and (at == 0 or cut_at(clean, at))
            and not clean.endswith(_zone_word_not_after(), 0, at)
            and not inside_org(clean, end)
        ):
            out.append(Hit(at, end, "zone", adcode=home.adcode, rule="home_zone"))
        at = clean.find(word, end)
    return out


def _reference_hits(clean: str, anchors: _Anchors, taken: Mask, scope: Scope) -> list[Hit]:
    out: list[Hit] = []
    home = scope.home
    for s, e in word_hits(clean, "place_references"):
        word = clean[s:e]
        if taken.hits(s, e) or (word == "市内" and clean[s - 1 : s] in ("城", "都")):
            continue
        if clean[e : e + 1] and clean[e] in word_lists()["references_not_before"].get(clean[e - 1], ""):
            continue
        # 该区住建局, 我市教育局: 我/本/该 open the body's name; 全县医院 is every hospital of it.
        if not word.startswith("全") and (inside_org(clean, e) or crosses_word(clean, s, e)):
            continue
        if clean.startswith(_bodies_named_by(word), e):
            continue  # 全国政协, 全国人大: the national body's own name
        target = word_lists()["references"][word]
        hit = Hit(s, e, "country", reference=True, rule="reference")
        # 肇庆全市, and 石家庄：全市… (a headline's place label): the division named right before
        label = s - 1 if clean[s - 1 : s] in LABEL_COLONS else s
        named = anchors.named_right_before(label) if word.startswith("全") and target != "country" else None
        if named is not None:
            hit.level, hit.adcode, hit.full_name = named.level, named.adcode, named.full_name
        elif target == "country":
            hit.full_name = "中国"
        elif target == "province":
            hit.level = "province"
            province = anchors.story_province(s) or (home.adcode[:2] + "0000" if home else None)
            entry = gazetteer.entry_by_code(province, scope.year) if province else None
            if entry is not None:
                hit.adcode, hit.full_name = entry.adcode, entry.full_name
        elif target == "city":
            hit.level = "city"
            city = anchors.nearest_city(s)
            if city is not None:
                hit.level = city.level
                hit.adcode, hit.full_name = city.adcode, city.full_name
        elif target == "county":
            hit.level = "county"
            # 我县, 本县: a county's paper speaks of itself, whatever other county it names.
            own = home is not None and word in _home_owner_words() and home.full_name.endswith(_named_kind(word))
            county = home if own else anchors.nearest_county(s)
            if county is not None:
                hit.adcode, hit.full_name = county.adcode, county.full_name
        elif target == "district":
            hit.level = "county"
            district = anchors.district(s, named=word.startswith("该"))
            if district is not None:
                hit.level, hit.adcode, hit.full_name = district
        elif (
            home is not None
            and home.level == "county"
            and word in _home_owner_words()
            and home.full_name.endswith(_named_kind(word))
        ):
            # 孝义市代表团来我市: a county-level city's paper speaks of itself, whatever other city it names.
            hit.level, hit.adcode, hit.full_name = home.level, home.adcode, home.full_name
        elif (
            word in word_lists()["stories"]["speakers"]
            and not anchors.in_foreign_story(s)
            and anchors.story_focus(s, "市") is not None
        ):
            continue  # 我市 in a city paper's story on 浏阳市: the paper's city, or 浏阳's own words?
        elif (word in word_lists()["stories"]["references"] or (target == "home" and anchors.in_foreign_story(s))) and (
            focus := anchors.story_focus(s, _named_kind(word))
        ) is not None:
            hit.level, hit.adcode, hit.full_name = focus.level, focus.adcode, focus.full_name
        elif home is not None:
            unit = _home_unit(home, _named_kind(word), scope.year)
            if unit.level == "province" and not unit.full_name.endswith(_named_kind(word)):
                continue  # 全市 in a province's paper, its city unsettled: a guess would be a wrong row
            hit.level = unit.level  # 全市 of a 直辖市 is the province-level city (spec: place)
            hit.adcode, hit.full_name = unit.adcode, unit.full_name
        else:
            hit.level = "city"
        if hit.adcode is None and target != "country":
            continue  # 全区 with no district in sight: a reference resolved to nothing is left out
        out.append(hit)
    return out


# The levels of the places a villagers' group is written after (忙开村|忙嘎山组, 日松乡|甲岗小组).
_GROUP_OWNERS = frozenset(("village", "township"))


def find(doc: Document, ctx: ArticleContext) -> list[Candidate]:
    """Every place the article names or points at, with the rule that found it."""
    is_generic.cache_clear()
    clean = doc.clean
    raw = ctx.place_surfaces  # the one automaton pass over the article, made by the context
    year = article_year(ctx.pub_date)
    if year is None:
        year = _undated_year(clean, raw, ctx.home_place)
    titles = [m.span() for m in _TITLE.finditer(clean)]
    blocked = Mask(len(clean), titles)
    scope = Scope(year, ctx.home_place, _named_prefixes(raw, year))
    lists = township_lists(clean, blocked) + enumerated_villages(clean, blocked) + estate_list_items(clean, blocked)
    listed = Mask(len(clean), titles + [(h.start, h.end) for h in lists])
    lists += home_township_lists(clean, scope.home, year, listed)
    # 街口街 in a 从化 paper: the home area's 街口街道 by its short name
    lists += home_street_names(clean, scope.home, year, Mask(len(clean), titles + [(h.start, h.end) for h in lists]))
    people = home_township_people(clean, scope.home, year, Mask(len(clean), titles + [(h.start, h.end) for h in lists]))
    lists += [h for h in people if h.level == "township"]
    hits = division_hits(doc, raw, scope, Mask(len(clean), titles + [(h.start, h.end) for h in lists + people]))
    # 白云人民群众 in a 广州 paper: the home city's district, a division already
    hits = sorted(hits + [h for h in people if h.level == "county"], key=lambda h: h.start)
    kept: list[Hit] = []
    in_bodies: list[Hit] = []  # chains that name a body (临潭县长川乡党委): no record, but the county is named
    seated: dict[str, str] = {}  # townships written after their county (江安县红桥镇): name -> county code
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue  # 彭山区凤鸣镇江渔村: a division inside the chain before it (镇江) is none
        settle_by_township_after(clean, hit, year)
        if hit.adcode:
            _national_zone(clean, hit)
            zone_after(clean, hit, scope.home)
            if hit.level == "zone" and inside_org(clean, hit.end):
                continue  # 吕梁经开区管委会: the zone opens its committee's name
            # 安徽省荆州乡, 兰州新区中川镇华家井村: a province or a zone opens a chain as a county does
            if hit.level in _CHAIN_HEADS:
                division_end = hit.end
                chain_below(doc, hit, blocked)
                if hit.end > division_end:
                    township = chained_stem(word_lists()["limits"]["max_stem"]).match(clean, division_end)
                    if township is not None and hit.adcode:
                        seated[township.group(0)] = hit.adcode
                if hit.level in BELOW and opens_org(clean, hit.end, hit.start):
                    blocked.mark(hit.start, hit.end)
                    in_bodies.append(hit)
                    continue  # 临猗县角杯乡王万村村委会: the chain names the committee
        kept.append(hit)
    hits = kept
    taken = Mask(len(clean), [(h.start, h.end) for h in hits + lists])
    below = lists + below_county_hits(doc, taken, blocked, hits)
    below += home_suffix_lists(clean, scope.home, year, below, taken)
    villages = [h for h in hits + below if h.level in _GROUP_OWNERS]
    if villages:  # 忙开村忙嘎山组, 日松乡甲岗小组: a named group written after its village or township
        placed = Mask(len(clean), [(h.start, h.end) for h in hits + below])
        for hit in villages:
            extend_named_group(doc, hit, placed)
    # 临潭县长川乡党委书记来到木地坡村: the county a body's name holds seats the places after it; a
    # division inside a quoted slogan (“工业富县”) names no place to read 全县 or a village against.
    quoted = _quote_index(clean)
    named = [h for h in hits if not _in_quoted_name(quoted, clean, h)]
    anchors = _Anchors(doc, named + in_bodies, scope)
    for hit in below:
        if scope.home is not None and _home_owned(clean, hit.start, scope.home):
            hit.adcode, guessed = scope.home.adcode, False
        else:
            hit.adcode, guessed = anchors.seat(hit.start, _seated_level(clean, hit))
        hit.guessed_seat = hit.adcode if guessed else None
    seat_below(clean, hits, below, seated)
    seat_by_township_table(clean, hits + below, scope)
    seat_owned(clean, hits + below, scope.year)
    seat_located(clean, hits + below, scope.year)
    seat_one_name(clean, below)
    seat_by_township_name(clean, hits + below, scope.year)
    seat_in_townships_county(clean, hits + below, scope.year)
    # a chain opening a body (兴县蔚汾镇公义村经济合作总社) is no record, but names its places
    name_chains(clean, hits + below + in_bodies, year)
    for start, end in titles:
        taken.mark(start, end)
    township_short_names(doc, hits, below, taken, scope.home)
    below += natural_villages(doc, hits + below, blocked, taken)
    below += numbered_village_mentions(clean, hits + below, taken)
    refs = _reference_hits(clean, anchors, taken, scope) + _home_zone_words(clean, taken, scope.home)
    vintage = gazetteer.load().vintage
    records: list[Candidate] = []
    for hit in sorted(hits + below + refs, key=lambda h: h.start):
        if _in_quoted_name(quoted, clean, hit) or _quoted_honour(quoted, clean, hit):
            continue
        adcode, full_name = _resolved_in_year(clean, hit, year if ctx.pub_date is not None else None)
        start, end, text = doc.span(hit.start, hit.end)
        place = validated(
            Place,
            {
                "doc_id": ctx.doc_id,
                "start": start,
                "end": end,
                "text": text,
                "name": doc.written(hit.start, hit.end),
                "level": hit.level,
                "adcode": adcode,
                "full_name": full_name,
                "reference": hit.reference,
                "candidates": hit.candidates,
                "vintage": vintage if adcode else None,
            },
        )
        records.append(Candidate(place, f"place.{hit.rule}"))
    return records


def _resolved_in_year(clean: str, hit: Hit, year: int | None) -> tuple[str | None, str | None]:
    """The adcode and full name of the place ``hit`` names, as of a dated article's ``year``: where its
    code was out of force that year and the text does not tell the place as history, those of the
    county that took it over under the same name with another ending (密云县 in a 2020 article:
    密云区), else none (崇安县位于福建省北部 in a 2024 article; spec: the code in force in the
    article's year, else null);
    the historic place where it does (原崇安县, 蓟县撤县设区后, 1985年，崇安县被列为…)."""
    if year is None or not hit.adcode or gazetteer.code_in_force(hit.adcode, year):
        return hit.adcode, hit.full_name
    if _told_as_history(clean, hit):
        return hit.adcode, hit.full_name
    renamed = gazetteer.successor(hit.adcode, year)
    return (renamed.adcode, renamed.full_name) if renamed is not None else (None, None)


def _told_as_history(clean: str, hit: Hit) -> bool:
    """The division ``hit`` names is told as history: after 原, 旧, 老, 前 or 撤 (原崇安县), before a word of
    its change (蓟县撤县设区) or its present name (崇安县（今武夷山市）), or after a word of the past
    (曾在宝山县插队, 抗战时期, 古称崇安县, 1992年撤销崇安县) or a year up to its code's end (1985年，崇安县;
    1970年, before the table's first year) earlier in its sentence."""
    start = hit.start
    if clean[start - 1 : start] in _HISTORY_MARKS or _change_follows(clean, start, hit.end):
        return True
    if clean.startswith(_history_words("history_after"), hit.end):
        return True
    sentence = clean[max(clean.rfind(mark, 0, start) for mark in (*_SENTENCE_MARKS, "\n")) + 1 : start]
    if any(word in sentence for word in _history_words("history_words")):
        return True
    return any(gazetteer.code_not_ended(hit.adcode or "", int(m.group(1))) for m in _WRITTEN_YEAR.finditer(sentence))


@cache
def _history_words(kind: str) -> tuple[str, ...]:
    """place_words.toml [division_changes] history_words (before the name) or history_after."""
    return tuple(word_lists()["division_changes"][kind])


def _quote_index(clean: str) -> list[int]:
    """For each clean character, the start of the quotation it sits in (or -1)."""
    index = [-1] * len(clean)
    for m in _QUOTED.finditer(clean):
        index[m.start() : m.end()] = [m.start()] * (m.end() - m.start())
    return index


def _in_quoted_name(quoted: list[int], clean: str, hit: Hit) -> bool:
    """“临猗电商”, “一区一策”: a place inside a quoted brand or slogan is part of that name."""
    start = quoted[hit.start]
    if start < 0 or quoted[hit.end - 1] != start or start == hit.start:
        return False
    quote = _QUOTED.match(clean, start)
    end = quote.end() if quote else hit.end + 1
    return hit.start > start + 1 or hit.end < end - 1


# A count right after a quoted name (“五好村”21个): the name is a title counted, not a place.
_COUNT_AFTER = re.compile(r"[0-9一二两三四五六七八九十百]+个")


# How far before a quotation an honour's verb may end (评为|全省第一批|“明星村”).
_HONOUR_REACH = 6


# A count with at most a short modifier before a quoted name (10个生态宜居|“红旗村”): titles counted.
_COUNT_BEFORE = re.compile(rf"[0-9一二两三四五六七八九十百]+个[{CJK}]{{0,{_HONOUR_REACH}}}$")

# 有一个 right before a quotation introduces the one place it names (草原深处有一个“巴音嘎查”).
_THERE_IS_ONE = "有一个"


def _one_named(clean: str, hit: Hit) -> bool:
    """The quoted name after 有一个 is a place's (有一个“巴音嘎查”): it holds no honour's word (有一个
    “明星村”) and no plan's word follows the quotation (有一个“幸福村”计划)."""
    name = clean[hit.start : hit.end]
    return not any(word in name for word in _honour_words("title_words")) and not clean.startswith(
        _honour_words("plans_after"), hit.end + 1
    )


def _quoted_honour(quoted: list[int], clean: str, hit: Hit) -> bool:
    """被评为“最美村”, 荣获“明星村”称号, 变成“明星村”: a place that fills a quotation after an honour's
    or a change's verb in its clause, or before the honour's name (称号) or a count (“五好村”21个), or at
    the end of 从“…”到“…”, is the title given, not a place ([honours])."""
    start = quoted[hit.start]
    if hit.reference or start < 0 or start != hit.start - 1 or hit.end >= len(clean) or quoted[hit.end] != start:
        return False
    if clean.startswith(_honour_words("after"), hit.end + 1) or _COUNT_AFTER.match(clean, hit.end + 1):
        return True  # 荣获“明星村”称号, 州级“五好村”21个: a title given, or counted
    low = max(0, start - _HONOUR_REACH - _longest_honour_verb())
    clause = max(low, *(clean.rfind(mark, low, start) + 1 for mark in _CLAUSE_MARKS))
    if _COUNT_BEFORE.search(clean, clause, start) and not (
        clean.endswith(_THERE_IS_ONE, 0, start) and _one_named(clean, hit)
    ):
        return True  # 评出12个文明“五星村”: a place is named, not counted (有一个“毛日图嘎查”: one is named)
    if clean[start - 1 : start] == "到" and clean.find("从“", clause, start) >= 0:
        return True  # 从“封闭村”到“最美村”: the change a place went through, named by two titles
    if clean[start - 1 : start] == "从" and clean.startswith("到“", hit.end + 1):
        return True
    verbs = list(_honour_verbs().finditer(clean, clause, start))
    return bool(verbs) and start - verbs[-1].end() <= _HONOUR_REACH


@cache
def _honour_words(kind: str) -> tuple[str, ...]:
    return tuple(word_lists()["honours"][kind])


@cache
def _honour_verbs() -> re.Pattern[str]:
    return words_pattern(_honour_words("verbs"))


@cache
def _longest_honour_verb() -> int:
    return max(map(len, _honour_words("verbs")))


# A year written out (2021年): an undated article writing one later than an old name's last year
# uses the old name after its time (or tells its history), so the name dates nothing.
_WRITTEN_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")


def _undated_year(clean: str, raw: Sequence[tuple[int, int, str]], home: Division | None) -> int | None:
    """The year of an article with no date, as its divisions date it: a county or city it (or its
    caller's home place) names in full, as a word, by a name since abolished (水城县, 520221 until 2019; 水城区
    520204 from 2020) was written while the name was in force, so its townships (水城县 … 陡箐镇)
    are read under that county, not its successor; else None (the table's year). A name after
    原/旧 (原水城县) tells history, and a later year written out (2021年) dates the article after it."""
    words = [(start, end, surface) for start, end, surface in raw if not crosses_word(clean, start, end)]
    lasts = [
        last
        for start, end, surface in words  # 新增城市绿地 holds no 增城市
        if (last := _abolished_last(surface)) is not None
        and clean[start - 1 : start] not in _HISTORY_MARKS
        and not _change_follows(clean, start, end)
    ]
    entry = gazetteer.entry_by_code(home.adcode, None) if home is not None else None
    if entry is not None and entry.last < gazetteer.load().vintage:
        lasts.append(entry.last)
    year = max(lasts, default=None)
    if year is None or any(int(m.group(1)) > year for m in _WRITTEN_YEAR.finditer(clean)):
        return None
    # A division named so only after that year written too (宝山县 … 上海市宝山区, 1988; 毕节地区 …
    # 七星关区, 2011): the article tells a history and writes the present.
    if any(_named_after(surface, year) for _, _, surface in words):
        return None
    return year


@cache
def _division_changes() -> tuple[str, ...]:
    return tuple(word_lists()["division_changes"]["words"])


def _change_follows(clean: str, start: int, end: int) -> bool:
    """A change of the division named at ``clean[start:end]`` follows it (襄樊市|更名为, 宝山县|撤县设区,
    从毕节地区|到毕节市), a word of its own (not 撤离, 到处) that modifies no noun after it (水城县|合并后的
    学校: the schools')."""
    lists = word_lists()["division_changes"]
    opening, to = lists["from_to"]
    if clean[start - len(opening) : start] == opening and clean.startswith(to, end):
        return True
    for word in _division_changes():
        if clean.startswith(word, end) and cut_at(clean, end + len(word)):
            return not clean.startswith(tuple(lists["not_before"]), end + len(word))
    return False


@lru_cache(maxsize=16384)
def _named_after(surface: str, year: int) -> bool:
    """A division's full name (宝山区) names one created after ``year`` in a province where no
    division of that name was in force in ``year`` (上海's 宝山区 from 1988; 黑龙江's, from 1980,
    is another province's). A county renumbered under a new city (拉孜县: 542326, then 540225 from
    2014) was so named before. Short and everyday forms name nothing here. The answers are kept."""
    forms = gazetteer.load().forms.get(surface, ())
    if not forms or any(f.short or f.needs_parent for f in forms):
        return False
    before = {f.entry.adcode[:2] for f in forms if f.entry.first <= year <= f.entry.last}
    return any(f.entry.first > year and f.entry.adcode[:2] not in before for f in forms)


_HISTORY_MARKS = frozenset("原旧老前撤")


@cache
def _directions() -> str:
    return str(word_lists()["everyday_full_names"]["directions"])


@lru_cache(maxsize=16384)
def _abolished_last(surface: str) -> int | None:
    """The last year a county or city's full name (水城县) was in force, if every division it ever
    named has since been abolished or renamed; else None. The answers are kept."""
    forms = gazetteer.load().forms.get(surface, ())
    if len(surface) < 3 or not forms or any(f.short or f.needs_parent for f in forms):
        return None
    everyday = everyday_full_names()
    if surface in everyday or (surface[0] in _directions() and surface[1:] in everyday):
        return None  # 北郊区: the suburb north of a city
    if any(f.entry.level not in ("county", "city") or f.entry.last >= gazetteer.load().vintage for f in forms):
        return None
    return max(f.entry.last for f in forms)


def _named_prefixes(raw: Sequence[tuple[int, int, str]], year: int | None) -> set[str]:
    """Provinces and cities the article names (山西省, 江苏, 运城市), and counties it names in full
    (武宣县, whose 武宣 is then the county wherever it stands as a word): context for short names."""
    # Each distinct surface is asked once (an article repeats half of them), by maps read in C.
    prefixes = set(map(_named_prefix, set(map(itemgetter(2), raw)), repeat(year)))
    return {prefix for prefix in prefixes if prefix is not None}


@lru_cache(maxsize=16384)
def _named_prefix(surface: str, year: int | None) -> str | None:
    """The prefix a surface names on its own in ``year`` (see :func:`_named_prefixes`), else None;
    the answers are kept, as the surfaces articles write repeat."""
    entry = gazetteer.single_entry(surface, year)
    if entry is None:
        return None
    if entry.level == "county":
        # A two-character full name (和县, 成县) is too often the tail of running words; 老城区
        # names no county on its own.
        if len(surface) > 2 and surface not in everyday_full_names() and _full_form(surface, year):
            return entry.adcode
        return None
    if surface == entry.name or entry.level == "province":
        return gazetteer.prefix(entry.adcode, entry.level)
    return None


def _full_form(surface: str, year: int | None) -> bool:
    """The surface is a division's full name (武宣县, 隆林县 of 隆林各族自治县), not a short form."""
    return not all(f.short for f in gazetteer.forms_in_year(surface, year))
