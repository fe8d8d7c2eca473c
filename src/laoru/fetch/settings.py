"""How politely and how patiently laoru fetches: every knob in one frozen record.

The defaults are the politeness promised in docs/collect.md; the same record is written
into the archive's ``warcinfo`` record so a crawl says how it was made.
"""

from __future__ import annotations

import attrs

from laoru import __version__

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
"""Content types kept as pages; anything else ends in the failure summary unread."""


def default_user_agent() -> str:
    """``laoru/<version>``: names the tool and its version; add a contact with ``--user-agent``."""
    return f"laoru/{__version__} (news research crawler)"


@attrs.frozen
class Settings:
    """Politeness, patience and caps of one crawl."""

    user_agent: str = attrs.field(factory=default_user_agent)
    delay: float = 1.0
    """Seconds between the end of one request and the start of the next to the same host
    (a longer robots.txt ``Crawl-delay`` wins, up to ``max_wait``)."""
    concurrency: int = 4
    """Requests in flight at once, over all hosts (one at a time per host)."""
    timeout: float = 20.0
    """Seconds to connect, or to wait for the next bytes of a response."""
    deadline: float = 120.0
    """Seconds a whole response may take, however slowly its bytes trickle in."""
    retries: int = 3
    """Extra attempts after a 429, a 5xx, a timeout or a connection error (never after another 4xx)."""
    backoff: float = 2.0
    """First wait before a retry in seconds, doubled at each attempt (a Retry-After header wins)."""
    max_wait: float = 300.0
    """Longest wait laoru accepts from Retry-After or Crawl-delay; longer is a failure."""
    max_redirects: int = 5
    max_bytes: int = 20 * 1024 * 1024
    """Largest body kept, counted both as sent and once decompressed."""

    def to_dict(self) -> dict[str, object]:
        return attrs.asdict(self)
