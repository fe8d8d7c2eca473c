"""The speed paths kept under issue 14's rule give the same answers as the plain rules they stand in for.

Kept (each saves at least 10% of a page's time on ``benchmarks/extraction.py``, see
docs/performance.md): ``clean.normalise_space``'s ``str.split`` path, the XPath of
``laoru.selectors``, the quick field-type check of ``laoru.typecheck`` and the word pre-checks of
``laoru.literals`` (captions, signatures). Each is checked here against a
reference written the slow, obvious way. Speed itself is measured in ``benchmarks/``, never here.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st
from typeguard import CollectionCheckStrategy, TypeCheckError, check_type

from laoru import clean
from laoru.errors import InputError
from laoru.literals import CASE_TWINS, any_search, required_words
from laoru.model import Dateline, Paragraph, Related
from laoru.page import MAX_TREE_DEPTH, Page
from laoru.plugin import FIELD_TYPES
from laoru.typecheck import quick_check, type_error

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200e\u200f\ufeff\u00ad]")


def reference_space(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


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


@pytest.mark.parametrize("extra", [0, 1, 5])
def test_depth_cap_holds_just_past_the_cap(extra):
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
    from laoru.selectors import attribute_steps

    for path in ["descendant-or-self::dateformat[(@mode = 'abs') and (@time)]",
                 "descendant-or-self::a/following-sibling::*[(name() = 'p') and (position() = 1)]",
                 "descendant-or-self::html:div[@id = 'x']", "descendant-or-self::h1"]:
        assert attribute_steps(path) == path


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
                    | st.tuples(inner, inner), max_leaves=6)

VALUES = (JSON | st.lists(st.builds(Paragraph, st.text(max_size=20)) | st.text(max_size=5), max_size=3)
          | st.lists(st.builds(Related, st.text(max_size=9)) | st.dictionaries(st.sampled_from(["title", "url"]),
                                                                                    st.text(max_size=5)), max_size=3)
          | st.builds(Dateline, st.none() | st.text(max_size=5)))


def _typeguard_accepts(value, hint) -> bool:
    try:
        check_type(value, hint, collection_check_strategy=CollectionCheckStrategy.ALL_ITEMS)
    except TypeCheckError:
        return False
    return True


@given(st.sampled_from(sorted(FIELD_TYPES)), VALUES)
@settings(max_examples=400, deadline=None)
def test_quick_field_check_accepts_nothing_typeguard_rejects(field, value):
    hint = FIELD_TYPES[field]
    if quick_check(hint)(value):
        assert _typeguard_accepts(value, hint), (field, value)
    assert (type_error(value, hint) is None) == _typeguard_accepts(value, hint)


def test_quick_field_check_takes_the_values_the_fixtures_give():
    """The shapes every outlet page gives never reach typeguard (else the speed path is moot)."""
    for field, value in [("title", "T"), ("paragraphs", [Paragraph("a", "quote"), "b"]), ("captions", ["c"]),
                         ("authors", ["A", "B"]), ("tags", "x, y"), ("metadata", {"k": [1, {"a": None}]}),
                         ("related", ["r"])]:
        assert quick_check(FIELD_TYPES[field])(value), field
    assert not quick_check(FIELD_TYPES["paragraphs"])("one string")
    assert not quick_check(FIELD_TYPES["title"])(["a list"])



@pytest.mark.parametrize("hint", [list[Any], dict[str, Any], list[str | Any], str | Any])
def test_quick_check_of_a_hint_naming_any_accepts_without_raising(hint):
    """``Any`` is a class on Python 3.11+ that isinstance refuses: it must read as "anything"."""
    value = {"k": 1} if typing.get_origin(hint) is dict else ["a", 1] if typing.get_origin(hint) is list else 3
    assert quick_check(hint)(value)
    assert _typeguard_accepts(value, hint)

# --- laoru.literals: the words a pattern's every match contains (caption check, signature scoring)

CAPTURES = sorted((SHARED / "captures").glob("*.txt"))


def _patterns() -> list[tuple[str, int]]:
    from laoru.api import registry

    signatures = [(pattern, re.MULTILINE) for plugin in registry() for pattern in plugin.signatures]
    return [(pattern, re.IGNORECASE) for pattern in clean.CAPTION_PATTERNS] + signatures


def test_the_patterns_have_words():
    """The pre-check is not moot: the slow caption patterns and most signatures have words."""
    patterns = _patterns()
    known = [p for p, flags in patterns if required_words(p, ignore_case=bool(flags & re.IGNORECASE))]
    assert len(known) >= len(patterns) - 3
    assert required_words(r"(?:^|[.)]\s+)(?:Photo|Credit|Image)\s*:?", ignore_case=True) == {"photo", "credit", "image"}
    assert required_words(r"^\W*Asia Fact Check Lab\s*$") == {"Asia Fact Check Lab"}
    assert required_words(r"^Source: \d+ (?:KPL|Lao)b?$") == {"Source: "}
    assert required_words(r"(?:KPLx?|Lao)+ agency") == {" agency"}
    for unread in (r"(?i)photo", r"(?=x)y", r"(a)\1", r"\x41BC", r"a|", r"[[a]"):
        assert required_words(unread) is None, unread


@given(st.data())
@settings(max_examples=500, deadline=None)
def test_every_match_of_a_pattern_holds_one_of_its_words(data):
    pattern, flags = data.draw(st.sampled_from(_patterns()))
    text = data.draw(st.from_regex(re.compile(pattern, flags)))
    assert any_search([pattern], flags)(text), (pattern, text)  # never skipped for want of a word


def test_case_twins_are_every_character_ignorecase_equates_beyond_lower():
    """A text letter that ``re.IGNORECASE`` matches to a pattern letter whose ``lower()`` it does not
    contain (or whose own ``lower()`` is two characters) must send the text to the plain search."""
    cased = [chr(c) for c in range(0x110000) if chr(c).lower() != chr(c) or chr(c).upper() != chr(c)]
    alphabet = "".join(cased)
    pattern_letters = {x for c in cased for x in c.lower() + c.upper() + c.casefold() + c.upper().lower()}
    needed = {c for c in cased if len(c.lower()) != 1}
    for letter in pattern_letters - set(CASE_TWINS):
        needed.update(m.group(0) for m in re.finditer(re.escape(letter), alphabet, re.IGNORECASE)
                      if letter.lower() not in m.group(0).lower())
    assert needed <= set(CASE_TWINS), sorted(needed - set(CASE_TWINS))


def _joined_caption_search(text: str) -> bool:
    return bool(re.compile("|".join(clean.CAPTION_PATTERNS), re.IGNORECASE).search(text))


@given(TEXT)
@settings(max_examples=600, deadline=None)
def test_caption_check_is_one_search_of_the_joined_patterns(text):
    assert clean.is_normalised_caption(text) == _joined_caption_search(text)


def test_caption_check_on_every_capture_line():
    """Every line of the real captures (shared/captures), as the plain search answers it."""
    lines = [clean.normalise_space(line) for path in CAPTURES for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 1000
    assert [clean.is_normalised_caption(line) for line in lines] == [_joined_caption_search(line) for line in lines]
    assert sum(map(clean.is_normalised_caption, lines)) > 20


def test_signature_scores_on_every_capture_are_the_plain_searches():
    from laoru.api import registry

    plugins = list(registry())
    for path in CAPTURES:
        page = Page.from_text(path.read_text(encoding="utf-8"))
        for plugin in plugins:
            plain = sum(weight for pattern, weight in plugin.signatures.items()
                        if re.search(pattern, page.text, re.MULTILINE))
            assert plugin.score(page) == plain, (path.name, plugin.info.slug)
