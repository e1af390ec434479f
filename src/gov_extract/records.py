"""The public record models: one pydantic class per record type, and ``Extraction``.

This module owns the contract of ``shared/spec/records.md``:
``record.model_dump(mode="json")`` gives exactly the fields the spec names,
so sinks, the spaCy component and Spark consume records without knowing any
finder. Records are frozen and hold only plain values (str, int, float, bool,
date, lists of small models), so they pickle and serialise cheaply.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

Qualifier = Literal["approx", "more_than", "less_than", "at_least", "at_most"]
Dimension = Literal[
    "count",
    "area",
    "length",
    "mass",
    "volume",
    "energy",
    "power",
    "temperature",
    "duration",
    "age",
    "other",
]
Granularity = Literal["day", "xun", "month", "quarter", "half_year", "year", "decade", "period"]
PlaceLevel = Literal[
    "country",
    "province",
    "city",
    "county",
    "township",
    "village",
    "community",
    "zone",
    "compound",
]
Role = Literal["official", "reporter", "other"]
ContextSource = Literal["given", "inferred", "none"]


class _Record(BaseModel):
    """Fields every record shares; ``text == article[start:end]`` always holds."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str | None = None
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    text: str


class Quantity(_Record):
    type: Literal["quantity"] = "quantity"
    value: float
    value_max: float | None = None
    unit: str
    dimension: Dimension
    qualifier: Qualifier | None = None


class Money(_Record):
    type: Literal["money"] = "money"
    value: float
    value_max: float | None = None
    currency: str = "CNY"
    qualifier: Qualifier | None = None


class Percentage(_Record):
    type: Literal["percentage"] = "percentage"
    value: float
    value_max: float | None = None
    kind: Literal["percent", "point"] = "percent"
    qualifier: Qualifier | None = None


class DateRecord(_Record):
    type: Literal["date"] = "date"
    start_date: date | None = None
    end_date: date | None = None
    granularity: Granularity
    relative: bool = False
    as_of: bool = False


class Place(_Record):
    """``name`` is the place as written (Traditional stays Traditional, spaces removed);
    ``full_name`` is the gazetteer's chain in Simplified script."""

    type: Literal["place"] = "place"
    name: str
    level: PlaceLevel
    adcode: str | None = None
    full_name: str | None = None
    reference: bool = False
    candidates: list[str] = Field(default_factory=list)
    vintage: int | None = None


class Title(BaseModel):
    """One post: the body (``org``) and the post (``title``), as the article writes them; either may be null."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    org: str | None = None
    title: str | None = None


class Person(_Record):
    """``name`` and ``titles`` as written; ``org_full`` the expanded body in Simplified script."""

    type: Literal["person"] = "person"
    name: str
    role: Role
    titles: list[Title] = Field(default_factory=list)
    org_full: str | None = None


Record = Annotated[
    Quantity | Money | Percentage | DateRecord | Place | Person,
    Field(discriminator="type"),
]
RECORD_TYPES = ("quantity", "money", "percentage", "date", "place", "person")

Model = TypeVar("Model", bound=BaseModel)


def validated(model: type[Model], fields: dict[str, Any]) -> Model:
    """``model.model_validate(fields)``, asked of pydantic's validator itself: the finders make a
    record of every match, and the Python layer of ``model_validate`` or of a keyword call costs
    half as much again as the validation (the same checks run and the same model is made)."""
    return model.__pydantic_validator__.validate_python(fields)


class Extraction(BaseModel):
    """What :func:`gov_extract.extract` returns: the records and the context it used."""

    model_config = ConfigDict(frozen=True)

    doc_id: str | None = None
    records: list[Record] = Field(default_factory=list)
    pub_date: date | None = None
    pub_date_source: ContextSource = "none"
    pub_date_span: tuple[int, int] | None = None
    home_place: str | None = None
    home_place_adcode: str | None = None
    home_place_source: ContextSource = "none"
    home_place_span: tuple[int, int] | None = None
    home_place_candidates: list[str] = Field(default_factory=list)
    """The adcodes a given home place name could mean when it named several (朝阳区, 城关镇);
    ``home_place_adcode`` is the one the article's other places settled on. Empty otherwise."""
    error: str | None = None
    """Set (with no records) only by :func:`gov_extract.extract_many` for an article it could not extract."""

    def of_type(self, record_type: str) -> list[Record]:
        """The records of one type, in text order."""
        return [r for r in self.records if r.type == record_type]
