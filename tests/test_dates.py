"""Dates keep the printed precision and never borrow a part from today."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laoru import dates


@pytest.mark.parametrize(
    ("text", "fmt", "tz", "expected"),
    [
        ("03/08/2025 11:00", "%d/%m/%Y %H:%M", "+07:00", "2025-08-03T11:00:00+07:00"),
        ("03/08/2025", "%d/%m/%Y", "+07:00", "2025-08-03"),
        ("11/4/2025 2:53:57 PM", "%m/%d/%Y %I:%M:%S %p", "+07:00", "2025-11-04T14:53:57+07:00"),
        ("20.11.2025", "%d.%m.%Y", "+03:00", "2025-11-20"),
        ("May 2024", "%B %Y", None, "2024-05"),
        ("May 23", "%B %d", None, "--05-23"),
        ("31/02/2025", "%d/%m/%Y", None, None),
    ],
)
def test_parse_format_keeps_precision(text, fmt, tz, expected):
    assert dates.parse_format(text, fmt, tz) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Souksakhone Vaenkeo (Latest Update May 13, 2024 )", "2024-05-13"),
        ("20 November 2025 04:00", "2025-11-20"),
        ("16 June 201713:25", "2017-06-16"),
        ("29 июня 2020", "2020-06-29"),
        ("ວັນທີ 6 ກໍລະກົດ 2564", "2021-07-06"),
        ("ວັນທີ ໖ ກໍລະກົດ 2021", "2021-07-06"),
        ("in May 2024 the", "2024-05"),
        ("on Jul 7 to review", "--07-07"),
        ("nothing here", None),
    ],
)
def test_parse_human_without_zone(text, expected):
    assert dates.parse_human(text) == expected


def test_parse_human_with_zone_keeps_time():
    assert dates.parse_human("20 November 2025 04:00", "+03:00") == "2025-11-20T04:00:00+03:00"
    assert dates.parse_human("16 June 201713:25", "+03:00") == "2017-06-16T13:25:00+03:00"


@pytest.mark.parametrize(
    ("text", "tz", "expected"),
    [
        ("2025-08-03T11:00:00+07:00", None, "2025-08-03T11:00:00+07:00"),
        ("2025-08-03T04:00:00Z", None, "2025-08-03T04:00:00+00:00"),
        ("2025-08-03T11:00:00", "+07:00", "2025-08-03T11:00:00+07:00"),
        ("2025-08-03T11:00:00", None, "2025-08-03"),
        ("2024-05", None, "2024-05"),
        ("yesterday", None, None),
    ],
)
def test_parse_iso(text, tz, expected):
    assert dates.parse_iso(text, tz) == expected


def test_resolve_yearless_against_publication():
    assert dates.resolve_yearless("--05-23", "2023-05-24T10:00:00+03:00") == "2023-05-23"
    assert dates.resolve_yearless("--12-30", "2024-01-02") == "2023-12-30"
    assert dates.resolve_yearless("--07-06", None) == "--07-06"


@given(st.text(max_size=60))
def test_parse_human_never_invents_a_year(text):
    value = dates.parse_human(text)
    if value and not value.startswith("--"):
        year = int(value[:4])
        printed = {int(y) for y in re.findall(r"\d{4}", text.translate(dates.LAO_DIGITS))}
        assert year in printed or year + dates.BUDDHIST_ERA_OFFSET in printed


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
       st.sampled_from(["%d %B %Y", "%B %d, %Y", "%b %d %Y", "%d %b %Y"]))
def test_written_dates_round_trip(day, fmt):
    assert dates.parse_human(day.strftime(fmt)) == day.isoformat()


@pytest.mark.parametrize(("value", "kind", "rank"), [
    (None, None, 0), ("--12", "yearless month", 1), ("--07-06", "yearless", 2), ("2025", "year", 3),
    ("2025-07", "month", 4), ("2025-07-30", "day", 5), ("2025-08-03T11:00:00+07:00", "time", 5),
])
def test_one_notion_of_precision_names_and_ranks(value, kind, rank):
    assert dates.precision(value) == kind and dates.precision_rank(value) == rank


@pytest.mark.parametrize(("url", "expected"), [
    # 311_other.txt prints its permalink: "Ссылка на новость: https://kant.kg/2024-10-10/glava-mid-…"
    ("https://kant.kg/2024-10-10/glava-mid-laosa-poprivetstvoval-lavrova-na-russkom-yazyke/", "2024-10-10"),
    ("https://laotiantimes.com/2021/01/25/russia-provides-sputnik-v-covid-19-vaccine-to-laos/", "2021-01-25"),
    ("https://vpk.name/news/241330_laosskie_voennye.html", None),  # an id, not a date
    ("https://example.org/2024-13-40/slug", None),  # not a real day
    (None, None),
])
def test_date_in_url(url, expected):
    assert dates.date_in_url(url) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(["-", "/"]),
       st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", max_size=30))
def test_date_in_url_reads_any_dated_permalink(day, sep, slug):
    url = f"https://example.org/news/{day.strftime(f'%Y{sep}%m{sep}%d')}/{slug}"
    assert dates.date_in_url(url) == day.isoformat()
