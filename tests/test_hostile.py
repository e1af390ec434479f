"""Hostile input completes, and the invariants hold (issue 7).

Sizes here are small enough for a shared CI machine; ``bench/run.py`` runs
the full-size versions and prints their times. A generous wall-clock cap
only catches runaway (quadratic or exponential) behaviour, not speed.
"""

from __future__ import annotations

import time

import pytest

from gov_extract import extract

HOSTILE = {
    "digits": "1234567890" * 10_000,
    "chinese_numerals": "一二三四五六七八九十" * 10_000,
    "ellipses": "……" * 20_000,
    "one_long_line": "老旧小区改造工程项目已全部完工覆盖市本级" * 5_000,
    "many_dates": "2024年3月5日" * 2_000,
    "nested_brackets": "（“《【" * 5_000 + "1万元" + "】》”）" * 5_000,
    "surrogates_and_controls": "\ud800\udfff\x00\x07\x1b" * 5_000 + "共3个",
    "whitespace_only": " \n\t\u3000" * 20_000,
    "numbers_and_units": "3万4000元、" * 5_000,
    "digit_comma_runs": "1," * 30_000,
    "title_chains": "市委常委、副市长、" * 3_000 + "王明",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_completes_with_invariants(name: str) -> None:
    text = HOSTILE[name]
    started = time.perf_counter()
    result = extract(text, pub_date="2024-06-01")
    elapsed = time.perf_counter() - started
    for record in result.records:
        assert text[record.start : record.end] == record.text
    assert elapsed < 60, f"{name}: {elapsed:.1f}s for {len(text)} characters"


# Texts ending on the speaker line below an occasion line (dated or dashed), cut at every
# length: the line reader must stop at the text's end (an IndexError once).
_OCCASION_ENDINGS = (
    "正文。\n2023年1月6日在县政协会议上\n王刚",
    "正文。\n2022年3月9日在乌兰县第十八届人民代表大会第二次会议上\n巴 特",
    "正文。\n——在县政协会议上\n巴 特",
    "正文。\n——在县第十七届人民代表大会第五次会议上\n叶尔兰·努尔别克",
    "政府工作报告\n2024年1月8日在县人代会上\n孙 伟\n",
)


@pytest.mark.parametrize("text", _OCCASION_ENDINGS)
def test_texts_cut_on_a_speaker_line_extract(text: str) -> None:
    for cut in range(1, len(text) + 1):
        piece = text[:cut]
        for record in extract(piece, pub_date="2024-06-01").records:
            assert piece[record.start : record.end] == record.text
