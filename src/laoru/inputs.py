"""Reading inputs: files, gzip, encodings and the caps that keep untrusted input cheap.

Nothing here parses HTML; it only turns bytes from somewhere into text that a
:class:`~laoru.page.Page` can be built from, or raises :class:`InputError`.
"""

from __future__ import annotations

import codecs
import glob
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from laoru.errors import InputError

MAX_COMPRESSED_BYTES = 50 * 1024 * 1024
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
ACCEPTED_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".txt", ".txt.gz")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "windows-1252"}
_HTML_SNIFF = re.compile(rb"<(!doctype\s+html|html|head|body|meta|div|p|article)[\s>]", re.IGNORECASE)


@attrs.frozen(slots=True)
class RawInput:
    """Bytes from one source, before decoding."""

    source: str
    data: bytes
    url: str | None = None
    content_type: str | None = None


def _normalise_charset(name: str) -> str | None:
    name = name.strip().strip("\"'").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset a page declares: HTTP header first, then BOM, then ``<meta>``/XML prolog."""
    if content_type:
        match = re.search(r"charset=([^;\s]+)", content_type, re.IGNORECASE)
        if match and (name := _normalise_charset(match.group(1))):
            return name
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match:
        return _normalise_charset(match.group(1).decode("ascii", "replace"))
    return None


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Text and the charset used: declared if it decodes, else UTF-8, else windows-1251/1252.

    A declared charset that fails to decode is ignored (pages lie); Cyrillic pages
    without a declaration are usually windows-1251, so it is tried before Latin-1.
    """
    candidates = [declared_charset(data, content_type), "utf-8"]
    for name in candidates:
        if not name:
            continue
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    fallback = "windows-1251" if _looks_cyrillic_1251(data) else "windows-1252"
    return data.decode(fallback, errors="replace"), fallback


def _looks_cyrillic_1251(data: bytes) -> bool:
    high = [b for b in data[:20000] if b >= 0xC0]
    return len(high) > 20 and sum(1 for b in high if 0xE0 <= b <= 0xFF) / len(high) > 0.5


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.search(text[:4096].encode("utf-8", "ignore")))


def _gunzip(source: str, data: bytes) -> bytes:
    out = bytearray()
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while data:
            out += decompressor.decompress(data, MAX_DOCUMENT_BYTES + 1 - len(out))
            if len(out) > MAX_DOCUMENT_BYTES:
                raise InputError(source, f"decompressed size exceeds {MAX_DOCUMENT_BYTES} bytes")
            data = decompressor.unconsumed_tail
            if decompressor.eof:
                break
    except zlib.error as exc:
        raise InputError(source, f"corrupt gzip data ({exc})") from None
    if not decompressor.eof:
        raise InputError(source, "truncated gzip file")
    return bytes(out)


def check_bytes(source: str, data: bytes) -> bytes:
    """Decompress if gzip'd and apply the caps; raise :class:`InputError` with the reason."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(source, data)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(source, f"document larger than {MAX_DOCUMENT_BYTES} bytes")
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(source, "binary data, not text or HTML")
    return data


def read_path(path: str | os.PathLike[str]) -> RawInput:
    """Read one file, decompressing ``.gz`` with a size cap."""
    source = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_COMPRESSED_BYTES:
            raise InputError(source, f"file larger than {MAX_COMPRESSED_BYTES} bytes")
        with open(path, "rb") as handle:
            data = handle.read()
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as exc:
        raise InputError(source, f"cannot read ({exc.strerror or exc})") from None
    return RawInput(source=source, data=check_bytes(source, data))


def is_accepted(path: Path) -> bool:
    return path.name.lower().endswith(ACCEPTED_SUFFIXES)


def expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Files named by paths, directories (walked, accepted suffixes only) and globs, in stable order.

    A name that matches nothing is yielded as is, so that reading it reports the reason.
    """
    for item in paths:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            yield from sorted(str(p) for p in path.rglob("*") if p.is_file() and is_accepted(p))
        elif glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            yield from (m for m in matches if Path(m).is_file())
            if not matches:
                yield text
        else:
            yield text


def read_bytes(source: str, data: bytes, *, url: str | None = None,
               content_type: str | None = None) -> RawInput:
    """Wrap bytes from elsewhere (a crawler, a WARC record) with the same checks as files."""
    return RawInput(source=source, data=check_bytes(source, data), url=url, content_type=content_type)


__all__ = ["RawInput", "decode", "expand", "looks_like_html", "read_bytes", "read_path"]
