"""The metadata lines capture tools and archives write above a page's text.

A stored capture often opens with a line the archive wrote, not the page:
`` date 2025-07-31 `` (sometimes month precision, ``date 2024-02``, and sometimes the page's
URL after it, with the page's first line run on), or a block of ``Key: value`` lines
(``Date:``, ``URL:``, ``Source:``, ``Title:``) as clipping tools write them. These lines
say when and where the page was captured; they are never article text.

:func:`detach` reads that header off a text page and hands back the page without it,
the header attached (:class:`CaptureHeader`). The header is weaker evidence than the page
itself: a date the page prints wins over the header's, which only fills what the page
leaves empty or gives the year to a yearless printed date (:func:`settle_published`).
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from laoru import dates
from laoru.page import Page

ARCHIVE_DATE = re.compile(
    r"^[ \t]*date[ \t]+(?P<date>\d{4}-\d{2}(?:-\d{2})?)(?=\s|$)[ \t]*(?:(?P<url>https?://\S+)[ \t]*)?",
    re.IGNORECASE,
)
"""The archive's own line: `` date 2025-07-31 `` (optionally a URL), the page's text may run on."""
KEY_LINE = re.compile(r"^[ \t]*(?P<key>date|url|source|title)[ \t]*:[ \t]*(?P<value>\S.*?)[ \t]*$", re.IGNORECASE)
"""A clipping tool's ``Key: value`` line."""
URL = re.compile(r"^https?://\S+$")
MAX_HEADER_LINES = 8


@attrs.frozen
class CaptureHeader:
    """What a capture's header says: the page's date (at its precision), URL, title, source."""

    published: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    lines: tuple[str, ...] = ()
    """The header text as written (stripped), for provenance."""

    def to_dict(self) -> dict[str, Any]:
        values = {"published": self.published, "url": self.url, "title": self.title, "source": self.source}
        return {**{k: v for k, v in values.items() if v}, "lines": list(self.lines)}


def read(text: str) -> tuple[CaptureHeader | None, str]:
    """The header at the top of ``text`` (or ``None``) and the text that follows it."""
    found: dict[str, str] = {}
    written: list[str] = []
    lines = text.split("\n")
    index, remainder = 0, None
    while index < len(lines) and len(written) < MAX_HEADER_LINES:
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if match := ARCHIVE_DATE.match(line):
            _record(found, "date", match["date"])
            if match["url"]:
                _record(found, "url", match["url"])
            written.append(match.group(0).strip())
            if line[match.end():].strip():  # the page's first line runs on after the archive's line
                remainder = line[match.end():]
                break
        elif match := KEY_LINE.match(line):
            key, value = match["key"].lower(), match["value"]
            _record(found, "url" if key == "source" and URL.match(value) else key, value)
            written.append(line.strip())
        else:
            break
        index += 1
    if not written:
        return None, text
    rest = "\n".join(([remainder] if remainder is not None else []) + lines[index + (remainder is not None):])
    header = CaptureHeader(published=_date(found.get("date")), url=found.get("url"), title=found.get("title"),
                           source=found.get("source"), lines=tuple(written))
    return header, rest


def _record(found: dict[str, str], key: str, value: str) -> None:
    found.setdefault(key, value.strip())


def _date(text: str | None) -> str | None:
    """The header's date at the precision it is written (``2024-02`` stays a month)."""
    if not text:
        return None
    return dates.parse_iso(text) or dates.parse_human(text)


def settle_published(printed: str | None, header: CaptureHeader | None) -> tuple[str | None, str | None]:
    """The publication date and where it came from: ``page``, ``page+capture_header`` (a yearless
    printed date given its year by the header's date) or ``capture_header``.

    The page's own date beats the header's; a yearless printed date is resolved only against
    the header's full date, never against today.
    """
    anchor = header.published if header else None
    if printed and not printed.startswith("--"):
        return printed, "page"
    if printed and anchor and dates.precision(anchor) in ("day", "time"):
        resolved = dates.resolve_yearless(printed, anchor)
        if resolved and not resolved.startswith("--"):
            return resolved, "page+capture_header"
    if anchor:
        return anchor, "capture_header"
    return printed, "page" if printed else None


def detach(page: Page) -> Page:
    """``page`` without its capture header, the header kept in ``page.header``; HTML pages and
    captures without a header are returned as they are."""
    if page.is_html or page.header is not None:
        return page
    header, rest = read(page.text)
    if header is None:
        return page
    return Page(source=page.source, text=rest, is_html=False, raw=rest.encode("utf-8"), charset=page.charset,
                given_url=page.given_url, header=header)
