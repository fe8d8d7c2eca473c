"""The dedup view: each story told by several documents, its canonical document, and who
republished whom (outlet of the canonical document → outlet of each copy)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from laoru.model import Document
from laoru.report.timeline_svg import esc

#: Clusters listed one by one at most; the outlet table always counts them all.
MAX_CLUSTERS = 300


def _doc_line(member: Any, docs: dict[str, Document]) -> str:
    doc = docs.get(member.doc_id)
    title = doc.title if doc and doc.title else "(no title)"
    published = doc.published if doc and doc.published else "date unknown"
    where = member.source or (doc.url if doc else None) or ""
    return (f'<b>{esc(member.outlet)}</b> · <span dir="auto">{esc(title)}</span> · {esc(published)}'
            f' <code class="path">{esc(where)}</code>')


def _cluster(cluster: Any, docs: dict[str, Document]) -> str:
    copies = "".join(
        f'<li><span class="relation">{esc(m.relation)} {m.similarity:.2f}</span> {_doc_line(m, docs)}</li>'
        for m in cluster.duplicates)
    return (f'<details class="cluster"><summary>{len(cluster.members)} documents — canonical: '
            f'{_doc_line(cluster.canonical, docs)}</summary><ul>{copies}</ul></details>')


def republished(clusters: Sequence[Any]) -> Counter[tuple[str, str, str]]:
    """(canonical outlet, copy outlet, relation) → number of copies."""
    pairs: Counter[tuple[str, str, str]] = Counter()
    for cluster in clusters:
        for member in cluster.duplicates:
            pairs[(cluster.canonical.outlet, member.outlet, member.relation)] += 1
    return pairs


def render(clusters: Sequence[Any], documents: Sequence[Document]) -> str:
    multi = [c for c in clusters if len(c.members) > 1]
    if not multi:
        return '<p class="empty">No two documents tell the same story: nothing was republished.</p>'
    docs = {doc.id: doc for doc in documents}
    rows = "".join(f"<tr><td>{esc(a)}</td><td>→</td><td>{esc(b)}</td><td>{esc(rel)}</td><td>{n}</td></tr>"
                   for (a, b, rel), n in sorted(republished(multi).items(), key=lambda kv: (-kv[1], kv[0])))
    table = ('<table class="who-copied"><thead><tr><th>first told by</th><th></th><th>republished by</th>'
             f'<th>relation</th><th>copies</th></tr></thead><tbody>{rows}</tbody></table>')
    listed = sorted(multi, key=lambda c: -len(c.members))[:MAX_CLUSTERS]
    more = (f'<p class="note">{len(listed)} of {len(multi)} clusters listed (the largest).</p>'
            if len(multi) > len(listed) else "")
    return table + more + "".join(_cluster(c, docs) for c in listed)
