"""People the gazetteer does not know, found by the office title printed before their name.

"Russian Ambassador to Laos Alexey Kalinin", "Deputy Minister of National Defence
Chansamone Chanyalath", "с заместителем премьер-министра, министром общественной
безопасности Лаоса Вилаем Лакхамфонгом": a title word (per-language data), then title
words, small joiners and names of states or bodies, then two or three name words. The
person's country comes from the title's adjective ("Russian", "лаосский") or from the
first state the title names that is not a destination ("of Laos", "России"; not "to
Laos", "в Лаосе"); when neither is printed it stays unknown. Russian name words are
brought to their nominative with pymorphy3 (``Вилаем`` → ``Вилай``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from laoru.events.gazetteer import Entity, Role
from laoru.events.lexicon import Lexicon
from laoru.events.matcher import PhraseMatch, fold
from laoru.events.russian import case_of, is_modifier, is_name_like, lemma, nominative_name

_TOKEN = re.compile(r"\b[^\W\d_]\.(?=\s)|[^\W\d_][\w'’-]*|[^\w\s]")
_WINDOW = 16  # tokens a title may run over before the name
_DESTINATION = frozenset({"to", "в", "во"})


class _Token(NamedTuple):
    """A word or punctuation mark of the text (a plain tuple: a document makes thousands)."""

    start: int
    end: int
    text: str

    @property
    def word(self) -> str:
        return self.text.rstrip(".").lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def _is_title(token: _Token, lexicon: Lexicon, titles: frozenset[str]) -> bool:
    if token.word in titles:
        return True
    if lexicon.language == "ru" and token.word[:4] in _prefixes(titles):
        return lemma(token.word) in titles
    return False


@lru_cache(maxsize=8)
def _prefixes(titles: frozenset[str]) -> frozenset[str]:
    """The first four letters of each title word: only a word starting so can be an inflected title."""
    return frozenset(t[:4] for t in titles)


@lru_cache(maxsize=8)
def _title_set(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for t in titles for w in t.lower().split())


def _covered(token: _Token, hits: list[PhraseMatch[Entity]]) -> Entity | None:
    return next((h.value for h in hits if h.start <= token.start and token.end <= h.end), None)


def _name_word(token: _Token, lexicon: Lexicon, hits: list[PhraseMatch[Entity]]) -> bool:
    """A capitalised word that is not part of the title nor a known state, body or place."""
    if not token.capitalised or len(token.text) < 2 or _covered(token, hits) is not None:
        return False
    if token.word in lexicon.title_words or token.word in lexicon.adjectives:
        return False
    if token.word in _title_set(lexicon.titles):
        return False
    if lexicon.language == "ru":
        return not token.text.isupper() and is_name_like(token.word)
    return not token.text.isupper() or (len(token.text) <= 3 and token.text.endswith("."))


def _run_over_title(tokens: list[_Token], at: int, lexicon: Lexicon, titles: frozenset[str],
                    hits: list[PhraseMatch[Entity]]) -> int | None:
    """Index of the first name word after the title starting at ``at``, or None."""
    for index in range(at + 1, min(len(tokens), at + _WINDOW)):
        token = tokens[index]
        if _name_word(token, lexicon, hits):
            return index
        if not _title_goes_on(tokens, index, lexicon, titles):
            return None
    return None


def _title_goes_on(tokens: list[_Token], index: int, lexicon: Lexicon, titles: frozenset[str]) -> bool:
    """Can a title run over this token: a joiner, a comma, a title word, a capitalised body or
    state, the dot of an abbreviated title ("Prof."), a Russian modifier ("общественной")?"""
    token = tokens[index]
    if token.text == ".":
        return _is_title(tokens[index - 1], lexicon, titles)
    if token.text in ";:!?()\"“”«»—–":
        return False
    if token.text == "," or token.capitalised or token.word in lexicon.name_joiners:
        return True
    if _is_title(token, lexicon, titles) or token.word in lexicon.title_words:
        return True
    return lexicon.language == "ru" and is_modifier(token.word)


def _name_end(tokens: list[_Token], first: int, lexicon: Lexicon, hits: list[PhraseMatch[Entity]]) -> int:
    """One past the last name word (at most four; an initial "A." counts)."""
    end = first
    while end < len(tokens) and end - first < 4 and _name_word(tokens[end], lexicon, hits):
        end += 1
    return end


def _country(tokens: list[_Token], lo: int, hi: int, lexicon: Lexicon, hits: list[PhraseMatch[Entity]]) -> str | None:
    """The title's adjective, else the first state it names that is not a destination."""
    for index in range(lo, hi):
        token = tokens[index]
        word = lemma(token.word) if lexicon.language == "ru" else token.word
        destination = index > 0 and tokens[index - 1].word in _DESTINATION
        code = lexicon.adjectives.get(word) or lexicon.adjectives.get(token.word)
        entity = _covered(token, hits)
        if code is None and entity is not None and entity.kind == "country":
            code = entity.country
        if code and not destination:
            return code
    return None


def _title_start(tokens: list[_Token], at: int, lexicon: Lexicon, titles: frozenset[str]) -> int:
    """Walk back over title words and an adjective ("Russian Deputy Prime Minister")."""
    start = at
    while start > 0 and (_is_title(tokens[start - 1], lexicon, titles) or tokens[start - 1].word in lexicon.adjectives):
        start -= 1
    return start


def _normal_name(words: list[_Token], title: _Token, lexicon: Lexicon) -> str:
    """The name as printed; in Russian, in the nominative by the case of its title word."""
    if lexicon.language != "ru":
        return " ".join(w.text for w in words)
    case = case_of(title.word)
    return " ".join(nominative_name(w.text, case) for w in words)


def _appositive_country(tokens: list[_Token], end: int, lexicon: Lexicon, titles: frozenset[str],
                        hits: list[PhraseMatch[Entity]]) -> str | None:
    """"Col. Phathana Boudthichak, Deputy Head of the Office of the General Staff of the Lao People’s
    Army, welcomed …": a title set off by a comma after the name gives the country too."""
    if end >= len(tokens) or tokens[end].text != "," or end + 1 >= len(tokens) \
            or not _is_title(tokens[end + 1], lexicon, titles):
        return None
    stop = end + 1
    while stop < min(len(tokens), end + _WINDOW) and tokens[stop].text not in ",;.":
        stop += 1
    for index in range(end + 1, stop):
        entity = _covered(tokens[index], hits)
        if entity is not None and entity.kind in ("org", "country") and entity.country:
            return entity.country
    return _country(tokens, end + 1, stop, lexicon, hits)


def _person(tokens: list[_Token], at: int, lexicon: Lexicon, titles: frozenset[str],
            hits: list[PhraseMatch[Entity]]) -> tuple[int, int, Entity] | None:
    first = _run_over_title(tokens, at, lexicon, titles, hits)
    if first is None:
        return None
    end = _name_end(tokens, first, lexicon, hits)
    if end - first < 2:
        return None
    start = _title_start(tokens, at, lexicon, titles)
    nearest_title = next(t for t in reversed(tokens[at:first]) if _is_title(t, lexicon, titles))
    name = _normal_name(tokens[first:end], nearest_title, lexicon)
    title = " ".join(t.text for t in tokens[start:first]).strip(" ,")
    country = _country(tokens, start, first, lexicon, hits) or _appositive_country(tokens, end, lexicon, titles, hits)
    entity = Entity(id="titled:" + fold(name), name=name, kind="person", country=country, aliases=(name,),
                    roles=(Role(title),) if title else ())
    return tokens[first].start, tokens[end - 1].end, entity


def titled_people(text: str, lexicon: Lexicon, hits: list[PhraseMatch[Entity]]) -> list[PhraseMatch[Entity]]:
    """Every person introduced by a title in ``text`` and not already a gazetteer mention."""
    if not lexicon.titles:
        return []
    titles = _title_set(lexicon.titles)
    tokens = [_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    found: list[PhraseMatch[Entity]] = []
    reach = 0
    for index, token in enumerate(tokens):
        if token.start < reach or not _is_title(token, lexicon, titles):
            continue
        person = _person(tokens, index, lexicon, titles, hits)
        if person is not None:
            start, end, entity = person
            found.append(PhraseMatch(start, end, text[start:end], entity))
            reach = end
    return found
