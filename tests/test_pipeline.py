"""laoru.pipeline stages in a plain loop, the local run against the modules it chains, and `laoru run`."""

from __future__ import annotations

import gzip
import json
import shutil

import pytest
from conftest import EXAMPLES

from laoru import pipeline
from laoru.api import parse_paths
from laoru.cli import main
from laoru.dedup import dedup_documents
from laoru.engines import sink
from laoru.events import extract_events
from laoru.timeline import timeline


@pytest.fixture
def seeds_twice(tmp_path):
    """The seed captures and a copy of each (exact duplicates under other names), plus a bad file."""
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder / "a")
    shutil.copytree(EXAMPLES, folder / "b")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    return folder


def test_stages_compose_in_a_plain_loop():
    docs = list(pipeline.drop_repeats(pipeline.parse([EXAMPLES])))
    assert [d.id for d in docs] == [d.id for d in parse_paths([EXAMPLES])]
    assert all(d.paragraphs for d in docs)


def test_units_walk_pages_and_warc_but_keep_missing_names(tmp_path):
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "b.warc.gz").write_bytes(b"")
    (tmp_path / "c.jsonl").write_text("{}")  # JSONL is read only when named
    (tmp_path / "d.png").write_bytes(b"\x89PNG")
    assert pipeline.units([tmp_path, "missing.txt"]) == [str(tmp_path / "a.html"), str(tmp_path / "b.warc.gz"),
                                                         "missing.txt"]
    assert pipeline.units([str(tmp_path / "*.jsonl")]) == [str(tmp_path / "c.jsonl")]


def test_bad_inputs_are_reported_and_the_run_goes_on(seeds_twice):
    seen = []
    result = pipeline.run([seeds_twice, seeds_twice / "nope.html"], on_error=lambda s, r: seen.append((s, r)))
    assert result.failures == seen
    assert {reason for _source, reason in seen} == {"empty file", "no such file"}
    assert result.documents


def test_local_run_is_the_dedup_events_and_timeline_modules_chained(seeds_twice):
    result = pipeline.run([seeds_twice], on_error=lambda *_: None)
    parsed = list(parse_paths([seeds_twice], on_error=lambda *_: None))
    expected = dedup_documents(parsed)
    assert [d.to_dict() for d in result.documents] == [d.to_dict() for d in expected]
    # every seed document is in the folder twice: each cluster pairs a file with its copy
    assert len(result.clusters) == len(expected) and all(len(c.members) == 2 for c in result.clusters)
    assert {m.relation for c in result.clusters for m in c.duplicates} == {"exact"}
    events = [e for d in expected for e in extract_events(d)]
    assert [e.to_dict() for e in result.events] == [e.to_dict() for e in events]
    assert result.timeline == timeline(events)


def test_options_turn_stages_off(seeds_twice):
    result = pipeline.run([seeds_twice], pipeline.Options(dedup=False, events=False), on_error=lambda *_: None)
    assert len(result.documents) == 2 * len(list(parse_paths([EXAMPLES])))
    assert result.clusters == [] and result.events == [] and result.timeline == []


def test_document_jsonl_units_round_trip_and_report_bad_lines(tmp_path):
    docs = list(parse_paths([EXAMPLES]))
    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc.to_dict()) + "\n")
        handle.write('{"title": "no outlet"}\n')
    seen = []
    back = list(pipeline.parse_unit(str(path), on_error=lambda s, r: seen.append((s, r))))
    assert [d.to_dict() for d in back] == [d.to_dict() for d in docs]
    assert len(seen) == 1 and seen[0][0] == f"{path}:{len(docs) + 1}" and "not a Document" in seen[0][1]


def test_cli_run_writes_every_table_as_jsonl_and_parquet(seeds_twice, tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out"
    assert main(["run", str(seeds_twice), "--out", str(out)]) == 1  # the empty file
    err = capsys.readouterr().err
    assert "empty.txt: empty file" in err and "Traceback" not in err and "local:" in err
    for table in sink.TABLES:
        rows = sink.read_table(out, table)
        assert rows, table
        assert pq.read_table(out / table / "part-00000.parquet").num_rows == len(rows)
    ids = pq.read_table(out / "documents" / "part-00000.parquet").column("id").to_pylist()
    assert ids == [r["id"] for r in sink.read_table(out, "documents")]


def test_cli_run_rejects_bad_arguments_without_a_traceback(tmp_path, capsys):
    for bad in (["--threshold", "2"], ["--workers", "0"], ["--workers", "-1"]):
        with pytest.raises(SystemExit) as exited:  # argparse's usage error, one line
            main(["run", str(EXAMPLES), "--out", str(tmp_path / "out"), *bad])
        assert exited.value.code == 2
    assert main(["run", str(EXAMPLES), "--out", str(tmp_path), "--outlet", "nope"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "must be at least 1, got 0" in err and "must be in (0, 1]" in err
    with pytest.raises(SystemExit):
        main(["run", str(EXAMPLES), "--out", str(tmp_path), "--engine", "ray"])
