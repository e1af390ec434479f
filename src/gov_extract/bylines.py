"""Bylines: reporters, correspondents and photographers named in credit lines.

Two shapes are read:

* a marker and the names after it, up to a bracket or the end of the line:
  ``（记者 梁英杰）``, ``■本报记者 陶登肖``, ``记者 刘小宇 冯凯治 通讯员 高军峰 马振宇``,
  ``特约摄影 温徐旺 摄``;
* a line of names closed by a credit word, with an optional agency before:
  ``戚媛媛 摄``, ``新华社 朱慧卿 作``.

Bylines are read on the folded original string (same length and offsets as
``doc.original``), because the spaces that separate the names are exactly
what the clean view removes: ``记者 郑 菲 通讯员 程全喜`` holds two names, and
only the spaces tell that ``郑 菲`` is one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from .names import is_name_shape
from .resources import read_words
from .text import Document, is_han

# Longest byline read: a credit line is short, and the bound keeps long lines linear.
_MAX_BYLINE = 80
# Spaces separate a byline's pieces; so do a colon after a marker (责任编辑：李娜) and a
# slash before a credit word (张晓东/摄).
_SPACE = regex.compile(r"[ \t\u3000：:/]+")
_LINE = regex.compile(r"[^\n]+")
# Where a byline's list of names ends.
_CLOSERS_OF_SEGMENT = ")）]】\n"
_BYLINE_CHAR = regex.compile(r"[\p{Han}·\s：:]")
_AGENCY = regex.compile(r"\p{Han}{1,8}(?:社|报|网|台)")


@dataclass(frozen=True, slots=True)
class BylineName:
    start: int
    end: int
    name: str


@cache
def _markers() -> tuple[str, ...]:
    return tuple(sorted(read_words("person_byline_markers.txt"), key=len, reverse=True))


@cache
def _closers() -> frozenset[str]:
    return frozenset(read_words("person_byline_closers.txt"))


@cache
def _marker_pattern() -> regex.Pattern[str]:
    return regex.compile("|".join(regex.escape(m) for m in _markers()))


def _may_open_byline(before: str) -> bool:
    """A marker opens a byline only where a credit line can start: after a bracket,
    a bullet, a space, a line start, or a masthead word (本报讯, 新华社)."""
    return before in "讯社报台网" or not is_han(before)


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
    for marker in _markers():
        if token.startswith(marker) and len(token) > len(marker):
            return token[len(marker) :], len(marker)
    return token, 0


def _names(pieces: list[tuple[int, int, str]], folded: str, original: str) -> list[BylineName] | None:
    """Names in a byline's pieces, or None if a piece is neither a marker, a closer nor a name.

    A single character standing between spaces belongs with the next piece
    (``郑 菲``, ``乔 植``): OCR and typesetting space out two-character names.
    """
    markers = set(_markers())
    found: list[BylineName] = []
    singles: list[tuple[int, int]] = []  # spaced-out characters of one name (王 小 明)
    for number, (start, end, token) in enumerate(pieces):
        is_last = number == len(pieces) - 1
        if token in markers or (token in _closers() and is_last):
            if singles and not _add(found, singles[0][0], singles[-1][1], folded, original, len(singles) > 1):
                return None
            singles = []
            if token in markers:
                continue
            break
        token, cut = _strip_marker(token)
        start += cut
        if len(token) == 1 and len(singles) < 3:
            singles.append((start, end))
            if is_last and not _add(found, singles[0][0], end, folded, original, len(singles) > 1):
                return None
            continue
        if len(singles) >= 2:
            if not _add(found, singles[0][0], singles[-1][1], folded, original):
                return None
            singles = []
        if singles:
            start = singles[0][0]  # 郑 菲菲: a lone character belongs with the next piece
        if not _add(found, start, end, folded, original):
            return None
        singles = []
    return found


def _add(found: list[BylineName], start: int, end: int, folded: str, original: str, ok: bool = True) -> bool:
    """Add the name ``[start, end)`` if it is shaped like one; False if it is not."""
    # A byline is strong context: a name that is also a word (黄海, 甘露) stays a name.
    if not ok or not is_name_shape(_SPACE.sub("", folded[start:end]), dictionary_veto=False):
        return False
    found.append(BylineName(start, end, _SPACE.sub("", original[start:end])))
    return True


def find(doc: Document) -> list[BylineName]:
    """Every name standing in a byline, in original offsets."""
    folded = doc.folded
    found: dict[int, BylineName] = {}
    for match in _marker_pattern().finditer(folded):
        start = match.start()
        if start > 0 and not _may_open_byline(folded[start - 1]):
            continue
        end = start
        limit = min(len(folded), start + _MAX_BYLINE)
        while end < limit and folded[end] not in _CLOSERS_OF_SEGMENT and _BYLINE_CHAR.match(folded[end]):
            end += 1
        if end < len(folded) and folded[end] not in _CLOSERS_OF_SEGMENT:
            continue
        names = _names(_tokens(folded[start:end], start), folded, doc.original)
        for name in names or ():
            found.setdefault(name.start, name)
    for line in _LINE.finditer(folded):
        text = line.group().strip()
        pieces = _tokens(line.group(), line.start())
        if len(text) > 30 or len(pieces) < 2 or pieces[-1][2] not in _closers():
            continue
        if _AGENCY.fullmatch(pieces[0][2]) and len(pieces) > 2:
            pieces = pieces[1:]
        names = _names(pieces, folded, doc.original)
        for name in names or ():
            found.setdefault(name.start, name)
    return [found[k] for k in sorted(found)]
