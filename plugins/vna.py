"""Vietnam News Agency (VNA) and its VietnamPlus editions (vietnamplus.vn and its language sites).

Page facts this plugin relies on (text captures, corpus ``251``, es.vietnamplus.vn; no real
VietnamPlus HTML page was available to the project, so its HTML pages go to the generic reader):

* A story opens with the agency's dateline ``Vientiane (VNA)- `` and its last paragraph
  closes with ``– VNA``; the editor's credit follows on a line of its own (``Lương Mai Phương VNA``).
* The photo's alt text is the story's headline followed by ``hinh anh 1`` (Vietnamese:
  "picture 1"), and a capture runs the photo's caption on after it: ``Laos y Rusia fomentan
  cooperacion en defensa nacional hinh anh 1Los ministros … (Fuente: mil.ru)``. That alt text
  is the only headline the capture shows; the whole line is the photo's, never body text.
"""

from __future__ import annotations

from laoru.line_rules import story, title_line
from laoru.plugin import Parser, TextLayout, outlet
from laoru.rules import first, line

DATELINE = r"^(?P<place>[A-ZÀ-Ỹ][\w .'-]{1,40}) \((?:VNA|TTXVN)\)\s*[-–—]"
PHOTO_ALT = r"^(?P<headline>\S.{8,200}?) hinh anh \d+"
"""The photo's alt text (the headline, then "hinh anh N") with the caption run on."""
EDITOR = r"(?-i:(?:[A-ZÀ-Ỹ][^\W\d_]*\s){1,4}VNA)"
"""The editor's credit line closing the story: a name, then "VNA"."""


@outlet("vna", name="Vietnam News Agency (VietnamPlus)", domains=["vietnamplus.vn", "vnanet.vn"],
        languages=["vi", "en", "es", "fr"], tz="+07:00", version="1.0")
class VNA(Parser):
    signatures = {
        r"^[A-ZÀ-Ỹ][\w .'-]{1,40} \((?:VNA|TTXVN)\)\s*[-–—]": 6.0,
        r"\shinh anh \d+": 3.0,
    }
    boilerplate = (PHOTO_ALT + ".*", EDITOR)

    class Capture(TextLayout):
        """A capture: dateline and lead, the photo's alt text and caption, the story, the editor."""

        title = first(line(PHOTO_ALT, "headline"), title_line(opener=DATELINE))
        paragraphs = story(opener=DATELINE)
