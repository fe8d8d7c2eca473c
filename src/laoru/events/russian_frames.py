"""Russian constructions a frame needs beyond "subject before the verb".

Russian puts the agent of a visit after the noun, in the genitive ("первый визит лаосского
премьера в Россию", "визит господина Сипхандона во Владивосток"), names the visitor of a
relative clause before it ("… с лидером Лаоса Тхонглуном Сисулитом, который прибыл в Москву"),
and marks a visit's destination with "в/во" + accusative, after other places and adjectives
("визит лаосского премьера в Россию": Laos is the visitor's, Russia the destination).
"""

from __future__ import annotations

import re

from laoru.events.gazetteer import Entity
from laoru.events.lexicon import Trigger
from laoru.events.matcher import PhraseMatch
from laoru.events.russian import governs, is_future, is_infinitive, is_modifier

Mention = PhraseMatch[Entity]

# ", который прибыл": a relative clause running to the trigger (no other comma or semicolon)
_RELATIVE = re.compile(r",\s*(?:котор\w+|who)\s+[^,;]*$", re.I)
_ANTECEDENT_GAP = re.compile(r"^[\s»”\"')]*$")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_DESTINATION = re.compile(r"(?:^|\s)(?:в|во)\s+$", re.I)
_AGENT_WORDS = 5


def relative_antecedent(text: str, trigger: PhraseMatch[Trigger], people: list[Mention]) -> list[Entity]:
    """The person a relative clause before ``trigger`` is about: the one named right before its
    comma ("… Тхонглуном Сисулитом, который прибыл в Москву"), when the clause names no one."""
    clause = _RELATIVE.search(text, 0, trigger.start)
    if clause is None or any(clause.start() <= m.start < trigger.start for m in people):
        return []
    before = [m for m in people if m.end <= clause.start() and _ANTECEDENT_GAP.match(text[m.end:clause.start()])]
    return [before[-1].value] if before else []


def agent_span(text: str, trigger: PhraseMatch[Trigger]) -> tuple[int, int] | None:
    """Where a visit noun's genitive agent is printed: the genitive words (and names) right
    after "визит" up to a preposition or punctuation ("визит | лаосского премьера | в Россию")."""
    if trigger.value.type != "visit" or not trigger.phrase.lower().startswith("визит"):
        return None
    end = trigger.end
    words = 0
    for word in _WORD.finditer(text, trigger.end):
        if text[end:word.start()].strip() or words == _AGENT_WORDS:
            break
        if not (word.group()[:1].isupper() or is_modifier(word.group().lower())):
            break
        end = word.end()
        words += 1
    return (trigger.end, end) if words else None


def destination(text: str, trigger: PhraseMatch[Trigger], places: list[Mention], segment_end: int) -> list[Mention]:
    """A visit's destination: a place printed after "в"/"во", after the trigger or inside it
    ("прибыл в Москву с визитом", "визит … в Россию"), else before it in the clause ("В июле в
    Москву с визитом приезжал …"), else the first place inside or after it ("посетить Лаос с визитом")."""
    marked = [m for m in places if m.start < segment_end and _DESTINATION.search(text[max(0, m.start - 6):m.start])]
    after = [m for m in marked if m.start >= trigger.start]
    clause_start = max(text.rfind(",", 0, trigger.start), text.rfind(";", 0, trigger.start), 0)
    before = [m for m in marked if clause_start <= m.start < trigger.start][-1:]
    return after or before or [m for m in places if trigger.start <= m.start < segment_end][:1]


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")


def infinitive(text: str, trigger: PhraseMatch[Trigger]) -> bool:
    """A trigger verb in the future tense or the infinitive, or a noun trigger after an infinitive ("поручить … провести
    переговоры … подписать", "приглашение посетить Лаос"), tells an act to come, not one that
    happened, when a verb before it governs it: a decree's own infinitive («За … вклад …
    наградить орденом …») is the act the decree makes."""
    words = _WORD.findall(trigger.phrase.lower())
    before = _WORD_BEFORE.search(text, max(0, trigger.start - 30), trigger.start)
    if before is not None and is_infinitive(before.group(1).lower()):
        return True
    if words and is_future(words[0]):  # "Президент Лаоса приедет в Москву": a verb in the future tense
        return True
    if not (words and is_infinitive(words[0])):
        return False
    return any(governs(w.lower()) for w in _WORD.findall(text[:trigger.start]))
