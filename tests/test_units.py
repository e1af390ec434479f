"""Every surface of ``patterns/units.toml`` is read after a number with its canonical unit."""

from __future__ import annotations

import pytest

from gov_extract import extract
from gov_extract.resources import read_toml

UNITS = read_toml("units.toml")

QUANTITY_SURFACES = [
    (surface, entry["unit"], entry["dimension"]) for entry in UNITS["unit"] for surface in entry["surfaces"]
]
CURRENCY_SURFACES = [(surface, entry["code"]) for entry in UNITS["currency"] for surface in entry["surfaces"]]
PERCENT_SURFACES = [(entry["surface"], entry["scale"], entry["kind"]) for entry in UNITS["percent"]]
# A contextual surface needs its context written before the number.
CONTEXT_BEFORE = {
    "temperature": "室内温度提高",
    "electricity": "全年用电",
    "rank": "排名前移",
    "score": "综合得分",
    "earthwork": "完成土石方",
    "sessions": "举办培训班",
    "building": "新建住宅不到",
    "angle": "边坡坡度达",
    None: "用时不到",
}


def only(text: str, record_type: str) -> dict:
    records = [r.model_dump() for r in extract(text).records if r.type == record_type]
    assert len(records) == 1, (text, records)
    return records[0]


@pytest.mark.parametrize(("surface", "unit", "dimension"), QUANTITY_SURFACES, ids=[s[0] for s in QUANTITY_SURFACES])
def test_unit_surface(surface: str, unit: str, dimension: str) -> None:
    text = f"全年完成25{surface}，"
    record = only(text, "quantity")
    assert (record["text"], record["value"], record["unit"], record["dimension"]) == (
        f"25{surface}",
        25,
        unit,
        dimension,
    )


@pytest.mark.parametrize(("surface", "code"), CURRENCY_SURFACES, ids=[s[0] for s in CURRENCY_SURFACES])
def test_currency_surface(surface: str, code: str) -> None:
    record = only(f"全年投入25万{surface}，", "money")
    assert (record["text"], record["value"], record["currency"]) == (f"25万{surface}", 250000, code)


@pytest.mark.parametrize(("surface", "scale", "kind"), PERCENT_SURFACES, ids=[s[0] for s in PERCENT_SURFACES])
def test_percent_surface(surface: str, scale: float, kind: str) -> None:
    record = only(f"同比提高25{surface}，", "percentage")
    assert record["text"] == f"25{surface}"
    assert record["value"] == pytest.approx(25 * scale)
    assert record["kind"] == kind


@pytest.mark.parametrize("entry", UNITS["contextual"], ids=[f"{e['surface']}-{e['unit']}" for e in UNITS["contextual"]])
def test_contextual_surface(entry: dict) -> None:
    text = f"{CONTEXT_BEFORE[entry.get('needs_cue')]}25{entry['surface']}，"
    record = only(text, "quantity")
    assert (record["unit"], record["dimension"]) == (entry["unit"], entry["dimension"])


@pytest.mark.parametrize("word", UNITS["not_units"]["words"])
def test_blocked_word_is_not_a_unit(word: str) -> None:
    assert not [r for r in extract(f"全年完成25{word}，").records if r.type in ("quantity", "money", "percentage")]
