"""``extract()``: the one public entry point, wiring text -> context -> finders -> records.

Pure and re-entrant: no global state is written after the first (cached)
load of the rule data, so threads and processes may call it freely.
"""

from __future__ import annotations

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
