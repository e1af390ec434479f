"""jieba's part-of-speech HMM decoded over the transitions that exist: the same path as
``jieba.posseg.viterbi``, in fewer steps.

jieba's decoder scores every pair of a state at one character and a state it may be at the
next (up to 256 x 256) and keeps, for each state, the best ``(score, previous state)``. Each
state may be followed by about 20 of the 256; a pair with no transition scores ``-inf``. The
states it tries at a character are ones some previous state may be followed by, and every
score in jieba's tables is finite (an unseen emission is -3.14e100), so one pair at least
scores above ``-inf`` and no pair without a transition is ever the best. Scoring only the pairs
that exist, with the same sums in the same order and ties broken as the same tuple comparison
breaks them, gives the same scores, the same path and so the same words and tags. The pairs
are walked forward, from each state scored at one character along its transitions, so the
walk that finds the states jieba tries also scores them. The persons finder's HMM name
readings are most of what this decoder is asked. :func:`resources.jieba_tokenizer` installs it.

The walk runs on each state's rank among the sorted states rather than on jieba's
``(position, tag)`` tuples: an int is hashed at once where a tuple is hashed anew at every
lookup (most of the decoder's time), and ranks compare as the tuples do, so ties break alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MIN_FLOAT = -3.14e100  # jieba's score of an emission the model never saw


@dataclass(frozen=True, slots=True)
class _Ranked:
    """jieba's tables with each state replaced by its rank among the sorted states."""

    states: tuple[Any, ...]  # rank -> jieba's state
    start: tuple[float, ...]
    trans: tuple[dict[int, float], ...]
    followers: tuple[frozenset[int], ...]  # rank -> the states it may be followed by
    emit: tuple[dict[str, float], ...]
    char_states: dict[str, frozenset[int]]
    every: tuple[int, ...]  # the states jieba tries where a character has none of its own
    # character -> its emission score in each state it may take: the same at every step, made
    # when the character is first decoded (characters recur from one name to the next)
    char_emits: dict[str, dict[int, float]]


_RANKED: tuple[tuple[Any, ...], _Ranked] | None = None  # the last tables ranked, and their ranking


def _ranked(states: Any, start_p: Any, trans_p: Any, emit_p: Any) -> _Ranked:
    """The ranking of these tables, made once (jieba passes the same four tables every time)."""
    global _RANKED
    tables = (states, start_p, trans_p, emit_p)
    if _RANKED is None or any(held is not given for held, given in zip(_RANKED[0], tables, strict=True)):
        order = sorted(trans_p)
        rank = {state: number for number, state in enumerate(order)}
        ranked = _Ranked(
            tuple(order),
            tuple(start_p[state] for state in order),
            tuple({rank[after]: score for after, score in trans_p[state].items()} for state in order),
            tuple(frozenset(rank[after] for after in trans_p[state]) for state in order),
            tuple(emit_p[state] for state in order),
            {char: frozenset(rank[state] for state in held) for char, held in states.items()},
            tuple(rank[state] for state in trans_p),
            {},
        )
        _RANKED = (tables, ranked)
    return _RANKED[1]


# Below every score a pair may reach (all of jieba's are finite): the first pair a state is
# given always beats it.
_UNSCORED = float("-inf")


def _step(
    scores: dict[int, float], char: str, allowed: frozenset[int] | None, tables: _Ranked
) -> tuple[dict[int, float], dict[int, int]]:
    """For each state in ``allowed`` (None: any) that a scored state may be followed by, the best
    score at ``char`` and the previous state it comes from, as ``max`` of ``(score, previous
    state)`` tuples picks them. The previous states are walked in ascending order, so a later one
    that ties the best replaces it, as the larger tuple wins a tie: no tuple is made per pair."""
    emit_p = tables.emit
    values: dict[int, float] = {}
    came_from: dict[int, int] = {}
    if allowed is None:
        for before in sorted(scores):
            before_score = scores[before]
            for state, score in tables.trans[before].items():
                value = before_score + score + emit_p[state].get(char, MIN_FLOAT)
                if value >= values.get(state, _UNSCORED):
                    values[state] = value
                    came_from[state] = before
        return values, came_from
    emits = tables.char_emits.get(char)
    if emits is None:
        emits = tables.char_emits[char] = {state: emit_p[state].get(char, MIN_FLOAT) for state in allowed}
    for before in sorted(scores):
        before_score = scores[before]
        transitions = tables.trans[before]
        # The states both allowed here and reachable from ``before``, intersected in C (two
        # frozensets made once: no set is built from the dictionaries' keys at each step).
        for state in tables.followers[before] & allowed:
            value = before_score + transitions[state] + emits[state]
            if value >= values.get(state, _UNSCORED):
                values[state] = value
                came_from[state] = before
    return values, came_from


def viterbi(obs: str, states: Any, start_p: Any, trans_p: Any, emit_p: Any) -> tuple[float, list[Any]]:
    """``jieba.posseg.viterbi``'s signature and result (the best path's score, its states), for
    the tables of ``jieba.posseg``, which are the ones it passes."""
    tables = _ranked(states, start_p, trans_p, emit_p)
    first = tables.char_states.get(obs[0], tables.every)
    scores = {state: tables.start[state] + tables.emit[state].get(obs[0], MIN_FLOAT) for state in first}
    back: list[dict[int, int]] = []
    for char in obs[1:]:
        # jieba tries the states the character may take that some scored state may be followed
        # by, else every state that one may be followed by.
        allowed = tables.char_states.get(char)
        values, came_from = _step(scores, char, allowed, tables)
        if not values:
            values, came_from = _step(scores, char, None, tables)
        scores = values
        back.append(came_from)
    score, state = max((score, state) for state, score in scores.items())
    route = [state]
    for came_from in reversed(back):
        state = came_from[state]
        route.append(state)
    route.reverse()
    return score, [tables.states[state] for state in route]
