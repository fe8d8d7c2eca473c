"""The frames, status and scope layers, and the per-language lexicons, on real capture lines
(file named at each test; published dates as the page or its capture header gives them)."""

from __future__ import annotations

import warnings

import pytest
from conftest import paragraphs_document
from hypothesis import given, settings
from hypothesis import strategies as st

from laoru.events import EventExtractor, NoLexiconWarning, extract_events
from laoru.events.lexicon import load_lexicon
from laoru.model import Document


def _doc(*paragraphs: str, published: str | None = None, language: str | None = None) -> Document:
    return paragraphs_document(*paragraphs, published=published, language=language)


def _who(event) -> set[str]:
    return {p.name for p in event.participants}


def test_russian_meeting_with_inflected_titled_counterpart():
    # 290_kommersant.txt
    doc = _doc("Секретарь Совета безопасности РФ Сергей Шойгу 11 декабря во Вьентьяне встретился с заместителем "
               "премьер-министра, министром общественной безопасности Лаоса Вилаем Лакхамфонгом.",
               published="2025-12-11")
    [meeting] = [e for e in extract_events(doc) if e.type == "meeting"]
    assert "Sergei Shoigu" in _who(meeting)
    assert any("Lakhamfong" in name or "Лакхамфонг" in name for name in _who(meeting))
    assert meeting.start == "2025-12-11" and meeting.place is not None and meeting.place.country == "LAO"


def test_english_meeting_of_people_the_gazetteer_does_not_know():
    # 206_other.txt
    doc = _doc("On December 15, Russian Deputy Defence Minister Anatoly Antonov met Deputy Minister of National "
               "Defence of the Lao People's Democratic Republic Colonel General Chansamone Chanyalath in Moscow.")
    [meeting] = extract_events(doc)
    assert meeting.type == "meeting" and meeting.start == "--12-15"
    assert [p.name for p in meeting.actors] == ["Anatoly Antonov"]
    assert [p.name for p in meeting.counterparts] == ["Chansamone Chanyalath"]


def test_planned_visit_is_not_reported_as_occurred():
    # 313_other.txt
    doc = _doc("Президент Лаосской Народно-Демократической Республики Тхонглун Сисулит посетит Российскую "
               "Федерацию с 8 по 10 мая в рамках рабочего визита.", published="2025-05-05")
    visits = [e for e in extract_events(doc) if e.type == "visit"]
    assert visits and all(e.status == "planned" for e in visits)


def test_invitation_is_not_a_visit():
    # 280_kommersant.txt
    doc = _doc("Премьер также передал российскому лидеру привет от президента своей страны и приглашение "
               "посетить Лаос с визитом.", published="2025-09-04")
    assert not [e for e in extract_events(doc) if e.type == "visit" and e.status == "occurred"]


THIRD_PARTY = ("Shoigu said at a meeting with Vietnamese Defense Minister Phan Van Giang on the sidelines of the "
               "11th Moscow Conference on International Security.")  # 236_tass.txt


def test_third_party_events_are_dropped_by_default_and_kept_behind_the_flag():
    doc = _doc("Laos and Russia are old friends.", THIRD_PARTY, published="2023-08-15")
    assert not [e for e in extract_events(doc) if e.type == "meeting"]
    kept = [e for e in EventExtractor(keep_out_of_scope=True).extract(doc) if e.type == "meeting"]
    assert kept and all(e.in_scope is False for e in kept)
    assert kept[0].to_dict()["in_scope"] is False


def test_language_without_lexicon_gets_no_events_and_a_warning():
    # 210_other.txt is French: no French lexicon is bundled
    doc = _doc("Vladimir Poutine a rencontré Thongloun Sisoulith à Moscou le 31 juillet 2025.", language="fr")
    assert load_lexicon("fr") is None
    with pytest.warns(NoLexiconWarning):
        assert extract_events(doc) == []


def test_every_bundled_lexicon_loads_with_triggers():
    for language in ("en", "ru", "lo"):
        lexicon = load_lexicon(language)
        assert lexicon is not None and lexicon.language == language
        assert any(True for _ in lexicon.triggers)


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(st.one_of(st.sampled_from([THIRD_PARTY, "Путин встретился с Тхонглуном Сисулитом.",
                                                      "Сергей Лавров провел переговоры с министром иностранных "
                                                      "дел Лаоса Салемсаем Коммаситом в среду."]),
                                     st.text(max_size=120)), max_size=5),
       language=st.sampled_from([None, "en", "ru"]))
def test_any_text_is_deterministic_and_its_evidence_slices_the_text(paragraphs, language):
    doc = _doc(*paragraphs, published="2025-07-31", language=language)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoLexiconWarning)
        first, second = extract_events(doc), extract_events(doc)
    assert [e.to_dict() for e in first] == [e.to_dict() for e in second]
    for event in first:
        assert doc.text[event.evidence.start:event.evidence.end] == event.evidence.text


def test_an_unplaced_meeting_takes_the_place_of_the_visitors_visit():
    # 298_other.txt
    doc = _doc("Президент России Владимир Путин 31 июля провел переговоры с лидером Лаоса Тхонглуном Сисулитом, "
               "который прибыл в Москву с официальным визитом.", published="2025-08-01")
    [meeting] = [e for e in extract_events(doc) if e.type == "meeting"]
    assert meeting.start == "2025-07-31"
    assert meeting.place is not None and meeting.place.country == "RUS"
