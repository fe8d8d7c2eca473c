"""From the raw values a plugin's rules found to a clean Document.

Every plugin ends here, so the guarantees of the model are enforced in one place:
shared boilerplate and captions never stay in the body, repeated paragraphs are kept
once, bylines become lists, dates keep their precision, and anything doubtful becomes
a warning rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from laoru import capture_header, clean, dates
from laoru.bylines import split_authors
from laoru.language import guess_language, normalise_language
from laoru.model import Dateline, Document, Paragraph, Related
from laoru.page import Page


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return None
    text = clean.normalise_space(str(value))
    return text or None


def _distinct_texts(values: Iterable[str]) -> list[str]:
    """Each text once (spaces normalised, empty ones left out), in first-seen order."""
    seen: dict[str, None] = {}
    for value in values:
        text = clean.normalise_space(value)
        if text and text not in seen:
            seen[text] = None
    return list(seen)


def _as_list(value: Any) -> list[str]:
    """A list of strings; a single string is a comma-separated list (``keywords`` meta)."""
    if not value:
        return []
    if isinstance(value, str):
        return value.split(",")
    return [str(v) for v in value]


def _date(field: str, value: Any, warnings: list[str]) -> str | None:
    text = _text(value)
    if text is None:
        return None
    if text.startswith("--"):
        warnings.append(f"{field} date {text} has no year on the page; left empty rather than guessed")
        return None
    if dates.precision(text) is None or not re.match(r"^\d{4}", text):
        warnings.append(f"{field} value {text!r} is not an ISO date; left empty")
        return None
    return text


def _dateline(value: Any) -> Dateline | None:
    if value is None or isinstance(value, Dateline):
        return value
    if isinstance(value, dict):
        return Dateline.from_dict(value)
    place, date = value
    return Dateline(place=place, date=date)


def _related(values: Iterable[Any]) -> list[Related]:
    out: list[Related] = []
    for value in values or ():
        if isinstance(value, str):
            item = Related(title=clean.normalise_space(value))
        else:
            item = value if isinstance(value, Related) else Related.from_dict(value)
        if item.title:
            out.append(item)
    return out


def split_body(
    raw: Iterable[Paragraph | str] | None, title: str | None, boilerplate: re.Pattern[str] | None
) -> tuple[list[Paragraph], list[str], int, int]:
    """Paragraphs, captions moved out, and counts of boilerplate dropped and repeats removed."""
    body: list[Paragraph] = []
    captions: list[str] = []
    dropped = 0
    title_key = clean.paragraph_key(title) if title else None
    for item in raw or ():
        source, kind = (item.text, item.kind) if isinstance(item, Paragraph) else (str(item), "text")
        text = clean.normalise_space(clean.strip_bullet(source.strip()))
        if not text:
            continue
        if clean.is_normalised_boilerplate(text, boilerplate):
            dropped += 1
        elif clean.is_normalised_caption(text):
            captions.append(text)
        elif title_key and not body and clean.paragraph_key(text) == title_key:
            continue  # the title repeated as the first line of the body
        else:
            body.append(Paragraph(text, kind))
    paragraphs, repeats = clean.drop_repeated_paragraphs(body)
    return paragraphs, captions, dropped, repeats


def _metadata(found: dict[str, Any], *, layout: str | None, route: dict[str, Any], dropped: int,
              header: capture_header.CaptureHeader | None, published_from: str | None) -> dict[str, Any]:
    """The plugin's metadata plus how the page was read: layout, route, chrome dropped, capture header."""
    metadata: dict[str, Any] = dict(found.get("metadata") or {})
    if layout:
        metadata["layout"] = layout
    if route:
        metadata["route"] = route
    if dropped:
        metadata["boilerplate_dropped"] = dropped
    if header is not None:
        metadata["capture_header"] = header.to_dict()
        if published_from:
            metadata["published_from"] = published_from
    return metadata


def assemble(*, outlet: str, parser: str, layout: str | None, page: Page, found: dict[str, Any],
             warnings: list[str], boilerplate: re.Pattern[str] | None, default_language: str | None,
             route: dict[str, Any]) -> Document:
    """Build the Document from a plugin's findings, enforcing the model's guarantees."""
    warnings = list(warnings)
    header = page.header
    title = _text(found.get("title")) or (header.title if header else None)
    paragraphs, moved_captions, dropped, repeats = split_body(found.get("paragraphs"), title, boilerplate)
    if repeats:
        warnings.append(f"{repeats} repeated paragraph(s) removed (first copy kept)")
    if not paragraphs:
        warnings.append("no body text found")
    published, published_from = capture_header.settle_published(_text(found.get("published")), header)
    metadata = _metadata(found, layout=layout, route=route, dropped=dropped, header=header,
                         published_from=published_from)
    language = (normalise_language(_text(found.get("language")) or page.meta.get("lang"))
                or default_language
                or guess_language(" ".join(p.text for p in paragraphs[:5]) or (title or "")))
    return Document(
        outlet=outlet,
        source=page.source,
        url=_text(found.get("url")) or page.url,
        language=language,
        title=title,
        subtitle=_text(found.get("subtitle")),
        published=_date("published", published, warnings),
        modified=_date("modified", found.get("modified"), warnings),
        dateline=_dateline(found.get("dateline")),
        authors=split_authors(found.get("authors")),
        paragraphs=paragraphs,
        captions=_distinct_texts([*(found.get("captions") or ()), *moved_captions]),
        tags=_distinct_texts(_as_list(found.get("tags"))),
        related=_related(found.get("related") or ()),
        warnings=_distinct_texts(warnings),
        metadata=metadata,
        parser=parser,
    )
