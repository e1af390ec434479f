"""Whether the short words a photo caption places (贡觉（右）, 江达（右一）) name people or places: one
decision the places layer (its caption veto) and the persons layer (its placed names) share."""

from __future__ import annotations

import regex

from . import gazetteer
from .person_names import minority_name_length, read_name
from .person_words import title_ends

# A caption's note of where a person or thing stands in the picture: (左), (右一), (前排左二), (左3),
# (图中), with a comment after a comma ((中，新华社发)). The one description the persons layer (names
# before a note) and the places layer (its caption veto) both read.
POSITION_NOTE = regex.compile(
    r"\((?P<row>前排|后排|中排|图)?(?P<side>[左右中])(?P<count>[一二三四五六七八九十]{1,2}|\d{1,2})?"
    r"(?P<comment>[，,][^()]{0,12})?\)"
)
_LINKS = frozenset("、和与及")
# How long the other items of the list are read (2 to 4 characters before their notes).
_LENGTHS = (2, 3, 4)


def _names_person(clean: str, end: int) -> bool:
    """The item ending at ``end`` (before its note) is a person's name that is no division's name:
    a Han surname and given name, known Tibetan or Mongolian parts, or any word after a post or a
    word for people (木匠次仁（左）); 拉萨（右）, 重庆（右） are places."""
    forms = gazetteer.load().forms
    for length in _LENGTHS:
        pos = end - length
        if pos < 0 or clean[pos] in _LINKS:
            return False
        if clean[pos:end] in forms:
            return False
        if (
            read_name(clean, pos, guess=False) == length
            or minority_name_length(clean, pos) == length
            or title_ends().at(clean, pos)
        ):
            return True
    return False


def position_note_at(clean: str, pos: int) -> bool:
    """A caption's position note opens at ``pos`` (格扎|（图中）)."""
    return clean.startswith("(", pos) and POSITION_NOTE.match(clean, pos) is not None


def places_a_person(note: regex.Match[str]) -> bool:
    """The note alone says a person stands there: a place counted in words or the middle, in a row
    (（左二）, （前排中）). A bare side, a count in digits or 图中 come as often after things set side by
    side (格桑花（右）, 白塔（左3）, 金沙江大桥（图中）)."""
    if note["row"] == "图" or note["comment"]:
        return False
    return note["side"] == "中" or bool(note["count"] and not note["count"].isdigit())


def caption_lists_people(clean: str, start: int, end: int) -> bool:
    """``clean[start:end]`` stands before a caption's position note at ``end``: the caption lists
    people where a post or a word for people stands right before it (铁匠江达（右一）) or another item
    of its list (joined by 、 和 与 及, each before a note) is a person's name (扎西（左一）、江达
    （右一）); else it compares places or things (遵义（左）、贵阳（右）两地, 长沙（中）队, 在延安（中）)."""
    if title_ends().at(clean, start):
        return True
    # The item before: 扎西（左一）|、江达
    if start >= 2 and clean[start - 1] in _LINKS and clean[start - 2] == ")":
        note = clean.rfind("(", max(0, start - 12), start - 1)
        if note > 0 and POSITION_NOTE.fullmatch(clean, note, start - 1) and _names_person(clean, note):
            return True
    # The items after: 江达（右一）|、扎西（左一）
    note = POSITION_NOTE.match(clean, end)
    while note and note.end() < len(clean) and clean[note.end()] in _LINKS:
        nxt = clean.find("(", note.end() + 1, note.end() + 8)
        if nxt < 0 or not (following := POSITION_NOTE.match(clean, nxt)):
            break
        if _names_person(clean, nxt):
            return True
        note = following
    return False
