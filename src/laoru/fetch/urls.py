"""URLs as laoru fetches and remembers them: normalised by courlan, so one page is fetched once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import urldefrag, urlsplit


def normalise(url: str) -> str | None:
    """The canonical form of an http(s) URL (host case, default port, tracking parameters,
    sorted query; no fragment: it never reaches the server), or ``None`` if it is not one."""
    from courlan import normalize_url

    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    try:
        return urldefrag(str(normalize_url(url))).url
    except ValueError:
        return None


def read_url_list(lines: Iterable[str]) -> Iterator[str]:
    """URLs from a list file: one a line; blank lines and ``#`` comments skipped."""
    for line in lines:
        text = line.strip()
        if text and not text.startswith("#"):
            yield text
