"""Estates (小区, 花园, 苑) and lists of them: a name with a weak estate suffix read as an estate's in
a list of estates or a sentence about them, unless a post before it makes it a person's (部长李苑);
the items of a list of estates that ends with 等小区 (:func:`estate_list_items`); a village suffix
that ends a town estate's name (银杏新村); an estate's numbered part (三区, 2期).

The suffix scan (:mod:`gov_extract.place_below`) decides the estates it meets with these tests;
this module reads no other level.
"""

from __future__ import annotations

import re
from functools import cache

from .names import surname_length
from .place_divisions import Hit
from .place_stems import CJK_ITEM, MAX_LIST, NUMBER_IN_NAME, trailing_suffix
from .place_words import LIST_JOINS, Mask, word_lists
from .resources import alternation, read_words


@cache
def staff_compounds() -> frozenset[str]:
    return frozenset(word_lists()["names_after"]["staff_compounds"])


@cache
def weak_estate() -> dict[str, list[str]]:
    return word_lists()["weak_estate_suffixes"]


@cache
def _estate_evidence() -> re.Pattern[str]:
    return re.compile(alternation(weak_estate()["evidence"]))


_SENTENCE_MARKS = "。！？!?\n"


_SENTENCE_END = re.compile(f"[{_SENTENCE_MARKS}]")


def estate_named(clean: str, hits: list[Hit], start: int, end: int) -> bool:
    """A name with a weak estate suffix (苑) is an estate's after an estate in a list (春江花园、金色海岸苑)
    or in a sentence that speaks of estates, unless a post stands before it as before a person's name."""
    after_estate = bool(hits) and hits[-1].level == "compound" and hits[-1].end == start - 1
    listed = after_estate and clean[start - 1] in LIST_JOINS
    return (listed or _estate_sentence(clean, start, end)) and not _titled_name(clean[start:end])


def _estate_sentence(clean: str, start: int, end: int) -> bool:
    """The sentence around a name speaks of estates (文昌苑、锦绣苑等12个小区, 龙泉苑的业主)."""
    opening = max(clean.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1
    closing = _SENTENCE_END.search(clean, end)
    return _estate_evidence().search(clean, opening, closing.start() if closing else len(clean)) is not None


@cache
def post_words() -> tuple[str, ...]:
    return (*read_words("titles.txt"), *read_words("person_occupations.txt"))


def _titled_name(name: str) -> bool:
    """宣传部部长李苑, 副县长王晓苑, 党组书记苑: a post or occupation, then a surname and up to two
    characters: a person's name, not an estate's."""
    return any(surname_length(name[-k:]) > 0 and name.endswith(post_words(), 0, len(name) - k) for k in (1, 2, 3))


def among_compounds(clean: str, hits: list[Hit], start: int, end: int) -> bool:
    """The name is an item of a list of estates: after an estate and a list mark, or before 等小区."""
    after_estate = bool(hits) and hits[-1].level == "compound" and hits[-1].end == start - 1
    return (after_estate and clean[start - 1] == "、") or _estate_list_tail().match(clean, end) is not None


@cache
def _estate_list_tail() -> re.Pattern[str]:
    """等小区, 等5个老旧小区, 等住宅小区: what closes a list of estates ([estate_lists])."""
    table = word_lists()["estate_lists"]
    modifiers = alternation([*table["modifiers"], *word_lists()["estate_kinds"]["words"]])
    return re.compile(f"等(?:[0-9一二两三四五六七八九十]+个)?(?:{modifiers})*(?:{alternation(table['kinds'])})")


@cache
def _estate_item_ending() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(word_lists()['estate_lists']['item_endings'])})$")


# The shortest and longest estate name read as an item of a list.
_ESTATE_ITEM = (2, 8)

_ESTATE_JOINS = "和及与"


def estate_list_items(clean: str, taken: Mask) -> list[Hit]:
    """东湖小区、福润名邸等小区, 锦绣名苑和御景府等老旧小区: the items of a list closed by an estate
    list's tail that carry no place suffix (those the suffix scan reads) but end as estates are
    named are estates. The items are read back from the tail, between list marks; the last two may
    be joined by 和 (及, 与). The list's first item, whose start no mark shows, is left to the scan."""
    hits: list[Hit] = []
    if "等" not in clean:
        return hits
    for m in _estate_list_tail().finditer(clean):
        end = m.start()
        items: list[tuple[int, int]] = []
        while len(items) < MAX_LIST:
            mark = clean.rfind("、", max(0, end - 2 * _ESTATE_ITEM[1] - 2), end)  # (two items joined)
            if mark < 0:
                break
            join = max(clean.rfind(j, mark + 1 + _ESTATE_ITEM[0], end - _ESTATE_ITEM[0]) for j in _ESTATE_JOINS)
            if join > mark and _estate_item_ending().search(clean, mark + 1, join):
                items += [(join + 1, end), (mark + 1, join)]  # 锦绣名苑和御景府
            else:
                items.append((mark + 1, end))
            end = mark
        for start, stop in items:
            if (
                _ESTATE_ITEM[0] <= stop - start <= _ESTATE_ITEM[1]
                and CJK_ITEM.fullmatch(clean, start, stop)
                and _estate_item_ending().search(clean, start, stop)
                and not trailing_suffix().search(clean, start, stop)
                and not taken.hits(start, stop)
            ):
                hits.append(Hit(start, stop, "compound", rule="estate_list"))
    return sorted(hits, key=lambda h: h.start)


# A numbered part of an estate written after its name (三区, 2期).
ESTATE_PART = re.compile(rf"(?:{NUMBER_IN_NAME})[区期]")


def estate_village(clean: str, start: int, end: int) -> bool:
    """A village suffix that may end a town estate's name (银杏新村), not a village's (东坪村)."""
    return clean.endswith(_estate_village_endings(), start, end)


@cache
def _estate_village_endings() -> tuple[str, ...]:
    return tuple(word_lists()["estate_villages"]["endings"])
