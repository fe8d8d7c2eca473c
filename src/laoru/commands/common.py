"""What every command that reads pages shares: input options, error reporting, progress, output."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import attrs

from laoru.api import parse_unit, registry
from laoru.errors import OutputError
from laoru.inputs import label, units
from laoru.model import Document
from laoru.output import FORMATS, atomic_file

PROGRESS_MIN_FILES = 5


@attrs.define
class Report:
    """Bad inputs seen while reading; ``exit_code`` is 1 if any, else 0."""

    failed: list[tuple[str, str]] = attrs.field(factory=list)
    stream: IO[str] = attrs.field(factory=lambda: sys.stderr)

    def error(self, source: str, reason: str) -> None:
        """One line on stderr naming the input and the reason (control characters escaped)."""
        self.failed.append((source, reason))
        print(f"laoru: {label(source)}: {label(reason)}", file=self.stream, flush=True)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def fraction(value: str) -> float:
    """An argparse type: a number in (0, 1]."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 < number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be in (0, 1], got {value}")
    return number


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (workers, counts)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return number


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, folders (walked for .html/.htm/.txt[.gz] and .warc[.gz]), globs, or - for stdin")
    parser.add_argument("--outlet", metavar="SLUG", help="read every input with this outlet's plugin")
    parser.add_argument("--plugin", metavar="FILE", action="append", default=[],
                        help="load a plugin from a .py file or folder (repeatable)")


def add_format_option(parser: argparse.ArgumentParser, default: str = "jsonl",
                      choices: tuple[str, ...] = FORMATS) -> None:
    parser.add_argument("--format", "-f", choices=choices, default=default, help=f"output format (default {default})")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")


@contextmanager
def output_stream(args: argparse.Namespace) -> Iterator[IO[str]]:
    """``-o OUT`` written atomically (the old file stays until the new one is whole), else stdout."""
    if getattr(args, "output", None):
        with atomic_file(args.output) as handle:
            yield handle
    else:
        yield sys.stdout


def refuse_overwriting_inputs(output: str, inputs: list[str]) -> None:
    """``-o`` naming one of the inputs would replace what is being read: refuse before reading."""
    if not os.path.exists(output):
        return
    for path in inputs:
        try:
            same = path != "-" and os.path.samefile(path, output)
        except OSError:
            continue
        if same:
            raise OutputError(f"-o {label(output)} is one of the inputs: refusing to overwrite it")


def _progress(paths: list[str]) -> Iterator[str]:
    if len(paths) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return iter(paths)
    from tqdm import tqdm

    return iter(tqdm(paths, desc="parsing", unit="file", file=sys.stderr, leave=False))


def documents_from_args(args: argparse.Namespace) -> tuple[Iterator[Document], Report]:
    """Documents from the command's PATH arguments; bad files are reported and skipped."""
    report = Report(stream=sys.stderr)  # the default is bound at import time (stale under pytest capture)
    plugins = registry(args.plugin)
    if args.outlet:
        plugins.get(args.outlet)  # an unknown slug fails before any file is read
    found = units(args.paths, report.error)
    if getattr(args, "output", None):
        refuse_overwriting_inputs(args.output, found)
    documents = (doc for unit in _progress(found)
                 for doc in parse_unit(unit, outlet=args.outlet, plugins=plugins, on_error=report.error))
    return documents, report
