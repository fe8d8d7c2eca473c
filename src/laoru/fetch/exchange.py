"""One HTTP request and its response, read as a stream under caps.

A response body is never read whole before it is known to fit: a ``Content-Length`` over
the cap stops the read before the body, a body without one is cut at the cap, and a
compressed body is decoded in bounded steps so that a small gzip member cannot expand to
gigabytes in memory. What was sent and received (headers, body bytes as sent) is kept for
the archive, with ``truncated`` saying why a body is incomplete (WARC-Truncated values).
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from datetime import datetime, timezone

import attrs
import httpx

from laoru.fetch.settings import PAGE_TYPES, Settings

Failure = tuple[str, str]
"""``(kind, detail)``: a short category for the summary and the full reason for the user."""

BodyCheck = Callable[[httpx.Response], "Failure | None"]
"""Says before the body is read whether it is wanted; a failure leaves the body unread."""


class BodyTooLarge(Exception):
    """The body, as sent or decoded, passed the cap."""


@attrs.define
class Exchange:
    """A request and what came back; ``failure`` says why it is not usable."""

    url: str
    started: datetime
    request_headers: list[tuple[str, str]] = attrs.field(factory=list)
    status: int | None = None
    reason_phrase: str = ""
    http_version: str = "HTTP/1.1"
    headers: list[tuple[str, str]] = attrs.field(factory=list)
    raw: bytes = b""
    body: bytes = b""
    truncated: str | None = None
    failure: Failure | None = None
    retryable: bool = False
    retry_after: str | None = None

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.headers if key.lower() == name), None)


class BoundedDecoder:
    """Content-Encoding decoding (identity, gzip, deflate) that stops at ``limit`` output bytes."""

    def __init__(self, encoding: str | None, limit: int) -> None:
        name = (encoding or "identity").strip().lower()
        if name not in ("identity", "gzip", "x-gzip", "deflate"):
            raise ValueError(f"unsupported Content-Encoding {encoding!r}")
        # 32 + MAX_WBITS reads a gzip or a zlib header, whichever the server sent
        self._inflate = None if name == "identity" else zlib.decompressobj(32 + zlib.MAX_WBITS)
        self.limit = limit
        self.size = 0

    def feed(self, data: bytes) -> bytes:
        if self._inflate is None:
            return self._count(data)
        out = bytearray()
        while data and not self._inflate.eof:
            out += self._count(self._inflate.decompress(data, self.limit + 1 - self.size))
            data = self._inflate.unconsumed_tail
        return bytes(out)

    def finish(self) -> None:
        """Raise ``zlib.error`` if a compressed body ended before its end marker."""
        if self._inflate is not None and not self._inflate.eof:
            raise zlib.error("compressed body ends early")

    def _count(self, chunk: bytes) -> bytes:
        self.size += len(chunk)
        if self.size > self.limit:
            raise BodyTooLarge
        return chunk


def page_check(response: httpx.Response) -> Failure | None:
    """Pages only: a 200 whose Content-Type is HTML, XHTML or plain text (other statuses pass)."""
    if response.status_code != 200:
        return None
    content_type = response.headers.get("content-type", "")
    kind = content_type.split(";")[0].strip().lower()
    if kind in PAGE_TYPES:
        return None
    shown = kind or "none"
    return "not a page", f"content type {shown} is not a page ({', '.join(PAGE_TYPES)})"


def _failure_of(exc: httpx.HTTPError, settings: Settings) -> tuple[Failure, bool]:
    """What a transport error means for the user, and whether another attempt may succeed."""
    if isinstance(exc, httpx.TimeoutException):
        return ("timeout", f"timed out ({type(exc).__name__}, limit {settings.timeout:g} s)"), True
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return ("invalid URL", str(exc)), False
    return ("connection", f"connection failed ({type(exc).__name__}: {exc or 'no detail'})"), True


async def perform(client: httpx.AsyncClient, url: str, settings: Settings,
                  check: BodyCheck | None = None) -> Exchange:
    """GET ``url`` once (no redirects followed, no retry) and read the body under the caps."""
    exchange = Exchange(url=url, started=datetime.now(timezone.utc))
    try:
        request = client.build_request("GET", url, headers={"Accept-Encoding": "gzip, deflate"})
    except httpx.HTTPError as exc:
        exchange.failure, exchange.retryable = _failure_of(exc, settings)
        return exchange
    exchange.request_headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw]
    try:
        response = await client.send(request, stream=True)
    except httpx.HTTPError as exc:
        exchange.failure, exchange.retryable = _failure_of(exc, settings)
        return exchange
    try:
        _take_head(exchange, response)
        refused = check(response) if check else None
        if refused:
            exchange.failure, exchange.truncated = refused, "unspecified"
        else:
            await _read_body(exchange, response, settings)
    finally:
        await response.aclose()
    return exchange


def _take_head(exchange: Exchange, response: httpx.Response) -> None:
    exchange.status = response.status_code
    exchange.reason_phrase = response.reason_phrase
    exchange.http_version = response.http_version or "HTTP/1.1"
    exchange.headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw]
    exchange.retry_after = response.headers.get("retry-after")


async def _read_body(exchange: Exchange, response: httpx.Response, settings: Settings) -> None:
    """Stream the body into ``exchange`` until it ends, a cap fires or the deadline passes."""
    cap = settings.max_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        exchange.truncated = "length"
        exchange.failure = "too large", f"body of {int(declared)} bytes is over the {cap}-byte cap (not read)"
        return
    try:
        decoder = BoundedDecoder(response.headers.get("content-encoding"), cap)
    except ValueError as exc:
        exchange.truncated, exchange.failure = "unspecified", ("encoding", str(exc))
        return
    raw, body = bytearray(), bytearray()
    ends_at = time.monotonic() + settings.deadline
    try:
        async for chunk in response.aiter_raw():
            raw += chunk
            if len(raw) > cap:
                raise BodyTooLarge
            body += decoder.feed(chunk)
            if time.monotonic() > ends_at:
                exchange.truncated = "time"
                exchange.failure = "timeout", f"body still arriving after the {settings.deadline:g}-second deadline"
                break
        else:
            decoder.finish()
    except BodyTooLarge:
        exchange.truncated = "length"
        what = "compressed body decodes to" if len(raw) <= cap else "body is"
        exchange.failure = "too large", f"{what} more than the {cap}-byte cap (reading stopped there)"
    except zlib.error as exc:
        exchange.failure = "encoding", f"cannot decode the {response.headers.get('content-encoding')} body ({exc})"
    except httpx.HTTPError as exc:
        exchange.truncated = "time" if isinstance(exc, httpx.TimeoutException) else "disconnect"
        exchange.failure, exchange.retryable = _failure_of(exc, settings)
    exchange.raw, exchange.body = bytes(raw), bytes(body)
