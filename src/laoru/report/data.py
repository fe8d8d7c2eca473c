"""What the report shows, gathered once: entries, documents, clusters, the summary and the
compact JSON the page's script filters and lists.

Entries are the plain dicts of :func:`laoru.timeline.timeline`; optional fields (a newer
extractor may add ``in_scope`` or participant roles, an older one may lack them) are read
with defaults, so the report works on the entries of any laoru version.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from laoru.exports import edtf_date, people_of, precision
from laoru.model import Document
from laoru.report.dates import span, year_of

#: Years listed for one entry's year filter at most (a "since 1960" span is not 66 years of marks).
MAX_YEARS = 40


@attrs.define
class ReportData:
    """Everything the page is rendered from."""

    entries: list[dict[str, Any]]
    documents: list[Document]
    clusters: list[Any]
    events: int
    title: str = "Laos–Russia relations"


def collect(documents: Iterable[Document], events: Iterable[Any] | None = None,
            entries: list[dict[str, Any]] | None = None, clusters: list[Any] | None = None,
            title: str = "Laos–Russia relations") -> ReportData:
    """Extract events, merge the timeline and find duplicate clusters, unless given."""
    from laoru import timeline

    docs = list(documents)
    event_list = list(events) if events is not None else None
    if entries is None:
        if event_list is None:
            from laoru.events import extract_events

            event_list = [event for doc in docs for event in extract_events(doc)]
        entries = timeline.timeline(event_list)
    if clusters is None:
        from laoru.dedup import find_clusters

        clusters = find_clusters(docs) if len(docs) > 1 else []
    count = len(event_list) if event_list is not None else sum(len(e.get("sources") or ()) for e in entries)
    return ReportData(entries=entries, documents=docs, clusters=clusters, events=count, title=title)


def _outlets(data: ReportData) -> list[str]:
    found = {doc.outlet for doc in data.documents if doc.outlet}
    found |= {str(s.get("outlet")) for e in data.entries for s in e.get("sources") or () if s.get("outlet")}
    return sorted(found)


def summary(data: ReportData) -> dict[str, Any]:
    """The header's figures: documents, outlets, events, entries, date range, warnings."""
    dated = sorted(str(e["start"]) for e in data.entries if e.get("start") and not str(e["start"]).startswith("--"))
    warnings = sum(len(doc.warnings) for doc in data.documents)
    warnings += sum(len(e.get("warnings") or ()) for e in data.entries)
    return {
        "documents": len(data.documents),
        "outlets": len(_outlets(data)),
        "events": data.events,
        "entries": len(data.entries),
        "first": dated[0] if dated else None,
        "last": dated[-1] if dated else None,
        "warnings": warnings,
        "clusters": sum(1 for c in data.clusters if len(c.members) > 1),
    }


def years(entry: dict[str, Any]) -> list[int]:
    """The calendar years an entry's date covers (none without a year)."""
    start = entry.get("start")
    if not start or str(start).startswith("--"):
        return []
    covered = span(start, entry.get("end"))
    if covered is None:
        return []
    first, last = year_of(covered[0]), year_of(covered[1])
    return list(range(first, min(last, first + MAX_YEARS) + 1))


def _person(p: dict[str, Any]) -> list[Any]:
    return [str(p.get("name") or ""), p.get("role") or "", p.get("country") or "", p.get("kind") or "person"]


class _Index:
    """Stable small integers for repeated strings (documents, people, outlets) in the JSON."""

    def __init__(self) -> None:
        self.keys: dict[str, int] = {}
        self.items: list[Any] = []

    def add(self, key: str, item: Any) -> int:
        if key not in self.keys:
            self.keys[key] = len(self.items)
            self.items.append(item)
        return self.keys[key]


def _doc_record(doc: Document) -> list[Any]:
    return [doc.title or "", doc.outlet or "", doc.source or "", doc.url or "", doc.published or ""]


def _entry_record(entry: dict[str, Any], docs: _Index, people: _Index, outlets: _Index) -> dict[str, Any]:
    """One entry, compact: short keys, strings of documents/people/outlets as indices."""
    sources = [s for s in entry.get("sources") or () if isinstance(s, dict)]
    return {
        "id": entry.get("id"), "t": entry.get("type") or "other", "s": entry.get("status") or "occurred",
        **_when_record(entry),
        "a": _persons(entry.get("actors")),
        "k": _persons(entry.get("counterparts")),
        "pl": _place_text(entry.get("place") or {}),
        "y": years(entry),
        "who": _who(entry, people),
        "o": sorted({outlets.add(str(s["outlet"]), str(s["outlet"])) for s in sources if s.get("outlet")}),
        "src": [_source_row(s, docs) for s in sources],
        "lk": [[str(link.get("relation")), str(link.get("entry"))] for link in _items(entry.get("links"))],
        "pv": _plover_text(entry.get("plover") or {}),
        "ag": _strings(entry.get("agreements")),
        "w": _strings(entry.get("warnings")),
    }


def _who(entry: dict[str, Any], people: _Index) -> list[int]:
    """Indices of the entry's participants in the ``people`` table (each added once)."""
    return sorted({people.add(key, [str(p["name"]), p.get("country") or ""]) for key, p in people_of(entry)})


def _strings(values: Any) -> list[str]:
    return [str(value) for value in _items(values)]


def _persons(values: Any) -> list[Any]:
    return [_person(p) for p in _items(values)]


def _items(values: Any) -> Any:
    """A list field of the entry, or nothing when it is missing or empty."""
    return values or ()


def _when_record(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry's date (EDTF), its precision, whether its sources disagree, and every date told."""
    return {"d": edtf_date(entry.get("start"), entry.get("end")) or "", "p": precision(entry.get("start")) or "undated",
            "c": bool(entry.get("date_conflict")),
            "ds": [edtf_date(d.get("start"), d.get("end")) or "undated" for d in entry.get("dates") or ()]}


def _place_text(place: dict[str, Any]) -> str:
    """``Vientiane (Laos)``; the name or the country alone when only one is known."""
    return " ".join(str(v) for v in (place.get("name"), f"({place['country']})" if place.get("country") else "") if v)


def _plover_text(plover: dict[str, Any]) -> str:
    """``CONSULT / visit``: the PLOVER type and mode that are known."""
    return " / ".join(str(v) for v in (plover.get("type"), plover.get("mode")) if v)


def _source_row(source: dict[str, Any], docs: _Index) -> list[Any]:
    """``[document index, evidence text]``; a document not among the report's is added by its id."""
    number = docs.add(str(source.get("doc_id")), ["", source.get("outlet") or "", source.get("source") or "", "", ""])
    return [number, str((source.get("evidence") or {}).get("text", ""))]


def client_data(data: ReportData) -> tuple[dict[str, Any], dict[str, int]]:
    """The JSON the page's script reads (entries in timeline order, lookup tables), and the
    index of each participant key in its ``people`` table (the network's nodes point there)."""
    docs, people, outlets = _Index(), _Index(), _Index()
    for doc in data.documents:
        docs.add(doc.id, _doc_record(doc))
    for outlet in _outlets(data):
        outlets.add(outlet, outlet)
    records = [_entry_record(entry, docs, people, outlets) for entry in data.entries]
    order = sorted(range(len(people.items)), key=lambda n: people.items[n][0].casefold())
    client = {"entries": records, "docs": docs.items, "people": people.items, "peopleOrder": order,
              "outlets": outlets.items}
    return client, people.keys
