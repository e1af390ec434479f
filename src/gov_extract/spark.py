"""The batch job on Apache Spark: a DataFrame of articles in, the schema's tables out as DataFrames.

This module owns running :func:`gov_extract.batch.process` inside Spark and the
``gov-extract spark`` command. Rows are the batch job's own: each article goes
through ``batch.process`` as an export row (``Source(kind="row")``), so a Spark
row equals the row ``gov-extract run`` stores, column for column and type for
type (the Spark schema is derived from :func:`gov_extract.arrow.arrow_schema`).

One extraction pass: ``mapInArrow`` turns Arrow batches of articles into
union-shaped batches (a ``table`` tag column and one struct column per table, all
but one null in each row). The union is cached (memory and disk) and each table
is a filter of it, so writing seven tables extracts every article once. Python
workers are reused, so the rule tables load once per worker process, not per row.

``pyspark`` is the optional extra ``[spark]``, imported only when a function here is
called; the core never imports this module (``gov-extract spark`` does, when run).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timezone
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, schema
from .arrow import arrow_schema, require_pyarrow, to_arrow
from .batch import Defaults, process, pub_date_option, run_options
from .pipeline import extract
from .sinks import ArticleRows
from .sources import Source, sha256

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import Column, DataFrame, SparkSession
    from pyspark.sql.types import StructType

log = logging.getLogger("gov_extract")

#: The tables one extraction yields (``runs`` is the command's, one row per run).
DATA_TABLES = ("articles", *schema.RECORD_TABLES)
#: Articles per output batch: rows stream out as they are made, and a batch of long articles stays
#: far below Arrow's 2 GB limit on one string column (an input batch may hold 10,000 articles).
ARTICLES_PER_BATCH = 256

#: The file to give ``spark-submit``. It lives in a folder of its own because Python puts a
#: script's folder first on ``sys.path``, and this package's ``numbers.py`` would hide the standard library's.
JOB_FILE = Path(__file__).parent / "launch" / "spark_job.py"


def _require_pyspark() -> Any:
    try:
        import pyspark
    except ImportError:
        raise ImportError('gov_extract.spark needs pyspark: pip install "gov-extract[spark]"') from None
    require_pyarrow("spark")
    return pyspark


@cache
def _union_schema() -> pa.Schema:
    pa = require_pyarrow("spark")
    tables = [pa.field(t, pa.struct(list(arrow_schema(t)))) for t in DATA_TABLES]
    return pa.schema([pa.field("table", pa.string()), *tables])


def spark_schema(table: str) -> StructType:
    """A table's Spark schema, read off its Arrow schema (dates ``DateType``, timestamps ``TimestampType``)."""
    _require_pyspark()
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow_schema(table), prefer_timestamp_ntz=False)


def _union_batch(articles: list[ArticleRows]) -> pa.RecordBatch:
    """Every row of these articles in one batch: the ``table`` tag, that table's struct, nulls for the others."""
    pa = require_pyarrow("spark")
    union = _union_schema()
    parts = []
    for table in DATA_TABLES:
        rows = (
            [a.article for a in articles]
            if table == "articles"
            else [r for a in articles for r in a.records.get(table, ())]
        )
        if not rows:
            continue
        data = to_arrow(table, rows).combine_chunks()
        columns = [
            pa.StructArray.from_arrays([c.chunk(0) for c in data.columns], fields=list(data.schema))
            if t == table
            else pa.nulls(len(rows), union.field(t).type)
            for t in DATA_TABLES
        ]
        parts.append(pa.table([pa.array([table] * len(rows), pa.string()), *columns], schema=union))
    return pa.concat_tables(parts).combine_chunks().to_batches()[0]


def _source(text: str | None, doc_id: str | None, pub_date: str | None, home_place: str | None, label: str) -> Source:
    """An article row as the batch job's export-row source; without a doc_id, its text's sha256 names it."""
    digest = sha256((text or "").encode())
    doc = doc_id or digest
    if text is None:
        return Source(doc_id=doc, source=label, kind="row", sha256=digest, error="no text: the text column is null")
    return Source(
        doc_id=doc, source=label, kind="row", sha256=digest, text=text, pub_date=pub_date, home_place=home_place
    )


def _extract_batches(batches: Iterator[pa.RecordBatch], defaults: Defaults, label: str) -> Iterator[pa.RecordBatch]:
    """``mapInArrow``'s function: batches of (text, doc_id, pub_date, home_place) to union batches of rows."""
    for batch in batches:
        for start in range(0, batch.num_rows, ARTICLES_PER_BATCH):
            columns = batch.slice(start, ARTICLES_PER_BATCH).to_pydict()
            sources = zip(columns["text"], columns["doc_id"], columns["pub_date"], columns["home_place"], strict=True)
            yield _union_batch([process(_source(*row, label), defaults) for row in sources])


def _column(df: DataFrame, name: str | None, default: str) -> Column:
    """A context column as a string: the named column, or nulls when the default-named column is absent."""
    from pyspark.sql import functions as F

    if name is not None and name in df.columns:
        return F.col(name).cast("string")
    if name not in (None, default):
        raise ValueError(f"no column {name!r} in the DataFrame (it has {', '.join(df.columns)})")
    return F.lit(None).cast("string")


def extract_tables(
    df: DataFrame,
    *,
    text_col: str = "text",
    doc_id_col: str | None = "doc_id",
    pub_date_col: str | None = "pub_date",
    home_place_col: str | None = "home_place",
    pub_date: date | str | None = None,
    home_place: str | None = None,
    source: str = "spark",
) -> dict[str, DataFrame]:
    """The batch job's tables for a DataFrame of articles: ``articles`` and one DataFrame per record type.

    Each has exactly the columns and types of :data:`gov_extract.schema.TABLES`.
    ``doc_id``, ``pub_date`` (a string or date column) and ``home_place`` columns
    are read when present (pass ``None`` to ignore one); ``pub_date`` and
    ``home_place`` are the defaults for articles that give none. An article
    without a doc_id is named by the sha256 of its text, so a rerun gives it the
    same id (articles with the same text and no id share it). ``source`` is what
    every ``articles.source`` says. An article that cannot be extracted (a null
    or blank text, an extractor error) is an ``articles`` row with status
    ``failed`` and its error, never a failed task.

    The tables are filters of one cached DataFrame, so each article is extracted
    once however many tables are read; ``spark.catalog.clearCache()`` frees it.
    """
    _require_pyspark()
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    if text_col not in df.columns:
        raise ValueError(f"no text column {text_col!r} in the DataFrame (it has {', '.join(df.columns)})")
    articles = df.select(
        F.col(text_col).cast("string").alias("text"),
        _column(df, doc_id_col, "doc_id").alias("doc_id"),
        _column(df, pub_date_col, "pub_date").alias("pub_date"),
        _column(df, home_place_col, "home_place").alias("home_place"),
    )
    defaults = Defaults(pub_date.isoformat() if isinstance(pub_date, date) else pub_date, home_place)
    union = articles.mapInArrow(
        partial(_extract_batches, defaults=defaults, label=source),
        from_arrow_schema(_union_schema(), prefer_timestamp_ntz=False),
    ).persist(StorageLevel.MEMORY_AND_DISK)
    return {t: union.where(F.col("table") == t).select(f"`{t}`.*") for t in DATA_TABLES}


# --- the command -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gov-extract spark",
        description="Extract a Parquet dataset or a table of articles on Apache Spark into OUTPUT/articles/, "
        "OUTPUT/quantity/, ... (one Parquet dataset per table). Runs under spark-submit as it is.",
    )
    parser.add_argument("input", metavar="INPUT", help="a Parquet file or folder (a table name with --table)")
    parser.add_argument("output", metavar="OUTPUT", help="folder (local path or any URL Spark writes to)")
    parser.add_argument(
        "--table",
        action="store_true",
        help="INPUT names a table in Spark's catalog (a Hive table needs spark.sql.catalogImplementation=hive)",
    )
    parser.add_argument("--text-col", default="text", help="the text column (default: text)")
    parser.add_argument("--doc-id-col", default="doc_id", help="used when present (default: doc_id)")
    parser.add_argument("--pub-date-col", default="pub_date", help="used when present (default: pub_date)")
    parser.add_argument("--home-place-col", default="home_place", help="used when present (default: home_place)")
    parser.add_argument(
        "--pub-date",
        type=pub_date_option,
        help="article date (2024-03-06, 2024/3/6) for articles with none",
    )
    parser.add_argument("--home-place", help="publisher's place (吕梁市) for articles with none")
    parser.add_argument("--overwrite", action="store_true", help="replace OUTPUT's tables (default: refuse)")
    parser.add_argument("--master", help="Spark master when not under spark-submit (default: local[*])")
    parser.add_argument(
        "--partitions", type=int, help="split a smaller input into this many partitions (default: the cores Spark has)"
    )
    parser.add_argument("--quiet", action="store_true", help="no summary; only warnings and errors")
    return parser


def _session(master: str | None) -> SparkSession:
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("gov-extract")
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    # Parquet's UTC microsecond timestamps, as the Parquet sink writes them (Spark's default is INT96).
    spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
    return spark


def _read_input(spark: SparkSession, args: argparse.Namespace) -> DataFrame:
    """The input, in at least ``--partitions`` partitions: a Parquet file of a few thousand articles is one."""
    df = spark.table(args.input) if args.table else spark.read.parquet(args.input)
    partitions = args.partitions or spark.sparkContext.defaultParallelism
    return df.repartition(partitions) if df.rdd.getNumPartitions() < partitions else df


def _write_run(spark: SparkSession, tables: dict[str, DataFrame], args: argparse.Namespace) -> dict[str, Any]:
    """Write every table under OUTPUT, then the ``runs`` row with the counts; returns the counts and seconds."""
    from pyspark.sql import functions as F

    started = datetime.now(timezone.utc)
    clock = time.perf_counter()
    output, mode = args.output.rstrip("/"), "overwrite" if args.overwrite else "errorifexists"
    for table, frame in tables.items():
        frame.write.mode(mode).parquet(f"{output}/{table}")
    ok = F.col("status") == "ok"
    counts = (
        tables["articles"]
        .agg(
            F.count_if(ok).alias("ok"),
            F.count_if(~ok).alias("failed"),
            F.coalesce(F.sum("n_records"), F.lit(0)).alias("records"),
            F.coalesce(F.sum(F.when(ok, F.col("length"))), F.lit(0)).alias("characters"),
        )
        .collect()[0]
        .asDict()
    )
    counts["seconds"] = time.perf_counter() - clock
    options = run_options(
        input=args.input, table=args.table, text_col=args.text_col, pub_date=args.pub_date, home_place=args.home_place
    )
    run = {
        "run_id": f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}",
        "version": __version__,
        "schema_version": schema.SCHEMA_VERSION,
        "started": started,
        "finished": datetime.now(timezone.utc),
        "options": schema.to_json(options),
        "n_ok": counts["ok"],
        "n_failed": counts["failed"],
        "n_skipped": 0,
        "n_records": counts["records"],
        "seconds": round(counts["seconds"], 3),
    }
    runs = spark.createDataFrame([tuple(run[c.name] for c in schema.RUN_COLUMNS)], spark_schema("runs"))
    runs.coalesce(1).write.mode(mode).parquet(f"{output}/runs")
    return counts


def main(argv: list[str] | None = None) -> int:
    """``gov-extract spark``: exit 0 every article extracted, 1 some failed (stored with its error), 2 usage."""
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    level = logging.WARNING if args.quiet else logging.INFO
    logging.basicConfig(level=level, format="gov-extract: %(message)s", stream=sys.stderr)
    logging.getLogger("py4j").setLevel(logging.WARNING)  # its connection notices are not ours to print
    try:
        _require_pyspark()
        if args.home_place:
            extract("", home_place=args.home_place)  # an unknown place is a usage error, as in `gov-extract run`
    except (ImportError, ValueError) as err:
        parser.error(str(err))
    if args.partitions is not None and args.partitions < 1:
        parser.error(f"--partitions must be a whole number >= 1, got {args.partitions}")
    from pyspark.errors import AnalysisException

    spark = _session(args.master)
    try:
        tables = extract_tables(
            _read_input(spark, args),
            text_col=args.text_col,
            doc_id_col=args.doc_id_col,
            pub_date_col=args.pub_date_col,
            home_place_col=args.home_place_col,
            pub_date=args.pub_date,
            home_place=args.home_place,
            source=args.input,
        )
    except (AnalysisException, ValueError) as err:
        parser.error(str(err))
    log.info("extracting %s into %s on %s", args.input, args.output, spark.sparkContext.master)
    try:
        counts = _write_run(spark, tables, args)
    except AnalysisException as err:  # OUTPUT's tables exist and --overwrite was not given
        print(f"gov-extract: {err}", file=sys.stderr)
        return 1
    finally:
        spark.catalog.clearCache()
    if not args.quiet:
        articles, seconds = counts["ok"] + counts["failed"], counts["seconds"]
        print(
            f"gov-extract: {articles} articles ({counts['ok']} ok, {counts['failed']} failed), "
            f"{counts['records']} records, {seconds:.1f} s, {articles / seconds:.1f} articles/s, "
            f"{counts['characters'] / seconds:,.0f} characters/s",
            file=sys.stderr,
        )
    return 1 if counts["failed"] else 0
