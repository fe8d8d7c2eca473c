"""The one input reader on random input: random bytes, random file names, random charset declarations.

Whatever a folder holds, reading it through :func:`laoru.parse_paths` (the reader every
command, the API and every engine use) lets no exception escape, reports each bad file
exactly once, and still gives every good file its Documents. The good file is a real KPL
capture, ``examples/data/001_eb054365cde1a667.txt``, under a random name.
"""

from __future__ import annotations

import os
import string
import tempfile
import unicodedata
from collections import Counter
from html import escape
from pathlib import Path

from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import laoru
from laoru.inputs import ACCEPTED_SUFFIXES, label

GOOD = EXAMPLES / "001_eb054365cde1a667.txt"
GOOD_DOCS = [(d.title, d.text) for d in laoru.parse_path(GOOD)]

names = st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b)
suffixes = st.sampled_from([s.encode() for s in ACCEPTED_SUFFIXES])
charsets = st.one_of(
    st.sampled_from(["utf-8", "undefined", "punycode", "rot13", "base64", "utf-7", "idna", "uu", "zlib",
                     "hex", "utf-16", "utf-32", "iso-8859-1", "windows-1251", "koi8-r", "shift_jis", "cp037", ""]),
    st.text(alphabet=string.ascii_letters + string.digits + "-_.:", max_size=20),
)


@st.composite
def declared_pages(draw: st.DrawFn) -> bytes:
    """A synthetic HTML page declaring a random charset, its body random text in a random real encoding."""
    charset = draw(charsets)
    text = draw(st.text(max_size=300))
    encoding = draw(st.sampled_from(["utf-8", "cp1251", "latin-1", "utf-16"]))
    page = f'<html><head><meta charset="{charset}"></head><body><p>{escape(text)}</p></body></html>'
    return page.encode(encoding, errors="replace")


contents = st.one_of(st.binary(max_size=3000), declared_pages())


def _one_line(text: str) -> bool:
    """No control character (newline, escape, ...): safe on one stderr line."""
    return not any(unicodedata.category(c) == "Cc" or c in "\u2028\u2029" for c in text)


def _write(folder: Path, name: bytes, data: bytes) -> Path | None:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
    try:
        path.write_bytes(data)
    except OSError:  # a name the file system refuses (too long, ...): not an input
        return None
    return path


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(st.tuples(names, suffixes, contents), max_size=5), good_name=names, good_suffix=suffixes)
def test_random_folders_never_escape_and_report_each_bad_file_once(files, good_name, good_suffix):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        good = _write(folder, b"good-" + good_name + good_suffix.replace(b".gz", b""), GOOD.read_bytes())
        written = [p for name, suffix, data in files if (p := _write(folder, b"x-" + name + suffix, data))]
        failed: list[tuple[str, str]] = []
        documents = list(laoru.parse_paths([folder], on_error=lambda *e: failed.append(e)))

        counts = Counter(source for source, _reason in failed)
        assert all(n == 1 for n in counts.values()), counts
        for source, reason in failed:
            assert _one_line(source) and _one_line(reason), (source, reason)
        sources = {d.source for d in documents}
        for path in [*written, good]:
            if path is None:
                continue
            mine = {s for s in sources if s == label(path) or s.startswith(label(path) + "#L")}
            assert bool(mine) != (label(path) in counts), (path, mine, counts)
        if good is not None:
            from_good = [(d.title, d.text) for d in documents if d.source == label(good)]
            assert from_good == GOOD_DOCS
        for document in documents:
            document.to_dict()["source"].encode("utf-8")
