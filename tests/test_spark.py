"""Spark in local mode: the same rows as the batch job, failures as rows, and ``gov-extract spark`` end to end.

Needs pyspark (the ``[spark]`` extra) and Java: without them these tests skip
here and fail in CI.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, _service_missing
from gov_extract import schema
from gov_extract.batch import process
from gov_extract.sources import Source, decode_bytes
from tables import DATA_TABLES, normalise, read_tables

CORPUS = ROOT / "corpora"
# The Spark SQL type each logical column type must arrive as.
SPARK_TYPES = {
    "text": "string",
    "integer": "bigint",
    "real": "double",
    "boolean": "boolean",
    "date": "date",
    "json": "string",
    "timestamp": "timestamp",
}


def _local_spark_env() -> dict[str, str]:
    return {"PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if importlib.util.find_spec("pyspark") is None:
        _service_missing('pyspark (pip install -e ".[test,spark]")')
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        _service_missing("Java (openjdk-17-jre-headless)")
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as env:
        for name, value in _local_spark_env().items():
            env.setenv(name, value)
        session = (
            SparkSession.builder.master("local[2]")
            .appName("gov-extract-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate()
        )
        yield session
        session.stop()


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str, date | None, str | None]]:
    """The bundled plain-text articles as (text, doc_id, pub_date, home_place), context from the manifest."""
    with (CORPUS / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        manifest = {row["path"]: row for row in csv.DictReader(fh)}
    articles = []
    for path in sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() == ".txt"):
        name = path.relative_to(CORPUS).as_posix()
        context = manifest.get(name, {})
        pub_date = date.fromisoformat(context["pub_date"]) if context.get("pub_date") else None
        articles.append((decode_bytes(path.read_bytes())[0], name, pub_date, context.get("home_place") or None))
    assert len(articles) >= 5
    return articles


def _batch_rows(articles: list[tuple[Any, ...]], label: str) -> dict[str, list[tuple[Any, ...]]]:
    """What the batch job makes of these articles as export rows: the rows Spark must give."""
    tables: dict[str, list[tuple[Any, ...]]] = {t: [] for t in DATA_TABLES}
    for text, doc_id, pub_date, home_place in articles:
        digest = hashlib.sha256((text or "").encode()).hexdigest()
        rows = process(
            Source(
                doc_id=doc_id or digest,
                source=label,
                kind="row",
                sha256=digest,
                text=text,
                pub_date=pub_date.isoformat() if isinstance(pub_date, date) else pub_date,
                home_place=home_place,
                error=None if text is not None else "no text: the text column is null",
            )
        )
        tables["articles"].append(rows.article)
        for table, records in rows.records.items():
            tables[table].extend(records)
    return tables


def test_corpus_gives_the_batch_jobs_rows_and_types(spark, corpus) -> None:
    from gov_extract.spark import extract_tables

    df = spark.createDataFrame(corpus, "text string, doc_id string, pub_date date, home_place string")
    tables = extract_tables(df)
    expected = _batch_rows(corpus, "spark")
    assert sorted(tables) == sorted(DATA_TABLES)
    assert sum(len(expected[t]) for t in schema.RECORD_TABLES) > 100
    for table, frame in tables.items():
        columns = schema.TABLES[table]
        assert [(f.name, f.dataType.simpleString()) for f in frame.schema] == [
            (c.name, SPARK_TYPES[c.type]) for c in columns
        ], table
        assert Counter(tuple(row) for row in frame.collect()) == Counter(expected[table]), table


def test_an_article_that_cannot_be_extracted_is_a_failed_row(spark, corpus) -> None:
    from gov_extract.spark import ARTICLES_PER_BATCH, extract_tables

    text = corpus[0][0]
    articles = [(text, None, "not a date"), (None, "null-text", None), ("  \n ", "blank", "2024-03-06")]
    # One partition of more articles than one output batch holds, the failures among the first.
    fillers = [(f"投资{n}亿元。", f"filler-{n}", "2024-03-06") for n in range(1, ARTICLES_PER_BATCH + 10)]
    df = spark.createDataFrame(articles + fillers, "text string, doc_id string, pub_date string").coalesce(1)
    tables = extract_tables(df)
    rows = {r["doc_id"]: r for r in tables["articles"].collect()}
    good = hashlib.sha256(text.encode()).hexdigest()
    assert sorted(rows) == sorted([good, "null-text", "blank", *(doc_id for _, doc_id, _ in fillers)])
    assert tables["money"].where("doc_id LIKE 'filler-%'").count() == len(fillers)
    assert (rows["null-text"]["status"], rows["null-text"]["error"]) == ("failed", "no text: the text column is null")
    assert (rows["blank"]["status"], rows["blank"]["error"]) == ("failed", "empty: no text")
    assert rows[good]["status"] == "ok" and rows[good]["n_records"] > 0
    assert "'not a date' is not a date" in rows[good]["warning"]
    records = [r["doc_id"] for t in schema.RECORD_TABLES for r in tables[t].where(f"doc_id = '{good}'").collect()]
    assert len(records) == rows[good]["n_records"]
    assert not any(tables[t].where("doc_id IN ('null-text', 'blank')").count() for t in schema.RECORD_TABLES)


def _parquet_input(folder: Path, corpus: list[tuple[Any, ...]]) -> tuple[Path, list[tuple[Any, ...]]]:
    """Six articles with string dates and one without text, as a Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    articles = [(t, d, p.isoformat() if p else None, h) for t, d, p, h in corpus[:6]] + [(None, "empty", None, None)]
    path = folder / "articles.parquet"
    columns = zip(*articles, strict=True)
    pq.write_table(pa.table(dict(zip(["text", "doc_id", "pub_date", "home_place"], columns, strict=True))), path)
    return path, articles


def _read_output(out: Path) -> dict[str, Any]:
    import pyarrow.parquet as pq

    from gov_extract.arrow import arrow_schema

    for table in schema.TABLES:
        read = pq.read_table(out / table).schema
        assert read.equals(arrow_schema(table), check_metadata=False), (table, read)
    return read_tables(str(out))


def test_spark_submit_writes_the_parquet_folder(spark, corpus, tmp_path) -> None:
    from gov_extract.spark import JOB_FILE

    source, articles = _parquet_input(tmp_path, corpus)
    out = tmp_path / "out.parquet"
    submit = Path(sys.executable).parent / "spark-submit"
    command = [submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false", JOB_FILE, source, out]
    done = subprocess.run(command, env={**os.environ, **_local_spark_env()}, capture_output=True, text=True)
    said = done.stdout + done.stderr  # spark-submit passes the Python program's stderr on to its stdout
    assert done.returncode == 1, said[-3000:]  # one article failed, and was stored as such
    assert "7 articles (6 ok, 1 failed)" in said
    expected = _batch_rows(articles, str(source))
    tables = _read_output(out)
    for table in DATA_TABLES:
        assert tables[table] == normalise(table, [schema.as_dict(table, r) for r in expected[table]]), table


def test_gov_extract_spark_reads_a_table_and_overwrites_only_when_told(spark, corpus, tmp_path, capsys) -> None:
    import pyarrow.parquet as pq

    from gov_extract.cli import main

    source, articles = _parquet_input(tmp_path, corpus[:2])
    out = tmp_path / "out.parquet"
    assert main(["spark", str(source), str(out), "--quiet"]) == 1  # the article without text failed
    first = _read_output(out)
    assert len(first["articles"]) == len(articles)
    capsys.readouterr()
    assert main(["spark", str(source), str(out), "--quiet"]) == 1
    assert "already exists" in capsys.readouterr().err
    spark.read.parquet(str(source)).withColumnRenamed("text", "body").createOrReplaceTempView("news")
    assert main(["spark", "news", str(out), "--table", "--text-col", "body", "--overwrite", "--quiet"]) == 1
    again = _read_output(out)
    assert again["quantity"] == first["quantity"] and len(again["articles"]) == len(articles)
    assert pq.read_table(out / "runs").num_rows == 1


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["missing.parquet", "out"], "PATH_NOT_FOUND"),
        (["articles.parquet", "out", "--text-col", "body"], "no text column 'body'"),
        (["articles.parquet", "out", "--doc-id-col", "id"], "no column 'id'"),
    ],
)
def test_gov_extract_spark_usage_errors(spark, corpus, tmp_path, capsys, argv, says) -> None:
    from gov_extract.cli import main

    _parquet_input(tmp_path, corpus[:1])
    with pytest.raises(SystemExit) as exit_:  # paths absolute: Spark reads them from the JVM's working folder
        main(["spark", str(tmp_path / argv[0]), str(tmp_path / argv[1]), *argv[2:]])
    assert exit_.value.code == 2 and says in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
