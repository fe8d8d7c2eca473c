"""RIA Novosti (ria.ru), the Russian state news agency.

Page facts this plugin relies on (text captures, corpus ``281``, ``289``, ``295``; no real
ria.ru HTML page was available to the project, so HTML pages of ria.ru go to the generic
reader):

* Every story opens with a dateline ``ВЛАДИВОСТОК, 4 сен - РИА Новости.``: place in
  capitals, a yearless day with a three-letter month, the agency's name.
* The headline is printed twice (page title and heading) and once more as
  ``Headline - РИА Новости, 19.09.2025``: that line carries the page's date.
* Photos carry ``© РИА Новости / Name | Перейти в медиабанк`` credits; forum stories
  close with "РИА Новости выступает … информационным партнером …".
"""

from __future__ import annotations

from laoru.line_rules import dateline_day, dateline_line, printed_date_line, story, title_line
from laoru.plugin import Parser, TextLayout, outlet
from laoru.rules import first

DATELINE = r"^(?P<place>[А-ЯЁ][А-ЯЁ .()-]{1,40}),\s*(?P<date>\d{1,2} [а-я]{3,8}\.?)\s*[-–—]\s*РИА Новости\."
PARTNER = r"РИА Новости выступает [^.]{0,40}информационным партнером[^.]{0,80}\."
"""RIA's sponsor line, run into the last paragraph of forum stories."""


@outlet("ria", name="RIA Novosti", domains=["ria.ru"], languages=["ru"], tz="+03:00", version="1.0")
class RIA(Parser):
    signatures = {
        DATELINE: 6.0,
        r"[-–—] РИА Новости, \d{2}\.\d{2}\.\d{4}\s*$": 4.0,
        r"© РИА Новости": 2.0,
    }
    boilerplate = (PARTNER, r"Перейти в медиабанк")
    bounds = {"lead": DATELINE}

    class Capture(TextLayout):
        """A capture: headline (printed twice), photo credit, dateline and story (corpus 281, 295)."""

        title = title_line(opener=DATELINE)
        published = first(printed_date_line(), dateline_day(DATELINE))
        dateline = dateline_line(DATELINE)
        paragraphs = story(opener=DATELINE, drop=(PARTNER,))
