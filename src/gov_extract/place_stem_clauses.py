"""Stems that are a clause's words, not a name, before a place suffix: a verb that takes the place as
its object (硬化|村内道路, 重建|小区), a verb of building a kind of place (打造|活力社区), a verb of
works a name follows (硬化|莆明村), slogans (产业兴|村), idioms across the suffix (走村|串户), words of
quantity (众多|社区), a person and the verb of a wish (王建国要求|社区).

Each test answers about one stem or span; it does not find where the stem starts
(:mod:`gov_extract.place_stem_start`) nor decide a place (:mod:`gov_extract.place_below` asks it).
"""

from __future__ import annotations

import re
from functools import cache

from .names import word_tag
from .place_divisions import CJK_CHAR
from .place_stems import CJK_ITEM, NAME_TAGS, NOT_NAME_TAGS, after_last_verb
from .place_words import LIST_JOINS, boundary_pattern, cut_at, word_lists
from .resources import alternation


def built_kind(clean: str, start: int, suffix_start: int) -> bool:
    """打造|活力社区, 构建|和谐社区: a stem that is one common noun or adjective right after a verb of
    building ([kind_verbs]) names the kind of place built, not a place."""
    return clean.endswith(_kind_verbs(), 0, start) and word_tag(clean[start:suffix_start]) in _KIND_TAGS


# jieba tags of a stem naming a kind of place: common nouns and adjectives (活力, 时尚, 和谐, 宜居 is ns).
_KIND_TAGS = frozenset(("n", "a", "an", "vn", "ad"))


@cache
def _kind_verbs() -> tuple[str, ...]:
    return tuple(word_lists()["kind_verbs"]["words"])


@cache
def _works_verb() -> re.Pattern[str]:
    return re.compile(alternation(word_lists()["works_verbs"]["words"]))


# The levels whose names a verb of works is written straight before (硬化|莆明村, 改造|阳光小区).
WORKS_LEVELS = frozenset(("village", "community", "compound"))


def after_works_verb(clean: str, floor: int, suffix_start: int) -> tuple[int, int] | None:
    """The span of the verb of works a name starts after ([works_verbs]: 投资48万元硬化|莆明村,
    扩建|朱山村, 建设|香铺中心村, 提升改造|…村): the last such verb, jieba's word there, that leaves a
    stem of two characters or more, no boundary before the suffix, and no common word nor a verb of
    its own (改造|范围小区, 改造|推动形成社区: the words of a clause); else None (建设新村, 新建村: no stem)."""
    reach = word_lists()["works_verbs"]["max_stem"]
    low = max(floor, suffix_start - reach - 4)
    verb = None
    for m in _works_verb().finditer(clean, low, suffix_start - 2):
        if suffix_start - m.end() <= reach and (m.start() == 0 or cut_at(clean, m.start())):
            verb = m.span()
    if verb is None or not CJK_ITEM.fullmatch(clean, verb[1], suffix_start):
        return None
    end = verb[1]
    tag = word_tag(clean[end:suffix_start])
    if (tag and not tag.startswith(NAME_TAGS)) or boundary_pattern().search(clean, end, suffix_start):
        return None
    return None if after_last_verb(clean, end, suffix_start, NOT_NAME_TAGS) > end else verb


@cache
def _stem_verbs() -> frozenset[str]:
    words = word_lists()
    naming = words["place_object_verbs"]["naming_verbs"]
    return frozenset(words["works_verbs"]["words"] + words["verb_stems"]["words"]) - frozenset(naming)


def verb_stem(stem: str) -> bool:
    """重建|小区, 翻新|小区, 回访|社区, 今年筹建|社区: the stem's last word (the longest dictionary word
    ending it) is a verb of works, handling or moving in ([works_verbs], [verb_stems]): the place is
    its object, no name (建设社区, 新建村: verbs that name places)."""
    verbs = _stem_verbs()
    last = next((stem[k:] for k in range(len(stem) - 1) if word_tag(stem[k:]) or stem[k:] in verbs), "")
    return last in verbs


def runs_clause_on(clean: str, start: int, s: int) -> bool:
    """座谈,并进村走访, 。在建新城: a stem a clause runs on with (and went into, being built) opening a
    clause or after a verb or pronoun (座谈并进村), no name; after a place or a list's join
    (石门镇并进村, 前进村、并进村) a name."""
    if clean[start:s] not in word_lists()["running_stems"]["words"]:
        return False
    before = clean[start - 1 : start]
    if before in LIST_JOINS:
        return False
    if not before or not CJK_CHAR.match(before):
        return True
    word = next(
        (clean[start - k : start] for k in (4, 3, 2) if start >= k and word_tag(clean[start - k : start])), before
    )
    return word_tag(word)[:1] in ("v", "r")


def clause_opener(stem: str) -> bool:
    """据|东: a two-character stem opened by a preposition that opens a clause (according to…), no name."""
    return len(stem) == 2 and stem[0] in word_lists()["boundaries"]["clause_openers"] and not word_tag(stem)


def verb_takes_place(stem: str) -> bool:
    """硬化村内道路, 审判进村, 督促街道整改: the stem's last word (the longest dictionary word ending it)
    is a verb that takes the place as its object, not a name (前进村's last word is 前进)."""
    verbs = _object_verbs()
    if len(stem) > 2 and stem[-1] in word_lists()["place_object_verbs"]["particles"]:
        stem = stem[:-1]  # 担任过|村支书: the verb before the particle
    last = next((stem[k:] for k in range(len(stem) - 1) if word_tag(stem[k:]) or stem[k:] in verbs), None)
    # a one-character verb ends the stem after a word or a verb of its own (审判|进, 去|看), not after
    # one character that makes a name with it (吉到屯); a set phrase ending with a verb of two
    # characters (充分利用|社区, 大力推进|村) takes the place as that verb does
    if last is not None:
        return last in verbs or (len(last) > 2 and last[-2:] in verbs and not word_tag(last).startswith(NAME_TAGS))
    # 一进|村: 一 then a verb of going is "as soon as one enters", no name
    return stem[-1:] in verbs and (len(stem) != 2 or word_tag(stem[0])[:1] == "v" or stem[0] == "一")


def clause_verb(stem: str) -> bool:
    """夏风吹拂|村内, 溪水环绕|村庄: a stem of four characters or more whose last word is a verb of two
    characters or more after words of its own is a clause (a subject and its verb), not a name,
    unless the verb is one that names places (红旗前进村)."""
    if len(stem) < 4:
        return False
    last = next((stem[k:] for k in range(2, len(stem) - 1) if word_tag(stem[k:])), "")
    return word_tag(last) == "v" and last not in word_lists()["place_object_verbs"]["naming_verbs"]


@cache
def _paired_levels(suffix: str) -> tuple[str, ...]:
    return tuple(word_lists()["paired_levels"].get(suffix, ()))


def verb_before_paired_levels(clean: str, start: int, suffix_start: int, end: int) -> bool:
    """受到|镇村干部, 带领|镇、村干部: a township's suffix pairs with the level below it (镇村) after a
    verb the stem ends with (not one that names places: 前进镇村民): the two levels, no name."""
    stem = clean[start:suffix_start]
    return (
        len(stem) >= 2
        and clean.startswith(_paired_levels(clean[suffix_start:end]), end)
        and after_last_verb(clean, start, suffix_start) == suffix_start
        and not stem.endswith(_naming_verbs())
    )


@cache
def _naming_verbs() -> tuple[str, ...]:
    return tuple(word_lists()["place_object_verbs"]["naming_verbs"])


def slogan(stem: str) -> bool:
    """产业兴|村, 文化兴|乡, 工业强|镇: a field's noun, then what it does for the place; 百企兴百|村,
    千企帮千|村: a campaign pairing as many helpers as places, its numeral said twice ([slogans])."""
    words = word_lists()["slogans"]
    if len(stem) >= 3 and stem[0] == stem[-1] and stem[0] in words["campaign_numerals"]:
        return True
    if len(stem) >= 4 and stem[-1] in words["campaign_numerals"] and stem[-2] in words["campaign_verbs"]:
        return True  # 珍贵树种进万|村: taken to ten thousand villages
    if len(stem) >= 3 and stem[-1] in words["big"]:
        return stem[-2] == "业" or stem[:-1].endswith(tuple(words["big_fields"]))  # 工业大|镇, 旅游大|村
    return len(stem) >= 3 and stem[-1] in words["verbs"] and word_tag(stem[:-1]) in words["noun_tags"]


def slogan_half(clean: str, suffix_start: int) -> bool:
    """育优训强|村, 强基富|村: the suffix closes the second half of a four-character slogan ([slogans]
    half_endings), not a name (在新强|村: no half before it; 加强|新兴村: 强 closes the word 加强)."""
    words = word_lists()["slogans"]
    if suffix_start < 3 or clean[suffix_start - 1] not in words["verbs"]:
        return False
    opening = clean[suffix_start - 3]
    if opening in words["half_endings"]:
        return True
    before = clean[suffix_start - 4 : suffix_start - 2] if suffix_start >= 4 else ""
    return opening in words["verbs"] and not (before and word_tag(before))


@cache
def people_qualifiers() -> tuple[str, ...]:
    return tuple(word_lists()["slogans"]["people_qualifiers"])


def verb_after_word(stem: str) -> bool:
    """企业回馈|社区, 干部下沉|社区: the stem's last word is a verb with a word before it, so the
    community is its object (a stem that is one verb alone may be a name: 胜利社区, 建设社区)."""
    last = next((stem[k:] for k in range(1, len(stem) - 1) if word_tag(stem[k:])), "")
    return word_tag(last) in ("v", "vn")


def predicate_verb(clean: str, start: int, suffix_start: int, end: int, before: str) -> bool:
    """要|突出街道特色, 拓展|延伸社区服务, ，创新社区管理: a stem that is one verb alone (none that names
    places: 前进村) where a clause's verb stands is that verb, the place its object: after a word of
    modality or manner or another verb ([predicate_stems]), or opening a clause before a word of
    activity the suffix makes a common noun with (社区|管理). After a verb of going or a boundary word
    a lone verb is a name (来到|创新村)."""
    stem = clean[start:suffix_start]
    if len(stem) != 2 or word_tag(stem) != "v" or stem in _naming_verbs():
        return False
    words = word_lists()["predicate_stems"]
    if before in words["modals"]:
        return True
    if len(before) > 1:
        return word_tag(before)[:1] in ("v", "d") and not boundary_pattern().fullmatch(before)
    return not CJK_CHAR.match(before) and word_tag(clean[end : end + 2]) in words["activity_tags"]


# A numeral in a word jieba tags m (八一, 十里, 第三): a numbered name, no word of quantity.
_NUMERAL_IN_WORD = re.compile(r"[0-9一二三四五六七八九十百千万两廿〇零第]")


# jieba tags of a common noun or set phrase a township's suffix stands inside (城乡居民, 城乡建设).
_COMMON_NOUN_TAGS = frozenset("nl")


def suffix_in_common_noun(clean: str, s: int, e: int) -> bool:
    """南城|乡居民: the character before the suffix, the suffix and the two characters after it make
    one common noun (城乡居民: urban and rural residents), so the suffix ends no name there, even one
    the table holds (南城乡 is a township elsewhere)."""
    return s > 0 and word_tag(clean[s - 1 : e + 2])[:1] in _COMMON_NOUN_TAGS


def quantity_stem(stem: str) -> bool:
    """很多|社区, 众多|社区: the stem's last word is a word of quantity (jieba's m with no numeral in
    it), which counts the places the suffix names, not one of them ([quantity_stems])."""
    last = next((stem[k:] for k in range(len(stem) - 1) if word_tag(stem[k:])), "")
    return (
        word_tag(last) == "m"
        and not _NUMERAL_IN_WORD.search(last)
        and last[-1] not in word_lists()["quantity_stems"]["name_endings"]
    )


def verb_after_subject(clean: str, floor: int, start: int, suffix_start: int) -> bool:
    """活动受到|社区居民欢迎, 做法赢得|小区业主认可: a stem that is one verb of two characters or more
    (not one that names places: 前进社区) written straight after a noun, its subject, is the
    clause's verb, the place its object."""
    stem = clean[start:suffix_start]
    if len(stem) < 2 or word_tag(stem) != "v" or stem in _naming_verbs() or stem in estate_naming_verbs():
        return False
    subject = next(
        (clean[start - k : start] for k in (3, 2) if start - k >= floor and word_tag(clean[start - k : start])), ""
    )
    return word_tag(subject) in word_lists()["quantity_stems"]["subject_tags"]


# The longest idiom holding a place's suffix (走村串户, 进村入户): its characters before the suffix.
_IDIOM_REACH = 3


def idiom_across_suffix(clean: str, suffix_start: int, end: int) -> bool:
    """驱车走|村串户, 干部进|村入户: an idiom of four characters (jieba's l or i) starts in the stem and
    runs on past the suffix, so the suffix is a character of it, no name's end."""
    return any(
        word_tag(clean[suffix_start - k : suffix_start - k + 4]) in ("l", "i")
        for k in range(1, _IDIOM_REACH + 1)
        if suffix_start - k + 4 > end
    )


def person_then_verb(stem: str) -> bool:
    """李纪恒希望|村“两委”, 王建国要求|社区: a person's name, then a verb of two characters or more whose
    clause the suffix's word opens (the person wishes the village committee to…), not a name."""
    last = next((stem[k:] for k in range(1, len(stem) - 1) if word_tag(stem[k:])), "")
    return len(last) >= 2 and word_tag(last) == "v" and word_tag(stem[: -len(last)]) == "nr"


@cache
def estate_naming_verbs() -> frozenset[str]:
    return frozenset(word_lists()["place_object_verbs"]["estate_naming_verbs"])


@cache
def _object_verbs() -> frozenset[str]:
    return frozenset(word_lists()["place_object_verbs"]["words"])
