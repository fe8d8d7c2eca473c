"""Russian morphology for mentions, through pymorphy3 and its bundled dictionaries.

Lao names printed in Russian decline like masculine nouns ("с премьер-министром
Сонсаем Сипхандоном", "наградил президента Тхонглуна Сисулита"), and pymorphy3, not
knowing them, guesses their lemma poorly ("Сисулитом" → "сисулитой"). The title printed
before the name knows its case, so the name is brought to the nominative by that case:
a name word the dictionary knows as a first name or surname by its own lemma, any other
by the regular endings of that case.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# (ending, replacement) per case, longest first: Сонсаем → Сонсай, Сипхандоном → Сипхандон
_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "gent": (("я", "й"), ("а", "")),
    "accs": (("я", "й"), ("а", "")),
    "datv": (("ю", "й"), ("у", "")),
    "ablt": (("ем", "й"), ("ом", ""), ("ым", ""), ("им", "")),
    "loct": (("е", ""),),
}
_VOWELS = set("аеёиоуыэюя")


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3  # the Russian dictionaries ship in pymorphy3-dicts-ru

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """The dictionary lemma of a lower-case word (its best parse)."""
    return str(_morph().parse(word)[0].normal_form)


@lru_cache(maxsize=8192)
def is_name_like(word: str) -> bool:
    """A first name, surname or patronymic, or a word the dictionary does not know."""
    parses = _morph().parse(word)
    return any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in parses) or not parses[0].is_known


@lru_cache(maxsize=4096)
def is_modifier(word: str) -> bool:
    """A lower-case noun or adjective in the genitive ("иностранных дел", "общественной безопасности")."""
    return any(("NOUN" in p.tag or "ADJF" in p.tag) and "gent" in p.tag for p in _morph().parse(word))


@lru_cache(maxsize=4096)
def is_infinitive(word: str) -> bool:
    """The word's best parse is a verb's infinitive ("подписать", "посетить")."""
    return "INFN" in _morph().parse(word)[0].tag


@lru_cache(maxsize=4096)
def is_future(word: str) -> bool:
    """A finite verb in the future tense ("приедет", "посетит", "подпишут")."""
    tag = _morph().parse(word)[0].tag
    return tag.POS == "VERB" and "futr" in tag


@lru_cache(maxsize=4096)
def governs(word: str) -> bool:
    """A verb, an infinitive or a short predicative ("поручить", "готов", "намерены"): a word an
    infinitive after it can depend on."""
    return _morph().parse(word)[0].tag.POS in ("VERB", "INFN", "ADJS", "PRED")


@lru_cache(maxsize=4096)
def case_of(word: str) -> str | None:
    """The grammatical case of a noun such as a title ("министром" → ``ablt``), if clear."""
    for parse in _morph().parse(word):
        if "NOUN" in parse.tag:
            return next((c for c in _CASES if c in parse.tag), None)
    return None


def _known_name(word: str, case: str | None) -> str | None:
    for parse in _morph().parse(word.lower()):
        grammemes = set(parse.tag.grammemes)
        if {"Name", "Surn", "Patr"} & grammemes and (case is None or case in grammemes) and parse.is_known:
            return str(parse.normal_form)
    return None


def _strip_case(word: str, case: str) -> str:
    for ending, replacement in _ENDINGS.get(case, ()):
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            if replacement == "й" and stem[-1] not in _VOWELS:
                continue
            return stem + replacement
    return word


def nominative_name(word: str, case: str | None) -> str:
    """``word`` (a name word as printed) in the nominative, capitalised as printed. With no
    case known, a word the dictionary knows as a name takes its lemma ("Путиным" → "Путин");
    any other stays as printed (pymorphy3 guesses "Сисулит" → "сисулить")."""
    if case == "nomn":
        return word
    if not case:
        known = _known_name(word, None)
        return word if known is None else known[:1].upper() + known[1:]
    known = _known_name(word, case)
    base = known if known is not None else _strip_case(word.lower(), case)
    return base[:1].upper() + base[1:]


_REGULAR = {"gent": ("а", "я"), "accs": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем"), "loct": ("е", "е")}


def _regular(word: str, case: str) -> str:
    """A foreign masculine name the dictionary does not know, declined regularly
    (Сисулит → Сисулитом, Салемсай → Салемсаем); one ending in a vowel does not decline."""
    hard, soft = _REGULAR[case]
    if word.endswith("й"):
        return word[:-1] + soft
    return word if word[-1].lower() in _VOWELS else word + hard


def _inflected(word: str, case: str) -> str | None:
    """``word`` in ``case`` (singular) when it is a nominative of the phrase's head; a word
    already in another case ("Совет Федерации") or not Russian stays as it is."""
    if not word.replace("-", "").isalpha() or word.lower() == word.upper():
        return word
    parses = [p for p in _morph().parse(word.lower()) if {"nomn", "sing"} <= set(p.tag.grammemes)]
    if not parses or not parses[0].is_known:
        return _regular(word, case) if word[:1].isupper() else word
    preferred = [p for p in parses if {"Name", "Surn", "Geox", "Orgn"} & set(p.tag.grammemes)] or parses
    form = preferred[0].inflect({case, "sing"})
    if form is None:
        return None
    text = str(form.word)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


@lru_cache(maxsize=4096)
def case_forms(phrase: str) -> tuple[str, ...]:
    """A Russian name of several words in every case ("Российская Федерация" → "Российскую
    Федерацию", …): the matcher allows an ending only after a phrase's last word, so the
    inner words' endings are generated here."""
    words = phrase.split()
    forms = []
    for case in _CASES[1:]:
        inflected = [_inflected(w, case) for w in words]
        if all(inflected):
            forms.append(" ".join(w for w in inflected if w))
    return tuple(dict.fromkeys(f for f in forms if f != phrase))
