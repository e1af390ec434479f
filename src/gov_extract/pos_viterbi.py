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
"""

from __future__ import annotations

from typing import Any

MIN_FLOAT = -3.14e100  # jieba's score of an emission the model never saw


def _step(scores: dict[Any, float], char: str, allowed: Any, trans_p: Any, emit_p: Any) -> dict[Any, tuple[float, Any]]:
    """For each state in ``allowed`` (None: any) that a scored state may be followed by, the best
    ``(score, previous state)`` at ``char``, as ``max`` of those tuples picks it."""
    emits = {state: emit_p[state].get(char, MIN_FLOAT) for state in allowed} if allowed is not None else None
    best: dict[Any, tuple[float, Any]] = {}
    for before, before_score in scores.items():
        for state, score in trans_p[before].items():
            if emits is None:
                emit = emit_p[state].get(char, MIN_FLOAT)
            elif (emit := emits.get(state)) is None:
                continue
            value = before_score + score + emit
            held = best.get(state)
            if held is None or value > held[0] or (value == held[0] and before > held[1]):
                best[state] = (value, before)
    return best


def viterbi(obs: str, states: Any, start_p: Any, trans_p: Any, emit_p: Any) -> tuple[float, list[Any]]:
    """``jieba.posseg.viterbi``'s signature and result (the best path's score, its states), for
    the tables of ``jieba.posseg``, which are the ones it passes."""
    all_states = trans_p.keys()
    scores = {state: start_p[state] + emit_p[state].get(obs[0], MIN_FLOAT) for state in states.get(obs[0], all_states)}
    back: list[dict[Any, Any]] = []
    for char in obs[1:]:
        # jieba tries the states the character may take that some scored state may be followed
        # by, else every state that one may be followed by.
        best = _step(scores, char, states.get(char), trans_p, emit_p) or _step(scores, char, None, trans_p, emit_p)
        scores = {state: value for state, (value, _) in best.items()}
        back.append({state: before for state, (_, before) in best.items()})
    score, state = max((score, state) for state, score in scores.items())
    route = [state]
    for came_from in reversed(back):
        state = came_from[state]
        route.append(state)
    route.reverse()
    return score, route
