"""The timeline merges tellings of one event across outlets, and shows what it cannot merge."""

from __future__ import annotations

import io
import json
from pathlib import Path

from laoru import timeline
from laoru.events import extract_events
from laoru.events.evaluate import gold_documents
from laoru.model import Document, Paragraph

ROOT = Path(__file__).resolve().parent.parent
DOCS = gold_documents(ROOT / "tests" / "gold" / "articles.json", ROOT / "examples" / "data")


def _entries(*keys: str) -> list[dict]:
    return timeline.timeline([e for k in keys for e in extract_events(DOCS[k])])


def _names(entry: dict) -> set[str]:
    return {p["name"] for p in entry["actors"] + entry["counterparts"]}


def test_thongloun_visit_from_two_outlets_is_one_entry_citing_both():
    visits = [e for e in _entries("000-wire", "001-kpl")
              if e["type"] == "visit" and e["status"] == "occurred" and "Thongloun Sisoulith" in _names(e)
              and e["place"] and e["place"]["country"] == "RUS" and e["start"]
              and not any(link["relation"] == "within" for link in e["links"])]  # not a stop inside it
    assert len(visits) == 1
    visit = visits[0]
    assert (visit["start"], visit["end"]) == ("2025-07-30", "2025-08-01")
    assert {s["doc_id"] for s in visit["sources"]} == {DOCS["000-wire"].id, DOCS["001-kpl"].id}
    assert not visit["date_conflict"]
    for source in visit["sources"]:
        doc = next(d for d in DOCS.values() if d.id == source["doc_id"])
        ev = source["evidence"]
        assert doc.text[ev["start"]:ev["end"]] == ev["text"]


def test_conflicting_dates_between_sources_are_shown():
    visits = [e for e in _entries("002-vt", "002-lt") if e["type"] == "visit" and len(e["sources"]) > 1]
    assert len(visits) == 1
    assert visits[0]["date_conflict"] is True
    assert {(d["start"], d["end"]) for d in visits[0]["dates"]} == {("2024-05-08", "2024-05-10"),
                                                                   ("--05-07", "--05-11")}


def test_meeting_inside_a_visit_is_a_separate_linked_entry():
    entries = _entries("001-kpl")
    visit = next(e for e in entries if e["type"] == "visit" and e["status"] == "occurred" and e["start"]
                 and not any(link["relation"] == "within" for link in e["links"]))
    stops = [e for e in entries if e["type"] == "visit" and {"relation": "within", "entry": visit["id"]} in e["links"]]
    assert stops and "Herzen University" in stops[0]["sources"][0]["evidence"]["text"]  # a stop, linked
    meetings = [e for e in entries if e["type"] == "meeting" and "Dmitry Medvedev" in _names(e)]
    assert meetings and {"relation": "within", "entry": visit["id"]} in meetings[0]["links"]


def _doc(text: str, published: str, outlet: str) -> Document:
    return Document(outlet=outlet, published=published, paragraphs=[Paragraph(text)])


def test_plan_and_occurrence_are_linked_not_merged():
    plan = _doc("Russian Foreign Minister Sergey Lavrov will visit Laos on July 6-7.", "2026-06-20", "a")
    done = _doc("Russian Foreign Minister Sergey Lavrov visited Laos on July 6-7.", "2026-07-08", "b")
    entries = timeline.timeline([e for d in (plan, done) for e in extract_events(d)])
    visits = [e for e in entries if e["type"] == "visit"]
    assert sorted(e["status"] for e in visits) == ["occurred", "planned"]
    planned = next(e for e in visits if e["status"] == "planned")
    occurred = next(e for e in visits if e["status"] == "occurred")
    assert planned["start"] == occurred["start"] == "2026-07-06"
    assert {"relation": "plan_of", "entry": occurred["id"]} in planned["links"]


def test_different_years_do_not_merge():
    a = _doc("Sergey Lavrov visited Laos on July 6-7.", "2021-07-08", "a")
    b = _doc("Sergey Lavrov visited Laos on July 6-7.", "2024-07-08", "b")
    visits = [e for e in timeline.timeline([e for d in (a, b) for e in extract_events(d)]) if e["type"] == "visit"]
    assert [v["start"] for v in visits] == ["2021-07-06", "2024-07-06"]  # sorted by date


def test_output_formats():
    entries = _entries("000-wire", "001-kpl", "004-kpl")
    for fmt in ("jsonl", "csv", "table"):
        out = io.StringIO()
        assert timeline.write(entries, fmt, out) == len(entries)
    out = io.StringIO()
    timeline.write(entries, "jsonl", out)
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == [e["id"] for e in entries]
    frame = timeline.to_frame(entries)
    assert len(frame) == len(entries) and {"start", "type", "n_sources", "date_conflict"} <= set(frame.columns)
