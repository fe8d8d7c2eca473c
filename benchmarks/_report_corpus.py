"""Many timeline entries from real text, for the report's size/speed benchmark and its
large-input test: the seed articles' events, repeated with shifted years and participants
renamed per copy (``Thongloun Sisoulith #3``) so that copies do not merge. Each copy keeps
the seed's real evidence sentence, outlet and source.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from laoru import timeline
from laoru.events import extract_events
from laoru.events.evaluate import gold_documents
from laoru.model import Document

ROOT = Path(__file__).resolve().parent.parent


def seed_documents() -> list[Document]:
    return list(gold_documents(ROOT / "tests" / "gold" / "articles.json", ROOT / "examples" / "data").values())


def _shift(value: str | None, years: int) -> str | None:
    if not value or value.startswith("--"):
        return value
    return f"{int(value[:4]) + years:04d}{value[4:]}"


def _renamed(people: tuple, copy: int) -> tuple:
    return tuple(attrs.evolve(p, name=f"{p.name} #{copy}", key=f"{p.key or p.name}#{copy}") for p in people)


def many_entries(count: int) -> tuple[list[Document], list[dict]]:
    """(seed documents, ``count`` timeline entries) made from the seeds' events."""
    docs = seed_documents()
    events = [e for doc in docs for e in extract_events(doc)]
    entries: list[dict] = []
    copy = 0
    while len(entries) < count and events:
        copies = [attrs.evolve(e, id=f"{e.id}-{copy}", start=_shift(e.start, -(copy % 30)),
                               end=_shift(e.end, -(copy % 30)), actors=_renamed(e.actors, copy),
                               counterparts=_renamed(e.counterparts, copy)) for e in events]
        entries.extend(timeline.timeline(copies))
        copy += 1
    return docs, entries[:count]
