"""``place_words.crosses_word`` skips jieba's cut where no dictionary word runs across either
edge of a name: that holds only if such an edge is a boundary of jieba's cut, whatever the
window. Checked against jieba itself on every position of text made of characters that form
many words (place names, the words around them)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.place_words import _word_across
from gov_extract.resources import jieba_tokenizer

CHARACTERS = "冬天水管基本市情投资兴业上海浦东苏州工业园区吕梁山西太原新增城市中国人民政府县长镇村的了和在是"


def _edges(text: str) -> set[int]:
    edges, pos = {0}, 0
    for word in jieba_tokenizer().cut(text, HMM=False):
        pos += len(word)
        edges.add(pos)
    return edges


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=CHARACTERS, min_size=1, max_size=12))
def test_no_word_across_means_an_edge(text: str) -> None:
    edges = _edges(text)
    for at in range(len(text) + 1):
        if not _word_across(text, 0, len(text), at):
            assert at in edges


def test_words_across_are_found() -> None:
    assert _word_across("冬天水管", 0, 4, 1)  # 冬天 runs across the start of 天水
    assert _word_across("县长的村", 0, 4, 1)  # 县长
    assert not _word_across("县长的村", 0, 4, 2)
