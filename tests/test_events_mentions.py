"""The mentions layer: titled people, Russian names to the nominative, back-references, speakers.

Sentences are real lines of ../shared/captures (file named at each test)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from laoru.events.gazetteer import default_gazetteer
from laoru.events.lexicon import load_lexicon
from laoru.events.matcher import fold
from laoru.events.mentions import Memory, find_mentions, without_speakers
from laoru.events.russian import nominative_name
from laoru.events.titled import titled_people

GAZ = default_gazetteer()


def _titled(text: str, language: str, known: bool = False) -> dict[str, str | None]:
    """Titled people of ``text``; ``known=False``: as if the gazetteer knew nobody of it (the default: it grows)."""
    lexicon = load_lexicon(language)
    assert lexicon is not None
    hits = GAZ.find(text) if known else []
    return {m.value.name: m.value.country for m in titled_people(text, lexicon, hits)}


def test_english_titles_give_people_and_their_country():
    # 206_other.txt
    text = ("On December 15, Russian Deputy Defence Minister Anatoly Antonov met Deputy Minister of National "
            "Defence of the Lao People's Democratic Republic Colonel General Chansamone Chanyalath in Moscow.")
    found = _titled(text, "en")
    assert found["Anatoly Antonov"] == "RUS"
    assert found["Chansamone Chanyalath"] == "LAO"


def test_a_destination_is_not_the_nationality():
    # 268_other.txt: the Lao ambassador *to* Russia is Lao
    assert _titled("Lao Ambassador to Russia Shiviengphet Phetvorasack told Sputnik in an interview", "en") == {
        "Shiviengphet Phetvorasack": "LAO"}


def test_initials_and_abbreviated_titles():
    # 259_laotian-times.txt
    text = ("Russian Ambassador Vladimir A. Kalinin presented the vaccines to Deputy Minister of Health, "
            "Associate Prof. Dr. Phouthone Muongpak")
    found = _titled(text, "en")
    assert found["Vladimir A. Kalinin"] == "RUS"
    assert "Phouthone Muongpak" in found


def test_russian_titled_person_in_the_instrumental_is_named_in_the_nominative():
    # 290_kommersant.txt
    text = ("Секретарь Совета безопасности РФ Сергей Шойгу 11 декабря во Вьентьяне встретился с заместителем "
            "премьер-министра, министром общественной безопасности Лаоса Вилаем Лакхамфонгом.")
    assert _titled(text, "ru", known=False)["Вилай Лакхамфонг"] == "LAO"


def test_a_verb_after_a_title_ends_it():
    # 301_other.txt: "поздравил" is not part of a title, and no name follows "Премьер-министра Лаоса" twice
    text = "Дмитрий Медведев поздравил Премьер-министра Лаоса Тхонглуна Сисулита с Днём провозглашения"
    assert _titled(text, "ru", known=False) == {"Тхонглун Сисулит": "LAO"}


def test_russian_name_endings_by_case():
    assert nominative_name("Сонсаем", "ablt") == "Сонсай"
    assert nominative_name("Сипхандоном", "ablt") == "Сипхандон"
    assert nominative_name("Сисулита", "gent") == "Сисулит"
    assert nominative_name("Сонексая", "gent") == "Сонексай"
    assert nominative_name("Лаврова", "gent") == "Лавров"  # a surname the dictionary knows
    assert nominative_name("Пани", "nomn") == "Пани"


def test_surname_alone_later_is_the_same_person():
    # 206_other.txt
    text = ("Russian Deputy Defence Minister Anatoly Antonov met Deputy Minister Chansamone Chanyalath.\n\n"
            "Chanyalath expressed his condolences.")
    lexicon = load_lexicon("en")
    assert lexicon is not None
    mentions = find_mentions(text, fold(text), GAZ.find(text), lexicon)
    later = [m for m in mentions if m.start > text.index("\n\n")]
    assert [m.value.name for m in later] == ["Chansamone Chanyalath"]


def test_back_references_resolve_to_people_named_before():
    lexicon = load_lexicon("en")
    assert lexicon is not None
    memory = Memory(GAZ, lexicon.back_references)
    text = "Vladimir Putin held talks with Thongloun Sisoulith."
    memory.remember(GAZ.find(text), told_event=False)
    assert [e.name for e in memory.resolve("the Russian president said")] == ["Vladimir Putin"]
    assert [e.name for e in memory.role_references("with his Lao counterpart")] == ["Thongloun Sisoulith"]


def test_speaker_is_not_an_actor():
    # 319_other.txt: Peskov reports the exchange; he takes no part in it
    text = ("Пресс-секретарь президента России Дмитрий Песков ранее заявил, что по итогам встречи Путин и "
            "Сисулит обменяются документами.")
    lexicon = load_lexicon("ru")
    assert lexicon is not None
    mentions = find_mentions(text, fold(text), GAZ.find(text), lexicon)
    kept = without_speakers(text, mentions, text.index("встречи"))
    assert "Песков" not in " ".join(m.phrase for m in kept)


@settings(max_examples=80, deadline=None)
@given(text=st.text(max_size=300), language=st.sampled_from(["en", "ru"]))
def test_any_text_gives_mentions_inside_it(text, language):
    lexicon = load_lexicon(language)
    assert lexicon is not None
    mentions = find_mentions(text, fold(text), GAZ.find(text), lexicon)
    assert all(0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.phrase for m in mentions)
    assert mentions == find_mentions(text, fold(text), GAZ.find(text), lexicon)
