"""Writers: JSONL, JSON, CSV and a readable table, from plain dict records.

Every front door (CLI, notebooks, pipelines) hands records here, so formats behave the
same whatever produced them.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Sequence
from typing import IO, Any

FORMATS = ("jsonl", "json", "csv", "table")


def _cell(value: Any) -> str:
    """A flat cell for CSV/table: lists joined, nested objects as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def write_records(records: Iterable[dict[str, Any]], fmt: str, stream: IO[str],
                  columns: Sequence[str] | None = None) -> int:
    """Write ``records`` as ``fmt`` to ``stream``; return how many were written.

    ``columns`` chooses and orders the columns of ``csv`` and ``table`` (default: the keys
    of the first record). JSONL streams record by record; the others collect first.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "jsonl":
        count = 0
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    rows = list(records)
    if fmt == "json":
        json.dump(rows, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return len(rows)
    columns = list(columns or (rows[0].keys() if rows else ()))
    if fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return len(rows)
    stream.write(render_table(rows, columns))
    return len(rows)


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], width: int | None = None) -> str:
    """A plain-text table that fits the terminal: long cells are cut with an ellipsis."""
    width = width or shutil.get_terminal_size((120, 20)).columns
    cells = [[_cell(row.get(c)).replace("\n", " ") for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    budget = max(width - 2 * (len(columns) - 1), 10 * len(columns))
    while sum(widths) > budget and max(widths) > 10:
        widest = widths.index(max(widths))
        widths[widest] -= 1

    def fmt_row(values: Sequence[str]) -> str:
        out = []
        for value, w in zip(values, widths, strict=True):
            out.append(value if len(value) <= w else value[: max(w - 1, 0)] + "…")
        return "  ".join(v.ljust(w) for v, w in zip(out, widths, strict=True)).rstrip()

    lines = [fmt_row(list(columns)), "  ".join("-" * w for w in widths)]
    lines.extend(fmt_row(r) for r in cells)
    return "\n".join(lines) + "\n"
