"""The date vocabulary in ``patterns/`` is consistent (regeneration of the holiday table: test_generated_data)."""

from __future__ import annotations

import itertools
import json
from functools import cache
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract import date_rules
from gov_extract.resources import read_toml
from gov_extract.text import Document

CASES = Path(__file__).parent / "cases"


def test_every_lunar_holiday_names_a_lunar_day() -> None:
    for name, (month, day, days_before) in read_toml("calendar.toml")["lunar_holidays"].items():
        assert 1 <= month <= 12, name
        assert 1 <= day <= 30, name
        assert 0 <= days_before < 30, name


def test_every_lunar_year_has_its_months() -> None:
    years = read_toml("date_lunar_months.toml")["years"]
    for year, (new_year, leap, days) in years.items():
        assert new_year.year == int(year), year
        assert len(days) == (13 if leap else 12), year
        assert set(days) <= {29, 30}, year


def test_every_solar_term_holiday_has_a_day_in_every_year() -> None:
    terms = read_toml("date_solar_terms.toml")["terms"]
    for name, term in read_toml("calendar.toml")["solar_term_holidays"].items():
        days = terms[term]
        assert sorted(map(int, days)) == list(range(1901, 2100)), name
        assert len({(day.month, day.day) for day in days.values()}) <= 4, name  # the sun moves it a day or two
        assert all(day.year == int(year) for year, day in days.items()), name


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


def _calendar_words() -> set[str]:
    def words(node: object) -> set[str]:
        if isinstance(node, dict):
            return set(node) | {w for value in node.values() for w in words(value)}
        if isinstance(node, list):
            return {w for value in node for w in words(value)}
        return {node} if isinstance(node, str) else set()

    return words(read_toml("calendar.toml"))


CALENDAR_SOUP = sorted(
    set("0123456789〇零一二三四五六七八九十两百千万多.-/至到—–~～－年月日号季度世纪初底末中旬半上下前第本个份每以提内")
    | {ch for word in _calendar_words() for ch in word}
)


def _spans(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    """Each match's span and the rule whose closing marker it reached."""
    names = [rule.name for rule in date_rules.rules()]
    return [(*m.span(), next(name for name in names if m.start(name) >= 0)) for m in pattern.finditer(text)]


def _dispatched_spans(text: str) -> list[tuple[int, int, str]]:
    return [(*m.span(), rule.name) for m, rule in date_rules._matches(text)]


def _case_texts() -> list[str]:
    texts = []
    for path in sorted(CASES.rglob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


@cache
def _every_rule() -> regex.Pattern[str]:
    """Every date rule as one alternation, each branch closed by an empty group naming its rule."""
    return regex.compile("|".join(f"(?:{rule.trigger})(?P<{rule.name}>)" for rule in date_rules.rules()))


def test_rule_starts_and_first_characters_hide_no_match_in_case_texts() -> None:
    unfiltered = _every_rule()
    for text in _case_texts():
        clean = Document(text).clean
        assert _dispatched_spans(clean) == _spans(unfiltered, clean), text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(CALENDAR_SOUP), max_size=40))
def test_rule_starts_and_first_characters_hide_no_match_in_calendar_soup(text: str) -> None:
    assert _dispatched_spans(text) == _spans(_every_rule(), text)
