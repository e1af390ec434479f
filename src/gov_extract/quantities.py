"""Quantity, money and percentage records: a numeral span plus a unit.

This module owns every amount an article states: ``190个``, ``11.36万吨``,
``9700余万元``, ``200-300元``, ``45%``, ``七成``, ``5个百分点``. It makes one
pass of :data:`numbers.NUMERAL_RE` over the clean view and, at each numeral's
end, looks up the longest unit surface from ``patterns/units.toml`` (units,
currencies, percent signs). Small named rules then decide whether the pair
is an amount (not an ordinal, a year, a code, an idiom or a slogan), whether
it is a range, and which qualifier the words around it carry; their word
lists live in ``patterns/quantity_words.toml``.

The tables live in :mod:`quantity_tables`, the scan of one article and the
readings of a numeral in :mod:`quantity_scan`, the vetoes in
:mod:`quantity_vetoes`; this module holds the rules, their productions and
the pass over the article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import regex

from .numbers import CHINESE_DIGITS, LARGE_UNITS, NUMERAL_RE, SMALL_UNITS, Reading, read, to_float
from .quantity_scan import (
    LIST_SEPARATORS,
    MINUS_SIGNS,
    NUMERAL_AT,
    RANGE_SEPARATOR_CHARS,
    TENTHS_MARKS,
    Amount,
    Found,
    Proposal,
    Scan,
    approximate_pair,
    choose_unit,
    digit_pair,
    digit_sequence,
    lost_percent,
    may_be_amount,
    read_range,
    signed,
    split_unit_prefix,
    spoken_tenths,
)
from .quantity_tables import Unit, tables
from .quantity_vetoes import AMOUNT_VETOES, BARE_VETOES, NUMERAL_VETOES, amount_kind
from .records import Money, Percentage, Quantity, Record, validated
from .rules import Candidate, Rule, vetoed
from .text import Document, is_han

if TYPE_CHECKING:
    from .context import ArticleContext

_HALF = Decimal("0.5")


# 一角七分, 伍角, 五毛钱, 零七分 after 元 (not 5分钟, 三分之一).
_CENT_DIGITS = "一二两三四五六七八九壹贰叁肆伍陆柒捌玖123456789"
_CENT_DIGIT = f"[{_CENT_DIGITS}]"


_JIAO_FEN = regex.compile(
    rf"(?:(?P<jiao>{_CENT_DIGIT})[{TENTHS_MARKS}]钱?)?+(?:零?+(?P<fen>{_CENT_DIGIT})分(?![钟之]))?+"
)
# What the tenths or hundredths can start with: most amounts of yuan have neither after them.
_JIAO_FEN_FIRST = frozenset(_CENT_DIGITS + "零")


# 68。5亿元, 40 2万人: the whole part before an OCR full stop or a space standing for a decimal
# point. A space follows at most three digits (a year and a count stand apart: 2019 2万人); after a
# lone digit text.py already joined the space the way OCR splits a number (投资1 2.6亿元).
_OCR_DECIMAL_WHOLE = regex.compile(r"(?<![\d.,])(?P<whole>\d{1,4})。\Z|(?<![\d.A-Za-z])(?P<whole>\d{1,3}) \Z")


_LEADING_DIGITS = regex.compile(r"\d+")


_LIST_ITEMS = 8


def _produce_amount(p: Proposal) -> Amount:
    """The amount a numeral and its unit state: the currency written before it, 零下 and a minus
    sign, and the qualifier from the words around it."""
    scan, start, unit = p.scan, p.start, p.unit
    assert unit is not None
    end = p.end
    value = p.reading.value * unit.scale
    if unit.record == "money" and unit.currency == "CNY":
        currency = scan.currency_before(start)
        if currency is not None:
            unit = replace(unit, currency=currency)
        if p.value_max is None:
            cents, end = _jiao_fen(scan, p.surface, end)
            value += cents
    if scan.clean.endswith(scan.t.below_zero, 0, start):
        value = -value
    prefix_qualifier = p.prefix_qualifier
    if unit.dimension == "temperature" and scan.t.extreme_words.at(scan.clean, start):
        prefix_qualifier = None  # 最高35℃: the day's highest, not a bound
    qualifier = (
        prefix_qualifier
        or p.reading.qualifier
        or scan.suffix_qualifier(end)
        or ("approx" if scan.sentence_estimate(start) and not _estimate_window(scan, start, unit) else None)
    )
    if p.surface.startswith("个多") and qualifier is None and scan.clean.endswith(p.surface, 0, p.end):
        qualifier = "more_than"  # not on a list item sharing the last one's unit (1.2个、3个多百分点)
    high_value = p.value_max * unit.scale if p.value_max is not None else None
    if signed(scan, start, unit):
        start, value = start - 1, -value
    return Amount(start, end, value, high_value, unit, qualifier, p.kind)


def _estimate_window(scan: Scan, start: int, unit: Unit) -> bool:
    """未来48小时: a duration after a word of the time ahead is the window an estimate is made
    for, not an estimated amount (quantity_words.toml sentence_qualifiers windows)."""
    return unit.dimension == "duration" and scan.t.estimate_windows.at(scan.clean, start)


def _jiao_fen(scan: Scan, surface: str, pos: int) -> tuple[Decimal, int]:
    """一百四十三元一角七分, 伍拾元伍角, 一块二: the tenths (角, 毛, or a lone digit after 块) and
    hundredths (分) after the yuan, and where they end (pos, with nothing, when none are written)."""
    match = _JIAO_FEN.match(scan.clean, pos) if scan.clean[pos : pos + 1] in _JIAO_FEN_FIRST else None
    if match is None or match.end() == pos:
        tenths = spoken_tenths(scan, pos) if surface == "块" else None
        return (tenths, pos + 1) if tenths is not None else (Decimal(0), pos)
    cents = Decimal(0)
    for group, scale in (("jiao", Decimal("0.1")), ("fen", Decimal("0.01"))):
        digit = read(match.group(group)) if match.group(group) else None
        cents += digit.value * scale if digit is not None else 0
    return cents, match.end()


def _produce_money_noun(p: Proposal) -> Amount | None:
    """2亿信贷, 投13.5亿: 万 or 亿 before a money noun or after a verb of spending
    (quantity_words.toml money_nouns, money_heads) is money."""
    clean, t = p.scan.clean, p.scan.t
    if p.numeral.rstrip("余多")[-1:] in ("万", "亿") and (
        clean.startswith(t.money_nouns, p.end) or _after_money_head(p)
    ):
        qualifier = p.prefix_qualifier or p.reading.qualifier
        return Amount(p.start, p.end, p.reading.value, p.value_max, Unit("money"), qualifier, "money_noun")
    return None


def _after_money_head(p: Proposal) -> bool:
    """A word of money (a verb of spending, a noun of pay or output) ends right before the
    number, or before its qualifier word, the 过 or 破 of a bare multiplier, or a linking verb
    (斥资约2亿, 年薪10万, 收入达5万, 营收破百亿)."""
    clean, t = p.scan.clean, p.scan.t
    pos = p.start
    qualifier = t.prefix_qualifier_words.word_at(clean, pos)
    if qualifier is not None:
        pos -= len(qualifier)
    elif p.prefix_qualifier is not None and clean[pos - 1 : pos] in t.round_mark_qualifiers:
        pos -= 1  # 破 of 营收破百亿, read as a qualifier only before a bare multiplier
    link = t.money_links.word_at(clean, pos)
    pos -= len(link) if link else 0
    return t.money_heads.at(clean, pos)


def _produce_currency_prefix(p: Proposal) -> Amount | None:
    """人民币500万, ¥4,326,500.00, 瑞士法郎300万: a currency written before a number with no
    unit after it; a currency sign is part of the span, a currency word is not."""
    prefix = p.scan.currency_prefix(p.start)
    if prefix is None:
        return None
    word, code = prefix
    start = p.start - len(word) if not is_han(word[0]) else p.start
    qualifier = p.prefix_qualifier or p.reading.qualifier or p.scan.suffix_qualifier(p.end)
    unit = Unit("money", currency=code)
    return Amount(start, p.end, p.reading.value, p.value_max, unit, qualifier, "currency_prefix")


def _tenths(numeral: str) -> bool:
    """A numeral that can count tenths before 成: 七, 十, 3, 9.5, 七点五 (not 15成)."""
    if not all(c in CHINESE_DIGITS or c in "十点.0123456789" for c in numeral):
        return False
    reading = read(numeral)
    return reading is not None and 0 < reading.value <= 10


def _produce_bare(p: Proposal) -> Amount | None:
    """An amount with no unit surface: a currency before it (¥500), money by its noun (2亿信贷), tenths
    (七成), a rate whose % sign was lost (同比增长18.3;), or a label's unit (预算金额(元):20999985)."""
    return (
        _produce_currency_prefix(p)
        or _produce_money_noun(p)
        or _produce_cheng(p)
        or _produce_lost_percent(p)
        or _produce_label_unit(p)
    )


# A field label's unit in brackets written right before its colon: 预算金额(元):, 面积(万平方米):.
_LABEL_UNIT = 8


def _produce_label_unit(p: Proposal) -> Amount | None:
    """预算金额(元):20999985, 中标金额(万元): 128.5, 建筑面积(平方米):3560: the unit stands in
    brackets at the end of the label before the colon, with 万 or 亿 for a multiplier; the span is
    the number. A surface that needs a cue or a qualifier (度, 月) says too little alone."""
    clean, scan = p.scan.clean, p.scan
    colon = p.start - 1
    if clean[colon : p.start] != ":" or clean[colon - 1 : colon] != ")":
        return None
    if clean[p.end : p.end + 1] in RANGE_SEPARATOR_CHARS:
        return None  # 面积(亩):1200-1500: a range this rule does not read
    opening = clean.rfind("(", max(0, colon - 1 - _LABEL_UNIT), colon - 1)
    if opening < 0:
        return None
    pos, scale = opening + 1, Decimal(1)
    while clean[pos] in _LABEL_MULTIPLIERS and scan.unit_at(pos) is None:
        scale *= _LABEL_MULTIPLIERS[clean[pos]]
        pos += 1
    found = scan.unit_at(pos)
    if found is None or pos + len(found[0]) != colon - 1:
        return None
    unit = found[1][0]
    if len(found[1]) > 1 or unit.needs_cue or unit.needs_qualifier or unit.above is not None:
        return None
    value_max = p.value_max * scale * unit.scale if p.value_max is not None else None
    return Amount(p.start, p.end, p.reading.value * scale * unit.scale, value_max, unit, None, "label_unit")


_LABEL_MULTIPLIERS = {char: Decimal(value) for char, value in (*LARGE_UNITS.items(), ("千", SMALL_UNITS["千"]))}


def _produce_lost_percent(p: Proposal) -> Amount | None:
    """同比增长18.3;: an Arabic number between a growth word and a clause end (quantity_words.toml
    lost_percent) is the rate, its % sign lost in conversion."""
    if not lost_percent(p.scan, p.numeral, p.start, p.end):
        return None
    return Amount(p.start, p.end, p.reading.value, None, Unit("percentage"), None, "lost_percent")


def _produce_cheng(p: Proposal) -> Amount | None:
    """七成, 3成, 两至三成: tenths, a percentage, unless a blocker follows (七成新 is no share)."""
    clean, end, numeral = p.scan.clean, p.end, p.numeral
    high = p.value_max * 10 if p.value_max is not None else None  # 三四成, 2、3成
    if high is None and clean[end : end + 1] in RANGE_SEPARATOR_CHARS:
        second = NUMERAL_AT.match(clean, end + 1)
        upper = read(second.group()) if second is not None and _tenths(second.group()) else None
        if second is None or upper is None or not clean.startswith("成", second.end()):
            return None
        high, end = upper.value * 10, second.end()
    if (
        clean.startswith("成", end)
        and (_tenths(numeral) if p.value_max is None else 0 < p.value_max <= 10)
        and clean[end + 1 : end + 2] not in p.scan.t.cheng_blockers
        and (high is None or p.reading.value * 10 < high)
    ):
        qualifier = p.prefix_qualifier or p.scan.suffix_qualifier(end + 1)
        rule = "cheng" if high is None else "cheng_range"
        return Amount(p.start, end + 1, p.reading.value * 10, high, Unit("percentage"), qualifier, rule)
    return None


# The rules of this finder as values: name, trigger, vetoes, production.
NUMERAL_UNIT = Rule(
    "numeral_unit",
    "a numeral (numbers.NUMERAL) then a unit surface (units.toml)",
    _produce_amount,
    AMOUNT_VETOES,
    amount_kind,
)


BARE_AMOUNT = Rule(
    "bare_amount",
    "a numeral with no unit surface: a currency before it (currency_prefix), 万/亿 before a money noun (money_noun), "
    "成 (cheng), a growth word before it and a clause end after it (lost_percent), or a unit in brackets "
    "ending the label before its colon (label_unit)",
    _produce_bare,
    BARE_VETOES,
)


def _amount(scan: Scan, start: int, end: int) -> tuple[Amount | None, int]:
    """The amount whose numeral is ``clean[start:end]``, and where scanning resumes."""
    end = split_unit_prefix(scan, start, _arabic_end(scan.clean, start, end))
    start, numeral = _ocr_decimal_point(scan, start, end)
    if not may_be_amount(scan, numeral, start, end):
        return None, end
    kind = "numeral_unit"
    reading = read(numeral)
    if reading is None and numeral[0] in "万亿" and _bare_myriad(scan, start, end, numeral):
        reading = read("一" + numeral)  # 万余人, 近万元, 超亿元: a bare 万/亿 is one of it
        kind = "bare_myriad"
    value_max: Decimal | None = None
    pair = approximate_pair(numeral)
    digits = digit_pair(scan, start, end) if pair is None else None
    if digits is not None:
        pair, end = digits[:2], digits[2]
    if pair is not None:
        reading, value_max, kind = Reading(pair[0]), pair[1], "approximate_pair"
    elif reading is None or digit_sequence(numeral):
        return None, end  # 二〇二四: digits read one by one are a year or a code
    proposal = Proposal(scan, start, end, numeral, reading, value_max, kind=kind)
    if vetoed(NUMERAL_VETOES, proposal) is not None:
        return None, end

    found, surface_end = scan.unit_after(end)
    if pair is None and (found is None or found[0] in scan.t.list_prefix_surfaces):
        found = _list_unit(scan, surface_end, found) or found
    half = _and_a_half(scan, surface_end, found) if pair is None else None
    if half is not None:
        found, surface_end = half
        proposal.reading = Reading(reading.value + _HALF, reading.qualifier)
        proposal.kind = "and_a_half"
    elif pair is None:
        ranged = read_range(scan, numeral, start, reading, found, surface_end)
        if ranged is not None:
            proposal.reading, proposal.value_max, found, surface_end = ranged
            proposal.kind = "range"
    proposal.prefix_qualifier = scan.prefix_qualifier(start)
    if found is None:
        return BARE_AMOUNT.apply(proposal), end
    proposal.surface, units = found
    proposal.unit = choose_unit(
        scan, units, start, surface_end, proposal.reading.value, qualified=proposal.prefix_qualifier is not None
    )
    if proposal.unit is None:
        return None, surface_end
    proposal.end = surface_end
    proposal.chinese_only = not any(map(str.isdigit, numeral))
    return NUMERAL_UNIT.apply(proposal), surface_end


def _arabic_end(clean: str, start: int, end: int) -> int:
    """港元180一张, 欧元50一天, 5万一人, 3.5亿一年: Chinese digits right after Arabic ones with no
    place among them, or a lone 一 after an Arabic number's 万 or 亿 (the spoken 五万一 is written
    5.1万), count the next thing (the price of one ticket); the numeral ends before them."""
    if clean[end - 1] not in CHINESE_DIGITS or not clean[start].isdigit():
        return end
    arabic_end = end - 1
    while clean[arabic_end - 1] in CHINESE_DIGITS:
        arabic_end -= 1
    before = clean[arabic_end - 1]
    one_after_multiplier = before in LARGE_UNITS and clean[arabic_end:end] == "一" and clean[arabic_end - 2].isdigit()
    return arabic_end if before.isdigit() or one_after_multiplier else end


def _and_a_half(scan: Scan, after: int, found: Found) -> tuple[Found, int] | None:
    """两年半, 一个半小时, 三斤半, 两米半: a half after a whole measure (not after a classifier:
    两个半 is unclear), ``after`` its surface; the surface to read (个小时 for 个半小时) and
    where the span ends."""
    if found is None:
        return None
    clean, t = scan.clean, scan.t
    if not clean.startswith("半", after):
        return None
    if found[0] == "个":  # 个半小时: the unit is 个小时, split by the half
        for size in range(min(t.longest, len(clean) - after - 1), 0, -1):
            word = "个" + clean[after + 1 : after + 1 + size]
            units = t.surfaces.get(word)
            if units is not None:
                return ((word, units), after + 1 + size) if _measure(units) else None
        return None
    return (found, after + 1) if _measure(found[1]) else None


def _measure(units: tuple[Unit, ...]) -> bool:
    """Units a half can follow: measures, not classifiers, money or percentages."""
    return all(u.record == "quantity" and u.dimension not in ("count", "other") for u in units)


def _ocr_decimal_point(scan: Scan, start: int, end: int) -> tuple[int, str]:
    """68。5亿元, 6。8%, 109 9千公顷: OCR wrote the decimal point as a full stop or a space. The
    numeral starts at the digits before it when one or two digits after it run straight into a
    unit."""
    clean = scan.clean
    if clean[start - 1 : start] not in ("。", " ") or not clean[start - 2 : start - 1].isdigit():
        return start, clean[start:end]
    digits = _OCR_DECIMAL_WHOLE.search(clean, max(0, start - 6), start)
    fraction = _LEADING_DIGITS.match(clean, start, end)
    if (
        digits is None
        or fraction is None
        or fraction.end() - start > 2
        or clean[fraction.end() : fraction.end() + 1] == "."
        or scan.unit_at(end) is None
    ):
        return start, clean[start:end]
    return digits.start(), f"{digits.group('whole')}.{clean[start:end]}"


def _list_unit(scan: Scan, pos: int, found: Found) -> Found:
    """分别高出1.2个、0.5个和3个百分点, 下降1.2、0.5和3个百分点, 分别为0.15、-5.64、1.34个百分点:
    the unit written once at the end of a list is every item's (an item's own 个 is the start of
    it; bare items take a percentage, or a measure: 分别为47、55和55微克/立方米). None unless the
    list ends in such a unit."""
    clean, own = scan.clean, found[0] if found else ""
    for _ in range(_LIST_ITEMS):
        if clean[pos : pos + 1] not in LIST_SEPARATORS:
            return None
        item = NUMERAL_AT.match(clean, pos + 2 if clean[pos + 1 : pos + 2] in MINUS_SIGNS else pos + 1)
        if item is None:
            return None
        if _rough_pair(clean, pos, item):
            return None  # 收五、六吨: a rough range written with 、, not a list of two amounts
        later = scan.unit_at(item.end())
        if later is None or later[0] == own:
            pos = item.end() + (len(own) if later else 0)
            continue
        shares = later[0].startswith(own) if own else _bare_items_share(later, item.group())
        return later if shares else None
    return None


def _rough_pair(clean: str, pos: int, item: regex.Match[str]) -> bool:
    """Two one-character Chinese numerals, the smaller first, joined by the 、 at ``pos`` and
    standing alone (五、六吨, 三、五天): a rough range, not a list."""
    first, second = clean[pos - 1 : pos], item.group()
    if len(second) != 1 or first not in CHINESE_DIGITS or second not in CHINESE_DIGITS:
        return False
    before, after = clean[pos - 2 : pos - 1], clean[item.end() : item.end() + 1]
    alone = before not in CHINESE_DIGITS and before not in LIST_SEPARATORS and after not in LIST_SEPARATORS
    return alone and CHINESE_DIGITS[first] < CHINESE_DIGITS[second]


# Dimensions of measure a bare item in a list shares with the last (not counts: 1、2号楼, 3、4个).
_SHARED_MEASURES = frozenset(("length", "area", "mass", "volume", "energy", "power", "temperature", "other"))


# Characters that multiply a numeral by its own power (10万, 3千, 5百; not the 十 of 三十).
_ITEM_MULTIPLIERS = frozenset((*LARGE_UNITS, "千", "百"))


def _bare_items_share(later: tuple[str, tuple[Unit, ...]], last: str) -> bool:
    """The unit after a list's last item is a bare item's too: a percentage, or a measure when the
    last numeral carries no multiplier of its own (in 5、10万元 the 万 is the last item's alone)."""
    units = later[1]
    if all(u.record == "percentage" for u in units):
        return True
    return not any(c in _ITEM_MULTIPLIERS for c in last) and all(
        u.record == "quantity" and u.dimension in _SHARED_MEASURES for u in units
    )


def _bare_myriad(scan: Scan, start: int, end: int, numeral: str) -> bool:
    """万余, 近万, 逾亿, 亿元以上: 万/亿 with no digit is an amount when 余/多 or a qualifier word
    (before it, or after its unit) marks it; 过亿元项目 is a class of projects, not an amount."""
    found = scan.unit_at(end)
    if found is not None and scan.clean[start - 1 : start] in scan.t.round_mark_qualifiers:
        return not scan.before_noun(end + len(found[0]))
    if (len(numeral) > 1 and numeral[1] in "余多") or scan.prefix_qualifier(start) is not None:
        return True
    return found is not None and scan.suffix_qualifier(end + len(found[0])) is not None


def _percent_words(scan: Scan, start: int, end: int) -> Amount | None:
    """百分之七十, 千分之三 (the numeral after the word) and 百分百."""
    clean, hundred = scan.clean, scan.t.hundred_percent
    if clean.startswith(hundred, start):
        return Amount(start, start + len(hundred), Decimal(100), None, Unit("percentage"), None, "hundred_percent")
    word = scan.t.percent_word_tail.word_at(clean, start)
    if word is not None:
        if clean[end - 1] in "百千" and clean.startswith("分", end):
            end -= 1  # 百分之七十|百分位: the next word's 百 is no part of the number
        numeral = clean[start:end]
        pair = approximate_pair(numeral)  # 百分之二三十: 20 to 30
        reading = Reading(pair[0]) if pair is not None else read(numeral)
        if reading is None:
            return None
        begin, scale = start - len(word), scan.t.percent_words[word]
        qualifier = scan.prefix_qualifier(begin) or reading.qualifier or scan.suffix_qualifier(end)
        high = pair[1] * scale if pair is not None else None
        return Amount(begin, end, reading.value * scale, high, Unit("percentage"), qualifier, "percent_words")
    return None


def _halves(scan: Scan, amounts: list[Amount]) -> list[Amount]:
    """半小时, 半天: a half is an amount only after a qualifier (不到半小时), like the article 一;
    半年, 半个月 and 半亩 state an amount on their own (提前半年完工, 种植半亩蔬菜), unless a
    longer word holds them (半年度), a word makes them a period or a frequency (半年来, 半年累计,
    每半年), a slogan's word follows (半小时经济圈), or an amount already does (两年半)."""
    clean, t = scan.clean, scan.t
    starts = [a.start for a in amounts]
    found = []
    for match in t.half_units.finditer(clean):
        start, end = match.span()
        qualifier = scan.prefix_qualifier(start)
        rule = "half"
        if qualifier is None:
            if (
                match.group() not in t.standalone_halves
                or clean[end : end + 1] in t.half_not_before
                or clean[start - 1 : start] in t.half_not_after
                or _overlaps_an_amount(amounts, starts, start, end)
                or scan.in_idiom(start)
                or scan.followed_by_slogan(end)  # 半小时经济圈, as 1小时经济圈
            ):
                continue
            qualifier, rule = scan.suffix_qualifier(end), "standalone_half"
        unit = t.surfaces[clean[start + 1 : end]][0]
        found.append(Amount(start, end, _HALF, None, unit, qualifier, rule))
    return found


def _overlaps_an_amount(amounts: list[Amount], starts: list[int], start: int, end: int) -> bool:
    """``[start, end)`` shares a character with one of ``amounts`` (in text order, not overlapping;
    ``starts`` their starts)."""
    k = bisect_left(starts, end) - 1  # the last amount starting before the end
    return k >= 0 and amounts[k].end > start


def _numeral_start(scan: Scan, start: int, end: int) -> int:
    """队伍24支, 陆续3个: a capital digit (伍, 陆) that ends an ordinary word is not part of the
    number; nor is the 上 of 以上 (三年以上十年以下) the prefix of 上百."""
    clean = scan.clean
    if clean[start] == "上" and scan.t.shang_words.at(clean, start + 1):
        return start + 1
    text = clean[start:end]
    if text[0].isdigit() or read(text) is not None:
        return start
    first_digit = next((i for i, c in enumerate(text) if c.isdigit()), 0)
    return start + first_digit


def _line_end(scan: Scan, start: int, end: int) -> int:
    """期限(日历天):365\n二、采购意向: digits ending a line and a Chinese numeral opening the next
    are two numbers, not one the view joined (a multiplier may open the next line: 3\n万亩)."""
    clean, breaks = scan.clean, scan.sorted_line_breaks
    for k in range(bisect_right(breaks, start), len(breaks)):
        i = breaks[k]
        if i >= end:
            break
        if clean[i - 1].isdigit() and (clean[i] in CHINESE_DIGITS or clean[i] == "十"):
            return i
    return end


def _amounts(scan: Scan, held: Sequence[tuple[int, int]]) -> list[Amount]:
    amounts: list[Amount] = []
    resume = 0
    clean, breaks = scan.clean, scan.sorted_line_breaks
    held_starts = [start for start, _ in held]
    for match in NUMERAL_RE.finditer(clean):
        start, end = match.span()
        if start < resume:
            continue
        if not clean[start].isdigit():  # a number opening with a digit starts there (most)
            start = _numeral_start(scan, start, end)
        k = bisect_right(breaks, start)
        if k < len(breaks) and breaks[k] < end:  # the view joined two lines inside the numeral
            end = _line_end(scan, start, end)
        k = bisect_right(held_starts, start) - 1  # the last held span starting at or before the numeral
        if k >= 0 and start < held[k][1]:
            resume = held[k][1]  # an amount the numeral opens would overlap the span: none is read in it
            continue
        amount = _percent_words(scan, start, end) if scan.percent_in_words else None
        if amount is None:
            amount, resume = _amount(scan, start, end)
        if amount is not None:
            amounts.append(amount)
            resume = amount.end
    if "半" in scan.clean:
        amounts.extend(_halves(scan, amounts))
    return amounts


def _record(doc: Document, ctx: ArticleContext, amount: Amount) -> Candidate:
    start, end, text = doc.span(amount.start, amount.end)
    value = to_float(amount.value)
    value_max = to_float(amount.value_max) if amount.value_max is not None else None
    fields: dict[str, Any] = {
        "doc_id": ctx.doc_id,
        "start": start,
        "end": end,
        "text": text,
        "value": value,
        "value_max": value_max,
        "qualifier": amount.qualifier,
    }
    unit = amount.unit
    record: Record
    if unit.record == "money":
        fields["currency"] = unit.currency
        record = validated(Money, fields)
    elif unit.record == "percentage":
        fields["kind"] = unit.kind
        record = validated(Percentage, fields)
    else:
        fields["unit"], fields["dimension"] = unit.unit, unit.dimension
        record = validated(Quantity, fields)
    return Candidate(record, f"amount.{amount.rule}")


def find(doc: Document, ctx: ArticleContext, held: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Every quantity, money and percentage record of the article, in text order, with its rule;
    none is read from a numeral inside a ``held`` span (clean offsets, in text order, not
    overlapping): the spans of records the resolver would drop any amount overlapping."""
    scan = Scan(doc.clean, tables(), doc.line_breaks)
    return [_record(doc, ctx, a) for a in sorted(_amounts(scan, held), key=lambda a: a.start)]
