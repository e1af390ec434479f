"""A generated folder of articles as they come off government sites: mixed encodings and forms, bad files among them.

Articles are made of the table-driven cases' sentences (so every record type
occurs), deterministically from a seed. :func:`make_corpus` returns what each
file should become in the ``articles`` table.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from html import escape
from pathlib import Path

CASES_DIR = Path(__file__).parent / "cases"


@dataclass(frozen=True)
class Expected:
    doc_id: str
    status: str
    error: str | None = None  # a word the error must contain


def _sentences() -> list[str]:
    """The cases' sentences, but those holding markup of their own (noisy_markup.jsonl): the pages'
    markup is what the batch tests check is taken out."""
    texts = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line)["text"]
                if "<" not in text and "&" not in text:
                    texts.append(text)
    return texts


def _traditional(sentences: list[str]) -> list[str]:
    """The sentences Big5 can hold once written in Traditional script (the project's folding table, inverted)."""
    to_traditional: dict[str, str] = {}
    table = Path(__file__).parents[1] / "patterns" / "traditional_simplified.txt"
    for line in table.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) == 2:
            to_traditional.setdefault(parts[1], parts[0])
    held = []
    for sentence in sentences:
        traditional = "".join(to_traditional.get(ch, ch) for ch in sentence)
        try:
            traditional.encode("big5")
        except UnicodeEncodeError:
            continue
        held.append(traditional)
    return held


def _article(rng: random.Random, sentences: list[str], number: int, traditional: bool = False) -> str:
    body = "\n".join(rng.sample(sentences, 12))
    head = f"第{number}號稿件\n\n本報訊（記者 王明）" if traditional else f"第{number}号稿件\n\n本报讯（记者 王明）"
    return head + body + "\n"


def make_corpus(root: Path, n: int = 240, seed: int = 7) -> list[Expected]:
    """Write about ``n`` articles under ``root`` and return what each should become."""
    rng = random.Random(seed)
    sentences = _sentences()
    traditional = _traditional(sentences)
    expected: list[Expected] = []
    forms = ("utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "html", "utf-8", "gb18030")
    for i in range(n - 30):
        form = forms[i % len(forms)]
        big5 = form == "big5"
        text = _article(rng, traditional if big5 else sentences, i, traditional=big5)
        folder = root / f"county{i % 7}" / ("2024" if i % 2 else "2023")
        folder.mkdir(parents=True, exist_ok=True)
        if form == "html":
            paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p)
            page = (
                f"<html><head><meta charset='utf-8'><title>第{i}号稿件</title>"
                f"<meta name='PubDate' content='2024-03-{1 + i % 28:02d} 10:00'></head><body>"
                "<nav><a href='/'>首页</a> | <a href='/zwgk'>政务公开</a></nav>"
                f"<div class='TRS_Editor'>{paragraphs}</div><footer>版权所有 某某县人民政府</footer></body></html>"
            )
            data = page.encode("utf-8")
        else:
            data = text.encode(form)
        suffix = ".html" if form == "html" else (".TXT" if i % 23 == 0 else ".txt")
        name = f"article{suffix}" if i % 50 == 0 else f"a{i:04d}{suffix}"
        (folder / name).write_bytes(data)
        expected.append(Expected((folder / name).relative_to(root).as_posix(), "ok"))
    exports = root / "exports"
    exports.mkdir()
    with (exports / "cms.jsonl").open("w", encoding="utf-8") as fh:
        for j in range(12):
            row = {"doc_id": f"cms-{j}", "text": _article(rng, sentences, 1000 + j), "pub_date": "2024-05-01"}
            if j % 3 == 0:
                row["home_place"] = "吕梁市"
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            expected.append(Expected(f"cms-{j}", "ok"))
        fh.write("{not json\n")
        expected.append(Expected("exports/cms.jsonl:13", "failed", "JSON"))
        fh.write(json.dumps({"doc_id": "cms-notext", "title": "无正文"}, ensure_ascii=False) + "\n")
        expected.append(Expected("cms-notext", "failed", "text"))
    with (exports / "archive.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["doc_id", "title", "pub_date", "text"])
        for j in range(8):
            writer.writerow([f"arc-{j}", f"标题{j}", "2023-11-20", _article(rng, sentences, 2000 + j)])
            expected.append(Expected(f"arc-{j}", "ok"))
    bad = root / "bad"
    bad.mkdir()
    (bad / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    expected.append(Expected("bad/scan.txt", "failed", "binary"))
    (bad / "empty.txt").write_bytes(b"")
    expected.append(Expected("bad/empty.txt", "failed", "empty"))
    (bad / "blank.html").write_text(
        "<html><head><title>通知</title></head><body><img src=a.png></body></html>", encoding="utf-8"
    )
    expected.append(Expected("bad/blank.html", "failed", "empty"))
    (bad / "huge.txt").write_text("本报讯" * 400_000, encoding="utf-8")
    expected.append(Expected("bad/huge.txt", "failed", "too large"))
    (bad / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")  # not an article suffix: ignored, and said so
    return expected
