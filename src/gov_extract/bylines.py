"""Bylines: reporters, correspondents and photographers named in credit lines.

Two shapes are read:

* a marker and the names after it, up to a bracket or the end of the line:
  ``（记者 梁英杰）``, ``■本报记者 陶登肖``, ``记者 刘小宇 冯凯治 通讯员 高军峰 马振宇``,
  ``特约摄影 温徐旺 摄``, ``（记者张伟、李红）``; or up to the first piece after a space
  that is no name, where the story runs on in the same line (``本报讯 记者张伟 日前…``);
* names closed by a credit word at the end of a line or a bracket, with an optional
  agency before: ``戚媛媛 摄``, ``新华社 朱慧卿 作``, ``（张伟摄）``, ``记者李昌鸿深圳报道``;
* names with no credit word where only a credit stands: a bracket right after a
  dateline (``5月1日电（张三 李四）``), a bracket closing a paragraph (``…召开。（王小明 李青）``)
  and the closing lines of the article (``（金寨县民生办 方文涛）``, ``王小明 李青``). With no
  word to say a credit stands there, every piece must be a full name with a known surname.

A name in a byline may have no surname in the table (阿依古丽, 普艳芬): a piece of
two to four Chinese characters that the dictionary does not read as a common word is
taken there, because the byline itself says a name stands in that slot.

Bylines are read on the folded original string without its pinyin glosses
(:meth:`Document.unglossed`: ``記(jì)者`` is ``記者``), because the spaces that separate
the names are exactly what the clean view removes: ``记者 郑 菲 通讯员 程全喜`` holds two
names, and only the spaces tell that ``郑 菲`` is one of them. The names found are handed
back in clean offsets, like every finder's (:meth:`Unglossed.clean_span`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from . import gazetteer
from .names import (
    hmm_tagged_words,
    is_common_word,
    is_name_shape,
    is_word_phrase,
    polite_suffixes,
    surname_length,
    word_frequency,
    word_tag,
)
from .person_names import minority_name_length
from .place_words import account_words
from .resources import alternation, read_toml, read_words
from .text import Document, is_han

# The most characters spaced out one by one read as a run of names (牟 红 梅 谭 亮: two names).
_MAX_SPACED_RUN = 6
# Longest byline read: a credit line is short, and the bound keeps long lines linear.
_MAX_BYLINE = 80
# Spaces separate a byline's pieces (and a line break OCR put inside a bracketed one); so do a
# colon after a marker (责任编辑：李娜), a slash before a credit word (张晓东/摄), a
# bullet before a name (□李中华 摄) and a copyright sign before a credit label (©撰文：李娜).
# Patterns of plain classes are the standard library's: its engine answers each call faster.
_SPACE_CHARS = " \t\u3000\n：:/_、，,｜|□■●◆▲★©"
_SPACE = re.compile(f"[{re.escape(_SPACE_CHARS)}]+")
_SPACE_SET = frozenset(_SPACE_CHARS)
_LINE = re.compile(r"[^\n]+")
# Where a byline's list of names ends.
_CLOSERS_OF_SEGMENT = ")）]】\n"
_BYLINE_CHAR = r"[\p{Han}·\s：:、，,/_｜|]"
# The characters a byline runs on through, up to a closer of its segment: one class, the byline's
# characters less the closers (a set difference, not a lookahead before each character).
_BYLINE_RUN = regex.compile(rf"(?V1)[{_BYLINE_CHAR}--[{regex.escape(_CLOSERS_OF_SEGMENT)}]]*+")
# A credit at the end of a line or inside brackets: the text after the last sentence end.
_CREDIT_SEGMENT = re.compile(r"[^\n（(）)]+")
_SENTENCE_END = re.compile(r"[。！？!?；;】]")
_LAST_SENTENCE_END = regex.compile(_SENTENCE_END.pattern, regex.REVERSE)
_MAX_CREDIT = 30
# Endings of village and town names: a piece ending so in an unmarked credit is a place.
_PLACE_ENDINGS = ("村", "庄", "镇", "乡", "屯", "寨", "港", "湾", "坝")
# jieba's tags of place and other proper names: such a word standing alone in a byline is a name.
_PROPER_NOUN_TAGS = frozenset({"ns", "nz"})
# A name the dictionary also knows as a rare noun or verb (达来: 6, 觉果: 5; 完成: 16365).
_RARE_WORD = 100
# The rest of a bracketed byline that a line break cut (OCR, narrow columns): byline
# characters on the next line up to the closing bracket (（记者 张 伟 通讯员 赵\n红梅）,
# （记者 张伟 通讯员\n赵红梅 李娜）).
_WRAPPED_TAIL = regex.compile(r"\n[\p{Han}·\t \u3000：:、，,/｜|]{1,24}+(?=[）)])")


# A masthead's 讯 and a space, then the authors' names without a marker, each set apart by a space,
# and a space before the story (四川农村日报讯 李刚  盛夏时节…; 本报讯 王明 李强 近日…).
_SPACED_AFTER_DATELINE = regex.compile(r"讯[ \t\u3000]+(\p{Han}{2,4}(?:[ \t\u3000]\p{Han}{2,4}){0,2})(?=[ \t\u3000])")


# A page's header line: the author's names, then after a wide space the date of publication
# (范存宝    2020-04-26 18:48:48    央广网).
_AUTHOR_DATE_LINE = regex.compile(
    r"^[ \t\u3000]*(\p{Han}{2,4}(?:[ \t\u3000]\p{Han}{2,4})?)[ \t\u3000]{2,}\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}",
    regex.MULTILINE,
)
# What every such header line holds: a wide space, then a year (a quick test; most articles hold none).
_WIDE_SPACE_YEAR = regex.compile(r"[ \t\u3000]{2}\d{4}[-/.年]")


# How often jieba's corpus must hold a header line's first two characters for them to open a
# section's label (文明 6,584, 综合 8,250) rather than a name (高峰 1,556).
_LABEL_WORD_FREQUENCY = 3000


# The closing lines of an article where an author line may stand (before an editor's credit).
_CLOSING_LINES = 3


# A line a newspaper opens with a box, the author's mark, and only the author's names after it
# (□王淑娟, ■ 王淑娟 李强).
_BOXED_LINE = regex.compile(r"^[ \t\u3000]*[□■][ \t\u3000]*([^\n□■]{2,30}?)[ \t\u3000]*$", regex.MULTILINE)


def _unspaced(text: str) -> str:
    """``text`` without what separates a byline's pieces: a name mostly holds none, and then no
    substitution is made."""
    return text if _SPACE_SET.isdisjoint(text) else _SPACE.sub("", text)


def _is_agency(text: str, end: int | None = None) -> bool:
    """``text`` (up to ``end``) is an agency's name: the pattern is tried only on what ends as one
    does (most pieces of a byline are names)."""
    end = len(text) if end is None else end
    endings, agency = _agency()
    return text.endswith(endings, 0, end) and agency.fullmatch(text, 0, end) is not None


@cache
def _agency() -> tuple[tuple[str, ...], regex.Pattern[str]]:
    """How an agency's name ends (patterns/person_byline_agency_endings.txt), and its whole name:
    up to twelve characters before that ending; a brand may stand before it with a dot
    (新甘肃·甘肃日报)."""
    endings = read_words("person_byline_agency_endings.txt")
    return endings, regex.compile(rf"\p{{Han}}(?:\p{{Han}}|·(?=\p{{Han}})){{0,11}}(?:{alternation(endings)})")


@dataclass(frozen=True, slots=True)
class BylineName:
    """A name standing in a byline: its span and the name as written, without spaces."""

    start: int
    end: int
    name: str


@cache
def _markers() -> tuple[str, ...]:
    words = (*read_words("person_byline_markers.txt"), *_roll_labels())
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _roll_labels() -> frozenset[str]:
    """Markers that label a credit only at a line's start before a colon (总编辑：李强)."""
    return frozenset(read_words("person_byline_roll_labels.txt"))


@cache
def _marker_set() -> frozenset[str]:
    """The markers, and the labels that are markers before a level of review (签发（三审）): a
    piece of the credit before them ends there (编辑（一审）：周晓燕 签发（三审）：…)."""
    return frozenset((*_markers(), *_review_words()["labels"]))


@cache
def _markers_by_first() -> dict[str, tuple[str, ...]]:
    """The markers by their first character, each group longest first: a token is compared
    only with the markers it can start with."""
    groups: dict[str, list[str]] = {}
    for marker in _markers():
        groups.setdefault(marker[0], []).append(marker)
    return {first: tuple(group) for first, group in groups.items()}


@cache
def _unmarked_bracket() -> regex.Pattern[str]:
    """A bracket that holds only a credit: right after a dateline (…1月18日电（…）); after a space
    only where a date or an agency's name stands before its 电 or 讯 (…9月16日电 (…), 本报讯 (…):
    person_byline_datelines.toml), or any body's name before its 讯 (县委宣传部讯 (…), 县医院讯 (…):
    person_org_suffixes.txt); or closing a paragraph after its last sentence (…召开。（…）), or the
    article, whatever stands before it (…感谢你们(王某))."""
    agencies = alternation(read_toml("person_byline_datelines.toml")["agency_endings"])
    bodies = alternation(read_words("person_org_suffixes.txt"))
    return regex.compile(
        rf"(?:(?<=[电讯]|报道)"
        rf"|(?=[ \t\u3000])(?<=(?:[\d〇一二三四五六七八九十]日|{agencies})[电讯]|(?:{bodies})讯)[ \t\u3000]"
        r"|(?<=[。！？!?”]|^)(?=[（(][^（）()\n]{2,40}[）)][ \t\u3000]*(?:\n|$))"
        r"|(?=[（(][^（）()\n]{2,40}[）)]\s*+\Z))"
        r"[（(]([^（）()\n]{2,40})[）)]",
        regex.MULTILINE,
    )


# An opening bracket: every match of :func:`_unmarked_bracket` starts at one or at a space before one.
_OPENING_BRACKET = re.compile("[（(]")
_SPACES = " \t\u3000"


def _unmarked_brackets(folded: str) -> Iterator[regex.Match[str]]:
    """The matches of :func:`_unmarked_bracket` through ``folded``, as its ``finditer`` gives them,
    tried only where one can start (an opening bracket, or the space before one): one C scan for
    the brackets, not the pattern's three branches and their lookbehinds at every position."""
    pattern = _unmarked_bracket()
    resume = 0
    for bracket in _OPENING_BRACKET.finditer(folded):
        at = bracket.start()
        for start in (at - 1, at) if at > 0 and folded[at - 1] in _SPACES else (at,):
            match = pattern.match(folded, start) if start >= resume else None
            if match is not None:
                yield match
                resume = match.end()
                break


@cache
def _glued_closers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Credit words written onto a name: (split off anywhere, also from the last piece)."""
    glued = read_toml("person_byline_glued.toml")
    anywhere = tuple(sorted(glued["anywhere"], key=len, reverse=True))
    return anywhere, (*anywhere, *glued["last_only"])


@cache
def _attribution_openers() -> tuple[str, ...]:
    return tuple(read_toml("person_byline_glued.toml")["attribution_openers"])


@cache
def _closers() -> frozenset[str]:
    return frozenset(read_words("person_byline_closers.txt"))


@cache
def page_field_labels() -> frozenset[str]:
    """Labels of a web page's metadata fields (来源, 发布时间, 浏览次数: person_byline_field_labels.txt)."""
    return frozenset(read_words("person_byline_field_labels.txt"))


@cache
def _closing_chars() -> frozenset[str]:
    """Last characters of the credit words: a credit line ends with one of them."""
    return frozenset(word[-1] for word in _closers())


@cache
def _review_words() -> dict[str, list[str]]:
    return read_toml("person_byline_review_levels.toml")


@cache
def _review_level() -> re.Pattern[str]:
    """The level of review in brackets after a credit label, before its colon (编辑（一审）：)."""
    levels = alternation(_review_words()["levels"])
    return re.compile(rf"[（(](?:{levels})[）)](?=[ \u3000]*[：:])")


@cache
def _marker_pattern() -> re.Pattern[str]:
    """The markers, and those of two or three characters also spaced out before a colon
    (编 辑：苏 伟, 一 审：魏 倩), as pages set a column of labels.

    The alternatives are grouped by their first character, each group in their order (the
    longest marker first, the spaced ones last): where a marker's first character stands (文,
    图, 本 are common), the engine tries that group only, not each of the markers in turn."""
    alternatives = [(marker, regex.escape(marker)) for marker in sorted(_markers(), key=len, reverse=True)]
    alternatives += [
        (marker, "[ \u3000]".join(regex.escape(c) for c in marker) + "(?=[ \u3000]*[：:])")
        for marker in _markers()
        if 2 <= len(marker) <= 3
    ]
    level = _review_level().pattern
    alternatives += [(label, f"{regex.escape(label)}(?={level})") for label in _review_words()["labels"]]
    by_first: dict[str, list[str]] = {}
    for marker, source in alternatives:
        first = regex.escape(marker[0])
        by_first.setdefault(first, []).append(source[len(first) :])
    return re.compile("|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items()))


def is_credit_label(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a credit line's label before its colon (复审：谭立勇, 编 辑：苏 伟)."""
    label = _marker_pattern().match(text, start, end)
    return label is not None and label.end() == end and text[end : end + 1] in ("：", ":")


@cache
def _media_endings() -> tuple[str, ...]:
    return read_words("person_byline_media_endings.txt")


def _may_open_byline(folded: str, at: int) -> bool:
    """A marker at ``at`` opens a byline only where a credit line can start: after a bracket,
    a bullet, a space, a line start, or the end of a masthead or media body (本报讯, 新华社,
    周口报业, 大河传媒: person_byline_media_endings.txt)."""
    return not is_han(folded[at - 1]) or folded.endswith(_media_endings(), 0, at)


@cache
def _qualifiers() -> tuple[str, ...]:
    return tuple(read_words("person_byline_qualifiers.txt"))


# The longest place name read after 驻 before a reporter's marker (驻建德记者, 驻黔南州记者).
_MAX_POSTED_PLACE = 4


def _qualified_marker(folded: str, start: int) -> bool:
    """A reporter's marker at ``start`` has words that qualify the reporter before it (特约,
    全媒, 融媒, 驻 and a place's name: 团结报特约全媒体记者, 杭州日报 驻建德记者), and a byline may
    open before them (:func:`_may_open_byline`)."""
    if not folded.startswith(("记者", "全媒体记者", "融媒体记者", "摄影记者"), start):
        return False
    at = start
    for qualifier in _qualifiers():  # 特约 before 全媒, at most once each, in the list's order
        at = at - len(qualifier) if folded.endswith(qualifier, 0, at) else at
    if at == start:
        forms = gazetteer.load().forms
        sizes = range(_MAX_POSTED_PLACE, 0, -1)
        posted = next((n for n in sizes if folded[at - n - 1 : at - n] == "驻" and folded[at - n : at] in forms), 0)
        at -= posted + 1 if posted else 0
    return start > at > 0 and _may_open_byline(folded, at)


# A credit word and the slash after it (摄影/马春林): a credit even glued to the caption before it.
_SLASHED_CREDIT_WORDS = frozenset({"摄影", "摄像"})


def _slashed_credit(folded: str, match: re.Match[str]) -> bool:
    """The marker is a photo credit word right before a slash (峡谷摄影/马春林): a flattened page
    glues the credit to its caption, and the slash says the credit's names follow."""
    return match.group() in _SLASHED_CREDIT_WORDS and folded.startswith("/", match.end())


# What separates a credit label from its names: a colon or a bar, spaces around it (编辑: 木子,
# 图片 | 王某).
_LABEL_SEPARATORS = frozenset("：:|｜")
_ROLL_SEPARATOR = re.compile(r"[ \t\u3000]*[：:|｜]")


def _label_separator(folded: str, label_end: int, name_start: int) -> bool:
    """Only a label's separator and spaces stand between a label ending at ``label_end`` and a name
    at ``name_start``."""
    return folded[label_end:name_start].strip(" \t\u3000") in _LABEL_SEPARATORS


def _in_open_bracket(folded: str, pos: int) -> bool:
    """An opening bracket stands before ``pos`` in its line, not closed before it."""
    line = folded[folded.rfind("\n", 0, pos) + 1 : pos]
    return max(line.rfind("（"), line.rfind("(")) > max(line.rfind("）"), line.rfind(")"))


def _tokens(text: str, offset: int) -> list[tuple[int, int, str]]:
    """Space-separated pieces of ``text`` with their offsets."""
    out = []
    last = 0
    for gap in [*_SPACE.finditer(text), None]:
        end = gap.start() if gap else len(text)
        if end > last:
            out.append((offset + last, offset + end, text[last:end]))
        last = gap.end() if gap else len(text)
    return out


def _strip_marker(token: str) -> tuple[str, int]:
    """``记者刘小宇`` -> (``刘小宇``, 2): a marker written without a space before the name."""
    for marker in _markers_by_first().get(token[:1], ()):
        if token.startswith(marker) and len(token) > len(marker):
            return token[len(marker) :], len(marker)
    return token, 0


def _names(
    pieces: list[tuple[int, int, str]],
    folded: str,
    original: str,
    *,
    open_end: bool = False,
    unmarked: bool = False,
) -> list[BylineName] | None:
    """Names in a byline's pieces, or None if a piece is neither a marker, a closer, an
    agency nor a name. With ``open_end`` the story runs on after the byline in the same
    line: the names end at the first piece that is none, and names need a known surname.
    ``unmarked``: no marker or credit word says a credit stands here, so every name needs
    a known surname and must not read as common words.

    A single character standing between spaces belongs with the next piece
    (``郑 菲``, ``乔 植``): OCR and typesetting space out two-character names.
    """
    markers = _marker_set()
    found: list[BylineName] = []
    singles: list[tuple[int, int]] = []  # spaced-out characters of one name (王 小 明)
    # How many names stood before the last marker after the first piece: a line of several
    # credits (撰稿：王宏瑞 编辑：包晓峰 责编：…) keeps those of the fields before a piece that
    # is no name (each marker's own field is read again from that marker).
    before_marker = 0

    def give_up() -> list[BylineName] | None:
        return found[:before_marker] or None

    for number, (start, end, token) in enumerate(pieces):
        is_last = number == len(pieces) - 1
        # A one-character marker between spaced-out characters is part of the name (方 文 涛),
        # not in 杨 帆 文/图.
        following = pieces[number + 1][2] if not is_last else ""
        inside_name = len(token) == 1 and singles and len(following) == 1 and following not in markers
        # 文/摄 巴桑次仁: a credit word slashed onto a marker names a craft of the credit, as 文/图 does,
        # and the names follow it (after a name, 陈思 文/摄, it closes the byline).
        slashed_craft = (
            token in _closers()
            and not is_last
            and number > 0
            and pieces[number - 1][2] in markers
            and folded[start - 1 : start] == "/"
        )
        if (token in markers and not inside_name) or token in _closers() or token in page_field_labels():
            if singles and not _add_spaced(found, singles, folded, original):
                return give_up()
            singles = []
            if token in markers or slashed_craft:
                before_marker = len(found) if number else 0
                continue
            break  # a closer, or the next field of a page line (作者：储 伟 阅读：…)
        if _skippable(token, pieces[number + 1][2] if not is_last else ""):
            continue
        token, cut = _strip_marker(token)
        start += cut
        if len(token) == 1 and len(singles) < _MAX_SPACED_RUN:
            singles.append((start, end))
            if is_last and not _add_spaced(found, singles, folded, original):
                return give_up()
            continue
        if len(singles) >= 2:
            if not _add_spaced(found, singles, folded, original):
                return give_up()
            singles = []
        if singles:
            start = singles[0][0]  # 郑 菲菲: a lone character belongs with the next piece
        if unmarked and _reads_as_place(token):
            return None  # （张家港）, （李庄 王村）: places, not a credit
        loose = not open_end and not unmarked and not singles
        # A slot only a name fills: right after a marker's colon (责编：达来) or right before a
        # credit word (记者 觉果 摄).
        slot = loose and (
            (number and pieces[number - 1][2] in markers and _label_separator(folded, pieces[number - 1][1], start))
            or following in _closers()
        )
        if not _add(found, start, end, folded, original, loose=loose, strict=open_end or unmarked, slot=bool(slot)):
            return found if open_end and found and number > 1 else give_up()
        singles = []
    return found


def _add_spaced(found: list[BylineName], singles: list[tuple[int, int]], folded: str, original: str) -> bool:
    """Add a name spaced out character by character (刘 志 强); a lone character closing the
    list belongs with the two-character name before it (钟晓 燕). A run longer than one name
    is several (牟 红 梅 谭 亮): the first split into names of two or three characters that are
    all shaped like names, fewer and longer names first (欧 阳 小 明 is one)."""
    start, end = singles[0][0], singles[-1][1]
    if 1 < len(singles) <= 3:
        return _add(found, start, end, folded, original)
    if len(singles) > 3:
        for sizes in _spaced_splits(len(singles)):
            names, at = [], 0
            for size in sizes:
                names.append((singles[at][0], singles[at + size - 1][1]))
                at += size
            if all(is_name_shape(_unspaced(folded[s:e]), dictionary_veto=False) for s, e in names):
                return all(_add(found, s, e, folded, original) for s, e in names)
        return False
    last = found[-1] if found else None
    if last is None or len(last.name) != 2 or folded[last.end : start].strip():
        return False
    found.pop()
    return _add(found, last.start, end, folded, original)


@cache
def _spaced_splits(count: int) -> list[tuple[int, ...]]:
    """The ways ``count`` spaced-out characters split into names, most likely first: one name
    (four characters: a double surname), else names of three and two characters, fewer names
    first and the longer name first (5 -> 3+2, 2+3)."""
    splits: list[tuple[int, ...]] = [(count,)] if count == 4 else []

    def parts(left: int) -> list[tuple[int, ...]]:
        if left == 0:
            return [()]
        return [(size, *rest) for size in (3, 2) if size <= left for rest in parts(left - size)]

    return splits + sorted(parts(count), key=len)


def _reads_as_place(token: str) -> bool:
    """A division's name (张家港) or a village-like name (李庄, 王村): no author stands there."""
    return token in gazetteer.load().forms or token.endswith(_PLACE_ENDINGS)


def _skippable(token: str, following: str) -> bool:
    """An agency in a credit (供稿：县委组织部 李娜), or the place a report was filed from
    (记者 李昌鸿 深圳报道)."""
    if (_is_agency(token) and not is_name_shape(token)) or _account_name(token):
        return True
    # 新甘肃·甘肃法治报记者 张小锋 摄: an agency with its marker (of two characters or more)
    # written onto it.
    markers = _marker_set()
    if any(token[-n:] in markers and _is_agency(token, len(token) - n) for n in range(2, min(len(token), 7))):
        return True
    return following in _closers() and following.endswith("报道") and _place_or_two(token)


def _place_or_two(token: str) -> bool:
    """A division's name, or two written together (新疆和田, 四川成都): where a report was filed from."""
    forms = gazetteer.load().forms
    return token in forms or any(token[:k] in forms and token[k:] in forms for k in range(2, len(token) - 1))


def _account_name(token: str) -> bool:
    """An outlet's account named after its place (四川在线记者 王明): the place's name, then an account's word."""
    words = account_words()
    if not token.endswith(words):  # one test of the whole tuple: most pieces end in none
        return False
    forms = gazetteer.load().forms
    return any(token.endswith(word) and token[: -len(word)] in forms for word in words)


def _marked_pieces(text: str, offset: int) -> list[tuple[int, int, str]]:
    """The pieces of a credit: space-separated, a marker written onto the name before it split
    off (记者李书宝通讯员葛高远 -> 记者李书宝 | 通讯员葛高远), then the credit words."""
    pieces = []
    for start, end, token in _tokens(text, offset):
        while (at := _inner_marker_at(token)) is not None:
            pieces.append((start, start + at, token[:at]))
            start, token = start + at, token[at:]
        label = _glued_field_label(token)
        if label:
            pieces.append((start, end - len(label), token[: -len(label)]))
            start, token = end - len(label), label
        pieces.append((start, end, token))
    return _split_glued(pieces)


@cache
def _field_labels_longest_first() -> tuple[str, ...]:
    return tuple(sorted(page_field_labels(), key=len, reverse=True))


def _glued_field_label(token: str) -> str | None:
    """The label of a page's next field written onto a name of two to four Chinese characters
    (编辑：管玲玲发布时间：…, a page line whose spaces the markup took away), else None."""
    labels = _field_labels_longest_first()
    if len(token) < 4 or not token.endswith(labels):  # one test of the whole tuple: most end in none
        return None
    label = next(label for label in labels if token.endswith(label))
    if not 2 <= len(token) - len(label) <= 4 or not all(map(is_han, token[: -len(label)])):
        return None
    return label


# The shortest marker looked for inside a piece: a one-character one (文, 图) is as often a name's.
_INNER_MARKER = 2


def _inner_marker_at(token: str) -> int | None:
    """Where a marker of two characters or more starts inside ``token`` after a name of two to
    four Chinese characters (the piece's own marker before the name left out), else None."""
    if len(token) < 2 + _INNER_MARKER or token in _marker_set():
        return None  # 责任编辑, 特约摄影: a marker whose tail is a marker too
    head_start = _strip_marker(token)[1]
    window = range(head_start + 2, min(len(token), head_start + 5))
    firsts = _inner_marker_firsts()
    if not any(token[at] in firsts for at in window):
        return None  # most pieces hold no marker's first character where one could start
    for at in window:
        if not all(is_han(c) for c in token[head_start:at]):
            return None
        if any(token.startswith(marker, at) for marker in firsts.get(token[at], ())):
            return at
    return None


@cache
def _inner_marker_firsts() -> dict[str, tuple[str, ...]]:
    """The markers of :data:`_INNER_MARKER` characters or more, by their first character."""
    return {
        first: long
        for first, markers in _markers_by_first().items()
        if (long := tuple(m for m in markers if len(m) >= _INNER_MARKER))
    }


def _split_glued(pieces: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A credit word written onto a name is its own piece: 张伟摄 -> 张伟 | 摄;
    李昌鸿深圳报道 -> 李昌鸿 | 深圳 | 报道 (also before the story: …深圳报道：前海…)."""
    for number, piece in enumerate(pieces):
        split = _split_piece(piece, last=number == len(pieces) - 1)
        if split is not None:
            return [*pieces[:number], *split]
    return pieces


def _split_piece(piece: tuple[int, int, str], *, last: bool) -> list[tuple[int, int, str]] | None:
    """The pieces of one piece that ends with a credit word (摄 only at the end), else None."""
    start, end, token = piece
    closers = _glued_closers()[1 if last else 0]
    if not token.endswith(closers):  # one test of the whole tuple: most pieces end in none
        return None
    closer = next(c for c in closers if token.endswith(c))
    if closer == token:
        return None  # 并摄 alone is the credit word, not 并 and 摄
    if token.startswith(_attribution_openers()):
        return None  # 据央视|报道: the outlet reported from, no name
    head_end = end - len(closer)
    split = [(start, head_end, token[: -len(closer)]), (head_end, end, closer)]
    head = token[: -len(closer)]
    if closer.endswith("报道"):
        name, _ = _strip_marker(head)
        for size in (4, 3, 2):
            if len(name) - size >= 2 and name[-size:] in gazetteer.load().forms:
                if name[:-size] in gazetteer.load().forms and name == head:
                    break  # 新疆和田报道: a place and a place in it, no name before them
                place_start = head_end - size
                split = [(start, place_start, head[:-size]), (place_start, head_end, head[-size:]), split[-1]]
                break
    return split


def _add(
    found: list[BylineName],
    start: int,
    end: int,
    folded: str,
    original: str,
    ok: bool = True,
    *,
    loose: bool = False,
    strict: bool = False,
    slot: bool = False,
) -> bool:
    """Add the name ``[start, end)`` if it is shaped like one; False if it is not.

    ``loose``: a whole piece of two to four Chinese characters that the dictionary does
    not read as a common word is a name too (阿依古丽, 普艳芬), and in a ``slot`` only a name
    fills, two or three characters the dictionary reads as a content word (达来, 觉果);
    ``strict``: the dictionary may veto a name that reads as words (the story, not a byline,
    may run on here)."""
    name = _unspaced(folded[start:end])
    if name in _craft_words():
        return False  # （资料图）: how the picture was made, no name
    if name.endswith(polite_suffixes()) and not is_name_shape(name):
        return False  # 作者：才子老师, 张老师: a form of address, no name
    # A byline is strong context: a name that is also a word (黄海, 甘露) stays a name.
    shaped = is_name_shape(name, dictionary_veto=strict, whole=not strict)
    if not shaped and loose:
        # The dictionary knows some names as places (尕玛): in a byline's slot a proper noun is a name.
        shaped = all(is_han(c) for c in name) and (
            (
                2 <= len(name) <= 4
                and (
                    (not is_common_word(name) and not is_word_phrase(name))
                    or word_tag(name) in _PROPER_NOUN_TAGS
                    or (
                        slot
                        and len(name) <= 3
                        and word_frequency(name) < _RARE_WORD
                        and word_tag(name)[:1] in "nv"
                        and name not in _craft_words()
                    )
                )
            )
            or (5 <= len(name) <= 6 and (_reads_as_long_name(name) or minority_name_length(name, 0) == len(name)))
        )
    # 通讯员梁云霞杨军祥: Han names the page wrote with no space between them.
    parts = _run_together(name, start) if loose and name == folded[start:end] else ()
    if not ok or not (shaped or parts):
        return False
    for low, high in zip((start, *parts), (*parts, end), strict=True) if parts else ((start, end),):
        found.append(BylineName(low, high, _unspaced(original[low:high])))
    return True


# How long two or three Han names written together may be (王小明李青, 葛高远董俊峰刘梦雅).
_TOGETHER = range(5, 10)


def _run_together(name: str, offset: int = 0) -> tuple[int, ...]:
    """Where ``name`` of five to nine characters splits into two or three full Han names
    (梁云霞|杨军祥, 王小明|李青, 葛高远|董俊峰|刘梦雅), each a surname of the table and a given
    name of one or two characters, as offsets from ``offset``; () where it does not, or where
    known Mongolian and Tibetan parts make it one name (额尔敦巴特尔)."""
    if len(name) not in _TOGETHER or minority_name_length(name, 0) == len(name):
        return ()
    return _split_names(name, offset, _MOST_NAMES_TOGETHER)


# How many names a credit runs together at most.
_MOST_NAMES_TOGETHER = 3


def _split_names(name: str, offset: int, most: int) -> tuple[int, ...]:
    """The offsets where ``name`` splits into two to ``most`` full Han names, a longer first
    name tried first; () where it does not."""
    for split in (3, 2):
        head, tail = name[:split], name[split:]
        if not _full_han_name(head):
            continue
        if _full_han_name(tail):
            return (offset + split,)
        rest = _split_names(tail, offset + split, most - 1) if most > 2 and len(tail) >= 4 else ()
        if rest:
            return (offset + split, *rest)
    return ()


def _full_han_name(part: str) -> bool:
    return surname_length(part) == 1 and 2 <= len(part) <= 3 and is_name_shape(part, dictionary_veto=False)


@cache
def _craft_words() -> frozenset[str]:
    """Words for how a picture or text was made (航拍, 抓拍) or for an unknown author (佚名): never a
    name in a byline's slot."""
    return frozenset(read_words("person_byline_craft_words.txt"))


def _reads_as_long_name(name: str) -> bool:
    """A Mongolian or Tibetan name of five or six characters (娜仁格日勒, 额尔敦巴特尔): the
    dictionary's cut finds a personal name in it and nothing but names and places (融媒体中心 is none)."""
    tags = [tag for word, tag in hmm_tagged_words(name) if len(word) > 1]
    return any(tag.startswith("nr") for tag in tags) and all(tag.startswith(("nr", "ns", "nz")) for tag in tags)


def _credit_tails(folded: str, sources: dict[int, int]) -> Iterator[tuple[int, int]]:
    """The end of every line and of every bracket's content, after its last sentence end:
    where a credit closed by a credit word may stand (…广场。杨光明 摄, （张伟摄）). Only the
    segments that end in a credit word's last character are read (most end in none), and those
    a picture's source slashed onto a credit word closes (``sources``: 刘芳摄/光明图片), up to it."""
    closing_chars = _closing_chars()
    for segment in _CREDIT_SEGMENT.finditer(folded):
        if segment.group().rstrip()[-1:] in closing_chars:
            seg_start, seg_end = segment.span()
        elif sources and segment.end() in sources:
            seg_start, seg_end = segment.start(), sources[segment.end()]
        else:
            continue
        window_start = max(seg_start, seg_end - _MAX_CREDIT - 10)
        ends = [m.end() for m in _SENTENCE_END.finditer(folded, window_start, seg_end)]
        tail_start = ends[-1] if ends else window_start
        if tail_start == window_start and window_start > seg_start:
            continue  # the credit would be longer than any credit is
        yield tail_start, seg_end


def _closes_credit(pieces: list[tuple[int, int, str]], folded: str) -> bool:
    """The last piece is a credit word (张伟 摄), or two crafts slashed together close the credit
    (李强 文/图, 王芳 图/文: the slash splits them into markers of one character)."""
    if pieces[-1][2] in _closers():
        return True
    last, before = pieces[-1], pieces[-2]
    slashed = folded[before[1] : last[0]] == "/" and len(last[2]) == len(before[2]) == 1
    return slashed and before[2] + last[2] in _closers()


# How far back from a credit word glued onto a caption the caption's last words are cut (the
# name closing them is at most four characters).
_CAPTION_END_REACH = 10


def _caption_end_name(pieces: list[tuple[int, int, str]], folded: str, original: str) -> list[BylineName] | None:
    """A name written onto the end of a caption with the credit word glued after it and no space
    anywhere (…孩子们在排练节目孙文耀摄): the caption's last word, where jieba reads it as a
    personal name that is a full Han name."""
    if len(pieces) < 2 or pieces[-2][1] != pieces[-1][0]:
        return None
    start, end, _ = pieces[-2]
    # jieba's reading is the cost: asked only where a surname opens the last two or three characters.
    if not any(surname_length(folded[end - size : end]) for size in (2, 3)):
        return None
    low = max(start, end - _CAPTION_END_REACH)
    words = list(hmm_tagged_words(folded[low:end]))
    if len(words) < 2:
        return None
    name, tag = words[-1]
    found: list[BylineName] = []
    if tag.startswith("nr") and _add(found, end - len(name), end, folded, original, strict=True):
        return found
    return None


def _slashed_sources(folded: str) -> dict[int, int]:
    """A picture's source slashed onto the credit word that closes a credit (张伟摄/光明图片,
    王芳 摄/本刊): no name, and the credit closes before it. By the end of the line or bracket
    content the source closes, where it starts; found in one search (most articles hold none)."""
    if "/" not in folded:
        return {}
    return {m.end(): m.start(1) for m in _slashed_source().finditer(folded)}


@cache
def _slashed_source() -> regex.Pattern[str]:
    """A credit word that is no marker (a name follows a marker: 摄影/罗建平, 图/王明), then a
    picture's source slashed onto it, closing a line or a bracket's content (group 1)."""
    closers = alternation(_source_closers())
    return regex.compile(rf"(?:{closers})(/\p{{Han}}{{2,6}}[ \t\u3000]*)(?=[\n（(）)]|\Z)")


@cache
def _source_closers() -> tuple[str, ...]:
    """The credit words that a picture's source may be slashed onto: those that are no marker."""
    return tuple(word for word in _closers() if word not in _marker_set())


def _unmarked_credits(folded: str) -> Iterator[tuple[int, int, bool]]:
    """Where a credit without a marker may stand, and whether the place itself says a credit
    stands there: a bracket right after a dateline (…5月1日电（…）, 本报讯（…）) does, so its
    names need no Han surname (次仁罗布 央金); a bracket closing a paragraph, a line opened by a
    box (□王淑娟), a page's header line of names and a date (:data:`_AUTHOR_DATE_LINE`) and the
    lines after the story's last sentence (an author line, perhaps in brackets) do not."""
    for bracket in _unmarked_brackets(folded):
        start, end = bracket.span(1)
        yield start, end, folded[bracket.start() - 1 : bracket.start()] in "电讯"
    for spaced in _SPACED_AFTER_DATELINE.finditer(folded):
        yield *spaced.span(1), False
    # The header line's scan makes a test at every position: asked only where a year follows a wide space.
    if _WIDE_SPACE_YEAR.search(folded):
        for line in _AUTHOR_DATE_LINE.finditer(folded):
            # 文明实践    2022-08-15: a section's label, opening with a frequent word, stands there too
            # (jieba tags 文明 a name, so its frequency decides; 高峰, a name too, is far rarer).
            if word_frequency(line.group(1)[:2]) < _LABEL_WORD_FREQUENCY:
                yield *line.span(1), False
    if "□" in folded or "■" in folded:  # most articles hold no box
        for boxed in _BOXED_LINE.finditer(folded):
            yield *boxed.span(1), False
    # The closing lines follow the story's last sentence: an article without one has none.
    last = _LAST_SENTENCE_END.search(folded)
    last_sentence = last.end() if last else len(folded)
    lines = [line for line in _LINE.finditer(folded, last_sentence) if line.group().strip()]
    for number, line in enumerate(lines[:_CLOSING_LINES]):
        # A line under a heading that ends in a colon (名单：) is what the heading lists.
        if number and lines[number - 1].group().rstrip().endswith(("：", ":")):
            continue
        start, end = line.span()
        text = line.group()
        inner = text.strip(" \t\u3000")
        if inner[:1] in "（(" and inner[-1:] in "）)":
            start = folded.index(inner, start) + 1
            end = start + len(inner) - 2
        if end - start <= _MAX_CREDIT:
            yield start, end, False


def _names_side_by_side(pieces: list[tuple[int, int, str]], *, closing_article: bool) -> bool:
    """Two or more pieces, each a surname with one or two characters (李萍 李得胜): names
    side by side in a closing bracket are a credit, even where a given name holds a word
    (得胜, 建设); not where a whole piece is a common word (高兴, 金色). In the bracket that
    closes the article one such piece is a credit too (…意见建议。（徐洋）)."""
    return len(pieces) >= (1 if closing_article else 2) and all(
        2 <= len(token) <= 3
        and is_name_shape(token, dictionary_veto=False, whole=True)
        and not _reads_as_place(token)
        and (not is_common_word(token) or word_tag(token) in _PROPER_NOUN_TAGS)
        for _, _, token in pieces
    )


def find(doc: Document) -> list[BylineName]:
    """Every name standing in a byline, in clean offsets."""
    unglossed = doc.unglossed()
    folded, original = unglossed.folded, unglossed.plain
    found: dict[int, BylineName] = {}
    sources = _slashed_sources(folded)
    for match in _marker_pattern().finditer(folded):
        start = match.start()
        if (
            start > 0
            and not _may_open_byline(folded, start)
            and not _slashed_credit(folded, match)
            and not _qualified_marker(folded, start)
        ):
            continue
        if match.group() in _roll_labels() and not (
            (start == 0 or folded[start - 1] == "\n") and _ROLL_SEPARATOR.match(folded, match.end())
        ):
            continue  # 出席的有：总编辑王芳: a post, not a credit roll's label
        # 【作者】周建: a marker in lenticular brackets labels the names after them.
        labelled = folded[start - 1 : start] in "【[" and folded[match.end() : match.end() + 1] in "】]"
        # A spaced-out marker (编 辑：) is no piece of the byline: its names start after it.
        spaced = match.end() - match.start() > len(match.group().replace(" ", "").replace("\u3000", ""))
        # Nor is the level of review after a label (编辑（一审）：王明琪).
        level = _review_level().match(folded, match.end())
        label_end = level.end() if level else match.end()
        body = label_end if level else match.end() + 1 if labelled and start > 0 else match.end() if spaced else start
        end = _BYLINE_RUN.match(folded, body, min(len(folded), body + _MAX_BYLINE)).end()
        if folded[end : end + 1] == "\n" and not folded[label_end:end].strip(" \t\u3000：:"):
            # 编辑：/ 曹宇: the label alone on its line, the name on the next.
            end = _BYLINE_RUN.match(folded, end + 1, min(len(folded), end + 1 + _MAX_BYLINE)).end()
        wrapped = _WRAPPED_TAIL.match(folded, end) if _in_open_bracket(folded, start) else None
        end = wrapped.end() if wrapped else end
        end = sources.get(end, end) if sources else end
        # The next label's level of review (…：林晓红 责编（二审）：) closes the names before it.
        closed = end >= len(folded) or folded[end] in _CLOSERS_OF_SEGMENT or bool(_review_level().match(folded, end))
        if len(match.group()) < 2 and (not closed or is_common_word(folded[start : start + 2])):
            # 文, 图 open a credit only where it is closed (“文明城市” is none), and not as the
            # first character of a word (图片新闻, 【文汇网讯】).
            continue
        pieces = _marked_pieces(folded[body:end], body)
        names = _names(pieces, folded, original, open_end=not closed)
        for name in names or ():
            found.setdefault(name.start, name)
    for tail_start, tail_end in _credit_tails(folded, sources):
        pieces = _marked_pieces(folded[tail_start:tail_end], tail_start)
        if len(pieces) < 2 or not _closes_credit(pieces, folded):
            continue
        if _is_agency(pieces[0][2]) and len(pieces) > 2:
            pieces = pieces[1:]
        names = _names(pieces, folded, original)
        # 山路弯弯 锦绣山川 杜跃进 摄: a caption runs on into the credit with no sentence end; the
        # credit is the names that the pieces after the caption's words are.
        skip = 1
        while names is None and skip < len(pieces) - 1:
            names = _names(pieces[skip:], folded, original)
            skip += 1
        if names is None:
            names = _caption_end_name(pieces, folded, original)
        for name in names or ():
            found.setdefault(name.start, name)
    for start, end, after_dateline in _unmarked_credits(folded):
        pieces = _split_glued(_tokens(folded[start:end], start))
        if pieces and not (_is_agency(pieces[-1][2]) and not is_name_shape(pieces[-1][2])):
            # （利通区融媒体中心 金晓梅 周宁）: an agency opening the line says a credit stands here.
            agency_led = len(pieces) > 1 and _skippable(pieces[0][2], "")
            closing_article = folded[end : end + 1] in "）)" and not folded[end + 1 :].strip()
            marked = after_dateline or agency_led or _names_side_by_side(pieces, closing_article=closing_article)
            for name in _names(pieces, folded, original, unmarked=not marked) or ():
                found.setdefault(name.start, name)
    return [BylineName(*unglossed.clean_span(found[k].start, found[k].end), found[k].name) for k in sorted(found)]
