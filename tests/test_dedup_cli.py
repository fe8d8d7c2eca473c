"""``laoru dedup`` from the shell, on the bundled seed captures."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from conftest import EXAMPLES

import laoru as laoru_api


def laoru(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "laoru", *args], capture_output=True, text=True, cwd=cwd)


def test_dedup_prints_a_cluster_for_a_page_given_twice(tmp_path):
    (seed,) = EXAMPLES.glob("001_*.txt")
    shutil.copy(seed, tmp_path / "again.txt")
    result = laoru("dedup", str(EXAMPLES), str(tmp_path / "again.txt"))
    assert result.returncode == 0, result.stderr
    (cluster,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(cluster) == {"cluster_id", "canonical", "members"}
    sources = {m["source"].rsplit("/", 1)[-1] for m in cluster["members"]}
    assert sources == {seed.name, "again.txt"}
    assert {m["relation"] for m in cluster["members"]} == {"canonical", "exact"}
    assert set(cluster["members"][1]) == {"doc_id", "outlet", "source", "relation", "similarity"}


def test_dedup_table_and_all(tmp_path):
    result = laoru("dedup", str(EXAMPLES), "--all", "--format", "table")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split() == ["cluster_id", "doc_id", "outlet", "relation", "similarity",
                                                     "source"]
    documents = [doc for path in sorted(EXAMPLES.glob("*.txt")) for doc in laoru_api.parse_path(path)]
    assert result.stdout.count("canonical") == len(documents)  # no two seed articles are the same story
    assert not any(line.split()[3] in ("exact", "near", "contains", "syndicated")
                   for line in result.stdout.splitlines()[2:])


def test_dedup_index_is_kept_between_runs(tmp_path):
    index = tmp_path / "index"
    first = laoru("dedup", str(EXAMPLES), "--index", str(index))
    assert first.returncode == 0 and first.stdout == ""
    (seed,) = EXAMPLES.glob("004_*.txt")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed.read_bytes())  # the same story under another name: another document id
    second = laoru("dedup", str(copy), "--index", str(index))
    assert second.returncode == 0, second.stderr
    (cluster,) = [json.loads(line) for line in second.stdout.splitlines()]
    assert [m["relation"] for m in cluster["members"]] == ["canonical", "exact"]
    assert sorted(m["source"] for m in cluster["members"]) == sorted([str(seed), str(copy)])


def test_bad_arguments_are_one_line_errors(tmp_path):
    bad_threshold = laoru("dedup", str(EXAMPLES), "--threshold", "1.5")
    assert bad_threshold.returncode == 2 and "must be in (0, 1]" in bad_threshold.stderr
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / "index.json").write_text("{not json", encoding="utf-8")
    bad_index = laoru("dedup", str(EXAMPLES), "--index", str(tmp_path / "index"))
    assert bad_index.returncode == 2
    assert "not a readable dedup index" in bad_index.stderr and "Traceback" not in bad_index.stderr
