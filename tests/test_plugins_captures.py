"""Routing and reading of real captures by the Russian outlets' plugins (capture file named in each case)."""

from __future__ import annotations

import pytest
from conftest import SHARED

from laoru import capture_header, parse_text

CAPTURES = SHARED / "captures"


def parse(name: str):
    (doc,) = parse_text((CAPTURES / name).read_text(encoding="utf-8"), source=name)
    return doc


@pytest.mark.parametrize(("name", "outlet"), [
    ("201_tass.txt", "tass"),  # bare story: "KUBINKA /Moscow region/, October 3. /TASS/." dateline
    ("236_tass.txt", "tass"),  # "PATRIOT PARK /Moscow Region/, August 15. /TASS/."
    ("213_interfax.txt", "interfax"),  # "MOSCOW. Jan 10 (Interfax-AVN) - "
    ("294_interfax.txt", "interfax"),  # "Москва. 19 сентября. INTERFAX.RU - "
    ("281_ria.txt", "ria"),  # header URL on ria.ru, and the "4 сен - РИА Новости." dateline
    ("289_ria.txt", "ria"),  # "ВЛАДИВОСТОК, 8 сен – РИА Новости."
    ("304_kommersant.txt", "kommersant"),  # "корреспондент “Ъ”", "Фото: …" credits
    ("290_kommersant.txt", "kommersant"),  # "Выйти из полноэкранного режима", "Фото: …, Коммерсантъ"
    ("226_sputnik.txt", "sputnik"),  # "Sputnik is the general media partner of the forum."
    ("227_sputnik.txt", "sputnik"),  # "Sputnik International"
    ("234_kremlin.txt", "kremlin"),  # "Select font Arial Times New Roman"
    ("297_kremlin.txt", "kremlin"),  # "Выберите шрифт Arial Times New Roman"
    ("256_laotian-times.txt", "laotian-times"),  # the header's weather widget: "28.8 C", "Vientiane"
    ("251_vna.txt", "vna"),  # "Vientiane (VNA)- " dateline, photo alt "… hinh anh 1"
])
def test_bare_captures_route_by_their_marks(name, outlet):
    assert parse(name).outlet == outlet


def test_content_words_alone_do_not_route():
    # 278_other.txt (konturnovosti.com) names Lavrov and the Russian Foreign Ministry: no outlet mark
    assert parse("278_other.txt").outlet == "generic"


@pytest.mark.parametrize("name", ["244_laotian-times.txt", "263_laotian-times.txt"])
def test_a_story_captured_without_its_sites_furniture_is_not_guessed(name):
    # 244: headline and paragraphs only; 263 ends on "Join our Telegram channel …", a prompt many
    # sites print (shared capture chrome), not a mark of The Laotian Times
    assert parse(name).outlet == "generic"


def test_a_page_that_prints_its_own_permalink():
    # 311_other.txt ends "Ссылка на новость: https://kant.kg/2024-10-10/…" and prints no date
    doc = parse("311_other.txt")
    assert doc.url.startswith("https://kant.kg/2024-10-10/")
    assert doc.published == "2024-10-10"
    assert "Ссылка на новость" not in doc.text


def test_ria_capture():
    doc = parse("281_ria.txt")
    assert doc.title == "Премьер Лаоса рассказал, что посещает Россию впервые за 38 лет"
    assert doc.published == "2025-09-04"  # dateline "4 сен", year from the archive's date line
    assert (doc.dateline.place, doc.dateline.date) == ("ВЛАДИВОСТОК", "4 сен")
    assert doc.text.startswith("ВЛАДИВОСТОК, 4 сен - РИА Новости.")
    assert "информационным партнером" not in doc.text


@pytest.mark.parametrize(("name", "opening"), [
    ("293_tass.txt", "ВЬЕНТЬЯН, 19 сентября. /ТАСС/. Торжественная церемония"),
    ("201_tass.txt", "KUBINKA /Moscow region/, October 3. /TASS/. A demining unit"),
    ("295_ria.txt", "МОСКВА, 19 сен - РИА Новости. Торжественное открытие"),
    ("213_interfax.txt", "MOSCOW. Jan 10 (Interfax-AVN) - Russia has delivered"),
    ("245_kpl.txt", "(KPL) President Thongloun Sisoulith has successfully concluded"),
])
def test_wire_body_opens_with_its_dateline_as_printed(name, opening):
    """One convention for every wire outlet, taken from the real tass.ru page (the dateline sits
    inside the first paragraph): the body starts at the dateline or agency credit, which is also
    read into ``dateline`` where it has a place and a day."""
    doc = parse(name)
    assert doc.paragraphs[0].text.startswith(opening)
    assert doc.dateline is not None or name.endswith("_kpl.txt")


def test_ria_date_closing_the_repeated_headline():
    # 295_ria.txt: "Россия и Лаос начали совместные учения - РИА Новости, 19.09.2025"
    assert parse("295_ria.txt").published == "2025-09-19"


def test_yearless_dateline_without_a_full_date_stays_empty():
    # 289_ria.txt: "ВЛАДИВОСТОК, 8 сен – РИА Новости." and no year anywhere
    doc = parse("289_ria.txt")
    assert doc.published is None
    assert any("no year" in w for w in doc.warnings)


def test_interfax_capture():
    doc = parse("213_interfax.txt")
    assert doc.title == "Russia delivers several Yak-130 planes to Laos - Russian source"
    assert doc.published.startswith("2019-01-10")  # "10 Jan 2019 10:02" above the headline
    assert (doc.dateline.place, doc.dateline.date) == ("MOSCOW", "Jan 10")


def test_kommersant_headline_over_its_standfirst():
    doc = parse("304_kommersant.txt")
    assert doc.title == "Друг познается в Лаосе"
    assert "В социалистической республике" not in doc.text  # the standfirst
    assert "Большинство собеседников" not in doc.text  # a caption over "Фото: Пресс-служба МИД России"


def test_kommersant_gallery_chrome_and_credits():
    doc = parse("290_kommersant.txt")
    assert "Выйти из полноэкранного режима" not in doc.text
    assert "Фото: Анатолий Жданов" not in doc.text


def test_sputnik_capture():
    doc = parse("226_sputnik.txt")
    assert doc.title == "Laos Exploring Accession to BRICS - Prime Minister"
    assert doc.published == "2025-09-04T10:29:00+00:00"  # the ISO stamp below the lead
    assert "general media partner" not in doc.text


def test_sputnik_header_clock_is_not_the_date():
    # 232_sputnik.txt: "13:14 21 November 2017" is the time of viewing a 2011 story
    doc = parse("232_sputnik.txt")
    assert doc.outlet == "sputnik" and doc.published is None
    assert doc.title == "Russland und Laos vereinbaren strategische Partnerschaft"


def test_kremlin_settings_and_breadcrumb_are_chrome():
    doc = parse("234_kremlin.txt")
    assert doc.title is None
    assert doc.text.startswith("Vladimir Putin held a meeting")
    assert "Select font" not in doc.text and "Character spacing" not in doc.text


def test_tass_russian_capture_headline_above_standfirst_and_credit():
    # 302_tass.txt: headline, standfirst, dateline
    title = "Лавров: РФ и Лаос хотят сотрудничать в сферах энергетики и горной промышленности"
    assert parse("302_tass.txt").title == title


def test_story_starts_at_the_line_introducing_its_quote():
    # 301_other.txt: "В поздравительной телеграмме говорится:" then the quoted telegram
    assert parse("301_other.txt").paragraphs[0].text == "В поздравительной телеграмме говорится:"


def test_trailing_source_credit_is_cut():
    # 319_other.txt: "… сделают заявление для СМИ. (rbc.ru)"
    assert "(rbc.ru)" not in parse("319_other.txt").text


def test_trailing_agency_code_is_cut():
    # 257_vna.txt: "… président du Laos, ChoummalySayasone. -AVI"
    assert "-AVI" not in parse("257_vna.txt").text


def test_vna_headline_is_the_photo_alt_and_the_alt_line_is_not_body():
    # 251_vna.txt: "Laos y Rusia fomentan cooperacion en defensa nacional hinh anh 1Los ministros
    # Chansamone Chanyalath y Sergei Shoigu (Fuente: mil.ru)", and "Lương Mai Phương VNA" closing
    doc = parse("251_vna.txt")
    assert doc.title == "Laos y Rusia fomentan cooperacion en defensa nacional"
    assert doc.text.startswith("Vientiane (VNA)- Los Ministerios de Laos y Rusia")
    assert "hinh anh" not in doc.text and "Fuente: mil.ru" not in doc.text and "Lương Mai" not in doc.text
    # the last paragraph closes with the agency's code: kept, without the code
    assert doc.paragraphs[-1].text.endswith("en el desarrollo de recursos humanos y la tecnología militar.")


REUTERS_FRAME = ["Kremlin says Laos will be top guest at economic forum, no word on Kim Jong Un", "  • Medium Text",
                 "People sit on a bench on an embankment in Vladivostok",
                 "  • This content was produced in Russia, where the law restricts coverage of Russian military "
                 "operations in Ukraine.", "Sign up here.",
                 "Reporting by Reuters, editing by Mark Trevelyan and Ros Russell"]
"""The frame of another article above the scraped story in 266_other.txt: headline, furniture, credit."""
OTHER_CAPTURES = sorted(path.name for path in CAPTURES.glob("*_other.txt"))


@pytest.mark.parametrize("keep", [1, 5, len(REUTERS_FRAME)])
def test_another_articles_frame_above_a_story_leaves_its_body_alone(keep):
    """A tail of 266's frame that still ends on the credit (the credit alone, the frame without its
    headline, the whole frame) above every capture the generic reader keeps: same paragraphs."""
    frame = "\n".join(REUTERS_FRAME[-keep:]) + "\n"
    for name in OTHER_CAPTURES:
        if name == "266_other.txt":
            continue  # the frame's own page
        _, text = capture_header.read((CAPTURES / name).read_text(encoding="utf-8"))
        (plain,) = parse_text(text, source=name)
        (framed,) = parse_text(frame + text, source=name)
        assert [p.text for p in framed.paragraphs] == [p.text for p in plain.paragraphs], name
