"""A channel's life: proposed, conditional, active, retiring, retired; and its priority."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import socialplan
from html_page import page
from socialplan import Channel, ChannelStatus
from socialplan.dsl import PlanBuilder
from socialplan.render import report
from socialplan.schema import json_schema

HEAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\n'

CHANNELS = """
[channels.x]
platform = "x"
status = "retiring"
status_note = "The last post stays pinned and points followers to Mastodon"
status_since = 2025-06-25
priority = 3

[channels.tiktok]
platform = "tiktok"
status = "conditional"
status_note = "Only if we find volunteers to run it"
priority = 2

[channels.instagram]
platform = "instagram"
"""


def test_a_channel_s_life_loads() -> None:
    plan = socialplan.loads(HEAD + CHANNELS)
    assert (
        Channel(
            platform="x",
            status=ChannelStatus.RETIRING,
            status_note="The last post stays pinned and points followers to Mastodon",
            status_since=dt.date(2025, 6, 25),
            priority=3,
        )
        == plan.channels["x"]
    )


def test_a_channel_without_a_status_has_none_and_writes_none() -> None:
    plan = socialplan.loads(HEAD + CHANNELS)
    assert (None, None) == (plan.channels["instagram"].status, plan.channels["instagram"].priority)
    text = socialplan.dumps(plan)
    assert text.count("status =") == 2
    assert plan == socialplan.loads(text)
    assert plan == socialplan.loads(socialplan.dumps(plan, "json"), "json")


def test_a_misspelt_status_is_refused_with_the_nearest() -> None:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(HEAD + '[channels.x]\nplatform = "x"\nstatus = "retireing"\n')
    (found,) = info.value.diagnostics
    assert ("SP006", "channels.x.status", 6, 'did you mean "retiring"?') == (
        found.code,
        found.path,
        found.line,
        found.hint,
    )


@pytest.mark.parametrize(("value", "code"), [(0, "SP006"), (-1, "SP006"), ("1", "SP005")])
def test_a_priority_is_a_rank_from_1(value: object, code: str) -> None:
    text = HEAD + f'[channels.x]\nplatform = "x"\npriority = {value!r}\n'.replace("'", '"')
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    assert [(code, "channels.x.priority")] == [(d.code, d.path) for d in info.value.diagnostics]


def test_a_status_since_that_is_not_a_date_is_refused() -> None:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(HEAD + '[channels.x]\nplatform = "x"\nstatus_since = "last June"\n')
    assert [("SP006", "channels.x.status_since")] == [
        (d.code, d.path) for d in info.value.diagnostics
    ]


def test_the_schema_gives_the_statuses_and_the_lowest_rank() -> None:
    schema = json_schema()
    channel = schema["$defs"]["Channel"]["properties"]
    assert (["proposed", "conditional", "active", "retiring", "retired"], 1) == (
        schema["$defs"]["ChannelStatus"]["enum"],
        channel["priority"]["minimum"],
    )


def test_the_dsl_sets_a_channel_s_life() -> None:
    p = PlanBuilder("Demo")
    p.channel(
        "x", platform="x", status="retiring",
        status_note="The last post stays pinned and points followers to Mastodon",
        status_since="2025-06-25", priority=3,
    )  # fmt: skip
    assert socialplan.loads(HEAD + CHANNELS).channels["x"] == p.build().channels["x"]


def test_a_changed_status_says_from_what_to_what() -> None:
    old = socialplan.loads(HEAD + CHANNELS)
    x = old.channels["x"]
    new = old.with_part("channels", "x", attrs.evolve(x, status=ChannelStatus.RETIRED))
    assert ['channel "x": status changed from "retiring" to "retired"'] == [
        c.message for c in socialplan.diff(old, new)
    ]


def test_a_channel_moved_to_rank_1_is_said_to_be_raised() -> None:
    old = socialplan.loads(HEAD + CHANNELS)
    tiktok = old.channels["tiktok"]
    new = old.with_part("channels", "tiktok", attrs.evolve(tiktok, priority=1))
    assert ['channel "tiktok": priority raised from 2 to 1'] == [
        c.message for c in socialplan.diff(old, new)
    ]
    assert ['channel "tiktok": priority lowered from 1 to 2'] == [
        c.message for c in socialplan.diff(new, old)
    ]


def test_the_report_lists_the_channels_by_priority_with_their_status() -> None:
    text = report(socialplan.loads(HEAD + CHANNELS))
    section = text.split("### Status and priority", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert [
        "| channel | priority | status | since | note |",
        "| tiktok | 2 | conditional |  | Only if we find volunteers to run it |",
        "| x | 3 | retiring | 2025-06-25 | The last post stays pinned and points followers to "
        "Mastodon |",
    ] == rows


def test_the_spanish_report_says_the_status_in_spanish() -> None:
    text = report(socialplan.loads(HEAD + CHANNELS), lang="es")
    assert ("### Estado y prioridad" in text, "| x | 3 | en retirada |" in text) == (True, True)


def test_the_html_report_shows_the_condition_of_a_channel() -> None:
    parsed = page(report(socialplan.loads(HEAD + CHANNELS), format="html"))
    assert "Only if we find volunteers to run it" in "".join(parsed.text)


def test_a_plan_whose_channels_have_no_status_shows_no_status_table() -> None:
    assert "Status and priority" not in report(
        socialplan.loads(
            HEAD + CHANNELS.split("[channels.x]")[0] + '[channels.x]\nplatform = "x"\n'
        )
    )
