"""Reading web-archive crawls: the pages inside a (gzip'd) WARC file, as raw inputs.

A crawl is fed to laoru as is, one WARC file per input: every ``response`` (HTTP 200) and
``resource`` record with an HTML or text body becomes a :class:`WarcInput` with the
capture's URL and content type, through the same caps as files, and its provenance (URL,
fetch time, WARC file, record id), which every Document parsed from it carries as
``metadata["warc"]``. Truncated records (``WARC-Truncated``) and robots.txt are not pages. A record that
fails the caps is reported and skipped; a corrupt or truncated archive is reported once and
the records read before the damage are kept.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

import attrs

from laoru.errors import InputError
from laoru.inputs import (
    MAX_COMPRESSED_BYTES,
    MAX_DOCUMENT_BYTES,
    WARC_SUFFIXES,
    RawInput,
    is_warc,
    label,
    open_regular,
    read_bytes,
)

if TYPE_CHECKING:
    from laoru.model import Document
    from laoru.registry import Registry

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

ErrorHandler = Callable[[str, str], None]
__all__ = ["WARC_SUFFIXES", "WarcInput", "is_warc", "page_from_record", "parse_warc", "read_warc", "write_warc"]


@attrs.frozen(slots=True)
class WarcInput(RawInput):
    """A page from a WARC record, with where and when it was captured."""

    warc: dict[str, object] = attrs.field(factory=dict)


def _content_type(record) -> str | None:
    if record.rec_type == "response":
        return record.http_headers.get_header("Content-Type") if record.http_headers else None
    return record.rec_headers.get_header("Content-Type")


def _is_page(record) -> bool:
    if record.rec_type not in ("response", "resource") or record.rec_headers.get_header("WARC-Truncated"):
        return False
    if urlsplit(record.rec_headers.get_header("WARC-Target-URI") or "").path == "/robots.txt":
        return False
    if record.rec_type == "response" and (record.http_headers is None
                                          or record.http_headers.get_statuscode() != "200"):
        return False
    content_type = (_content_type(record) or "").split(";")[0].strip().lower()
    return content_type in PAGE_TYPES


def starts_like_warc(handle: IO[bytes]) -> bool:
    """The first record header begins ``WARC/`` (after gunzip); the handle is rewound."""
    import zlib

    head = handle.read(512)
    handle.seek(0)
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_warc(path: str | os.PathLike[str], on_error: ErrorHandler | None = None) -> Iterator[WarcInput]:
    """Pages of one WARC file, in file order; ``on_error(source, reason)`` hears of bad records.

    Without a handler the first error is raised as :class:`InputError`. Sources read
    ``file.warc.gz#<record offset>`` so a reported record can be found again.
    """
    source = label(path)

    def report(where: str, reason: str) -> None:
        if on_error is None:
            raise InputError(where, reason)
        on_error(where, reason)

    try:
        handle = open_regular(path, source)
    except InputError as exc:
        report(exc.source, exc.reason)
        return
    with handle:
        if os.fstat(handle.fileno()).st_size > 64 * MAX_COMPRESSED_BYTES:
            report(source, f"WARC file larger than {64 * MAX_COMPRESSED_BYTES} bytes")
        elif not starts_like_warc(handle):
            report(source, "not a WARC file (no WARC/1.x record header at the start)")
        else:
            yield from _pages(handle, source, report)


def _pages(handle: IO[bytes], source: str, report: ErrorHandler) -> Iterator[WarcInput]:
    """The page records of an open WARC file; damage is reported once and ends the file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        records = ArchiveIterator(handle)
        for record in records:
            if not _is_page(record):
                continue
            data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
            offset = records.get_record_offset()  # only after reading: it consumes the stream
            if len(data) <= MAX_DOCUMENT_BYTES and getattr(record.raw_stream, "limit", 0) > 0:
                report(source, f"truncated WARC file (record at {offset} is cut short)")
                return
            try:
                yield page_from_record(record, f"{source}#{offset}", data)
            except InputError as exc:
                report(exc.source, exc.reason)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        report(source, f"corrupt WARC file ({str(exc).strip() or type(exc).__name__})")
    except (AttributeError, TypeError, KeyError, IndexError) as exc:  # warcio on a malformed record header
        report(source, f"corrupt WARC file (a record warcio cannot read: {type(exc).__name__}: {exc})")


def page_from_record(record: Any, where: str, data: bytes) -> WarcInput:
    """One page record as a :class:`WarcInput`: its URL, its content type (the charset in it is
    untrusted, like a page's), its body through the same caps as a file, and its provenance."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(where, f"record larger than {MAX_DOCUMENT_BYTES} bytes")
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    raw = read_bytes(where, data, url=url, content_type=_content_type(record))
    file, _, offset = where.rpartition("#")
    provenance = {"url": url, "date": record.rec_headers.get_header("WARC-Date"), "file": file,
                  "record_id": record.rec_headers.get_header("WARC-Record-ID"), "offset": int(offset)}
    return WarcInput(raw.source, raw.data, raw.url, raw.content_type, raw.warnings, warc=provenance)


def parse_warc(path: str | os.PathLike[str], *, outlet: str | None = None, plugins: Registry | None = None,
               on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """Documents of every page in a WARC file, each with its record's provenance in ``metadata["warc"]``.

    The same as :func:`laoru.api.parse_unit` on the file (the one reader every command uses).
    """
    from laoru.api import parse_unit

    yield from parse_unit(os.fspath(path), outlet=outlet, plugins=plugins, on_error=on_error)


def write_warc(path: str | os.PathLike[str], pages: list[tuple[str, bytes, str]]) -> None:
    """Write ``(url, body, content type)`` pages as gzip'd HTTP 200 response records (tests, benchmarks)."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=str(path).endswith(".gz"))
        for url, body, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
            writer.write_record(record)
