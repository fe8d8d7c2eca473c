"""Every bad input is one clear stderr line, the batch goes on, exit 1, no traceback; nothing is lost.

The numbered cases of issue 11, run as a user runs them: the CLI through a subprocess, and
for outputs and indexes the bytes on disk compared before and after. The good input
everywhere is a real KPL capture, ``examples/data/001_eb054365cde1a667.txt``; pages that
carry a charset declaration are synthetic wrappers around that capture's own lines.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from html import escape
from io import BytesIO
from pathlib import Path

import pytest
from conftest import EXAMPLES

import laoru
from laoru import inputs, output
from laoru.engines import sink

GOOD = EXAMPLES / "001_eb054365cde1a667.txt"
TITLE = "President Thongloun Concludes Successful Visit to the Russian Federation"


def laoru_cli(*args: str | os.PathLike[str], cwd: Path | None = None, stdin: bytes | None = None,
              timeout: float = 180, columns: int = 400) -> subprocess.CompletedProcess[bytes]:
    """The CLI in a subprocess; output kept as bytes so that it can be checked to be valid UTF-8."""
    return subprocess.run([sys.executable, "-m", "laoru", *map(os.fspath, args)], capture_output=True, cwd=cwd,
                          input=stdin if stdin is not None else b"", timeout=timeout,
                          env={**os.environ, "COLUMNS": str(columns)})


def err_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    text = result.stderr.decode("utf-8")  # strict: a raw non-UTF-8 byte would fail here
    assert "Traceback" not in text, text
    return [line for line in text.splitlines() if line.startswith("laoru: ") and " -> " not in line]


def jsonl(result: subprocess.CompletedProcess[bytes]) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def synthetic_page(charset: str) -> bytes:
    """A synthetic HTML page (not any outlet's markup) holding the real capture's long lines."""
    lines = [line for line in GOOD.read_text(encoding="utf-8").splitlines() if len(line.split()) >= 8]
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return (f'<html><head><meta charset="{charset}"><title>{escape(TITLE)}</title></head>'
            f"<body><article>{body}</article></body></html>").encode()


# 1. file names that are not UTF-8, or hold a newline or an escape sequence


@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_bytes(GOOD.read_bytes())
    (folder / "new\nline\x1b[31m.txt").write_bytes(GOOD.read_bytes())
    (folder / os.fsdecode(b"empty\xff\n.txt")).write_bytes(b"  \n")
    return folder


@pytest.mark.parametrize("command", ["parse", "dedup", "events", "timeline"])
def test_odd_file_names_never_crash_and_stay_on_one_line(odd_names: Path, command: str):
    result = laoru_cli(command, odd_names, GOOD, "--format", "table")
    assert result.returncode == 1
    assert err_lines(result) == ["laoru: " + str(odd_names) + "/empty\\xff\\n.txt: empty file"]
    table = result.stdout.decode("utf-8")
    assert "\x1b" not in table
    if command == "parse":
        assert len(table.splitlines()) == 2 + 3  # header, rule, one row per good file: no row split
        assert "caf\\xe9.txt" in table and "line\\x1b[31m.txt" in table


def test_odd_file_names_through_the_python_api(odd_names: Path):
    failed: list[tuple[str, str]] = []
    docs = list(laoru.parse_paths([odd_names], on_error=lambda *e: failed.append(e)))
    assert sorted(d.source for d in docs) == [f"{odd_names}/caf\\xe9.txt", f"{odd_names}/new\\nline\\x1b[31m.txt"]
    assert {d.title for d in docs} == {TITLE}
    assert failed == [(f"{odd_names}/empty\\xff\\n.txt", "empty file")]
    json.dumps([d.to_dict() for d in docs]).encode("utf-8")  # serialisable as UTF-8


# 2. a charset named by a page or a WARC header is untrusted


@pytest.mark.parametrize("charset", ["undefined", "punycode", "rot13", "base64", "idna", "utf-7"])
def test_hostile_charset_declarations_are_ignored(tmp_path: Path, charset: str):
    page = tmp_path / "page.html"
    page.write_bytes(synthetic_page(charset))
    result = laoru_cli("parse", page, "--format", "jsonl")
    assert result.returncode == 0 and err_lines(result) == []
    (doc,) = jsonl(result)
    assert doc["title"] == TITLE and "Vientiane" in "\n".join(p["text"] for p in doc["paragraphs"])


def test_hostile_charset_in_a_warc_header(tmp_path: Path):
    pytest.importorskip("warcio")
    from laoru.warc import write_warc

    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl, [("https://x.org/a", GOOD.read_bytes(), "text/plain; charset=undefined"),
                       ("https://x.org/b", GOOD.read_bytes(), "text/plain; charset=punycode")])
    result = laoru_cli("parse", crawl, "--format", "jsonl")
    assert result.returncode == 0 and err_lines(result) == []
    assert [d["title"] for d in jsonl(result)] == [TITLE, TITLE]


# 3. directory links that loop


def test_symlink_loops_in_folders_and_globs_end_and_read_each_file_once(tmp_path: Path):
    root = tmp_path / "root"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "x.txt").write_bytes(GOOD.read_bytes())
    (root / "a" / "b" / "up").symlink_to("../..")  # a loop back to root
    (root / "a" / "self").symlink_to(".")  # a loop onto itself
    (root / "a" / "loop1").symlink_to("loop2")
    (root / "a" / "loop2").symlink_to("loop1")  # two links pointing at each other
    for target in (root, f"{root}/**/*.txt", f"{root}/**"):
        result = laoru_cli("parse", target, "--format", "jsonl", timeout=120)
        assert result.returncode == 0, result.stderr
        assert [d["source"] for d in jsonl(result)] == [f"{root}/a/b/x.txt"]


# 4. devices and FIFOs: only regular files are read


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="POSIX only")
def test_devices_and_fifos_are_refused_without_reading(tmp_path: Path):
    (tmp_path / "z.html").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "f.html")  # no writer: opening it to read would block forever
    result = laoru_cli("parse", tmp_path / "z.html", tmp_path / "f.html", GOOD, "--format", "jsonl", timeout=120)
    assert result.returncode == 1
    assert err_lines(result) == [f"laoru: {tmp_path}/z.html: not a regular file (a character device)",
                                 f"laoru: {tmp_path}/f.html: not a regular file (a FIFO)"]
    assert [d["title"] for d in jsonl(result)] == [TITLE]


def test_the_size_cap_is_enforced_while_reading(monkeypatch):
    monkeypatch.setattr(inputs, "MAX_COMPRESSED_BYTES", 1000)
    with open(GOOD, "rb") as handle:
        with pytest.raises(laoru.InputError, match="larger than 1000 bytes"):
            inputs.read_capped(handle, "capture")
        assert handle.tell() == 1001  # never read whole: one byte past the cap is enough


# 5. numeric options


@pytest.mark.parametrize("bad", [["--engine", "dask", "--workers", "0"], ["--workers", "-1"], ["--threshold", "0"]])
def test_numeric_options_are_validated_before_any_work(tmp_path: Path, bad: list[str]):
    result = laoru_cli("run", GOOD, "--out", tmp_path / "out", *bad, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode() and ("must be at least 1" in result.stderr.decode()
                                                           or "must be in (0, 1]" in result.stderr.decode())
    assert not (tmp_path / "out").exists()


# 6. messages instead of tracebacks


def test_output_paths_that_cannot_be_written_are_one_line(tmp_path: Path):
    (tmp_path / "a-file").write_text("keep me", encoding="utf-8")
    cases = {
        ("parse", GOOD, "-o", tmp_path / "missing" / "out.jsonl"): "no such folder",
        ("parse", GOOD, "-o", tmp_path): "it is a directory",
        ("run", GOOD, "--out", tmp_path / "a-file"): "is a file, not a folder",
        ("dedup", GOOD, "--index", tmp_path / "a-file"): "is a file, not a folder",
    }
    for args, reason in cases.items():
        result = laoru_cli(*args)
        assert result.returncode == 2
        (line,) = result.stderr.decode().splitlines()
        assert line.startswith("laoru: error: ") and reason in line
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("manifest", ["[]", "{}", '{"format": 2}', '{"format": 2, "settings": [], "files": {}}',
                                      '{"format": 2, "settings": {}, "files": {"state": {"name": 3}}}'])
def test_malformed_index_manifests_are_one_line(tmp_path: Path, manifest: str):
    index = tmp_path / "ix"
    index.mkdir()
    (index / "index.json").write_text(manifest, encoding="utf-8")
    before = snapshot(index)
    result = laoru_cli("dedup", GOOD, "--index", index)
    assert result.returncode == 2
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith(f"laoru: error: {index}: ")
    assert snapshot(index) == before


def test_a_warc_record_without_a_target_uri_is_one_line(tmp_path: Path):
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    crawl = tmp_path / "crawl.warc.gz"
    with open(crawl, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        record = writer.create_warc_record("https://x.org/a", "response", payload=BytesIO(GOOD.read_bytes()),
                                           http_headers=headers)
        record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    for command in (["parse"], ["run", "--out", tmp_path / "out", "--no-events"]):
        result = laoru_cli(*command, crawl, GOOD)
        assert result.returncode == 1
        (line,) = err_lines(result)
        assert line.startswith(f"laoru: {crawl}: corrupt WARC file")


# 7. one input reader for every command, the API and every engine


def test_parse_and_run_read_a_warc_file_alike(tmp_path: Path):
    pytest.importorskip("warcio")
    from laoru.warc import write_warc

    seeds = sorted(EXAMPLES.glob("*.txt"))
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl, [(f"https://x.org/{n}", seed.read_bytes(), "text/plain; charset=utf-8")
                       for n, seed in enumerate(seeds)])
    parsed = laoru_cli("parse", crawl, "--format", "jsonl")
    assert parsed.returncode == 0, parsed.stderr
    ran = laoru_cli("run", crawl, "--out", tmp_path / "out", "--no-dedup", "--no-events")
    assert ran.returncode == 0, ran.stderr
    from_run = sink.read_table(tmp_path / "out", "documents")
    from_api = [d.to_dict() for d in laoru.parse_paths([crawl])]
    from_parse = jsonl(parsed)
    assert len(from_parse) > len(seeds)  # a split capture gives several documents; never one "WARC/1.0" page
    assert [d["id"] for d in from_parse] == [d["id"] for d in from_run] == [d["id"] for d in from_api]
    assert "WARC/1.0" not in {d["title"] for d in from_parse}


# 8. -o never truncates an input, and writes atomically


def test_output_onto_an_input_is_refused_and_the_input_kept(tmp_path: Path):
    victim = tmp_path / "v.txt"
    victim.write_bytes(GOOD.read_bytes())
    result = laoru_cli("parse", victim, "-o", victim)
    assert result.returncode == 2 and "is one of the inputs" in result.stderr.decode()
    assert victim.read_bytes() == GOOD.read_bytes()


def _wait_until_reading_a_pipe(pid: int) -> None:
    """Until the process is past start-up and blocked on standard input (Linux: its wchan)."""
    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if not wchan.exists():
            time.sleep(10)
            return
        if "pipe" in wchan.read_text():
            time.sleep(0.2)
            return
        time.sleep(0.1)


def _interrupted(args: list, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI reading ``-`` (standard input) that never ends, then press Ctrl-C."""
    process = subprocess.Popen([sys.executable, "-m", "laoru", *map(os.fspath, args)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    assert process.stdin is not None
    process.stdin.write(GOOD.read_bytes()[:100])
    process.stdin.flush()
    _wait_until_reading_a_pipe(process.pid)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(args, process.returncode, out, err)


def test_an_interrupted_parse_leaves_the_old_output_intact(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    target.write_bytes(b'{"old": "output"}\n')
    result = _interrupted(["parse", "-", "-o", target], tmp_path)
    assert result.returncode == 130
    assert target.read_bytes() == b'{"old": "output"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no temporary file left


def test_atomic_file_keeps_the_old_bytes_when_writing_fails(tmp_path: Path):
    target = tmp_path / "out.csv"
    target.write_bytes(b"old,bytes\n")
    with pytest.raises(RuntimeError), output.atomic_file(target) as handle:
        handle.write("half of the new ")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old,bytes\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


# 9. laoru run writes to a new folder and swaps it in, with a marker


def test_an_interrupted_run_leaves_the_previous_output_intact(tmp_path: Path):
    out = tmp_path / "out"
    first = laoru_cli("run", GOOD, "--out", out, "--no-events")
    assert first.returncode == 0, first.stderr
    marker = json.loads((out / "_SUCCESS").read_text(encoding="utf-8"))
    assert marker["documents"] == 1 and marker["failed_inputs"] == 0
    before = snapshot(out)
    result = _interrupted(["run", "-", "--out", out, "--no-events"], tmp_path)
    assert result.returncode == 130
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no half-written folder beside it


def test_run_refuses_a_folder_it_did_not_write(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = laoru_cli("run", GOOD, "--out", tmp_path)
    assert result.returncode == 2 and "holds files laoru did not write" in result.stderr.decode()
    assert snapshot(tmp_path) == {"notes.txt": b"mine"}


# 10, 11. the dedup index: checked against its manifest, left untouched when bad, no-op re-adds


@pytest.fixture
def index(tmp_path: Path) -> Path:
    folder = tmp_path / "ix"
    result = laoru_cli("dedup", EXAMPLES, "--index", folder)
    assert result.returncode == 0, result.stderr
    return folder


def test_a_damaged_index_is_an_error_and_left_untouched(index: Path, tmp_path: Path):
    manifest = (index / "index.json").read_bytes()
    (index / "index.json").unlink()
    before = snapshot(index)
    missing = laoru_cli("dedup", GOOD, "--index", index)
    assert missing.returncode == 2 and "no index.json" in missing.stderr.decode()
    assert snapshot(index) == before
    (index / "index.json").write_bytes(manifest)
    store = index / "shingles.u32"
    store.write_bytes(store.read_bytes()[:100])
    before = snapshot(index)
    truncated = laoru_cli("dedup", GOOD, "--index", index)
    assert truncated.returncode == 2 and "shingles.u32" in truncated.stderr.decode()
    assert snapshot(index) == before
    store.write_bytes(b"\x00" * (json.loads(manifest)["files"]["shingles.u32"]["size"]))
    zeroed = laoru_cli("dedup", GOOD, "--index", index)
    assert zeroed.returncode == 2 and "checksum" in zeroed.stderr.decode()


def test_re_adding_indexed_documents_changes_nothing(index: Path):
    before = snapshot(index)
    documents = json.loads((index / "index.json").read_text(encoding="utf-8"))["documents"]
    for _ in range(2):
        again = laoru_cli("dedup", EXAMPLES, "--index", index)
        assert again.returncode == 0 and again.stdout == b""  # no document is a copy of itself
    assert json.loads((index / "index.json").read_text(encoding="utf-8"))["documents"] == documents
    assert snapshot(index) == before


# 12. a wall-clock bound per document


def test_a_document_over_the_time_bound_is_reported_and_skipped(tmp_path: Path, monkeypatch):
    from laoru import limits

    page = tmp_path / "slow.html"
    page.write_bytes(synthetic_page("utf-8").replace(b"<article>", b"<article>" + b"<p>x y z</p>" * 40_000))
    laoru.parse_path(GOOD)  # plugins discovered and loaded outside the bound
    monkeypatch.setattr(limits, "SECONDS_PER_DOCUMENT", 2.0)  # 40,000 sibling paragraphs take far longer
    failed: list[tuple[str, str]] = []
    docs = list(laoru.parse_paths([page, GOOD], on_error=lambda *e: failed.append(e)))
    assert failed == [(str(page), "took longer than 2 s to parse; skipped")]
    assert [d.title for d in docs] == [TITLE]


# 13. quieter losses become warnings; stdin; empty folders; escaped cells


def test_utf8_declared_as_latin1_is_read_as_utf8_with_a_warning():
    text = "Café Thongloun à Moscou: «accord signé» entre le Laos et la Russie, dit le ministre."
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{text}</p></body></html>'.encode()
    (doc,) = laoru.parse_bytes(page, source="synthetic.html")
    assert doc.paragraphs[0].text == text
    assert any("declared charset" in w and "UTF-8" in w for w in doc.warnings)


def test_every_gzip_member_is_read_and_trailing_bytes_noted(tmp_path: Path):
    import gzip

    data = GOOD.read_bytes()
    half = len(data) // 2
    path = tmp_path / "capture.txt.gz"
    path.write_bytes(gzip.compress(data[:half]) + gzip.compress(data[half:]) + b"junk")
    (doc,) = laoru.parse_path(path)
    (whole,) = laoru.parse_path(GOOD)
    assert doc.text == whole.text
    assert "ignored 4 bytes after the gzip data" in doc.warnings


def test_a_text_node_over_ten_megabytes_is_kept():
    big = "word " * 2_200_000
    page = f"<html><body><p>Before.</p><p>{big}</p><p>After the long one.</p></body></html>"
    from laoru.page import Page

    lines = Page.from_text(page).lines
    assert lines[0] == "Before." and lines[-1] == "After the long one." and len(lines[1]) > 10_000_000


def test_stdin_and_empty_folders(tmp_path: Path):
    result = laoru_cli("parse", "-", tmp_path, "--format", "jsonl", stdin=GOOD.read_bytes())
    assert result.returncode == 1
    assert err_lines(result) == [f"laoru: {tmp_path}: no input files found"]
    (doc,) = jsonl(result)
    assert doc["title"] == TITLE and doc["source"] == "<stdin>"


def test_table_and_csv_escape_control_characters():
    rows = [{"title": "red\x1b[31m alert\x07", "source": "a\u2028b"}]
    table = output.render_table(rows, ["title", "source"], width=200)
    buffer = __import__("io").StringIO()
    output.write_records(rows, "csv", buffer)
    for text in (table, buffer.getvalue()):
        assert "\x1b" not in text and "\x07" not in text and "\u2028" not in text
        assert "red\\x1b[31m alert\\x07" in text


def test_the_table_keeps_split_captures_apart():
    (capture,) = EXAMPLES.glob("002_*.txt")
    result = laoru_cli("parse", capture, "--format", "table", columns=100)  # a narrow terminal cuts long cells
    sources = [line.split()[-1] for line in result.stdout.decode().splitlines()[2:]]
    assert len(sources) > 1 and len(set(sources)) == len(sources)


def test_help_texts_have_no_rest_markup():
    from laoru.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in subparsers.choices.items():
        text = sub.format_help()
        assert "``" not in text and ":func:" not in text and ":class:" not in text, name
