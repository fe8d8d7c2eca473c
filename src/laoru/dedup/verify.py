"""Exact set overlap for LSH candidates: the only place a pair is accepted or rejected.

MinHash/LSH only proposes pairs; every proposal is checked here on the stored shingle sets,
so a reported pair never has a true similarity below the threshold (precision is 1.0 by
construction, up to 32-bit collisions between two shingles, ~1e-6 of a set).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

NEAR = "near"
CONTAINS = "contains"

#: Default Jaccard threshold for "near" (docs/dedup.md: precision/recall curve).
DEFAULT_THRESHOLD = 0.8
#: Default containment threshold for a short text inside a long one.
DEFAULT_CONTAINMENT = 0.9
#: A text needs this many shingles (~ characters) before "contained in" means anything:
#: a one-line teaser is contained in many articles that share its wording.
DEFAULT_MIN_CONTAINED = 200


class Overlap(NamedTuple):
    intersection: int
    jaccard: float
    containment: float  # of the smaller set in the larger
    smaller: int


def overlap(a: np.ndarray, b: np.ndarray) -> Overlap:
    """Exact Jaccard and containment of two sorted unique arrays."""
    if a.size > b.size:
        a, b = b, a
    if a.size == 0:
        return Overlap(0, 0.0, 0.0, 0)
    # Two sorted runs: a stable sort (timsort/mergesort) just merges them, ~3x faster than
    # a binary search per element; each set is unique, so equal neighbours are the overlap.
    both = np.concatenate((a, b))
    both.sort(kind="stable")
    common = int(np.count_nonzero(both[1:] == both[:-1]))
    union = a.size + b.size - common
    return Overlap(common, common / union, common / a.size, int(a.size))


def judge(
    found: Overlap,
    threshold: float = DEFAULT_THRESHOLD,
    containment: float = DEFAULT_CONTAINMENT,
    min_contained: int = DEFAULT_MIN_CONTAINED,
) -> tuple[str, float] | None:
    """``(kind, similarity)`` if the pair is a duplicate, else None.

    ``near`` when Jaccard reaches ``threshold``; otherwise ``contains`` when the smaller
    text (at least ``min_contained`` shingles) lies in the larger to ``containment``.
    """
    if found.jaccard >= threshold:
        return NEAR, found.jaccard
    if found.smaller >= min_contained and found.containment >= containment:
        return CONTAINS, found.containment
    return None
