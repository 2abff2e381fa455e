"""Sections a plan leaves to other documents (`[plan.elsewhere]`) and audiences reached
outside its channels (`audiences.<id>.elsewhere`), issue #18: a council's moderation protocol
or a company's staff handbook is not a missing section.
"""

from __future__ import annotations

import pytest

import socialplan
from helpers import plan_of

# A plan that runs a channel, invites replies, takes a metric, and has no policy, moderation,
# report or resources: SP409, SP506, SP711 and SP309 each have something to say.
RUNNING = """
[objectives.talk]
title = "Start conversations with residents"
[channels.facebook]
platform = "facebook"
[metrics.comments]
name = "Comments"
"""

SECTION_OF = {"SP409": "policy", "SP506": "moderation", "SP711": "reporting", "SP309": "resources"}


def codes(body: str, *selected: str) -> list[str]:
    report = socialplan.validate(plan_of(body), select=list(selected) if selected else None)
    return [d.code for d in report]


@pytest.mark.parametrize("code", sorted(SECTION_OF))
def test_a_missing_section_is_reported_by_default(code: str) -> None:
    assert [code] == [c for c in codes(RUNNING) if c == code]


@pytest.mark.parametrize("code", sorted(SECTION_OF))
def test_a_section_kept_elsewhere_is_not_reported(code: str) -> None:
    body = f'[plan.elsewhere]\n{SECTION_OF[code]} = "The council\'s own document"\n' + RUNNING
    assert [] == codes(body, code)


@pytest.mark.parametrize("code", sorted(SECTION_OF))
def test_a_placeholder_for_where_does_not_count(code: str) -> None:
    body = f'[plan.elsewhere]\n{SECTION_OF[code]} = "TBD"\n' + RUNNING
    assert [code] == codes(body, code)


def test_a_budget_kept_elsewhere_answers_for_the_resources_too() -> None:
    body = '[plan.elsewhere]\nbudget = "Annual plan 2027"\n' + RUNNING
    assert [] == codes(body, "SP309")


def test_a_section_kept_elsewhere_is_not_counted_as_not_started() -> None:
    body = '[plan.elsewhere]\nengagement = "Community handbook"\n' + RUNNING
    (said,) = socialplan.validate(plan_of(body), select=["SP809"])
    assert "rules of engagement" not in said.message


def test_a_section_kept_elsewhere_keeps_its_per_part_rule_silent() -> None:
    body = '[plan.elsewhere]\nengagement = "Community handbook"\n' + RUNNING
    assert [] == codes(body, "SP501")


def test_what_the_plan_holds_of_a_section_kept_elsewhere_is_still_checked() -> None:
    # Two channels, one with engagement rules: the section is started here, so the one left
    # out is a finding even though the plan also points to a handbook.
    body = (
        '[plan.elsewhere]\nengagement = "Community handbook"\n'
        + RUNNING
        + '[channels.x]\nplatform = "x"\n[engagement.x]\ntone = "Plain"\n'
    )
    assert ["channels.facebook"] == [
        d.path for d in socialplan.validate(plan_of(body), select=["SP501"])
    ]


def test_a_misspelt_section_is_an_unknown_key_with_a_suggestion() -> None:
    with pytest.raises(socialplan.LoadError) as caught:
        plan_of('[plan.elsewhere]\npolcy = "Handbook"\n')
    (problem,) = caught.value.diagnostics
    assert ("SP003", "plan.elsewhere.polcy", 'did you mean "policy"?') == (
        problem.code,
        problem.path,
        problem.hint,
    )


AUDIENCE = '[audiences.staff]\nname = "Staff"\n'


def test_an_audience_on_no_channel_is_unreached() -> None:
    assert ["SP301"] == codes(AUDIENCE, "SP301")


def test_an_audience_reached_elsewhere_is_not_unreached() -> None:
    body = AUDIENCE + 'elsewhere = "The intranet and team briefings"\n'
    assert [] == codes(body, "SP301")


def test_an_audience_a_proposed_channel_is_for_is_not_unreached() -> None:
    # Whether the proposed channel goes ahead is that channel's question, not the audience's.
    body = '[channels.instagram]\nplatform = "instagram"\nstatus = "proposed"\n'
    body += 'audiences = ["staff"]\n' + AUDIENCE
    assert [] == codes(body, "SP301")


def test_an_audience_only_a_retired_channel_was_for_is_unreached() -> None:
    body = '[channels.x]\nplatform = "x"\nstatus = "retired"\naudiences = ["staff"]\n' + AUDIENCE
    assert ["SP301"] == codes(body, "SP301")


def test_status_does_not_ask_for_a_policy_kept_elsewhere() -> None:
    body = '[plan.elsewhere]\npolicy = "Staff handbook, chapter 4"\n' + RUNNING
    step = socialplan.progress(plan_of(body))["policy"]
    assert ((), True) == (step.missing, step.written)


def test_status_does_not_ask_where_an_audience_reached_elsewhere_is() -> None:
    body = AUDIENCE + 'elsewhere = "The intranet"\n'
    step = socialplan.progress(plan_of(body))["audiences"]
    assert () == step.missing
