"""How far a name read at a position may reach: no reading is longer than ``LONGEST_NAME``
(a dotted name's), which lets ``speaker_name_length`` skip the reading where no speech verb
stands within that reach; it keeps what reading and filtering everywhere keeps."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.names import LONGEST_NAME
from gov_extract.person_names import minority_name_length, mongolian_name_length, read_name, speaker_name_length
from gov_extract.person_words import speech_verb_pattern

# Surnames, parts of Tibetan, Mongolian and Yi names, dots, given-name characters, words that
# end names, speech verbs and punctuation: what makes names long and what ends them.
PIECES = [
    *"王李张欧阳司马吉克沙马阿依古丽买买提热合曼吐尔逊江",
    "扎西",
    "次仁",
    "多吉",
    "卓玛",
    "格桑",
    "尼玛",
    "·",
    "•",
    "说",
    "表示",
    "告诉记者",
    "同志",
    "的",
    "和",
    "在",
    "，",
    "。",
    "\n",
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.booleans(), st.sampled_from([None, False, True]))
def test_no_reading_is_longer_than_a_dotted_name(text: str, guess: bool, unsurnamed: bool | None) -> None:
    for pos in range(len(text)):
        assert read_name(text, pos, guess=guess, unsurnamed=unsurnamed) <= LONGEST_NAME


@settings(max_examples=400, deadline=None)
@given(texts)
def test_speaker_name_is_the_filtered_reading(text: str) -> None:
    for pos in range(len(text)):
        length = read_name(text, pos, guess=True, unsurnamed=True)
        kept = length and (speech_verb_pattern().match(text, pos + length) or minority_name_length(text, pos) == length)
        assert speaker_name_length(text, pos) == (length if kept else 0)


def test_no_mongolian_name_before_the_text() -> None:
    """A position before the text reads no name (``match`` would read it from 0 and the length
    would count the missing character)."""
    assert mongolian_name_length("额尔登毕力格图表示", 0) == 7
    assert mongolian_name_length("额尔登毕力格图表示", -1) == 0
