"""Inputs of the batch job: which articles a list of paths names, and how their bytes become text.

This module owns discovery (files, folders, globs, ``-`` for stdin; ``.jsonl``
and ``.csv`` exports holding one article per row; a manifest of per-file
metadata), decoding (BOMs, then strict UTF-8, GBK, Big5 and GB18030, then
charset-normalizer for the rest, UTF-16 without a mark) and HTML main text (trafilatura, with the page's title
and date). Every input becomes one :class:`Source`, readable or not: a file
that cannot be read carries its error instead of stopping the run.
Sources are plain picklable values, so worker processes can decode them.
"""

from __future__ import annotations

import codecs
import csv
import glob
import hashlib
import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

log = logging.getLogger("gov_extract")

TEXT_SUFFIXES = frozenset((".txt", ".text"))
HTML_SUFFIXES = frozenset((".html", ".htm", ".shtml", ".xhtml"))
EXPORT_SUFFIXES = frozenset((".jsonl", ".csv"))
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | EXPORT_SUFFIXES
EXPORT_FIELDS = ("doc_id", "pub_date", "home_place", "url", "title")
# Control characters other than tab, line feed, form feed and carriage return (NUL is checked apart).
_CONTROL_CHARACTER = re.compile(r"[\x01-\x08\x0b\x0e-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
MANIFEST_NAME = "manifest.csv"  # at the top of an input folder, read as its manifest
DEFAULT_MAX_BYTES = 20_000_000

# Encodings real Chinese pages come in, in the order charset-normalizer should weigh them.
_CHINESE_ENCODINGS = ["gb18030", "big5", "big5hkscs", "utf_16", "utf_16_le", "utf_16_be"]
# (codec tried strictly, encoding recorded): GBK text is stored as read by GB18030, its superset.
_STRICT_CJK = (("gbk", "gb18030"), ("big5", "big5"), ("gb18030", "gb18030"))
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class InputError(ValueError):
    """A path, glob or manifest that names nothing usable: a usage error, raised before any work."""


class DecodeError(ValueError):
    """Bytes that are no text in any encoding tried."""


@dataclass(frozen=True, slots=True)
class Source:
    """One article to read: its identity, its bytes or text, and what is known of it beforehand."""

    doc_id: str
    source: str
    kind: str  # "text", "html" or "row" (an export row: ``text`` already decoded)
    sha256: str
    data: bytes | None = None
    text: str | None = None
    encoding: str | None = None
    pub_date: str | None = None
    home_place: str | None = None
    url: str | None = None
    title: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Decoded:
    """A source's text as extraction sees it, with what the page itself said."""

    text: str
    encoding: str | None
    title: str | None = None
    page_date: str | None = None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``: a BOM decides, else strict UTF-8, GBK, Big5, GB18030, else charset-normalizer.

    >>> decode_bytes("吕梁市完成造林11.36万亩，投入资金约2600万元。".encode("gb18030"))[1]
    'gb18030'

    A few characters alone can read as either GB18030 or Big5; an article's worth cannot.
    """
    for bom, encoding in (*_BOMS, (b"", "utf-8")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                if bom:
                    raise DecodeError(
                        f"starts with a {encoding} byte-order mark but is not {encoding}: {err}"
                    ) from None
                break
            if not _looks_like_text(text):
                raise DecodeError("binary: control characters, not text")
            return text, encoding
    # Strict codecs tell GBK and Big5 apart where a statistical guess may not: Big5's
    # punctuation and many of its characters fall in GBK's unassigned areas, and GBK text
    # runs into Big5's. GB18030 (a superset of GBK) is tried last: it accepts almost anything.
    for codec, encoding in _STRICT_CJK:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return (text if codec == encoding else data.decode(encoding)), encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CHINESE_ENCODINGS).best()
    if best is not None and _looks_like_text(str(best)):
        return str(best), best.encoding.replace("_", "-")
    raise DecodeError("binary or undecodable: not UTF-8, GB18030, Big5 or UTF-16")


def _looks_like_text(text: str) -> bool:
    """No NUL, and control characters other than line and tab breaks under 1%: not a binary file read as text."""
    if "\x00" in text:
        return False
    return len(_CONTROL_CHARACTER.findall(text)) <= len(text) // 100


def _html_charset(data: bytes) -> str | None:
    """The charset a page declares in its first kilobytes (``<meta charset=gbk>``), if any."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    # Pages that say gb2312 or gbk routinely hold characters only GB18030 has.
    return "gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name


def html_main_text(html: str) -> tuple[str, str | None, str | None]:
    """The page's main text (trafilatura), title (trafilatura's reading of it) and date
    (``YYYY-MM-DD``, htmldate), from one parse of the page.

    Title and date are read apart, before the text: trafilatura's whole metadata pass
    (authors, site name, categories, ...) doubled the time a page takes, for two fields.
    """
    try:
        import htmldate
        import trafilatura
        from trafilatura.metadata import extract_title
    except ImportError as err:
        raise ImportError(f'reading HTML pages needs trafilatura: pip install "gov-extract[html]" ({err})') from None
    tree = trafilatura.load_html(html)
    if tree is None:
        return "", None, None
    page_date = htmldate.find_date(tree, extensive_search=False, original_date=True)
    title = extract_title(tree)
    page = trafilatura.bare_extraction(
        tree, with_metadata=False, include_comments=False, include_tables=True, fast=True
    )
    text = getattr(page, "text", None) if page is not None else None
    return text or "", title, page_date


def decode(source: Source) -> Decoded:
    """The text of a source: decoded bytes, or the main text of a page, or an export row's text."""
    if source.kind == "row":
        return Decoded(source.text or "", source.encoding)
    data = source.data or b""
    if source.kind == "html":
        declared = _html_charset(data)
        text, encoding = None, None
        if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            try:
                text, encoding = data.decode(declared), declared
            except (UnicodeDecodeError, LookupError):
                text = None
        if text is None:
            text, encoding = decode_bytes(data)
        main, title, page_date = html_main_text(text)
        return Decoded(main, encoding, title, page_date)
    text, encoding = decode_bytes(data)
    return Decoded(text, encoding)


# --- discovery -------------------------------------------------------------------------------


def _has_glob(name: str) -> bool:
    return any(ch in name for ch in "*?[")


def _is_manifest(path: Path) -> bool:
    """A folder's own ``manifest.csv``: a CSV whose header has a ``path`` column and no text."""
    if not path.is_file():
        return False
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
        header = next(csv.reader(fh), [])
    return "path" in header and "text" not in header


def read_manifest(path: str | Path) -> dict[Path, dict[str, str]]:
    """``{absolute file path: metadata}`` from a CSV with a ``path`` column (relative to the manifest's folder)."""
    manifest = Path(path)
    if not manifest.is_file():
        raise InputError(f"manifest not found: {path}")
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"manifest {path} is not UTF-8: {err}") from None
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows or "path" not in rows[0]:
        raise InputError(f"manifest {path} needs a header with a 'path' column (and any of {', '.join(EXPORT_FIELDS)})")
    base = manifest.resolve().parent
    entries = {}
    for row in rows:
        if row.get("path"):
            meta = {k: v.strip() for k in EXPORT_FIELDS if (v := row.get(k)) and v.strip()}
            entries[(base / row["path"]).resolve()] = meta
    return entries


def _folder_files(folder: Path) -> list[tuple[str, ...]]:
    """The files under a folder as relative path parts, sorted as paths sort, hidden ones left out.

    ``os.scandir`` knows a file from a folder without a ``stat`` per entry, which
    ``Path.rglob`` plus ``is_file`` does not: thousands of files are listed at once.
    """
    found: list[tuple[str, ...]] = []
    pending: list[tuple[str, tuple[str, ...]]] = [(str(folder), ())]
    while pending:
        top, rel = pending.pop()
        try:
            entries = list(os.scandir(top))
        except OSError as err:
            log.warning("folder not read: %s", err)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                pending.append((entry.path, (*rel, entry.name)))
            elif entry.is_file():
                found.append((*rel, entry.name))
    return sorted(found)


def _named_files(inputs: Iterable[str]) -> Iterator[tuple[Path | None, Path, str]]:
    """``(folder root or None, file, doc_id)`` for each file the inputs name, in order; raises InputError."""
    for name in inputs:
        path = Path(name)
        if name == "-":
            yield None, path, "-"
        elif path.is_dir():
            for rel in _folder_files(path):
                yield path, path.joinpath(*rel), "/".join(rel)
        elif path.is_file():
            yield None, path, path.as_posix()
        elif _has_glob(name):
            matches = sorted(m for m in glob.glob(name, recursive=True) if Path(m).is_file())
            if not matches:
                raise InputError(f"no files match {name!r}")
            for match in matches:
                yield None, Path(match), Path(match).as_posix()
        else:
            raise InputError(f"no such file or directory: {name}")


def _file_source(file: Path, doc_id: str, meta: dict[str, str], max_bytes: int) -> Source:
    suffix = file.suffix.lower()
    source = Source(
        doc_id=meta.get("doc_id") or doc_id,
        source=file.as_posix(),
        kind="html" if suffix in HTML_SUFFIXES else "text",
        sha256="",
        pub_date=meta.get("pub_date"),
        home_place=meta.get("home_place"),
        url=meta.get("url"),
        title=meta.get("title"),
    )
    try:
        size = file.stat().st_size
        if size > max_bytes:
            digest = hashlib.sha256()
            with file.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
            return replace(source, sha256=digest.hexdigest(), error=f"file too large: {size:,} bytes > {max_bytes:,}")
        data = file.read_bytes()
    except OSError as err:
        return replace(source, error=f"unreadable: {err.strerror or err}")
    return replace(source, sha256=sha256(data), data=data)


def _export_rows(file: Path, export_id: str, text_field: str, max_bytes: int) -> Iterator[Source]:
    """One source per row of a ``.jsonl`` or ``.csv`` export; a row without text is a source with its error."""
    failed = _file_source(file, export_id, {}, max_bytes)
    if failed.error:
        yield failed
        return
    try:
        content, encoding = decode_bytes(failed.data or b"")
    except DecodeError as err:
        yield replace(failed, data=None, error=str(err))
        return
    jsonl = file.suffix.lower() == ".jsonl"
    if jsonl:
        rows: Iterable[tuple[int, Any]] = ((n, line) for n, line in enumerate(content.splitlines(), 1) if line.strip())
    else:
        csv.field_size_limit(max_bytes)
        reader = csv.DictReader(io.StringIO(content, newline=""))
        if text_field not in (reader.fieldnames or ()):
            yield replace(failed, data=None, error=f"CSV export without a {text_field!r} column: no article in it")
            return
        rows = ((reader.line_num, row) for row in reader)
    for number, raw in rows:
        where = f"{export_id}:{number}"
        base = Source(doc_id=where, source=f"{file.as_posix()}:{number}", kind="row", sha256="", encoding=encoding)
        if jsonl:
            try:
                row = json.loads(raw)
            except json.JSONDecodeError as err:
                yield replace(base, sha256=sha256(raw.encode()), error=f"invalid JSON line: {err}")
                continue
            if not isinstance(row, dict):
                yield replace(base, sha256=sha256(raw.encode()), error="JSON line is not an object")
                continue
        else:
            row = raw
        text = row.get(text_field)
        fields: dict[str, Any] = {k: str(row[k]).strip() for k in EXPORT_FIELDS if row.get(k) not in (None, "")}
        base = replace(base, **fields)
        if not isinstance(text, str):
            reason = f"no {text_field!r} field" if text is None else f"{text_field!r} is not a string"
            raw_bytes = (raw if jsonl else json.dumps(row, ensure_ascii=False)).encode()
            yield replace(base, sha256=sha256(raw_bytes), error=reason)
            continue
        yield replace(base, sha256=sha256(text.encode()), text=text)


@dataclass(slots=True)
class Discovery:
    """What a list of inputs named: the files (listed up front, read lazily) and those passed over."""

    files: list[tuple[Path, str]]
    ignored: list[str]
    text_field: str = "text"
    max_bytes: int = DEFAULT_MAX_BYTES
    manifest: dict[Path, dict[str, str]] = field(default_factory=dict)
    renamed: int = 0  # doc_ids that were taken already and got ``~2``, ``~3``

    def sources(self) -> Iterator[Source]:
        """Every article in order, read one file at a time, each doc_id unique (a repeat gets ``~2``, ``~3``)."""
        seen: dict[str, int] = {}
        self.renamed = 0
        for file, doc_id in self.files:
            found: Iterable[Source]
            if str(file) == "-":
                data = sys.stdin.buffer.read()
                found = [Source(doc_id="-", source="<stdin>", kind="text", sha256=sha256(data), data=data)]
            elif file.suffix.lower() in EXPORT_SUFFIXES:
                found = _export_rows(file, doc_id, self.text_field, self.max_bytes)
            else:
                meta = self.manifest.get(file.resolve(), {}) if self.manifest else {}
                found = [_file_source(file, doc_id, meta, self.max_bytes)]
            for source in found:
                count = seen.get(source.doc_id, 0) + 1
                seen[source.doc_id] = count
                if count > 1:
                    unique = f"{source.doc_id}~{count}"
                    self.renamed += 1
                    if self.renamed <= 3:
                        log.warning("doc_id %r is used again by %s; stored as %r", source.doc_id, source.source, unique)
                    source = replace(source, doc_id=unique)
                yield source


def discover(
    inputs: Iterable[str],
    *,
    manifest: str | Path | None = None,
    text_field: str = "text",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Discovery:
    """The files the inputs name, in order; raises InputError before any work if one names nothing.

    Folders are walked recursively; there the suffixes ``.txt``, ``.html``/``.htm``,
    ``.jsonl`` and ``.csv`` (any case) are articles and other files are listed in
    ``ignored``. A file named on its own is read whatever its suffix. Files are
    read only when :meth:`Discovery.sources` reaches them. Without ``manifest``,
    a ``manifest.csv`` (with a ``path`` column) at the top of an input folder is
    that folder's manifest.
    """
    inputs = list(inputs)
    manifests = [Path(manifest)] if manifest else [Path(i) / MANIFEST_NAME for i in inputs if Path(i).is_dir()]
    manifests = [m for m in manifests if manifest or _is_manifest(m)]
    meta_by_path: dict[Path, dict[str, str]] = {}
    for path in manifests:
        meta_by_path.update(read_manifest(path))
    not_articles = {m.resolve() for m in manifests}
    manifest_names = {m.name for m in not_articles}  # resolving every file's path only to compare costs a stat per part
    files: list[tuple[Path, str]] = []
    ignored: list[str] = []
    for root, file, doc_id in _named_files(inputs):
        if root is not None and file.suffix.lower() not in ARTICLE_SUFFIXES:
            ignored.append(file.as_posix())
        elif str(file) == "-" or file.name not in manifest_names or file.resolve() not in not_articles:
            files.append((file, doc_id))
    if not files:
        found = f" (only {len(ignored)} files of other kinds)" if ignored else ""
        raise InputError("no articles found in " + ", ".join(inputs) + found)
    return Discovery(files, ignored, text_field, max_bytes, meta_by_path)
