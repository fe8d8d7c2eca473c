"""The event record: who did what with whom, where, when, and the sentence that proves it.

Frozen attrs classes with plain-JSON ``to_dict``/``from_dict`` so that events can be
written as JSONL/CSV, hashed, merged into a timeline and read back without loss.
"""

from __future__ import annotations

import hashlib
from typing import Any

import attrs

EVENT_TYPES: tuple[str, ...] = (
    "visit", "meeting", "call", "agreement", "aid", "award", "commemoration", "exercise", "statement", "other",
)
STATUSES: tuple[str, ...] = ("occurred", "ongoing", "planned", "invited", "cancelled")


def _one_of(choices: tuple[str, ...]) -> Any:
    def check(_instance: Any, attribute: Any, value: str) -> None:
        if value not in choices:
            raise ValueError(f"{attribute.name} must be one of {choices}, not {value!r}")

    return check


@attrs.frozen(slots=True)
class Participant:
    """A person, organisation or (when no one is named) a state taking part in an event.

    ``role`` is the office held on the event's date (from the gazetteer), not the one
    the article happens to print; ``id`` is a Wikidata QID where the gazetteer has one.
    """

    name: str
    country: str | None = None
    role: str | None = None
    id: str | None = None
    kind: str = "person"
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "role": self.role, "id": self.id, "kind": self.kind,
                "key": self.key}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Participant:
        return cls(name=data["name"], country=data.get("country"), role=data.get("role"), id=data.get("id"),
                   kind=data.get("kind", "person"), key=data.get("key") or data["name"])


@attrs.frozen(slots=True)
class Place:
    name: str
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Place | None:
        return None if data is None else cls(name=data["name"], country=data.get("country"))


@attrs.frozen(slots=True)
class Evidence:
    """The sentence that proves the event: ``doc.text[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(text=data["text"], start=data["start"], end=data["end"])


def event_id(doc_id: str, event_type: str, evidence_start: int, trigger: str) -> str:
    """Stable id: hash of document id, type, evidence offset and trigger phrase."""
    key = f"{doc_id}\x1f{event_type}\x1f{evidence_start}\x1f{trigger}"
    return "ev_" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


def precision(value: str | None) -> str | None:
    """How precise an event date is: ``day``, ``month``, ``year``, ``day-no-year``, ``month-no-year``."""
    if not value:
        return None
    if value.startswith("--"):
        return "day-no-year" if len(value) >= 7 else "month-no-year"
    return {4: "year", 7: "month"}.get(len(value), "day")


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if value is not None else ()


@attrs.frozen(slots=True)
class Event:
    """One event as one document tells it. The timeline merges events across documents."""

    type: str = attrs.field(validator=_one_of(EVENT_TYPES))
    doc_id: str
    evidence: Evidence
    actors: tuple[Participant, ...] = attrs.field(default=(), converter=_tuple)
    counterparts: tuple[Participant, ...] = attrs.field(default=(), converter=_tuple)
    countries: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    place: Place | None = None
    start: str | None = None
    end: str | None = None
    outlet: str | None = None
    source: str | None = None
    agreements: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    status: str = attrs.field(default="occurred", validator=_one_of(STATUSES))
    plover: dict[str, str | None] = attrs.field(factory=dict, hash=False)
    confidence: float = 0.5
    trigger: str = ""
    date_basis: str | None = None
    within: str | None = None
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    id: str = ""
    in_scope: bool = True

    def __attrs_post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", event_id(self.doc_id, self.type, self.evidence.start, self.trigger))

    @property
    def participants(self) -> tuple[Participant, ...]:
        return self.actors + self.counterparts

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "start": self.start,
            "end": self.end,
            "actors": [p.to_dict() for p in self.actors],
            "counterparts": [p.to_dict() for p in self.counterparts],
            "countries": list(self.countries),
            "place": self.place.to_dict() if self.place else None,
            "agreements": list(self.agreements),
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "source": self.source,
            "evidence": self.evidence.to_dict(),
            "plover": dict(self.plover),
            "confidence": self.confidence,
            "trigger": self.trigger,
            "date_basis": self.date_basis,
            "within": self.within,
            "warnings": list(self.warnings),
            "in_scope": self.in_scope,
            "precision": precision(self.start),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=data.get("id", ""),
            type=data["type"],
            status=data.get("status", "occurred"),
            start=data.get("start"),
            end=data.get("end"),
            actors=[Participant.from_dict(p) for p in data.get("actors", ())],
            counterparts=[Participant.from_dict(p) for p in data.get("counterparts", ())],
            countries=data.get("countries", ()),
            place=Place.from_dict(data.get("place")),
            agreements=data.get("agreements", ()),
            doc_id=data["doc_id"],
            outlet=data.get("outlet"),
            source=data.get("source"),
            evidence=Evidence.from_dict(data["evidence"]),
            plover=dict(data.get("plover") or {}),
            confidence=data.get("confidence", 0.5),
            trigger=data.get("trigger", ""),
            date_basis=data.get("date_basis"),
            within=data.get("within"),
            warnings=data.get("warnings", ()),
            in_scope=data.get("in_scope", True),
        )
