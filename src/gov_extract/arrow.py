"""The schema's tables as Apache Arrow: one Arrow schema per table, and row tuples to Arrow tables.

Parquet, DuckDB and Spark read these, so their column types are the same
everywhere: dates are ``date32``, timestamps UTC ``timestamp[us]``, JSON columns
strings. ``pyarrow`` is an optional extra (``[parquet]``, ``[duckdb]``, ``[spark]``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from .schema import TABLES

if TYPE_CHECKING:
    import pyarrow as pa


def require_pyarrow(extra: str) -> Any:
    """The pyarrow module, or an ImportError naming the extra that installs it."""
    try:
        import pyarrow
    except ImportError:
        raise ImportError(f'this target needs pyarrow: pip install "gov-extract[{extra}]"') from None
    return pyarrow


@cache
def arrow_schema(table: str) -> pa.Schema:
    pa = require_pyarrow("parquet")
    types = {
        "text": pa.string(),
        "integer": pa.int64(),
        "real": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us", tz="UTC"),
        "json": pa.string(),
    }
    return pa.schema([pa.field(c.name, types[c.type]) for c in TABLES[table]])


def to_arrow(table: str, rows: Sequence[tuple[Any, ...]]) -> pa.Table:
    """Row tuples (in the schema's column order) as an Arrow table of the schema's types."""
    pa = require_pyarrow("parquet")
    schema = arrow_schema(table)
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.Table.from_arrays(
        [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)], schema=schema
    )
