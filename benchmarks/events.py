"""Event extraction speed, in documents per second on one core.

    python benchmarks/events.py [--repeat 3]

Corpus: the seed articles (gold documents) plus the 302 benchmark pages' ground-truth
bodies from ../shared/pages/bench (plain text, so parsing is not timed). Reported:
docs/s for the seeds, for the benchmark bodies, and overall; best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
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


def rate(docs: list[Document], repeat: int) -> tuple[float, int]:
    best = float("inf")
    events = 0
    for _ in range(repeat):
        started = time.perf_counter()
        events = sum(len(extract_events(d)) for d in docs)
        best = min(best, time.perf_counter() - started)
    return (len(docs) / best if best else float("inf")), events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seeds, bench = corpus()
    extract_events(seeds[0])  # build the automata once, outside the timing
    chars = sum(len(d.text) for d in seeds + bench)
    for label, docs in (("seed articles", seeds), ("bench bodies", bench), ("all", seeds + bench)):
        if docs:
            per_second, events = rate(docs, args.repeat)
            print(f"{label:14s} {len(docs):4d} docs  {per_second:8.0f} docs/s  {events:4d} events")
    print(f"corpus: {len(seeds) + len(bench)} docs, {chars / 1e6:.2f} M characters")


if __name__ == "__main__":
    main()
