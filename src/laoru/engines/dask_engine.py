"""Dask: an embedded ``LocalCluster`` by default, or a running scheduler by address.

Collections are ``dask.bag`` bags; the shuffle is ``Bag.groupby(..., shuffle="tasks")``,
which moves each item once to the partition its key hashes to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from laoru.errors import LaoruError


def _pairs(group: tuple[Any, list[tuple[Any, Any]]]) -> tuple[Any, list[Any]]:
    key, items = group
    return key, [value for _key, value in items]


def _first(item: tuple[Any, Any]) -> Any:
    return item[0]


class DaskEngine:
    """Tasks on Dask workers; ``close`` stops the embedded cluster (never a joined one)."""

    name = "dask"

    def __init__(self, workers: int = 2, scheduler: str | None = None, processes: bool = True) -> None:
        try:
            import dask.bag  # noqa: F401
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise LaoruError(f"the dask engine needs the dask extra: pip install 'laoru[dask]' ({exc})") from None
        self._cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="20s")
            except OSError as exc:
                raise LaoruError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        else:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                                         dashboard_address=None, silence_logs=40)
            self.client = Client(self._cluster)
        self.parallelism = max(1, sum(self.client.nthreads().values()))

    def parallelize(self, items: list[Any]) -> Any:
        import dask.bag as db

        return db.from_sequence(items, partition_size=1) if items else db.from_sequence([], npartitions=1)

    def map(self, coll: Any, fn: Callable[[Any], Any]) -> Any:
        return coll.map(fn)

    def flat_map(self, coll: Any, fn: Callable[[Any], Iterable[Any]]) -> Any:
        return coll.map(fn).flatten()

    def group_by_key(self, coll: Any) -> Any:
        return coll.groupby(_first, shuffle="tasks", npartitions=max(1, 2 * self.parallelism)).map(_pairs)

    def union(self, first: Any, second: Any) -> Any:
        import dask.bag as db

        return db.concat([first, second])

    def persist(self, coll: Any) -> Any:
        return self.client.persist(coll)

    def collect(self, coll: Any) -> list[Any]:
        return list(self.client.compute(coll).result())

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
