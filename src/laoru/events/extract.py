"""Rule-based event extraction from a parsed :class:`~laoru.model.Document`, as layers:

1. mentions (:mod:`~laoru.events.mentions`): gazetteer names, titled people, speakers;
2. frames (:mod:`~laoru.events.frames`): one event per trigger with who / with whom / where;
3. time (:mod:`~laoru.events.dating` over :mod:`~laoru.events.when`): dates, never guessed;
4. status and scope (:mod:`~laoru.events.status`): occurred or not, Laos–Russia or not.

Every decision leaves a trace: ``trigger`` names the phrase, ``date_basis`` says where
the date came from, ``warnings`` say what could not be resolved, and ``evidence`` is the
sentence with its offsets in ``doc.text``. Triggers and role words are per-language data
(:mod:`~laoru.events.lexicon`): a document in a language without a lexicon gets no events.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from laoru.events import agreements
from laoru.events.consolidate import consolidate
from laoru.events.draft import Draft, Story
from laoru.events.gazetteer import Entity, Gazetteer, default_gazetteer
from laoru.events.lexicon import Lexicon, load_lexicon
from laoru.events.matcher import MatcherSet, fold
from laoru.events.mentions import LAO, PEOPLE, RUS, SOVIET, Memory, find_mentions
from laoru.events.model import Event, Evidence, event_id
from laoru.events.plover import plover_for
from laoru.events.sentences import Indexed, split_sentences
from laoru.events.status import act_type, in_scope, tells_an_act
from laoru.events.when import body_dateline, dateline_day, document_anchor
from laoru.language import guess_language
from laoru.model import Dateline, Document


class NoLexiconWarning(UserWarning):
    """A document's language has no trigger lexicon: it gets no events."""


@lru_cache(maxsize=8)
def combined_matcher(gazetteer: Gazetteer, lexicon: Lexicon) -> MatcherSet:
    """Gazetteer names, triggers and cues as one automaton: one pass over the text for all three.

    A pure function of its two (immutable) arguments, so building it once per pair is enough."""
    return MatcherSet([gazetteer.matcher, lexicon.triggers, lexicon.cues])


def _office_words(lexicon: Lexicon) -> tuple[str, ...]:
    """One-word offices a person can be referred back by ("the Speaker"), not honorifics."""
    return tuple(t for t in lexicon.titles if " " not in t and t not in lexicon.honorifics)


class EventExtractor:
    """Extract events from documents with one gazetteer (plugins may pass an extended one).

    ``keep_out_of_scope`` keeps events that are not Laos–Russia relations, marked
    ``in_scope: false``; by default they are dropped.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, keep_out_of_scope: bool = False) -> None:
        self.gazetteer = gazetteer or default_gazetteer()
        self.keep_out_of_scope = keep_out_of_scope

    def extract(self, doc: Document) -> list[Event]:
        language = (doc.language or guess_language(doc.text) or "").split("-")[0]
        lexicon = load_lexicon(language)
        if lexicon is None:
            if doc.text.strip():
                warnings.warn(f"no event lexicon for language {language!r}: {doc.id} gets no events",
                              NoLexiconWarning, stacklevel=2)
            return []
        return self._extract(doc, lexicon)

    def _extract(self, doc: Document, lexicon: Lexicon) -> list[Event]:
        body = doc.text
        folded = fold(body)
        if not self.gazetteer.names_both_sides(folded) or (
                not lexicon.triggers.any_hit(folded) and not agreements.DATED_TITLE_HINT.search(body)):
            return []  # no Lao–Russian event can be told here: skip the sentence work
        dateline = _dateline(doc)
        anchor, anchor_warnings = document_anchor(doc.published, dateline.date if dateline else None)
        story = Story(anchor=anchor, dateline_place=self._dateline_place(dateline),
                      dateline_day=dateline_day(doc.published, dateline.date if dateline else None))
        memory = Memory(self.gazetteer, lexicon.back_references, roles=_office_words(lexicon))
        drafts = place_by_visits(self._read(doc, lexicon, story, memory, folded))
        return [freeze(d, doc, anchor_warnings) for d in consolidate(self._acts(drafts, memory))]

    def _acts(self, drafts: list[Draft], memory: Memory) -> list[Draft]:
        """The drafts that tell an act (not an undated habit, an occasion or a circumstance), typed as the
        act they tell, in scope (or kept marked out of scope when asked)."""
        kept = []
        for draft in drafts:
            if draft.status == "habitual":  # a series: ongoing from its date ("since 2019"), else no event
                draft.status = "ongoing" if draft.had_date_mention else ""
            if not draft.status or not tells_an_act(draft):
                continue
            draft.type = act_type(draft)
            _visitor_first(draft)
            draft.in_scope = in_scope(draft, memory.both_sides_mentioned)
            if draft.in_scope or self.keep_out_of_scope:
                kept.append(draft)
        return kept

    def _read(self, doc: Document, lexicon: Lexicon, story: Story, memory: Memory, folded: str) -> list[Draft]:
        from laoru.events.frames import FrameReader

        body = doc.text
        gazetteer_hits, triggers, cues = combined_matcher(self.gazetteer, lexicon).find(body, folded)
        mentions = find_mentions(body, folded, gazetteer_hits, lexicon)
        found = [Indexed(mentions), Indexed(triggers), Indexed(cues)]
        reader = FrameReader(lexicon, memory, story)
        drafts: list[Draft] = []
        first_paragraph: int | None = None
        for sentence in split_sentences(doc):
            # the lead: the first sentence of the first body paragraph that tells an event
            first_paragraph = sentence.paragraph if first_paragraph is None else first_paragraph
            story.lead = sentence.paragraph == first_paragraph and not drafts
            drafts.extend(reader.read(sentence, *(index.slice(sentence) for index in found)))
        return reader.finish(drafts)

    def _dateline_place(self, dateline: Dateline | None) -> Entity | None:
        if not dateline or not dateline.place:
            return None
        found = [m.value for m in self.gazetteer.find(dateline.place) if m.value.kind == "place"]
        return found[0] if found else None


def _dateline(doc: Document) -> Dateline | None:
    """The page's dateline, else one printed at the start of its body ("ВЬЕНТЬЯН (Лаос), 10 дек -.")."""
    if doc.dateline is not None and (doc.dateline.place or doc.dateline.date):
        return doc.dateline
    printed = body_dateline(doc.text[:160])
    return Dateline(place=printed[0], date=printed[1]) if printed else None


def _visitor_first(draft: Draft) -> None:
    """A visit names its visitor: with nobody before the trigger, the person after it ("В июле в
    Москву с визитом приезжал президент Лаоса Тхонглун Сисулит")."""
    if draft.type == "visit" and not any(e.kind == "person" for e in draft.actors):
        persons = [e for e in draft.counterparts if e.kind == "person"]
        if persons:
            draft.actors = [*draft.actors, persons[0]]
            draft.counterparts = [e for e in draft.counterparts if e is not persons[0]]


def place_by_visits(drafts: list[Draft]) -> list[Draft]:
    """An unplaced act of a visitor takes the place of their visit told in the same document
    ("провел переговоры с … Сисулитом, который прибыл в Москву с официальным визитом")."""
    visits = [d for d in drafts if d.type == "visit" and d.place is not None and d.status in ("occurred", "ongoing")]
    for draft in drafts:
        if draft.place is not None or draft.type == "visit" or draft.status not in ("occurred", "ongoing"):
            continue
        visit = next((v for v in visits if {e.id for e in v.actors} & draft.people()), None)
        if visit is not None:
            draft.place, draft.place_basis = visit.place, "visit"
    return drafts


def _countries(draft: Draft, parties: list[Entity]) -> list[str]:
    countries = {p.country for p in parties if p.country and p.country != "---"}
    if draft.place and draft.place.country:
        countries.add(draft.place.country)
    if not any(p.kind in PEOPLE for p in parties):
        countries |= {c for c in draft.countries if c in (LAO, RUS, SOVIET)}
    return sorted(countries)


def _warnings(draft: Draft, anchor_warnings: tuple[str, ...]) -> tuple[str, ...]:
    found = list(draft.warnings)
    if draft.type == "agreement" and draft.count and len(draft.agreements) < draft.count:
        found.append(f"the text counts {draft.count} documents signed; {len(draft.agreements)} named")
    if any(w.startswith("year of") or w.startswith("relative") for w in found):
        found.extend(anchor_warnings)
    return tuple(dict.fromkeys(found))


def freeze(draft: Draft, doc: Document, anchor_warnings: tuple[str, ...]) -> Event:
    """The immutable :class:`Event` of a finished draft."""
    when = draft.start or draft.end
    sentence = draft.sentence
    confidence = draft.confidence - (0.2 if not draft.actors else 0) - (0.1 if draft.start is None else 0)
    within = draft.within
    return Event(
        type=draft.type, doc_id=doc.id,
        evidence=Evidence(sentence.text, sentence.start, sentence.start + len(sentence.text)),
        actors=[e.participant(when) for e in draft.actors],
        counterparts=[e.participant(when) for e in draft.counterparts],
        countries=_countries(draft, draft.actors + draft.counterparts),
        place=draft.place.as_place() if draft.place else None,
        start=draft.start, end=draft.end, outlet=doc.outlet, source=doc.source or doc.url,
        agreements=draft.agreements, status=draft.status,
        plover=plover_for(draft.type, draft.trigger.value.mode),
        confidence=round(max(0.05, min(1.0, confidence)), 2),
        trigger=draft.trigger.phrase, date_basis=draft.date_basis,
        within=event_id(doc.id, within.type, within.sentence.start, within.trigger.phrase) if within else None,
        warnings=_warnings(draft, anchor_warnings), in_scope=draft.in_scope,
    )


def extract_events(doc: Document, extractor: EventExtractor | None = None) -> list[Event]:
    """All Lao–Russian events in ``doc`` (body text only), in text order."""
    return (extractor or EventExtractor()).extract(doc)


def events_to_records(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    for event in events:
        yield event.to_dict()
