"""Offices printed without a name: "Министр иностранных дел России провел …", "Президент
Лаоса приедет …", "переговоры с Президентом Лаосской Народно-Демократической Республики".

An office (per-language data: ``roles`` in ``data/lexicon/<lang>.json``, each a pattern and
the English title the gazetteer gives the office) and the state it serves (an adjective
before it or a state named after it) name the person who held that office on the
document's date, when the gazetteer knows exactly one. No date, no state, two holders or
a name printed right after the office: no mention (the name, if any, is found as a name).
"""

from __future__ import annotations

import re

from laoru.events.gazetteer import Entity, Gazetteer
from laoru.events.lexicon import Lexicon
from laoru.events.matcher import PhraseMatch
from laoru.events.russian import lemma

Mention = PhraseMatch[Entity]

_WORD = re.compile(r"[^\W\d_][\w-]*")
_STATE_WORDS = 4  # "министр иностранных дел | Лаосской Народно-Демократической Республики"


def _word_country(word: str, lexicon: Lexicon) -> str | None:
    low = word.lower()
    return lexicon.adjectives.get(low) or lexicon.adjectives.get(lemma(low) if lexicon.language == "ru" else low)


def _state(text: str, start: int, end: int, lexicon: Lexicon, mentions: list[Mention]) -> tuple[str, int] | None:
    """(country code, end of the phrase): an adjective right before the office, else a state
    among the words right after it (to the end of its name when the gazetteer found it)."""
    before = list(_WORD.finditer(text, max(0, start - 30), start))
    if before and not text[before[-1].end():start].strip():
        code = _word_country(before[-1].group(), lexicon)
        if code:
            return code, end
    for index, word in enumerate(_WORD.finditer(text, end)):
        if index == _STATE_WORDS or re.search(r"[,.;:!?()«»\"]", text[end:word.start()]):
            return None
        code = _word_country(word.group(), lexicon)
        if code:
            named = next((m for m in mentions if m.start <= word.start() < m.end and m.value.kind == "country"), None)
            return code, named.end if named is not None else word.end()
    return None


def holder(gazetteer: Gazetteer, title: str, code: str, when: str) -> Entity | None:
    """The one person whose office on ``when`` is ``title`` + the state's name, or None."""
    state = gazetteer.country(code)
    if state is None:
        return None
    wanted = re.compile(rf"{title} {re.escape(state.name)}$", re.I)
    found = [e for e in gazetteer.entities.values()
             if e.kind == "person" and wanted.match(e.role_on(when) or "")]
    return found[0] if len(found) == 1 else None


def role_mentions(text: str, mentions: list[Mention], lexicon: Lexicon, gazetteer: Gazetteer,
                  when: str | None) -> list[Mention]:
    """``mentions`` plus a mention for each office printed without a name, in text order."""
    if not lexicon.roles or not when or when.startswith("--"):
        return mentions
    added: list[Mention] = []
    for pattern, title in lexicon.roles:
        for office in pattern.finditer(text):
            if any(m.start < office.end() and office.start() < m.end and m.value.kind == "person"
                   for m in mentions + added):
                continue
            state = _state(text, office.start(), office.end(), lexicon, mentions)
            if state is None or _named_after(text, state[1], mentions):
                continue
            person = holder(gazetteer, title, state[0], when)
            if person is not None:
                added.append(PhraseMatch(office.start(), state[1], text[office.start():state[1]], person))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _named_after(text: str, end: int, mentions: list[Mention]) -> bool:
    """A name printed right after the office ("президент Лаоса Тхонглун Сисулит")."""
    return any(m.value.kind == "person" and 0 <= m.start - end <= 3 for m in mentions) or \
        bool(re.match(r"\s+[А-ЯЁA-Z][а-яёa-z]+\s+[А-ЯЁA-Z]", text[end:end + 40]))
