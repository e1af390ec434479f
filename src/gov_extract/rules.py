"""The rule vocabulary every finder speaks, in the manner of Duckling's ``Rule{name, pattern, prod}``.

* :class:`Rule`: a named value — what sets it off (``trigger``: a pattern's source, or the
  automaton whose hit it reads, such as the gazetteer or the unit table), the named
  :class:`Veto` values that may refuse a match, and the production that makes the match
  into the finder's result (or ``None``).
* :class:`Veto`: a named predicate on a match. The words it tests live in ``patterns/``;
  the name is what :func:`vetoed` reports, so a refused match can say why. A rule whose
  matches fall into kinds (an amount's unit) asks a veto only of the kinds it ``applies`` to.
* :class:`Candidate`: a record a rule proposes, carrying the rule's name, before
  :mod:`gov_extract.resolve` settles overlaps between record types.

A finder lists its rules as values (``date_rules.rules()``, ``quantities.NUMERAL_UNIT`` with
``quantity_vetoes.AMOUNT_VETOES`` and ``quantities.BARE_AMOUNT``, ``place_divisions.DIVISION_VETOES``,
``persons.MENTION_RULES`` and ``person_names.SURNAMED_READERS``), so adding a rule is adding a
value to a list, and every record can name the rule that made it (:func:`gov_extract.explain`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

from .records import Record

Match = TypeVar("Match")
Made = TypeVar("Made")


@dataclass(frozen=True, slots=True)
class Veto(Generic[Match]):
    """A named reason a rule's match is not what the rule makes."""

    name: str
    holds: Callable[[Match], bool]
    # Whether it can hold for matches of this match's kind (a rule's ``kind``: it reads only
    # what the kind tells apart, which tests/test_rule_kinds.py checks on every case text);
    # the rule asks it of no other kind.
    applies: Callable[[Match], bool] = lambda match: True


def vetoed(vetoes: Iterable[Veto[Match]], match: Match) -> str | None:
    """The name of the first veto that holds for ``match``, else None."""
    for veto in vetoes:
        if veto.holds(match):
            return veto.name
    return None


@dataclass(frozen=True, slots=True)
class Rule(Generic[Match, Made]):
    """A named rule: a trigger, the vetoes that may refuse its match, and its production.

    With a ``kind``, the vetoes that apply to a kind of match are picked once per kind, not
    asked of every match (most vetoes of amounts concern one record or dimension)."""

    name: str
    trigger: str
    produce: Callable[[Match], Made | None]
    vetoes: tuple[Veto[Match], ...] = ()
    kind: Callable[[Match], Hashable] | None = None
    _vetoes_of_kind: dict[Hashable, tuple[Veto[Match], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def apply(self, match: Match) -> Made | None:
        """The production for ``match``, unless a veto refuses it."""
        vetoes = self.vetoes if self.kind is None else self._applying(self.kind(match), match)
        for veto in vetoes:
            if veto.holds(match):
                return None
        return self.produce(match)

    def _applying(self, kind: Hashable, match: Match) -> tuple[Veto[Match], ...]:
        """The vetoes that apply to matches of ``kind``, ``match`` one of them."""
        vetoes = self._vetoes_of_kind.get(kind)
        if vetoes is None:
            vetoes = self._vetoes_of_kind[kind] = tuple(v for v in self.vetoes if v.applies(match))
        return vetoes


class Candidate(NamedTuple):
    """A record a finder proposes, and the name of the rule that made it."""

    record: Record
    rule: str
