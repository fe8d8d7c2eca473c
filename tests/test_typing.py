"""``mypy src plugins`` is clean, and it holds plugins to the typed rule contract.

The configuration (checked modules, untyped dependencies) is ``[tool.mypy]`` in pyproject.toml;
CI runs the same command. Both checks share one cache, so the second is quick.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT

pytest.importorskip("mypy")


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MYPYPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(ROOT / ".mypy_cache"), *args],
                          cwd=ROOT, capture_output=True, text=True, env=env, check=False)


def test_mypy_src_plugins_is_clean():
    result = _mypy()
    assert result.returncode == 0, result.stdout + result.stderr


WRONG_RULES = '''
from laoru.plugin import HTMLLayout, Parser, TextLayout, outlet
from laoru.rules import body, css, date, first, line, lines_between


@outlet("typed", name="Typed")
class Typed(Parser):
    class Capture(TextLayout):
        title = lines_between(end=r"^Read more")
        paragraphs = line(r"^On behalf")
        published = date(line(r"^Vientiane, (.+)$", 1), "human")

    class Site(HTMLLayout):
        title = first(css("h1"), css("h2"))
        paragraphs = body("article")
'''


def test_mypy_reports_a_rule_of_the_wrong_type(tmp_path):
    plugin = tmp_path / "typed_plugin.py"
    plugin.write_text(WRONG_RULES, encoding="utf-8")
    result = _mypy("--config-file", str(ROOT / "pyproject.toml"), str(plugin))
    errors = [line for line in result.stdout.splitlines() if "error:" in line]
    assert [line.split(":")[1] for line in errors] == ["9", "10"], result.stdout  # title, paragraphs
    assert all("Incompatible types in assignment" in line for line in errors)
