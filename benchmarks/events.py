"""Event extraction speed, in documents per second on one core, with a peer timed in the same run.

    python benchmarks/events.py [--repeat 5] [--captures ../shared/captures]

Corpora (parsed before timing, so only event extraction is timed):
  captures       the real captures in ../shared/captures (the issue's target: ≥ 1,000 docs/s)
  seed articles  the gold documents cut from the seeds
  bench bodies   the 302 benchmark pages' ground-truth bodies from ../shared/pages/bench

Reported per corpus: docs/s as the best and median wall-clock run and the best run in CPU
time (less disturbed by other jobs on a shared machine). The process is pinned to one CPU
where the system allows it.

Peer: ``dateparser.search.search_dates`` (the time-expression finder most Python projects
reach for; laoru's time layer does this and more) on the same captures in the same run.
The ratio laoru/peer is what to compare between machines and runs: absolute rates on a
shared machine move with its load, a ratio measured in one run much less.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import laoru
from laoru.events import extract_events
from laoru.events.evaluate import gold_documents
from laoru.model import Document, Paragraph

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "pages" / "bench" / "ground-truth.json"


def capture_documents(folder: Path) -> list[Document]:
    """The captures parsed through the plugins (title, dateline and published found), in file order."""
    files = sorted(str(p) for p in folder.glob("*.txt"))
    return list(laoru.parse_paths(files, on_error=lambda source, reason: None)) if files else []


def seed_and_bench_documents() -> tuple[list[Document], list[Document]]:
    seeds = list(gold_documents(ROOT / "tests" / "gold" / "articles.json", ROOT / "examples" / "data").values())
    bench: list[Document] = []
    if BENCH.exists():
        for name, entry in json.loads(BENCH.read_text(encoding="utf-8")).items():
            paragraphs = [p.strip() for p in (entry.get("body") or "").split("\n") if p.strip()]
            bench.append(Document(outlet=name, published=(entry.get("published") or None),
                                  paragraphs=[Paragraph(p) for p in paragraphs]))
    return seeds, bench


def rate(docs: Sequence[Document], work: Callable[[Document], int], repeat: int) -> tuple[float, float, float, int]:
    """(best wall docs/s, median wall docs/s, best CPU docs/s, items found) over ``repeat`` runs."""
    walls: list[float] = []
    cpus: list[float] = []
    found = 0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        found = sum(work(d) for d in docs)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    per = [len(docs) / w if w else float("inf") for w in walls]
    return max(per), statistics.median(per), len(docs) / min(cpus) if min(cpus) else float("inf"), found


def laoru_events(doc: Document) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # captures in languages without a lexicon warn once each
        return len(extract_events(doc))


def peer_dates() -> Callable[[Document], int] | None:
    """dateparser's date search over the document text (None when dateparser is not installed)."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    settings = {"RETURN_AS_TIMEZONE_AWARE": False}

    def search(doc: Document) -> int:
        language = (doc.language or "en").split("-")[0]
        found = search_dates(doc.text, languages=[language] if language in ("en", "ru") else ["en"],
                             settings=settings)  # type: ignore[arg-type]
        return len(found or [])

    return search


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def line(label: str, docs: Sequence[Document], result: tuple[float, float, float, int], unit: str) -> str:
    best, median, cpu, found = result
    return (f"{label:22s} {len(docs):4d} docs  best {best:8.0f}  median {median:8.0f}  "
            f"best-cpu {cpu:8.0f} docs/s  {found:5d} {unit}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--captures", type=Path, default=SHARED / "captures")
    parser.add_argument("--no-peer", action="store_true", help="skip the dateparser peer")
    args = parser.parse_args()
    pinned = pin_one_core()
    captures = capture_documents(args.captures)
    seeds, bench = seed_and_bench_documents()
    for doc in (captures or seeds)[:3]:
        laoru_events(doc)  # build the automata once, outside the timing
    rows = {}
    for label, docs in (("captures", captures), ("seed articles", seeds), ("bench bodies", bench)):
        if docs:
            rows[label] = rate(docs, laoru_events, args.repeat)
            print(line(f"laoru {label}", docs, rows[label], "events"))
    peer = None if args.no_peer else peer_dates()
    if peer is not None and captures:
        peer(captures[0])  # load its language data outside the timing
        peer_rate = rate(captures, peer, max(1, args.repeat // 2))
        print(line("peer dateparser", captures, peer_rate, "dates"))
        print(f"ratio laoru/peer on the captures (best CPU): {rows['captures'][2] / peer_rate[2]:.1f}x")
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, {pinned}, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


if __name__ == "__main__":
    main()
