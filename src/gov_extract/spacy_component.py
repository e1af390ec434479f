"""The spaCy v3 pipeline component ``gov_extract``: records as spans of a ``Doc``.

This module owns the bridge between :func:`gov_extract.extract` and spaCy, and
nothing else: it calls ``extract()`` on ``doc.text`` and lays the result over
the doc, so the records are exactly ``extract()``'s.

- ``doc.spans["gov_extract"]``: one span per record, label = record type,
  aligned outwards to token boundaries (``alignment_mode="expand"``) when a
  record does not fall on them; ``span.id_`` is the record's position in
  ``doc._.gov_extract.records``.
- ``span._.record``: the record itself, with its exact character offsets.
- ``doc._.gov_extract``: the whole :class:`~gov_extract.Extraction`.

Docs cross process boundaries (``nlp.pipe(n_process=2)``) and disk as bytes,
and spaCy serialises ``doc._`` values with msgpack, which knows no pydantic
model. So the doc stores the extraction in its JSON form
(``doc._.gov_extract_data``) and the two extensions above rebuild the models
on access.

The article context (``pub_date``, ``home_place``, ``doc_id``) comes from the
component's config, or per doc from ``doc._.gov_extract_context``, which
:func:`pipe` sets from ``(text, context)`` pairs before the pipeline runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError as err:
    raise ImportError('gov_extract\'s spaCy component needs spaCy: pip install "gov-extract[spacy]"') from err

from pydantic import TypeAdapter

from .pipeline import extract
from .records import Extraction, Record

SPANS_KEY = "gov_extract"
CONTEXT_KEYS = frozenset(("doc_id", "pub_date", "home_place"))

_RECORD = TypeAdapter(Record)


def _extraction(doc: Doc) -> Extraction | None:
    data = doc._.gov_extract_data
    return None if data is None else Extraction.model_validate(data)


def _record(span: Span) -> Record | None:
    """The record a span of ``doc.spans["gov_extract"]`` stands for; None for any other span."""
    data = span.doc._.gov_extract_data
    if data is None or not span.id_.isdigit():
        return None
    return _RECORD.validate_python(data["records"][int(span.id_)])


for _owner, _name, _kwargs in (
    (Doc, "gov_extract_context", {"default": None}),
    (Doc, "gov_extract_data", {"default": None}),
    (Doc, "gov_extract", {"getter": _extraction}),
    (Span, "record", {"getter": _record}),
):
    if not _owner.has_extension(_name):
        _owner.set_extension(_name, **_kwargs)


def _plain(value: Any) -> Any:
    """A date or datetime as its ISO day, so it survives msgpack; anything else as it is."""
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, date) else value


def _plain_context(context: Mapping[str, Any]) -> dict[str, Any]:
    """The context as msgpack can carry it; unknown keys are an error."""
    unknown = set(context) - CONTEXT_KEYS
    if unknown:
        raise ValueError(f"gov_extract context keys are {sorted(CONTEXT_KEYS)}, got {sorted(unknown)}")
    return {key: _plain(value) for key, value in context.items()}


class GovExtract:
    """Runs :func:`gov_extract.extract` on each doc and stores its records as spans."""

    def __init__(self, *, pub_date: str | None = None, home_place: str | None = None) -> None:
        # extract() checks both arguments; fail when the pipeline is built, not on its first doc.
        extract("", pub_date=pub_date, home_place=home_place)
        self.pub_date = pub_date
        self.home_place = home_place

    def __call__(self, doc: Doc) -> Doc:
        context = _plain_context(doc._.gov_extract_context or {})
        result = extract(
            doc.text,
            doc_id=context.get("doc_id"),
            pub_date=context.get("pub_date", self.pub_date),
            home_place=context.get("home_place", self.home_place),
        )
        # The record's position, not its offsets, is the span id: ids enter the shared
        # StringStore, and positions keep its growth bounded over a long stream of docs.
        spans = []
        for i, record in enumerate(result.records):
            span = doc.char_span(record.start, record.end, label=record.type, alignment_mode="expand", span_id=str(i))
            if span is None:  # only a stretch of whitespace outside every token, which no record is
                raise ValueError(f"record {record.text!r} at {record.start}:{record.end} covers no token")
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        doc._.gov_extract_data = result.model_dump(mode="json")
        return doc


@Language.factory(
    "gov_extract",
    default_config={"pub_date": None, "home_place": None},
    assigns=["doc.spans", "doc._.gov_extract", "span._.record"],
)
def make_component(nlp: Language, name: str, pub_date: str | None, home_place: str | None) -> GovExtract:
    """``nlp.add_pipe("gov_extract", config={"pub_date": "2024-03-06", "home_place": "吕梁市"})``."""
    return GovExtract(pub_date=pub_date, home_place=home_place)


def pipe(
    nlp: Language, items: Iterable[tuple[str, Mapping[str, Any]]], **pipe_kwargs: Any
) -> Iterator[tuple[Doc, Mapping[str, Any]]]:
    """``nlp.pipe(items, as_tuples=True)`` where each context also reaches the component.

    ``items`` are ``(text, context)`` pairs; the context may hold ``doc_id``,
    ``pub_date`` (``date``, ``datetime`` or a date string such as ``"2024-03-06"``) and ``home_place``, and wins over
    the component's config. spaCy gives components no access to the tuple's
    context, so each text is made into a doc here and the context set on it as
    ``doc._.gov_extract_context``; ``pipe_kwargs`` (``n_process``,
    ``batch_size``, ...) go to ``nlp.pipe``. Yields ``(doc, context)`` pairs in order.
    """

    def docs_with_context() -> Iterator[tuple[Doc, Mapping[str, Any]]]:
        for text, context in items:
            doc = nlp.make_doc(text)
            doc._.gov_extract_context = _plain_context(context)
            yield doc, context

    return nlp.pipe(docs_with_context(), as_tuples=True, **pipe_kwargs)
