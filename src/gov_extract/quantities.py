"""Quantity, money and percentage records: a numeral span plus a unit.

This module owns every amount an article states: ``190个``, ``11.36万吨``,
``9700余万元``, ``200-300元``, ``45%``, ``七成``, ``5个百分点``. It makes one
pass of :data:`numbers.NUMERAL_RE` over the clean view and, at each numeral's
end, looks up the longest unit surface from ``patterns/units.toml`` (units,
currencies, percent signs). Small named rules then decide whether the pair
is an amount (not an ordinal, a year, a code, an idiom or a slogan), whether
it is a range, and which qualifier the words around it carry; their word
lists live in ``patterns/quantity_words.toml``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

import regex

from .numbers import CHINESE_DIGITS, NUMERAL, NUMERAL_RE, RANGE_SEPARATORS, Reading, read, to_float
from .records import Dimension, Money, Percentage, Quantity, Record
from .resources import alternation, read_toml, words_pattern
from .rules import Candidate, Rule, Veto, vetoed
from .text import Document, is_han

if TYPE_CHECKING:
    from .context import ArticleContext

_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# A clause ends here: cue words and sentence qualifiers never reach across it.
_SENTENCE_END = frozenset("。！？；!?;\n")
_SENTENCE_END_RE = regex.compile(f"[{regex.escape(''.join(_SENTENCE_END))}]")
_CLAUSE_END = _SENTENCE_END | frozenset("，,、：:")
_CUE_WINDOW = 30
# 三个一, 四个全面: a count classifier right before another numeral names a slogan.
_SLOGAN_DIGITS = frozenset(CHINESE_DIGITS)
_MULTIPLIER_ONLY = frozenset("十百千万亿")
_CAPITAL_DIGITS = frozenset("壹贰叁肆伍陆柒捌玖")
_OPEN_QUOTES = frozenset("“‘「『")
_CLOSE_QUOTES = frozenset("”’」』")
# A quotation this short that holds a number in Chinese words is a name or a slogan
# (“三个减少”, “二十五条”); a longer one states an amount (“改造190个老旧小区”).
_SLOGAN_QUOTE = 8
_HALF_RE = regex.compile(r"半(?:个)?+(?:小时|月|天|年)")
_RANGE_SEPARATORS = frozenset(RANGE_SEPARATORS)
_NUMERAL_AT = regex.compile(NUMERAL)
_HALF = Decimal("0.5")
# 负3.9%: the word for a minus sign before a rate.
_NEGATIVE_WORD = "负"
_MINUS_SIGNS = frozenset("-－−")
# A minus right after one of these is the second half of a dash or range (5%--3%), not a sign.
_DASHES = frozenset("-－−~～—–")
# 一角七分, 伍角, 零七分 after 元 (not 5分钟, 三分之一).
_CENT_DIGIT = "[一二两三四五六七八九壹贰叁肆伍陆柒捌玖1-9]"
_JIAO_FEN = regex.compile(rf"(?:(?P<jiao>{_CENT_DIGIT})[角毛])?+(?:零?+(?P<fen>{_CENT_DIGIT})分(?![钟之]))?+")
# 68。5亿元: the whole part before an OCR full stop standing for a decimal point.
_OCR_DECIMAL_WHOLE = regex.compile(r"(?<![\d.,])(\d{1,4})。\Z")
_LEADING_DIGITS = regex.compile(r"\d+")
# Items of a list sharing one unit (1.2个、0.5个和3个百分点), and how many are followed.
_LIST_SEPARATORS = frozenset("、和及与或")
_LIST_ITEMS = 8
# A bracketed note between a unit and its qualifier: (只), (含), (含本数).
_UNIT_NOTE = 3
# (含)以上 includes the bound.
_INCLUSIVE = {"more_than": "at_least", "less_than": "at_most"}
# A note on a range's lower end that it is included: 1万(含)-5万元.
_INCLUSIVE_NOTES = ("(含)", "(含本数)")
# A percent-escape (%E5, %8F, %20%2C): two hex digits not both decimal, or two decimal digits
# and another escape after them.
_URL_ESCAPE = regex.compile(r"%(?:[0-9A-F]{2}(?<!%[0-9]{2})|[0-9]{2}(?=%))")
_PAIR_RE = regex.compile(
    r"(?P<head>十?+)(?P<low>[一二两三四五六七八九])(?P<high>[二两三四五六七八九])(?P<tail>[十百千万亿]*+)\Z"
)
# What such a pair starts with (most numerals are written in Arabic digits and skip the match).
_PAIR_FIRST = frozenset("十一二两三四五六七八九")


def _ends_with(text: str, word: str, pos: int) -> bool:
    """``word`` ends exactly at ``pos`` (a plain startswith at ``pos - len`` would wrap below 0)."""
    return pos >= len(word) and text.startswith(word, pos - len(word))


@dataclass(frozen=True, slots=True)
class Unit:
    """One surface's reading: what record it makes and how its value is scaled."""

    record: str  # "quantity", "money" or "percentage"
    unit: str = ""
    dimension: Dimension = "count"
    currency: str = "CNY"
    kind: Literal["percent", "point"] = "percent"
    scale: Decimal = Decimal(1)
    needs_qualifier: bool = False
    needs_cue: str | None = None
    above: Decimal | None = None  # with followers: a reading for numbers above this, after a
    followers: tuple[str, ...] = ()  # qualifier, or before one of these words (90日, 不到25日, 15日内)


class _Tail:
    """Which of a list of words ends exactly at a position, the longest: one regex call, made only
    where the character before the position ends one of the words (most numerals have none)."""

    __slots__ = ("_last_chars", "_longest", "_pattern")

    def __init__(self, words: Iterable[str]) -> None:
        words = list(words)
        self._pattern = regex.compile(rf"(?:{alternation(words)})\Z")
        self._longest = max(map(len, words))
        self._last_chars = frozenset(word[-1] for word in words)

    def word_at(self, text: str, pos: int) -> str | None:
        if pos == 0 or text[pos - 1] not in self._last_chars:
            return None
        match = self._pattern.search(text, max(0, pos - self._longest), pos)
        return match.group() if match else None

    def ends_at(self, text: str, pos: int) -> bool:
        return self.word_at(text, pos) is not None


@dataclass(frozen=True, slots=True)
class _Tables:
    surfaces: dict[str, tuple[Unit, ...]]
    blocked: frozenset[str]
    reopened: frozenset[str]
    longest: int
    first_chars: frozenset[str]
    # The lengths of the surface, blocked and reopened words starting with each first character of a
    # surface, longest first: the only slices unit_at need look up.
    word_lengths: dict[str, tuple[int, ...]]
    cues: dict[str, tuple[str, ...]]
    clause_cues: frozenset[str]  # cues whose words must stand in the same clause
    prefix_qualifiers: dict[str, str]
    prefix_qualifier_words: _Tail
    suffix_qualifiers: dict[str, str]
    not_qualifiers: _Tail
    suffix_qualifier_starts: frozenset[str]
    bound_before_verb: regex.Pattern[str]
    bound_window: int
    sentence_qualifiers: regex.Pattern[str]
    not_amount_prefixes: _Tail
    ordinal_followers: dict[str, tuple[str, ...]]
    rate_prefix: str
    slogan_followers: tuple[str, ...]
    idioms: regex.Pattern[str]
    money_nouns: tuple[str, ...]
    indicator_acronyms: tuple[str, ...]
    cheng_blockers: frozenset[str]
    list_prefix_surfaces: frozenset[str]  # surfaces that start a longer one (个 of 个百分点)
    rank_prefixes: _Tail
    not_rank_prefixes: _Tail
    rank_units: frozenset[str]
    grade_units: frozenset[str]
    grade_max: Decimal
    currency_prefixes: _Tail  # the currency words written before a number
    currency_codes: dict[str, str]
    below_zero: str
    percent_words: dict[str, Decimal]  # 百分之, 千分之, 万分之: what each scales to percent
    percent_word_tail: _Tail
    hundred_percent: str
    vague_prefixes: frozenset[str]
    after_loose_suffix: frozenset[str]
    standalone_halves: frozenset[str]
    half_not_before: frozenset[str]


def _dimension(value: str) -> Dimension:
    """A dimension named in units.toml, checked against the record contract."""
    if value not in get_args(Dimension):
        raise ValueError(f"units.toml: unknown dimension {value!r}")
    return cast(Dimension, value)


def _kind(value: str) -> Literal["percent", "point"]:
    if value not in ("percent", "point"):
        raise ValueError(f"units.toml: unknown percentage kind {value!r}")
    return cast(Literal["percent", "point"], value)


def _by_qualifier(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: qualifier for qualifier, words in table.items() for word in words}


@cache
def tables() -> _Tables:
    """The unit surfaces and word lists, read once per process."""
    units: dict[str, Any] = read_toml("units.toml")
    words: dict[str, Any] = read_toml("quantity_words.toml")
    bounds = words["bound_before_verb"]
    surfaces: dict[str, list[Unit]] = {}
    for entry in units["unit"]:
        unit = Unit("quantity", entry["unit"], _dimension(entry["dimension"]), needs_cue=entry.get("needs_cue"))
        for surface in entry["surfaces"]:
            surfaces.setdefault(surface, []).append(unit)
    for entry in units["contextual"]:
        unit = Unit(
            "quantity",
            entry["unit"],
            _dimension(entry["dimension"]),
            needs_qualifier=entry.get("needs_qualifier", False),
            needs_cue=entry.get("needs_cue"),
            above=Decimal(entry["above"]) if "above" in entry else None,
            followers=tuple(entry.get("followers", ())),
        )
        # A reading that its context licenses is tried before the plain one (位 is a rank
        # after 前移, else people).
        surfaces.setdefault(entry["surface"], []).insert(0, unit)
    for entry in units["currency"]:
        for surface in entry["surfaces"]:
            surfaces.setdefault(surface, []).append(Unit("money", currency=entry["code"]))
    for entry in units["money_multiplier"]:
        for surface in entry["surfaces"]:
            unit = Unit("money", currency=entry["code"], scale=Decimal(str(entry["scale"])))
            surfaces.setdefault(surface, []).append(unit)
    for entry in units["money_contextual"]:
        unit = Unit("money", currency=entry["code"], needs_cue=entry["needs_cue"])
        surfaces.setdefault(entry["surface"], []).insert(0, unit)
    for entry in units["percent"]:
        unit = Unit("percentage", kind=_kind(entry["kind"]), scale=Decimal(str(entry["scale"])))
        surfaces.setdefault(entry["surface"], []).append(unit)
    blocked = frozenset(units["not_units"]["words"])
    reopened = frozenset(units["reopened"]["words"])
    longest = max(len(w) for w in [*surfaces, *blocked])
    first_chars = frozenset(w[0] for w in surfaces)
    word_lengths = {
        first: tuple(sorted({len(w) for w in (*surfaces, *blocked, *reopened) if w[0] == first and len(w) <= longest}))[
            ::-1
        ]
        for first in first_chars
    }
    prefix_qualifiers = _by_qualifier(words["prefix_qualifiers"])
    currency_codes = {word: entry["code"] for entry in units["currency"] for word in entry.get("prefixes", [])}
    return _Tables(
        surfaces={k: tuple(v) for k, v in surfaces.items()},
        blocked=blocked,
        reopened=reopened,
        longest=longest,
        first_chars=first_chars,
        word_lengths=word_lengths,
        cues={k: tuple(v) for k, v in (units["cues"] | units["clause_cues"]).items()},
        clause_cues=frozenset(units["clause_cues"]),
        prefix_qualifiers=prefix_qualifiers,
        prefix_qualifier_words=_Tail(prefix_qualifiers),
        suffix_qualifiers=_by_qualifier(words["suffix_qualifiers"]),
        not_qualifiers=_Tail(words["not_qualifiers"]["words"]),
        suffix_qualifier_starts=frozenset(w[0] for ws in words["suffix_qualifiers"].values() for w in ws),
        bound_before_verb=regex.compile(
            rf"({alternation(bounds['words'])})(?:(?!的)\p{{Han}}){{1,{bounds['verb_gap']}}}\Z"
        ),
        bound_window=max(map(len, bounds["words"])) + bounds["verb_gap"],
        sentence_qualifiers=words_pattern(words["sentence_qualifiers"]["approx"]),
        not_amount_prefixes=_Tail([*words["ordinal_prefixes"]["words"], *words["code_prefixes"]["words"]]),
        ordinal_followers={k: tuple(v) for k, v in words["ordinal_followers"].items()},
        rate_prefix=words["rate_denominator"]["prefix"],
        slogan_followers=tuple(words["slogan_followers"]["words"]),
        idioms=words_pattern(words["idioms"]["words"]),
        money_nouns=tuple(words["money_nouns"]["words"]),
        indicator_acronyms=tuple(words["indicator_acronyms"]["words"]),
        cheng_blockers=frozenset(words["cheng_blockers"]["words"]),
        list_prefix_surfaces=frozenset(w for w in surfaces if any(o != w and o.startswith(w) for o in surfaces)),
        rank_prefixes=_Tail(words["rank_prefixes"]["words"]),
        not_rank_prefixes=_Tail(words["rank_prefixes"]["not_words"]),
        rank_units=frozenset(words["rank_prefixes"]["units"]),
        grade_units=frozenset(words["grade_classifiers"]["units"]),
        grade_max=Decimal(words["grade_classifiers"]["max_value"]),
        currency_prefixes=_Tail(currency_codes),
        currency_codes=currency_codes,
        below_zero=words["signs"]["below_zero"],
        percent_words={word: Decimal(scale) for word, scale in words["percent_words"].items()},
        percent_word_tail=_Tail(words["percent_words"]),
        hundred_percent=words["signs"]["hundred_percent"],
        vague_prefixes=frozenset(words["vague_prefixes"]["chars"]),
        after_loose_suffix=frozenset(words["after_loose_suffix"]["chars"]),
        standalone_halves=frozenset(words["halves"]["standalone"]),
        half_not_before=frozenset(words["halves"]["not_before"]),
    )


@dataclass(slots=True)
class _Amount:
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: Unit
    qualifier: str | None
    rule: str  # the rule that made it (numeral_unit, range, cheng ...)


# A unit surface found after a numeral, with its possible readings.
_Found = tuple[str, tuple[Unit, ...]] | None


class _Scan:
    """One document's clean text with the lazily built lookups the rules share."""

    def __init__(self, clean: str, t: _Tables) -> None:
        self.clean = clean
        self.t = t
        self._idioms: list[tuple[int, int]] | None = None
        self._sentence_cues: list[int] | None = None
        self._sentence_ends: list[int] | None = None

    def unit_at(self, pos: int) -> _Found:
        """Longest unit surface starting at ``pos``; a longer blocked word wins over it."""
        clean, t = self.clean, self.t
        lengths = t.word_lengths.get(clean[pos]) if pos < len(clean) else None
        if lengths is None:
            return None
        reopened = False
        for size in lengths:
            if pos + size > len(clean):
                continue
            word = clean[pos : pos + size]
            reopened = reopened or word in t.reopened
            if word in t.blocked and not reopened:
                return None
            units = t.surfaces.get(word)
            if units is not None:
                if word[-1] in _ASCII_LETTERS and pos + size < len(clean) and clean[pos + size] in _ASCII_LETTERS:
                    return None  # 5G, 3MWp...: the letters run on into a code or another word
                return word, units
        return None

    def in_idiom(self, pos: int) -> bool:
        if self._idioms is None:
            self._idioms = [m.span() for m in self.t.idioms.finditer(self.clean)]
        k = bisect_right(self._idioms, (pos, len(self.clean))) - 1
        return k >= 0 and self._idioms[k][0] <= pos < self._idioms[k][1]

    def prefix_qualifier(self, pos: int) -> str | None:
        """The qualifier word written right before ``pos`` (约, 超过, 年满), unless it ends a longer word (节约)."""
        clean, t = self.clean, self.t
        word = t.prefix_qualifier_words.word_at(clean, pos)
        if word is not None:
            return None if t.not_qualifiers.ends_at(clean, pos) else t.prefix_qualifiers[word]
        return self._bound_before_verb(pos)

    def currency_before(self, pos: int) -> str | None:
        """新台币120亿元, 港币约50亿元: the currency written before the number (or its qualifier word)."""
        clean, t = self.clean, self.t
        word = t.currency_prefixes.word_at(clean, pos)
        if word is None and t.prefix_qualifier_words.word_at(clean, pos) is not None:
            qualifier_ends = (
                pos - size for size in (4, 3, 2, 1) if clean[max(0, pos - size) : pos] in t.prefix_qualifiers
            )
            word = next(filter(None, (t.currency_prefixes.word_at(clean, end) for end in qualifier_ends)), None)
        return t.currency_codes[word] if word is not None else None

    def currency_prefix(self, pos: int) -> tuple[str, str] | None:
        """(word, code) of a currency written right before ``pos`` (人民币500万, ¥120万)."""
        word = self.t.currency_prefixes.word_at(self.clean, pos)
        return (word, self.t.currency_codes[word]) if word is not None else None

    def before_noun(self, pos: int) -> bool:
        """A Han character that is no qualifier word starts at ``pos`` (3块地, not 5块左右)."""
        following = self.clean[pos : pos + 1]
        return is_han(following) and following not in self.t.suffix_qualifier_starts

    def _bound_before_verb(self, pos: int) -> str | None:
        """至少配备2名: a bound word separated from the number by a short verb."""
        t = self.t
        match = t.bound_before_verb.search(self.clean, max(0, pos - t.bound_window), pos)
        return t.prefix_qualifiers[match.group(1)] if match else None

    def suffix_qualifier(self, pos: int) -> str | None:
        clean = self.clean
        if clean.startswith("(", pos):
            return self._noted_suffix_qualifier(pos)
        for size in (3, 2, 1):
            word = clean[pos : pos + size]
            if len(word) == size and word in self.t.suffix_qualifiers:
                # 3年多 qualifies; in 3个多功能室 the 多 starts the next word.
                if size == 1 and is_han(clean[pos + 1 : pos + 2]) and clean[pos + 1] not in self.t.after_loose_suffix:
                    return None
                return self.t.suffix_qualifiers[word]
        return None

    def _noted_suffix_qualifier(self, pos: int) -> str | None:
        """140万头(只)以内, 50万元(含)以上: a short note in brackets between the unit and the
        qualifier; (含) makes the bound inclusive."""
        close = self.clean.find(")", pos + 1, pos + 2 + _UNIT_NOTE)
        if close < 0 or "(" in self.clean[pos + 1 : close]:
            return None
        qualifier = self.suffix_qualifier(close + 1)
        if self.clean.startswith("含", pos + 1):
            return _INCLUSIVE.get(qualifier, qualifier) if qualifier else None
        return qualifier

    def sentence_estimate(self, pos: int) -> bool:
        """An estimate word (预计, 估算) earlier in the same sentence governs this amount."""
        if self._sentence_cues is None:
            self._sentence_cues = [m.start() for m in self.t.sentence_qualifiers.finditer(self.clean)]
        k = bisect_left(self._sentence_cues, pos) - 1
        if k < 0:
            return False
        if self._sentence_ends is None:
            self._sentence_ends = [m.start() for m in _SENTENCE_END_RE.finditer(self.clean)]
        # No sentence end between the estimate word and the number.
        return bisect_right(self._sentence_ends, self._sentence_cues[k]) == bisect_left(self._sentence_ends, pos)

    def has_cue(self, pos: int, cue: str) -> bool:
        """A cue word for ``cue`` earlier in the sentence, or the clause for clause cues
        (温度 before 度 makes it ℃)."""
        start = max(0, pos - _CUE_WINDOW)
        window = self.clean[start:pos]
        ends = _CLAUSE_END if cue in self.t.clause_cues else _SENTENCE_END
        for i in range(len(window) - 1, -1, -1):
            if window[i] in ends:
                window = window[i + 1 :]
                break
        return any(word in window for word in self.t.cues[cue])

    def in_short_quote(self, start: int, end: int) -> bool:
        """The span sits inside a quotation of at most ``_SLOGAN_QUOTE`` characters."""
        clean = self.clean
        opening = next(
            (
                i
                for i in range(start - 1, max(-1, start - _SLOGAN_QUOTE - 1), -1)
                if clean[i] in _OPEN_QUOTES or clean[i] in _CLOSE_QUOTES
            ),
            None,
        )
        if opening is None or clean[opening] not in _OPEN_QUOTES:
            return False
        limit = min(len(clean), opening + _SLOGAN_QUOTE + 2)
        return any(clean[i] in _CLOSE_QUOTES for i in range(end, limit))

    def followed_by_slogan(self, pos: int) -> bool:
        """15分钟生活圈: a follower word within the next few characters of the clause."""
        for i in range(pos, min(len(self.clean), pos + 6)):
            if self.clean[i] in _CLAUSE_END:
                return False
            if self.clean.startswith(self.t.slogan_followers, i):
                return True
        return False


def _is_year(numeral: str, unit: Unit) -> bool:
    """2025年, 二〇二四年: a calendar year, which is a date and not a duration."""
    if unit.unit != "年":
        return False
    if numeral.isdigit():
        return len(numeral) == 4 and 1000 <= int(numeral) <= 2199
    return _digit_sequence(numeral) and _approximate_pair(numeral) is None


def _digit_sequence(numeral: str) -> bool:
    """二〇二四, 一一〇: Chinese digits read one by one, a year or a code rather than a count."""
    return len(numeral) >= 2 and numeral[0] in CHINESE_DIGITS and all(c in CHINESE_DIGITS for c in numeral)


def _approximate_pair(numeral: str) -> tuple[Decimal, Decimal] | None:
    """三四个, 十五六岁, 二三十人, 三五年, 一两个: two digits side by side state a range
    (value and value_max; like 200-300元 it carries no qualifier of its own)."""
    match = _PAIR_RE.match(numeral) if numeral[0] in _PAIR_FIRST and len(numeral) > 1 else None
    if match is None:
        return None
    head, low_digit, high_digit, tail = match.group("head", "low", "high", "tail")
    low_value, high_value = CHINESE_DIGITS[low_digit], CHINESE_DIGITS[high_digit]
    if (head and tail) or (high_value != low_value + 1 and (low_value, high_value) != (3, 5)):
        return None
    low, high = read(head + low_digit + tail), read(head + high_digit + tail)
    if low is None or high is None:
        return None
    return low.value, high.value


def _choose_unit(
    scan: _Scan, units: tuple[Unit, ...], pos: int, end: int, value: Decimal, qualified: bool
) -> Unit | None:
    """The reading of an ambiguous surface that its context allows (度 is ℃ only near 温度;
    块 is yuan after a money word, but not before the noun it counts: 3块地; 日 is days in 90日)."""
    for unit in units:
        if unit.needs_qualifier and not qualified:
            continue
        if unit.above is not None and not (
            qualified or value > unit.above or scan.clean.startswith(unit.followers, end)
        ):
            continue
        if unit.needs_cue and not scan.has_cue(pos, unit.needs_cue):
            continue
        if unit.needs_cue and unit.record == "money" and scan.before_noun(end):
            continue
        return unit
    return None


def _multiplier_of(numeral: str) -> Decimal:
    """The 万/亿 a range's upper end carries over to a bare lower end (1.5-2万元)."""
    if numeral.endswith("亿"):
        return Decimal(10**8)
    if numeral.endswith("万"):
        return Decimal(10**4)
    return Decimal(1)


_ONE_DIGIT_PLACE = regex.compile(r"[一二两三四五六七八九壹贰叁肆伍陆柒捌玖1-9][十百千万亿拾佰仟]++")


def _carried_multipliers(low: str, high: str, high_value: Decimal) -> list[Decimal]:
    """What a range's lower end may be multiplied by, most specific first: a lone digit takes
    the place of the upper end's digit (两到三仟 is 2000-3000, 2~3百 200-300), a bare lower end
    its 万/亿 (1.5-2万), else nothing (从8500到3万: 8500 is already whole)."""
    if any(c in low for c in "万亿"):
        return [Decimal(1)]
    carried = []
    if len(low) == 1 and _ONE_DIGIT_PLACE.fullmatch(high):
        leading = read(high[0])
        assert leading is not None  # the pattern starts with a digit from one to nine
        carried.append(high_value / leading.value)
    return [*carried, _multiplier_of(high), Decimal(1)]


def _separator_end(clean: str, pos: int, negative: bool) -> int | None:
    """Where a range's upper end starts: past a (含) note on the lower end (1万(含)-5万元) and
    one separator, or a doubled dash (3天——8天; -- unless the lower end is negative)."""
    if clean.startswith(_INCLUSIVE_NOTES, pos):
        pos += next(len(note) for note in _INCLUSIVE_NOTES if clean.startswith(note, pos))
    if pos >= len(clean) or clean[pos] not in _RANGE_SEPARATORS:
        return None
    doubled = clean[pos + 1 : pos + 2] == clean[pos] and (clean[pos] == "—" or (clean[pos] in "-－" and not negative))
    return pos + 1 + doubled


def _split_unit_prefix(scan: _Scan, start: int, end: int) -> int:
    """5千米 is 5 公里, not 5000 米: give a trailing 千/百 back to the unit when that makes one."""
    if end - start > 1 and scan.clean[end - 1] in "千百十":
        found = scan.unit_at(end - 1)
        if found is not None and len(found[0]) > 1:
            return end - 1
    return end


def _may_be_amount(scan: _Scan, numeral: str, start: int, end: int) -> bool:
    """Fast exit for the many numerals followed by nothing an amount can end with."""
    following = scan.clean[end : end + 1]
    return (
        following in scan.t.first_chars
        or following in _RANGE_SEPARATORS
        or following == "成"
        or numeral[-1] in "万亿"
        or following in _LIST_SEPARATORS
        or scan.currency_prefix(start) is not None
    )


def _range(
    scan: _Scan, numeral: str, low: Reading, found: _Found, pos: int, negative: bool = False
) -> tuple[Reading, Decimal, _Found, int] | None:
    """200-300元, 3到5度, 60%-70%, 三至五年, 1.5-2万元: a second numeral after a separator.

    The upper end's unit is the range's (a unit after the lower end must be the same),
    and a bare lower end takes the upper end's multiplier where that keeps the range
    ascending (:func:`_carried_multipliers`). 一到…就 ("as soon as") is no range.
    """
    clean = scan.clean
    after = _separator_end(clean, pos, negative)
    if after is None or (clean[after - 1] == "到" and numeral == "一"):
        return None
    # -3至-1℃: the upper end of a temperature or rate may carry its own minus sign.
    high_negative = clean[after : after + 1] in _MINUS_SIGNS and clean[after - 1] not in _MINUS_SIGNS
    second = _NUMERAL_AT.match(clean, after + high_negative)
    if second is None:
        return None
    high = read(second.group())
    high_unit = scan.unit_at(second.end())
    if high is None or high_unit is None or (found is not None and high_unit[0] != found[0]):
        return None
    if high_negative and not any(_takes_sign(u) for u in high_unit[1]):
        return None
    high_value = -high.value if high_negative else high.value
    signed = negative and any(_takes_sign(u) for u in high_unit[1])
    low_value = next(
        (
            low.value * carried
            for carried in _carried_multipliers(numeral, second.group(), high.value)
            if (-low.value * carried if signed else low.value * carried) < high_value
        ),
        None,
    )
    if low_value is None:
        return None  # -5℃至3℃ is a range; 5至3 is not
    end = second.end() + len(high_unit[0])
    return Reading(low_value, low.qualifier or high.qualifier), high_value, high_unit, end


@dataclass(slots=True)
class _Proposal:
    """A numeral and what follows it, before the vetoes decide whether it states an amount.

    ``end`` is past the unit surface (or the numeral, for an amount without one); ``unit``
    is the reading the context chose; ``kind`` names the rule (numeral_unit, range ...).
    One proposal is made per numeral and filled in as the rules read further.
    """

    scan: _Scan
    start: int
    end: int
    numeral: str
    reading: Reading
    value_max: Decimal | None = None
    surface: str = ""
    unit: Unit | None = None
    prefix_qualifier: str | None = None
    kind: str = "numeral_unit"
    chinese_only: bool = False  # the numeral has no digit (三个, 二十五条)


def _after_code_letters(p: _Proposal) -> bool:
    """PM2.5, H7N9, version numbers: letters or a dot glued before the number (GDP123亿元 is fine)."""
    clean, start = p.scan.clean, p.start
    before = clean[start - 1 : start]
    return bool(before) and (
        (before in _ASCII_LETTERS and not clean.endswith(p.scan.t.indicator_acronyms, 0, start)) or before == "."
    )


def _after_ordinal_or_code(p: _Proposal) -> bool:
    """第3名, 编号2号: an ordinal or code word (quantity_words.toml) right before the number."""
    return p.scan.t.not_amount_prefixes.ends_at(p.scan.clean, p.start)


def _rate_denominator(p: _Proposal) -> bool:
    """每万人口, 每千人: the base of a rate, not an amount."""
    return _ends_with(p.scan.clean, p.scan.t.rate_prefix, p.start) and all(c in _MULTIPLIER_ONLY for c in p.numeral)


def _in_idiom(p: _Proposal) -> bool:
    """千方百计, 一把手: a fixed phrase (quantity_words.toml idioms) holds the number."""
    return p.scan.in_idiom(p.start)


def _article_yi(p: _Proposal) -> bool:
    """一位专家, 一个护栏: the numeral is an article, unless a qualifier or a percentage makes it count."""
    assert p.unit is not None
    return (
        p.numeral in ("一", "壹")
        and p.reading.value == 1  # 一年半 counts
        and p.prefix_qualifier is None
        and p.unit.record != "percentage"
        and not p.surface.startswith("个多")  # 一个多星期 counts
        and not (p.unit.record == "money" and len(p.surface) > 1)  # 一美元, 一块钱 (一元化 is no money)
    )


def _slogan_in_quotes(p: _Proposal) -> bool:
    """“三个减少”, “二十五条”: a name written with a number in Chinese words."""
    return p.chinese_only and p.scan.in_short_quote(p.start, p.end)


def _vague_duration(p: _Proposal) -> bool:
    """几十年来, 数十年: a vague stretch of time, like 近年来."""
    assert p.unit is not None
    return p.unit.dimension == "duration" and p.numeral[0] in p.scan.t.vague_prefixes


def _ordinal_follower(p: _Proposal) -> bool:
    """A word after the unit that makes it an ordinal (quantity_words.toml ordinal_followers)."""
    assert p.unit is not None
    return p.scan.clean.startswith(p.scan.t.ordinal_followers.get(p.unit.unit, ()), p.end)


def _slogan_digits(p: _Proposal) -> bool:
    """三个一, 两个一百年: a count classifier right before another numeral names a slogan."""
    assert p.unit is not None
    clean, end = p.scan.clean, p.end
    return (
        p.chinese_only
        and p.unit.record == "quantity"
        and p.unit.dimension == "count"
        and end < len(clean)
        and clean[end] in _SLOGAN_DIGITS
    )


def _slogan_follower(p: _Proposal) -> bool:
    """15分钟生活圈: a slogan word (quantity_words.toml slogan_followers) after a duration or length."""
    assert p.unit is not None
    return p.unit.dimension in ("duration", "length") and p.scan.followed_by_slogan(p.end)


def _url_escape(p: _Proposal) -> bool:
    """%E5%8F%91: percent-escapes in a link are no percentages (a number right after an escape,
    or a % sign that starts one)."""
    assert p.unit is not None
    clean = p.scan.clean
    return p.unit.record == "percentage" and (
        clean[p.start - 1 : p.start] == "%" or _URL_ESCAPE.match(clean, p.end - 1) is not None
    )


def _calendar_year(p: _Proposal) -> bool:
    """2025年, 二〇二四年: a calendar year is a date, not a duration."""
    assert p.unit is not None
    return _is_year(p.numeral, p.unit)


def _ordinal_er(p: _Proposal) -> bool:
    """二次管网, 二轮延包: a count says 两 (两次, 两轮); a bare 二 before a classifier is an
    ordinal or a name. People are the exception (二人, 二位 are literary counts)."""
    assert p.unit is not None
    return p.numeral == "二" and p.unit.dimension == "count" and p.unit.unit != "人"


def _lone_capital_digit(p: _Proposal) -> bool:
    """陆家嘴, 伍家岗: one financial digit alone is a character of a name; amounts written in
    capitals carry 拾/佰/仟 or a currency (伍元)."""
    assert p.unit is not None
    return len(p.numeral) == 1 and p.numeral in _CAPITAL_DIGITS and p.unit.record != "money"


def _bare_zero(p: _Proposal) -> bool:
    """零部件, 零星: a bare 零 is no count."""
    return p.reading.value == 0 and p.chinese_only


def _rank_place(p: _Proposal) -> bool:
    """前十位, 后三名: a place in a ranking (quantity_words.toml rank_prefixes), not people."""
    assert p.unit is not None
    t, clean = p.scan.t, p.scan.clean
    return (
        p.unit.unit in t.rank_units
        and t.rank_prefixes.ends_at(clean, p.start)
        and not t.not_rank_prefixes.ends_at(clean, p.start)
    )


def _grade(p: _Proposal) -> bool:
    """1类新药, 二类疫苗: a small number and 类 glued to a noun grade it (quantity_words.toml)."""
    assert p.unit is not None
    t, clean = p.scan.t, p.scan.clean
    return (
        p.unit.unit in t.grade_units
        and p.reading.value <= t.grade_max
        and p.value_max is None
        and is_han(clean[p.end : p.end + 1])
        and clean[p.end] not in "的是和及与或"
    )


# What may refuse a numeral before a unit is looked for (the scan resumes after the numeral).
NUMERAL_VETOES: tuple[Veto[_Proposal], ...] = (Veto("code_letters", _after_code_letters),)
# What may refuse a numeral and its unit as an amount, in the order they are asked.
AMOUNT_VETOES: tuple[Veto[_Proposal], ...] = (
    Veto("calendar_year", _calendar_year),
    Veto("ordinal_or_code", _after_ordinal_or_code),
    Veto("rate_denominator", _rate_denominator),
    Veto("idiom", _in_idiom),
    Veto("article_yi", _article_yi),
    Veto("slogan_in_quotes", _slogan_in_quotes),
    Veto("vague_duration", _vague_duration),
    Veto("ordinal_follower", _ordinal_follower),
    Veto("slogan_digits", _slogan_digits),
    Veto("slogan_follower", _slogan_follower),
    Veto("ordinal_er", _ordinal_er),
    Veto("lone_capital_digit", _lone_capital_digit),
    Veto("bare_zero", _bare_zero),
    Veto("rank_place", _rank_place),
    Veto("grade", _grade),
    Veto("url_escape", _url_escape),
)
# An amount without a unit surface (2亿信贷, 七成) is refused by these.
_BARE_VETOES: tuple[Veto[_Proposal], ...] = (
    Veto("ordinal_or_code", _after_ordinal_or_code),
    Veto("idiom", _in_idiom),
)


def _produce_amount(p: _Proposal) -> _Amount:
    """The amount a numeral and its unit state: the currency written before it, 零下 and a minus
    sign, and the qualifier from the words around it."""
    scan, start, unit = p.scan, p.start, p.unit
    assert unit is not None
    end = p.end
    value = p.reading.value * unit.scale
    if unit.record == "money" and unit.currency == "CNY":
        currency = scan.currency_before(start)
        if currency is not None:
            unit = replace(unit, currency=currency)
        if p.value_max is None:
            cents, end = _jiao_fen(scan.clean, end)
            value += cents
    if _ends_with(scan.clean, scan.t.below_zero, start):
        value = -value
    qualifier = (
        p.prefix_qualifier
        or p.reading.qualifier
        or scan.suffix_qualifier(end)
        or ("approx" if scan.sentence_estimate(start) else None)
    )
    if p.surface.startswith("个多") and qualifier is None:
        qualifier = "more_than"
    high_value = p.value_max * unit.scale if p.value_max is not None else None
    if _takes_sign(unit) and _minus_before(scan, start):
        start, value = start - 1, -value
    return _Amount(start, end, value, high_value, unit, qualifier, p.kind)


def _jiao_fen(clean: str, pos: int) -> tuple[Decimal, int]:
    """一百四十三元一角七分, 伍拾元伍角: the tenths (角, 毛) and hundredths (分) after 元, and
    where they end (pos, with nothing, when none are written)."""
    match = _JIAO_FEN.match(clean, pos)
    if match is None or match.end() == pos:
        return Decimal(0), pos
    cents = Decimal(0)
    for group, scale in (("jiao", Decimal("0.1")), ("fen", Decimal("0.01"))):
        digit = read(match.group(group)) if match.group(group) else None
        cents += digit.value * scale if digit is not None else 0
    return cents, match.end()


def _produce_money_noun(p: _Proposal) -> _Amount | None:
    """2亿信贷: 万 or 亿 before a money noun (quantity_words.toml money_nouns) is money."""
    clean, t = p.scan.clean, p.scan.t
    if p.numeral[-1] in "万亿" and clean.startswith(t.money_nouns, p.end):
        qualifier = p.prefix_qualifier or p.reading.qualifier
        return _Amount(p.start, p.end, p.reading.value, None, Unit("money"), qualifier, "money_noun")
    return None


def _produce_currency_prefix(p: _Proposal) -> _Amount | None:
    """人民币500万, ¥4,326,500.00, 瑞士法郎300万: a currency written before a number with no
    unit after it; a currency sign is part of the span, a currency word is not."""
    prefix = p.scan.currency_prefix(p.start)
    if prefix is None:
        return None
    word, code = prefix
    start = p.start - len(word) if not is_han(word[0]) else p.start
    qualifier = p.prefix_qualifier or p.reading.qualifier or p.scan.suffix_qualifier(p.end)
    return _Amount(start, p.end, p.reading.value, None, Unit("money", currency=code), qualifier, "currency_prefix")


def _tenths(numeral: str) -> bool:
    """A numeral that can count tenths before 成: 七, 十, 3 (not 15成)."""
    return all(c in CHINESE_DIGITS or c == "十" for c in numeral) or (numeral.isdigit() and 0 < int(numeral) <= 10)


def _produce_bare(p: _Proposal) -> _Amount | None:
    """An amount with no unit surface: a currency before it (¥500), money by its noun (2亿信贷), or tenths (七成)."""
    return _produce_currency_prefix(p) or _produce_money_noun(p) or _produce_cheng(p)


def _produce_cheng(p: _Proposal) -> _Amount | None:
    """七成, 3成, 两至三成: tenths, a percentage, unless a blocker follows (七成新 is no share)."""
    clean, end, numeral = p.scan.clean, p.end, p.numeral
    high: Decimal | None = None
    if clean[end : end + 1] in _RANGE_SEPARATORS:
        second = _NUMERAL_AT.match(clean, end + 1)
        upper = read(second.group()) if second is not None and _tenths(second.group()) else None
        if second is None or upper is None or not clean.startswith("成", second.end()):
            return None
        high, end = upper.value * 10, second.end()
    if (
        clean.startswith("成", end)
        and _tenths(numeral)
        and clean[end + 1 : end + 2] not in p.scan.t.cheng_blockers
        and (high is None or p.reading.value * 10 < high)
    ):
        qualifier = p.prefix_qualifier or p.scan.suffix_qualifier(end + 1)
        rule = "cheng" if high is None else "cheng_range"
        return _Amount(p.start, end + 1, p.reading.value * 10, high, Unit("percentage"), qualifier, rule)
    return None


# The rules of this finder as values: name, trigger, vetoes, production.
NUMERAL_UNIT = Rule(
    "numeral_unit", "a numeral (numbers.NUMERAL) then a unit surface (units.toml)", _produce_amount, AMOUNT_VETOES
)
BARE_AMOUNT = Rule(
    "bare_amount",
    "a numeral with no unit surface: a currency before it (currency_prefix), 万/亿 before a money noun (money_noun), "
    "or 成 (cheng)",
    _produce_bare,
    _BARE_VETOES,
)


def _amount(scan: _Scan, start: int, end: int) -> tuple[_Amount | None, int]:
    """The amount whose numeral is ``clean[start:end]``, and where scanning resumes."""
    end = _split_unit_prefix(scan, start, end)
    start, numeral = _ocr_decimal_point(scan, start, end)
    if not _may_be_amount(scan, numeral, start, end):
        return None, end
    kind = "numeral_unit"
    reading = read(numeral)
    if reading is None and numeral[0] in "万亿" and _bare_myriad(scan, start, numeral):
        reading = read("一" + numeral)  # 万余人, 近万元, 超亿元: a bare 万/亿 is one of it
        kind = "bare_myriad"
    value_max: Decimal | None = None
    pair = _approximate_pair(numeral)
    if pair is not None:
        reading, value_max, kind = Reading(pair[0]), pair[1], "approximate_pair"
    elif reading is None or _digit_sequence(numeral):
        return None, end  # 二〇二四: digits read one by one are a year or a code
    proposal = _Proposal(scan, start, end, numeral, reading, value_max, kind=kind)
    if vetoed(NUMERAL_VETOES, proposal) is not None:
        return None, end

    found = scan.unit_at(end)
    surface_end = end + len(found[0]) if found else end
    if pair is None and (found is None or found[0] in scan.t.list_prefix_surfaces):
        found = _list_unit(scan, surface_end, found) or found
    half = _and_a_half(scan, end, found) if pair is None else None
    if half is not None:
        found, surface_end = half
        proposal.reading = Reading(reading.value + _HALF, reading.qualifier)
        proposal.kind = "and_a_half"
    elif pair is None:
        ranged = _range(scan, numeral, reading, found, surface_end, _minus_before(scan, start))
        if ranged is not None:
            proposal.reading, proposal.value_max, found, surface_end = ranged
            proposal.kind = "range"
    proposal.prefix_qualifier = scan.prefix_qualifier(start)
    if found is None:
        return BARE_AMOUNT.apply(proposal), end
    proposal.surface, units = found
    proposal.unit = _choose_unit(
        scan, units, start, surface_end, proposal.reading.value, qualified=proposal.prefix_qualifier is not None
    )
    if proposal.unit is None:
        return None, surface_end
    proposal.end = surface_end
    proposal.chinese_only = not any(c.isdigit() for c in numeral)
    return NUMERAL_UNIT.apply(proposal), surface_end


def _and_a_half(scan: _Scan, end: int, found: _Found) -> tuple[_Found, int] | None:
    """两年半, 一个半小时, 三斤半, 两米半: a half after a whole measure (not after a classifier:
    两个半 is unclear); the surface to read (个小时 for 个半小时) and where the span ends."""
    if found is None:
        return None
    clean, t = scan.clean, scan.t
    after = end + len(found[0])
    if not clean.startswith("半", after):
        return None
    if found[0] == "个":  # 个半小时: the unit is 个小时, split by the half
        for size in range(min(t.longest, len(clean) - after - 1), 0, -1):
            word = "个" + clean[after + 1 : after + 1 + size]
            units = t.surfaces.get(word)
            if units is not None:
                return ((word, units), after + 1 + size) if _measure(units) else None
        return None
    return (found, after + 1) if _measure(found[1]) else None


def _measure(units: tuple[Unit, ...]) -> bool:
    """Units a half can follow: measures, not classifiers, money or percentages."""
    return all(u.record == "quantity" and u.dimension not in ("count", "other") for u in units)


def _ocr_decimal_point(scan: _Scan, start: int, end: int) -> tuple[int, str]:
    """68。5亿元, 6。8%: OCR wrote the decimal point as a full stop. The numeral starts at the
    digits before it when one or two digits after it run straight into a unit."""
    clean = scan.clean
    if clean[start - 1 : start] != "。":
        return start, clean[start:end]
    digits = _OCR_DECIMAL_WHOLE.search(clean, max(0, start - 6), start)
    fraction = _LEADING_DIGITS.match(clean, start, end)
    if digits is None or fraction is None or fraction.end() - start > 2 or scan.unit_at(end) is None:
        return start, clean[start:end]
    return digits.start(), f"{digits.group(1)}.{clean[start:end]}"


def _list_unit(scan: _Scan, pos: int, found: _Found) -> _Found:
    """分别高出1.2个、0.5个和3个百分点, 下降1.2、0.5和3个百分点: the unit written once at the end
    of a list is every item's (an item's own 个 is the start of it; bare items take a percentage
    only). None unless the list ends in such a unit."""
    clean, own = scan.clean, found[0] if found else ""
    for _ in range(_LIST_ITEMS):
        if clean[pos : pos + 1] not in _LIST_SEPARATORS:
            return None
        item = _NUMERAL_AT.match(clean, pos + 1)
        if item is None:
            return None
        later = scan.unit_at(item.end())
        if later is None or later[0] == own:
            pos = item.end() + (len(own) if later else 0)
            continue
        shares = later[0].startswith(own) if own else all(u.record == "percentage" for u in later[1])
        return later if shares else None
    return None


def _bare_myriad(scan: _Scan, start: int, numeral: str) -> bool:
    """万余, 近万, 逾亿: 万/亿 with no digit is an amount when 余/多 or a qualifier word marks it."""
    return (len(numeral) > 1 and numeral[1] in "余多") or scan.prefix_qualifier(start) is not None


def _takes_sign(unit: Unit) -> bool:
    """Rates and temperatures can be negative (-1.2‰, -5℃); counts and money are not written so."""
    return unit.record == "percentage" or unit.dimension == "temperature"


def _minus_before(scan: _Scan, start: int) -> bool:
    """A minus sign right before the number that is not a range separator (5-10%, PM2.5-10)."""
    clean = scan.clean
    if start == 0 or clean[start - 1] not in _MINUS_SIGNS:
        return clean[start - 1 : start] == _NEGATIVE_WORD
    before = clean[start - 2 : start - 1]
    return not (before.isalnum() and not is_han(before)) and before not in _DASHES and before != "%"


def _percent_words(scan: _Scan, start: int, end: int) -> _Amount | None:
    """百分之七十, 千分之三 (the numeral after the word) and 百分百."""
    clean, hundred = scan.clean, scan.t.hundred_percent
    if clean.startswith(hundred, start):
        return _Amount(start, start + len(hundred), Decimal(100), None, Unit("percentage"), None, "hundred_percent")
    word = scan.t.percent_word_tail.word_at(clean, start)
    if word is not None:
        reading = read(clean[start:end])
        if reading is None:
            return None
        begin = start - len(word)
        qualifier = scan.prefix_qualifier(begin) or reading.qualifier or scan.suffix_qualifier(end)
        value = reading.value * scan.t.percent_words[word]
        return _Amount(begin, end, value, None, Unit("percentage"), qualifier, "percent_words")
    return None


def _halves(scan: _Scan, amounts: list[_Amount]) -> list[_Amount]:
    """半小时, 半天: a half is an amount only after a qualifier (不到半小时), like the article 一;
    半年 and 半个月 state a duration on their own (提前半年完工), unless a longer word holds
    them (半年度) or an amount already does (两年半)."""
    clean, t = scan.clean, scan.t
    starts = [a.start for a in amounts]
    found = []
    for match in _HALF_RE.finditer(clean):
        start, end = match.span()
        qualifier = scan.prefix_qualifier(start)
        rule = "half"
        if qualifier is None:
            if (
                match.group() not in t.standalone_halves
                or clean[end : end + 1] in t.half_not_before
                or _overlaps_an_amount(amounts, starts, start, end)
            ):
                continue
            qualifier, rule = scan.suffix_qualifier(end), "standalone_half"
        tail = clean[end - 2 : end]
        unit_name = "小时" if tail == "小时" else tail[-1]
        unit = Unit("quantity", unit_name, "duration")
        found.append(_Amount(start, end, Decimal("0.5"), None, unit, qualifier, rule))
    return found


def _overlaps_an_amount(amounts: list[_Amount], starts: list[int], start: int, end: int) -> bool:
    """``[start, end)`` shares a character with one of ``amounts`` (in text order, not overlapping;
    ``starts`` their starts)."""
    k = bisect_left(starts, end) - 1  # the last amount starting before the end
    return k >= 0 and amounts[k].end > start


def _numeral_start(clean: str, start: int, end: int) -> int:
    """队伍24支, 陆续3个: a capital digit (伍, 陆) that ends an ordinary word is not part of the number."""
    text = clean[start:end]
    if text[0].isdigit() or read(text) is not None:
        return start
    first_digit = next((i for i, c in enumerate(text) if c.isdigit()), 0)
    return start + first_digit


def _amounts(scan: _Scan) -> list[_Amount]:
    amounts: list[_Amount] = []
    resume = 0
    for match in NUMERAL_RE.finditer(scan.clean):
        start, end = match.span()
        if start < resume:
            continue
        start = _numeral_start(scan.clean, start, end)
        amount = _percent_words(scan, start, end)
        if amount is None:
            amount, resume = _amount(scan, start, end)
        if amount is not None:
            amounts.append(amount)
            resume = amount.end
    if "半" in scan.clean:
        amounts.extend(_halves(scan, amounts))
    return amounts


def _record(doc: Document, ctx: ArticleContext, amount: _Amount) -> Candidate:
    start, end, text = doc.span(amount.start, amount.end)
    value = to_float(amount.value)
    value_max = to_float(amount.value_max) if amount.value_max is not None else None
    common: dict[str, Any] = {
        "doc_id": ctx.doc_id,
        "start": start,
        "end": end,
        "text": text,
        "value": value,
        "value_max": value_max,
        "qualifier": amount.qualifier,
    }
    unit = amount.unit
    record: Record
    if unit.record == "money":
        record = Money(currency=unit.currency, **common)
    elif unit.record == "percentage":
        record = Percentage(kind=unit.kind, **common)
    else:
        record = Quantity(unit=unit.unit, dimension=unit.dimension, **common)
    return Candidate(record, f"amount.{amount.rule}")


def find(doc: Document, ctx: ArticleContext) -> list[Candidate]:
    """Every quantity, money and percentage record of the article, in text order, with its rule."""
    scan = _Scan(doc.clean, tables())
    return [_record(doc, ctx, a) for a in sorted(_amounts(scan), key=lambda a: a.start)]
