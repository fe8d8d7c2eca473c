"""One timeline entry per real-world event, however many outlets told it.

Events from different documents merge when their type agrees, their participants
agree (for visits: the visitor), and their dates are compatible (overlapping ranges;
a yearless ``--07-30`` is compatible with ``2025-07-30``). Nothing is silently picked:
the entry keeps each source's own dates and flags ``date_conflict`` when sources at the
same precision disagree. A planned or invited event never merges with an occurrence;
the two are linked instead, as is a meeting with the visit whose range contains it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from typing import IO, Any

import attrs

from laoru.dates import precision, precision_rank
from laoru.events.model import Event, Participant
from laoru.exports import (  # the formats other tools read, re-exported here  # noqa: F401
    EXPORT_FORMATS,
    edtf_date,
    edtf_records,
    graph,
    graphml,
    plover_records,
    timelinejs,
    write_export,
)

_PLANS = ("planned", "invited")
TABLE_COLUMNS = ("start", "end", "type", "status", "actors", "counterparts", "place", "n_sources", "outlets",
                 "date_conflict")


@attrs.define
class Entry:
    """A timeline entry: merged fields plus every source event."""

    events: list[Event]
    links: list[dict[str, str]] = attrs.field(factory=list)

    @property
    def lead(self) -> Event:
        """The most precise, most confident telling; its fields head the entry."""
        return max(self.events, key=lambda e: (precision_rank(e.start), e.confidence, -len(e.warnings)))

    @property
    def id(self) -> str:
        key = "\x1f".join(sorted(e.id for e in self.events))
        return "tl_" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()

    @property
    def type(self) -> str:
        return self.events[0].type

    @property
    def status(self) -> str:
        statuses = [e.status for e in self.events]
        for status in ("occurred", "ongoing", "cancelled", "planned", "invited"):
            if status in statuses:
                return status
        return statuses[0]

    @property
    def date_conflict(self) -> bool:
        """Two day-precise sources disagree: both give ranges (or both single days) that differ,
        or a single day falls outside the other's range. A day inside a range is a refinement."""
        spans = [(_strip_year(e.start), _strip_year(e.end or e.start)) for e in self.events
                 if e.start and precision(e.start) in ("yearless", "day", "time")]
        for i, span_a in enumerate(spans):
            for span_b in spans[i + 1:]:
                if span_a == span_b:
                    continue
                if (span_a[0] == span_a[1]) == (span_b[0] == span_b[1]):
                    return True
                a_in_b = span_b[0] <= span_a[0] and span_a[1] <= span_b[1]
                b_in_a = span_a[0] <= span_b[0] and span_b[1] <= span_a[1]
                if not (a_in_b or b_in_a):
                    return True
        return False

    def participants(self, side: str) -> list[Participant]:
        seen: dict[str, Participant] = {}
        taken = {p.key or p.name for p in self.participants("actors")} if side == "counterparts" else set()
        for event in sorted(self.events, key=lambda e: e is not self.lead):
            for p in getattr(event, side):
                if (p.key or p.name) not in taken:
                    seen.setdefault(p.key or p.name, p)
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        lead = self.lead
        return {
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "start": lead.start,
            "end": lead.end,
            "date_conflict": self.date_conflict,
            "dates": [{"doc_id": e.doc_id, "start": e.start, "end": e.end} for e in self.events],
            "actors": [p.to_dict() for p in self.participants("actors")],
            "counterparts": [p.to_dict() for p in self.participants("counterparts")],
            "countries": sorted({c for e in self.events for c in e.countries}),
            "place": lead.place.to_dict() if lead.place else next(
                (e.place.to_dict() for e in self.events if e.place), None),
            "agreements": list(dict.fromkeys(a for e in self.events for a in e.agreements)),
            "plover": dict(lead.plover),
            "confidence": max(e.confidence for e in self.events),
            "warnings": list(dict.fromkeys(w for e in self.events for w in e.warnings)),
            "links": list(self.links),
            "sources": [{"doc_id": e.doc_id, "outlet": e.outlet, "source": e.source, "event_id": e.id,
                         "evidence": e.evidence.to_dict()} for e in self.events],
        }


def _strip_year(value: str) -> str:
    """``2025-07-30`` and ``--07-30`` both → ``07-30``."""
    if value.startswith("--"):
        return value[2:]
    return value[5:] if len(value) > 4 else value


def _bounds(start: str | None, end: str | None) -> tuple[tuple[int, ...], tuple[int, ...], bool] | None:
    """(low, high, has_year) as comparable tuples; None when undated."""
    if not start:
        return None
    end = end or start

    def parts(value: str, high: bool) -> tuple[int | None, int, int]:
        if value.startswith("--"):
            bits = value[2:].split("-")
            month = int(bits[0])
            day = int(bits[1]) if len(bits) > 1 else (31 if high else 1)
            return None, month, day
        bits = value[:10].split("-")
        year = int(bits[0])
        month = int(bits[1]) if len(bits) > 1 else (12 if high else 1)
        day = int(bits[2]) if len(bits) > 2 else (31 if high else 1)
        return year, month, day

    lo, hi = parts(start, False), parts(end, True)
    if lo[0] is None or hi[0] is None:
        return (lo[1], lo[2]), (hi[1], hi[2]), False
    return lo, hi, True  # type: ignore[return-value]


#: Days by which two datings of one trip may miss each other: the same visitor in the same
#: country "arrived on 10 December" (283) and "is in Vientiane on 11 December" (288) is one visit.
_TRIP_SLACK = dt.timedelta(days=3)


def _shift(value: str | None, days: dt.timedelta) -> str | None:
    """A day-precise date moved by ``days`` (a yearless one through a non-leap year); others as they are."""
    if not value or len(value) not in (7, 10) or (len(value) == 7 and not value.startswith("--")):
        return value
    yearless = value.startswith("--")
    try:
        moved = dt.date.fromisoformat("2001" + value[1:] if yearless else value) + days
    except ValueError:
        return value
    if yearless:
        return "--" + moved.isoformat()[5:] if moved.year == 2001 else None
    return moved.isoformat()


def _trip_span(event: Event) -> tuple[str | None, str | None]:
    """A visit's dates widened by the trip slack (a yearless range that would wrap the year is not)."""
    start, end = event.start, event.end or event.start
    if event.type != "visit" or not start:
        return start, end
    low, high = _shift(start, -_TRIP_SLACK), _shift(end, _TRIP_SLACK)
    return (low, high) if low and high else (start, end)


def _same_trip(a: Event, b: Event) -> bool:
    """Two visits of one visitor to one country whose dates miss each other by a few days."""
    if a.type != "visit" or not (a.place and b.place and a.place.country and a.place.country == b.place.country):
        return False
    return _overlap(_bounds(*_trip_span(a)), _bounds(b.start, b.end))


def dates_compatible(a: Event, b: Event) -> bool:
    """Overlapping ranges; without a year on one side, month/day alone must overlap. Visits of one
    visitor to one country a few days apart are one trip (:data:`_TRIP_SLACK`)."""
    return _overlap(_bounds(a.start, a.end), _bounds(b.start, b.end), a, b) or _same_trip(a, b) or _same_trip(b, a)


def _overlap(first: Any, second: Any, a: Event | None = None, b: Event | None = None) -> bool:
    if first is None or second is None:
        # undated tellings merge only when they name the same two or more people
        return a is not None and b is not None and first is None and second is None and \
            _people(a) == _people(b) and len(_people(a)) >= 2
    if first[2] and second[2]:
        return first[0] <= second[1] and second[0] <= first[1]
    lo1, hi1 = first[0][-2:], first[1][-2:]
    lo2, hi2 = second[0][-2:], second[1][-2:]
    return lo1 <= hi2 and lo2 <= hi1


def _people(event: Event, side: str | None = None) -> frozenset[str]:
    group = event.participants if side is None else getattr(event, side)
    return frozenset(p.key or p.name for p in group if p.kind in ("person", "org"))


#: Acts of states: one telling may name only the states ("Russia and Laos"), another their bodies
#: or people ("units of the Eastern Military District and the Lao People's Army").
_STATE_ACTS = frozenset({"exercise", "agreement", "aid", "other"})


def _visitors_agree(a: Event, b: Event) -> bool:
    """The same visitor; with no visitor named on either side, the same destination country."""
    visitors_a, visitors_b = _people(a, "actors"), _people(b, "actors")
    if visitors_a or visitors_b:
        return bool(visitors_a & visitors_b)
    return bool(a.place and b.place and a.place.country == b.place.country)


def _states_agree(states_only: Event, other: Event) -> bool:
    """A telling that names only states agrees with one whose parties belong to those states."""
    return bool(states_only.countries) and set(states_only.countries) <= set(other.countries)


def participants_agree(a: Event, b: Event) -> bool:
    if a.type == "visit":
        return _visitors_agree(a, b)
    people_a, people_b = _people(a), _people(b)
    if a.type in _STATE_ACTS and bool(people_a) != bool(people_b):
        return _states_agree(a, b) if not people_a else _states_agree(b, a)
    if people_a or people_b:
        return bool(people_a and people_b) and (people_a <= people_b or people_b <= people_a)
    if a.type == "agreement" and a.agreements and b.agreements:
        return bool({t.lower() for t in a.agreements} & {t.lower() for t in b.agreements})
    return False


def same_event(a: Event, b: Event) -> bool:
    if a.type != b.type or a.doc_id == b.doc_id:
        return False
    if (a.status in _PLANS) != (b.status in _PLANS):
        return False
    return participants_agree(a, b) and dates_compatible(a, b)


def _fits(event: Event, entry: Entry) -> bool:
    """``event`` tells ``entry``'s event: it agrees with every member from another document."""
    return all(same_event(event, other) for other in entry.events if other.doc_id != event.doc_id) and \
        any(same_event(event, other) for other in entry.events)


def build(events: Iterable[Event]) -> list[Entry]:
    """Merge events into entries, link plans/occurrences and visit-contained events, sort by date.

    Each event is compared only with the entries that share a block with it (see
    :class:`_Blocks`), in creation order, so the result equals the all-pairs merge
    (``build_all_pairs`` in ``tests/test_timeline_scale.py``) at near-linear cost.
    """
    ordered = sorted(events, key=lambda e: (-precision_rank(e.start), -e.confidence, e.doc_id, e.evidence.start))
    entries: list[Entry] = []
    blocks = _Blocks()
    for event in ordered:
        group = (event.type, event.status in _PLANS)
        dates = _date_keys(event)
        parties = [(group, key) for key in _party_keys(event)]
        number = next((n for n in blocks.find(dates, parties) if _fits(event, entries[n])), None)
        if number is None:
            number = len(entries)
            entries.append(Entry([event]))
        else:
            entries[number].events.append(event)
        blocks.add(number, dates, parties)
    _link(entries)
    return sorted(entries, key=_sort_key)


# -- blocking -------------------------------------------------------------------------------

#: A dated range longer than this (in months) is compared with everything, not bucketed.
_MAX_MONTHS = 36
_DateKeys = tuple[list[Any], list[Any]] | None


def _date_keys(event: Event) -> _DateKeys:
    """(keys to file the event under, keys to look it up by); None: compare with every date.

    Two events are ``dates_compatible`` only if they share a key: dated ranges that overlap
    share a month (``ym`` by year and month; ``md`` by month alone when either side has no
    year, filed apart for dated ``mdY`` and yearless ``md0`` events); undated tellings need
    the same two or more people. Ranges that wrap (December to January without a year),
    run backwards or span years are rare and returned as None.
    """
    try:
        bounds = _bounds(*_trip_span(event))
    except (ValueError, IndexError):
        return None
    if bounds is None:
        people = _people(event)
        undated = [("undated", people)] if len(people) >= 2 else []
        return undated, undated
    low, high, has_year = bounds
    if low[-2:] > high[-2:] or high[-2] - low[-2] >= 12:
        return None
    months = range(low[-2], high[-2] + 1)
    if not has_year:
        yearless = [("md0", m) for m in months]
        return yearless, [("mdY", m) for m in months] + yearless
    first, last = low[0] * 12 + low[1], high[0] * 12 + high[1]
    if first > last or last - first > _MAX_MONTHS:
        return None
    by_month = [("ym", m) for m in range(first, last + 1)]
    return by_month + [("mdY", m) for m in months], by_month + [("md0", m) for m in months]


def _party_keys(event: Event) -> list[Any]:
    """Keys two events share whenever ``participants_agree`` (same type assumed)."""
    if event.type == "visit":
        visitors = _people(event, "actors")
        if visitors:
            return [("visitor", p) for p in visitors]
        return [("country", event.place.country)] if event.place else []
    people = _people(event)
    states = [("state", c) for c in event.countries] if event.type in _STATE_ACTS else []
    if people:
        return [("person", p) for p in people] + states
    if event.type == "agreement" and event.agreements:
        return [("agreement", title.lower()) for title in event.agreements] + states
    return states


class _Blocks:
    """Items (entry numbers) filed by (date key, party key); a look-up returns every item
    sharing both, plus date-wide items sharing a party key, in increasing order."""

    def __init__(self) -> None:
        self._keyed: dict[Any, set[int]] = {}
        self._wide: dict[Any, set[int]] = {}
        self._any: dict[Any, set[int]] = {}

    def add(self, item: int, dates: _DateKeys, parties: list[Any]) -> None:
        for party in parties:
            self._any.setdefault(party, set()).add(item)
            if dates is None:
                self._wide.setdefault(party, set()).add(item)
                continue
            for date in dates[0]:
                self._keyed.setdefault((date, party), set()).add(item)

    def find(self, dates: _DateKeys, parties: list[Any], any_date: bool = False) -> list[int]:
        found: set[int] = set()
        for party in parties:
            if dates is None or any_date:
                found |= self._any.get(party, set())
                continue
            found |= self._wide.get(party, set())
            for date in dates[1]:
                found |= self._keyed.get((date, party), set())
        return sorted(found)


def _is_stop(entry: Entry) -> bool:
    """A visit told as a stop inside another visit ("he also visited Herzen University")."""
    return entry.type == "visit" and any(e.within is not None for e in entry.events)


def _link(entries: list[Entry]) -> None:
    """Plans to occurrences, contained events to their visit; candidates come from blocks.

    Links cross the merge blocks on purpose: a meeting (another type) finds its visit through
    blocks of visit leads by person and month (a visit is filed under every month it covers),
    and a plan (another status) finds occurrences through blocks of non-plan entries of its
    type; an undated plan looks at every date. The first match and the order of links are
    those of ``link_all_pairs`` in ``tests/test_timeline_scale.py``.
    """
    leads = [entry.lead for entry in entries]
    visits = [n for n, e in enumerate(entries) if e.type == "visit" and e.status not in _PLANS and not _is_stop(e)]
    visit_blocks, occurrences = _Blocks(), _Blocks()
    for n in visits:
        visit_blocks.add(n, _date_keys(leads[n]), [("person", p) for p in _people(leads[n])])
    for n, entry in enumerate(entries):
        if entry.status not in _PLANS:
            occurrences.add(n, _date_keys(leads[n]), [(entry.type, k) for k in _party_keys(leads[n])])
    for n, entry in enumerate(entries):
        lead = leads[n]
        if (entry.type != "visit" or _is_stop(entry)) and entry.status not in _PLANS and lead.start:
            people = _people(lead)
            for v in visit_blocks.find(_date_keys(lead), [("person", p) for p in people]):
                visit = entries[v]
                if visit is not entry and people & _people(leads[v]) and dates_compatible(lead, leads[v]):
                    entry.links.append({"relation": "within", "entry": visit.id})
                    visit.links.append({"relation": "contains", "entry": entry.id})
                    break
        if entry.status in _PLANS:
            parties = [(entry.type, k) for k in _party_keys(lead)]
            for o in occurrences.find(_date_keys(lead), parties, any_date=lead.start is None):
                other = entries[o]
                if other is entry or other.type != entry.type or other.status in _PLANS:
                    continue
                if participants_agree(lead, leads[o]) and (lead.start is None or dates_compatible(lead, leads[o])):
                    entry.links.append({"relation": "plan_of", "entry": other.id})
                    other.links.append({"relation": "planned_in", "entry": entry.id})


def _sort_key(entry: Entry) -> tuple[Any, ...]:
    start = entry.lead.start
    if not start:
        return (2, "", entry.type, entry.id)
    if start.startswith("--"):
        return (1, start, entry.type, entry.id)
    return (0, start, entry.type, entry.id)


def timeline(events: Iterable[Event]) -> list[dict[str, Any]]:
    """The timeline as plain dicts (what the CLI writes as JSONL)."""
    return [entry.to_dict() for entry in build(events)]


def flat_record(entry: dict[str, Any]) -> dict[str, Any]:
    """One row for CSV/table: names instead of objects, outlets and source count."""
    return {
        "id": entry["id"],
        "start": entry["start"],
        "end": entry["end"],
        "type": entry["type"],
        "status": entry["status"],
        "actors": [p["name"] for p in entry["actors"]],
        "counterparts": [p["name"] for p in entry["counterparts"]],
        "countries": entry["countries"],
        "place": entry["place"]["name"] if entry["place"] else None,
        "agreements": entry["agreements"],
        "n_sources": len(entry["sources"]),
        "outlets": sorted({s["outlet"] or "" for s in entry["sources"]}),
        "date_conflict": entry["date_conflict"],
        "dates": [f"{d['start'] or '?'}..{d['end'] or ''}" for d in entry["dates"]],
        "evidence": entry["sources"][0]["evidence"]["text"],
        "links": [f"{link['relation']}:{link['entry']}" for link in entry["links"]],
    }


def to_frame(entries: Iterable[dict[str, Any]] | Iterable[Event]) -> Any:
    """A pandas DataFrame, one row per entry (``pip install laoru[frame]``)."""
    import pandas as pd

    items: list[Any] = list(entries)
    if items and isinstance(items[0], Event):
        items = timeline(items)
    return pd.DataFrame([flat_record(e) for e in items])


def write(entries: Iterable[dict[str, Any]], fmt: str, stream: IO[str]) -> int:
    from laoru.output import write_records

    if fmt in EXPORT_FORMATS:
        return write_export(entries, fmt, stream)
    if fmt in ("jsonl", "json"):
        return write_records(entries, fmt, stream)
    rows: Iterator[dict[str, Any]] = (flat_record(e) for e in entries)
    return write_records(rows, fmt, stream, columns=TABLE_COLUMNS if fmt == "table" else None)
