"""The year a passage reports on: what 上年, 年末 and a year-less 一季度 are read against.

This module owns the bookkeeping of the dates an article has named so far, in reading order,
and the three places a passage's year may come from (:mod:`gov_extract.dates` asks them in
this order, then falls back to the article's date):

- its sentence: the last date named before, in the same sentence (2019年……比上年: 2018);
  a heading line is a sentence of its own;
- its paragraph: the last date that names one year, with no line break between
  (2023年，全市……。一季度……: 2023's first quarter);
- its heading: the nearest heading line above that names one year (the title
  ``某县2019年国民经济和社会发展统计公报``, a section ``一、2023年工作回顾``): every 上年
  and 年末 of the bulletin below reads against 2019, not the year it was published;
- for 上年 also the article's last stated year (:meth:`Passages.stated_year`), when it is the
  year before the article's: a story reviewing 2023 in 2024 compares with 2022.

A date that is the base of a comparison (比上年, 较2019年, 与2019年相比) is named, but never
gives its year to a passage: the four 上年 of ``2019年……比上年增长7.2%。其中，第一产业……比上年增长4.1%``
are all 2018, not 2018, 2017, 2016, 2015. The words live in ``patterns/calendar.toml``
(``[comparison]``, ``[headings]``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from itertools import pairwise
from operator import attrgetter
from typing import Any, NamedTuple

import regex

from .records import Granularity
from .resources import alternation, read_toml

SENTENCE_ENDS = frozenset("。！？!?")
# A section's number at the start of a line: 二、, （三）, 第一部分.
_SECTION_NUMBER = regex.compile(r"\s*(?:[（(]?[一二三四五六七八九十]{1,3}[）)、]|第[一二三四五六七八九十]{1,3}部分)")
_SECTION_NUMERALS = regex.compile(r"[一二三四五六七八九十]")
# 同年, 次日, 上年 look back at most this many characters for the date they are read against.
ANCHOR_REACH = 200
# A heading line (a title, 一、2023年工作回顾) is at most this long.
_HEADING_MAX_CHARS = 40
# A short clause that may lead into a sentence opening with 次年 or 当年 (据介绍，当年……): at most
# this many characters, then one of _CLAUSE_ENDS.
_LEAD_IN_CHARS = 5
_CLAUSE_ENDS = ("，", ",")
# What may stand right before a date that opens its clause.
CLAUSE_OPENERS = frozenset("。！？!?；;，,：:\n“”")
# A date this fine in an earlier sentence tells of an event, not of the year a report reports on.
_EVENT_GRANULARITIES = frozenset(("day", "xun", "month"))
# A list of links under a label (相关新闻：) is at most this many lines long.
_LINK_LIST_LINES = 10
_LABEL_MARKS = ":：【】[]〖〗 "
# A title wraps onto at most this many heading lines.
_TITLE_MAX_LINES = 3
# A page set in columns: at least this many lines of at least this many characters, with the
# median of those (the column's width) at most _HEADING_MAX_CHARS, and at least this share of
# all lines at least _COLUMN_FULL of that width.
_COLUMN_MIN_LINES = 5
_COLUMN_MIN_CHARS = 8
_COLUMN_SHARE = 0.5
_COLUMN_FULL = 0.8
# ... and at most this share of the long lines over this many times that width (a column has none;
# a short page of a few paragraphs between headings has several).
_COLUMN_OVER = 1.25
_COLUMN_OVER_SHARE = 0.1
# A heading naming one of these (2023年10月份, 2023年一季度, 2023年1-10月) titles a report on it.
_PARTS_OF_YEAR = frozenset(("month", "quarter", "half_year", "period"))
# What follows a year that frames an article's first sentence (2015年，面对……; 2022年是……).
_OPENING_FOLLOWERS = ("，", ",", "是")
# A year opening a line as the frame of its sentence (2025年，省政府……): under a headline, the year
# the headline's year-less parts are of.
_FRAMING_YEAR = regex.compile(rf"[ \t\u3000]*((?:19|20)\d{{2}})年(?=[{''.join(_OPENING_FOLLOWERS)}])")
# A wrapped line ending in one of these ends its paragraph too.
_PARAGRAPH_ENDS = frozenset("。！？!?”」』：:")
# A story's headline, subtitle and byline stand at most this many lines above its 本报讯 line.
_HEADLINE_LINES = 3
# A date this many days long or longer covers whole years (365 minus one: first to last day).
_YEAR_DAYS = 364
_named_start = attrgetter("start")  # the key that orders Passages.named
# What may stand before a chronicle's entry on its line: spaces and a bullet (◆1月5日).
_ENTRY_MARKS = " \t\r\n\u3000◆◇●○■□▲△★☆·•-—*"
# What parts a chronicle's entry day from its text (1月8日，县委……; 12月20日 镇人大……).
_ENTRY_GAPS = "，, \t\u3000"
# What may follow a chronicle's title word on its line: spaces and closing marks (《某县大事记》).
_TITLE_CLOSERS = " \t\r\n\u3000》」』”）)】"


@cache
def _words() -> dict[str, Any]:
    calendar = read_toml("calendar.toml")
    headings = calendar["headings"]
    return {
        "comparison": calendar["comparison"],
        "heading_stops": frozenset(headings["not_chars"]),
        "story_openers": tuple(headings["story_openers"]),
        "report_titles": tuple(headings["report_titles"]),
        "report_news": tuple(headings["report_news"]),
        "chronicle_titles": tuple(headings["chronicle_titles"]),
        "statistical_comparisons": calendar["statistical"]["comparisons"],
        "table_title_ends": calendar["statistical"]["table_title_ends"],
    }


@cache
def _first_chars(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word[0] for word in words)


@cache
def _chart_caption() -> regex.Pattern[str]:
    """What a chart's caption holds before its years: 图4：, 图表 2."""
    labels = read_toml("calendar.toml")["statistical"]["chart_labels"]
    return regex.compile(rf"\s*(?:{alternation(labels)})\s*\d{{1,2}}\s*[:：.、]?\s*")


class Named(NamedTuple):
    """A date record named so far: clean span, first and last day, and what it may anchor (a
    named tuple: one is made for every date record, in a third of a frozen dataclass's time)."""

    start: int
    end: int
    first: date
    last: date
    granularity: Granularity
    comparison: bool  # 比上年, 较2019年: the base of a comparison, not the year reported on
    stated: bool  # the year is named outright (2019年, 去年, 过去一年), not read against the passage
    # Names a year only for its own sentence's 上年 and the story's reviewed year, not for the
    # paragraph or a heading (全年 in an annual review).
    weak: bool = False
    # Not begun by the article's date (明年3月底前): aimed at, so it gives a paragraph's plans
    # their year, but no later 上年 the year reported on.
    ahead: bool = False
    # The year is written out (2019年, 过去一年): a heading naming it titles a bulletin or a
    # section; a news headline's 去年 or 今年 does not date the stories below it.
    written: bool = True
    # A day of the article's own year written without its year (3月10日, 昨天): when the story is
    # told, not the year it reports on, so it gives no 上年 and no year-less part its year
    # (3月10日，……全市生产总值比上年增长……年末……: last year's figures, not this year's).
    told: bool = False

    @property
    def one_year(self) -> int | None:
        """The one year the date lies in (2021年1-11月 names 2021; 2021年至2023年 none)."""
        return self.last.year if self.first.year == self.last.year else None

    @property
    def anchor_year(self) -> int:
        """The year 次年 and 上年 count from: the last of several whole years (2021年至2023年),
        else the first (1978年冬天 runs into 1979, but its 次年 is 1979)."""
        return self.last.year if (self.last - self.first).days >= _YEAR_DAYS else self.first.year


def _numbering_style(clean: str, line_start: int) -> str | None:
    """How the section heading at ``line_start`` is numbered, its numeral left out (``、`` for
    二、, ``（）`` for （三）, ``第部分`` for 第一部分), or None for a line with no section number."""
    m = _SECTION_NUMBER.match(clean, line_start)
    return None if m is None else _SECTION_NUMERALS.sub("", m.group().strip())


def is_comparison_base(clean: str, start: int, end: int) -> bool:
    """The date at ``[start, end)`` is what something is compared with: 比上年, 较2019年,
    与2019年相比, 同上年同期比, 与去年增长10%."""
    words = _words()["comparison"]
    before = clean[max(0, start - 2) : start]
    return (
        before.endswith(tuple(words["before"]))
        or clean.startswith(tuple(words["after"]), end)
        or (before.endswith(tuple(words["with_before"])) and _change_follows(clean, end, words["with_after"]))
    )


def _change_follows(clean: str, end: int, changes: list[str]) -> bool:
    """A word of change follows ``end`` as the predicate (与去年增长8.5%), not as a modifier
    (同去年增加的2000人一起: the 2000 added last year)."""
    for word in changes:
        if clean.startswith(word, end):
            return not clean.startswith("的", end + len(word))
    return False


def _hard_breaks(clean: str, breaks: list[int]) -> list[int]:
    """The line breaks that end a paragraph or a heading. A page set in columns (most lines about
    one width) wraps sentences at that width: a break after a full line that ends no sentence
    is a wrap, so ``2019年7月，村里的杂粮\n加工厂建成投产；8月3日`` stays one sentence."""
    lengths = [end - start for start, end in zip([0, *breaks], [*breaks, len(clean)], strict=True)]
    long_lines = sorted(n for n in lengths if n >= _COLUMN_MIN_CHARS)
    if len(long_lines) < _COLUMN_MIN_LINES:
        return breaks
    width = long_lines[len(long_lines) // 2]  # the median: a column's width
    if width > _HEADING_MAX_CHARS:
        return breaks  # paragraphs of running text, one per line (most pages)
    full = [n >= _COLUMN_FULL * width for n in lengths]
    over = sum(n > _COLUMN_OVER * width for n in lengths)
    if sum(full) < _COLUMN_SHARE * len(lengths) or over > _COLUMN_OVER_SHARE * len(long_lines):
        return breaks  # paragraphs of running text, one per line
    return [at for i, at in enumerate(breaks) if not full[i] or clean[at - 1] in _PARAGRAPH_ENDS]


class Passages:
    """The dates an article has named so far, and the year of the passage at any offset after them."""

    def __init__(self, clean: str, line_breaks: frozenset[int]) -> None:
        self._clean = clean
        self._breaks = _hard_breaks(clean, sorted(line_breaks))
        self._line_starts = [0, *self._breaks]
        self.named: list[Named] = []
        # (clean start, year, month) of each day with its year written that opens its line, in
        # reading order.
        self._entry_days: list[tuple[int, int, int]] = []
        self._unknown: list[int] = []  # where dates of unknown year end (去年 without the article's date)
        # (clean start of the line, the one year it names or None when it names two, whether it
        # titles a report: 统计公报, 2023年10月份……进展情况)
        self._headings: list[tuple[int, int | None, bool]] = []
        self._heading_lines: dict[int, bool] = {}  # line index -> whether it is a heading
        self._openers: list[int] | None = None
        # A statistical report (a bulletin, a review): calendar.toml [statistical]; see count_comparisons.
        self.statistical = False
        # The year a statistical report's charts end on (:meth:`chart`), when they agree.
        self.charted_year: int | None = None
        # The year of the last cut-off written with its year (截至2015年8月底): without the
        # article's date, the year of a later cut-off written without it (截至8月底).
        self.cutoff_year: int | None = None
        self._chart_ends: set[int] = set()
        self._chronicles: list[int] | None = None  # the heading lines titling a chronicle (大事记)
        # (clean start, month, day) of each day written without its year that opens its line.
        self._year_less_entries: list[tuple[int, int, int]] = []
        self._aimed_days: frozenset[int] = frozenset()  # starts of those days aimed at (6月20日前)
        self._entries_under: dict[int, list[tuple[int, int, int]]] = {}  # those entries by title line
        # The years the article's date gives a chronicle's year-less entries: by title line and date.
        self._entry_years: dict[tuple[int, date], tuple[list[int], list[int]]] = {}

    def count_comparisons(self, comparisons: int) -> None:
        """``comparisons``: how many times the article compares with 上年 (比上年, 与上年持平)."""
        self.statistical = comparisons >= _words()["statistical_comparisons"]

    def add(self, named: Named) -> None:
        """Record a date named at ``named.start``; a heading line that names one year gives it."""
        self.named.append(named)
        year = named.one_year
        line = bisect_right(self._line_starts, named.start) - 1
        line_start = self._line_starts[line]
        if (
            named.granularity == "day"
            and named.stated
            and named.written
            and year is not None
            and not self._clean[line_start : named.start].strip()
        ):
            # 2024年1月3日 opening a chronicle's entry
            self._entry_days.append((named.start, year, named.first.month))
        # 今年 titles a numbered section (二、今年工作安排), not a news headline (今年我县……).
        section = named.stated and _SECTION_NUMBER.match(self._clean, line_start) is not None
        if (
            year is None
            or not (named.stated and (named.written or section))
            or named.comparison
            or named.weak
            or named.granularity in ("day", "xun")
            or (named.granularity == "month" and self._ends_line(named.end))
        ):
            # A dateline (2020年3月25日) or a signature's month (湄潭县统计局 / 2013年4月) is when
            # the text was written, not what it reports on.
            return
        if self._headings and self._headings[-1][0] == line_start:
            if self._headings[-1][1] != year:  # 2015年工作总结和2016年工作打算: neither year alone
                self._headings[-1] = (line_start, None, self._headings[-1][2])
            return
        if self._is_heading(line):
            # A title naming a part of a year (关于2023年10月份民生实事进展情况的通报) reports on it,
            # written soon after; a caption or section under a report's title naming the report's
            # year (表1 2019年全市生产总值 under 某市2019年……统计公报) is part of that report.
            report = (
                self._titles_report(line)
                or named.granularity in _PARTS_OF_YEAR
                or any(year == y and titled for _, y, titled in self._headings)
            )
            self._headings.append((line_start, year, report))

    def chart(self, start: int, last: date) -> None:
        """Note a range of whole years starting at ``start`` and ending on ``last``: in a
        statistical report, one captioning a chart (图4：2017—2021年固定资产投资增长速度) ends on
        the year the report is on, a year an undated bulletin may never write out."""
        if not self.statistical or _chart_caption().fullmatch(self._clean, self.line_start(start), start) is None:
            return
        self._chart_ends.add(last.year)
        self.charted_year = last.year if len(self._chart_ends) == 1 else None

    def table_title(self, start: int, end: int, year: int) -> None:
        """Note one year at clean ``[start, end)`` of a statistical report (asked only of one): a
        year opening a heading line that ends in a table's title word (2022年全区生产总值及其增长速度:
        calendar.toml [statistical] table_title_ends) tables the year the report is on, as a
        chart's caption does."""
        line = bisect_right(self._line_starts, start) - 1
        line_end = self._line_end(line)
        if (
            self._clean[self._line_starts[line] : start].strip()
            or not self._clean[end:line_end].rstrip().endswith(tuple(_words()["table_title_ends"]))
            or not self._is_heading(line)
        ):
            return
        self._chart_ends.add(year)
        self.charted_year = year if len(self._chart_ends) == 1 else None

    def headline_year(self, at: int) -> int | None:
        """The year the line below the heading line holding ``at`` opens with as its sentence's
        frame (前三季度我市民生实事加快推进 / 2025年，省政府……): a headline's year-less part is of
        the year its story then reports on. None off a heading line, or with no such year."""
        line = bisect_right(self._line_starts, at) - 1
        if line + 1 >= len(self._line_starts) or not self._is_heading(line):
            return None
        m = _FRAMING_YEAR.match(self._clean, self._line_starts[line + 1])
        return None if m is None else int(m[1])

    def add_unknown(self, end: int) -> None:
        """Record a date ending at ``end`` whose year cannot be known (去年 without the article's date)."""
        self._unknown.append(end)

    def unknown_in_sentence(self, at: int, named: Named | None) -> bool:
        """A date of unknown year stands before ``at`` in its sentence, after ``named`` if given:
        what ``at`` is read against is unknown too."""
        after = named.end if named is not None else 0
        return any(after <= end <= at and self._sentence_ends(end, at) == 0 for end in reversed(self._unknown))

    def unknown_in_paragraph(self, at: int) -> bool:
        """A date of unknown year stands before ``at`` in its paragraph, after the last date
        that names one year there."""
        known = self.paragraph_date(at)
        after = known.end if known is not None else 0
        paragraph = bisect_right(self._breaks, at)
        return any(
            after <= end <= at and bisect_right(self._breaks, end) == paragraph for end in reversed(self._unknown)
        )

    def frames(self, named: Named) -> bool:
        """``named`` opens its clause or stands as one (去年，全县……; 2023年全县……), framing what
        follows, rather than telling when something in its clause happened (县里去年建成……)."""
        before = self._clean[named.start - 1] if named.start > 0 else "。"
        line_start = self._line_starts[bisect_right(self._line_starts, named.start) - 1] == named.start
        return line_start or before in CLAUSE_OPENERS or self._clean.startswith(_CLAUSE_ENDS, named.end)

    def _ends_line(self, at: int) -> bool:
        """Clean offset ``at`` ends its line (only spaces after it)."""
        line = bisect_right(self._line_starts, at - 1) - 1
        end = self._line_starts[line + 1] if line + 1 < len(self._line_starts) else len(self._clean)
        return not self._clean[at:end].split("\n", 1)[0].strip()

    def _titles_report(self, line: int, kind: str = "report_titles") -> bool:
        """Heading line ``line``, or the title it opens when wrapped onto the heading lines below
        it (``平遥县2014年国民经济和社会发展`` / ``统计公报``), names a report (统计公报, 工作报告),
        or the titles of ``kind`` (chronicle_titles: 大事记)."""
        last = line
        while last + 1 < len(self._line_starts) and last - line < _TITLE_MAX_LINES - 1 and self._is_heading(last + 1):
            last += 1
        end = self._line_starts[last + 1] if last + 1 < len(self._line_starts) else len(self._clean)
        title = self._clean[self._line_starts[line] : end]
        if kind == "report_titles" and any(word in title for word in _words()["report_news"]):
            return False  # 听取2023年度……情况报告: news of a meeting on the report, not the report
        return any(word in title for word in _words()[kind])

    def _is_heading(self, line: int) -> bool:
        """Line ``line`` (0 is the first) is a heading: short, with no sentence or clause punctuation."""
        known = self._heading_lines.get(line)
        if known is None:
            start = self._line_starts[line]
            end = self._line_starts[line + 1] if line + 1 < len(self._line_starts) else len(self._clean)
            text = self._clean[start:end]
            known = self._heading_lines[line] = len(text) <= _HEADING_MAX_CHARS and not _words()["heading_stops"] & set(
                text
            )
        return known

    def _sentence_ends(self, start: int, end: int) -> int:
        """How many sentences end in ``[start, end)``: at 。！？, and where a heading line ends."""
        # A date ending its line (a heading's 二〇一五年三月十八日) ends that line's sentence too.
        first_line = bisect_right(self._line_starts, max(0, start - 1)) - 1
        last_line = bisect_right(self._line_starts, end) - 1
        headings = sum(self._is_heading(line) for line in range(first_line, last_line))
        return headings + sum(self._clean.count(stop, start, end) for stop in SENTENCE_ENDS)

    def _reported_before(self, at: int, skip_told: bool = False) -> Iterator[Named]:
        """The dates named before ``at`` that may give their year, latest first; with
        ``skip_told`` not the days the story is told on (:attr:`Named.told`)."""
        return (n for n in reversed(self.named) if n.end <= at and not n.comparison and not (skip_told and n.told))

    def sentence_date(
        self, at: int, opens_after_one: bool = False, skip_told: bool = False, after_one: bool = False
    ) -> Named | None:
        """The last date before ``at`` in the same sentence, within reach; with ``opens_after_one``
        also in the sentence before when ``at`` opens its sentence (2021年，……。次年，……), maybe
        after a short lead-in clause (2020年……。据介绍，当年……); with ``after_one`` wherever ``at``
        stands in its sentence (2010年，……。改造于同年8月开工)."""
        opens = after_one or (opens_after_one and at > 0 and self._opens_sentence(at))
        for named in self._reported_before(at, skip_told):
            if at - named.end > ANCHOR_REACH:
                return None
            ends = self._sentence_ends(named.end, at)
            if ends == 0 or (ends == 1 and opens):
                return named
            return None
        return None

    def sentence_base_year(self, at: int) -> int | None:
        """The year of the last base of a comparison before ``at`` in its sentence that is a year
        read against the article's date (比去年同期; not 比年初, nor 较2015年, which may be a
        longer look back), within reach; else None."""
        for named in reversed(self.named):
            if named.end > at:
                continue
            if at - named.end > ANCHOR_REACH or self._sentence_ends(named.end, at):
                return None
            if named.comparison and named.granularity == "year" and not named.written:
                return named.one_year
        return None

    def sentence_holds(self, at: int, words: tuple[str, ...]) -> bool:
        """The sentence holding ``at`` (within its line) holds one of ``words``."""
        line = bisect_right(self._line_starts, at) - 1
        start = self._line_starts[line]
        end = self._line_starts[line + 1] if line + 1 < len(self._line_starts) else len(self._clean)
        start = max([start, *(self._clean.rfind(stop, start, at) + 1 for stop in SENTENCE_ENDS)])
        ends = [i for i in (self._clean.find(stop, at, end) for stop in SENTENCE_ENDS) if i >= 0]
        sentence = self._clean[start : min(ends, default=end)]
        return any(word in sentence for word in words)

    def _opens_sentence(self, at: int) -> bool:
        """``at`` opens its sentence, or follows only a short lead-in clause there (据介绍，)."""
        lead_in = self._clean[max(0, at - _LEAD_IN_CHARS - 1) : at]
        if not lead_in or lead_in[-1] in SENTENCE_ENDS:
            return True
        opened = max(lead_in.rfind(c) for c in SENTENCE_ENDS)
        clause = lead_in[opened + 1 : -1]
        return opened >= 0 and lead_in.endswith(_CLAUSE_ENDS) and not any(c in clause for c in _CLAUSE_ENDS)

    def paragraph_date(self, at: int, reported: bool = False, skip_told: bool = False) -> Named | None:
        """The last date before ``at`` in its paragraph (no line break between) that names one
        year, else None; with ``reported`` only one begun by the article's date."""
        paragraph = bisect_right(self._breaks, at)
        for named in self._reported_before(at, skip_told):
            if bisect_right(self._breaks, named.start) != paragraph:
                return None
            if named.one_year is not None and not named.weak and not (reported and named.ahead):
                return None if self._event_under_report(named, at) else named
        return None

    def previous_paragraph_day(self, at: int) -> Named | None:
        """The day with its year written out (2008年8月5日) that is the last date named before
        ``at``, when ``at`` opens its paragraph and that day stands in the paragraph just above:
        a story told in paragraphs (……2008年8月5日晚，……。／8月6日上午，……) runs on in its year."""
        paragraph = bisect_right(self._breaks, at)
        if paragraph == 0 or self._clean[self._breaks[paragraph - 1] : at].strip():
            return None
        named = next(self._reported_before(at), None)
        if (
            named is None
            or named.granularity != "day"
            or not (named.stated and named.written)
            or at - named.end > ANCHOR_REACH
            or bisect_right(self._breaks, named.start) != paragraph - 1
        ):
            return None
        return named

    def _event_under_report(self, named: Named, at: int) -> bool:
        """``named`` is an event's month or day (2018年12月，……被确定为……), or a year that frames
        no clause (按2020年第七次人口普查口径, 全县2022年的……), told a sentence or more before
        ``at`` under a report's title of another year: what ``at`` reports on is the report's
        year, not the event's (全年……比上年: the bulletin's year)."""
        if named.granularity not in _EVENT_GRANULARITIES and self.frames(named):
            return False
        heading = self.heading_year(at)
        return (
            heading is not None and heading[1] and heading[0] != named.one_year and self.in_earlier_sentence(named, at)
        )

    def links_at(self, at: int, labels: tuple[str, ...]) -> bool:
        """The line holding ``at`` links another article: it opens with one of ``labels``
        (上一篇：今年一季度……), or it stands in a list of short lines under a line that is a
        label alone (相关新闻： / 今年一季度兰考县农民收入增长6.8%)."""
        line = bisect_right(self._line_starts, at) - 1
        firsts = _first_chars(labels)
        for i in range(line, max(-1, line - _LINK_LIST_LINES - 1), -1):
            start = self._line_starts[i]
            end = self._line_starts[i + 1] if i + 1 < len(self._line_starts) else len(self._clean)
            heads = self._clean[start : start + 2]
            if (
                heads
                and (heads[0] in firsts or heads[-1] in firsts)
                and (
                    self._clean.startswith(labels, start) or self._clean.startswith(labels, start + 1)  # 【相关新闻】
                )
            ):
                short = end - start <= _HEADING_MAX_CHARS
                return i == line or (short and self._clean[start:end].strip(_LABEL_MARKS) in labels)
            if end - start > _HEADING_MAX_CHARS:
                return False
        return False

    def _line_end(self, line: int) -> int:
        """Where line ``line`` (0 is the first) ends: the next line's start, or the text's end."""
        return self._line_starts[line + 1] if line + 1 < len(self._line_starts) else len(self._clean)

    def line_start(self, at: int) -> int:
        """Where the line holding ``at`` starts (a wrapped column line continues the one above)."""
        return self._line_starts[bisect_right(self._line_starts, at) - 1]

    def paragraph_of(self, at: int) -> int:
        """The index of the paragraph holding ``at`` (0 is the first)."""
        return bisect_right(self._breaks, at)

    def paragraph_year(self, at: int, reported: bool = False, skip_told: bool = False) -> int | None:
        """The year the paragraph names before ``at`` (:meth:`paragraph_date`), else None."""
        named = self.paragraph_date(at, reported, skip_told)
        return None if named is None else named.one_year

    def in_earlier_sentence(self, named: Named, at: int) -> bool:
        """``named`` ends a sentence or more before ``at``."""
        return self._sentence_ends(named.end, at) > 0

    def stated_year(self, at: int) -> int | None:
        """The year of the last date before ``at`` that states one year and is no day (2023年，
        2023年1-11月; not a dateline's 2024年1月5日), anywhere in the article, else None."""
        for named in self._reported_before(at):
            if named.stated and named.one_year is not None and named.granularity not in ("day", "xun"):
                return named.one_year
        return None

    def opening_year(self) -> int | None:
        """The year the article opens with as the frame of its first sentence (2015年，面对……,
        2022年是……之年) when the article compares with 上年 again and again (:attr:`statistical`):
        what a report that opens so reports on, not a story's past (2016年，老李回到村里……). None
        when the article's first date is another, or does not open its line."""
        if not self.statistical:
            return None
        first = self.named[0] if self.named else None
        if first is None or not first.stated or not first.written or first.granularity != "year":
            return None
        year = first.one_year
        if (
            year is None
            or self._clean[self.line_start(first.start) : first.start].strip()
            or not self._clean.startswith(_OPENING_FOLLOWERS, first.end)
        ):
            return None
        return year

    def heading_year(self, at: int) -> tuple[int, bool] | None:
        """The year the nearest heading line above ``at`` names (a title, a section), and whether
        the heading titles a report (统计公报, 工作报告), else None; None too when another story
        has begun since: a line opening with 本报讯 after the one that opens the heading's own
        story (at most _HEADLINE_LINES lines below it)."""
        heading = self._nearest_heading(at)
        return None if heading is None else heading[1:]

    def titles_annual_report(self, at: int) -> bool:
        """The heading :meth:`heading_year` reads above ``at`` titles a report on a whole year
        (calendar.toml report_titles: 统计公报, 年度报告), written after that year ended; not a
        title naming a part of it (关于2022年11月份……的通报), written within it."""
        heading = self._nearest_heading(at)
        return heading is not None and self._titles_report(heading[0])

    def _nearest_heading(self, at: int) -> tuple[int, int, bool] | None:
        """(line, year, titles a report) of the heading :meth:`heading_year` reads above ``at``."""
        line = bisect_right(self._line_starts, at) - 1
        for heading_start, year, report in reversed(self._headings):
            heading_line = bisect_right(self._line_starts, heading_start) - 1
            if heading_line < line:
                if year is None or not self._same_story(heading_line, line):
                    return None
                return heading_line, year, report
        return None

    def _same_story(self, heading_line: int, line: int) -> bool:
        """No other story has begun between heading line ``heading_line`` and line ``line``: no
        line opening with 本报讯 after the one that opens the heading's own story (at most
        _HEADLINE_LINES lines below it)."""
        openers = self._story_openers()
        later = openers[bisect_right(openers, heading_line) :]
        if later and later[0] <= heading_line + _HEADLINE_LINES:
            later = later[1:]  # the heading's own story
        return not later or later[0] > line

    def chronicle_year(self, at: int, month: int | None, pub: date | None) -> int | None:
        """The year of the chronicle (大事记, 工作纪事) whose title stands above ``at``: the year-less
        days listed below it are that year's. Its year is the one its title names (2023年某县大事记),
        a heading below the title (大事记 / 2023年) or the lines under the title before its first
        entry (大事记 / 2023年，全县……); up to an entry opening with a day of another year written
        out (2024年1月3日 ……), whose year the entries after it take, and the next year from an entry
        whose month is before that day's (2022年12月28日 ……/1月2日: 2023). A date quoted inside an
        entry (县委传达2022年12月30日会议精神) changes no year. A chronicle that names no year is of
        the year the article's date ``pub`` gives its entries (:meth:`_dated_entries_year`)."""
        line = bisect_right(self._line_starts, at) - 1
        title = self._chronicle_title(line)
        if title is None:
            return None
        since, year = title, None
        heading = self.heading_year(at)
        if heading is not None:
            heading_line = next(
                k for k in (bisect_right(self._line_starts, h) - 1 for h, _, _ in reversed(self._headings)) if k < line
            )
            if heading_line >= title or self._titles_report(heading_line, "chronicle_titles"):
                since, year = heading_line, heading[0]
        entry = bisect_right(self._entry_days, (at,)) - 1
        if entry >= 0 and self._entry_days[entry][0] > self._line_starts[since]:
            _, entry_year, entry_month = self._entry_days[entry]
            # Entries run forward in time: a month before the entry's (12月28日 …/1月2日) is
            # the next year's.
            return entry_year + 1 if month is not None and month < entry_month else entry_year
        if year is None:
            year = self._lead_year(title)
        if year is None and pub is not None:
            year = self._dated_entries_year(title, at, pub)
        return year

    def list_days(self, days: Iterable[tuple[int, int, int]], aimed: Iterable[int]) -> None:
        """Note the days written without their year, as (clean start, month, day), that may be a
        chronicle's entries: those that open their line; ``aimed``: the starts of days aimed at
        (6月20日前, 支部将……), which no record of past days lists."""
        self._year_less_entries = [
            day for day in days if not self._clean[self.line_start(day[0]) : day[0]].strip(_ENTRY_MARKS)
        ]
        self._aimed_days = frozenset(aimed)

    def opens_entry(self, start: int, end: int) -> bool:
        """The day at clean ``[start, end)`` opens an entry under a chronicle's title: a comma or a
        space, then the entry's text, follow it on its line (大事记 / 2023年 / 1月8日，县委……)."""
        line = bisect_right(self._line_starts, start) - 1
        rest = self._clean[end : self._line_end(line)]
        return (
            rest.startswith(tuple(_ENTRY_GAPS))
            and bool(rest.strip(_ENTRY_GAPS).strip())
            and self._chronicle_title(line) is not None
        )

    def chronicled(self) -> bool:
        """A heading line titles a chronicle (calendar.toml chronicle_titles)."""
        return bool(self._chronicle_titles())

    def _chronicle_titles(self) -> list[int]:
        """The heading lines holding a chronicle's title (大事记), in order."""
        if self._chronicles is None:
            lines = set()
            for word in _words()["chronicle_titles"]:
                at = self._clean.find(word)
                while at >= 0:
                    line = bisect_right(self._line_starts, at) - 1
                    # The title ends in the word (某县大事记), not a notice or a thing that holds it
                    # (关于征集《大事记》资料的通知, 民情记事本).
                    closed = not self._clean[at + len(word) : self._line_end(line)].strip(_TITLE_CLOSERS)
                    if closed and self._is_heading(line):
                        lines.add(line)
                    at = self._clean.find(word, at + len(word))
            self._chronicles = sorted(lines)
        return self._chronicles

    def _chronicle_title(self, line: int) -> int | None:
        """The nearest heading line above ``line`` titling a chronicle, in ``line``'s story."""
        titles = self._chronicle_titles()
        k = bisect_left(titles, line) - 1
        return titles[k] if k >= 0 and self._same_story(titles[k], line) else None

    def _chronicle_entries(self, title: int) -> list[tuple[int, int, int]]:
        """The year-less days opening their lines under chronicle title line ``title``, up to the
        next chronicle's title or story."""
        entries = self._entries_under.get(title)
        if entries is None:
            first = bisect_right(self._year_less_entries, (self._line_starts[title],))
            entries = self._entries_under[title] = []
            for entry in self._year_less_entries[first:]:
                if self._chronicle_title(bisect_right(self._line_starts, entry[0]) - 1) != title:
                    break
                entries.append(entry)
        return entries

    def _lead_year(self, title: int) -> int | None:
        """The year the lines under chronicle title line ``title`` state before its first entry
        (大事记 / 2023年，全县上下……): the year the chronicle lists."""
        entries = self._chronicle_entries(title)
        if not entries:
            return None
        opened, first_entry = self._line_starts[title], entries[0][0]
        for named in self.named[bisect_right(self.named, opened, key=_named_start) :]:
            if named.start >= first_entry:
                break
            if named.stated and named.written and not named.comparison and named.granularity == "year":
                return named.one_year
        return None

    def _dated_entries_year(self, title: int, at: int, pub: date) -> int | None:
        """The year of the entry at or before ``at`` of a chronicle that names no year, from the
        article's date ``pub``: a chronicle lists past events in order of time, forward or (more
        of its steps going back) backward, so its latest entry is the last day with that month and
        day by ``pub``, and every step against the order crosses into another year
        (10月8日 …/12月12日 …/1月5日 … in March: the first two last year's)."""
        key = (title, pub)
        if key not in self._entry_years:
            entries = self._chronicle_entries(title)
            if not entries or any(start in self._aimed_days for start, _, _ in entries):
                return None  # a schedule (6月5日，支部将……) looks ahead: no record of past days
            steps = list(pairwise(month for _, month, _ in entries))
            backward = sum(b < a for a, b in steps) > sum(b > a for a, b in steps)
            if not backward:  # counted from the latest entry, the last
                steps = [(b, a) for a, b in reversed(steps)]
            latest = entries[-1 if not backward else 0]
            year = pub.year if latest[1:] <= (pub.month, pub.day) else pub.year - 1
            years = [year]
            for later, earlier in steps:  # a month after the later entry's is a year before it
                year -= earlier > later
                years.append(year)
            if not backward:
                years.reverse()
            self._entry_years[key] = ([start for start, _, _ in entries], years)
        starts, years = self._entry_years[key]
        k = bisect_right(starts, at) - 1
        return years[k] if k >= 0 else None

    def section_year(self, at: int) -> int | None:
        """The year the nearest heading line above ``at`` names when that heading is a numbered
        section (一、2024年工作开展情况), else None."""
        heading = self._section_heading(at)
        return None if heading is None else heading[1]

    def opens_section(self, at: int) -> bool:
        """``at`` opens the first line under a numbered section's heading that names one year
        (二、2025年工作计划 / 明年，……): what it says frames that section."""
        heading = self._section_heading(at)
        if heading is None or heading[1] is None:
            return False
        line = bisect_right(self._line_starts, at) - 1
        heading_line = bisect_right(self._line_starts, heading[0]) - 1
        return line == heading_line + 1 and not self._clean[self._line_starts[line] : at].strip()

    def section_end(self, at: int, years_at: Iterable[int]) -> int:
        """Where the section holding ``at`` ends: at the next heading numbered as its own
        heading is (一、 then 二、; （一） then （二）) that names a year (one of ``years_at``,
        the starts of the article's years: 二、今年以来工作情况, 三、2025年工作计划; not
        二、存在的问题), or at a line opening another story (本报讯); else the end of the text.
        With no numbered heading above ``at``, its line's end."""
        heading = self._section_heading(at)
        line = bisect_right(self._line_starts, at) - 1
        openers = self._story_openers()
        after = openers[bisect_right(openers, line) :]
        end = self._line_starts[after[0]] if after else len(self._clean)
        if heading is None:
            return self._line_starts[line + 1] if line + 1 < len(self._line_starts) else len(self._clean)
        style = _numbering_style(self._clean, heading[0])
        for year_at in years_at:
            year_line = bisect_right(self._line_starts, year_at) - 1
            start = self._line_starts[year_line]
            if start >= end:
                break
            if year_line > line and self._is_heading(year_line) and _numbering_style(self._clean, start) == style:
                return start
        return end

    def _section_heading(self, at: int) -> tuple[int, int | None] | None:
        """The start and year (None when it names two) of the nearest heading line above ``at``
        that names a year, when it is a numbered section; else None, and None on a numbered
        heading line (二、今年以来工作情况 opens a section of its own)."""
        line = bisect_right(self._line_starts, at) - 1
        line_start = self._line_starts[line]
        if self._is_heading(line) and _SECTION_NUMBER.match(self._clean, line_start):
            return None
        for heading_start, year, _report in reversed(self._headings):
            if heading_start < line_start:
                return (heading_start, year) if _SECTION_NUMBER.match(self._clean, heading_start) else None
        return None

    def _story_openers(self) -> list[int]:
        """The lines that open a news story (本报讯, 新华社), in order."""
        if self._openers is None:
            words = _words()["story_openers"]
            self._openers = [i for i, start in enumerate(self._line_starts) if self._clean.startswith(words, start)]
        return self._openers
