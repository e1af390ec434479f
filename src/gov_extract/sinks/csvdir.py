"""A folder of CSV files, one per table (``articles.csv``, ``quantity.csv``, …), UTF-8 with a header row.

Rows are appended per batch; after each batch the files are flushed to disk
and their sizes recorded in ``_committed.json`` (written atomically). On
opening, a file longer than its committed size (a run killed mid-batch) is cut
back to it, so a resumed run never sees half an article. Dates are ISO
(``2024-03-06``), booleans ``true``/``false``, JSON columns JSON text, nulls empty.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Collection, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .. import schema
from . import ArticleRows, Sink
from .files import atomic_write, prepare_folder

COMMITTED = "_committed.json"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _csv_bytes(rows: Sequence[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([_cell(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


class CSVSink(Sink):
    def __init__(self, target: str, *, version: str) -> None:
        self.label = target
        self.root = Path(target)
        prepare_folder(self.root, version)
        self.paths = {t: self.root / f"{t}.csv" for t in schema.TABLES}
        committed_file = self.root / COMMITTED
        sizes = json.loads(committed_file.read_text()) if committed_file.is_file() else {}
        for table, path in self.paths.items():
            if not path.exists() or table not in sizes:
                atomic_write(path, _csv_bytes([[c.name for c in schema.TABLES[table]]]))
            elif path.stat().st_size > sizes[table]:
                os.truncate(path, sizes[table])
        self._commit()

    def _commit(self) -> None:
        sizes = {t: p.stat().st_size for t, p in self.paths.items()}
        atomic_write(self.root / COMMITTED, json.dumps(sizes).encode())

    def _append(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        with self.paths[table].open("ab") as fh:
            fh.write(_csv_bytes(rows))
            fh.flush()
            os.fsync(fh.fileno())

    def _rows(self, table: str) -> Iterator[list[str]]:
        with self.paths[table].open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            next(reader, None)
            yield from reader

    def stored(self) -> dict[str, tuple[str, str]]:
        names = [c.name for c in schema.ARTICLE_COLUMNS]
        sha, status = names.index("sha256"), names.index("status")
        return {row[0]: (row[sha], row[status]) for row in self._rows("articles")}

    def write(self, batch: Sequence[ArticleRows], replace: Collection[str]) -> None:
        if replace:
            gone = set(replace)
            for table in (*schema.RECORD_TABLES, "articles"):
                header = [c.name for c in schema.TABLES[table]]
                kept = [row for row in self._rows(table) if row[0] not in gone]
                atomic_write(self.paths[table], _csv_bytes([header, *kept]))
        for table in schema.RECORD_TABLES:
            rows = [row for a in batch for row in a.records.get(table, ())]
            if rows:
                self._append(table, rows)
        if batch:
            self._append("articles", [a.article for a in batch])
        self._commit()

    def write_run(self, run: tuple[Any, ...]) -> None:
        if schema.as_dict("runs", run)["finished"] is not None:
            self._append("runs", [run])
            self._commit()
