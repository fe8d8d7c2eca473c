"""The CLI as a user runs it: through a subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from conftest import EXAMPLES


def laoru(*args: str, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "laoru", *map(str, args)], capture_output=True, text=True,
                          timeout=120, env=env)


def test_parse_kpl_capture_jsonl(seed):
    result = laoru("parse", seed("001"), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    doc = json.loads(line)
    assert doc["outlet"] == "kpl"
    assert doc["title"] == "President Thongloun Concludes Successful Visit to the Russian Federation"
    assert doc["published"] == "2025-08-03T11:00:00+07:00"
    body = doc["text"]
    assert body.startswith("(KPL) President Thongloun Sisoulith has successfully concluded")  # credit as printed
    for chrome in ("Email Print", "ຂ່າວອື່ນໆ", "(L) meets", "Huaphan Governor", "Top"):
        assert chrome not in body
    assert len(doc["captions"]) == 2 and len(doc["related"]) == 5
    assert doc["metadata"]["route"] == {"plugin": "kpl", "score": 9.0, "by": "signature"}


def test_parse_republished_kpl_has_no_wordpress_chrome(seed):
    doc = json.loads(laoru("parse", seed("004")).stdout)
    assert doc["outlet"] == "kpl" and doc["title"] == "Russian Foreign Minister visits Laos"
    assert doc["published"] is None
    for chrome in ("Search", "Close this search box", "RECENT NEWS", "Source: Lao News Agency"):
        assert chrome not in doc["text"]
    assert doc["text"].startswith("Russian Foreign Minister Sergey Lavrov is paying")


def test_whole_folder_parses_and_every_seed_gives_documents():
    result = laoru("parse", EXAMPLES, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    sources = {row["source"].rsplit("/", 1)[-1][:3] for row in rows}
    assert sources == {"000", "001", "002", "003", "004"}
    assert all(row["text"] for row in rows)


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path, seed):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    result = laoru("parse", tmp_path / "empty.txt", seed("001"), tmp_path / "broken.html.gz",
                   tmp_path / "missing.txt")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    errors = result.stderr.splitlines()
    assert errors == [
        f"laoru: {tmp_path / 'empty.txt'}: empty file",
        f"laoru: {tmp_path / 'broken.html.gz'}: " + errors[1].split(": ", 2)[2],
        f"laoru: {tmp_path / 'missing.txt'}: no such file",
    ]
    assert "gzip" in errors[1]
    assert "Traceback" not in result.stderr


def test_unknown_outlet_is_a_clear_error(seed):
    result = laoru("parse", seed("001"), "--outlet", "nosuch")
    assert result.returncode == 2
    assert "no plugin for outlet 'nosuch'" in result.stderr and "Traceback" not in result.stderr


def test_forced_outlet_is_recorded(seed):
    doc = json.loads(laoru("parse", seed("003"), "--outlet", "generic").stdout)
    assert doc["outlet"] == "generic"
    assert doc["metadata"]["route"]["by"] == "forced"


def test_plugin_from_file_is_used(tmp_path, seed):
    plugin = tmp_path / "my_outlet.py"
    plugin.write_text(
        "from laoru import Parser, TextLayout, outlet\n"
        "from laoru.rules import first_line, lines_between\n"
        "@outlet('my-outlet', name='Mine', languages=['en'])\n"
        "class Mine(Parser):\n"
        "    signatures = {r'Thongloun': 50.0}\n"
        "    class Page(TextLayout):\n"
        "        title = first_line()\n"
        "        paragraphs = lines_between(after=r'^Email Print')\n"
    )
    result = laoru("parse", seed("001"), "--plugin", plugin)
    assert json.loads(result.stdout)["outlet"] == "my-outlet"
    listed = laoru("plugins", "--plugin", plugin, "--format", "jsonl").stdout
    assert "my-outlet" in {json.loads(line)["outlet"] for line in listed.splitlines()}


def test_broken_plugin_file_is_a_clear_error(tmp_path, seed):
    plugin = tmp_path / "broken.py"
    plugin.write_text("raise RuntimeError('oops')\n")
    result = laoru("parse", seed("001"), "--plugin", plugin)
    assert result.returncode == 2
    assert "plugin failed to import: RuntimeError: oops" in result.stderr
    assert "Traceback" not in result.stderr


def test_plugins_lists_builtins():
    result = laoru("plugins", "--format", "json")
    listed = {p["outlet"]: p for p in json.loads(result.stdout)}
    assert listed["kpl"]["domains"] == ["kpl.gov.la"]
    assert listed["kpl"]["module"] == "laoru_plugins.kpl"
    assert "generic" in listed
