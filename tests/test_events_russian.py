"""Russian constructions and roles of the frames layer, on real lines of ../shared/captures
(the capture file is named at each test; published dates as its capture header gives them)."""

from __future__ import annotations

from conftest import paragraphs_document

from laoru.events import Event, extract_events


def _events(*paragraphs: str, published: str | None = None) -> list[Event]:
    return extract_events(paragraphs_document(*paragraphs, published=published, language="ru"))


def _names(people) -> set[str]:
    return {p.name for p in people}


def _of(events: list[Event], kind: str) -> list[Event]:
    return [e for e in events if e.type == kind]


def test_inflected_meeting_noun_with_a_role_subject():
    # 284_other.txt: "проводит встречу с" (accusative of the noun), subject named by "Глава МИД РФ"
    events = _events("Москва. 10 октября. — Глава МИД РФ Сергей Лавров проводит встречу с министром иностранных дел "
                     "Лаоса Салемсаем Коммаситом.")
    [meeting] = _of(events, "meeting")
    assert {"Sergey Lavrov", "Saleumxay Kommasith"} <= _names(meeting.participants)


def test_relative_clause_visitor_is_its_antecedent():
    # 298_other.txt: the visitor of "который прибыл в Москву" is Sisoulith, not Putin who held the talks
    events = _events("Президент России Владимир Путин 31 июля провел переговоры с лидером Лаоса Тхонглуном "
                     "Сисулитом, который прибыл в Москву с официальным визитом, сообщают \"Ведомости\".",
                     published="2025-08-01")
    [visit] = _of(events, "visit")
    assert _names(visit.actors) == {"Thongloun Sisoulith"}
    assert visit.place is not None and visit.place.name == "Moscow"


def test_visit_noun_takes_its_genitive_agent():
    # 280_kommersant.txt: "визит господина Сипхандона во Владивосток" is Siphandone's visit, not Putin's
    events = _events("Президент России Владимир Путин встретился с премьер-министром Лаоса Сонсаем Сипхандоном.",
                     "Господин Путин выразил уверенность, что визит господина Сипхандона во Владивосток принесет "
                     "ему пользу.", published="2025-09-04")
    [visit] = _of(events, "visit")
    assert _names(visit.actors) == {"Sonexay Siphandone"}
    assert visit.place is not None and visit.place.country == "RUS"


def test_visit_noun_with_a_role_agent_and_its_destination():
    # 280_kommersant.txt: "первый визит лаосского премьера в Россию": the Lao premier named before; Russia
    # (after "в") is the destination, not Laos (the premier's adjective)
    events = _events("Президент России Владимир Путин встретился с премьер-министром Лаоса Сонсаем Сипхандоном.",
                     "Он отметил, что это первый визит лаосского премьера в Россию.", published="2025-09-04")
    [visit] = _of(events, "visit")
    assert _names(visit.actors) == {"Sonexay Siphandone"}
    assert visit.place is not None and visit.place.country == "RUS"


def test_destination_printed_before_an_inverted_visit():
    # 299_other.txt: "В июле в Москву с визитом приезжал президент Лаоса …": Moscow, not Laos
    events = _events("В июле в Москву с визитом приезжал президент Лаоса Тхонглун Сисулит, где стороны подписали "
                     "восемь двусторонних соглашений в различных сферах.", published="2025-09-08")
    [visit] = _of(events, "visit")
    assert "Thongloun Sisoulith" in _names(visit.participants)
    assert visit.place is not None and visit.place.name == "Moscow"


def test_subjects_joined_by_and_across_a_title_comma():
    # 307_other.txt: the comma belongs to Kommasith's title; both ministers signed
    events = _events("Министр иностранных дел России Сергей Лавров и заместитель премьер-министра, министр "
                     "иностранных дел Лаоса Салёмсай Коммасит подписали межправительственное соглашение о "
                     "сотрудничестве в области обеспечения безопасности в сфере использования "
                     "информационно-коммуникационных технологий.")
    [agreement] = _of(events, "agreement")
    assert _names(agreement.actors) == {"Sergey Lavrov", "Saleumxay Kommasith"}


def test_infinitive_trigger_is_not_an_act_that_happened():
    # 308_other.txt: a government order to negotiate and sign
    events = _events("Поручить МИДу России провести переговоры с Лаосской Стороной и по достижении договоренности "
                     "подписать от имени Правительства Российской Федерации указанное Соглашение.",
                     published="2024-07-22")
    assert events and all(e.status == "planned" for e in events)


def test_speaker_pronoun_after_the_speech_verb_is_the_subject():
    # 281_ria.txt: "- сказал он на встрече с российским лидером Владимиром Путиным"
    events = _events("ВЛАДИВОСТОК, 4 сен - РИА Новости. Премьер-министр Лаоса Сонсай Сипхандон, который учился в СССР, "
                     "рассказал, что посещает Россию впервые за 38 лет, и для него это является большой честью. "
                     "\"Для меня большая честь вновь посетить Россию спустя почти 38 лет. Ранее я получал образование "
                     "в Советском Союзе\", - сказал он на встрече с российским лидером Владимиром Путиным на полях "
                     "Восточного экономического форума.", published="2025-09-04")
    [meeting] = _of(events, "meeting")
    assert _names(meeting.participants) == {"Sonexay Siphandone", "Vladimir Putin"}


def test_he_of_the_next_sentence_is_the_speaker_of_an_inverted_attribution():
    # 299_other.txt: "…, заявил Сипхандон в интервью …. Он подчеркнул, что гордится первой встречей с Путиным"
    events = _events("Путин ведет страну вперед, успешно преодолевая трудности и давление со стороны Запада, заявил "
                     "Сипхандон в интервью РИА «Новости» на Восточном экономическом форуме во Владивостоке.",
                     "Он подчеркнул, что гордится первой встречей с Путиным, назвав его лидером «мировой державы, "
                     "сильной в безопасности, политике и экономике».", published="2025-09-08")
    [meeting] = _of(events, "meeting")
    assert _names(meeting.participants) == {"Sonexay Siphandone", "Vladimir Putin"}


def test_gift_and_the_meeting_named_only_by_its_noun():
    # 319_other.txt: a gift received from Sisoulith ("other"), then "Трансляцию встречи вел РБК": their meeting
    events = _events("Президент России Владимир Путин с готовностью принял подарок от президента Лаоса Тхонглуна "
                     "Сисулита, который решил передать России «пару слонов» в честь 65-летия установления "
                     "дипотношений между странами. Трансляцию встречи вел РБК.", published="2025-07-31")
    [gift] = _of(events, "other")
    assert _names(gift.participants) == {"Vladimir Putin", "Thongloun Sisoulith"}
    [meeting] = _of(events, "meeting")
    assert _names(meeting.participants) == {"Vladimir Putin", "Thongloun Sisoulith"}


def test_gift_verb_with_dative_recipient():
    # 298_other.txt
    events = _events("Затем, по случаю 65-летия дипломатических отношений между государствами, Сисулит подарил Путину "
                     "двух слонов, которых он попросил разместить в Санкт-Петербурге - в городе, где учился.",
                     published="2025-08-01")
    [gift] = _of(events, "other")
    assert _names(gift.actors) == {"Thongloun Sisoulith"} and _names(gift.counterparts) == {"Vladimir Putin"}


def test_taking_part_is_not_a_reception():
    # 312_other.txt: "приняла участие" is not "принял" (received someone)
    events = _events("Как говорится в сообщении, 20-21 января делегация Минобороны приняла участие в праздничных "
                     "мероприятиях, посвященных 71-й годовщине образования Народной армии Лаоса.")
    assert not _of(events, "meeting")


def test_expected_visit_is_planned():
    # 289_ria.txt: "ожидает визита" (expects a visit)
    events = _events("Лаос в октябре ожидает визита председателя Госдумы РФ Вячеслава Володина, а также заседания "
                     "межправкомиссии.", published="2025-09-09")
    visits = _of(events, "visit")
    assert visits and all(e.status == "planned" for e in visits)


def test_scheduled_talks_are_planned():
    # 283_other.txt: "запланированы переговоры"
    events = _events("Как сообщили в пресс-службе аппарата Совбеза РФ, 11-12 у российской делегации, возглавляемой "
                     "Шойгу, запланированы переговоры с высшим политическим и военным руководством ЛНДР.")
    meetings = _of(events, "meeting")
    assert meetings and all(e.status == "planned" for e in meetings)


def test_could_not_come_is_not_an_occurred_act():
    # 298_other.txt: the parade trip did not happen
    events = _events("Президент России Владимир Путин 31 июля провел переговоры с лидером Лаоса Тхонглуном Сисулитом.",
                     "Сисулит высказался по поводу празднования победы в Великой Отечественной войне и выразил "
                     "сожаление, что не смог приехать на парад.", published="2025-08-01")
    assert not [e for e in events if e.type == "commemoration" and e.status == "occurred"]


def test_invited_visit_goes_to_the_state_named_in_the_trigger():
    # 280_kommersant.txt: "приглашение посетить Лаос с визитом": Laos, printed inside the merged trigger
    events = _events("Президент России Владимир Путин встретился с премьер-министром Лаоса Сонсаем Сипхандоном.",
                     "Премьер также передал российскому лидеру привет от президента своей страны и приглашение "
                     "посетить Лаос с визитом.", published="2025-09-04")
    [visit] = _of(events, "visit")
    assert _names(visit.participants) == {"Vladimir Putin"}
    assert visit.status == "invited" and visit.place is not None and visit.place.country == "LAO"


def test_invitation_is_an_act_of_its_own():
    # 319_other.txt: "Путин пригласил Сисулита и премьер-министра Лаоса Сонексая Сипхандона принять участие …"
    events = _events("Кроме того, Путин пригласил Сисулита и премьер-министра Лаоса Сонексая Сипхандона принять "
                     "участие в Восточном экономическом форуме (ВЭФ) в сентябре.", published="2025-07-31")
    [invitation] = _of(events, "other")
    assert _names(invitation.actors) == {"Vladimir Putin"}
    assert {"Thongloun Sisoulith", "Sonexay Siphandone"} <= _names(invitation.counterparts)


def test_meeting_noun_with_no_one_named_is_the_last_pairs():
    # 307_other.txt: "«По итогам встречи подписаны …»" after the two ministers' signing
    events = _events("Министр иностранных дел России Сергей Лавров и заместитель премьер-министра, министр "
                     "иностранных дел Лаоса Салёмсай Коммасит подписали межправительственное соглашение о "
                     "сотрудничестве в области обеспечения безопасности в сфере использования "
                     "информационно-коммуникационных технологий. Об этом сообщили в МИД РФ.",
                     "«По итогам встречи подписаны Соглашение между правительством Российской Федерации и "
                     "правительством Лаосской Народно-Демократической Республики», — говорится в сообщении.")
    [meeting] = _of(events, "meeting")
    assert _names(meeting.participants) == {"Sergey Lavrov", "Saleumxay Kommasith"}


def test_the_meeting_took_place_in_places_the_meeting_told_before():
    # 284_other.txt: "встреча проходит в четверг «на полях» саммита АСЕАН во Вьентьяне"
    events = _events("Москва. 10 октября. — Глава МИД РФ Сергей Лавров проводит встречу с министром иностранных дел "
                     "Лаоса Салемсаем Коммаситом.",
                     "Как передает корреспондент «Интерфакса», встреча проходит в четверг «на полях» саммита АСЕАН "
                     "во Вьентьяне.")
    [meeting] = _of(events, "meeting")
    assert {"Sergey Lavrov", "Saleumxay Kommasith"} <= _names(meeting.participants)
    assert meeting.place is not None and meeting.place.name == "Vientiane"


def test_a_surname_with_no_case_ending_after_it_is_not_named():
    # 316_other.txt: "Наро-Фоминск" is a town, not a form of the surname Фомин; "Путиным" is Putin
    from laoru.events.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    town = "Впоследствии железнодорожным транспортом она будет доставлена в подмосковный Наро-Фоминск."
    assert not [m for m in gazetteer.find(town) if m.value.kind == "person"]
    met = "сказал он на встрече с российским лидером Владимиром Путиным на полях Восточного экономического форума"
    assert "Vladimir Putin" in {m.value.name for m in gazetteer.find(met)}


def test_a_decrees_own_infinitive_is_the_act():
    # 310_other.txt: the decree's «… наградить орденом …» is the award already told, not a plan
    events = _events("Президент России Владимир Путин наградил президента Лаоса Тхонглуна Сисулита орденом Александра "
                     "Невского.",
                     "«За большой личный вклад в укрепление дружественных отношений между Российской Федерацией и "
                     "Лаосской Народно-Демократической Республикой наградить орденом Александра Невского Тхонглуна "
                     "Сисулита — президента Лаосской Народно-Демократической Республики», — говорится в "
                     "опубликованном документе.", published="2025-10-15")
    awards = _of(events, "award")
    assert awards and all(e.status == "occurred" for e in awards)


def test_an_office_without_a_name_is_its_holder_on_the_date():
    # 298_other.txt (published 2025-08-01): "Президент России" alone is Putin in 2025
    from laoru.events.gazetteer import default_gazetteer
    from laoru.events.lexicon import load_lexicon
    from laoru.events.roles import role_mentions

    lexicon = load_lexicon("ru")
    assert lexicon is not None
    text = "Президент России поприветствовал Сисулита словами: \"Вы прекрасно знаете нашу страну\"."
    found = role_mentions(text, [], lexicon, default_gazetteer(), "2025-08-01")
    assert [(m.phrase, m.value.name) for m in found] == [("Президент России", "Vladimir Putin")]
    assert role_mentions(text, [], lexicon, default_gazetteer(), None) == []  # no date: never guessed


def test_an_office_followed_by_its_holders_name_adds_nothing():
    # 313_other.txt: the name follows the office; it is found as a name
    from laoru.events.gazetteer import default_gazetteer
    from laoru.events.lexicon import load_lexicon
    from laoru.events.roles import role_mentions

    lexicon = load_lexicon("ru")
    assert lexicon is not None
    text = "Президент Лаосской Народно-Демократической Республики Тхонглун Сисулит посетит Российскую Федерацию."
    names = default_gazetteer().find(text)
    assert role_mentions(text, names, lexicon, default_gazetteer(), "2025-05-05") == names


def test_a_visit_in_the_future_tense_is_planned():
    # 313_other.txt (headline line, published 2025-05-05)
    events = _events("Президент Лаоса приедет в Россию для празднования 80-летия Победы.", published="2025-05-05")
    visits = _of(events, "visit")
    assert visits and all(e.status == "planned" for e in visits)
    assert _names(visits[0].participants) == {"Thongloun Sisoulith"}



def test_humanitarian_demining_is_aid_given_by_those_who_arrive_for_it():
    # 292_other.txt (11.11.2021): "прибыли в Лаосскую … для гуманитарного разминирования": Russia gives, Laos receives
    events = _events("Военнослужащие отряд разминирования Международного противоминного ордена Кутузова центра "
                     "Вооруженных Сил Российской Федерации прибыли в Лаосскую Народно-Демократическую Республику для "
                     "гуманитарного разминирования территории страны.", published="2021-11-11")
    [aid] = _of(events, "aid")
    assert _names(aid.actors) == {"Russia"} and _names(aid.counterparts) == {"Laos"}
    assert aid.place is not None and aid.place.country == "LAO"


def test_who_decided_an_act_does_not_take_part_in_it():
    # 292_other.txt: "В соответствии с решением Президента Российской Федерации … направлен отряд разминирования"
    from laoru.events.gazetteer import default_gazetteer
    from laoru.events.lexicon import load_lexicon
    from laoru.events.mentions import without_speakers
    from laoru.events.roles import role_mentions

    lexicon = load_lexicon("ru")
    assert lexicon is not None
    text = ("В соответствии с решением Президента Российской Федерации для оказания содействия в разминировании "
            "территории в Лаосской Народно-Демократической Республике Министерством обороны Российской Федерации "
            "направлен отряд разминирования Международного противоминного центра ВС РФ.")
    heard = role_mentions(text, default_gazetteer().find(text), lexicon, default_gazetteer(), "2021-11-11")
    assert "Vladimir Putin" in {m.value.name for m in heard}
    act = text.index("направлен")
    assert "Vladimir Putin" not in {m.value.name for m in without_speakers(text, heard, act)}
