"""Everything dedup needs from one body, computed without touching the index.

Kept separate from the index so it can run in worker processes: normalising, shingling and
signing are the CPU-heavy part and parallelise; the index update is cheap and serial.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from .backend import Backend
from .normalise import hash_codes, normalised_codes, shingle_codes
from .shingles import DEFAULT_NGRAM, shingle_set


class Features(NamedTuple):
    body_hash: str  # blake2b of the normalised body
    shingles: np.ndarray  # sorted unique uint32: what verification compares (stored on disk)
    signature: np.ndarray | None  # MinHash signature, None for a body too short to shingle


def to_stored(shingles64: np.ndarray) -> np.ndarray:
    """The top 32 bits of each sorted 64-bit shingle hash: still sorted, half the disk."""
    high = (shingles64 >> np.uint64(32)).astype(np.uint32)
    if high.size > 1:
        keep = np.empty(high.size, dtype=bool)
        keep[0] = True
        np.not_equal(high[1:], high[:-1], out=keep[1:])
        high = high[keep]
    return high


def extract(texts: Sequence[str], backend: Backend, ngram: int = DEFAULT_NGRAM) -> list[Features]:
    """Features of a batch of bodies; signatures are computed in one library call."""
    hashes: list[str] = []
    sets64: list[np.ndarray] = []
    for text in texts:
        codes = normalised_codes(text)
        hashes.append(hash_codes(codes))
        sets64.append(shingle_set(shingle_codes(codes), ngram))
    signed = [i for i, s in enumerate(sets64) if s.size]
    signatures = backend.signatures([sets64[i] for i in signed])
    by_row: list[np.ndarray | None] = [None] * len(texts)
    for row, i in enumerate(signed):
        by_row[i] = signatures[row]
    return [Features(h, to_stored(s), sig) for h, s, sig in zip(hashes, sets64, by_row, strict=True)]
