"""The measurement terms of socialplan/1: relative and aggregate targets, perception
measures, reporting, provenance, budget, priorities, scenario triggers and parts.

Each is optional: loading, references, the DSL, the report and the diff, one behaviour per
test (the scorecard's numbers are in test_score.py).
"""

from __future__ import annotations

import pytest

import socialplan
from socialplan.dsl import PlanBuilder
from socialplan.render import report

HEAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\n'


def load_problems(text: str) -> list[tuple[str, str, str | None]]:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    return [(d.code, d.path, d.hint) for d in info.value.diagnostics]


def references(text: str) -> list[tuple[str, str, str | None]]:
    found = socialplan.validate(socialplan.loads(text), select=["SP101"])
    return [(d.code, d.path, d.hint) for d in found]


# --- Relative and aggregate targets ---------------------------------------------------------

TARGETED = (
    HEAD
    + """
[channels.fb]
platform = "facebook"

[objectives.engage]
title = "Engagement"
target = { value = 3, unit = "%", aggregate = "average", across = ["fb"] }
"""
)


def test_an_aggregate_near_miss_gets_a_suggestion() -> None:
    assert [
        ("SP006", "objectives.engage.target.aggregate", 'did you mean "average"?')
    ] == load_problems(TARGETED.replace('"average"', '"averge"'))


def test_a_relative_target_names_what_it_is_relative_to() -> None:
    text = TARGETED.replace('aggregate = "average"', 'relative = "baselin"')
    assert [("SP006", "objectives.engage.target.relative", 'did you mean "baseline"?')] == (
        load_problems(text)
    )


def test_a_target_across_a_missing_channel_is_an_unknown_reference() -> None:
    assert [("SP101", "objectives.engage.target.across[0]", 'did you mean "fb"?')] == references(
        TARGETED.replace('across = ["fb"]', 'across = ["fbb"]')
    )


def test_a_target_across_its_channels_loads() -> None:
    target = socialplan.loads(TARGETED).objectives["engage"].target
    assert target is not None
    assert ("average", ("fb",)) == (target.aggregate, target.across)


def test_the_dsl_writes_a_relative_and_aggregate_target() -> None:
    p = PlanBuilder("Demo")
    fb = p.channel("fb", platform="facebook")
    p.objective(
        "grow",
        "Grow",
        target=p.target(10, "%", relative="baseline", aggregate="total", across=[fb]),
    )
    target = p.build().objectives["grow"].target
    assert target is not None
    assert ("baseline", "total", ("fb",)) == (target.relative, target.aggregate, target.across)


def test_the_report_says_a_relative_target_is_over_the_baseline() -> None:
    plan = socialplan.loads(TARGETED.replace('aggregate = "average", ', 'relative = "baseline", '))
    assert "+3 % over the baseline" in report(plan)


def test_the_report_says_across_which_channels_an_aggregate_target_is_read() -> None:
    assert "3 % averaged across facebook" in report(socialplan.loads(TARGETED))


def test_the_spanish_report_says_it_in_spanish() -> None:
    assert "3 % de media en facebook" in report(socialplan.loads(TARGETED), lang="es")


def test_the_diff_says_how_a_target_is_aggregated() -> None:
    old = socialplan.loads(TARGETED)
    new = socialplan.loads(TARGETED.replace('"average"', '"each"'))
    assert ['objective "engage": target aggregate changed from "average" to "each"'] == [
        str(change) for change in socialplan.diff(old, new)
    ]


def test_the_diff_says_a_new_target_is_relative() -> None:
    old = socialplan.loads(TARGETED.replace("target = {", "#"))
    new = socialplan.loads(
        TARGETED.replace('aggregate = "average", across = ["fb"]', 'relative = "baseline"')
    )
    assert ['objective "engage": target set to +3% over the baseline'] == [
        str(change) for change in socialplan.diff(old, new)
    ]


# --- Perception measures taken by survey ----------------------------------------------------

SURVEYED = (
    HEAD
    + """
[metrics.informative]
name = "Residents who find our channels informative"
family = "perception"
method = "survey"
unit = "%"
survey = { question = "Do our channels keep you informed?", population = "Residents", sample = 800 }
"""
)


def test_a_perception_measure_by_survey_loads() -> None:
    metric = socialplan.loads(SURVEYED).metrics["informative"]
    assert metric.survey is not None
    assert ("perception", "survey", "Residents", 800) == (
        metric.family,
        metric.method,
        metric.survey.population,
        metric.survey.sample,
    )


def test_a_method_near_miss_gets_a_suggestion() -> None:
    text = SURVEYED.replace('method = "survey"', 'method = "surveys"')
    assert [("SP006", "metrics.informative.method", 'did you mean "survey"?')] == (
        load_problems(text)
    )


def test_a_survey_of_nobody_is_refused_at_its_sample() -> None:
    found = load_problems(SURVEYED.replace("sample = 800", "sample = 0"))
    assert [("SP006", "metrics.informative.survey.sample")] == [(c, p) for c, p, _ in found]


def test_a_survey_needs_its_question() -> None:
    text = SURVEYED.replace('question = "Do our channels keep you informed?", ', "")
    assert [("SP004", "metrics.informative.survey.question")] == [
        (c, p) for c, p, _ in load_problems(text)
    ]


def test_monitoring_does_not_ask_for_a_perception_metric() -> None:
    from socialplan.steps import CHECKS

    families = ["content_value", "community_size", "influence", "engagement"]
    body = "".join(
        f'[metrics.m{i}]\nname = "M{i}"\nfamily = "{f}"\n' for i, f in enumerate(families)
    )
    assert [] == [m for m in CHECKS["monitor"](socialplan.loads(HEAD + body)) if "perception" in m]


def test_the_dsl_writes_a_survey() -> None:
    p = PlanBuilder("Demo")
    p.metric(
        "informative",
        "Informative",
        family="perception",
        method="survey",
        survey={"question": "Informed?", "population": "Residents", "sample": 800},
    )
    metric = p.build().metrics["informative"]
    assert ("survey", "Informed?") == (metric.method, metric.survey and metric.survey.question)


def test_the_report_shows_how_a_survey_is_taken() -> None:
    shown = report(socialplan.loads(SURVEYED))
    row = [
        *("informative", "Residents who find our channels informative", "survey"),
        *("Do our channels keep you informed?", "Residents", "800"),
    ]
    assert "| " + " | ".join(row) + " |" in shown


def test_the_spanish_report_names_the_survey_columns_in_spanish() -> None:
    shown = report(socialplan.loads(SURVEYED), lang="es")
    assert "| id | métrica | método | pregunta | población | muestra |" in shown


def test_the_diff_says_the_survey_sample_grew() -> None:
    old = socialplan.loads(SURVEYED)
    new = socialplan.loads(SURVEYED.replace("sample = 800", "sample = 1000"))
    assert ['metric "informative": survey sample raised from 800 to 1,000'] == [
        str(change) for change in socialplan.diff(old, new)
    ]


# --- Reporting ------------------------------------------------------------------------------

REPORTED = (
    HEAD
    + """
[roles.comms]
title = "Head of communications"

[metrics.followers]
name = "Followers"

[reporting.cabinet]
title = "Quarterly results to the cabinet"
to = ["cabinet", "comms"]
every = "quarterly"
where = "Intranet, results page"
owner = "comms"
metrics = ["followers"]
"""
)


def test_a_reporting_line_loads() -> None:
    line = socialplan.loads(REPORTED).reporting["cabinet"]
    assert (("cabinet", "comms"), "comms", ("followers",)) == (line.to, line.owner, line.metrics)
    assert "quarterly" == str(line.every)


def test_a_reporting_line_with_a_bad_cadence_is_refused_at_its_place() -> None:
    found = load_problems(REPORTED.replace('"quarterly"', '"every so often"'))
    assert [("SP006", "reporting.cabinet.every")] == [(c, p) for c, p, _ in found]


def test_a_reporting_line_names_existing_roles_and_metrics() -> None:
    text = REPORTED.replace('owner = "comms"', 'owner = "coms"').replace(
        'metrics = ["followers"]', 'metrics = ["folowers"]'
    )
    assert [
        ("SP101", "reporting.cabinet.metrics[0]", 'did you mean "followers"?'),
        ("SP101", "reporting.cabinet.owner", 'did you mean "comms"?'),
    ] == references(text)


def test_the_dsl_writes_a_reporting_line() -> None:
    p = PlanBuilder("Demo")
    comms = p.role("comms", "Communications")
    followers = p.metric("followers", "Followers")
    p.reporting("board", "Monthly", to=["board", comms], every="monthly", owner=comms,
                metrics=[followers])  # fmt: skip
    line = p.build().reporting["board"]
    assert (("board", "comms"), ("followers",)) == (line.to, line.metrics)


def test_the_report_has_a_reporting_section_only_when_the_plan_reports() -> None:
    assert "## Reporting of results" not in report(socialplan.loads(HEAD))
    shown = report(socialplan.loads(REPORTED))
    row = [
        *("cabinet", "Quarterly results to the cabinet", "cabinet, Head of communications"),
        *("quarterly", "Intranet, results page", "Head of communications", "Followers"),
    ]
    assert "## Reporting of results" in shown
    assert "| " + " | ".join(row) + " |" in shown


def test_the_spanish_report_has_a_spanish_reporting_section() -> None:
    assert "## Informes de resultados" in report(socialplan.loads(REPORTED), lang="es")


def test_the_diff_names_a_reporting_line_added() -> None:
    old = socialplan.loads(REPORTED.split("[reporting.cabinet]")[0])
    assert ['reporting "cabinet" added ("Quarterly results to the cabinet")'] == [
        str(change) for change in socialplan.diff(old, socialplan.loads(REPORTED))
    ]


# --- Provenance -----------------------------------------------------------------------------

CITED = (
    HEAD
    + """
[business_goals.trust]
statement = "Be trusted by residents"
cite = "Council plan 2027, p. 4"

[objectives.informed]
title = "Residents feel informed"
cite = "Residents' survey 2026"
target = { value = 55, unit = "%", cite = "Cabinet decision, March 2027" }

[metrics.informative]
name = "Residents who find our channels informative"
cite = "Annual residents' survey"
"""
)


def test_a_citation_loads_on_goals_objectives_targets_and_metrics() -> None:
    plan = socialplan.loads(CITED)
    target = plan.objectives["informed"].target
    assert target is not None
    assert [
        "Council plan 2027, p. 4",
        "Residents' survey 2026",
        "Cabinet decision, March 2027",
        "Annual residents' survey",
    ] == [
        plan.business_goals["trust"].cite,
        plan.objectives["informed"].cite,
        target.cite,
        plan.metrics["informative"].cite,
    ]


def test_a_citation_is_text() -> None:
    found = load_problems(CITED.replace('cite = "Annual residents\' survey"', "cite = 2026"))
    assert [("SP005", "metrics.informative.cite")] == [(c, p) for c, p, _ in found]


def test_the_dsl_writes_citations() -> None:
    p = PlanBuilder("Demo")
    goal = p.business_goal("trust", "Be trusted", cite="Council plan")
    p.objective("informed", "Informed", supports=[goal], cite="Survey",
                target=p.target(55, "%", cite="Cabinet"))  # fmt: skip
    p.metric("m", "M", cite="Annual survey")
    plan = p.build()
    target = plan.objectives["informed"].target
    assert ("Council plan", "Survey", "Cabinet", "Annual survey") == (
        plan.business_goals["trust"].cite,
        plan.objectives["informed"].cite,
        target and target.cite,
        plan.metrics["m"].cite,
    )


def test_the_report_lists_where_each_objective_and_number_comes_from() -> None:
    shown = report(socialplan.loads(CITED))
    assert "### Where the goals and numbers come from" in shown
    assert "| target of objective | informed | Cabinet decision, March 2027 |" in shown
    assert "Where the goals" not in report(socialplan.loads(HEAD))


def test_the_spanish_report_lists_the_sources_in_spanish() -> None:
    shown = report(socialplan.loads(CITED), lang="es")
    assert "| meta del objetivo | informed | Cabinet decision, March 2027 |" in shown


def test_the_diff_says_a_citation_changed() -> None:
    old = socialplan.loads(CITED)
    new = socialplan.loads(CITED.replace("p. 4", "p. 5"))
    said = 'cite changed from "Council plan 2027, p. 4" to "Council plan 2027, p. 5"'
    assert [f'business goal "trust": {said}'] == [str(c) for c in socialplan.diff(old, new)]


# --- Priorities -----------------------------------------------------------------------------

PRIORITISED = (
    HEAD
    + """
[audiences.residents]
name = "Residents"
priority = "primary"

[audiences.press]
name = "Local press"
priority = "secondary"

[metrics.followers]
name = "Followers"
priority = "primary"
"""
)


def test_priorities_load_on_audiences_and_metrics() -> None:
    plan = socialplan.loads(PRIORITISED)
    assert ("primary", "secondary", "primary") == (
        plan.audiences["residents"].priority,
        plan.audiences["press"].priority,
        plan.metrics["followers"].priority,
    )


def test_a_priority_near_miss_gets_a_suggestion() -> None:
    text = PRIORITISED.replace('"secondary"', '"secundary"')
    assert [("SP006", "audiences.press.priority", 'did you mean "secondary"?')] == (
        load_problems(text)
    )


def test_the_dsl_writes_priorities() -> None:
    p = PlanBuilder("Demo")
    p.audience("residents", "Residents", priority="primary")
    p.metric("followers", "Followers", priority="secondary")
    plan = p.build()
    assert ("primary", "secondary") == (
        plan.audiences["residents"].priority,
        plan.metrics["followers"].priority,
    )


def test_the_report_names_the_primary_and_secondary_audiences_and_metrics() -> None:
    shown = report(socialplan.loads(PRIORITISED))
    assert ["Residents", "Local press", "Followers"] == [
        line.split(":** ")[1]
        for line in shown.splitlines()
        if line.startswith(("- **Primary", "- **Secondary"))
    ]


def test_the_spanish_report_says_primary_in_spanish() -> None:
    assert "**Principales:** Residents" in report(socialplan.loads(PRIORITISED), lang="es")


def test_the_diff_says_a_priority_changed() -> None:
    old = socialplan.loads(PRIORITISED)
    new = socialplan.loads(PRIORITISED.replace('"secondary"', '"primary"'))
    assert ['audience "press": priority changed from "secondary" to "primary"'] == [
        str(change) for change in socialplan.diff(old, new)
    ]


# --- Budget ---------------------------------------------------------------------------------

BUDGETED = (
    HEAD
    + """
[channels.ig]
platform = "instagram"

[budget]
total = 12000
currency = "EUR"

[[budget.lines]]
amount = 7000
category = "Paid promotion"
channel = "ig"
horizon = "short"

[[budget.lines]]
amount = 4000
category = "Design"
note = "Templates and photos"
"""
)


def test_a_budget_loads_with_its_lines() -> None:
    budget = socialplan.loads(BUDGETED).budget
    assert budget is not None
    assert (12000, "EUR", [7000, 4000]) == (
        budget.total,
        budget.currency,
        [line.amount for line in budget.lines],
    )


def test_a_negative_amount_is_refused_at_its_line() -> None:
    found = load_problems(BUDGETED.replace("amount = 4000", "amount = -4000"))
    assert [("SP006", "budget.lines[1].amount")] == [(c, p) for c, p, _ in found]


def test_a_budget_line_names_an_existing_channel() -> None:
    text = BUDGETED.replace('channel = "ig"', 'channel = "igg"')
    assert [("SP101", "budget.lines[0].channel", 'did you mean "ig"?')] == references(text)


def test_the_dsl_writes_a_budget() -> None:
    p = PlanBuilder("Demo")
    ig = p.channel("ig", platform="instagram")
    p.budget(total=1000, currency="EUR")
    p.budget_line(600, category="Ads", channel=ig, horizon="short")
    budget = p.build().budget
    assert budget is not None
    assert (1000, "ig") == (budget.total, budget.lines[0].channel)


def test_the_report_shows_the_sum_of_the_lines_beside_the_total() -> None:
    shown = report(socialplan.loads(BUDGETED))
    assert "- **Total:** 12,000 EUR\n- **Sum of the lines:** 11,000 EUR" in shown
    assert "## Budget" not in report(socialplan.loads(HEAD))


def test_the_spanish_report_has_a_spanish_budget() -> None:
    assert "**Suma de las partidas:** 11,000 EUR" in report(socialplan.loads(BUDGETED), lang="es")


def test_the_diff_says_a_budget_line_changed() -> None:
    old = socialplan.loads(BUDGETED)
    new = socialplan.loads(BUDGETED.replace("amount = 4000", "amount = 5000"))
    assert ["budget: line 2 amount raised from 4,000 to 5,000"] == [
        str(change) for change in socialplan.diff(old, new)
    ]
