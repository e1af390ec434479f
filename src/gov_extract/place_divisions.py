"""Divisions (province, city, county) from the gazetteer's one pass over an article: each hit
refused by the first division veto that holds, or read in the article's year and settled
among its same-name candidates by the place written just before it, its list neighbours and
the article's other places.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from . import gazetteer
from .gazetteer import Entry, Form
from .home_place import Division
from .names import surname_length, word_frequency, word_tag
from .picture_captions import caption_lists_people, position_note_at
from .place_words import (
    Mask,
    after_arrival,
    after_date,
    below_suffixes,
    boundary_pattern,
    crosses_word,
    cut_at,
    ending_suffix_at,
    famous_features,
    inside_org,
    names_after,
    names_outlet,
    opens_school,
    place_followers,
    registered_suffixes,
    strong_before,
    suffix_pattern,
    word_lists,
)
from .resources import alternation, read_words
from .rules import Veto, vetoed
from .text import CJK, Document, is_han

CJK_CHAR = re.compile(f"[{CJK}]")


@dataclass(slots=True)
class Hit:
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
    # The county read for a place below the county from outside its sentence (the story's focus,
    # the one county named, the home place): a chain naming the same village elsewhere overrides it.
    guessed_seat: str | None = None


@dataclass(slots=True)
class Scope:
    """What the article says about where it is: the home place and the divisions it names
    (``named_prefixes``: the adcode prefixes of its provinces and cities, the adcodes of the
    counties it names in full)."""

    year: int | None
    home: Division | None
    named_prefixes: set[str]


def _choose(
    surface: str, forms: Sequence[Form], parent: Hit | None, scope: Scope, *, followed: bool = False
) -> tuple[list[Entry], bool]:
    """The entries a surface may mean here, narrowed by context; the flag says it hangs under ``parent``.
    ``followed``: a word for the place's people or parts follows (绩溪村民), which lets a county's
    short name stand where the article is not near it, if the name is no everyday word."""
    everyday = surface in gazetteer.stop_shorts()
    # 西藏阿里, 陕西安康: a city's everyday short name written straight after its province is the city
    # (a county's stays a word: 黑龙江省方正发展).
    parent_province = parent.adcode[:2] if parent is not None and parent.level == "province" and parent.adcode else None
    usable = [
        f
        for f in forms
        if not (
            everyday
            and f.short
            and f.entry.level != "province"
            and not _home_county(f.entry, scope)
            and (f.entry.level != "city" or f.entry.adcode[:2] != parent_province)
        )
    ]
    if surface in everyday_full_names():
        usable = [f for f in usable if _anchored(f.entry, scope)]
    if parent is not None and parent.adcode:
        prefix = gazetteer.prefix(parent.adcode, parent.level)
        under = [f for f in usable if f.entry.adcode.startswith(prefix) and f.entry.adcode != parent.adcode]
        if under:
            return gazetteer.ancestor(gazetteer.distinct(under)), True
    placed = followed and word_tag(surface)[:2] in ("", "ns")
    # A county the text names in full (武宣县) is that county by its short name too (武宣为民办实事),
    # unless the short name is a reference's word (全州 of 全州县 is the whole prefecture).
    named = surface not in word_lists()["references"]
    usable = [
        f
        for f in usable
        if not f.needs_parent
        and (
            not _loose(f, surface)
            or placed
            or _anchored(f.entry, scope)
            or (named and f.entry.adcode in scope.named_prefixes)
        )
    ]
    entries = gazetteer.distinct(usable)
    if len(entries) <= 1:
        return entries, False
    narrowed = gazetteer.ancestor(_narrow(entries, scope))
    if len(narrowed) > 1:
        provinces = [e for e in narrowed if e.level == "province"]
        if len(provinces) == 1:
            narrowed = provinces
    return narrowed, False


def _home_county(entry: Entry, scope: Scope) -> bool:
    """The county is the article's home place: its paper calls it by its short name even where that
    is an everyday word (互助县's 来到互助品尝青稞酒; a city's short name there is its landmark's, 黄山)."""
    return entry.level == "county" and scope.home is not None and scope.home.adcode == entry.adcode


@cache
def everyday_full_names() -> frozenset[str]:
    return frozenset(word_lists()["everyday_full_names"]["words"])


def _narrow(entries: list[Entry], scope: Scope) -> list[Entry]:
    """Keep the entries under the home city, else the home province, else a place the article names
    or a province."""
    tests = []
    if scope.home is not None:
        home = scope.home.adcode
        tests += [home[:4] if not home.endswith("0000") else home[:2], home[:2]]
    for test in tests:
        inside = [e for e in entries if e.adcode.startswith(test)]
        if inside:
            return inside
    # A province's short name keeps its sense where only the city of a namesake district is named
    # (北京、天津、河北三地: 河北 is the province, not 天津's 河北区), not the district in full.
    province = not any(e.adcode in scope.named_prefixes for e in entries)
    named = [
        e
        for e in entries
        if (province and e.level == "province")
        or e.adcode[:4] in scope.named_prefixes
        or e.adcode[:2] in scope.named_prefixes
    ]
    return named or entries


def _loose(form: Form, surface: str) -> bool:
    """Short names of counties (介休, 榆次) read as words unless the article is near them.

    A city's short name (泰州, 西安) stands alone unless it is an everyday word (白银, 安康); so does
    a county's customary short name of three characters or more that keeps its suffix (科左后旗 of
    科尔沁左翼后旗, 和丰县), which is no word.
    """
    kept_suffix = len(surface) >= _SUFFIXED_SHORT and surface[-1] == form.entry.name[-1]
    return form.short and form.entry.level == "county" and not kept_suffix


# The shortest customary short name keeping its county's suffix that stands alone (新左旗; not 塔县).
_SUFFIXED_SHORT = 3


def _glued(doc: Document, start: int, surface: str) -> bool:
    """A two-character name that is the tail of running words (形成县、乡) or opens with a
    conjunction (机制和县、乡): 成县, 和县; not where the words before end at it (推动|横县)."""
    if len(surface) != 2 or doc.line_starts_at(start):
        return False
    before = doc.clean[start - 1]
    return (
        bool(CJK_CHAR.match(before))
        and before not in strong_before()
        and before not in after_date()
        and (
            bool(boundary_pattern().match(doc.clean, start, start + 1))
            or crosses_word(doc.clean, start, start + len(surface))
        )
    )


def _anchored(entry: Entry, scope: Scope) -> bool:
    """The entry lies in the home province or in a province or city the text names."""
    province = entry.adcode[:2]
    return (
        (scope.home is not None and scope.home.adcode[:2] == province)
        or province in scope.named_prefixes
        or entry.adcode[:4] in scope.named_prefixes
    )


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
    scope: Scope
    # Every entry was abolished before the article's year (向山区, 1980-2000).
    defunct: bool

    def followed_by(self, words: tuple[str, ...]) -> bool:
        return self.doc.clean.startswith(words, self.end)

    @property
    def anchored(self) -> bool:
        """Some entry lies in the home province or in a province or city the article names (asked
        by one veto of a few names only, so not worked out for every match)."""
        return any(_anchored(e, self.scope) for e in self.entries)


@cache
def _staff_compound() -> re.Pattern[str]:
    after = word_lists()["names_after"]
    return re.compile(rf"([{CJK}]{{0,{after['staff_compound_reach']}}}?)(?:{alternation(after['staff_compounds'])})")


def _opens_staff_compound(clean: str, end: int) -> bool:
    """The name runs into a staff compound's word over an employer's name holding no boundary word
    or place suffix (河南|广电家属院; not 河南|在建的家属院)."""
    m = _staff_compound().match(clean, end)
    return m is not None and not boundary_pattern().search(m.group(1)) and not suffix_pattern().search(m.group(1))


@cache
def _products() -> tuple[str, ...]:
    return tuple(sorted(names_after()["products"], key=len, reverse=True))


def _names_product(clean: str, end: int) -> bool:
    """普洱茶, 海伦大豆已获地理标志: a local product's brand, unless the product is measured as the
    place's own (定西马铃薯种植面积)."""
    if not clean.startswith(_products(), end):
        return False
    product = next(word for word in _products() if clean.startswith(word, end))
    return not clean.startswith(tuple(word_lists()["names_after"]["product_measures"]), end + len(product))


# The word that names a division as it was (原莱芜市).
_FORMER = "原"


# The length of the trade name a company's short name writes after its province (江苏|宏毅).
_TRADE_NAME = 2


# What closes an item of a list of companies (江苏宏毅、, 江苏宏毅等, 江苏宏毅和).
_ITEM_CLOSERS = frozenset("、和及与等")


# A list that ends 等地 names places (赴安徽小岗、江苏华西等地学习), and how far on its end is looked for.
_PLACES_LIST_END = re.compile(r"[^，,。；;！？!?\n]{0,16}?等地")


def _opens_trade_name(clean: str, end: int) -> bool:
    """新开工江苏宏毅、江苏鑫弘2个项目: two characters after a province's short name that are
    no word, no numeral, no boundary, no place suffix and no division, closing the item (a list mark,
    等, a number or punctuation after them), are a company's trade name: the whole is its short name;
    not in a list of places (安徽小岗、江苏华西等地)."""
    name, after = clean[end : end + _TRADE_NAME], clean[end + _TRADE_NAME : end + _TRADE_NAME + 1]
    return (
        len(name) == _TRADE_NAME
        and CJK_CHAR.match(name[0]) is not None
        and CJK_CHAR.match(name[1]) is not None
        and (after == "" or CJK_CHAR.match(after) is None or after in _ITEM_CLOSERS)
        and not word_frequency(name)
        and all(word_tag(char)[:1] != "m" for char in name)
        and boundary_pattern().search(name) is None
        and suffix_pattern().search(name) is None
        and not gazetteer.opens_division(clean, end)
        and _PLACES_LIST_END.match(clean, end + _TRADE_NAME) is None
    )


# The longest trade name after a city's short name in a list of companies (北京|中车重工、).
_LISTED_TRADE_NAME = 5
_CLAUSE_END = re.compile(r"[。；;！？!?\n]")


def _opens_listed_company(clean: str, end: int) -> bool:
    """与东莞莞佳、青岛恒生源、某某通信集团合作: a short name, then a trade name that is no word, no place
    and holds no place suffix, closing an item of a list whose clause names companies (集团, 公司): the
    item is a company's short name (a city's may open a regional brand, so only among companies)."""
    for size in range(_TRADE_NAME, _LISTED_TRADE_NAME + 1):
        if clean[end + size : end + size + 1] in _ITEM_CLOSERS:
            break
    else:
        return False
    name = clean[end : end + size]
    if (
        not all(CJK_CHAR.match(char) for char in name)
        or word_frequency(name)
        or boundary_pattern().search(name) is not None
        or suffix_pattern().search(name) is not None
        or gazetteer.opens_division(clean, end)
        or _PLACES_LIST_END.match(clean, end + size) is not None
    ):
        return False
    stop = _CLAUSE_END.search(clean, end)
    start = max((m.end() for m in _CLAUSE_END.finditer(clean, max(0, end - 80), end)), default=max(0, end - 80))
    clause = clean[start : stop.start() if stop else len(clean)]
    return any(word in clause for word in word_lists()["company_lists"]["words"])


# How many characters a township's name may run past a county's short name that opens it (连山|关镇).
_TOWNSHIP_TAIL = 4


@cache
def _area_words() -> tuple[str, ...]:
    return tuple(word_lists()["area_words"]["words"])


def _before_area_word(clean: str, start: int, end: int) -> bool:
    """岑巩县|域经济: the name's suffix and 域 make the word for its area; the name stops before it."""
    return end - start > 2 and clean.startswith(_area_words(), end - 1)


def _opens_township(clean: str, start: int, end: int) -> bool:
    if _TOWNSHIP_LAST.isdisjoint(clean[end + 1 : end + _TOWNSHIP_TAIL]):
        return False  # no township's last character within reach: most short names
    return any(
        clean[end + k - 1 : end + k] in _TOWNSHIP_LAST and gazetteer.is_township(clean[start : end + k])
        for k in range(2, _TOWNSHIP_TAIL + 1)
    )


# The last characters of township suffixes (镇, 乡, 街道, 苏木): a name not ending in one is none.
_TOWNSHIP_LAST = frozenset("镇乡道木")


def _suffix_opens_word(clean: str, end: int, table: str = "division_suffix_not_before") -> bool:
    """The name's last character and the one after it make a word (市|民 of 洛阳市民选择; with
    ``table`` division_suffix_posts a post: 市|长 of 上海市长), unless the next character opens a word
    of its own that the text runs on from (义乌市|民生|支出, 市|民营, 武汉市|长江)."""
    follower = clean[end : end + 1]
    if not follower or follower not in word_lists()[table].get(clean[end - 1], ""):
        return False  # the text's end (a headline, a table cell) opens no word
    return not word_tag(clean[end : end + 2]) or bool(word_tag(clean[end + 1 : end + 3]))


@cache
def _people_senses() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The peoples (place_nationalities.txt), the words for them after their name and the words that
    open a division's name instead, and the marks of a list ([people_senses])."""
    senses = word_lists()["people_senses"]
    return (
        frozenset(read_words("place_nationalities.txt")),
        tuple(senses["after"]),
        tuple(senses["not_after"]),
        tuple(senses["list_marks"]),
    )


def _named_for_people(full_name: str, people: str) -> bool:
    """The division is one of ``people``'s autonomy (东乡族自治县, 鄂伦春自治旗: [people_senses] autonomy)."""
    at = full_name.rfind(people)
    return at >= 0 and full_name.startswith(tuple(word_lists()["people_senses"]["autonomy"]), at + len(people))


def _names_people(m: _DivisionMatch) -> bool:
    """鄂温克族, 鄂伦春人, 鄂温克牧民; 鄂温克、鄂伦春、达斡尔: a short name that is a people's, of
    divisions all named for that people (鄂温克族自治旗; not 东乡, also 抚州's 东乡区), names the
    people where a word for them follows, or in a list of peoples one of which names no division
    (达斡尔; 鄂伦春、鄂温克两旗 lists the banners)."""
    clean, start, end = m.doc.clean, m.start, m.end
    peoples, after, not_after, marks = _people_senses()
    if m.surface not in peoples or not all(_named_for_people(e.full_name or "", m.surface) for e in m.entries):
        return False
    if clean.startswith(after, end) and not clean.startswith(not_after, end):
        return True
    forms = gazetteer.load().forms
    listed = False
    at = end  # the items after it
    while (mark := next((m for m in marks if clean.startswith(m, at)), None)) is not None:
        item = next((p for p in peoples if clean.startswith(p, at + len(mark))), None)
        if item is None:
            break
        listed = listed or item not in forms
        at += len(mark) + len(item)
    at = start  # the items before it
    while (mark := next((m for m in marks if clean.endswith(m, 0, at)), None)) is not None:
        item = next((p for p in peoples if clean.endswith(p, 0, at - len(mark))), None)
        if item is None:
            break
        listed = listed or item not in forms
        at -= len(mark) + len(item)
    return listed


def _names_landform(clean: str, end: int) -> bool:
    """焉耆盆地, 成都平原: a landform's word (place_words.toml landforms) after the short name ending
    at ``end``, not one that opens a division's full name (德州平原县: 平原县 the county)."""
    word = next((w for w in names_after()["landforms"] if clean.startswith(w, end)), None)
    return word is not None and clean[end : end + len(word) + 1] not in gazetteer.load().forms


@cache
def _ranges() -> frozenset[str]:
    return frozenset(word_lists()["ranges"]["names"])


@cache
def _province_runs() -> tuple[frozenset[str], tuple[str, ...], int]:
    runs = word_lists()["province_runs"]
    return frozenset(runs["chars"]), tuple(runs["after"]), runs["min_run"]


def _in_province_run(clean: str, start: int, end: int) -> bool:
    """甘青川三省交界: the short name lies in a run of the provinces' one-character names before a
    count of provinces or a word of their border ([province_runs])."""
    chars, after, min_run = _province_runs()
    if clean[start] not in chars or not all(c in chars for c in clean[start + 1 : end]):
        return False
    first, last = start, end
    while first > 0 and clean[first - 1] in chars:
        first -= 1
    while last < len(clean) and clean[last] in chars:
        last += 1
    return last - first >= min_run and clean.startswith(after, last)


# A bracket of level characters after a division's suffix (县(市、区), 市(州)): the levels' common
# noun, every county, city and district (任县(市、区)委书记: 任 the verb, no 任县).
_LEVEL_CHARS = "省市县区旗州盟"
_LEVEL_BRACKET = re.compile(rf"\([{_LEVEL_CHARS}](?:、[{_LEVEL_CHARS}])*\)")


def _level_noun(clean: str, end: int) -> bool:
    """The name's suffix is the first level of a levels' common noun: 县(市、区)."""
    return clean[end - 1] in _LEVEL_CHARS and _LEVEL_BRACKET.match(clean, end) is not None


# How far after a short name a village's suffix may close the name it runs on into (镇|江兜村).
_VILLAGE_TAIL = 3
_VILLAGE_LEVELS = frozenset(("village", "community"))


def _opens_with_township_suffix(clean: str, start: int, end: int) -> bool:
    """新厝镇江兜村, 沙埔乡宁山村: the short name opens with the suffix of a township whose stem stands
    before it and runs on into the name of a village of it: the chain's two names, no division."""
    if clean[start] not in _township_suffix_chars() or start < 2 or not is_han(clean[start - 1]):
        return False
    return any(
        ending_suffix_at(clean, at) in _VILLAGE_LEVELS
        for at in range(end, min(len(clean), start + 1 + _VILLAGE_TAIL) + 1)
    )


def _opens_post(m: _DivisionMatch) -> bool:
    """代县长, 任县委书记: a one-character verb or prefix and a post around a county's name."""
    clean = m.doc.clean
    opener = m.end - m.start == 2 and clean[m.start] in word_lists()["title_openers"]["chars"]
    return opener and m.followed_by(names_after()["posts"])


@cache
def _senses() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    table = word_lists()["everyday_senses"]
    senses = {name: (tuple(words["before"]), tuple(words["after"])) for name, words in table.items()}
    # The rivers divisions are named for share one set of words (沿着|怒江, 黑龙江|畔)
    rivers = word_lists()["river_senses"]
    senses.update(dict.fromkeys(rivers["names"], (tuple(rivers["before"]), tuple(rivers["after"]))))
    return senses


def _feature_ends_inside(clean: str, start: int, end: int) -> bool:
    """The text before ``start`` and the name's first characters make a famous feature's name, unless
    a place's name ends where this one starts (江西|湖北 holds no 西湖: two provinces)."""
    # The few features' names are looked for first: the table is asked only where one ends inside.
    if not any(clean.endswith(famous_features(), 0, at) for at in range(start + 1, end)):
        return _feature_holds(clean, start, end)
    forms = gazetteer.load().forms
    return not any(clean[start - size : start] in forms for size in (2, 3) if start >= size)


def _feature_holds(clean: str, start: int, end: int) -> bool:
    """万佛山, 千佛山: a famous feature's longer name ends with the short name (佛山): the feature,
    unless a numeral before makes its first characters a count (十万佛山市民: 佛山)."""
    if not clean.endswith(famous_features(), 0, end):
        return False
    return any(
        len(feature) > end - start
        and clean.endswith(feature, 0, end)
        and not _counted(clean, end - len(feature), feature[: len(feature) - (end - start)])
        for feature in famous_features()
    )


# Numerals before 万 or 千 that make them a count (十万, 三百万, 5万).
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十两几数百千万亿")


def _counted(clean: str, at: int, head: str) -> bool:
    """The characters ``head`` at ``at`` are numerals after a numeral (十|万, 三百|万): a count."""
    return at > 0 and clean[at - 1] in _NUMERALS and all(c in _NUMERALS for c in head)


def _everyday_sense(clean: str, start: int, end: int) -> bool:
    words = _senses().get(clean[start:end])
    return words is not None and (clean.endswith(words[0], 0, start) or clean.startswith(words[1], end))


# Longest place name looked for before a bracket (广东省(深圳)… names the place twice, no company).
_LONGEST_BEFORE_BRACKET = 8


def _seat_in_trade_name(clean: str, start: int, end: int) -> bool:
    """The place stands in brackets between a trade name and the rest of a company's name (骐骥(深圳)
    马场); not after a place (长沙(望城)), nor after a seat's or an event's word (省会(西宁), 博览会(昆明))."""
    if start < 2 or clean[start - 1] != "(" or clean[end : end + 1] != ")" or not is_han(clean[start - 2]):
        return False
    if end + 1 >= len(clean) or not is_han(clean[end + 1]):
        return False
    forms = gazetteer.load().forms
    before = start - 1
    return not clean.endswith(names_after()["bracketed_place_heads"], 0, before) and not any(
        clean[before - size : before] in forms for size in range(2, _LONGEST_BEFORE_BRACKET + 1) if before >= size
    )


# How far after the bracket a company's ending is looked for (骐骥(深圳市)|科技有限公司).
_TRADE_NAME_REACH = 10


@cache
def _company_ending() -> re.Pattern[str]:
    endings = alternation((*registered_suffixes(), *word_lists()["names_after"]["bracketed_seat_endings"]))
    return re.compile(rf"[{CJK}]{{0,{_TRADE_NAME_REACH}}}?(?:{endings})")


def _company_after(clean: str, end: int) -> bool:
    """A company's ending ([orgs] registered_suffixes, [names_after] bracketed_seat_endings) follows
    the bracket closed at ``end`` within a trade name's reach: the bracket holds the company's seat."""
    return _company_ending().match(clean, end + 1) is not None


@cache
def _company_owners() -> tuple[str, ...]:
    return tuple(word_lists()["names_after"]["bracketed_seat_owners"])


def _company_before(clean: str, start: int) -> bool:
    """A company's or bank's name ([names_after] bracketed_seat_owners) closes right before the
    bracket opened before ``start`` (农商银行(汝城县)): the bracket holds its branch's seat."""
    return clean.endswith(_company_owners(), 0, start - 1)


def _names_road(m: _DivisionMatch) -> bool:
    """阳山公路: a city's or county's short name before 公路 names a road after the place it runs to;
    not before a word of road works (宁远公路建设: the place's own roads)."""
    if not m.short or all(e.level == "province" for e in m.entries):
        return False
    after = names_after()
    for word in after["short_roads"]:
        if m.doc.clean.startswith(word, m.end):
            return not m.doc.clean.startswith(after["road_works"], m.end + len(word))
    return False


# The lengths a township's name written after its division is looked up at (路桥乡 to 路口镇街道).
_TOWNSHIP_LENGTHS = range(2, 8)


def _own_township_follows(m: _DivisionMatch) -> bool:
    """A township the table holds under one of the match's divisions starts right after it."""
    clean = m.doc.clean
    names = [clean[m.end : m.end + length] for length in _TOWNSHIP_LENGTHS]
    return any(gazetteer.township_under(name, e.adcode) for name in names for e in m.entries)


_ZONE_INFIX = re.compile(rf"[{CJK}]{{0,3}}")


@cache
def _joint_prefixes() -> tuple[str, ...]:
    return tuple(word_lists()["joint_zone_prefixes"]["words"])


def zone_end(clean: str, end: int) -> int | None:
    """The end of a zone suffix that follows ``end``, straight or after up to three characters of
    the zone's own name (吕梁|经开区, 成都|东部|新区), else None."""
    infix = _ZONE_INFIX.match(clean, end)
    last = infix.end() if infix else end
    # A zone suffix opens with one of a few characters (经, 高, 新): with none within reach, none follows.
    if _suffix_openers("zone").search(clean, end, last + 1) is None:
        return None
    for at in range(end, last + 1):
        if at > end and (boundary_pattern().search(clean, end, at) or suffix_pattern().search(clean, end, at)):
            return None
        if ending_suffix_at(clean, at) == "zone":
            m = suffix_pattern().match(clean, at)
            return m.end() if m else None
    return None


@cache
def _suffix_openers(level: str) -> re.Pattern[str]:
    """The first characters of the suffixes of a level ([suffixes]: 经开区, 新区, 生态城 for a zone),
    as one class."""
    firsts = {suffix[0] for suffix, of_level in word_lists()["suffixes"].items() if of_level == level}
    return re.compile(f"[{re.escape(''.join(sorted(firsts)))}]")


# The longest division name looked for right after another (内蒙古自治区|呼伦贝尔市).
_LONGEST_CHILD = 8


def _opens_child(m: _DivisionMatch) -> bool:
    """A division under this one starts right after it (安徽省|岳西县岳西茶业有限公司): the name that
    follows belongs to that division, whose own vetoes decide."""
    # A county's prefix is its whole code: the table holds no division under it.
    parents = [(gazetteer.prefix(e.adcode, e.level), e.adcode) for e in m.entries if e.level != "county"]
    if not parents:
        return False
    forms = gazetteer.load().forms
    clean = m.doc.clean
    return any(
        f.entry.adcode.startswith(prefix) and f.entry.adcode != code
        for size in range(2, _LONGEST_CHILD + 1)
        for f in forms.get(clean[m.end : m.end + size], ())
        for prefix, code in parents
    )


_SMALLER_PLACES = frozenset(("township", "village", "community", "compound"))


def _short(m: _DivisionMatch) -> bool:
    return m.short


def _full(m: _DivisionMatch) -> bool:
    return not m.short


# What may refuse a gazetteer surface as a division, in the order they are asked; the words
# live in place_words.toml ([names_after], [title_openers], [suffixes]) and place_org_*.txt.
# A veto's ``applies`` reads only the match's kind (:func:`_kind`): whether the name is short,
# chained, defunct.
DIVISION_VETOES: tuple[Veto[_DivisionMatch], ...] = (
    # 形成县、乡: a two-character full name that is the tail of running words.
    Veto("glued", lambda m: _glued(m.doc, m.start, m.surface), applies=lambda m: not m.chained and not m.short),
    # 新增城市 is not 增城市 when nothing in the article points at one (长三角诸城市, 中韩城市
    # neither); after a boundary character, a verb of going or 了 (在|应城市, 前往|诸城市) it is the name.
    Veto("city_word", lambda m: _city_word(m), applies=lambda m: not m.chained),
    # 洛阳市民, 北京市场: the suffix opens a word; the shorter name (洛阳) is read instead.
    Veto("suffix_opens_word", lambda m: _suffix_opens_word(m.doc.clean, m.end), applies=_full),
    # 重庆路, 北京时间, 阳山公路: a street, a landmark or a time zone.
    # (馆陶县|路桥乡: a township the division holds may open with such a word)
    Veto(
        "road_or_landmark",
        lambda m: (m.followed_by(names_after()["any"]) and not _own_township_follows(m)) or _names_road(m),
    ),
    # 龙泉苑: a short name before an estate word names the estate.
    Veto("estate", lambda m: m.followed_by(names_after()["estates"]), applies=_short),
    # 河南广电家属院: a division opening an employer's name before its staff compound opens the compound's.
    Veto("staff_compound", lambda m: _opens_staff_compound(m.doc.clean, m.end)),
    # 天山|南脉, 泰山|东麓: a famous mountain's or river's name ends inside the short name (山南, 山东).
    Veto("feature_across", lambda m: _feature_ends_inside(m.doc.clean, m.start, m.end), applies=_short),
    # 普洱茶, 瑞金脐橙: a short name before a product names the brand, not the place.
    # (西吉 马铃薯再度“火一把”: a line opened by the name and a space is a headline's place label)
    Veto(
        "product",
        lambda m: _names_product(m.doc.clean, m.end) and not (m.doc.line_starts_at(m.start) and m.doc.joined_at(m.end)),
        applies=_short,
    ),
    # 嘉陵江: a short name before a water word names a river or lake (湖南江华 is a province's; in
    # 长宁江苏路街道 the water word opens another name).
    Veto(
        "water",
        lambda m: (
            not any(e.level == "province" for e in m.entries)
            and m.followed_by(names_after()["waters"])
            and not gazetteer.opens_division(m.doc.clean, m.end)
        ),
        applies=_short,
    ),
    # 贺兰山, 长白山: a county's short name before 山 names a mountain (not 瑞金山区, the mountain area
    # of a place; a city's, 南京山西路, opens a chain or a road instead).
    Veto(
        "mountain",
        lambda m: (
            all(e.level == "county" for e in m.entries)
            and m.followed_by(names_after()["mountains"])
            and not m.followed_by(names_after()["mountain_areas"])
        ),
        applies=_short,
    ),
    # 西安片芹草村: a short name before 片 names an area of the county after its old township, not the
    # division (西安片区 is a zone's part).
    Veto(
        "area",
        lambda m: m.followed_by(names_after()["areas"]) and not m.followed_by(names_after()["area_zones"]),
        applies=_short,
    ),
    # 江苏宏毅、江苏鑫弘: a province's short name opening a company's short name (a city's opens a
    # regional brand as often: 丽水山耕 is 丽水's).
    Veto(
        "trade_name",
        lambda m: all(e.level == "province" for e in m.entries) and _opens_trade_name(m.doc.clean, m.end),
        applies=_short,
    ),
    # 与东莞莞佳、青岛恒生源、某某通信集团合作: among companies, a city's short name opens a company's.
    Veto("listed_company", lambda m: _opens_listed_company(m.doc.clean, m.end), applies=_short),
    # 峨眉山景区: a short name before a scenic area's word names the area after its mountain or lake.
    Veto("scenic", lambda m: m.followed_by(names_after()["scenic"]), applies=_short),
    # 焉耆盆地, 成都平原: a short name before a landform's word names the landform called after it.
    Veto("landform", lambda m: _names_landform(m.doc.clean, m.end), applies=_short),
    Veto("post", _opens_post),
    # 陈兴、汪长春、王益贤: a short name after a surname, an item of a roll of names, is a person's.
    Veto("name_in_roll", lambda m: _name_in_roll(m.doc.clean, m.start, m.end), applies=_short),
    # 扎西(左)、贡觉(右): a short name before a photo caption's position in brackets is a person's
    # where the caption lists people (not 遵义(左)、贵阳(右)两地, 长沙(中)队).
    Veto(
        "caption_position",
        lambda m: position_note_at(m.doc.clean, m.end) and caption_lists_people(m.doc.clean, m.start, m.end),
        applies=_short,
    ),
    # 大庆之年, 百年大庆: the short name's everyday sense (place_words.toml [everyday_senses]).
    Veto("everyday_sense", lambda m: _everyday_sense(m.doc.clean, m.start, m.end), applies=_short),
    # 鄂温克族, 鄂伦春人, 鄂温克、鄂伦春、达斡尔: the people a division is named for ([people_senses]).
    Veto("people", _names_people, applies=_short),
    # 深秋的大兴安岭: a range's name outside the division's province and places ([ranges]).
    Veto("range", lambda m: m.surface in _ranges() and not m.anchored, applies=_short),
    # 甘青川三省交界: the one-character names of provinces in a run ([province_runs]).
    # (Not under the division written before it: 四川青川地区, whose 川 closes 四川.)
    Veto(
        "province_run",
        lambda m: _in_province_run(m.doc.clean, m.start, m.end),
        applies=lambda m: m.short and not m.chained,
    ),
    # 任县(市、区)委书记: the suffix opens the levels' common noun 县(市、区).
    Veto("level_noun", lambda m: _level_noun(m.doc.clean, m.end), applies=_full),
    # 新厝镇江兜村: a township's suffix and the start of its village's name (镇|江兜村).
    # (Not under the division written before it: 临汾乡宁光华村 is the city, the county and its village.)
    Veto(
        "township_suffix_opens",
        lambda m: _opens_with_township_suffix(m.doc.clean, m.start, m.end),
        applies=lambda m: m.short and not m.chained,
    ),
    # 骐骥(深圳)马场, 益海嘉里(周口)现代食品产业园: a company's registered seat inside its name.
    # 主场活动(和平县)筹备: a full name in brackets notes where a thing takes place, unless a company's
    # ending follows (骐骥(深圳市)科技有限公司, 碧桂园(汝城县)项目部) or its name precedes (农商银行(汝城县)).
    Veto(
        "registered_seat",
        lambda m: (
            _seat_in_trade_name(m.doc.clean, m.start, m.end)
            and (m.short or _company_after(m.doc.clean, m.end) or _company_before(m.doc.clean, m.start))
        ),
    ),
    # 汾阳市人民医院, 吕梁市住建局: the name opens an organisation's.
    Veto(
        "inside_org",
        lambda m: (
            (inside_org(m.doc.clean, m.end, start=m.start) and not _opens_child(m))
            or names_outlet(m.doc, m.start, m.end)
        ),
    ),
    # 邵武一中, 临县三中: the place opens a school's short name.
    Veto("school", lambda m: opens_school(m.doc.clean, m.end)),
    # 冬天水管, 投资兴业: a short name that is no word of its own in the sentence.
    Veto(
        "crosses_word",
        lambda m: not _list_item(m.doc.clean, m.start, m.end) and crosses_word(m.doc.clean, m.start, m.end),
        applies=lambda m: m.short and not m.chained,
    ),
    # 三乡|驿城: a short name glued to a township's name runs that name on (a resort, a brand).
    Veto("after_township_name", lambda m: _after_township_name(m.doc.clean, m.start), applies=_short),
    # 向山区群众: a name abolished before the article's year, read as a word after its first
    # character (向|山区), is that word; 原 (former) names the old division (原向山区).
    Veto(
        "defunct_word",
        lambda m: not m.doc.clean.endswith(_FORMER, 0, m.start) and cut_at(m.doc.clean, m.start + 1),
        applies=lambda m: m.defunct and not m.chained,
    ),
    # 其中山区: a full name whose first character closes the word before it (其中|山区) is no
    # division's; jieba cuts after that character, not before it.
    # A name that fills its line (亭江镇 | 长乐区 | 梅花镇: a list of a county and its townships, line
    # by line, which the view joins) has no word running into it from the line before.
    Veto(
        "first_char_in_word",
        lambda m: _first_char_in_word(m.doc.clean, m.start) and not _fills_line(m),
        applies=lambda m: not m.short and not m.chained,
    ),
    # 中新天津生态城: a joint zone's name holds the division; the zone is left to the below-county rules.
    Veto(
        "joint_zone",
        lambda m: m.doc.clean.endswith(_joint_prefixes(), 0, m.start) and zone_end(m.doc.clean, m.end) is not None,
    ),
    # 凤山街道: a short name of a smaller place, left to the below-county rules (not 云南|镇雄县,
    # 江苏|镇江: the suffix's character opens another division's name).
    Veto(
        "smaller_place",
        lambda m: (
            ending_suffix_at(m.doc.clean, m.end) in _SMALLER_PLACES and not gazetteer.opens_division(m.doc.clean, m.end)
        ),
        applies=_short,
    ),
    # 连山关镇: a short name opening a township of the table (连山 is a county elsewhere).
    Veto("opens_township", lambda m: _opens_township(m.doc.clean, m.start, m.end), applies=_short),
)


def _fills_line(m: _DivisionMatch) -> bool:
    """The name is its line's whole text (a heading, an item of a list written line by line)."""
    return m.doc.line_starts_at(m.start) and (m.end == len(m.doc.clean) or m.doc.line_starts_at(m.end))


def _after_township_name(clean: str, start: int) -> bool:
    """三乡|驿城: the short name follows a township's one-character suffix (乡, 镇) that closes a stem
    with no word of the dictionary (not 家乡|洛阳, 城乡): the township's name runs on into a longer
    name, for a chain runs down from the county, never up to it from its township."""
    return (
        start >= 2
        and clean[start - 1] in _township_suffix_chars()
        and is_han(clean[start - 2])
        and not word_tag(clean[start - 2 : start])
    )


@cache
def _township_suffix_chars() -> frozenset[str]:
    return frozenset(s for s, level in word_lists()["suffixes"].items() if level == "township" and len(s) == 1)


def _first_char_in_word(clean: str, start: int) -> bool:
    """The character at ``start`` closes a word of the dictionary with the one before it (其|中) and
    jieba cuts after it, not before it (其中|山区)."""
    return (
        start > 0
        and is_han(clean[start - 1])
        and bool(word_tag(clean[start - 1 : start + 1]))
        and not cut_at(clean, start)
        and cut_at(clean, start + 1)
    )


# The longest name an item of a roll of names is read with (欧阳文华).
_ROLL_ITEM = 4


def _name_in_roll(clean: str, start: int, end: int) -> bool:
    """陈兴、汪长春、王益贤: the short name and a surname before it make an item between list marks,
    next to an item of two or three characters opening with a surname; no word runs from the surname
    into the short name."""
    if start < 4 or clean[start - 2] != "、" or clean[end : end + 1] != "、":
        return False
    if surname_length(clean[start - 1]) != 1 or word_tag(clean[start - 1 : start + 1]):
        return False
    item_end = k = start - 2
    while k > 0 and item_end - k < _ROLL_ITEM and is_han(clean[k - 1]):
        k -= 1
    item = clean[k:item_end]
    if 2 <= len(item) <= 3 and (k == 0 or not is_han(clean[k - 1])) and surname_length(item) > 0:
        return True
    # or the item after it is such a name, closed by a list mark or 等 (马玉林、何桂林、赵强)
    k = item_start = end + 1
    while k < len(clean) and k - item_start < _ROLL_ITEM and is_han(clean[k]) and clean[k] != "等":
        k += 1
    item = clean[item_start:k]
    return 2 <= len(item) <= 3 and clean[k : k + 1] in ("、", "等") and surname_length(item) > 0


def _kind(m: _DivisionMatch) -> tuple[bool, bool, bool]:
    return m.short, m.chained, m.defunct


# The vetoes that apply to each kind of match, picked on its first match (most apply to short
# names only: a full name is asked half of them).
_VETOES_OF_KIND: dict[tuple[bool, bool, bool], tuple[Veto[_DivisionMatch], ...]] = {}


@cache
def _veto_followers() -> dict[str, frozenset[str]]:
    """For the vetoes that hold only before certain words, the characters those words open with."""
    after = names_after()

    def opening(*lists: Iterable[str]) -> frozenset[str]:
        return frozenset(word[0] for words in lists for word in words)

    return {
        "suffix_opens_word": frozenset("".join(word_lists()["division_suffix_not_before"].values())),
        "road_or_landmark": opening(after["any"], after["short_roads"]),
        "estate": opening(after["estates"]),
        "product": opening(_products()),
        "water": opening(after["waters"]),
        "mountain": opening(after["mountains"]),
        "area": opening(after["areas"]),
        "scenic": opening(after["scenic"]),
        "landform": opening(after["landforms"]),
        "post": opening(after["posts"]),
        "caption_position": frozenset("(（"),
        "name_in_roll": frozenset("、"),
        "registered_seat": frozenset(")"),
        "smaller_place": opening(word_lists()["suffixes"]),
        "level_noun": frozenset("("),
    }


# The vetoes of a kind of match that may hold before a character: most matches are followed by
# none that opens the words a third of the vetoes look for.
_VETOES_BEFORE: dict[tuple[tuple[bool, bool, bool], str], tuple[Veto[_DivisionMatch], ...]] = {}


def _division_veto(m: _DivisionMatch) -> str | None:
    """The name of the first of :data:`DIVISION_VETOES` that applies to ``m`` and holds, else None."""
    kind, follower = _kind(m), m.doc.clean[m.end : m.end + 1]
    vetoes = _VETOES_BEFORE.get((kind, follower))
    if vetoes is None:
        of_kind = _VETOES_OF_KIND.get(kind)
        if of_kind is None:
            of_kind = _VETOES_OF_KIND[kind] = tuple(v for v in DIVISION_VETOES if v.applies(m))
        followers = _veto_followers()
        vetoes = _VETOES_BEFORE[kind, follower] = tuple(
            v for v in of_kind if v.name not in followers or follower in followers[v.name]
        )
    return vetoed(vetoes, m)


# Vetoes that refuse the name at its start: its shorter forms are refused too, and a chain
# it would end is undone.
_REFUSING = frozenset(
    ("road_or_landmark", "estate", "staff_compound", "product", "water", "mountain", "scenic", "post", "inside_org")
)


def _lines_parted(doc: Document, before: Hit, start: int) -> bool:
    """A line break right before ``start`` parts its division from the one ending the line before:
    a blank line (喀什地区, a blank line, 喀什市: a heading, then its story), a dispatch opening that
    line (本报讯 临汾 | 洪洞县) or a caption's credit on it (某某摄影 视觉重庆 | 北碚区); a single break
    inside a chain is the page's wrapping (山西省吕梁市 | 汾阳市杏花村镇: one record)."""
    if not doc.line_starts_at(start):
        return False
    if start == 0 or doc.clean[start - 1] == "\n":
        return True
    run = doc.original[doc.to_original(start - 1) + 1 : doc.to_original(start)]
    if run.count("\n") > 1:
        return True
    line = doc.clean[doc.line_start(before.start) : before.start]
    boundaries = word_lists()["boundaries"]
    return any(mark in line for mark in boundaries["dateline_marks"]) or any(
        credit in line for credit in boundaries["line_credits"]
    )


def division_hits(doc: Document, raw: Sequence[tuple[int, int, str]], scope: Scope, blocked: Mask) -> list[Hit]:
    """Divisions read off the gazetteer pass: each surface at a free position is narrowed to the
    entries it may mean (:func:`_choose`), then refused by the first of :data:`DIVISION_VETOES`
    that holds, or kept (joined to the division right before it when it hangs under it:
    江苏泰州)."""
    clean = doc.clean
    # The year a division must have lasted to for the article to name it as current.
    vintage = gazetteer.load().vintage
    year = vintage if scope.year is None else min(scope.year, vintage)
    hits: list[Hit] = []
    # A loose short name (徐州, 西安) that is not kept may still open a chain or name a zone.
    pending: Hit | None = None
    refused = -1  # start of a name refused as a road or an organisation: its shorter forms are refused too
    # What a surface may mean turns on the surface, the division written right before it and whether
    # a word for its people follows, not on where it stands: read once an article for each (the
    # names an article repeats are half of its surfaces).
    readings: dict[tuple[str, str | None, str | None, bool], tuple[list[Entry], bool]] = {}
    for start, end, surface in raw:
        if (hits and start < hits[-1].end) or start == refused or blocked.hits(start, end):
            continue
        forms, short, loose = _surface_in_year(surface, scope.year)
        # 喀什地区, a blank line, 喀什市: a division after a paragraph's break opens no chain before it.
        parent = hits[-1] if hits and hits[-1].end == start and not _lines_parted(doc, hits[-1], start) else None
        if parent is None and pending is not None and pending.end == start:
            parent = pending
        followed = clean.startswith(place_followers(), end)
        key = (
            (surface, parent.adcode, parent.level, followed) if parent is not None else (surface, None, None, followed)
        )
        reading = readings.get(key)
        if reading is None:
            reading = readings[key] = _choose(surface, forms, parent, scope, followed=followed)
        entries, chained = reading
        if not entries and parent is None and hits and _list_item(clean, start, end):
            entries = _sibling_of(forms, hits[-1], start)
        if not entries and short and parent is None:
            pending = None if loose is None else Hit(start, end, loose.level, loose.adcode, loose.full_name)
            if pending is not None and ending_suffix_at(clean, end) == "zone" and _zone_seat(pending, scope):
                pending.rule = "division_zone"
                hits.append(pending)
            elif pending is not None and _opens_own_township(clean, pending):
                hits.append(pending)  # the chain rules run it on to the township (集安|清河镇)
            continue
        if not entries or _inside_home_township(clean, start, end, scope):
            continue
        defunct = all(e.last < year for e in entries)
        match = _DivisionMatch(doc, start, end, surface, short, chained, entries, scope, defunct)
        veto = _division_veto(match)
        if veto in _REFUSING:
            refused = start
            if chained and hits and hits[-1] is parent:
                hits.pop()  # the chain opens an organisation's name: none of it is a place
            continue
        if veto is not None:
            continue
        # 岑巩县|域经济, 上海市|长: the name stops before its suffix.
        before_suffix = _before_area_word(clean, start, end) or (
            not short and _suffix_opens_word(clean, end, "division_suffix_posts")
        )
        hit = Hit(start, end - 1 if before_suffix else end, entries[0].level)
        if len(entries) == 1:
            hit.adcode, hit.full_name = entries[0].adcode, entries[0].full_name
        else:
            hit.level = min((e.level for e in entries), key=("province", "city", "county").index)
            hit.candidates = sorted(e.adcode for e in entries)
        if short and not _confirmed(entries, scope):
            hit.rule = "division_short"  # 石峰 in a 湖南 paper may be a person: the resolver weighs it so
        if chained and parent is not None:
            if hits and hits[-1] is parent:
                hits.pop()
            hit.start = parent.start
            hit.rule = "division_chain"
        hits.append(hit)
    _settle_by_neighbours(hits, scope.year)
    _cities_of_a_list(clean, hits, scope.year)
    return hits


def _sibling_of(forms: Sequence[Form], before: Hit, start: int) -> list[Entry]:
    """An everyday district name (市中区, 城区) as an item of a list after a district of the same city
    (济南市历下区、市中区、槐荫区): that city's; an everyday short name (阿里) after a division of its
    level in its province (那曲、阿里、日喀则): that division."""
    if before.end + 1 != start or not before.adcode:
        return []
    return gazetteer.distinct(
        [
            f
            for f in forms
            if f.entry.level == before.level
            and (
                (f.needs_parent and before.level == "county" and f.entry.adcode[:4] == before.adcode[:4])
                or (f.short and not f.needs_parent and f.entry.adcode[:2] == before.adcode[:2])
            )
        ]
    )


def _list_item(clean: str, start: int, end: int) -> bool:
    """The name is an item of a list: after 、 and before 、 or 等 (长春、四平等市: no 平等 here), or
    the last item before the list's count of divisions (布拖、昭觉、金阳三县, 长春、吉林两市)."""
    if clean[start - 1 : start] != "、":
        return False
    return clean[end : end + 1] in ("、", "等") or _division_count().match(clean, end) is not None


@cache
def _division_count() -> re.Pattern[str]:
    """A small count of divisions closing a list of their names (三县, 两市, 4个区)."""
    totals = word_lists()["list_totals"]
    return re.compile(rf"[{totals['bare_counts']}0-9]个?[{totals['division_count_kinds']}]")


def _cities_of_a_list(clean: str, hits: list[Hit], year: int | None) -> None:
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


def _settle_by_neighbours(hits: list[Hit], year: int | None) -> None:
    """An ambiguous name takes the candidate in the city (else the province) where the
    article's other places are: 朝阳区、海淀区、丰台区 is Beijing's 朝阳区."""
    if not any(hit.candidates and not hit.adcode for hit in hits):
        return  # nothing to settle: most articles
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


def _zone_seat(hit: Hit, scope: Scope) -> bool:
    """A short name opens a zone (徐州经开区) if it is a city's, or a county's near the article.

    金山工业园区 in a Shanxi story is a park of its own name, not one of Shanghai's 金山区.
    """
    if hit.level != "county" or not hit.adcode:
        return True
    home = scope.home.adcode[:2] if scope.home is not None else None
    return hit.adcode[:2] in (home, *scope.named_prefixes) or hit.adcode[:4] in scope.named_prefixes


def _confirmed(entries: list[Entry], scope: Scope) -> bool:
    """A short name's division is the home place or one the article names in full (万宁 with 万宁市)."""
    home = scope.home.adcode if scope.home is not None else None
    return any(e.adcode == home or e.adcode in scope.named_prefixes for e in entries)


def _inside_home_township(clean: str, start: int, end: int, scope: Scope) -> bool:
    """麒麟镇、万丰镇 / 县长: a division's name (丰镇县) that starts inside the name of a township the
    table puts in the home place (万丰镇) and runs past it is no division: the township is written."""
    if scope.home is None or not scope.home.adcode:
        return False
    if _suffix_openers("township").search(clean, start + 1, end) is None:
        return False  # most names hold no character a township's suffix opens with (镇, 乡)
    home = gazetteer.prefix(scope.home.adcode, scope.home.level)
    for suffix in suffix_pattern().finditer(clean, start + 1, end):
        if below_suffixes().get(suffix.group()) != "township":
            continue
        for k in range(1, min(_TOWNSHIP_LEAD, start) + 1):
            counties = gazetteer.township_counties(clean[start - k : suffix.end()], scope.year)
            if any(e.adcode.startswith(home) for e in counties):
                return True
    return False


# How many characters of a township's name may stand before a division's name inside it (万|丰镇).
_TOWNSHIP_LEAD = 2


def _city_word(m: _DivisionMatch) -> bool:
    """The ``…城市`` read is the word 城市 after a character that ends another word (see the veto)."""
    if not m.surface.endswith("城市") or (len(m.entries) == 1 and m.anchored):
        return False
    clean, start = m.doc.clean, m.start
    if start == 0 or CJK_CHAR.match(clean, start - 1) is None:
        return False
    before = clean[start - 1]
    return not (before in strong_before() or before == "了" or after_arrival(clean, start))


def _opens_own_township(clean: str, hit: Hit) -> bool:
    """集安清河镇, 灌云伊山镇: a county's short name written straight before a township the table
    puts in that county is that county, wherever the article is (a township's name alone is no word
    of the county's), where it starts at a boundary (全县新建|象山镇: the short name is a verb)."""
    if hit.level != "county" or not hit.adcode:
        return False
    if hit.start > 0 and CJK_CHAR.match(clean, hit.start - 1) and clean[hit.start - 1] not in strong_before():
        return False
    last = min(len(clean), hit.end + _TOWNSHIP_STEM_MAX)
    # A township's suffix opens with one of a few characters (镇, 乡, 街): most names have none after them.
    if _suffix_openers("township").search(clean, hit.end + 1, last + 1) is None:
        return False
    stems = gazetteer.township_stems(hit.adcode)
    return any(
        clean[hit.end : at] in stems and ending_suffix_at(clean, at) == "township"
        for at in range(hit.end + 1, last + 1)
    )


# The longest township name before its suffix that a county's short name may open (拜什艾日克镇).
_TOWNSHIP_STEM_MAX = 8


@lru_cache(maxsize=16384)
def _surface_in_year(surface: str, year: int | None) -> tuple[tuple[Form, ...], bool, Entry | None]:
    """What a gazetteer surface may mean in ``year``, wherever it stands: its forms, whether it is
    short (沙县 after 2021 is 沙县区's short form, 沙县小吃, not the old county) and the one entry it
    names as a loose name, held in case a child division or zone follows (None: none or several).
    Asked of every surface of every article: the table never changes, so the answers are kept."""
    forms = gazetteer.forms_in_year(surface, year)
    short = all(f.short for f in forms or gazetteer.load().forms[surface])
    loose = gazetteer.distinct([f for f in forms if not f.needs_parent])
    return forms, short, loose[0] if len(loose) == 1 else None
