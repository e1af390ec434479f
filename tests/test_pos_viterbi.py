"""``pos_viterbi.viterbi`` finds what jieba's own part-of-speech decoder finds: the same score
and path on any string of characters, those jieba's model knows and those it never saw."""

from __future__ import annotations

import importlib

import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.pos_viterbi import viterbi
from gov_extract.resources import jieba_tokenizer

JIEBA_VITERBI = importlib.import_module("jieba.posseg.viterbi").viterbi
TABLES = (jieba.posseg.char_state_tab_P, jieba.posseg.start_P, jieba.posseg.trans_P, jieba.posseg.emit_P)
KNOWN = sorted(jieba.posseg.char_state_tab_P)
UNSEEN = ["丨", "龘", "a", "1", "，"]

# Runs of characters jieba's dictionary leaves single, which the persons finder sends to the HMM.
EXAMPLES = ["乌兰图雅", "格桑卓玛", "更求文德", "阿苏日哈", "王大海提交", "其美多吉", "扎西尼玛", "朝克图说", "龘"]


@pytest.mark.parametrize("text", EXAMPLES)
def test_same_path_as_jieba(text: str) -> None:
    assert viterbi(text, *TABLES) == JIEBA_VITERBI(text, *TABLES)


@settings(max_examples=300, deadline=None)  # jieba's decoder takes milliseconds a string
@given(st.lists(st.sampled_from(KNOWN) | st.sampled_from(UNSEEN), min_size=1, max_size=10).map("".join))
def test_same_path_as_jieba_on_any_string(text: str) -> None:
    assert viterbi(text, *TABLES) == JIEBA_VITERBI(text, *TABLES)


def test_jieba_decodes_with_it() -> None:
    jieba_tokenizer()
    assert jieba.posseg.viterbi is viterbi
