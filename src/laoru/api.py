"""The front door for scripts and notebooks: parse a path, bytes or text into Documents."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence

from laoru import capture_header
from laoru.errors import InputError, LaoruError
from laoru.inputs import expand, read_bytes, read_path
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
    return parse_page(Page.from_raw(raw), outlet=outlet, plugins=plugins)


def parse_path(path: str | os.PathLike[str], *, url: str | None = None, outlet: str | None = None,
               plugins: Registry | None = None) -> list[Document]:
    """Parse one file (``.html``, ``.htm``, ``.txt``, optionally ``.gz``). Raises :class:`InputError`."""
    raw = read_path(path)
    page = Page.from_raw(raw)
    if url:
        page.given_url = url
    try:
        return parse_page(page, outlet=outlet, plugins=plugins)
    except InputError:
        raise
    except LaoruError as exc:
        raise InputError(str(path), str(exc)) from None


def parse_paths(paths: Iterable[str | os.PathLike[str]], *, outlet: str | None = None,
                plugins: Registry | None = None, on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """Parse files, folders and globs, going on past bad files.

    Each bad file is passed to ``on_error(source, reason)``; without a handler the error is raised.
    """
    from laoru.warc import is_warc, parse_warc

    for path in expand(paths):
        if is_warc(path):
            yield from parse_warc(path, outlet=outlet, plugins=plugins, on_error=on_error)
            continue
        try:
            documents = parse_path(path, outlet=outlet, plugins=plugins)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc.source, exc.reason)
            continue
        yield from documents
