"""``numbers.NUMERAL_RE``, the standard library's scan for numerals, finds what ``numbers.NUMERAL``
finds through a text with ``regex``: the same spans, on every case text and on soups of the
pieces numerals are made of and end at."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.numbers import NUMERAL, NUMERAL_RE
from gov_extract.text import Document

CASES = Path(__file__).parent / "cases"

# Pieces of numerals and what stands around them, in three groups drawn from alike: digit runs;
# group and decimal marks; Chinese digits and multipliers, the prefixes and markers, what a
# Chinese decimal must not run into, and characters that are none of these.
NUMERAL_PIECES = (
    st.sampled_from(["7", "12", "345", "2024", "123456"])
    | st.sampled_from([" ", "\u00a0", ",", "，", ".", "点"])
    | st.sampled_from(list("零〇一二两三四五六七八九壹伍十百千拾佰仟万亿数上几余多来时分秒年个的"))
)


def _spans_alike(text: str) -> bool:
    scanned = [m.span() for m in NUMERAL_RE.finditer(text)]
    return scanned == [m.span() for m in _numeral().finditer(text)]


@cache
def _numeral() -> regex.Pattern[str]:
    return regex.compile(NUMERAL)


def test_numeral_scan_finds_the_numerals_of_every_case_text() -> None:
    for path in sorted(CASES.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                clean = Document(json.loads(line)["text"]).clean
                assert _spans_alike(clean), clean


@settings(max_examples=1000, deadline=None)
@given(st.lists(NUMERAL_PIECES, max_size=16).map("".join))
def test_numeral_scan_finds_the_numerals_of_numeral_soup(text: str) -> None:
    assert _spans_alike(text)
