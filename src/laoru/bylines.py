"""Bylines into a list of names: users filter and count by author, so never one joined string."""

from __future__ import annotations

import re
from collections.abc import Iterable

from laoru.clean import normalise_space

_PREFIX = re.compile(r"^(?:by|written by|reporting by|story by|text by|автор[ы]?:?|ໂດຍ)\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\bи\b|\|)\s*", re.IGNORECASE)
_TRAILING = re.compile(r"\s*\((?:[^)]*)\)\s*$|\s*/\s*\w+$")
_NOT_A_NAME = re.compile(r"\d|@|https?:|staff|editor|correspondent|reporter$", re.IGNORECASE)


def split_authors(value: str | Iterable[str] | None) -> list[str]:
    """``"By A, B and C (Latest Update …)"`` → ``["A", "B", "C"]``; lists are split item by item.

    Parenthesised trailers and ``/Agency`` suffixes are dropped; pieces that cannot be a
    person's name (digits, e-mail, "staff") are left out.
    """
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or ""
        text = _TRAILING.sub("", _PREFIX.sub("", normalise_space(str(item))))
        for piece in _SEPARATORS.split(text):
            piece = piece.strip(" .")
            if piece and not _NOT_A_NAME.search(piece) and piece not in names:
                names.append(piece)
    return names
