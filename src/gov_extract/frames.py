"""Records as DataFrames: one pandas or polars DataFrame per record type, with the schema's columns.

>>> from gov_extract import extract_many
>>> frames = to_frames(extract_many(["完成造林11.36万亩，投资5亿元。"]))  # doctest: +SKIP
>>> frames["money"][["text", "value"]]  # doctest: +SKIP
    text        value
0   5亿元  500000000.0

Columns and their order are those of :mod:`gov_extract.schema` (the batch
job's tables), so a frame built here and one read from the database match.
pandas and polars are optional extras (``[pandas]``, ``[polars]``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Literal

from . import schema
from .records import Extraction


def _rows(extractions: Iterable[Extraction]) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in schema.RECORD_TABLES}
    for number, extraction in enumerate(extractions):
        doc_id = extraction.doc_id if extraction.doc_id is not None else str(number)
        for table, table_rows in schema.record_rows(extraction, doc_id).items():
            rows[table].extend(table_rows)
    return rows


def to_frames(extractions: Iterable[Extraction], *, library: Literal["pandas", "polars"] = "pandas") -> dict[str, Any]:
    """``{record type: DataFrame}`` of the records of many extractions (an article without a doc_id is numbered).

    JSON columns (``titles``, ``candidates``) hold Python lists, dates are ``datetime.date``.
    """
    rows = _rows(extractions)
    frames = {}
    for table, table_rows in rows.items():
        columns = schema.TABLES[table]
        json_at = [i for i, c in enumerate(columns) if c.type == "json"]
        data = [tuple(json.loads(v) if i in json_at else v for i, v in enumerate(row)) for row in table_rows]
        names = [c.name for c in columns]
        if library == "pandas":
            try:
                import pandas as pd
            except ImportError:
                raise ImportError('to_frames needs pandas: pip install "gov-extract[pandas]"') from None
            frames[table] = pd.DataFrame.from_records(data, columns=names)
        elif library == "polars":
            try:
                import polars as pl
            except ImportError:
                raise ImportError(
                    'to_frames(library="polars") needs polars: pip install "gov-extract[polars]"'
                ) from None
            frames[table] = pl.DataFrame(data, schema=names, orient="row")
        else:
            raise ValueError(f"library must be 'pandas' or 'polars', got {library!r}")
    return frames
