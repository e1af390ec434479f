"""One JSON line per article: the ``articles`` columns, and its records nested as the spec's JSON.

``{"doc_id": …, "status": "ok", …, "records": [{"type": "money", "start": 12, …}, …]}``.
An article and its records are one line, written and flushed per batch, so a
run killed mid-write leaves at most a partial last line, which the next run
cuts off. Runs are logged beside it in ``NAME.runs.jsonl``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import schema
from . import ArticleRows, Sink, SinkError
from .files import atomic_write


def _line(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, default=str) + "\n"


def _record(table: str, row: tuple[Any, ...]) -> dict[str, Any]:
    record = {"type": table, **schema.as_dict(table, row)}
    for column in schema.TABLES[table]:
        if column.type == "json":
            record[column.name] = json.loads(record[column.name])
    return record


class JSONLSink(Sink):
    def __init__(self, target: str, *, version: str) -> None:
        self.label = target
        self.path = Path(target)
        self.runs_path = self.path.with_name(self.path.name.removesuffix(".jsonl") + ".runs.jsonl")
        if self.path.is_dir():
            raise SinkError(f"{target} is a folder; a .jsonl target is one file")
        if self.path.exists():
            with self.path.open("rb+") as fh:
                data = fh.read()
                keep = data.rfind(b"\n") + 1
                if keep < len(data):
                    fh.truncate(keep)
        else:
            self.path.touch()

    def _articles(self) -> Iterator[dict[str, Any]]:
        with self.path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)

    def stored(self) -> dict[str, tuple[str, str]]:
        return {a["doc_id"]: (a["sha256"], a["status"]) for a in self._articles()}

    def write(self, batch: Sequence[ArticleRows], replace: Collection[str]) -> None:
        if replace:
            gone = set(replace)
            kept = "".join(_line(a) for a in self._articles() if a["doc_id"] not in gone)
            atomic_write(self.path, kept.encode("utf-8"))
        lines = []
        for item in batch:
            article = schema.as_dict("articles", item.article)
            records = [_record(t, row) for t in schema.RECORD_TABLES for row in item.records.get(t, ())]
            article["records"] = sorted(records, key=lambda r: (r["start"], r["end"], r["type"]))
            lines.append(_line(article))
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write("".join(lines))
            fh.flush()
            os.fsync(fh.fileno())

    def write_run(self, run: tuple[Any, ...]) -> None:
        row = schema.as_dict("runs", run)
        if row["finished"] is not None:
            with self.runs_path.open("a", encoding="utf-8") as fh:
                fh.write(_line(row))
