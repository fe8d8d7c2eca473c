"""The timeline of the whole corpus of real captures: the same real-world event told by several
outlets is one entry citing every source (../shared/captures; files named below)."""

from __future__ import annotations

import warnings

import pytest
from conftest import SHARED

import laoru
from laoru import timeline
from laoru.events import extract_events

CAPTURES = SHARED / "captures"


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    docs = list(laoru.parse_paths(sorted(str(p) for p in CAPTURES.glob("*.txt"))))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # captures in languages without a lexicon
        events = [e for doc in docs for e in extract_events(doc)]
    return timeline.timeline(events)


def _files(entry: dict) -> set[str]:
    return {(s.get("source") or "").rsplit("/", 1)[-1] for s in entry["sources"]}


def _entries_citing(entries: list[dict], kind: str, name: str, files: set[str]) -> list[dict]:
    return [e for e in entries if e["type"] == kind and e["status"] == "occurred" and _files(e) & files
            and any(name in p["name"] for p in e["actors"] + e["counterparts"])]


def test_the_july_2025_state_visit_is_one_entry(entries):
    # KPL's "concluded his official visit … July 30 to August 1, 2025" (245), the Moscow-datelined wire (250),
    # the Russian reports of the talks and the arrival (282, 298, 319) and the later recap "В июле в Москву с
    # визитом приезжал президент Лаоса" (299)
    tellings = {"245_kpl.txt", "250_other.txt", "282_other.txt", "298_other.txt", "299_other.txt", "319_other.txt"}
    [visit] = _entries_citing(entries, "visit", "Thongloun", tellings)
    assert _files(visit) >= tellings
    assert (visit["start"], visit["end"]) == ("2025-07-30", "2025-08-01")
    assert visit["place"]["country"] == "RUS"
    # the announcement on the eve of the visit is its plan, linked, not merged (225)
    [plan] = [e for e in entries if e["type"] == "visit" and "225_tass.txt" in _files(e)]
    assert plan["status"] == "planned" and {"relation": "planned_in", "entry": plan["id"]} in visit["links"]


def test_shoigu_in_vientiane_in_december_2025_is_one_visit(entries):
    # arrival under the dateline "ВЬЕНТЬЯН (Лаос), 10 дек" (283), TASS on 11 December (288), Kommersant's
    # "посетил Лаос" of 12 December (287): one trip, days apart
    tellings = {"283_other.txt", "287_kommersant.txt", "288_tass.txt"}
    [visit] = _entries_citing(entries, "visit", "Shoigu", tellings)
    assert _files(visit) >= tellings and visit["place"]["country"] == "LAO"
    assert visit["start"].startswith("2025-12")


def test_the_laros_2025_opening_is_one_exercise(entries):
    # TASS (293), RIA (295) and Interfax (294) on the opening of "Ларос-2025" on 19 September 2025
    tellings = {"293_tass.txt", "294_interfax.txt", "295_ria.txt"}
    [exercise] = [e for e in entries if e["type"] == "exercise" and _files(e) & tellings]
    assert _files(exercise) == tellings
    assert (exercise["start"], exercise["place"]["country"]) == ("2025-09-19", "LAO")


def test_exercises_of_other_years_stay_apart(entries):
    # Laros-2019 (296, planned), Laros 2024 (253), Laros-2025 announced in July (204, planned)
    laros = [e for e in entries if e["type"] == "exercise"]
    years = {(e["start"] or "")[:4] for e in laros if e["start"]}
    assert {"2019", "2024", "2025"} <= years
    assert not any({"296_other.txt", "293_tass.txt"} <= _files(e) for e in laros)
