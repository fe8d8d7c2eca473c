"""The crawl's web archive: an append-only (gzip'd) WARC file that a run never rewrites.

Each exchange (its ``request`` and ``response`` records, one gzip member each) is built in
memory and handed to the operating system in one write, so an interrupted run leaves whole
records only, and the next run appends after them. Opening an existing archive reads it
to the end: what it already holds is skipped, and a damaged archive is refused rather
than appended to (laoru never truncates or repairs a user's file).
"""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin

import attrs

from laoru.errors import LaoruError
from laoru.fetch.exchange import Exchange
from laoru.fetch.settings import PAGE_TYPES
from laoru.warc import starts_like_warc

MAX_REDIRECT_HOPS = 20


class ArchiveError(LaoruError):
    """An output archive laoru will not append to."""


@attrs.define
class Holdings:
    """What an archive already holds: URLs fetched as pages, and the redirects seen."""

    pages: set[str] = attrs.field(factory=set)
    redirects: dict[str, str] = attrs.field(factory=dict)

    def has(self, url: str) -> bool:
        """``url`` was fetched as a page, directly or through redirects recorded in the archive."""
        for _ in range(MAX_REDIRECT_HOPS):
            if url in self.pages:
                return True
            if url not in self.redirects:
                return False
            url = self.redirects[url]
        return False

    def add(self, record) -> None:
        headers = record.http_headers
        url = record.rec_headers.get_header("WARC-Target-URI")
        if record.rec_type != "response" or headers is None or not url:
            return
        status = headers.get_statuscode() or ""
        if status.startswith("3") and headers.get_header("Location"):
            self.redirects[url] = urljoin(url, headers.get_header("Location"))
        content_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        if status == "200" and content_type in PAGE_TYPES and not record.rec_headers.get_header("WARC-Truncated"):
            self.pages.add(url)


def read_holdings(path: str | os.PathLike[str]) -> Holdings:
    """Read an existing archive to its end; raise :class:`ArchiveError` if it is not whole."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    holdings = Holdings()
    refuse = "laoru appends only to a whole WARC file; write to a new file with -o"
    with open(path, "rb") as handle:
        if not starts_like_warc(handle):
            raise ArchiveError(f"{path}: not a readable WARC file (no WARC/1.x record header at the start); "
                               f"{refuse}")
        handle.seek(0)
        records = ArchiveIterator(handle)
        try:
            for record in records:
                if not record.format.startswith("warc"):
                    raise ValueError(f"an {record.format} record")
                while record.raw_stream.read(1 << 16):
                    pass
                if getattr(record.raw_stream, "limit", 0) > 0:
                    raise ArchiveError(f"{path}: the record at byte {records.get_record_offset()} "
                                       f"is cut short; {refuse}")
                holdings.add(record)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            raise ArchiveError(f"{path}: not a readable WARC file ({str(exc).strip() or type(exc).__name__}); "
                               f"{refuse}") from None
    return holdings


class Archive:
    """Appends exchanges to a WARC file, each written whole; :meth:`open` reads what it holds."""

    def __init__(self, path: str | os.PathLike[str], holdings: Holdings) -> None:
        self.path = Path(path)
        self.holdings = holdings
        self.gzip = self.path.name.lower().endswith(".gz")
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Archive:
        if not str(path).lower().endswith((".warc", ".warc.gz")):
            raise ArchiveError(f"{path}: the archive's name must end in .warc.gz (or .warc)")
        exists = os.path.exists(path) and os.path.getsize(path) > 0
        return cls(path, read_holdings(path) if exists else Holdings())

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _append(self, records: list) -> None:
        """Serialise records in memory, then write them with one system call loop and no buffering."""
        from warcio.warcwriter import WARCWriter

        buffer = BytesIO()
        writer = WARCWriter(buffer, gzip=self.gzip)
        for record in records:
            writer.write_record(record)
        data = memoryview(buffer.getvalue())
        while data:
            data = data[os.write(self._fd, data):]

    def write_info(self, info: dict[str, object]) -> None:
        """A ``warcinfo`` record: which laoru wrote what follows, and with which settings."""
        from warcio.warcwriter import WARCWriter

        writer = WARCWriter(BytesIO(), gzip=self.gzip)
        record = writer.create_warcinfo_record(self.path.name, {k: str(v) for k, v in info.items()})
        self._append([record])

    def write(self, exchange: Exchange) -> None:
        """The request, and the response if one came, as one append."""
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.timeutils import datetime_to_iso_date
        from warcio.warcwriter import WARCWriter

        writer = WARCWriter(BytesIO(), gzip=self.gzip)
        date = {"WARC-Date": datetime_to_iso_date(exchange.started)}
        target = exchange.url.split("#", 1)[0]
        path = target.split("/", 3)[3] if target.count("/") >= 3 else ""
        request_head = StatusAndHeaders(f"GET /{path} HTTP/1.1", exchange.request_headers,
                                        is_http_request=True)
        request = writer.create_warc_record(target, "request", payload=BytesIO(b""), length=0,
                                            warc_headers_dict=dict(date), http_headers=request_head)
        if exchange.status is None:
            self._append([request])
            return
        warc_headers = dict(date)
        if exchange.truncated:
            warc_headers["WARC-Truncated"] = exchange.truncated
        # the body is stored as it arrived after de-chunking, so the chunked framing header is dropped
        headers = [(k, v) for k, v in exchange.headers if k.lower() != "transfer-encoding"]
        response_head = StatusAndHeaders(f"{exchange.status} {exchange.reason_phrase}".strip(), headers,
                                         protocol=exchange.http_version)
        response = writer.create_warc_record(target, "response", payload=BytesIO(exchange.raw),
                                             length=len(exchange.raw), warc_headers_dict=warc_headers,
                                             http_headers=response_head)
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        self._append([request, response])
        if exchange.status == 200 and not exchange.failure:
            self.holdings.pages.add(target)
