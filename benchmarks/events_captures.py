"""Events precision and recall on the real captures, per type and per language (a markdown table).

    python benchmarks/events_captures.py [--split dev|check] [--laoru "laoru"]

Matching is ../shared/captures/score.py's own (imported from there, not copied). Recall counts
the gold events score.py counts (occurred or ongoing, main or secondary, in scope); precision
is the share of extracted events that match some gold event of their capture (any salience or
status: a background event told right is not an error). Read the unmatched ones with
``score.py -v``: some are real events the annotators did not list (see docs/events.md).
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import shlex
from pathlib import Path
from types import ModuleType

SCORE = Path(__file__).resolve().parent.parent.parent / "shared" / "captures" / "score.py"


def score_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("captures_score", SCORE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tally(split: str, laoru: list[str], languages: tuple[str, ...]) -> dict[str, collections.Counter[str]]:
    """Counters by key ("all", a type, "lang xx"): gold, found (recall), extracted, right (precision)."""
    score = score_module()
    gold = [g for g in json.loads((SCORE.parent / "gold.json").read_text(encoding="utf-8"))
            if g["split"] == split and g["language"] in languages]
    events = score.run(laoru, "events", [str(SCORE.parent / g["file"]) for g in gold])
    by_file = collections.defaultdict(list)
    for event in events:
        by_file[score.file_of(event)].append(event)
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for g in gold:
        variants = dict(g.get("name_variants") or {})
        extracted = by_file.get(g["file"], [])
        right: set[int] = set()
        for ge in g["events"]:
            found = [e for e in extracted if score.matches(ge, e, {**variants, **(ge.get("name_variants") or {})})]
            right.update(id(e) for e in found)
            if ge.get("in_scope", True) and ge["status"] in ("occurred", "ongoing") and \
                    ge["salience"] in ("main", "secondary"):
                for key in ("all", ge["type"], "lang " + g["language"]):
                    counts[key]["gold"] += 1
                    counts[key]["found"] += bool(found)
        for event in extracted:
            for key in ("all", event.get("type", "?"), "lang " + g["language"]):
                counts[key]["extracted"] += 1
                counts[key]["right"] += id(event) in right
    return counts


def table(counts: dict[str, collections.Counter[str]]) -> str:
    rows = ["| type / language | gold | recall | extracted | precision |", "|---|---:|---:|---:|---:|"]
    keys = sorted(k for k in counts if k != "all" and not k.startswith("lang")) + \
        sorted(k for k in counts if k.startswith("lang")) + ["all"]
    for key in keys:
        c = counts[key]
        recall = f"{c['found']}/{c['gold']} = {c['found'] / c['gold']:.2f}" if c["gold"] else "–"
        precision = f"{c['right']}/{c['extracted']} = {c['right'] / c['extracted']:.2f}" if c["extracted"] else "–"
        label = "**all**" if key == "all" else key
        rows.append(f"| {label} | {c['gold']} | {recall} | {c['extracted']} | {precision} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "check"], default="dev")
    parser.add_argument("--laoru", default="laoru")
    parser.add_argument("--lang", default="en,ru")
    args = parser.parse_args()
    print(table(tally(args.split, shlex.split(args.laoru), tuple(args.lang.split(",")))))


if __name__ == "__main__":
    main()
