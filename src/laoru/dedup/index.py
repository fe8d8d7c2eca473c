"""The streaming de-duplicator: add documents one by one or in batches, ask for clusters.

Memory per document is bounded by its signature's LSH entries (``bands`` band hashes, in
the MinHash library) plus a small record (id, outlet, source, published date, body length,
16-byte body hash); the shingle sets that verification reads live on disk
(:mod:`laoru.dedup.store`) and texts are never kept. The index can be saved to a folder and
opened again, so a daily crawl checks new documents against everything seen before.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import pickle
import shutil
import sys
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import numpy as np

from ..model import Document
from . import persist
from .backend import DEFAULT_BANDS, DEFAULT_NUM_PERM, DEFAULT_SEED, Backend, load_backend, make_backend
from .cluster import UnionFind
from .errors import DedupError
from .features import Features, extract
from .paragraphs import body_and_whole, body_without_repeats
from .relations import CANONICAL, EXACT, canonical_key, credits_other_outlet, relation
from .relations import attribution as find_attribution
from .shingles import DEFAULT_NGRAM
from .store import ShingleStore
from .verify import (
    CONTAINS,
    DEFAULT_CONTAINMENT,
    DEFAULT_MIN_CONTAINED,
    DEFAULT_THRESHOLD,
    NEAR,
    Overlap,
    judge,
    overlap,
)

FORMAT_VERSION = 2  # 2: index.json is a manifest with each file's size and SHA-256
_ITEM_BYTES = 4  # the shingle store holds uint32
_KINDS = (NEAR, CONTAINS)
_STORE_FILE = "shingles.u32"


class Match(NamedTuple):
    """An earlier document a newly added one duplicates."""

    doc_id: str
    kind: str  # exact, near or contains
    similarity: float


@attrs.frozen
class Member:
    """One document of a cluster, as it relates to the cluster's canonical document."""

    doc_id: str
    outlet: str
    source: str | None
    relation: str
    similarity: float
    number: int = attrs.field(eq=False, repr=False)  # insertion number in the index

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "source": self.source,
            "relation": self.relation,
            "similarity": round(self.similarity, 4),
        }


@attrs.frozen
class Cluster:
    """A story: its canonical document first in ``members``, then the copies."""

    cluster_id: str
    canonical: Member
    members: tuple[Member, ...]

    @property
    def duplicates(self) -> tuple[Member, ...]:
        return self.members[1:]

    def to_dict(self) -> dict[str, Any]:
        return {
            "cluster_id": self.cluster_id,
            "canonical": self.canonical.doc_id,
            "members": [m.to_dict() for m in self.members],
        }


@attrs.frozen
class Settings:
    """Everything that decides what counts as a duplicate; saved with the index."""

    threshold: float = DEFAULT_THRESHOLD
    containment: float = DEFAULT_CONTAINMENT
    min_contained: int = DEFAULT_MIN_CONTAINED
    ngram: int = DEFAULT_NGRAM
    num_perm: int = DEFAULT_NUM_PERM
    bands: int = DEFAULT_BANDS
    seed: int = DEFAULT_SEED
    backend: str = "rensa"

    def __attrs_post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise DedupError(f"threshold must be in (0, 1], got {self.threshold}")
        if not 0.0 < self.containment <= 1.0:
            raise DedupError(f"containment must be in (0, 1], got {self.containment}")
        if self.ngram < 1:
            raise DedupError(f"ngram must be at least 1, got {self.ngram}")


# Worker processes compute Features; each keeps one backend for signatures only.
_WORKER: dict[str, Any] = {}


def _worker_init(settings: Settings) -> None:
    _WORKER["backend"] = make_backend(settings.backend, settings.num_perm, settings.bands, settings.seed)
    _WORKER["ngram"] = settings.ngram


def _worker_extract(texts: list[str]) -> tuple[list[Features], list[str | None]]:
    """Features and credited outlets (``relations.attribution``): both off the main process."""
    return extract(texts, _WORKER["backend"], _WORKER["ngram"]), [find_attribution(text) for text in texts]


_LOOK_UP = object()  # credited outlet not known yet: read it from the document


class Deduplicator:
    """Streaming exact + near-duplicate detection with verified pairs and clusters.

    >>> dedup = Deduplicator(threshold=0.8)        # doctest: +SKIP
    >>> for doc in documents: dedup.add(doc)       # doctest: +SKIP
    >>> clusters = dedup.clusters()                # doctest: +SKIP
    """

    def __init__(self, directory: str | Path | None = None, **settings: Any) -> None:
        """A new, empty index; its shingle store lives in ``directory`` (a temporary one if None)."""
        self.settings = Settings(**settings)
        self._backend: Backend = make_backend(
            self.settings.backend, self.settings.num_perm, self.settings.bands, self.settings.seed
        )
        self._owns_directory = directory is None
        self.directory = Path(tempfile.mkdtemp(prefix="laoru-dedup-")) if directory is None else Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._store = ShingleStore(self.directory / _STORE_FILE)
        self._ids: list[str] = []
        self._known: set[str] = set()  # ids already indexed: adding one again changes nothing
        self._outlets: list[str] = []
        self._sources: list[str | None] = []
        self._published: list[str | None] = []
        self._lengths = array("q")
        self._republished = bytearray()
        self._representative = array("q")  # first doc with the same body hash, or -1
        self._stored_as = array("q")  # shingle-store number, or -1
        self._first_by_hash: dict[bytes, int] = {}
        self._edge_a, self._edge_b = array("q"), array("q")
        self._edge_kind = bytearray()
        self._edge_similarity = array("f")

    # -- adding -----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, doc: Document) -> list[Match]:
        """Add one document; return the earlier documents it duplicates (verified).

        A document whose id is already indexed is not added again (no matches returned).
        """
        if doc.id in self._known:
            return []
        text = body_without_repeats(doc)
        features = extract([text], self._backend, self.settings.ngram)[0]
        return self._ingest(doc, len(text), features)

    def extend(self, docs: Iterable[Document], workers: int = 1, batch_size: int = 256) -> int:
        """Add many documents, computing features in ``workers`` processes; return how many were new."""
        count = 0
        docs = self._unseen(docs)
        for batch, texts, features, credits in self._featurised(docs, workers, batch_size):
            signed = [f.signature for f in features if f.signature is not None]
            sketches = iter(self._backend.sketches(np.stack(signed)) if signed else ())
            for doc, text, feature, credited in zip(batch, texts, features, credits, strict=True):
                sketch = next(sketches) if feature.signature is not None else None
                self._ingest(doc, len(text), feature, sketch, credited)
                count += 1
        return count

    def _unseen(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Documents whose id is not indexed yet (nor seen earlier in ``docs``)."""
        pending: set[str] = set()
        for doc in docs:
            if doc.id not in self._known and doc.id not in pending:
                pending.add(doc.id)
                yield doc

    def _featurised(
        self, docs: Iterable[Document], workers: int, batch_size: int
    ) -> Iterator[tuple[list[Document], list[str], list[Features], list[Any]]]:
        """Batches with their bodies, features and credited outlets (``_LOOK_UP`` where the
        body is not the whole text, so attribution must read the document itself)."""
        batches = ((batch, [body_and_whole(d) for d in batch]) for batch in _chunks(docs, batch_size))
        if workers <= 1:
            for batch, bodies in batches:
                texts = [text for text, _whole in bodies]
                yield batch, texts, extract(texts, self._backend, self.settings.ngram), [_LOOK_UP] * len(batch)
            return
        context = multiprocessing.get_context("spawn")  # rensa may hold threads: never fork it
        with context.Pool(workers, initializer=_worker_init, initargs=(self.settings,)) as pool:
            pending: list[tuple[list[Document], list[tuple[str, bool]], Any]] = []

            def ready(batch: list[Document], bodies: list[tuple[str, bool]], result: Any) -> tuple:
                features, credited = result.get()
                credits = [c if whole else _LOOK_UP for c, (_text, whole) in zip(credited, bodies, strict=True)]
                return batch, [text for text, _whole in bodies], features, credits

            for batch, bodies in batches:
                texts = [text for text, _whole in bodies]
                pending.append((batch, bodies, pool.apply_async(_worker_extract, (texts,))))
                if len(pending) >= 2 * workers:
                    yield ready(*pending.pop(0))
            for item in pending:
                yield ready(*item)

    def _ingest(
        self, doc: Document, length: int, features: Features, sketch: Any = None, credited: Any = _LOOK_UP
    ) -> list[Match]:
        number = len(self._ids)
        self._ids.append(doc.id)
        self._known.add(doc.id)
        self._outlets.append(sys.intern(doc.outlet))
        self._sources.append(doc.source)
        self._published.append(doc.published)
        self._lengths.append(length)
        if features.signature is None:
            credited = None
        elif credited is _LOOK_UP:
            credited = find_attribution(doc.text)
        self._republished.append(credits_other_outlet(doc.outlet, credited))
        self._representative.append(-1)
        self._stored_as.append(-1)
        if features.signature is None:  # nothing to compare: an empty page is nobody's duplicate
            return []
        key = bytes.fromhex(features.body_hash)
        first = self._first_by_hash.get(key)
        if first is not None:
            self._representative[number] = first
            return [Match(self._ids[first], EXACT, 1.0)]
        self._first_by_hash[key] = number
        self._stored_as[number] = self._store.append(features.shingles)
        if sketch is None:
            sketch = self._backend.sketches(features.signature[None, :])[0]
        candidates = self._backend.query(sketch)
        self._backend.insert(number, sketch)
        matches = []
        for other in candidates:
            verdict = judge(self._overlap_with(features, other), *self._judging())
            if verdict is not None:
                kind, similarity = verdict
                self._edge_a.append(other)
                self._edge_b.append(number)
                self._edge_kind.append(_KINDS.index(kind))
                self._edge_similarity.append(similarity)
                matches.append(Match(self._ids[other], kind, similarity))
        return matches

    def _judging(self) -> tuple[float, float, int]:
        return self.settings.threshold, self.settings.containment, self.settings.min_contained

    def _overlap_with(self, features: Features, other: int) -> Overlap:
        return overlap(features.shingles, self._store.get(self._stored_as[other]))

    # -- reading ----------------------------------------------------------------------------

    def verified_pairs(self) -> Iterator[tuple[int, int, str, float]]:
        """``(earlier, later, kind, similarity)`` for every verified pair, by insertion number.

        Exact duplicates point at the first document with the same body; near/contains pairs
        join first-of-their-body documents (a pair's other exact copies are implied).
        """
        for number, first in enumerate(self._representative):
            if first >= 0:
                yield first, number, EXACT, 1.0
        for a, b, kind, similarity in zip(
            self._edge_a, self._edge_b, self._edge_kind, self._edge_similarity, strict=True
        ):
            yield a, b, _KINDS[kind], similarity

    def representative(self, number: int) -> int:
        """The first document with the same normalised body (``number`` itself if none earlier)."""
        first = self._representative[number]
        return number if first < 0 else first

    def clusters(self, include_singletons: bool = False) -> list[Cluster]:
        """Connected components of verified pairs, each with its canonical document first.

        Clusters come ordered by their canonical document's insertion number.
        """
        union = UnionFind(len(self._ids))
        for a, b, _kind, _similarity in self.verified_pairs():
            union.union(a, b)
        clusters = []
        for members in union.groups().values():
            if len(members) > 1 or include_singletons:
                clusters.append(self._cluster(members))
        clusters.sort(key=lambda c: c.canonical.number)
        return clusters

    def _cluster(self, numbers: list[int]) -> Cluster:
        canonical = min(
            numbers,
            key=lambda n: canonical_key(self._published[n], bool(self._republished[n]), self._lengths[n], self._ids[n]),
        )
        head = self._member(canonical, CANONICAL, 1.0)
        canonical_set = None
        others = []
        for number in numbers:
            if number == canonical:
                continue
            if self.representative(number) == self.representative(canonical):
                kind, similarity = EXACT, 1.0
            else:
                if canonical_set is None:
                    canonical_set = self._store.get(self._stored_as[self.representative(canonical)])
                found = overlap(self._store.get(self._stored_as[self.representative(number)]), canonical_set)
                # A member linked only through others may be below the thresholds: say so.
                kind, similarity = judge(found, *self._judging()) or (NEAR, found.jaccard)
            name = relation(kind, self._outlets[number], self._outlets[canonical], bool(self._republished[number]))
            others.append(self._member(number, name, similarity))
        others.sort(key=lambda m: (-m.similarity, m.doc_id))
        ids = sorted(self._ids[n] for n in numbers)
        cluster_id = hashlib.blake2b("\x1f".join(ids).encode("utf-8"), digest_size=8).hexdigest()
        return Cluster(cluster_id, head, (head, *others))

    def _member(self, number: int, name: str, similarity: float) -> Member:
        return Member(self._ids[number], self._outlets[number], self._sources[number], name, similarity, number)

    # -- persistence ------------------------------------------------------------------------

    def save(self, directory: str | Path | None = None) -> Path:
        """Write the index to ``directory`` (default: where its shingle store lives), atomically.

        New state files are written under new names and ``index.json`` (the manifest, with
        each file's size and SHA-256) is replaced last: a crash leaves the previous index whole.
        """
        target = Path(directory) if directory is not None else self.directory
        target.mkdir(parents=True, exist_ok=True)
        self._store.flush()
        store_size = self._store.offsets[-1] * _ITEM_BYTES
        if target.resolve() != self.directory.resolve():
            persist.copy_atomic(self.directory / _STORE_FILE, target / _STORE_FILE, store_size)
        else:
            os.fsync(self._store.fileno())
        state = {
            "ids": self._ids, "outlets": self._outlets, "sources": self._sources, "published": self._published,
            "lengths": self._lengths, "republished": self._republished, "representative": self._representative,
            "stored_as": self._stored_as, "first_by_hash": self._first_by_hash, "edge_a": self._edge_a,
            "edge_b": self._edge_b, "edge_kind": self._edge_kind, "edge_similarity": self._edge_similarity,
            "offsets": self._store.offsets,
        }  # fmt: skip
        files = {_STORE_FILE: {"name": _STORE_FILE, **persist.digest(target / _STORE_FILE, store_size)}}
        for role, data in (("state", pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)),
                           ("lsh", self._backend.dumps())):
            sha = hashlib.sha256(data).hexdigest()
            name = f"{role}.{sha[:16]}.pickle"
            persist.write_atomic(target / name, data)
            files[role] = {"name": name, "size": len(data), "sha256": sha}
        meta = {"format": FORMAT_VERSION, "documents": len(self), "settings": attrs.asdict(self.settings),
                "files": files}
        persist.write_atomic(target / persist.MANIFEST, (json.dumps(meta, indent=2) + "\n").encode("utf-8"))
        persist.remove_unlisted(target, {f["name"] for f in files.values()}, ("state.*.pickle", "lsh.*.pickle"))
        return target

    @classmethod
    def open(cls, directory: str | Path) -> Deduplicator:
        """An index saved by ``save``, checked file by file; new documents are added to it (and its folder).

        Only open indexes you made: the state is stored with pickle (whose bytes are checked
        against the manifest's SHA-256 before loading). A bad index raises :class:`DedupError`
        and nothing in its folder is changed.
        """
        folder = Path(directory)
        meta = persist.read_manifest(folder, FORMAT_VERSION)
        files = meta["files"]
        if not {"state", "lsh", _STORE_FILE} <= set(files):
            raise DedupError(f"{folder}: {persist.MANIFEST} does not list the state, lsh and shingle files")
        try:
            settings = Settings(**meta["settings"])
            state = pickle.loads((folder / files["state"]["name"]).read_bytes())
            backend = load_backend((folder / files["lsh"]["name"]).read_bytes())
            offsets = state.pop("offsets")
        except DedupError:
            raise
        except (OSError, ValueError, KeyError, TypeError, AttributeError, pickle.UnpicklingError, EOFError) as error:
            raise DedupError(f"{folder}: not a readable dedup index ({error})") from None
        if offsets[-1] * _ITEM_BYTES != files[_STORE_FILE]["size"]:
            raise DedupError(f"{folder}: the shingle store's size does not match the saved state")
        self = cls.__new__(cls)
        self.settings = settings
        self._owns_directory = False
        self.directory = folder
        self._backend = backend
        self._store = ShingleStore(folder / _STORE_FILE, offsets)
        for name, value in state.items():
            setattr(self, f"_{name}", value)
        self._known = set(self._ids)
        return self

    def close(self) -> None:
        """Close the shingle store; a temporary index folder is removed."""
        self._store.close()
        if self._owns_directory:
            shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> Deduplicator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
