"""Plugin fixtures, Fundus-style: a real page beside the Documents it must parse to.

Layout: ``<root>/<outlet>/<name>.{html,html.gz,txt}`` and ``<root>/<outlet>/<name>.json``
holding ``{"input": {"url": ..., "outlet": ..., "origin": ...}, "documents": [...]}``.
``python -m laoru.fixtures regenerate [ROOT]`` rewrites the ``documents`` from the current
plugins, so a change in a plugin shows up as a reviewable diff of the expected files;
``python -m laoru.fixtures check [ROOT]`` prints the diff without writing.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from laoru.api import parse_bytes, registry
from laoru.inputs import is_accepted
from laoru.registry import Registry

DEFAULT_ROOT = Path("tests/fixtures")
VOLATILE = ("route",)
"""Metadata keys left out of comparisons: routing scores change whenever a plugin is added."""


@attrs.frozen
class Fixture:
    """One input page and its expected-output file."""

    page: Path
    expected: Path
    root: Path

    @property
    def name(self) -> str:
        return self.page.relative_to(self.root).as_posix()

    def spec(self) -> dict[str, Any]:
        if not self.expected.exists():
            return {}
        return json.loads(self.expected.read_text(encoding="utf-8")).get("input", {})


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".html.gz", ".htm.gz", ".txt.gz", ".html", ".htm", ".txt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def find(root: str | Path = DEFAULT_ROOT) -> list[Fixture]:
    """Every fixture page under ``root`` (expected file may not exist yet)."""
    root = Path(root)
    pages = sorted(p for p in root.rglob("*") if p.is_file() and is_accepted(p))
    return [Fixture(page, page.with_name(_stem(page) + ".json"), root) for page in pages]


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    """A Document dict without the fields that are allowed to drift (routing scores)."""
    out = dict(document)
    out["metadata"] = {k: v for k, v in document.get("metadata", {}).items() if k not in VOLATILE}
    return out


def run(fixture: Fixture, plugins: Registry | None = None) -> list[dict[str, Any]]:
    """Parse a fixture page the way a user would, with a source path relative to the root."""
    spec = fixture.spec()
    documents = parse_bytes(
        fixture.page.read_bytes(), source=fixture.name, url=spec.get("url"),
        outlet=spec.get("outlet"), plugins=plugins or registry(),
    )
    return [comparable(d.to_dict()) for d in documents]


def expected(fixture: Fixture) -> list[dict[str, Any]]:
    data = json.loads(fixture.expected.read_text(encoding="utf-8"))
    return [comparable(d) for d in data["documents"]]


def _dump(documents: list[dict[str, Any]]) -> str:
    return json.dumps(documents, ensure_ascii=False, indent=2, sort_keys=True)


def diff(fixture: Fixture, plugins: Registry | None = None) -> str:
    """Unified diff between the expected file and what the plugins give now ('' if equal)."""
    want = _dump(expected(fixture)).splitlines()
    got = _dump(run(fixture, plugins)).splitlines()
    return "\n".join(difflib.unified_diff(want, got, f"{fixture.name} (expected)", f"{fixture.name} (now)",
                                          lineterm=""))


def regenerate(fixture: Fixture, plugins: Registry | None = None) -> bool:
    """Rewrite the expected file; True if it changed."""
    data = {"input": fixture.spec(), "documents": run(fixture, plugins)}
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    old = fixture.expected.read_text(encoding="utf-8") if fixture.expected.exists() else None
    if text == old:
        return False
    fixture.expected.write_text(text, encoding="utf-8")
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m laoru.fixtures", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("check", "regenerate"))
    parser.add_argument("root", nargs="?", default=str(DEFAULT_ROOT))
    parser.add_argument("--plugin", action="append", default=[], help="also load this plugin file")
    args = parser.parse_args(argv)
    plugins = registry(args.plugin)
    status = 0
    for fixture in find(args.root):
        if args.action == "regenerate":
            changed = regenerate(fixture, plugins)
            print(f"{'updated' if changed else 'same   '} {fixture.name}")
        elif not fixture.expected.exists():
            print(f"missing {fixture.expected}")
            status = 1
        elif text := diff(fixture, plugins):
            print(text)
            status = 1
        else:
            print(f"ok      {fixture.name}")
    return status


if __name__ == "__main__":
    sys.exit(main())
