"""The date vocabulary in ``patterns/`` is consistent (regeneration of the holiday table: test_generated_data)."""

from __future__ import annotations

import itertools

from gov_extract.resources import read_toml


def test_every_lunar_holiday_names_a_table() -> None:
    tables = read_toml("date_lunar_holidays.toml")
    for name, (table, days_before) in read_toml("calendar.toml")["lunar_holidays"].items():
        assert table in tables, name
        assert 0 <= days_before < 30, name


def test_five_year_plans_follow_each_other() -> None:
    plans = sorted(read_toml("calendar.toml")["five_year_plans"].values())
    # The plans run back to back from the third (1966) on; 1963-65 was an adjustment period.
    assert all(later - earlier == 5 for earlier, later in itertools.pairwise(plans[2:]))


def test_anchored_words_name_a_step() -> None:
    cal = read_toml("calendar.toml")
    for word, (offset, step) in cal["anchored_days"].items():
        assert step in ("day", "month"), word
        assert offset in (0, 1), word
    # Characters that start a rule only as a pair (同年, 次日) are not relative-year words themselves.
    assert not set(cal["anchored_years"]) & set(cal["relative_years"])
