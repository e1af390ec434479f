"""The command line as a user meets it: usage errors before any work, UTF-8 out, quiet on a closed pipe, stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gov_extract import __version__
from gov_extract.cli import main

CLI = [sys.executable, "-m", "gov_extract.cli"]
ARTICLE = "本报讯（记者 王明）2024年3月5日，吕梁市完成造林11.36万亩，投入资金约2600万元，成活率达95%以上。\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    for i in range(3):
        (tmp_path / "in" / f"a{i}.txt").write_text(ARTICLE * 40, encoding="utf-8")
    return tmp_path / "in"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "{folder}", "--pub-date", "yesterday"], "must be a date"),
        (["run", "{folder}", "--home-place", "不存在市"], "names no province"),
        (["run", "{folder}", "--out", "{tmp}/out.xlsx"], "--out"),
        (["run", "{tmp}/missing"], "no such file"),
        (["run", "{tmp}/empty"], "no articles found"),
        (["run", "{tmp}/*.nothing"], "no files match"),
        (["run", "{folder}", "--jobs", "0"], "whole number"),
        (["run", "{folder}", "--manifest", "{tmp}/missing.csv"], "manifest not found"),
        (["extract", "{folder}", "--pub-date", "2024-13-01"], "must be a date"),
    ],
)
def test_bad_options_are_usage_errors_before_any_work(args, message, folder, tmp_path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    argv = [a.format(folder=folder, tmp=tmp_path) for a in args]
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--out", str(tmp_path / "db.sqlite")] if argv[0] == "run" and "--out" not in argv else argv)
    assert stop.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "db.sqlite").exists()


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_extract_writes_utf8_whatever_the_terminal(folder) -> None:
    done = subprocess.run([*CLI, "extract", str(folder)], capture_output=True, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert "11.36万亩" in done.stdout.decode("utf-8")


def test_extract_ends_quietly_on_a_closed_pipe(folder) -> None:
    reader = subprocess.Popen(["head", "-n", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    writer = subprocess.run([*CLI, "extract", str(folder)], stdout=reader.stdin, stderr=subprocess.PIPE)
    reader.stdin.close()
    assert reader.stdout.read().count(b"\n") == 1
    reader.wait()
    assert writer.stderr == b""
    assert writer.returncode == 0


def test_extract_reads_stdin_and_old_style_paths() -> None:
    done = subprocess.run([*CLI, "extract", "-"], input=ARTICLE.encode("gb18030"), capture_output=True)
    assert done.returncode == 0 and "吕梁市" in done.stdout.decode("utf-8")
    assert '"doc_id": "-"' in done.stdout.decode("utf-8")


def test_extract_reports_a_bad_file_and_goes_on(folder, capsys) -> None:
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02PNG" * 50)
    assert main([str(folder), "--pub-date", "2024-03-06"]) == 1  # `gov-extract FOLDER` is `extract`
    captured = capsys.readouterr()
    assert "scan.txt: binary" in captured.err
    assert captured.out.count('"doc_id": "a2.txt"') > 0


def test_run_progress_and_summary_go_to_stderr(folder, tmp_path, capsys) -> None:
    assert main(["run", str(folder), "--out", str(tmp_path / "db.sqlite")]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "3 ok, 0 failed, 0 skipped" in captured.err


def test_database_password_is_never_printed(folder, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["run", str(folder), "--out", "postgresql://etl:s3cret@127.0.0.1:1/none"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "s3cret" not in err and "etl:***@127.0.0.1" in err


def test_extract_explain_names_the_rule_of_each_record(folder, capsys) -> None:
    assert main(["extract", str(folder / "a0.txt"), "--explain"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(isinstance(row["rule"], str) and row["rule"] for row in rows)
    assert {row["type"] for row in rows} >= {"quantity", "money", "date", "place", "person"}


def test_extract_reads_a_page_with_its_own_date_as_run_does(tmp_path, capsys) -> None:
    pytest.importorskip("trafilatura")
    page = tmp_path / "page.html"
    body = "今年以来，汾阳市完成造林1.2万亩，比去年多3000亩。" * 3
    page.write_text(
        '<html><head><meta charset="utf-8"><meta name="PubDate" content="2023-06-01"><title>造林</title></head>'
        f"<body><article><p>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    assert main(["extract", str(page)]) == 0
    dates = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    years = {d["text"]: d["start_date"][:4] for d in dates if d["type"] == "date"}
    assert years == {"今年": "2023", "去年": "2022"}  # the page's PubDate, not unresolved
    target = str(tmp_path / "page.sqlite")
    assert main(["run", str(page), "--out", target, "--quiet"]) == 0
    import sqlite3

    with sqlite3.connect(target) as con:
        stored = dict(con.execute("SELECT text, substr(start_date, 1, 4) FROM date").fetchall())
    assert stored == years


def test_run_reads_manifest_dates_as_spreadsheets_hold_them(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    dates = {"a.txt": "2024/3/6", "b.txt": "2024年3月6日", "c.txt": "2024-03-06 09:30:00", "d.txt": "3月6日"}
    for name in dates:
        (folder / name).write_text("本报讯 去年全市完成造林11.36万亩。\n", encoding="utf-8")
    rows = "".join(f"{name},{value}\n" for name, value in dates.items())
    (folder / "manifest.csv").write_text("path,pub_date\n" + rows, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(folder), "--out", str(out), "--quiet"]) == 0
    articles = {a["doc_id"]: a for a in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    for name in ("a.txt", "b.txt", "c.txt"):
        assert (articles[name]["pub_date"], articles[name]["pub_date_source"]) == ("2024-03-06", "given")
    assert articles["d.txt"]["pub_date_source"] == "none"
    assert "'3月6日' is not a date" in articles["d.txt"]["warning"]
