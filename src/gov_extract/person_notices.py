"""The mention rules of notices, CVs and lists: appointment and removal notices (任命, 免去,
补选, 辞去), CVs (曾任, 现任, form lines), 、-lists of names before or after a word for
leaders or a group, rolls of names under a heading, and speaker labels at a line start.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from . import gazetteer
from .bylines import page_field_labels
from .names import (
    DOTTED_NAME,
    DOTTED_PARTS,
    LONGEST_NAME,
    NATIONALITY_ENDING,
    is_common_word,
    is_familiar_form,
    is_name_shape,
    polite_suffixes,
    surname_length,
    word_tag,
)
from .person_mentions import (
    CANDIDACY_CLOSERS,
    LIST_LINK,
    NATIONALITY_ASIDE,
    NOTICE_POST,
    body_before,
    clause_starts,
    is_listed_name,
    name_before_nationality,
    names_before,
    names_in_list,
    only_name_words,
    post_after_of,
    posts_in,
    spaced_names,
)
from .person_names import (
    DOT,
    HAN_RUN,
    LIST_CONJUNCTIONS,
    NOT_IN_NAME,
    PEOPLE_COUNT,
    dotted_ends,
    ends_name,
    jieba_name_length,
    minority_name_length,
    read_name,
    unsurnamed_name_length,
    verb_at,
)
from .person_posts import (
    BIRTH_NOTE,
    MAX_CHAIN,
    MAX_ORG,
    POST_MARKS,
    aside_after,
    aside_before,
    carry_rank_line,
    chain_span,
    heads_level,
    is_level_word,
    longest_title_ending,
    nationality_length,
    opens_level_body,
    org_start,
    past_attending_verb,
    post_prefixes,
    split_item,
)
from .person_words import (
    COMRADE,
    Mention,
    Vocabulary,
    all_titles,
    descriptions,
    follower_starts,
    org_stop_pattern,
    post_verbs,
    post_words,
    small_words,
    title_ends,
    title_pattern,
    title_starts,
    word_list,
)
from .picture_captions import POSITION_NOTE, caption_lists_people
from .place_words import cut_at
from .records import Title
from .resources import alternation, listed_word_at, read_toml, read_words, words_pattern
from .text import Document, is_han
from .word_index import word_hits

# A dated step of a career in a CV (2016年3月起任…, 2012年4月至2017年2月，任…).
_CAREER_STEP = regex.compile(r"(?<=[年月])(?:起|[，,])任")


# How far a CV's paragraph is read.
_MAX_CV = 400


# What stands between a notice clause's posts and the next clause (；, ，, a line break).
_CLAUSE_JOINS = frozenset(";；,，。\n")


# Words that close a notice clause's posts (…局长职务, …副县长一职, …局长拟任人选, …副县长候选人, …副主席提名人选).
_NOTICE_POST_CLOSERS = ("职务", "一职", "职位", "的请求", "拟任人选", *CANDIDACY_CLOSERS)


# The word joining two notice clauses without punctuation (A、B辞去…委员以及C、D辞去…代表).
_CLAUSE_JOIN_WORD = "以及"


# The reason a resignation gives between the name and 辞去 (因工作调动, 因个人原因).
_RESIGN_REASON = regex.compile(r"因\p{Han}{2,8}?(?=辞去)")


# 王五，男，汉族，1975年3月生 / 吴刚，现任…: a name opening a CV-style notice.
_CV_SEX = regex.compile(r"[，,](?:男|女)(?=[，,、])")


# The sex and the nationality after a CV's name (，男，哈尼族).
_CV_NATIONALITY = regex.compile(r"[，,](?:男|女)[，,]\p{Han}{1,5}族")


# The longest nationality written onto a CV's name (柯尔克孜族).
_LONGEST_NATIONALITY = 8


# A CV opens after its name with the sex, 现任, or the birth date, written onto the name (an
# obituary's 徐正和同志1939年5月出生) or after a comma (蒋建明，1962年12月生，…), perhaps after the
# nationality (子克拉格，彝族，1964年出生).
_CV_OPENING = regex.compile(
    rf"{_CV_SEX.pattern}|[，,](?=现任)|(?:(?<=\p{{Han}})(?:同志)?|[，,](?:\p{{Han}}{{1,5}}族[，,])?)(?={BIRTH_NOTE.pattern})"
    # 何东升（1969年生）, 陈玉兰（女，1975年8月出生）: the birth date in brackets after the name.
    rf"|\((?=(?:[男女][，,])?{BIRTH_NOTE.pattern}\))"
)


# The birth date opening a CV, and the comma after it: the posts may follow it at once
# (蒋建明，1962年12月生，江苏沭阳县委书记；).
_CV_BIRTH = regex.compile(rf"[，,]{BIRTH_NOTE.pattern}[，,]")


# Where posts written at once after a CV's birth date end: the clause ends with them.
_CLAUSE_CLOSE = regex.compile(r"[；;。\n]|$")


# What every CV opening holds (，男 / ，女, ，现任, or a birth note's 年生, 月出生, 生于): few articles hold
# one, and the standard library's engine finds that out faster than _CV_OPENING's scan can
# (faster still with one class of the first characters up front, which it skips to in a fast loop).
_CV_ANCHOR = re.compile(r"[，,年月于](?:(?<=[，,])(?:男|女|现任)|(?<=[年月])出?生|(?<=生于)(?=\d{4}年))")


@cache
def _notice_verb_pattern() -> re.Pattern[str]:
    return words_pattern(word_list("person_notice_verbs.txt"))


# The pronoun that stands for the names of the notice clause before it (免去其…职务).
_NOTICE_PRONOUN = "其"


@cache
def _pronoun_clause_pattern() -> re.Pattern[str]:
    """A clause giving the names of the notice clause before it more posts through 其, up to where
    its posts start (，免去其…职务, 并决定其为代理市长; person_words.toml notice_pronoun)."""
    words = small_words()["notice_pronoun"]
    verbs = (*word_list("person_notice_verbs.txt"), *words["verbs"])
    return re.compile(
        rf"(?:{alternation(words['conjunctions'])})?(?:{alternation(verbs)}){_NOTICE_PRONOUN}"
        rf"(?:{alternation(words['links'])})?"
    )


def notice_mentions(doc: Document, year: int | None) -> Iterator[Mention]:
    """``任命张三为市财政局局长``, ``免去李四、王五的…职务``, ``接受王某辞去县长职务``: names after
    a notice verb, each followed (after the list) by a link word and the posts; the clauses
    after it in the same sentence read alike (选举A为镇长，B、C为副镇长). A candidacy opening a
    clause needs no verb (李某同志为县政协副主席提名人选，王某为…), nor does a list of names opening a
    clause before 为 and posts (王某、李某为副市长)."""
    clean = doc.clean
    links = word_list("person_notice_links.txt")
    for _verb_start, verb_end in word_hits(clean, "notice_verbs"):
        colon = clean.startswith(":", verb_end)
        pos = verb_end + 1 if colon else verb_end  # 免去：刘敏的…
        if clean.startswith("了", pos):
            pos += 1  # 接受了刘建国辞去…
        yield from _notice_clauses(doc, pos, links, year)
    for start, end in word_hits(clean, "posts_after_name"):
        opening = _candidacy_opening(clean, start, end)
        if opening is not None:
            yield from _notice_clauses(doc, opening, links, year)
    # 王某、李某、张某为副市长: a list of names opening a clause, 为 and the posts, no verb.
    for link in _LISTED_LINK.finditer(clean):
        listed = list(names_before(doc, link.end() - len(_LIST_POST_LINK)))
        if len(listed) > 1 and clause_starts(doc, listed[-1].start):
            yield from _notice_clauses(doc, listed[-1].start, links, year)


# The link between a list of names opening a clause and the posts they are given (王某、李某为副市长),
# and where a list's last name stands before it.
_LIST_POST_LINK = "为"
_LISTED_LINK = regex.compile(r"、\p{Han}{2,3}为")


def _notice_clauses(doc: Document, pos: int, links: tuple[str, ...], year: int | None) -> Iterator[Mention]:
    """The names and posts of the notice clauses from ``pos`` on, up to a clause with its own verb
    (``year``: the article's, which the divisions read in a notice must exist in)."""
    clean = doc.clean
    # After a colon the clauses may start on new lines (决定任命：\n王建华为…；\n李秀英为…).
    before: Title | None = None  # the last post of the clause before
    last_posts: list[Title] = []  # the posts of the clause before's last name
    for number in range(4 * MAX_CHAIN):
        if number and _notice_verb_pattern().match(clean, pos):
            break  # the next clause has its own verb (；任命…)
        if number and clean.startswith("、", pos) and clean.endswith(_UNLINKED_CLOSERS, 0, pos):
            pos += 1  # 免去A县长职务、B…: the clause before had no link word
        # 推选A为…团长；B，C为副团长: a later clause's names may be written after their posts too.
        clause = _notice_clause(doc, pos, links) or _posted_notice_clause(clean, pos)
        if clause is None and not number:
            clause = _unlinked_notice_clause(clean, pos, year)
        elif clause is None and clean[pos - 1 : pos] == "、":
            clause = _unlinked_notice_clause(clean, pos, year)  # 免去A…职务、B…职务
        if clause is None:
            successor = _successor(clean, pos, last_posts)
            if successor is not None:
                yield successor
            break
        # 选举A为镇人大主席，B、C为副主席: a clause's post of the same rank line is the body's before.
        if before is not None:
            clause = (
                [Mention(m.start, m.end, m.name, carry_rank_line(m.titles, before)) for m in clause[0]],
                clause[1],
            )
        mentions = clause[0]
        before = mentions[-1].titles[-1] if mentions and mentions[-1].titles else None
        last_posts = mentions[-1].titles if mentions else []
        yield from mentions
        pos = clause[1]
        # 任命A为…副局长，免去其…主任职务 (并决定其为代理市长): 其 stands for the clause's names, who
        # held (or are given) that post; the clause is no notice of a name of its own.
        pronoun = _pronoun_clause_pattern().match(clean, pos)
        if pronoun is not None:
            held = posts_in(clean, pronoun.end())
            for mention in clause[0] if held else ():
                yield Mention(mention.start, mention.end, mention.name, held)
            break


# The link of a candidacy clause after 同志.
_CANDIDACY_LINK = "为"


def _candidacy_opening(clean: str, start: int, end: int) -> int | None:
    """``李某同志为县政协副主席提名人选``: where the name opening a clause before the hit of
    同志 at ``start``-``end`` starts, when 为 and posts closed by a candidacy follow; else None."""
    if clean[start:end] != COMRADE or not clean.startswith(_CANDIDACY_LINK, end):
        return None
    post = NOTICE_POST.match(clean, end + 1, end + 1 + 4 * MAX_ORG)
    if post is None or not clean.startswith(CANDIDACY_CLOSERS, post.end()) or not posts_in(clean, end + 1):
        return None
    for length in (3, 2):
        pos = start - length
        if pos >= 0 and (pos == 0 or not is_han(clean[pos - 1])) and is_name_shape(clean[pos:start]):
            return pos
    return None


def _notice_clause(doc: Document, pos: int, links: tuple[str, ...]) -> tuple[list[Mention], int] | None:
    """The names of one notice clause at ``pos`` (王建华、李秀英为…局长) with their posts, and
    where the next clause may start (past the posts, 职务 and the punctuation), or None."""
    clean = doc.clean
    names: list[tuple[int, int]] = []
    last = pos
    while len(names) < _MAX_NOTICE_NAMES:
        found = _notice_name(clean, pos, links)
        if found is None:
            break
        end, last = found
        names.append((pos, end))
        if not clean.startswith(_NOTICE_SEPARATORS, last):
            break
        pos = last + 1
    link = next((w for w in links if clean.startswith(w, last)), None) if names else None
    if link is not None:
        # 接受刘明同志辞去…职务: one link may follow another.
        more = next((w for w in links if clean.startswith(w, last + len(link))), "")
        link += more
    # 刘海同志此前任…: a word that opens no body (此前任, 曾任, 在) says the clause has a verb of its own.
    opens_clause = link is not None and org_stop_pattern().match(clean, last + len(link)) is not None
    posts_at = past_attending_verb(clean, last + len(link)) if link else last
    stop = _next_clause_line(doc, posts_at, links)
    listed = _listed_clause_mark(clean, posts_at, stop, links) if link else None
    stop = listed if listed is not None else stop
    titles = posts_in(clean, posts_at, stop) if link and not opens_clause else []
    if not titles or link is None:
        return None
    mentions = [Mention(start, end, clean[start:end], titles) for start, end in names]
    return mentions, _clause_end(clean, posts_at, stop, listed)


def _clause_end(clean: str, posts_at: int, stop: int | None, listed: int | None) -> int:
    """Where the next notice clause may start after the posts at ``posts_at`` (up to ``stop``; a
    next clause opening after the 、 at ``listed``): past the posts, 职务 and the punctuation."""
    close = NOTICE_POST.match(clean, posts_at, min(stop or len(clean), posts_at + 4 * MAX_ORG))
    pos = close.end() if close else posts_at
    pos = aside_after(clean, pos)  # …副县长（挂职）；
    closer = ""
    for _ in range(2):
        # 免去A…职务、B…职务, 任命A为…局长、B为…副局长: 、 after a clause's closer or before the next
        # clause's name joins the clauses.
        while pos < len(clean) and (clean[pos] in _CLAUSE_JOINS or (clean[pos] == "、" and (closer or pos == listed))):
            pos += 1
        if clean.startswith(_CLAUSE_JOIN_WORD, pos):
            pos += len(_CLAUSE_JOIN_WORD)  # …县人大常委会委员以及C、D等15位同志辞去…
        closer = next((word for word in _NOTICE_POST_CLOSERS if clean.startswith(word, pos)), "")
        pos += len(closer)
    return pos


def _listed_clause_mark(clean: str, at: int, stop: int | None, links: tuple[str, ...]) -> int | None:
    """Where the 、 stands that ends the posts at ``at`` because the next notice clause opens after
    it (…为县财政局局长、李明同志为…副局长: a name and its link word after a post), else None."""
    segment = NOTICE_POST.match(clean, at, min(stop or len(clean), at + 4 * MAX_ORG))
    mark = clean.find("、", at, segment.end()) if segment is not None else -1
    while mark > at:
        found = title_ends().at(clean, mark) and _notice_name(clean, mark + 1, links)
        if found and clean.startswith(links, found[1]):
            return mark
        mark = clean.find("、", mark + 1, segment.end())
    return None


def _next_clause_line(doc: Document, at: int, links: tuple[str, ...]) -> int | None:
    """Where the next line starts after the posts at ``at`` when it opens a notice clause of its own
    (任命：/许建华为县民政局局长/谢丽娟为…, lines with no stop that the view joins), else None: a line
    break inside a post (县人民政府副/县长) stops nothing."""
    limit = at + 4 * MAX_ORG
    line_end = doc.line_end(at, limit)
    opens = line_end < min(limit, len(doc.clean)) and _notice_name(doc.clean, line_end, links) is not None
    return line_end if opens else None


# Most names one notice clause lists (选举A、B、…为…委员: a committee's members, a court's judges).
_MAX_NOTICE_NAMES = 30


# What stands between the names of a notice's list (黄立明、陈晓东和郑雅琴为…).
_NOTICE_SEPARATORS = ("、", *LIST_CONJUNCTIONS)


# A count closing a list of names (等4名同志, 等五人, 两位同志, 郑长贵3人, 共5名), before the link word
# of a notice.
_LIST_COUNT = regex.compile(rf"[等共]?{PEOPLE_COUNT}(?:同志)?")


# A notice clause whose names are written after their present posts and closed by 同志 or by
# the link alone (任命县委副书记程建华同志为…, 推选市委书记王海为…; 推选县委书记A，县长B和政协主席C为…):
# each name is read right after a post.
_POSTED_NAMES = regex.compile(r"[\p{Han}，,、·•]{3,80}?(同志)?为")


# How far the posts and the name of one holder of a posted notice clause run.
_MAX_POSTED_RUN = 24


# What stands between two holders of a posted notice clause (县委书记A，县长B和政协主席C为…):
# a comma, or a conjunction after a name.
_POSTED_COMMAS = frozenset("，,")
_POSTED_JOINS = frozenset("和与")


def _posted_notice_clause(clean: str, pos: int) -> tuple[list[Mention], int] | None:
    """``任命县委副书记程建华同志为县人民政府副县长``: the names between the posts each holds and
    同志为 (or 为), with the posts after 为, and where the next clause may start. Two holders or more
    (…书记A，…专员B和…主任C为…副团长) fill the clause from ``pos``: each name after its own posts."""
    found = _POSTED_NAMES.match(clean, pos)
    if found is None:
        return None
    comrade = found.group(1) is not None
    end = found.end() - len("同志为" if comrade else "为")
    names: list[tuple[int, int]] = []
    while len(names) < MAX_CHAIN:
        # Without 同志 the name before 为 must be one the dictionary does not read as a word
        # (书记|处理为); one before a mark between holders need not.
        start = _posted_name_start(clean, pos, end, dictionary_veto=not (comrade or names))
        if start is None:
            return None
        names.append((start, end))
        floor = _holder_floor(clean, pos, start)
        chain_start = chain_span(clean, start, frozenset(), floor=floor)[0]
        if floor == pos:
            break
        if chain_start != floor:
            return None  # a list of holders is the whole clause
        end = floor - 1
    if len(names) > 1 and chain_start != pos:
        return None
    if len(names) == 1 and not (end - pos <= _MAX_POSTED_RUN and HAN_RUN.fullmatch(clean, pos, end)):
        return None  # one holder: the posts and the name, no mark between
    titles = posts_in(clean, found.end())
    if not titles:
        return None
    return [Mention(start, end, clean[start:end], titles) for start, end in reversed(names)], _clause_end(
        clean, found.end(), None, None
    )


def _holder_floor(clean: str, pos: int, start: int) -> int:
    """Where the posts of the holder whose name starts at ``start`` may start: after the last
    comma, or 和 or 与 after a name (…专员B和…主任C), between ``pos`` and ``start``; else ``pos``
    (和 inside a body: 人力资源和社会保障局)."""
    for at in range(start - 1, pos - 1, -1):
        if clean[at] in _POSTED_COMMAS or (
            clean[at] in _POSTED_JOINS and _posted_name_start(clean, pos, at, dictionary_veto=False) is not None
        ):
            return at + 1
    return pos


def _posted_name_start(clean: str, pos: int, end: int, *, dictionary_veto: bool) -> int | None:
    """Where the name ending at ``end`` starts right after a post, no earlier than past ``pos``:
    a full name, or a dotted one (…专员杰恩斯·某某)."""
    for length in (3, 2):
        start = end - length
        if start <= pos or not title_ends().at(clean, start):
            continue
        # Before a mark between holders, a name the reader guesses after a post (a surname the table lacks).
        guessed = not dictionary_veto and read_name(clean, start, guess=True) == length
        if guessed or is_name_shape(clean[start:end], dictionary_veto=dictionary_veto):
            return start
    low = max(pos, end - DOTTED_PARTS[1] - 1)
    dot = max(clean.rfind("·", low, end), clean.rfind("•", low, end))
    if dot == -1 or not HAN_RUN.fullmatch(clean, dot + 1, end):
        return None
    return next(
        (start for start in range(dot - 2, max(pos, dot - DOTTED_PARTS[0]), -1) if title_ends().at(clean, start)),
        None,
    )


# What closes the posts a name is relieved of without a link word (免去石某汕尾市委书记职务, …副县长一职).
_UNLINKED_CLOSERS = ("职务", "一职")


def _unlinked_notice_clause(clean: str, pos: int, year: int | None) -> tuple[list[Mention], int] | None:
    """``免去石某汕尾市委书记、常委、委员职务``: a name written right before the posts, closed by
    职务 or 一职, with no link word; the name ends where the posts' body opens with a level's word or a
    division's name, or where the post opens with its prefix (副县长)."""
    # 免去王强副县长一职: the posts may open with a post's prefix, and a name that ends where one
    # opens is read before one that ends where a level's word does (王强|副县长, not 王强副|县长).
    readings = (pos + 2, pos + 3) if _longer_division_after(clean, pos) else (pos + 3, pos + 2)
    if _division_before_posts(clean, pos, readings, year):
        return None
    ends = sorted(readings, key=lambda end: not clean.startswith(post_prefixes(), end))
    lone_level: tuple[list[Mention], int] | None = None
    for end in ends:
        if not (clean.startswith(post_prefixes(), end) or _removed_body_opens(clean, end)):
            continue
        if _level_before_head(clean, end) or _level_repeated(clean, end):
            # 王刚县|副县长, 杨帆村|村委会: the level's word is the body of the post after it (王刚|县副县长)
            continue
        close = NOTICE_POST.match(clean, end, end + 4 * MAX_ORG)
        closer = next((c for c in _UNLINKED_CLOSERS if clean.startswith(c, close.end())), None) if close else None
        if closer is None or not is_name_shape(clean[pos:end]):
            continue
        titles = posts_in(clean, end)
        if not titles:
            continue
        clause = [Mention(pos, end, clean[pos:end], titles)], close.end() + len(closer)
        # 黄磊容|县副县长: a level's character alone is no body; the other reading, if it reads,
        # opens a county named with one character (黄磊|容县).
        if len(titles[0].org or "") == 1:
            lone_level = lone_level or clause
            continue
        if lone_level is not None and not gazetteer.named_in(clean[end : _division_end(clean, end)], year):
            return lone_level  # 陈平安|县副县长 in 2024: 陈平|安县 reads a county abolished by then (安县, 2016)
        return clause
    return lone_level


def _division_before_posts(clean: str, pos: int, readings: tuple[int, ...], year: int | None) -> bool:
    """What stands at ``pos`` before the posts relieved is a division's name, not a person's: one of
    the table in ``year`` ending in its level's word (免去柳林县人民政府副县长职务), or a reading that ends
    in a level's word before the head's post of that level where what comes before that word is no
    name's shape (免去安和县副县长职务, 免去张镇镇长职务). The name is written elsewhere (免去其…, the line
    before) or not at all."""
    division = _division_end(clean, pos)
    if division > pos + 1 and is_level_word(clean[division - 1]) and gazetteer.named_in(clean[pos:division], year):
        return True
    # 免去王刚县副县长职务: where a name stands before the level's word, the word is the post's body;
    # not where the name and the word make a township of the table (免去温泉镇镇长职务).
    return any(
        (_level_before_head(clean, end) and not is_name_shape(clean[pos : end - 1]))
        or (is_level_word(clean[end : end + 1]) and gazetteer.is_township(clean[pos : end + 1], renamed=True))
        for end in readings
    )


def _level_before_head(clean: str, end: int) -> bool:
    """A level's word ends at ``end`` before the head's post of that level (县|副县长, 镇|镇长)."""
    post = title_pattern().match(clean, end) if is_level_word(clean[end - 1 : end]) else None
    return post is not None and heads_level(post.group(), clean[end - 1])


def _level_repeated(clean: str, end: int) -> bool:
    """A level's word ends at ``end`` and opens the body after it again (村|村委会, 镇|镇政府): the
    first is the level of the body, not the end of a name (免去杨帆村村委会主任职务: 杨帆)."""
    return is_level_word(clean[end - 1 : end]) and clean[end - 1] == clean[end : end + 1]


# The lengths of a division's name (平安县, 乌鲁木齐市), longest first.
_DIVISION_NAME_LENGTHS = (5, 4, 3, 2)


def _division_end(clean: str, pos: int) -> int:
    """Where the longest division's name starting at ``pos`` ends (平安县副县长 -> after 县), else 0."""
    forms = gazetteer.load().forms
    return next((pos + n for n in _DIVISION_NAME_LENGTHS if clean[pos : pos + n] in forms), 0)


def _longer_division_after(clean: str, pos: int) -> bool:
    """王强|平安县副县长, not 王强平|安县: a name of two characters at ``pos`` leaves a division's name
    opening the body that ends where the one after a name of three does (平安县, 安县), and jieba
    reads no name of three there (陈立新|兴县): the longer division is read, as a county named
    with one character (安县, 容县) is the rarer."""
    end = _division_end(clean, pos + 3)
    return bool(end) and end == _division_end(clean, pos + 2) and jieba_name_length(clean, pos) <= 2


def _removed_body_opens(clean: str, pos: int) -> bool:
    """The body of a post a name is relieved of opens at ``pos``: a level's word or a division's
    name (县委, 汕尾市委), perhaps after a body that owns levels (中共乌鲁木齐市委, 共青团平安县委:
    person_level_owners.txt), or a division's name of four or five characters (乌鲁木齐市委)."""
    at = pos + len(listed_word_at(clean, pos, word_list("person_level_owners.txt")))
    forms = gazetteer.load().forms
    return opens_level_body(clean, at) or clean[at : at + 4] in forms or clean[at : at + 5] in forms


@cache
def _successor_pattern() -> regex.Pattern[str]:
    """The clause after a removal that names its successor (，由朱海仑接任; person_notice_successors.toml):
    the name is the group ``name``, two to four characters or a dotted name."""
    words = read_toml("person_notice_successors.toml")
    return regex.compile(
        rf"[，,；;]?(?:{alternation(words['openers'])})?"
        rf"(?P<name>{DOTTED_NAME.pattern}|\p{{Han}}{{2,4}}?)(?:同志)?(?:{alternation(words['verbs'])})"
    )


def _successor(clean: str, pos: int, held: list[Title]) -> Mention | None:
    """``免去A…职务，朱海仑接任``: the successor named right after a notice clause takes the posts
    the clause gives its last name (``held``), or the posts written after the verb (接任县长)."""
    found = _successor_pattern().match(clean, pos) if held else None
    if found is None:
        return None
    start, end = found.span("name")
    if not (DOTTED_NAME.fullmatch(clean, start, end) or is_name_shape(clean[start:end])):
        return None
    return Mention(start, end, clean[start:end], posts_in(clean, found.end()) or held)


def _notice_name(clean: str, pos: int, links: tuple[str, ...]) -> tuple[int, int] | None:
    """(end of the name, where the text goes on after an aside such as （女）) of a name at
    ``pos`` in a notice, followed by 、 or a link word (为, 的, 同志为). After a notice verb a
    name needs no surname in the table (任命次仁卓玛为, 阿依古丽·买买提)."""
    size = surname_length(clean[pos : pos + 4])
    dotted = dotted_ends(clean, pos)
    ends = dotted or [pos + length for length in ((size + 1, size + 2) if size else (2, 3, 4))]
    # 选举阿的日则为…, 吉伍阿牛、沙马英子为副镇长: a Yi name of four characters.
    minority = minority_name_length(clean, pos) if not dotted else 0
    ends = [pos + minority, *ends] if minority and pos + minority not in ends else ends
    # 向巴平措（藏族）、…为: a name before its nationality in brackets.
    marked = name_before_nationality(clean, pos) if not dotted else 0
    ends = [pos + marked, *ends] if marked and pos + marked not in ends else ends
    for end in ends:
        after = aside_after(clean, end)
        # 接受邰志刚因工作调动辞去…职务: the reason stands between the name and its link.
        reason = _RESIGN_REASON.match(clean, after)
        after = reason.end() if reason else after
        # 黄志坚、陈尤杰等4名同志为…副镇长: a count of the listed people closes the list.
        counted = _LIST_COUNT.match(clean, after)
        after = counted.end() if counted else after
        if not clean.startswith((*_NOTICE_SEPARATORS, *links), after):
            continue
        name = clean[pos:end]
        unsurnamed = not size and not dotted and all(is_han(c) for c in name) and not NOT_IN_NAME.search(name)
        # The link word after the name is context enough for a name that also reads as
        # words (向明华: 向明); a name with no surname must not open with a word.
        # The dictionary knows some full names as places or names (马建国): no bar here.
        proper = not is_common_word(name) or word_tag(name).startswith(("nr", "ns", "nz"))
        if (
            (is_name_shape(name, dictionary_veto=False) and proper)
            or (unsurnamed and not is_common_word(name) and not is_common_word(name[:2]))
            or end in (pos + minority, pos + marked)
        ):
            return end, after
    return None


def cv_mentions(doc: Document) -> Iterator[Mention]:
    """``王五，男，汉族，…，现任XX县委副书记``: a name opening a clause before its sex,
    with the posts written after 现任 in the same sentence."""
    clean = doc.clean
    if _CV_ANCHOR.search(clean) is None:
        return
    for sex in _CV_OPENING.finditer(clean):
        # 张永霞（女），1968年12月生: an aside may stand between the name and the opening, or the
        # nationality written onto the name (艾力·买买提维吾尔族，生于…).
        end = aside_before(clean, sex.start())
        end -= nationality_length(clean[max(0, end - _LONGEST_NATIONALITY) : end])
        if DOT.search(clean, max(0, end - LONGEST_NAME), end):
            # A dotted name ending there, from where a clause starts (not an earlier mention's
            # tail: 选举艾力·某某为市长。艾力·某某，生于…).
            dotted = [at for at in range(max(0, end - LONGEST_NAME), end) if DOTTED_NAME.fullmatch(clean, at, end)]
            start = next((at for at in dotted if clause_starts(doc, at)), None)
            if start is not None:
                yield Mention(start, end, clean[start:end], _cv_posts(doc, sex.start()))
            if dotted:
                continue
        for length in (2, 3, 4, 5):
            pos = end - length
            if pos < 0:
                break
            # 被告人刘长江，男，: a party to a case may stand before a CV's name.
            if not (clause_starts(doc, pos) or clean.endswith(tuple(descriptions()[1]), 0, pos)):
                continue
            name = clean[pos:end]
            # 王老师（1970年生）, 张大爷，生于1940年: a surname and a polite or kinship word is no full name.
            if name[surname_length(name) :] in polite_suffixes():
                break
            # 扎约，男，哈尼族，: a sex and a nationality after it say a name stands, surname or not.
            nationality = (
                (_CV_NATIONALITY.match(clean, sex.start()) is not None or NATIONALITY_ENDING in sex.group())
                and HAN_RUN.fullmatch(name) is not None
                and not NOT_IN_NAME.search(name)
                and not is_common_word(name)
            )
            if is_name_shape(name, long=length == 4) or unsurnamed_name_length(clean, pos) == length or nationality:
                yield Mention(pos, end, name, _cv_posts(doc, sex.start()))
            break


# A CV laid out as a form: the name alone on its line (after an ordinal), the sex on the next
# (1.韦国庆 / 性别：男 / … / 现任职务：独山县委常委、…), and the line of the posts held.
_FORM_SEX = regex.compile(r"性别[:：](?:男|女)")


_FORM_ORDINAL = regex.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、．]?")


_FORM_POSTS = regex.compile(r"现任(?:职务)?[:：]")


_FORM_PROPOSED = regex.compile(r"拟任(?:职务)?[:：]")


_MAX_FORM = 300


def cv_form_mentions(doc: Document) -> Iterator[Mention]:
    """``1.韦国庆`` / ``性别：男`` / … / ``现任职务：…``: a CV written as a form's lines."""
    clean = doc.clean
    sexes = [m for m in _FORM_SEX.finditer(clean) if doc.line_starts_at(m.start())]
    for number, sex in enumerate(sexes):
        line = next((sex.start() - n for n in range(2, 12) if doc.line_starts_at(sex.start() - n)), None)
        if line is None:
            continue
        ordinal = _FORM_ORDINAL.match(clean, line, sex.start())
        pos = ordinal.end() if ordinal else line
        name = clean[pos : sex.start()]
        # Without a Han surname the dictionary may find only names and places in it (公示对象 is none).
        if not (is_name_shape(name, long=True) or (is_listed_name(name) and only_name_words(name))):
            continue
        limit = min(sexes[number + 1].start() if number + 1 < len(sexes) else len(clean), sex.end() + _MAX_FORM)
        titles: list[Title] = []
        # The posts held (现任职务：), then the ones proposed (拟任职务：), each filling its line.
        for field in (_FORM_POSTS, _FORM_PROPOSED):
            line = field.search(clean, sex.end(), limit)
            line_end = min((b for b in doc.line_breaks if line and b > line.end()), default=None)
            if line is not None:
                titles += posts_in(clean, line.end(), line_end) or _category_posts(doc, line.end())
        yield Mention(pos, sex.start(), name, titles)


def _cv_posts(doc: Document, end: int) -> list[Title]:
    """The posts of the CV whose name ends at ``end``, read up to the end of its paragraph or
    the next CV: those after each cue (现任, and the proposed ones after 拟任 or 拟提名为, which
    are the person's posts too), the past ones after 历任, group by group (历任A局副局长，B县委
    常委、副县长等职), and each dated step of a career, in the order the CV writes them."""
    clean = doc.clean
    limit = min(len(clean), end + _MAX_CV)
    stop = doc.line_text_end(end, limit)
    next_cv = _CV_SEX.search(clean, end + 3, stop)
    paragraph = clean[end : next_cv.start() if next_cv else stop]
    groups = [
        (at, posts_in(clean, end + at + len(cue)) or _category_posts(doc, end + at + len(cue)))
        for cue in _cv_cues()
        if (at := paragraph.find(cue)) != -1
    ]
    past = _past_post_cue().search(paragraph)
    if past is not None:
        groups.append((past.start(), _post_groups(clean, end + past.end())))
    # 2016年3月起任县委办公室副主任，2019年5月起任…主任至今: each dated step of a career.
    groups += [(step.start(), posts_in(clean, end + step.end())) for step in _CAREER_STEP.finditer(paragraph)]
    # 蒋建明，1962年12月生，江苏沭阳县委书记；: a clause of posts alone after the birth date.
    birth = _CV_BIRTH.match(clean, end)
    # (…1968年生，现任…, …生于1970年，先后担任…: a cue opens that clause, and its group is read above.)
    alone = (
        birth is not None
        and not clean.startswith(_cv_cues(), birth.end())
        and _past_post_cue().match(clean, birth.end()) is None
    )
    chain = NOTICE_POST.match(clean, birth.end(), limit) if alone and birth is not None else None
    if birth is not None and chain is not None and _CLAUSE_CLOSE.match(clean, chain.end()):
        groups.append((birth.end() - end, posts_in(clean, birth.end(), chain.end())))
    titles: list[Title] = []
    for _at, group in sorted(groups, key=lambda g: g[0]):
        for title in group:
            if title not in titles:
                titles.append(title)
    return titles


# The posts a 任前公示 proposes for a class of bodies (县（市、区）党委书记, 市直单位副职人选):
# brackets inside the body, up to 人选, 候选人, an aside or the clause's end.
# What follows the opening bracket of a bracket inside a body (（市、区）党委): a bracket that
# is not so (（试用期一年）) is an aside after the post.
_INSIDE_BODY = r"[\p{Han}、]{1,6}\)(?=\p{Han})"
_CATEGORY_POSTS = regex.compile(
    rf"(?:\p{{Han}}|、|\({_INSIDE_BODY})+?(?=人选|候选人|[^\p{{Han}}、(]|\((?!{_INSIDE_BODY})|$)"
)


# 、 between posts, not inside a bracket (县（市、区）党委书记).
_LIST_MARK = regex.compile(r"、(?![^()]*\))")


# Posts a 任前公示 names by rank alone (市直单位正职, 县政府副职).
_RANK_POSTS = ("正职", "副职")


def _category_posts(doc: Document, start: int) -> list[Title]:
    """``县（市、区）党委书记``, ``市级机关部门正职``: the proposed posts of a 任前公示 named by a
    class of bodies, each the post (titles.txt, or 正职/副职) and the body as the article
    writes it (its brackets as written); up to the first piece that holds no post."""
    clean = doc.clean
    segment = _CATEGORY_POSTS.match(clean, start, min(len(clean), start + 4 * MAX_ORG))
    if segment is None:
        return []
    titles: list[Title] = []
    at = start
    for piece in _LIST_MARK.split(segment.group()):
        # The post is read without the bracket (县（市、区）党委书记 as 县党委书记: 书记).
        item = split_item(_BRACKET.sub("", piece))
        rank = next((w for w in _RANK_POSTS if piece.endswith(w)), None)
        post = item.title if item is not None and item.title else rank
        if post is None or not piece.endswith(post):
            break  # 政府县（市）长: a bracket inside the post itself
        org_end = at + len(piece) - len(post)
        titles.append(Title(org=doc.span(at, org_end)[2] if org_end > at else None, title=post))
        at += len(piece) + 1
    return titles


_BRACKET = regex.compile(r"\([^()]*\)")


@cache
def _past_post_cue() -> re.Pattern[str]:
    """The cues of a CV's past posts (person_words.toml cv_past_post_cues), longest first."""
    return re.compile(alternation(small_words()["cv_past_post_cues"]))


@cache
def _cv_cues() -> tuple[str, ...]:
    """The cues of a CV's posts (person_cv_posts.txt), longest first."""
    return tuple(sorted(word_list("person_cv_posts.txt"), key=len, reverse=True))


def _post_groups(clean: str, start: int) -> list[Title]:
    """Groups of posts set apart by commas (A局副局长，B县委常委、副县长，C市市长等职), up to the
    first group that holds no post or that another cue opens (，现任…: read on its own)."""
    titles: list[Title] = []
    for _ in range(MAX_CHAIN):
        group = posts_in(clean, start)
        if not group:
            break
        titles += group
        close = NOTICE_POST.match(clean, start, start + 4 * MAX_ORG)
        start = close.end() if close else start
        if not clean.startswith((",", "，"), start) or clean.startswith(_cv_cues(), start + 1):
            break
        start += 1
    return titles


@cache
def _group_word_pattern() -> re.Pattern[str]:
    # Words for ordinary people and parties to a case close such a list too (等村民, 等被告人).
    ordinary, parties = descriptions()
    words = alternation(
        (*word_list("person_list_heads.txt"), *word_list("person_group_words.txt"), *ordinary, *parties)
    )
    # 等12人, 等五名同志: a count of the people listed before it; 等 alone, when a post follows.
    return re.compile(rf"等(?:(?:\d+|[一两二三四五六七八九十百]+)(?:人|名|位)|{words})?")


# 李某、赵某两名同志, 李某、赵某共5名同志: a count and 同志 without 等 closes a list too (the count is
# all of them). It opens with the 、 before the last name, so that a scan of the text skips to the
# list marks.
_COUNT_OF_COMRADES = re.compile(r"、\w{2,4}?(共?(?:\d+|[两二三四五六七八九十]+)[名位])(?=同志)")


def _group_spans(clean: str) -> list[tuple[int, int]]:
    """Where a list of names closes: 等 with what follows it, or a count before 同志 (looked for
    only where 同志 is written, and not where a 等 close already ends)."""
    spans = [group.span() for group in _group_word_pattern().finditer(clean)]
    if COMRADE in clean:
        ends = {end for _, end in spans}
        counts = [count.span(1) for count in _COUNT_OF_COMRADES.finditer(clean) if count.end(1) not in ends]
        spans = sorted(spans + counts)
    return spans


def group_mentions(doc: Document) -> Iterator[Mention]:
    """``张建国、李红梅等县领导出席``, ``刘晓明、陈红等专家``, ``指使张国栋、刘长顺等成员``: the
    names listed before 等 and a word for a group of people (officials after a word for leaders);
    ``师某等4名第一书记代表``, ``王某、李某等村党支部书记``: the post they share after 等 (and a count)."""
    clean = doc.clean
    for start, end in _group_spans(clean):
        counted = end - start == 1 or _COUNTED.fullmatch(clean, start, end)
        shared = _shared_post(clean, end) if counted else None
        if shared is None and end - start == 1:
            yield from _long_name_list(doc, start)
            continue
        listed = list(names_before(doc, start))
        # 县农业农村局陈某、李某等同志: a body opening the list is every listed name's.
        headed = _body_and_first_name(doc, min(m.start for m in listed)) if listed else None
        if headed is not None:
            listed.append(headed[0])
        body = [Title(org=headed[1], title=None)] if headed is not None else []
        for mention in listed:
            titles = [shared] if shared else mention.titles or body
            yield Mention(mention.start, mention.end, mention.name, list(titles))


# How many full names a 、-list closed by 等 alone must hold to be names without a word after
# 等 (陈某、汪某、王某、李某等…): shorter lists of name-shaped words are places or things as often.
_LONG_LIST = 4


# A count or 一批/多家 between 等 and the word for brands (等十余家老字号, 等一批品牌).
_BRAND_AFTER = regex.compile(r"(?:[0-9一二两三四五六七八九十百余多几]*(?:个|家|款|种|批|大)?)")


def _brand_word(clean: str, pos: int) -> bool:
    """A word for brands, shops or products starts at ``pos`` (老字号, 品牌), not one for people made of
    it (企业家, 商家人)."""
    word = next((w for w in small_words()["brand_words"] if clean.startswith(w, pos)), None)
    return word is not None and clean[pos + len(word) : pos + len(word) + 1] not in _PEOPLE_AFTER_BRAND


_PEOPLE_AFTER_BRAND = frozenset("家人主者")


def _long_name_list(doc: Document, end: int) -> list[Mention]:
    """The items of a 、-list of at least :data:`_LONG_LIST` full names before 等 at ``end``, none
    a division's name (孝昌、大悟、安陆、云梦等县 are counties), whatever follows 等."""
    clean = doc.clean
    if clean.count("、", max(0, end - 5 * _LONG_LIST), end) < _LONG_LIST - 1:  # most 等 close no long list
        return []
    # 张小泉、王老吉、李宁、陈李济等老字号: brands named after people (等 may be followed by a count).
    after = _BRAND_AFTER.match(clean, end + 1)
    if after is not None and _brand_word(clean, after.end()):
        return []
    listed = list(names_before(doc, end))
    forms = gazetteer.load().forms
    if len(listed) < _LONG_LIST or any(not is_name_shape(m.name) or m.name in forms for m in listed):
        return []
    return listed


def suspect_mentions(doc: Document) -> Iterator[Mention]:
    """``法院公开审理赵建平涉嫌盗窃案``, ``对赵建平涉嫌盗窃一案提起公诉``: a full name right before
    涉嫌, opening its clause or after a preposition or a verb of a trial or an arrest
    (person_words.toml suspect_verbs)."""
    clean = doc.clean
    word = small_words()["suspect_word"]
    openers = (*small_words()["prepositions_before_names"], *small_words()["suspect_verbs"])
    at = clean.find(word)
    while at >= 0:
        for length in (3, 2):
            pos = at - length
            if pos < 0 or read_name(clean, pos, guess=False) != length:
                continue
            if clause_starts(doc, pos) or clean.endswith(openers, 0, pos):
                yield Mention(pos, at, clean[pos:at])
            break
        at = clean.find(word, at + len(word))


def _body_and_first_name(doc: Document, second: int) -> tuple[Mention, str] | None:
    """The first item of a list whose second name starts at ``second``, when it is a body opening
    the clause and a full name (县农业农村局|陈杰斌、), and that body."""
    clean = doc.clean
    if clean[second - 1 : second] != "、":
        return None
    end = second - 1
    for length in (3, 2):
        pos = end - length
        body = body_before(clean, pos, doc.line_breaks) if pos > 2 else None
        if body is not None and clause_starts(doc, pos - len(body)) and is_name_shape(clean[pos:end]):
            return Mention(pos, end, clean[pos:end]), body
    return None


# 等 and a count of the listed people (等4名, 等五位): a shared post may follow it.
_COUNTED = regex.compile(r"等(?:\d+|[一两二三四五六七八九十百]+)(?:人|名|位)")


def _shared_post(clean: str, start: int) -> Title | None:
    """The post written at ``start`` after the names and count of a list (村党支部书记, 第一书记),
    before a word for a group (代表, 同志) or what follows names (作交流发言, 参加); a word for
    ordinary people (村民) is none."""
    run = HAN_RUN.match(clean, start, start + MAX_ORG)  # the post stands in the run of Chinese after 等
    for end in range(run.end() if run else start, start + 1, -1):
        if not title_ends().at(clean, end) or not (follower_starts().at(clean, end) or _group_word_at(clean, end)):
            continue
        # The body, if any, opens right at ``start`` (等地的水稻…市农委负责人 is no post of theirs).
        if org_start(clean, end, frozenset(), start) != start:
            continue
        item = split_item(clean[start:end])
        if item is not None and item.title in post_words():
            return item
    return None


def _group_word_at(clean: str, pos: int) -> bool:
    return clean.startswith(word_list("person_group_words.txt"), pos)


@cache
def _party_label_pattern() -> re.Pattern[str]:
    """A party to a case as a label (委托诉讼代理人：, 法定代表人：): person_descriptions.toml parties
    (plain words: the standard library's engine, as :func:`resources.words_pattern`)."""
    return re.compile(rf"(?:{alternation(sorted(descriptions()[1], key=len, reverse=True))})[:：]")


def party_line_mentions(doc: Document) -> Iterator[Mention]:
    """``委托诉讼代理人：李红霞，贵州黔西北律师事务所律师。``, ``法定代表人：陈刚，该公司经理。``: the
    heading lines of a judgment, a party's name and then, after a comma, the posts that fill
    the clause."""
    clean = doc.clean
    for label in _party_label_pattern().finditer(clean):
        pos = label.end()
        length = read_name(clean, pos, guess=True)
        end = pos + length
        if not length or not clean.startswith(("，", ","), end):
            continue
        posts = NOTICE_POST.match(clean, end + 1, end + 1 + 4 * MAX_ORG)
        titles = posts_in(clean, end + 1) if posts else []
        if titles and clean[posts.end() : posts.end() + 1] in ("。", ";", "；", "\n", ""):
            yield Mention(pos, end, clean[pos:end], titles)


# A count of votes right after a candidate's name (王海涛得58票, 张秀英得票1655票, 以44票当选).
# One class of the first characters, which the standard library's engine skips to in its fast
# loop; lookbehinds then pick the branches (their order is the order of 得票…, 得…, 以…, 得票).
_VOTES = re.compile(r"[得以](?:(?<=得)票(?:数为?)?\d{1,6}票|\d{1,6}票|(?<=得)票)")


# A word for a candidate right before the name of one who got votes (候选人宋建国得票…).
_CANDIDATE = "候选人"


def vote_mentions(doc: Document) -> Iterator[Mention]:
    """``刘建设得60票，赵永强得59票``, ``候选人宋建国得票过半``: a full name opening a clause
    (or after 候选人) before the votes it got; a name without a Han surname needs known parts
    there (阿的日则以44票当选)."""
    clean = doc.clean
    for votes in _VOTES.finditer(clean):
        end = votes.start()
        for length in (2, 3, 4):
            pos = end - length
            if pos < 0 or not (clause_starts(doc, pos) or clean.endswith(_CANDIDATE, 0, pos)):
                continue
            name = clean[pos:end]
            # The votes say a name stands: one that is also a word (刘建设) is a name here.
            shaped = is_name_shape(name, dictionary_veto=False) and not is_common_word(name)
            if shaped or minority_name_length(clean, pos) == length:
                yield Mention(pos, end, name)
            break


# An item of a roll of holdings: after a list mark, two or three Chinese characters, an amount
# and its unit of one or two characters, closed by the next mark (：刘福有15.45亩，).
# The mark is matched, not looked behind for: the scan then tests one character class where no
# mark stands (most positions).
_HOLDING_ITEM = regex.compile(r"[：:，,、；;](\p{Han}{2,3})\d{1,6}(?:\.\d{1,3})?\p{Han}{1,2}(?=[，,、；;。])")
# Where an item may open: a mark, then two or three characters that may be Han (none lies
# below U+2E80) and a digit. The standard library's engine skips to the marks faster than
# ``regex`` does, and few marks pass.
_HOLDING_OPENING = re.compile(r"[：:，,、；;](?=[^\x00-\u2e7f]{2,3}\d)")
# The fewest items in a row that make a roll of people's holdings.
_FEWEST_HOLDINGS = 3


def holding_mentions(doc: Document) -> Iterator[Mention]:
    """``刘福有15.45亩，张秀清7.57亩，王三女7.94亩``: three items or more in a row, each a full
    Han name and its amount; 小麦15亩，玉米7亩 and 城关镇12户 hold no name (a word, no
    surname, a place's ending)."""
    clean = doc.clean
    row: list[Mention] = []
    last_end = -1
    for item in _holding_items(clean):
        if item.start() != last_end:  # the mark right after the last item's amount
            yield from row if len(row) >= _FEWEST_HOLDINGS else ()
            row = []
        last_end = item.end()
        name, start = item.group(1), item.start(1)
        if is_name_shape(name) and not is_common_word(name) and not name.endswith(_place_endings()):
            row.append(Mention(start, start + len(name), name))
        else:
            row, last_end = [], -1
    yield from row if len(row) >= _FEWEST_HOLDINGS else ()


def _holding_items(clean: str) -> Iterator[regex.Match[str]]:
    """The matches ``_HOLDING_ITEM.finditer(clean)`` gives, tried only where an opening stands."""
    end = 0
    for opening in _HOLDING_OPENING.finditer(clean):
        if opening.start() >= end and (item := _HOLDING_ITEM.match(clean, opening.start())) is not None:
            end = item.end()
            yield item


_COLON = re.compile(r"[:：]")


# How much of a labelled line tells a repeated line (a web page's headline shown twice) from another.
_REPEATED_LINE_CHECK = 16


def label_mentions(doc: Document) -> Iterator[Mention]:
    """``记者：…`` / ``吴金花：我建议…``: a full name labelling what a speaker says at the start
    of a line, in a dialogue (two labelled lines or more; a headline ``阳朔：…`` is none, and
    neither is a web page's headline written twice, ``驷马镇：…`` above and below its meta line)."""
    clean = doc.clean
    labels = [
        (colon.start() - n, colon.start())
        for colon in _COLON.finditer(clean)
        for n in (2, 3, 4)
        if colon.start() - n > 0
        and doc.line_starts_at(colon.start() - n)
        and HAN_RUN.fullmatch(clean, colon.start() - n, colon.start())
        and not clean[colon.end() : colon.end() + 1].isdigit()
    ]
    described = [label for colon in _COLON.finditer(clean) if (label := _described_label(doc, colon.start()))]
    # A labelled line counts once however often the page repeats it (its label and what follows
    # up to the line's end); a page's metadata fields (来源：…, 发布时间：…) are no speakers.
    fields = page_field_labels()
    lines = {
        clean[start : doc.line_end(end, end + _REPEATED_LINE_CHECK)]
        for start, end in (*labels, *described)
        if clean[start:end] not in fields
    }
    if len(lines) < 2:
        return
    for start, end in labels:
        # 索 引 号：…: a page's field label is no speaker, however spaced out.
        if clean[start:end] not in fields and is_name_shape(clean[start:end]):
            yield Mention(start, end, clean[start:end])
    for start, end in described:
        yield Mention(start, end, clean[start:end])


def _described_label(doc: Document, colon: int) -> tuple[int, int] | None:
    """``游客代表李娜：``, ``民宿经营户金顺姬：``: a label at a line start made of a description
    or a post, then a full name, before a colon; the span of the name, or None."""
    clean = doc.clean
    # The line's start, 4 to 13 characters before the colon: a description of two characters or
    # more, then a name of two or three.
    line = doc.last_line_start(max(0, colon - 13), colon - 3)
    if line is None or not HAN_RUN.fullmatch(clean, line, colon):
        return None
    for length in (3, 2):
        start = colon - length
        if start - line < 2 or not is_name_shape(clean[start:colon]):
            continue
        if clean.endswith((*all_titles(), *small_words()["label_description_endings"]), line, start):
            return start, colon
    return None


# The occasion line under the headline of a report or a speech (——在安平县第十七届人民代表大会
# 第五次会议上, ——2024年1月10日在全县经济工作会议上): the speaker's name stands on a line below.
# The line may open with the date and no dash (2017年12月25日在和硕县…会议上).
_OCCASION_LINE = regex.compile(
    r"(?:——[^—\n]{0,16}?|\d{4}年\d{1,2}月\d{1,2}日)在\p{Han}{2,40}?(?:会|会议|大会|仪式|典礼|论坛)上"
)


# A dated line between the occasion line and the speaker's name (（2024年1月10日）).
_DATED_LINE = regex.compile(r"\(\d{4}年\d{1,2}月\d{1,2}日\)")


_MAX_SPEAKER_LINE = 4
_MAX_DOTTED_LINE = 16


def speaker_line_mentions(doc: Document) -> Iterator[Mention]:
    """``政府工作报告`` / ``——在安平县第十七届人民代表大会第五次会议上`` / ``陆建明``: the
    speaker of a report or a speech, a full name alone on the line below its occasion line
    (perhaps after a dated line). A post before the name is read by the chain rule."""
    clean = doc.clean
    for occasion in _OCCASION_LINE.finditer(clean):
        pos = occasion.end()
        if not doc.line_starts_at(occasion.start()) or not doc.line_starts_at(pos):
            continue
        dated = _DATED_LINE.match(clean, pos)
        if dated is not None and doc.line_starts_at(dated.end()):
            pos = dated.end()
        end = doc.line_text_end(pos, pos + _MAX_SPEAKER_LINE + 1)
        if HAN_RUN.fullmatch(clean, pos, end) and (doc.line_starts_at(end) or end == len(clean)):
            name = clean[pos:end]
            if is_name_shape(name):
                yield Mention(pos, end, name)
        else:
            # 努尔兰·沙肯 alone on its line (代县长 阿迪力·哈斯木: a space sets a post apart, read by
            # the chain rule).
            end = doc.line_text_end(pos, pos + _MAX_DOTTED_LINE + 1)
            if (
                DOTTED_NAME.fullmatch(clean, pos, end)
                and (doc.line_starts_at(end) or end == len(clean))
                and doc.first_joined(pos + 1, end) == end
            ):
                yield Mention(pos, end, clean[pos:end])


@cache
def _occasion_speech() -> regex.Pattern[str]:
    """在, an occasion and 上的, then what the speech is (person_words.toml occasion_speeches): a
    report's or a speech's heading after its speaker's name (and 同志, perhaps). The pattern opens
    with its literal, which the engine skips to."""
    speeches = alternation(sorted(small_words()["occasion_speeches"], key=len, reverse=True))
    return regex.compile(rf"在[^\n。，；！？]{{2,40}}?(?:会|会议|大会|仪式|典礼|论坛)上的(?:{speeches})")


def occasion_speaker_mentions(doc: Document) -> Iterator[Mention]:
    """``王建华在临川县第十七届人民代表大会第三次会议上的报告``, ``——李国华在全市经济工作会议上的讲话``: the
    speaker's full name opening the heading of a report or a speech, at a line's start, after a
    dash or quotation mark, or after a post (read by the chain rule)."""
    clean = doc.clean
    openers = tuple(small_words()["occasion_speaker_openers"])
    for speech in _occasion_speech().finditer(clean):
        end = speech.start() - len(COMRADE) if clean.endswith(COMRADE, 0, speech.start()) else speech.start()
        for length in _HEADING_NAME_LENGTHS:
            start = end - length
            if start < 0 or not is_name_shape(clean[start:end]):
                continue
            if doc.line_starts_at(start) or clean.endswith(openers, 0, start) or title_ends().at(clean, start):
                yield Mention(start, end, clean[start:end])
            break


# The lengths of a Han name opening a heading, longest first.
_HEADING_NAME_LENGTHS = (3, 2)


@cache
def _roll_head_pattern() -> re.Pattern[str]:
    """A roll's heading (person_roll_heads.txt), perhaps with a note (（部分）) and a colon
    (nothing but words and classes: the standard library's engine finds it faster, as
    :func:`resources.words_pattern`)."""
    return re.compile(rf"(?:{alternation(word_list('person_roll_heads.txt'))})(?:{_ROLL_NOTE.pattern})?[:：]?")


# A note on a roll's order or part, after its heading or on a line of its own ((部分),
# (按姓氏笔画为序)).
_ROLL_NOTE = re.compile(r"\([^()]{1,12}\)")


# The label opening a line of a roll (一等奖：, 最美家庭：) and what may follow a listed name
# (赵建平家庭（旭阳镇）).
_ROLL_LABEL = regex.compile(r"\p{Han}{2,12}[:：]")


_ROLL_ITEM_TAIL = regex.compile(r"(?:家庭|户)?(?:\([^()]{1,12}\))?")


_MAX_ROLL_LINES = 12


def roll_mentions(doc: Document) -> Iterator[Mention]:
    """``获奖人员名单：`` then lines of names (``最美家庭：赵建平家庭（旭阳镇）、钟丽华家庭``,
    ``带头人：曾国华、罗小燕``): every full name listed, up to the first line that is prose."""
    clean = doc.clean
    for head in _roll_head_pattern().finditer(clean):
        pos = head.end()
        titles = _roll_post(clean[doc.line_start(head.start()) : head.start()])
        if not (pos >= len(clean) or pos in doc.line_breaks or clean[pos] == "\n"):
            # 评审专家名单：李国庆、张淑芬、…: after a colon the roll may fill the heading's line.
            if clean[pos - 1] in ":：":
                for name in _roll_line(doc, pos, doc.line_text_end(pos, len(clean))):
                    yield Mention(name.start, name.end, name.name, name.titles or titles)
            continue
        for _ in range(_MAX_ROLL_LINES):
            while pos < len(clean) and clean[pos] == "\n":
                pos += 1
            line_end = doc.line_text_end(pos, len(clean))
            if pos >= line_end or "。" in clean[pos:line_end]:
                return
            if _ROLL_NOTE.fullmatch(clean, pos, line_end):
                pos = line_end  # （按姓氏笔画排序） on a line of its own
                continue
            names = list(_roll_line(doc, pos, line_end))
            if not names:
                break
            yield from (Mention(name.start, name.end, name.name, name.titles or titles) for name in names)
            pos = line_end


def _roll_post(heading: str) -> list[Title]:
    """The post a roll's heading says its names hold: an election's (镇第十八届人民代表大会代表当选名单:
    the congress's 代表) or a body's membership (县政协委员名单), read from the heading's words
    before 名单 without the election's own word (当选); an honour's (优秀河长名单) is none."""
    written = heading
    for word in small_words()["roll_election_words"]:
        heading = heading.removeprefix(word).removesuffix(word)
    elected = heading != written
    lone = small_words()["lone_posts"]  # 代表: a post standing alone here too
    item = split_item(heading) if heading else None
    if item is None and heading in lone:
        return [Title(title=heading)]
    if item is None or item.title is None:
        return []
    membership = item.title in lone or item.title in small_words()["body_offices"]
    return [item] if membership or (elected and item.title in post_words()) else []


def _roll_line(doc: Document, pos: int, end: int) -> Iterator[Mention]:
    """The full names listed in one line of a roll, between ``pos`` and ``end``."""
    clean = doc.clean
    label = _ROLL_LABEL.match(clean, pos, end)
    pos = label.end() if label else pos
    listed = 0
    while pos < end:
        length = next(
            (
                n
                for n in (3, 2, 4)
                if pos + n <= end
                and is_name_shape(clean[pos : pos + n])
                and _roll_item_ends(doc, _ROLL_ITEM_TAIL.match(clean, pos + n, end).end(), end)
            ),
            0,
        )
        if not length and listed:
            length = _roll_minority_name(doc, pos, end)
        if not length:
            return
        listed += 1
        tail = _ROLL_ITEM_TAIL.match(clean, pos + length, end).end()
        posts = _roll_item_posts(doc, tail, end)
        yield Mention(pos, pos + length, clean[pos : pos + length], posts)
        if posts:
            return
        pos = tail
        if clean[pos : pos + 1] in ("、", ",", "，"):
            pos += 1


def _roll_minority_name(doc: Document, pos: int, end: int) -> int:
    """Length of a name without a Han surname filling a roll's item at ``pos`` after a full name
    (王某　次仁多吉　阿依古丽·某某): a dotted name, or one of known Tibetan or Mongolian parts, or
    two to four characters that are no word and hold no post, else 0."""
    clean = doc.clean
    for item_end in dotted_ends(clean, pos):
        if _roll_item_ends(doc, item_end, end):
            return item_end - pos
    minority = minority_name_length(clean, pos)
    if minority and _roll_item_ends(doc, pos + minority, end):
        return minority
    return next(
        (n for n in (4, 3, 2) if _roll_item_ends(doc, pos + n, end) and is_listed_name(clean[pos : pos + n])), 0
    )


def _roll_item_posts(doc: Document, at: int, end: int) -> list[Title]:
    """``王建国　淄川区寨里镇北岳阴村党支部书记、村委会主任``: the posts that fill the rest of a
    roll's line after a name and a space (an honour roll gives each person's unit and post)."""
    if at >= end or not doc.joined_at(at):
        return []
    # The space ends the body: the chain is read back to it, never into the name.
    start, titles = chain_span(doc.clean, end, doc.line_breaks | {at})
    return titles if start == at else []


def _roll_item_ends(doc: Document, at: int, end: int) -> bool:
    """An item of a roll ends at ``at``: the line ends, a list mark or a space follows."""
    return at >= end or doc.clean[at] in "、,，" or doc.joined_at(at)


def _lines(doc: Document) -> Iterator[tuple[int, int]]:
    """The (start, end) of every line of the clean view."""
    clean = doc.clean
    ends = sorted({*doc.line_breaks, *(m.start() for m in _NEWLINE.finditer(clean)), len(clean)})
    start = 0
    for end in ends:
        if end > start:
            yield start, end
        start = end + 1 if clean[end : end + 1] == "\n" else end


_NEWLINE = regex.compile(r"\n")


_MAX_BODY_LINE = 14


def roster_mentions(doc: Document, vocabulary: Vocabulary) -> Iterator[Mention]:
    """``县人大常委会`` / ``主　任　王建平`` / ``副主任　刘玉梅　杨志刚``: a line that is one body heads
    the lines under it, each a post and the names holding it set apart by spaces; every
    name holds the post in that body, up to the next body line or a line of other shape."""
    clean = doc.clean
    body_ends = {end for _start, end in vocabulary.bodies}
    body: str | None = None
    for start, end in _lines(doc):
        if end in body_ends and end - start <= _MAX_BODY_LINE and HAN_RUN.fullmatch(clean, start, end):
            item = split_item(clean[start:end])
            if item is not None and item.title is None:
                body = item.org
                continue
        post = title_pattern().match(clean, start, end) if body else None
        names = list(spaced_names(doc, post.end(), end, after_post=True)) if post else []
        if post is None or not names or names[-1].end != end:
            body = None
            continue
        for name in names:
            yield Mention(name.start, name.end, name.name, [Title(org=body, title=post.group())])


# The longest line read as a roster of posts and names set side by side.
_MAX_ROSTER_LINE = 60


def roster_line_mentions(doc: Document) -> Iterator[Mention]:
    """``审判长杨小平 审判员陈红 书记员刘芳``: a line that is nothing but two or more posts, each
    followed by the name holding it, the name ending at a space, the next post or the line's end."""
    clean = doc.clean
    posts = title_pattern()
    for start, end in _lines(doc):
        # Most lines open with no post: a few words compared say so before the pattern of every post is tried.
        if (
            end - start > _MAX_ROSTER_LINE
            or not title_starts().at(clean, start)
            or posts.match(clean, start, end) is None
        ):
            continue
        pairs: list[Mention] = []
        pos = start
        while pos < end:
            post = posts.match(clean, pos, end)
            name_end = next(
                (
                    post.end() + n
                    for n in (2, 3, 4)
                    if post is not None
                    and post.end() + n <= end
                    and (
                        post.end() + n == end
                        or doc.joined_at(post.end() + n)
                        or posts.match(clean, post.end() + n, end) is not None
                    )
                    and is_name_shape(clean[post.end() : post.end() + n], long=n == 4)
                ),
                None,
            )
            if post is None or name_end is None:
                break
            pairs.append(Mention(post.end(), name_end, clean[post.end() : name_end], [Title(title=post.group())]))
            pos = name_end
        if pos == end and len(pairs) > 1:
            yield from pairs


# A label and its colon opening a roster line before the name (组　长：, 副指挥长：).
_LINE_LABEL = regex.compile(r"\p{Han}{1,6}[:：]")


def name_posts_line_mentions(doc: Document, vocabulary: Vocabulary) -> Iterator[Mention]:
    """``王立新　县委书记`` / ``组　长：韩国栋　县委常委、副县长``: a roster laid out one person to a line
    (or a cell), a full name set apart by a space, then the posts it holds filling the rest of the
    line; after a label's colon, if any (the label's post is the chain rule's). A post of no body
    may be written onto the name (``陈某常务副市长``)."""
    clean = doc.clean
    # The posts that end a line are few: they are looked at, not every line.
    for end in sorted(vocabulary.post_ends):
        if not (end == len(clean) or clean[end] == "\n" or doc.line_starts_at(end)):
            continue
        start = doc.line_start(end - 1)
        if end - start > _MAX_ROSTER_LINE:
            continue
        label = _LINE_LABEL.match(clean, start, end)
        pos = label.end() if label else start
        name_end = doc.first_joined(pos + 2, pos + 5)
        spaced = name_end < min(pos + 5, end)
        if not spaced:
            # 龚某市长 / 陈某常务副市长: a line of a name and its post written onto it, the post of
            # no body (a duty list's heads, one to a line); not a clan's village (刘家湾|村长).
            name_end = next((pos + n for n in (2, 3) if title_starts().at(clean, pos + n)), end)
            if clean.endswith(small_words()["clan_village_endings"], pos, name_end):
                continue
        if name_end >= end or not is_name_shape(clean[pos:name_end]):
            continue
        post = NOTICE_POST.match(clean, name_end, end)
        titles = posts_in(clean, name_end, end) if post is not None and post.end() == end else []
        if titles and titles[-1].title and (spaced or all(title.org is None for title in titles)):
            # 舒某副市长 / 兼市公安局局长，负责…: the next line may open with a post held besides.
            after = end + (clean[end : end + 1] == "\n")
            if clean.startswith(_BESIDES, after):
                titles += posts_in(clean, after + len(_BESIDES))
            yield Mention(pos, name_end, clean[pos:name_end], titles)


# What opens a post held besides the ones before it (兼市公安局局长).
_BESIDES = "兼"


# A count of people before a colon: the names it counts follow (两人：许晴、徐仁标; 3名同志：…).
# The word and the colon are looked for first (a pattern led by them is found fast), the count
# before them after.
_PEOPLE_COLON = re.compile(r"(?:人|同志)[:：]")
_COUNT_BEFORE = regex.compile(r"(?:\d{1,2}|[两二三四五六七八九十]{1,3})(?:名|位)?\Z")


def counted_list_mentions(
    doc: Document, post_ends: frozenset[int] = frozenset(), *, appointed: bool = False
) -> Iterator[Mention]:
    """``…任设区市党委常委的两人：许晴、徐仁标``: the full names listed after a count of people;
    ``appointed``: only the lists whose count a post verb and a post head (由县委书记任副市长的3人：),
    else only the others."""
    clean = doc.clean
    for people in _PEOPLE_COLON.finditer(clean):
        count = _COUNT_BEFORE.search(clean, max(0, people.start() - 4), people.start())
        if count and _appointed_count(clean, count.start(), post_ends) == appointed:
            yield from names_in_list(clean, people.end(), doc.line_breaks)


# How far back a count's clause is read for the post its people take (由县(市、区)委书记任…副市长的3人).
_COUNT_CLAUSE = 40
_COUNT_CLAUSE_OPENERS = "，。；！？,;!?\n"


def _appointed_count(clean: str, count: int, post_ends: frozenset[int]) -> bool:
    """The clause before the count at ``count`` gives a post its people take: a post verb
    (person_post_verbs.txt) and a post after it (任设区市副市长的3人, 当选县委常委的5人)."""
    lo = max(0, count - _COUNT_CLAUSE)
    start = max(clean.rfind(char, lo, count) for char in _COUNT_CLAUSE_OPENERS) + 1
    start = max(start, lo)
    for verb in _post_verb_pattern().finditer(clean, start, count):
        # 未能当选村主任的3人: a negated verb gives no post.
        if clean.endswith(_NEGATIONS, start, verb.start()):
            continue
        if any(end in post_ends for end in range(verb.end() + 1, count + 1)):
            return True
    return False


# Words that negate the post verb after them (未能当选, 没有担任, 未任).
_NEGATIONS = ("未能", "没有", "没能", "未", "没", "不")


@cache
def _post_verb_pattern() -> re.Pattern[str]:
    return words_pattern(post_verbs())


# 当选劳动模范的有：…: the people a clause counts in are listed after 的有 and a colon (有 and
# the colon are looked for first: 的 stands everywhere).
_THOSE_WHO_COLON = re.compile(r"有[:：]")


def those_listed_mentions(doc: Document) -> Iterator[Mention]:
    """``当选市劳动模范的有：杨卫国、王夏丽、…``, ``获奖专家有：…``: a 、-list of two full names or
    more after 的有, or a word for a group (person_group_words.txt) and 有, and a colon."""
    heads = ("的", *word_list("person_group_words.txt"))
    for head in _THOSE_WHO_COLON.finditer(doc.clean):
        # 的还有, 获奖者还有: 还 may stand before 有.
        before = head.start() - (doc.clean[head.start() - 1 : head.start()] == "还")
        if not doc.clean.endswith(heads, 0, before):
            continue
        # Two of its names read plainly (a surname of the table) say the list holds names.
        names = list(names_in_list(doc.clean, head.end(), doc.line_breaks, guess=True))
        if sum(read_name(doc.clean, n.start, guess=False) == n.end - n.start for n in names) >= 2:
            yield from names


# What may stand right before a name the caption places (图为|格桑（左二）, 正是|格扎（图中）).
_BEFORE_PLACED = frozenset("、:：为有和与及是")
_PLACED_LINKS = frozenset("和与及")


# What closes a caption of things, not people, after its last note (图为拉萨（左）与日喀则（右）的对比,
# 青稞（左）和小麦（右）。): no verb follows the placed items.
_THINGS_CAPTION_END = frozenset("的。；;!！?？\n")
# A further item placed in the same picture (与日喀则（右）), skipped to find what closes the caption.
_NEXT_PLACED = regex.compile(r"[、和与及]\p{Han}{1,6}(?=\()")


def _caption_of_things(clean: str, end: int) -> bool:
    """After the note ending at ``end`` (and any further placed items), the caption stops or goes on
    with 的 (图为玉树（左）、果洛（右）的牧民): the placed words are things or places, not people."""
    while (item := _NEXT_PLACED.match(clean, end)) and (note := POSITION_NOTE.match(clean, item.end())):
        end = note.end()
    return end >= len(clean) or clean[end] in _THINGS_CAPTION_END


def _placed_place(clean: str, pos: int, end: int, note: str) -> bool:
    """The reading ``clean[pos:end]`` is or opens with a division's name (拉萨（中）, 林芝桃花（左）), in
    a note that does not say 图 (正是洛扎（图中）: a person of that name in a picture)."""
    if "图" in note:
        return False
    forms = gazetteer.load().forms
    # 扎西（左一）、江达（右一）: a division's name is a person's where the caption lists people.
    return any(clean[pos : pos + n] in forms for n in range(2, end - pos + 1)) and not caption_lists_people(
        clean, pos, end
    )


def _placed_name(clean: str, pos: int, length: int) -> bool:
    """The reading of ``length`` at ``pos`` before a note of place in a picture is a name: one with a
    Han surname (钟晓红（右）), of known Tibetan or Mongolian parts (索朗次仁（左二）), or another
    named after 是 (正是洛扎（图中）); not 格桑花（右）盛开, 那达慕（左）赛马比赛."""
    return (
        read_name(clean, pos, guess=False) == length
        or minority_name_length(clean, pos) == length
        or clean[pos - 1 : pos] == _IDENTIFIED
        or _turkic_name(clean[pos : pos + length])
    )


@cache
def _turkic_parts() -> frozenset[str]:
    return frozenset(read_words("person_turkic_name_parts.txt"))


def _turkic_name(name: str) -> bool:
    """``name`` is made wholly of one to three parts of Uyghur and Kazakh names (阿依古丽, 热依拉)."""
    parts = _turkic_parts()
    if not name:
        return False
    if name in parts:
        return True
    return any(name[:n] in parts and _turkic_name(name[n:]) for n in (2, 3) if n < len(name))


_IDENTIFIED = "是"


def picture_place_mentions(doc: Document) -> Iterator[Mention]:
    """``图为格桑（左二）和同事在巡山``, ``正是格扎（图中，新华社发）``: a name right before a note of
    where it stands in the picture, opening its clause or item, read as before a nationality
    (:func:`name_before_nationality`: no Han surname needed, no dictionary word)."""
    clean = doc.clean
    if "左" not in clean and "右" not in clean and "中" not in clean:
        return
    for aside in POSITION_NOTE.finditer(clean):
        end = aside.start()
        things = _caption_of_things(clean, aside.end())
        # The shortest reading that opens its clause or item: 图为|格桑, not 图为格桑.
        for length in (2, 3, 4):
            pos = end - length
            # 青稞（左）和|小麦（右）: a conjunction opens no name.
            if pos < 0 or not HAN_RUN.fullmatch(clean, pos, end) or clean[pos] in _PLACED_LINKS:
                break
            if _placed_place(clean, pos, end, aside.group()):
                break
            # 藏香猪（左）和藏鸡（右）。: only a known Tibetan or Mongolian name is placed in a caption of things.
            if things and minority_name_length(clean, pos) != length:
                continue
            # 图为代表（左二）: a reading that holds what opens a name's item (为) is none.
            if any(char in _BEFORE_PLACED for char in clean[pos + 1 : end - 1]):
                break
            if (
                (clause_starts(doc, pos) or clean[pos - 1] in _BEFORE_PLACED)
                and (
                    (name_before_nationality(clean, pos, POSITION_NOTE) == length and _placed_name(clean, pos, length))
                    # 扎西（左一）、江达（右一）: a division's name in a caption that lists people.
                    or (clean[pos:end] in gazetteer.load().forms and caption_lists_people(clean, pos, end))
                )
            ):
                yield Mention(pos, end, clean[pos:end])
                break


def nationality_mentions(doc: Document) -> Iterator[Mention]:
    """``向巴平措(藏族)、郝鹏…``, ``尕桑(藏族):2011年6月—…``: a name right before its nationality in
    brackets (:func:`name_before_nationality`), opening its clause or item."""
    clean = doc.clean
    for aside in NATIONALITY_ASIDE.finditer(clean):
        end = aside.start()
        for length in (4, 3, 2):
            pos = end - length
            # 多杰才让（藏族）和|赵德明（汉族）: a conjunction joins the name to the one before.
            if pos < 0 or not HAN_RUN.fullmatch(clean, pos, end) or (length == 4 and clean[pos] in LIST_CONJUNCTIONS):
                continue
            if clause_starts(doc, pos) or clean[pos - 1] in _BEFORE_ITEM:
                if name_before_nationality(clean, pos) == length:
                    yield Mention(pos, end, clean[pos:end])
                break


# What may stand right before a name that opens its item (、 , a colon, a link word).
_BEFORE_ITEM = frozenset("、:：为有和与及")


@cache
def _attendance_pattern() -> re.Pattern[str]:
    """An attendance line's head and its colon (出席：, 列席：)."""
    return re.compile(rf"(?:{alternation(small_words()['attendance_heads'])})[:：]")


def list_head_mentions(doc: Document) -> Iterator[Mention]:
    """``县领导王建国、李红出席``: officials listed after a word for leaders, without posts;
    after a colon the list may be a roster line of names set apart by spaces. The attendance
    lines of minutes (出席：李明　王强) list officials too."""
    clean = doc.clean
    heads = [end for _start, end in word_hits(clean, "list_heads")]
    if "席" in clean or "参会" in clean:  # most articles hold no attendance line
        heads += [
            head.end()
            for head in _attendance_pattern().finditer(clean)
            if head.start() == 0 or doc.line_starts_at(head.start())  # the head opens its line
        ]
    for head_end in heads:
        # 出席会议的县领导还有：王建国、李红: a short link and a colon may stand before the list.
        link = LIST_LINK.match(clean, head_end)
        pos = link.end() if link else head_end
        if (link or clean[head_end - 1] in ":：") and any(doc.joined_at(pos + n) for n in (2, 3, 4)):
            yield from spaced_names(doc, pos)
        else:
            yield from names_in_list(clean, pos, doc.line_breaks, guess_rest=True)


def _first_item_name(clean: str, pos: int, length: int) -> bool:
    """The first item of a 、-list of names at ``pos`` is a name of ``length``: one the reader reads,
    or a full name the dictionary reads as words but not as one word (曾某某、…: 曾 the adverb)."""
    if read_name(clean, pos, guess=False) == length:
        return True
    item = clean[pos : pos + length]
    return length < 4 and is_name_shape(item, dictionary_veto=False) and not is_common_word(item)


@cache
def _group_ending_pattern() -> re.Pattern[str]:
    """The end of a group's name (person_words.toml led_group_endings)."""
    return words_pattern(small_words()["led_group_endings"])


def group_list_mentions(doc: Document) -> Iterator[Mention]:
    """``省专家组刘明、赵红、孙强``, ``市督导组王芳、李刚到我县``: a group's name (person_words.toml
    led_group_endings) right before a 、-list of two names or more: each listed name is a member,
    the group its body (no post)."""
    clean = doc.clean
    if "、" not in clean:
        return
    for group in _group_ending_pattern().finditer(clean):
        end = group.end()
        if not surname_length(clean[end : end + 2]) or "、" not in clean[end + 2 : end + 5]:
            continue  # cheap: a surname after the group and a 、 within a name's reach
        listed = list(names_in_list(clean, end, doc.line_breaks, guess_rest=True))
        if len(listed) < 2 or listed[0].start != end:
            continue
        start = org_start(clean, end, doc.line_breaks)
        titles = [Title(org=clean[start:end], title=None)]
        for name in listed:
            yield Mention(name.start, name.end, name.name, titles)


# A post's holders named after it: 是, perhaps a note on their order, perhaps a colon
# (大会的执行主席是A、B、C; 执行主席是（按姓名笔画排列）：A、B).
_HOLDERS_LINK = regex.compile(rf"是(?:{_ROLL_NOTE.pattern})?[:：]?")


def post_holders_mentions(doc: Document, vocabulary: Vocabulary) -> Iterator[Mention]:
    """``大会的执行主席是徐某、李某、达扎·某某``: a post (titles.txt), 是 and a 、-list of two names
    or more: each listed name holds the post. A post of the session the article reports (大会的,
    会议的: person_words.toml session_bodies) is that session's."""
    clean = doc.clean
    for link in _HOLDERS_LINK.finditer(clean):
        post_end = link.start()
        if post_end not in vocabulary.post_ends:
            continue
        listed = _holders(clean, link.end(), doc.line_breaks)
        if len(listed) < 2 or any(_form_of_address(name.name) for name in listed):
            continue  # (班主任是王老师、李老师: how pupils call teachers, no roll of officeholders)
        start, titles = chain_span(clean, post_end, doc.line_breaks)
        if not titles or longest_title_ending(titles[-1].title or "") not in post_words():
            continue
        sessions = small_words()["session_bodies"]
        if titles[0].org is None and clean.endswith(_OF, 0, start) and clean.endswith(sessions, 0, start - 1):
            session = next(word for word in sessions if clean.endswith(word, 0, start - 1))
            titles[0] = Title(org=session, title=titles[0].title)
        for name in listed:
            yield Mention(name.start, name.end, name.name, titles)


# What marks an anonymised name after a surname (王某, 李某某) among person_polite_suffixes.txt.
_ANONYMISED = "某"


def _form_of_address(name: str) -> bool:
    """老李, 王老师, 张大爷: how people are called, no name (王某 is one, anonymised)."""
    given = name[surname_length(name) :]
    return is_familiar_form(name) or (given in polite_suffixes() and not given.startswith(_ANONYMISED))


def _holders(clean: str, pos: int, breaks: frozenset[int]) -> list[Mention]:
    """The 、-list of names opening at ``pos`` after a post and 是: the post says names follow, so
    a first item of two or three characters that is no word is one, whatever its surname (旷某某,
    a surname the table lacks), where a name follows it."""
    listed = list(names_in_list(clean, pos, breaks, guess_rest=True))
    if listed and listed[0].start == pos:
        return listed
    for length in (3, 2):
        first = clean[pos : pos + length]
        if clean.startswith("、", pos + length) and HAN_RUN.fullmatch(first) and not is_common_word(first):
            rest = list(names_in_list(clean, pos + length + 1, breaks, guess=True))
            return [Mention(pos, pos + length, first), *rest] if rest else []
    return []


# What joins a session and its post (大会的执行主席).
_OF = "的"


# What may stand right before the first name of a 、-list inside a clause (还有|杨金海、…).
_BEFORE_FIRST_ITEM = frozenset("了的和与及有")


# The rules that give each name of a list a post of its own (卢某、严某分别任…): the names
# listed after one do not share its post.
_OWN_POST_RULES = frozenset({"respective"})


# The conjunctions that join the two names of a pair (那仁和乌兰夫妇).
PAIR_JOINS = ("和", "与")


# jieba's tags of proper nouns: a name the dictionary also knows as a place (乌兰) or a name.
_PROPER_NOUN_TAGS = frozenset({"ns", "nz", "nr"})


def pair_mentions(doc: Document) -> Iterator[Mention]:
    """``汪云贵、苏呈祥姐弟``, ``王建国和李秀英夫妇``: two full names joined by 、, 和 or 与 and
    closed by a word for two people (person_pair_words.txt); the first stands where jieba's cut
    starts a word (六段村的|汪云贵)."""
    clean = doc.clean
    for closer, _end in word_hits(clean, "pair_words"):
        second = next(
            (
                closer - n
                for n in (3, 2)
                if clean[closer - n - 1 : closer - n] in _PAIR_MARKS and _pair_shaped(clean[closer - n : closer])
            ),
            None,
        )
        if second is None:
            continue
        joint = second - 1
        first = next(
            (
                joint - n
                for n in (3, 2)
                if joint - n >= 0
                and _pair_shaped(clean[joint - n : joint])
                and (clause_starts(doc, joint - n) or cut_at(clean, joint - n))
            ),
            None,
        )
        if first is not None:
            yield Mention(first, joint, clean[first:joint])
            yield Mention(second, closer, clean[second:closer])


# What joins the two names of a pair: a 、 or a conjunction.
_PAIR_MARKS = frozenset(("、", *PAIR_JOINS))


def _pair_shaped(name: str) -> bool:
    """A full name, not a clan's village (王家庄和李家村两地)."""
    return is_name_shape(name) and not name.endswith(small_words()["clan_village_endings"])


def _pair_partner(clean: str, pos: int) -> Mention | None:
    """The name at ``pos`` after a found name and 和, closed by a word for two people
    (那仁和乌兰夫妇, 张强与李梅两人): two to four characters that are no common word but
    perhaps a proper noun (乌兰: also a place); 张强和儿子两人 holds none."""
    for length in (2, 3, 4):
        end = pos + length
        if clean.startswith(word_list("person_pair_words.txt"), end):
            name = clean[pos:end]
            plain = not is_common_word(name) or word_tag(name) in _PROPER_NOUN_TAGS
            shaped = all(is_han(c) for c in name) and not NOT_IN_NAME.search(name) and plain
            return Mention(pos, end, name) if shaped else None
    return None


def _joined_full_name(clean: str, pos: int) -> Mention | None:
    """The name at ``pos`` after a found name and 和 where no word for two people closes the
    pair (村民刘国荣和刘泽民上世纪…, 果农郑明辉和冯建平去年…): a Han surname and a given name
    of two, no word opening with the surname (和黄金周, 和江山), no place's ending (和张家湾),
    and where a name ends: before a word that follows names, a verb or a time word."""
    size = surname_length(clean[pos : pos + 2])
    end = pos + size + 2
    name = clean[pos:end]
    if (
        not size
        or not HAN_RUN.fullmatch(clean, pos, end)
        or is_common_word(clean[pos : pos + size + 1])
        or is_common_word(name)
        or name.endswith(_place_endings())
        or read_name(clean, pos, guess=True) != size + 2
    ):
        return None
    time_after = any(word_tag(clean[end : end + n]) == "t" for n in (2, 3)) or clean.startswith("上世纪", end)
    if not (ends_name(clean, end) or verb_at(clean, end) or time_after):
        return None
    return Mention(pos, end, name)


@cache
def _place_endings() -> tuple[str, ...]:
    """Endings of a place's name that end no person's (person_place_endings.txt and
    person_words.toml place_name_last_characters)."""
    return (*word_list("person_place_endings.txt"), *small_words()["place_name_last_characters"])


def list_siblings(clean: str, mentions: list[Mention], breaks: frozenset[int]) -> Iterator[Mention]:
    """Names listed with 、 next to a found name (张建华、李东表示 finds 李东 first), or joined
    to it by 和 before a word for two people (那仁和乌兰夫妇); a name listed after one holding
    posts holds them too (副市长王刚、李明).

    Each list is walked once, however many of its names were already found."""
    found = {m.start for m in mentions}
    given_posts: set[int] = set()  # names a post holder's walk reached: each is walked once
    for mention in mentions:
        # 崔玉兰（女，藏族）、金书文: an aside may stand between a name and the 、 after it.
        after = aside_after(clean, mention.end)
        if clean.startswith("、", after) and mention.titles and mention.rule not in _OWN_POST_RULES:
            # 副市长王刚、李明: a bare name listed after a post holder holds the same post,
            # even when another rule found it already (李明出席).
            for sibling in names_in_list(clean, after + 1, breaks, guess=True):
                if sibling.start in given_posts:
                    break
                given_posts.add(sibling.start)
                found.add(sibling.start)
                yield Mention(sibling.start, sibling.end, sibling.name, list(mention.titles))
        elif clean.startswith(PAIR_JOINS, after) and after + 1 not in found:
            partner = _pair_partner(clean, after + 1) or _joined_full_name(clean, after + 1)
            if partner is not None:
                found.add(partner.start)
                yield partner
        elif clean.startswith("、", after) and after + 1 not in found:
            for sibling in names_in_list(clean, after + 1, breaks, guess=True):
                if sibling.start in found:
                    break
                found.add(sibling.start)
                yield sibling
        joined = clean[mention.start - 1 : mention.start] in PAIR_JOINS
        item_start = mention.start
        # 张雨浦、陈雍、崔波、庄严出席: the walk back goes on while a 、 stands before the name read.
        while item_start > 0 and (clean[item_start - 1] == "、" or joined):
            walked_to = None
            for length in (2, 3, 4):
                pos = item_start - 1 - length
                # The first item opens a clause, or follows a particle or a conjunction
                # (推选出了|何春芳、…, 和|张晨、…); a name joined by 和 (陈婕和曹明丽通过…) opens one.
                after_mark = pos > 0 and clean[pos - 1] in _BEFORE_FIRST_ITEM and not joined
                if pos >= 0 and (pos == 0 or not is_han(clean[pos - 1]) or after_mark):
                    if pos not in found and _first_item_name(clean, pos, length):
                        found.add(pos)
                        walked_to = pos
                        yield Mention(pos, pos + length, clean[pos : pos + length])
                    break
            if walked_to is None:
                break
            item_start, joined = walked_to, False


@cache
def _clause_post_pattern() -> re.Pattern[str]:
    """A comma (or a pronoun opening a sentence), perhaps an opener (在其, 其, 并), then a verb
    bringing a post (担任, 任) (the standard library's engine, as :func:`_roll_head_pattern`)."""
    words = small_words()
    # 。他先后担任…: a sentence may open with a pronoun for the subject of the one before. The
    # pattern opens with one class of marks, which the engine skips to in a fast loop.
    opening = rf"[，,。；;](?:(?<=[，,])|(?<=[。；;])(?P<pronoun>{alternation(words['subject_pronouns'])}))"
    return re.compile(
        rf"{opening}(?:{alternation(words['clause_post_openers'])})?(?P<verb>{alternation(words['clause_post_verbs'])})"
    )


# Where a clause ends, and the span of time that may close a clause of posts (的11年间, 期间,
# 以来) or the word for the post (职务, 一职).
_CLAUSE_END = regex.compile(r"[，,。；;！？!?\n]")
_CLAUSE_POST_TAIL = regex.compile(
    r"(?:(?:的[\d一二三四五六七八九十两多余个]{0,4})?(?:年间|期间|以来|时)|职务|一职|等职)$"
)


@lru_cache(maxsize=1)  # read by the mention rule and again when posts are gathered
def clause_posts(clean: str) -> list[tuple[int, list[Title]]]:
    """``…，任工作队总队长``, ``…，在其担任村委会主任、村党支部书记的11年间``: a clause of a
    sentence that gives its subject's posts, as (where its comma stands, the posts). The
    posts must fill the clause (up to a span of time), so that a post that only describes
    someone named after it (，任村支书的李某陪同) is none."""
    found: list[tuple[int, list[Title]]] = []
    for verb in _clause_post_pattern().finditer(clean):
        start = verb.end()
        # 任何, 任务, 任职: a word opening with the bare 任 is no verb of a post.
        if verb.group("verb") == "任" and clean.startswith(small_words()["not_post_ren"], start - 1):
            continue
        end_mark = _CLAUSE_END.search(clean, start)
        end = end_mark.start() if end_mark is not None else len(clean)
        tail = _CLAUSE_POST_TAIL.search(clean, start, end)
        stop = tail.start() if tail is not None else end
        segment = NOTICE_POST.match(clean, start, stop)
        if segment is None or stop - start > MAX_CHAIN * MAX_ORG:
            continue
        # 劳动局、统计局的主要负责人: bodies listed before the post they share fill the clause too.
        shared = segment.end() != stop and post_after_of(clean, segment.end()) is not None
        if segment.end() != stop and not (shared and HAN_RUN.fullmatch(clean, segment.end(), stop)):
            continue
        titles = posts_in(clean, start, stop)
        # Every piece is a post.
        if titles and len(titles) == len(POST_MARKS.findall(segment.group())) + 1:
            # The clause opens at its comma, or at the pronoun after a sentence's end.
            found.append((verb.start("pronoun") if verb.group("pronoun") else verb.start(), titles))
    found += _posts_before_age(clean)
    return sorted(found, key=lambda clause: clause[0])


# An age written as a clause of its own (，35岁): a CV's appositive posts may stand before it.
_AGE_CLAUSE = regex.compile(r"[，,]\d{1,3}岁(?=[，,。；;])")


def _posts_before_age(clean: str) -> list[tuple[int, list[Title]]]:
    """``…，省委宣传部外宣处副处长、盐边县副县长，35岁，``: a clause of posts alone right before
    a clause giving an age is the subject's, as after a verb of a post; every piece a post."""
    found = []
    for age in _AGE_CLAUSE.finditer(clean):
        end = age.start()
        comma = max(clean.rfind("，", 0, end), clean.rfind(",", 0, end))
        start = comma + 1
        if comma < 0 or end - start > MAX_CHAIN * MAX_ORG or not _POSTS_ONLY.fullmatch(clean, start, end):
            continue
        titles = posts_in(clean, start, end)
        if titles and len(titles) == clean.count("、", start, end) + 1:
            found.append((comma, titles))
    return found


_POSTS_ONLY = regex.compile(r"[\p{Han}、]+")


def clause_post_mentions(doc: Document, clauses: list[tuple[int, list[Title]]]) -> Iterator[Mention]:
    """``华山村的常某某，在其担任村委会主任…的11年间``: a full name opening a clause or after 的,
    right before the comma of a clause that gives its posts (``clauses``: :func:`clause_posts`)."""
    clean = doc.clean
    for comma, titles in clauses:
        for length in (3, 2, 4):
            pos = comma - length
            if pos < 0 or read_name(clean, pos, guess=False) != length:
                continue
            # After a word for a person (退伍军人覃某，担任…) the name stands as after 的.
            if clause_starts(doc, pos) or clean[pos - 1] == "的" or title_ends().at(clean, pos):
                yield Mention(pos, comma, clean[pos:comma], list(titles))
            break


# 分别任, 分别担任, 分别为: each name of the list before takes the post in its place.
_RESPECTIVELY = regex.compile(r"分别(?:以?[全高满]票|以\d{1,6}票)?(?:担任|兼任|任|当选为|为)")


# What closes the list of names before its 分别任: a count of them, perhaps 同志 (谢某、杨某两名同志分别…).
_RESPECTIVE_LIST_CLOSE = regex.compile(rf"(?:{_LIST_COUNT.pattern}|同志)\Z")


# Most characters between the last name of a list and its 分别任 (。本次任命前).
_MAX_RESPECTIVE_GAP = 12


def respective_mentions(doc: Document) -> Iterator[Mention]:
    """``经研究，卢某、严某分别任县财政局局长、县审计局局长``: the 、-list of full names opening
    the clause right before 分别任, when it holds as many names as posts follow; each holds
    the post in its place."""
    clean = doc.clean
    for cue in _RESPECTIVELY.finditer(clean):
        posts = posts_in(clean, cue.end())
        close = _RESPECTIVE_LIST_CLOSE.search(clean, max(0, cue.start() - 8), cue.start())
        end = close.start() if close else cue.start()
        listed = list(names_before(doc, end))[::-1] if len(posts) >= 2 else []
        # The whole list: no name the walk could not read stands before its first.
        if (
            listed
            and len(listed) == len(posts)
            and clean[listed[0].start - 1 : listed[0].start] not in _NOTICE_SEPARATORS
        ):
            for mention, post in zip(listed, posts, strict=True):
                mention.titles = [post]
                yield mention


def respective_posts(clean: str, mentions: list[Mention]) -> dict[int, list[Title]]:
    """``许某、徐某分别任嘉善县委书记、温岭市委书记`` (or, after the list closes a sentence,
    ``…的两人：许某、徐某。本次任命前分别任…``): the n-th name of the 、-list right before
    分别任 holds the n-th post after it, by where each name starts; the counts must agree."""
    found: dict[int, list[Title]] = {}
    names = sorted({(m.end, m.start) for m in mentions})
    for cue in _RESPECTIVELY.finditer(clean):
        posts = posts_in(clean, cue.end())
        last = bisect_right(names, (cue.start(), len(clean))) - 1
        if len(posts) < 2 or last < 0 or cue.start() - names[last][0] > _MAX_RESPECTIVE_GAP:
            continue
        listed = [names[last]]
        while last > 0 and clean[names[last - 1][0] : listed[0][1]] in _NOTICE_SEPARATORS:
            last -= 1
            listed.insert(0, names[last])
        if len(listed) == len(posts):
            for (_end, start), post in zip(listed, posts, strict=True):
                found[start] = [post]
    return found


# What may close the posts a name no longer holds or acts in: 职务 or 一职, or the clause's end.
_DECIDED_POSTS_CLOSE = regex.compile(r"职务|一职|(?=[，,。；;！!\n]|$)")


def no_longer_holding_mentions(doc: Document) -> Iterator[Mention]:
    """``决定柳耀华不再担任自治区公安厅厅长职务``, ``李明、王芳同志不再担任…职务``: the names
    written right before a verb of no longer holding posts (person_words.toml
    no_longer_holding_verbs), each with the posts after it, which 职务, 一职 or the clause's end
    closes."""
    clean = doc.clean
    for verb_start, verb_end in word_hits(clean, "no_longer_holding_verbs"):
        titles = _decided_posts(clean, verb_end)
        if not titles:
            continue
        for start, name_end in _names_before_decision(clean, _before_comrade(clean, verb_start)):
            yield Mention(start, name_end, clean[start:name_end], list(titles))


def _decided_posts(clean: str, at: int) -> list[Title]:
    """The posts a decision names from ``at``, when 职务, 一职 or the clause's end closes them; else []."""
    close = NOTICE_POST.match(clean, at, at + 4 * MAX_ORG)
    if close is None or not _DECIDED_POSTS_CLOSE.match(clean, close.end()):
        return []
    return posts_in(clean, at)


def _before_comrade(clean: str, at: int) -> int:
    """Where the name before ``at`` ends: before 同志 if it stands there (李明同志|不再担任)."""
    return at - len(COMRADE) if clean.endswith(COMRADE, 0, at) else at


def acting_mentions(doc: Document) -> Iterator[Mention]:
    """``决定郑某副区长代理某区人民政府区长职务``, ``由李某同志代理县长``: the names written right
    before a verb of acting in a post (person_words.toml acting_verbs), or before a post they hold
    written right before it, each with that post and the acting post after the verb, which 职务,
    一职 or the clause's end closes."""
    clean = doc.clean
    for verb_start, verb_end in word_hits(clean, "acting_verbs"):
        acting = _decided_posts(clean, verb_start)
        # 代理记账公司经理: the verb must be the post's prefix, not a trade's word.
        if not acting or not acting[0].title or not acting[0].title.startswith(clean[verb_start:verb_end]):
            continue
        end = _before_comrade(clean, verb_start)
        held = title_ends().word_at(clean, end)
        if held is not None:
            end -= len(held)
        titles = [Title(title=held), *acting] if held else acting
        for start, name_end in _names_before_decision(clean, end):
            yield Mention(start, name_end, clean[start:name_end], titles)


# What a name of a decision may follow inside a clause: a list's mark, the agent's mark.
_BEFORE_DECIDED_NAME = frozenset("、由")


def _names_before_decision(clean: str, end: int) -> Iterator[tuple[int, int]]:
    """The names of a 、-list ending at ``end`` (李明、王芳|不再担任), last first: each read whole
    (a Han name, or a Tibetan or Mongolian one of known parts), the first opening the clause or
    following a word (决定|柳耀华, 同意|次仁多吉)."""
    while True:
        start = next((end - n for n in (2, 3, 4) if _decided_name(clean, end - n, end)), None)
        if start is None:
            return
        yield start, end
        if clean[start - 1 : start] != "、":
            return
        end = start - 1


def _decided_name(clean: str, pos: int, end: int) -> bool:
    """``clean[pos:end]`` is a whole name that opens an item: at the text's or a clause's start,
    after 、 or 由 (the agent's mark: 由李某代理县长), or after a word that the name's first character
    does not run into (决定|柳耀华)."""
    if pos < 0 or not all(is_han(c) for c in clean[pos:end]):
        return False
    name = clean[pos:end]
    whole = read_name(clean, pos, guess=True) == end - pos or minority_name_length(clean, pos) == end - pos
    # The verb after it is context enough for a name that the dictionary also reads as words or
    # knows as a proper noun (高建国), not for a common word (村干部).
    proper = not is_common_word(name) or word_tag(name).startswith(("nr", "ns", "nz"))
    if not whole or not proper or not is_name_shape(name, dictionary_veto=False, unsurnamed=True):
        return False
    before = clean[pos - 1 : pos]
    return (
        pos == 0
        or not is_han(before)
        or before in _BEFORE_DECIDED_NAME
        or (is_common_word(clean[pos - 2 : pos]) and not is_common_word(clean[pos - 1 : pos + 1]))
    )
