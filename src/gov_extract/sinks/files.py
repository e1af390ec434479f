"""What the file targets (Parquet and CSV folders, JSONL) share: the folder's schema file and atomic replacement.

A folder target holds ``_schema.json`` (the schema version and every table's
columns and types), so a reader knows what it opens and a later run refuses a
folder written by another schema version or by something else.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .. import schema
from . import SinkError

SCHEMA_FILE = "_schema.json"


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a reader, or a crash, sees the old file or the new, never half."""
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def schema_document(version: str) -> dict[str, object]:
    return {
        "schema_version": schema.SCHEMA_VERSION,
        "created_by": f"gov_extract {version}",
        "tables": {
            t: [{"name": c.name, "type": c.type, "doc": c.doc} for c in cols] for t, cols in schema.TABLES.items()
        },
    }


def prepare_folder(root: Path, version: str) -> None:
    """Create the folder or check that it is a gov_extract folder of this schema version."""
    if root.exists() and not root.is_dir():
        raise SinkError(f"{root} exists and is not a folder")
    marker = root / SCHEMA_FILE
    if marker.is_file():
        found = json.loads(marker.read_text(encoding="utf-8")).get("schema_version")
        if found != schema.SCHEMA_VERSION:
            raise SinkError(
                f"{root} holds gov_extract schema version {found}, this version writes {schema.SCHEMA_VERSION}"
            )
        return
    if root.is_dir() and any(p for p in root.iterdir() if not p.name.startswith(".")):
        raise SinkError(f"{root} is not empty and holds no {SCHEMA_FILE}: not a gov_extract folder")
    root.mkdir(parents=True, exist_ok=True)
    text = json.dumps(schema_document(version), ensure_ascii=False, indent=1)
    atomic_write(marker, text.encode("utf-8"))
