"""The vetoes of amounts: each a small named predicate that refuses a proposed numeral and
unit as an amount (a calendar year, an ordinal, an idiom, a slogan, a code, a ranking...),
listed in the order the rules ask them. Their words live in ``patterns/quantity_words.toml``.
Most concern one record, dimension or unit, a surface or numerals written in words: a veto's
``applies`` says which kinds of proposal (:func:`amount_kind`) it is asked about at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Hashable
from functools import cache
from itertools import pairwise

import regex

from . import gazetteer
from .date_expr import calendar_words, holiday_names
from .date_numerals import month_day
from .numbers import CHINESE_DIGITS, read
from .quantity_scan import (
    ASCII_LETTERS,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Proposal,
    ends_longer_word,
    is_dictionary_word,
    is_year,
    is_year_digits,
    spoken_tenths,
)
from .quantity_tables import Tables, Unit, tables
from .rules import Veto
from .text import is_han

# 三个一, 四个全面: a count classifier right before another numeral names a slogan.
_SLOGAN_DIGITS = frozenset(CHINESE_DIGITS)


_MULTIPLIER_ONLY = frozenset("十百千万亿")


# How far back the items of a slogan list are looked for.
_SLOGAN_LIST_WINDOW = 40


_CAPITAL_DIGITS = frozenset("壹贰叁肆伍陆柒捌玖")


# Multipliers that also open a unit surface (千克, 千米, 千瓦, 百帕).
_LONE_PREFIXES = frozenset("千百")


# A percent-escape (%E5, %8F, %20%2C): two hex digits not both decimal, or two decimal digits
# and another escape after them.
_URL_ESCAPE = re.compile(r"%(?:[0-9A-F]{2}(?<!%[0-9]{2})|[0-9]{2}(?=%))")


# What stands before a % sign in a link: another escape (%E5%25), a letter or the link's
# punctuation (q=%25, abc%25); a rate's digit does not (121.3%185%).
_LINK_BEFORE_SIGN = regex.compile(r"(?:%[0-9A-Fa-f]{2}|[A-Za-z/=?&_.-])\Z")


def amount_kind(p: Proposal) -> Hashable:
    """What decides which vetoes apply to a proposal, and all their ``applies`` read: its unit's
    record, dimension and name, its surface, and whether its numeral is written in words."""
    unit = p.unit
    assert unit is not None
    return unit.record, unit.dimension, unit.unit, p.surface, p.chinese_only


def _unit(p: Proposal) -> Unit:
    assert p.unit is not None
    return p.unit


def _records(*records: str) -> Callable[[Proposal], bool]:
    return lambda p: _unit(p).record in records


def _dimensions(*dimensions: str) -> Callable[[Proposal], bool]:
    return lambda p: _unit(p).dimension in dimensions


def _units(listed: Callable[[Tables], Collection[str]]) -> Callable[[Proposal], bool]:
    """Units a table of ``quantity_words.toml`` lists."""
    return lambda p: _unit(p).unit in listed(tables())


def _counted(p: Proposal) -> bool:
    """The unit is a count classifier (个, 条, 项)."""
    return _unit(p).record == "quantity" and _unit(p).dimension == "count"


def _in_words(p: Proposal) -> bool:
    """The numeral has no digit (三个, 二十五条): what the vetoes of articles, slogans and
    single characters ask about."""
    return p.chinese_only


# A code's number: one or two digits, perhaps a decimal part, and no multiplier (PM 2.5, PM 10).
_SMALL_NUMBER = re.compile(r"\d{1,2}(?:\.\d+)?(?![\d.万亿千])")


def _after_code_letters(p: Proposal) -> bool:
    """PM2.5, H7N9, version numbers: letters or a dot glued before the number, or two letters or
    more and one space before a small number (PM 2.5年均浓度, PM 10; GDP123亿元, APP 12万次 and
    标段A 5000万元 are fine); 10:32 and 1:3: the number after a colon that follows a digit is a
    clock time's or a ratio's."""
    clean, start = p.scan.clean, p.start
    before = clean[start - 1 : start]
    if (
        before == " "
        and start > 2
        and all(c in ASCII_LETTERS for c in clean[start - 3 : start - 1])
        and _SMALL_NUMBER.match(clean, start)
    ):
        start -= 1
        before = clean[start - 1 : start]
    return bool(before) and (
        (before in ASCII_LETTERS and not clean.endswith(p.scan.t.indicator_acronyms, 0, start))
        or before == "."
        or (before == ":" and clean[start - 2 : start - 1].isdigit())
    )


def _after_ordinal_or_code(p: Proposal) -> bool:
    """第3名, 编号2号, QQ:4030: an ordinal or code word (quantity_words.toml) right before the
    number, its colon, or the first item of the 、-list it ends (第二、三名, 第1、2、3批次); a device
    counted by its classifier is no code (模拟电话77部)."""
    t, clean = p.scan.t, p.scan.clean
    label_end = p.start - 1 if clean[p.start - 1 : p.start] == ":" else _list_opening(clean, p.start)
    if not t.not_amount_prefixes.at(clean, label_end):
        return False
    return not (p.unit is not None and p.unit.unit in t.device_units and t.device_prefixes.at(clean, p.start))


# The characters of a bare item of a 、-list of numbers (第二、三名, 第1、2、3批次), and how many
# items back its opening is looked for.
_LIST_ITEM_CHARS = frozenset("0123456789〇零一二两三四五六七八九十百千")
_LIST_ITEMS = 8


def _list_opening(clean: str, start: int) -> int:
    """Where the 、-list of bare numbers that the number at ``start`` ends begins (1 of 1、2、3批次),
    or ``start`` when no bare number and 、 stand right before it."""
    for _ in range(_LIST_ITEMS):
        if clean[start - 1 : start] != "、":
            break
        first = start - 1
        while first > 0 and clean[first - 1] in _LIST_ITEM_CHARS:
            first -= 1
        if first == start - 1:
            break
        start = first
    return start


_MOBILE_NUMBER = re.compile(r"1[3-9]\d{9}")


def _mobile_number(p: Proposal) -> bool:
    """赵明亮 13912345678日前: eleven digits opening with 13-19 are a mobile number, not an amount;
    asked of every unit but money's (13800000000元 is a sum written out)."""
    return _MOBILE_NUMBER.fullmatch(p.numeral) is not None


def _rate_denominator(p: Proposal) -> bool:
    """每万人口, 每千人, 每10万人: the base of a rate is a round number written with its multiplier,
    not an amount (每5人一组 counts the group)."""
    return p.scan.clean.endswith(p.scan.t.rate_prefix, 0, p.start) and (
        all(c in _MULTIPLIER_ONLY for c in p.numeral) or p.numeral[-1] in _MULTIPLIER_ONLY
    )


def _in_idiom(p: Proposal) -> bool:
    """千方百计, 一把手: a fixed phrase (quantity_words.toml idioms) holds the number."""
    return p.scan.in_idiom(p.start)


def _reduplicated(p: Proposal) -> bool:
    """一个个项目, 一座座大棚: 一 and a classifier said twice mean "one after another", no count."""
    return p.numeral in ("一", "壹") and len(p.surface) == 1 and p.scan.clean.startswith(p.surface, p.end)


def _article_yi(p: Proposal) -> bool:
    """一位专家, 一个护栏: the numeral is an article, unless a qualifier (至少一个, 一倍以上) or a
    percentage makes it count, the unit measures land (一亩), the words around a duration
    state a span of time (试用期一年, 一周内), or it is a range's lower end (一至两名) that is no
    list of positions (一至三层为商铺)."""
    assert p.unit is not None
    return (
        p.numeral in ("一", "壹")
        and not _measured_yi(p)
        and p.reading.value == 1  # 一年半 counts
        and (p.value_max is None or _position_range(p))
        and p.prefix_qualifier is None
        and p.scan.suffix_qualifier(p.end) is None
        and not p.surface.startswith("个多")  # 一个多星期 counts
        and not (p.unit.record == "money" and len(p.surface) > 1)  # 一美元, 一块钱 (一元化 is no money)
        and not (p.unit.record == "money" and spoken_tenths(p.scan, p.end) is not None)  # 一块二
        and not _stated_duration(p)
        and not _coordinated_count(p)
    )


# Numerals that may count the item coordinated before a 一 (两名法官和一名法警, 3个村、一个社区).
_COUNT_NUMERAL = "0-9〇零一二两三四五六七八九十百千万"


@cache
def _coordinated_before(surface: str) -> re.Pattern[str]:
    """A count with ``surface`` (no lone 一 of its own) and its noun, then a coordinating word,
    ending where 一 starts."""
    counted = rf"(?:[{_COUNT_NUMERAL}]{{2,}}|(?<![{_COUNT_NUMERAL}])[{_COUNT_NUMERAL.replace('一', '')}])"
    return re.compile(rf"{counted}{re.escape(surface)}[^\s，。；：、,;:]{{0,6}}(?:和|及|与|、)\Z")


# The longest stretch before a coordinated 一 that the count it follows may take (十二名|专职消防队员|和).
_COORDINATED_REACH = 16


def _coordinated_count(p: Proposal) -> bool:
    """两名法官和一名法警: a 一 coordinated with a count of the same unit, before the noun it counts,
    counts as that one does (not 12个乡镇、一个都不能少: an adverb follows, a clause of its own)."""
    clean = p.scan.clean
    if clean.startswith(p.scan.t.coordinated_not_before, p.end):
        return False
    low = max(0, p.start - _COORDINATED_REACH)
    return _coordinated_before(p.surface).search(clean, low, p.start) is not None


def _position_range(p: Proposal) -> bool:
    """一至三层为商铺: a range of floors, phases or grades before a copula names positions
    (quantity_words.toml article_yi position_units), not a count."""
    assert p.unit is not None
    t = p.scan.t
    return p.unit.unit in t.yi_position_units and p.scan.clean.startswith(t.yi_position_copulas, p.end)


def _measured_yi(p: Proposal) -> bool:
    """一亩, 种了一亩玉米: 一 measures land (quantity_words.toml article_yi), unless it means
    "every" (每一亩) or is the basis of a rate (一亩地收两千斤, as 每亩 would be)."""
    assert p.unit is not None
    scan, t = p.scan, p.scan.t
    every = p.start > 0 and scan.clean[p.start - 1] in t.yi_counted_not_after
    return p.unit.dimension in t.yi_counted_dimensions and not every and not scan.number_later_in_clause(p.end)


def _stated_duration(p: Proposal) -> bool:
    """试用期一年, 为期一个月, 一周内, 用一年时间: a duration whose span words (quantity_words.toml
    stated_durations) stand right before or after it."""
    assert p.unit is not None
    t, clean = p.scan.t, p.scan.clean
    return p.unit.dimension == "duration" and (
        t.duration_span_before.at(clean, p.start) or clean.startswith(t.duration_span_after, p.end)
    )


def _slogan_in_quotes(p: Proposal) -> bool:
    """“三个减少”, “二十五条”: a name written with a number in Chinese words."""
    return p.scan.in_short_quote(p.start, p.end)


def _vague_duration(p: Proposal) -> bool:
    """几十年来, 数十年: a vague stretch of time, like 近年来."""
    return p.numeral[0] in p.scan.t.vague_prefixes


def _ordinal_follower(p: Proposal) -> bool:
    """A word after the unit that makes it an ordinal (quantity_words.toml ordinal_followers: 五次会议),
    not after a verb of holding or a word of counting before a meeting (召开3次会议, 先后召开5次会议);
    a congress stays the ordinal it names (召开十三次代表大会), and so does 中共五次 (共 ends 中共)."""
    assert p.unit is not None
    t, clean = p.scan.t, p.scan.clean
    if not clean.startswith(t.ordinal_followers[p.unit.unit], p.end):
        return False
    holder = t.ordinal_followers_counted.word_at(clean, p.start)
    return holder is None or ends_longer_word(clean, p.start, holder) or not clean.startswith(t.counted_meetings, p.end)


def _unit_designation(p: Proposal) -> bool:
    """63710部队: a long number of digits, its classifier and the word after it name a military
    unit (quantity_words.toml unit_designations)."""
    assert p.unit is not None
    t = p.scan.t
    return t.designation_numeral.fullmatch(p.numeral) is not None and p.scan.clean.startswith(
        t.designation_followers[p.unit.unit], p.end
    )


def _plan_name(p: Proposal) -> bool:
    """三年行动计划, 五年规划, 三年专项整治: a duration a few characters before a plan word
    (quantity_words.toml plan_followers) names the plan, unless a span word before it states
    the span (为期三个月的专项行动)."""
    t, clean = p.scan.t, p.scan.clean
    return t.plan_name.match(clean, p.end) is not None and not t.duration_span_before.at(clean, p.start)


def _size_class(p: Proposal) -> bool:
    """5万吨级泊位, 10亿元级项目: 级 right after a unit of measure or money makes the amount a
    size class (quantity_words.toml class_followers); after a count classifier it opens a noun
    of its own (3个级别)."""
    return p.scan.clean[p.end : p.end + 1] in p.scan.t.class_followers


def _slogan_digits(p: Proposal) -> bool:
    """三个一, 两个一百年: a count classifier right before another numeral names a slogan."""
    clean, end = p.scan.clean, p.end
    return end < len(clean) and clean[end] in _SLOGAN_DIGITS


def _slogan_list(p: Proposal) -> bool:
    """一个中心、两个基本点: the count is an item of a slogan list that counts up from one, or of
    one that fills its quotation marks (“两个率先、两个力争”), each item a short noun
    (quantity_words.toml slogan_lists)."""
    t, clean, start = p.scan.t, p.scan.clean, p.start
    tail = t.slogan_list_item_tail.match(clean, p.end)
    if tail is None:
        return False
    after = t.slogan_list_after.match(clean, tail.end())
    closed = clean[after.end() : after.end() + 1] in CLOSE_QUOTES
    if clean[start - 1 : start] in OPEN_QUOTES:
        return closed and bool(after.captures("count"))
    if clean[start - 1 : start] != "、":
        return False
    items = t.slogan_list_before.search(clean, max(0, start - _SLOGAN_LIST_WINDOW), start)
    if items is None:
        return False
    quoted = clean[items.start() - 1 : items.start()] in OPEN_QUOTES
    if quoted and closed:
        return True
    numerals = [*items.captures("count"), p.numeral, *after.captures("count")]
    readings = [read(numeral) for numeral in numerals]
    values = [reading.value for reading in readings if reading is not None]
    return (
        values[0] == 1
        and len(values) == len(numerals)
        and all(a < b for a, b in pairwise(values))
        and len(values) >= t.slogan_list_unquoted
    )


def _place_slogan(p: Proposal) -> bool:
    """五个新晃建设: a count before a county's or city's name and a work word (quantity_words.toml
    slogan_lists place_followers) names a slogan's parts; a place is not counted."""
    return gazetteer.name_before_word(p.scan.clean, p.end, p.scan.t.slogan_place_followers, everyday=False)


def _slogan_follower(p: Proposal) -> bool:
    """15分钟生活圈: a slogan word (quantity_words.toml slogan_followers) after a duration or length."""
    return p.scan.followed_by_slogan(p.end)


def _url_escape(p: Proposal) -> bool:
    """%E5%8F%91: percent-escapes in a link are no percentages (digits right after a % sign that
    follows an escape or a link's punctuation, or a % sign that starts an escape); 121.3%185%230%,
    rates whose separators were lost, are."""
    clean, sign = p.scan.clean, p.start - 1
    in_link = clean[sign : p.start] == "%" and _LINK_BEFORE_SIGN.search(clean, max(0, sign - 3), sign) is not None
    return in_link or _URL_ESCAPE.match(clean, p.end - 1) is not None


def _calendar_year(p: Proposal) -> bool:
    """2025年, 二〇二四年: a calendar year is a date, not a duration; so are two years whose
    separator a page lost or read as a digit (19912005年, 199112005年)."""
    assert p.unit is not None
    return is_year(p.numeral, p.unit) or (
        len(p.numeral) in (8, 9) and p.numeral.isdigit() and {p.numeral[:2], p.numeral[-4:-2]} <= {"19", "20"}
    )


def _year_before_a_name(p: Proposal) -> bool:
    """2021天津马拉松, 2023台州马拉松, 2024元旦晚会: a year's four digits written straight before a
    division's or a holiday's name whose first character is a unit's (天 of 天津, 台 of 台州, 元 of 元旦)
    open an event's name; they count no days, machines or yuan. So does a dotted month and day
    before a holiday (12.31元旦前夕). A year before a unit no count of which reaches a year's
    digits (2016省优秀组织奖: quantity_words.toml years_before_units) names that year's award or list."""
    clean, name_start = p.scan.clean, p.end - len(p.surface)
    if is_year_digits(p.numeral):
        return (
            _unit(p).unit in p.scan.t.year_before_units
            or clean.startswith(holiday_names(), name_start)
            or gazetteer.opens_division(clean, name_start)
        )
    return _dotted_month_day(p.numeral) and clean.startswith(holiday_names(), name_start)


def _dotted_month_day(numeral: str) -> bool:
    """12.31, 1.1: a month and a day parted by a dot."""
    month, dot, day = numeral.partition(".")
    return bool(dot) and month.isdigit() and day.isdigit() and 1 <= int(month) <= 12 and 1 <= int(day) <= 31


def _date_digits(p: Proposal) -> bool:
    """2020111日, 20210603日: a date whose separators OCR or typing lost (a year's digits, then
    month and day) is no count of days; nor is a cut-off's (截至621日, 截至2023年1031日)."""
    if not p.numeral.isdigit():
        return False
    if 6 <= len(p.numeral) <= 8 and p.numeral[:2] in ("19", "20"):
        return True
    if len(p.numeral) not in (3, 4):
        return False
    if p.scan.clean.endswith(_cut_off_words(), 0, p.start):
        return True  # no length of time is cut off at
    return p.scan.clean[p.start - 1 : p.start] == "年" and month_day(p.numeral) is not None


@cache
def _cut_off_words() -> tuple[str, ...]:
    return tuple(calendar_words()["as_of"]["past"])


def _ordinal_er(p: Proposal) -> bool:
    """二次管网, 二轮延包: a count says 两 (两次, 两轮); a bare 二 before a classifier is an
    ordinal or a name. People are the exception (二人, 二位 are literary counts), and so is the
    lower end of a range (二到三千元, 二至三个)."""
    return p.numeral == "二" and p.value_max is None


def _lone_capital_digit(p: Proposal) -> bool:
    """陆家嘴, 伍家岗: one financial digit alone is a character of a name; amounts written in
    capitals carry 拾/佰/仟 or a currency (伍元)."""
    return len(p.numeral) == 1 and p.numeral in _CAPITAL_DIGITS


def _bare_zero(p: Proposal) -> bool:
    """零部件, 零星: a bare 零 is no count."""
    return p.reading.value == 0


def _numbered_place(p: Proposal) -> bool:
    """十一村, 八一村, 二社区: a district, village or community named by a number in words."""
    return _unit(p).unit in p.scan.t.numbered_place_units


# The 、-list of villages named by their numbers before this one (库木西力克乡7村、9村、|10村).
_NUMBERED_ITEMS_BEFORE = regex.compile(r"(?:\d{1,3}村、){1,8}\Z")
_LIST_REACH = 40


def _after_township(p: Proposal, start: int) -> bool:
    """A township's name ends right before ``start`` (艾力西湖镇|21村), not a word for the whole
    township or a count of townships (全乡|27村, 3乡|12村), nor a word that ends like one (各乡镇|12村,
    送戏下乡|30村)."""
    t, clean = p.scan.t, p.scan.clean
    if start < 2 or clean[start - 1] not in t.township_endings:
        return False
    before = clean[start - 2]
    return (
        is_han(before)
        and before not in t.whole_area_words
        and before not in CHINESE_DIGITS
        and not is_dictionary_word(clean[start - 2 : start])
    )


def _digit_named_village(p: Proposal) -> bool:
    """库木西力克乡7村、9村, 离开21村时: a village named by its number in digits."""
    clean = p.scan.clean
    if not clean[p.start : p.end - len(p.surface)].isdigit():
        return False
    items = _NUMBERED_ITEMS_BEFORE.search(clean, max(0, p.start - _LIST_REACH), p.start)
    if _after_township(p, items.start() if items else p.start):
        return True
    name = clean[p.start : p.end]
    at = clean.find(name)
    while at != -1:
        if at != p.start and (at == 0 or not clean[at - 1].isdigit()) and _after_township(p, at):
            return True
        at = clean.find(name, at + 1)
    return False


# 小区3区5栋, 8村3组: a numbered block or village before the number of a building or group in it
# is an address (5区3县 counts on).
_ADDRESS_PART = regex.compile(r"\d+(?:栋|幢|号|单元|楼|排|组)")


def _address_block(p: Proposal) -> bool:
    return _ADDRESS_PART.match(p.scan.clean, p.end) is not None


def _building_number(p: Proposal) -> bool:
    """4幢边的厢房: a building's number before a word of place beside it (quantity_words.toml
    building_numbers), no count of buildings."""
    return p.value_max is None and p.scan.clean.startswith(p.scan.t.building_place_words, p.end)


def _rank_place(p: Proposal) -> bool:
    """前十位, 后三名: a place in a ranking (quantity_words.toml rank_prefixes), not people."""
    t, clean = p.scan.t, p.scan.clean
    return t.rank_prefixes.at(clean, p.start) and not t.not_rank_prefixes.at(clean, p.start)


def _grade(p: Proposal) -> bool:
    """1类新药, 二类疫苗, 一期工程: a small number and 类 or 期 glued to a noun rank it
    (quantity_words.toml grade_classifiers); 两期工程 and 分3期实施 count (grade_counts), but not
    before a noun of zones or waters (划分为3类水体, 分为二类功能区: the grade of each)."""
    assert p.unit is not None
    t, clean = p.scan.t, p.scan.clean
    return (
        p.reading.value <= t.grade_units[p.unit.unit]
        and p.value_max is None
        and is_han(clean[p.end : p.end + 1])
        and clean[p.end] not in "的是和及与或"
        and p.numeral not in t.grade_count_numerals
        and (not p.scan.divides_before(p.start) or clean.startswith(t.graded_nouns, p.end))
    )


def _scale_word(p: Proposal) -> bool:
    """千户苗寨, 千亩基地, 百米长廊: a bare 百/千 and its unit before a noun describe the noun's
    scale (quantity_words.toml scale_words); a qualifier (近千人) or an end (达千亩。) makes it count."""
    return p.numeral in p.scan.t.scale_numerals and p.prefix_qualifier is None and p.scan.before_noun(p.end)


def _versus(p: Proposal) -> bool:
    """1对1帮扶, 比分3对2: 对 between two numbers means "against" (quantity_words.toml versus_units)."""
    following = p.scan.clean[p.end : p.end + 1]
    return following.isdigit() or following in CHINESE_DIGITS


def _unit_of_its_own(p: Proposal) -> bool:
    """元/千克, 每千米: a lone 千 or 百 that starts a unit surface (千克, 千米, 千瓦) is that unit,
    not a thousand of the rest of it."""
    if p.numeral not in _LONE_PREFIXES:
        return False
    found = p.scan.unit_at(p.start)
    return found is not None and len(found[0]) > 1


# What may refuse a numeral before a unit is looked for (the scan resumes after the numeral).
NUMERAL_VETOES: tuple[Veto[Proposal], ...] = (
    Veto("code_letters", _after_code_letters),
    Veto("unit_of_its_own", _unit_of_its_own),
)


# What may refuse a numeral and its unit as an amount, in the order they are asked, each
# asked only about the units it applies to.
AMOUNT_VETOES: tuple[Veto[Proposal], ...] = (
    Veto("calendar_year", _calendar_year, lambda p: _unit(p).unit == "年"),
    Veto("date_digits", _date_digits, lambda p: p.surface == "日"),
    Veto("year_before_a_name", _year_before_a_name, lambda p: not p.chinese_only),
    Veto("ordinal_or_code", _after_ordinal_or_code),
    Veto("mobile_number", _mobile_number, lambda p: not p.chinese_only and _unit(p).record != "money"),
    Veto("rate_denominator", _rate_denominator),
    Veto("idiom", _in_idiom),
    Veto("article_yi", _article_yi, lambda p: _in_words(p) and _unit(p).record != "percentage"),
    Veto("reduplicated", _reduplicated, _in_words),
    Veto("slogan_in_quotes", _slogan_in_quotes, _in_words),
    Veto("vague_duration", _vague_duration, _dimensions("duration")),
    Veto("ordinal_follower", _ordinal_follower, _units(lambda t: t.ordinal_followers)),
    Veto("unit_designation", _unit_designation, _units(lambda t: t.designation_followers)),
    Veto("plan_name", _plan_name, _dimensions("duration")),
    Veto("size_class", _size_class, lambda p: not _counted(p)),
    Veto("slogan_digits", _slogan_digits, lambda p: _in_words(p) and _counted(p)),
    Veto("slogan_list", _slogan_list, lambda p: _in_words(p) and _units(lambda t: t.slogan_list_units)(p)),
    Veto("place_slogan", _place_slogan, lambda p: _in_words(p) and _units(lambda t: t.slogan_list_units)(p)),
    Veto("slogan_follower", _slogan_follower, _dimensions("duration", "length")),
    Veto("ordinal_er", _ordinal_er, lambda p: _in_words(p) and _unit(p).dimension == "count" and _unit(p).unit != "人"),
    Veto("lone_capital_digit", _lone_capital_digit, lambda p: _in_words(p) and _unit(p).record != "money"),
    Veto("bare_zero", _bare_zero, _in_words),
    Veto("numbered_place", _numbered_place, _in_words),
    Veto("address_block", _address_block, _units(lambda t: t.numbered_place_units)),
    Veto("building_number", _building_number, _units(lambda t: t.building_units)),
    Veto("digit_named_village", _digit_named_village, _units(lambda t: t.digit_named_units)),
    Veto("rank_place", _rank_place, _units(lambda t: t.rank_units)),
    Veto("grade", _grade, _units(lambda t: t.grade_units)),
    Veto("scale_word", _scale_word, _records("quantity")),
    Veto("versus", _versus, _units(lambda t: t.versus_units)),
    Veto("url_escape", _url_escape, _records("percentage")),
)


# An amount without a unit surface (2亿信贷, 七成) is refused by these.
BARE_VETOES: tuple[Veto[Proposal], ...] = (
    Veto("ordinal_or_code", _after_ordinal_or_code),
    Veto("idiom", _in_idiom),
)
