"""The fast paths of the parse give the same answers as the plain rules they stand in for.

Each fast path (``str.split`` for spaces, the caption pre-check, one normalisation per
paragraph in ``split_body``, parsing the page's own UTF-8 bytes, the depth pre-check) is
checked against a reference written the slow, obvious way. Speed itself is measured in
``benchmarks/extraction.py``, never here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laoru import clean
from laoru.assemble import split_body
from laoru.errors import InputError
from laoru.inputs import RawInput
from laoru.model import Paragraph
from laoru.page import MAX_TREE_DEPTH, Page

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200e\u200f\ufeff\u00ad]")
_CAPTION = re.compile("|".join(clean.CAPTION_PATTERNS), re.IGNORECASE)


def reference_space(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def reference_caption(text: str) -> bool:
    return bool(_CAPTION.search(reference_space(text)))


def reference_split_body(raw, title, boilerplate):
    paragraphs, captions, dropped = [], [], 0
    title_key = clean.paragraph_key(title) if title else None
    for item in raw or ():
        paragraph = item if isinstance(item, Paragraph) else Paragraph(str(item))
        text = reference_space(clean.strip_bullet(paragraph.text.strip()))
        if not text:
            continue
        if _BOILERPLATE.match(text) or (boilerplate is not None and boilerplate.search(text)):
            dropped += 1
        elif reference_caption(text):
            captions.append(text)
        elif title_key and clean.paragraph_key(text) == title_key and not paragraphs:
            continue
        else:
            paragraphs.append(Paragraph(text, paragraph.kind))
    kept, repeats = clean.drop_repeated_paragraphs(paragraphs)
    return kept, captions, dropped, repeats


_BOILERPLATE = re.compile(r"^(?:" + "|".join(clean.BOILERPLATE_LINES) + r")$", re.IGNORECASE)

ODD = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000" \
      "\u200b\u200c\u200e\u200f\ufeff\u00ad\u0130\u0131\u017f\u212a"
PIECES = list(ODD) + list("abcLRé Жл()/:-.") + [
    "Photo", "PHOTO", "credit", "CRED\u0130T", "image", "\u017fource", "Source: Getty Images",
    "Picture", "(L)", "(2nd from left)", "Share", "Top", "\u0e9e\u0eb2\u0eaa\u0eb2"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


@given(TEXT)
@settings(max_examples=600, deadline=None)
def test_normalise_space_matches_the_regex_rule(text):
    assert clean.normalise_space(text) == reference_space(text)


@given(TEXT)
@settings(max_examples=600, deadline=None)
def test_is_caption_matches_one_search_of_the_joined_patterns(text):
    assert clean.is_caption(text) == reference_caption(text)


@pytest.mark.parametrize("text", [
    "Credit: Tran Viet Duc/RFA", "CRED\u0130T: someone", "\u017fource: Getty Images", "Photo: AP",
    "Lavrov (L) meets Saleumxay", "Image courtesy of the ministry", "An ordinary sentence.",
    "Фото: ТАСС", "\u212aelvin photo credit x",
])
def test_is_caption_examples(text):
    assert clean.is_caption(text) == reference_caption(text)


PARAGRAPHS = st.lists(st.one_of(TEXT, TEXT.map(Paragraph), st.sampled_from(
    ["Title", "title", "TITLE ", "• Title", "Same", "same", "Same\u00a0", "Email Print 12", "ﬁne", "fine"])),
    max_size=12)


@given(PARAGRAPHS, st.sampled_from([None, "Title", "ﬁne"]),
       st.sampled_from([None, clean.compile_patterns([r"Same", r"x+"])]))
@settings(max_examples=400, deadline=None)
def test_split_body_matches_the_step_by_step_rule(raw, title, boilerplate):
    assert split_body(raw, title, boilerplate) == reference_split_body(raw, title, boilerplate)


def test_page_parses_its_own_utf8_bytes_only_when_they_are_the_text():
    html = "<html><body><p>Лаос и Россия</p></body></html>"
    utf8 = Page.from_raw(RawInput("a.html", html.encode("utf-8")))
    assert utf8.utf8 is utf8.raw
    cp1251 = Page.from_raw(RawInput("b.html", html.encode("windows-1251"),
                                    content_type="text/html; charset=windows-1251"))
    assert cp1251.charset == "cp1251" and cp1251.utf8 == html.encode("utf-8")
    bom = Page.from_raw(RawInput("c.html", b"\xef\xbb\xbf" + html.encode("utf-8")))
    assert bom.charset == "utf-8-sig" and bom.utf8 == html.encode("utf-8")
    for page in (utf8, cp1251, bom, Page.from_text(html), Page("d.html", html, True)):
        assert page.tree.findtext(".//p") == "Лаос и Россия"


@pytest.mark.parametrize("extra", [0, 1, 5])
def test_depth_cap_holds_at_the_edge_of_the_tag_count_pre_check(extra):
    """Nested just past the cap with as few ``<`` as possible: html/body are implied."""
    depth = MAX_TREE_DEPTH + extra
    page = Page.from_text("<div>" * (depth - 1) + "deep", source="edge.html")
    with pytest.raises(InputError):
        page.tree  # noqa: B018


def test_shallow_page_with_few_tags_still_parses():
    page = Page.from_text("<div>" * (MAX_TREE_DEPTH - 10) + "deep")
    assert page.tree is not None


SELECTORS = [
    "h1.news-header__title", "div.text-content p", ".banner, .social, .tags", "[class*=tags] a",
    "[class*=Lead]", "#storycontent h1", ".text.article-content", "time[datetime]", "a.tags__item",
    "[class~=entry-content]", "[class*=share]", ".c-tags a, .b-article-tags a", "p.c-paragraph",
]
HTML = """<html><body><div class="a  text-content\tx"><p>1</p><p class="c-paragraph">2</p></div>
<div class="text-contents"><p>no</p></div><div class=""><p>empty</p></div><div><p>none</p></div>
<span class="tags banner"><a>t</a></span><div class="post-tags"><a class="tags__item">u</a></div>
<div class="text article-content"><div class="Lead share-bar">l</div></div>
<div id="storycontent"><h1 class="news-header__title main">T</h1></div><time datetime="2020">x</time>
<div class="entry-content"><div class="c-tags"><a>c</a></div></div></body></html>"""


SELECTORS += ["div > p.x", "p.x:first-child", "a + p.c-paragraph", "div.a.b", '[title="a]b"]', "[id]",
              "*#storycontent", "div#storycontent h1.main", "p:not(.c-paragraph)", "[class^=text]", "h1, h2"]
FIXTURE_PAGES = sorted(p for p in (Path(__file__).parent / "fixtures").rglob("*.htm*"))


def _used_selectors(monkeypatch) -> list[str]:
    """Every selector the plugins' rules ask for while reading the HTML fixtures."""
    from laoru import rules
    from laoru.api import parse_path

    seen: dict[str, None] = {}
    original = rules.compiled

    def spy(selector: str):
        seen[selector] = None
        return original(selector)

    monkeypatch.setattr(rules, "compiled", spy)
    for path in FIXTURE_PAGES:
        parse_path(path)
    monkeypatch.undo()
    return list(seen)


def test_selectors_match_what_cssselect_matches(monkeypatch):
    """Same elements, same order, from the root and from inner elements, on every HTML fixture."""
    from lxml.cssselect import CSSSelector

    from laoru.inputs import read_path
    from laoru.rules import compiled

    selectors = [*SELECTORS, *_used_selectors(monkeypatch)]
    assert len(selectors) > len(SELECTORS) + 20
    pages = [Page.from_text(HTML)] + [Page.from_raw(read_path(path)) for path in FIXTURE_PAGES]
    for page in pages:
        tree = page.tree
        if tree is None:
            continue
        contexts = [tree, *tree.iter("article", "div", "section")][:40]
        for selector in selectors:
            stock = CSSSelector(selector, translator="html")
            for context in contexts:
                assert compiled(selector)(context) == stock(context), (page.source, selector)


def test_attribute_steps_leave_other_predicates_alone():
    from laoru.rules import attribute_steps

    for path in ["descendant-or-self::dateformat[(@mode = 'abs') and (@time)]",
                 "descendant-or-self::a/following-sibling::*[(name() = 'p') and (position() = 1)]",
                 "descendant-or-self::html:div[@id = 'x']", "descendant-or-self::h1"]:
        assert attribute_steps(path) == path


def test_element_classes_are_lxml_html_ones():
    from lxml import html as lxml_html

    source = "<html><body><form><input name=a><select><option>x</select><textarea>t</textarea>" \
             "<label>l</label><p>p</p></form></body></html>"
    ours = [type(e) for e in Page.from_text(source).tree.iter()]
    assert ours == [type(e) for e in lxml_html.document_fromstring(source).iter()]


_SCRIPTS = {"lo": re.compile(r"[\u0e80-\u0eff]"), "ru": re.compile(r"[\u0400-\u04ff]"),
            "zh": re.compile(r"[\u4e00-\u9fff]"), "en": re.compile(r"[A-Za-z]")}
SCRIPT_TEXT = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x0D00, max_codepoint=0x0F00), st.characters(min_codepoint=0x03F0,
                                                                            max_codepoint=0x0510),
    st.characters(min_codepoint=0x4D00, max_codepoint=0xA100), st.characters(max_codepoint=0x7F),
    st.characters()), max_size=60)


@given(SCRIPT_TEXT)
@settings(max_examples=600, deadline=None)
def test_script_counts_match_the_regex_counts(text):
    from laoru.language import guess_language, script_counts

    counts = {name: len(regex.findall(text)) for name, regex in _SCRIPTS.items()}
    assert script_counts(text) == counts
    best = max(counts, key=lambda k: counts[k])
    assert guess_language(text) == (best if counts[best] else None)


SIGNATURE_TEXT = st.lists(st.sampled_from([
    "(KPL)", "KPL", "Email Print 12", "\n", " ", "/TASS/.", "/ТАСС/.", "NEWS TERMINAL", "• ", "Credit: X/RFA",
    "Radio Free Asia", "1938-20-11-2025", "<p>", "МИД России", "Russian MFA", "Latest Update May 3, 2024)",
    "By A (", "ກະຊວງການຕ່າງປະເທດ", "mofa.gov.la", "Personal data processing policy TASS", "x"]),
    max_size=30).map("".join)


@given(SIGNATURE_TEXT)
@settings(max_examples=300, deadline=None)
def test_signature_scores_match_plain_regex_search(text):
    from laoru.api import registry

    page = Page.from_text(text)
    for parser in registry():
        expected = sum(w for p, w in parser.signatures.items() if re.compile(p, re.MULTILINE).search(text))
        assert parser.score(page) == float(expected)


def test_required_text_is_in_every_match():
    from laoru.plugin import required_text

    assert required_text(re.compile(r"^\W*NEWS TERMINAL\s*$", re.M)) == "NEWS TERMINAL"
    assert required_text(re.compile(r"a|b")) is None
    assert required_text(re.compile(r"(?i)news")) is None
    assert required_text(re.compile(r"ab?c")) == "a"
