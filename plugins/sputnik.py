"""Sputnik (sputniknews.com, sputnikglobe.com and its language editions).

Page facts this plugin relies on:

* HTML, 2019–2020 design (real pages from htmldate's test set: sputniknews.com 2020 and
  arabic.sputniknews.com 2020): the headline in ``h1[itemprop=headline]``, the time in
  ``time.b-article__refs-date[datetime]`` (GMT, printed ``22:57 GMT 28.04.2020``) and in
  ``<meta itemprop="datePublished" content="…Z">``, the lead in ``.b-article__lead`` and the
  text in ``.b-article__text``; the author in ``.b-article__refs-author``.
* A text capture (corpus ``226``, ``227``, ``232``) reads: headline (often twice), the
  site's name ("Sputnik International", "SNA Radio"), the lead, the time as an ISO stamp
  ``2025-09-04T10:29+0000`` below the lead, the story, and closing prompts ("Follow
  Sputnik’s live feed …", "Sputnik is the general media partner …"). The German edition
  shows "Zum Kurzlink" and a view counter; its header clock ("13:14 21 November 2017") is
  the time of viewing, not of the story.
* A capture may show the lead first as a teaser (its wording ending otherwise), then the
  photo's caption, then the article printing the lead again (corpus ``227``): the story
  starts at the second print.
"""

from __future__ import annotations

from laoru.line_rules import printed_date_line, story, title_line
from laoru.model import Paragraph
from laoru.plugin import Context, HTMLLayout, Parser, TextLayout, outlet
from laoru.rules import body, css, date, first, jsonld, meta

PROMPTS = (r"Follow Sputnik’s live feed to learn more!|Sputnik is the general (?:media|information) partner"
           r"[^.]{0,80}\.")
"""Sputnik's own prompts, printed as lines or run into the story's last paragraph."""


def _lead_and_text(ctx: Context) -> list[Paragraph]:
    """The lead block then the text block: one story, two containers."""
    return [*(body(".b-article__lead")(ctx) or ()), *(body(".b-article__text")(ctx) or ())]


@outlet("sputnik", name="Sputnik", domains=["sputniknews.com", "sputnikglobe.com", "sputniknews.ru"],
        languages=["en", "ru", "ar", "de", "fr", "es"], tz="+00:00", version="1.0")
class Sputnik(Parser):
    signatures = {
        r"^\W*Sputnik International\s*$": 4.0,
        r"^\W*SNA Radio\s*$": 3.0,
        r"^\W*Zum Kurzlink\s*$": 3.0,
        r"Follow Sputnik’s live feed": 3.0,
        r"Sputnik is the general (?:media|information) partner": 3.0,
    }
    boilerplate = (r"Sputnik International", r"SNA Radio", r"\d{1,3}(?: \d{3})*", PROMPTS, r"Gemeinschaftsstandards.*")

    class Site(HTMLLayout):
        """2019–2020 design (real sputniknews.com pages, 2020)."""

        title = first(css("h1[itemprop=headline]"), meta("og:title"), jsonld("headline"))
        published = first(date(meta("datePublished")), date(css("time.b-article__refs-date", "datetime"), tz="+00:00"),
                          date(jsonld("datePublished")))
        modified = date(meta("dateModified"))
        authors = css(".b-article__refs-author [itemprop=name], .b-article__refs-author")
        paragraphs = _lead_and_text

    class Capture(TextLayout):
        """A capture: headline, site name, lead, ISO time stamp, story (corpus 226, 227)."""

        title = title_line(skip=(r"^(?:Sputnik International|SNA Radio)$",))
        published = printed_date_line()
        paragraphs = story(drop=(PROMPTS,), teaser=True)
