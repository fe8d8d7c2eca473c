"""Writers: JSONL, JSON, CSV and a readable table, from plain dict records.

Every front door (CLI, notebooks, pipelines) hands records here, so formats behave the
same whatever produced them.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from laoru.errors import OutputError

FORMATS = ("jsonl", "json", "csv", "table")


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters but tab and newline: in a cell they would move the cursor or recolour a terminal."""


def _escape_controls(text: str) -> str:
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _cell(value: Any) -> str:
    """A flat cell for CSV/table: lists joined, nested objects as compact JSON, control characters escaped."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        text = "; ".join(value)
    elif isinstance(value, (dict, list, tuple)):
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    else:
        text = str(value)
    return _escape_controls(text.encode("utf-8", "backslashreplace").decode("utf-8"))


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


KEEP_END = frozenset({"source", "doc_id"})
"""Columns cut at the start rather than the end: a path's distinguishing part is its tail."""


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], width: int | None = None) -> str:
    """A plain-text table that fits the terminal: long cells are cut with an ellipsis (sources at the start)."""
    width = width or shutil.get_terminal_size((120, 20)).columns
    cells = [[_cell(row.get(c)).replace("\n", " ").replace("\t", " ") for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    budget = max(width - 2 * (len(columns) - 1), 10 * len(columns))
    while sum(widths) > budget and max(widths) > 10:
        widest = widths.index(max(widths))
        widths[widest] -= 1

    def fmt_row(values: Sequence[str]) -> str:
        out = []
        for column, value, w in zip(columns, values, widths, strict=True):
            if len(value) <= w:
                out.append(value)
            elif column in KEEP_END:
                out.append("…" + value[len(value) - max(w - 1, 0):])
            else:
                out.append(value[: max(w - 1, 0)] + "…")
        return "  ".join(v.ljust(w) for v, w in zip(out, widths, strict=True)).rstrip()

    lines = [fmt_row(list(columns)), "  ".join("-" * w for w in widths)]
    lines.extend(fmt_row(r) for r in cells)
    return "\n".join(lines) + "\n"


@contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[IO[str]]:
    """A text file written beside ``path`` and renamed over it only when the block succeeds.

    A failed or interrupted run leaves the old file as it was; a missing folder or a
    directory in the way is an :class:`~laoru.errors.OutputError`, before anything is written.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"cannot write {_name(target)}: it is a directory")
    if not target.parent.is_dir():
        raise OutputError(f"cannot write {_name(target)}: no such folder {_name(target.parent)}")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {_name(target)}: {exc.strerror or exc}") from None
    try:
        with open(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def _mode_for(target: Path) -> int:
    """The old file's permissions, or what a plain ``open`` would give a new one."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _name(path: Path) -> str:
    from laoru.paths import label

    return label(path)
