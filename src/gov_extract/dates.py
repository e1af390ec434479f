"""Date records: calendar expressions, resolved against the article's date.

This module owns the ``date`` record type (``shared/spec/records.md``); the
article's own date is read by :mod:`gov_extract.dateline`. The vocabulary (relative words, parts of years and
months, seasons, five-year plans, holidays, vague words) lives in
``patterns/calendar.toml``; lunar dates (春节, 中秋节, 2024年农历八月十五) become
Gregorian days through :mod:`gov_extract.lunar`.

How it works, in the manner of Duckling:

1. one pass over ``doc.clean`` finds *pieces*, as the alternation of every rule
   would (where a rule can start, the rules that can open with the text there are
   tried in order); each rule is named, and its production (``_PRODUCTIONS``) turns the
   match into an :class:`_Expr` (a year, a relative year, a month, a day, a
   quarter, a decade, a five-year plan ...). Vague words (如今, 至今) are
   matched too and produce nothing, so 今年 is never read out of 如今年轻人;
2. adjacent pieces compose when the grammar allows it: a year takes a month
   (or quarter, half, season, holiday), a month takes a day
   (``2025年`` + ``12月`` + ``22日``);
3. two expressions joined by a range separator (至, 到, -) become one
   ``period`` record (``2021年至2023年``, ``3月15日至4月2日``), the right end
   taking the year and month it does not state from the left end;
4. each expression is resolved to first and last day against ``ctx.pub_date``.

Year-less months, quarters and parts of a year, and 上年, take the year their passage reports
on (:mod:`gov_extract.date_passages`: the sentence's, the paragraph's or the heading's year).
Otherwise year-less months (``12月底``, ``3月5日``) and periods (``四季度``, ``1-11月``,
judged by their last month) belong to the article's year, except a month more
than eight months after the article's month, which is last year's: news
reports on the recent past (a January article's ``12月28日`` is last
December), while plans rarely name a month that far ahead without a year.
A day without its month (``30日``) is the nearest such day before or after
the article's date (``30日`` in an article of 1 July is 30 June).
Without a ``pub_date`` relative expressions keep null dates, never today's.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import regex

from .date_passages import ANCHOR_REACH, SENTENCE_ENDS, Named, Passages, is_comparison_base
from .dateline import MAX_YEAR, MIN_YEAR
from .lunar import lunar_month
from .numbers import read_int
from .records import DateRecord, Granularity
from .resources import alternation, read_toml
from .rules import Candidate, Rule
from .text import Document

if TYPE_CHECKING:
    from .context import ArticleContext

# Dates a year-less day in a later sentence of its paragraph continues (2019年7月……。8月3日).
_TIMELINE = frozenset(("day", "xun", "month"))
# A year-less month this many months after the article's month is read as last year's.
_MAX_MONTHS_AHEAD = 8
# A year-less running total from January (前三季度, 1-11月) ending this many months after the
# article's month is last year's: a January work report's 前三季度 is a result, not a plan.
_MAX_CUMULATIVE_AHEAD = 5
# A year-less month this many months or more after the article's month can only be last year's
# (a January article's December), whatever the passage says.
_WRITTEN_LAST_YEAR_AHEAD = 10

# Numerals of one calendar field; longer alternatives first, digit runs bounded by lookarounds.
_Y4 = r"(?:(?<!\d)\d{4}+(?!\d)|(?<![〇零一二三四五六七八九])[〇零一二三四五六七八九]{4}+)"
_MON_AR = r"(?:1[0-2]|0?[1-9])"
_MON_CN = r"(?:十[一二]?|[一二三四五六七八九])"
_MON = rf"(?:{_MON_AR}|{_MON_CN})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
# No numeral, counter or quantifier word may stand right before a month or a day numeral.
_NOT_AFTER_NUMBER = r"(?<![\d.〇零一二三四五六七八九十百千万两几多数每第个/\-])"
_SEP = r"(?:——|[至到\-—–~～－])"
_LUNAR_MON = r"(?:十[一二]|[一二三四五六七八九十])"
# 初一..初十, 十一..十九, 二十, 廿一..廿九 (or 二十一..), 三十.
_LUNAR_DAY = (
    r"(?:初(?:十|[一二三四五六七八九])|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|十[一二三四五六七八九]|三十)"
)
# 每年3月, 每月15日, 每年年底 are frequencies, not dates.
_NOT_FREQUENCY = r"(?<!每年|每月|每周|每个月)"

Cover = tuple[date, date, Granularity]


@dataclass(slots=True)
class _Expr:
    """One date expression in clean coordinates, before it is resolved against the article's date.

    ``cover(year, month)`` gives the first and last day and the granularity once the year
    (and, where the expression has one, the month) is known. ``takes`` names the slot the
    next adjacent piece may fill: ``"month"`` after a bare year, ``"day"`` after a bare month.
    """

    start: int
    end: int
    cover: Callable[[int, int], Cover] | None = None
    fixed: Cover | None = None  # fully stated (2024.3.5, 20世纪90年代, 十四五)
    year: int | None = None
    year_offset: int | None = None
    month: int | None = None
    month_offset: int | None = None
    day_offset: int | None = None
    week_offset: int | None = None
    week_days: tuple[int, int] = (0, 6)  # the days of that week it covers, Monday = 0
    anchor_step: str = ""  # 当日, 次月: "day" or "month", the unit of year_offset
    # "text": the year comes from the last date before it (同年, 次年); "sentence": from a date
    # earlier in the same sentence, else the paragraph's, the heading's or the article's (上年);
    # "comparison": from a date earlier in the same sentence, else the article's (比去年).
    anchor: str = ""
    rule_month: int | None = None  # the (last) month the year-less rule looks at
    # Months after the article's month past which the year-less expression is last year's: a
    # running total from January (前4月, 1-11月) or a year-end told of is a result, not a plan.
    max_ahead: int = _MAX_MONTHS_AHEAD
    day_alone: bool = False  # a day with no month written (24日): the nearest such day
    takes: str = ""
    rule: str = ""  # the rules that made it: year+month+day, a range year..year
    # What the piece may attach to: "year" (a stated year), "inner" (a month, quarter, half,
    # 前4月 or 年底 that may follow a year), "holiday"/"season" (only after a year), "day"
    # (may follow a month or stand alone), "day_after_month" (3号, 二十日: only after a month).
    kind: str = ""
    # Names the year its passage reports on without being a record (过去一年).
    marker: bool = False


def _last_day(year: int, month: int) -> int:
    return monthrange(year, month)[1]


def _month_span(year: int, first: int, last: int) -> tuple[date, date]:
    """First day of ``first`` to the last day of ``last``; ``last`` past 12 runs into the next year."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, _last_day(end_year, end_month))


def _months(first: int, last: int, granularity: Granularity) -> Callable[[int, int], Cover]:
    def cover(year: int, _month: int) -> Cover:
        return (*_month_span(year, first, last), granularity)

    return cover


def _days(first: int, last: int, granularity: Granularity) -> Callable[[int, int], Cover]:
    """Days ``first``..``last`` of the expression's month; ``last`` 0 is the month's end."""

    def cover(year: int, month: int) -> Cover:
        end = _last_day(year, month) if last == 0 else last
        return date(year, month, first), date(year, month, end), granularity

    return cover


@cache
def _calendar() -> dict[str, Any]:
    return read_toml("calendar.toml")


@cache
def _rule_sources() -> dict[str, str]:
    """The pattern of every date rule, by rule name, built from the calendar vocabulary."""
    cal = _calendar()
    ry = alternation(cal["relative_years"])
    rm = alternation(cal["relative_months"])
    rd = alternation(cal["relative_days"])
    ad = alternation(cal["anchored_days"])
    rw = alternation(cal["relative_weeks"])
    wnb = regex.escape(cal["relative_weeks_not_before"]["chars"])
    week_days = regex.escape("".join(cal["week_days"]))
    lunar = regex.escape(cal["lunar_month_chars"]["chars"])
    ay = alternation(cal["anchored_years"])
    mid_na = regex.escape(cal["bare_mid_not_after"]["chars"])
    mid_nb = regex.escape(cal["month_parts_not_before"]["中"])
    ypart = alternation(cal["year_parts"])
    part_nb = cal["month_parts_not_before"]
    mpart = alternation(cal["month_parts"], part_nb)
    bare_ypart = alternation(w for w in cal["bare_year_parts"] if w != "年中")
    plans = alternation(cal["five_year_plans"])
    plan_followers = alternation(cal["plan_followers"]["words"])
    holidays = alternation([*cal["fixed_holidays"], *cal["lunar_holidays"]])
    rperiods = alternation(cal["relative_periods"])
    vague = alternation(cal["vague"]["words"])
    seasons = alternation(cal["seasons"])
    season_nb = regex.escape(cal["season_not_before"]["chars"])
    vacations = alternation(cal["vacations"])
    school_year = regex.escape(cal["school_year"]["word"])
    rq = alternation(cal["relative_quarters"])
    lunar_markers = alternation(cal["lunar_markers"]["words"])
    lunar_names = alternation(cal["lunar_month_names"])
    lunar_not_after = alternation(cal["lunar_markers"]["not_after"])
    qsuf = rf"(?P<qsuf>{alternation(cal['quarter_parts'])}(?!步))?+"
    y2part = alternation(cal["two_digit_years"]["parts"], cal["two_digit_years"]["parts_not_before"])
    duration = alternation(cal["duration"]["words"])
    not_ryear = alternation(cal["relative_years_not_after"]["words"])
    # 初 of 初步 (2025年初步建成) is not a part of the year.
    ysuf = rf"(?P<ysuf>度|(?:{ypart})(?!步))?+"
    msuf = rf"(?P<msuf>份|(?:{mpart})(?!步))?+"
    reviewed = alternation([*cal["reviewed_year"]["words"], *cal["reviewed_year"]["weak_words"]])
    rules = {
        "reviewed": rf"(?:{reviewed})",
        "vague": rf"(?:{vague})",
        "rperiod": rf"(?P<rp>{rperiods})",
        # “十四五”, 十三五期间, 十四五规划: a plan name needs its quotes or a plan word after it.
        "plan": (
            rf"(?<![〇零一二三四五六七八九十])(?P<pl>{plans})"
            rf"(?=[”\"’」』]|{plan_followers})"
        ),
        "decade": (
            r"(?:(?P<cent>\d{2}|二十一|二十|十九)世纪|(?P<prev>上个?世纪)|(?P<this>本世纪))?"
            r"(?<!\d)(?P<dec>[1-9]0|[一二三四五六七八九]十)年代"
            r"|(?<!\d)(?P<dy>1[89]\d0|20\d0)年代"
        ),
        "dotted": (
            # After a hyphen only when a whole date stands before it (2023.05.12-2023.05.18).
            r"(?<![\d./])(?<!(?<!\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2})-)"
            r"(?P<y>\d{4})(?P<ds>[.\-/])(?P<m>1[0-2]|0?[1-9])(?P=ds)"
            # Not before more digits (a version or a code), but before a range's second date.
            r"(?P<d>3[01]|[12]\d|0?[1-9])(?!\d|[./]\d|-\d(?!\d{3}))"
        ),
        # A birth month in a CV written with a dot (1979.05生).
        "dotted_month": r"(?<![\d.])(?P<y>(?:19|20)\d{2})\.(?P<m>0[1-9]|1[0-2])(?=生|出生)",
        # CV lines in appointment notices: 2021.09—2024.06 (two-digit months, both ends written).
        "dotted_mrange": (
            r"(?<![\d.])(?P<y>(?:19|20)\d{2})\.(?P<m>0[1-9]|1[0-2])"
            rf"{_SEP}(?P<y2>(?:19|20)\d{{2}})\.(?P<m2>0[1-9]|1[0-2])(?![\d.])"
        ),
        # 2018-2019年度; a school year (2018—2019学年) runs from its first month.
        "century": r"(?<!\d)(?P<cen>1\d|2[01]|十[一二三四五六七八九]|二十一?)世纪(?!\d|[一二三四五六七八九]十年代)",
        "yrange": rf"(?P<y>{_Y4})年?{_SEP}(?P<y2>{_Y4})(?:年度?+|(?P<sy>{school_year}))",
        # A year before a season may drop its 年 (2018秋冬季).
        "year": rf"(?P<y>{_Y4})(?:年{ysuf}|(?=(?:{seasons})季))",
        # 98年4月, 19年底, 九七年一季度: a two-digit year only before a month, a quarter, a half or
        # the year's end.
        "year2": (
            rf"(?<![\d.〇零一二三四五六七八九十百千万两几多第/\-:])(?:(?P<yy>\d{{2}}|[〇零一二三四五六七八九]{{2}})年"
            rf"(?:(?=(?:{_MON})月|第?[一二三四1-4]季度|[上下]半年)|(?P<ysuf>{y2part}))"
            # 07年, 零八年: a leading zero makes it a year wherever it stands (no length is 07 years).
            rf"|(?P<yy>0\d|[〇零][〇零一二三四五六七八九])年(?!代){ysuf})"
        ),
        # 以上年龄, 说明年度, 基本年薪, 上年纪 are not relative years.
        # 同年, 次年 (read against the year the text named) share the branch of 今年, 去年.
        "ryear": rf"(?:(?P<ry>{ry})|(?P<ay>{ay}))(?<!{not_ryear})年(?!纪|龄|轻|级){ysuf}",
        "firstq": r"(?<![提之以])前(?P<n>[一二三1-3])个?季度",
        # 前4月, 前三个月; 头两个月 (the year's first months: 头 needs its 个, 镜头3个月 is no date).
        "firstm": (
            r"(?:(?<![提之以])前(?P<n>十一?|[一二两三四五六七八九]|1[01]|[1-9])个?"
            r"|(?<![镜龙船源带开街山码])头(?P<n>十一?|[一二两三四五六七八九]|1[01]|[1-9])个)月"
        ),
        # 一至三季度, 1-3季度: quarters from one to another, a running total when from the first.
        "qrange": rf"(?<![\d〇零一二三四五六七八九十每前第])(?P<q>[一二三1-3])(?:季度)?{_SEP}(?P<q2>[二三四2-4])季度",
        # 一季度末, 首季度 (the first), 上季度 (relative to the article's quarter).
        "quarter": (
            r"(?:第(?P<q>[一二三四1-4])|(?<![\d〇零一二三四五六七八九十每前第])(?P<q>[一二三四1-4])|(?P<qf>首)"
            rf"|(?P<rq>{rq}))季度{qsuf}"
        ),
        "half": r"(?P<h>[上下])半年",
        "holiday": rf"(?P<hol>{holidays})",
        "vacation": rf"(?P<va>{vacations})",
        # 2014年夏粮, 2023年秋收, 春运: a season's crop, work or event, not the season.
        "season": rf"(?P<s>{seasons})(?:[季天](?!节)|(?![节季天{season_nb}]))",
        # 2024年农历八月十五, 农历2021年六月, 今年腊月二十三, 闰四月: a lunar month needs its marker (农历), 闰, a
        # month only the lunar calendar names (正月, 腊月) or a lunar day (初五, 廿三) after it.
        "lunar": (
            rf"(?<!{lunar_not_after})(?:(?P<lmk>{lunar_markers})(?:(?P<ly>{_Y4})年)?(?P<leap>闰)?(?P<lm>{_LUNAR_MON}|{lunar_names})"
            rf"|(?P<leap>闰)(?P<lm>{_LUNAR_MON}|{lunar_names})|(?P<lm>{lunar_names})"
            rf"|(?P<lm>{_LUNAR_MON})(?=月(?:初[一二三四五六七八九十]|廿)))月(?P<ld>{_LUNAR_DAY})?"
        ),
        "mrange": rf"{_NOT_FREQUENCY}{_NOT_AFTER_NUMBER}(?P<m>{_MON})月?{_SEP}(?P<m2>{_MON})月(?P<msuf>份)?+",
        # A Chinese month after a length word is a length (不到一月, 一月半).
        "month": (
            rf"{_NOT_FREQUENCY}{_NOT_AFTER_NUMBER}"
            rf"(?:(?<!{duration})(?P<m>{_MON_CN})(?=月(?!半))|(?P<m>{_MON_AR}))月{msuf}"
            r"(?!初[一二三四五六七八九十])"  # 五月初五: a lunar date
        ),
        # 本周, 上周 share the branch: one test of the first character serves both.
        "rmonth": rf"(?<![以])(?:(?P<rm>{rm})月{msuf}|(?<!每)(?P<rw>{rw})周(?P<wd>[{week_days}])?(?![{wnb}]))",
        "bmpart": (
            rf"(?<![\d〇零一二三四五六七八九十个每本上下{lunar}])"
            rf"(?:月(?P<msuf>初(?![一二三四五六七八九十])|底|末)(?!步)|(?<![{mid_na}])月(?P<msuf>中)(?![{mid_nb}]))"
        ),
        # 年初一 (大年初一) is a lunar date, 年初步 an adverb.
        "bypart": (
            rf"{_NOT_FREQUENCY}(?<![\d〇零一二三四五六七八九十百千多每几数今去明前上本])(?:(?P<yp>{bare_ypart})(?!步|[一二三四五六七八九十])|(?<![{mid_na}])(?P<yp>年中)(?![{mid_nb}]))"
        ),
        "drange": rf"{_NOT_FREQUENCY}{_NOT_AFTER_NUMBER}(?P<d>{_DAY})[日号]?{_SEP}(?P<d2>{_DAY})[日号]",
        # 3日内 and 25日历天 are lengths of time.
        "day": rf"{_NOT_FREQUENCY}{_NOT_AFTER_NUMBER}(?<!{duration})(?P<d>{_DAY})(?P<dw>[日号])(?!内|以内|之内|历天)",
        "rday": rf"(?<![提以])(?:(?P<rd>{rd})|(?P<ad>{ad}))(?!头条)",
    }
    return rules


@cache
def rules() -> tuple[Rule[regex.Match[str], _Expr], ...]:
    """Every date rule as a value: its name, its pattern (the trigger) and its production."""
    return tuple(Rule(name, source, _PRODUCTIONS[name]) for name, source in _rule_sources().items())


def _rule_starts() -> str:
    """A lookahead-ready pattern true wherever some date rule can start.

    A number followed by a calendar character (2024年, 3-5月, 一季度, 2024.3.5), a character
    that starts a rule written as a pattern (第二季度, 前4月, 上半年, 月底), or the first two
    characters of a calendar word. Testing it first skips most positions cheaply, among them
    every amount (2600万元, 一批) and every position inside a digit run.
    """
    cal = _calendar()
    word_prefixes = {
        word[:2]
        for words in (
            cal["relative_years"],
            cal["relative_months"],
            cal["relative_days"],
            cal["bare_year_parts"],
            cal["five_year_plans"],
            cal["relative_periods"],
            cal["vague"]["words"],
            cal["reviewed_year"]["words"],
            cal["reviewed_year"]["weak_words"],
            cal["seasons"],
            cal["fixed_holidays"],
            cal["lunar_holidays"],
            cal["vacations"],
        )
        for word in words
    }
    word_prefixes |= {w + "年" for w in cal["anchored_years"]} | {w + "周" for w in cal["relative_weeks"]}
    word_prefixes |= {w[:2] for w in cal["anchored_days"]} | {(w + "季")[:2] for w in cal["relative_quarters"]}
    word_prefixes |= {w[:2] for w in cal["lunar_markers"]["words"]} | {w + "月" for w in cal["lunar_month_names"]}
    singles = set("第前头上下月首闰") | {p for p in word_prefixes if len(p) == 1}
    pairs: dict[str, set[str]] = {}
    for prefix in word_prefixes:
        if prefix[0] not in singles and len(prefix) == 2:
            pairs.setdefault(prefix[0], set()).add(prefix[1])
    # The first characters of the seasons: 2018秋冬季 drops its 年.
    after_number = regex.escape("年月日号季世.-/至到—–~～－" + "".join(sorted({w[0] for w in cal["seasons"]})))
    return "|".join(
        [
            rf"(?<!\d)\d{{1,4}}+[{after_number}]",
            rf"[〇零一二三四五六七八九十两]{{1,5}}+[{after_number}]",
            f"[{regex.escape(''.join(sorted(singles)))}]",
        ]
        + [f"{regex.escape(first)}[{regex.escape(''.join(sorted(nexts)))}]" for first, nexts in sorted(pairs.items())]
    )


@cache
def _starts_re() -> regex.Pattern[str]:
    """An empty match at every position where some date rule can start, its group 1 the opening
    that says so (2024年, 3., 一季, 上, 今年)."""
    return regex.compile(f"(?=({_rule_starts()}))")


@lru_cache(maxsize=4096)
def _rules_from(opening: str) -> tuple[tuple[regex.Pattern[str], Rule[regex.Match[str], _Expr]], ...]:
    """The rules that can match text that begins with ``opening``, in rule order, each with its
    compiled trigger.

    Trying these one after another where the opening stands finds the match the alternation
    of every rule finds there (the others fail on the opening), and a small pattern's try is
    much cheaper than a try of the alternation, which carries the groups of every rule.
    Openings repeat (a year, month or day number with its calendar character; 今年, 上).
    """
    return tuple(
        (pattern, rule)
        for pattern, rule in _rules_from_character(opening[0])
        if pattern.match(opening, partial=True) is not None
    )


@cache
def _rules_from_character(char: str) -> tuple[tuple[regex.Pattern[str], Rule[regex.Match[str], _Expr]], ...]:
    """The rules that can match text that begins with ``char``: the few to ask about an opening."""
    return tuple((pattern, rule) for pattern, rule in _triggers() if pattern.match(char, partial=True) is not None)


@cache
def _triggers() -> tuple[tuple[regex.Pattern[str], Rule[regex.Match[str], _Expr]], ...]:
    return tuple((regex.compile(rule.trigger), rule) for rule in rules())


def _num(text: str) -> int:
    if text.isascii():  # the common case, without the general numeral reader
        return int(text)
    value = read_int(text)
    if value is None:  # the patterns admit only numerals read_int reads
        raise ValueError(f"not a calendar numeral: {text!r}")
    return value


def _year(text: str) -> int | None:
    year = _num(text) if text[0].isdigit() else int("".join(str(_num(c)) for c in text))
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def _year_cover(suffix: str | None) -> Callable[[int, int], Cover]:
    if suffix and suffix != "度":
        first, last = _calendar()["year_parts"][suffix]
        return _months(first, last, "month")
    return _months(1, 12, "year")


def _month_cover(suffix: str | None) -> Callable[[int, int], Cover]:
    """The expression's month (known only once resolved, for 上月) or a part of it."""
    if suffix and suffix != "份":
        first, last = _calendar()["month_parts"][suffix]
        return _days(first, last, "xun")

    def cover(year: int, month: int) -> Cover:
        return (*_month_span(year, month, month), "month")

    return cover


def _holiday_cover(name: str) -> Callable[[int, int], Cover]:
    def cover(year: int, _month: int) -> Cover:
        cal = _calendar()
        if name in cal["fixed_holidays"]:
            month, dom = cal["fixed_holidays"][name]
            day = date(year, month, dom)
        else:
            month, dom, days_before = cal["lunar_holidays"][name]
            day = lunar_month(year, month)[0] + timedelta(days=dom - 1 - days_before)
        return day, day, "day"

    return cover


def _season_cover(name: str) -> Callable[[int, int], Cover]:
    first, count = _calendar()["seasons"][name]
    return _months(first, first + count - 1, "period")


# Productions: rule name -> (match, clean start, clean end) -> expression, or None when the
# numbers do not make a calendar date (2026年 is a year, 1000年 is not).
def _p_plan(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    first = _calendar()["five_year_plans"][m["pl"]]
    return _Expr(s, e, fixed=(date(first, 1, 1), date(first + 4, 12, 31), "period"))


def _p_century(m: regex.Match[str]) -> _Expr | None:
    """18世纪: 1700 to 1799, as 20世纪90年代 is the 1990s."""
    s, e = m.span()
    first = (_num(m["cen"]) - 1) * 100
    return _Expr(s, e, fixed=(date(first, 1, 1), date(first + 99, 12, 31), "period"))


def _p_year2(m: regex.Match[str]) -> _Expr | None:
    """98年4月, 19年底: a two-digit year in the century the pivot puts it (calendar.toml)."""
    s, e = m.span()
    digits = m["yy"] if m["yy"].isascii() else "".join(str(_num(c)) for c in m["yy"])
    two = int(digits)
    year = (2000 if two < _calendar()["two_digit_years"]["pivot"] else 1900) + two
    return _Expr(s, e, cover=_year_cover(m["ysuf"]), year=year, takes="" if m["ysuf"] else "month", kind="year")


def _p_decade(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    if m["dy"]:  # 1990年代
        first = int(m["dy"])
        return _Expr(s, e, fixed=(date(first, 1, 1), date(first + 9, 12, 31), "decade"))
    decade = _num(m["dec"])
    if m["this"]:  # 本世纪20年代: the articles' century
        century_start = 2000
    elif m["cent"]:
        century_start = (_num(m["cent"]) - 1) * 100
    elif m["prev"] or decade >= 50:  # 上世纪80年代; a bare 80年代 is the 1980s
        century_start = 1900
    else:
        return None
    first = century_start + decade
    return _Expr(s, e, fixed=(date(first, 1, 1), date(first + 9, 12, 31), "decade"))


def _p_dotted(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    year = _year(m["y"])
    if year is None:
        return None
    try:
        day = date(year, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return _Expr(s, e, fixed=(day, day, "day"))


def _p_dotted_month(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    year, month = int(m["y"]), int(m["m"])
    return _Expr(s, e, fixed=(*_month_span(year, month, month), "month"))


def _p_dotted_mrange(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    first, last = (int(m["y"]), int(m["m"])), (int(m["y2"]), int(m["m2"]))
    if last <= first:
        return None
    end_year, end_month = last
    start = date(first[0], first[1], 1)
    return _Expr(s, e, fixed=(start, date(end_year, end_month, _last_day(end_year, end_month)), "period"))


def _p_yrange(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    first, last = _year(m["y"]), _year(m["y2"])
    if first is None or last is None or last <= first:
        return None
    if m["sy"]:  # 2018—2019学年: September 2018 to August 2019
        month = _calendar()["school_year"]["first_month"]
        return _Expr(s, e, fixed=(*_month_span(first, month, month - 1 + 12 * (last - first)), "period"))
    return _Expr(s, e, fixed=(date(first, 1, 1), date(last, 12, 31), "period"))


def _p_year(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    year = _year(m["y"])
    if year is None:
        return None
    return _Expr(s, e, cover=_year_cover(m["ysuf"]), year=year, takes="" if m["ysuf"] else "month", kind="year")


def _p_ryear(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    if m["ay"]:
        return _p_ayear(m)
    cal = _calendar()
    offset = cal["relative_years"][m["ry"]]
    anchor = ""
    if m["ry"] in cal["sentence_anchored_years"]["words"]:
        anchor = "sentence"
    elif m["ry"] in cal["comparison_anchored_years"]["words"] and is_comparison_base(m.string, s, e):
        anchor = "comparison"
    takes = "" if m["ysuf"] else "month"
    return _Expr(s, e, cover=_year_cover(m["ysuf"]), year_offset=offset, takes=takes, anchor=anchor)


def _p_ayear(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    offset = _calendar()["anchored_years"][m["ay"]]
    return _Expr(
        s, e, cover=_year_cover(m["ysuf"]), year_offset=offset, takes="" if m["ysuf"] else "month", anchor="text"
    )


def _p_rweek(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    days = tuple(_calendar()["week_days"][m["wd"]]) if m["wd"] else (0, 6)
    return _Expr(s, e, week_offset=_calendar()["relative_weeks"][m["rw"]], week_days=days)


def _p_rperiod(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    start_off, first, end_off, last = _calendar()["relative_periods"][m["rp"]]
    return _Expr(s, e, cover=_months(first, last + 12 * (end_off - start_off), "period"), year_offset=start_off)


def _p_firstq(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    last = 3 * _num(m["n"])
    return _Expr(s, e, cover=_months(1, last, "period"), rule_month=last, max_ahead=_MAX_CUMULATIVE_AHEAD, kind="inner")


def _p_firstm(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    last = _num(m["n"])
    return _Expr(s, e, cover=_months(1, last, "period"), rule_month=last, max_ahead=_MAX_CUMULATIVE_AHEAD, kind="inner")


def _p_quarter(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    cal = _calendar()
    first_in, last_in = cal["quarter_parts"][m["qsuf"]] if m["qsuf"] else (1, 3)
    granularity: Granularity = "month" if m["qsuf"] else "quarter"
    if m["rq"]:  # 上季度: the quarter of the article's month moved by whole quarters
        offset = 3 * cal["relative_quarters"][m["rq"]]

        def relative_cover(year: int, month: int) -> Cover:
            first = month - (month - 1) % 3
            return (*_month_span(year, first + first_in - 1, first + last_in - 1), granularity)

        return _Expr(s, e, cover=relative_cover, month_offset=offset)
    q = 1 if m["qf"] else _num(m["q"])
    first = 3 * q - 2
    cover = _months(first + first_in - 1, first + last_in - 1, granularity)
    return _Expr(s, e, cover=cover, rule_month=first + last_in - 1, kind="inner")


def _p_qrange(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    first, last = _num(m["q"]), _num(m["q2"])
    if first >= last:
        return None
    return _Expr(
        s,
        e,
        cover=_months(3 * first - 2, 3 * last, "period"),
        rule_month=3 * last,
        max_ahead=_MAX_CUMULATIVE_AHEAD if first == 1 else _MAX_MONTHS_AHEAD,
        kind="inner",
    )


def _p_half(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    first, last = _calendar()["halves"][m["h"]]
    return _Expr(s, e, cover=_months(first, last, "half_year"), rule_month=last, kind="inner")


def _p_holiday(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    return _Expr(s, e, cover=_holiday_cover(m["hol"]), kind="holiday")


def _p_vacation(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    first, count = _calendar()["vacations"][m["va"]]
    return _Expr(s, e, cover=_months(first, first + count - 1, "period"), kind="holiday")


def _p_lunar(m: regex.Match[str]) -> _Expr | None:
    """A lunar date or month, in the year before it (2024年农历八月十五), after its marker
    (农历2021年六月), or else of its passage or article (正月初八)."""
    s, e = m.span()
    names = _calendar()["lunar_month_names"]
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
        year = _year(m["ly"])
        return None if year is None else _Expr(s, e, cover=cover, year=year)
    # With its marker or a day (农历八月十五, 正月初八) it stands alone, in the year of its passage
    # or article; a bare 腊月 or 闰四月 only after a year, like a holiday.
    kind = "lunar" if m["lmk"] or day is not None else "holiday"
    # A lunar month falls about a month after the Gregorian one of its number (腊月 is January's).
    return _Expr(s, e, cover=cover, rule_month=month % 12 + 1, kind=kind)


def _p_season(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    return _Expr(s, e, cover=_season_cover(m["s"]), kind="season")


def _p_mrange(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    first, last = _num(m["m"]), _num(m["m2"])
    if last <= first:
        return None
    ahead = _MAX_CUMULATIVE_AHEAD if first == 1 else _MAX_MONTHS_AHEAD
    return _Expr(s, e, cover=_months(first, last, "period"), rule_month=last, max_ahead=ahead, kind="inner")


def _p_month(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    month = _num(m["m"])
    suffix = m["msuf"]
    takes = "" if suffix else "day"
    return _Expr(s, e, cover=_month_cover(suffix), month=month, rule_month=month, takes=takes, kind="inner")


def _p_rmonth(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    if m["rw"]:
        return _p_rweek(m)
    offset = _calendar()["relative_months"][m["rm"]]
    suffix = m["msuf"]
    return _Expr(s, e, cover=_month_cover(suffix), month_offset=offset, takes="" if suffix else "day")


def _p_bmpart(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    return _Expr(s, e, cover=_month_cover(m["msuf"]), month_offset=0)


def _p_bypart(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    cal = _calendar()
    first, last = cal["bare_year_parts"][m["yp"]]
    if _is_target(m.string, s, e) or _clause_aims(m.string, e):
        return _Expr(s, e, cover=_months(first, last, "month"), year_offset=0, kind="inner")
    # Told, not aimed at (在年末繁忙时, 年末全县常住人口……): a past year's unless it is near, so a
    # March or a July article's 年末 is last December.
    ahead = cal["told_year_parts"]["max_months_ahead"]
    return _Expr(s, e, cover=_months(first, last, "month"), rule_month=last, max_ahead=ahead, kind="inner")


def _clause_aims(clean: str, end: int) -> bool:
    """A word of the future stands later in the clause after ``end`` (年底，全县将建成……)."""
    words = _calendar()["year_part_targets"]
    after = clean[end : end + ANCHOR_REACH]
    stop = min((at for at in (after.find(c) for c in words["clause_ends"]) if at >= 0), default=len(after))
    return any(word in after[:stop] for word in words["in_clause_after"])


def _sentence_aims(clean: str, start: int, end: int) -> bool:
    """The date at ``[start, end)`` is aimed at (:func:`_is_target`), or a plan word stands
    anywhere in its sentence (全年地区生产总值预期增长6%左右)."""
    if _is_target(clean, start, end):
        return True
    after = clean[end : end + ANCHOR_REACH]
    stop = min((at for at in (after.find(c) for c in SENTENCE_ENDS) if at >= 0), default=len(after))
    return any(word in after[:stop] for word in _calendar()["year_part_targets"]["in_sentence"])


def _is_target(clean: str, start: int, end: int) -> bool:
    """The part of the year at ``[start, end)`` is aimed at: 年底前, 力争到年底, or a plan word
    earlier in its sentence (全市计划改造120个小区，年底全部完工)."""
    targets = _calendar()["year_part_targets"]
    if _after_words(clean, start, targets["before"]) or clean.startswith(tuple(targets["after"]), end):
        return True
    sentence_start = max(clean.rfind(c, 0, start) for c in SENTENCE_ENDS) + 1
    return any(word in clean[sentence_start:start] for word in targets["in_sentence"])


def _p_drange(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    first, last = _num(m["d"]), _num(m["d2"])
    if last <= first:
        return None
    return _Expr(s, e, cover=_days(first, last, "period"), month_offset=0, day_alone=True, kind="day")


def _p_day(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    day = _num(m["d"])
    # 号 (3号楼) and Chinese numerals (一日游) make a day only after a month: kind "day_only_after".
    bare_ok = m["dw"] == "日" and m["d"][0].isdigit()
    kind = "day" if bare_ok else "day_after_month"
    return _Expr(s, e, cover=_days(day, day, "day"), month_offset=0, day_alone=True, kind=kind)


def _p_rday(m: regex.Match[str]) -> _Expr | None:
    s, e = m.span()
    if m["ad"]:
        offset, step = _calendar()["anchored_days"][m["ad"]]
        return _Expr(s, e, year_offset=offset, anchor="text", anchor_step=step)
    if m["rd"] in _calendar()["nowadays"]["words"] and _means_nowadays(m.string, s, e):
        return None
    return _Expr(s, e, day_offset=_calendar()["relative_days"][m["rd"]])


def _means_nowadays(clean: str, start: int, end: int) -> bool:
    """今天 in 直到今天, 才有了今天, or 今天的 before anything but an event (今天的美丽乡村,
    今天的好日子; not 今天的会议) is "nowadays", not the article's day."""
    words = _calendar()["nowadays"]
    if _after_words(clean, start, words["after"]):
        return True
    return clean.startswith("的", end) and not clean.startswith(tuple(words["events"]), end + 1)


def _p_reviewed(m: regex.Match[str]) -> _Expr | None:
    """过去一年, 全年: last year, named for the passages below it, never a record."""
    s, e = m.span()
    return _Expr(s, e, cover=_months(1, 12, "year"), year_offset=-1, marker=True)


def _p_vague(_m: regex.Match[str]) -> _Expr | None:
    """如今, 至今: matched so that 今年 is never read out of 如今年轻人, and no record."""
    return None


_PRODUCTIONS: dict[str, Callable[[regex.Match[str]], _Expr | None]] = {
    "reviewed": _p_reviewed,
    "vague": _p_vague,
    "rperiod": _p_rperiod,
    "plan": _p_plan,
    "decade": _p_decade,
    "dotted": _p_dotted,
    "dotted_mrange": _p_dotted_mrange,
    "dotted_month": _p_dotted_month,
    "century": _p_century,
    "yrange": _p_yrange,
    "year": _p_year,
    "year2": _p_year2,
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
    "mrange": _p_mrange,
    "month": _p_month,
    "rmonth": _p_rmonth,
    "bmpart": _p_bmpart,
    "bypart": _p_bypart,
    "drange": _p_drange,
    "day": _p_day,
    "rday": _p_rday,
}


def _matches(clean: str) -> Iterator[tuple[regex.Match[str], Rule[regex.Match[str], _Expr]]]:
    """The matches the alternation of every rule finds through ``clean`` (as ``finditer`` gives
    them), each with its rule: tried only where a rule can start, and there only with the rules
    that can start with the opening found there."""
    end = 0
    for start in _starts_re().finditer(clean):
        pos = start.start()
        if pos < end:
            continue
        for pattern, rule in _rules_from(start.group(1)):
            m = pattern.match(clean, pos)
            if m is not None:
                yield m, rule
                end = m.end()
                break


def _pieces(clean: str) -> list[_Expr]:
    pieces = []
    for m, rule in _matches(clean):
        expr = rule.produce(m)
        if expr is not None:
            expr.rule = rule.name  # a fresh piece; composing and resolving copy it with replace()
            pieces.append(expr)
    return pieces


def _attach(left: _Expr, right: _Expr) -> _Expr | None:
    """``left`` followed directly by ``right`` as one expression, if the grammar allows it."""
    if left.end != right.start:
        return None
    if left.takes == "month" and right.kind in ("inner", "holiday", "lunar", "season"):
        # Seasons attach only to a stated year: the gold reads 今年冬季 as 今年 alone.
        if right.kind == "season" and left.kind != "year":
            return None
        return replace(
            right,
            start=left.start,
            year=left.year,
            year_offset=left.year_offset,
            anchor=left.anchor,
            rule=f"{left.rule}+{right.rule}",
        )
    if left.takes == "day" and right.kind in ("day", "day_after_month"):
        return replace(
            right,
            start=left.start,
            year=left.year,
            year_offset=left.year_offset,
            anchor=left.anchor,
            month=left.month,
            month_offset=left.month_offset,
            rule_month=left.rule_month,
            day_alone=False,
            rule=f"{left.rule}+{right.rule}",
        )
    return None


def _compose(pieces: list[_Expr]) -> list[_Expr]:
    exprs: list[_Expr] = []
    for piece in pieces:
        joined = _attach(exprs[-1], piece) if exprs else None
        if joined is not None:
            exprs[-1] = joined
        elif piece.kind in ("holiday", "season", "day_after_month"):
            continue  # 春节, 秋季, 3号 alone are not dates here
        else:
            exprs.append(piece)
    return exprs


def _inherit(left: _Expr, right: _Expr) -> _Expr:
    """The right end of a range takes the year and month it does not state from the left end."""
    if right.year is None and right.year_offset is None and right.fixed is None:
        right = replace(right, year=left.year, year_offset=left.year_offset, anchor=left.anchor)
        if right.month is None and left.month is not None and right.kind in ("day", "day_after_month"):
            right = replace(right, month=left.month, month_offset=None, day_alone=False)
        elif right.kind in ("day", "day_after_month") and left.month_offset is not None:
            right = replace(right, month_offset=left.month_offset, day_alone=left.day_alone)
    return right


def _day_is_last_months(expr: _Expr, pub: date) -> bool:
    """A day written without its month is the nearest such day: 30日 in an article of 1 July is 30 June."""
    assert expr.cover is not None
    day = expr.cover(2000, 1)[0].day  # January has every day number
    if day <= pub.day:
        return False
    previous_month_end = pub.replace(day=1) - timedelta(days=1)
    if day > previous_month_end.day:
        return False
    return pub.day + previous_month_end.day - day < day - pub.day


def _implied_year(pub: date, month: int | None, ahead: int = _MAX_MONTHS_AHEAD) -> int:
    if month is not None and month - pub.month > ahead:
        return pub.year - 1
    return pub.year


def _resolve(expr: _Expr, pub: date | None) -> Resolved | None:
    """First day, last day, granularity and whether the article's date was needed."""
    if expr.fixed is not None:
        return *expr.fixed, False
    if expr.day_offset is not None:
        if pub is None:
            return None, None, "day", True
        day = pub + timedelta(days=expr.day_offset)
        return day, day, "day", True
    if expr.week_offset is not None:
        first_day, last_day = expr.week_days
        granularity: Granularity = "day" if first_day == last_day else "period"
        if pub is None:
            return None, None, granularity, True
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=expr.week_offset)
        return monday + timedelta(days=first_day), monday + timedelta(days=last_day), granularity, True
    assert expr.cover is not None
    if expr.year is not None:
        year, month, relative = expr.year, expr.month or 1, False
    elif pub is None:
        return None, None, expr.cover(2000, 1)[2], True  # only the granularity can be known
    elif expr.month_offset is not None and expr.month is None:
        index = pub.year * 12 + pub.month - 1 + expr.month_offset
        if expr.day_alone and _day_is_last_months(expr, pub):
            index -= 1
        year, month, relative = index // 12, index % 12 + 1, True
    else:
        month, relative = expr.month or 1, True
        year = (
            pub.year + expr.year_offset
            if expr.year_offset is not None
            else _implied_year(pub, expr.rule_month, expr.max_ahead)
        )
    try:
        first, last, granularity = expr.cover(year, month)
    except ValueError:  # 2月30日, or a year outside the lunar holiday table
        return None
    return first, last, granularity, relative


def _rangeable(granularity: Granularity) -> bool:
    """Ranges join calendar points (years, months, days); a decade or a plan stands alone."""
    return granularity not in ("decade", "period")


def _is_separator(text: str) -> bool:
    return text in _calendar()["range"]["separators"]


Resolved = tuple[date | None, date | None, Granularity, bool]


def _joined_range(
    expr: _Expr, resolved: Resolved, right: _Expr | None, clean: str, pub: date | None
) -> tuple[_Expr, Resolved] | None:
    """``expr`` and the expression after it joined by a range separator as one period
    (2021年至2023年, 3月15日至4月2日), or None."""
    if right is None or not _is_separator(clean[expr.end : right.start]):
        return None
    resolved_right = _resolve(_inherit(expr, right), pub)
    if resolved_right is None or not _rangeable(resolved[2]) or not _rangeable(resolved_right[2]):
        return None
    first, last = resolved[0], resolved_right[1]
    if first is not None and last is not None and first > last:
        return None
    joined = replace(expr, end=right.end, rule=f"{expr.rule}..{right.rule}")
    return joined, (first, last, "period", resolved[3] or resolved_right[3])


def _until_now(expr: _Expr, resolved: Resolved, clean: str, pub: date | None) -> tuple[_Expr, Resolved]:
    """``expr`` followed by 至今 (2018年至今): one period up to the article's date."""
    words = _calendar()["range"]["until_now"]
    if not clean.startswith(tuple(words), expr.end):
        return expr, resolved
    first, _last, granularity, _relative = resolved
    for word in words:
        # 至今年6月 is 至 + 今年6月, a range to another date.
        if clean.startswith(word, expr.end) and not clean.startswith("年", expr.end + len(word)):
            if not _rangeable(granularity) or (first is not None and pub is not None and first > pub):
                break
            return replace(expr, end=expr.end + len(word), rule=f"{expr.rule}..until_now"), (first, pub, "period", True)
    return expr, resolved


def _after_words(clean: str, start: int, words: list[str]) -> bool:
    """One of ``words`` (at most three characters) ends right before clean offset ``start``."""
    return clean.endswith(tuple(words), max(0, start - 3), start)


def _as_of(clean: str, start: int) -> bool:
    words = _calendar()["as_of"]
    return _after_words(clean, start, words["words"]) and not _after_words(clean, start, words["not"])


def _step(expr: _Expr, last: date, granularity: Granularity) -> _Expr | None:
    """当日, 次月: the day or month after the named one; None when the named date is coarser."""
    assert expr.year_offset is not None
    if expr.anchor_step == "day":
        if granularity != "day":
            return None
        day = last + timedelta(days=expr.year_offset)
        return replace(expr, fixed=(day, day, "day"), year_offset=None, anchor="")
    if granularity not in ("day", "xun", "month"):
        return None
    index = last.year * 12 + last.month - 1 + expr.year_offset
    year, month = index // 12, index % 12 + 1
    return replace(expr, fixed=(*_month_span(year, month, month), "month"), year_offset=None, anchor="")


def _year_less(expr: _Expr, clean: str) -> bool:
    """A month, quarter, half or part of a year written without its year (一季度, 1—5月,
    年初: read as this year when it stands alone)."""
    bare_part = expr.year_offset == 0 and clean[expr.start] in "年岁"
    return (
        expr.cover is not None
        and expr.fixed is None
        and expr.year is None
        and (expr.year_offset is None or bare_part)
        and expr.month_offset is None
        and not expr.anchor
        and not expr.day_alone
    )


def _heading_year(passages: Passages, at: int, pub: date | None, target: bool = False) -> int | None:
    """The year of the heading above ``at`` when it is one a review or a plan reports on: the
    article's year or (not for a ``target``, which is never past) the year before. A headline
    about next year's meeting does not make this year's 年底 next year's, nor does a feature's
    ``1978年的那个冬夜`` make a later story's 年底前 or 上年 its own. A report's title
    (某县2019年国民经济和社会发展统计公报) holds for any year up to the article's: a page posted
    years later still reports on 2019."""
    heading = passages.heading_year(at)
    if heading is None:
        return None
    year, report = heading
    if pub is None:
        return year
    earliest = MIN_YEAR if report else pub.year - (0 if target else 1)
    return year if earliest <= year <= pub.year else None


def _reviewed_year(passages: Passages, at: int, pub: date | None) -> int | None:
    """The year the story before ``at`` reviews: the article's last stated year (2023年,
    过去一年) when it is the year before the article's, or any when the article's date is
    unknown; else None."""
    year = passages.stated_year(at)
    return year if pub is None or year == pub.year - 1 else None


def _anchored(expr: _Expr, passages: Passages, pub: date | None, clean: str) -> _Expr | None:
    """同年, 次年, 上年 read against the year of the last date before them in their sentence
    (never a comparison's base, nor for 上年 a day the story is told on); 当日, 次月 against its
    day or month. 上年 with no year in its sentence reads against its paragraph's year, then its
    heading's, then last year when the article's last stated year is last year, then the article's.

    None for a 同年/当年 with no date before it: alone it means "back then", not a calendar year;
    and for a 比上年 with none of those years in an article of the year's first months
    (:func:`_unsure_comparison`).
    """
    assert expr.year_offset is not None
    text_anchor = expr.anchor == "text"
    named = passages.sentence_date(expr.start, opens_after_one=text_anchor, skip_told=not text_anchor)
    if passages.unknown_in_sentence(expr.start, named):
        # 去年……比上年 without the article's date: unknown too; 去年……当日 no day at all.
        return None if expr.anchor_step else replace(expr, anchor="")
    if named is not None:
        if expr.anchor_step:
            return _step(expr, named.last, named.granularity)
        return replace(expr, year=named.anchor_year + expr.year_offset, year_offset=None, anchor="")
    if text_anchor:
        return None
    if expr.anchor == "sentence":
        year = (
            passages.paragraph_year(expr.start, reported=True, skip_told=True)
            or _heading_year(passages, expr.start, pub)
            or _reviewed_year(passages, expr.start, pub)  # 2023年，……。全县……比上年
        )
        if year is not None:
            return replace(expr, year=year + expr.year_offset, year_offset=None, anchor="")
        if _unsure_comparison(expr, passages, pub, clean):
            return None
    return replace(expr, anchor="")


def _unsure_comparison(expr: _Expr, passages: Passages, pub: date | None, clean: str) -> bool:
    """比上年 with no year named for it, in an article of the year's first months: the figures
    compared may be last year's (a February story of the annual results: 上年 is two years back)
    or this year's, so its year is a guess, and no record is better. Not when its sentence aims
    at something (力争全年……比上年增长6%: this year's target) or the article last stated this
    year (今年，……: the story is about this year)."""
    return (
        pub is not None
        and pub.month <= _calendar()["unsure_comparison"]["until_month"]
        and is_comparison_base(clean, expr.start, expr.end)
        and not _is_target(clean, expr.start, expr.end)
        and passages.stated_year(expr.start) != pub.year
    )


def _spoken_then(expr: _Expr, passages: Passages, pub: date | None, clean: str) -> _Expr | None:
    """今年, 去年, 明年 inside a quotation whose sentence is dated before the quote opens, in
    another year than the article's (2019年秋收时，老李说：“今年的收成比去年好。”): read against
    the year the words were spoken, not the article's. Else None."""
    if expr.year_offset is None or expr.year is not None or expr.rule.split("+")[0] != "ryear":
        return None
    quote = _calendar()["quotes"]
    opened = max(clean.rfind(mark, max(0, expr.start - ANCHOR_REACH), expr.start) for mark in quote["open"])
    if opened < 0 or any(clean.find(mark, opened, expr.start) >= 0 for mark in quote["close"]):
        return None
    frame = passages.sentence_date(opened, skip_told=True)
    if frame is None or frame.one_year is None or (pub is not None and frame.one_year == pub.year):
        return None
    return replace(expr, year=frame.anchor_year + expr.year_offset, year_offset=None, anchor="")


def _cutoff_year(expr: _Expr, pub: date) -> int:
    """The year of a year-less cut-off (截至9月底): the latest in which it has begun by the
    article's date, whatever year the passage names."""
    assert expr.cover is not None
    try:
        begun = expr.cover(pub.year, expr.month or 1)[0] <= pub
    except ValueError:  # 2月29日 in a common year
        begun = True
    return pub.year if begun else pub.year - 1


def _is_day(expr: _Expr) -> bool:
    assert expr.cover is not None
    try:
        return expr.cover(2000, expr.month or 1)[2] == "day"
    except ValueError:
        return True


def _in_passage_year(expr: _Expr, passages: Passages, pub: date | None, clean: str) -> _Expr:
    """A year-less part (一季度, 年末, 9月) takes the year its paragraph names, else (not a
    day) the year of its heading: a report reviewing 2023 in January 2024 means 2023's first
    quarter, a 2019 bulletin's 年末 is December 2019. A cut-off (截至9月底) is the latest one
    begun by the article's date. Else a part told of (not aimed at) that has not ended by the
    article's date takes the year the story reviews: a January report's 一季度实现“开门红”
    after 过去一年 is last year's."""
    if not _year_less(expr, clean):
        return expr
    if pub is None and passages.unknown_in_paragraph(expr.start):
        return expr  # 明年，……力争上半年 without the article's date: of that unknown year
    if pub is not None and _after_words(clean, expr.start, _calendar()["as_of"]["past"]):
        year: int | None = _cutoff_year(expr, pub)
    else:
        day = _is_day(expr)
        year = _paragraph_year(expr, day, passages, pub)
        if year is None and not day:
            year = _heading_year(passages, expr.start, pub, _is_target(clean, expr.start, expr.end))
        if year is None and not day and (pub is None or _told_of_unended(expr, pub, clean)):
            year = _reviewed_year(passages, expr.start, pub)
    if expr.kind == "lunar":
        if year is None and pub is not None:
            year = _implied_year(pub, expr.rule_month)
        if year is not None:
            year = _lunar_year_in(expr, year)
    return expr if year is None else replace(expr, year=year, year_offset=None)


def _lunar_year_in(expr: _Expr, year: int) -> int:
    """The lunar year that puts a year-less lunar date in Gregorian ``year``: the passage's
    2024 makes 腊月二十三 lunar 2023's (2 February 2024), not lunar 2024's (January 2025)."""
    assert expr.cover is not None
    try:
        first = expr.cover(year, 1)[0]
    except ValueError:  # outside the lunar table, or a day the month lacks
        return year
    return year if first.year == year else year - 1


def _paragraph_year(expr: _Expr, day: bool, passages: Passages, pub: date | None) -> int | None:
    """The year the paragraph names before ``expr``. A day takes it from its own sentence or
    a timeline (2019年7月……。8月3日); after a year's figures in an earlier sentence it is the
    news of the article's own days when that day has come by the article's date
    (2023年，产量……。7月9日，…… in an August article), else the year's (2019年……。农历八月十五那天
    in a March article)."""
    named = passages.paragraph_date(expr.start, skip_told=not day)
    if named is None:
        return None
    if day and named.granularity not in _TIMELINE and passages.in_earlier_sentence(named, expr.start):
        if named.ahead:
            return None  # 力争到2025年……。参加了5月29日召开的: a day told of is not in a year aimed at
        assert expr.cover is not None
        if pub is not None and expr.cover(pub.year, expr.month or 1)[0] <= pub:
            return None
    return named.one_year


def _told_of_unended(expr: _Expr, pub: date, clean: str) -> bool:
    """The year-less part is told of, not aimed at, and this year's has not ended by ``pub``:
    so it cannot be this year's result."""
    assert expr.cover is not None
    return not _is_target(clean, expr.start, expr.end) and expr.cover(pub.year, expr.month or 1)[1] >= pub


def _name_reviewed_year(expr: _Expr, passages: Passages, pub: date | None, clean: str) -> None:
    """过去一年 in an article of the year's first months names last year for the passages after it;
    全年 told of there (not aimed at, in no paragraph of another year) for its sentence's 上年."""
    reviewed = _calendar()["reviewed_year"]
    if pub is None or pub.month > reviewed["until_month"]:
        return
    weak = clean.startswith(tuple(reviewed["weak_words"]), expr.start)
    if weak:
        # A dateline's day (3月20日，……公布：全年……) is when it was told, not the year told of.
        told = passages.paragraph_date(expr.start)
        other_year = told is not None and told.granularity not in ("day", "xun") and told.one_year != pub.year - 1
        # Under 二、2024年工作安排, or in a sentence of targets (全年……预期增长6%): this year's.
        this_years_heading = _heading_year(passages, expr.start, pub, target=True) == pub.year
        if other_year or this_years_heading or _sentence_aims(clean, expr.start, expr.end):
            return
    first, last = date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31)
    passages.add(Named(expr.start, expr.end, first, last, "year", comparison=False, stated=True, weak=weak))


def _last_years_paragraphs(exprs: list[_Expr], passages: Passages, pub: date | None, clean: str) -> frozenset[int]:
    """The paragraphs that name, without its year, a date that can only be last year's: a
    running total or a cut-off after the article's month (1-11月, 截至11月底 in a March article),
    or a December in a January article (12月28日): so the paragraph was written last year. (A
    plain month ahead may be a plan: 10月，全县将举办…… in January.)"""
    if pub is None:
        return frozenset()
    past = _calendar()["as_of"]["past"]
    return frozenset(
        passages.paragraph_of(e.start)
        for e in exprs
        if e.rule_month is not None
        and e.year is None
        and e.year_offset is None
        and e.fixed is None
        and not e.anchor
        and e.kind not in ("lunar", "holiday")
        and (
            e.rule_month - pub.month > _WRITTEN_LAST_YEAR_AHEAD
            or (e.max_ahead == _MAX_CUMULATIVE_AHEAD and e.rule_month - pub.month > e.max_ahead)
            or (e.rule_month > pub.month and _after_words(clean, e.start, past))
        )
    )


def _written_last_year(expr: _Expr, paragraphs: frozenset[int], passages: Passages, clean: str) -> bool:
    """A standalone 今年 told of (not aimed at) in one of ``paragraphs``: written last year
    (今年以来，……截至11月底 on a page dated March), it means last year, against the word; no
    record, and no year for the paragraph, rather than either guess."""
    return (
        bool(paragraphs)
        and expr.rule == "ryear"
        and expr.year_offset == 0
        and expr.takes == "month"
        and not expr.anchor
        and passages.paragraph_of(expr.start) in paragraphs
        and not _is_target(clean, expr.start, expr.end)
    )


def find(doc: Document, ctx: ArticleContext) -> list[Candidate]:
    """Every date expression of the article, resolved, with the rules that made it (``date.year+month``)."""
    clean = doc.clean
    pub = ctx.pub_date
    exprs = _compose(_pieces(clean))
    records: list[Candidate] = []
    passages = Passages(clean, doc.line_breaks)
    last_years = _last_years_paragraphs(exprs, passages, pub, clean)
    i = 0
    lunar_markers = tuple(_calendar()["lunar_markers"]["words"])
    link_labels = tuple(_calendar()["links"]["labels"])
    while i < len(exprs):
        expr = exprs[i]
        if clean.endswith(lunar_markers, 0, expr.start):
            i += 1
            continue  # 农历八月十五 is no day of August
        if expr.marker:
            i += 1
            _name_reviewed_year(expr, passages, pub, clean)
            continue
        if _written_last_year(expr, last_years, passages, clean):
            i += 1
            continue
        # 比上年, 较2019年: the base of a comparison gives no passage its year.
        comparison = bool(expr.anchor in ("sentence", "comparison")) or is_comparison_base(clean, expr.start, expr.end)
        # 2019年, and 今年/去年 standing alone, name the year a passage reports on.
        written = expr.year is not None or expr.fixed is not None
        stated = written or (expr.rule == "ryear" and not comparison)
        # 3月10日, 昨天: no year written or read against another date (同年, 去年3月).
        unyeared = not written and expr.year_offset is None and not expr.anchor
        anchored = bool(expr.anchor)
        if anchored:
            found = _anchored(expr, passages, pub, clean)
            if found is None:
                i += 1
                continue
            expr = found
        else:
            in_passage = _spoken_then(expr, passages, pub, clean) or _in_passage_year(expr, passages, pub, clean)
            anchored = in_passage is not expr
            expr = in_passage
        resolved = _resolve(expr, pub)
        if resolved is not None:
            joined = _joined_range(expr, resolved, exprs[i + 1] if i + 1 < len(exprs) else None, clean, pub)
            if joined is not None:
                expr, resolved = joined
                i += 1
            else:
                expr, resolved = _until_now(expr, resolved, clean, pub)
        i += 1
        if resolved is None:
            continue
        first, last, granularity, relative = resolved
        if first is None:
            passages.add_unknown(expr.end)  # 去年 without the article's date
        elif last is not None and granularity != "decade":
            # A date not begun by the article's date (明年3月底前) is aimed at, not reported on;
            # without the article's date, one written as a target (力争到2025年) is.
            ahead = first > pub if pub is not None else _is_target(clean, expr.start, expr.end)
            told = unyeared and granularity in ("day", "xun") and pub is not None and first.year == pub.year
            passages.add(
                Named(
                    expr.start,
                    expr.end,
                    first,
                    last,
                    granularity,
                    comparison,
                    stated,
                    ahead=ahead,
                    written=written,
                    told=told,
                )
            )
        relative = relative or anchored
        if relative and passages.line_opens_with(expr.start, link_labels):
            continue  # 下一篇：今年一季度…… is read against the linked article's date, unknown here
        start, end, text = doc.span(expr.start, expr.end)
        record = DateRecord(
            doc_id=ctx.doc_id,
            start=start,
            end=end,
            text=text,
            start_date=first,
            end_date=last,
            granularity=granularity,
            relative=relative,
            as_of=_as_of(clean, expr.start),
        )
        records.append(Candidate(record, f"date.{expr.rule}"))
    return records
