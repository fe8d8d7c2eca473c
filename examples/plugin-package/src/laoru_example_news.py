"""Example News (news.example): a laoru outlet plugin.

Written by ``laoru new-plugin`` from the template; replace the selectors and patterns
with what the outlet's real pages show, then compare with the expected output
(add ``--update`` to accept the new output as expected):

    laoru check-plugin src/laoru_example_news.py --fixture tests/fixtures/example-news

Page facts this plugin relies on (keep this list true; it is what a reviewer checks):

* Article pages put the headline in ``h1.headline``, the date in
  ``time.published[datetime]`` (ISO 8601) and the body in ``div.article-body``.
* A text capture (a browser's "select all, copy") starts with the masthead line
  ``Example News``, then the headline, then ``Published: 12 May 2025``.
"""

from __future__ import annotations

from laoru.plugin import HTMLLayout, Parser, TextLayout, outlet
from laoru.rules import body, css, css_all, date, first, first_line, line, lines_between, meta


@outlet(
    "example-news",
    name="Example News",
    domains=["news.example"],
    languages=["en"],
    tz="+07:00",  # local time of dates printed without a zone
    version="1.0",  # bump when the output changes; add a layout with `since` for a redesign
)
class ExampleNews(Parser):
    # Routing of pages without a URL (text captures): regex on the page text -> weight.
    # The plugin with the highest total wins; a tie goes to the generic fallback.
    signatures = {
        r"^Example News\s*$": 3.0,
        r"^Published: \d{1,2} \w+ \d{4}$": 1.0,
    }
    # Whole lines that are chrome on this outlet only (shared ones such as "Share" or
    # "Read more" are already removed by laoru.clean).
    boilerplate = (r"Example News", r"Follow Example News on .*")

    class Site(HTMLLayout):
        # Fields are rules: functions of ``ctx`` (see laoru.rules for the factories).
        title = first(css("h1.headline"), meta("og:title"))
        published = date(first(css("time.published", attr="datetime"), meta("article:published_time")), "iso")
        authors = css_all(".byline a")
        subtitle = css("p.standfirst")
        paragraphs = body("div.article-body", skip=".share, .related")
        captions = css_all("div.article-body figcaption")
        tags = css_all("ul.tags li")

    class Capture(TextLayout):
        title = first_line(skip=[r"^Example News$", r"^(?:Home|News|Search)$"])
        published = date(line(r"^Published: (.+)$", 1), "human")
        paragraphs = lines_between(after=r"^Published: ", end=r"^(?:Tags:|Related)")

        def tags(ctx) -> list[str]:
            """A custom rule is a plain function of the context."""
            found = line(r"^Tags: (.+)$", 1)(ctx)
            return [tag.strip() for tag in found.split(",")] if found else []
