"""Plugin discovery through the entry-point group, and routing between plugins."""

from __future__ import annotations

import sys

import pytest

from laoru.errors import PluginError
from laoru.page import Page
from laoru.registry import ENTRY_POINT_GROUP, Registry, load_file

THIRD_PARTY = '''
from laoru import Parser, TextLayout, outlet
from laoru.rules import first_line, lines_between

@outlet("vientiane-mai", name="Vientiane Mai", domains=["vientianemai.net"], languages=["lo"], tz="+07:00")
class VientianeMai(Parser):
    signatures = {r"^ວຽງຈັນໃໝ່$": 5.0}

    class Capture(TextLayout):
        title = first_line(skip=[r"^ວຽງຈັນໃໝ່$"])
        paragraphs = lines_between(after=r"^ວຽງຈັນໃໝ່$")
'''


@pytest.fixture
def installed_dist(tmp_path, monkeypatch):
    """A real (unpacked) distribution on sys.path declaring a laoru.parsers entry point."""
    (tmp_path / "vientiane_mai_plugin.py").write_text(THIRD_PARTY, encoding="utf-8")
    info = tmp_path / "laoru_vientiane_mai-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: laoru-vientiane-mai\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\nvientiane-mai = vientiane_mai_plugin:VientianeMai\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    sys.modules.pop("vientiane_mai_plugin", None)


def test_third_party_entry_point_is_discovered_and_routed(installed_dist):
    registry = Registry.discover(environ=False)
    assert {"kpl", "generic", "vientiane-mai"} <= {p.info.slug for p in registry}
    page = Page.from_text("ວຽງຈັນໃໝ່\nຂ່າວ ລາວ ລັດເຊຍ\nເນື້ອໃນ ຂ່າວ ແມ່ນ ຢູ່ ນີ້.\n")
    route = registry.route(page)
    assert (route.parser.info.slug, route.by) == ("vientiane-mai", "signature")
    doc = route.parser.parse(page)
    assert doc.title == "ຂ່າວ ລາວ ລັດເຊຍ" and doc.language == "lo"


def test_env_var_plugins_are_loaded(tmp_path, monkeypatch):
    path = tmp_path / "vm.py"
    path.write_text(THIRD_PARTY, encoding="utf-8")
    monkeypatch.setenv("LAORU_PLUGINS", str(tmp_path))
    assert "vientiane-mai" in Registry.discover()


def test_domain_beats_signatures_and_ties_go_to_generic():
    registry = Registry.discover(environ=False)
    kpl_text = "Title\n(KPL) Body of the story that is long enough to be prose here.\n"
    assert registry.route(Page.from_text(kpl_text, url="https://kpl.gov.la/En/detail.aspx?id=1")).by == "domain"
    plain = registry.route(Page.from_text("Nothing that any outlet signs.\n"))
    assert (plain.parser.info.slug, plain.by) == ("generic", "no-match")


def test_equal_best_scores_are_a_tie(tmp_path):
    for slug in ("aaa", "bbb"):
        (tmp_path / f"{slug}.py").write_text(
            "from laoru import Parser, TextLayout, outlet\n"
            f"@outlet('{slug}', name='{slug}')\n"
            f"class P{slug}(Parser):\n    signatures = {{r'SHARED-MARK': 2.0}}\n"
            "    class T(TextLayout):\n        pass\n")
    registry = Registry.discover([tmp_path], environ=False)
    route = registry.route(Page.from_text("SHARED-MARK\nbody\n"))
    assert (route.parser.info.slug, route.by, route.score) == ("generic", "tie", 2.0)


def test_load_file_errors_name_the_file(tmp_path):
    empty = tmp_path / "empty.py"
    empty.write_text("x = 1\n")
    with pytest.raises(PluginError, match="defines no @outlet Parser class"):
        load_file(empty)
    with pytest.raises(PluginError, match="plugin file not found"):
        load_file(tmp_path / "missing.py")
