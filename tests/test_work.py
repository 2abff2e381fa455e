"""Seed 000's work elements (SEO, web, apps, social media, community) and who executes each."""

from __future__ import annotations

import pytest

import socialplan
from html_page import page
from socialplan import WorkElement, WorkTeam
from socialplan.dsl import PlanBuilder
from socialplan.render import report
from socialplan.schema import json_schema

HEAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\n'

WORK = """
[roles.cm]
title = "Community manager"

[work.social]
area = "social-media"
executor = "cm"
team = "internal"

[work.seo]
area = "seo"
team = "crowdsourced"
note = "A team trusted for its proven results"

[work.print]
area = "print design"
team = "external"
"""


def test_work_elements_load() -> None:
    plan = socialplan.loads(HEAD + WORK)
    assert {
        "social": WorkElement(area="social-media", executor="cm", team=WorkTeam.INTERNAL),
        "seo": WorkElement(
            area="seo", team=WorkTeam.CROWDSOURCED, note="A team trusted for its proven results"
        ),
        "print": WorkElement(area="print design", team=WorkTeam.EXTERNAL),
    } == plan.work


def test_work_elements_are_written_back_as_read() -> None:
    plan = socialplan.loads(HEAD + WORK)
    assert plan == socialplan.loads(socialplan.dumps(plan))
    assert plan == socialplan.loads(socialplan.dumps(plan, "json"), "json")


def test_every_problem_of_a_work_element_is_reported_at_once() -> None:
    text = HEAD + '[work.seo]\nteam = "extrenal"\nexecuter = "cm"\n'
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    assert [
        ("SP004", "work.seo.area", 4, "expected a string"),
        ("SP006", "work.seo.team", 5, 'did you mean "external"?'),
        ("SP003", "work.seo.executer", 6, 'did you mean "executor"?'),
    ] == [(d.code, d.path, d.line, d.hint) for d in info.value.diagnostics]


def test_an_executor_that_is_no_role_is_an_unknown_reference() -> None:
    plan = socialplan.loads(HEAD + WORK.replace('executor = "cm"', 'executor = "community"'))
    assert [("SP101", "work.social.executor")] == [
        (d.code, d.path) for d in socialplan.validate(plan, select=["SP101"])
    ]


def test_the_schema_lists_the_teams() -> None:
    defs = json_schema()["$defs"]
    assert (["internal", "external", "crowdsourced"], ["area"]) == (
        defs["WorkTeam"]["enum"],
        defs["WorkElement"]["required"],
    )


def test_the_known_areas_are_seed_000_s() -> None:
    from socialplan._core.vocab import WORK_AREAS

    assert {"seo", "web", "apps", "online-marketing", "social-media", "community"} == WORK_AREAS


def test_the_dsl_adds_work_elements() -> None:
    p = PlanBuilder("Demo")
    cm = p.role("cm", "Community manager")
    p.work("social", "social-media", executor=cm, team="internal")
    p.work("seo", "seo", team="crowdsourced", note="A team trusted for its proven results")
    p.work("print", "print design", team="external")
    assert socialplan.loads(HEAD + WORK) == p.build()


def test_a_work_element_handed_to_another_team_is_said() -> None:
    old = socialplan.loads(HEAD + WORK)
    new = socialplan.loads(HEAD + WORK.replace('team = "external"', 'team = "internal"'))
    assert ['work element "print": team changed from "external" to "internal"'] == [
        c.message for c in socialplan.diff(old, new)
    ]


def test_the_report_says_who_executes_each_element() -> None:
    text = report(socialplan.loads(HEAD + WORK))
    section = text.split("## Work elements and who executes them", 1)[1].split("\n## ", 1)[0]
    assert [
        "| id | area | executed by | team | notes |",
        "| social | social-media | Community manager | internal |  |",
        "| seo | seo |  | crowdsourced | A team trusted for its proven results |",
        "| print | print design |  | external |  |",
    ] == [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert "Work elements" not in report(socialplan.loads(HEAD))


def test_the_spanish_report_names_the_teams_in_spanish() -> None:
    text = report(socialplan.loads(HEAD + WORK), lang="es")
    assert ("## Elementos de trabajo y quién los ejecuta" in text, "| externo |" in text) == (
        True,
        True,
    )


def test_the_html_report_shows_the_work_elements() -> None:
    parsed = page(report(socialplan.loads(HEAD + WORK), format="html"))
    assert "A team trusted for its proven results" in "".join(parsed.text)
