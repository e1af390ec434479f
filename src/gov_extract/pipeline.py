"""``extract()`` and ``explain()``: text -> context -> finders' candidates -> resolve -> records.

Pure and re-entrant: after the first (cached) load of the rule data, no global
state is written but small caches of pure results (which date rules can open with
some text; jieba's name readings in the article being read), so threads and
processes may call them freely.
"""

from __future__ import annotations

from collections.abc import Callable

from . import context, dates, persons, places, quantities, resolve
from .context import ArticleContext
from .records import Extraction, Record
from .rules import Candidate
from .text import Document

# The finders in the order they run. Each takes the document and its context and proposes
# candidates in original offsets; dates run before amounts (:func:`propose`).
FINDERS = (
    ("dates", dates.find),
    ("quantities", quantities.find),
    ("places", places.find),
    ("persons", persons.find),
)


def propose(
    find: Callable[[Document, ArticleContext], list[Candidate]],
    doc: Document,
    ctx: ArticleContext,
    found: list[Candidate],
) -> list[Candidate]:
    """The candidates of one finder, ``found`` those of the finders before it. The resolver's first
    rule (``date_holds_its_numerals``) drops every amount overlapping a date, so the amounts'
    finder is given the dates' spans and reads no numeral inside one: the same records, without
    reading what would be dropped (tests/test_amounts_outside_dates.py)."""
    if find is quantities.find:
        held = sorted(doc.clean_span(c.record.start, c.record.end) for c in found if c.record.type == "date")
        return quantities.find(doc, ctx, held)
    return find(doc, ctx)


def _settled(
    text: str, doc_id: str | None, pub_date: object, home_place: str | None
) -> tuple[ArticleContext, list[Candidate]]:
    """The article's context and the candidates the resolver keeps, in record order."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if doc_id is not None and not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be str or None, got {type(doc_id).__name__}")
    doc = Document(text)
    ctx = context.resolve(doc, doc_id=doc_id, pub_date=pub_date, home_place=home_place)
    candidates: list[Candidate] = []
    for _name, find in FINDERS:
        candidates.extend(propose(find, doc, ctx, candidates))
    return ctx, resolve.settle(doc, candidates)


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
    ctx, kept = _settled(text, doc_id, pub_date, home_place)
    home = ctx.home_place
    # Every value is already of its field's type (the records were validated as they were made,
    # the context by context.resolve): validating again would only re-check each record's type.
    return Extraction.model_construct(
        doc_id=doc_id,
        records=[candidate.record for candidate in kept],
        pub_date=ctx.pub_date,
        pub_date_source=ctx.pub_date_source,
        pub_date_span=ctx.pub_date_span,
        home_place=home.name if home else None,
        home_place_adcode=home.adcode if home else None,
        home_place_source=ctx.home_place_source,
        home_place_span=ctx.home_place_span,
        home_place_candidates=list(home.candidates) if home else [],
    )


def explain(
    text: str,
    *,
    doc_id: str | None = None,
    pub_date: object = None,
    home_place: str | None = None,
) -> list[tuple[Record, str]]:
    """The records :func:`extract` returns, in the same order, each with the name of the rule
    that made it (``amount.numeral_unit``, ``place.division``, ``person.chain``): a
    debugging aid, not part of the records.

    >>> [(r.text, rule) for r, rule in explain("全年完成造林11.36万亩。", pub_date="2024-12-30")]
    [('11.36万亩', 'amount.numeral_unit')]
    """
    _ctx, kept = _settled(text, doc_id, pub_date, home_place)
    return [(candidate.record, candidate.rule) for candidate in kept]
