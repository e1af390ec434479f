"""The Datasette plugin: the article view, the article list on ``/``, links from record rows into articles.

This module owns the plugin hooks. A database counts as gov_extract's when it
has the ``gov_extract_meta`` table; every other database Datasette serves is
left exactly as Datasette shows it. Pages:

- ``/-/gov_extract/<database>/article/<doc_id>``: the stored text with every
  record highlighted in place (built by :mod:`gov_extract.review.markup`, all
  text escaped), the article's context, status and error, and its records with
  links to their rows. ``doc_id`` is percent-encoded whole (slashes too).
- ``/``: Datasette's index plus, for each gov_extract database, its articles with
  record counts and failures (``templates/index.html``, ``extra_template_vars``).
- record tables and the record searches: ``doc_id`` and ``start`` cells link to the record in its article.

Templates and the bundled CSS and JavaScript sit beside this file; nothing is
loaded from another host.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import Request, Response
from markupsafe import Markup

from ...records import RECORD_TYPES
from .. import fields
from ..markup import Span, highlight

if TYPE_CHECKING:  # datasette.app imports the plugins it finds: importing it here would be circular
    from datasette.app import Datasette
    from datasette.database import Database

PLUGIN = "gov_extract"
ARTICLE_VIEW = "gov_extract_article"
ARTICLES_ON_INDEX = 500
"""The index lists this many articles per database (failed first); the articles table has them all."""

_databases: weakref.WeakKeyDictionary[Datasette, frozenset[str]] = weakref.WeakKeyDictionary()


def gov_extract_databases(datasette: Datasette) -> frozenset[str]:
    """Names of the served databases the batch job wrote (found at start-up)."""
    return _databases.get(datasette, frozenset())


@hookimpl
def startup(datasette: Datasette) -> Any:
    async def find_databases() -> None:
        found = set()
        for name, database in datasette.databases.items():
            tables = await database.execute(
                "select 1 from sqlite_master where type = 'table' and name = 'gov_extract_meta'"
            )
            if tables.first():
                found.add(name)
        _databases[datasette] = frozenset(found)

    return find_databases


def article_url(datasette: Datasette, database: str, doc_id: str, anchor: str | None = None) -> str:
    """The article view's address; ``doc_id`` may hold slashes, spaces and Chinese."""
    route = tilde_encode(datasette.get_database(database).route)
    path = datasette.urls.path(f"-/{PLUGIN}/{route}/article/{quote(doc_id, safe='')}")
    return f"{path}#{anchor}" if anchor else path


def record_anchor(record_type: str, start: int, end: int) -> str:
    """The id of a record's highlight in its article: ``place-37-40``."""
    return f"{record_type}-{start}-{end}"


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(rf"^/-/{PLUGIN}/(?P<database>[^/]+)/article/(?P<doc_id>.+)$", article_view)]


@hookimpl
def extra_css_urls(datasette: Datasette) -> list[str]:
    # On every page: the CJK font stack and the links in record tables.
    return [datasette.urls.static_plugins(PLUGIN, "review.css")]


@hookimpl
def extra_js_urls(view_name: str, datasette: Datasette) -> list[dict[str, Any]]:
    if view_name != ARTICLE_VIEW:
        return []
    # A module script runs once the page is parsed (base.html puts scripts in <head>).
    return [{"url": datasette.urls.static_plugins(PLUGIN, "review.js"), "module": True}]


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Datasette) -> Any:
    if value is None or database not in gov_extract_databases(datasette):
        return None
    if table == "articles" and column == "doc_id":
        url = article_url(datasette, database, str(value))
    elif column in ("doc_id", "start") and {"doc_id", "start", "end"} <= (keys := set(row.keys())):
        # A record table, or a search (metadata.py) whose rows say their type.
        record_type = table if table is not None else (row["type"] if "type" in keys else None)
        if record_type not in RECORD_TYPES:
            return None
        url = article_url(datasette, database, row["doc_id"], record_anchor(record_type, row["start"], row["end"]))
    else:
        return None
    return Markup('<a class="ge-to-article" href="{}" title="show in the article">{}</a>').format(url, value)


@hookimpl
def extra_template_vars(view_name: str, request: Request | None, datasette: Datasette) -> Any:
    if view_name != "index":
        return None

    async def article_lists() -> dict[str, Any]:
        actor = request.actor if request else None
        lists = []
        for name in sorted(gov_extract_databases(datasette)):
            if await datasette.permission_allowed(actor, "view-database", name, default=True):
                lists.append(await _article_list(datasette, name))
        return {"gov_extract_lists": lists}

    return article_lists


async def _article_list(datasette: Datasette, name: str) -> dict[str, Any]:
    database = datasette.get_database(name)
    queries = await datasette.get_canned_queries(name, None)
    counts = (
        await database.execute(
            "select count(*) as articles, coalesce(sum(status = 'failed'), 0) as failed,"
            " coalesce(sum(n_records), 0) as records from articles"
        )
    ).first()
    type_columns = ", ".join(f"n_{t}" for t in RECORD_TYPES)
    rows = await database.execute(
        f"select doc_id, title, status, error, pub_date, home_place, n_records, {type_columns}"
        " from articles order by status = 'failed' desc, doc_id limit ?",
        [ARTICLES_ON_INDEX],
    )
    articles = [{**dict(row), "url": article_url(datasette, name, row["doc_id"])} for row in rows.rows]
    return {
        "database": name,
        "articles": articles,
        "counts": dict(counts),
        "types": RECORD_TYPES,
        "articles_table": datasette.urls.table(name, "articles"),
        "failed_url": datasette.urls.table(name, "articles") + "?status=failed",
        "tables": {t: datasette.urls.table(name, t) for t in RECORD_TYPES},
        "searches": {t: datasette.urls.query(name, f"{t}_search") for t in RECORD_TYPES if f"{t}_search" in queries},
    }


def _database_for_route(datasette: Datasette, route: str) -> tuple[str, Database] | None:
    for name in gov_extract_databases(datasette):
        database = datasette.get_database(name)
        if database.route == tilde_decode(route):
            return name, database
    return None


async def _not_found(datasette: Datasette, request: Request, message: str) -> Response:
    # Answered here: a NotFound raised for a path with %-escapes makes Datasette redirect to a ~-escaped guess.
    context = {"ok": False, "error": message, "status": 404, "title": "Not found"}
    html = await datasette.render_template("error.html", context, request=request)
    return Response.html(html, status=404)


async def article_view(datasette: Datasette, request: Request) -> Response:
    found = _database_for_route(datasette, request.url_vars["database"])
    if found is None:
        return await _not_found(datasette, request, "No gov_extract database is served under that name.")
    name, database = found
    await datasette.ensure_permissions(
        request.actor, [("view-table", (name, "articles")), ("view-database", name), "view-instance"]
    )
    doc_id = unquote(request.url_vars["doc_id"])
    article = (await database.execute("select * from articles where doc_id = ?", [doc_id])).first()
    if article is None:
        return await _not_found(datasette, request, f"No article {doc_id!r} in {name}.")
    article = dict(article)
    text: str = article["text"] or ""
    records = await _records(datasette, name, database, doc_id)
    context = {
        "database": name,
        "database_url": datasette.urls.database(name),
        "article_row_url": datasette.urls.row(name, "articles", tilde_encode(doc_id)),
        "article": article,
        "text_html": Markup(highlight(text, [Span(r["type"], r["start"], r["end"], r["anchor"]) for r in records])),
        "records": records,
        "tips": {r["anchor"]: {k: r[k] for k in ("type", "text", "headline", "details", "row_url")} for r in records},
        "types": [(t, sum(r["type"] == t for r in records)) for t in RECORD_TYPES],
        "context_spans": {
            key: text[article[f"{key}_span_start"] : article[f"{key}_span_end"]]
            for key in ("pub_date", "home_place")
            if article[f"{key}_span_start"] is not None
        },
        "link": article["url"] if str(article["url"] or "").startswith(("http://", "https://")) else None,
    }
    return Response.html(
        await datasette.render_template("gov_extract_article.html", context, request=request, view_name=ARTICLE_VIEW)
    )


async def _records(datasette: Datasette, name: str, database: Database, doc_id: str) -> list[dict[str, Any]]:
    """Every record of the article in text order, with its anchor, normalised fields and row address."""
    records = []
    seen: set[str] = set()
    for record_type in RECORD_TYPES:
        rows = await database.execute(f'select rowid, * from "{record_type}" where doc_id = ?', [doc_id])
        for row in rows.rows:
            values = dict(row)
            anchor = record_anchor(record_type, values["start"], values["end"])
            while anchor in seen:  # the same span twice: later copies get their own id
                anchor += "+"
            seen.add(anchor)
            records.append(
                {
                    **values,
                    "type": record_type,
                    "anchor": anchor,
                    "headline": fields.headline(record_type, values),
                    "details": fields.details(record_type, values),
                    "row_url": datasette.urls.row(name, record_type, str(values["rowid"])),
                    "division_url": _division_url(datasette, name, values) if record_type == "place" else None,
                }
            )
    records.sort(key=lambda r: (r["start"], -r["end"], RECORD_TYPES.index(r["type"])))
    return records


def _division_url(datasette: Datasette, name: str, place: dict[str, Any]) -> str | None:
    """The place table filtered by adcode prefix to the place's division: 45 province, 4501 city, 450126 county."""
    adcode = place.get("adcode")
    if not adcode or len(adcode) < 6:
        return None
    prefix = adcode[:6]
    while prefix.endswith("00"):
        prefix = prefix[:-2]
    return datasette.urls.table(name, "place") + f"?adcode__startswith={prefix}"
