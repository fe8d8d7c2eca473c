"""Documents a signing names: titles in running text, enumerated lists, counts, dated titles.

"signed a memorandum of understanding on ...", "Other agreements include: A, B and C",
"signed seven cooperation agreements", "the Treaty on Friendship ... of March 9, 1994".
"""

from __future__ import annotations

import re

from laoru.events.draft import Draft

_AGREEMENT_TITLE = re.compile(
    r"(?<![\w'’-])(?P<title>(?:(?!(?:a|an|the|and|signed|sign|of|include|includes|other|seven|two|three|\d+)\b)"
    r"[\w'’-]+\s+){0,4}(?:memorandum of understanding|memorandum|memoranda|agreements?|treaty|roadmap|road map|"
    r"declaration|protocol|accord|contract|convention)(?:\s+(?:on|for|of|in|between|regarding)\s+[^,;:()]*?)?)"
    r"(?=\s*(?:[,;:()]|\.(?:\s|$)|$)|\s+(?:which|covering|that|signed|and\s+(?:a|an|the)\b|among)\b)",
    re.I,
)
DATED_TITLE = re.compile(
    r"\b(?P<title>(?:Treaty|Declaration|Agreement|Memorandum|Protocol|Convention)\b[^.;]{0,160}?)\s+of\s*$")
DATED_TITLE_HINT = re.compile(r"\b(?:Treaty|Declaration|Agreement|Memorandum|Protocol|Convention)\b")
AGREEMENT_HINT = re.compile(r"\b(?:include|includes|included|other agreements|among the)\b", re.I)
_ENUMERATION = re.compile(r"\b(?:include|includes|included|including|namely)\b\s*:?\s*", re.I)
_DOCUMENT_NOUN = re.compile(r"\b(?:agreements?|documents?|memorand(?:um|a)|treat(?:y|ies)|accords?|protocols?|"
                            r"roadmaps?|contracts?|deals?)\b", re.I)
_ITEM_CUT = re.compile(r"\s*[;,]\s*(?:(?:and|or)\s+)?")
_LEADING_ARTICLE = re.compile(r"^(?:and|or|a|an|the)\s+", re.I)
_NUMBER_WORDS = {w: n for n, w in enumerate(
    "two three four five six seven eight nine ten eleven twelve".split(), start=2)}
_DOCUMENT_COUNT = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?:[\w-]+\s+){0,2}?"
    r"(?:agreements|documents|memoranda|treaties|accords|protocols)\b", re.I)
_PLURAL_GENERIC = re.compile(r"^(?:[\w'’-]+\s+){0,2}(?:agreements|documents|memoranda|treaties|accords|protocols)$",
                             re.I)


def titles(text: str) -> list[str]:
    """Document titles in ``text``; "seven cooperation agreements" counts documents, it names none."""
    found = []
    for match in _AGREEMENT_TITLE.finditer(text):
        title = " ".join(match.group("title").split()).strip(" ,")
        if title.lower() in ("agreement", "agreements", "documents") or len(title) < 6 or \
                _PLURAL_GENERIC.match(title):
            continue
        found.append(title)
    return list(dict.fromkeys(found))


def enumerated_titles(text: str) -> list[str]:
    """"Other agreements include: A, B, C, and D": every listed item is a document of the signing.

    Only a list whose head names documents ("agreements include", "documents signed,
    including") counts; items are cut at commas and semicolons (an "and" inside an item,
    "cooperation and exchange agreements", stays), their leading article dropped."""
    cue = _ENUMERATION.search(text)
    if cue is None or not _DOCUMENT_NOUN.search(text[:cue.start()]):
        return []
    body = text[cue.end():].strip().rstrip(".").strip()
    items = (_LEADING_ARTICLE.sub("", " ".join(item.split())).strip(" .") for item in _ITEM_CUT.split(body))
    return list(dict.fromkeys(item for item in items if 6 <= len(item) <= 150))


def document_count(text: str) -> int | None:
    """"signed seven cooperation agreements", "among the seven documents": the number of documents told."""
    found = _DOCUMENT_COUNT.search(text)
    if found is None:
        return None
    n = found.group("n").lower()
    return int(n) if n.isdigit() else _NUMBER_WORDS[n]


def add_titles(draft: Draft, names: list[str], text: str) -> None:
    """Add ``names`` to ``draft``; a title an enumerated item extends ("exchange agreements
    between universities" inside "cooperation and exchange agreements between ...") is replaced."""
    for title in names:
        draft.agreements[:] = [a for a in draft.agreements if not (a != title and a in title)]
        if not any(title in a for a in draft.agreements):
            draft.agreements.append(title)
    count = document_count(text)
    if count is not None:
        draft.count = max(draft.count or 0, count)


def has_agreement_hint(text: str) -> bool:
    low = text.lower()
    return ("includ" in low or "other agreements" in low or "among the" in low) and bool(AGREEMENT_HINT.search(text))


def attach_titles(text: str, last_agreement: Draft | None) -> None:
    """A sentence with no signing of its own that lists documents adds them to the last signing."""
    if last_agreement is not None and has_agreement_hint(text):
        add_titles(last_agreement, enumerated_titles(text) or titles(text), text)


def merge_agreements(kept: Draft, draft: Draft) -> None:
    """One signing told in several sentences: the union of titles, the largest count."""
    kept.agreements.extend(a for a in draft.agreements if a not in kept.agreements)
    if draft.count is not None:
        kept.count = max(kept.count or 0, draft.count)
