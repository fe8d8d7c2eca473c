"""Generated documentation pages: the CLI reference and the supported-outlets table.

Both are derived from the code, so they cannot drift from it: the CLI reference from the
``laoru`` argument parser, the outlets table from the installed plugins and the fixture
folders. Used as an mkdocs hook (``hooks:`` in ``mkdocs.yml``: the pages are added to the
build in memory, nothing is written to ``docs/``) or run by hand to write the pages::

    python scripts/gen_docs.py OUT_DIR
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
HELP_WIDTH = 100
PAGES = ("cli.md", "outlets.md")
OWNED_ELSEWHERE = {"dedup.md": "Dedup", "events.md": "Events", "performance.md": "Performance"}
"""Pages other engineers write; a missing one is generated as a stub so the nav stays valid."""


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(sorted(action.choices.items()))
    return {}


def _help(parser: argparse.ArgumentParser) -> str:
    parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=HELP_WIDTH)
    return parser.format_help().rstrip()


def cli_reference() -> str:
    """One section per ``laoru`` subcommand, with its ``--help`` text."""
    from laoru.cli import build_parser

    parser = build_parser()
    commands = _subcommands(parser)
    lines = ["# CLI reference", "",
             "Generated from `laoru`'s argument parser by `scripts/gen_docs.py`; every command also",
             "answers `--help`. A command is a module of `laoru.commands`, found when the CLI starts.", "",
             "| command | what it does |", "|---|---|"]
    summaries = {a.dest: a.help for a in _subparser_actions(parser)}
    lines += [f"| [`laoru {name}`](#laoru-{name}) | {summaries.get(name) or ''} |" for name in commands]
    lines += ["", "## laoru", "", "```text", _help(parser), "```"]
    for name, sub in commands.items():
        lines += ["", f"## laoru {name}", "", "```text", _help(sub), "```"]
    return "\n".join(lines) + "\n"


def _subparser_actions(parser: argparse.ArgumentParser) -> list[Any]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action._choices_actions)
    return []


def _layout_cell(layout: Any) -> str:
    span = ""
    if layout.since or layout.until:
        span = f" {layout.since or '…'}–{layout.until or '…'}"
    return f"{layout.__name__} ({layout.kind}{span})"


def outlet_rows(fixtures_root: Path = FIXTURES) -> list[dict[str, str]]:
    """One row per installed plugin: languages, input kinds, versions, fixture counts."""
    from laoru import fixtures
    from laoru.registry import Registry

    found = fixtures.find(fixtures_root) if fixtures_root.is_dir() else []
    rows = []
    for plugin in sorted(Registry.discover(environ=False), key=lambda p: p.info.slug):
        info, layouts = plugin.info, plugin.layouts()
        own = [f for f in found if f.page.relative_to(fixtures_root).parts[0] == info.slug]
        synthetic = sum("synthetic" in f.page.name for f in own)
        kinds = sorted({layout.kind for layout in layouts}, key=("html", "text").index)
        rows.append({
            "outlet": f"`{info.slug}`",
            "name": info.name,
            "domains": ", ".join(info.domains) or "—",
            "languages": ", ".join(info.languages) or "any",
            "inputs": " + ".join("HTML" if k == "html" else "text" for k in kinds),
            "version": info.version,
            "layouts": "; ".join(_layout_cell(layout) for layout in layouts),
            "fixtures": f"{len(own)} ({len(own) - synthetic} real, {synthetic} synthetic)" if own else "0",
        })
    return rows


def outlets_page(fixtures_root: Path = FIXTURES) -> str:
    rows = outlet_rows(fixtures_root)
    head = list(rows[0]) if rows else ["outlet"]
    lines = ["# Supported outlets", "",
             "Generated from the installed plugins (`laoru plugins`) and the fixture folders",
             "`tests/fixtures/<outlet>/` by `scripts/gen_docs.py`. A plugin installed from its own package",
             "shows up here too when the docs are built in that environment.", "",
             "*inputs*: HTML pages, text captures (\"select all, copy\") or both. *version*: the plugin's",
             "version, raised when its output changes. *layouts*: one per page design, with the dates it",
             "covers when an outlet redesigned. *fixtures*: pages with expected output; a synthetic one is",
             "hand-made from documented markup and named as such.", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row[c].replace("|", "\\|") for c in head) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def stub(title: str) -> str:
    return f"# {title}\n\nThis page is being written alongside its module; see the module's docstrings meanwhile.\n"


def pages(docs_dir: Path) -> dict[str, str]:
    """Every generated page by its path in ``docs/``."""
    out = {"cli.md": cli_reference(), "outlets.md": outlets_page()}
    out.update({name: stub(title) for name, title in OWNED_ELSEWHERE.items() if not (docs_dir / name).exists()})
    return out


def on_files(files: Any, config: Any) -> Any:
    """mkdocs hook: add the generated pages to the build (in memory only)."""
    from mkdocs.structure.files import File

    for name, content in pages(Path(config["docs_dir"])).items():
        existing = files.get_file_from_path(name)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, name, content=content))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write cli.md and outlets.md into")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, content in pages(REPO / "docs").items():
        (args.out / name).write_text(content, encoding="utf-8")
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
