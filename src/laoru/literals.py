"""Speed path: the words every match of a regex contains, so that a plain ``in`` skips a search
that cannot match.

Kept under issue 14's rule (a speed path stays only if its win is at least 10% of a page's time
on ``benchmarks/extraction.py``; docs/performance.md has the figures): Python's ``re`` tries a
pattern without a literal start, such as the case-blind caption and credit patterns of
:mod:`laoru.clean`, at every position of every paragraph, and routing tries every plugin's
signatures on the whole page when its domain is unknown. A text that holds none of a pattern's
words is answered without the search.

The words are read from the pattern's text by the small, conservative reader below (Python's own
parser, ``re._parser``, is private and absent on Python 3.10): it follows literals, escapes,
character classes, groups, alternatives and quantifiers, and answers ``None`` (no pre-check) for
anything else (inline flags, lookarounds, backreferences, numeric escapes).
``tests/test_speed_paths.py`` checks the words against strings generated from each pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_QUANTIFIER = re.compile(r"(?:[?*+]|\{(\d*)(?:,(\d*))?\})[?+]?")
_ZERO_WIDTH_OR_CLASS_ESCAPES = frozenset("dDsSwWbBAZntrfva")
CASE_TWINS = "\u0130\u0131\u017f\u00b5\u0345\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5" \
             "\u0390\u03b0\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e9b\u1fbe\u1fd3\u1fe3\ufb05"
"""Characters that ``re.IGNORECASE`` matches to a letter their ``str.lower()`` does not give
(dotted and dotless i, long s, micro sign, Greek and Cyrillic variant forms): a text holding
one is always searched. ``tests/test_speed_paths.py`` derives the set from ``str`` itself."""
_TWIN = re.compile(f"[{CASE_TWINS}]")

Words = frozenset[str]


class _Unsupported(Exception):
    """A construct the reader does not follow: no pre-check for this pattern."""


def required_words(pattern: str, *, ignore_case: bool = False) -> Words | None:
    """Words of which every match of ``pattern`` contains one (lower-cased if ``ignore_case``), or ``None``."""
    try:
        words, end = _alternatives(pattern, 0)
    except _Unsupported:
        return None
    if end != len(pattern) or not words:
        return None
    if ignore_case:
        words = frozenset(word.lower() for word in words)
        if any(twin in word for word in words for twin in CASE_TWINS):
            return None
    return words


def holds_any(words: Words | None, text: str) -> bool:
    """Whether ``text`` holds one of ``words`` (``None``, no words known: always)."""
    return words is None or any(map(text.__contains__, words))


def _alternatives(pattern: str, i: int) -> tuple[Words | None, int]:
    """``a|b|…`` from ``i`` up to an unmatched ``)`` or the end: the union of each branch's words."""
    union: set[str] = set()
    known = True
    while True:
        words, i = _sequence(pattern, i)
        if words is None:
            known = False
        else:
            union |= words
        if i < len(pattern) and pattern[i] == "|":
            i += 1
            continue
        return (frozenset(union) if known else None), i


def _sequence(pattern: str, i: int) -> tuple[Words | None, int]:
    """One branch: the best of its literal runs and its required groups."""
    candidates: list[Words] = []
    run = ""
    while i < len(pattern) and pattern[i] not in "|)":
        literal, words, i = _atom(pattern, i)
        optional, repeated, i = _quantifier(pattern, i)
        if literal is not None and not optional:
            run += literal
            if not repeated:
                continue
        if run:  # a run ends at anything but a literal, and after a repeated one
            candidates.append(frozenset([run]))
        run = ""
        if words is not None and not optional:
            candidates.append(words)
    if run:
        candidates.append(frozenset([run]))
    return (max(candidates, key=_strength) if candidates else None), i


def _quantifier(pattern: str, i: int) -> tuple[bool, bool, int]:
    """Whether a quantifier at ``i`` makes the atom before it optional, or repeatable; and the next index."""
    quantifier = _QUANTIFIER.match(pattern, i)
    if not quantifier:
        return False, False, i
    text, low = quantifier.group(0), quantifier.group(1)
    if text[0] == "{" and low == "" and quantifier.group(2) is None:
        raise _Unsupported  # "{}": read literally by re; not worth following
    return text[0] in "?*" or low in ("", "0"), True, quantifier.end()


def _strength(words: Words) -> tuple[int, int]:
    """Fewer texts pass a longer shortest word, then fewer words."""
    return min(len(word) for word in words), -len(words)


def _atom(pattern: str, i: int) -> tuple[str | None, Words | None, int]:
    """The atom at ``i``: ``(literal character, None, next)``, ``(None, words of a group, next)``
    or ``(None, None, next)`` for anything else that consumes or asserts."""
    char = pattern[i]
    if char == "\\":
        if i + 1 >= len(pattern):
            raise _Unsupported
        escaped = pattern[i + 1]
        if escaped.isdigit() or escaped in "xuUNgpP":
            raise _Unsupported  # backreferences and numeric or named escapes
        if escaped in _ZERO_WIDTH_OR_CLASS_ESCAPES:
            return None, None, i + 2
        if escaped.isalnum():
            raise _Unsupported
        return escaped, None, i + 2
    if char == "[":
        return None, None, _class_end(pattern, i)
    if char == "(":
        return _group(pattern, i)
    if char in ".^$":
        return None, None, i + 1
    if char in "*+?{":
        if char == "{" and not _QUANTIFIER.match(pattern, i):
            return "{", None, i + 1
        raise _Unsupported
    return char, None, i + 1


def _group(pattern: str, i: int) -> tuple[str | None, Words | None, int]:
    if pattern.startswith("(?:", i):
        start = i + 3
    elif pattern.startswith("(?P<", i):
        start = pattern.index(">", i) + 1
    elif pattern.startswith("(?", i):
        raise _Unsupported  # lookarounds, inline flags, comments, conditionals
    else:
        start = i + 1
    words, end = _alternatives(pattern, start)
    if end >= len(pattern) or pattern[end] != ")":
        raise _Unsupported
    return None, words, end + 1


def _class_end(pattern: str, i: int) -> int:
    """The index after the ``]`` closing the character class opened at ``i``."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
            continue
        if pattern[j] == "[":
            raise _Unsupported  # nested sets (a FutureWarning in re)
        if pattern[j] == "]":
            return j + 1
        j += 1
    raise _Unsupported


def any_search(patterns: Iterable[str], flags: int = 0) -> Callable[[str], bool]:
    """``text -> bool``: does any of ``patterns`` match somewhere in ``text`` (the answer of one
    search of their alternation), each pattern searched only when ``text`` holds one of its words."""
    ignore_case = bool(flags & re.IGNORECASE)
    if flags & re.VERBOSE:
        raise ValueError("verbose patterns are not read for their words")
    checks = [(re.compile(pattern, flags), required_words(pattern, ignore_case=ignore_case)) for pattern in patterns]

    def search(text: str) -> bool:
        if ignore_case and not text.isascii() and _TWIN.search(text):
            return any(regex.search(text) for regex, _words in checks)
        folded = text.lower() if ignore_case else text
        for regex, words in checks:  # a loop: any() over a generator costs half again, per paragraph
            if (words is None or any(map(folded.__contains__, words))) and regex.search(text):
                return True
        return False

    return search
