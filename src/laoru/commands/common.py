"""What every command that reads pages shares: input options, error reporting, progress, output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import attrs

from laoru.api import parse_paths, registry
from laoru.inputs import expand
from laoru.model import Document
from laoru.output import FORMATS

PROGRESS_MIN_FILES = 5


@attrs.define
class Report:
    """Bad inputs seen while reading; ``exit_code`` is 1 if any, else 0."""

    failed: list[tuple[str, str]] = attrs.field(factory=list)
    stream: IO[str] = attrs.field(factory=lambda: sys.stderr)

    def error(self, source: str, reason: str) -> None:
        self.failed.append((source, reason))
        print(f"laoru: {source}: {reason}", file=self.stream)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, folders (walked for .html/.htm/.txt[.gz]), globs or WARC files")
    parser.add_argument("--outlet", metavar="SLUG", help="read every input with this outlet's plugin")
    parser.add_argument("--plugin", metavar="FILE", action="append", default=[],
                        help="load a plugin from a .py file or folder (repeatable)")


def add_format_option(parser: argparse.ArgumentParser, default: str = "jsonl",
                      choices: tuple[str, ...] = FORMATS) -> None:
    parser.add_argument("--format", "-f", choices=choices, default=default, help=f"output format (default {default})")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")


@contextmanager
def output_stream(args: argparse.Namespace) -> Iterator[IO[str]]:
    if getattr(args, "output", None):
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            yield handle
    else:
        yield sys.stdout


def _progress(paths: list[str]) -> Iterator[str]:
    if len(paths) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return iter(paths)
    from tqdm import tqdm

    return iter(tqdm(paths, desc="parsing", unit="file", file=sys.stderr, leave=False))


def documents_from_args(args: argparse.Namespace) -> tuple[Iterator[Document], Report]:
    """Documents from the command's PATH arguments; bad files are reported and skipped."""
    report = Report()
    plugins = registry(args.plugin)
    if args.outlet:
        plugins.get(args.outlet)  # an unknown slug fails before any file is read
    paths = _progress(list(expand(args.paths)))
    documents = parse_paths(paths, outlet=args.outlet, plugins=plugins, on_error=report.error)
    return documents, report
