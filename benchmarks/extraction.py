"""Body extraction accuracy and speed: laoru against trafilatura, in the same run.

Two page sets:

* ``bench``: the real pages of ``shared/pages/bench`` with their ground-truth bodies. laoru
  reads them with its ``generic`` plugin (they are from outlets laoru has no plugin for).
* ``outlets``: the HTML fixtures of the outlet plugins (``tests/fixtures/<outlet>/``), read
  with the plugin routing picks; the reference body is the fixture's reviewed expected
  text. Three of these pages are real (tass.ru, kommersant.ru, sputniknews.com); the others
  are synthetic, so their figures show that the plugins read the documented markup, not how
  they fare in the wild. The real pages get their own row, speed included.

Both tools get the same decoded HTML string and the same URL; time covers parsing the
HTML and extracting. trafilatura runs with its defaults (``trafilatura.extract``).

    python benchmarks/extraction.py [--bench DIR] [--limit N] [--repeat N] [--markdown]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _extraction_metrics import rouge_l, token_f1

from laoru.api import parse_text, registry
from laoru.inputs import decode

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "pages" / "bench"
FIXTURES = ROOT / "tests" / "fixtures"
OUTLETS = ("tass", "rfa", "mfa-ru", "mfa-la", "kommersant", "sputnik")

Page = tuple[str, str, str | None, str, str | None]
"""name, decoded HTML, url, reference body, forced outlet (or None: routed)."""


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return decode(data, None)[0]


def bench_pages(folder: Path, limit: int | None) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [(name, _read(folder / name), entry.get("url"), entry["body"], "generic")
             for name, entry in sorted(truth.items()) if entry.get("body") and (folder / name).exists()]
    return pages[:limit] if limit else pages


def outlet_pages() -> list[Page]:
    pages = []
    for outlet in OUTLETS:
        for path in sorted((FIXTURES / outlet).glob("*.htm*")):
            expected = json.loads(path.with_name(path.name.split(".")[0] + ".json").read_text(encoding="utf-8"))
            (document,) = expected["documents"]
            pages.append((f"{outlet}/{path.name}", _read(path), expected["input"].get("url"), document["text"], None))
    return pages


def laoru_extract(html: str, url: str | None, outlet: str | None) -> str:
    documents = parse_text(html, url=url, outlet=outlet, plugins=registry())
    return "\n\n".join(d.text for d in documents)


def trafilatura_extract(html: str, url: str | None, outlet: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def run(pages: list[Page], extract: Callable[[str, str | None, str | None], str], repeat: int) -> dict:
    """Scores per page, pages/s (best of ``repeat`` timed passes) and each page's best time."""
    outputs = [extract(html, url, outlet) for _, html, url, _, outlet in pages]  # warm-up pass
    best = float("inf")
    per_page = [float("inf")] * len(pages)
    for _ in range(repeat):
        start = time.perf_counter()
        for index, (_, html, url, _, outlet) in enumerate(pages):
            began = time.perf_counter()
            extract(html, url, outlet)
            per_page[index] = min(per_page[index], time.perf_counter() - began)
        best = min(best, time.perf_counter() - start)
    f1 = [token_f1(out, ref) for out, (_, _, _, ref, _) in zip(outputs, pages, strict=True)]
    rouge = [rouge_l(out, ref) for out, (_, _, _, ref, _) in zip(outputs, pages, strict=True)]
    return {"f1": f1, "rouge": rouge, "pages_per_s": len(pages) / best if best > 0 else float("inf"),
            "seconds": per_page}


def summary(name: str, pages: list[Page], ours: dict, theirs: dict) -> list[str]:
    mean = statistics.fmean
    ratio = ours["pages_per_s"] / theirs["pages_per_s"]
    return [
        f"| {name} | {len(pages)} | laoru | {mean(ours['f1']):.3f} | {mean(ours['rouge']):.3f} "
        f"| {ours['pages_per_s']:.1f} | {ratio:.1f}× |",
        f"| {name} | {len(pages)} | trafilatura | {mean(theirs['f1']):.3f} | {mean(theirs['rouge']):.3f} "
        f"| {theirs['pages_per_s']:.1f} | 1.0× |",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--limit", type=int, default=None, help="only the first N bench pages")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes over the bench pages (best kept)")
    parser.add_argument("--outlet-repeat", type=int, default=20, help="timed passes over the outlet pages")
    parser.add_argument("--markdown", action="store_true",
                        help="also print the per-page outlet table (scores, best time per page)")
    args = parser.parse_args(argv)

    registry()  # plugin discovery is not part of the timing
    rows = ["| pages | n | extractor | token F1 | ROUGE-L | pages/s | speed vs trafilatura |",
            "|---|---|---|---|---|---|---|"]
    outlets = outlet_pages()
    ours, theirs = run(outlets, laoru_extract, args.outlet_repeat), run(outlets, trafilatura_extract,
                                                                         args.outlet_repeat)
    rows += summary("outlet fixtures (HTML)", outlets, ours, theirs)
    per_page = ["| outlet page | kB | laoru F1 | trafilatura F1 | laoru ms | trafilatura ms | speed |",
                "|---|---|---|---|---|---|---|"]
    per_page += [f"| {p[0]} | {len(p[1].encode()) / 1000:.0f} | {a:.3f} | {b:.3f} | {x * 1e3:.2f} | {y * 1e3:.2f} "
                 f"| {y / x:.1f}× |"
                 for p, a, b, x, y in zip(outlets, ours["f1"], theirs["f1"], ours["seconds"], theirs["seconds"],
                                          strict=True)]
    real = [i for i, p in enumerate(outlets) if "synthetic" not in p[0]]
    if real:
        ours_time, theirs_time = (sum(result["seconds"][i] for i in real) for result in (ours, theirs))
        rows.append(f"| of which real ({', '.join(outlets[i][0].split('/')[0] for i in real)}) | {len(real)} "
                    f"| laoru / trafilatura | {statistics.fmean(ours['f1'][i] for i in real):.3f} / "
                    f"{statistics.fmean(theirs['f1'][i] for i in real):.3f} | | "
                    f"{len(real) / ours_time:.1f} / {len(real) / theirs_time:.1f} | {theirs_time / ours_time:.1f}× |")

    if args.bench.exists():
        bench = bench_pages(args.bench, args.limit)
        ours_b, theirs_b = run(bench, laoru_extract, args.repeat), run(bench, trafilatura_extract, args.repeat)
        rows += summary("bench (generic plugin)", bench, ours_b, theirs_b)
    else:
        print(f"(no bench folder at {args.bench}: skipped)", file=sys.stderr)

    print(f"python {platform.python_version()} on {platform.machine()}, "
          f"trafilatura {_version('trafilatura')}, laoru {_version('laoru')}")
    print("\n".join(rows))
    if args.markdown:
        print()
        print("\n".join(per_page))
    return 0


def _version(package: str) -> str:
    from importlib.metadata import version

    try:
        return version(package)
    except Exception:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
