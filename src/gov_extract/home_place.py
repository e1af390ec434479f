"""The home place: the division a caller names, or the publisher's place read off the article.

This module owns :class:`Division` and the two ways an article's home place is
found: :func:`lookup_home_place` (the caller's ``home_place``) and :func:`infer_home_place` (a
government site's header or source line, the dateline, the masthead, else the
city the article names most). It reads the gazetteer only; the context module
calls it, and it knows nothing of the finders.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

import regex

from . import gazetteer
from .gazetteer import Entry
from .resources import alternation, read_toml
from .text import CJK, Document, fold


@dataclass(frozen=True, slots=True)
class _Headline:
    """A pattern for a place before a publisher word (山西日报, 新华社太原3月5日电, 运城市人民政府),
    with the ``tail`` every match holds and, where it ends the match, how far before the tail
    a match may start (``reach``).

    The pattern opens with a lazy run of Han characters, which the regex engine tries at
    every position of the text; a match starts at most ``reach`` characters before its tail,
    so it is tried only there. Without a ``reach`` the tail only says whether the pattern
    can match at all (most heads hold no 人民政府). Both are in the standard library's syntax,
    whose engine answers each call faster.
    """

    pattern: re.Pattern[str]
    tail: re.Pattern[str]
    reach: int | None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches ``pattern.finditer(text)`` gives."""
        if self.reach is None:
            if self.tail.search(text) is not None:
                yield from self.pattern.finditer(text)
            return
        pos = 0
        while (tail := self.tail.search(text, pos)) is not None:
            for start in range(max(pos, tail.start() - self.reach), tail.start() + 1):
                m = self.pattern.match(text, start)
                if m is not None:
                    yield m
                    pos = m.end()
                    break
            else:
                pos = tail.start() + 1


@cache
def _patterns() -> tuple[_Headline, _Headline, _Headline]:
    """(site header, dateline, masthead), from ``[home_place]`` in ``place_words.toml``."""
    words = read_toml("place_words.toml")["home_place"]
    government, source = re.escape(words["government"]), re.escape(words["source_label"])
    # A government site's own header line (运城市人民政府, 临猗县人民政府门户网站) or its source
    # line (来源：运城市人民政府): read on the folded original, where line breaks still stand.
    site_header = _Headline(
        re.compile(
            rf"(?m)^[ \t\u3000]*([{CJK}]{{2,8}}?){government}(?:{alternation(words['site_suffixes'])})?[ \t\u3000]*$"
            rf"|{source}[:：][ \t\u3000]*([{CJK}]{{2,8}}?){government}"
        ),
        re.compile(government),
        None,
    )
    agencies = words["dateline_agencies"]
    dateline_tail = r"\d{1,2}月\d{1,2}日电|讯"
    dateline = _Headline(
        re.compile(rf"(?:{alternation(agencies)})?([{CJK}]{{2,6}}?)(?:{dateline_tail})"),
        # The same tails after one class of their first characters, which the engine skips to
        # in its fast loop (two branches are tried at every position).
        re.compile(r"[\d讯](?:(?<=讯)|(?<=\d)\d?月\d{1,2}日电)"),
        max(map(len, agencies)) + 6,
    )
    mastheads = alternation(words["mastheads"])
    masthead = _Headline(re.compile(rf"([{CJK}]{{2,8}}?)(?:{mastheads})"), re.compile(mastheads), 8)
    return site_header, dateline, masthead


@dataclass(frozen=True, slots=True)
class Division:
    """One province, city or county-level division as of some year."""

    name: str
    adcode: str
    level: str
    full_name: str
    # The adcodes of every division a caller's name could mean when it named several (朝阳区: of
    # Beijing, Changchun, …); ``adcode`` is the one the article's other places settled on.
    candidates: tuple[str, ...] = ()
    # The township a caller named inside this county (黄江镇 -> 东莞市, 庄桥街道 -> 江北区), if any.
    township: str | None = None
    # The zone's word a caller named after this division (岳阳经开区 -> 经开区), if any: its paper
    # calls the zone by that word alone (经开区举行签约仪式).
    zone: str | None = None


def _division(
    entry: Entry, candidates: tuple[str, ...] = (), township: str | None = None, zone: str | None = None
) -> Division:
    return Division(
        name=entry.name,
        adcode=entry.adcode,
        level=entry.level,
        full_name=entry.full_name,
        candidates=candidates,
        township=township,
        zone=zone,
    )


def _year(as_of: date | None) -> int | None:
    return as_of.year if as_of else None


_HOME_RANK = {"province": 0, "city": 1, "county": 2}
# A reading of a caller's name: the division chosen, and the candidates it was chosen among.
_Reading = tuple[Entry, tuple[str, ...]]


def _settled(alike: list[Entry], year: int | None, surfaces: Sequence[tuple[int, int, str]]) -> _Reading:
    """Of divisions alike, the one that is (or lies in the city, else the province, of) the
    divisions the article names (``surfaces``) most; else the first by adcode. The candidates go
    with it."""
    alike = sorted({e.adcode: e for e in alike}.values(), key=lambda e: e.adcode)
    if len(alike) == 1:
        return alike[0], ()
    candidates = tuple(e.adcode for e in alike)
    named = [e for e in (gazetteer.single_entry(n, year) for _, _, n in surfaces) if e]
    for width in (6, 4, 2):  # the county the article names, else its city, else its province
        support = Counter(e.adcode[:width] for e in named)
        ranked = sorted(alike, key=lambda e: -support[e.adcode[:width]])
        if support[ranked[0].adcode[:width]] > support[ranked[1].adcode[:width]]:
            return ranked[0], candidates
    return alike[0], candidates


def _home_form(
    surface: str, year: int | None, parent: Entry | None, surfaces: Sequence[tuple[int, int, str]] = ()
) -> _Reading | None:
    """The division ``surface`` names under ``parent``: a bare 吉林 is the province, a full name
    beats a short one, and of several alike (朝阳区) the one the article's places settle on."""
    under = gazetteer.prefix(parent.adcode, parent.level) if parent else ""
    forms = [f for f in gazetteer.forms_in_year(surface, year) if f.entry.adcode.startswith(under)]
    if not forms:
        return None
    best = min((f.short, _HOME_RANK[f.entry.level]) for f in forms)
    return _settled([f.entry for f in forms if (f.short, _HOME_RANK[f.entry.level]) == best], year, surfaces)


def _home_township(
    surface: str, year: int | None, parent: Entry | None, surfaces: Sequence[tuple[int, int, str]]
) -> _Reading | None:
    """The county holding the township ``surface`` names (庄桥街道, 格朗和哈尼族乡) under ``parent``;
    a name several counties hold (城关镇) is settled as an ambiguous division is."""
    under = gazetteer.prefix(parent.adcode, parent.level) if parent else ""
    counties = [e for e in gazetteer.township_counties(surface, year) if e.adcode.startswith(under)]
    return _settled(counties, year, surfaces) if counties else None


def _home_zone(surface: str, year: int | None, parent: Entry | None) -> _Reading | None:
    """The division hosting a zone that is no division itself (雄安新区, 天府新区)."""
    code = _zones().get(surface)
    entry = gazetteer.entry_by_code(code, year) if code else None
    under = gazetteer.prefix(parent.adcode, parent.level) if parent else ""
    if entry is None or not entry.adcode.startswith(under):
        return None
    return entry, ()


@cache
def _zones() -> dict[str, str]:
    return dict(read_toml("place_words.toml")["home_place"]["zones"])


# What joins the parts of a chain a caller typed: the name itself holds none of them.
_CHAIN_SEPARATORS = regex.compile(r"[\s/|>,，、·\-－—]+")


@cache
def _name_openers() -> tuple[str, ...]:
    return tuple(read_toml("place_words.toml")["home_place"]["name_openers"])


def lookup_home_place(name: str, as_of: date | None, surfaces: Sequence[tuple[int, int, str]] = ()) -> Division | None:
    """The division a caller's ``home_place`` names, or None if it names none.

    Callers give it as they hold it: a name (``吕梁市``, ``昭化``), an adcode (``510811``), a
    zone (``雄安新区``: its host), a township (``庄桥街道``: its county), a publisher's name
    (``中共吕梁市委``) or a chain read left to right (``四川省广元市昭化区``, also with spaces or
    slashes between its parts as manifests and spreadsheets hold it, ``四川 广元 昭化``; a part below
    the county table, ``宁波市江北区庄桥街道``, gives the county it is in). A name several divisions
    hold (朝阳区) is settled by the article's other places (``surfaces``, its gazetteer pass),
    and the division returned lists them as its ``candidates``.
    """
    surface = _CHAIN_SEPARATORS.sub("", fold(name))
    year = _year(as_of)
    if surface.isdigit() and len(surface) == 6:
        entry = gazetteer.entry_by_code(surface, year)
        return _division(entry) if entry else None
    for opener in _name_openers():
        if surface.startswith(opener) and len(surface) > len(opener):
            surface = surface[len(opener) :].lstrip("·")
            break
    whole = _home_form(surface, year, None, surfaces) or _home_zone(surface, year, None)
    if whole is not None:
        return _division(*whole)
    township = _home_township(surface, year, None, surfaces)
    if township is not None:
        return _division(*township, township=surface)
    found: _Reading | None = None
    start = 0
    while start < len(surface):
        for end in range(len(surface), start, -1):
            reading = _home_form(surface[start:end], year, found[0] if found else None, surfaces)
            if reading is not None:
                found, start = reading, end
                break
        else:
            break
    if found is None or start == 0:
        return None
    rest = surface[start:]
    zone = _home_zone(rest, year, found[0]) if rest else None
    township = _home_township(rest, year, found[0], surfaces) if rest and zone is None else None
    if township is not None:
        return _division(*township, township=rest)
    if zone is None and _zone_word(rest):
        return _division(*found, zone=rest)  # 岳阳经开区: the city, and the zone's word
    return _division(*(zone or found))


def _zone_word(rest: str) -> bool:
    """A zone's word of place_words.toml [suffixes] (经开区, 高新区, 经济技术开发区)."""
    return read_toml("place_words.toml")["suffixes"].get(rest) == "zone"


def close_names(name: str) -> list[str]:
    """Division names that look like ``name``, for an error message."""
    return difflib.get_close_matches(fold(name.strip()), gazetteer.load().surfaces, n=4, cutoff=0.6)


def infer_home_place(
    doc: Document, as_of: date | None, surfaces: Sequence[tuple[int, int, str]]
) -> tuple[Division, tuple[int, int]] | None:
    """The publisher's place read off the article (masthead, dateline, most-named city or county), and its
    span; ``surfaces`` is the article's gazetteer pass (:func:`word_index.place_surfaces`)."""
    year = _year(as_of)
    site_header, dateline, masthead = _patterns()
    for m in site_header.finditer(doc.folded[:300]):
        group = 1 if m.group(1) else 2
        entry = gazetteer.single_entry(m.group(group), year)
        if entry is not None:
            return _division(entry), m.span(group)
    head = doc.clean[:300]
    for pattern in (dateline, masthead):
        for m in pattern.finditer(head):
            # The place is the longest gazetteer name ending the captured run (山西日报 -> 山西).
            stem = m.group(1)
            for cut in range(len(stem) - 1):
                entry = gazetteer.single_entry(stem[cut:], year)
                if entry is not None:
                    start, end, _ = doc.span(m.start(1) + cut, m.end(1))
                    return _division(entry), (start, end)
    # Otherwise the city or county the article names most by its full name, if it clearly
    # dominates (county papers are about their county: 晋江市, 宁远县, 鄂温克族自治旗).
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for hit_start, hit_end, surface in surfaces:
        entry = gazetteer.single_entry(surface, year)
        if entry is not None and entry.level != "province" and surface == entry.name:
            counts[entry.adcode] += 1
            first.setdefault(entry.adcode, (hit_start, hit_end))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    entry = gazetteer.entry_by_code(ranked[0][0], year)
    if entry is None:
        return None
    start, end, _ = doc.span(*first[entry.adcode])
    return _division(entry), (start, end)
