"""The plugin author's path: new-plugin → edit → check-plugin → test → pip install."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from laoru import api
from laoru.cli import main
from laoru.commands.new_plugin import Names
from laoru.registry import Registry

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "examples" / "plugin-package"


def _new(tmp_path: Path, *extra: str) -> Path:
    assert main(["new-plugin", "Vientiane Times", "--domain", "vientianetimes.org.la", "--root", str(tmp_path),
                 *extra]) == 0
    return tmp_path


def _run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_names_from_any_spelling():
    names = Names.from_argument("Vientiane Times")
    assert (names.slug, names.module, names.class_name) == ("vientiane-times", "vientiane_times", "VientianeTimes")
    assert Names.from_argument("24h").module == "outlet_24h"
    assert Names.from_argument("example-news", package=True).module == "laoru_example_news"


def test_new_plugin_writes_a_plugin_that_reads_its_own_fixtures(tmp_path):
    root = _new(tmp_path)
    plugin = root / "plugins" / "vientiane_times.py"
    fixture_dir = root / "tests" / "fixtures" / "vientiane-times"
    assert plugin.is_file() and (root / "tests" / "test_vientiane_times.py").is_file()
    registry = Registry.discover([plugin], environ=False)
    by_page = {}
    for page in sorted(fixture_dir.glob("synthetic_*.*[lt]")):
        spec = json.loads(page.with_suffix(".json").read_text())
        assert spec["input"]["origin"].startswith("SYNTHETIC")
        (document,) = api.parse_path(page, url=spec["input"]["url"], plugins=registry)
        by_page[page.name] = document
        assert document.outlet == "vientiane-times"
        assert [d["title"] for d in spec["documents"]] == [document.title]
    html, text = by_page["synthetic_article.html"], by_page["synthetic_capture.txt"]
    assert html.metadata["route"]["by"] == "domain" and text.metadata["route"]["by"] == "signature"
    assert html.published == "2025-05-12T09:30:00+07:00" and text.published == "2025-06-03"
    assert html.authors == ("Somchai Phommavong", "Irina Petrova")
    assert all("Follow" not in p.text and p.text != "Share" for p in html.paragraphs + text.paragraphs)
    assert html.captions == ("The two ministers (L) sign the agreement in Vientiane.",)


def test_generated_files_pass_their_own_test_and_ruff(tmp_path):
    root = _new(tmp_path)
    result = _run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout or "5 passed" in result.stdout
    config = str(REPO / "pyproject.toml")
    lint = _run(sys.executable, "-m", "ruff", "check", "--no-cache", "--config", config, str(root))
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_new_plugin_refuses_to_overwrite(tmp_path, capsys):
    root = _new(tmp_path)
    assert main(["new-plugin", "Vientiane Times", "--domain", "x.la", "--root", str(root)]) == 2
    assert "would overwrite" in capsys.readouterr().err
    assert "vientianetimes.org.la" in (root / "plugins" / "vientiane_times.py").read_text()


def test_check_plugin_passes_then_shows_a_diff_then_updates(tmp_path, capsys):
    root = _new(tmp_path)
    plugin = root / "plugins" / "vientiane_times.py"
    fixture_dir = root / "tests" / "fixtures" / "vientiane-times"
    check = ["check-plugin", str(plugin), "--fixture", str(fixture_dir)]
    capsys.readouterr()
    assert main(check) == 0
    assert capsys.readouterr().out.count("ok      vientiane-times/") == 2

    source = plugin.read_text()
    plugin.write_text(source.replace('skip=".share, .related"', 'skip=".share, .related, h3"'))
    assert main(check) == 1
    out = capsys.readouterr().out
    assert "differs vientiane-times/synthetic_article.html" in out
    assert '-        "text": "Joint research"' in out
    assert "ok      vientiane-times/synthetic_capture.txt" in out

    assert main([*check, "--update"]) == 0
    assert "updated vientiane-times/synthetic_article.html" in capsys.readouterr().out
    assert main(check) == 0


def test_check_plugin_reports_missing_expected_and_misrouted_pages(tmp_path, capsys):
    root = _new(tmp_path)
    plugin = root / "plugins" / "vientiane_times.py"
    fixture_dir = root / "tests" / "fixtures" / "vientiane-times"
    (fixture_dir / "synthetic_capture.json").unlink()
    (fixture_dir / "unrelated.txt").write_text("A short note about nothing in particular, with no outlet marks.\n")
    capsys.readouterr()
    assert main(["check-plugin", str(plugin), "--fixture", str(root / "tests" / "fixtures")]) == 1
    out = capsys.readouterr().out
    assert "missing" in out and "synthetic_capture.json" in out
    assert "note    vientiane-times/unrelated.txt: read by generic, not by vientiane-times" in out


def test_example_package_is_current_and_checks_clean(capsys):
    """The committed example package passes check-plugin (it is what CI installs below)."""
    plugin = PACKAGE / "src" / "laoru_example_news.py"
    assert main(["check-plugin", str(plugin), "--fixture", str(PACKAGE / "tests" / "fixtures")]) == 0
    assert "example-news" not in {p.info.slug for p in Registry.discover(environ=False)}, \
        "the example package must not be installed in the main environment: the test below proves pip install works"


def _see_this_environment(python: Path) -> None:
    """Let the new venv import what this one has (laoru, pytest) through a ``.pth`` file.

    ``system_site_packages`` would show the *base* interpreter's packages, not this venv's:
    on a fresh machine that base has neither laoru nor a setuptools able to build wheels.
    """
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    outer = [p for p in site.getsitepackages() if Path(p).is_dir()]
    lines = "".join(f"import site; site.addsitedir({p!r})\n" for p in outer)
    (Path(purelib) / "_laoru_outer_env.pth").write_text(lines, encoding="utf-8")


@pytest.fixture(scope="module")
def plugin_venv(tmp_path_factory) -> Path:
    """A venv that sees the installed laoru and has the example package pip-installed (no network).

    The wheel is built here, by this interpreter's pip and setuptools (the ``test`` extra
    pins setuptools ≥ 70.1, which builds wheels itself), then installed into the new venv.
    """
    root = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(root / "env")
    python = root / "env" / ("Scripts" if os.name == "nt" else "bin") / "python"
    _see_this_environment(python)
    source = root / "plugin-package"
    shutil.copytree(PACKAGE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    quiet = ["--disable-pip-version-check", "--quiet", "--no-deps", "--no-index"]
    built = _run(sys.executable, "-m", "pip", "wheel", *quiet, "--no-build-isolation", "-w", str(root / "dist"),
                 str(source))
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (root / "dist").glob("laoru_example_news-*.whl")
    result = _run(sys.executable, "-m", "pip", "--python", str(python), "install", *quiet, str(wheel))
    assert result.returncode == 0, result.stdout + result.stderr
    return python


def test_installed_package_is_discovered_through_the_entry_point(plugin_venv):
    env = {k: v for k, v in os.environ.items() if k != "LAORU_PLUGINS"}
    listed = _run(str(plugin_venv), "-m", "laoru", "plugins", "-f", "jsonl", env=env, cwd=plugin_venv.parent)
    assert listed.returncode == 0, listed.stderr
    records = {r["outlet"]: r for r in map(json.loads, listed.stdout.splitlines())}
    assert records["example-news"]["module"] == "laoru_example_news"
    assert records["example-news"]["domains"] == ["news.example"]
    assert "kpl" in records and "generic" in records

    fixtures = PACKAGE / "tests" / "fixtures" / "example-news"
    parsed = _run(str(plugin_venv), "-m", "laoru", "parse", str(fixtures / "synthetic_capture.txt"),
                  str(fixtures / "synthetic_article.html"), "-f", "jsonl", env=env, cwd=plugin_venv.parent)
    assert parsed.returncode == 0, parsed.stderr
    documents = [json.loads(line) for line in parsed.stdout.splitlines()]
    assert [(d["outlet"], d["parser"]) for d in documents] == [("example-news", "example-news@1.0")] * 2
    assert documents[0]["title"] == "Laos and Russia agree to expand railway training"


def test_installed_package_passes_its_own_tests(plugin_venv, tmp_path):
    copy = tmp_path / "pkg"
    shutil.copytree(PACKAGE / "tests", copy / "tests")
    shutil.copytree(PACKAGE / "src", copy / "src")
    result = _run(str(plugin_venv), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=copy)
    assert result.returncode == 0, result.stdout + result.stderr
