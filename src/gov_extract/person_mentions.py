"""The mention rules that read a name from the posts, speech and visits around it: a chain of
posts before a name, a body then a name then a post, a speaker at a clause start, a visit,
an age, a leader's post after a name, contact lines and posts written after a name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import cache

import regex

from . import gazetteer
from .bylines import is_credit_label
from .names import (
    EVERYDAY_NAME_TAGGED,
    LONGEST_NAME,
    is_common_word,
    is_familiar_form,
    is_frequent_word,
    is_name_shape,
    surname_length,
    surnames,
    tagged_words,
    word_frequency,
    word_tag,
)
from .person_names import (
    ASPECT_PARTICLES,
    CLAUSE_PREPOSITIONS,
    DOT,
    HAN_RUN,
    LIST_CONJUNCTIONS,
    MANNER_LAST,
    NOT_IN_NAME,
    NOT_NAME_PART_TAGS,
    PEOPLE_COUNT,
    closing_speech_verb_at,
    context_name_length,
    dai_name_length,
    dotted_ends,
    dotted_start_before,
    ends_name,
    first_part_start,
    jieba_name_length,
    known_parts_length,
    manner_at,
    minority_first_chars,
    minority_name_length,
    mongolian_name_length,
    opens_with_known_part,
    read_name,
    speaker_name_length,
    syllables_end_at,
    unsurnamed_name_length,
    verb_at,
)
from .person_posts import (
    MAX_CHAIN,
    MAX_ORG,
    POST_MARKS,
    TERM_OR_COUNT,
    aside_after,
    aside_before,
    carry_along,
    carry_bodies,
    carry_rank_line,
    chain_before,
    chain_span,
    heads_level,
    is_level_word,
    is_post_word,
    line_label_post,
    name_before_break,
    opens_level_body,
    org_start,
    past_attending_verb,
    post_made_as,
    split_item,
)
from .person_words import (
    COMRADE,
    Mention,
    Vocabulary,
    cadres,
    descriptions,
    members,
    naming_words,
    post_verbs,
    post_words,
    small_words,
    speech_verb_pattern,
    title_ends,
    title_pattern,
    title_set,
    title_starts,
    word_list,
)
from .picture_captions import POSITION_NOTE, places_a_person
from .place_words import below_suffixes, cut_at
from .place_words import word_lists as place_word_lists
from .records import Title
from .resources import WordEnds, alternation, listed_word_at, read_toml, read_words, words_pattern
from .text import Document, is_han
from .word_index import word_hits

# 的还有, 的有, 的是 after a post, perhaps with a colon: a list of its holders follows
# (当选为常委的还有王某、李某, 当选为州委常委的有：王某、李某).
_ALSO_HAVE = regex.compile(r"还有[:：]?|[有是][:：]?(?=\p{Han})")


# Closing quotation marks: the speaker's name follows one (“…。”朝克图说).
_CLOSING_QUOTES = frozenset("”\"」'")


# The length of a Han name of a one-character surname and a two-character given name.
_FULL_NAME = 3
# The longest given name read after a surname without a post to guess from (王|晓峰).
_GIVEN_NAME = 2


# How often jieba's dictionary must have seen a word for it to be an everyday one: it holds some
# full names too, seldom seen and tagged as places (马建国: 3, ns), where 满意度 is seen 126 times.
_EVERYDAY_WORD = 30


def _common_word(text: str) -> bool:
    """The dictionary knows ``text`` as an everyday word (满意度), not a name it happens to hold."""
    return is_common_word(text) and word_frequency(text) >= _EVERYDAY_WORD


# The length of the word a longer reading may open with (康复|后), and the tags of the words after it
# that end no given name: locatives and function words (后, 了, 在, 和, 其).
_OPENING_WORD = 2
_LOCATIVE_OR_FUNCTION_TAGS = frozenset("fupcr")
_TIME_TAG = "t"


def _frequent_word_read(clean: str, pos: int, length: int) -> bool:
    """A reading after a word for people that is a word the dictionary meets too often for a name,
    whatever its tag (村民|康复出院, 群众|明白了), or that word and a locative or function word (老人|
    康复后回到; not 种植户高峰岩熟练地…, a name), where no word that follows names comes after it
    (村民向东说 names him)."""
    opening = clean[pos : pos + _OPENING_WORD]
    rest = clean[pos + _OPENING_WORD : pos + length]
    if not is_frequent_word(opening) or _names_frequent_word(clean, pos, length):
        return False
    # A locative or function word read into the name closes the word (村民|康复后|又…), and so does
    # a speech verb (老人|康复说), whatever follows; the word alone is a name only where a word that
    # follows names comes next.
    if rest:
        return word_tag(rest)[:1] in _LOCATIVE_OR_FUNCTION_TAGS or bool(speech_verb_pattern().match(rest))
    return not ends_name(clean, pos + length)


# The most often met word a name may still be (高峰: 1556, the most frequent name measured by
# scripts/name_frequency_split.py); 明白 (10875), 文明 (6584) are words whatever follows.
_NAME_FREQUENCY_CEILING = 2000


def _names_frequent_word(clean: str, pos: int, length: int) -> bool:
    """A reading at ``pos`` after a word for people, a frequent word a name may be, is a name where
    what follows it says so, as words do not (高峰|的果园, 向东|一家五口, 高峰|后来: person_words.toml
    followers_of_frequent_names, or a word of time, jieba's tag t); not 群众明白的道理."""
    if word_frequency(clean[pos : pos + length]) >= _NAME_FREQUENCY_CEILING:
        return False
    at = pos + length
    followers = tuple(small_words()["followers_of_frequent_names"])
    return clean.startswith(followers, at) or word_tag(clean[at : at + _OPENING_WORD]) == _TIME_TAG


_LIST_MARK = "、"
_VERB_TAG = "v"


def _parallel_verb_phrase(clean: str, pos: int, length: int) -> bool:
    """A reading after a word for people that opens with a surname the dictionary tags a verb
    (戴, 包) and stands before a 、 and an item no surname opens (农民|戴草帽、穿雨靴): a 、 joins
    like with like, and the item after it says the reading is a verb and its object too."""
    after = pos + length
    return (
        clean[after : after + 1] == _LIST_MARK
        and word_tag(clean[pos]) == _VERB_TAG
        and is_han(clean[after + 1 : after + 2] or "。")
        and not surname_length(clean[after + 1 : after + 3])
    )


_NOUN_TAG = "n"


def _compound_noun_read(clean: str, pos: int, length: int) -> bool:
    """A reading after a word for people that the dictionary knows as a word (周转, which it tags a
    name), written onto a noun of two characters where no word that follows names stands (教师|
    周转|公寓): the word qualifies the noun, and both are the people's (周转公寓 are teachers')."""
    end = pos + length
    return (
        word_frequency(clean[pos:end]) > 0
        and word_tag(clean[end : end + _OPENING_WORD]) == _NOUN_TAG
        and not ends_name(clean, end)
    )


# A count right after a word for kin (兄弟俩, 姐妹仨): no name follows.
_KIN_COUNTS = frozenset("俩仨")


def _assignment_at(clean: str, pos: int) -> bool:
    """A verb of assignment and what it assigns to open the reading at ``pos`` (队员|驻村调研, 干部|包户):
    a verb and its object, no name (person_descriptions.toml cadres)."""
    table = cadres()
    return clean[pos : pos + 1] in table["assignment_verbs"] and clean[pos + 1 : pos + 2] in table["assigned_to"]


def _time_or_count(clean: str, pos: int, length: int) -> bool:
    """A reading after a word for people that opens with a count (兄弟|俩白手起家) or holds a time
    word (儿子|周末回家, 妹妹|童年时, 孙女|于今年考上): no name."""
    if clean[pos] in _KIN_COUNTS:
        return True
    size = surname_length(clean[pos : pos + length])
    if length <= size + 1:
        return False
    # 周末, 童年 (not a weekday: 周一鸣); a time after a preposition (于|今年; not 郑|国庆).
    return (word_tag(clean[pos : pos + 2]) == "t" and clean[pos + 1] not in _WEEKDAY_NUMBERS) or (
        word_tag(clean[pos : pos + size]) == "p" and word_tag(clean[pos + size : pos + length]) == "t"
    )


# What follows 周 in a weekday's name (周一, 周日), a first given character as often.
_WEEKDAY_NUMBERS = frozenset("一二三四五六日天")


def _full_name_after_de(clean: str, pos: int) -> int:
    """A full name of three characters after a post and 的, read as after a post, where a word
    other than one that follows names comes next (已是执行局局长的周建辉|早就…); else 0. A word of
    the dictionary is what the post's holders have (贫困户的|满意度)."""
    length = read_name(clean, pos, guess=True, unsurnamed=False)
    if length != _FULL_NAME or _common_word(clean[pos : pos + length]):
        return 0
    return length if surname_length(clean[pos : pos + length]) == 1 else 0


# The longest post read in quotation marks before a name (“驻村第一书记”).
_QUOTED_POST = 8


def _quoted_post_before(clean: str, end: int) -> bool:
    """A post ending at ``end`` stands in quotation marks that close at ``end`` (“第一书记”王立新):
    the opening mark stands a post's length before, with Chinese characters only between."""
    if clean[end : end + 1] not in _CLOSING_QUOTES:
        return False
    low = max(0, end - _QUOTED_POST - 1)
    opened = max(clean.rfind("“", low, end), clean.rfind('"', low, end))
    return opened >= 0 and HAN_RUN.fullmatch(clean, opened + 1, end) is not None


def _speaker_after_body(clean: str, end: int) -> bool:
    """A Han name of two or three characters right after a body ending at ``end``, then a speech
    verb (工作队王馨说): cheap tests only, the name is read by the caller."""
    return (
        clean[end : end + 1] in surnames()[0]
        and surname_length(clean[end : end + 2]) == 1
        and any(speech_verb_pattern().match(clean, end + length) for length in (2, 3))
    )


def _word_runs_past(clean: str, end: int) -> bool:
    """主席|台就坐: a word of the dictionary runs on past a post's end at ``end``; 群众|路线,
    社会长|治久安: a set phrase of four characters does too."""
    return (
        is_common_word(clean[end - 2 : end + 1])
        or is_common_word(clean[end - 2 : end + 2])
        or is_common_word(clean[end - 1 : end + 3])
    )


def _post_straddles_words(clean: str, end: int) -> bool:
    """The longest post ending at ``end`` opens on the last character of a dictionary word begun
    before it and ends on the first of one that runs on past it (便|民警|务站, 司|法警|察): two
    words hold it, and no post stands there. Where a surname follows, a name may (村委会主任|何家兵:
    任何 is a word too), and names of places are no such words (西吉|县长|武维东: 吉县, 长武)."""
    if surname_length(clean[end : end + 2]):
        return False
    post = title_ends().word_at(clean, end)
    if post is None or len(post) != _HELD_POST:
        return False  # 全国|人大代表|达瓦卓玛: 国人 and 表达 leave 大代 between them, no two words hold it
    start = end - len(post)
    return start > 0 and _plain_word(clean[start - 1 : start + 1]) and _plain_word(clean[end - 1 : end + 1])


# The length of a post two words of two characters hold whole (便|民警|务站).
_HELD_POST = 2


def _plain_word(word: str) -> bool:
    """A common word of the dictionary that names no place nor person (便民, 警务; not 长武)."""
    return is_common_word(word) and not word_tag(word).startswith(("ns", "nr", "nz"))


@cache
def _visit_words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """(words of coming, provinces' short names of one character or more, words of a visit's work)."""
    words = read_toml("person_visit_words.toml")
    provinces = frozenset(words["province_shorts"]) | frozenset(words["province_names"])
    return frozenset(words["coming"]), provinces, tuple(words["work"])


def _coming_to_province(clean: str, pos: int, length: int) -> bool:
    """``clean[pos:pos + length]`` is a word of coming and a province's short name before the work
    of a visit (总书记来宁视察, 总理来黔调研, 总书记来青海考察): no name, though 来 is a surname."""
    coming, provinces, work = _visit_words()
    return (
        length > 1  # a word of coming, then a province of one character or more
        and clean[pos] in coming
        and clean[pos + 1 : pos + length] in provinces
        and clean.startswith(work, pos + length)
    )


# The length of a set phrase (齐聚一堂, 欢聚一堂).
_SET_PHRASE_LENGTH = 4


def _idiom_across(clean: str, pos: int, length: int) -> bool:
    """A set phrase of the dictionary opens at ``pos`` where a name of at most its length was read
    (人大代表|齐聚一|堂, 政协委员|齐聚一堂): the phrase, no name. Where no surname opens the reading,
    only an idiom is (院长|以身|作则): the dictionary lists some Tibetan names as proper nouns (拉巴次仁)."""
    if not 0 < length <= _SET_PHRASE_LENGTH:
        return False
    phrase = clean[pos : pos + _SET_PHRASE_LENGTH]
    if surname_length(phrase[:2]) > 0:
        return is_common_word(phrase)
    return word_tag(phrase) in _IDIOM_TAGS


# jieba's tags of idioms and set phrases (以身作则: i).
_IDIOM_TAGS = frozenset({"i", "l"})


# What closes the clause before a post (陪同副县长的有：… looks back to it for its verb).
_CLAUSE_CLOSE = re.compile(r"[。；;！!？?，,：:\n]")


def _appointed_before(clean: str, end: int) -> bool:
    """The clause up to the post starting at ``end`` holds a verb that gives it (当选为州委常委的有：…,
    担任…的还有): only then are the names listed after 的有/的是 its holders (陪同副县长的有：刘洋,
    竞选村委会主任的有：王刚: they accompany or seek it)."""
    low = max(0, end - MAX_ORG - 8)
    close = max((m.end() for m in _CLAUSE_CLOSE.finditer(clean, low, end)), default=low)
    clause = clean[close:end]
    return any(verb in clause for verb in post_verbs())


# The characters other than Chinese ones that a chain's reading may go on at after a post: a
# list's link (LIST_LINK: a colon, or the marks a broken page left), an aside's bracket, the
# close of a quoted post.
_OPENING_AFTER_POST = frozenset(":?\ufffd(") | _CLOSING_QUOTES


def chain_mentions(doc: Document, vocabulary: Vocabulary) -> Iterator[Mention]:
    """``市委常委、副市长刘晋萍``, ``…党组成员、现代农业发展服务中心陈杰斌``: posts, then a name."""
    clean, breaks = doc.clean, doc.line_breaks
    post_ends = vocabulary.post_ends
    # A bare body ends a chain only after a post and a 、 (…党组成员、…中心陈杰斌), or before a
    # speaker's name (工作队王馨说, 县农业农村局李明介绍).
    # (only the ends the loop below reads: not a post's, which it reads anyway, nor one inside a word)
    inside = vocabulary.inside
    body_ends = {
        end
        for start, end in vocabulary.bodies
        if end < len(clean)
        and not inside[end]
        and end not in post_ends
        and (clean.find("、", max(0, start - 30), start) >= 0 or _speaker_after_body(clean, end))
    }
    all_body_ends = sorted({end for _start, end in vocabulary.bodies})
    carried: tuple[int, Title] | None = None  # where the last post holder's name ends, its last post
    for end in sorted(post_ends | body_ends):
        # A longer post or body runs on here: no name starts inside it (评标委员|会, 被告|人).
        if end >= len(clean) or vocabulary.inside[end]:
            continue
        # Most posts end before punctuation, where nothing below is read: no name, link, 的, aside
        # or quotation's close is written there (each of those opens with a Chinese character or
        # one of _OPENING_AFTER_POST).
        if not is_han(clean[end]) and clean[end] not in _OPENING_AFTER_POST:
            continue
        # A post a word of the dictionary runs on past (_word_runs_past) ends no chain: asked on
        # each path below before it reads anything, after the cheaper tests that leave most ends.
        # 妇女|儿童权益 holds no 女儿: where a word for ordinary people (not a post: jieba cuts
        # 主|任何|海明) ends, jieba's cut runs a word across the end (asked only where the last
        # character and the next make a word and a surname follows). The word for people is asked
        # first: it is a few words compared, where the dictionary's is a lookup in a large table.
        if (
            _ordinary_people().at(clean, end)
            and surname_length(clean[end : end + 2])
            and is_common_word(clean[end - 1 : end + 1])
            and not cut_at(clean, end)
        ):
            continue
        link = LIST_LINK.match(clean, end) if end in post_ends else None
        if link is not None:
            if _word_runs_past(clean, end):
                continue
            # 县长：王建军, 副县长分别是：李强、王芳 (a list of leaders by post): the names after the colon.
            colon_titles = chain_before(clean, end, breaks)
            # 值班总编：孙 / 复审：…: a line of a credit roll is the bylines' (its editors are reporters).
            if is_credit_label(clean, doc.line_start(end), end):
                continue
            if colon_titles and colon_titles[-1].title:
                # 审判员：王海　李静: names set apart by spaces, as in a roster line.
                spaced = any(doc.joined_at(link.end() + n) for n in (2, 3, 4))
                listed_names = (
                    spaced_names(doc, link.end(), after_post=True)
                    if spaced
                    else names_in_list(clean, link.end(), breaks, guess=True)
                )
                for listed in listed_names:
                    yield Mention(listed.start, listed.end, listed.name, colon_titles)
            continue
        if clean[end] == "的" and end in post_ends:
            if _word_runs_past(clean, end):
                continue
            # 当选为村委会主任的王建国说, 担任村党支部书记的王某: a post, 的, then a full name.
            described_titles = _chain_after_holder(clean, vocabulary, breaks, all_body_ends, end)[1]
            also = _ALSO_HAVE.match(clean, end + 1)
            if (
                also is not None
                and described_titles
                and described_titles[-1].title
                and _appointed_before(clean, end - len(described_titles[-1].title))
            ):
                # 当选为自治区党委常委的还有杨金海、崔玉兰…: the list of those who hold the post.
                for listed in names_in_list(clean, also.end(), breaks, guess=True):
                    yield Mention(listed.start, listed.end, listed.name, described_titles)
                continue
            length = read_name(clean, end + 1, guess=False) or _full_name_after_de(clean, end + 1)
            if described_titles and described_titles[-1].title and length:
                # 没有当选镇长的李华: a negated post verb gives the name no post
                posts = [] if _negated_post(clean, chain_span(clean, end, breaks)[0], end) else described_titles
                yield Mention(end + 1, end + 1 + length, clean[end + 1 : end + 1 + length], posts)
            continue
        if end in post_ends and clean.startswith(_COPULA, end) and (held := _held_by_copula(clean, end, breaks)):
            yield held  # 该村党支部书记是才让吉。
            continue
        if end in post_ends and clean.startswith(_POST_HAVE, end):
            # 新当选的副镇长有陈红、李强: the post's holders listed after 有 (不是 有陈红).
            yield from _held_by_list(clean, end, breaks)
            continue
        if end in post_ends and clean.startswith(_POST_AS, end) and (holders := _held_as(clean, end, breaks)):
            yield from holders  # 本案公诉人为陈刚、赵丽。
            continue
        if title_starts().at(clean, end):
            continue  # a body before a post (宣传部|部长): the name comes after the post
        name_at = aside_after(clean, end)  # 副县长（挂职）陈宏伟
        # “第一书记”王立新: a post in quotation marks, then the name.
        quoted = name_at == end and end in post_ends and _quoted_post_before(clean, end)
        name_at += quoted
        # 提名副县长人选张宏标: the nomination closes the post, and the name holds it (one test of the
        # whole tuple first: most posts have no closer after them).
        nominee = (
            _nominee_length(clean, name_at)
            if name_at == end and end in post_ends and clean.startswith(_nominee_closers(), name_at)
            else 0
        )
        name_at += nominee
        if name_at >= len(clean) or not is_han(clean[name_at]):
            continue  # no name can follow: the chain before is not read
        if end in post_ends and (_word_runs_past(clean, end) or _post_straddles_words(clean, end)):
            continue
        # Only a post licenses guessing a name (格桑卓玛, 王大海提交); after a bare body the
        # name must have a known surname (a body word also ends inside posts: 局|长). Read so, it
        # does not depend on the chain: it is read first, as most bodies have no name after them.
        guess = name_at in post_ends or quoted or nominee > 0
        length = first = 0
        may_drop = False
        if guess:
            # A speed path: after a post the name is read before the chain of posts, and where
            # none is read the chain is not (most posts have no name after them). A name without
            # a Han surname is allowed where a post that allows one ends here (the chain's last
            # post is one of the words ending here); the reading is then the one the last post
            # allows, or a wider one that a reading without it replaces below.
            post_end = aside_before(clean, end)
            may_drop = _unsurnamed_posts().at(clean, post_end)
            first = read_name(clean, name_at, guess=True, unsurnamed=may_drop)
            ordinary = _ordinary_people().at(clean, post_end)  # asked below on every path: looked up once
            # 村民玉儿甩在…, 群众依香在…: a Dai name after a word for ordinary people.
            dai = not first and ordinary and dai_name_length(clean, name_at)
            first = first or dai
            if _coming_to_province(clean, name_at, first) or _idiom_across(clean, name_at, first):
                continue  # 总书记来宁视察, 人大代表齐聚一堂
            if (
                first
                and ordinary
                and (
                    _common_word(clean[name_at : name_at + first])
                    or _time_or_count(clean, name_at, first)
                    or _frequent_word_read(clean, name_at, first)
                    or _parallel_verb_phrase(clean, name_at, first)
                )
            ):
                continue  # 提高群众|满意度: a word of the dictionary is what the people have, no name
            if first and _speaker_words().at(clean, post_end) and _compound_noun_read(clean, name_at, first):
                continue  # 教师|周转公寓: the word and a noun after it are the people's thing, no name
            # (the words for members are words for ordinary people: asked only after one)
            if first and ordinary and _member_words().at(clean, post_end) and not _member_named(clean, name_at, first):
                continue  # 会员高达3000人, 学员毕业后回到家乡: the word opens an everyday phrase
            if ordinary and _assignment_at(clean, name_at):
                continue  # 工作队队员|驻村调研: a verb and its object, no speaker's name
            if (
                not first
                and not name_before_break(clean, name_at, breaks)
                and (may_drop or not _speaker_words().at(clean, post_end) or not speaker_name_length(clean, name_at))
            ):
                continue
        else:
            length = read_name(clean, name_at, guess=False) or name_before_break(clean, name_at, breaks)
            if not length:
                continue
        chain_start, titles = _chain_after_holder(
            clean, vocabulary, breaks, all_body_ends, end, floor=carried[0] if carried else 0
        )
        # Posts that close a line after other words are that line's (王建国　…村委会主任 / 刘海燕…):
        # the name opening the next line is not their holder.
        # A headline ending in a post (…选举产生新一届镇长 / 本报讯…) is no post line either.
        written = sum(len(t.org or "") + len(t.title or "") + 1 for t in titles)
        if name_at in breaks and (
            (chain_start not in breaks and chain_start > 0)
            or doc.first_joined(chain_start + 1, end) < end
            or written < end - chain_start
        ):
            continue
        if titles and carried is not None:
            titles = carry_along(clean, chain_start, titles, carried)
        label = line_label_post(doc, chain_start) if titles else None
        if label is not None:
            titles = [label, *titles]
        speaker_body = (
            not titles and not guess and length <= _FULL_NAME and speech_verb_pattern().match(clean, name_at + length)
        )
        if speaker_body:
            # A body alone before a speaker's name is the speaker's (工作队王馨说, 县农业农村局李明介绍).
            body_start = org_start(clean, end, breaks)
            titles = [Title(org=clean[body_start:end], title=None)] if body_start < end else []
        end = name_at
        if not titles or not (titles[-1].title or len(titles) > 1 or speaker_body):
            continue
        if (titles[0].org or titles[0].title or "").startswith(small_words()["generic_post_openers"]):
            continue
        if guess:
            # After an occupation (村民, 游客, 董事长) a name must have a known surname too.
            unsurnamed = is_post_word(titles[-1]) or titles[-1].title in descriptions()[1]
            wider = first and may_drop and not unsurnamed  # read allowing what this post does not
            reading = read_name(clean, end, guess=True, unsurnamed=False) if wider and not dai else first
            length = reading or name_before_break(clean, end, breaks)
            if (
                not unsurnamed
                and titles[-1].title in _speaker_word_set()
                and not (length and ends_name(clean, end + length))
            ):
                # 牧民宝音图告诉记者, 护林员贡保说: after a word for ordinary people or an occupation a
                # name without a Han surname stands only as the speaker of the clause; so read, it
                # replaces a Han reading that cuts it where no name ends (牧民阿拉|腾巴根说).
                length = max(length, speaker_name_length(clean, end))
        # A full name of three characters before a line break ends there (市长 周建华 / 一、…);
        # a shorter piece is a name the line break cut (马玉 / 林说).
        cut = next((b - end for b in range(end + 3, end + length) if b in breaks), 0)
        # Known Tibetan parts too (县委书记尼玛才仁 / 尼玛才仁和群众…).
        if cut and (is_name_shape(clean[end : end + cut]) or minority_name_length(clean[end : end + cut], 0) == cut):
            length = cut
        # A reading longer than a Han name that a space cuts after a full name is two names of a
        # roster line (副县长　马德华　钱小燕); a space right after the surname pads a short one (王　刚).
        # So does a space before a word the reading runs into (副县长 李明　　责任单位：…).
        gap = doc.first_joined(end + 2, end + length) - end if length > 2 else length
        if (
            gap < length
            and (length > _FULL_NAME or is_common_word(clean[end + gap : end + gap + 2]))
            and is_name_shape(clean[end : end + gap])
        ):
            length = gap
        # A post right after the name, or one it runs into (河长|办主|任), means the "name" was
        # a verb and an object (局长任副班长) or part of a body.
        # A post on the next line is the next roster line's (陪审员  彭秀英 / 书记员  王丽娟).
        # A word for people after a name describes it (王秀英老人).
        following = title_pattern().match(clean, end + length) if length else None
        post_next = following is not None and following.group() not in descriptions()[0] and end + length not in breaks
        if length and not post_next and not vocabulary.inside[end + length]:
            carried = (end + length, titles[-1])
            made = post_made_as(clean, end + length)
            yield Mention(end, end + length, clean[end : end + length], [*titles, made] if made else titles)


def _chain_after_holder(
    clean: str, vocabulary: Vocabulary, breaks: frozenset[int], body_ends: list[int], end: int, floor: int = 0
) -> tuple[int, list[Title]]:
    """:func:`chain_span` of the posts ending at ``end``, not reaching back past a name written
    between a body and its post (县委刘伟书记、副书记陈明: :func:`body_name_post_at`): that post is
    its holder's, and the rank line carries its body to the posts after it (副书记 of 县委)."""
    start, titles = chain_span(clean, end, breaks, floor=floor)
    single, compound = surnames()
    for pos in reversed(body_ends[bisect_left(body_ends, start) : bisect_left(body_ends, end)]):
        # A surname is asked first: most body ends in a chain have a post after them, no name.
        if clean[pos : pos + 1] not in single and clean[pos : pos + 2] not in compound:
            continue
        held = body_name_post_at(clean, vocabulary, breaks, pos)
        if held is not None:
            post = held.titles[0]
            start, titles = chain_span(clean, end, breaks, floor=max(floor, held.end + len(post.title or "")))
            return start, carry_rank_line(titles, post) if titles else titles
    return start, titles


# 有 or 还有 right after a post, before a list of its holders (当选的副县长有李明、王强).
_POST_HAVE = ("还有", "有")
_HAVE = "有"


def _held_by_list(clean: str, end: int, breaks: frozenset[int]) -> Iterator[Mention]:
    """The names listed after a post ending at ``end`` and 有 (副镇长有陈红、李强), each holding the
    post; only where the first has a known surname and 有 makes no word with it (县长有关工作,
    书记有信心: no list)."""
    at = end + (2 if clean.startswith("还有", end) else 1)
    if is_common_word(clean[at - 1 : at + 1]) or not read_name(clean, at, guess=False):
        return
    titles = chain_before(clean, end, breaks)
    if not titles or not titles[-1].title:
        return
    listed = list(names_in_list(clean, at, breaks, guess=True))
    if listed and clean.startswith("的", listed[-1].end):
        return  # 局长有王强的支持: what the post holder has, not who holds the post
    if listed and (last := _joined_last(clean, listed[-1].end)) is not None:
        listed.append(last)  # 第一书记有孔令军、刘伟和赵强三人
    if len(listed) == 1 and not _lone_holder(clean, listed[0]):
        return
    for name in listed:
        yield Mention(name.start, name.end, name.name, titles)


# 公诉人为陈刚、赵丽。: a post, 为, then the full names holding it.
_POST_AS = "为"


def _held_as(clean: str, end: int, breaks: frozenset[int]) -> list[Mention]:
    """The full names after a post ending at ``end`` and 为 that close its clause (本案公诉人为陈刚、
    赵丽。, 审判长为刘伟，), each holding the post; not a name the clause goes on after (县长为王刚颁奖:
    为 is "for"), nor a word 为 makes (书记为人正派)."""
    at = end + len(_POST_AS)
    if is_common_word(clean[end : at + 1]) or not read_name(clean, at, guess=False):
        return []
    listed = list(names_in_list(clean, at, breaks))
    if (
        not listed
        or listed[0].start != at
        or clean[listed[-1].end : listed[-1].end + 1] not in _COPULA_CLAUSE_ENDS
        or any(read_name(clean, m.start, guess=False) != m.end - m.start for m in listed)
    ):
        return []
    titles = chain_before(clean, end, breaks)
    if not titles or not titles[-1].title:
        return []
    return [Mention(m.start, m.end, m.name, titles) for m in listed]


def _joined_last(clean: str, pos: int) -> Mention | None:
    """The last name of a list of holders, joined by 和, 与 or 及 at ``pos`` (陈红、刘伟和赵强三人,
    王强和李丽。): a full name with a known surname that closes the clause or has 等 or a count after it."""
    if clean[pos : pos + 1] not in LIST_CONJUNCTIONS:
        return None
    # 赵强三人: the name is read up to the count (a reading may take its numeral).
    for length in (_FULL_NAME, _FULL_NAME - 1):
        end = pos + 1 + length
        name = clean[pos + 1 : end]
        if (
            (clean[end : end + 1] in _HOLDERS_CLOSE or _PEOPLE_COUNT.match(clean, end))
            and surname_length(name)
            and is_name_shape(name)
        ):
            return Mention(pos + 1, end, name)
    return None


# What closes a list of a post's holders after 有 (副县长有王强和李丽。, 有…等).
_HOLDERS_CLOSE = ("", "。", "，", ",", "；", ";", "\n", "等")


def _have_idiom(clean: str, name: Mention) -> bool:
    """The name after a post's 有 reads 有X有Y, what the holder has (有车有房, 有声有色), not a name
    with 有 as its given name's first character (副县长有刘有田, 村主任有王有才)."""
    if clean[name.start + 1 : name.start + 2] != _HAVE:
        return False
    last = clean[name.start + 2 : name.start + 3]
    return last not in small_words()["given_after_have"] or bool(word_tag(clean[name.start - 1 : name.start + 3]))


def _lone_holder(clean: str, name: Mention) -> bool:
    """One name after a post and 有 with no list around it (镇长有张立新。): it closes a clause or a
    count follows (等, 三人), and its given name is no verb or noun of the dictionary (县委书记有何打算？,
    县长有金点子, 乡长有章可循: what the holder has)."""
    # 村主任有马有牛, 镇长有江有河 (有…有…), 村支书有高招 (a word): what the holder has.
    if _have_idiom(clean, name) or is_common_word(name.name):
        return False
    after = clean[name.end : name.end + 1]
    if after == "等" or _PEOPLE_COUNT.match(clean, name.end):
        return True
    given = name.name[surname_length(name.name) :]
    tag = word_tag(given) if len(given) > 1 else ""
    return after in ("", "。", "，", ",", "；", ";", "\n") and not (tag[:1] == "v" or tag in ("n", "i", "l"))


@cache
def _unsurnamed_posts() -> WordEnds:
    """The posts after which a name may have no Han surname (public posts, parties to a case)."""
    return WordEnds(post_words() | descriptions()[1])


@cache
def _ordinary_people() -> WordEnds:
    """The words for ordinary people, after which a name without a Han surname is a speaker's."""
    return WordEnds(descriptions()[0])


@cache
def _member_words() -> WordEnds:
    return WordEnds(members())


def _member_named(clean: str, pos: int, length: int) -> bool:
    """``会员桑秀峰、董晓丹``, ``学员张华说``: after a word for members, which opens everyday phrases
    too, a name has a Han surname, a shape the dictionary does not read as words nor knows as an
    everyday word (张贴, 陈述, 黄金周 it tags as names), and a list's comma or a word that follows names
    after it (not a count: 会员高达3000人)."""
    name, end = clean[pos : pos + length], pos + length
    if not surname_length(name) or not is_name_shape(name) or word_frequency(name) >= _EVERYDAY_WORD:
        return False
    return clean.startswith("、", end) or (ends_name(clean, end) and not clean[end : end + 1].isdigit())


@cache
def _speaker_word_set() -> frozenset[str]:
    """The words for ordinary people and the occupations (护林员, 导游: person_occupations.txt), after
    which a name without a Han surname is a speaker's (护林员贡保说)."""
    return descriptions()[0] | frozenset(read_words("person_occupations.txt"))


@cache
def _speaker_words() -> WordEnds:
    return WordEnds(_speaker_word_set())


@cache
def _village_endings() -> tuple[str, ...]:
    """Endings of a village's or a place's name that end no person's (刘家庄, 赵家坪, 石桥村)."""
    return (*small_words()["clan_village_endings"], *word_list("person_place_endings.txt"))


@cache
def _two_character_village_endings() -> tuple[str, ...]:
    """Last characters that make a surname and one character a village's name (李庄, 张屯, 赵集)."""
    return tuple(small_words()["repeated_subject"]["two_character_place_endings"])


def _names_village(name: str) -> bool:
    """``name`` is shaped like a village's (李家庄, 赵家坪, 王村; of two, 李庄, 张屯): no person's."""
    return name.endswith(_village_endings()) or (
        len(name) == _GIVEN_NAME and name.endswith(_two_character_village_endings())
    )


def _division_of_post(clean: str, name: str, post: str, home: str | None) -> bool:
    """``name`` and the level's word opening ``post``, the head's post of that level, name a township
    or a division of the tables (在金山镇长的带领下: 金山镇's head; 方山县长), or one the text writes
    elsewhere as a place (走进孙磊村 … 孙磊村长): the post's, no person.
    Such names are common personal names too (王平, 林海, 白云): in an article of a known home place
    (its adcode ``home``) the division must lie in it, or be written elsewhere in the text as a place
    (金山镇党委, 来到金山镇), not only before its head's post."""
    level = post[:1]
    if not is_level_word(level) or not heads_level(post, level):
        return False
    division = name + level
    if not (gazetteer.is_township(division, renamed=True) or gazetteer.named_in(division, None)):
        return _written_as_place(clean, division, post)  # a village (来到孙磊村 … 孙磊村长)
    return home is None or gazetteer.named_under(division, home) or _written_as_place(clean, division, post)


def _written_as_place(clean: str, division: str, post: str) -> bool:
    """``division`` stands in ``clean`` somewhere other than before ``post`` (its level's word then 长)."""
    at = clean.find(division)
    while at >= 0:
        if not clean.startswith(post, at + len(division) - 1):
            return True
        at = clean.find(division, at + 1)
    return False


@cache
def _place_endings() -> tuple[str, ...]:
    """Endings of a place's name (石桥村, 陈家湾, 王家庄): no name ends so."""
    words = small_words()
    return (*words["clan_village_endings"], *words["not_name_endings"])


@cache
def _body_or_place_endings() -> tuple[str, ...]:
    """Endings of a body's or a place's name (农业站, 石桥村, 陈家湾): no name ends so."""
    return (*word_list("person_org_suffixes.txt"), *_place_endings())


# Numerals that number a unit before its kind (一师, 十四师, 2团).
_UNIT_NUMBERS = frozenset("0123456789一二三四五六七八九十")


def body_name_post_mentions(clean: str, vocabulary: Vocabulary, breaks: frozenset[int]) -> Iterator[Mention]:
    """``中华女子学院李明舜教授``: a body, the name, then the post."""
    for pos in sorted({end for _start, end in vocabulary.bodies}):
        mention = body_name_post_at(clean, vocabulary, breaks, pos)
        if mention is not None:
            yield mention


def body_name_post_at(clean: str, vocabulary: Vocabulary, breaks: frozenset[int], pos: int) -> Mention | None:
    """The name right after a body ending at ``pos`` and before its post (县委|刘伟|书记), with
    that post, else None."""
    # No name is longer than a dotted one: where no post starts within that reach of the
    # body, no name stands before one (most bodies), and none is read.
    if not vocabulary.post_starts_in(pos + 1, pos + LONGEST_NAME + 1):
        return None
    # Read without guessing, a name with no dot is a surname and one or two characters: where
    # no post starts within that reach, no name is read either.
    if not dotted_ends(clean, pos) and not vocabulary.post_starts_in(
        pos + 1, pos + surname_length(clean[pos : pos + 4]) + _GIVEN_NAME + 1
    ):
        return None
    # 县委|常委县纪委书记: a post starting where the name would is the chain going on (asked before
    # the name is read: a lookup, where reading is a cut).
    if vocabulary.post_starts_in(pos, pos + 1):
        return None
    length = read_name(clean, pos, guess=False)
    # 市政府|党组副|书记: a "name" that ends inside a post (副书记) is part of it; one that
    # ends in an organisation ending is a body (范家屯镇|农业站|站长).
    if not length or vocabulary.inside[pos + length]:
        return None
    # 范家屯镇|农业站|站长: a body; 车站街社区|陈家湾|居民: a clan village's name after a community
    # is the hamlet its people live in; 石桥村|居民: a place.
    if clean[pos : pos + length].endswith(_body_or_place_endings()):
        return None
    # 镇政府班子|和|人大代表: a word and a conjunction joining it to the post is no name.
    if clean[pos + length - 1] in LIST_CONJUNCTIONS and is_common_word(clean[pos : pos + length - 1]):
        return None
    after = pos + length
    # The longest post starting there: one match of the alternation, not a test of every post.
    written = title_pattern().match(clean, after)
    if written is None:
        return None
    title = written.group()
    # 农一师|师长, 二团|团长: a numbered unit whose last character the post repeats is the body
    # the post heads, no name.
    if title.startswith(clean[after - 1]) and clean[after - 2] in _UNIT_NUMBERS:
        return None
    # 高湾村蒙子堰|河长制: a post running on into a longer word (the 河长 system) holds no name.
    if clean.startswith(small_words()["post_runs_on"], written.end()):
        return None
    start = org_start(clean, pos, breaks)
    if start == pos:
        return None
    return Mention(pos, after, clean[pos:after], [Title(org=clean[start:pos], title=title)])


@cache
def _longest_post() -> int:
    return max(map(len, post_words()))


@cache
def _post_word_ends() -> WordEnds:
    """The posts (titles.txt), to find the longest one ending at a position."""
    return WordEnds(post_words())


def name_post_mentions(doc: Document, vocabulary: Vocabulary, home: str | None) -> Iterator[Mention]:
    """``王晓峰副县长带队``, ``欧阳晓峰副县长指出``: a name opening a clause (or after 由, the
    agent's mark: 会议由刘小平副县长主持), then a post written without its body, then a verb or a stop;
    ``home``: the adcode of the article's home place, if known."""
    clean = doc.clean
    words = small_words()
    frames, frame_preposition, cv_openers = (
        words["frames_after_name_post"],
        words["frame_preposition"],
        words["chain_item_openers"],
    )
    for end in sorted(vocabulary.post_ends):
        post = _post_word_ends().word_at(clean, end)
        if post is None or len(post) < 2:
            continue  # no name is read before an occupation or a post of one character
        # 受李明书记委托, 与赵东局长交谈, 群众向王刚县长反映: after a verb or preposition that a name and
        # its post follow, the post needs no word that follows names after it (a verb there is not
        # looked for where none stands).
        framed_only = not ends_name(clean, end)
        # 在刘五娥会长的带领下: the circumstance's frame closes the post (person_words.toml
        # frames_after_name_post); 在 must open the name, checked below.
        circumstance = clean.startswith(frames, end)
        if framed_only and not circumstance and not _frame_openers().search(clean, max(0, end - _FRAME_REACH), end):
            continue
        # 与周边县市|长期保持联系: a post read across a word of the dictionary (长期) is none.
        if framed_only and not circumstance and is_common_word(clean[end - 1 : end + 1]):
            continue
        size = len(post)
        start = end - size
        if start in doc.line_breaks:
            continue  # 县长：王建军 / 副县长：刘芳: the post heads the next line
        # 阿不都热依木·买买提县长主持: a dotted name is longer than a Han one.
        dotted = dotted_start_before(clean, start, doc.line_breaks)
        lengths = (2, 3, 4, start - dotted) if dotted is not None else (2, 3, 4)
        for length in lengths:
            pos = start - length
            # After 由 (会议由刘小平副县长主持) or 的 (接待室里的宣桂根副局长) a name may open too, or
            # as the last of a list of full names, all of whom hold the post (王强、李明副县长出席).
            listed = list(names_before(doc, pos - 1)) if pos > 0 and clean[pos - 1] == "、" else []
            opens = pos >= 0 and (
                _verbs_before_name_post().at(clean, pos)
                or (circumstance and clean[pos - 1 : pos] == frame_preposition)
                or _preposition_before(doc, pos)
                or (
                    not framed_only and (clause_starts(doc, pos) or clean[pos - 1 : pos] in _BEFORE_NAME_POST or listed)
                )
            )
            # 与周边县|市长, 对附近乡|镇长: after a verb or preposition, a name opening on a word of the
            # dictionary is none.
            if (
                length > 2
                and pos > 0
                and is_han(clean[pos - 1])
                and is_common_word(clean[pos : pos + 2])
                and minority_name_length(clean, pos) != length  # 向扎西多吉主任
            ):
                continue
            # 向白玛央金主任, 同多吉书记: after the verb or preposition, a name of known Tibetan or
            # Mongolian parts needs no Han surname.
            # ，曾任乡长、…: a word of when that opens a CV's posts (person_words.toml chain_item_openers)
            # is no name, though a surname opens it (asked where a name may open: no mention comes else).
            if opens and clean[pos:start] in cv_openers:
                continue
            # 在李家庄书记的带领下: a name shaped like a village's is the village whose post it is.
            if (
                opens
                and (
                    read_name(clean, pos, guess=False) == length
                    or (_opened_by_frame(doc, pos) and minority_name_length(clean, pos) == length)
                )
                and not _names_village(clean[pos:start])
                and not _division_of_post(clean, clean[pos:start], post, home)
            ):
                title = Title(title=clean[start:end])
                yield Mention(pos, start, clean[pos:start], [title])
                # 县委书记张华、王强副县长: a list after a post or a word for people is no list of holders.
                if listed and listed[0].start not in vocabulary.post_ends:
                    for other in listed:
                        yield Mention(other.start, other.end, other.name, [title])
                break


@cache
def list_head_pattern() -> re.Pattern[str]:
    return words_pattern(word_list("person_list_heads.txt"))


def _opened_by_frame(doc: Document, pos: int) -> bool:
    """A verb or preposition that a name and its post follow stands right before ``pos`` (向|白玛央金主任)."""
    return _verbs_before_name_post().at(doc.clean, pos) or _preposition_before(doc, pos)


def clause_starts(doc: Document, pos: int) -> bool:
    """``pos`` opens a clause: after punctuation, or after a line break the clean view removed."""
    clean = doc.clean
    # A numeral opens no clause (300余人参加).
    return pos == 0 or (not is_han(clean[pos - 1]) and not clean[pos - 1].isdigit()) or doc.joined_at(pos)


# What may close the clause of posts after a name and 是 (李明是石桥村党支部书记。).
_COPULA_CLAUSE_ENDS = frozenset("，。,;!?\n")
_COPULA = "是"
_COPULA_COMMAS = frozenset("，,")
# A former post after 是 (王建华，是原县委书记).
_FORMER = "原"
# One of a kind between 是 and the post (刘芳是一名教师): read by the chain as a body, it is none.
_ONE_OF = re.compile(r"[一两][名位个]")


def _copula_before_chain(clean: str, chain_start: int) -> int:
    """Where the 是 giving the chain of posts starting at ``chain_start`` stands, else -1: right
    before it, or before a former's 原 (他的父亲王建华，是原县委书记) or a word pointing at a place
    named before, which the chain leaves out of the body (王某是该村|党支部书记, 是当地|县委常委)."""
    words = small_words()
    for lead in ("", _FORMER, *words["references_before_bodies"], *words["demonstratives_before_levels"]):
        if clean.endswith(_COPULA + lead, 0, chain_start):
            return chain_start - len(lead) - 1
    return -1


# Particles closing a sentence (吗, 吧, 呀, 啊, 呢), and those of them that ask.
_FINAL_PARTICLES = frozenset("吗吧呀啊呢嘛")
_QUESTION_PARTICLES = frozenset("吗呢")
_QUESTION_MARKS = frozenset("？?")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
# How far the end of a sentence is looked for after a name (一书记是扎西多吉，还是次仁？).
_ASK_REACH = 16
# The word opening the other half of an alternative question (是李晓东，还是王海？).
_ALTERNATIVE = "还是"


def _asked(clean: str, at: int) -> bool:
    """The name's own clause, ending at ``at``, asks (村支书是刘强吧？), or the next clause opens an
    alternative question (是李晓东，还是王海？): what it says of a post is asked, not stated. A
    question in a clause of its own (镇长是孙浩，他问：你们有困难吗？) asks nothing of the post."""
    if clean[at : at + 1] in _FINAL_PARTICLES:
        at += 1
    if clean[at : at + 1] in _QUESTION_MARKS:
        return True
    if not clean.startswith(_ALTERNATIVE, at + 1) or clean[at : at + 1] not in _COPULA_CLAUSE_ENDS:
        return False
    close = _SENTENCE_END.search(clean, at + 1, at + _ASK_REACH)
    return close is not None and close.group() in _QUESTION_MARKS


# Words that negate a post verb after them (没有当选, 未能当选, 未担任).
_NEGATIONS = ("未能", "没有", "没能", "未", "没", "不")


def _negated_post(clean: str, start: int, end: int) -> bool:
    """A negated post verb opens the chain of posts read from ``start`` to ``end`` (没有当选|镇长,
    未能当选|村委会主任)."""
    for verb in post_verbs():
        at = clean.find(verb, start, end)
        if at >= 0:
            return clean.endswith(_NEGATIONS, max(0, start - 2), at)
    return False


def _held_by_copula(clean: str, end: int, breaks: frozenset[int]) -> Mention | None:
    """``新当选的县长是王建国。``, ``该村党支部书记是才让吉，``: a post, 是, then a full name (or one of
    known Tibetan and Mongolian parts) that closes its clause: the name holds the post."""
    at = end + len(_COPULA)
    length = read_name(clean, at, guess=False) or minority_name_length(clean, at)
    # 县长是刘强吧。, 镇长是王芳呀！: a particle closing the sentence is no part of the name; a question
    # (县长是刘军吗？) states no post.
    if length > 2 and clean[at + length - 1] in _FINAL_PARTICLES:
        if clean[at + length - 1] in _QUESTION_PARTICLES:
            return None
        length -= 1
    elif not length or clean[at + length : at + length + 1] not in _COPULA_CLAUSE_ENDS:
        return None
    if _asked(clean, at + length):
        return None  # 村支书是刘强吧？, 第一书记是扎西多吉，还是次仁？
    titles = chain_before(clean, end, breaks)
    if not titles or not titles[-1].title:
        return None
    return Mention(at, at + length, clean[at : at + length], titles)


def described_by_body_mentions(doc: Document, vocabulary: Vocabulary) -> Iterator[Mention]:
    """``前任第一书记是省委财经办的李海涛。``, ``带队的是县纪委监委的张红霞，``: 是, a body and 的, then a
    full name that closes its clause: the body says where the person comes from and gives no post;
    posts written right before 是 are the name's, as with no body between (县长是王建国)."""
    clean, breaks = doc.clean, doc.line_breaks
    for body_start, end in vocabulary.bodies:
        # Most bodies have no 的 after them, nor 是 within a body's reach before them.
        if not clean.startswith("的", end) or clean.rfind(_COPULA, max(0, body_start - MAX_ORG), body_start) < 0:
            continue
        start = org_start(clean, end, breaks)
        if start < 1 or clean[start - 1] != _COPULA or start >= end:
            continue
        at = end + 1
        length = read_name(clean, at, guess=False) or minority_name_length(clean, at)
        if (
            not length
            or clean[at + length : at + length + 1] not in _COPULA_CLAUSE_ENDS
            # 这是合作社的|李子。: a name of two characters the dictionary lists is that word here.
            or (length < _FULL_NAME and word_frequency(clean[at : at + length]) > 0)
            or _common_word(clean[at : at + length])
            # 最显眼的是管委会的|白玉兰: a word the dictionary meets as often as an everyday one.
            or word_frequency(clean[at : at + length]) >= EVERYDAY_NAME_TAGGED
            or _asked(clean, at + length)
            or _offers_goods(clean, start - 1)
        ):
            continue
        copula = start - 1
        titles = chain_before(clean, copula, breaks) if copula in vocabulary.post_ends else []
        # 带队的是县纪委的张红霞: only the body is written, the post is none (spec: title null).
        titles = titles if titles and titles[-1].title else [Title(org=clean[start:end], title=None)]
        yield Mention(at, at + length, clean[at : at + length], titles)


# How far before 是 the subject of a 是…的 description is read for a verb of goods or shows.
_SUBJECT_REACH = 12
_CLAUSE_BREAKS = re.compile(r"[，,。；;！？!?\n]")


def _offers_goods(clean: str, copula: int) -> bool:
    """The subject before the 是 at ``copula`` in its clause holds a verb of selling, growing, showing
    or performing (person_words.toml goods_verbs: 卖得最好的是, 晚会上压轴的是): what follows 是 is
    the body's product, variety or work, not a person."""
    subject = _CLAUSE_BREAKS.split(clean[max(0, copula - _SUBJECT_REACH) : copula])[-1]
    return any(verb in subject for verb in small_words()["goods_verbs"])


# Lengths of a Tibetan or Mongolian name of known parts read before 是 (宝音巴特尔是…, 扎西次仁是…).
_KNOWN_PARTS_LENGTHS = (6, 5, 4)


def _copula_name_at(clean: str, start: int, length: int, *, dotted: bool) -> bool:
    """A name of ``length`` characters stands at ``start`` before 是: a Han name, a dotted one, or
    one of known Tibetan or Mongolian parts (苏力德巴特尔是…党支部书记)."""
    if length > 3 and not dotted:
        return clean[start] in minority_first_chars() and minority_name_length(clean, start) == length
    return read_name(clean, start, guess=False) == length


def copula_mentions(doc: Document, vocabulary: Vocabulary) -> Iterator[Mention]:
    """``李明是石桥村党支部书记。``, ``张友安是…二队副队长，现任…``: a name opening a clause (or
    after 的: 44岁的杨宇是…), 是, then its posts up to the clause's end."""
    clean, breaks = doc.clean, doc.line_breaks
    for end in sorted(vocabulary.post_ends):
        if end < len(clean) and clean[end] not in _COPULA_CLAUSE_ENDS:
            continue
        if clean.rfind(_COPULA, max(0, end - MAX_ORG - _longest_post()), end) < 0:
            continue  # no 是 within a post's reach: the chain is not read
        chain_start, titles = chain_span(clean, end, breaks, groups=1)
        copula = _copula_before_chain(clean, chain_start)
        if not titles or not titles[-1].title or copula < 0:
            continue
        # 年近七旬的王增世，是…医师: a comma may stand between the name and 是; 王建华现在是…: an
        # adverb too.
        adverb = _words_before("adverbs_before_copula").search(clean, max(0, copula - 2), copula)
        name_end = adverb.start() if adverb else copula
        name_end = name_end - 1 if clean[name_end - 1 : name_end] in _COPULA_COMMAS else name_end
        first_org = titles[0].org or ""
        one_of = _ONE_OF.match(first_org)
        if one_of is not None:
            titles = [Title(org=first_org[one_of.end() :] or None, title=titles[0].title), *titles[1:]]
        # 今年33岁的艾力·吐尔逊是…: a dotted name first.
        dotted = dotted_start_before(clean, name_end, breaks)
        for length in (name_end - dotted, 3, 2) if dotted is not None else (*_KNOWN_PARTS_LENGTHS, 3, 2):
            start = name_end - length
            if start < 0:
                continue
            # Before an adverb the dictionary reads the name into the predicate (王建华现在|是): a
            # name's shape is enough there, as before an adverb and a post verb.
            shaped = adverb is not None and length <= _FULL_NAME and is_name_shape(clean[start:name_end])
            if not (shaped or _copula_name_at(clean, start, length, dotted=dotted is not None)):
                continue
            # 他的父亲王建华，是…, 村民李强是…: after a word for people too; 我叫王建华，是…: after a
            # word that gives a name, the self-introduced speaker holds the posts.
            if (
                clause_starts(doc, start)
                or clean[start - 1] == "的"
                or _ordinary_people().at(clean, start)
                or clean.endswith(naming_words(), 0, start)
            ):
                yield Mention(start, name_end, clean[start:name_end], titles)
            break


# After a capacity word (person_words.toml capacity_words: ``word_index``'s), a clause's characters
# up to its comma: the posts, at most a body's and a post's length.
_CAPACITY_POSTS = re.compile(rf"[^，,。；;！？!?\n]{{2,{MAX_ORG}}}(?=[，,])")


def capacity_mentions(doc: Document, vocabulary: Vocabulary) -> Iterator[Mention]:
    """``作为第一书记，孙杰在向阳村工作``: a clause opening with the capacity its subject acts in,
    posts (titles.txt) up to the comma, then a full name opening the next clause as its subject,
    which holds them. Not 作为一名党员, 作为村民: no post."""
    clean, breaks = doc.clean, doc.line_breaks
    resume = 0  # after the comma of the last clause read: a capacity word inside it opens none
    for word_start, word_end in word_hits(clean, "capacity_words"):
        posts = _CAPACITY_POSTS.match(clean, word_end) if word_start >= resume else None
        if posts is None:
            continue
        start, end = posts.span()
        resume = end + 1
        if end not in vocabulary.post_ends or not clause_starts(doc, word_start):
            continue
        chain_start, titles = chain_span(clean, end, breaks, groups=1, floor=start)
        if chain_start != start or not titles or not all(is_post_word(title) for title in titles):
            continue
        name_start = end + 1
        name_end = name_start + read_name(clean, name_start, guess=False)
        # 作为主任，江山就|是人民: a reading of three run on into the word opening the predicate ends
        # before it, where the reader takes what stays for a name (江山 is a word: none).
        openers = small_words()["capacity_predicate_openers"]
        if name_end - name_start > _GIVEN_NAME and clean[name_end - 1] in openers:
            name_end -= 1
            if not is_name_shape(clean[name_start:name_end]):
                continue
        # The name ends where names end: a word that follows names, a verb, or a predicate's opener.
        if not (ends_name(clean, name_end) or verb_at(clean, name_end) or clean[name_end] in openers):
            continue
        # 作为第一书记，黄金周也不休息: a frequent word of the dictionary (which tags 黄金周 a name) opening
        # the clause is no name; names it holds are rarer (李娜: 438).
        name = clean[name_start:name_end]
        if name and not is_common_word(name) and not is_frequent_word(name):
            yield Mention(name_start, name_end, name, titles)


def speaker_mentions(doc: Document) -> Iterator[Mention]:
    """``刘晋萍表示``, a headline ``高奇英出席…``, ``今年65岁的张建华高兴地说``: a name opening a
    clause (or after 的), then a speech verb, perhaps after a manner word (高兴地, 笑着)."""
    clean = doc.clean
    for verb_start, _verb_end in word_hits(clean, "speech_verbs"):
        occasion = _OCCASION_BEFORE.search(clean, max(0, verb_start - 12), verb_start)
        # A manner word before the verb (高兴地, 深有感触地, 笑着): the name ends before it. Every
        # manner word ends in 地 or 着: before any other character none is looked for.
        manners = (
            (start for start in range(verb_start - 2, verb_start - 6, -1) if manner_at(clean, start, verb_start))
            if clean[verb_start - 1] in MANNER_LAST
            else ()
        )
        ends = (verb_start, *manners, *([occasion.start()] if occasion else []))
        if clean.startswith(COMRADE, verb_start - len(COMRADE)):
            ends = (verb_start - len(COMRADE),)  # 张建国同志出席会议
        for end in ends:
            dotted = dotted_start_before(clean, end, doc.line_breaks)
            starts = (dotted, end - 2, end - 3, end - 4) if dotted is not None else (end - 2, end - 3, end - 4)
            # 额尔登毕力格图表示: a Mongolian name read from its syllables runs longer (read only where
            # syllables end at the verb: most speakers' names are Han).
            longer = (
                (at for at in range(end - 5, max(end - 8, -1), -1) if mongolian_name_length(clean, at) == end - at)
                if syllables_end_at(clean, end)
                else ()
            )
            # “…”仁青夺尔基笑着说: right after a quotation a name without a surname may be five long.
            quoted = (
                (end - _LONG_AFTER_QUOTE,)
                if clean[end - _LONG_AFTER_QUOTE - 1 : end - _LONG_AFTER_QUOTE] in _CLOSING_QUOTES
                else ()
            )
            starts = (*starts, *longer, *quoted)
            found = next((pos for pos in starts if _speaker_at(doc, pos, end)), None)
            if found is not None:
                # 文旅局|汇报了, 史志办|介绍: a body's short name reports, no person.
                if not clean.endswith(_body_or_place_endings(), found, end):
                    yield Mention(found, end, clean[found:end])
                break


# The longest speaker's name without a surname read right after a quotation (context_name_length's
# longest before a verb).
_LONG_AFTER_QUOTE = 5


# A quotation closing on a sentence's end (…啊!”, …了。”): a speech, after which its speaker is named.
_CLOSING_QUOTE = "”"
_SENTENCE_ENDS_IN_QUOTE = frozenset("。!?…")
# The end of the clause after a quotation, in which its speech verb closes.
_CLAUSE_AFTER_QUOTE = re.compile(r"[，,。;!?]")
# How far the clause after a quotation is read for its speech verb (一边擦汗一边说, 指着新房说).
_QUOTE_CLAUSE_REACH = 20


def quoted_speaker_mentions(doc: Document, vocabulary: Vocabulary) -> Iterator[Mention]:
    """``“以前哪敢想啊！”刘桂兰一边擦汗一边说。``, ``“这是我的新家。”赵春梅指着新房说``: a full name with
    a Han surname right after a quoted speech, in a clause that closes on a speech verb and names
    no post (”马道|镇…合作社负责人陈国栋说: the speaker is the post's holder, no division's name)."""
    clean = doc.clean
    # Closing quotes are found by str.find: a pattern would step through every character of the text.
    pos = 0
    while (pos := clean.find(_CLOSING_QUOTE, pos) + 1) > 0:
        if clean[pos - 2 : pos - 1] not in _SENTENCE_ENDS_IN_QUOTE:
            continue
        # The clause and its verb are looked at before the name is read (jieba's reading is the cost).
        end = _CLAUSE_AFTER_QUOTE.search(clean, pos, pos + _QUOTE_CLAUSE_REACH)
        if end is None or not surname_length(clean[pos : pos + 4]):
            continue
        if not any(verb.end() == end.start() for verb in speech_verb_pattern().finditer(clean, pos + 2, end.start())):
            continue
        length = read_name(clean, pos, guess=True, unsurnamed=False)
        name = clean[pos : pos + length]
        if not length or not is_name_shape(name) or is_level_word(clean[pos + length : pos + length + 1]):
            continue
        if not any(at in vocabulary.post_ends for at in range(pos + length, end.start())):
            yield Mention(pos, pos + length, name)


@cache
def _visit_work_pattern() -> re.Pattern[str]:
    """The work of a visit, from person_visit_words.toml (its words of going: ``word_index``)."""
    return words_pattern(read_toml("person_visit_words.toml")["work"])


# Between a visitor's name and the word of going: 一行, 还, 先后 (周强一行还来到…).
_VISITING_PARTY = regex.compile(r"(?:一行)?(?:还|又|先后)?\Z")


# How far a visit's work may stand after the word of going (到城关镇西关村调研).
_MAX_VISIT = 20


_VISIT_STOP = re.compile(r"[。；;！？!?\n]")


def called_mentions(doc: Document, vocabulary: Vocabulary) -> Iterator[Mention]:
    """``他叫王小军，``, ``嘎查长叫巴图孟和，``, ``一位名叫刘芳的村医``: a word that gives a name
    (person_words.toml naming), then a name that ends where names end or before 的; with the
    posts written right before the word. A name without a Han surname only after a post or
    名叫 (叫好, 叫苦连天 are words)."""
    clean, breaks = doc.clean, doc.line_breaks
    named_only = small_words()["naming"]["named_only"]
    for word_start, pos in word_hits(clean, "naming_words"):
        after_post = word_start in vocabulary.post_ends
        unsurnamed = after_post or clean[word_start:pos] in named_only
        length = read_name(clean, pos, guess=True, unsurnamed=unsurnamed)
        end = pos + length
        place = clean.endswith(_place_endings(), pos, end)  # 这个村叫王家庄: a village's name
        if length and not place and (ends_name(clean, end) or clean.startswith("的", end)):
            titles = chain_before(clean, word_start, breaks) if after_post else []
            yield Mention(pos, end, clean[pos:end], titles)


# How many clauses a name must open as their subject to be a person's without other context.
_SUBJECT_TIMES = 2


@cache
def _clause_opening_surname() -> re.Pattern[str]:
    """A single-character surname, or the first character of a Tibetan, Mongolian or Yi name,
    right after a mark closing a clause (person_words.toml repeated_subject): one scan of the
    article, where a word index of the marks would hold every comma. The mark is matched, not
    looked behind for: the engine skips to the marks in a fast loop."""
    marks = "".join(small_words()["repeated_subject"]["clause_marks"])
    openers = surnames()[0] | minority_first_chars()
    return re.compile(f"[{re.escape(marks)}](?P<opener>[{''.join(sorted(openers))}])")


# The shortest name of known Tibetan and Mongolian parts read as a repeated subject: two parts
# (巴图巴特尔, 次仁多吉); one part alone (扎西, 格桑) is as often a word.
_KNOWN_PARTS_SUBJECT = 4


def repeated_subject_mentions(doc: Document) -> Iterator[Mention]:
    """``…转租给外地客商何仕超。…，何仕超决定扩大种植。何仕超算了一笔账``: a full Han name of
    three characters (a surname of the table, jieba's personal name), or a name of two known
    Tibetan or Mongolian parts or more (巴图巴特尔), that opens two clauses or more, each time
    before a word that follows names or a predicate; not a word, a place (田东县, …村, 王家庄)
    nor a name the dictionary reads as words."""
    clean = doc.clean
    openings: dict[str, list[int]] = {}
    known: dict[str, list[int]] = {}  # names of known parts (巴图巴特尔是…。巴图巴特尔带动…)
    transliterated: dict[str, list[int]] = {}  # two syllables, no surname (次成是…。次成两口子…)
    for surname in _clause_opening_surname().finditer(clean):
        # Grouped by the three characters first: most open one clause only, and are asked no more.
        pos = surname.start("opener")
        openings.setdefault(clean[pos : pos + _FULL_NAME], []).append(pos)
        length = minority_name_length(clean, pos) if opens_with_known_part(clean, pos) else 0
        if length >= _KNOWN_PARTS_SUBJECT:
            known.setdefault(clean[pos : pos + length], []).append(pos)
        elif not opens_with_known_part(clean, pos) and _transliterated_subject_at(clean, pos):
            transliterated.setdefault(clean[pos : pos + _GIVEN_NAME], []).append(pos)
    for name, found in known.items():
        if len(found) >= _SUBJECT_TIMES and not is_common_word(name):
            yield from (Mention(pos, pos + len(name), name) for pos in found)
    for name, found in transliterated.items():
        if len(found) >= _SUBJECT_TIMES and not is_common_word(name) and not gazetteer.opens_division(name, 0):
            yield from (Mention(pos, pos + len(name), name) for pos in found)
    for opening, found in openings.items():
        if len(found) < _SUBJECT_TIMES or not HAN_RUN.fullmatch(opening) or surname_length(opening) != 1:
            continue
        # 孙杰|在向阳村工作, 韩冰|在走访中: a preposition that makes no word with the character
        # before it (as 自在, 志向 do) opens the predicate after a name of two.
        size = _GIVEN_NAME if _preposition_after_name(opening) else _FULL_NAME
        name = opening[:size]
        if _names_village(name):
            continue
        starts = [
            pos
            for pos in found
            if ends_name(clean, pos + size) or verb_at(clean, pos + size) or _one_character_predicate(clean, pos + size)
        ]
        if (
            len(starts) >= _SUBJECT_TIMES
            and is_name_shape(name)
            and (jieba_name_length(clean, starts[0]) == size or _cut_by_jieba(opening))
            and not _post_or_village_within(clean, starts[0])
        ):
            yield from (Mention(pos, pos + size, name) for pos in starts)


def _transliterated_subject_at(clean: str, pos: int) -> bool:
    """Two characters opening a clause at ``pos`` as a Tibetan name of two syllables does (次成是…,
    格果说): a character such names open with (minority_first_chars) that is no function word
    (，更要…, ，那是…) and no Han surname, then a word that follows names, 是 or a word for a
    household (两口子, 一家); not a word the dictionary meets often, whatever its tag (玉米, which it
    tags a name, opening the items of a harvest: 玉米12.5万吨)."""
    end = pos + _GIVEN_NAME
    return (
        clean[pos] in minority_first_chars()
        and not surname_length(clean[pos : pos + 2])
        and is_han(clean[pos + 1 : end] or "。")
        and word_tag(clean[pos])[:1] not in _FUNCTION_WORD_TAGS
        and not is_common_word(clean[pos:end])
        and not is_frequent_word(clean[pos:end])
        and (clean.startswith((_COPULA, *small_words()["followers_of_frequent_names"]), end) or ends_name(clean, end))
    )


def _preposition_after_name(opening: str) -> bool:
    """The third of three characters opening a clause is a preposition opening its predicate that
    makes no word with the second (孙杰|在, not 刘自在, 张志向)."""
    return opening[-1] in CLAUSE_PREPOSITIONS and not is_common_word(opening[-2:])


# jieba's tags of one-character words that open a predicate: verbs and prepositions (not
# adverbs: 海流斯|太嘎查, a place's name runs on).
_ONE_CHARACTER_PREDICATE_TAGS = frozenset("vp")


def _one_character_predicate(clean: str, pos: int) -> bool:
    """A one-character verb or preposition opens the predicate after the full name of three that
    ends at ``pos`` (陈福庆见…, 王光林从自家院门里走出来): jieba reads it alone in the text after, it
    makes no word with the name's last character (no 林从), the name's first two characters
    are no dictionary word (吕梁|经, 牛羊|壮: a place or a thing, then a verb), and its last is no
    geographic feature's (柳叶湖|是, 梁子湖|有: a lake, a hill, a temple)."""
    words = tagged_words(clean[pos : pos + 3])
    return (
        bool(words)
        and clean[pos - 1] not in _feature_endings()
        and len(words[0][0]) == 1
        and words[0][1] in _ONE_CHARACTER_PREDICATE_TAGS
        and not is_common_word(clean[pos - 1 : pos + 1])
        and not word_tag(clean[pos - _FULL_NAME : pos - 1])
    )


@cache
def _feature_endings() -> frozenset[str]:
    """The last characters of a hill's, a water's or a built feature's name (湖, 山, 寺, 桥)."""
    landforms = place_word_lists()["short_names"]["landform_endings"]
    return frozenset((*landforms, *small_words()["built_feature_endings"]))


# jieba's tags of a place's or a thing's last character (山, 上, 岸, 群): a place's name before
# one is the place's part (高山上, 江南岸), no surname and given name.
_PLACE_PART_TAGS = frozenset({"n", "f", "s", "q", "ns"})


def _cut_by_jieba(name: str) -> bool:
    """A full name of three that jieba does not read as one, as it cuts names that open with a
    place (晋国|强, 秦国|梁) or with no word (王华|建): not a dictionary word itself (吕梁山, 金银花),
    nor opening with a word other than a place (牛羊|群, 高铁|站), nor a place and a thing's or a
    side's character (高山|上, 江南|岸); nor a division's name in the table and one character
    (江苏|将, 张掖|将, 成都|要), nor ending in a modal or adverb (person_words.toml
    modals_after_subjects), nor 于 and a time (于|本月: the preposition)."""
    if (
        word_tag(name)
        or name[:2] in gazetteer.load().forms
        or name[2] in small_words()["modals_after_subjects"]
        or name[1:] in small_words()["times_after_preposition"]
    ):
        return False
    opening = word_tag(name[:2])
    return not opening or (opening == "ns" and word_tag(name[2]) not in _PLACE_PART_TAGS)


@cache
def _clan_village_openings() -> frozenset[str]:
    """The first characters of the clan-village endings (家 of 家庄, 家村)."""
    return frozenset(ending[0] for ending in small_words()["clan_village_endings"])


def _post_or_village_within(clean: str, pos: int) -> bool:
    """A full name of three read at ``pos`` with no other cue is rather a post's opening
    (区委副|书记, 岩秒副|主任: a post starts inside it) or a clan village (董家林, as 董家庄: the
    clan-village endings' 家 stands second)."""
    return clean[pos + 1] in _clan_village_openings() or any(
        title_starts().at(clean, pos + k) for k in range(1, _FULL_NAME)
    )


def visit_mentions(doc: Document) -> Iterator[Mention]:
    """``朱建军到城关镇调研秋粮收购工作``, ``周强一行还来到县人民医院，看望…``: a name opening a
    clause, a word of going, and the work of the visit later in the same sentence."""
    clean = doc.clean
    work = _visit_work_pattern()
    for go_start, go_end in word_hits(clean, "visit_going"):
        stop = _VISIT_STOP.search(clean, go_end, go_end + _MAX_VISIT)
        if not work.search(clean, go_end, stop.start() if stop else go_end + _MAX_VISIT):
            continue
        party = _VISITING_PARTY.search(clean, max(0, go_start - 4), go_start)
        end = party.start() if party else go_start  # 周强一行还来到…
        # 洛桑江村在那曲县调研: a name of known Tibetan or Mongolian parts visits too.
        for length in (2, 3, 4):
            pos = end - length
            if (
                pos >= 0
                and clause_starts(doc, pos)
                and (read_name(clean, pos, guess=False) == length or minority_name_length(clean, pos) == length)
            ):
                yield Mention(pos, end, clean[pos:end])
                break


@cache
def _household() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(the homes written after a name; the words of visiting and villages before it; what may
    stand between the name and the home, opening with nothing): person_visit_words.toml
    household and the below-county suffixes."""
    table = read_toml("person_visit_words.toml")["household"]
    return tuple(table["homes"]), (*table["before"], *below_suffixes()), ("", *table["between"])


def home_at(clean: str, pos: int) -> bool:
    """A home is written at ``pos``: 家中, 家里, or 家 before a stop, 的 or a verb (李小明家，,
    王明家种了); not 家 going on into a word or a place (王家庄, 张家口)."""
    home = max((h for h in _household()[0] if clean.startswith(h, pos)), key=len, default="")
    if not home:
        return False
    if len(home) > 1:
        return True  # 家中, 家里
    after = clean[pos + 1 : pos + 2]
    # (王明家种了: a verb of one character and its aspect particle.)
    return (
        not is_han(after or "。")
        or after == "的"
        or verb_at(clean, pos + 1)
        or clean[pos + 2 : pos + 3] in ASPECT_PARTICLES
    )


# jieba's tags of function words (prepositions, conjunctions, particles, pronouns, adverbs): no
# name opens with one standing alone (以校为家).
_FUNCTION_WORD_TAGS = frozenset("pcurd")


def _full_han_name(name: str) -> bool:
    """A full name with a Han surname of the table (no kinship or polite form, no common words)."""
    return bool(surname_length(name)) and is_name_shape(name)


def household_mentions(doc: Document, vocabulary: Vocabulary) -> Iterator[Mention]:
    """``工作组来到石桥村胡永红家中``, ``走进贫困户李小明家，``, ``看望了王明家``, ``周德育的家中``: a
    full Han name before a home (:func:`home_at`), perhaps with 的 or 老人 between, where a
    village, a word for people or a post, or a word of visiting ends right before the name
    (person_visit_words.toml household)."""
    clean = doc.clean
    _homes, before, between = _household()
    for home, _end in word_hits(clean, "household_homes"):
        if not home_at(clean, home):
            continue
        end = home - len(next(b for b in reversed(between) if clean.endswith(b, 0, home)))
        pos = next((end - n for n in (3, 2) if end - n > 0 and _full_han_name(clean[end - n : end])), 0)
        if pos and _time_or_count(clean, pos, end - pos):
            continue  # 儿子周末回家, 兄弟俩白手起家: a time or a count before the home, no name
        if pos and (pos in vocabulary.post_ends or clean.endswith(before, 0, pos)):
            yield Mention(pos, end, clean[pos:end])
        else:
            # 村民玉香家种了, 受灾户阿米加塔家中: between a word for ordinary people and the home
            # only a name stands, one without a Han surname too (not 教师以校为家).
            pos = next((end - n for n in (4, 3, 2) if _ordinary_people().at(clean, end - n)), 0)
            if (
                pos
                and word_tag(clean[pos])[:1] not in _FUNCTION_WORD_TAGS
                and not _time_or_count(clean, pos, end - pos)
                and is_listed_name(clean[pos:end])
            ):
                yield Mention(pos, end, clean[pos:end])


# The words before the posts a person leaves for the posts after the verb (刘某由县水利局副局长调任…,
# 杨某从某区区长任某县委书记).
_MOVED_FROM = ("由", "从")


# How a vote went, between a name and 当选 (叶尔保力·努尔兰以全票当选…, 赵明全票当选…), or 等 and
# perhaps a count closing the list of names before the verb (刘洋、孙丽等7人当选为…, 等五名同志当选,
# 刘洋、孙丽等当选为…), or a count alone (刘洋、孙丽2人当选为…, 、孙丽共5名同志当选).
_VOTE_BEFORE = regex.compile(
    rf"(?:以\d{{1,6}}票的高票|(?:以(?:\p{{Han}}{{1,4}}|\d{{1,6}})|全|高|满)票"
    rf"|(?:等(?:{PEOPLE_COUNT})?|共?{PEOPLE_COUNT})(?:同志|代表)?)\Z"
)


@cache
def _words_before(key: str) -> re.Pattern[str]:
    """A word of the list ``key`` of person_words.toml right before where the search ends (the
    adverbs before a post verb or before 是)."""
    return re.compile(rf"(?:{alternation(small_words()[key])})\Z")


# Where a speech is given, between a speaker's name and the verb (王建国在会上说, 在调研时强调).
_OCCASION_BEFORE = regex.compile(r"在\p{Han}{1,8}?(?:上|时|中|期间)\Z")


# An age before a name: 65岁的曾国华, 三十多岁的王某.
_AGE_BEFORE_NAME = regex.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})多?岁的")


def aged_mentions(clean: str) -> Iterator[Mention]:
    """``65岁的曾国华是…``, ``30岁的罗小燕大学毕业后…``: a full name right after an age; a name
    without a Han surname too (35岁的贡曲和29岁的次仁仓决是…), unless a dictionary word or a
    word for people opens it (65岁的老人, 40岁的农民工)."""
    for age in _AGE_BEFORE_NAME.finditer(clean):
        pos = age.end()
        if surname_length(clean[pos : pos + 4]):
            length = read_name(clean, pos, guess=True, unsurnamed=False)
        elif is_common_word(clean[pos : pos + 2]) or title_pattern().match(clean, pos):
            continue
        else:
            length = read_name(clean, pos, guess=True, unsurnamed=True)
        if length:
            yield Mention(pos, pos + length, clean[pos : pos + length])


# The word of an age, and the number before it (58岁, 七十多岁), looked for back from the word.
_AGE_WORD = "岁"
_AGE_NUMBER = regex.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})多?\Z")
# The longest number of an age (七十多).
_AGE_NUMBER_LENGTH = 4


@cache
def _age_opening_before() -> regex.Pattern[str]:
    """What may stand between a name and its age, ending where the age starts (，今年: person_words.toml
    ages_after_names)."""
    return regex.compile(rf"[，,]?(?:{alternation(small_words()['ages_after_names'])})?\Z")


# The longest opening between a name and its age (，今年才).
_AGE_OPENING = 4


def age_after_mentions(doc: Document) -> Iterator[Mention]:
    """``陈秀兰今年58岁，…``, ``王德顺，现年72岁``: a full name opening a clause, then its age; not a
    village's name (李村今年8岁的孩子), a dictionary word (高山今年…) or a group (班子中，35岁以下:
    person_words.toml ages_of_groups)."""
    clean = doc.clean
    # The word is found by str.find: a pattern of the whole age would step through every character.
    at = 0
    while (at := clean.find(_AGE_WORD, at) + 1) > 0:
        age = _AGE_NUMBER.search(clean, max(0, at - 1 - _AGE_NUMBER_LENGTH), at - 1)
        before = clean[age.start() - 1 : age.start()] if age else ""
        if not before or not (is_han(before) or before in "，,"):
            continue  # no number, a numeral's middle (2018岁) or no name before
        if clean.startswith(small_words()["ages_of_groups"], at):
            continue
        opening = _age_opening_before().search(clean, max(0, age.start() - _AGE_OPENING), age.start())
        end = opening.start() if opening else age.start()
        pos = next((end - n for n in (3, 2) if end - n >= 0 and clause_starts(doc, end - n)), None)
        if pos is None or not surname_length(clean[pos:end]):
            continue
        name = clean[pos:end]
        # 党员中，60岁: a word for people and where they are is no name of three.
        if is_name_shape(name) and not _names_village(name) and not is_common_word(name[:2]):
            yield Mention(pos, end, name)


# What a dotted name may stand right after: a clause's start, 的, a list's 、, or a word that
# joins two parties (伙同依明·毛拉, 与吐尔逊·买买提).
_BEFORE_DOTTED = frozenset("的、和与及同")
# jieba's tags of common nouns (员工, 村民); nr (names) and nz are no common nouns.
_COMMON_NOUN_TAGS = frozenset({"n", "nn", "ng"})
# The longest first part of a dotted name read without a post before it (阿卜杜热伊木).
_DOTTED_FIRST_PART = 6


def dotted_mentions(doc: Document) -> Iterator[Mention]:
    """``伙同依明·毛拉、玉苏甫·牙森``, ``击毙的阿卜杜热伊木·库尔班等``: a dotted name needs no post:
    the longest first part that opens a clause or follows 的, a 、 or a joining word, neither
    part a dictionary word (丝路·敦煌 is none)."""
    clean = doc.clean
    press = tuple(small_words()["press"]["bodies"])
    for dot in DOT.finditer(clean):
        at = dot.start()
        start = next(
            (
                pos
                for pos in range(max(0, at - _DOTTED_FIRST_PART), at - 1)
                if HAN_RUN.fullmatch(clean, pos, at)
                and (clean[pos - 1 : pos] in _BEFORE_DOTTED or clause_starts(doc, pos))
                # 记者 丁志军 / 廷·巴特尔介绍: no first part reaches back across a line break.
                and doc.line_breaks.isdisjoint(range(pos + 1, at))
            ),
            None,
        )
        # 接过了开拓者|古丽米热·库尔班: after words no transliteration holds, the name may stand too.
        past_words = first_part_start(clean, at, doc.line_breaks)
        start = start if start is not None else past_words
        if start is None or (start > 0 and clean[start - 1] in "“《「"):
            continue
        # 县长|艾力·吾斯曼, 县领导|叶尔兰·努尔别克, 员工|阿依努尔·托合提: a post, a word for
        # leaders or a common noun (not a name's: 买买提 opens with a verb) opens the clause.
        word = title_pattern().match(clean, start) or list_head_pattern().match(clean, start)
        opening = clean[start : start + 2]
        noun = word_tag(opening)[:2] in _COMMON_NOUN_TAGS and opening not in small_words()["transliteration_sounds"]
        word_end = word.end() if word else start + 2 if noun else start  # (木合|塔尔: a sound, no noun)
        # 工业部部长|道·额尔登巴特: a post with its body before the name (a first part of one
        # character stays).
        post_end = next((p for p in range(at - 1, start, -1) if title_ends().at(clean, p)), 0)
        if post_end:
            start = post_end
        elif start < word_end < at - 1:
            start = word_end
        start = max(start, past_words or start)  # 带头人|艾尔肯·吐尼亚孜
        length = read_name(clean, start, guess=False)
        # 努尔兰·沙肯 / 各位代表: no second part reaches across a line break either.
        # 叶尔兰·努尔 / 别克说: a line wrapped inside the name, where the name read whole ends before a
        # speech verb (说), keeps it whole.
        cut = next((b - start for b in range(at + 2, start + length) if b in doc.line_breaks), length)
        if cut < length and not speech_verb_pattern().match(clean, start + length):
            length = cut
        # 阿依古丽·买买提　赵卫东: a roster's space ends the name (the view joined the next one to it).
        length = next(
            (b - start for b in range(at + 2, start + length) if doc.joined_at(b) and b not in doc.line_breaks),
            length,
        )
        # The part after the dot has two characters or more; one only before a speech verb
        # closing the clause (艾尔肯·拉|讲，).
        short = length < at - start + 3 and not (
            length == at - start + 2 and closing_speech_verb_at(clean, start + length)
        )
        if short or is_common_word(clean[start:at]) or is_common_word(clean[at + 1 : start + length]):
            continue
        # 扶贫网·玉树站, 甘肃日报·陇南频道: an outlet and its channel, no name.
        if clean.endswith(press, start, at) or clean.endswith(press, start, start + length):
            continue
        # 湖城·饶州古镇, 梅城·吉州古街景区: a place to visit, where the reading may run on into its word.
        followers = small_words()["dotted_place_followers"]
        if any(clean.startswith(followers, end) for end in range(at + 2, start + length + 1)):
            continue
        yield Mention(start, start + length, clean[start : start + length])


# jieba's tags of prepositions and conjunctions.
_BEFORE_SURNAME = frozenset("pc")


# Lengths of a name without a Han surname read before 同志 ahead of a Han reading, which would cut
# it (格桑卓玛同志, not 桑卓玛; 额尔登毕力格图同志), and those read only where no Han reading stands
# (扎西同志, 其其格同志; 巴特尔同志 reads as a Han name).
_UNSURNAMED_FIRST = (7, 6, 5, 4)
_UNSURNAMED_LAST = (3, 2)


def _unsurnamed_before(clean: str, end: int, lengths: tuple[int, ...]) -> int | None:
    """Where a name of one of ``lengths`` made of known Tibetan or Mongolian parts or of Mongolian
    syllables (:func:`minority_name_length`) and ending at ``end`` starts, the longest first; one
    glued to the word before it (a dictionary word across its start) starts none."""
    for length in lengths:
        pos = end - length
        if pos < 0 or NOT_IN_NAME.search(clean, pos, end) or minority_name_length(clean, pos) != length:
            continue
        if not (pos > 0 and is_common_word(clean[pos - 1 : pos + 1]) and not cut_at(clean, pos)):
            return pos
    return None


def _han_name_before(clean: str, end: int, *, bare_surnames: bool = True) -> int | None:
    """Where a full Han name ending at ``end`` (before a word written after names, or a post) starts,
    else None; a surname glued to the word before it opens none (学习|李明, not 习李明). With
    ``bare_surnames`` a word before it may show a bare surname (向|李同志, 游客郭|女士); the reader of
    posts before a leader's words (王君正书记讲话) has never made those two checks."""
    for length in (3, 2):
        pos = end - length
        # 分管负责同志: a "surname" that ends a word with the character before it opens no name,
        # unless jieba's cut of the words around starts a word there (落实|习近平, not 实习).
        glued = pos > 0 and is_common_word(clean[pos - 1 : pos + 1]) and not cut_at(clean, pos)
        # 向|李同志, 和|陈先生: a preposition or a conjunction before a bare surname opens no
        # name of two characters (one of three may open with such a surname: 于金龙同志).
        led = (
            bare_surnames
            and length == 2
            and pos >= 0
            and word_tag(clean[pos])[:1] in _BEFORE_SURNAME
            and surname_length(clean[pos + 1 : end])
        )
        # 游客郭|女士: a word for ordinary people, then a bare surname, opens no name.
        described = bare_surnames and length == 3 and pos >= 0 and clean[pos : end - 1] in descriptions()[0]
        if (
            pos >= 0
            and not glued
            and not led
            and not described
            and surname_length(clean[pos:end])
            and is_name_shape(clean[pos:end])
        ):
            return pos
    return None


def _comrade_named(doc: Document, end: int) -> int | None:
    """Where the name before 同志 at ``end`` starts: 同志 follows a name of any shape (买买提·阿不都克热木
    同志, 阿拉坦仓布拉同志, 扎西多吉同志, 王建国同志), not a word for people (各位同志, 老同志)."""
    clean = doc.clean
    dotted = dotted_start_before(clean, end, doc.line_breaks)
    if dotted is not None:
        # The part after the dot is no name of its own (买买提·|吐尔逊同志).
        return dotted if read_name(clean, dotted, guess=False) == end - dotted else None
    found = _unsurnamed_before(clean, end, _UNSURNAMED_FIRST)
    if found is None:
        found = _han_name_before(clean, end)
    return found if found is not None else _unsurnamed_before(clean, end, _UNSURNAMED_LAST)


def leader_mentions(doc: Document) -> Iterator[Mention]:
    """``习近平总书记``, ``以习近平同志为核心``: a full name, then a word the press writes
    after the names of national leaders (the post) or 同志 (no post), after which a name of any
    shape stands (:func:`_comrade_named`)."""
    clean = doc.clean
    for end, word_end in word_hits(clean, "posts_after_name"):
        if clean.startswith("们", word_end):
            continue  # 王涛和同志们一起: 同志们 is the people addressed, no name's word
        post = clean[end:word_end]
        pos = _comrade_named(doc, end) if post == COMRADE else _han_name_before(clean, end)
        if pos is not None:
            titles = [Title(title=post)] if post in title_set() else []
            yield Mention(pos, end, clean[pos:end], titles)


@cache
def _speech_owner_words() -> tuple[WordEnds, int]:
    """The words between a post and the noun of what a leader said or wrote, and how many of those
    stand there at most (person_speech_owners.toml; the nouns are ``word_index``'s)."""
    words = read_toml("person_speech_owners.toml")
    return WordEnds(words["modifiers"]), words["most_modifiers"]


def speech_owner_mentions(clean: str) -> Iterator[Mention]:
    """``传达学习王君正书记、肖友才书记近期讲话精神``, ``落实张立新县长批示``: a 、-list of names, each
    with its post, before a word for what they said or wrote (person_speech_owners.toml)."""
    modifiers, most = _speech_owner_words()
    for end, _noun_end in word_hits(clean, "speech_owner_nouns"):
        for _ in range(most):
            modifier = modifiers.word_at(clean, end)
            if modifier is None:
                break
            end -= len(modifier)
        found: list[Mention] = []
        while (post := title_ends().word_at(clean, end)) is not None:
            post_start = end - len(post)
            start = _han_name_before(clean, post_start, bare_surnames=False)
            if start is None:
                break
            found.append(Mention(start, post_start, clean[start:post_start], [Title(title=post)]))
            if clean[start - 1 : start] != "、":
                break
            end = start - 1
        yield from found


@cache
def _contact_head_pattern() -> re.Pattern[str]:
    """A contact head and its colon (plain words: the standard library's engine, as
    :func:`resources.words_pattern`)."""
    return re.compile(f"(?:{alternation(word_list('person_contact_heads.txt'))})[:：]")


def contact_mentions(doc: Document) -> Iterator[Mention]:
    """``联系人：张伟 电话：…``: the name after a contact head, ending at a non-Chinese
    character, a space the clean view removed, or a word that follows names; a body and a
    space may stand before it (联系人：市应急管理局 陈晓峰), the body of the person."""
    clean = doc.clean
    for head in _contact_head_pattern().finditer(clean):
        pos = head.end()
        body = _contact_body(doc, pos)
        titles = [Title(org=clean[pos:body])] if body else []
        pos = body or pos
        # After a body and a space the name needs no Han surname (执行局　格绒泽仁　电话).
        for length in (2, 3, 4) if body else (2, 3):
            end = pos + length
            gap = end < len(clean) and doc.joined_at(end)
            shaped = is_name_shape(clean[pos:end]) or (body and minority_name_length(clean, pos) == length)
            if (gap or ends_name(clean, end)) and shaped:
                yield Mention(pos, end, clean[pos:end], titles)
                break


def _contact_body(doc: Document, pos: int) -> int | None:
    """Where the name starts after a body and a space at ``pos`` (市应急管理局 陈晓峰), or None."""
    limit = min(len(doc.clean), pos + MAX_ORG)
    gap = doc.first_joined(pos + 2, limit)
    if gap == limit or not HAN_RUN.fullmatch(doc.clean, pos, gap):
        return None
    item = split_item(doc.clean[pos:gap])
    return gap if item is not None and item.title is None and item.org == doc.clean[pos:gap] else None


# What a speaker's name may stand right after besides a clause's start: 的 (今年65岁的张建华说)
# and 由, the agent's mark (会议由刘小平主持, 由赵建国宣读表彰决定).
_BEFORE_SPEAKER = frozenset("的由")


# The agent's mark before a name (由李明负责).
_AGENT_MARK = "由"


# How far before a post's end a verb that a name and its post follow may stand (受|欧阳晓峰|副县长).
_FRAME_REACH = 12

# What may stand right before a name written before its post, besides a clause's start: 由, 的, and
# the aspect particle closing a verb (联系上了|何军站长，…).
_BEFORE_NAME_POST = (_AGENT_MARK, "的", "了")


def _preposition_before(doc: Document, pos: int) -> bool:
    """A surname that is a preposition too (向, 同: person_words.toml prepositions_before_name_post)
    stands right before ``pos`` inside a clause, after no verb that a name and its post follow
    (群众向|王刚县长反映; not 向明华县长 opening a clause, nor 感谢向林峰县长)."""
    clean = doc.clean
    before = pos - 1
    return (
        before >= 0
        and clean[before] in small_words()["prepositions_before_name_post"]
        and (before == 0 or is_han(clean[before - 1]) or minority_name_length(clean, pos) > 0)
        # 同卓玛副县长一起…: at a clause's start too, before a name of Tibetan or Mongolian parts
        # (no Han given name follows a surname 同 or 向 so)
        and (not clause_starts(doc, before) or minority_name_length(clean, pos) > 0)
        and not _verbs_before_name_post().at(clean, before)
    )


@cache
def _frame_openers() -> re.Pattern[str]:
    """The verbs and prepositions a name and its post may follow (:func:`_verbs_before_name_post`,
    :func:`_preposition_before`): one search of a window finds whether any stands in it."""
    return words_pattern((*small_words()["verbs_before_name_post"], *small_words()["prepositions_before_name_post"]))


@cache
def _verbs_before_name_post() -> WordEnds:
    """Verbs and prepositions that a name and its post may follow (代表陈全国书记, 受李明书记委托):
    person_words.toml verbs_before_name_post; none is a surname, so no name's first character is one.
    Asked at each reading before each post: looked up by the last character, not compared one by one."""
    return WordEnds(small_words()["verbs_before_name_post"])


def agent_mentions(clean: str) -> Iterator[Mention]:
    """``由李明负责具体工作``, ``由王红同志牵头``: a full Han name after 由, the agent's mark, right
    before a verb of taking charge (person_words.toml agent_verbs) or 同志 and one."""
    for verb_start, _verb_end in word_hits(clean, "agent_verbs"):
        end = verb_start - len(COMRADE) if clean.startswith(COMRADE, verb_start - len(COMRADE)) else verb_start
        for length in (2, 3):
            pos = end - length
            name = clean[pos:end]
            if (
                pos > 0
                and clean[pos - 1] == _AGENT_MARK
                and surname_length(name)
                and is_name_shape(name)
                and not name.endswith(small_words()["not_name_endings"])
            ):
                yield Mention(pos, end, name)
                break


def _speaker_at(doc: Document, pos: int, end: int) -> bool:
    """A speaker's name stands at ``pos`` up to ``end``: a full name with a Han surname, a dotted
    name, or a name without a surname that the dictionary reads as a name or that is made of
    known Tibetan and Mongolian parts (格桑卓玛说, 乌云其木格告诉)."""
    clean = doc.clean
    # 张雨浦、陈雍、崔波、庄严出席: the last item of a list of names is a full name though the
    # dictionary reads it as a word, where the two items before it are read as names.
    if pos > 0 and clean[pos - 1] == "、" and _last_item_of_names(clean, pos, end):
        return True
    # 会议由刘小平主持: 由 marks the speaker as the agent of the verb; the part after a dot
    # (苏·|达来介绍) is no name of its own.
    if pos < 0 or not (clause_starts(doc, pos) or clean[pos - 1] in _BEFORE_SPEAKER) or DOT.match(clean, pos - 1):
        return False
    if read_name(clean, pos, guess=False) == end - pos and is_name_shape(clean[pos:end]):
        return True
    # Known Tibetan and Mongolian parts make a name though a Han surname opens it (格桑说).
    if end - pos == minority_name_length(clean, pos) and not NOT_IN_NAME.search(clean, pos, end):
        return True
    # 咪罕介绍, 玉香表示: a Dai name before a speech verb.
    if end - pos == dai_name_length(clean, pos):
        return True
    # “…。”阿苏木呷笑着说: right after a quotation its speaker's name needs no surname in the table.
    if clean[pos - 1 : pos] in _CLOSING_QUOTES and context_name_length(clean, pos) == end - pos:
        return True
    # A Han surname opens a name of at most three characters here (李女士说 is none).
    if end - pos <= surname_length(clean[pos:end]) + 2:
        return False
    if NOT_IN_NAME.search(clean, pos, end):
        return False
    # The dictionary knows some Tibetan names as nouns (多吉次仁): a common word is a name only
    # when it is made of known parts.
    if is_common_word(clean[pos:end]) and end - pos != minority_name_length(clean, pos):
        return False
    return end - pos in (unsurnamed_name_length(clean, pos), minority_name_length(clean, pos))


# What may stand before the first item of a list of names.
_LIST_OPENERS = frozenset("，,：:、")


def _last_item_of_names(clean: str, pos: int, end: int) -> bool:
    """``clean[pos:end]`` (after a 、) is a full name of two or three characters, and the two
    items before it are each read as a name (陈雍、崔波、|庄严; 王平、|严格 is too short a list
    to tell a name from a word)."""
    if end - pos not in (2, 3) or not HAN_RUN.fullmatch(clean, pos, end):
        return False
    if not is_name_shape(clean[pos:end], dictionary_veto=False):
        return False
    item_end = pos - 1
    for _ in range(2):
        item_start = next(
            (
                item_end - size
                for size in (2, 3)
                if item_end - size > 0
                and clean[item_end - size - 1] in _LIST_OPENERS
                and read_name(clean, item_end - size, guess=False) == size
            ),
            None,
        )
        if item_start is None:
            return False
        item_end = item_start - 1
    return True


def post_aside_end(clean: str, pos: int) -> int:
    """Where the text goes on after posts in brackets at ``pos`` (``（县委副书记）``), else ``pos``."""
    if not clean.startswith("(", pos):
        return pos
    close = clean.find(")", pos, pos + 30)
    return close + 1 if close > pos + 1 and split_item(clean[pos + 1 : close]) else pos


def posts_after(clean: str, end: int, breaks: frozenset[int]) -> list[Title]:
    """Posts written right after a name ending at ``end``: ``刘先全（镇党委书记）``,
    ``张立荣担任管委会主任``, ``王建军同志任县林草局党组书记`` (同志 carries no post)."""
    if clean.startswith(COMRADE, end):
        end += len(COMRADE)
    if clean.startswith("(", end):
        close = post_aside_end(clean, end) - 1
        return chain_before(clean, close, breaks) if close > end else []
    if not clean.startswith(post_verbs(), end):  # one test of the whole tuple: most names have no verb after them
        return []
    for verb in post_verbs():
        if clean.startswith(verb, end):
            # 担任过共青团市委书记: an aspect particle after the verb is no part of the body.
            at = end + len(verb) + (clean[end + len(verb) : end + len(verb) + 1] in ASPECT_PARTICLES)
            at = past_attending_verb(clean, at)
            # 任中共毕节市委委员、常委、书记: the whole chain, each post carrying the body.
            chain = posts_in(clean, at)
            if chain:
                return chain + _nominated_after(clean, at)
            post = _post_written_at(clean, at)
            if post is not None:
                return [post]
    return []


# A nomination in the clause after a chain of posts (任…书记，提名…主任人选 / ，提名为…县长候选人).
_NOMINATION = regex.compile(r"[,，](?:拟)?提名(?:为)?")
# Words closing the posts of a candidacy (…副主席提名人选, …县长候选人): notices read them too.
CANDIDACY_CLOSERS = ("提名人选", "推荐人选", "候选人", "人选")


@cache
def _nominee_closers() -> tuple[str, ...]:
    """The words closing a nominee's posts (人选, 提名人选; person_words.toml nominee_closers)."""
    return tuple(small_words()["nominee_closers"])


def _nominee_length(clean: str, pos: int) -> int:
    """The length of the word of :func:`_nominee_closers` at ``pos``, else 0."""
    return len(listed_word_at(clean, pos, _nominee_closers()))


def _nominated_after(clean: str, start: int) -> list[Title]:
    """The posts a person is nominated for in the clause after the chain of posts written from
    ``start`` (张某任汕尾市委书记，提名汕尾市人大常委会主任人选): the candidacy is the post's."""
    chain = NOTICE_POST.match(clean, start, start + 4 * MAX_ORG)
    nomination = _NOMINATION.match(clean, chain.end()) if chain is not None else None
    if nomination is None:
        return []
    posts = NOTICE_POST.match(clean, nomination.end(), nomination.end() + 4 * MAX_ORG)
    if posts is None or not clean.startswith(CANDIDACY_CLOSERS, posts.end()):
        return []
    return posts_in(clean, nomination.end())


def body_before(clean: str, pos: int, breaks: frozenset[int]) -> str | None:
    """The body written right before a name starting at ``pos`` (砀山县委|朱建平), if it ends
    in an organisation's ending and is more than that ending."""
    if not clean.endswith(word_list("person_org_suffixes.txt"), 0, pos):
        return None
    start = org_start(clean, pos, breaks)
    suffix = next(s for s in word_list("person_org_suffixes.txt") if clean.endswith(s, 0, pos))
    return clean[start:pos] if pos - start > len(suffix) else None


def _post_written_at(clean: str, start: int) -> Title | None:
    """The post written from ``start`` in a run of Chinese characters that goes on after it
    (升任县人大常委会办公室主任后): the furthest post whose body, if any, has an organisation
    ending (县人大常委会办公室 + 主任, not 县人大 + 常委)."""
    found: Title | None = None
    for post in title_pattern().finditer(clean, start, start + MAX_ORG, overlapped=True):
        if not all(is_han(c) for c in clean[start : post.start()]):
            break
        item = split_item(clean[start : post.end()]) or Title(title=post.group())
        if item.org is None or item.org.endswith(word_list("person_org_suffixes.txt")):
            found = item
    return found


def caption_mentions(doc: Document) -> Iterator[Mention]:
    """``图为陈国庆（左二）在联络站接待群众``: a full name before its place in the picture."""
    clean = doc.clean
    for place in POSITION_NOTE.finditer(clean):
        if not places_a_person(place):  # a reading by surname alone needs the note to say so
            continue
        end = place.start()
        for length in (3, 2, 4):
            pos = end - length
            # 法官徐驰（左一）: a surname that closes a post (法官) is the post's; the name is after it.
            if length == 3 and title_ends().at(clean, pos + 1):
                continue
            if pos >= 0 and read_name(clean, pos, guess=False) == length:
                yield Mention(pos, end, clean[pos:end])
                break


def named_with_post_after(doc: Document) -> Iterator[Mention]:
    """``刘先全（镇党委书记）带领…``, ``由张立荣担任管委会主任``: a name opening a clause
    (or after 由), then its post.

    Looks back from the rare words that introduce a post after a name instead of
    reading a name at every clause start."""
    clean = doc.clean
    carried: tuple[int, Title] | None = None  # where the last holder's name ends, its last post
    for end, trigger_end in word_hits(clean, "post_after_triggers"):
        # Most hits have no 由 or 从 before them.
        by = max(clean.rfind(word, max(0, end - 2 * MAX_ORG), end) for word in _MOVED_FROM)
        moved = _moved_from(clean, by, end) if by > 1 else None
        if moved is not None:
            yield moved
            continue
        # A verb of two characters or more (当选为, 担任) says a post follows: the name before
        # it needs no Han surname (斯琴高娃当选为…); a bracket or the bare 任 says too little.
        unsurnamed = trigger_end - end >= 2
        adverbs = _words_before("adverbs_before_post_verbs")
        vote = _VOTE_BEFORE.search(clean, max(0, end - 12), end) or adverbs.search(clean, max(0, end - 2), end)
        name_end = aside_before(clean, vote.start() if vote else end)  # 杨光（1978年生）任…
        # 胡洲荣同志全票当选为…, 张华、李明同志当选为…, 王海燕同志（县委常委…）主持…
        bracket = clean.startswith("(", end)
        comrade = (vote is not None or unsurnamed or bracket) and clean.endswith(COMRADE, 0, name_end)
        if comrade:
            name_end -= len(COMRADE)
        dotted = dotted_start_before(clean, name_end, doc.line_breaks)
        # 图门巴雅尔当选为…: a name without a Han surname may run to five characters, before 同志
        # to seven (阿拉坦仓布拉同志当选为…, 额尔登毕力格图同志当选为…).
        lengths = ((2, 3, 4, 5, 6, 7) if comrade else (2, 3, 4, 5)) if unsurnamed else (2, 3, 4)
        for length in (2, 3, 4, name_end - dotted) if dotted is not None else lengths:
            pos = name_end - length
            if pos < 0:
                break
            # A body may stand right before the name and a verb (任前公示: 砀山县委朱建平拟任…):
            # the name then needs a Han surname, and the body is a post of its own.
            after_han = pos > 0 and is_han(clean[pos - 1])
            body = body_before(clean, pos, doc.line_breaks) if unsurnamed and after_han else None
            # After 由 or a word for people (党员叶尔保力·努尔兰以全票当选…) a name may stand too.
            # 李强、王芳和刘丹当选副县长: the last of a list of names joined by 和 is a name too.
            joined = clean[pos - 1] in LIST_CONJUNCTIONS and _name_ends_at(doc, pos - 1)
            if body is None and after_han and clean[pos - 1] != "由" and not joined and not title_ends().at(clean, pos):
                continue
            if pos > 0 and DOT.match(clean, pos - 1):
                continue  # 阿依努尔·|托合提当选: the part after the dot is no name of its own
            if pos > 0 and clean[pos - 1].isdigit():
                continue  # 自2018|年起担任…: a numeral's unit, no name
            # Before a vote (赵明全票当选) the name ends where the vote begins, but a place may stand
            # before an adverb (南湖镇|时任纪委书记).
            read = read_name(clean, pos, guess=False, unsurnamed=unsurnamed and body is None) == length
            # 沙马阿支、王丽、俄木石者当选为…: the last of a 、-list before the verb is a name as
            # the list's others are, though the dictionary finds a noun in it (木石).
            in_list = unsurnamed and clean[pos - 1 : pos] == "、" and is_listed_name(clean[pos:name_end])
            shaped = vote is not None and is_name_shape(clean[pos:name_end])
            if read or in_list or (shaped and not clean.endswith(small_words()["not_name_endings"], pos, name_end)):
                titles = posts_after(clean, end, doc.line_breaks)
                if len(titles) > 1 and vote is not None and vote.group() == small_words()["respective_adverb"]:
                    break  # A、B分别任X、Y: the posts go one to each name, in order
                if titles:
                    if body is not None:
                        titles.insert(0, Title(org=body, title=None))
                    # 李小红、王强当选为委员: the names listed before it take the same posts; posts
                    # in brackets are the bracketed name's own (王强、李明（县委副书记）、赵丽).
                    listed = (
                        list(names_before(doc, pos - 1, unsurnamed=unsurnamed))
                        if (clean[pos - 1 : pos] == "、" or joined) and not bracket
                        else []
                    )
                    # 王强当选为村党支部书记，李红(、赵明)当选为副书记: the next clause's holders of the
                    # same rank line take the body.
                    opening = listed[-1].start if listed else pos
                    titles = carry_along(clean, opening, titles, carried) if carried else titles
                    carried = (name_end, titles[-1])
                    yield Mention(pos, name_end, clean[pos:name_end], titles)
                    for name in listed:
                        yield Mention(name.start, name.end, name.name, list(titles))
                break
        # 王建国同志任县委常委: the name stands before 同志.
        if clean.startswith(COMRADE, end - len(COMRADE)) and clean.startswith(post_verbs(), end):
            yield from _named_before_tongzhi(doc, end - len(COMRADE))


def _name_ends_at(doc: Document, end: int) -> bool:
    """A list of full names (or one name opening the clause) ends at ``end``, before 和 (李强、王芳|和刘丹)."""
    return any(is_name_shape(listed.name) for listed in names_before(doc, end))


@cache
def _pseudonym_note() -> regex.Pattern[str]:
    return regex.compile(rf"\((?:{alternation(small_words()['pseudonym_notes'])})\)")


@cache
def _not_pseudonym_endings() -> tuple[str, ...]:
    """Endings of places and businesses, which are pseudonymised too (高家庄（化名）): the
    below-county suffixes, the organisation endings and person_words.toml pseudonym_place_endings."""
    return (
        *below_suffixes(),
        *read_words("place_org_suffixes.txt"),
        *small_words()["pseudonym_place_endings"],
    )


def pseudonym_mentions(clean: str) -> Iterator[Mention]:
    """``郭振海（化名）与同村郭振刚（化名）``: a full name right before a note that it is a pseudonym
    (person_words.toml pseudonym_notes); not a place or business (高家庄, 某某公司) nor a common
    word the dictionary knows whole."""
    for note in _pseudonym_note().finditer(clean):
        end = note.start()
        for length in (3, 2, 4):
            pos = end - length
            if pos >= 0 and surname_length(clean[pos : pos + 2]) and read_name(clean, pos, guess=True) == length:
                candidate = clean[pos:end]
                if not candidate.endswith(_not_pseudonym_endings()) and not is_common_word(candidate):
                    yield Mention(pos, end, candidate)
                break


def is_listed_name(candidate: str) -> bool:
    """A name without a Han surname as an item of a list of names: name-shaped, no dictionary
    word as a whole, no post in it, and no verb, adjective, adverb or function word in it."""
    return (
        is_name_shape(candidate, unsurnamed=True)
        and not is_common_word(candidate)
        and title_pattern().search(candidate) is None
        and not any(len(word) > 1 and tag[:1] in NOT_NAME_PART_TAGS for word, tag in tagged_words(candidate))
    )


def only_name_words(candidate: str) -> bool:
    """The dictionary finds no word of two characters or more in ``candidate`` but names and places."""
    return all(len(word) < 2 or tag.startswith(("nr", "ns", "nz")) for word, tag in tagged_words(candidate))


# Between a word for leaders and the names it lists: 县领导还有：王建国、李红; or characters a
# broken encoding left between a post and a name (县委书记??张建国).
LIST_LINK = re.compile("(?:还有|有|是|分别是|分别为)?:|[?\ufffd]{1,4}")


# A post written after a name in a notice ends at punctuation, at 职务 (免去李四的…局长职务), at
# 的 (任命陈志为县公安局局长的议案), at 至今, or at a candidacy (…副主席提名人选).
NOTICE_POST = regex.compile(
    r"[\p{Han}、]+?(?=等职|一职|职务|职位|候选人|(?:拟任|提名|推荐)?人选|的|至今|以及|[^\p{Han}、]|$)"
)


def _levels_sharing_a_body(pieces: list[str]) -> list[str]:
    """省、市、县人大代表: levels listed before one body and post share them (省人大代表, 市人大代表,
    县人大代表); a level written alone takes the body of the first piece after it that has one."""
    shared: list[str] = []
    body = ""  # the body and post after the level of the nearest piece that has them
    for piece in reversed(pieces):
        if is_level_word(piece) and body:
            piece += body
        else:
            body = piece[1:] if is_level_word(piece[:1]) else ""
        shared.append(piece)
    return shared[::-1]


def posts_in(clean: str, start: int, stop: int | None = None) -> list[Title]:
    """The 、-separated posts written from ``start`` (市财政局局长, 县委副书记、县长) up to
    ``stop`` if given, each without a body taking the body before it, as in a chain before a name."""
    # 当选新一届镇人大主席: a term opens no body.
    opening = TERM_OR_COUNT.match(clean, start, stop or len(clean))
    start = opening.end() if opening is not None else start
    segment = NOTICE_POST.match(clean, start, min(start + 4 * MAX_ORG, stop or len(clean)))
    if segment is None:
        return []
    titles: list[Title] = []
    bodies: list[str] = []  # bodies listed before the post they share (县交通局、水利局局长)
    pieces = [part for piece in POST_MARKS.split(segment.group()) for part in _joined_posts(piece)]
    pieces = _levels_sharing_a_body(pieces)
    for piece in pieces[:MAX_CHAIN]:  # 、 or 兼 (第一书记兼工作队队长), 和 between posts
        item = _acting_item(piece) if len(piece) <= MAX_ORG else None
        if item is None or (item.title is None and (titles or item.org is None)):
            break
        if item.title is None:
            bodies.append(item.org or "")
            continue
        titles += [Title(org=body, title=item.title) for body in bodies]
        bodies = []
        titles.append(item)
    if bodies and not titles and len(bodies) == len(pieces):
        # 劳动局、统计局、农牧局的主要负责人: the post after 的 is every body's.
        shared = post_after_of(clean, segment.end())
        titles = [Title(org=body, title=shared) for body in bodies] if shared else []
    return carry_bodies(titles)


def post_after_of(clean: str, pos: int) -> str | None:
    """The post written alone after a 的 at ``pos`` up to the clause's end (的主要负责人，), else None."""
    if not clean.startswith("的", pos):
        return None
    run = HAN_RUN.match(clean, pos + 1, pos + 1 + MAX_ORG)
    item = split_item(run.group()) if run is not None and not is_han(clean[run.end() : run.end() + 1]) else None
    return item.title if item is not None and item.org is None else None


def _moved_from(clean: str, by: int, end: int) -> Mention | None:
    """``刘海由县水利局副局长调任县农业农村局局长``: a name, 由 at ``by``, the posts it held up to
    the verb at ``end``, and the posts after the verb; the mention carries both, in order."""
    if not title_ends().at(clean, end):
        return None
    held = posts_in(clean, by + 1, end)
    if not held or NOTICE_POST.match(clean, by + 1, end).end() != end:
        return None
    name_end = by - len(COMRADE) if clean.endswith(COMRADE, 0, by) else by
    for length in (3, 2):
        pos = name_end - length
        # The posts on both sides of the verb say a name comes, as a post before it does.
        if pos >= 0 and (read_name(clean, pos, guess=True) == length or is_name_shape(clean[pos:name_end])):
            taken = posts_after(clean, end, frozenset())
            return Mention(pos, name_end, clean[pos:name_end], held + taken) if taken else None
    return None


_POST_CONJUNCTION = re.compile(f"[{''.join(LIST_CONJUNCTIONS)}]")


@cache
def _post_joint() -> re.Pattern[str]:
    """Where a piece of a chain may hold two posts: a conjunction (和, 与, 及) or a verb of acting (代理)."""
    return re.compile(f"{_POST_CONJUNCTION.pattern}|{words_pattern(small_words()['acting_verbs']).pattern}")


def _joined_posts(piece: str) -> list[str]:
    """``村党支部书记和村委会主任`` -> both posts: a piece of a chain split where 和 (与, 及)
    follows a post; a conjunction inside a body (住房和城乡建设局局长) follows none. A verb of acting
    after a post opens the next post and stays with it (副区长|代理区长)."""
    parts: list[str] = []
    start = 0
    for joint in _post_joint().finditer(piece):  # most pieces have none
        at = joint.start()
        if at > start and joint.end() < len(piece) and title_ends().at(piece, at):
            parts.append(piece[start:at])
            start = joint.end() if joint.group() in LIST_CONJUNCTIONS else at
    parts.append(piece[start:])
    return parts


def _acting_item(piece: str) -> Title | None:
    """:func:`split_item`, but a verb of acting opening the piece is the prefix of the post, before a
    level's body too (代理某区人民政府区长 -> 某区人民政府, 代理区长; person_words.toml acting_verbs),
    not before a trade's (代理记账公司)."""
    acting = listed_word_at(piece, 0, small_words()["acting_verbs"])
    item = split_item(piece[len(acting) :]) if acting else None
    if item is None or item.title is None or not (item.org is None or opens_level_body(item.org, 0)):
        return split_item(piece)
    return Title(org=item.org, title=acting + item.title)


def _named_before_tongzhi(doc: Document, end: int) -> Iterator[Mention]:
    """A name opening a clause right before 同志, whose post follows at ``end + 2``."""
    clean = doc.clean
    for length in (2, 3):
        pos = end - length
        if pos >= 0 and clause_starts(doc, pos) and is_name_shape(clean[pos:end]):
            titles = posts_after(clean, end + 2, doc.line_breaks)
            if titles:
                yield Mention(pos, end, clean[pos:end], titles)
            return


# A nationality in brackets after a name (谭明(汉族), 崔玉兰(女,藏族), 旦巴多吉(藏族,2011年—…)).
NATIONALITY_ASIDE = regex.compile(r"\((?:(?:男|女)[，,])?\p{Han}{1,5}族[，,)]")


def name_before_nationality(clean: str, pos: int, aside: regex.Pattern[str] = NATIONALITY_ASIDE) -> int:
    """Length of a name of two to four characters at ``pos`` right before its nationality in
    brackets (向巴平措（藏族）, 崔玉兰（女，藏族）), or another ``aside`` about the person, else 0:
    it needs no Han surname, but no dictionary word opens it unless known Tibetan and Mongolian
    parts make it (扎西东周)."""
    for length in (4, 3, 2):
        end = pos + length
        name = clean[pos:end]
        if clean.startswith("(", end) and HAN_RUN.fullmatch(name) and aside.match(clean, end):
            known = minority_name_length(clean, pos) == length
            if known or (
                not is_common_word(name) and not is_common_word(name[:2]) and is_name_shape(name, unsurnamed=True)
            ):
                return length
    return 0


def press_mentions(doc: Document) -> Iterator[Mention]:
    """``人民日报社甘肃记者站记者刘海天，…``, ``县融媒体中心记者王芳、李强参加``: a reporter's word
    right after the press body (person_words.toml press), then a 、-list of names; the caller
    makes them reporters."""
    clean = doc.clean
    bodies = tuple(small_words()["press"]["bodies"])
    for word_start, word_end in word_hits(clean, "press_words"):
        # 本报记者 张伟: a space after the word makes a credit line, the bylines' own.
        if clean.endswith(bodies, 0, word_start) and not doc.joined_at(word_end):
            yield from names_in_list(clean, word_end, doc.line_breaks, guess_rest=True)


# What ends a sentence after the last item of a list of names (、更登加。); "" is the text's end.
_LIST_LAST_ENDS = ("。", "；", ";", "")

# A count of people (两位, 3名, 五人) after a list of their names.
_PEOPLE_COUNT = regex.compile(PEOPLE_COUNT)
# A count closing a list of names after its last item (、赵刚强共3名, 、赵刚强3人).
_CLOSING_COUNT = regex.compile(rf"共?{PEOPLE_COUNT}")
# The longest such count (共1200名).
_LONGEST_COUNT = 7


def names_in_list(
    clean: str, pos: int, breaks: frozenset[int], *, guess: bool = False, guess_rest: bool = False
) -> Iterator[Mention]:
    """Names in a 、-list starting at ``pos``, each read as a name that ends at 、, a
    word that follows names (王建国、李红、赵东出席) or the end of the line; ``guess``: the list
    is known to hold names (a found name opens it), so the last may end before any verb or
    word (杨老二、吴光荣故意伤害) as after a post; ``guess_rest``: so it is once its first
    name is read (a word for leaders heads it: 县领导刘志军、巴特尔、格桑出席)."""
    # How many names the list holds so far (one before ``pos`` where a 、 stands before it).
    listed = int(clean[pos - 1 : pos] == "、")
    while True:
        guess = guess or (guess_rest and listed > 0)
        length = read_name(clean, pos, guess=False)
        if not length and guess:
            # 次仁、卓玛、多吉等: known Tibetan and Mongolian parts make a listed name too, as a Dai
            # opener does (岩罕、玉香、依叫等).
            length = (
                read_name(clean, pos, guess=True, unsurnamed=False)
                or minority_name_length(clean, pos)
                or dai_name_length(clean, pos)
            )
            # 、区长李明出席: a post inside the reading opens the next holder, not a name.
            if title_pattern().search(clean, pos, pos + length):
                length = 0
        if not length and guess:
            # 、傅来昌、: a full name standing between two 、 of a list of names is one even where
            # the dictionary reads words in it; not one it reads whole as a common word (、黄金、, 、常务、).
            length = next(
                (
                    n
                    for n in (3, 2)
                    if clean.startswith("、", pos + n)
                    and not is_common_word(clean[pos : pos + n])
                    and is_name_shape(clean[pos : pos + n], dictionary_veto=False)
                ),
                0,
            )
        if not length and guess and listed:
            # 、尼玛卓玛、鸟成云、吴海昆、: two to five Chinese characters between two names of the
            # list are a name, whatever its surname (one the table lacks) or its parts (白玛罗尔伍).
            length = next(
                (
                    n
                    for n in (5, 4, 3, 2)
                    if clean.startswith("、", pos + n)
                    and HAN_RUN.fullmatch(clean, pos, pos + n)
                    and not is_common_word(clean[pos : pos + n])
                    and not is_familiar_form(clean[pos : pos + 2])  # 、老张头、 is no name
                    and (read_name(clean, pos + n + 1, guess=False) or minority_name_length(clean, pos + n + 1))
                ),
                0,
            )
        if not length and guess and listed:
            # 、马福元、更登加。: so is the list's last item where the sentence ends after it, or a
            # count of the listed people (、赵刚强共3名).
            length = next(
                (
                    n
                    for n in (3, 2)
                    if (
                        clean[pos + n : pos + n + 1] in _LIST_LAST_ENDS
                        or pos + n in breaks
                        or _CLOSING_COUNT.match(clean, pos + n)
                    )
                    and HAN_RUN.fullmatch(clean, pos, pos + n)
                    and not is_common_word(clean[pos : pos + n])
                    and not is_familiar_form(clean[pos : pos + 2])
                ),
                0,
            )
        if not length and guess_rest and not listed:
            # 县领导舒畅、吴剑锋、…: under a word for leaders, a full name the dictionary reads as a
            # word (舒畅) opens the list where a name follows it.
            length = next(
                (
                    n
                    for n in (3, 2)
                    if clean.startswith("、", pos + n)
                    and is_name_shape(clean[pos : pos + n], dictionary_veto=False)
                    and read_name(clean, pos + n + 1, guess=False)
                ),
                0,
            )
        # 、万志正、舒建明, 、万志正等参加: a listed name runs on to the 、 or 等 after it (志正, 正等
        # are no cut of it).
        if (
            length == 2
            and clean[pos + 3 : pos + 4] in ("、", "等")
            and is_name_shape(clean[pos : pos + 3], dictionary_veto=False)
        ):
            length = 3
        # 、洛桑江村（藏族）、: a name before its nationality in brackets.
        length = (
            length or name_before_break(clean, pos, breaks) or (name_before_nationality(clean, pos) if guess else 0)
        )
        # 、刘洋两位同志为, 、周海燕共3名同志: a count of the people listed ends the last name (the
        # search runs past the reading, which may end inside the count).
        count = _CLOSING_COUNT.search(clean, pos + 2, pos + length + _LONGEST_COUNT) if length > 2 else None
        length = count.start() - pos if count and count.start() < pos + length else length
        if not length or (pos + length not in breaks and _body_of_next_holder(clean, pos, pos + length)):
            return  # 、区政协主席杨晓林, 、阿拉坦额莫勒镇镇长苏日娜: the next holder's body
        # 、沙坝组残疾人刘永刚: a village or group, not a name (but 、王德顺组成合议庭: a word goes on).
        if clean.startswith(small_words()["not_name_endings"], pos + length) and not is_common_word(
            clean[pos + length : pos + length + 2]
        ):
            return
        yield Mention(pos, pos + length, clean[pos : pos + length])
        listed += 1
        # 李桂英（女）、…, 李桂英（得票985票）、王振山: an aside or a vote count may follow a name.
        after = aside_after(clean, pos + length)
        vote = _VOTE_ASIDE.match(clean, after)
        # 县领导王强、李明（县委副书记）、赵丽: a listed name's own posts in brackets.
        after = vote.end() if vote else post_aside_end(clean, after)
        if listed > 1 and clean[after : after + 1] in LIST_CONJUNCTIONS:
            # 韩志勇、邱长顺和王建国一起…: a conjunction joins the last name of a list of several;
            # that name has a Han surname.
            last = read_name(clean, after + 1, guess=guess, unsurnamed=False)
            if last and is_name_shape(clean[after + 1 : after + 1 + last]):
                yield Mention(after + 1, after + 1 + last, clean[after + 1 : after + 1 + last])
            return
        if not clean.startswith("、", after):
            return
        pos = after + 1


# A candidate's votes in brackets after the name (（得票985票）).
_VOTE_ASIDE = regex.compile(r"\((?:得票|得)?\d{1,6}票\)")


def _body_of_next_holder(clean: str, start: int, end: int) -> bool:
    """The list item read at ``start``-``end`` opens a body with a post after it (区政协主席,
    阿拉坦额莫勒镇镇长): a post right after it, or a run of Chinese characters that is a body
    and a post; or a post that the reading cuts (、党办主|任蒙洪敏: 党办 is the body)."""
    if title_starts().at(clean, end):
        return True
    if any((cut := title_pattern().match(clean, end - n)) and cut.end() > end for n in (1, 2) if end - n > start):
        return True
    post = title_pattern().search(clean, end, end + MAX_ORG)
    if post is None or not HAN_RUN.fullmatch(clean, end, post.start()):
        return False
    item = split_item(clean[start : post.end()])
    if item is None or item.org is None:
        return False
    # 、区人民|法院院长: the body runs on past the name's end inside one word (人民法院): no name ends there.
    # 、洪格尔|高勒镇党委书记: the body holds a township's or village's suffix after the name's end, so a
    # place's name opens it (not across a conjunction or 的: 邱长顺|和张家村的村民).
    rest = item.org[end - start :]
    return (
        item.org.endswith(word_list("person_place_endings.txt"))
        or (len(item.org) > end - start and not cut_at(clean, end))
        or (
            _POST_CONJUNCTION.search(rest) is None
            and "的" not in rest
            and any(suffix in rest for suffix in below_suffixes())
        )
    )


def names_before(doc: Document, end: int, *, unsurnamed: bool = False) -> Iterator[Mention]:
    """The 、-list of full names that ends at ``end`` (张建国、李红梅、王小平|等), walked back to
    the clause start; ``unsurnamed``: the list's own names need no Han surname (阿拉坦仓、
    哈斯巴根当选为…), but none may be a common word."""

    def shaped(name: str) -> bool:
        if name.endswith(small_words()["clan_village_endings"]):
            return False
        if is_name_shape(name) or _of_known_parts(name):
            return True
        # 曾月华、李永明当选为…: before a verb that says a post follows, a full name the dictionary
        # reads as words (曾, the adverb) but not as one word is listed too.
        if unsurnamed and is_name_shape(name, dictionary_veto=False) and not is_common_word(name):
            return True
        # 张建华、巴特尔、其其格等牧民: next to a Han name, a listed name needs no Han surname; but a
        # verb and a Han name (接受|金静、夏峰辞去…) are the list's verb and its first name.
        return (
            is_name_shape(name, unsurnamed=True)
            and not (word_tag(name[:2]).startswith("v") and is_name_shape(name[2:]))
            and not is_common_word(name)
            and (unsurnamed or not is_common_word(name[:2]))
            and not NOT_IN_NAME.search(name)
        )

    found = list(_listed_before(doc, end, shaped))
    # A name without a Han surname stands only in a list with a full Han name, a dotted one or one
    # of known Tibetan, Mongolian or Yi parts (吉克阿牛、沙马阿果等村民), or where the caller allows it
    # (哈斯巴根、阿拉坦仓当选为…).
    if unsurnamed or any(is_name_shape(m.name) or DOT.search(m.name) or _of_known_parts(m.name) for m in found):
        yield from found


def _of_known_parts(name: str) -> bool:
    """``name`` is made wholly of known Tibetan or Mongolian parts or is a Yi clan's name and a given
    name (person_minority_name_parts.txt, person_yi_clans.txt: 次仁央宗, 沙马阿果)."""
    return known_parts_length(name, 0) == len(name)


def _listed_before(doc: Document, end: int, shaped: Callable[[str], bool]) -> Iterator[Mention]:
    """The items of :func:`names_before`, last first."""
    clean = doc.clean

    def opens_item(pos: int) -> bool:
        return (
            clean[pos - 1 : pos] == "、"
            or clause_starts(doc, pos)
            or (last and clean[pos - 1 : pos] in LIST_CONJUNCTIONS)
        )

    def after_word(pos: int) -> bool:
        # 指使|张国栋、刘长顺等: the first item of a list may follow the verb or preposition
        # whose object the list is, a word ending right before it; such an item has a Han surname.
        verb_end = pos - 1 if clean[pos - 1 : pos] == "了" else pos  # 慰问了|高建国、…
        return is_common_word(clean[verb_end - 2 : verb_end]) and not is_common_word(clean[pos - 1 : pos + 1])

    def village_before(pos: int) -> int | None:
        # 、罗村|王天太、…等群众家中: the village a listed name lives in may stand before it; the
        # first village may follow the verb whose object the list is (先后到|东街村李明华、…).
        return next(
            (
                pos - n
                for n in (2, 3, 4)
                if clean.endswith(small_words()["village_endings"], pos - n, pos)
                and HAN_RUN.fullmatch(clean, pos - n, pos)
                and (opens_item(pos - n) or clean[pos - n - 1 : pos - n] in "到了" or after_word(pos - n))
            ),
            None,
        )

    last = True  # 董小柱和许全堂等: the last item may be joined by a conjunction
    for _ in range(4 * MAX_CHAIN):
        # 钟丽梅（女）、何耀华: an aside may stand between a listed name and the 、 or 等 after it.
        end = aside_before(clean, end)
        # 马新民、哈力木拉提·阿布都拉、古丽米拉·吾拉孜别克当选为…: a dotted name is one item.
        dotted = dotted_start_before(clean, end, doc.line_breaks)
        pos = (
            dotted
            if dotted is not None and opens_item(dotted)
            else next(
                (end - n for n in (2, 3, 4) if end - n >= 0 and opens_item(end - n) and shaped(clean[end - n : end])),
                None,
            )
        )
        village = None
        if pos is None and dotted is None:
            pos = next(
                (
                    end - n
                    for n in (3, 2)
                    if end - n > 2 and is_name_shape(clean[end - n : end]) and village_before(end - n) is not None
                ),
                None,
            )
            village = village_before(pos) if pos is not None else None
        # The object of a verb opens the list (指使|张国栋、刘长顺等) or is all of it (任命|肖世强等5名同志);
        # a list read from a 、 goes on after it, so its first item read here is not its last.
        if pos is None and (clean[end : end + 1] == "、" or (last and clean[end : end + 1] == "等")):
            pos = next(
                (
                    end - n
                    for n in (2, 3)
                    if after_word(end - n) and surname_length(clean[end - n : end]) and shaped(clean[end - n : end])
                ),
                None,
            )
            if pos is not None:
                yield Mention(pos, end, clean[pos:end])
            return
        if pos is None:
            return
        yield Mention(pos, end, clean[pos:end])
        opened = village if village is not None else pos
        joined = last and clean[opened - 1 : opened] in LIST_CONJUNCTIONS
        if clean[opened - 1 : opened] != "、" and not joined:
            return
        last = False
        end = opened - 1


def spaced_names(doc: Document, pos: int, stop: int | None = None, *, after_post: bool = False) -> Iterator[Mention]:
    """``滕建华  吴清明  龙玉珍``: a line of full names set apart by spaces (the clean view
    joined them), up to the end of the line (or ``stop``). ``after_post``: a post heads the
    line, so a name may be longer or have no Han surname (执行法官：沙马拉则　阿说古铁)."""
    clean = doc.clean
    limit = len(clean) if stop is None else stop
    while pos < limit:
        # 李冬梅（女）　郭振华: an aside may follow a name before the space.
        end = next(
            (pos + n for n in (2, 3, 4) if _spaced_name_ends(doc, aside_after(clean, pos + n), limit)),
            None,
        )
        name = clean[pos:end] if end is not None else ""
        shaped = is_name_shape(name) or (
            after_post and (is_name_shape(name, long=True) or (is_listed_name(name) and only_name_words(name)))
        )
        if end is None or not shaped:
            return
        yield Mention(pos, end, clean[pos:end])
        end = aside_after(clean, end)
        if end in doc.line_breaks or end == limit or clean[end] == "\n":
            return
        pos = end


def _spaced_name_ends(doc: Document, at: int, limit: int) -> bool:
    """A name set apart by spaces ends at ``at``: a space, the limit or a kept line break follows."""
    return doc.joined_at(at) or at == limit or doc.clean[at : at + 1] == "\n"
