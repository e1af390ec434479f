"""A rule with a ``kind`` picks its vetoes once per kind (:class:`gov_extract.rules.Rule`), which is
exact only while every veto's ``applies`` reads nothing its kind does not tell apart. Every
proposal the case texts make checks that: the vetoes picked for its kind are the ones that apply
to it, asked afresh."""

from __future__ import annotations

import json
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import pytest

from gov_extract import extract, place_divisions
from gov_extract.rules import Rule, Veto, vetoed

CASES_DIR = Path(__file__).parent / "cases"


def case_inputs() -> list[dict[str, Any]]:
    inputs = []
    for path in sorted(CASES_DIR.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                inputs.append({k: case.get(k) for k in ("text", "pub_date", "home_place")})
    return inputs


def extract_every_case_text() -> None:
    for given in case_inputs():
        extract(given["text"], pub_date=given["pub_date"], home_place=given["home_place"])


def test_the_vetoes_picked_for_a_kind_are_those_that_apply_to_each_match(monkeypatch: pytest.MonkeyPatch) -> None:
    picked_by_kind = Rule._applying
    checked: list[str] = []

    def checking(rule: Rule[Any, Any], kind: Hashable, match: Any) -> tuple[Veto[Any], ...]:
        picked = picked_by_kind(rule, kind, match)
        applying = tuple(veto for veto in rule.vetoes if veto.applies(match))
        assert picked == applying, (rule.name, kind, [v.name for v in picked], [v.name for v in applying])
        checked.append(rule.name)
        return picked

    monkeypatch.setattr(Rule, "_applying", checking)
    extract_every_case_text()
    assert len(checked) > 1000, "the case texts should make well over a thousand proposals of kinded rules"


def test_the_division_vetoes_picked_for_a_kind_are_those_that_apply_to_each_match(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """place_divisions picks its vetoes once per kind of match (short, chained, defunct) too, and
    leaves out those that hold only before words the next character opens none of: the veto it
    reports is the one all the vetoes that apply, asked afresh, report."""
    picked_by_kind = place_divisions._division_veto
    checked: list[str] = []

    def checking(match: Any) -> str | None:
        veto = picked_by_kind(match)
        picked = place_divisions._VETOES_OF_KIND[place_divisions._kind(match)]
        applying = tuple(v for v in place_divisions.DIVISION_VETOES if v.applies(match))
        assert picked == applying, (match.surface, [v.name for v in picked], [v.name for v in applying])
        assert veto == vetoed(applying, match), (match.surface, veto, vetoed(applying, match))
        checked.append(match.surface)
        return veto

    monkeypatch.setattr(place_divisions, "_division_veto", checking)
    extract_every_case_text()
    assert len(checked) > 1000, "the case texts should name well over a thousand divisions"
