"""The analyst's report: one self-contained HTML file (timeline, who met whom, every entry
with its evidence, who republished whom), readable offline and printable.

>>> import laoru
>>> from laoru import report
>>> html = report.build(laoru.parse_paths(["examples/data"]))  # doctest: +SKIP
>>> report.write(html, "report.html")                           # doctest: +SKIP

The page is hand-written SVG drawn by Python plus a little inline JavaScript for filters,
zoom and the entry list: no library, no network request (see docs/report.md for why).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from laoru.model import Document
from laoru.report.data import ReportData, collect

__all__ = ["ReportData", "build", "collect", "write"]


def build(documents: Iterable[Document], *, events: Iterable[Any] | None = None,
          entries: list[dict[str, Any]] | None = None, clusters: list[Any] | None = None,
          title: str = "Laos–Russia relations") -> str:
    """The report of ``documents`` as one HTML string.

    Events are extracted, merged into the timeline and the documents de-duplicated unless
    ``events``, ``entries`` (timeline dicts) or ``clusters`` are given.
    """
    from laoru.report import page

    return page.render(collect(documents, events=events, entries=entries, clusters=clusters, title=title))


def write(html: str, path: str | os.PathLike[str]) -> Path:
    """Write the page atomically (see :func:`laoru.output.atomic_file`), creating its folder."""
    from laoru.output import atomic_file

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(target) as stream:
        stream.write(html)
    return target
