"""The date vocabulary in ``patterns/``: the generated lunar holiday table and the calendar file."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import pytest

from gov_extract.resources import read_toml

ROOT = Path(__file__).resolve().parents[1]


def test_lunar_holiday_table_matches_lunar_python() -> None:
    pytest.importorskip("lunar_python", reason="lunar-python regenerates the table: pip install lunar-python")
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_lunar_holidays_table.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (ROOT / "patterns" / "date_lunar_holidays.toml").read_text(encoding="utf-8")
    assert module.build() == shipped, "patterns/date_lunar_holidays.toml is stale: rerun the script"


def test_every_lunar_holiday_names_a_table() -> None:
    tables = read_toml("date_lunar_holidays.toml")
    for name, (table, days_before) in read_toml("calendar.toml")["lunar_holidays"].items():
        assert table in tables, name
        assert 0 <= days_before < 30, name


def test_five_year_plans_follow_each_other() -> None:
    plans = sorted(read_toml("calendar.toml")["five_year_plans"].values())
    # The plans run back to back from the third (1966) on; 1963-65 was an adjustment period.
    assert all(later - earlier == 5 for earlier, later in itertools.pairwise(plans[2:]))
