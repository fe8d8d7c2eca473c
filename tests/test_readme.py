"""Every command in the README works as written on a fresh install.

The commands are read from README.md itself, so a changed README is checked as it is.
``laoru`` commands run in a subprocess in a scratch folder that sees ``examples/``; the
slow ones (an embedded Dask cluster) carry the ``slow`` marker and run in ``.ci/run``'s
README section. ``pip install -e '.[X]' && CMD`` lines are checked statically: the extra
exists and installs the program the command runs. Commands that need the network
(``laoru fetch``) or hours (the 100,000-document benchmarks) are listed in SKIPPED and
covered by their own tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXTRAS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
PROVIDED_BY = {"jupyter": "jupyterlab", "mkdocs": "mkdocs", "pytest": "pytest"}
"""The distribution that installs each program a README line runs after ``pip install``."""
SKIPPED = ("laoru fetch", "python benchmarks/", "pip install ./")
PLACEHOLDER = re.compile(r"PATH|\[--|\bURL\b|\.\.\.")


def command_lines() -> list[list[str]]:
    """Every command line of the README's bash blocks, comments dropped, split at ``&&``."""
    lines: list[list[str]] = []
    for block in re.findall(r"```bash\n(.*?)```", README, re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line:
                lines.append([part.strip() for part in line.split("&&")])
    return lines


def laoru_commands() -> list[str]:
    """The runnable ``laoru`` commands: no placeholder, and not on a line that needs the network or hours."""
    return [part for line in command_lines() if not any(p.startswith(SKIPPED) for p in line)
            for part in line if part.startswith("laoru ") and not PLACEHOLDER.search(part)]


def _requirement_names(extra: str, seen: set[str] | None = None) -> set[str]:
    """Distribution names an extra installs, following ``laoru[other]`` references."""
    seen = seen if seen is not None else set()
    names: set[str] = set()
    for requirement in EXTRAS[extra]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group().lower().replace("_", "-")
        if name == "laoru":
            for inner in re.search(r"\[(.*?)\]", requirement).group(1).split(","):
                if inner not in seen:
                    seen.add(inner)
                    names |= _requirement_names(inner.strip(), seen)
        else:
            names.add(name)
    return names


def test_every_pip_extra_in_the_readme_exists_and_installs_what_its_line_runs():
    for line in re.findall(r"pip install -e '\.\[(\w+)\]'(?:\s*&&\s*(\S+))?", README):
        extra, program = line
        assert extra in EXTRAS, f"README installs laoru[{extra}], which pyproject.toml does not define"
        if program in PROVIDED_BY:
            assert PROVIDED_BY[program] in _requirement_names(extra), \
                f"pip install -e '.[{extra}]' && {program} ...: the extra does not install {PROVIDED_BY[program]}"


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A folder like the repository root for the README's relative paths (examples/ linked)."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    return tmp_path


def _run(command: str, cwd: Path) -> None:
    words = command.split()
    result = subprocess.run([sys.executable, "-m", "laoru", *words[1:]], cwd=cwd, capture_output=True, text=True,
                            timeout=600, env={**os.environ, "COLUMNS": "160"})
    assert result.returncode == 0, f"{command}\n{result.stderr}"
    assert "Traceback" not in result.stderr


QUICK = [c for c in laoru_commands() if "--engine" not in c and c.split()[1] not in ("new-plugin", "check-plugin")]


def test_the_readme_has_the_commands_this_file_runs():
    assert "laoru parse examples/data --format table" in QUICK and "laoru run examples/data --out out/" in QUICK


@pytest.mark.parametrize("command", QUICK)
def test_readme_command_runs(command: str, scratch: Path):
    _run(command, scratch)
    if command.startswith("laoru run"):
        assert (scratch / "out" / "_SUCCESS").is_file()


def test_readme_plugin_author_commands_run_in_order(scratch: Path):
    steps = [c for c in laoru_commands() if c.split()[1] in ("new-plugin", "check-plugin") and "--package" not in c]
    assert [s.split()[1] for s in steps] == ["new-plugin", "check-plugin"]
    for command in steps:
        _run(command, scratch)


@pytest.mark.slow
@pytest.mark.parametrize("command", [c for c in laoru_commands() if "--engine" in c])
def test_readme_engine_command_runs(command: str, scratch: Path):
    engine = command.split("--engine")[1].split()[0]
    if engine == "spark" and (shutil.which("java") is None or not _importable("pyspark")):
        pytest.skip("Spark needs pyspark and Java")
    pytest.importorskip({"dask": "distributed", "spark": "pyspark"}[engine])
    _run(command, scratch)


def _importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def test_readme_python_example_runs(scratch: Path, monkeypatch):
    (code,) = re.findall(r"```python\n(.*?)```", README, re.S)
    monkeypatch.chdir(scratch)
    exec(compile(code, "README.md", "exec"), {})
