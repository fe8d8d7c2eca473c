"""The pipeline for many workers, written once against :class:`~laoru.engines.base.Engine`.

Stages and where their work happens:

1. **parse → clean → features** (map, one task per chunk of input units): Documents, and
   for dedup each body's hash, shingle set, MinHash signature and LSH band keys — the
   same :func:`laoru.dedup.features.extract` the in-process index uses.
2. **exact duplicates** (shuffle by body hash): the first document of each body in input
   order represents it; the others become ``exact`` edges.
3. **LSH banding** (shuffle by band key): one ``(band key, representative)`` item per band,
   so documents sharing a band meet in one group; its pairs are the candidates
   (de-duplicated by a second shuffle on the pair).
4. **verification** (two shuffles): each candidate pair is joined with the shingle sets of
   both ends and judged by :func:`laoru.dedup.verify.judge`, exactly as the local index does.
5. **components** (driver): union-find over the verified edges, then each cluster's
   canonical document and each member's relation/similarity to it, with the
   :mod:`laoru.dedup.relations` rules (member/canonical overlaps computed by the same join).
6. **finish** (map per chunk): the kept Documents get ``metadata["duplicates"]``, events are
   extracted, and each chunk writes its own parts; the driver merges the timeline.

A document's key is ``unit number << 24 | position in the unit``, so ordering by key is
input order on every engine and clusters, canonical choices and outputs match
:func:`laoru.pipeline.run` exactly.
"""

from __future__ import annotations

import functools
import hashlib
import math
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import attrs
import numpy as np

from laoru.engines import sink
from laoru.engines.base import Engine
from laoru.model import Document
from laoru.pipeline import Options, document_events, drop_repeats_in, parse_unit, timeline, with_duplicates

KEY_BITS = 24
MAX_UNITS_PER_CHUNK = 1000


@attrs.frozen
class Chunk:
    index: int
    units: tuple[tuple[int, str], ...]


class DocInfo(NamedTuple):
    """What dedup needs from one document; ``body`` is None for a body too short to sign."""

    body: int | None
    bands: tuple[int, ...]
    shingles: np.ndarray
    length: int
    republished: bool


class Row(NamedTuple):
    key: int
    doc: Document
    info: DocInfo | None


@attrs.frozen
class Parsed:
    index: int
    rows: list[Row]
    failures: list[tuple[str, str]]


@attrs.frozen
class Plan:
    """What the finish stage needs from dedup: keys to drop and each kept key's duplicates."""

    dropped: frozenset[int]
    duplicates: dict[int, list[dict[str, Any]]]


@attrs.frozen
class Summary:
    documents: int
    clusters: int
    events: int
    timeline: int
    failures: list[tuple[str, str]]


def chunks(unit_paths: list[str], parallelism: int) -> list[Chunk]:
    """Units cut into about four chunks per parallel task, at most 1000 page files each; a WARC or
    JSONL unit (many documents) is a chunk of its own, so a task's memory stays one file's worth."""
    out: list[Chunk] = []
    size = max(1, min(MAX_UNITS_PER_CHUNK, math.ceil(len(unit_paths) / (4 * max(1, parallelism)))))
    pending: list[tuple[int, str]] = []

    def flush() -> None:
        if pending:
            out.append(Chunk(len(out), tuple(pending)))
            pending.clear()

    for unit in enumerate(unit_paths):
        if _many_documents(unit[1]):
            flush()
            pending.append(unit)
            flush()
            continue
        pending.append(unit)
        if len(pending) >= size:
            flush()
    flush()
    return out


def _many_documents(path: str) -> bool:
    from laoru.pipeline import DOCUMENT_SUFFIXES
    from laoru.warc import is_warc

    return is_warc(path) or path.lower().endswith(DOCUMENT_SUFFIXES)


# -- 1. parse → clean → features (map) ------------------------------------------------------

@functools.lru_cache(maxsize=4)
def _backend(name: str, num_perm: int, bands: int, seed: int) -> Any:
    from laoru.dedup.backend import make_backend

    return make_backend(name, num_perm, bands, seed)


def band_keys(signature: np.ndarray, bands: int) -> tuple[int, ...]:
    """One 64-bit key per LSH band (band number + its rows), as the MinHash library bands."""
    rows = signature.size // bands
    out = []
    for band in range(bands):
        digest = hashlib.blake2b(bytes([band]) + signature[band * rows:(band + 1) * rows].tobytes(), digest_size=8)
        out.append(int.from_bytes(digest.digest(), "big"))
    return tuple(out)


def _infos(docs: list[Document], settings: Any) -> list[DocInfo]:
    from laoru.dedup.features import extract
    from laoru.dedup.paragraphs import body_without_repeats
    from laoru.dedup.relations import attribution, credits_other_outlet

    backend = _backend(settings.backend, settings.num_perm, settings.bands, settings.seed)
    texts = [body_without_repeats(doc) for doc in docs]
    out = []
    for doc, text, features in zip(docs, texts, extract(texts, backend, settings.ngram), strict=True):
        if features.signature is None:
            out.append(DocInfo(None, (), features.shingles, len(text), False))
            continue
        republished = credits_other_outlet(doc.outlet, attribution(doc.text))
        out.append(DocInfo(int(features.body_hash, 16), band_keys(features.signature, settings.bands),
                           features.shingles, len(text), republished))
    return out


def process_chunk(chunk: Chunk, options: Options, settings: Any) -> Parsed:
    """Stage 1 for one chunk: parse and clean every unit, features for dedup; bad inputs recorded."""
    failures: list[tuple[str, str]] = []
    keys: list[int] = []
    docs: list[Document] = []
    def failed(source: str, reason: str) -> None:
        failures.append((source, reason))

    for unit, path in chunk.units:
        for position, doc in enumerate(parse_unit(path, options, failed)):
            keys.append(unit << KEY_BITS | position)
            docs.append(drop_repeats_in(doc))
    infos: list[DocInfo | None] = list(_infos(docs, settings)) if options.dedup and docs else [None] * len(docs)
    return Parsed(chunk.index, [Row(k, d, i) for k, d, i in zip(keys, docs, infos, strict=True)], failures)


# -- 2.-4. shuffles --------------------------------------------------------------------------

def body_entries(parsed: Parsed) -> Iterator[tuple[int, tuple[int, tuple[int, ...]]]]:
    for row in parsed.rows:
        if row.info is not None and row.info.body is not None:
            yield row.info.body, (row.key, row.info.bands)


def exact_edges(group: tuple[int, list[tuple[int, tuple[int, ...]]]]) -> list[tuple[int, int]]:
    rep = min(key for key, _bands in group[1])
    return [(rep, key) for key, _bands in group[1] if key != rep]


def band_entries(group: tuple[int, list[tuple[int, tuple[int, ...]]]]) -> list[tuple[int, int]]:
    rep, bands = min(group[1], key=lambda item: item[0])
    return [(band, rep) for band in bands]


def bucket_pairs(group: tuple[int, list[int]]) -> list[tuple[tuple[int, int], None]]:
    reps = sorted(set(group[1]))
    return [((a, b), None) for i, a in enumerate(reps) for b in reps[i + 1:]]


def _pair(item: tuple[tuple[int, int], Any]) -> tuple[int, int]:
    return item[0]


def shingle_entries(parsed: Parsed, needed: frozenset[int]) -> list[tuple[int, tuple[str, Any]]]:
    return [(row.key, ("S", row.info.shingles)) for row in parsed.rows if row.key in needed and row.info is not None]


def _left(pair: tuple[int, int]) -> tuple[int, tuple[str, int]]:
    return pair[0], ("P", pair[1])


def attach_left(group: tuple[int, list[tuple]]) -> list[tuple[int, tuple]]:
    key, values = group
    shingles = next(value[1] for value in values if value[0] == "S")
    return [(value[1], ("A", key, shingles)) for value in values if value[0] == "P"]


def compare(group: tuple[int, list[tuple]]) -> list[tuple[int, int, Any]]:
    from laoru.dedup.verify import overlap

    key, values = group
    lefts = [value for value in values if value[0] == "A"]
    if not lefts:
        return []
    shingles = next(value[1] for value in values if value[0] == "S")
    return [(left, key, overlap(left_set, shingles)) for _tag, left, left_set in lefts]


def overlaps(engine: Engine, parsed: Any, pairs: list[tuple[int, int]]) -> list[tuple[int, int, Any]]:
    """Exact overlap of each pair's shingle sets, by joining pairs with shingles in two shuffles."""
    if not pairs:
        return []
    needed = frozenset(key for pair in pairs for key in pair)
    shingles = engine.persist(engine.flat_map(parsed, functools.partial(shingle_entries, needed=needed)))
    lefts = engine.map(engine.parallelize(_split(pairs, engine.parallelism)), _lefts)
    half = engine.flat_map(engine.group_by_key(engine.union(shingles, engine.flat_map(lefts, _identity))),
                           attach_left)
    return engine.collect(engine.flat_map(engine.group_by_key(engine.union(shingles, half)), compare))


def _split(items: list[Any], parts: int) -> list[list[Any]]:
    size = max(1, math.ceil(len(items) / max(1, 2 * parts)))
    return [items[start:start + size] for start in range(0, len(items), size)]


def _lefts(pairs: list[tuple[int, int]]) -> list[tuple[int, tuple[str, int]]]:
    return [_left(pair) for pair in pairs]


def _identity(items: Iterable[Any]) -> Iterable[Any]:
    return items


def member_info(parsed: Parsed, wanted: frozenset[int]) -> list[tuple[int, tuple]]:
    return [(row.key, (row.doc.id, row.doc.outlet, row.doc.source, row.doc.published, row.info.length,
                       row.info.republished)) for row in parsed.rows if row.key in wanted and row.info is not None]


# -- 5. components on the driver -------------------------------------------------------------

def dedup(engine: Engine, parsed: Any, settings: Any) -> tuple[list[Any], Plan]:
    """Clusters (two or more members, by canonical key) and the plan for the finish stage."""
    from laoru.dedup.cluster import UnionFind
    from laoru.dedup.verify import judge

    by_body = engine.persist(engine.group_by_key(engine.flat_map(parsed, body_entries)))
    exact = engine.collect(engine.flat_map(by_body, exact_edges))
    buckets = engine.group_by_key(engine.flat_map(by_body, band_entries))
    candidates = sorted(engine.collect(engine.map(engine.group_by_key(engine.flat_map(buckets, bucket_pairs)), _pair)))
    judging = (settings.threshold, settings.containment, settings.min_contained)
    near = [(a, b, verdict) for a, b, found in overlaps(engine, parsed, candidates)
            if (verdict := judge(found, *judging)) is not None]

    nodes = sorted({key for a, b in exact for key in (a, b)} | {key for a, b, _ in near for key in (a, b)})
    if not nodes:
        return [], Plan(frozenset(), {})
    index = {key: i for i, key in enumerate(nodes)}
    union = UnionFind(len(nodes))
    for a, b in exact:
        union.union(index[a], index[b])
    for a, b, _verdict in near:
        union.union(index[a], index[b])
    components = [sorted(nodes[i] for i in members) for members in union.groups().values()]
    rep_of = {key: rep for rep, key in exact}
    meta = dict(engine.collect(engine.flat_map(parsed, functools.partial(member_info, wanted=frozenset(nodes)))))
    return _clusters(engine, parsed, components, rep_of, meta, judging)


def _clusters(engine: Engine, parsed: Any, components: list[list[int]], rep_of: dict[int, int],
              meta: dict[int, tuple], judging: tuple[float, float, int]) -> tuple[list[Any], Plan]:
    from laoru.dedup import CANONICAL, EXACT, NEAR, Cluster, Member
    from laoru.dedup.relations import canonical_key, relation
    from laoru.dedup.verify import judge

    def rep(key: int) -> int:
        return rep_of.get(key, key)

    def pair(a: int, b: int) -> tuple[int, int]:
        return (a, b) if a <= b else (b, a)

    canonicals = [min(keys, key=lambda k: canonical_key(meta[k][3], meta[k][5], meta[k][4], meta[k][0]))
                  for keys in components]
    wanted = sorted({pair(rep(k), rep(c)) for keys, c in zip(components, canonicals, strict=True)
                     for k in keys if rep(k) != rep(c)})
    found = {(a, b): value for a, b, value in overlaps(engine, parsed, wanted)}

    def member(key: int, name: str, similarity: float) -> Any:
        doc_id, outlet, source = meta[key][:3]
        return Member(doc_id, outlet, source, name, similarity, key)

    clusters = []
    for keys, canonical in zip(components, canonicals, strict=True):
        head = member(canonical, CANONICAL, 1.0)
        others = []
        for key in keys:
            if key == canonical:
                continue
            if rep(key) == rep(canonical):
                kind, similarity = EXACT, 1.0
            else:
                result = found[pair(rep(key), rep(canonical))]
                kind, similarity = judge(result, *judging) or (NEAR, result.jaccard)
            name = relation(kind, meta[key][1], meta[canonical][1], meta[key][5])
            others.append(member(key, name, similarity))
        others.sort(key=lambda m: (-m.similarity, m.doc_id))
        ids = sorted(meta[k][0] for k in keys)
        cluster_id = hashlib.blake2b("\x1f".join(ids).encode("utf-8"), digest_size=8).hexdigest()
        clusters.append(Cluster(cluster_id, head, (head, *others)))
    clusters.sort(key=lambda c: c.canonical.number)
    dropped = frozenset(m.number for c in clusters for m in c.duplicates)
    duplicates = {c.canonical.number: [m.to_dict() for m in c.duplicates] for c in clusters}
    return clusters, Plan(dropped, duplicates)


# -- 6. finish (map) and the whole run -------------------------------------------------------

def finish_chunk(parsed: Parsed, out: str, plan: Plan | None, options: Options, parquet: bool) -> list[Any]:
    """Kept Documents with their duplicates, their events; writes this chunk's parts."""
    docs = []
    for row in parsed.rows:
        if plan is None:
            docs.append(row.doc)
        elif row.key not in plan.dropped:
            docs.append(with_duplicates(row.doc, plan.duplicates.get(row.key, [])))
    found = [event for doc in docs for event in document_events(doc)] if options.events else []
    sink.write_part(out, "documents", parsed.index, (doc.to_dict() for doc in docs), parquet)
    if options.events:
        sink.write_part(out, "events", parsed.index, (event.to_dict() for event in found), parquet)
    return [len(docs), found]


def run(engine: Engine, unit_paths: list[str], out: str, options: Options, parquet: bool = True) -> Summary:
    """The pipeline on ``engine``; outputs land in ``out`` as parts (see :mod:`laoru.engines.sink`)."""
    from laoru.dedup import Settings

    settings = Settings(threshold=options.threshold)
    work = chunks(unit_paths, engine.parallelism)
    parsed = engine.persist(engine.map(engine.parallelize(work),
                                       functools.partial(process_chunk, options=options, settings=settings)))
    failures = [failure for part in engine.collect(engine.map(parsed, _failures)) for failure in part]
    clusters, plan = dedup(engine, parsed, settings) if options.dedup else ([], None)
    finished = engine.collect(engine.map(parsed, functools.partial(
        finish_chunk, out=str(out), plan=plan, options=options, parquet=parquet)))
    found = [event for _count, events in finished for event in events]
    entries = timeline(found) if options.events and options.timeline else []
    sink.write_part(out, "clusters", 0, (c.to_dict() for c in clusters), parquet)
    if options.events and options.timeline:
        sink.write_part(out, "timeline", 0, (_record(e) for e in entries), parquet)
    return Summary(sum(count for count, _events in finished), len(clusters), len(found), len(entries), failures)


def _failures(parsed: Parsed) -> list[tuple[str, str]]:
    return parsed.failures


def _record(entry: Any) -> dict[str, Any]:
    return entry.to_dict() if hasattr(entry, "to_dict") else dict(entry)
