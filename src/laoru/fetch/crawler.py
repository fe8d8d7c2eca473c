"""Politeness and patience around single exchanges: host turns, robots.txt, retries, redirects.

Every request goes through :meth:`Crawler.attempt`, which waits for the host's turn (one
request at a time per host, ``delay`` seconds after the previous one ended, longer if
robots.txt asks), holds one of the global ``concurrency`` slots, and archives what was
sent and received before anyone looks at it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import httpx

from laoru.fetch.archive import Archive
from laoru.fetch.exchange import BodyCheck, Exchange, Failure, perform
from laoru.fetch.robots import RobotsCache, site_of
from laoru.fetch.settings import Settings
from laoru.fetch.urls import normalise


class HostTurns:
    """One request at a time per host, with a pause after each."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._free_at: dict[str, float] = {}

    @asynccontextmanager
    async def turn(self, host: str, delay: float) -> AsyncIterator[None]:
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._free_at.get(host, 0.0) - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                yield
            finally:
                self._free_at[host] = time.monotonic() + delay


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds asked by a Retry-After header (a number or an HTTP date), if it says."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def retry_wait(exchange: Exchange, attempt: int, settings: Settings) -> float | None:
    """How long to wait before trying again, or ``None`` if trying again cannot help."""
    status = exchange.status
    if not exchange.retryable and (status is None or (status != 429 and status < 500)):
        return None
    asked = retry_after_seconds(exchange.retry_after) if status in (429, 503) else None
    return asked if asked is not None else settings.backoff * 2 ** attempt


class Crawler:
    """Fetches URLs politely for one run, archiving every exchange."""

    def __init__(self, client: httpx.AsyncClient, archive: Archive, settings: Settings) -> None:
        self.client, self.archive, self.settings = client, archive, settings
        self.turns = HostTurns()
        self.slots = asyncio.Semaphore(settings.concurrency)
        self.robots = RobotsCache(lambda url: self.get(url, check_robots=False))

    async def attempt(self, url: str, check: BodyCheck | None, delay: float) -> Exchange:
        async with self.turns.turn(site_of(url), delay), self.slots:
            exchange = await perform(self.client, url, self.settings, check)
        self.archive.write(exchange)
        return exchange

    async def request(self, url: str, check: BodyCheck | None, delay: float) -> Exchange:
        """One URL with retries on 429, 5xx, timeouts and broken connections."""
        for attempt in range(self.settings.retries + 1):
            exchange = await self.attempt(url, check, delay)
            wait = retry_wait(exchange, attempt, self.settings)
            if wait is None:
                return exchange
            if wait > self.settings.max_wait:
                exchange.failure = ("retry-after", f"HTTP {exchange.status}: asked to wait {wait:.0f} s, "
                                    f"more than the {self.settings.max_wait:g}-second limit")
                return exchange
            if attempt == self.settings.retries:
                break
            await asyncio.sleep(wait)
        if exchange.failure is None:
            exchange.failure = (f"HTTP {exchange.status}", f"HTTP {exchange.status} {exchange.reason_phrase}"
                                f" after {self.settings.retries + 1} attempts".replace("  ", " "))
        return exchange

    async def _site_delay(self, url: str, check_robots: bool) -> tuple[float, str | None]:
        """The pause for ``url``'s host, and why robots.txt refuses it (if it does)."""
        if not check_robots:
            return self.settings.delay, None
        rules = await self.robots.rules(url)
        asked = rules.crawl_delay() or 0.0
        return max(self.settings.delay, min(asked, self.settings.max_wait)), rules.refusal(url)

    async def get(self, url: str, check: BodyCheck | None = None, check_robots: bool = True) -> Exchange:
        """Fetch ``url``, following redirects (capped, loops detected); the last exchange is returned."""
        chain = [url]
        while True:
            delay, refusal = await self._site_delay(chain[-1], check_robots)
            if refusal:
                return _refused(chain[-1], ("robots.txt", refusal))
            exchange = await self.request(chain[-1], check, delay)
            location = exchange.header("location")
            if exchange.failure or exchange.status is None or not 300 <= exchange.status < 400 or not location:
                return exchange
            target = normalise(urljoin(chain[-1], location)) or urljoin(chain[-1], location)
            if target in chain:
                exchange.failure = ("redirect loop", "redirect loop: " + " → ".join([*chain, target]))
                return exchange
            if len(chain) > self.settings.max_redirects:
                exchange.failure = ("redirects", f"more than {self.settings.max_redirects} redirects")
                return exchange
            chain.append(target)


def _refused(url: str, failure: Failure) -> Exchange:
    from datetime import datetime, timezone

    return Exchange(url=url, started=datetime.now(timezone.utc), failure=failure)
