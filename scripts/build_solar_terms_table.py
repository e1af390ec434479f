"""Regenerate ``patterns/date_solar_terms.toml``: the Gregorian day of each holiday solar term by year.

``dates.py`` reads ``今年清明`` and ``2023年冬至`` with this table (清明 falls on 4 or 5 April, 冬至 on
21 to 23 December, by the sun, not on a fixed day). The days come from the ``lunar-python``
package (MIT), needed only to rerun this script:

    pip install lunar-python
    python scripts/build_solar_terms_table.py > patterns/date_solar_terms.toml
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

from lunar_python import Solar

FIRST_YEAR, LAST_YEAR = 1901, 2099
# Each term with the month it falls in: its day is looked for in that month.
TERMS = {"清明": 4, "冬至": 12}
HEADER = "# The day of each holiday solar term by Gregorian year, from lunar-python (MIT). Generated: do not edit.\n"


def term_day(year: int, term: str, month: int) -> date:
    """The day of ``month`` in ``year`` on which ``term`` begins."""
    day = date(year, month, 1)
    while Solar.fromYmd(day.year, day.month, day.day).getLunar().getJieQi() != term:
        day += timedelta(days=1)
        if day.month != month:
            raise ValueError(f"no {term} in {year}-{month:02d}")
    return day


def build() -> str:
    lines = [HEADER]
    for term, month in TERMS.items():
        lines.append(f'\n[terms."{term}"]\n')
        lines.extend(f"{year} = {term_day(year, term, month)}\n" for year in range(FIRST_YEAR, LAST_YEAR + 1))
    return "".join(lines)


if __name__ == "__main__":
    sys.stdout.write(build())
