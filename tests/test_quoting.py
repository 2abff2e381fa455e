"""One function quotes a value in every message: loading's, the rules' and the diff's.

A quoted value reads as the TOML basic string its author would type: a backslash and a
quote escaped, a line break ``\\n``, a tab ``\\t``, a carriage return ``\\r``, any other
control ``\\uXXXX``; a long value is cut with an ellipsis and says how long it was.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialplan
from socialplan import CalendarEntry, Channel

TEXT = 'dai\nly "x" \\ \t\r\x1b'
QUOTED = '"dai\\nly \\"x\\" \\\\ \\t\\r\\u001b"'
PLAN = socialplan.Plan(name="Quotes", channels={"fb": Channel(platform="facebook")})


def load_error(reach: str) -> str:
    """The message loading gives for *reach*, a value the field does not take."""
    document = {"format": "socialplan/1", "plan": {"name": "x", "reach": reach}}
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(json.dumps(document), "json")
    (problem,) = caught.value.diagnostics
    return problem.message


def diff_message(title: str) -> str:
    """The message of the diff that adds a calendar entry titled *title*."""
    entry = CalendarEntry(date=dt.date(2027, 2, 1), channel="fb", title=title)
    (change,) = socialplan.diff(PLAN, PLAN.evolve(calendar=(entry,)))
    return change.message


def test_loading_quotes_line_breaks_and_tabs_as_a_toml_string_writes_them() -> None:
    expected = f'{QUOTED} is not one of "local", "national", "international"'
    assert expected == load_error(TEXT)


def test_the_diff_quotes_a_value_as_loading_does() -> None:
    assert f"calendar entry {QUOTED} on 2027-02-01 (fb) added" == diff_message(TEXT)


def test_the_diff_says_how_long_a_value_it_cuts_was() -> None:
    shown = '"' + "y" * 59 + '…" (100 characters)'
    assert f"calendar entry {shown} on 2027-02-01 (fb) added" == diff_message("y" * 100)


@given(st.text(max_size=30).filter(lambda t: t not in ("local", "national", "international")))
def test_every_message_quotes_a_value_alike(text: str) -> None:
    """What the diff quotes for a title is what loading quotes for the same text."""
    quoted = load_error(text).removesuffix(' is not one of "local", "national", "international"')
    assert f"calendar entry {quoted} on 2027-02-01 (fb) added" == diff_message(text)
