"""A folder of Parquet datasets, one per table (``OUT/articles/``, ``OUT/quantity/``, …), as Spark and DuckDB read them.

Each batch is one part file per table (``part-000001.parquet``), each written
to a temporary name and renamed into place, the ``articles`` part last: a
batch whose ``articles`` part exists is complete, and on opening, parts of any
batch without one (a run killed mid-batch) are deleted.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from .. import schema
from ..arrow import require_pyarrow, to_arrow
from . import ArticleRows, Sink
from .files import prepare_folder

_PART = re.compile(r"part-(\d{6})\.parquet")


class ParquetSink(Sink):
    def __init__(self, target: str, *, version: str) -> None:
        require_pyarrow("parquet")
        import pyarrow.parquet as pq

        self.pq = pq
        self.label = target
        self.root = Path(target)
        prepare_folder(self.root, version)
        for table in schema.TABLES:
            (self.root / table).mkdir(exist_ok=True)
        self._recover()

    def _parts(self, table: str) -> list[Path]:
        return sorted(p for p in (self.root / table).iterdir() if _PART.fullmatch(p.name))

    def _recover(self) -> None:
        for tmp in self.root.glob("*/.*.tmp"):
            tmp.unlink()
        committed = {p.name for p in self._parts("articles")}
        for table in schema.RECORD_TABLES:
            for part in self._parts(table):
                if part.name not in committed:
                    part.unlink()
        numbers = [int(m.group(1)) for t in schema.TABLES for p in self._parts(t) if (m := _PART.fullmatch(p.name))]
        self._next = max(numbers, default=0) + 1

    def _write_part(self, table: str, name: str, rows: Sequence[tuple[Any, ...]]) -> None:
        path = self.root / table / name
        tmp = path.with_name(f".{name}.tmp")
        self.pq.write_table(to_arrow(table, rows), tmp)
        tmp.replace(path)

    def stored(self) -> dict[str, tuple[str, str]]:
        stored: dict[str, tuple[str, str]] = {}
        for part in self._parts("articles"):
            columns = self.pq.read_table(part, columns=["doc_id", "sha256", "status"]).to_pydict()
            stored.update(zip(columns["doc_id"], zip(columns["sha256"], columns["status"], strict=True), strict=True))
        return stored

    def _remove(self, doc_ids: Collection[str]) -> None:
        """Rewrite the parts holding these articles without them (records first, the articles last)."""
        pa = require_pyarrow("parquet")
        import pyarrow.compute as pc

        wanted = pa.array(list(doc_ids), type=pa.string())
        for table in (*schema.RECORD_TABLES, "articles"):
            for part in self._parts(table):
                data = self.pq.read_table(part)
                keep = pc.invert(pc.is_in(data["doc_id"], value_set=wanted))
                if not pc.all(keep).as_py():
                    tmp = part.with_name(f".{part.name}.tmp")
                    self.pq.write_table(data.filter(keep), tmp)
                    tmp.replace(part)

    def write(self, batch: Sequence[ArticleRows], replace: Collection[str]) -> None:
        if replace:
            self._remove(replace)
        if not batch:
            return
        name = f"part-{self._next:06d}.parquet"
        self._next += 1
        for table in schema.RECORD_TABLES:
            rows = [row for a in batch for row in a.records.get(table, ())]
            if rows:
                self._write_part(table, name, rows)
        self._write_part("articles", name, [a.article for a in batch])

    def write_run(self, run: tuple[Any, ...]) -> None:
        self._write_part("runs", f"run-{run[0]}.parquet", [run])

    def clear(self) -> None:
        for table in ("articles", *schema.RECORD_TABLES):
            for part in self._parts(table):
                part.unlink()
