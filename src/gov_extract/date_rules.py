"""The date rules as values: each a name, a pattern built from the calendar vocabulary and
a production (:mod:`gov_extract.date_productions`), and the one pass that finds the pieces
of an article: where a rule can start, the rules that can open with the text there are tried
in order, as the alternation of every rule would be.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from .date_expr import Expr, calendar_words, holiday_names
from .date_numerals import DAY, DAY_TWO_DIGITS, MONTH, MONTH_ARABIC, MONTH_CHINESE, MONTH_TWO_DIGITS, YEAR4
from .date_productions import PRODUCTIONS
from .resources import alternation
from .rules import Rule

# No numeral, counter or quantifier word may stand right before a month or a day numeral, nor a
# hyphen, unless a date's day or month ends before it (1月1日-7月9日 and 1月1日--7月9日 are ranges: 2020-7,
# 0836-7 are not).
_NOT_AFTER_NUMBER = r"(?<![\d.〇零一二三四五六七八九十百千万两几多数每第/])(?<!(?<![日号月]|[日号月]-)-)"


# A doubled hyphen (3月10--12日) stands for a dash a keyboard lacks.
_SEP = r"(?:——|--|[至到\-—–~～－])"


_LUNAR_MON = r"(?:十[一二]|[一二三四五六七八九十])"


# A day in Chinese numerals with no 日 or 号 after it (八月十五, 正月十五) is a lunar day: the
# Gregorian calendar writes 八月十五日, and a range of days may write it at its end only
# (6月十五至二十日).
_LUNAR_DAY_ALONE = (
    r"(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?|三十)"
    rf"(?![日号\d一二三四五六七八九十]|{_SEP}{DAY}[日号])"
)


# 初一..初十, 十一..十九, 二十, 廿一..廿九 (or 二十一..), 三十.
_LUNAR_DAY = (
    r"(?:初(?:十|[一二三四五六七八九])|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|十[一二三四五六七八九]|三十)"
)


# 每年3月, 每年的8月份, 每月15日, 每年年底 are frequencies, not dates; so is a range's end (每年3月至5月,
# 每月1日至5日) and a day after a yearly month (每年12月20日到次年3月20日).
_NOT_FREQUENCY = (
    r"(?<!(?:每年|每月|每周|每个月)的?)"
    rf"(?<!(?:每年|每月|每个月)的?(?:1[0-2]|0?[1-9]|[1-3]\d|十[一二]?|[一二三四五六七八九])[月日号]?(?:{_SEP}|、))"
    r"(?<!每年的?(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月)"
)


@cache
def _rule_sources() -> dict[str, str]:
    """The pattern of every date rule, by rule name, built from the calendar vocabulary."""
    cal = calendar_words()
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
    programmes = alternation(cal["plan_followers"]["not_after_quote"])
    plan_topics = alternation(cal["plan_followers"]["after_unmistakable"])
    unmistakable = alternation(name for name in cal["five_year_plans"] if len(name) == 3)
    holidays = alternation(holiday_names())
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
    y2subjects = alternation(cal["two_digit_years"]["subjects"])
    eras = alternation(cal["eras"])
    cmp_after = alternation(cal["bare_year_comparisons"]["after"])
    tens = regex.escape("".join(cal["contracted_tens"]))
    duration = alternation(cal["duration"]["words"])
    doubled_names = alternation(cal["doubled_month_names"]["after"])
    not_ryear = alternation(cal["relative_years_not_after"]["words"])
    next_year_not_before = alternation(cal["next_year_not_before"]["words"])
    plan_names = alternation(cal["bracketed_year_ranges"]["after"])
    ymd_bounds = alternation(cal["unmarked_year_month_day"]["bounds"])
    compact_year = r"19[5-9]\d|20[0-3]\d"
    # 初 of 初步 (2025年初步建成) is not a part of the year.
    ysuf = rf"(?P<ysuf>度|(?:{ypart})(?!步))?+"
    msuf = rf"(?P<msuf>份|(?:{mpart})(?!步))?+"
    reviewed = alternation([*cal["reviewed_year"]["words"], *cal["reviewed_year"]["weak_words"]])
    rules = {
        "reviewed": rf"(?:{reviewed})",
        "vague": rf"(?:{vague})",
        "rperiod": rf"(?P<rp>{rperiods})",
        # “十四五”, 十三五期间, 十四五规划: a plan name needs its quotes or a plan word after it;
        # one that is no number (十三五, not 十五) also a topic word (十三五工作回顾).
        "plan": (
            rf"(?<![〇零一二三四五六七八九十])(?P<pl>{plans})"
            rf"(?=[”\"’」』]|{plan_followers}|(?<=(?:{unmistakable})){plan_topics})"
            rf"(?![”\"’」』](?:{programmes}))"
        ),
        "decade": (
            r"(?:(?P<cent>\d{2}|二十一|二十|十九)世纪|(?P<prev>上个?世纪)|(?P<this>本世纪))?"
            # Two decades side by side: 五六十年代 (the first one's 十 left out); after 世纪 also
            # 七、八十年代 and 70、80年代 (elsewhere the 、 opens no date).
            r"(?:(?P<dec0>[一二三四五六七八九])、?(?=[一二三四五六七八九]十)|(?<!\d)(?P<dec0>[1-9]0)[、—-](?=[1-9]0))?"
            r"(?<!\d)(?P<dec>[1-9]0|[一二三四五六七八九]十)年代"
            r"|(?<!\d)(?P<dy>1[89]\d0|20\d0)年代"
        ),
        "dotted": (
            # After a hyphen only when a whole date stands before it (2023.05.12-2023.05.18).
            r"(?<![\d./])(?<!(?<!\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2})-)"
            r"(?P<y>\d{4})(?P<ds>[.\-/])(?P<m>1[0-2]|0?[1-9])(?P=ds)"
            # Not before more digits (a version or a code), but before a range's second date.
            r"(?P<d>3[01]|[12]\d|0?[1-9])(?!\d|[./]\d|-\d(?!\d{3}))"
            # 28.09.2015: day first, two digits each and dots, as European sites and forms write it.
            r"|(?<![\d./])(?P<d>3[01]|[12]\d|0[1-9])\.(?P<m>1[0-2]|0[1-9])\.(?P<y>(?:19|20)\d{2})(?![\d.])"
        ),
        # A birth month in a CV written with a dot (1979.05生).
        "dotted_month": r"(?<![\d.])(?P<y>(?:19|20)\d{2})\.(?P<m>0[1-9]|1[0-2])(?=生|出生)",
        # CV lines in appointment notices: 2021.09—2024.06 (two-digit months, both ends written).
        "dotted_mrange": (
            r"(?<![\d.])(?P<y>(?:19|20)\d{2})\.(?P<m>0[1-9]|1[0-2])"
            rf"{_SEP}(?P<y2>(?:19|20)\d{{2}})\.(?P<m2>0[1-9]|1[0-2])(?![\d.])"
        ),
        # 20207月, 202012月底: a year whose 年 a page lost, before a month that keeps its 月.
        "year_month_unmarked": rf"(?<!\d)(?P<y>19[5-9]\d|20[0-3]\d)(?P<m>1[0-2]|[1-9])月{msuf}",
        # 2015426日, 20151126日: a year, month and day whose 年 and 月 a page lost (not 日元, a yen amount);
        # eight digits, the month's and the day's two each, also before a bound with no 日 (20231025前),
        # as the first end of a range whose other end is eight such digits (20230101-20231231), or
        # alone (bare), which the production takes only in a date's field (发布时间：20221228).
        "year_month_day_unmarked": (
            rf"(?<![\dA-Za-z.])(?P<y>{compact_year})"
            rf"(?:(?P<m>{MONTH_TWO_DIGITS})(?P<d>{DAY_TWO_DIGITS})|(?P<md>[1-9]\d{{2}}))"
            rf"(?:日(?!元)|(?(m)(?:(?=(?:{ymd_bounds}))|{_SEP}(?P<y2>{compact_year})(?P<m2>{MONTH_TWO_DIGITS})"
            rf"(?P<d2>{DAY_TWO_DIGITS})(?![\d.])|(?P<bare>(?![\d.])))|(?!)))"
        ),
        # 2018-2019年度; a school year (2018—2019学年) runs from its first month.
        "century": r"(?<!\d)(?P<cen>1\d|2[01]|十[一二三四五六七八九]|二十一?)世纪(?!\d|[一二三四五六七八九]十年代)",
        # 规划（2015—2020）: a plan's bracketed years with no 年 (calendar.toml [bracketed_year_ranges]);
        # the match opens with the plan's word, the date with the first year.
        "bracketed_yrange": (
            rf"(?:{plan_names})\((?P<y>(?:19|20)\d{{2}}){_SEP}(?P<y2>(?:19|20)\d{{2}})(?P<sy>{school_year})?(?=\))"
        ),
        # Not when a month follows its end (2007年—2011年2月): the range runs from a year to a month,
        # as the ranges of two dates read it.
        "yrange": (
            rf"(?P<y>{YEAR4})(?P<yn>年)?{_SEP}(?P<y2>{YEAR4})"
            rf"(?:年度?+(?(yn)(?!(?:{MONTH})月))|(?P<sy>{school_year}))"
        ),
        # A year before a season or a half may drop its 年 (2018秋冬季, 2017上半年), and so may a
        # year compared against.
        "year": (
            rf"(?P<y>{YEAR4})(?:年{ysuf}|(?=(?:{seasons})季|[上下]半年))"
            rf"|(?<!\d)(?P<cy>(?:19|20)\d{{2}})(?=(?:{cmp_after}))"
        ),
        # 民国24年, 民国卅年: a year of an era (calendar.toml eras).
        "era": (
            rf"(?P<era>{eras})(?P<ey>元|[{tens}][一二三四五六七八九]?|[一二三四五六七八九十]{{1,3}}|[1-9]\d?)年{ysuf}"
        ),
        # 98年4月, 19年底, 九七年一季度: a two-digit year only before a month, a quarter, a half or
        # the year's end; after a label's colon too (发布时间:12年08月23日), not a clock's (10:12年).
        "year2": (
            rf"(?<![\d.〇零一二三四五六七八九十百千万两几多第/\-])(?<!\d:)(?:(?P<yy>\d{{2}}|[〇零一二三四五六七八九]{{2}})年"
            rf"(?:(?=(?:{MONTH})月|第?[一二三四1-4]季度|[上下]半年)|(?P<ysuf>{y2part}))"
            # 07年, 零八年: a leading zero makes it a year wherever it stands (no length is 07 years).
            rf"|(?P<yy>0\d|[〇零][〇零一二三四五六七八九])年(?!代){ysuf}"
            # 13年全市…: a bare one opening a clause before the place reported on.
            rf"|(?<=\A|[。，；！？：:\n]|[在于])(?P<yy>\d{{2}})年(?=(?:{y2subjects})))"
        ),
        # 以上年龄, 说明年度, 基本年薪, 上年纪 are not relative years.
        # 同年, 次年 (read against the year the text named) share the branch of 今年, 去年.
        # 送来|年货, 到来|年味渐浓: after 来 a word opening with 年 is that word.
        "ryear": (
            rf"(?:(?P<ry>{ry})|(?P<ay>{ay}))(?<!{not_ryear})年(?!纪|龄|轻|级)(?!(?<=来年)(?:{next_year_not_before}))"
            rf"{ysuf}"
        ),
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
            rf"(?<!{lunar_not_after})(?:(?P<lmk>{lunar_markers})(?:(?P<ly>{YEAR4})年)?(?P<leap>闰)?(?P<lm>{_LUNAR_MON}|{lunar_names})"
            rf"|(?P<leap>闰)(?P<lm>{_LUNAR_MON}|{lunar_names})|(?P<lm>{lunar_names})"
            rf"|(?P<lm>{_LUNAR_MON})(?=月(?:初[一二三四五六七八九十]|廿|{_LUNAR_DAY_ALONE})))月(?P<ld>{_LUNAR_DAY})?"
        ),
        # 截至1031日, 截至621日: a cut-off's month and day whose 月 a page lost.
        "month_day_unmarked": r"(?<![\d.])(?P<md>\d{3,4})日",
        "month_unmarked": r"(?<![\d.])(?P<m>1[0-2]|[1-9])(?P<msuf>底|末)(?![\d线部层薪])",
        # 8、9月, 七、八月: two months side by side with one 月 are one span (not 3月、5月, a list).
        "mrange": (
            rf"{_NOT_FREQUENCY}{_NOT_AFTER_NUMBER}(?P<m>{MONTH})(?:月?{_SEP}|(?P<pair>、))(?P<m2>{MONTH})月(?P<msuf>份)?+"
        ),
        # A Chinese month after a length word is a length (不到一月, 一月半); one before its own
        # numeral again and a name's word (三月三大道, 九月九重阳节) is a festival's name or a road's.
        "month": (
            rf"{_NOT_FREQUENCY}{_NOT_AFTER_NUMBER}"
            rf"(?:(?<!{duration})(?P<m>{MONTH_CHINESE})(?=月(?!半|(?P=m)(?:{doubled_names})))"
            rf"|(?P<m>{MONTH_ARABIC}))月{msuf}"
            rf"(?!初[一二三四五六七八九十]|{_LUNAR_DAY_ALONE})"  # 五月初五, 八月十五: a lunar date
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
        "drange": rf"{_NOT_FREQUENCY}{_NOT_AFTER_NUMBER}(?P<d>{DAY})[日号]?{_SEP}(?P<d2>{DAY})(?P<dw>[日号])",
        # 3日内 and 25日历天 are lengths of time.
        "day": rf"{_NOT_FREQUENCY}{_NOT_AFTER_NUMBER}(?<!{duration})(?P<d>{DAY})(?P<dw>[日号])(?!内|以内|之内|历天)",
        "rday": rf"(?<![提以])(?:(?P<rd>{rd})|(?P<ad>{ad}))(?!头条)",
    }
    return rules


@cache
def rules() -> tuple[Rule[regex.Match[str], Expr], ...]:
    """Every date rule as a value: its name, its pattern (the trigger) and its production."""
    return tuple(Rule(name, source, PRODUCTIONS[name]) for name, source in _rule_sources().items())


def _rule_starts() -> str:
    """A pattern that matches wherever some date rule can start.

    A number followed by a calendar character (2024年, 3-5月, 一季度, 2024.3.5), a character
    that starts a rule written as a pattern (第二季度, 前4月, 上半年, 月底), or the first two
    characters of a calendar word. Testing it first skips most positions cheaply, among them
    every amount (2600万元, 一批) and every position inside a digit run.
    """
    cal = calendar_words()
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
            cal["solar_term_holidays"],
            cal["vacations"],
            cal["eras"],
            cal["bracketed_year_ranges"]["after"],
        )
        for word in words
    }
    word_prefixes |= {w + "年" for w in cal["anchored_years"]} | {w + "周" for w in cal["relative_weeks"]}
    word_prefixes |= {w[:2] for w in cal["anchored_days"]} | {(w + "季")[:2] for w in cal["relative_quarters"]}
    word_prefixes |= {w[:2] for w in cal["lunar_markers"]["words"]} | {w + "月" for w in cal["lunar_month_names"]}
    singles = set("第前头上下月首闰") | {p for p in word_prefixes if len(p) == 1}
    pairs = sorted(p for p in word_prefixes if p[0] not in singles and len(p) == 2)
    # The first characters of the seasons and halves: 2018秋冬季 and 2017上半年 drop their 年.
    after_number = regex.escape(
        "年月日号季世底末.-/至到—–~～－上下、" + "".join(sorted({w[0] for w in cal["seasons"]}))
    )
    chinese_digits = "〇零一二三四五六七八九十两" + "".join(cal["contracted_tens"])
    # Each opening: the characters it may start with (a class's contents), then what follows the first.
    openings = [
        # One to four digits with no digit before them, then a calendar character.
        (r"\d", rf"(?<!\d\d)\d{{0,3}}+[{after_number}]"),
        ("12", r"[\dOolI]{3}年"),
        ("12", r"\d{4,5}月"),
        ("12", r"\d{6,7}日"),
        ("12", rf"\d{{7}}(?:{alternation(cal['unmarked_year_month_day']['bounds'])}|{_SEP}|(?!\d))"),
        # 元月, 元至6月: January (an amount's 元 before 月/至 is rare, so the opening stays cheap).
        ("元", "[月至到]"),
        # A year compared against with no 年 (比1961增产).
        ("12", rf"\d{{3}}(?:{alternation(cal['bare_year_comparisons']['after'])})"),
        (chinese_digits, rf"[{chinese_digits}]{{0,4}}+[{after_number}]"),
        (regex.escape("".join(sorted(singles))), ""),
        # Two characters of the pairs' classes that are one of the pairs: the engine tests
        # two classes at a position, not each pair in turn (a third of the scan's time).
        (
            regex.escape("".join(sorted({p[0] for p in pairs}))),
            f"[{regex.escape(''.join(sorted({p[1] for p in pairs})))}](?<={'|'.join(map(regex.escape, pairs))})",
        ),
    ]
    # One class of every first character up front lets the engine skip to where an opening may
    # stand in its fast loop (an alternation is tried at every position, half the scan's time);
    # a lookbehind then picks the openings that the character found there starts.
    every_first = "".join(first for first, _ in openings)
    return f"[{every_first}](?:" + "|".join(f"(?<=[{first}]){rest}" for first, rest in openings) + ")"


@cache
def _starts_re() -> re.Pattern[str]:
    """The opening at a position where some date rule can start (2024年, 3., 一季, 上, 今年);
    searched for from each position a rule may start at, with the standard library's engine,
    which skips to where an opening may begin faster than ``regex`` does."""
    return re.compile(_rule_starts())


@lru_cache(maxsize=4096)
def _rules_from(opening: str) -> tuple[tuple[regex.Pattern[str], Rule[regex.Match[str], Expr]], ...]:
    """The rules that can match text that begins with ``opening``, in rule order, each with its
    compiled trigger.

    Trying these one after another where the opening stands finds the match the alternation
    of every rule finds there (the others fail on the opening), and a small pattern's try is
    much cheaper than a try of the alternation, which carries the groups of every rule.
    Openings repeat (a year, month or day number with its calendar character; 今年, 上).
    :func:`_matches` passes the opening with the character after it: 上 alone opens a dozen
    rules, 上年 or 上级 few or none (no trigger looks behind its start for what must stand there).
    """
    return tuple(
        (pattern, rule)
        for pattern, rule in _rules_from_character(opening[0])
        if pattern.match(opening, partial=True) is not None
    )


@cache
def _rules_from_character(char: str) -> tuple[tuple[regex.Pattern[str], Rule[regex.Match[str], Expr]], ...]:
    """The rules that can match text that begins with ``char``: the few to ask about an opening."""
    return tuple((pattern, rule) for pattern, rule in _triggers() if pattern.match(char, partial=True) is not None)


@cache
def _triggers() -> tuple[tuple[regex.Pattern[str], Rule[regex.Match[str], Expr]], ...]:
    return tuple((regex.compile(rule.trigger), rule) for rule in rules())


def _matches(clean: str) -> Iterator[tuple[regex.Match[str], Rule[regex.Match[str], Expr]]]:
    """The matches the alternation of every rule finds through ``clean`` (as ``finditer`` gives
    them), each with its rule: tried only where a rule can start, and there only with the rules
    that can start with the opening found there."""
    search = _starts_re().search
    pos = 0
    while (start := search(clean, pos)) is not None:
        pos = start.start()
        resume = pos + 1
        for pattern, rule in _rules_from(clean[pos : start.end() + 1]):
            m = pattern.match(clean, pos)
            if m is not None:
                yield m, rule
                resume = max(m.end(), resume)
                break
        pos = resume


def pieces(clean: str) -> list[Expr]:
    pieces = []
    for m, rule in _matches(clean):
        expr = rule.produce(m)
        if expr is not None:
            expr.rule = rule.name  # a fresh piece; composing and resolving copy it with replace()
            pieces.append(expr)
    return pieces
