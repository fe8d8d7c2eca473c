"""Paragraphs that are page furniture, not reporting: bylines, photo credits, source
lines, editor notes, share buttons. Events are never read from them, so the people
named there can never become actors.
"""

from __future__ import annotations

import re

_CHROME = re.compile(
    r"(?:^\s*(?:source\s*:|reporting by|"
    r"editing by|written by|photo\s*:|photos\s*:|credit\s*:|image\s*:|video\s*:|read more|related\s*:|"
    r"share\b|sign up|subscribe|follow us|>>>|\*the name|copyright|©)"
    r"|(?:credit|photo|photos|image)\s*:\s*[^\n]{0,80}$"
    r"|\b(?:latest update|updated)\s*[:\s]\s*\w+\s+\d"
    r"|\bvia (?:getty images|afp|reuters|ap)\s*$"
    r"|/(?:rfa|afp|reuters|xinhua|tass|kpl)\s*$)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*[Bb][Yy]\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*(?:\(|$|,|\||and\b)")


def is_chrome(paragraph: str) -> bool:
    """True for a byline, a credit line or caption ending in a credit, or other furniture."""
    text = paragraph.strip()
    if not text:
        return True
    return bool(_BYLINE.match(text) or _CHROME.search(text))
