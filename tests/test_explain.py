"""``explain``: every record with the name of the rule that made it; the resolver's data."""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_extract import explain, extract
from gov_extract.records import RECORD_TYPES
from gov_extract.resolve import overlap_rules
from gov_extract.sources import decode, discover

# Every bundled article as the batch job reads it (any encoding, a page's main text, an export's rows).
ARTICLES = {s.doc_id: decode(s).text for s in discover([str(Path(__file__).parents[1] / "corpora")]).sources()}

# (text, pub_date, record text, the rule expected to have made it)
RULE_CASES = [
    ("全年完成造林11.36万亩。", "2024-12-30", "11.36万亩", "amount.numeral_unit"),
    ("气温3到5度，温度适宜。", "2024-12-30", "3到5度", "amount.range"),
    ("有三四个村参加。", "2024-12-30", "三四个", "amount.approximate_pair"),
    ("覆盖率达七成。", "2024-12-30", "七成", "amount.cheng"),
    ("2025年5月下旬开工。", "2024-12-30", "2025年5月下旬", "date.year+month"),
    ("2021年至2023年连续增长。", "2024-12-30", "2021年至2023年", "date.yrange"),
    ("3月5日至4月2日施工。", "2024-12-30", "3月5日至4月2日", "date.month+day..month+day"),
    ("吕梁市完成造林。", "2024-12-30", "吕梁市", "place.division"),
    ("江苏泰州的企业。", "2024-12-30", "江苏泰州", "place.division_chain"),
    ("吕梁日报讯 我市完成造林。", "2024-12-30", "我市", "place.reference"),
    ("市委常委、副市长刘晋萍出席会议。", "2024-12-30", "刘晋萍", "person.chain"),
    ("刘晋萍表示，要抓好落实。", "2024-12-30", "刘晋萍", "person.speaker"),
    ("（记者 梁英杰）本报讯", "2024-12-30", "梁英杰", "person.byline"),
]


@pytest.mark.parametrize(("text", "pub_date", "record_text", "rule"), RULE_CASES, ids=[c[3] for c in RULE_CASES])
def test_rule_named(text: str, pub_date: str, record_text: str, rule: str) -> None:
    named = {(record.text, name) for record, name in explain(text, pub_date=pub_date)}
    assert (record_text, rule) in named


def test_the_corpus_is_read() -> None:
    assert len(ARTICLES) >= 40


@pytest.mark.parametrize("doc_id", sorted(ARTICLES))
def test_explain_returns_what_extract_returns(doc_id: str) -> None:
    text = ARTICLES[doc_id]
    pairs = explain(text, doc_id=doc_id)
    assert [record for record, _ in pairs] == extract(text, doc_id=doc_id).records
    for record, rule in pairs:
        finder, _, name = rule.partition(".")
        assert finder in {"amount", "date", "place", "person"} and name, (record.text, rule)


def test_overlap_rules_name_record_types() -> None:
    rules = overlap_rules()
    assert rules
    for rule in rules:
        assert rule.keep in RECORD_TYPES, rule.name
        assert rule.drop and rule.drop <= set(RECORD_TYPES) - {rule.keep}, rule.name
        assert rule.when in ("overlaps", "inside", "leaves"), rule.name
        finder = "amount" if rule.keep in ("quantity", "money", "percentage") else rule.keep
        assert all(name.startswith(finder + ".") for name in rule.keep_rules or ()), rule.name


def test_date_holds_its_numerals() -> None:
    """下周三起: 三起 is not an amount once the date holds 三."""
    records = extract("下周三起实行。", pub_date="2024-12-30").records
    assert [(r.type, r.text) for r in records] == [("date", "下周三")]


# The resolver's rules at work: (text, the records that stay).
RESOLVED = [
    ("兑换200澳门元。", [("money", "200澳门元")]),
    ("在三元区工作。", [("place", "三元区")]),
    ("三门峡市人民医院新建病房。", []),
    ("前往五台县考察。", [("place", "五台县")]),
    ("连续3天津城降雨。", [("quantity", "3天")]),
    ("帮助5名山区群众就业。", [("quantity", "5名")]),
    ("每户补贴300元宝山区财政承担。", [("money", "300元")]),
    ("前往名山区调研。", [("place", "名山区")]),
    ("他在天津待了3天。", [("place", "天津"), ("quantity", "3天")]),
]


@pytest.mark.parametrize(("text", "expected"), RESOLVED, ids=[text for text, _ in RESOLVED])
def test_resolved(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r.type, r.text) for r in extract(text, pub_date="2024-06-01").records] == expected
