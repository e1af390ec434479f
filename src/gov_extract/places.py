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
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import ahocorasick_rs
import regex

from . import gazetteer
from .gazetteer import Entry, Form
from .home_place import Division
from .names import word_tag
from .records import Place
from .resources import alternation, jieba_tokenizer, read_toml, read_words, words_pattern
from .rules import Candidate, Veto, vetoed
from .text import CJK, Document

if TYPE_CHECKING:
    from .context import ArticleContext

_CJK_CHAR = regex.compile(f"[{CJK}]")
_TITLE = regex.compile(r"《[^《》]{0,80}》")
# Single-character organisation words count only this close to the place (吕梁市住建局, 汾阳市委).
_NEAR_ORG = 5
_ORG_WINDOW = 12
_BODY_WINDOW = 7
_NUMERAL = regex.compile(r"[0-9一二三四五六七八九十两百几多]+个?")
# A numeral character just before a name: the date or count it ends is not the name's (2025年|枫林乡).
_NUMERAL_CHAR = regex.compile(r"[0-9一二三四五六七八九十〇零]")
# The tail of a list of townships (东城、西城、南城等七个办事处); the items are read backwards from it.
_LIST_ITEM = regex.compile(rf"[{CJK}]{{2,6}}$")
_MAX_LIST = 30
_NEWLINE = regex.compile("\n")
# The longest line read as a story's headline above its opener (本报讯).
_HEADLINE = 40
# Characters on each side of a name that jieba segments to see whether a word runs across its edge.
_CUT_WINDOW = 4
# A quoted name or slogan (“临猗电商”): a quotation holding a clause's punctuation is speech instead.
_CLAUSE_MARKS = "，。；！？,;!?"
_QUOTED = regex.compile(
    rf"“[^“”{_CLAUSE_MARKS}]{{1,30}}”|\"[^\"\n{_CLAUSE_MARKS}]{{1,30}}\"|「[^「」{_CLAUSE_MARKS}]{{1,30}}」|‘[^‘’{_CLAUSE_MARKS}]{{1,30}}’"
)


@dataclass(slots=True)
class _Hit:
    """A place found in clean coordinates, before it becomes a record."""

    start: int
    end: int
    level: str
    adcode: str | None = None
    full_name: str | None = None
    reference: bool = False
    candidates: list[str] = field(default_factory=list)
    rule: str = "division"  # the rule that made it, for gov_extract.explain
    # What completes a bare name of a list (东城 of 东城、西城等七个办事处 is 东城街道); None: unknown.
    suffix: str | None = ""
    # Where the part below the county starts in a chain written from a division (吕梁市|凤山街道).
    below_start: int | None = None


# --- word lists ---------------------------------------------------------------------------


@cache
def _words() -> dict:
    return read_toml("place_words.toml")


@cache
def _suffix_pattern() -> regex.Pattern[str]:
    return words_pattern(_words()["suffixes"])


@cache
def _reference_pattern() -> regex.Pattern[str]:
    return words_pattern(_words()["references"])


@cache
def _boundary_pattern() -> regex.Pattern[str]:
    return regex.compile(rf"[^{CJK}]|{alternation(read_words('place_boundaries.txt'))}")


@cache
def _org_suffixes() -> tuple[ahocorasick_rs.AhoCorasick, tuple[str, ...]]:
    """Organisation endings (医院, 有限公司) in an automaton, and the ending of each pattern."""
    suffixes = read_words("place_org_suffixes.txt")
    return ahocorasick_rs.AhoCorasick(suffixes), suffixes


@cache
def _long_org_suffixes() -> tuple[str, ...]:
    """Organisations whose trade name runs long after the place (临猗县武氏安保职业培训学校)."""
    return tuple(_words()["orgs"]["long_suffixes"])


@cache
def _below_org_heads() -> tuple[str, ...]:
    """Bodies named by the township, village or community they serve (红桥镇人民政府, 王万村村委会)."""
    return tuple(_words()["orgs"]["below_heads"])


@cache
def _org_verb_pattern() -> regex.Pattern[str]:
    return regex.compile(alternation(read_words("place_org_verbs.txt")))


@cache
def _generic() -> tuple[str, ...]:
    return read_words("place_generic.txt")


# --- divisions -------------------------------------------------------------------------


def _year(as_of: date | None) -> int | None:
    return as_of.year if as_of else None


# --- rules: what may not be a place ---------------------------------------------------------


@cache
def _cjk_run(width: int) -> regex.Pattern[str]:
    return regex.compile(rf"[{CJK}]{{0,{width}}}")


def _phrase_after(clean: str, end: int, width: int) -> str:
    """The run of CJK characters after ``end`` (up to ``width``), stopping at punctuation."""
    m = _cjk_run(width).match(clean, end)
    return m.group(0) if m else ""


def _inside_org(clean: str, end: int, *, word_bound: bool = False) -> bool:
    """The place opens an organisation's name (汾阳市人民医院, 吕梁市住建局, 运城市英才劳务派遣有限公司);
    ``word_bound``: the name runs to no boundary word (军缘小区|被省住建厅 opens none)."""
    if clean[end : end + 1] in (")", "）"):
        end += 1  # 蓝思精密(泰州)有限公司
    phrase = _phrase_after(clean, end, _ORG_WINDOW)
    if word_bound:
        bound = _boundary_pattern().search(phrase)
        phrase = phrase[: bound.start()] if bound else phrase
    # A smaller place written first (盐湖区康杰中学家属院) ends the phrase: its own name may hold 中学.
    not_after = _words()["suffix_not_after"]
    for below in _suffix_pattern().finditer(phrase):
        if phrase[below.start() - 1 : below.start()] not in not_after.get(below.group(), ""):
            phrase = phrase[: below.start()]
            break
    # Every occurrence of every ending is tested: the first occurrence of an ending passes
    # whenever a later one would, so this is "some ending's first occurrence passes".
    automaton, suffixes = _org_suffixes()
    for index, at, _ in automaton.find_matches_as_indexes(phrase, overlapping=True):
        suffix = suffixes[index]
        if len(suffix) == 1 and at > 0 and phrase[at - 1 : at + 1] in _not_org_words():
            continue  # 防城区布局, 全市格局: the character ends an ordinary word
        # A company's trade name runs long (运城市英才劳务派遣有限公司); other bodies name
        # themselves in a few characters (汾阳市人民医院); a verb between (新建学校) is no name.
        reach = (
            _ORG_WINDOW if suffix.endswith(_long_org_suffixes()) else _NEAR_ORG if len(suffix) == 1 else _BODY_WINDOW
        )
        # A registered company's name may hold a verb (四川锦城建设工程有限公司); other bodies may not.
        registered = suffix in _words()["orgs"]["registered_suffixes"]
        if at < reach and (registered or not _org_verb_pattern().search(phrase, 0, at)):
            return True
    return False


@cache
def _not_org_words() -> frozenset[str]:
    return frozenset(_words()["orgs"]["not_org_words"])


def _names_outlet(doc: Document, end: int) -> bool:
    """来源：博尔塔拉报: the phrase after the place ends, within a few characters, with a one-character
    outlet word (报, 网); a space the clean view removed ends the phrase too (博尔塔拉报　发布时间)."""
    phrase = _phrase_after(doc.clean, end, _NEAR_ORG + 1)
    cut = next((k for k in range(1, len(phrase)) if doc.joined_at(end + k)), len(phrase))
    return cut <= _NEAR_ORG and phrase[:cut].endswith(tuple(_words()["orgs"]["phrase_final"]))


def _opens_org(clean: str, end: int) -> bool:
    """A place below the county opens a body's name: 红桥镇人民政府, 城关镇第二小学, 街道敬老院."""
    return clean.startswith(_below_org_heads(), end) or _inside_org(clean, end, word_bound=True)


@cache
def _tokenizer() -> Any:
    """jieba's default tokenizer (its dictionary is loaded once, by whichever finder asks first)."""
    return jieba_tokenizer()


def _crosses_word(clean: str, start: int, end: int) -> bool:
    """冬天水管 holds no 天水, 基本市情 no 本市: segmented with a few characters around it, the
    name does not start or end on a word boundary (jieba, on the window only)."""
    low, high = max(0, start - _CUT_WINDOW), min(len(clean), end + _CUT_WINDOW)
    edges = {low}
    pos = low
    for word in _tokenizer().cut(clean[low:high], HMM=False):
        if pos == start and pos + len(word) > end and _goes_on_as_place(clean, end):
            return False  # 上海浦东, 苏州工业园区: jieba's word is the chain or the zone itself
        pos += len(word)
        edges.add(pos)
    return start not in edges or end not in edges


def _goes_on_as_place(clean: str, at: int) -> bool:
    """Another division's name or a place suffix starts at ``at``."""
    return bool(_suffix_pattern().match(clean, at)) or _opens_division(clean, at)


@cache
def _names_after() -> dict[str, tuple[str, ...]]:
    """The words after a division's name that make it part of another name, as prefix tuples."""
    after = _words()["names_after"]
    return {
        "any": (*after["roads"], *after["others"]),
        "estates": tuple(after["estates"]),
        "waters": tuple(after["waters"]),
        "mountains": tuple(after["mountains"]),
        "mountain_areas": tuple(after["mountains_not"]),
        "products": tuple(after["products"]),
        "posts": tuple(_words()["title_openers"]["posts"]),
    }


class _Mask:
    """Which clean characters a kind of span covers (titles, places found so far): O(1) per character."""

    __slots__ = ("_on",)

    def __init__(self, size: int, spans: list[tuple[int, int]]) -> None:
        self._on = bytearray(size)
        for start, end in spans:
            self.mark(start, end)

    def mark(self, start: int, end: int) -> None:
        self._on[start:end] = b"\x01" * (end - start)

    def hits(self, start: int, end: int) -> bool:
        return self._on.find(1, start, end) >= 0

    def after_last(self, low: int, high: int) -> int:
        """The position after the last covered character in ``[low, high)``, else ``low``."""
        return self._on.rfind(1, low, high) + 1 or low


# --- rules: divisions ----------------------------------------------------------------------


@dataclass(slots=True)
class _Scope:
    """What the article says about where it is: the home place and the divisions it names."""

    year: int | None
    home: Division | None
    named_prefixes: set[str]


def _choose(surface: str, forms: list[Form], parent: _Hit | None, scope: _Scope) -> tuple[list[Entry], bool]:
    """The entries a surface may mean here, narrowed by context; the flag says it hangs under ``parent``."""
    everyday = surface in gazetteer.stop_shorts()
    usable = [f for f in forms if not (everyday and f.short and f.entry.level != "province")]
    if surface in _everyday_full_names():
        usable = [f for f in usable if _anchored(f.entry, scope)]
    if parent is not None and parent.adcode:
        prefix = gazetteer.prefix(parent.adcode, parent.level)
        under = [f for f in usable if f.entry.adcode.startswith(prefix) and f.entry.adcode != parent.adcode]
        if under:
            return gazetteer.ancestor(gazetteer.distinct(under)), True
    usable = [f for f in usable if not f.needs_parent and (not _loose(f) or _anchored(f.entry, scope))]
    entries = gazetteer.distinct(usable)
    if len(entries) <= 1:
        return entries, False
    narrowed = gazetteer.ancestor(_narrow(entries, scope))
    if len(narrowed) > 1:
        provinces = [e for e in narrowed if e.level == "province"]
        if len(provinces) == 1:
            narrowed = provinces
    return narrowed, False


@cache
def _everyday_full_names() -> frozenset[str]:
    return frozenset(_words()["everyday_full_names"]["words"])


def _narrow(entries: list[Entry], scope: _Scope) -> list[Entry]:
    """Keep the entries under the home city, else the home province, else a place the article names."""
    tests = []
    if scope.home is not None:
        home = scope.home.adcode
        tests += [home[:4] if not home.endswith("0000") else home[:2], home[:2]]
    for test in tests:
        inside = [e for e in entries if e.adcode.startswith(test)]
        if inside:
            return inside
    named = [e for e in entries if e.adcode[:4] in scope.named_prefixes or e.adcode[:2] in scope.named_prefixes]
    return named or entries


def _loose(form: Form) -> bool:
    """Short names of counties (介休, 榆次) read as words unless the article is near them.

    A city's short name (泰州, 西安) stands alone unless it is an everyday word (白银, 安康).
    """
    return form.short and form.entry.level == "county"


def _glued(doc: Document, start: int, surface: str) -> bool:
    """A two-character name that is the tail of running words (形成县、乡) or opens with a
    conjunction (机制和县、乡): 成县, 和县; not where the words before end at it (推动|横县)."""
    if len(surface) != 2 or doc.line_starts_at(start):
        return False
    before = doc.clean[start - 1]
    return (
        bool(_CJK_CHAR.match(before))
        and before not in _strong_before()
        and before not in _after_date()
        and (
            bool(_boundary_pattern().match(doc.clean, start, start + 1))
            or _crosses_word(doc.clean, start, start + len(surface))
        )
    )


def _anchored(entry: Entry, scope: _Scope) -> bool:
    """The entry lies in the home province or in a province or city the text names."""
    home = scope.home.adcode[:2] if scope.home is not None else None
    return entry.adcode[:2] in (home, *scope.named_prefixes) or entry.adcode[:4] in scope.named_prefixes


@dataclass(slots=True)
class _DivisionMatch:
    """A gazetteer surface at ``[start, end)`` and the entries it may mean there; ``chained``:
    it hangs under the division written right before it (江苏|泰州)."""

    doc: Document
    start: int
    end: int
    surface: str
    short: bool
    chained: bool
    entries: list[Entry]
    # Some entry lies in the home province or in a province or city the article names.
    anchored: bool

    def followed_by(self, words: tuple[str, ...]) -> bool:
        return self.doc.clean.startswith(words, self.end)


def _opens_post(m: _DivisionMatch) -> bool:
    """代县长, 任县委书记: a one-character verb or prefix and a post around a county's name."""
    clean = m.doc.clean
    opener = m.end - m.start == 2 and clean[m.start] in _words()["title_openers"]["chars"]
    return opener and m.followed_by(_names_after()["posts"])


_ZONE_INFIX = regex.compile(rf"[{CJK}]{{0,2}}")


@cache
def _joint_prefixes() -> tuple[str, ...]:
    return tuple(_words()["joint_zone_prefixes"]["words"])


def _zone_end(clean: str, end: int) -> int | None:
    """The end of a zone suffix that follows ``end``, straight or after up to two characters of
    the zone's own name (吕梁|经开区, 成都|东部|新区), else None."""
    infix = _ZONE_INFIX.match(clean, end)
    for at in range(end, (infix.end() if infix else end) + 1):
        if at > end and (_boundary_pattern().search(clean, end, at) or _suffix_pattern().search(clean, end, at)):
            return None
        if _suffix_at(clean, at) == "zone":
            m = _suffix_pattern().match(clean, at)
            return m.end() if m else None
    return None


_SMALLER_PLACES = frozenset(("township", "village", "community", "compound"))
# What may refuse a gazetteer surface as a division, in the order they are asked; the words
# live in place_words.toml ([names_after], [title_openers], [suffixes]) and place_org_*.txt.
DIVISION_VETOES: tuple[Veto[_DivisionMatch], ...] = (
    # 形成县、乡: a two-character full name that is the tail of running words.
    Veto("glued", lambda m: not m.chained and not m.short and _glued(m.doc, m.start, m.surface)),
    # 新增城市 is not 增城市 when nothing in the article points at one.
    Veto(
        "city_word",
        lambda m: not m.chained and (len(m.entries) > 1 or not m.anchored) and m.surface.endswith("城市"),
    ),
    # 重庆路, 北京时间: a street, a landmark or a time zone.
    Veto("road_or_landmark", lambda m: m.followed_by(_names_after()["any"])),
    # 龙泉苑: a short name before an estate word names the estate.
    Veto("estate", lambda m: m.short and m.followed_by(_names_after()["estates"])),
    # 普洱茶, 瑞金脐橙: a short name before a product names the brand, not the place.
    Veto("product", lambda m: m.short and m.followed_by(_names_after()["products"])),
    # 嘉陵江: a short name before a water word names a river or lake (湖南江华 is a province's).
    Veto(
        "water",
        lambda m: (
            m.short and not any(e.level == "province" for e in m.entries) and m.followed_by(_names_after()["waters"])
        ),
    ),
    # 贺兰山, 长白山: a county's short name before 山 names a mountain (not 瑞金山区, the mountain area
    # of a place; a city's, 南京山西路, opens a chain or a road instead).
    Veto(
        "mountain",
        lambda m: (
            m.short
            and all(e.level == "county" for e in m.entries)
            and m.followed_by(_names_after()["mountains"])
            and not m.followed_by(_names_after()["mountain_areas"])
        ),
    ),
    Veto("post", _opens_post),
    # 汾阳市人民医院, 吕梁市住建局: the name opens an organisation's.
    Veto("inside_org", lambda m: _inside_org(m.doc.clean, m.end) or _names_outlet(m.doc, m.end)),
    # 冬天水管, 投资兴业: a short name that is no word of its own in the sentence.
    Veto(
        "crosses_word",
        lambda m: (
            m.short
            and not m.chained
            and not _list_item(m.doc.clean, m.start, m.end)
            and _crosses_word(m.doc.clean, m.start, m.end)
        ),
    ),
    # 中新天津生态城: a joint zone's name holds the division; the zone is left to the below-county rules.
    Veto(
        "joint_zone",
        lambda m: m.doc.clean.endswith(_joint_prefixes(), 0, m.start) and _zone_end(m.doc.clean, m.end) is not None,
    ),
    # 凤山街道: a short name of a smaller place, left to the below-county rules.
    Veto("smaller_place", lambda m: m.short and _suffix_at(m.doc.clean, m.end) in _SMALLER_PLACES),
)
# Vetoes that refuse the name at its start: its shorter forms are refused too, and a chain
# it would end is undone.
_REFUSING = frozenset(("road_or_landmark", "estate", "product", "water", "mountain", "post", "inside_org"))


def _division_hits(doc: Document, raw: Sequence[tuple[int, int, str]], scope: _Scope, blocked: _Mask) -> list[_Hit]:
    """Divisions read off the gazetteer pass: each surface at a free position is narrowed to the
    entries it may mean (:func:`_choose`), then refused by the first of :data:`DIVISION_VETOES`
    that holds, or kept (joined to the division right before it when it hangs under it:
    江苏泰州)."""
    clean = doc.clean
    forms_by_surface = gazetteer.load().forms
    hits: list[_Hit] = []
    # A loose short name (徐州, 西安) that is not kept may still open a chain or name a zone.
    pending: _Hit | None = None
    refused = -1  # start of a name refused as a road or an organisation: its shorter forms are refused too
    for start, end, surface in raw:
        if (hits and start < hits[-1].end) or start == refused or blocked.hits(start, end):
            continue
        forms = gazetteer.forms_in_year(surface, scope.year)
        # Short in the article's year: 沙县 after 2021 is 沙县区's short form (沙县小吃), not the old county.
        short = all(f.short for f in forms or forms_by_surface[surface])
        parent = hits[-1] if hits and hits[-1].end == start else None
        if parent is None and pending is not None and pending.end == start:
            parent = pending
        entries, chained = _choose(surface, forms, parent, scope)
        if not entries and parent is None and hits and _list_item(clean, start, end):
            entries = _sibling_of(forms, hits[-1], start)
        if not entries and short and parent is None:
            pending = _pending(forms, start, end)
            if pending is not None and _suffix_at(clean, end) == "zone" and _zone_seat(pending, scope):
                pending.rule = "division_zone"
                hits.append(pending)
            continue
        if not entries:
            continue
        anchored = any(_anchored(e, scope) for e in entries)
        veto = vetoed(DIVISION_VETOES, _DivisionMatch(doc, start, end, surface, short, chained, entries, anchored))
        if veto in _REFUSING:
            refused = start
            if chained and hits and hits[-1] is parent:
                hits.pop()  # the chain opens an organisation's name: none of it is a place
            continue
        if veto is not None:
            continue
        hit = _Hit(start, end, entries[0].level)
        if len(entries) == 1:
            hit.adcode, hit.full_name = entries[0].adcode, entries[0].full_name
        else:
            hit.level = min((e.level for e in entries), key=("province", "city", "county").index)
            hit.candidates = sorted(e.adcode for e in entries)
        if chained and parent is not None:
            if hits and hits[-1] is parent:
                hits.pop()
            hit.start = parent.start
            hit.rule = "division_chain"
        hits.append(hit)
    _settle_by_neighbours(hits, scope.year)
    _cities_of_a_list(clean, hits, scope.year)
    return hits


def _sibling_of(forms: list[Form], before: _Hit, start: int) -> list[Entry]:
    """An everyday district name (市中区, 城区) as an item of a list after a district of the same city
    (济南市历下区、市中区、槐荫区): that city's."""
    if before.end + 1 != start or before.level != "county" or not before.adcode:
        return []
    return gazetteer.distinct([f for f in forms if f.needs_parent and f.entry.adcode[:4] == before.adcode[:4]])


def _list_item(clean: str, start: int, end: int) -> bool:
    """The name is an item of a list: after 、 and before 、 or 等 (长春、四平等市: no 平等 here)."""
    return clean[start - 1 : start] == "、" and clean[end : end + 1] in ("、", "等")


def _cities_of_a_list(clean: str, hits: list[_Hit], year: int | None) -> None:
    """A short name read as a province (吉林) is the city of that name in a list of cities
    (吉林、长春、四平等市): when a neighbour in the list is a city and none is a province."""
    for k, hit in enumerate(hits):
        if hit.level != "province" or not hit.adcode:
            continue
        surface = clean[hit.start : hit.end]
        cities = [f.entry for f in gazetteer.forms_in_year(surface, year) if f.entry.level == "city" and f.short]
        neighbours = [
            h
            for h in (hits[k - 1] if k else None, hits[k + 1] if k + 1 < len(hits) else None)
            if h is not None and (h.end + 1 == hit.start or hit.end + 1 == h.start)
        ]
        listed = [h for h in neighbours if clean[min(h.end, hit.end)] == "、"]
        if len(cities) == 1 and listed and all(h.level == "city" for h in listed):
            hit.level, hit.adcode, hit.full_name = "city", cities[0].adcode, cities[0].full_name


def _settle_by_neighbours(hits: list[_Hit], year: int | None) -> None:
    """An ambiguous name takes the candidate in the city (else the province) where the
    article's other places are: 朝阳区、海淀区、丰台区 is Beijing's 朝阳区."""
    cities = Counter(h.adcode[:4] for h in hits if h.adcode)
    provinces = Counter(h.adcode[:2] for h in hits if h.adcode)
    for hit in hits:
        if hit.adcode or not hit.candidates:
            continue
        for support, width in ((cities, 4), (provinces, 2)):
            ranked = sorted(hit.candidates, key=lambda code: support[code[:width]], reverse=True)
            best, runner_up = support[ranked[0][:width]], support[ranked[1][:width]]
            if best > runner_up:
                entry = gazetteer.entry_by_code(ranked[0], year)
                if entry is not None:
                    hit.adcode, hit.full_name, hit.level = entry.adcode, entry.full_name, entry.level
                    hit.candidates = []
                break


def _zone_seat(hit: _Hit, scope: _Scope) -> bool:
    """A short name opens a zone (徐州经开区) if it is a city's, or a county's near the article.

    金山工业园区 in a Shanxi story is a park of its own name, not one of Shanghai's 金山区.
    """
    if hit.level != "county" or not hit.adcode:
        return True
    home = scope.home.adcode[:2] if scope.home is not None else None
    return hit.adcode[:2] in (home, *scope.named_prefixes) or hit.adcode[:4] in scope.named_prefixes


def _pending(forms: list[Form], start: int, end: int) -> _Hit | None:
    """A loose short name with one meaning, held in case a child division or zone follows."""
    entries = gazetteer.distinct([f for f in forms if not f.needs_parent])
    if len(entries) != 1:
        return None
    entry = entries[0]
    return _Hit(start, end, entry.level, adcode=entry.adcode, full_name=entry.full_name)


def _suffix_at(clean: str, at: int) -> str | None:
    m = _suffix_pattern().match(clean, at)
    return _words()["suffixes"][m.group(0)] if m else None


# --- rules: below the county ---------------------------------------------------------------


@cache
def _trailing_suffix() -> regex.Pattern[str]:
    return regex.compile(f"(?:{alternation(_words()['suffixes'])})$")


@cache
def _generic_pattern() -> regex.Pattern[str]:
    return regex.compile(alternation(_generic()))


def _is_generic(name: str, *, clear_start: bool = False) -> bool:
    """老旧小区, 美丽乡村, 一个村: a common noun, not a name (the stem before the suffix is checked too);
    ``clear_start``: the name starts at a clear boundary, where 罗村镇 may be 罗村 + 镇 (村镇, 集镇)."""
    stem = _trailing_suffix().sub("", name)
    if _generic_pattern().search(name, len(stem)):
        name = stem  # 龙坞茶村特色小镇: the suffix's own 特色, 小镇 make no common noun of the name
    if len(stem) < 2 or _NUMERAL.fullmatch(stem) is not None:
        return True
    if len(stem) >= 3 and stem.endswith(tuple(_words()["names_after"]["roads"])):
        return False  # 青年路社区, 建设路社区: named after its road, whose name may be any word
    # 罗村镇, 韩集镇 are 罗村 + 镇 and 韩集 + 镇, not a character and the common word 村镇 or 集镇.
    return any(
        not (clear_start and m.start() == 1 and m.end() == len(name) and m.group().endswith("镇"))
        for m in _generic_pattern().finditer(name, overlapped=True)
    )


def _after_suffix(clean: str, at: int, suffix: str) -> bool:
    """An office suffix written straight after a township's (街道办事处) names its office, not a new place."""
    return suffix in _words()["office_suffixes"]["words"] and clean.endswith(tuple(_below_suffixes()), 0, at)


def _suffix_ok(clean: str, start: int, end: int) -> bool:
    """The suffix really ends a name (村 of 村民/村委/村级, 乡 of 乡镇 do not)."""
    after = clean[end : end + 1]
    return not after or after not in _words()["suffix_not_before"].get(clean[start:end], "")


@cache
def _below_suffixes() -> dict[str, str]:
    """The suffixes of townships, villages and communities, and the level each gives."""
    return {suffix: level for suffix, level in _words()["suffixes"].items() if level in _BELOW}


@cache
def _chained_stem(max_stem: int) -> regex.Pattern[str]:
    return regex.compile(rf"([{CJK}]{{2,{max_stem}}}?)({alternation(_below_suffixes())})")


@cache
def _list_kinds() -> dict[str, str]:
    """The words closing a list of townships (等七个办事处, 等5个乡镇), and the level each gives."""
    return _below_suffixes() | _words()["list_kinds"]


@cache
def _list_tail() -> regex.Pattern[str]:
    digits = "0-9一二两三四五六七八九十"
    # 东城、西城等七个办事处, 东城、西城等街道, and without 等: 城关、东关两个街道. A count starts
    # only where a run of numerals does (possessive, after no numeral): linear on digit runs.
    return regex.compile(rf"(?:等(?:[{digits}]++个)?|(?<![{digits}])[{digits}]++个)({alternation(_list_kinds())})")


@cache
def _strong_before() -> frozenset[str]:
    """Characters after which a village or township name may start (在西堡村, 的杏花村)."""
    return frozenset(_words()["boundaries"]["strong_before"])


@cache
def _after_date() -> frozenset[str]:
    """A date written just before a name does not join it into a word (2024年兴县)."""
    return frozenset(_words()["boundaries"]["after_date"])


@cache
def _arrival_verbs() -> frozenset[str]:
    return frozenset(_words()["arrival_verbs"]["words"])


def _breaks_chain(stem: str) -> bool:
    """A boundary word in a chained stem ends the chain (临猗县|在西堡村, 昭化区|已在柏林沟镇), unless it
    is the stem's last character (友谊街道站前社区) or the stem is a dictionary name holding it (和平街道)."""
    if word_tag(stem) in _INNER_BOUNDARY_TAGS and not _boundary_pattern().fullmatch(stem):
        return False
    return any(b.end() - b.start() > 1 or b.end() != len(stem) for b in _boundary_pattern().finditer(stem))


def _chain_below(doc: Document, hit: _Hit, blocked: _Mask) -> None:
    """Extend a county (or city) written straight before its township, village or community: one record."""
    clean = doc.clean
    pos = hit.end
    max_stem = _words()["limits"]["max_stem"]
    while True:
        m = _chained_stem(max_stem).match(clean, pos, pos + max_stem + 3)
        # Right after its county a name starts clear: 黟县宏村镇 is 宏村 + 镇, not the word 村镇.
        if m is None or _is_generic(m.group(0), clear_start=True):
            return
        if _breaks_chain(m.group(1)) and not gazetteer.is_township(m.group(0)):
            return  # 勐海县|格朗和哈尼族乡: a township's own name may hold a boundary word
        end = m.end()
        if any(doc.line_starts_at(i) for i in range(pos, end)):
            return  # a heading ends before the next line (兴县 / 答好驻村)
        if not _suffix_ok(clean, m.start(2), end) or blocked.hits(pos, end):
            return
        hit.full_name = (hit.full_name or "") + clean[pos:end]
        if hit.below_start is None:
            hit.below_start = pos
        hit.end = end
        hit.level = _words()["suffixes"][m.group(2)]
        hit.rule = "division_below"
        pos = end


def _zone_after(clean: str, hit: _Hit, home: Division | None) -> None:
    """A zone named after its division (吕梁经开区, 成都东部新区) takes that division's adcode, or
    the home place's when that division is its province (天津经济技术开发区 in 滨海新区's bulletin)."""
    end = _zone_end(clean, hit.end)
    if end is None:
        return
    # 两江新区起步区: the zone's part is one record with it.
    while (part := _suffix_pattern().match(clean, end)) and _words()["suffixes"][part.group(0)] == "zone":
        end = part.end()
    hit.end, hit.level, hit.rule, hit.full_name = end, "zone", "division_zone", None
    # A zone named after a province-level city lies in the home district it reports from.
    if hit.adcode and hit.adcode.endswith("0000") and home is not None and home.adcode[:2] == hit.adcode[:2]:
        hit.adcode = home.adcode


def _stem_start(clean: str, suffix_start: int, floor: int) -> tuple[int, str] | None:
    """Where a below-county name begins, and the boundary before it (after the last boundary word)."""
    max_stem = _words()["limits"]["max_stem"]
    low = max(floor, suffix_start - max_stem - 4)
    window = clean[low:suffix_start]
    last = None
    for m in _boundary_pattern().finditer(window):
        last = m
    if last is None:
        if low != floor:
            return None
        start, before = low, ""
    else:
        start, before = low + last.end(), last.group(0)
        if suffix_start - start < 2 and len(before) == 1:
            # 前进村, 太和镇: the boundary character is part of a dictionary word that ends the name.
            word = next(
                (
                    w
                    for w in (3, 2)
                    if suffix_start - w >= low
                    and word_tag(clean[suffix_start - w : suffix_start]) in _INNER_BOUNDARY_TAGS
                ),
                0,
            )
            if word:
                start = suffix_start - word
                before = clean[start - 1 : start]
    lead = clean[start : start + 1]
    if before and _NUMERAL_CHAR.match(before) and (lead in _after_date() or word_tag(lead) == "q"):
        start += 1  # 2025年|枫林乡, 30名|乡村振兴: a date's 年 or a count's classifier is not the name's
    return (start, before) if suffix_start - start <= max_stem else None


# The shortest township name the table vouches for on its own.
_TABLE_NAME_MIN = 3
# How long a zone's own name may be (伊滨|经开区): longer runs are phrases, not names.
_ZONE_STEM = (2, 4)
_BELOW = frozenset(("township", "village", "community"))
# jieba tags of a word that opens a stem without being part of the name: verbs, time words,
# pronouns, adverbs, prepositions, conjunctions (支持|唐江镇, 今年|大孝堡镇); one character
# only for the last three (因|龙眠街道).
_OPENING_TAGS = frozenset("vtrdpc")
_OPENING_CHAR_TAGS = frozenset("dpc")
# jieba tags of the word right before a short township or village name that opens it in
# running text: verbs, prepositions, 了 (推进水东镇建设, 对石门镇, 督查了柳河镇, 像桃源村); a stem of
# up to three characters after a verb, four after a preposition or 了 (观摩了布拉克苏乡).
_OPENER_TAGS = frozenset(("v", "vn", "p", "ul"))
# A bare stem that is one such word names nothing (去年镇, 目前村).
_NOT_STEM_TAGS = frozenset("trdpc")
# Marks that put a compound in a list or give it an aside (安居小区、军缘小区, 农行家属院(槐东路)).
_LIST_MARKS = frozenset("、(（")


def _table_township(name: str, level: str, *, listed: bool) -> bool:
    """A township of the table with a name of three characters or more (辉苏木): a name, whatever
    its stem looks like; a two-character one (马乡, 口镇, 新镇: too often ordinary words) only as an
    item of a list (德庆乡、马乡、羊达乡), where a name the table holds as renamed since (马乡, now 马镇)
    counts too."""
    shortest = _TABLE_NAME_MIN - 1 if listed else _TABLE_NAME_MIN
    return level == "township" and len(name) >= shortest and gazetteer.is_township(name, renamed=listed)


def _in_list(clean: str, start: int, end: int) -> bool:
    """The name stands between list marks (、马乡、)."""
    return clean[start - 1 : start] == "、" or clean[end : end + 1] == "、"


def _township_name_start(clean: str, floor: int, end: int, found: tuple[int, str] | None) -> tuple[int, str] | None:
    """A township's whole name from the township table, where it runs back past the boundary word
    the stem stopped at (格朗和|哈尼族乡 is 格朗和哈尼族乡; 辉苏木's one-character stem is a name)."""
    shortest = end - (found[0] if found is not None else end) + 1
    for size in range(min(gazetteer.longest_township(), end - floor), shortest - 1, -1):
        if gazetteer.is_township(clean[end - size : end]):
            return end - size, clean[end - size - 1 : end - size]
    return found


def _strip_opening_word(clean: str, start: int, suffix_start: int) -> tuple[int, str] | None:
    """``(new start, the word)`` when a verb, time word or function word opens a stem that
    keeps two characters without it (支持|唐江镇, 因|龙眠街道), else None."""
    for size, tags in ((2, _OPENING_TAGS), (1, _OPENING_CHAR_TAGS)):
        if suffix_start - start - size >= 2 and word_tag(clean[start : start + size])[:1] in tags:
            return start + size, clean[start : start + size]
    return None


def _below_county_hits(doc: Document, taken: _Mask, blocked: _Mask) -> list[_Hit]:
    """Townships, villages, communities and compounds named by their suffix, outside any division chain."""
    clean = doc.clean
    hits: list[_Hit] = []
    unsure: list[tuple[int, int, str]] = []
    known: set[str] = set()
    for m in _suffix_pattern().finditer(clean):
        s, e = m.span()
        level = _words()["suffixes"][m.group(0)]
        if taken.hits(s, e) or blocked.hits(s, e) or not _suffix_ok(clean, s, e):
            continue
        low = max(0, s - _words()["limits"]["max_stem"] - 4)
        floor = taken.after_last(low, s)
        if floor == low and low > 0 and not taken.hits(low - 1, low):
            floor = 0  # no place and no text start near: the name needs a boundary word
        found = _stem_start(clean, s, floor)
        if level == "township":
            found = _township_name_start(clean, floor, e, found)
        if found is None:
            unsure.append((s, e, level))
            continue
        start, before = found
        line = next((i for i in range(s - 1, start, -1) if doc.line_starts_at(i)), None)
        if line is not None and level in _BELOW:
            start, before = line, ""  # 部门动态 / 角杯乡: a township starts on its own line
        if level in ("zone", "compound") and hits and hits[-1].level == level and hits[-1].end == s:
            hits[-1].end = e  # 空港新城起步区, 阳光家园小区: a second suffix of the same kind runs the name on
            taken.mark(s, e)
            continue
        if _numbered_after_township(clean, hits, floor, s, e, level):
            hits[-1].end, hits[-1].level = e, level  # 珍秦镇十一村, 兴坪镇渔村: one record
            taken.mark(floor, e)
            known.add(clean[floor:e])
            continue
        clear = doc.line_starts_at(start) or (before != "" and not _CJK_CHAR.match(before))
        opening = _strip_opening_word(clean, start, s)
        while opening is not None:  # 并|打通|东部新区: a conjunction, then a verb
            start, before = opening
            opening = _strip_opening_word(clean, start, s)
        # Reports put a township or zone straight after a verb (推进水东镇建设, 推进三岔湖特色小镇建设):
        # a short stem that holds no other suffix (撤乡并镇) is a name there.
        opener = word_tag(before)[:2]
        clear = clear or (
            (level in _BELOW or level == "zone")
            and s - start <= (3 if opener.startswith("v") else 4)
            and opener in _OPENER_TAGS
            and not _suffix_pattern().search(clean, start, s)
        )
        if (
            (
                _is_generic(clean[start:e], clear_start=clear or before in _strong_before())
                and clean[start:e] not in known
                and not _table_township(clean[start:e], level, listed=_in_list(clean, start, e))
            )
            or _after_suffix(clean, s, m.group(0))
            or word_tag(clean[start:s])[:1] in _NOT_STEM_TAGS
            or taken.hits(start, e)
            or _opens_org(clean, e)
        ):
            continue
        if level == "zone":
            # A zone with a name of its own (伊滨经开区, 西咸新区): a short name at a clear boundary.
            ok = _ZONE_STEM[0] <= s - start <= _ZONE_STEM[1] and (
                clear or before in _strong_before() or before in _arrival_verbs() or start == floor
            )
        elif level == "compound":
            listed = clean[start - 1 : start] in _LIST_MARKS or clean[e : e + 1] in _LIST_MARKS
            follows = bool(hits) and hits[-1].end == start - 1 and before in ("和", "及", "与")
            ok = clear or listed or follows or before in _strong_before()
        else:
            ok = clear or before in _strong_before() or before in _arrival_verbs() or start == floor
        if not ok:
            unsure.append((s, e, level))
            continue
        if level == "compound" and (part := _ESTATE_PART.match(clean, e)):
            e = part.end()  # 幸福家园三区, 滨江花园二期: the estate's numbered part is one record with it
        if hits and hits[-1].end == start and not doc.joined_at(start):
            hits[-1].end, hits[-1].level = e, level  # 杏花村西堡村: written together, one record
        else:
            hits.append(_Hit(start, e, level, rule="below_county"))
        taken.mark(start, e)
        known.update((clean[start:e], _last_part(clean[hits[-1].start : e])))
    # A name met once at a clear boundary is recognised where a verb runs into it (推广军缘小区).
    for s, e, level in unsure:
        names = [k for k in known if clean.endswith(k, 0, e) and len(k) > e - s]
        if names and not taken.hits(s, e):
            name = max(names, key=len)
            hits.append(_Hit(e - len(name), e, level, rule="known_name"))
            taken.mark(e - len(name), e)
    return sorted(hits, key=lambda h: h.start)


# A numbered part of an estate written after its name (三区, 2期).
_ESTATE_PART = regex.compile(r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})[区期]")
_VILLAGE_NUMBER = regex.compile(r"[0-9]{1,3}|[一二三四五六七八九十]{1,3}")


def _numbered_after_township(clean: str, hits: list[_Hit], floor: int, s: int, e: int, level: str) -> bool:
    """A numbered or one-character village written straight after its township (榆树乡3村,
    珍秦镇十一村, 兴坪镇渔村); 一村一品 is a slogan."""
    if not hits or hits[-1].end != floor or hits[-1].level != "township" or level not in ("village", "community"):
        return False
    stem = clean[floor:s]
    if _VILLAGE_NUMBER.fullmatch(stem):
        return not _VILLAGE_NUMBER.match(clean, e)
    return len(stem) == 1 and bool(_CJK_CHAR.match(stem)) and not _generic_pattern().search(clean, floor, e)


# jieba tags of a dictionary word that holds a boundary character and ends a name (前进村 v, 太和镇 nz).
_INNER_BOUNDARY_TAGS = frozenset(("ns", "nz", "nr", "v"))
# jieba tags a list item may carry when the list gives no count (东关 ns, 太和 nz, 红旗 nr; or no word).
_NAME_TAGS = ("ns", "nz", "nr")


def _reads_as_name(item: str) -> bool:
    tag = word_tag(item)
    return not tag or tag.startswith(_NAME_TAGS)


def _listed_township(item: str, suffix: str | None) -> bool:
    """A list item that with the list's suffix is a township of the table (建工 of 河南、建工等街道)."""
    suffixes = (suffix,) if suffix is not None else tuple(_words()["township_table"]["list_guesses"])
    return any(gazetteer.is_township(item + s) for s in suffixes)


def _opens_division(clean: str, at: int) -> bool:
    forms = gazetteer.load().forms
    return any(clean[at : at + size] in forms for size in range(2, _CUT_WINDOW + 1))


def _township_lists(clean: str, taken: _Mask) -> list[_Hit]:
    """东城、西城、南城等七个办事处: each short name in the list is a township (or village, community)."""
    hits: list[_Hit] = []
    for m in _list_tail().finditer(clean):
        if not _suffix_ok(clean, m.start(1), m.end()):
            continue  # 张三、李四等村干部
        level = _list_kinds()[m.group(1)]
        items: list[tuple[int, int]] = []
        end = m.start()
        while len(items) < _MAX_LIST:
            item = _LIST_ITEM.search(clean, max(0, end - 6), end)
            if item is None:
                break
            start = item.start()
            if clean[start - 1 : start] == "、":
                items.append((start, end))  # 、和县乌江镇: between list marks, a boundary word is the name's
                end = start - 1
                continue
            # The first item starts after the last boundary word before it (分布在|东城), and after
            # a verb that opens it (推动|椰林镇).
            cut = None
            for b in _boundary_pattern().finditer(clean, start, end):
                cut = b.end()
            first = cut or start
            while (opening := _strip_opening_word(clean, first, end)) is not None:
                first = opening[0]
            items.append((first, end))
            break
        if len(items) < 2:
            continue
        kind = m.group(1)
        suffix = _words()["list_suffixes"].get(kind, kind if kind in _below_suffixes() else None)
        counted = m.group(0).startswith("等") and "个" in m.group(0)
        if not counted and (
            _list_kinds()[kind] != "township"
            or any(not _reads_as_name(clean[a:b]) and not _listed_township(clean[a:b], suffix) for a, b in items)
        ):
            continue  # 教育、医疗、养老等社区服务, 张三、李四两个村: without 等 N 个, only names of townships
        for start, end in items:
            if end - start >= 2 and not taken.hits(start, end):
                own = _trailing_suffix().search(clean, start, end)  # 牛家满族镇、拉林满族镇等12个乡镇
                if own is not None and _below_suffixes().get(own.group(0)) == level:
                    if not _opens_division(clean, start):  # 湘潭县花石镇: left to the division chain
                        hits.append(_Hit(start, end, level, rule="township_list"))
                else:
                    hits.append(_Hit(start, end, level, rule="township_list", suffix=suffix))
    return sorted(hits, key=lambda h: h.start)


def _seat_below(clean: str, hits: list[_Hit], below: list[_Hit], seated: dict[str, str]) -> None:
    """Put places below the county in the county the article placed them in.

    A township named again after its county was written with it (江安县红桥镇 … 红桥镇竹海村), and
    the items of a list opened by a chain (江安县红桥镇、留耕镇、大妥乡) share its county.
    """
    by_end = {h.end: h for h in hits if h.level in _BELOW and h.adcode}
    for hit in below:
        name = next((n for n in seated if clean.startswith(n, hit.start)), None)
        if name is not None:
            hit.adcode = seated[name]
        else:
            prev = by_end.get(hit.start - 1)
            if prev is not None and clean[hit.start - 1] == "、" and prev.level == hit.level:
                hit.adcode = prev.adcode
        by_end[hit.end] = hit


def _township_names(clean: str, hit: _Hit) -> tuple[str, ...]:
    """The township a place below the county is or lies in, as the township table may name it:
    凤山街道吉祥社区 -> 凤山街道, a list item 东关 of 等街道 -> 东关街道, 东城办事处 -> 东城街道 too."""
    name = clean[hit.start if hit.below_start is None else hit.below_start : hit.end]
    if hit.suffix is None:
        return tuple(name + suffix for suffix in _words()["township_table"]["list_guesses"])
    name += hit.suffix
    for m in _suffix_pattern().finditer(name):
        if _below_suffixes().get(m.group(0)) == "township":
            township = _last_part(name[: m.end()])
            office = _words()["township_table"]["office_names"].get(m.group(0))
            return (township, township[: -len(m.group(0))] + office) if office else (township,)
    return ()


def _seat_by_township_table(clean: str, places: list[_Hit], scope: _Scope) -> None:
    """A township whose county is not written takes its county's code (凤山街道 in a 吕梁市 paper is
    离石区's), from the township table: the one county holding that name inside the place the
    article has seated it in (its county, city or province), or, with no seat, inside a province
    or city the article names. A name several counties there hold (河南街道 in 延边) takes the
    one the article's other townships are in most (河南、建工、新兴等街道: 延吉市); else it keeps its
    seat (城关镇): the table never guesses past the article's context."""
    unsettled: list[tuple[_Hit, Entry | None, list[Entry]]] = []
    untabled: list[_Hit] = []  # townships no county of their seat holds by that name
    for hit in places:
        if hit.level not in _BELOW:
            continue
        seat = gazetteer.entry_by_code(hit.adcode, scope.year) if hit.adcode else None
        counties = [e for name in _township_names(clean, hit) for e in gazetteer.township_counties(name, scope.year)]
        if seat is not None and any(e.adcode == seat.adcode for e in counties):
            continue
        if seat is not None:
            # A county's paper may name a township of a neighbouring county of its city.
            inside = seat.adcode[:4] if seat.level == "county" else gazetteer.prefix(seat.adcode, seat.level)
            fits = [e for e in counties if e.adcode.startswith(inside)]
        else:
            fits = [e for e in counties if e.adcode[:2] in scope.named_prefixes or e.adcode[:4] in scope.named_prefixes]
        if not fits:
            untabled.append(hit)
        elif len({e.adcode for e in fits}) == 1:
            _move_to_county(hit, seat, fits[0])
        elif fits:
            unsettled.append((hit, seat, fits))
    counties_named = Counter(h.adcode for h in places if h.level in _BELOW and h.adcode)
    for hit, seat, fits in unsettled:
        ranked = sorted(fits, key=lambda e: -counties_named[e.adcode])
        if counties_named[ranked[0].adcode] > counties_named[ranked[1].adcode]:
            _move_to_county(hit, seat, ranked[0])
    _seat_by_list_neighbours(clean, places, untabled, scope)


def _seat_by_list_neighbours(clean: str, places: list[_Hit], untabled: list[_Hit], scope: _Scope) -> None:
    """A township of a list that the table does not place (a name since changed: 先锋街道、拥政街道等地)
    shares the county its neighbour in the list was placed in, when that county lies in its seat."""
    movable = {id(h) for h in untabled}
    listed = sorted((h for h in places if h.level in _BELOW and h.adcode), key=lambda h: h.start)
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
                    and seat.level != "county"
                    and county.adcode.startswith(gazetteer.prefix(seat.adcode, seat.level))
                ):
                    _move_to_county(other, seat, county)
                    movable.discard(id(other))
                    moved = True


# The levels below the county, from the largest: a place written as a larger one's own lies in it.
_BELOW_RANK = {"township": 0, "village": 1, "community": 1, "compound": 2}


def _seat_owned(clean: str, places: list[_Hit], year: int | None) -> None:
    """A place written as a larger place's own (汾阳市贾家庄镇的贾家庄村, 友谊街道站前社区的光明小区)
    lies in that place's county, with its chain; a later mention of the same estate too."""
    by_end = {h.end: h for h in places if h.adcode}
    seated: dict[str, str] = {}
    for hit in sorted(places, key=lambda h: h.start):
        if hit.level not in _BELOW_RANK or hit.level == "township":
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
            if hit.level == "compound":
                seated[name] = county.adcode
            elif owner.full_name and not _is_chain(name):
                hit.full_name = owner.full_name + name
        elif hit.level == "compound" and name in seated:
            hit.adcode = seated[name]


def _move_to_county(hit: _Hit, seat: Entry | None, county: Entry) -> None:
    if hit.full_name and seat is not None and hit.full_name.startswith(seat.full_name):
        hit.full_name = county.full_name + hit.full_name[len(seat.full_name) :]  # 吕梁市凤山街道
    hit.adcode = county.adcode


def _name_chains(clean: str, hits: list[_Hit], year: int | None) -> None:
    """A place below the county whose county is known gets its chain as ``full_name``: the
    county's full name and its own (递铺街道鲁家村); a bare name met inside a chain (勐海县勐混镇贺开村
    … 贺开村) takes that chain and its county."""
    chains: dict[str, tuple[str, str | None]] = {}
    # Chains first, so that the bare names after (and before) them find their chain.
    for hit in sorted((h for h in hits if h.level in _BELOW), key=lambda h: not _is_chain(clean[h.start : h.end])):
        name = clean[hit.start : hit.end] + (hit.suffix or "")
        if not hit.full_name and hit.suffix is not None:
            county = gazetteer.entry_by_code(hit.adcode, year) if hit.adcode else None
            in_county = county is not None and county.level == "county"
            known, known_code = chains.get(_last_part(name), ("", None))
            if known and (not in_county or known_code == hit.adcode):
                hit.full_name, hit.adcode = known, known_code
            elif county is not None and in_county:
                hit.full_name = county.full_name + name
        if hit.full_name:
            for m in _suffix_pattern().finditer(name):
                if m.group(0) in _below_suffixes():
                    chain = hit.full_name[: len(hit.full_name) - len(name) + m.end()]
                    chains.setdefault(_last_part(name[: m.end()]), (chain, hit.adcode))


def _township_short_names(clean: str, hits: list[_Hit], below: list[_Hit]) -> None:
    """A township named in full and then by its stem alone (南阳镇要推进南阳至伶俐公路): the stem
    is that township, not the city or county of the same name elsewhere in the country."""
    stems: dict[str, _Hit] = {}
    for hit in sorted(below, key=lambda h: h.start):
        if hit.level == "township" and hit.suffix == "":
            stem = _trailing_suffix().sub("", _last_part(clean[hit.start : hit.end]))
            if len(stem) >= 2:
                stems.setdefault(stem, hit)
    for hit in hits:
        township = stems.get(clean[hit.start : hit.end])
        if township is not None and township.start < hit.start and hit.level in ("city", "county"):
            hit.level, hit.adcode, hit.full_name = "township", township.adcode, township.full_name
            hit.candidates, hit.rule = [], "township_short"


_NATURAL_NOT_STEM_TAGS = frozenset("vtrdpcu")


@cache
def _natural_village() -> regex.Pattern[str]:
    words = _words()["natural_villages"]
    return regex.compile(rf"([{CJK}]{{1,{words['max_stem']}}}?)(?:{alternation(words['suffixes'])})")


def _natural_villages(clean: str, places: list[_Hit], blocked: _Mask) -> None:
    """A natural village written straight after its administrative village is one record with it
    (贺开村曼弄老寨, 平安村王家屯): its name holds no place suffix or common noun and is no verb or
    function word."""
    for hit in places:
        if hit.level != "village":
            continue
        m = _natural_village().match(clean, hit.end)
        if m is None or blocked.hits(hit.end, m.end()) or _is_generic(m.group(0)):
            continue
        stem = m.group(1)
        # 驻寨工作队, 在寨子里: a verb or function word, not a name (那鲁屯's 那 opens a Zhuang name).
        if (
            _suffix_pattern().search(stem)
            or word_tag(stem)[:1] in _NATURAL_NOT_STEM_TAGS
            or word_tag(stem[0])[:1] in ("c", "p")  # 平安村和新寨村: a conjunction, then the next village
            or _suffix_pattern().match(clean, m.end())
        ):
            continue
        if hit.full_name:
            hit.full_name += m.group(0)
        hit.end = m.end()


def _is_chain(name: str) -> bool:
    return _last_part(name) != name


@lru_cache(maxsize=4096)
def _last_part(name: str) -> str:
    """The last place of a chain written without separators (天荒坪镇余村 -> 余村)."""
    ends = [
        m.end() for m in _suffix_pattern().finditer(name) if m.group(0) in _below_suffixes() and m.end() < len(name)
    ]
    return name[ends[-1] :] if ends else name


# --- rules: references and context ---------------------------------------------------------


class _Anchors:
    """The counties and cities the article names, by position: what places below the county,
    该市 and 全县 are read against. Built once per article, so each question is a bisection."""

    __slots__ = (
        "_cities",
        "_city_starts",
        "_counties",
        "_counties_named",
        "_county_starts",
        "_district_starts",
        "_districts",
        "_focus",
        "_focus_starts",
        "_named",
        "_named_starts",
        "_scope",
        "_story_starts",
    )

    def __init__(self, doc: Document, hits: list[_Hit], scope: _Scope) -> None:
        ordered = sorted((h for h in hits if h.adcode), key=lambda h: h.start)
        # A chain written from a division (库车市乌恰镇) names that division too.
        self._named = [h for h in ordered if h.level in ("province", "city", "county") or h.below_start is not None]
        self._named_starts = [h.start for h in self._named]
        self._story_starts = _story_starts(doc)
        counties = [h for h in ordered if h.level == "county"]
        # A county named twice, alone or opening a chain (仁怀市茅台镇 … 仁怀市), is one the article is
        # about; the latest before a place is its focus.
        chained = [h for h in ordered if h.below_start is not None and _county_code(h.adcode, scope.year)]
        counts = Counter(h.adcode for h in counties + chained)
        self._counties_named = counties
        self._focus = sorted((h for h in counties + chained if counts[h.adcode] >= 2), key=lambda h: h.start)
        self._focus_starts = [h.start for h in self._focus]
        self._cities = [h for h in ordered if h.level in ("city", "county") and (h.full_name or "").endswith("市")]
        self._city_starts = [h.start for h in self._cities]
        self._counties = [h for h in counties if (h.full_name or "").endswith("县")]
        self._county_starts = [h.start for h in self._counties]
        self._districts = [h for h in ordered if h.level == "zone" or (h.full_name or "").endswith("区")]
        self._district_starts = [h.start for h in self._districts]
        self._scope = scope

    def seat(self, at: int) -> str | None:
        """The adcode a below-county place at ``at`` sits in: the focus county, else the home place,
        else the one county the article names."""
        k = bisect_left(self._focus_starts, at) - 1
        if k >= 0:
            county = gazetteer.entry_by_code(self._focus[k].adcode or "", self._scope.year)
            if county is not None:
                return county.adcode
        if self._scope.home is not None:
            return self._scope.home.adcode
        only = {h.adcode for h in self._counties_named}
        return only.pop() if len(only) == 1 else None

    def story_focus(self, at: int, kind: str) -> Entry | None:
        """The county-level division of ``kind`` (市, 旗) the story around ``at`` is about (全市 in a
        city paper's story on 汾阳市 is 汾阳市, 全旗 in one on 鄂温克族自治旗 that banner), or in a
        province's paper the city too (全市 in its story on 株洲市): named at least twice since the
        story began, more than any other division, and not the home place itself; else None."""
        k = bisect_right(self._story_starts, at) - 1
        begin = self._story_starts[k] if k >= 0 else 0
        named = self._named[bisect_left(self._named_starts, begin) : bisect_left(self._named_starts, at)]
        ranked = Counter(h.adcode for h in named).most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
            return None
        home = self._scope.home
        entry = gazetteer.entry_by_code(ranked[0][0] or "", self._scope.year)
        levels = ("county",) if home is not None and home.level != "province" else ("county", "city")
        if entry is None or entry.level not in levels or (home is not None and home.adcode == entry.adcode):
            return None
        return entry if entry.full_name.endswith(kind) else None

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
            focus = self.story_focus(at, "区") if in_region and not named and last.end != at else None
            if in_region and not named and last.end != at and (focus is None or focus.adcode != last.adcode):
                return None  # 东胜区 … 居全区首位 in a 鄂尔多斯 paper: the district or the region?
            return last.level, last.adcode, last.full_name
        if named or region is None or not in_region:
            return None
        return "province", region.adcode, region.full_name


def _county_code(adcode: str | None, year: int | None) -> bool:
    entry = gazetteer.entry_by_code(adcode, year) if adcode else None
    return entry is not None and entry.level == "county"


def _story_starts(doc: Document) -> list[int]:
    """Where the stories of a page begin: the line of each story opener (本报讯), or the headline
    line right above it."""
    clean = doc.clean
    lines = sorted({0, *doc.line_breaks, *(m.end() for m in _NEWLINE.finditer(clean))})
    starts = []
    for m in _story_opener().finditer(clean):
        k = bisect_right(lines, m.start()) - 1
        line = lines[k]
        if k > 0 and line - lines[k - 1] <= _HEADLINE and "。" not in clean[lines[k - 1] : line]:
            line = lines[k - 1]
        starts.append(line)
    return sorted(set(starts))


@cache
def _story_opener() -> regex.Pattern[str]:
    return words_pattern(_words()["stories"]["openers"])


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


def _reference_hits(clean: str, anchors: _Anchors, taken: _Mask, scope: _Scope) -> list[_Hit]:
    out: list[_Hit] = []
    home = scope.home
    for m in _reference_pattern().finditer(clean):
        s, e = m.span()
        if taken.hits(s, e) or (m.group(0) == "市内" and clean[s - 1 : s] in ("城", "都")):
            continue
        if clean[e : e + 1] and clean[e] in _words()["references_not_before"].get(clean[e - 1], ""):
            continue
        # 该区住建局, 我市教育局: 我/本/该 open the body's name; 全县医院 is every hospital of it.
        if not m.group(0).startswith("全") and (_inside_org(clean, e) or _crosses_word(clean, s, e)):
            continue
        target = _words()["references"][m.group(0)]
        hit = _Hit(s, e, "country", reference=True, rule="reference")
        named = anchors.named_right_before(s) if m.group(0).startswith("全") and target != "country" else None
        if named is not None:
            hit.level, hit.adcode, hit.full_name = named.level, named.adcode, named.full_name
        elif target == "country":
            hit.full_name = "中国"
        elif target == "province":
            hit.level = "province"
            entry = gazetteer.entry_by_code(home.adcode[:2] + "0000", scope.year) if home else None
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
            county = anchors.nearest_county(s)
            if county is not None:
                hit.adcode, hit.full_name = county.adcode, county.full_name
        elif target == "district":
            hit.level = "county"
            district = anchors.district(s, named=m.group(0).startswith("该"))
            if district is not None:
                hit.level, hit.adcode, hit.full_name = district
        elif m.group(0) in _words()["stories"]["speakers"] and anchors.story_focus(s, "市") is not None:
            continue  # 我市 in a city paper's story on 浏阳市: the paper's city, or 浏阳's own words?
        elif (
            m.group(0) in _words()["stories"]["references"]
            and (focus := anchors.story_focus(s, _named_kind(m.group(0)))) is not None
        ):
            hit.level, hit.adcode, hit.full_name = focus.level, focus.adcode, focus.full_name
        elif home is not None:
            unit = _home_unit(home, _named_kind(m.group(0)), scope.year)
            if unit.level == "province" and not unit.full_name.endswith(_named_kind(m.group(0))):
                continue  # 全市 in a province's paper, its city unsettled: a guess would be a wrong row
            hit.level = unit.level  # 全市 of a 直辖市 is the province-level city (spec: place)
            hit.adcode, hit.full_name = unit.adcode, unit.full_name
        else:
            hit.level = "city"
        if hit.adcode is None and target != "country":
            continue  # 全区 with no district in sight: a reference resolved to nothing is left out
        out.append(hit)
    return out


# --- the finder ------------------------------------------------------------------------------


def find(doc: Document, ctx: ArticleContext) -> list[Candidate]:
    """Every place the article names or points at, with the rule that found it."""
    clean = doc.clean
    year = _year(ctx.pub_date)
    titles = [m.span() for m in _TITLE.finditer(clean)]
    blocked = _Mask(len(clean), titles)
    raw = ctx.place_surfaces  # the one automaton pass over the article, made by the context
    scope = _Scope(year, ctx.home_place, _named_prefixes(raw, year))
    lists = _township_lists(clean, blocked)
    hits = _division_hits(doc, raw, scope, _Mask(len(clean), titles + [(h.start, h.end) for h in lists]))
    kept: list[_Hit] = []
    seated: dict[str, str] = {}  # townships written after their county (江安县红桥镇): name -> county code
    for hit in hits:
        if hit.adcode:
            _zone_after(clean, hit, scope.home)
            if hit.level == "zone" and _inside_org(clean, hit.end):
                continue  # 吕梁经开区管委会: the zone opens its committee's name
            if hit.level in ("county", "city"):
                division_end = hit.end
                _chain_below(doc, hit, blocked)
                if hit.end > division_end:
                    township = _chained_stem(_words()["limits"]["max_stem"]).match(clean, division_end)
                    if township is not None and hit.adcode:
                        seated[township.group(0)] = hit.adcode
                if hit.level in _BELOW and _opens_org(clean, hit.end):
                    blocked.mark(hit.start, hit.end)
                    continue  # 临猗县角杯乡王万村村委会: the chain names the committee
        kept.append(hit)
    hits = kept
    taken = _Mask(len(clean), [(h.start, h.end) for h in hits + lists])
    below = lists + _below_county_hits(doc, taken, blocked)
    anchors = _Anchors(doc, hits, scope)
    for hit in below:
        hit.adcode = anchors.seat(hit.start)
    _seat_below(clean, hits, below, seated)
    _seat_by_township_table(clean, hits + below, scope)
    _seat_owned(clean, hits + below, scope.year)
    _name_chains(clean, hits + below, year)
    _township_short_names(clean, hits, below)
    _natural_villages(clean, hits + below, blocked)
    for start, end in titles:
        taken.mark(start, end)
    refs = _reference_hits(clean, anchors, taken, scope)
    quoted = _quote_index(clean)
    vintage = gazetteer.load().vintage
    records: list[Candidate] = []
    for hit in sorted(hits + below + refs, key=lambda h: h.start):
        if _in_quoted_name(quoted, clean, hit):
            continue
        start, end, text = doc.span(hit.start, hit.end)
        place = Place(
            doc_id=ctx.doc_id,
            start=start,
            end=end,
            text=text,
            name=doc.written(hit.start, hit.end),
            level=hit.level,  # type: ignore[arg-type]
            adcode=hit.adcode,
            full_name=hit.full_name,
            reference=hit.reference,
            candidates=hit.candidates,
            vintage=vintage if hit.adcode else None,
        )
        records.append(Candidate(place, f"place.{hit.rule}"))
    return records


def _quote_index(clean: str) -> list[int]:
    """For each clean character, the start of the quotation it sits in (or -1)."""
    index = [-1] * len(clean)
    for m in _QUOTED.finditer(clean):
        index[m.start() : m.end()] = [m.start()] * (m.end() - m.start())
    return index


def _in_quoted_name(quoted: list[int], clean: str, hit: _Hit) -> bool:
    """“临猗电商”, “一区一策”: a place inside a quoted brand or slogan is part of that name."""
    start = quoted[hit.start]
    if start < 0 or quoted[hit.end - 1] != start or start == hit.start:
        return False
    quote = _QUOTED.match(clean, start)
    end = quote.end() if quote else hit.end + 1
    return hit.start > start + 1 or hit.end < end - 1


def _named_prefixes(raw: Sequence[tuple[int, int, str]], year: int | None) -> set[str]:
    """Provinces and cities the article names (山西省, 江苏, 运城市): context for short names."""
    prefixes: set[str] = set()
    for _start, _end, surface in raw:
        entry = gazetteer.single_entry(surface, year)
        if entry is not None and (surface == entry.name or entry.level == "province") and entry.level != "county":
            prefixes.add(gazetteer.prefix(entry.adcode, entry.level))
    return prefixes
