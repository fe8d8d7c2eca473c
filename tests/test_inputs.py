"""Reading untrusted input: clear errors naming file and reason, caps, encodings."""

from __future__ import annotations

import gzip

import pytest

from laoru import inputs
from laoru.errors import InputError
from laoru.page import Page

RUSSIAN = "Москва, 29 июня. Движение по ЦКАД открывается"


def _error(path) -> InputError:
    with pytest.raises(InputError) as info:
        inputs.read_path(path)
    assert info.value.source == str(path)
    return info.value


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    assert _error(path).reason == "empty file"


def test_missing_file(tmp_path):
    assert _error(tmp_path / "nope.html").reason == "no such file"


def test_binary_file(tmp_path):
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in _error(path).reason


def test_truncated_gzip(tmp_path):
    data = gzip.compress(("<p>" + "text " * 5000 + "</p>").encode())
    path = tmp_path / "page.html.gz"
    path.write_bytes(data[: len(data) // 2])
    assert "truncated" in _error(path).reason or "corrupt" in _error(path).reason


def test_decompression_bomb_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_DOCUMENT_BYTES", 10_000)
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"a" * 1_000_000))
    assert "exceeds" in _error(path).reason


def test_document_size_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_DOCUMENT_BYTES", 1_000)
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    assert "larger than" in _error(path).reason


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'.encode("cp1251"),
         None),
        (f"<html><body><p>{RUSSIAN}</p></body></html>".encode("cp1251"), "text/html; charset=windows-1251"),
        (f"<html><body><p>{RUSSIAN}</p></body></html>".encode("cp1251"), None),
        (f"<html><body><p>{RUSSIAN}</p></body></html>".encode(), None),
        (b"\xef\xbb\xbf" + f"<html><body><p>{RUSSIAN}</p></body></html>".encode(), None),
        (f'<html><head><meta charset="iso-8859-1"></head><body><p>{RUSSIAN}</p></body></html>'.encode(), None),
    ],
    ids=["meta-1251", "header-1251", "undeclared-1251", "utf8", "utf8-bom", "lying-meta"],
)
def test_charsets(data, content_type):
    raw = inputs.read_bytes("page.html", data, content_type=content_type)
    page = Page.from_raw(raw)
    assert RUSSIAN in page.lines


def test_expand_walks_folders_and_keeps_unmatched_names(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html.gz").write_bytes(gzip.compress(b"<p>x</p>"))
    (tmp_path / "notes.md").write_text("x")
    found = list(inputs.expand([tmp_path, tmp_path / "missing.txt"]))
    assert found == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.html.gz"), str(tmp_path / "missing.txt")]
