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
