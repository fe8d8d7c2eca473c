"""Line rules for text captures, on real captures (file named in each case)."""

from __future__ import annotations

from pathlib import Path

from conftest import SHARED

from laoru import line_rules
from laoru.page import Page
from laoru.plugin import Context, OutletInfo

FIXTURES = Path(__file__).parent / "fixtures"
INFO = OutletInfo("test", "Test")


def context(text: str, **found) -> Context:
    return Context(Page.from_text(text), INFO, found=dict(found))


def rfa_capture() -> str:
    # tests/fixtures/rfa/seed_002_rfa_segment.txt: a menu of bullets, the title, the story, a related list
    return (FIXTURES / "rfa" / "seed_002_rfa_segment.txt").read_text(encoding="utf-8")


def test_line_at():
    ctx = context(rfa_capture())
    assert line_rules.line_at(0)(ctx) == "• North Korea"
    assert line_rules.line_at(10_000)(ctx) is None


def test_after_title_on_a_real_capture():
    title = "Russia dusts off Soviet-era friendship with Laos"
    lines = line_rules.after_title(until=r"^•", skip_leading=r"^•")(context(rfa_capture(), title=title))
    assert lines[0] == "Share" and lines[2].startswith("By any reckoning")
    assert not any(text.startswith("•") for text in lines)


def test_bullets_is_the_first_run_of_bullets():
    ctx = context(rfa_capture())
    assert line_rules.bullets()(ctx)[:2] == ["North Korea", "South China Sea"]


def test_with_subheads():
    # seed 002 (RFA): "Lao revolution" is a subhead between paragraphs
    title = "Russia dusts off Soviet-era friendship with Laos"
    rule = line_rules.with_subheads(line_rules.after_title(until=r"^•", skip_leading=r"^•"),
                                    lambda text: len(text.split()) <= 3)
    kinds = {p.text: p.kind for p in rule(context(rfa_capture(), title=title))}
    assert kinds["Lao revolution"] == "heading"
    assert kinds["Share"] == "text"  # the first line is never a subhead


def test_story_keeps_the_lead_and_leaves_a_caption_over_its_credit():
    # 304_kommersant.txt: a caption line, then "Фото: Пресс-служба МИД России"
    text = (SHARED / "captures" / "304_kommersant.txt").read_text(encoding="utf-8")
    lines = line_rules.story()(context(text))
    assert lines[0].startswith("Глава МИД РФ Сергей Лавров в среду посетил")
    assert not any(line.startswith("Большинство собеседников") for line in lines)


def test_story_from_an_opener_cuts_inline_chrome():
    # 281_ria.txt: the sponsor line runs into the story's last paragraph
    text = (SHARED / "captures" / "281_ria.txt").read_text(encoding="utf-8")
    rule = line_rules.story(opener=r"РИА Новости\.", drop=(r"РИА Новости выступает [^.]*\.",))
    lines = rule(context(text))
    assert lines[0].startswith("ВЛАДИВОСТОК, 4 сен - РИА Новости.")
    assert "выступает" not in lines[-1]


def test_title_line_warns_when_the_capture_opens_with_its_story():
    # 207_tass.txt opens with its dateline
    ctx = context((SHARED / "captures" / "207_tass.txt").read_text(encoding="utf-8"))
    assert line_rules.title_line(opener=r"/TASS/\.")(ctx) is None
    assert ctx.warnings


def test_printed_date_line_in_the_outlet_zone():
    # 213_interfax.txt: "10 Jan 2019 10:02" above the headline, Moscow time
    ctx = Context(Page.from_text((SHARED / "captures" / "213_interfax.txt").read_text(encoding="utf-8")),
                  OutletInfo("interfax", "Interfax", tz="+03:00"))
    assert line_rules.printed_date_line()(ctx) == "2019-01-10T10:02:00+03:00"


def fixture_capture(path: str) -> Context:
    return context((FIXTURES / path).read_text(encoding="utf-8"))


def test_line_before_and_line_matching_a_date_line():
    # tests/fixtures/mfa-ru/seed_003_globalsecurity.txt: title, "20 November 2025 04:00", "1938-20-11-2025"
    ctx = fixture_capture("mfa-ru/seed_003_globalsecurity.txt")
    date_line = r"^\d{1,2} [A-Z][a-z]+ \d{4}"
    assert line_rules.line_before(date_line)(ctx).startswith("Article by Foreign Minister Sergey Lavrov")
    assert line_rules.line_matching(date_line)(ctx) == "20 November 2025 04:00"
    body = line_rules.lines_after(date_line, skip=r"^\d{3,5}-\d{2}-\d{2}-\d{4}$", until=r"NEWSLETTER")(ctx)
    assert body[0].startswith("On 7 October 2025, Russia and Laos marked")


def test_line_before_without_a_marker_falls_back():
    ctx = fixture_capture("mfa-ru/seed_003_globalsecurity.txt")
    assert line_rules.line_before(r"^no such line$", otherwise=0)(ctx).startswith("Article by")
    assert line_rules.line_before(r"^no such line$")(ctx) is None


def test_prose_closed_by_a_byline():
    # tests/fixtures/vientiane-times/seed_002_capture.txt: title, three paragraphs, "By … (Latest Update …)"
    ctx = fixture_capture("vientiane-times/seed_002_capture.txt")
    byline = r"^By .+\(\s*Latest Update"
    story = line_rules.prose_closed_by(byline)(ctx)
    assert len(story) == 3 and story[0].startswith("Visiting President Thongloun Sisoulith")
    title = "Lao, Russian presidents hold talks on bilateral ties"
    assert line_rules.heading_over_prose_closed_by(byline)(ctx) == title


def test_lines_from_and_leading_bullets():
    # tests/fixtures/laotian-times/seed_002_capture.txt: the story, its tag bullets, "Latest article"
    ctx = fixture_capture("laotian-times/seed_002_capture.txt")
    tags = line_rules.bullets(line_rules.lines_from(r"^•", after=r"\.$"), leading=True)(ctx)
    assert tags == ["bilateral relations", "Diplomatic Relations", "President Thongloun", "Thongloun Sisoulith",
                    "Vladimir Putin"]
    tail = line_rules.lines_from(r"^Latest article$", until=r"^The Laotian Times$")(ctx)
    assert tail[0] == "Latest article" and "The Laotian Times" not in tail
    assert line_rules.lines_from(r"^Latest article$", without=r"^The Laotian Times$")(ctx)[-1] != "The Laotian Times"


def test_story_starts_at_the_second_print_of_a_lead_shown_first_as_a_teaser():
    # 227_sputnik.txt: lead teaser ("… diplomatic department reports."), the photo's caption,
    # then the article printing its lead again ("… Foreign Ministry reports.")
    text = (SHARED / "captures" / "227_sputnik.txt").read_text(encoding="utf-8")
    lines = line_rules.story(teaser=True)(context(text))
    assert lines[0].endswith("the press service of the Russian Foreign Ministry reports.")
    assert not any(line.startswith("Russian Foreign Minister Sergey Lavrov before the meeting") for line in lines)
    assert sum(line.startswith("On July 26, Russian Foreign Minister") for line in lines) == 1


def test_a_reprint_credit_to_a_wire_agency_is_cut_from_its_paragraph():
    # 311_other.txt (kant.kg): "… в столице азиатской страны Вьентьяне. Об этом сообщает ТАСС."
    text = (SHARED / "captures" / "311_other.txt").read_text(encoding="utf-8")
    lines = line_rules.story()(context(text))
    assert lines[0].endswith("в столице азиатской страны Вьентьяне.")
    # a source that is a story's actor is not a credit: "Об этом сообщил министр обороны." stays
    text = "Министр прибыл во Вьентьян с визитом для переговоров. Об этом сообщил министр.\n"
    kept = line_rules.story()(context(text))
    assert kept[0].endswith("Об этом сообщил министр.")
