"""The one table schema every sink writes: ``articles``, one table per record type, ``runs``.

This module owns the columns, their logical types and how an article's
:class:`~gov_extract.records.Extraction` becomes rows. SQLite, DuckDB,
PostgreSQL, Parquet, CSV, Spark and the review page all read these
definitions, so a query written against one target works against the others.
Record tables are derived from the record models themselves: a field added to
a model is a column here without a second list to keep in step.

Row values are plain Python: ``str``, ``int``, ``float``, ``bool``,
``datetime.date`` / ``datetime.datetime``, and JSON columns as compact JSON
strings (``titles``, ``candidates``, ``options``), or ``None``.

>>> [c.name for c in TABLES["money"]]
['doc_id', 'start', 'end', 'text', 'value', 'value_max', 'currency', 'qualifier']
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any, Literal

from pydantic import BaseModel

from .records import (
    RECORD_TYPES,
    DateRecord,
    Extraction,
    Money,
    Percentage,
    Person,
    Place,
    Quantity,
)

SCHEMA_VERSION = 2

ColumnType = Literal["text", "integer", "real", "boolean", "date", "timestamp", "json"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType
    doc: str = ""


ARTICLE_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "text", "unique id: path relative to the input folder, or the export's own id"),
    Column("source", "text", "file path (for exports: path:line or path:row)"),
    Column("url", "text", "the page's address, when known"),
    Column("title", "text", "the page's or export's title, when known"),
    Column("sha256", "text", "hash of the input bytes (of the text, for export rows)"),
    Column("encoding", "text", "how the bytes were decoded (utf-8, utf-8-sig, gb18030, big5, utf-16, ...)"),
    Column("text", "text", "the exact text every record's start/end points into"),
    Column("length", "integer", "len(text) in code points"),
    Column("pub_date", "date", "the date relative dates were resolved against"),
    Column("pub_date_source", "text", "given, page_metadata, inferred or none"),
    Column("pub_date_span_start", "integer", "where in text an inferred pub_date was read"),
    Column("pub_date_span_end", "integer", ""),
    Column("home_place", "text", "the place 我市/全市 were resolved against"),
    Column("home_place_adcode", "text", ""),
    Column(
        "home_place_candidates",
        "json",
        "the adcodes a given home place could mean when its name is ambiguous (朝阳区); [] otherwise",
    ),
    Column("home_place_source", "text", "given, inferred or none"),
    Column("home_place_span_start", "integer", "where in text an inferred home place was read"),
    Column("home_place_span_end", "integer", ""),
    Column("status", "text", "ok or failed"),
    Column("error", "text", "why a failed article failed"),
    Column("warning", "text", "a given value that could not be used, and what was used instead"),
    Column("n_records", "integer", "records of every type"),
    *(Column(f"n_{t}", "integer", f"{t} records") for t in RECORD_TYPES),
)

RUN_COLUMNS: tuple[Column, ...] = (
    Column("run_id", "text", "unique per run"),
    Column("version", "text", "gov_extract version"),
    Column("schema_version", "integer", ""),
    Column("started", "timestamp", "UTC"),
    Column("finished", "timestamp", "UTC; null while running or if the run was killed"),
    Column("options", "json", "the run's options; database passwords removed"),
    Column("n_ok", "integer", "articles extracted in this run"),
    Column("n_failed", "integer", "articles recorded with an error in this run"),
    Column("n_skipped", "integer", "articles already stored with the same content"),
    Column("n_records", "integer", "records written in this run"),
    Column("seconds", "real", "wall time"),
)

_RECORD_MODELS: dict[str, type[BaseModel]] = {
    "quantity": Quantity,
    "money": Money,
    "percentage": Percentage,
    "date": DateRecord,
    "place": Place,
    "person": Person,
}
_SHARED_FIELDS = ("doc_id", "start", "end", "text")
_RECORD_COLUMN_DOCS = {
    "doc_id": "the article (articles.doc_id)",
    "start": "first code point of the span in articles.text",
    "end": "one past the last (exclusive)",
    "text": "articles.text[start:end], exactly",
    "value": "the number: in the unit for quantities, in yuan for money, in percent for percentages",
    "value_max": "upper end of a range, else null",
    "unit": "canonical unit or classifier (吨, 平方米, 户, 人, ℃)",
    "dimension": "count, area, length, mass, volume, energy, power, temperature, duration, age, other",
    "qualifier": "approx, more_than, less_than, at_least, at_most, or null",
    "currency": "ISO 4217 (CNY for 元)",
    "kind": "percent, or point for 个百分点",
    "start_date": "first day the expression covers; null when its year cannot be known",
    "end_date": "last day it covers",
    "granularity": "day, xun, month, quarter, half_year, year, decade, period",
    "relative": "resolved against the article's date (今年, 11月21日)",
    "as_of": "after 截至/截止/到/至",
    "name": "as written, spaces removed",
    "level": "country, province, city, county, township, village, community, zone, compound",
    "adcode": "6-digit GB/T 2260 code in force in the article's year, else null",
    "full_name": "the resolved chain (山西省吕梁市汾阳市)",
    "reference": "我市, 全县, 全省 …: resolved to the place it points to",
    "candidates": "adcodes an ambiguous name could also mean (JSON list)",
    "vintage": "the year of the division table the adcode is from",
    "role": "official, reporter or other",
    "titles": "posts as written: JSON list of {org, title}",
    "org_full": "the expanded body of the first post (吕梁市住房和城乡建设局)",
}


def _column_type(annotation: Any) -> ColumnType:
    """The logical column type of a record field's annotation (``X | None`` reads as ``X``)."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _column_type(args[0])
    if origin is list:
        return "json"
    if origin is Literal or annotation is str:
        return "text"
    simple: dict[Any, ColumnType] = {bool: "boolean", int: "integer", float: "real", date: "date"}
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no column type for record field annotation {annotation!r}")


def _record_columns(model: type[BaseModel]) -> tuple[Column, ...]:
    fields = model.model_fields
    names = [*_SHARED_FIELDS, *(n for n in fields if n not in _SHARED_FIELDS and n != "type")]
    return tuple(Column(n, _column_type(fields[n].annotation), _RECORD_COLUMN_DOCS[n]) for n in names)


TABLES: dict[str, tuple[Column, ...]] = {
    "articles": ARTICLE_COLUMNS,
    **{t: _record_columns(_RECORD_MODELS[t]) for t in RECORD_TYPES},
    "runs": RUN_COLUMNS,
}
"""Every table and its columns, in the order sinks create them."""

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {"articles": ("doc_id",), "runs": ("run_id",)}
RECORD_TABLES = RECORD_TYPES


def to_json(value: Any) -> str:
    """The one JSON form of JSON columns: compact, Chinese kept as written."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the batch job knows of an article besides its text: where it came from and how it was read."""

    doc_id: str
    source: str
    sha256: str
    encoding: str | None = None
    url: str | None = None
    title: str | None = None
    pub_date_source: str | None = None  # overrides "given" when the date came from the page's metadata


def article_row(
    meta: ArticleMeta,
    text: str | None,
    extraction: Extraction | None,
    *,
    error: str | None = None,
    warning: str | None = None,
) -> tuple[Any, ...]:
    """The ``articles`` row: the extraction's context and counts, or the error that stopped it."""
    counts = dict.fromkeys(RECORD_TYPES, 0)
    if extraction is not None:
        for record in extraction.records:
            counts[record.type] += 1
    ex = extraction
    pub_source: str = ex.pub_date_source if ex else "none"
    if ex and pub_source == "given" and meta.pub_date_source:
        pub_source = meta.pub_date_source
    pub_span = ex.pub_date_span if ex and ex.pub_date_span else (None, None)
    home_span = ex.home_place_span if ex and ex.home_place_span else (None, None)
    ok = error is None and ex is not None
    row = {
        "doc_id": meta.doc_id,
        "source": meta.source,
        "url": meta.url,
        "title": meta.title,
        "sha256": meta.sha256,
        "encoding": meta.encoding,
        "text": text,
        "length": len(text) if text is not None else None,
        "pub_date": ex.pub_date if ex else None,
        "pub_date_source": pub_source,
        "pub_date_span_start": pub_span[0],
        "pub_date_span_end": pub_span[1],
        "home_place": ex.home_place if ex else None,
        "home_place_adcode": ex.home_place_adcode if ex else None,
        "home_place_candidates": _json_value(ex.home_place_candidates) if ex else None,
        "home_place_source": ex.home_place_source if ex else "none",
        "home_place_span_start": home_span[0],
        "home_place_span_end": home_span[1],
        "status": "ok" if ok else "failed",
        "error": error,
        "warning": warning,
        "n_records": sum(counts.values()),
        **{f"n_{t}": counts[t] for t in RECORD_TYPES},
    }
    return tuple(row[c.name] for c in ARTICLE_COLUMNS)


def _json_value(value: Any) -> str:
    if not value:  # most records have no titles or candidates
        return "[]"
    return to_json([v.model_dump() if isinstance(v, BaseModel) else v for v in value])


# Per table: one getter of the record attributes behind the columns after doc_id, and which of them are JSON.
_RECORD_GETTERS = {
    t: (attrgetter(*(c.name for c in TABLES[t][1:])), tuple(i for i, c in enumerate(TABLES[t][1:]) if c.type == "json"))
    for t in RECORD_TYPES
}


def record_rows(extraction: Extraction, doc_id: str) -> dict[str, list[tuple[Any, ...]]]:
    """One row tuple per record, grouped by table, in text order; ``doc_id`` is the article's."""
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in RECORD_TYPES}
    for record in extraction.records:
        getter, json_at = _RECORD_GETTERS[record.type]
        values: tuple[Any, ...] = getter(record)
        if json_at:
            mutable = list(values)
            for i in json_at:
                mutable[i] = _json_value(mutable[i])
            values = tuple(mutable)
        rows[record.type].append((doc_id, *values))
    return rows


def as_dict(table: str, row: tuple[Any, ...]) -> dict[str, Any]:
    """A row tuple as ``{column: value}``."""
    return dict(zip((c.name for c in TABLES[table]), row, strict=True))
