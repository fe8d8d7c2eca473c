"""The one small MinHash + LSH interface, over rensa (default) or datasketch.

Everything else in ``laoru.dedup`` talks to a :class:`Backend`: it turns shingle sets into
signatures and keeps a banded LSH index of them. Swapping the library is one argument, and
the benchmark runs both in the same process to justify the default with numbers
(docs/performance.md): rensa computes signatures in Rust from a flat NumPy buffer, which is
why it is the default.

Both backends band signatures the same way (``bands`` × ``rows``), so they find the same
kind of candidates; LSH only proposes pairs, :mod:`laoru.dedup.verify` decides.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from .errors import DedupError

#: 21 bands of 6 rows = 126 permutations: a pair at Jaccard 0.8 collides with probability 0.998, at 0.5 with
#: 0.28 and at 0.1 with 2e-5 (docs/dedup.md has the curve these were chosen from).
DEFAULT_BANDS = 21
DEFAULT_ROWS = 6
DEFAULT_NUM_PERM = DEFAULT_BANDS * DEFAULT_ROWS
DEFAULT_SEED = 1
BACKENDS = ("rensa", "datasketch")


def collision_probability(jaccard: float, bands: int, rows: int) -> float:
    """Chance that a pair of this Jaccard shares at least one LSH band."""
    return 1.0 - (1.0 - jaccard**rows) ** bands


class Backend(Protocol):
    """Signatures and an LSH index of them; keys are the caller's integer doc numbers."""

    name: str
    num_perm: int
    bands: int
    rows: int

    def signatures(self, shingle_sets: Sequence[np.ndarray]) -> np.ndarray:
        """One row per set, ``(len(shingle_sets), num_perm)``; sets must be non-empty."""
        ...

    def sketches(self, signatures: np.ndarray) -> list[Any]:
        """The library's own MinHash objects for signature rows (what query/insert take)."""
        ...

    def insert(self, key: int, sketch: Any) -> None: ...

    def query(self, sketch: Any) -> list[int]:
        """Keys sharing at least one band with ``sketch``."""
        ...

    def dumps(self) -> bytes:
        """The index, to be given back to ``load_backend``."""
        ...


def _rows_for(num_perm: int, bands: int) -> int:
    if bands < 1 or num_perm < bands or num_perm % bands:
        raise DedupError(f"num_perm must be a multiple of bands, got bands={bands}, num_perm={num_perm}")
    return num_perm // bands


def _flatten(shingle_sets: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    sizes = np.fromiter((s.size for s in shingle_sets), dtype=np.uint64, count=len(shingle_sets))
    if sizes.size and not sizes.all():
        raise DedupError("cannot sign an empty shingle set")
    offsets = np.zeros(len(shingle_sets) + 1, dtype=np.uint64)
    np.cumsum(sizes, out=offsets[1:])
    flat = np.concatenate(shingle_sets).astype(np.uint64, copy=False) if shingle_sets else np.zeros(0, np.uint64)
    return flat, offsets


class RensaBackend:
    """rensa's ``RMinHash`` signatures and ``RMinHashLSH`` index.

    rensa computes a whole batch of signatures from pre-hashed tokens in one call
    (``digest_matrix_from_flat_token_hashes``) but its LSH queries take ``RMinHash``
    objects. A digest row becomes an ``RMinHash`` through rensa's own pickle state
    (header, then the digest as LEB128 varints). That format is versioned by rensa; a
    self-check at start-up compares a round trip against a digest rensa computed itself,
    so a changed format fails loudly instead of answering wrongly.
    """

    name = "rensa"

    def __init__(self, num_perm: int = DEFAULT_NUM_PERM, bands: int = DEFAULT_BANDS, seed: int = DEFAULT_SEED):
        import rensa

        self._rensa = rensa
        self.num_perm, self.bands, self.rows, self.seed = num_perm, bands, _rows_for(num_perm, bands), seed
        # The threshold argument is only used by rensa's is_similar, which laoru never calls.
        self._lsh = rensa.RMinHashLSH(0.5, num_perm, bands)
        empty = rensa.RMinHash(num_perm, seed).__getstate__()
        self._prefix = empty[: len(empty) - 5 * num_perm]
        self._check_state_format()

    def _check_state_format(self) -> None:
        probe = self._rensa.RMinHash(self.num_perm, self.seed)
        probe.update(["laoru", "dedup", "self-check"])
        digest = np.asarray(probe.digest(), dtype=np.uint32)
        try:
            round_trip = self.sketches(digest[None, :])[0].digest()
        except Exception as error:  # rensa raises ValueError today; any failure means the same
            message = f"rensa MinHash state format not understood ({error}); use backend='datasketch'"
            raise DedupError(message) from error
        if round_trip != probe.digest():
            raise DedupError("this rensa version stores MinHash state differently; use backend='datasketch'")

    def sketches(self, signatures: np.ndarray) -> list[Any]:
        encoded = _leb128_fixed(signatures)
        new, cls, prefix = self._rensa.RMinHash.__new__, self._rensa.RMinHash, self._prefix
        out = []
        for row in encoded:
            minhash = new(cls, self.num_perm, self.seed)
            minhash.__setstate__(prefix + row.tobytes())
            out.append(minhash)
        return out

    def signatures(self, shingle_sets: Sequence[np.ndarray]) -> np.ndarray:
        if not shingle_sets:
            return np.zeros((0, self.num_perm), dtype=np.uint32)
        flat, offsets = _flatten(shingle_sets)
        matrix = self._rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, self.num_perm, self.seed)
        return np.asarray(matrix.to_rows(), dtype=np.uint32)

    def insert(self, key: int, sketch: Any) -> None:
        self._lsh.insert(key, sketch)

    def query(self, sketch: Any) -> list[int]:
        return self._lsh.query(sketch)

    def dumps(self) -> bytes:
        return pickle.dumps(
            {"name": self.name, "num_perm": self.num_perm, "bands": self.bands, "seed": self.seed, "lsh": self._lsh}
        )


_SHIFTS = np.arange(0, 35, 7, dtype=np.uint64)
_CONTINUE = np.array([0x80, 0x80, 0x80, 0x80, 0], dtype=np.uint8)


def _leb128_fixed(signatures: np.ndarray) -> np.ndarray:
    """Each uint32 as a 5-byte unsigned LEB128 (rensa reads over-long varints), one row per signature."""
    values = signatures.astype(np.uint64, copy=False)
    groups = ((values[:, :, None] >> _SHIFTS) & np.uint64(0x7F)).astype(np.uint8) | _CONTINUE
    return groups.reshape(signatures.shape[0], -1)


class DatasketchBackend:
    """datasketch's ``MinHash`` (fed the same 64-bit shingle hashes) and ``MinHashLSH``."""

    name = "datasketch"

    def __init__(self, num_perm: int = DEFAULT_NUM_PERM, bands: int = DEFAULT_BANDS, seed: int = DEFAULT_SEED):
        from datasketch import LeanMinHash, MinHash, MinHashLSH

        self.num_perm, self.bands, self.rows, self.seed = num_perm, bands, _rows_for(num_perm, bands), seed
        self._lean = LeanMinHash
        self._template = MinHash(num_perm=num_perm, seed=seed, hashfunc=int, scheme="affine64")
        self._minhash = MinHash
        self._lsh = MinHashLSH(num_perm=num_perm, params=(bands, self.rows))

    def signatures(self, shingle_sets: Sequence[np.ndarray]) -> np.ndarray:
        out = np.empty((len(shingle_sets), self.num_perm), dtype=np.uint64)
        for row, shingles in enumerate(shingle_sets):
            if shingles.size == 0:
                raise DedupError("cannot sign an empty shingle set")
            minhash = self._minhash(
                num_perm=self.num_perm,
                seed=self.seed,
                hashfunc=int,
                permutations=self._template.permutations,
                scheme=self._template.scheme,
            )
            minhash.update_batch(shingles.tolist())
            out[row] = minhash.hashvalues
        return out

    def sketches(self, signatures: np.ndarray) -> list[Any]:
        scheme = self._template.scheme
        return [self._lean(seed=self.seed, hashvalues=row, scheme=scheme) for row in signatures]

    def insert(self, key: int, sketch: Any) -> None:
        self._lsh.insert(key, sketch, check_duplication=False)

    def query(self, sketch: Any) -> list[int]:
        return self._lsh.query(sketch)

    def dumps(self) -> bytes:
        return pickle.dumps(
            {"name": self.name, "num_perm": self.num_perm, "bands": self.bands, "seed": self.seed, "lsh": self._lsh}
        )


def make_backend(
    name: str = "rensa", num_perm: int = DEFAULT_NUM_PERM, bands: int = DEFAULT_BANDS, seed: int = DEFAULT_SEED
) -> Backend:
    """A fresh, empty backend by name."""
    if name == "rensa":
        return RensaBackend(num_perm, bands, seed)
    if name == "datasketch":
        return DatasketchBackend(num_perm, bands, seed)
    raise DedupError(f"unknown dedup backend {name!r}; choose one of {', '.join(BACKENDS)}")


def load_backend(data: bytes) -> Backend:
    """A backend with the index saved by ``Backend.dumps``."""
    state = pickle.loads(data)
    backend = make_backend(state["name"], state["num_perm"], state["bands"], state["seed"])
    backend._lsh = state["lsh"]  # type: ignore[attr-defined]
    return backend
