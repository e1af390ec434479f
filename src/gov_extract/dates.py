"""Date records: calendar expressions, resolved against the article's date.

This module owns the ``date`` record type (``shared/spec/records.md``); the
article's own date is read by :mod:`gov_extract.dateline`. The vocabulary (relative words, parts of years and
months, seasons, five-year plans, holidays, vague words) lives in
``patterns/calendar.toml``; lunar dates (春节, 中秋节, 2024年农历八月十五) become
Gregorian days through :mod:`gov_extract.lunar`.

How it works, in the manner of Duckling:

1. one pass over ``doc.clean`` finds *pieces*, as the alternation of every rule
   would (where a rule can start, the rules that can open with the text there are
   tried in order); each rule is named, and its production (``PRODUCTIONS``) turns the
   match into an :class:`Expr` (a year, a relative year, a month, a day, a
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

The expression and its arithmetic live in :mod:`gov_extract.date_expr`, the rules and the
pass that finds pieces in :mod:`gov_extract.date_rules`, their productions in
:mod:`gov_extract.date_productions`; this module composes, joins and resolves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from .date_expr import MAX_MONTHS_AHEAD, Expr, after_cut_off, after_words, calendar_words, month_span, replace
from .date_numerals import MIN_YEAR
from .date_passages import ANCHOR_REACH, CLAUSE_OPENERS, SENTENCE_ENDS, Named, Passages, is_comparison_base
from .date_productions import MAX_CUMULATIVE_AHEAD, clause_aims, column_words, is_target, sentence_aims
from .date_rules import pieces
from .dateline import filed_day, stated_date
from .records import DateRecord, Granularity, validated
from .rules import Candidate
from .text import Document

if TYPE_CHECKING:
    from .context import ArticleContext


# Dates a year-less day in a later sentence of its paragraph continues (2019年7月……。8月3日).
_TIMELINE = frozenset(("day", "xun", "month"))
# How long after a written day a year-less day in the next paragraph still continues its story.
_STORY_RUN = timedelta(days=62)


# A page dated this many years or more after the one year its text writes out tells an older story:
# one year after may be a report on last year, posted in the new one.
_STAMP_YEARS_AFTER = 2


# The rules that name a year (2024年, 今年, 2023-2024年度), alone or before a month or a day.
_YEAR_RULES = frozenset(("year", "ryear", "year2", "yrange"))


# 16:00至4月19日, 23时至次日, 今天夜间到明天: a clock time or a part of the day before 至/到
# makes them a range's, not a cut-off's.
@cache
def _time_before_range_word() -> re.Pattern[str]:
    parts = "|".join(calendar_words()["as_of"]["day_parts"])
    return re.compile(rf"(?:\d{{1,2}}[:：]\d{{2}}|\d{{1,2}}[时点](?:\d{{1,2}}分|半)?|{parts})[至到]\Z")


# A year-less month this many months or more after the article's month can only be last year's
# (a January article's December), whatever the passage says.
_WRITTEN_LAST_YEAR_AHEAD = 10


def _attach(left: Expr, right: Expr) -> Expr | None:
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


def _compose(pieces: list[Expr], doc: Document, passages: Passages) -> list[Expr]:
    clean = doc.clean
    exprs: list[Expr] = []
    for k, piece in enumerate(pieces):
        # A year that fills its line under a chronicle's title (大事记 / 2023年 / 1月8日，……) heads
        # the entries below it: it takes no entry's day from the next line, which the clean view
        # joins to it. Elsewhere a date on lines of its own is an OCR wrap or a table cell.
        own_line = (
            exprs
            and piece.start in doc.line_breaks
            and doc.line_starts_at(exprs[-1].start)
            and _opens_entry(pieces, k, passages)
        )
        joined = _attach(exprs[-1], piece) if exprs and not own_line else None
        if joined is not None:
            exprs[-1] = joined
        elif (
            piece.kind in ("holiday", "season", "day_after_month")
            and not _holiday_range_end(pieces, k, clean)
            and not _lone_lunar_day(piece, clean)
        ):
            continue  # 春节, 秋季, 3号 alone are not dates here
        else:
            exprs.append(piece)
    return exprs


def _opens_entry(pieces: list[Expr], k: int, passages: Passages) -> bool:
    """``pieces[k]``, with the day adjacent after it (1月 + 8日), opens a chronicle's entry."""
    day = pieces[k + 1] if k + 1 < len(pieces) else None
    return (
        day is not None
        and day.kind == "day"
        and day.start == pieces[k].end
        and passages.opens_entry(pieces[k].start, day.end)
    )


def _holiday_range_end(pieces: list[Expr], k: int, clean: str) -> bool:
    """The year-less holiday ``pieces[k]`` is an end of a range of the lunar new year (除夕至正月初六,
    春节至元宵节, 元旦至春节; calendar.toml lunar_new_year_ranges): the range is a date, though the
    holiday alone is none. Other holidays make no such range (五一至国庆)."""
    piece = pieces[k]
    if not _new_year_holiday(piece, clean):
        return False
    after = pieces[k + 1] if k + 1 < len(pieces) else None
    before = pieces[k - 1] if k > 0 else None
    return (after is not None and _new_year_end(after, clean) and _is_separator(clean[piece.end : after.start])) or (
        before is not None and _new_year_end(before, clean) and _is_separator(clean[before.end : piece.start])
    )


def _lone_lunar_day(piece: Expr, clean: str) -> bool:
    """A holiday that names one day by itself (除夕, 大年三十; calendar.toml lone_lunar_days): a date
    alone, in the year of its passage or article, as 正月初一 is; not a custom (每逢除夕)."""
    cal = calendar_words()
    return (
        piece.kind == "holiday"
        and clean[piece.start : piece.end] in cal["lone_lunar_days"]["holidays"]
        and not after_words(clean, piece.start, cal["lunar_markers"]["not_after"])
    )


def _new_year_holiday(piece: Expr, clean: str) -> bool:
    return (
        piece.kind == "holiday"
        and clean[piece.start : piece.end] in calendar_words()["lunar_new_year_ranges"]["holidays"]
    )


def _new_year_end(piece: Expr, clean: str) -> bool:
    """The other end of a range of the lunar new year: a lunar date or one of its holidays."""
    return piece.kind == "lunar" or _new_year_holiday(piece, clean)


# A range of the lunar new year written without a year is the season nearest the article's date:
# one that ends or starts at most this far from it (a late-November article's 春节至元宵节期间将举办
# is the coming one, a March article's 春节至元宵节期间共接待游客 the one just past).
_NEW_YEAR_REACH = timedelta(days=75)


def _new_year_range(expr: Expr, right: Expr, clean: str, pub: date) -> tuple[date, date] | None:
    """The days of a range of the lunar new year that writes no year on either end (春节至元宵节,
    腊八至除夕): the season within reach of the article's date, else None (a June article's
    春节至元宵节 may be the last or the next)."""
    assert expr.cover is not None and right.cover is not None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            first = expr.cover(year, 1)[0]
            last = right.cover(year, 1)[1]
            if last < first:
                last = right.cover(year + 1, 1)[1]  # 腊八至除夕: the eve of the year after
        except ValueError:  # outside the lunar table
            continue
        if first - _NEW_YEAR_REACH <= pub <= last + _NEW_YEAR_REACH:
            return first, last
    return None


def _inherit(left: Expr, right: Expr) -> Expr:
    """The right end of a range takes the year and month it does not state from the left end."""
    if right.year is None and right.year_offset is None and right.fixed is None:
        right = replace(right, year=left.year, year_offset=left.year_offset, anchor=left.anchor)
        if right.month is None and left.month is not None and right.kind in ("day", "day_after_month"):
            right = replace(right, month=left.month, month_offset=None, rule_month=left.rule_month, day_alone=False)
        elif right.kind in ("day", "day_after_month") and left.month_offset is not None:
            right = replace(right, month_offset=left.month_offset, day_alone=left.day_alone)
    return right


def _listed_day(previous: Expr | None, expr: Expr, clean: str) -> Expr | None:
    """``expr``, a day written without its month, listed right after a day with one
    (1月25日、26日): that day's month and year, else None (26日 alone is the nearest 26th)."""
    if (
        previous is None
        or not expr.day_alone
        or previous.kind not in ("day", "day_after_month")
        or (previous.month is None and previous.month_offset is None)
        or clean[previous.end : expr.start] not in calendar_words()["range"]["list_joiners"]
    ):
        return None
    return _inherit(previous, expr)


def _day_is_last_months(expr: Expr, pub: date) -> bool:
    """A day written without its month is the nearest such day: 30日 in an article of 1 July is 30 June."""
    assert expr.cover is not None
    day = expr.cover(2000, 1)[0].day  # January has every day number
    if day <= pub.day:
        return False
    previous_month_end = pub.replace(day=1) - timedelta(days=1)
    if day > previous_month_end.day:
        return False
    return pub.day + previous_month_end.day - day < day - pub.day


def _implied_year(pub: date, month: int | None, ahead: int = MAX_MONTHS_AHEAD) -> int:
    if month is not None and month - pub.month > ahead:
        return pub.year - 1
    return pub.year


def _resolve(expr: Expr, pub: date | None) -> Resolved | None:
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
    return text in calendar_words()["range"]["separators"]


Resolved = tuple[date | None, date | None, Granularity, bool]


def _joined_range(
    expr: Expr, resolved: Resolved, right: Expr | None, clean: str, pub: date | None
) -> tuple[Expr, Resolved] | None:
    """``expr`` and the expression after it joined by a range separator as one period
    (2021年至2023年, 3月15日至4月2日), or None."""
    if right is None or not _is_separator(clean[expr.end : right.start]):
        return None
    if (
        pub is not None
        and (_new_year_holiday(expr, clean) or _new_year_holiday(right, clean))
        and _new_year_end(expr, clean)
        and _new_year_end(right, clean)
        and expr.year is None
        and expr.year_offset is None
        and right.year is None
        and right.year_offset is None
    ):
        # 春节至元宵节 written without a year: of the season the article stands in, else no date
        season = _new_year_range(expr, right, clean, pub)
        if season is None:
            return None
        return replace(expr, end=right.end, rule=f"{expr.rule}..{right.rule}"), (*season, "period", True)
    inherited = _inherit(expr, right)
    resolved_right = _resolve(inherited, pub)
    if resolved_right is None or not _rangeable(resolved[2]) or not _rangeable(resolved_right[2]):
        return None
    first, last = resolved[0], resolved_right[1]
    if (
        first is not None
        and last is not None
        and first > last
        and right.year is None
        and inherited.year is not None
        and right.month is not None
        and expr.month is not None
        and right.month < expr.month
    ):
        # 2015年12月20日至1月14日: a right end that states its month but not its year, before the
        # left end in the left end's year, is in the year after.
        shifted = _resolve(replace(inherited, year=inherited.year + 1), pub)
        if shifted is None:
            return None
        resolved_right, last = shifted, shifted[1]
    if (
        first is not None
        and last is not None
        and first > last
        and right.kind == "lunar"
        and right.year is None
        and inherited.year is not None
    ):
        # 2023年腊月二十三至正月十五: a lunar right end before the left end in its lunar year is
        # in the lunar year after.
        shifted = _resolve(replace(inherited, year=inherited.year + 1), pub)
        if shifted is None:
            return None
        resolved_right, last = shifted, shifted[1]
    if first is not None and last is not None and first > last:
        return None
    joined = replace(expr, end=right.end, rule=f"{expr.rule}..{right.rule}")
    return joined, (first, last, "period", resolved[3] or resolved_right[3])


def _until_now(expr: Expr, resolved: Resolved, clean: str, pub: date | None) -> tuple[Expr, Resolved]:
    """``expr`` followed by 至今 (2018年至今): one period up to the article's date."""
    words = calendar_words()["range"]["until_now"]
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


@cache
def _quote_opens() -> str:
    return "".join(calendar_words()["quotes"]["open"]) + '"'


def _as_of(clean: str, start: int, point_end: int | None = None) -> bool:
    """The date at ``start`` is a cut-off (截至11月底, 到2025年); after a clause-opening 到了 only
    a point of time ending at ``point_end`` (到了2010年，……), not an era reached (到了八九十年代已经
    破旧), and only before a level reached (:func:`_level_follows`)."""
    words = calendar_words()["as_of"]
    while start > 0 and clean[start - 1] in _quote_opens():  # 到“十二五”末: the quote mark stands between
        start -= 1
    return (
        (
            after_cut_off(clean, start, words["words"])
            or (
                point_end is not None
                and _opens_clause_after(clean, start, words["clause_words"])
                and _level_follows(clean, point_end, words)
            )
        )
        and (not after_words(clean, start, words["not"]) or after_words(clean, start, words["still"]))
        and _time_before_range_word().search(clean, max(0, start - 10), start) is None
    )


def _opens_clause_after(clean: str, start: int, words: list[str]) -> bool:
    """One of ``words`` opens its clause right before ``start`` (到了2010年，……)."""
    for word in words:
        opened = start - len(word)
        if opened >= 0 and clean.startswith(word, opened) and (opened == 0 or clean[opened - 1] in CLAUSE_OPENERS):
            return True
    return False


def _level_follows(clean: str, end: int, words: dict[str, Any]) -> bool:
    """The sentence after a date ending at ``end`` states a level reached: a number that is no
    ordinal (开起了20家, not 第一次) or a word of reaching (已达, 升至)."""
    sentence = clean[end : end + ANCHOR_REACH]
    sentence = sentence[: next((i for i, c in enumerate(sentence) if c in SENTENCE_ENDS), len(sentence))]
    return any(word in sentence for word in words["level_words"]) or _level_number().search(sentence) is not None


@cache
def _level_number() -> re.Pattern[str]:
    """A number that is no ordinal (第一次) and no date (6月, 2019年): calendar.toml as_of."""
    numerals = re.escape(calendar_words()["as_of"]["level_numerals"])
    return re.compile(rf"(?<![第.{numerals}])[{numerals}][.{numerals}]*+(?![年月日号时])")


def _step(expr: Expr, last: date, granularity: Granularity) -> Expr | None:
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
    return replace(expr, fixed=(*month_span(year, month, month), "month"), year_offset=None, anchor="")


def _year_less(expr: Expr, clean: str) -> bool:
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


def _aimed_at(expr: Expr, passages: Passages, clean: str) -> bool:
    """``expr`` is aimed at (:func:`is_target`), in its sentence on its own line."""
    return is_target(clean, expr.start, expr.end, passages.line_start(expr.start))


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
    过去一年) when it is the year before the article's or the year a report opens with
    (:meth:`Passages.opening_year`: a 2015 bulletin a portal posted years later) or its charts
    end on (:attr:`Passages.charted_year`), or any when the article's date is unknown; else
    None. Before any stated year, a report's charted year (an undated bulletin)."""
    year = passages.stated_year(at)
    charted = passages.charted_year
    if year is None:
        return charted if charted is not None and (pub is None or charted < pub.year) else None
    return year if pub is None or year in (pub.year - 1, passages.opening_year(), charted) else None


def _anchored(expr: Expr, passages: Passages, pub: date | None, clean: str) -> Expr | None:
    """同年, 次年, 上年 read against the year of the last date before them in their sentence
    (never a comparison's base, nor for 上年 a day the story is told on); 当日, 次月 against its
    day or month. 上年 with no year in its sentence reads against its paragraph's year, then its
    heading's, then last year when the article's last stated year is last year; a 比上年 then
    is the year of its sentence's other base (比去年同期……；比上年同期), else the article's.

    None for a 同年/当年 with no date before it: alone it means "back then", not a calendar year;
    and for a 比上年 with none of those years in an article of the year's first months
    (:func:`_unsure_comparison`).
    """
    assert expr.year_offset is not None
    text_anchor = expr.anchor == "text"
    referring = text_anchor and clean.startswith(_year_words("referring_years"), expr.start)
    named = passages.sentence_date(
        expr.start, opens_after_one=text_anchor, skip_told=not text_anchor, after_one=referring
    )
    if passages.unknown_in_sentence(expr.start, named):
        # 去年……比上年 without the article's date: unknown too; 去年……当日 no day at all.
        return None if expr.anchor_step else replace(expr, anchor="")
    if named is not None:
        if expr.anchor_step:
            return _step(expr, named.last, named.granularity)
        offset = 0 if text_anchor and _coming_year_named(expr, named, passages, pub, clean) else expr.year_offset
        return replace(expr, year=named.anchor_year + offset, year_offset=None, anchor="")
    if text_anchor:
        return None
    if expr.anchor == "sentence":
        if _forecast_now(expr, passages, pub, clean):
            assert pub is not None
            return replace(expr, year=pub.year + expr.year_offset, year_offset=None, anchor="")
        year = (
            passages.paragraph_year(expr.start, reported=True, skip_told=True)
            or _heading_year(passages, expr.start, pub)
            or _reviewed_year(passages, expr.start, pub)  # 2023年，……。全县……比上年
        )
        if year is not None:
            return replace(expr, year=year + expr.year_offset, year_offset=None, anchor="")
        base = passages.sentence_base_year(expr.start)
        if base is not None and is_comparison_base(clean, expr.start, expr.end):
            # 比去年同期增长28%；……比上年同期增长31%: compared with the same year as its sentence's
            # 去年, which tells that the figures are this year's.
            return replace(expr, year=base, year_offset=None, anchor="")
        if _unsure_comparison(expr, passages, pub, clean):
            return None
    elif expr.anchor == "comparison":
        # 与去年持平 under a report's title (2019年……统计公报 posted in September 2020): the
        # year before the report's, like its 上年; else the year before the one its sentence
        # reports on (2022年，……与去年持平: 2021; 7月9日，……比去年高出两成: the year before that
        # day's), its paragraph in a statistical report, or the year the story reviews. A
        # story's past year (2016年，老王开始种植草莓。……比去年增长) frames no later sentence,
        # and nothing but its own year frames a sentence of the present (如今，……比去年; 与去年相比，今年……).
        report = _earlier_report_year(passages, expr.start, pub)
        if report is not None:
            return replace(expr, year=report + expr.year_offset, year_offset=None, anchor="")
        in_sentence = passages.sentence_date(expr.start)
        reported = None
        if in_sentence is not None:
            reported = in_sentence.one_year
        elif not passages.sentence_holds(expr.start, _present_words()):
            paragraph = passages.paragraph_year(expr.start, reported=True, skip_told=True)
            reported = (paragraph if passages.statistical else None) or _reviewed_year(passages, expr.start, pub)
        if reported is not None:
            return replace(expr, year=reported + expr.year_offset, year_offset=None, anchor="")
    return replace(expr, anchor="")


def _coming_year_named(expr: Expr, named: Named, passages: Passages, pub: date | None, clean: str) -> bool:
    """来年 (calendar.toml coming_years) after a whole year ``named`` that lies ahead of the text's
    own time, the article's year or, without the article's date, the year the text last stated
    (持续推进2025年……。同时，开展2026年度……编排工作，下好来年谋划): the coming year already named."""
    if named.granularity != "year" or not clean.startswith(_year_words("coming_years"), expr.start):
        return False
    present = pub.year if pub is not None else passages.stated_year(named.start)
    return present is not None and named.first.year > present


@cache
def _year_words(table: str) -> tuple[str, ...]:
    """The words of a calendar.toml table of year words before their 年 (referring_years: 同年, 次年;
    coming_years: 来年)."""
    return tuple(word + "年" for word in calendar_words()[table]["words"])


def _forecast_now(expr: Expr, passages: Passages, pub: date | None, clean: str) -> bool:
    """比上年 after a plan word in its clause (预计, 力争: 旱地小麦预计比上年亩均增产) in a sentence
    naming no year, its paragraph writing none out before it, past the year's first months,
    outside a report: this year's forecast or target, so the year before the article's, not
    before a past year named earlier (去年小麦减产。……预计比上年增产: not two years back)."""
    if (
        pub is None
        or pub.month <= calendar_words()["unsure_comparison"]["until_month"]
        or passages.statistical
        or not is_comparison_base(clean, expr.start, expr.end)
    ):
        return False
    clause_start = max(clean.rfind(c, 0, expr.start) for c in (*SENTENCE_ENDS, "，", ",", "；", ";")) + 1
    clause = clean[clause_start : expr.start]
    if not any(word in clause for word in calendar_words()["year_part_targets"]["in_sentence"]):
        return False
    named = passages.paragraph_date(expr.start, reported=True, skip_told=True)
    # 2014年全县经济运行平稳。全年生产总值预计比上年增长7%: a written year keeps the passage on it.
    return passages.heading_year(expr.start) is None and (named is None or not named.written)


@cache
def _present_words() -> tuple[str, ...]:
    """Words that put a sentence in the present (如今, 今年): see calendar.toml [comparison_present]."""
    return tuple(calendar_words()["comparison_present"]["words"])


def _unsure_comparison(expr: Expr, passages: Passages, pub: date | None, clean: str) -> bool:
    """比上年 with no year named for it, in an article of the year's first months: the figures
    compared may be last year's (a February story of the annual results: 上年 is two years back)
    or this year's, so its year is a guess, and no record is better. Not when its sentence aims
    at something (力争全年……比上年增长6%: this year's target) or the article last stated this
    year (今年，……: the story is about this year)."""
    return (
        pub is not None
        and pub.month <= calendar_words()["unsure_comparison"]["until_month"]
        and is_comparison_base(clean, expr.start, expr.end)
        and not _aimed_at(expr, passages, clean)
        and passages.stated_year(expr.start) != pub.year
    )


def _spoken_then(expr: Expr, passages: Passages, pub: date | None, clean: str) -> Expr | None:
    """今年, 去年, 明年 inside a quotation whose sentence is dated before the quote opens, in
    another year than the article's (2019年秋收时，老李说：“今年的收成比去年好。”): read against
    the year the words were spoken, not the article's. 今天, 昨天, 明天 inside a quotation after a
    day its paragraph tells before the quote opens (6月1日，通车仪式在村口举行。“今天我们村通车了！”
    老李说): read against that day, on which the words were spoken. Else None."""
    rule = expr.rule.split("+")[0]
    year_offset, day_offset = expr.year_offset, expr.day_offset
    if rule == "ryear" and year_offset is not None and expr.year is None:
        opened = _quote_open_before(clean, expr.start)
        frame = passages.sentence_date(opened, skip_told=True) if opened is not None else None
        if frame is None or frame.one_year is None or (pub is not None and frame.one_year == pub.year):
            return None
        return replace(expr, year=frame.anchor_year + year_offset, year_offset=None, anchor="")
    if rule == "rday" and day_offset is not None:
        opened = _quote_open_before(clean, expr.start)
        told = passages.paragraph_date(opened) if opened is not None else None
        if told is None or told.granularity != "day" or (pub is not None and told.first >= pub):
            return None
        day = told.first + timedelta(days=day_offset)
        return replace(expr, fixed=(day, day, "day"), day_offset=None)
    return None


def _filed_then(expr: Expr, filed: date | None) -> Expr | None:
    """今天, 昨天, 明天 in a story whose dateline gives the day it was filed (``filed``: 吉林日报4月29日讯
    on a page of 30 April): read against that day. Else None."""
    if filed is None or expr.day_offset is None or expr.rule.split("+")[0] != "rday":
        return None
    day = filed + timedelta(days=expr.day_offset)
    return replace(expr, fixed=(day, day, "day"), day_offset=None)


def _quote_open_before(clean: str, at: int) -> int | None:
    """Where the quotation holding ``at`` opens, within reach; None outside one."""
    quote = calendar_words()["quotes"]
    opened = max(clean.rfind(mark, max(0, at - ANCHOR_REACH), at) for mark in quote["open"])
    if opened < 0 or any(clean.find(mark, opened, at) >= 0 for mark in quote["close"]):
        return None
    return opened


def _story_year(exprs: list[Expr], pub: date | None) -> int | None:
    """The one year a text writes out when the page's date is years after it and the text opens
    its dates with a day of that year, the day its news tells (2014年10月15日，县委召开全会): the
    story's own year. The page's own stamp (更新时间：2023-01-08, the article's date restated) is left
    out. Else None: a story of now may recall a year long past (2014年，他回乡创业。今年，……), and
    one that writes several years tells a span up to now."""
    if pub is None:
        return None
    written: list[tuple[int, bool]] = []
    for e in exprs:
        if e.year is not None:
            written.append((e.year, e.cover is not None and _is_day(e)))
        elif e.fixed is not None and e.fixed[:2] != (pub, pub):
            written.append((e.fixed[1].year, e.fixed[2] == "day"))
    if not written or not written[0][1] or len({year for year, _ in written}) != 1:
        return None
    year = written[0][0]
    return year if year <= pub.year - _STAMP_YEARS_AFTER else None


def _told_years_before(expr: Expr, passages: Passages, story_year: int | None) -> Expr | None:
    """今年, 去年, 明年 in a text that tells of one year long before its page's date (a story of 2014
    whose page was stamped 2023: 2014年10月15日，……。会议指出，今年以来……): read against the
    year its sentence or paragraph tells, the story's own (:func:`_story_year`). Else None."""
    offset = expr.year_offset
    if story_year is None or offset is None or expr.year is not None or expr.anchor:
        return None
    if expr.rule.split("+")[0] != "ryear":
        return None
    told = passages.paragraph_date(expr.start, skip_told=True)
    if told is None or told.one_year != story_year:
        return None
    return replace(expr, year=story_year + offset, year_offset=None)


def _frames_section(expr: Expr, passages: Passages, pub: date | None) -> Expr | None:
    """今年, 明年 opening the first line under a numbered section titled with one year, a year
    away from what the article's date makes of it (三、2025年工作计划 / 明年，…… in a summary
    written in December and posted in January): the section's year. Else None."""
    if expr.year_offset is None or expr.year is not None or expr.anchor or expr.rule.split("+")[0] != "ryear":
        return None
    section = passages.section_year(expr.start)
    if pub is None or section is None or abs(pub.year + expr.year_offset - section) != 1:
        return None
    if not passages.opens_section(expr.start):
        return None
    return replace(expr, year=section, year_offset=None)


def _reports_year(expr: Expr, passages: Passages, pub: date | None, clean: str) -> Expr | None:
    """本年, 本年度 under the title of a report on an earlier year (2023年度部门决算 posted in
    2024: 本年收入合计): the report's year, which its 上年 then counts from. Else None. A written
    今年 under the title of a report on a whole year (……年度报告) is the year the report was
    written, after the year it reviews (its plans: 今年，县政府将……); under a report on a part of a
    year (关于2022年11月份……的通报), written within it, it is the report's year."""
    if expr.year_offset != 0 or expr.year is not None or expr.anchor or expr.rule.split("+")[0] != "ryear":
        return None
    if not clean.startswith(_report_own_years(), expr.start) and passages.titles_annual_report(expr.start):
        return None
    year = _earlier_report_year(passages, expr.start, pub)
    return None if year is None else replace(expr, year=year, year_offset=None)


def _earlier_report_year(passages: Passages, at: int, pub: date | None) -> int | None:
    """The year of the report whose title stands above ``at`` (某县2019年……统计公报) when it is
    before the article's, else None."""
    heading = passages.heading_year(at)
    if heading is None or not heading[1] or (pub is not None and heading[0] >= pub.year):
        return None
    return heading[0]


def _after_named_period(expr: Expr, passages: Passages) -> Expr | None:
    """上季度, 上月 after a quarter or a month named earlier in their sentence (二季度……比上季度,
    3月份……上月为): the one before that, not before the article's. Else None."""
    if expr.month_offset is None or expr.day_alone or expr.rule not in ("quarter", "rmonth"):
        return None
    assert expr.cover is not None
    named = passages.sentence_date(expr.start, skip_told=True)
    if named is None or named.granularity != expr.cover(2000, 1)[2]:
        return None
    index = named.first.year * 12 + named.first.month - 1 + expr.month_offset
    return replace(expr, fixed=expr.cover(index // 12, index % 12 + 1), month_offset=None)


def _cutoff_year(expr: Expr, pub: date) -> int:
    """The year of a year-less cut-off (截至9月底): the latest in which it has begun by the
    article's date, whatever year the passage names."""
    assert expr.cover is not None
    try:
        begun = expr.cover(pub.year, expr.month or 1)[0] <= pub
    except ValueError:  # 2月29日 in a common year
        begun = True
    return pub.year if begun else pub.year - 1


def _is_day(expr: Expr) -> bool:
    assert expr.cover is not None
    try:
        return expr.cover(2000, expr.month or 1)[2] == "day"
    except ValueError:
        return True


def _in_passage_year(expr: Expr, passages: Passages, pub: date | None, clean: str) -> Expr:
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
    cutoff = after_cut_off(clean, expr.start, calendar_words()["as_of"]["past"])
    if cutoff and pub is not None:
        year: int | None = _cutoff_year(expr, pub)
    elif cutoff and passages.cutoff_year is not None:
        year = passages.cutoff_year  # 截至2015年8月底……。截至8月底: the cut-off the text wrote out
    else:
        day = _is_day(expr)
        year = _paragraph_year(expr, day, passages, pub, clean)
        if year is None and day:
            year = passages.chronicle_year(expr.start, expr.month, pub) or _continued_year(expr, passages)
        if year is None and not day:
            year = _heading_year(passages, expr.start, pub, _aimed_at(expr, passages, clean))
        if year is None and not day and pub is None:
            year = passages.headline_year(expr.start)  # with the article's date, the headline is of its year
        if year is None and not day and (pub is None or _told_of_unended(expr, pub, passages, clean)):
            year = _reviewed_year(passages, expr.start, pub)
    if expr.kind == "lunar":
        if year is None and pub is not None:
            year = _implied_year(pub, expr.rule_month)
        if year is not None:
            year = _lunar_year_in(expr, year)
    return expr if year is None else replace(expr, year=year, year_offset=None)


def _continued_year(expr: Expr, passages: Passages) -> int | None:
    """A year-less day opening a paragraph right after one that ends on a written day takes that
    day's year when it follows it within the story's weeks (2008年8月5日晚，……。／8月6日上午，……)."""
    named = passages.previous_paragraph_day(expr.start)
    if named is None or expr.kind == "lunar":
        return None
    assert expr.cover is not None
    try:
        first = expr.cover(named.first.year, expr.month or 1)[0]
    except ValueError:  # 2月29日 in a common year
        return None
    return named.first.year if named.first <= first <= named.first + _STORY_RUN else None


def _lunar_year_in(expr: Expr, year: int) -> int:
    """The lunar year that puts a year-less lunar date in Gregorian ``year``: the passage's
    2024 makes 腊月二十三 lunar 2023's (2 February 2024), not lunar 2024's (January 2025)."""
    assert expr.cover is not None
    try:
        first = expr.cover(year, 1)[0]
    except ValueError:  # outside the lunar table, or a day the month lacks
        return year
    return year if first.year == year else year - 1


def _paragraph_year(expr: Expr, day: bool, passages: Passages, pub: date | None, clean: str) -> int | None:
    """The year the paragraph names before ``expr``. A day takes it from its own sentence or
    a timeline (2019年7月……。8月3日); after a year's figures in an earlier sentence it is the
    news of the article's own days when that day has come by the article's date
    (2023年，产量……。7月9日，…… in an August article), else the year's (2019年……。农历八月十五那天
    in a March article)."""
    named = passages.paragraph_date(expr.start, skip_told=not day)
    if named is None or _quoted_before(named, expr.start, clean):
        return None
    if pub is not None and named.last < pub and _aimed_at_now(expr, named, passages, clean):
        return None  # 2023年，……。负责人表示，下一步将……确保12月底前完成: this year's December
    if day and named.granularity not in _TIMELINE and passages.in_earlier_sentence(named, expr.start):
        if named.ahead:
            return None  # 力争到2025年……。参加了5月29日召开的: a day told of is not in a year aimed at
        assert expr.cover is not None
        if pub is not None and expr.cover(pub.year, expr.month or 1)[0] <= pub:
            return None
    if expr.max_ahead == MAX_CUMULATIVE_AHEAD and not named.written and not passages.frames(named):
        return None  # 县里去年建成……市场，1至8月交易额……: the latest running total, not the event's year
    year = named.one_year
    deadline = clean.startswith(tuple(calendar_words()["deadlines"]["after"]), expr.end)
    if (
        year is not None
        and deadline
        and named.granularity in _TIMELINE
        and passages.in_earlier_sentence(named, expr.start)
    ):
        assert expr.cover is not None
        try:
            if expr.cover(year, expr.month or 1)[1] < named.first:
                return year + 1  # 2023年10月……。协议：于3月底前改造: a deadline set then falls after it
        except ValueError:  # 2月29日 in a common year
            pass
    return year


def _quoted_before(named: Named, at: int, clean: str) -> bool:
    """``named`` stands in a quoted speech closed before ``at`` (“1929年……送来了曙光。”8月8日，……):
    a year the speaker tells of, not the one the story below the quote is told in."""
    opened = _quote_open_before(clean, named.start)
    if opened is None:
        return False
    closed = [i for i in (clean.find(mark, named.end, at) for mark in calendar_words()["quotes"]["close"]) if i >= 0]
    return bool(closed) and any(stop in clean[opened : min(closed)] for stop in SENTENCE_ENDS)


def _aimed_at_now(expr: Expr, named: Named, passages: Passages, clean: str) -> bool:
    """The year-less date is aimed at (:func:`is_target`) in a sentence after the paragraph's
    date ``named`` that speaks at the article's time (下一步, 表示): a plan of now, not of that year."""
    if not _aimed_at(expr, passages, clean) or not passages.in_earlier_sentence(named, expr.start):
        return False
    sentence_start = max(clean.rfind(c, 0, expr.start) for c in SENTENCE_ENDS) + 1
    return any(word in clean[sentence_start : expr.start] for word in calendar_words()["year_part_targets"]["now"])


def _told_of_unended(expr: Expr, pub: date, passages: Passages, clean: str) -> bool:
    """The year-less part is told of, not aimed at, and this year's has not ended by ``pub``:
    so it cannot be this year's result."""
    assert expr.cover is not None
    return not _aimed_at(expr, passages, clean) and expr.cover(pub.year, expr.month or 1)[1] >= pub


def _name_reviewed_year(expr: Expr, passages: Passages, pub: date | None, clean: str) -> None:
    """过去一年 in an article of the year's first months names last year for the passages after it;
    全年 told of there (not aimed at, in no paragraph of another year) for its sentence's 上年.
    Under the title of a report on an earlier year, whenever it was posted, 全年 told of names the
    report's year for its sentence's 上年 (按2020年第七次人口普查口径……，全年出生人口比上年下降)."""
    reviewed = calendar_words()["reviewed_year"]
    weak = clean.startswith(tuple(reviewed["weak_words"]), expr.start)
    report = _earlier_report_year(passages, expr.start, pub) if weak else None
    if report is not None:
        if not sentence_aims(clean, expr.start, expr.end):
            first, last = date(report, 1, 1), date(report, 12, 31)
            passages.add(Named(expr.start, expr.end, first, last, "year", comparison=False, stated=True, weak=True))
        return
    if pub is None or pub.month > reviewed["until_month"]:
        return
    if weak:
        # A dateline's day (3月20日，……公布：全年……) is when it was told, not the year told of.
        told = passages.paragraph_date(expr.start)
        other_year = told is not None and told.granularity not in ("day", "xun") and told.one_year != pub.year - 1
        # Under 二、2024年工作安排, or in a sentence of targets (全年……预期增长6%): this year's;
        # under a report's title on another year (a 2019 bulletin posted in 2021), or after the
        # article last stated another year (2015年……全年 on a page of 2023): that year's.
        heading = _heading_year(passages, expr.start, pub, target=True)
        stated = passages.stated_year(expr.start)
        other_year = other_year or heading not in (None, pub.year - 1) or stated not in (None, pub.year - 1)
        if other_year or sentence_aims(clean, expr.start, expr.end):
            return
    first, last = date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31)
    passages.add(Named(expr.start, expr.end, first, last, "year", comparison=False, stated=True, weak=weak))


def _last_years_paragraphs(exprs: list[Expr], passages: Passages, pub: date | None, clean: str) -> frozenset[int]:
    """The paragraphs that name, without its year, a date that can only be last year's: a
    running total or a cut-off after the article's month (1-11月, 截至11月底 in a March article),
    or a December in a January article (12月28日): so the paragraph was written last year. (A
    plain month ahead may be a plan: 10月，全县将举办…… in January.)"""
    if pub is None:
        return frozenset()
    past = calendar_words()["as_of"]["past"]
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
            or (e.max_ahead == MAX_CUMULATIVE_AHEAD and e.rule_month - pub.month > e.max_ahead)
            or (e.rule_month > pub.month and after_cut_off(clean, e.start, past))
        )
    )


def _since_earlier_year(expr: Expr, first: date, pub: date | None, clean: str) -> bool:
    """``expr``, beginning on ``first``, opens a span running up to the article's date from an
    earlier year (2022年以来, 去年以来: calendar.toml since), or up to a time unknown without the
    article's date: it states no year the story reports on, and gives none to the year-less parts
    after it (扭转了2018年第四季度以来……的局面，从上半年开始: the report's year, not 2018's)."""
    return (pub is None or first.year < pub.year) and clean.startswith(_since_words(), expr.end)


@cache
def _since_words() -> tuple[str, ...]:
    return tuple(calendar_words()["since"]["words"])


@cache
def _report_own_years() -> tuple[str, ...]:
    return tuple(calendar_words()["headings"]["report_own_years"])


def _entry_aims(expr: Expr, passages: Passages, clean: str) -> bool:
    """The day ``expr`` is aimed at, or a word of the future follows it in its clause (6月5日，支部将……)."""
    return expr.kind == "day" and (_aimed_at(expr, passages, clean) or clause_aims(clean, expr.end))


def _year_less_days(exprs: list[Expr]) -> Iterator[tuple[int, int, int]]:
    """The days written with their month but not their year (1月5日), as (clean start, month, day):
    the entries a chronicle may list."""
    for e in exprs:
        if (
            e.kind == "day"
            and e.month is not None
            and e.year is None
            and e.year_offset is None
            and e.fixed is None
            and not e.anchor
            and e.cover is not None
        ):
            try:
                first = e.cover(2000, e.month)[0]  # 2000 has every day a month may have
            except ValueError:  # 4月31日
                continue
            yield e.start, e.month, first.day


def _written_last_year(expr: Expr, paragraphs: frozenset[int], passages: Passages, clean: str) -> bool:
    """A standalone 今年 told of (not aimed at) in one of ``paragraphs``: written last year
    (今年以来，……截至11月底 on a page dated March), it means last year, against the word; no
    record, and no year for the paragraph, rather than either guess (unless a title names the
    year the text reports on: :func:`_reports_year`)."""
    return (
        bool(paragraphs)
        and expr.rule == "ryear"
        and expr.year_offset == 0
        and expr.takes == "month"
        and not expr.anchor
        and passages.paragraph_of(expr.start) in paragraphs
        and not _aimed_at(expr, passages, clean)
    )


def _says_this_year_under_last_years_section(expr: Expr, passages: Passages, pub: date | None, clean: str) -> bool:
    """今年以来 (this year so far) under a numbered section titled with last year, in an article
    of the year's first weeks (一、2024年工作开展情况 / 今年以来，…… posted on 6 January 2025): a
    year's summary written in its last days and posted after New Year, whose 今年 and 明年 are its
    own. (A plan's 今年主要预期目标 under 一、2015年工作回顾 in a February report is this year's.)
    It holds for its section and the sections after it up to one titled with a year
    (:meth:`Passages.section_end`: 二、今年以来工作开展情况 is written at the article's date)."""
    words = calendar_words()["written_at_year_end"]
    return (
        pub is not None
        and pub.month <= words["until_month"]
        and expr.rule == "ryear"
        and expr.year_offset == 0
        and not expr.anchor
        and clean.startswith(tuple(words["after"]), expr.end)
        and passages.section_year(expr.start) == pub.year - 1
    )


def _written_on(doc: Document, ctx: ArticleContext) -> date | None:
    """The date relative dates are read against: the article's, or the date of an earlier year the
    text states for itself (a story of 29 December a portal republished on 9 January: its 今年
    and 明年 are the story's)."""
    pub = ctx.pub_date
    if pub is None or ctx.pub_date_source != "given":
        return pub
    written = stated_date(doc)
    # Only another year changes what 今年 means; within the year the page's date stands (2018年至今
    # ends on it, as the spec has it).
    return written if written is not None and written.year < pub.year else pub


def _column_line(doc: Document, expr: Expr) -> bool:
    """A day word opening a column's name that ends its line or a space ends (今日关注 / 县委召开……,
    今日推荐 临县红枣): no day; the clean view removes both, so the productions cannot see that end."""
    clean = doc.clean
    columns = column_words(clean[expr.start : expr.end])
    if not clean.startswith(columns, expr.end):
        return False  # one test of the whole tuple: most expressions are no day word, or no column follows
    return any(
        clean.startswith(word, expr.end)
        and (doc.line_starts_at(expr.end + len(word)) or doc.joined_at(expr.end + len(word)))
        for word in columns
    )


def find(doc: Document, ctx: ArticleContext) -> list[Candidate]:
    """Every date expression of the article, resolved, with the rules that made it (``date.year+month``)."""
    clean = doc.clean
    pub = article_pub = _written_on(doc, ctx)
    year_end_section_ends: int | None = None
    passages = Passages(clean, doc.line_breaks)
    exprs = [e for e in _compose(pieces(clean), doc, passages) if not _column_line(doc, e)]
    records: list[Candidate] = []
    passages.count_comparisons(sum(e.anchor == "sentence" and is_comparison_base(clean, e.start, e.end) for e in exprs))
    statistical = passages.statistical
    for expr in exprs:
        if expr.rule == "yrange" and expr.fixed is not None:
            passages.chart(expr.start, expr.fixed[1])
        elif statistical and expr.rule == "year" and expr.year is not None:
            passages.table_title(expr.start, expr.end, expr.year)
    if passages.chronicled():
        passages.list_days(_year_less_days(exprs), (e.start for e in exprs if _entry_aims(e, passages, clean)))
    last_years = _last_years_paragraphs(exprs, passages, pub, clean)
    story_year = _story_year(exprs, pub)
    filed = filed_day(doc, pub) if pub is not None else None
    i = 0
    previous: Expr | None = None  # the last expression read, as its passage placed it
    previous_relative = False
    lunar_markers = tuple(calendar_words()["lunar_markers"]["words"])
    link_labels = tuple(calendar_words()["links"]["labels"])
    past_words = tuple(calendar_words()["as_of"]["past"])
    while i < len(exprs):
        expr = exprs[i]
        if clean.endswith(lunar_markers, 0, expr.start):
            i += 1
            continue  # 农历八月十五 is no day of August
        if expr.marker:
            i += 1
            _name_reviewed_year(expr, passages, pub, clean)
            continue
        if _written_last_year(expr, last_years, passages, clean) and _reports_year(expr, passages, pub, clean) is None:
            i += 1
            continue
        if year_end_section_ends is not None and expr.start >= year_end_section_ends:
            pub, year_end_section_ends = article_pub, None
        if _says_this_year_under_last_years_section(expr, passages, pub, clean):
            assert pub is not None
            # Written in last year's last days: read the rest of its section against them.
            years_at = (e.start for e in exprs[i + 1 :] if e.rule.split("+")[0] in _YEAR_RULES)
            pub, year_end_section_ends = date(pub.year - 1, 12, 31), passages.section_end(expr.start, years_at)
        # 比上年, 较2019年: the base of a comparison gives no passage its year.
        comparison = bool(expr.anchor in ("sentence", "comparison")) or is_comparison_base(clean, expr.start, expr.end)
        # 2019年, and 今年/去年 standing alone, name the year a passage reports on.
        written = expr.year is not None or expr.fixed is not None
        stated = written or (expr.rule == "ryear" and not comparison)
        # 3月10日, 昨天: no year written or read against another date (同年, 去年3月).
        unyeared = not written and expr.year_offset is None and not expr.anchor
        # kept by _compose for a range only, or as a lone lunar day (除夕)
        lone_holiday = unyeared and expr.kind == "holiday" and not _lone_lunar_day(expr, clean)
        anchored = bool(expr.anchor)
        listed = _listed_day(previous, expr, clean)
        if listed is not None:
            expr, anchored = listed, previous_relative  # read as the day it follows in the list
        elif anchored:
            found = _anchored(expr, passages, pub, clean)
            if found is None:
                i += 1
                continue
            expr = found
        else:
            in_passage = (
                _spoken_then(expr, passages, pub, clean)
                or _filed_then(expr, filed)
                or _frames_section(expr, passages, pub)
                or _reports_year(expr, passages, pub, clean)
                or _told_years_before(expr, passages, story_year)
                or _after_named_period(expr, passages)
                or _in_passage_year(expr, passages, pub, clean)
            )
            anchored = in_passage is not expr
            expr = in_passage
        previous = expr
        resolved = _resolve(expr, pub)
        if resolved is not None:
            joined = _joined_range(expr, resolved, exprs[i + 1] if i + 1 < len(exprs) else None, clean, pub)
            if joined is not None:
                expr, resolved = joined
                i += 1
            elif lone_holiday:
                resolved = None  # a holiday kept for a range it does not open (春节 alone is no date)
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
            ahead = first > pub if pub is not None else _aimed_at(expr, passages, clean)
            told = unyeared and granularity in ("day", "xun") and pub is not None and first.year == pub.year
            since = stated and _since_earlier_year(expr, first, pub, clean)
            if pub is None and written and first.year == last.year and after_cut_off(clean, expr.start, past_words):
                passages.cutoff_year = first.year  # read only without the article's date
            passages.add(
                Named(
                    expr.start,
                    expr.end,
                    first,
                    last,
                    granularity,
                    comparison,
                    stated and not since,
                    weak=since,
                    ahead=ahead,
                    written=written,
                    told=told,
                )
            )
        relative = relative or anchored
        previous_relative = relative
        if relative and passages.links_at(expr.start, link_labels):
            continue  # 下一篇：今年一季度…… is read against the linked article's date, unknown here
        start, end, text = doc.span(expr.start, expr.end)
        record = validated(
            DateRecord,
            {
                "doc_id": ctx.doc_id,
                "start": start,
                "end": end,
                "text": text,
                "start_date": first,
                "end_date": last,
                "granularity": granularity,
                "relative": relative,
                "as_of": _as_of(clean, expr.start, None if granularity in ("decade", "period") else expr.end),
            },
        )
        records.append(Candidate(record, f"date.{expr.rule}"))
    return records
