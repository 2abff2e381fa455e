"""Counting from Python what ``socialplan check`` counts: the diagnostics of each severity
(``socialplan.rules.counts``) and the parts of a plan (``socialplan.rules.summary``)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from helpers import HEAD
from socialplan.rules import counts, summary
from socialplan.testing import loadable_plans, plans


def test_no_diagnostics_count_zero_of_every_severity() -> None:
    assert {"error": 0, "warning": 0, "info": 0} == counts([])


def test_the_diagnostics_of_a_load_error_count_as_errors() -> None:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(HEAD + 'reach = "natonal"\nstrat = 1\n')
    assert {"error": 2, "warning": 0, "info": 0} == counts(caught.value.diagnostics)


@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(plan=loadable_plans())
def test_counting_a_report_gives_its_own_counts(plan: socialplan.Plan) -> None:
    report = socialplan.validate(plan)
    assert report.counts == counts(report)


@given(st.lists(st.sampled_from(list(socialplan.Severity)), max_size=30))
def test_each_diagnostic_counts_once_under_its_severity(
    severities: list[socialplan.Severity],
) -> None:
    found = [
        socialplan.Diagnostic(code="SP101", severity=severity, message="m")
        for severity in severities
    ]
    expected = {str(s): severities.count(s) for s in socialplan.Severity}
    assert expected == counts(found)


def test_a_plans_summary_counts_each_part_in_the_files_order() -> None:
    plan = socialplan.loads(
        HEAD + '[business_goals.brand]\nstatement = "x"\n'
        '[objectives.a]\ntitle = "A"\n[objectives.b]\ntitle = "B"\n'
        '[[calendar]]\ndate = 2027-01-04\ntitle = "Launch post"\nchannel = "x"\n'
    )
    expected = {
        "briefing questions": 0,
        "business goals": 1,
        "objectives": 2,
        "stakeholder inputs": 0,
        "audiences": 0,
        "channels": 0,
        "influencers": 0,
        "roles": 0,
        "work elements": 0,
        "routing rules": 0,
        "content pillars": 0,
        "tactics": 0,
        "calendar entries": 1,
        "metrics": 0,
        "reports": 0,
        "engagement rules": 0,
        "moderation rules": 0,
        "resources": 0,
        "budget lines": 0,
        "scenarios": 0,
        "scenario triggers": 0,
        "launch gates": 0,
        "step records": 0,
    }
    assert list(expected.items()) == list(summary(plan).items())


ISSUE_17_PARTS = """
[[briefing.questions]]
ask = "Why be on social media?"
[tactics.a]
title = "A"
[tactics.b]
title = "B"
[work.social]
area = "social-media"
[[moderation.rules]]
when = "Insults"
action = "hide"
[[launch.gates]]
condition = "Legal has approved"
[reporting.monthly]
title = "Monthly results"
[[budget.lines]]
amount = 100
[[budget.lines]]
amount = 200
[[budget.lines]]
amount = 300
[metrics.followers]
name = "Followers"
[scenarios.plan_b]
name = "Plan B"
when = [{ metric = "followers", below = 10 }, { metric = "followers", above = 99 }]
"""


def test_a_plans_summary_counts_the_parts_issue_17_added() -> None:
    found = summary(socialplan.loads(HEAD + ISSUE_17_PARTS))
    assert {
        "briefing questions": 1,
        "work elements": 1,
        "tactics": 2,
        "metrics": 1,
        "reports": 1,
        "moderation rules": 1,
        "budget lines": 3,
        "scenarios": 1,
        "scenario triggers": 2,
        "launch gates": 1,
    } == {name: count for name, count in found.items() if count}


def test_check_prints_the_parts_issue_17_added(tmp_path: Path) -> None:
    from socialplan._cli import main

    plan = tmp_path / "plan.toml"
    plan.write_text(HEAD + ISSUE_17_PARTS, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", str(plan), "--select", "SP901"])
    assert (
        "  1 briefing question, 1 work element, 2 tactics, 1 metric, 1 report,"
        " 1 moderation rule, 3 budget lines, 1 scenario, 2 scenario triggers, 1 launch gate"
    ) == out.getvalue().splitlines()[1]


@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans())
def test_a_summary_counts_what_the_plan_holds(plan: socialplan.Plan) -> None:
    found = summary(plan)
    held = (
        len(plan.objectives),
        len(plan.channels),
        len(plan.metrics),
        len(plan.calendar),
        len(plan.content.pillars) if plan.content else 0,
    )
    shown = (
        found["objectives"],
        found["channels"],
        found["metrics"],
        found["calendar entries"],
        found["content pillars"],
    )
    assert held == shown


def test_the_command_line_prints_the_same_summary_and_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from socialplan._cli import main

    path = tmp_path / "plan.toml"
    path.write_text(HEAD + '[metrics.likes]\nname = "Likes"\nmeasures = ["nope"]\n', "utf-8")
    main(["check", "--format", "json", str(path)])
    (shown,) = json.loads(capsys.readouterr().out)["files"]
    plan = socialplan.load(path)
    report = socialplan.validate(plan)
    assert (summary(plan), counts(report)) == (shown["summary"], shown["counts"])
