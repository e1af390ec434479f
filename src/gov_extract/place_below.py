"""Places below the county (镇, 街道, 村, 社区, zones and estates) found by their suffix, their
name running back to the nearest word boundary; chains below a county, numbered villages and
lists of townships sharing one suffix (在东关、河南、新桥等街道).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import regex

from . import gazetteer
from .home_place import Division
from .names import is_name_shape, surname_length, word_tag
from .numbers import read_int
from .place_divisions import CJK_CHAR, Hit, zone_end
from .place_words import (
    BELOW,
    LIST_JOINS,
    Mask,
    after_arrival,
    after_date,
    below_suffixes,
    body_head_at,
    boundary_pattern,
    cut_at,
    generic_words,
    last_part,
    leaves_name,
    opens_org,
    opens_school,
    place_followers,
    strong_before,
    suffix_pattern,
    word_lists,
)
from .resources import alternation, jieba_tokenizer, read_words
from .text import CJK, Document, is_han

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


# What stands between a count's numeral and its classifier (80余名, 20多个).
_APPROXIMATE = re.compile(r"[余多来]")


# A numeral character just before a name: the date or count it ends is not the name's (2025年|枫林乡).
_NUMERAL_CHAR = re.compile(r"[0-9一二三四五六七八九十〇零]")


# The tail of a list of townships (东城、西城、南城等七个办事处); the items are read backwards from it.
_LIST_ITEM = re.compile(rf"[{CJK}]{{2,6}}$")


_MAX_LIST = 30


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
def _generic_pattern() -> re.Pattern[str]:
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
    if len(stem) >= 3 and stem.endswith(_road_words()):
        return False  # 青年路社区, 建设路社区: named after its road, whose name may be any word
    if _generic_pattern().search(name, len(stem)):
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
    if any(stem.endswith(road) or road.endswith(stem) for road in _road_words()):
        return False
    searched = stem if _generic_pattern().search(tail, len(stem)) else tail
    return any(
        searched[m.start()] != "第"
        and not (m.start() == 0 and m.end(1) == len(searched) and _doubled_suffix(m.group(1)))
        for m in _generic_starts().finditer(searched)
    )


@lru_cache(maxsize=4096)
def _no_name_within(name: str, level: str) -> bool:
    """Every name starting inside ``name`` (from its first character on) is a common noun by
    :func:`is_generic` and, for a township, none is the table's (全镇, 城乡, 小区 after a mark)."""
    return all(
        is_generic(name[k:], clear_start=clear) and not _table_township(name[k:], level, listed=True)
        for k in range(len(name))
        for clear in (False, True)
    )


@cache
def _road_words() -> tuple[str, ...]:
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
_VILLAGE_SUFFIX = "村"
_DOUBLED_VILLAGE = _VILLAGE_SUFFIX * 2

# jieba tags of a character that opens the common 村村 rather than a village's name X村村 (各村村,
# 让村村, 了村村): function words, verbs and particles.
_NOT_DOUBLED_OPENER_TAGS = frozenset("rdpcvu")

# jieba's tag of a position word (前, 后, 上), which opens village names (后村村, 前庄村).
_POSITION_TAG = "f"


def _doubled_suffix(word: str) -> bool:
    """The common word a name's last stem character makes with its suffix (罗村|镇: 村镇, 上村|村: 村村)."""
    return word.endswith("镇") or word == _DOUBLED_VILLAGE


def _settlement_village(clean: str, suffix_start: int) -> bool:
    """南村|村, 王庄|村, 马寨|村: the stem ends with a settlement's word before the village's suffix
    ([doubled_suffix] settlements), the end of a village's own name."""
    return clean[suffix_start - 1 : suffix_start] in _settlements() and clean.startswith(_VILLAGE_SUFFIX, suffix_start)


@cache
def _reference_words() -> frozenset[str]:
    return frozenset(word_lists()["references"])


@cache
def _settlements() -> str:
    return word_lists()["doubled_suffix"]["settlements"]


def _doubled_village_at_cut(clean: str, start: int, end: int) -> bool:
    """该镇|北村村, 介绍|张村村: one character and 村 name a village that takes the suffix 村 again
    (the whole is its name) where jieba's words end before it and the character opens no common
    村村 (各村村, 让村村)."""
    return (
        end - start == len(_DOUBLED_VILLAGE) + 1
        and clean.startswith(_DOUBLED_VILLAGE, start + 1)
        and word_tag(clean[start])[:1] not in _NOT_DOUBLED_OPENER_TAGS
        and cut_at(clean, start)
    )


def _after_suffix(clean: str, at: int, suffix: str) -> bool:
    """An office suffix written straight after a township's (街道办事处) names its office, not a new place."""
    return suffix in word_lists()["office_suffixes"]["words"] and clean.endswith(_below_suffix_words(), 0, at)


def _liaison_office(before: str, suffix: str) -> bool:
    """驻|成都办事处: a government's office in another place, not a township."""
    offices = word_lists()["office_suffixes"]
    return suffix in offices["words"] and before.endswith(tuple(offices["liaison_before"]))


def _suffix_ok(clean: str, start: int, end: int) -> bool:
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
        for k in range(_TABLE_NAME_MIN - 1, _TABLED_STEM + 1)
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
        and not clean.startswith(_name_ends_before(clean[start:end]), end)
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


def _positions_around(clean: str, suffix_start: int, end: int) -> bool:
    """村里村外, 镇上镇下, 小区里小区外: the suffix and the first of two opposite positions end the stem,
    the second follows the suffix: the places all around, no name."""
    suffix = clean[suffix_start:end]
    return clean[suffix_start - 1 : suffix_start] + clean[end : end + 1] in _position_pairs() and clean.endswith(
        suffix, 0, suffix_start - 1
    )


@cache
def _position_pairs() -> frozenset[str]:
    return frozenset(word_lists()["paired_positions"]["pairs"])


def _level_phrase(clean: str, start: int, suffix_start: int) -> bool:
    """苏木镇、|嘎查村: the stem is itself a level word the suffix runs on (嘎查 + 村), with no name before it."""
    stem = clean[start:suffix_start]
    if stem not in word_lists()["level_words"]["suffixes"]:
        return False
    return clean.startswith(_words_not_after_suffix(stem), suffix_start) and not _stem_before(clean, start)


@cache
def _township_bodies() -> frozenset[str]:
    return frozenset(word_lists()["level_words"]["township_bodies"])


def _township_body(clean: str, start: int, s: int, suffix: str) -> bool:
    """周田镇|居委会, 会昌县周田镇|居委会: a body's suffix ([level_words] township_bodies) straight after
    a township of the table names that township's bodies; the stem is the township's name, no
    community's."""
    return suffix in _township_bodies() and any(
        gazetteer.is_township(clean[s - k : s]) for k in range(_TABLE_NAME_MIN, min(_TABLED_STEM, s - start) + 1)
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
def _name_ends_before(suffix: str) -> tuple[str, ...]:
    """The words a suffix may end a name before though they open with a character it may not
    (place_words.toml [name_ends_before])."""
    return tuple(word_lists()["name_ends_before"].get(suffix, ()))


@cache
def _inside_words(suffix: str) -> tuple[str, ...]:
    """The words after a village's suffix that say "in the village" (村里: [inside_village_words])."""
    return tuple(word_lists()["inside_village_words"].get(suffix, ()))


def _stem_reads_as_name(stem: str) -> bool:
    """A stem read as a name before 村里: a place or other name of the dictionary (黄沙, 新华), or
    every word of two characters or more jieba cuts in it one (冒水, 龙塘; not 商量, 小山 of 一个小山)."""
    if word_tag(stem)[:2] in _NAME_TAGS:
        return True
    return all(len(word) == 1 or word_tag(word)[:2] in _NAME_TAGS for word in jieba_tokenizer().cut(stem, HMM=False))


@cache
def _words_not_after_suffix(suffix: str) -> tuple[str, ...]:
    """The words a suffix opens rather than ends a name before (place_words.toml [suffix_not_before_words])."""
    return tuple(word_lists()["suffix_not_before_words"].get(suffix, ()))


# The longest stem before a suffix looked up in the township table where the suffix opens a word.
_TABLED_STEM = 4


@cache
def chained_stem(max_stem: int) -> re.Pattern[str]:
    return re.compile(rf"([{CJK}]{{2,{max_stem}}}?)({alternation(below_suffixes())})")


@cache
def _list_kinds() -> dict[str, str]:
    """The words closing a list of townships (等七个办事处, 等5个乡镇), and the level each gives."""
    return below_suffixes() | word_lists()["list_kinds"]


@cache
def _list_tail() -> regex.Pattern[str]:
    digits = "0-9一二两三四五六七八九十"
    # 东城、西城等七个办事处, 东城、西城等街道, 莲花、安伏等4镇 (a count in figures after 等 needs no
    # 个; one after 等 may be approximate: 等10余个村), and without 等: 城关、东关两个街道. A count starts
    # only where a run of numerals does (possessive, after no numeral): linear on digit runs.
    # A total word before the count is the list's, not the last item's (棉洋镇|共4个镇).
    totals = alternation(word_lists()["list_totals"]["words"])
    kinds = alternation(_list_kinds())
    # 陈屋、溪头两社区: one small numeral alone before some kinds counts the list too
    bare = word_lists()["list_totals"]
    bare_kinds = alternation(bare["bare_count_kinds"])
    return regex.compile(
        rf"(?:等(?:[{digits}]++[余多]?个|[0-9]++)?|(?:{totals})?(?<![{digits}])[{digits}]++个)(?P<kind>{kinds})"
        rf"|(?<![{digits}])[{bare['bare_counts']}](?P<kind>{bare_kinds})"
        rf"|(?<![{digits}])两(?P<kind>{alternation(bare['pair_kinds'])})"
    )


@cache
def _count_owners() -> tuple[str, ...]:
    return tuple(word_lists()["list_totals"]["owners"])


@cache
def _list_tail_anchor() -> re.Pattern[str]:
    """等 or 个 right before a list's kind, which every list tail ends with: most articles hold
    none, and the standard library's engine finds that out faster than :func:`_list_tail` can.
    One class of both branches' first characters comes first, which the engine skips to in its
    fast loop (two branches are tried at every position: several times the scan's time); a
    lookbehind then picks the branch."""
    counts = word_lists()["list_totals"]["bare_counts"]
    bare_kinds = alternation(word_lists()["list_totals"]["bare_count_kinds"])
    pairs = alternation(word_lists()["list_totals"]["pair_kinds"])
    kinds = alternation(_list_kinds())
    # 莲花、安伏等4镇7村: after 等, a count in figures closes the list without 个 (figures alone open no
    # tail: a gate at every digit would let most articles through)
    return re.compile(
        f"[等个{counts}](?:(?<=[等个])[0-9]*(?:{kinds})|(?<=[{counts}])(?:{bare_kinds})|(?<=两)(?:{pairs}))"
    )


def _after_pronoun(clean: str, start: int, end: int) -> int:
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


# The longest stem of a name before a verb its suffix may open with (石门|村组织, 十八洞|村组织).
_OPENED_STEM = 3


# jieba tags of a word that makes a stem no name (verbs, idioms, adverbs: 加强, 切实加强, 认真).
_NOT_NAME_TAGS = "vld"


def _after_last_verb(clean: str, start: int, end: int, tags: str = "v") -> int:
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


def _breaks_chain(stem: str) -> bool:
    """A boundary word in a chained stem ends the chain (临猗县|在西堡村, 昭化区|已在柏林沟镇), unless it
    is the stem's last character (友谊街道站前社区) or the stem is a dictionary name holding it (和平街道)."""
    if word_tag(stem) in _INNER_BOUNDARY_TAGS and not boundary_pattern().fullmatch(stem):
        return False
    if _opened_name(stem):
        return False  # 那坡县|那坡屯
    return any(b.end() - b.start() > 1 or b.end() != len(stem) for b in boundary_pattern().finditer(stem))


def settle_by_township_after(clean: str, hit: Hit, year: int | None) -> None:
    """江北区庄桥街道, 鼓楼区华大街道: a county name several divisions bear, written straight before a
    township, is the one of them whose township table holds it (then the chain runs on from it)."""
    if hit.adcode or not hit.candidates:
        return
    max_stem = word_lists()["limits"]["max_stem"]
    m = chained_stem(max_stem).match(clean, hit.end, hit.end + max_stem + 3)
    if m is None or below_suffixes()[m.group(2)] != "township":
        return
    holders = [code for code in hit.candidates if gazetteer.township_under(m.group(0), code)]
    entry = gazetteer.entry_by_code(holders[0], year) if len(holders) == 1 else None
    if entry is not None:
        hit.adcode, hit.full_name, hit.level, hit.candidates = entry.adcode, entry.full_name, entry.level, []


def chain_below(doc: Document, hit: Hit, blocked: Mask) -> None:
    """Extend a county (or city) written straight before its township, village or community: one record."""
    clean = doc.clean
    pos = hit.end
    max_stem = word_lists()["limits"]["max_stem"]
    while True:
        long = _long_tabled_township(clean, pos, hit)
        if long is not None and not blocked.hits(pos, long):
            if hit.full_name is not None:
                hit.full_name += clean[hit.end : long]
            hit.below_start = hit.end if hit.below_start is None else hit.below_start
            hit.end, hit.level, hit.rule, pos = long, "township", "division_below", long
            continue  # 赫章县兴发苗族彝族回族乡: a name of several nationalities, longer than a stem
        m = chained_stem(max_stem).match(clean, pos, pos + max_stem + 3)
        if m is None and hit.level == "township":
            # 大理市海东镇南村, 托克扎克镇阿亚克喀拉尤勒滚村, 疏附县站敏乡4村: a one-character, a long
            # transliterated or a numbered village
            m = _one_char_village(clean, pos) or _transliterated_village(clean, pos) or numbered_village(clean, pos)
        # Right after its county a name starts clear: 黟县宏村镇 is 宏村 + 镇, not the word 村镇; a
        # township the table holds under that county is a name whatever words it holds (易县枫树维回乡).
        elif (
            m is not None
            and is_generic(m.group(0), clear_start=True)
            and not (hit.adcode and gazetteer.township_under(m.group(0), hit.adcode))
            and not (hit.level == "township" and m.group(0) in word_lists()["chained_common_names"]["words"])
        ):
            return
        if m is None or _ANONYMISED in clean[pos : m.start(2)]:
            return  # 泾川镇|某村, 台江县|南某村: a judgment's or report's hidden name names no place
        # 勐海县|格朗和哈尼族乡: a township's own name may hold a boundary word; so may a village's
        # after its township (新庄集乡|原和村)
        suffix_level = word_lists()["suffixes"][m.group(2)]
        if (hit.level in _DEPTH and not _runs_down(hit.level, suffix_level)) or (
            _opens_full_division(m.group(1)) and not gazetteer.is_township(m.group(0))
        ):
            return  # 某区甲镇乙村 某区丙镇, 甲县乙村 丙县丁村: a chain runs down; a division opens a new address
        village_suffix = suffix_level == "village"
        village = hit.level == "township" and suffix_level in ("village", "community")
        if _verb_takes_place(m.group(1)) and not gazetteer.is_township(m.group(0)):
            return  # 延边州|政协委员进社区: the stem ends with a verb taking the place, no name
        if (
            _breaks_chain(m.group(1))
            and not gazetteer.is_township(m.group(0))
            and not (village and _village_stem_after_township(m.group(1), m.group(2)))
            and not (village_suffix and _transliterated_in_chain(m.group(1)))
            and not (village and _VILLAGE_NUMBER.fullmatch(m.group(1)))
        ):
            return
        end = m.end()
        if doc.line_starts_at(pos) or _heading_before_break(doc, pos, m.start(2)):
            return  # a heading ends before the next line (兴县 / 答好驻村); OCR wraps inside a name (州城\n镇)
        # 建华镇庆发村|组织村民, 沿河县朝阳村|集体经济: in a chain a village ends before these words
        suffix_ok = _suffix_ok(clean, m.start(2), end) or clean.startswith(_name_ends_before(m.group(2)), end)
        # 腾达镇冒水村|里机器轰鸣: a village after its township ends before 里 (in the village)
        suffix_ok = suffix_ok or (hit.level == "township" and clean.startswith(_inside_words(m.group(2)), end))
        # 方山县峪口镇|政府: after its county a place ends before its own body (镇政府, 乡卫生院)
        suffix_ok = suffix_ok or body_head_at(clean, end)
        if not suffix_ok and (longer := _suffix_in_name(clean, pos, m)) is not None:
            m, end, suffix_ok = longer, longer.end(), True  # 公主岭市|范家屯镇: 屯 is the township's own
        if not suffix_ok and suffix_level == "township" and _village_after(clean, end, max_stem):
            suffix_ok = True  # 某县乐安镇|长坪村: a village after it ends the township's name (not 镇长)
        committee = _committee_after(clean, m) if not suffix_ok and village_suffix else None
        if committee is not None and not blocked.hits(pos, committee):
            pos = committee  # 力角镇张家村委会|广黄村: the chain runs on only if a village follows
            continue
        if not suffix_ok or blocked.hits(pos, end):
            return
        if hit.full_name is not None:  # a zone has no chain of divisions: the table or its county names it
            hit.full_name += clean[hit.end : end]
        if hit.below_start is None:
            hit.below_start = hit.end
        hit.end = end
        hit.level = word_lists()["suffixes"][m.group(2)]
        hit.rule = "division_below"
        pos = end


def _opens_full_division(stem: str) -> bool:
    """A chained stem that opens with a division's full name (淳安县|下姜, 门头沟区|清水): the next
    address of a list whose spaces the clean view removed, not a name below the chain's place."""
    forms = gazetteer.load().forms
    return any(
        any(not f.short and not f.needs_parent for f in forms.get(stem[:length], ()))
        for length in range(_SHORTEST_FULL_DIVISION, len(stem))
    )


# The shortest full name of a division that opens a new address in a chain (淳安县; not 城区, 郊区).
_SHORTEST_FULL_DIVISION = 3


# The character a judgment or a report writes for a name it hides (某村, 王某, 南某村).
_ANONYMISED = "某"

# The longest township name of the table (双井子蒙古族满族乡 and longer), in characters.
_LONGEST_TABLED = 12


def _long_tabled_township(clean: str, pos: int, hit: Hit) -> int | None:
    """The end of a township the table holds under the county ``hit`` whose name starts at ``pos``
    and names several nationalities (赫章县|兴发苗族彝族回族乡), longer than a chained stem reaches."""
    if hit.level != "county" or not hit.adcode or clean.count("族", pos, pos + _LONGEST_TABLED) < 2:
        return None
    for end in range(min(len(clean), pos + _LONGEST_TABLED), pos + 5, -1):
        if gazetteer.township_under(clean[pos:end], hit.adcode):
            return end
    return None


def _village_after(clean: str, at: int, max_stem: int) -> bool:
    """A village or community's name, ending where a name ends and no common noun, starts at
    ``at`` (镇|长坪村: the township's suffix and the village's first character make no 镇长); not
    where a surname follows that character (镇长|王村 is the head of the township and his name)."""
    m = chained_stem(max_stem).match(clean, at, at + max_stem + 3)
    return (
        m is not None
        and not surname_length(clean[at + 1 : at + 3])
        and word_lists()["suffixes"][m.group(2)] in ("village", "community")
        and not _breaks_chain(m.group(1))
        and not is_generic(m.group(0), clear_start=True)
        and _suffix_ok(clean, m.start(2), m.end())
    )


# jieba tags of a natural village's stem, or of a word opening it, that make it no name (驻寨工作队,
# 在寨子里, 开展露营: a verb or a function word).
_NATURAL_NOT_STEM_TAGS = frozenset("vtrdpcu")


@cache
def _natural_village() -> regex.Pattern[str]:
    words = word_lists()["natural_villages"]
    return regex.compile(rf"([{CJK}]{{1,{words['max_stem']}}}?)(?:{alternation(words['suffixes'])})")


def natural_village_at(clean: str, at: int) -> regex.Match[str] | None:
    """A natural village's name starting at ``at`` (曼弄老寨, 王家屯, 甘庄, 青树营): no place suffix or
    common noun, no dictionary word but a name's (经营, 国营, 农庄), no verb or function word opening
    its stem (那鲁屯's 那 opens a Zhuang name, so a stem's first character alone is asked only with a
    conjunction or preposition: 平安村和新寨村), and its ending opens no word with the next character
    (营业, 庄稼, 寨子); else None."""
    m = _natural_village().match(clean, at)
    if m is None or is_generic(m.group(0)):
        return None
    stem, end = m.group(1), m.end()
    if (
        suffix_pattern().search(stem)
        or word_tag(stem)[:1] in _NATURAL_NOT_STEM_TAGS
        or any(word_tag(stem[:k])[:1] in _NATURAL_NOT_STEM_TAGS for k in range(2, len(stem)))
        or word_tag(stem[0])[:1] in ("c", "p")
        or word_tag(m.group(0))[:2] not in ("", "ns", "nz")
        or suffix_pattern().match(clean, end)
        or (end < len(clean) and word_tag(clean[end - 1 : end + 1]))
    ):
        return None
    return m


def _committee_after(clean: str, m: re.Match[str]) -> int | None:
    """The end of a village committee's word written after a chained village (张家村|委会, 朵祜村|民委员会),
    where the committee may stand as the administrative village above the next village or group of
    the chain (宾川县力角镇张家村委会广黄村); else None."""
    committee = next((w for w in _committee_levels(m.group(2)) if clean.startswith(w, m.end())), None)
    return None if committee is None else m.end() + len(committee)


@cache
def _committee_levels(suffix: str) -> tuple[str, ...]:
    return tuple(word_lists()["committee_levels"].get(suffix, ()))


def _place_word_village(clean: str, hits: list[Hit], start: int, s: int, e: int, level: str) -> bool:
    """丛林镇新建村。: a common word that is also a place's name (新建, jieba's ns) is the village's own
    name straight after its township, where the village closes a list item or a clause or its people
    or body follow (not 城关镇新建村道: the verb)."""
    return (
        level == "village"
        and bool(hits)
        and hits[-1].end == start
        and hits[-1].level == "township"
        and word_tag(clean[start:s]).startswith("ns")
        and (clean[e : e + 1] in _ITEM_ENDS or _body_after(clean, e))
    )


def _village_over_hamlet(clean: str, hits: list[Hit], start: int, e: int, level: str) -> bool:
    """中沙镇南乡村禾堂屯: a village whose name makes a common noun (乡村) is the village's own name
    between its township and a natural village of it that a mark or the place's people close (a chain
    running down), not in 中沙镇美丽乡村建设."""
    if not (level == "village" and hits and hits[-1].end == start and hits[-1].level == "township"):
        return False
    m = natural_village_at(clean, e)
    return m is not None and closes_name(clean, m.end())


def closes_name(clean: str, end: int) -> bool:
    """What follows a name ends it as a place: a mark, 的, or the place's people and parts."""
    return not CJK_CHAR.match(clean[end : end + 1]) or clean.startswith(_place_closers(), end)


@cache
def _place_closers() -> tuple[str, ...]:
    return ("的", *place_followers())


# Marks that close a list item or a clause.
_ITEM_ENDS = frozenset("、，,。；;")


def _built_kind(clean: str, start: int, suffix_start: int) -> bool:
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
_WORKS_LEVELS = frozenset(("village", "community", "compound"))


def _after_works_verb(clean: str, floor: int, suffix_start: int) -> tuple[int, int] | None:
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
    if (tag and not tag.startswith(_NAME_TAGS)) or boundary_pattern().search(clean, end, suffix_start):
        return None
    return None if _after_last_verb(clean, end, suffix_start, _NOT_NAME_TAGS) > end else verb


@cache
def _stem_verbs() -> frozenset[str]:
    words = word_lists()
    naming = words["place_object_verbs"]["naming_verbs"]
    return frozenset(words["works_verbs"]["words"] + words["verb_stems"]["words"]) - frozenset(naming)


def _verb_stem(stem: str) -> bool:
    """重建|小区, 翻新|小区, 回访|社区, 今年筹建|社区: the stem's last word (the longest dictionary word
    ending it) is a verb of works, handling or moving in ([works_verbs], [verb_stems]): the place is
    its object, no name (建设社区, 新建村: verbs that name places)."""
    verbs = _stem_verbs()
    last = next((stem[k:] for k in range(len(stem) - 1) if word_tag(stem[k:]) or stem[k:] in verbs), "")
    return last in verbs


def _heading_before_break(doc: Document, pos: int, suffix_start: int) -> bool:
    """A line break inside the stem after a word of its own (平武|年鉴 / 水晶镇): the words before it
    end a heading; OCR's wrap inside a name leaves a piece that is no word (平武县水 / 晶镇)."""
    brk = doc.first_line_start(pos + 1, suffix_start)
    return brk < suffix_start and brk - pos >= 2 and bool(word_tag(doc.clean[pos:brk]))


# The longest stem a suffix opening its line is read with (金牛 / 镇): a longer run before the
# break is a line of other words (特困人员 / 镇, 图片新闻 / 镇领导).
_WRAPPED_STEM = 3


def _suffix_in_name(clean: str, pos: int, m: regex.Match[str]) -> regex.Match[str] | None:
    """A chained name whose suffix may not end it there because another suffix follows (范家屯|镇):
    the name runs on to that suffix where the township table holds the whole."""
    after = suffix_pattern().match(clean, m.end())
    if after is None or not gazetteer.is_township(clean[pos : after.end()]):
        return None
    return chained_stem(word_lists()["limits"]["max_stem"] + 1).fullmatch(clean, pos, after.end())


_ONE_CHAR_VILLAGE = re.compile(rf"([{CJK}])(村|社区)")


def _one_char_village(clean: str, at: int) -> regex.Match[str] | None:
    """A village of one character written straight after its township (海东镇南村), not a common
    word (全村) or a numeral (一村一品) and no boundary word (各村)."""
    m = _ONE_CHAR_VILLAGE.match(clean, at)
    if m is None or _VILLAGE_NUMBER.match(m.group(1)) or boundary_pattern().match(m.group(1)):
        return None
    return None if _generic_pattern().search(m.group(0)) else m


# A village's or an estate part's number, in digits or in words (4村, 十一村, 三期).
_NUMBER_IN_NAME = r"[0-9]{1,3}|[一二三四五六七八九十]{1,3}"
_VILLAGE_NUMBER = re.compile(_NUMBER_IN_NAME)
_NUMBERED_VILLAGE = re.compile(rf"({_NUMBER_IN_NAME})(村)")


def numbered_village(clean: str, at: int) -> re.Match[str] | None:
    """A village numbered after its township (站敏乡4村, 珍秦镇十一村), not a slogan that runs on with
    another number (一村一品)."""
    m = _NUMBERED_VILLAGE.match(clean, at)
    return None if m is None or _VILLAGE_NUMBER.match(clean, m.end()) else m


# The numbered village a place's name ends with (站敏乡|4村).
_NUMBERED_TAIL = re.compile(rf"(?:{_NUMBER_IN_NAME})村$")


# A numbered village standing alone: no numeral or ordinal before it, none after (一村一品).
_BARE_NUMBERED_VILLAGE = re.compile(rf"(?<![0-9一二三四五六七八九十第])(?:{_NUMBER_IN_NAME})村")


def numbered_village_mentions(clean: str, places: list[Hit], taken: Mask) -> list[Hit]:
    """Numbered villages written bare once their township has numbered one (疏附县站敏乡4村、6村、11村,
    then 离开6村时): a list's next items, and the article's later mentions of a village so named,
    are villages of that township; a bare number before 村 elsewhere is a count or a slogan."""
    named: dict[str, Hit] = {}
    for hit in places:
        tail = _NUMBERED_TAIL.search(clean[hit.start : hit.end]) if hit.level == "village" else None
        if tail is not None and tail.start() > 0:
            named.setdefault(tail.group(0), hit)
    if not named:
        return []
    found: list[Hit] = []
    for m in _BARE_NUMBERED_VILLAGE.finditer(clean):
        if taken.hits(m.start(), m.end()) or _VILLAGE_NUMBER.match(clean, m.end()):
            continue
        # 4村、6村: the item before the list mark is a numbered village of the same township
        previous = next((h for h in (*named.values(), *found) if h.end == m.start() - 1), None)
        listed = previous is not None and clean[m.start() - 1] in LIST_JOINS
        owner = previous if listed else named.get(m.group(0))
        if owner is None or owner.start > m.start():
            continue
        full_name = None
        if owner.full_name is not None and (number := _NUMBERED_TAIL.search(owner.full_name)) is not None:
            full_name = owner.full_name[: number.start()] + m.group(0)
        hit = Hit(m.start(), m.end(), "village", owner.adcode, full_name, rule="numbered_village")
        found.append(hit)
        named.setdefault(m.group(0), hit)
        taken.mark(m.start(), m.end())
    return found


# The shortest stem read as transliterated inside a chain, whatever boundary characters it holds.
_TRANSLITERATED_MIN = 5

# A village name transliterated from Uyghur, Kazakh or Tibetan runs longer than a Chinese one.
_LONG_VILLAGE = re.compile(rf"([{CJK}]{{7,10}}?)(村|嘎查)")


def _transliterated_village(clean: str, at: int) -> regex.Match[str] | None:
    """A long village name written straight after its township whose every two characters are
    no word or a proper name (阿亚克喀拉尤勒滚村), so no clause runs into the suffix (加快推进美丽乡村)."""
    m = _LONG_VILLAGE.match(clean, at)
    if m is None or boundary_pattern().search(m.group(1)):
        return None
    return m if _transliterated(m.group(1)) else None


def _transliterated_in_chain(stem: str) -> bool:
    """温泉县奇其尔根布呼村: a long village name in a chain read as transliterated although it holds
    boundary characters, where each is one that such names are written with (其, 那), not 在 or 的."""
    boundaries = [b.group() for b in boundary_pattern().finditer(stem)]
    return (
        len(stem) >= _TRANSLITERATED_MIN
        and all(b in word_lists()["boundaries"]["transliteration_chars"] for b in boundaries)
        and _transliterated(stem)
    )


def _transliterated(stem: str) -> bool:
    """Every two characters of the stem are no word or a proper name and it holds no place suffix:
    a name transliterated from Uyghur, Kazakh, Mongolian or Tibetan (奇其尔根布呼), whose characters
    may be boundary words of Chinese (其)."""
    pairs = (word_tag(stem[k : k + 2]) for k in range(len(stem) - 1))
    return not suffix_pattern().search(stem) and all(not tag or tag.startswith(_NAME_TAGS) for tag in pairs)


# The characters of a county's name that name it in a zone's name (长沙 of 长沙县 and 长沙经开区).
_SHARED_STEM = 2


def zone_after(clean: str, hit: Hit, home: Division | None) -> None:
    """A zone named after its division (吕梁经开区, 成都东部新区) takes that division's adcode, or
    the home place's when that division is its province (天津经济技术开发区 in 滨海新区's bulletin)."""
    end = zone_end(clean, hit.end)
    if end is None:
        return
    # 两江新区起步区: the zone's part is one record with it.
    while (part := suffix_pattern().match(clean, end)) and word_lists()["suffixes"][part.group(0)] == "zone":
        end = part.end()
    division_level = hit.level
    hit.end, hit.level, hit.rule, hit.full_name = end, "zone", "division_zone", None
    # A zone named after a province lies in the home place inside it that the article reports from
    # (天津经济技术开发区 in 滨海新区's bulletin); one named after a city, in the home county named alike
    # (长沙经开区 in 长沙县's paper) or whose park the county's name opens (柳州高新区融水园区), not in
    # another county (抚州高新区 in a county paper of 抚州 is the city's) nor in a home district
    # (长春新区 in 朝阳区's report spans the city's districts).
    if not hit.adcode or home is None or not home.adcode.startswith(gazetteer.prefix(hit.adcode, division_level)):
        return
    county_stem = home.name[:_SHARED_STEM]
    named_alike = clean.startswith(county_stem, hit.start) or clean.startswith(county_stem, end)
    in_county = (
        division_level == "city" and home.level == "county" and not home.full_name.endswith("区") and named_alike
    )
    if division_level == "province" or in_county:
        hit.adcode = home.adcode


def _stem_start(clean: str, suffix_start: int, floor: int, suffix: str = "") -> tuple[int, str] | None:
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
                    and word_tag(clean[suffix_start - w : suffix_start]) in _INNER_BOUNDARY_TAGS
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
                    body_after=_body_after(clean, suffix_start + len(suffix)),
                )
            ) is not None:
                start, before = named, clean[named - 1 : named] if previous or low != floor else ""
        elif (
            len(before) == 1
            and word_lists()["suffixes"].get(suffix) in ("community", "compound")
            and clean.endswith(_road_words(), start, suffix_start)
            and _boundary_opens_word(clean, start, low)
        ):
            # 来到|和平路社区, 走进|向阳路社区: the boundary character opens a word jieba reads whole
            # with the stem's first character (和平, 向阳): the road the name is after is named by it
            start -= 1
            before = clean[start - 1 : start] if start > floor else ""
    if before and _NUMERAL_CHAR.match(before):
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
    if suffix_start - start <= max_stem or (suffix and _apposed_start(clean, start, suffix_start, suffix) is not None):
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
def _strong_words() -> tuple[str, ...]:
    """Words after which a list of names or a name may start (其中, 该镇, 全乡, 合并成)."""
    boundaries = word_lists()["boundaries"]
    return (*boundaries["strong_words"], *boundaries["location_words"], *boundaries["result_verbs"])


@cache
def _determiners() -> tuple[str, ...]:
    return tuple(word_lists()["boundaries"]["determiners"])


@cache
def _headings() -> frozenset[str]:
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
    if tag and not tag.startswith(_NAME_TAGS):
        named = body_after and tag == "a"
    elif stem[0] == boundary:
        named = (
            _opened_name(stem)
            or (body_after and _noun_after_boundary(stem))
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
def _products() -> frozenset[str]:
    return frozenset(word_lists()["names_after"]["products"])


@cache
def _dateline_marks() -> str:
    return word_lists()["boundaries"]["dateline_marks"]


@cache
def _name_closers() -> str:
    return word_lists()["boundaries"]["name_closers"]


@cache
def _village_bodies() -> tuple[str, ...]:
    return tuple(word_lists()["boundaries"]["village_bodies"])


def _body_after(clean: str, end: int) -> bool:
    """The village's body or people follow its suffix (于家村|村民, 对门村|党支部)."""
    return clean.startswith(_village_bodies(), end)


def _noun_after_boundary(stem: str) -> bool:
    """于家, 对门: a boundary character then a noun or classifier (a name's), not a determiner (对全, 在各)."""
    return word_tag(stem[1:])[:1] in _NAME_CHAR_TAGS


def _boundary_opens_item(clean: str, cut: int, end: int) -> bool:
    """该镇|对门村、平等村等: after a word that opens a list of names, a one-character boundary (对)
    before a one-character stem (门) that makes no word with it opens the first item's name."""
    own = trailing_suffix().search(clean, cut, end)
    stem = clean[cut - 1 : own.start() if own is not None else end]
    return (
        len(stem) == 2
        and clean.endswith(_strong_words(), 0, cut - 1)
        and not word_tag(stem)
        and _noun_after_boundary(stem)
    )


# jieba tags of the character after a boundary that opens a village's name (于|家, 对|门).
_NAME_CHAR_TAGS = frozenset("nq")


# The shortest township name the table vouches for on its own.
_TABLE_NAME_MIN = 3


# How long a zone's own name may be (伊滨|经开区): longer runs are phrases, not names.
_ZONE_STEM = (2, 4)


# jieba tags of a word that opens a stem without being part of the name: verbs, time words,
# pronouns, adverbs, prepositions, conjunctions, words of description (支持|唐江镇, 今年|大孝堡镇,
# 小小|官山村); one character only for adverbs, prepositions and conjunctions (因|龙眠街道).
_OPENING_TAGS = frozenset("vtrdpcb")


_OPENING_CHAR_TAGS = frozenset("dpc")


# jieba tags of the word right before a short township or village name that opens it in
# running text: verbs, prepositions, 了 (推进水东镇建设, 对石门镇, 督查了柳河镇, 像桃源村); a stem of
# up to three characters after a verb, four after a preposition or 了 (观摩了布拉克苏乡).
_OPENER_TAGS = frozenset(("v", "vn", "p", "ul"))


# A bare stem that is one such word names nothing (去年镇, 目前村), unless the township table holds
# the name (大中街道); an item of a list of places with the suffix (李坪村、明月村: jieba's 明月 is a
# time word) only where it is a function word.
_NOT_STEM_TAGS = frozenset("trdpc")


# Marks that put a compound in a list or give it an aside (安居小区、军缘小区, 农行家属院(槐东路)).
_LIST_MARKS = frozenset("、(（")


def _table_township(name: str, level: str, *, listed: bool) -> bool:
    """A township of the table with a name of three characters or more (辉苏木): a name, whatever
    its stem looks like; a two-character one (马乡, 口镇, 新镇: too often ordinary words) only as an
    item of a list (德庆乡、马乡、羊达乡), where a name the table holds as renamed since (马乡, now 马镇)
    counts too."""
    shortest = _TABLE_NAME_MIN - 1 if listed else _TABLE_NAME_MIN
    if name in _common_nouns():
        return False
    return level == "township" and len(name) >= shortest and gazetteer.is_township(name, renamed=listed)


def _in_list(clean: str, start: int, end: int) -> bool:
    """The name stands between list marks (、马乡、)."""
    return clean[start - 1 : start] == "、" or clean[end : end + 1] == "、"


# The longest item of a list of places sharing a suffix (、上和村、塔村) read whole.
_LIST_ITEM_STEM = 4


def _list_item_start(clean: str, taken: Mask, suffix_start: int, suffix: str) -> int | None:
    """Where an item of a list of places with one suffix starts (南村、上和村、塔村): right after the
    list mark that follows a place already found with the same suffix; a boundary word (和) or one
    character there is the item's own name."""
    mark = clean.rfind("、", max(0, suffix_start - _LIST_ITEM_STEM - 1), suffix_start)
    if mark < 1 or not CJK_ITEM.fullmatch(clean, mark + 1, suffix_start):
        return None
    return mark + 1 if clean.endswith(suffix, 0, mark) and taken.hits(mark - 1, mark) else None


CJK_ITEM = re.compile(rf"[{CJK}]+")


def _township_name_start(clean: str, floor: int, end: int, found: tuple[int, str] | None) -> tuple[int, str] | None:
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
            if size < _TABLE_NAME_MIN and not cut_at(clean, start):
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
    inner = [size for size in lengths if _TABLE_NAME_MIN <= size < end - found[0]]
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


def _strip_opening_word(clean: str, start: int, suffix_start: int) -> tuple[int, str] | None:
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


def _word_before_known(clean: str, start: int, at: int) -> str:
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


def _word_into_stem(clean: str, start: int, suffix_start: int) -> str:
    """The word ([boundaries] words_into_stem) that the stem's first character closes (驻|地北庄: 驻地,
    驻|地王: 王村, 就|地城: 城镇 a common noun); else ""."""
    # Each such word ends with the stem's first character (地): most stems open with none of those.
    if suffix_start - start < 2 or clean[start] not in _words_into_stem_lasts():
        return ""
    return next((w for w in _words_into_stem() if len(w) <= start + 1 and clean.startswith(w, start + 1 - len(w))), "")


@cache
def _words_into_stem() -> tuple[str, ...]:
    return tuple(word_lists()["boundaries"]["words_into_stem"])


@cache
def _words_into_stem_lasts() -> frozenset[str]:
    return frozenset(word[-1] for word in _words_into_stem())


def _after_going(clean: str, start: int, suffix_start: int) -> int:
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


def _counted_stem(clean: str, start: int, suffix_start: int) -> bool:
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


def _runs_clause_on(clean: str, start: int, s: int) -> bool:
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


def _clause_opener(stem: str) -> bool:
    """据|东: a two-character stem opened by a preposition that opens a clause (according to…), no name."""
    return len(stem) == 2 and stem[0] in word_lists()["boundaries"]["clause_openers"] and not word_tag(stem)


def _verb_takes_place(stem: str) -> bool:
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
        return last in verbs or (len(last) > 2 and last[-2:] in verbs and not word_tag(last).startswith(_NAME_TAGS))
    # 一进|村: 一 then a verb of going is "as soon as one enters", no name
    return stem[-1:] in verbs and (len(stem) != 2 or word_tag(stem[0])[:1] == "v" or stem[0] == "一")


def _clause_verb(stem: str) -> bool:
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


def _verb_before_paired_levels(clean: str, start: int, suffix_start: int, end: int) -> bool:
    """受到|镇村干部, 带领|镇、村干部: a township's suffix pairs with the level below it (镇村) after a
    verb the stem ends with (not one that names places: 前进镇村民): the two levels, no name."""
    stem = clean[start:suffix_start]
    return (
        len(stem) >= 2
        and clean.startswith(_paired_levels(clean[suffix_start:end]), end)
        and _after_last_verb(clean, start, suffix_start) == suffix_start
        and not stem.endswith(_naming_verbs())
    )


@cache
def _naming_verbs() -> tuple[str, ...]:
    return tuple(word_lists()["place_object_verbs"]["naming_verbs"])


def _slogan(stem: str) -> bool:
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


def _slogan_half(clean: str, suffix_start: int) -> bool:
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
def _people_qualifiers() -> tuple[str, ...]:
    return tuple(word_lists()["slogans"]["people_qualifiers"])


def _verb_after_word(stem: str) -> bool:
    """企业回馈|社区, 干部下沉|社区: the stem's last word is a verb with a word before it, so the
    community is its object (a stem that is one verb alone may be a name: 胜利社区, 建设社区)."""
    last = next((stem[k:] for k in range(1, len(stem) - 1) if word_tag(stem[k:])), "")
    return word_tag(last) in ("v", "vn")


def _predicate_verb(clean: str, start: int, suffix_start: int, end: int, before: str) -> bool:
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


# jieba tags of a word a boundary character opens with the stem's first character (着|重: 着重) that
# opens no name: adjectives, adverbs, conjunctions, prepositions.
_SPLIT_WORD_TAGS = frozenset("adcp")


def _boundary_splits_word(clean: str, start: int, floor: int) -> bool:
    """着|重就联乡: the boundary character before the stem opens a word jieba reads whole with the stem's
    first character, an adverb or function word (着重), not a name's: the stem starts inside a word."""
    return (
        word_tag(clean[start - 1 : start + 1])[:1] in _SPLIT_WORD_TAGS
        and boundary_pattern().fullmatch(clean, start - 1, start) is not None
        and _boundary_opens_word(clean, start, floor)
    )


# A numeral in a word jieba tags m (八一, 十里, 第三): a numbered name, no word of quantity.
_NUMERAL_IN_WORD = re.compile(r"[0-9一二三四五六七八九十百千万两廿〇零第]")


# jieba tags of a common noun or set phrase a township's suffix stands inside (城乡居民, 城乡建设).
_COMMON_NOUN_TAGS = frozenset("nl")


def _suffix_in_common_noun(clean: str, s: int, e: int) -> bool:
    """南城|乡居民: the character before the suffix, the suffix and the two characters after it make
    one common noun (城乡居民: urban and rural residents), so the suffix ends no name there, even one
    the table holds (南城乡 is a township elsewhere)."""
    return s > 0 and word_tag(clean[s - 1 : e + 2])[:1] in _COMMON_NOUN_TAGS


def _quantity_stem(stem: str) -> bool:
    """很多|社区, 众多|社区: the stem's last word is a word of quantity (jieba's m with no numeral in
    it), which counts the places the suffix names, not one of them ([quantity_stems])."""
    last = next((stem[k:] for k in range(len(stem) - 1) if word_tag(stem[k:])), "")
    return (
        word_tag(last) == "m"
        and not _NUMERAL_IN_WORD.search(last)
        and last[-1] not in word_lists()["quantity_stems"]["name_endings"]
    )


def _verb_after_subject(clean: str, floor: int, start: int, suffix_start: int) -> bool:
    """活动受到|社区居民欢迎, 做法赢得|小区业主认可: a stem that is one verb of two characters or more
    (not one that names places: 前进社区) written straight after a noun, its subject, is the
    clause's verb, the place its object."""
    stem = clean[start:suffix_start]
    if len(stem) < 2 or word_tag(stem) != "v" or stem in _naming_verbs() or stem in _estate_naming_verbs():
        return False
    subject = next(
        (clean[start - k : start] for k in (3, 2) if start - k >= floor and word_tag(clean[start - k : start])), ""
    )
    return word_tag(subject) in word_lists()["quantity_stems"]["subject_tags"]


# The longest idiom holding a place's suffix (走村串户, 进村入户): its characters before the suffix.
_IDIOM_REACH = 3


def _idiom_across_suffix(clean: str, suffix_start: int, end: int) -> bool:
    """驱车走|村串户, 干部进|村入户: an idiom of four characters (jieba's l or i) starts in the stem and
    runs on past the suffix, so the suffix is a character of it, no name's end."""
    return any(
        word_tag(clean[suffix_start - k : suffix_start - k + 4]) in ("l", "i")
        for k in range(1, _IDIOM_REACH + 1)
        if suffix_start - k + 4 > end
    )


def _person_then_verb(stem: str) -> bool:
    """李纪恒希望|村“两委”, 王建国要求|社区: a person's name, then a verb of two characters or more whose
    clause the suffix's word opens (the person wishes the village committee to…), not a name."""
    last = next((stem[k:] for k in range(1, len(stem) - 1) if word_tag(stem[k:])), "")
    return len(last) >= 2 and word_tag(last) == "v" and word_tag(stem[: -len(last)]) == "nr"


@cache
def _estate_naming_verbs() -> frozenset[str]:
    return frozenset(word_lists()["place_object_verbs"]["estate_naming_verbs"])


@cache
def _object_verbs() -> frozenset[str]:
    return frozenset(word_lists()["place_object_verbs"]["words"])


class _Suffix:
    """A place suffix the scan met (镇, 村, 小区 at ``s``:``e``, of ``level``) and the reading of the
    name it closes so far: where the stem starts (``start``, after the word ``before``) and what
    the steps of :class:`_BelowScan` found out about it on the way."""

    __slots__ = (
        "apposed",
        "arrival",
        "before",
        "clear",
        "common_noun_only",
        "e",
        "floor",
        "inside",
        "level",
        "listed_item",
        "named",
        "opened",
        "runs_on",
        "s",
        "staff",
        "start",
        "suffix",
        "tabled",
        "works",
    )

    # Set by the steps, each before any later step reads it (only a works verb may be missing).
    start: int
    before: str
    floor: int
    listed_item: int | None
    opened: bool
    inside: bool
    common_noun_only: bool
    runs_on: list[Hit]
    apposed: int | None
    arrival: bool
    staff: bool
    clear: bool
    tabled: bool
    named: bool

    def __init__(self, s: int, e: int, suffix: str, level: str) -> None:
        self.s = s
        self.e = e
        self.suffix = suffix
        self.level = level
        self.works: int | None = None


class _BelowScan:
    """One article's scan for places below the county by their suffix, in text order: the places
    read so far (``hits``), the suffixes left unsure until a name met later settles them
    (``unsure``), the names met (``known``, first those the division chains name below their
    county) and the chains an estate written straight after them runs on (``chain_ends``).
    :meth:`read` takes each suffix through the steps below, each deciding one thing."""

    __slots__ = ("_known_names", "chain_ends", "clean", "doc", "hits", "known", "max_stem", "taken", "unsure")

    def __init__(self, doc: Document, taken: Mask, chains: list[Hit]) -> None:
        self.doc, self.clean, self.taken = doc, doc.clean, taken
        self.hits: list[Hit] = []
        self.unsure: list[tuple[int, int, str, int | None]] = []  # (suffix span, level, the floor of a stem not read)
        self.known: set[str] = {part for chain in chains for part in chain_parts(self.clean, chain)}
        self._known_names: tuple[str, ...] = ()
        # 铜山区三堡街道戚庄社区|东部花园小区, 郑州市|金地小区: an estate written straight after a chain or
        # its city or county runs it on
        self.chain_ends = {chain.end: chain for chain in chains if chain.level in BELOW or chain.level in _ESTATE_HEADS}
        self.max_stem: int = word_lists()["limits"]["max_stem"]

    def known_names(self) -> tuple[str, ...]:
        """The names met so far, for one str.endswith of them all; made again only when the set has
        grown (a name met is never dropped)."""
        if len(self._known_names) != len(self.known):
            self._known_names = tuple(self.known)
        return self._known_names

    def read(self, r: _Suffix) -> None:
        """Read the name the suffix ``r`` closes: a record, a name it runs on, a suffix left unsure,
        or no name."""
        # (the level and the set are asked first: few suffixes are a community's or a known name)
        if (
            (r.level == "community" and self._names_estate_community(r))
            or (r.suffix in self.known and self._known_again(r))
            or self._opens_other_word(r)
            # (asked only where the suffix is written twice)
            or (self.clean.startswith(_DOUBLED_VILLAGE, r.s) and self._doubled_village_stem(r))
        ):
            return
        self._bound_stem(r)
        if self._common_noun_tail(r) or not self._stem_found(r) or self._no_name_read(r):
            return
        self._cut_words_before(r)
        if self._runs_on_name(r):
            return
        self._trim_stem(r)
        self._start_at_known_name(r)
        r.clear = r.clear or self._short_name_after_verb(r)
        if self._common_noun_reading(r) or self._stem_vetoed(r):
            return
        if self._clear_boundary(r):
            self._record(r)
        else:
            self.unsure.append((r.s, r.e, r.level, None))

    def _names_estate_community(self, r: _Suffix) -> bool:
        """双创家园社区, 阳光花园社区: a community's suffix right after an estate read (or an estate a chain
        ends with) names a community after its estate, one name: the estate becomes it."""
        s, e = r.s, r.e
        estate = next((h for h in (*self.hits[-1:], self.chain_ends.get(s)) if h is not None and h.end == s), None)
        if estate is None or estate.level != "compound" or self.doc.joined_at(s):
            return False
        clean = self.clean
        if estate.full_name is not None:
            estate.full_name += clean[s:e]
        estate.end, estate.level = e, r.level
        if s in self.chain_ends:
            self.chain_ends[e] = self.chain_ends.pop(s)
        self.taken.mark(s, e)
        self.known.add(clean[estate.start : e])
        return True

    def _known_again(self, r: _Suffix) -> bool:
        """芦柞镇中心村 … ，中心村是: a suffix a chain has named as a place, written with no stem, is that
        place again."""
        if not _without_stem(self.clean, r.s):
            return False
        self.hits.append(Hit(r.s, r.e, r.level, rule="known_name"))
        self.taken.mark(r.s, r.e)
        return True

    def _opens_other_word(self, r: _Suffix) -> bool:
        """The suffix's characters open a word going on after it (村规, 村组织): no name ends there,
        unless the word says the place's inside (冒水村|里) or a name ends before it. Notes whether
        the suffix ends an item of a list, opens a word (``opened``) and says the inside."""
        clean, s, e = self.clean, r.s, r.e
        # 民意村、草坝村|规模: an item of a list of villages ends where jieba's words do (not 村规)
        # 石门村|组织党员开展: before a verb the suffix may open with (村组), a name ends there
        r.listed_item = _list_item_start(clean, self.taken, s, r.suffix)
        r.opened = not _suffix_ok(clean, s, e) and not (r.listed_item is not None and cut_at(clean, e))
        r.inside = r.opened and clean.startswith(_inside_words(r.suffix), e)  # 冒水村|里: in the village
        return r.opened and not r.inside and not clean.startswith(_name_ends_before(r.suffix), e)

    def _doubled_village_stem(self, r: _Suffix) -> bool:
        """、西村|村, 南村|村: the first 村 of a village named X村 that takes the suffix again is its
        name's own: the next 村 closes the whole name (not before 村民, 村委会, which it opens)."""
        clean, s, e = self.clean, r.s, r.e
        return _suffix_ok(clean, e, e + 1) and _doubled_village_at_cut(clean, s - 1, e + 1)

    def _bound_stem(self, r: _Suffix) -> None:
        """How far back the stem may run (``floor``: the end of the last place read near, else the
        text's start), the place of the same kind it runs on (空港新城|起步区), and whether the
        common-noun test alone decides the reading (``common_noun_only``)."""
        clean, s, e, level, hits = self.clean, r.s, r.e, r.level, self.hits
        low = max(0, s - self.max_stem - 4)
        floor = self.taken.after_last(low, s)
        if floor == low and low > 0 and not self.taken.hits(low - 1, low):
            floor = 0  # no place and no text start near: the name needs a boundary word
        r.floor = floor
        if level in ("zone", "compound"):
            before = (*hits[-1:], self.chain_ends.get(s))
            # 花园口镇家属院: a staff compound named after the township whose staff live there
            owners = (level, "township") if r.suffix in _staff_compounds() else (level,)
            r.runs_on = [h for h in before if h is not None and h.level in owners and h.end == s]
        else:
            r.runs_on = []
        # Not for an item of a list, a name run on from the place before it, a village after a
        # township found before it, nor one a known name ends (whose start the reading moves back to it).
        r.common_noun_only = (
            r.listed_item is None
            and not r.runs_on
            and not (
                hits and hits[-1].level == "township" and hits[-1].end >= floor and level in ("village", "community")
            )
            and not clean.endswith(self.known_names(), 0, e)
        )

    def _common_noun_tail(self, r: _Suffix) -> bool:
        """改造老旧小区, 发展农村: the stem's last two characters and the suffix make a common noun of any
        name ending with them: wherever the name would be read to start, no record comes of it, so
        its stem is not read (not for a township, which the table may hold: 东城乡). The suffix is
        left unsure, which is asked only if a known name ends there (the floor is kept for that).
        Only a tail with a common noun's fragment starting in those two characters can be one
        (looked for first: most tails are new to the answers kept)."""
        clean, s, e = self.clean, r.s, r.e
        if (
            r.common_noun_only
            and r.level != "township"
            and not r.opened
            and s >= 2
            and (_generic_pattern().match(clean, s - 2, e) or _generic_pattern().match(clean, s - 1, e))
            and generic_whatever_before(clean[s - 2 : e])
        ):
            self.unsure.append((s, e, r.level, r.floor))
            return True
        return False

    def _stem_found(self, r: _Suffix) -> bool:
        """Where the stem starts and the word before it: at the nearest word boundary, a township's
        name of the table, the list item's start, the end of the township the village is written
        after, or of a verb of works (硬化|莆明村), past a dispatch's 电 (3月1日电 新民村). Without one
        the suffix is left unsure."""
        clean, s, e, level, floor = self.clean, r.s, r.e, r.level, r.floor
        found = _stem_start(clean, s, floor, r.suffix)
        if level == "township":
            found = _township_name_start(clean, floor, e, found)
        if r.listed_item is not None:
            found = (r.listed_item, "、")
        elif _village_after_township(clean, self.hits, floor, s, e, level):
            found = (floor, clean[floor - 1])  # 雁门口镇|义和村, 某镇|原隆村: the whole stem is the village's
        verb = _after_works_verb(clean, floor, s) if level in _WORKS_LEVELS else None
        if verb is not None and (found is None or found[0] < verb[1]):
            r.works = verb[1]
            found = (r.works, clean[verb[0] : r.works])  # 硬化|莆明村: the verb is not the name's
        if found is None:
            self.unsure.append((s, e, level, None))
            return False
        start, before = found
        # 3月1日电 新民村: a dispatch's 电 after its date, then a space (not 5月2日电厂新村)
        dispatch = clean[start - 1 : start] in after_date() and clean[start : start + 1] in _dateline_marks()
        if dispatch and self.doc.joined_at(start + 1):
            start, before = start + 1, clean[start]
        r.start, r.before = start, before
        return True

    def _no_name_read(self, r: _Suffix) -> bool:
        """The stem read is no name (加强|村组织, 商量|村里, ，小区, 特困人员 / 镇): the suffix is left unsure
        or dropped."""
        clean, s, e, start = self.clean, r.s, r.e, r.start
        if r.opened and (s - start > _OPENED_STEM or _after_last_verb(clean, start, s, _NOT_NAME_TAGS) > start):
            # 加强|村组织, 建强基层|村组织: no name; 达桑村 if named elsewhere
            self.unsure.append((s, e, r.level, None))
            return True
        hits = self.hits
        if (
            r.inside
            and not (hits and hits[-1].level == "township" and hits[-1].end == start)
            and not _stem_reads_as_name(clean[start:s])
        ):
            self.unsure.append((s, e, r.level, None))  # 商量|村里, 小山|村里: no name; 石门村 if named elsewhere
            return True
        # ，小区, 全镇, 城乡: the reading below only moves the start on, and no name starts there (asked
        # of a stem of one character at most, whose few names repeat from article to article)
        if r.common_noun_only and s - start <= 1 and _no_name_within(clean[start:e], r.level):
            return True
        # 特困人员 / 镇: a suffix opening its line after a line of other words is no name's
        return (
            self.doc.line_starts_at(s)
            and s - start > _WRAPPED_STEM
            and word_tag(clean[start:s])[:2] not in ("ns", "nz", "nr")
            and not gazetteer.is_township(clean[start:e])
        )

    def _cut_words_before(self, r: _Suffix) -> None:
        """Move the start past what opens the stem but is not the name's: a line of its own above a
        township (部门动态 / 角杯乡), a name in apposition, a pronoun's verb (他|去|石门村) or a verb
        after a verb of going (走进社区察看|锦绣花园小区); notes an arrival and an employer's estate."""
        clean, s = self.clean, r.s
        line = self.doc.last_line_start(r.start + 1, s) if r.level in BELOW and s - r.start > 1 else None
        if line is not None:
            r.start, r.before = line, ""  # 部门动态 / 角杯乡: a township starts on its own line
        r.apposed = _apposed_start(clean, r.start, s, r.suffix)
        if r.apposed is not None:
            r.start, r.before = r.apposed, clean[r.apposed - 1]
        r.arrival = after_arrival(clean, r.start)
        pronoun = len(r.before) == 1 and is_han(r.before) and word_tag(r.before) == "r"  # (no pronoun is a mark)
        if pronoun and (verb_end := _after_pronoun(clean, r.start, s)) > r.start:
            # 他|去|石门村, 我|去|阳光小区: a pronoun's verb opens the name as 来到 does
            r.start, r.before, r.arrival = verb_end, clean[r.start : verb_end], True
        opening = clean.startswith(_determiners(), r.start)  # (one call for them all: most stems open with none)
        determiner = next((w for w in _determiners() if clean.startswith(w, r.start)), None) if opening else None
        if determiner is not None and s - r.start - len(determiner) >= 2:
            r.start, r.before = r.start + len(determiner), determiner  # 另一处|长虹社区: no part of the name
        r.staff = r.suffix in _staff_compounds()  # 运城供电公司家属院: an employer's name, whatever its words
        if r.arrival and not r.staff and r.start < (verb_end := _after_last_verb(clean, r.start, s)) <= s - 2:
            # 走进社区察看|锦绣花园小区: the verb of going's next verb ends the stem (前进村 is one verb)
            r.start, r.before = verb_end, clean[r.start : verb_end]

    def _runs_on_name(self, r: _Suffix) -> bool:
        """The suffix runs the place before it on, one record: a second suffix of the same kind
        (空港新城起步区, 阳光家园小区) or a numbered village after its township (珍秦镇十一村)."""
        clean, s, e = self.clean, r.s, r.e
        if r.runs_on:
            r.runs_on[0].end, r.runs_on[0].level = e, r.level
            if r.runs_on[0].full_name is not None:
                r.runs_on[0].full_name += clean[s:e]
            self.taken.mark(s, e)
            return True
        hits = self.hits
        if _numbered_after_township(clean, hits, r.floor, s, e, r.level):
            hits[-1].end, hits[-1].level = e, r.level  # 珍秦镇十一村, 兴坪镇渔村: one record
            self.taken.mark(r.floor, e)
            self.known.add(clean[r.floor : e])
            return True
        return False

    def _trim_stem(self, r: _Suffix) -> None:
        """Whether the stem's start is clear (a works verb, an apposition, a line's start, a mark or
        a space before it), and the start moved past the words that open the stem but are not the
        name's: a character closing the word before, conjunctions and verbs, a verb of going; a
        township of the table (``tabled``) keeps them."""
        clean, s, e, before = self.clean, r.s, r.e, r.before
        # 本报讯 新民村: a boundary word, then a space the clean view removed, opens the name clearly
        r.clear = (
            r.works is not None
            or r.apposed is not None
            or self.doc.line_starts_at(r.start)
            or (before != "" and (not CJK_CHAR.match(before) or self.doc.joined_at(r.start)))
        )
        if word := _word_into_stem(clean, r.start, s):
            r.start, r.before = r.start + 1, word  # 驻地|北庄村: the stem's first character closes the word before it
        # 还地桥镇: a township of the table keeps the character that would read as an adverb (还)
        r.tabled = r.level == "township" and gazetteer.is_township(clean[r.start : e])
        opening = None if r.tabled else _strip_opening_word(clean, r.start, s)
        while opening is not None:  # 并|打通|东部新区: a conjunction, then a verb
            r.start, r.before = opening
            opening = _strip_opening_word(clean, r.start, s)
        if not r.tabled and (going := _after_going(clean, r.start, s)) > r.start:
            r.start, r.before = going, clean[going - 1]  # 近千人来|群丰村: a verb of going inside the stem

    def _start_at_known_name(self, r: _Suffix) -> None:
        """我们接官亭村 once 接官亭村 is named: the name the cuts shortened is read whole; 10人安身水南村
        once 水南村 is named: a verb before the known name ends the words before it. Notes whether
        the name read is one the article has written (``named``)."""
        clean, e, known, names = self.clean, r.e, self.known, self.known_names()
        # (one str.endswith of them all first: most places end no known name)
        endings = [name for name in known if clean.endswith(name, 0, e)] if clean.endswith(names, 0, e) else []
        whole = _longest(endings, range(min(e - r.floor, _KNOWN_REACH), e - r.start, -1)) if endings else ""
        inner = "" if whole or not endings else _longest(endings, range(e - r.start - 1, 1, -1))
        if whole:
            r.start, r.before = e - len(whole), clean[e - len(whole) - 1 : e - len(whole)]
        elif inner and word_tag(clean[e - len(inner) - 2 : e - len(inner)]) == "v":
            r.start, r.before = e - len(inner), clean[e - len(inner) - 2 : e - len(inner)]
        elif inner and (word := _word_before_known(clean, r.start, e - len(inner))):
            r.start, r.before = e - len(inner), word  # 听说去|逢留村, 回到老家|三宝彝族乡 once the name is written
        # 其那村 once 那良镇其那村 is named: a name the article has written is one, whatever words its
        # stem's characters make alone (其那 reads as two pronouns)
        r.named = clean[r.start : e] in known

    def _short_name_after_verb(self, r: _Suffix) -> bool:
        """Reports put a township or zone straight after a verb (推进水东镇建设, 推进三岔湖特色小镇建设):
        a short stem that holds no other suffix (撤乡并镇) is a name there, its start clear."""
        length = r.s - r.start
        # 走访了南村|村: the village's own 村 before the suffix is no other suffix in the stem
        stem_end = r.s - 1 if self.clean.startswith(_DOUBLED_VILLAGE, r.s - 1) else r.s
        # (the opener's tag is looked up only for a short stem)
        return (
            (r.level in BELOW or r.level == "zone")
            and length <= 4
            and (opener := word_tag(r.before)[:2]) in _OPENER_TAGS
            and length <= (3 if opener.startswith("v") else 4)
            # 合并为新苑村: a weak estate suffix (苑) in the stem is the name's own
            and not any(
                x.group() not in _weak_estate()["words"]
                for x in suffix_pattern().finditer(self.clean, r.start, stem_end)
            )
        )

    def _common_noun_reading(self, r: _Suffix) -> bool:
        """The name read is a common noun (农村, 老旧小区, 示范小城镇), not one the article has written
        nor a village a place word or a hamlet names."""
        clean, start, s, e, level, before = self.clean, r.start, r.s, r.e, r.level, r.before
        clear_start = r.clear or before in strong_before() or r.arrival or _doubled_village_at_cut(clean, start, e)
        generic = (
            is_generic(clean[start:e], clear_start=clear_start)
            if r.listed_item is None or s - start > 1
            else bool(_generic_pattern().search(clean, start, e))
        )
        return (
            generic
            and not r.named
            and not _place_word_village(clean, self.hits, start, s, e, level)
            and not _village_over_hamlet(clean, self.hits, start, e, level)
            # 示范小城镇: after a common noun's modifier the table's 小城镇 is the common noun
            and not (
                _table_township(clean[start:e], level, listed=_in_list(clean, start, e))
                and not _generic_pattern().fullmatch(before)
            )
        )

    def _stem_vetoed(self, r: _Suffix) -> bool:
        """The stem's words make it no name: a verb, a clause's opener, a count, a slogan, a post, a
        level's phrase, a body's name or a school's (城关镇|二小) it opens, a hidden name (南某村)."""
        clean, start, s, e, level, suffix = self.clean, r.start, r.s, r.e, r.level, r.suffix
        stem, tabled, named = clean[start:s], r.tabled, r.named
        return (
            _after_suffix(clean, s, suffix)
            or _liaison_office(r.before, suffix)
            or (
                word_tag(stem)[:1] in _not_stem_tags(clean, e, listed=r.listed_item is not None)
                and not gazetteer.is_township(clean[start:e])
                and not named
            )
            or (_verb_takes_place(stem) and not tabled)
            or (level in _WORKS_LEVELS and not named and _verb_stem(stem))
            or (_clause_opener(stem) and not tabled and not named)
            or (_runs_clause_on(clean, start, s) and not named)
            or (_counted_stem(clean, start, s) and not tabled and not named)
            or (level in ("village", "township") and _clause_verb(stem) and not tabled and not named)
            or (level == "township" and not tabled and not named and _verb_before_paired_levels(clean, start, s, e))
            or (_slogan(stem) and not tabled)
            or ((_slogan_half(clean, s) or stem.endswith(_people_qualifiers())) and not tabled and not named)
            or (_person_then_verb(stem) and not tabled)
            or (level in _WORKS_LEVELS and not named and _quantity_stem(stem))
            or (level in _WORKS_LEVELS and not named and _verb_after_subject(clean, r.floor, start, s))
            or (level in _WORKS_LEVELS and not named and _idiom_across_suffix(clean, s, e))
            or (level in BELOW and not tabled and not named and _predicate_verb(clean, start, s, e, r.before))
            or (not tabled and not named and _boundary_splits_word(clean, start, r.floor))
            # 感受|山乡, 走进|水乡: a verb, then one character before a township's suffix: the countryside
            or (level == "township" and not tabled and s - start > 2 and _after_last_verb(clean, start, s) == s - 1)
            or (
                level in ("community", "compound")
                and not _in_list(clean, start, e)  # 公路局安居小区、军缘小区: an item of a list is a name
                and not r.staff
                and _verb_after_word(stem)
            )
            or (level == "township" and not named and _suffix_in_common_noun(clean, s, e))
            or _level_phrase(clean, start, s)
            or _positions_around(clean, s, e)
            or _township_body(clean, start, s, suffix)
            # 居委会主任社区书记: a post before the community's word opens another post, no name
            or (level == "community" and stem.endswith(_post_words()))
            or _closes_list(clean, start, s)
            or (_function_stem(stem) and not tabled and not named)
            or (_built_kind(clean, start, s) and not tabled and not named)
            or self.taken.hits(start, e)
            or opens_org(clean, e, start)
            or opens_school(clean, e)  # 城关镇|二小
            or _ANONYMISED in stem  # 南某村: a hidden name
        )

    def _clear_boundary(self, r: _Suffix) -> bool:
        """The name starts at a boundary clear enough for its level: a zone's short name, an estate
        listed, chained or named after a verb, any other place after a strong word, a heading, an
        arrival or at its floor (or a township the table holds where jieba's words end)."""
        clean, start, s, e, before = self.clean, r.start, r.s, r.e, r.before
        if r.level == "zone":
            # A zone with a name of its own (伊滨经开区, 西咸新区): a short name at a clear boundary.
            ok = _ZONE_STEM[0] <= s - start <= _ZONE_STEM[1] and (
                r.clear or before in strong_before() or r.arrival or start == r.floor
            )
            # 这里是人参特色小镇: a product alone before the zone's word names its kind, not the zone
            return ok and clean[start:s] not in _products()
        if r.level == "compound":
            return self._estate_boundary_clear(r)
        ok = r.clear or before in strong_before() or r.arrival or start == r.floor
        ok = ok or before in _strong_words() or before in _headings() or before in _words_into_stem()
        ok = ok or clean.endswith(_determiners(), 0, start)
        # 使|长坪瑶族乡, 落户|园洲镇: a township the table holds starts where jieba's words end
        # (not in 其|中城镇人口, where 其中 runs across)
        return ok or (r.tabled and e - start >= _TABLE_NAME_MIN and cut_at(clean, start))

    def _estate_boundary_clear(self, r: _Suffix) -> bool:
        """An estate's name starts clearly: at a clear boundary, as an item of a list, after 和 and
        the place before, straight after its township (城关镇富民小区) or a chain, after a strong word
        or an arrival; with a weak suffix (苑) only where estates are named around it."""
        clean, start, s, e, before, hits = self.clean, r.start, r.s, r.e, r.before, self.hits
        listed = clean[start - 1 : start] in _LIST_MARKS or clean[e : e + 1] in _LIST_MARKS
        follows = bool(hits) and hits[-1].end == start - 1 and before in ("和", "及", "与")
        # 城关镇富民小区: an estate written straight after its township, one chain
        chained = (bool(hits) and hits[-1].end == start and hits[-1].level in BELOW) or start in self.chain_ends
        # (离石区|新建小区: a verb there is the clause's, unless estates are named after it: 离石区安居小区)
        named_after_verb = clean[start:s] in _estate_naming_verbs()
        chained = chained and (named_after_verb or _after_last_verb(clean, start, s) == start)
        # 我市|十二中家属院: a reference to a place before the estate places it, as a chain does
        referred = before in _reference_words()
        ok = r.clear or listed or follows or chained or referred or before in strong_before() or r.arrival
        ok = ok or clean.endswith(_determiners(), 0, start)
        return ok and (r.suffix not in _weak_estate()["words"] or _estate_named(clean, hits, start, e))

    def _record(self, r: _Suffix) -> None:
        """Keep the place read: as an estate where estates are named around it, with its numbered
        part (幸福家园三区); run on the chain or the place written straight before it, or a record
        of its own; its name known from now on."""
        clean, start, e, level, hits = self.clean, r.start, r.e, r.level, self.hits
        if (level == "zone" or (level == "village" and _estate_village(clean, start, e))) and _among_compounds(
            clean, hits, start, e
        ):
            level = "compound"  # 嘉州花园、金港新区等小区, 西林小区、沁园新村: an estate named like a zone or village
        if (level == "compound" or _estate_village(clean, start, e)) and (part := _ESTATE_PART.match(clean, e)):
            # 幸福家园三区, 滨江花园二期: the estate's numbered part is one record with it; a 新村 with
            # a numbered part is a town's estate (银杏新村四区), not a village (东坪村二期: its project)
            level, e = "compound", part.end()
        if level == "compound" and start in self.chain_ends and not self.doc.joined_at(start):
            chain = self.chain_ends.pop(start)
            if chain.full_name is not None:
                chain.full_name += clean[start:e]
            if chain.below_start is None:
                chain.below_start = start  # the county it names seats the article's other places
            chain.end, chain.level = e, level
            self.chain_ends[e] = chain
            self.taken.mark(start, e)
            self.known.add(clean[start:e])
            return
        # 杏花村西堡村: written together, one record; a township after a village or community
        # (团结社区|二道桥镇) is the next place of a list, for a chain runs down, never up
        if hits and hits[-1].end == start and not self.doc.joined_at(start) and _runs_down(hits[-1].level, level):
            hits[-1].end, hits[-1].level = e, level
        else:
            hits.append(Hit(start, e, level, rule="below_county"))
        self.taken.mark(start, e)
        self.known.update((clean[start:e], last_part(clean[hits[-1].start : e])))

    def settle_unsure(self) -> None:
        """A name met once at a clear boundary is recognised where a suffix was left unsure (推广|
        军缘小区): the longest known name ending there, if no place is read there and no stem could
        be read from the floor kept."""
        clean, taken = self.clean, self.taken
        known_names = self.known_names()
        for s, e, level, unread_floor in self.unsure:
            if not clean.endswith(known_names, 0, e):
                continue  # most: no known name ends there (one str.endswith of them all)
            names = [k for k in known_names if clean.endswith(k, 0, e) and len(k) > e - s]
            if (
                names
                and not taken.hits(s, e)
                and (unread_floor is None or _stem_start(clean, s, unread_floor, clean[s:e]) is None)
            ):
                name = max(names, key=len)
                self.hits.append(Hit(e - len(name), e, level, rule="known_name"))
                taken.mark(e - len(name), e)


def below_county_hits(doc: Document, taken: Mask, blocked: Mask, chains: list[Hit]) -> list[Hit]:
    """Townships, villages, communities and compounds named by their suffix, outside any division
    chain; the places ``chains`` name below their county (霍城县|兰干乡兰干村) are known names."""
    scan = _BelowScan(doc, taken, chains)
    levels = word_lists()["suffixes"]
    read, in_taken, in_blocked = scan.read, taken.hits, blocked.hits
    for m in suffix_pattern().finditer(doc.clean):
        s, e = m.span()
        if not in_taken(s, e) and not in_blocked(s, e):
            suffix = m.group(0)
            read(_Suffix(s, e, suffix, levels[suffix]))
    scan.settle_unsure()
    hits = scan.hits
    hits += _bare_listed_villages(doc.clean, hits, taken)
    return sorted(hits, key=lambda h: h.start)


def _without_stem(clean: str, s: int) -> bool:
    """A suffix at ``s`` is written with no stem before it: at the text's start or after a boundary."""
    return s == 0 or boundary_pattern().match(clean, s - 1) is not None


# The longest name of a village written without its suffix read in a list of villages (峨二庄).
_BARE_VILLAGE = 4


def _bare_listed_villages(clean: str, hits: list[Hit], taken: Mask) -> list[Hit]:
    """的张二庄、李家坞村、王村: an item next to a village in a list, written without 村 but ending as
    northern villages do ([bare_villages]), is a village too; it starts after a boundary word or a
    list mark and reads as a name (no word of the dictionary, or a longer proper name)."""
    endings = tuple(word_lists()["bare_villages"]["endings"])
    found: list[Hit] = []
    queue = [hit for hit in hits if hit.level == "village"]
    while queue:  # a bare item found is a village next to which another may stand (张庄、李营、王村)
        hit = queue.pop()
        for mark, end in ((hit.start - 1, hit.start - 1), (hit.end, None)):
            if clean[mark : mark + 1] != "、":
                continue
            if end is None:  # the item after, closed by a list mark, a boundary word or punctuation
                item = CJK_ITEM.match(clean, mark + 1, mark + 1 + _BARE_VILLAGE + 1)
                if item is None:
                    continue
                stop = boundary_pattern().search(clean, mark + 1, item.end() + 1)
                if stop is None or stop.start() > mark + 1 + _BARE_VILLAGE:
                    continue
                start, end = mark + 1, stop.start()
            else:
                low = max(0, end - _BARE_VILLAGE - 1)
                cuts = [b.end() for b in boundary_pattern().finditer(clean, low, end)]
                if not cuts:
                    continue
                start = cuts[-1]
            name = clean[start:end]
            if (
                2 <= len(name) <= _BARE_VILLAGE
                and name.endswith(endings)
                and CJK_ITEM.fullmatch(name)
                # 张庄, 峨二庄; 山庄, 农庄 are words (a longer proper name of the dictionary is a name: 马家堡)
                and (not word_tag(name) or (len(name) > 2 and _reads_as_name(name)))
                and not taken.hits(start, end)
            ):
                found.append(Hit(start, end, "village", rule="bare_listed_village"))
                queue.append(found[-1])
                taken.mark(start, end)
    return found


# How far below the county a level lies: a chain written without separators names places ever
# further down (镇, then 村 or 社区, then 小区).
_DEPTH = {"township": 0, "village": 1, "community": 1, "compound": 2}


def _runs_down(upper: str, lower: str) -> bool:
    """A place of level ``lower`` written straight after one of ``upper`` may be part of its chain."""
    return _DEPTH.get(lower, 0) >= _DEPTH.get(upper, 0)


# Divisions an estate's name may be written straight after, one chain with it (郑州市金地小区).
_ESTATE_HEADS = frozenset(("city", "county"))


# The longest name looked up among the names the article has met (a village with its township).
_KNOWN_REACH = 16


def _longest(names: list[str], lengths: range) -> str:
    """The longest of ``names`` whose length is one of ``lengths``, else "". The names are those met
    before that end where a candidate does (the few names met are tested, not a slice of the text
    at every length)."""
    return max((name for name in names if len(name) in lengths), key=len, default="")


def chain_parts(clean: str, chain: Hit) -> list[str]:
    """The places a chain names below its county, each by its own name (霍城县兰干乡兰干村: 兰干乡, 兰干村)."""
    if chain.below_start is None:
        return []
    parts, start = [], chain.below_start
    for m in suffix_pattern().finditer(clean, chain.below_start, chain.end):
        # 宏村|镇 is one name: a split leaves a name of its own, not a suffix alone
        if m.group(0) in below_suffixes() and leaves_name(clean[m.end() : chain.end]):
            parts.append(clean[start : m.end()])
            start = m.end()
    return parts


@cache
def _staff_compounds() -> frozenset[str]:
    return frozenset(word_lists()["names_after"]["staff_compounds"])


@cache
def _weak_estate() -> dict[str, list[str]]:
    return word_lists()["weak_estate_suffixes"]


@cache
def _estate_evidence() -> re.Pattern[str]:
    return re.compile(alternation(_weak_estate()["evidence"]))


_SENTENCE_MARKS = "。！？!?\n"


_SENTENCE_END = re.compile(f"[{_SENTENCE_MARKS}]")


def _estate_named(clean: str, hits: list[Hit], start: int, end: int) -> bool:
    """A name with a weak estate suffix (苑) is an estate's after an estate in a list (春江花园、金色海岸苑)
    or in a sentence that speaks of estates, unless a post stands before it as before a person's name."""
    after_estate = bool(hits) and hits[-1].level == "compound" and hits[-1].end == start - 1
    listed = after_estate and clean[start - 1] in LIST_JOINS
    return (listed or _estate_sentence(clean, start, end)) and not _titled_name(clean[start:end])


def _estate_sentence(clean: str, start: int, end: int) -> bool:
    """The sentence around a name speaks of estates (文昌苑、锦绣苑等12个小区, 龙泉苑的业主)."""
    opening = max(clean.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1
    closing = _SENTENCE_END.search(clean, end)
    return _estate_evidence().search(clean, opening, closing.start() if closing else len(clean)) is not None


@cache
def _post_words() -> tuple[str, ...]:
    return (*read_words("titles.txt"), *read_words("person_occupations.txt"))


def _titled_name(name: str) -> bool:
    """宣传部部长李苑, 副县长王晓苑, 党组书记苑: a post or occupation, then a surname and up to two
    characters: a person's name, not an estate's."""
    return any(surname_length(name[-k:]) > 0 and name.endswith(_post_words(), 0, len(name) - k) for k in (1, 2, 3))


def _among_compounds(clean: str, hits: list[Hit], start: int, end: int) -> bool:
    """The name is an item of a list of estates: after an estate and a list mark, or before 等小区."""
    after_estate = bool(hits) and hits[-1].level == "compound" and hits[-1].end == start - 1
    return (after_estate and clean[start - 1] == "、") or _estate_list_tail().match(clean, end) is not None


@cache
def _estate_list_tail() -> re.Pattern[str]:
    """等小区, 等5个老旧小区, 等住宅小区: what closes a list of estates ([estate_lists])."""
    table = word_lists()["estate_lists"]
    modifiers = alternation([*table["modifiers"], *word_lists()["estate_kinds"]["words"]])
    return re.compile(f"等(?:[0-9一二两三四五六七八九十]+个)?(?:{modifiers})*(?:{alternation(table['kinds'])})")


@cache
def _estate_item_ending() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(word_lists()['estate_lists']['item_endings'])})$")


# The shortest and longest estate name read as an item of a list.
_ESTATE_ITEM = (2, 8)
_ESTATE_JOINS = "和及与"


def estate_list_items(clean: str, taken: Mask) -> list[Hit]:
    """东湖小区、福润名邸等小区, 锦绣名苑和御景府等老旧小区: the items of a list closed by an estate
    list's tail that carry no place suffix (those the suffix scan reads) but end as estates are
    named are estates. The items are read back from the tail, between list marks; the last two may
    be joined by 和 (及, 与). The list's first item, whose start no mark shows, is left to the scan."""
    hits: list[Hit] = []
    if "等" not in clean:
        return hits
    for m in _estate_list_tail().finditer(clean):
        end = m.start()
        items: list[tuple[int, int]] = []
        while len(items) < _MAX_LIST:
            mark = clean.rfind("、", max(0, end - 2 * _ESTATE_ITEM[1] - 2), end)  # (two items joined)
            if mark < 0:
                break
            join = max(clean.rfind(j, mark + 1 + _ESTATE_ITEM[0], end - _ESTATE_ITEM[0]) for j in _ESTATE_JOINS)
            if join > mark and _estate_item_ending().search(clean, mark + 1, join):
                items += [(join + 1, end), (mark + 1, join)]  # 锦绣名苑和御景府
            else:
                items.append((mark + 1, end))
            end = mark
        for start, stop in items:
            if (
                _ESTATE_ITEM[0] <= stop - start <= _ESTATE_ITEM[1]
                and CJK_ITEM.fullmatch(clean, start, stop)
                and _estate_item_ending().search(clean, start, stop)
                and not trailing_suffix().search(clean, start, stop)
                and not taken.hits(start, stop)
            ):
                hits.append(Hit(start, stop, "compound", rule="estate_list"))
    return sorted(hits, key=lambda h: h.start)


# A numbered part of an estate written after its name (三区, 2期).
_ESTATE_PART = re.compile(rf"(?:{_NUMBER_IN_NAME})[区期]")


def _estate_village(clean: str, start: int, end: int) -> bool:
    """A village suffix that may end a town estate's name (银杏新村), not a village's (东坪村)."""
    return clean.endswith(_estate_village_endings(), start, end)


@cache
def _estate_village_endings() -> tuple[str, ...]:
    return tuple(word_lists()["estate_villages"]["endings"])


# The shortest run holding a common noun before a name: two characters before the noun (its
# modifier), the noun, two of the name.
_APPOSED_MIN = 5


def _apposed_start(clean: str, start: int, suffix_start: int, suffix: str) -> int | None:
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


# The length of a village's stem read whole after its township (雁门口镇|义和村).
_STEM_AFTER_TOWNSHIP = (2, 3)


# jieba tags of a character that opens a clause, not a name, after a township (镇|在本村, 镇|对该村, 乡|的火普村).
_CLAUSE_CHAR_TAGS = frozenset("pcru")


def _village_after_township(clean: str, hits: list[Hit], floor: int, s: int, e: int, level: str) -> bool:
    """A village or community written straight after the township found before it, whose short stem
    holds a boundary character (义和村, 原隆村, 共光村): the stem is no dictionary word but a name's, or
    none, and opens with no preposition, conjunction or pronoun (镇|对该村, 镇|与本村); with the
    village's body or people after it a preposition before a noun opens a name (镇|对门村党支部)."""
    if not hits or hits[-1].end != floor or hits[-1].level != "township" or level not in ("village", "community"):
        return False
    stem = clean[floor:s]
    if _village_stem_after_township(stem, clean[s:e]):
        return True
    return len(stem) == 2 and _body_after(clean, e) and not word_tag(stem) and _noun_after_boundary(stem)


@cache
def _not_village_nouns() -> frozenset[str]:
    """Common nouns that name no village after its township (全体, 全部, 有机): place_words.toml."""
    return frozenset(word_lists()["not_village_nouns"]["words"])


def _village_stem_after_township(stem: str, suffix: str) -> bool:
    """The stem written between a township and 村/社区 reads as a village's name (see above); one a
    character longer where it opens with a direction (龙虎庄乡|后刘官营村: 后 tells the village from
    刘官营), with which it makes no word, and the rest, no word of the dictionary, reads so."""
    if (
        len(stem) == _STEM_AFTER_TOWNSHIP[1] + 1
        and stem[0] in word_lists()["boundaries"]["direction_openers"]
        and not word_tag(stem[:2])  # 东部, 后来, 前往: a word, no direction opening a name
        and not word_tag(stem[1:])
        and boundary_pattern().search(stem, 1) is None
    ):
        stem = stem[1:]
    if not _STEM_AFTER_TOWNSHIP[0] <= len(stem) <= _STEM_AFTER_TOWNSHIP[1] or not CJK_ITEM.fullmatch(stem):
        return False
    if _joined_name(stem, suffix):
        return True
    tag = word_tag(stem)
    if tag:
        # 南头镇|将军社区, 桃林铺镇|全集村: a two-character common noun there is the place's name,
        # not one that takes a part or the whole (城关镇|全体社区工作者, 河口镇|全部村)
        return tag.startswith(_NAME_TAGS) or (
            tag == "n" and len(stem) == 2 and not is_generic(stem + suffix) and stem not in _not_village_nouns()
        )
    if _opened_name(stem) or _closed_by_opener(stem):
        return True  # 城关镇|那温村, 那良镇|其那村
    if boundary_pattern().match(stem) and word_tag(stem[0])[:1] == "v":
        return False  # 岩门乡|辖石坪村: a verb the township governs or reaches by, then the village
    return word_tag(stem[0])[:1] not in _CLAUSE_CHAR_TAGS and all(word_tag(c)[:1] != "r" for c in stem)


def _joined_name(stem: str, suffix: str) -> bool:
    """和兴, 与安, 及第: after a township, a two-character stem opening with a conjunction
    ([boundaries] name_joins) is a village's name where the reading that joins two places would
    leave a one-character village that is no word with its suffix (兴村; but 镇和|新村, 镇与|邻村,
    镇和|全村, 镇和|各村 join): the stem a noun of the dictionary (及第; not 及时, 与会), or no word
    whose second character is no function word, pronoun or numeral."""
    if len(stem) != 2 or stem[0] not in word_lists()["boundaries"]["name_joins"]:
        return False
    rest = stem[1]
    if word_tag(rest + suffix):
        return False
    tag = word_tag(stem)
    if tag:
        return tag.startswith("n")
    return word_tag(rest)[:1] not in (*_FUNCTION_CHAR_TAGS, "m") and boundary_pattern().fullmatch(rest) is None


# jieba tags of a character that makes no village's name after a conjunction or its township:
# function words and pronouns (镇和|各村, 镇|并村); after a conjunction a numeral neither (镇和|两村),
# alone a verb neither (镇|到村: going to; 余村 is a name).
_FUNCTION_CHAR_TAGS = frozenset("pcdur")


def _opened_name(stem: str) -> bool:
    """那温, 那坡: two characters opening with a boundary character that opens Zhuang and Dai village
    names ([boundaries] name_openers), which make no word of the dictionary (那个, 那些 do)."""
    if len(stem) != 2 or stem[0] not in word_lists()["boundaries"]["name_openers"]:
        return False
    tag = word_tag(stem)
    return not tag or tag.startswith(_NAME_TAGS)


def _closed_by_opener(stem: str) -> bool:
    """其那, 六那: two characters making no word whose second is a character that opens Zhuang and
    Dai names ([boundaries] name_openers: 那, "rice field"), which ends them as often; after its
    township such a stem is a village's name unless a verb or a function word opens it, a clause
    reaching that village (镇|去那村, 镇|的那村)."""
    return (
        len(stem) == 2
        and stem[1] in word_lists()["boundaries"]["name_openers"]
        and not word_tag(stem)
        and word_tag(stem[0])[:1] not in _OPENER_NOT_NAME_TAGS
    )


# jieba tags of a character before 那 that reads as a clause (去|那村, 的|那村), not a name's.
_OPENER_NOT_NAME_TAGS = frozenset("vpcu")


def _numbered_after_township(clean: str, hits: list[Hit], floor: int, s: int, e: int, level: str) -> bool:
    """A numbered or one-character village written straight after its township (榆树乡3村,
    珍秦镇十一村, 兴坪镇渔村); 一村一品 is a slogan."""
    if not hits or hits[-1].end != floor or hits[-1].level != "township" or level not in ("village", "community"):
        return False
    stem = clean[floor:s]
    if _VILLAGE_NUMBER.fullmatch(stem):
        return not _VILLAGE_NUMBER.match(clean, e)
    return (
        len(stem) == 1
        and bool(CJK_CHAR.match(stem))
        and word_tag(stem)[:1] not in (*_FUNCTION_CHAR_TAGS, "v")
        and not _generic_pattern().search(clean, floor, e)
    )


# jieba tags of a dictionary word that holds a boundary character and ends a name (前进村 v, 太和镇 nz).
_INNER_BOUNDARY_TAGS = frozenset(("ns", "nz", "nr", "v"))


# jieba tags a list item may carry when the list gives no count (东关 ns, 太和 nz, 红旗 nr; or no word).
_NAME_TAGS = ("ns", "nz", "nr")


def _reads_as_name(item: str) -> bool:
    tag = word_tag(item)
    return not tag or tag.startswith(_NAME_TAGS)


# The count of a list's tail: before 个, or a tail's first character alone (溪头两社区).
_COUNT = re.compile(r"[0-9一二两三四五六七八九十]+(?=个)|^[两二三四五六七八九]")


def _count(tail: str) -> int | None:
    """The number a list's tail gives (3个村 -> 3), else None."""
    m = _COUNT.search(tail)
    return read_int(m.group(0)) if m else None


def _listed_township(item: str, suffix: str | None) -> bool:
    """A list item that with the list's suffix is a township of the table (建工 of 河南、建工等街道)."""
    suffixes = (suffix,) if suffix is not None else tuple(word_lists()["township_table"]["list_guesses"])
    return any(gazetteer.is_township(item + s) for s in suffixes)


# jieba tags of function characters: prepositions, pronouns, adverbs, conjunctions.
_FUNCTION_TAGS = frozenset("prdc")


# jieba tags of a stem that names nothing even between a list's marks (、该村、): an adverb's
# characters there are a village's name (梨园村、小许村、沈庄村: jieba's 小许 is an adverb).
_LISTED_NOT_STEM_TAGS = frozenset("prc")


def _not_stem_tags(clean: str, end: int, *, listed: bool) -> frozenset[str]:
    """The jieba tags of a bare stem that make no name: a list item (after a place of the same
    suffix) takes only function words, and one that another item follows (、) no adverb either."""
    if not listed:
        return _NOT_STEM_TAGS
    return _LISTED_NOT_STEM_TAGS if clean[end : end + 1] in LIST_JOINS else _FUNCTION_TAGS


def _function_stem(stem: str) -> bool:
    """A stem that makes no name, being no dictionary word: ending with two function characters
    (菜比别村便宜, 在这村), or a clause ending with a preposition before the suffix (人在村里: 在 is no name's last
    character there; 春在镇 is a township of the table)."""
    if len(stem) < 2 or word_tag(stem) or word_tag(stem[-2:]):
        return False
    if all(word_tag(c)[:1] in _FUNCTION_TAGS for c in stem[-2:]):
        return True  # (菜)比别|村
    return stem[-1] in word_lists()["boundaries"]["not_name_end"]


def _closes_list(clean: str, start: int, suffix_start: int) -> bool:
    """大河村、水利等村: a list item, then 等 and the kind, is no name of its own (平等村 is)."""
    return clean[suffix_start - 1 : suffix_start] == "等" and clean[start - 1 : start] in LIST_JOINS


def _shares_written_suffix(clean: str, items: list[tuple[int, int]], tail: str, suffix: str | None) -> bool:
    """九华村、上胡家等村, 三合、龙窝等村寨: a list closed by 等 and its kind where some item is written
    with the kind's suffix, here or elsewhere in the article (三合村 … 三合、龙窝等村寨: villages named
    in full, then by their short names), and every other item reads as a name: the bare items are of
    the same kind."""
    if not tail.startswith("等") or suffix is None or below_suffixes().get(suffix) is None:
        return False
    written = [clean.endswith(suffix, a, b) or clean.find(clean[a:b] + suffix) >= 0 for a, b in items]
    return any(written) and all(w or _reads_as_name(clean[a:b]) for w, (a, b) in zip(written, items, strict=True))


def _bare_tabled_start(clean: str, first: int, end: int, kind: str) -> int:
    """Where the first bare item of a list starts when it names a township of the table with the
    list's suffix (11月5日|企石、横沥等镇: 企石镇): the longest such name, else ``first``; a division
    before it makes a chain with it."""
    # 搬迁云山、魏店等4乡镇: a list of 乡镇 holds names of either suffix
    suffixes = word_lists()["list_either_suffixes"].get(kind) or [word_lists()["list_suffixes"].get(kind, kind)]
    if any(below_suffixes().get(s) != "township" for s in suffixes) or trailing_suffix().search(clean, first, end):
        return first
    if gazetteer.opens_division(clean, first):
        return first  # 姑苏区平江、沧浪等街道: the county and its township, one chain
    return next(
        (k for k in range(first, end - 1) if any(gazetteer.is_township(clean[k:end] + s) for s in suffixes)), first
    )


@cache
def _standings() -> tuple[frozenset[str], re.Pattern[str], tuple[str, ...]]:
    """The kinds that give a township's standing (中心镇), what no item under them holds (物流, 名镇),
    and the posts no item ends with (县长)."""
    table = word_lists()["list_standings"]
    return frozenset(table["kinds"]), re.compile(alternation(table["not_in_items"])), tuple(table["post_endings"])


def _standing_item(name: str) -> bool:
    """An item of a list closed by a township's standing is a bare name (马坊 of 马坊、高岭3个中心镇):
    no word for an industry or a kind of township (产业园区, 商贸物流, 旅游名镇), no post (李县长)."""
    _, words, posts = _standings()
    return words.search(name) is None and not name.endswith(posts)


def _village_shaped_list(clean: str, items: list[tuple[int, int]], tail: str, kind: str) -> bool:
    """马家营、杨家庄、赵家铺等自然村: a list closed by 等 and a kind of village, with no count, whose
    items all read as names of up to four characters ending as village names do; under a kind that
    names settlements only (四冲、福瑶、广运等村屯) the items may end in any way, and half of them
    reading as names is enough, as under a count (:func:`_names_listed`), none a person's."""
    if not tail.startswith("等") or _list_kinds()[kind] != "village":
        return False
    if not all(2 <= b - a <= _BARE_VILLAGE for a, b in items):
        return False
    table = word_lists()["bare_villages"]
    if kind in table["settlement_kinds"]:
        return _names_listed(clean, items, None, counted=True) and not _holds_no_place_item(
            clean, items, kind, words_of_the_day=True
        )
    endings = table["list_endings"]
    return all(clean[b - 1] in endings and _reads_as_name(clean[a:b]) for a, b in items)


@cache
def _no_place_items() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """A nationality (汉族, 布依族), the locality words (周边, 附近) and the posts (书记, 主任)."""
    nationality = re.compile(f"(?:{alternation(read_words('place_nationalities.txt'))})族")
    localities = frozenset(word_lists()["list_totals"]["not_items"])
    return nationality, localities, frozenset(read_words("titles.txt"))


def _holds_no_place_item(clean: str, items: list[tuple[int, int]], kind: str, *, words_of_the_day: bool) -> bool:
    """Some item of a list closed by a count names no place: an adjective or a verb (贫困, 脱贫;
    unless ``words_of_the_day``, where half the items are names: 向荣、前进、松涛、胜利4个社区),
    a nationality (汉族、苗族两村群众), a locality (张庄、李庄及周边3个村), a surname and a post
    (张书记、王主任两村), a character and the kind counted (强村、弱村两村), or all the items read
    as persons' names (李明、王芳和张伟3个村的第一书记) - a village's ending aside (张庄)."""
    nationality, localities, posts = _no_place_items()
    endings = word_lists()["bare_villages"]["list_endings"]
    persons = 0
    for a, b in items:
        item = clean[a:b]
        size = surname_length(item)
        if (
            (not words_of_the_day and word_tag(item) in ("a", "v", "vn"))
            or word_tag(item) == "f"
            or nationality.fullmatch(item)
            or item in localities
            or (size and item[size:] in posts)
            or (len(item) == 1 + len(kind) and item.endswith(kind))
        ):
            return True
        persons += item[-1] not in endings and is_name_shape(item)
    return persons == len(items)


def _split_joined(clean: str, items: list[tuple[int, int]], count: int | None) -> list[tuple[int, int]]:
    """福塘、德孚、当仁和斗山4个自然村: the last item read is two joined by 和, 及 or 与 where the
    count needs one more item and each side is a name of two characters or more (太和 stays whole)."""
    if count is None or count != len(items) + 1:
        return items
    start, end = items[0]
    joins = [k for k in range(start + 2, end - 1) if clean[k] in "和及与"]
    if len(joins) != 1:
        return items
    return [(joins[0] + 1, end), (start, joins[0]), *items[1:]]


@cache
def _kind_modified() -> tuple[str, ...]:
    return tuple(word_lists()["list_totals"]["kind_modified"])


def _counts_places(clean: str, end: int, count: int | None, kind: str) -> bool:
    """A count closing a list of villages or communities (not townships: they have their table) that
    counts the places themselves: no word follows that the kind modifies (3个社区|服务项目)."""
    return count is not None and _list_kinds()[kind] != "township" and not clean.startswith(_kind_modified(), end)


def _names_listed(clean: str, items: list[tuple[int, int]], suffix: str | None, *, counted: bool) -> bool:
    """Every item reads as a name or a tabled township; under a count of villages or communities the
    items make up, half of them is enough and the rest may be any other word but a function word
    (向阳、前进、胜利3个社区: communities are named with such words; townships have their table)."""
    named = [_reads_as_name(clean[a:b]) or _listed_township(clean[a:b], suffix) for a, b in items]
    if all(named):
        return True
    if not counted or 2 * sum(named) < len(items):
        return False
    return all(word_tag(clean[a:b])[:1] not in _FUNCTION_TAGS for (a, b), n in zip(items, named, strict=True) if not n)


def _committee_closes(clean: str, kind: str, end: int) -> bool:
    """A list closed by a committee word (等8个村委会) ends there: no word runs on (村委会成员)."""
    committees = word_lists()["list_committees"]
    after = clean[end : end + 1]
    return kind not in committees["kinds"] or not is_han(after) or after in committees["followers"]


def township_lists(clean: str, taken: Mask) -> list[Hit]:
    """东城、西城、南城等七个办事处: each short name in the list is a township (or village, community)."""
    hits: list[Hit] = []
    if _list_tail_anchor().search(clean) is None:
        return hits
    for m in _list_tail().finditer(clean):
        if not _suffix_ok(clean, m.start("kind"), m.end()):
            continue  # 张三、李四等村干部
        if not _committee_closes(clean, m.group("kind"), m.end()):
            continue  # 王明、李强等5个村委会成员
        level = _list_kinds()[m.group("kind")]
        items: list[tuple[int, int]] = []
        end = m.start()
        while len(items) < _MAX_LIST:
            item = _LIST_ITEM.search(clean, max(0, end - 6), end)
            if item is None:
                break
            start = item.start()
            if clean[start - 1 : start] == "、":
                items.append((start, end))  # 、和县乌江镇: between list marks, a boundary word is the name's
                end = start - 1
                continue
            # The first item starts after the last boundary word before it (分布在|东城), and after
            # a verb that opens it (推动|椰林镇).
            cut = None
            for b in boundary_pattern().finditer(clean, start, end):
                if b.end() == end:
                    break  # 推进|八都、, 加快|人和、: a boundary's character ending the item is its name's
                if b.end() == end - 1 and b.start() == cut:
                    break  # 带队到|和平、: one opening the name right after another boundary is the name's
                cut = b.end()
            opened = cut is not None and _boundary_opens_item(clean, cut, end)
            first = cut - 1 if cut is not None and opened else cut or start
            while not opened and (opening := _strip_opening_word(clean, first, end)) is not None:
                first = opening[0]
            # 带动周边|四家子镇、贝子府镇等8个乡镇: a word before a township of the table is not its name's
            tabled = _township_name_start(clean, first, end, (first, ""))
            first = tabled[0] if tabled is not None else first
            items.append((_bare_tabled_start(clean, first, end, m.group("kind")), end))
            break
        if len(items) < 2:
            continue
        kind = m.group("kind")
        if kind in _standings()[0] and not all(_standing_item(clean[a:b]) for a, b in items):
            continue  # 产业园区、商贸物流等重点镇配套, 张书记、李县长等重点镇联系领导: no townships
        suffix = word_lists()["list_suffixes"].get(kind, kind if kind in below_suffixes() else None)
        counted = m.group(0).startswith("等") and "个" in m.group(0)
        # 河西、神直、石庄3个村: without 等, a count the items make up lets a list of villages through;
        # a count they do not make up is the article's, not the list's (示范镇、村认定|苏州市1个镇)
        count = _count(m.group(0))
        joined = _split_joined(clean, items, count)
        # 两村, a split at 和/及 and half the items as names are read only of items that name
        # places (贫困、非贫困两村, 李明、王芳和张伟3个村, 张庄、李庄及周边3个村: no villages)
        pair = m.group(0).startswith("两") and kind in word_lists()["list_totals"]["pair_kinds"]
        strict = pair or joined is not items
        items = joined
        if (
            not counted
            and not _shares_written_suffix(clean, items, m.group(0), suffix)
            and not _village_shaped_list(clean, items, m.group(0), kind)
            and (
                (count != len(items) and (count is not None or _list_kinds()[kind] != "township"))
                or (count is not None and clean.endswith(_count_owners(), 0, items[0][1]))
                or not _names_listed(
                    clean, items, suffix, counted=not pair and _counts_places(clean, m.end(), count, kind)
                )
                or (
                    (strict or not all(_reads_as_name(clean[a:b]) for a, b in items))
                    and _holds_no_place_item(clean, items, kind, words_of_the_day=not strict)
                )
            )
        ):
            continue  # 教育、医疗、养老等社区服务, 张三、李四两个村: without 等 N 个, only names
        for start, end in items:
            if end - start >= 2 and not taken.hits(start, end):
                own = trailing_suffix().search(clean, start, end)  # 牛家满族镇、拉林满族镇等12个乡镇
                if own is not None and below_suffixes().get(own.group(0)) == level:
                    if not gazetteer.opens_division(clean, start):  # 湘潭县花石镇: left to the division chain
                        hits.append(Hit(start, end, level, rule="township_list"))
                else:
                    hits.append(Hit(start, end, level, rule="township_list", suffix=suffix))
    return sorted(hits, key=lambda h: h.start)


@cache
def _enumeration() -> regex.Pattern[str]:
    """A count of villages, then the word that opens their names (6个村，分别为), then the names."""
    words = word_lists()["enumerations"]
    digits = "0-9一二两三四五六七八九十"
    return regex.compile(
        rf"(?<![{digits}])([{digits}]++)个({alternation(words['kinds'])})[,，]?(?:{alternation(words['openers'])})"
        rf"([^;；。，,\n]{{2,{_MAX_ENUMERATION}}})"
    )


# The longest run of names an enumeration is read over, and the longest bare name in it (插旗峪).
_MAX_ENUMERATION = 200
_ENUMERATED_NAME = 4
# jieba tags of the nominalised verbs and adjectives that name fields of work, not villages.
_ENUMERATED_NOT_NAME_TAGS = frozenset(("vn", "an"))


def enumerated_villages(clean: str, taken: Mask) -> list[Hit]:
    """包括1个乡6个村，分别为协合乡插旗峪、龙尾巴、李家岗…: where the names make up the count, each is
    a village (or community), written with its suffix or bare; a township may open the first."""
    hits: list[Hit] = []
    words = word_lists()["enumerations"]
    if not any(opener in clean for opener in words["openers"]):
        return hits
    for m in _enumeration().finditer(clean):
        items = m.group(3).split("、")
        if len(items) != read_int(m.group(1)):
            continue
        level = words["kinds"][m.group(2)]
        bare: list[tuple[int, int]] = []
        pos = m.start(3)
        for item in items:
            start, end = pos, pos + len(item)
            pos = end + 1
            if trailing_suffix().search(item):
                continue  # 古罗城村: named with its suffix, found by it
            # 协合乡|插旗峪: the township the first name is written after
            opener = [s for s in suffix_pattern().finditer(item) if below_suffixes().get(s.group(0)) == "township"]
            start += opener[-1].end() if opener else 0
            if (
                not 2 <= end - start <= _ENUMERATED_NAME
                or not CJK_ITEM.fullmatch(clean[start:end])
                or word_tag(clean[start:end]) in _ENUMERATED_NOT_NAME_TAGS
            ):
                break  # 分别为教育、卫生、文化: fields of work, no villages
            bare.append((start, end))
        else:
            hits += [Hit(s, e, level, rule="enumerated_village") for s, e in bare if not taken.hits(s, e)]
    return hits


# How long a village group's own name runs (沟边|组, 忙嘎山|组).
_GROUP_NAME = (2, 3)


@cache
def _village_groups() -> dict[str, tuple[str, ...]]:
    """place_words.toml [village_groups]'s word lists as tuples, for str.startswith/endswith."""
    return {key: tuple(words) for key, words in word_lists()["village_groups"].items() if isinstance(words, list)}


def extend_named_group(doc: Document, hit: Hit, taken: Mask) -> None:
    """沙河乡忙开村忙嘎山组, 日松乡甲岗小组: a village, or a township before a 小组, written straight
    before a named group of it takes the group into its record (a village's). The group's name is no
    dictionary word but a place's (not 工作组, 专案组), holds no numeral (六组) nor verb of work (流调组,
    包保组, 巡河组), makes no word with 组 (党小组), and 组 opens no word (组织, 组长, 组队, 组合); it
    is written on the village's line (a heading's village and a group opening the body are two places)."""
    clean = doc.clean
    groups = _village_groups()
    if hit.level == "village" and clean.endswith(groups["village_endings"], hit.start, hit.end):
        words = groups["words"]
    elif hit.level == "township" and clean.endswith(groups["township_endings"], hit.start, hit.end):
        words = groups["township_words"]
    else:
        return
    for size in range(_GROUP_NAME[1], _GROUP_NAME[0] - 1, -1):
        end = hit.end + size
        stem = clean[hit.end : end]
        word = next((w for w in words if clean.startswith(w, end)), None)
        if word is None or not CJK_ITEM.fullmatch(stem) or taken.hits(hit.end, end + len(word)):
            continue
        if doc.first_line_start(hit.end, end + len(word)) < end + len(word):
            return
        if any(len(w) > len(word) and (stem + word).endswith(w) for w in groups["words"]):
            continue  # 甲岗小|组: the group's word is 小组, read with the shorter name
        tag = word_tag(stem)
        if (
            (tag and not tag.startswith(groups["name_tags"]))
            or _NUMERAL_CHAR.search(stem)
            or _work_word().search(stem)
            or any(word_tag(stem[-k:] + word) for k in (1, 2))
            or word_tag(word[-1] + clean[end + len(word) : end + len(word) + 1])
            or any(c in word_lists()["boundaries"]["not_name_end"] for c in stem)
        ):
            return
        if hit.full_name is not None and hit.full_name.endswith(clean[hit.start : hit.end]):
            hit.full_name += clean[hit.end : end + len(word)]
        hit.end, hit.level = end + len(word), "village"
        return


@cache
def _work_word() -> re.Pattern[str]:
    """The characters and words of a verb of work (巡, 查, 流调, 包保): a group so named is a body's."""
    groups = word_lists()["village_groups"]
    return re.compile("|".join([f"[{groups['work_characters']}]", *groups["work_words"]]))
