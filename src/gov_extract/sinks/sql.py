"""What the SQL targets (SQLite, DuckDB, PostgreSQL) share: DDL from the schema, resume, batch transactions.

A subclass says how to connect, which SQL type each logical column type is,
and how to bulk-insert rows; this module owns the statements and the order of
a batch: remove replaced articles, insert articles, insert records, commit.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Collection, Sequence
from typing import Any, ClassVar

from .. import schema
from ..schema import TABLES, ColumnType
from . import ArticleRows, Sink, SinkError

META_TABLE = "gov_extract_meta"
# Indexes for users' queries, built at the end of a run: kept up row by row they cost a
# sixth of the job's writing. Each record table's doc_id index is there from the start
# (a rerun deletes replaced articles by it).
_QUERY_INDEXES = (("place", "adcode"), ("person", "name"), ("quantity", "unit"), ("date", "start_date"))


def quote(name: str) -> str:
    """A quoted identifier: ``end``, ``date`` and ``text`` are keywords somewhere."""
    return '"' + name.replace('"', '""') + '"'


class SqlSink(Sink):
    """A SQL database holding the schema's tables, plus ``gov_extract_meta`` (schema_version, version)."""

    types: ClassVar[dict[ColumnType, str]]
    param: ClassVar[str] = "?"

    def __init__(self, *, version: str) -> None:
        self.version = version
        self._check_and_create()

    # --- what a dialect provides ---
    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return its rows."""

    @abstractmethod
    def table_names(self) -> set[str]:
        """The tables the database already has."""

    @abstractmethod
    def insert(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """Bulk-insert row tuples in the schema's column order (inside the open transaction)."""

    @abstractmethod
    def begin(self) -> None: ...

    @abstractmethod
    def commit(self) -> None: ...

    @abstractmethod
    def rollback(self) -> None: ...

    # --- shared ---
    def ddl(self) -> list[str]:
        text = self.types["text"]
        statements = [f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key {text} PRIMARY KEY, value {text})"]
        for table, columns in TABLES.items():
            cols = [f"{quote(c.name)} {self.types[c.type]}" for c in columns]
            if table in schema.PRIMARY_KEYS:
                cols.append(f"PRIMARY KEY ({', '.join(map(quote, schema.PRIMARY_KEYS[table]))})")
            statements.append(f"CREATE TABLE IF NOT EXISTS {quote(table)} ({', '.join(cols)})")
        for table in schema.RECORD_TABLES:
            statements.append(f"CREATE INDEX IF NOT EXISTS {quote(f'{table}_doc_id')} ON {quote(table)} (doc_id)")
        return statements

    def finish(self) -> None:
        self.begin()
        for table, column in _QUERY_INDEXES:
            self.execute(f"CREATE INDEX IF NOT EXISTS {quote(f'{table}_{column}')} ON {quote(table)} ({quote(column)})")
        self.commit()

    def _check_and_create(self) -> None:
        existing = self.table_names()
        if META_TABLE in existing:
            rows = self.execute(f"SELECT value FROM {META_TABLE} WHERE key = {self.param}", ("schema_version",))
            found = rows[0][0] if rows else None
            if str(found) != str(schema.SCHEMA_VERSION):
                raise SinkError(
                    f"{self.label} holds gov_extract schema version {found}, this version writes "
                    f"{schema.SCHEMA_VERSION}: write to a new target"
                )
        elif existing & set(TABLES):
            clash = ", ".join(sorted(existing & set(TABLES)))
            raise SinkError(f"{self.label} is not a gov_extract database but has tables named {clash}")
        self.begin()
        for statement in self.ddl():
            self.execute(statement)
        for key, value in (("schema_version", str(schema.SCHEMA_VERSION)), ("created_by", self.version)):
            if not self.execute(f"SELECT 1 FROM {META_TABLE} WHERE key = {self.param}", (key,)):
                self.execute(f"INSERT INTO {META_TABLE} (key, value) VALUES ({self.param}, {self.param})", (key, value))
        self.commit()

    def stored(self) -> dict[str, tuple[str, str]]:
        rows = self.execute('SELECT doc_id, sha256, status FROM "articles"')
        return {doc_id: (sha, status) for doc_id, sha, status in rows}

    def _delete(self, doc_ids: Collection[str]) -> None:
        ids = list(doc_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ", ".join([self.param] * len(chunk))
            for table in ("articles", *schema.RECORD_TABLES):
                self.execute(f"DELETE FROM {quote(table)} WHERE doc_id IN ({marks})", chunk)

    def write(self, batch: Sequence[ArticleRows], replace: Collection[str]) -> None:
        self.begin()
        try:
            if replace:
                self._delete(replace)
            if batch:
                self.insert("articles", [a.article for a in batch])
                for table in schema.RECORD_TABLES:
                    rows = [row for a in batch for row in a.records.get(table, ())]
                    if rows:
                        self.insert(table, rows)
            self.commit()
        except BaseException:
            self.rollback()
            raise

    def write_run(self, run: tuple[Any, ...]) -> None:
        self.begin()
        self.execute(f'DELETE FROM "runs" WHERE run_id = {self.param}', (run[0],))
        self.insert("runs", [run])
        self.commit()
