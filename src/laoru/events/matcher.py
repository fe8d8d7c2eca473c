"""One Aho–Corasick pass finds every gazetteer name or trigger phrase in a text.

Looping over hundreds of regexes per sentence is slow and hard to explain; an
automaton over case-folded text is linear in the text and says exactly which
phrase matched where. Matches must sit on word boundaries (Lao script has no
spaces, so no boundary is required next to Lao letters; Russian names may carry a
short case ending, so up to three Cyrillic letters may follow a Cyrillic phrase).
All-uppercase phrases (``US``, ``ASEAN``, ``РФ``) must match case-exactly.

The boundary rules are decided once per phrase when the automaton is built, so the
per-hit work is a couple of character tests (this loop is the hot path of extraction).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import Any, Generic, TypeVar

import ahocorasick

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


def _blocks(char: str) -> bool:
    """A neighbouring character that makes a match not start/end on a word boundary."""
    return (char.isalnum() or char == "_") and not "\u0e80" <= char <= "\u0eff"


class Match(Generic[T]):
    """A phrase found at ``text[start:end]`` (a plain slotted class: millions are made)."""

    __slots__ = ("end", "phrase", "start", "value")

    def __init__(self, start: int, end: int, phrase: str, value: T) -> None:
        self.start = start
        self.end = end
        self.phrase = phrase
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Match) and (self.start, self.end, self.phrase, self.value) == (
            other.start, other.end, other.phrase, other.value)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.phrase))

    def __repr__(self) -> str:
        return f"Match(start={self.start!r}, end={self.end!r}, phrase={self.phrase!r}, value={self.value!r})"


class PhraseMatcher(Generic[T]):
    """Phrases → values; ``find`` yields non-overlapping, longest-first, leftmost matches."""

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        entries: dict[str, list[tuple[str, T]]] = {}
        for phrase, value in phrases:
            phrase = " ".join(phrase.split())
            if not phrase:
                continue
            entries.setdefault(fold(phrase), []).append((phrase, value))
        # Keys whose phrases are all case-exact acronyms ("US") are looked up in the original
        # text by a second automaton, so "us" inside "thus" or "focus" is never even a hit.
        self._automaton = ahocorasick.Automaton()
        self._exact = ahocorasick.Automaton()
        for key, values in entries.items():
            first, last = key[0], key[-1]
            check_left = _is_word(first) and not _is_lao(first)
            check_right = _is_word(last) and not _is_lao(last)
            cyrillic = _is_cyrillic(last)
            # (phrase, value, needs a case-exact check)
            plain = tuple((p, v, p.isupper() and len(p) > 1) for p, v in values)
            if all(exact for _p, _v, exact in plain):
                for phrase in dict.fromkeys(p for p, _v, _e in plain):
                    own = tuple(item for item in plain if item[0] == phrase)
                    self._exact.add_word(phrase, (len(key), check_left, check_right, cyrillic, own))
            else:
                self._automaton.add_word(key, (len(key), check_left, check_right, cyrillic, plain))
        self._empty = not entries
        self._has_folded = len(self._automaton) > 0
        self._has_exact = len(self._exact) > 0
        if self._has_folded:
            self._automaton.make_automaton()
        if self._has_exact:
            self._exact.make_automaton()

    def any_hit(self, folded: str) -> bool:
        """Cheap pre-check: does any phrase occur at all (boundaries not checked)?"""
        if self._has_folded and next(self._automaton.iter(folded), None) is not None:
            return True
        return self._has_exact  # acronyms are checked on the original text: stay conservative

    def hits(self, folded: str) -> Iterator[Any]:
        """Raw automaton hits ``(end_index, payload)`` on folded text, no boundary check."""
        return self._automaton.iter(folded) if self._has_folded else iter(())

    def find_all(self, text: str, folded: str | None = None) -> list[Match[T]]:
        """Every acceptable match, overlapping ones included (``folded`` = ``fold(text)`` if known)."""
        if self._empty or not text:
            return []
        if folded is None:
            folded = fold(text)
        size = len(text)
        found: list[Match[T]] = []
        hits: list[Any] = []
        if self._has_folded:
            hits = list(self._automaton.iter(folded))
        if self._has_exact:
            hits += self._exact.iter(text)
        for end_index, (length, check_left, check_right, cyrillic, values) in hits:
            start = end_index - length + 1
            end = end_index + 1
            if check_left and start > 0 and _blocks(text[start - 1]):
                continue
            if check_right and end < size and _blocks(text[end]):
                if not cyrillic:
                    continue
                extra = end
                while extra < size and extra - end < 3 and "\u0400" <= text[extra] <= "\u04ff" \
                        and text[extra].islower():
                    extra += 1
                if extra < size and _is_word(text[extra]):
                    continue
                end = extra
            for phrase, value, exact in values:
                if exact and text[start:start + len(phrase)] != phrase:
                    continue
                found.append(Match(start, end, text[start:end], value))
        return found

    def find(self, text: str, folded: str | None = None) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping matches in text order.

        Longest matches are placed first (ties: leftmost); a match is kept when it overlaps
        none kept so far. Kept matches never overlap, so only the neighbours at the
        insertion point need checking.
        """
        found = self.find_all(text, folded)
        if len(found) < 2:
            return found
        found.sort(key=lambda m: (m.start, m.start - m.end))
        starts: list[int] = []
        chosen: list[Match[T]] = []
        for match in sorted(found, key=lambda m: (m.start - m.end, m.start)):
            at = bisect.bisect_left(starts, match.start)
            if at > 0 and chosen[at - 1].end > match.start:
                continue
            if at < len(chosen) and chosen[at].start < match.end:
                continue
            starts.insert(at, match.start)
            chosen.insert(at, match)
        return chosen

    def __iter__(self) -> Iterator[str]:
        folded = self._automaton.keys() if self._has_folded else iter(())
        exact = (fold(k) for k in self._exact) if self._has_exact else iter(())
        return iter(dict.fromkeys([*folded, *exact]))
