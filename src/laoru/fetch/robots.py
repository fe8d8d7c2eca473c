"""robots.txt, read once per site and obeyed (RFC 9309, parsed by Protego).

A robots.txt that is missing (any 4xx) allows everything; one that cannot be had (5xx,
timeouts, refused connections, after the usual retries) disallows everything on the
site, as the RFC asks, and says why.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import attrs

from laoru.fetch.exchange import Exchange

ROBOT_NAME = "laoru"
"""The product token robots.txt groups are matched against."""


@attrs.frozen
class SiteRules:
    """One site's answer: a parser, or a blanket allow/deny with its reason."""

    parser: object | None = None
    deny_reason: str | None = None

    def refusal(self, url: str) -> str | None:
        """Why ``url`` may not be fetched, or ``None`` if it may."""
        if self.deny_reason:
            return self.deny_reason
        if self.parser is not None and not self.parser.can_fetch(url, ROBOT_NAME):  # type: ignore[attr-defined]
            return "disallowed by robots.txt"
        return None

    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(ROBOT_NAME)  # type: ignore[attr-defined]
        return float(delay) if delay is not None else None


def site_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def rules_from(exchange: Exchange) -> SiteRules:
    """Read what a site answered for ``/robots.txt``."""
    from protego import Protego

    if exchange.failure and exchange.status is None:
        return SiteRules(deny_reason=f"robots.txt unavailable ({exchange.failure[1]}): site not crawled")
    status = exchange.status or 0
    if 200 <= status < 300 and not exchange.failure:
        return SiteRules(parser=Protego.parse(exchange.body.decode("utf-8", "replace")))
    if 400 <= status < 500:
        return SiteRules()
    return SiteRules(deny_reason=f"robots.txt unavailable (HTTP {status}): site not crawled")


class RobotsCache:
    """Fetches each site's robots.txt once (concurrent askers wait for the first)."""

    def __init__(self, fetch: Callable[[str], Awaitable[Exchange]]) -> None:
        self._fetch = fetch
        self._sites: dict[str, asyncio.Task[SiteRules]] = {}

    async def rules(self, url: str) -> SiteRules:
        site = site_of(url)
        if site not in self._sites:
            self._sites[site] = asyncio.ensure_future(self._load(site))
        return await asyncio.shield(self._sites[site])

    async def _load(self, site: str) -> SiteRules:
        return rules_from(await self._fetch(f"{site}/robots.txt"))
