"""Posts and titles around a name: a chain of posts before it split into org and title
(``市住建局党组书记、局长``), its asides, the org carried along a list, and the start of the
org a post belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import regex

from . import gazetteer
from .names import (
    is_common_word,
    is_name_shape,
    surname_length,
    word_frequency,
    word_tag,
)
from .person_names import CONJUNCTIONS, HAN_RUN, LIST_CONJUNCTIONS, read_name
from .person_words import (
    Mention,
    all_titles,
    org_stop_pattern,
    org_suffix_pattern,
    post_words,
    small_words,
    title_ends,
    title_pattern,
    title_starts,
    word_list,
)
from .place_words import below_suffixes, generic_words, registered_suffixes
from .records import Title
from .resources import alternation, listed_word_at, read_words, words_pattern
from .text import HAN_CHARS, Document, is_han

# Longest body written before a post; longer runs are a clause, not a name.
MAX_ORG = 24


# What separates the posts of one person: 市委常委、副市长; 村党支部书记兼村委会主任; 副院长及刑庭庭长.
_CHAIN_MARKS = frozenset("、兼及")
POST_MARKS = regex.compile(f"[{''.join(sorted(_CHAIN_MARKS))}]")


# The Chinese characters (no chain mark) before a post that its body may span, read backwards
# from the post's end: one match, not a step per character. A short word in quotes is part of a
# body's name after a body or place (市委“两新”工委), checked by :func:`_body_start`.
_BODY_RUN = regex.compile(rf"(?r)[[{HAN_CHARS}]--[{''.join(sorted(_CHAIN_MARKS))}]]*", regex.V1)


# Most posts one person holds in a 、-chain; a longer run is a list, and the cap keeps
# the backward walk linear on hostile input.
MAX_CHAIN = 6


def longest_title_ending(item: str) -> str | None:
    """The longest post or occupation (of two characters or more) that ``item`` ends with."""
    title = title_ends().word_at(item, len(item))
    return title if title is not None and len(title) > 1 else None


def is_post_word(item: Title) -> bool:
    """The post is one of titles.txt, also where it is split after a party or congress body
    (全国人大 + 代表: the whole 人大代表 is)."""
    if item.title in post_words() or _prefixed_post_word(item.title):
        return True
    return bool(item.org and item.title) and longest_title_ending(f"{item.org}{item.title}") in post_words()


def _prefixed_post_word(title: str | None) -> bool:
    """A post of titles.txt written with deputy's or acting holder's prefixes the table does not
    list it with (副苏木达, 常务副苏木达, 代理村长: 苏木达 and 村长 are listed, 副苏木达 is not)."""
    prefixes = small_words()["holder_post_prefixes"]
    while title and title.startswith(prefixes):
        title = title[len(next(prefix for prefix in prefixes if title.startswith(prefix))) :]
        if title in post_words():
            return True
    return False


@cache
def post_prefixes() -> tuple[str, ...]:
    """Words written before a post that belong to it (代理, 常务, 副)."""
    return word_list("person_post_prefixes.txt")


@cache
def _fields_before(word: str) -> tuple[str, ...]:
    """The fields ``word`` closes the body of (生产: 安全, 农业): person_words.toml field_led_post_fields."""
    return tuple(small_words()["field_led_post_fields"][word])


@cache
def _party_body_owners() -> tuple[str, ...]:
    """Endings of what a party or congress body opening a post belongs to: a bare place
    (镇|党委书记) or a congress's session (县第十八届|人大代表)."""
    return (*word_list("person_place_endings.txt"), *small_words()["session_ordinals"])


def split_item(item: str) -> Title | None:
    """``市住建局党组书记`` -> (市住建局, 党组书记); a bare body needs an organisation ending.

    A party body opening the post goes with a bare place before it (镇党委书记 ->
    镇党委 + 书记) and stays with the post after an institution."""
    return _split_item(item, longest_title_ending(item))


# Length of a field's word written before its post (民政专干).
_FIELD = 2


# jieba's tags of time words, conjunctions and adverbs: such a word names no body (该院 does).
_NOT_BODY_TAGS = frozenset("tcd")


def _split_item(item: str, title: str | None) -> Title | None:
    """:func:`split_item` with the post ``item`` ends with already read."""
    if title:
        org = item[: -len(title)]
        # 自治区新一任|主席: the term is neither the body's nor the post's.
        if org.endswith(_TERM_LAST) and (term := TERM_BEFORE_POST.search(org)):
            org = org[: term.start()]
        # 那天|村主任, 只要|村主任: a time word, conjunction or adverb alone is no body (a post
        # written alone has none to ask the dictionary of).
        if org and word_tag(org)[:1] in _NOT_BODY_TAGS:
            org = ""
        # 乡村|教师, 化缘|校长, 年轻|女|法官: words qualifying the holder are no body (not the 女
        # of a word, 妇女|主任).
        qualifiers = word_list("person_post_qualifiers.txt")
        while org.endswith(qualifiers):  # one test of the whole tuple: most bodies end in none
            qualifier = next(q for q in qualifiers if org.endswith(q))
            if len(qualifier) == 1 and word_tag(org[-2:]):
                break
            if _village_name_ending(org, qualifier):
                break  # 青山村|党支部书记, 东山村|第一书记: the village, not 山村 qualifying the holder
            org = org[: -len(qualifier)]
        org = org[: len(org) - nationality_length(org)]  # 公统村苗族|医师: the holder's nationality
        # 云南白族|制刀匠, 和西藏昌都藏族|银匠: a province or city before a trade is where the holder
        # comes from, no body; 全国知名|民营企业家: nor is the reach of the holder's renown.
        if (
            org
            and title in _trades()
            and (org in small_words()["renown_scopes"] or _origin_places(org.lstrip("".join(LIST_CONJUNCTIONS))))
        ):
            org = ""
        if org.endswith(_DE) and title in post_words():
            org = org[: -len(_DE)]  # 刑事审判庭的承办法官 (see _body_and_de)
        # 代理市长, 常务副部长, 科技副县长: a prefix of the post is part of the title, not the body.
        while org.endswith(post_prefixes()):  # asked of the whole tuple first: most bodies end in none
            prefix = next(p for p in post_prefixes() if org.endswith(p))
            if _heads_a_level(title) and len(_division_sharing_level(org, title)) > len(prefix):
                break  # 海原|县长, 太原|市长: the prefix (原) ends the division's name
            org, title = org[: -len(prefix)], prefix + title
        # 与审判员吴晓东: a conjunction or preposition before a post is no body; nor is what
        # ends in a conjunction (乡长阿旺和|副乡长泽仁卓玛: the previous holder, then 和).
        if (len(org) == 1 and word_tag(org)[:1] in ("c", "p")) or org.endswith(CONJUNCTIONS):
            org = ""
        # ??h委|常委 (a broken page): one character that is no level's word is a fragment, no body,
        # unless it names an institution already named (院|党组书记、院长).
        if len(org) == 1 and org not in _LEVEL_OPENINGS and org not in small_words()["one_character_bodies"]:
            org = ""
        # 研究部署|县长, 受|县长: a level's head (县长, 副市长) is written after a place or a body
        # (平安县县长, 县人民政府副县长) or after a post of its own (县委常委副县长); anything else
        # before it is the verb or phrase of the clause, not a body.
        if org and _heads_a_level(title) and not _ends_body_or_place(org):
            division = _division_sharing_level(org, title)
            opener = org[len(org) - len(division) : len(org) - len(division) + 1] if division else ""
            if opener in post_prefixes():
                title = opener + title  # 原西吉县长: the former head of 西吉县
            org = division
        if title in small_words()["member_posts"] and org and not org.endswith(small_words()["member_body_endings"]):
            return None  # 乐队成员, 家族成员: no public body's member
        # 镇民政专干, 村计生专干: the field before the post is the post's (镇民政办专干 keeps its office).
        if title in small_words()["field_posts"] and len(org) >= _FIELD and not _ends_body_or_place(org):
            org, title = org[:-_FIELD], org[-_FIELD:] + title
        # 东山村主任, 生产车间主任: the body's word opening the post closes the body's name before it.
        # A body written in full before it (某公司车间主任) keeps the post whole.
        if (
            org
            and (word := small_words()["body_led_posts"].get(title))
            and not org.endswith(word)
            and not _ends_body(org)
        ):
            org, title = org + word, title[len(word) :]
        # 安全生产队长, 农业生产队长: after a field the post's opening word makes a compound with, that
        # word closes the field's body (安全生产|队长); 村生产队长, 红旗生产队长 keep the post whole.
        if org and (field := small_words()["field_led_posts"].get(title)) and org.endswith(_fields_before(field)):
            org, title = org + field, title[len(field) :]
        if contracted := small_words()["contracted_posts"].get(title):
            org, title = org + contracted[0], contracted[1]  # 组织部长: {组织部, 部长}
        # 市级人大代表: a level written before a congress names the congress, not a rank of the post.
        # (Each tuple is asked whole first: most posts open with no level.)
        level = next(p for p in _level_prefixes() if title.startswith(p)) if title.startswith(_level_prefixes()) else ""
        congresses = small_words()["congress_bodies"]
        congress = (
            next(b for b in congresses if title.startswith(b, len(level)))
            if level and title.startswith(congresses, len(level))
            else ""
        )
        if level and congress and len(title) > len(level) + len(congress):
            org, title = org + level + congress, title[len(level) + len(congress) :]
        parties = word_list("person_party_bodies.txt")
        body = next((b for b in parties if title.startswith(b)), None) if title.startswith(parties) else None
        if (
            body
            and title != body
            and (not org or body in small_words()["congress_bodies"] or org.endswith(_party_body_owners()))
        ):
            org, title = org + body, title[len(body) :]
        return Title(org=org or None, title=title)
    # 我省十八大代表, 党代会代表: a delegate to a congress named by its number or its short name.
    if delegate := _CONGRESS_DELEGATE.search(item):
        # 市第五次党代会代表: a congress written with its number is named with what stands before it.
        numbered = _CONGRESS_NUMBER.search(item, 0, delegate.start(1))
        # 出席|省第十二次党代会代表: the verb of attending is no part of the congress.
        congress = item[past_attending_verb(item, 0) : delegate.end(1)] if numbered else delegate.group(1)
        return Title(org=congress, title=delegate.group(2))
    # A body's ending closing the item is asked of the whole tuple first: most items end in none.
    if (
        len(item) >= 2
        and item.endswith(word_list("person_org_suffixes.txt"))
        and any(m.end() == len(item) for m in org_suffix_pattern().finditer(item))
    ):
        return Title(org=item, title=None)
    return None


# The levels of a place that names where a craftsman or worker comes from (云南, 西藏昌都).
_ORIGIN_LEVELS = frozenset(("province", "city"))


@cache
def _trades() -> frozenset[str]:
    return frozenset(read_words("person_occupations.txt"))


def _origin_places(org: str) -> bool:
    """``org`` is one or two names of provinces or cities and nothing else (云南, 西藏昌都)."""
    forms = gazetteer.load().forms

    def origin(name: str) -> bool:
        return any(form.entry.level in _ORIGIN_LEVELS for form in forms.get(name, ()))

    return origin(org) or any(origin(org[:cut]) and origin(org[cut:]) for cut in range(2, len(org) - 1))


# What a nationality's name ends in (苗族, 维吾尔族).
_NATIONALITY_END = "族"


@cache
def _nationality_ending() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(read_words('place_nationalities.txt'))}){_NATIONALITY_END}\Z")


def nationality_length(org: str) -> int:
    """Length of the nationality ending the run before a post (雷山县公统村苗族|医师) or written onto a
    name (莫某·某某哈萨克族，生于…), else 0: it says who the person is, no body and no part of a name."""
    if not org.endswith(_NATIONALITY_END):  # most bodies end in no nationality
        return 0
    found = _nationality_ending().search(org)
    return len(found.group()) if found else 0


# Stop words that open a clause only after a mark (，而原县委书记), not inside a name (塔而湾村).
_CLAUSE_OPENERS = frozenset("而")


# The village suffix a qualifier may end in (山村, 农村): then it may be the end of a village's name.
_VILLAGE = "村"

# A village in the country (边远农村): village names rarely end so, so any word before it qualifies.
_FARM_VILLAGE = "农村"


def _village_name_ending(org: str, qualifier: str) -> bool:
    """The qualifier ending ``org`` (山村, 农村) ends a village's name there (青山村, 大青山村): a
    character stands before it that is no level's word (县农村), makes no common noun with it
    (小山村, place_generic.txt) and ends no word (偏远山村; before 农村 any word: 边远农村)."""
    before = org[: -len(qualifier)]
    return (
        qualifier.endswith(_VILLAGE)
        and bool(before)
        and is_han(before[-1])
        and before[-1] not in _LEVEL_OPENINGS
        and before[-1] + qualifier not in generic_words()
        and not (len(before) > 1 and is_common_word(before[-2:]))
        and not (len(before) > 1 and qualifier == _FARM_VILLAGE and word_frequency(before[-2:]) > 0)
    )


# What ends a prefix naming a level (市级, 县级).
_LEVEL_MARK = "级"


@cache
def _level_prefixes() -> tuple[str, ...]:
    """The prefixes of a post that name a level (市级, 县级), in the order of :func:`post_prefixes`."""
    return tuple(prefix for prefix in post_prefixes() if prefix.endswith(_LEVEL_MARK))


# A congress written short (十八大, 党代会) and its delegate: 代表 alone is too common a word to be
# a post everywhere.
_CONGRESS_DELEGATE = re.compile(r"([一二三四五六七八九十]{1,3}大|党代会|人代会|团代会|妇代会)(代表)\Z")


def past_attending_verb(clean: str, at: int) -> int:
    """Where the posts after a notice's link or a post verb start: past a verb of attending before
    the congress the delegates are elected to (为|出席|省第三届人民代表大会代表, 当选为|出席|…), else ``at``."""
    return at + len(listed_word_at(clean, at, small_words()["delegate_attending_verbs"]))


# The number of a congress written before its short name (市第五次|党代会, 县第十五届|人代会).
_CONGRESS_NUMBER = re.compile(r"第[\d一二三四五六七八九十]{1,3}[次届]\Z")


@cache
def _heads_a_level(title: str) -> bool:
    """The post is the head of a level's government (县长, 常务副县长, 代理镇长)."""
    return _names_own_body(title) and _unprefixed(title)[:1] in _LEVEL_OPENINGS


def heads_level(title: str, level: str) -> bool:
    """The post heads the government of the level whose word is ``level`` (县长, 常务副县长 of 县;
    镇长 of 镇)."""
    return _heads_a_level(title) and _unprefixed(title).startswith(level)


def _unprefixed(title: str) -> str:
    """The post without the prefixes of the post before it (常务副县长 -> 县长)."""
    while prefix := next((p for p in post_prefixes() if title.startswith(p) and len(title) > len(p)), None):
        title = title[len(prefix) :]
    return title


def _division_sharing_level(org: str, title: str) -> str:
    """西吉|县长, 隆德|县长: a division written short before its head's post shares the post's level
    word (西吉县长 is 西吉县's 县长): that division (西吉县), else no body (研究部署|县长).

    The short name is of two characters or more (not 典礼|县长 -> 礼县, 高兴|县长 -> 兴县, 原|州长 ->
    原州) and stands where a body opens: at the clause's start or after a list's word or 原 (西吉、海原
    县长, 原西吉县长), and the characters before it make no dictionary word with its first (和平安区长)."""
    level = title[:1]
    if level not in _DIVISION_LEVELS:
        return ""
    whole = org + level
    forms = gazetteer.load().forms
    for n in range(min(_LONGEST_PLACE, len(whole)), _SHORT_DIVISION, -1):
        at = len(org) - n + 1
        if whole[-n:] in forms and (
            at == 0
            or (
                org[at - 1] in small_words()["division_openers"]
                and not any(word_tag(org[i : at + 1]) for i in range(max(0, at - _WORD_BEFORE), at))
            )
        ):
            return whole[-n:]
    return ""


# The shortest short name of a division written before its head's post (西吉|县长), and the longest
# word before it that may hold its first character (和平|安区长).
_SHORT_DIVISION = 2
_WORD_BEFORE = 3


def _ends_body_or_place(org: str) -> bool:
    """``org`` ends with an organisation's or a place's ending, or with a post (县委常委)."""
    return (
        org.endswith(word_list("person_place_endings.txt"))
        or any(m.end() == len(org) for m in org_suffix_pattern().finditer(org))
        or title_ends().at(org, len(org))
    )


def org_start(clean: str, end: int, breaks: frozenset[int], floor: int = 0) -> int:
    """Where a body written before a post ending at ``end`` begins: after the last stop word,
    non-Han character or line break (a heading above a signature line), at most ``MAX_ORG``
    characters before the post, and not before ``floor`` (where the name of the post holder before
    ends; a conjunction there joins the two holders: 副省长A|和省人大常委会副主任B)."""
    return _org_start_and_post(clean, end, breaks, floor)[0]


def _org_start_and_post(clean: str, end: int, breaks: frozenset[int], floor: int) -> tuple[int, str | None]:
    """:func:`org_start`, and the longest post ``clean[start:end]`` ends with: the one read to keep
    stop words out of the post (the start never cuts into it, but for a conjunction opening a
    post), handed to the chain so that it is not looked up twice."""
    start = _body_start(clean, end, breaks, floor, MAX_ORG)
    if end - start == MAX_ORG:
        # The bound is the body's: a long post leaves the body its whole length
        # (新疆维吾尔自治区伊犁哈萨克自治州人大常委会党组书记).
        post = longest_title_ending(clean[start:end])
        if post:
            start = _body_start(clean, end, breaks, floor, MAX_ORG + len(post))
    cut = start + 1 if start == floor > 0 and clean[start] in CONJUNCTIONS else start
    # A stop word never cuts into the post itself (被告: 被 stops a body, not this post).
    title = longest_title_ending(clean[start:end])
    limit = end - len(title) if title else end
    # 西藏自治区新任|主席: a term right before the post stands between it and its body, and the
    # stop word it may be (新任) ends no body there.
    term = TERM_BEFORE_POST.search(clean, start, limit) if clean.endswith(_TERM_LAST, start, limit) else None
    body_end = term.start() if term else limit
    # 全国人大农业与农村委员会: a congress's or a CPPCC's committee may hold 与 in its name.
    committee = _joined_committee(clean, start, body_end)
    for stop in org_stop_pattern().finditer(clean, start, end, overlapped=True):
        if (
            stop.end() <= body_end
            and not _joins_fields(clean, stop.start(), stop.end())
            and not _body_and_de(clean, stop, title)
            and not (committee and committee.start() < stop.start() < committee.end())
            and not _place_holds(clean, start, stop.start(), stop.end())
            and not (stop.group() in _CLAUSE_OPENERS and stop.start() > 0 and is_han(clean[stop.start() - 1]))
        ):
            cut = max(cut, stop.end())
    cut = _after_photo_credit(clean, cut, limit)
    # 原临夏县人大常委会副主任: 原 (former) opens no body, unless a place starts there (原平市).
    if clean.startswith(_FORMER, cut) and cut + 1 < limit and not _place_at(clean, cut):
        cut += len(_FORMER)
    # 以|乐昌市委农办副主任…为副组长, 由|县政府办主任…: a preposition before a place opens no body.
    elif clean[cut : cut + 1] in _PREPOSITIONS and cut + 1 < limit and _place_at(clean, cut + 1):
        cut += 1
    # 访|申扎县副县长 (a headline's interview), 在走访|县人大代表…: a verb of visiting opening the
    # run before a level's word or a place opens no body.
    elif (
        (visit := _visit_verb_at(clean, cut)) and cut + len(visit) < limit and opens_level_body(clean, cut + len(visit))
    ):
        cut += len(visit)
    # 当地|县委书记, 该县|县委常委, 该|县委书记: a word pointing at a place named before opens no body.
    elif reference := _reference_before_body(clean, cut, limit, title):
        cut += len(reference)
    # 工作报告和镇人大主席: a conjunction before a level's word joins two phrases, and the body
    # starts after it (住房和城乡建设局 holds 和 inside: no level's word follows it there), unless
    # a division's name runs through the conjunction (政和县人民政府, 平和县委).
    for joined in _JOINED_LEVEL.finditer(clean, cut, limit):
        if not _place_holds(clean, cut, joined.start(), joined.end()):
            cut = joined.end()
    # 热烈欢迎|市委书记, 经|县委书记: a level's own body (市委, 县政府) written after words that end
    # no place opens the body; the words before it are the clause's verb or preposition.
    if limit - cut > 2:
        level = _LEVEL_BODY.search(clean, cut + 1, limit)
        if (
            level is not None
            and not title_ends().at(clean, level.start())  # 县委常委|县委办主任: posts run together
            and not clean.endswith(word_list("person_level_owners.txt"), cut, level.start())
            and not _place_or_word_ends(clean, cut, level.start() + 1)
            and not _level_written_again(clean, cut, level.start())
        ):
            cut = level.start()
    # 一行送|后勤管理处副处长, 代表团到|县卫生健康局局长: a one-character verb between the clause's
    # subject and a body is the clause's, and the body starts after it.
    # The 与 inside a committee's name is no verb before the body.
    if committee is None or cut > committee.start():
        cut = _after_verb_before_body(clean, cut, limit)
    cut = _after_opening_verb(clean, cut, limit)
    cut = _after_verb_before_level_body(clean, cut, limit)
    cut = _after_verb_of_people(clean, cut, limit)
    cut = _after_verb_word_before_body(clean, cut, limit)
    cut = _after_roster_pair(clean, cut, limit)
    cut = _after_verb_before_post(clean, cut, limit, title)
    # 2023年11月21日|眉县县长, 日前|眉县县长: a date or a time word before a place opens no body.
    date_start = cut
    while date_start > 0 and clean[date_start - 1].isdecimal():
        date_start -= 1  # a body's run stops at a digit: its date may start before the run
    dated = _date_before_body().match(clean, date_start, limit)
    if dated is not None and cut < dated.end() < limit and _place_at(clean, dated.end()):
        cut = dated.end()
    # 新一届镇人大主席, 三名村支部书记: a term or a count opens no body.
    opening = TERM_OR_COUNT.match(clean, cut, limit)
    if opening is not None and opening.end() < limit:
        cut = opening.end()
    # 新任|主席, ，前任|主席: a term with no body before it opens the post's run.
    if term and cut >= term.start():
        cut = term.end()
    return cut, title if cut <= limit else longest_title_ending(clean[cut:end])


# jieba's tags of the fields a body's name joins with 与 (农业与农村, 自然资源与规划, 文化与旅游).
_FIELD_TAGS = frozenset({"n", "vn", "an"})


def _joins_fields(clean: str, start: int, end: int) -> bool:
    """The stop word ``clean[start:end]`` is 与 joining two fields inside one body's name
    (人大农业与农村委员会, 市自然资源与规划局): a noun of two characters stands on each side, the
    one before written onto the body's opening, not opening the clause (记者与农业农村局局长: the
    reporter is no part of the body), and no word for people (调研组成员与…)."""
    if clean[start:end] != "与" or start < 3:
        return False
    before, after = clean[start - 2 : start], clean[end : end + 2]
    return (
        is_han(clean[start - 3])
        and word_tag(before) in _FIELD_TAGS
        and word_tag(after) in _FIELD_TAGS
        and before not in word_list("person_group_words.txt")
        and not title_ends().at(clean, start)
    )


def _visit_verb_at(clean: str, pos: int) -> str:
    """The verb of visiting at ``pos`` (person_words.toml visit_verbs_before_bodies), longest
    first, or ''."""
    return listed_word_at(clean, pos, small_words()["visit_verbs_before_bodies"])


def _reference_before_body(clean: str, pos: int, limit: int, title: str | None) -> str:
    """The word pointing at a place named before (person_words.toml references_before_bodies) at
    ``pos`` before a level's body that ends at ``limit``, where the post ``title`` starts (当地|县委,
    该县|县委), or a demonstrative written onto the name of a level's body (demonstratives_before_levels:
    该|县委, 本|镇党委书记); or ''."""
    words = small_words()
    reference = listed_word_at(clean, pos, words["references_before_bodies"])
    if reference and pos + len(reference) < limit and opens_level_body(clean, pos + len(reference)):
        return reference
    level = clean[pos + 1 : pos + 2]
    if clean[pos : pos + 1] not in words["demonstratives_before_levels"] or not is_level_word(level):
        return ""
    # 该县|县长, 该县|原县长: right before a post of the level's own (its word written in it) the
    # level's word is one word with the demonstrative, which is the body.
    own_post = level in (title or "") and clean[pos + 2 : limit] in ("", _FORMER)
    return "" if own_post else clean[pos]


# The particle between a body and its post (刑事审判庭的承办法官): left out of the body's name.
_DE = "的"


def _body_and_de(clean: str, stop: regex.Match[str], title: str | None) -> bool:
    """The stop word is 的 written between a body's name and the post ``title`` right after it
    (县人民法院刑事审判庭的承办法官): an organisation's ending closes the words before it, and the
    post is a post of the table (张家村的村民 describes people: 村民 is no post)."""
    at = stop.start()
    return (
        stop.group() == _DE
        and title is not None
        and title in post_words()
        and clean.startswith(title, stop.end())
        and any(m.end() == at for m in org_suffix_pattern().finditer(clean, max(0, at - 4), at))
    )


@cache
def _long_below_suffixes() -> tuple[str, ...]:
    """Suffixes of places below the county of two characters or more (街道, 社区): no verb of a
    clause stands right before one, where 到|镇政府 may."""
    return tuple(suffix for suffix in below_suffixes() if len(suffix) > 1)


def _after_opening_verb(clean: str, cut: int, limit: int) -> int:
    """Where a body starts after a verb of one or two characters opening the run before a post,
    right before a division's name (a headline's 访|那曲地区申扎县副县长, 专访|平安县县长), else
    ``cut``: the verb makes no longer word with what follows and no place's name holds it (通化市)."""
    if cut > 0 and is_han(clean[cut - 1]):
        return cut
    # The division's name is asked first: a lookup in the gazetteer's small table, where jieba's
    # dictionary is a large one, and most runs hold none there.
    for n in (2, 1):
        at = cut + n
        if (
            limit - at >= 2
            and _place_at(clean, at)
            and word_tag(clean[cut:at]) == "v"
            and clean[cut] not in small_words()["body_opening_verbs"]
            and not word_tag(clean[cut : at + 1])
            and not word_tag(clean[at - 1 : at + 1])
            and not _place_across(clean, at - 1)
        ):
            return at
    return cut


@cache
def _verb_before_level_body() -> tuple[re.Pattern[str], int]:
    """A verb of person_words.toml verbs_before_level_bodies before a level's word, and the longest verb's length."""
    verbs = small_words()["verbs_before_level_bodies"]
    return re.compile(rf"(?:{alternation(verbs)})(?=[{_DIVISION_LEVELS}])"), max(map(len, verbs))


def _after_verb_before_level_body(clean: str, cut: int, limit: int) -> int:
    """Where a body starts after a verb of the clause written right before a level's word
    (要结合|省民委主任, 围绕|市委书记; person_words.toml verbs_before_level_bodies), else ``cut``."""
    # A verb may run across the cut a stop word made (对|照县纪委: 对照).
    verbs, longest = _verb_before_level_body()
    reach = max(0, cut - longest + 1)
    for verb in verbs.finditer(clean, reach, limit):
        cut = verb.end()
    return cut


@cache
def _verbs_of_people() -> tuple[re.Pattern[str], int]:
    """A verb of person_words.toml verbs_of_people_before_posts, and the longest verb's length."""
    verbs = small_words()["verbs_of_people_before_posts"]
    return re.compile(alternation(verbs)), max(map(len, verbs))


def _after_verb_of_people(clean: str, cut: int, limit: int) -> int:
    """Where a body starts after a verb whose object is the post's holder (要感谢|村党支部书记,
    提起|驻村第一书记; person_words.toml verbs_of_people_before_posts), written right before the
    post at ``limit``, a level's word or a verb naming a body's station (驻村), else ``cut``."""
    verbs, longest = _verbs_of_people()
    for verb in verbs.finditer(clean, max(0, cut - longest + 1), limit):
        at = verb.end()
        if at > cut and (
            at == limit or clean[at] in _LEVEL_OPENINGS or clean[at] in small_words()["body_opening_verbs"]
        ):
            cut = at
    return cut


def _after_verb_before_body(clean: str, cut: int, limit: int) -> int:
    """Where a body starts after a one-character verb or preposition of the clause written
    between its subject and the body (一行送|后勤管理处, 他到|县卫生健康局), else ``cut``.

    The verb is a word of its own (no dictionary word runs across it: 建设局, 派出所; but a
    preposition may end a compound verb: 交给|县财政局), no place holds it (驻马店, 锡林郭勒盟), a
    subject stands before it (:func:`_subject_ends`) that ends no place or level's word
    (县|融媒体中心 is one body), or for a preposition a verb (发包给|村监会), and a body follows: a
    level's word, a place or a dictionary word (后勤管理处). A verb that names a body's station
    (驻村工作队) opens one."""
    # A verb may open the run right after a stop word (一行|送), not a clause (送|后勤…处长 is no verb).
    low = cut - 1 if cut > 0 and is_han(clean[cut - 1]) else cut
    if limit - 2 <= low + 1:
        return cut
    for found in _verb_chars().finditer(clean, low + 1, limit - 2):  # right to left
        at, verb = found.start(), found.group()
        if clean[at - 1] in _LEVEL_OPENINGS:
            continue
        # 交给|县财政局, 发包给|村监会: a preposition that ends a compound verb is that verb's.
        compound = word_tag(verb) == "p" and word_tag(clean[at - 1 : at + 1]).startswith("v")
        if (
            (word_tag(clean[at - 1 : at + 1]) and not compound)
            or word_tag(clean[at : at + 2])
            or word_tag(clean[at : at + 3])
            or not (_subject_ends(clean, at) or compound or (word_tag(verb) == "p" and _verb_ends(clean, at)))
            or _place_across(clean, at)
            or _place_ends(clean, cut, at)
            or _joins_fields(clean, at, at + 1)
            # 市农技站|办公室: the character closes an organisation's ending, as no verb does.
            or clean.endswith(word_list("person_org_suffixes.txt"), cut, at + 1)
            # 五里墩|街道党工委: the character ends the name of a place below the county.
            or clean.startswith(_long_below_suffixes(), at + 1)
            # 县法院|审委会: the character opens a committee inside a body.
            or clean.startswith(small_words()["sub_bodies"], at)
        ):
            continue
        rest = at + 1
        if (
            clean[rest] in _LEVEL_OPENINGS
            or clean[rest] in small_words()["body_opening_verbs"]
            or _place_at(clean, rest)
            or word_tag(clean[rest : rest + 2])
        ):
            return rest
    return cut


def _after_verb_before_post(clean: str, cut: int, limit: int, title: str | None) -> int:
    """``limit`` when a verb of two characters after an adverb or a pronoun ends right before the
    post (村民们纷纷称赞|驻村第一书记, 大家都感谢|第一书记): the clause's predicate, no body. A
    prefix of the post (执行主席), a head of a body named by its ending (统战|部长: 统战部) or a
    place's name holding the verb leaves ``cut``."""
    verb = clean[limit - 2 : limit]
    if (
        title is None
        or limit - cut < 3
        or word_tag(verb) != "v"
        or verb in post_prefixes()
        or not any(word_tag(clean[limit - 2 - n : limit - 2])[:1] in ("d", "r") for n in (1, 2) if limit - 2 - n >= cut)
        or (len(title) == 2 and title[0] in word_list("person_org_suffixes.txt"))
        or _place_across(clean, limit - 1)
    ):
        return cut
    return limit


# The shortest run before a post that holds another post and its holder's name (县长王强|书记).
_SHORTEST_ROSTER_RUN = 4


def _after_roster_pair(clean: str, cut: int, limit: int) -> int:
    """Where a body starts after a post and the name holding it written before the post ending at
    ``limit`` (a roster line whose spaces the clean view took out: 审判长杨小平审判员陈红|书记员刘芳),
    else ``cut``: no body holds a holder."""
    if limit - cut < _SHORTEST_ROSTER_RUN:
        return cut
    start = cut
    for end in range(cut + 2, limit - 1):
        if not title_ends().at(clean, end):
            continue
        holder = next((end + n for n in (3, 2) if title_starts().at(clean, end + n) and end + n <= limit), None)
        # 丽江市民|宗局|局长: a "name" ending with a body's ending (局) closes a body, no holder.
        if holder is not None and is_name_shape(clean[end:holder]) and not _ends_body(clean[cut:holder]):
            start = holder
    return start


def _after_verb_word_before_body(clean: str, cut: int, limit: int) -> int:
    """Where a body starts after a verb of two characters written between the clause's subject
    and a body that opens with a level's word or a division's name (记者坐上|日喀则地委,
    村民扎西送去|自治区党委), else ``cut``: a dictionary verb, after a word that is its subject
    (:func:`_subject_ends`), that no place's name holds."""
    # The body's opening is asked first (a level's word, or a lookup in the gazetteer's small
    # table), the verb after it (a lookup in jieba's large one): most positions open no body.
    bodies_opening_levels = small_words()["bodies_opening_levels"]
    for end in range(limit - 2, cut + 1, -1):
        if (
            (opens_level_body(clean, end) or clean.startswith(bodies_opening_levels, end))
            and word_tag(clean[end - 2 : end]) == "v"
            and _subject_ends(clean, end - 2)
            # 海西蒙古族藏族自治|州委: the verb (自治) is inside a long place's name.
            and not _place_across(clean, end - 1, _LONGEST_PLACE)
            # 广西自治|区来宾市委: the verb and the level's word make a word (自治区), the body's.
            and not word_tag(clean[end - 2 : end + 1])
        ):
            return end
    return cut


@cache
def _verb_chars() -> regex.Pattern[str]:
    """One character that jieba's dictionary tags a verb or a preposition (送, 到, 给), but for
    those that open a body's name (person_words.toml body_opening_verbs); searched right to left."""
    chars = {chr(c) for c in range(0x4E00, 0x9FA6) if word_tag(chr(c)) in ("v", "p")}
    chars -= set(small_words()["body_opening_verbs"])
    return regex.compile(f"[{''.join(sorted(chars))}]", regex.REVERSE)


def _subject_ends(clean: str, end: int) -> bool:
    """A dictionary word of two characters or more that is no verb, or a pronoun, ends at ``end``
    (一行, 代表团, 他): the subject of a verb there, not the name the verb's character belongs to
    (递|铺街道, 金积|镇)."""
    for n in (3, 2, 1):
        tag = word_tag(clean[end - n : end]) if end - n >= 0 else ""
        if tag and not tag.startswith("v") and (n > 1 or tag.startswith("r")):
            return True
    return False


def _verb_ends(clean: str, end: int) -> bool:
    """A verb of two characters ends at ``end`` (发包|给村监会委员): the preposition after it takes
    the body as its object."""
    return word_tag(clean[end - 2 : end]).startswith("v")


def _place_across(clean: str, at: int, longest: int = 8) -> bool:
    """A division's name of at most ``longest`` characters holds the character at ``at``
    (驻马店, 锡林郭勒盟)."""
    forms = gazetteer.load().forms
    starts = range(max(0, at - longest + 2), at + 1)
    spans = ((start, end) for start in starts for end in range(max(at + 1, start + 2), start + longest + 1))
    return any(clean[start:end] in forms for start, end in spans)


# The level words a division's full name ends with (称多县, 玉树州): a short form (称多) opens bodies
# of other kinds too.
_DIVISION_LEVELS = "省市州盟县区旗"


def _division_opens(clean: str, at: int, end: int, longest: int = 8) -> bool:
    """A division's full name, ending in a level word, starts at ``at`` and ends before ``end``
    (副州长|称多县|委)."""
    forms = gazetteer.load().forms
    return any(
        clean[at + n - 1] in _DIVISION_LEVELS and clean[at : at + n] in forms for n in range(3, min(longest, end - at))
    )


def _place_ends(clean: str, start: int, end: int, longest: int = 8) -> bool:
    """A division's name (平安县, 吕梁) of at most ``longest`` characters ends at ``end``,
    starting at or after ``start``."""
    forms = gazetteer.load().forms
    return any(clean[end - n : end] in forms for n in range(2, min(longest, end - start) + 1))


# The longest division's name (黔东南苗族侗族自治州).
_LONGEST_PLACE = 12


def _body_start(clean: str, end: int, breaks: frozenset[int], floor: int, reach: int) -> int:
    """Where the run of Chinese characters (no chain mark) before ``end`` that a body may span
    starts: at most ``reach`` back, not before ``floor``, after the last line break in it."""
    low = max(0, floor, end - reach)
    run = _BODY_RUN.match(clean, low, end)
    assert run is not None  # {0,…}: an empty run matches
    start = run.start()
    # 市委“两新”工委, 经科委5组: a quoted word or a group's number inside the body is the body's.
    while (inside := _inside_body_at(clean, start, end)) > low:
        run = _BODY_RUN.match(clean, low, inside)
        assert run is not None
        start = run.start()
    if not breaks.isdisjoint(range(start + 1, end)):
        start = max(b for b in range(start + 1, end) if b in breaks)
    return start


# A short quoted word written inside a body (市委“两新”工委), read backwards from its closing quote.
_QUOTED_IN_BODY = regex.compile(r"(?r)(?<=\p{Han})[“\"「]\p{Han}{1,6}[”\"」]")
_CLOSING_QUOTES = frozenset('”"」')


# A group's number inside a body (经科委5组, 第3小组), read backwards from the group's word.
_GROUP_NUMBER = regex.compile(r"(?r)(?<=\p{Han})\d{1,3}")
_GROUP_WORDS = ("组", "小组", "队", "分队")


def _inside_body_at(clean: str, start: int, end: int) -> int:
    """Where a quoted word or a group's number ending at ``start`` begins, when Han characters
    stand before it and more of the body than a post after it (a quoted post, “最美”书记, is
    none), else 0."""
    # The quoted word's closing quote stands right before ``start``: most bodies hold none.
    mark = (
        _QUOTED_IN_BODY.match(clean, max(0, start - 8), start) if clean[start - 1 : start] in _CLOSING_QUOTES else None
    )
    if mark is None and clean.startswith(_GROUP_WORDS, start):
        mark = _GROUP_NUMBER.match(clean, max(0, start - 3), start)
    if mark is None or mark.start() == 0:
        return 0
    post = longest_title_ending(clean[start:end])
    return mark.start() if end - start > len(post or "") else 0


# A committee of a congress or a CPPCC whose name joins two fields with 与 (人大农业与农村委员会,
# 政协人口资源与环境委员会).
_JOINED_COMMITTEE = regex.compile(r"(?:人大|政协)(?:常委会)?\p{Han}{2,8}?(与)\p{Han}{2,8}?委员会")


def _joined_committee(clean: str, start: int, end: int) -> regex.Match[str] | None:
    """Such a committee's name in ``clean[start:end]``, unless a post ends before its 与 (市政协委员|与…:
    two people)."""
    if "与" not in clean[start:end]:
        return None
    committee = _JOINED_COMMITTEE.search(clean, start, end)
    return committee if committee is not None and not title_ends().at(clean, committee.start(1)) else None


# What marks a post as held before (原县长), written onto the body.
_FORMER = "原"
# Prepositions a clause puts before a body's place (以乐昌市委农办副主任丘某为副组长).
_PREPOSITIONS = frozenset("以由经在对向从为被")


# The words that open a level's body (州政法委, 县政府): a post before one ends there.
_LEVEL_OPENINGS = "省市州盟县区旗乡镇村"


def is_level_word(text: str) -> bool:
    """``text`` is one level of government's word (市, 县, 乡), which opens a level's body."""
    return len(text) == 1 and text in _LEVEL_OPENINGS


# A conjunction, then the word of a level of government that opens a body (和镇人大, 及县委).
_JOINED_LEVEL = re.compile(rf"[{''.join(LIST_CONJUNCTIONS)}](?=[{_LEVEL_OPENINGS}])")


# The word of a level above the township and the start of that level's own body (市委, 县政府, 区人大).
_LEVEL_BODY = re.compile(r"[省市县区州旗盟](?=委|政府|人民政府|人大|政协|纪委|监委)")


def _place_or_word_ends(clean: str, start: int, end: int) -> bool:
    """A division's name (平安县, 山西省吕梁市) or a dictionary word (开发区) ends at ``end``,
    starting at or after ``start``."""
    return _place_ends(clean, start, end) or any(
        is_common_word(clean[end - n : end]) for n in (2, 3) if end - n >= start
    )


def _level_written_again(clean: str, start: int, at: int) -> bool:
    """A place's name ending with the level's word at ``at`` ends right before it (黄南藏族自治州|州委):
    the level's own body is the place's."""
    return clean[at - 1 : at] == clean[at] and _place_ends(clean, start, at, _LONGEST_PLACE)


# A term or a count before a body (新一届, 第二任, 三名): no part of it.
TERM_OR_COUNT = re.compile(
    r"(?:新一|上一|第[\d一二三四五六七八九十]{1,3})(?:届|任)|[\d两二三四五六七八九十]{1,3}(?:名|位)"
    r"|(?:满|过)?[\d两二三四五六七八九十]{1,3}届"  # 已任满两届|村主任, 任过三届|村主任: terms served
)


# A term written between a body and its post (自治区新一任主席, 县新任县长): part of neither.
TERM_BEFORE_POST = re.compile(r"(?:新一|上一|第[\d一二三四五六七八九十]{1,3}|首|新|前)任\Z")
# The last character of every such term: the search, which tries each start, is made only where it ends the run.
_TERM_LAST = "任"


@cache
def _photo_credit() -> re.Pattern[str]:
    return words_pattern(small_words()["photo_credits"])


def _after_photo_credit(clean: str, start: int, limit: int) -> int:
    """Where a body written in ``clean[start:limit]`` starts once a photo credit closes the text
    before it (县委宣传部供图|全国政协委员): after the last credit a body opens right after, else
    ``start``."""
    national = small_words()["national_body_openings"]
    for credit in _photo_credit().finditer(clean, start, limit):
        if credit.end() < limit and (opens_level_body(clean, credit.end()) or clean.startswith(national, credit.end())):
            start = credit.end()
    return start


def opens_level_body(clean: str, pos: int) -> bool:
    """A level's word or a division's name starts at ``pos`` (县委…, 汕尾市委…): a body opens there."""
    return clean[pos : pos + 1] in _LEVEL_OPENINGS or _place_at(clean, pos)


@cache
def _date_before_body() -> re.Pattern[str]:
    """A written date (2023年11月21日, 十月) or a time word (person_words.toml
    time_words_before_bodies) that may open the run before a body."""
    time_words = alternation(small_words()["time_words_before_bodies"])
    return re.compile(rf"(?:(?:\d{{1,4}}|[〇零一二两三四五六七八九十]{{1,4}})[年月日])+|{time_words}")


def _place_holds(clean: str, floor: int, start: int, end: int) -> bool:
    """A division's name of three or more characters, starting at or after ``floor``, holds
    ``clean[start:end]`` and runs past it (政和县 holds 和, 会同县 holds 会同): a conjunction or a
    stop word inside a name ends no body there. A name opening with the word counts only where
    the run opens (会同县县长, but 县财政局|会同|县审计局 is the verb); two-character names are
    left out (工作报告|和|县人大: the conjunction and a level's word)."""
    for name, offset in _names_holding(clean[start:end]):
        begin = start - offset
        if begin >= floor and (offset > 0 or start == floor) and clean.startswith(name, begin):
            return True
    return False


@cache
def _names_holding(word: str) -> tuple[tuple[str, int], ...]:
    """Division names of three or more characters holding ``word`` before their last character,
    each with the word's offset in it."""
    return tuple(
        (name, offset)
        for name in gazetteer.load().forms
        if len(name) >= 3
        for offset in range(len(name) - len(word))
        if name.startswith(word, offset)
    )


def _place_at(clean: str, pos: int) -> bool:
    """A division's name starts at ``pos`` (原平市, 原阳县)."""
    forms = gazetteer.load().forms
    # Two lookups written out, no generator: it is asked at each position of a body's run.
    return clean[pos : pos + 2] in forms or clean[pos : pos + 3] in forms


# What ends a sentence: a body carried along a sentence stops here.
_SENTENCE_STOP = regex.compile(r"[。；;！？!?\n]")


_ASIDE = regex.compile(r"\(([^()]{1,12})\)")


_ASIDE_PARTS = regex.compile(r"[，,、]")


# A birth year in an aside after a name (杨光（1978年生）任…).
# 1968年4月生, 1968年出生, 生于1968年, 出生于1968年4月.
BIRTH_NOTE = regex.compile(r"(?:\d{4}年(?:\d{1,2}月)?(?:生|出生)|出?生于\d{4}年(?:\d{1,2}月)?)")


@cache
def _post_notes() -> frozenset[str]:
    return frozenset(word_list("person_post_notes.txt"))


def _is_aside(content: str) -> bool:
    """（挂职）, （正科级）, （女，土家族）: every part a note on the post or a nationality."""
    parts = _ASIDE_PARTS.split(content)
    return all(
        part in _post_notes() or (len(part) >= 2 and part.endswith("族")) or BIRTH_NOTE.fullmatch(part)
        for part in parts
    )


def aside_after(clean: str, pos: int) -> int:
    """Where the text goes on after an aside in brackets at ``pos`` (else ``pos``)."""
    m = _ASIDE.match(clean, pos) if clean.startswith("(", pos) else None
    return m.end() if m is not None and _is_aside(m.group(1)) else pos


def aside_before(clean: str, end: int) -> int:
    """Where an aside in brackets that ends at ``end`` begins (else ``end``)."""
    if clean[end - 1 : end] != ")":
        return end
    open_at = clean.rfind("(", max(0, end - 14), end)
    return open_at if open_at >= 0 and _is_aside(clean[open_at + 1 : end - 1]) else end


def chain_before(clean: str, end: int, breaks: frozenset[int]) -> list[Title]:
    """The posts written as a 、-chain ending right before a name at ``end``.

    Each item is split into body and post; an item with no body takes the body of
    the item before it (``党组书记、局长``), unless its post names its own body
    (``市委常委、副市长``: 副市长 belongs to the government, not 市委).
    """
    return chain_span(clean, end, breaks)[1]


def _lone_post_at(clean: str, start: int, end: int) -> Title | None:
    """A post that is one only standing alone (person_words.toml ``lone_posts``) at
    ``start``-``end``: at a clause's start or after 的 or a nationality (代表、…书记农世杰)."""
    words = small_words()
    if clean[start:end] not in words["lone_posts"]:
        return None
    before = clean[start - 1 : start]
    if start > 0 and is_han(before) and before not in words["lone_post_openers"]:
        return None
    return Title(title=clean[start:end])


def lone_post_mentions(doc: Document) -> Iterator[Mention]:
    """``代表梁志坚说``, ``畲族代表蓝玉凤在审议时建议``: a lone post (:func:`_lone_post_at`), or a
    delegate to a congress written short (:func:`_congress_delegate_posts`), then a full name that
    ends where names end."""
    clean = doc.clean
    for post in _lone_post_pattern().finditer(clean):
        title = _lone_post_at(clean, post.start(), post.end())
        titles = [title] if title is not None else _congress_delegate_posts(doc, post.end())
        if not titles:
            continue
        length = read_name(clean, post.end(), guess=False)
        if length and not title_starts().at(clean, post.end() + length):
            yield Mention(post.end(), post.end() + length, clean[post.end() : post.end() + length], titles)


# The longest congress written short with its delegate (出席省第十二次党代会代表 is read by the chain;
# this is how far back its short name is looked for: 二十大代表).
_SHORT_CONGRESS_DELEGATE = 6


def _congress_delegate_posts(doc: Document, end: int) -> list[Title]:
    """The posts of a chain ending at ``end`` in a delegate to a congress written short (我省十八大代表,
    党的二十大代表, 出席省第十二次党代会代表: :data:`_CONGRESS_DELEGATE`), else []."""
    clean = doc.clean
    if _CONGRESS_DELEGATE.search(clean, max(0, end - _SHORT_CONGRESS_DELEGATE), end) is None:
        return []
    return chain_span(clean, end, doc.line_breaks)[1]


@cache
def _lone_post_pattern() -> re.Pattern[str]:
    return words_pattern(small_words()["lone_posts"])


def _run_together_end(clean: str, start: int, end: int, title: str) -> int:
    """Where a post written onto the body ``clean[start:end]`` of ``title`` ends and a level's
    body or post opens (云南省大理州委常委|州政法委, 县委书记|县长), else 0: the post after a body
    of its own. A post that names its own body after a post (县委常委|常务副县长) and a body after
    a party membership (县委常委|组织部) open there too."""
    for at in range(end, start + 3, -1):
        if at == end - 1:
            continue  # one character is no body
        if not title_ends().at(clean, at):
            continue
        # 长新居民|区党总支 holds no post 居民: a word of the dictionary runs across the end (居民区).
        if at < end and is_common_word(clean[at - 2 : at + 1]):
            continue
        # 玉树州副州长|称多县委书记: a division's full name (称多县) opens another level's body too.
        opens = (
            (clean[at] in _LEVEL_OPENINGS or _division_opens(clean, at, end)) if at < end else _names_own_body(title)
        )
        if not opens and at < end:
            member = title_ends().word_at(clean, at)
            # 县人大常委|会办公室: no body word runs across the end of the membership.
            opens = (
                member in small_words()["run_together_posts"]
                and _ends_body_or_place(clean[at:end])
                and not any(m.start() < at < m.end() for m in org_suffix_pattern().finditer(clean, start, end))
            )
        if opens and split_item(clean[start:at]) is not None:
            return at
    return 0


def chain_span(
    clean: str, end: int, breaks: frozenset[int], *, groups: int = 2, floor: int = 0
) -> tuple[int, list[Title]]:
    """Where the chain of posts ending at ``end`` starts, and its posts (:func:`chain_before`).

    A clause of posts alone before a comma is the same person's (县委副书记、县长，县人大常委会
    党组书记李小平): up to ``groups`` comma-separated groups are read. No chain reaches back
    past ``floor``, where the previous holder's name ends."""
    items: list[Title] = []
    starts: list[int] = []  # where each item starts
    later = 0  # how many of the items (read backwards) stand after a word of when (现任)
    start = end
    while len(items) < MAX_CHAIN and end > floor:
        end = aside_before(clean, end)  # 组织部副部长（正科级）、…局长
        start, post = _org_start_and_post(clean, end, breaks, floor)
        item = _split_item(clean[start:end], post)
        if item is not None and item.org is None and clean[start - 1 : start] in _ASIDE_OPENINGS:
            start, item = _body_with_aside(clean, start, breaks, floor, item)
        elif item is not None and item.org is not None and clean[start - 1 : start] == ")":
            start, item = _registered_seat(clean, start, breaks, floor, item)
        if item is None and items:
            item = _lone_post_at(clean, start, end)  # 代表、村党总支书记农世杰
        if item is None or (item.title is None and not items and start == end):
            break
        # 州委常委州政法委书记: a post ends inside the body where a level's body opens: two posts
        # written without the 、 between them.
        body_end = start + len(item.org or "")
        joint = _run_together_end(clean, start, body_end, item.title) if body_end > start and item.title else 0
        if joint:
            items.append(Title(org=clean[joint:body_end] or None, title=item.title))
            starts.append(joint)
            end = joint
            continue
        items.append(item)
        starts.append(start)
        # 后勤管理处副处长、现任驻村第一书记: a word of when opening an item after 、 is no break.
        openers = small_words()["chain_item_openers"]
        # One test of the whole tuple first: most items open with none.
        opener = next(w for w in openers if clean.endswith(w, 0, start)) if clean.endswith(openers, 0, start) else ""
        if opener and clean[start - len(opener) - 1 : start - len(opener)] in _CHAIN_MARKS:
            start -= len(opener)
            later = len(items)
        if start == 0 or clean[start - 1] not in _CHAIN_MARKS:
            break
        end = start - 1
    items.reverse()
    starts.reverse()
    # 副市长A、市监察委负责人、市法院负责人、市检察院检察长B: after a list mark (a list of people
    # before the chain), a leading item that stands for an unnamed holder is a person of its own.
    if clean[start - 1 : start] == "、":
        stand_ins = small_words()["unnamed_holder_posts"]
        while len(items) > 1 and items[0].title in stand_ins:
            items, starts = items[1:], starts[1:]
            start = starts[0]
    # 县交通局、水利局局长: bodies listed before a post share it.
    shared = next((item.title for item in items if item.title), None)
    lead = next((n for n, item in enumerate(items) if item.title), len(items))
    if shared is not None and lead > 0:
        items[:lead] = [Title(org=item.org, title=shared) for item in items[:lead]]
    if items and items[0].title is None:
        return start, []
    if items and items[0].org is None and clean[start - 1 : start] == _OF:
        items[0] = Title(org=_named_body_before(clean, start - 1, breaks, floor), title=items[0].title)
    # The posts after a word of when take no body from those before it (副处长、现任驻村第一书记).
    cut = len(items) - later
    titles = carry_bodies(items[:cut]) + carry_bodies(items[cut:])
    if (
        titles
        and groups > 1
        and start > max(1, floor)
        and clean[start - 1] in ",，"
        and clean[start - 2] in _title_last_chars()
    ):
        before_start, before = chain_span(clean, start - 1, breaks, groups=groups - 1, floor=floor)
        # “孙书记，…村支书刘某: a surname and a post with no body before the comma address another person.
        addressed = bool(before) and before[0].org is None and _surname_only(clean[before_start : start - 1], before[0])
        if before and before[-1].title and not addressed and (before_start == 0 or not is_han(clean[before_start - 1])):
            # 县卫健委党组书记，主任张羽: a post after the comma without a body takes the one before.
            return before_start, carry_bodies([*before, *titles])
    return start, titles


def _surname_only(group: str, first: Title) -> bool:
    """What opens ``group`` before its first post is a surname alone (袁|书记): a form of address."""
    head = group[: group.find(first.title)] if first.title and first.title in group else ""
    return bool(head) and surname_length(head) == len(head)


# What may join a body and its post (县人民法院刑事审判庭的承办法官).
_OF = "的"


def _named_body_before(clean: str, end: int, breaks: frozenset[int], floor: int) -> str | None:
    """The body written before the 的 at ``end`` that a post after it belongs to: one with an
    organisation's ending that a level's word or a place opens (县人民法院刑事审判庭的|承办法官),
    else None (参加会议的|代表)."""
    start = org_start(clean, end, breaks, floor)
    body = clean[start:end]
    return body if len(body) > 2 and _ends_body(body) and opens_level_body(clean, start) else None


def _body_with_aside(
    clean: str, post_start: int, breaks: frozenset[int], floor: int, item: Title | None
) -> tuple[int, Title | None]:
    """``县人大常委会办公室（代表联络室）主任``: a body's second name in brackets between the body
    and its post is an aside; the post is the body's (org 县人大常委会办公室), as is a section
    qualifying the body of a chain's item (、龙会河（威远段）县级河长: org 龙会河). So is a nickname in
    quotation marks between a body and its post (村党支部“领头雁”书记: org 村党支部). Returns where
    the body starts and the post, else ``post_start`` and ``item`` unchanged."""
    opening = _ASIDE_OPENINGS[clean[post_start - 1]]
    open_at = clean.rfind(opening, max(0, post_start - 2 - _MAX_ASIDE_BODY), post_start - 1)
    inner = clean[open_at + 1 : post_start - 1]
    if open_at <= 0 or item is None or not inner or not all(is_han(c) for c in inner):
        return post_start, item
    start = _org_start_and_post(clean, open_at, breaks, floor)[0]
    body = clean[start:open_at]
    # An item of a chain (副县长、龙会河（威远段）县级河长) is bounded by 、: a section in brackets there
    # qualifies its body whatever that ends with; a nickname names no body, the words before it do.
    in_chain = start > 0 and clean[start - 1] in _CHAIN_MARKS and opening == "("
    aside_named = opening != "(" or _ends_body(inner)
    if not body or not (in_chain or (aside_named and _ends_body(body))):
        return post_start, item
    return start, Title(org=body, title=item.title)


# The closing marks of what may stand between a body and its post, each with its opening mark: an
# aside in brackets, a nickname in quotation marks.
_ASIDE_OPENINGS = {")": "(", "”": "“", "」": "「"}


def _registered_seat(clean: str, org_at: int, breaks: frozenset[int], floor: int, item: Title) -> tuple[int, Title]:
    """``蓝思精密(泰州)有限公司总经理``: a company registers its place in brackets inside its name;
    the trade name before the bracket is the body's too. Returns where the body starts and the
    post, else ``org_at`` and ``item`` unchanged."""
    open_at = clean.rfind("(", max(0, org_at - 2 - _MAX_SEAT), org_at - 1)
    seat = clean[open_at + 1 : org_at - 1]
    if open_at <= 0 or not (item.org or "").endswith(registered_suffixes()) or seat not in gazetteer.load().forms:
        return org_at, item
    start = _org_start_and_post(clean, open_at, breaks, floor)[0]
    if start == open_at:
        return org_at, item
    return start, Title(org=clean[start : org_at + len(item.org or "")], title=item.title)


# Longest place registered in brackets inside a company's name (（内蒙古自治区）).
_MAX_SEAT = 7


# Longest second name of a body written in brackets before its post (（代表联络室）).
_MAX_ASIDE_BODY = 12


def _ends_body(text: str) -> bool:
    """``text`` ends with an organisation's ending (办公室, 联络室, 局)."""
    return any(m.end() == len(text) for m in org_suffix_pattern().finditer(text))


@cache
def _self_bodied_titles() -> frozenset[str]:
    return frozenset(word_list("person_self_bodied_titles.txt"))


def _names_own_body(title: str | None) -> bool:
    """The post names its own body (副市长, and with a prefix of the post: 代理镇长, 常务副县长)."""
    while title:
        if title in _self_bodied_titles():
            return True
        prefix = next((p for p in post_prefixes() if title.startswith(p) and len(title) > len(p)), None)
        if prefix is None:
            return False
        title = title[len(prefix) :]
    return False


@cache
def _title_last_chars() -> frozenset[str]:
    """The last characters of the posts: a cheap test that a post may end somewhere."""
    return frozenset(title[-1] for title in all_titles())


@cache
def _contracted_departments() -> frozenset[str]:
    """The departments a contracted post names (统战部 of 统战部长)."""
    return frozenset(body for body, _ in small_words()["contracted_posts"].values())


def carry_bodies(items: list[Title]) -> list[Title]:
    """A post written without a body takes the body of the post before it (``党组书记、局长``),
    unless the post names its own body (``市委常委、副市长``: 副市长 belongs to the government) and
    that body is no government (``区人民政府副区长、代理区长``: both the government's)."""
    carried: list[Title] = []
    body: str | None = None  # the body the posts so far belong to
    government = small_words()["government_endings"]
    sub_bodies = small_words()["sub_bodies"]
    seats, committee_posts = small_words()["standing_committee_seats"], small_words()["committee_posts"]
    after_seat = False  # a seat on the standing committee came last with a body written
    departments = _contracted_departments()
    for item in items:
        if item.org in sub_bodies:
            pass  # 县人民法院副院长、审判委员会委员、审判员: the post after the committee is the court's
        elif item.org is not None and item.org.endswith(sub_bodies):
            # 县法院审委会委员、副院长: the post after the court's committee is the court's.
            carried.append(item)
            body = item.org[: -len(next(sub for sub in sub_bodies if item.org.endswith(sub)))]
            continue
        elif (
            item.org is None
            and body
            and (not _names_own_body(item.title) or body.endswith(government))
            # 县委常委、组织部长: the seat lends its body to the committee's own posts only
            and not (after_seat and not (item.title or "").endswith(committee_posts))
        ):
            # 县公安局党委委员、副局长: an organ's own post after its party body's is the organ's.
            organ = _organ_of_party_body(body)
            carried_body = organ if organ and not (item.title or "").endswith(committee_posts) else body
            item = Title(org=carried_body, title=item.title)
        elif item.org is None and body and _names_own_body(item.title) and not body.endswith(government):
            # 乡党委副书记、乡长、四级调研员: after the head of a level's government the party
            # body's run ends; the posts after it are no longer that body's.
            body = None
        elif item.org is not None and item.org not in departments:
            body = item.org
        # 州委常委、统战部长、秘书长: a contracted post written alone names only its department,
        # which the run of the committee's posts goes on past.
        if item.org is not None and item.org not in departments:
            after_seat = item.title in seats
        carried.append(item)
    return carried


def _organ_of_party_body(org: str) -> str:
    """The organ whose party committee or group ``org`` is (县公安局党委 -> 县公安局: person_words.toml
    organ_party_bodies), or ''; a level's (镇党委, 金山镇党委, 社区党委) is no organ's."""
    party = next((p for p in small_words()["organ_party_bodies"] if org.endswith(p)), "")
    organ = org[: -len(party)] if party else ""
    return organ if organ and organ[-1] not in _LEVEL_OPENINGS else ""


# What may stand between a holder's name and the next holder's posts in a body's list.
_NEXT_HOLDER_MARKS = ("、", *LIST_CONJUNCTIONS)


def carry_along(clean: str, start: int, titles: list[Title], carried: tuple[int, Title]) -> list[Title]:
    """``县人大常委会主任A主持会议，副主任B、C``, ``旗政协主席A、副主席B``: a chain opening a clause
    of the same sentence, or listed right after the holder before it,
    with a post written without its body takes the body of the post before it, unless the
    post names its own body (县委书记A讲话，副县长B主持: 副县长 is no 县委 post). Only a post of
    the same rank line (主任 -> 副主任, 书记 -> 副书记) or a membership is carried along."""
    after, before = carried
    if (
        start == 0
        # 旗政协主席A、副主席B, 镇党委书记A和组织委员B: a 、 or a conjunction right after the
        # holder's name lists the next holder too.
        or not (clean[start - 1] in ",，" or (clean[start - 1] in _NEXT_HOLDER_MARKS and start - 1 == after))
        or _SENTENCE_STOP.search(clean, after, start)
    ):
        return titles
    return carry_rank_line(titles, before)


def carry_rank_line(titles: list[Title], before: Title) -> list[Title]:
    """The posts of the next holder in a body's list (主任A，副主任B; 选举A为镇人大主席，B为副主席):
    a first post written without its body takes the body of the post before it where it is of the
    same rank line (主任 -> 副主任, 书记 -> 副书记: the same last two characters) or a membership,
    and names no body of its own."""
    first = titles[0]
    if (
        first.org is not None
        or before.org is None
        or _names_own_body(first.title)
        # The same rank line ends as the post before ends (主任, 副主任): two characters, since one
        # joins other lines (委员 and 人民陪审员 both end in 员).
        or not (first.title or "").endswith(((before.title or "--")[-2:], *small_words()["body_offices"]))
    ):
        return titles
    return carry_bodies([Title(org=before.org, title=first.title), *titles[1:]])


# 以丽江市委书记罗杰为团长的丽江市党政代表团: 以 opens the phrase, 为 gives the post after the
# name, 的 the body it leads.
_MADE_BY = "以"
_MADE_AS = "为"
_MADE_REACH = MAX_ORG + 8
_CLAUSE_MARKS = regex.compile(r"[，,。；;！？!?\n]")


def post_made_as(clean: str, at: int) -> Title | None:
    """The post 以…为 gives the name ending at ``at`` (以县长王明为组长，), with the group written after
    it and 的 (以丽江市委书记罗杰为团长的丽江市党政代表团一行: 团长 of 丽江市党政代表团; the group's
    name ends with a word of person_words.toml led_group_endings); None where no post of the table
    (titles.txt) follows 为, or no 以 opens the phrase in the clause."""
    if not clean.startswith(_MADE_AS, at):
        return None
    opening = clean.rfind(_MADE_BY, max(0, at - _MADE_REACH), at)
    if opening < 0 or _CLAUSE_MARKS.search(clean, opening, at):
        return None
    post = title_pattern().match(clean, at + 1)
    if post is None or post.group() not in post_words():
        return None
    after = post.end()
    if not clean.startswith(_DE, after):
        return Title(org=None, title=post.group()) if not is_han(clean[after : after + 1] or "。") else None
    run = HAN_RUN.match(clean, after + 1, after + 1 + MAX_ORG)
    group = _led_group_pattern().search(clean, after + 1, run.end()) if run is not None else None
    return Title(org=clean[after + 1 : group.end()], title=post.group()) if group is not None else None


@cache
def _led_group_pattern() -> re.Pattern[str]:
    """The end of a group's name (person_words.toml led_group_endings)."""
    return words_pattern(small_words()["led_group_endings"])


_MAX_LABEL = 12


def line_label_post(doc: Document, chain_start: int) -> Title | None:
    """``县级总河长：县委书记　陈立新``: a post labelling the line before a colon, held by the
    name the line's chain of posts ends with; None if no such label stands before ``chain_start``."""
    clean = doc.clean
    if chain_start < 3 or clean[chain_start - 1] not in ":：":
        return None
    colon = chain_start - 1
    line = next((colon - n for n in range(2, _MAX_LABEL) if doc.line_starts_at(colon - n)), None)
    if line is None or not HAN_RUN.fullmatch(clean, line, colon):
        return None
    label = split_item(clean[line:colon])
    return label if label is not None and label.title is not None else None


def name_before_break(clean: str, pos: int, breaks: frozenset[int]) -> int:
    """Length of a name at ``pos`` that ends at a line break (a signature: 县长  孙海波, then
    the next paragraph), or 0."""
    for length in (2, 3, 4):
        if pos + length in breaks:
            return length if is_name_shape(clean[pos : pos + length]) else 0
    return 0
