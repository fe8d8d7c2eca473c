"""Kommersant (kommersant.ru), the Russian business daily.

Page facts this plugin relies on:

* HTML (real page ``kommersant.ru/doc/7715044``, 2025, from Fundus's test data): the
  headline in ``h1.doc_header__name`` and the standfirst in ``h2.doc_header__subheader``
  inside ``header.doc_header``; the time in ``time.doc_header__publish_time[datetime]``
  (with offset); the text as ``p.doc__text`` (quotes ``p.doc__thought``) in
  ``.article_text_wrapper``; photos in ``figure`` with ``p.doc_media__text`` captions and a
  credit ``Фото: Name, Коммерсантъ``; the author signs off in ``p.doc__text.document_authors``.
* A text capture (corpus ``285``, ``287``, ``290``, ``304``) reads: headline, standfirst,
  the lead, the gallery's "Выйти из полноэкранного режима Развернуть на весь экран" run
  into the caption, caption and credit lines, subheads, and the reporter's sign-off
  "корреспондент «Ъ» Name" (the paper's one-letter name).
"""

from __future__ import annotations

from laoru.line_rules import printed_date_line, story, title_line
from laoru.plugin import HTMLLayout, Parser, TextLayout, outlet
from laoru.rules import body, css, css_all, date, first, jsonld, meta

GALLERY = r"Выйти из полноэкранного режима(?: Развернуть на весь экран)?.*"


@outlet("kommersant", name="Kommersant", domains=["kommersant.ru"], languages=["ru"], tz="+03:00", version="1.0")
class Kommersant(Parser):
    signatures = {
        r"корреспондент[а-я]*\s+[«“]Ъ[»”]": 5.0,
        r"Фото: [^\n]{0,60}Коммерсантъ": 5.0,
        r"^Выйти из полноэкранного режима": 3.0,
    }
    boilerplate = (GALLERY,)

    class Site(HTMLLayout):
        """kommersant.ru/doc/N (real page, 2025)."""

        title = first(css("h1.doc_header__name"), meta("og:title"), jsonld("headline"))
        subtitle = first(css("h2.doc_header__subheader"), meta("og:description"))
        published = first(date(css("time.doc_header__publish_time", "datetime")),
                          date(meta("article:published_time")), date(jsonld("datePublished")))
        authors = first(jsonld("author", "name"), css("p.document_authors"))
        paragraphs = body(".article_text_wrapper",
                          skip="figure, .doc_media, .iconbox, script, .hide_desktop, .document_authors")
        captions = css_all(".article_text_wrapper p.doc_media__text:not(.doc_media__src)")

    class Capture(TextLayout):
        """A capture: headline, standfirst, lead, gallery captions and credits (corpus 285, 304)."""

        title = title_line(topmost=True)
        published = printed_date_line()
        paragraphs = story()
