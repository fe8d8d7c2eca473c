"""Who met whom drawn as SVG: people and organisations, sized by entries, coloured by country.

The graph is :func:`laoru.exports.graph` (the same one the GraphML export writes); its
layout is networkx's spring layout with a fixed seed, so the same timeline always draws the
same picture. Only the most active participants are drawn (``MAX_NODES``); the page says
how many were left out, and the GraphML export has them all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from laoru.report.timeline_svg import esc

WIDTH, HEIGHT, MARGIN, ROW = 1000, 620, 70, 60
MAX_NODES = 80
#: Country colours: Laos and Russia fixed, others from a colour-blind-safe cycle.
FIXED = {"LAO": "#c0392b", "RUS": "#2e6fb7"}
CYCLE = ("#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#7f7f7f", "#8c564b")
NO_COUNTRY = "#b0b0b0"


def colours(countries: Sequence[str]) -> dict[str, str]:
    """A colour per country code: fixed ones first, the others in order of appearance."""
    out = {code: colour for code, colour in FIXED.items() if code in countries}
    others = [c for c in dict.fromkeys(countries) if c and c not in FIXED]
    out.update({code: CYCLE[n % len(CYCLE)] for n, code in enumerate(others)})
    out[""] = NO_COUNTRY
    return out


def _kept(network: Any) -> Any:
    """The ``MAX_NODES`` participants in most entries (ties by name), with the edges among them."""
    ranked = sorted(network.nodes, key=lambda n: (-network.nodes[n]["entries"], str(network.nodes[n]["label"])))
    return network.subgraph(ranked[:MAX_NODES]).copy()


def _positions(network: Any) -> dict[Any, tuple[float, float]]:
    """Spring layout (seeded) of the connected participants; the unconnected in a row below."""
    import networkx as nx

    alone = sorted((n for n in network if network.degree(n) == 0), key=lambda n: str(network.nodes[n]["label"]))
    linked = network.subgraph([n for n in network if network.degree(n) > 0])
    where: dict[Any, tuple[float, float]] = {}
    bottom = HEIGHT - MARGIN / 2 if alone else HEIGHT - MARGIN / 2 + ROW
    if len(linked):
        raw = nx.spring_layout(linked, seed=7, weight="weight", k=1.8 / math.sqrt(len(linked)), iterations=200)
        xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
        span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        height = bottom - ROW - MARGIN / 2
        where = {n: (MARGIN + (p[0] - min(xs)) / span_x * (WIDTH - 2 * MARGIN),
                     MARGIN / 2 + (p[1] - min(ys)) / span_y * height) for n, p in raw.items()}
    step = (WIDTH - 2 * MARGIN) / max(len(alone), 1)
    where.update({n: (MARGIN + step * (k + 0.5), bottom - (k % 2) * 22) for k, n in enumerate(alone)})
    return where


def radius(entries: int) -> float:
    return 4 + 3 * math.sqrt(max(entries, 1))


def _edges(network: Any, where: dict[Any, tuple[float, float]]) -> list[str]:
    out = []
    for a, b, data in network.edges(data=True):
        (x1, y1), (x2, y2) = where[a], where[b]
        width = 1 + 1.5 * math.log2(data.get("weight", 1))
        out.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
                   f' stroke-width="{width:.1f}"><title>{esc(network.nodes[a]["label"])} — '
                   f'{esc(network.nodes[b]["label"])}: {data.get("weight", 1)} shared</title></line>')
    return out


def _nodes(network: Any, where: dict[Any, tuple[float, float]], palette: dict[str, str],
           person_index: dict[str, int]) -> list[str]:
    out = []
    for key, data in network.nodes(data=True):
        x, y = where[key]
        r = radius(data["entries"])
        country = data.get("country") or ""
        label = f'{data["label"]} ({country or "country unknown"}) · {data["entries"]} entries'
        out.append(f'<g class="node" data-person="{person_index.get(key, -1)}" tabindex="0">'
                   f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{palette.get(country, NO_COUNTRY)}"/>'
                   f'<text x="{x:.1f}" y="{y + r + 11:.1f}" text-anchor="middle" dir="auto">{esc(data["label"])}</text>'
                   f'<title>{esc(label)}</title></g>')
    return out


def legend(palette: dict[str, str]) -> str:
    items = [f'<span class="swatch" style="background:{colour}"></span>{esc(code or "unknown")}'
             for code, colour in palette.items()]
    return '<p class="legend">' + " ".join(f"<span>{item}</span>" for item in items) + "</p>"


def render(network: Any, person_index: dict[str, int]) -> str:
    """The network ``<svg>`` and its legend; ``person_index`` maps node keys to the page's person filter."""
    kept = _kept(network)
    where = _positions(kept)
    palette = colours([kept.nodes[n].get("country") or "" for n in kept.nodes])
    left_out = len(network) - len(kept)
    note = (f'<p class="note">{len(kept)} of {len(network)} participants drawn (those in most entries);'
            f' the GraphML export has all of them.</p>' if left_out else "")
    if not len(kept):
        return '<p class="empty">No people or organisations were named in these entries.</p>'
    svg = (f'<svg id="network" class="network" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
           f' aria-label="who met whom: {len(kept)} participants">'
           f'{"".join(_edges(kept, where))}{"".join(_nodes(kept, where, palette, person_index))}</svg>')
    return legend(palette) + note + svg
