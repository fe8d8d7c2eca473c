"""The HTML report: one mark per entry, every string escaped, nothing fetched, bad input
(no events, one event, 5,000 entries, hostile names) rendered safely. What the page does in
a browser is tested in test_report_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import laoru
from laoru import report
from laoru.events.model import Event, Evidence, Participant, Place
from laoru.exports import precision
from laoru.model import Document, Paragraph
from laoru.report.page import json_block

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "data"
sys.path.insert(0, str(ROOT / "benchmarks"))
from _report_corpus import many_entries  # noqa: E402

HOSTILE = ("<script>alert(1)</script>", "Bob \"the 'quote'\" O'Neil", "عبد الله بن زايد", "שר החוץ",
           "</script><script>alert(2)</script>", "<!--", "javascript:alert(3)")


def _data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    assert block, "the data block is missing"
    return json.loads(block.group(1))


def _marks(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'class="mark [^"]*" data-i="(\d+)"', html)]


@pytest.fixture(scope="module")
def seed_report() -> tuple[report.ReportData, str]:
    data = report.collect(laoru.parse_paths([SEEDS]))
    from laoru.report import page

    return data, page.render(data)


def test_the_seed_report_has_one_mark_per_entry(seed_report):
    data, html = seed_report
    assert len(data.entries) >= 5
    assert sorted(_marks(html)) == list(range(len(data.entries)))
    assert len(_data(html)["entries"]) == len(data.entries)


def test_the_seed_report_shows_the_thongloun_visit_with_its_evidence(seed_report):
    """Capture 001 (KPL): President Thongloun's official visit to Russia, 30 July – 1 August 2025."""
    _, html = seed_report
    entries = _data(html)["entries"]
    visits = [e for e in entries if e["t"] == "visit" and e["d"] == "2025-07-30/2025-08-01"]
    # the state visit itself (other visits of the same days, e.g. to Herzen University, are entries of their own)
    assert any(any(p[0] == "Thongloun Sisoulith" for p in visit["a"])
               and any("official visit to the Russian Federation" in quote for _, quote in visit["src"])
               for visit in visits)
    assert "Who met whom" in html and 'id="network"' in html and "Thongloun Sisoulith" in html


def test_partial_and_exact_dates_are_drawn_differently(seed_report):
    data, html = seed_report
    drawn = {int(i): kind for kind, i in re.findall(r'class="mark [^"]*?(p-partial|p-day|p-range)[^"]*"'
                                                    r' data-i="(\d+)"', html)}
    checked = set()
    for number, entry in enumerate(data.entries):
        kind = precision(entry["start"])
        if kind in ("month", "year", "yearless-month"):
            assert drawn[number] == "p-partial", entry["start"]  # the span a month or a year covers
            checked.add("partial")
        elif kind in ("day", "yearless-day") and entry["end"] in (None, entry["start"]):
            assert drawn[number] == "p-day", entry["start"]
            checked.add("day")
    assert checked == {"partial", "day"}


def test_plans_and_cancellations_are_styled_apart(seed_report):
    data, html = seed_report
    statuses = {int(i): s for s, i in re.findall(r'class="mark t-\w+ s-(\w+)[^"]*" data-i="(\d+)"', html)}
    assert {statuses[n] for n in range(len(data.entries))} == {e["status"] for e in data.entries}
    assert ".mark.s-planned, .mark.s-invited" in html and ".mark.s-cancelled" in html


def test_the_page_allows_no_request_and_only_its_own_script(seed_report):
    _, html = seed_report
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src &#x27;none&#x27;" in policy
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"sha256-{digest}" in policy
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing loaded from anywhere
    assert "@import" not in html and "url(http" not in html


def _hostile_documents() -> tuple[list[Document], list[Event]]:
    """Synthetic documents and events (made here, not an outlet's) with names that try to break out."""
    docs, events = [], []
    for number, name in enumerate(HOSTILE):
        text = f"{name} met {HOSTILE[-1 - number]} in Vientiane."
        doc = Document(outlet=f"outlet-{name}", title=name, source=name, url=name if number % 2 else None,
                       published="2024-05-13", paragraphs=[Paragraph(text)], warnings=[name])
        docs.append(doc)
        events.append(Event(type="meeting", doc_id=doc.id, evidence=Evidence(text, 0, len(text)),
                            actors=[Participant(name, country="LAO", role=name, key=name)],
                            counterparts=[Participant(HOSTILE[-1 - number], country=name, key=HOSTILE[-1 - number])],
                            place=Place(name, "LAO"), start=f"2024-05-{number + 1:02d}", outlet=doc.outlet,
                            source=name, status="occurred" if number % 3 else "planned", warnings=[name]))
    return docs, events


def test_hostile_strings_are_escaped_everywhere():
    docs, events = _hostile_documents()
    html = report.build(docs, events=events, title=HOSTILE[0])
    assert html.count("<script") == 2  # the data block and the page's own script
    assert "alert(1)</script>" not in html and "<!--" not in html
    assert "<script>alert" not in html
    assert 'href="javascript' not in html
    data = _data(html)
    names = {p[0] for e in data["entries"] for p in e["a"] + e["k"]}
    assert names == set(HOSTILE)  # every string arrives intact for the script, as data
    assert "عبد الله بن زايد" in html and 'dir="auto"' in html


def test_json_block_cannot_close_its_script():
    text = json_block({"x": "</script><script>alert(1)</script>", "y": "<!-- \u2028 & >"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"x": "</script><script>alert(1)</script>", "y": "<!-- \u2028 & >"}


def test_no_events_renders_an_empty_report():
    html = report.build([])
    assert "No event was found" in html and _marks(html) == []
    assert _data(html)["entries"] == []


def test_one_event_renders_one_mark(seed):
    docs = laoru.parse_path(seed("001"))
    from laoru.events import extract_events

    event = extract_events(docs[0])[0]
    html = report.build(docs, events=[event])
    assert _marks(html) == [0]


def test_five_thousand_entries_render_under_five_megabytes():
    docs, entries = many_entries(5000)
    html = report.build(docs, entries=entries)
    assert sorted(_marks(html)) == list(range(5000))
    assert len(html.encode("utf-8")) < 5_000_000
    assert "80 of" in html  # the network draws the most active participants and says so


def test_the_report_command_writes_the_file_and_reports_bad_inputs(tmp_path):
    bad = tmp_path / "broken.html"
    bad.write_bytes(b"\xff\xfe\x00not a page")
    out = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "laoru", "report", str(SEEDS / "001_eb054365cde1a667.txt"),
                             str(bad), "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr
    assert out.exists() and "Thongloun" in out.read_text(encoding="utf-8")
    assert f"wrote {out}" in result.stderr
    assert result.returncode in (0, 1)
    if result.returncode == 1:
        assert str(bad) in result.stderr
