"""Event extraction speed, in documents per second on one core.

    python benchmarks/events.py [--repeat 7]

Corpus: the seed articles (gold documents) plus the 302 benchmark pages' ground-truth
bodies from ../shared/pages/bench (plain text, so parsing is not timed). Reported:
docs/s for the seeds, for the benchmark bodies, and overall: best and median wall-clock run
and the best run in CPU time (less disturbed by other jobs on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from laoru.events import extract_events
from laoru.events.evaluate import gold_documents
from laoru.model import Document, Paragraph

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "pages" / "bench" / "ground-truth.json"


def corpus() -> tuple[list[Document], list[Document]]:
    seeds = list(gold_documents(ROOT / "tests" / "gold" / "articles.json", ROOT / "examples" / "data").values())
    bench: list[Document] = []
    if BENCH.exists():
        for name, entry in json.loads(BENCH.read_text(encoding="utf-8")).items():
            paragraphs = [p.strip() for p in (entry.get("body") or "").split("\n") if p.strip()]
            bench.append(Document(outlet=name, published=(entry.get("published") or None),
                                  paragraphs=[Paragraph(p) for p in paragraphs]))
    return seeds, bench


def rate(docs: list[Document], repeat: int) -> tuple[float, float, float, int]:
    """(best wall docs/s, median wall docs/s, best CPU docs/s, events) over ``repeat`` runs."""
    walls: list[float] = []
    cpus: list[float] = []
    events = 0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        events = sum(len(extract_events(d)) for d in docs)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    per = [len(docs) / w if w else float("inf") for w in walls]
    return max(per), statistics.median(per), len(docs) / min(cpus) if min(cpus) else float("inf"), events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    seeds, bench = corpus()
    extract_events(seeds[0])  # build the automata once, outside the timing
    chars = sum(len(d.text) for d in seeds + bench)
    for label, docs in (("seed articles", seeds), ("bench bodies", bench), ("all", seeds + bench)):
        if docs:
            best, median, cpu, events = rate(docs, args.repeat)
            print(f"{label:14s} {len(docs):4d} docs  best {best:7.0f}  median {median:7.0f}  "
                  f"best-cpu {cpu:7.0f} docs/s  {events:4d} events")
    print(f"corpus: {len(seeds) + len(bench)} docs, {chars / 1e6:.2f} M characters; "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
