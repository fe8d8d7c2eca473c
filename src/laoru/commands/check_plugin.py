"""``laoru check-plugin``: run a plugin file on its fixtures and show what changed.

The same comparison as ``python -m laoru.fixtures check`` and the plugin's test, but
for one plugin file that need not be installed, with a note when a fixture was read by
another plugin (the usual cause of a surprising diff: routing, not extraction).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from laoru import fixtures
from laoru.errors import LaoruError
from laoru.inputs import is_accepted
from laoru.registry import Registry, load_file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check-plugin", help="run a plugin file on its fixtures and diff against the expected output",
        description="Parse every fixture page in DIR with the plugin FILE (plus the installed plugins) and "
                    "show a unified diff against the expected .json beside each page. Exits 1 if any differ.")
    parser.add_argument("file", metavar="FILE", help="the plugin's .py file (or a folder of them)")
    parser.add_argument("--fixture", required=True, metavar="DIR",
                        help="the plugin's fixture folder (tests/fixtures/<slug>) or the fixtures root")
    parser.add_argument("--update", action="store_true",
                        help="write the current output as the expected output instead of comparing")
    parser.set_defaults(func=run)


def select(directory: Path, slugs: set[str]) -> list[fixtures.Fixture]:
    """The fixtures of ``directory``, named relative to the fixtures root like the repo's tests.

    A folder holding pages is one outlet's folder (its parent is the root); a folder of
    folders is the root, narrowed to the plugin's own outlet folder when there is one.
    """
    if not directory.is_dir():
        raise LaoruError(f"{directory}: fixture folder not found")
    if any(p.is_file() and is_accepted(p) for p in directory.iterdir()):
        root, wanted = directory.parent, directory
    else:
        own = [directory / slug for slug in sorted(slugs) if (directory / slug).is_dir()]
        root, wanted = directory, own[0] if own else directory
    return [f for f in fixtures.find(root) if f.page.is_relative_to(wanted)]


def _check(fixture: fixtures.Fixture, plugins: Registry, slugs: set[str], *, update: bool) -> str:
    """Compare (or, with ``update``, rewrite) one fixture; print its line; say which count it adds to."""
    documents = fixtures.run(fixture, plugins)
    readers = sorted({d["outlet"] for d in documents} - slugs)
    if readers:
        print(f"note    {fixture.name}: read by {', '.join(readers)}, not by {', '.join(sorted(slugs))} "
              "(give the fixture a URL on the outlet's domain, or strengthen the signatures)")
    if update:
        changed = fixtures.regenerate(fixture, plugins)
        print(f"{'updated' if changed else 'same   '} {fixture.name}")
        return "updated" if changed else "ok"
    if not fixture.expected.exists():
        print(f"missing {fixture.expected} (run with --update to write it)")
        return "missing"
    if difference := fixtures.diff(fixture, plugins):
        print(f"differs {fixture.name}\n{difference}")
        return "differ"
    print(f"ok      {fixture.name}")
    return "ok"


def run(args: argparse.Namespace) -> int:
    classes = load_file(args.file)
    slugs = {cls.info.slug for cls in classes}
    plugins = Registry.discover(environ=False)
    for cls in classes:
        plugins.add(cls)
    found = select(Path(args.fixture), slugs)
    if not found:
        raise LaoruError(f"{args.fixture}: no fixture pages (.html, .htm, .txt, optionally .gz)")
    counts = {"ok": 0, "differ": 0, "missing": 0, "updated": 0}
    for fixture in found:
        counts[_check(fixture, plugins, slugs, update=args.update)] += 1
    summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
    print(f"{len(found)} fixture(s): {summary}", file=sys.stderr)
    return 1 if counts["differ"] or counts["missing"] else 0
