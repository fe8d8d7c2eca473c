"""Finding input files: folders and globs walked safely, and file names made printable.

A folder or a ``**`` glob may hold directory links that loop back on themselves; the walk
follows links but enters each real directory once, so it always ends and never reads a
file twice. A file name may hold bytes that are not UTF-8, a newline or an escape
sequence: :func:`label` is the one printable, one-line form used in messages, tables and
``Document.source``.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections import deque
from collections.abc import Callable, Iterator
from fnmatch import fnmatchcase

STDIN = "-"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def label(name: str | os.PathLike[str]) -> str:
    """A file name as one printable line: undecodable bytes as ``\\xe9``, control characters escaped."""
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def walk(root: str, accept: Callable[[str], bool], max_depth: int | None = None,
         others: bool = True) -> Iterator[tuple[str, ...]]:
    """Relative parts of the files under ``root`` whose name ``accept`` takes, breadth first, names sorted.

    Directory links are followed, but each real directory (device and inode) is entered
    once. Regular files are yielded; with ``others``, so are accepted names that are
    something else (a FIFO, a device, a dangling link), so that reading them reports why
    they were skipped.
    """
    seen: set[tuple[int, int]] = set()
    queue: deque[tuple[str, tuple[str, ...]]] = deque([(root, ())])
    while queue:
        folder, parts = queue.popleft()
        try:
            info = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        for entry in entries:
            if _is_dir(entry):
                if max_depth is None or len(parts) + 1 < max_depth:
                    queue.append((entry.path, (*parts, entry.name)))
            elif accept(entry.name) and (others or _is_file(entry)):
                yield (*parts, entry.name)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return stat.S_ISDIR(os.stat(entry.path).st_mode)
    except OSError:  # a dangling link or a link loop: not a folder
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return stat.S_ISREG(os.stat(entry.path).st_mode)
    except OSError:
        return False


def glob_files(pattern: str) -> list[str]:
    """Regular files a glob names (``**`` any depth), without following a directory link twice; sorted."""
    parts = pattern.split(os.sep)
    fixed = 0
    while fixed < len(parts) - 1 and not glob.has_magic(parts[fixed]):
        fixed += 1
    root = os.sep.join(parts[:fixed]) or ("." if not pattern.startswith(os.sep) else os.sep)
    rest = tuple(p for p in parts[fixed:] if p)
    depth = None if "**" in rest else len(rest)
    found = (os.path.join(root, *rel) if parts[:fixed] else os.path.join(*rel)
             for rel in walk(root, lambda _name: True, depth, others=False) if _matches(rel, rest))
    return sorted(found)


def _matches(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Glob matching of path components; ``**`` is any number of folders; hidden names need a dot."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_matches(parts[i:], pattern[1:]) for i in range(len(parts) + 1)
                   if not any(p.startswith(".") for p in parts[:i]))
    if not parts or (parts[0].startswith(".") and not pattern[0].startswith(".")):
        return False
    return fnmatchcase(parts[0], pattern[0]) and _matches(parts[1:], pattern[1:])


def expand(paths: list[str], accept: Callable[[str], bool], on_missing: Callable[[str, str], None]) -> Iterator[str]:
    """Files named by ``paths``: files as given, folders walked for names ``accept`` takes, globs matched.

    Each real file is yielded once. A folder or glob with no input file goes to
    ``on_missing(label, "no input files found")``; a plain name is yielded even if it does
    not exist, so that reading it reports the reason.
    """
    seen: set[tuple[int, int]] = set()
    for text in paths:
        if text == STDIN:
            yield text
            continue
        if os.path.isdir(text):
            found = sorted(os.path.join(text, *rel) for rel in walk(text, accept))
        elif glob.has_magic(text) and not os.path.lexists(text):
            found = glob_files(text)
        else:
            found = [text]
        fresh = [path for path in found if _first_time(path, seen)]
        if not found:
            on_missing(label(text), "no input files found")
        yield from fresh


def _first_time(path: str, seen: set[tuple[int, int]]) -> bool:
    try:
        info = os.stat(path)
    except OSError:
        return True
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True
