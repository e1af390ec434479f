"""The mention rules that read a name after the place a person comes from: a native place and 人
(桂林人黎明辉说, 龙泉乡人王建国说), and a 、-list of names each written after its city, as court and
police news list the convicted (济宁张大伟、菏泽李小军等一批…). The places stay places; the names are
people (role ``other`` unless the article gives them a post).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import gazetteer
from .names import is_common_word, surnames, word_tag
from .person_names import ends_name, read_name
from .person_words import Mention
from .text import Document

# The lengths of a place's name read right before a name: a county-level division or above
# (温州, 黔东南州) or a township (龙泉乡, 石门镇).
_PLACE_LENGTHS = range(2, 7)
# The lengths of a Han name read after a place: a surname and one or two characters.
_NAME_LENGTHS = (3, 2)
_TOWNSHIP_ENDINGS = frozenset("乡镇")
_NATIVE = re.compile("人")
_ADVERB_TAG = "d"
_VERB_TAG = "v"
_LIST_MARK = re.compile("、")
# What closes an item of a list of names: the next item, 等 before a word for the group, a stop.
_ITEM_CLOSERS = frozenset("、等，,。；;")


def _place(name: str) -> bool:
    """``name`` is a division's name (温州, 聊城) or a township's (龙泉乡: the townships' table is
    asked only for a name with a township's ending, and read only where one stands)."""
    return name in gazetteer.load().forms or (name[-1:] in _TOWNSHIP_ENDINGS and gazetteer.is_township(name))


def _place_ends(clean: str, end: int) -> bool:
    """A place's name ends at ``end``."""
    return any(_place(clean[end - n : end]) for n in _PLACE_LENGTHS if end - n >= 0)


def _name_at(clean: str, pos: int) -> int:
    """The length of a Han name read without guessing at ``pos`` that is no place's name (张店), no
    word of the dictionary, nor an adverb that is a surname before a verb (湖南人|常说), else 0."""
    length = read_name(clean, pos, guess=False)
    name = clean[pos : pos + length]
    if length not in _NAME_LENGTHS or _place(name) or is_common_word(name) or _adverb_and_verb(name):
        return 0
    return length


def _adverb_and_verb(name: str) -> bool:
    """A surname that is also an adverb, then a verb (湖南人|常说, 四川人|都爱): no name."""
    return word_tag(name[:1]) == _ADVERB_TAG and word_tag(name[1:]).startswith(_VERB_TAG)


def native_place_mentions(doc: Document) -> Iterator[Mention]:
    """``桂林人黎明辉说``, ``浙江温州人陈立在当地开店``: a place, 人, then a name that ends where names
    end. 人 and the name's first character must make no word (县人民政府, 杭州人才市场), and a word
    for people that is no place (本地人, 外地人) names no one."""
    clean = doc.clean
    first_chars = surnames()[0]
    for native in _NATIVE.finditer(clean):
        pos = native.end()
        if clean[pos : pos + 1] not in first_chars or is_common_word(clean[native.start() : pos + 1]):
            continue
        if not _place_ends(clean, native.start()):
            continue
        length = _name_at(clean, pos)
        if length and ends_name(clean, pos + length):
            yield Mention(pos, pos + length, clean[pos : pos + length])


def _item_ending(clean: str, end: int) -> Mention | None:
    """A place and a name ending at ``end`` (聊城|吴建国), the name as a mention, else None."""
    # A surname is asked first, then the place: lookups, where reading the name is a cut.
    first_chars = surnames()[0]
    for length in _NAME_LENGTHS:
        pos = end - length
        if pos > 0 and clean[pos] in first_chars and _place_ends(clean, pos) and _name_at(clean, pos) == length:
            return Mention(pos, end, clean[pos:end])
    return None


def _item_opening(clean: str, start: int) -> Mention | None:
    """A place and a name opening at ``start`` and closed by the next item, 等 or a stop (泰安|周立军、),
    the name as a mention, else None."""
    for size in _PLACE_LENGTHS:
        pos = start + size
        if clean[pos : pos + 1] not in surnames()[0] or not _place(clean[start:pos]):
            continue
        length = _name_at(clean, pos)
        if length and clean[pos + length : pos + length + 1] in _ITEM_CLOSERS:
            return Mention(pos, pos + length, clean[pos : pos + length])
    return None


def place_list_mentions(doc: Document) -> Iterator[Mention]:
    """``聊城吴建国、泰安周立军、东营赵明等一批黑恶势力首要分子``: two items or more of a 、-list, each a
    place and a name; every name of such a pair is a person."""
    clean = doc.clean
    found: set[int] = set()
    for mark in _LIST_MARK.finditer(clean):
        before = _item_ending(clean, mark.start())
        after = _item_opening(clean, mark.end()) if before is not None else None
        if before is None or after is None:
            continue
        for item in (before, after):
            if item.start not in found:
                found.add(item.start)
                yield item
