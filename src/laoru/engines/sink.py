"""Writing a run's tables (documents, clusters, events, timeline) as JSONL and Parquet parts.

Each table is a folder of parts, ``<out>/<table>/part-00000.jsonl`` and ``.parquet``,
written by whichever task holds the records, so no single process has to hold a whole
table; reading the parts in name order gives the table in input order. JSONL keeps the
records exactly (``to_dict``); Parquet keeps scalars and lists of strings as columns and
nested values (paragraphs, members, participants, metadata) as JSON text, because their
shapes vary between records and Parquet wants one schema per file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

TABLES = ("documents", "clusters", "events", "timeline")


def _flat(value: Any) -> Any:
    if isinstance(value, dict) or (isinstance(value, list) and not all(isinstance(v, str) for v in value)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _parquet_columns(records: list[dict[str, Any]]) -> dict[str, list[Any]]:
    names: list[str] = []
    for record in records:
        names.extend(k for k in record if k not in names)
    columns: dict[str, list[Any]] = {name: [] for name in names}
    for record in records:
        for name in names:
            columns[name].append(_flat(record.get(name)))
    for name, values in columns.items():  # a column mixing JSON text and str lists: all JSON text
        if any(isinstance(v, str) for v in values) and any(isinstance(v, list) for v in values):
            columns[name] = [json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in values]
    return columns


def write_part(out: str | os.PathLike[str], table: str, part: int, records: Iterable[dict[str, Any]],
               parquet: bool = True) -> int:
    """Write one part of ``table``; return the number of records (an empty part is still written)."""
    folder = Path(out) / table
    folder.mkdir(parents=True, exist_ok=True)
    rows = list(records)
    stem = folder / f"part-{part:05d}"
    with open(stem.with_suffix(".jsonl"), "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if parquet:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table(_parquet_columns(rows)) if rows else pa.table({}), stem.with_suffix(".parquet"))
    return len(rows)


def read_table(out: str | os.PathLike[str], table: str) -> list[dict[str, Any]]:
    """A table's JSONL parts read back in order."""
    rows: list[dict[str, Any]] = []
    for path in sorted((Path(out) / table).glob("part-*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return rows


def parquet_available() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def clear(out: str | os.PathLike[str]) -> None:
    """Remove the parts of an earlier run, so a smaller run never leaves stale parts behind."""
    for table in TABLES:
        folder = Path(out) / table
        if folder.is_dir():
            for path in folder.glob("part-*.*"):
                path.unlink()
