"""Docs/s of the whole pipeline on local, Dask (1 and 2 workers) and Spark local[2], same corpus.

    python benchmarks/scale.py --docs 100000                 # WARC crawl: parse, clean, dedup, events
    python benchmarks/scale.py --docs 100000 --input jsonl   # parsed Documents: clean + dedup at scale
    python benchmarks/scale.py --docs 20000 --engines local dask1 dask2

The corpus is generated once per size into --cache (deterministic, from the bundled seed
sentences and, if present, the shared bench bodies). Engine start-up (cluster, JVM) is
timed apart from the run. The timeline merge runs on one process and is left out
(``Options(timeline=False)``); see docs/scaling.md.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_TRUTH = ROOT.parent / "shared" / "pages" / "bench" / "ground-truth.json"
CONFIGS = {"local": ("local", 1), "dask1": ("dask", 1), "dask2": ("dask", 2), "spark2": ("spark", 2)}


def corpus(cache: Path, docs: int, kind: str) -> list[str]:
    import _synthetic_corpus as synthetic

    folder = cache / f"{kind}-{docs}"
    done = folder / "DONE"
    if not done.exists():
        pool = synthetic.sentences_from_documents(sorted((ROOT / "examples" / "data").glob("*.txt")))
        if BENCH_TRUTH.exists():
            pool = sorted(set(pool) | set(synthetic.sentences_from_ground_truth(BENCH_TRUTH)))
        started = time.perf_counter()
        if kind == "warc":
            synthetic.write_warcs(folder, docs, pool, per_file=1000)
        else:
            synthetic.write_document_jsonl(folder, docs, pool, per_file=1000)
        done.write_text("ok\n")
        print(f"generated {docs} documents ({kind}) in {time.perf_counter() - started:.0f}s -> {folder}")
    return [str(folder)] if kind == "warc" else sorted(str(p) for p in folder.glob("*.jsonl"))


def measure(config: str, inputs: list[str], options, docs: int, out: Path) -> float:
    from laoru import engines

    name, workers = CONFIGS[config]
    started = time.perf_counter()
    engine = name if name == "local" else engines.make_engine(name, workers=workers)
    startup = time.perf_counter() - started
    try:
        started = time.perf_counter()
        summary = engines.run(inputs, out / config, engine, options)
        seconds = time.perf_counter() - started
    finally:
        if name != "local":
            engine.close()
    rate = docs / seconds
    print(f"{config:7s} {rate:8.0f} docs/s  {seconds:7.1f}s  (start-up {startup:4.1f}s; "
          f"{summary.documents} kept, {summary.clusters} clusters, {summary.events} events)", flush=True)
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--input", choices=("warc", "jsonl"), default="warc")
    parser.add_argument("--engines", nargs="+", choices=tuple(CONFIGS), default=list(CONFIGS))
    parser.add_argument("--no-events", action="store_true", help="parse and dedup only")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "laoru-scale")
    args = parser.parse_args()

    from laoru.pipeline import Options

    inputs = corpus(args.cache, args.docs, args.input)
    options = Options(events=not args.no_events and args.input == "warc", timeline=False)
    print(f"{args.docs} documents, input {args.input}, events {options.events}; python {platform.python_version()}, "
          f"{platform.machine()}, {__import__('os').cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="laoru-scale-out-") as out:
        rates = {config: measure(config, inputs, options, args.docs, Path(out)) for config in args.engines}
    if "dask1" in rates and "dask2" in rates:
        print(f"speed-up dask 1 -> 2 workers: {rates['dask2'] / rates['dask1']:.2f}x")
    if "local" in rates and "dask2" in rates:
        print(f"speed-up local -> dask 2 workers: {rates['dask2'] / rates['local']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
