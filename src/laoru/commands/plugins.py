"""``laoru plugins``: which outlets this installation can read."""

from __future__ import annotations

import argparse
import sys

from laoru.api import registry
from laoru.output import write_records


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("plugins", help="list installed outlet plugins",
                                   description="List installed outlet plugins with versions and domains.")
    parser.add_argument("--plugin", metavar="FILE", action="append", default=[],
                        help="also load a plugin from a .py file or folder")
    parser.add_argument("--format", "-f", choices=("table", "jsonl", "json", "csv"), default="table")
    parser.set_defaults(func=run)


def plugin_records(plugins) -> list[dict]:
    return [
        {
            "outlet": p.info.slug,
            "name": p.info.name,
            "version": p.info.version,
            "domains": list(p.info.domains),
            "languages": list(p.info.languages),
            "layouts": [f"{layout.__name__} ({layout.kind})" for layout in p.layouts()],
            "module": type(p).__module__,
        }
        for p in sorted(plugins, key=lambda p: p.info.slug)
    ]


def run(args: argparse.Namespace) -> int:
    write_records(plugin_records(registry(args.plugin)), args.format, sys.stdout)
    return 0
