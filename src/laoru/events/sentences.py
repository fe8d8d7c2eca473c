"""Body sentences with their offsets in ``doc.text``: the unit every frame is read from.

Furniture paragraphs (bylines, credits, captions ending in a credit) and headings are
skipped, so nobody named there can become an actor.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

import attrs

from laoru.events.chrome import is_chrome
from laoru.events.matcher import PhraseMatch
from laoru.events.when import DateMention
from laoru.model import Document

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                  "oct", "nov", "dec", "no", "gen", "col", "lt", "gov", "prof", "vs", "u.s", "u.n", "h.e"}
_SENTENCE_END = re.compile(r"[.!?][\"”’)»]*\s+(?=[\"“‘«(]?[A-ZА-ЯЁ\u0e80-\u0eff0-9])")  # cut after the stop


@attrs.define
class Sentence:
    text: str
    start: int
    paragraph: int
    local: int = 0  # offset inside its paragraph
    dates: list[DateMention] = attrs.field(factory=list)  # filled when the sentence has a trigger


def _last_word(before: str) -> str | None:
    """The run of word characters and dots before a final ``.`` ("Mr", "U.S"), else None."""
    if not before.endswith("."):
        return None
    end = len(before) - 1
    start = end
    while start > 0 and (before[start - 1].isalnum() or before[start - 1] in "_."):
        start -= 1
    return before[start:end] or None


def _is_abbreviation(piece: str) -> bool:
    """An abbreviation or an initial ("Mr.", "V.") does not end a sentence."""
    last_word = _last_word(piece)
    return bool(last_word and (last_word.lower() in _ABBREVIATIONS or len(last_word) == 1))


def _paragraph_sentences(text: str, offset: int, index: int) -> Iterator[Sentence]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        cut = match.start() + 1
        if text[cut - 1] == "." and _is_abbreviation(text[start:cut]):
            continue
        piece = text[start:cut]
        if piece.strip():
            yield Sentence(piece, offset + start, index, start)
        start = match.end()
    piece = text[start:]
    if piece.strip():
        yield Sentence(piece.rstrip(), offset + start, index, start)


def split_sentences(doc: Document) -> Iterator[Sentence]:
    """Body sentences with their offsets in ``doc.text``; furniture paragraphs are skipped."""
    offset = 0
    for index, paragraph in enumerate(doc.paragraphs):
        if paragraph.kind != "heading" and not is_chrome(paragraph.text):
            yield from _paragraph_sentences(paragraph.text, offset, index)
        offset += len(paragraph.text) + 2


class Indexed:
    """Document-level matches, sorted by start, sliced per sentence by bisection."""

    def __init__(self, matches: list[PhraseMatch[Any]]) -> None:
        self.matches = matches
        self.starts = [m.start for m in matches]

    def slice(self, sentence: Sentence) -> list[PhraseMatch[Any]]:
        """Matches inside ``sentence``, with sentence-relative offsets."""
        lo, hi = sentence.start, sentence.start + len(sentence.text)
        out = []
        for i in range(bisect.bisect_left(self.starts, lo), len(self.matches)):
            m = self.matches[i]
            if m.start >= hi:
                break
            if m.end <= hi:
                out.append(PhraseMatch(m.start - lo, m.end - lo, m.phrase, m.value))
        return out
