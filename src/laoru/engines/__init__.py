"""Running the pipeline on one process (``local``), on Dask or on Spark, with the same outputs.

``local`` is :func:`laoru.pipeline.run` and needs nothing else; ``dask`` and ``spark`` run
:mod:`laoru.engines.scaled` (the optional extras ``laoru[dask]`` / ``laoru[spark]``).
Every engine writes ``documents``, ``clusters``, ``events`` and ``timeline`` tables to the
output folder as JSONL and Parquet parts (:mod:`laoru.engines.sink`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from laoru import pipeline
from laoru.engines import sink
from laoru.engines.base import Engine, SerialEngine
from laoru.engines.scaled import Summary
from laoru.errors import LaoruError

ENGINES = ("local", "dask", "spark")


def make_engine(name: str, *, workers: int = 2, scheduler: str | None = None, master: str | None = None,
                processes: bool = True) -> Engine:
    """A started engine by name (``serial`` is the scaled algorithm in this process, for tests)."""
    if name == "dask":
        from laoru.engines.dask_engine import DaskEngine

        return DaskEngine(workers=workers, scheduler=scheduler, processes=processes)
    if name == "spark":
        from laoru.engines.spark_engine import SparkEngine

        return SparkEngine(master=master, workers=workers)
    if name == "serial":
        return SerialEngine()
    raise LaoruError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")


def run_local(unit_paths: list[str], out: str | os.PathLike[str], options: pipeline.Options,
              parquet: bool = True) -> Summary:
    result = pipeline.run(unit_paths, options)
    sink.write_part(out, "documents", 0, (d.to_dict() for d in result.documents), parquet)
    sink.write_part(out, "clusters", 0, (c.to_dict() for c in result.clusters), parquet)
    if options.events:
        sink.write_part(out, "events", 0, (e.to_dict() for e in result.events), parquet)
    if options.events and options.timeline:
        sink.write_part(out, "timeline", 0, (e.to_dict() if hasattr(e, "to_dict") else dict(e)
                                             for e in result.timeline), parquet)
    return Summary(len(result.documents), len(result.clusters), len(result.events), len(result.timeline),
                   result.failures)


def run(inputs: Iterable[str | os.PathLike[str]], out: str | os.PathLike[str], engine: str | Engine = "local",
        options: pipeline.Options | None = None, *, workers: int = 2, scheduler: str | None = None,
        master: str | None = None, parquet: bool | None = None,
        on_error: Callable[[str, str], None] | None = None) -> Summary:
    """The whole pipeline on ``engine`` (a name, or an engine already started), outputs in ``out``.

    Bad inputs are reported to ``on_error(source, reason)`` (after parsing, on Dask/Spark)
    and listed in the summary; the run goes on without them.
    """
    options = options or pipeline.Options()
    parquet = sink.parquet_available() if parquet is None else parquet
    unit_paths = pipeline.units(inputs)
    os.makedirs(out, exist_ok=True)
    sink.clear(out)
    if engine == "local":
        summary = run_local(unit_paths, out, options, parquet)
    else:
        from laoru.engines import scaled

        started = make_engine(engine, workers=workers, scheduler=scheduler, master=master) \
            if isinstance(engine, str) else engine
        try:
            summary = scaled.run(started, unit_paths, str(out), options, parquet)
        finally:
            if isinstance(engine, str):
                started.close()
    if on_error is not None:
        for source, reason in summary.failures:
            on_error(source, reason)
    return summary


__all__ = ["ENGINES", "Engine", "SerialEngine", "Summary", "make_engine", "run"]
