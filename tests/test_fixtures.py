"""Every plugin fixture parses to its expected Documents (regenerate: python -m laoru.fixtures regenerate)."""

from __future__ import annotations

from pathlib import Path

import pytest

from laoru import fixtures

ROOT = Path(__file__).parent / "fixtures"
ALL = fixtures.find(ROOT)


def test_every_outlet_plugin_has_fixtures():
    outlets_with_fixtures = {f.page.relative_to(ROOT).parts[0] for f in ALL}
    assert "kpl" in outlets_with_fixtures


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
