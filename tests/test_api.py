"""The public API: argument checking, context reporting, plain serialisable records, the CLI."""

from __future__ import annotations

import json
import pickle
from datetime import date

import pytest

import gov_extract
from gov_extract import Extraction, extract
from gov_extract.cli import main as cli_main

SAMPLE = "本报讯（记者 王明）2024年3月5日，全县完成造林11.36万亩，投入资金2600万元，成活率达95%。"


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["list"]])
def test_text_must_be_str(bad: object) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        extract(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad", ["2024/13/01", "yesterday", "2024-02-30", "2024-03/06", "06/03/2024", "2024-03-06x", "0001-01-01"]
)
def test_malformed_pub_date_is_a_value_error_naming_it(bad: str) -> None:
    with pytest.raises(ValueError, match="pub_date"):
        extract(SAMPLE, pub_date=bad)


def test_pub_date_of_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="pub_date"):
        extract(SAMPLE, pub_date=20240305)


def test_home_place_of_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="home_place"):
        extract(SAMPLE, home_place=141100)  # type: ignore[arg-type]


def test_doc_id_of_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="doc_id"):
        extract(SAMPLE, doc_id=7)  # type: ignore[arg-type]


def test_given_pub_date_is_reported_and_accepted_as_date_or_string() -> None:
    a = extract(SAMPLE, pub_date="2024-03-06")
    b = extract(SAMPLE, pub_date=date(2024, 3, 6))
    assert a.pub_date == b.pub_date == date(2024, 3, 6)
    assert a.pub_date_source == "given"
    assert a.records == b.records


def test_no_pub_date_is_never_today() -> None:
    result = extract("今年全县新增就业1200人。")
    assert result.pub_date_source in ("none", "inferred")
    assert result.pub_date != date.today() or result.pub_date_source == "inferred"
    for record in result.of_type("date"):
        assert record.start_date is None or result.pub_date_source == "inferred"


def test_records_carry_doc_id_and_round_trip_through_json_and_pickle() -> None:
    result = extract(SAMPLE, doc_id="a1", pub_date="2024-03-06")
    assert result.records, "the sample states several facts"
    for record in result.records:
        assert record.doc_id == "a1"
        assert SAMPLE[record.start : record.end] == record.text
    dumped = result.model_dump(mode="json")
    assert Extraction.model_validate(json.loads(json.dumps(dumped, ensure_ascii=False))) == result
    assert pickle.loads(pickle.dumps(result)) == result


def test_records_are_sorted_by_offset() -> None:
    result = extract(SAMPLE, pub_date="2024-03-06")
    keys = [(r.start, r.end) for r in result.records]
    assert keys == sorted(keys)


def test_version_is_exposed() -> None:
    assert gov_extract.__version__


def test_cli_prints_json_lines(tmp_path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE, encoding="utf-8")
    assert cli_main([str(tmp_path), "--pub-date", "2024-03-06"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines
    for line in lines:
        record = json.loads(line)
        assert record["doc_id"] == "a.txt"  # the path relative to the folder: stems of two folders collide
        assert SAMPLE[record["start"] : record["end"]] == record["text"]


def test_cli_rejects_missing_path(tmp_path) -> None:
    with pytest.raises(SystemExit):
        cli_main([str(tmp_path / "missing.txt")])


@pytest.mark.parametrize(
    ("given", "adcode"),
    [
        ("吕梁市", "141100"),
        ("昭化", "510811"),
        ("510811", "510811"),
        ("广元市昭化区", "510811"),
        ("四川省广元市昭化区", "510811"),
        ("宁波市江北区庄桥街道", "330205"),
        ("呼伦贝尔市鄂温克族自治旗", "150724"),
        ("贵州省黔东南苗族侗族自治州雷山县", "522634"),
        ("四川 广元 昭化", "510811"),
        ("四川省/广元市/昭化区", "510811"),
        ("四川省-广元市-昭化区", "510811"),
        ("四川省·广元市·昭化区", "510811"),
        ("四川省、广元市、昭化区", "510811"),
        (" 浙江省 宁波市 江北区 ", "330205"),
    ],
)
def test_home_place_as_users_hold_it(given: str, adcode: str) -> None:
    result = extract("全市完成造林11.36万亩。", pub_date="2024-03-06", home_place=given)
    assert (result.home_place_adcode, result.home_place_source) == (adcode, "given")


def test_blank_home_place_is_none() -> None:
    result = extract("全市完成造林11.36万亩。", pub_date="2024-03-06", home_place="  ")
    assert (result.home_place_adcode, result.home_place_source) == (None, "none")


def test_unknown_home_place_names_close_matches() -> None:
    with pytest.raises(ValueError, match="吕梁市"):
        extract("全市完成造林。", home_place="吕粱市")


@pytest.mark.parametrize(
    "given",
    [
        "2024-03-06",
        "2024/3/6",
        "2024.03.06",
        "2024年3月6日",
        "20240306",
        "2024-03-06 09:30:00",
        "2024-03-06T09:30:00+08:00",
        " 2024-3-6 ",
        "2024年3月6日 星期三",
        "2024年3月6号",
        "2024年03月06日09:30",
        "2024/3/6 上午9:30",
        "2024-03-06 09:30:00 +08:00",
        "２０２４－０３－０６",
        "2024-W10-3",
    ],
)
def test_pub_date_as_exports_hold_it(given: str) -> None:
    from datetime import date

    assert extract("今年完成造林。", pub_date=given).pub_date == date(2024, 3, 6)


@pytest.mark.parametrize("blank", ["", "  "])
def test_blank_pub_date_is_none(blank: str) -> None:
    assert extract("今年完成造林。", pub_date=blank).pub_date_source == "none"


def test_pub_date_may_be_a_datetime() -> None:
    from datetime import date, datetime

    result = extract("今年完成造林。", pub_date=datetime(2024, 3, 6, 9, 30))
    assert result.pub_date == date(2024, 3, 6)
