"""Who and where: people, organisations, states and places with aliases in English,
Russian and Lao, and the offices people held over date ranges.

Actors only ever come from here, so a byline, a photographer or an editor can never
become a participant unless someone deliberately adds them. Plugins extend the
gazetteer with :func:`register_entries` (or by passing extra entries to
:class:`Gazetteer`), e.g. a provincial governor an outlet mentions often.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick
import attrs

from laoru.events.matcher import PhraseMatch, PhraseMatcher, fold
from laoru.events.model import Participant, Place
from laoru.events.russian import case_forms

KINDS = ("person", "org", "country", "place")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_SURNAME_MIN = 5


@attrs.frozen(slots=True)
class Role:
    title: str
    start: str | None = None
    end: str | None = None

    def covers(self, when: str | None) -> bool:
        """Does the role cover ``when`` (an ISO date of any precision)? Yearless → unknown → False."""
        if not when or when.startswith("--"):
            return False
        lo = when.ljust(10, "0") if len(when) < 10 else when[:10]
        hi = when[:10] if len(when) >= 10 else (when + "-12-31")[:10] if len(when) == 4 else when + "-31"
        if self.start and hi < self.start:
            return False
        return not (self.end and lo >= self.end)


@attrs.frozen(slots=True)
class Entity:
    id: str
    name: str
    kind: str
    country: str | None = None
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    affiliations: tuple[str, ...] = ()

    def role_on(self, when: str | None) -> str | None:
        """The office held on ``when``: the latest-starting role covering it, else None."""
        covering = [r for r in self.roles if r.covers(when)]
        if not covering:
            return None
        return max(covering, key=lambda r: r.start or "").title

    def participant(self, when: str | None) -> Participant:
        return Participant(name=self.name, country=self.country, role=self.role_on(when), id=self.qid,
                           kind=self.kind, key=self.id)

    def as_place(self) -> Place:
        return Place(name=self.name, country=self.country)


def _listed_names(data: Mapping[str, Any]) -> list[str]:
    """The entry's name and its aliases (a list, or a mapping language → list), name first."""
    aliases = data.get("aliases") or {}
    names = [a for lang in aliases.values() for a in lang] if isinstance(aliases, Mapping) else list(aliases)
    if data["name"] not in names:
        names.insert(0, data["name"])
    return names


def _russian_forms(names: list[str]) -> list[str]:
    """What Russian case endings make of the names: the stem of a final -й (Салеумсай →
    Салеумсаем keeps "Салеумса"), and every case of a name of several Cyrillic words
    ("Тхонглуном Сисулитом")."""
    stems = [n[:-1] for n in names if n.endswith("й") and len(n) >= 6 and "\u0400" <= n[-1] <= "\u04ff"]
    declined = [form for n in [*names, *stems] if " " in n and _CYRILLIC.search(n) for form in case_forms(n)]
    return stems + declined


def _kind(data: Mapping[str, Any]) -> str:
    kind = data.get("kind", "person")
    if kind not in KINDS:
        raise ValueError(f"gazetteer kind must be one of {KINDS}, not {kind!r}")
    return str(kind)


def entity_from_dict(data: Mapping[str, Any]) -> Entity:
    """An :class:`Entity` from one gazetteer entry (the shape of ``data/gazetteer.json``)."""
    names = _listed_names(data)
    names += _russian_forms(names)
    return Entity(
        id=data.get("id") or data["name"],
        name=data["name"],
        kind=_kind(data),
        country=data.get("country"),
        qid=data.get("qid"),
        aliases=tuple(dict.fromkeys(names)),
        roles=tuple(Role(r["role"], r.get("from"), r.get("to")) for r in data.get("roles", ())),
        affiliations=tuple(data.get("affiliations", ())),
    )


def surname_aliases(entities: Iterable[Entity]) -> list[tuple[str, Entity]]:
    """Each person's surname alone ("Chanyalath", "Сисулит"), when no other entity shares it
    and no entity has it as an alias already: back-references by surname resolve to that person."""
    owners: Counter[str] = Counter()
    taken: set[str] = set()
    candidates: dict[str, tuple[str, Entity]] = {}
    for entity in entities:
        taken.update(a.lower() for a in entity.aliases)
        if entity.kind != "person":
            continue
        for alias in entity.aliases:
            words = alias.split()
            if len(words) >= 2 and len(words[-1]) >= _SURNAME_MIN and words[-1][:1].isupper():
                key = words[-1].lower()
                if candidates.get(key, (None, entity))[1] is not entity:
                    owners[key] += 1
                candidates.setdefault(key, (words[-1], entity))
    return [(name, entity) for key, (name, entity) in candidates.items() if not owners[key] and key not in taken]


_EXTRA: list[dict[str, Any]] = []


def register_entries(entries: Iterable[Mapping[str, Any]]) -> None:
    """Add gazetteer entries (same shape as ``data/gazetteer.json``) for every later load."""
    _EXTRA.extend(dict(e) for e in entries)
    default_gazetteer.cache_clear()


class Gazetteer:
    """All entities and one automaton over all their aliases."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: dict[str, Entity] = {}
        for entity in entities:
            self.entities[entity.id] = entity  # later entries (plugins) override bundled ones
        self._matcher: PhraseMatcher[Entity] = PhraseMatcher(
            [(alias, entity) for entity in self.entities.values() for alias in entity.aliases]
            + surname_aliases(self.entities.values())
        )
        self._states: dict[str, Entity] = {}
        for entity in self.entities.values():
            if entity.kind == "country" and entity.country:
                self._states.setdefault(entity.country, entity)
        self._sides = ahocorasick.Automaton()
        sides: dict[str, int] = {}
        for entity in self.entities.values():
            side = 1 if entity.country == "LAO" else 2 if entity.country in ("RUS", "SUN") else 0
            for alias in entity.aliases if side else ():
                key = fold(" ".join(alias.split()))
                if key:
                    sides[key] = sides.get(key, 0) | side
        for key, side in sides.items():
            self._sides.add_word(key, side)
        if sides:
            self._sides.make_automaton()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], extra: Iterable[Mapping[str, Any]] = ()) -> Gazetteer:
        return cls([entity_from_dict(e) for e in [*data["entities"], *extra]])

    def find(self, text: str, folded: str | None = None) -> list[PhraseMatch[Entity]]:
        return self._matcher.find(text, folded)

    @property
    def matcher(self) -> PhraseMatcher[Entity]:
        return self._matcher

    def names_both_sides(self, folded: str) -> bool:
        """Cheap pre-check on case-folded text: is anything Lao and anything Russian/Soviet named?

        Raw automaton hits (no boundary checks) over-approximate real mentions, so a ``False``
        here means no sentence of the text can hold a Lao–Russian event.
        """
        seen = 0
        if self._sides.kind != ahocorasick.AHOCORASICK:
            return False
        for _end, side in self._sides.iter(folded):
            seen |= side
            if seen == 3:
                return True
        return False

    def country(self, code: str) -> Entity | None:
        """The state entity of an ISO code (the first listed), if the gazetteer has one."""
        return self._states.get(code)

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)


def bundled_data() -> dict[str, Any]:
    with resources.files("laoru.events").joinpath("data/gazetteer.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer plus every registered plugin entry (cached)."""
    return Gazetteer.from_data(bundled_data(), _EXTRA)
