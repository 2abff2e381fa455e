"""The traceability matrix: one row per chain, every break in a chain marked."""

from __future__ import annotations

import json

import attrs
from hypothesis import given, settings

import socialplan
from socialplan.testing import plans

SMALL = """
format = "socialplan/1"
[plan]
name = "Trace"

[business_goals.brand]
statement = "Be known"

[business_goals.sales]
statement = "Sell more"

[objectives.aware]
title = "Awareness"
supports = ["brand"]
audiences = ["parents"]

[objectives.orphan]
title = "Orphan"

[audiences.parents]
name = "Parents"

[audiences.teachers]
name = "Teachers"

[channels.fb]
platform = "facebook"
audiences = ["parents"]

[channels.yt]
platform = "youtube"

[metrics.likes]
name = "Likes"
measures = ["aware"]
channels = ["fb", "yt"]

[metrics.loose]
name = "Loose"
"""


def small() -> socialplan.Plan:
    return socialplan.loads(SMALL)


def test_a_whole_chain_names_every_link() -> None:
    row = socialplan.trace(small()).rows[0]
    assert (("brand",), "aware", "likes", "fb", ("parents",), ()) == (
        row.goals,
        row.objective,
        row.metric,
        row.channel,
        row.audiences,
        row.gaps,
    )


def test_a_channel_that_misses_the_objectives_audiences_is_a_gap() -> None:
    row = socialplan.trace(small()).rows[1]
    assert ("yt", (), ("audience-missed",)) == (row.channel, row.audiences, row.gaps)


def test_an_objective_without_goal_audience_or_metric_has_all_three_gaps() -> None:
    row = socialplan.trace(small()).rows[2]
    assert ("orphan", ("no-goal", "no-audience", "no-metric")) == (row.objective, row.gaps)


def test_parts_nothing_traces_to_get_rows_of_their_own() -> None:
    rows = socialplan.trace(small()).rows[3:]
    assert [
        (("sales",), None, None, (), ("no-objective",)),
        ((), "loose", None, (), ("stray-metric",)),
        ((), None, None, ("teachers",), ("unreached-audience",)),
    ] == [(r.goals, r.metric, r.channel, r.audiences, r.gaps) for r in rows]


def test_a_metric_on_no_channel_is_a_gap_on_its_objectives_row() -> None:
    plan = small()
    likes = attrs.evolve(plan.metrics["likes"], channels=())
    matrix = socialplan.trace(plan.with_part("metrics", "likes", likes))
    assert [("aware", "likes", None, ("no-channel",))] == [
        (r.objective, r.metric, r.channel, r.gaps) for r in matrix if r.objective == "aware"
    ]


def test_the_text_names_parts_and_spells_out_gaps() -> None:
    text = socialplan.trace(small()).to_text()
    assert "the channel reaches none of the objective's audiences" in text
    assert "Awareness" in text


def test_the_dict_is_json_and_explains_the_gap_codes_used() -> None:
    document = json.loads(json.dumps(socialplan.trace(small()).to_dict()))
    used = {
        "audience-missed",
        "no-audience",
        "no-goal",
        "no-metric",
        "no-objective",
        "stray-metric",
        "unreached-audience",
    }
    assert (False, used) == (document["ok"], set(document["gaps"]))


def test_an_example_plan_lines_up() -> None:
    assert socialplan.trace(socialplan.load("examples/cartoon/plan.toml")).ok


@settings(max_examples=40)
@given(plans())
def test_every_objective_and_metric_of_an_aligned_plan_is_in_a_whole_chain(
    plan: socialplan.Plan,
) -> None:
    matrix = socialplan.trace(plan)
    whole = [row for row in matrix if not row.gaps]
    assert (set(plan.objectives), set(plan.metrics)) == (
        {row.objective for row in whole},
        {row.metric for row in whole},
    )
