"""The amounts' finder reads no numeral inside a date (``pipeline.propose``): the resolver drops
every amount overlapping a date (resolve.toml ``date_holds_its_numerals``), so skipping them
keeps the records only while an amount read inside a date leaves the reading of the numerals
after the date alone. Checked on every case text against the finder reading them all."""

from __future__ import annotations

from gov_extract import context, dates, quantities, resolve
from gov_extract.pipeline import propose
from gov_extract.text import Document
from test_rule_kinds import case_inputs


def test_amounts_settle_the_same_without_the_numerals_inside_dates() -> None:
    dated_texts = 0
    for given in case_inputs():
        doc = Document(given["text"] or "")
        ctx = context.resolve(doc, doc_id=None, pub_date=given["pub_date"], home_place=given["home_place"])
        dated = dates.find(doc, ctx)
        every = quantities.find(doc, ctx)
        skipping = propose(quantities.find, doc, ctx, dated)
        dated_texts += bool(dated)
        assert resolve.settle(doc, [*dated, *skipping]) == resolve.settle(doc, [*dated, *every]), given["text"]
    assert dated_texts > 1000, "the case texts should hold dates in well over a thousand texts"
