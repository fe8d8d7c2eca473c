"""The precision/recall curve behind laoru.dedup's default thresholds (docs/dedup.md).

    python benchmarks/_dedup_curve.py --docs 20000 --sample 4000

Truth here is the corpus maker's own record of which documents are copies of the same
story (same family). For each threshold it prints the precision and recall of "exact
Jaccard >= t" (and of "containment >= c" for the pairs Jaccard misses) as a same-story
test, per injected kind, and the LSH collision probability of the band layouts for 128
permutations.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dedup as bench
from _dedup_corpus import write_corpus

from laoru.dedup.backend import collision_probability


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--sample", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    corpus = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    origins, kinds = write_corpus(corpus, args.docs, args.seed)
    sample = bench.choose_sample(origins, args.sample, random.Random(args.seed))
    truth = bench.exact_pairs(corpus, sample, 1.01, 1.01, 10**9)  # just the measurements
    corpus.unlink()
    family = {n: (n if o < 0 else o) for n, o in enumerate(origins)}
    wanted = set(sample)
    same = {(a, b) for a in sample for b in sample if a < b and family[a] == family[b]}
    kind_of = {p: kinds[p[1]] if kinds[p[0]] == "base" else f"{kinds[p[0]]}~{kinds[p[1]]}" for p in same}
    measured = truth["measured"]
    print(f"{len(wanted)} sampled docs, {len(same)} same-story pairs, {len(measured)} pairs sharing a shingle\n")
    print("| Jaccard >= t | precision | recall (all copies) | recall (edits <= 10 %, reorder, boilerplate, exact) |")
    print("|---:|---:|---:|---:|")
    light = {p for p in same if kind_of[p] in ("exact", "edit05", "edit10", "reorder", "boilerplate", "reorder+edit05")}
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        hits = {p for p, (jaccard, _c, _s) in measured.items() if jaccard >= threshold}
        precision = len(hits & same) / len(hits) if hits else 1.0
        print(f"| {threshold:.2f} | {precision:.4f} | {len(hits & same) / len(same):.4f} | "
              f"{len(hits & light) / len(light):.4f} |")
    print("\nper kind at the default (Jaccard >= 0.8, else containment >= 0.9 with >= 200 shingles):")
    found = Counter()
    for pair in same:
        jaccard, containment, smaller = measured.get(pair, (0.0, 0.0, 0))
        found[kind_of[pair], jaccard >= 0.8 or (smaller >= 200 and containment >= 0.9)] += 1
    for kind in sorted({k for k, _ in found}):
        total = found[kind, True] + found[kind, False]
        print(f"  {kind:28s} {found[kind, True]:5d}/{total:<5d} = {found[kind, True] / total:.3f}")
    print("\n| containment >= c (pairs with Jaccard < 0.8, smaller >= 200 shingles) | precision | pairs |")
    print("|---:|---:|---:|")
    for threshold in (0.7, 0.8, 0.85, 0.9, 0.95):
        hits = {p for p, (j, c, s) in measured.items() if j < 0.8 and s >= 200 and c >= threshold}
        precision = len(hits & same) / len(hits) if hits else 1.0
        print(f"| {threshold:.2f} | {precision:.4f} | {len(hits)} |")
    print("\nLSH: chance a pair shares a band (num_perm = bands x rows)")
    print("| bands x rows | J=0.5 | J=0.7 | J=0.8 | J=0.9 | J=0.1 |")
    print("|---|---:|---:|---:|---:|---:|")
    for bands, rows in ((32, 4), (25, 5), (21, 6), (16, 8), (18, 7)):
        cells = " | ".join(f"{collision_probability(j, bands, rows):.4g}" for j in (0.5, 0.7, 0.8, 0.9, 0.1))
        print(f"| {bands} x {rows} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
