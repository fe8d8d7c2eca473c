"""Precision/recall of laoru.events against tests/gold/seeds.jsonl, per event type.

    python benchmarks/evaluate_events.py [--seeds examples/data] [--verbose]

The gold was written before the extractor was tuned; do not edit it to fit the output.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from laoru.events import extract_events
from laoru.events.evaluate import format_table, gold_documents, load_gold, score

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default=str(ROOT / "examples" / "data"))
    parser.add_argument("--gold", default=str(ROOT / "tests" / "gold" / "seeds.jsonl"))
    parser.add_argument("--articles", default=str(ROOT / "tests" / "gold" / "articles.json"))
    parser.add_argument("--verbose", action="store_true", help="list misses and spurious events")
    args = parser.parse_args(argv)
    documents = gold_documents(args.articles, args.seeds)
    extracted = {key: extract_events(doc) for key, doc in documents.items()}
    gold = load_gold(args.gold)
    strict = score(gold, extracted, with_dates=True)
    loose = score(gold, extracted, with_dates=False)
    print(format_table(strict, "Strict: type + participants + start/end"))
    print()
    print(format_table(loose, "Loose: type + participants (dates ignored)"))
    ok, n = strict["status_accuracy"]
    print(f"\nstatus correct on {ok}/{n} strict matches; ", end="")
    ok, n = strict["place_accuracy"]
    print(f"place correct on {ok}/{n} strict matches whose gold names a place")
    if args.verbose:
        print("\nMISSED (gold not matched strictly):")
        for row in strict["misses"]:
            print("  ", json.dumps({k: row.get(k) for k in ("article", "type", "participants", "start", "end")},
                                   ensure_ascii=False))
        print("SPURIOUS (extracted, not matched strictly):")
        for row in strict["spurious"]:
            print("  ", json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
