"""The chain rule reads the name after a post before the chain of posts, and reads no chain where
no name stands (``person_mentions.chain_mentions``). That keeps its records only while:

* a reading that allows a name without a Han surname finds a name wherever the reading that
  does not allow one finds one, and the same one, and the speaker reading finds none where it
  finds none;
* the chain's last post is a word ending where the chain ends, so the words that may end there
  tell whether the post allows a name without a Han surname.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.person_names import read_name, speaker_name_length
from gov_extract.person_posts import aside_before, chain_span
from gov_extract.person_words import vocabulary
from gov_extract.text import Document
from test_name_reach import PIECES as NAME_PIECES
from test_rule_kinds import case_inputs

# What the name readers see (test_name_reach), with posts, occupations, words for people and parties
# and more given-name characters: what the chain rule reads around a name.
PIECES = [*NAME_PIECES, *"春生明", "县长", "副书记", "村民", "牧民", "原告", "董事长", "乌兰图雅", "提交", "、"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(min_value=0, max_value=60))
def test_a_wider_reading_finds_every_name_the_narrower_finds(text: str, at: int) -> None:
    clean = Document(text).clean
    pos = min(at, max(0, len(clean) - 1))
    wide = read_name(clean, pos, guess=True, unsurnamed=True)
    assert read_name(clean, pos, guess=True, unsurnamed=False) in (0, wide)
    assert wide or not speaker_name_length(clean, pos)


def test_the_last_post_of_a_chain_ends_where_the_chain_ends() -> None:
    chains = 0
    for given_case in case_inputs():
        doc = Document(given_case["text"] or "")
        for end in vocabulary(doc.clean).post_ends:
            _, titles = chain_span(doc.clean, end, doc.line_breaks)
            if titles and titles[-1].title:
                chains += 1
                assert doc.clean.endswith(titles[-1].title, 0, aside_before(doc.clean, end))
    assert chains > 1000, "the case texts should hold well over a thousand chains of posts"
