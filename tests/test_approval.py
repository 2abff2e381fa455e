"""Approval of drafts before they go out, and the go/no-go gates of the launch."""

from __future__ import annotations

import datetime as dt

import pytest

import socialplan
from html_page import page
from socialplan import Approval, CalendarStatus, GateStatus, Launch, LaunchGate
from socialplan.dsl import PlanBuilder
from socialplan.render import report
from socialplan.schema import json_schema

HEAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\n'

ROLES = """
[roles.head]
title = "Head of communications"

[roles.it]
title = "IT security"
"""

APPROVAL = """
[approval]
approver = "head"
before = "scheduled"
exempt = ["replies to comments", "emergency alerts"]
four_eyes = true
"""

GATES = """
[launch]
date = 2027-03-01

[[launch.gates]]
condition = "Every account has two-factor authentication"
approver = "it"
status = "passed"

[[launch.gates]]
condition = "A month of posts is scheduled"
approver = "head"
"""


def test_approval_loads() -> None:
    plan = socialplan.loads(HEAD + ROLES + APPROVAL)
    assert (
        Approval(
            approver="head",
            before=CalendarStatus.SCHEDULED,
            exempt=("replies to comments", "emergency alerts"),
            four_eyes=True,
        )
        == plan.approval
    )


def test_the_gates_load_in_order_an_unsaid_status_being_open() -> None:
    plan = socialplan.loads(HEAD + ROLES + GATES)
    assert (
        Launch(
            date=dt.date(2027, 3, 1),
            gates=(
                LaunchGate(
                    condition="Every account has two-factor authentication",
                    approver="it",
                    status=GateStatus.PASSED,
                ),
                LaunchGate(condition="A month of posts is scheduled", approver="head"),
            ),
        )
        == plan.launch
    )
    assert GateStatus.OPEN == plan.launch.gates[1].status if plan.launch else None


def test_approval_and_gates_are_written_back_as_read() -> None:
    plan = socialplan.loads(HEAD + ROLES + APPROVAL + GATES)
    assert plan == socialplan.loads(socialplan.dumps(plan))
    assert plan == socialplan.loads(socialplan.dumps(plan, "json"), "json")


def test_a_plan_without_four_eyes_writes_no_four_eyes() -> None:
    plan = socialplan.loads(HEAD + '[approval]\napprover = "head"\nfour_eyes = false\n')
    assert "four_eyes" not in socialplan.dumps(plan)


def test_every_problem_of_approval_and_gates_is_reported_at_once() -> None:
    text = HEAD + '[approval]\nbefore = "sheduled"\nfour_eyes = "yes"\n'
    text += '[launch]\n[[launch.gates]]\nstatus = "pased"\n'
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    assert [
        ("SP006", "approval.before", 5, 'did you mean "scheduled"?'),
        ("SP005", "approval.four_eyes", 6, None),
        ("SP004", "launch.gates[0].condition", 8, "expected a string"),
        ("SP006", "launch.gates[0].status", 9, 'did you mean "passed"?'),
    ] == [(d.code, d.path, d.line, d.hint) for d in info.value.diagnostics]


def test_approvers_that_are_no_roles_are_unknown_references() -> None:
    text = HEAD + ROLES + APPROVAL.replace('"head"', '"haed"') + GATES.replace('"it"', '"itt"')
    found = [
        (d.path, d.hint) for d in socialplan.validate(socialplan.loads(text), select=["SP101"])
    ]
    assert [
        ("approval.approver", 'did you mean "head"?'),
        ("launch.gates[0].approver", 'did you mean "it"?'),
    ] == sorted(found)


def test_the_schema_describes_approval_and_gates() -> None:
    defs = json_schema()["$defs"]
    assert (["open", "passed", "failed"], "open", False, ["condition"]) == (
        defs["GateStatus"]["enum"],
        defs["LaunchGate"]["properties"]["status"]["default"],
        defs["Approval"]["properties"]["four_eyes"]["default"],
        defs["LaunchGate"]["required"],
    )


def test_the_dsl_sets_approval_and_gates() -> None:
    p = PlanBuilder("Demo")
    head = p.role("head", "Head of communications")
    it = p.role("it", "IT security")
    p.approval(
        approver=head, before="scheduled",
        exempt=["replies to comments", "emergency alerts"], four_eyes=True,
    )  # fmt: skip
    p.launch_gate("Every account has two-factor authentication", approver=it, status="passed")
    p.launch(date="2027-03-01")
    p.launch_gate("A month of posts is scheduled", approver=head)
    assert socialplan.loads(HEAD + ROLES + APPROVAL + GATES) == p.build()


def test_a_gate_that_passes_is_said_by_its_condition() -> None:
    old = socialplan.loads(HEAD + ROLES + GATES)
    new = socialplan.loads(
        HEAD
        + ROLES
        + GATES.replace('approver = "head"\n', 'approver = "head"\nstatus = "failed"\n')
    )
    assert [
        'launch gate "A month of posts is scheduled": status changed from "open" to "failed"'
    ] == [c.message for c in socialplan.diff(old, new)]


def test_added_approval_is_said() -> None:
    old = socialplan.loads(HEAD + ROLES)
    assert ["approval of drafts added"] == [
        c.message for c in socialplan.diff(old, socialplan.loads(HEAD + ROLES + APPROVAL))
    ]


def test_the_report_shows_approval_and_the_gates() -> None:
    text = report(socialplan.loads(HEAD + ROLES + APPROVAL + GATES))
    approval = text.split("## Approval of drafts", 1)[1].split("\n## ", 1)[0]
    assert [
        "- **Approved by:** Head of communications",
        "- **Approved before it is:** scheduled",
        "- **Nobody approves their own:** yes",
    ] == [line for line in approval.splitlines() if line.startswith("- **")]
    assert "- emergency alerts" in approval
    launch = text.split("### Launch gates", 1)[1].split("\n## ", 1)[0]
    assert [
        "| condition | approver | status |",
        "| Every account has two-factor authentication | IT security | passed |",
        "| A month of posts is scheduled | Head of communications | open |",
    ] == [line for line in launch.splitlines() if line.startswith("| ") and "---" not in line]


def test_a_plan_without_approval_has_no_approval_section() -> None:
    assert "Approval of drafts" not in report(socialplan.loads(HEAD + ROLES + GATES))


def test_the_spanish_report_says_approval_and_gates_in_spanish() -> None:
    text = report(socialplan.loads(HEAD + ROLES + APPROVAL + GATES), lang="es")
    assert (True, True, True) == (
        "## Aprobación de borradores" in text,
        "- **Nadie aprueba lo suyo:** sí" in text,
        "| IT security | superada |" in text,
    )


def test_the_html_report_shows_the_gates() -> None:
    parsed = page(report(socialplan.loads(HEAD + ROLES + GATES), format="html"))
    assert "A month of posts is scheduled" in "".join(parsed.text)
