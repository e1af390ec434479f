"""Reading a personal name at a position: a Han surname and a given name that ends where the
name ends (a word after it, a post, a verb), jieba's reading only around the name, and names
without a Han surname (dotted Uyghur and Kazakh names, Tibetan, Mongolian and Yi names)
where the context says a name stands, as :data:`SURNAMED_READERS` and
:data:`UNSURNAMED_READERS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from . import gazetteer
from .names import (
    DOTTED_NAME,
    DOTTED_PARTS,
    EVERYDAY_NAME_TAGGED,
    LONGEST_NAME,
    first_everyday_word,
    hmm_tagged_words,
    is_common_word,
    is_dotted_phrase,
    is_familiar_form,
    is_name_shape,
    is_word_phrase,
    polite_starts,
    reads_as_adverb_before_verb,
    surname_length,
    tagged_words,
    word_frequency,
    word_tag,
)
from .person_words import (
    COMRADE,
    follower_starts,
    post_verbs,
    single_char_followers,
    small_words,
    speech_verb_pattern,
    title_ends,
    title_pattern,
    title_starts,
    word_list,
)
from .resources import alternation, jieba_tokenizer, read_toml, words_pattern
from .rules import Rule, Veto
from .text import is_han

HAN_RUN = regex.compile(r"\p{Han}+")


# What every manner word (:func:`manner_at`) ends in.
# 着 as Traditional pages write it too (笑著說, 念叨著): folding leaves 著, a simplified character of
# its own (著名), so the checks of the particle after a verb take both.
DURATIVE = ("着", "著")
MANNER_LAST = "地着著"


def manner_at(clean: str, start: int, end: int) -> bool:
    """``clean[start:end]`` is a manner word between a speaker's name and the verb (张建华高兴地说,
    王秀英笑着说): two characters and 地, one and 着, or
    a set phrase of the dictionary and 地 (深有感触地: read whole only where the dictionary knows it,
    so that no name is cut before it)."""
    size = end - start
    if size < 2 or clean[end - 1] not in MANNER_LAST or not all(map(is_han, clean[start:end])):
        return False
    if clean[end - 1] in DURATIVE:
        return size == 2
    return size == 3 or (size in (4, 5) and is_common_word(clean[start : end - 1]))


def manner_then_speech(clean: str, pos: int) -> bool:
    """A manner word at ``pos``, then a speech verb (高兴地说, 深有感触地说, 接着说)."""
    return any(
        manner_at(clean, pos, pos + size) and speech_verb_pattern().match(clean, pos + size) is not None
        for size in (2, 3, 4, 5)
        if clean[pos + size - 1 : pos + size] in ("地", *DURATIVE)
    )


# Marks that close a clause or a listed item: no word of one character that needs words after it
# stands before one.
_ITEM_CLOSERS = frozenset("、，。；：！？,;:!?\n")


def _follower_at(clean: str, pos: int) -> bool:
    """A word that follows names starts at ``pos``, not a one-character one that needs words after
    it where a list comma or a stop comes next (赵明正、: 正 is the name's); or one that follows
    names only before a stop is followed by one (王其周时，)."""
    stop_after = clean[pos + 1 : pos + 2] in _ITEM_CLOSERS
    if not follower_starts().at(clean, pos):
        return stop_after and clean[pos] in small_words()["followers_before_stops"]
    return not stop_after or clean[pos] in small_words()["clause_closing_followers"]


def ends_name(clean: str, pos: int) -> bool:
    """A name may end at ``pos``: the text ends, a non-Han character, or a word that follows names."""
    return (
        pos >= len(clean)
        or not is_han(clean[pos])
        or _follower_at(clean, pos)
        # A manner word ends in 地 or 着: where neither stands, none is looked for.
        or (
            ("地" in clean[pos + 2 : pos + 5] or clean[pos + 1 : pos + 2] in DURATIVE)
            and manner_then_speech(clean, pos)
        )
    )


# jieba's HMM is the costliest step of reading a name, and the same position is asked again
# within one article (by a mention rule, then by the pass over every occurrence of the name):
# the readings are kept while one article is read (find clears them).
@lru_cache(maxsize=256)
def jieba_name_length(clean: str, pos: int) -> int:
    """Length of a personal name jieba reads at ``pos`` in a small window, or 0."""
    word, tag = next(hmm_tagged_words(clean[pos : pos + 8]), ("", ""))
    return len(word) if tag.startswith("nr") and 2 <= len(word) <= 4 else 0


def unsurnamed_name_length(clean: str, pos: int) -> int:
    """A Tibetan or Mongolian name (格桑卓玛, 乌云毕力格) after a post: two to five characters
    that end where names end and that jieba reads as personal names only."""
    # Most non-names open with a dictionary word (表示, 出席): skip the costly cut for them.
    if is_common_word(clean[pos : pos + 2]):
        return 0
    # A name is Han characters only: the candidate stops at the first other character.
    han = HAN_RUN.match(clean, pos, pos + 5)
    longest = han.end() - pos if han else 0
    ends = [length for length in range(2, longest + 1) if ends_name(clean, pos + length)]
    if not ends:
        return 0
    window = clean[pos : pos + ends[-1]]
    # The dictionary-only cut is cheap; the HMM regroups only runs of single characters, so a
    # dictionary word that is no name before the first possible end rules the reading out.
    covered = 0
    for word, tag in tagged_words(window):
        if covered >= ends[0]:
            break
        if len(word) > 1 and not tag.startswith("nr"):
            return 0
        covered += len(word)
    # One cut of the longest window; the name is the shortest run of name pieces at its front
    # that ends where names end.
    covered = 0
    for word, tag in hmm_tagged_words(window):
        if not tag.startswith("nr"):
            return 0
        covered += len(word)
        if covered in ends:
            return covered
    return 0


# The shortest name without a Han surname read from the context alone, the shortest that is read
# only before a word that follows names (达布希拉图介绍), and the longest (阿拉腾其其格表示).
_SHORTEST_FROM_CONTEXT = 2
_LONG_UNSURNAMED = 5
_LONGEST_FROM_CONTEXT = 6


# jieba tags that no part of a name carries: verbs, adjectives, adverbs, pronouns,
# conjunctions, prepositions, particles, numerals.
NOT_NAME_PART_TAGS = frozenset("vadrcpum")


def context_name_length(clean: str, pos: int) -> int:
    """A name with no Han surname where the context says one stands (院长更求文德表示, 原告扎西尼玛与):
    the shortest run of two to four Chinese characters that ends where names end (else before a
    verb), does not open
    with a word that follows names, and holds no dictionary word but names and places."""
    if ends_name(clean, pos):
        return 0
    han = HAN_RUN.match(clean, pos, pos + _LONGEST_FROM_CONTEXT)
    run = han.end() - pos if han else 0
    longest = min(run, _LONG_UNSURNAMED - 1)
    # A name ends where names end, or before the verb of its clause (被执行人阿苏日哈拖欠…);
    # a Mongolian or Yi name of five characters only where names end (达布希拉图介绍, 曲木阿各莫，),
    # of six only before a word that follows names (额尔德尼其其格表示: two names of three in a
    # roster line end at its end, 赵德华　钱小燕).
    length = (
        next((n for n in range(2, longest + 1) if ends_name(clean, pos + n)), 0)
        or next((n for n in range(2, longest + 1) if verb_at(clean, pos + n)), 0)
        or (_LONG_UNSURNAMED if run >= _LONG_UNSURNAMED and ends_name(clean, pos + _LONG_UNSURNAMED) else 0)
        or (run if run == _LONGEST_FROM_CONTEXT and _six_end(clean, pos, pos + run) else 0)
    )
    # 村主任叫|扎西达娃: known parts after one character more: that character is no part of the name.
    if length > _SHORTEST_FROM_CONTEXT and known_parts_length(clean, pos + 1) >= length - 1:
        return 0
    # 被告仅归|还: a name does not end inside a word that runs on past it (归还), unless a speech
    # verb follows (朝克图|说: 图说 is no word here).
    if (
        length
        and is_common_word(clean[pos + length - 1 : pos + length + 1])
        and not speech_verb_pattern().match(clean, pos + length)
        and clean[pos + length + 1 : pos + length + 2] not in DURATIVE  # 拉毛|指着: the verb takes 着
    ):
        return 0
    candidate = clean[pos : pos + length]
    # 村民见|陈长鸿都会说: a verb of one character, then a full Han name: the verb and its object.
    if length > _FULL_HAN_NAME and _verb_before_han_name(candidate):
        return 0
    # The dictionary knows some names of three or four characters as proper nouns (朝克图: nz;
    # it tags two-character words such as 汇报 so too).
    if not length or (is_common_word(candidate) and (length < 3 or word_tag(candidate) != "nz")):
        return 0
    # 干警|迅速行动: a phrase the dictionary lists as a proper noun that opens with an adverb or a
    # verb is no name.
    if word_tag(candidate) == "nz" and word_tag(candidate[:2])[:1] in NOT_NAME_PART_TAGS:
        return 0
    if not is_name_shape(candidate, unsurnamed=True, long=length >= _LONG_UNSURNAMED):
        return 0
    # (A known part of a Tibetan or Mongolian name is no such word: 舍登|扎布, which jieba tags a verb.)
    if any(
        len(word) > 1 and not tag.startswith(("nr", "ns", "nz")) and word not in _minority_part_set()
        for word, tag in tagged_words(candidate)
    ):
        return 0
    return length


def _six_end(clean: str, pos: int, end: int) -> bool:
    """A name of six characters from ``pos`` ends at ``end``: a word that follows names, or a list
    comma (党委书记好毕斯嘎拉图、苏木达孟和: the list's items are set apart), but not after two full
    Han names run together (赵德华钱小燕、)."""
    if follower_starts().at(clean, end):
        return True
    if not clean.startswith("、", end):
        return False
    halves = (clean[pos : pos + _FULL_HAN_NAME], clean[pos + _FULL_HAN_NAME : end])
    return not all(surname_length(half) == 1 and is_name_shape(half, dictionary_veto=False) for half in halves)


# A full Han name: a surname and a given name of two.
_FULL_HAN_NAME = 3


def _verb_before_han_name(candidate: str) -> bool:
    """``candidate`` opens with a verb of one character and a full Han name of three (见|陈长鸿)."""
    han = candidate[1 : 1 + _FULL_HAN_NAME]
    return (
        word_tag(candidate[:1]).startswith("v")
        and surname_length(han) == 1
        and len(han) == _FULL_HAN_NAME
        and is_name_shape(han)
    )


# jieba's tags of a place name and of a place word (边疆, 边陲).
_PLACE_TAGS = frozenset(("ns", "s"))
# The last characters of a place word that names a side or spot of something (楼上, 江边, 车内).
_LOCATIVE_ENDINGS = tuple("上下内外里中边前后口底旁沿头空")


def _is_name_here(candidate: str, *, long: bool = False) -> bool:
    """Name-shaped, and neither a post (局长任班长: 任 is a verb here), a village or town (刘家村党支部书记,
    到王集镇调研) nor the start of a party body (镇党委副书记)."""
    # After a post (``long``) a full name the dictionary also knows as a place (马建国) or a
    # place word (主任边疆主持: not a place's side, 楼上, 江边) is a name.
    shaped = is_name_shape(candidate, long=long) or (
        long
        and word_tag(candidate) in _PLACE_TAGS
        and not candidate.endswith(_LOCATIVE_ENDINGS)
        and not _names_province(candidate)
        and is_name_shape(candidate, dictionary_veto=False)
    )
    return (
        shaped
        and not title_ends().at(candidate, len(candidate))
        and not candidate.endswith(small_words()["not_name_endings"])
        and candidate[:2] not in _party_body_openings()
    )


def _names_province(candidate: str) -> bool:
    """A province's name or short form (县委书记 江西3人入选: the province, no name after the post)."""
    return any(form.entry.level == "province" for form in gazetteer.load().forms.get(candidate, ()))


@cache
def _party_body_openings() -> frozenset[str]:
    """The first two characters of each party body (党委, 党组): no name starts with them."""
    return frozenset(body[:2] for body in word_list("person_party_bodies.txt"))


@cache
def _minority_part_set() -> frozenset[str]:
    return frozenset(word_list("person_minority_name_parts.txt"))


def opens_with_known_part(clean: str, pos: int) -> bool:
    """A known Tibetan or Mongolian part of two or three characters opens ``clean`` at ``pos``
    (巴图|巴特尔, 次仁|多吉): two set lookups."""
    parts = _minority_part_set()
    return clean[pos : pos + 2] in parts or clean[pos : pos + 3] in parts


@cache
def minority_first_chars() -> frozenset[str]:
    """The characters a Tibetan, Mongolian or Yi name may open with (known parts and Yi clans)."""
    return frozenset(word[0] for word in (*_minority_part_set(), *_yi_clans()))


@cache
def _yi_clans() -> frozenset[str]:
    return frozenset(word_list("person_yi_clans.txt"))


# A Yi name is its clan and a given name of two characters.
_YI_NAME = 4


def yi_name_length(clean: str, pos: int) -> int:
    """A Yi name at ``pos`` (吉克尔布, 沙马日火, 阿西拉则): a clan of the table
    (person_yi_clans.txt) and a given name of two characters that ends where names end, before
    的 or where no word runs across its end; 4, else 0. A clan that opens with a common Han
    surname yields where a Han name of three ends (马海波说)."""
    if clean[pos : pos + 2] not in _yi_clans():
        return 0
    end = pos + _YI_NAME
    # The clan may hold a particle (阿的); the given name may not, nor open with a word of two
    # characters that follows names (省作协主席阿来|一行: the clan is all the name there is).
    if (
        not HAN_RUN.fullmatch(clean, pos, end)
        or NOT_IN_NAME.search(clean, pos + 2, end)
        or (follower_starts().at(clean, pos + 2) and clean[pos + 2] not in single_char_followers())
    ):
        return 0
    # 沙马日火主动履行, 吉克尔布接过: no word runs across the name's end.
    if not (ends_name(clean, end) or clean.startswith("的", end) or not _word_across(clean, end)):
        return 0
    # 马海波说，: the Han name ends before a follower, the Yi reading only at punctuation; 马海日作表示:
    # a word that follows names comes after the Yi reading.
    if (
        clean[pos : pos + 2] in small_words()["yi_clans_like_han_names"]
        and ends_name(clean, end - 1)
        and not (is_han(clean[end : end + 1] or "。") and follower_starts().at(clean, end))
    ):
        return 0
    return _YI_NAME


def _word_across(clean: str, end: int) -> bool:
    """A dictionary word runs across ``end`` (沙马日火|主动: 火主; 阿尔登步|履矫健: 步履, an everyday word
    the dictionary tags as a name)."""
    word = clean[end - 1 : end + 1]
    return is_common_word(word) or (word_tag(word).startswith("nr") and word_frequency(word) >= EVERYDAY_NAME_TAGGED)


def minority_name_length(clean: str, pos: int) -> int:
    """Length of a name without a Han surname at ``pos`` read from what it is made of: known
    parts or a Yi clan (:func:`known_parts_length`), else Mongolian syllables
    (:func:`mongolian_name_length`); or 0."""
    return known_parts_length(clean, pos) or mongolian_name_length(clean, pos)


def known_parts_length(clean: str, pos: int) -> int:
    """Length of a Tibetan or Mongolian name made of one to three known parts at ``pos``
    (旺堆, 扎西次仁, 其美多吉) that ends where names end, or of a Yi name (:func:`yi_name_length`),
    or 0. A lone part is a name only
    where a post or a party stands before it (the callers' context), and the dictionary may
    know it as a word (旺堆). Where no word that follows names ends the parts, the name ends
    before the verb that opens the rest of the clause (格桑卓嘎主审, 被告扎西租用…)."""
    yi = yi_name_length(clean, pos)
    if yi:
        return yi
    parts = _minority_part_set()
    firsts = minority_first_chars()
    end = pos
    count = 0
    for _ in range(3):
        # The longest known part at ``end`` (parts are one to four characters long: 吉日嘎拉), looked
        # up only where a part's first character stands (most positions asked start none).
        part = (
            next((piece for n in (4, 3, 2, 1) if (piece := clean[end : end + n]) in parts), "")
            if clean[end : end + 1] in firsts
            else ""
        )
        if not part:
            break
        end += len(part)
        count += 1
        # A transliterated name ends before a character no such name holds (扎西顿珠|家).
        if end - pos >= 2 and (
            ends_name(clean, end) or clean.startswith("的", end) or clean[end : end + 1] in dotted_name_stops()
        ):
            return end - pos
    if end - pos >= 2 and verb_at(clean, end):
        return end - pos
    # 尼玛扎西均为, 昂文多杰多次: two parts or more end where no word runs across the end (the
    # dictionary, a lookup in a large table, asked last).
    if (
        end - pos >= 4
        and count >= 2
        and is_han(clean[end : end + 1] or "。")
        and not is_common_word(clean[end - 1 : end + 1])
    ):
        return end - pos
    return 0


# A Dai name is its opener and a given name of one or two characters.
_DAI_NAME = (2, 3)


@cache
def _dai_openers() -> frozenset[str]:
    return frozenset(small_words()["dai_name_openers"])


def dai_name_length(clean: str, pos: int) -> int:
    """A Dai name at ``pos`` (岩罕, 玉儿甩, 咪香: person_words.toml dai_name_openers): an opener and a
    given name of one or two characters, the shortest that ends where names end or before an
    adverb that follows names (依莎|都加入), else before a verb; neither the opener and the next
    character nor the whole a word of the dictionary (玉米, 依法, 康复, 岩石, 玉溪市, 咪咪); or 0.
    The callers ask it only where the context says a name stands."""
    if clean[pos : pos + 1] not in _dai_openers() or word_frequency(clean[pos : pos + 2]):
        return 0
    lengths = [
        n for n in _DAI_NAME if HAN_RUN.fullmatch(clean, pos, pos + n) and not NOT_IN_NAME.search(clean, pos, pos + n)
    ]
    adverbs = small_words()["adverbs_after_names"]
    length = next(
        (n for n in lengths if ends_name(clean, pos + n) or clean[pos + n : pos + n + 1] in adverbs), 0
    ) or next((n for n in lengths if verb_at(clean, pos + n)), 0)
    return 0 if not length or word_frequency(clean[pos : pos + length]) else length


# A Mongolian name read from its syllables alone: four to seven characters (shorter ones are
# read from known parts or as Han names; 额尔登毕力格图 has seven).
_MONGOLIAN_SPAN = (4, 7)


@cache
def _mongolian_syllables() -> frozenset[str]:
    return frozenset(word_list("person_mongolian_syllables.txt"))


@cache
def _foreign_places() -> frozenset[str]:
    """Foreign countries and cities written in transliteration (place_foreign_names.txt)."""
    return frozenset(word_list("place_foreign_names.txt"))


def is_foreign_place(name: str) -> bool:
    """``name`` is a foreign country or city (阿布扎比, 吉尔吉斯, 哈萨克斯坦): the subject of 表示 or a
    post's owner there, no person, however a reader took it."""
    return name in _foreign_places()


@cache
def _mongolian_run() -> re.Pattern[str]:
    """Four to seven characters of Mongolian syllables: one C call where most positions fail."""
    shortest, longest = _MONGOLIAN_SPAN
    return re.compile(f"[{''.join(sorted(_mongolian_syllables()))}]{{{shortest},{longest}}}")


def syllables_end_at(clean: str, end: int) -> bool:
    """Four characters of Mongolian syllables end at ``end``, as they do in every name
    :func:`mongolian_name_length` reads that ends there: one C call before reading any."""
    shortest = _MONGOLIAN_SPAN[0]
    return end >= shortest and _mongolian_run().fullmatch(clean, end - shortest, end) is not None


def mongolian_name_length(clean: str, pos: int) -> int:
    """A Mongolian name no table knows the parts of (阿拉坦仓布拉主持, 额尔登毕力格图表示): the
    shortest run of characters that write Mongolian syllables (person_mongolian_syllables.txt)
    ending where names end, if it has four to seven characters, holds no post (嘎查达) and is no
    place (乌兰察布, 哈萨克斯坦); else 0 (and 0 before the text, ``pos < 0``: ``match`` would read
    that as 0).
    The shortest end keeps the next word out (巴特尔都来了: 都 follows the name)."""
    run = _mongolian_run().match(clean, pos) if pos >= 0 else None
    if run is None:
        return 0
    shortest = _MONGOLIAN_SPAN[0]
    if any(ends_name(clean, at) for at in range(pos + 2, pos + shortest)):
        return 0
    end = next((at for at in range(pos + shortest, run.end() + 1) if ends_name(clean, at)), None)
    if end is None:
        return 0
    name = clean[pos:end]
    # 嘎查达|朝鲁门, 苏木达|毕力格图: a post written in the same syllables opens no name.
    if any(title_ends().at(clean, at) for at in range(pos + 2, end)):
        return 0
    place = word_tag(name) in _PLACE_TAGS or gazetteer.load().forms.get(name) or is_foreign_place(name)
    return 0 if place else end - pos


# Prepositions that open a clause's predicate right after its subject (蓝玉凤在审议时建议).
CLAUSE_PREPOSITIONS = ("在", "对", "就", "向", "从")


# Particles after a verb of one character (种了, 看着, 去过): the verb opens a predicate.
ASPECT_PARTICLES = frozenset("了着著过")


# jieba tags of what opens a clause's predicate: verbs, adverbs, adverbial adjectives.
_PREDICATE_TAGS = ("v", "d", "ad")


def _stranded_before_verb(clean: str, pos: int, length: int) -> int:
    """1 where jieba's reading of a two-character name at ``pos`` leaves one character alone before
    the verb of the clause (镇党委书记高明|华|算起了账), or before a manner word (村民刘海|彦|忙碌地采收,
    刘海|彦|笑着说): the character is the name's last, unless it is a word of its own that no name
    holds (张伟|也|来到: an adverb, a pronoun, a conjunction); else 0."""
    end = pos + length
    if (
        length != 2
        or surname_length(clean[pos:end]) != 1
        or not (verb_at(clean, end + 1) or _manner_after(clean, end + 1))
    ):
        return 0
    alone = clean[end : end + 1]
    if word_tag(alone)[:1] in _NOT_NAME_WORD_TAGS or is_common_word(clean[end : end + 2]) or NOT_IN_NAME.match(alone):
        return 0
    return int(_is_name_here(clean[pos : end + 1], long=True))


def _manner_after(clean: str, pos: int) -> bool:
    """A manner word opens the predicate at ``pos`` (忙碌地, 乐呵呵地, 笑着)."""
    return any(
        pos + size <= len(clean) and clean[pos + size - 1] in MANNER_LAST and manner_at(clean, pos, pos + size)
        for size in (2, 3, 4)
    )


# jieba's tag of a plain verb (开, 捐, 送; not a verbal noun or a verb morpheme: 生, 庆).
_VERB_TAG = "v"


def _stranded_before_possessive(clean: str, pos: int, length: int) -> int:
    """1 where jieba's reading of a two-character name at ``pos`` leaves one character alone before
    的 (村民姚光|前|的小院): a name ends where 的 starts, so the character is the name's last, unless it
    is a word of its own that no name holds (他们|的, 王明家|的: the household) or a verb jieba's reading
    left out of the name (超市是村民张华|开|的: the clause's verb); else 0."""
    end = pos + length
    if length != 2 or surname_length(clean[pos:end]) != 1 or not clean.startswith(_POSSESSIVE, end + 1):
        return 0
    alone = clean[end : end + 1]
    if (
        word_tag(alone)[:1] in _NOT_NAME_WORD_TAGS
        or word_tag(alone) == _VERB_TAG
        or NOT_IN_NAME.match(alone)
        or alone in small_words()["household_words"]
        or not is_han(alone)
    ):
        return 0
    return int(_is_name_here(clean[pos : end + 1], long=True))


# jieba's tags of function words (adverbs, pronouns, conjunctions, prepositions, particles,
# numerals): one such character alone is no name's last.
_NOT_NAME_WORD_TAGS = frozenset("drcpum")


# A short predicate, a colon and an opening quotation mark: the speaker's words follow
# (王立新热情推荐：“…”, 李强补充道：“…”).
_QUOTED_SPEECH = regex.compile(r"\p{Han}{1,6}[：:][“\"「]")


def _quoted_speech_at(clean: str, pos: int) -> bool:
    """A predicate opens at ``pos`` (no word runs across it) and ends in a colon and a quotation."""
    return (
        is_common_word(clean[pos : pos + 2])
        and not is_common_word(clean[pos - 1 : pos + 1])
        and _QUOTED_SPEECH.match(clean, pos) is not None
    )


def word_opens_at(clean: str, pos: int) -> bool:
    """A dictionary word of two characters starts at ``pos`` and none runs across it (图尔贡|当庭)."""
    return bool(word_tag(clean[pos : pos + 2])) and not is_common_word(clean[pos - 1 : pos + 1])


def verb_at(clean: str, pos: int) -> bool:
    """A two-character verb or adverb opens the predicate at ``pos`` (提交, 带领, 亲自, 随后), or
    an adverbial the dictionary tags otherwise (第一时间, 多次: person_words.toml predicate_openers).
    The text's end cuts no verb: one character left there (王明座|谈 at the end) is none."""
    word = clean[pos : pos + 2]
    return (len(word) == 2 and word_tag(word).startswith(_PREDICATE_TAGS)) or clean.startswith(
        small_words()["predicate_openers"], pos
    )


# A plain class: the standard library's engine answers each call faster.
DOT = re.compile(r"[·•]")


# A dotted name that ends where the search window ends (before a post written after it).
_DOTTED_BEFORE = regex.compile(rf"(?:{DOTTED_NAME.pattern})\Z")


def dotted_start_before(clean: str, end: int, breaks: frozenset[int]) -> int | None:
    """Where a dotted name ending at ``end`` starts, past a post or a word for people written
    onto it (党员|叶尔保力·努尔兰, 原告|买买提江·…) and past a line break in ``breaks`` (a credit
    line above: 记者 丁志军 / 廷·巴特尔介绍), or None."""
    window = clean[max(0, end - 9) : end]
    if "·" not in window and "•" not in window:  # DOT, by two substring tests: most ends have none
        return None
    dotted = _DOTTED_BEFORE.search(clean, max(0, end - 16), end)
    if dotted is None:
        return None
    start = next((b for b in range(end - 1, dotted.start(), -1) if b in breaks), dotted.start())
    word = title_pattern().match(clean, start)
    if word is not None and not DOT.search(clean, start, word.end()):
        start = word.end()
    dot = DOT.search(clean, start, end)
    if dot is None or clean[start] in "·•":
        return None
    # 调解员|古丽米热·库尔班: words the post pattern does not know open the run too.
    return max(start, first_part_start(clean, dot.start(), breaks) or start)


# The shortest first part of a dotted name read past the words before it (艾力·吾斯曼), and
# how far back the run of Chinese before the dot is cut into words.
_SHORTEST_FIRST_PART = 2
_RUN_BEFORE_DOT = 12
# jieba's tags of pronouns, prepositions, conjunctions and particles: no transliteration.
_FUNCTION_TAGS = frozenset("rpcu")


def _no_transliteration(word: str) -> bool:
    """A word of jieba's cut that no transliterated name holds: a common word of two characters
    or more (调解员, 开拓者), or a particle or function word (的, 他)."""
    if word in small_words()["transliteration_sounds"]:
        return False
    if len(word) > 1:
        return is_common_word(word)
    return bool(NOT_IN_NAME.match(word)) or word_tag(word)[:1] in _FUNCTION_TAGS


def first_part_start(clean: str, dot: int, breaks: frozenset[int]) -> int | None:
    """Where the first part of the dotted name whose dot is at ``dot`` starts. The run of Chinese
    before the dot is cut into words (jieba): the part opens at the run's start or after a word
    no transliteration holds (接过了开拓者|古丽米热·库尔班), no longer than a first part may be,
    and reads past such words at its own start (调解员|古丽米热, 县长|艾力) as long as two
    characters are left (原告|买买提江: 买买提 is a word, but the part's own). The run stops at
    a line break in ``breaks``. None if no such start stands there."""
    low = dot
    while low > max(0, dot - _RUN_BEFORE_DOT) and is_han(clean[low - 1]) and low not in breaks:
        low -= 1
    words = list(jieba_tokenizer().cut(clean[low:dot], HMM=False))
    # 今年33岁|的|艾山江·…: the first word of a run that a number opens is its unit, no sound of a name.
    counted = low > 0 and clean[low - 1].isdigit() and bool(words) and word_tag(words[0])[:1] in _UNIT_TAGS
    start = low
    for k, word in enumerate(words):
        if dot - start <= DOTTED_PARTS[0] and (
            (k == 0 and not counted) or (k > 0 and _no_transliteration(words[k - 1])) or (k == 1 and counted)
        ):
            break
        start += len(word)
    else:
        return None
    for j, word in enumerate(words[k:], k):
        if (
            not (_no_transliteration(word) or _verb_after_adverb(words, j) or _clause_lead(words, j))
            or dot - start - len(word) < _SHORTEST_FIRST_PART
        ):
            break
        start += len(word)
    return start if dot - start >= _SHORTEST_FIRST_PART else None


# jieba's tags of a count's unit or classifier after a number (岁, 名, 个).
_UNIT_TAGS = ("m", "q")


def _clause_lead(words: list[str], at: int) -> bool:
    """``words[at]`` opens the clause before a dotted name, no sound of it: a character no
    transliteration holds (就|该说说, 又|找到了), an adverb of one character before a verb (再|看), or a
    verb of one character after a modal (该|说) or doubled (说|说)."""
    word = words[at]
    if len(word) != 1:
        return False
    if word in dotted_name_stops():
        return True
    # 再|看: an adverb before a verb or a modal (not 依 of 伙同|依布拉音, before a sound of the name).
    if word_tag(word) == _ADVERB_TAG:
        return at + 1 < len(words) and word_tag(words[at + 1])[:1] in ("v", "r")
    return word_tag(word) == _VERB_TAG and at > 0 and (word_tag(words[at - 1]) == "r" or words[at - 1] == word)


_ADVERB_TAG = "d"


def _verb_after_adverb(words: list[str], at: int) -> bool:
    """``words[at]`` is a verb of one character after an adverb (就不能不|说|艾山江·…, 也|提): the
    clause's verb, no sound of the name it takes as its object."""
    return at > 0 and len(words[at]) == 1 and word_tag(words[at]) == _VERB_TAG and word_tag(words[at - 1]) == "d"


# Conjunctions that join the last item of a list to the others (张建章、陈世法和许全堂).
LIST_CONJUNCTIONS = ("和", "与", "及")

# Conjunctions that join two names or phrases: no body ends with one (住房和城乡建设局 holds 和
# inside), and one before 同志 or a stop is a name's last character (徐正和同志).
CONJUNCTIONS = (*LIST_CONJUNCTIONS, "同")

# A count of people (两位, 3名, 五人, 等100名: a notice appoints jurors by the hundred): its
# numeral, then its classifier.
PEOPLE_COUNT_NUMERAL = r"(?:\d{1,4}|[一两二三四五六七八九十百千零]{1,5})"
PEOPLE_COUNT = rf"{PEOPLE_COUNT_NUMERAL}(?:名|位|人)"
_PEOPLE_COUNT = regex.compile(PEOPLE_COUNT)


# Particles that never stand inside a name (names.py keeps nearly the same set for given
# names); 那 is no particle in a transliterated name (哈那提, 那仁满都拉).
NOT_IN_NAME = regex.compile(r"[的地得了着过们这]")


def dotted_ends(clean: str, pos: int) -> range:
    """Where a dotted name at ``pos`` (阿依古丽·买买提) may end: at least one character past
    the dot, at most where the run of Chinese characters does; empty if none stands there."""
    # The dot stands after the first part: most positions hold none, ruled out cheaper so.
    window = clean[pos + 1 : pos + DOTTED_PARTS[0] + 1]
    if "·" not in window and "•" not in window:
        return range(0)
    dotted = DOTTED_NAME.match(clean, pos)
    if dotted is None:
        return range(0)
    dot = DOT.search(clean, pos, dotted.end())
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
def dotted_name_stops() -> frozenset[str]:
    """Characters no transliterated name holds (叶尔兰·吐尔逊家有羊: the name ends before 家)."""
    return frozenset(small_words()["not_in_transliterated_names"])


@cache
def _bound_part() -> re.Pattern[str]:
    """An opening and its continuation that are one part of a name (阿不都热合曼:
    person_dotted_bound_parts.toml)."""
    words = read_toml("person_dotted_bound_parts.toml")
    return re.compile(f"(?:{alternation(words['openings'])})({alternation(words['continuations'])})")


# A name's next part after a dot (艾尔肯•阿不都热合曼•吐尔逊): as long as a part after the dot may be.
_NEXT_PART = regex.compile(rf"[·•](\p{{Han}}{{1,{DOTTED_PARTS[1]}}})")


def _dictionary_verb_at(clean: str, pos: int) -> bool:
    """A verb of the dictionary, two characters long, starts at ``pos`` (提出, 主持)."""
    return word_tag(clean[pos : pos + 2]).startswith("v")


@cache
def _closing_speech_verb() -> regex.Pattern[str]:
    verbs = alternation(small_words()["dotted_name_speech_verbs"])
    return regex.compile(rf"(?:{verbs})(?!\p{{Han}})")


def closing_speech_verb_at(clean: str, pos: int) -> bool:
    """A speech verb closing its clause stands at ``pos`` (说，, 讲：, 表示。: person_words.toml
    dotted_name_speech_verbs)."""
    return _closing_speech_verb().match(clean, pos) is not None


def _past_bound_part(clean: str, ends: range) -> range:
    """The ends of a dotted name (:func:`dotted_ends`) past a part after the dot that is an opening
    and its continuation (阿不都|热合曼): the name ends at the part's end or later. The part ends
    before a verb that its last character opens where no name ends after it (阿不都热合|提出了建议);
    the name ends right at the part where a post or a verb follows it (阿不都热合曼|主任说, not
    …热合曼主|任), and runs on through its next part where a dot follows (•吐尔逊)."""
    bound = _bound_part().match(clean, ends[0] - 1) if ends else None
    if bound is None or bound.end() not in ends:
        return ends
    end = bound.end()
    if not ends_name(clean, end) and _dictionary_verb_at(clean, end - 1) and end - 1 > bound.start(1):
        return range(end - 1, end)
    if title_starts().at(clean, end) or _dictionary_verb_at(clean, end):
        return range(end, end + 1)
    following = _NEXT_PART.match(clean, end)
    if following is not None:
        return range(following.start(1) + 1, following.end() + 1)
    return range(end, ends.stop)


def _read_dotted(spot: _NameSpot) -> int:
    """阿依古丽·买买提: a dotted name that ends where names end (or before 的). Where the next
    character ends one too, the name runs on to it: 买买提出席 is 买买提 + 出席, not 买买 + 提出;
    but a word of one character that follows names stays out (托合提正和家人: 正 + 和)."""
    clean = spot.clean
    ends = dotted_ends(clean, spot.pos)
    # 工业部部长道·额尔登巴特: a post ends inside the first part, and the name starts after it.
    if ends and any(title_ends().at(clean, at) for at in range(spot.pos + 2, ends[0] - 1)):
        return 0
    first_after_dot = ends[0] if ends else 0
    ends = _past_bound_part(clean, ends)
    # 热依汗古丽·吐尔逊担任审判长: the verb the dictionary cuts comes before any later end.
    before_verb = _dotted_before_verb(clean, spot.pos, ends) if ends else 0
    for end in ends:
        particle = NOT_IN_NAME.search(clean, spot.pos, end)
        if particle and not _ends_in_di(clean, particle.start(), end):
            return 0  # 买买提种了260亩: a particle is never part of a name
        if before_verb and end - spot.pos > before_verb:
            return before_verb
        # 艾尔肯·拉|说，: a speech verb closing the clause is no part of the name, even where it
        # leaves a last part of one character.
        if closing_speech_verb_at(clean, end):
            return end - spot.pos
        # 亚尔麦提·如|则麦麦提: one character after the dot is no part of its own before a word of
        # one character that follows names; the name runs on.
        if end == first_after_dot and end + 1 in ends and clean[end] in single_char_followers():
            continue
        stop = clean.startswith("的", end) or clean[end : end + 1] in dotted_name_stops()
        if stop or ends_name(clean, end):
            if (
                not stop
                and end - spot.pos != before_verb
                and end + 1 in ends  # first: at the text's end there is no clean[end]
                and clean[end] not in single_char_followers()
                and follower_starts().at(clean, end + 1)
            ):
                end += 1
            return end - spot.pos
    return before_verb


def _ends_in_di(clean: str, at: int, end: int) -> bool:
    """地 at ``at`` closes a part of a dotted name ending at ``end`` (吐尔逊·吐尔地, 吐尔地·阿不都拉): it is
    the last character or the dot follows it, and no adverb of the dictionary stands before it
    (认真地说)."""
    closes_part = at == end - 1 or DOT.match(clean, at + 1) is not None
    return clean[at] == "地" and closes_part and not is_common_word(clean[at - 2 : at])


# A set phrase of the dictionary (长大成人, 一如既往): four characters or more, whatever its tag.
_SET_PHRASE_LENGTH = 4


_ADVERBIAL_ADJECTIVE_TAG = "ad"


def _predicate_piece(word: str, flag: str) -> bool:
    """A piece of jieba's cut that opens what follows a dotted name: a verb or an adverb of two
    characters or more, a particle word (对…来说), or a set phrase the dictionary does not tag as a
    name (长大成人, nz); of one character, an adjective used as an adverb (突|发急病: jieba tags no sound
    of a transliterated name so)."""
    if len(word) < 2:
        return flag == _ADVERBIAL_ADJECTIVE_TAG
    # ad: an adjective the dictionary tags as used adverbially (突然).
    return flag.startswith(("v", "d", "u", _ADVERBIAL_ADJECTIVE_TAG)) or (
        len(word) >= _SET_PHRASE_LENGTH and not flag.startswith("nr")
    )


def _dotted_before_verb(clean: str, pos: int, ends: range) -> int:
    """阿依努尔·吾斯曼组织双方调解: where no word that follows names ends a dotted name, it ends
    before the first verb or adverb (玉苏甫·牙森相互邀约) of two characters or more that the
    dictionary cuts after it. A verb
    that leaves one character stranded before the next verb is part of the name (阿不都热合|曼|组织)."""
    at = ends[0] - 1  # the first character after the dot
    # The cut runs a little past the last end: a verb may start right at it (…吐尔逊|担任).
    pieces = tagged_words(clean[at : ends[-1] + 2])
    for number, (word, tag) in enumerate(pieces):
        if at > ends[-1]:
            break
        if at >= ends[0] and _predicate_piece(word, tag):
            stranded = pieces[number + 1 : number + 3]
            if len(word) >= _SET_PHRASE_LENGTH or not (
                len(stranded) == 2
                and len(stranded[0][0]) == 1
                and len(stranded[1][0]) > 1
                and stranded[1][1].startswith("v")
            ):
                return at - pos
        at += len(word)
    return 0


def _read_unsurnamed(spot: _NameSpot) -> int:
    """格桑卓玛, 扎西次仁, 更求文德: a name with no surname in the table, read from known parts
    (before jieba, which runs on past them: 格桑正|在), by jieba, or from where the context says
    it ends."""
    known = minority_name_length(spot.clean, spot.pos)
    if known:
        return _known_read_on(spot.clean, spot.pos, known) or known
    return unsurnamed_name_length(spot.clean, spot.pos) or context_name_length(spot.clean, spot.pos)


def _han_read_on(clean: str, pos: int, length: int, size: int, known: int) -> int:
    """索南才|夫旦告诉记者, 阿拉|腾巴根表示, 曲木阿各|莫说: a Han reading (of ``length``, surname
    of ``size``; ``known`` where known parts read it too) that cuts a name where no name ends yields
    to a longer one (:func:`read_on`) that opens with a known part, or that is longer than a Han
    name and opens as known parts and Yi clans do; not one ending as a village or town does
    (韩冰|龙堌镇 in a roster); the longer length, else 0."""
    # The opening is asked first: most names open with no known part.
    known_opening = clean[pos : pos + 2] in _minority_part_set()
    if not known_opening and clean[pos] not in minority_first_chars():
        return 0
    wider = _known_read_on(clean, pos, known) if known else read_on(clean, pos, length)
    opens_known = known_opening or wider > size + 2
    ending_as_place = clean.endswith(small_words()["not_name_endings"], 0, pos + wider)
    return wider if wider and opens_known and not ending_as_place else 0


def _known_read_on(clean: str, pos: int, known: int) -> int:
    """:func:`read_on` after a name read from known parts: a Yi given name runs on by one character
    or more (曲比阿果|莫), Tibetan and Mongolian parts by two or more (朝克巴达|荣贵); one character
    after them is rather an adverb (尼玛扎西|均为, 昂文多杰|独任)."""
    wider = read_on(clean, pos, known)
    return wider if wider - known >= (1 if yi_name_length(clean, pos) == known else 2) else 0


def read_on(clean: str, pos: int, length: int) -> int:
    """A reading of ``length`` at ``pos`` that does not end where names end (曲木阿各|莫告诉记者,
    阿拉|腾巴根表示) reads on to where one does, up to six characters, where the characters read on
    hold no dictionary word, none runs across the reading's end and none across the new end; the
    longer length, else 0. Before 的 or a character no such name holds (扎西顿珠|家) the reading
    ends a name already."""
    end = pos + length
    if ends_name(clean, end) or clean.startswith("的", end) or clean[end : end + 1] in dotted_name_stops():
        return 0
    run = HAN_RUN.match(clean, end, pos + _LONGEST_FROM_CONTEXT)
    wider = next((at for at in range(end + 1, run.end() + 1) if ends_name(clean, at)), 0) if run else 0
    if not wider or not is_name_shape(clean[pos:wider], unsurnamed=True, long=True):
        return 0
    # Six characters only before a word that follows names (as in context_name_length).
    if wider - pos == _LONGEST_FROM_CONTEXT and not follower_starts().at(clean, wider):
        return 0
    # 朝克图|说: the new end may run into a speech verb; 被告仅归|还 may not run into a word.
    if is_common_word(clean[wider - 1 : wider + 1]) and not speech_verb_pattern().match(clean, wider):
        return 0
    if any(len(word) > 1 and not tag.startswith(("nr", "nz")) for word, tag in tagged_words(clean[end - 1 : wider])):
        return 0
    return wider - pos


# jieba's tag of prepositions (以, 在, 向): no given name of three characters ends in one.
_PREPOSITION_TAG = "p"


# How far after a party's name the kind of its case may end (李明|合同纠纷, 张华|民间借贷纠纷).
_CASE_KIND_REACH = 8


@cache
def _case_kind_pattern() -> re.Pattern[str]:
    """The words ending the kind of a case (person_words.toml case_kind_endings)."""
    return words_pattern(small_words()["case_kind_endings"])


def _read_shortest(spot: _NameSpot) -> int:
    """王涛说 -> 王涛, 白旭平表示 -> 白旭平: the shortest reading followed by a word that follows
    names (up to a four-character name where a post allows guessing)."""
    clean, pos, size = spot.clean, spot.pos, spot.surname
    lengths = (size + 1, size + 2, size + 3)[: 3 if spot.guess else 2]
    for length in lengths:
        # 马建军|伙同: the longest reading does not end inside a word that runs on past it, nor
        # in a common word after a name of two characters (郑海|热情介绍; 洛桑江村: places are parts),
        # nor in a preposition (马长健|以“…”工作法), nor in 说 (居民向春花说: the verb, not the name).
        if length == size + 3 and (
            clean[pos + length - 1 : pos + length] == _SAID
            or is_common_word(clean[pos + length - 1 : pos + length + 1])
            or _verb_and_complement(clean, pos + length - 1)
            or word_tag(clean[pos + length - 1 : pos + length]) == _PREPOSITION_TAG
            or (size == 1 and is_common_word(tail := clean[pos + 2 : pos + 4]) and not word_tag(tail).startswith("ns"))
        ):
            continue
        # 李明|合同纠纷: a party's name of three whose last character opens a dictionary word of
        # three or four characters naming the kind of a case (合同纠纷, 劳动争议) is the name of two
        # before it (but 区志明|说, 韦海军|代表: no case is named).
        if (
            length == size + 2
            and _case_kind_pattern().search(clean, pos + length, pos + length + _CASE_KIND_REACH) is not None
            and any(is_common_word(clean[pos + length - 1 : pos + length - 1 + n]) for n in (4, 3))
            and _is_name_here(clean[pos : pos + length - 1], long=spot.guess)
        ):
            return length - 1
        # 叶峰|以审判员的身份, 邬海峰|以审判长身份: a preposition of capacity before a post ends the name.
        if _capacity_at(clean, pos + length) and _is_name_here(clean[pos : pos + length], long=spot.guess):
            return length
        if _name_before_said(clean, pos, length, size):
            return length  # 茶农岩三|说, 张三|说: not 岩三说, whatever words the dictionary reads in it
        if ends_name(clean, pos + length) and _is_name_here(clean[pos : pos + length], long=spot.guess):
            # 徐正|和同志: a conjunction before 同志 or a stop joins nothing: it ends the name
            # (but 王涛和同志们一起: 和 joins the comrades; 杨宝玲及13名代表: 及 joins a count).
            end = pos + length
            after = clean[end + 1 : end + 4]
            joins_nothing = (
                (after.startswith(COMRADE) and after != COMRADE + "们")
                or not (is_han(after[:1]) or after[:1].isdigit())
                or _post_verb_of_two_or_more(clean, end + 1)
            )
            if (
                clean[end : end + 1] in CONJUNCTIONS
                and length + 1 in lengths
                and joins_nothing
                and _is_name_here(clean[pos : end + 1], long=spot.guess)
            ):
                return length + 1
            if _word_joined_to_post(clean, pos, length, size):
                return length - 1
            return length + (_runs_on_into_verb(clean, pos, length, particle=False) if spot.guess else 0)
    return 0


def _capacity_at(clean: str, at: int) -> bool:
    """A preposition of capacity (person_words.toml capacity_prepositions) and a post start at ``at``
    (以审判员的身份): it says in what capacity the person named before it acts."""
    if clean[at : at + 1] not in small_words()["capacity_prepositions"]:
        return False
    return title_pattern().match(clean, at + 1) is not None


def _word_joined_to_post(clean: str, pos: int, length: int, size: int) -> bool:
    """主任成林|和|包点干部卓嘎: a surname and a given name the dictionary knows as a word (成林), then
    a conjunction right before a post: the conjunction joins the next holder, no name's last (李春和副主任…,
    where the given name is no word, is left to the readers)."""
    end = pos + length
    return (
        length == size + 2
        and clean[end - 1] in LIST_CONJUNCTIONS
        and title_pattern().match(clean, end) is not None
        and is_common_word(clean[pos : end - 1])
        and is_name_shape(clean[pos : end - 1], dictionary_veto=False)
    )


# The speech verb no given name ends in.
_SAID = "说"


def _name_before_said(clean: str, pos: int, length: int, size: int) -> bool:
    """A surname and one character right before 说 (岩三说, 张三说) are a name, though the
    dictionary reads a numeral in it: the reading of three would end in the verb. Not where the
    two characters are a common word (胡乱说)."""
    return (
        length == size + 1
        and clean.startswith(_SAID, pos + length)
        and not is_common_word(clean[pos : pos + length])
        and is_name_shape(clean[pos : pos + length], dictionary_veto=False)
    )


def _post_verb_of_two_or_more(clean: str, pos: int) -> bool:
    """A post verb of two characters or more opens a clause at ``pos``: a conjunction before it
    joins nothing (戚永和|担任该职, 周昌和|兼任); but one of one character may be a surname
    (王刚和|任志强), and a verb in a clause closed by 的 describes the people joined
    (王刚和|担任过村支书的老党员)."""
    found = _post_verb_pattern().match(clean, pos)
    if found is None or len(found.group()) < 2:
        return False
    clause = _CLAUSE_END.search(clean, found.end(), found.end() + _DESCRIBING_CLAUSE)
    return "的" not in clean[found.end() : clause.start() if clause else found.end() + _DESCRIBING_CLAUSE]


# How far a clause describing the people a conjunction joins is looked at for its 的.
_DESCRIBING_CLAUSE = 12
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")


@cache
def _post_verb_pattern() -> re.Pattern[str]:
    return words_pattern(post_verbs())


# What follows a one-character verb as its complement (凑在, 坐在, 走到, 站着).
_VERB_COMPLEMENTS = frozenset("在到着著了过")


def _verb_and_complement(clean: str, at: int) -> bool:
    """A one-character verb at ``at`` and its complement after it (队长黄绍炜|凑在记者耳边喊): the
    verb is no name's last character."""
    return clean[at + 1 : at + 2] in _VERB_COMPLEMENTS and word_tag(clean[at]).startswith("v")


# A set phrase of the dictionary (爬山越岭, 身先士卒): four characters, a predicate of its own.
_SET_PHRASE = 4


# 村民王秀英|的小院: no name holds 的; a full name ends before it.
_POSSESSIVE = "的"


def _read_guessed(spot: _NameSpot) -> int:
    """After a post, where a name is expected: jieba's reading (乌兰图雅), else known parts of a
    Tibetan or Mongolian name (其美多吉), else the name before the verb or set phrase of its
    clause (王大海提交了建议, 县长王珅爬山越岭)."""
    clean, pos, size = spot.clean, spot.pos, spot.surname
    length = unsurnamed_name_length(clean, pos)
    # jieba's reading (of two to four characters) counts only where such a name is shaped: where
    # none is, its HMM, the costliest step, is not run.
    if not length and any(_is_name_here(clean[pos : pos + n]) for n in (2, 3, 4)):
        length = jieba_name_length(clean, pos)
    if length and _is_name_here(clean[pos : pos + length]):
        # 村民卓玛|家的院子: known parts that end where names end read shorter than jieba.
        known = minority_name_length(clean, pos) if length > 2 else 0
        if 0 < known < length:
            return known
        return length + (
            _runs_on_into_verb(clean, pos, length)
            or _stranded_before_verb(clean, pos, length)
            or _stranded_before_possessive(clean, pos, length)
        )
    length = minority_name_length(clean, pos)
    if length:
        return length
    for length in (size + 2, size + 1):
        if (
            (
                verb_at(clean, pos + length)
                or (
                    length == size + 2
                    and clean.startswith(_POSSESSIVE, pos + length)
                    and not is_common_word(clean[pos : pos + 2])  # 群众呼声大|的问题
                )
                or clean.startswith(CLAUSE_PREPOSITIONS, pos + length)
                or _quoted_speech_at(clean, pos + length)
                or is_common_word(clean[pos + length : pos + length + _SET_PHRASE])
            )
            and not _opens_with_word(clean, pos, length - size)
            and _is_name_here(clean[pos : pos + length])
        ):
            return length
    # 被执行人赵志强民间借贷纠纷: a full name where a word starts right after it and no word
    # runs across its end; or a verb of one character and its aspect particle (果农杨春生种了).
    length = size + 2
    end = pos + length
    # (A given name may be a word itself there: 春生, 建国.)
    word_after = is_common_word(clean[end : end + 2]) and not is_common_word(clean[pos + size : end])
    if (
        (word_after or clean[end + 1 : end + 2] in ASPECT_PARTICLES)
        and not is_common_word(clean[end - 1 : end + 1])
        and _is_name_here(clean[pos:end])
    ):
        # 主任成林|和|包点干部卓嘎: a conjunction before a word joins the name to it, no name's last.
        if (
            word_after
            and clean[end - 1] in LIST_CONJUNCTIONS
            and is_name_shape(clean[pos : end - 1], dictionary_veto=False)
        ):
            return length - 1
        return length
    return 0


# jieba's tags of places and common nouns: a surname and the first character of a given name
# read so (许国, 王国, 黄金) open a full name of three as often as a word.
_NOUN_TAGS = ("ns", "n")


def _opens_with_word(clean: str, pos: int, given: int) -> bool:
    """A common word opens the name read at ``pos`` with a given name of ``given`` characters
    (县长高度|重视): no name. Where the given name has two characters, a place or a noun there is
    its surname and first character (组织部副部长许国军|谈起, 县长王国军|谈到)."""
    opening = clean[pos : pos + 2]
    # (Not where the name's last character opens a word running past it: 江山翻|开笔 is 江山|翻开.)
    return is_common_word(opening) and not (
        given == 2 and word_tag(opening).startswith(_NOUN_TAGS) and not is_common_word(clean[pos + 2 : pos + 4])
    )


def _runs_on_into_verb(clean: str, pos: int, length: int, *, particle: bool = True) -> int:
    """1 where jieba's reading of a two-character name at ``pos`` is the front of a full name of
    three whose last character it read into the word after (村民林木|清算过 -> 林木清|算过,
    队员陈小|强调查 -> 陈小强|调查, 朱德|荣种了): the longer name is followed by a verb of one
    character and its aspect particle (not where the shorter name ends before a word that follows
    names: 张华|强调了, ``particle`` False), or by a verb of two; else 0."""
    end = pos + length
    if length != 2 or surname_length(clean[pos:end]) != 1 or not is_common_word(clean[end : end + 2]):
        return 0
    # 陈小强|调查发现, but 王明|强调|查处: the verb after the longer name leaves no character alone.
    verb_after = (particle and clean[end + 2 : end + 3] in ASPECT_PARTICLES) or (
        verb_at(clean, end + 1) and not is_common_word(clean[end + 2 : end + 4])
    )
    return int(verb_after and not NOT_IN_NAME.match(clean, end) and _is_name_here(clean[pos : end + 1], long=True))


# 王大爷, 李女士: a surname before a polite or kinship word (person_polite_suffixes.txt) is no full name.
_POLITE_WORD: Veto[_NameSpot] = Veto("polite_word", lambda spot: spot.polite)


_NOT_GUESSING: Veto[_NameSpot] = Veto("not_after_a_post", lambda spot: not spot.guess)


def _read_dotted_name(spot: _NameSpot) -> int:
    """:func:`_read_dotted`, but no headline or caption phrase written with a dot (启航新征程·全国优秀县委:
    names.is_dotted_phrase)."""
    length = _read_dotted(spot)
    name = spot.clean[spot.pos : spot.pos + length]
    if not length or not is_dotted_phrase(name):
        return length
    # 阿卜迪麦麦提·奥布力|言语朴实: a reading that ran on into the words of its clause ends before the
    # first of them, where what is left is no phrase.
    dot = DOT.search(name)
    assert dot is not None  # a dotted reading holds a dot
    second = name[dot.end() :]
    cut = first_everyday_word(second)
    if (
        is_word_phrase(name[: dot.start()], dotted=True)
        or cut < _SHORTEST_FIRST_PART
        or is_word_phrase(second[:cut], dotted=True)
    ):
        return 0
    return dot.end() + cut


_DOTTED = Rule("dotted", "a dotted name (names.DOTTED_NAME)", _read_dotted_name)


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


def speaker_name_length(clean: str, pos: int) -> int:
    """A name where nothing before it says one comes (牧民宝音图告诉记者): :func:`read_name`'s
    reading with guesses and names without a Han surname, kept where a speech verb or an
    action under way follows it (牧民才求吉念叨着) or it is made of known Tibetan and Mongolian
    parts (种植大户扎西顿珠家种了…), else 0."""
    known = minority_name_length(clean, pos)
    # No reading is longer than a dotted name: with no speech verb in that reach nor known
    # parts, none would be kept, and the readings (jieba's HMM) are the costliest step.
    if not known and not _speech_verb_within(clean, pos + 1, pos + LONGEST_NAME + 1) and not _action_within(clean, pos):
        return 0
    # 妻子两人承包了…: a count of people is no name.
    if _PEOPLE_COUNT.match(clean, pos):
        return 0
    length = read_name(clean, pos, guess=True, unsurnamed=True)
    kept = (
        speech_verb_pattern().match(clean, pos + length)
        or known == length
        or _action_at(clean, pos + length)
        or manner_then_speech(clean, pos + length)  # 牧民仁青夺尔基笑着说
    )
    return length if length and kept else 0


# The particle of an action under way (念叨着), and the adverb of one (正在).
_UNDER_WAY = DURATIVE
_IN_PROGRESS = "正在"


def _action_at(clean: str, pos: int) -> bool:
    """A person's action under way opens at ``pos``: a verb of one or two characters and 着 (指着,
    念叨着, 收拾着), or 正在."""
    # (jieba tags some verbs of one character otherwise, 指 a noun: before 着 any is a verb.)
    return (
        clean.startswith(_IN_PROGRESS, pos)
        or clean[pos + 1 : pos + 2] in _UNDER_WAY
        or (clean[pos + 2 : pos + 3] in _UNDER_WAY and word_tag(clean[pos : pos + 2]).startswith("v"))
    )


def _action_within(clean: str, pos: int) -> bool:
    """着 or 正在 stands within a name's reach after ``pos`` (a cheap test)."""
    reach = clean[pos + 2 : pos + LONGEST_NAME + 3]
    return any(particle in reach for particle in _UNDER_WAY) or _IN_PROGRESS in reach


def _speech_verb_within(clean: str, low: int, high: int) -> bool:
    """A speech verb starts somewhere in ``[low, high)`` (one search, not a match at each start)."""
    found = speech_verb_pattern().search(clean, low, high + _longest_speech_verb())
    return found is not None and found.start() < high


@cache
def _longest_speech_verb() -> int:
    return max(map(len, word_list("person_speech_verbs.txt")))


# Conjunctions after which a word they close (参与) says the character before them is no name's
# last. Not 及: the words it closes (波及, 惠及) end common given names (王海波|及其他, 李文惠|及).
_CLOSING_CONJUNCTIONS = ("与",)


# A Mongolian or Tibetan name's known ending read after an opening no table holds (胡日沁|毕力格,
# 苏伊拉|其其格): three characters, after an opening of two or three.
_KNOWN_ENDING = 3
_UNKNOWN_OPENINGS = (3, 2)


@cache
def _known_endings() -> frozenset[str]:
    return frozenset(part for part in _minority_part_set() if len(part) == _KNOWN_ENDING)


def _name_with_known_ending(clean: str, pos: int) -> int:
    """A name with no Han surname where one is allowed (旗级人大代表胡日沁毕力格时, 牧户苏伊拉其其格家):
    an opening of two or three characters that holds no particle, no word that follows names and
    no dictionary word, then a known ending part of three characters (person_minority_name_parts.txt)
    that ends where names end, or before 的 or a character no transliterated name holds (家:
    person_words.toml not_in_transliterated_names); its length, else 0."""
    for opening in _UNKNOWN_OPENINGS:
        end = pos + opening + _KNOWN_ENDING
        if clean[pos + opening : end] not in _known_endings():
            continue
        if (
            HAN_RUN.fullmatch(clean, pos, pos + opening)
            and not NOT_IN_NAME.search(clean, pos, pos + opening)
            and not any(follower_starts().at(clean, at) for at in range(pos + 1, pos + opening))
            and not any(is_common_word(clean[at : at + 2]) for at in range(pos, pos + opening - 1))
            and (ends_name(clean, end) or clean[end : end + 1] in dotted_name_stops() or clean.startswith("的", end))
        ):
            return opening + _KNOWN_ENDING
    return 0


def read_name(clean: str, pos: int, *, guess: bool = True, unsurnamed: bool | None = None) -> int:
    """Length of the name starting at clean ``pos`` (0 if none); no name where a post verb that is
    also a surname opens a division's name running past it (区长|任缙云|县委书记: 任 缙云县)."""
    length = _read_name(clean, pos, guess=guess, unsurnamed=unsurnamed)
    if length and clean[pos] in _SURNAMED_POST_VERBS and _division_runs_past(clean, pos + 1, pos + length):
        return 0
    return length + _predicate_opening_shift(clean, pos, length) if length else 0


def _predicate_opening_shift(clean: str, pos: int, length: int) -> int:
    """How far the end of a reading of a single surname's name moves where the predicate's first
    word is read into it or the name into it: -1 where a reading of four ends in a one-character
    adverb or in 于 before a time (吴建国|均表示, 赵秀兰|都到了: person_words.toml adverbs_after_names;
    王秀英|于2020年退休); +1 where a reading of two stops before a dictionary word of the given name's
    last character and 于, then a time, where that character ends given names (王德强|于2018年回乡,
    not 王德|强于; 李伟|已于 stays); else 0."""
    if length == 4 and pos + 3 < len(clean) and _predicate_opens(clean, pos + 3):
        shorter = clean[pos : pos + 3]
        fits = surname_length(shorter) == 1 and is_name_shape(shorter)
        return -1 if fits else 0
    end = pos + length
    if length == 3:
        return -1 if _predicate_read_into_three(clean, pos) else 0
    if length != 2 or clean[end + 1 : end + 2] != small_words()["time_preposition"]:
        return 0
    timed = _time_at(clean, end + 2)
    longer = clean[pos : end + 1]
    word = clean[end : end + 2]
    fits = (
        surname_length(longer) == 1
        and clean[end] in small_words()["name_ends_before_time_preposition"]
        and is_common_word(word)
        and is_name_shape(longer)
    )
    return 1 if timed and fits else 0


def _predicate_opens(clean: str, at: int) -> bool:
    """The predicate opens at ``at`` with an adverb that follows names before its next word
    (均|表示, 都|到了) or with 于 before a time (于|2020年)."""
    char = clean[at]
    if char in small_words()["adverbs_after_names"]:
        return is_han(clean[at + 1 : at + 2])
    return char == small_words()["time_preposition"] and _time_at(clean, at + 1)


def _time_at(clean: str, at: int) -> bool:
    """A time opens at ``at``: a year's or a day's digit, or a word of time (本判决, 当日)."""
    after = clean[at : at + 1]
    return (
        after.isdigit()
        or after in _CHINESE_YEAR_DIGITS
        or clean.startswith(small_words()["times_after_preposition"], at)
    )


def _predicate_read_into_three(clean: str, pos: int) -> bool:
    """A reading of three of a single surname ends in its clause's first word: 称 before a stop,
    colon or quote (组宣部部长曹健|称，…), 于 before a time (原告刘艽|于2015年11月…), or an adverb
    that ends no given name before the predicate's next word (李强|都参加了: person_words.toml
    adverbs_ending_no_name); the name is the two characters before it."""
    end = pos + 3
    last = clean[end - 1]
    stop = clean[end : end + 1]
    said = last == small_words()["said_before_stop"] and bool(stop) and stop in small_words()["stops_after_said"]
    timed = last == small_words()["time_preposition"] and _time_at(clean, end)
    adverb = last in small_words()["adverbs_ending_no_name"] and is_han(stop or "。")
    predicate = said or timed or adverb
    shorter = clean[pos : end - 1]
    return predicate and surname_length(shorter) == 1 and is_name_shape(shorter, dictionary_veto=False)


# The digits a year may be written in (二〇一八年于…: 于二〇一八年).
_CHINESE_YEAR_DIGITS = frozenset("〇零一二")


# One-character post verbs that are surnames too (任).
_SURNAMED_POST_VERBS = frozenset("任")


def _division_runs_past(clean: str, start: int, end: int) -> bool:
    """A division's name (缙云县, 平安镇) starts at ``start`` and ends after ``end``."""
    forms = gazetteer.load().forms
    return any(clean[start : start + n] in forms for n in range(end - start + 1, end - start + 4))


def _closes_word_before(clean: str, pos: int) -> bool:
    """A surname that closes everyday words (门: 部门, 专门, 院门) does so at ``pos``: it and the
    character before make a word of the dictionary, or it opens one with the next (门口, 门前)."""
    return clean[pos] in small_words()["surnames_closing_words"] and (
        (pos > 0 and is_common_word(clean[pos - 1 : pos + 1])) or is_common_word(clean[pos : pos + 2])
    )


def _read_name(clean: str, pos: int, *, guess: bool, unsurnamed: bool | None) -> int:
    """The name's length as the readers give it: the first of
    :data:`SURNAMED_READERS` (or :data:`UNSURNAMED_READERS`) that reads one.

    ``guess`` says a post before the name already says a name comes (jieba's reading and
    four-character names such as 乌兰图雅 are allowed there); ``unsurnamed`` (default:
    ``guess``) allows a name with no surname in the table (格桑卓玛).
    """
    size = surname_length(clean[pos : pos + 4])
    if size == 1 and _closes_word_before(clean, pos):
        size = 0  # 相关部|门分管: 门 closes 部门, no surname
    if guess and (known_ending := _name_with_known_ending(clean, pos)):
        return known_ending
    unsurnamed = guess if unsurnamed is None else unsurnamed
    # With no surname here and none allowed, only a dotted name is read: where no dot follows
    # (most such positions), no reader is asked; nor is the dotted reader anywhere else.
    dotted = dotted_ends(clean, pos)
    if not size and not unsurnamed and not dotted:
        return 0
    polite = size > 0 and polite_starts().at(clean, pos + size)
    spot = _NameSpot(clean, pos, size, polite, guess, unsurnamed)
    # 哈斯巴根, 巴图孟和: a name without a Han surname may open with a character of the table;
    # read so, it is longer than a Han name there could be.
    longer = spot.unsurnamed and pos + size + 2 < len(clean) and is_han(clean[pos + size + 2])
    readers = (
        UNSURNAMED_READERS if not size else (*SURNAMED_READERS, *UNSURNAMED_READERS[1:]) if longer else SURNAMED_READERS
    )
    for number, reader in enumerate(readers):
        if reader is _DOTTED and not dotted:
            continue
        length = reader.apply(spot)
        if (
            length
            and size
            and number >= len(SURNAMED_READERS)
            and length <= size + 2
            and minority_name_length(clean, pos) != length  # 格桑: known parts, not a Han name
        ):
            return 0
        if length and number < len(SURNAMED_READERS):
            # Most names open with no known part: minority_name_length is asked only where one may.
            known = minority_name_length(clean, pos) if clean[pos] in minority_first_chars() else 0
            if guess:
                # 嘎查达巴图孟|和介绍: known Tibetan and Mongolian parts read further than a Han name.
                length = max(length, known)
            if (
                0 < known < length
                and verb_at(clean, pos + known)
                and not speech_verb_pattern().match(clean, pos + length)
            ):
                # 卓玛|坐在门口, 索朗|念叨着: known parts before a verb read shorter than a Han name
                # (but 索南加|说: a speech verb after the longer reading keeps it).
                length = known
            elif guess and known in (0, length) and (wider := _han_read_on(clean, pos, length, size, known)):
                # Where names without a Han surname are not allowed, the name read on is not read
                # at all, not cut: a reading that allows them finds what this one finds, or more.
                length = wider if spot.unsurnamed else 0
        if length:
            # 黄丽|参与庭审: a Han name of three does not end inside a word that 与 closes
            # (参与); the name of two does (but 刘德顺|和妻子: 和 closes names' own
            # characters too: 顺和, 平和).
            if (
                length == size + 2
                and clean[pos + length : pos + length + 1] in _CLOSING_CONJUNCTIONS
                and is_common_word(clean[pos + length - 1 : pos + length + 1])
                and is_name_shape(clean[pos : pos + length - 1])
            ):
                length -= 1
            if (
                length == size + 3
                and clean.endswith(small_words()["household_words"], pos, pos + length)
                and is_name_shape(clean[pos : pos + length - 1])
            ):
                length -= 1  # 村民刘玉春|家在村东头: a given name of two, then the household
            elif (
                length == size + 2
                and guess
                and clean.endswith(small_words()["household_words"], pos, pos + length)
                and is_han(clean[pos + length : pos + length + 1] or "。")
                and not ends_name(clean, pos + length)
                and is_name_shape(clean[pos : pos + length - 1])
            ):
                length -= 1  # 牧民阿茸|家夏秋季的草场: the household, then what it has
            if (
                length > 3
                and clean[pos] in small_words()["prepositions_before_names"]
                and surname_length(clean[pos + 1 : pos + 3])
            ):
                return 0  # 原告经|张国富介绍
            if reads_as_adverb_before_verb(clean[pos : pos + length], size) and (
                not ends_name(clean, pos + length) or speech_verb_pattern().fullmatch(clean, pos + size, pos + length)
            ):
                return 0  # 被告曾要求|延期履行, 县长曾指出，: the adverb and its verb (but 县长曾刚|主持)
            # 阿卜杜|热合曼·买买提: no name ends inside the first part of a dotted name (its dot
            # stands two characters before the first end of the dotted reading).
            return 0 if dotted and pos + length <= dotted.start - 2 else length
    return 0
