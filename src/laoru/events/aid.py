"""Who gives and who receives in a transfer (aid), and whom a statement is for: the roles of a
verb, not word order.

* "X delivered/provided/presented … to Y": X gives, Y (a state, a body or a person after
  "to", "to the population of") receives;
* "Y (has) received … from X" and "… was provided by X": the giver stands after "from"/"by",
  the receiver before the verb;
* no receiver named at all ("the Russian government has allocated USD 12 million for …"):
  in a document about the two sides, a gift of one side goes to the other.

A transfer with no place of its own happens where it is received (the place is the
receiver's country), never at the dateline of the agency that reports it.
"""

from __future__ import annotations

import re

from laoru.events.gazetteer import Entity
from laoru.events.matcher import PhraseMatch

Mention = PhraseMatch[Entity]

_TO = re.compile(r"\b(?:to|для|в)\s+(?:the\s+)?(?:(?:people|population|government|side)\s+of\s+(?:the\s+)?)?$", re.I)
_ADDRESSEE = re.compile(r"\b(?:to|for)\s+(?:the\s+)?(?:friendly\s+|brotherly\s+)?$", re.I)
_INTERVIEWER = re.compile(r"\btold\s+((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+(?:in|during)\s+an?\s+"
                          r"(?:exclusive\s+)?interview\b")
_ON_BEHALF = re.compile(r"\bon behalf of\s+(?:the\s+)?(?:(?:government|people|leadership)\s+(?:and\s+people\s+)?of\s+"
                        r"(?:the\s+)?)?$", re.I)
_FROM = re.compile(r"\b(?:from|by|от)\s+(?:the\s+)?$", re.I)
_CLAUSE = re.compile(r"[;,]\s*(?:and|but|while|which|according)\b|;|\baccording to\b", re.I)
PARTIES = ("person", "org", "country")


def _after(text: str, mentions: list[Mention], lo: int, hi: int, cue: re.Pattern[str]) -> list[Entity]:
    return [m.value for m in mentions if lo <= m.start < hi and m.value.kind in PARTIES
            and cue.search(text[max(0, m.start - 40):m.start])]


def _clause_end(text: str, start: int, end: int) -> int:
    found = _CLAUSE.search(text, start, end)
    return found.start() if found else end


def recipients(text: str, mentions: list[Mention], trigger_end: int, segment_end: int) -> list[Entity]:
    """Who a giving verb gives to: the parties named after "to" in its clause."""
    return _after(text, mentions, trigger_end, _clause_end(text, trigger_end, segment_end), _TO)


def givers_after(text: str, mentions: list[Mention], trigger_end: int, segment_end: int) -> list[Entity]:
    """Who a receiving verb receives from: the parties named after "from"/"by" in its clause."""
    return _after(text, mentions, trigger_end, _clause_end(text, trigger_end, segment_end), _FROM)


def subject_party(text: str, mentions: list[Mention], segment_start: int, trigger_start: int) -> list[Entity]:
    """The party that opens the verb's clause ("Laos has received …", "China has given Laos a donation": the
    first one named, not the one next to a noun trigger)."""
    clause_start = max(text.rfind(",", segment_start, trigger_start), text.rfind(";", segment_start, trigger_start),
                       segment_start)
    before = [m.value for m in mentions if clause_start <= m.start and m.end <= trigger_start
              and m.value.kind in PARTIES]
    return before[:1]


def other_side(givers: list[Entity], lao: Entity | None, russia: Entity | None) -> list[Entity]:
    """The receiver a Lao–Russian gift implies when none is named: the other side's state."""
    sides = {("RUS" if e.country == "SUN" else e.country) for e in givers if e.country}
    if sides == {"RUS"} and lao is not None:
        return [lao]
    if sides == {"LAO"} and russia is not None:
        return [russia]
    return []


def receiver_country(receivers: list[Entity]) -> str | None:
    """The country a transfer is received in: its first receiver's."""
    return next((e.country for e in receivers if e.country), None)


def addressees(text: str, mentions: list[Mention], trigger_end: int, segment_end: int) -> list[Entity]:
    """Whom a statement is for: "an article for the Lao media", "congratulations … to the friendly
    Russian people" (the parties named right after "to"/"for")."""
    return _after(text, mentions, trigger_end, segment_end, _ADDRESSEE)


def interviewer(text: str) -> Entity | None:
    """"X told Sputnik in an interview": the medium that interviewed (named as printed)."""
    found = _INTERVIEWER.search(text)
    if not found:
        return None
    name = found.group(1).removeprefix("the ").strip()
    return Entity(id="medium:" + name.lower(), name=name, kind="org")


def on_behalf(text: str, mentions: list[Mention], trigger_start: int) -> list[Entity]:
    """"On behalf of the Lao people …, I would like to express": whose statement it is."""
    return _after(text, mentions, 0, trigger_start, _ON_BEHALF)[:1]


def parties_between(text: str, mentions: list[Mention], trigger_end: int, segment_end: int) -> list[Entity]:
    """"an agreement between the Russian government and the government of the Lao PDR": the states
    and bodies named after "between" (an agreement's parties, also when they are states)."""
    found = re.compile(r"\bbetween\b", re.I).search(text, trigger_end, segment_end)
    if found is None:
        return []
    end = _clause_end(text, found.end(), segment_end)
    return [m.value for m in mentions if found.end() <= m.start < end and m.value.kind in PARTIES]


_FROM_FOLLOWS = re.compile(r"[^,;.]{0,40}?\bfrom\b", re.I)


def from_follows(text: str, trigger_end: int) -> bool:
    """"humanitarian assistance from Russia": the giver is named after the noun, the receiver before it."""
    return _FROM_FOLLOWS.match(text, trigger_end) is not None
