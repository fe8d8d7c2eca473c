"""The benchmark corpus for benchmarks/dedup.py: real sentences, injected copies of known kinds.

Base documents are paragraphs of real sentences from the seed captures and the ground-truth
bodies of ../shared/pages (English, Russian, Chinese and other languages, each document in
one script). Copies are injected at known edit rates: exact re-fetches, 5-30 % of words
replaced, paragraphs reordered, real boilerplate lines added, truncated leads, and a
Cyrillic share. Each copy records the document it was made from.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "examples" / "data"

# Lines that outlets wrap around articles, as captured in the seeds.
BOILERPLATE = [
    "Email Print", "Search", "Close this search box.", "RECENT NEWS", "Source: Lao News Agency", "KPL",
    "ຂ່າວອື່ນໆ", "Sign up here.", "Our Standards: The Thomson Reuters Trust Principles. New Tab , opens new tab",
    "Pictures of the Day", "A selection of some of our top photography from around the world.", "Top",
]  # fmt: skip
OUTLETS = ["kpl", "tass", "laotian-times", "vientiane-times", "rfa", "mfa-ru", "mfa-la", "xinhua"]
VARIANTS = ["exact", "edit05", "edit10", "edit20", "edit30", "reorder", "boilerplate", "truncate", "reorder+edit05"]
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")


def _script(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "other"
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters)
    cjk = sum("\u4e00" <= c <= "\u9fff" or "\u3040" <= c <= "\u30ff" for c in letters) / len(letters)
    latin = sum(c.isascii() for c in letters) / len(letters)
    if cyrillic > 0.5:
        return "cyrillic"
    if cjk > 0.3:
        return "cjk"
    return "latin" if latin > 0.8 else "other"


def real_bodies() -> list[str]:
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for truth in (SHARED / "pages" / "bench" / "ground-truth.json", SHARED / "pages" / "outlets" / "ground-truth.json"):
        if truth.exists():
            entries = json.loads(truth.read_text(encoding="utf-8"))
            bodies += [entry["body"] for _name, entry in sorted(entries.items()) if entry.get("body")]
    return bodies


def sentence_pools(bodies: list[str]) -> dict[str, list[str]]:
    pools: dict[str, set[str]] = {}
    for body in bodies:
        for paragraph in re.split(r"\n+", body):
            for sentence in _SENTENCE_END.split(paragraph.strip()):
                if len(sentence) >= 40:
                    pools.setdefault(_script(sentence), set()).add(sentence)
    return {script: sorted(found) for script, found in pools.items() if len(found) >= 50}


class CorpusMaker:
    """Yields ``(record, origin)``: a document dict and the index of the document it copies (or -1)."""

    def __init__(self, seed: int = 7, copy_share: float = 0.4) -> None:
        self.rng = random.Random(seed)
        self.pools = sentence_pools(real_bodies())
        self.vocab = {s: sorted({w for line in pool for w in line.split()}) for s, pool in self.pools.items()}
        weights = {"latin": 0.75, "cyrillic": 0.15, "cjk": 0.05, "other": 0.05}
        self.scripts = [s for s in weights if s in self.pools]
        self.weights = [weights[s] for s in self.scripts]
        self.copy_share = copy_share

    def _base(self, script: str) -> list[str]:
        pool, rng = self.pools[script], self.rng
        joiner = "" if script == "cjk" else " "
        return [joiner.join(rng.choice(pool) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(3, 10))]

    def _edit(self, paragraphs: list[str], rate: float, script: str) -> list[str]:
        vocab, rng = self.vocab[script], self.rng
        return [" ".join(rng.choice(vocab) if rng.random() < rate else w for w in p.split(" ")) for p in paragraphs]

    def _variant(self, kind: str, paragraphs: list[str], script: str) -> list[str]:
        rng = self.rng
        if kind == "exact":
            return list(paragraphs)
        if kind.startswith("edit"):
            return self._edit(paragraphs, int(kind[4:]) / 100, script)
        if kind == "reorder":
            shuffled = list(paragraphs)
            rng.shuffle(shuffled)
            return shuffled
        if kind == "boilerplate":
            return rng.sample(BOILERPLATE, 2) + list(paragraphs) + rng.sample(BOILERPLATE, 3)
        if kind == "truncate":
            return paragraphs[: max(1, round(len(paragraphs) * rng.uniform(0.5, 0.9)))]
        if kind == "reorder+edit05":
            return self._edit(self._variant("reorder", paragraphs, script), 0.05, script)
        raise ValueError(kind)

    def documents(self, count: int) -> Iterator[tuple[dict, int, str]]:
        """``count`` documents: ``(record, origin, kind)``; origin -1 and kind "base" for originals."""
        rng, made = self.rng, 0
        while made < count:
            script = rng.choices(self.scripts, self.weights)[0]
            paragraphs = self._base(script)
            outlet = rng.choice(OUTLETS)
            day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            origin = made
            yield _record(made, outlet, day, paragraphs), -1, "base"
            made += 1
            if rng.random() < self.copy_share:
                for _ in range(rng.choice([1, 1, 2, 3])):
                    if made >= count:
                        break
                    kind = rng.choice(VARIANTS)
                    copy_outlet = outlet if rng.random() < 0.5 else rng.choice(OUTLETS)
                    yield _record(made, copy_outlet, day, self._variant(kind, paragraphs, script)), origin, kind
                    made += 1


def _record(number: int, outlet: str, published: str, paragraphs: list[str]) -> dict:
    return {
        "id": f"doc{number:08d}",
        "outlet": outlet,
        "source": f"bench://{number}",
        "published": published,
        "paragraphs": [{"kind": "text", "text": p} for p in paragraphs],
        # As if from `laoru parse`: repeated paragraphs are removed at parse time, not by dedup.
        "parser": "bench-corpus",
    }


def write_corpus(path: Path, docs: int, seed: int) -> tuple[list[int], list[str]]:
    """Write ``docs`` generated records to ``path`` as JSONL; return each one's origin and kind."""
    origins: list[int] = []
    kinds: list[str] = []
    with open(path, "w", encoding="utf-8") as handle:
        for record, origin, kind in CorpusMaker(seed).documents(docs):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            origins.append(origin)
            kinds.append(kind)
    return origins, kinds
