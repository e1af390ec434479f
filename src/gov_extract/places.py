"""Place records: the gazetteer of divisions with adcodes, below-county forms, references."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .records import Record
from .text import Document

if TYPE_CHECKING:
    from .context import ArticleContext


@dataclass(frozen=True, slots=True)
class Division:
    """One province, city or county-level division as of some year."""

    name: str
    adcode: str
    level: str
    full_name: str


def lookup_home_place(name: str, as_of: date | None) -> Division | None:
    """The division a caller's ``home_place`` names, or None if it names none."""
    return Division(name=name, adcode="", level="city", full_name=name)


def infer_home_place(doc: Document, as_of: date | None) -> tuple[Division, tuple[int, int]] | None:
    """The publisher's place read off the article (masthead, dateline), and its span."""
    return None


def find(doc: Document, ctx: ArticleContext) -> list[Record]:
    return []
