"""Sentence-level, rule-based event extraction from a parsed :class:`~laoru.model.Document`.

For every body sentence (never captions, related lists, bylines or credits): find
trigger phrases, gazetteer mentions, date expressions and modality cues in one pass
each, then build one event per trigger (adjacent triggers of one type with no new
person between them are one event). Every decision leaves a trace: ``trigger`` names
the phrase, ``date_basis`` says where the date came from, ``warnings`` say what could
not be resolved, and ``evidence`` is the sentence with its offsets in ``doc.text``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from laoru.events.chrome import is_chrome
from laoru.events.gazetteer import Entity, Gazetteer, default_gazetteer
from laoru.events.matcher import Match, MatcherSet, fold
from laoru.events.model import Event, Evidence, Participant, event_id
from laoru.events.plover import plover_for
from laoru.events.triggers import AID_OBJECTS, GRATITUDE, SUPPRESS_BY_TYPE, Trigger, cue_matcher, trigger_matcher
from laoru.events.when import DateMention, document_anchor, find_dates, resolve
from laoru.model import Document

LAO, RUS, SOVIET = "LAO", "RUS", "SUN"
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                  "oct", "nov", "dec", "no", "gen", "col", "lt", "gov", "prof", "vs", "u.s", "u.n", "h.e"}
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-ZА-ЯЁ\u0e80-\u0eff0-9])")  # cut after the stop
_ANAPHORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:the|both|two) (?:countries|nations|states)\b|\bboth countries\b|\bthe two countries\b",
                re.I), "countries"),
    (re.compile(r"\b(?:both|the two) (?:sides|leaders|ministers|deputy ministers|presidents|officials|parties)\b|"
                r"\bthe heads of state\b|\bheads of state\b|\bthey\b", re.I), "pair"),
    (re.compile(r"\bthe (?:visiting )?russian (?:leader|president|side|minister|foreign minister|deputy minister|"
                r"delegation|politician|guest|host)\b|\bthe russian foreign minister\b|\bthe visiting russian\b|"
                r"\bhis host\b", re.I), RUS),
    (re.compile(r"\bthe lao (?:leader|president|side|minister|prime minister|deputy minister|foreign minister|"
                r"delegation|official|government)\b|\bthe lao leadership\b", re.I), LAO),
    (re.compile(r"^(?:\W*)(?:he|she)\b|\b(?:he|she)\b(?= (?:also |then |later )?\w+ed\b)", re.I), "he"),
    (re.compile(r"^(?:\W*)it\b|\bit\b(?= (?:also )?provided\b)", re.I), "it"),
]
_REL_WORD = re.compile(r"(?:which|that|who)\b", re.I)
_GERUND_FOR = re.compile(r"(\S+)\s+for\s*$")
_SAME_DAY = re.compile(r"\b(?:on the same day|on this occasion|the same day|at the same time|the next day)\b", re.I)
_REL_CLAUSE = re.compile(r"(?:\bwhich|\bthat|\bwho|,)\s+(?:[^,;]*?)$")
_AGREEMENT_TITLE = re.compile(
    r"(?<![\w'’-])(?P<title>(?:(?!(?:a|an|the|and|signed|sign|of|include|includes|other|seven|two|three|\d+)\b)"
    r"[\w'’-]+\s+){0,4}(?:memorandum of understanding|memorandum|memoranda|agreements?|treaty|roadmap|road map|"
    r"declaration|protocol|accord|contract|convention)(?:\s+(?:on|for|of|in|between|regarding)\s+[^,;:()]*?)?)"
    r"(?=\s*(?:[,;:()]|\.(?:\s|$)|$)|\s+(?:which|covering|that|signed|and\s+(?:a|an|the)\b|among)\b)",
    re.I,
)
_DATED_TITLE = re.compile(
    r"\b(?P<title>(?:Treaty|Declaration|Agreement|Memorandum|Protocol|Convention)\b[^.;]{0,160}?)\s+of\s*$")
_TRIGGER_GAP_MERGE = 60
_NEEDS_PERSON = frozenset({"visit", "meeting", "call", "award"})
_DATED_TITLE_HINT = re.compile(r"\b(?:Treaty|Declaration|Agreement|Memorandum|Protocol|Convention)\b")
_AGREEMENT_HINT = re.compile(r"\b(?:include|includes|included|other agreements|among the)\b", re.I)
_ENUMERATION = re.compile(r"\b(?:include|includes|included|including|namely)\b\s*:?\s*", re.I)
_DOCUMENT_NOUN = re.compile(r"\b(?:agreements?|documents?|memorand(?:um|a)|treat(?:y|ies)|accords?|protocols?|"
                            r"roadmaps?|contracts?|deals?)\b", re.I)
_ITEM_CUT = re.compile(r"\s*[;,]\s*(?:(?:and|or)\s+)?")
_LEADING_ARTICLE = re.compile(r"^(?:and|or|a|an|the)\s+", re.I)
_NUMBER_WORDS = {w: n for n, w in enumerate(
    "two three four five six seven eight nine ten eleven twelve".split(), start=2)}
_DOCUMENT_COUNT = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?:[\w-]+\s+){0,2}?"
    r"(?:agreements|documents|memoranda|treaties|accords|protocols)\b", re.I)
_PLURAL_GENERIC = re.compile(r"^(?:[\w'’-]+\s+){0,2}(?:agreements|documents|memoranda|treaties|accords|protocols)$",
                             re.I)


@attrs.define
class _Sentence:
    text: str
    start: int
    paragraph: int
    local: int = 0  # offset inside its paragraph
    dates: list[DateMention] = attrs.field(factory=list)  # filled when the sentence has a trigger


@attrs.define
class _Draft:
    """A mutable event under construction; frozen into :class:`Event` at the end."""

    type: str
    trigger: Match[Trigger]
    sentence: _Sentence
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
    within: _Draft | None = None
    countries: set[str] = attrs.field(factory=set)
    had_date_mention: bool = False
    place_basis: str | None = None
    past_reference: bool = False  # told as an earlier act (thanks for aid): never dated by the visit
    count: int | None = None  # "signed seven agreements": how many documents the text says were signed

    def people(self) -> set[str]:
        return {e.id for e in self.actors + self.counterparts if e.kind in ("person", "org")}


def _last_word(before: str) -> str | None:
    """The run of word characters and dots before a final ``.`` ("Mr", "U.S"), else None."""
    if not before.endswith("."):
        return None
    end = len(before) - 1
    start = end
    while start > 0 and (before[start - 1].isalnum() or before[start - 1] in "_."):
        start -= 1
    return before[start:end] or None


def split_sentences(doc: Document) -> Iterator[_Sentence]:
    """Body sentences with their offsets in ``doc.text``; furniture paragraphs are skipped."""
    offset = 0
    for index, paragraph in enumerate(doc.paragraphs):
        text = paragraph.text
        if paragraph.kind != "heading" and not is_chrome(text):
            start = 0
            for match in _SENTENCE_END.finditer(text):
                cut = match.start() + 1
                if text[cut - 1] == ".":  # an abbreviation or an initial does not end a sentence
                    last_word = _last_word(text[start:cut])
                    if last_word and (last_word.lower() in _ABBREVIATIONS or len(last_word) == 1):
                        continue
                piece = text[start:cut]
                if piece.strip():
                    yield _Sentence(piece, offset + start, index, start)
                start = match.end()
            piece = text[start:]
            if piece.strip():
                yield _Sentence(piece.rstrip(), offset + start, index, start)
        offset += len(text) + 2


class EventExtractor:
    """Extract events from documents with one gazetteer (plugins may pass an extended one)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or default_gazetteer()
        self.triggers = trigger_matcher()
        self.cues = cue_matcher()
        self._participants: dict[tuple[str, str | None], Participant] = {}
        self.matchers = MatcherSet([self.gazetteer.matcher, self.triggers, self.cues])  # one pass for all three

    def extract(self, doc: Document) -> list[Event]:
        body = doc.text
        folded = fold(body)
        if not self.gazetteer.names_both_sides(folded) or (
                not self.triggers.any_hit(folded) and not _DATED_TITLE_HINT.search(body)):
            return []  # no Lao–Russian event can be told here: skip the sentence work
        anchor, anchor_warnings = document_anchor(doc.published, doc.dateline.date if doc.dateline else None)
        state = _DocState(anchor=anchor, dateline_place=self._dateline_place(doc))
        drafts: list[_Draft] = []
        # one pass per automaton over the whole body ("\n\n" between paragraphs is a boundary
        # no phrase can cross), then each sentence takes its slice
        found = [_Indexed(matches) for matches in self.matchers.find(body, folded)]
        first_paragraph: int | None = None
        for sentence in split_sentences(doc):
            # the lead: the first sentence of the first body paragraph that tells an event
            # ("VIENTIANE, May 23. /TASS/." alone is the dateline, not the lead)
            first_paragraph = sentence.paragraph if first_paragraph is None else first_paragraph
            state.lead = sentence.paragraph == first_paragraph and not drafts
            mentions, triggers, cues = (index.slice(sentence) for index in found)
            drafts.extend(self._sentence_events(sentence, state, mentions, triggers, cues))
        drafts = [d for d in drafts if self._relevant(d, state)]
        return [self._freeze(d, doc, anchor_warnings) for d in _consolidate(drafts)]

    # -- per sentence -------------------------------------------------------------------
    def _dateline_place(self, doc: Document) -> Entity | None:
        if not doc.dateline or not doc.dateline.place:
            return None
        found = [m.value for m in self.gazetteer.find(doc.dateline.place) if m.value.kind == "place"]
        return found[0] if found else None

    def _sentence_events(self, sentence: _Sentence, state: _DocState, mentions: list[Match[Entity]],
                         raw_triggers: list[Match[Trigger]], cues: list[Match[tuple[str, str]]]) -> list[_Draft]:
        text = sentence.text
        heard = mentions  # everyone named is remembered; a speaker is not an actor of what they report
        if not any(t.value.type == "statement" for t in raw_triggers):
            mentions = _without_speakers(text, mentions, raw_triggers[0].start if raw_triggers else len(text))
        people = [m for m in mentions if m.value.kind in ("person", "org")]
        dates = find_dates(text) if raw_triggers or _DATED_TITLE_HINT.search(text) else []
        sentence.dates = dates
        triggers, context_starts = self._usable_triggers(text, raw_triggers, people, cues, dates)
        folded = fold(text)
        drafts: list[_Draft] = []
        if not triggers:
            self._attach_agreement_titles(text, state)
            drafts.extend(self._dated_agreements(sentence, mentions, dates, state))
            state.remember(heard, None)
            return drafts
        strong = {t.value.type for t in triggers if t.value.strength >= 0.8}
        triggers = [t for t in triggers if t.value.strength >= 0.8 or not (strong - {t.value.type})]
        if not triggers:
            state.remember(heard, None)
            return drafts
        subject = self._subject(text, triggers[0].start, mentions, state)
        date_owner = _assign_dates(dates, triggers, context_starts)
        for index, trigger in enumerate(triggers):
            kind = trigger.value.type
            if any(s in folded for s in SUPPRESS_BY_TYPE.get(kind, ())):
                continue
            if kind == "aid" and not _is_aid(text, trigger):
                continue
            if kind == "agreement" and not self._is_signing(text, trigger, cues):
                continue
            if _UNCERTAIN.search(text[max(0, trigger.start - 40):trigger.start]):
                continue  # "it is unclear whether an agreement has been signed"
            segment_end = triggers[index + 1].start if index + 1 < len(triggers) else len(text)
            object_end = _object_end(text, trigger, segment_end) if kind == "visit" else segment_end
            invite = next((c.start for c in cues if c.value == ("status", "invited") and
                           trigger.end <= c.start < object_end), None)
            if invite is not None and kind != "visit":  # "held talks with A, and invited B to ...": B is not met
                object_end = invite
            objects = [m.value for m in people if trigger.end <= m.start < object_end]
            actors = self._trigger_subject(text, trigger, index, triggers, mentions, subject, state)
            status = _status(cues, trigger, triggers[index - 1].end if index else 0, text)
            if kind == "visit" and status == "invited":
                actors, objects = self._invited(text, trigger, cues, people, actors)
            elif trigger.value.passive:
                actors, objects = objects, actors
            thanks = kind == "aid" and GRATITUDE.search(text) is not None
            if thanks:  # the thanker is not the giver: the aid is between the states, and told once
                if any(d.type == "aid" for d in drafts):
                    continue
                actors, objects = [], []
            actors = _unique(actors)
            objects = [o for o in _unique(objects) if o.id not in {a.id for a in actors}]
            if kind in _NEEDS_PERSON and not any(e.kind in ("person", "org") for e in actors + objects):
                # "the Lao leader reminded his host": role anaphors after the trigger
                objects += [e for e in self._role_anaphors(text[trigger.start:segment_end], state)
                            if e not in actors and e not in objects]
            if not any(e.kind in ("person", "org") for e in actors + objects):
                country_actors = [e for e in actors + objects if e.kind == "country"]
                capital = self._capital_subject(text, trigger, mentions, state)
                if capital is not None and capital not in country_actors:
                    country_actors.insert(0, capital)
                    actors = [capital]
                if not country_actors:
                    country_actors = self._countries_near(mentions, trigger)
                elif capital is not None:
                    country_actors += [e for e in self._countries_near(mentions, trigger)
                                       if e not in country_actors]
                actors = _unique([e for e in country_actors if e in actors] or country_actors[:1])
                objects = [e for e in _unique(country_actors) if e not in actors]
            if not actors and not objects:
                actors = self._anaphor(text, state)
            if kind in _NEEDS_PERSON and not any(e.kind in ("person", "org") for e in actors + objects):
                continue
            own_all = [d for d, owner in date_owner if owner == index]
            split = _coordinated_parts(text, trigger, segment_end, people, actors) if kind == "meeting" else []
            parts: list[tuple[list[Entity], list[DateMention]]] = [(objects, own_all)]
            if split:  # "a conversation with A ..., and at X - with B": one meeting each
                later = split[1:]
                parts = [(split[0][0], [d for d in own_all if not any(lo <= d.span[0] < hi for _o, lo, hi in later)])]
                parts += [(part, [d for d in own_all if lo <= d.span[0] < hi]) for part, lo, hi in later]
            for part_objects, own in parts:
                draft = _Draft(kind, trigger, sentence, actors, part_objects, status=status,
                               confidence=trigger.value.strength, past_reference=thanks)
                draft.countries = {m.value.country for m in mentions if m.value.kind == "country" and m.value.country}
                draft.place, draft.place_basis = self._place(kind, text, trigger, segment_end, mentions)
                self._date(draft, own, state, text)
                if draft.place is None:
                    _dateline_place_for(draft, own, state)
                if kind == "agreement":
                    _add_titles(draft, _enumerated_titles(text[trigger.start:segment_end]) or
                                _titles(text[trigger.start:segment_end]) or _titles(text), text)
                if kind == "meeting" and _plural_meeting(trigger.phrase) and len(own) > 1:
                    drafts.extend(self._split_over_dates(draft, own, state, text, mentions))
                else:
                    drafts.append(draft)
                state.after_event(draft)
        if not any(d.type == "agreement" for d in drafts) and _enumerated_titles(text):
            self._attach_agreement_titles(text, state)  # "agreements include: a ... assistance agreement"
        state.remember(heard, drafts[-1] if drafts else None)
        return drafts

    def _is_signing(self, text: str, trigger: Match[Trigger], cues: list[Match[tuple[str, str]]]) -> bool:
        """A signing needs a document: "signed a portrait" is not an agreement."""
        return any(c.value[0] == "agreement_noun" for c in cues) or bool(_DATED_TITLE_HINT.search(text))

    def _role_anaphors(self, segment: str, state: _DocState) -> list[Entity]:
        """People named by role anywhere in ``segment`` ("the Lao leader", "his host")."""
        found = []
        for pattern, meaning in _ANAPHORS:
            if meaning in (LAO, RUS) and pattern.search(segment) and state.last_person.get(meaning):
                found.append(state.last_person[meaning])
        return found

    def _usable_triggers(self, text: str, triggers: list[Match[Trigger]], people: list[Match[Entity]],
                         cues: list[Match[tuple[str, str]]],
                         dates: list[DateMention]) -> tuple[list[Match[Trigger]], set[int]]:
        """Drop context mentions ("during his visit") and merge adjacent same-type triggers.

        A context mention followed by its own date is kept (its start is returned: such a
        trigger owns only the dates after it)."""
        contexts = [c for c in cues if c.value[0] == "context"]
        usable: list[Match[Trigger]] = []
        context_starts: set[int] = set()
        for trigger in triggers:
            inside = [c for c in contexts if _refers_back(text, c, trigger)]
            if inside:
                if not any(0 <= d.span[0] - trigger.end <= 25 for d in dates):
                    continue
                context_starts.add(trigger.start)
            if usable and usable[-1].value.type == trigger.value.type:
                previous = usable[-1]
                between = [p for p in people if previous.end <= p.start < trigger.start]
                if not between and trigger.start - previous.end <= _TRIGGER_GAP_MERGE:
                    usable[-1] = Match(previous.start, trigger.end, text[previous.start:trigger.end],
                                       previous.value if previous.value.strength >= trigger.value.strength
                                       else trigger.value)
                    continue
            usable.append(trigger)
        return usable, context_starts

    def _subject(self, text: str, first_trigger: int, mentions: list[Match[Entity]],
                 state: _DocState) -> list[Entity]:
        before = [m for m in mentions if m.end <= first_trigger and m.value.kind in ("person", "org")]
        if before:
            last_comma = text.rfind(",", before[0].end, first_trigger)
            after_comma = [m for m in before if m.start > last_comma] if last_comma >= 0 else before
            chosen = after_comma or before
            # "Visiting President X and his Russian counterpart Y": all named subjects count
            return [m.value for m in chosen]
        return self._anaphor(text[:first_trigger], state)

    def _anaphor(self, prefix: str, state: _DocState) -> list[Entity]:
        for pattern, meaning in _ANAPHORS:
            if not pattern.search(prefix):
                continue
            if meaning == "countries":
                return [e for e in (state.country(LAO, self.gazetteer), state.country(RUS, self.gazetteer)) if e]
            if meaning == "pair":
                return list(state.last_pair)
            if meaning in (LAO, RUS):
                person = state.last_person.get(meaning)
                return [person] if person else []
            if meaning == "he":
                return list(state.last_subject[:1])
            if meaning == "it":
                return list(state.last_country_subject[:1])
        return []

    def _trigger_subject(self, text: str, trigger: Match[Trigger], index: int, triggers: list[Match[Trigger]],
                         mentions: list[Match[Entity]], subject: list[Entity], state: _DocState) -> list[Entity]:
        segment_start = triggers[index - 1].end if index else 0
        prefix = text[segment_start:trigger.start]
        # a clause running to the trigger cannot contain "," or ";", so only the tail from the
        # last one on can hold it (searching the whole prefix is quadratic in its length)
        tail_start = max(prefix.rfind(","), prefix.rfind(";"), 0)
        relative = _REL_CLAUSE.search(prefix, tail_start)
        if relative and _REL_WORD.match(relative.group(0)):
            inside = [m.value for m in mentions
                      if segment_start + relative.start() <= m.start and m.end <= trigger.start]
            if inside:
                return inside
        gerund = _GERUND_FOR.search(prefix) if trigger.phrase.lower().split()[0].endswith("ing") else None
        if gerund:
            near = [m.value for m in mentions if m.end <= segment_start + gerund.end(1) and
                    segment_start + gerund.start(1) <= m.end]
            if near:
                return near
        if index > 0:  # "..., President Thongloun held talks with": a name right before the trigger
            named = [m for m in mentions if segment_start <= m.start and m.end <= trigger.start
                     and m.value.kind in ("person", "org")]
            if named and _SUBJECT_GAP.match(text[named[-1].end:trigger.start]):
                return [named[-1].value]
        return list(subject)

    def _invited(self, text: str, trigger: Match[Trigger], cues: list[Match[tuple[str, str]]],
                 people: list[Match[Entity]], inviters: list[Entity]) -> tuple[list[Entity], list[Entity]]:
        """"X invited Y to visit Laos": Y is the (would-be) visitor, X the host."""
        cue = max((c for c in cues if c.value == ("status", "invited") and c.end <= trigger.start),
                  key=lambda c: c.start, default=None)
        if cue is None:
            return inviters, []
        visitors = [m.value for m in people if cue.end <= m.start < trigger.start]
        return (visitors, inviters) if visitors else ([], inviters)

    def _capital_subject(self, text: str, trigger: Match[Trigger], mentions: list[Match[Entity]],
                         state: _DocState) -> Entity | None:
        """"..., Moscow supplied Laos with ...": a city as the subject of an act stands for its state.

        The state is the one of that side the text last named (the USSR in a passage about
        the Soviet era), else the city's own country."""
        if trigger.value.type not in ("aid", "agreement", "exercise"):
            return None
        before = [m for m in mentions if m.end <= trigger.start and m.value.kind in ("place", "country")]
        if not before or before[-1].value.kind != "place" or not before[-1].value.country:
            return None
        city = before[-1]
        opening = text[:city.start].rstrip()
        if (opening and not opening.endswith((",", ";", ":"))) or not _SUBJECT_GAP.match(text[city.end:trigger.start]):
            return None
        code = city.value.country
        named = state.last_state.get(_side(code))
        return named or state.country(code, self.gazetteer)

    def _countries_near(self, mentions: list[Match[Entity]], trigger: Match[Trigger]) -> list[Entity]:
        countries = [m for m in mentions if m.value.kind == "country"]
        before = [m.value for m in countries if m.end <= trigger.start]
        after = [m.value for m in countries if m.start >= trigger.end]
        return _unique(before[-2:] + after[:2])

    def _place(self, kind: str, text: str, trigger: Match[Trigger], segment_end: int,
               mentions: list[Match[Entity]]) -> tuple[Entity | None, str | None]:
        places = [m for m in mentions if m.value.kind in ("place", "country")]
        if kind == "visit":
            for m in places:
                if trigger.end - 3 <= m.start < segment_end:
                    return m.value, "sentence"
            return None, None
        for m in places:
            if m.value.kind == "place" and re.search(r"(?:\b(?:in|at|to|во|в|на)\s+(?:the\s+)?|ຢູ່\s*|ທີ່\s*)$",
                                                          text[max(0, m.start - 8):m.start]):
                return m.value, "sentence"
        return None, None

    def _date(self, draft: _Draft, own: list[DateMention], state: _DocState, text: str) -> None:
        future = draft.status in ("planned", "invited")
        if own:
            draft.had_date_mention = True
            mention = _nearest(own, draft)
            resolved = resolve(mention, _sentence_year(draft.sentence.dates, mention) or state.anchor, future=future)
            draft.start, draft.end = resolved.start, resolved.end
            draft.warnings.extend(resolved.warnings)
            draft.date_basis = f"text: {mention.text.strip()}"
            if mention.since and draft.status == "occurred":
                draft.status = "ongoing"
            if draft.start and draft.type != "visit" and state.frame and _inside(draft, state.frame):
                draft.within = state.frame
            return
        if future:
            draft.warnings.append("no date given for a planned or invited event")
            return
        if draft.past_reference:
            draft.warnings.append("an earlier act referred to (thanks): no date in the text")
            return
        if _SAME_DAY.search(text) and state.last_dated_day:
            source = state.last_dated_day
            draft.start, draft.end, draft.date_basis = source.start, source.end, "same day as the previous event"
            draft.within = state.frame if state.frame is not source else None
            draft.confidence -= 0.1
            return
        frame = state.frame
        last = state.last_dated_day
        if last is not None and draft.type != "visit" and len(draft.people() & last.people()) >= 2 and (
                frame is None or last.within is frame or last is frame or _inside(last, frame)):
            # the same two people again, undated: the same occasion ("also pinned a medal on him")
            draft.start, draft.end = last.start, last.end
            draft.date_basis = "same occasion as the previous event with the same people"
            draft.within = frame if frame is not None and frame is not last else None
            draft.confidence -= 0.1
            return
        if frame and draft.type == "visit" and draft.status == "occurred" and _is_stop(draft, frame):
            # "he also visited Herzen University in St. Petersburg": a stop on the visit, not a new one
            draft.start, draft.end, draft.within = frame.start, frame.end, frame
            draft.date_basis = "a stop inside the visit the document reports"
            draft.confidence -= 0.1
            return
        if frame and draft.type != "visit" and (
                draft.people() & frame.people() or re.search(r"\bduring (?:the|his|her) (?:visit|trip|stay)\b",
                                                             text, re.I)):
            draft.start, draft.end = frame.start, frame.end
            draft.within = frame
            draft.date_basis = "inside the visit the document reports"
            draft.confidence -= 0.1
            if draft.place is None and frame.place is not None:
                draft.place, draft.place_basis = frame.place, "visit"
            return
        if draft.status == "ongoing" and state.anchor and re.search(r"\bcurrently\b", text, re.I):
            draft.start = draft.end = state.anchor[:10]
            draft.date_basis = "ongoing at the publication/dateline date"
            return
        draft.warnings.append("no date in the text for this event")

    def _split_over_dates(self, draft: _Draft, own: list[DateMention], state: _DocState, text: str,
                          mentions: list[Match[Entity]]) -> list[_Draft]:
        """"two meetings ... on May 9 in Moscow and on October 24 ... in Kazan": one event per date."""
        out = []
        places = [m for m in mentions if m.value.kind == "place"]
        for mention in own:
            copy = attrs.evolve(draft, warnings=list(draft.warnings), agreements=list(draft.agreements))
            resolved = resolve(mention, _sentence_year(draft.sentence.dates, mention) or state.anchor)
            copy.start, copy.end, copy.date_basis = resolved.start, resolved.end, f"text: {mention.text.strip()}"
            after = [m.value for m in places if m.start >= mention.span[1]]
            copy.place = after[0] if after else draft.place
            copy.trigger = Match(mention.span[0], mention.span[1], draft.trigger.phrase, draft.trigger.value)
            out.append(copy)
        return out

    def _attach_agreement_titles(self, text: str, state: _DocState) -> None:
        """A sentence with no signing of its own that lists documents adds them to the last signing."""
        if state.last_agreement is not None and _has_agreement_hint(text):
            _add_titles(state.last_agreement, _enumerated_titles(text) or _titles(text), text)

    def _dated_agreements(self, sentence: _Sentence, mentions: list[Match[Entity]], dates: list[DateMention],
                          state: _DocState) -> list[_Draft]:
        """"the Treaty on ... of March 9, 1994": a signing dated by its title."""
        out = []
        previous_end = 0
        for mention in dates:
            head = sentence.text[previous_end:mention.span[0]]
            previous_end = mention.span[1]
            match = _DATED_TITLE.search(head)
            if not match or mention.kind not in ("md", "dm", "my"):
                continue
            title_start = match.start("title") + (previous_end - len(head) - (mention.span[1] - mention.span[0]))
            title_start = sentence.text.find(match.group("title"))
            countries = _unique([m.value for m in mentions if m.value.kind == "country" and
                                 title_start <= m.start <= mention.span[0]])
            trigger = Match(title_start, title_start + len(match.group("title")), match.group("title"),
                            Trigger("agreement", 0.7, "sign"))
            draft = _Draft("agreement", trigger, sentence, countries[:1], countries[1:2])
            resolved = resolve(mention, state.anchor)
            draft.start, draft.end = resolved.start, None if resolved.end == resolved.start else resolved.end
            draft.date_basis = f"text: {mention.text.strip()}"
            draft.agreements = [" ".join(match.group("title").split())]
            draft.countries = {e.country for e in countries if e.country}
            draft.confidence = 0.7
            out.append(draft)
        return out

    # -- per document ---------------------------------------------------------------------
    def _relevant(self, draft: _Draft, state: _DocState) -> bool:
        """Lao–Russian only: both sides among participants, place and the sentence's countries."""
        countries = set(draft.countries)
        countries |= {e.country for e in draft.actors + draft.counterparts if e.country}
        if draft.place and draft.place.country:
            countries.add(draft.place.country)
        if draft.within is not None and draft.within.place and draft.within.place.country:
            countries.add(draft.within.place.country)
        russia = bool(countries & {RUS, SOVIET})
        laos = LAO in countries
        if laos and russia:
            return True
        if not (laos or russia):
            return False
        foreign = {e.country for e in draft.actors + draft.counterparts if e.kind == "person"} - {LAO, RUS, SOVIET}
        return not foreign and state.both_sides_mentioned

    def _participant(self, entity: Entity, when: str | None) -> Participant:
        """The entity as a participant on ``when``: a pure function of both, so remembered."""
        key = (entity.id, when)
        found = self._participants.get(key)
        if found is None:
            if len(self._participants) > 50_000:
                self._participants.clear()
            found = self._participants[key] = entity.participant(when)
        return found

    def _freeze(self, draft: _Draft, doc: Document, anchor_warnings: tuple[str, ...]) -> Event:
        when = draft.start or draft.end
        actors = [self._participant(e, when) for e in draft.actors]
        counterparts = [self._participant(e, when) for e in draft.counterparts]
        countries = {p.country for p in actors + counterparts if p.country and p.country != "---"}
        if draft.place and draft.place.country:
            countries.add(draft.place.country)
        if not any(p.kind in ("person", "org") for p in actors + counterparts):
            countries |= {c for c in draft.countries if c in (LAO, RUS, SOVIET)}
        sentence = draft.sentence
        evidence = Evidence(sentence.text, sentence.start, sentence.start + len(sentence.text))
        warnings = list(draft.warnings)
        if draft.type == "agreement" and draft.count and len(draft.agreements) < draft.count:
            warnings.append(f"the text counts {draft.count} documents signed; {len(draft.agreements)} named")
        if any(w.startswith("year of") or w.startswith("relative") for w in warnings):
            warnings.extend(anchor_warnings)
        confidence = draft.confidence
        if not draft.actors:
            confidence -= 0.2
        if draft.start is None:
            confidence -= 0.1
        return Event(
            type=draft.type,
            doc_id=doc.id,
            evidence=evidence,
            actors=actors,
            counterparts=counterparts,
            countries=sorted(countries),
            place=draft.place.as_place() if draft.place else None,
            start=draft.start,
            end=draft.end,
            outlet=doc.outlet,
            source=doc.source or doc.url,
            agreements=draft.agreements,
            status=draft.status,
            plover=plover_for(draft.type, draft.trigger.value.mode),
            confidence=round(max(0.05, min(1.0, confidence)), 2),
            trigger=draft.trigger.phrase,
            date_basis=draft.date_basis,
            within=_frame_id(draft.within, doc) if draft.within is not None else None,
            warnings=tuple(dict.fromkeys(warnings)),
        )


@attrs.define
class _DocState:
    """What a reader remembers while reading: who was last named, which visit frames the text."""

    anchor: str | None
    dateline_place: Entity | None
    last_person: dict[str, Entity] = attrs.field(factory=dict)
    last_subject: list[Entity] = attrs.field(factory=list)
    last_country_subject: list[Entity] = attrs.field(factory=list)
    last_pair: list[Entity] = attrs.field(factory=list)
    frame: _Draft | None = None
    last_dated_day: _Draft | None = None
    last_agreement: _Draft | None = None
    countries_seen: set[str] = attrs.field(factory=set)
    last_state: dict[str, Entity] = attrs.field(factory=dict)  # side → the state of that side last named
    lead: bool = False  # reading the lead sentence, the one the dateline belongs to
    lead_days: set[tuple[str, int]] = attrs.field(factory=set)  # relative days the lead's events took place on
    _country_entities: dict[str, Entity] = attrs.field(factory=dict)

    @property
    def both_sides_mentioned(self) -> bool:
        return LAO in self.countries_seen and bool(self.countries_seen & {RUS, SOVIET})

    def country(self, code: str, gazetteer: Gazetteer) -> Entity | None:
        if not self._country_entities:
            for entity in gazetteer.entities.values():
                if entity.kind == "country" and entity.country:
                    self._country_entities.setdefault(entity.country, entity)
        return self._country_entities.get(code)

    def remember(self, mentions: list[Match[Entity]], last: _Draft | None) -> None:
        for m in mentions:
            entity = m.value
            if entity.country:
                self.countries_seen.add(entity.country)
            if entity.kind == "person" and entity.country in (LAO, RUS):
                self.last_person[entity.country] = entity
            if entity.kind == "country" and entity.country:
                self.last_state[_side(entity.country)] = entity
        persons = [m.value for m in mentions if m.value.kind == "person"]
        if persons and last is None:
            self.last_subject = persons[:1]

    def after_event(self, draft: _Draft) -> None:
        people = [e for e in draft.actors + draft.counterparts if e.kind in ("person", "org")]
        if draft.actors and draft.actors[0].kind == "person":
            self.last_subject = draft.actors[:1]
        if draft.actors and draft.actors[0].kind == "country":
            self.last_country_subject = draft.actors[:1]
        if len([e for e in people if e.kind == "person"]) >= 2:
            self.last_pair = [e for e in people if e.kind == "person"]
        if draft.type == "visit" and draft.start and draft.status in ("occurred", "ongoing") and draft.within is None:
            self.frame = draft
        if draft.start and draft.start == draft.end and len(draft.start) >= 7:
            self.last_dated_day = draft
        if draft.type == "agreement":
            self.last_agreement = draft


class _Indexed:
    """Document-level matches, sorted by start, sliced per sentence by bisection."""

    def __init__(self, matches: list[Match[Any]]) -> None:
        self.matches = matches
        self.starts = [m.start for m in matches]

    def slice(self, sentence: _Sentence) -> list[Match[Any]]:
        """Matches inside ``sentence``, with sentence-relative offsets."""
        lo, hi = sentence.start, sentence.start + len(sentence.text)
        out = []
        for i in range(bisect.bisect_left(self.starts, lo), len(self.matches)):
            m = self.matches[i]
            if m.start >= hi:
                break
            if m.end <= hi:
                out.append(Match(m.start - lo, m.end - lo, m.phrase, m.value))
        return out


def _unique(entities: Iterable[Entity]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for entity in entities:
        seen.setdefault(entity.id, entity)
    people = list(seen.values())
    affiliated = {a for e in people for a in e.affiliations}
    return [e for e in people if e.id not in affiliated]


def _assign_dates(dates: list[DateMention], triggers: list[Match[Trigger]],
                  context_starts: set[int] = frozenset()) -> list[tuple[DateMention, int]]:  # type: ignore[assignment]
    """Each date belongs to the nearest trigger in its sentence; a reference back ("during his
    visit to Russia from 7 to 11 May") owns only the dates after it."""
    owned = []
    for mention in dates:
        def distance(i: int, m: DateMention = mention) -> int:
            t = triggers[i]
            if m.span[0] >= t.end:
                return m.span[0] - t.end
            if m.span[1] <= t.start:
                if t.start in context_starts and i > 0:
                    return 1 << 30
                return t.start - m.span[1] + 5  # a date after its trigger is the usual order
            return 0
        owned.append((mention, min(range(len(triggers)), key=distance)))
    return owned


def _status(cues: list[Match[tuple[str, str]]], trigger: Match[Trigger], segment_start: int, text: str) -> str:
    window_start = max(segment_start - 40, 0) if segment_start else 0
    # "currently on a visit to Laos, discussed ... at a meeting": "currently" is the visit's, told
    # before the previous trigger; only future and invitation cues reach back over it
    found = {c.value[1] for c in cues if c.value[0] == "status" and window_start <= c.start < trigger.end
             and (c.value[1] != "ongoing" or c.start >= segment_start)
             and not any(a.value[0] == "accepted" and a.start <= c.start < a.end for a in cues)}
    accepted = [a for a in cues if a.value[0] == "accepted"]
    if "cancelled" in found:
        return "cancelled"
    if "invited" in found and trigger.value.type == "visit":
        invite = [c for c in cues if c.value == ("status", "invited") and c.start < trigger.start]
        if invite and not any(a.start <= invite[-1].start < a.end for a in accepted):
            return "invited"
    if "planned" in found:
        return "planned"
    if "ongoing" in found:
        return "ongoing"
    return "occurred"


def _titles(text: str) -> list[str]:
    titles = []
    for match in _AGREEMENT_TITLE.finditer(text):
        title = " ".join(match.group("title").split()).strip(" ,")
        if title.lower() in ("agreement", "agreements", "documents") or len(title) < 6 or \
                _PLURAL_GENERIC.match(title):
            continue  # "seven cooperation agreements" counts documents, it does not name one
        titles.append(title)
    return list(dict.fromkeys(titles))


def _enumerated_titles(text: str) -> list[str]:
    """"Other agreements include: A, B, C, and D": every listed item is a document of the signing.

    Only a list whose head names documents ("agreements include", "documents signed,
    including") counts; items are cut at commas and semicolons (an "and" inside an item,
    "cooperation and exchange agreements", stays), their leading article dropped."""
    cue = _ENUMERATION.search(text)
    if cue is None or not _DOCUMENT_NOUN.search(text[:cue.start()]):
        return []
    body = text[cue.end():].strip().rstrip(".").strip()
    items = (_LEADING_ARTICLE.sub("", " ".join(item.split())).strip(" .") for item in _ITEM_CUT.split(body))
    return list(dict.fromkeys(item for item in items if 6 <= len(item) <= 150))


def _document_count(text: str) -> int | None:
    """"signed seven cooperation agreements", "among the seven documents": the number of documents told."""
    found = _DOCUMENT_COUNT.search(text)
    if found is None:
        return None
    n = found.group("n").lower()
    return int(n) if n.isdigit() else _NUMBER_WORDS[n]


def _add_titles(draft: _Draft, titles: list[str], text: str) -> None:
    """Add ``titles`` to ``draft``; a title an enumerated item extends ("exchange agreements
    between universities" inside "cooperation and exchange agreements between ...") is replaced."""
    for title in titles:
        draft.agreements[:] = [a for a in draft.agreements if not (a != title and a in title)]
        if not any(title in a for a in draft.agreements):
            draft.agreements.append(title)
    count = _document_count(text)
    if count is not None:
        draft.count = max(draft.count or 0, count)


_SPEAKER_BEFORE = re.compile(r"\b(?:in the words of|according to|as (?:quoted|cited) by|quoting)\s", re.I)
_SPEECH_AFTER = re.compile(r"\s*,?\s*(?:said|says|stated|states|noted|notes|added|adds|recalled|recalls|"
                           r"remarked|wrote|writes|told (?:reporters|journalists))\b", re.I)

_PRONOUN = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Yy]ou|[Yy]our|[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir)\b")


def _side(country: str) -> str:
    """Russia and the Soviet Union are one side of the relation."""
    return RUS if country in (RUS, SOVIET) else country


def _speaker_spans(text: str, mentions: list[Match[Entity]], act: int) -> list[tuple[int, int]]:
    """Where a sentence names who is speaking: "In the words of ..., Sergei Lavrov ," and "Lavrov said".

    A preposed attribution runs from its cue to the first person named after it (their
    office and country with them); a person followed by a speech verb is a speaker alone,
    unless the act (at ``act``) is told in the first person ("“I liked attending this
    parade,” Thongloun said": the speaker is the "I")."""
    persons = [m for m in mentions if m.value.kind == "person"]
    spans = []
    for cue in _SPEAKER_BEFORE.finditer(text):
        speaker = next((m for m in persons if cue.end() <= m.start <= cue.end() + 80), None)
        if speaker is not None and not re.search(r"[;.]", text[cue.end():speaker.start]):
            spans.append((cue.start(), speaker.end))
    pronouns = _PRONOUN.findall(text[:act])
    if not (pronouns and pronouns[-1].lower() in ("i", "we", "my", "our")):
        spans += [(m.start, m.end) for m in persons if _SPEECH_AFTER.match(text, m.end)]
    return spans


def _without_speakers(text: str, mentions: list[Match[Entity]], act: int) -> list[Match[Entity]]:
    """The mentions that can take part in the acts a sentence reports: its speakers cannot."""
    spans = _speaker_spans(text, mentions, act)
    return [m for m in mentions if not any(lo <= m.start and m.end <= hi for lo, hi in spans)]


def _nearest(own: list[DateMention], draft: _Draft) -> DateMention:
    """The date an event takes: of those its trigger owns, the one nearest to the trigger."""
    return min(own, key=lambda d: abs(d.span[0] - draft.trigger.start))


def _dateline_place_for(draft: _Draft, own: list[DateMention], state: _DocState) -> None:
    """"VIENTIANE, May 23. ... discussed ... at a meeting on Tuesday": the dateline is where the lead happened.

    It places an unplaced event of the lead sentence, and a later one on the same relative
    day as a lead event ("Earlier on Tuesday, ... laid flowers"). Never a planned, invited
    or remembered act, one dated otherwise than by a relative day, or one inside a
    visit to another country than the dateline's. The date is not touched: a weekday needs
    a full anchor date (see ``when.resolve``)."""
    place = state.dateline_place
    if place is None or draft.status in ("planned", "invited") or draft.past_reference:
        return
    mention = _nearest(own, draft) if own else None
    if mention is not None and (mention.relative is None or mention.relative[0] not in ("weekday", "day")):
        return
    frame = state.frame
    if frame is not None and frame.place is not None and frame.place.country != place.country:
        return
    days = {mention.relative} if mention is not None and mention.relative is not None else set()
    if not (state.lead or days & state.lead_days):
        return
    draft.place, draft.place_basis = place, "dateline"
    if draft.start is None and mention is not None and state.anchor:  # a bound, not a guessed date
        draft.warnings.append(f"on or before the dateline date {state.anchor}")
    if state.lead:
        state.lead_days |= days


def _sentence_year(dates: list[DateMention], mention: DateMention) -> str | None:
    """"In 2024, ... on May 9": a year stated earlier in the same sentence dates a yearless day."""
    if mention.relative is not None or not (mention.start or "").startswith("--"):
        return None
    years = [d for d in dates if d.kind == "y" and not d.since and d.span[1] <= mention.span[0]]
    return f"{years[-1].start}-12-31" if years else None


_UNCERTAIN = re.compile(r"\b(?:whether|unclear if|not clear if|if any)\b[^.;]*$", re.I)
_AND_WITH = re.compile(r",?\s+and\b[^;]*?\bwith\b", re.I)
_CLAUSE_BREAK = re.compile(r";|\band\s+(?:according|said|told|noted|added|he|she|they)\b", re.I)
_SUBJECT_GAP = re.compile(r"^\s*(?:(?:also|then|later|has|had|have|successfully|specially|officially)\s+)*$", re.I)


def _is_aid(text: str, trigger: Match[Trigger]) -> bool:
    """Giving something concrete, not "mutual assistance" or help in general."""
    if text[max(0, trigger.start - 7):trigger.start].lower().endswith("mutual "):
        return False
    return AID_OBJECTS.search(text) is not None


def _refers_back(text: str, context: Match[tuple[str, str]], trigger: Match[Trigger]) -> bool:
    """Is ``trigger`` part of a reference back ("during his visit to Russia", "the visiting minister")?

    It is when it overlaps the context phrase, or follows it closely within the same clause
    and is of the kind the phrase refers to (a visit phrase only hides visit triggers)."""
    if context.start <= trigger.start < context.end:
        return True
    if not (context.end <= trigger.start < context.end + 25) or re.search(r"[,;.]", text[context.end:trigger.start]):
        return False
    phrase = context.phrase.lower()
    if trigger.value.type == "visit":
        return any(w in phrase for w in ("visit", "trip", "визит", "ໂອກາດ"))
    return trigger.value.type == "meeting" and any(w in phrase for w in ("talks", "meeting"))


def _object_end(text: str, trigger: Match[Trigger], segment_end: int) -> int:
    """Where a visit's object phrase ends: "visited Vientiane in 2018 and according to ..." stops at "and"."""
    found = _CLAUSE_BREAK.search(text, trigger.end, segment_end)
    return found.start() if found else segment_end


def _coordinated_parts(text: str, trigger: Match[Trigger], segment_end: int, people: list[Match[Entity]],
                       actors: list[Entity]) -> list[tuple[list[Entity], int, int]]:
    """"had a conversation with A, and at the EEF 2023 - with B": (objects, start, end) per "with".

    Empty unless there are at least two parts, each naming someone other than the actors."""
    cuts = [m.start() for m in _AND_WITH.finditer(text, trigger.end, segment_end)]
    if not cuts:
        return []
    bounds = [trigger.end, *cuts, segment_end]
    parts = []
    for lo, hi in itertools.pairwise(bounds):
        named = _unique(m.value for m in people if lo <= m.start < hi and m.value not in actors)
        if not named:
            return []
        parts.append((named, lo, hi))
    return parts


def _has_agreement_hint(text: str) -> bool:
    low = text.lower()
    return ("includ" in low or "other agreements" in low or "among the" in low) and bool(_AGREEMENT_HINT.search(text))


def _plural_meeting(phrase: str) -> bool:
    return "meetings" in phrase.lower()


def _is_stop(draft: _Draft, frame: _Draft) -> bool:
    """An undated visit by the frame's visitor to a place in the country the frame is in."""
    visitors = {e.id for e in frame.actors if e.kind == "person"}
    if not visitors & {e.id for e in draft.actors}:
        return False
    if draft.place is None or frame.place is None:
        return draft.place is None
    return draft.place.kind == "place" and draft.place.country == frame.place.country


def _inside(draft: _Draft, frame: _Draft) -> bool:
    if not (draft.start and frame.start and frame.end):
        return False
    return frame.start <= draft.start <= frame.end and len(draft.start) == len(frame.start)


def _frame_id(frame: _Draft, doc: Document) -> str:
    return event_id(doc.id, frame.type, frame.sentence.start, frame.trigger.phrase)


def _consolidate(drafts: list[_Draft]) -> list[_Draft]:
    """One document retelling the same act (repeated leads, "additionally ... signed") is one event."""
    kept: list[_Draft] = []
    for draft in drafts:
        if draft.type == "agreement" and not draft.people() and draft.start is None and \
                _AGREEMENT_HINT.search(draft.sentence.text):
            earlier = next((k for k in reversed(kept) if k.type == "agreement"), None)
            if earlier is not None:  # "among the seven documents signed ... is a roadmap": the same signing
                _merge_agreements(earlier, draft)
                continue
        twin = next((k for k in kept if k.type == draft.type and k.people() == draft.people() and
                     k.start == draft.start and k.end == draft.end and k.status == draft.status and
                     (k.people() or (k.type == "agreement" and k.start is not None))), None)
        if twin is None:
            kept.append(draft)
            continue
        _merge_agreements(twin, draft)
        twin.confidence = min(1.0, twin.confidence + 0.05)
    return kept


def _merge_agreements(kept: _Draft, draft: _Draft) -> None:
    """One signing told in several sentences: the union of titles, the largest count."""
    kept.agreements.extend(a for a in draft.agreements if a not in kept.agreements)
    if draft.count is not None:
        kept.count = max(kept.count or 0, draft.count)


_DEFAULT: EventExtractor | None = None


def extract_events(doc: Document, extractor: EventExtractor | None = None) -> list[Event]:
    """All Lao–Russian events in ``doc`` (body text only), in text order."""
    global _DEFAULT
    if extractor is None:
        if _DEFAULT is None:
            _DEFAULT = EventExtractor()
        extractor = _DEFAULT
    return extractor.extract(doc)


def events_to_records(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    for event in events:
        yield event.to_dict()
