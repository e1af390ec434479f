"""What a stem before a place suffix may be, the tests every finder of places below the county
shares: a common noun rather than a name (:func:`is_generic`: 老旧小区, 美丽乡村, 一个村; and
:func:`generic_whatever_before` for a tail that makes any name common), a suffix that really ends a
name (:func:`suffix_ok`: not 村 of 村民, 乡 of 乡镇), the suffix written twice (罗村|镇, 南村|村), a
township's own bodies after it (周田镇|居委会), and the jieba tag sets, number patterns and word
lists the modules above read alike.

It finds no place and does not say where a stem starts (:mod:`gov_extract.place_stem_start`) or
which stems are a clause's words (:mod:`gov_extract.place_stem_clauses`); it imports none of the
``place_*`` modules built on it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import regex

from . import gazetteer
from .names import word_tag
from .place_divisions import CJK_CHAR
from .place_words import below_suffixes, body_head_at, cut_at, generic_words, suffix_pattern, word_lists
from .resources import alternation, jieba_tokenizer, read_words
from .text import CJK

# Patterns in the standard library's syntax are compiled by it, whose engine answers each call
# faster (an overlapped search too, by a lookahead); ``regex`` compiles those that need \p{Han} or
# one group name in two branches.


# A count before a suffix is no name's stem (一个村, 3个社区). With 家, 所, 座 or 处 it counts only
# after 一, 两, 几, 多 or digits (一家社区, 十几所村小, 3家社区): a plain numeral before them is a
# village's name (三家村, 八家村, 五所村, 九家社区). 位 and 名 count a place's people after any
# numeral (一位社区居民, 三位社区网格员).
_NUMERAL = re.compile(
    r"[0-9一二三四五六七八九十两百几多]+[个位名]?|(?:[0-9]+|[一二三四五六七八九十百]*[一两几多])[家所座处]"
    # 亿元村, 千万元村, 十亿元村: a village ranked by its income (亿 or 千万 in the count); 百元村,
    # 万元村, 十万元村 may be names
    r"|[0-9一二三四五六七八九十百千]*(?:亿|千万)元"
)


# A span of years opening a stem (一年|村集体收入, 实现“三年强村”目标, 五年富村): a time or a plan's
# slogan, no name (百年, 千年, 万年 may open one: 万年村).
_YEARS_OPENING = re.compile(r"(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,3})年")


# A numeral character just before a name: the date or count it ends is not the name's (2025年|枫林乡).
NUMERAL_CHAR = re.compile(r"[0-9一二三四五六七八九十〇零]")


MAX_LIST = 30


@cache
def trailing_suffix() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(word_lists()['suffixes'])})$")


@cache
def _generic_source() -> str:
    """The common nouns' fragments (place_generic.txt), after a class of their first characters
    that fails at once where none starts."""
    words = generic_words()
    firsts = re.escape("".join(sorted({word[0] for word in words})))
    return f"(?=[{firsts}])(?:{alternation(words)})"


@cache
def generic_pattern() -> re.Pattern[str]:
    return re.compile(_generic_source())


@cache
def _generic_starts() -> re.Pattern[str]:
    """A fragment starting at each position, overlapping (group 1): the match itself is empty, so
    each search goes on from the next character (``regex``'s ``overlapped=True``, slower)."""
    return re.compile(f"(?=({_generic_source()}))")


@cache
def _estate_kind() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(word_lists()['estate_kinds']['words'])})+")


@cache
def _nationality_opening() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(read_words('place_nationalities.txt'))})族")


def _placed_nickname(stem: str) -> bool:
    """A stem that ends with a kind's nickname (淘宝) after a place's name (中国|淘宝) or after that
    kind written with its suffix (淘宝村|淘宝): the kind, no name (东淘宝村 is one)."""
    if not stem.endswith(_nickname_endings()):
        return False  # (one call for them all: most stems end with no nickname)
    nick = next((n for n in _nicknames() if stem.endswith(n) and len(stem) > len(n)), None)
    if nick is None:
        return False
    rest = stem[: -len(nick)]
    return (len(rest) > 1 and word_tag(rest).startswith("ns")) or trailing_suffix().sub("", rest) in _nicknames()


# A village or estate is named again and again in its article, and each time its name is tested
# against every common noun: the answers are kept while one article is read (places.find clears them).
@lru_cache(maxsize=1024)
def is_generic(name: str, *, clear_start: bool = False) -> bool:
    """老旧小区, 美丽乡村, 一个村: a common noun, not a name (the stem before the suffix is checked too);
    ``clear_start``: the name starts at a clear boundary, where 罗村镇 may be 罗村 + 镇 (村镇, 集镇)."""
    stem = trailing_suffix().sub("", name)
    if len(stem) < 2 or _NUMERAL.fullmatch(stem) is not None or stem in _level_stems() or stem in _nicknames():
        return True
    if _YEARS_OPENING.match(stem):
        return True  # 一年村集体收入, 三年强村: a span of years, then the village's collective or a slogan
    if _placed_nickname(stem):
        return True  # 中国淘宝村, 淘宝村淘宝镇: the kind in a place, or after the other kind
    if _estate_kind().fullmatch(stem):
        return True  # 居民小区, 高层住宅小区: the kind of estate is the whole stem (not 金星住宅小区)
    if _nationality_opening().match(name):
        return True  # 彝族山村, 苗族村寨: a nationality describes a village; it follows a name (温泉彝族乡)
    if _ranked_town(name, stem):
        return True  # 边贸重镇, 工业大镇: a town's rank in a domain, no name
    if stem.endswith("两"):
        return True  # 溪头两社区: 两 counts a list (陈屋、溪头两社区) and numbers no place
    if len(stem) >= 3 and stem.endswith(road_words()):
        return False  # 青年路社区, 建设路社区: named after its road, whose name may be any word
    if generic_pattern().search(name, len(stem)):
        name = stem  # 龙坞茶村特色小镇: the suffix's own 特色, 小镇 make no common noun of the name
    for m in _generic_starts().finditer(name):
        # 罗村镇, 韩集镇, 上村村 are 罗村 + 镇, 韩集 + 镇 and 上村 + 村, not a character and the common
        # word 村镇, 集镇 or 村村.
        if (
            clear_start
            and m.start() == 1
            and m.end(1) == len(name)
            and _doubled_suffix(m.group(1))
            and name[0] not in word_lists()["doubled_suffix"]["prepositions"]
        ):
            continue
        if name[m.start()] != "第" or not _ordinal_opens_name(name, m.start()):  # (only 第 opens an ordinal)
            return True
    return False


@cache
def generic_whatever_before(tail: str) -> bool:
    """农村, 老旧小区, 城乡: every name ending with ``tail`` (a stem's last characters and its suffix)
    is a common noun by :func:`is_generic`, whatever characters come before it and wherever it
    starts: the names starting inside the tail are asked, and for a longer one the tail alone
    decides: the suffix stripped is the tail's, the stem may end in no road's word, and a fragment
    starting in the tail's stem (in the tail where the suffix opens none) is no ordinal and not the
    doubled suffix a one-character stem may make before it (罗|村镇)."""
    if not all(is_generic(tail[k:], clear_start=clear) for k in range(len(tail)) for clear in (False, True)):
        return False
    suffix = trailing_suffix().search(tail)
    stem = tail[: suffix.start()] if suffix else ""
    if not stem or any(len(word) > len(tail) and word.endswith(tail) for word in word_lists()["suffixes"]):
        return False
    if any(stem.endswith(road) or road.endswith(stem) for road in road_words()):
        return False
    searched = stem if generic_pattern().search(tail, len(stem)) else tail
    return any(
        searched[m.start()] != "第"
        and not (m.start() == 0 and m.end(1) == len(searched) and _doubled_suffix(m.group(1)))
        for m in _generic_starts().finditer(searched)
    )


@cache
def road_words() -> tuple[str, ...]:
    return tuple(word_lists()["names_after"]["roads"])


# 第, the number after it, and the character after that.
_ORDINAL = regex.compile(r"第([0-9一二三四五六七八九十百两几]*)(\p{Han}?)")


def _ordinal_opens_name(name: str, at: int) -> bool:
    """The common word 第 at ``at`` is a name's, no ordinal: with no number after it (及第村: 第 a
    degree, a mansion), or a number then one noun, then the suffix, which names a place of a
    numbered series (第六埠村, the sixth wharf); 第二大镇, 第三批村, 第一村 describe one, and 期
    numbers an estate's phase."""
    m = _ORDINAL.match(name, at)
    if m is None:
        return False
    if not m.group(1):
        return True
    return (
        m.group(2) not in ("", "期")
        and word_tag(m.group(2)) in ("n", "ng")
        and trailing_suffix().fullmatch(name, m.end()) is not None
    )


def _ranked_town(name: str, stem: str) -> bool:
    """边贸重镇, 工业大镇, 农业大乡: a stem of three characters or more ending with a rank's character
    (place_words.toml [ranked_towns]) before a township's suffix ranks a town, it names none."""
    ranked = word_lists()["ranked_towns"]
    return len(stem) >= 3 and stem[-1] in ranked["ranks"] and name[len(stem) :] in ranked["suffixes"]


# 南村村, 后村村: a village named X村 takes the suffix 村 again, whose two 村 read as the common 村村.
VILLAGE_SUFFIX = "村"

DOUBLED_VILLAGE = VILLAGE_SUFFIX * 2

# jieba tags of a character that opens the common 村村 rather than a village's name X村村 (各村村,
# 让村村, 了村村): function words, verbs and particles.
_NOT_DOUBLED_OPENER_TAGS = frozenset("rdpcvu")


def _doubled_suffix(word: str) -> bool:
    """The common word a name's last stem character makes with its suffix (罗村|镇: 村镇, 上村|村: 村村)."""
    return word.endswith("镇") or word == DOUBLED_VILLAGE


def doubled_village_at_cut(clean: str, start: int, end: int) -> bool:
    """该镇|北村村, 介绍|张村村: one character and 村 name a village that takes the suffix 村 again
    (the whole is its name) where jieba's words end before it and the character opens no common
    村村 (各村村, 让村村)."""
    return (
        end - start == len(DOUBLED_VILLAGE) + 1
        and clean.startswith(DOUBLED_VILLAGE, start + 1)
        and word_tag(clean[start])[:1] not in _NOT_DOUBLED_OPENER_TAGS
        and cut_at(clean, start)
    )


def after_suffix(clean: str, at: int, suffix: str) -> bool:
    """An office suffix written straight after a township's (街道办事处) names its office, not a new place."""
    return suffix in word_lists()["office_suffixes"]["words"] and clean.endswith(_below_suffix_words(), 0, at)


def liaison_office(before: str, suffix: str) -> bool:
    """驻|成都办事处: a government's office in another place, not a township."""
    offices = word_lists()["office_suffixes"]
    return suffix in offices["words"] and before.endswith(tuple(offices["liaison_before"]))


def suffix_ok(clean: str, start: int, end: int) -> bool:
    """The suffix really ends a name (村 of 村民/村委/村级, 乡 of 乡镇, 村 of 村村通 do not), or it
    ends a township of the table (艾玛乡|村民, 河庄坪镇|党委)."""
    after = clean[end : end + 1]
    suffix = clean[start:end]
    stem_not_end, words_after, chars_after = _suffix_rules(suffix)
    if clean.endswith(stem_not_end, 0, start):
        return False  # 东乌旗|嘎查: the banner itself
    if clean.startswith(words_after, end) and not (
        suffix in word_lists()["level_words"]["suffixes"] and _stem_before(clean, start)
    ):
        return False
    if not after or after not in chars_after:
        return True
    follower = clean[end + 1 : end + 2]
    if follower and follower in word_lists()["suffix_not_before_unless"].get(suffix, {}).get(after, ""):
        return True  # 石桥村|官道: 官 opens 官道, not 村官
    if _opens_own_word(clean, start, end):
        return True  # 水南村|社会调查, 城关镇|长期以来: the character opens a word of its own there
    if _suffix_opens_word_at(clean, end) and not word_tag(clean[end - 1 : end + 1]):
        return True  # 合龙屯|村民: the next suffix opens a word (村民), so this one ends the name (not 乡村)
    # a two-character stem that is a word of its own (发展|乡村, 骑马|乡间) is read as that word
    return any(
        gazetteer.is_township(clean[start - k : end]) and (k > 2 or not word_tag(clean[start - k : start]))
        for k in range(TABLE_NAME_MIN - 1, _TABLED_STEM + 1)
    )


@cache
def _suffix_rules(suffix: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """What a suffix ends no name after or before, in one lookup: the words before it that make it
    no name's ([level_words] stem_not_end), the words it opens ([suffix_not_before_words]) and the
    characters it opens a word with ([suffix_not_before])."""
    words = word_lists()
    stem_not_end = tuple(words["level_words"]["stem_not_end"].get(suffix, ()))
    return stem_not_end, _words_not_after_suffix(suffix), words["suffix_not_before"].get(suffix, "")


def _opens_own_word(clean: str, start: int, end: int) -> bool:
    """The character after a suffix opens a dictionary word of its own that jieba cuts there (村|社会,
    镇|长期, 村|小站稻), not one with the suffix (村社, 镇长): the suffix ends a name. Not where the
    suffix opens a body (村史馆) or a word of [name_ends_before] (村组织, 村集体), whose stems are
    read more strictly, nor before another suffix (村|街道)."""
    return (
        bool(word_tag(clean[end : end + 2]))
        and not suffix_pattern().match(clean, end)
        and not body_head_at(clean, start)
        and not clean.startswith(name_ends_before(clean[start:end]), end)
        and cut_at(clean, end)
    )


def _suffix_opens_word_at(clean: str, at: int) -> bool:
    """A suffix at ``at`` opens a word with the character after it (村|民, 村|委), ending no name."""
    m = suffix_pattern().match(clean, at)
    after = clean[m.end() : m.end() + 1] if m else ""
    return m is not None and after != "" and after in word_lists()["suffix_not_before"].get(m.group(0), "")


def _stem_before(clean: str, start: int) -> bool:
    """A name stem may stand before ``start``: not at a clause start, after a mark, a verb
    (要求|苏木镇) or a level word's opener (各|苏木镇)."""
    if start == 0 or not CJK_CHAR.match(clean[start - 1]):
        return False
    if clean.endswith(_level_openers(), 0, start):
        return False
    return not any(word_tag(clean[start - k : start]) in ("v", "vn") for k in (2, 1) if start >= k)


def positions_around(clean: str, suffix_start: int, end: int) -> bool:
    """村里村外, 镇上镇下, 小区里小区外: the suffix and the first of two opposite positions end the stem,
    the second follows the suffix: the places all around, no name."""
    suffix = clean[suffix_start:end]
    return clean[suffix_start - 1 : suffix_start] + clean[end : end + 1] in _position_pairs() and clean.endswith(
        suffix, 0, suffix_start - 1
    )


@cache
def _position_pairs() -> frozenset[str]:
    return frozenset(word_lists()["paired_positions"]["pairs"])


def level_phrase(clean: str, start: int, suffix_start: int) -> bool:
    """苏木镇、|嘎查村: the stem is itself a level word the suffix runs on (嘎查 + 村), with no name before it."""
    stem = clean[start:suffix_start]
    if stem not in word_lists()["level_words"]["suffixes"]:
        return False
    return clean.startswith(_words_not_after_suffix(stem), suffix_start) and not _stem_before(clean, start)


@cache
def _township_bodies() -> frozenset[str]:
    return frozenset(word_lists()["level_words"]["township_bodies"])


def township_body(clean: str, start: int, s: int, suffix: str) -> bool:
    """周田镇|居委会, 会昌县周田镇|居委会: a body's suffix ([level_words] township_bodies) straight after
    a township of the table names that township's bodies; the stem is the township's name, no
    community's."""
    return suffix in _township_bodies() and any(
        gazetteer.is_township(clean[s - k : s]) for k in range(TABLE_NAME_MIN, min(_TABLED_STEM, s - start) + 1)
    )


@cache
def _below_suffix_words() -> tuple[str, ...]:
    return tuple(below_suffixes())


@cache
def _level_stems() -> frozenset[str]:
    return frozenset(word_lists()["level_words"]["stems"])


@cache
def _nicknames() -> frozenset[str]:
    return frozenset(word_lists()["nicknames"]["words"])


@cache
def _nickname_endings() -> tuple[str, ...]:
    return tuple(_nicknames())


@cache
def _level_openers() -> tuple[str, ...]:
    return tuple(word_lists()["level_words"]["openers"])


@cache
def name_ends_before(suffix: str) -> tuple[str, ...]:
    """The words a suffix may end a name before though they open with a character it may not
    (place_words.toml [name_ends_before])."""
    return tuple(word_lists()["name_ends_before"].get(suffix, ()))


@cache
def inside_words(suffix: str) -> tuple[str, ...]:
    """The words after a village's suffix that say "in the village" (村里: [inside_village_words])."""
    return tuple(word_lists()["inside_village_words"].get(suffix, ()))


def stem_reads_as_name(stem: str) -> bool:
    """A stem read as a name before 村里: a place or other name of the dictionary (黄沙, 新华), or
    every word of two characters or more jieba cuts in it one (冒水, 龙塘; not 商量, 小山 of 一个小山)."""
    if word_tag(stem)[:2] in NAME_TAGS:
        return True
    return all(len(word) == 1 or word_tag(word)[:2] in NAME_TAGS for word in jieba_tokenizer().cut(stem, HMM=False))


@cache
def _words_not_after_suffix(suffix: str) -> tuple[str, ...]:
    """The words a suffix opens rather than ends a name before (place_words.toml [suffix_not_before_words])."""
    return tuple(word_lists()["suffix_not_before_words"].get(suffix, ()))


# The longest stem before a suffix looked up in the township table where the suffix opens a word.
_TABLED_STEM = 4


# jieba tags of a word that makes a stem no name (verbs, idioms, adverbs: 加强, 切实加强, 认真).
NOT_NAME_TAGS = "vld"


def after_last_verb(clean: str, start: int, end: int, tags: str = "v") -> int:
    """Where the stem ``clean[start:end]`` goes on after the last verb of two characters or more jieba
    cuts in it (社区察看|锦绣花园), else ``start``: after a verb of going a name follows straight, or
    after the clause's next verb (a one-character verb is a name's own: 竖新镇). ``tags``: the jieba
    tags taken for a verb (idioms and adverbs too where a name stands before 组织: 切实加强|村组织)."""
    pos = cut = start
    for word in jieba_tokenizer().cut(clean[start:end], HMM=False):
        pos += len(word)
        if len(word) > 1 and word_tag(word)[:1] in tags:
            cut = pos
    return cut


# A village's or an estate part's number, in digits or in words (4村, 十一村, 三期).
NUMBER_IN_NAME = r"[0-9]{1,3}|[一二三四五六七八九十]{1,3}"

VILLAGE_NUMBER = re.compile(NUMBER_IN_NAME)


@cache
def _village_bodies() -> tuple[str, ...]:
    return tuple(word_lists()["boundaries"]["village_bodies"])


def body_after(clean: str, end: int) -> bool:
    """The village's body or people follow its suffix (于家村|村民, 对门村|党支部)."""
    return clean.startswith(_village_bodies(), end)


def noun_after_boundary(stem: str) -> bool:
    """于家, 对门: a boundary character then a noun or classifier (a name's), not a determiner (对全, 在各)."""
    return word_tag(stem[1:])[:1] in _NAME_CHAR_TAGS


# jieba tags of the character after a boundary that opens a village's name (于|家, 对|门).
_NAME_CHAR_TAGS = frozenset("nq")


# The shortest township name the table vouches for on its own.
TABLE_NAME_MIN = 3


CJK_ITEM = re.compile(rf"[{CJK}]+")


def opened_name(stem: str) -> bool:
    """那温, 那坡: two characters opening with a boundary character that opens Zhuang and Dai village
    names ([boundaries] name_openers), which make no word of the dictionary (那个, 那些 do)."""
    if len(stem) != 2 or stem[0] not in word_lists()["boundaries"]["name_openers"]:
        return False
    tag = word_tag(stem)
    return not tag or tag.startswith(NAME_TAGS)


# jieba tags of a dictionary word that holds a boundary character and ends a name (前进村 v, 太和镇 nz).
INNER_BOUNDARY_TAGS = frozenset(("ns", "nz", "nr", "v"))


# jieba tags a list item may carry when the list gives no count (东关 ns, 太和 nz, 红旗 nr; or no word).
NAME_TAGS = ("ns", "nz", "nr")


def reads_as_name(item: str) -> bool:
    tag = word_tag(item)
    return not tag or tag.startswith(NAME_TAGS)


# jieba tags of function characters: prepositions, pronouns, adverbs, conjunctions.
FUNCTION_TAGS = frozenset("prdc")
