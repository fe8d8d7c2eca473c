"""Everything dedup needs from one body, computed without touching the index.

Kept separate from the index so it can run in worker processes: normalising, shingling and
signing are the CPU-heavy part and parallelise; the index update is cheap and serial.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from .backend import Backend
from .normalise import hash_codes, normalise_batch, normalised_codes, shingle_batch, shingle_codes, text_bounds
from .shingles import DEFAULT_NGRAM, EMPTY, drop_sorted_repeats, rolling_hashes, shingle_set


class Features(NamedTuple):
    body_hash: str  # blake2b of the normalised body
    shingles: np.ndarray  # sorted unique uint32: what verification compares (stored on disk)
    signature: np.ndarray | None  # MinHash signature, None for a body too short to shingle


def to_stored(shingles64: np.ndarray) -> np.ndarray:
    """The top 32 bits of each sorted 64-bit shingle hash: still sorted, half the disk."""
    return drop_sorted_repeats((shingles64 >> np.uint64(32)).astype(np.uint32))


def extract(texts: Sequence[str], backend: Backend, ngram: int = DEFAULT_NGRAM) -> list[Features]:
    """Features of a batch of bodies, equal to ``extract_one`` on each, computed batch-wide.

    Normalising, shingle form and rolling hashes run once over the whole batch (per-call
    NumPy overhead, not arithmetic, dominated the per-article cost); signatures are one
    library call over the unsorted 64-bit hashes (a MinHash does not care about order or
    repeats); only the stored uint32 sets are sorted, per article.
    """
    sets64: list[np.ndarray] = []
    hashes: list[str] = []
    for group in _groups(texts):
        group_hashes, group_sets = _hashes_and_sets(group, ngram)
        hashes += group_hashes
        sets64 += group_sets
    signed = [i for i, s in enumerate(sets64) if s.size]
    signatures = backend.signatures([sets64[i] for i in signed])
    by_row: list[np.ndarray | None] = [None] * len(texts)
    for row, i in enumerate(signed):
        by_row[i] = signatures[row]
    return [Features(h, _stored_unsorted(s), sig) for h, s, sig in zip(hashes, sets64, by_row, strict=True)]


#: Code points per NumPy pass: large enough to pay per-call overhead once for many
#: articles, small enough that the working arrays stay in the CPU cache.
GROUP_CODES = 1 << 14


def _groups(texts: Sequence[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    size = 0
    for text in texts:
        if size and size + len(text) > GROUP_CODES:
            groups.append([])
            size = 0
        groups[-1].append(text)
        size += len(text)
    return groups if groups[0] else []


def _hashes_and_sets(texts: list[str], ngram: int) -> tuple[list[str], list[np.ndarray]]:
    """Body hashes and unsorted 64-bit shingle hashes (with repeats) of a group of texts."""
    codes = normalise_batch(texts)
    if codes is None:  # a text holds the batch separator: article by article
        singles = [_one(text, ngram) for text in texts]
        return [h for h, _ in singles], [s for _, s in singles]
    bounds = text_bounds(codes)
    hashes = [hash_codes(codes[bounds[i] : bounds[i + 1] - 1]) for i in range(len(texts))]
    form = shingle_batch(codes)
    del codes
    bounds = text_bounds(form).tolist()
    windows = rolling_hashes(form.astype(np.uint64), ngram)
    sets64: list[np.ndarray] = []
    for i in range(len(texts)):
        start, end = bounds[i], bounds[i + 1] - 1
        if end - start >= ngram:  # the windows that start and end inside this text
            sets64.append(windows[start : end - ngram + 1])
        elif end > start:  # shorter than one shingle: the text itself is its only shingle
            sets64.append(shingle_set(form[start:end], ngram))
        else:
            sets64.append(EMPTY)
    return hashes, sets64


def _one(text: str, ngram: int) -> tuple[str, np.ndarray]:
    codes = normalised_codes(text)
    return hash_codes(codes), shingle_set(shingle_codes(codes), ngram)


def extract_one(text: str, backend: Backend, ngram: int = DEFAULT_NGRAM) -> Features:
    """Features of one body, article by article: the reference ``extract`` is tested against."""
    codes = normalised_codes(text)
    shingles = shingle_set(shingle_codes(codes), ngram)
    signature = backend.signatures([shingles])[0] if shingles.size else None
    return Features(hash_codes(codes), to_stored(shingles), signature)


def _stored_unsorted(shingles64: np.ndarray) -> np.ndarray:
    """``to_stored`` of an unsorted 64-bit set with repeats: sorting 32-bit values is cheaper."""
    high = (shingles64 >> np.uint64(32)).astype(np.uint32)
    high.sort()
    return drop_sorted_repeats(high)
