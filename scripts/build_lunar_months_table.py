"""Regenerate ``patterns/date_lunar_months.toml``: the months of every lunar year on the Gregorian calendar.

``dates.py`` turns a lunar date into its Gregorian day with this table: ``2024年农历八月十五``
is 2024-09-17, ``明年春节`` is the first day of next lunar year, 除夕 the day before it. The
months come from the ``lunar-python`` package (MIT), needed only to rerun this script:

    pip install lunar-python
    python scripts/build_lunar_months_table.py > patterns/date_lunar_months.toml
"""

from __future__ import annotations

import sys

from lunar_python import Lunar, LunarYear

FIRST_YEAR, LAST_YEAR = 1901, 2099
HEADER = (
    "# The lunar years by number, from lunar-python (MIT). Generated: do not edit.\n"
    "# year = [Gregorian date of 正月初一, the leap month (0: none), the days of each month in order,\n"
    "#         a leap month right after the month whose number it repeats]\n"
    "\n[years]\n"
)


def build() -> str:
    lines = [HEADER]
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        lunar_year = LunarYear.fromYear(year)
        days = [m.getDayCount() for m in lunar_year.getMonths() if m.getYear() == year]
        new_year = Lunar.fromYmd(year, 1, 1).getSolar().toYmd()
        lines.append(f"{year} = [{new_year}, {lunar_year.getLeapMonth()}, [{', '.join(map(str, days))}]]\n")
    return "".join(lines)


if __name__ == "__main__":
    sys.stdout.write(build())
