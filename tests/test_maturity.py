"""Maturity from evidence of practice (issue #18): the ten stages of seed 002, each resting on
evidence the plan *plans* (it says it will happen) or *practises* (it has happened: observations
over time, published entries, a launch before the date of the assessment, steps done)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import socialplan
from helpers import HEAD, Write, plan_of, run
from socialplan import observations
from socialplan._starter import starter
from socialplan.render import report

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/plan.toml"))
CORPUS = sorted(p for p in (ROOT / "tests/realworld").glob("*.toml") if "labels" not in p.name)
BAKERY = ROOT / "examples/bakery/plan.toml"

#: A shell plan: every section named with a word or two and nothing behind them (issue #18:
#: "a 50-line shell plan reaches stage 10").
SHELL = """
[analysis]
company = "Shop"
[business_goals.sell]
statement = "Sell"
[objectives.sales]
title = "Sales"
kind = "sales"
supports = ["sell"]
target = { value = 10, unit = "sales" }
[audiences.people]
name = "People"
market_value = "Some"
channels = ["ig"]
[channels.ig]
platform = "instagram"
profile = { handle = "@shop" }
customizations = ["pin"]
[influencers.x]
name = "X"
[roles.cm]
title = "CM"
people = ["Ana"]
[[routing]]
message = "complaint"
to = "cm"
escalate_to = "cm"
[raci.channels.ig]
responsible = ["cm"]
[stakeholder_input.team]
method = "chat"
findings = ["ok"]
[engagement.ig]
tone = "nice"
response_time = "4h"
[content.pillars.p]
theme = "Bread"
[[calendar]]
date = 2027-01-01
channel = "ig"
title = "Post"
[metrics.m1]
name = "Followers"
level = 1
source = "Insights"
[metrics.m3]
name = "Orders"
level = 3
target = 5
source = "Till"
[reporting.r]
title = "Report"
to = ["cm"]
[advocacy]
ambassadors = ["Ana"]
[resources.r]
kind = "budget"
name = "Ads"
cost = 100
"""


def seen(plan: socialplan.Plan, rows: str) -> tuple[observations.Observation, ...]:
    return observations.loads("metric,date,value\n" + rows, plan)


# ---------------------------------------------------------------------------
# Plans with nothing practised.
# ---------------------------------------------------------------------------


def test_the_starter_assesses_at_stage_zero_or_one() -> None:
    assert socialplan.maturity(socialplan.loads(starter())).stage in (0, 1)


def test_the_starter_plans_no_stage_either() -> None:
    assert 0 == socialplan.maturity(socialplan.loads(starter())).planned


def test_a_shell_plan_assesses_at_stage_zero_or_one() -> None:
    assert socialplan.maturity(plan_of(SHELL)).stage in (0, 1)


def test_a_shell_plan_that_has_launched_assesses_at_stage_zero_or_one() -> None:
    plan = plan_of(SHELL + "[launch]\ndate = 2027-01-01\n")
    assert socialplan.maturity(plan, as_of=dt.date(2027, 6, 1)).stage in (0, 1)


def test_the_bakery_has_not_launched_and_reaches_no_practised_stage_beyond_listening() -> None:
    assert socialplan.maturity(socialplan.load(BAKERY)).stage <= 1


def test_the_bakery_plans_further_than_it_practises() -> None:
    assessed = socialplan.maturity(socialplan.load(BAKERY))
    assert assessed.planned > assessed.stage


@pytest.mark.parametrize("path", [*EXAMPLES, *CORPUS], ids=lambda p: p.stem + p.parent.name)
def test_no_plan_without_observations_practises_beyond_listening(path: Path) -> None:
    # Without observations nothing has been observed over time, which stage 2 rests on.
    assert socialplan.maturity(socialplan.load(path)).stage <= 1


def test_placeholders_are_not_evidence() -> None:
    body = '[analysis]\ncompany = "TODO: what people say"\n'
    body += '[metrics.m]\nname = "Followers"\nlevel = 1\nsource = "TBD"\n'
    stage_1 = socialplan.maturity(plan_of(body)).stages[0]
    assert [] == [piece.what for piece in stage_1.pieces if piece.found]


# ---------------------------------------------------------------------------
# Practice raises the stage.
# ---------------------------------------------------------------------------

BAKERY_SEEN = (
    "ig_followers,2027-04-01,2300\n"
    "ig_followers,2027-05-01,2600\n"
    "local_rank,2027-04-01,6.1\n"
    "local_rank,2027-05-01,5.4\n"
)


def test_observations_over_time_after_the_launch_raise_the_practised_stage() -> None:
    plan = socialplan.load(BAKERY)
    before = socialplan.maturity(plan).stage
    after = socialplan.maturity(plan, seen(plan, BAKERY_SEEN)).stage
    assert (1, 2) == (before, after)


def test_observations_dated_before_the_launch_do_not_count_as_launched() -> None:
    plan = socialplan.load(BAKERY)
    early = "ig_followers,2027-01-01,2000\nig_followers,2027-02-01,2050\n"
    assert 1 == socialplan.maturity(plan, seen(plan, early)).stage


def test_one_observation_is_not_practice_over_time() -> None:
    plan = socialplan.load(BAKERY)
    once = "ig_followers,2027-04-01,2300\nlocal_rank,2027-04-01,6.1\n"
    assert 1 == socialplan.maturity(plan, seen(plan, once)).stage


def test_as_of_defaults_to_the_latest_observation() -> None:
    plan = socialplan.load(BAKERY)
    assert dt.date(2027, 5, 1) == socialplan.maturity(plan, seen(plan, BAKERY_SEEN)).as_of


def test_the_launch_piece_says_it_is_practised_and_where_it_is() -> None:
    plan = socialplan.load(BAKERY)
    stage_2 = socialplan.maturity(plan, seen(plan, BAKERY_SEEN)).stages[1]
    launched = [p for p in stage_2.pieces if p.where == "launch.date"]
    assert [("practised", True)] == [(p.kind, p.found) for p in launched]


def test_every_stage_rests_on_planned_and_practised_evidence() -> None:
    stages = socialplan.maturity(plan_of("")).stages
    kinds = [sorted({piece.kind for piece in stage.pieces}) for stage in stages]
    assert [["planned", "practised"]] * 10 == kinds


# ---------------------------------------------------------------------------
# Maturity and the A–S methodology agree on the same plan.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*EXAMPLES, *CORPUS], ids=lambda p: p.stem + p.parent.name)
def test_a_stage_resting_on_an_a_to_s_step_not_met_is_not_reached(path: Path) -> None:
    plan = socialplan.load(path)
    steps = socialplan.progress(plan, "a-s")
    assessed = socialplan.maturity(plan)
    disagree = [
        (stage.number, step)
        for stage in assessed.stages
        for step in stage.rests_on
        if steps[step].missing and (stage.planned or stage.reached)
    ]
    assert [] == disagree


def test_step_s_rests_under_business_metrics_and_roi() -> None:
    assert ("s",) == socialplan.maturity(plan_of("")).stages[9].rests_on


def test_the_cartoon_with_no_sales_objective_does_not_plan_stage_ten() -> None:
    assessed = socialplan.maturity(socialplan.load(ROOT / "examples/cartoon/plan.toml"))
    assert (False, 9) == (assessed.stages[9].planned, assessed.planned)


# ---------------------------------------------------------------------------
# The command and the report.
# ---------------------------------------------------------------------------


def test_maturity_json_shows_the_practised_and_planned_stage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(["maturity", str(BAKERY), "--format", "json"], capsys)
    document = json.loads(out)
    expected = (1, "Listening and reporting", 10, "Business metrics and ROI")
    assert expected == (
        document["stage"],
        document["name"],
        document["planned"],
        document["planned_name"],
    )


def test_maturity_json_lists_each_piece_of_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["maturity", str(BAKERY), "--format", "json"], capsys)
    launched = [
        piece for piece in json.loads(out)["stages"][1]["pieces"] if piece["where"] == "launch.date"
    ]
    assert [{"kind": "practised", "found": False}] == [
        {"kind": p["kind"], "found": p["found"]} for p in launched
    ]


def test_maturity_takes_observations(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    seen_file = write("seen.csv", "metric,date,value\n" + BAKERY_SEEN)
    _, out, _ = run(
        ["maturity", str(BAKERY), "--observations", seen_file, "--format", "json"], capsys
    )
    assert (2, "2027-05-01") == (json.loads(out)["stage"], json.loads(out)["as_of"])


def test_maturity_refuses_observations_the_plan_does_not_have(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    seen_file = write("seen.csv", "metric,date,value\nnope,2027-04-01,1\n")
    code, _, err = run(["maturity", str(BAKERY), "--observations", seen_file], capsys)
    assert (1, True) == (code, "SP009" in err)


def test_maturity_text_names_both_stages(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["maturity", str(BAKERY)], capsys)
    first = out.splitlines()[0]
    expected = (
        f"{BAKERY}: stage 1 of 10 practised — Listening and reporting; "
        "planned: stage 10 — Business metrics and ROI"
    )
    assert expected == first


def test_the_report_has_a_maturity_section_in_english() -> None:
    text = report(socialplan.load(BAKERY))
    assert "## Social media maturity" in text


def test_the_report_has_a_maturity_section_in_spanish() -> None:
    text = report(socialplan.load(BAKERY), lang="es")
    assert "## Madurez en redes sociales" in text


def test_the_report_says_the_practised_and_planned_stage_in_spanish() -> None:
    text = report(socialplan.load(BAKERY), lang="es")
    assert "Etapa practicada: 1 de 10 (Observar e informar); planificada: 10 de 10" in text


def test_the_html_report_has_the_maturity_section() -> None:
    text = report(socialplan.load(BAKERY), format="html")
    assert 'id="maturity"' in text


def test_an_empty_plan_reports_maturity_not_started() -> None:
    text = report(socialplan.loads(HEAD))
    assert "Practised stage: 0 of 10 (not started); planned: 0 of 10" in text


def test_the_report_with_observations_shows_their_practice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cartoon = ROOT / "examples/cartoon"
    args = [
        "report",
        str(cartoon / "plan.toml"),
        "--observations",
        str(cartoon / "observations.csv"),
    ]
    _, out, _ = run(args, capsys)
    wanted = "_Practised stage: 2 of 10 (Presence and analysis); planned: 9 of 10 (Social CRM)._"
    assert [wanted] == [line for line in out.splitlines() if "Practised stage" in line]


def test_the_report_keeps_a_maturity_given() -> None:
    plan = socialplan.load(BAKERY)
    assessed = socialplan.maturity(plan, seen(plan, BAKERY_SEEN))
    text = report(plan, maturity=assessed)
    assert "Practised stage: 2 of 10 (Presence and analysis)" in text
