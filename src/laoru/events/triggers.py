"""Words that announce an event, per type and language, plus the cue words that change
an event's status or tell us a mention is only context.

Every trigger is a literal phrase (inflected forms listed out), so any extraction can
be explained as "this phrase, in this sentence". ``strength`` is how sure a phrase is
on its own: a verb of the act (``signed``, ``visited``) is strong; a noun that often
appears in passing (``assistance``, ``anniversary``) is weak.
"""

from __future__ import annotations

import re
from functools import lru_cache

import attrs

from laoru.events.matcher import PhraseMatcher


@attrs.frozen(slots=True)
class Trigger:
    type: str
    strength: float = 0.9
    mode: str | None = None
    passive: bool = False


def _phrases(event_type: str, strength: float, phrases: str, mode: str | None = None,
             passive: bool = False) -> list[tuple[str, Trigger]]:
    trigger = Trigger(event_type, strength, mode, passive)
    return [(p.strip(), trigger) for p in phrases.split("|") if p.strip()]


TRIGGERS: list[tuple[str, Trigger]] = [
    # visits
    *_phrases("visit", 0.9, "visited|visits|visit to|paid a visit|paid an official visit|paid a working visit|"
              "paid a state visit|made an official visit|made a visit|made a working visit|official visit to|"
              "working visit to|state visit to|is paying a|is paying an|on a visit to|on an official visit to|"
              "on a working visit to|visit the|visit laos|visit russia|to visit|will visit|arrived in|"
              "arrives in|his visit to russia|his visit to laos"),
    *_phrases("visit", 0.9, "посетил|посетила|посетили|посетит|визит в|визитом в|с визитом|прибыл в|прибыла в"),
    *_phrases("visit", 0.9, "ຢ້ຽມຢາມ|ເດີນທາງມາຢ້ຽມຢາມ|ເດີນທາງໄປຢ້ຽມຢາມ|ຢ້ຽມຢາມ ສ.ລັດເຊຍ"),
    # meetings
    *_phrases("meeting", 0.9, "met|met with|meets|meets with|meet with|held talks|hold talks|holds talks|had talks|"
              "talks with|talks held|official talks|bilateral meeting|a meeting|the meeting|meeting with|"
              "courtesy call|paid a courtesy call|received a courtesy call|had a conversation|"
              "held a meeting|received|discussed|two meetings", "meet"),
    # "we hosted the minister in Moscow": the object is the visitor
    *_phrases("visit", 0.85, "hosted|we hosted|welcomed the visiting", passive=True),
    *_phrases("meeting", 0.9, "встретился|встретилась|встреча|встречи|переговоры|переговоров|провел переговоры|"
              "провёл переговоры|беседа|принял", "meet"),
    *_phrases("meeting", 0.9, "ພົບປະ|ເຈລະຈາ|ຕ້ອນຮັບ|ປຶກສາຫາລື|ພົບປະເຈລະຈາ", "meet"),
    # calls (a "courtesy call" is a meeting, listed above, and wins by being longer)
    *_phrases("call", 0.95, "phone call|telephone call|phone conversation|telephone conversation|phone talks|"
              "telephone talks|spoke by phone|spoke by telephone|spoke over the phone|video call|"
              "videoconference|video conference|held a phone", "phone"),
    *_phrases("call", 0.95, "телефонный разговор|телефонного разговора|по телефону|видеосвязи", "phone"),
    *_phrases("call", 0.95, "ໂທລະສັບ|ສົນທະນາທາງໂທລະສັບ", "phone"),
    # agreements
    *_phrases("agreement", 0.9, "signed|signing|sign|inked|concluded an agreement|documents signed", "sign"),
    *_phrases("agreement", 0.9, "подписали|подписал|подписание|подписан|подписаны", "sign"),
    *_phrases("agreement", 0.9, "ລົງນາມ|ເຊັນ", "sign"),
    # aid and gifts
    *_phrases("aid", 0.85, "donated|donate|donation|handed over|handing over|hand over|delivered|provided|"
              "supplied|granted|grant aid|to cancel|write off|wrote off|presented|providing|decided to present",
              "material"),
    *_phrases("aid", 0.6, "assistance|aid|helping laos|help laos|gift of", "material"),
    *_phrases("aid", 0.85, "передал|передала|передали|подарил|подарила|помощь|гуманитарную помощь", "material"),
    *_phrases("aid", 0.85, "ມອບ|ຊ່ວຍເຫຼືອ|ການຊ່ວຍເຫຼືອ", "material"),
    # awards
    *_phrases("award", 0.9, "awarded|conferred|decorated|pinned|presented the order|bestowed", "honor"),
    *_phrases("award", 0.9, "was awarded|were awarded|received the order|received a medal", "honor", passive=True),
    *_phrases("award", 0.9, "наградил|вручил орден|вручил медаль|награжден|награждён", "honor"),
    *_phrases("award", 0.9, "ມອບຫຼຽນ|ຫຼຽນໄຊ|ຫຼຽນ", "honor"),
    # commemorations
    *_phrases("commemoration", 0.85, "marked the|marks the|celebrated|celebrate|celebrations|commemorated|"
              "commemorate|laid a wreath|laid wreaths|laid flowers|laid a basket of flowers|parade|"
              "was unveiled|were unveiled|unveiled|organize events|organise events", "ceremony"),
    *_phrases("commemoration", 0.85, "годовщин|возложил венок|возложил цветы|парад|отметили", "ceremony"),
    *_phrases("commemoration", 0.85, "ວັນຄົບຮອບ|ສະເຫຼີມສະຫຼອງ|ວາງພວງມາລາ", "ceremony"),
    # exercises
    *_phrases("exercise", 0.9, "military exercise|joint exercise|exercises|drills|laros", "military"),
    *_phrases("exercise", 0.9, "учения|учений", "military"),
    *_phrases("exercise", 0.9, "ຊ້ອມຮົບ|ການຝຶກຊ້ອມ", "military"),
    # statements (formal ones only: "said" is everywhere)
    *_phrases("statement", 0.8, "joint statement|issued a statement|press statement|joint declaration",
              "statement"),
    *_phrases("statement", 0.8, "совместное заявление|ຖະແຫຼງການຮ່ວມ", "statement"),
]

AGREEMENT_NOUNS = (
    "agreement|agreements|treaty|memorandum|memoranda|mou|roadmap|road map|declaration|protocol|accord|"
    "documents|contract|convention|programme|соглашение|соглашения|меморандум|договор|протокол|дорожная карта|"
    "ສັນຍາ|ບົດບັນທຶກ"
).split("|")

# Cue words: (status, phrases). Looked for between the clause start and the trigger.
STATUS_CUES: dict[str, list[str]] = {
    "planned": ["will", "would", "is expected to", "are expected to", "is set to", "are set to", "plans to",
                "plan to", "planned", "is scheduled", "are scheduled", "scheduled to", "intends to", "to be held",
                "upcoming", "is due to", "decided to", "later this year", "next week", "next month", "next year",
                "планирует", "намерен", "состоится", "посетит", "ຈະ", "ມີແຜນ"],
    "ongoing": ["is paying", "are paying", "currently on", "currently", "is visiting", "are visiting",
                "is on a", "have been holding", "has been holding", "has been helping", "have been helping",
                "since", "находится с визитом", "ກຳລັງ"],
    "cancelled": ["could not come", "postponed", "cancelled", "canceled", "called off", "was not able to",
                  "отменен", "отложен", "ເລື່ອນ", "ຍົກເລີກ"],
    "invited": ["invited", "extended an invitation", "an invitation to", "his invitation to", "invitation for",
                "пригласил", "приглашение", "ເຊີນ"],
}
# Phrases that mention an invitation that has been taken up, so they never make a status.
ACCEPTED_INVITATION = ["at the invitation of", "in response to an invitation", "upon the invitation",
                       "on the invitation", "по приглашению", "ຕາມການເຊື້ອເຊີນ"]
# A trigger inside these is a reference back to a known event, not a new one.
CONTEXT_PHRASES = ["during the visit", "during his visit", "during her visit", "during the talks",
                   "during the meeting", "during his official visit", "visiting president", "visiting russian",
                   "visiting lao", "the visiting", "visit of the russian leader", "the visit aimed",
                   "this visit", "the visit of", "first visit", "first official trip", "first trip",
                   "in addition to meeting", "in addition to his meeting", "anniversary of the signing",
                   "во время визита", "в ходе визита", "ໃນໂອກາດ"]
# A sentence with these is about something else (congratulations, purposes, thanks).
SUPPRESS_BY_TYPE: dict[str, list[str]] = {
    "commemoration": ["congratulat", "to commemorate", "to mark", "to celebrate", "marking the"],
    "meeting": ["opening the meeting", "during the meeting", "the meeting between"],
}
# Aid is a transfer of something concrete. Without one of these in the sentence, "provided",
# "assistance" or "helping" is talk about the relationship, not an act of giving.
AID_OBJECTS = re.compile(
    r"\b(?:tanks?|equipment|vaccines?|doses?|elephants?|debts?|hospitals?|schools?|ordnance|uxo|"
    r"million|billion|\$|usd|dollars?|roubles?|rubles?|kip|grants?|food|rice|fuel|trucks?|cars|vehicles?|"
    r"aircraft|helicopters?|medicines?|medical supplies|test kits|scholarships?|ambulances?|generators?|"
    r"техник[аиу]|вакцин[аыу]?|танк[иов]*|оборудовани[ея])\b|\$\s*\d",
    re.I,
)
# A sentence thanking for aid reports an earlier act: country-level, never dated by the visit.
GRATITUDE = re.compile(r"\b(?:gratitude|thanked|thanks|thank|appreciated|grateful)\b", re.I)


@lru_cache(maxsize=1)
def trigger_matcher() -> PhraseMatcher[Trigger]:
    return PhraseMatcher(TRIGGERS)


@lru_cache(maxsize=1)
def cue_matcher() -> PhraseMatcher[tuple[str, str]]:
    """All cue phrases, each tagged (group, name)."""
    phrases: list[tuple[str, tuple[str, str]]] = []
    for status, cues in STATUS_CUES.items():
        phrases += [(c, ("status", status)) for c in cues]
    phrases += [(c, ("accepted", "")) for c in ACCEPTED_INVITATION]
    phrases += [(c, ("context", "")) for c in CONTEXT_PHRASES]
    phrases += [(n, ("agreement_noun", "")) for n in AGREEMENT_NOUNS]
    return PhraseMatcher(phrases)
