"""A DuckDB file: the same tables with native DATE, BOOLEAN and JSON columns, loaded through Arrow."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..arrow import require_pyarrow, to_arrow
from ..schema import ColumnType
from . import SinkError
from .sql import SqlSink, quote


class DuckDBSink(SqlSink):
    types: ClassVar[dict[ColumnType, str]] = {
        "text": "VARCHAR",
        "integer": "BIGINT",
        "real": "DOUBLE",
        "boolean": "BOOLEAN",
        "date": "DATE",
        "timestamp": "TIMESTAMPTZ",
        "json": "JSON",
    }

    def __init__(self, target: str, *, version: str) -> None:
        try:
            import duckdb
        except ImportError:
            raise ImportError('the .duckdb target needs duckdb: pip install "gov-extract[duckdb]"') from None
        require_pyarrow("duckdb")
        self.label = target
        try:
            self.con = duckdb.connect(target)
        except duckdb.Error as err:
            raise SinkError(f"{target} cannot be opened as a DuckDB database: {err}") from None
        super().__init__(version=version)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def table_names(self) -> set[str]:
        return {r[0] for r in self.execute("SELECT table_name FROM information_schema.tables")}

    def insert(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        batch = to_arrow(table, rows)  # noqa: F841 - DuckDB reads the local variable by name
        self.con.execute(f"INSERT INTO {quote(table)} SELECT * FROM batch")

    def begin(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def commit(self) -> None:
        self.con.execute("COMMIT")

    def rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except Exception:
            return

    def close(self) -> None:
        self.con.close()
