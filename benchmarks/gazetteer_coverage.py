"""How many gold event participants of ../shared/captures the bundled gazetteer names.

    python benchmarks/gazetteer_coverage.py [--split dev|check|all] [--missing]

A participant is covered when the gazetteer has an entity one of whose aliases is that
participant's gold name (a surname such as "Lavrov", an organisation, a country) or contains
it as whole words, or when the gazetteer finds one of the gold ``name_variants`` as a mention.
Placeholders such as "Lao Prime Minister (unnamed)" count as uncovered: a role phrase, not a
gazetteer entry, must find them. Measure the check split, never tune the data to it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from laoru.events.gazetteer import Gazetteer, bundled_data, entity_from_dict
from laoru.events.matcher import fold

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "captures" / "gold.json"


def participants(entries: list[dict[str, Any]]) -> Iterator[tuple[str, list[str]]]:
    """(gold name, its name variants) for every actor and counterpart of every event."""
    for entry in entries:
        for event in [*entry.get("events", ()), *entry.get("negative_events", ())]:
            variants = event.get("name_variants") or {}
            for name in [*event.get("actors", ()), *event.get("counterparts", ())]:
                yield name, list(variants.get(name, ()))


def alias_index(gazetteer: Gazetteer) -> list[str]:
    return [fold(" ".join(a.split())) for e in gazetteer.entities.values() for a in e.aliases]


def covered(name: str, variants: list[str], aliases: list[str], gazetteer: Gazetteer) -> bool:
    key = fold(name)
    pattern = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
    if any(alias == key or pattern.search(alias) for alias in aliases):
        return True
    return any(gazetteer.find(variant) for variant in variants)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "check", "all"))
    parser.add_argument("--gold", default=str(GOLD))
    parser.add_argument("--missing", action="store_true", help="list the names not covered (dev only)")
    parser.add_argument("--data", help="a gazetteer JSON file to measure instead of the bundled one")
    args = parser.parse_args(argv)
    entries = [e for e in json.loads(Path(args.gold).read_text(encoding="utf-8"))
               if args.split == "all" or e.get("split") == args.split]
    data = json.loads(Path(args.data).read_text(encoding="utf-8")) if args.data else bundled_data()
    gazetteer = Gazetteer([entity_from_dict(e) for e in [*data["entities"], *data.get("withheld", ())]])
    aliases = alias_index(gazetteer)
    seen: dict[str, bool] = {}
    hits = total = 0
    for name, variants in participants(entries):
        ok = covered(name, variants, aliases, gazetteer)
        seen[name] = seen.get(name, False) or ok
        hits, total = hits + ok, total + 1
    distinct = sum(seen.values())
    print(f"split {args.split}: participant mentions covered {hits}/{total} = {hits / max(total, 1):.2f}; "
          f"distinct names {distinct}/{len(seen)} = {distinct / max(len(seen), 1):.2f}")
    if args.missing and args.split == "dev":
        print("not covered:", ", ".join(sorted(n for n, ok in seen.items() if not ok)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
