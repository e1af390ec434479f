"""The review page (issue 16): highlighting from offsets, the command's checks, and the page in a real browser.

The browser tests serve a database built from the bundled corpus plus one
hostile article with ``gov-extract review DB --port 0`` and drive Debian's
``chromium`` through Playwright (never ``playwright install``). Without the
browser they skip locally with a reason; with CI=true they fail instead.
Set REVIEW_SCREENSHOT_TO=docs/review.png to refresh the README's screenshot, and
REVIEW_CHROMIUM to use a Chromium that is not /usr/bin/chromium.
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_extract.records import RECORD_TYPES
from gov_extract.review import check_database
from gov_extract.review import main as review_main
from gov_extract.review.fields import headline
from gov_extract.review.markup import Span, highlight

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("REVIEW_CHROMIUM", "/usr/bin/chromium"))  # Debian's; another build elsewhere
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
INJECTION = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
HOSTILE_TEXT = f"本报讯 2024年3月5日，吕梁市投入资金2600万元，完成率95%。{INJECTION}共建成12座。"
HOSTILE_DOC_ID = "注入/标题 <b>粗体</b> #1?.txt"
BROKEN_DOC_ID = "broken.txt"
ARTICLE_URL = re.compile(r"/-/gov_extract/gov_extract/article/")


class _Marks(HTMLParser):
    """Reads highlight() output back: the text, each record's text, the anchors with an id, and nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.by_record: dict[str, str] = {}
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "mark", tag
        values = dict(attrs)
        record = values["data-rec"] or ""
        self.open.append(record)
        if "id" in values:
            self.ids.append(record)

    def handle_endtag(self, tag: str) -> None:
        assert tag == "mark" and self.open, "a closing tag with nothing open"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for record in set(self.open):
            self.by_record[record] = self.by_record.get(record, "") + data


def _read_marks(html: str) -> _Marks:
    marks = _Marks()
    marks.feed(html)
    marks.close()
    assert not marks.open, "unclosed marks"
    return marks


HIGHLIGHT_CASES = [
    ("one record", "吕梁市完成造林", [(0, 3)]),
    ("nested: a place inside a person's post", "市住建局局长白旭平", [(0, 9), (0, 1)]),
    ("crossing records split into fragments", "ABCDEFG", [(0, 4), (2, 6)]),
    ("the same span twice", "12万元", [(0, 4), (0, 4)]),
    ("three crossing", "0123456789", [(0, 5), (3, 8), (6, 10)]),
    ("markup in the text is escaped", INJECTION, [(0, 8), (40, 60)]),
    ("empty and out-of-range spans are left out", "abc", [(1, 1), (2, 9)]),
]


@pytest.mark.parametrize(("text", "offsets"), [c[1:] for c in HIGHLIGHT_CASES], ids=[c[0] for c in HIGHLIGHT_CASES])
def test_highlight_keeps_text_and_every_record(text: str, offsets: list[tuple[int, int]]) -> None:
    spans = [Span("quantity", s, e, f"r{i}") for i, (s, e) in enumerate(offsets)]
    html = highlight(text, spans)
    marks = _read_marks(html)
    assert "".join(marks.text) == text
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    assert sorted(marks.ids) == sorted(s.anchor for s in valid)
    assert {s.anchor: text[s.start : s.end] for s in valid} == marks.by_record
    assert "<script" not in html and "<img" not in html


@given(
    st.text(alphabet="<>&\"'a县1", max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 30)), max_size=8),
)
def test_highlight_property(text: str, offsets: list[tuple[int, int]]) -> None:
    spans = [Span("date", s, e, f"r{i}") for i, (s, e) in enumerate(offsets)]
    html = highlight(text, spans)
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text
    marks = _read_marks(html)
    valid = {s.anchor: text[s.start : s.end] for s in spans if 0 <= s.start < s.end <= len(text)}
    assert marks.by_record == valid
    assert sorted(marks.ids) == sorted(valid)


def _plain_sqlite(path: Path) -> Path:
    sqlite3.connect(path).execute("create table t (x)").connection.close()
    return path


def _newer_schema(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("create table gov_extract_meta (key text primary key, value text)")
    connection.execute("insert into gov_extract_meta values ('schema_version', '99')")
    connection.commit()
    connection.close()
    return path


BAD_DATABASES = [
    ("missing", lambda tmp: tmp / "nothing.sqlite", "no such file"),
    ("folder", lambda tmp: tmp, "is a folder"),
    ("text file", lambda tmp: _write(tmp / "notes.sqlite", "not a database at all " * 100), "not a SQLite database"),
    ("another SQLite database", lambda tmp: _plain_sqlite(tmp / "other.sqlite"), "not a gov_extract database"),
    ("a newer schema", lambda tmp: _newer_schema(tmp / "newer.sqlite"), "schema_version 99"),
]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("make", "message"), [c[1:] for c in BAD_DATABASES], ids=[c[0] for c in BAD_DATABASES])
def test_review_refuses_what_is_no_gov_extract_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Any, message: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        review_main([str(path)])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_review_says_when_the_port_is_taken_or_datasette_missing(
    review_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("datasette")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        with pytest.raises(SystemExit) as stopped:
            review_main([str(review_db), "--port", str(taken.getsockname()[1])])
    assert stopped.value.code == 2 and "cannot listen on 127.0.0.1:" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "datasette.app", None)  # as if the extra were not installed
    with pytest.raises(SystemExit) as stopped:
        review_main([str(review_db)])
    assert stopped.value.code == 2 and "pip install 'gov-extract[review]'" in capsys.readouterr().err


def test_pages_without_a_browser(review_db: Path, tmp_path: Path) -> None:
    """Served HTML escapes the article, unknown articles are 404, other databases are left as Datasette shows them."""
    from datasette.app import Datasette

    datasette = Datasette(immutables=[str(review_db), str(_plain_sqlite(tmp_path / "other.sqlite"))])

    async def fetch(*paths: str) -> list[Any]:
        return [await datasette.client.get(path) for path in paths]

    hostile, missing, foreign, index, place, other = asyncio.run(
        fetch(
            f"/-/gov_extract/gov_extract/article/{quote(HOSTILE_DOC_ID, safe='')}",
            "/-/gov_extract/gov_extract/article/no%2Fsuch.txt",
            "/-/gov_extract/other/article/x",
            "/",
            "/gov_extract/place",
            "/other/t",
        )
    )
    assert hostile.status_code == 200
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in hostile.text and "<script>window" not in hostile.text
    assert "&lt;b&gt;粗体&lt;/b&gt;" in hostile.text and "<b>粗体" not in hostile.text
    assert (missing.status_code, foreign.status_code) == (404, 404)
    assert "Articles in gov_extract" in index.text and "Articles in other" not in index.text
    assert 'class="ge-to-article"' in place.text and "ge-to-article" not in other.text


# --- in the browser ----------------------------------------------------------------------------------------------


def _missing_browser_reason() -> str | None:
    try:
        import datasette  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError as err:
        return f"{err.name} is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk; scripts/ci-services.sh)"
    return None


@pytest.fixture(scope="module")
def review_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus plus a failing file and an article carrying markup and a script, as the README builds it."""
    workdir = tmp_path_factory.mktemp("review")
    folder = workdir / "corpora"
    shutil.copytree(ROOT / "corpora", folder)
    hostile = folder / HOSTILE_DOC_ID
    hostile.parent.mkdir(parents=True)
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / BROKEN_DOC_ID).write_bytes(b"\xef\xbb\xbf\xff\xfe broken")
    command = [sys.executable, "-m", "gov_extract.cli", "run", "corpora/", "--out", "gov_extract.sqlite", "--quiet"]
    assert subprocess.run(command, cwd=workdir, check=False).returncode == 1  # the broken file failed
    database = workdir / "gov_extract.sqlite"
    check_database(database)
    return database


@pytest.fixture(scope="module")
def server(review_db: Path) -> Iterator[str]:
    """``gov-extract review DB --port 0`` in a subprocess; yields the address it prints."""
    reason = _missing_browser_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    process = subprocess.Popen(
        [sys.executable, "-m", "gov_extract.cli", "review", str(review_db), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
        assert match, f"no address in {line!r}"
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(base_url=server, viewport={"width": 1366, "height": 768}, locale="zh-CN")
    opened = context.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []  # every script, style and font must come from the review server
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("request", lambda request: None if request.url.startswith(server) else elsewhere.append(request.url))
    yield opened
    context.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not elsewhere, f"requests to other hosts: {elsewhere}"


def _query(database: Path, sql: str, *params: Any) -> list[dict[str, Any]]:
    connection = sqlite3.connect(database)
    connection.row_factory = sqlite3.Row
    rows = [dict(row) for row in connection.execute(sql, params)]
    connection.close()
    return rows


def _records(database: Path, doc_id: str) -> list[tuple[str, str]]:
    """``(anchor, text)`` of every record of an article, as the database holds them."""
    return sorted(
        (f"{t}-{row['start']}-{row['end']}", row["text"])
        for t in RECORD_TYPES
        for row in _query(database, f'select start, "end", text from "{t}" where doc_id = ?', doc_id)
    )


def _richest_article(database: Path) -> dict[str, Any]:
    """The article with the most records among those that have every type: the one the screenshot shows."""
    have_all = " and ".join(f"n_{t} > 0" for t in RECORD_TYPES)
    return _query(database, f"select * from articles where {have_all} order by n_records desc, doc_id limit 1")[0]


# Each record's text in the page: the text of all fragments of its highlight, in document order.
HIGHLIGHTED = """() => {
  const byRecord = {};
  for (const mark of document.querySelectorAll("#ge-text mark[data-rec]")) {
    if (mark.parentElement.closest(`mark[data-rec="${mark.dataset.rec}"]`)) continue;
    byRecord[mark.dataset.rec] = (byRecord[mark.dataset.rec] || "") + mark.textContent;
  }
  const ids = [...document.querySelectorAll("#ge-text mark[id]")].map((m) => m.id);
  return {byRecord, ids};
}"""


def _open_article(page: Any, doc_id: str) -> None:
    """Opens an article from the list on ``/``, as a reader would."""
    page.goto("/")
    page.locator(f'.ge-article-list tr[data-doc-id="{doc_id}"] a').click()
    page.wait_for_url(ARTICLE_URL, wait_until="load")  # load: after the page's script has run


def test_highlights_equal_the_records_of_every_article(page: Any, review_db: Path) -> None:
    articles = _query(review_db, "select doc_id, n_records from articles where status = 'ok' order by doc_id")
    assert len(articles) > 5 and HOSTILE_DOC_ID in [a["doc_id"] for a in articles]
    for article in articles:
        page.goto(f"/-/gov_extract/gov_extract/article/{quote(article['doc_id'], safe='')}")
        found = page.evaluate(HIGHLIGHTED)
        expected = _records(review_db, article["doc_id"])
        assert len(found["ids"]) == len(expected) == article["n_records"] > 0, article
        assert sorted(found["byRecord"].items()) == expected, article
        assert sorted(found["ids"]) == [anchor for anchor, _ in expected], article


def test_the_first_page_lists_articles_with_counts_and_failures(page: Any, review_db: Path) -> None:
    (counts,) = _query(review_db, "select count(*) as n, sum(status = 'failed') as failed from articles")
    page.goto("/")
    listing = page.locator(".ge-articles")
    assert f"{counts['n']} articles" in listing.inner_text() and f"{counts['failed']} failed" in listing.inner_text()
    first = listing.locator("tbody tr").first  # failed articles come first
    assert BROKEN_DOC_ID in first.inner_text()
    assert "failed: starts with a utf-8-sig byte-order mark" in first.inner_text()
    richest = _richest_article(review_db)
    row = listing.locator(f'tr[data-doc-id="{richest["doc_id"]}"] td')
    counts_shown = [row.nth(i).inner_text() for i in range(4, 4 + 1 + len(RECORD_TYPES))]
    assert counts_shown == [str(richest[f"n_{t}"]) for t in ("records", *RECORD_TYPES)]
    first.locator("a").click()
    assert "byte-order mark but is not utf-8-sig" in page.locator(".ge-context").inner_text()


def test_type_toggles_hide_and_show_highlights(page: Any, review_db: Path) -> None:
    _open_article(page, _richest_article(review_db)["doc_id"])
    place = page.locator("#ge-text mark.t-place[id]").first
    money = page.locator("#ge-text mark.t-money[id]").first
    shown = place.evaluate("m => getComputedStyle(m).backgroundColor")
    assert shown != "rgba(0, 0, 0, 0)"
    toggle = page.get_by_role("checkbox", name=re.compile(r"^place"))
    toggle.focus()
    page.keyboard.press("Space")
    assert not toggle.is_checked()
    assert place.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert place.get_attribute("tabindex") == "-1"
    assert money.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.keyboard.press("Space")
    assert place.evaluate("m => getComputedStyle(m).backgroundColor") == shown
    assert place.get_attribute("tabindex") == "0"


def test_focus_and_hover_show_the_normalised_fields(page: Any, review_db: Path) -> None:
    (place,) = _query(
        review_db, "select rowid, * from place where full_name is not null order by doc_id, start limit 1"
    )
    (money,) = _query(review_db, "select * from money where doc_id = ? order by start limit 1", place["doc_id"]) or [
        None
    ]
    _open_article(page, place["doc_id"])
    tip = page.locator("#ge-tip")
    page.locator("#ge-legend input").last.focus()
    page.keyboard.press("Tab")  # the link that skips the highlights, shown when focused
    assert page.evaluate("document.activeElement.className") == "ge-skip"
    page.keyboard.press("Tab")  # the first highlight of the text
    first = page.evaluate("document.activeElement.id")
    assert first == min(_records(review_db, place["doc_id"]), key=lambda r: int(r[0].split("-")[1]))[0]
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.locator(f"#place-{place['start']}-{place['end']}").focus()
    assert place["adcode"] in tip.inner_text() and place["full_name"] in tip.inner_text()
    if money:
        page.locator(f"#money-{money['start']}-{money['end']}").hover()
        assert tip.is_visible() and headline("money", money) in tip.inner_text()
    page.locator(f"#place-{place['start']}-{place['end']}").focus()
    page.keyboard.press("Enter")  # to the record's row
    page.wait_for_url(re.compile(rf"/gov_extract/place/{place['rowid']}$"))
    assert place["full_name"] in page.locator("table").first.inner_text()


def test_record_rows_link_to_their_place_in_the_article(page: Any, review_db: Path) -> None:
    (place,) = _query(review_db, "select * from place where adcode is not null order by doc_id, start limit 1")
    page.goto(f"/gov_extract/place?adcode={place['adcode']}&_sort=rowid")
    link = page.locator("td.col-start a").first
    assert int(link.inner_text()) == place["start"]
    link.click()
    page.wait_for_url(ARTICLE_URL, wait_until="load")  # load: after the page's script has run
    anchor = f"place-{place['start']}-{place['end']}"
    assert page.evaluate("location.hash.slice(1)") == anchor
    assert page.locator(f"#{anchor}").inner_text() == place["text"]
    assert (
        page.evaluate("document.activeElement.id") == anchor and place["adcode"] in page.locator("#ge-tip").inner_text()
    )
    assert page.locator(f".ge-records a[href='#{anchor}']").count() == 1


def test_a_filter_narrows_the_rows_and_exports_them(page: Any, review_db: Path) -> None:
    (top,) = _query(review_db, "select unit, count(*) as n from quantity group by unit order by n desc limit 1")
    (total,) = _query(review_db, "select count(*) as n from quantity")
    assert 0 < top["n"] < total["n"]
    page.goto("/gov_extract/quantity")
    page.select_option("select[name=_filter_column]", "unit")
    page.select_option("select[name=_filter_op]", "exact")
    page.fill("input[name=_filter_value]", top["unit"])
    page.locator("input[type=submit][value=Apply]").click()
    page.wait_for_url(re.compile(r"unit"))
    assert page.locator("h3").first.inner_text().startswith(f"{top['n']} row")
    assert page.locator(".facet-info").first.is_visible()  # the unit, dimension, qualifier facets
    csv_url = page.locator("a", has_text="CSV").first.get_attribute("href")
    response = page.request.get(csv_url)
    assert response.ok
    rows = list(csv.DictReader(io.StringIO(response.text())))
    assert len(rows) == top["n"] and {row["unit"] for row in rows} == {top["unit"]}


def test_a_record_search_by_county_and_value(page: Any, review_db: Path) -> None:
    (top,) = _query(
        review_db,
        "select substr(home_place_adcode, 1, 4) as city from articles where home_place_adcode is not null"
        " group by city order by count(*) desc limit 1",
    )
    sql = (
        "select m.doc_id, m.start, m.end from money m join articles a on a.doc_id = m.doc_id"
        " where a.home_place_adcode like ? and m.value >= 1000000 order by m.doc_id, m.start"
    )
    expected = _query(review_db, sql, top["city"] + "%")
    (everything,) = _query(review_db, "select count(*) as n from money")
    assert 0 < len(expected) < everything["n"]
    page.goto("/gov_extract/money_search")
    page.get_by_label("county").fill(top["city"])
    page.get_by_label("value_min").fill("1000000")
    page.get_by_label("value_min").press("Enter")
    page.wait_for_url(re.compile(r"county="))
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == len(expected)
    first = expected[0]
    rows.first.locator("td.col-start a").click()
    page.wait_for_url(ARTICLE_URL, wait_until="load")
    assert page.evaluate("document.activeElement.id") == f"money-{first['start']}-{first['end']}"


def test_injected_markup_shows_as_text_and_runs_nothing(page: Any) -> None:
    _open_article(page, HOSTILE_DOC_ID)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert INJECTION in page.locator("#ge-text").inner_text()
    assert page.locator("#ge-text img, #ge-text script").count() == 0
    assert HOSTILE_DOC_ID in page.locator("h1").inner_text()
    for path in ("/gov_extract/articles", "/gov_extract/articles?_search=script", "/"):
        page.goto(path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path


def test_article_view_screenshot(page: Any, review_db: Path, tmp_path: Path) -> None:
    article = _richest_article(review_db)
    _open_article(page, article["doc_id"])
    page.locator("#ge-text mark.t-person[id]").first.focus()  # a name and its posts in the tooltip
    shot = tmp_path / "article-view.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 20_000
    if os.environ.get("REVIEW_SCREENSHOT_TO"):
        shutil.copyfile(shot, ROOT / os.environ["REVIEW_SCREENSHOT_TO"])
