"""The spaCy component: records identical to extract()'s, under every segmenter,
across processes, through the disk and displaCy; context from config or per doc."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
import spacy
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from gov_extract import extract
from gov_extract.records import RECORD_TYPES
from gov_extract.sources import decode, discover
from gov_extract.spacy_component import SPANS_KEY, pipe

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora"


def _bundled_articles() -> dict[str, str]:
    """Every bundled article as the batch job reads it (any encoding, a page's main text, an export's rows),
    by its path under corpora/ (an export row: by its doc_id)."""
    articles = {}
    for source in discover([str(CORPUS)]).sources():
        key = source.doc_id if source.kind == "row" else Path(source.source).relative_to(CORPUS).as_posix()
        articles[key] = decode(source).text
    return articles


def _manifest_contexts() -> dict[str, dict[str, str]]:
    """The manifest's pub_date and home_place per article path, blank cells left out."""
    manifest = CORPUS / "manifest.csv"
    if not manifest.is_file():
        return {}
    with manifest.open(encoding="utf-8", newline="") as rows:
        return {
            row["path"]: {key: row[key] for key in ("doc_id", "pub_date", "home_place") if row.get(key)}
            for row in csv.DictReader(rows)
        }


ARTICLES = _bundled_articles()
ARTICLE_IDS = list(ARTICLES)
TEXTS = list(ARTICLES.values())
# A local spacy-pkuseg model folder (e.g. spacy_ontonotes, unpacked); tests never download one.
PKUSEG_MODEL = os.environ.get("GOV_EXTRACT_PKUSEG_MODEL")
# Relative date and home-place reference: both resolve only with context.
CONTEXT_TEXT = "今年以来，我市新建公园12个，投入资金3.5亿元。"
CONTEXT = {"pub_date": "2024-06-30", "home_place": "吕梁市"}


def _assert_same_records(doc: Doc, **extract_args: object) -> None:
    """The doc holds extract()'s result, and each span is its record aligned to tokens."""
    expected = extract(doc.text, **extract_args)
    assert doc._.gov_extract == expected
    spans = list(doc.spans[SPANS_KEY])
    assert [span._.record for span in spans] == expected.records
    for span, record in zip(spans, expected.records, strict=True):
        assert span.label_ == record.type
        assert span.start_char <= record.start < record.end <= span.end_char


@pytest.fixture(scope="module")
def standin_pkuseg_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A pkuseg model trained here on jieba's segmentation of five bundled articles: it exercises
    spaCy's pkuseg tokenizer and its serialisation without a download; its segmentation is not the point.
    (spacy-pkuseg is in the test extra, so its absence fails rather than skips.)"""
    import jieba
    import spacy_pkuseg

    folder = tmp_path_factory.mktemp("pkuseg")
    lines = [" ".join(w for w in jieba.cut(line) if w.strip()) for text in TEXTS[:5] for line in text.splitlines()]
    training = folder / "train.txt"
    training.write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")
    spacy_pkuseg.train(str(training), str(training), str(folder / "model"), train_iter=2)
    return str(folder / "model")


def _pkuseg_model(request: pytest.FixtureRequest, source: str) -> str:
    if source == "local":
        if not PKUSEG_MODEL:
            pytest.skip("no local pkuseg model: set GOV_EXTRACT_PKUSEG_MODEL to a spacy-pkuseg model folder")
        return PKUSEG_MODEL
    return str(request.getfixturevalue("standin_pkuseg_model"))


SEGMENTERS = ["char", "jieba", "pkuseg-standin", "pkuseg-local"]


@pytest.fixture(params=SEGMENTERS)
def segmented_nlp(request: pytest.FixtureRequest) -> Language:
    segmenter, _, pkuseg_source = request.param.partition("-")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    if segmenter == "pkuseg":
        nlp.tokenizer.initialize(pkuseg_model=_pkuseg_model(request, pkuseg_source))  # type: ignore[union-attr]
    nlp.add_pipe("gov_extract")
    return nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("zh")
    nlp.add_pipe("gov_extract")
    return nlp


def test_the_corpus_is_there() -> None:
    assert TEXTS, "no bundled articles in corpora/"


def test_spacy_finds_the_factory_through_the_entry_point() -> None:
    # A fresh interpreter that never imports gov_extract itself.
    code = (
        "import spacy; nlp = spacy.blank('zh'); nlp.add_pipe('gov_extract'); doc = nlp('投入资金2600万元');"
        "print([(s.label_, s.text) for s in doc.spans['gov_extract']])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[('money', '2600万元')]"


def test_missing_spacy_is_an_import_error_naming_the_extra() -> None:
    code = "import sys; sys.modules['spacy'] = None; import gov_extract.spacy_component"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0
    assert 'pip install "gov-extract[spacy]"' in result.stderr


@pytest.mark.parametrize("text", TEXTS, ids=ARTICLE_IDS)
def test_records_equal_extract_on_every_bundled_article(nlp: Language, text: str) -> None:
    doc = nlp(text)
    _assert_same_records(doc)
    # Every character is a token under the default segmenter: spans are the records' exact text.
    assert [span.text for span in doc.spans[SPANS_KEY]] == [r.text for r in doc._.gov_extract.records]


def test_every_segmenter_gives_the_same_records(segmented_nlp: Language) -> None:
    for doc in segmented_nlp.pipe(TEXTS):
        _assert_same_records(doc)


def test_pipeline_round_trips_through_the_disk(segmented_nlp: Language, tmp_path: Path) -> None:
    segmented_nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert loaded.config["nlp"]["tokenizer"] == segmented_nlp.config["nlp"]["tokenizer"]
    assert loaded.pipe_names == ["gov_extract"]
    for text in TEXTS:
        assert [t.text for t in loaded.make_doc(text)] == [t.text for t in segmented_nlp.make_doc(text)]
        _assert_same_records(loaded(text))


def test_component_config_is_the_context_and_survives_the_disk(tmp_path: Path) -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("gov_extract", config=CONTEXT)
    doc = nlp(CONTEXT_TEXT)
    _assert_same_records(doc, **CONTEXT)
    assert doc._.gov_extract != extract(CONTEXT_TEXT)  # the context changes the records
    assert doc._.gov_extract.pub_date_source == doc._.gov_extract.home_place_source == "given"
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert {k: loaded.config["components"]["gov_extract"][k] for k in CONTEXT} == CONTEXT
    _assert_same_records(loaded(CONTEXT_TEXT), **CONTEXT)


@pytest.mark.parametrize("config", [{"pub_date": "2024/13/30"}, {"home_place": "不存在市"}])
def test_bad_config_fails_when_the_component_is_added(config: dict[str, str]) -> None:
    with pytest.raises(ValueError, match=next(iter(config))):
        spacy.blank("zh").add_pipe("gov_extract", config=config)


def test_per_doc_context_reaches_the_component_and_passes_through(nlp: Language) -> None:
    items = [
        (CONTEXT_TEXT, {"doc_id": "a", **CONTEXT}),
        (CONTEXT_TEXT, {"doc_id": "b", "pub_date": date(2019, 1, 2), "home_place": "汾阳市"}),
        (CONTEXT_TEXT, {"doc_id": "c", "pub_date": datetime(2021, 5, 6, 8, 30), "home_place": "141100"}),
        (TEXTS[0], {"doc_id": "d"}),
    ]
    out = list(pipe(nlp, items))
    assert [context for _, context in out] == [context for _, context in items]
    for (doc, context), (text, _) in zip(out, items, strict=True):
        assert doc.text == text
        _assert_same_records(doc, **context)
    assert out[0][0]._.gov_extract.records != out[1][0]._.gov_extract.records


def test_context_wins_over_config_and_keys_it_lacks_come_from_it() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("gov_extract", config=CONTEXT)
    (doc_a, _), (doc_b, _) = pipe(nlp, [(CONTEXT_TEXT, {"doc_id": "a"}), (CONTEXT_TEXT, {"pub_date": "2019-01-02"})])
    _assert_same_records(doc_a, doc_id="a", **CONTEXT)
    _assert_same_records(doc_b, pub_date="2019-01-02", home_place=CONTEXT["home_place"])


def test_unknown_context_key_is_an_error(nlp: Language) -> None:
    with pytest.raises(ValueError, match="pubdate"):
        list(pipe(nlp, [(CONTEXT_TEXT, {"pubdate": "2024-06-30"})]))


def test_two_processes_give_the_same_records(nlp: Language) -> None:
    docs = list(nlp.pipe(TEXTS, n_process=2, batch_size=2))
    assert [doc.text for doc in docs] == TEXTS
    for doc in docs:
        _assert_same_records(doc)
    contexts = _manifest_contexts()
    items = [(text, contexts.get(path, {})) for path, text in ARTICLES.items()]
    items.append((CONTEXT_TEXT, {"doc_id": "context", **CONTEXT}))
    assert sum(bool(context) for _, context in items) > 1
    for doc, context in pipe(nlp, items, n_process=2, batch_size=2):
        _assert_same_records(doc, **context)


def test_records_survive_docbin_into_a_fresh_vocab(nlp: Language) -> None:
    data = DocBin(store_user_data=True, docs=nlp.pipe(TEXTS)).to_bytes()
    for doc in DocBin().from_bytes(data).get_docs(spacy.blank("zh").vocab):
        _assert_same_records(doc)


class _TextNodes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []

    def handle_data(self, data: str) -> None:
        self.nodes += data.split()


def test_displacy_renders_every_record(nlp: Language) -> None:
    text = max(TEXTS, key=lambda t: len(set(r.type for r in extract(t).records)))
    doc = nlp(text)
    parser = _TextNodes()
    parser.feed(displacy.render(doc, style="span", options={"spans_key": SPANS_KEY}))
    labels = [node for node in parser.nodes if node in RECORD_TYPES]
    assert Counter(labels) == Counter(span.label_ for span in doc.spans[SPANS_KEY])
    shown = "".join(node for node in parser.nodes if node not in RECORD_TYPES)
    assert shown == "".join(text.split())
    for record in doc._.gov_extract.records:
        assert "".join(record.text.split()) in shown


def test_docs_examples_run(
    standin_pkuseg_model: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/spacy.md's Python blocks run as written, with the stand-in model as the reader's pkuseg folder."""
    page = ROOT / "docs" / "spacy.md"
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert blocks
    monkeypatch.chdir(tmp_path)  # the pkuseg example saves a pipeline under the working folder
    for block in blocks:
        exec(compile(block.replace("/path/to/pkuseg_model", standin_pkuseg_model), str(page), "exec"), {})
    printed = capsys.readouterr().out
    assert "山西省吕梁市汾阳市 141182" in printed and "quantity 11.36万亩" in printed
