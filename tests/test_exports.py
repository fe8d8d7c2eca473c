"""The timeline in other tools' formats: GraphML read back by networkx, EDTF dates read back
by the ``edtf`` package, TimelineJS3 and PLOVER-style JSON, from the seed articles' timeline."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laoru import exports, timeline
from laoru.events import extract_events
from laoru.events.evaluate import gold_documents
from laoru.report.dates import span

ROOT = Path(__file__).resolve().parent.parent
DOCS = gold_documents(ROOT / "tests" / "gold" / "articles.json", ROOT / "examples" / "data")
ENTRIES = timeline.timeline(e for doc in DOCS.values() for e in extract_events(doc))
edtf = pytest.importorskip("edtf")


def test_the_seed_timeline_has_entries_to_export():
    assert len(ENTRIES) >= 5
    assert any(e["type"] == "visit" for e in ENTRIES)


def test_graphml_round_trips_through_networkx():
    built = timeline.graph(ENTRIES)
    read = nx.read_graphml(io.BytesIO(timeline.graphml(ENTRIES).encode("utf-8")))
    assert set(read.nodes) == set(built.nodes) and len(read) >= 2
    assert {frozenset(e) for e in read.edges} == {frozenset(e) for e in built.edges}
    for node, data in built.nodes(data=True):
        assert read.nodes[node] == data
    for a, b, data in built.edges(data=True):
        assert read.edges[a, b] == data


def test_the_who_met_whom_graph_joins_thongloun_and_putin():
    """Capture 000/001: President Thongloun's 2025 visit, talks with Putin."""
    network = timeline.graph(ENTRIES)
    labels = {data["label"]: node for node, data in network.nodes(data=True)}
    thongloun, putin = labels["Thongloun Sisoulith"], labels["Vladimir Putin"]
    assert network.has_edge(thongloun, putin)
    assert network.nodes[thongloun]["country"] == "LAO" and network.nodes[putin]["country"] == "RUS"
    assert network.edges[thongloun, putin]["weight"] >= 1


def test_planned_entries_are_nodes_but_never_edges():
    planned = {"id": "tl_plan", "type": "visit", "status": "planned", "sources": [],
               "actors": [{"name": "Sonexay Siphandone", "country": "LAO", "kind": "person"}],
               "counterparts": [{"name": "Mikhail Mishustin", "country": "RUS", "kind": "person"}]}
    network = timeline.graph([planned])
    assert set(network.nodes) == {"Sonexay Siphandone", "Mikhail Mishustin"}
    assert network.number_of_edges() == 0


def test_every_exported_edtf_date_parses_and_keeps_its_precision():
    rows = timeline.edtf_records(ENTRIES)
    assert len(rows) == len(ENTRIES)
    values = [r["edtf"] for r in rows if r["edtf"]] + [v for r in rows for v in r["sources_edtf"] if v]
    assert values
    for value in values:
        assert str(edtf.parse_edtf(value)) == value


def test_the_vientiane_times_laotian_times_conflict_is_exported_in_edtf():
    """Captures 002 (Vientiane Times / Laotian Times): 8-10 May 2024 against a yearless 7-11 May."""
    entries = timeline.timeline(e for k in ("002-vt", "002-lt") for e in extract_events(DOCS[k]))
    rows = [r for r in timeline.edtf_records(entries) if r["date_conflict"]]
    assert rows
    assert set(rows[0]["sources_edtf"]) == {"2024-05-08/2024-05-10", "XXXX-05-07/XXXX-05-11"}
    for value in rows[0]["sources_edtf"]:
        assert str(edtf.parse_edtf(value)) == value


_year = st.integers(1950, 2030)
_month = st.integers(1, 12)
_day = st.integers(1, 28)
_dates = st.one_of(
    _year.map(str),
    st.tuples(_year, _month).map(lambda t: f"{t[0]:04d}-{t[1]:02d}"),
    st.tuples(_year, _month, _day).map(lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"),
)


@given(_dates)
@settings(deadline=None)  # a time limit is not what this checks (it failed under load)
def test_edtf_bounds_are_the_span_the_report_draws(value):
    """Two readings of one partial date agree: the edtf package's bounds and the report's span."""
    import datetime as dt

    parsed = edtf.parse_edtf(exports.edtf_date(value))
    low, high = span(value, None)
    assert dt.date(*parsed.lower_strict()[:3]).toordinal() == low
    assert dt.date(*parsed.upper_strict()[:3]).toordinal() == high


@given(st.tuples(_month, _day).map(lambda t: f"--{t[0]:02d}-{t[1]:02d}"))
def test_yearless_days_are_edtf_unspecified_years(value):
    converted = exports.edtf_date(value)
    assert converted == "XXXX" + value[1:]
    assert str(edtf.parse_edtf(converted)) == converted


def test_timelinejs_has_one_slide_per_entry_with_a_year():
    data = timeline.timelinejs(ENTRIES)
    with_year = [e for e in ENTRIES if e["start"] and not e["start"].startswith("--")]
    assert len(data["events"]) == len(with_year)
    assert data["skipped"] == len(ENTRIES) - len(with_year)
    visit = next(s for s in data["events"] if s["group"] == "visit" and "Thongloun" in s["text"]["headline"])
    assert set(visit["start_date"]) <= {"year", "month", "day"} and visit["start_date"]["year"].isdigit()
    assert "<em>" in visit["text"]["text"]  # the outlet of each quote


def test_timelinejs_escapes_html_in_names_and_quotes():
    entry = {"id": "tl_x", "type": "meeting", "status": "occurred", "start": "2025-03-01",
             "actors": [{"name": "<script>alert(1)</script>", "kind": "person"}], "counterparts": [],
             "sources": [{"outlet": "x\"y", "evidence": {"text": "<img src=x onerror=alert(1)>"}}]}
    slide = timeline.timelinejs([entry])["events"][0]
    assert "<script>" not in slide["text"]["headline"] and "&lt;script&gt;" in slide["text"]["headline"]
    assert "<img" not in slide["text"]["text"] and "&lt;img" in slide["text"]["text"]


def test_plover_records_code_the_visit_and_its_actors():
    records = timeline.plover_records(ENTRIES)
    assert len(records) == len(ENTRIES)
    visit = next(r for r in records if r["laoru_type"] == "visit" and r["laoru_status"] == "occurred"
                 and any(a["actor_text"] == "Vladimir Putin" for a in r["recipient"]))  # capture 001, 2025 visit
    assert visit["event"] == ["CONSULT"] and visit["mode"] == "visit" and visit["quad_code"] == 1
    assert {a["code"] for a in visit["source"]} == {"LAO"} and {a["code"] for a in visit["recipient"]} == {"RUS"}
    assert visit["event_text"] and all(isinstance(t, str) and t for t in visit["event_text"])


@pytest.mark.parametrize(("status", "expected"), [("planned", ["AGREE"]), ("invited", ["AGREE"]),
                                                  ("cancelled", []), ("occurred", ["CONSULT"])])
def test_plover_codes_intentions_as_agree_and_cancellations_not_at_all(status, expected):
    record = exports.plover_record({"id": "tl", "type": "meeting", "status": status, "start": None})
    assert record["event"] == expected and record["has_event"] is bool(expected)


@pytest.mark.parametrize("fmt", exports.EXPORT_FORMATS)
def test_the_timeline_command_writes_each_export(fmt, tmp_path):
    out = tmp_path / f"out.{fmt}"
    result = subprocess.run([sys.executable, "-m", "laoru", "timeline", str(ROOT / "examples" / "data"),
                             "--format", fmt, "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    if fmt == "graphml":
        assert len(nx.read_graphml(out)) >= 2
    elif fmt == "timelinejs":
        assert json.loads(text)["events"]
    elif fmt == "edtf":
        assert text.splitlines()[0].startswith("id,edtf,start,end,precision")
    else:
        assert all(json.loads(line)["id"] for line in text.splitlines())
