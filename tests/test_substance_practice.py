"""Rules about the practice a plan leaves out (issue #18, recall): objectives no tactic
serves, no policy for what is posted, no moderation where replies are invited, metrics that
no report reads.

The table of every rule (tests/test_rules.py) has the main case of each; these draw its edges.
"""

from __future__ import annotations

import socialplan
from helpers import paths, plan_of

# --- SP218: an objective no tactic or pillar serves, where others are served ---------------

TWO_OBJECTIVES = """
[objectives.events]
title = "Fill every event"
[objectives.grow]
title = "Reach people outside the community"
"""


def test_sp218_is_silent_when_nothing_is_tied_to_objectives() -> None:
    # No tactic names any objective: the plan does not tie tactics to objectives at all.
    body = TWO_OBJECTIVES + '[tactics.reminders]\ntitle = "Reminders"\n'
    assert [] == paths(body, "SP218")


def test_sp218_counts_a_content_pillar_as_serving_its_objective() -> None:
    body = (
        TWO_OBJECTIVES
        + '[tactics.reminders]\ntitle = "Reminders"\nobjectives = ["events"]\n'
        + '[content.pillars.stories]\ntheme = "Member stories"\nobjectives = ["grow"]\n'
    )
    assert [] == paths(body, "SP218")


def test_sp218_reports_each_objective_left_out_as_one_group() -> None:
    body = (
        TWO_OBJECTIVES
        + '[objectives.trust]\ntitle = "Be trusted"\n'
        + '[content.pillars.events]\ntheme = "Events"\nobjectives = ["events"]\n'
    )
    report = socialplan.validate(plan_of(body), select=["SP218"])
    assert ["objectives.grow", "objectives.trust"] == [d.path for d in report]
    assert {"2 of 3 objectives have no tactic or content pillar"} == {d.group for d in report}


# --- SP409: running channels and no policy at all -------------------------------------------


def test_sp409_is_silent_without_running_channels() -> None:
    body = '[channels.podcast]\nplatform = "podcast"\nstatus = "proposed"\n'
    assert [] == paths(body, "SP409")


def test_sp409_counts_a_policy_with_nothing_written_as_no_policy() -> None:
    body = '[channels.x]\nplatform = "x"\n[policy]\noff_limits = []\n'
    assert ["policy"] == paths(body, "SP409")


def test_sp409_accepts_a_policy_of_capacities_only() -> None:
    body = '[channels.x]\nplatform = "x"\n[policy]\npersonal_capacity = "Say it is yours"\n'
    assert [] == paths(body, "SP409")


# --- SP506: interaction invited, and no rule for visitors' posts ----------------------------


def test_sp506_is_silent_when_nothing_invites_replies() -> None:
    body = '[objectives.known]\ntitle = "Be known"\n[channels.x]\nplatform = "x"\n'
    assert [] == paths(body, "SP506")


def test_sp506_reads_a_route_for_incoming_messages_as_an_invitation() -> None:
    body = '[channels.x]\nplatform = "x"\n[[routing]]\nmessage = "inquiry"\nto = "cm"\n'
    assert ["moderation"] == paths(body, "SP506")


def test_sp506_accepts_moderation_rules_without_house_rules() -> None:
    body = (
        '[objectives.talk]\ntitle = "Start conversations"\n[channels.x]\nplatform = "x"\n'
        '[[moderation.rules]]\nwhen = "Abuse"\naction = "hide"\n'
    )
    assert [] == paths(body, "SP506")


def test_sp506_is_silent_on_retired_channels() -> None:
    body = (
        '[objectives.talk]\ntitle = "Start conversations"\n'
        '[channels.x]\nplatform = "x"\nstatus = "retired"\n'
    )
    assert [] == paths(body, "SP506")


# --- SP711: metrics taken, no report at all -------------------------------------------------


def test_sp711_is_silent_without_metrics() -> None:
    assert [] == paths('[objectives.known]\ntitle = "Be known"\n', "SP711")


def test_sp711_says_how_many_metrics_nobody_reads() -> None:
    body = '[metrics.visits]\nname = "Visits"\n[metrics.likes]\nname = "Likes"\n'
    (diagnostic,) = socialplan.validate(plan_of(body), select=["SP711"])
    assert diagnostic.message.startswith("2 metrics are taken")


# --- SP609: a plan with nothing that says when it is reviewed ------------------------------


def test_sp609_is_silent_on_a_plan_with_no_channel_and_no_objective() -> None:
    assert [] == paths('[audiences.locals]\nname = "Locals"\n', "SP609")


def test_sp609_reads_an_objective_as_a_plan_to_review() -> None:
    assert ["launch.review"] == paths('[objectives.known]\ntitle = "Be known"\n', "SP609")


def test_sp609_is_not_satisfied_by_a_launch_without_a_review() -> None:
    body = '[objectives.known]\ntitle = "Be known"\n[launch]\ndate = 2027-03-01\n'
    assert ["launch.review"] == paths(body, "SP609")


# --- SP309: running channels and no staff time or money for them ---------------------------


def test_sp309_is_silent_without_running_channels() -> None:
    body = '[channels.x]\nplatform = "x"\nstatus = "proposed"\n'
    assert [] == paths(body, "SP309")


def test_sp309_accepts_a_budget_for_the_channels() -> None:
    body = '[channels.x]\nplatform = "x"\n[budget]\ntotal = 1200\n'
    assert [] == paths(body, "SP309")


def test_sp309_accepts_a_budget_resource() -> None:
    body = '[channels.x]\nplatform = "x"\n[resources.ads]\nkind = "budget"\nname = "Ads"\n'
    assert [] == paths(body, "SP309")


def test_sp309_reports_running_channels_with_no_resource_at_all() -> None:
    assert ["resources"] == paths('[channels.x]\nplatform = "x"\n', "SP309")


# --- SP613 -----------------------------------------------------------------------------------

REVIEWED = '[launch]\nreview = "yearly"\n[roles.cm]\ntitle = "CM"\nduties = ["post daily"]\n'


def test_sp613_reports_a_review_nobody_runs() -> None:
    (finding,) = socialplan.validate(plan_of(REVIEWED), select=["SP613"])
    expected = (
        "launch.review",
        "the plan is reviewed yearly, and nobody is named to run the review: no role is "
        "accountable for it and no role's duties keep the strategy",
    )
    assert expected == (finding.path, finding.message)


def test_sp613_says_every_for_a_cadence_in_numbers() -> None:
    body = REVIEWED.replace('"yearly"', '"6 months"')
    (finding,) = socialplan.validate(plan_of(body), select=["SP613"])
    assert finding.message.startswith("the plan is reviewed every 6 months,")


def test_sp613_writes_the_cadence_on_one_line() -> None:
    body = REVIEWED.replace('"yearly"', '" yearly\\n"')
    (finding,) = socialplan.validate(plan_of(body), select=["SP613"])
    assert finding.message.startswith("the plan is reviewed yearly, and")


def test_sp613_is_silent_when_the_raci_names_who_runs_the_launch_step() -> None:
    body = REVIEWED + '[raci.steps.launch]\naccountable = ["cm"]\n'
    assert [] == paths(body, "SP613")


def test_sp613_is_silent_when_a_duty_keeps_the_strategy() -> None:
    body = REVIEWED.replace('["post daily"]', '["post daily", "revise the strategy each year"]')
    assert [] == paths(body, "SP613")


def test_sp613_is_silent_when_a_report_reaches_named_people_at_each_review() -> None:
    body = REVIEWED + (
        '[reporting.year]\ntitle = "The year"\nowner = "cm"\nto = ["cm"]\nevery = "yearly"\n'
    )
    assert [] == paths(body, "SP613")


def test_sp613_still_reports_when_the_report_keeps_another_cadence() -> None:
    body = REVIEWED + (
        '[reporting.month]\ntitle = "The month"\nowner = "cm"\nto = ["cm"]\nevery = "monthly"\n'
    )
    assert ["launch.review"] == paths(body, "SP613")


def test_sp613_is_silent_while_no_role_is_written() -> None:
    body = REVIEWED.replace('title = "CM"', 'title = "TODO: community manager"')
    assert [] == paths(body, "SP613")


def test_sp613_is_silent_without_a_review_cadence() -> None:
    assert [] == paths('[roles.cm]\ntitle = "CM"\n', "SP613")
