"""Generated data files are regenerated from their source and compared (as dateparser does)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_traditional_table_matches_opencc() -> None:
    pytest.importorskip("opencc", reason="opencc is a test dependency: pip install -e '.[test]'")
    script = load_script("build_traditional_table")
    shipped = (ROOT / "patterns" / "traditional_simplified.txt").read_text(encoding="utf-8")
    assert script.build() == shipped, "patterns/traditional_simplified.txt is stale: rerun the script"
