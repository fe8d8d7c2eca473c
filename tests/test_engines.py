"""Every engine writes the same tables as the local run: on the seeds and on a 10k-document corpus.

The local run is :func:`laoru.pipeline.run` with the in-process ``Deduplicator``; Dask and
Spark run the shuffle-based dedup of :mod:`laoru.engines.scaled`, so equal clusters here
mean the band-key shuffle, the verification join and the driver's components reproduce the
index exactly. Dask runs with real worker processes; Spark only where pyspark and Java are.
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from conftest import EXAMPLES, benchmark_module

from laoru import engines
from laoru.engines import scaled, sink
from laoru.engines.spark_engine import spark_unavailable
from laoru.pipeline import Options
from laoru.warc import write_warc

synthetic = benchmark_module("_synthetic_corpus")  # the corpus generator lives with the benchmarks

TABLES = sink.TABLES
CORPUS_DOCS = 10_000


@pytest.fixture(scope="module")
def seed_inputs(tmp_path_factory):
    """The seed captures twice (exact duplicates), a WARC of them, an empty file and a missing name."""
    folder = tmp_path_factory.mktemp("seed-inputs")
    shutil.copytree(EXAMPLES, folder / "a")
    shutil.copytree(EXAMPLES, folder / "b")
    write_warc(folder / "crawl.warc.gz", [(f"https://x.org/{p.name}", p.read_bytes(), "text/plain")
                                                    for p in sorted(EXAMPLES.glob("*.txt"))])
    (folder / "empty.txt").write_text("")
    return [str(folder), str(folder / "missing.txt")]


@pytest.fixture(scope="module")
def pool():
    return synthetic.sentences_from_documents(sorted(EXAMPLES.glob("*.txt")))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, pool):
    """10k already-parsed documents (about 30% copies) in ten JSONL units: dedup at scale, no page parsing."""
    return [str(p) for p in synthetic.write_document_jsonl(tmp_path_factory.mktemp("corpus"), CORPUS_DOCS, pool)]


@pytest.fixture(scope="module")
def warc_crawl(tmp_path_factory, pool):
    folder = tmp_path_factory.mktemp("warc-crawl")
    synthetic.write_warcs(folder, 300, pool, per_file=100)
    return [str(folder)]


CORPUS_OPTIONS = Options(events=False)  # events cost ~3 ms a document and merge quadratically: seeds cover them


def _tables(out):
    return {table: sink.read_table(out, table) for table in TABLES}


@pytest.fixture(scope="module")
def local(tmp_path_factory, seed_inputs, corpus, warc_crawl):
    """The reference outputs of the local engine for the three inputs."""
    out = {}
    for name, inputs, options in (("seeds", seed_inputs, Options()), ("corpus", corpus, CORPUS_OPTIONS),
                                  ("crawl", warc_crawl, Options())):
        folder = tmp_path_factory.mktemp(f"local-{name}")
        summary = engines.run(inputs, folder, "local", options)
        out[name] = (summary, _tables(folder))
    return out


def _same_as_local(engine, local, name, inputs, options, tmp_path):
    summary = engines.run(inputs, tmp_path / name, engine, options)
    reference_summary, reference = local[name]
    assert summary == reference_summary
    tables = _tables(tmp_path / name)
    for table in TABLES:
        assert tables[table] == reference[table], f"{table} differs on {name}"
    return tables


def test_reference_outputs_are_not_trivial(local):
    summary, tables = local["seeds"]
    assert {reason for _source, reason in summary.failures} == {"empty file", "no such file"}
    assert tables["clusters"] and tables["events"] and tables["timeline"]
    # each seed document is there three times: two files and a WARC record
    assert {len(c["members"]) for c in tables["clusters"]} == {3}
    summary, tables = local["corpus"]
    relations = {m["relation"] for c in tables["clusters"] for m in c["members"]}
    assert {"exact", "near", "syndicated"} <= relations
    assert 0.6 * CORPUS_DOCS < summary.documents < 0.85 * CORPUS_DOCS
    assert local["crawl"][0].clusters > 10 and local["crawl"][0].events > 100


def test_serial_scaled_algorithm_matches_local(local, seed_inputs, corpus, warc_crawl, tmp_path):
    """The shuffle algorithm itself, in this process."""
    engine = engines.SerialEngine()
    _same_as_local(engine, local, "seeds", seed_inputs, Options(), tmp_path)
    _same_as_local(engine, local, "crawl", warc_crawl, Options(), tmp_path)


@pytest.fixture(scope="module")
def dask_engine():
    pytest.importorskip("distributed")
    engine = engines.make_engine("dask", workers=2)  # real worker processes
    yield engine
    engine.close()


def test_dask_matches_local_with_two_worker_processes(dask_engine, local, seed_inputs, corpus, warc_crawl,
                                                      tmp_path):
    assert dask_engine.parallelism == 2 and dask_engine._cluster.processes
    _same_as_local(dask_engine, local, "seeds", seed_inputs, Options(), tmp_path)
    _same_as_local(dask_engine, local, "crawl", warc_crawl, Options(), tmp_path)
    tables = _same_as_local(dask_engine, local, "corpus", corpus, CORPUS_OPTIONS, tmp_path)
    # every chunk wrote its own part: no single process wrote the documents table
    assert len(list((tmp_path / "corpus" / "documents").glob("part-*.jsonl"))) > 1
    assert len(tables["documents"]) == local["corpus"][0].documents


def test_cli_dask_joins_a_running_scheduler(dask_engine, tmp_path, capsys):
    from laoru.cli import main

    address = dask_engine.client.scheduler.address
    assert main(["run", str(EXAMPLES), "--out", str(tmp_path), "--engine", "dask", "--scheduler", address]) == 0
    assert "dask: " in capsys.readouterr().err
    assert dask_engine.client.status == "running"  # joining never stops someone else's cluster


@pytest.mark.skipif(spark_unavailable() is not None, reason=f"Spark engine not testable: {spark_unavailable()}")
def test_spark_matches_local(local, seed_inputs, corpus, warc_crawl, tmp_path):
    engine = engines.make_engine("spark", workers=2)
    try:
        _same_as_local(engine, local, "seeds", seed_inputs, Options(), tmp_path)
        _same_as_local(engine, local, "corpus", corpus, CORPUS_OPTIONS, tmp_path)
    finally:
        engine.close()


def test_band_keys_propose_exactly_the_pairs_the_lsh_index_proposes(pool):
    """The band-key shuffle is only equivalent to the index if its banding is the library's."""
    from laoru.dedup import Settings
    from laoru.dedup.backend import make_backend

    settings = Settings()
    backend = make_backend(settings.backend, settings.num_perm, settings.bands, settings.seed)
    rng = np.random.default_rng(7)
    base = rng.integers(0, 2**32, size=settings.num_perm, dtype=np.uint64).astype(np.uint32)
    rows = settings.num_perm // settings.bands
    signatures = rng.integers(0, 2**32, size=(300, settings.num_perm), dtype=np.uint64).astype(np.uint32)
    for i, row in enumerate(signatures):
        for band in rng.choice(settings.bands, size=i % 3, replace=False):
            row[band * rows:(band + 1) * rows] = base[band * rows:(band + 1) * rows]
        band = i % settings.bands  # all rows of a band but one: never a candidate
        row[band * rows:(band + 1) * rows - 1] = base[band * rows:(band + 1) * rows - 1]
    for key, sketch in enumerate(backend.sketches(signatures)):
        backend.insert(key, sketch)
    expected = set(backend.query(backend.sketches(base[None, :])[0]))
    base_keys = set(scaled.band_keys(base, settings.bands))
    found = {i for i, row in enumerate(signatures) if base_keys & set(scaled.band_keys(row, settings.bands))}
    assert found == expected and 0 < len(found) < len(signatures)


def test_chunks_keep_input_order():
    work = scaled.chunks([f"f{i}" for i in range(10)], parallelism=1)
    assert [u for c in work for u in c.units] == list(enumerate(f"f{i}" for i in range(10)))
    assert [c.index for c in work] == list(range(len(work)))
    assert scaled.chunks([], 2) == []
    mixed = scaled.chunks(["a.txt", "b.txt", "c.warc.gz", "d.txt", "e.jsonl"], parallelism=1)
    assert [[u for _, u in c.units] for c in mixed] == [["a.txt", "b.txt"], ["c.warc.gz"], ["d.txt"], ["e.jsonl"]]
