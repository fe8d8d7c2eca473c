"""Capture headers: the archive's ``date`` line and clipping tools' ``Key: value`` lines."""

from __future__ import annotations

from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from laoru import capture_header, parse_text
from laoru.page import Page

CAPTURES = SHARED / "captures"


def capture(name: str) -> str:
    return (CAPTURES / name).read_text(encoding="utf-8")


def test_archive_date_run_on_with_the_first_line():
    # 201_tass.txt: " date 2018-10-03 KUBINKA /Moscow region/, October 3. /TASS/. A demining unit …"
    header, rest = capture_header.read(capture("201_tass.txt"))
    assert header is not None and header.published == "2018-10-03"
    assert rest.startswith("KUBINKA /Moscow region/, October 3. /TASS/.")


def test_archive_date_with_url():
    # 281_ria.txt: " date 2025-09-04 https://ria.ru/20250904/laos-2039712283.html"
    header, rest = capture_header.read(capture("281_ria.txt"))
    assert header.published == "2025-09-04"
    assert header.url == "https://ria.ru/20250904/laos-2039712283.html"
    assert "ria.ru/2025" not in rest


def test_month_precision_is_kept():
    header, _ = capture_header.read(" date 2024-02 \nText of the page.\n")
    assert header.published == "2024-02"


def test_key_value_block():
    text = "Title: Россия и Лаос начали совместные учения\nURL: https://ria.ru/20250919/laos-2042876674.html\n" \
           "Date: 2025-09-19\n\nТекст.\n"
    header, rest = capture_header.read(text)
    assert (header.title, header.published) == ("Россия и Лаос начали совместные учения", "2025-09-19")
    assert header.url.startswith("https://ria.ru/")
    assert rest.strip() == "Текст."


def test_source_name_is_not_a_url():
    header, _ = capture_header.read("Source: Lao News Agency\nVientiane …\n")
    assert header.source == "Lao News Agency" and header.url is None


def test_no_header():
    # 213_interfax.txt opens with the page's own date line, which is page text
    text = capture("213_interfax.txt")
    assert capture_header.read(text) == (None, text)


def test_header_date_fills_published_and_never_reaches_the_body():
    (doc,) = parse_text(capture("280_kommersant.txt"), source="280_kommersant.txt")
    assert doc.published == "2025-09-04"
    assert doc.metadata["published_from"] == "capture_header"
    assert doc.metadata["capture_header"]["published"] == "2025-09-04"
    assert all("date 2025" not in p.text for p in doc.paragraphs)


def test_printed_yearless_date_takes_the_header_year_and_wins():
    # 288_tass.txt: header says 2025-12-10, the dateline prints "11 декабря": the page wins
    (doc,) = parse_text(capture("288_tass.txt"), source="288_tass.txt")
    assert doc.published == "2025-12-11"
    assert doc.metadata["published_from"] == "page+capture_header"


def test_header_url_routes_by_domain():
    text = "URL: https://tass.com/politics/1\n\n" + capture("207_tass.txt")
    (doc,) = parse_text(text, source="207_tass.txt")
    assert doc.url == "https://tass.com/politics/1"
    assert doc.metadata["route"]["by"] == "domain"


def test_html_pages_are_left_alone():
    page = Page.from_text("<html><body><p>date 2025-01-01</p></body></html>")
    assert capture_header.detach(page) is page


HEADER_LINES = st.lists(st.one_of(
    st.dates().map(lambda d: f" date {d.isoformat()} "),
    st.dates().map(lambda d: f"Date: {d.isoformat()}"),
    st.sampled_from(["Title: Laos and Russia", "Source: a reader's clipping", "Title: Лаос и Россия"]),
), min_size=1, max_size=4)


@settings(max_examples=25, deadline=None)
@given(header=HEADER_LINES,
       name=st.sampled_from(["207_tass.txt", "213_interfax.txt", "245_kpl.txt", "304_kommersant.txt"]))
def test_any_header_prepended_gives_the_same_body(header, name):
    text = capture(name)
    plain = [d.paragraphs for d in parse_text(text, source=name)]
    headed = [d.paragraphs for d in parse_text("\n".join(header) + "\n" + text, source=name)]
    assert headed == plain
