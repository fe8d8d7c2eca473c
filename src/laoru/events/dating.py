"""When each event happened: its own date mention, else what the story around it gives
(the same day as the event before, the visit it is part of), never a guess.

Date mentions and their resolution against the document's anchor are in :mod:`when`.
Every choice is written in ``date_basis``; what could not be dated gets a warning.
"""

from __future__ import annotations

import re

import attrs

from laoru.events.draft import Draft, Story
from laoru.events.gazetteer import Entity
from laoru.events.lexicon import Trigger
from laoru.events.matcher import PhraseMatch
from laoru.events.sentences import Sentence
from laoru.events.when import DateMention, resolve

_SAME_DAY = re.compile(r"\b(?:on the same day|on this occasion|the same day|at the same time|the next day|"
                       r"в тот же день|в этот же день)\b", re.I)
_DURING = re.compile(r"\bduring (?:the|his|her) (?:visit|trip|stay)\b|\bв ходе (?:визита|поездки)\b", re.I)
_CURRENTLY = re.compile(r"\bcurrently\b|\bсейчас\b|\bв настоящее время\b", re.I)


def assign_dates(dates: list[DateMention], triggers: list[PhraseMatch[Trigger]],
                 context_starts: set[int]) -> list[tuple[DateMention, int]]:
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


def nearest(own: list[DateMention], draft: Draft) -> DateMention:
    """The date an event takes: of those its trigger owns, the one nearest to the trigger."""
    return min(own, key=lambda d: abs(d.span[0] - draft.trigger.start))


_NAMED_YEAR = re.compile(r"(?<=[^\W\d_])-(?P<y>(?:19|20)\d\d)\b")  # «Ларос-2019», "Laros-2025"


def sentence_year(sentence: Sentence, mention: DateMention) -> str | None:
    """"In 2024, ... on May 9": a year stated earlier in the same sentence dates a yearless day,
    and so does the year in the name of the event told before it ("учения «Ларос-2019» пройдут
    с 10 по 19 декабря")."""
    if mention.relative is not None or not (mention.start or "").startswith("--"):
        return None
    years = [d for d in sentence.dates if d.kind == "y" and not d.since and d.span[1] <= mention.span[0]]
    if years:
        return f"{years[-1].start}-12-31"
    named = list(_NAMED_YEAR.finditer(sentence.text, 0, mention.span[0]))
    return f"{named[-1].group('y')}-12-31" if named else None


def inside(draft: Draft, frame: Draft) -> bool:
    """Is the draft's day within the frame's range, or within the frame's month when that is all
    the frame gives ("2025-07-31" inside a visit dated "2025-07")?"""
    if not (draft.start and frame.start):
        return False
    if frame.end is None:
        return len(frame.start) == 7 and len(draft.start) == 10 and draft.start.startswith(frame.start)
    return frame.start <= draft.start <= frame.end and len(draft.start) == len(frame.start)


def _is_stop(draft: Draft, frame: Draft) -> bool:
    """An undated visit by the frame's visitor to a place in the country the frame is in."""
    visitors = {e.id for e in frame.actors if e.kind == "person"}
    if not visitors & {e.id for e in draft.actors}:
        return False
    if draft.place is None or frame.place is None:
        return draft.place is None
    return draft.place.kind == "place" and draft.place.country == frame.place.country


def _own_date(draft: Draft, own: list[DateMention], story: Story) -> None:
    mention = nearest(own, draft)
    future = draft.status in ("planned", "invited")
    resolved = resolve(mention, sentence_year(draft.sentence, mention) or story.anchor, future=future)
    draft.start, draft.end = resolved.start, resolved.end
    draft.warnings.extend(resolved.warnings)
    draft.date_basis = f"text: {mention.text.strip()}"
    draft.had_date_mention = True
    if mention.since and draft.status == "occurred":
        draft.status = "ongoing"
    if draft.start and draft.type != "visit" and story.frame and inside(draft, story.frame):
        draft.within = story.frame


def _borrow(draft: Draft, source: Draft, basis: str, within: Draft | None) -> None:
    draft.start, draft.end, draft.date_basis = source.start, source.end, basis
    draft.within = within
    draft.confidence -= 0.1


def _same_occasion(draft: Draft, story: Story) -> bool:
    """The same two people again, undated: the same occasion ("also pinned a medal on him")."""
    last, frame = story.last_dated_day, story.frame
    return last is not None and draft.type != "visit" and len(draft.people() & last.people()) >= 2 and (
        frame is None or last.within is frame or last is frame or inside(last, frame))


def _same_day_told(draft: Draft, story: Story, text: str) -> bool:
    """"On the same day, ...": the day of the previous dated event."""
    last, frame = story.last_dated_day, story.frame
    if last is None or not _SAME_DAY.search(text):
        return False
    _borrow(draft, last, "same day as the previous event", frame if frame is not last else None)
    return True


def _same_people_again(draft: Draft, story: Story) -> bool:
    """The same two people as the last dated day: that occasion."""
    last, frame = story.last_dated_day, story.frame
    if last is None or not _same_occasion(draft, story):
        return False
    _borrow(draft, last, "same occasion as the previous event with the same people",
            frame if frame is not None and frame is not last else None)
    return True


def _stop_in_visit(draft: Draft, story: Story) -> bool:
    """An undated visit of the visitor inside the visit's country: a stop of that visit."""
    frame = story.frame
    if not (frame and draft.type == "visit" and draft.status == "occurred" and _is_stop(draft, frame)):
        return False
    _borrow(draft, frame, "a stop inside the visit the document reports", frame)
    return True


def _act_in_visit(draft: Draft, story: Story, text: str) -> bool:
    """An act of the visit's people, or told "during the visit": inside the visit (its range, its place)."""
    frame = story.frame
    if not (frame and draft.type != "visit" and (draft.people() & frame.people() or _DURING.search(text))):
        return False
    _borrow(draft, frame, "inside the visit the document reports", frame)
    if draft.place is None and frame.place is not None:
        draft.place, draft.place_basis = frame.place, "visit"
    return True


def _visit_of_dated_act(draft: Draft, story: Story) -> bool:
    """"Путин 31 июля провел переговоры с … Сисулитом, который прибыл в Москву с официальным
    визитом": the visit told with its visitor's dated act, or told later in a page whose news
    (the lead's act) the visitor took part in ("Сисулит прибыл в Россию с официальным визитом"),
    took place around that act: its month."""
    if draft.type != "visit" or draft.status != "occurred":
        return False
    visitors = {e.id for e in draft.actors + draft.counterparts if e.kind == "person"}
    acts = [a for a in (story.last_dated_day, story.lead_act) if a is not None and a.start]
    act = next((a for a in acts if (a is story.lead_act or a.sentence is draft.sentence)
                and visitors & a.people()), None)
    if act is None or act.start is None or act.start.startswith("--"):
        return False
    draft.start, draft.end = act.start[:7], None
    draft.date_basis = "the month of the visitor's act told with it"
    draft.confidence -= 0.1
    return True


def _from_story(draft: Draft, story: Story, text: str) -> bool:
    """Date an undated draft from the story around it; False when nothing does.

    Tried in order: the same day told, the same people again, a stop inside the visit,
    an act inside the visit, a visit told with its visitor's dated act."""
    return (_same_day_told(draft, story, text) or _same_people_again(draft, story)
            or _stop_in_visit(draft, story) or _act_in_visit(draft, story, text) or _visit_of_dated_act(draft, story))


def _reported_news(draft: Draft, story: Story) -> bool:
    """The lead's act told without a date ("Президент России Владимир Путин встретился с
    премьер-министром Лаоса") is the news the page reports: it happened on the dateline's day
    (a wire dateline, "ВЬЕНТЬЯН, 19 сентября"), else within the month of publication (month
    precision: a bound, not a guessed day). Never a plan, an invitation or an earlier act."""
    if not story.lead or draft.status not in ("occurred", "ongoing"):
        return False
    if story.dateline_day:
        draft.start = draft.end = story.dateline_day
        draft.date_basis = "the lead's act, on the dateline day"
    elif story.anchor and not story.anchor.startswith("--") and len(story.anchor) >= 7:
        draft.start, draft.end = story.anchor[:7], None
        draft.date_basis = "the lead's act, in the month of publication"
    else:
        return False
    draft.confidence -= 0.1
    return True


def date_draft(draft: Draft, own: list[DateMention], story: Story, text: str) -> None:
    """Give ``draft`` its dates: its own mention, else the story's, else a warning."""
    if own:
        _own_date(draft, own, story)
    elif draft.status in ("planned", "invited"):
        draft.warnings.append("no date given for a planned or invited event")
    elif draft.past_reference:
        draft.warnings.append("an earlier act referred to (thanks): no date in the text")
    elif _from_story(draft, story, text):
        return
    elif draft.status == "ongoing" and story.anchor and _CURRENTLY.search(text):
        draft.start = draft.end = story.anchor[:10]
        draft.date_basis = "ongoing at the publication/dateline date"
    elif _reported_news(draft, story):
        return
    else:
        draft.warnings.append("no date in the text for this event")


def split_over_dates(draft: Draft, own: list[DateMention], story: Story,
                     places: list[PhraseMatch[object]]) -> list[Draft]:
    """"two meetings ... on May 9 in Moscow and on October 24 ... in Kazan": one event per date."""
    out = []
    for mention in own:
        copy = attrs.evolve(draft, warnings=list(draft.warnings), agreements=list(draft.agreements))
        resolved = resolve(mention, sentence_year(draft.sentence, mention) or story.anchor)
        copy.start, copy.end, copy.date_basis = resolved.start, resolved.end, f"text: {mention.text.strip()}"
        after = [m.value for m in places if m.start >= mention.span[1]]
        copy.place = after[0] if after else draft.place  # type: ignore[assignment]
        copy.trigger = PhraseMatch(mention.span[0], mention.span[1], draft.trigger.phrase, draft.trigger.value)
        out.append(copy)
    return out


def _relative_day(own: list[DateMention], draft: Draft) -> tuple[bool, set[tuple[str, int]]]:
    """(may the dateline place this draft, the relative days it is dated by).

    Undated, or dated by a weekday or a day word ("on Tuesday", "yesterday"): yes; dated
    otherwise ("unveiled in December"): no."""
    mention = nearest(own, draft) if own else None
    if mention is None:
        return True, set()
    if mention.relative is None or mention.relative[0] not in ("weekday", "day"):
        return False, set()
    return True, {mention.relative}


def _dateline_applies(draft: Draft, story: Story, place: Entity) -> bool:
    """Not a planned, invited or remembered act, nor one inside a visit to another country."""
    if draft.status in ("planned", "invited") or draft.past_reference:
        return False
    frame = story.frame
    return frame is None or frame.place is None or frame.place.country == place.country


def dateline_place_for(draft: Draft, own: list[DateMention], story: Story) -> None:
    """"VIENTIANE, May 23. ... discussed ... at a meeting on Tuesday": the dateline is where the lead happened.

    It places an unplaced event of the lead sentence, and a later one on the same relative
    day as a lead event ("Earlier on Tuesday, ... laid flowers"). Never a planned, invited
    or remembered act, one dated otherwise than by a relative day, or one inside a
    visit to another country than the dateline's. The date is not touched."""
    place = story.dateline_place
    if place is None or not _dateline_applies(draft, story, place):
        return
    usable, days = _relative_day(own, draft)
    if not usable or not (story.lead or days & story.lead_days):
        return
    draft.place, draft.place_basis = place, "dateline"
    if draft.start is None and days and story.anchor:  # a bound, not a guessed date
        draft.warnings.append(f"on or before the dateline date {story.anchor}")
    if story.lead:
        story.lead_days |= days
