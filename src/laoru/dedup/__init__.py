"""De-duplication: exact, near-duplicate and syndicated copies of a story, at corpus scale.

- exact: blake2b of the normalised body (NFKC, whitespace, quotes and dashes folded);
- near: MinHash + LSH over character 7-gram shingles (any script, Lao included), every
  candidate verified by exact Jaccard, or containment for a short text inside a long one;
- clusters: union-find over verified pairs, one canonical document per story.

See docs/dedup.md for the defaults and the measurements behind them.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Document
from .backend import BACKENDS, DEFAULT_BANDS, DEFAULT_NUM_PERM, collision_probability
from .errors import DedupError
from .index import Cluster, Deduplicator, Match, Member, Settings
from .normalise import body_hash, normalise_body
from .paragraphs import dedup_paragraphs
from .relations import CANONICAL, CONTAINS, EXACT, NEAR, SYNDICATED
from .verify import DEFAULT_CONTAINMENT, DEFAULT_THRESHOLD

__all__ = [
    "BACKENDS", "CANONICAL", "CONTAINS", "DEFAULT_BANDS", "DEFAULT_CONTAINMENT", "DEFAULT_NUM_PERM",
    "DEFAULT_THRESHOLD", "EXACT", "NEAR", "SYNDICATED", "Cluster", "DedupError", "Deduplicator", "Match",
    "Member", "Settings", "body_hash", "collision_probability", "dedup_documents", "dedup_paragraphs",
    "find_clusters", "normalise_body",
]  # fmt: skip


def find_clusters(
    docs: Iterable[Document], threshold: float = DEFAULT_THRESHOLD, include_singletons: bool = False, **settings
) -> list[Cluster]:
    """Clusters of duplicate documents (two or more members unless ``include_singletons``)."""
    with Deduplicator(threshold=threshold, **settings) as dedup:
        dedup.extend(docs)
        return dedup.clusters(include_singletons=include_singletons)


def dedup_documents(docs: Iterable[Document], threshold: float = DEFAULT_THRESHOLD) -> list[Document]:
    """One document per story, in input order: each cluster's canonical document, with
    ``metadata["duplicates"]`` listing the others (``doc_id, outlet, source, relation,
    similarity``) and repeated paragraphs removed. Holds the documents in memory.
    """
    kept_docs = [dedup_paragraphs(doc) for doc in docs]
    with Deduplicator(threshold=threshold) as dedup:
        dedup.extend(kept_docs)
        clusters = dedup.clusters(include_singletons=True)
    out = []
    for cluster in sorted(clusters, key=lambda c: c.canonical.number):
        doc = kept_docs[cluster.canonical.number]
        duplicates = [member.to_dict() for member in cluster.duplicates]
        out.append(doc.evolve(metadata={**doc.metadata, "duplicates": duplicates}))
    return out
