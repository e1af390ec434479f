"""PostgreSQL by URL: the same tables (``jsonb``, ``date``, ``timestamptz``), each batch COPYed in one transaction.

The URL is any libpq connection URL (``postgresql://user:password@host:5432/db``);
logs and the ``runs`` table show it with the password replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..schema import TABLES, ColumnType
from . import SinkError, redact
from .sql import SqlSink, quote


class PostgresSink(SqlSink):
    types: ClassVar[dict[ColumnType, str]] = {
        "text": "text",
        "integer": "bigint",
        "real": "double precision",
        "boolean": "boolean",
        "date": "date",
        "timestamp": "timestamptz",
        "json": "jsonb",
    }
    param: ClassVar[str] = "%s"

    def __init__(self, target: str, *, version: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise ImportError('PostgreSQL targets need psycopg 3: pip install "gov-extract[postgres]"') from None
        self.label = redact(target)
        try:
            self.con = psycopg.connect(target, autocommit=True)
        except psycopg.Error as err:
            raise SinkError(f"cannot connect to {self.label}: {str(err).strip()}") from None
        self._copies = {
            t: f"COPY {quote(t)} ({', '.join(quote(c.name) for c in cols)}) FROM STDIN" for t, cols in TABLES.items()
        }
        super().__init__(version=version)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self.con.execute(sql, list(params) or None)
        return cursor.fetchall() if cursor.description else []

    def table_names(self) -> set[str]:
        return {r[0] for r in self.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}

    def insert(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        with self.con.cursor() as cursor, cursor.copy(self._copies[table]) as copy:
            for row in rows:
                copy.write_row(row)

    def begin(self) -> None:
        self.con.execute("BEGIN")

    def commit(self) -> None:
        self.con.execute("COMMIT")

    def rollback(self) -> None:
        self.con.execute("ROLLBACK")

    def close(self) -> None:
        self.con.close()
