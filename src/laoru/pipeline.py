"""The whole pipeline as small functions over iterators: parse → clean → dedup → events → timeline.

Each stage is usable on its own in a plain loop (``for doc in clean(parse(paths)): ...``);
:func:`run` chains them in one process, and the Dask and Spark engines
(:mod:`laoru.engines`) call the same per-unit and per-document functions inside their
tasks, so every engine produces the same records.

An *input unit* is what one task reads: a page file or a whole WARC file. Units come from
:func:`units` in a stable order, and a document's place in that order (unit number, then
position inside the unit) is what "input order" means for dedup on every engine.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from laoru.api import parse_path, registry
from laoru.errors import InputError
from laoru.inputs import is_accepted
from laoru.model import Document
from laoru.warc import is_warc, parse_warc

ErrorHandler = Callable[[str, str], None]
DOCUMENT_SUFFIXES = (".jsonl", ".jsonl.gz")


@attrs.frozen
class Options:
    """What a run does besides reading: picklable, so engines ship it to their workers."""

    outlet: str | None = None
    plugins: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    dedup: bool = True
    threshold: float = 0.8
    events: bool = True
    timeline: bool = True  # merging is on one process: a very large run may want events only


def _accepted(path: Path) -> bool:
    return is_accepted(path) or is_warc(path)


def units(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Input units named by files, folders (walked: pages and WARC files) and globs, in stable order.

    Like :func:`laoru.inputs.expand`, a name that matches nothing is kept so reading it
    reports the reason.
    """
    out: list[str] = []
    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            out.extend(sorted(str(p) for p in path.rglob("*") if p.is_file() and _accepted(p)))
        elif glob.has_magic(text):
            matches = sorted(m for m in glob.glob(text, recursive=True) if Path(m).is_file())
            out.extend(matches or [text])
        else:
            out.append(text)
    return out


def _raise(source: str, reason: str) -> None:
    raise InputError(source, reason)


def read_documents(path: str, on_error: ErrorHandler) -> Iterator[Document]:
    """Documents already parsed (``laoru parse`` output, other tools), one JSON object a line."""
    opener = gzip.open if path.endswith(".gz") else open
    try:
        handle = opener(path, "rt", encoding="utf-8")
    except OSError as exc:
        on_error(path, f"cannot read ({exc.strerror or exc})")
        return
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    yield Document.from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    on_error(f"{path}:{number}", f"not a Document record ({type(exc).__name__}: {exc})")
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            on_error(path, f"corrupt file ({exc})")


def parse_unit(path: str, options: Options = Options(), on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """The Documents of one input unit; bad files or WARC records go to ``on_error``.

    A unit is a page file, a WARC file, or a JSONL file of Documents (named explicitly, never
    picked up from a folder), so parsed collections can be re-run through dedup and events.
    """
    plugins = registry(options.plugins)
    handler = on_error or _raise
    if path.lower().endswith(DOCUMENT_SUFFIXES):
        yield from read_documents(path, handler)
        return
    if is_warc(path):
        yield from parse_warc(path, outlet=options.outlet, plugins=plugins, on_error=handler)
        return
    try:
        documents = parse_path(path, outlet=options.outlet, plugins=plugins)
    except InputError as exc:
        handler(exc.source, exc.reason)
        return
    yield from documents


def parse(inputs: Iterable[str | os.PathLike[str]], options: Options = Options(),
          on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """Documents from files, folders, globs and WARC files, going on past bad inputs."""
    for path in units(inputs):
        yield from parse_unit(path, options, on_error)


def clean_document(doc: Document) -> Document:
    """Drop paragraphs repeated inside one document (documents may come from other tools)."""
    from laoru.dedup import dedup_paragraphs

    return dedup_paragraphs(doc)


def clean(docs: Iterable[Document]) -> Iterator[Document]:
    return (clean_document(doc) for doc in docs)


@attrs.frozen
class Deduped:
    """One Document per story (input order, ``metadata["duplicates"]`` set) and the clusters."""

    documents: list[Document]
    clusters: list[Any]


def with_duplicates(doc: Document, duplicates: list[dict[str, Any]]) -> Document:
    """The kept copy of a story, naming the copies dropped (same shape as ``dedup_documents``)."""
    return doc.evolve(metadata={**doc.metadata, "duplicates": duplicates})


def dedup(docs: Iterable[Document], threshold: float = 0.8) -> Deduped:
    """Near-duplicate clusters with :class:`laoru.dedup.Deduplicator`; holds the documents in memory."""
    from laoru.dedup import Deduplicator

    kept = list(docs)
    with Deduplicator(threshold=threshold) as index:
        index.extend(kept)
        clusters = index.clusters(include_singletons=True)
    documents = [with_duplicates(kept[c.canonical.number], [m.to_dict() for m in c.duplicates])
                 for c in sorted(clusters, key=lambda c: c.canonical.number)]
    return Deduped(documents, [c for c in clusters if len(c.members) > 1])


def document_events(doc: Document) -> list[Any]:
    """The events one document tells (empty until ``laoru.events`` is installed)."""
    from laoru.events import extract_events

    return extract_events(doc)


def events(docs: Iterable[Document]) -> Iterator[Any]:
    for doc in docs:
        yield from document_events(doc)


def timeline(all_events: Sequence[Any]) -> list[dict[str, Any]]:
    """Events from every document merged into timeline entries (plain dicts), sorted by date."""
    from laoru.timeline import timeline as merge

    return merge(all_events)


@attrs.frozen
class Result:
    """Everything a run produced; every engine returns the same shape."""

    documents: list[Document]
    clusters: list[Any]
    events: list[Any]
    timeline: list[Any]
    failures: list[tuple[str, str]]


def run(inputs: Iterable[str | os.PathLike[str]], options: Options = Options(),
        on_error: ErrorHandler | None = None) -> Result:
    """The pipeline in this process: the reference every other engine must match."""
    failures: list[tuple[str, str]] = []

    def failed(source: str, reason: str) -> None:
        failures.append((source, reason))
        if on_error is not None:
            on_error(source, reason)

    docs = list(clean(parse(inputs, options, failed)))
    clusters: list[Any] = []
    if options.dedup:
        deduped = dedup(docs, options.threshold)
        docs, clusters = deduped.documents, deduped.clusters
    found = list(events(docs)) if options.events else []
    return Result(docs, clusters, found, timeline(found) if options.events and options.timeline else [], failures)
