"""Where an entry sits on the report's time axes: the days its date covers, at its precision.

A partial date covers a span (``2024-05`` is 1–31 May, ``2025`` the whole year); a date
without a year sits on a January–December axis of its own; an undated entry has no span.
Nothing is completed: the span is exactly what the precision allows.
"""

from __future__ import annotations

import calendar
import datetime as dt

#: The year used to place a yearless ``--MM-DD`` on the month axis (a leap year, so 29 Feb fits).
YEARLESS_YEAR = 2000


def _parts(value: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of ``2024``, ``2024-05``, ``2024-05-13…``, ``--05``, ``--05-13``."""
    if value.startswith("--"):
        bits = value[2:].split("-")
        return None, int(bits[0]), int(bits[1][:2]) if len(bits) > 1 and bits[1] else None
    bits = value[:10].split("-")
    numbers = [int(b) for b in bits if b]
    return numbers[0], numbers[1] if len(numbers) > 1 else None, numbers[2] if len(numbers) > 2 else None


def _bound(value: str, high: bool) -> dt.date:
    year, month, day = _parts(value)
    year = YEARLESS_YEAR if year is None else year
    month = month or (12 if high else 1)
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day, last) if day else (last if high else 1))


def span(start: str | None, end: str | None) -> tuple[int, int] | None:
    """First and last day covered (proleptic ordinals), or None when undated or unreadable.

    A yearless date is placed in :data:`YEARLESS_YEAR`; callers keep such entries on their
    own axis (see :func:`has_year`). An end before the start is read as the start alone.
    """
    if not start:
        return None
    try:
        low = _bound(start, high=False)
        high = _bound(end or start, high=True)
    except (ValueError, IndexError):
        return None
    if high < low or start.startswith("--") != (end or start).startswith("--"):
        high = _bound(start, high=True)
    return low.toordinal(), high.toordinal()


def has_year(start: str | None) -> bool:
    return bool(start) and not str(start).startswith("--")


def is_partial(start: str | None) -> bool:
    """True when the date is a month or a year (or a yearless month), not a day."""
    if not start:
        return False
    return _parts(start)[2] is None


def year_of(ordinal: int) -> int:
    return dt.date.fromordinal(ordinal).year


def first_of_year(year: int) -> int:
    return dt.date(year, 1, 1).toordinal()
