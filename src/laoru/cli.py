"""The ``laoru`` command: each subcommand is a module in :mod:`laoru.commands`.

Discovering the command modules keeps this file free of logic: adding a command is
adding a module with ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
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
    for sub in [parser, *subparsers.choices.values()]:
        _plain_help(sub)
    _plain_help(subparsers)
    return parser


_REST = re.compile(r"(?::[a-z]+:)?`{1,2}~?([^`]+?)`{1,2}")


def plain(text: str | None) -> str | None:
    """Help text without reST markup: command modules may reuse their docstrings, which the docs render."""
    return _REST.sub(r"\1", text) if text else text


def _plain_help(parser: argparse.ArgumentParser | argparse._SubParsersAction) -> None:
    if isinstance(parser, argparse.ArgumentParser):
        parser.description = plain(parser.description)
        actions = parser._actions
    else:
        actions = parser._choices_actions
    for action in actions:
        action.help = plain(action.help)


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
