"""Table-driven cases: every line of ``tests/cases/**/*.jsonl`` is one test, its id the case id.

A case is ``{"id", "text", "pub_date"?, "home_place"?, "types"?, "partial"?, "expect": [...],
"known_errors"?: [...]}``.

- Each expected record names ``type``, ``start``, ``end`` and ``text`` (``text[start:end]``
  must be exactly ``text``) and any normalised fields to check. ``"optional": true`` marks a
  borderline record (as in the gold): it is neither required nor forbidden, but if it is
  extracted its listed fields must be right.
- The case checks the record types in ``types``. By default these are the types of its
  expected records, or every record type for a case with ``known_errors`` (a whole article,
  where every record counts). The extracted records of those types must be exactly the
  expected ones, unless ``"partial": true``, which only requires the expected ones to be
  present. A negative case is ``"types": ["quantity"], "expect": []``.
- ``known_errors`` (whole articles in ``cases/articles/``) lists every mismatch the extractor
  has today, each ``{"type", "start", "end", "text", "kind", "field"?, "reason"}`` with
  ``kind`` one of ``missing`` (an expected record not extracted), ``unexpected`` (an extracted
  record not expected) or ``field`` (an expected record extracted with ``field`` wrong). The
  case passes only when the mismatches equal this list exactly: a new error fails, and so
  does a known error that no longer happens (remove it from the list).
- A case that checks nothing is refused when the cases load: an empty ``expect`` without
  ``types``, an empty ``types``, or an expected record without ``type``/``start``/``end``/``text``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from gov_extract import extract

CASES_DIR = Path(__file__).parent / "cases"
RECORD_TYPES = ("quantity", "money", "percentage", "date", "place", "person")
SPAN_KEYS = ("type", "start", "end", "text")
ERROR_KINDS = ("missing", "unexpected", "field")
NOT_FIELDS = {*SPAN_KEYS, "optional"}


class BadCase(ValueError):
    """A case file line that is malformed or checks nothing."""


def span_key(record: dict[str, Any]) -> tuple[str, int, int]:
    return (record["type"], record["start"], record["end"])


def error_key(error: dict[str, Any]) -> tuple[Any, ...]:
    return (*(error[key] for key in SPAN_KEYS), error["kind"], error.get("field"))


def check_case(case: dict[str, Any]) -> None:
    """Raise ``BadCase`` unless ``case`` is well formed and checks something."""
    for key in ("id", "text", "expect"):
        if key not in case:
            raise BadCase(f"no {key!r}")
    text, expect = case["text"], case["expect"]
    if not isinstance(expect, list):
        raise BadCase("'expect' is not a list")
    if "types" in case:
        types = case["types"]
        if not isinstance(types, list) or not types or not set(types) <= set(RECORD_TYPES):
            raise BadCase(f"'types' must name some of {RECORD_TYPES}, not {types!r}")
    elif not expect:
        raise BadCase("an empty 'expect' without 'types' checks nothing")
    for exp in expect:
        missing = [key for key in SPAN_KEYS if key not in exp]
        if missing:
            raise BadCase(f"expected record {exp!r} has no {missing}")
        if exp["type"] not in RECORD_TYPES:
            raise BadCase(f"unknown record type {exp['type']!r}")
        if text[exp["start"] : exp["end"]] != exp["text"]:
            raise BadCase(f"bad offsets: text[{exp['start']}:{exp['end']}] is not {exp['text']!r}")
    expected_keys = {span_key(e) for e in expect}
    listed: set[tuple[Any, ...]] = set()
    for error in case.get("known_errors", []):
        missing = [key for key in (*SPAN_KEYS, "kind", "reason") if error.get(key) in (None, "")]
        if missing or error["kind"] not in ERROR_KINDS or ("field" in error) != (error["kind"] == "field"):
            raise BadCase(
                f"known error {error!r} needs {SPAN_KEYS}, a kind of {ERROR_KINDS}, a reason, "
                "and a field for kind 'field' only"
            )
        if text[error["start"] : error["end"]] != error["text"]:
            raise BadCase(f"known error {error!r}: bad offsets")
        if (span_key(error) in expected_keys) == (error["kind"] == "unexpected"):
            raise BadCase(f"known error {error!r}: only an 'unexpected' record may be absent from 'expect'")
        if error_key(error) in listed:
            raise BadCase(f"known error {error!r} is listed twice")
        listed.add(error_key(error))


def load_cases(root: Path = CASES_DIR) -> list[dict[str, Any]]:
    cases = []
    for path in sorted(root.rglob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                where = f"{path.relative_to(root)}:{number}"
                try:
                    check_case(case)
                except BadCase as err:
                    raise BadCase(f"{where}: {err}") from None
                case["_where"] = where
                cases.append(case)
    return cases


CASES = load_cases()


def same(expected: object, actual: object) -> bool:
    if isinstance(expected, float | int) and not isinstance(expected, bool) and isinstance(actual, float | int):
        return math.isclose(float(expected), float(actual), rel_tol=1e-9, abs_tol=1e-9)
    return expected == actual


def mismatches(case: dict[str, Any], got: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every way the extracted records ``got`` differ from what ``case`` expects, in text order."""
    default_types = RECORD_TYPES if "known_errors" in case else {e["type"] for e in case["expect"]}
    types = set(case.get("types") or default_types)
    by_span = {span_key(g): g for g in got if g["type"] in types}
    found = []
    for exp in case["expect"]:
        where = {key: exp[key] for key in SPAN_KEYS}
        actual = by_span.get(span_key(exp))
        if actual is None:
            if not exp.get("optional"):
                found.append({**where, "kind": "missing"})
            continue
        for field, value in exp.items():
            if field not in NOT_FIELDS and not same(value, actual.get(field)):
                found.append({**where, "kind": "field", "field": field, "expected": value, "got": actual.get(field)})
    if not case.get("partial"):
        expected_keys = {span_key(e) for e in case["expect"]}
        found += [
            {**{key: g[key] for key in SPAN_KEYS}, "kind": "unexpected"}
            for key, g in by_span.items()
            if key not in expected_keys
        ]
    return sorted(found, key=lambda m: (m["start"], m["end"], m["type"], m["kind"], m.get("field", "")))


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    result = extract(case["text"], doc_id=case["id"], pub_date=case.get("pub_date"), home_place=case.get("home_place"))
    found = mismatches(case, [r.model_dump(mode="json") for r in result.records])
    known = {error_key(e) for e in case.get("known_errors", [])}
    new = [m for m in found if error_key(m) not in known]
    fixed = sorted(known - {error_key(m) for m in found})
    assert not new, f"{case['_where']}: mismatches not in known_errors: {new}"
    assert not fixed, f"{case['_where']}: known errors that no longer happen (remove them): {fixed}"


BAD_CASES = [
    ("no expect", {"id": "b", "text": "全年造林11万亩。"}),
    ("empty expect, no types", {"id": "b", "text": "第三次全体会议", "expect": []}),
    ("empty types", {"id": "b", "text": "第三次全体会议", "types": [], "expect": []}),
    ("unknown type", {"id": "b", "text": "第三次全体会议", "types": ["ordinal"], "expect": []}),
    (
        "record without end",
        {"id": "b", "text": "造林11万亩", "expect": [{"type": "quantity", "start": 2, "text": "11万亩"}]},
    ),
    ("record without type", {"id": "b", "text": "造林11万亩", "expect": [{"start": 2, "end": 6, "text": "11万亩"}]}),
    (
        "bad offsets",
        {"id": "b", "text": "造林11万亩", "expect": [{"type": "quantity", "start": 1, "end": 6, "text": "11万亩"}]},
    ),
    (
        "known error without reason",
        {
            "id": "b",
            "text": "造林11万亩",
            "expect": [{"type": "quantity", "start": 2, "end": 6, "text": "11万亩"}],
            "known_errors": [{"type": "quantity", "start": 2, "end": 6, "text": "11万亩", "kind": "missing"}],
        },
    ),
    (
        "field error without field",
        {
            "id": "b",
            "text": "造林11万亩",
            "expect": [{"type": "quantity", "start": 2, "end": 6, "text": "11万亩", "value": 110000}],
            "known_errors": [
                {"type": "quantity", "start": 2, "end": 6, "text": "11万亩", "kind": "field", "reason": "r"}
            ],
        },
    ),
    (
        "known error with bad offsets",
        {
            "id": "b",
            "text": "造林11万亩",
            "types": ["quantity"],
            "expect": [],
            "known_errors": [
                {"type": "quantity", "start": 1, "end": 6, "text": "11万亩", "kind": "unexpected", "reason": "r"}
            ],
        },
    ),
    (
        "known error listed twice",
        {
            "id": "b",
            "text": "造林11万亩",
            "types": ["quantity"],
            "expect": [],
            "known_errors": [
                {"type": "quantity", "start": 2, "end": 6, "text": "11万亩", "kind": "unexpected", "reason": "r"},
                {"type": "quantity", "start": 2, "end": 6, "text": "11万亩", "kind": "unexpected", "reason": "again"},
            ],
        },
    ),
    (
        "missing record not expected",
        {
            "id": "b",
            "text": "造林11万亩",
            "types": ["quantity"],
            "expect": [],
            "known_errors": [
                {"type": "quantity", "start": 2, "end": 6, "text": "11万亩", "kind": "missing", "reason": "r"}
            ],
        },
    ),
]


@pytest.mark.parametrize("case", [c for _, c in BAD_CASES], ids=[name for name, _ in BAD_CASES])
def test_loader_refuses_a_case_that_checks_nothing_or_is_malformed(case: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "bad.jsonl").write_text(json.dumps(case, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(BadCase, match=r"nested/bad\.jsonl:1"):
        load_cases(tmp_path)


def test_known_errors_must_match_exactly() -> None:
    text = "造林11万亩，投资3000万元。"
    got = [r.model_dump(mode="json") for r in extract(text, pub_date="2024-01-01").records]
    quantity = {"type": "quantity", "start": 2, "end": 6, "text": "11万亩"}
    case = {"id": "k", "text": text, "types": ["quantity", "money"], "expect": [{**quantity, "value": 1}]}
    check_case(case)
    assert [error_key(m) for m in mismatches(case, got)] == [
        ("quantity", 2, 6, "11万亩", "field", "value"),
        ("money", 9, 15, "3000万元", "unexpected", None),
    ]
    optional = {
        **case,
        "expect": [
            {**quantity, "value": 110000},
            {"type": "money", "start": 9, "end": 15, "text": "3000万元", "optional": True},
        ],
    }
    assert mismatches(optional, got) == []
    absent_optional = {**case, "expect": [{"type": "quantity", "start": 0, "end": 2, "text": "造林", "optional": True}]}
    assert [m["kind"] for m in mismatches(absent_optional, got)] == ["unexpected", "unexpected"]
