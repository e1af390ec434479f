"""Where the plain word lists that rules look for through a whole article occur: one
Aho-Corasick automaton (ahocorasick-rs) over the words of every list below, built once per
process, and one pass of it per article, whose hits every rule asking for a list shares.

A list's hits are those a regex alternation of its words finds (``re.finditer`` over
:func:`resources.alternation`): the leftmost occurrence, the longest word there, the search
going on after it. Several alternations each scan the whole article; the automaton reads it
once for all of them.
"""

from __future__ import annotations

from functools import cache, lru_cache

import ahocorasick_rs

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
        # persons: a word that gives a name after it (名叫, 叫)
        "naming_words": tuple(read_toml("person_words.toml")["naming"]["words"]),
        # persons: a word for two people after two names (夫妇, 姐弟)
        "pair_words": read_words("person_pair_words.txt"),
        # persons: a verb of an appointment notice (任命, 免去)
        "notice_verbs": read_words("person_notice_verbs.txt"),
        # persons: a bracket or a post verb, what may bring a post right after a name (longest
        # first as ever: the 任 of 担任 is no trigger of its own)
        "post_after_triggers": ("(", *read_words("person_post_verbs.txt")),
        # places: a reference to a place by its level (我市, 全县)
        "place_references": tuple(read_toml("place_words.toml")["references"]),
        # quantities: idioms whose numerals are no amounts (千方百计)
        "quantity_idioms": tuple(read_toml("quantity_words.toml")["idioms"]["words"]),
        # resolve: the names that hold their numerals (五台县), by rule
        **{f"resolve.{rule['name']}": tuple(rule["words"]) for rule in read_toml("resolve.toml")["names"]},
    }


@cache
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, tuple[tuple[str, ...], ...]]:
    """The automaton over every indexed word, and for each of its words the lists holding it."""
    lists_of: dict[str, list[str]] = {}
    for name, words in indexed_lists().items():
        for word in words:
            lists_of.setdefault(word, []).append(name)
    words = tuple(lists_of)
    # A DFA reads an article in half the default automaton's time; over a few hundred words it is small.
    automaton = ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA)
    return automaton, tuple(tuple(lists_of[word]) for word in words)


@lru_cache(maxsize=1)
def _article_hits(clean: str) -> dict[str, tuple[tuple[int, int], ...]]:
    """Every indexed list's hits in ``clean`` (the article the rules are reading now)."""
    automaton, lists_of = _automaton()
    found: dict[str, list[tuple[int, int]]] = {name: [] for name in indexed_lists()}
    for index, start, end in automaton.find_matches_as_indexes(clean, overlapping=True):
        for name in lists_of[index]:
            found[name].append((start, end))
    hits = {}
    for name, spans in found.items():
        # Leftmost first, the longest word at a start first; a hit inside the last one kept is
        # no hit of the alternation, which goes on after it.
        spans.sort(key=lambda span: (span[0], -span[1]))
        kept: list[tuple[int, int]] = []
        resume = 0
        for start, end in spans:
            if start >= resume:
                kept.append((start, end))
                resume = end
        hits[name] = tuple(kept)
    return hits


def word_hits(clean: str, name: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each hit of the indexed list ``name`` in ``clean``, in text order."""
    return _article_hits(clean)[name]
