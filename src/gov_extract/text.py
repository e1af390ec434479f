"""The text layer: the original article and an offset-preserving clean view.

This is the only module that does offset arithmetic. ``Document.clean`` is
what every finder matches against, and clean offsets are the one coordinate
system finders hand back:

* full-width ASCII forms (digits, letters, ``％``, ``（）``, ``．``) folded to
  half-width, except the full-width comma ``，``, which separates numbers
  (``23，15个`` must not read as 2315);
* the circle signs typed for the zero of ``二○二三年`` folded to 〇;
* Traditional characters and variant forms folded to Simplified, one character
  for one, so a ``南寧市`` or ``陜西省`` matches the gazetteer's ``南宁市``, ``陕西省``;
* lone surrogates (bad decoding upstream; no codec can encode them) folded to
  U+FFFD, so every library a finder hands the view to sees valid Unicode;
* OCR's misreadings inside Arabic numbers, one character for one: letters read for
  digits (``2O17年``, ``l2万亩``, ``1〇5万亩``: O, o and 〇 for 0, l and I for 1) where
  they stand in a run of digits that no ASCII letter touches (``H2O``, ``CO2`` stay),
  and a lone l before a Chinese character or a range dash (``l月``, ``l—6月``),
  and a middle dot or full stop read for the decimal point between digits that end in
  万, 亿, % or ‰ (``1 5·2万亩``, ``68。5亿元``; ``5·12地震`` stays), and a letter O or digit 0
  for the 〇 of a year in Chinese numerals (``二O一九年``, ``二0二O年``);
* whitespace runs that OCR and page layout put inside numbers and words
  (``1.75 万户``, ``2.46\\n吨``, ``20世纪 80年代``, ``郑 菲``) removed, unless
  both neighbours are ASCII letters or digits (``1000 2000`` stays two
  numbers) and the space is not one OCR put after a lone digit
  (``投资1 2.6亿元``, ``达 1 0 0 %``); a hyphen OCR left at a line break between two
  Chinese characters (``王 海-\n军``) goes with the break;
* markup a scraper left in the text (``<span style=…>``, ``</p>``, ``<!--…-->``, ``&nbsp;``)
  blanked in place before anything else (:attr:`Document.plain`): a tag or a comment becomes
  spaces (a block tag such as ``<p>``, ``<br/>`` or ``<td>`` a line break first; ``<sup>`` and
  ``<sub>`` zero-width spaces, so ``m<sup>2</sup>`` reads ``m2``), a space's
  reference (``&nbsp;``) spaces, and any other character reference its character
  (``&ldquo;`` -> ``“``, ``&middot;`` -> ``·``), the rest of its length zero-width spaces;
* zero-width characters (U+200B to U+200D, U+2060, U+FEFF) removed, so
  ``县委书记&nbsp;王建国`` reads as ``县委书记王建国`` and ``阿不都&middot;买买提`` as one name;
* a pinyin gloss that a page's broken conversion wrote after a character
  (``關(guān)於``, ``經(jīng)濟(jì)``: tone-marked letters in brackets right after a
  Chinese character, once or twice; without tone marks, ``長(chang)江``, only where the
  article holds several, each a syllable of ``patterns/pinyin_syllables.txt``) removed, so
  ``經濟`` reads as one word again. Neither a gloss nor a zero-width character is a join in
  the sense of :meth:`Document.joined_at`, which reports whitespace only.

A finder hands back spans in clean coordinates; :meth:`Document.span` maps
them to the original string, so ``text[start:end] == record.text`` holds
whatever the cleaning did. A rule that must read the spaces the view removed
(bylines) reads ``Document.folded`` and maps its spans back with
:meth:`Document.clean_span`; rules that ask where the view joined text ask
:meth:`Document.joined_at` and :meth:`Document.line_starts_at`.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache, partial

import regex

from .resources import pattern_path, read_words

_FULLWIDTH_COMMA = 0xFF0C
# Markup a scraper left in an article: a tag (an ASCII name right after <, then attributes as
# HTML writes them, so 3<5, <土地法> and x<b 且 y>0 stay text), a comment, or a character
# reference. Each repeat is bounded or possessive: nothing backtracks far.
_ATTRIBUTE = r"""\s++[A-Za-z_:][-\w:.]{0,40}+(?:\s*+=\s*+(?:"[^"<>]{0,400}+"|'[^'<>]{0,400}+'|[^\s"'<>=`]{1,400}+))?"""
_MARKUP = re.compile(
    rf"</?(?P<tag>[A-Za-z][A-Za-z0-9]{{0,15}}+)(?:{_ATTRIBUTE}){{0,20}}+\s*+/?>"
    r"|<!--[^<>]{0,400}?-->"
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,15}+;|#[0-9]{1,7}+;|#[xX][0-9A-Fa-f]{1,6}+;|nbsp(?![A-Za-z]))"
)
# What pads a character reference to its length (&middot; -> ·): removed by the view, no join.
_ZERO_WIDTH = "\u200b"
# Superscript and subscript tags: their text belongs to what stands before it (m<sup>2</sup>).
_SCRIPT_TAG = re.compile(r"su[pb]", re.I)
# Tags that end a line on a rendered page (their first character becomes a line break).
_BLOCK_TAG = re.compile(r"p|br|div|li|ul|ol|tr|td|th|table|h[1-6]|section|article|header|footer|blockquote|d[dt]", re.I)
# The common and extension-A blocks of Chinese characters, for a regex character class.
CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
# Every character :func:`is_han` accepts, for a regex character class.
HAN_CHARS = rf"{CJK}\uf900-\ufaff\U00020000-\U0003134f"
_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# What the view removes: whitespace runs, zero-width characters, and a pinyin gloss after a
# Chinese character (at least one tone-marked vowel, at most seven letters: 經(jīng), 鄉(xiāng);
# 附件(1), (ABC) stay), or the same without tone marks (長(chang)江), which is removed only where
# an article holds several (_plain_glosses_removed). A character may carry its gloss twice
# (個(ge)(ge)). Each gloss branch opens with its bracket, so the scan skips to brackets fast;
# possessive throughout.
_AFTER_HAN = rf"\((?<=[{HAN_CHARS}]\()"
_TONED_GLOSS = rf"(?=[a-zü]{{0,5}}[{_TONE_VOWELS}])[a-zü{_TONE_VOWELS}]{{1,7}}+\)"
_PLAIN_GLOSS = r"[a-zü]{1,6}+\)"
_REMOVED_RUN = regex.compile(
    rf"\s+|(?P<zero_width>[\u200b-\u200d\u2060\ufeff]+)"
    rf"|(?P<gloss>{_AFTER_HAN}{_TONED_GLOSS}(?:\({_TONED_GLOSS})*+)"
    rf"|(?P<plain>{_AFTER_HAN}{_PLAIN_GLOSS}(?:\({_PLAIN_GLOSS})*+)"
)
_PLAIN_GLOSS_RUN = regex.compile(rf"{_AFTER_HAN}{_PLAIN_GLOSS}(?:\({_PLAIN_GLOSS})*+")
# So many plain glosses of real syllables make them a broken conversion's, not labels or units.
_PLAIN_GLOSSES_MIN = 3
# Hyphens OCR leaves before a line break inside a word (王 海-\n军).
_LINE_END_HYPHENS = frozenset("-\u2010\u00ad")
# OCR's misreadings inside numbers, found in one pass: a letter or 〇 beside a digit (through a
# point: O.6万亩), a lone l before a Chinese character or a range dash (l月, 今年l—6月; a lone I
# or O may be a class or type: I类水质, O型血), or a middle dot or full stop between digits whose
# fraction ends in 万, 亿, % or ‰ (1 5·2万亩; spaced-out OCR may put a space on either side).
# And a letter O or a digit 0 typed or read for the 〇 of a year in Chinese numerals (二O一九年,
# 二0二O年). Each branch opens with its character, so the scan skips the rest fast; possessive:
# no backtracking.
_OCR_DIGIT_LETTERS = "OolI〇"
_OCR_NUMBER_NOISE = regex.compile(
    rf"(?P<letter>[{_OCR_DIGIT_LETTERS}](?:(?<=[0-9]\.?.)|(?=\.?[0-9]))|l(?<![A-Za-z0-9.]l)(?=[\p{{Han}}—–~～]))"
    r"|(?P<point>[·。](?<=[0-9] ?.)(?= ?[0-9](?: ?[0-9])*+\s*+[万亿%‰]))"
    r"|(?P<zero>[Oo0](?<=[〇一二三四五六七八九][Oo0]?.)(?=[Oo0]?[〇一二三四五六七八九年]))"
)
_OCR_DIGIT_FOR = {"O": "0", "o": "0", "〇": "0", "l": "1", "I": "1"}
_NUMBER_RUN_CHARS = frozenset("0123456789." + _OCR_DIGIT_LETTERS)
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGIT_RUN = regex.compile(r"\d+")
# A line that starts with a number OCR spaced out digit by digit (\n3 2 0 . 6万只): lone digits
# and a point, each after one space, then straight into what follows (a unit).
_SPACED_OUT = regex.compile(r"\d(?: [\d.]){2,}+(?=[^\s\d.])")
# What may follow a number that a table's next cell, not a unit, continues (12.5 6.8, 12.5 6 7).
_NUMBER_ENDS_NOT = frozenset("0123456789.,:/-% \t\n\r\u3000abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@cache
def _fold_table() -> dict[int, int]:
    """Code point map: full-width ASCII forms, Traditional characters and variant forms (陜, 邨,
    the radical signs of PDF text layers) to their plain form, lone surrogates to U+FFFD."""
    table = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if cp != _FULLWIDTH_COMMA}
    table[0x3000] = 0x20  # ideographic space
    # Typed documents write the zero of 二〇二三年 with a circle sign (○, ◯).
    table[0x25CB] = table[0x25EF] = 0x3007
    table |= dict.fromkeys(range(0xD800, 0xE000), 0xFFFD)
    for name in ("traditional_simplified.txt", "variant_characters.txt"):
        for line in pattern_path(name).read_text(encoding="utf-8").splitlines():
            if len(line) == 3 and line[1] == "\t":
                table[ord(line[0])] = ord(line[2])
    return table


def is_han(char: str) -> bool:
    """``char`` is one Chinese character (the common and extension-A blocks, compatibility
    ideographs, and the astral extensions rare names use: :data:`HAN_CHARS`); False for an
    empty string (which sorts before every bound)."""
    return (
        "\u4e00" <= char <= "\u9fff"
        or "\u3400" <= char <= "\u4dbf"
        or "\uf900" <= char <= "\ufaff"
        or "\U00020000" <= char <= "\U0003134f"
    )


@cache
def _traditional_re() -> re.Pattern[str]:
    """Any Chinese character folding changes (a Traditional form): finding the few an article
    holds is cheaper than making a set of all its characters."""
    chars = sorted(chr(cp) for cp in _fold_table() if 0x3400 <= cp <= 0x9FFF)
    return re.compile(f"[{''.join(map(re.escape, chars))}]")


def _opens_line(folded: str, last: int) -> bool:
    """The number ending at ``last`` (its digits and point) starts its line."""
    first = last
    while first > 0 and (folded[first - 1].isdigit() or folded[first - 1] == "."):
        first -= 1
    return first == 0 or folded[first - 1] == "\n"


def _split_digit(folded: str, start: int, end: int, chain: int) -> bool:
    """The space ``[start, end)`` splits one number, as OCR does (投资1 2.6亿元, 达1 0 0%):
    one space after a lone digit (after a Chinese character or punctuation, perhaps spaced
    off, or after a digit this rule joined), before one or two digits; or after the first
    decimal, before digits that run straight into a unit (90.3 6亿元; a line break too, but not
    after a number alone on its line: a table's cells). Lists and tables (1000 2000, 图1 2024年,
    12.5 6.8) keep theirs."""
    left = start - 1
    if end - start != 1 or not folded[left].isdigit() or not folded[end].isdigit():
        return False
    run = _DIGIT_RUN.match(folded, end)
    if run is None or run.end() - end > 2:
        return False
    if left != chain:
        before = folded[max(0, left - 3) : left].rstrip(" ")  # 达 1 0 0 %: spaced-out OCR
        spaced_out = before.endswith("\n") and _SPACED_OUT.match(folded, left) is not None
        decimal_tail = (
            not (folded[start] == "\n" and _opens_line(folded, left))  # table cells: 66.5, 60岁及以上
            and before[-2:-1].isdigit()
            and before.endswith(".")
            and run.end() < len(folded)
            and folded[run.end()] not in _NUMBER_ENDS_NOT
        )
        if (
            left > 0
            and (not before or before[-1] in _ASCII_ALNUM or before[-1] in ".,\t\n")
            and not spaced_out
            and not decimal_tail
        ):
            return False
    return True


def _repair_numbers(folded: str) -> str:
    """``folded`` with OCR's letters-for-digits and dots-for-points inside numbers read as the
    digits and the decimal point (one character for one: offsets stay): see the module doc."""
    chars: list[str] | None = None
    run_end = -1  # the end of the last number run whose letters were looked at
    for match in _OCR_NUMBER_NOISE.finditer(folded):
        at = match.start()
        if match.group("point") or match.group("zero"):
            chars = chars or list(folded)
            chars[at] = "." if match.group("point") else "〇"
            continue
        if at < run_end:
            continue
        start, end = at, at + 1
        while start > 0 and folded[start - 1] in _NUMBER_RUN_CHARS:
            start -= 1
        while end < len(folded) and folded[end] in _NUMBER_RUN_CHARS:
            end += 1
        run_end = end
        if (
            (start > 0 and folded[start - 1] in _ASCII_LETTERS)
            or (end < len(folded) and folded[end] in _ASCII_LETTERS)
            or (folded[start] in "Oo" and folded[start + 1 : start + 2] not in (".", ""))
        ):
            # A code or formula (H2O, CO2, No.1); a number opens with an O read for 0 only
            # before its decimal point (O.5万亩), so O2O is a word.
            continue
        chars = chars or list(folded)
        for i in range(start, end):
            chars[i] = _OCR_DIGIT_FOR.get(folded[i], folded[i])
    return folded if chars is None else "".join(chars)


@cache
def _folder() -> Callable[[str], str]:
    """:func:`fold`: the characters ``_fold_table`` changes as one character class of the
    standard ``re`` module, each match replaced. Articles hold few such characters, and
    ``str.translate`` with the table looks every character up (several times slower)."""
    ranges: list[list[int]] = []
    for cp in sorted(_fold_table()):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    char_class = "".join(
        re.escape(chr(low)) + (f"-{re.escape(chr(high))}" if high > low else "") for low, high in ranges
    )
    replacement = {chr(cp): chr(to) for cp, to in _fold_table().items()}
    return partial(re.compile(f"[{char_class}]").sub, lambda m: replacement[m.group()])


def _blank_markup(match: re.Match[str]) -> str:
    """One piece of markup as characters of its own length: see the module doc."""
    written = match.group()
    tag = match.group("tag")
    if tag is not None and _BLOCK_TAG.fullmatch(tag):
        return "\n" + " " * (len(written) - 1)
    if tag is not None and _SCRIPT_TAG.fullmatch(tag):
        return _ZERO_WIDTH * len(written)  # m<sup>2</sup>: the unit's own index, m2 as typed
    if written.startswith("<"):
        # A tag or a comment parts what it stands between as a space does (12<sup>4</sup>,
        # 3</td><td>18%: two numbers), and the view removes it between Chinese characters.
        return " " * len(written)
    reference = written if written.endswith(";") else written + ";"
    char = html.unescape(reference)
    if char.isspace() and len(char) == 1:
        return " " * len(written)  # &nbsp;, &#12288;: a space the page shows
    if char == reference or len(char) != 1 or not char.isprintable():
        return written  # A&Bco;: no reference html knows, the text as written
    return char + _ZERO_WIDTH * (len(written) - 1)


def without_markup(text: str) -> str:
    """``text`` with scraped markup blanked in place (same length, same offsets)."""
    if "<" not in text and "&" not in text:
        return text
    return _MARKUP.sub(_blank_markup, text)


def fold(text: str) -> str:
    """Fold one string the way the clean view is folded (no whitespace removal)."""
    return _folder()(text)


@cache
def _pinyin_syllables() -> frozenset[str]:
    return frozenset(word for line in read_words("pinyin_syllables.txt") for word in line.split())


def _syllables(glosses: str) -> bool:
    """``(chang)`` or ``(ge)(ge)``: every bracketed word is a pinyin syllable."""
    return _pinyin_syllables().issuperset(glosses[1:-1].split(")("))


def _plain_glosses_removed(folded: str) -> bool:
    """The article holds at least ``_PLAIN_GLOSSES_MIN`` plain pinyin glosses after characters."""
    count = 0
    for match in _PLAIN_GLOSS_RUN.finditer(folded):
        count += _syllables(match.group())
        if count >= _PLAIN_GLOSSES_MIN:
            return True
    return False


class Document:
    """An article: ``original`` string, its ``folded`` copy (same offsets), the ``clean`` view
    and the map between them."""

    __slots__ = (
        "_clean_starts",
        "_dropped",
        "_joins",
        "_line_breaks_sorted",
        "_original_starts",
        "_shifts",
        "_unfold",
        "clean",
        "folded",
        "line_breaks",
        "original",
        "plain",
    )

    def __init__(self, original: str) -> None:
        self.original = original
        # The original with scraped markup blanked, every character in place: what a name is
        # written with (县委书记&nbsp;王建国 -> 王建国), while a record's text is the original's.
        self.plain = without_markup(original)
        # The folded original keeps every character in place (bylines read its spaces).
        self.folded = folded = _repair_numbers(fold(self.plain))
        pieces: list[str] = []
        # _clean_starts[k] is the clean offset from which _shifts[k] original characters
        # have been removed before it, and _original_starts[k] is where that clean offset stands in
        # the original; all three grow with each dropped whitespace run.
        clean_starts = [0]
        original_starts = [0]
        shifts = [0]
        # Clean offsets right after a removed run that held a line break: the view joins the
        # lines (OCR splits 2.46\n吨), but a rule may still want to know a line ended there.
        line_breaks: set[int] = set()
        last = 0
        removed = 0
        digit_chain = -1  # where the last digit split by OCR (1 0 0%) continues
        joins = [0]  # clean offsets where removed whitespace joined text (sorted; 0 as a floor)
        dropped: list[tuple[int, int]] = []  # the original spans of glosses and zero-width runs removed
        plain_removed: bool | None = None  # counted at the first plain gloss (most pages have none)
        size = len(folded)
        for match in _REMOVED_RUN.finditer(folded):
            start, end = match.span()
            kind = match.lastgroup  # None for whitespace, else "zero_width", "gloss" or "plain"
            if kind is None:
                if start == 0 or end == size:
                    continue
                before = folded[start - 1]
                if (
                    before in _LINE_END_HYPHENS
                    and start > 1
                    and "\n" in match.group()
                    and is_han(folded[start - 2])
                    and is_han(folded[end])
                ):
                    start -= 1  # the hyphen goes with the line break
                elif before.isdigit() and _split_digit(folded, start, end, digit_chain):
                    digit_chain = end
                elif before in _ASCII_ALNUM and folded[end] in _ASCII_ALNUM:
                    continue
            elif kind == "plain":
                if plain_removed is None:
                    plain_removed = _plain_glosses_removed(folded)
                if not (plain_removed and _syllables(match.group())):
                    continue
            pieces.append(folded[last:start])
            last = end
            removed += end - start
            clean_end = end - removed
            clean_starts.append(clean_end)
            original_starts.append(end)
            shifts.append(removed)
            if kind is None:
                joins.append(clean_end)
                if "\n" in match.group():
                    line_breaks.add(clean_end)
            else:
                dropped.append((start, end))
        pieces.append(folded[last:])
        self.clean = "".join(pieces)
        self.line_breaks = frozenset(line_breaks)
        self._line_breaks_sorted = sorted(line_breaks)
        self._clean_starts = clean_starts
        self._joins = joins
        self._dropped = dropped
        self._shifts = shifts
        self._original_starts = original_starts
        self._unfold: dict[int, int] | None = None

    def to_original(self, clean_offset: int) -> int:
        """Original offset of the clean character at ``clean_offset``."""
        return clean_offset + self._shifts[bisect_right(self._clean_starts, clean_offset) - 1]

    def to_clean(self, original_offset: int) -> int:
        """Clean offset of the first clean character at or after ``original_offset`` (a removed
        whitespace run maps to where the view joined it; the text's end to the view's end)."""
        k = bisect_right(self._original_starts, original_offset) - 1
        clean = original_offset - self._shifts[k]
        return min(clean, self._clean_starts[k + 1]) if k + 1 < len(self._clean_starts) else clean

    def clean_span(self, start: int, end: int) -> tuple[int, int]:
        """The clean span of the original span ``[start, end)``: its kept characters.

        >>> doc = Document("记者 郑 菲 报道")
        >>> doc.clean_span(3, 6), doc.clean
        ((2, 4), '记者郑菲报道')
        """
        return self.to_clean(start), self.to_clean(end)

    def unglossed(self) -> Unglossed:
        """The folded original without its pinyin glosses and zero-width characters, whitespace
        kept, for a reader of the spaces between words (bylines: ``記(jì)者 姚漾涵`` reads as
        ``記者 姚漾涵``)."""
        return Unglossed(self, self._dropped)

    def joined_at(self, at: int) -> bool:
        """The view removed whitespace right before clean offset ``at`` (郑 菲 -> 郑菲 at 菲)."""
        k = bisect_right(self._joins, at) - 1
        return k > 0 and self._joins[k] == at

    def first_joined(self, low: int, high: int) -> int:
        """The first clean offset in ``[low, high)`` that the view joined (:meth:`joined_at`), else
        ``high``: one search, not a test at each offset."""
        k = max(1, bisect_left(self._joins, low))  # the first join at or after ``low``
        return self._joins[k] if k < len(self._joins) and self._joins[k] < high else high

    def line_starts_at(self, at: int) -> bool:
        """A line starts at clean offset ``at``: the text's start, a line break the view removed
        right before it, or one it kept."""
        return at == 0 or at in self.line_breaks or (0 < at <= len(self.clean) and self.clean[at - 1] == "\n")

    def line_start(self, at: int) -> int:
        """Where the line holding clean offset ``at`` starts: after the last line break before
        it, kept in the view (``\n``) or removed by it."""
        kept = self.clean.rfind("\n", 0, at) + 1
        k = bisect_right(self._line_breaks_sorted, at) - 1
        return max(kept, self._line_breaks_sorted[k] if k >= 0 else 0)

    def first_line_start(self, low: int, high: int) -> int:
        """The first clean offset in ``[low, high)`` at which a line starts (:meth:`line_starts_at`),
        else ``high``: one search, not a test at each offset."""
        if low == 0 < high:
            return 0
        kept = self.clean.find("\n", max(low - 1, 0), max(high - 1, 0))
        k = bisect_left(self._line_breaks_sorted, low)
        removed = self._line_breaks_sorted[k] if k < len(self._line_breaks_sorted) else high
        return min(high, removed, kept + 1 if kept >= 0 else high)

    def last_line_start(self, low: int, high: int) -> int | None:
        """The last clean offset in ``[low, high)`` at which a line starts, else None."""
        kept = self.clean.rfind("\n", max(low - 1, 0), max(high - 1, 0))
        k = bisect_left(self._line_breaks_sorted, high) - 1
        found = max(
            kept + 1 if kept >= 0 else -1,
            self._line_breaks_sorted[k] if k >= 0 and self._line_breaks_sorted[k] >= low else -1,
            0 if low == 0 < high else -1,
        )
        return found if found >= 0 else None

    def line_end(self, at: int, limit: int) -> int:
        """Where the line holding clean offset ``at`` ends (the next line's start, or the view's
        end), looked for up to ``limit``: the view joins lines, a rule reading one must stop."""
        stop = min(limit, len(self.clean))
        return self.first_line_start(at + 1, stop)

    def line_text_end(self, at: int, limit: int) -> int:
        """Where the text of the line holding clean offset ``at`` ends, looked for up to ``limit``:
        at the next line break the view removed, or at a ``\n`` it kept (which is no part of the
        line's text), else at ``limit`` (never past the view's end)."""
        limit = min(limit, len(self.clean))
        kept = self.clean.find("\n", at + 1, limit)
        stop = limit if kept == -1 else kept
        return next((i for i in range(at + 1, stop) if i in self.line_breaks), stop)

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        """Map a clean span ``[start, end)`` to ``(start, end, text)`` in the original."""
        if not 0 <= start < end <= len(self.clean):
            raise ValueError(f"clean span {start}:{end} outside 0:{len(self.clean)}")
        # to_original of the first and the last character, written out: every record asks it.
        clean_starts, shifts = self._clean_starts, self._shifts
        orig_start = start + shifts[bisect_right(clean_starts, start) - 1]
        orig_end = end + shifts[bisect_right(clean_starts, end - 1) - 1]
        return orig_start, orig_end, self.original[orig_start:orig_end]

    def written(self, start: int, end: int) -> str:
        """The clean span ``[start, end)`` in the article's own characters (Traditional stays
        Traditional), without the whitespace the clean view removed: a name as written."""
        clean_starts, shifts = self._clean_starts, self._shifts
        first = start + shifts[bisect_right(clean_starts, start) - 1]
        last = end - 1 + shifts[bisect_right(clean_starts, end - 1) - 1]
        if last - first == end - 1 - start:
            return self.plain[first : last + 1]  # nothing removed inside: one slice
        return "".join(self.plain[self.to_original(i)] for i in range(start, end))

    def in_own_script(self, text: str) -> str:
        """A string built from clean text (a post, a body's name) in the article's own script:
        each folded Chinese character goes back to the character this article writes for it.

        >>> Document("市財政局局長李明").in_own_script("市财政局局长")
        '市財政局局長'
        """
        if self._unfold is None:
            self._unfold = {}
            table = _fold_table()
            # Characters that fold to one another (發, 髮 -> 发): the one the article writes most.
            written = sorted(set(_traditional_re().findall(self.original)), key=self.original.count, reverse=True)
            for char in written:
                self._unfold.setdefault(table[ord(char)], ord(char))
        return text.translate(self._unfold) if self._unfold else text


class Unglossed:
    """A document's folded and plain strings (:attr:`Document.plain`: markup blanked) with the
    pinyin glosses and zero-width characters taken out (whitespace kept), and the way back from
    their offsets to the clean view's. With none (most pages) both are the document's own strings
    and the offsets its original ones."""

    __slots__ = ("_doc", "_shifts", "_starts", "folded", "plain")

    def __init__(self, doc: Document, dropped: list[tuple[int, int]]) -> None:
        self._doc = doc
        # _starts[k]: the unglossed offset from which _shifts[k] dropped characters lie before it.
        self._starts, self._shifts = [0], [0]
        folded, plain, last, removed = [], [], 0, 0
        for start, end in dropped:
            folded.append(doc.folded[last:start])
            plain.append(doc.plain[last:start])
            removed += end - start
            self._starts.append(end - removed)
            self._shifts.append(removed)
            last = end
        self.folded = "".join(folded) + doc.folded[last:]
        self.plain = "".join(plain) + doc.plain[last:]

    def clean_span(self, start: int, end: int) -> tuple[int, int]:
        """The clean span of the unglossed span ``[start, end)`` (a gloss inside it is inside)."""
        first = start + self._shifts[bisect_right(self._starts, start) - 1]
        last = end - 1 + self._shifts[bisect_right(self._starts, end - 1) - 1]
        return self._doc.clean_span(first, last + 1)
