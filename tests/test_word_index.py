"""``word_index`` gives each list the hits its regex alternation finds (``re.finditer`` over
:func:`resources.alternation`): on every case text, and on texts where words of different lists
overlap (县领导同志表示: a list head, a word after leaders' names and a speech verb)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gov_extract.resources import words_pattern
from gov_extract.text import Document
from gov_extract.word_index import indexed_lists, word_hits

CASES_DIR = Path(__file__).parent / "cases"

OVERLAPPING = ("县领导同志表示", "选举产生担任县长", "全市市内到来到率队到", "任命为担任(当选为)")


def case_cleans() -> list[str]:
    cleans = []
    for path in sorted(CASES_DIR.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                cleans.append(Document(json.loads(line)["text"]).clean)
    return cleans


@pytest.mark.parametrize("name", sorted(indexed_lists()))
def test_hits_are_the_alternation_s(name: str) -> None:
    alternation = words_pattern(indexed_lists()[name])
    for clean in [*OVERLAPPING, *case_cleans()]:
        assert word_hits(clean, name) == tuple(m.span() for m in alternation.finditer(clean)), clean[:80]
