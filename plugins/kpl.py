"""KPL — Lao News Agency (kpl.gov.la), and KPL stories republished elsewhere.

Page facts this plugin relies on:

* kpl.gov.la article pages (``/En/detail.aspx?id=N``) carry the title twice in
  ``.post-top-entry`` (one copy hidden with ``uk-hidden``), the date in ``span.post-time``
  as ``DD/MM/YYYY HH:MM`` local time (+07:00), the lead in ``.post-summary`` and the body
  in ``div.post-ct-entry``. No real KPL HTML page was available to the project: the HTML
  layout follows this documented markup and is tested on a fixture named synthetic.
* A text capture of a KPL page (seed ``001``) reads: title, ``03/08/2025 11:00``,
  ``Email Print 2204``, the lead prefixed ``KPL``, captions, the body opening ``(KPL)``,
  a closing ``KPL``, then ``ຂ່າວອື່ນໆ`` ("other news") with related items whose dates are
  ``M/D/YYYY h:mm:ss AM``, and ``Top``. The ``(KPL)`` credit opens the first paragraph as
  printed, like a wire dateline (TASS, RIA, Interfax), and stays there in the body.
* In a search-session capture (seed ``002``) a KPL story may have no date of its own, and
  its related list reads ``title / title / 6/24/2024 3:20:24 PM / (KPL) summary``.
* Republishers (seed ``004``, a WordPress site) end the story with
  ``Source: Lao News Agency`` and wrap it in their own search box and "RECENT NEWS".
"""

from __future__ import annotations

import re

from laoru import dates
from laoru.clean import is_caption, is_prose
from laoru.model import Related
from laoru.plugin import HTMLLayout, Parser, TextLayout, outlet
from laoru.rules import body, captions_in, css, css_all, date, first_line, line, lines_between

DATE = "%d/%m/%Y %H:%M"
RELATED_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$")
BODY_END = r"^(?:KPL|ຂ່າວອື່ນໆ|Top|ຂ່າວ KPL.*)$"
CATEGORY_SUFFIX = re.compile(r"(?<=[a-z.”\"])(?:Politics|Economics|Social|Sports|Culture|Tourism|World)$")


def _related_items(ctx) -> list[Related]:
    """KPL's 'other news' items: a title (often printed twice), a date, a summary."""
    lines = ctx.page.lines
    items: list[Related] = []
    for index, text in enumerate(lines):
        if RELATED_DATE.match(text) and index > 0:
            title = CATEGORY_SUFFIX.sub("", lines[index - 1]).lstrip("• ").strip()
            published = dates.parse_format(text, "%m/%d/%Y %I:%M:%S %p", ctx.info.tz)
            items.append(Related(title=title, published=published))
    return items


def _body_lines(ctx) -> list[str]:
    """Lines from the ``(KPL)`` opening to the closing mark or the first related item.

    KPL stories have no subheads: a short unpunctuated line among the paragraphs is chrome
    of the capture (a search query the browser printed between pages, seed ``002``).
    """
    lines = lines_between(r"^\(KPL\)", BODY_END)(ctx) or []
    related_titles = {item.title for item in _related_items(ctx)}
    body: list[str] = []
    for text in lines:
        if text in related_titles or CATEGORY_SUFFIX.sub("", text.lstrip("• ")) in related_titles:
            break
        if is_prose(text) or is_caption(text):  # a short line inside a KPL story is page chrome
            body.append(text)
    return body


@outlet("kpl", name="KPL — Lao News Agency", domains=["kpl.gov.la"], languages=["en", "lo"],
        tz="+07:00", version="1.0")
class KPL(Parser):
    signatures = {
        r"^\(KPL\)": 3.0,
        r"^Email Print \d+\s*$": 3.0,
        r"^\s*ຂ່າວອື່ນໆ\s*$": 2.0,
        r"^Source: (?:Lao News Agency|KPL)\s*$": 4.0,
        r"^KPL\s*$": 1.0,
    }
    boilerplate = (r"Email Print \d+", r"ຂ່າວອື່ນໆ", r"ຂ່າວ KPL.*", r"KPL")
    bounds = {"lead": r"^(?:\(KPL\)\s|Email Print \d+$)", "end": r"^(?:ຂ່າວ KPL.*|Top|Source: (?:Lao News Agency|KPL))$"}

    class Site(HTMLLayout):
        title = css(".post-top-entry h1:not(.uk-hidden)")
        published = date(css("span.post-time"), DATE)
        subtitle = css(".post-summary")
        paragraphs = body("div.post-ct-entry")
        related = css_all(".related li")
        captions = css_all("div.post-ct-entry figcaption, div.post-ct-entry .caption")

    class Capture(TextLayout):
        title = first_line(skip=[r"^(?:Search|Close this search box\.?)$"])
        published = date(line(r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$"), DATE)
        subtitle = line(r"^KPL (.{40,})$", 1)
        paragraphs = _body_lines
        captions = captions_in(lines_between(after=r"^Email Print", end=BODY_END))
        related = _related_items

    class Republished(TextLayout):
        detect = r"^Source: (?:Lao News Agency|KPL)\s*$"
        title = first_line(skip=[r"^(?:Search|Close this search box\.?)$"])
        paragraphs = lines_between(after=r"^Close this search box\.?$", end=r"^Source: (?:Lao News Agency|KPL)")

        def metadata(ctx) -> dict[str, str]:
            return {"republished": "Source: Lao News Agency"}
