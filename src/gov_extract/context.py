"""Article context: the date and the home place every relative mention is resolved against.

This module owns :class:`ArticleContext` and decides, once per article, which
``pub_date`` and ``home_place`` apply: the caller's (``given``), one read off
the article (``inferred``, with the span it came from), or ``none``. It never
falls back to today's date. The article's own date is read by
:mod:`gov_extract.dateline`, its home place by :mod:`gov_extract.home_place`;
both know nothing of the finders, and no finder is imported here.

The context also carries the article's one gazetteer pass (``place_surfaces``):
home-place inference reads it, and the place finder reads it again, so the
automaton passes over each article once without any cache between calls.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

import regex

from . import word_index
from .dateline import infer_pub_date
from .home_place import Division, close_names, infer_home_place, lookup_home_place
from .records import ContextSource
from .text import Document


@dataclass(frozen=True, slots=True)
class ArticleContext:
    doc_id: str | None
    pub_date: date | None
    pub_date_source: ContextSource
    pub_date_span: tuple[int, int] | None
    home_place: Division | None
    home_place_source: ContextSource
    home_place_span: tuple[int, int] | None
    # Gazetteer surfaces in ``doc.clean``: (start, end, surface), leftmost first, longest at each start.
    place_surfaces: tuple[tuple[int, int, str], ...]


# A date as manifests and crawl exports hold it: 2024-03-06, 2024/3/6, 2024.03.06, 2024年3月6日(号),
# 20240306, and any of them with what follows after a space, a T or a Chinese time word (a time, a
# zone, 星期三, 上午9:30), whose date part is the publisher's own day. Anything else is tried as ISO 8601
# (2024-W10-3).
_PUB_DATE = regex.compile(
    r"(?<year>[0-9]{4})(?:(?<sep>[-/.])(?<month>[0-9]{1,2})(?P=sep)(?<day>[0-9]{1,2})"
    r"|年(?<month>[0-9]{1,2})月(?<day>[0-9]{1,2})[日号]?|(?<month>[0-9]{2})(?<day>[0-9]{2}))"
    r"(?:$|[\sT]|星期|周|上午|下午|中午|晚上|凌晨|[0-9]{1,2}[:时])"
)

# The years an article can be from: a date outside them is a typo or a null stand-in (0001-01-01).
_PUB_YEARS = range(1900, 2101)


def parse_pub_date(value: object) -> date | None:
    """Accept ``None``, a ``date``, a ``datetime`` (its date part) or a date string as exports hold it
    (``2024-03-06``, ``2024/3/6``, ``2024年3月6日``, with or without a time); a blank string is none;
    anything else is an error naming the argument."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _plausible(value.date(), value)
    if isinstance(value, date):
        return _plausible(value, value)
    if not isinstance(value, str):
        raise TypeError(f"pub_date must be a datetime.date or a date string ('2024-03-06'), got {type(value).__name__}")
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return None
    m = _PUB_DATE.match(text)
    try:
        parsed = date(int(m["year"]), int(m["month"]), int(m["day"])) if m else date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"pub_date must be a date such as '2024-03-06', '2024/3/6' or '2024年3月6日', got {value!r}"
        ) from None
    return _plausible(parsed, value)


def _plausible(day: date, value: object) -> date:
    if day.year not in _PUB_YEARS:
        raise ValueError(f"pub_date {value!r} is outside the years {_PUB_YEARS.start}-{_PUB_YEARS.stop - 1}")
    return day


def resolve(doc: Document, *, doc_id: str | None, pub_date: object, home_place: object) -> ArticleContext:
    """The context for one article: given values first, then inference, else none."""
    given_date = parse_pub_date(pub_date)
    anchor: date | None
    date_source: ContextSource
    date_span: tuple[int, int] | None
    home: Division | None
    home_source: ContextSource
    home_span: tuple[int, int] | None
    if given_date is not None:
        anchor, date_source, date_span = given_date, "given", None
    else:
        inferred = infer_pub_date(doc)
        if inferred is None:
            anchor, date_source, date_span = None, "none", None
        else:
            anchor, date_span = inferred
            date_source = "inferred"

    if home_place is not None and not isinstance(home_place, str):
        raise TypeError(f"home_place must be a place name string, got {type(home_place).__name__}")
    surfaces = word_index.place_surfaces(doc.clean)
    # A blank manifest cell is no home place, as an empty one is.
    if home_place and not home_place.isspace():
        division = lookup_home_place(home_place, anchor, surfaces)
        if division is None:
            close = close_names(home_place)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ValueError(
                f"home_place {home_place!r} names no province, city, county, zone or township"
                f" (nor an adcode or a chain of them){hint}"
            )
        home, home_source, home_span = division, "given", None
    else:
        found = infer_home_place(doc, anchor, surfaces)
        if found is None:
            home, home_source, home_span = None, "none", None
        else:
            home, home_span = found
            home_source = "inferred"
    return ArticleContext(
        doc_id=doc_id,
        pub_date=anchor,
        pub_date_source=date_source,
        pub_date_span=date_span,
        home_place=home,
        home_place_source=home_source,
        home_place_span=home_span,
        place_surfaces=surfaces,
    )
