"""Interfax (interfax.ru, interfax.com), the Russian news agency.

Page facts this plugin relies on (text captures, corpus ``213``, ``276``, ``294``; no real
Interfax HTML page was available to the project, so its HTML pages go to the generic reader):

* English stories open ``MOSCOW. Jan 10 (Interfax-AVN) - `` (the service after a dash),
  Russian ones ``Москва. 19 сентября. INTERFAX.RU - ``.
* interfax.com prints the time above the headline, ``10 Jan 2019 10:02``.
"""

from __future__ import annotations

from laoru.line_rules import dateline_day, dateline_line, printed_date_line, story, title_line
from laoru.plugin import Parser, TextLayout, outlet
from laoru.rules import first

DATELINE = (r"^(?P<place>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё .-]{1,40})\.\s*(?P<date>[A-Z][a-z]{2,4}\.? \d{1,2}|\d{1,2} [а-я]+)\.?"
            r"\s*(?:\((?:Interfax|Интерфакс)(?:-[\w-]+)?\)|INTERFAX\.RU)\s*[-–—]")


@outlet("interfax", name="Interfax", domains=["interfax.ru", "interfax.com"], languages=["en", "ru"],
        tz="+03:00", version="1.0")
class Interfax(Parser):
    signatures = {
        r"\((?:Interfax|Интерфакс)(?:-[\w-]+)?\)\s*[-–—]": 6.0,
        r"\bINTERFAX\.RU\s*[-–—]": 6.0,
    }
    boilerplate = (r"Поиск",)
    bounds = {"lead": DATELINE}

    class Capture(TextLayout):
        """A capture: time, headline, dateline and story (corpus 213, 294)."""

        title = title_line(opener=DATELINE)
        published = first(printed_date_line(), dateline_day(DATELINE))
        dateline = dateline_line(DATELINE)
        paragraphs = story(opener=DATELINE)
