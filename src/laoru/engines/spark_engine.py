"""Spark: RDDs over chunks of input paths; ``local[N]`` by default, ``--master URL`` for a cluster.

The shuffle is ``groupByKey``; Python workers run the same per-chunk functions as every
other engine (``mapPartitions`` over the input paths of each chunk).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterable
from typing import Any

from laoru.errors import LaoruError


def spark_unavailable() -> str | None:
    """Why Spark cannot run here (no pyspark, no Java), or None."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'laoru[spark]')"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "Java is not installed (Spark needs a JVM: install OpenJDK 17 or set JAVA_HOME)"
    return None


class SparkEngine:
    """Tasks on Spark executors; ``close`` stops the SparkContext it started."""

    name = "spark"

    def __init__(self, master: str | None = None, workers: int = 2) -> None:
        reason = spark_unavailable()
        if reason:
            raise LaoruError(f"the spark engine cannot start: {reason}")
        from pyspark import SparkConf, SparkContext

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        master = master or f"local[{workers}]"
        conf = (SparkConf().setMaster(master).setAppName("laoru")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
                .set("spark.python.worker.reuse", "true").set("spark.driver.memory", "2g"))
        try:
            self.sc = SparkContext.getOrCreate(conf)
        except Exception as exc:  # the JVM gateway fails in many ways; all mean "cannot start"
            raise LaoruError(f"cannot start Spark with master {master} ({exc})") from None
        self.sc.setLogLevel("ERROR")
        self.parallelism = max(1, self.sc.defaultParallelism)

    def parallelize(self, items: list[Any]) -> Any:
        return self.sc.parallelize(items, max(1, len(items)))

    def map(self, coll: Any, fn: Callable[[Any], Any]) -> Any:
        return coll.map(fn)

    def flat_map(self, coll: Any, fn: Callable[[Any], Iterable[Any]]) -> Any:
        return coll.flatMap(fn)

    def group_by_key(self, coll: Any) -> Any:
        return coll.groupByKey(max(1, 2 * self.parallelism)).mapValues(list)

    def union(self, first: Any, second: Any) -> Any:
        return first.union(second)

    def persist(self, coll: Any) -> Any:
        from pyspark import StorageLevel

        return coll.persist(StorageLevel.MEMORY_AND_DISK)

    def collect(self, coll: Any) -> list[Any]:
        return coll.collect()

    def close(self) -> None:
        self.sc.stop()
