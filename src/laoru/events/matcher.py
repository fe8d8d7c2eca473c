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


_CYRILLIC_VOWELS = frozenset("аеёиоуыэюя")


def _case_ending(last: str, first: str) -> bool:
    """Can ``first`` start an ending after a phrase ending in ``last``? After a consonant a Russian
    case or verb ending starts with a vowel (Путин|ым, Лавров|а, передал|и): "Фомин|ск" (the town
    Наро-Фоминск) is no form of the surname Фомин."""
    return last.lower() in _CYRILLIC_VOWELS or last.lower() in "йь" or first in _CYRILLIC_VOWELS


def _blocks(char: str) -> bool:
    """A neighbouring character that makes a match not start/end on a word boundary."""
    return (char.isalnum() or char == "_") and not "\u0e80" <= char <= "\u0eff"


class PhraseMatch(Generic[T]):
    """A phrase found at ``text[start:end]`` (a plain slotted class: millions are made)."""

    __slots__ = ("end", "phrase", "start", "value")

    def __init__(self, start: int, end: int, phrase: str, value: T) -> None:
        self.start = start
        self.end = end
        self.phrase = phrase
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PhraseMatch) and (self.start, self.end, self.phrase, self.value) == (
            other.start, other.end, other.phrase, other.value)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.phrase))

    def __repr__(self) -> str:
        return f"PhraseMatch(start={self.start!r}, end={self.end!r}, phrase={self.phrase!r}, value={self.value!r})"


def _entries(phrases: Iterable[tuple[str, T]]) -> dict[str, list[tuple[str, T]]]:
    """Folded key → [(phrase, value)], phrases whitespace-normalised."""
    entries: dict[str, list[tuple[str, T]]] = {}
    for phrase, value in phrases:
        phrase = " ".join(phrase.split())
        if phrase:
            entries.setdefault(fold(phrase), []).append((phrase, value))
    return entries


class _Automata:
    """Aho–Corasick automata over the phrases of one or more groups, with each key's boundary
    rules decided once. Keys whose phrases are all case-exact acronyms ("US") are looked up in
    the original text by a second automaton, so "us" inside "thus" is never even a hit."""

    def __init__(self, groups: list[dict[str, list[tuple[str, Any]]]]) -> None:
        keys: dict[str, list[tuple[str, Any, bool, int]]] = {}
        for group, entries in enumerate(groups):
            for key, values in entries.items():
                keys.setdefault(key, []).extend((p, v, p.isupper() and len(p) > 1, group) for p, v in values)
        self.folded = ahocorasick.Automaton()
        self.exact = ahocorasick.Automaton()
        for key, plain in keys.items():
            first, last = key[0], key[-1]
            rules = (len(key), _is_word(first) and not _is_lao(first), _is_word(last) and not _is_lao(last),
                     _is_cyrillic(last))
            if all(exact for _p, _v, exact, _g in plain):
                for phrase in dict.fromkeys(p for p, _v, _e, _g in plain):
                    self.exact.add_word(phrase, (*rules, tuple(item for item in plain if item[0] == phrase)))
            else:
                self.folded.add_word(key, (*rules, tuple(plain)))
        self.groups = len(groups)
        self.has_folded = len(self.folded) > 0
        self.has_exact = len(self.exact) > 0
        if self.has_folded:
            self.folded.make_automaton()
        if self.has_exact:
            self.exact.make_automaton()

    def find_all(self, text: str, folded: str | None) -> list[list[PhraseMatch[Any]]]:
        """Per group, every match on word boundaries, overlapping ones included."""
        found: list[list[PhraseMatch[Any]]] = [[] for _ in range(self.groups)]
        if not text:
            return found
        if folded is None:
            folded = fold(text)
        size = len(text)
        hits: list[Any] = list(self.folded.iter(folded)) if self.has_folded else []
        if self.has_exact:
            hits += self.exact.iter(text)
        for end_index, (length, check_left, check_right, cyrillic, values) in hits:
            start = end_index - length + 1
            end = end_index + 1
            if check_left and start > 0:
                char = text[start - 1]
                if (char.isalnum() or char == "_") and not "\u0e80" <= char <= "\u0eff":
                    continue
            if check_right and end < size:
                char = text[end]
                if (char.isalnum() or char == "_") and not "\u0e80" <= char <= "\u0eff":
                    if not cyrillic:
                        continue
                    extra = end
                    while extra < size and extra - end < 3 and "\u0400" <= text[extra] <= "\u04ff" \
                            and text[extra].islower():
                        extra += 1
                    if (extra < size and _is_word(text[extra])) or not _case_ending(text[end - 1], text[end]):
                        continue
                    end = extra
            for phrase, value, exact, group in values:
                if exact and text[start:start + len(phrase)] != phrase:
                    continue
                found[group].append(PhraseMatch(start, end, text[start:end], value))
        return found


class PhraseMatcher(Generic[T]):
    """Phrases → values; ``find`` yields non-overlapping, longest-first, leftmost matches."""

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        self.entries = _entries(phrases)
        self._automata = _Automata([self.entries])

    def any_hit(self, folded: str) -> bool:
        """Cheap pre-check: does any phrase occur at all (boundaries not checked)?"""
        if self._automata.has_folded and next(self._automata.folded.iter(folded), None) is not None:
            return True
        return self._automata.has_exact  # acronyms are checked on the original text: stay conservative

    def find_all(self, text: str, folded: str | None = None) -> list[PhraseMatch[T]]:
        """Every acceptable match, overlapping ones included (``folded`` = ``fold(text)`` if known)."""
        return self._automata.find_all(text, folded)[0]

    def find(self, text: str, folded: str | None = None) -> list[PhraseMatch[T]]:
        """Leftmost-longest, non-overlapping matches in text order."""
        return select(self.find_all(text, folded))

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)


class MatcherSet:
    """Several phrase matchers run as one automaton: one pass over the text instead of one per
    matcher, each matcher's matches selected on their own (exactly as its own ``find``)."""

    def __init__(self, matchers: Iterable[PhraseMatcher[Any]]) -> None:
        self._automata = _Automata([m.entries for m in matchers])

    def find(self, text: str, folded: str | None = None) -> list[list[PhraseMatch[Any]]]:
        return [select(found) for found in self._automata.find_all(text, folded)]


def select(found: list[PhraseMatch[T]]) -> list[PhraseMatch[T]]:
    """Leftmost-longest, non-overlapping matches in text order.

    Longest matches are placed first (ties: leftmost); a match is kept when it overlaps
    none kept so far. That choice only ever depends on matches overlapping it, so it is
    made per run of overlapping matches; most runs are one match long.
    """
    if len(found) < 2:
        return found
    found.sort(key=lambda m: (m.start, m.start - m.end))
    chosen: list[PhraseMatch[T]] = []
    group: list[PhraseMatch[T]] = []
    reach = -1
    for match in found:
        if match.start >= reach:
            if len(group) == 1:
                chosen.append(group[0])
            elif group:
                chosen.extend(_longest_first(group))
            group = []
        group.append(match)
        reach = max(reach, match.end)
    if len(group) == 1:
        chosen.append(group[0])
    else:
        chosen.extend(_longest_first(group))
    return chosen


def _longest_first(group: list[PhraseMatch[T]]) -> list[PhraseMatch[T]]:
    """Greedy selection inside one run of overlapping matches, returned in text order."""
    chosen: list[PhraseMatch[T]] = []
    for match in sorted(group, key=lambda m: (m.start - m.end, m.start)):
        if all(match.end <= c.start or match.start >= c.end for c in chosen):
            chosen.append(match)
    chosen.sort(key=lambda m: m.start)
    return chosen
