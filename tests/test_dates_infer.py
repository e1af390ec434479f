"""``dateline.infer_pub_date``: the article's own date, read only from places that state it in full."""

from __future__ import annotations

from datetime import date

import pytest

from gov_extract import extract
from gov_extract.dateline import infer_pub_date
from gov_extract.text import Document

FOUND = [
    (
        "weekday",
        "吕梁日报\n2023年05月18日 星期四\n\n本报讯（记者 张三）3月5日，……",
        "2023年05月18日",
        date(2023, 5, 18),
    ),
    (
        "label-iso",
        "市政府门户网站 发布时间：2023-06-26 10:20 来源：市发改委\n为进一步……",
        "2023-06-26",
        date(2023, 6, 26),
    ),
    ("label-cn", "发布日期：2024年1月3日\n各县（市、区）人民政府：……", "2024年1月3日", date(2024, 1, 3)),
    ("source-label", "来源：运城日报 时间：2021/11/25\n盐湖区老旧小区改造……", "2021/11/25", date(2021, 11, 25)),
    (
        "dateline-xun",
        "新华社太原2024年3月5日电 本报2024年3月5日讯 记者从省政府获悉……",
        "2024年3月5日",
        date(2024, 3, 5),
    ),
    ("top-line", "2022年9月1日\n全县秋季开学工作平稳有序。", "2022年9月1日", date(2022, 9, 1)),
    (
        "top-date-before-a-target-year",
        "2019年8月12日，全县召开脱贫攻坚推进会，要求到2020年全面脱贫。",
        "2019年8月12日",
        date(2019, 8, 12),
    ),
    ("trad-weekday", "２０２３年５月１８日 星期四\n本報訊……", "２０２３年５月１８日", date(2023, 5, 18)),
    # The closing line of a notice or a speech, in the month and day numerals of the date rules.
    (
        "closing-chinese",
        "各乡镇：\n请于月底前报送。\n特此通知。\n县人民政府办公室\n二〇二二年十一月三十日",
        "二〇二二年十一月三十日",
        date(2022, 11, 30),
    ),
    ("closing-bracketed", "同志们，让我们共同努力！\n（2021年1月9日）\n", "2021年1月9日", date(2021, 1, 9)),
    ("closing-ocr-year", "特此公告。\n镇人民政府\n2O19年7月1日", "2O19年7月1日", date(2019, 7, 1)),
]

NOT_FOUND = [
    ("dateline-no-year", "红网时刻新闻2月29日讯（记者 李四）全市召开会议。"),
    ("benbaoxun-no-year", "本报讯（记者 王涛）3月6日，全市文联工作会议召开。"),
    ("date-deep-in-text", "全市召开会议。" * 30 + "2023年5月18日，项目开工。"),
    ("invalid-date", "发布时间：2023-02-30\n正文……"),
    ("no-date", "今年以来，全县新增就业岗位2000个。"),
    ("closing-no-calendar-year", "特此通知。\n学会秘书处\n一八〇〇年三月二日"),
    ("closing-invalid-day", "特此通知。\n县人民政府\n二〇二三年二月三十日"),
    ("closing-line-holds-more", "特此通知。\n县人民政府 二〇二三年二月三日"),
    ("top-date-opens-a-past-story", "2008年5月12日，汶川特大地震发生。次年5月，重建启动；2010年底，新映秀基本建成。"),
]


@pytest.mark.parametrize(("name", "text", "span_text", "expected"), FOUND, ids=[c[0] for c in FOUND])
def test_infer_pub_date_found(name: str, text: str, span_text: str, expected: date) -> None:
    found = infer_pub_date(Document(text))
    assert found is not None, name
    day, (start, end) = found
    assert day == expected
    assert text[start:end] == span_text


@pytest.mark.parametrize(("name", "text"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_infer_pub_date_not_found(name: str, text: str) -> None:
    assert infer_pub_date(Document(text)) is None, name


def test_inferred_date_anchors_relative_dates() -> None:
    text = "2023年05月18日 星期四\n本报讯 昨日，全市召开会议。"
    result = extract(text)
    assert result.pub_date == date(2023, 5, 18)
    assert result.pub_date_source == "inferred"
    zuori = [r for r in result.of_type("date") if r.text == "昨日"]
    assert zuori and zuori[0].start_date == date(2023, 5, 17)


def test_given_date_wins_over_the_article() -> None:
    result = extract("2023年05月18日 星期四\n今年以来……", pub_date="2024-01-02")
    assert result.pub_date == date(2024, 1, 2)
    assert result.pub_date_source == "given"
