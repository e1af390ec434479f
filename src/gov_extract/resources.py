"""Where the rule data under ``patterns/`` is found and read, once per process, how a
word list becomes a pattern (:func:`alternation`), and jieba's dictionary loaded once
(:func:`jieba_tokenizer`).

An installed wheel carries the data as ``gov_extract/patterns``; a source
checkout (editable install, tests) reads the top-level ``patterns/`` folder.
Every reader is cached, so tables and compiled automata are built once per
process and shared by every call of :func:`gov_extract.extract`.
"""

from __future__ import annotations

import json
import logging
import marshal
import os
import re
import tempfile
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex


@cache
def patterns_dir() -> Path:
    """The folder holding the rule data (installed copy first, then the checkout's)."""
    installed = Path(str(resources.files("gov_extract"))) / "patterns"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parents[2] / "patterns"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"gov_extract rule data not found in {installed} or {checkout}; reinstall the package")


def pattern_path(name: str) -> Path:
    return patterns_dir() / name


@cache
def read_words(name: str) -> tuple[str, ...]:
    """A word list: one entry per line; blank lines and ``#`` comments skipped."""
    words = []
    for line in pattern_path(name).read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return tuple(words)


@cache
def read_toml(name: str) -> dict[str, Any]:
    with pattern_path(name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def read_json(name: str) -> Any:
    return json.loads(pattern_path(name).read_text(encoding="utf-8"))


def alternation(words: Iterable[str], not_before: Mapping[str, str] | None = None) -> str:
    """The regex source matching any of ``words``, escaped, longest first (上个月 before 上月);
    a word in ``not_before`` may not be followed by any of its characters.

    >>> alternation(["上月", "上个月", "月中"], {"月中": "旬"})
    '上个月|上月|月中(?![旬])'
    """
    ordered = sorted(words, key=len, reverse=True)
    if not ordered:
        raise ValueError("an alternation needs at least one word")
    guards = not_before or {}
    return "|".join(regex.escape(w) + (f"(?![{regex.escape(guards[w])}])" if guards.get(w) else "") for w in ordered)


def word_trie(words: Iterable[str]) -> str:
    """The regex source matching what :func:`alternation` of ``words`` matches (the longest word
    at each position), as a trie: the words that share a first character share its branch, and
    so on. Where a word may start, the engine tests each character once instead of trying
    hundreds of words in turn (six times faster through an article for the 505 titles).

    >>> word_trie(["上月", "上个月", "月中", "月"])
    '(?:上(?:个月|月)|月(?:中)?)'
    """
    trie: dict[str, Any] = {}
    for word in sorted(words, key=len, reverse=True):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        raise ValueError("a trie needs at least one word")
    return _trie_source(trie)


def _trie_source(node: dict[str, Any]) -> str:
    """The source of one trie node: its branches, then (optional, tried last) the word ending there."""
    branches = [regex.escape(char) + _trie_source(child) for char, child in node.items() if char]
    if "" in node:
        return f"(?:{'|'.join(branches)})?" if branches else ""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """:func:`word_trie` compiled: finds any of ``words``, the longest at each position.

    The standard library's engine finds the same matches of plain words two to three times as
    fast through an article (it skips to where some word's first character stands); a list
    searched with ``regex``'s extras (``overlapped=True``) is compiled from :func:`word_trie`
    by ``regex`` instead.
    """
    return re.compile(word_trie(words))


def listed_word_at(text: str, pos: int, words: tuple[str, ...]) -> str:
    """The first of ``words``, in their listed order, that starts at ``pos`` in ``text``, else ''.
    The whole tuple is tested first: at most positions none of a short list starts."""
    if not text.startswith(words, pos):
        return ""
    return next(word for word in words if text.startswith(word, pos))


class WordStarts:
    """Whether one of many (non-empty) words starts at a position: ``str.startswith`` with a
    tuple of hundreds of words compares every one of them, this only those that begin with
    the character found there.

    >>> WordStarts(["副县长", "县长"]).at("王县长说", 1)
    True
    """

    __slots__ = ("_by_first",)

    def __init__(self, words: Iterable[str]) -> None:
        by_first: dict[str, list[str]] = {}
        for word in words:
            by_first.setdefault(word[:1], []).append(word)
        self._by_first = {first: tuple(group) for first, group in by_first.items()}

    def at(self, text: str, pos: int) -> bool:
        group = self._by_first.get(text[pos : pos + 1])
        return group is not None and text.startswith(group, pos)


class WordEnds:
    """Which of many (non-empty) words ends at a position: :class:`WordStarts` the other way
    round, for ``str.endswith`` with a tuple of hundreds of words.

    >>> WordEnds(["副县长", "县长"]).at("王县长说", 3)
    True
    >>> WordEnds(["县长", "副县长"]).word_at("副县长说", 3)
    '副县长'
    """

    __slots__ = ("_by_last", "_lengths", "_words")

    def __init__(self, words: Iterable[str]) -> None:
        by_last: dict[str, list[str]] = {}
        for word in words:
            by_last.setdefault(word[-1:], []).append(word)
        self._by_last = {last: tuple(group) for last, group in by_last.items()}
        # The lengths of the words ending in each character, longest first: the longest word
        # ending at a position is found by a few set lookups, not by comparing every word.
        self._lengths = {last: tuple(sorted({len(w) for w in group}, reverse=True)) for last, group in by_last.items()}
        self._words = frozenset(word for group in by_last.values() for word in group)

    def at(self, text: str, end: int) -> bool:
        group = self._by_last.get(text[end - 1 : end]) if end > 0 else None
        return group is not None and text.endswith(group, 0, end)

    def word_at(self, text: str, end: int) -> str | None:
        """The longest of the words that ends at ``end``, if one does."""
        for size in self._lengths.get(text[end - 1 : end], ()) if end > 0 else ():
            if size <= end and (word := text[end - size : end]) in self._words:
                return word
        return None


@cache
def jieba_tokenizer() -> Any:
    """jieba's default tokenizer (``jieba.dt``, which ``jieba.posseg`` wraps) with its prefix
    dictionary loaded, once per process, by whichever rule asks first.

    jieba reads the cache it keeps of that dictionary with ``marshal.load`` on the open file,
    which reads the file piece by piece (most of a second); the same cache read into memory
    first and unmarshalled there is the same dictionary in a fraction of the time. Without
    a cache (the first run on a machine) jieba builds and writes it itself.

    ``jieba.posseg`` decodes its HMM with :func:`pos_viterbi.viterbi`, which finds the same
    path as jieba's own decoder in a fraction of the steps.
    """
    import jieba
    import jieba.posseg

    from .pos_viterbi import viterbi

    jieba.posseg.viterbi = viterbi

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    with tokenizer.lock:
        if not tokenizer.initialized and tokenizer.dictionary == jieba.DEFAULT_DICT:
            cache_file = os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), tokenizer.cache_file or "jieba.cache")
            try:
                with open(cache_file, "rb") as fh:
                    tokenizer.FREQ, tokenizer.total = marshal.loads(fh.read())
                tokenizer.initialized = True
            except (OSError, EOFError, ValueError, TypeError):
                pass  # no usable cache: jieba builds it below
    tokenizer.check_initialized()
    return tokenizer
