"""What a Chinese personal name looks like: surname tables, polite forms, the jieba veto.

Shared by the byline reader and the person finder. Nothing here looks at
context; :mod:`gov_extract.persons` decides which name-shaped strings are
people from the words around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from math import log

import regex

from .resources import WordStarts, jieba_tokenizer, read_toml, read_words

_HAN = regex.compile(r"\p{Han}+")
# Particles and pronouns never stand inside a given name (高兴地说, 他们说), nor 等 closing
# a list (高志明等老同志: no 明等老).
# Nor do personal pronouns (法官帮我追回, 感谢书记帮他: the verb and its object, no name).
_PERSONAL_PRONOUNS = frozenset("我你他她")
_NOT_IN_GIVEN_NAME = frozenset("的地得了着过们这那等") | _PERSONAL_PRONOUNS
# Of those, 得 is also a common given-name character (李得胜, 王得福): in a name standing as a
# whole piece between spaces or brackets (a credit line) no clause runs on, so it is no particle.
_NOT_IN_WHOLE_GIVEN_NAME = _NOT_IN_GIVEN_NAME - frozenset("得")
# 那 writes a syllable of Mongolian names (那顺, 那仁, 巴根那), 他 and 她 sounds of Uyghur ones (阿不都他力甫):
# in a name without a Han surname they are no pronouns, unless it is two characters (帮我: a verb and its object).
_NOT_IN_TRANSLITERATED_NAME = _NOT_IN_GIVEN_NAME - frozenset("那") - _PERSONAL_PRONOUNS

# What a nationality's name ends in (维吾尔族, 哈萨克族): no name without a surname ends so.
NATIONALITY_ENDING = "族"
# jieba tags of verbs, adjectives, distinguishers, adverbs, pronouns (各位, 我们),
# conjunctions, prepositions and particles: words that are never part of a name.
_NOT_NAME_TAGS = frozenset("vabdrcpu")
# jieba tags of pronouns, prepositions, conjunctions, particles, numerals and classifiers.
_FUNCTION_WORD_TAGS = frozenset("rpcumq")
# A name with a middle dot (阿不都·热合曼): transliterated, no surname table applies; its
# parts are up to six and ten characters long (a Tibetan religious name: 达扎·尕让托布旦拉西降措).
DOTTED_PARTS = (6, 10)
DOTTED_NAME = regex.compile(rf"\p{{Han}}{{1,{DOTTED_PARTS[0]}}}[·•]\p{{Han}}{{1,{DOTTED_PARTS[1]}}}")
# The longest name a dotted name can be, and so any name the persons finder reads.
LONGEST_NAME = DOTTED_PARTS[0] + 1 + DOTTED_PARTS[1]
DOT_CHARS = regex.compile(r"[·•]")


@cache
def surnames() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """(single-character surnames, compound surnames by their first two characters, longest first)."""
    words = read_words("surnames.txt")
    compound: dict[str, list[str]] = {}
    for word in sorted((w for w in words if len(w) > 1), key=len, reverse=True):
        compound.setdefault(word[:2], []).append(word)
    return frozenset(w for w in words if len(w) == 1), {opening: tuple(group) for opening, group in compound.items()}


@cache
def polite_suffixes() -> tuple[str, ...]:
    return read_words("person_polite_suffixes.txt")


@cache
def polite_starts() -> WordStarts:
    """Where a polite or kinship word starts (王|大爷): a few words compared, not the whole list."""
    return WordStarts(polite_suffixes())


def surname_length(text: str) -> int:
    """Length of the surname ``text`` starts with (compound first), or 0."""
    single, compound = surnames()
    # Keyed by two characters: most text opens with no compound surname, found in one lookup.
    for surname in compound.get(text[:2], ()):
        if text.startswith(surname):
            return len(surname)
    return 1 if text[:1] in single else 0


@cache
def _word_tags() -> dict[str, str]:
    """jieba's dictionary of words and their part-of-speech tags, loaded once, lazily."""
    import jieba.posseg

    jieba_tokenizer()
    tags: dict[str, str] = jieba.posseg.dt.word_tag_tab
    return tags


def tagged_words_opening(prefix: str) -> list[tuple[str, str]]:
    """The dictionary's words longer than ``prefix`` that start with it, with their tags."""
    return [(word, tag) for word, tag in _word_tags().items() if len(word) > len(prefix) and word.startswith(prefix)]


def word_tag(text: str) -> str:
    """jieba's part-of-speech tag of ``text`` as one dictionary word, or ``""``."""
    return _word_tags().get(text, "")


def word_frequency(text: str) -> int:
    """How often jieba's dictionary counts ``text`` as one word (0 if it is none)."""
    jieba_tokenizer()
    import jieba

    return int(jieba.dt.FREQ.get(text) or 0)


# jieba's range of Chinese characters: a window of them only is one block of its cut, with no
# letters or digits inside.
_JIEBA_HAN = re.compile("[\u4e00-\u9fd5]+")


@cache
def _dictionary() -> tuple[dict[str, int], float]:
    """jieba's word counts and the log of their total, which score a route through a window."""
    tokenizer = jieba_tokenizer()
    return tokenizer.FREQ, log(tokenizer.total)


def _route(text: str) -> list[int]:
    """Where each word of jieba's dictionary route through ``text`` ends, from each start: the
    same graph of dictionary words (``Tokenizer.get_DAG``) and best route (``Tokenizer.calc``),
    in the same sums and the same order, so the same ties."""
    freq, log_total = _dictionary()
    size = len(text)
    scores = [0.0] * size + [0]
    ends = [0] * size
    for start in range(size - 1, -1, -1):
        best: tuple[float, int] | None = None
        end = start
        fragment = text[start]
        # (one lookup of each piece in the large table: its count, None where it is no prefix)
        while end < size and (count := freq.get(fragment)) is not None:
            if count:
                scored = (log(count) - log_total + scores[end + 1], end)
                if best is None or scored > best:
                    best = scored
            end += 1
            fragment = text[start : end + 1]
        if best is None:
            best = (log(freq.get(text[start]) or 1) - log_total + scores[start + 1], start)
        scores[start], ends[start] = best
    return ends


def dictionary_words(text: str) -> list[str]:
    """jieba's dictionary-only cut of ``text`` (``Tokenizer.cut(text, HMM=False)``), block by
    block as it splits it: a block of Chinese characters only, what the places finder mostly
    cuts, is cut here by the dictionary's route without jieba's generators (the same words), any
    other block by jieba."""
    import jieba

    words = []
    for block in jieba.re_han_default.split(text):
        if _JIEBA_HAN.fullmatch(block):
            ends = _route(block)
            at = 0
            while at < len(block):
                end = ends[at] + 1
                words.append(block[at:end])
                at = end
        elif block:
            words.extend(jieba_tokenizer().cut(block, HMM=False))
    return words


def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's dictionary-only words and part-of-speech tags of ``text`` (``jieba.posseg.cut``
    without its HMM), block by block as jieba splits it: a block of Chinese characters only, what
    the persons finder mostly cuts, is cut here without jieba's layers of generators (the same
    words and tags), any other block by jieba."""
    import jieba.posseg

    tags = _word_tags()
    pieces = []
    for block in jieba.posseg.re_han_internal.split(text):
        if _JIEBA_HAN.fullmatch(block):
            ends = _route(block)
            at = 0
            while at < len(block):
                word = block[at : ends[at] + 1]
                pieces.append((word, tags.get(word, "x")))
                at += len(word)
        elif block:
            pieces.extend((piece.word, piece.flag) for piece in jieba.posseg.cut(block, HMM=False))
    return tuple(pieces)


def hmm_tagged_words(text: str) -> Iterator[tuple[str, str]]:
    """jieba's words and part-of-speech tags of ``text`` read with its HMM (``jieba.posseg.cut``),
    one at a time, block by block as jieba splits it: in a block of Chinese characters only, the
    dictionary's route, a run of single characters the dictionary does not list read again by the
    HMM (``POSTokenizer.__cut_DAG``); only such runs are handed to jieba's decoder, any other
    block to jieba. A block is read only when the words before it are taken."""
    import jieba.posseg

    for block in jieba.posseg.re_han_internal.split(text):
        if _JIEBA_HAN.fullmatch(block):
            yield from _hmm_han_words(block)
        elif block:
            yield from ((piece.word, piece.flag) for piece in jieba.posseg.cut(block))


def _hmm_han_words(text: str) -> Iterator[tuple[str, str]]:
    """:func:`hmm_tagged_words` of a block of Chinese characters only."""
    import jieba.posseg

    tags = _word_tags()
    frequencies = _dictionary()[0]
    ends = _route(text)
    run = ""  # the single characters read since the last word of two or more
    at = 0
    while at <= len(text):
        word = text[at : ends[at] + 1] if at < len(text) else ""
        if len(word) == 1:
            run += word
            at += 1
            continue
        if len(run) == 1 or (run and frequencies.get(run)):
            yield from ((char, tags.get(char, "x")) for char in run)
        elif run:
            yield from ((piece.word, piece.flag) for piece in jieba.posseg.dt._POSTokenizer__cut_detail(run))
        if not word:
            return
        run = ""
        yield word, tags.get(word, "x")
        at += len(word)


def is_common_word(text: str) -> bool:
    """True when the dictionary knows ``text`` as a word that is not a personal name
    (强调, 高度, 江苏): a surname-initial common word must not pass for a name."""
    tag = _word_tags().get(text)
    return tag is not None and (not tag.startswith("nr") or text in _person_words("words_tagged_as_names"))


@cache
def _familiar_forms() -> tuple[str, str]:
    forms = read_toml("person_familiar_forms.toml")
    return forms["prefixes"], forms["kinship"]


@cache
def _person_words(key: str) -> frozenset[str]:
    """One word list of ``person_words.toml`` (surnames_also_words, surnames_also_adverbs, ...)."""
    return frozenset(read_toml("person_words.toml")[key])


# jieba's tags of a count or a time after an adverb (曾多次, 曾先后, 曾一度): no given name is one.
_COUNT_TAGS = ("m", "t")
# ... of two characters: a given name of one may be tagged so (春: tg).
_COUNT_LENGTH = 2
# jieba's tags of a verb or an adverb after an adverb (曾要求, 曾请求): given names are tagged so
# too (刚, 建, 超, 亮, 立新, 振兴), so only the words after them tell (reads_as_adverb_before_verb).
_VERB_TAGS = ("v", "d")


def _reads_as_adverb_and_verb(name: str, size: int) -> bool:
    """原告曾多次催要, 曾先后: a surname that is also an adverb (曾), before a count or a time of two
    characters the dictionary knows, is that adverb."""
    if name[:size] not in _person_words("surnames_also_adverbs") or len(name) - size != _COUNT_LENGTH:
        return False
    return _word_tags().get(name[size:], "").startswith(_COUNT_TAGS)


def reads_as_adverb_before_verb(name: str, size: int) -> bool:
    """被告曾要求|延期履行: a surname that is also an adverb (曾), before a verb or an adverb of the
    dictionary (not a verbal noun: 曾胜利), may be that adverb; it is where no word that follows
    names comes after (曾刚|主持, 曾振兴|介绍, 曾超|是: names; the caller asks)."""
    if name[:size] not in _person_words("surnames_also_adverbs"):
        return False
    tag = _word_tags().get(name[size:], "")
    return tag.startswith(_VERB_TAGS) and tag != "vn"


def _reduplicated_word(name: str) -> bool:
    """殷殷, 常常: a surname repeated is a word the dictionary knows (even tagged as a name), no name."""
    return len(name) == 2 and name[0] == name[1] and word_frequency(name) > 0


def _reads_as_word_and_object(name: str, size: int) -> bool:
    """向记者介绍, 谈履职: a surname that is also a preposition or a verb, before a common word,
    is that word."""
    if _reads_as_adverb_and_verb(name, size):
        return True
    if name[:size] not in _person_words("surnames_also_words"):
        return False
    tag = _word_tags().get(name[size:])
    if tag is not None and not tag.startswith(("nr", "ns", "nz")):
        return True
    # 向其借款, 向该局反映: a pronoun or another function word opens the object.
    return _word_tags().get(name[size : size + 1], "")[:1] in _FUNCTION_WORD_TAGS


def is_familiar_form(name: str) -> bool:
    """老李, 小王, 陈伯, 王姐: a form of address, not a name."""
    prefixes, kinship = _familiar_forms()
    return len(name) == 2 and (
        (name[0] in prefixes and surname_length(name[1]) == 1) or (surname_length(name) == 1 and name[1] in kinship)
    )


# The same name is asked of again and again within one article (by each mention rule, then by
# the pass over every occurrence of it) and the dictionary veto may cut it with jieba: the
# answers are kept while one article is read (persons.find clears them).
@lru_cache(maxsize=1024)
def is_name_shape(
    name: str, *, dictionary_veto: bool = True, long: bool = False, unsurnamed: bool = False, whole: bool = False
) -> bool:
    """A full name: surname plus one or two characters (three when ``long``: 乌兰图雅),
    or a dotted name; not a surname plus a polite or kinship word, nor (with
    ``dictionary_veto``) a string the dictionary reads as common words. ``unsurnamed``: two
    to four characters without a surname in the table (更求文德, 其其格) are shaped too, five
    or six when ``long`` (达布希拉图, 阿拉腾其其格).
    ``whole``: the name stands alone between spaces or brackets, so 得 in it is no particle."""
    if ("·" in name or "•" in name) and DOTTED_NAME.fullmatch(name):  # the dot first: most names hold none
        return not is_dotted_phrase(name)
    if not _HAN.fullmatch(name) or is_familiar_form(name):
        return False
    size = surname_length(name)
    if _is_seat(name):
        return False
    if unsurnamed and (size == 0 or len(name) - size > (3 if long else 2)) and 2 <= len(name) <= (6 if long else 4):
        # 维吾尔族干部: a nationality (…族) is no name; nor is a count (副县长一职, 两人).
        return (
            not (_NOT_IN_TRANSLITERATED_NAME if len(name) > 2 else _NOT_IN_GIVEN_NAME).intersection(name)
            and name[0] not in _COUNTING
            and not name.startswith(polite_suffixes())
            and not name.endswith(NATIONALITY_ENDING)
        )
    if size == 0 or not 1 <= len(name) - size <= (3 if long else 2):
        return False
    given = name[size:]
    if (_NOT_IN_WHOLE_GIVEN_NAME if whole else _NOT_IN_GIVEN_NAME).intersection(given):
        return False
    # 让村民富|起来: a complement of direction is no given name; 总书记殷殷嘱托: nor a surname repeated.
    if given in _person_words("directional_complements") or (dictionary_veto and _reduplicated_word(name)):
        return False
    if given.startswith(polite_suffixes()) or given.endswith(polite_suffixes()):
        return False
    return not (dictionary_veto and (_reads_as_words(name) or _reads_as_word_and_object(name, size)))


# How often the dictionary must have met a word for it to be an everyday one (启航: 68, 优秀; not
# the rare words a transliteration happens to hold).
_EVERYDAY = 30


def is_word_phrase(part: str, *, dotted: bool = False) -> bool:
    """A phrase of common words, not a name (a part of a dotted "name", a caption before a credit):
    it holds an everyday verb or adjective (启航, 遇见, 优秀, 汇入, 弯弯) or two everyday words
    (全国|县委, 锦绣|山川). A transliteration holds at most one word by chance (买买提, 外力, 玉山);
    ``dotted`` (a part of a dotted name), a verb too, with single sounds around it (开赛|尔, 开来|提,
    阿|依|提拉): there the verb or adjective makes a phrase only where no character but an adjective
    (新) stands alone beside it."""
    pieces = tagged_words(part)
    words = [
        piece
        for piece in pieces
        if len(piece[0]) > 1 and not piece[1].startswith("nr") and word_frequency(piece[0]) >= _EVERYDAY
    ]
    if len(words) > 1:
        return True
    return any(
        piece[1][:1] in ("v", "a") and not (dotted and _beside_sound(pieces, pieces.index(piece))) for piece in words
    )


def _beside_sound(pieces: tuple[tuple[str, str], ...], at: int) -> bool:
    """A single character other than an adjective (新) stands just before or after ``pieces[at]``
    (开赛|尔, 阿|依|提拉; not 奥布力|言语|朴实)."""
    beside = pieces[max(at - 1, 0) : at] + pieces[at + 1 : at + 2]
    return any(len(word) == 1 and not tag.startswith("a") for word, tag in beside)


# How often the dictionary must have met a word it tags as a name for it to be an everyday word
# (言语: 2335, 步履: 145; the given names it lists as words are rarer).
EVERYDAY_NAME_TAGGED = 100


# How often the dictionary must have met a word for a reading of it to be that word, whatever its
# tag, where a weak context only says a name may stand (作为第一书记，|黄金周也不休息; 村民|康复出院):
# jieba tags many everyday words as names (康复: 1018, 黄金周: 1407, 冷笑: 2227), as it does names
# (李娜: 438). Measured by scripts/name_frequency_split.py on the case texts that check persons, over
# the surname-initial words of two or three characters it tags as names (497 occurrences stand as
# names, 557 as words): from 1000 up stand 4 of names (高峰 1556, 柏林 1260, 向东 1037) against 47 of
# words; from 500 up, 12 of names (高明 791, 宁静 652, 朱红 618…) against 70; from 1500 up, 1 against
# 29. On the 54 bench articles no name found stands above 300 (杨建华: 273), and 7 words above 1000.
FREQUENT_WORD = 1000


def is_frequent_word(text: str) -> bool:
    """The dictionary has met ``text`` as one word at least :data:`FREQUENT_WORD` times, whatever its
    tag (康复, 黄金周, 明白): too often for a name."""
    return word_frequency(text) >= FREQUENT_WORD


def first_everyday_word(part: str) -> int:
    """Where the first everyday word of two characters or more starts in ``part`` (奥布力|言语朴实:
    3, a word the dictionary tags as a name but meets often counts too), or ``len(part)``."""
    at = 0
    for word, tag in tagged_words(part):
        if len(word) > 1 and word_frequency(word) >= (EVERYDAY_NAME_TAGGED if tag.startswith("nr") else _EVERYDAY):
            return at
        at += len(word)
    return at


@lru_cache(maxsize=256)
def is_dotted_phrase(name: str) -> bool:
    """A headline or caption phrase written with a middle dot (启航新征程·全国优秀县委, 乡见中国·遇见布拖,
    布拖·西溪河汇入金沙江): a part of it is a phrase of common words, or each of two parts holds a
    frequent common word with more written onto it (好故事·新视频: a column's tag; a part that is
    one word, 买买提·外力, is a sound of a name, as a proper noun is: 别克|苏丹·哈|力克), no
    transliterated name."""
    parts = [part for part in DOT_CHARS.split(name) if part]
    if any(is_word_phrase(part, dotted=True) for part in parts):
        return True
    return sum(_holds_frequent_common_word(part) for part in parts) > 1


# jieba's tags of proper nouns: personal names, places, organisations and other proper names.
_PROPER_TAGS = ("nr", "ns", "nt", "nz")


def _holds_frequent_common_word(part: str) -> bool:
    """``part`` holds a common word the dictionary meets often, and more than that word."""
    return any(
        len(word) > 1 and word != part and not tag.startswith(_PROPER_TAGS) and is_frequent_word(word)
        for word, tag in tagged_words(part)
    )


@cache
def _seat() -> tuple[str, str]:
    seat = read_toml("person_words.toml")["seat"]
    return seat["word"], seat["followers"]


def _is_seat(name: str) -> bool:
    """被告人席上, 书记员席旁: the seat and a word of place (person_words.toml seat), no name."""
    word, followers = _seat()
    return name.startswith(word) and name[len(word) : len(word) + 1] in followers and len(name) > len(word)


# How often a one-character measure word may occur and still be a given name (镒: 58, 钧: 593;
# 位: 16243, 名: 26255).
_RARE_MEASURE = 1000


def _rare_measure_word(given: str) -> bool:
    """A given name of one character that the dictionary knows only as a rare measure word (陈镒, 王钧)."""
    return len(given) == 1 and _word_tags().get(given, "")[:1] == "q" and word_frequency(given) < _RARE_MEASURE


# The characters that count (一, 两, 百, 万): a given name of one of them is no name (王一行).
_COUNTING = frozenset("〇零一二三四五六七八九十两百千万亿几半")


# How often the dictionary may have met a numeral phrase of two characters and it still be a
# given name (万成: 9; 万里: 804, 两位: 3673).
_RARE_NUMERAL = 100


def _rare_numeral_phrase(given: str, tag: str) -> bool:
    """A given name of two characters that the dictionary knows only as a rare numeral phrase
    whose second character neither counts nor measures (孟万成; not 两位, 三名, 两棵)."""
    return (
        tag == "m"
        and len(given) == 2
        and word_frequency(given) < _RARE_NUMERAL
        and _word_tags().get(given[1], "")[:1] not in ("m", "q")
    )


def _uncounting_numeral(given: str, tag: str) -> bool:
    """A given name of one character tagged as a numeral that is no counting word (元)."""
    return tag == "m" and len(given) == 1 and given not in _COUNTING


# How often the dictionary must have met a verb or adjective opening a name for it to be read as that word.
_RARE_OPENING = 10


def _reads_as_words(name: str) -> bool:
    """The dictionary reads ``name`` as common words: the whole (江苏, 强调), or a verb or
    adjective opening it (丰收节, 高兴地)."""
    if is_common_word(name):
        return True
    # 李华两位同志: a numeral or a classifier is no given name; nor is a body's abbreviation
    # (区人大, 区政协: the dictionary tags them j), unless the dictionary lists the whole as a
    # personal name (王沪宁). One character the dictionary tags as a numeral but that counts
    # nothing (谢元, 王元) is a given name; so is one it tags as a place's or a country's
    # abbreviation (陈波, 刘宁, 吕英: only a body's abbreviation runs to two characters).
    given = name[surname_length(name) :]
    tag = _word_tags().get(given, "")[:1]
    if (
        tag in ("m", "q", "j")
        and not (tag == "j" and len(given) == 1)
        and not _rare_measure_word(given)
        and not _uncounting_numeral(given, tag)
        and not _rare_numeral_phrase(given, tag)
        and given not in _person_words("given_names_like_classifiers")
        and not word_tag(name).startswith("nr")
    ):
        return True
    # A verb or adjective opening three or four characters (丰收节, 高兴地, 严格把关: the
    # dictionary even tags some idioms as names); one the dictionary has met only a few times
    # (曾远, 付强: frequency below _RARE_OPENING) is a surname and a given name more often.
    opening = name[:2]
    verb_opening = _word_tags().get(opening, "")[:1] in _NOT_NAME_TAGS
    if len(name) >= 3 and verb_opening and word_frequency(opening) >= _RARE_OPENING:
        return True
    if len(name) == 3:
        return False
    # Four characters after a one-character surname (乌兰图雅) are a name only if no
    # part reads as a verb or adjective (安全需要, 安心从教).
    return any(len(word) > 1 and tag[:1] in _NOT_NAME_TAGS for word, tag in tagged_words(name))
