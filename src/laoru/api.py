"""The front door for scripts and notebooks: parse a path, bytes or text into Documents."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from laoru import capture_header
from laoru.errors import InputError, LaoruError
from laoru.inputs import RawInput, expand, label, read_bytes, read_unit
from laoru.limits import time_limit
from laoru.model import Document
from laoru.page import Page
from laoru.registry import Registry
from laoru.split import split_page

ErrorHandler = Callable[[str, str], None]


@functools.lru_cache(maxsize=8)
def _default_registry(extra: tuple[str, ...]) -> Registry:
    return Registry.discover(extra)


def registry(plugins: Sequence[str | os.PathLike[str]] = ()) -> Registry:
    """The installed plugins plus ``plugins`` files/folders (discovered once per process)."""
    return _default_registry(tuple(str(p) for p in plugins))


def parse_page(page: Page, *, outlet: str | None = None, plugins: Registry | None = None) -> list[Document]:
    """One page → its Documents: a multi-article capture gives several, each routed on its own."""
    plugins = plugins or registry()
    page = capture_header.detach(page)
    documents = []
    for part in split_page(page, plugins, outlet=outlet):
        route = plugins.route(part.page, outlet=outlet)
        document = route.parser.parse(part.page, **route.to_dict())
        if not document.paragraphs and not outlet and route.parser is not plugins.fallback:
            document = _fallback(part.page, plugins, document)
        if part.warnings:
            document = document.evolve(warnings=(*document.warnings, *part.warnings))
        documents.append(document)
    return documents


def _fallback(page: Page, plugins: Registry, failed: Document) -> Document:
    """A routed plugin that finds no body must not lose the page: the generic reader tries it."""
    document = plugins.fallback.parse(page, plugin=plugins.fallback.info.slug, score=0.0, by="fallback")
    if not document.paragraphs:
        return failed
    note = f"{failed.parser} found no body text; read by the generic fallback instead"
    return document.evolve(warnings=(note, *document.warnings))


def parse_text(text: str, *, source: str = "<text>", url: str | None = None, outlet: str | None = None,
               plugins: Registry | None = None) -> list[Document]:
    """Parse a capture or an HTML string already in memory."""
    return parse_page(Page.from_text(text, source=source, url=url), outlet=outlet, plugins=plugins)


def parse_bytes(data: bytes, *, source: str = "<bytes>", url: str | None = None,
                content_type: str | None = None, outlet: str | None = None,
                plugins: Registry | None = None) -> list[Document]:
    """Parse fetched bytes (a crawler's response, a WARC record); charset from ``content_type``."""
    raw = read_bytes(source, data, url=url, content_type=content_type)
    return parse_raw(raw, outlet=outlet, plugins=plugins)


def parse_raw(raw: RawInput, *, outlet: str | None = None, plugins: Registry | None = None) -> list[Document]:
    """One page read by :mod:`laoru.inputs` → its Documents, carrying what reading it noticed.

    Whatever goes wrong is an :class:`InputError` naming the page, including a page that
    takes longer than :data:`laoru.limits.SECONDS_PER_DOCUMENT`.
    """
    try:
        with time_limit(raw.source):
            page = Page.from_raw(raw)
            documents = parse_page(page, outlet=outlet, plugins=plugins)
    except InputError:
        raise
    except LaoruError as exc:
        raise InputError(raw.source, str(exc)) from None
    provenance = getattr(raw, "warc", None)  # a WARC record's (laoru.warc.WarcInput)
    if not page.input_warnings and not provenance:
        return documents
    return [d.evolve(warnings=(*page.input_warnings, *d.warnings),
                     metadata={**d.metadata, "warc": dict(provenance)} if provenance else d.metadata)
            for d in documents]


def parse_path(path: str | os.PathLike[str], *, url: str | None = None, outlet: str | None = None,
               plugins: Registry | None = None) -> list[Document]:
    """Parse one file (``.html``, ``.htm``, ``.txt``, optionally ``.gz``; a WARC file; ``-`` for stdin).

    Raises :class:`InputError` for the first bad input.
    """
    documents = []
    for raw in read_unit(os.fspath(path)):
        documents.extend(parse_raw(attrs.evolve(raw, url=url) if url else raw, outlet=outlet, plugins=plugins))
    return documents


def parse_unit(unit: str, *, outlet: str | None = None, plugins: Registry | None = None,
               on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """The Documents of one input unit (a page file, a WARC file, ``-``), going on past bad pages.

    Without ``on_error`` the first bad input is raised; with it, even a page that makes a
    plugin fail unexpectedly is reported and skipped, so one page never stops a batch.
    """
    for raw in read_unit(unit, on_error):
        try:
            documents = parse_raw(raw, outlet=outlet, plugins=plugins)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc.source, exc.reason)
            continue
        except Exception as exc:  # a plugin bug on a strange page: report it, keep the batch
            if on_error is None:
                raise
            on_error(raw.source, f"could not be parsed ({type(exc).__name__}: {exc})")
            continue
        yield from documents


def parse_paths(paths: Iterable[str | os.PathLike[str]], *, outlet: str | None = None,
                plugins: Registry | None = None, on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """Parse files, folders, globs, WARC files and ``-`` (stdin), going on past bad inputs.

    Each bad input is passed to ``on_error(source, reason)``; without a handler the error is raised.
    """
    plugins = plugins or registry()
    report = _one_line(on_error) if on_error else None
    for unit in expand(paths, report):
        yield from parse_unit(unit, outlet=outlet, plugins=plugins, on_error=report)


def _one_line(on_error: ErrorHandler) -> ErrorHandler:
    """The handler, given source and reason as one printable line each (a reason may quote a page)."""

    def report(source: str, reason: str) -> None:
        on_error(label(source), label(reason))

    return report
