"""The timeline drawn as SVG: one lane per event type, one mark per entry.

A day is a dot; a range of days is a bar; a partial date (a month, a year) is a wide pale
band over exactly the days it could be; planned, invited and cancelled entries are outlined
or greyed by CSS classes. Entries without a year sit on a January–December lane of their own,
undated ones in a last lane, so every entry has exactly one mark. Marks carry their span in
``data-a``/``data-b`` (day ordinals) so the page's script can zoom without Python.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from laoru.report.dates import YEARLESS_YEAR, first_of_year, has_year, is_partial, span, year_of

WIDTH = 1000
LEFT = 118
RIGHT = 16
LANE = 34
AXIS = 26
PLOT = WIDTH - LEFT - RIGHT
UNDATED_ROW = 80  # undated marks per row of their lane
YEARLESS_WINDOW = (first_of_year(YEARLESS_YEAR), first_of_year(YEARLESS_YEAR + 1))
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def esc(value: Any) -> str:
    """Text or attribute value, escaped (quotes included)."""
    return html.escape(str(value), quote=True)


def _x(day: float, low: int, high: int) -> float:
    return LEFT + (day - low) / max(high - low, 1) * PLOT


def _range(spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Whole years around every dated span (one year when there is none)."""
    if not spans:
        return first_of_year(2000), first_of_year(2001)
    first = year_of(min(a for a, _ in spans))
    last = year_of(max(b for _, b in spans))
    return first_of_year(first), first_of_year(last + 1)


def _year_ticks(low: int, high: int, top: float, bottom: float) -> list[str]:
    first, last = year_of(low), year_of(high - 1)
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if (last - first) / s <= 16)
    ticks = []
    for year in range(first - first % step, last + 1, step):
        if year < first:
            continue
        x = _x(first_of_year(year), low, high)
        ticks.append(f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}"/>'
                     f'<text class="tick-label" x="{x + 3:.1f}" y="{top - 6}">{year}</text>')
    return ticks


def _month_ticks(top: float, bottom: float) -> list[str]:
    low, high = YEARLESS_WINDOW
    ticks = []
    for month, name in enumerate(MONTHS, start=1):
        x = _x(span(f"--{month:02d}", None)[0], low, high)  # type: ignore[index]
        ticks.append(f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}"/>'
                     f'<text class="tick-label" x="{x + 3:.1f}" y="{bottom - 4}">{name}</text>')
    return ticks


def _shape(covered: tuple[int, int], low: int, high: int, y: float, partial: bool) -> tuple[str, str]:
    """(tag, geometry): a dot for one day, a bar for a range of days, a band for a partial date."""
    a, b = covered
    x0 = _x(a, low, high)
    if a == b and not partial:
        return "circle", f'cx="{x0:.1f}" cy="{y:.1f}" r="5"'
    x1 = _x(b + 1, low, high)
    height = 14 if partial else 8
    return "rect", (f'x="{x0:.1f}" y="{y - height / 2:.1f}" width="{max(x1 - x0, 4):.1f}" height="{height}"'
                    f' rx="{0 if partial else 3}"')


def _mark(number: int, entry: dict[str, Any], covered: tuple[int, int] | None, window: tuple[int, int],
          y: float, slot: int = 0) -> str:
    """One entry's mark with its classes, span (for zooming) and tooltip; ``slot`` places an undated one."""
    partial = is_partial(entry.get("start"))
    kind = "p-partial" if partial else ("p-range" if covered and covered[0] != covered[1] else "p-day")
    classes = f'mark t-{esc(entry.get("type") or "other")} s-{esc(entry.get("status") or "occurred")} {kind}'
    if entry.get("date_conflict"):
        classes += " conflict"
    data = ""
    if covered is None:
        tag, geometry = "rect", f'x="{LEFT + slot * 10:.1f}" y="{y - 4:.1f}" width="8" height="8"'
    else:
        tag, geometry = _shape(covered, *window, y, partial)
        if has_year(entry.get("start")):
            data = f' data-a="{covered[0]}" data-b="{covered[1]}"'
    return f'<{tag} {geometry} class="{classes}" data-i="{number}"{data} tabindex="0"/>'  # tooltip: the script


def _lane_label(y: float, text: str, count: int) -> str:
    return (f'<text class="lane-label" x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{esc(text)}'
            f' <tspan class="lane-count">{count}</tspan></text>'
            f'<line class="lane-line" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')


def _lanes(entries: Sequence[dict[str, Any]], types: Sequence[str]) -> dict[str, list[int]]:
    """Entry numbers per lane: a lane per type for dated entries, then ``no year`` and ``undated``."""
    lanes: dict[str, list[int]] = {t: [] for t in types}
    lanes["no year"], lanes["undated"] = [], []
    for number, entry in enumerate(entries):
        start = entry.get("start")
        covered = span(start, entry.get("end"))
        if covered is None:
            lanes["undated"].append(number)
        elif not has_year(start):
            lanes["no year"].append(number)
        else:
            lanes.setdefault(str(entry.get("type") or "other"), []).append(number)
    return {name: numbers for name, numbers in lanes.items() if numbers}


def render(entries: Sequence[dict[str, Any]], types: Sequence[str]) -> str:
    """The whole timeline ``<svg>``: lanes, axes and one mark per entry."""
    spans = {n: span(e.get("start"), e.get("end")) for n, e in enumerate(entries)}
    dated = [s for n, s in spans.items() if s and has_year(entries[n].get("start"))]
    low, high = _range(dated)
    lanes = _lanes(entries, types)
    rows = {name: 1 + (len(numbers) - 1) // UNDATED_ROW if name == "undated" else 1 for name, numbers in lanes.items()}
    body: list[str] = []
    y = float(AXIS)
    for name, numbers in lanes.items():
        height = LANE * rows[name]
        body.append(_lane_label(y + LANE / 2, name, len(numbers)))
        if name == "no year":
            body.extend(_month_ticks(y + 2, y + height - 2))
        for k, number in enumerate(numbers):
            if name == "undated":
                mark_y = y + LANE / 2 + LANE * (k // UNDATED_ROW)
                body.append(_mark(number, entries[number], None, (low, high), mark_y, slot=k % UNDATED_ROW))
            else:
                window = YEARLESS_WINDOW if name == "no year" else (low, high)
                body.append(_mark(number, entries[number], spans[number], window, y + LANE / 2 + (k % 3 - 1) * 8))
        y += height
    bottom = AXIS + LANE * _dated_lanes(lanes)
    axis = _year_ticks(low, high, AXIS, bottom)
    return (f'<svg id="timeline" class="timeline" viewBox="0 0 {WIDTH} {y + 6:.0f}" role="img"'
            f' aria-label="timeline of {len(entries)} entries" data-low="{low}" data-high="{high}"'
            f' data-left="{LEFT}" data-plot="{PLOT}" data-top="{AXIS}" data-bottom="{bottom}">'
            f'<g class="axis">{"".join(axis)}</g><g class="axis-months off"></g>{"".join(body)}</svg>')


def _dated_lanes(lanes: dict[str, list[int]]) -> int:
    return sum(1 for name in lanes if name not in ("no year", "undated"))
