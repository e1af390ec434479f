"""Where the batch job writes: one :class:`Sink` per kind of target, each holding :mod:`gov_extract.schema`'s tables.

This package owns "nothing lost, nothing twice" at the storage end: each
:meth:`Sink.write` stores a batch of articles with all their records in one
transaction (or one atomic file step), so a run killed at any point leaves
whole articles only, and :meth:`Sink.stored` tells a new run which articles
(by doc_id and content hash) are already there. Targets are chosen by
:func:`open_sink` from a path or URL:

======================  =====================================  ===================
target                  what                                   extra
======================  =====================================  ===================
``*.sqlite``, ``*.db``  SQLite file (the default)              (standard library)
``*.duckdb``            DuckDB file                            ``[duckdb]``
``*.parquet``           folder, one Parquet dataset per table  ``[parquet]``
``*.csv``               folder, one CSV file per table         (standard library)
``*.jsonl``             one line per article, records nested   (standard library)
``postgresql://…``      PostgreSQL, loaded with COPY           ``[postgres]``
======================  =====================================  ===================
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

DEFAULT_TARGET = "gov_extract.sqlite"


class SinkError(RuntimeError):
    """A target that cannot be opened or written: named, with what to do."""


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """One article ready to store: its ``articles`` row and its record rows by table."""

    doc_id: str
    article: tuple[Any, ...]
    records: dict[str, list[tuple[Any, ...]]]


class Sink(ABC):
    """A target holding the schema's tables."""

    #: How logs name the target (a database URL without its password).
    label: str

    @abstractmethod
    def stored(self) -> dict[str, tuple[str, str]]:
        """``{doc_id: (sha256, status)}`` of every article already stored."""

    @abstractmethod
    def write(self, batch: Sequence[ArticleRows], replace: Collection[str]) -> None:
        """Store a batch atomically, first removing every row of the doc_ids in ``replace``.

        The batch job calls this from a writer thread (one call at a time), so a
        target must not tie its connection to the thread that opened it."""

    @abstractmethod
    def write_run(self, run: tuple[Any, ...]) -> None:
        """Store (or update) the ``runs`` row of this run."""

    def finish(self) -> None:  # noqa: B027 - most sinks have nothing to build
        """Build what is cheaper built once after the last batch than kept up batch by batch (query indexes)."""

    def clear(self) -> None:
        """Remove every article and record (``--force`` on targets that cannot replace in place)."""
        self.write([], self.stored())

    def close(self) -> None:  # noqa: B027 - most sinks have nothing to release
        """Release the target."""

    def __enter__(self) -> Sink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def redact(target: str) -> str:
    """A target as logs may show it: a URL's password replaced by ``***``.

    >>> redact("postgresql://etl:s3cret@db.example:5432/news")
    'postgresql://etl:***@db.example:5432/news'
    """
    parts = urlsplit(target)
    if parts.password is None:
        return target
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


_KINDS = {
    ".sqlite": ("sqlite", "SQLiteSink"),
    ".sqlite3": ("sqlite", "SQLiteSink"),
    ".db": ("sqlite", "SQLiteSink"),
    ".duckdb": ("duckdb", "DuckDBSink"),
    ".parquet": ("parquet", "ParquetSink"),
    ".csv": ("csvdir", "CSVSink"),
    ".jsonl": ("jsonl", "JSONLSink"),
}


def sink_kind(target: str) -> str:
    """The sink module a target needs; raises ValueError naming the supported forms."""
    if target.startswith(("postgresql://", "postgres://")):
        return "postgres"
    lowered = target.rstrip("/").lower()
    for suffix, (module, _cls) in _KINDS.items():
        if lowered.endswith(suffix):
            return module
    raise ValueError(f"--out {target!r}: name a file or folder ending in {', '.join(_KINDS)}, or a postgresql:// URL")


def open_sink(target: str, *, version: str) -> Sink:
    """The sink for a target path or URL (checked with :func:`sink_kind`)."""
    module_name = sink_kind(target)
    module = importlib.import_module(f"{__name__}.{module_name}")
    if module_name == "postgres":
        return module.PostgresSink(target, version=version)
    cls = next(c for m, c in _KINDS.values() if m == module_name)
    return getattr(module, cls)(target, version=version)
