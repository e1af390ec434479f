"""Settling candidates of different types that overlap: the one place the finders meet.

Finders propose :class:`~gov_extract.rules.Candidate` values without knowing each
other's vocabulary; :func:`settle` applies the overlap rules of
``patterns/resolve.toml`` in order (each names the type that stays and the types it
removes where they overlap it) and returns what is left in record order.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from .resources import read_toml
from .rules import Candidate


@dataclass(frozen=True, slots=True)
class Overlap:
    """Where a record of type ``keep`` overlaps one of a type in ``drop``, the latter goes."""

    name: str
    keep: str
    drop: frozenset[str]


@cache
def overlap_rules() -> tuple[Overlap, ...]:
    return tuple(
        Overlap(rule["name"], rule["keep"], frozenset(rule["drop"])) for rule in read_toml("resolve.toml")["overlap"]
    )


class _Spans:
    """The spans of the records one rule keeps, sorted, to ask whether a span overlaps one."""

    __slots__ = ("_spans", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]

    def __bool__(self) -> bool:
        return bool(self._spans)

    def overlap(self, start: int, end: int) -> bool:
        k = bisect_right(self._starts, start) - 1
        before = k >= 0 and self._spans[k][1] > start
        after = k + 1 < len(self._spans) and self._spans[k + 1][0] < end
        return before or after


def settle(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates no overlap rule removes, sorted by (start, end, type)."""
    for rule in overlap_rules():
        kept = _Spans([(c.record.start, c.record.end) for c in candidates if c.record.type == rule.keep])
        if kept:
            candidates = [
                c
                for c in candidates
                if c.record.type not in rule.drop or not kept.overlap(c.record.start, c.record.end)
            ]
    return sorted(candidates, key=lambda c: (c.record.start, c.record.end, c.record.type))
