"""WARC inputs: pages come out with their URL and type, other records are skipped, damage is reported."""

from __future__ import annotations

from io import BytesIO

import pytest

pytest.importorskip("warcio")

from conftest import EXAMPLES
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from laoru import pipeline
from laoru.api import parse_path
from laoru.cli import main
from laoru.engines import sink
from laoru.errors import InputError
from laoru.warc import read_warc, write_warc

SEEDS = sorted(EXAMPLES.glob("*.txt"))


def _record(writer, url, body, content_type, status="200 OK", kind="response"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, kind, payload=BytesIO(body), http_headers=headers)


@pytest.fixture
def crawl(tmp_path):
    """Seed captures as responses, between a 404, an image, a request and an empty page."""
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(_record(writer, "https://x.org/gone", b"<p>gone</p>", "text/html", "404 Not Found"))
        for number, seed in enumerate(SEEDS):
            writer.write_record(_record(writer, f"https://x.org/{number}", seed.read_bytes(),
                                        "text/plain; charset=utf-8"))
            if number == 1:
                writer.write_record(_record(writer, "https://x.org/logo.png", b"\x89PNG....", "image/png"))
                writer.write_record(writer.create_warc_record("https://x.org/1", "request",
                                                              payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        writer.write_record(_record(writer, "https://x.org/blank", b"   ", "text/html"))
    return path


def test_pages_come_out_in_order_with_url_and_content_type(crawl):
    seen = []
    pages = list(read_warc(crawl, lambda s, r: seen.append((s, r))))
    assert [p.url for p in pages] == [f"https://x.org/{n}" for n in range(len(SEEDS))]
    assert [p.data for p in pages] == [s.read_bytes() for s in SEEDS]
    assert all(p.content_type.startswith("text/plain") and p.source.startswith(f"{crawl}#") for p in pages)
    assert len(seen) == 1 and seen[0][1] == "empty file"  # the blank page; 404, image, request skipped


def test_a_warc_unit_parses_like_the_files_it_holds(crawl):
    from_warc = list(pipeline.parse_unit(str(crawl), on_error=lambda *_: None))
    from_files = [doc for seed in SEEDS for doc in parse_path(seed)]
    assert [d.text for d in from_warc] == [d.text for d in from_files]
    assert [d.title for d in from_warc] == [d.title for d in from_files]
    assert from_warc[0].url == "https://x.org/0"


def test_a_truncated_warc_reports_damage_and_keeps_the_records_before_it(crawl, tmp_path):
    broken = tmp_path / "broken.warc.gz"
    data = crawl.read_bytes()
    broken.write_bytes(data[: len(data) * 2 // 3])
    seen = []
    pages = list(read_warc(broken, lambda s, r: seen.append((s, r))))
    assert 0 < len(pages) < len(SEEDS)
    assert seen and seen[-1][0] == str(broken)
    with pytest.raises(InputError):
        list(read_warc(tmp_path / "missing.warc.gz"))


def test_not_a_warc_at_all(tmp_path):
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not an archive\n" * 10)
    seen = []
    assert list(read_warc(bad, lambda s, r: seen.append((s, r)))) == []
    assert seen == [(str(bad), "not a WARC file (no WARC/1.x record header at the start)")]


def test_cli_runs_a_crawl_folder(crawl, tmp_path, capsys):
    write_warc(tmp_path / "more.warc", [("https://y.org/a", SEEDS[1].read_bytes(), "text/plain")])
    out = tmp_path / "out"
    assert main(["run", str(tmp_path), "--out", str(out), "--no-events"]) == 1  # the blank page
    assert "Traceback" not in capsys.readouterr().err
    docs = sink.read_table(out, "documents")
    urls = {d["url"] for d in docs}
    assert "https://x.org/0" in urls
    # more.warc repeats seed 1: it is a duplicate of the crawl's copy, not a new document
    clusters = sink.read_table(out, "clusters")
    assert any({m["source"].split("#")[0] for m in c["members"]} == {str(crawl), str(tmp_path / "more.warc")}
               for c in clusters)
