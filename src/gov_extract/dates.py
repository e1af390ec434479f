"""Date records: calendar expressions anchored to the article's date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .records import Record
from .text import Document

if TYPE_CHECKING:
    from .context import ArticleContext


def infer_pub_date(doc: Document) -> tuple[date, tuple[int, int]] | None:
    """The article's own date (dateline, 发布时间) and its span in the original, if it states one."""
    return None


def find(doc: Document, ctx: ArticleContext) -> list[Record]:
    return []
