"""The article text as HTML with every record highlighted in place, built from offsets.

This module owns turning ``text`` plus record spans into well-nested markup:
every character of the text is HTML-escaped exactly once, and records that
overlap without nesting (a date inside a person's post, a place crossing a
quantity) are split into fragments so the tags still nest. A record's first
fragment carries its anchor ``id`` and is the one keyboard stop; every
fragment carries ``data-rec`` so the page can find all parts of a record.

>>> import re
>>> html = highlight("A<b>C", [Span("x", 0, 3, "x1"), Span("y", 2, 5, "y1")])
>>> re.sub(r' (class|tabindex|data-rec)="[^"]*"', "", html)
'<mark id="x1">A&lt;<mark id="y1">b</mark></mark><mark data-part="2">&gt;C</mark>'
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True, slots=True)
class Span:
    """One record to highlight: its type, offsets into the text and its anchor (unique in the page)."""

    type: str
    start: int
    end: int
    anchor: str


def _order(span: Span) -> tuple[int, int, str]:
    """Outer spans open first: earlier start, then longer, then by anchor for a stable page."""
    return (span.start, -span.end, span.anchor)


def highlight(text: str, spans: list[Span]) -> str:
    """``text`` escaped, one ``<mark>`` per span (split where spans cross); empty or out-of-range spans left out."""
    spans = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=_order)
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    parts: list[str] = []
    open_spans: list[Span] = []
    active: list[Span] = []  # the spans covering the current segment, outer first
    waiting = iter(spans)
    upcoming = next(waiting, None)
    fragments: dict[str, int] = {}
    for left, right in itertools.pairwise(bounds):
        active = [s for s in active if s.end > left]
        while upcoming is not None and upcoming.start == left:
            active.append(upcoming)
            upcoming = next(waiting, None)
        covering = sorted(active, key=_order)
        keep = 0
        while keep < min(len(open_spans), len(covering)) and open_spans[keep] is covering[keep]:
            keep += 1
        parts.append("</mark>" * (len(open_spans) - keep))
        for span in covering[keep:]:
            fragments[span.anchor] = fragments.get(span.anchor, 0) + 1
            parts.append(_open_tag(span, fragments[span.anchor]))
        open_spans = covering
        parts.append(escape(text[left:right], quote=False))
    parts.append("</mark>" * len(open_spans))
    return "".join(parts)


def _open_tag(span: Span, fragment: int) -> str:
    anchor = escape(span.anchor)
    common = f'<mark class="rec t-{escape(span.type)}" data-rec="{anchor}"'
    if fragment == 1:
        return f'{common} id="{anchor}" tabindex="0">'
    return f'{common} data-part="{fragment}" tabindex="-1">'
