"""The home place as callers give it: zones, townships and publishers' names, and an ambiguous
name settled by the article's other places with the choice and the candidates on the Extraction."""

from __future__ import annotations

import pytest

from gov_extract import extract

TEXT = "全市完成造林11.36万亩。"


@pytest.mark.parametrize(
    ("given", "adcode"),
    [
        ("雄安新区", "130600"),  # a zone that is no division: its host
        ("河北雄安新区", "130600"),
        ("四川天府新区", "510100"),
        ("成都东部新区", "510100"),  # a zone named after its division
        ("庄桥街道", "330205"),  # a township: the one county holding it
        ("格朗和哈尼族乡", "532822"),
        ("吕梁市凤山街道", "141102"),  # a township under a city: its county there
        ("中共吕梁市委", "141100"),  # a publisher's name
        ("中国吕梁", "141100"),
    ],
)
def test_home_place_given_as_zone_township_or_publisher(given: str, adcode: str) -> None:
    result = extract(TEXT, pub_date="2024-03-06", home_place=given)
    assert (result.home_place_adcode, result.home_place_source, result.home_place_candidates) == (adcode, "given", [])


@pytest.mark.parametrize(
    ("given", "text", "adcode", "candidates"),
    [
        ("朝阳区", "朝阳区、海淀区联合开展垃圾分类宣传。", "110105", ["110105", "220104"]),
        ("朝阳区", "长春市朝阳区、南关区联合开展垃圾分类宣传。", "220104", ["110105", "220104"]),
        ("新华区", "新华区与运河区、沧县签订合作协议。", "130902", ["130105", "130902", "410402"]),
        ("新华区", "新华区与卫东区、湛河区签订合作协议。", "410402", ["130105", "130902", "410402"]),
        # Nothing in the article settles it: the first by code, the candidates visible.
        ("新华区", "全区完成造林11.36万亩。", "130105", ["130105", "130902", "410402"]),
        ("城关镇", "城关镇与宕昌县哈达铺镇开展结对帮扶。", "621223", None),
    ],
)
def test_ambiguous_home_place_is_settled_and_shows_its_candidates(
    given: str, text: str, adcode: str, candidates: list[str] | None
) -> None:
    result = extract(text, pub_date="2024-03-06", home_place=given)
    assert result.home_place_adcode == adcode
    assert adcode in result.home_place_candidates and len(result.home_place_candidates) > 1
    if candidates is not None:
        assert result.home_place_candidates == candidates


def test_unambiguous_home_place_has_no_candidates() -> None:
    assert extract(TEXT, home_place="吕梁市").home_place_candidates == []
    assert extract(TEXT).home_place_candidates == []


def test_a_name_that_is_nothing_still_raises() -> None:
    with pytest.raises(ValueError, match="home_place"):
        extract(TEXT, home_place="星球大战")


def test_the_batch_job_stores_the_candidates_of_an_ambiguous_home_place(tmp_path) -> None:
    import json
    import sqlite3

    from gov_extract import run_job

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("新华区与运河区、沧县签订合作协议。", encoding="utf-8")
    stored = {}
    for given in ("新华区", "吕梁市"):
        target = str(tmp_path / f"{given}.sqlite")
        run_job(tmp_path / "in", target, home_place=given)
        with sqlite3.connect(target) as con:
            stored[given] = con.execute("SELECT home_place_adcode, home_place_candidates FROM articles").fetchone()
    assert stored["新华区"][0] == "130902" and json.loads(stored["新华区"][1]) == ["130105", "130902", "410402"]
    assert stored["吕梁市"] == ("141100", "[]")


@pytest.mark.parametrize(
    ("text", "adcode"),
    [
        # No masthead or dateline: the county the body names most by its full name, when it dominates.
        ("宁远县今年新修村道80公里。宁远县还投入资金1.2亿元。宁远县群众出行更加方便。", "431126"),
        ("鄂温克族自治旗召开会议。鄂温克族自治旗部署防火。鄂温克族自治旗各苏木参加。", "150724"),
        ("晋江市新增市场主体2万户。晋江市还将扩大开放，晋江市外贸增长8%。", "350582"),
        # Named as often as another division: nobody's home.
        ("宁远县、道县今年新修村道。宁远县、道县投入资金。宁远县、道县群众出行方便。", None),
        # Named twice only: too little to call it the publisher's.
        ("宁远县今年新修村道80公里。宁远县还投入资金1.2亿元。", None),
    ],
)
def test_home_place_inferred_from_the_body(text: str, adcode: str | None) -> None:
    result = extract(text, pub_date="2024-03-06")
    assert result.home_place_adcode == adcode
    assert result.home_place_source == ("inferred" if adcode else "none")
