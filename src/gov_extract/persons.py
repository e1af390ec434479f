"""Person records: officials with their posts, reporters in bylines, other named people.

A name becomes a person only with context that says so:

* a byline (:mod:`gov_extract.bylines`) -> ``reporter``, no titles;
* a chain of posts right before it (``市住建局党组书记、局长白旭平``), a body
  before it and a post after it (``中华女子学院李明舜教授``);
* a speech or attendance verb right after it at the start of a clause
  (``刘晋萍表示``, a headline ``高奇英出席…``);
* a post written right after it (``刘先全（镇党委书记）``, ``由张立荣担任管委会主任``);
* a 、-list after a word for leaders (``县领导王建国、李红出席``: officials), or
  next to a name already found;
* the other rules of :data:`MENTION_RULES`: notices and CVs, rolls and speaker labels,
  an age, a visit (``朱建军到城关镇调研``), a post and 的 (``当选为村委会主任的王建国``).

Names without a Han surname (dotted Uyghur and Kazakh names, Tibetan and Mongolian ones)
are read only where such context stands, and the parts of a dotted name stand for it.

Then every occurrence of a found name is a mention, and
every mention carries all the posts the article gives that person, in the
order the article gives them. Role follows the person's first post: a post in a
public body makes an ``official``, an occupation (教师, 教授, 项目经理) ``other``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import ahocorasick_rs
import regex

from . import bylines
from .names import (
    DOTTED_NAME,
    is_common_word,
    is_familiar_form,
    is_name_shape,
    polite_suffixes,
    surname_length,
    word_tag,
)
from .records import Person, Role, Title
from .resources import WordEnds, WordStarts, alternation, jieba_tokenizer, read_toml, read_words, words_pattern
from .rules import Candidate, Rule, Veto
from .text import Document, is_han

if TYPE_CHECKING:
    from .context import ArticleContext

_HAN_RUN = regex.compile(r"\p{Han}+")
_SPACES = regex.compile(r"\s+")
# Longest body written before a post; longer runs are a clause, not a name.
_MAX_ORG = 24
# A manner word between a speaker's name and the verb (张建华高兴地说, 王秀英笑着说).
_MANNER = r"(?:\p{Han}{2}地|\p{Han}着)"
_MANNER_BEFORE = regex.compile(rf"{_MANNER}\Z")
# What separates the posts of one person: 市委常委、副市长; 村党支部书记兼村委会主任.
_CHAIN_MARKS = frozenset("、兼")
# Most posts one person holds in a 、-chain; a longer run is a list, and the cap keeps
# the backward walk linear on hostile input.
_MAX_CHAIN = 6


@cache
def _post_verbs() -> tuple[str, ...]:
    """Verbs that bring a post after a name (担任, 任), longest first."""
    return _words("person_post_verbs.txt")


@cache
def _post_after_trigger() -> regex.Pattern[str]:
    """A bracket or a post verb: what may bring a post right after a name. Longest first, so
    the 任 of 担任 is never a trigger of its own."""
    return regex.compile(rf"\(|{alternation(_post_verbs())}")


@dataclass
class _Mention:
    start: int  # clean offsets
    end: int
    name: str
    titles: list[Title] = field(default_factory=list)
    rule: str = ""  # the mention rule that found it


@cache
def _words(name: str) -> tuple[str, ...]:
    """A word list, longest first, so a prefix test finds the longest entry."""
    return tuple(sorted(read_words(name), key=len, reverse=True))


@cache
def _small_words() -> dict[str, Any]:
    """The short lists of ``person_words.toml``, lists as tuples (for prefix and suffix tests)."""
    words = read_toml("person_words.toml")
    return {key: tuple(value) if isinstance(value, list) else value for key, value in words.items()}


@cache
def _posts() -> frozenset[str]:
    return frozenset(read_words("titles.txt"))


@cache
def _occupations() -> frozenset[str]:
    return frozenset(read_words("person_occupations.txt"))


@cache
def _descriptions() -> tuple[frozenset[str], frozenset[str]]:
    """(words for ordinary people, parties to a case): written before a name, never a post."""
    table = read_toml("person_descriptions.toml")
    return frozenset(table["ordinary"]), frozenset(table["parties"])


@cache
def _all_titles() -> tuple[str, ...]:
    """Every word read as a post before a name: posts, occupations and descriptions of people
    (a description opens the slot of a name but is dropped from the person's posts)."""
    ordinary, parties = _descriptions()
    return tuple(sorted(_posts() | _occupations() | ordinary | parties, key=len, reverse=True))


@cache
def _title_set() -> frozenset[str]:
    return frozenset(_all_titles())


@cache
def _title_pattern() -> regex.Pattern[str]:
    return words_pattern(_all_titles())


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """Where posts and organisation endings stand in one article (one automaton pass)."""

    post_ends: frozenset[int]
    bodies: tuple[tuple[int, int], ...]  # (start, end) of every organisation ending
    inside: frozenset[int]  # positions strictly inside a post or body word (委员|会, 被告|人)


@cache
def _post_and_body_automaton() -> tuple[ahocorasick_rs.AhoCorasick, tuple[tuple[bool, bool], ...]]:
    """Posts and organisation endings in one automaton, and (is post, is body) per pattern."""
    posts = set(_all_titles())
    bodies = set(_words("person_org_suffixes.txt"))
    words = sorted(posts | bodies)
    return ahocorasick_rs.AhoCorasick(words), tuple((word in posts, word in bodies) for word in words)


def _vocabulary(clean: str) -> _Vocabulary:
    post_ends: set[int] = set()
    bodies: list[tuple[int, int]] = []
    inside: set[int] = set()
    automaton, kinds = _post_and_body_automaton()
    for index, start, end in automaton.find_matches_as_indexes(clean, overlapping=True):
        inside.update(range(start + 1, end))
        is_post, is_body = kinds[index]
        if is_post:
            post_ends.add(end)
        if is_body and clean[end : end + 1] not in _small_words()["body_runs_on"].get(clean[end - 1], ""):
            bodies.append((start, end))
    return _Vocabulary(frozenset(post_ends), tuple(bodies), frozenset(inside))


@cache
def _org_stop_pattern() -> regex.Pattern[str]:
    return words_pattern(_words("person_org_stops.txt"))


@cache
def _org_suffix_pattern() -> regex.Pattern[str]:
    return words_pattern(_words("person_org_suffixes.txt"))


@cache
def _title_starts() -> WordStarts:
    return WordStarts(_all_titles())


@cache
def _title_ends() -> WordEnds:
    return WordEnds(_all_titles())


@cache
def _follower_starts() -> WordStarts:
    return WordStarts(_followers())


@cache
def _single_char_followers() -> frozenset[str]:
    return frozenset(word for word in _followers() if len(word) == 1)


@cache
def _followers() -> tuple[str, ...]:
    words = set(_words("person_followers.txt")) | set(_words("person_speech_verbs.txt"))
    words |= set(_all_titles())
    return tuple(sorted(words, key=len, reverse=True))


def _ends_name(clean: str, pos: int) -> bool:
    """A name may end at ``pos``: the text ends, a non-Han character, or a word that follows names."""
    return (
        pos >= len(clean)
        or not is_han(clean[pos])
        or _follower_starts().at(clean, pos)
        or _manner_then_speech().match(clean, pos) is not None
    )


@cache
def _manner_then_speech() -> regex.Pattern[str]:
    """A manner word, then a speech verb (高兴地说, 接着说): what may follow a speaker's name."""
    return regex.compile(rf"{_MANNER}(?:{alternation(_words('person_speech_verbs.txt'))})")


# jieba's HMM is the costliest step of reading a name, and the same position is asked again
# within one article (by a mention rule, then by the pass over every occurrence of the name):
# the readings are kept while one article is read (find clears them).
@lru_cache(maxsize=256)
def _jieba_name_length(clean: str, pos: int) -> int:
    """Length of a personal name jieba reads at ``pos`` in a small window, or 0."""
    import jieba.posseg

    jieba_tokenizer()
    first = next(iter(jieba.posseg.cut(clean[pos : pos + 8])), None)
    if first is not None and first.flag.startswith("nr") and 2 <= len(first.word) <= 4:
        return len(first.word)
    return 0


def _unsurnamed_name_length(clean: str, pos: int) -> int:
    """A Tibetan or Mongolian name (格桑卓玛, 乌云毕力格) after a post: two to five characters
    that end where names end and that jieba reads as personal names only."""
    import jieba.posseg

    # Most non-names open with a dictionary word (表示, 出席): skip the costly cut for them.
    if is_common_word(clean[pos : pos + 2]):
        return 0
    # A name is Han characters only: the candidate stops at the first other character.
    han = _HAN_RUN.match(clean, pos, pos + 5)
    longest = han.end() - pos if han else 0
    ends = [length for length in range(2, longest + 1) if _ends_name(clean, pos + length)]
    if not ends:
        return 0
    window = clean[pos : pos + ends[-1]]
    # The dictionary-only cut is cheap; the HMM regroups only runs of single characters, so a
    # dictionary word that is no name before the first possible end rules the reading out.
    covered = 0
    for piece in jieba.posseg.cut(window, HMM=False):
        if covered >= ends[0]:
            break
        if len(piece.word) > 1 and not piece.flag.startswith("nr"):
            return 0
        covered += len(piece.word)
    # One cut of the longest window; the name is the shortest run of name pieces at its front
    # that ends where names end.
    covered = 0
    for piece in jieba.posseg.cut(window):
        if not piece.flag.startswith("nr"):
            return 0
        covered += len(piece.word)
        if covered in ends:
            return covered
    return 0


def _context_name_length(clean: str, pos: int) -> int:
    """A name with no Han surname where the context says one stands (院长更求文德表示, 原告扎西尼玛与):
    the shortest run of two to four Chinese characters that ends where names end (else before a
    verb), does not open
    with a word that follows names, and holds no dictionary word but names and places."""
    if _ends_name(clean, pos):
        return 0
    han = _HAN_RUN.match(clean, pos, pos + 4)
    longest = han.end() - pos if han else 0
    # A name ends where names end, or before the verb of its clause (被执行人阿苏日哈拖欠…).
    length = next((n for n in range(2, longest + 1) if _ends_name(clean, pos + n)), 0) or next(
        (n for n in range(2, longest + 1) if _verb_at(clean, pos + n)), 0
    )
    # 被告仅归|还: a name does not end inside a word that runs on past it (归还), unless a speech
    # verb follows (朝克图|说: 图说 is no word here).
    if (
        length
        and is_common_word(clean[pos + length - 1 : pos + length + 1])
        and not _speech_verb_pattern().match(clean, pos + length)
    ):
        return 0
    candidate = clean[pos : pos + length]
    # The dictionary knows some names of three or four characters as proper nouns (朝克图: nz;
    # it tags two-character words such as 汇报 so too).
    if not length or (is_common_word(candidate) and (length < 3 or word_tag(candidate) != "nz")):
        return 0
    if not is_name_shape(candidate, unsurnamed=True):
        return 0
    import jieba.posseg

    for piece in jieba.posseg.cut(candidate, HMM=False):
        if len(piece.word) > 1 and not piece.flag.startswith(("nr", "ns", "nz")):
            return 0
    return length


def _is_name_here(candidate: str, *, long: bool = False) -> bool:
    """Name-shaped, and neither a post (局长任班长: 任 is a verb here), a village or town (刘家村党支部书记,
    到王集镇调研) nor the start of a party body (镇党委副书记)."""
    # After a post (``long``) a full name the dictionary also knows as a place (马建国) is a name.
    shaped = is_name_shape(candidate, long=long) or (
        long and word_tag(candidate) == "ns" and is_name_shape(candidate, dictionary_veto=False)
    )
    return (
        shaped
        and not _title_ends().at(candidate, len(candidate))
        and not candidate.endswith(_small_words()["not_name_endings"])
        and candidate[:2] not in _party_body_openings()
    )


@cache
def _party_body_openings() -> frozenset[str]:
    """The first two characters of each party body (党委, 党组): no name starts with them."""
    return frozenset(body[:2] for body in _words("person_party_bodies.txt"))


@cache
def _minority_part_set() -> frozenset[str]:
    return frozenset(_words("person_minority_name_parts.txt"))


def _minority_name_length(clean: str, pos: int) -> int:
    """Length of a Tibetan or Mongolian name made of one to three known parts at ``pos``
    (旺堆, 扎西次仁, 其美多吉) that ends where names end, or 0. A lone part is a name only
    where a post or a party stands before it (the callers' context), and the dictionary may
    know it as a word (旺堆). Where no word that follows names ends the parts, the name ends
    before the verb that opens the rest of the clause (格桑卓嘎主审, 被告扎西租用…)."""
    parts = _minority_part_set()
    end = pos
    for _ in range(3):
        # The longest known part at ``end`` (parts are one to three characters long).
        part = next((piece for n in (3, 2, 1) if (piece := clean[end : end + n]) in parts), "")
        if not part:
            break
        end += len(part)
        # A transliterated name ends before a character no such name holds (扎西顿珠|家).
        if end - pos >= 2 and (
            _ends_name(clean, end) or clean.startswith("的", end) or clean[end : end + 1] in _dotted_name_stops()
        ):
            return end - pos
    if end - pos >= 2 and _verb_at(clean, end):
        return end - pos
    return 0


# Closing quotation marks: the speaker's name follows one (“…。”朝克图说).
_CLOSING_QUOTES = frozenset("”\"」'")

# Prepositions that open a clause's predicate right after its subject (蓝玉凤在审议时建议).
_CLAUSE_PREPOSITIONS = ("在", "对", "就", "向", "从")
# jieba tags of what opens a clause's predicate: verbs, adverbs, adverbial adjectives.
_PREDICATE_TAGS = ("v", "d", "ad")


def _word_opens_at(clean: str, pos: int) -> bool:
    """A dictionary word of two characters starts at ``pos`` and none runs across it (图尔贡|当庭)."""
    return bool(word_tag(clean[pos : pos + 2])) and not is_common_word(clean[pos - 1 : pos + 1])


def _verb_at(clean: str, pos: int) -> bool:
    """A two-character verb or adverb opens the predicate at ``pos`` (提交, 带领, 亲自, 随后)."""
    return word_tag(clean[pos : pos + 2]).startswith(_PREDICATE_TAGS)


_DOT = regex.compile(r"[·•]")
# A dotted name that ends where the search window ends (before a post written after it).
_DOTTED_BEFORE = regex.compile(rf"(?:{DOTTED_NAME.pattern})\Z")


def _dotted_start_before(clean: str, end: int) -> int | None:
    """Where a dotted name ending at ``end`` starts, past a post or a word for people written
    onto it (党员|叶尔保力·努尔兰, 原告|买买提江·…), or None."""
    if not _DOT.search(clean, max(0, end - 9), end):
        return None
    dotted = _DOTTED_BEFORE.search(clean, max(0, end - 16), end)
    if dotted is None:
        return None
    start = dotted.start()
    word = _title_pattern().match(clean, start)
    if word is not None and not _DOT.search(clean, start, word.end()):
        start = word.end()
    return start if _DOT.search(clean, start, end) and clean[start] not in "·•" else None


# Conjunctions that join two names or phrases: no body ends with one (住房和城乡建设局 holds 和
# inside), and one before 同志 or a stop is a name's last character (徐正和同志).
_CONJUNCTIONS = ("和", "与", "及", "同")

# Particles that never stand inside a name (names.py keeps nearly the same set for given
# names); 那 is no particle in a transliterated name (哈那提, 那仁满都拉).
_NOT_IN_NAME = regex.compile(r"[的地得了着过们这]")


def _dotted_ends(clean: str, pos: int) -> range:
    """Where a dotted name at ``pos`` (阿依古丽·买买提) may end: at least one character past
    the dot, at most where the run of Chinese characters does; empty if none stands there."""
    dotted = DOTTED_NAME.match(clean, pos)
    if dotted is None:
        return range(0)
    dot = _DOT.search(clean, pos, dotted.end())
    assert dot is not None  # DOTTED_NAME holds a dot
    return range(dot.start() + 2, dotted.end() + 1)


@dataclass(slots=True)
class _NameSpot:
    """Where a name may start: the clean text, the position, the surname's length there (0 if
    none) and whether a polite or kinship word follows it (王大爷, 李女士), and what the rule
    that asks allows (``guess``: a post before says a name comes; ``unsurnamed``: a name
    without a surname in the table)."""

    clean: str
    pos: int
    surname: int
    polite: bool
    guess: bool
    unsurnamed: bool


@cache
def _dotted_name_stops() -> frozenset[str]:
    """Characters no transliterated name holds (叶尔兰·吐尔逊家有羊: the name ends before 家)."""
    return frozenset(_small_words()["not_in_transliterated_names"])


def _read_dotted(spot: _NameSpot) -> int:
    """阿依古丽·买买提: a dotted name that ends where names end (or before 的). Where the next
    character ends one too, the name runs on to it: 买买提出席 is 买买提 + 出席, not 买买 + 提出;
    but a word of one character that follows names stays out (托合提正和家人: 正 + 和)."""
    clean = spot.clean
    ends = _dotted_ends(clean, spot.pos)
    for end in ends:
        if _NOT_IN_NAME.search(clean, spot.pos, end):
            return 0  # 买买提种了260亩: a particle is never part of a name
        stop = clean.startswith("的", end) or clean[end : end + 1] in _dotted_name_stops()
        if stop or _ends_name(clean, end):
            if (
                not stop
                and clean[end] not in _single_char_followers()
                and end + 1 in ends
                and _follower_starts().at(clean, end + 1)
            ):
                end += 1
            return end - spot.pos
    return _dotted_before_verb(clean, spot.pos, ends) if ends else 0


def _dotted_before_verb(clean: str, pos: int, ends: range) -> int:
    """阿依努尔·吾斯曼组织双方调解: where no word that follows names ends a dotted name, it ends
    before the first verb of two characters or more that the dictionary cuts after it. A verb
    that leaves one character stranded before the next verb is part of the name (阿不都热合|曼|组织)."""
    import jieba.posseg

    at = ends[0] - 1  # the first character after the dot
    pieces = list(jieba.posseg.cut(clean[at : ends[-1]], HMM=False))
    for number, piece in enumerate(pieces):
        if at >= ends[0] and len(piece.word) > 1 and piece.flag.startswith("v"):
            stranded = pieces[number + 1 : number + 3]
            if not (
                len(stranded) == 2
                and len(stranded[0].word) == 1
                and len(stranded[1].word) > 1
                and stranded[1].flag.startswith("v")
            ):
                return at - pos
        at += len(piece.word)
    return 0


def _read_unsurnamed(spot: _NameSpot) -> int:
    """格桑卓玛, 扎西次仁, 更求文德: a name with no surname in the table, read from known parts
    (before jieba, which runs on past them: 格桑正|在), by jieba, or from where the context says
    it ends."""
    return (
        _minority_name_length(spot.clean, spot.pos)
        or _unsurnamed_name_length(spot.clean, spot.pos)
        or _context_name_length(spot.clean, spot.pos)
    )


def _read_shortest(spot: _NameSpot) -> int:
    """王涛说 -> 王涛, 白旭平表示 -> 白旭平: the shortest reading followed by a word that follows
    names (up to a four-character name where a post allows guessing)."""
    clean, pos, size = spot.clean, spot.pos, spot.surname
    lengths = (size + 1, size + 2, size + 3)[: 3 if spot.guess else 2]
    for length in lengths:
        if _ends_name(clean, pos + length) and _is_name_here(clean[pos : pos + length], long=spot.guess):
            # 徐正|和同志: a conjunction before 同志 or a stop joins nothing: it ends the name
            # (but 王涛和同志们一起: 和 joins the comrades).
            end = pos + length
            after = clean[end + 1 : end + 4]
            joins_nothing = (after.startswith("同志") and after != "同志们") or not is_han(after[:1] or "。")
            if (
                clean[end : end + 1] in _CONJUNCTIONS
                and length + 1 in lengths
                and joins_nothing
                and _is_name_here(clean[pos : end + 1], long=spot.guess)
            ):
                return length + 1
            return length
    return 0


def _read_guessed(spot: _NameSpot) -> int:
    """After a post, where a name is expected: jieba's reading (乌兰图雅), else known parts of a
    Tibetan or Mongolian name (其美多吉), else the name before the verb of its clause
    (王大海提交了建议)."""
    clean, pos, size = spot.clean, spot.pos, spot.surname
    length = _unsurnamed_name_length(clean, pos) or _jieba_name_length(clean, pos)
    if length and _is_name_here(clean[pos : pos + length]):
        return length
    length = _minority_name_length(clean, pos)
    if length:
        return length
    for length in (size + 2, size + 1):
        if (
            (_verb_at(clean, pos + length) or clean.startswith(_CLAUSE_PREPOSITIONS, pos + length))
            and not is_common_word(clean[pos : pos + 2])
            and _is_name_here(clean[pos : pos + length])
        ):
            return length
    # 被执行人赵志强民间借贷纠纷: a full name where a word starts right after it and no word
    # runs across its end.
    length = size + 2
    end = pos + length
    if (
        is_common_word(clean[end : end + 2])
        and not is_common_word(clean[end - 1 : end + 1])
        and not is_common_word(clean[pos + size : end])
        and _is_name_here(clean[pos:end])
    ):
        return length
    return 0


# 王大爷, 李女士: a surname before a polite or kinship word (person_polite_suffixes.txt) is no full name.
_POLITE_WORD: Veto[_NameSpot] = Veto("polite_word", lambda spot: spot.polite)
_NOT_GUESSING: Veto[_NameSpot] = Veto("not_after_a_post", lambda spot: not spot.guess)
_DOTTED = Rule("dotted", "a dotted name (names.DOTTED_NAME)", _read_dotted)

# The ways a name is read where a surname of the table (surnames.txt) stands, in order; the
# first that reads one wins. A rule's vetoes are asked in order, the one that most often
# holds first.
SURNAMED_READERS: tuple[Rule[_NameSpot, int], ...] = (
    _DOTTED,
    Rule("shortest", "a surname, then a word that follows names", _read_shortest, (_POLITE_WORD,)),
    Rule("guessed", "a surname where a post says a name comes", _read_guessed, (_NOT_GUESSING, _POLITE_WORD)),
)
# The ways a name is read where no surname of the table stands.
UNSURNAMED_READERS: tuple[Rule[_NameSpot, int], ...] = (
    _DOTTED,
    Rule(
        "unsurnamed",
        "a name with no surname in the table, where the asking rule allows one",
        _read_unsurnamed,
        (
            Veto("unsurnamed_not_allowed", lambda spot: not spot.unsurnamed),
            # 老王, 小李: a familiar form (person_familiar_forms.toml) is no full name.
            Veto("familiar_form", lambda spot: is_familiar_form(spot.clean[spot.pos : spot.pos + 2])),
        ),
    ),
)


def _read_name(clean: str, pos: int, *, guess: bool = True, unsurnamed: bool | None = None) -> int:
    """Length of the name starting at clean ``pos`` (0 if none): the first of
    :data:`SURNAMED_READERS` (or :data:`UNSURNAMED_READERS`) that reads one.

    ``guess`` says a post before the name already says a name comes (jieba's reading and
    four-character names such as 乌兰图雅 are allowed there); ``unsurnamed`` (default:
    ``guess``) allows a name with no surname in the table (格桑卓玛).
    """
    size = surname_length(clean[pos : pos + 4])
    polite = size > 0 and clean.startswith(polite_suffixes(), pos + size)
    spot = _NameSpot(clean, pos, size, polite, guess, guess if unsurnamed is None else unsurnamed)
    # 哈斯巴根, 巴图孟和: a name without a Han surname may open with a character of the table;
    # read so, it is longer than a Han name there could be.
    longer = spot.unsurnamed and pos + size + 2 < len(clean) and is_han(clean[pos + size + 2])
    readers = (
        UNSURNAMED_READERS if not size else (*SURNAMED_READERS, *UNSURNAMED_READERS[1:]) if longer else SURNAMED_READERS
    )
    for number, reader in enumerate(readers):
        length = reader.apply(spot)
        if (
            length
            and size
            and number >= len(SURNAMED_READERS)
            and length <= size + 2
            and _minority_name_length(clean, pos) != length  # 格桑: known parts, not a Han name
        ):
            return 0
        if length and guess and number < len(SURNAMED_READERS):
            # 嘎查达巴图孟|和介绍: known Tibetan and Mongolian parts read further than a Han name.
            length = max(length, _minority_name_length(clean, pos))
        if length:
            # 阿卜杜|热合曼·买买提: no name ends inside the first part of a dotted name.
            dotted = DOTTED_NAME.match(clean, pos)
            return 0 if dotted and pos + length <= _DOT.search(clean, pos, dotted.end()).start() else length
    return 0


def _longest_title_ending(item: str) -> str | None:
    """The longest post or occupation that ``item`` ends with."""
    titles = _title_set()
    for size in range(min(len(item), len(_all_titles()[0])), 1, -1):
        if item[-size:] in titles:
            return item[-size:]
    return None


@cache
def _post_prefixes() -> tuple[str, ...]:
    return _words("person_post_prefixes.txt")


def _split_item(item: str) -> Title | None:
    """``市住建局党组书记`` -> (市住建局, 党组书记); a bare body needs an organisation ending.

    A party body opening the post goes with a bare place before it (镇党委书记 ->
    镇党委 + 书记) and stays with the post after an institution."""
    title = _longest_title_ending(item)
    if title:
        org = item[: -len(title)]
        # 代理市长, 常务副部长, 科技副县长: a prefix of the post is part of the title, not the body.
        while (prefix := next((p for p in _post_prefixes() if org.endswith(p)), None)) is not None:
            org, title = org[: -len(prefix)], prefix + title
        # 与审判员吴晓东: a conjunction or preposition before a post is no body; nor is what
        # ends in a conjunction (乡长阿旺和|副乡长泽仁卓玛: the previous holder, then 和).
        if (len(org) == 1 and word_tag(org)[:1] in ("c", "p")) or org.endswith(_CONJUNCTIONS):
            org = ""
        body = next((b for b in _words("person_party_bodies.txt") if title.startswith(b)), None)
        if body and title != body and (not org or org.endswith(_words("person_place_endings.txt"))):
            org, title = org + body, title[len(body) :]
        return Title(org=org or None, title=title)
    suffix = _org_suffix_pattern()
    if any(m.end() == len(item) for m in suffix.finditer(item)) and len(item) >= 2:
        return Title(org=item, title=None)
    return None


def _org_start(clean: str, end: int, breaks: frozenset[int]) -> int:
    """Where a body written before a post ending at ``end`` begins: after the last stop word,
    non-Han character or line break (a heading above a signature line), at most ``_MAX_ORG``
    characters back."""
    start = end
    while (
        start > 0
        and end - start < _MAX_ORG
        and (start == end or start not in breaks)
        and is_han(clean[start - 1])
        and clean[start - 1] not in _CHAIN_MARKS
    ):
        start -= 1
    cut = start
    # A stop word never cuts into the post itself (被告: 被 stops a body, not this post).
    title = _longest_title_ending(clean[start:end])
    limit = end - len(title) if title else end
    for stop in _org_stop_pattern().finditer(clean, start, end, overlapped=True):
        if stop.end() <= limit:
            cut = max(cut, stop.end())
    return cut


# What ends a sentence: a body carried along a sentence stops here.
_SENTENCE_STOP = regex.compile(r"[。；;！？!?\n]")
_ASIDE = regex.compile(r"\(([^()]{1,12})\)")
_ASIDE_PARTS = regex.compile(r"[，,、]")
# A birth year in an aside after a name (杨光（1978年生）任…).
_BIRTH_NOTE = regex.compile(r"\d{4}年(?:\d{1,2}月)?(?:生|出生)")


@cache
def _post_notes() -> frozenset[str]:
    return frozenset(_words("person_post_notes.txt"))


def _is_aside(content: str) -> bool:
    """（挂职）, （正科级）, （女，土家族）: every part a note on the post or a nationality."""
    parts = _ASIDE_PARTS.split(content)
    return all(
        part in _post_notes() or (len(part) >= 2 and part.endswith("族")) or _BIRTH_NOTE.fullmatch(part)
        for part in parts
    )


def _aside_after(clean: str, pos: int) -> int:
    """Where the text goes on after an aside in brackets at ``pos`` (else ``pos``)."""
    m = _ASIDE.match(clean, pos)
    return m.end() if m is not None and _is_aside(m.group(1)) else pos


def _aside_before(clean: str, end: int) -> int:
    """Where an aside in brackets that ends at ``end`` begins (else ``end``)."""
    if clean[end - 1 : end] != ")":
        return end
    open_at = clean.rfind("(", max(0, end - 14), end)
    return open_at if open_at >= 0 and _is_aside(clean[open_at + 1 : end - 1]) else end


def _chain_before(clean: str, end: int, breaks: frozenset[int]) -> list[Title]:
    """The posts written as a 、-chain ending right before a name at ``end``.

    Each item is split into body and post; an item with no body takes the body of
    the item before it (``党组书记、局长``), unless its post names its own body
    (``市委常委、副市长``: 副市长 belongs to the government, not 市委).
    """
    return _chain_span(clean, end, breaks)[1]


def _lone_post_at(clean: str, start: int, end: int) -> Title | None:
    """A post that is one only standing alone (person_words.toml ``lone_posts``) at
    ``start``-``end``: at a clause's start or after 的 or a nationality (代表、…书记农世杰)."""
    words = _small_words()
    if clean[start:end] not in words["lone_posts"]:
        return None
    before = clean[start - 1 : start]
    if start > 0 and is_han(before) and before not in words["lone_post_openers"]:
        return None
    return Title(title=clean[start:end])


def _lone_post_mentions(doc: Document) -> Iterator[_Mention]:
    """``代表梁志坚说``, ``畲族代表蓝玉凤在审议时建议``: a lone post (:func:`_lone_post_at`), then a
    full name that ends where names end."""
    clean = doc.clean
    for post in _lone_post_pattern().finditer(clean):
        title = _lone_post_at(clean, post.start(), post.end())
        if title is None:
            continue
        length = _read_name(clean, post.end(), guess=False)
        if length and not _title_starts().at(clean, post.end() + length):
            yield _Mention(post.end(), post.end() + length, clean[post.end() : post.end() + length], [title])


@cache
def _lone_post_pattern() -> regex.Pattern[str]:
    return words_pattern(_small_words()["lone_posts"])


def _chain_span(clean: str, end: int, breaks: frozenset[int], *, groups: int = 2) -> tuple[int, list[Title]]:
    """Where the chain of posts ending at ``end`` starts, and its posts (:func:`_chain_before`).

    A clause of posts alone before a comma is the same person's (县委副书记、县长，县人大常委会
    党组书记李小平): up to ``groups`` comma-separated groups are read."""
    items: list[Title] = []
    start = end
    while len(items) < _MAX_CHAIN:
        end = _aside_before(clean, end)  # 组织部副部长（正科级）、…局长
        start = _org_start(clean, end, breaks)
        item = _split_item(clean[start:end])
        if item is None and items:
            item = _lone_post_at(clean, start, end)  # 代表、村党总支书记农世杰
        if item is None or (item.title is None and not items and start == end):
            break
        items.append(item)
        if start == 0 or clean[start - 1] not in _CHAIN_MARKS:
            break
        end = start - 1
    items.reverse()
    if items and items[0].title is None:
        return start, []
    titles = _carry_bodies(items)
    if titles and groups > 1 and start > 1 and clean[start - 1] in ",，" and clean[start - 2] in _title_last_chars():
        before_start, before = _chain_span(clean, start - 1, breaks, groups=groups - 1)
        if before and before[-1].title and (before_start == 0 or not is_han(clean[before_start - 1])):
            return before_start, [*before, *titles]
    return start, titles


@cache
def _self_bodied_titles() -> frozenset[str]:
    return frozenset(_words("person_self_bodied_titles.txt"))


def _names_own_body(title: str | None) -> bool:
    """The post names its own body (副市长, and with a prefix of the post: 代理镇长, 常务副县长)."""
    while title:
        if title in _self_bodied_titles():
            return True
        prefix = next((p for p in _post_prefixes() if title.startswith(p) and len(title) > len(p)), None)
        if prefix is None:
            return False
        title = title[len(prefix) :]
    return False


@cache
def _title_last_chars() -> frozenset[str]:
    """The last characters of the posts: a cheap test that a post may end somewhere."""
    return frozenset(title[-1] for title in _all_titles())


def _carry_bodies(items: list[Title]) -> list[Title]:
    """A post written without a body takes the body of the post before it (``党组书记、局长``),
    unless the post names its own body (``市委常委、副市长``: 副市长 belongs to the government)."""
    carried: list[Title] = []
    body: str | None = None  # the body the posts so far belong to
    for item in items:
        if item.org in _small_words()["sub_bodies"]:
            pass  # 县人民法院副院长、审判委员会委员、审判员: the post after the committee is the court's
        elif item.org is None and body and not _names_own_body(item.title):
            item = Title(org=body, title=item.title)
        elif item.org is not None:
            body = item.org
        carried.append(item)
    return carried


def _carry_along(clean: str, start: int, titles: list[Title], carried: tuple[int, Title]) -> list[Title]:
    """``县人大常委会主任A主持会议，副主任B、C``: a chain opening a clause of the same sentence
    with a post written without its body takes the body of the post before it, unless the
    post names its own body (县委书记A讲话，副县长B主持: 副县长 is no 县委 post). Only a post of
    the same rank line (主任 -> 副主任, 书记 -> 副书记) or a membership is carried along."""
    after, before = carried
    first = titles[0]
    if (
        first.org is not None
        or before.org is None
        or _names_own_body(first.title)
        or not (first.title or "").endswith(((before.title or "-")[-1], *_small_words()["body_offices"]))
        or start == 0
        or clean[start - 1] not in ",，"
        or _SENTENCE_STOP.search(clean, after, start)
    ):
        return titles
    return _carry_bodies([Title(org=before.org, title=first.title), *titles[1:]])


_MAX_LABEL = 12


def _line_label_post(doc: Document, chain_start: int) -> Title | None:
    """``县级总河长：县委书记　陈立新``: a post labelling the line before a colon, held by the
    name the line's chain of posts ends with; None if no such label stands before ``chain_start``."""
    clean = doc.clean
    if chain_start < 3 or clean[chain_start - 1] not in ":：":
        return None
    colon = chain_start - 1
    line = next((colon - n for n in range(2, _MAX_LABEL) if doc.line_starts_at(colon - n)), None)
    if line is None or not _HAN_RUN.fullmatch(clean, line, colon):
        return None
    label = _split_item(clean[line:colon])
    return label if label is not None and label.title is not None else None


def _name_before_break(clean: str, pos: int, breaks: frozenset[int]) -> int:
    """Length of a name at ``pos`` that ends at a line break (a signature: 县长  孙海波, then
    the next paragraph), or 0."""
    for length in (2, 3, 4):
        if pos + length in breaks:
            return length if is_name_shape(clean[pos : pos + length]) else 0
    return 0


def _chain_mentions(doc: Document, vocabulary: _Vocabulary) -> Iterator[_Mention]:
    """``市委常委、副市长刘晋萍``, ``…党组成员、现代农业发展服务中心陈杰斌``: posts, then a name."""
    clean, breaks = doc.clean, doc.line_breaks
    post_ends = vocabulary.post_ends
    # A bare body ends a chain only after a post and a 、 (…党组成员、…中心陈杰斌).
    body_ends = {end for start, end in vocabulary.bodies if "、" in clean[max(0, start - 30) : start]}
    carried: tuple[int, Title] | None = None  # where the last post holder's name ends, its last post
    for end in sorted(post_ends | body_ends):
        # A longer post or body runs on here: no name starts inside it (评标委员|会, 被告|人).
        if end >= len(clean) or end in vocabulary.inside:
            continue
        link = _LIST_LINK.match(clean, end) if end in post_ends else None
        if link is not None:
            # 县长：王建军, 副县长分别是：李强、王芳 (a list of leaders by post): the names after the colon.
            colon_titles = _chain_before(clean, end, breaks)
            if colon_titles and colon_titles[-1].title:
                # 审判员：王海　李静: names set apart by spaces, as in a roster line.
                spaced = any(doc.joined_at(link.end() + n) for n in (2, 3, 4))
                listed_names = (
                    _spaced_names(doc, link.end(), after_post=True)
                    if spaced
                    else _listed_names(clean, link.end(), breaks)
                )
                for listed in listed_names:
                    yield _Mention(listed.start, listed.end, listed.name, colon_titles)
            continue
        if clean[end] == "的" and end in post_ends:
            # 当选为村委会主任的王建国说, 担任村党支部书记的王某: a post, 的, then a full name.
            described_titles = _chain_before(clean, end, breaks)
            length = _read_name(clean, end + 1, guess=False)
            if described_titles and described_titles[-1].title and length:
                yield _Mention(end + 1, end + 1 + length, clean[end + 1 : end + 1 + length], described_titles)
            continue
        if _title_starts().at(clean, end):
            continue  # a body before a post (宣传部|部长): the name comes after the post
        name_at = _aside_after(clean, end)  # 副县长（挂职）陈宏伟
        if name_at >= len(clean) or not is_han(clean[name_at]):
            continue  # no name can follow: the chain before is not read
        chain_start, titles = _chain_span(clean, end, breaks)
        # Posts that close a line after other words are that line's (王建国　…村委会主任 / 刘海燕…):
        # the name opening the next line is not their holder.
        if name_at in breaks and (
            (chain_start not in breaks and chain_start > 0)
            or any(doc.joined_at(gap) for gap in range(chain_start + 1, end))
        ):
            continue
        if titles and carried is not None:
            titles = _carry_along(clean, chain_start, titles, carried)
        label = _line_label_post(doc, chain_start) if titles else None
        if label is not None:
            titles = [label, *titles]
        end = name_at
        if not titles or not (titles[-1].title or len(titles) > 1):
            continue
        if (titles[0].org or titles[0].title or "").startswith(_small_words()["generic_post_openers"]):
            continue
        # Only a post licenses guessing a name (格桑卓玛, 王大海提交); after a bare body the
        # name must have a known surname (a body word also ends inside posts: 局|长), and
        # after an occupation (村民, 游客, 董事长) so must a name with none.
        guess = end in post_ends
        unsurnamed = guess and (titles[-1].title in _posts() or titles[-1].title in _descriptions()[1])
        length = _read_name(clean, end, guess=guess, unsurnamed=unsurnamed) or _name_before_break(clean, end, breaks)
        if not length and guess and not unsurnamed and titles[-1].title in _descriptions()[0]:
            # 牧民宝音图告诉记者: after a word for ordinary people a name without a Han surname
            # stands only as the speaker of the clause.
            # Known Tibetan and Mongolian parts say a name too (种植大户扎西顿珠家种了…).
            length = _read_name(clean, end, guess=True, unsurnamed=True)
            if length and not (
                _speech_verb_pattern().match(clean, end + length) or _minority_name_length(clean, end) == length
            ):
                length = 0
        # A full name of three characters before a line break ends there (市长 周建华 / 一、…);
        # a shorter piece is a name the line break cut (马玉 / 林说).
        cut = next((b - end for b in range(end + 3, end + length) if b in breaks), 0)
        if cut and is_name_shape(clean[end : end + cut]):
            length = cut
        # A post right after the name, or one it runs into (河长|办主|任), means the "name" was
        # a verb and an object (局长任副班长) or part of a body.
        # A post on the next line is the next roster line's (陪审员  彭秀英 / 书记员  王丽娟).
        # A word for people after a name describes it (王秀英老人).
        following = _title_pattern().match(clean, end + length) if length else None
        post_next = following is not None and following.group() not in _descriptions()[0] and end + length not in breaks
        if length and not post_next and end + length not in vocabulary.inside:
            carried = (end + length, titles[-1])
            yield _Mention(end, end + length, clean[end : end + length], titles)


def _body_name_post_mentions(clean: str, vocabulary: _Vocabulary, breaks: frozenset[int]) -> Iterator[_Mention]:
    """``中华女子学院李明舜教授``: a body, the name, then the post."""
    for pos in sorted({end for _start, end in vocabulary.bodies}):
        length = _read_name(clean, pos, guess=False)
        # 市政府|党组副|书记: a "name" that ends inside a post (副书记) is part of it; one that
        # ends in an organisation ending is a body (范家屯镇|农业站|站长).
        if not length or pos + length in vocabulary.inside:
            continue
        if clean[pos : pos + length].endswith(_words("person_org_suffixes.txt")):
            continue
        after = pos + length
        title = next((t for t in _all_titles() if clean.startswith(t, after)), None)
        if title is None:
            continue
        start = _org_start(clean, pos, breaks)
        if start < pos:
            org = clean[start:pos]
            yield _Mention(pos, after, clean[pos:after], [Title(org=org, title=title)])


def _name_post_mentions(doc: Document, vocabulary: _Vocabulary) -> Iterator[_Mention]:
    """``王晓峰副县长带队``, ``欧阳晓峰副县长指出``: a name opening a clause, then a post written
    without its body, then a verb or a stop."""
    clean = doc.clean
    posts = _posts()
    longest = max(map(len, posts))
    for end in sorted(vocabulary.post_ends):
        if not _ends_name(clean, end):
            continue
        size = next((n for n in range(min(longest, end), 1, -1) if clean[end - n : end] in posts), 0)
        start = end - size
        if start in doc.line_breaks:
            continue  # 县长：王建军 / 副县长：刘芳: the post heads the next line
        # 阿不都热依木·买买提县长主持: a dotted name is longer than a Han one.
        dotted = _dotted_start_before(clean, start) if size else None
        lengths = (2, 3, 4, start - dotted) if dotted is not None else (2, 3, 4)
        for length in lengths:
            pos = start - length
            if size and pos >= 0 and _clause_starts(doc, pos) and _read_name(clean, pos, guess=False) == length:
                yield _Mention(pos, start, clean[pos:start], [Title(title=clean[start:end])])
                break


@cache
def _speech_verb_pattern() -> regex.Pattern[str]:
    return words_pattern(_words("person_speech_verbs.txt"))


@cache
def _list_head_pattern() -> regex.Pattern[str]:
    return words_pattern(_words("person_list_heads.txt"))


def _clause_starts(doc: Document, pos: int) -> bool:
    """``pos`` opens a clause: after punctuation, or after a line break the clean view removed."""
    clean = doc.clean
    # A numeral opens no clause (300余人参加).
    return pos == 0 or (not is_han(clean[pos - 1]) and not clean[pos - 1].isdigit()) or doc.joined_at(pos)


def _speaker_mentions(doc: Document) -> Iterator[_Mention]:
    """``刘晋萍表示``, a headline ``高奇英出席…``, ``今年65岁的张建华高兴地说``: a name opening a
    clause (or after 的), then a speech verb, perhaps after a manner word (高兴地, 笑着)."""
    clean = doc.clean
    for verb in _speech_verb_pattern().finditer(clean):
        manner = _MANNER_BEFORE.search(clean, max(0, verb.start() - 3), verb.start())
        occasion = _OCCASION_BEFORE.search(clean, max(0, verb.start() - 12), verb.start())
        ends = tuple(m.start() for m in (manner, occasion) if m is not None) or ()
        ends = (verb.start(), *ends)
        if clean.startswith("同志", verb.start() - 2):
            ends = (verb.start() - 2,)  # 张建国同志出席会议
        for end in ends:
            dotted = _dotted_start_before(clean, end)
            starts = (dotted, end - 2, end - 3, end - 4) if dotted is not None else (end - 2, end - 3, end - 4)
            found = next((pos for pos in starts if _speaker_at(doc, pos, end)), None)
            if found is not None:
                yield _Mention(found, end, clean[found:end])
                break


@cache
def _visit_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(a word of going, the work of a visit), from person_visit_words.toml."""
    words = read_toml("person_visit_words.toml")
    return words_pattern(sorted(words["going"], key=len, reverse=True)), words_pattern(words["work"])


# Between a visitor's name and the word of going: 一行, 还, 先后 (周强一行还来到…).
_VISITING_PARTY = regex.compile(r"(?:一行)?(?:还|又|先后)?\Z")
# How far a visit's work may stand after the word of going (到城关镇西关村调研).
_MAX_VISIT = 20
_VISIT_STOP = regex.compile(r"[。；;！？!?\n]")


def _visit_mentions(doc: Document) -> Iterator[_Mention]:
    """``朱建军到城关镇调研秋粮收购工作``, ``周强一行还来到县人民医院，看望…``: a name opening a
    clause, a word of going, and the work of the visit later in the same sentence."""
    clean = doc.clean
    going, work = _visit_patterns()
    for go in going.finditer(clean):
        stop = _VISIT_STOP.search(clean, go.end(), go.end() + _MAX_VISIT)
        if not work.search(clean, go.end(), stop.start() if stop else go.end() + _MAX_VISIT):
            continue
        party = _VISITING_PARTY.search(clean, max(0, go.start() - 4), go.start())
        end = party.start() if party else go.start()  # 周强一行还来到…
        for length in (2, 3):
            pos = end - length
            if pos >= 0 and _clause_starts(doc, pos) and _read_name(clean, pos, guess=False) == length:
                yield _Mention(pos, end, clean[pos:end])
                break


# How a vote went, between a name and 当选 (叶尔保力·努尔兰以全票当选…, 赵明全票当选…).
_VOTE_BEFORE = regex.compile(r"(?:以\p{Han}{1,4}|全|高|满)票\Z")
# Where a speech is given, between a speaker's name and the verb (王建国在会上说, 在调研时强调).
_OCCASION_BEFORE = regex.compile(r"在\p{Han}{1,8}?(?:上|时|中|期间)\Z")
# An age before a name: 65岁的曾国华, 三十多岁的王某.
_AGE_BEFORE_NAME = regex.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})多?岁的")


def _aged_mentions(clean: str) -> Iterator[_Mention]:
    """``65岁的曾国华是…``, ``30岁的罗小燕大学毕业后…``: a full name right after an age."""
    for age in _AGE_BEFORE_NAME.finditer(clean):
        pos = age.end()
        if surname_length(clean[pos : pos + 4]):
            length = _read_name(clean, pos, guess=True, unsurnamed=False)
            if length:
                yield _Mention(pos, pos + length, clean[pos : pos + length])


@cache
def _posts_after_name() -> regex.Pattern[str]:
    return words_pattern(_words("person_posts_after_name.txt"))


def _leader_mentions(clean: str) -> Iterator[_Mention]:
    """``习近平总书记``, ``以习近平同志为核心``: a full name, then a word the press writes
    after the names of national leaders (the post) or 同志 (no post)."""
    for word in _posts_after_name().finditer(clean):
        if clean.startswith("们", word.end()):
            continue  # 王涛和同志们一起: 同志们 is the people addressed, no name's word
        end = word.start()
        for length in (3, 2):
            pos = end - length
            # 分管负责同志: a "surname" that ends a word with the character before it opens no name.
            glued = pos > 0 and is_common_word(clean[pos - 1 : pos + 1])
            if pos >= 0 and not glued and surname_length(clean[pos:end]) and is_name_shape(clean[pos:end]):
                post = word.group()
                titles = [Title(title=post)] if post in _title_set() else []
                yield _Mention(pos, end, clean[pos:end], titles)
                break


@cache
def _contact_head_pattern() -> regex.Pattern[str]:
    return regex.compile(f"(?:{alternation(_words('person_contact_heads.txt'))})[:：]")


def _contact_mentions(doc: Document) -> Iterator[_Mention]:
    """``联系人：张伟 电话：…``: the name after a contact head, ending at a non-Chinese
    character, a space the clean view removed, or a word that follows names."""
    clean = doc.clean
    for head in _contact_head_pattern().finditer(clean):
        pos = head.end()
        for length in (2, 3):
            end = pos + length
            gap = end < len(clean) and doc.joined_at(end)
            if (gap or _ends_name(clean, end)) and is_name_shape(clean[pos:end]):
                yield _Mention(pos, end, clean[pos:end])
                break


def _speaker_at(doc: Document, pos: int, end: int) -> bool:
    """A speaker's name stands at ``pos`` up to ``end``: a full name with a Han surname, a dotted
    name, or a name without a surname that the dictionary reads as a name or that is made of
    known Tibetan and Mongolian parts (格桑卓玛说, 乌云其木格告诉)."""
    clean = doc.clean
    if pos < 0 or not (_clause_starts(doc, pos) or clean[pos - 1] == "的"):
        return False
    if _read_name(clean, pos, guess=False) == end - pos and is_name_shape(clean[pos:end]):
        return True
    # Known Tibetan and Mongolian parts make a name though a Han surname opens it (格桑说).
    if end - pos == _minority_name_length(clean, pos) and not _NOT_IN_NAME.search(clean, pos, end):
        return True
    # “…。”阿苏木呷笑着说: right after a quotation its speaker's name needs no surname in the table.
    if clean[pos - 1 : pos] in _CLOSING_QUOTES and _context_name_length(clean, pos) == end - pos:
        return True
    # A Han surname opens a name of at most three characters here (李女士说 is none).
    if end - pos <= surname_length(clean[pos:end]) + 2:
        return False
    if _NOT_IN_NAME.search(clean, pos, end):
        return False
    # The dictionary knows some Tibetan names as nouns (多吉次仁): a common word is a name only
    # when it is made of known parts.
    if is_common_word(clean[pos:end]) and end - pos != _minority_name_length(clean, pos):
        return False
    return end - pos in (_unsurnamed_name_length(clean, pos), _minority_name_length(clean, pos))


def _posts_after(clean: str, end: int, breaks: frozenset[int]) -> list[Title]:
    """Posts written right after a name ending at ``end``: ``刘先全（镇党委书记）``,
    ``张立荣担任管委会主任``."""
    if clean.startswith("(", end):
        close = clean.find(")", end, end + 30)
        if close > end + 1 and _split_item(clean[end + 1 : close]):
            return _chain_before(clean, close, breaks)
        return []
    for verb in _post_verbs():
        if clean.startswith(verb, end):
            # 任中共毕节市委委员、常委、书记: the whole chain, each post carrying the body.
            chain = _posts_in(clean, end + len(verb))
            if chain:
                return chain
            post = _post_written_at(clean, end + len(verb))
            if post is not None:
                return [post]
    return []


def _post_written_at(clean: str, start: int) -> Title | None:
    """The post written from ``start`` in a run of Chinese characters that goes on after it
    (升任县人大常委会办公室主任后): the furthest post whose body, if any, has an organisation
    ending (县人大常委会办公室 + 主任, not 县人大 + 常委)."""
    found: Title | None = None
    for post in _title_pattern().finditer(clean, start, start + _MAX_ORG, overlapped=True):
        if not all(is_han(c) for c in clean[start : post.start()]):
            break
        item = _split_item(clean[start : post.end()]) or Title(title=post.group())
        if item.org is None or item.org.endswith(_words("person_org_suffixes.txt")):
            found = item
    return found


# A photo caption's place of a person in the picture, in brackets after the name (（左二）, （前排中）).
_PICTURE_PLACE = regex.compile(r"\((?:前排|后排|中排)?(?:左|右)[一二三四五六七八九十]{1,2}\)|\((?:前排|后排)?中\)")


def _caption_mentions(doc: Document) -> Iterator[_Mention]:
    """``图为陈国庆（左二）在联络站接待群众``: a full name before its place in the picture."""
    clean = doc.clean
    for place in _PICTURE_PLACE.finditer(clean):
        end = place.start()
        for length in (3, 2, 4):
            pos = end - length
            if pos >= 0 and _read_name(clean, pos, guess=False) == length:
                yield _Mention(pos, end, clean[pos:end])
                break


def _named_with_post_after(doc: Document) -> Iterator[_Mention]:
    """``刘先全（镇党委书记）带领…``, ``由张立荣担任管委会主任``: a name opening a clause
    (or after 由), then its post.

    Looks back from the rare words that introduce a post after a name instead of
    reading a name at every clause start."""
    clean = doc.clean
    for trigger in _post_after_trigger().finditer(clean):
        end = trigger.start()
        # A verb of two characters or more (当选为, 担任) says a post follows: the name before
        # it needs no Han surname (斯琴高娃当选为…); a bracket or the bare 任 says too little.
        unsurnamed = len(trigger.group()) >= 2
        vote = _VOTE_BEFORE.search(clean, max(0, end - 8), end)
        name_end = _aside_before(clean, vote.start() if vote else end)  # 杨光（1978年生）任…
        dotted = _dotted_start_before(clean, name_end)
        # 图门巴雅尔当选为…: a name without a Han surname may run to five characters.
        lengths = (2, 3, 4, 5) if unsurnamed else (2, 3, 4)
        for length in (2, 3, 4, name_end - dotted) if dotted is not None else lengths:
            pos = name_end - length
            if pos < 0:
                break
            # After 由 or a word for people (党员叶尔保力·努尔兰以全票当选…) a name may stand too.
            if pos > 0 and is_han(clean[pos - 1]) and clean[pos - 1] != "由" and not _title_ends().at(clean, pos):
                continue
            # Before a vote (赵明全票当选) the name ends where the vote begins.
            read = _read_name(clean, pos, guess=False, unsurnamed=unsurnamed) == length
            # 沙马阿支、王丽、俄木石者当选为…: the last of a 、-list before the verb is a name as
            # the list's others are, though the dictionary finds a noun in it (木石).
            in_list = unsurnamed and clean[pos - 1 : pos] == "、" and _is_listed_name(clean[pos:name_end])
            if read or in_list or (vote is not None and is_name_shape(clean[pos:name_end])):
                titles = _posts_after(clean, end, doc.line_breaks)
                if titles:
                    yield _Mention(pos, name_end, clean[pos:name_end], titles)
                    # 李小红、王强当选为委员: the names listed before it take the same posts.
                    if clean[pos - 1 : pos] == "、":
                        for listed in _names_before(doc, pos - 1, unsurnamed=unsurnamed):
                            yield _Mention(listed.start, listed.end, listed.name, list(titles))
                break
        # 王建国同志任县委常委: the name stands before 同志.
        if clean.startswith("同志", end - 2) and clean.startswith(_post_verbs(), end):
            yield from _named_before_tongzhi(doc, end - 2)


def _is_listed_name(candidate: str) -> bool:
    """A name without a Han surname as an item of a list of names: name-shaped, no dictionary
    word as a whole, no post in it, and no verb, adjective, adverb or function word in it."""
    import jieba.posseg

    return (
        is_name_shape(candidate, unsurnamed=True)
        and not is_common_word(candidate)
        and _title_pattern().search(candidate) is None
        and not any(
            len(piece.word) > 1 and piece.flag[:1] in _NOT_NAME_PART_TAGS
            for piece in jieba.posseg.cut(candidate, HMM=False)
        )
    )


def _only_name_words(candidate: str) -> bool:
    """The dictionary finds no word of two characters or more in ``candidate`` but names and places."""
    import jieba.posseg

    return all(
        len(piece.word) < 2 or piece.flag.startswith(("nr", "ns", "nz"))
        for piece in jieba.posseg.cut(candidate, HMM=False)
    )


# Between a word for leaders and the names it lists: 县领导还有：王建国、李红.
_LIST_LINK = regex.compile(r"(?:还有|有|是|分别是|分别为)?:")
# A post written after a name in a notice ends at punctuation, at 职务 (免去李四的…局长职务), at
# 的 (任命陈志为县公安局局长的议案) or at 至今.
_NOTICE_POST = regex.compile(r"[\p{Han}、]+?(?=等职|职务|职位|候选人|人选|的|至今|[^\p{Han}、]|$)")
# The cues of a CV's past posts (each two characters), and how far a CV's paragraph is read.
_PAST_POSTS = ("历任", "曾任")
# A dated step of a career in a CV (2016年3月起任…).
_CAREER_STEP = "起任"
_MAX_CV = 400
# What stands between a notice clause's posts and the next clause (；, ，, a line break).
_CLAUSE_JOINS = frozenset(";；,，。\n")
_NOTICE_POST_CLOSERS = ("职务", "职位", "的请求")
# The reason a resignation gives between the name and 辞去 (因工作调动, 因个人原因).
_RESIGN_REASON = regex.compile(r"因\p{Han}{2,8}?(?=辞去)")
# 王五，男，汉族，1975年3月生 / 吴刚，现任…: a name opening a CV-style notice.
_CV_SEX = regex.compile(r"[，,](?:男|女)(?=[，,、])")
# A CV opens after its name with the sex, 现任, or (an obituary's) the birth date written onto
# the name (徐正和同志1939年5月出生).
_CV_OPENING = regex.compile(rf"{_CV_SEX.pattern}|[，,](?=现任)|(?<=\p{{Han}})(?:同志)?(?={_BIRTH_NOTE.pattern})")


def _posts_in(clean: str, start: int, stop: int | None = None) -> list[Title]:
    """The 、-separated posts written from ``start`` (市财政局局长, 县委副书记、县长) up to
    ``stop`` if given, each without a body taking the body before it, as in a chain before a name."""
    segment = _NOTICE_POST.match(clean, start, min(start + 4 * _MAX_ORG, stop or len(clean)))
    if segment is None:
        return []
    titles: list[Title] = []
    for piece in segment.group().split("、")[:_MAX_CHAIN]:
        item = _split_item(piece) if len(piece) <= _MAX_ORG else None
        if item is None or item.title is None:
            break
        titles.append(item)
    return _carry_bodies(titles)


@cache
def _notice_verb_pattern() -> regex.Pattern[str]:
    return words_pattern(_words("person_notice_verbs.txt"))


# The pronoun that stands for the names of the notice clause before it (免去其…职务).
_NOTICE_PRONOUN = "其"


def _notice_mentions(clean: str) -> Iterator[_Mention]:
    """``任命张三为市财政局局长``, ``免去李四、王五的…职务``, ``接受王某辞去县长职务``: names after
    a notice verb, each followed (after the list) by a link word and the posts; the clauses
    after it in the same sentence read alike (选举A为镇长，B、C为副镇长)."""
    links = _words("person_notice_links.txt")
    for verb in _notice_verb_pattern().finditer(clean):
        colon = clean.startswith(":", verb.end())
        pos = verb.end() + 1 if colon else verb.end()  # 免去：刘敏的…
        if clean.startswith("了", pos):
            pos += 1  # 接受了刘建国辞去…
        # After a colon the clauses may start on new lines (决定任命：\n王建华为…；\n李秀英为…).
        for number in range(4 * _MAX_CHAIN):
            if number and _notice_verb_pattern().match(clean, pos):
                break  # the next clause has its own verb (；任命…)
            clause = _notice_clause(clean, pos, links)
            if clause is None:
                break
            yield from clause[0]
            pos = clause[1]
            # 任命A为…副局长，免去其…主任职务: 其 stands for the clause's names, who held that post.
            pronoun = _notice_verb_pattern().match(clean, pos)
            if pronoun is not None and clean.startswith(_NOTICE_PRONOUN, pronoun.end()):
                held = _posts_in(clean, pronoun.end() + len(_NOTICE_PRONOUN))
                for mention in clause[0] if held else ():
                    yield _Mention(mention.start, mention.end, mention.name, held)


def _notice_clause(clean: str, pos: int, links: tuple[str, ...]) -> tuple[list[_Mention], int] | None:
    """The names of one notice clause at ``pos`` (王建华、李秀英为…局长) with their posts, and
    where the next clause may start (past the posts, 职务 and the punctuation), or None."""
    names: list[tuple[int, int]] = []
    last = pos
    while len(names) < _MAX_CHAIN:
        found = _notice_name(clean, pos, links)
        if found is None:
            break
        end, last = found
        names.append((pos, end))
        if not clean.startswith("、", last):
            break
        pos = last + 1
    link = next((w for w in links if clean.startswith(w, last)), None) if names else None
    if link is not None:
        # 接受刘明同志辞去…职务: one link may follow another.
        more = next((w for w in links if clean.startswith(w, last + len(link))), "")
        link += more
    titles = _posts_in(clean, last + len(link)) if link else []
    if not titles or link is None:
        return None
    close = _NOTICE_POST.match(clean, last + len(link), last + len(link) + 4 * _MAX_ORG)
    pos = close.end() if close else last + len(link)
    pos = _aside_after(clean, pos)  # …副县长（挂职）；
    for _ in range(2):
        while pos < len(clean) and clean[pos] in _CLAUSE_JOINS:
            pos += 1
        if clean.startswith(_NOTICE_POST_CLOSERS, pos):
            pos += 2
    mentions = [_Mention(start, end, clean[start:end], titles) for start, end in names]
    return mentions, pos


def _notice_name(clean: str, pos: int, links: tuple[str, ...]) -> tuple[int, int] | None:
    """(end of the name, where the text goes on after an aside such as （女）) of a name at
    ``pos`` in a notice, followed by 、 or a link word (为, 的, 同志为). After a notice verb a
    name needs no surname in the table (任命次仁卓玛为, 阿依古丽·买买提)."""
    size = surname_length(clean[pos : pos + 4])
    dotted = _dotted_ends(clean, pos)
    ends = dotted or [pos + length for length in ((size + 1, size + 2) if size else (2, 3, 4))]
    for end in ends:
        after = _aside_after(clean, end)
        # 接受邰志刚因工作调动辞去…职务: the reason stands between the name and its link.
        reason = _RESIGN_REASON.match(clean, after)
        after = reason.end() if reason else after
        if not clean.startswith(("、", *links), after):
            continue
        name = clean[pos:end]
        unsurnamed = not size and not dotted and all(is_han(c) for c in name) and not _NOT_IN_NAME.search(name)
        # The link word after the name is context enough for a name that also reads as
        # words (向明华: 向明); a name with no surname must not open with a word.
        if (is_name_shape(name, dictionary_veto=False) and not is_common_word(name)) or (
            unsurnamed and not is_common_word(name) and not is_common_word(name[:2])
        ):
            return end, after
    return None


def _cv_mentions(doc: Document) -> Iterator[_Mention]:
    """``王五，男，汉族，…，现任XX县委副书记``: a name opening a clause before its sex,
    with the posts written after 现任 in the same sentence."""
    clean = doc.clean
    for sex in _CV_OPENING.finditer(clean):
        end = sex.start()
        dotted = DOTTED_NAME.search(clean, max(0, end - 15), end)
        if dotted and dotted.end() == end:
            while not _clause_starts(doc, dotted.start()) and dotted.start() < end:
                dotted = DOTTED_NAME.match(clean, dotted.start() + 1, end)
                if dotted is None:
                    break
            if dotted is not None and dotted.end() == end:
                yield _Mention(dotted.start(), end, dotted.group(), _cv_posts(doc, end))
            continue
        for length in (2, 3, 4, 5):
            pos = end - length
            if pos < 0:
                break
            # 被告人刘长江，男，: a party to a case may stand before a CV's name.
            if not (_clause_starts(doc, pos) or clean.endswith(tuple(_descriptions()[1]), 0, pos)):
                continue
            name = clean[pos:end]
            if is_name_shape(name, long=length == 4) or _unsurnamed_name_length(clean, pos) == length:
                yield _Mention(pos, end, name, _cv_posts(doc, end))
            break


# A CV laid out as a form: the name alone on its line (after an ordinal), the sex on the next
# (1.韦国庆 / 性别：男 / … / 现任职务：独山县委常委、…), and the line of the posts held.
_FORM_SEX = regex.compile(r"性别[:：](?:男|女)")
_FORM_ORDINAL = regex.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、．]?")
_FORM_POSTS = regex.compile(r"现任(?:职务)?[:：]")
_MAX_FORM = 300


def _cv_form_mentions(doc: Document) -> Iterator[_Mention]:
    """``1.韦国庆`` / ``性别：男`` / … / ``现任职务：…``: a CV written as a form's lines."""
    clean = doc.clean
    sexes = [m for m in _FORM_SEX.finditer(clean) if doc.line_starts_at(m.start())]
    for number, sex in enumerate(sexes):
        line = next((sex.start() - n for n in range(2, 12) if doc.line_starts_at(sex.start() - n)), None)
        if line is None:
            continue
        ordinal = _FORM_ORDINAL.match(clean, line, sex.start())
        pos = ordinal.end() if ordinal else line
        name = clean[pos : sex.start()]
        # Without a Han surname the dictionary may find only names and places in it (公示对象 is none).
        if not (is_name_shape(name, long=True) or (_is_listed_name(name) and _only_name_words(name))):
            continue
        limit = min(sexes[number + 1].start() if number + 1 < len(sexes) else len(clean), sex.end() + _MAX_FORM)
        held = _FORM_POSTS.search(clean, sex.end(), limit)
        line_end = min((b for b in doc.line_breaks if held and b > held.end()), default=None)
        yield _Mention(pos, sex.start(), name, _posts_in(clean, held.end(), line_end) if held else [])


def _cv_posts(doc: Document, end: int) -> list[Title]:
    """The posts of the CV whose name ends at ``end``, read up to the end of its paragraph or
    the next CV: those after 现任 (else 拟任), then the past ones after 历任, group by group
    (历任A局副局长，B县委常委、副县长等职)."""
    clean = doc.clean
    limit = min(len(clean), end + _MAX_CV)
    stop = next((at for at in range(end + 1, limit) if at in doc.line_breaks or clean[at] == "\n"), limit)
    next_cv = _CV_SEX.search(clean, end + 3, stop)
    paragraph = clean[end : next_cv.start() if next_cv else stop]
    # The first cue written wins: the posts held (现任) come before the ones proposed (拟提名为).
    found = [(at, -len(cue), cue) for cue in _words("person_cv_posts.txt") if (at := paragraph.find(cue)) != -1]
    groups: list[tuple[int, list[Title]]] = []
    if found:
        at, _, cue = min(found)
        groups.append((at, _posts_in(clean, end + at + len(cue))))
    past = min((at for cue in _PAST_POSTS if (at := paragraph.find(cue)) != -1), default=-1)
    if past != -1:
        groups.append((past, _post_groups(clean, end + past + len(_PAST_POSTS[0]))))
    # 2016年3月起任县委办公室副主任，2019年5月起任…主任至今: each dated step of a career.
    groups += [(at, _posts_in(clean, end + at + len(_CAREER_STEP))) for at in _occurrences(paragraph, _CAREER_STEP)]
    # In the order the CV writes them: 历任… then 现任…, or 现任… then 曾任….
    return [title for _at, group in sorted(groups, key=lambda g: g[0]) for title in group]


def _post_groups(clean: str, start: int) -> list[Title]:
    """Groups of posts set apart by commas (A局副局长，B县委常委、副县长，C市市长等职), up to the
    first group that holds no post."""
    titles: list[Title] = []
    for _ in range(_MAX_CHAIN):
        group = _posts_in(clean, start)
        if not group:
            break
        titles += group
        close = _NOTICE_POST.match(clean, start, start + 4 * _MAX_ORG)
        start = close.end() if close else start
        if not clean.startswith((",", "，"), start):
            break
        start += 1
    return titles


def _named_before_tongzhi(doc: Document, end: int) -> Iterator[_Mention]:
    """A name opening a clause right before 同志, whose post follows at ``end + 2``."""
    clean = doc.clean
    for length in (2, 3):
        pos = end - length
        if pos >= 0 and _clause_starts(doc, pos) and is_name_shape(clean[pos:end]):
            titles = _posts_after(clean, end + 2, doc.line_breaks)
            if titles:
                yield _Mention(pos, end, clean[pos:end], titles)
            return


def _listed_names(clean: str, pos: int, breaks: frozenset[int], *, guess: bool = False) -> Iterator[_Mention]:
    """Names in a 、-list starting at ``pos``, each read as a name that ends at 、, a
    word that follows names (王建国、李红、赵东出席) or the end of the line; ``guess``: the list
    is known to hold names (a found name opens it), so the last may end before any verb or
    word (杨老二、吴光荣故意伤害) as after a post."""
    while True:
        length = _read_name(clean, pos, guess=False)
        if not length and guess:
            length = _read_name(clean, pos, guess=True, unsurnamed=False)
            # 、区长李明出席: a post inside the reading opens the next holder, not a name.
            if _title_pattern().search(clean, pos, pos + length):
                length = 0
        length = length or _name_before_break(clean, pos, breaks)
        if not length or (pos + length not in breaks and _body_of_next_holder(clean, pos, pos + length)):
            return  # 、区政协主席杨晓林, 、阿拉坦额莫勒镇镇长苏日娜: the next holder's body
        yield _Mention(pos, pos + length, clean[pos : pos + length])
        if not clean.startswith("、", pos + length):
            return
        pos += length + 1


def _body_of_next_holder(clean: str, start: int, end: int) -> bool:
    """The list item read at ``start``-``end`` opens a body with a post after it (区政协主席,
    阿拉坦额莫勒镇镇长): a post right after it, or a run of Chinese characters that is a body
    and a post."""
    if _title_starts().at(clean, end):
        return True
    post = _title_pattern().search(clean, end, end + _MAX_ORG)
    if post is None or not _HAN_RUN.fullmatch(clean, end, post.start()):
        return False
    item = _split_item(clean[start : post.end()])
    return item is not None and item.org is not None and item.org.endswith(_words("person_place_endings.txt"))


def _names_before(doc: Document, end: int, *, unsurnamed: bool = False) -> Iterator[_Mention]:
    """The 、-list of full names that ends at ``end`` (张建国、李红梅、王小平|等), walked back to
    the clause start; ``unsurnamed``: the list's own names need no Han surname (阿拉坦仓、
    哈斯巴根当选为…), but none may be a common word."""
    clean = doc.clean

    def shaped(name: str) -> bool:
        if is_name_shape(name):
            return True
        return unsurnamed and is_name_shape(name, unsurnamed=True) and not is_common_word(name)

    for _ in range(4 * _MAX_CHAIN):
        pos = next(
            (
                end - n
                for n in (2, 3, 4)
                if end - n >= 0
                and (clean[end - n - 1 : end - n] == "、" or _clause_starts(doc, end - n))
                and shaped(clean[end - n : end])
            ),
            None,
        )
        if pos is None:
            return
        yield _Mention(pos, end, clean[pos:end])
        if clean[pos - 1 : pos] != "、":
            return
        end = pos - 1


@cache
def _group_word_pattern() -> regex.Pattern[str]:
    words = alternation(_words("person_list_heads.txt") + _words("person_group_words.txt"))
    # 等12人, 等五名同志: a count of the people listed before it.
    return regex.compile(rf"等(?:(?:\d+|[一二三四五六七八九十百]+)(?:人|名|位)|{words})")


def _group_mentions(doc: Document) -> Iterator[_Mention]:
    """``张建国、李红梅等县领导出席``, ``刘晓明、陈红等专家``: the names listed before 等 and a
    word for a group of people (officials after a word for leaders)."""
    for group in _group_word_pattern().finditer(doc.clean):
        yield from _names_before(doc, group.start())


_COLON = regex.compile(r"[:：]")


def _label_mentions(doc: Document) -> Iterator[_Mention]:
    """``记者：…`` / ``吴金花：我建议…``: a full name labelling what a speaker says at the start
    of a line, in a dialogue (two labelled lines or more; a headline ``阳朔：…`` is none)."""
    clean = doc.clean
    labels = [
        (colon.start() - n, colon.start())
        for colon in _COLON.finditer(clean)
        for n in (2, 3, 4)
        if colon.start() - n > 0
        and doc.line_starts_at(colon.start() - n)
        and _HAN_RUN.fullmatch(clean, colon.start() - n, colon.start())
        and not clean[colon.end() : colon.end() + 1].isdigit()
    ]
    described = [label for colon in _COLON.finditer(clean) if (label := _described_label(doc, colon.start()))]
    if len(labels) + len(described) < 2:
        return
    for start, end in labels:
        if is_name_shape(clean[start:end]):
            yield _Mention(start, end, clean[start:end])
    for start, end in described:
        yield _Mention(start, end, clean[start:end])


def _described_label(doc: Document, colon: int) -> tuple[int, int] | None:
    """``游客代表李娜：``, ``民宿经营户金顺姬：``: a label at a line start made of a description
    or a post, then a full name, before a colon; the span of the name, or None."""
    clean = doc.clean
    # The line's start: a description of two characters or more, then a name of two or three.
    line = next((colon - n for n in range(4, min(14, colon + 1)) if doc.line_starts_at(colon - n)), None)
    if line is None or not _HAN_RUN.fullmatch(clean, line, colon):
        return None
    for length in (3, 2):
        start = colon - length
        if start - line < 2 or not is_name_shape(clean[start:colon]):
            continue
        if clean.endswith((*_all_titles(), *_small_words()["label_description_endings"]), line, start):
            return start, colon
    return None


@cache
def _roll_head_pattern() -> regex.Pattern[str]:
    """A roll's heading (person_roll_heads.txt), perhaps with a note (（部分）) and a colon."""
    return regex.compile(rf"(?:{alternation(_words('person_roll_heads.txt'))})(?:\([^()]{{1,6}}\))?[:：]?")


# The label opening a line of a roll (一等奖：, 最美家庭：) and what may follow a listed name
# (赵建平家庭（旭阳镇）).
_ROLL_LABEL = regex.compile(r"\p{Han}{2,12}[:：]")
_ROLL_ITEM_TAIL = regex.compile(r"(?:家庭|户)?(?:\([^()]{1,12}\))?")
_MAX_ROLL_LINES = 12


def _roll_mentions(doc: Document) -> Iterator[_Mention]:
    """``获奖人员名单：`` then lines of names (``最美家庭：赵建平家庭（旭阳镇）、钟丽华家庭``,
    ``带头人：曾国华、罗小燕``): every full name listed, up to the first line that is prose."""
    clean = doc.clean
    breaks = sorted(doc.line_breaks)
    for head in _roll_head_pattern().finditer(clean):
        pos = head.end()
        if not (pos >= len(clean) or pos in doc.line_breaks or clean[pos] == "\n"):
            continue
        for _ in range(_MAX_ROLL_LINES):
            while pos < len(clean) and clean[pos] == "\n":
                pos += 1
            line_end = next((b for b in breaks if b > pos), len(clean))
            newline = clean.find("\n", pos, line_end)
            line_end = newline if newline != -1 else line_end
            if pos >= line_end or "。" in clean[pos:line_end]:
                return
            names = list(_roll_line(doc, pos, line_end))
            if not names:
                break
            yield from names
            pos = line_end


def _roll_line(doc: Document, pos: int, end: int) -> Iterator[_Mention]:
    """The full names listed in one line of a roll, between ``pos`` and ``end``."""
    clean = doc.clean
    label = _ROLL_LABEL.match(clean, pos, end)
    pos = label.end() if label else pos
    while pos < end:
        length = next(
            (
                n
                for n in (3, 2, 4)
                if pos + n <= end
                and is_name_shape(clean[pos : pos + n])
                and _roll_item_ends(doc, _ROLL_ITEM_TAIL.match(clean, pos + n, end).end(), end)
            ),
            0,
        )
        if not length:
            return
        tail = _ROLL_ITEM_TAIL.match(clean, pos + length, end).end()
        posts = _roll_item_posts(doc, tail, end)
        yield _Mention(pos, pos + length, clean[pos : pos + length], posts)
        if posts:
            return
        pos = tail
        if clean[pos : pos + 1] in ("、", ",", "，"):
            pos += 1


def _roll_item_posts(doc: Document, at: int, end: int) -> list[Title]:
    """``王建国　淄川区寨里镇北岳阴村党支部书记、村委会主任``: the posts that fill the rest of a
    roll's line after a name and a space (an honour roll gives each person's unit and post)."""
    if at >= end or not doc.joined_at(at):
        return []
    # The space ends the body: the chain is read back to it, never into the name.
    start, titles = _chain_span(doc.clean, end, doc.line_breaks | {at})
    return titles if start == at else []


def _roll_item_ends(doc: Document, at: int, end: int) -> bool:
    """An item of a roll ends at ``at``: the line ends, a list mark or a space follows."""
    return at >= end or doc.clean[at] in "、,，" or doc.joined_at(at)


def _lines(doc: Document) -> Iterator[tuple[int, int]]:
    """The (start, end) of every line of the clean view."""
    clean = doc.clean
    ends = sorted({*doc.line_breaks, *(m.start() for m in _NEWLINE.finditer(clean)), len(clean)})
    start = 0
    for end in ends:
        if end > start:
            yield start, end
        start = end + 1 if clean[end : end + 1] == "\n" else end


_NEWLINE = regex.compile(r"\n")
_MAX_BODY_LINE = 14


def _roster_mentions(doc: Document, vocabulary: _Vocabulary) -> Iterator[_Mention]:
    """``县人大常委会`` / ``主　任　王建平`` / ``副主任　刘玉梅　杨志刚``: a line that is one body heads
    the lines under it, each a post and the names holding it set apart by spaces; every
    name holds the post in that body, up to the next body line or a line of other shape."""
    clean = doc.clean
    body_ends = {end for _start, end in vocabulary.bodies}
    body: str | None = None
    for start, end in _lines(doc):
        if end in body_ends and end - start <= _MAX_BODY_LINE and _HAN_RUN.fullmatch(clean, start, end):
            item = _split_item(clean[start:end])
            if item is not None and item.title is None:
                body = item.org
                continue
        post = _title_pattern().match(clean, start, end) if body else None
        names = list(_spaced_names(doc, post.end(), end, after_post=True)) if post else []
        if post is None or not names or names[-1].end != end:
            body = None
            continue
        for name in names:
            yield _Mention(name.start, name.end, name.name, [Title(org=body, title=post.group())])


def _list_head_mentions(doc: Document) -> Iterator[_Mention]:
    """``县领导王建国、李红出席``: officials listed after a word for leaders, without posts;
    after a colon the list may be a roster line of names set apart by spaces."""
    clean = doc.clean
    for head in _list_head_pattern().finditer(clean):
        # 出席会议的县领导还有：王建国、李红: a short link and a colon may stand before the list.
        link = _LIST_LINK.match(clean, head.end())
        pos = link.end() if link else head.end()
        if link and any(doc.joined_at(pos + n) for n in (2, 3, 4)):
            yield from _spaced_names(doc, pos)
        else:
            yield from _listed_names(clean, pos, doc.line_breaks)


def _spaced_names(doc: Document, pos: int, stop: int | None = None, *, after_post: bool = False) -> Iterator[_Mention]:
    """``滕建华  吴清明  龙玉珍``: a line of full names set apart by spaces (the clean view
    joined them), up to the end of the line (or ``stop``). ``after_post``: a post heads the
    line, so a name may be longer or have no Han surname (执行法官：沙马拉则　阿说古铁)."""
    clean = doc.clean
    limit = len(clean) if stop is None else stop
    while pos < limit:
        end = next((pos + n for n in (2, 3, 4) if _spaced_name_ends(doc, pos + n, limit)), None)
        name = clean[pos:end] if end is not None else ""
        shaped = is_name_shape(name) or (
            after_post and (is_name_shape(name, long=True) or (_is_listed_name(name) and _only_name_words(name)))
        )
        if end is None or not shaped:
            return
        yield _Mention(pos, end, clean[pos:end])
        if end in doc.line_breaks or end == limit or clean[end] == "\n":
            return
        pos = end


def _spaced_name_ends(doc: Document, at: int, limit: int) -> bool:
    """A name set apart by spaces ends at ``at``: a space, the limit or a kept line break follows."""
    return doc.joined_at(at) or at == limit or doc.clean[at : at + 1] == "\n"


def _list_siblings(clean: str, mentions: list[_Mention], breaks: frozenset[int]) -> Iterator[_Mention]:
    """Names listed with 、 next to a found name (张建华、李东表示 finds 李东 first); a name
    listed after one holding posts holds them too (副市长王刚、李明).

    Each list is walked once, however many of its names were already found."""
    found = {m.start for m in mentions}
    given_posts: set[int] = set()  # names a post holder's walk reached: each is walked once
    for mention in mentions:
        if clean.startswith("、", mention.end) and mention.titles:
            # 副市长王刚、李明: a bare name listed after a post holder holds the same post,
            # even when another rule found it already (李明出席).
            for sibling in _listed_names(clean, mention.end + 1, breaks, guess=True):
                if sibling.start in given_posts:
                    break
                given_posts.add(sibling.start)
                found.add(sibling.start)
                yield _Mention(sibling.start, sibling.end, sibling.name, list(mention.titles))
        elif clean.startswith("、", mention.end) and mention.end + 1 not in found:
            for sibling in _listed_names(clean, mention.end + 1, breaks, guess=True):
                if sibling.start in found:
                    break
                found.add(sibling.start)
                yield sibling
        if mention.start > 0 and clean[mention.start - 1] == "、":
            for length in (2, 3, 4):
                pos = mention.start - 1 - length
                if pos >= 0 and (pos == 0 or not is_han(clean[pos - 1])):
                    if pos not in found and _read_name(clean, pos, guess=False) == length:
                        found.add(pos)
                        yield _Mention(pos, pos + length, clean[pos : pos + length])
                    break


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Start of every non-overlapping occurrence of ``word`` in ``text``."""
    start = text.find(word)
    while start != -1:
        yield start
        start = text.find(word, start + len(word))


def _all_occurrences(clean: str, names: list[str]) -> Iterator[_Mention]:
    """Every occurrence of a found name that no longer found name covers, longest names first."""
    covered = bytearray(len(clean))
    # Longest first; among names of one length the one written first (the same every run).
    for name in sorted(set(names), key=lambda name: (-len(name), clean.find(name), name)):
        for start in _occurrences(clean, name):
            end = start + len(name)
            if any(covered[start:end]):
                continue
            # 李明 inside 李明舜: the dictionary reads a longer name here, not the same person.
            if not _ends_name(clean, end) and _jieba_name_length(clean, start) > len(name):
                continue
            covered[start:end] = b"\x01" * (end - start)
            yield _Mention(start, end, name)


def _add_post(known: list[Title], title: Title) -> None:
    """Add a post to a person's posts unless it is one already known: the same post written
    with less of its body (县长 after 凤凰县人民政府县长, 县人民政府副县长 after 霍邱县人民政府副县长)
    merges into it, and one written with more replaces it in place. A description of a
    person (村民, 原告) is no post."""
    ordinary, parties = _descriptions()
    if title.title in ordinary or title.title in parties:
        return
    for number, held in enumerate(known):
        if held.title != title.title:
            continue
        if title.org is None or (held.org or "").endswith(title.org):
            return
        if held.org is None or title.org.endswith(held.org):
            known[number] = title
            return
    known.append(title)


# jieba tags that no part of a name carries: verbs, adjectives, adverbs, pronouns,
# conjunctions, prepositions, particles, numerals.
_NOT_NAME_PART_TAGS = frozenset("vadrcpum")


def _is_leaders_group(clean: str, end: int) -> bool:
    """The list holding the name that ends at ``end`` closes with 等 and a word for leaders."""
    close = regex.compile(r"(?:、\p{Han}{2,4})*等").match(clean, end)
    return close is not None and clean.startswith(_words("person_list_heads.txt"), close.end())


def _short_forms(posts: dict[str, list[Title]]) -> dict[str, str]:
    """The parts of dotted names (阿不都热依木·买买提 -> 阿不都热依木, 买买提) that may stand
    for the whole name, each for the first holder of posts among the names that share it,
    else the first name; a part that is a found name itself or a verb, adjective or function
    word stands for no one (the dictionary knows 买买提 as a noun, which is no bar)."""
    forms: dict[str, str] = {}
    dotted = [name for name in posts if _DOT.search(name)]
    for name in sorted(dotted, key=lambda n: not posts[n]):
        for part in _DOT.split(name):
            # A part found on its own without posts (叶尔保力说) is the same person's short form.
            if len(part) >= 2 and not posts.get(part) and word_tag(part)[:1] not in _NOT_NAME_PART_TAGS:
                forms.setdefault(part, name)
    return forms


def _role(titles: list[Title]) -> Role:
    """The first post decides: a public post makes an official, an occupation or an
    enterprise post does not."""
    if not titles:
        return "other"
    first = titles[0]
    # 县烟草公司经理, 市气象台台长, 日报社社长: any post in a state monopoly or public institution.
    if first.org and any(word in first.org for word in _words("person_public_bodies.txt")):
        return "official"
    enterprise = _words("person_enterprise_suffixes.txt")
    # A post split after a party or congress body (市人大 + 代表) counts as the whole post.
    written = _longest_title_ending((first.org or "") + (first.title or ""))
    public = first.title in _posts() or written in _posts() or first.title in _small_words()["lone_posts"]
    if public and not (first.org and first.org.endswith(enterprise)):
        return "official"
    if first.title is None and first.org and not first.org.endswith(enterprise):
        return "official"
    return "other"


def _in_own_script(doc: Document, title: Title) -> Title:
    """A post as the article writes it (市財政局局長 on a Traditional page); rules read it folded."""
    org = doc.in_own_script(title.org) if title.org else title.org
    post = doc.in_own_script(title.title) if title.title else title.title
    return title if (org, post) == (title.org, title.title) else Title(org=org, title=post)


def _org_full(titles: list[Title], ctx: ArticleContext) -> str | None:
    """The first written body expanded with the home place: ``市住建局`` -> ``吕梁市住房和城乡建设局``."""
    home = ctx.home_place
    org = next((t.org for t in titles if t.org), None)
    if home is None or org is None:
        return None
    table = read_toml("org_abbreviations.toml")
    # 浏阳市人民政府 in a Liuyang article: the body already names the home place.
    named = [home.name] if org.startswith(home.name) and len(org) > len(home.name) else []
    levels = [level for level, endings in table["levels"].items() if home.name.endswith(tuple(endings))]
    for written in [*named, *sorted(levels, key=len, reverse=True)]:
        if org.startswith(written):
            body = org[len(written) :]
            template = table["bodies"].get(body, "{place}" + body)
            return str(template).format(place=home.name)
    return None


@dataclass(frozen=True, slots=True)
class _Article:
    """What the mention rules read: the document, its clean view, posts and bodies, line breaks."""

    doc: Document
    clean: str
    vocabulary: _Vocabulary
    breaks: frozenset[int]


# The rules that find a mention of a person, as values: name, trigger, production. Their posts
# are gathered in this order; names listed next to a found one are read after them.
MENTION_RULES: tuple[Rule[_Article, Iterable[_Mention]], ...] = (
    Rule(
        "lone_post",
        "a post standing alone at a clause's start (person_words.toml lone_posts), then a name",
        lambda a: _lone_post_mentions(a.doc),
    ),
    Rule(
        "chain",
        "a post (titles.txt) or a body ending right before a name",
        lambda a: _chain_mentions(a.doc, a.vocabulary),
    ),
    Rule(
        "body_name_post",
        "a body ending (person_org_suffixes.txt), a name, a post",
        lambda a: _body_name_post_mentions(a.clean, a.vocabulary, a.breaks),
    ),
    Rule("name_post", "a name opening a clause, then a post", lambda a: _name_post_mentions(a.doc, a.vocabulary)),
    Rule("speaker", "a speech verb (person_speech_verbs.txt) after a name", lambda a: _speaker_mentions(a.doc)),
    Rule(
        "leader",
        "a word written after leaders' names (person_posts_after_name.txt)",
        lambda a: _leader_mentions(a.clean),
    ),
    Rule("aged", "an age before a name (65岁的)", lambda a: _aged_mentions(a.clean)),
    Rule("caption", "a name before its place in a photo (（左二）)", lambda a: _caption_mentions(a.doc)),
    Rule(
        "visit",
        "a name opening a clause, a word of going and a visit's work (person_visit_words.toml)",
        lambda a: _visit_mentions(a.doc),
    ),
    Rule(
        "group",
        "a 、-list of names before 等 and a word for leaders or a group (person_group_words.txt)",
        lambda a: _group_mentions(a.doc),
    ),
    Rule("roll", "the lines of names after a roll's heading (…名单：)", lambda a: _roll_mentions(a.doc)),
    Rule(
        "roster",
        "lines of a post and names under a line that is one body (person_org_suffixes.txt)",
        lambda a: _roster_mentions(a.doc, a.vocabulary),
    ),
    Rule("label", "a name labelling a speaker's words at a line start (吴金花：)", lambda a: _label_mentions(a.doc)),
    Rule("contact", "a contact head (person_contact_heads.txt)", lambda a: _contact_mentions(a.doc)),
    Rule(
        "post_after",
        "a bracket or a post verb (person_post_verbs.txt) after a name",
        lambda a: _named_with_post_after(a.doc),
    ),
    Rule("notice", "a notice verb (person_notice_verbs.txt)", lambda a: _notice_mentions(a.clean)),
    Rule("cv", "a name before its sex in a CV (王五，男，)", lambda a: _cv_mentions(a.doc)),
    Rule("cv_form", "a name on the line above 性别：男 in a CV form", lambda a: _cv_form_mentions(a.doc)),
    Rule(
        "list_head",
        "a word for leaders (person_list_heads.txt) before a 、-list",
        lambda a: _list_head_mentions(a.doc),
    ),
)


def _used_as_word(article: _Article, name: str) -> bool:
    """A "name" without a Han surname that the article also writes inside a clause, after a
    character that ends no post (河长巡河 … 每周巡河): a word, not a name. Known Tibetan and
    Mongolian parts and dotted names are left alone."""
    clean = article.clean
    if surname_length(name) or _DOT.search(name) or _minority_name_length(name, 0) == len(name):
        return False
    return any(
        start > 0
        and is_han(clean[start - 1])
        and clean[start - 1] not in "的、"
        and start not in article.vocabulary.post_ends
        and not article.doc.joined_at(start)
        for start in _occurrences(clean, name)
    )


def find(doc: Document, ctx: ArticleContext) -> list[Candidate]:
    """Every person the article names in a byline or with context that says so, with the rule."""
    _jieba_name_length.cache_clear()
    clean = doc.clean
    reporters = bylines.find(doc)
    records: list[Candidate] = []
    for byline in reporters:
        start, end, text = doc.span(byline.start, byline.end)
        person = Person(doc_id=ctx.doc_id, start=start, end=end, text=text, name=byline.name, role="reporter")
        records.append(Candidate(person, "person.byline"))
    article = _Article(doc, clean, _vocabulary(clean), doc.line_breaks)
    seeds: list[_Mention] = []
    for rule in MENTION_RULES:
        for mention in rule.produce(article) or ():
            mention.rule = rule.name
            seeds.append(mention)
    # A list may stand at another mention of a found name (表彰名单：曾国华、罗小燕、…).
    seed_starts = {m.start for m in seeds}
    elsewhere = [
        _Mention(start, start + len(name), name)
        for name in {m.name for m in seeds}
        for start in _occurrences(clean, name)
        if start not in seed_starts and (clean.startswith("、", start + len(name)) or clean[start - 1 : start] == "、")
    ]
    for sibling in list(_list_siblings(clean, [*seeds, *elsewhere], doc.line_breaks)):
        sibling.rule = "list_sibling"
        seeds.append(sibling)
    words = {name for name in {m.name for m in seeds} if _used_as_word(article, name)}
    seeds = [m for m in seeds if m.name not in words]
    posts: dict[str, list[Title]] = {}
    found_by: dict[int, str] = {}  # the rule of the first mention found at each start
    found_names = sorted({m.name for m in seeds}, key=len, reverse=True)
    for mention in sorted(seeds, key=lambda m: m.start):
        # A name cut short here (沙马拉|则介绍) whose whole is found elsewhere (执行法官：沙马拉则)
        # gives its posts to the whole name.
        whole = next((n for n in found_names if clean.startswith(n, mention.start)), mention.name)
        known = posts.setdefault(whole, [])
        for title in [*mention.titles, *_posts_after(clean, mention.end, doc.line_breaks)]:
            _add_post(known, title)
        found_by.setdefault(mention.start, mention.rule)
    leader_names = {m.name for m in seeds if m.rule == "list_head"}
    leader_names |= {m.name for m in seeds if m.rule == "group" and _is_leaders_group(clean, m.end)}
    short_forms = _short_forms(posts)
    for short, full in short_forms.items():
        if not posts.get(short):
            posts[short] = posts[full]

    for mention in _all_occurrences(clean, list(posts)):
        # A byline already holds this span (a reporter's name repeated in the text is left alone).
        if any(r.start < mention.end and mention.start < r.end for r in reporters):
            continue
        # A part of a dotted name stands for the person only as a clause's subject (买买提要求,
        # 阿不都外力家种了12亩, 图尔贡当庭支付: a dictionary word opens the predicate).
        if mention.name in short_forms and not (
            (_clause_starts(doc, mention.start) or clean[mention.start - 1] == "的")
            and (
                _ends_name(clean, mention.end)
                or _verb_at(clean, mention.end)
                or clean[mention.end : mention.end + 1] in _dotted_name_stops()
                or _word_opens_at(clean, mention.end)
            )
        ):
            continue
        start, end, text = doc.span(mention.start, mention.end)
        titles = posts[mention.name]
        role = _role(titles)
        if not titles and mention.name in leader_names:
            role = "official"
        person = Person(
            doc_id=ctx.doc_id,
            start=start,
            end=end,
            text=text,
            name=_SPACES.sub("", text),
            role=role,
            titles=[_in_own_script(doc, t) for t in titles],
            org_full=_org_full(titles, ctx),
        )
        # Another occurrence of a name found elsewhere carries that person's posts.
        again = "short_form" if mention.name in short_forms else "same_name"
        records.append(Candidate(person, f"person.{found_by.get(mention.start, again)}"))
    return records
