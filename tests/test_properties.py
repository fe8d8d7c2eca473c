"""Open input: the parse never crashes, never loses prose, never keeps shared boilerplate, is deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import laoru
from laoru import clean
from laoru.errors import InputError

WORD = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N")), min_size=1, max_size=10)
PROSE = st.lists(WORD, min_size=9, max_size=30).map(lambda ws: " ".join(ws) + ".")
CHROME = st.sampled_from(["Email Print 2204", "Top", "Share", "Search", "Close this search box.", "RECENT NEWS",
                          "Advertisement", "NEWSLETTER", "|", "Medium Text", "Sign up here."])
TAGS = st.sampled_from(["p", "div", "span", "li", "h2", "blockquote", "td", "section", "a", "b", "table", "ul"])


@st.composite
def html_soup(draw):
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 3))
        tag = draw(TAGS)
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.text(max_size=30)).replace("\x00", ""))
        else:
            parts.append(draw(st.sampled_from(["<br>", "<script>x</script>", "&amp;", "<!-- c -->", "<meta>"])))
    return "<html><body>" + "".join(parts)


SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(st.text(max_size=400))
def test_any_text_parses_without_raising(text):
    try:
        docs = laoru.parse_text(text)
    except InputError:
        return
    assert docs and all(isinstance(d, laoru.Document) for d in docs)


@SLOW
@given(html_soup())
def test_any_html_soup_parses_deterministically(html):
    first = [d.to_dict() for d in laoru.parse_text(html, source="soup.html")]
    second = [d.to_dict() for d in laoru.parse_text(html, source="soup.html")]
    assert first == second


@SLOW
@given(st.lists(st.one_of(PROSE, CHROME), min_size=1, max_size=12))
def test_text_capture_keeps_prose_and_drops_chrome(lines):
    text = "Short Title Line\n" + "\n".join(lines) + "\n"
    (doc,) = laoru.parse_text(text)
    prose = [line for line in lines if line.endswith(".") and len(line.split()) >= 9]
    kept = [p.text for p in doc.paragraphs]
    for line in prose:
        assert clean.normalise_space(line) in kept, "body text was lost"
    assert not any(clean.is_boilerplate(p) for p in kept)


@SLOW
@given(st.lists(PROSE, min_size=1, max_size=6))
def test_reparsing_the_body_is_idempotent(lines):
    (doc,) = laoru.parse_text("Short Title Line\n" + "\n".join(lines))
    (again,) = laoru.parse_text("Short Title Line\n" + doc.text)
    assert again.text == doc.text
