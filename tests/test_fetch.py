"""laoru fetch against a local web site (tests/fetch_site.py): no test leaves the machine.

Real pages come from ../shared/pages/outlets (MANIFEST.tsv there says where each was
published); the misbehaving endpoints are synthetic. Delays and timeouts are shrunk
through the same settings a user has, so the suite stays fast.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
import zlib
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("httpx")
from conftest import SHARED
from fetch_site import PAGES, Site, SiteServer
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.archiveiterator import ArchiveIterator

from laoru import parse_bytes
from laoru.cli import main
from laoru.fetch import Settings, fetch
from laoru.fetch.archive import Holdings
from laoru.fetch.crawler import retry_after_seconds
from laoru.fetch.exchange import BodyTooLarge, BoundedDecoder
from laoru.warc import parse_warc

FAST = Settings(delay=0.1, timeout=1.0, deadline=5.0, retries=1, backoff=0.05, max_wait=5.0,
                max_bytes=1_000_000)


@pytest.fixture(scope="module")
def site():
    site = Site(SHARED)
    server = SiteServer(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.stop.set()
    server.shutdown()
    server.server_close()


def records(path: Path) -> list[dict]:
    """Every record of a WARC file, read to the end (raises if the archive is damaged)."""
    out = []
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle):
            http = record.http_headers
            out.append({"type": record.rec_type, "url": record.rec_headers.get_header("WARC-Target-URI"),
                        "status": http.get_statuscode() if http and record.rec_type == "response" else None,
                        "truncated": record.rec_headers.get_header("WARC-Truncated"),
                        "payload": record.content_stream().read(), "info": record.rec_type == "warcinfo"})
    return out


def outcomes_by_url(summary) -> dict[str, tuple[str, str]]:
    return {o.url: (o.status, o.kind) for o in summary.outcomes}


def test_every_url_of_a_batch_ends_in_the_archive_or_in_the_failures(site, tmp_path):
    urls = {
        "page": site.page_url(PAGES[0]), "flaky": site.url("/flaky.html"), "busy": site.url("/busy.html"),
        "loop": site.url("/loop/a"), "moved": site.url("/moved.html"), "stall": site.url("/stall.html"),
        "huge": site.url("/huge.html"), "endless": site.url("/endless.html"), "bomb": site.url("/bomb.html"),
        "json": site.url("/data.json"), "private": site.url(f"/private/{PAGES[1]}.html"),
        "missing": site.url("/nothing-here.html"), "later": site.url("/later.html"),
    }
    archive = tmp_path / "crawl.warc.gz"
    summary = fetch([*urls.values(), urls["page"]], archive, settings=FAST)
    assert len(summary.outcomes) == len(urls) + 1  # nothing lost, the repeated URL counted once more
    assert [(o.url, o.kind) for o in summary.outcomes if o.status == "skipped"] == [(urls["page"], "listed twice")]
    expected = {"page": ("fetched", ""), "flaky": ("fetched", ""), "busy": ("fetched", ""),
                "moved": ("fetched", ""), "loop": ("failed", "redirect loop"), "stall": ("failed", "timeout"),
                "huge": ("failed", "too large"), "endless": ("failed", "too large"),
                "bomb": ("failed", "too large"), "json": ("failed", "not a page"),
                "private": ("failed", "robots.txt"), "missing": ("failed", "HTTP 404"),
                "later": ("failed", "retry-after")}
    for name, url in urls.items():
        status = [o for o in summary.outcomes if o.url == url and o.status != "skipped"]
        assert (status[0].status, status[0].kind) == expected[name], name
    assert summary.exit_code == 1

    saved = records(archive)
    assert saved[0]["type"] == "warcinfo" and b"laoru/" in saved[0]["payload"]
    responses = {(r["url"], r["status"]): r for r in saved if r["type"] == "response"}
    assert responses[(urls["page"], "200")]["payload"] == site.pages[PAGES[0]]
    assert (urls["flaky"], "500") in responses and (urls["flaky"], "200") in responses
    assert (urls["busy"], "429") in responses and (urls["busy"], "200") in responses
    assert responses[(urls["huge"], "200")]["truncated"] == "length"
    assert responses[(urls["bomb"], "200")]["truncated"] == "length"
    # every request the server saw is in the archive (one timed out before the server read it may be too)
    requested = Counter(r["url"][len(site.base):] for r in saved if r["type"] == "request")
    assert all(requested[path] >= n for path, n in site_requests(site, urls).items())
    # read back, only whole pages are Documents: not robots.txt, not the truncated huge or bomb bodies
    documents = list(parse_warc(archive))
    assert {d.url for d in documents} == {urls["page"], urls["flaky"], urls["busy"], site.page_url(PAGES[3])}
    assert all(d.metadata["warc"]["url"] == d.url and d.metadata["warc"]["file"] == str(archive) for d in documents)

    # the caps fired before the bodies were read: far less than 200 MB ever left the server
    assert site.sent["/huge.html"] < 50 * 1024 * 1024 and site.sent["/endless.html"] < 50 * 1024 * 1024
    # robots.txt was obeyed, a 404 was not retried, the 429's Retry-After (1 s) was honoured
    assert site.hits[f"/private/{PAGES[1]}.html"] == 0
    assert site.hits["/nothing-here.html"] == 1
    assert site.hits["/later.html"] == 1  # a Retry-After of an hour is a failure, not an hour's wait
    busy = [t for t, path in site.log if path == "/busy.html"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 1.0


def site_requests(site: Site, urls: dict[str, str]) -> dict[str, int]:
    """Requests the server saw for this batch (robots.txt and redirect targets included), from its own log."""
    paths = {u[len(site.base):] for u in urls.values()} | {"/robots.txt", "/loop/b", f"/news/{PAGES[3]}.html"}
    assert all(site.hits[path] for path in paths - {f"/private/{PAGES[1]}.html"})
    return {path: n for path, n in site.hits.items() if path in paths}


def test_one_host_gets_one_request_at_a_time_with_the_pause_between(site, tmp_path):
    names = PAGES[:4]
    start = len(site.log)
    summary = fetch([site.page_url(n) + "?t=rate" for n in names], tmp_path / "rate.warc.gz",
                    settings=Settings(delay=0.2, timeout=2, retries=0, concurrency=4))
    assert summary.count("fetched") == len(names)
    times = [t for t, path in site.log[start:] if path.endswith("?t=rate")]
    assert len(times) == len(names)
    assert all(later - earlier >= 0.2 for earlier, later in itertools.pairwise(times))


def test_a_second_run_fetches_only_what_the_archive_lacks(site, tmp_path):
    archive = tmp_path / "resume.warc.gz"
    first = [site.page_url(n) + "?t=resume" for n in PAGES[:2]]
    assert fetch(first, archive, settings=FAST).count("fetched") == 2
    size = archive.stat().st_size
    hits = {u: site.hits[u[len(site.base):]] for u in first}
    second = fetch([*first, site.page_url(PAGES[2]) + "?t=resume"], archive, settings=FAST)
    assert outcomes_by_url(second) == {first[0]: ("skipped", "already in the archive"),
                                       first[1]: ("skipped", "already in the archive"),
                                       site.page_url(PAGES[2]) + "?t=resume": ("fetched", "")}
    assert {u: site.hits[u[len(site.base):]] for u in first} == hits
    assert archive.stat().st_size > size  # appended, the first run's records kept
    assert len([r for r in records(archive) if r["type"] == "warcinfo"]) == 2


def test_urls_are_normalised_before_they_are_deduplicated(site, tmp_path):
    url = site.page_url(PAGES[5])
    variants = [url, url + "#comments", url.replace("http://127.0.0.1", "HTTP://127.0.0.1")]
    summary = fetch(variants, tmp_path / "norm.warc.gz", settings=FAST)
    assert summary.count("fetched") == 1 and summary.count("skipped") == 2


def test_feed_and_sitemap_index_expand_to_articles_since_a_date(site, tmp_path):
    from datetime import date

    summary = fetch([], tmp_path / "feeds.warc.gz", feeds=[site.url("/feed.xml")],
                    sitemaps=[site.url("/sitemap_index.xml")], since=date(2025, 1, 1), settings=FAST)
    fetched = {o.url for o in summary.outcomes if o.status == "fetched"}
    assert fetched == {site.page_url(n) for n in (PAGES[0], PAGES[1], PAGES[3], PAGES[4])}
    assert site.hits["/sitemap-2018.xml"] == 0  # its lastmod is before --since: not even fetched
    assert summary.exit_code == 0


def test_a_feed_that_is_not_a_feed_is_a_failure_with_its_reason(site, tmp_path):
    summary = fetch([site.page_url(PAGES[0])], tmp_path / "bad-feed.warc.gz",
                    feeds=[site.url("/broken-feed.xml")], settings=FAST)
    got = outcomes_by_url(summary)
    assert got[site.url("/broken-feed.xml")] == ("failed", "feed")
    assert got[site.page_url(PAGES[0])] == ("fetched", "")


def test_an_existing_file_that_is_not_a_warc_is_never_touched(tmp_path, capsys):
    notes = tmp_path / "notes.warc.gz"
    notes.write_bytes(b"my notes, not an archive\n")  # five words: warcio alone would take it for an ARC header
    code, stderr = run_laoru("fetch", "http://127.0.0.1:9/x.html", "-o", str(notes), cwd=tmp_path, capsys=capsys)
    assert code == 2 and "not a readable WARC file" in stderr
    assert notes.read_bytes() == b"my notes, not an archive\n"


def run_laoru(*args: str, cwd: Path, capsys) -> tuple[int, str]:
    """``laoru ARGS`` in this process (as the console script runs it): exit code and stderr."""
    here = Path.cwd()
    os.chdir(cwd)
    try:
        code = main(list(args))
    finally:
        os.chdir(here)
    return code, capsys.readouterr().err


def test_fetch_then_run_end_to_end(site, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text("# pages for the end-to-end test\n" + "".join(
        site.page_url(n) + "?t=e2e\n" for n in (PAGES[0], PAGES[2])) + site.url("/data.json?t=e2e") + "\n")
    code, stderr = run_laoru("fetch", "--urls", str(urls), "-o", "crawl.warc.gz", "--delay", "0.05",
                             "--timeout", "2", cwd=tmp_path, capsys=capsys)
    assert code == 1, stderr  # the JSON URL failed, and says so
    assert "content type application/json is not a page" in stderr
    assert "fetched 2" in stderr and "failed 1 (not a page: 1)" in stderr
    code, stderr = run_laoru("run", "crawl.warc.gz", "--out", "out", "--no-parquet", cwd=tmp_path, capsys=capsys)
    assert code == 0, stderr
    documents = [json.loads(line) for part in sorted((tmp_path / "out" / "documents").glob("part-*.jsonl"))
                 for line in part.read_text().splitlines()]
    assert {d["url"] for d in documents} == {site.page_url(n) + "?t=e2e" for n in (PAGES[0], PAGES[2])}
    code, stdout = main(["parse", str(tmp_path / "crawl.warc.gz")]), capsys.readouterr().out
    parsed = [json.loads(line) for line in stdout.splitlines()]
    assert code == 0
    assert sorted((d["url"], d["title"], d["metadata"]["warc"]["record_id"]) for d in parsed) == \
        sorted((d["url"], d["title"], d["metadata"]["warc"]["record_id"]) for d in documents)
    tass = next(d for d in documents if PAGES[0] in d["url"])
    direct = parse_bytes(site.pages[PAGES[0]], url=tass["url"], content_type="text/html; charset=utf-8")[0]
    assert tass["paragraphs"] and [p["text"] for p in tass["paragraphs"]] == [p.text for p in direct.paragraphs]
    assert (tass["title"], tass["outlet"], tass["published"]) == (direct.title, direct.outlet, direct.published)
    provenance = tass["metadata"]["warc"]
    assert provenance["file"].endswith("crawl.warc.gz") and provenance["record_id"].startswith("<urn:uuid:")
    assert provenance["url"] == tass["url"] and provenance["date"][:4].isdigit()


def test_an_interrupted_run_leaves_a_readable_archive_and_the_next_run_goes_on(site, tmp_path, capsys):
    urls = [site.page_url(n) + f"?sigint={i}" for i in range(4) for n in PAGES]
    (tmp_path / "urls.txt").write_text("\n".join(urls) + "\n")
    command = [sys.executable, "-m", "laoru", "fetch", "--urls", "urls.txt", "-o", "crawl.warc.gz",
               "--delay", "0.15", "--timeout", "2"]
    process = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    waited = 0.0
    while sum(1 for _, path in list(site.log) if "sigint=" in path) < 5 and waited < 60:
        time.sleep(0.05)
        waited += 0.05
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr
    saved = [r for r in records(tmp_path / "crawl.warc.gz") if r["type"] == "response"]
    done = {r["url"] for r in saved if r["status"] == "200" and not r["truncated"] and "sigint=" in r["url"]}
    assert 0 < len(done) < len(urls)
    before = {u: site.hits[u[len(site.base):]] for u in done}
    code, stderr = run_laoru("fetch", "--urls", "urls.txt", "-o", "crawl.warc.gz", "--delay", "0.01",
                             cwd=tmp_path, capsys=capsys)
    assert code == 0, stderr
    assert f"fetched {len(urls) - len(done)}, skipped {len(done)} (already in the archive: {len(done)})" in stderr
    assert {u: site.hits[u[len(site.base):]] for u in done} == before


def test_an_outlet_plugin_lends_its_feeds(site, tmp_path, capsys):
    plugin = tmp_path / "local_outlet.py"
    plugin.write_text(
        '"""A synthetic outlet for this test: it only declares the local test feed."""\n'
        "from laoru.plugin import Parser, outlet\n\n\n"
        '@outlet("local-test", name="Local test outlet", domains=("127.0.0.1",))\n'
        "class LocalTest(Parser):\n"
        f"    feeds = ({site.url('/feed.xml')!r},)\n")
    code, stderr = run_laoru("fetch", "--outlet", "local-test", "--plugin", str(plugin), "--since", "2025-01-01",
                             "-o", "outlet.warc.gz", "--delay", "0.05", cwd=tmp_path, capsys=capsys)
    assert code == 0, stderr
    assert "fetched 2, skipped 0, failed 0" in stderr  # the 2019 entry of the feed is before --since


def test_tass_declares_its_feeds():
    from laoru.api import registry

    assert all(feed.endswith("/rss/v2.xml") for feed in registry().get("tass").feeds)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=5000), st.integers(1, 4096), st.sampled_from(["gzip", "deflate", "identity"]))
def test_bounded_decoding_returns_the_body_or_stops_at_the_cap(data, step, encoding):
    sent = {"gzip": gzip.compress, "deflate": zlib.compress, "identity": bytes}[encoding](data)
    limit = 2000
    decoder = BoundedDecoder(encoding, limit)
    out = bytearray()
    try:
        for start in range(0, len(sent), step):
            out += decoder.feed(sent[start:start + step])
        decoder.finish()
    except BodyTooLarge:
        assert len(data) > limit
    else:
        assert bytes(out) == data


def test_retry_after_is_read_as_seconds_or_as_a_date():
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait
    assert retry_after_seconds("soon") is None


def test_holdings_follow_recorded_redirects():
    holdings = Holdings(pages={"https://b.example/x"}, redirects={"https://a.example/x": "https://b.example/x",
                                                                   "https://loop/a": "https://loop/b",
                                                                   "https://loop/b": "https://loop/a"})
    assert holdings.has("https://a.example/x")
    assert not holdings.has("https://loop/a")


def test_every_politeness_setting_is_an_option_of_fetch():
    """One table gives the options and the Settings: a new setting cannot miss its option."""
    import argparse

    import attrs

    from laoru.commands import fetch as command
    from laoru.fetch.settings import Settings

    parser = argparse.ArgumentParser()
    command._add_politeness_options(parser)
    assert set(vars(parser.parse_args([]))) == set(attrs.fields_dict(Settings))
    args = parser.parse_args(["--delay", "2.5", "--max-bytes", "7", "--max-wait", "9", "--user-agent", "me (a@b.c)"])
    assert command._settings(args) == Settings(delay=2.5, max_bytes=7, max_wait=9.0, user_agent="me (a@b.c)")
    help_text = " ".join(parser.format_help().split())
    assert "largest body kept, as sent and decompressed (default 20971520)" in help_text
    assert "seconds between requests to one host (default 1; robots.txt may ask more)" in help_text
