"""Scoring extracted events against a hand-written gold file.

Gold articles are cut out of the seed captures by line ranges (``articles.json``) so
that the evaluation does not depend on any parser. An extracted event matches a gold
event when the type, the set of named participants (people and organisations;
states are not participants) and the start/end dates are all equal; a looser score
ignores dates. Matching is one-to-one and greedy in gold order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from laoru.events.model import EVENT_TYPES, Event
from laoru.model import Dateline, Document, Paragraph


def gold_documents(articles_path: str | Path, seeds_dir: str | Path) -> dict[str, Document]:
    """Article key → Document built from the seed lines the gold file names."""
    spec = json.loads(Path(articles_path).read_text(encoding="utf-8"))
    documents = {}
    for key, article in spec.items():
        if key.startswith("_"):
            continue
        lines = (Path(seeds_dir) / article["seed"]).read_text(encoding="utf-8").splitlines()
        paragraphs: list[str] = []
        for first, last in article["lines"]:
            for line in lines[first - 1:last]:
                text = line.strip()
                if text and text not in paragraphs:
                    paragraphs.append(text)
        dateline = Dateline(**article["dateline"]) if article.get("dateline") else None
        documents[key] = Document(
            outlet=article["outlet"], source=f"{article['seed']}#{key}", title=article.get("title"),
            published=article.get("published"), dateline=dateline,
            paragraphs=[Paragraph(p) for p in paragraphs],
        )
    return documents


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def participant_names(event: Event) -> tuple[str, ...]:
    return tuple(sorted({p.name for p in event.participants if p.kind in ("person", "org")}))


def _key(row: Mapping[str, Any], with_dates: bool) -> tuple[Any, ...]:
    """A single-day event may be written with ``end`` equal to ``start`` or with no ``end``."""
    base = (row["type"], tuple(sorted(row["participants"])))
    start, end = row.get("start"), row.get("end")
    return base + ((start, None if end == start else end) if with_dates else ())


def _event_row(event: Event) -> dict[str, Any]:
    return {"type": event.type, "participants": list(participant_names(event)), "start": event.start,
            "end": event.end, "status": event.status, "place": event.place.name if event.place else None}


def score(gold: Iterable[Mapping[str, Any]], extracted: Mapping[str, list[Event]],
          with_dates: bool = True) -> dict[str, Any]:
    """Per-type true positives, precision and recall, plus the matched pairs."""
    gold_by_article: dict[str, list[Mapping[str, Any]]] = {}
    for row in gold:
        gold_by_article.setdefault(row["article"], []).append(row)
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    pairs: list[tuple[Mapping[str, Any], dict[str, Any]]] = []
    misses: list[Mapping[str, Any]] = []
    spurious: list[dict[str, Any]] = []
    for article in sorted(set(gold_by_article) | set(extracted)):
        predicted = [dict(_event_row(e), article=article) for e in extracted.get(article, [])]
        for row in predicted:
            n_pred[row["type"]] += 1
        free = list(predicted)
        for row in gold_by_article.get(article, []):
            n_gold[row["type"]] += 1
            key = _key(row, with_dates)
            hit = next((p for p in free if _key(p, with_dates) == key), None)
            if hit is None:
                misses.append(row)
                continue
            free.remove(hit)
            tp[row["type"]] += 1
            pairs.append((row, hit))
        spurious.extend(free)
    per_type = {}
    for kind in EVENT_TYPES:
        if n_gold[kind] or n_pred[kind]:
            per_type[kind] = _prf(tp[kind], n_pred[kind], n_gold[kind])
    total = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    status_ok = sum(1 for g, p in pairs if g.get("status", "occurred") == p["status"])
    place_pairs = [(g, p) for g, p in pairs if g.get("place")]
    place_ok = sum(1 for g, p in place_pairs if g["place"] == p["place"])
    return {"per_type": per_type, "total": total, "status_accuracy": (status_ok, len(pairs)),
            "place_accuracy": (place_ok, len(place_pairs)), "misses": misses, "spurious": spurious}


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float | int]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "predicted": predicted, "gold": gold, "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3)}


def format_table(result: Mapping[str, Any], title: str) -> str:
    lines = [f"### {title}", "", "| type | gold | extracted | matched | precision | recall | F1 |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for kind, r in [*result["per_type"].items(), ("**all**", result["total"])]:
        lines.append(f"| {kind} | {r['gold']} | {r['predicted']} | {r['tp']} | {r['precision']:.2f} | "
                     f"{r['recall']:.2f} | {r['f1']:.2f} |")
    return "\n".join(lines)
