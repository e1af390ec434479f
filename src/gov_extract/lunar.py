"""The lunar calendar: the Gregorian days of a lunar year's months, and of the solar terms kept as holidays.

This module owns :func:`lunar_month`, read from ``patterns/date_lunar_months.toml`` (built
by ``scripts/build_lunar_months_table.py`` from lunar-python): :mod:`gov_extract.dates`
turns ``2024年农历八月十五`` into 2024-09-17 and ``明年春节`` into next lunar year's first day
with it. A lunar year is numbered by the Gregorian year its 正月初一 falls in. It also owns
:func:`solar_term_day` (``今年清明``), read from ``patterns/date_solar_terms.toml``
(``scripts/build_solar_terms_table.py``).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from .resources import read_toml


@cache
def _years() -> dict[int, tuple[date, int, tuple[int, ...]]]:
    """Lunar year -> (Gregorian day of 正月初一, leap month or 0, days of each month in order)."""
    table = read_toml("date_lunar_months.toml")["years"]
    return {int(year): (new_year, leap, tuple(days)) for year, (new_year, leap, days) in table.items()}


def lunar_month(year: int, month: int, leap: bool = False) -> tuple[date, int]:
    """The Gregorian first day and the length of lunar ``year``'s ``month`` (its leap month
    with ``leap``). ValueError outside the table, or for a leap month the year does not have."""
    if year not in _years():
        raise ValueError(f"no lunar year {year} in the table")
    new_year, leap_month, days = _years()[year]
    if leap and leap_month != month:
        raise ValueError(f"lunar year {year} has no leap month {month}")
    # The leap month sits right after the month whose number it repeats.
    index = month - 1 + (1 if leap or (leap_month and month > leap_month) else 0)
    return new_year + timedelta(days=sum(days[:index])), days[index]


@cache
def _solar_terms() -> dict[str, dict[int, date]]:
    """Solar term -> Gregorian year -> the day it falls on."""
    terms = read_toml("date_solar_terms.toml")["terms"]
    return {term: {int(year): day for year, day in days.items()} for term, days in terms.items()}


def solar_term_day(year: int, term: str) -> date:
    """The day solar term ``term`` (清明, 冬至) falls on in ``year``; ValueError outside the table."""
    days = _solar_terms()[term]
    if year not in days:
        raise ValueError(f"no {term} of {year} in the table")
    return days[year]
