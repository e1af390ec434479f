"""Read every target back into one comparable form: ``{table: sorted list of {column: plain value}}``.

Plain values are what the schema's logical types mean (ISO date strings, bools,
floats, parsed JSON), so a SQLite file, a DuckDB file, Parquet and CSV folders, a
JSONL file and a PostgreSQL database holding the same rows compare equal.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from gov_extract import schema

DATA_TABLES = ("articles", *schema.RECORD_TABLES)


def _plain(kind: str, value: Any) -> Any:
    if value is None or value == "":  # CSV writes null as an empty cell; no stored text is empty
        return None
    if kind == "date":
        return value.isoformat() if isinstance(value, date) else str(value)
    if kind == "boolean":
        return value in (True, 1, "true", "1") if isinstance(value, str | int) else bool(value)
    if kind == "json":
        return json.loads(value) if isinstance(value, str) else value
    if kind == "real":
        return float(value)
    if kind == "integer":
        return int(value)
    if kind == "timestamp":
        return value.isoformat() if isinstance(value, datetime) else str(value)
    return value


def normalise(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kinds = {c.name: c.type for c in schema.TABLES[table]}
    out = [{name: _plain(kinds[name], row.get(name)) for name in kinds} for row in rows]
    return sorted(out, key=lambda r: (r["doc_id"], r.get("start") or 0, r.get("end") or 0, r.get("text") or ""))


def _sql_rows(con: Any, table: str) -> list[dict[str, Any]]:
    cursor = con.execute(f'SELECT * FROM "{table}"')
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def read_tables(target: str) -> dict[str, list[dict[str, Any]]]:
    """The data tables of any target, normalised (``runs`` left out: it differs run to run)."""
    raw: dict[str, list[dict[str, Any]]] = {}
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target) as con:
            raw = {t: _sql_rows(con, t) for t in DATA_TABLES}
    elif target.endswith(".duckdb"):
        import duckdb

        con = duckdb.connect(target, read_only=True)
        raw = {t: _sql_rows(con, t) for t in DATA_TABLES}
        con.close()
    elif target.endswith(".parquet"):
        import pyarrow.parquet as pq

        raw = {t: pq.read_table(Path(target) / t).to_pylist() for t in DATA_TABLES}
    elif target.endswith(".csv"):
        for t in DATA_TABLES:
            with (Path(target) / f"{t}.csv").open(encoding="utf-8", newline="") as fh:
                raw[t] = list(csv.DictReader(fh))
    elif target.endswith(".jsonl"):
        raw = {t: [] for t in DATA_TABLES}
        for line in Path(target).read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            for record in article.pop("records"):
                raw[record.pop("type")].append(record)
            raw["articles"].append(article)
    else:
        con = sqlite3.connect(target)
        raw = {t: _sql_rows(con, t) for t in DATA_TABLES}
        con.close()
    return {t: normalise(t, rows) for t, rows in raw.items()}


def sqlite_in_order(target: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every data table of a SQLite file exactly as stored, in insertion order."""
    con = sqlite3.connect(target)
    tables = {t: con.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in DATA_TABLES}
    con.close()
    return tables
