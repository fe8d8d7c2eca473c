"""The generic fallback without the ``[generic]`` extra: seconds per page as sibling paragraphs grow.

    python benchmarks/generic_fallback.py [--repeat 3]

Pages: a synthetic flat page (``synthetic``, not any outlet's markup) of N ``<p>`` siblings
whose sentences are the real body lines of ``examples/data/001_eb054365cde1a667.txt``
(a KPL capture), for N = 1,000 / 2,000 / 4,000, plus a page of about 1 MB. Timed: the whole
``laoru.parse_text`` with trafilatura hidden (the paragraph-density fallback), best CPU
time of ``--repeat`` runs, against trafilatura's own extraction of the same page in the
same run (the peer). Linear time shows as a 4,000/1,000 ratio near 4 (it was 13.6 when the
fallback re-scored every paragraph's siblings); the goal is 4,000 ``<p>`` under 0.5 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "data" / "001_eb054365cde1a667.txt"


def page(paragraphs: int) -> str:
    """A synthetic flat page of ``paragraphs`` sibling ``<p>`` built from a real capture's lines."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if len(line.split()) >= 8]
    body = "".join(f"<p>{escape(lines[i % len(lines)])} ({i})</p>\n" for i in range(paragraphs))  # each unique
    return f"<html><head><title>synthetic</title></head><body><div>{body}</div></body></html>"


@contextmanager
def without_trafilatura():
    """``import trafilatura`` fails inside the block, as on an install without the extra."""
    saved = sys.modules.get("trafilatura")
    sys.modules["trafilatura"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if saved is None:
            del sys.modules["trafilatura"]
        else:
            sys.modules["trafilatura"] = saved


def best_cpu(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def measure(text: str, repeat: int) -> tuple[float, float | None, int]:
    """(laoru fallback seconds, trafilatura seconds or None, paragraphs the fallback kept)."""
    import laoru

    with without_trafilatura():
        (doc,) = laoru.parse_text(text, source="synthetic.html")
        assert doc.metadata.get("extractor") == "density", doc.metadata
        ours = best_cpu(lambda: laoru.parse_text(text, source="synthetic.html"), repeat)
    try:
        import trafilatura
    except ImportError:
        return ours, None, len(doc.paragraphs)
    peer = best_cpu(lambda: trafilatura.extract(text), repeat)
    return ours, peer, len(doc.paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [1000, 2000, 4000]
    one_mb = max(1, 1_000_000 // (len(page(100)) // 100))
    results = {}
    print(f"{'page':>14}  {'bytes':>9}  {'laoru s':>8}  {'trafilatura s':>13}  kept")
    for count in [*sizes, one_mb]:
        text = page(count)
        ours, peer, kept = measure(text, args.repeat)
        results[count] = ours
        peer_text = f"{peer:13.3f}" if peer is not None else f"{'n/a':>13}"
        print(f"{count:>9} <p>  {len(text.encode()):>9}  {ours:8.3f}  {peer_text}  {kept}")
    print(f"growth 4,000/1,000 <p>: {results[4000] / results[1000]:.1f}x (linear: 4x); "
          f"4,000 <p> in {results[4000]:.3f} s (goal < 0.5 s)")


if __name__ == "__main__":
    main()
