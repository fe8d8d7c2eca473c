"""Repeated paragraphs inside one document, through the core's own cleaning rule.

The parser already drops them (``laoru.clean.drop_repeated_paragraphs``); dedup applies the
same function again because documents may also come from JSONL or other tools, and a body
that lists its article twice must hash like the one that lists it once.
"""

from __future__ import annotations

from ..clean import drop_repeated_paragraphs
from ..model import Document


def dedup_paragraphs(doc: Document) -> Document:
    """``doc`` with repeated paragraphs removed (first kept) and a warning naming how many."""
    kept, dropped = drop_repeated_paragraphs(doc.paragraphs)
    if not dropped:
        return doc
    warning = f"{dropped} repeated paragraph(s) removed (first copy kept)"
    return doc.evolve(paragraphs=tuple(kept), warnings=(*doc.warnings, warning))


def body_and_whole(doc: Document) -> tuple[str, bool]:
    """:func:`body_without_repeats` and whether it is the whole ``doc.text`` (nothing dropped)."""
    if doc.parser is not None:
        return doc.text, True
    kept, dropped = drop_repeated_paragraphs(doc.paragraphs)
    return "\n\n".join(p.text for p in kept), not dropped


def body_without_repeats(doc: Document) -> str:
    """The body text dedup compares: paragraphs joined, repeats left out.

    A document made by a laoru parser (``doc.parser`` set) already had its repeats removed
    at parse time, so the (per-paragraph, NFKC-based) check is not run twice.
    """
    return body_and_whole(doc)[0]
