"""Scenario triggers: plan B and plan C as conditions on the plan's metrics, judged by the
scorecard against the observations (issue #17)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import socialplan
from helpers import HEAD
from html_page import page
from socialplan import Trigger, TriggerState
from socialplan import observations as obs
from socialplan.dsl import PlanBuilder
from socialplan.render import report, scorecard
from socialplan.schema import json_schema

PLAN = """
[objectives.community]
title = "Be known in the neighbourhood"
target = { value = 5000, unit = "followers", baseline = 1000, deadline = 2027-12-31 }

[metrics.followers]
name = "Followers"
unit = "followers"
measures = ["community"]

[metrics.complaints]
name = "Complaints"
unit = "complaints"

[scenarios.plan_b]
name = "Plan B: Facebook events"
when = [{ metric = "followers", below = "60%", by = 2027-06-30 }]

[scenarios.plan_c]
name = "Plan C: answer by phone"
when = [{ metric = "complaints", above = 50 }]
"""

OBSERVED = """\
metric,date,value
followers,2027-03-31,1000
followers,2027-06-28,1200
followers,2027-07-15,3500
complaints,2027-05-01,40
complaints,2027-06-01,65
"""


def _card(text: str = PLAN, as_of: dt.date | None = None) -> socialplan.Scorecard:
    plan = socialplan.loads(HEAD + text)
    return socialplan.score(plan, obs.loads(OBSERVED, plan, "csv"), as_of=as_of)


def _states(card: socialplan.Scorecard) -> list[tuple[str, TriggerState, str]]:
    return [(t.scenario, t.state, t.reason) for t in card.triggers]


# Loading and writing.


def test_triggers_load_with_a_number_or_a_share() -> None:
    plan = socialplan.loads(HEAD + PLAN)
    assert (
        (Trigger(metric="followers", below="60%", by=dt.date(2027, 6, 30)),),
        (Trigger(metric="complaints", above=50),),
    ) == (plan.scenarios["plan_b"].when, plan.scenarios["plan_c"].when)


def test_a_share_is_read_as_written() -> None:
    assert (0.6, 0.125, None) == (
        Trigger(metric="m", below="60%").share,
        Trigger(metric="m", above="12.5 %").share,
        Trigger(metric="m", above=50).share,
    )


def test_triggers_are_written_back_as_read() -> None:
    plan = socialplan.loads(HEAD + PLAN)
    assert plan == socialplan.loads(socialplan.dumps(plan))
    assert plan == socialplan.loads(socialplan.dumps(plan, "json"), "json")


def test_a_scenario_without_triggers_writes_no_when() -> None:
    plan = socialplan.loads(HEAD + '[scenarios.b]\nname = "Plan B"\n')
    assert "when" not in socialplan.dumps(plan)


def test_every_problem_of_the_triggers_is_reported_at_once_where_it_is() -> None:
    text = HEAD + (
        '[scenarios.b]\nname = "B"\nwhen = [\n'
        '  { metric = "followers", belwo = 3000 },\n'
        '  { metric = "followers", below = 3000, above = 9000 },\n'
        '  { metric = "followers" },\n'
        '  { metric = "followers", above = "sixty" },\n'
        "]\n"
    )
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    assert [
        ("SP003", "scenarios.b.when[0].belwo", 7, 'did you mean "below"?'),
        ("SP006", "scenarios.b.when[1]", 8, "keep one of them: the metric is either below a "
         "number or above it"),
        ("SP006", "scenarios.b.when[2]", 9, 'add below = <a number or "60%"> or above = '
         '<a number or "60%">'),
        ("SP006", "scenarios.b.when[3].above", 10, None),
    ] == [(d.code, d.path, d.line, d.hint) for d in info.value.diagnostics]  # fmt: skip
    assert [
        'unknown key "belwo"',
        "the trigger gives both below and above: a trigger needs exactly one of them",
        "the trigger gives neither below nor above: a trigger needs exactly one of them",
        '"sixty" is not a number, or a share of the target such as "60%"',
    ] == [d.message for d in info.value.diagnostics]


def test_a_trigger_made_in_python_needs_one_threshold() -> None:
    with pytest.raises(ValueError, match="neither below nor above"):
        Trigger(metric="followers")


def test_a_trigger_on_a_metric_the_plan_lacks_is_an_unknown_reference() -> None:
    plan = socialplan.loads(HEAD + PLAN.replace('metric = "complaints"', 'metric = "complaint"'))
    assert [("scenarios.plan_c.when[0].metric", 'did you mean "complaints"?')] == [
        (d.path, d.hint) for d in socialplan.validate(plan, select=["SP101"])
    ]


def test_the_schema_asks_for_exactly_one_threshold() -> None:
    trigger = json_schema()["$defs"]["Trigger"]
    assert (["metric"], ["below", "above"]) == (
        trigger["required"],
        [case["required"][0] for case in trigger["oneOf"]],
    )


def test_the_dsl_adds_triggers() -> None:
    p = PlanBuilder("Demo")
    community = p.objective(
        "community",
        "Be known in the neighbourhood",
        target={"value": 5000, "unit": "followers", "baseline": 1000, "deadline": "2027-12-31"},
    )
    followers = p.metric("followers", "Followers", unit="followers", measures=[community])
    complaints = p.metric("complaints", "Complaints", unit="complaints")
    p.scenario("plan_b", "Plan B: Facebook events")
    p.trigger("plan_b", followers, below="60%", by="2027-06-30")
    p.scenario("plan_c", "Plan C: answer by phone")
    p.trigger("plan_c", complaints, above=50)
    assert socialplan.loads(HEAD + PLAN).scenarios == p.build().scenarios


# Judged by the scorecard: the numbers worked by hand.


def test_a_trigger_below_a_share_of_the_target_by_a_date_fires() -> None:
    # 60% of 5,000 is 3,000; the latest observation on or before 30 June is 1,200 (28 June).
    card = _card(as_of=dt.date(2027, 6, 30))
    b = card.triggers[0]
    assert (TriggerState.FIRED, 3000, 5000, 0.6, 1200, dt.date(2027, 6, 28)) == (
        b.state, b.threshold, b.target, b.share, b.value, b.value_date
    )  # fmt: skip
    assert "followers 1,200 is below 60% of 5,000 (3,000) by 2027-06-30" == b.reason


def test_a_later_observation_does_not_change_a_trigger_judged_by_a_date() -> None:
    # 3,500 on 15 July is past 30 June: the trigger is still judged on 1,200.
    card = _card()
    assert (dt.date(2027, 7, 15), TriggerState.FIRED, 1200) == (
        card.as_of, card.triggers[0].state, card.triggers[0].value
    )  # fmt: skip


def test_a_trigger_without_a_date_is_judged_on_the_latest_observation() -> None:
    # 65 complaints on 1 June is above 50; on 15 May the latest was 40, not above 50.
    assert ("complaints 65 is above 50 on 2027-06-01", TriggerState.FIRED) == (
        _card().triggers[1].reason, _card().triggers[1].state
    )  # fmt: skip
    earlier = _card(as_of=dt.date(2027, 5, 15)).triggers[1]
    assert (TriggerState.NOT_FIRED, "complaints 40 is not above 50 on 2027-05-01") == (
        earlier.state, earlier.reason
    )  # fmt: skip


def test_a_trigger_is_not_judged_before_its_date() -> None:
    b = _card(as_of=dt.date(2027, 5, 15)).triggers[0]
    assert (
        TriggerState.NOT_YET,
        "to be judged on 2027-06-30 (followers 1,000 on 2027-03-31 so far)",
    ) == (b.state, b.reason)


def test_a_trigger_with_no_observation_by_its_date_is_not_judged() -> None:
    text = PLAN.replace("by = 2027-06-30", "by = 2027-03-01")
    b = _card(text).triggers[0]
    assert (TriggerState.NOT_YET, "no observation of followers by 2027-03-01", None) == (
        b.state, b.reason, b.value
    )  # fmt: skip


def test_a_share_of_no_target_is_not_judged() -> None:
    text = PLAN.replace("above = 50", 'above = "150%"')
    c = _card(text).triggers[1]
    assert (TriggerState.NOT_YET, "complaints has no target to take 150% of", None) == (
        c.state, c.reason, c.threshold
    )  # fmt: skip


def test_a_trigger_on_a_metric_the_plan_lacks_is_not_judged() -> None:
    text = PLAN.replace('metric = "complaints"', 'metric = "nope"')
    assert (TriggerState.NOT_YET, 'the plan has no metric "nope"') == (
        _card(text).triggers[1].state, _card(text).triggers[1].reason
    )  # fmt: skip


def test_a_value_equal_to_the_threshold_does_not_fire() -> None:
    text = PLAN.replace("above = 50", "above = 65")
    assert TriggerState.NOT_FIRED == _card(text).triggers[1].state


def test_the_scorecard_names_the_scenarios_called_for() -> None:
    assert (["plan_b", "plan_c"], ["plan_c"]) == (
        _card().fired,
        _card(as_of=dt.date(2027, 6, 15)).fired,
    )


def test_the_triggers_are_data_of_the_scorecard() -> None:
    data = _card().to_dict()
    assert data == json.loads(json.dumps(data))
    assert (["plan_b", "plan_c"], "fired", 3000, "2027-06-28") == (
        data["fired"],
        data["triggers"][0]["state"],
        data["triggers"][0]["threshold"],
        data["triggers"][0]["value_date"],
    )


def test_a_plan_without_triggers_keeps_its_scorecard_data_as_it_was() -> None:
    plan = socialplan.loads(HEAD + '[scenarios.b]\nname = "Plan B"\n')
    data = socialplan.score(plan, [], as_of=dt.date(2027, 1, 1)).to_dict()
    assert ("triggers" in data, "fired" in data) == (False, False)


# Every scorecard output shows them.


def test_the_text_scorecard_says_which_triggers_fired() -> None:
    # On 15 June: plan B waits for 30 June; 65 complaints on 1 June are above 50.
    text = scorecard(_card(as_of=dt.date(2027, 6, 15)))
    part = text.split("Scenario triggers\n-----------------\n\n", 1)[1]
    assert part.startswith("Called for: Plan C: answer by phone.\n")
    assert "not judged yet  to be judged on 2027-06-30 (followers 1,000 on 2027-03-31" in part


def test_the_markdown_scorecard_has_a_row_per_trigger() -> None:
    markdown = scorecard(_card(), format="markdown")
    assert (
        "| Plan B: Facebook events | followers below 60% by 2027-06-30 | fired "
        "| followers 1,200 is below 60% of 5,000 (3,000) by 2027-06-30 |"
    ) in markdown


def test_the_html_scorecard_shows_the_triggers() -> None:
    parsed = page(scorecard(_card(), format="html"))
    assert "complaints 65 is above 50 on 2027-06-01" in "".join(parsed.text)


def test_the_json_scorecard_has_the_triggers() -> None:
    assert ["plan_b", "plan_c"] == json.loads(scorecard(_card(), format="json"))["fired"]


def test_the_spanish_scorecard_names_the_triggers_in_spanish() -> None:
    markdown = scorecard(_card(as_of=dt.date(2027, 6, 15)), format="markdown", lang="es")
    assert "## Desencadenantes de los escenarios" in markdown
    assert "_Hay que pasar a: Plan C: answer by phone._" in markdown
    assert "| followers por debajo de 60% para el 2027-06-30 | sin juzgar aún |" in markdown


def test_a_scorecard_with_no_trigger_fired_says_so() -> None:
    assert "_No scenario is called for._" in scorecard(
        _card(as_of=dt.date(2027, 5, 15)), format="markdown"
    )


def test_a_scorecard_without_triggers_has_no_triggers_section() -> None:
    plan = socialplan.loads(HEAD + '[scenarios.b]\nname = "Plan B"\n')
    card = socialplan.score(plan, [], as_of=dt.date(2027, 1, 1))
    assert "Scenario triggers" not in scorecard(card)


# The plan's own report and diff.


def test_the_report_shows_each_scenarios_triggers() -> None:
    text = report(socialplan.loads(HEAD + PLAN))
    scenarios = text.split("## Scenarios: plan B and plan C", 1)[1].split("\n## ", 1)[0]
    assert "| Plan B: Facebook events |" in scenarios
    assert "followers below 60% by 2027-06-30" in scenarios
    assert "complaints above 50" in scenarios


def test_the_spanish_report_says_the_triggers_in_spanish() -> None:
    text = report(socialplan.loads(HEAD + PLAN), lang="es")
    assert "followers por debajo de 60% para el 2027-06-30" in text


def test_a_changed_trigger_is_said() -> None:
    old = socialplan.loads(HEAD + PLAN)
    new = socialplan.loads(HEAD + PLAN.replace("above = 50", "above = 80"))
    assert ['scenario "plan_c": trigger "complaints above": above raised from 50 to 80'] == [
        c.message for c in socialplan.diff(old, new)
    ]


def test_an_added_trigger_is_said() -> None:
    old = socialplan.loads(
        HEAD + PLAN.replace('when = [{ metric = "complaints", above = 50 }]\n', "")
    )
    new = socialplan.loads(HEAD + PLAN)
    assert ['scenario "plan_c": trigger "complaints above" added'] == [
        c.message for c in socialplan.diff(old, new)
    ]
