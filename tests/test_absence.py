"""What a finding is about (issue #18): a section not started is progress, said once (SP809);
one started but incomplete is one group of findings; channels that are not live do not get
the rules meant for running channels; and every output shows or carries the groups."""

from __future__ import annotations

import json

import pytest

import socialplan
from helpers import HEAD, Write, plan_of, run

#: Three running channels, owned, with audiences and engagement rules.
CHANNELS = (
    '[audiences.locals]\nname = "Locals"\nchannels = ["blog", "facebook", "x"]\n'
    '[roles.cm]\ntitle = "Community manager"\nfunction = "community_manager"\n'
    + "".join(
        f'[channels.{key}]\nplatform = "{key}"\nowner = "cm"\naudiences = ["locals"]\n'
        f'[engagement.{key}]\ntone = "warm"\nresponse_time = "2h"\n'
        for key in ("blog", "facebook", "x")
    )
)
#: A route for every kind of message, on every channel.
ROUTES = "".join(
    f'[[routing]]\nmessage = "{kind}"\nto = "cm"\n'
    for kind in ("inquiry", "suggestion", "complaint", "crisis")
)


def codes_and_paths(plan: socialplan.Plan, *codes: str) -> list[tuple[str, str]]:
    return [(d.code, d.path) for d in socialplan.validate(plan, select=list(codes))]


def test_a_plan_with_no_calendar_at_all_gets_one_sp809_and_no_sp604() -> None:
    plan = plan_of(CHANNELS + ROUTES)
    report = socialplan.validate(plan, select=["SP604", "SP809"])
    assert [("SP809", "", "Not started yet: editorial calendar")] == [
        (d.code, d.path, d.message) for d in report
    ]


def test_sp809_names_every_section_not_started_once() -> None:
    plan = plan_of(
        '[roles.cm]\ntitle = "CM"\n'
        '[channels.blog]\nplatform = "blog"\nowner = "cm"\n'
        '[channels.x]\nplatform = "x"\nowner = "cm"\n'
    )
    report = socialplan.validate(plan, select=["SP809", "SP403", "SP501", "SP604"])
    assert [
        (
            "SP809",
            "info",
            "Not started yet: audiences, message routing, rules of engagement, editorial calendar",
        )
    ] == [(d.code, str(d.severity), d.message) for d in report]


def test_a_calendar_for_some_channels_gets_sp604_for_the_others_in_one_group() -> None:
    plan = plan_of(
        CHANNELS + ROUTES + '[[calendar]]\ndate = 2026-01-05\nchannel = "x"\ntitle = "Hello"\n'
    )
    found = [d for d in socialplan.validate(plan) if d.code in ("SP604", "SP809")]
    assert [
        ("SP604", "channels.blog", "2 of 3 channels have nothing in the calendar"),
        ("SP604", "channels.facebook", "2 of 3 channels have nothing in the calendar"),
    ] == [(d.code, d.path, d.group) for d in found]


def test_engagement_rules_for_some_channels_is_a_warning_naming_the_others() -> None:
    plan = plan_of(CHANNELS + '[channels.tiktok]\nplatform = "tiktok"\nowner = "cm"\n')
    found = list(socialplan.validate(plan, select=["SP501"]))
    assert [("warning", "channels.tiktok", "1 of 4 channels has no engagement rule")] == [
        (str(d.severity), d.path, d.group) for d in found
    ]


def test_routing_for_some_kinds_groups_the_channels_by_what_they_lack() -> None:
    plan = plan_of(CHANNELS + '[[routing]]\nmessage = "inquiry"\nto = "cm"\n')
    groups = {d.group for d in socialplan.validate(plan, select=["SP403"])}
    assert {"3 of 3 channels have no route for suggestions, complaints and crises"} == groups


def test_a_plan_with_no_metric_at_all_says_so_once_instead_of_per_objective() -> None:
    plan = plan_of('[objectives.a]\ntitle = "A"\n[objectives.b]\ntitle = "B"\n')
    assert [("SP809", "")] == codes_and_paths(plan, "SP201", "SP809")


#: The rules meant for running channels, and those a channel of each status still gets.
RUNNING = ["SP302", "SP401", "SP403", "SP501", "SP604", "SP606"]
STILL = {
    "proposed": [],
    "conditional": ["SP302", "SP401"],  # switched on when its condition comes
    "retiring": ["SP401"],  # someone winds it down
    "retired": [],
}


@pytest.mark.parametrize("status", sorted(STILL))
def test_channels_that_are_not_live_get_none_of_the_running_channel_rules(status: str) -> None:
    plan = plan_of(
        CHANNELS
        + '[[calendar]]\ndate = 2026-01-05\nchannel = "x"\ntitle = "Hello"\n'
        + '[[routing]]\nmessage = "inquiry"\nto = "cm"\n'
        + f'[channels.old]\nplatform = "facebook"\nstatus = "{status}"\n'
    )
    found = [d.code for d in socialplan.validate(plan, select=RUNNING)]
    old = [d.code for d in socialplan.validate(plan, select=RUNNING) if "channels.old" in d.path]
    assert (STILL[status], True) == (old, "SP403" in found)


def test_a_retired_channel_alone_does_not_make_the_calendar_not_started() -> None:
    plan = plan_of('[channels.old]\nplatform = "facebook"\nstatus = "retired"\n')
    assert [] == codes_and_paths(plan, "SP809", "SP604")


def test_an_audience_reached_only_by_a_retired_channel_is_unreached() -> None:
    plan = plan_of(
        '[audiences.locals]\nname = "Locals"\n'
        '[channels.old]\nplatform = "facebook"\nstatus = "retired"\naudiences = ["locals"]\n'
    )
    assert [("SP301", "audiences.locals")] == codes_and_paths(plan, "SP301")


def test_findings_that_stand_alone_have_no_group() -> None:
    plan = plan_of('[objectives.a]\ntitle = "A"\nsupports = ["nope"]\n')
    assert [None] == [d.group for d in socialplan.validate(plan, select=["SP101"])]


GROUPED = (
    CHANNELS.replace('owner = "cm"\n', "")
    + "[[calendar]]\n"
    + ('date = 2026-01-05\nchannel = "x"\ntitle = "Hello"\n')
)


def test_text_output_shows_one_line_per_group_with_every_part(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", HEAD + GROUPED)
    _, out, _ = run(["check", path, "--select", "SP401"], capsys)
    lines = [line for line in out.splitlines() if "SP401" in line]
    assert [
        f"    {path}:10:1: SP401 3 of 3 channels have no owner: blog, facebook, x "
        "(Set the channel's `owner` to a role id.)"
    ] == lines


def test_a_group_of_nested_parts_lists_their_own_ids(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    pillars = (
        '[content.pillars.recipes]\ntheme = "Recipes"\n[content.pillars.team]\ntheme = "Team"\n'
    )
    path = write("plan.toml", HEAD + pillars)
    _, out, _ = run(["check", path, "--select", "SP601"], capsys)
    lines = [line.split(": ", 1)[1] for line in out.splitlines() if "SP601" in line]
    assert [
        "SP601 2 of 2 content pillars serve no objective: recipes, team "
        "(Name the objectives the pillar serves in `objectives`.)"
    ] == lines


def test_text_output_wraps_a_long_group_and_keeps_every_part(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = [f"channel_number_{n:02}" for n in range(30)]
    body = "".join(f'[channels.{k}]\nplatform = "x"\n' for k in keys)
    body += '[[calendar]]\ndate = 2026-01-05\nchannel = "channel_number_00"\ntitle = "Hi"\n'
    path = write("plan.toml", HEAD + body)
    _, out, _ = run(["check", path, "--select", "SP604"], capsys)
    block = out.split("warnings (1):\n", 1)[1].split("\n  0 errors", 1)[0]
    assert (
        True,
        keys[1:],
        True,
    ) == (
        block.startswith(f"    {path}:6:1: SP604 29 of 30 channels have nothing in the calendar:"),
        [
            k.strip(",")
            for line in block.splitlines()
            for k in line.split()
            if k.startswith("channel_n")
        ],
        all(len(line) <= 100 or "SP604" in line for line in block.splitlines()),
    )


def test_json_keeps_one_entry_per_part_and_carries_the_group(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", HEAD + GROUPED)
    _, out, _ = run(["check", path, "--select", "SP401", "--format", "json"], capsys)
    found = json.loads(out)["files"][0]["diagnostics"]
    assert [("channels.blog.owner", "3 of 3 channels have no owner")] * 1 + [
        ("channels.facebook.owner", "3 of 3 channels have no owner"),
        ("channels.x.owner", "3 of 3 channels have no owner"),
    ] == [(d["path"], d["group"]) for d in found]


def test_sarif_carries_the_group_in_each_results_property_bag(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", HEAD + GROUPED)
    _, out, _ = run(["check", path, "--select", "SP401,SP101", "--format", "sarif"], capsys)
    results = json.loads(out)["runs"][0]["results"]
    assert [{"group": "3 of 3 channels have no owner"}] * 3 == [
        r.get("properties") for r in results
    ]


def test_the_report_lists_a_group_as_one_finding(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", HEAD + GROUPED)
    _, out, _ = run(["report", path, "--format", "markdown"], capsys)
    rows = [line for line in out.splitlines() if line.startswith("| SP401")]
    summary = [line for line in out.splitlines() if line.startswith("- SP401")]
    assert (
        [
            "| SP401 | warning | channels | 3 of 3 channels have no owner: blog, facebook, x | "
            "Set the channel's \\`owner\\` to a role id. |"
        ],
        ["- SP401 (warning): 3 of 3 channels have no owner: blog, facebook, x"],
    ) == (rows, summary)
