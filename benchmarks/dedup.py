"""Dedup benchmark: precision/recall against exact all-pairs truth, docs/s and peak memory,
for laoru.dedup and a plain datasketch pipeline, measured in the same run.

    pip install -e '.[bench]'
    python benchmarks/dedup.py --docs 100000          # the figures in docs/performance.md
    python benchmarks/dedup.py --docs 5000 --sample 1000   # a quick look

The corpus (benchmarks/_dedup_corpus.py) is built from real sentences of the seed captures
and the ../shared/pages ground-truth bodies, with injected copies at known edit rates. It is
written to a JSONL file first; every pipeline then runs in its own process and streams that
file (reading and JSON parsing included in "end-to-end"), so peak memory is its own.

Truth: for a sample of documents (whole families of copies plus random others) the exact
Jaccard of every pair, on the same normalised 7-gram shingles laoru uses, by a sparse
matrix product. A pair is a true near duplicate at Jaccard >= threshold; "contains" pairs
(short text inside a long one) are counted apart.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "src"))

from _dedup_corpus import write_corpus  # noqa: E402

from laoru.dedup.features import to_stored  # noqa: E402
from laoru.dedup.normalise import normalised_codes, shingle_codes  # noqa: E402
from laoru.dedup.shingles import shingle_set  # noqa: E402
from laoru.model import Document  # noqa: E402


def _rss_mib(who: int) -> float:
    """Peak resident memory in MiB. For this process, VmHWM: ru_maxrss would also count the
    parent's memory at fork time, which Linux carries across exec."""
    if who == resource.RUSAGE_SELF and Path("/proc/self/status").exists():
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(who).ru_maxrss / 1024


def _records(corpus: Path, limit: int | None) -> Iterator[dict]:
    """Records of the corpus, parsed with orjson when installed (3x json's speed), for every
    pipeline alike."""
    try:
        from orjson import loads
    except ImportError:
        loads = json.loads
    with open(corpus, "rb") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            yield loads(line)


def _body(record: dict) -> str:
    return "\n\n".join(p["text"] for p in record["paragraphs"])


# -- pipelines (each runs in a child process) -------------------------------------------------


def run_laoru(corpus: Path, sample: set[int], limit: int | None, backend: str, workers: int, threshold: float) -> dict:
    from laoru.dedup import Deduplicator

    start = time.perf_counter()
    docs = (Document.from_dict(r) for r in _records(corpus, limit))
    with Deduplicator(threshold=threshold, backend=backend) as dedup:
        count = dedup.extend(docs, workers=workers)
        clusters = dedup.clusters()
        seconds = time.perf_counter() - start
        groups: dict[int, list[int]] = {}
        for number in sample:
            if number < count:
                groups.setdefault(dedup.representative(number), []).append(number)
        pairs = set()
        for members in groups.values():
            pairs |= {(a, b) for a in members for b in members if a < b}
        for a, b, kind, _similarity in dedup.verified_pairs():
            if kind != "exact":
                pairs |= {(min(x, y), max(x, y)) for x in groups.get(a, ()) for y in groups.get(b, ())}
        store_bytes = (dedup.directory / "shingles.u32").stat().st_size
    return {
        "pipeline": f"laoru ({backend}, {workers} worker{'s' if workers > 1 else ''})",
        "docs": count, "seconds": seconds, "clusters": len(clusters), "pairs": sorted(pairs),
        "rss_mib": _rss_mib(resource.RUSAGE_SELF), "worker_rss_mib": _rss_mib(resource.RUSAGE_CHILDREN),
        "disk_mib": store_bytes / 2**20,
    }  # fmt: skip


def run_datasketch(corpus: Path, sample: set[int], limit: int | None, threshold: float) -> dict:
    """The textbook pipeline: MinHash per document, MinHashLSH insert + query, no verification.

    It gets laoru's normalisation and shingle hashes (so both are judged on the same truth
    and datasketch is spared SHA-1 per shingle); LSH candidates are its reported pairs.
    """
    from datasketch import MinHash, MinHashLSH

    start = time.perf_counter()
    template = MinHash(num_perm=128, hashfunc=int, scheme="affine64")
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    pairs, count = set(), 0
    for number, record in enumerate(_records(corpus, limit)):
        count += 1
        shingles = shingle_set(shingle_codes(normalised_codes(_body(record))))
        if not shingles.size:
            continue
        minhash = MinHash(num_perm=128, hashfunc=int, permutations=template.permutations, scheme="affine64")
        minhash.update_batch(shingles.tolist())
        for other in lsh.query(minhash):
            if number in sample and other in sample:
                pairs.add((other, number))
        lsh.insert(number, minhash, check_duplication=False)
    seconds = time.perf_counter() - start
    return {
        "pipeline": "datasketch (plain, 1 process)", "docs": count, "seconds": seconds, "clusters": None,
        "pairs": sorted(pairs), "rss_mib": _rss_mib(resource.RUSAGE_SELF), "worker_rss_mib": 0.0, "disk_mib": 0.0,
    }  # fmt: skip


# -- truth ------------------------------------------------------------------------------------


def exact_pairs(corpus: Path, sample: list[int], threshold: float, containment: float, min_contained: int) -> dict:
    """All pairs of the sample with their exact Jaccard/containment, by sparse matrix product."""
    from scipy import sparse

    wanted = set(sample)
    sets: dict[int, np.ndarray] = {}
    for number, record in enumerate(_records(corpus, max(sample) + 1)):
        if number in wanted:
            sets[number] = to_stored(shingle_set(shingle_codes(normalised_codes(_body(record)))))
    order = sorted(sets)
    sizes = np.array([sets[n].size for n in order])
    columns = np.concatenate([sets[n] for n in order])
    _, column_ids = np.unique(columns, return_inverse=True)
    rows = np.repeat(np.arange(len(order)), sizes)
    matrix = sparse.csr_matrix((np.ones(rows.size, dtype=np.int32), (rows, column_ids)))
    common = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    near, contained, measured = set(), set(), {}
    for i, j, shared in zip(common.row, common.col, common.data, strict=True):
        a, b = order[i], order[j]
        jaccard = shared / (sizes[i] + sizes[j] - shared)
        smaller = min(sizes[i], sizes[j])
        measured[(a, b)] = (jaccard, shared / smaller if smaller else 0.0, smaller)
        if jaccard >= threshold:
            near.add((a, b))
        elif smaller >= min_contained and shared / smaller >= containment:
            contained.add((a, b))
    return {"near": near, "contains": contained, "measured": measured}


def choose_sample(origins: list[int], size: int, rng: random.Random) -> list[int]:
    """Whole families (an original and all its copies) plus as many random documents."""
    families: dict[int, list[int]] = {}
    for number, origin in enumerate(origins):
        families.setdefault(number if origin < 0 else origin, []).append(number)
    with_copies = [f for f in families.values() if len(f) > 1]
    rng.shuffle(with_copies)
    chosen: set[int] = set()
    for family in with_copies:
        if len(chosen) >= size // 2:
            break
        chosen.update(family)
    while len(chosen) < size:
        chosen.add(rng.randrange(len(origins)))
    return sorted(chosen)


def score(result: dict, truth: dict, sample_limit: int) -> dict:
    inside = lambda pair: pair[1] < sample_limit  # noqa: E731 - pairs the pipeline could see
    reported = {tuple(p) for p in result["pairs"]}
    near = {p for p in truth["near"] if inside(p)}
    acceptable = near | truth["contains"]
    found_near = len(near & reported)
    return {
        "reported": len(reported),
        "precision": (len(reported & acceptable) / len(reported)) if reported else 1.0,
        "recall": found_near / len(near) if near else 1.0,
        "true_near": len(near),
        "contains_found": len(truth["contains"] & reported),
        "contains_total": len({p for p in truth["contains"] if inside(p)}),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000, help="corpus size (default 100000)")
    parser.add_argument("--sample", type=int, default=3000, help="documents in the all-pairs truth sample")
    parser.add_argument("--workers", type=int, default=2, help="laoru feature workers (default 2)")
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--baseline-docs", type=int, default=None,
                        help="run the plain datasketch pipeline on the first N docs only (default: all)")
    parser.add_argument("--backend-docs", type=int, default=20_000,
                        help="docs for laoru with the datasketch backend (default 20000; 0 to skip)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", metavar="FILE", help="keep the generated corpus here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        spec = json.loads(args.child)
        corpus, sample, limit = Path(spec["corpus"]), set(spec["sample"]), spec["limit"]
        if spec["kind"] == "laoru":
            result = run_laoru(corpus, sample, limit, spec["backend"], spec["workers"], spec["threshold"])
        else:
            result = run_datasketch(corpus, sample, limit, spec["threshold"])
        print(json.dumps(result))
        return 0

    from laoru.dedup.verify import DEFAULT_CONTAINMENT, DEFAULT_MIN_CONTAINED

    workdir = Path(tempfile.mkdtemp(prefix="laoru-dedup-bench-"))
    corpus = Path(args.keep) if args.keep else workdir / "corpus.jsonl"
    started = time.perf_counter()
    origins, kinds = write_corpus(corpus, args.docs, args.seed)
    print(f"corpus: {args.docs} docs ({sum(k != 'base' for k in kinds)} injected copies) "
          f"in {time.perf_counter() - started:.0f} s, {corpus.stat().st_size / 2**20:.0f} MiB", flush=True)
    sample = choose_sample(origins, min(args.sample, args.docs), random.Random(args.seed))
    del origins, kinds  # children are forked from this process: keep it small

    runs = [{"kind": "laoru", "backend": "rensa", "workers": args.workers, "limit": None},
            {"kind": "laoru", "backend": "rensa", "workers": 1, "limit": None},
            {"kind": "datasketch", "limit": args.baseline_docs}]
    if args.backend_docs:
        runs.append({"kind": "laoru", "backend": "datasketch", "workers": args.workers, "limit": args.backend_docs})
    results = []
    for run in runs:
        spec = {**run, "corpus": str(corpus), "sample": sample, "threshold": args.threshold}
        child = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True,
                               text=True, check=False)
        if child.returncode:
            print(child.stderr, file=sys.stderr)
            return 1
        result = json.loads(child.stdout.splitlines()[-1])
        results.append(result)
        print(f"  {result['pipeline']}: {result['docs'] / result['seconds']:.0f} docs/s", flush=True)
    # The truth is computed after the runs, so that no child inherits its memory.
    truth = exact_pairs(corpus, sample, args.threshold, DEFAULT_CONTAINMENT, DEFAULT_MIN_CONTAINED)
    print(f"truth: {len(sample)} sampled docs, {len(truth['near'])} pairs at Jaccard >= {args.threshold}, "
          f"{len(truth['contains'])} more 'contains' pairs", flush=True)
    for run, result in zip(runs, results, strict=True):
        result.update(score(result, truth, run["limit"] or args.docs))

    reference = next(r for r in results if r["pipeline"].startswith("datasketch"))
    ref_rate = reference["docs"] / reference["seconds"]
    print(f"\nmachine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(f"| pipeline | docs | docs/s | vs datasketch | precision | recall (J >= {args.threshold:.2f}) "
          "| contains found | peak RSS main / worker MiB | disk MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        rate = r["docs"] / r["seconds"]
        print(f"| {r['pipeline']} | {r['docs']} | {rate:,.0f} | {rate / ref_rate:.1f}x | {r['precision']:.4f} | "
              f"{r['recall']:.4f} ({r['true_near']} pairs) | {r['contains_found']}/{r['contains_total']} | "
              f"{r['rss_mib']:.0f} / {r['worker_rss_mib']:.0f} | {r['disk_mib']:.0f} |")
    if not args.keep:
        corpus.unlink()
        workdir.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
