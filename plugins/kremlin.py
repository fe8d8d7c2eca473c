"""The Kremlin (kremlin.ru, en.kremlin.ru and their accessible versions).

Page facts this plugin relies on (text captures of the accessible "special" version,
corpus ``234`` in English and ``297`` in Russian; no real kremlin.ru HTML page was
available to the project, so its HTML pages go to the generic reader):

* The accessible version opens with its display settings ("Select font Arial Times New
  Roman", "Character spacing (Kerning): …" / "Выберите шрифт …", "Интервал между буквами
  (Кернинг): …") and a breadcrumb ending in " /" ("Документ /", "Выступления и стенограммы /").
* Then the announcement (a paragraph), and for talks the transcript: a subhead
  ("Beginning of Russian-Lao talks"), speakers' lines ("President of Russia Vladimir
  Putin: …", "В.Путин: …"), sections parted by "* * *". The page's own headline is not
  in the capture.
"""

from __future__ import annotations

from laoru.line_rules import story
from laoru.plugin import Context, Parser, TextLayout, outlet

SETTINGS = (r"(?:Select font|Выберите шрифт) .*", r"(?:Character spacing|Интервал между буквами) .*",
            r"[^.]{1,60} /")


def _no_headline(ctx: Context) -> None:
    """The accessible page's capture has no headline line: the title stays empty, said so."""
    ctx.warn("the Kremlin's accessible page shows no headline in a capture; title left empty")


@outlet("kremlin", name="President of Russia (the Kremlin)", domains=["kremlin.ru"], languages=["en", "ru"],
        tz="+03:00", version="1.0")
class Kremlin(Parser):
    signatures = {
        r"^(?:Select font|Выберите шрифт) Arial Times New Roman": 6.0,
        r"^(?:Character spacing \(Kerning\)|Интервал между буквами \(Кернинг\)):": 6.0,
        r"^(?:President of Russia Vladimir Putin|В\.Путин):": 2.0,
    }
    boilerplate = SETTINGS

    class Capture(TextLayout):
        """The accessible version: settings, breadcrumb, announcement, transcript (corpus 234, 297)."""

        title = _no_headline
        paragraphs = story()
