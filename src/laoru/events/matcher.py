"""One Aho–Corasick pass finds every gazetteer name or trigger phrase in a text.

Looping over hundreds of regexes per sentence is slow and hard to explain; an
automaton over case-folded text is linear in the text and says exactly which
phrase matched where. Matches must sit on word boundaries (Lao script has no
spaces, so no boundary is required next to Lao letters; Russian names may carry a
short case ending, so up to three Cyrillic letters may follow a Cyrillic phrase).
All-uppercase phrases (``US``, ``ASEAN``, ``РФ``) must match case-exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import ahocorasick
import attrs

T = TypeVar("T")


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length (so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_lao(char: str) -> bool:
    return "\u0e80" <= char <= "\u0eff"


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


@attrs.frozen(slots=True)
class Match(Generic[T]):
    start: int
    end: int
    phrase: str
    value: T


class PhraseMatcher(Generic[T]):
    """Phrases → values; ``find`` yields non-overlapping, longest-first, leftmost matches."""

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, T]]] = {}
        for phrase, value in phrases:
            phrase = " ".join(phrase.split())
            if not phrase:
                continue
            entries.setdefault(fold(phrase), []).append((phrase, value))
        for key, values in entries.items():
            self._automaton.add_word(key, (key, values))
        self._empty = not entries
        if not self._empty:
            self._automaton.make_automaton()

    def _boundary_ok(self, text: str, start: int, end: int, key: str) -> tuple[bool, int]:
        first, last = key[0], key[-1]
        if start > 0 and _is_word(first) and not _is_lao(first) and _is_word(text[start - 1]) \
                and not _is_lao(text[start - 1]):
            return False, end
        if end < len(text) and _is_word(last) and not _is_lao(last):
            following = text[end]
            if _is_word(following) and not _is_lao(following):
                if _is_cyrillic(last):
                    extra = end
                    while extra < len(text) and extra - end < 3 and _is_cyrillic(text[extra]) \
                            and text[extra].islower():
                        extra += 1
                    if extra < len(text) and _is_word(text[extra]):
                        return False, end
                    return True, extra
                return False, end
        return True, end

    def find_all(self, text: str) -> list[Match[T]]:
        """Every acceptable match, overlapping ones included."""
        if self._empty or not text:
            return []
        folded = fold(text)
        found: list[Match[T]] = []
        for end_index, (key, values) in self._automaton.iter(folded):
            start = end_index - len(key) + 1
            end = end_index + 1
            ok, end = self._boundary_ok(text, start, end, key)
            if not ok:
                continue
            for phrase, value in values:
                if phrase.isupper() and len(phrase) > 1 and text[start:start + len(phrase)] != phrase:
                    continue
                found.append(Match(start, end, text[start:end], value))
        return found

    def find(self, text: str) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping matches in text order."""
        found = sorted(self.find_all(text), key=lambda m: (m.start, -(m.end - m.start)))
        chosen: list[Match[T]] = []
        for match in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
            if any(not (match.end <= c.start or match.start >= c.end) for c in chosen):
                continue
            chosen.append(match)
        return sorted(chosen, key=lambda m: m.start)

    def __iter__(self) -> Iterator[str]:
        return iter(self._automaton.keys()) if not self._empty else iter(())
