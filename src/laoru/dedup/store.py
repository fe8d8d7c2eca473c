"""Shingle sets on disk, so memory holds signatures and offsets, not texts or sets.

Verification needs the exact shingle set of every earlier document a new one might match.
Keeping them in memory would cost ~16 kB per article (4 GiB at a quarter of a million);
on disk they are read back with ``pread`` only for LSH candidates. The file is
append-only: the daily crawl adds to it and a saved index is just this file plus offsets.
"""

from __future__ import annotations

import os
from array import array
from pathlib import Path

import numpy as np

_ITEM = np.dtype("<u4")


class ShingleStore:
    """Append-only file of sorted uint32 shingle sets, addressed by insertion number."""

    def __init__(self, path: str | os.PathLike[str], offsets: array | None = None) -> None:
        self.path = Path(path)
        self._offsets = offsets if offsets is not None else array("Q", [0])
        # a large buffer: one write call per ~100 articles instead of one per article
        self._writer = open(self.path, "ab", buffering=1 << 20)  # noqa: SIM115 - kept open for the store's life
        self._writer.truncate(self._offsets[-1] * _ITEM.itemsize)
        self._reader = os.open(self.path, os.O_RDONLY)
        self._flushed = self._offsets[-1]

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def append(self, shingles: np.ndarray) -> int:
        """Store one set; return its number."""
        self._writer.write(np.ascontiguousarray(shingles, dtype=_ITEM).data)  # no copy
        self._offsets.append(self._offsets[-1] + shingles.size)
        return len(self._offsets) - 2

    def get(self, number: int) -> np.ndarray:
        start, end = self._offsets[number], self._offsets[number + 1]
        if end > self._flushed:
            self.flush()
        data = os.pread(self._reader, (end - start) * _ITEM.itemsize, start * _ITEM.itemsize)
        return np.frombuffer(data, dtype=_ITEM)

    def size(self, number: int) -> int:
        return self._offsets[number + 1] - self._offsets[number]

    def flush(self) -> None:
        self._writer.flush()
        self._flushed = self._offsets[-1]

    def fileno(self) -> int:
        """The file the store appends to (for ``os.fsync`` after :meth:`flush`)."""
        return self._writer.fileno()

    @property
    def offsets(self) -> array:
        return self._offsets

    def close(self) -> None:
        if not self._writer.closed:
            self._writer.close()
            os.close(self._reader)
