"""Running the pipeline on one process (``local``), on Dask or on Spark, with the same outputs.

``local`` is :func:`laoru.pipeline.run` and needs nothing else; ``dask`` and ``spark`` run
:mod:`laoru.engines.scaled` (the optional extras ``laoru[dask]`` / ``laoru[spark]``).
Every engine writes ``documents``, ``clusters``, ``events`` and ``timeline`` tables to the
output folder as JSONL and Parquet parts (:mod:`laoru.engines.sink`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

from laoru import pipeline
from laoru.engines import sink
from laoru.engines.base import Engine, SerialEngine
from laoru.engines.scaled import Summary
from laoru.errors import LaoruError
from laoru.paths import STDIN

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

    The run is written into a new folder that replaces ``out`` only when it is complete
    (with a ``_SUCCESS`` marker), so an interrupted run never loses the previous output.
    Bad inputs are reported to ``on_error(source, reason)`` (after parsing, on Dask/Spark)
    and listed in the summary; the run goes on without them.
    """
    options = options or pipeline.Options()
    parquet = sink.parquet_available() if parquet is None else parquet
    failures: list[tuple[str, str]] = []
    unit_paths = pipeline.units(inputs, lambda source, reason: failures.append((source, reason)))
    if engine != "local" and STDIN in unit_paths:
        unit_paths = [u for u in unit_paths if u != STDIN]
        failures.append(("<stdin>", "standard input is read by --engine local only"))
    with sink.staged(out) as staging:
        summary = _run_engine(engine, unit_paths, staging, options, parquet, workers=workers,
                              scheduler=scheduler, master=master)
        summary = attrs.evolve(summary, failures=failures + summary.failures)
        sink.mark_success(staging, {"engine": engine if isinstance(engine, str) else engine.name,
                                    **{k: v for k, v in attrs.asdict(summary).items() if k != "failures"},
                                    "failed_inputs": len(summary.failures)})
    if on_error is not None:
        for source, reason in summary.failures:
            on_error(source, reason)
    return summary


def _run_engine(engine: str | Engine, unit_paths: list[str], out: Path, options: pipeline.Options, parquet: bool,
                **settings: Any) -> Summary:
    if engine == "local":
        return run_local(unit_paths, out, options, parquet)
    from laoru.engines import scaled

    started = make_engine(engine, **settings) if isinstance(engine, str) else engine
    try:
        return scaled.run(started, unit_paths, str(out), options, parquet)
    finally:
        if isinstance(engine, str):
            started.close()


__all__ = ["ENGINES", "Engine", "SerialEngine", "Summary", "make_engine", "run"]
