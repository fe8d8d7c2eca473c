"""CPU time of laoru on each outlet page of ``benchmarks/extraction.py``, for comparing two checkouts.

Wall-clock figures on a shared machine mostly measure the other jobs; this reports each page's
best ``time.thread_time`` over ``--repeat`` parses (the page's own CPU time, routing, parsing,
extraction and assembling included) as one JSON object, plus whether the output still equals
the fixture's reviewed text. Run it from two checkouts in turn, several times, on the same
``--fixtures`` folder, and compare the per-page minimums (docs/performance.md says how it was done).

    python benchmarks/outlet_cpu.py [--repeat 40] [--fixtures tests/fixtures] [--plugin FILE ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from extraction import FIXTURES, OUTLETS, _read

from laoru.api import parse_text, registry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=40, help="parses of each page (the best is kept)")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES, help="where the outlet pages are")
    parser.add_argument("--plugin", action="append", default=[], help="also load a plugin file (repeatable)")
    args = parser.parse_args(argv)

    plugins = registry(args.plugin)
    pages = []
    for outlet in OUTLETS:
        for path in sorted((args.fixtures / outlet).glob("*.htm*")):
            expected = json.loads(path.with_name(path.name.split(".")[0] + ".json").read_text(encoding="utf-8"))
            pages.append((f"{outlet}/{path.name}", _read(path), expected["input"].get("url"),
                          expected["documents"][0]["text"]))
    report = {}
    for name, html, url, reference in pages:
        documents = parse_text(html, url=url, plugins=plugins)
        report[name] = {"same_text": "\n\n".join(d.text for d in documents) == reference,
                        "parser": documents[0].parser}
    best = dict.fromkeys(report, float("inf"))
    for _ in range(args.repeat):
        for name, html, url, _reference in pages:
            start = time.thread_time()
            parse_text(html, url=url, plugins=plugins)
            best[name] = min(best[name], time.thread_time() - start)
    for name, seconds in best.items():
        report[name]["cpu_ms"] = round(seconds * 1e3, 3)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
