"""Quantity, money and percentage records: a numeral span plus a unit from ``patterns/units.toml``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .records import Record
from .text import Document

if TYPE_CHECKING:
    from .context import ArticleContext


def find(doc: Document, ctx: ArticleContext) -> list[Record]:
    return []
