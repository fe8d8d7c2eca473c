"""The plugin contract: every rule call goes through one guard, and each field's value has its declared type.

The page is a real capture: ``shared/captures/242_mfa-la.txt`` (the mofa.gov.la messages list,
copied as ``tests/fixtures/mfa-la/capture_242_messages.txt``).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from laoru.model import Paragraph
from laoru.page import Page
from laoru.plugin import FIELD_TYPES, FIELDS, Parser, TextLayout, outlet
from laoru.rules import date, line, lines_between

CAPTURE = Path(__file__).parent / "fixtures" / "mfa-la" / "capture_242_messages.txt"
PAGE_TEXT = CAPTURE.read_text(encoding="utf-8")
LETTER = ("On behalf of the Lao people and on my own behalf, I would like to express my warmest congratulations "
          "and best wishes to Your Excellency and through Your Excellency to the friendly Russian people on the "
          "occasion of the National Day of the Russian Federation.")


def _broken_published(ctx) -> str:
    raise ZeroDivisionError("division by zero")


@outlet("contract-test", name="Two layouts, one of them broken")
class TwoLayouts(Parser):
    class Before2020(TextLayout):
        until = "2020-01-01"
        published = _broken_published

    class Since2020(TextLayout):
        since = "2020-01-01"
        published = date(line(r"^Vientiane, (\d+ \w+ \d{4})$", 1), "%d %B %Y")
        paragraphs = lines_between(start=r"^On behalf", end=r"^Read more")


def test_a_raising_rule_in_layout_choice_is_a_warning_not_an_exception():
    doc = TwoLayouts().parse(Page.from_text(PAGE_TEXT))
    assert doc.metadata["layout"] == "Since2020" and doc.published == "2024-06-12"
    assert "contract-test Before2020.published: ZeroDivisionError: division by zero" in doc.warnings
    assert [p.text for p in doc.paragraphs] == [LETTER]


@outlet("contract-strings", name="Rules returning the wrong types")
class WrongTypes(Parser):
    class Capture(TextLayout):
        title = lines_between(end=r"^Vientiane")  # a list where a string is declared
        paragraphs = line(r"^\s*On behalf of the Lao people.*")  # one string where a list is declared
        tags = line(r"^Vientiane, (\d+) June", 1)


def test_a_wrong_type_is_a_warning_naming_plugin_layout_and_field_and_the_field_stays_empty():
    doc = WrongTypes().parse(Page.from_text(PAGE_TEXT))
    assert doc.paragraphs == () and doc.title is None
    assert not any("repeated paragraph" in w for w in doc.warnings)  # never split into characters
    paragraphs = [w for w in doc.warnings if w.startswith("contract-strings Capture.paragraphs: the rule gave str")]
    assert len(paragraphs) == 1 and "list[Paragraph | str]" in paragraphs[0]
    assert any(w.startswith("contract-strings Capture.title: the rule gave list") for w in doc.warnings)
    assert doc.tags == ("12",)  # a string is a comma-separated list of tags: declared, so kept


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
                    | st.tuples(inner, inner), max_leaves=6)
VALUES = JSON | st.lists(st.builds(Paragraph, st.text(max_size=20)), max_size=3)


@given(st.sampled_from(FIELDS), VALUES)
@settings(max_examples=300, deadline=None)
def test_any_value_from_any_rule_gives_a_document(field, value):
    @outlet("contract-any", name="Returns whatever it is given")
    class Echo(Parser):
        class Capture(TextLayout):
            pass

    setattr(Echo.Capture, field, lambda ctx: value)
    parser = Echo()
    found, warnings, _layout = parser.extract(Page.from_text(PAGE_TEXT))
    from typeguard import CollectionCheckStrategy, TypeCheckError, check_type

    try:
        check_type(value, FIELD_TYPES[field], collection_check_strategy=CollectionCheckStrategy.ALL_ITEMS)
        declared = value is not None
    except TypeCheckError:
        declared = False
    assert (found[field] is value) if declared else (found[field] is None)
    assert any(w.startswith(f"contract-any Capture.{field}: the rule gave") for w in warnings) == \
        (value is not None and not declared)
    parser.parse(Page.from_text(PAGE_TEXT))  # the core takes every declared value without raising
