"""How a record row's normalised fields read on the review page.

This module owns the plain-text lines a highlight shows on hover and focus
and the records table of the article view: the headline of each type (value
and unit, the date range, adcode and full name, name and posts) and then
every other non-empty column of the record's table, in schema order. It reads
rows as the database stores them (JSON columns as JSON text, booleans 0/1),
so it works on any target the batch job wrote.

>>> headline("quantity", {"value": 113600.0, "value_max": None, "unit": "吨", "qualifier": "approx"})
'约 113,600 吨'
>>> headline("person", {"name": "白旭平", "titles": '[{"org":"市住建局","title":"局长"}]', "role": "official"})
'白旭平 — 市住建局局长'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from ..schema import TABLES

_QUALIFIERS = {"approx": "约", "more_than": ">", "less_than": "<", "at_least": "≥", "at_most": "≤"}
_SHARED = ("doc_id", "start", "end", "text")

Row = Mapping[str, Any]


def number(value: float | int) -> str:
    """A stored number without float noise: 113600.0 -> 113,600; 0.125 -> 0.125."""
    return f"{value:,.12g}" if isinstance(value, float) else f"{value:,}"


def _amount(row: Row, unit: str) -> str:
    text = number(row["value"])
    if row.get("value_max") is not None:
        text += f"–{number(row['value_max'])}"
    qualifier = _QUALIFIERS.get(row.get("qualifier") or "", "")
    return " ".join(part for part in (qualifier, text, unit) if part)


def _posts(titles_json: str | None) -> str:
    titles = json.loads(titles_json) if titles_json else []
    return "、".join("".join(part for part in (t.get("org"), t.get("title")) if part) for t in titles)


def _date_range(row: Row) -> str:
    start, end = row.get("start_date"), row.get("end_date")
    if start is None and end is None:
        return "no date (the article's date is unknown)"
    return str(start) if start == end else f"{start} – {end}"


_HEADLINES: dict[str, Callable[[Row], str]] = {
    "quantity": lambda row: _amount(row, row.get("unit") or ""),
    "money": lambda row: _amount(row, "元" if row.get("currency") == "CNY" else row.get("currency") or ""),
    "percentage": lambda row: _amount(row, "个百分点" if row.get("kind") == "point" else "%"),
    "date": _date_range,
    "place": lambda row: " ".join(str(row[c]) for c in ("adcode", "full_name") if row.get(c)) or "no adcode",
    "person": lambda row: " — ".join(p for p in (row.get("name"), _posts(row.get("titles"))) if p),
}


def headline(record_type: str, row: Row) -> str:
    """The one line that says what the record normalised to."""
    return _HEADLINES[record_type](row)


def _cell(column_type: str, value: Any) -> str:
    if column_type == "boolean":
        return "yes" if value else "no"
    if column_type == "json":
        items = json.loads(value) if isinstance(value, str) else value
        if isinstance(items, list):  # titles [{org, title}], candidates: one item per clause
            return "; ".join(_item(item) for item in items)
        return str(items)
    if column_type == "real":
        return number(value)
    return str(value)


def _item(item: Any) -> str:
    if isinstance(item, dict):
        return " ".join(str(v) for v in item.values() if v is not None)
    return str(item)


def details(record_type: str, row: Row) -> list[tuple[str, str]]:
    """``(column, value)`` for every non-empty column past the shared four, in schema order."""
    return [
        (c.name, _cell(c.type, row[c.name]))
        for c in TABLES[record_type]
        if c.name not in _SHARED and row.get(c.name) not in (None, "", "[]")
    ]
