"""The multi-article splitter: seed 002's boundaries, single captures kept whole, and random sessions."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import laoru
from laoru.api import registry
from laoru.clean import is_caption, is_prose, normalise_space
from laoru.page import Page
from laoru.split import LIST, PROSE, classify, split_page

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "data"
SESSION = SEEDS / "002_e7af9517d814063e.txt"
SESSION_LINES = SESSION.read_text(encoding="utf-8").splitlines()


def seed_lines(name: str, first: int, last: int) -> list[str]:
    """1-based inclusive line range of a seed, as printed."""
    (path,) = SEEDS.glob(f"{name}_*.txt")
    return path.read_text(encoding="utf-8").splitlines()[first - 1:last]


def parts_of(text: str, source: str = "capture.txt"):
    return split_page(Page.from_text(text, source=source), registry())


def test_seed_002_splits_into_its_five_articles():
    parts = parts_of("\n".join(SESSION_LINES), "002.txt")
    assert [p.page.source for p in parts] == [
        "002.txt#L27-L35", "002.txt#L40-L68", "002.txt#L70-L136", "002.txt#L146-L318", "002.txt#L354-L360"]


def test_seed_002_chrome_is_dropped_and_counted():
    parts = parts_of("\n".join(SESSION_LINES), "002.txt")
    first, *_, last = parts
    assert any("lines 1–25" in w and "Kremlin says Laos" in w for w in first.warnings), first.warnings
    assert any("after this article" in w and "lines 362–444" in w for w in last.warnings)
    texts = [normalise_space(p.page.text) for p in parts]
    for chrome in ("Medium Text", "Law and Crime", "Asia Fact Check Lab", "NEWS TERMINAL", "IMAGES", "VIDEO",
                   "COMMENTS", "Lao students quit school amid dismal economy", "Pictures of the Day"):
        assert not any(chrome in text for text in texts), chrome
    kpl = parts[2]
    assert "russia visit laos" not in kpl.page.text
    assert any("repeats between pages" in w for w in kpl.warnings)


def test_no_article_text_lands_in_another_part():
    parts = parts_of("\n".join(SESSION_LINES))
    owners: dict[str, int] = {}
    for number, part in enumerate(parts):
        for line in part.page.lines:
            if is_prose(line):
                assert owners.setdefault(line, number) == number, f"{line[:60]!r} is in two parts"


@pytest.mark.parametrize("name", ["000", "001", "003", "004"])
def test_single_article_captures_stay_whole(name):
    (path,) = SEEDS.glob(f"{name}_*.txt")
    page = Page.from_text(path.read_text(encoding="utf-8"), source=path.name)
    (part,) = split_page(page, registry())
    assert part.page is page and not part.warnings


def test_html_and_forced_outlet_are_never_split():
    text = "\n".join(SESSION_LINES)
    (part,) = split_page(Page.from_text(text), registry(), outlet="generic")
    assert part.page.text == text
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in SESSION_LINES) + "</body></html>"
    assert len(split_page(Page.from_text(html), registry())) == 1


def test_line_kinds():
    kinds: dict[str, str] = {}
    for line in classify(SESSION_LINES):
        kinds.setdefault(line.text, line.kind)  # first occurrence
    assert kinds["• Law and Crime"] == LIST
    assert kinds["1. Russia Eyes Tourism Ties With Laos"] == LIST
    assert kinds["*The name has been changed to protect the interviewee’s identity."] == PROSE
    assert kinds["Lao revolution"] == "heading"
    assert kinds["russia visit laos"] == "transparent"  # repeated between pages
    assert kinds["Tomsk State University in Russia actively recruits students from Laos. "
                 "Credit: Screenshot from riatomsk.ru"] == "transparent"  # a caption


# --- random browser sessions built from the real articles and the real chrome of the seeds -----------------

ARTICLES = {
    # name: (seed, lines of the article as captured, its headline, lines that are its body)
    "vt": ("002", (27, 35), "Lao, Russian presidents hold talks on bilateral ties", [(29, 33)]),
    "lt": ("002", (40, 68), None, [(46, 56)]),
    "kpl": ("002", (70, 136), "Laos, Russia enhance bilateral cooperation", [(74, 78), (82, 94)]),
    "rfa": ("002", (146, 318), "Russia dusts off Soviet-era friendship with Laos", [(152, 318)]),
    "tass": ("002", (354, 360), "Medvedev discusses Russian-Lao security cooperation in Laos", [(356, 360)]),
    "kpl001": ("001", (1, 80), "President Thongloun Concludes Successful Visit to the Russian Federation", [(9, 33)]),
    "kpl004": ("004", (4, 26), "Russian Foreign Minister visits Laos", [(6, 24)]),
}
CHROME_BLOCKS = [(1, 25), (37, 38), (138, 144), (320, 352), (362, 444)]


def body_lines(name: str) -> set[str]:
    seed, _, _, ranges = ARTICLES[name]
    lines = [normalise_space(t) for first, last in ranges for t in seed_lines(seed, first, last)]
    return {t for t in lines if is_prose(t) and not is_caption(t) and not t.startswith("KPL ")}


def chrome(block: int) -> list[str]:
    first, last = CHROME_BLOCKS[block]
    return SESSION_LINES[first - 1:last]


@st.composite
def sessions(draw):
    names = draw(st.lists(st.sampled_from(sorted(ARTICLES)), min_size=2, max_size=4, unique=True))
    text: list[str] = []
    for name in names:
        text += ["russia visit laos", ""]  # a search session prints the query between pages
        for block in draw(st.lists(st.integers(0, len(CHROME_BLOCKS) - 1), min_size=1, max_size=2)):
            text += [*chrome(block), ""]
        seed, (first, last), _, _ = ARTICLES[name]
        text += [*seed_lines(seed, first, last), ""]
    if draw(st.booleans()):
        text += chrome(draw(st.integers(0, len(CHROME_BLOCKS) - 1)))
    return names, "\n".join(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_random_sessions_split_back_into_their_articles(session):
    names, text = session
    parts = parts_of(text)
    assert len(parts) == len(names), [p.page.text[:80] for p in parts]
    for name, part in zip(names, parts, strict=True):
        lines = {normalise_space(t) for t in part.page.lines}
        assert body_lines(name) <= lines, f"{name}: body lines missing"
        for other in names:
            if other != name:
                assert not body_lines(other) & lines, f"{other}'s body leaked into {name}'s part"
        headline = ARTICLES[name][2]
        if headline:
            assert part.page.lines[0] == headline


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_random_sessions_parse_to_the_right_documents_for_text_layouts_owned_here(session):
    names, text = session
    documents = laoru.parse_text(text)
    assert len(documents) == len(names)
    expected_outlet = {"vt": "vientiane-times", "lt": "laotian-times", "kpl": "kpl", "kpl001": "kpl", "kpl004": "kpl"}
    for name, document in zip(names, documents, strict=True):
        if name in expected_outlet:
            assert document.outlet == expected_outlet[name]
            assert document.title == ARTICLES[name][2]
            assert {p.text for p in document.paragraphs} >= {
                line for line in body_lines(name) if not line.startswith("By ")}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SESSION_LINES), st.text(max_size=80)), max_size=60))
def test_splitting_arbitrary_lines_never_raises_and_never_overlaps(lines):
    parts = parts_of("\n".join(lines))
    assert parts
    if len(parts) > 1:
        spans = [tuple(int(x) for x in p.page.source.rsplit("#L", 1)[1].split("-L")) for p in parts]
        assert all(a[1] < b[0] for a, b in pairwise(spans))
