"""Per-language words that tell an event: triggers by type, status cues, references back,
document nouns, role words and country adjectives, read from ``data/lexicon/<lang>.json``.

Every trigger is a literal phrase, so any extraction can be explained as "this phrase,
in this sentence". ``strength`` is how sure a phrase is on its own: a verb of the act
(``signed``, ``visited``) is strong; a noun that often appears in passing
(``assistance``, ``anniversary``) is weak. A language is supported by adding a data file;
a document in a language without one gets no events (and a warning), never wrong ones.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import attrs

from laoru.events.matcher import PhraseMatcher

STATUS_NAMES = ("planned", "ongoing", "cancelled", "invited")


@attrs.frozen(slots=True)
class Trigger:
    """What a trigger phrase announces: the event type, how sure it is, its PLOVER mode."""

    type: str
    strength: float = 0.9
    mode: str | None = None
    passive: bool = False


@attrs.frozen(eq=False)
class Lexicon:
    """The phrase matchers and word lists of one language."""

    language: str
    triggers: PhraseMatcher[Trigger]
    cues: PhraseMatcher[tuple[str, str]]
    suppress: dict[str, tuple[str, ...]]
    aid_objects: re.Pattern[str]
    gratitude: re.Pattern[str]
    titles: tuple[str, ...] = ()
    adjectives: dict[str, str] = attrs.field(factory=dict)
    back_references: tuple[tuple[re.Pattern[str], str], ...] = ()
    title_words: frozenset[str] = frozenset()  # words of an office title that are never a name
    name_joiners: frozenset[str] = frozenset()  # small words a title runs over ("of", "the", "и")
    roles: tuple[tuple[re.Pattern[str], str], ...] = ()  # an office printed without a name → its English title
    hardware: re.Pattern[str] = re.compile(r"(?!x)x")  # arms and machines: delivered without a gift cue, a trade
    gift: re.Pattern[str] = re.compile(r"(?!x)x")  # words that make a transfer a gift ("free", "humanitarian")
    honorifics: frozenset[str] = frozenset()  # title words that are no office ("mr", "ms", "counterpart")
    receipts: frozenset[str] = frozenset()  # meeting phrases that tell a receipt when a thing follows ("received")


def _words_pattern(words: list[str], extra: str = "") -> re.Pattern[str]:
    """A word-bounded alternation of regex fragments (never matches when the list is empty)."""
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(words) + r")\b" + extra, re.I)


def _trigger_phrases(data: dict[str, Any]) -> list[tuple[str, Trigger]]:
    phrases = []
    for group in data.get("triggers", ()):
        trigger = Trigger(group["type"], group.get("strength", 0.9), group.get("mode"), group.get("passive", False))
        phrases += [(p, trigger) for p in group["phrases"]]
    return phrases


def _cue_phrases(data: dict[str, Any]) -> list[tuple[str, tuple[str, str]]]:
    """All cue phrases, each tagged (group, name)."""
    phrases: list[tuple[str, tuple[str, str]]] = []
    for status, cues in data.get("status", {}).items():
        phrases += [(c, ("status", status)) for c in cues]
    for status, cues in data.get("status_after", {}).items():  # the event noun's own predicate, after it
        phrases += [(c, ("after", status)) for c in cues]
    phrases += [(c, ("accepted", "")) for c in data.get("accepted_invitation", ())]
    # a modal of courtesy ("would like to express") tells no plan: it shields its modal like a taken-up invitation
    phrases += [(c, ("accepted", "")) for c in data.get("courtesy_modals", ())]
    phrases += [(c, ("context", "")) for c in data.get("context", ())]
    phrases += [(n, ("agreement_noun", "")) for n in data.get("agreement_nouns", ())]
    return phrases


def lexicon_from_data(data: dict[str, Any]) -> Lexicon:
    """Build a :class:`Lexicon` from the JSON shape of ``data/lexicon/<lang>.json``."""
    adjectives = {word.lower(): code for code, words in data.get("country_adjectives", {}).items() for word in words}
    return Lexicon(
        language=data["language"],
        triggers=PhraseMatcher(_trigger_phrases(data)),
        cues=PhraseMatcher(_cue_phrases(data)),
        suppress={kind: tuple(words) for kind, words in data.get("suppress", {}).items()},
        aid_objects=_words_pattern(data.get("aid_objects", []), r"|\$\s*\d"),
        gratitude=_words_pattern(data.get("gratitude", [])),
        titles=tuple(data.get("titles", ())),
        title_words=frozenset(data.get("title_words", ())),
        name_joiners=frozenset(data.get("name_joiners", ())),
        receipts=frozenset(data.get("receipt_phrases", ())),
        honorifics=frozenset(data.get("honorifics", ())),
        hardware=_words_pattern(data.get("hardware", [])),
        gift=_words_pattern(data.get("gift_cues", [])),
        adjectives=adjectives,
        back_references=tuple((re.compile(pattern, re.I), meaning)
                              for meaning, patterns in data.get("back_references", {}).items() for pattern in patterns),
        roles=tuple((re.compile(role["pattern"], re.I), role["office"]) for role in data.get("roles", ())),
    )


@cache
def load_lexicon(language: str | None) -> Lexicon | None:
    """The bundled lexicon of ``language`` (``ru-RU`` → ``ru``), or None when there is none."""
    code = (language or "").split("-")[0].lower()
    if not code.isalpha():
        return None
    source = resources.files("laoru.events").joinpath(f"data/lexicon/{code}.json")
    if not source.is_file():
        return None
    return lexicon_from_data(json.loads(source.read_text(encoding="utf-8")))
