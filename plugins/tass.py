"""TASS — Russian News Agency: tass.com (English) and tass.ru (Russian).

Page facts this plugin relies on:

* The 2016–2022 page design, shared by tass.ru and tass.com: ``h1.news-header__title``,
  the lead in ``.news-header__lead``, the time as an epoch in
  ``<dateformat time="1593378975">`` (UTC seconds, printed in Moscow time), the body in
  ``.text-content`` (``<p>`` and ``<h2>`` subheads), tags in ``a.tags__item``. Built and
  tested on a real tass.ru page (2020, from htmldate's test set); tass.com pages of that
  design use the same classes, but no real tass.com HTML was available: its fixture is
  synthetic, made from this documented markup.
* The later design (Next.js) is read from what every TASS page declares: JSON-LD
  ``NewsArticle`` (``headline``, ``datePublished`` with offset), ``og:`` tags and the
  ``<article>`` element. Built from documented markup only.
* Every story opens with a dateline, ``VIENTIANE, May 23. /TASS/.`` or
  ``МОСКВА, 29 июня. /ТАСС/.``: place and a yearless date, resolved against ``published``.
  The page prints it inside the story's first paragraph (the real tass.ru page:
  ``<p>МОСКВА, 29 июня. /ТАСС/. Движение …</p>``), so the body keeps it there, as printed,
  in HTML and in text captures alike; ``dateline`` holds it parsed (RIA and Interfax do
  the same).
* A text capture (seed ``002``) has the site menu before the title (``NEWS TERMINAL``,
  ``Personal data processing policy TASS``, ``… Into section →``), then the title line
  and the body opening with the dateline.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from laoru import dates
from laoru.line_rules import title_line
from laoru.model import Dateline
from laoru.plugin import HTMLLayout, Parser, TextLayout, outlet
from laoru.rules import body, compiled, css, css_all, date, first, jsonld, lines_between, meta

MOSCOW = "+03:00"
DATELINE = re.compile(
    r"^(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]{1,40}(?:\s*/[^/\n]{2,40}/)?),\s*"
    r"(?P<date>[A-Za-zА-Яа-яёЁ]+\.? \d{1,2}|\d{1,2} [а-яё]+)\.?\s*/(?:TASS|ТАСС)/\.?"
)
MENU = (
    r"(?:FOREIGN|DOMESTIC) POLICY", r".{1,40} Into section →", r"NEWS TERMINAL", r"Special projects",
    r"Personal data processing policy(?: TASS)?", r"Press Releases", r"Privacy Policy(?: tass\.com)?",
    r"Terms of use", r"ANTI-Corruption", r"Advertising", r"Oil & gas industry", r"Internet & Telecom",
    r"Trade & Cooperation", r"Читать (?:полностью|также)", r"Теги", r"Tags", r"Реклама на ТАСС",
    r"(?:Версия для печати|Print version).*",
)
"""TASS chrome that reaches a capture as whole lines: menu, footer links, tag headers."""


def _epoch(ctx) -> str | None:
    """The publication time: the header's ``<dateformat time=… mode="abs">`` holds UTC epoch seconds."""
    for node in compiled("dateformat[mode=abs][time]")(ctx.page.tree):
        value = node.get("time", "")
        if value.isdigit():
            moment = datetime.fromtimestamp(int(value), tz=timezone.utc)
            return moment.astimezone(dates.tzinfo(MOSCOW)).isoformat()
    return None


def _dateline_in(lines: list[str]) -> re.Match[str] | None:
    for text in lines[:40]:
        match = DATELINE.match(text)
        if match:
            return match
    return None


def _dateline(texts) -> Any:
    """The dateline opening the story; ``texts`` gives the body's first lines or paragraphs."""

    def rule(ctx) -> Dateline | None:
        match = _dateline_in(list(texts(ctx)))
        if not match:
            return None
        return Dateline(place=match.group("place").strip(), date=match.group("date"))

    return rule


def _resolved(ctx) -> dict[str, Any]:
    """The dateline's day with its year from ``published`` (a yearless date is never dated by today)."""
    out: dict[str, Any] = {}
    line = ctx.found.get("dateline")
    if line and line.date:
        day = dates.parse_human(line.date)
        resolved = dates.resolve_yearless(day, ctx.found.get("published"))
        if resolved and not resolved.startswith("--"):
            out["dateline_date"] = resolved
    return out


_text_title = title_line(opener=DATELINE.pattern, skip=MENU)
"""The headline above the dateline: right above it in a browser copy, above the standfirst
and the photo credit in a capture of the Russian site; the site menu is never a headline."""


def _text_published(ctx) -> str | None:
    """A capture prints only the dateline's yearless day: kept yearless, so it is warned about."""
    match = _dateline_in(ctx.page.lines)
    return dates.parse_human(match.group("date")) if match else None


@outlet("tass", name="TASS — Russian News Agency", domains=["tass.com", "tass.ru"], languages=["en", "ru"],
        tz=MOSCOW, version="1.0")
class TASS(Parser):
    feeds = ("https://tass.com/rss/v2.xml", "https://tass.ru/rss/v2.xml")  # TASS's RSS 2.0 feeds (English, Russian)
    signatures = {
        r"/TASS/\.": 6.0,
        r"/ТАСС/\.": 6.0,
        r"^\W*Personal data processing policy TASS\s*$": 3.0,
        r"^\W*Privacy Policy tass\.com\s*$": 3.0,
        r"^\W*NEWS TERMINAL\s*$": 1.0,
    }
    boilerplate = MENU
    bounds = {"lead": DATELINE.pattern}

    class Classic(HTMLLayout):
        """2016–2022 design (real tass.ru page; tass.com same classes)."""

        detect = r'class="news-header__title'
        title = css("h1.news-header__title")
        subtitle = css("div.news-header__lead")
        published = first(_epoch, date(jsonld("datePublished")), date(meta("article:published_time")))
        paragraphs = body("div.text-content", skip=".banner, .social, .tags")
        dateline = _dateline(css_all("div.text-content p"))
        tags = css_all("a.tags__item")
        metadata = _resolved

    class Modern(HTMLLayout):
        """Later design: JSON-LD and ``<article>`` (documented markup only)."""

        title = first(jsonld("headline"), meta("og:title"), css("h1"))
        subtitle = first(jsonld("description"), meta("og:description"))
        published = first(date(jsonld("datePublished")), date(meta("article:published_time")))
        modified = date(jsonld("dateModified"))
        paragraphs = body("article", skip="h1, header, aside, nav, .tags, [class*=tags], [class*=Tags], "
                                           "[class*=lead], [class*=Lead], [class*=share], [class*=banner]")
        dateline = _dateline(css_all("article p"))
        tags = first(jsonld("keywords"), css_all("[class*=tags] a"))
        metadata = _resolved

    class Capture(TextLayout):
        """A browser copy of a TASS page: menu, title, dateline, body."""

        title = _text_title
        published = _text_published
        paragraphs = lines_between(DATELINE.pattern, r"^•")  # a bullet: related list or menu
        dateline = _dateline(lambda ctx: ctx.page.lines)
