"""Where the plain word lists that rules look for through a whole article occur, and the
gazetteer's surfaces: one Aho-Corasick automaton (ahocorasick-rs) over the words of every list
below and every surface of the division table, built once per process, and one pass of it per
article, whose hits every rule asking for a list, and the places layer, share.

A list's hits are those a regex alternation of its words finds (``re.finditer`` over
:func:`resources.alternation`): the leftmost occurrence, the longest word there, the search
going on after it. Several alternations each scan the whole article; the automaton reads it
once for all of them and for the gazetteer (:func:`place_surfaces`).
"""

from __future__ import annotations

from functools import cache, lru_cache
from operator import itemgetter
from typing import NamedTuple

import ahocorasick_rs

from . import gazetteer
from .resources import read_toml, read_words


@cache
def indexed_lists() -> dict[str, tuple[str, ...]]:
    """The lists indexed, by the name rules ask for them with."""
    return {
        # persons: a speech verb after a name (刘晋萍表示)
        "speech_verbs": read_words("person_speech_verbs.txt"),
        # persons: a word of going that opens a visit (到, 来到)
        "visit_going": tuple(read_toml("person_visit_words.toml")["going"]),
        # persons: a word written after a leader's name (总书记, 同志)
        "posts_after_name": read_words("person_posts_after_name.txt"),
        # persons: a word for leaders before a list of names (县领导)
        "list_heads": read_words("person_list_heads.txt"),
        # persons: a home after a name (李小明家中)
        "household_homes": tuple(read_toml("person_visit_words.toml")["household"]["homes"]),
        # persons: a verb of taking charge after 由 and a name (由李明负责)
        "agent_verbs": tuple(read_toml("person_words.toml")["agent_verbs"]),
        # persons: a reporter's word after a press body (记者站记者)
        "press_words": tuple(read_toml("person_words.toml")["press"]["words"]),
        # persons: a word that gives a name after it (名叫, 叫)
        "naming_words": tuple(read_toml("person_words.toml")["naming"]["words"]),
        # persons: a word for two people after two names (夫妇, 姐弟)
        "pair_words": read_words("person_pair_words.txt"),
        # persons: a word for what a leader said or wrote (讲话, 批示)
        "speech_owner_nouns": tuple(read_toml("person_speech_owners.toml")["nouns"]),
        # persons: a capacity word opening a clause (作为, 身为)
        "capacity_words": tuple(read_toml("person_words.toml")["capacity_words"]),
        # persons: a verb of no longer holding posts (不再担任)
        "no_longer_holding_verbs": tuple(read_toml("person_words.toml")["no_longer_holding_verbs"]),
        # persons: a verb of acting in a post (代理区长职务)
        "acting_verbs": tuple(read_toml("person_words.toml")["acting_verbs"]),
        # persons: a verb of an appointment notice (任命, 免去)
        "notice_verbs": read_words("person_notice_verbs.txt"),
        # persons: a bracket or a post verb, what may bring a post right after a name (longest
        # first as ever: the 任 of 担任 is no trigger of its own)
        "post_after_triggers": ("(", *read_words("person_post_verbs.txt")),
        # places: a reference to a place by its level (我市, 全县)
        "place_references": tuple(read_toml("place_words.toml")["references"]),
        # places: a place's whole people (人民群众, 干部群众)
        "place_people": tuple(read_toml("place_words.toml")["short_names"]["people"]),
        # places: a news agency or paper opening a story's dateline (新华社, 湖南日报)
        "place_story_agencies": (*_place_stories()["agencies"], *_place_stories()["mastheads"]),
        # quantities: idioms whose numerals are no amounts (千方百计)
        "quantity_idioms": tuple(read_toml("quantity_words.toml")["idioms"]["words"]),
        # resolve: the names that hold their numerals (五台县), by rule
        **{f"resolve.{rule['name']}": tuple(rule["words"]) for rule in read_toml("resolve.toml")["names"]},
    }


def _place_stories() -> dict[str, list[str]]:
    return dict(read_toml("place_words.toml")["stories"])


class _Automaton(NamedTuple):
    """The automaton over every gazetteer surface (its first patterns, in the table's order) and
    every indexed word that is none, and for each of its patterns the lists holding it."""

    automaton: ahocorasick_rs.AhoCorasick
    surfaces: int  # how many of the first patterns are the gazetteer's surfaces
    lists_of: tuple[tuple[str, ...], ...]


@cache
def _automaton() -> _Automaton:
    surfaces = gazetteer.load().surfaces
    lists_of: dict[str, list[str]] = {surface: [] for surface in surfaces}
    for name, words in indexed_lists().items():
        for word in words:
            lists_of.setdefault(word, []).append(name)
    words = tuple(lists_of)
    # Not a DFA: over the table's thousands of names it is many times larger than the default
    # automaton, and between two articles the pipeline's other work pushes it out of the cache; in
    # the pipeline it reads an article slower, though alone on a warm cache it is faster.
    automaton = ahocorasick_rs.AhoCorasick(words)
    return _Automaton(automaton, len(surfaces), tuple(tuple(lists_of[word]) for word in words))


class _ArticleHits(NamedTuple):
    surfaces: tuple[tuple[int, int, str], ...]  # as place_surfaces gives them
    lists: dict[str, tuple[tuple[int, int], ...]]  # each indexed list's hits


# The fields of the automaton's hits (index, start, end) sorted on.
_START, _END = itemgetter(1), itemgetter(2)


@lru_cache(maxsize=1)
def _article_hits(clean: str) -> _ArticleHits:
    """The gazetteer's surfaces and every indexed list's hits in ``clean`` (the article the rules
    are reading now)."""
    automaton, surface_count, lists_of = _automaton()
    hits = automaton.find_matches_as_indexes(clean, overlapping=True)
    # Leftmost first, the longest word at a start first: two stable sorts on one field each,
    # without a key tuple made per hit. Every list's hits come out in that order too.
    hits.sort(key=_END, reverse=True)
    hits.sort(key=_START)
    surfaces = gazetteer.load().surfaces
    places = []
    found: dict[str, list[tuple[int, int]]] = {name: [] for name in indexed_lists()}
    for index, start, end in hits:
        if index < surface_count:
            places.append((start, end, surfaces[index]))
        for name in lists_of[index]:
            spans = found[name]
            # A hit inside the last one kept is no hit of the alternation, which goes on after it.
            if not spans or start >= spans[-1][1]:
                spans.append((start, end))
    lists = {name: tuple(spans) for name, spans in found.items()}
    return _ArticleHits(tuple(places), lists)


def word_hits(clean: str, name: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each hit of the indexed list ``name`` in ``clean``, in text order."""
    return _article_hits(clean).lists[name]


def place_surfaces(clean: str) -> tuple[tuple[int, int, str], ...]:
    """Gazetteer surfaces in the text as ``(start, end, surface)``, leftmost first and the
    longest at each start.

    They overlap (从江|江苏省); the caller keeps the first one its rules accept.
    """
    return _article_hits(clean).surfaces
