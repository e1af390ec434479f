"""Chains below a county: a county (or city) written straight before its township, village or
community is extended into one record (:func:`chain_below`: 霍城县兰干乡兰干村), a county name several
divisions bear is settled by the township after it (:func:`settle_by_township_after`), the places a
chain names below its county (:func:`chain_parts`), and a zone named after its division
(:func:`zone_after`: 吕梁经开区).

It reads no place that stands alone after a boundary (:mod:`gov_extract.place_below`); the villages
of special shapes it extends a chain with are :mod:`gov_extract.place_villages`'.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from . import gazetteer
from .home_place import Division
from .names import dictionary_words, surname_length, word_tag
from .place_divisions import Hit, zone_end
from .place_stem_clauses import verb_takes_place
from .place_stems import (
    INNER_BOUNDARY_TAGS,
    VILLAGE_NUMBER,
    inside_words,
    is_generic,
    name_ends_before,
    opened_name,
    suffix_ok,
)
from .place_villages import (
    numbered_village,
    one_char_village,
    transliterated_in_chain,
    transliterated_village,
    village_stem_after_township,
)
from .place_words import Mask, below_suffixes, body_head_at, boundary_pattern, leaves_name, suffix_pattern, word_lists
from .resources import alternation
from .text import CJK, Document

# Patterns in the standard library's syntax are compiled by it, whose engine answers each call
# faster (an overlapped search too, by a lookahead); ``regex`` compiles those that need \p{Han} or
# one group name in two branches.


@cache
def chained_stem(max_stem: int) -> re.Pattern[str]:
    return re.compile(rf"([{CJK}]{{2,{max_stem}}}?)({alternation(below_suffixes())})")


def _breaks_chain(stem: str) -> bool:
    """A boundary word in a chained stem ends the chain (临猗县|在西堡村, 昭化区|已在柏林沟镇), unless it
    is the stem's last character (友谊街道站前社区) or the stem is a dictionary name holding it (和平街道)."""
    if word_tag(stem) in INNER_BOUNDARY_TAGS and not boundary_pattern().fullmatch(stem):
        return False
    if opened_name(stem):
        return False  # 那坡县|那坡屯
    breaks = [b for b in boundary_pattern().finditer(stem) if b.end() - b.start() > 1 or b.end() != len(stem)]
    return bool(breaks) and not all(_inside_name_word(stem, b.start(), b.end()) for b in breaks)


def _inside_name_word(stem: str, s: int, e: int) -> bool:
    """永年区|永和会镇: the boundary character is inside a name word of the stem's dictionary cut
    (永和 nz), no conjunction or preposition of its own."""
    at = 0
    for word in dictionary_words(stem):
        if at <= s and e <= at + len(word):
            return len(word) > e - s and word_tag(word) in INNER_BOUNDARY_TAGS
        at += len(word)
    return False


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


def _chained_common_name(clean: str, m: re.Match[str]) -> bool:
    """芦柞镇|中心村, 石角镇|新农村、: a common noun that is a village's name straight after its township
    (a programme's name only before the end of an item)."""
    names = word_lists()["chained_common_names"]
    if m.group(0) in names["words"]:
        return True
    return m.group(0) in names["item_end_words"] and (m.end() == len(clean) or clean[m.end()] in names["item_ends"])


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
            m = one_char_village(clean, pos) or transliterated_village(clean, pos) or numbered_village(clean, pos)
        # Right after its county a name starts clear: 黟县宏村镇 is 宏村 + 镇, not the word 村镇; a
        # township the table holds under that county is a name whatever words it holds (易县枫树维回乡).
        elif (
            m is not None
            and is_generic(m.group(0), clear_start=True)
            and not (hit.adcode and gazetteer.township_under(m.group(0), hit.adcode))
            and not (hit.level == "township" and _chained_common_name(clean, m))
        ):
            return
        if m is None or ANONYMISED in clean[pos : m.start(2)]:
            return  # 泾川镇|某村, 台江县|南某村: a judgment's or report's hidden name names no place
        # 勐海县|格朗和哈尼族乡: a township's own name may hold a boundary word; so may a village's
        # after its township (新庄集乡|原和村)
        suffix_level = word_lists()["suffixes"][m.group(2)]
        if (hit.level in _DEPTH and not runs_down(hit.level, suffix_level)) or (
            _opens_full_division(m.group(1)) and not gazetteer.is_township(m.group(0))
        ):
            return  # 某区甲镇乙村 某区丙镇, 甲县乙村 丙县丁村: a chain runs down; a division opens a new address
        village_suffix = suffix_level == "village"
        village = hit.level == "township" and suffix_level in ("village", "community")
        if verb_takes_place(m.group(1)) and not gazetteer.is_township(m.group(0)):
            return  # 延边州|政协委员进社区: the stem ends with a verb taking the place, no name
        if (
            _breaks_chain(m.group(1))
            and not gazetteer.is_township(m.group(0))
            and not (village and village_stem_after_township(m.group(1), m.group(2)))
            and not (village_suffix and transliterated_in_chain(m.group(1)))
            and not (village and VILLAGE_NUMBER.fullmatch(m.group(1)))
        ):
            return
        end = m.end()
        if doc.line_starts_at(pos) or _heading_before_break(doc, pos, m.start(2)):
            return  # a heading ends before the next line (兴县 / 答好驻村); OCR wraps inside a name (州城\n镇)
        # 建华镇庆发村|组织村民, 沿河县朝阳村|集体经济: in a chain a village ends before these words
        ends_name = suffix_ok(clean, m.start(2), end) or clean.startswith(name_ends_before(m.group(2)), end)
        # 腾达镇冒水村|里机器轰鸣: a village after its township ends before 里 (in the village)
        ends_name = ends_name or (hit.level == "township" and clean.startswith(inside_words(m.group(2)), end))
        # 方山县峪口镇|政府: after its county a place ends before its own body (镇政府, 乡卫生院)
        ends_name = ends_name or body_head_at(clean, end)
        if not ends_name and (longer := _suffix_in_name(clean, pos, m)) is not None:
            m, end, ends_name = longer, longer.end(), True  # 公主岭市|范家屯镇: 屯 is the township's own
        if not ends_name and suffix_level == "township" and _village_after(clean, end, max_stem):
            ends_name = True  # 某县乐安镇|长坪村: a village after it ends the township's name (not 镇长)
        committee = _committee_after(clean, m) if not ends_name and village_suffix else None
        if committee is not None and not blocked.hits(pos, committee):
            pos = committee  # 力角镇张家村委会|广黄村: the chain runs on only if a village follows
            continue
        if not ends_name or blocked.hits(pos, end):
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
ANONYMISED = "某"

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
        and suffix_ok(clean, m.start(2), m.end())
    )


def _committee_after(clean: str, m: re.Match[str]) -> int | None:
    """The end of a village committee's word written after a chained village (张家村|委会, 朵祜村|民委员会),
    where the committee may stand as the administrative village above the next village or group of
    the chain (宾川县力角镇张家村委会广黄村); else None."""
    committee = next((w for w in _committee_levels(m.group(2)) if clean.startswith(w, m.end())), None)
    return None if committee is None else m.end() + len(committee)


@cache
def _committee_levels(suffix: str) -> tuple[str, ...]:
    return tuple(word_lists()["committee_levels"].get(suffix, ()))


def _heading_before_break(doc: Document, pos: int, suffix_start: int) -> bool:
    """A line break inside the stem after a word of its own (平武|年鉴 / 水晶镇): the words before it
    end a heading; OCR's wrap inside a name leaves a piece that is no word (平武县水 / 晶镇)."""
    brk = doc.first_line_start(pos + 1, suffix_start)
    return brk < suffix_start and brk - pos >= 2 and bool(word_tag(doc.clean[pos:brk]))


def _suffix_in_name(clean: str, pos: int, m: regex.Match[str]) -> regex.Match[str] | None:
    """A chained name whose suffix may not end it there because another suffix follows (范家屯|镇):
    the name runs on to that suffix where the township table holds the whole."""
    after = suffix_pattern().match(clean, m.end())
    if after is None or not gazetteer.is_township(clean[pos : after.end()]):
        return None
    return chained_stem(word_lists()["limits"]["max_stem"] + 1).fullmatch(clean, pos, after.end())


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


# How far below the county a level lies: a chain written without separators names places ever
# further down (镇, then 村 or 社区, then 小区).
_DEPTH = {"township": 0, "village": 1, "community": 1, "compound": 2}


def runs_down(upper: str, lower: str) -> bool:
    """A place of level ``lower`` written straight after one of ``upper`` may be part of its chain."""
    return _DEPTH.get(lower, 0) >= _DEPTH.get(upper, 0)


def chain_parts(clean: str, chain: Hit) -> list[str]:
    """The places a chain names below its county, each by its own name (霍城县兰干乡兰干村: 兰干乡, 兰干村)."""
    if chain.below_start is None:
        return []
    parts: list[str] = []
    start = chain.below_start
    for m in suffix_pattern().finditer(clean, chain.below_start, chain.end):
        # 宏村|镇 is one name: a split leaves a name of its own, not a suffix alone
        if m.group(0) in below_suffixes() and leaves_name(clean[m.end() : chain.end]):
            if m.start() == start and parts and not leaves_name(m.group(0)):
                parts[-1] += m.group(0)  # 卢村|乡: a suffix alone ends the name before it (卢村乡), no place
            else:
                parts.append(clean[start : m.end()])
            start = m.end()
    return parts
