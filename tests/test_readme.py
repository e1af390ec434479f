"""The README's Python examples run as written."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_readme_has_python_examples() -> None:
    assert PYTHON_BLOCKS


def test_readme_python_examples_run(capsys) -> None:
    for block in PYTHON_BLOCKS:
        exec(compile(block, str(README), "exec"), {})
    printed = capsys.readouterr().out
    assert "11.36万亩" in printed and "quantity" in printed


SQL_BLOCKS = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_readme_queries_run_on_the_bundled_corpus(tmp_path) -> None:
    import sqlite3

    from gov_extract.cli import main

    target = tmp_path / "gov_extract.sqlite"
    assert main(["run", str(README.parent / "corpora"), "--out", str(target), "--quiet"]) == 0
    assert len(SQL_BLOCKS) >= 3
    with sqlite3.connect(target) as con:
        for sql in SQL_BLOCKS:
            rows = con.execute(sql).fetchall()
            assert len(rows) >= 3, sql
