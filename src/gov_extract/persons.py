"""Person records: officials with their posts, reporters in bylines, other named people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .records import Record
from .text import Document

if TYPE_CHECKING:
    from .context import ArticleContext


def find(doc: Document, ctx: ArticleContext) -> list[Record]:
    return []
