"""The few collection operations the scaled pipeline needs, so one algorithm runs on every engine.

An engine holds a distributed collection (a Dask bag, a Spark RDD, or a plain list here)
and offers ``map``/``flat_map`` (no data movement), ``group_by_key`` (the shuffle),
``union``, ``persist`` and ``collect``. Everything the pipeline does is written against
this interface in :mod:`laoru.engines.scaled`; an engine adds nothing but plumbing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, Protocol


class Engine(Protocol):
    name: str
    parallelism: int  # how many tasks can run at once: sizes chunks and shuffles

    def parallelize(self, items: list[Any]) -> Any:
        """A collection with one partition per item (items are chunks of work)."""
        ...

    def map(self, coll: Any, fn: Callable[[Any], Any]) -> Any: ...

    def flat_map(self, coll: Any, fn: Callable[[Any], Iterable[Any]]) -> Any: ...

    def group_by_key(self, coll: Any) -> Any:
        """``(key, value)`` items → ``(key, [values])``: the shuffle. Keys must hash the same in
        every process (ints and tuples of ints, never str)."""
        ...

    def union(self, first: Any, second: Any) -> Any: ...

    def persist(self, coll: Any) -> Any: ...

    def collect(self, coll: Any) -> list[Any]: ...

    def close(self) -> None: ...


class SerialEngine:
    """The scaled algorithm on plain lists in this process: for tests and for debugging a stage."""

    name = "serial"
    parallelism = 1

    def parallelize(self, items: list[Any]) -> list[Any]:
        return list(items)

    def map(self, coll: list[Any], fn: Callable[[Any], Any]) -> list[Any]:
        return [fn(item) for item in coll]

    def flat_map(self, coll: list[Any], fn: Callable[[Any], Iterable[Any]]) -> list[Any]:
        return [out for item in coll for out in fn(item)]

    def group_by_key(self, coll: list[tuple[Hashable, Any]]) -> list[tuple[Hashable, list[Any]]]:
        groups: dict[Hashable, list[Any]] = {}
        for key, value in coll:
            groups.setdefault(key, []).append(value)
        return list(groups.items())

    def union(self, first: list[Any], second: list[Any]) -> list[Any]:
        return first + second

    def persist(self, coll: list[Any]) -> list[Any]:
        return coll

    def collect(self, coll: list[Any]) -> list[Any]:
        return list(coll)

    def close(self) -> None:
        pass
