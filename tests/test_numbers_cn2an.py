"""cn2an as a differential oracle for :func:`gov_extract.numbers.read` (test extra only).

Four properties: every integer and decimal cn2an writes in Chinese (lower and financial
capitals) reads back to itself; a colloquial numeral that ends on a lone digit after its unit
(三千七, 一万五) reads as cn2an's smart mode reads it; any string of Chinese numeral
characters that cn2an's strict mode accepts reads to the same value (and is read at all); and
numerals mixing digits and words (3万4000, 1万5, 两千5) read as cn2an's smart mode reads them. Where cn2an is wrong,
the shape is listed in ``CN2AN_WRONG`` with the reason and examples whose true values the
test checks against ``read`` instead.
"""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gov_extract.numbers import read

NUMERAL_CHARS = "零一二两三四五六七八九十百千万亿"
DIGITS = "一二三四五六七八九"

# Shapes of numeral on which cn2an (0.5.x) is wrong, each with the reason and examples:
# (numeral, its true value). The strict-mode property skips strings of these shapes.
CN2AN_WRONG: list[dict[str, object]] = [
    {
        "shape": regex.compile(r"亿十"),
        "reason": "cn2an drops a bare 十 that opens the section after 亿: 六亿十万 is 6亿 + 10万 = "
        "600100000, cn2an says 600000000 (and 十亿十九万 1000090000 instead of 1000190000)",
        "examples": [("六亿十万", 600_100_000), ("十亿十九万", 1_000_190_000), ("十四亿十四万", 1_400_140_000)],
    },
    {
        "shape": regex.compile(r"亿[一二两三四五六七八九]\Z"),
        "reason": "cn2an's smart mode raises KeyError on a lone digit after 亿 (两亿三 is 2.3亿), so the "
        "colloquial property leaves 亿 out",
        "examples": [("两亿三", 230_000_000), ("一亿五", 150_000_000)],
    },
]


def _cn2an_wrong(numeral: str) -> bool:
    return any(entry["shape"].search(numeral) for entry in CN2AN_WRONG)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [example for entry in CN2AN_WRONG for example in entry["examples"]],  # type: ignore[attr-defined]
)
def test_where_cn2an_is_wrong_read_is_right(numeral: str, value: int) -> None:
    assert _cn2an_wrong(numeral)
    reading = read(numeral)
    assert reading is not None and reading.value == value
    assert _cn2an_value(numeral) != value  # still wrong in cn2an: else drop the entry


def _cn2an_value(numeral: str) -> int | float | None:
    """cn2an's reading in its smart mode, None where it raises."""
    try:
        return cn2an.cn2an(numeral, "smart")  # type: ignore[no-any-return]
    except (KeyError, ValueError):
        return None


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**16 - 1), st.sampled_from(["low", "up"]))
@example(10_010, "low")
@example(100_000_003, "up")
def test_integers_written_by_cn2an_read_back(number: int, mode: str) -> None:
    numeral = cn2an.an2cn(number, mode)
    reading = read(numeral)
    assert reading is not None, numeral
    assert reading.value == number, numeral


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_decimals_written_by_cn2an_read_back(number: Decimal) -> None:
    numeral = cn2an.an2cn(str(number), "low")
    reading = read(numeral)
    assert reading is not None, numeral
    assert reading.value == number, numeral


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(DIGITS),
    st.sampled_from(["百", "千", "万"]),
    st.sampled_from(DIGITS),
    st.sampled_from(["", "十", "一百", "三千"]),
)
def test_colloquial_digit_after_unit_agrees(lead: str, unit: str, tail: str, head: str) -> None:
    """三千七 is 3700 and 一万五 15000: the last digit fills the place below its unit."""
    numeral = head + lead + unit + tail if unit in "万亿" else lead + unit + tail
    reading = read(numeral)
    assert reading is not None, numeral
    assert reading.value == Decimal(str(cn2an.cn2an(numeral, "smart"))), numeral


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.sampled_from(NUMERAL_CHARS), min_size=1, max_size=8))
@example("七千零十")
@example("一千零十九")
def test_numerals_both_read_agree(numeral: str) -> None:
    try:
        expected = cn2an.cn2an(numeral, "strict")
    except ValueError:
        return  # cn2an refuses it: nothing to compare
    if _cn2an_wrong(numeral):
        return
    reading = read(numeral)
    assert reading is not None, numeral  # cn2an reads it: so must we
    assert reading.value == Decimal(str(expected)), numeral


# How many digits the group below each unit holds when written out in full (3万4000, 1亿20000000).
GROUP_WIDTH = {"万": 4, "亿": 8, "千": 3, "百": 2}


@st.composite
def mixed_numerals(draw: st.DrawFn) -> str:
    """A numeral as articles mix them: a lead in digits or words, a unit, then the group below
    it in full digits (3万4000) or one digit or word standing for its first place (1万5, 3千七)."""
    unit = draw(st.sampled_from(sorted(GROUP_WIDTH)))
    lead = draw(st.integers(1, 9999) if unit in "万亿" else st.integers(1, 9))
    width = GROUP_WIDTH[unit]
    tail = draw(
        st.one_of(
            st.integers(10 ** (width - 1), 10**width - 1).map(str),
            st.integers(1, 9).map(str),
            st.integers(1, 9).map(lambda n: cn2an.an2cn(n)),
        )
    )
    written_lead = draw(st.sampled_from([str(lead), cn2an.an2cn(lead)]))
    return f"{written_lead}{unit}{tail}"


@settings(max_examples=400, deadline=None)
@given(mixed_numerals())
@example("1万5")
@example("3万4000")
@example("两亿3")
def test_mixed_numerals_agree(numeral: str) -> None:
    """1万5 is 15000 and 3万4000 34000, in cn2an's smart mode and in ``read``."""
    if _cn2an_value(numeral) is None and numeral.endswith(tuple("123456789一二三四五六七八九")):
        return  # cn2an's smart mode raises on a lone digit after 亿 (CN2AN_WRONG)
    reading = read(numeral)
    assert reading is not None, numeral
    assert reading.value == Decimal(str(_cn2an_value(numeral))), numeral
