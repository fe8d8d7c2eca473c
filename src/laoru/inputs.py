"""The one front door for input: every command, the Python API and every engine read through here.

:func:`units` turns what a user named (files, folders, globs, WARC files, ``-`` for
standard input) into input units; :func:`read_unit` turns one unit into
:class:`RawInput` pages (one for a page file, one per record for a WARC file). Only
regular files are read, with the size caps enforced while reading; gzip is decompressed
(every member) under a cap; a bad input raises :class:`InputError` naming it, or goes to
the caller's ``on_error(source, reason)`` so a batch goes on. Nothing here parses HTML.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

import attrs

from laoru import paths as _paths
from laoru.charsets import declared_charset, decode, decode_page
from laoru.errors import InputError
from laoru.paths import STDIN, label

MAX_COMPRESSED_BYTES = 50 * 1024 * 1024
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
ACCEPTED_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".txt", ".txt.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")

_HTML_SNIFF = re.compile(rb"<(!doctype\s+html|html|head|body|meta|div|p|article)[\s>]", re.IGNORECASE)

ErrorHandler = Callable[[str, str], None]


@attrs.frozen(slots=True)
class RawInput:
    """Bytes from one source, before decoding, with what reading them noticed (``warnings``)."""

    source: str
    data: bytes
    url: str | None = None
    content_type: str | None = None
    warnings: tuple[str, ...] = ()


RawPage = RawInput  # the name the design uses


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.search(text[:4096].encode("utf-8", "ignore")))


def _gunzip(source: str, data: bytes) -> tuple[bytes, tuple[str, ...]]:
    """Every gzip member, decompressed under the document cap; bytes after the last member are noted."""
    out = bytearray()
    while data[:2] == b"\x1f\x8b":
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
        data = decompressor.unused_data
    rest = data.strip(b"\x00")  # gzip writers may pad with zeros
    return bytes(out), ((f"ignored {len(rest)} bytes after the gzip data",) if rest else ())


def _checked(source: str, data: bytes) -> tuple[bytes, tuple[str, ...]]:
    warnings: tuple[str, ...] = ()
    if data[:2] == b"\x1f\x8b":
        data, warnings = _gunzip(source, data)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(source, f"document larger than {MAX_DOCUMENT_BYTES} bytes")
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(source, "binary data, not text or HTML")
    return data, warnings


def check_bytes(source: str, data: bytes) -> bytes:
    """Decompress if gzip'd and apply the caps; raise :class:`InputError` with the reason."""
    return _checked(source, data)[0]


_KINDS = ((stat.S_ISDIR, "is a directory"), (stat.S_ISFIFO, "not a regular file (a FIFO)"),
          (stat.S_ISCHR, "not a regular file (a character device)"),
          (stat.S_ISBLK, "not a regular file (a block device)"), (stat.S_ISSOCK, "not a regular file (a socket)"))


def open_regular(path: str | os.PathLike[str], source: str | None = None) -> IO[bytes]:
    """A binary handle on a regular file; anything else (folder, FIFO, device) is an :class:`InputError`.

    The file is opened without blocking (a FIFO with no writer would wait forever) and its
    type is checked on the open handle, so a link swapped in between cannot slip through.
    """
    source = source or label(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except OSError as exc:
        raise InputError(source, f"cannot read ({exc.strerror or exc})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        reason = next((why for test, why in _KINDS if test(mode)), "not a regular file")
        raise InputError(source, reason)
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return open(fd, "rb")


def read_capped(handle: IO[bytes], source: str, cap: int | None = None) -> bytes:
    """At most ``cap`` bytes from ``handle`` (default ``MAX_COMPRESSED_BYTES``): one more means the
    input is too large, so an endless or huge input is never read whole."""
    cap = MAX_COMPRESSED_BYTES if cap is None else cap
    try:
        data = handle.read(cap + 1)
    except OSError as exc:
        raise InputError(source, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > cap:
        raise InputError(source, f"file larger than {cap} bytes")
    return data


def read_path(path: str | os.PathLike[str]) -> RawInput:
    """Read one regular file (or ``-``, standard input), decompressing gzip with a size cap."""
    if str(path) == STDIN:
        return read_stdin()
    source = label(path)
    with open_regular(path, source) as handle:
        data = read_capped(handle, source)
    data, warnings = _checked(source, data)
    return RawInput(source=source, data=data, warnings=warnings)


def read_stdin(stream: IO[bytes] | None = None) -> RawInput:
    """Standard input as one page (``-`` on the command line), under the same caps as a file."""
    source = "<stdin>"
    data = read_capped(stream or sys.stdin.buffer, source)
    data, warnings = _checked(source, data)
    return RawInput(source=source, data=data, warnings=warnings)


def read_bytes(source: str, data: bytes, *, url: str | None = None,
               content_type: str | None = None) -> RawInput:
    """Wrap bytes from elsewhere (a crawler, a WARC record) with the same checks as files."""
    data, warnings = _checked(source, data)
    return RawInput(source=source, data=data, url=url, content_type=content_type, warnings=warnings)


def is_accepted(path: Path | str) -> bool:
    """A page file a folder walk picks up (``.html``, ``.htm``, ``.txt``, optionally ``.gz``)."""
    return str(path).lower().endswith(ACCEPTED_SUFFIXES)


def is_warc(path: str | os.PathLike[str]) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def _is_unit(name: str) -> bool:
    return is_accepted(name) or is_warc(name)


def _raise(source: str, reason: str) -> None:
    raise InputError(source, reason)


def units(inputs: Iterable[str | os.PathLike[str]], on_error: ErrorHandler | None = None) -> list[str]:
    """Input units named by files, folders (walked for pages and WARC files), globs and ``-``, in stable order.

    A folder or glob holding no input goes to ``on_error`` ("no input files found"); a name
    that does not exist is kept, so that reading it reports the reason.
    """
    return list(_paths.expand([os.fspath(i) for i in inputs], _is_unit, on_error or _raise))


def expand(inputs: Iterable[str | os.PathLike[str]], on_error: ErrorHandler | None = None) -> Iterator[str]:
    """The input units, lazily (see :func:`units`)."""
    return _paths.expand([os.fspath(i) for i in inputs], _is_unit, on_error or _raise)


def read_unit(unit: str, on_error: ErrorHandler | None = None) -> Iterator[RawInput]:
    """The pages of one input unit: a page file gives one, a WARC file one per page record.

    Bad inputs go to ``on_error(source, reason)`` and reading goes on; without a handler
    the first one is raised as :class:`InputError`.
    """
    if is_warc(unit):
        from laoru.warc import read_warc

        yield from read_warc(unit, on_error)
        return
    try:
        raw = read_path(unit)
    except InputError as exc:
        (on_error or _raise)(exc.source, exc.reason)
        return
    yield raw


def read(inputs: Iterable[str | os.PathLike[str]], on_error: ErrorHandler | None = None) -> Iterator[RawInput]:
    """Every page named by ``inputs`` (files, folders, globs, WARC files, ``-``), going on past bad ones."""
    for unit in expand(inputs, on_error):
        yield from read_unit(unit, on_error)


__all__ = ["RawInput", "RawPage", "declared_charset", "decode", "decode_page", "expand", "is_accepted", "is_warc",
           "label", "looks_like_html", "open_regular", "read", "read_bytes", "read_path", "read_stdin", "read_unit",
           "units"]
