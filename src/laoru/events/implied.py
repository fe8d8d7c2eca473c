"""Events a text tells without a verb of their own.

* "Visiting President Thongloun Sisoulith and his Russian counterpart Vladimir Putin have
  hailed …": the visit is told only by "Visiting"; it is an event when the document tells
  no visit of that person otherwise (decided once the whole document is read);
* "During the talks, both sides highly praised …" after the report of a visit: the talks of
  the visit's two sides took place, even when no sentence says "held talks".
"""

from __future__ import annotations

import re

import attrs

from laoru.events.draft import Draft, Story
from laoru.events.gazetteer import Entity
from laoru.events.lexicon import Trigger
from laoru.events.matcher import PhraseMatch
from laoru.events.mentions import PEOPLE, Memory, side
from laoru.events.sentences import Sentence

Mention = PhraseMatch[Entity]
Cue = PhraseMatch[tuple[str, str]]

_TITLE_GAP = re.compile(r"(?:\s+[A-Z][\w’'.-]*)*\s+$")
_TALKS_OPENING = re.compile(r"^\W*(?:during|at|in the course of)\s+(?:the\s+)?(?:talks|negotiations|meeting)\b", re.I)
IMPLIED_VISIT = Trigger("visit", 0.7, None)
IMPLIED_MEETING = Trigger("meeting", 0.7, "meet")


@attrs.frozen
class PendingVisit:
    """A visit told only by "Visiting …": kept until the document is read."""

    sentence: Sentence
    cue: Cue
    visitor: Entity
    hosts: tuple[Entity, ...]


def visiting(sentence: Sentence, cues: list[Cue], mentions: list[Mention]) -> list[PendingVisit]:
    """"Visiting President X …": X, with the people of another side named in the sentence as hosts."""
    persons = [m for m in mentions if m.value.kind == "person"]
    found = []
    for cue in cues:
        if cue.value[0] != "context" or not cue.phrase.lower().removeprefix("the ").startswith("visiting"):
            continue
        visitor = next((m for m in persons if m.start >= cue.end), None)
        if visitor is None or not _TITLE_GAP.match(sentence.text[cue.end:visitor.start] or " "):
            continue
        country = side(visitor.value.country or "")
        hosts = tuple(m.value for m in persons if m.value.country and side(m.value.country) != country)
        found.append(PendingVisit(sentence, cue, visitor.value, hosts))
    return found


def implied_visit(pending: PendingVisit, drafts: list[Draft]) -> Draft | None:
    """The visit of a "Visiting …" person, unless the document tells a visit of theirs."""
    if any(d.type == "visit" and pending.visitor in d.actors for d in drafts):
        return None
    trigger = PhraseMatch(pending.cue.start, pending.cue.end, pending.cue.phrase, IMPLIED_VISIT)
    return Draft("visit", trigger, pending.sentence, [pending.visitor], list(pending.hosts), confidence=0.7)


def implied_meeting(sentence: Sentence, story: Story, memory: Memory, told: set[str]) -> Draft | None:
    """"During the talks, both sides …" when no meeting was told yet: the talks of the visit's parties."""
    opening = _TALKS_OPENING.match(sentence.text)
    if opening is None or "meeting" in told:
        return None
    frame = story.frame
    people = [e for e in (frame.actors + frame.counterparts if frame else memory.last_pair) if e.kind in PEOPLE]
    if len(people) < 2:
        return None
    trigger = PhraseMatch(opening.start(), opening.end(), opening.group(0), IMPLIED_MEETING)
    return Draft("meeting", trigger, sentence, people[:1], people[1:], confidence=0.7)
