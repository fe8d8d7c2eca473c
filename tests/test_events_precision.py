"""What the extractor reports must be right: parties, dates, places, status, scope, one event per act.

Sentences are real lines of ../shared/captures (the file is named at each test)."""

from __future__ import annotations

import pytest
from conftest import SHARED, paragraphs_document
from hypothesis import given, settings
from hypothesis import strategies as st

import laoru
from laoru.events import EventExtractor, extract_events
from laoru.events.gazetteer import default_gazetteer
from laoru.events.mentions import distinct, parties
from laoru.events.when import Resolved, body_dateline, dateline_day, find_dates, resolve
from laoru.model import Dateline, Document

GAZ = default_gazetteer()
CAPTURES = SHARED / "captures"


def test_an_organisation_of_a_named_member_is_not_a_party_of_its_own():
    # 283_other.txt
    text = ("Секретарь Совета Безопасности России Сергей Шойгу прибыл с рабочим визитом в Лаосскую "
            "Народно-Демократическую Республику")
    named = [m.value for m in GAZ.find(text) if m.value.kind in ("person", "org")]
    assert {e.id for e in named} >= {"shoigu", "security_council_rus"}
    assert [e.id for e in parties(named)] == ["shoigu"]
    assert [e.id for e in distinct(named + named)] == [e.id for e in named]


# -- helpers: real captures parsed as a user would, or real capture lines as documents ----------------------

def _capture_events(name: str) -> list:
    """The events of one real capture, parsed through the plugins (its dateline and published found)."""
    [doc] = list(laoru.parse_paths([str(CAPTURES / name)]))
    return extract_events(doc)


def _doc(*paragraphs: str, published: str | None = None, dateline: Dateline | None = None) -> Document:
    return paragraphs_document(*paragraphs, published=published, dateline=dateline)


def _names(event) -> set[str]:
    return {p.name for p in event.participants}


# -- time: the lead's news, ranges, end bounds, month adjectives, named years ----------------------------------

def test_the_lead_act_told_without_a_date_is_dated_by_the_publication_month():
    # 280_kommersant.txt, first line (capture header: date 2025-09-04)
    doc = _doc("Президент России Владимир Путин встретился с премьер-министром Лаоса Сонсаем Сипхандоном.",
               published="2025-09-04")
    [meeting] = [e for e in extract_events(doc) if e.type == "meeting"]
    assert (meeting.start, meeting.end) == ("2025-09", None)  # month precision: a bound, not a guessed day
    assert meeting.date_basis == "the lead's act, in the month of publication"


def test_a_later_undated_act_is_not_dated_by_the_publication():
    # 280_kommersant.txt: the same meeting, then the Lao premier's earlier studies (not news of the day)
    doc = _doc("Текст без события.",
               "Президент России Владимир Путин встретился с премьер-министром Лаоса Сонсаем Сипхандоном.",
               published="2025-09-04")
    assert all(e.start is None for e in extract_events(doc))


def test_the_lead_act_of_a_wire_story_is_on_its_dateline_day_and_one_exercise_is_one_event():
    # 293_tass.txt: "ВЬЕНТЬЯН, 19 сентября. /ТАСС/. Торжественная церемония открытия учений "Ларос-2025"
    # состоялась в Лаосской Народно-Демократической Республике." ... "продлятся до 25 сентября текущего года"
    exercises = [e for e in _capture_events("293_tass.txt") if e.type == "exercise"]
    assert len(exercises) == 1
    [exercise] = exercises
    assert (exercise.start, exercise.end) == ("2025-09-19", "2025-09-25")
    assert exercise.place is not None and exercise.place.country == "LAO"


def test_a_yearless_dateline_gives_a_yearless_day():
    # 283_other.txt, first line; the dateline as the page prints it (no year, no publication date)
    doc = _doc("ВЬЕНТЬЯН (Лаос), 10 дек -. Секретарь Совета Безопасности России Сергей Шойгу прибыл с рабочим "
               "визитом в Лаосскую Народно-Демократическую Республику, передаёт корреспондент.",
               dateline=Dateline(place="ВЬЕНТЬЯН (Лаос)", date="10 дек"))
    [visit] = [e for e in extract_events(doc) if e.type == "visit"]
    assert visit.start == "--12-10" and visit.place is not None and visit.place.country == "LAO"


@pytest.mark.parametrize(("text", "start", "end", "until"), [
    ("посетит Российскую Федерацию с 8 по 10 мая в рамках рабочего визита", "--05-08", "--05-10", False),  # 313
    ("учения пройдут с 10 по 19 декабря на полигоне Бан Пэн в Лаосе", "--12-10", "--12-19", False),  # 296
    ("продлятся до 25 сентября текущего года", "--09-25", "--09-25", True),  # 293
    ("will last until March 2019", "2019-03", None, True),  # 201
    ("в ходе июльской встречи с президентом РФ Владимиром Путиным", "--07", None, False),  # 287
    ("In operation from October 2019 to March 2023 the Russian engineers", "2019-10", "2023-03", False),  # 277
])
def test_russian_ranges_end_bounds_and_month_adjectives(text, start, end, until):
    [mention] = find_dates(text)
    assert (mention.start, mention.end, mention.until) == (start, end, until)


def test_an_end_bound_is_only_an_end():
    [mention] = find_dates("продлятся до 25 сентября текущего года")  # 293_tass.txt
    assert resolve(mention, "2025-09-19") == Resolved(None, "2025-09-25", ())


def test_the_year_in_the_name_of_the_event_dates_its_yearless_days():
    # 296_other.txt (no publication date on the page)
    doc = _doc("Первые совместные российско-лаосские учения танковых подразделений «Ларос-2019» пройдут с 10 по "
               "19 декабря на полигоне Бан Пэн в Лаосе.")
    [exercise] = extract_events(doc)
    assert (exercise.start, exercise.end, exercise.status) == ("2019-12-10", "2019-12-19", "planned")
    assert exercise.place is not None and exercise.place.country == "LAO"


@given(st.text(max_size=40), st.text(max_size=12))
@settings(max_examples=150, deadline=None)
def test_a_dateline_day_is_a_day_or_nothing(dateline, published):
    day = dateline_day(published or None, dateline or None)
    assert day is None or len(day) == 10 or (day.startswith("--") and len(day) == 7)


# -- one act, one event -------------------------------------------------------------------------------------

def test_the_news_and_the_press_service_quote_of_it_are_one_aid_event():
    # 216_tass.txt: the lead ("airlifted 30,000 doses ... to Laos on Wednesday") and the quote ("On September 22,
    # a special flight of the Russian Emergencies Ministry delivered about 30,000 doses ...")
    [aid] = [e for e in _capture_events("216_tass.txt") if e.type == "aid"]
    assert aid.start == "2021-09-22" and aid.place is not None and aid.place.country == "LAO"


def test_an_event_noun_with_a_future_predicate_is_planned_and_a_bare_reference_joins_it():
    # 204_tass.txt, lines 1 and 3
    exercises = [e for e in _capture_events("204_tass.txt") if e.type == "exercise"]
    planned = [e for e in exercises if e.status == "planned"]
    assert len(planned) == 1 and planned[0].start == "2025"
    assert not any(e.start is None for e in exercises)  # "the exercises are aimed at ..." is no event of its own


def test_the_inviter_is_the_host_of_a_visit_not_its_visitor():
    # 272_vientiane-times.txt
    doc = _doc("President Thongloun and his delegation, in response to an invitation from President Putin, paid a "
               "working visit to Russia on May 8-10, during which the Lao leader attended the Victory Day parade in "
               "Moscow.", published="2024-05-13")
    [visit] = [e for e in extract_events(doc) if e.type == "visit"]
    assert [p.name for p in visit.actors] == ["Thongloun Sisoulith"]
    assert [p.name for p in visit.counterparts] == ["Vladimir Putin"]
    assert (visit.start, visit.end) == ("2024-05-08", "2024-05-10")


def test_on_the_eve_of_a_visit_between_two_dates_is_a_planned_visit_over_that_range():
    # 225_tass.txt (dateline HANOI, July 29; capture header date 2025-07-29)
    doc = _doc("Laos and Russia support each other on multilateral platforms and share similar views on many issues, "
               "President of the Lao People’s Democratic Republic Thongloun Sisoulith told TASS in an exclusive "
               "interview on the eve of his official visit to Russia between July 30 and August 1.",
               published="2025-07-29")
    [visit] = [e for e in extract_events(doc) if e.type == "visit"]
    assert (visit.status, visit.start, visit.end) == ("planned", "2025-07-30", "2025-08-01")


# -- where -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("capture", "text", "country"), [
    ("304_kommersant.txt", "Глава МИД РФ Сергей Лавров в среду посетил столицу Лаоса Вьентьян, где провел переговоры "
                           "с представителями руководства страны.", "LAO"),
    ("299_other.txt", "В июле в Москву с визитом приезжал президент Лаоса Тхонглун Сисулит, где стороны подписали "
                      "восемь двусторонних соглашений в различных сферах.", "RUS"),
    ("269_other.txt", "Ms Matvienko was in Laos to attend the 35th General Assembly of the Asean Inter-Parliamentary "
                      "Assembly (AIPA). She also paid an official goodwill visit to the country on this occasion in "
                      "response to an invitation from her Lao counterpart Ms Pany Yathotou.", "LAO"),
])
def test_a_visit_goes_to_its_object_or_destination_not_to_a_nationality(capture, text, country):
    visits = [e for e in extract_events(_doc(text)) if e.type == "visit"]
    assert visits and visits[-1].place is not None and visits[-1].place.country == country, capture


def test_a_country_adjective_is_no_place():
    # 241_other.txt: the guest's nationality is not where the visit went
    doc = _doc("Russian President Dmitry Medvedev hosted his Lao counterpart Choummaly Sayasone for talks focused on "
               "bilateral trade, telecommunications and hydroelectric power Thursday in the Kremlin.")
    assert all(e.place is None or e.place.country != "LAO" for e in extract_events(doc))
    # 296_other.txt: "российско-лаосских" is the first half of a compound adjective, "в Лаосе" the place
    doc = _doc("«Танковые подразделения ВВО будут участвовать в российско-лаосских учениях, которые впервые пройдут "
               "в Лаосе с 10 по 19 декабря на полигоне Бан Пэн в районе населенного пункта Пхугут")
    [exercise] = extract_events(doc)
    assert exercise.place is not None and exercise.place.country == "LAO" and exercise.status == "planned"


# -- status and what is an act -----------------------------------------------------------------------------

def test_looking_into_the_possibility_is_not_a_delivery():
    # 215_tass.txt (its gold lists this delivery among the negative events)
    doc = _doc("Moscow is looking into the possibility of delivering a certain amount of Russia’s Sputnik V "
               "anti-coronavirus vaccine to Laos free of charge, as humanitarian assistance, Russian Foreign "
               "Minister Sergey Lavrov told reporters after talks with his Laotian counterpart Saleumxay Kommasith.")
    assert all(e.status != "occurred" for e in extract_events(doc) if e.type == "aid")


def test_could_not_come_is_not_an_occurrence():
    # 298_other.txt
    doc = _doc("Президент России Владимир Путин провел переговоры с лидером Лаоса Тхонглуном Сисулитом.",
               "Сисулит высказался по поводу празднования победы в Великой Отечественной войне и выразил сожаление, "
               "что не смог приехать на парад.")
    assert all(e.status != "occurred" for e in extract_events(doc) if e.type == "commemoration")


def test_an_undated_habit_is_no_event_a_dated_series_is_ongoing():
    # 247_laotian-times.txt
    doc = _doc("Russia is one of the largest providers of scholarships to Lao students, as well as engaging closely "
               "with the Lao military and conducting the annual Laros joint military exercises.")
    assert not [e for e in extract_events(doc) if e.type == "exercise"]
    # 204_tass.txt, lines 1 and 5 (capture header 2025-07-17)
    doc = _doc("Laros-2025, a joint Russian-Laotian military exercise will be held in late 2025 on the territory of "
               "the the Lao People's Democratic Republic (LPDR), the Voice of Vietnam radio station reported citing "
               "the LNDR defense ministry.",
               "The Laros military exercise has been held since 2019 at training grounds in the two countries.",
               published="2025-07-17")
    [series] = [e for e in extract_events(doc) if e.type == "exercise" and e.status != "planned"]
    assert (series.status, series.start) == ("ongoing", "2019")


@pytest.mark.parametrize(("capture", "text"), [
    ("250_other.txt", "This was Thongloun's first visit to Russia since taking office as president and also marks the "
                      "65th anniversary of the establishment of diplomatic relations between Laos and Russia."),
    ("272_vientiane-times.txt", "As the two nations marked the 30th anniversary of the treaty, President Putin noted "
                                "that Russia and Laos last year witnessed an increase in two-way trade and economic "
                                "relations, even if this has been quite modest so far, with a 12 percent increase."),
])
def test_an_occasion_or_a_circumstance_is_no_commemoration(capture, text):
    assert not [e for e in extract_events(_doc(text)) if e.type == "commemoration"], capture


def test_a_transfer_under_military_technical_cooperation_is_trade_not_aid():
    # 316_other.txt (item dated 09.01.2019)
    doc = _doc("Министерство обороны Лаосской Народно-Демократической Республики в рамках военно-технического "
               "сотрудничества передало российскому военному ведомству 30 танков Т-34 в полностью исправном "
               "состоянии, сообщили в Минобороны России.", published="2019-01-09")
    types = {e.type for e in extract_events(doc)}
    assert "other" in types and "aid" not in types


def test_a_third_state_giving_to_laos_is_out_of_scope():
    # 241_other.txt, in a page about Choummaly Sayasone's visit to Russia
    doc = _doc("Russian President Dmitry Medvedev hosted his Lao counterpart Choummaly Sayasone for talks.",
               "China has given Laos a donation of $30,000 to help ease the suffering of victims of two major "
               "tropical storms.")
    assert not [e for e in extract_events(doc) if e.type == "aid"]
    kept = [e for e in EventExtractor(keep_out_of_scope=True).extract(doc) if e.type == "aid"]
    assert kept and not kept[0].in_scope


def test_a_visit_told_with_its_visitors_dated_act_is_in_that_acts_month():
    # 298_other.txt (page dated 2025-08-01)
    doc = _doc("Президент России Владимир Путин 31 июля провел переговоры с лидером Лаоса Тхонглуном Сисулитом, "
               "который прибыл в Москву с официальным визитом, сообщают «Ведомости».", published="2025-08-01")
    [visit] = [e for e in extract_events(doc) if e.type == "visit"]
    assert (visit.start, visit.end) == ("2025-07", None)
    assert visit.place is not None and visit.place.country == "RUS"


def test_a_dateline_printed_at_the_start_of_the_body_dates_and_places_the_lead():
    # 283_other.txt as parsed: the page gives no dateline apart, the body opens with it
    doc = _doc("ВЬЕНТЬЯН (Лаос), 10 дек -. Секретарь Совета Безопасности России Сергей Шойгу прибыл с рабочим "
               "визитом в Лаосскую Народно-Демократическую Республику, передаёт корреспондент.")
    [visit] = [e for e in extract_events(doc) if e.type == "visit"]
    assert visit.start == "--12-10" and visit.place is not None and visit.place.country == "LAO"


@pytest.mark.parametrize(("text", "dateline"), [
    ("ВЬЕНТЬЯН (Лаос), 10 дек -. Секретарь Совета Безопасности", ("ВЬЕНТЬЯН (Лаос)", "10 дек")),  # 283
    ("МОСКВА, 31 июл - ПРАЙМ. Президент России Владимир Путин", ("МОСКВА", "31 июл")),  # 282
    ("VIENTIANE, May 23. /TASS/. Russian Security Council", ("VIENTIANE", "May 23")),  # seed 002-tass
    ("KPL President Thongloun Sisoulith has successfully concluded", None),  # 245: a credit, no date
])
def test_body_dateline(text, dateline):
    assert body_dateline(text) == dateline


def test_a_visit_named_after_its_trigger_has_its_visitor_as_actor_and_the_page_news_dates_it():
    # 319_other.txt (item timed 31 July 2025): the lead (the gift accepted at the talks), then the arrival
    doc = _doc("Президент России Владимир Путин с готовностью принял подарок от президента Лаоса Тхонглуна "
               "Сисулита, который решил передать России «пару слонов» в честь 65-летия установления дипотношений "
               "между странами.", "Сисулит прибыл в Россию с официальным визитом.", published="2025-07-31")
    [visit] = [e for e in extract_events(doc) if e.type == "visit"]
    assert [p.name for p in visit.actors] == ["Thongloun Sisoulith"] and visit.start == "2025-07"
    # 299_other.txt: "В июле в Москву с визитом приезжал президент Лаоса Тхонглун Сисулит"
    doc = _doc("В июле в Москву с визитом приезжал президент Лаоса Тхонглун Сисулит, где стороны подписали восемь "
               "двусторонних соглашений в различных сферах.", published="2025-09-08")
    [visit] = [e for e in extract_events(doc) if e.type == "visit"]
    assert [p.name for p in visit.actors] == ["Thongloun Sisoulith"] and visit.start == "2025-07"


def test_the_city_named_in_the_locative_places_the_act():
    # 294_interfax.txt (dateline Москва, 19 сентября: the report's place, not the exercise's)
    doc = _doc("Москва. 19 сентября. INTERFAX.RU - Церемония открытия российско-лаосских военных учений "
               "\"Ларос-2025\" прошла в столице республики городе Вьентьяне, сообщает министерство обороны РФ.",
               published="2025-09-19", dateline=Dateline(place="Москва", date="19 сентября"))
    [exercise] = [e for e in extract_events(doc) if e.type == "exercise"]
    assert exercise.place is not None and exercise.place.country == "LAO" and exercise.start == "2025-09-19"


def test_the_meeting_was_attended_by_joins_the_meeting():
    # 234_kremlin.txt, first two paragraphs
    doc = _doc("Vladimir Putin held a meeting with President of the Lao People's Democratic Republic Thongloun "
               "Sisoulith on the sidelines of the BRICS Summit.",
               "On the Russian side, the meeting was attended by Foreign Minister Sergei Lavrov, Deputy Prime "
               "Minister Alexei Overchuk, Presidential Aide Yury Ushakov, Minister of Transport Roman Starovoit, and "
               "Minister of Energy Sergei Tsivilev.")
    [meeting] = [e for e in extract_events(doc) if e.type == "meeting"]
    assert {"Vladimir Putin", "Thongloun Sisoulith", "Sergey Lavrov"} <= _names(meeting)


def test_the_states_signing_is_the_signing_of_their_presidents():
    # 241_other.txt
    doc = _doc("Russia and Laos have signed several agreements and a declaration on strategic partnership during the "
               "Lao president’s first official visit to Moscow.",
               "Russian President Dmitry Medvedev hosted his Lao counterpart Choummaly Sayasone for talks focused on "
               "bilateral trade, telecommunications and hydroelectric power Thursday in the Kremlin.",
               "Following the talks, the two presidents signed the declaration […]")
    [signing] = [e for e in extract_events(doc) if e.type == "agreement"]
    assert {"Dmitry Medvedev", "Choummaly Sayasone"} <= _names(signing)


def test_an_undated_mention_of_the_documents_exercise_is_that_exercise():
    # 296_other.txt, line 2 ("… которые впервые пройдут в Лаосе … На период учения армия Лаоса предоставит …")
    doc = _doc("«Танковые подразделения ВВО будут участвовать в российско-лаосских учениях, которые впервые пройдут "
               "в Лаосе с 10 по 19 декабря на полигоне Бан Пэн в районе населенного пункта Пхугут <…> На период "
               "учения армия Лаоса предоставит российским военнослужащим свое вооружение и военную технику»")
    [exercise] = [e for e in extract_events(doc) if e.type == "exercise"]
    assert exercise.status == "planned" and (exercise.start, exercise.end) == ("--12-10", "--12-19")


def test_the_same_people_then_is_the_day_of_their_meeting_inside_a_visit_dated_by_month():
    # 298_other.txt, lines 1 and 3 (page dated 2025-08-01)
    doc = _doc("Президент России Владимир Путин 31 июля провел переговоры с лидером Лаоса Тхонглуном Сисулитом, "
               "который прибыл в Москву с официальным визитом, сообщают «Ведомости».",
               "Затем, по случаю 65-летия дипломатических отношений между государствами, Сисулит подарил Путину "
               "двух слонов, которых он попросил разместить в Санкт-Петербурге - в городе, где учился.",
               published="2025-08-01")
    [meeting] = [e for e in extract_events(doc) if e.type == "meeting"]
    later = [e for e in extract_events(doc) if e.type not in ("meeting", "visit")]
    assert meeting.start == "2025-07-31" and later and all(e.start == "2025-07-31" for e in later)
