"""The docs build with warnings as errors, and their generated pages match the code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import gen_docs  # noqa: E402

from laoru.cli import build_parser  # noqa: E402
from laoru.registry import Registry  # noqa: E402


def _mkdocs() -> None:
    """Skip without the ``docs`` extra locally; in CI a missing extra is a failure."""
    if not os.environ.get("CI"):
        pytest.importorskip("mkdocs")
        pytest.importorskip("material")


def _build(config_dir: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_dir / "mkdocs.yml"),
                           "-d", str(site)], capture_output=True, text=True, timeout=300, env=env)


def test_cli_reference_documents_every_command_and_option():
    page = gen_docs.cli_reference()
    commands = gen_docs._subcommands(build_parser())
    assert {"parse", "plugins", "new-plugin", "check-plugin"} <= set(commands)
    for name, parser in commands.items():
        assert f"## laoru {name}" in page
        for action in parser._actions:
            for flag in action.option_strings:
                assert flag in page, f"laoru {name} {flag} missing from the CLI reference"


def test_outlets_table_lists_every_installed_plugin_with_its_fixtures():
    page = gen_docs.outlets_page()
    rows = {row["outlet"].strip("`"): row for row in gen_docs.outlet_rows()}
    assert set(rows) == {p.info.slug for p in Registry.discover(environ=False)}
    assert rows["kpl"]["inputs"] == "HTML + text" and "kpl.gov.la" in rows["kpl"]["domains"]
    assert rows["kpl"]["fixtures"] != "0"
    for slug in rows:
        assert f"| `{slug}` |" in page


def test_every_page_in_docs_is_in_the_nav():
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    pages = {p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*.md")}
    generated = set(gen_docs.PAGES) | set(gen_docs.OWNED_ELSEWHERE)
    for page in pages | generated:
        assert f": {page}" in config, f"docs/{page} is not in mkdocs.yml's nav"


def test_docs_build_strict(tmp_path):
    _mkdocs()
    result = _build(REPO, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    cli = (tmp_path / "site" / "cli" / "index.html").read_text(encoding="utf-8")
    assert "laoru check-plugin" in cli and "--fixture" in cli
    outlets = (tmp_path / "site" / "outlets" / "index.html").read_text(encoding="utf-8")
    assert "kpl.gov.la" in outlets
    assert not (REPO / "docs" / "cli.md").exists(), "generated pages are built in memory, not written to docs/"


def test_strict_build_fails_on_a_broken_link(tmp_path):
    """Warnings really are errors: a dangling link breaks the build."""
    _mkdocs()
    copy = tmp_path / "repo"
    shutil.copytree(REPO / "docs", copy / "docs")
    shutil.copytree(REPO / "scripts", copy / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", copy / "mkdocs.yml")
    with open(copy / "docs" / "index.md", "a", encoding="utf-8") as handle:
        handle.write("\nSee [nowhere](no-such-page.md).\n")
    result = _build(copy, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-page.md" in result.stdout + result.stderr
