"""Saving an index folder so that it is either whole or untouched, and checked before use.

``index.json`` is the manifest: it names every file of the index with its size and
SHA-256. Files are written under new names (temporary file, then rename), the manifest is
replaced last, so a crash leaves the previous index whole. Opening checks every file
against the manifest: a missing, truncated or altered file is a clear
:class:`~laoru.dedup.errors.DedupError` and nothing in the folder is changed. The shingle
store is append-only: its manifest entry covers the bytes up to the saved size, and bytes
an interrupted run appended after them are ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .errors import DedupError

MANIFEST = "index.json"
_CHUNK = 1 << 20


def digest(path: Path, size: int | None = None) -> dict[str, Any]:
    """Size and SHA-256 of a file (of its first ``size`` bytes if given)."""
    sha = hashlib.sha256()
    remaining = path.stat().st_size if size is None else size
    with open(path, "rb") as handle:
        while remaining > 0:
            block = handle.read(min(_CHUNK, remaining))
            if not block:
                break
            sha.update(block)
            remaining -= len(block)
    if remaining:
        raise DedupError(f"{path}: shorter than the {size} bytes the index recorded")
    return {"size": path.stat().st_size if size is None else size, "sha256": sha.hexdigest()}


@contextlib.contextmanager
def _atomic(target: Path) -> Iterator[BinaryIO]:
    """A binary file written beside ``target``, synced, then renamed over it; removed if the block fails."""
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with open(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """``data`` at ``path``, via a temporary file beside it that is synced then renamed."""
    with _atomic(path) as handle:
        handle.write(data)


def copy_atomic(source: Path, target: Path, size: int) -> None:
    """The first ``size`` bytes of ``source`` copied to ``target`` through a temporary file."""
    with _atomic(target) as out, open(source, "rb") as handle:
        remaining = size
        while remaining > 0 and (block := handle.read(min(_CHUNK, remaining))):
            out.write(block)
            remaining -= len(block)


def read_manifest(folder: Path, version: int) -> dict[str, Any]:
    """The manifest, checked for shape; every file it names checked for size and checksum."""
    try:
        meta = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DedupError(f"{folder}: no {MANIFEST}, so not a dedup index") from None
    except (OSError, ValueError) as exc:
        raise DedupError(f"{folder}: not a readable dedup index ({MANIFEST}: {exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != version:
        found = meta.get("format") if isinstance(meta, dict) else type(meta).__name__
        raise DedupError(f"{folder}: {MANIFEST} is not an index of format {version} (found {found!r})")
    files, settings = meta.get("files"), meta.get("settings")
    if not isinstance(settings, dict) or not isinstance(files, dict) or not all(
        isinstance(f, dict) and isinstance(f.get("name"), str) and isinstance(f.get("size"), int)
        and isinstance(f.get("sha256"), str) for f in files.values()
    ):
        raise DedupError(f"{folder}: {MANIFEST} lacks its settings or its list of files")
    for role, entry in files.items():
        check(folder, role, entry)
    return meta


def check(folder: Path, role: str, entry: dict[str, Any]) -> None:
    path = folder / entry["name"]
    if Path(entry["name"]).name != entry["name"]:
        raise DedupError(f"{folder}: {MANIFEST} names a file outside the index ({entry['name']!r})")
    try:
        found = digest(path, entry["size"])
    except FileNotFoundError:
        raise DedupError(f"{folder}: the index's {role} file {entry['name']} is missing") from None
    except OSError as exc:
        raise DedupError(f"{folder}: cannot read {entry['name']} ({exc.strerror or exc})") from None
    if found["sha256"] != entry["sha256"]:
        raise DedupError(f"{folder}: {entry['name']} does not match the checksum in {MANIFEST} (damaged)")


def remove_unlisted(folder: Path, keep: set[str], patterns: tuple[str, ...]) -> None:
    """Files of earlier saves that the new manifest no longer names."""
    for pattern in patterns:
        for path in folder.glob(pattern):
            if path.name not in keep:
                path.unlink(missing_ok=True)
