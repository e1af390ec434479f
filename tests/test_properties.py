"""Invariants on arbitrary text: extract never raises, offsets always point into the article."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_extract import extract
from gov_extract.records import RECORD_TYPES

# Characters that make the finders work hard: numerals, units, calendar and place words,
# punctuation of both widths, whitespace that the text layer removes, and arbitrary code points.
NEWS_ALPHABET = list(
    "0123456789０１２３４５６７８９.,，、%％‰-~～至到一二两三四五六七八九十百千万亿余多几来数上半〇零"
    "年月日旬初底末季度世纪时分个名人户亩吨元米平方公里度℃岁小时以上左右约近超过不到第届次"
    "省市县区镇乡村街道社区小区我全本该记者通讯员摄书记局长副主任表示说“”《》()（）【】 \n\t\u3000"
    "吕梁汾阳南宁賓陽縣寧張王李刘陈·"
    "OolI〇。-‐"  # OCR's letters and points inside numbers, hyphens at line breaks
)
news_text = st.text(alphabet=st.sampled_from(NEWS_ALPHABET), max_size=300)
any_text = st.text(max_size=200)
# Any date extract() accepts as an article's date (context.py: the years 1900-2100).
pub_dates = st.one_of(
    st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(lambda d: d.isoformat())
)


def check_invariants(text: str, pub_date: str | None) -> None:
    result = extract(text, doc_id="prop", pub_date=pub_date)
    for record in result.records:
        assert record.type in RECORD_TYPES
        assert 0 <= record.start < record.end <= len(text)
        assert text[record.start : record.end] == record.text
        assert record.doc_id == "prop"
        dumped = record.model_dump(mode="json")
        assert dumped["text"] == record.text
        if record.type in ("quantity", "money", "percentage"):
            assert isinstance(dumped["value"], float)
            assert dumped["value_max"] is None or dumped["value_max"] >= dumped["value"]
        if record.type == "date" and record.start_date and record.end_date:
            assert record.start_date <= record.end_date


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text, pub_dates)
def test_newslike_text_never_breaks_invariants(text: str, pub_date: str | None) -> None:
    check_invariants(text, pub_date)


@settings(max_examples=200, deadline=None)
@given(any_text, pub_dates)
def test_arbitrary_text_never_breaks_invariants(text: str, pub_date: str | None) -> None:
    check_invariants(text, pub_date)
