"""Events in Lao–Russian relations (visits, talks, calls, agreements, aid, awards,
commemorations, exercises), each with the sentence that proves it.

>>> from laoru.events import extract_events
>>> events = extract_events(doc)  # doctest: +SKIP
"""

from laoru.events.extract import EventExtractor, NoLexiconWarning, extract_events
from laoru.events.gazetteer import Entity, Gazetteer, default_gazetteer, register_entries
from laoru.events.model import EVENT_TYPES, STATUSES, Event, Evidence, Participant, Place
from laoru.events.plover import PLOVER, plover_for

__all__ = [
    "EVENT_TYPES", "PLOVER", "STATUSES", "Entity", "Event", "EventExtractor", "Evidence", "Gazetteer",
    "NoLexiconWarning", "Participant", "Place", "default_gazetteer", "extract_events", "plover_for", "register_entries",
]
