"""The normalised article every plugin produces and every downstream helper reads.

The model is frozen so that a Document can be hashed, cached and shared between
threads or worker processes without copies; ``to_dict``/``from_dict`` use plain
JSON types only so that any output format (JSONL, CSV, Parquet) is a thin layer.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

import attrs

ParagraphKind = Literal["text", "heading", "quote", "list"]
PARAGRAPH_KINDS: tuple[str, ...] = ("text", "heading", "quote", "list")


def _check_kind(_instance: Any, _attribute: Any, value: str) -> None:
    if value not in PARAGRAPH_KINDS:
        raise ValueError(f"paragraph kind must be one of {PARAGRAPH_KINDS}, not {value!r}")


@attrs.frozen(slots=True)
class Paragraph:
    """One block of body text; ``kind`` keeps headings and quotes apart from prose."""

    text: str
    kind: str = attrs.field(default="text", validator=_check_kind)

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Paragraph:
        return cls(text=data["text"], kind=data.get("kind", "text"))


@attrs.frozen(slots=True)
class Dateline:
    """The place/date prefix of a wire story (``VIENTIANE, May 23``), as printed.

    ``date`` is kept as the page prints it; the resolved date lives in
    ``Document.published`` or in events, never here.
    """

    place: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"place": self.place, "date": self.date}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Dateline | None:
        if data is None:
            return None
        return cls(place=data.get("place"), date=data.get("date"))


@attrs.frozen(slots=True)
class Related:
    """An entry of an outlet's related-news list: kept, but never as body text."""

    title: str
    url: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"title": self.title, "url": self.url, "published": self.published}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Related:
        return cls(title=data["title"], url=data.get("url"), published=data.get("published"))


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if value is not None else ()


def document_id(outlet: str, locator: str | None, title: str | None, published: str | None) -> str:
    """Stable id: the same article from the same place always gets the same id."""
    key = "\x1f".join([outlet, locator or "", title or "", published or ""])
    return hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()


@attrs.frozen(slots=True)
class Document:
    """One article, cleaned. Every field is optional except ``outlet``.

    ``published``/``modified`` are ISO 8601 strings at the precision the page gives
    (``2025-08-03T11:00:00+07:00``, ``2024-05-13``, ``2024-05``): a value missing on the
    page is never filled from today's date.
    """

    outlet: str
    source: str | None = None
    url: str | None = None
    language: str | None = None
    title: str | None = None
    subtitle: str | None = None
    published: str | None = None
    modified: str | None = None
    dateline: Dateline | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=(), converter=_tuple)
    captions: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    related: tuple[Related, ...] = attrs.field(default=(), converter=_tuple)
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    metadata: dict[str, Any] = attrs.field(factory=dict, hash=False)
    parser: str | None = None
    id: str = attrs.field(default="")

    def __attrs_post_init__(self) -> None:
        if not self.id:
            object.__setattr__(
                self, "id", document_id(self.outlet, self.url or self.source, self.title, self.published)
            )

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by a blank line."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def evolve(self, **changes: Any) -> Document:
        """A copy with ``changes``; the id is kept unless given."""
        return attrs.evolve(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "source": self.source,
            "url": self.url,
            "language": self.language,
            "title": self.title,
            "subtitle": self.subtitle,
            "published": self.published,
            "modified": self.modified,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "authors": list(self.authors),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "text": self.text,
            "captions": list(self.captions),
            "tags": list(self.tags),
            "related": [r.to_dict() for r in self.related],
            "warnings": list(self.warnings),
            "metadata": dict(self.metadata),
            "parser": self.parser,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            id=data.get("id", ""),
            outlet=data["outlet"],
            source=data.get("source"),
            url=data.get("url"),
            language=data.get("language"),
            title=data.get("title"),
            subtitle=data.get("subtitle"),
            published=data.get("published"),
            modified=data.get("modified"),
            dateline=Dateline.from_dict(data.get("dateline")),
            authors=data.get("authors", ()),
            paragraphs=[Paragraph.from_dict(p) for p in data.get("paragraphs", ())],
            captions=data.get("captions", ()),
            tags=data.get("tags", ()),
            related=[Related.from_dict(r) for r in data.get("related", ())],
            warnings=data.get("warnings", ()),
            metadata=dict(data.get("metadata") or {}),
            parser=data.get("parser"),
        )
