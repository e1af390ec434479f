"""Seed scoreboard ratchet: the shared scorer must not report less than ``seed_ratchet.json``.

Runs ``../shared/tools/score.py`` on ``../shared/gold/seeds.jsonl`` with this
interpreter. The floors are the levels reached so far; raise them when the
scores rise, never lower them. Skips with a reason where ``../shared`` is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
GOLD = SHARED / "gold" / "seeds.jsonl"
FLOORS = json.loads((Path(__file__).parent / "seed_ratchet.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scoreboard() -> dict:
    if not (SCORER.is_file() and GOLD.is_file()):
        pytest.skip(f"seed gold not found at {GOLD} (the shared folder is not beside this checkout)")
    run = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), "--project", "--python", sys.executable, "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return json.loads(run.stdout)


def test_no_offset_errors(scoreboard: dict) -> None:
    assert scoreboard["offset_errors"] == 0


@pytest.mark.parametrize("record_type", sorted(FLOORS))
def test_type_does_not_slide_back(scoreboard: dict, record_type: str) -> None:
    row = next(r for r in scoreboard["types"] if r["type"] == record_type)
    floor = FLOORS[record_type]
    assert row["F1"] >= floor["F1"] - 1e-9, f"{record_type} F1 {row['F1']:.3f} < floor {floor['F1']}"
    for field, minimum in floor.get("fields", {}).items():
        got = row["fields"].get(field)
        assert got is not None and got >= minimum - 1e-9, f"{record_type} {field} {got} < floor {minimum}"
    if "norm" in floor:
        assert row["norm_acc"] is not None and row["norm_acc"] >= floor["norm"] - 1e-9
    if "optN" in floor:  # optional mentions the library does emit must have their fields right
        assert row["opt_norm_acc"] is not None and row["opt_norm_acc"] >= floor["optN"] - 1e-9
