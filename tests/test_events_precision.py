"""What the extractor reports must be right: parties, dates, places, status, scope, one event per act.

Sentences are real lines of ../shared/captures (the file is named at each test)."""

from __future__ import annotations

from laoru.events.gazetteer import default_gazetteer
from laoru.events.mentions import distinct, parties

GAZ = default_gazetteer()


def test_an_organisation_of_a_named_member_is_not_a_party_of_its_own():
    # 283_other.txt
    text = "Секретарь Совета Безопасности России Сергей Шойгу прибыл с рабочим визитом в Лаосскую Народно-Демократическую Республику"
    named = [m.value for m in GAZ.find(text) if m.value.kind in ("person", "org")]
    assert {e.id for e in named} >= {"shoigu", "security_council_rus"}
    assert [e.id for e in parties(named)] == ["shoigu"]
    assert [e.id for e in distinct(named + named)] == [e.id for e in named]
