"""Tactics: how a strategy is carried out, per objective and funnel phase (issue #17)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import socialplan
from html_page import page
from socialplan import FunnelStage, Medium, Tactic
from socialplan.dsl import PlanBuilder
from socialplan.render import report
from socialplan.schema import json_schema

HEAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\n'

TACTIC = """
[tactics.school_gate]
title = "Flyers at the school gate point to Instagram"
description = "Every Monday in September"
objectives = ["awareness"]
stage = "awareness"
channels = ["instagram"]
audiences = ["families"]
pillars = ["craft"]
owner = "manager"
medium = "both"
starts = 2027-09-01
ends = 2027-09-30
"""

PARTS = """
[objectives.awareness]
title = "Be known by families"
[audiences.families]
name = "Families"
[channels.instagram]
platform = "instagram"
[roles.manager]
title = "Community manager"
[content.pillars.craft]
theme = "How the bread is made"
"""


def problems(text: str) -> list[tuple[str, str, int | None]]:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    return [(d.code, d.path, d.line) for d in info.value.diagnostics]


def test_a_tactic_loads_with_every_key() -> None:
    plan = socialplan.loads(HEAD + TACTIC)
    assert {
        "school_gate": Tactic(
            title="Flyers at the school gate point to Instagram",
            description="Every Monday in September",
            objectives=("awareness",),
            stage=FunnelStage.AWARENESS,
            channels=("instagram",),
            audiences=("families",),
            pillars=("craft",),
            owner="manager",
            medium=Medium.BOTH,
            starts=dt.date(2027, 9, 1),
            ends=dt.date(2027, 9, 30),
        )
    } == plan.tactics


def test_a_tactic_is_written_back_as_it_was_read() -> None:
    text = HEAD + PARTS + TACTIC
    plan = socialplan.loads(text)
    assert plan == socialplan.loads(socialplan.dumps(plan))
    assert plan == socialplan.loads(socialplan.dumps(plan, "json"), "json")
    assert "[tactics.school_gate]" in socialplan.dumps(plan)


def test_a_plan_without_tactics_writes_no_tactics_key() -> None:
    assert "tactics" not in socialplan.dumps(socialplan.loads(HEAD))


def test_a_tactic_needs_a_title() -> None:
    assert [("SP004", "tactics.flyers.title", 4)] == problems(HEAD + "[tactics.flyers]\n")


def test_a_misspelt_medium_is_refused_with_the_nearest_value() -> None:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(HEAD + '[tactics.flyers]\ntitle = "Flyers"\nmedium = "ofline"\n')
    (found,) = info.value.diagnostics
    assert ("SP006", "tactics.flyers.medium", 6, 'did you mean "offline"?') == (
        found.code,
        found.path,
        found.line,
        found.hint,
    )


def test_every_problem_of_a_tactic_is_reported_at_once() -> None:
    text = (
        HEAD + '[tactics.flyers]\ntitle = "Flyers"\nstage = "awarnes"\nstarts = "soon"\nowne = 1\n'
    )
    assert [
        ("SP006", "tactics.flyers.stage", 6),
        ("SP006", "tactics.flyers.starts", 7),
        ("SP003", "tactics.flyers.owne", 8),
    ] == problems(text)


def test_a_tactic_that_names_a_missing_part_is_an_unknown_reference() -> None:
    plan = socialplan.loads(HEAD + PARTS + TACTIC.replace('"manager"', '"manger"'))
    found = [(d.code, d.path, d.hint) for d in socialplan.validate(plan, select=["SP101"])]
    assert [("SP101", "tactics.school_gate.owner", 'did you mean "manager"?')] == found


def test_every_reference_of_a_tactic_is_checked() -> None:
    plan = socialplan.loads(HEAD + TACTIC)
    found = [d.path for d in socialplan.validate(plan, select=["SP101"])]
    assert [
        "tactics.school_gate.audiences[0]",
        "tactics.school_gate.channels[0]",
        "tactics.school_gate.objectives[0]",
        "tactics.school_gate.owner",
        "tactics.school_gate.pillars[0]",
    ] == sorted(found)


def test_the_schema_describes_a_tactic() -> None:
    schema = json_schema()
    tactic = schema["$defs"]["Tactic"]
    assert (["title"], ["online", "offline", "both"], "object") == (
        tactic["required"],
        schema["$defs"]["Medium"]["enum"],
        schema["properties"]["tactics"]["type"],
    )


def test_the_dsl_builds_a_tactic() -> None:
    p = PlanBuilder("Demo")
    aware = p.objective("awareness", "Be known by families")
    families = p.audience("families", "Families")
    cm = p.role("manager", "Community manager")
    insta = p.channel("instagram", platform="instagram")
    craft = p.pillar("craft", "How the bread is made")
    p.tactic(
        "school_gate", "Flyers at the school gate point to Instagram",
        description="Every Monday in September", serves=[aware], stage="awareness",
        on=[insta], audiences=[families], pillars=[craft], owner=cm, medium="both",
        starts="2027-09-01", ends="2027-09-30",
    )  # fmt: skip
    built = p.build()
    expected = socialplan.loads(HEAD + PARTS + TACTIC)
    assert expected.tactics == built.tactics


def test_the_dsl_refuses_a_tactic_for_a_missing_objective() -> None:
    p = PlanBuilder("Demo")
    p.tactic("flyers", "Flyers", serves=["awareness"])
    with pytest.raises(socialplan.LoadError) as info:
        p.build()
    assert [("SP101", "tactics.flyers.objectives[0]")] == [
        (d.code, d.path) for d in info.value.diagnostics
    ]


def test_an_added_tactic_is_named_by_its_id_and_title() -> None:
    old = socialplan.loads(HEAD)
    new = old.with_part("tactics", "flyers", Tactic(title="Flyers"))
    assert ['tactic "flyers" added ("Flyers")'] == [c.message for c in socialplan.diff(old, new)]


def test_a_changed_tactic_says_what_changed() -> None:
    old = socialplan.loads(HEAD + '[tactics.flyers]\ntitle = "Flyers"\nmedium = "offline"\n')
    new = old.with_part("tactics", "flyers", Tactic(title="Flyers", medium=Medium.BOTH))
    assert ['tactic "flyers": medium changed from "offline" to "both"'] == [
        c.message for c in socialplan.diff(old, new)
    ]


def test_the_report_shows_the_tactics_with_the_names_of_what_they_name() -> None:
    text = report(socialplan.loads(HEAD + PARTS + TACTIC))
    section = text.split("## Tactics", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| school\\_gate")]
    assert [
        "| school\\_gate | Flyers at the school gate point to Instagram | Be known by families "
        "| awareness | instagram | Families | How the bread is made | Community manager "
        "| online and offline | 2027-09-01 → 2027-09-30 |"
    ] == rows


def test_the_spanish_report_names_the_tactics_in_spanish() -> None:
    text = report(socialplan.loads(HEAD + PARTS + TACTIC), lang="es")
    assert ["## Tácticas"] == re.findall(r"^## Tácticas$", text, flags=re.MULTILINE)
    assert "online y offline" in text


def test_the_html_report_shows_the_tactics() -> None:
    parsed = page(report(socialplan.loads(HEAD + PARTS + TACTIC), format="html"))
    assert "Flyers at the school gate point to Instagram" in "".join(parsed.text)
    assert "Tactics" in "".join(parsed.text)


def test_a_plan_without_tactics_has_no_tactics_section() -> None:
    assert "Tactics" not in report(socialplan.loads(HEAD + PARTS))
