"""One article's scan for amounts, and the readings of a numeral the rules share.

:class:`Scan` holds the clean text with the lookups built lazily on it (the unit after a
numeral, the qualifier words around it, idioms, estimates in the sentence); the functions
read a numeral as a year, an approximate pair (三四个) or a range (200-300元), and
:class:`Proposal` is a numeral and what follows it, before the vetoes decide.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

import regex

from .names import tagged_words, word_tag
from .numbers import CHINESE_DIGITS, NUMERAL, RANGE_SEPARATORS, Reading, read
from .quantity_tables import Tables, Unit
from .resources import jieba_tokenizer
from .text import is_han
from .word_index import word_hits

ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


# A clause ends here: cue words and sentence qualifiers never reach across it. A bar is the edge of
# a table cell (| 预计采购月份 | … | 人员69人: the column head estimates no cell below it).
_SENTENCE_END = frozenset("。！？；!?;\n|")


# A pinyin gloss in brackets after a character: (qian), (wàn).
_PINYIN_GLOSS = regex.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}\)")


# A plain class: the standard library's engine scans for it faster.
_SENTENCE_END_RE = re.compile(f"[{re.escape(''.join(_SENTENCE_END))}]")


_CLAUSE_END = _SENTENCE_END | frozenset("，,、：:")
# The marks that part a sentence into clauses an estimate word does not reach across.
_CLAUSE_COMMA_RE = re.compile("[，,、]")
# The time an estimate word opens with before a comma (预计到2025年，): no clause of its own.
_ESTIMATE_TIME = re.compile(r"到[0-9]{4}年[底末]?")


_CUE_WINDOW = 30


OPEN_QUOTES = frozenset("“‘「『")


CLOSE_QUOTES = frozenset("”’」』")


# A quotation this short that holds a number in Chinese words is a name or a slogan
# (“三个减少”, “二十五条”); a longer one states an amount (“改造190个老旧小区”).
_SLOGAN_QUOTE = 8


# How far after an amount the end of its quotation is looked for, to read the slogan it names.
_SLOGAN_QUOTE_REACH = 16
# How far after the amount a slogan's word is looked for outside a quotation (15分钟生活圈).
_SLOGAN_WORD_REACH = 6


RANGE_SEPARATOR_CHARS = frozenset(RANGE_SEPARATORS)


NUMERAL_AT = regex.compile(NUMERAL)


# 负3.9%: the word for a minus sign before a rate.
_NEGATIVE_WORD = "负"


MINUS_SIGNS = frozenset("-－−")


# A minus right after one of these is the second half of a dash or range (5%--3%), not a sign.
_DASHES = frozenset("-－−~～—–")


# Items of a list sharing one unit (1.2个、0.5个和3个百分点), and how many are followed.
LIST_SEPARATORS = frozenset("、和及与或")


# A bracketed note between a unit and its qualifier: (只), (含), (含本数).
_UNIT_NOTE = 3


# (含)以上 includes the bound.
_INCLUSIVE = {"more_than": "at_least", "less_than": "at_most"}


# A note on a range's lower end that it is included: 1万(含)-5万元.
_INCLUSIVE_NOTES = ("(含)", "(含本数)")


# The places before the pair (三十|五六度, 一百|五六十人), the pair, and the places after it; the
# places may be written in capitals (五六仟元).
_PAIR_RE = regex.compile(
    r"(?P<head>(?:[一二两三四五六七八九]?[十拾]|[一二两三四五六七八九][百千佰仟](?:[一二两三四五六七八九][十拾])?)?+)"
    r"(?P<low>[一二两三四五六七八九])(?P<high>[二两三四五六七八九])(?P<tail>[十百千万亿拾佰仟]*+)\Z"
)


# The place a spoken numeral leaves unwritten after its last written one (一百五 is 150).
_PLACE_BELOW = {"百": "十", "千": "百", "佰": "拾", "仟": "佰"}


# The characters that start or hold a number other than a lone 一.
_RATE_NUMBER_CHARS = frozenset("0123456789二两三四五六七八九十百千万")


# What such a pair starts with (most numerals are written in Arabic digits and skip the match).
_PAIR_FIRST = frozenset("十一二两三四五六七八九")


@dataclass(slots=True)
class Amount:
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: Unit
    qualifier: str | None
    rule: str  # the rule that made it (numeral_unit, range, cheng ...)


# A unit surface found after a numeral, with its possible readings.
Found = tuple[str, tuple[Unit, ...]] | None


class Scan:
    """One document's clean text with the lazily built lookups the rules share."""

    def __init__(self, clean: str, t: Tables, line_breaks: frozenset[int] = frozenset()) -> None:
        self.clean = clean
        self.t = t
        self.line_breaks = line_breaks  # clean offsets where the view joined two lines
        self.sorted_line_breaks = sorted(line_breaks)
        # Whether a bound word (至少, 最多) stands anywhere: most articles have none.
        self._bounds = t.bound_words.search(clean) is not None
        # Whether a rate is written in words (百分之七十, 百分百) anywhere: most articles write %.
        self.percent_in_words = t.hundred_percent in clean or any(word in clean for word in t.percent_words)
        self._idioms: tuple[tuple[int, int], ...] | None = None
        self._sentence_cues: list[int] | None = None
        self._cue_ends: list[int] = []
        self._clause_commas: list[int] | None = None
        self._sentence_ends: list[int] | None = None

    def unit_at(self, pos: int) -> Found:
        """Longest unit surface starting at ``pos``; a longer blocked word wins over it unless a
        reopened word holds it (3个人工湖) where jieba cuts no lone character off after the unit
        (3个人|工作 stays blocked); a dictionary word that a classifier such as 双 opens wins too
        (1200双职工); a surface before a word it is no unit before (个亿|元项目) gives way to a
        shorter one."""
        clean, t = self.clean, self.t
        lengths = t.word_lengths.get(clean[pos]) if pos < len(clean) else None
        if lengths is None:
            return None
        reopened = False
        for size in lengths:
            if pos + size > len(clean):
                continue
            word = clean[pos : pos + size]
            entry = t.unit_words.get(word)
            if entry is None:
                continue  # no surface, blocked or reopened word (most cuts)
            units, blocked, reopens = entry
            reopened = reopened or reopens
            if blocked and not reopened:
                return None
            blocker = t.not_before.get(word)
            if units is not None and (blocker is None or not _no_unit_before(blocker, clean, pos + size)):
                if word in t.last_word_openers and opens_word(clean, pos + size - 1):
                    continue  # 3个人员密集场所: 个 + 人员
                if reopened and size > 1:
                    # A reopened word opens with a one-character unit: the longer surface only
                    # where jieba cuts its second character off alone (3个人|工作: N people; 3个人工湖:
                    # 个 + 人工湖).
                    if not _cut_after_one(clean, pos + 1):
                        continue
                elif reopened and _cut_after_one(clean, pos + size):
                    return None  # jieba cuts one character off, then a word: the reopened reading is not the text's
                if word[-1] in ASCII_LETTERS and pos + size < len(clean) and clean[pos + size] in ASCII_LETTERS:
                    return None  # 5G, 3MWp...: the letters run on into a code or another word
                if word in t.word_openers and opens_word(clean, pos):
                    return None
                return word, units
        return None

    def unit_after(self, pos: int) -> tuple[Found, int]:
        """The unit surface right after a numeral ending at ``pos`` and where it ends; technical
        texts put a space before a unit in Latin letters (7.5 km, 68 h, 75 000 m3/s), which the
        clean view keeps between a digit and a letter, and pages that gloss characters in pinyin
        put the gloss of a multiplier before the unit (26万(wàn)平方米, 228.7千(qian)公顷)."""
        found = self.unit_at(pos)
        if found is not None:
            return found, pos + len(found[0])
        if self.clean.startswith(" ", pos) and self.clean[pos + 1 : pos + 2] in ASCII_LETTERS:
            found = self.unit_at(pos + 1)
            if found is not None:
                return found, pos + 1 + len(found[0])
        gloss = _PINYIN_GLOSS.match(self.clean, pos) if self.clean.startswith("(", pos) else None
        if gloss is not None and is_han(self.clean[pos - 1 : pos]):
            found = self.unit_at(gloss.end())
            if found is not None:
                return found, gloss.end() + len(found[0])
        return None, pos

    def in_idiom(self, pos: int) -> bool:
        if self._idioms is None:
            self._idioms = word_hits(self.clean, "quantity_idioms")
        k = bisect_right(self._idioms, (pos, len(self.clean))) - 1
        return k >= 0 and self._idioms[k][0] <= pos < self._idioms[k][1]

    def prefix_qualifier(self, pos: int) -> str | None:
        """The qualifier word written right before ``pos`` (约, 超过, 年满), unless it ends a longer word
        (节约); 过 and 破 before a bare multiplier (过亿元); 超过 before 了 (超过了1000斤), 约 before
        有 (约有200户); a qualifier before the currency written before the number (约合人民币2亿元); a
        strict bound after a negation is the inclusive opposite (不得超过50人: at most)."""
        clean, t = self.clean, self.t
        word = t.prefix_qualifier_words.word_at(clean, pos)
        if word is not None:
            if t.not_qualifiers.at(clean, pos) or (
                word in t.comparative_qualifiers and self._in_comparison(pos - len(word))
            ):
                return None
            qualifier = t.prefix_qualifiers[word]
            if qualifier in t.negated_qualifiers and t.qualifier_negations.at(clean, pos - len(word)):
                return t.negated_qualifiers[qualifier]
            return qualifier
        particle = t.particle_qualifier_words.get(clean[pos - 1 : pos])
        if (
            particle is not None
            and (word := particle.word_at(clean, pos - 1))
            and not t.not_qualifiers.at(clean, pos - 1)
            and not ends_longer_word(clean, pos - 1, word)
        ):
            return t.prefix_qualifiers[word]
        currency = t.currency_prefixes.word_at(clean, pos)
        if currency is not None:
            return self.prefix_qualifier(pos - len(currency))
        if pos > 0 and clean[pos - 1] in t.round_mark_qualifiers and self._bare_multiplier_at(pos):
            return t.round_mark_qualifiers[clean[pos - 1]]
        return self._bound_before_verb(pos)

    def _in_comparison(self, pos: int) -> bool:
        """A comparison's word (比, 较) stands in the clause before ``pos``."""
        clean = self.clean
        clause = max(clean.rfind(mark, 0, pos) for mark in _CLAUSE_END) + 1
        return any(clean.find(marker, clause, pos) >= 0 for marker in self.t.comparison_markers)

    def _bare_multiplier_at(self, pos: int) -> bool:
        """A number of multipliers alone with 万 or 亿 among them starts at ``pos`` (亿, 千万),
        before no digit."""
        clean, t = self.clean, self.t
        end = pos
        while end < len(clean) and clean[end] in t.round_chars:
            end += 1
        following = clean[end : end + 1]
        return (
            any(c in t.round_marks for c in clean[pos:end])
            and not following.isdigit()
            and following not in CHINESE_DIGITS
        )

    def currency_before(self, pos: int) -> str | None:
        """新台币120亿元, 港币约50亿元: the currency written before the number (or its qualifier word)."""
        clean, t = self.clean, self.t
        word = t.currency_prefixes.word_at(clean, pos)
        if word is None and t.prefix_qualifier_words.word_at(clean, pos) is not None:
            qualifier_ends = (
                pos - size for size in (4, 3, 2, 1) if clean[max(0, pos - size) : pos] in t.prefix_qualifiers
            )
            word = next(filter(None, (t.currency_prefixes.word_at(clean, end) for end in qualifier_ends)), None)
        return t.currency_codes[word] if word is not None else None

    def currency_prefix(self, pos: int) -> tuple[str, str] | None:
        """(word, code) of a currency written right before ``pos`` (人民币500万, ¥120万)."""
        word = self.t.currency_prefixes.word_at(self.clean, pos)
        return (word, self.t.currency_codes[word]) if word is not None else None

    def before_noun(self, pos: int) -> bool:
        """A Han character that is no qualifier word and no number starts at ``pos`` (3块地, not
        5块左右 or 三百块一个月)."""
        following = self.clean[pos : pos + 1]
        return is_han(following) and following not in self.t.suffix_qualifier_starts and following not in CHINESE_DIGITS

    def _bound_before_verb(self, pos: int) -> str | None:
        """至少配备2名: a bound word separated from the number by a short verb."""
        if not self._bounds:
            return None
        t = self.t
        low = max(0, pos - t.bound_window)
        if t.bound_openings.search(self.clean, low, pos) is None:
            return None  # no bound word can start in the window (most numbers)
        match = t.bound_before_verb.search(self.clean, low, pos)
        return t.prefix_qualifiers[match.group("bound")] if match else None

    def suffix_qualifier(self, pos: int) -> str | None:
        clean = self.clean
        if clean.startswith("(", pos):
            return self._noted_suffix_qualifier(pos)
        if clean[pos : pos + 1] not in self.t.suffix_qualifier_starts:
            return None  # no qualifier word starts here (most amounts)
        for size in (3, 2, 1):
            word = clean[pos : pos + size]
            if len(word) == size and word in self.t.suffix_qualifiers:
                # 3年多 qualifies; in 3个多功能室 the 多 starts the next word (3户有余粮: 有余 does).
                loose = size == 1 or word in self.t.loose_suffixes
                following = clean[pos + size : pos + size + 1]
                # 4亩多土地, 一年多了 qualify too: a one-character 多 that opens no word (多功能 does)
                # nor stands before a suffix's morpheme (3家多式联运: 多|式, jieba's tag k).
                if (
                    loose
                    and is_han(following)
                    and following not in self.t.after_loose_suffix
                    and (size > 1 or opens_word(clean, pos) or word_tag(following) == _SUFFIX_MORPHEME)
                ):
                    return None
                return self.t.suffix_qualifiers[word]
        return None

    def _noted_suffix_qualifier(self, pos: int) -> str | None:
        """140万头(只)以内, 50万元(含)以上: a short note in brackets between the unit and the
        qualifier; (含) makes the bound inclusive."""
        close = self.clean.find(")", pos + 1, pos + 2 + _UNIT_NOTE)
        if close < 0 or "(" in self.clean[pos + 1 : close]:
            return None
        qualifier = self.suffix_qualifier(close + 1)
        if self.clean.startswith("含", pos + 1):
            return _INCLUSIVE.get(qualifier, qualifier) if qualifier else None
        return qualifier

    def sentence_estimate(self, pos: int) -> bool:
        """An estimate word (预计, 估算) earlier in the same clause governs this amount, or in the
        clause it ends (气象部门预计，未来……50毫米): not one a comma parts it from (预计全年实现地区
        生产总值198亿元，增长8%: the growth is stated, no estimate; 预计……1亿元、……3亿元 are both)."""
        if self._sentence_cues is None:
            compared = self.t.estimate_compared
            cues = [
                m
                for m in self.t.sentence_qualifiers.finditer(self.clean)
                if not compared.at(self.clean, m.start())  # 占预计收购量的68%: the forecast as a base
            ]
            self._sentence_cues = [m.start() for m in cues]
            self._cue_ends = [m.end() for m in cues]
        k = bisect_left(self._sentence_cues, pos) - 1
        if k < 0:
            return False
        if self._sentence_ends is None:
            self._sentence_ends = [m.start() for m in _SENTENCE_END_RE.finditer(self.clean)]
        # No sentence end between the estimate word and the number, and no premise in its clause.
        return (
            bisect_right(self._sentence_ends, self._sentence_cues[k]) == bisect_left(self._sentence_ends, pos)
            and not self._comma_between(self._cue_ends[k], pos)
            and not self._premise_before(pos)
        )

    def _comma_between(self, start: int, pos: int) -> bool:
        """A comma parts ``(start, pos)`` into clauses, one of which states a fact of its own (a verb
        of quantity_words.toml clause_verbs: ，增长8%), not the comma right at ``start`` (预计，) nor a
        thousands separator (1,200万元); so does a 、 before a rate of change (320亿元、增长9%)."""
        if self._clause_commas is None:
            self._clause_commas = [m.start() for m in _CLAUSE_COMMA_RE.finditer(self.clean) if self._parts(m.start())]
        commas = self._clause_commas
        first, k = bisect_right(commas, start), bisect_left(commas, pos)
        # 预计总产量3.2万吨，产值6400万元: a clause with no verb of its own lists the estimate on.
        for j in range(first, k):
            if self.clean[commas[j]] == "、":
                return True
            if j == first and _ESTIMATE_TIME.fullmatch(self.clean, start, commas[j]):
                continue  # 预计到2025年，全市粮食产量达到100万吨: the time opens the estimate's own clause
            clause = self.clean[commas[j] + 1 : commas[j + 1] if j + 1 < k else pos]
            if any(verb in clause for verb in self.t.estimate_clause_verbs) and not self._modal_verb(clause):
                return True
        return False

    def _modal_verb(self, clause: str) -> bool:
        """A clause verb stands right after a modal or future word (可达, 将达到, 有望突破): the clause
        tells the estimate on, no fact."""
        return any(modal + verb in clause for modal in self.t.estimate_modals for verb in self.t.estimate_modal_verbs)

    def _parts(self, at: int) -> bool:
        """The comma or 、 at ``at`` ends a clause: no thousands separator, a 、 only before a rate."""
        clean = self.clean
        if clean[at] == "、":
            return clean.startswith(self.t.estimate_changes, at + 1)
        return not (clean[at - 1 : at].isdigit() and clean[at + 1 : at + 2].isdigit())

    def _premise_before(self, pos: int) -> bool:
        """按照每斤6元的价格: the amount is the premise an estimate is worked out from (a premise
        word, quantity_words.toml sentence_qualifiers premises, earlier in its clause)."""
        clean = self.clean
        for i in range(pos - 1, max(-1, pos - _CUE_WINDOW), -1):
            if clean[i] in _CLAUSE_END:
                return False
            if self.t.estimate_premises.at(clean, i + 1):
                return True
        return False

    def has_cue(self, pos: int, cue: str) -> bool:
        """A cue word for ``cue`` earlier in the sentence, or the clause for clause cues
        (温度 before 度 makes it ℃)."""
        start = max(0, pos - _CUE_WINDOW)
        window = self.clean[start:pos]
        ends = _CLAUSE_END if cue in self.t.clause_cues else _SENTENCE_END
        for i in range(len(window) - 1, -1, -1):
            if window[i] in ends:
                window = window[i + 1 :]
                break
        return any(word in window for word in self.t.cues[cue])

    def divides_before(self, pos: int) -> bool:
        """A verb of dividing (分, 分为: quantity_words.toml grade_counts) ends right before
        ``pos``, so the number counts parts (分3期实施); a lone 分 that ends a word with the
        character before it (部分, 充分) divides nothing."""
        verb = self.t.dividing_verbs.word_at(self.clean, pos)
        return verb is not None and not ends_longer_word(self.clean, pos, verb)

    def in_short_quote(self, start: int, end: int) -> bool:
        """The span sits inside a quotation of at most ``_SLOGAN_QUOTE`` characters."""
        clean = self.clean
        opening = next(
            (
                i
                for i in range(start - 1, max(-1, start - _SLOGAN_QUOTE - 1), -1)
                if clean[i] in OPEN_QUOTES or clean[i] in CLOSE_QUOTES
            ),
            None,
        )
        if opening is None or clean[opening] not in OPEN_QUOTES:
            return False
        limit = min(len(clean), opening + _SLOGAN_QUOTE + 2)
        return any(clean[i] in CLOSE_QUOTES for i in range(end, limit))

    def number_later_in_clause(self, pos: int) -> bool:
        """Another number after ``pos`` in its clause (一亩地收两千斤: what precedes it is the
        basis of a rate); a lone 一 (一起, 一直) is no number here."""
        for i in range(pos, min(len(self.clean), pos + _CUE_WINDOW)):
            if self.clean[i] in _CLAUSE_END:
                return False
            if self.clean[i] in _RATE_NUMBER_CHARS:
                return True
        return False

    def followed_by_slogan(self, pos: int) -> bool:
        """15分钟生活圈: a follower word within the next few characters of the clause, or at the end
        of the quotation the amount stands in, however long (“15分钟高品质生活服务圈”)."""
        clean = self.clean
        for i in range(pos, min(len(clean), pos + _SLOGAN_QUOTE_REACH)):
            if clean[i] in _CLAUSE_END:
                return False
            if i < pos + _SLOGAN_WORD_REACH and clean.startswith(self.t.slogan_followers, i):
                return True
            if clean[i] in CLOSE_QUOTES:
                return clean.endswith(self.t.slogan_followers, pos, i)
        return False


def is_year(numeral: str, unit: Unit) -> bool:
    """2025年, 二〇二四年: a calendar year, which is a date and not a duration."""
    if unit.unit != "年":
        return False
    if numeral.isdigit():
        return is_year_digits(numeral)
    return digit_sequence(numeral) and approximate_pair(numeral) is None


def is_year_digits(numeral: str) -> bool:
    """2025, 1998: four digits that may write a calendar year."""
    return len(numeral) == 4 and numeral.isdigit() and 1000 <= int(numeral) <= 2199


def digit_sequence(numeral: str) -> bool:
    """二〇二四, 一一〇: Chinese digits read one by one, a year or a code rather than a count."""
    return len(numeral) >= 2 and numeral[0] in CHINESE_DIGITS and all(c in CHINESE_DIGITS for c in numeral)


def approximate_pair(numeral: str) -> tuple[Decimal, Decimal] | None:
    """三四个, 十五六岁, 三十五六度, 二三十人, 一百五六十人, 三五年, 一两个: two digits side by side
    state a range (value and value_max; like 200-300元 it carries no qualifier of its own)."""
    match = _PAIR_RE.match(numeral) if numeral[0] in _PAIR_FIRST and len(numeral) > 1 else None
    if match is None:
        return None
    head, low_digit, high_digit, tail = match.group("head", "low", "high", "tail")
    low_value, high_value = CHINESE_DIGITS[low_digit], CHINESE_DIGITS[high_digit]
    # 十五六十 is no numeral: after tens the pair is units. After hundreds or thousands an
    # unwritten place is the next one down, as in 一百五 (150): 三百四五 is 340-350.
    if (head.endswith(("十", "拾")) and tail) or (high_value != low_value + 1 and (low_value, high_value) != (3, 5)):
        return None
    if not tail and head.endswith(tuple(_PLACE_BELOW)):
        tail = _PLACE_BELOW[head[-1]]
    low, high = read(head + low_digit + tail), read(head + high_digit + tail)
    if low is None or high is None:
        return None
    return low.value, high.value


# 5、6万元, 3、4个: the spoken pair (五六万元, 三四个) written in Arabic digits with a 、 between.
_RESPECTIVELY = "分别"
# At most this many digits before the 、 (17、8岁; a year or a code is no pair).
_PAIR_DIGITS = 2
_DIGIT_PAIR_HIGH = regex.compile(r"(?P<high>[2-9])(?P<tail>[十百千万亿拾佰仟]*+)(?![0-9.])")


def digit_pair(scan: Scan, start: int, end: int) -> tuple[Decimal, Decimal, int] | None:
    """5、6万元, 3、4个人, 八、九亿元, 三、四十万元, 十七、八岁: a digit ending the numeral at
    ``start`` (a lone one in Arabic) and the next digit after a 、 state a range as 五六万元 does
    (value, value_max, and where the upper end's numeral ends); the upper end's multiplier is
    both ends'. None for a list: a third item, an item before it, or 分别 earlier in the clause
    (分别增长3、4个百分点)."""
    clean = scan.clean
    if clean[end : end + 1] != "、":
        return None
    if clean[start].isdigit():
        pair = _arabic_pair(clean, start, end) if end - start <= _PAIR_DIGITS else None
    else:
        pair = _spoken_pair(clean, start, end)
    if pair is None:
        return None
    high_end = pair[2]
    # An item before it is parted by a 、 (涉及七、八个村: the 及 of a word is none).
    if clean[high_end : high_end + 1] in LIST_SEPARATORS or clean[start - 1 : start] == "、":
        return None
    clause = clean[max(0, start - _CUE_WINDOW) : start]
    cut = max(clause.rfind(end_char) for end_char in _CLAUSE_END)
    return None if _RESPECTIVELY in clause[cut + 1 :] else pair


def _arabic_pair(clean: str, start: int, end: int) -> tuple[Decimal, Decimal, int] | None:
    """5、6万, 17、8岁: the number at ``[start, end)`` and the next last digit after the 、 (the
    tens of 17、8 written once, as 十七、八 says them), with its multiplier."""
    numeral = clean[start:end]
    if not numeral.isdigit():
        return None
    high = _DIGIT_PAIR_HIGH.match(clean, end + 1)
    if high is None or int(high.group("high")) != int(numeral[-1]) + 1:
        return None
    low, upper = read(numeral + high.group("tail")), read(numeral[:-1] + high.group())
    if low is None or upper is None:
        return None
    return low.value, upper.value, high.end()


def _spoken_pair(clean: str, start: int, end: int) -> tuple[Decimal, Decimal, int] | None:
    """八、九亿, 三、四十万, 十七、八岁, 一百五、六十人: the pair a speaker says without the 、
    (八九亿, 十七八岁), the numeral ``clean[start:end]`` and the one after its 、 read as one."""
    high = NUMERAL_AT.match(clean, end + 1) if clean[end - 1] in _PAIR_FIRST else None
    pair = approximate_pair(clean[start:end] + high.group()) if high is not None else None
    return None if pair is None or high is None else (*pair, high.end())


# Digits that may stand for the tenths after 块 (一块二, 2块5; 两 there counts the next thing:
# 三块两个), their values, and what after one makes it a number or a count of its own instead
# (三块五十, 两块五亩地).
_TENTH_DIGITS = {digit: value for digit, value in CHINESE_DIGITS.items() if value and digit != "两"} | {
    str(value): value for value in range(1, 10)
}


_NUMBER_GOES_ON = frozenset("十百千万亿点0123456789")


# The tenths written out after the digit (一块二毛, 三元五角); 钱 may close them (一块二毛钱).
TENTHS_MARKS = "角毛"


# Characters of a cut: enough for the longest common word a character opens (二维码, 双职工).
_WORD_WINDOW = 5


@cache
def _tokenizer() -> Any:
    """jieba's default tokenizer (its dictionary is loaded once, by whichever finder asks first)."""
    return jieba_tokenizer()


def is_dictionary_word(text: str) -> bool:
    """jieba's dictionary counts ``text`` as a word (乡镇, 下乡), not only as a prefix of one."""
    return bool(_tokenizer().FREQ.get(text))


def ends_longer_word(clean: str, pos: int, word: str) -> bool:
    """A one-character ``word`` ending at ``pos`` is the tail of a dictionary word with the character
    or characters before it (部分, 合约, 中共, 公共, 村规民约), so it stands for nothing of its own."""
    return len(word) == 1 and any(is_dictionary_word(clean[max(0, pos - size) : pos]) for size in (2, 3, 4))


def _cut_after_one(clean: str, pos: int) -> bool:
    """jieba cuts the few characters from ``pos`` as one character and a longer word (人|工作,
    长|期待), so a word opened at ``pos`` is not what the text says."""
    cut = list(_tokenizer().cut(clean[pos : pos + _WORD_WINDOW], HMM=False))
    return len(cut) > 1 and len(cut[0]) == 1 and len(cut[1]) > 1


# jieba's tag of a suffix's morpheme (式 of 多式联运, 性, 型).
_SUFFIX_MORPHEME = "k"


def _no_unit_before(blocker: regex.Pattern[str], clean: str, at: int) -> bool:
    """What follows ``at`` makes the surface before it no unit (个亿|元项目); where a size class
    and a counted noun do (个亿|元以上产业项目), the words between them are the noun's own, no verb
    (3个亿元以上用于项目建设, 2个亿元以上支持企业发展: the sum is money, spent on projects)."""
    m = blocker.match(clean, at)
    if m is None:
        return False
    gap = m.group("gap")
    return not gap or not any(tag.startswith("v") and tag != "vn" for _, tag in tagged_words(gap))


def opens_word(clean: str, pos: int) -> bool:
    """二维码, 二手车, 双职工, 罐头: jieba's cut of the few characters from ``pos`` starts with
    a dictionary word of more than the one character there."""
    first = next(iter(_tokenizer().cut(clean[pos : pos + _WORD_WINDOW], HMM=False)), "")
    return len(first) > 1


def spoken_tenths(scan: Scan, pos: int) -> Decimal | None:
    """一块二, 三块五一斤, 一块二毛钱: a lone digit right after 块 (at ``pos``) is the tenths of
    a yuan, its 毛 written or left out as speech does; None unless such a digit stands there
    and opens no word of its own (一块二维码, 两块二手车)."""
    clean = scan.clean
    digit = clean[pos : pos + 1]
    if digit not in _TENTH_DIGITS:
        return None
    if clean[pos + 1 : pos + 2] not in TENTHS_MARKS and (
        clean[pos + 1 : pos + 2] in _NUMBER_GOES_ON or scan.unit_at(pos + 1) or opens_word(clean, pos)
    ):
        return None
    return Decimal(_TENTH_DIGITS[digit]) / 10


def choose_unit(
    scan: Scan, units: tuple[Unit, ...], pos: int, end: int, value: Decimal, qualified: bool
) -> Unit | None:
    """The reading of an ambiguous surface that its context allows (度 is ℃ only near 温度;
    块 is yuan after a money word, but not before the noun it counts: 3块地; 日 is days in 90日)."""
    for unit in units:
        if unit.needs_qualifier and not qualified:
            continue
        if unit.above is not None and not (
            qualified or value > unit.above or scan.clean.startswith(unit.followers, end)
        ):
            continue
        if unit.needs_cue and unit.record == "money" and spoken_tenths(scan, end) is not None:
            return unit  # 一块二: yuan and tenths, however the clause reads
        if unit.needs_cue and not scan.has_cue(pos, unit.needs_cue) and not (unit.divided and scan.divides_before(pos)):
            continue
        if unit.needs_cue and unit.record == "money" and scan.before_noun(end):
            continue
        return unit
    return None


def _multiplier_of(numeral: str) -> Decimal:
    """The 万/亿 a range's upper end carries over to a bare lower end (1.5-2万元)."""
    if numeral.endswith("亿"):
        return Decimal(10**8)
    if numeral.endswith("万"):
        return Decimal(10**4)
    return Decimal(1)


_ONE_DIGIT_PLACE = regex.compile(r"[一二两三四五六七八九壹贰叁肆伍陆柒捌玖1-9][十百千万亿拾佰仟]++")


def _carried_multipliers(low: str, high: str, high_value: Decimal) -> list[Decimal]:
    """What a range's lower end may be multiplied by, most specific first: a lone digit takes
    the place of the upper end's digit (两到三仟 is 2000-3000, 2~3百 200-300), a bare lower end
    its 万/亿 (1.5-2万), else nothing (从8500到3万: 8500 is already whole)."""
    if any(c in low for c in "万亿"):
        return [Decimal(1)]
    carried = []
    if len(low) == 1 and _ONE_DIGIT_PLACE.fullmatch(high):
        leading = read(high[0])
        assert leading is not None  # the pattern starts with a digit from one to nine
        carried.append(high_value / leading.value)
    return [*carried, _multiplier_of(high), Decimal(1)]


def _separator_end(scan: Scan, start: int, pos: int) -> int | None:
    """Where a range's upper end starts: past a (含) note on the lower end (1万(含)-5万元) and
    one separator, or a doubled dash (3天——8天; -- unless the lower end, which starts at
    ``start``, is negative)."""
    clean = scan.clean
    if clean.startswith(_INCLUSIVE_NOTES, pos):
        pos += next(len(note) for note in _INCLUSIVE_NOTES if clean.startswith(note, pos))
    if pos >= len(clean) or clean[pos] not in RANGE_SEPARATOR_CHARS:
        return None
    separator = clean[pos]
    doubled = clean[pos + 1 : pos + 2] == separator and (
        separator == "—" or (separator in "-－" and not minus_before(scan, start))
    )
    return pos + 1 + doubled


# A spoken pair alone, its two digits and no place before them (两三, 三四; not 十五六).
_SPOKEN_PAIR_CHARS = 2


def split_unit_prefix(scan: Scan, start: int, end: int) -> int:
    """5千米 is 5 公里, not 5000 米: give a trailing 千/百 back to the unit when that makes one;
    not after a spoken pair, which says its order of magnitude (两三千米: 2000-3000 米, as 两三千人)."""
    if (
        end - start > 1
        and scan.clean[end - 1] in "千百十"
        and not (end - start == _SPOKEN_PAIR_CHARS + 1 and approximate_pair(scan.clean[start : end - 1]) is not None)
    ):
        found = scan.unit_at(end - 1)
        if found is not None and len(found[0]) > 1:
            return end - 1
    return end


_LOST_PERCENT_NUMERAL = regex.compile(r"\d{1,3}(?:\.\d+)?")


def lost_percent(scan: Scan, numeral: str, start: int, end: int) -> bool:
    """同比增长18.3;: an Arabic rate between a growth word and a clause end, its % sign lost."""
    t = scan.t
    return (
        scan.clean[end : end + 1] in t.lost_percent_ends
        and _LOST_PERCENT_NUMERAL.fullmatch(numeral) is not None
        and t.lost_percent_words.at(scan.clean, start)
    )


def may_be_amount(scan: Scan, numeral: str, start: int, end: int) -> bool:
    """Fast exit for the many numerals followed by nothing an amount can end with."""
    following = scan.clean[end : end + 1]
    return (
        following in scan.t.first_chars
        or following in RANGE_SEPARATOR_CHARS
        or following == "成"
        or numeral[-1] in "万亿"
        or (numeral[-1] in "余多" and numeral[-2:-1] in ("万", "亿"))  # 2亿多
        or following in LIST_SEPARATORS
        or (following == " " and scan.clean[end + 1 : end + 2] in ASCII_LETTERS)
        or (following == "(" and numeral[-1] in "十百千")  # 228.7千(qian)公顷
        or lost_percent(scan, numeral, start, end)
        or scan.currency_prefix(start) is not None
        or scan.clean[start - 2 : start] == "):"  # 预算金额(元):20999985, a label's unit
    )


def _bounded_end(scan: Scan, start: int, low: Reading, high: Reading) -> bool:
    """The ends of a range carry bounds of their own that differ (从不足1000元到4600多元): each end
    is an amount (1万余元到2万余元 is one range)."""
    low_bound, high_bound = low.qualifier or scan.prefix_qualifier(start), high.qualifier
    return low_bound != high_bound and any(bound not in (None, "approx") for bound in (low_bound, high_bound))


def read_range(
    scan: Scan, numeral: str, start: int, low: Reading, found: Found, pos: int
) -> tuple[Reading, Decimal, Found, int] | None:
    """200-300元, 3到5度, 60%-70%, 三至五年, 1.5-2万元: a second numeral after a separator,
    ``pos`` past the lower end (``numeral`` at ``start``) and its unit.

    The upper end's unit is the range's (a unit after the lower end must be the same),
    and a bare lower end takes the upper end's multiplier where that keeps the range
    ascending (:func:`_carried_multipliers`). 一到…就 ("as soon as") is no range; 一倍到两倍 and
    一到两个月 are (a unit on the lower end, or 两 for the upper, never follow that 一到).
    """
    clean = scan.clean
    after = _separator_end(scan, start, pos)
    if after is None or (clean[after - 1] == "到" and numeral == "一" and found is None and clean[after] != "两"):
        return None
    negative = minus_before(scan, start)
    # -3至-1℃: the upper end of a temperature or rate may carry its own minus sign.
    high_negative = clean[after : after + 1] in MINUS_SIGNS and clean[after - 1] not in MINUS_SIGNS
    second = NUMERAL_AT.match(clean, after + high_negative)
    if second is None:
        return None
    high = read(second.group())
    high_unit, end = scan.unit_after(second.end())
    if high is None or high_unit is None or (found is not None and high_unit[0] != found[0]):
        return None
    if found is not None and _bounded_end(scan, start, low, high):
        return None  # 从不足1000元到4600多元: a change from one amount to another
    if high_negative and not any(takes_sign(u) for u in high_unit[1]):
        return None
    high_value = -high.value if high_negative else high.value
    signed = negative and any(takes_sign(u) for u in high_unit[1])
    low_value = next(
        (
            low.value * carried
            for carried in _carried_multipliers(numeral, second.group(), high.value)
            if (-low.value * carried if signed else low.value * carried) < high_value
        ),
        None,
    )
    if low_value is None:
        if _temperature(scan, high_unit, second.start(), end, high.value):
            # Read upwards; the caller puts the minus written before the numeral on the value.
            low_signed = -low.value if negative else low.value
            value = -high_value if negative else high_value
            return Reading(value, low.qualifier or high.qualifier), low_signed, high_unit, end
        return None  # -5℃至3℃ is a range; 5至3 is not
    return Reading(low_value, low.qualifier or high.qualifier), high_value, high_unit, end


def _temperature(scan: Scan, found: Found, pos: int, end: int, value: Decimal) -> bool:
    """The surface reads as a temperature here: 18~8℃, 14~5度, 2~-9℃, -3~-8℃ (a forecast writes
    the day's high before the night's low, so a falling range of temperatures is read upwards)."""
    unit = choose_unit(scan, found[1], pos, end, value, qualified=False) if found is not None else None
    return unit is not None and unit.dimension == "temperature"


@dataclass(slots=True)
class Proposal:
    """A numeral and what follows it, before the vetoes decide whether it states an amount.

    ``end`` is past the unit surface (or the numeral, for an amount without one); ``unit``
    is the reading the context chose; ``kind`` names the rule (numeral_unit, range ...).
    One proposal is made per numeral and filled in as the rules read further.
    """

    scan: Scan
    start: int
    end: int
    numeral: str
    reading: Reading
    value_max: Decimal | None = None
    surface: str = ""
    unit: Unit | None = None
    prefix_qualifier: str | None = None
    kind: str = "numeral_unit"
    chinese_only: bool = False  # the numeral has no digit (三个, 二十五条)


def takes_sign(unit: Unit) -> bool:
    """Rates and temperatures can be negative (-1.2‰, -5℃); counts and money are not written so."""
    return unit.record == "percentage" or unit.dimension == "temperature"


def signed(scan: Scan, start: int, unit: Unit) -> bool:
    """The amount at ``start`` carries the minus written before it: a rate's or a temperature's
    always; money's only as a sign after a word (转贷收入-82万元), since money is rarely negative
    and 负 before it is mostly a verb's (个人自负5000元)."""
    if takes_sign(unit):
        return minus_before(scan, start)
    clean = scan.clean
    return (
        unit.record == "money"
        and clean[start - 1 : start] in MINUS_SIGNS
        and is_han(clean[start - 2 : start - 1])
        and minus_before(scan, start)
    )


def minus_before(scan: Scan, start: int) -> bool:
    """A minus sign right before the number that is not a range separator (5-10%, PM2.5-10)."""
    clean = scan.clean
    if start == 0 or clean[start - 1] not in MINUS_SIGNS:
        return clean[start - 1 : start] == _NEGATIVE_WORD
    before = clean[start - 2 : start - 1]
    return not (before.isalnum() and not is_han(before)) and before not in _DASHES and before != "%"
