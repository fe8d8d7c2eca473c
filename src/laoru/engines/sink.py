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
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from laoru.errors import OutputError
from laoru.paths import label

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


SUCCESS = "_SUCCESS"
"""Written last into a finished output folder: the counts of the run, as JSON."""


def replaceable(out: Path) -> None:
    """Refuse an ``--out`` that is a file, or a folder holding anything a run did not write."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {label(out)} is a file, not a folder")
    if not out.is_dir():
        return
    names = {p.name for p in out.iterdir()}
    if names and SUCCESS not in names and not names <= set(TABLES):
        raise OutputError(f"--out {label(out)} holds files laoru did not write; name a new or empty folder")


@contextmanager
def staged(out: str | os.PathLike[str]) -> Iterator[Path]:
    """A new folder beside ``out`` to write a run into; it replaces ``out`` only when the run succeeds.

    An interrupted or failed run leaves the previous output exactly as it was (and no
    half-written folder under its name); the finished folder carries a ``_SUCCESS`` marker.
    """
    target = Path(out).absolute()
    replaceable(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)  # a plain folder's permissions, not mkdtemp's private ones
    except OSError as exc:
        raise OutputError(f"cannot write --out {label(out)}: {exc.strerror or exc}") from None
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, target)


def _swap(staging: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def mark_success(out: str | os.PathLike[str], counts: dict[str, Any]) -> None:
    """The completion marker, with what the run wrote."""
    (Path(out) / SUCCESS).write_text(json.dumps(counts, sort_keys=True) + "\n", encoding="utf-8")
