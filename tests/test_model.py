"""The Document model: exact round trips through plain JSON types, stable ids."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from laoru.model import PARAGRAPH_KINDS, Dateline, Document, Paragraph, Related

text = st.text(max_size=40)
maybe = st.none() | text

documents = st.builds(
    Document,
    outlet=st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
    source=maybe, url=maybe, language=maybe, title=maybe, subtitle=maybe,
    published=maybe, modified=maybe,
    dateline=st.none() | st.builds(Dateline, place=maybe, date=maybe),
    authors=st.lists(text, max_size=3),
    paragraphs=st.lists(st.builds(Paragraph, text=text, kind=st.sampled_from(PARAGRAPH_KINDS)), max_size=4),
    captions=st.lists(text, max_size=2),
    tags=st.lists(text, max_size=2),
    related=st.lists(st.builds(Related, title=text, url=maybe, published=maybe), max_size=2),
    warnings=st.lists(text, max_size=2),
    metadata=st.dictionaries(st.text(max_size=5), st.integers() | text, max_size=3),
    parser=maybe,
)


@given(documents)
def test_round_trip_is_exact_and_json_plain(doc):
    data = doc.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert Document.from_dict(data) == doc
    assert Document.from_dict(json.loads(json.dumps(data))).to_dict() == data


def test_id_depends_on_identity_fields_only():
    a = Document(outlet="kpl", url="https://kpl.gov.la/En/detail.aspx?id=1", title="T", published="2025-08-03")
    b = a.evolve(paragraphs=[Paragraph("body changed")], id="")
    c = Document(outlet="kpl", url="https://kpl.gov.la/En/detail.aspx?id=2", title="T", published="2025-08-03")
    assert a.id == b.id != c.id
    assert len(a.id) == 20


def test_text_joins_paragraphs_with_blank_lines():
    doc = Document(outlet="x", paragraphs=[Paragraph("One."), Paragraph("Two", "heading")])
    assert doc.text == "One.\n\nTwo"


def test_unknown_paragraph_kind_is_refused():
    try:
        Paragraph("x", "footer")
    except ValueError as exc:
        assert "footer" in str(exc)
    else:
        raise AssertionError("a paragraph kind outside text|heading|quote|list was accepted")
