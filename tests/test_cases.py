"""Table-driven cases: every line of ``tests/cases/*.jsonl`` is one test, its id the case id.

A case is ``{"id", "text", "pub_date"?, "home_place"?, "types"?, "partial"?, "expect": [...]}``.
Each expected record names ``type``, ``start``, ``end``, ``text`` and any normalised
fields to check. The case checks the record types in ``types`` (default: the types
its expected records have): the extracted records of those types must be exactly
the expected ones, unless ``"partial": true``, which only requires the expected
ones to be present. A negative case is ``"types": ["quantity"], "expect": []``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from gov_extract import extract

CASES_DIR = Path(__file__).parent / "cases"


def load_cases() -> list[dict]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                case["_where"] = f"{path.name}:{number}"
                cases.append(case)
    return cases


CASES = load_cases()


def same(expected: object, actual: object) -> bool:
    if isinstance(expected, float | int) and not isinstance(expected, bool) and isinstance(actual, float | int):
        return math.isclose(float(expected), float(actual), rel_tol=1e-9, abs_tol=1e-9)
    return expected == actual


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict) -> None:
    text = case["text"]
    for exp in case["expect"]:
        assert text[exp["start"] : exp["end"]] == exp["text"], f"{case['_where']}: bad offsets in the case itself"
    result = extract(text, doc_id=case["id"], pub_date=case.get("pub_date"), home_place=case.get("home_place"))
    types = set(case.get("types") or {e["type"] for e in case["expect"]})
    got = [r.model_dump(mode="json") for r in result.records if r.type in types]
    by_span = {(g["type"], g["start"], g["end"]): g for g in got}
    for exp in case["expect"]:
        key = (exp["type"], exp["start"], exp["end"])
        assert key in by_span, f"{case['_where']}: missing {exp['type']} {exp['text']!r}; got {got}"
        actual = by_span[key]
        for field, value in exp.items():
            assert same(value, actual.get(field)), (
                f"{case['_where']}: {exp['text']!r} field {field}: expected {value!r}, got {actual.get(field)!r}"
            )
    if not case.get("partial"):
        expected_keys = {(e["type"], e["start"], e["end"]) for e in case["expect"]}
        extra = [g for g in got if (g["type"], g["start"], g["end"]) not in expected_keys]
        assert not extra, f"{case['_where']}: unexpected records {[(g['type'], g['text']) for g in extra]}"
