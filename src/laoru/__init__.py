"""laoru: clean, de-duplicated, structured data from news about Laos–Russia relations.

>>> import laoru
>>> docs = laoru.parse_path("examples/data/001_eb054365cde1a667.txt")  # doctest: +SKIP
"""

from laoru.api import parse_bytes, parse_page, parse_path, parse_paths, parse_text, registry
from laoru.errors import InputError, LaoruError, PluginError, UnknownOutletError
from laoru.model import Dateline, Document, Paragraph, Related
from laoru.page import Page
from laoru.plugin import HTMLLayout, Parser, TextLayout, outlet

__version__ = "0.1.0"

__all__ = [
    "Dateline", "Document", "HTMLLayout", "InputError", "LaoruError", "Page", "Paragraph", "Parser",
    "PluginError", "Related", "TextLayout", "UnknownOutletError", "outlet", "parse_bytes", "parse_page",
    "parse_path", "parse_paths", "parse_text", "registry",
]
