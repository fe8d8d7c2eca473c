"""Any page no outlet plugin claims.

HTML goes to trafilatura (with htmldate for the date) when the ``generic`` extra is
installed, since it is the best general extractor there is; without it, a small
paragraph-density fallback keeps the library usable. Text captures get a conservative
line cleaner: prose lines are kept, short menu-like lines and shared boilerplate dropped.
Every Document from here carries a warning that its outlet is unknown.
"""

from __future__ import annotations

import re
from typing import Any

from laoru import dates, headline
from laoru.clean import normalise_space
from laoru.line_rules import story
from laoru.model import Paragraph
from laoru.plugin import Context, HTMLLayout, Parser, TextLayout, outlet
from laoru.rules import first, jsonld, meta, node_text

UNKNOWN = "outlet unknown: parsed by the generic fallback"
MIN_PROSE_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?:;»”\"')\]…。]$")
_AGENCY_PARENTHESIS = re.compile(r"^[A-ZА-ЯЁ][\w .'-]{1,40}\s\(([^()]{3,80})\)\s")
_PERMALINK = re.compile(r"^(?:Ссылка на (?:новость|материал|статью)|Permalink|Link to (?:this )?(?:article|story))"
                        r"\s*:\s*(?P<url>https?://\S+)$", re.IGNORECASE)
"""The page printing its own address (``Ссылка на новость: https://kant.kg/2024-10-10/…``, 311_other.txt)."""
_DATELINE = re.compile(
    r"^(?:\((?P<place>[A-Z][\w .'-]{1,40}),\s*(?P<date>[^)]{1,20})\)"
    r"|(?P<caps>[A-Z][A-Z .'-]{2,40}),\s*(?P<day>[A-Z][a-z]{2,8}\.? \d{1,2})\.?)\s"
)


def _trafilatura(ctx: Context) -> dict[str, Any]:
    """trafilatura's fields for the page (``{}`` without the ``generic`` extra or when it finds
    nothing): computed once per page with ``ctx.once``, read by several rules."""
    try:
        import trafilatura
    except ImportError:
        return {}
    result = trafilatura.bare_extraction(ctx.page.tree, url=ctx.page.url, with_metadata=True,
                                         include_comments=False, include_tables=False)
    if result is None:
        return {}
    return result if isinstance(result, dict) else result.as_dict()


def _density_paragraphs(ctx) -> list[Paragraph]:
    """Fallback: the ``<p>`` children of the element holding the most paragraph text.

    One pass adds each paragraph's length to its parent's score (linear in paragraphs:
    scoring every paragraph's siblings again was quadratic on long flat pages).
    """
    scores: dict[Any, int] = {}
    texts: dict[Any, list[str]] = {}
    for node in ctx.page.tree.iter("p"):
        parent = node.getparent()
        if parent is None:
            continue
        text = node_text(node)
        scores[parent] = scores.get(parent, 0) + len(text)
        texts.setdefault(parent, []).append(text)
    best = max(scores, key=scores.__getitem__, default=None)  # the first of equal scores, as before
    if best is None or scores[best] == 0:
        return []
    return [Paragraph(text) for text in texts[best] if text]


def _html_paragraphs(ctx) -> list[Paragraph]:
    text = ctx.once(_trafilatura).get("text")
    if text:
        return [Paragraph(p) for p in text.split("\n") if p.strip()]
    return _density_paragraphs(ctx)


def _html_published(ctx) -> str | None:
    value = (jsonld("datePublished")(ctx) or meta("article:published_time", "date", "pubdate")(ctx)
             or ctx.once(_trafilatura).get("date"))
    return dates.parse_iso(value, None) if isinstance(value, str) else None


def _is_prose(line: str) -> bool:
    return len(line.split()) >= MIN_PROSE_WORDS or (len(line) >= 60 and bool(_SENTENCE_END.search(line)))


def _text_title(ctx) -> str | None:
    """The capture's headline (:mod:`laoru.headline`); a capture that opens with its body has none."""
    title = headline.headline(ctx.page.lines)
    if title is None:
        ctx.warn("no headline line in the capture; title left empty")
    return title


def _text_url(ctx) -> str | None:
    """The address the page prints of itself on a permalink line."""
    match = next((m for text in ctx.page.lines if (m := _PERMALINK.match(text))), None)
    return match["url"] if match else None


def _text_published(ctx) -> str | None:
    """The page's printed date line near the headline, else a date in the lead's agency
    parenthesis (``MOSCOW (UrduPoint News / Sputnik - 25th January, 2022) …``), else the day
    in the path of the permalink the page prints (``ctx.found["url"]``)."""
    lines = ctx.page.lines
    lead = headline.lead_index(lines)
    printed = headline.printed_published(lines, headline.headline_index(lines, lead), lead)
    if printed:
        return printed
    match = _AGENCY_PARENTHESIS.match(lines[lead]) if lead is not None else None
    found = dates.printed_date(match.group(1)) if match else None
    return found.value if found else dates.date_in_url(ctx.found.get("url"))


def _text_dateline(ctx) -> tuple[str, str] | None:
    for line in ctx.page.lines[:5]:
        match = _DATELINE.match(line)
        if match and _is_prose(line):
            place = match.group("place") or match.group("caps")
            return normalise_space(place), normalise_space(match.group("date") or match.group("day"))
    return None


def _html_metadata(ctx: Context) -> dict[str, Any]:
    ctx.warn(UNKNOWN)
    return {"extractor": "trafilatura" if ctx.once(_trafilatura) else "density"}


def _text_metadata(ctx: Context) -> dict[str, Any]:
    ctx.warn(UNKNOWN)
    return {"extractor": "lines"}


@outlet("generic", name="Generic fallback (unknown outlet)", version="1.0")
class Generic(Parser):
    class AnyHTML(HTMLLayout):
        title = first(jsonld("headline"), meta("og:title", "twitter:title"),
                      lambda ctx: ctx.once(_trafilatura).get("title"))
        published = _html_published
        # trafilatura's author guess is left out: it reads any JSON-LD author, e.g. the claimant
        # reviewed in a ClaimReview (polygraph fixture), and an empty byline beats a wrong one.
        authors = first(jsonld("author", "name"), meta("author", "article:author"))
        paragraphs = _html_paragraphs
        tags = first(meta("keywords", "news_keywords"), jsonld("keywords"))

        metadata = _html_metadata

    class AnyText(TextLayout):
        url = _text_url
        title = _text_title
        published = _text_published
        paragraphs = story()
        dateline = _text_dateline

        metadata = _text_metadata
