"""Properties of clustering, on documents built from real paragraphs (seeds + bench bodies)."""

from __future__ import annotations

import json

from conftest import EXAMPLES, SHARED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laoru.dedup import Deduplicator, find_clusters
from laoru.model import Document, Paragraph


def _real_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").splitlines() if len(p.strip()) > 80]
    truth = SHARED / "pages" / "bench" / "ground-truth.json"
    if truth.exists():
        for _name, entry in sorted(json.loads(truth.read_text(encoding="utf-8")).items())[:80]:
            paragraphs += [p.strip() for p in entry["body"].split("\n") if len(p.strip()) > 80]
    return sorted(set(paragraphs))


PARAGRAPHS = _real_paragraphs()
OUTLETS = ("kpl", "tass", "laotian-times", "vientiane-times")

# A small pool of stories so that drawn corpora contain copies, partial copies and strangers.
stories = st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=5, unique=True)


@st.composite
def corpora(draw) -> list[Document]:
    base = draw(st.lists(stories, min_size=1, max_size=6))
    docs = []
    for number in range(draw(st.integers(1, 10))):
        story = list(draw(st.sampled_from(base)))
        if len(story) > 1 and draw(st.booleans()):
            story = story[: draw(st.integers(1, len(story)))]  # a truncated copy
        docs.append(
            Document(
                outlet=draw(st.sampled_from(OUTLETS)),
                paragraphs=[Paragraph(p) for p in story],
                published=draw(st.sampled_from([None, "2025-08-01", "2025-08-03T11:00:00+07:00", "2024-05"])),
                id=f"doc{number}",
            )
        )
    return docs


def _as_sets(clusters) -> set[frozenset[tuple[str, str, str, float]]]:
    return {frozenset((m.doc_id, m.relation, c.canonical.doc_id, round(m.similarity, 6)) for m in c.members)
            for c in clusters}


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(corpora())
def test_every_document_is_a_member_of_exactly_one_cluster_its_own(docs):
    clusters = find_clusters(docs, include_singletons=True)
    members = [m.doc_id for c in clusters for m in c.members]
    assert sorted(members) == sorted(d.id for d in docs)
    for cluster in clusters:
        assert cluster.members[0] == cluster.canonical
        assert cluster.canonical.relation == "canonical"


@FAST
@given(corpora(), st.data())
def test_adding_a_document_twice_is_an_exact_duplicate(docs, data):
    doc = data.draw(st.sampled_from(docs))
    with Deduplicator() as dedup:
        dedup.extend(docs)
        matches = dedup.add(doc.evolve(id="again"))
        clusters = dedup.clusters()
    assert matches[0].kind == "exact"
    (cluster,) = [c for c in clusters if "again" in {m.doc_id for m in c.members}]
    assert doc.id in {m.doc_id for m in cluster.members}


@FAST
@given(corpora(), st.randoms(use_true_random=False))
def test_clusters_do_not_depend_on_input_order(docs, rng):
    shuffled = list(docs)
    rng.shuffle(shuffled)
    assert _as_sets(find_clusters(docs, include_singletons=True)) == _as_sets(
        find_clusters(shuffled, include_singletons=True)
    )
