"""One document, one event per act.

A page tells its news more than once: the lead, then the body ("Russia has delivered …",
then the press service's quote "On September 22, a special flight … delivered …"), a
sentence that only refers back ("the exercises are aimed at …", "the meeting was attended
by …"), an exercise named in every paragraph. Each later telling that can be the same act
is folded into the first: same type, statuses that agree, dates that agree (one undated, or
one inside the other), and participants that agree (one's people among the other's; for an
exercise, whoever takes part in it: one document tells one exercise per date).
"""

from __future__ import annotations

import re

from laoru.events import agreements
from laoru.events.draft import Draft
from laoru.events.mentions import distinct

_TOLD = ("occurred", "ongoing")
_ONE_PER_DOCUMENT = frozenset({"exercise"})  # told in every paragraph, by different units each time


def _no_year(value: str) -> str:
    return "--" + value[5:] if not value.startswith("--") and len(value) >= 7 else value


def _span(draft: Draft, yearless: bool) -> tuple[str, str] | None:
    """(first, last) of the draft's dates; years dropped when ``yearless`` (the other telling has none)."""
    start = draft.start or draft.end
    if start is None:
        return None
    first, last = start, draft.end or start
    return (_no_year(first), _no_year(last)) if yearless else (first, last)


def _inside(inner: tuple[str, str], outer: tuple[str, str]) -> bool:
    """Is ``inner`` within ``outer``, each at its own precision ("2025-07-31" is inside "2025-07")?"""
    lo, hi = outer
    return (inner[0] >= lo or lo.startswith(inner[0]) or inner[0].startswith(lo)) and \
        (inner[1] <= hi or hi.startswith(inner[1]) or inner[1].startswith(hi))


def _until_agrees(bound: Draft, other: Draft, yearless: bool) -> bool:
    """"продлятся до 25 сентября": an end bound agrees with what starts on or before it."""
    end = _no_year(bound.end or "") if yearless else bound.end or ""
    span = _span(other, yearless)
    return span is None or span[0] <= end or end.startswith(span[0])


def dates_agree(a: Draft, b: Draft) -> bool:
    """Undated on either side, or one's dates within the other's ("2025-07" and "2025-07-31");
    a yearless telling is compared on month and day with a dated one of the same document."""
    yearless = any((d.start or d.end or "").startswith("--") for d in (a, b))
    for bound, other in ((a, b), (b, a)):
        if bound.start is None and bound.end is not None:
            return _until_agrees(bound, other, yearless)
    span_a, span_b = _span(a, yearless), _span(b, yearless)
    if span_a is None or span_b is None:
        return True
    return _inside(span_a, span_b) or _inside(span_b, span_a)


def _bare(draft: Draft) -> bool:
    """Told with nothing of its own: no date, no place, no status cue ("the exercises are aimed at …")."""
    return draft.start is None and draft.end is None and draft.place is None and draft.status == "occurred"


def statuses_agree(a: Draft, b: Draft) -> bool:
    """The same status, or both told as happening; a bare mention (or an undated one of the
    document's exercise, "На период учения армия Лаоса предоставит …") takes the first's."""
    undated_exercise = b.type in _ONE_PER_DOCUMENT and b.start is None and b.status == "occurred"
    return a.status == b.status or (a.status in _TOLD and b.status in _TOLD) or _bare(b) or undated_exercise


def _states(draft: Draft) -> set[str]:
    return {e.id for e in draft.actors + draft.counterparts if e.kind == "country"}


def _state_codes(draft: Draft) -> set[str]:
    return {e.country for e in draft.actors + draft.counterparts if e.kind == "country" and e.country}


def _codes(*drafts: Draft) -> set[str]:
    return {e.country for d in drafts for e in d.actors + d.counterparts if e.country}


_STATE_ACTS = frozenset({"aid", "other"})  # acts told by the states and by their bodies


def _states_and_bodies_agree(states_only: Draft, other: Draft) -> bool:
    """"Russia and Laos have signed several agreements" is the signing their presidents did (undated
    both or not); "Laos has received 30,000 doses … from Russia" (September 2021) is the delivery
    the Emergencies Ministry made on 22 September: the states' telling is dated and within it."""
    if not _state_codes(states_only) <= _codes(states_only, other):
        return False
    if states_only.type == "agreement":
        return states_only.start is None
    return states_only.type in _STATE_ACTS and states_only.start is not None and other.start is not None


def people_agree(a: Draft, b: Draft) -> bool:
    """Who takes part agrees: one's people among the other's. Tellings that name no one but
    states agree only on the same states, both dated or both undated ("Russia provided
    equipment" is not "It provided $12 million in 2021"); a telling by the states agrees with
    one by their bodies or people as :func:`_states_and_bodies_agree` says."""
    people_a, people_b = a.people(), b.people()
    if a.type in _ONE_PER_DOCUMENT:
        return True
    if people_a and people_b:
        return people_a <= people_b or people_b <= people_a
    if not people_a and not people_b:
        return _states(a) == _states(b) and (a.start is None) == (b.start is None)
    return _states_and_bodies_agree(a, b) if not people_a else _states_and_bodies_agree(b, a)


def places_agree(a: Draft, b: Draft) -> bool:
    """Unplaced on either side, or the same place; a stop inside a visit ("also visited Herzen
    University in St. Petersburg") is a part of it, not a retelling."""
    if a.within is b or b.within is a:
        return False
    return a.place is None or b.place is None or a.place.id == b.place.id or (
        a.place.kind == b.place.kind == "country" and a.place.country == b.place.country)


def same_act(kept: Draft, later: Draft) -> bool:
    """Can ``later`` be a retelling of ``kept`` (told earlier in the same document)?"""
    return (kept.type == later.type and kept.in_scope == later.in_scope and statuses_agree(kept, later)
            and dates_agree(kept, later) and places_agree(kept, later) and people_agree(kept, later))


def _finer_dates(kept: Draft, later: Draft) -> None:
    """Keep the most precise dates the tellings give; an end bound ("until 25 September") extends."""
    if later.start is not None and (kept.start is None or len(later.start) > len(kept.start)):
        kept.start, kept.end, kept.date_basis = later.start, later.end, later.date_basis
    if later.start is None and later.end is not None and (kept.end is None or later.end > kept.end):
        kept.end = later.end


def fold_into(kept: Draft, later: Draft) -> None:
    """``kept`` takes what ``later`` adds: participants, finer dates, a place, documents signed."""
    kept.actors = distinct(kept.actors + [e for e in later.actors if e not in kept.counterparts])
    kept.counterparts = [e for e in distinct(kept.counterparts + later.counterparts) if e not in kept.actors]
    _finer_dates(kept, later)
    if kept.place is None and later.place is not None:
        kept.place, kept.place_basis = later.place, later.place_basis
    kept.countries |= later.countries
    agreements.merge_agreements(kept, later)
    kept.confidence = min(1.0, kept.confidence + 0.05)


def consolidate(drafts: list[Draft]) -> list[Draft]:
    """The document's drafts with every retelling folded into the first telling of its act.

    A draft that points ``within`` a folded one points to the telling it was folded into."""
    kept: list[Draft] = []
    folded: dict[int, Draft] = {}
    for draft in drafts:
        if _restated_signing(kept, draft):
            continue
        first = next((k for k in kept if same_act(k, draft)), None) or _referred_to(kept, draft)
        if first is None:
            kept.append(draft)
        else:
            fold_into(first, draft)
            folded[id(draft)] = first
    for draft in kept:
        while draft.within is not None and id(draft.within) in folded:
            draft.within = folded[id(draft.within)]
    return kept


def _restated_signing(kept: list[Draft], draft: Draft) -> bool:
    """"among the seven documents signed ... is a roadmap": the titles join the last signing."""
    if draft.type != "agreement" or draft.people() or draft.start is not None or \
            not agreements.AGREEMENT_HINT.search(draft.sentence.text):
        return False
    earlier = next((k for k in reversed(kept) if k.type == "agreement"), None)
    if earlier is None:
        return False
    agreements.merge_agreements(earlier, draft)
    return True


_DEFINITE = re.compile(r"^(?:the|this|that)\s", re.I)


def _referred_to(kept: list[Draft], draft: Draft) -> Draft | None:
    """"On the Russian side, the meeting was attended by Lavrov, …": an undated act named with a
    definite article is the last one of its kind told before; its people join it."""
    if draft.start is not None or not _DEFINITE.match(draft.trigger.phrase):
        return None
    return next((k for k in reversed(kept) if k.type == draft.type and statuses_agree(k, draft)
                 and places_agree(k, draft)), None)
