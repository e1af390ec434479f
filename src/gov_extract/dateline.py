"""The article's own date: read off its dateline, a labelled date or a date at its top.

This module owns :func:`infer_pub_date`, which the context module calls when the
caller gives no ``pub_date``: a full date with a weekday after it, a labelled
date (发布时间：2023-06-26), a dateline date ending in 讯, or a full date at the very
top of the article — but not one that opens a story of its own past (``2008年5月12日，
汶川特大地震……2010年底，新映秀基本建成``: a later year told of, not aimed at, makes it an
event). It also owns the span of years any date may name, and reads the dateline after the name
of who filed a story (:func:`dateline_after`: 新华社贵阳3月5日电, 湖南日报讯) for the places layer.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import NamedTuple

import regex

from .date_numerals import (
    DAY,
    DAY_ARABIC,
    DAY_TWO_DIGITS,
    MAX_YEAR,
    MIN_YEAR,
    MONTH,
    MONTH_ARABIC,
    MONTH_TWO_DIGITS,
    YEAR4,
    read_year,
)
from .numbers import read_int
from .resources import alternation, read_toml
from .text import CJK, Document, is_han

# A full date alone counts as the article's date only this near the top.
_TOP_CHARS = 120
# A full date's year and first separator: a page's top without one states no date of its own.
_TOP_DATE = regex.compile(r"\d{4}[年\-/.]")
# What follows a stamp's date: a space or a clock time (2023-12-29 08:40).
_STAMP_END = regex.compile(r"\s|\d{1,2}:\d{2}")
# Brackets a stamp line may put around its date: (2018年4月16日).
_OPENING_BRACKETS = " （(【["
_CLOSING_BRACKETS = " ）)】]"
# A top date followed by one of these opens a sentence: an event, which may be long past.
_CLAUSE_MARKS = "，,、"
# A dateline without its year stands this near the top.
_DATELINE_CHARS = 200


@cache
def _pub_re() -> regex.Pattern[str]:
    calendar = read_toml("calendar.toml")
    weekdays = alternation(calendar["weekdays"]["words"])
    full = (
        rf"(?P<date>(?<!\d)(?P<y>\d{{4}})(?:年(?P<m>{MONTH_ARABIC})月(?P<d>{DAY_ARABIC})日"
        rf"|(?P<sep>[\-/.])(?P<m>{MONTH_ARABIC})(?P=sep)(?P<d>{DAY_ARABIC})(?!\d)))"
    )
    # A labelled field may run the year, month and day together (发布时间：20221228).
    compact = rf"(?P<date>(?<!\d)(?P<y>(?:19|20)\d{{2}})(?P<m>{MONTH_TWO_DIGITS})(?P<d>{DAY_TWO_DIGITS})(?!\d))"
    labels = calendar["publication_labels"]
    label = rf"(?:{alternation(labels['words'])}|{regex.escape(labels['source'])}[^\n:]{{0,30}}?)[:：]"
    return regex.compile(rf"{label}(?:{full}|{compact})|{full}(?=(?:{weekdays})|讯)|(?P<top>{full})")


@cache
def _later_year_re() -> regex.Pattern[str]:
    """A year written out (2010年), unless aimed at (到2025年, 力争2027年, 2030年前)."""
    targets = read_toml("calendar.toml")["year_part_targets"]
    before = "".join(f"(?<!{regex.escape(word)})" for word in targets["before"])
    return regex.compile(rf"{before}(?<!\d)(?P<y>\d{{4}})年(?!{alternation(targets['after'])})")


def _opens_a_past_story(doc: Document, m: regex.Match[str]) -> bool:
    """The top date opens a sentence (2008年5月12日，……) or stands inside one (被告许某于2011年1月8日
    因……借款) and the text later tells of a later year."""
    clean = doc.clean
    if not clean.startswith(tuple(_CLAUSE_MARKS), m.end()) and not _inside_a_clause(doc, m):
        return False
    year = int(m["y"])
    return any(year < int(later["y"]) <= MAX_YEAR for later in _later_year_re().finditer(clean, m.end()))


@cache
def _not_page_labels() -> tuple[str, ...]:
    """采集时间：, 今天是： … the labels of stamps and clocks that are no date of the article."""
    words = read_toml("calendar.toml")["publication_labels"]["not_page_dates"]
    return tuple(word + colon for word in words for colon in ("", ":", "："))


def stated_date(doc: Document) -> date | None:
    """The date the top of the text states for itself: a source line's stamp (``【来源：安顺日报】
    2023-12-29 08:40``), a labelled date or a dateline, not a date opening its first sentence
    (an event's). A story a portal republished days or years later was written on it."""
    clean = doc.clean
    top = _TOP_DATE.search(clean, 0, _TOP_CHARS) is not None  # most pages: no full date at the top
    for m in _pub_re().finditer(clean, 0, _TOP_CHARS if top else 0):
        # A bare date at the top is a stamp when its line, a space or a clock time follows it, on a
        # source line (【来源：安顺日报】 2023-12-29 08:40), not in a list of dated links.
        stamp = (
            not m["top"]
            or (
                (m.end() in doc.line_breaks or _STAMP_END.match(clean, m.end()) is not None)
                and _on_source_line(doc, m.start())
            )
            or _signed_or_sourced(doc, m)
        )
        if not stamp or clean.endswith(_not_page_labels(), 0, m.start("date")):
            continue
        try:
            found = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            continue
        if MIN_YEAR <= found.year <= MAX_YEAR:
            return found
    closing = _closing_date(doc)
    return None if closing is None else closing[0]


@cache
def _label_words(key: str) -> tuple[str, ...]:
    """A word list of calendar.toml [publication_labels], read once."""
    return tuple(read_toml("calendar.toml")["publication_labels"][key])


def _on_source_line(doc: Document, at: int) -> bool:
    """The line holding clean offset ``at`` names a source, an author or a posting (来源, 发布)."""
    clean = doc.clean
    start = doc.line_start(at)
    ends = [b for b in doc.line_breaks if b > at]
    end = min(min(ends, default=len(clean)), len(clean) if (nl := clean.find("\n", at)) < 0 else nl)
    return any(word in clean[start:end] for word in _label_words("source_line"))


def _signed_or_sourced(doc: Document, m: regex.Match[str]) -> bool:
    """The date ``m`` (and a clock time, maybe in brackets) is its line, next to a line ending
    with an issuer (国家统计局某某调查队 / 2014年3月17日; (2016年10月19日) / 国家统计局) or
    above a source line (来源：东北网)."""
    clean = doc.clean
    start = doc.line_start(m.start())
    end = doc.line_text_end(m.start(), len(clean))
    if clean[start : m.start()].strip(_OPENING_BRACKETS) or _STAMP_END.sub("", clean[m.end() : end]).strip(
        _CLOSING_BRACKETS
    ):
        return False
    issuers = _label_words("issuer_line_ends")
    if start > 0 and clean[doc.line_start(start - 1) : start].rstrip().endswith(issuers):
        return True
    below = end + 1 if clean.startswith("\n", end) else end
    if below >= len(clean):
        return False
    return _on_source_line(doc, below) or clean[below : doc.line_text_end(below, len(clean))].rstrip().endswith(issuers)


# A line that is only a date, maybe in brackets: the date a speech or a notice closes with.
_CLOSING_LINE = regex.compile(rf"[（(【\[]?(?P<y>{YEAR4})年(?P<m>{MONTH})月(?P<d>{DAY})日[）)】\]]?")


_CLOSING_ENDS = ("日", "日）", "日)", "日】", "日]")


def _closing_date(doc: Document) -> tuple[date, tuple[int, int]] | None:
    """The date on the text's last line when the line is only that date (（2023年12月26日）,
    二〇二三年十二月二十六日 under a notice's signature), and its clean span."""
    clean = doc.clean
    end = len(clean)
    while end and clean[end - 1].isspace():
        end -= 1
    if not clean.endswith(_CLOSING_ENDS, 0, end):
        return None  # most texts: the last line is no date
    start = doc.line_start(end - 1)
    m = _CLOSING_LINE.fullmatch(clean, start, end)
    if m is None:
        return None
    year = read_year(m["y"])
    if year is None:
        return None
    try:
        found = date(year, read_int(m["m"]) or 0, read_int(m["d"]) or 0)
    except ValueError:  # 2月30日
        return None
    return found, (m.start("y"), m.end())


@cache
def _yearless_dateline_re() -> regex.Pattern[str]:
    labels = read_toml("calendar.toml")["publication_labels"]
    ends = alternation(labels["dateline_ends"])
    not_before = regex.escape(labels["dateline_ends_not_before"])
    return regex.compile(rf"(?<![\d年/.\-])(?P<m>{MONTH_ARABIC})月(?P<d>{DAY_ARABIC})日(?:{ends})(?![{not_before}])")


# The longest place name read between an agency's name and its dateline's day (新华社[乌鲁木齐]…电).
_FILING_PLACE = 6


class FiledDateline(NamedTuple):
    """The dateline after the name of the agency or paper that filed a story: where it ends (after
    its 电 or 讯), and the span of the place it was filed from (新华社贵阳3月5日电: 贵阳), if it names one."""

    end: int
    place: tuple[int, int] | None


@cache
def _filed_dateline_re() -> regex.Pattern[str]:
    labels = read_toml("calendar.toml")["publication_labels"]
    day = rf"{MONTH}月{DAY}日"
    return regex.compile(
        rf"(?P<place>[{CJK}]{{0,{_FILING_PLACE}}}?){day}{regex.escape(labels['filed_end'])}"
        rf"|(?:{day})?{regex.escape(labels['paper_end'])}"
    )


def dateline_after(clean: str, at: int) -> FiledDateline | None:
    """The dateline right after the name of an agency or a paper ending at clean offset ``at``: a
    place, if any, and a day in either numerals before 电 (新华社[贵阳]3月5日电, 新华社北京三月五日电), or a
    day, if any, before 讯 (湖南日报[3月5日]讯); else None."""
    m = _filed_dateline_re().match(clean, at)
    if m is None:
        return None
    return FiledDateline(m.end(), m.span("place") if m["place"] else None)


_CLAUSE_PUNCTUATION = frozenset("，,。：:；;、！!？?")
# What a sentence opening on a date may follow on its line: 。“……顺利竣工。”6月23日，
_OPENS_SENTENCE = frozenset("。！？!?”\n")


def _opens_line(clean: str, m: regex.Match[str]) -> bool:
    """No clause stands before the dateline ``m`` on its line (新华社南宁9月12日电, not 记者获悉，
    9月12日电)."""
    line = clean[clean.rfind("\n", 0, m.start()) + 1 : m.start()]
    return not any(c in _CLAUSE_PUNCTUATION for c in line)


def _archive_caption(clean: str, m: regex.Match[str]) -> bool:
    """The top date ``m`` is an archive picture's (资料照片（2015年6月1日摄）)."""
    words = _label_words("archive_captions")
    return clean.endswith(tuple(word + opening for word in words for opening in ("", "（", "(")), 0, m.start())


def _dateline_day(clean: str, found: date) -> tuple[date, tuple[int, int]] | None:
    """The day of a dateline without its year near the top (新华社贵阳6月8日电) in the year of
    ``found``, a full date read off the page's top (a caption's 2018年1月15日摄), when it falls
    on or after it: the story was filed then, after what its pictures show."""
    m = next((m for m in _yearless_dateline_re().finditer(clean, 0, _DATELINE_CHARS) if _opens_line(clean, m)), None)
    if m is None:
        return None
    try:
        day = date(found.year, int(m["m"]), int(m["d"]))
    except ValueError:  # 2月29日 in a common year
        return None
    return (day, m.span("m")[:1] + m.span("d")[1:]) if day > found else None


# How many days a story's dateline may stand before the page's date (a paper prints the next day).
_FILED_DAYS_BEFORE = 3


def filed_day(doc: Document, pub: date) -> date | None:
    """The day of a dateline without its year opening a line near the top (吉林日报4月29日讯) a few
    days before ``pub``, the page's date: the day the story was filed, which its 今天 and 昨天 mean."""
    clean = doc.clean
    m = next(
        (
            m
            for m in _yearless_dateline_re().finditer(clean, 0, _DATELINE_CHARS)
            if _CLAUSE_PUNCTUATION.isdisjoint(clean[doc.line_start(m.start()) : m.start()])
        ),
        None,
    )
    if m is None:
        return None
    for year in (pub.year, pub.year - 1):  # 12月31日电 on a page of 1 January
        try:
            day = date(year, int(m["m"]), int(m["d"]))
        except ValueError:  # 2月29日 in a common year
            continue
        if 0 < (pub - day).days <= _FILED_DAYS_BEFORE:
            return day
    return None


def _birth_date(clean: str, m: regex.Match[str]) -> bool:
    """The top date ``m`` is a person's birth (原告：汪某，男，1953年9月13日出生; 1962年3月5日生，;
    生于1962年3月5日): the birth word closes its clause, or a party's or a profile's line (男，汉族，
    籍贯) holds it; not 2024年1月1日出生的首个宝宝 (a newborn story)."""
    start, end = m.start("date"), m.end("date")
    alone = _label_words("birth_after_alone")
    if clean.startswith(_label_words("birth_after"), end):
        stop = end + next(len(word) for word in _label_words("birth_after") if clean.startswith(word, end))
    elif clean.startswith(alone, end) and not is_han(clean[end + len(alone) : end + len(alone) + 1]):
        stop = end + len(alone)
    elif clean.endswith(_label_words("birth_before"), 0, start):
        stop = end
    else:
        return False
    if stop >= len(clean) or clean.startswith(_label_words("birth_closers"), stop):
        return True
    line_start = max(clean.rfind("\n", 0, start), clean.rfind("。", 0, start)) + 1
    line_end = min((at for at in (clean.find("\n", stop), clean.find("。", stop)) if at >= 0), default=len(clean))
    return any(word in clean[line_start:line_end] for word in _label_words("birth_line_words"))


def _inside_a_clause(doc: Document, m: regex.Match[str]) -> bool:
    """The top date ``m`` goes on a clause begun before it whose subject is a court document's party
    (经审理查明，被告许某于2011年1月8日因……) with no space or line break between, on no source line
    (发布于2018-12-27); not an ordinary page's opening (县委于2023年3月5日召开常委会)."""
    at = m.start("date")
    clean = doc.clean
    if not is_han(clean[at - 1 : at]) or doc.joined_at(at) or _on_source_line(doc, at):
        return False
    marks = max(clean.rfind(mark, 0, at) for mark in (*_CLAUSE_MARKS, "。", "；", "：", ":")) + 1
    clause = max(marks, doc.line_start(at))
    return clean.startswith(_label_words("clause_parties"), clause)


def infer_pub_date(doc: Document) -> tuple[date, tuple[int, int]] | None:
    """The article's own date (dateline, 发布时间, else the date its last line is) and its span in
    the original, if it states one; not a crawl or print stamp (采集时间：)."""
    for m in _pub_re().finditer(doc.clean):
        if m["top"] and (
            m.start() > _TOP_CHARS
            or _opens_a_past_story(doc, m)
            or _archive_caption(doc.clean, m)
            or _birth_date(doc.clean, m)
        ):
            continue
        if doc.clean.endswith(_not_page_labels(), 0, m.start("date")):
            continue
        year = int(m["y"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            continue
        try:
            found = date(year, int(m["m"]), int(m["d"]))
        except ValueError:
            continue
        dateline = _dateline_day(doc.clean, found) if m["top"] else None
        if dateline is not None:
            found, span = dateline
        else:
            span = m.span("date")
        start, end, _text = doc.span(*span)
        return found, (start, end)
    closing = _closing_date(doc) or _opening_day_in_year(doc.clean)
    if closing is None:
        return None
    start, end, _text = doc.span(*closing[1])
    return closing[0], (start, end)


# A year-less day opening a sentence near the top, then a comma: 3月11日，我县举行……
_OPENING_DAY = regex.compile(rf"(?<![\d年/.\-])(?P<m>{MONTH_ARABIC})月(?P<d>{DAY_ARABIC})日[，,]")
# A year-less day in these first months may be a review of the year before (召开2020年度总结大会).
_REVIEW_MONTHS = 6
# From this month on, events named with a year are often the next year's (12月28日，召开2024年经济工作会议;
# 11月20日，举行2024年元旦春节送温暖活动): the named year does not date the day.
_NEXT_YEAR_MONTHS = 11
_SENTENCE_STOPS = regex.compile(r"[。！？!?\n]")
_CLAUSE_STOPS = regex.compile(r"[，,；;]")


@cache
def _held_year_re() -> regex.Pattern[str]:
    """A year right after a word holding an event: 举行2020年第一批……仪式."""
    holders = alternation(_label_words("opening_day_holders"))
    return regex.compile(rf"(?:{holders})(?P<y>\d{{4}})年")


def _opening_day_in_year(clean: str) -> tuple[date, tuple[int, int]] | None:
    """A page stating no date of its own whose first sentence opens on a year-less day and holds
    an event named with its year (3月11日，我县举行2020年第一批重点项目集中开工仪式。): the story's
    day in that year, the day it was written; not a year told of (3月26日，……总结2023年工作), nor a day of
    the year's last two months, when next year's events are held (12月28日，召开2024年经济工作会议)."""
    m = _OPENING_DAY.search(clean, 0, _DATELINE_CHARS)
    if m is None or (m.start() and clean[m.start() - 1] not in _OPENS_SENTENCE and not _opens_line(clean, m)):
        return None
    stop = _SENTENCE_STOPS.search(clean, m.end())
    end = stop.start() if stop else len(clean)
    year = _held_year_re().search(clean, m.end(), end)
    if year is None or not MIN_YEAR <= int(year["y"]) <= MAX_YEAR or int(m["m"]) >= _NEXT_YEAR_MONTHS:
        return None
    clause = _CLAUSE_STOPS.split(clean[year.end() - 1 : end], 1)[0]  # from 年: 2022年度
    if int(m["m"]) <= _REVIEW_MONTHS and any(word in clause for word in _label_words("opening_day_reviews")):
        return None
    if any(word in clause for word in _label_words("opening_day_plans")):
        return None
    try:
        day = date(int(year["y"]), int(m["m"]), int(m["d"]))
    except ValueError:  # 2月29日 in a common year
        return None
    return day, (m.start(), m.end() - 1)
