"""The productions of the date rules: each turns a rule's match into an :class:`Expr`
(a year, a relative year, a month, a day, a quarter, a season, a holiday, a lunar date,
a five-year plan ...), or into nothing for a vague word that only blocks a reading.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from enum import Enum
from functools import cache

import regex

from . import gazetteer
from .date_expr import (
    MAX_MONTHS_AHEAD,
    Cover,
    Expr,
    after_cut_off,
    after_words,
    calendar_words,
    days,
    last_day,
    month_span,
    months,
)
from .date_numerals import month_day, read_year
from .date_passages import ANCHOR_REACH, CLAUSE_OPENERS, SENTENCE_ENDS, is_comparison_base
from .lunar import lunar_month, solar_term_day
from .names import dictionary_words, tagged_words
from .numbers import read_int
from .records import Granularity
from .resources import alternation

# A year-less running total from January (前三季度, 1-11月) ending this many months after the
# article's month is last year's: a January work report's 前三季度 is a result, not a plan.
MAX_CUMULATIVE_AHEAD = 5


def _num(text: str) -> int:
    if text.isascii():  # the common case, without the general numeral reader
        return int(text)
    if text == "元":  # 元月: January
        return 1
    tens = calendar_words()["contracted_tens"].get(text[0])
    if tens is not None:  # 廿五日, 卅日
        return tens + (_num(text[1:]) if len(text) > 1 else 0)
    value = read_int(text)
    if value is None:  # the patterns admit only numerals read_int reads
        raise ValueError(f"not a calendar numeral: {text!r}")
    return value


def _year_cover(suffix: str | None) -> Callable[[int, int], Cover]:
    if suffix and suffix != "度":
        first, last = calendar_words()["year_parts"][suffix]
        return months(first, last, "month")
    return months(1, 12, "year")


def _month_cover(suffix: str | None) -> Callable[[int, int], Cover]:
    """The expression's month (known only once resolved, for 上月) or a part of it."""
    if suffix and suffix != "份":
        first, last = calendar_words()["month_parts"][suffix]
        return days(first, last, "xun")

    def cover(year: int, month: int) -> Cover:
        return (*month_span(year, month, month), "month")

    return cover


def _holiday_cover(name: str) -> Callable[[int, int], Cover]:
    def cover(year: int, _month: int) -> Cover:
        cal = calendar_words()
        if name in cal["fixed_holidays"]:
            month, dom = cal["fixed_holidays"][name]
            day = date(year, month, dom)
        elif name in cal["solar_term_holidays"]:
            day = solar_term_day(year, cal["solar_term_holidays"][name])
        else:
            month, dom, days_before = cal["lunar_holidays"][name]
            day = lunar_month(year, month)[0] + timedelta(days=dom - 1 - days_before)
            if day.year > year:  # 今年腊八 in January 2024: last lunar year's, in this Gregorian year
                day = lunar_month(year - 1, month)[0] + timedelta(days=dom - 1 - days_before)
        return day, day, "day"

    return cover


def _season_cover(name: str) -> Callable[[int, int], Cover]:
    first, count = calendar_words()["seasons"][name]
    return months(first, first + count - 1, "period")


# Productions: rule name -> (match, clean start, clean end) -> expression, or None when the
# numbers do not make a calendar date (2026年 is a year, 1000年 is not).
def _p_plan(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    first = calendar_words()["five_year_plans"][m["pl"]]
    return Expr(s, e, fixed=(date(first, 1, 1), date(first + 4, 12, 31), "period"))


def _p_century(m: regex.Match[str]) -> Expr | None:
    """18世纪: 1700 to 1799, as 20世纪90年代 is the 1990s."""
    s, e = m.span()
    first = (_num(m["cen"]) - 1) * 100
    return Expr(s, e, fixed=(date(first, 1, 1), date(first + 99, 12, 31), "period"))


def _p_year2(m: regex.Match[str]) -> Expr | None:
    """98年4月, 19年底: a two-digit year in the century the pivot puts it (calendar.toml)."""
    s, e = m.span()
    digits = m["yy"] if m["yy"].isascii() else "".join(str(_num(c)) for c in m["yy"])
    two = int(digits)
    year = (2000 if two < calendar_words()["two_digit_years"]["pivot"] else 1900) + two
    return Expr(s, e, cover=_year_cover(m["ysuf"]), year=year, takes="" if m["ysuf"] else "month", kind="year")


def _p_era(m: regex.Match[str]) -> Expr | None:
    """民国24年: the era's first year before it (calendar.toml eras) and the year's count."""
    s, e = m.span()
    ey = m["ey"]
    tens = calendar_words()["contracted_tens"]
    if ey == "元":
        count = 1
    elif ey[0] in tens:  # 卅年, 廿六年
        count = tens[ey[0]] + (_num(ey[1:]) if len(ey) > 1 else 0)
    else:
        count = _num(ey)
    year = calendar_words()["eras"][m["era"]] + count
    return Expr(s, e, cover=_year_cover(m["ysuf"]), year=year, takes="" if m["ysuf"] else "month", kind="year")


def _p_decade(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    if m["dy"]:  # 1990年代
        first = int(m["dy"])
        return Expr(s, e, fixed=(date(first, 1, 1), date(first + 9, 12, 31), "decade"))
    decade = _num(m["dec"])
    if m["this"]:  # 本世纪20年代: the articles' century
        century_start = 2000
    elif m["cent"]:
        century_start = (_num(m["cent"]) - 1) * 100
    elif m["prev"] or decade >= 50:  # 上世纪80年代; a bare 80年代 is the 1980s
        century_start = 1900
    else:
        return None
    first = last = century_start + decade
    if m["dec0"]:  # 五六十年代: from the first decade of the pair, a range written as one expression
        low = _num(m["dec0"])
        low = low * 10 if low < 10 else low
        if not 0 < low < decade:
            return None
        return Expr(s, e, fixed=(date(century_start + low, 1, 1), date(last + 9, 12, 31), "period"))
    return Expr(s, e, fixed=(date(first, 1, 1), date(last + 9, 12, 31), "decade"))


def _p_dotted(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    year = read_year(m["y"])
    if year is None:
        return None
    try:
        day = date(year, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return Expr(s, e, fixed=(day, day, "day"))


def _p_dotted_month(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    year, month = int(m["y"]), int(m["m"])
    return Expr(s, e, fixed=(*month_span(year, month, month), "month"))


def _p_year_month_unmarked(m: regex.Match[str]) -> Expr | None:
    """20207月, 202012月底: the year and the month of a page that lost the year's 年."""
    s, e = m.span()
    month, suffix = int(m["m"]), m["msuf"]
    takes = "" if suffix else "day"
    cover = _month_cover(suffix)
    return Expr(s, e, cover=cover, year=int(m["y"]), month=month, rule_month=month, takes=takes, kind="inner")


def _p_year_month_day_unmarked(m: regex.Match[str]) -> Expr | None:
    """2015426日, 20231025前: the year, then a month and a day run together that split one way
    only (2015111日 is 1月11日 or 11月1日: no date; eight digits are a year, a month and a day);
    not a code's digits (编号2016315日报送材料, 账号20161025日期见附件: calendar.toml
    unmarked_year_month_day), nor a count of incidents (查处违法行为20231011起: 起 bounds a
    period only after 自/从/于). Two such eight digits joined as a range (20230101-20231231) are
    the period from the first day to the second."""
    s, e = m.span()
    if after_words(m.string, s, _unmarked_words("code_words")):
        return None
    if m["bare"] is not None and not _in_date_field(m.string, s):
        return None
    if m.string[e - 1] == "日" and not (
        m.string.startswith(_unmarked_words("bounds"), e) or _day_stands_alone(m.string, e - 1)
    ):
        return None
    if m.string[e - 1] != "日" and not _opens_period(m.string, s, e):
        return None
    pair = (int(m["m"]), int(m["d"])) if m["m"] else month_day(m["md"])
    if pair is None:
        return None
    try:
        day = date(int(m["y"]), *pair)
        last = date(int(m["y2"]), int(m["m2"]), int(m["d2"])) if m["y2"] else day
    except ValueError:
        return None  # 2023229日: no 29 February that year
    if last < day:
        return None
    return Expr(s, e, fixed=(day, last, "period" if m["y2"] else "day"))


def _in_date_field(text: str, start: int) -> bool:
    """``start`` follows a date's label, its colon and spaces (发布时间：20221228, 日期 20230105):
    the field's value is a day whatever its digits (no 日 needed), unlike a code or an amount."""
    return text[max(0, start - _FIELD_REACH) : start].rstrip(_FIELD_GAP).endswith(_date_labels())


# What may stand between a date's label and its value, and how far back the label is looked for.
_FIELD_GAP = ":： \t\u3000"
_FIELD_REACH = 8


@cache
def _date_labels() -> tuple[str, ...]:
    """The labels of a page's date field (calendar.toml publication_labels)."""
    return tuple(calendar_words()["publication_labels"]["words"])


def _opens_period(text: str, start: int, end: int) -> bool:
    """起 after bare digits bounds a period only after 自/从/于 or before 施行/至 (自20240101起,
    20240101起施行); otherwise it counts incidents (查处违法行为20231011起). Other bounds always do."""
    bound = next((b for b in _unmarked_words("opening_bounds") if text.startswith(b, end)), None)
    return (
        bound is None
        or after_words(text, start, _unmarked_words("from_words"))
        or text.startswith(_unmarked_words("opening_followers"), end + len(bound))
    )


@cache
def _unmarked_words(key: str) -> tuple[str, ...]:
    """A word list of calendar.toml's unmarked_year_month_day, read once as a tuple."""
    return tuple(calendar_words()["unmarked_year_month_day"][key])


# How many characters after 日 jieba's cut is read over: enough for the word 日 may open
# (日期, 日报社) and the word after it, which decides a tie.
_DAY_CUT_REACH = 6


def _day_stands_alone(clean: str, day: int) -> bool:
    """jieba's cut of the characters from ``day`` (the 日 after digits, where its block opens)
    leaves 日 a word of its own (日，, 日上午), not the first character of one (日期, 日前)."""
    words = dictionary_words(clean[day : day + _DAY_CUT_REACH])
    return words[0] == clean[day]


def _p_dotted_mrange(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    first, last = (int(m["y"]), int(m["m"])), (int(m["y2"]), int(m["m2"]))
    if last <= first:
        return None
    end_year, end_month = last
    start = date(first[0], first[1], 1)
    return Expr(s, e, fixed=(start, date(end_year, end_month, last_day(end_year, end_month)), "period"))


def _p_yrange(m: regex.Match[str]) -> Expr | None:
    """2015—2020年, 2018—2019学年, and a plan's bracketed years 规划（2015—2020） (the date opens with
    the first year, without the plan's word and bracket): the years from the first to the last."""
    s, e = m.start("y"), m.end()
    first, last = read_year(m["y"]), read_year(m["y2"])
    if first is None or last is None or last <= first:
        return None
    if m["sy"]:  # 2018—2019学年: September 2018 to August 2019
        month = calendar_words()["school_year"]["first_month"]
        return Expr(s, e, fixed=(*month_span(first, month, month - 1 + 12 * (last - first)), "period"))
    return Expr(s, e, fixed=(date(first, 1, 1), date(last, 12, 31), "period"))


def _p_year(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    if m["cy"] and not after_words(m.string, s, calendar_words()["bare_year_comparisons"]["before"]):
        return None  # 2000多 is a number unless compared against (比2000多)
    year = read_year(m["y"] or m["cy"])
    if year is None:
        return None
    return Expr(s, e, cover=_year_cover(m["ysuf"]), year=year, takes="" if m["ysuf"] else "month", kind="year")


def _p_ryear(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    if m["ay"]:
        return _p_ayear(m)
    cal = calendar_words()
    offset = cal["relative_years"][m["ry"]]
    anchor = ""
    if m["ry"] in cal["sentence_anchored_years"]["words"]:
        anchor = "sentence"
    elif m["ry"] in cal["comparison_anchored_years"]["words"] and is_comparison_base(m.string, s, e):
        anchor = "comparison"
    takes = "" if m["ysuf"] else "month"
    return Expr(s, e, cover=_year_cover(m["ysuf"]), year_offset=offset, takes=takes, anchor=anchor)


def _p_ayear(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    recalled = calendar_words()["recalled_years"]
    if m["ay"] in recalled["words"] and after_words(m.string, s, recalled["after"]):
        return None  # 聊起了当年: back then
    offset = calendar_words()["anchored_years"][m["ay"]]
    return Expr(
        s, e, cover=_year_cover(m["ysuf"]), year_offset=offset, takes="" if m["ysuf"] else "month", anchor="text"
    )


def _p_rweek(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    days = tuple(calendar_words()["week_days"][m["wd"]]) if m["wd"] else (0, 6)
    return Expr(s, e, week_offset=calendar_words()["relative_weeks"][m["rw"]], week_days=days)


def _p_rperiod(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    start_off, first, end_off, last = calendar_words()["relative_periods"][m["rp"]]
    return Expr(s, e, cover=months(first, last + 12 * (end_off - start_off), "period"), year_offset=start_off)


def _p_firstq(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    last = 3 * _num(m["n"])
    return Expr(s, e, cover=months(1, last, "period"), rule_month=last, max_ahead=MAX_CUMULATIVE_AHEAD, kind="inner")


def _p_firstm(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    last = _num(m["n"])
    return Expr(s, e, cover=months(1, last, "period"), rule_month=last, max_ahead=MAX_CUMULATIVE_AHEAD, kind="inner")


def _p_quarter(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    cal = calendar_words()
    first_in, last_in = cal["quarter_parts"][m["qsuf"]] if m["qsuf"] else (1, 3)
    granularity: Granularity = "month" if m["qsuf"] else "quarter"
    if m["rq"]:  # 上季度: the quarter of the article's month moved by whole quarters
        offset = 3 * cal["relative_quarters"][m["rq"]]

        def relative_cover(year: int, month: int) -> Cover:
            first = month - (month - 1) % 3
            return (*month_span(year, first + first_in - 1, first + last_in - 1), granularity)

        return Expr(s, e, cover=relative_cover, month_offset=offset)
    q = 1 if m["qf"] else _num(m["q"])
    first = 3 * q - 2
    cover = months(first + first_in - 1, first + last_in - 1, granularity)
    return Expr(s, e, cover=cover, rule_month=first + last_in - 1, kind="inner")


def _p_qrange(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    first, last = _num(m["q"]), _num(m["q2"])
    if first >= last:
        return None
    return Expr(
        s,
        e,
        cover=months(3 * first - 2, 3 * last, "period"),
        rule_month=3 * last,
        max_ahead=MAX_CUMULATIVE_AHEAD if first == 1 else MAX_MONTHS_AHEAD,
        kind="inner",
    )


def _p_half(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    first, last = calendar_words()["halves"][m["h"]]
    return Expr(s, e, cover=months(first, last, "half_year"), rule_month=last, kind="inner")


def _p_holiday(m: regex.Match[str]) -> Expr | None:
    """A holiday: a date only after a year (2025年元旦, 明年春节) or in a range of the new year,
    except the days that name one day of the new year the text stands in (除夕, 大年三十), which are
    read like 正月初一: in the year of their passage or article."""
    s, e = m.span()
    cal = calendar_words()
    name = m["hol"]
    if name in cal["lone_lunar_days"]["holidays"]:
        month, dom, days_before = cal["lunar_holidays"][name]
        # Its lunar month (除夕 is 腊月's last day) falls about a month after the Gregorian one.
        lunar = month if dom > days_before else (month - 2) % 12 + 1
        return Expr(s, e, cover=_holiday_cover(name), rule_month=lunar % 12 + 1, kind="holiday")
    return Expr(s, e, cover=_holiday_cover(name), kind="holiday")


def _p_vacation(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    first, count = calendar_words()["vacations"][m["va"]]
    return Expr(s, e, cover=months(first, first + count - 1, "period"), kind="holiday")


def _p_lunar(m: regex.Match[str]) -> Expr | None:
    """A lunar date or month, in the year before it (2024年农历八月十五), after its marker
    (农历2021年六月), or else of its passage or article (正月初八)."""
    s, e = m.span()
    names = calendar_words()["lunar_month_names"]
    month = names[m["lm"]] if m["lm"] in names else _num(m["lm"])
    leap = bool(m["leap"])
    day_text = m["ld"]
    day = None
    if day_text:
        day = _num(day_text[1:]) + (20 if day_text[0] == "廿" else 0) if day_text[0] in "初廿" else _num(day_text)

    def cover(year: int, _month: int) -> Cover:
        first, length = lunar_month(year, month, leap)
        if day is None:
            return first, first + timedelta(days=length - 1), "period"
        if day > length:
            raise ValueError(f"lunar month {month} of {year} has {length} days")
        found = first + timedelta(days=day - 1)
        return found, found, "day"

    if m["ly"]:  # 农历2021年六月: the year is written inside
        year = read_year(m["ly"])
        return None if year is None else Expr(s, e, cover=cover, year=year)
    # With its marker or a day (农历八月十五, 正月初八) it stands alone, in the year of its passage
    # or article; a bare 腊月 or 闰四月 only after a year, like a holiday.
    kind = "lunar" if m["lmk"] or day is not None else "holiday"
    # A lunar month falls about a month after the Gregorian one of its number (腊月 is January's).
    return Expr(s, e, cover=cover, rule_month=month % 12 + 1, kind=kind)


def _p_season(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    return Expr(s, e, cover=_season_cover(m["s"]), kind="season")


def _p_mrange(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    first, last = _num(m["m"]), _num(m["m2"])
    if m["pair"] and last != first + 1:
        # 3、5月: a list of two months, the second with its 月 (the first is no record, as before).
        cover = _month_cover(m["msuf"])
        return Expr(
            m.start("m2"), e, cover=cover, month=last, rule_month=last, takes="" if m["msuf"] else "day", kind="inner"
        )
    if last <= first:
        return None
    ahead = MAX_CUMULATIVE_AHEAD if first == 1 else MAX_MONTHS_AHEAD
    return Expr(s, e, cover=months(first, last, "period"), rule_month=last, max_ahead=ahead, kind="inner")


def _p_month(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    month = _num(m["m"])
    suffix = m["msuf"]
    takes = "" if suffix else "day"
    return Expr(s, e, cover=_month_cover(suffix), month=month, rule_month=month, takes=takes, kind="inner")


def _p_month_unmarked(m: regex.Match[str]) -> Expr | None:
    """截至12底: a month's end whose 月 the page lost, only where a cut-off or a year stands before."""
    if not after_words(m.string, m.start(), calendar_words()["month_without_mark"]["after"]):
        return None
    return _p_month(m)


def _p_month_day_unmarked(m: regex.Match[str]) -> Expr | None:
    """截至1031日, 2023年621日: after a cut-off word (as_of past words) or a year, digits that
    split one way only into a month and a day (111日 is 1月11日 or 11月1日: no date)."""
    s, e = m.span()
    if not (m.string[s - 1 : s] == "年" or after_cut_off(m.string, s, calendar_words()["as_of"]["past"])):
        return None
    pair = month_day(m["md"])
    if pair is None:
        return None
    month, day = pair
    return Expr(s, e, cover=days(day, day, "day"), month=month, rule_month=month, kind="inner")


def _p_rmonth(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    if m["rw"]:
        return _p_rweek(m)
    offset = calendar_words()["relative_months"][m["rm"]]
    suffix = m["msuf"]
    return Expr(s, e, cover=_month_cover(suffix), month_offset=offset, takes="" if suffix else "day")


def _p_bmpart(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    return Expr(s, e, cover=_month_cover(m["msuf"]), month_offset=0)


def _p_bypart(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    cal = calendar_words()
    first, last = cal["bare_year_parts"][m["yp"]]
    if is_target(m.string, s, e) or clause_aims(m.string, e):
        return Expr(s, e, cover=months(first, last, "month"), year_offset=0, kind="inner")
    # Told, not aimed at (在年末繁忙时, 年末全县常住人口……): a past year's unless it is near, so a
    # March or a July article's 年末 is last December.
    ahead = cal["told_year_parts"]["max_months_ahead"]
    return Expr(s, e, cover=months(first, last, "month"), rule_month=last, max_ahead=ahead, kind="inner")


def clause_aims(clean: str, end: int) -> bool:
    """A word of the future stands later in the clause after ``end`` (年底，全县将建成……)."""
    words = calendar_words()["year_part_targets"]
    after = clean[end : end + ANCHOR_REACH]
    stop = min((at for at in (after.find(c) for c in words["clause_ends"]) if at >= 0), default=len(after))
    return any(word in after[:stop] for word in words["in_clause_after"])


def sentence_aims(clean: str, start: int, end: int) -> bool:
    """The date at ``[start, end)`` is aimed at (:func:`is_target`), or a plan word stands
    anywhere in its sentence (全年地区生产总值预期增长6%左右)."""
    if is_target(clean, start, end):
        return True
    after = clean[end : end + ANCHOR_REACH]
    stop = min((at for at in (after.find(c) for c in SENTENCE_ENDS) if at >= 0), default=len(after))
    return any(word in after[:stop] for word in calendar_words()["year_part_targets"]["in_sentence"])


def is_target(clean: str, start: int, end: int, line_start: int = 0) -> bool:
    """The part of the year at ``[start, end)`` is aimed at: 年底前, 力争到年底, or a plan word
    earlier in its sentence (全市计划改造120个小区，年底全部完工). The sentence opens at
    ``line_start`` at the earliest: a heading above (（一）主要预期目标完成情况) plans nothing."""
    targets = calendar_words()["year_part_targets"]
    if after_words(clean, start, targets["before"]) or clean.startswith(tuple(targets["after"]), end):
        return True
    sentence_start = max(line_start, max(clean.rfind(c, 0, start) for c in SENTENCE_ENDS) + 1)
    return any(word in clean[sentence_start:start] for word in targets["in_sentence"])


def _p_drange(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    first, last = _num(m["d"]), _num(m["d2"])
    if last <= first:
        return None
    # A range closed by 号 (1至5号楼, 2-4号线) numbers buildings or lines unless a month stands before it.
    kind = "day_after_month" if m["dw"] == "号" else "day"
    return Expr(s, e, cover=days(first, last, "period"), month_offset=0, day_alone=True, kind=kind)


def _p_day(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    day = _num(m["d"])
    # 号 (3号楼) and Chinese numerals (一日游) make a day only after a month: kind "day_only_after".
    bare_ok = m["dw"] == "日" and (m["d"][0].isdigit() or m["d"][0] in calendar_words()["contracted_tens"])
    kind = "day" if bare_ok else "day_after_month"
    return Expr(s, e, cover=days(day, day, "day"), month_offset=0, day_alone=True, kind=kind)


def _p_rday(m: regex.Match[str]) -> Expr | None:
    s, e = m.span()
    if m["ad"]:
        offset, step = calendar_words()["anchored_days"][m["ad"]]
        return Expr(s, e, year_offset=offset, anchor="text", anchor_step=step)
    if m["rd"] in calendar_words()["nowadays"]["words"] and _means_nowadays(m.string, s, e):
        return None
    if after_words(m.string, s + 1, calendar_words()["day_word_holders"]["words"]):
        return None  # 光明日报, 说明日期: the day word's first character ends the word before
    if _names_column(m.string, e, m["rd"]) or after_words(m.string, s, _title_opens()):
        return None  # 今日关注：, 今日头条, 《今日中国》: a column's, a platform's or a programme's name
    if _opens_site_name(m.string, e) or after_words(m.string, s, _source_labels()):
        return None
    if _restated(m.string, e):
        return None
    return Expr(s, e, day_offset=calendar_words()["relative_days"][m["rd"]])


@cache
def column_words(day_word: str) -> tuple[str, ...]:
    """The column names opening with ``day_word`` (今日: 关注, 视点, …)."""
    return tuple(calendar_words()["day_word_columns"].get(day_word, ()))


@cache
def _column_ends() -> tuple[str, ...]:
    return tuple(calendar_words()["day_word_columns"]["ends"])


@cache
def _title_opens() -> list[str]:
    return calendar_words()["day_word_columns"]["title_opens"]


@cache
def _platform_words(day_word: str) -> tuple[str, ...]:
    return tuple(calendar_words()["day_word_platforms"].get(day_word, ()))


def _names_column(clean: str, end: int, day_word: str) -> bool:
    """The day word at ``end`` opens a platform's name (今日头条) or a column's name that ends there
    (今日关注：, 【今日视点】, 今日聚焦 | …; not 今日关注度, 今日聚焦县城建设)."""
    if clean.startswith(_platform_words(day_word), end):
        return True
    return any(
        clean.startswith(word, end)
        and (end + len(word) == len(clean) or clean.startswith(_column_ends(), end + len(word)))
        for word in column_words(day_word)
    )


@cache
def _site_words() -> tuple[str, ...]:
    return tuple(calendar_words()["day_word_site_names"]["words"])


@cache
def _source_labels() -> list[str]:
    return calendar_words()["day_word_site_names"]["source_labels"]


def _opens_site_name(clean: str, end: int) -> bool:
    """今日竹山网: a place's name and a site or paper word (calendar.toml day_word_site_names)
    follow the day word, which names the site."""
    return gazetteer.name_before_word(clean, end, _site_words())


def _restated(clean: str, end: int) -> bool:
    """A date follows the relative day (今天是：2025年3月1日): it is the record, not the word."""
    for join in calendar_words()["restated_days"]["joins"]:
        if clean.startswith(join, end) and clean[end + len(join) : end + len(join) + 1].isdigit():
            return True
    return False


@cache
def _nowadays() -> dict[str, tuple[str, ...]]:
    """calendar.toml's nowadays word lists as tuples (what ``startswith`` takes), read once."""
    return {key: tuple(words) for key, words in calendar_words()["nowadays"].items() if isinstance(words, list)}


def _before_times(clean: str, end: int, words: dict[str, tuple[str, ...]]) -> bool:
    """今天 before a word of the times and then 的 or a clause end (今天来之不易的局面, 今天幸福生活的
    模样), not a name starting with that word (今天美好生活节开幕)."""
    for word in words["before"]:
        after = end + len(word)
        if clean.startswith(word, end) and clean.startswith(words["before_ends"], after):
            # 今天来之不易的好天气: an event of the day (天气, 比赛) after 的 makes it the article's day.
            return not (clean.startswith("的", after) and _event_near(clean, after + 1, words["events"]))
    return False


# How far after 的 an event word may stand (来之不易的|好天气).
_EVENT_REACH = 2


def _event_near(clean: str, at: int, events: tuple[str, ...]) -> bool:
    """An event word (calendar.toml nowadays.events) starts within :data:`_EVENT_REACH` of ``at``."""
    return any(clean.startswith(events, at + n) for n in range(_EVENT_REACH))


def _means_nowadays(clean: str, start: int, end: int) -> bool:
    """今天 in 直到今天, 才有了今天, 珍惜今天, 今天来之不易的, after a word of the past in its
    sentence (以前……，今天……), or 今天的 before anything but an event (今天的美丽乡村,
    今天的好日子; not 今天的会议) is "nowadays", not the article's day."""
    words = _nowadays()
    if after_words(clean, start, words["after"]) or _before_times(clean, end, words):
        return True
    if after_words(clean, start, words["cherish"]) and clean.startswith(words["before_ends"][1:], end):
        return True  # 珍惜今天，: the times
    event = clean.startswith(words["events"], end + 1)
    if clean.startswith("的", end) and not event:
        return True  # 今天的骆驼湾村: the times
    if clean.startswith(words["times_of_day"], end):
        return False  # 今天上午: the article's day, whatever came before
    before = clean[max(0, start - ANCHOR_REACH) : start]
    cut = max(before.rfind(c) for c in SENTENCE_ENDS)
    sentence = before[cut + 1 :]
    then = _then_in(sentence)
    if then is _Then.SAME_DAY:
        return True  # 十年前的今天，县里举行了庆祝大会: that day back then
    if then is _Then.CONTRAST and not clean.startswith(_held_today(), end):
        # 以前去趟镇上要走半天，今天开车十分钟就到了; 过去吃不饱，今天……还举办了村晚: then and now,
        # whatever event the sentence tells (not 当初……，今天召开的会议: the event held today;
        # 二十年前他来到这里，今天举行了欢送会: an event done today)
        return True
    if _tells_the_day(clean, end):
        return False  # 今天，县委书记来到村里调研: the article's day, whatever came before
    if then is not None:
        return True  # 老人回忆起过去的日子，今天他特意穿上了新衣服: no event of the day
    if event and clean.startswith("的", end):
        return False  # 谈起……，他说：“今天的会很重要。”: the day's event
    quote = sentence.rfind("“")
    if quote >= 0 and any(word in sentence[:quote] for word in words["recalling"]):
        return True  # 他回忆说：“今天咱村……”: a recollection's now
    if cut >= 0 and not sentence.strip("“ \n"):
        # 今天 opens its sentence: the one before may set a then (十年前，这里还是一片荒山。今天，……),
        # not one closing a quotation (他回忆说：“二十年前，……。”今天，: the then was the speaker's)
        earlier = before[: cut + 1]
        earlier = earlier[max(earlier.rfind(c, 0, cut) for c in SENTENCE_ENDS) + 1 :]
        if any(word in earlier for word in words["then_before"]):
            return True
    return False


class _Then(Enum):
    """How a word of the past before 今天 in its sentence stands to it."""

    CONTRAST = "contrast"  # opens a clause of its own: 过去吃不饱，今天……
    DATES = "dates"  # dates something else: 回忆过去，; 昔日战友今天; 5年前建成的大桥今天
    SAME_DAY = "same day"  # 十年前的今天: the same day back then


@cache
def _then_words() -> regex.Pattern[str]:
    """A then (calendar.toml nowadays.then; a count of years and 年前: 二十年前, 30年前, not
    2023年前三季度), not a span up to now (过去三年)."""
    words = calendar_words()["nowadays"]
    count = "[\\d０-９一二两三四五六七八九十百几多数]"
    spans = alternation(words["spans"])
    others = alternation(word for word in words["then"] if word not in words["spans"])
    return regex.compile(
        rf"{count}++(?:{alternation(words['then_counted'])})(?!{count})"
        rf"|(?:{spans})(?!的?{count}++(?:{alternation(words['span_units'])}))"
        rf"|(?:{others})"
    )


_CLAUSE_MARK = regex.compile(f"[{regex.escape(''.join(sorted(CLAUSE_OPENERS)))}]")


def _then_in(sentence: str) -> _Then | None:
    """How the thens in ``sentence`` (its part before 今天) stand to 今天, or None."""
    found = None
    for then in _then_words().finditer(sentence):
        if sentence[then.end() :] == "的":
            return _Then.SAME_DAY
        found = _Then.DATES
        opens = max(sentence.rfind(c, 0, then.start()) for c in CLAUSE_OPENERS) + 1
        close = _CLAUSE_MARK.search(sentence, then.end())
        if close is None or sentence[opens : then.start()].strip():
            continue  # in 今天's own clause, or inside a clause
        clause = tagged_words(sentence[then.end() : close.start()])
        if not _opens_relative(clause) and not _tells_an_event(clause):
            return _Then.CONTRAST
    return found


@cache
def _relative_tags() -> tuple[str, ...]:
    return tuple(calendar_words()["nowadays"]["relative_tags"])


def _opens_relative(clause: tuple[tuple[str, str], ...]) -> bool:
    """The rest of a then's clause (jieba's words and tags) is a verb phrase and 的 (多年以前|就有的
    想法, 十年前|捐建的小学): the then dates the deed of a relative clause."""
    marks = [k for k, (word, _) in enumerate(clause) if word == "的"]
    return bool(marks) and marks[0] > 0 and all(tag.startswith(_relative_tags()) for _, tag in clause[: marks[0]])


@cache
def _day_verbs() -> frozenset[str]:
    return frozenset(calendar_words()["nowadays"]["day_verbs"])


@cache
def _habits() -> frozenset[str]:
    return frozenset(calendar_words()["nowadays"]["habits"])


def _tells_an_event(clause: tuple[tuple[str, str], ...]) -> bool:
    """The rest of a then's clause (jieba's words and tags) tells one event (二十年前|他离开家乡): a
    day verb and none of the words of habit or need (过去|召开一次会议要层层通知). Words of jieba's
    cut, not substrings: 要, 总, 每 are no habit inside 需要, 总书记, 每年."""
    words = {word for word, _ in clause}
    return not words.isdisjoint(_day_verbs()) and words.isdisjoint(_habits())


@cache
def _held_today() -> tuple[str, ...]:
    """A day verb then 的 (召开的, 举行的), or 了 (举行了): 今天 before one names an event held today."""
    verbs = calendar_words()["nowadays"]["day_verbs"]
    return tuple(verb + mark for verb in verbs for mark in "的了")


# The rest of a sentence after a word: up to its end, a closing quotation mark or the line's end.
_SENTENCE_AFTER = regex.compile(r"[^。！？!?；;”\n]*")


def _tells_the_day(clean: str, end: int) -> bool:
    """今天 (ending at ``end``) in a sentence telling an event of the day (今天，县委书记来到村里调研;
    “今天是个好日子，我们村通车了！”): a day verb among jieba's words of the rest of the sentence."""
    rest = _SENTENCE_AFTER.match(clean, end, min(len(clean), end + ANCHOR_REACH))
    return rest is not None and any(word in _day_verbs() for word, _ in tagged_words(rest.group()))


def _p_reviewed(m: regex.Match[str]) -> Expr | None:
    """过去一年, 全年: last year, named for the passages below it, never a record."""
    s, e = m.span()
    return Expr(s, e, cover=months(1, 12, "year"), year_offset=-1, marker=True)


def _p_vague(_m: regex.Match[str]) -> Expr | None:
    """如今, 至今: matched so that 今年 is never read out of 如今年轻人, and no record."""
    return None


PRODUCTIONS: dict[str, Callable[[regex.Match[str]], Expr | None]] = {
    "reviewed": _p_reviewed,
    "vague": _p_vague,
    "rperiod": _p_rperiod,
    "plan": _p_plan,
    "decade": _p_decade,
    "dotted": _p_dotted,
    "dotted_mrange": _p_dotted_mrange,
    "year_month_unmarked": _p_year_month_unmarked,
    "dotted_month": _p_dotted_month,
    "century": _p_century,
    "yrange": _p_yrange,
    "year": _p_year,
    "year2": _p_year2,
    "era": _p_era,
    "ryear": _p_ryear,
    "firstq": _p_firstq,
    "firstm": _p_firstm,
    "qrange": _p_qrange,
    "quarter": _p_quarter,
    "half": _p_half,
    "holiday": _p_holiday,
    "vacation": _p_vacation,
    "season": _p_season,
    "lunar": _p_lunar,
    "year_month_day_unmarked": _p_year_month_day_unmarked,
    "month_day_unmarked": _p_month_day_unmarked,
    "bracketed_yrange": _p_yrange,
    "month_unmarked": _p_month_unmarked,
    "mrange": _p_mrange,
    "month": _p_month,
    "rmonth": _p_rmonth,
    "bmpart": _p_bmpart,
    "bypart": _p_bypart,
    "drange": _p_drange,
    "day": _p_day,
    "rday": _p_rday,
}
