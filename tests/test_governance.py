"""Governance of other accounts: how a department asks for its own, and when it is closed."""

from __future__ import annotations

import pytest

import socialplan
from html_page import page
from socialplan import Duration, Governance
from socialplan.dsl import PlanBuilder
from socialplan.render import report
from socialplan.schema import json_schema

HEAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\n'

GOVERNANCE = """
[roles.comms]
title = "Communications team"

[governance]
requests = "A department writes to the communications team"
requires = ["a plan for the account", "two named people to run it"]
approver = "comms"
review = "yearly"
closure = ["no post for six months", "nobody left to run it"]
"""


def test_governance_loads() -> None:
    plan = socialplan.loads(HEAD + GOVERNANCE)
    assert (
        Governance(
            requests="A department writes to the communications team",
            requires=("a plan for the account", "two named people to run it"),
            approver="comms",
            review=Duration.parse("yearly"),
            closure=("no post for six months", "nobody left to run it"),
        )
        == plan.governance
    )


def test_governance_is_written_back_as_read() -> None:
    plan = socialplan.loads(HEAD + GOVERNANCE)
    assert "[governance]" in socialplan.dumps(plan)
    assert plan == socialplan.loads(socialplan.dumps(plan))
    assert plan == socialplan.loads(socialplan.dumps(plan, "json"), "json")


def test_every_problem_of_governance_is_reported_at_once() -> None:
    text = HEAD + '[governance]\nrequires = "a plan"\nreview = "often"\nclosur = []\n'
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    assert [
        ("SP005", "governance.requires", 5, None),
        ("SP006", "governance.review", 6, None),
        ("SP003", "governance.closur", 7, 'did you mean "closure"?'),
    ] == [(d.code, d.path, d.line, d.hint) for d in info.value.diagnostics]


def test_an_approver_that_is_no_role_is_an_unknown_reference() -> None:
    plan = socialplan.loads(HEAD + GOVERNANCE.replace('approver = "comms"', 'approver = "coms"'))
    assert [("SP101", "governance.approver", 'did you mean "comms"?')] == [
        (d.code, d.path, d.hint) for d in socialplan.validate(plan, select=["SP101"])
    ]


def test_the_schema_describes_governance() -> None:
    schema = json_schema()
    assert (["object", "null"], False) == (
        schema["properties"]["governance"]["type"],
        schema["$defs"]["Governance"]["additionalProperties"],
    )


def test_the_dsl_sets_governance() -> None:
    p = PlanBuilder("Demo")
    comms = p.role("comms", "Communications team")
    p.governance(
        requests="A department writes to the communications team",
        requires=["a plan for the account", "two named people to run it"],
        approver=comms, review="yearly",
        closure=["no post for six months", "nobody left to run it"],
    )  # fmt: skip
    assert socialplan.loads(HEAD + GOVERNANCE) == p.build()


def test_added_governance_and_a_changed_review_are_said() -> None:
    old = socialplan.loads(HEAD)
    new = socialplan.loads(HEAD + GOVERNANCE)
    later = socialplan.loads(HEAD + GOVERNANCE.replace('"yearly"', '"quarterly"'))
    assert (
        ['role "comms" added ("Communications team")', "governance of other accounts added"],
        ['governance of other accounts: review changed from "yearly" to "quarterly"'],
    ) == (
        [c.message for c in socialplan.diff(old, new)],
        [c.message for c in socialplan.diff(new, later)],
    )


def test_the_report_has_a_governance_section_when_the_plan_has_governance() -> None:
    text = report(socialplan.loads(HEAD + GOVERNANCE))
    section = text.split("## Governance of other accounts", 1)[1].split("\n## ", 1)[0]
    assert [
        "- **How to ask for an account:** A department writes to the communications team",
        "- **Approved by:** Communications team",
        "- **Accounts reviewed every:** yearly",
        "- a plan for the account",
        "- nobody left to run it",
    ] == [
        line
        for line in section.splitlines()
        if line.startswith("- ") and ("plan" in line or "nobody" in line or "**" in line)
    ]
    assert "Governance" not in report(socialplan.loads(HEAD))


def test_the_spanish_report_names_governance_in_spanish() -> None:
    text = report(socialplan.loads(HEAD + GOVERNANCE), lang="es")
    assert "## Gobierno de otras cuentas" in text


def test_the_html_report_shows_governance() -> None:
    parsed = page(report(socialplan.loads(HEAD + GOVERNANCE), format="html"))
    assert "two named people to run it" in "".join(parsed.text)
