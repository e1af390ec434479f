"""Reading real-world bytes: any input decodes to text or fails with DecodeError, never anything else."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_extract.sources import DecodeError, Source, decode, decode_bytes, discover, sha256

ARTICLE = "本报讯（记者 王明）2024年3月5日，吕梁市完成造林11.36万亩，投入资金约2600万元，成活率达95%以上。"


@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_raise_decode_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except DecodeError:
        return
    assert isinstance(text, str) and "\x00" not in text and encoding


@given(st.text(max_size=300))
def test_utf8_text_round_trips(text: str) -> None:
    try:
        decoded, encoding = decode_bytes(text.encode("utf-8"))
    except DecodeError:  # text that is mostly control characters reads as binary, by design
        return
    assert (decoded, encoding) == (text, "utf-8")


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (ARTICLE.encode("utf-8"), ARTICLE, "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), ARTICLE, "utf-8-sig"),
        (ARTICLE.encode("utf-16"), ARTICLE, "utf-16"),
        (ARTICLE.encode("gb18030"), ARTICLE, "gb18030"),
        ("賓陽縣推進農村人居環境整治，全縣累計投入資金1.2億元，完成農村改廁5600戶。".encode("big5"), None, "big5"),
    ],
    ids=["utf-8", "bom", "utf-16", "gb18030", "big5"],
)
def test_encodings_of_real_files(data: bytes, text: str | None, encoding: str) -> None:
    decoded, found = decode_bytes(data)
    assert found == encoding
    assert decoded == (text or data.decode(encoding))


def test_a_page_without_the_html_extra_names_it(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    page = f"<html><body><p>{ARTICLE}</p></body></html>".encode()
    with pytest.raises(ImportError, match=r"gov-extract\[html\]"):
        decode(Source(doc_id="p", source="p.html", kind="html", sha256=sha256(page), data=page))


def test_a_folder_is_listed_recursively_in_path_order_without_hidden_entries(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.TXT", "a/b/c.htm", "a.txt", ".hidden.txt", ".git/x.txt", "a/.cache/y.txt", "a/notes.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("吕梁市完成造林11.36万亩。", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,pub_date\nb.txt,2024-03-06\n", encoding="utf-8")
    found = discover([str(tmp_path)])
    assert [doc_id for _, doc_id in found.files] == ["a/b/c.htm", "a/z.TXT", "a.txt", "b.txt"]
    assert found.ignored == [(tmp_path / "a/notes.md").as_posix()]
    assert [s.pub_date for s in found.sources()] == [None, None, None, "2024-03-06"]
