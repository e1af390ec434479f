"""``extract_many`` and the DataFrame helpers; one article whose extraction raises costs that article only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gov_extract import batch, extract, extract_many, schema
from gov_extract.frames import to_frames
from gov_extract.sinks.sqlite import SQLiteSink
from gov_extract.sources import Source

TEXTS = [
    "本报讯（记者 王明）2024年3月5日，吕梁市完成造林11.36万亩，投入资金约2600万元。",
    "县委副书记、县长吴立新出席会议。全县新增婴幼儿托位620个。",
    "今年以来，全市累计投入资金1.2亿元，完成率达106.7%。",
]


def test_results_come_in_input_order_and_equal_extract() -> None:
    items = [{"text": t, "doc_id": f"d{i}", "pub_date": "2024-03-06"} for i, t in enumerate(TEXTS * 5)]
    for jobs in (1, 2):
        results = list(extract_many(items, jobs=jobs))
        assert [r.doc_id for r in results] == [i["doc_id"] for i in items]
        for item, result in zip(items, results, strict=True):
            assert result == extract(item["text"], doc_id=item["doc_id"], pub_date="2024-03-06")


def test_a_failing_item_is_reported_and_the_others_go_on(monkeypatch) -> None:
    real = batch.extract

    def fragile(text: str, **kwargs: object):
        if "吴立新" in text:
            raise RuntimeError("rule table broke")
        return real(text, **kwargs)

    monkeypatch.setattr(batch, "extract", fragile)
    results = list(extract_many(TEXTS, pub_date="2024-03-06"))
    assert [r.error for r in results] == [None, "RuntimeError: rule table broke", None]
    assert results[1].records == [] and results[0].records


def test_a_blank_item_value_leaves_the_default() -> None:
    items = [{"text": "今年全市完成造林11.36万亩。", "pub_date": blank, "home_place": blank} for blank in ("", "  ")]
    for result in extract_many(items, pub_date="2024-03-06", home_place="吕梁市"):
        assert (str(result.pub_date), result.home_place_adcode) == ("2024-03-06", "141100")


def test_bad_items_and_jobs_are_refused() -> None:
    with pytest.raises(TypeError, match="item 1"):
        list(extract_many(["好", 3]))
    with pytest.raises(ValueError, match="jobs"):
        list(extract_many(TEXTS, jobs=0))


def test_an_exception_inside_extraction_is_a_failed_article_row(monkeypatch, tmp_path) -> None:
    def broken(text: str, **kwargs: object):
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "extract", broken)
    sources = [Source(doc_id="x", source="x", kind="row", sha256="0", text=TEXTS[0])]
    with SQLiteSink(str(tmp_path / "db.sqlite"), version="test") as sink:
        summary = batch.run(sources, sink)
        rows = sink.execute("SELECT status, error, text FROM articles")
    assert (summary.ok, summary.failed) == (0, 1)
    assert rows == [("failed", "extraction failed: RuntimeError: boom", TEXTS[0])]


@pytest.mark.parametrize("library", ["pandas", "polars"])
def test_frames_have_the_schema_columns(library) -> None:
    frames = to_frames(extract_many(TEXTS, pub_date="2024-03-06"), library=library)
    money = frames["money"]
    assert list(money.columns) == ["doc_id", "start", "end", "text", "value", "value_max", "currency", "qualifier"]
    assert sorted(money["text"].to_list()) == ["1.2亿元", "2600万元"]
    names = frames["person"]["name"].to_list()
    assert {"org": None, "title": "县长"} in frames["person"]["titles"].to_list()[names.index("吴立新")]


def test_a_pages_own_date_comes_before_the_runs_default() -> None:
    page = (
        "<html><head><title>造林</title><meta name='PubDate' content='2023-04-02 09:00'></head>"
        f"<body><div class='TRS_Editor'><p>{TEXTS[0]}</p><p>今年以来，全市完成造林任务。</p></div></body></html>"
    ).encode()
    source = Source(doc_id="p.html", source="p.html", kind="html", sha256="0", data=page)
    row = schema.as_dict("articles", batch.process(source, batch.Defaults(pub_date="2020-01-01")).article)
    assert (row["pub_date"], row["pub_date_source"]) == (date(2023, 4, 2), "page_metadata")
    given = batch.process(replace(source, pub_date="2023-05-06"), batch.Defaults(pub_date="2020-01-01")).article
    assert schema.as_dict("articles", given)["pub_date_source"] == "given"
