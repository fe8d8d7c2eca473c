"""Headline, printed date and capture chrome, on real capture lines (file named in each case)."""

from __future__ import annotations

import pytest
from conftest import SHARED
from hypothesis import given
from hypothesis import strategies as st

from laoru import capture_header, clean, dates, headline

CAPTURES = SHARED / "captures"


def lines_of(name: str) -> list[str]:
    _, text = capture_header.read((CAPTURES / name).read_text(encoding="utf-8"))
    return [clean.normalise_space(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(("name", "title"), [
    ("213_interfax.txt", "Russia delivers several Yak-130 planes to Laos - Russian source"),  # a date line above
    ("206_other.txt", "Russian Deputy Defence Minister Anatoly Antonov met Deputy Minister of National Defence "
                      "of Laos Colonel General Chansamone Chanyalath"),  # language switcher above
    ("209_other.txt", "Russia intends to establish regular contacts with Laos"),  # site slogan above, date below
    ("212_other.txt", "Ministry of Defence of the Russian Federation: sappers began mission on territory mine "
                      "clearing in Laos"),  # "Show original" below
    ("254_other.txt", "National Day of the Russian Federation"),  # "Title | Site" printed above the title
    ("295_ria.txt", "Россия и Лаос начали совместные учения"),  # printed again with "- РИА Новости, date"
    ("298_other.txt", "Переговоры состоялись в Кремле"),  # date line and photo credit below
    ("275_mfa-ru.txt", "ການພົວພັນ ກັບ ອາຊຽນ"),  # a Lao heading: few spaces
])
def test_headline(name, title):
    assert headline.headline(lines_of(name)) == title


def test_heading_printed_twice_with_and_without_full_stop():
    # 221_other.txt prints the heading, then the same words closed by a full stop as the lead
    lines = lines_of("221_other.txt")
    assert headline.headline_index(lines) == 0


@pytest.mark.parametrize("name", ["201_tass.txt", "207_tass.txt", "200_sputnik.txt"])
def test_no_headline_when_the_capture_opens_with_the_body(name):
    assert headline.headline(lines_of(name)) is None


@pytest.mark.parametrize(("line", "value"), [
    ("10 Jan 2019 10:02", "2019-01-10"),  # 213_interfax.txt
    ("2025-09-04T10:29+0000", "2025-09-04T10:29:00+00:00"),  # 226_sputnik.txt
    ("04.08.2022 ТАСС 107 просмотров", "2022-08-04"),  # 209_other.txt
    ("11.11.2021 (23:15)", "2021-11-11"),  # 292_other.txt
    ("Четверг 31 июля 2025, 18:16", "2025-07-31"),  # 319_other.txt
    ("Fri 02nd October 2020", "2020-10-02"),  # 222_other.txt
    ("15-01-2019, 14:52", "2019-01-15"),  # 315_other.txt
    ("10:15 | 21 января 2020 года, вторник", "2020-01-21"),  # 312_other.txt
    ("Россия и Лаос начали совместные учения - РИА Новости, 19.09.2025", "2025-09-19"),  # 295_ria.txt
    ("от 22 июля 2024 г. N 1953-р", "2024-07-22"),  # 308_other.txt
    ("August 24, 15:47 UTC+3 MOSCOW", "--08-24"),  # 229_tass.txt: yearless, resolved elsewhere
])
def test_printed_date(line, value):
    assert dates.printed_date(line).value == value


def test_a_date_in_prose_is_not_a_printed_date():
    # 216_tass.txt
    assert dates.printed_date("Laos recorded its first coronavirus cases on March 24, 2020.") is None


def test_a_header_clock_above_the_headline_is_not_the_story_date():
    # 232_sputnik.txt: "13:14 21 November 2017" (render time) above the site name on a 2011 story
    lines = lines_of("232_sputnik.txt")
    lead = headline.lead_index(lines)
    assert headline.printed_published(lines, headline.headline_index(lines, lead), lead) is None


def test_a_site_calendar_above_the_headline_is_not_the_story_date():
    # 249_laotian-times.txt: "Sunday, February 16, 2025" in the site header
    lines = lines_of("249_laotian-times.txt")
    lead = headline.lead_index(lines)
    assert headline.printed_published(lines, headline.headline_index(lines, lead), lead) is None


def test_date_line_above_the_headline_is_the_story_date():
    lines = lines_of("213_interfax.txt")
    lead = headline.lead_index(lines)
    assert headline.printed_published(lines, headline.headline_index(lines, lead), lead) == "2019-01-10"


@pytest.mark.parametrize("line", [
    "RU | ENG | 中文",  # 206_other.txt
    "EN|FR|RU",  # 230_other.txt
    "Show original",  # 212_other.txt
    "Read more ...",  # 242_mfa-la.txt
    "Подписывайтесь на НСН: Новости | Дзен | VK | Telegram",  # 286_other.txt
    "Join our Telegram channel to receive our regular news updates.",  # 263_laotian-times.txt
    "Читать этот материал в источнике",  # 316_other.txt
    "Еще новости >>>",  # 316_other.txt
    "Tекст: Ольга Иванова",  # 299_other.txt (Latin T)
    "Источник: РИА Новости",  # 283_other.txt
    "Follow Sputnik’s live feed to learn more!",  # 227_sputnik.txt
    "Перейти в медиабанк",  # 289_ria.txt
])
def test_capture_boilerplate(line):
    assert clean.is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Секретарь Совета безопасности РФ Сергей Шойгу © Дмитрий Астахов/ POOL/ ТАСС",  # 288_tass.txt
    "Фото: Анатолий Жданов, Коммерсантъ",  # 287_kommersant.txt
    "Владимир Путин и Тхонглун Сисулит / Фото: kremlin.ru",  # 298_other.txt
    "Russian President Vladimir Putin guides President Thongloun Sisoulith to his seat at the table. "
    "--Photo MOFA |",  # 272_vientiane-times.txt
    "Russian Foreign Minister Sergey Lavrov and Laos Foreign Minister Thongsavanh Phomvihane shake hands "
    "during a joint news conference in Moscow on June 26. [Alexander Zemlianichenko/Pool/AFP]",  # 278_other.txt
])
def test_capture_captions(line):
    assert clean.is_caption(line)


def test_a_body_paragraph_is_neither():
    # 201_tass.txt
    line = "According to the Russian general, the unit’s mission will last until March 2019."
    assert not clean.is_caption(line) and not clean.is_boilerplate(line) and not headline.is_chrome(line)


@pytest.mark.parametrize("line", [
    "The minister presented the image of a new partnership between the two countries.",
    "0 0 0 0 0 0 0 0 CREDIT.",  # found by test_properties: prose ending on the word "credit"
    "Photo exhibitions about the history of the friendship were held in both capitals this year.",
])
def test_prose_ending_on_a_credit_word_is_not_a_caption(line):
    assert not clean.is_caption(line)


def test_a_short_credit_after_a_caption_sentence_is_a_caption():
    # examples/data/002 (RFA): "... June 27, 2023. Credit: : Tran Viet Duc/RFA"
    assert clean.is_caption("Farmers work in a rice field in Xieng Khouang, Laos, June 27, 2023. "
                            "Credit: : Tran Viet Duc/RFA")


def test_a_title_cut_short_and_printed_three_times_is_the_headline():
    # 224_other.txt: the teaser title "… historical ties and.." printed three times at the top
    lines = lines_of("224_other.txt")
    assert headline.headline_index(lines) == 0 and lines[0].endswith("and..")


def test_emoji_variation_selectors_are_not_part_of_the_title():
    # 221_other.txt: a body line starts with a stray U+FE0F where the site stripped an emoji
    (line,) = [text for text in lines_of("221_other.txt") if text.startswith("\ufe0f")]
    assert headline.title_text(line).startswith("Am 31. Juli")


def test_story_framed_by_another_articles_credit_and_promos():
    # 266_other.txt: a Reuters article frame (its headline, "• Medium Text", a photo caption,
    # "Reporting by Reuters, editing by …", picture promos), then the story that was scraped into it
    lines = lines_of("266_other.txt")
    floor = headline.story_floor(lines)
    assert lines[floor - 1].startswith("Reporting by Reuters, editing by")
    assert lines[headline.lead_index(lines)].startswith("Visiting President Thongloun Sisoulith")
    assert headline.headline(lines) == "Lao, Russian presidents hold talks on bilateral ties"


def test_a_story_whose_own_credit_closes_it_keeps_its_top_headline():
    # the credit is only an earlier article's end when no paragraph stands above it
    lines = ["Kremlin says Laos will be top guest at economic forum",
             "Russia's president will host the Lao prime minister at the forum in Vladivostok, the Kremlin said.",
             "Reporting by Reuters, editing by Mark Trevelyan and Ros Russell"]
    assert headline.story_floor(lines) == 0
    assert headline.headline(lines) == "Kremlin says Laos will be top guest at economic forum"


def test_a_headline_in_capitals_over_several_lines_is_joined():
    # 308_other.txt: a government order's subject printed in capitals over five lines
    assert headline.headline(lines_of("308_other.txt")) == (
        "О ПОДПИСАНИИ СОГЛАШЕНИЯ МЕЖДУ ПРАВИТЕЛЬСТВОМ РОССИЙСКОЙ ФЕДЕРАЦИИ И ПРАВИТЕЛЬСТВОМ ЛАОССКОЙ "
        "НАРОДНО-ДЕМОКРАТИЧЕСКОЙ РЕСПУБЛИКИ О СОТРУДНИЧЕСТВЕ В ОБЛАСТИ ОБЕСПЕЧЕНИЯ БЕЗОПАСНОСТИ В СФЕРЕ "
        "ИСПОЛЬЗОВАНИЯ ИНФОРМАЦИОННО-КОММУНИКАЦИОННЫХ ТЕХНОЛОГИЙ")


@given(st.lists(st.text(alphabet=st.characters(categories=("L", "Zs", "P")), min_size=1, max_size=60),
                min_size=1, max_size=8))
def test_joined_headline_starts_with_its_line_and_never_passes_the_lead(lines):
    lines = [clean.normalise_space(text) or "-" for text in lines]
    lead = headline.lead_index(lines)
    index = headline.headline_index(lines, lead)
    if index is None:
        return
    stop = max(index + 1, lead if lead is not None else len(lines))
    joins = [headline.title_text(" ".join(lines[index:end])) for end in range(index + 1, stop + 1)]
    assert headline.headline_text(lines, index, lead) in joins  # its own line, then lines above the lead only
