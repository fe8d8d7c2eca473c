"""Frames: one event per trigger, its argument slots filled from the sentence's mentions.

Who (the subject before the trigger, or a back-reference), with whom (the people after
it: object of "with", "between … and …", the one "received"), where (the host place),
when (the dates the trigger owns). Adjacent triggers of one type with no new person
between them are one event; a trigger inside a reference back ("during his visit") is
not a new event. Speakers of a sentence are never its actors.
"""

from __future__ import annotations

import itertools
import re

import attrs

from laoru.events import agreements, aid, implied, russian_frames
from laoru.events.dating import assign_dates, date_draft, dateline_place_for, split_over_dates
from laoru.events.draft import Draft, Story
from laoru.events.gazetteer import Entity
from laoru.events.lexicon import Lexicon, Trigger
from laoru.events.matcher import PhraseMatch, fold
from laoru.events.mentions import (
    LAO,
    PEOPLE,
    RUS,
    SOVIET,
    Memory,
    distinct,
    parties,
    reported_at,
    side,
    without_speakers,
)
from laoru.events.roles import role_mentions
from laoru.events.sentences import Sentence
from laoru.events.status import Cue, status_of
from laoru.events.when import DateMention, find_dates, resolve

Mention = PhraseMatch[Entity]
TriggerMatch = PhraseMatch[Trigger]

_TRIGGER_GAP_MERGE = 60
_RECEIPT = Trigger("aid", 0.85, "material", passive=True)
_TRADE = Trigger("other", 0.85, "transfer")
_NEEDS_PERSON = frozenset({"visit", "meeting", "call", "award"})
_UNCERTAIN = re.compile(r"\b(?:whether|unclear if|not clear if|if any|ли)\b[^.;]*$", re.I)
_AND_WITH = re.compile(r",?\s+(?:and|а)\b[^;]*?\b(?:with|с)\b", re.I)
_CLAUSE_BREAK = re.compile(r";|\band\s+(?:according|said|told|noted|added|he|she|they)\b", re.I)
_SUBJECT_GAP = re.compile(r"^\s*(?:(?:also|then|later|has|had|have|successfully|specially|officially|также|"
                          r"уже)\s+)*$", re.I)
_REL_WORD = re.compile(r"(?:which|that|who|который|которая|которые)\b", re.I)
_GERUND_FOR = re.compile(r"(\S+)\s+for\s*$")
_REL_CLAUSE = re.compile(r"(?:\bwhich|\bthat|\bwho|\bкотор\w+|,)\s+(?:[^,;]*?)$")
_JOINED = re.compile(r"\s+(?:и|and)\s", re.I)
_AT_PLACE = re.compile(r"(?:\b(?:in|at|to|во|в|на)\s+(?:the\s+)?|(?<!\w)городе\s+|ຢູ່\s*|ທີ່\s*)$")  # "городе Вьентьяне"
# a state as the place: where an exercise is held ("пройдут в Лаосе", "on the territory of the Lao PDR"),
# where aid is taken to ("airlifted ... to Laos")
_NEVER = re.compile(r"(?!x)x")
_PURPOSE = re.compile(r"(?:\bдля|\bto)\s+(?:\w+\s+)?$", re.I)  # an aid noun as the purpose of the clause's act
_HOST_COUNTRY = {
    "exercise": re.compile(r"(?:\b(?:in|on the territory of)\s+(?:the\s+)*|(?<!\w)(?:в|во|на территории)\s+)$", re.I),
    "aid": re.compile(r"(?:\bto\s+(?:the\s+)?|(?<!\w)(?:в|во)\s+)$", re.I),
}


@attrs.define
class View:
    """One sentence as a frame reads it."""

    sentence: Sentence
    mentions: list[Mention]
    people: list[Mention]
    triggers: list[TriggerMatch]
    cues: list[Cue]
    context_starts: set[int]

    @property
    def text(self) -> str:
        return self.sentence.text


@attrs.define
class Slots:
    """The argument slots of one trigger."""

    actors: list[Entity]
    objects: list[Entity]
    status: str
    thanks: bool = False
    segment_end: int = 0


def _refers_back(text: str, context: Cue, trigger: TriggerMatch) -> bool:
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
    return trigger.value.type == "meeting" and any(w in phrase for w in ("talks", "meeting", "встреч", "перегов"))


def _merged(previous: TriggerMatch, trigger: TriggerMatch, text: str) -> TriggerMatch:
    value = previous.value if previous.value.strength >= trigger.value.strength else trigger.value
    return PhraseMatch(previous.start, trigger.end, text[previous.start:trigger.end], value)


def _hidden_as_reference(text: str, trigger: TriggerMatch, contexts: list[Cue], dates: list[DateMention]) -> bool:
    """A trigger inside a reference back ("during his visit") and not followed by a date of its own."""
    if not any(_refers_back(text, c, trigger) for c in contexts):
        return False
    return not any(0 <= d.span[0] - trigger.end <= 25 for d in dates)


def _joins_previous(usable: list[TriggerMatch], trigger: TriggerMatch, people: list[Mention]) -> bool:
    """Same type as the last usable trigger, close to it, and no person named between them."""
    if not usable or usable[-1].value.type != trigger.value.type:
        return False
    previous = usable[-1]
    between = any(previous.end <= p.start < trigger.start for p in people)
    # a weak noun after a verb of its type restates it ("delivered … as humanitarian aid")
    near = trigger.start - previous.end <= _TRIGGER_GAP_MERGE or trigger.value.strength < previous.value.strength
    return not between and near


def _without_weak(usable: list[TriggerMatch]) -> list[TriggerMatch]:
    """A weak trigger ("assistance") yields to a strong trigger of another type in the sentence."""
    strong = {t.value.type for t in usable if t.value.strength >= 0.8}
    return [t for t in usable if t.value.strength >= 0.8 or not (strong - {t.value.type})]


def usable_triggers(text: str, triggers: list[TriggerMatch], people: list[Mention], cues: list[Cue],
                    dates: list[DateMention]) -> tuple[list[TriggerMatch], set[int]]:
    """Drop context mentions ("during his visit") and merge adjacent same-type triggers.

    A context mention followed by its own date is kept (its start is returned: such a
    trigger owns only the dates after it)."""
    contexts = [c for c in cues if c.value[0] == "context"]
    usable: list[TriggerMatch] = []
    context_starts: set[int] = set()
    for trigger in triggers:
        if _hidden_as_reference(text, trigger, contexts, dates):
            continue
        if any(_refers_back(text, c, trigger) for c in contexts):
            context_starts.add(trigger.start)
        if _joins_previous(usable, trigger, people):
            usable[-1] = _merged(usable[-1], trigger, text)
        else:
            usable.append(trigger)
    return _without_weak(usable), context_starts


def _joined_subjects(text: str, before: list[Mention], chosen: list[Mention]) -> list[Mention]:
    """"Лавров и заместитель премьер-министра, министр … Коммасит подписали": a subject joined by
    "и"/"and" to the one after the last comma is a subject too (the comma was the title's)."""
    if not chosen or chosen[0] is before[0]:
        return chosen
    at = first = before.index(chosen[0])
    while at > 0 and _JOINED.match(text, before[at - 1].end):
        at -= 1
    return before[at:] if at < first else chosen


def _object_end(text: str, trigger: TriggerMatch, segment_end: int) -> int:
    """Where a visit's object phrase ends: "visited Vientiane in 2018 and according to ..." stops at "and"."""
    found = _CLAUSE_BREAK.search(text, trigger.end, segment_end)
    return found.start() if found else segment_end


def coordinated_parts(text: str, trigger: TriggerMatch, segment_end: int, people: list[Mention],
                      actors: list[Entity]) -> list[tuple[list[Entity], int, int]]:
    """"had a conversation with A, and at the EEF 2023 - with B": (objects, start, end) per "with".

    Empty unless there are at least two parts, each naming someone other than the actors."""
    cuts = [m.start() for m in _AND_WITH.finditer(text, trigger.end, segment_end)]
    if not cuts:
        return []
    parts = []
    for lo, hi in itertools.pairwise([trigger.end, *cuts, segment_end]):
        named = parties(m.value for m in people if lo <= m.start < hi and m.value not in actors)
        if not named:
            return []
        parts.append((named, lo, hi))
    return parts


_THE_COUNTRY = re.compile(r"\b(?:to|in) the country\b|(?<!\w)в (?:эту |этой )?стран[уе]\b", re.I)
_DESTINATION = re.compile(r"(?:\b(?:to|in|into|at)\s+(?:the\s+)?|(?<!\w)(?:в|во|на)\s+)$", re.I)


# what may stand between a verb of visiting and the place it visits: "visited the capital Vientiane",
# "посетил столицу Лаоса" (lowercase words only: "visited his Lao counterpart" names no place)
_OBJECT_GAP = re.compile(r"^\s*(?:(?:the|a|an)\s+)?(?:[^\W\d_A-ZА-ЯЁ][^\W\d_]*\s+)?$")


def _named_as_place(text: str, mention: Mention) -> bool:
    """A place or state named as a noun: capitalised, not the first half of "российско-лаосских"."""
    return text[mention.start:mention.start + 1].isupper() and not text.startswith("-", mention.end)


def _visit_place(text: str, trigger: TriggerMatch, places: list[Mention], segment_end: int) -> Entity | None:
    """Where a visit goes: the place the trigger names ("visit laos"), its object ("visited Vientiane",
    "посетил Лаос"), or a place after "to/in/в" in its clause ("paid a visit to Russia"); in
    Russian also the object before the verb ("Лаос посетит председатель ..."). Never a country
    adjective ("hosted his Lao counterpart", "российско-лаосских")."""
    for m in places:
        if trigger.end - 3 <= m.start < segment_end and _named_as_place(text, m) and (
                m.start < trigger.end or _DESTINATION.search(text[max(0, m.start - 12):m.start])
                or (not trigger.value.passive and _OBJECT_GAP.match(text[trigger.end:m.start]))):
            return m.value
    before = [m for m in places if m.end <= trigger.start and _named_as_place(text, m)
              and not text[m.end:trigger.start].strip()]
    return before[-1].value if before else None


def _later_city(text: str, places: list[Mention], segment_end: int) -> Entity | None:
    """"hosted X for talks … Thursday in the Kremlin": a city named with "in"/"at" after the visit's clause."""
    return next((m.value for m in places if m.start >= segment_end and m.value.kind == "place"
                 and _AT_PLACE.search(text[max(0, m.start - 20):m.start])), None)


def _giverless(trigger: TriggerMatch, slots: Slots) -> bool:
    """"the tanks were … transferred to the Lao army", "to receive assistance from the COVAX
    alliance": a transfer whose giver is not a party named in the text is no Laos–Russia transfer
    (thanks for aid are told between the states, see ``_fill``)."""
    transfer = trigger.value.mode == "transfer" or trigger.value.type == "aid"
    return transfer and not slots.actors and not slots.thanks


def _inviter_spans(text: str, cues: list[Cue]) -> list[tuple[int, int]]:
    """"X, in response to an invitation from President Putin, paid a visit": the inviter is not the
    subject. Each span runs from an accepted-invitation cue to the end of its clause."""
    spans = []
    for cue in cues:
        if cue.value[0] == "accepted":
            stop = re.compile(r"[,;]").search(text, cue.end)
            spans.append((cue.start, stop.start() if stop else len(text)))
    return spans


def _hosts(view: View, trigger: TriggerMatch) -> list[Entity]:
    """"… in response to an invitation from President Putin, paid a working visit": the inviter of a
    visit told before it is its host."""
    if trigger.value.type != "visit":
        return []
    spans = _inviter_spans(view.text, view.cues)
    return [m.value for m in view.people if m.end <= trigger.start and any(lo <= m.start < hi for lo, hi in spans)]


def _objects_end(view: View, trigger: TriggerMatch, segment_end: int) -> int:
    """Where the trigger's objects end: a visit's at "and according to …", any other act's
    at an invitation ("held talks with A, and invited B to ...": B is not met)."""
    if trigger.value.type == "visit":
        return _object_end(view.text, trigger, segment_end)
    invite = next((c.start for c in view.cues if c.value == ("status", "invited")
                   and trigger.end <= c.start < segment_end), None)
    return segment_end if invite is None else invite


def _relative_subject(view: View, prefix: str, segment_start: int, trigger: TriggerMatch) -> list[Entity]:
    """"…, which X signed": the people inside a relative clause running to the trigger."""
    # a clause running to the trigger cannot contain "," or ";": search only from the last one
    tail_start = max(prefix.rfind(","), prefix.rfind(";"), 0)
    relative = _REL_CLAUSE.search(prefix, tail_start)
    if not (relative and _REL_WORD.match(relative.group(0))):
        return []
    return [m.value for m in view.mentions if segment_start + relative.start() <= m.start and m.end <= trigger.start]


def _gerund_subject(view: View, prefix: str, segment_start: int, trigger: TriggerMatch) -> list[Entity]:
    """"thanked X for providing …": the one named right before "for" gives."""
    if not trigger.phrase.lower().split()[0].endswith("ing"):
        return []
    gerund = _GERUND_FOR.search(prefix)
    if not gerund:
        return []
    lo, hi = segment_start + gerund.start(1), segment_start + gerund.end(1)
    return [m.value for m in view.mentions if lo <= m.end <= hi]


def _named_right_before(view: View, index: int, segment_start: int) -> list[Entity]:
    """"..., President Thongloun held talks with": a name right before a later trigger."""
    if index == 0:
        return []
    trigger = view.triggers[index]
    named = [m for m in view.people if segment_start <= m.start and m.end <= trigger.start]
    if named and _SUBJECT_GAP.match(view.text[named[-1].end:trigger.start]):
        return [named[-1].value]
    return []


class FrameReader:
    """Reads the frames of each sentence of one document, in order, with the document's memory."""

    def __init__(self, lexicon: Lexicon, memory: Memory, story: Story) -> None:
        self.lexicon = lexicon
        self.memory = memory
        self.story = story
        self.pending: list[implied.PendingVisit] = []  # visits told only by "Visiting …"
        self.told: set[str] = set()  # event types told so far

    def read(self, sentence: Sentence, heard: list[Mention], raw: list[TriggerMatch], cues: list[Cue]) -> list[Draft]:
        """The drafts one sentence tells (its mentions are remembered for later sentences)."""
        text = sentence.text
        heard = role_mentions(text, heard, self.lexicon, self.memory.gazetteer, self.story.anchor)
        heard = self.memory.possessive_roles(text, heard)
        mentions = heard
        if not any(t.value.type == "statement" for t in raw):
            mentions = without_speakers(text, heard, raw[0].start if raw else len(text))
        raw = [self._as_trade(text, self._as_receipt(text, t, mentions)) for t in raw]
        people = [m for m in mentions if m.value.kind in PEOPLE]
        sentence.dates = find_dates(text) if raw or agreements.DATED_TITLE_HINT.search(text) else []
        triggers, context_starts = usable_triggers(text, raw, people, cues, sentence.dates)
        drafts: list[Draft] = []
        if triggers:
            view = View(sentence, mentions, people, triggers, cues, context_starts)
            drafts = self._frames(view)
        else:
            agreements.attach_titles(text, self.story.last_agreement)
            drafts = self._dated_agreements(sentence, mentions)
        drafts += self._implied(sentence, mentions, cues, drafts)
        speakers = [m.value for m in heard if m not in mentions and m.value.kind == "person"]
        self.memory.remember(heard, bool(drafts) and bool(triggers), speakers[-1] if speakers else None, text)
        return drafts

    def _implied(self, sentence: Sentence, mentions: list[Mention], cues: list[Cue],
                 drafts: list[Draft]) -> list[Draft]:
        """Events the sentence implies without a verb of their own (see :mod:`laoru.events.implied`)."""
        self.pending += implied.visiting(sentence, cues, mentions)
        self.told |= {d.type for d in drafts}
        meeting = implied.implied_meeting(sentence, self.story, self.memory, self.told)
        if meeting is None:
            return []
        people = [m for m in mentions if m.value.kind in PEOPLE]
        view = View(sentence, mentions, people, [meeting.trigger], cues, set())
        out = self._complete(view, meeting, [], len(sentence.text))
        self.told.add("meeting")
        self.story.after_event(meeting)
        return out

    def finish(self, drafts: list[Draft]) -> list[Draft]:
        """The document is read: add the visits told only by "Visiting …" that no sentence told."""
        for pending in self.pending:
            visit = implied.implied_visit(pending, drafts)
            if visit is not None:
                visit.place, visit.place_basis = self._host_place(visit)
                drafts.append(visit)
        return sorted(drafts, key=lambda d: d.sentence.start) if self.pending else drafts

    def _as_trade(self, text: str, trigger: TriggerMatch) -> TriggerMatch:
        """"Russia has delivered several Yak-130 training aircraft to Laos": arms or machines handed
        over with no word of a gift are a trade or military-technical transfer ('other'), not aid.
        Thanks for them stay aid (the thanked side gave)."""
        if trigger.value.type != "aid" or not self.lexicon.hardware.search(text, trigger.end, trigger.end + 80):
            return trigger  # "a … plane delivered the doses": the plane carries, the doses are given
        if self.lexicon.gift.search(text) or self.lexicon.gratitude.search(text):
            return trigger
        return PhraseMatch(trigger.start, trigger.end, trigger.phrase, _TRADE)

    def _as_receipt(self, text: str, trigger: TriggerMatch, mentions: list[Mention]) -> TriggerMatch:
        """"Laos has received 30,000 doses … from Russia": a receiving verb followed by a thing,
        not a person, tells a transfer (the giver after "from"), not a meeting."""
        if trigger.value.type != "meeting" or fold(trigger.phrase) not in self.lexicon.receipts:
            return trigger
        if any(0 <= m.start - trigger.end <= 12 and m.value.kind in PEOPLE for m in mentions):
            return trigger
        clause = text[trigger.end:trigger.end + 80]
        if not self.lexicon.aid_objects.search(clause):
            return trigger
        return PhraseMatch(trigger.start, trigger.end, trigger.phrase, _RECEIPT)

    def _frames(self, view: View) -> list[Draft]:
        subject = self._subject(view)
        owners = assign_dates(view.sentence.dates, view.triggers, view.context_starts)
        drafts: list[Draft] = []
        for index in range(len(view.triggers)):
            own = [d for d, owner in owners if owner == index]
            drafts.extend(self._trigger_drafts(view, index, subject, own, drafts))
        if not any(d.type == "agreement" for d in drafts) and agreements.enumerated_titles(view.text):
            agreements.attach_titles(view.text, self.story.last_agreement)
        return drafts

    # -- who ------------------------------------------------------------------------------
    def _subject(self, view: View) -> list[Entity]:
        """The sentence's subject: people named before the first trigger (after the last comma)."""
        first = view.triggers[0].start
        inviters = _inviter_spans(view.text, view.cues)
        before = [m for m in view.mentions if m.end <= first and m.value.kind in PEOPLE
                  and not any(lo <= m.start < hi for lo, hi in inviters)]
        if before:
            last_comma = view.text.rfind(",", before[0].end, first)
            after_comma = [m for m in before if m.start > last_comma] if last_comma >= 0 else before
            after_comma = _joined_subjects(view.text, before, after_comma)
            # "Visiting President X and his Russian counterpart Y": all named subjects count
            return [m.value for m in after_comma or before]
        return self.memory.resolve(view.text[:first])

    def _trigger_subject(self, view: View, index: int, subject: list[Entity]) -> list[Entity]:
        """The subject of one trigger: inside a relative clause, before a gerund, or right before it."""
        trigger = view.triggers[index]
        segment_start = view.triggers[index - 1].end if index else 0
        prefix = view.text[segment_start:trigger.start]
        own = self._own_subject(view, trigger)
        if own:
            return own
        for found in (_relative_subject(view, prefix, segment_start, trigger),
                      _gerund_subject(view, prefix, segment_start, trigger),
                      _named_right_before(view, index, segment_start)):
            if found:
                return found
        return list(subject)

    def _own_subject(self, view: View, trigger: TriggerMatch) -> list[Entity]:
        """A subject the construction names outside the clause before the trigger: a relative
        clause's antecedent, a Russian visit noun's genitive agent (a name or a role)."""
        antecedent = russian_frames.relative_antecedent(view.text, trigger, view.people)
        if antecedent:
            return antecedent
        span = russian_frames.agent_span(view.text, trigger) if self.lexicon.language == "ru" else None
        if span is None:
            return []
        named = [m.value for m in view.people if span[0] <= m.start < span[1]]
        return named or self.memory.resolve(view.text[span[0]:span[1]])

    def _invited(self, view: View, trigger: TriggerMatch, inviters: list[Entity]) -> tuple[list[Entity], list[Entity]]:
        """"X invited Y to visit Laos": Y is the (would-be) visitor, X the host."""
        cue = max((c for c in view.cues if c.value == ("status", "invited") and c.end <= trigger.start),
                  key=lambda c: c.start, default=None)
        if cue is None:
            return inviters, []
        visitors = [m.value for m in view.people if cue.end <= m.start < trigger.start]
        return (visitors, inviters) if visitors else ([], inviters)

    def _capital_subject(self, view: View, trigger: TriggerMatch) -> Entity | None:
        """"..., Moscow supplied Laos with ...": a city as the subject of an act stands for its state.

        The state is the one of that side the text last named (the USSR in a passage about
        the Soviet era), else the city's own country."""
        if trigger.value.type not in ("aid", "agreement", "exercise"):
            return None
        before = [m for m in view.mentions if m.end <= trigger.start and m.value.kind in ("place", "country")]
        if not before or before[-1].value.kind != "place" or not before[-1].value.country:
            return None
        city = before[-1]
        opening = view.text[:city.start].rstrip()
        if (opening and not opening.endswith((",", ";", ":"))) or \
                not _SUBJECT_GAP.match(view.text[city.end:trigger.start]):
            return None
        code = city.value.country or ""
        return self.memory.last_state.get(side(code)) or self.memory.country(code)

    def _countries_near(self, view: View, trigger: TriggerMatch) -> list[Entity]:
        countries = [m for m in view.mentions if m.value.kind == "country"]
        before = [m.value for m in countries if m.end <= trigger.start]
        after = [m.value for m in countries if m.start >= trigger.end]
        return distinct(before[-2:] + after[:2])

    def _states_as_parties(self, view: View, trigger: TriggerMatch, slots: Slots) -> None:
        """No person or body named: the states of the sentence are the parties."""
        states = [e for e in slots.actors + slots.objects if e.kind == "country"]
        capital = self._capital_subject(view, trigger)
        if capital is not None and capital not in states:
            states.insert(0, capital)
            slots.actors = [capital]
        if not states:
            states = self._countries_near(view, trigger)
        elif capital is not None:
            states += [e for e in self._countries_near(view, trigger) if e not in states]
        slots.actors = distinct([e for e in states if e in slots.actors] or states[:1])
        slots.objects = [e for e in distinct(states) if e not in slots.actors]

    # -- one trigger ----------------------------------------------------------------------
    def _acceptable(self, view: View, trigger: TriggerMatch) -> bool:
        """Not suppressed by the sentence, a real transfer for aid, a document for a signing."""
        kind = trigger.value.type
        folded = fold(view.text)
        if any(s in folded for s in self.lexicon.suppress.get(kind, ())):
            return False
        if kind == "aid" and not self._is_aid(view.text, trigger):
            return False
        if trigger.value.mode == "message" and (self.story.frame is not None or self.memory.last_pair):
            return False  # "he also congratulated his counterpart": part of the talks, not a message of its own
        if kind == "agreement" and not (any(c.value[0] == "agreement_noun" for c in view.cues)
                                        or agreements.DATED_TITLE_HINT.search(view.text)):
            return False  # "signed a portrait" is not an agreement
        return not _UNCERTAIN.search(view.text[max(0, trigger.start - 40):trigger.start])

    def _is_aid(self, text: str, trigger: TriggerMatch) -> bool:
        """Giving something concrete, not "mutual assistance" or help in general."""
        if text[max(0, trigger.start - 7):trigger.start].lower().endswith("mutual "):
            return False
        return self.lexicon.aid_objects.search(text) is not None

    def _slots(self, view: View, index: int, subject: list[Entity], earlier: list[Draft]) -> Slots | None:
        trigger = view.triggers[index]
        kind = trigger.value.type
        segment_end = view.triggers[index + 1].start if index + 1 < len(view.triggers) else len(view.text)
        actors, objects = self._who(view, index, subject, segment_end)
        status = self._status(view, index)
        actors, objects = self._voice(view, trigger, status, actors, objects)
        thanks = kind == "aid" and self.lexicon.gratitude.search(view.text) is not None
        if thanks:  # the thanker is not the giver: the aid is between the states, and told once
            if any(d.type == "aid" for d in earlier):
                return None
            actors, objects = [], []
        else:
            actors, objects = self._roles_of_kind(view, index, actors, objects, segment_end)
        actors = parties(actors)
        objects = [o for o in parties(objects) if o.id not in {a.id for a in actors}]
        return Slots(actors, objects, status, thanks, segment_end)

    def _status(self, view: View, index: int) -> str:
        trigger = view.triggers[index]
        status = status_of(view.cues, trigger, view.triggers[index - 1].end if index else 0, view.text)
        if status == "planned" and reported_at(view.text, trigger.start):
            return "occurred"  # "(a plan …), Lavrov told reporters after talks with …": the talks were held
        return self._unrealised(view, trigger, status)

    def _unrealised(self, view: View, trigger: TriggerMatch, status: str) -> str:
        """A Russian trigger in the future tense or a governed infinitive ("поручить … провести
        переговоры … подписать", "приедет в Россию") tells an act to come."""
        if status == "occurred" and self.lexicon.language == "ru" and russian_frames.infinitive(view.text, trigger):
            return "planned"
        return status

    def _last_pair(self, view: View, slots: Slots) -> list[Entity]:
        """A Russian meeting noun with nobody named ("По итогам встречи подписаны", "встреча
        проходит …") is the meeting of the pair named last."""
        if self.lexicon.language != "ru" or slots.objects:
            return slots.actors
        return [e for e in self.memory.resolve(view.text) if e.kind in PEOPLE] or slots.actors

    def _voice(self, view: View, trigger: TriggerMatch, status: str, actors: list[Entity],
               objects: list[Entity]) -> tuple[list[Entity], list[Entity]]:
        """Who acts on whom by the voice: the invited would-be visitor, the one hosted, the inviter as host."""
        if trigger.value.type == "visit" and status == "invited":
            return self._invited(view, trigger, actors)
        if trigger.value.passive:  # "Medvedev hosted his Lao counterpart": the one hosted visits
            actors, objects = objects, actors
        return actors, objects + _hosts(view, trigger)  # the inviter of a visit is its host

    def _who(self, view: View, index: int, subject: list[Entity],
             segment_end: int) -> tuple[list[Entity], list[Entity]]:
        """The trigger's subject and the people after it; "hosted X for talks": the talks are with X."""
        trigger = view.triggers[index]
        object_end = _objects_end(view, trigger, segment_end)
        objects = [m.value for m in view.people if trigger.end <= m.start < object_end]
        if not objects and index and fold(trigger.phrase).startswith("for "):
            hosted = view.triggers[index - 1].end
            return list(subject), [m.value for m in view.people if hosted <= m.start < trigger.start]
        thanked = self._thanked_for_visit(view, trigger)
        return thanked if thanked is not None else (self._trigger_subject(view, index, subject), objects)

    def _thanked_for_visit(self, view: View, trigger: TriggerMatch) -> tuple[list[Entity], list[Entity]] | None:
        """"He also thanked Col. Sergei Abramov … and his delegation for their visit": the thanked visited,
        the one thanking (named, or referred back to) hosted."""
        if trigger.value.type != "visit" or not fold(trigger.phrase).startswith("for "):
            return None
        thanks = list(self.lexicon.gratitude.finditer(view.text, 0, trigger.start))[-1:]
        if not thanks:
            return None
        return self._thanked_roles(view, trigger, thanks[0])

    def _thanked_roles(self, view: View, trigger: TriggerMatch,
                       thanks: re.Match[str]) -> tuple[list[Entity], list[Entity]]:
        visitors = [m.value for m in view.people if thanks.end() <= m.start < trigger.start]
        hosts = [m.value for m in view.people if m.end <= thanks.start()]
        return visitors, hosts[-1:] or self.memory.resolve(view.text[:thanks.start()])

    def _roles_of_kind(self, view: View, index: int, actors: list[Entity], objects: list[Entity],
                       segment_end: int) -> tuple[list[Entity], list[Entity]]:
        """Roles a kind of act gives: giver and receiver of a transfer, author and addressee of a statement."""
        trigger = view.triggers[index]
        if trigger.value.type == "aid" or trigger.value.mode == "transfer":
            return self._aid_roles(view, index, actors, objects, segment_end)
        if trigger.value.type == "statement":
            medium = aid.interviewer(view.text)
            actors = actors or aid.on_behalf(view.text, view.mentions, trigger.start)
            objects = [*objects, *aid.addressees(view.text, view.mentions, trigger.end, segment_end),
                       *([medium] if medium else [])]
        if trigger.value.type == "agreement":  # "ratified an agreement between the Russian government and … Laos"
            objects = [*objects, *aid.parties_between(view.text, view.mentions, trigger.end, segment_end)]
        return actors, objects

    def _aid_roles(self, view: View, index: int, actors: list[Entity], objects: list[Entity],
                   segment_end: int) -> tuple[list[Entity], list[Entity]]:
        """Giver and receiver of a transfer by the roles of its verb (see :mod:`laoru.events.aid`)."""
        trigger = view.triggers[index]
        segment_start = view.triggers[index - 1].end if index else 0
        if _PURPOSE.search(view.text, max(0, trigger.start - 30), trigger.start):
            segment_start = 0  # "саперы прибыли в Лаос для гуманитарного разминирования": the arrivers give
        if trigger.value.passive or aid.from_follows(view.text, trigger.end):  # "Laos has received … from Russia"
            givers = aid.givers_after(view.text, view.mentions, trigger.end, segment_end)
            receivers = aid.subject_party(view.text, view.mentions, segment_start, trigger.start)
            return givers, receivers or objects
        receivers = aid.recipients(view.text, view.mentions, trigger.end, segment_end)
        objects = parties([*objects, *receivers])
        actors = actors or aid.subject_party(view.text, view.mentions, segment_start, trigger.start)
        if actors and not objects and trigger.value.strength >= 0.8:  # a verb of giving, not "assistance"
            objects = aid.other_side(actors, self.memory.country(LAO), self.memory.country(RUS))
        return actors, objects

    def _people_referred_back(self, view: View, trigger: TriggerMatch, slots: Slots) -> None:
        """"the Lao leader reminded his host": role references after the trigger; in Russian a meeting
        noun with nobody named ("По итогам встречи подписаны") is the last pair's."""
        slots.objects += [e for e in self.memory.role_references(view.text[trigger.start:slots.segment_end])
                          if e not in slots.actors and e not in slots.objects]
        slots.actors = self._last_pair(view, slots)

    def _fill(self, view: View, trigger: TriggerMatch, slots: Slots) -> bool:
        """Fill empty slots from back-references and states; False when a person is needed and missing."""
        kind = trigger.value.type
        has_person = any(e.kind in PEOPLE for e in slots.actors + slots.objects)
        if kind in _NEEDS_PERSON and not has_person:
            self._people_referred_back(view, trigger, slots)
        if not any(e.kind in PEOPLE for e in slots.actors + slots.objects):
            self._states_as_parties(view, trigger, slots)
        if not slots.actors and not slots.objects:
            slots.actors = self.memory.resolve(view.text)
        return kind not in _NEEDS_PERSON or any(e.kind in PEOPLE for e in slots.actors + slots.objects)

    def _parts(self, view: View, trigger: TriggerMatch, slots: Slots,
               own: list[DateMention]) -> list[tuple[list[Entity], list[DateMention]]]:
        """One (objects, dates) per coordinated "with" part of a meeting, else one for all."""
        split = coordinated_parts(view.text, trigger, slots.segment_end, view.people, slots.actors) \
            if trigger.value.type == "meeting" else []
        if not split:
            return [(slots.objects, own)]
        later = split[1:]
        parts = [(split[0][0], [d for d in own if not any(lo <= d.span[0] < hi for _o, lo, hi in later)])]
        return parts + [(part, [d for d in own if lo <= d.span[0] < hi]) for part, lo, hi in later]

    def _trigger_drafts(self, view: View, index: int, subject: list[Entity], own: list[DateMention],
                        earlier: list[Draft]) -> list[Draft]:
        trigger = view.triggers[index]
        if not self._acceptable(view, trigger):
            return []
        slots = self._slots(view, index, subject, earlier)
        if slots is None or (_giverless(trigger, slots) and self._capital_subject(view, trigger) is None):
            return []  # no giver, unless a city stands for its state ("Moscow supplied Laos with …")
        if not self._fill(view, trigger, slots):
            return []
        out: list[Draft] = []
        for objects, dates in self._parts(view, trigger, slots, own):
            draft = Draft(trigger.value.type, trigger, view.sentence, slots.actors, objects, status=slots.status,
                          confidence=trigger.value.strength, past_reference=slots.thanks)
            out.extend(self._complete(view, draft, dates, slots.segment_end))
            self.story.after_event(draft)
            self.memory.after_event(draft.actors, draft.counterparts)
        return out

    # -- where, when, what ----------------------------------------------------------------
    def _complete(self, view: View, draft: Draft, own: list[DateMention], segment_end: int) -> list[Draft]:
        draft.countries = {m.value.country for m in view.mentions if m.value.kind == "country" and m.value.country}
        draft.place, draft.place_basis = self._place_of(view, draft, segment_end)
        date_draft(draft, own, self.story, view.text)
        if draft.place is None:
            dateline_place_for(draft, own, self.story)
        if draft.type == "agreement":
            segment = view.text[draft.trigger.start:segment_end]
            agreements.add_titles(draft, agreements.enumerated_titles(segment) or agreements.titles(segment)
                                  or agreements.titles(view.text), view.text)
        if draft.type == "meeting" and "meetings" in draft.trigger.phrase.lower() and len(own) > 1:
            places = [m for m in view.mentions if m.value.kind == "place"]
            return split_over_dates(draft, own, self.story, places)  # type: ignore[arg-type]
        return [draft]

    def _place_of(self, view: View, draft: Draft, segment_end: int) -> tuple[Entity | None, str | None]:
        """The place the sentence gives, else where a transfer is received or a visit is hosted."""
        place = self._place(view, draft, segment_end)
        if place[0] is None and (draft.type == "aid" or draft.trigger.value.mode == "transfer"):
            return self._receiver_place(draft)
        if place[0] is None and draft.type == "visit":
            return self._host_place(draft)
        return place

    def _host_place(self, draft: Draft) -> tuple[Entity | None, str | None]:
        """A visit told without a place ("paid a visit to the country … at the invitation of her Lao
        counterpart") is in the hosts' country, when the hosts are all of one state other than the visitors'."""
        hosts = {side(e.country) for e in draft.counterparts if e.kind in PEOPLE and e.country}
        visitors = {side(e.country) for e in draft.actors if e.country}
        if len(hosts) != 1 or hosts & visitors:
            return None, None
        state = self.memory.country(hosts.pop())
        return (state, "hosts") if state is not None else (None, None)

    def _receiver_place(self, draft: Draft) -> tuple[Entity | None, str | None]:
        """A transfer told without a place happens where it is received (not at a dateline)."""
        code = aid.receiver_country(draft.counterparts)
        state = self.memory.country(code) if code else None
        return (state, "receiver") if state is not None else (None, None)

    def _host_state(self, view: View, draft: Draft, segment_end: int) -> Entity | None:
        """"She also paid an official goodwill visit to the country": the other side's state."""
        visitor = next((e for e in draft.actors if e.country in (LAO, RUS, SOVIET)), None)
        if visitor is None or not _THE_COUNTRY.search(view.text, max(0, draft.trigger.end - 3), segment_end):
            return None
        return self.memory.country(LAO if side(visitor.country or "") == RUS else RUS)

    def _destination(self, view: View, draft: Draft, places: list[Mention], segment_end: int) -> Entity | None:
        """Where a visit goes (Russian: the place after "в" first), else "the country" of the other side."""
        trigger = draft.trigger
        if self.lexicon.language == "ru":  # "визит лаосского премьера в Россию": the destination follows "в"
            marked = russian_frames.destination(view.text, trigger, places, segment_end)
            if marked:
                return marked[0].value
        return (_visit_place(view.text, trigger, places, segment_end) or self._host_state(view, draft, segment_end)
                or _later_city(view.text, places, segment_end))

    def _place(self, view: View, draft: Draft, segment_end: int) -> tuple[Entity | None, str | None]:
        places = [m for m in view.mentions if m.value.kind in ("place", "country")]
        trigger = draft.trigger
        if trigger.value.type == "visit":
            found = self._destination(view, draft, places, segment_end)
            return (found, "sentence") if found is not None else (None, None)
        for m in places:
            if m.value.kind == "place" and _AT_PLACE.search(view.text[max(0, m.start - 8):m.start]):
                return m.value, "sentence"
        cue = _HOST_COUNTRY.get(trigger.value.type, _NEVER)
        after = trigger.start if trigger.value.type == "aid" else 0  # "gratitude to Russia for its assistance"
        for m in places:
            if m.value.kind == "country" and m.start >= after and _named_as_place(view.text, m) and \
                    cue.search(view.text[max(0, m.start - 30):m.start]):
                return m.value, "sentence"
        return None, None

    def _dated_agreements(self, sentence: Sentence, mentions: list[Mention]) -> list[Draft]:
        """"the Treaty on ... of March 9, 1994": a signing dated by its title."""
        out = []
        previous_end = 0
        for mention in sentence.dates:
            head = sentence.text[previous_end:mention.span[0]]
            previous_end = mention.span[1]
            match = agreements.DATED_TITLE.search(head)
            if not match or mention.kind not in ("md", "dm", "my"):
                continue
            out.append(self._dated_agreement(sentence, mentions, mention, match.group("title")))
        return out

    def _dated_agreement(self, sentence: Sentence, mentions: list[Mention], mention: DateMention,
                         title: str) -> Draft:
        title_start = sentence.text.find(title)
        countries = distinct([m.value for m in mentions if m.value.kind == "country" and
                            title_start <= m.start <= mention.span[0]])
        trigger = PhraseMatch(title_start, title_start + len(title), title, Trigger("agreement", 0.7, "sign"))
        draft = Draft("agreement", trigger, sentence, countries[:1], countries[1:2], confidence=0.7)
        resolved = resolve(mention, self.story.anchor)
        draft.start, draft.end = resolved.start, None if resolved.end == resolved.start else resolved.end
        draft.date_basis = f"text: {mention.text.strip()}"
        draft.agreements = [" ".join(title.split())]
        draft.countries = {e.country for e in countries if e.country}
        return draft

