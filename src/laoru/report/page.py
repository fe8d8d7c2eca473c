"""The report page: one HTML file with its CSS, data and script inline.

Safety by construction: every Python-side string goes through :func:`esc`; the data the
script reads is JSON in a non-executed ``<script type="application/json">`` block with
``<``, ``>`` and ``&`` escaped; the script writes text only through ``textContent``; and a
Content-Security-Policy allows no request at all and no script but the one whose hash it
names, so even a string that slipped through could neither load nor run anything.
"""

from __future__ import annotations

import base64
import hashlib
import json
from importlib import resources
from typing import Any

from laoru.events.model import EVENT_TYPES, STATUSES
from laoru.report import dedup_view, network_svg, timeline_svg
from laoru.report.data import ReportData, client_data, summary
from laoru.report.timeline_svg import esc

LEGEND = (
    '<p class="legend"><span><svg width="16" height="12"><circle cx="8" cy="6" r="5" class="t-other"/></svg>'
    ' a day</span><span><svg width="30" height="12"><rect x="1" y="2" width="28" height="8" rx="3"'
    ' class="t-other"/></svg> days (a range)</span><span><svg width="30" height="16"><rect x="1" y="1"'
    ' width="28" height="14" class="mark p-partial t-other"/></svg> a month or a year (the span it covers)</span>'
    '<span><svg width="16" height="12"><circle cx="8" cy="6" r="5" class="mark s-planned t-other"/></svg>'
    ' planned or invited</span><span><svg width="16" height="12"><circle cx="8" cy="6" r="5"'
    ' class="mark s-cancelled t-other"/></svg> cancelled</span><span><svg width="16" height="12"><circle'
    ' cx="8" cy="6" r="5" class="mark conflict t-other"/></svg> sources disagree on the date</span></p>')


def _asset(name: str) -> str:
    return resources.files("laoru.report").joinpath("assets").joinpath(name).read_text(encoding="utf-8")


def json_block(value: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``</script>``, no ``<!--``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def _header(data: ReportData) -> str:
    facts = summary(data)
    span = f'{facts["first"]} – {facts["last"]}' if facts["first"] else "no dated entry"
    items = [("documents", facts["documents"]), ("outlets", facts["outlets"]), ("events", facts["events"]),
             ("timeline entries", facts["entries"]), ("dates", span), ("warnings", facts["warnings"]),
             ("duplicate clusters", facts["clusters"])]
    listed = "".join(f'<li><b>{esc(value)}</b> {esc(label)}</li>' for label, value in items)
    return f'<header><h1 dir="auto">{esc(data.title)}</h1><ul class="summary">{listed}</ul></header>'


def _options(name: str, label: str, values: list[tuple[Any, str]]) -> str:
    options = "".join(f'<option value="{esc(v)}">{esc(text)}</option>' for v, text in values)
    return f'<label>{esc(label)} <select name="{name}"><option value="">all</option>{options}</select></label>'


def _filters(types: list[str], client: dict[str, Any]) -> str:
    chips = "".join(f'<label class="chip"><input type="checkbox" name="type" value="{esc(t)}" checked>'
                    f'<svg class="swatch" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" class="t-{esc(t)}"/></svg>'
                    f'{esc(t)}</label>' for t in types)
    people = [(n, client["people"][n][0]) for n in client["peopleOrder"]]
    outlets = list(enumerate(client["outlets"]))
    years = sorted({y for e in client["entries"] for y in e["y"]}, reverse=True)
    statuses = [(s, s) for s in STATUSES if any(e["s"] == s for e in client["entries"])]
    return (f'<form id="filters" class="no-print" autocomplete="off">{chips}'
            f'{_options("person", "person", people)}{_options("outlet", "outlet", outlets)}'
            f'{_options("year", "year (zooms)", [(y, str(y)) for y in years])}'
            f'{_options("status", "status", statuses)}'
            f'<button type="reset">show all</button> <span id="count" aria-live="polite"></span></form>')


def _types(entries: list[dict[str, Any]]) -> list[str]:
    present = {str(e.get("type") or "other") for e in entries}
    return [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES))


def render(data: ReportData) -> str:
    """The whole page as a string."""
    client, person_index = client_data(data)
    types = _types(data.entries)
    script = _asset("report.js")
    from laoru.exports import graph

    timeline = timeline_svg.render(data.entries, types)
    if not data.entries:
        timeline = '<p class="empty">No event was found in these documents.</p>' + timeline
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_csp(script))}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">'
        f'<title>{esc(data.title)} — laoru report</title><style>{_asset("report.css")}</style></head><body>'
        f'{_header(data)}<main>{_filters(types, client)}'
        f'<section id="timeline-section"><h2>Timeline</h2>{LEGEND}{timeline}'
        '<div id="tip" role="tooltip" hidden></div><div id="selected"></div></section>'
        f'<section id="network-section"><h2>Who met whom</h2>'
        '<p class="note">People and organisations; size: entries naming them; a line: an entry that happened'
        ' with both (thicker: more); colour: country. Click a person to filter.</p>'
        f'{network_svg.render(graph(data.entries), person_index)}</section>'
        '<section id="entries-section"><h2>Entries</h2><p class="note">Each entry with its participants, place,'
        ' dates at their precision, and the quote of every source.</p><div id="entries"></div>'
        '<button id="more" type="button" hidden>show more</button>'
        '<noscript><p>The entry list needs JavaScript; the timeline and network above do not.</p></noscript>'
        f'</section><section id="dedup-section"><h2>Duplicates: who republished whom</h2>'
        f'{dedup_view.render(data.clusters, data.documents)}</section></main>'
        f'<script type="application/json" id="report-data">{json_block(client)}</script>'
        f'<script>{script}</script></body></html>\n')
