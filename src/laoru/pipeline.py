"""The whole pipeline as small functions over iterators: parse → drop_repeats → dedup → events → timeline.

Each stage is usable on its own in a plain loop (``for doc in drop_repeats(parse(paths)): ...``);
:func:`run` chains them in one process, and the Dask and Spark engines
(:mod:`laoru.engines`) call the same per-unit and per-document functions inside their
tasks, so every engine produces the same records.

An *input unit* is what one task reads: a page file or a whole WARC file. Units come from
:func:`units` in a stable order, and a document's place in that order (unit number, then
position inside the unit) is what "input order" means for dedup on every engine.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from laoru.api import parse_unit as parse_input_unit
from laoru.api import registry
from laoru.errors import InputError
from laoru.inputs import label, open_regular
from laoru.inputs import units as input_units
from laoru.model import Document

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


def units(inputs: Iterable[str | os.PathLike[str]], on_error: ErrorHandler | None = None) -> list[str]:
    """Input units named by files, folders (walked: pages and WARC files), globs and ``-``, in stable order.

    The same as :func:`laoru.inputs.units`: every command and engine finds its inputs there.
    """
    return input_units(inputs, on_error)


def _raise(source: str, reason: str) -> None:
    raise InputError(source, reason)


def read_documents(path: str, on_error: ErrorHandler) -> Iterator[Document]:
    """Documents already parsed (``laoru parse`` output, other tools), one JSON object a line."""
    try:
        handle = open_regular(path)
    except InputError as exc:
        on_error(exc.source, exc.reason)
        return
    source = label(path)
    with handle, (gzip.open(handle, "rt", encoding="utf-8") if path.endswith(".gz")
                  else io.TextIOWrapper(handle, encoding="utf-8")) as lines:
        try:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    yield Document.from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    on_error(f"{source}:{number}", f"not a Document record ({type(exc).__name__}: {exc})")
        except (OSError, EOFError, UnicodeDecodeError, zlib.error) as exc:
            on_error(source, f"corrupt file ({exc})")


def parse_unit(path: str, options: Options = Options(), on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """The Documents of one input unit; bad files or WARC records go to ``on_error``.

    A unit is a page file, a WARC file, ``-``, or a JSONL file of Documents (named explicitly,
    never picked up from a folder), so parsed collections can be re-run through dedup and events.
    Pages are read by :func:`laoru.api.parse_unit`, the same reader every command uses.
    """
    if path.lower().endswith(DOCUMENT_SUFFIXES):
        yield from read_documents(path, on_error or _raise)
        return
    yield from parse_input_unit(path, outlet=options.outlet, plugins=registry(options.plugins), on_error=on_error)


def parse(inputs: Iterable[str | os.PathLike[str]], options: Options = Options(),
          on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """Documents from files, folders, globs and WARC files, going on past bad inputs."""
    for path in units(inputs, on_error):
        yield from parse_unit(path, options, on_error)


def drop_repeats_in(doc: Document) -> Document:
    """``doc`` with paragraphs repeated inside it dropped (documents may come from other tools)."""
    from laoru.dedup import dedup_paragraphs

    return dedup_paragraphs(doc)


def drop_repeats(docs: Iterable[Document]) -> Iterator[Document]:
    """The stage after parsing: :func:`drop_repeats_in` on each document."""
    return (drop_repeats_in(doc) for doc in docs)


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
    """The events one document tells (:func:`laoru.events.extract_events`)."""
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

    docs = list(drop_repeats(parse(inputs, options, failed)))
    clusters: list[Any] = []
    if options.dedup:
        deduped = dedup(docs, options.threshold)
        docs, clusters = deduped.documents, deduped.clusters
    found = list(events(docs)) if options.events else []
    return Result(docs, clusters, found, timeline(found) if options.events and options.timeline else [], failures)
