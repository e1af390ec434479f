"""A date expression as the date grammar builds it (:class:`Expr`: what a piece covers, which
year it is relative to, what it can take next), the calendar arithmetic on it, and the
calendar vocabulary of ``patterns/calendar.toml``, read once.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from operator import attrgetter
from typing import Any

from .names import word_tag
from .records import Granularity
from .resources import read_toml

# A year-less month this many months after the article's month is read as last year's.
MAX_MONTHS_AHEAD = 8


Cover = tuple[date, date, Granularity]


@dataclass(slots=True)
class Expr:
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
    max_ahead: int = MAX_MONTHS_AHEAD
    day_alone: bool = False  # a day with no month written (24日): the nearest such day
    takes: str = ""
    rule: str = ""  # the rules that made it: year+month+day, a range year..year
    # What the piece may attach to: "year" (a stated year), "inner" (a month, quarter, half,
    # 前4月 or 年底 that may follow a year), "holiday"/"season" (only after a year), "day"
    # (may follow a month or stand alone), "day_after_month" (3号, 二十日: only after a month).
    kind: str = ""
    # Names the year its passage reports on without being a record (过去一年).
    marker: bool = False


# Every field of an Expr in the order its constructor takes them.
_EXPR_FIELDS = attrgetter(*(f.name for f in fields(Expr)))


def replace(expr: Expr, **changes: Any) -> Expr:
    """``dataclasses.replace(expr, **changes)`` at a third of its cost: that one looks up
    every field's kind on each call, and composing and resolving copy most expressions of an
    article once or twice."""
    new = Expr(*_EXPR_FIELDS(expr))
    for name, value in changes.items():
        setattr(new, name, value)
    return new


def last_day(year: int, month: int) -> int:
    return monthrange(year, month)[1]


def month_span(year: int, first: int, last: int) -> tuple[date, date]:
    """First day of ``first`` to the last day of ``last``; ``last`` past 12 runs into the next year."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, last_day(end_year, end_month))


def months(first: int, last: int, granularity: Granularity) -> Callable[[int, int], Cover]:
    def cover(year: int, _month: int) -> Cover:
        return (*month_span(year, first, last), granularity)

    return cover


def days(first: int, last: int, granularity: Granularity) -> Callable[[int, int], Cover]:
    """Days ``first``..``last`` of the expression's month; ``last`` 0 is the month's end."""

    def cover(year: int, month: int) -> Cover:
        end = last_day(year, month) if last == 0 else last
        return date(year, month, first), date(year, month, end), granularity

    return cover


@cache
def calendar_words() -> dict[str, Any]:
    return read_toml("calendar.toml")


@cache
def holiday_names() -> tuple[str, ...]:
    """Every holiday's name (calendar.toml fixed, lunar and solar-term holidays)."""
    cal = calendar_words()
    return (*cal["fixed_holidays"], *cal["lunar_holidays"], *cal["solar_term_holidays"])


def after_words(clean: str, start: int, words: Sequence[str]) -> bool:
    """One of ``words`` (at most three characters) ends right before clean offset ``start``."""
    return clean.endswith(tuple(words), max(0, start - 3), start)


def after_cut_off(clean: str, start: int, words: Sequence[str]) -> bool:
    """One of the cut-off ``words`` (calendar.toml [as_of]) ends right before ``start``; one of its
    `lone` words only as a word of its own (止4月底, 时间止4月底), not closing a dictionary word with
    the character before it (废止, 停止, 为止: verbs that cut nothing off)."""
    if not after_words(clean, start, words):
        return False
    if start < 2 or clean[start - 1] not in _lone_cut_off_words():
        return True  # (most cut-offs: 截至, 到)
    return after_words(clean, start, _longer_cut_off_words()) or not word_tag(clean[start - 2 : start])


@cache
def _lone_cut_off_words() -> frozenset[str]:
    """calendar.toml [as_of] lone: one character each."""
    return frozenset(calendar_words()["as_of"]["lone"])


@cache
def _longer_cut_off_words() -> tuple[str, ...]:
    """The cut-off words of more than one character (截止 ends in 止 and is one)."""
    as_of = calendar_words()["as_of"]
    return tuple(sorted({word for word in (*as_of["words"], *as_of["past"]) if len(word) > 1}))
