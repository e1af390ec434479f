"""Lists of townships or villages sharing one suffix written once after the last item
(在东关、河南、新桥等街道, 东城、西城等七个办事处, 陈屋、溪头两社区): the list's tail, its count,
the items read backwards from it and the tests that the list holds places (:func:`township_lists`).

Lists whose items each carry their suffix are read one name at a time by the suffix scan
(:mod:`gov_extract.place_below`); lists of estates are :mod:`gov_extract.place_estates`'.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from . import gazetteer
from .names import is_name_shape, surname_length, word_tag
from .numbers import read_int
from .place_divisions import Hit
from .place_stem_start import boundary_opens_item, strip_opening_word, township_name_start
from .place_stems import FUNCTION_TAGS, MAX_LIST, reads_as_name, suffix_ok, trailing_suffix
from .place_villages import BARE_VILLAGE
from .place_words import Mask, below_suffixes, boundary_pattern, word_lists
from .resources import alternation, read_words
from .text import CJK, is_han

# Patterns in the standard library's syntax are compiled by it, whose engine answers each call
# faster (an overlapped search too, by a lookahead); ``regex`` compiles those that need \p{Han} or
# one group name in two branches.


# The tail of a list of townships (东城、西城、南城等七个办事处); the items are read backwards from it.
_LIST_ITEM = re.compile(rf"[{CJK}]{{2,6}}$")


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


def _shares_written_suffix(clean: str, items: list[tuple[int, int]], tail: str, suffix: str | None) -> bool:
    """九华村、上胡家等村, 三合、龙窝等村寨: a list closed by 等 and its kind where some item is written
    with the kind's suffix, here or elsewhere in the article (三合村 … 三合、龙窝等村寨: villages named
    in full, then by their short names), and every other item reads as a name: the bare items are of
    the same kind."""
    if not tail.startswith("等") or suffix is None or below_suffixes().get(suffix) is None:
        return False
    written = [clean.endswith(suffix, a, b) or clean.find(clean[a:b] + suffix) >= 0 for a, b in items]
    return any(written) and all(w or reads_as_name(clean[a:b]) for w, (a, b) in zip(written, items, strict=True))


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
    if not all(2 <= b - a <= BARE_VILLAGE for a, b in items):
        return False
    table = word_lists()["bare_villages"]
    if kind in table["settlement_kinds"]:
        return _names_listed(clean, items, None, counted=True) and not _holds_no_place_item(
            clean, items, kind, words_of_the_day=True
        )
    endings = table["list_endings"]
    return all(clean[b - 1] in endings and reads_as_name(clean[a:b]) for a, b in items)


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
    named = [reads_as_name(clean[a:b]) or _listed_township(clean[a:b], suffix) for a, b in items]
    if all(named):
        return True
    if not counted or 2 * sum(named) < len(items):
        return False
    return all(word_tag(clean[a:b])[:1] not in FUNCTION_TAGS for (a, b), n in zip(items, named, strict=True) if not n)


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
        if not suffix_ok(clean, m.start("kind"), m.end()):
            continue  # 张三、李四等村干部
        if not _committee_closes(clean, m.group("kind"), m.end()):
            continue  # 王明、李强等5个村委会成员
        level = _list_kinds()[m.group("kind")]
        items: list[tuple[int, int]] = []
        end = m.start()
        while len(items) < MAX_LIST:
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
            opened = cut is not None and boundary_opens_item(clean, cut, end)
            first = cut - 1 if cut is not None and opened else cut or start
            while not opened and (opening := strip_opening_word(clean, first, end)) is not None:
                first = opening[0]
            # 带动周边|四家子镇、贝子府镇等8个乡镇: a word before a township of the table is not its name's
            tabled = township_name_start(clean, first, end, (first, ""))
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
                    (strict or not all(reads_as_name(clean[a:b]) for a, b in items))
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
