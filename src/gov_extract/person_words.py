"""The person finder's vocabulary, read once from ``patterns/person_*`` and ``titles.txt``:
posts and titles, post verbs and notes, occupations and descriptions, the bodies and org
endings, and the one Aho-Corasick pass of posts and bodies over an article; and
:class:`Mention`, a name found with the posts its context gives it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import ahocorasick_rs
import regex

from .names import is_common_word
from .records import Title
from .resources import WordEnds, WordStarts, alternation, read_toml, read_words, word_trie, words_pattern

# The word written after a name that carries no post (王建国同志, 高建国同志不再担任…).
COMRADE = "同志"


@cache
def post_verbs() -> tuple[str, ...]:
    """Verbs that bring a post after a name (担任, 任), longest first."""
    return word_list("person_post_verbs.txt")


@dataclass
class Mention:
    start: int  # clean offsets
    end: int
    name: str
    titles: list[Title] = field(default_factory=list)
    rule: str = ""  # the mention rule that found it


@cache
def word_list(name: str) -> tuple[str, ...]:
    """A word list, longest first, so a prefix test finds the longest entry."""
    return tuple(sorted(read_words(name), key=len, reverse=True))


@cache
def small_words() -> dict[str, Any]:
    """The short lists of ``person_words.toml``, lists as tuples (for prefix and suffix tests)."""
    words = read_toml("person_words.toml")
    return {key: tuple(value) if isinstance(value, list) else value for key, value in words.items()}


@cache
def naming_words() -> tuple[str, ...]:
    """Words that name someone before the name (名叫, 叫做: person_words.toml naming)."""
    return tuple(small_words()["naming"]["words"])


@cache
def post_words() -> frozenset[str]:
    return frozenset(read_words("titles.txt"))


@cache
def _occupations() -> frozenset[str]:
    return frozenset(read_words("person_occupations.txt"))


@cache
def descriptions() -> tuple[frozenset[str], frozenset[str]]:
    """(words for ordinary people, parties to a case): written before a name, never a post."""
    table = read_toml("person_descriptions.toml")
    return frozenset(table["ordinary"]) | members(), frozenset(table["parties"])


@cache
def members() -> frozenset[str]:
    """The words for members (会员, 学员): ordinary people, after whom a name needs a list or a word
    that follows names (person_descriptions.toml members)."""
    return frozenset(read_toml("person_descriptions.toml")["members"])


@cache
def cadres() -> dict[str, Any]:
    """How a cadre written with a body or a level holds a post (person_descriptions.toml [cadres]):
    the post, the level each word names, the verbs of assignment that name no body."""
    return read_toml("person_descriptions.toml")["cadres"]


@cache
def all_titles() -> tuple[str, ...]:
    """Every word read as a post before a name: posts, occupations and descriptions of people
    (a description opens the slot of a name but is dropped from the person's posts)."""
    ordinary, parties = descriptions()
    return tuple(sorted(post_words() | _occupations() | ordinary | parties, key=len, reverse=True))


@cache
def title_set() -> frozenset[str]:
    return frozenset(all_titles())


@cache
def title_pattern() -> regex.Pattern[str]:
    return regex.compile(word_trie(all_titles()))  # searched overlapped


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Where posts and organisation endings stand in one article (one automaton pass)."""

    post_ends: frozenset[int]
    post_starts: tuple[int, ...]  # where a post starts (overlapping ones too), in text order
    bodies: tuple[tuple[int, int], ...]  # (start, end) of every organisation ending
    # One byte per position and one past the text's end: 1 strictly inside a post or body word
    # (委员|会, 被告|人), else 0.
    inside: bytes

    def post_starts_in(self, low: int, high: int) -> bool:
        """A post starts somewhere in ``[low, high)``."""
        k = bisect_left(self.post_starts, low)
        return k < len(self.post_starts) and self.post_starts[k] < high


@cache
def _post_and_body_automaton() -> tuple[ahocorasick_rs.AhoCorasick, tuple[tuple[bool, bool, bytes], ...]]:
    """Posts and organisation endings in one automaton, and per pattern (is post, is body, its
    inside's marks: one per character strictly inside the word, none for a word of one)."""
    posts = set(all_titles())
    bodies = set(word_list("person_org_suffixes.txt"))
    words = sorted(posts | bodies)
    # The default automaton, not a DFA: alone on a warm cache the DFA reads an article in half
    # its time, but between articles the pipeline's other work pushes the DFA's larger tables out
    # of the cache, and inside full passes it reads slower (4.4 ms a pass against 2.1 ms).
    automaton = ahocorasick_rs.AhoCorasick(words)
    kinds = tuple((word in posts, word in bodies, b"\x01" * (len(word) - 1)) for word in words)
    return automaton, kinds


def _word_closed_before(clean: str, start: int) -> bool:
    """The post at ``start`` opens on the 场 or 师 of a dictionary word begun before it that names
    no body with a head (草场|长势好, 广场|长廊, 现场|长枪短炮, 教师|长期, 厨师|长, 工程师|长; not
    林场|长, person_farm_bodies.txt, nor 步兵师|长, person_army_bodies.txt): it is no post."""
    opening = clean[start]
    if opening not in small_words()["post_openings_closing_words"] or start == 0 or clean[start - 1] == opening:
        return False  # 林场|场长, 十师|师长 (场场 and 师师 are words too)
    return any(
        is_common_word(word := clean[start + 1 - n : start + 1]) and word not in _headed_bodies()
        for n in range(2, min(_CLOSED_WORD, start + 1) + 1)
    )


# The longest dictionary word a post's first character may close (工程师|长).
_CLOSED_WORD = 3


@cache
def _headed_bodies() -> frozenset[str]:
    return frozenset((*read_words("person_farm_bodies.txt"), *read_words("person_army_bodies.txt")))


def vocabulary(clean: str) -> Vocabulary:
    post_ends: set[int] = set()
    post_starts: set[int] = set()
    bodies: list[tuple[int, int]] = []
    inside = bytearray(len(clean) + 1)
    automaton, kinds = _post_and_body_automaton()
    runs_on = small_words()["body_runs_on"]
    for index, start, end in automaton.find_matches_as_indexes(clean, overlapping=True):
        is_post, is_body, marks = kinds[index]
        if marks:  # most words found are of one character (局, 委): nothing inside them to mark
            inside[start + 1 : end] = marks
        if is_post and not _word_closed_before(clean, start):
            post_ends.add(end)
            post_starts.add(start)
        if is_body and clean[end : end + 1] not in runs_on.get(clean[end - 1], ""):
            bodies.append((start, end))
    return Vocabulary(frozenset(post_ends), tuple(sorted(post_starts)), tuple(bodies), bytes(inside))


@cache
def org_stop_pattern() -> regex.Pattern[str]:
    return regex.compile(alternation(word_list("person_org_stops.txt")))  # searched overlapped


@cache
def org_suffix_pattern() -> re.Pattern[str]:
    return words_pattern(word_list("person_org_suffixes.txt"))


@cache
def title_starts() -> WordStarts:
    return WordStarts(all_titles())


@cache
def title_ends() -> WordEnds:
    return WordEnds(all_titles())


@cache
def follower_starts() -> WordStarts:
    return WordStarts(_followers())


@cache
def single_char_followers() -> frozenset[str]:
    return frozenset(word for word in _followers() if len(word) == 1)


@cache
def _followers() -> tuple[str, ...]:
    words = set(word_list("person_followers.txt")) | set(word_list("person_speech_verbs.txt"))
    words |= set(all_titles())
    return tuple(sorted(words, key=len, reverse=True))


@cache
def speech_verb_pattern() -> re.Pattern[str]:
    return words_pattern(word_list("person_speech_verbs.txt"))


def occurrences(text: str, word: str) -> Iterator[int]:
    """Start of every non-overlapping occurrence of ``word`` in ``text``."""
    start = text.find(word)
    while start != -1:
        yield start
        start = text.find(word, start + len(word))
