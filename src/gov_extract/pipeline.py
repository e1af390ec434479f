"""``extract()``: the one public entry point, wiring text -> context -> finders -> records.

Pure and re-entrant: no global state is written after the first (cached)
load of the rule data, so threads and processes may call it freely.
"""

from __future__ import annotations

from bisect import bisect_right

from . import context, dates, persons, places, quantities
from .records import Extraction, Record
from .text import Document

# Each finder takes the document and its context and returns records in original offsets.
FINDERS = (
    ("quantities", quantities.find),
    ("dates", dates.find),
    ("places", places.find),
    ("persons", persons.find),
)


_AMOUNT_TYPES = frozenset(("quantity", "money", "percentage"))


def _without_amounts_inside_dates(records: list[Record]) -> list[Record]:
    """A numeral a date expression holds is not also an amount (下周三起: 下周三, not 三起)."""
    dates = sorted((r.start, r.end) for r in records if r.type == "date")
    if not dates:
        return records
    starts = [start for start, _ in dates]

    def inside_date(record: Record) -> bool:
        k = bisect_right(starts, record.start) - 1
        before = k >= 0 and dates[k][1] > record.start
        after = k + 1 < len(dates) and dates[k + 1][0] < record.end
        return before or after

    return [r for r in records if r.type not in _AMOUNT_TYPES or not inside_date(r)]


def extract(
    text: str,
    *,
    doc_id: str | None = None,
    pub_date: object = None,
    home_place: str | None = None,
) -> Extraction:
    """Extract every record type from one article.

    ``pub_date`` (a ``date`` or ``"YYYY-MM-DD"``) anchors relative dates and is
    never replaced by today's date; without it the date is inferred from the
    article's dateline or left unknown. ``home_place`` (``"吕梁市"``) anchors
    我市/全市; without it the publisher's place is inferred or left unknown.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if doc_id is not None and not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be str or None, got {type(doc_id).__name__}")
    doc = Document(text)
    ctx = context.resolve(doc, doc_id=doc_id, pub_date=pub_date, home_place=home_place)
    records: list[Record] = []
    for _name, find in FINDERS:
        records.extend(find(doc, ctx))
    records = _without_amounts_inside_dates(records)
    records.sort(key=lambda r: (r.start, r.end, r.type))
    home = ctx.home_place
    return Extraction(
        doc_id=doc_id,
        records=records,
        pub_date=ctx.pub_date,
        pub_date_source=ctx.pub_date_source,
        pub_date_span=ctx.pub_date_span,
        home_place=home.name if home else None,
        home_place_adcode=home.adcode if home else None,
        home_place_source=ctx.home_place_source,
        home_place_span=ctx.home_place_span,
    )
