"""The Laotian Times (laotiantimes.com), an English-language news site on WordPress.

Page facts this plugin relies on:

* HTML: a WordPress site. The layout reads what WordPress and its SEO plugins declare on
  every post (JSON-LD ``NewsArticle``/``Article`` with ``headline``, ``datePublished``,
  ``author`` and ``keywords``; ``og:title``; ``article:published_time``;
  ``article:tag``) and the usual post containers (``.entry-content`` and the
  tagDiv theme's ``.td-post-content``/``.tdb_single_content``), with ``rel="tag"`` links
  for tags. No real laotiantimes.com page was available to the project: these are the
  documented WordPress conventions, not verified markup of the site, and the layout is
  tested on a fixture named synthetic.
* A text capture (seed ``002``, lines 40–68) reads: the masthead ``The Laotian Times``,
  a header strip (the latest headline, then several headlines run together in lower
  case: ``France, european union inject …, thaksin indicted …``), the story's paragraphs,
  its tags as bullets, ``Latest article`` with another run-together strip, and the
  masthead again. That capture does not show the story's own headline: the line after
  the masthead is another story's, so no title is taken from it.
* A capture of the site's pages from their top (corpus ``256``, a section page) opens with the
  tagDiv theme's header: the weather widget set to the site's city (``28.8 C``, ``Vientiane``),
  the date (``Tuesday, September 9, 2025``) and the theme's ``spot_img`` placeholder. Stories
  captured from their first paragraph (``244``, ``247``, ``253``, ``259``, ``260``, ``263``) show
  nothing of the site and cannot be told from another outlet's: they stay with ``generic``.
"""

from __future__ import annotations

import re

from laoru.clean import is_prose
from laoru.line_rules import bullets, line_before, lines_from
from laoru.plugin import Context, HTMLLayout, Parser, TextLayout, outlet
from laoru.rules import body, css, css_all, date, first, jsonld, meta

MASTHEAD = r"^The Laotian Times$"
WEATHER = r"^\d{1,2}(?:\.\d)?\s*°?C\s*\n\s*Vientiane\s*$"
"""The header's weather widget, set to the site's city: ``28.8 C`` then ``Vientiane``."""
LATEST = re.compile(r"^(?:Latest (?:article|news|posts?)|Related (?:posts|articles)|You may also like)$",
                    re.IGNORECASE)
STRIP = re.compile(r"\b(?:laos|lao|thailand|thai|vietnam|cambodia|china|singapore|myanmar|vientiane|"
                   r"european union|asean)\b")
"""Proper names in lower case: the header/footer strip of run-together headlines."""
BODY = ".entry-content, .td-post-content, .tdb_single_content .tdb-block-inner"
SKIP = (".sharedaddy, .jp-relatedposts, .td-post-sharing, .wp-block-latest-posts, [class*=related], "
        "[class*=latest], .post-tags, .tags, .tagcloud, .td-post-source-tags, script, style")


def _is_strip(text: str) -> bool:
    return text.count(",") >= 2 and bool(STRIP.search(text))


def _opens_story(text: str) -> bool:
    """The story's first paragraph: prose that is not the header strip."""
    return is_prose(text) and not _is_strip(text)


def _closes_story(text: str) -> bool:
    """The tag bullets or 'Latest article' after the story."""
    return text.startswith("•") or bool(LATEST.match(text))


_heading = line_before(_opens_story)


def _text_title(ctx: Context) -> str | None:
    """The heading right above the first paragraph; the header strip is never a title."""
    above = _heading(ctx)
    if above is None or is_prose(above) or re.match(MASTHEAD, above) or _is_strip(above):
        ctx.warn("the capture does not show this story's headline")
        return None
    return above


@outlet("laotian-times", name="The Laotian Times", domains=["laotiantimes.com"], languages=["en"],
        tz="+07:00", version="1.0")
class LaotianTimes(Parser):
    feeds = ("https://laotiantimes.com/feed/",)  # the site's WordPress RSS feed
    signatures = {
        MASTHEAD: 5.0,
        r"^Latest article$": 1.0,
        r"laotiantimes\.com": 2.0,
        WEATHER: 5.0,
    }
    boilerplate = (MASTHEAD, LATEST.pattern, r"spot_img", r"\d{1,2}(?:\.\d)?\s*°?C", r"Vientiane",
                    r"(?-i:.*\b(?:laos|thailand|vietnam)\b.*,.*,.*)")
    bounds = {"head": MASTHEAD, "end": MASTHEAD}

    class Site(HTMLLayout):
        """WordPress post (documented WordPress/SEO-plugin conventions; synthetic fixture)."""

        title = first(jsonld("headline"), meta("og:title"), css("h1.entry-title, h1.tdb-title-text, h1"))
        published = first(date(jsonld("datePublished")), date(meta("article:published_time")),
                          date(css("time.entry-date[datetime]", "datetime")))
        modified = first(date(jsonld("dateModified")), date(meta("article:modified_time")))
        authors = first(jsonld("author", "name"), meta("author"), css_all(".author a, a[rel=author]"))
        paragraphs = body(BODY, skip=SKIP, captions="figcaption, .wp-caption-text")
        captions = css_all(".entry-content figcaption, .entry-content .wp-caption-text, "
                           ".td-post-content figcaption")
        tags = first(css_all('meta[property="article:tag"]', "content"), css_all("a[rel~=tag]"),
                     jsonld("keywords"))

    class Capture(TextLayout):
        """Browser copy: masthead, header strip, paragraphs, tag bullets, 'Latest article'."""

        title = _text_title
        paragraphs = lines_from(_opens_story, until=_closes_story, without=_is_strip)
        tags = bullets(lines_from(_closes_story, after=_opens_story), leading=True)  # right after the story
