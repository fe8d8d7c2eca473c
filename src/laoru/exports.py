"""The timeline in the formats other tools read: TimelineJS3, GraphML, EDTF dates, PLOVER.

Every function takes timeline entries as plain dicts (what :func:`laoru.timeline.timeline`
returns) and reads optional fields with defaults, so that entries written by an older or
newer laoru still export. Nothing here completes a date: a month stays a month, a date
without a year stays yearless (``XXXX-07-06`` in EDTF), an undated entry stays undated.
"""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Iterable
from itertools import combinations
from typing import IO, Any

EXPORT_FORMATS = ("timelinejs", "graphml", "edtf", "edtf-jsonl", "plover")
#: Statuses of what did not (or not yet) happen: never an edge of who met whom.
NOT_OCCURRED = ("planned", "invited", "cancelled")
#: PLOVER quad code of each PLOVER category laoru emits (1 verbal, 2 material cooperation).
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2}
#: PLOVER category of an intention to do what the entry's type does (CAMEO 03 → AGREE).
INTENT = "AGREE"
EDTF_COLUMNS = ("id", "edtf", "start", "end", "precision", "type", "status", "headline", "date_conflict",
                "sources_edtf")


# -- dates ----------------------------------------------------------------------------------

def precision(value: str | None) -> str | None:
    """``day``, ``month``, ``year``, ``yearless-day``, ``yearless-month``, or None when undated."""
    if not value:
        return None
    if value.startswith("--"):
        return "yearless-day" if len(value) >= 7 else "yearless-month"
    return {4: "year", 7: "month"}.get(len(value[:10]), "day")


def edtf_value(value: str | None) -> str | None:
    """One laoru date in EDTF: ``2024-05`` stays, ``--07-06`` → ``XXXX-07-06``, a time is dropped."""
    if not value:
        return None
    if value.startswith("--"):
        return "XXXX-" + value[2:]
    return value[:10]


def edtf_date(start: str | None, end: str | None = None) -> str | None:
    """The span an entry covers in EDTF: one date, or ``start/end`` (an open end ``start/..``
    is never invented: a missing end means a single date)."""
    first, last = edtf_value(start), edtf_value(end)
    if first is None:
        return None if last is None else f"/{last}"  # EDTF level 1: unknown start
    return first if last in (None, first) else f"{first}/{last}"


# -- shared text ----------------------------------------------------------------------------

def names(entry: dict[str, Any], side: str) -> list[str]:
    """Names on one side of an entry (``actors`` or ``counterparts``)."""
    return [str(p.get("name", "")) for p in entry.get(side) or () if p.get("name")]


def headline(entry: dict[str, Any]) -> str:
    """``Visit (planned): Thongloun Sisoulith — Vladimir Putin`` for titles and tooltips."""
    kind = str(entry.get("type") or "event").capitalize()
    status = entry.get("status") or "occurred"
    head = kind if status == "occurred" else f"{kind} ({status})"
    who = " — ".join(part for part in (", ".join(names(entry, "actors")), ", ".join(names(entry, "counterparts")))
                     if part)
    return f"{head}: {who}" if who else head


def _sources(entry: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in entry.get("sources") or () if isinstance(s, dict)]


# -- EDTF records ---------------------------------------------------------------------------

def edtf_records(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per entry: its span in EDTF, the precision, and each source's own span."""
    rows = []
    for entry in entries:
        dates = entry.get("dates") or ()
        rows.append({
            "id": entry.get("id"),
            "edtf": edtf_date(entry.get("start"), entry.get("end")),
            "start": entry.get("start"),
            "end": entry.get("end"),
            "precision": precision(entry.get("start")),
            "type": entry.get("type"),
            "status": entry.get("status"),
            "headline": headline(entry),
            "date_conflict": bool(entry.get("date_conflict")),
            "sources_edtf": [edtf_date(d.get("start"), d.get("end")) or "" for d in dates],
        })
    return rows


# -- TimelineJS3 ----------------------------------------------------------------------------

def _tl_date(value: str | None) -> dict[str, str] | None:
    """A TimelineJS date object; None for an undated or yearless value (TimelineJS needs a year)."""
    if not value or value.startswith("--"):
        return None
    parts = value[:10].split("-")
    return dict(zip(("year", "month", "day"), parts, strict=False))


def _tl_text(entry: dict[str, Any]) -> str:
    """The slide body: TimelineJS renders it as HTML, so every value is escaped."""
    lines = []
    for source in _sources(entry):
        quote = html.escape(str((source.get("evidence") or {}).get("text", "")))
        outlet = html.escape(str(source.get("outlet") or "unknown outlet"))
        lines.append(f"<p>“{quote}” <em>{outlet}</em></p>")
    if entry.get("date_conflict"):
        spans = ", ".join(html.escape(edtf_date(d.get("start"), d.get("end")) or "?") for d in entry.get("dates") or ())
        lines.append(f"<p><strong>Sources disagree on the date:</strong> {spans}</p>")
    return "".join(lines)


def timelinejs(entries: Iterable[dict[str, Any]], title: str = "Laos–Russia relations") -> dict[str, Any]:
    """A TimelineJS3 JSON object: one slide per entry that has a year, grouped by event type.

    TimelineJS needs a year on every slide, so entries without one (``--07-06``, undated)
    are left out; ``skipped`` in the returned object counts them (TimelineJS ignores it).
    """
    slides, skipped = [], 0
    for entry in entries:
        start = _tl_date(entry.get("start"))
        if start is None:
            skipped += 1
            continue
        slide: dict[str, Any] = {
            "unique_id": entry.get("id"),
            "start_date": start,
            "text": {"headline": html.escape(headline(entry)), "text": _tl_text(entry)},
            "group": entry.get("type"),
            "display_date": edtf_date(entry.get("start"), entry.get("end")),
        }
        end = _tl_date(entry.get("end"))
        if end and end != start:
            slide["end_date"] = end
        slides.append(slide)
    return {"title": {"text": {"headline": html.escape(title), "text": f"{len(slides)} events"}},
            "events": slides, "skipped": skipped}


# -- who met whom ---------------------------------------------------------------------------

def people_of(entry: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """People and organisations of an entry (states are not nodes), one per key."""
    found: dict[str, dict[str, Any]] = {}
    for person in [*(entry.get("actors") or ()), *(entry.get("counterparts") or ())]:
        if person.get("kind", "person") in ("person", "org") and person.get("name"):
            found.setdefault(str(person.get("key") or person["name"]), person)
    return list(found.items())


def graph(entries: Iterable[dict[str, Any]]) -> Any:
    """Who met whom as a ``networkx.Graph``.

    Nodes are people and organisations (key: the gazetteer key, else the name) with
    ``label``, ``country`` (ISO alpha-3 or ""), ``kind``, ``wikidata`` and ``entries`` (how
    many entries name them, any status). An edge joins two that took part in the same
    entry that happened (not planned, invited or cancelled); ``weight`` counts such entries
    and ``entries`` lists their ids.
    """
    import networkx as nx

    network = nx.Graph()
    for entry in entries:
        people = people_of(entry)
        for key, person in people:
            if key not in network:
                network.add_node(key, label=str(person["name"]), country=person.get("country") or "",
                                 kind=person.get("kind", "person"), wikidata=person.get("id") or "", entries=0)
            network.nodes[key]["entries"] += 1
        if entry.get("status") in NOT_OCCURRED:
            continue
        for a, b in combinations(sorted(key for key, _ in people), 2):
            if network.has_edge(a, b):
                network.edges[a, b]["weight"] += 1
                network.edges[a, b]["entries"] += " " + str(entry.get("id"))
            else:
                network.add_edge(a, b, weight=1, entries=str(entry.get("id")))
    return network


def graphml(entries: Iterable[dict[str, Any]]) -> str:
    """Who met whom as GraphML (Gephi, networkx, yEd, Cytoscape)."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(graph(entries))) + "\n"


# -- PLOVER ---------------------------------------------------------------------------------

def _plover_actor(person: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER actor object: ``code`` is the country (ISO alpha-3), ``identifier_id`` the QID."""
    actor = {"code": person.get("country"), "actor_text": person.get("name"), "office": person.get("role")}
    if person.get("id"):
        actor["identifier_id"] = person["id"]
        actor["identifier_text"] = person.get("name")
    return actor


def plover_category(entry: dict[str, Any]) -> tuple[str | None, str | None]:
    """(PLOVER event, mode): the entry's own code; a plan or invitation is an intent (AGREE);
    a cancellation is not coded."""
    from laoru.events.plover import plover_for

    code = entry.get("plover") or plover_for(str(entry.get("type")))
    event, mode = code.get("type"), code.get("mode")
    status = entry.get("status") or "occurred"
    if status == "cancelled":
        return None, None
    if status in ("planned", "invited") and event:
        return INTENT, mode
    return event, mode


def plover_record(entry: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER-style JSON record for a timeline entry (field names of the PLOVER spec)."""
    event, mode = plover_category(entry)
    sources = _sources(entry)
    first = sources[0] if sources else {}
    place = entry.get("place") or None
    return {
        "id": entry.get("id"),
        "has_event": event is not None,
        "date": entry.get("start"),
        "enddate": entry.get("end"),
        "date_edtf": edtf_date(entry.get("start"), entry.get("end")),
        "source": [_plover_actor(p) for p in entry.get("actors") or ()],
        "recipient": [_plover_actor(p) for p in entry.get("counterparts") or ()],
        "event": [event] if event else [],
        "mode": mode,
        "quad_code": QUAD.get(event or ""),
        "event_loc": {"name": place.get("name"), "cc3": place.get("country")} if place else None,
        "event_text": [str((s.get("evidence") or {}).get("text", "")) for s in sources],
        "cite_info": {"publication": first.get("outlet"), "url": first.get("source")} if first else None,
        "laoru_type": entry.get("type"),
        "laoru_status": entry.get("status"),
        "coder": "laoru",
    }


def plover_records(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [plover_record(entry) for entry in entries]


# -- writing --------------------------------------------------------------------------------

def write_export(entries: Iterable[dict[str, Any]], fmt: str, stream: IO[str]) -> int:
    """Write ``entries`` as one of :data:`EXPORT_FORMATS`; return the number of records written."""
    items = list(entries)
    if fmt == "timelinejs":
        data = timelinejs(items)
        json.dump(data, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
        return len(data["events"])
    if fmt == "graphml":
        stream.write(graphml(items))
        return len(items)
    if fmt == "plover":
        for record in plover_records(items):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(items)
    rows = edtf_records(items)
    if fmt == "edtf-jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        return len(rows)
    if fmt != "edtf":
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    writer = csv.writer(stream)
    writer.writerow(EDTF_COLUMNS)
    for row in rows:
        writer.writerow(["; ".join(v) if isinstance(v, list) else ("" if v is None else v)
                         for v in (row[c] for c in EDTF_COLUMNS)])
    return len(rows)
