"""The default target: one SQLite file, which pandas, DuckDB, Datasette, R and DB Browser all open.

Dates are stored as ISO text (``'2024-03-06'``), booleans as 0/1 and JSON
columns as JSON text, so ``date(...)``, ``json_extract(...)`` and sorting work
in SQL. WAL mode lets a reader (the review page) open the file during a run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar

from ..schema import TABLES, ColumnType
from . import SinkError
from .sql import SqlSink, quote


def _converter(table: str) -> Any:
    """A function giving a row's values as SQLite stores them: dates and timestamps as ISO text;
    None for a table that has neither (its rows are stored as they are)."""
    at = [i for i, c in enumerate(TABLES[table]) if c.type in ("date", "timestamp")]
    if not at:
        return None

    def convert(row: tuple[Any, ...]) -> tuple[Any, ...]:
        values = list(row)
        for i in at:
            if isinstance(values[i], date | datetime):
                values[i] = values[i].isoformat()
        return tuple(values)

    return convert


class SQLiteSink(SqlSink):
    types: ClassVar[dict[ColumnType, str]] = {
        "text": "TEXT",
        "integer": "INTEGER",
        "real": "REAL",
        "boolean": "INTEGER",
        "date": "TEXT",
        "timestamp": "TEXT",
        "json": "TEXT",
    }

    def __init__(self, target: str, *, version: str) -> None:
        self.label = target
        path = Path(target)
        if path.parent and not path.parent.exists():
            raise SinkError(f"{target}: folder {path.parent} does not exist")
        try:
            # The batch job writes from a thread of its own (never two at once).
            self.con = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as err:
            raise SinkError(f"{target} is not a SQLite database: {err}") from None
        self._inserts = {
            t: f"INSERT INTO {quote(t)} VALUES ({', '.join('?' * len(cols))})" for t, cols in TABLES.items()
        }
        self._converters = {t: _converter(t) for t in TABLES}
        super().__init__(version=version)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params).fetchall()

    def table_names(self) -> set[str]:
        try:
            return {r[0] for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as err:
            raise SinkError(f"{self.label} is not a SQLite database: {err}") from None

    def insert(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        convert = self._converters[table]
        self.con.executemany(self._inserts[table], rows if convert is None else map(convert, rows))

    def begin(self) -> None:
        self.con.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.con.execute("COMMIT")

    def rollback(self) -> None:
        if self.con.in_transaction:
            self.con.execute("ROLLBACK")

    def close(self) -> None:
        self.con.close()
