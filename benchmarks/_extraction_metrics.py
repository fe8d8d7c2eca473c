"""Body-text scores for benchmarks/extraction.py: token F1 and ROUGE-L, both on word tokens.

Token F1 is the bag-of-words overlap used by the article-extraction benchmarks. ROUGE-L is
the F-measure of the longest common subsequence of the two token sequences, computed with
the bit-parallel LCS algorithm (Hyyrö 2004) so that whole articles score in microseconds;
on single-block texts it equals rouge-score's ROUGE-LSum.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall((text or "").casefold())


def _f1(overlap: int, n_candidate: int, n_reference: int) -> float:
    if n_candidate == 0 and n_reference == 0:
        return 1.0
    if overlap == 0:
        return 0.0
    precision, recall = overlap / n_candidate, overlap / n_reference
    return 2 * precision * recall / (precision + recall)


def token_f1(candidate: str | None, reference: str | None) -> float:
    cand, ref = Counter(tokens(candidate)), Counter(tokens(reference))
    return _f1(sum((cand & ref).values()), sum(cand.values()), sum(ref.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence, one big-integer step per token of ``b``."""
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for index, token in enumerate(a):
        masks[token] = masks.get(token, 0) | (1 << index)
    full = (1 << len(a)) - 1
    row = full
    for token in b:
        match = row & masks.get(token, 0)
        row = ((row + match) | (row - match)) & full
    return len(a) - bin(row).count("1")


def rouge_l(candidate: str | None, reference: str | None) -> float:
    cand, ref = tokens(candidate), tokens(reference)
    return _f1(lcs_length(cand, ref), len(cand), len(ref))
