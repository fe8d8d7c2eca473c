"""Status and scope: did the event happen (occurred, ongoing, planned, invited, cancelled),
and is it an event of Laos–Russia relations at all.

Status comes from cue phrases of the lexicon between the clause start and the trigger
("will", "is expected to", "invited", "postponed"), or from the event noun's own predicate
after it ("… exercise will be held"); an invitation already taken up ("at the invitation
of") makes no status. A habitual series ("the annual Laros exercises", "has been held since
2019") is ``habitual``: the extractor keeps it as ongoing when the text dates the series
("since 2019"), and drops it when not (a habit with no date is no event).

Scope: both sides among the participants, the place and the sentence's states; an event of a
Lao or Russian official with a third country's official (Shoigu meets To Lam in Hanoi), or of
one side with a third state or in a third state, is out of scope.
"""

from __future__ import annotations

import re

from laoru.events.draft import Draft
from laoru.events.lexicon import Trigger
from laoru.events.matcher import PhraseMatch
from laoru.events.mentions import LAO, RUS, SOVIET

Cue = PhraseMatch[tuple[str, str]]


def _found_statuses(cues: list[Cue], trigger: PhraseMatch[Trigger], segment_start: int) -> set[str]:
    """Status cues in the window before the trigger. "currently on a visit to Laos, discussed ...":
    "currently" is the visit's, told before the previous trigger; only future and invitation
    cues reach back over it."""
    window_start = max(segment_start - 40, 0) if segment_start else 0
    accepted = [a for a in cues if a.value[0] == "accepted"]
    return {c.value[1] for c in cues if c.value[0] == "status" and window_start <= c.start < trigger.end
            and (c.value[1] != "ongoing" or c.start >= segment_start)
            and (c.value[1] != "habitual" or c.end >= trigger.start - 12)  # "the annual Laros exercises"
            and not any(a.start <= c.start < a.end for a in accepted)}


def _invitation_open(cues: list[Cue], trigger: PhraseMatch[Trigger]) -> bool:
    invite = [c for c in cues if c.value == ("status", "invited") and c.start < trigger.start]
    accepted = [a for a in cues if a.value[0] == "accepted"]
    return bool(invite) and not any(a.start <= invite[-1].start < a.end for a in accepted)


_RELATIVE_START = re.compile(r"\s*(?:which|that|котор\w+)\b", re.I)


def _predicate_after(text: str, cues: list[Cue], trigger: PhraseMatch[Trigger]) -> set[str]:
    """"Laros-2025, a joint ... military exercise will be held ...", "учениях, которые впервые
    пройдут в Лаосе": the event noun's own predicate, right after it (in a relative clause at most)."""
    found = set()
    for cue in cues:
        if cue.value[0] != "after" or not 0 <= cue.start - trigger.end <= 40:
            continue
        gap = text[trigger.end:cue.start]
        if re.search(r"[.;:!?]", gap) or ("," in gap and not _RELATIVE_START.match(gap.split(",", 1)[1])):
            continue
        found.add(cue.value[1])
    return found


def status_of(cues: list[Cue], trigger: PhraseMatch[Trigger], segment_start: int, text: str) -> str:
    """The status the cues before ``trigger`` give it, or its own predicate after it (occurred when none does)."""
    found = _found_statuses(cues, trigger, segment_start) | _predicate_after(text, cues, trigger)
    if "habitual" in found:
        return "habitual"
    if "cancelled" in found:
        return "cancelled"
    if "invited" in found and trigger.value.type == "visit" and _invitation_open(cues, trigger):
        return "invited"
    for status in ("planned", "ongoing"):
        if status in found:
            return status
    return "occurred"


def countries_of(draft: Draft) -> set[str]:
    """Every state the draft touches: the sentence's, the participants', the place's, its visit's."""
    countries = set(draft.countries)
    countries |= {e.country for e in draft.actors + draft.counterparts if e.country}
    if draft.place and draft.place.country:
        countries.add(draft.place.country)
    if draft.within is not None and draft.within.place and draft.within.place.country:
        countries.add(draft.within.place.country)
    return countries


def in_scope(draft: Draft, both_sides_in_document: bool) -> bool:
    """A Laos–Russia event: both sides are in it, or one side is and no third state's person is,
    in a document that names both sides."""
    countries = countries_of(draft)
    russia = bool(countries & {RUS, SOVIET})
    laos = LAO in countries
    if laos and russia:
        return not _third_party_pair(draft)
    if not (laos or russia):
        return False
    return _one_side_in_scope(draft) and both_sides_in_document


def _one_side_in_scope(draft: Draft) -> bool:
    """An event that names only one side is a Laos–Russia event when nobody of a third state takes
    part and it does not happen in a third state ("China has given Laos a donation", "Thongloun
    concluded a visit to China" are not)."""
    third = {e.country for e in draft.actors + draft.counterparts if e.country} - {LAO, RUS, SOVIET}
    return not third and (draft.place is None or draft.place.country in (None, LAO, RUS, SOVIET))


def _third_party_pair(draft: Draft) -> bool:
    """Named people all of one side meeting a third state's person: not a Laos–Russia event."""
    persons = [e for e in draft.actors + draft.counterparts if e.kind == "person" and e.country]
    sides = {RUS if e.country == SOVIET else e.country for e in persons}
    return len(sides) >= 2 and not ({LAO, RUS} <= sides) and bool(sides - {LAO, RUS})


_MARKING = re.compile(r"^(?:mark|отмеча)", re.I)
_OCCASION_SUBJECT = re.compile(r"\bvisit\b|\btrip\b|визит|поездк", re.I)
_CIRCUMSTANCE = re.compile(r"^\s*(?:As|While|When|Как|Пока|Когда)\b[^,;]*$")


def tells_an_act(draft: Draft) -> bool:
    """Is the trigger someone's act? "This was his first visit … and also marks the 65th
    anniversary": the visit's occasion, not a commemoration; "As the two nations marked the 30th
    anniversary, Putin noted …": the circumstance of another act."""
    if draft.type != "commemoration" or not _MARKING.match(draft.trigger.phrase):
        return True
    before = draft.sentence.text[:draft.trigger.start]
    clause = before[max(before.rfind(";"), before.rfind("."), 0):]
    return not (_OCCASION_SUBJECT.search(clause) or _CIRCUMSTANCE.match(clause))


_ARMS_TRADE = re.compile(r"military[- ]technical cooperation|военно-техническ\w+ сотрудничеств|under (?:a|the) "
                         r"contract|по контракту|в рамках контракта|purchase[ds]?\b|закуп", re.I)


def act_type(draft: Draft) -> str:
    """A transfer under military-technical cooperation or a contract ("в рамках военно-технического
    сотрудничества передало … 30 танков") is trade, not aid: ``other``."""
    if draft.type == "aid" and _ARMS_TRADE.search(draft.sentence.text):
        return "other"
    return draft.type
