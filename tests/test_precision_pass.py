"""The precision pass of issue #18: rules changed where the corpus' strategist showed them
wrong in a way that holds for a council, a university and a bakery alike.

Each change: the plan where the rule used to speak wrongly, and the near plan where it still
speaks (tests/test_rules.py has every rule's main case).
"""

from __future__ import annotations

import pytest

import socialplan
from helpers import plan_of


def found(body: str, code: str) -> list[tuple[str, str, str]]:
    """What rule *code* reports on the plan *body*, as (code, severity, path)."""
    report = socialplan.validate(plan_of(body), select=[code])
    return [(d.code, str(d.severity), d.path) for d in report]


# --- SP202: a vanity metric is a count that measures no objective, among metrics that do ----

OBJECTIVES = """
[objectives.awareness]
title = "Be known among parents"
[objectives.visits]
title = "Bring parents to the shop"
"""

LINKED = """
[metrics.followers]
name = "Followers"
measures = ["awareness"]
"""


@pytest.mark.parametrize(
    "judgment",
    [
        'kind = "qualitative"',
        'family = "perception"\nunit = "%"',
        'method = "survey"\nunit = "%"',
    ],
    ids=["qualitative", "perception", "survey"],
)
def test_a_judgment_of_the_whole_effort_is_not_a_vanity_metric(judgment: str) -> None:
    body = (
        OBJECTIVES
        + LINKED
        + f'[metrics.rating]\nname = "Residents who find us useful"\n{judgment}\n'
    )
    assert [] == found(body, "SP202")


def test_an_unlinked_count_among_linked_metrics_is_a_vanity_metric() -> None:
    body = OBJECTIVES + LINKED + '[metrics.likes]\nname = "Likes"\n'
    assert [("SP202", "warning", "metrics.likes.measures")] == found(body, "SP202")


def test_when_no_metric_names_an_objective_sp202_is_silent() -> None:
    body = OBJECTIVES + '[metrics.likes]\nname = "Likes"\n[metrics.reach]\nname = "Reach"\n'
    assert [] == found(body, "SP202")


def test_when_no_metric_names_an_objective_sp201_says_it_once_for_the_objectives() -> None:
    body = OBJECTIVES + '[metrics.likes]\nname = "Likes"\n[metrics.reach]\nname = "Reach"\n'
    report = socialplan.validate(plan_of(body), select=["SP201", "SP202"])
    groups = {(d.code, d.group) for d in report}
    assert {("SP201", "2 of 2 objectives are measured by no metric")} == groups


def test_metrics_in_a_plan_with_no_objective_measure_nothing() -> None:
    body = '[metrics.likes]\nname = "Likes"\n'
    assert [("SP202", "warning", "metrics.likes.measures")] == found(body, "SP202")


# --- SP502: a response time is for channels where people write to us -----------------------


@pytest.mark.parametrize("platform", ["newsletter", "podcast"])
def test_a_one_way_channel_needs_no_response_time(platform: str) -> None:
    body = f'[channels.digest]\nplatform = "{platform}"\n[engagement.digest]\ntone = "warm"\n'
    assert [] == found(body, "SP502")


def test_a_one_way_channel_is_not_counted_among_those_that_answer() -> None:
    body = (
        '[channels.digest]\nplatform = "newsletter"\n[engagement.digest]\ntone = "warm"\n'
        '[channels.fb]\nplatform = "facebook"\n[engagement.fb]\ntone = "warm"\n'
    )
    report = socialplan.validate(plan_of(body), select=["SP502"])
    assert [("engagement.fb.response_time", "1 of 1 engagement rules sets no response time")] == [
        (d.path, d.group) for d in report
    ]


def test_a_conversation_platform_still_needs_a_response_time() -> None:
    body = '[channels.fb]\nplatform = "facebook"\n[engagement.fb]\ntone = "warm"\n'
    assert [("SP502", "warning", "engagement.fb.response_time")] == found(body, "SP502")


# --- SP701: naming the tool a metric is read from is advice --------------------------------


def test_a_metric_with_no_source_is_advice() -> None:
    body = '[metrics.likes]\nname = "Likes"\n'
    assert [("SP701", "info", "metrics.likes.source")] == found(body, "SP701")


# --- SP402: nobody runs the channels is said once -------------------------------------------

CHANNELS = '[channels.fb]\nplatform = "facebook"\n[channels.x]\nplatform = "x"\n'
REPORTS_ONLY = '[roles.cabinet]\ntitle = "Cabinet"\nduties = ["receive the quarterly tracker"]\n'


def test_no_role_at_all_is_a_section_not_started_not_a_missing_community_manager() -> None:
    report = socialplan.validate(plan_of(CHANNELS), select=["SP402", "SP809"])
    said = [(d.code, "roles" in d.message.split(": ", 1)[1].split(", ")) for d in report]
    assert [("SP809", True)] == said


def test_when_no_channel_has_an_owner_sp401_says_nobody_runs_them() -> None:
    report = socialplan.validate(plan_of(REPORTS_ONLY + CHANNELS), select=["SP401", "SP402"])
    assert {("SP401", "2 of 2 channels have no owner")} == {(d.code, d.group) for d in report}


def test_proposed_channels_that_no_role_would_run_still_get_sp402() -> None:
    body = REPORTS_ONLY + CHANNELS.replace('"\n', '"\nstatus = "proposed"\n')
    assert [("SP402", "warning", "roles")] == found(body, "SP402")
