"""Event extraction on the real seed articles, plus properties on open input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import paragraphs_document
from hypothesis import given, settings
from hypothesis import strategies as st

from laoru.events import Event, EventExtractor, Gazetteer, extract_events
from laoru.events.evaluate import gold_documents
from laoru.events.gazetteer import bundled_data
from laoru.events.when import document_anchor, find_dates, resolve
from laoru.model import Dateline, Document, Paragraph, Related

ROOT = Path(__file__).resolve().parent.parent
DOCS = gold_documents(ROOT / "tests" / "gold" / "articles.json", ROOT / "examples" / "data")


def _doc(*paragraphs: str, published: str | None = None, **kw) -> Document:
    return paragraphs_document(*paragraphs, published=published, **kw)


def _names(event: Event) -> set[str]:
    return {p.name for p in event.participants}


def _find(events: list[Event], kind: str, *names: str) -> list[Event]:
    return [e for e in events if e.type == kind and set(names) <= _names(e)]


def test_kpl_visit_has_dates_roles_and_ids():
    events = extract_events(DOCS["001-kpl"])
    [visit] = [e for e in _find(events, "visit", "Thongloun Sisoulith") if e.status == "occurred" and e.start
               and e.place and e.place.country == "RUS" and e.within is None]
    assert (visit.start, visit.end) == ("2025-07-30", "2025-08-01")
    thongloun = next(p for p in visit.actors if p.name == "Thongloun Sisoulith")
    assert thongloun.role == "President of Laos" and thongloun.country == "LAO"
    putin = next(p for p in visit.participants if p.name == "Vladimir Putin")
    assert putin.id == "Q7747"
    assert visit.plover == {"type": "CONSULT", "mode": "visit"}


def test_invitation_is_never_reported_as_a_visit_that_happened():
    for key in ("000-wire", "001-kpl"):
        invited = [e for e in extract_events(DOCS[key]) if e.type == "visit" and e.status == "invited"]
        assert invited, key
        assert all(e.start is None for e in invited)
        assert {p.name for p in invited[0].actors} == {"Vladimir Putin"}  # the invitee is the visitor
        assert not [e for e in extract_events(DOCS[key]) if e.type == "visit" and e.status == "occurred"
                    and e.place and e.place.country == "LAO"]


def test_yearless_page_keeps_partial_dates_with_a_warning():
    events = extract_events(DOCS["004-kpl"])
    [visit] = _find(events, "visit", "Sergey Lavrov")
    assert (visit.start, visit.end, visit.status) == ("--07-06", "--07-07", "ongoing")
    assert any("year" in w for w in visit.warnings)
    meeting = _find(events, "meeting", "Sergey Lavrov", "Saleumxay Kommasith")
    assert meeting and meeting[0].start == "--07-07" and meeting[0].place.name == "Vientiane"
    award = _find(events, "award", "Sergey Lavrov", "Saleumxay Kommasith")
    assert award and [p.name for p in award[0].actors] == ["Sergey Lavrov"]
    # a "courtesy call" is an in-person meeting, not a phone call
    assert not [e for e in events if e.type == "call"]


def test_role_is_the_one_held_at_the_event_date():
    events = extract_events(DOCS["002-rfa"])
    shoigu = _find(events, "visit", "Sergei Shoigu")
    assert shoigu and shoigu[0].start == "2018-01"
    roles = {p.name: p.role for p in shoigu[0].participants}
    assert roles["Sergei Shoigu"] == "Minister of Defence of Russia"
    assert roles.get("Thongloun Sisoulith", "Prime Minister of Laos") == "Prime Minister of Laos"


def test_bylines_and_photo_credits_never_become_actors():
    data = bundled_data()
    extra = [{"id": "byline", "name": "Souksakhone Vaenkeo", "kind": "person", "country": "LAO",
              "aliases": {"en": ["Souksakhone Vaenkeo"]}},
             {"id": "photographer", "name": "Tran Viet Duc", "kind": "person", "country": "VNM",
              "aliases": {"en": ["Tran Viet Duc"]}}]
    extractor = EventExtractor(Gazetteer.from_data(data, extra))
    for key in ("002-vt", "002-rfa"):
        for event in extractor.extract(DOCS[key]):
            assert not _names(event) & {"Souksakhone Vaenkeo", "Tran Viet Duc"}
            assert "Credit:" not in event.evidence.text and "Latest Update" not in event.evidence.text


def test_captions_and_related_lists_are_not_event_sources():
    doc = _doc("Nothing happened today.", published="2025-10-30",
               captions=("President Thongloun Sisoulith meets Russian President Vladimir Putin in Moscow.",),
               related=(Related("Prime Minister Sonexay Siphandone received the Russia-Laos Friendship "
                                "Association on October 29, 2025"),))
    assert extract_events(doc) == []


def test_russian_and_lao_sentences():
    ru = _doc("Сергей Лавров встретился с Салеумсаем Коммаситом во Вьентьяне 7 июля 2021 года.")
    [meeting] = _find(extract_events(ru), "meeting", "Sergey Lavrov", "Saleumxay Kommasith")
    assert meeting.start == "2021-07-07" and meeting.place.name == "Vientiane"
    lo = _doc("ທອງລຸນ ສີສຸລິດ ໄດ້ພົບປະກັບ ປູຕິນ ຢູ່ ມົສກູ ວັນທີ 9 ພຶດສະພາ 2567.")
    [meeting] = _find(extract_events(lo), "meeting", "Thongloun Sisoulith", "Vladimir Putin")
    assert meeting.start == "2024-05-09"  # Buddhist era 2567


def test_plugin_gazetteer_entries_extend_actors():
    doc = _doc("Governor Khamphaeng Xaisomphaeng met Russian Ambassador Ivan Ivanov in Vientiane on 3 May 2025.")
    [titled] = extract_events(doc)  # unknown people are found by their titles, with the title's country
    assert {p.key: p.country for p in titled.participants} == {
        "titled:khamphaeng xaisomphaeng": None, "titled:ivan ivanov": "RUS"}
    extra = [{"id": "gov", "name": "Khamphaeng Xaisomphaeng", "kind": "person", "country": "LAO",
              "aliases": {"en": ["Khamphaeng Xaisomphaeng"]}},
             {"id": "amb", "name": "Ivan Ivanov", "kind": "person", "country": "RUS", "aliases": ["Ivan Ivanov"]}]
    extractor = EventExtractor(Gazetteer.from_data(bundled_data(), extra))
    [event] = extractor.extract(doc)
    assert event.type == "meeting" and event.start == "2025-05-03"
    assert {p.key for p in event.participants} == {"gov", "amb"}  # the plugin's entries win


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("from July 30 to August 1, 2025", None, ("2025-07-30", "2025-08-01")),
    ("on Feb 18-19", None, ("--02-18", "--02-19")),
    ("on Feb 18-19", "2024-06-24", ("2024-02-18", "2024-02-19")),
    ("6–7 июля", "2021-07-08", ("2021-07-06", "2021-07-07")),
    ("ວັນທີ 6 ກໍລະກົດ 2564", None, ("2021-07-06", "2021-07-06")),
    ("on Tuesday", "2023-05-23", ("2023-05-23", "2023-05-23")),
    ("on Tuesday", "--05-23", (None, None)),
    ("last year", "2024-05-13", ("2023", None)),
    ("last year", None, (None, None)),
    ("signed 30 years ago", "2024-05-13", ("1994", None)),
    ("in December", "2023-05-23", ("2022-12", None)),
])
def test_text_dates(text, anchor, expected):
    [mention] = find_dates(text)
    resolved = resolve(mention, anchor)
    assert (resolved.start, resolved.end) == expected


def test_dateline_day_alone_needs_a_publication_date():
    assert document_anchor(None, "4th")[0] is None
    assert document_anchor("2025-08-04", "4th")[0] == "2025-08-04"
    assert document_anchor(None, "May 23")[0] == "--05-23"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@given(month=st.integers(1, 12), day=st.integers(1, 28), form=st.sampled_from(["{m} {d}", "{d} {m}", "on {m} {d}"]),
       anchor=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2200, 12, 31)).map(lambda d: d.isoformat())))
def test_yearless_dates_take_a_year_only_from_the_anchor(month, day, form, anchor):
    [mention] = find_dates(form.format(m=MONTHS[month - 1], d=day))
    resolved = resolve(mention, anchor)
    if anchor is None:
        assert resolved.start == f"--{month:02d}-{day:02d}" and resolved.warnings
    else:
        assert int(resolved.start[:4]) in (int(anchor[:4]) - 1, int(anchor[:4]))
        assert resolved.start[5:] == f"{month:02d}-{day:02d}"


@given(word=st.sampled_from(["on Tuesday", "last year", "this year", "yesterday", "four years ago",
                             "later this year"]))
def test_relative_dates_without_anchor_resolve_to_nothing(word):
    [mention] = find_dates(word)
    assert resolve(mention, None).start is None


SEED_SENTENCES = [s for doc in DOCS.values() for p in doc.paragraphs for s in [p.text]][:60]


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(st.one_of(st.sampled_from(SEED_SENTENCES), st.text(max_size=200)), max_size=6),
       published=st.one_of(st.none(), st.sampled_from(["2025-08-03T11:00:00+07:00", "2024-05-13", "2023"])),
       dateline=st.one_of(st.none(), st.builds(Dateline, st.sampled_from(["Moscow", "Vientiane", None]),
                                               st.sampled_from(["4th", "May 23", "", None]))))
def test_extraction_never_raises_and_evidence_slices_the_text(paragraphs, published, dateline):
    doc = Document(outlet="x", published=published, dateline=dateline,
                   paragraphs=[Paragraph(p) for p in paragraphs])
    for event in extract_events(doc):
        assert doc.text[event.evidence.start:event.evidence.end] == event.evidence.text
        assert event.start is None or not event.start.startswith("--") or published is None
        assert Event.from_dict(event.to_dict()) == event


def test_evidence_offsets_on_every_seed_article():
    for doc in DOCS.values():
        for event in extract_events(doc):
            assert doc.text[event.evidence.start:event.evidence.end] == event.evidence.text
