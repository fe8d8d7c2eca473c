"""The ``laoru`` command: each subcommand is a module in :mod:`laoru.commands`.

Discovering the command modules keeps this file free of logic: adding a command is
adding a module with ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from laoru import __version__, commands
from laoru.errors import LaoruError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="laoru",
        description="Clean, de-duplicate and structure news about Laos–Russia relations.",
    )
    parser.add_argument("--version", action="version", version=f"laoru {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_") or module_info.name == "common":
            continue
        module = importlib.import_module(f"laoru.commands.{module_info.name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except LaoruError as exc:
        print(f"laoru: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("laoru: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
