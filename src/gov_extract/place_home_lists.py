"""Bare township names listed in the home place's own news (毛陈、卧龙、陡岗等区域 in a 孝感 paper's
water cut notice): a list whose items are, with a township suffix, mostly townships of the home
city or county in the township table (``patterns/townships.tsv``). Each such item is that
township, with its county's code; a bare zone name among them (临空区, 高新区) is the home place's
zone. Ordinary word lists hold no run of the home area's townships, so they never match. So is a
bare name of one right before the place's whole people (古井人民群众 in a 谯城区 paper), and one
listed before a township or community whose suffix it shares (真如、曹杨社区 in a 普陀区 paper).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from . import gazetteer
from .home_place import Division
from .names import dictionary_words, word_frequency, word_tag
from .place_divisions import Hit
from .place_words import (
    LIST_JOINS,
    Mask,
    below_suffixes,
    boundary_pattern,
    cut_at,
    ending_suffix_at,
    names_after,
    people_governor_tags,
    strong_before,
    word_lists,
)
from .text import HAN_CHARS, is_han
from .word_index import word_hits

# The list mark the items stand between; the standard library's engine finds it fastest.
_MARK = re.compile("、")


# How long a bare item may be (毛陈, 大泉沟).
_SHORTEST, _LONGEST = 2, 4

# A bare item: Chinese characters only, as many as an item may hold.
_BARE_ITEM = re.compile(rf"[{HAN_CHARS}]{{{_SHORTEST},{_LONGEST}}}")


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    kind: str  # "township", "written" (a township with its suffix), "zone" or "other"
    adcode: str | None = None
    suffix: str = ""


@cache
def _words() -> dict:
    return word_lists()["home_lists"]


def _area(home: Division) -> str:
    """The adcode prefix of the home area: a city's (its counties), else the county's own."""
    return home.adcode[:4] if home.level == "city" else home.adcode


def _township(name: str, area: str, year: int | None) -> tuple[str | None, str] | None:
    """(county code, suffix) when ``name`` with a township suffix is a township of the home area;
    the code is None when two of its counties hold one of that name."""
    if name not in gazetteer.township_stems(area):
        return None  # most items are no township's stem in the home area: one lookup
    # 湖南 of 湖南路街道: a subdistrict named after its road or estate is listed by the name alone; a
    # name the table holds as written goes before one it holds as renamed since (徐家汇街道, not 镇)
    suffixes = [drop + suffix for drop in ("", *_words()["spoken_drops"]) for suffix in _words()["suffixes"]]
    for suffix in sorted(suffixes, key=lambda suffix: not gazetteer.is_township(name + suffix)):
        counties = {e.adcode for e in gazetteer.township_counties(name + suffix, year) if e.adcode.startswith(area)}
        if counties:
            return (counties.pop() if len(counties) == 1 else None), suffix
    return None


def _written_township(name: str, area: str, year: int | None) -> bool:
    """毛陈镇 of 毛陈镇、卧龙、陡岗: an item written with its suffix, a township of the home area."""
    if not gazetteer.is_township(name):
        return False
    suffix = next((s for s in below_suffixes() if name.endswith(s) and below_suffixes()[s] == "township"), None)
    if suffix is None or len(name) - len(suffix) < _SHORTEST:
        return False
    return any(e.adcode.startswith(area) for e in gazetteer.township_counties(name, year))


def _zone(clean: str, start: int, end: int) -> bool:
    """临空区, 高新区: a functional area of the home place, written bare, after a boundary."""
    name = clean[start:end]
    if not name.endswith(_words()["zone_ending"]) or name in _everyday_areas() or boundary_pattern().search(name):
        return False  # 城区, 朋兴等区
    if gazetteer.load().forms.get(name):
        return False  # 孝南区: a division, read by the gazetteer
    before = clean[start - 1 : start]
    return not before or not is_han(before) or before in strong_before() or before in LIST_JOINS


@cache
def _everyday_areas() -> frozenset[str]:
    return frozenset(word_lists()["everyday_full_names"]["words"])


# How often jieba's dictionary may count a common word (not a place or personal name) that is still
# read as a township's bare name: 茶山 (53), 新铺 (2) are; 民主, 文化, 建设 (thousands) are not.
_RARE_WORD = 300


def _reads_as_name(name: str) -> bool:
    """哈尔滨's 民主、团结、胜利 are everyday words before they are its 街道: a bare item is a name
    when the dictionary holds it as a place or personal name, as a rare word, or not at all."""
    tag = word_tag(name)
    return not tag or tag.startswith(("ns", "nz", "nr")) or word_frequency(name) < _RARE_WORD


def _read(clean: str, start: int, end: int, area: str, year: int | None, *, counted: bool = False) -> _Item:
    """``counted``: the list is closed by a count of townships (全县16个乡镇), so a township of the
    home area is one even where its name is an everyday word or a road's or bridge's (大桥, 洋桥)."""
    name = clean[start:end]
    if not counted and name.endswith(names_after()["any"]):
        return _Item(start, end, "other")  # 般阳路: a road, though a township bears its name
    found = _township(name, area, year)
    if found is not None and (counted or _reads_as_name(name)):
        return _Item(start, end, "township", *found)
    if _written_township(name, area, year):
        return _Item(start, end, "written")
    return _Item(start, end, "zone" if _zone(clean, start, end) else "other")


def _bare(clean: str, start: int, end: int) -> bool:
    return _BARE_ITEM.fullmatch(clean, start, end) is not None


def _ends_clear(clean: str, end: int) -> bool:
    """No name runs on past ``end`` (毛陈|等, 卧龙|的, 朋兴|将; not 石板凳|街道, 温宿|县)."""
    return end >= len(clean) or not is_han(clean[end]) or boundary_pattern().match(clean, end) is not None


def _starts_clear(clean: str, start: int) -> bool:
    """No name runs into ``start`` from before it (届时|毛陈, 及|高新区; not 库车市|乌恰镇)."""
    if start == 0 or not is_han(clean[start - 1]) or clean[start - 1] in strong_before():
        return True
    return any(b.end() == start for b in boundary_pattern().finditer(clean, max(0, start - 2), start)) or cut_at(
        clean, start
    )


def _edge(clean: str, mark: int, area: str, year: int | None, *, first: bool, counted: bool) -> _Item | None:
    """The item before the list's first mark (``first``) or after its last: the longest window
    that is a township or a zone of the home area, else the longest bare window, unknown."""
    windows = [
        (mark - size, mark) if first else (mark + 1, mark + 1 + size)
        for size in range(_LONGEST, _SHORTEST - 1, -1)
        if (mark - size >= 0 if first else mark + 1 + size <= len(clean))
    ]
    windows = [w for w in windows if _bare(clean, *w)]
    for start, end in windows:
        item = _read(clean, start, end, area, year, counted=counted)
        # the edge is read only around a township or zone the window holds (cut_at runs jieba)
        if item.kind != "other" and (_starts_clear(clean, start) if first else _ends_clear(clean, end)):
            return item
    return _Item(*windows[-1], "other") if windows else None


def _names_stem(clean: str, mark: int, stems: frozenset[str], edges: tuple[frozenset[str], frozenset[str]]) -> bool:
    """A township stem of the home area ends right before the mark or starts right after it."""
    # Most marks of an article stand between characters that end and open no stem (``edges``).
    lasts, firsts = edges
    if clean[mark - 1 : mark] not in lasts and clean[mark + 1 : mark + 2] not in firsts:
        return False
    return any(
        clean[mark - size : mark] in stems or clean[mark + 1 : mark + 1 + size] in stems
        for size in range(_SHORTEST, _LONGEST + 1)
    )


@lru_cache(maxsize=256)
def _stem_edges(area: str) -> tuple[frozenset[str], frozenset[str]]:
    """The last and the first characters of the home area's township stems."""
    stems = gazetteer.township_stems(area)
    return frozenset(stem[-1:] for stem in stems), frozenset(stem[:1] for stem in stems)


def _runs(clean: str) -> list[list[int]]:
    """The positions of the 、 marks of each list: consecutive marks with a bare item between."""
    runs: list[list[int]] = []
    for m in _MARK.finditer(clean):
        at = m.start()
        if runs and _bare(clean, runs[-1][-1] + 1, at):
            runs[-1].append(at)
        else:
            runs.append([at])
    return runs


def _count_closure(clean: str, mark: int) -> int | None:
    """Where a count of townships closing the list starts right after its last item (…、新圩|全县16个乡镇,
    、邹圩|共5个乡镇, 、黎塘|等3个乡镇（街道）), that item being a bare name after the last ``mark``."""
    for end in range(mark + 1 + _SHORTEST, min(len(clean), mark + 1 + _LONGEST) + 1):
        if _township_count().match(clean, end) and _bare(clean, mark + 1, end):
            return end
    return None


@cache
def _township_count() -> re.Pattern[str]:
    words = _words()["counts"]
    return re.compile(
        f"等?(?:{'|'.join(words['totals'])})?[0-9{words['numerals']}]+个(?:{'|'.join(_words()['suffixes'])})"
    )


def _items(clean: str, marks: list[int], area: str, year: int | None) -> list[_Item]:
    closure = _count_closure(clean, marks[-1])
    counted = closure is not None
    first = _edge(clean, marks[0], area, year, first=True, counted=counted)
    middle = [_read(clean, a + 1, b, area, year, counted=counted) for a, b in pairwise(marks)]
    if closure is not None:
        last: _Item | None = _read(clean, marks[-1] + 1, closure, area, year, counted=True)
    else:
        last = _edge(clean, marks[-1], area, year, first=False, counted=False)
    items = ([first] if first else []) + middle + ([last] if last else [])
    # 毛陈、卧龙和陡岗: a join word, then one more township
    while last is not None and last.kind == "township" and clean[last.end : last.end + 1] in LIST_JOINS:
        last = _edge(clean, last.end, area, year, first=False, counted=False)
        if last is None or last.kind != "township":
            break
        items.append(last)
    return items


def _closed_by_area(clean: str, end: int) -> bool:
    """The list ends with no 等, or with 等 and a word for areas (等区域, 等地, 等乡镇) or a count
    of townships (等5个乡镇)."""
    if not clean.startswith("等", end):
        return True
    return clean.startswith(_area_words(), end + 1) or _township_count().match(clean, end) is not None


@cache
def _area_words() -> tuple[str, ...]:
    return tuple(_words()["closers"])


def home_township_lists(clean: str, home: Division | None, year: int | None, blocked: Mask) -> list[Hit]:
    """Bare township and zone names of lists that mostly name the home area's townships."""
    hits: list[Hit] = []
    if home is None or home.level not in ("city", "county"):
        return hits
    area = _area(home)
    stems = gazetteer.township_stems(area)
    edges = _stem_edges(area)
    for marks in _runs(clean):
        if not any(_names_stem(clean, mark, stems, edges) for mark in marks):
            continue  # no township of the home area next to any mark: most lists of an article
        items = _items(clean, marks, area, year)
        if not items or not _closed_by_area(clean, items[-1].end):
            continue  # 西递、宏村、呈坎等景区: a list of sights, named after their townships
        townships = sum(item.kind in ("township", "written") for item in items)
        areas = townships + sum(item.kind == "zone" for item in items)
        if townships < 1 or areas < 2 or 3 * areas < 2 * len(items):
            continue
        for item in items:
            if item.kind not in ("township", "zone") or blocked.hits(item.start, item.end):
                continue
            if item.kind == "zone":
                hits.append(Hit(item.start, item.end, "zone", home.adcode, rule="home_list"))
            else:
                hits.append(
                    Hit(
                        item.start,
                        item.end,
                        "township",
                        item.adcode or home.adcode,
                        rule="home_list",
                        suffix=item.suffix,
                    )
                )
    return hits


def _home_county(name: str, home: Division, year: int | None) -> str | None:
    """The code of the one county or district of the home city ``name`` is the short name of (孝义
    in a 吕梁 paper, 白云 in a 广州 paper): its people are that county's, not a township's of the
    same name."""
    city = home.adcode[:4]
    codes = {
        form.entry.adcode
        for form in gazetteer.forms_in_year(name, year)
        if form.entry.level == "county" and form.entry.adcode.startswith(city)
    }
    return codes.pop() if len(codes) == 1 else None


def home_township_people(clean: str, home: Division | None, year: int | None, blocked: Mask) -> list[Hit]:
    """A bare name of a township of the home area right before the place's whole people (古井人民群众,
    三交干部群众): that township, a word of its own there (after a clause's start or a word that opens
    a name), whatever else the name means."""
    hits: list[Hit] = []
    if home is None or home.level not in ("city", "county"):
        return hits
    area = _area(home)
    stems = gazetteer.township_stems(area)
    for end, _people_end in word_hits(clean, "place_people"):
        for start in range(max(0, end - _LONGEST), end - _SHORTEST + 1):
            name, before = clean[start:end], clean[start - 1 : start]
            if name not in stems or (before and is_han(before) and before not in strong_before()):
                continue
            if word_tag(name).startswith(people_governor_tags()):
                break  # 振兴人民群众精气神: a verb
            county = _home_county(name, home, year)
            if county is not None:
                if not blocked.hits(start, end):  # 白云人民群众 in a 广州 paper: 白云区 before 白云街道
                    full_name = entry.full_name if (entry := gazetteer.entry_by_code(county, year)) else None
                    hits.append(Hit(start, end, "county", county, full_name=full_name, rule="home_people"))
                break
            township = _township(name, area, year)
            if township is not None and not blocked.hits(start, end):
                code, suffix = township
                hits.append(Hit(start, end, "township", code or home.adcode, rule="home_people", suffix=suffix))
                break
    return hits


@lru_cache(maxsize=64)
def _street_stems(area: str, year: int | None) -> dict[str, str | None]:
    """The stems of the home area's subdistricts (街口 of 街口街道) that read as names, each with its
    county's code (None where two counties hold one)."""
    codes: dict[str, str | None] = {}
    for stem in gazetteer.township_stems(area):
        counties = {e.adcode for e in gazetteer.township_counties(stem + "街道", year) if e.adcode.startswith(area)}
        if counties and _reads_as_name(stem):
            codes[stem] = counties.pop() if len(counties) == 1 else None
    return codes


def home_street_names(clean: str, home: Division | None, year: int | None, blocked: Mask) -> list[Hit]:
    """漫步在街口街, 近年来，街口街不断完善: a subdistrict of the home area spoken of by its 街 (街口街道),
    starting where a word does and not the street itself (中山街上, 中山街口): that township."""
    hits: list[Hit] = []
    short = _words()["street_short"]
    if home is None or home.level not in ("city", "county") or short not in clean:
        return hits
    stems = _street_stems(_area(home), year)
    not_before = _words()["street_not_before"]
    at = clean.find(short)
    while at >= 0:  # (each 街 of the article: few)
        end = at + len(short)
        if stems and (end == len(clean) or clean[end] not in not_before):
            longest = min(_LONGEST, at)
            start = next((at - k for k in range(longest, _SHORTEST - 1, -1) if clean[at - k : at] in stems), None)
            if (
                start is not None
                and _starts_clear(clean, start)
                and not blocked.hits(start, end)
                and not _heads_chain(clean, end)
            ):
                code = stems[clean[start:at]] or home.adcode
                hits.append(Hit(start, end, "township", code, rule="home_street", suffix="道"))
        at = clean.find(short, end)
    return hits


# How far after a subdistrict's 街 the suffix of a community or village written on to it may stand
# (劝业场街|福厚西里|社区).
_CHAINED_REACH = 5
_CHAINED_LEVELS = frozenset(("community", "village"))


def _heads_chain(clean: str, end: int) -> bool:
    """劝业场街新津社区: the subdistrict heads a community or village written on to it, one chain that
    the suffix scan reads whole."""
    for at in range(end + 1, min(len(clean), end + _CHAINED_REACH + 1)):
        if not is_han(clean[at - 1]):
            return False
        if ending_suffix_at(clean, at) in _CHAINED_LEVELS:
            return True
    return False


# The levels of a place whose suffix a list of the home area's townships may share (真如、曹杨社区:
# a Shanghai 街道 is its 社区; 万里、曹杨新村街道).
_SHARED_LEVELS = frozenset(("township", "community"))


def _suffix_of(name: str) -> str | None:
    """The below-county suffix a found place's name ends with (社区 of 曹杨社区, 街道 of 曹杨新村街道)."""
    return max((suffix for suffix in below_suffixes() if name.endswith(suffix)), key=len, default=None)


def _home_stem(name: str, stems: frozenset[str]) -> bool:
    """A township stem of the home area, or one the spoken name drops a word of (真如 of 真如镇街道:
    [home_lists] stem_drops)."""
    return name in stems or any(name + drop in stems for drop in _words()["stem_drops"])


def _listed_township(name: str, suffix: str, area: str, year: int | None) -> tuple[str | None, str]:
    """(county code, suffix) of a bare item of a list of townships sharing ``suffix``: the table's
    name it is short for (长风 -> 长风新村街道, 真如 -> 真如镇街道), else the suffix as written; the
    code None where no one county of the home area holds it."""
    for drop in ("", *_words()["stem_drops"]):
        written = name + drop + suffix
        counties = {e.adcode for e in gazetteer.township_counties(written, year) if e.adcode.startswith(area)}
        if counties:
            # 真如 + 镇 + 镇 is found as renamed (真如镇街道): the suffix is the table's
            forms = (written, *gazetteer.renamed_forms(written))
            tabled = next((form for form in forms if gazetteer.is_township(form)), written)
            return (counties.pop() if len(counties) == 1 else None), tabled[len(name) :]
    return None, suffix


# Characters before a list's first item that jieba cuts to find the word it follows.
_BEFORE_WINDOW = 4


def _said_of_noun(clean: str, start: int, end: int) -> bool:
    """身体|康健、长桥社区, 居民|康健、长桥街道: a dictionary word right after a common noun is said of
    it (a state, a quality), no bare name opening a list."""
    if start == 0 or not is_han(clean[start - 1]) or not word_tag(clean[start:end]):
        return False
    words = dictionary_words(clean[max(0, start - _BEFORE_WINDOW) : start])
    return bool(words) and word_tag(words[-1]) == "n"


def home_suffix_lists(clean: str, home: Division | None, year: int | None, below: list[Hit], taken: Mask) -> list[Hit]:
    """真如、曹杨社区, 万里、长风、曹杨新村街道: bare items listed before a township or community found
    with its suffix share that suffix (spec: a list sharing a suffix gives each item) where each is
    a township stem of the home area that reads as a name and starts where a word does; each is a
    place of the suffix's level (真如 -> 真如社区)."""
    hits: list[Hit] = []
    if home is None or home.level not in ("city", "county"):
        return hits
    area = _area(home)
    stems = gazetteer.township_stems(area)
    for place in below:
        if place.level not in _SHARED_LEVELS or clean[place.start - 1 : place.start] != "、":
            continue
        suffix = _suffix_of(clean[place.start : place.end])
        if suffix is None:
            continue
        mark = place.start - 1
        while clean[mark : mark + 1] == "、":
            start = next(
                (
                    mark - size
                    for size in range(_LONGEST, _SHORTEST - 1, -1)
                    if mark - size >= 0
                    and _bare(clean, mark - size, mark)
                    and _home_stem(clean[mark - size : mark], stems)
                    and _reads_as_name(clean[mark - size : mark])
                    and _starts_clear(clean, mark - size)
                    and not _said_of_noun(clean, mark - size, mark)
                ),
                None,
            )
            if start is None or taken.hits(start, mark):
                break
            code, full_suffix = (None, suffix)
            if place.level == "township":
                code, full_suffix = _listed_township(clean[start:mark], suffix, area, year)
            hits.append(Hit(start, mark, place.level, code or home.adcode, rule="home_suffix_list", suffix=full_suffix))
            taken.mark(start, mark)
            mark = start - 1
    return hits
