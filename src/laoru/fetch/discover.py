"""From an outlet's feeds and sitemaps to the article URLs they list, newest first filtered by date.

Feeds (RSS, Atom) are read by feedparser; sitemaps (``urlset``, ``sitemapindex``, gzip'd
or not, with Google News dates) by lxml with entities and network access off. An entry
whose date (``published``/``updated``, ``lastmod``, ``news:publication_date``) is before
``since`` is left out; an entry without a date is kept. A sitemap index entry dated
before ``since`` is not fetched at all: nothing in it changed since then.
"""

from __future__ import annotations

import zlib
from collections.abc import Awaitable, Callable
from datetime import date

import attrs

from laoru.fetch.exchange import Exchange, Failure

MAX_SITEMAPS = 500
"""Sitemaps read from one starting point at most (indexes can be nested and huge)."""

Get = Callable[[str], Awaitable[Exchange]]


@attrs.define
class Found:
    """URLs listed by feeds and sitemaps, and the ones that could not be read."""

    urls: list[str] = attrs.field(factory=list)
    failures: list[tuple[str, Failure]] = attrs.field(factory=list)


def entry_day(text: str | None) -> date | None:
    """The calendar day a W3C/ISO date or datetime starts with."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _is_recent(day: date | None, since: date | None) -> bool:
    return since is None or day is None or day >= since


def _payload(exchange: Exchange, limit: int) -> bytes:
    """The body, gunzipped (bounded) if it is itself a .gz file; raises ``ValueError``."""
    body = exchange.body
    if body[:2] != b"\x1f\x8b":
        return body
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflate.decompress(body, limit + 1)
    except zlib.error as exc:
        raise ValueError(f"corrupt gzip ({exc})") from None
    if len(out) > limit:
        raise ValueError(f"decompresses to more than {limit} bytes")
    return out


def feed_urls(data: bytes, since: date | None) -> list[str]:
    """Entry links of an RSS or Atom feed; raises ``ValueError`` if it is not one."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        raise ValueError("not an RSS or Atom feed")
    out = []
    for entry in parsed.entries:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        day = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        if entry.get("link") and _is_recent(day, since):
            out.append(entry["link"])
    return out


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def sitemap_entries(data: bytes) -> tuple[str, list[tuple[str, date | None]]]:
    """``("index"|"urlset", [(loc, day)])`` of a sitemap; raises ``ValueError`` if it is not one."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not XML ({exc})") from None
    kind = {"sitemapindex": "index", "urlset": "urlset"}.get(_local(root.tag) if root is not None else "")
    if kind is None:
        raise ValueError("not a sitemap (no <urlset> or <sitemapindex>)")
    entries = []
    for item in root:
        fields = {_local(node.tag): (node.text or "").strip() for node in item.iter()}
        if fields.get("loc"):
            day = entry_day(fields.get("publication_date")) or entry_day(fields.get("lastmod"))
            entries.append((fields["loc"], day))
    return kind, entries


async def expand_feed(get: Get, url: str, since: date | None, limit: int) -> Found:
    found = Found()
    exchange = await get(url)
    failure = _unusable(exchange)
    try:
        found.urls = [] if failure else feed_urls(_payload(exchange, limit), since)
    except ValueError as exc:
        failure = ("feed", str(exc))
    if failure:
        found.failures.append((url, failure))
    return found


async def expand_sitemap(get: Get, url: str, since: date | None, limit: int) -> Found:
    """Article URLs of a sitemap or sitemap index, breadth first, at most :data:`MAX_SITEMAPS` files."""
    found, queue, seen = Found(), [url], {url}
    while queue and len(seen) <= MAX_SITEMAPS:
        current = queue.pop(0)
        exchange = await get(current)
        failure = _unusable(exchange)
        try:
            kind, entries = ("urlset", []) if failure else sitemap_entries(_payload(exchange, limit))
        except ValueError as exc:
            failure, kind, entries = ("sitemap", str(exc)), "urlset", []
        if failure:
            found.failures.append((current, failure))
        for loc, day in entries:
            if not _is_recent(day, since):
                continue
            if kind == "urlset":
                found.urls.append(loc)
            elif loc not in seen:
                seen.add(loc)
                queue.append(loc)
    return found


def _unusable(exchange: Exchange) -> Failure | None:
    if exchange.failure:
        return exchange.failure
    if exchange.status != 200:
        return f"HTTP {exchange.status}", f"HTTP {exchange.status} {exchange.reason_phrase}".strip()
    return None
