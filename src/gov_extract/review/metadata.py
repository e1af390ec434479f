"""What ``gov-extract review`` tells Datasette about the batch job's database: facets, column notes, record searches.

This module owns the Datasette metadata: the facets above each table, the
notes under each column (from :mod:`gov_extract.schema`), and one canned query
per record type that filters its records by the article's county (adcode
prefix of the home place) and date, plus the type's own fields (unit, value
range, date range, role). Record tables filter on their own columns with
Datasette's filters; the searches add what needs the ``articles`` row.

>>> sorted(datasette_metadata(Path("gov_extract.sqlite"))["databases"]["gov_extract"]["queries"])[:2]
['date_search', 'money_search']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..records import RECORD_TYPES
from ..schema import TABLES

FACETS: dict[str, list[str]] = {
    "articles": ["status", "pub_date_source", "home_place_source", "encoding"],
    "quantity": ["unit", "dimension", "qualifier"],
    "money": ["currency", "qualifier"],
    "percentage": ["kind", "qualifier"],
    "date": ["granularity", "relative", "as_of"],
    "place": ["level", "reference", "adcode"],
    "person": ["role", "org_full"],
}

# Every search: the article's county or any division above it, and its date.
ARTICLE_FILTERS = {
    "county": "a.home_place_adcode like :county || '%'",
    "pub_date_from": "a.pub_date >= :pub_date_from",
    "pub_date_to": "a.pub_date <= :pub_date_to",
}
# A type's own fields; an empty box leaves its condition out.
RECORD_FILTERS: dict[str, dict[str, str]] = {
    "quantity": {"unit": "r.unit = :unit", "value_min": "r.value >= :value_min", "value_max": "r.value <= :value_max"},
    "money": {"value_min": "r.value >= :value_min", "value_max": "r.value <= :value_max"},
    "percentage": {"value_min": "r.value >= :value_min", "value_max": "r.value <= :value_max"},
    "date": {"starts_from": "r.start_date >= :starts_from", "ends_by": "r.end_date <= :ends_by"},
    "place": {"adcode": "r.adcode like :adcode || '%'", "level": "r.level = :level"},
    "person": {"role": "r.role = :role", "name": "r.name = :name"},
}


def _search(record_type: str) -> dict[str, Any]:
    filters = {**ARTICLE_FILTERS, **RECORD_FILTERS[record_type]}
    where = "\n  and ".join(f"(:{param} = '' or {condition})" for param, condition in filters.items())
    sql = (
        f"select '{record_type}' as type, r.*, a.pub_date, a.home_place, a.home_place_adcode\n"
        f'from "{record_type}" r join articles a on a.doc_id = r.doc_id\n'
        f"where {where}\n"
        "order by r.doc_id, r.start"
    )
    return {
        "sql": sql,
        "title": f"{record_type} records by county, date and " + ", ".join(RECORD_FILTERS[record_type]),
        "description": "county: the article's home place adcode or its first digits (4501 for a city); "
        "dates YYYY-MM-DD; leave a box empty to leave it out.",
    }


def datasette_metadata(path: Path) -> dict[str, Any]:
    """Title, facets, column notes and record searches for the database Datasette names after the file's stem."""
    tables = {
        table: {"facets": FACETS.get(table, []), "columns": {c.name: c.doc for c in columns if c.doc}}
        for table, columns in TABLES.items()
    }
    return {
        "title": f"gov_extract review: {path.name}",
        "description": "Open an article to see its records highlighted in the text; "
        "open a record table or search to filter, facet and export rows as CSV.",
        "databases": {path.stem: {"tables": tables, "queries": {f"{t}_search": _search(t) for t in RECORD_TYPES}}},
    }
