"""Every bundled seed parses to the right Documents: outlet, title, date, authors, dateline, clean body."""

from __future__ import annotations

from pathlib import Path

import pytest

import laoru

CHROME = ("russia visit laos", "Medium Text", "Latest article", "The Laotian Times", "Law and Crime",
          "For more on this topic", "Credit:", "IMAGES", "VIDEO", "COMMENTS", "NEWS TERMINAL", "ຂ່າວ KPL",
          "Lawmakers debate amendments", "Lao students quit school")


@pytest.fixture(scope="module")
def session():
    (path,) = (Path(__file__).resolve().parent.parent / "examples" / "data").glob("002_*.txt")
    return laoru.parse_path(path)


def test_session_capture_gives_one_document_per_article(session):
    assert [d.outlet for d in session] == ["vientiane-times", "laotian-times", "kpl", "rfa", "tass"]
    assert [d.title for d in session] == [
        "Lao, Russian presidents hold talks on bilateral ties",
        None,  # the capture does not show the Laotian Times headline; never another story's
        "Laos, Russia enhance bilateral cooperation",
        "Russia dusts off Soviet-era friendship with Laos",
        "Medvedev discusses Russian-Lao security cooperation in Laos",
    ]


def test_no_chrome_and_no_paragraph_of_another_article_in_any_body(session):
    seen: dict[str, str] = {}
    for document in session:
        for paragraph in document.paragraphs:
            assert not any(chrome in paragraph.text for chrome in CHROME), (document.outlet, paragraph.text)
            assert seen.setdefault(paragraph.text, document.outlet) == document.outlet, "leak"


def test_vientiane_times_article(session):
    vt = session[0]
    assert (vt.published, vt.authors, vt.dateline) == ("2024-05-13", ("Souksakhone Vaenkeo",), None)
    assert len(vt.paragraphs) == 3
    assert vt.paragraphs[0].text.startswith("Visiting President Thongloun Sisoulith")
    assert vt.paragraphs[-1].text.endswith("the Lao Ministry of Foreign Affairs said in a press release.")
    assert any("lines 1–25" in w for w in vt.warnings), "the Reuters teaser is dropped as chrome, with a warning"


def test_laotian_times_article(session):
    lt = session[1]
    assert lt.title is None and any("headline" in w for w in lt.warnings)
    assert lt.tags == ("bilateral relations", "Diplomatic Relations", "President Thongloun",
                       "Thongloun Sisoulith", "Vladimir Putin")
    assert len(lt.paragraphs) == 6
    assert lt.paragraphs[0].text.startswith("Lao President Thongloun Sisoulith met with Russian President")
    assert not any("Lao Communities" in p.text or "grandma" in p.text for p in lt.paragraphs)


def test_kpl_article_with_its_related_list(session):
    kpl = session[2]
    assert kpl.published is None and kpl.authors == ()
    assert len(kpl.paragraphs) == 10
    # the "(KPL)" credit opens the first paragraph as printed, like a wire dateline
    assert kpl.paragraphs[0].text.startswith("(KPL) Deputy Minister of Foreign Affairs of the Russian Federation")
    assert kpl.paragraphs[-1].text.endswith("to visit Laos in 2024.")
    assert [r.published for r in kpl.related][:2] == ["2024-06-24T15:20:24+07:00", "2024-06-20T14:37:42+07:00"]


def test_rfa_and_tass_segments_are_cut_at_their_articles(session):
    rfa, tass = session[3], session[4]
    assert rfa.paragraphs[0].text.startswith("By any reckoning")
    assert rfa.paragraphs[-1].text.startswith("*The name has been changed")
    assert tass.dateline is not None and (tass.dateline.place.upper(), tass.dateline.date) == ("VIENTIANE", "May 23")
    assert tass.paragraphs[0].text.startswith("VIENTIANE, May 23. /TASS/. Russian Security Council")  # as printed
    assert len(tass.paragraphs) == 3
    assert any("lines 362–444" in w for w in tass.warnings), "the search-result lists are counted as chrome"


@pytest.mark.parametrize(("prefix", "outlet", "title", "published", "dateline", "paragraphs"), [
    ("000", "generic", None, None, ("Moscow", "4th"), 11),
    ("001", "kpl", "President Thongloun Concludes Successful Visit to the Russian Federation",
     "2025-08-03T11:00:00+07:00", None, 12),
    ("004", "kpl", "Russian Foreign Minister visits Laos", None, None, 10),
])
def test_single_article_seeds(seed, prefix, outlet, title, published, dateline, paragraphs):
    (document,) = laoru.parse_path(seed(prefix))
    assert (document.outlet, document.title, document.published) == (outlet, title, published)
    assert (document.dateline and (document.dateline.place, document.dateline.date)) == dateline
    assert len(document.paragraphs) == paragraphs


def test_seed_000_keeps_its_repeated_paragraphs_once(seed):
    (document,) = laoru.parse_path(seed("000"))
    texts = [p.text for p in document.paragraphs]
    assert len(texts) == len(set(texts)) == 11
    assert any("outlet unknown" in w for w in document.warnings)
    assert any("9 repeated" in w for w in document.warnings)


def test_seed_003_stays_one_document(seed):
    documents = laoru.parse_path(seed("003"))
    assert len(documents) == 1 and documents[0].paragraphs
