"""Opening the 5,000-entry report in headless Chromium, against a plain HTML table of the same
entries (the peer: the least a browser must do to show them), in the same run.

    python benchmarks/report.py [--entries 5000] [--repeat 5]

Needs Debian's chromium (``apt-get install -y chromium``) and ``pip install playwright``.
Reported: the file sizes, the time to build the report in Python, and for each page the time
from navigation start until it is ready (the report: its script has drawn the filters and the
first 100 entries, ``performance.mark("laoru-ready")``; the table: the load event), best and
median over ``--repeat`` fresh tabs, and the ratio report / table. Targets: under 2 s, under 5 MB.
"""

from __future__ import annotations

import argparse
import html
import platform
import statistics
import tempfile
import time
from pathlib import Path

from _report_corpus import many_entries

from laoru import report
from laoru.timeline import flat_record

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
READY = {
    "report": "performance.getEntriesByName('laoru-ready')[0].startTime",
    "table": "performance.getEntriesByType('navigation')[0].loadEventEnd",
}


def table_page(entries: list[dict]) -> str:
    """The peer: every entry as one row of a static table, nothing else."""
    columns = ("start", "end", "type", "status", "actors", "counterparts", "place", "outlets", "evidence")
    rows = []
    for entry in entries:
        flat = flat_record(entry)
        cells = (", ".join(v) if isinstance(v, list) else ("" if v is None else str(v)) for v in
                 (flat[c] for c in columns))
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{c}</th>" for c in columns)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>table</title></head><body>'
            f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></body></html>')


def open_times(context, path: Path, ready: str, repeat: int) -> list[float]:
    """Milliseconds from navigation start to ready, one fresh tab per run."""
    times = []
    for _ in range(repeat):
        page = context.new_page()
        page.goto(path.as_uri(), wait_until="load", timeout=120_000)
        page.wait_for_function(f"(() => {{ try {{ return {ready} > 0; }} catch (e) {{ return false; }} }})()")
        times.append(page.evaluate(ready))
        page.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    docs, entries = many_entries(args.entries)
    started = time.perf_counter()
    page_html = report.build(docs, entries=entries)
    build_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        paths = {"report": report.write(page_html, Path(folder) / "report.html"),
                 "table": report.write(table_page(entries), Path(folder) / "table.html")}
        with sync_playwright() as driver:
            context = driver.chromium.launch_persistent_context(str(Path(folder) / "profile"), headless=True,
                                                                executable_path=CHROMIUM, args=FLAGS)
            open_times(context, paths["report"], READY["report"], 1)  # warm the browser once
            results = {name: open_times(context, path, READY[name], args.repeat) for name, path in paths.items()}
            context.close()
        sizes = {name: path.stat().st_size for name, path in paths.items()}
    print(f"machine: {platform.machine()}, {platform.processor() or '?'}; python {platform.python_version()}")
    print(f"{args.entries} entries, {len(docs)} documents; report built in Python in {build_s:.2f} s")
    for name, times in results.items():
        print(f"{name:6}  {sizes[name] / 1e6:5.2f} MB  ready in best {min(times):7.0f} ms, "
              f"median {statistics.median(times):7.0f} ms")
    ratio = statistics.median(results["report"]) / statistics.median(results["table"])
    print(f"report / table (median): {ratio:.2f}")
    ok = statistics.median(results["report"]) < 2000 and sizes["report"] < 5_000_000
    print("targets (under 2 s, under 5 MB):", "met" if ok else "NOT met")


if __name__ == "__main__":
    main()
