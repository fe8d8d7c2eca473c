"""The blocked timeline merge equals the all-pairs reference on a large, realistic event list.

Events are extracted from the seed articles and two real captures that tell a plan and its
occurrence (225_tass: the state visit announced; 245_kpl: the same visit concluded), then
repeated with deterministic perturbations: other documents, shifted years, dropped years or dates, renamed or dropped
participants, so that entries merge, conflict, link and stay apart as they do in a crawl.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

import attrs

import laoru
from laoru import timeline
from laoru.dates import precision_rank
from laoru.events import extract_events
from laoru.events.evaluate import gold_documents
from laoru.events.model import Event

ROOT = Path(__file__).resolve().parent.parent
DOCS = gold_documents(ROOT / "tests" / "gold" / "articles.json", ROOT / "examples" / "data")
PLAN_AND_OCCURRENCE = [ROOT.parent / "shared" / "captures" / name for name in ("225_tass.txt", "245_kpl.txt")]
SEED_EVENTS = [e for doc in [*DOCS.values(), *laoru.parse_paths([str(p) for p in PLAN_AND_OCCURRENCE])]
               for e in extract_events(doc)]


def build_all_pairs(events: Iterable[Event]) -> list[timeline.Entry]:
    """The quadratic reference merge (every event against every entry), which ``timeline.build`` must equal."""
    ordered = sorted(events, key=lambda e: (-precision_rank(e.start), -e.confidence, e.doc_id, e.evidence.start))
    entries: list[timeline.Entry] = []
    for event in ordered:
        home = next((entry for entry in entries if timeline._fits(event, entry)), None)
        if home is None:
            entries.append(timeline.Entry([event]))
        else:
            home.events.append(event)
    link_all_pairs(entries)
    return sorted(entries, key=timeline._sort_key)


def link_all_pairs(entries: list[timeline.Entry]) -> None:
    """The quadratic reference for ``timeline._link``."""
    visits = [e for e in entries
              if e.type == "visit" and e.status not in timeline._PLANS and not timeline._is_stop(e)]
    for entry in entries:
        lead = entry.lead
        if (entry.type != "visit" or timeline._is_stop(entry)) and entry.status not in timeline._PLANS:
            for visit in visits:
                if visit is not entry and timeline._people(lead) & timeline._people(visit.lead) and lead.start and \
                        timeline.dates_compatible(lead, visit.lead):
                    entry.links.append({"relation": "within", "entry": visit.id})
                    visit.links.append({"relation": "contains", "entry": entry.id})
                    break
        if entry.status in timeline._PLANS:
            for other in entries:
                if other is entry or other.type != entry.type or other.status in timeline._PLANS:
                    continue
                if timeline.participants_agree(lead, other.lead) and (
                        lead.start is None or timeline.dates_compatible(lead, other.lead)):
                    entry.links.append({"relation": "plan_of", "entry": other.id})
                    other.links.append({"relation": "planned_in", "entry": entry.id})


def _shift(value: str | None, years: int) -> str | None:
    if not value or value.startswith("--"):
        return value
    return f"{int(value[:4]) + years:04d}{value[4:]}"


def _yearless(value: str | None) -> str | None:
    return value if not value or value.startswith("--") or len(value) < 7 else "--" + value[5:]


def _rename(event: Event, side: str, suffix: str) -> tuple:
    return tuple(attrs.evolve(p, key=(p.key or p.name) + suffix) for p in getattr(event, side))


def perturbed(events: list[Event], copies: int, seed: int = 11) -> list[Event]:
    """``copies`` tellings of every event, each from one of a few documents per copy."""
    rng = random.Random(seed)
    out = []
    for copy in range(copies):
        years = rng.choice((0, 0, 0, 1, -1, 2, 5, -7))  # a story retold, or a like event another year
        suffix = "" if rng.random() < 0.6 else f"#{rng.randrange(4)}"  # other people of the same office
        for number, event in enumerate(events):
            start, end = _shift(event.start, years), _shift(event.end, years)
            roll = rng.random()
            if roll < 0.1:
                start, end = _yearless(start), _yearless(end)
            elif roll < 0.13:
                start = end = None
            actors, counterparts = _rename(event, "actors", suffix), _rename(event, "counterparts", suffix)
            if rng.random() < 0.1 and len(counterparts) > 1:
                counterparts = counterparts[:-1]
            out.append(attrs.evolve(
                event, doc_id=f"{event.doc_id}-{copy}-{rng.randrange(3)}", id=f"{event.id}-{copy}-{number}",
                start=start, end=end, actors=actors, counterparts=counterparts,
                confidence=round(min(1.0, max(0.0, event.confidence + rng.uniform(-0.1, 0.1))), 2)))
    return out


def _dicts(entries: list[timeline.Entry]) -> list[dict]:
    return [entry.to_dict() for entry in entries]


def test_blocked_merge_equals_all_pairs_on_a_large_event_list():
    events = perturbed(SEED_EVENTS, copies=24)
    assert len(events) > 1500
    blocked, reference = _dicts(timeline.build(events)), _dicts(build_all_pairs(events))
    assert blocked == reference
    # the list exercises merging, conflicts and both kinds of links
    assert any(len(e["sources"]) > 1 for e in blocked)
    assert any(e["date_conflict"] for e in blocked)
    relations = {link["relation"] for e in blocked for link in e["links"]}
    assert {"within", "contains", "plan_of", "planned_in"} <= relations


def test_links_cross_month_and_year_buckets():
    """A meeting on the last day of a visit that began the month before links to it; an undated
    plan links to occurrences in any year."""
    events = perturbed(SEED_EVENTS, copies=4, seed=3)
    assert _dicts(timeline.build(events)) == _dicts(build_all_pairs(events))
    entries = timeline.build(events)
    by_id = {e.id: e for e in entries}
    crossing = [(e, by_id[link["entry"]]) for e in entries for link in e.links if link["relation"] == "within"
                and (e.lead.start or "")[-5:-3] != (by_id[link["entry"]].lead.start or "")[-5:-3]]
    assert crossing  # e.g. a meeting on --08-01 within the visit of --07-30..--08-01


def test_blocking_is_order_stable_across_seeds():
    for seed in (1, 2):
        events = perturbed(SEED_EVENTS[::-1], copies=6, seed=seed)
        assert _dicts(timeline.build(events)) == _dicts(build_all_pairs(events))
