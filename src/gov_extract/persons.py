"""Person records: officials with their posts, reporters in bylines, other named people.

A name becomes a person only with context that says so:

* a byline (:mod:`gov_extract.bylines`) -> ``reporter``, no titles;
* a chain of posts right before it (``市住建局党组书记、局长白旭平``), a body
  before it and a post after it (``中华女子学院李明舜教授``);
* a speech or attendance verb right after it at the start of a clause
  (``刘晋萍表示``, a headline ``高奇英出席…``);
* a post written right after it (``刘先全（镇党委书记）``, ``由张立荣担任管委会主任``);
* a 、-list after a word for leaders (``县领导王建国、李红出席``: officials), or
  next to a name already found;
* the other rules of :data:`MENTION_RULES`: notices and CVs, rolls and speaker labels,
  an age, a visit (``朱建军到城关镇调研``), a post and 的 (``当选为村委会主任的王建国``).

Names without a Han surname (dotted Uyghur and Kazakh names, Tibetan and Mongolian ones)
are read only where such context stands, and the parts of a dotted name stand for it.

Then every occurrence of a found name is a mention, and
every mention carries all the posts the article gives that person, in the
order the article gives them. Role follows the person's first post: a post in a
public body makes an ``official``, an occupation (教师, 教授, 项目经理) ``other``.

The vocabulary lives in :mod:`gov_extract.person_words`, name reading in
:mod:`gov_extract.person_names`, posts in :mod:`gov_extract.person_posts`, the mention
rules in :mod:`gov_extract.person_mentions` and :mod:`gov_extract.person_notices`; this
module lists the rules, runs them and carries posts to every mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

import regex

from . import bylines, gazetteer
from .names import (
    is_common_word,
    is_name_shape,
    surname_length,
    word_tag,
)
from .person_mentions import (
    NOT_NAME_PART_TAGS,
    age_after_mentions,
    aged_mentions,
    agent_mentions,
    body_name_post_mentions,
    called_mentions,
    capacity_mentions,
    caption_mentions,
    chain_mentions,
    clause_starts,
    contact_mentions,
    copula_mentions,
    described_by_body_mentions,
    dotted_mentions,
    home_at,
    household_mentions,
    leader_mentions,
    name_post_mentions,
    named_with_post_after,
    posts_after,
    posts_in,
    press_mentions,
    pseudonym_mentions,
    quoted_speaker_mentions,
    repeated_subject_mentions,
    speaker_mentions,
    speech_owner_mentions,
    visit_mentions,
)
from .person_names import (
    DOT,
    NOT_IN_NAME,
    dotted_name_stops,
    ends_name,
    is_foreign_place,
    jieba_name_length,
    minority_name_length,
    read_name,
    verb_at,
    word_opens_at,
)
from .person_notices import (
    PAIR_JOINS,
    acting_mentions,
    clause_post_mentions,
    clause_posts,
    counted_list_mentions,
    cv_form_mentions,
    cv_mentions,
    group_list_mentions,
    group_mentions,
    holding_mentions,
    label_mentions,
    list_head_mentions,
    list_siblings,
    name_posts_line_mentions,
    nationality_mentions,
    no_longer_holding_mentions,
    notice_mentions,
    occasion_speaker_mentions,
    pair_mentions,
    party_line_mentions,
    picture_place_mentions,
    post_holders_mentions,
    respective_mentions,
    respective_posts,
    roll_mentions,
    roster_line_mentions,
    roster_mentions,
    speaker_line_mentions,
    suspect_mentions,
    those_listed_mentions,
    vote_mentions,
)
from .person_origins import native_place_mentions, place_list_mentions
from .person_posts import is_level_word, lone_post_mentions, longest_title_ending
from .person_words import (
    Mention,
    Vocabulary,
    cadres,
    descriptions,
    naming_words,
    occurrences,
    org_suffix_pattern,
    post_words,
    small_words,
    vocabulary,
    word_list,
)
from .picture_captions import position_note_at
from .records import Person, Role, Title, validated
from .resources import alternation, read_toml, read_words, words_pattern
from .rules import Candidate, Rule
from .text import Document, is_han

if TYPE_CHECKING:
    from .context import ArticleContext


def _all_occurrences(clean: str, names: list[str]) -> Iterator[Mention]:
    """Every occurrence of a found name that no longer found name covers, longest names first."""
    covered = bytearray(len(clean))
    # Longest first; among names of one length the one written first (the same every run).
    for name in sorted(set(names), key=lambda name: (-len(name), clean.find(name), name)):
        for start in occurrences(clean, name):
            end = start + len(name)
            if any(covered[start:end]):
                continue
            # 李明 inside 李明舜: the dictionary reads a longer name here, not the same person (but
            # 阿茸|家夏秋季的: one character longer by the household is the person's home).
            # 李明|县财政局局长, 王强|镇镇长: a level's body and its post opening right after the name
            # is what jieba's longer reading (李明县) swallowed the first character of.
            if (
                not ends_name(clean, end)
                and jieba_name_length(clean, start) > len(name)
                and not (
                    jieba_name_length(clean, start) == len(name) + 1
                    and clean.startswith(tuple(small_words()["household_words"]), end)
                )
                and not (is_level_word(clean[end]) and posts_in(clean, end))
            ):
                continue
            covered[start:end] = b"\x01" * (end - start)
            yield Mention(start, end, name)


def _add_post(known: list[Title], title: Title) -> None:
    """Add a post to a person's posts unless it is one already known: the same post written
    with less of its body (县长 after 凤凰县人民政府县长, 县人民政府副县长 after 霍邱县人民政府副县长)
    merges into it, and one written with more replaces it in place. A description of a
    person (村民, 原告) is no post."""
    title = _cadre_post(title)
    ordinary, parties = descriptions()
    if title.title in ordinary or title.title in parties:
        return
    for number, held in enumerate(known):
        if held.title != title.title:
            continue
        if title.org is None or _short_body(held.org or "").endswith(_short_body(title.org)):
            return  # 县政府县长 after 县人民政府县长: the same post
        if held.org is None or title.org.endswith(held.org):
            known[number] = title
            return
        # 金牛镇政府镇长 after 宾川金牛镇镇长: a division's government holds its head's post.
        if _division_of(held.org).endswith(_division_of(title.org)):
            return
        if title.org.endswith(_division_of(held.org)):
            known[number] = title
            return
        # 西藏主席 and 西藏自治区主席: one place written short and in full is one post.
        if _same_place_body(held.org, title.org):
            if len(title.org) > len(held.org):
                known[number] = title
            return
    known.append(title)


def _in_chain_order(known: list[Title], chain: list[Title]) -> None:
    """Give the posts a chain written before one mention holds (posts held at once, in the order
    written) in the chain's order where the chain holds every post known: 党组书记、检察长张某 after
    张某检察长 (a headline) gives 党组书记 before 检察长. Posts known that the chain lacks, and a
    career's steps (历任…), keep the order they were first written in."""
    if len(chain) < 2 or len(chain) != len(known):
        return
    places = [next((n for n, held in enumerate(known) if held.title == title.title), -1) for title in chain]
    if sorted(places) == list(range(len(known))):
        known[:] = [known[n] for n in places]


def _own_posts(written: list[Title]) -> list[Title]:
    """The posts written at one mention, merged as a person's are."""
    known: list[Title] = []
    for title in written:
        _add_post(known, title)
    return known


def _cadre_post(title: Title) -> Title:
    """县农业农村局女干部, 乡干部: a cadre written with a body or a level holds a post, 干部,
    there (person_descriptions.toml [cadres]); written alone, the word only describes."""
    table = cadres()
    level = table["levels"].get(title.title)
    if level is None:
        return title
    org = title.org or ""
    if org and not any(m.end() == len(org) for m in org_suffix_pattern().finditer(org)):
        org = ""  # 哈萨克族女干部: a nationality, no body
    elif len(org) == 2 and org[0] in table["assignment_verbs"]:
        org = ""  # 驻村女干部: the cadre's work, no body
    # 来马乡乡干部: a division named before its level's word writes that level once.
    body = org if org.endswith(level) else org + level
    return Title(org=body, title=table["post"]) if body else Title(org=None, title=title.title)


def _short_body(org: str) -> str:
    """A body's name with its full forms written short (县人民政府 -> 县政府: person_words.toml
    [body_short_forms]), to tell one post written two ways."""
    for full, short in small_words()["body_short_forms"].items():
        org = org.replace(full, short)
    return org


# The shortest division's name before its government's ending (金牛镇|政府 -> 金牛镇; 镇|政府 stays whole).
_DIVISION_NAME_MIN = 2


def _division_of(org: str) -> str:
    """A body's name with a division's government named as the division (金牛镇人民政府 ->
    金牛镇: person_words.toml government_endings)."""
    short = _short_body(org)
    ending = next((e for e in small_words()["government_endings"] if short.endswith(e)), None)
    return short[: -len(ending)] if ending and len(short) - len(ending) >= _DIVISION_NAME_MIN else short


@cache
def _home_levels(home: str) -> tuple[str, ...]:
    """The levels' words that write the home place short in a body (市 for 吕梁市:
    org_abbreviations.toml [levels]), longest first; read once per home place, not per person."""
    levels = read_toml("org_abbreviations.toml")["levels"]
    return tuple(
        sorted((level for level, endings in levels.items() if home.endswith(tuple(endings))), key=len, reverse=True)
    )


# Longest name of a division that may open a body (新疆维吾尔自治区).
_LONGEST_PLACE = 8


def _same_place_body(one: str, other: str) -> bool:
    """``one`` and ``other`` are one body whose place is written short in one and in full in the
    other (西藏 and 西藏自治区, 黄南州委 and 黄南藏族自治州委)."""
    first, second = _opening_place(one), _opening_place(other)
    return (
        first is not None
        and second is not None
        and bool(first[0] & second[0])
        and _short_body(first[1]) == _short_body(second[1])
    )


def _opening_place(org: str) -> tuple[frozenset[str], str] | None:
    """The divisions the longest place's name opening ``org`` may name, and the rest of ``org``."""
    forms = gazetteer.load().forms
    for length in range(min(_LONGEST_PLACE, len(org)), 1, -1):
        named = forms.get(org[:length])
        if named:
            return frozenset(form.entry.adcode for form in named), org[length:]
    return None


# The rest of a 、-list of names, up to its 等 (、李某、王某等).
_LIST_REST = regex.compile(r"(?:、\p{Han}{2,4})*等")


# A word for leaders after the 等 closing a list, perhaps said of those present and of a
# level's leading bodies (等在家的县四套领导班子成员, 等县四套班子领导, 等县级领导).
_LEADERS_AFTER_LIST = regex.compile(
    r"(?:在家|在座|到会|出席)?的?[省市县区州旗盟镇乡]?(?:级|[二三四五六]套)?(?:班子)?领导"
)


# What follows a name before 同志的 and a personnel matter: the list's rest, 等, a count, 同志.
_PERSONNEL_OPENERS = frozenset("、等同两一二三四五六七八九十0123456789")


@cache
def _personnel_matter_pattern() -> regex.Pattern[str]:
    """The rest of a list (or nothing), a count, 同志的 and a matter a congress decides on named
    people (等5名同志的免职议案, 、李某两名同志的任职议案: person_personnel_matters.txt)."""
    matters = alternation(word_list("person_personnel_matters.txt"))
    return regex.compile(rf"(?:、\p{{Han}}{{2,4}})*等?(?:\d+|[一二两三四五六七八九十]+)?[名位]?同志的(?:{matters})")


def _is_personnel_matter(clean: str, end: int) -> bool:
    """The name ending at ``end`` is one whose appointment, removal or resignation is decided
    (刘某等5名同志的免职议案): an official."""
    if clean[end : end + 1] not in _PERSONNEL_OPENERS:
        return False
    matter = _personnel_matter_pattern().match(clean, end)
    return matter is not None and _decided_by_public_body(clean, end, matter.end())


# How far around a personnel matter its clause is read for the body that decides it.
_DECIDER_REACH = 80
_CLAUSE_ENDS = "。；;！？!?\n"


def _decided_by_public_body(clean: str, start: int, end: int) -> bool:
    """A congress or party body decides the matter between ``start`` and ``end`` in its sentence
    (person_personnel_deciders.txt: 县人大常委会会议表决通过, 县委同意), not a board (公司董事会同意)."""
    lo = max(0, start - _DECIDER_REACH)
    first = max(clean.rfind(char, lo, start) for char in _CLAUSE_ENDS) + 1
    last = min((i for char in _CLAUSE_ENDS if (i := clean.find(char, end, end + _DECIDER_REACH)) >= 0), default=end)
    return _decider_pattern().search(clean, max(first, lo), max(last, end)) is not None


@cache
def _decider_pattern() -> regex.Pattern[str]:
    return regex.compile(alternation(word_list("person_personnel_deciders.txt")))


def _is_leaders_group(clean: str, end: int) -> bool:
    """The list holding the name that ends at ``end`` closes with 等 and a word for leaders."""
    close = _LIST_REST.match(clean, end)
    return close is not None and (
        clean.startswith(word_list("person_list_heads.txt"), close.end())
        or _LEADERS_AFTER_LIST.match(clean, close.end()) is not None
    )


def _short_forms(posts: dict[str, list[Title]]) -> dict[str, str]:
    """The parts of dotted names (阿不都热依木·买买提 -> 阿不都热依木, 买买提) that may stand
    for the whole name, each for the first holder of posts among the names that share it,
    else the first name; a part that is a found name itself or a verb, adjective or function
    word stands for no one (the dictionary knows 买买提 as a noun, which is no bar)."""
    forms: dict[str, str] = {}
    dotted = [name for name in posts if DOT.search(name)]
    for name in sorted(dotted, key=lambda n: not posts[n]):
        for part in DOT.split(name):
            # A part found on its own without posts (叶尔保力说), or with only posts the whole
            # name holds (艾尔肯主任), is the same person's short form.
            held = all(_held_in(title, posts[name]) for title in posts.get(part, ()))
            if len(part) >= 2 and held and word_tag(part)[:1] not in NOT_NAME_PART_TAGS:
                forms.setdefault(part, name)
    return forms


# A part of a dotted name this long is a transliteration no other word holds (艾力卡木江, 阿不都热依木).
_LONG_SHORT_FORM = 4


def _short_form_slot(clean: str, start: int, part: str) -> bool:
    """The short form ``part`` of a dotted name at ``start`` stands where a name does though it opens
    no clause: after a preposition or a naming word (对|艾力卡木江来说, 名叫|阿不都热依木的), or
    anywhere when it is long (提|艾力卡木江的经历)."""
    words = small_words()
    return (
        len(part) >= _LONG_SHORT_FORM
        or clean[start - 1 : start] in words["prepositions_before_names"]
        or clean.endswith(naming_words(), 0, start)
    )


def _possessed_short_form(clean: str, start: int, end: int) -> bool:
    """The short form at ``start``-``end`` is a long one or follows a naming word, and 的 follows it
    (艾力卡木江的经历, 名叫买买提的法官): it ends there."""
    return clean.startswith("的", end) and (end - start >= _LONG_SHORT_FORM or clean.endswith(naming_words(), 0, start))


def _held_in(title: Title, held: list[Title]) -> bool:
    """``title`` is one of ``held``: the same post, of the same body or written without one."""
    return any(title.title == other.title and title.org in (None, other.org) for other in held)


@cache
def _public_body_pattern() -> re.Pattern[str]:
    """Any word of person_public_bodies.txt (烟草公司, 气象台): one search of a body's name."""
    return words_pattern(word_list("person_public_bodies.txt"))


def _role(titles: list[Title]) -> Role:
    """The first post decides: a public post makes an official, an occupation or an
    enterprise post does not."""
    if not titles:
        return "other"
    first = titles[0]
    # 县烟草公司经理, 市气象台台长, 日报社社长: any post in a state monopoly or public institution.
    if first.org and (
        _public_body_pattern().search(first.org) is not None
        or (first.title in small_words()["media_posts"] and first.org.endswith(small_words()["media_body_endings"]))
    ):
        return "official"
    if first.title in small_words()["media_posts"]:
        return "other"  # 该书编委: a book's editorial board (a paper's or station's is read above)
    enterprise = word_list("person_enterprise_suffixes.txt")
    # A post split after a party or congress body (市人大 + 代表) counts as the whole post.
    written = longest_title_ending((first.org or "") + (first.title or ""))
    public = (
        # 生产车间 + 主任: an occupation written across the split (车间主任) decides.
        (first.title in post_words() and (written in (None, first.title) or written in post_words()))
        or written in post_words()
        or first.title in small_words()["lone_posts"]
        or (first.org is not None and first.title == cadres()["post"])
    )
    if public and not (first.org and first.org.endswith(enterprise)):
        return "official"
    # 省专家组刘明: a member of a group of outside experts holds no public post.
    lay = small_words()["lay_group_endings"]
    if first.title is None and first.org and not first.org.endswith((*enterprise, *lay)):
        return "official"
    return "other"


def _in_own_script(doc: Document, title: Title) -> Title:
    """A post as the article writes it (市財政局局長 on a Traditional page); rules read it folded."""
    org = doc.in_own_script(title.org) if title.org else title.org
    post = doc.in_own_script(title.title) if title.title else title.title
    return title if (org, post) == (title.org, title.title) else Title(org=org, title=post)


def _org_full(titles: list[Title], ctx: ArticleContext) -> str | None:
    """The first written body expanded with the home place: ``市住建局`` -> ``吕梁市住房和城乡建设局``."""
    home = ctx.home_place
    org = next((t.org for t in titles if t.org), None)
    if home is None or org is None:
        return None
    table = read_toml("org_abbreviations.toml")
    # 浏阳市人民政府 in a Liuyang article: the body already names the home place.
    named = [home.name] if org.startswith(home.name) and len(org) > len(home.name) else []
    for written in [*named, *_home_levels(home.name)]:
        if org.startswith(written):
            body = org[len(written) :]
            template = table["bodies"].get(body, "{place}" + body)
            return str(template).format(place=home.name)
    return None


@dataclass(frozen=True, slots=True)
class _Article:
    """What the mention rules read: the document, its clean view, posts and bodies, line breaks,
    and the clauses giving posts (:func:`person_notices.clause_posts`, read by a rule and by the
    pass that gives each name the posts of its later clauses)."""

    doc: Document
    clean: str
    vocabulary: Vocabulary
    breaks: frozenset[int]
    clause_posts: list[tuple[int, list[Title]]]
    year: int | None  # the article's: a division read in a notice must exist in it
    home: str | None  # the adcode of the article's home place: a township before its head's post lies in it


# The rules that find a mention of a person, as values: name, trigger, production. Their posts
# are gathered in this order; names listed next to a found one are read after them.
MENTION_RULES: tuple[Rule[_Article, Iterable[Mention]], ...] = (
    Rule(
        "lone_post",
        "a post standing alone at a clause's start (person_words.toml lone_posts), then a name",
        lambda a: lone_post_mentions(a.doc),
    ),
    Rule(
        "chain",
        "a post (titles.txt) or a body ending right before a name",
        lambda a: chain_mentions(a.doc, a.vocabulary),
    ),
    Rule(
        "body_name_post",
        "a body ending (person_org_suffixes.txt), a name, a post",
        lambda a: body_name_post_mentions(a.clean, a.vocabulary, a.breaks),
    ),
    Rule(
        "name_post", "a name opening a clause, then a post", lambda a: name_post_mentions(a.doc, a.vocabulary, a.home)
    ),
    Rule(
        "copula",
        "a name opening a clause, 是, then its posts to the clause's end (李明是石桥村党支部书记。)",
        lambda a: copula_mentions(a.doc, a.vocabulary),
    ),
    Rule(
        "described_by_body",
        "是, a body and 的, then a full name closing its clause (带队的是县纪委的张红霞。)",
        lambda a: described_by_body_mentions(a.doc, a.vocabulary),
    ),
    Rule(
        "capacity",
        "作为 or 身为 and posts to a comma, then a name opening the next clause (person_words.toml capacity_words)",
        lambda a: capacity_mentions(a.doc, a.vocabulary),
    ),
    Rule("speaker", "a speech verb (person_speech_verbs.txt) after a name", lambda a: speaker_mentions(a.doc)),
    Rule(
        "quoted_speaker",
        "a name after a quoted speech, in a clause closing on a speech verb",
        lambda a: quoted_speaker_mentions(a.doc, a.vocabulary),
    ),
    Rule(
        "agent",
        "由, a name and a verb of taking charge (person_words.toml agent_verbs)",
        lambda a: agent_mentions(a.clean),
    ),
    Rule(
        "leader",
        "a word written after leaders' names (person_posts_after_name.txt)",
        lambda a: leader_mentions(a.doc),
    ),
    Rule(
        "speech_owner",
        "names with their posts before what they said or wrote (person_speech_owners.toml: 书记讲话, 县长批示)",
        lambda a: speech_owner_mentions(a.clean),
    ),
    Rule("aged", "an age before a name (65岁的)", lambda a: aged_mentions(a.clean)),
    Rule("native_place", "a place and 人 before a name (桂林人黎明辉说)", lambda a: native_place_mentions(a.doc)),
    Rule(
        "place_list",
        "a 、-list of names each after its place (济宁张大伟、菏泽李小军等)",
        lambda a: place_list_mentions(a.doc),
    ),
    Rule("age_after", "a name opening a clause, then its age (今年58岁)", lambda a: age_after_mentions(a.doc)),
    Rule(
        "repeated_subject",
        "a full Han name opening two clauses or more as their subject (person_words.toml repeated_subject)",
        lambda a: repeated_subject_mentions(a.doc),
    ),
    Rule(
        "called",
        "a word that gives a name (person_words.toml naming: 名叫, 叫)",
        lambda a: called_mentions(a.doc, a.vocabulary),
    ),
    Rule("dotted", "a dotted name after a clause start, 的, 、 or a joining word", lambda a: dotted_mentions(a.doc)),
    Rule("caption", "a name before its place in a photo (（左二）)", lambda a: caption_mentions(a.doc)),
    Rule(
        "visit",
        "a name opening a clause, a word of going and a visit's work (person_visit_words.toml)",
        lambda a: visit_mentions(a.doc),
    ),
    Rule(
        "household",
        "a full name before a home (家中) after a village, a word for people or of visiting (person_visit_words.toml)",
        lambda a: household_mentions(a.doc, a.vocabulary),
    ),
    Rule(
        "group",
        "a 、-list of names before 等 and a word for leaders or a group (person_group_words.txt)",
        lambda a: group_mentions(a.doc),
    ),
    Rule(
        "pair",
        "two names joined by 、, 和 or 与 before a word for two people (person_pair_words.txt)",
        lambda a: pair_mentions(a.doc),
    ),
    Rule("roll", "the lines of names after a roll's heading (…名单：)", lambda a: roll_mentions(a.doc)),
    Rule(
        "roster",
        "lines of a post and names under a line that is one body (person_org_suffixes.txt)",
        lambda a: roster_mentions(a.doc, a.vocabulary),
    ),
    Rule(
        "roster_line",
        "a line of two or more posts side by side, each followed by its holder's name",
        lambda a: roster_line_mentions(a.doc),
    ),
    Rule(
        "name_posts_line",
        "a line of a full name, a space and the posts it holds (after a label's colon, if any)",
        lambda a: name_posts_line_mentions(a.doc, a.vocabulary),
    ),
    Rule("vote", "a name opening a clause before its votes (得58票)", lambda a: vote_mentions(a.doc)),
    Rule(
        "holding",
        "three full names or more in a row, each before its amount (刘福有15.45亩，张秀清7.57亩)",
        lambda a: holding_mentions(a.doc),
    ),
    Rule(
        "speaker_line",
        "a name alone on the line below a report's occasion line (——在…会议上)",
        lambda a: speaker_line_mentions(a.doc),
    ),
    Rule(
        "occasion_speaker",
        "a name before 在, an occasion and 上的讲话 or 报告 in a heading",
        lambda a: occasion_speaker_mentions(a.doc),
    ),
    Rule("press", "a reporter's word after a press body (person_words.toml press)", lambda a: press_mentions(a.doc)),
    Rule("label", "a name labelling a speaker's words at a line start (吴金花：)", lambda a: label_mentions(a.doc)),
    Rule("contact", "a contact head (person_contact_heads.txt)", lambda a: contact_mentions(a.doc)),
    Rule(
        "post_after",
        "a bracket or a post verb (person_post_verbs.txt) after a name",
        lambda a: named_with_post_after(a.doc),
    ),
    Rule("notice", "a notice verb (person_notice_verbs.txt)", lambda a: notice_mentions(a.doc, a.year)),
    Rule(
        "no_longer_holding",
        "a name before 不再担任 and its posts (person_words.toml no_longer_holding_verbs)",
        lambda a: no_longer_holding_mentions(a.doc),
    ),
    Rule(
        "acting",
        "a name, perhaps its post, then a verb of acting and the post acted in (person_words.toml acting_verbs)",
        lambda a: acting_mentions(a.doc),
    ),
    Rule(
        "respective",
        "a 、-list of names opening a clause before 分别任 and as many posts",
        lambda a: respective_mentions(a.doc),
    ),
    Rule(
        "clause_post",
        "a name before a clause giving its posts (，在其担任…的11年间; person_words.toml clause_post_verbs)",
        lambda a: clause_post_mentions(a.doc, a.clause_posts),
    ),
    Rule("pseudonym", "a note that a name is a pseudonym (（化名）)", lambda a: pseudonym_mentions(a.clean)),
    Rule("cv", "a name before its sex in a CV (王五，男，)", lambda a: cv_mentions(a.doc)),
    Rule(
        "party_line",
        "a party's label, a name and its posts (委托诉讼代理人：李红霞，…律师事务所律师。)",
        lambda a: party_line_mentions(a.doc),
    ),
    Rule("cv_form", "a name on the line above 性别：男 in a CV form", lambda a: cv_form_mentions(a.doc)),
    Rule(
        "suspect",
        "a name before 涉嫌 after a clause start, a preposition or a trial's verb (审理赵某涉嫌盗窃案)",
        lambda a: suspect_mentions(a.doc),
    ),
    Rule("counted", "a count of people before a colon (两人：)", lambda a: counted_list_mentions(a.doc)),
    Rule(
        "counted_posts",
        "a count of people a post verb and a post head, before a colon (任副市长的3人：): officials",
        lambda a: counted_list_mentions(a.doc, a.vocabulary.post_ends, appointed=True),
    ),
    Rule("those_listed", "a 、-list of names after 的有 and a colon", lambda a: those_listed_mentions(a.doc)),
    Rule("nationality", "a name before its nationality in brackets (（藏族）)", lambda a: nationality_mentions(a.doc)),
    Rule(
        "picture_place",
        "a name before a note of where it stands in a picture (（左一）, （图中）)",
        lambda a: picture_place_mentions(a.doc),
    ),
    Rule(
        "list_head",
        "a word for leaders (person_list_heads.txt) before a 、-list",
        lambda a: list_head_mentions(a.doc),
    ),
    Rule(
        "post_holders",
        "a post (titles.txt), 是 and a 、-list of the names that hold it (大会的执行主席是A、B、C)",
        lambda a: post_holders_mentions(a.doc, a.vocabulary),
    ),
    Rule(
        "group_list",
        "a group's name (person_words.toml led_group_endings) before a 、-list of names",
        lambda a: group_list_mentions(a.doc),
    ),
)


def _dotted_wholes(clean: str, names: set[str]) -> list[Mention]:
    """The dotted names whose first part is a found name (员工阿依努尔·托合提 … 阿依努尔说): the
    whole is that person's full name, and the part its short form."""
    wholes = []
    for dot in DOT.finditer(clean):
        for name in names:
            start = dot.start() - len(name)
            if start >= 0 and clean.startswith(name, start):
                length = read_name(clean, start, guess=False)
                if length > len(name) + 1:
                    wholes.append(Mention(start, start + length, clean[start : start + length], rule="dotted_whole"))
                break
    return wholes


def _used_as_word(article: _Article, name: str) -> bool:
    """A "name" without a Han surname that the article also writes inside a clause, after a
    character that ends no post and joins no names (河长巡河 … 每周巡河; 和, 与 join them) nor a
    notice verb (选举木某某、…为委员 names its object): a word, not a name. Known Tibetan and
    Mongolian parts and dotted names are left alone."""
    clean = article.clean
    if surname_length(name) or DOT.search(name) or minority_name_length(name, 0) == len(name):
        return False
    notice_verbs = word_list("person_notice_verbs.txt")
    return any(
        start > 0
        and is_han(clean[start - 1])
        and clean[start - 1] not in "的、和与及"
        and start not in article.vocabulary.post_ends
        and not clean.endswith(notice_verbs, 0, start)
        and not article.doc.joined_at(start)
        and not position_note_at(clean, start + len(name))  # 正是格扎（图中）
        for start in occurrences(clean, name)
    )


@cache
def _language_gloss() -> regex.Pattern[str]:
    """A language named right after a word, glossing it (阿木可，彝语，原意“当官的”; 乐荣拉（藏语）;
    阿普惹（彝语，办事的人）): a gloss word follows the language (意为, 原意, 意思), or it stands alone
    in brackets; not a language the person speaks or teaches (龙梅，苗语、汉语双语主持; 杨秀英（苗语教师）)."""
    languages = alternation(read_words("place_nationalities.txt"))
    marks = "意为|原意|意思|意即|译为|音译"
    return regex.compile(
        rf"[，,]?(?:{languages})语[，,：:]?(?:的)?(?:{marks})|[（(](?:{languages})语(?:[）)，,：:]|(?:{marks}))"
    )


def _glossed_word(clean: str, name: str) -> bool:
    """The article glosses the "name" as a word of a minority language (阿木可，彝语，原意“当官的”,
    现意“干部”): a word it explains, not a person's name (but a name of known Tibetan or Mongolian
    parts is a name still)."""
    # Known Tibetan and Mongolian parts make a name its bearer's article may gloss (扎西，藏语意为吉祥).
    if "语" not in clean or minority_name_length(name, 0) == len(name):  # most articles gloss no word
        return False
    gloss = _language_gloss()
    return any(gloss.match(clean, start + len(name)) for start in occurrences(clean, name))


# What ends a sentence: a later clause's posts are its subject's only within it.
_SENTENCE_END = regex.compile(r"[。；;！？!?\n]")


# Most clauses between a name and a later clause of its sentence that gives its posts.
_MAX_CLAUSES_BETWEEN = 3


@dataclass(frozen=True, slots=True)
class _LaterClauses:
    """The clauses giving posts (:func:`person_notices.clause_posts`) and where names start."""

    clean: str
    clauses: list[tuple[int, list[Title]]]
    name_starts: list[int]

    def posts(self, end: int) -> list[Title]:
        """The posts of a later clause of the sentence whose subject is the name ending at ``end``
        (时任…的饶某，被州委派驻某乡，任工作队总队长): the first such clause after it, with no
        other name, no sentence end and at most a few clauses between."""
        k = bisect_left(self.clauses, end, key=lambda clause: clause[0])
        if k == len(self.clauses):
            return []
        comma, titles = self.clauses[k]
        named = bisect_left(self.name_starts, end)
        if named < len(self.name_starts) and self.name_starts[named] < comma:
            return []
        # 王某，男，…。他先后担任…: a pronoun opening the next sentence stands for the name.
        if self.clean[comma] != "，" and self.clean[comma] != ",":
            return titles if _SENTENCE_END.search(self.clean, end, comma - 1) is None else []
        if _SENTENCE_END.search(self.clean, end, comma):
            return []
        between = self.clean.count("，", end, comma) + self.clean.count(",", end, comma)
        return titles if between <= _MAX_CLAUSES_BETWEEN else []


def _ran_into_word(clean: str, name: str, names: set[str]) -> bool:
    """A name read one character too long (王明清|理了垃圾 … 王明说): its front is a found name and
    wherever the article writes it, its last character makes a word with the next; or a dotted
    name read into the words after it (麦麦提·喀吾孜|身体不壮 … 麦麦提·喀吾孜家): its front is a
    found dotted name and a dictionary word opens the rest."""
    if DOT.search(name):
        return any(
            DOT.search(front) and name.startswith(front) and is_common_word(name[len(front) : len(front) + 2])
            for front in names
            if len(front) < len(name)
        )
    # 贫困户李小明家，… 李小明家中: the front is the name and the last character its home.
    return name[:-1] in names and all(
        is_common_word(clean[start + len(name) - 1 : start + len(name) + 1]) or home_at(clean, start + len(name) - 1)
        for start in occurrences(clean, name)
    )


# How often a name must be written, always followed by the same character, to read it one longer,
# and the longest name so read (one character more makes a name of five: 达布希拉图).
_SHORT_READING_TIMES = 2
_SHORT_READING_LONGEST = 4


def _read_short(clean: str, seeds: list[Mention]) -> list[Mention]:
    """A name read one character short (夏西朋|措一家 … 夏西朋|措说): written at least twice, each
    time before the same character, which no particle or word that follows names is, and with
    that character it ends where names end at least once: the name is one character longer."""
    longer: dict[str, str] = {}
    for name in {m.name for m in seeds}:
        if DOT.search(name) or len(name) > _SHORT_READING_LONGEST or clean.count(name) < _SHORT_READING_TIMES:
            continue
        ends = [start + len(name) for start in occurrences(clean, name)]
        following = {clean[end : end + 1] for end in ends}
        if len(ends) < _SHORT_READING_TIMES or len(following) != 1:
            continue
        last = following.pop()
        whole = name + last
        if (
            is_han(last or "。")
            and not NOT_IN_NAME.match(last)
            and not any(home_at(clean, end) for end in ends)
            and not any(ends_name(clean, end) for end in ends)
            and any(ends_name(clean, end + 1) for end in ends)
            and not _opens_word_after(clean, ends)
            and is_name_shape(whole, unsurnamed=True, long=True)
            and not is_common_word(whole)
        ):
            longer[name] = whole
    if not longer:
        return seeds
    return [Mention(m.start, m.end + 1, longer[m.name], m.titles, m.rule) if m.name in longer else m for m in seeds]


def _opens_word_after(clean: str, ends: list[int]) -> bool:
    """The character after a name opens a dictionary word with the next one at every mention
    (杨光忠|面对记者 written twice in a repeated caption): it is no part of the name."""
    return all(is_common_word(clean[end : end + 2]) for end in ends)


# The ending a village and a known Tibetan name part share (洛桑|江村: person_minority_name_parts.txt).
_VILLAGE_ENDING = "村"


def _village_like_parts_name(name: str) -> bool:
    """``name`` is made wholly of known Tibetan or Mongolian parts and ends as a village's name
    does (洛桑江村, 土登江村): found by a person's rule, it is the person's at every mention, and
    no village (patterns/resolve.toml parts_name_is_no_village)."""
    return name.endswith(_VILLAGE_ENDING) and minority_name_length(name, 0) == len(name)


def _village_cue(clean: str, start: int, end: int) -> bool:
    """A place's cue stands around the name at ``start``-``end`` (到|多吉江村, 尼玛江村|位于…, 土登江村|共有
    村民…: person_words.toml village_cues_*), and no word for people right before it (村民|扎西江村位于
    队伍前列): that mention is the village."""
    words = small_words()
    if clean.endswith(tuple(descriptions()[0]), 0, start):
        return False  # 牧民尼玛江村共有牦牛80头, 党员扎西江村位于抗灾一线: a word for people says a name follows
    return clean.endswith(words["village_cues_before"], 0, start) or clean.startswith(words["village_cues_after"], end)


def _spaced_dot(doc: Document, mention: Mention) -> bool:
    """The dotted name of ``mention`` has whitespace written next to its dot."""
    dot = DOT.search(doc.clean, mention.start, mention.end)
    return dot is not None and (doc.joined_at(dot.start()) or doc.joined_at(dot.end()))


# What ends a 、-list of names: a clause's mark.
_LIST_ENDS = regex.compile(r"[，,。；;！？!?\n]")


def _namesakes(clean: str, names: Iterable[str], breaks: frozenset[int]) -> set[int]:
    """Where a name is written twice in one 、-list (县委副书记郭某、县政协主席郭某): two people of one
    name, each holding the posts written at their own place."""
    starts: set[int] = set()
    for name in names:
        for one, other in pairwise(occurrences(clean, name)):
            between = clean[one + len(name) : other]
            if (
                "、" in between
                and not _LIST_ENDS.search(between)
                and not any(one < line_break < other for line_break in breaks)
            ):
                starts.update((one, other))
    return starts


def find(doc: Document, ctx: ArticleContext) -> list[Candidate]:
    """Every person the article names in a byline or with context that says so, with the rule."""
    jieba_name_length.cache_clear()
    is_name_shape.cache_clear()
    clean = doc.clean
    reporters = bylines.find(doc)
    records: list[Candidate] = []
    for byline in reporters:
        start, end, text = doc.span(byline.start, byline.end)
        person = validated(
            Person,
            {"doc_id": ctx.doc_id, "start": start, "end": end, "text": text, "name": byline.name, "role": "reporter"},
        )
        records.append(Candidate(person, "person.byline"))
    year = ctx.pub_date.year if ctx.pub_date else None
    home = ctx.home_place.adcode if ctx.home_place else None
    article = _Article(doc, clean, vocabulary(clean), doc.line_breaks, clause_posts(clean), year, home)
    seeds: list[Mention] = []
    for rule in MENTION_RULES:
        for mention in rule.produce(article) or ():
            mention.rule = rule.name
            seeds.append(mention)
    # A list may stand at another mention of a found name (表彰名单：曾国华、罗小燕、…), or a name
    # joined to it (陈婕和曹明丽通过…).
    seed_starts = {m.start for m in seeds}
    elsewhere = [
        Mention(start, start + len(name), name)
        for name in {m.name for m in seeds}
        for start in occurrences(clean, name)
        if start not in seed_starts
        and (clean.startswith("、", start + len(name)) or clean[start - 1 : start] in ("、", *PAIR_JOINS))
    ]
    for sibling in list(list_siblings(clean, [*seeds, *elsewhere], doc.line_breaks)):
        sibling.rule = "list_sibling"
        seeds.append(sibling)
    seeds += _dotted_wholes(clean, {m.name for m in seeds if not DOT.search(m.name)})
    names = {m.name for m in seeds}
    words = {
        name
        for name in names
        if is_foreign_place(name)
        or name in small_words()["unit_charges"]
        or _used_as_word(article, name)
        or _ran_into_word(clean, name, names)
        or _glossed_word(clean, name)
    }
    seeds = [m for m in seeds if m.name not in words]
    seeds = _read_short(clean, seeds)
    # 中国报道 · 王哲: a dot set apart by spaces separates a source from a name; it joins no name.
    seeds = [m for m in seeds if not _spaced_dot(doc, m)]
    posts: dict[str, list[Title]] = {}
    found_by: dict[int, str] = {}  # the rule of the first mention found at each start
    written_at: dict[int, list[Title]] = {}  # the posts written at each start, as written
    later = _LaterClauses(clean, article.clause_posts, sorted({m.start for m in seeds}))
    respective = respective_posts(clean, seeds)
    found_names = sorted({m.name for m in seeds}, key=len, reverse=True)
    # At one start the mention that carries posts comes first: they are written before those
    # of the later clauses that every mention there takes (刘伟同志任…主任，免去其…副部长职务).
    for mention in sorted(seeds, key=lambda m: (m.start, not m.titles)):
        # A name cut short here (沙马拉|则介绍) whose whole is found elsewhere (执行法官：沙马拉则)
        # gives its posts to the whole name.
        whole = next((n for n in found_names if clean.startswith(n, mention.start)), mention.name)
        known = posts.setdefault(whole, [])
        after = [*posts_after(clean, mention.end, doc.line_breaks), *later.posts(mention.end)]
        written = [*mention.titles, *after, *respective.get(mention.start, ())]
        written_at.setdefault(mention.start, []).extend(written)
        for title in written:
            _add_post(known, title)
        if mention.rule == "chain":
            _in_chain_order(known, mention.titles)
        found_by.setdefault(mention.start, mention.rule)
    leader_names = {m.name for m in seeds if m.rule == "list_head"}
    listed = ("group", "list_sibling")
    leader_names |= {m.name for m in seeds if m.rule in listed and _is_leaders_group(clean, m.end)}
    # The speaker of a report to a congress or a meeting (政府工作报告 … 陆建明) is an official.
    leader_names |= {m.name for m in seeds if m.rule in ("speaker_line", "counted_posts")}
    leader_names |= {m.name for m in seeds if _is_personnel_matter(clean, m.end)}
    # 基层干部吴某: a cadre of the state is an official though no post of a body is written.
    leader_names |= {m.name for m in seeds if any(t.title in cadres()["officials"] for t in m.titles)}
    reporter_names = {m.name for m in seeds if m.rule == "press"}
    short_forms = _short_forms(posts)
    for short, full in short_forms.items():
        # 艾尔肯主任 after 主任艾尔肯·吐尔地: a post written with the short form that the full name
        # holds already is that post, not a new one.
        if all(_held_in(title, posts[full]) for title in posts.get(short, ())):
            posts[short] = posts[full]

    namesakes = _namesakes(clean, posts, doc.line_breaks) if "、" in clean else set()
    for mention in _all_occurrences(clean, list(posts)):
        # A byline already holds this span (a reporter's name repeated in the text is left alone).
        if any(r.start < mention.end and mention.start < r.end for r in reporters):
            continue
        # A part of a dotted name stands for the person only as a clause's subject (买买提要求,
        # 阿不都外力家种了12亩, 图尔贡当庭支付: a dictionary word opens the predicate).
        # After a word for a party (被告人买买提江行为…) or a post (法官木尔扎依克已经调解) it stands
        # for the person too.
        if mention.name in short_forms and not (
            (
                clause_starts(doc, mention.start)
                or clean[mention.start - 1] == "的"
                or clean.endswith(tuple(descriptions()[1]), 0, mention.start)
                or mention.start in article.vocabulary.post_ends
                or _short_form_slot(clean, mention.start, mention.name)
            )
            and (
                ends_name(clean, mention.end)
                or verb_at(clean, mention.end)
                or clean[mention.end : mention.end + 1] in dotted_name_stops()
                or word_opens_at(clean, mention.end)
                or _possessed_short_form(clean, mention.start, mention.end)
            )
        ):
            continue
        start, end, text = doc.span(mention.start, mention.end)
        titles = _own_posts(written_at.get(mention.start, [])) if mention.start in namesakes else posts[mention.name]
        role = _role(titles)
        if not titles and mention.name in leader_names:
            role = "official"
        if not titles and mention.name in reporter_names:
            role = "reporter"
        person = validated(
            Person,
            {
                "doc_id": ctx.doc_id,
                "start": start,
                "end": end,
                "text": text,
                "name": doc.written(mention.start, mention.end),
                "role": role,
                "titles": [_in_own_script(doc, t) for t in titles],
                "org_full": _org_full(titles, ctx),
            },
        )
        # Another occurrence of a name found elsewhere carries that person's posts.
        again = "short_form" if mention.name in short_forms else "same_name"
        made_by = (
            "parts_name"
            if _village_like_parts_name(mention.name) and not _village_cue(clean, mention.start, mention.end)
            else found_by.get(mention.start, again)
        )
        records.append(Candidate(person, f"person.{made_by}"))
    return records
