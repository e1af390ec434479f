"""``place_stems.generic_whatever_before`` lets ``below_county_hits`` skip reading the stem of a
suffix whose last characters make a common noun of any name (改造老旧小区, 发展农村): that holds
only while every name ending with such a tail is one :func:`place_stems.is_generic` calls common.
Checked with names made of the characters the rules look at (ordinals, roads, suffixes, doubled
suffixes) before the tails the case texts hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.place_stems import generic_whatever_before, is_generic
from gov_extract.place_words import suffix_pattern
from gov_extract.text import Document
from test_rule_kinds import case_inputs

CHARACTERS = "第一二三十路街道大村镇乡社区小新老旧城农集上罗韩家园花苑族彝苗两个名"


def _generic_tails() -> list[str]:
    tails = set()
    for given_case in case_inputs():
        clean = Document(given_case["text"]).clean
        for m in suffix_pattern().finditer(clean):
            if m.start() >= 2 and generic_whatever_before(clean[m.start() - 2 : m.end()]):
                tails.add(clean[m.start() - 2 : m.end()])
    return sorted(tails)


TAILS = _generic_tails()


def test_the_case_texts_hold_common_nouns_read_by_their_tail() -> None:
    assert len(TAILS) > 20
    assert "老旧小区" in TAILS


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CHARACTERS, max_size=6), st.integers(min_value=0), st.booleans())
def test_every_name_ending_with_a_generic_tail_is_generic(before: str, pick: int, clear: bool) -> None:
    tail = TAILS[pick % len(TAILS)]
    assert is_generic(before + tail, clear_start=clear)


def test_a_name_is_not_read_by_its_tail() -> None:
    assert not generic_whatever_before("青年路社区"[-4:])  # 年路社区: a road's name ends the stem
    assert not generic_whatever_before("十八洞村")  # 洞村: no common noun
