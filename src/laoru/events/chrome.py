"""Paragraphs that are page furniture, not reporting: bylines, photo credits, source
lines, editor notes, share buttons. Events are never read from them, so the people
named there can never become actors.

Each furniture shape is its own regex, run only when a word it cannot match without
occurs in the paragraph: most paragraphs are prose and pay for a few substring tests.
"""

from __future__ import annotations

import re

_LEADING = re.compile(
    r"\s*(?:source\s*:|reporting by|editing by|written by|photo\s*:|photos\s*:|credit\s*:|image\s*:|video\s*:|"
    r"read more|related\s*:|share\b|sign up|subscribe|follow us|>>>|\*the name|copyright|©)",
    re.IGNORECASE,
)
# (words one of which must occur, pattern searched anywhere)
_ANYWHERE: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("credit", "photo", "image"), re.compile(r"(?:credit|photo|photos|image)\s*:\s*[^\n]{0,80}$", re.I)),
    (("update",), re.compile(r"\b(?:latest update|updated)\s*[:\s]\s*\w+\s+\d", re.I)),
    (("via ",), re.compile(r"\bvia (?:getty images|afp|reuters|ap)\s*$", re.I)),
    (("/",), re.compile(r"/(?:rfa|afp|reuters|xinhua|tass|kpl)\s*$", re.I)),
)
_BYLINE = re.compile(r"^\s*[Bb][Yy]\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*(?:\(|$|,|\||and\b)")


def is_chrome(paragraph: str) -> bool:
    """True for a byline, a credit line or caption ending in a credit, or other furniture."""
    text = paragraph.strip()
    if not text:
        return True
    if _BYLINE.match(text) or _LEADING.match(text):
        return True
    folded = text.casefold()
    return any(any(w in folded for w in words) and pattern.search(text) for words, pattern in _ANYWHERE)
