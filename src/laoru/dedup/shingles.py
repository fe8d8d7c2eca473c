"""Character n-gram shingles, hashed to 64 bits, for every script the outlets use.

Lao (like Thai and Chinese) writes no spaces between words, so word shingles would turn a
Lao sentence into one giant token. Character n-grams over the normalised, lower-cased text
work the same for Latin, Cyrillic, Lao and CJK without a segmenter, so one shingling serves
every outlet and a Cyrillic or Lao near-duplicate is found exactly like an English one.

Shingles are hashed with a polynomial hash over code points plus the splitmix64 finaliser,
vectorised in NumPy: cutting thousands of Python substrings per article would cost more
than everything else in the pipeline. The 64-bit values are only the *features*; the MinHash
permutations and LSH banding are the library's (see ``backend``). A document's shingle set
is a sorted, unique ``uint64`` array, which is also what exact-Jaccard verification reads.
"""

from __future__ import annotations

import numpy as np

#: Default shingle length in code points (see docs/dedup.md for how it was chosen).
DEFAULT_NGRAM = 7

_BASE = np.uint64(0x100000001B3)  # FNV-64 prime: odd, so multiplication mod 2**64 is a bijection
_C1 = np.uint64(0xBF58476D1CE4E5B9)
_C2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)
EMPTY = np.zeros(0, dtype=np.uint64)


def _finalise(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads the polynomial hash over all 64 bits."""
    values = values ^ (values >> _S30)
    values *= _C1
    values ^= values >> _S27
    values *= _C2
    values ^= values >> _S31
    return values


def shingle_set(codes: np.ndarray, ngram: int = DEFAULT_NGRAM) -> np.ndarray:
    """Sorted unique 64-bit hashes of the ``ngram``-character shingles of shingle-form codes.

    A text shorter than ``ngram`` is one shingle (itself); an empty text has none.
    """
    if codes.size == 0:
        return EMPTY
    values = codes.astype(np.uint64)
    if values.size < ngram:
        acc = np.zeros(1, dtype=np.uint64)
        for value in values:
            acc = acc * _BASE + value
        return _finalise(acc + np.uint64(values.size))
    count = values.size - ngram + 1
    with np.errstate(over="ignore"):
        acc = values[:count].copy()
        for offset in range(1, ngram):
            acc *= _BASE
            acc += values[offset : offset + count]
        hashed = _finalise(acc)
    hashed.sort()
    return drop_sorted_repeats(hashed)


def drop_sorted_repeats(values: np.ndarray) -> np.ndarray:
    """``np.unique`` for an array already sorted, without its extra sort and bookkeeping."""
    if values.size > 1:
        keep = np.empty(values.size, dtype=bool)
        keep[0] = True
        np.not_equal(values[1:], values[:-1], out=keep[1:])
        values = values[keep]
    return values


def rolling_hashes(values: np.ndarray, ngram: int) -> np.ndarray:
    """Finalised polynomial hash of every ``ngram`` window of ``values`` (uint64), unsorted.

    The same value as ``shingle_set``'s loop, in about 2·log2(ngram) passes instead of
    ngram - 1: hashes of windows of 1, 2, 4, ... code points by doubling, then the binary
    digits of ``ngram`` joined (a window's hash is its head's times ``BASE**len(tail)`` plus
    its tail's).
    """
    count = values.size - ngram + 1
    if count <= 0:
        return EMPTY
    with np.errstate(over="ignore"):
        by_length = {1: values}
        length = 1
        while length * 2 <= ngram:
            shorter = by_length[length]
            size = values.size - 2 * length + 1
            longer = shorter[:size] * (_BASE ** np.uint64(length))
            longer += shorter[length : length + size]
            length *= 2
            by_length[length] = longer
        acc: np.ndarray | None = None
        done = 0
        for length in sorted(by_length, reverse=True):
            if ngram - done >= length:
                part = by_length[length][done : done + count]
                if acc is None:
                    acc = part.copy()
                else:
                    acc *= _BASE ** np.uint64(length)
                    acc += part
                done += length
        assert acc is not None
        return _finalise(acc)
