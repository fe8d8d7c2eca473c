"""Decoding page bytes: BOM, HTTP header, ``<meta>``, then fallbacks.

Any charset a page or a server names is untrusted: only real text encodings that the web
uses (the WHATWG Encoding Standard's set, as Python codecs) are honoured. A name such as
``undefined``, ``punycode``, ``rot13`` or ``base64`` is ignored like a misspelt one, never
looked up and run. UTF-8 bytes declared as a single-byte Latin charset (the usual mojibake)
are read as UTF-8 with a warning.
"""

from __future__ import annotations

import codecs
import re

import attrs

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_HEADER_CHARSET = re.compile(r"charset=([^;\s]+)", re.IGNORECASE)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "windows-1252",
            "latin1": "windows-1252", "latin-1": "windows-1252", "us-ascii": "windows-1252", "ascii": "windows-1252",
            "x-mac-cyrillic": "mac-cyrillic", "windows-874": "cp874"}

WEB_ENCODINGS = frozenset(
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp866", "koi8-r", "koi8-u", "mac-roman",
     "mac-cyrillic", "cp874", "tis-620", "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr",
     *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
     *(f"cp{n}" for n in range(1250, 1259))]
)
"""Python codec names of the WHATWG encodings (plus ``tis-620`` for Thai/Lao legacy pages)."""

_SINGLE_BYTE_LATIN = frozenset({"cp1252", "iso8859-15", "cp1250", "iso8859-2", "mac-roman"})


@attrs.frozen
class Decoded:
    """Text, the charset that produced it, and what a reader should know about the choice."""

    text: str
    charset: str
    warnings: tuple[str, ...] = ()


def web_charset(name: str) -> str | None:
    """The Python codec for a charset label a page or server gave, or None if it is not a web text encoding."""
    label = name.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        codec = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    return codec.name if codec.name in WEB_ENCODINGS else None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset a page declares: HTTP header first, then BOM, then ``<meta>``/XML prolog."""
    if content_type:
        header = _HEADER_CHARSET.search(content_type)
        if header and (name := web_charset(header.group(1))):
            return name
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    head = data[:4096]
    declared = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if declared:
        return web_charset(declared.group(1).decode("ascii", "replace"))
    return None


def decode_page(data: bytes, content_type: str | None = None) -> Decoded:
    """Declared charset if it decodes (UTF-8 over a Latin declaration), else UTF-8, else windows-1251/1252.

    A declared charset that fails to decode is ignored (pages lie); Cyrillic pages
    without a declaration are usually windows-1251, so it is tried before Latin-1.
    """
    declared = declared_charset(data, content_type)
    if declared in _SINGLE_BYTE_LATIN and not data.isascii():
        as_utf8 = _strict(data, "utf-8")
        if as_utf8 is not None:
            note = f"declared charset {declared} but the bytes are UTF-8: read as UTF-8"
            return Decoded(as_utf8, "utf-8", (note,))
    for name in (declared, "utf-8"):
        if name and (text := _strict(data, name)) is not None:
            return Decoded(text, name)
    fallback = "windows-1251" if _looks_cyrillic_1251(data) else "windows-1252"
    text = data.decode(fallback, errors="replace")
    lossy = ("bytes that are not valid " + fallback + " were replaced",) if "\ufffd" in text else ()
    return Decoded(text, fallback, lossy)


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Text and the charset used (see :func:`decode_page`, which also gives the warnings)."""
    decoded = decode_page(data, content_type)
    return decoded.text, decoded.charset


def _strict(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except (UnicodeError, LookupError):  # UnicodeError too: some codecs raise it bare
        return None


def _looks_cyrillic_1251(data: bytes) -> bool:
    high = [b for b in data[:20000] if b >= 0xC0]
    return len(high) > 20 and sum(1 for b in high if 0xE0 <= b <= 0xFF) / len(high) > 0.5
