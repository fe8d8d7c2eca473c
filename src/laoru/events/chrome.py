"""Paragraphs that are page furniture, not reporting: bylines, photo credits, source
lines, editor notes, share buttons. Events are never read from them, so the people
named there can never become actors.

Each furniture shape is its own regex, tried only where a word it must start with occurs
in the paragraph: most paragraphs are prose and pay for a few substring searches.
"""

from __future__ import annotations

import re

_LEADING = re.compile(
    r"\s*(?:source\s*:|reporting by|editing by|written by|photo\s*:|photos\s*:|credit\s*:|image\s*:|video\s*:|"
    r"read more|related\s*:|share\b|sign up|subscribe|follow us|>>>|\*the name|copyright|©)",
    re.IGNORECASE,
)
# (words a match must start with, pattern)
_ANYWHERE: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("credit", "photo", "image"), re.compile(r"(?:credit|photo|photos|image)\s*:\s*[^\n]{0,80}$", re.I)),
    (("latest update", "updated"), re.compile(r"\b(?:latest update|updated)\s*[:\s]\s*\w+\s+\d", re.I)),
    (("via",), re.compile(r"\bvia (?:getty images|afp|reuters|ap)\s*$", re.I)),
    (("/",), re.compile(r"/(?:rfa|afp|reuters|xinhua|tass|kpl)\s*$", re.I)),
)
_BYLINE = re.compile(r"^\s*[Bb][Yy]\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*(?:\(|$|,|\||and\b)")


def _found_at_words(pattern: re.Pattern[str], text: str, low: str, words: tuple[str, ...]) -> bool:
    """``pattern.search(text)``, trying only where one of ``words`` (lower case) begins."""
    for word in words:
        at = low.find(word)
        while at >= 0:
            if pattern.match(text, at):
                return True
            at = low.find(word, at + 1)
    return False


def is_chrome(paragraph: str) -> bool:
    """True for a byline, a credit line or caption ending in a credit, or other furniture."""
    text = paragraph.strip()
    if not text:
        return True
    if _BYLINE.match(text) or _LEADING.match(text):
        return True
    low = text.lower()
    if len(low) != len(text):  # offsets would not line up: search the plain way
        return any(pattern.search(text) for _words, pattern in _ANYWHERE)
    return any(_found_at_words(pattern, text, low, words) for words, pattern in _ANYWHERE)
