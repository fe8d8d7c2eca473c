"""Text layouts owned here (Vientiane Times, Laotian Times, KPL, generic) on small real-shaped captures."""

from __future__ import annotations

import laoru

VT_BODY = ("Visiting President Thongloun Sisoulith and his Russian counterpart Vladimir Putin have hailed "
           "the growing healthy Lao-Russian relations.")


def parse_one(text: str, **kwargs) -> laoru.Document:
    (document,) = laoru.parse_text(text, **kwargs)
    return document


def test_vientiane_times_byline_at_the_end_gives_author_and_date():
    doc = parse_one(f"Home\nLaw and Crime\nLao, Russian presidents hold talks\n{VT_BODY}\n"
                    "By Souksakhone Vaenkeo   (Latest Update May 13, 2024 )\n  • Health & Environment\n")
    assert doc.outlet == "vientiane-times"
    assert (doc.title, doc.published, doc.authors) == ("Lao, Russian presidents hold talks", "2024-05-13",
                                                       ("Souksakhone Vaenkeo",))
    assert [p.text for p in doc.paragraphs] == [VT_BODY]


def test_vientiane_times_two_authors():
    doc = parse_one(f"Title line\n{VT_BODY}\nBy Somsack Pongkhao and Phetsamone Xayasone (Latest Update "
                    "June 3, 2025)\n", outlet="vientiane-times")
    assert doc.authors == ("Somsack Pongkhao", "Phetsamone Xayasone") and doc.published == "2025-06-03"


def test_laotian_times_header_strip_is_neither_title_nor_body():
    doc = parse_one("The Laotian Times\nAnother story's headline\nThailand, european union fund things in laos, "
                    "opinion: a movie, thaksin indicted in thailand.\nLao President Thongloun met Putin in "
                    "Moscow on 9 May.\n  • bilateral relations\n  • Vladimir Putin\nLatest article\n")
    assert doc.outlet == "laotian-times"
    assert doc.title is None and any("headline" in w for w in doc.warnings)
    assert [p.text for p in doc.paragraphs] == ["Lao President Thongloun met Putin in Moscow on 9 May."]
    assert doc.tags == ("bilateral relations", "Vladimir Putin")


def test_laotian_times_headline_right_above_the_body_is_the_title():
    doc = parse_one("The Laotian Times\nLaos, Russia Mark 30 Years of Amity\nThe two presidents met in "
                    "Moscow on 9 May.\n", outlet="laotian-times")
    assert doc.title == "Laos, Russia Mark 30 Years of Amity"


def test_kpl_capture_drops_short_chrome_lines_between_paragraphs():
    doc = parse_one("Laos, Russia enhance bilateral cooperation\nrussia visit laos\n(KPL) Deputy Minister "
                    "Andrey Rudenko visited the Lao PDR on Feb 18-19.\nrussia visit laos\nBoth sides "
                    "discussed cooperation in the past years.\n")
    assert doc.outlet == "kpl" and doc.title == "Laos, Russia enhance bilateral cooperation"
    assert [p.text for p in doc.paragraphs] == [
        "(KPL) Deputy Minister Andrey Rudenko visited the Lao PDR on Feb 18-19.",
        "Both sides discussed cooperation in the past years."]


def test_generic_text_without_a_headline_has_no_title_and_says_so():
    doc = parse_one("(Moscow, 4th) Lao President Thongloun Sisoulith made an official visit to Russia.\n"
                    "Putin expressed his thanks and joked about the elephants he was given.\n")
    assert doc.outlet == "generic" and doc.title is None
    assert doc.dateline is not None and (doc.dateline.place, doc.dateline.date) == ("Moscow", "4th")
    assert any("outlet unknown" in w for w in doc.warnings)


def test_reparsing_the_body_of_a_split_article_is_idempotent(seed):
    """The body of the VT and LT articles of seed 002, parsed again by the same plugin, is unchanged."""
    for document in laoru.parse_path(seed("002"))[:2]:
        again = parse_one(document.text, outlet=document.outlet)
        assert again.text == document.text
