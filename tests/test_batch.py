"""End to end: ``gov-extract run`` on a generated folder of mixed encodings, forms and bad files, into every target.

The SQLite run is the reference: every file has its one ``articles`` row, its
records equal ``extract()``'s, and every other target, a ``--jobs 2`` run and a
run killed part-way then resumed hold exactly the same tables.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batch_corpus import Expected, make_corpus
from gov_extract import extract, schema
from gov_extract.cli import main
from tables import normalise, read_tables, sqlite_in_order

MAX_BYTES = ["--max-bytes", "1000000"]
CLI = [sys.executable, "-m", "gov_extract.cli"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Expected]]:
    root = tmp_path_factory.mktemp("corpus")
    return root, make_corpus(root)


@pytest.fixture(scope="module")
def reference(corpus: tuple[Path, list[Expected]], tmp_path_factory: pytest.TempPathFactory) -> str:
    """The corpus run once into SQLite with --jobs 1: what every other run must equal."""
    target = str(tmp_path_factory.mktemp("ref") / "ref.sqlite")
    assert main(["run", str(corpus[0]), "--out", target, "--quiet", *MAX_BYTES]) == 1  # some files are bad
    return target


def test_every_file_has_exactly_one_articles_row(corpus, reference) -> None:
    rows = {r["doc_id"]: r for r in read_tables(reference)["articles"]}
    expected = {e.doc_id: e for e in corpus[1]}
    assert sorted(rows) == sorted(expected)
    for doc_id, exp in expected.items():
        row = rows[doc_id]
        assert row["status"] == exp.status, (doc_id, row["error"])
        if exp.error:
            assert exp.error in row["error"], (doc_id, row["error"])
        else:
            assert row["error"] is None and row["n_records"] > 0, doc_id
            assert row["length"] == len(row["text"])


def _index_names(target: str) -> set[str]:
    with sqlite3.connect(target) as con:
        return {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_finished_run_has_the_query_indexes(reference) -> None:
    query = {"place_adcode", "person_name", "quantity_unit", "date_start_date"}
    doc_id = {f"{table}_doc_id" for table in schema.RECORD_TABLES}
    assert query | doc_id <= _index_names(reference)


def test_records_equal_extract_on_the_stored_text(reference) -> None:
    tables = read_tables(reference)
    expected: dict[str, list[tuple]] = {t: [] for t in schema.RECORD_TABLES}
    for article in tables["articles"]:
        if article["status"] != "ok":
            continue
        given = article["pub_date_source"] in ("given", "page_metadata")
        result = extract(
            article["text"],
            doc_id=article["doc_id"],
            pub_date=article["pub_date"] if given else None,
            home_place=article["home_place"] if article["home_place_source"] == "given" else None,
        )
        assert article["n_records"] == len(result.records)
        for table, rows in schema.record_rows(result, article["doc_id"]).items():
            expected[table].extend(rows)
    for table in schema.RECORD_TABLES:
        as_dicts = [schema.as_dict(table, row) for row in expected[table]]
        assert tables[table] == normalise(table, as_dicts), table
        for record in tables[table]:
            assert record["text"]


def test_encodings_and_page_dates_are_recorded(reference) -> None:
    rows = read_tables(reference)["articles"]
    encodings = {r["encoding"] for r in rows if r["status"] == "ok"}
    assert {"utf-8", "utf-8-sig", "gb18030", "big5", "utf-16"} <= encodings
    pages = [r for r in rows if r["doc_id"].endswith(".html") and r["status"] == "ok"]
    assert pages and all(r["pub_date_source"] == "page_metadata" and r["title"] for r in pages)
    assert all("<" not in r["text"] for r in pages)
    exported = [r for r in rows if r["doc_id"].startswith("cms-") and r["status"] == "ok"]
    assert all(r["pub_date"] == "2024-05-01" and r["pub_date_source"] == "given" for r in exported)
    assert {r["home_place"] for r in exported if r["home_place_source"] == "given"} == {"吕梁市"}


@pytest.mark.parametrize("suffix", [".duckdb", ".parquet", ".csv", ".jsonl", "postgres"])
def test_every_target_holds_the_same_tables(suffix, corpus, reference, tmp_path, request) -> None:
    target = request.getfixturevalue("postgres_url") if suffix == "postgres" else str(tmp_path / f"out{suffix}")
    assert main(["run", str(corpus[0]), "--out", target, "--quiet", *MAX_BYTES]) == 1
    assert read_tables(target) == read_tables(reference)
    # A second run skips what is stored, tries the failed articles again (they fail again) and changes nothing.
    assert main(["run", str(corpus[0]), "--out", target, "--quiet", *MAX_BYTES]) == 1
    assert read_tables(target) == read_tables(reference)


def test_two_jobs_write_the_database_of_one(corpus, reference, tmp_path) -> None:
    target = str(tmp_path / "jobs2.sqlite")
    assert main(["run", str(corpus[0]), "--out", target, "--jobs", "2", "--quiet", *MAX_BYTES]) == 1
    assert sqlite_in_order(target) == sqlite_in_order(reference)


def _stored_articles(target: str) -> int:
    path = Path(target)
    if target.endswith(".sqlite"):
        if not path.exists():
            return 0
        try:
            with sqlite3.connect(target) as con:
                return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            return 0
    if target.endswith(".jsonl"):
        return path.read_bytes().count(b"\n") if path.exists() else 0
    articles = path / "articles.csv"
    return articles.read_bytes().count(b"\n") - 1 if articles.exists() else 0


@pytest.mark.parametrize("suffix", [".sqlite", ".csv", ".jsonl"])
def test_a_killed_run_resumes_to_the_uninterrupted_database(suffix, corpus, reference, tmp_path) -> None:
    target = str(tmp_path / f"killed{suffix}")
    command = [*CLI, "run", str(corpus[0]), "--out", target, "--batch-size", "7", "--quiet", *MAX_BYTES]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _stored_articles(target) < 40 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    killed_at = read_tables(target)["articles"]
    assert 0 < len(killed_at) < len(read_tables(reference)["articles"])
    if suffix == ".sqlite":  # the query indexes come with the end of a run
        assert "place_adcode" not in _index_names(target)
    resumed = subprocess.run(command, capture_output=True, text=True)
    assert resumed.returncode == 1, resumed.stderr
    assert read_tables(target) == read_tables(reference)
    if suffix == ".sqlite":
        assert _index_names(target) == _index_names(reference)


def test_changed_file_is_replaced_and_force_redoes_all(corpus, reference, tmp_path) -> None:
    root = tmp_path / "copy"
    shutil.copytree(corpus[0], root)
    target = str(tmp_path / "db.sqlite")
    shutil.copy(reference, target)
    changed = next(root.rglob("a0001.txt"))
    changed.write_text("本报讯 2024年3月5日，吕梁市完成造林11.36万亩。", encoding="utf-8")
    # The changed file is read again, and the failed ones are tried again (they still fail).
    assert main(["run", str(root), "--out", target, "--quiet", *MAX_BYTES]) == 1
    tables = read_tables(target)
    doc_id = changed.relative_to(root).as_posix()
    assert [r["text"] for r in tables["quantity"] if r["doc_id"] == doc_id] == ["11.36万亩"]
    assert len(tables["articles"]) == len(read_tables(reference)["articles"])
    assert main(["run", str(root), "--out", target, "--quiet", "--force", *MAX_BYTES]) == 1
    assert len(read_tables(target)["articles"]) == len(tables["articles"])


def test_summary_counts_and_ignored_files_are_reported(corpus, tmp_path, capsys) -> None:
    target = str(tmp_path / "s.sqlite")
    assert main(["run", str(corpus[0]), "--out", target, *MAX_BYTES]) == 1
    err = capsys.readouterr().err
    failed = sum(e.status == "failed" for e in corpus[1])
    assert f"{len(corpus[1]) - failed} ok, {failed} failed, 0 skipped" in err
    assert "notes.pdf" in err
    # A rerun skips what was extracted and tries the failed articles again: they still fail.
    assert main(["run", str(corpus[0]), "--out", target, *MAX_BYTES]) == 1
    assert f"0 ok, {failed} failed, {len(corpus[1]) - failed} skipped" in capsys.readouterr().err
    with sqlite3.connect(target) as con:
        runs = con.execute("SELECT n_ok, n_failed, n_skipped, finished IS NOT NULL, options FROM runs").fetchall()
    assert [r[:4] for r in runs] == [(len(corpus[1]) - failed, failed, 0, 1), (0, failed, len(corpus[1]) - failed, 1)]


@pytest.mark.parametrize("jobs", [1, 2])  # 2: batches are written from the writer thread
def test_a_failed_write_stops_the_run_with_its_error_and_keeps_earlier_batches(jobs, corpus, tmp_path) -> None:
    from gov_extract.batch import run
    from gov_extract.sinks import SinkError
    from gov_extract.sinks.sqlite import SQLiteSink
    from gov_extract.sources import discover

    class FullDisk(SQLiteSink):
        batches = 0

        def write(self, batch, replace) -> None:
            self.batches += 1
            if self.batches == 2:
                raise SinkError("disk full")
            super().write(batch, replace)

    target = str(tmp_path / "full.sqlite")
    sources = discover([str(corpus[0])], max_bytes=1_000_000).sources()
    with FullDisk(target, version="test") as sink, pytest.raises(SinkError, match="disk full"):
        run(sources, sink, batch_size=10, jobs=jobs)
    first_batch = [s.doc_id for s in discover([str(corpus[0])], max_bytes=1_000_000).sources()][:10]
    assert sorted(r["doc_id"] for r in read_tables(target)["articles"]) == sorted(first_batch)
