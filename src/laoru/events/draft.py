"""The mutable event a frame builds from one trigger, and what the reader keeps across
sentences about the story (the visit that frames it, the last dated act, the lead).

Drafts are frozen into :class:`~laoru.events.model.Event` at the end of extraction.
"""

from __future__ import annotations

import attrs

from laoru.events.gazetteer import Entity
from laoru.events.lexicon import Trigger
from laoru.events.matcher import PhraseMatch
from laoru.events.sentences import Sentence


@attrs.define
class Draft:
    """A mutable event under construction."""

    type: str
    trigger: PhraseMatch[Trigger]
    sentence: Sentence
    actors: list[Entity]
    counterparts: list[Entity]
    place: Entity | None = None
    start: str | None = None
    end: str | None = None
    status: str = "occurred"
    date_basis: str | None = None
    agreements: list[str] = attrs.field(factory=list)
    warnings: list[str] = attrs.field(factory=list)
    confidence: float = 0.5
    within: Draft | None = None
    countries: set[str] = attrs.field(factory=set)
    had_date_mention: bool = False
    place_basis: str | None = None
    past_reference: bool = False  # told as an earlier act (thanks for aid): never dated by the visit
    count: int | None = None  # "signed seven agreements": how many documents the text says were signed
    in_scope: bool = True

    def people(self) -> set[str]:
        return {e.id for e in self.actors + self.counterparts if e.kind in ("person", "org")}


@attrs.define
class Story:
    """Per document: the date anchor, the dateline place, and the frames read so far."""

    anchor: str | None
    dateline_place: Entity | None
    dateline_day: str | None = None  # the dateline's day (``2025-09-19``, or ``--12-10`` when no year is known)
    frame: Draft | None = None
    last_dated_day: Draft | None = None
    last_agreement: Draft | None = None
    lead: bool = False  # reading the lead sentence, the one the dateline belongs to
    lead_days: set[tuple[str, int]] = attrs.field(factory=set)  # relative days the lead's events took place on
    lead_act: Draft | None = None  # the first dated act of the lead: the page's news

    def after_event(self, draft: Draft) -> None:
        if draft.type == "visit" and draft.start and draft.status in ("occurred", "ongoing") and draft.within is None:
            self.frame = draft
        if draft.start and draft.start == draft.end and len(draft.start) >= 7:
            self.last_dated_day = draft
        if draft.type == "agreement":
            self.last_agreement = draft
        if self.lead and self.lead_act is None and draft.start and draft.status in ("occurred", "ongoing"):
            self.lead_act = draft
