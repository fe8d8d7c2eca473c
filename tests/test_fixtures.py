"""Every plugin fixture parses to its expected Documents (regenerate: python -m laoru.fixtures regenerate),
and every layout of every installed plugin has at least one fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from laoru import fixtures
from laoru.api import registry

ROOT = Path(__file__).parent / "fixtures"
ALL = fixtures.find(ROOT)
LAYOUTS = [(parser.info.slug, layout.__name__) for parser in registry() for layout in parser.layouts()]


def _layouts_with_fixtures() -> dict[tuple[str, str], list[str]]:
    """(outlet, layout) → the fixtures whose expected Documents were read with that layout."""
    found: dict[tuple[str, str], list[str]] = {}
    for fixture in ALL:
        if not fixture.expected.exists():
            continue
        for document in json.loads(fixture.expected.read_text(encoding="utf-8"))["documents"]:
            key = (document["outlet"], document.get("metadata", {}).get("layout"))
            found.setdefault(key, []).append(fixture.name)
    return found


COVERED = _layouts_with_fixtures()


@pytest.mark.parametrize(("outlet", "layout"), LAYOUTS, ids=[f"{o}.{layout}" for o, layout in LAYOUTS])
def test_every_layout_of_every_plugin_has_a_fixture(outlet, layout):
    assert (outlet, layout) in COVERED, (
        f"no fixture is read with {outlet} {layout}: add a real page (or one named synthetic_*) "
        f"to {ROOT / outlet} and run python -m laoru.fixtures regenerate")


@pytest.mark.parametrize("fixture", ALL, ids=[f.name for f in ALL])
def test_fixture_matches_expected_output(fixture):
    assert fixture.expected.exists(), f"no expected output; run: python -m laoru.fixtures regenerate {ROOT}"
    difference = fixtures.diff(fixture)
    assert not difference, "\n" + difference


@pytest.mark.parametrize("fixture", ALL, ids=[f.name for f in ALL])
def test_fixture_records_where_it_came_from(fixture):
    origin = fixture.spec().get("origin", "")
    assert origin, "each fixture names its origin (real source, or SYNTHETIC)"
    if "synthetic" in fixture.page.name:
        assert origin.startswith("SYNTHETIC")
