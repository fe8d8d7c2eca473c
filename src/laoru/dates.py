"""Dates at the precision the page gives, never completed from today's clock.

Outlets print dates in fixed formats (``03/08/2025 11:00``, ``20 November 2025 04:00``,
``29 июня 2020``, ``6 ກໍລະກົດ 2564``). A plugin names the format; this module turns the
match into an ISO 8601 string that keeps exactly the parts that were printed:
``2025-08-03T11:00:00+07:00`` when a time is given (with the outlet's zone), ``2024-05-13``
for a day, ``2024-05`` for a month. A yearless date is returned as ``--MM-DD`` so that the
caller can resolve it against an anchor (:func:`resolve_yearless`) or warn.

The standard library's ``strptime`` already handles numeric formats; the month-name
tables below cover what it cannot (Russian genitive, Lao, Buddhist-era years). No
third-party date library is used on the hot path: dateparser guesses missing parts
from today, which is exactly what this project must never do.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import attrs

MONTHS_EN = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

MONTHS_RU = {
    name: number
    for number, names in enumerate(
        [
            ("январь", "января", "январе", "янв"), ("февраль", "февраля", "феврале", "фев"),
            ("март", "марта", "марте", "мар"), ("апрель", "апреля", "апреле", "апр"),
            ("май", "мая", "мае"), ("июнь", "июня", "июне", "июн"),
            ("июль", "июля", "июле", "июл"), ("август", "августа", "августе", "авг"),
            ("сентябрь", "сентября", "сентябре", "сен", "сент"), ("октябрь", "октября", "октябре", "окт"),
            ("ноябрь", "ноября", "ноябре", "ноя"), ("декабрь", "декабря", "декабре", "дек"),
        ],
        start=1,
    )
    for name in names
}

MONTHS_LO = {
    name: number
    for number, names in enumerate(
        [
            ("ມັງກອນ",), ("ກຸມພາ",), ("ມີນາ",), ("ເມສາ",), ("ພຶດສະພາ",), ("ມິຖຸນາ",),
            ("ກໍລະກົດ",), ("ສິງຫາ",), ("ກັນຍາ",), ("ຕຸລາ",), ("ພະຈິກ",), ("ທັນວາ",),
        ],
        start=1,
    )
    for name in names
}

MONTHS: dict[str, int] = {**MONTHS_EN, **MONTHS_RU, **MONTHS_LO}
"""Every month name laoru reads, lower-cased, to its number."""

LAO_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
BUDDHIST_ERA_OFFSET = 543
TIMEZONES = {"+07:00": timezone(timedelta(hours=7)), "+03:00": timezone(timedelta(hours=3))}

_YEAR = r"\d{4}(?=\d{1,2}:\d{2})|\d{4}(?!\d)"  # "201713:25": a year run into the time
_MONTH_ALTERNATION = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_TIME = r"(?:,?\s*(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
_DAY_MONTH_YEAR = re.compile(
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_ALTERNATION})\.?,?\s*(?P<year>{_YEAR})?"
    + _TIME,
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?P<month>{_MONTH_ALTERNATION})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s*(?P<year>{_YEAR}))?"
    + _TIME,
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"(?P<month>{_MONTH_ALTERNATION})\.?,?\s+(?P<year>\d{{4}})(?!\d)", re.IGNORECASE)
_ISO = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)


def tzinfo(offset: str | None) -> timezone | None:
    """``'+07:00'`` → a fixed-offset zone (outlets print local time without a zone)."""
    if not offset:
        return None
    if offset in TIMEZONES:
        return TIMEZONES[offset]
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", offset)
    if not match:
        raise ValueError(f"not a UTC offset: {offset!r}")
    sign = -1 if match.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3))))


def from_era(year: int) -> int:
    """Buddhist-era years (Lao official documents) to the common era; others unchanged."""
    return year - BUDDHIST_ERA_OFFSET if year > 2400 else year


def iso(year: int | None, month: int | None = None, day: int | None = None,
        hour: int | None = None, minute: int | None = None, second: int | None = None,
        tz: str | None = None) -> str | None:
    """The ISO string for exactly the parts given; ``None`` if the parts are not a real date.

    A time needs a day and a zone: a time without a zone would be ambiguous, so the time
    is dropped and the day kept.
    """
    try:
        if year is None:
            if month is None or day is None:
                return None
            date(2000, month, day)  # leap year: accepts Feb 29
            return f"--{month:02d}-{day:02d}"
        year = from_era(year)
        if month is None:
            return f"{year:04d}" if 1 <= year <= 9999 else None
        if day is None:
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        if hour is None or tz is None:
            return date(year, month, day).isoformat()
        moment = datetime(year, month, day, hour, minute or 0, second or 0, tzinfo=tzinfo(tz))
        return moment.isoformat()
    except ValueError:
        return None


def precision(value: str | None) -> str | None:
    """``'year'``, ``'month'``, ``'day'``, ``'time'``, ``'yearless'`` (``--MM-DD``) or
    ``'yearless month'`` (``--MM``) for an ISO string from here."""
    if not value:
        return None
    if value.startswith("--"):
        return "yearless" if len(value) >= 7 else "yearless month"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "time")


_RANK = {"yearless month": 1, "yearless": 2, "year": 3, "month": 4, "day": 5, "time": 5}


def precision_rank(value: str | None) -> int:
    """How precise ``value`` is, 0 (no date) to 5 (a day; a time ranks the same): the most
    precise of several tellings of one event leads its timeline entry."""
    kind = precision(value)
    return _RANK[kind] if kind else 0


def parse_iso(text: str | None, tz: str | None = None) -> str | None:
    """An ISO 8601 string (from meta tags, JSON-LD, ``<time datetime>``) at its own precision.

    A time without an offset takes ``tz`` (the outlet's zone); without one, only the day is kept.
    """
    if not text:
        return None
    match = _ISO.match(text.strip())
    if not match:
        return None
    parts = {k: int(v) for k, v in match.groupdict().items() if v and k != "tz"}
    offset = match.group("tz")
    if offset == "Z":
        offset = "+00:00"
    elif offset and ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    return iso(parts["year"], parts.get("month"), parts.get("day"), parts.get("hour"),
               parts.get("minute"), parts.get("second"), offset or tz)


def parse_format(text: str | None, fmt: str, tz: str | None = None) -> str | None:
    """Text in a ``strptime`` format, at the precision the format carries.

    ``fmt`` may contain only part of a date (``%d/%m/%Y``) or a time (``%d/%m/%Y %H:%M``);
    the result never holds a part the format does not.
    """
    if not text:
        return None
    try:
        moment = datetime.strptime(text.strip(), fmt)
    except ValueError:
        return None
    has_time = any(code in fmt for code in ("%H", "%I"))
    has_day = "%d" in fmt or "%j" in fmt
    has_month = has_day or any(code in fmt for code in ("%m", "%b", "%B"))
    return iso(
        moment.year if "%Y" in fmt or "%y" in fmt else None,
        moment.month if has_month else None,
        moment.day if has_day else None,
        moment.hour if has_time else None,
        moment.minute if has_time else None,
        moment.second if has_time and "%S" in fmt else None,
        tz,
    )


def _hour(groups: dict[str, str | None]) -> int | None:
    if groups.get("hour") is None:
        return None
    hour = int(groups["hour"] or 0)
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return hour


def parse_human(text: str | None, tz: str | None = None) -> str | None:
    """The first written-out date in ``text`` (``May 13, 2024``, ``16 June 201713:25``,
    ``29 июня 2020``, ``ວັນທີ 6 ກໍລະກົດ 2564``), at the precision it is written.

    A date without a year comes back as ``--MM-DD``; resolve it with :func:`resolve_yearless`.
    """
    if not text:
        return None
    text = text.translate(LAO_DIGITS)
    found = [m for m in (_DAY_MONTH_YEAR.search(text), _MONTH_DAY_YEAR.search(text)) if m]
    if found:
        match = min(found, key=lambda m: (m.start(), -len(m.group(0))))
        groups = match.groupdict()
        month = MONTHS[groups["month"].lower()]
        year = int(groups["year"]) if groups.get("year") else None
        minute = int(groups["minute"]) if groups.get("minute") else None
        second = int(groups["second"]) if groups.get("second") else None
        return iso(year, month, int(groups["day"]), _hour(groups), minute, second, tz)
    month_year = _MONTH_YEAR.search(text)
    if month_year:
        return iso(int(month_year.group("year")), MONTHS[month_year.group("month").lower()])
    return None


def resolve_yearless(value: str | None, anchor: str | None, *, max_ahead_days: int = 31) -> str | None:
    """Give a ``--MM-DD`` date the year of ``anchor`` (a publication date), or the year before.

    A dateline's day is on or shortly before publication: if the month/day would fall more
    than ``max_ahead_days`` after the anchor, the event belongs to the previous year.
    Without an anchor that has a year, the value stays yearless.
    """
    if not value or not value.startswith("--") or not anchor or anchor.startswith("--"):
        return value
    anchor_year = int(anchor[:4])
    month, day = int(value[2:4]), int(value[5:7])
    if len(anchor) < 7:
        return iso(anchor_year, month, day)
    anchor_month = int(anchor[5:7])
    anchor_day = int(anchor[8:10]) if len(anchor) >= 10 else 28
    try:
        candidate = date(anchor_year, month, day)
        ahead = (candidate - date(anchor_year, anchor_month, anchor_day)).days
    except ValueError:
        return value
    year = anchor_year - 1 if ahead > max_ahead_days else anchor_year
    return iso(year, month, day)


# --- Dates printed on a captured page -------------------------------------------------------
# A capture shows the page's date as a line of its own ("10 Jan 2019 10:02", "11.11.2021 (23:15)",
# "Четверг 31 июля 2025, 18:16", "2025-09-04T10:29+0000") or at the end of a line
# ("… - РИА Новости, 19.09.2025"). Sites also print a clock or a calendar in their header
# ("13:14 21 November 2017", "Sunday, February 16, 2025"): the reader of the page decides by
# where the line stands (see laoru.headline), so the line's form is reported with the date.

WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    "понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс"
)
_LINE_LEAD = re.compile(
    rf"^(?:(?P<weekday>(?:{WEEKDAYS}))\.?,?\s+)?(?:(?P<clock>\d{{1,2}}:\d{{2}})\s*[|,/–—-]?\s*)?(?:от\s+)?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})[.-](?P<month>\d{1,2})[.-](?P<year>\d{4})(?![\d-])"
    r"(?:,?\s*\(?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\)?(?!\d))?"
)
_STAMP = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])")
_SUFFIX_SEPARATOR = re.compile(r"(?:\s[-–—|/]\s*|,\s*)$")
MAX_WORDS_AROUND_DATE = 8
MAX_WORDS_BEFORE_DATE = 16
"""A date closing a line may follow a headline and a source (``Title - Agency, 19.09.2025``)."""


@attrs.frozen
class PrintedDate:
    """A date printed as a line of a capture: its ISO value, and the line's form.

    ``clock`` and ``weekday`` say the line opens with a time or a day name, the look of a
    site header's clock or calendar; ``at_end`` that the date closes a longer line.
    """

    value: str
    clock: bool = False
    weekday: bool = False
    at_end: bool = False


def _date_match(text: str) -> tuple[re.Match[str], str] | None:
    """The first printed date in ``text``, with its kind (``stamp``, ``numeric``, ``human``)."""
    found = [(m, kind) for m, kind in ((_STAMP.search(text), "stamp"), (_NUMERIC.search(text), "numeric"),
                                      (_DAY_MONTH_YEAR.search(text), "human"), (_MONTH_DAY_YEAR.search(text), "human"))
             if m]
    if not found:
        return None
    return min(found, key=lambda pair: (pair[0].start(), -len(pair[0].group(0))))


def _value(match: re.Match[str], kind: str, tz: str | None) -> str | None:
    if kind == "stamp":
        return parse_iso(match.group(0).replace(" ", "T"), tz)
    if kind == "numeric":
        hour = int(match["hour"]) if match["hour"] else None
        minute = int(match["minute"]) if match["minute"] else None
        return iso(int(match["year"]), int(match["month"]), int(match["day"]), hour, minute, None, tz)
    return parse_human(match.group(0), tz)


def printed_date(line: str, tz: str | None = None) -> PrintedDate | None:
    """The date a capture line prints as its subject (the line opens or closes with it and says
    little else), at the precision printed; ``None`` for prose that mentions a date."""
    lead = _LINE_LEAD.match(line)
    start = lead.end() if lead else 0
    found = _date_match(line[start:])
    if found is None:
        return None
    match, kind = found
    before, after = line[start:start + match.start()], line[start + match.end():]
    at_end = bool(before.strip())
    if len(after.split()) + (0 if at_end else len(before.split())) > MAX_WORDS_AROUND_DATE \
            or len(before.split()) > MAX_WORDS_BEFORE_DATE:
        return None
    if at_end and (after.strip(" )") or not _SUFFIX_SEPARATOR.search(before)):
        return None
    value = _value(match, kind, tz)
    if value is None:
        return None
    return PrintedDate(value, clock=bool(lead and lead["clock"]), weekday=bool(lead and lead["weekday"]),
                       at_end=at_end)


_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})([/-])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?=[/-]|$)")
"""A day in a URL's path, as news sites write their permalinks: ``/2024-10-10/slug``, ``/2021/01/25/slug``."""


def date_in_url(url: str | None) -> str | None:
    """The day a permalink's path carries (``https://kant.kg/2024-10-10/…`` → ``2024-10-10``),
    or ``None``: weaker evidence than a date the page prints, used only when it prints none."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    return iso(int(match["year"]), int(match["month"]), int(match["day"]))
