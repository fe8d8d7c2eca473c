"""One crawl from start to summary: expand feeds and sitemaps, plan, fetch, tally.

A URL ends in exactly one :class:`Outcome`: fetched (in the archive as a page), skipped
(already in the archive, or listed twice) or failed with a reason. Ctrl-C stops the run
between records: the archive holds whole records only and the next run goes on from it.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

import attrs

from laoru import __version__
from laoru.fetch.archive import Archive, Holdings
from laoru.fetch.crawler import Crawler
from laoru.fetch.discover import Found, expand_feed, expand_sitemap
from laoru.fetch.exchange import page_check
from laoru.fetch.settings import Settings
from laoru.fetch.urls import normalise

OutcomeHandler = Callable[["Outcome"], None]


@attrs.frozen
class Outcome:
    """What became of one URL: ``status`` is fetched, skipped or failed; ``kind`` groups reasons."""

    url: str
    status: str
    kind: str = ""
    detail: str = ""


@attrs.define
class Summary:
    """Every outcome of a run, and whether it was interrupted."""

    archive: str
    outcomes: list[Outcome] = attrs.field(factory=list)
    interrupted: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def reasons(self, status: str) -> Counter[str]:
        return Counter(o.kind for o in self.outcomes if o.status == status)

    def line(self) -> str:
        """``fetched 3, skipped 1 (already in the archive: 1), failed 2 (HTTP 404: 1, timeout: 1)``."""
        parts = [f"fetched {self.count('fetched')}"]
        for status in ("skipped", "failed"):
            reasons = self.reasons(status)
            detail = ", ".join(f"{kind}: {n}" for kind, n in sorted(reasons.items()))
            parts.append(f"{status} {sum(reasons.values())}" + (f" ({detail})" if detail else ""))
        return ", ".join(parts) + f" -> {self.archive}" + (" (interrupted)" if self.interrupted else "")

    @property
    def exit_code(self) -> int:
        return 1 if self.count("failed") else 0


def parse_since(text: str) -> date:
    """``--since``: an ISO date (a datetime is cut to its day)."""
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise ValueError(f"--since {text!r} is not an ISO date (YYYY-MM-DD)") from None


def fetch(urls: Iterable[str], output: str | os.PathLike[str], *, feeds: Iterable[str] = (),
          sitemaps: Iterable[str] = (), since: date | None = None, settings: Settings | None = None,
          on_outcome: OutcomeHandler | None = None, progress: bool = False) -> Summary:
    """Fetch ``urls`` and the articles listed by ``feeds``/``sitemaps`` into the WARC file ``output``.

    Raises :class:`~laoru.fetch.archive.ArchiveError` if ``output`` exists and is not a whole
    WARC file. ``on_outcome`` hears of each URL as it ends (to print failures as they come).
    """
    settings = settings or Settings()
    archive = Archive.open(output)
    summary = Summary(archive=str(output))

    def record(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)

    job = _Job(list(urls), list(feeds), list(sitemaps), since, settings, archive, record, progress)
    try:
        asyncio.run(job.run())
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        archive.close()
    return summary


@attrs.define
class _Job:
    urls: list[str]
    feeds: list[str]
    sitemaps: list[str]
    since: date | None
    settings: Settings
    archive: Archive
    record: OutcomeHandler
    progress: bool

    def info(self) -> dict[str, object]:
        return {"software": f"laoru/{__version__}", "http-header-user-agent": self.settings.user_agent,
                "robots": "obey", "settings": json.dumps(self.settings.to_dict(), sort_keys=True),
                "seeds": json.dumps({"urls": len(self.urls), "feeds": self.feeds, "sitemaps": self.sitemaps,
                                     "since": self.since.isoformat() if self.since else None})}

    async def run(self) -> None:
        import httpx

        self.archive.write_info(self.info())
        headers = {"User-Agent": self.settings.user_agent}
        async with httpx.AsyncClient(headers=headers, timeout=httpx.Timeout(self.settings.timeout),
                                     follow_redirects=False) as client:
            crawler = Crawler(client, self.archive, self.settings)
            listed = list(self.urls) + await self._discover(crawler)
            targets = self._plan(listed, self.archive.holdings)
            await self._fetch_all(crawler, targets)

    async def _discover(self, crawler: Crawler) -> list[str]:
        found = Found()
        limit = self.settings.max_bytes
        for kind, starts, expand in (("feed", self.feeds, expand_feed), ("sitemap", self.sitemaps, expand_sitemap)):
            for start in starts:
                url = normalise(start)
                if url is None:
                    self.record(Outcome(start, "failed", "invalid URL", f"{kind} {start!r} is not an http(s) URL"))
                    continue
                more = await expand(crawler.get, url, self.since, limit)
                found.urls += more.urls
                found.failures += more.failures
        for url, (kind, detail) in found.failures:
            self.record(Outcome(url, "failed", kind, detail))
        return found.urls

    def _plan(self, listed: list[str], holdings: Holdings) -> list[str]:
        """Normalised, deduplicated URLs not yet in the archive; the others are recorded now."""
        targets: dict[str, None] = {}
        for given in listed:
            url = normalise(given)
            if url is None:
                self.record(Outcome(given, "failed", "invalid URL", "not an http(s) URL"))
            elif url in targets:
                self.record(Outcome(url, "skipped", "listed twice"))
            elif holdings.has(url):
                self.record(Outcome(url, "skipped", "already in the archive"))
            else:
                targets[url] = None
        return list(targets)

    async def _fetch_all(self, crawler: Crawler, targets: list[str]) -> None:
        bar = None
        if self.progress and targets:
            from tqdm import tqdm

            bar = tqdm(total=len(targets), desc="fetching", unit="page", file=sys.stderr, leave=False)
        tasks = [asyncio.ensure_future(_fetch_page(crawler, url)) for url in targets]
        try:
            for next_done in asyncio.as_completed(tasks):
                self.record(await next_done)
                if bar is not None:
                    bar.update()
        finally:
            for task in tasks:
                task.cancel()
            if bar is not None:
                bar.close()


async def _fetch_page(crawler: Crawler, url: str) -> Outcome:
    exchange = await crawler.get(url, check=page_check)
    if exchange.failure:
        return Outcome(url, "failed", *exchange.failure)
    if exchange.status != 200:
        return Outcome(url, "failed", f"HTTP {exchange.status}", f"HTTP {exchange.status} {exchange.reason_phrase}")
    return Outcome(url, "fetched")
