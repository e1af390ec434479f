"""Settling candidates of different types that overlap: the one place the finders meet.

Finders propose :class:`~gov_extract.rules.Candidate` values without knowing each
other's vocabulary; :func:`settle` applies the overlap rules of
``patterns/resolve.toml``: first the names that hold a numeral (五台县: no amount starts
inside one), then the overlap rules in order (each names the type that stays, the types it
removes and how they must stand to it); it returns what is left in record order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain, islice
from operator import attrgetter

import regex

from .records import Record
from .resources import read_toml, read_words
from .rules import Candidate
from .text import Document
from .word_index import word_hits

# A pinyin gloss in brackets after a character: 三鄉(xiāng)鎮.
_PINYIN_GLOSS = regex.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}\)")


@dataclass(frozen=True, slots=True)
class Overlap:
    """Where a record of a type in ``drop`` (made by one of ``drop_rules``, when given) stands
    ``when`` to one of type ``keep`` (made by one of ``keep_rules``, when given), it goes:
    ``overlaps`` (shares a character), ``inside`` (lies within it) or ``leaves`` (starts inside
    it and ends after it)."""

    name: str
    keep: str
    drop: frozenset[str]
    when: str
    keep_rules: frozenset[str] | None
    drop_rules: frozenset[str] | None = None

    def kept_spans(self, of_keep_type: list[Candidate], removed: set[int]) -> _Spans:
        """The spans of the candidates (of the type this rule keeps, not yet removed) it keeps."""
        rules = self.keep_rules
        return _Spans(
            [
                (c.record.start, c.record.end)
                for c in of_keep_type
                if id(c) not in removed and (rules is None or c.rule in rules)
            ]
        )


_RELATIONS = ("overlaps", "inside", "leaves")


@cache
def overlap_rules() -> tuple[Overlap, ...]:
    rules = tuple(
        Overlap(
            rule["name"],
            rule["keep"],
            frozenset(rule["drop"]),
            rule["when"],
            frozenset(rule["keep_rules"]) if "keep_rules" in rule else None,
            frozenset(rule["drop_rules"]) if "drop_rules" in rule else None,
        )
        for rule in read_toml("resolve.toml")["overlap"]
    )
    for rule in rules:
        if rule.when not in _RELATIONS:
            raise ValueError(f"resolve.toml: rule {rule.name!r}: 'when' must be one of {_RELATIONS}")
    return rules


class _Spans:
    """The spans of the records one rule keeps (they do not overlap each other), sorted, to ask
    how a record stands to them."""

    __slots__ = ("_spans", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]

    def __bool__(self) -> bool:
        return bool(self._spans)

    def relation(self, when: str) -> Callable[[Record], bool]:
        """The test of how a record stands to the spans that ``when`` names."""
        return {
            "inside": self.holds_inside,
            "leaves": self.is_left_by,
            "overlaps": self.overlaps,
        }[when]

    def holds_inside(self, record: Record) -> bool:
        k = bisect_right(self._starts, record.start) - 1  # the last span starting at or before the record
        return k >= 0 and self._spans[k][1] >= record.end

    def is_left_by(self, record: Record) -> bool:
        k = bisect_right(self._starts, record.start - 1) - 1  # the last span starting before the record
        return k >= 0 and record.start < self._spans[k][1] < record.end

    def overlaps(self, record: Record) -> bool:
        start, end = record.start, record.end
        k = bisect_right(self._starts, start) - 1
        before = k >= 0 and self._spans[k][1] > start
        after = k + 1 < len(self._spans) and self._spans[k + 1][0] < end
        return before or after


@dataclass(frozen=True, slots=True)
class NameHolds:
    """A record of a type in ``drop`` that starts inside one of the names (found in the clean
    view, wherever they are written) goes: the name holds it."""

    name: str  # its names are word_index's list "resolve.<name>"
    drop: frozenset[str]


@cache
def name_rules() -> tuple[NameHolds, ...]:
    return tuple(NameHolds(rule["name"], frozenset(rule["drop"])) for rule in read_toml("resolve.toml")["names"])


def _outside_names(doc: Document, rule: NameHolds, candidates: list[Candidate]) -> list[Candidate]:
    spans = [doc.span(start, end)[:2] for start, end in word_hits(doc.clean, f"resolve.{rule.name}")]
    if not spans:
        return candidates
    starts = [start for start, _ in spans]

    def held(record: Record) -> bool:
        k = bisect_right(starts, record.start) - 1
        return k >= 0 and record.start < spans[k][1]

    return [c for c in candidates if c.record.type not in rule.drop or not held(c.record)]


# The order records come out in: (start, end, type), read in C, not by a function per candidate.
_RECORD_ORDER = attrgetter("record.start", "record.end", "record.type")
_START, _END = attrgetter("record.start"), attrgetter("record.end")


def settle(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates no rule removes, sorted by (start, end, type)."""
    for name_rule in name_rules():
        candidates = _outside_names(doc, name_rule, candidates)
    ordered = sorted(candidates, key=_RECORD_ORDER)
    by_type: dict[str, list[Candidate]] = {}
    for candidate in _contested(ordered):
        by_type.setdefault(candidate.record.type, []).append(candidate)
    removed: set[int] = set()  # ids of the candidates a rule removed: they keep nothing out later
    for rule in overlap_rules():
        kept = rule.kept_spans(by_type.get(rule.keep, []), removed)
        if not kept:
            continue
        stands = kept.relation(rule.when)
        dropped = rule.drop_rules
        for record_type in rule.drop:
            removed.update(
                id(c)
                for c in by_type.get(record_type, ())
                if id(c) not in removed and (dropped is None or c.rule in dropped) and stands(c.record)
            )
    removed |= _named_places_counts(doc, ordered, removed)
    return [c for c in ordered if id(c) not in removed] if removed else ordered


@cache
def _place_name_counts() -> tuple[str, str, frozenset[str], tuple[str, ...]]:
    rule = read_toml("resolve.toml")["place_names_hold_counts"]
    names_after = (*rule["name_words_after"], *read_words("place_org_suffixes.txt"))
    return rule["openers"], rule["suffixes"], frozenset(rule["drop"]), names_after


def _named_places_counts(doc: Document, ordered: list[Candidate], removed: set[int]) -> set[int]:
    """The ids of counts where the article writes the name of a place it names with a numeral
    first (三乡 of 三乡镇 in 三乡美妆产业园, resolve.toml place_names_hold_counts): the stem is
    followed by the place's own suffix (五间房镇人民政府) or by what a name is part of (产业园,
    人民政府) in its phrase, not by what a count is followed by (三家村引进了三家企业, 五棵树镇……
    种下了五棵树, 十里村……全长十里路: counts)."""
    openers, suffixes, drop, names_after = _place_name_counts()
    stems = {
        name[:-1] if name[-1:] in suffixes else name
        for c in ordered
        if c.record.type == "place" and c.record.text[:1] in openers and id(c) not in removed
        for name in (getattr(c.record, "name", None) or c.record.text,)
    }
    if not stems:
        return set()  # most articles: no place named with a numeral
    named_at = {
        c.record.start
        for c in ordered
        if c.record.type == "place" and c.record.text[:1] in openers and id(c) not in removed
    }
    glossed = "(" in doc.original
    dropped = set()
    for c in ordered:
        if c.record.type not in drop or c.record.text[:1] not in openers:
            continue
        if c.record.start in named_at:
            dropped.add(id(c))  # 丹麻、五峰、威远: the place read there
            continue
        for stem in stems:
            end = _stem_end(doc.original, c.record.start, stem, glossed)
            if end >= 0 and _name_follows(doc.clean, doc.to_clean(end), suffixes, names_after):
                dropped.add(id(c))
                break
    return dropped


# The phrase after a place's stem that is read for what the name is part of.
_PHRASE_AFTER_STEM = regex.compile(r"\p{Han}{0,10}")


def _name_follows(clean: str, end: int, suffixes: str, names_after: tuple[str, ...]) -> bool:
    """The stem ending at ``end`` of the clean text (simplified, glosses dropped) goes on as a name:
    its place's suffix (五间房镇) or, in its phrase, a word a name is part of (三乡美妆产业园,
    三鄉(xiāng)美妝產(chǎn)業(yè)園, 五间房特色产业园)."""
    m = _PHRASE_AFTER_STEM.match(clean, end)
    phrase = m.group(0) if m else ""
    return bool(phrase) and (phrase[0] in suffixes or any(word in phrase for word in names_after))


def _stem_end(original: str, start: int, stem: str, glossed: bool) -> int:
    """Where ``stem`` written at ``start`` ends, a pinyin gloss (三鄉(xiāng)) aside; -1 where it
    is not written there."""
    if not glossed:
        return start + len(stem) if original.startswith(stem, start) else -1
    at = start
    for char in stem:
        if original[at : at + 1] != char:
            return -1
        at += 1
        gloss = _PINYIN_GLOSS.match(original, at)
        if gloss:
            at = gloss.end()
    return at


def _contested(ordered: list[Candidate]) -> list[Candidate]:
    """The candidates (sorted by start) that share a character with another. Every rule removes a
    record only for a kept span it shares a character with, and a kept span that overlaps no
    candidate changes no answer of :class:`_Spans` about one that does (no kept span that could
    answer instead reaches past it), so the rules need read only these: most records overlap none."""
    starts = list(map(_START, ordered))
    ends = list(map(_END, ordered))
    reaches = accumulate(ends, max, initial=0)  # the furthest end of the candidates before each
    next_starts = chain(islice(starts, 1, None), (max(ends, default=0),))  # none after the last
    return [
        candidate
        for candidate, start, end, reach, next_start in zip(ordered, starts, ends, reaches, next_starts, strict=False)
        if start < reach or next_start < end
    ]
