"""Mentions: who and what a text names, with spans, before any event is read.

* gazetteer names (one Aho–Corasick pass, see :mod:`laoru.events.gazetteer`);
* people the gazetteer does not know, cued by a title ("Russian Ambassador to Laos
  Alexey Kalinin", "с премьер-министром Лаоса Сонсаем Сипхандоном"), with a country from
  the title's adjective or its "of Laos"/"Лаоса" (see :mod:`laoru.events.titled`), and
  their surname alone later in the same document;
* back-references resolved to people named earlier ("the Russian president", "his Lao
  counterpart", "he"), remembered by :class:`Memory` as the text is read;
* speakers ("…, Lavrov said"): named, but never actors of what they report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from laoru.events.gazetteer import Entity, Gazetteer
from laoru.events.lexicon import Lexicon
from laoru.events.matcher import PhraseMatch, PhraseMatcher, select
from laoru.events.titled import titled_people

LAO, RUS, SOVIET = "LAO", "RUS", "SUN"
PEOPLE = ("person", "org")


def side(country: str) -> str:
    """Russia and the Soviet Union are one side of the relation."""
    return RUS if country in (RUS, SOVIET) else country


def distinct(entities: Iterable[Entity]) -> list[Entity]:
    """Each entity once (by id), in order of first appearance."""
    seen: dict[str, Entity] = {}
    for entity in entities:
        seen.setdefault(entity.id, entity)
    return list(seen.values())


def parties(entities: Iterable[Entity]) -> list[Entity]:
    """The parties of an act, each once: an organisation someone named is affiliated to is not
    a party of its own ("Lavrov" and "the Russian Foreign Ministry" in one clause: Lavrov)."""
    named = distinct(entities)
    affiliated = {a for e in named for a in e.affiliations}
    return [e for e in named if e.id not in affiliated]


def _surnames(people: list[PhraseMatch[Entity]], text: str, folded: str) -> list[PhraseMatch[Entity]]:
    """The surname of a titled person, alone elsewhere in the document ("Kalinin said")."""
    if not people:
        return []
    aliases = []
    for match in people:
        last = match.value.name.split()[-1]
        if len(last) >= 4:
            aliases.append((last, match.value))
    return PhraseMatcher(aliases).find(text, folded) if aliases else []


def _given_names(people: list[PhraseMatch[Entity]], text: str, folded: str) -> list[PhraseMatch[Entity]]:
    """Lao people are named again by their given name ("Ms Pany", "President Choummaly",
    "Sonexay said"): the first word of a Lao person's full name, alone elsewhere in the
    document, when no other Lao person named there shares it."""
    owners: dict[str, list[Entity]] = {}
    for match in people:
        words = match.value.name.split()
        if match.value.kind == "person" and match.value.country == LAO and len(words) >= 2 and len(words[0]) >= 4:
            bucket = owners.setdefault(words[0], [])
            if match.value not in bucket:
                bucket.append(match.value)
    aliases = [(given, found[0]) for given, found in owners.items() if len(found) == 1]
    return PhraseMatcher(aliases).find(text, folded) if aliases else []


def find_mentions(text: str, folded: str, gazetteer_hits: list[PhraseMatch[Entity]],
                  lexicon: Lexicon) -> list[PhraseMatch[Entity]]:
    """Every mention of the document: gazetteer hits, titled people, their surnames and (for Lao
    people) their given names, in text order."""
    titled = titled_people(text, lexicon, gazetteer_hits)
    known = {m.value.id for m in gazetteer_hits}
    fresh = [m for m in titled if m.value.id not in known]
    again = [m for m in _surnames(fresh, text, folded) if m.value.id not in known]
    found = select([*gazetteer_hits, *titled, *again])
    given = _given_names(found, text, folded)
    if not given:
        return found
    taken = [(m.start, m.end) for m in found]
    extra = [m for m in given if not any(lo < m.end and m.start < hi for lo, hi in taken)]
    return sorted([*found, *extra], key=lambda m: m.start) if extra else found


_SPEAKER_BEFORE = re.compile(r"\b(?:in the words of|according to|as (?:quoted|cited) by|quoting|по словам|"
                             r"как (?:сообщил|заявил|отметил))\s|"
                             # who decided it is not who does it: "по решению / в соответствии с решением Президента …"
                             r"\b(?:по|в соответствии с) (?:решению|решением|поручению|указанию)\s|"
                             # "…, заявил Сипхандон в интервью": the Russian attribution after a quote
                             r"[,»”\"]\s*[-—–]?\s*(?:сказал|заявил|отметил|подчеркнул|сообщил|добавил|"
                             r"рассказал|пояснил)[аи]?\s(?!\s*(?:он|она|они)\b)", re.I)
_SPEECH_AFTER = re.compile(r"\s*,?\s*(?:(?:also|earlier|later|then|further|ранее|также|позже|уже|тогда)\s+)?"
                           r"(?:said|says|stated|states|noted|notes|added|adds|recalled|recalls|"
                           r"remarked|wrote|writes|told (?:reporters|journalists)|сказал|заявил|отметил|"
                           r"подчеркнул|сообщил|добавил)\b", re.I)
_ACT_BEFORE_SPEECH = re.compile(r"\s*(?:reporters|journalists|the press|the media)?\s*(?:on\s+[A-Z]\w+\s+)?"
                                r"(?:after|following|during|at)\s+(?:the\s+|his\s+|her\s+|a\s+)?"
                                r"(?:talks|meeting|negotiations|переговоров|встречи)\b", re.I)
_ROLE_WORD = re.compile(r"[^\W\d_]+")
_POSSESSIVE_ROLE = re.compile(r"[’']s\s+([^\W\d_]+)\b")
_PRONOUN = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Yy]ou|[Yy]our|[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir)\b")


def _speaker_spans(text: str, mentions: list[PhraseMatch[Entity]], act: int) -> list[tuple[int, int]]:
    """Where a sentence names who is speaking: "In the words of ..., Sergei Lavrov ," and "Lavrov said".

    A preposed attribution runs from its cue to the first person named after it; a person
    followed by a speech verb is a speaker alone, unless the act (at ``act``) is told in the
    first person ("“I liked attending this parade,” Thongloun said": the speaker is the "I")."""
    persons = [m for m in mentions if m.value.kind == "person"]
    spans = []
    for cue in _SPEAKER_BEFORE.finditer(text):
        speaker = next((m for m in persons if cue.end() <= m.start <= cue.end() + 80), None)
        if speaker is not None and not re.search(r"[;.]", text[cue.end():speaker.start]):
            spans.append((cue.start(), speaker.end))
    pronouns = _PRONOUN.findall(text[:act])
    if not (pronouns and pronouns[-1].lower() in ("i", "we", "my", "our")):
        spans += [(m.start, m.end) for m in persons if _speaks_only(text, m.end)]
    return spans


_REPORTED_AT = re.compile(r"\b(?:said|told|stated|noted|added|remarked)\s+(?:reporters\s+|journalists\s+|the press\s+)?"
                          r"(?:on\s+[A-Z]\w+\s+)?(?:after|following|during|at)\s+(?:the\s+|a\s+|his\s+|her\s+)?$", re.I)


def reported_at(text: str, trigger_start: int) -> bool:
    """"… Lavrov told reporters after talks with …": the act is the occasion of a past speech (it took place)."""
    return _REPORTED_AT.search(text[max(0, trigger_start - 60):trigger_start]) is not None


def _speaks_only(text: str, end: int) -> bool:
    """A speech verb follows the person, and not "… told reporters after talks with": there the
    speaker is also the one who held the talks."""
    speech = _SPEECH_AFTER.match(text, end)
    if speech is None:
        return False
    rest = text[speech.end():speech.end() + 60]
    return not _ACT_BEFORE_SPEECH.match(rest)


def without_speakers(text: str, mentions: list[PhraseMatch[Entity]], act: int) -> list[PhraseMatch[Entity]]:
    """The mentions that can take part in the acts a sentence reports: its speakers cannot."""
    spans = _speaker_spans(text, mentions, act)
    return [m for m in mentions if not any(lo <= m.start and m.end <= hi for lo, hi in spans)]


@attrs.define
class Memory:
    """What a reader remembers of who was named, to resolve back-references."""

    gazetteer: Gazetteer
    back_references: tuple[tuple[re.Pattern[str], str], ...]
    last_person: dict[str, Entity] = attrs.field(factory=dict)
    last_subject: list[Entity] = attrs.field(factory=list)
    last_country_subject: list[Entity] = attrs.field(factory=list)
    last_pair: list[Entity] = attrs.field(factory=list)
    countries_seen: set[str] = attrs.field(factory=set)
    last_state: dict[str, Entity] = attrs.field(factory=dict)  # side → the state of that side last named
    roles: tuple[str, ...] = ()  # office words of the language ("speaker", "ambassador")
    by_title: dict[str, Entity] = attrs.field(factory=dict)  # office word → the person last introduced with it

    @property
    def both_sides_mentioned(self) -> bool:
        return LAO in self.countries_seen and bool(self.countries_seen & {RUS, SOVIET})

    def country(self, code: str) -> Entity | None:
        return self.gazetteer.country(code)

    def remember(self, mentions: list[PhraseMatch[Entity]], told_event: bool, speaker: Entity | None = None,
                 text: str = "") -> None:
        """Note who was named; "he" in a later sentence is the speaker of this one ("…, заявил
        Сипхандон. Он подчеркнул …"), else its first person, when it told no event."""
        self._remember_titles(mentions, text)
        for m in mentions:
            entity = m.value
            if entity.country:
                self.countries_seen.add(entity.country)
            if entity.kind == "person" and entity.country in (LAO, RUS):
                self.last_person[entity.country] = entity
            if entity.kind == "country" and entity.country:
                self.last_state[side(entity.country)] = entity
        persons = [m.value for m in mentions if m.value.kind == "person"]
        if persons and not told_event:
            self.last_subject = [speaker] if speaker is not None else persons[:1]

    def _remember_titles(self, mentions: list[PhraseMatch[Entity]], text: str) -> None:
        """"visiting Speaker of the Federation Council …, Ms Valentina Matvienko": later "the Speaker"
        is her. The office words printed between the previous mention and a person are theirs."""
        previous_end = 0
        for m in mentions:
            if m.value.kind != "person" or not self.roles:
                continue
            window = text[max(previous_end, m.start - 90):m.start]
            window = window[max(window.rfind("."), window.rfind(";")) + 1:]
            for word in _ROLE_WORD.findall(window):
                if word.lower() in self.roles:
                    self.by_title.pop(word.lower(), None)  # the latest introduced is looked up first
                    self.by_title[word.lower()] = m.value
            previous_end = m.end

    def titled_reference(self, prefix: str) -> list[Entity]:
        """"the Speaker", "the Federation Council’s Speaker": the person last introduced with that office."""
        for title, entity in reversed(list(self.by_title.items())):
            if re.search(r"\b(?:[Tt]he|[Hh]is|[Hh]er)\s+(?:[A-Z][\w’'.-]*\s+){0,4}(?i:" + re.escape(title) + r")\b",
                         prefix):
                return [entity]
        return []

    def possessive_roles(self, text: str, mentions: list[PhraseMatch[Entity]]) -> list[PhraseMatch[Entity]]:
        """"The Federation Council’s Speaker held talks": a body's office holder, not the body, acts."""
        out = []
        for m in mentions:
            role = _POSSESSIVE_ROLE.match(text, m.end) if m.value.kind in ("org", "country") else None
            person = self.by_title.get(role.group(1).lower()) if role else None
            if role and person is not None:
                out.append(PhraseMatch(m.start, role.end(), text[m.start:role.end()], person))
            else:
                out.append(m)
        return out

    def after_event(self, actors: list[Entity], counterparts: list[Entity]) -> None:
        persons = [e for e in actors + counterparts if e.kind == "person"]
        if actors and actors[0].kind == "person":
            self.last_subject = actors[:1]
        if actors and actors[0].kind == "country":
            self.last_country_subject = actors[:1]
        if len(persons) >= 2:
            self.last_pair = persons

    def resolve(self, prefix: str) -> list[Entity]:
        """The people a back-reference in ``prefix`` stands for (the first kind that occurs, else an office)."""
        for pattern, meaning in self.back_references:
            if pattern.search(prefix):
                return self._meaning(meaning)
        return self.titled_reference(prefix)

    def _meaning(self, meaning: str) -> list[Entity]:
        if meaning == "countries":
            return [e for e in (self.country(LAO), self.country(RUS)) if e]
        if meaning == "pair":
            return list(self.last_pair)
        if meaning in (LAO, RUS):
            person = self.last_person.get(meaning)
            return [person] if person else []
        if meaning == "he":
            return list(self.last_subject[:1])
        return list(self.last_country_subject[:1])  # "it"

    def role_references(self, segment: str) -> list[Entity]:
        """People named by role anywhere in ``segment`` ("the Lao leader", "his host")."""
        found = []
        for pattern, meaning in self.back_references:
            if meaning in (LAO, RUS) and pattern.search(segment) and self.last_person.get(meaning):
                found.append(self.last_person[meaning])
        return found

