"""The example-news plugin parses each of its fixtures to the expected Documents.

Accept a deliberate change with:
    laoru check-plugin src/laoru_example_news.py --fixture tests/fixtures/example-news --update
"""

from __future__ import annotations

from pathlib import Path

import pytest

from laoru import fixtures
from laoru.registry import Registry, load_file

HERE = Path(__file__).resolve().parent
PLUGIN = HERE / "../src/laoru_example_news.py"
FIXTURES = HERE / "fixtures/example-news"
CASES = [f for f in fixtures.find(FIXTURES.parent) if f.page.parent == FIXTURES]


@pytest.fixture(scope="module")
def plugins() -> Registry:
    registry = Registry.discover()
    for cls in load_file(PLUGIN):
        registry.add(cls)
    return registry


def test_there_are_fixtures():
    assert CASES, f"no fixture pages in {FIXTURES}"


@pytest.mark.parametrize("fixture", CASES, ids=[f.name for f in CASES])
def test_fixture_parses_to_expected(fixture, plugins):
    difference = fixtures.diff(fixture, plugins)
    assert not difference, "\n" + difference


@pytest.mark.parametrize("fixture", CASES, ids=[f.name for f in CASES])
def test_fixture_is_read_by_this_plugin(fixture, plugins):
    assert {d["outlet"] for d in fixtures.run(fixture, plugins)} == {"example-news"}
