"""Regenerate ``patterns/date_lunar_holidays.toml``: Gregorian dates of the lunar-calendar holidays.

``dates.py`` resolves ``明年春节``, ``2024年中秋节`` with this table (除夕 is the day
before 春节). The dates come from the ``lunar-python`` package (MIT), needed
only to rerun this script:

    pip install lunar-python
    python scripts/build_lunar_holidays_table.py > patterns/date_lunar_holidays.toml
"""

from __future__ import annotations

import sys

from lunar_python import Lunar

FIRST_YEAR, LAST_YEAR = 1901, 2099
# Holiday -> (lunar month, lunar day); each falls in the Gregorian year of its lunar year.
HOLIDAYS = {"春节": (1, 1), "元宵节": (1, 15), "端午节": (5, 5), "中秋节": (8, 15), "重阳节": (9, 9)}
HEADER = "# Lunar-calendar holidays by Gregorian year, from lunar-python (MIT). Generated: do not edit.\n"


def build() -> str:
    lines = [HEADER]
    for name, (month, day) in HOLIDAYS.items():
        lines.append(f'\n["{name}"]\n')
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            solar = Lunar.fromYmd(year, month, day).getSolar()
            lines.append(f"{year} = {solar.toYmd()}\n")
    return "".join(lines)


if __name__ == "__main__":
    sys.stdout.write(build())
