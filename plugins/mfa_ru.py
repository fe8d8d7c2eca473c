"""Ministry of Foreign Affairs of the Russian Federation (mid.ru), and its republications.

Page facts this plugin relies on:

* Every MFA statement, article and transcript carries a document number
  ``NNNN-DD-MM-YYYY`` (``1938-20-11-2025``): a registry reference, kept as metadata and
  never as body text. mid.ru prints the date as ``20.11.2025`` (with ``HH:MM`` when
  timed) in Moscow time (+03:00); the title is the page's ``<h1>`` and the body the
  article text block (``.text.article-content`` or ``<article>``). No real mid.ru HTML was
  available to the project: the ``Site`` layout follows this documented markup and is
  tested on a fixture named synthetic.
* GlobalSecurity.org republishes MFA texts with the title line, a run-together date
  (``20 November 2025 04:00``, older pages ``16 June 201713:25``), the document number,
  the body, then a ``| NEWSLETTER | Join the GlobalSecurity.org mailing list |`` footer.
  Seed ``003`` is such a capture; the same line reading serves the HTML page, whose
  visible lines are the same.
"""

from __future__ import annotations

import re
from typing import Any

from laoru import dates
from laoru.line_rules import line_before, line_matching, lines_after
from laoru.plugin import HTMLLayout, Parser, TextLayout, outlet
from laoru.rules import body, css, date, first, jsonld, meta

MOSCOW = "+03:00"
DOC_NUMBER = re.compile(r"^\s*(\d{3,5}-\d{2}-\d{2}-\d{4})\s*$")
NUMERIC_DATE = re.compile(r"\b(\d{2}\.\d{2}\.\d{4})(?:\s+(\d{1,2}:\d{2}))?\b")
HUMAN_DATE = re.compile(r"^\d{1,2} [A-Za-zА-Яа-яё]+ \d{4}\s*\d{1,2}:\d{2}$|^\d{1,2} [A-Za-zА-Яа-яё]+ \d{4}$")
FOOTER = r"^\|?\s*(?:NEWSLETTER|Join the GlobalSecurity\.org mailing list)\s*\|?$"


def _doc_number(ctx) -> str | None:
    for text in ctx.page.lines:
        if match := DOC_NUMBER.match(text):
            return match.group(1)
    return None


def _metadata(ctx) -> dict[str, Any]:
    number = _doc_number(ctx)
    return {"document_number": number} if number else {}


def _numeric_date(ctx) -> str | None:
    """mid.ru's ``DD.MM.YYYY[ HH:MM]``: the first one in the page's visible lines."""
    for text in ctx.page.lines[:200]:
        if match := NUMERIC_DATE.search(text):
            day, time = match.groups()
            if time:
                return dates.parse_format(f"{day} {time}", "%d.%m.%Y %H:%M", MOSCOW)
            return dates.parse_format(day, "%d.%m.%Y")
    return None


def _is_date_line(text: str) -> bool:
    """The republisher's written-out date line (``20 November 2025 04:00``)."""
    return bool(HUMAN_DATE.match(text) and dates.parse_human(text))


_lines_title = line_before(_is_date_line, window=60, otherwise=0)
"""The title right above the date line (the first line when there is none)."""
_lines_published = date(line_matching(_is_date_line, window=60), "human")
_lines_body = lines_after(_is_date_line, window=60, skip=DOC_NUMBER, until=re.compile(FOOTER, re.IGNORECASE),
                          otherwise=1)
"""After the date and the document number, up to the republisher's footer."""


@outlet("mfa-ru", name="Ministry of Foreign Affairs of Russia", domains=["mid.ru"], languages=["en", "ru"],
        tz=MOSCOW, version="1.0")
class MFARussia(Parser):
    signatures = {
        r"(?:^|>)\s*\d{3,5}-\d{2}-\d{2}-\d{4}\s*(?:$|<)": 5.0,
        r"Join the GlobalSecurity\.org mailing list": 1.0,
        r"(?:Foreign Minister|Министр иностранных дел) (?:Sergey Lavrov|Сергей Лавров)": 1.0,
        r"Russian (?:Foreign Ministry|MFA)|МИД России": 1.0,
    }
    boilerplate = (r"\|?\s*NEWSLETTER\s*\|?", r"\|?\s*Join the GlobalSecurity\.org mailing list\s*\|?",
                   r"\d{3,5}-\d{2}-\d{2}-\d{4}")

    class Site(HTMLLayout):
        """mid.ru article page (documented markup only)."""

        title = first(css("h1"), meta("og:title"), jsonld("headline"))
        published = first(_numeric_date, date(jsonld("datePublished")), date(meta("article:published_time")))
        paragraphs = first(body(".text.article-content"), body(".article-content"), body("article",
                           skip="h1, .date, .announce__date, .doc-number, .share, .tags"))
        metadata = _metadata

    class Republished(HTMLLayout):
        """GlobalSecurity.org's page: read from its visible lines, like the capture."""

        detect = r"(?i)globalsecurity\.org"
        title = first(_lines_title, css("h1"), meta("og:title"))
        published = _lines_published
        paragraphs = _lines_body

        def metadata(ctx) -> dict[str, Any]:
            return {**_metadata(ctx), "republished_by": "GlobalSecurity.org"}

    class Capture(TextLayout):
        """A capture of an MFA text (seed 003, via GlobalSecurity.org)."""

        title = _lines_title
        published = first(_lines_published, _numeric_date)
        paragraphs = _lines_body
        metadata = _metadata
