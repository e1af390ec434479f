"""The word lists of places (``patterns/place_*``) read once, and the checks of what surrounds a
name that the place rules share: an organisation, a medium, a facility or a brand that a
place name opens (汾阳市人民医院), a word the name would cut (冬天水管), a 《title》.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache
from itertools import repeat
from typing import Any

import ahocorasick_rs

from . import gazetteer
from .names import dictionary_words, tagged_words_opening, word_frequency, word_tag
from .resources import alternation, jieba_tokenizer, read_toml, read_words, words_pattern
from .text import CJK, Document, is_han

# Single-character organisation words count only this close to the place (吕梁市住建局, 汾阳市委).
_NEAR_ORG = 5


_ORG_WINDOW = 12


# How far past the last place an ending may start (_ORG_WINDOW) the phrase is read, so that a long
# ending starting there is read whole (岑溪市水汶镇|进强益智水果农民|专业合作社).
_LONGEST_ENDING = 6


# A bracketed word inside a company's name (新疆能源(集团)有限责任公司): read through.
_BRACKETED = re.compile(rf"[(（][{CJK}]{{1,4}}[)）]")


_BODY_WINDOW = 7


# Characters on each side of a name that jieba segments to see whether a word runs across its edge.
_CUT_WINDOW = 4


@cache
def word_lists() -> dict:
    return read_toml("place_words.toml")


@cache
def famous_features() -> tuple[str, ...]:
    """Rivers, lakes and mountains everyone knows (长江, 西湖, 天山): place_words.toml [short_names]."""
    return tuple(word_lists()["short_names"]["famous_features"])


@cache
def suffix_pattern() -> re.Pattern[str]:
    return words_pattern(word_lists()["suffixes"])


@cache
def boundary_pattern() -> re.Pattern[str]:
    """A character that is no Chinese character, or a boundary word (place_boundaries.txt, the
    headings). The standard engine tries the words one after another at every position: a class
    of their first characters before them fails at once where none starts (twice as fast)."""
    boundaries = word_lists()["boundaries"]
    words = [*read_words("place_boundaries.txt"), *boundaries["headings"], *boundaries["location_words"]]
    alone = [*boundaries["result_verbs"], *boundaries["calling_words"]]
    firsts = re.escape("".join(sorted({word[0] for word in (*words, *alone)})))
    # A result's 成 or a calling 叫 is no boundary where it opens a word that runs past it (合并|成立|石门村,
    # 叫响|石头村的品牌): grouped by that last character.
    lasts = sorted({word[-1] for word in alone})
    words_alone = "|".join(
        rf"(?:{alternation([w for w in alone if w.endswith(last)])})(?!{alternation(words_on(last))})" for last in lasts
    )
    return re.compile(rf"[^{CJK}]|(?=[{firsts}])(?:{alternation(words)}|{words_alone})")


@cache
def words_on(first: str) -> tuple[str, ...]:
    """What follows ``first`` in the dictionary's words that start with it (立 of 成立, 为 of 成为, 响 of
    叫响), places' and persons' names aside (成都, 成阳光…: 打造成|阳光小区)."""
    return tuple(word[1:] for word, tag in tagged_words_opening(first) if not tag.startswith(("ns", "nr")))


@cache
def _org_suffixes() -> tuple[ahocorasick_rs.AhoCorasick, tuple[str, ...]]:
    """Organisation endings (医院, 有限公司) in an automaton, and the ending of each pattern."""
    suffixes = read_words("place_org_suffixes.txt")
    return ahocorasick_rs.AhoCorasick(suffixes), suffixes


@cache
def _org_suffix_lasts() -> re.Pattern[str]:
    """The characters the organisation endings end with (院, 司, 局), as one class."""
    lasts = "".join(sorted({suffix[-1] for suffix in read_words("place_org_suffixes.txt")}))
    return re.compile(f"[{re.escape(lasts)}]")


@cache
def _org_verb_pattern() -> re.Pattern[str]:
    return re.compile(alternation(read_words("place_org_verbs.txt")))


@cache
def generic_words() -> tuple[str, ...]:
    return read_words("place_generic.txt")


def article_year(as_of: date | None) -> int | None:
    return as_of.year if as_of else None


@cache
def _cjk_run(width: int) -> re.Pattern[str]:
    return re.compile(rf"[{CJK}]{{0,{width}}}")


def _phrase_after(clean: str, end: int, width: int) -> str:
    """The run of CJK characters after ``end`` (up to ``width``), stopping at punctuation."""
    m = _cjk_run(width).match(clean, end)
    return m.group(0) if m else ""


def _pair_follows(clean: str, at: int) -> bool:
    """After a place and a conjunction that is a word of its own, a second body or place opens at
    ``at`` (新疆和|兵团, 广西和|农垦集团, 某市及|各部门, 某省和|四川省), not a trade name (四川和|邦生物: 和邦 one
    name; 山东和|兴化工: 兴化 runs into 化工)."""
    if not cut_at(clean, at):
        return False
    if clean.startswith(_org_words("pair_openers"), at):
        return True
    forms = gazetteer.load().forms
    return any(clean[at : at + length] in forms and cut_at(clean, at + length) for length in (2, 3, 4))


def inside_org(
    clean: str, end: int, *, word_bound: bool = False, start: int | None = None, resident: bool = False
) -> bool:
    """The place opens an organisation's name (汾阳市人民医院, 吕梁市住建局, 运城市英才劳务派遣有限公司);
    ``word_bound``: the name runs to no boundary word (军缘小区|被省住建厅 opens none); ``start``: where
    the place starts, whose name the organisation's own may repeat (兰陵县|兰陵…产业园 opens none);
    ``resident``: a verb of residing stands before the place, so a body's word and its members' word
    after it group people by where they live (住|昂素镇|政协委员), no body."""
    place_end = end  # (``end`` moves past a bracket closing before the phrase)
    if clean[end : end + 1] in (")", "）"):
        end += 1  # 蓝思精密(泰州)有限公司
    phrase = _phrase_after(clean, end, _ORG_WINDOW + _LONGEST_ENDING)
    after = end + len(phrase)
    bracket = _BRACKETED.match(clean, after) if clean[after : after + 1] in ("(", "（") else None
    if bracket is not None and clean.startswith(_org_words("registered_suffixes"), bracket.end()):
        phrase += bracket.group(0)[1:-1] + _phrase_after(clean, bracket.end(), _ORG_WINDOW)
    elif bracket is not None and len(phrase) >= 2:
        # 临渭区移民(脱贫)搬迁工作办公室: an aside in brackets after a word of a body's name (not
        # after a suffix's one character: 琼海市村(居)委会 is the city's committees)
        phrase += _phrase_after(clean, bracket.end(), _ORG_WINDOW + _LONGEST_ENDING - len(phrase))
    if word_bound:
        bound = boundary_pattern().search(phrase)
        phrase = phrase[: bound.start()] if bound else phrase
    # Every occurrence of every ending within reach is tested: the first occurrence of an ending
    # passes whenever a later one would, so this is "some ending's first occurrence passes". Most
    # places open no body: with no ending within reach, nothing more is read. Half the phrases hold
    # no character an ending ends with: a class search says so before the automaton is asked (a
    # call into it costs several times more, its code and tables cold between calls), and before
    # the words right after the place that open no body are looked for (they refuse only places
    # an ending follows: asked of those alone).
    if _org_suffix_lasts().search(phrase) is None:
        return _heads_body_list(clean, end, phrase)
    # (one str.startswith of them all first: most places are followed by none)
    if clean.startswith(_org_words("not_opening"), place_end) and (
        not clean.startswith(_one_char_openings(), place_end) or cut_at(clean, place_end + 1)
    ):
        # 锡林浩特市|在人大代表之家, 埇桥区|为市委驻地: the place is the clause's subject (not 北京|同仁堂:
        # a one-character word there that opens a longer word opens a name)
        return False
    if clean.startswith(_org_words("not_opening_conjunctions"), place_end) and _pair_follows(clean, place_end + 1):
        return False  # 新疆|和兵团: the place is one item of a pair, no body's first word
    if _member_post_at(clean, place_end):
        return False  # 某社区委员之家, 某镇委员联络站: the place's members and their rooms, no committee
    if _counted_bodies().match(clean, place_end):
        return False  # 汾阳、孝义|两个法庭: the bodies counted where they sit, none named
    if end == place_end and start is not None and clean.startswith(clean[start : start + 2], end):
        return False  # 兰陵县|兰陵新质农业产业园: the name after the place opens with the place's own name
    automaton, suffixes = _org_suffixes()
    endings = [
        (suffixes[index], at, stop)
        for index, at, stop in automaton.find_matches_as_indexes(phrase, overlapping=True)
        if at < _ORG_WINDOW
    ]
    if not endings:
        return _heads_body_list(clean, end, phrase)
    # A smaller place written first (盐湖区康杰中学家属院) ends the phrase: its own name may hold 中学.
    not_after = word_lists()["suffix_not_after"]
    place_at = place_level = None  # where that smaller place's suffix is, and its level
    for below in suffix_pattern().finditer(phrase):
        if phrase[below.start() - 1 : below.start()] not in not_after.get(below.group(), ""):
            if gazetteer.is_township(phrase[: below.end()]):
                return False  # 凌云县|伶站瑶族乡, 铁西区|站前街道: the township's own name holds 站
            phrase, place_at = phrase[: below.start()], end + below.start()
            place_level = word_lists()["suffixes"][below.group()]
            break
    for suffix, at, stop in endings:
        if stop > len(phrase):
            continue  # past the smaller place that ends the phrase
        if len(suffix) == 1 and at > 0 and phrase[at - 1 : at + 1] in _not_org_words():
            continue  # 防城区布局, 全市格局: the character ends an ordinary word
        if phrase[stop : stop + 1] and phrase[stop] in _suffix_not_before().get(suffix[-1], ""):
            continue  # 怒江宣传部门, 某市组织部门: the suffix's last character opens a word (部门)
        if place_level in _FARM_UNITS and suffix in _org_words("address_unit_suffixes"):
            continue  # 某区四农场|和顺村: the farm is a unit of the village's address (not 农场|与周边镇区)
        if at == 0 and suffix in _org_words("industry_suffixes"):
            continue  # 内蒙古乳业产值: no trade name between, the place's industry
        if suffix in _org_words("facility_suffixes") and not _facility_head(clean, end, at):
            continue  # 山西省共关停燃煤电厂12座, 发展现代农业公园: the sector, no named facility
        if _member_post_at(phrase, at) or (resident and len(suffix) > 1 and _member_post_at(phrase, at + len(suffix))):
            continue  # 某社区委员之家, 住昂素镇政协委员: members and what serves them, no body
        if suffix in _org_words("team_suffixes") and not _team_name(phrase[:at]):
            continue  # 岳塘区|按照巡察组要求: a verb or preposition before the team, no name of it
        # A company's trade name runs long (运城市英才劳务派遣有限公司); other bodies name
        # themselves in a few characters (汾阳市人民医院); a verb between (新建学校) is no name.
        if suffix.endswith(_org_words("long_suffixes")):
            reach = _ORG_WINDOW
        else:
            reach = _NEAR_ORG if len(suffix) == 1 else _BODY_WINDOW
        # A registered company's name may hold a verb (四川锦城建设工程有限公司); other bodies may not.
        registered = suffix in _org_words("registered_suffixes")
        if (
            at < reach
            and (registered or not _org_verb_pattern().search(phrase, 0, at))
            and not (len(suffix) == 1 and _inside_word(clean, end, after, at, place_at=place_at))
        ):
            return True
    return _heads_body_list(clean, end, phrase)


@cache
def _one_char_openings() -> tuple[str, ...]:
    return tuple(word for word in _org_words("not_opening") if len(word) == 1)


# The places a farm holds in its address (某农场|和顺村, 某农场|光明社区).
_FARM_UNITS = frozenset(("village", "community"))


@cache
def _suffix_not_before() -> dict[str, str]:
    return word_lists()["orgs"]["suffix_not_before"]


# The longest short name of a body's field in a list after its place (农业农村 of 某市财政、农业农村局).
_LISTED_FIELD = 4


def _heads_body_list(clean: str, end: int, phrase: str) -> bool:
    """某市|财政、农业农村局, 某县|财政和税务局: the place heads a list of bodies' fields (each short, no
    verb, no place, not its people) whose last item ends with the body's word: it opens every
    body's name, as it opens the one of a body alone (某市财政局). A conjunction joins two items
    where it is a word of its own (not 和 of 和平); members after it (某镇干部群众及部分人大代表) make
    the list one of people."""
    # (one search first: most phrases hold no join within a field's reach)
    m = _LIST_JOIN.search(clean, end + 1, end + _LISTED_FIELD + 1)
    if m is None or m.start() > end + len(phrase):
        return False
    join = m.start()
    field = clean[end:join]
    return (
        not field.startswith(place_followers())
        and _org_verb_pattern().search(field) is None
        and suffix_pattern().search(field) is None
        and not gazetteer.opens_division(clean, join + 1)
        and (clean[join] == "、" or (cut_at(clean, join) and cut_at(clean, join + 1)))
        and not any(member in _phrase_after(clean, join + 1, _ORG_WINDOW) for member in _org_words("members"))
        and inside_org(clean, join + 1)
    )


@cache
def _counted_bodies() -> re.Pattern[str]:
    counted = word_lists()["orgs"]["counted_bodies"]
    return re.compile(f"[{counted['numerals']}]{{1,3}}[{counted['classifiers']}]")


def _team_name(between: str) -> bool:
    """The words between a place and an inspection team's word are the team's name (第二生态环境保护,
    委第二): each a noun or a number of the dictionary or a word of ``team_name_words``."""
    allowed = _org_words("team_name_words")
    return all(word in allowed or word_tag(word)[:1] in _TEAM_NAME_TAGS for word in _tokenizer().lcut(between))


# jieba's tags of the words of a team's name: nouns and numbers (生态, 环境保护, 第三).
_TEAM_NAME_TAGS = ("n", "m")


def _facility_head(clean: str, end: int, at: int) -> bool:
    """The place ending at ``end`` heads the name of a facility whose word starts ``at`` after it:
    right before it, but for a province's 省 (山东省电厂 is the sector), or before proper names alone
    (华能山东|德州电厂, 宁夏|六盘山电厂), no verb or word of kind (共关停燃煤电厂, 发展现代农业公园)."""
    if at == 0:
        return clean[end - 1 : end] != "省"
    allowed = _org_words("facility_name_words")
    return all(
        word in allowed or word_tag(word)[:2] in _PROPER_TAGS for word in _tokenizer().lcut(clean[end : end + at])
    )


# jieba's tags of proper names: places, names, other proper nouns, bodies.
_PROPER_TAGS = ("ns", "nr", "nz", "nt")


# How often the dictionary must have met a word for it to be an everyday one (生在: 3, 生源: 679).
_EVERYDAY_WORD = 30


def _member_post_at(phrase: str, at: int) -> bool:
    """A word for a body's members starts at ``at`` (政协|委员, 人大|代表, 兴县|中学生), not a body (委员会,
    代表团) nor a school's name before a word its pupils' 生 opens (岚县中学|生活区)."""
    if not phrase.startswith(_org_words("members"), at) or phrase.startswith(_org_words("member_bodies"), at):
        return False
    pupils = next((word for word in _org_words("pupils") if phrase.startswith(word, at)), "")
    if not pupils:
        return True
    # 中学|生物老师: the dictionary meets the everyday word 生 opens (生物) more often than the word the
    # character after 生 opens with its next (物老); 中学生|就业: less (生就 against 就业), 中学生|在: rarely.
    after = at + len(pupils)
    opened = word_frequency(phrase[after - 1 : after + 1])
    return opened < _EVERYDAY_WORD or opened <= word_frequency(phrase[after : after + 2])


def _inside_word(clean: str, end: int, after: int, at: int, *, place_at: int | None) -> bool:
    """A one-character body word at ``end + at`` that names no body: the last of the stem of the
    smaller place whose suffix is at ``place_at`` (津南区|小站镇), or inside a longer word
    (会馆村|小站稻; 局长 is a post's)."""
    if end + at + 1 == place_at:
        return True
    return not _tokenizer().FREQ.get(clean[end + at : end + at + 2]) and _word_across(
        clean, max(end, end + at - _CUT_WINDOW), after, end + at, past=1
    )


@cache
def _not_org_words() -> frozenset[str]:
    return frozenset(word_lists()["orgs"]["not_org_words"])


def names_outlet(doc: Document, start: int, end: int) -> bool:
    """来源：博尔塔拉报, 宁夏法治报讯: the phrase after the place ends, within a few characters, with an
    outlet word (报, 网, 报讯), or 讯 follows a place an outlet's word opens (今日镇江讯); a space the
    clean view removed ends the phrase too (博尔塔拉报　发布时间).
    Straight after a source label (来源：安吉发布, 来源：黔东南在线) any name running on from the place
    is the outlet's."""
    clean = doc.clean
    # The source label's mark before the place, if any; most places have none, and no character
    # that ends an outlet's word or the dispatch mark after them: they name no outlet.
    low = max(0, start - _NEAR_ORG - 1)
    mark = max(map(clean.rfind, LABEL_COLONS, repeat(low), repeat(start)))
    if mark < 0 and _outlet_last_characters().search(clean, end, end + _NEAR_ORG + 1) is None:
        return False
    if _channel_at(clean, end) and clean.endswith(_org_words("channel_sites"), 0, start):
        return True  # 中新网贵州新闻, 人民网四川频道: a national site's regional channel
    if clean.startswith(_org_words("site_words"), end) and clean.endswith(_org_words("site_openers"), 0, start):
        return True  # 中国江西网: a site named by the country and the place
    phrase = _phrase_after(clean, end, _NEAR_ORG + 1)
    cut = doc.first_joined(end + 1, end + len(phrase)) - end
    if cut <= _NEAR_ORG and phrase[:cut].endswith(_org_words("phrase_final")):
        return True
    if _outlet_credit().match(phrase, 0, cut):
        return True  # 甘肃农民报通讯员: the outlet's name, then who writes for it
    if phrase.startswith(_DISPATCH_MARK) and clean.endswith(_org_words("outlet_openers"), 0, start):
        return True  # 今日某某讯, 掌上某某讯: the outlet's dispatch mark after its name
    # 义乌发布　2026-01-05: an account's name standing alone on the page's furniture line
    alone = doc.joined_at(end + cut) or clean[end + cut : end + cut + 1] in ("", "\n", " ", "\u3000")
    if cut <= _NEAR_ORG and alone and phrase[:cut].endswith(_org_words("account_final")):
        return True
    # The label's mark, with only the outlet's own name between it and the place (来源：上海|崇明).
    if mark < 0 or not clean.endswith(_org_words("source_labels"), 0, mark):
        return False
    inside = _cjk_run(_NEAR_ORG).fullmatch(clean, mark + 1, start) is not None
    return inside and doc.first_joined(mark + 2, start + 1) > start and (cut > 0 or start > mark + 1)


LABEL_COLONS = ("：", ":")


_DISPATCH_MARK = "讯"


def _channel_at(clean: str, at: int) -> bool:
    """A channel's word ends a channel's name at ``at`` (人民网四川频道, 甘肃新闻5月8日电, 湖南新闻正文),
    not running on into another word (四川新闻发布会, 新闻中心)."""
    word = next((w for w in _org_words("channel_words") if clean.startswith(w, at)), None)
    return word is not None and not clean.startswith(_org_words("channel_runs_on"), at + len(word))


@cache
def _outlet_last_characters() -> re.Pattern[str]:
    """The last characters of the outlets' and accounts' words and the dispatch mark: a phrase
    that holds none of them ends with none of these words and holds no outlet's."""
    words = [*_org_words("phrase_final"), *_org_words("account_final"), _DISPATCH_MARK]
    return re.compile(f"[{re.escape(''.join(sorted({word[-1] for word in words})))}]")


@cache
def _outlet_credit() -> re.Pattern[str]:
    """An outlet word, at most ``_NEAR_ORG`` characters after the place, then a word that follows
    outlets' names (农民报|通讯员, 日报|报道); or an account's word, then one for its writers (四川在线|记者:
    not 发布|消息, a government's own announcement)."""
    finals, followers = alternation(_org_words("phrase_final")), alternation(_org_words("outlet_followers"))
    accounts, writers = alternation(_org_words("account_final")), alternation(_org_words("account_writers"))
    return re.compile(rf"[{CJK}]{{0,{_NEAR_ORG - 1}}}?(?:(?:{finals})(?:{followers})|(?:{accounts})(?:{writers}))")


@cache
def _org_words(kind: str) -> tuple[str, ...]:
    """One list of place_words.toml [orgs], as the tuple ``str.endswith`` takes."""
    return tuple(word_lists()["orgs"][kind])


def account_words() -> tuple[str, ...]:
    """The words ending an outlet's account named after its place (义乌发布, 四川在线)."""
    return _org_words("account_final")


def registered_suffixes() -> tuple[str, ...]:
    """The endings of a registered company's name (有限公司, 集团), which may hold its place in brackets."""
    return _org_words("registered_suffixes")


# The mark of a withheld name (某公司, 某某合作社).
_ANONYMISED = "某"


def opens_org(clean: str, end: int, start: int) -> bool:
    """A place below the county (from ``start``) opens a body's name: 红桥镇人民政府, 城关镇第二小学, 街道敬老院;
    not a body whose name a verdict withholds (黄村镇|某木材加工厂: the place locates it)."""
    if clean.startswith(_ANONYMISED, end):
        return False
    resident = clean.endswith(_org_words("residence_verbs"), 0, start)
    return body_head_at(clean, end) or inside_org(clean, end, word_bound=True, resident=resident)


@cache
def _school_short_form() -> re.Pattern[str]:
    forms = word_lists()["school_short_forms"]
    numbered = f"[{forms['numerals']}]{{1,2}}(?P<numbered>{alternation(forms['numbered'])})"
    return re.compile(f"(?:{numbered}|{alternation(forms['kinds'])})(?![{forms['not_before']}])")


@cache
def _school_word() -> re.Pattern[str]:
    return words_pattern(word_lists()["school_short_forms"]["school_words"])


# The longest word jieba's dictionary may start at a numbered form's 中 or 小 that is read (中小企业).
_NUMBERED_WORD = 4


def opens_school(clean: str, end: int) -> bool:
    """A school's short name follows the place (邵武|一中, 临县|三中, 城关镇|二小, 邵武|实小:
    [school_short_forms]), whose name the place opens. A numbered form's 中 or 小 that opens a
    dictionary word (临县一|中年男子, 一|小型水库, 一|中国移动) is the count of "a" before a word,
    unless a school's word follows the form (一中|校长, 一中|师生, 三中|高三)."""
    m = _school_short_form().match(clean, end)
    if m is None:
        return False
    if m.group("numbered") is None or _school_word().match(clean, m.end()):
        return True
    return not _opens_longer_word(clean, m.start("numbered"))


def _opens_longer_word(clean: str, at: int) -> bool:
    """A word of jieba's dictionary longer than one character starts at ``at`` (中年, 小卖部). The
    table holds every word's prefixes with a count of 0 (小卖 of 小卖部), so the walk ends where a
    piece is no prefix."""
    freq = _tokenizer().FREQ
    for last in range(at + 2, min(len(clean), at + _NUMBERED_WORD) + 1):
        count = freq.get(clean[at:last])  # one lookup in the large table: None where no prefix
        if count is None:
            return False
        if count:
            return True
    return False


def body_head_at(clean: str, at: int) -> bool:
    """A body written after a place below the county (村委会, 村史馆, 人民政府) starts at ``at``; not a
    word for its members that opens with one (城关镇|中学生), nor a party branch a post follows
    (石门村党支部|书记: a place inside a post, kept)."""
    if clean.startswith(_org_words("below_heads"), at):
        return not _member_post_at(clean, at)
    branch = next((head for head in _org_words("below_post_heads") if clean.startswith(head, at)), None)
    return branch is not None and not clean.startswith(_titles(), at + len(branch))


@cache
def _titles() -> tuple[str, ...]:
    return tuple(read_words("titles.txt"))


@cache
def _tokenizer() -> Any:
    """jieba's default tokenizer (its dictionary is loaded once, by whichever finder asks first)."""
    return jieba_tokenizer()


def crosses_word(clean: str, start: int, end: int) -> bool:
    """冬天水管 holds no 天水, 基本市情 no 本市: segmented with a few characters around it, the
    name does not start or end on a word boundary (jieba, on the window only)."""
    low, high = max(0, start - _CUT_WINDOW), min(len(clean), end + _CUT_WINDOW)
    # Next to a Han character only a dictionary word runs across a position: where none runs
    # across either edge of the name, both are word boundaries however jieba cuts the window. A
    # word from before the start that ran across the end would run across the start: the end's
    # words are looked for from the start on.
    if (
        is_han(clean[start])
        and is_han(clean[end - 1])
        and not _word_across(clean, low, high, start)
        and not _word_across(clean, start, high, end)
    ):
        return False
    edges = {low}
    pos = low
    for word in dictionary_words(clean[low:high]):
        if pos == start and pos + len(word) > end and _goes_on_as_place(clean, end):
            return False  # 上海浦东, 苏州工业园区: jieba's word is the chain or the zone itself
        pos += len(word)
        edges.add(pos)
    return start not in edges or end not in edges


def cut_at(clean: str, at: int) -> bool:
    """jieba's cut of a few characters around ``at`` has a word boundary there (草坝村|规模: yes;
    张家|村民|生活: no)."""
    low, high = max(0, at - _CUT_WINDOW), min(len(clean), at + _CUT_WINDOW)
    # Inside the text, next to a Han character, no dictionary word running across ``at`` makes it
    # a boundary however jieba cuts the window (as in crosses_word).
    if 0 < at < len(clean) and (is_han(clean[at - 1]) or is_han(clean[at])) and not _word_across(clean, low, high, at):
        return True
    pos = low
    for word in dictionary_words(clean[low:high]):
        pos += len(word)
        if pos >= at:
            return pos == at
    return True


def _word_across(clean: str, low: int, high: int, at: int, past: int = 0) -> bool:
    """A word of jieba's dictionary inside ``clean[low:high]`` starts before ``at`` and ends after
    it (and ``past`` characters further). The walk is jieba's own (``Tokenizer.get_DAG``): its
    table holds every word's prefixes, with a count of 0 for those that are no word, so the walk
    from a start begins at the shortest piece that reaches far enough: where that is no prefix,
    no word from there does."""
    freq = _tokenizer().FREQ
    reach = at + past  # the last character a word across must hold
    for first in range(low, at):
        last, piece = reach, clean[first : reach + 1]
        while last < high and (count := freq.get(piece)) is not None:  # one lookup of each piece
            if count:
                return True
            last += 1
            piece = clean[first : last + 1]
    return False


def _goes_on_as_place(clean: str, at: int) -> bool:
    """Another division's name or a place suffix starts at ``at``."""
    return bool(suffix_pattern().match(clean, at)) or gazetteer.opens_division(clean, at)


@cache
def names_after() -> dict[str, tuple[str, ...]]:
    """The words after a division's name that make it part of another name, as prefix tuples."""
    after = word_lists()["names_after"]
    return {
        "any": (*after["roads"], *after["others"]),
        "short_roads": tuple(after["short_roads"]),
        "road_works": tuple(after["road_works"]),
        "bracketed_place_heads": tuple(after["bracketed_place_heads"]),
        "estates": tuple(after["estates"]),
        "waters": tuple(after["waters"]),
        "mountains": tuple(after["mountains"]),
        "mountain_areas": tuple(after["mountains_not"]),
        "scenic": tuple(after["scenic"]),
        "landforms": tuple(after["landforms"]),
        "areas": tuple(after["areas"]),
        "area_zones": tuple(after["area_zones"]),
        "products": tuple(after["products"]),
        "posts": tuple(word_lists()["title_openers"]["posts"]),
    }


class Mask:
    """Which clean characters a kind of span covers (titles, places found so far): O(1) per character."""

    __slots__ = ("_on",)

    def __init__(self, size: int, spans: list[tuple[int, int]]) -> None:
        self._on = bytearray(size)
        for start, end in spans:
            self.mark(start, end)

    def mark(self, start: int, end: int) -> None:
        self._on[start:end] = b"\x01" * (end - start)

    def hits(self, start: int, end: int) -> bool:
        return self._on.find(1, start, end) >= 0

    def after_last(self, low: int, high: int) -> int:
        """The position after the last covered character in ``[low, high)``, else ``low``."""
        return self._on.rfind(1, low, high) + 1 or low


@cache
def place_followers() -> tuple[str, ...]:
    """Words after which a short name is that place: its people and parts (那桑村民, 黄江各社区)."""
    return tuple(word_lists()["short_names"]["followers"])


@cache
def place_people() -> tuple[str, ...]:
    """A place's whole people after its stem (古井人民群众, 三交干部群众), whatever else the stem means."""
    return tuple(word_lists()["short_names"]["people"])


@cache
def people_governor_tags() -> tuple[str, ...]:
    """The word tags of a stem that governs the people after it (振兴人民群众精气神), naming no place."""
    return tuple(word_lists()["short_names"]["people_governor_tags"])


def ending_suffix_at(clean: str, at: int) -> str | None:
    """The level of a suffix at ``at`` that ends a name there: not one that opens a word with the
    character after it (绩溪|村民, 江苏|乡镇, 香港|屯门)."""
    m = suffix_pattern().match(clean, at)
    if m is None:
        return None
    suffix, after = m.group(0), clean[m.end() : m.end() + 1]
    if after and after in word_lists()["suffix_not_before"].get(suffix, ""):
        # 开发区|位列: the character opens a word with the one after it, not with the suffix
        follower = clean[m.end() + 1 : m.end() + 2]
        if not follower or follower not in word_lists()["suffix_not_before_unless"].get(suffix, {}).get(after, ""):
            return None
    return word_lists()["suffixes"][suffix]


@cache
def below_suffixes() -> dict[str, str]:
    """The suffixes of townships, villages and communities, and the level each gives."""
    return {suffix: level for suffix, level in word_lists()["suffixes"].items() if level in BELOW}


@cache
def strong_before() -> frozenset[str]:
    """Characters after which a village or township name may start (在西堡村, 的杏花村)."""
    return frozenset(word_lists()["boundaries"]["strong_before"])


@cache
def after_date() -> frozenset[str]:
    """A date written just before a name does not join it into a word (2024年兴县)."""
    return frozenset(word_lists()["boundaries"]["after_date"])


@cache
def _arrival_verbs() -> tuple[str, ...]:
    return tuple(word_lists()["arrival_verbs"]["words"])


def after_arrival(clean: str, start: int) -> bool:
    """A verb of going stands right before ``start``, or with 了 (来到|金桂小区, 来到了|富民小区)."""
    return clean.endswith(_arrival_verbs(), 0, start - 1 if clean[start - 1 : start] == "了" else start)


BELOW = frozenset(("township", "village", "community"))


# What joins the items of a list of places (竹海村、新房村和铁佛村, 春江花园、金色海岸苑).
LIST_JOINS = frozenset("、和及与")
_LIST_JOIN = re.compile(f"[{''.join(sorted(LIST_JOINS))}]")


@lru_cache(maxsize=4096)
def last_part(name: str) -> str:
    """The last place of a chain written without separators (天荒坪镇余村 -> 余村)."""
    ends = [
        m.end()
        for m in suffix_pattern().finditer(name)
        if m.group(0) in below_suffixes() and m.end() < len(name) and leaves_name(name[m.end() :])
    ]
    return name[ends[-1] :] if ends else name


def leaves_name(rest: str) -> bool:
    """乌镇|镇 is one name: a split leaves a name of its own, not a suffix alone; a suffix that is a
    village's common name is one (芦柞镇|中心村: [chained_common_names])."""
    return not suffix_pattern().fullmatch(rest) or rest in word_lists()["chained_common_names"]["words"]
