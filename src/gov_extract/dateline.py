"""The article's own date: read off its dateline, a labelled date or a date at its top.

This module owns :func:`infer_pub_date`, which the context module calls when the
caller gives no ``pub_date``: a full date with a weekday after it, a labelled
date (发布时间：2023-06-26), a dateline date ending in 讯, or a full date alone at
the very top of the article. It also owns the span of years any date may name.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import regex

from .resources import alternation, read_toml
from .text import Document

# Years a date may name; outside them a four-digit number is no calendar year.
MIN_YEAR, MAX_YEAR = 1840, 2100
# A full date alone counts as the article's date only this near the top.
_TOP_CHARS = 120


@cache
def _pub_re() -> regex.Pattern[str]:
    calendar = read_toml("calendar.toml")
    weekdays = alternation(calendar["weekdays"]["words"])
    full = (
        r"(?P<date>(?<!\d)(?P<y>\d{4})(?:年(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12]\d|0?[1-9])日"
        r"|(?P<sep>[\-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)))"
    )
    labels = calendar["publication_labels"]
    label = rf"(?:{alternation(labels['words'])}|{regex.escape(labels['source'])}[^\n:]{{0,30}}?)[:：]"
    return regex.compile(rf"{label}{full}|{full}(?=(?:{weekdays})|讯)|(?P<top>{full})")


def infer_pub_date(doc: Document) -> tuple[date, tuple[int, int]] | None:
    """The article's own date (dateline, 发布时间) and its span in the original, if it states one."""
    for m in _pub_re().finditer(doc.clean):
        if m["top"] and m.start() > _TOP_CHARS:
            continue
        year = int(m["y"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            continue
        try:
            found = date(year, int(m["m"]), int(m["d"]))
        except ValueError:
            continue
        start, end, _text = doc.span(*m.span("date"))
        return found, (start, end)
    return None
