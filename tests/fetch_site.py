"""A local web site for the fetch tests: real pages plus endpoints that misbehave on purpose.

Pages are real HTML from ``../shared/pages/outlets`` (see its MANIFEST.tsv for where each
came from), served as their outlets would. The feed, the sitemaps and the misbehaving
endpoints are synthetic: a test server needs them and no outlet's markup is imitated.
Every request is logged with its arrival time, so the tests can check politeness from
the server's side.
"""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = ("tass_8836033", "sputnik_1079127690", "other_kommersant-7715044", "other_independent-b2651790",
         "other_rt-473849", "other_polygraph-30279001")
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
HUGE_BYTES = 200 * 1024 * 1024
BOMB_BYTES = 64 * 1024 * 1024


def _bomb() -> bytes:
    """A gzip member that inflates to :data:`BOMB_BYTES` of zeros (built in 1 MB steps)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1024 * 1024)
    return b"".join(deflate.compress(block) for _ in range(BOMB_BYTES // len(block))) + deflate.flush()


class Site:
    """What the server serves and what it saw."""

    def __init__(self, shared: Path) -> None:
        folder = shared / "pages" / "outlets"
        self.pages = {name: gzip.decompress((folder / f"{name}.html.gz").read_bytes()) for name in PAGES}
        self.bomb = _bomb()
        self.log: list[tuple[float, str]] = []
        self.hits: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.base = ""

    def seen(self, path: str) -> None:
        with self.lock:
            self.log.append((time.monotonic(), path))
            self.hits[path] += 1

    def url(self, path: str) -> str:
        return self.base + path

    def page_url(self, name: str) -> str:
        return self.url(f"/news/{name}.html")

    def feed(self) -> bytes:
        """RSS 2.0 listing three pages: two recent, one from 2019 (synthetic)."""
        items = [(PAGES[0], "Mon, 06 Jan 2025 10:00:00 +0300"), (PAGES[1], "Tue, 07 Jan 2025 09:30:00 +0000"),
                 (PAGES[2], "Wed, 20 Nov 2019 12:00:00 +0000")]
        body = "".join(f"<item><title>{name}</title><link>{self.page_url(name)}</link>"
                       f"<pubDate>{day}</pubDate></item>" for name, day in items)
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test feed</title>'
                f"<link>{self.base}/</link>{body}</channel></rss>").encode()

    def sitemap_index(self) -> bytes:
        ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex {ns}>'
                f"<sitemap><loc>{self.url('/sitemap-2025.xml.gz')}</loc><lastmod>2025-02-01</lastmod></sitemap>"
                f"<sitemap><loc>{self.url('/sitemap-2018.xml')}</loc><lastmod>2018-12-31</lastmod></sitemap>"
                "</sitemapindex>").encode()

    def sitemap_2025(self) -> bytes:
        """A gzip'd urlset with Google News dates: two recent pages and one old."""
        ns = ('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
              'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')
        entries = [(PAGES[3], "2025-01-15T08:00:00+07:00"), (PAGES[4], "2025-01-31"), (PAGES[5], "2024-12-30")]
        body = "".join(f"<url><loc>{self.page_url(name)}</loc><news:news><news:publication_date>{day}"
                       "</news:publication_date></news:news></url>" for name, day in entries)
        return gzip.compress(f'<?xml version="1.0" encoding="UTF-8"?><urlset {ns}>{body}</urlset>'.encode())


class Handler(BaseHTTPRequestHandler):
    server: SiteServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes = b"", content_type: str = "text/html", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def stream(self, path: str, chunks: Iterator[bytes]) -> None:
        """Write a body piece by piece until the client hangs up (nothing big is held in memory)."""
        try:
            for chunk in chunks:
                self.wfile.write(chunk)
                self.server.site.sent[path] += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self) -> None:
        site, path = self.server.site, self.path.split("?")[0]
        site.seen(self.path)
        route = ROUTES.get(path)
        if route:
            route(self, site)
        elif path.startswith(("/news/", "/private/")) and (name := path.rsplit("/", 1)[1][:-5]) in site.pages:
            self.send(200, site.pages[name], "text/html; charset=utf-8")
        else:
            self.send(404, b"<html><body>Not found</body></html>")


def _flaky(handler: Handler, site: Site) -> None:
    if site.hits["/flaky.html"] == 1:
        handler.send(500, b"<html><body>Internal error</body></html>")
    else:
        handler.send(200, site.pages[PAGES[1]])


def _busy(handler: Handler, site: Site) -> None:
    if site.hits["/busy.html"] == 1:
        handler.send(429, b"slow down", "text/plain", Retry_After="1")
    else:
        handler.send(200, site.pages[PAGES[2]])


def _stall(handler: Handler, site: Site) -> None:
    site.stop.wait(30)  # the client's timeout must fire long before


def _huge(handler: Handler, site: Site) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(HUGE_BYTES))
    handler.end_headers()
    handler.stream("/huge.html", (bytes(65536) for _ in range(HUGE_BYTES // 65536)))


def _huge_unannounced(handler: Handler, site: Site) -> None:
    """The same size with no Content-Length (HTTP/1.0, ends when the connection closes)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    block = b"<p>" + b"x" * 65530 + b"</p>"
    handler.stream("/endless.html", (block for _ in range(HUGE_BYTES // len(block))))


def _bomb_page(handler: Handler, site: Site) -> None:
    handler.send(200, site.bomb, "text/html", Content_Encoding="gzip")


ROUTES = {
    "/robots.txt": lambda h, s: h.send(200, ROBOTS, "text/plain"),
    "/flaky.html": _flaky,
    "/busy.html": _busy,
    "/later.html": lambda h, s: h.send(503, b"maintenance", "text/plain", Retry_After="3600"),
    "/loop/a": lambda h, s: h.send(302, b"", Location="/loop/b"),
    "/loop/b": lambda h, s: h.send(302, b"", Location=s.url("/loop/a")),
    "/moved.html": lambda h, s: h.send(301, b"", Location=f"/news/{PAGES[3]}.html"),
    "/stall.html": _stall,
    "/huge.html": _huge,
    "/endless.html": _huge_unannounced,
    "/bomb.html": _bomb_page,
    "/data.json": lambda h, s: h.send(200, b'{"not": "a page"}', "application/json"),
    "/broken-feed.xml": lambda h, s: h.send(200, b"<html><body>no feed here</body></html>", "text/html"),
    "/feed.xml": lambda h, s: h.send(200, s.feed(), "application/rss+xml"),
    "/sitemap_index.xml": lambda h, s: h.send(200, s.sitemap_index(), "application/xml"),
    "/sitemap-2025.xml.gz": lambda h, s: h.send(200, s.sitemap_2025(), "application/gzip"),
}


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site: Site) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.site = site
        site.base = f"http://127.0.0.1:{self.server_address[1]}"
