"""Numbers: every reading of a numeral, shared by all record types.

``NUMERAL`` is the regex source of one numeral in the clean view: Arabic
(``1,100``, ``47.264287``), Chinese (``一万五千亿``, ``二〇二四``, ``两千``),
mixed (``3万4000``, ``25万6千``, ``9700余万``), with the approximation
markers 余/多/几/来 and the prefixes 数/上/几 (``数十``, ``上百``).
:func:`read` turns the matched string into a :class:`Reading` with an exact
``Decimal`` value, so ``0.27亿`` is 27000000 and not 27000000.000000004.

The pattern uses possessive quantifiers only: a megabyte of digits is one
linear scan, never a backtracking search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import pairwise

import regex

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
LARGE_UNITS = {"万": 10**4, "亿": 10**8}
# Markers inside a numeral: 余/多/几 ("more than"), 来 ("about").
INNER_MARKERS = {"余": "more_than", "多": "more_than", "几": "more_than", "来": "approx"}
# Prefixes before a unit character: 数十 (several tens), 上百 (up to a hundred), 几十.
PREFIX_MARKERS = {"数": "more_than", "上": "approx", "几": "more_than"}

_CN_CHARS = "".join(CHINESE_DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)
# OCR and e-paper text group thousands with a space (1 200套, 2 346户): a lead group of one to
# three digits, then groups of exactly three. Typed text at times groups them with a full-width
# comma (12，000人, 3，500万元), but lists of three-digit counts are parted by it too (分别为320，
# 415，508户): a comma group needs a lead of one or two digits (23，15个 stays two numbers).
_GROUP_SPACE = r"[ \u00a0\u2009\u202f]"
_SPACE_GROUPED = rf"\d{{1,3}}+(?:{_GROUP_SPACE}\d{{3}}+(?!\d))++|\d{{1,2}}+(?:，\d{{3}}+(?!\d))++"
_COMMA_GROUPED = r"\d++(?:,\d{3}+(?!\d))*+"
_FRACTION = r"(?:\.\d++)?+"
ARABIC = rf"(?:{_SPACE_GROUPED}|{_COMMA_GROUPED}){_FRACTION}"
_CHUNK = rf"(?:{ARABIC}|[{_CN_CHARS}])"
_CN_DIGITS = "〇零一二三四五六七八九两"
# 五点八亿, 三点二个百分点: 点 is a decimal point between Chinese digits; not in clock times
# (八点三十分: tens follow) nor in 八点半.
_CN_DECIMAL = rf"(?:(?<=[{_CN_DIGITS}十])点[{_CN_DIGITS}]++(?![十百千时分秒])[万亿]*+)"
_PREFIX = r"[数上几](?=[十百千万亿])"
# Inner markers only count when a numeral stood before them; 几/来 never start one.
_MARKER = r"(?:[余多几来](?:[十百千万亿]++)?+)"
NUMERAL = rf"(?:(?:{_PREFIX})?{_CHUNK}++{_CN_DECIMAL}?+{_MARKER}?+)"
# An article scanned for NUMERAL's matches (the same ones: tests/test_numeral_scan.py) by the
# standard library's engine, in under half the time ``regex`` takes: one class of every
# character a numeral starts with comes first, which the engine skips to in its fast loop;
# a lookbehind then says how the numeral goes on after that character (the prefix's chunks,
# the first digit's run and chunks, or a Chinese character's chunks).
_AFTER_FIRST_DIGIT = (
    rf"(?:\d{{0,2}}+(?:{_GROUP_SPACE}\d{{3}}+(?!\d))++|\d?+(?:，\d{{3}}+(?!\d))++|\d*+(?:,\d{{3}}+(?!\d))*+){_FRACTION}"
)
NUMERAL_RE = re.compile(
    rf"[数上几\d{_CN_CHARS}]"
    rf"(?:(?<=[数上几])(?=[十百千万亿]){_CHUNK}++|(?<=\d){_AFTER_FIRST_DIGIT}{_CHUNK}*+|(?<=[{_CN_CHARS}]){_CHUNK}*+)"
    rf"{_CN_DECIMAL}?+{_MARKER}?+"
)
RANGE_SEPARATORS = ("-", "－", "~", "～", "—", "–", "到", "至")
# No real numeral is longer; longer runs (tables of digits, hostile input) are not read,
# which keeps reading linear instead of growing one huge integer digit by digit.
MAX_NUMERAL_LENGTH = 40


@dataclass(frozen=True, slots=True)
class Reading:
    """The value of one numeral, and the qualifier its own characters carry."""

    value: Decimal
    qualifier: str | None = None
    chinese: bool = False  # has Chinese digits or 十/百/千 (not just a 万/亿 multiplier)


_GROUP_SPACES = dict.fromkeys(map(ord, " \u00a0\u2009\u202f，"))
_TOKEN_RE = regex.compile(rf"{ARABIC}|.", regex.DOTALL)


@lru_cache(maxsize=8192)
def read(numeral: str) -> Reading | None:
    """The value of a numeral string as matched by ``NUMERAL``, or None if it does not parse.

    Readings are immutable and articles repeat their numerals (一, 两, 2024), so the last
    few thousand are kept.
    """
    if len(numeral) > MAX_NUMERAL_LENGTH:
        return None
    if "点" in numeral:
        return _read_chinese_decimal(numeral)
    if _vague_places(numeral):
        return None
    qualifier: str | None = None
    text = numeral
    if len(text) > 1 and text[0] in PREFIX_MARKERS and text[1] in "十百千万亿":
        qualifier = PREFIX_MARKERS[text[0]]
        text = text[1:]
        if text[0] in LARGE_UNITS:
            text = "一" + text  # 数万, 上亿: several (or up to) one 万
    result = Decimal(0)  # everything at or above 亿
    section = Decimal(0)  # below 亿
    number: Decimal | None = None
    previous = ""  # kind of the previous token: "arabic", "digit", "unit", "zero", "marker"
    chinese = False
    place = 1  # the value of the last unit read (十 10, 千 1000, 万 10000)
    abbreviated = False  # one digit right after a unit: 一万五 and 1万5 are 15000, 三千七 3700
    for token in _TOKEN_RE.findall(text):
        if token[0].isdigit():
            if previous in ("arabic", "digit"):
                return None
            try:
                number = Decimal(token.replace(",", "").translate(_GROUP_SPACES))
            except InvalidOperation:
                return None
            abbreviated = previous == "unit" and len(token) == 1  # 1万5 is 15000, as 一万五
            previous = "arabic"
        elif token in CHINESE_DIGITS:
            chinese = True
            digit = CHINESE_DIGITS[token]
            if previous == "arabic":
                return None
            if digit == 0 and previous in ("unit", "zero"):
                previous = "zero"  # 一百零五, 七千零十: 零 holds an empty place
                continue
            abbreviated = previous == "unit"
            number = number * 10 + digit if previous == "digit" and number is not None else Decimal(digit)
            previous = "digit"
        elif token in SMALL_UNITS:
            chinese = True
            section += (number if number is not None else Decimal(1)) * SMALL_UNITS[token]
            number = None
            previous = "unit"
            place = SMALL_UNITS[token]
        elif token == "万":
            if number is None and section == 0:
                return None
            section = (section + (number or 0)) * LARGE_UNITS["万"]
            number = None
            previous = "unit"
            place = LARGE_UNITS["万"]
        elif token == "亿":
            if number is None and section == 0 and result == 0:
                return None
            result = (result + section + (number or 0)) * LARGE_UNITS["亿"]
            section = Decimal(0)
            number = None
            previous = "unit"
            place = LARGE_UNITS["亿"]
        elif token in INNER_MARKERS:
            if previous == "" or previous == "marker":
                return None
            qualifier = qualifier or INNER_MARKERS[token]
            previous = "marker"
        else:
            return None
    if abbreviated and number is not None and number < 10:
        number *= Decimal(place) / 10
    value = result + section + (number or 0)
    if previous == "" or (value == 0 and number is None):
        return None
    return Reading(value=value, qualifier=qualifier, chinese=chinese)


_PLACES = SMALL_UNITS | LARGE_UNITS


def _vague_places(numeral: str) -> bool:
    """千百年, 万千群众, 亿万农民, 百十来个: places alone, a larger one before a smaller, count
    nothing (a digit makes a number: 六亿十万 is 600100000; 千万 and 百亿 climb)."""
    return not any(c in CHINESE_DIGITS or c.isdigit() for c in numeral) and any(
        a in _PLACES and b in _PLACES and _PLACES[a] > _PLACES[b] for a, b in pairwise(numeral)
    )


_CN_DECIMAL_PARTS = regex.compile(rf"(?P<whole>.+)点(?P<fraction>[{_CN_DIGITS}]+)(?P<scale>[万亿]*)")


def _read_chinese_decimal(numeral: str) -> Reading | None:
    """``五点八亿`` -> 580000000: the whole part, the digits after 点, then 万/亿."""
    parts = _CN_DECIMAL_PARTS.fullmatch(numeral)
    whole = read(parts["whole"]) if parts else None
    if parts is None or whole is None or whole.qualifier:
        return None
    digits = "".join(str(CHINESE_DIGITS[c]) for c in parts["fraction"])
    value = whole.value + Decimal("0." + digits)
    for unit in parts["scale"]:
        value *= LARGE_UNITS[unit]
    return Reading(value=value, chinese=True)


def read_int(numeral: str) -> int | None:
    """A whole number written in any form (``二〇二四``, ``十二``, ``12``), else None."""
    reading = read(numeral)
    if reading is None or reading.qualifier or reading.value != reading.value.to_integral_value():
        return None
    return int(reading.value)


def to_float(value: Decimal) -> float:
    """The float a record stores; integral values stay exact."""
    return float(value)
