"""Collect pages into a web archive, politely and resumably: ``laoru fetch`` and :func:`fetch`.

>>> from laoru.fetch import fetch, Settings
>>> summary = fetch(["https://tass.com/politics/1"], "crawl.warc.gz")  # doctest: +SKIP
>>> summary.line()  # doctest: +SKIP

Every request and response goes into a gzip'd WARC file (one ``warcinfo`` record per
run with laoru's version and settings); a second run with the same archive fetches only
what it does not hold yet. Needs the ``fetch`` extra (httpx, warcio, courlan,
feedparser, protego).
"""

from __future__ import annotations

from typing import Any

from laoru.fetch.settings import PAGE_TYPES, Settings

__all__ = ["PAGE_TYPES", "Outcome", "Settings", "Summary", "fetch", "parse_since"]


def __getattr__(name: str) -> Any:
    """The crawler is imported on first use: ``laoru --help`` works without the fetch extra."""
    if name in ("Outcome", "Summary", "fetch", "parse_since"):
        from laoru.fetch import run

        return getattr(run, name)
    raise AttributeError(f"module 'laoru.fetch' has no attribute {name!r}")
