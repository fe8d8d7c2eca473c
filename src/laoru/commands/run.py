"""``laoru run``: the whole pipeline (parse, clean, dedup, events, timeline) into a folder of tables."""

from __future__ import annotations

import argparse
import sys
import time

from laoru.commands.common import Report, fraction, positive_int
from laoru.engines import ENGINES
from laoru.pipeline import Options


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "run", help="the whole pipeline on one process, Dask or Spark, written as Parquet and JSONL",
        description="Parse, clean, de-duplicate and extract events from pages, folders, globs and WARC files; "
                    "write documents, clusters, events and the timeline to --out as JSONL and Parquet parts.")
    parser.add_argument("paths", nargs="+", metavar="INPUT",
                        help="files, folders (walked for .html/.htm/.txt[.gz] and .warc[.gz]), globs, WARC files, "
                        "- for stdin")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the output tables")
    parser.add_argument("--engine", choices=ENGINES, default="local", help="where to run (default local)")
    parser.add_argument("--workers", type=positive_int, default=2, metavar="N",
                        help="workers of the embedded Dask cluster or Spark local[N] (default 2)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="dask: join this scheduler instead of starting one")
    parser.add_argument("--master", metavar="URL", help="spark: master URL (default local[WORKERS])")
    parser.add_argument("--outlet", metavar="SLUG", help="read every input with this outlet's plugin")
    parser.add_argument("--plugin", metavar="FILE", action="append", default=[],
                        help="load a plugin from a .py file or folder (repeatable)")
    parser.add_argument("--no-dedup", dest="dedup", action="store_false", help="keep every document")
    parser.add_argument("--threshold", type=fraction, default=0.8, help="dedup Jaccard threshold (default 0.8)")
    parser.add_argument("--no-events", dest="events", action="store_false", help="skip events and the timeline")
    parser.add_argument("--no-timeline", dest="timeline", action="store_false",
                        help="write events but do not merge them into a timeline (merging runs on one process)")
    parser.add_argument("--no-parquet", dest="parquet", action="store_false", default=None,
                        help="write JSONL only (default: Parquet too when pyarrow is installed)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from laoru import engines
    from laoru.api import registry

    if args.outlet:
        registry(args.plugin).get(args.outlet)  # an unknown slug fails before any work starts
    report = Report(stream=sys.stderr)  # the default is bound at import time (stale under pytest capture)
    options = Options(outlet=args.outlet, plugins=tuple(args.plugin), dedup=args.dedup,
                      threshold=args.threshold, events=args.events,
                      timeline=args.timeline)
    started = time.perf_counter()
    summary = engines.run(args.paths, args.out, args.engine, options, workers=args.workers,
                          scheduler=args.scheduler, master=args.master, parquet=args.parquet, on_error=report.error)
    seconds = time.perf_counter() - started
    print(f"laoru: {args.engine}: {summary.documents} documents, {summary.clusters} clusters, "
          f"{summary.events} events, {summary.timeline} timeline entries in {seconds:.1f}s -> {args.out}"
          + (f" ({len(summary.failures)} inputs failed)" if summary.failures else ""), file=sys.stderr)
    return report.exit_code
