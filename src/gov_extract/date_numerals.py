"""Calendar numerals: the patterns of a year's, a month's and a day's numeral, and the reading
of a year, shared by the date rules (:mod:`gov_extract.date_rules`) and the article's own date
(:mod:`gov_extract.dateline`), which cannot import each other (the date productions read the
dateline's span of years).
"""

from __future__ import annotations

from .numbers import read_int

# Years a date may name; outside them a four-digit number is no calendar year.
MIN_YEAR, MAX_YEAR = 1840, 2100

# Numerals of one calendar field; longer alternatives first, digit runs bounded by lookarounds.
# OCR reads a zero as the letter O and a one as l or I (2O23年, 20l9年): a year of digits and at
# least one such letter, before 年.
YEAR4 = (
    r"(?:(?<!\d)\d{4}+(?!\d)|(?<![〇零一二三四五六七八九])[〇零一二三四五六七八九]{4}+"
    r"|(?<![\dA-Za-z])[12](?=\d*[OolI])[\dOolI]{3}+(?=年))"
)
MONTH_ARABIC = r"(?:1[0-2]|0?[1-9])"
# 元月 is January (元月份, 元至6月), but not the 元 of an amount (5亿元月均, 10美元月费).
MONTH_CHINESE = r"(?:十[一二]?|[一二三四五六七八九]|(?<![\d〇零一二三四五六七八九十百千万亿两多余美港日欧韩币角])元)"
MONTH = rf"(?:{MONTH_ARABIC}|{MONTH_CHINESE})"
DAY_ARABIC = r"(?:3[01]|[12]\d|0?[1-9])"
# A month and a day written in two digits each, run together after a year (20221228).
MONTH_TWO_DIGITS = r"(?:0[1-9]|1[0-2])"
DAY_TWO_DIGITS = r"(?:0[1-9]|[12]\d|3[01])"
# 廿五日, 卅日: 廿 and 卅 (calendar.toml contracted_tens) write twenty and thirty in one character.
DAY = (
    rf"(?:{DAY_ARABIC}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?"
    r"|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])"
)

_OCR_DIGITS = str.maketrans("OolI", "0011")


def read_year(numeral: str) -> int | None:
    """The year a ``YEAR4`` numeral names (2024, 二〇二四, an OCR's 2O24), or None outside the
    years a date may name."""
    numeral = numeral.translate(_OCR_DIGITS)
    if numeral.isascii():
        year: int | None = int(numeral)
    elif numeral[0].isdigit():
        year = read_int(numeral)
    else:  # 二〇二四 is read digit by digit, not as a number
        year = int("".join(str(read_int(c)) for c in numeral))
    return year if year is not None and MIN_YEAR <= year <= MAX_YEAR else None


def month_day(digits: str) -> tuple[int, int] | None:
    """1031 -> (10, 31), 621 -> (6, 21): a month and a day run together, when the digits split
    only one way into a valid pair (111 is 1-11 or 11-1: None; 365: None)."""
    if digits[0] == "0":
        return None
    pairs = [(int(digits[:i]), int(digits[i:])) for i in range(max(1, len(digits) - 2), len(digits))]
    splits = [(month, day) for month, day in pairs if 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]]
    return splits[0] if len(splits) == 1 else None


# The most days each month can have (29 in February: a leap year's date may stand).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
