"""The batch job: many articles through :func:`~gov_extract.extract` in worker processes, into one sink.

This module owns the order of work and "nothing lost": every source becomes
exactly one ``articles`` row (ok, or failed with its error), extraction runs in
``jobs`` processes with results kept in input order (so ``--jobs 2`` writes the
same database as ``--jobs 1``), and batches are written by the one writer in
this process. Articles already stored with the same content hash are skipped,
which makes a killed run resumable and a repeated run change nothing; articles
that failed are tried again, so a rerun's exit code still reports them.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import queue
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from . import schema
from .context import parse_pub_date
from .pipeline import extract
from .records import RECORD_TYPES, Extraction
from .schema import ArticleMeta
from .sinks import DEFAULT_TARGET, ArticleRows, Sink, open_sink, redact, sink_kind
from .sources import DEFAULT_MAX_BYTES, Decoded, DecodeError, Discovery, Source, decode, discover
from .version import __version__

log = logging.getLogger("gov_extract")

T = TypeVar("T")
R = TypeVar("R")


# --- one article -------------------------------------------------------------------------------


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from a date as manifests, exports and pages hold it (``2024/3/6``,
    ``2024年3月6日``, ``2024-03-06 10:00``, ``2024-03-06T10:00:00+08:00``); None for a blank one,
    ValueError for one that is no date (:func:`gov_extract.context.parse_pub_date` reads it)."""
    parsed = parse_pub_date(value)
    return parsed.isoformat() if parsed else None


def pub_date_option(value: str) -> str | None:
    """``--pub-date``'s type: :func:`iso_date` with argparse's error."""
    try:
        return iso_date(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


@dataclass(frozen=True, slots=True)
class Defaults:
    """Context for every article that brings none of its own (``--pub-date``, ``--home-place``): an
    article's manifest or export row, and for ``pub_date`` its page's metadata, come first."""

    pub_date: str | None = None
    home_place: str | None = None


def extract_with_context(
    text: str, doc_id: str | None, pub_date: str | None, home_place: str | None
) -> tuple[Extraction, str | None]:
    """``extract()`` with given context that may be wrong: a home place it does not know is dropped with a warning."""
    try:
        return extract(text, doc_id=doc_id, pub_date=pub_date, home_place=home_place), None
    except ValueError as err:
        if not home_place:
            raise
        return extract(text, doc_id=doc_id, pub_date=pub_date), f"{err}; the home place was inferred instead"


def article_pub_date(source: Source, decoded: Decoded, defaults: Defaults) -> tuple[str | None, bool, list[str]]:
    """The date an article is read with: its own (manifest or export row, then its page's
    metadata) before the run's default; whether it came from the page; warnings."""
    warnings = []
    try:
        pub_date = iso_date(source.pub_date)
    except ValueError:
        pub_date = None
        warnings.append(f"pub_date {source.pub_date!r} is not a date; it was not used")
    page_date = decoded.page_date if pub_date is None else None  # htmldate gives YYYY-MM-DD
    return page_date or pub_date or defaults.pub_date, bool(page_date), warnings


def process(source: Source, defaults: Defaults = Defaults()) -> ArticleRows:
    """One source to its rows; any failure becomes a ``failed`` articles row, never an exception."""
    meta = ArticleMeta(source.doc_id, source.source, source.sha256, source.encoding, source.url, source.title)
    if source.error:
        return ArticleRows(source.doc_id, schema.article_row(meta, None, None, error=source.error), {})
    text: str | None = None
    try:
        decoded = decode(source)
        text = decoded.text
        meta = replace(meta, encoding=decoded.encoding, title=meta.title or decoded.title)
        if not text.strip():
            raise DecodeError("empty: no text" + (" in the page's main content" if source.kind == "html" else ""))
        pub_date, from_page, warnings = article_pub_date(source, decoded, defaults)
        if from_page:
            meta = replace(meta, pub_date_source="page_metadata")
        extraction, warning = extract_with_context(
            text, source.doc_id, pub_date, source.home_place or defaults.home_place
        )
        if warning:
            warnings.append(warning)
        article = schema.article_row(meta, text, extraction, warning="; ".join(warnings) or None)
        return ArticleRows(source.doc_id, article, schema.record_rows(extraction, source.doc_id))
    except (DecodeError, ImportError) as err:
        return ArticleRows(source.doc_id, schema.article_row(meta, text, None, error=str(err)), {})
    except Exception as err:  # an extractor bug must cost one article, not the run
        log.debug("extraction failed for %s", source.doc_id, exc_info=True)
        error = f"extraction failed: {type(err).__name__}: {err}"
        return ArticleRows(source.doc_id, schema.article_row(meta, text, None, error=error), {})


def _process_chunk(chunk: list[Source], defaults: Defaults) -> list[ArticleRows]:
    return [process(source, defaults) for source in chunk]


# --- order-keeping parallel map --------------------------------------------------------------


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ordered_map(
    func: Callable[..., list[R]], items: Iterable[T], *args: Any, jobs: int = 1, chunk_size: int = 16
) -> Iterator[R]:
    """``func(chunk, *args)`` over chunks of ``items`` in ``jobs`` processes, results in input order.

    At most ``6 * jobs`` chunks are in flight: enough queued work that no worker
    waits while this process stores a batch, few enough that a long input is
    read as it is consumed, not held in memory. ``jobs=1`` runs in this process.
    """
    if jobs <= 1:
        for chunk in _chunks(items, chunk_size):
            yield from func(chunk, *args)
        return
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        in_flight: deque[Any] = deque()
        for chunk in _chunks(items, chunk_size):
            in_flight.append(pool.apply_async(func, (chunk, *args)))
            if len(in_flight) >= 6 * jobs:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


# --- the Python API ----------------------------------------------------------------------------


def _as_source(item: object, index: int) -> tuple[Source, str | None, str | None]:
    if isinstance(item, str):
        text: object = item
        doc_id, pub_date, home_place = None, None, None
    elif isinstance(item, dict):
        text = item.get("text")
        doc_id, pub_date, home_place = item.get("doc_id"), item.get("pub_date"), item.get("home_place")
    else:
        raise TypeError(f"extract_many item {index} must be a str or a dict with 'text', got {type(item).__name__}")
    if not isinstance(text, str):
        raise TypeError(f"extract_many item {index}: 'text' must be str, got {type(text).__name__}")
    pub = pub_date.isoformat() if isinstance(pub_date, date) else pub_date
    source = Source(
        doc_id=str(doc_id) if doc_id is not None else "", source=f"item {index}", kind="row", sha256="", text=text
    )
    return source, _given(pub), _given(home_place)


def _given(value: object) -> Any:
    """An item's context value, where a blank string is none given (so the call's default applies)."""
    return None if isinstance(value, str) and not value.strip() else value


def _extract_chunk(chunk: list[tuple[Source, str | None, str | None]], defaults: Defaults) -> list[Extraction]:
    results = []
    for source, pub_date, home_place in chunk:
        doc_id = source.doc_id or None
        try:
            extraction, _ = extract_with_context(
                source.text or "", doc_id, pub_date or defaults.pub_date, home_place or defaults.home_place
            )
        except Exception as err:
            extraction = Extraction(doc_id=doc_id, error=f"{type(err).__name__}: {err}")
        results.append(extraction)
    return results


def extract_many(
    items: Iterable[str | dict[str, Any]],
    *,
    jobs: int = 1,
    pub_date: date | str | None = None,
    home_place: str | None = None,
) -> Iterator[Extraction]:
    """:func:`~gov_extract.extract` over many articles in ``jobs`` processes, yielding results in input order.

    An item is the text, or a dict with ``text`` and any of ``doc_id``, ``pub_date``,
    ``home_place`` (which override the keyword defaults). An article that cannot be
    extracted yields an ``Extraction`` with ``error`` set and no records; the others go on.

    >>> [len(x.records) for x in extract_many(["完成造林11.36万亩。", {"text": "投资5亿元", "doc_id": "b"}])]
    [1, 1]
    """
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number >= 1, got {jobs!r}")
    pub = pub_date.isoformat() if isinstance(pub_date, date) else pub_date
    defaults = Defaults(pub, home_place)
    sources = (_as_source(item, i) for i, item in enumerate(items))
    yield from ordered_map(_extract_chunk, sources, defaults, jobs=jobs)


# --- the batch job ---------------------------------------------------------------------------


class BatchWriter:
    """``sink.write`` in a thread of its own, so workers are fed while a batch is committed.

    Batches are written in the order given, one at a time; at most two wait. A
    failed write is raised by the next :meth:`put` or by :meth:`close`, and later
    batches are not written, so nothing is stored after a batch that was lost.
    With ``in_thread=False`` (extraction in this process: a thread would only
    contend with it for the GIL) :meth:`put` writes at once.
    """

    def __init__(self, sink: Sink, *, in_thread: bool = True) -> None:
        self.sink = sink
        self.error: BaseException | None = None
        self._queue: queue.Queue[tuple[list[ArticleRows], set[str]] | None] = queue.Queue(maxsize=2)
        self._thread = threading.Thread(target=self._write_all, name="gov_extract-writer", daemon=True)
        self._in_thread = in_thread
        if in_thread:
            self._thread.start()

    def _write_all(self) -> None:
        while (item := self._queue.get()) is not None:
            if self.error is None:
                try:
                    self.sink.write(*item)
                except BaseException as err:
                    self.error = err

    def put(self, batch: list[ArticleRows], replace: set[str]) -> None:
        self._raise()
        if self._in_thread:
            self._queue.put((batch, replace))
        else:
            self.sink.write(batch, replace)

    def close(self) -> None:
        """Wait for every batch given to be written; raise the first failure."""
        if self._in_thread:
            self._queue.put(None)
            self._thread.join()
        self._raise()

    def abandon(self) -> None:
        """Stop after the batch being written (its transaction completes or rolls back); drop the rest."""
        self.error = self.error or RuntimeError("the run was stopped")
        if not self._in_thread:
            return
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._queue.put(None)
        self._thread.join()

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error


@dataclass(slots=True)
class RunSummary:
    """What a run did, for the summary table, the ``runs`` row and the exit code."""

    run_id: str
    target: str
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    records: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TYPES, 0))
    characters: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    renamed: int = 0

    @property
    def articles(self) -> int:
        return self.ok + self.failed


_STATUS = next(i for i, c in enumerate(schema.ARTICLE_COLUMNS) if c.name == "status")
_ERROR = _STATUS + 1
_LENGTH = next(i for i, c in enumerate(schema.ARTICLE_COLUMNS) if c.name == "length")


def run(
    sources: Iterable[Source],
    sink: Sink,
    *,
    jobs: int = 1,
    force: bool = False,
    defaults: Defaults = Defaults(),
    batch_size: int = 200,
    options: dict[str, Any] | None = None,
    version: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> RunSummary:
    """Extract every source not already stored into ``sink``; returns the counts.

    ``progress(articles_done, records_done)`` is called after each article.
    A stored article with the same doc_id and content hash is skipped unless
    ``force``; one with other content, or one that failed, is extracted again and replaced.
    """
    started = datetime.now(UTC)
    summary = RunSummary(run_id=f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}", target=sink.label)
    run_row = dict.fromkeys(c.name for c in schema.RUN_COLUMNS)
    run_row.update(
        run_id=summary.run_id,
        version=version,
        schema_version=schema.SCHEMA_VERSION,
        started=started,
        options=schema.to_json(options or {}),
    )
    sink.write_run(tuple(run_row.values()))
    stored = sink.stored()
    if force and stored:
        sink.clear()
        stored = {}
    changed: set[str] = set()

    def todo() -> Iterator[Source]:
        for source in sources:
            known = stored.get(source.doc_id)
            if known == (source.sha256, "ok"):
                summary.skipped += 1
                if progress:
                    progress(summary.articles + summary.skipped, sum(summary.records.values()))
                continue
            if known is not None:
                changed.add(source.doc_id)
            yield source

    pending: list[ArticleRows] = []
    writer = BatchWriter(sink, in_thread=jobs > 1)

    def flush() -> None:
        ids = {rows.doc_id for rows in pending}
        writer.put(pending.copy(), changed & ids)
        changed.difference_update(ids)
        pending.clear()

    clock = time.perf_counter()
    try:
        for rows in ordered_map(_process_chunk, todo(), defaults, jobs=jobs):
            pending.append(rows)
            if rows.article[_STATUS] == "ok":
                summary.ok += 1
                summary.characters += rows.article[_LENGTH]
            else:
                summary.failed += 1
                summary.failures.append((rows.doc_id, rows.article[_ERROR]))
            for table, table_rows in rows.records.items():
                summary.records[table] += len(table_rows)
            if len(pending) >= batch_size:
                flush()
            if progress:
                progress(summary.articles + summary.skipped, sum(summary.records.values()))
        if pending:
            flush()
    except BaseException:
        writer.abandon()
        raise
    writer.close()
    sink.finish()
    summary.seconds = time.perf_counter() - clock
    run_row.update(
        finished=datetime.now(UTC),
        n_ok=summary.ok,
        n_failed=summary.failed,
        n_skipped=summary.skipped,
        n_records=sum(summary.records.values()),
        seconds=round(summary.seconds, 3),
    )
    sink.write_run(tuple(run_row.values()))
    return summary


def prepare_job(
    inputs: Iterable[str],
    out: str = DEFAULT_TARGET,
    *,
    manifest: str | None = None,
    text_field: str = "text",
    max_bytes: int = DEFAULT_MAX_BYTES,
    defaults: Defaults = Defaults(),
) -> tuple[Discovery, Sink]:
    """The files a job will read and the open target, or, before any work, ValueError (InputError) for
    options that name nothing, SinkError for a target that cannot be opened, ImportError for a missing extra."""
    sink_kind(out)
    if defaults.pub_date is not None:
        iso_date(str(defaults.pub_date))
    if defaults.home_place:
        extract("", home_place=defaults.home_place)
    discovery = discover(inputs, manifest=manifest, text_field=text_field, max_bytes=max_bytes)
    return discovery, open_sink(out, version=__version__)


def run_job(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    out: str | os.PathLike[str] = DEFAULT_TARGET,
    *,
    jobs: int = 1,
    manifest: str | None = None,
    pub_date: date | str | None = None,
    home_place: str | None = None,
    force: bool = False,
    text_field: str = "text",
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = 200,
) -> RunSummary:
    """``gov-extract run`` from Python: every article the inputs name into ``out``, resumable, nothing lost.

    Returns the counts (``ok``, ``failed``, ``skipped``, ``records`` per type,
    ``failures``); options that name nothing raise before any work.
    """
    names = [os.fspath(inputs)] if isinstance(inputs, str | os.PathLike) else [os.fspath(i) for i in inputs]
    target = os.fspath(out)
    pub = pub_date.isoformat() if isinstance(pub_date, date) else pub_date
    defaults = Defaults(pub, home_place)
    discovery, sink = prepare_job(
        names, target, manifest=manifest, text_field=text_field, max_bytes=max_bytes, defaults=defaults
    )
    options = run_options(inputs=names, out=target, jobs=jobs, force=force, manifest=manifest, defaults=defaults)
    with sink:
        summary = run(
            discovery.sources(),
            sink,
            jobs=jobs,
            force=force,
            defaults=defaults,
            batch_size=batch_size,
            options=options,
            version=__version__,
        )
    summary.ignored, summary.renamed = discovery.ignored, discovery.renamed
    return summary


def run_options(**options: Any) -> dict[str, Any]:
    """A run's options as stored in ``runs.options``: JSON-able, database passwords removed."""
    clean = {k: v for k, v in options.items() if v not in (None, False, [])}
    if "out" in clean:
        clean["out"] = redact(str(clean["out"]))
    return {k: (asdict(v) if hasattr(v, "__dataclass_fields__") else v) for k, v in clean.items()}


__all__ = [
    "BatchWriter",
    "Defaults",
    "RunSummary",
    "article_pub_date",
    "extract_many",
    "iso_date",
    "ordered_map",
    "prepare_job",
    "process",
    "pub_date_option",
    "run",
    "run_job",
    "run_options",
]
