"""Villages of special shapes, each read by its own pattern rather than by a stem before 村: natural
villages (曼弄老寨, 王家屯), one-character (海东镇南村), numbered (站敏乡4村, and the later bare 6村)
and transliterated villages (阿亚克喀拉尤勒滚村), a village's short stem straight after its township
(雁门口镇|义和村, 镇|对门村), bare villages listed next to one (张二庄、李家坞村), villages enumerated
after their count (6个村，分别为…) and a village's named group (忙开村|忙嘎山组).

It does not run the suffix scan (:mod:`gov_extract.place_below`) nor chains below a county
(:mod:`gov_extract.place_chains`), which ask it for these shapes.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from .names import word_tag
from .numbers import read_int
from .place_divisions import CJK_CHAR, Hit
from .place_stems import (
    CJK_ITEM,
    NAME_TAGS,
    NUMBER_IN_NAME,
    NUMERAL_CHAR,
    VILLAGE_NUMBER,
    body_after,
    generic_pattern,
    is_generic,
    noun_after_boundary,
    opened_name,
    reads_as_name,
    trailing_suffix,
)
from .place_words import LIST_JOINS, Mask, below_suffixes, boundary_pattern, place_followers, suffix_pattern, word_lists
from .resources import alternation
from .text import CJK, Document

# Patterns in the standard library's syntax are compiled by it, whose engine answers each call
# faster (an overlapped search too, by a lookahead); ``regex`` compiles those that need \p{Han} or
# one group name in two branches.


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


def place_word_village(clean: str, hits: list[Hit], start: int, s: int, e: int, level: str) -> bool:
    """丛林镇新建村。: a common word that is also a place's name (新建, jieba's ns) is the village's own
    name straight after its township, where the village closes a list item or a clause or its people
    or body follow (not 城关镇新建村道: the verb)."""
    return (
        level == "village"
        and bool(hits)
        and hits[-1].end == start
        and hits[-1].level == "township"
        and word_tag(clean[start:s]).startswith("ns")
        and (clean[e : e + 1] in _ITEM_ENDS or body_after(clean, e))
    )


def village_over_hamlet(clean: str, hits: list[Hit], start: int, e: int, level: str) -> bool:
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


_ONE_CHAR_VILLAGE = re.compile(rf"([{CJK}])(村|社区)")


def one_char_village(clean: str, at: int) -> regex.Match[str] | None:
    """A village of one character written straight after its township (海东镇南村), not a common
    word (全村) or a numeral (一村一品) and no boundary word (各村)."""
    m = _ONE_CHAR_VILLAGE.match(clean, at)
    if m is None or VILLAGE_NUMBER.match(m.group(1)) or boundary_pattern().match(m.group(1)):
        return None
    return None if generic_pattern().search(m.group(0)) else m


_NUMBERED_VILLAGE = re.compile(rf"({NUMBER_IN_NAME})(村)")


def numbered_village(clean: str, at: int) -> re.Match[str] | None:
    """A village numbered after its township (站敏乡4村, 珍秦镇十一村), not a slogan that runs on with
    another number (一村一品)."""
    m = _NUMBERED_VILLAGE.match(clean, at)
    return None if m is None or VILLAGE_NUMBER.match(clean, m.end()) else m


# The numbered village a place's name ends with (站敏乡|4村).
_NUMBERED_TAIL = re.compile(rf"(?:{NUMBER_IN_NAME})村$")


# A numbered village standing alone: no numeral or ordinal before it, none after (一村一品).
_BARE_NUMBERED_VILLAGE = re.compile(rf"(?<![0-9一二三四五六七八九十第])(?:{NUMBER_IN_NAME})村")


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
        if taken.hits(m.start(), m.end()) or VILLAGE_NUMBER.match(clean, m.end()):
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


def transliterated_village(clean: str, at: int) -> regex.Match[str] | None:
    """A long village name written straight after its township whose every two characters are
    no word or a proper name (阿亚克喀拉尤勒滚村), so no clause runs into the suffix (加快推进美丽乡村)."""
    m = _LONG_VILLAGE.match(clean, at)
    if m is None or boundary_pattern().search(m.group(1)):
        return None
    return m if _transliterated(m.group(1)) else None


def transliterated_in_chain(stem: str) -> bool:
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
    return not suffix_pattern().search(stem) and all(not tag or tag.startswith(NAME_TAGS) for tag in pairs)


# The longest name of a village written without its suffix read in a list of villages (峨二庄).
BARE_VILLAGE = 4


def bare_listed_villages(clean: str, hits: list[Hit], taken: Mask) -> list[Hit]:
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
                item = CJK_ITEM.match(clean, mark + 1, mark + 1 + BARE_VILLAGE + 1)
                if item is None:
                    continue
                stop = boundary_pattern().search(clean, mark + 1, item.end() + 1)
                if stop is None or stop.start() > mark + 1 + BARE_VILLAGE:
                    continue
                start, end = mark + 1, stop.start()
            else:
                low = max(0, end - BARE_VILLAGE - 1)
                cuts = [b.end() for b in boundary_pattern().finditer(clean, low, end)]
                if not cuts:
                    continue
                start = cuts[-1]
            name = clean[start:end]
            if (
                2 <= len(name) <= BARE_VILLAGE
                and name.endswith(endings)
                and CJK_ITEM.fullmatch(name)
                # 张庄, 峨二庄; 山庄, 农庄 are words (a longer proper name of the dictionary is a name: 马家堡)
                and (not word_tag(name) or (len(name) > 2 and reads_as_name(name)))
                and not taken.hits(start, end)
            ):
                found.append(Hit(start, end, "village", rule="bare_listed_village"))
                queue.append(found[-1])
                taken.mark(start, end)
    return found


# The length of a village's stem read whole after its township (雁门口镇|义和村).
_STEM_AFTER_TOWNSHIP = (2, 3)


# jieba tags of a character that opens a clause, not a name, after a township (镇|在本村, 镇|对该村, 乡|的火普村).
_CLAUSE_CHAR_TAGS = frozenset("pcru")


def village_after_township(clean: str, hits: list[Hit], floor: int, s: int, e: int, level: str) -> bool:
    """A village or community written straight after the township found before it, whose short stem
    holds a boundary character (义和村, 原隆村, 共光村): the stem is no dictionary word but a name's, or
    none, and opens with no preposition, conjunction or pronoun (镇|对该村, 镇|与本村); with the
    village's body or people after it a preposition before a noun opens a name (镇|对门村党支部)."""
    if not hits or hits[-1].end != floor or hits[-1].level != "township" or level not in ("village", "community"):
        return False
    stem = clean[floor:s]
    if village_stem_after_township(stem, clean[s:e]):
        return True
    return len(stem) == 2 and body_after(clean, e) and not word_tag(stem) and noun_after_boundary(stem)


@cache
def _not_village_nouns() -> frozenset[str]:
    """Common nouns that name no village after its township (全体, 全部, 有机): place_words.toml."""
    return frozenset(word_lists()["not_village_nouns"]["words"])


def village_stem_after_township(stem: str, suffix: str) -> bool:
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
        return tag.startswith(NAME_TAGS) or (
            tag == "n" and len(stem) == 2 and not is_generic(stem + suffix) and stem not in _not_village_nouns()
        )
    if opened_name(stem) or _closed_by_opener(stem):
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


def numbered_after_township(clean: str, hits: list[Hit], floor: int, s: int, e: int, level: str) -> bool:
    """A numbered or one-character village written straight after its township (榆树乡3村,
    珍秦镇十一村, 兴坪镇渔村); 一村一品 is a slogan."""
    if not hits or hits[-1].end != floor or hits[-1].level != "township" or level not in ("village", "community"):
        return False
    stem = clean[floor:s]
    if VILLAGE_NUMBER.fullmatch(stem):
        return not VILLAGE_NUMBER.match(clean, e)
    return (
        len(stem) == 1
        and bool(CJK_CHAR.match(stem))
        and word_tag(stem)[:1] not in (*_FUNCTION_CHAR_TAGS, "v")
        and not generic_pattern().search(clean, floor, e)
    )


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
            or NUMERAL_CHAR.search(stem)
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
