"""Vientiane Times (vientianetimes.org.la), the state English-language daily of Laos.

Page facts this plugin relies on:

* An article reads title first, then the paragraphs, and only at the end the byline with
  the date: ``By Souksakhone Vaenkeo   (Latest Update May 13, 2024 )``. The site is old
  hand-made PHP pages laid out in tables, with section menus (``Law and Crime``,
  ``Health & Environment``) around the story.
* A text capture (seed ``002``, lines 27–38) keeps exactly that order; the menu follows as
  bullets.
* No real HTML page of the site was available to the project, and no public description
  of its markup: the HTML layout therefore reads the page's visible lines with the same
  rules as the text capture (the table cells give the same lines), and is tested on a
  fixture named synthetic. No CSS class of the real site is assumed.
"""

from __future__ import annotations

import re

from laoru.line_rules import heading_over_prose_closed_by, prose_closed_by
from laoru.plugin import HTMLLayout, Parser, TextLayout, outlet
from laoru.rules import css, date, first, line, meta

BYLINE = r"^By (?P<authors>.+?)\s*\(\s*Latest Update (?P<date>[^)]+?)\s*\)\s*$"
_BYLINE = re.compile(BYLINE)


_title = heading_over_prose_closed_by(BYLINE)
"""The heading just above the story's first paragraph."""
_paragraphs = prose_closed_by(BYLINE)
"""The block of prose that the byline closes (without a byline: the prose lines)."""


@outlet("vientiane-times", name="Vientiane Times", domains=["vientianetimes.org.la", "vientianetimes.la"],
        languages=["en"], tz="+07:00", version="1.0")
class VientianeTimes(Parser):
    signatures = {
        r"^By .{3,80}\(\s*Latest Update [A-Z][a-z]+ \d{1,2}, \d{4}\s*\)\s*$": 6.0,
        r"Vientiane Times": 1.0,
    }
    boilerplate = (r"Law and Crime", r"Health & Environment", r"Latest Update.*")
    bounds = {"end": BYLINE}

    class Capture(TextLayout):
        """Browser copy: title, paragraphs, byline with the date."""

        title = _title
        published = date(line(BYLINE, "date"), "%B %d, %Y", "human")
        authors = line(BYLINE, "authors")
        paragraphs = _paragraphs

    class Site(HTMLLayout):
        """The site's table pages, read through their visible lines (markup not assumed)."""

        title = first(_title, meta("og:title"), css("title"))
        published = date(line(BYLINE, "date"), "%B %d, %Y", "human")
        authors = line(BYLINE, "authors")
        paragraphs = _paragraphs
