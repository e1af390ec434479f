"""Where a below-county name's stem starts, and the tests of the boundary before it: the last
boundary word before the suffix (:func:`stem_start`), a boundary character that is the name's own
(在吉到屯, 和平村), a township's whole name from the table (:func:`township_name_start`), the word
opening a stem that is not the name's (支持|唐江镇, 去|逢留村, 今年|五村), a list item's start
(南村、上和村), a common noun of the name's kind before it (:func:`apposed_start`), and the bare
stems that name nothing (去年镇, 该村).

It does not read whether a stem is a clause's words (:mod:`gov_extract.place_stem_clauses`), nor
scan the suffixes (:mod:`gov_extract.place_below`); the shared stem tests it reads are in
:mod:`gov_extract.place_stems`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from . import gazetteer
from .names import word_tag
from .place_stems import (
    CJK_ITEM,
    FUNCTION_TAGS,
    INNER_BOUNDARY_TAGS,
    NAME_TAGS,
    NUMERAL_CHAR,
    TABLE_NAME_MIN,
    VILLAGE_SUFFIX,
    body_after,
    is_generic,
    noun_after_boundary,
    opened_name,
    road_words,
    trailing_suffix,
)
from .place_words import LIST_JOINS, Mask, after_date, boundary_pattern, cut_at, word_lists
from .resources import alternation, jieba_tokenizer
from .text import is_han

# What stands between a count's numeral and its classifier (80余名, 20多个).
_APPROXIMATE = re.compile(r"[余多来]")


@lru_cache(maxsize=4096)
def no_name_within(name: str, level: str) -> bool:
    """Every name starting inside ``name`` (from its first character on) is a common noun by
    :func:`is_generic` and, for a township, none is the table's (全镇, 城乡, 小区 after a mark)."""
    return all(
        is_generic(name[k:], clear_start=clear) and not table_township(name[k:], level, listed=True)
        for k in range(len(name))
        for clear in (False, True)
    )


# jieba's tag of a position word (前, 后, 上), which opens village names (后村村, 前庄村).
_POSITION_TAG = "f"


def _settlement_village(clean: str, suffix_start: int) -> bool:
    """南村|村, 王庄|村, 马寨|村: the stem ends with a settlement's word before the village's suffix
    ([doubled_suffix] settlements), the end of a village's own name."""
    return clean[suffix_start - 1 : suffix_start] in _settlements() and clean.startswith(VILLAGE_SUFFIX, suffix_start)


@cache
def _settlements() -> str:
    return word_lists()["doubled_suffix"]["settlements"]


def after_pronoun(clean: str, start: int, end: int) -> int:
    """Where a stem after a pronoun goes on past the pronoun's 们, its verb and the verb's particle
    (他|们去|石门村, 他|去过|石门村), leaving a name of two characters or more."""
    pos = start
    for word in jieba_tokenizer().cut(clean[start:end], HMM=False):
        if end - pos - len(word) < 2 or word_tag(word)[:1] not in _AFTER_PRONOUN_TAGS:
            break
        pos += len(word)
    return pos


# jieba tags of the words between a pronoun and a place: 们 (k), verbs, particles (了, 过).
_AFTER_PRONOUN_TAGS = frozenset("kvu")


def stem_start(clean: str, suffix_start: int, floor: int, suffix: str = "") -> tuple[int, str] | None:
    """Where a below-county name begins, and the boundary before it (after the last boundary word)."""
    max_stem = word_lists()["limits"]["max_stem"]
    low = max(floor, suffix_start - max_stem - 4)
    window = clean[low:suffix_start]
    last = previous = None
    for m in boundary_pattern().finditer(window):
        last, previous = m, last
    if last is None:
        if low != floor:
            return None
        start, before = low, ""
    else:
        start, before = low + last.end(), last.group(0)
        if suffix_start - start < 2 and len(before) == 1:
            # 前进村, 太和镇: the boundary character is part of a dictionary word that ends the name
            # (not where it closes a word before it: 落后|山村 holds no 后山村).
            word = 0
            for w in (3, 2):
                if (
                    suffix_start - w >= low
                    and word_tag(clean[suffix_start - w : suffix_start]) in INNER_BOUNDARY_TAGS
                    and not (suffix_start - w > low and word_tag(clean[suffix_start - w - 1 : suffix_start - w + 1]))
                ):
                    word = w
                    break
            if word:
                start = suffix_start - word
                # 县城|向阳社区: the boundary word before the dictionary word is what the name follows
                ends_there = previous is not None and low + previous.end() == start
                before = previous.group(0) if ends_there and previous is not None else clean[start - 1 : start]
            elif (
                named := _boundary_in_name(
                    clean,
                    low + (previous.end() if previous else 0),
                    suffix_start,
                    before,
                    clear=previous is None,
                    body_after=body_after(clean, suffix_start + len(suffix)),
                )
            ) is not None:
                start, before = named, clean[named - 1 : named] if previous or low != floor else ""
        elif (
            len(before) == 1
            and word_lists()["suffixes"].get(suffix) in ("community", "compound")
            and clean.endswith(road_words(), start, suffix_start)
            and _boundary_opens_word(clean, start, low)
        ):
            # 来到|和平路社区, 走进|向阳路社区: the boundary character opens a word jieba reads whole
            # with the stem's first character (和平, 向阳): the road the name is after is named by it
            start -= 1
            before = clean[start - 1 : start] if start > floor else ""
    if before and NUMERAL_CHAR.match(before):
        # 2025年|枫林乡, 30名|乡村振兴, 80余名|街道: a date's 年, or a count's classifier (after 余, 多),
        # is not the name's
        lead = start + (1 if _APPROXIMATE.match(clean, start) else 0)
        dated = lead == start and clean[start : start + 1] in after_date()
        if not dated and word_tag(clean[lead : lead + 1]) == "m":
            return None  # 超10万元|村, 5亿元|镇: the number runs on as an amount, the places counted by it
        if dated or word_tag(clean[lead : lead + 1]) == "q":
            start = lead + 1
            if clean.startswith(_numbered_things(), start):
                return None  # 1号公路|开篇片区: the road numbered, no name
    # 在苗族村寨十八洞村: a common noun of the name's kind before it makes the run longer
    if suffix_start - start <= max_stem or (suffix and apposed_start(clean, start, suffix_start, suffix) is not None):
        return start, before
    return None


def _boundary_opens_word(clean: str, start: int, low: int) -> bool:
    """The one boundary character before ``start`` opens a dictionary word with the character at
    ``start`` (和|平, 向|阳) that jieba reads whole, cut before it, not after it."""
    return (
        start - 1 > low
        and is_han(clean[start - 1])
        and bool(word_tag(clean[start - 1 : start + 1]))
        and cut_at(clean, start - 1)
        and not cut_at(clean, start)
    )


@cache
def strong_words() -> tuple[str, ...]:
    """Words after which a list of names or a name may start (其中, 该镇, 全乡, 合并成)."""
    boundaries = word_lists()["boundaries"]
    return (*boundaries["strong_words"], *boundaries["location_words"], *boundaries["result_verbs"])


@cache
def determiners() -> tuple[str, ...]:
    return tuple(word_lists()["boundaries"]["determiners"])


@cache
def headings() -> frozenset[str]:
    return frozenset(word_lists()["boundaries"]["headings"])


@cache
def _numbered_things() -> tuple[str, ...]:
    return tuple(word_lists()["numbered_things"]["words"])


def _boundary_in_name(
    clean: str, start: int, suffix_start: int, boundary: str, *, clear: bool, body_after: bool
) -> int | None:
    """在吉到屯, ，那温村: a two-character stem that holds a boundary character (到, 那) after a clear
    cut is a name of its own where it is no word (那个村, 送到村 are words): common in Zhuang and
    Dai village names (``clear``: ``start`` is the text's or a found place's end). The boundary
    ends the stem, after a character that is no verb (吉到; not 让土, 及时到), or opens it where it
    opens such names (那温; not 在邓村乡). With the village's body or people written after it
    (``body_after``: 平等村村委会, 于家村村民) an adjective (平等) or a boundary opening a noun (于家,
    对门) is a name too. Where it starts, else None."""
    stem = clean[start:suffix_start]
    if len(stem) != 2 or not CJK_ITEM.fullmatch(stem):
        return None
    # jieba's cut (the costliest test) is made last, where the stem would otherwise be a name
    tag = word_tag(stem)
    if tag and not tag.startswith(NAME_TAGS):
        named = body_after and tag == "a"
    elif stem[0] == boundary:
        named = (
            opened_name(stem)
            or (body_after and noun_after_boundary(stem))
            # 在后村|村, 前庄|村: a position word and a settlement's word name a village
            or (_settlement_village(clean, suffix_start) and word_tag(stem[0]) == _POSITION_TAG)
        )
    else:
        # 一是|镇区建设, 二是|村干部: a numeral before the boundary counts the points of a report; a
        # verb character ends no name before most boundaries (送到村), but closes one before a
        # conjunction (盛和小区) where it ends no verb word (引导|和): jieba cuts there even after a clear cut
        opener = word_tag(stem[0])[:1]
        named = opener != "m" and (opener != "v" or boundary in _name_closers())
        clear = clear and opener != "v"
    return start if named and (clear or cut_at(clean, start)) else None


@cache
def products() -> frozenset[str]:
    return frozenset(word_lists()["names_after"]["products"])


@cache
def dateline_marks() -> str:
    return word_lists()["boundaries"]["dateline_marks"]


@cache
def _name_closers() -> str:
    return word_lists()["boundaries"]["name_closers"]


def boundary_opens_item(clean: str, cut: int, end: int) -> bool:
    """该镇|对门村、平等村等: after a word that opens a list of names, a one-character boundary (对)
    before a one-character stem (门) that makes no word with it opens the first item's name."""
    own = trailing_suffix().search(clean, cut, end)
    stem = clean[cut - 1 : own.start() if own is not None else end]
    return (
        len(stem) == 2
        and clean.endswith(strong_words(), 0, cut - 1)
        and not word_tag(stem)
        and noun_after_boundary(stem)
    )


# jieba tags of a word that opens a stem without being part of the name: verbs, time words,
# pronouns, adverbs, prepositions, conjunctions, words of description (支持|唐江镇, 今年|大孝堡镇,
# 小小|官山村); one character only for adverbs, prepositions and conjunctions (因|龙眠街道).
_OPENING_TAGS = frozenset("vtrdpcb")


_OPENING_CHAR_TAGS = frozenset("dpc")


# A bare stem that is one such word names nothing (去年镇, 目前村), unless the township table holds
# the name (大中街道); an item of a list of places with the suffix (李坪村、明月村: jieba's 明月 is a
# time word) only where it is a function word.
_NOT_STEM_TAGS = frozenset("trdpc")


def table_township(name: str, level: str, *, listed: bool) -> bool:
    """A township of the table with a name of three characters or more (辉苏木): a name, whatever
    its stem looks like; a two-character one (马乡, 口镇, 新镇: too often ordinary words) only as an
    item of a list (德庆乡、马乡、羊达乡), where a name the table holds as renamed since (马乡, now 马镇)
    counts too."""
    shortest = TABLE_NAME_MIN - 1 if listed else TABLE_NAME_MIN
    if name in _common_nouns():
        return False
    return level == "township" and len(name) >= shortest and gazetteer.is_township(name, renamed=listed)


def in_list(clean: str, start: int, end: int) -> bool:
    """The name stands between list marks (、马乡、)."""
    return clean[start - 1 : start] == "、" or clean[end : end + 1] == "、"


# The longest item of a list of places sharing a suffix (、上和村、塔村) read whole.
_LIST_ITEM_STEM = 4


def list_item_start(clean: str, taken: Mask, suffix_start: int, suffix: str) -> int | None:
    """Where an item of a list of places with one suffix starts (南村、上和村、塔村): right after the
    list mark that follows a place already found with the same suffix; a boundary word (和) or one
    character there is the item's own name."""
    mark = clean.rfind("、", max(0, suffix_start - _LIST_ITEM_STEM - 1), suffix_start)
    if mark < 1 or not CJK_ITEM.fullmatch(clean, mark + 1, suffix_start):
        return None
    return mark + 1 if clean.endswith(suffix, 0, mark) and taken.hits(mark - 1, mark) else None


def township_name_start(clean: str, floor: int, end: int, found: tuple[int, str] | None) -> tuple[int, str] | None:
    """A township's whole name from the township table, where it runs back past the boundary word
    the stem stopped at (格朗和|哈尼族乡 is 格朗和哈尼族乡; 辉苏木's one-character stem is a name)."""
    shortest = end - (found[0] if found is not None else end) + 1
    lengths = gazetteer.township_lengths(clean[end - 2 : end])
    for size in lengths:
        if size > end - floor:
            continue
        if size < shortest:
            break
        if gazetteer.is_township(clean[end - size : end]):
            start = end - size
            if size < TABLE_NAME_MIN and not cut_at(clean, start):
                continue  # 示|范镇: a two-character name of the table inside a word (示范镇) is none
            if not cut_at(clean, start) and is_generic(clean[start + 1 : end]):
                continue  # 完成|集镇: a word runs into the name, whose rest is a common noun (集镇)
            # the boundary word that ends where the name starts (完成|还地桥镇), else the character
            near = boundary_pattern().finditer(clean, max(floor, start - 4), start)
            ending = [b.group(0) for b in near if b.end() == start]
            return start, ending[-1] if ending else clean[start - 1 : start]
    # 先后来|西合营镇, 督查了|柳河镇: the stem holds a word before a township of the table, which
    # starts where jieba's words end (only the lengths of the table's names with this ending can)
    if found is None:
        return found
    inner = [size for size in lengths if TABLE_NAME_MIN <= size < end - found[0]]
    if not inner or gazetteer.is_township(clean[found[0] : end]) or gazetteer.opens_division(clean, found[0]):
        return found  # 中山大涌镇: a division's name before the township makes a chain of them
    for size in inner:
        start = end - size
        name = clean[start:end]
        if gazetteer.is_township(name) and name not in _common_nouns() and cut_at(clean, start):
            return start, clean[start - 1 : start]
    return found


@cache
def _common_nouns() -> frozenset[str]:
    return frozenset(word_lists()["township_table"]["common_nouns"])


def strip_opening_word(clean: str, start: int, suffix_start: int) -> tuple[int, str] | None:
    """``(new start, the word)`` when a verb, time word or function word opens a stem that
    keeps two characters without it (支持|唐江镇, 因|龙眠街道), else None."""
    if suffix_start - start < 3:
        return None  # no word opens a stem of two characters
    if suffix_start - start >= 4 and _position_opening(clean[start : start + 2]):
        return start + 2, clean[start : start + 2]  # 东临|乌兰图克嘎查, 西接|新民村 (西临河村 is a name)
    for size, tags in ((2, _OPENING_TAGS), (1, _OPENING_CHAR_TAGS)):
        if suffix_start - start - size >= 2 and word_tag(clean[start : start + size])[:1] in tags:
            # 自来水村: the word runs on past it (自来|水 is 自来水), so it opens no stem
            longer = (clean[start : start + size + more] for more in (1, 2) if start + size + more <= suffix_start)
            if any(word_tag(word) for word in longer):
                return None
            return start + size, clean[start : start + size]
    return None


def word_before_known(clean: str, start: int, at: int) -> str:
    """The word before a known name at ``at`` that opens no name with it (去|逢留村, 近千人来|群丰村,
    老家|三宝彝族乡, 坝系|九川府村): jieba's last word before ``at`` (cut there) is a verb or function
    word, or a common noun of two characters or more; else "" (a place's or person's name, a
    direction or adjective before the name may be another place's: 新|平安村, 东|平安村)."""
    if at - start < 1 or not cut_at(clean, at):
        return ""
    word = ""
    pos = start
    for word in jieba_tokenizer().cut(clean[start:at], HMM=False):
        pos += len(word)
    tag = word_tag(word)
    if tag[:1] in _KNOWN_OPENER_TAGS or (len(word) > 1 and tag == "n"):
        return word
    return ""


# jieba tags of a word before a known name that is not the name's (verbs, prepositions, time words,
# adverbs, conjunctions, pronouns): 去|逢留村, 在|逢留村.
_KNOWN_OPENER_TAGS = frozenset("vptdcr")


def word_into_stem(clean: str, start: int, suffix_start: int) -> str:
    """The word ([boundaries] words_into_stem) that the stem's first character closes (驻|地北庄: 驻地,
    驻|地王: 王村, 就|地城: 城镇 a common noun); else ""."""
    # Each such word ends with the stem's first character (地): most stems open with none of those.
    if suffix_start - start < 2 or clean[start] not in _words_into_stem_lasts():
        return ""
    return next((w for w in words_into_stem() if len(w) <= start + 1 and clean.startswith(w, start + 1 - len(w))), "")


@cache
def words_into_stem() -> tuple[str, ...]:
    return tuple(word_lists()["boundaries"]["words_into_stem"])


@cache
def _words_into_stem_lasts() -> frozenset[str]:
    return frozenset(word[-1] for word in words_into_stem())


def after_going(clean: str, start: int, suffix_start: int) -> int:
    """Where the stem goes on after a one-character verb of going jieba cuts after two characters or
    more (近千人|来|群丰, 游客们|去|石门), leaving two characters or more; else ``start``."""
    if suffix_start - start < 5:
        return start
    going = word_lists()["arrival_verbs"]["going_chars"]
    # A word of going cut there ends with a going character past the stem's first two and before
    # its last two: a stem with none there is not cut (jieba's cut is the costly part).
    if not any(char in going for char in clean[start + 2 : suffix_start - 2]):
        return start
    pos = start
    for word in jieba_tokenizer().cut(clean[start:suffix_start], HMM=False):
        pos += len(word)
        if word in going and pos - start > 2 and suffix_start - pos >= 2:
            return pos
    return start


def counted_stem(clean: str, start: int, suffix_start: int) -> bool:
    """今年|五村, 去|五村: a numeral before the suffix after a time word or a verb (the numbered village
    alone is the name); 两镇五村, 上寨、中寨三村组成: after a suffix that opens with a numeral or ends a
    list item, a count of places; 一村村: every village; 明代成村, 清初建村: a time word and a verb of
    founding. None of these stems is a name."""
    stem = clean[start:suffix_start]
    words = word_lists()["counted_stems"]
    if len(stem) < 2:
        return False
    if stem[-1] in words["founding_verbs"] and word_tag(stem[:-1]) == "t":
        return True
    if stem[-1] == clean[suffix_start] and _PLACE_COUNT.fullmatch(stem[:-1]):
        return True  # 一村|村 (三屯村, 八寨村 are names)
    number = _PLACE_COUNT_TAIL.search(stem)
    if number is None or number.start() == 0:
        return False
    prefix = stem[: number.start()]
    if prefix[-1] in words["suffix_chars"]:
        return _PLACE_COUNT.match(prefix) is not None or clean[start - 1 : start] == "、"
    return prefix in _numeral_openers()


@cache
def _numeral_openers() -> frozenset[str]:
    """The time words and verbs of going before a bare numbered village (今年|五村, 去|五村)."""
    words = word_lists()
    counted = words["counted_stems"]
    arrival = words["arrival_verbs"]
    return frozenset((*counted["time_words"], *counted["going_verbs"], *arrival["words"], *arrival["going_chars"]))


# A count in words (两, 五, 十二) and the one a stem ends with (今年|五, 两镇|五).
_PLACE_COUNT = re.compile(r"[一二三四五六七八九十两]{1,3}")

_PLACE_COUNT_TAIL = re.compile(r"[一二三四五六七八九十两]{1,3}$")


def _position_opening(word: str) -> bool:
    """东临, 西接, 南邻: a direction and a verb of position, which open a clause naming a neighbour."""
    boundaries = word_lists()["boundaries"]
    return len(word) == 2 and word[0] in boundaries["direction_openers"] and word[1] in boundaries["position_verbs"]


# jieba tags of a word a boundary character opens with the stem's first character (着|重: 着重) that
# opens no name: adjectives, adverbs, conjunctions, prepositions.
_SPLIT_WORD_TAGS = frozenset("adcp")


def boundary_splits_word(clean: str, start: int, floor: int) -> bool:
    """着|重就联乡: the boundary character before the stem opens a word jieba reads whole with the stem's
    first character, an adverb or function word (着重), not a name's: the stem starts inside a word."""
    return (
        word_tag(clean[start - 1 : start + 1])[:1] in _SPLIT_WORD_TAGS
        and boundary_pattern().fullmatch(clean, start - 1, start) is not None
        and _boundary_opens_word(clean, start, floor)
    )


def without_stem(clean: str, s: int) -> bool:
    """A suffix at ``s`` is written with no stem before it: at the text's start or after a boundary."""
    return s == 0 or boundary_pattern().match(clean, s - 1) is not None


# The shortest run holding a common noun before a name: two characters before the noun (its
# modifier), the noun, two of the name.
_APPOSED_MIN = 5


def apposed_start(clean: str, start: int, suffix_start: int, suffix: str) -> int | None:
    """Where a name starts after a common noun of its own kind that stands before it, which no
    place was read from (彝族山村|火普村, 苗族村寨|十八洞村, 老旧小区|宏达小区): the common noun is not
    the name's."""
    if suffix_start - start < _APPOSED_MIN:
        return None
    nouns = list(_kind_words(suffix).finditer(clean, start, suffix_start))
    if not nouns or suffix_start - nouns[-1].end() < 2:
        return None  # 上村村: the name's own 村
    noun = nouns[-1]
    if noun.start() - start < 2 or not is_generic(clean[start : noun.end()]):
        return None  # 驻村|工作队: no common noun of the kind stands before
    return noun.end()


@cache
def _kind_words(suffix: str) -> re.Pattern[str]:
    """The suffix and the words for a kind of place a common noun of its kind ends with (村寨, 村落)."""
    return re.compile(alternation((suffix, *word_lists()["kind_words"].get(suffix, ()))))


# jieba tags of a stem that names nothing even between a list's marks (、该村、): an adverb's
# characters there are a village's name (梨园村、小许村、沈庄村: jieba's 小许 is an adverb).
_LISTED_NOT_STEM_TAGS = frozenset("prc")


def not_stem_tags(clean: str, end: int, *, listed: bool) -> frozenset[str]:
    """The jieba tags of a bare stem that make no name: a list item (after a place of the same
    suffix) takes only function words, and one that another item follows (、) no adverb either."""
    if not listed:
        return _NOT_STEM_TAGS
    return _LISTED_NOT_STEM_TAGS if clean[end : end + 1] in LIST_JOINS else FUNCTION_TAGS


def function_stem(stem: str) -> bool:
    """A stem that makes no name, being no dictionary word: ending with two function characters
    (菜比别村便宜, 在这村), or a clause ending with a preposition before the suffix (人在村里: 在 is no name's last
    character there; 春在镇 is a township of the table)."""
    if len(stem) < 2 or word_tag(stem) or word_tag(stem[-2:]):
        return False
    if all(word_tag(c)[:1] in FUNCTION_TAGS for c in stem[-2:]):
        return True  # (菜)比别|村
    return stem[-1] in word_lists()["boundaries"]["not_name_end"]


def closes_list(clean: str, start: int, suffix_start: int) -> bool:
    """大河村、水利等村: a list item, then 等 and the kind, is no name of its own (平等村 is)."""
    return clean[suffix_start - 1 : suffix_start] == "等" and clean[start - 1 : start] in LIST_JOINS
