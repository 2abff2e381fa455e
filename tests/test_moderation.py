"""Moderation of visitors' posts, apart from the policy for the plan's own posts."""

from __future__ import annotations

import pytest

import socialplan
from html_page import page
from socialplan import Moderation, ModerationAction, ModerationRule
from socialplan.dsl import PlanBuilder
from socialplan.render import report
from socialplan.schema import json_schema

HEAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\n'

MODERATION = """
[roles.legal]
title = "Legal advice"

[moderation]
house_rules = "https://example.org/house-rules"

[[moderation.rules]]
when = "Spam or advertising"
action = "delete"

[[moderation.rules]]
when = "A threat against someone"
action = "escalate"
escalate_to = "legal"

[[moderation.rules]]
when = "Criticism of the service"
action = "reply"
"""


def test_moderation_loads_with_its_rules_in_order() -> None:
    plan = socialplan.loads(HEAD + MODERATION)
    assert (
        Moderation(
            house_rules="https://example.org/house-rules",
            rules=(
                ModerationRule(when="Spam or advertising", action=ModerationAction.DELETE),
                ModerationRule(
                    when="A threat against someone",
                    action=ModerationAction.ESCALATE,
                    escalate_to="legal",
                ),
                ModerationRule(when="Criticism of the service", action=ModerationAction.REPLY),
            ),
        )
        == plan.moderation
    )


def test_moderation_is_written_back_as_read() -> None:
    plan = socialplan.loads(HEAD + MODERATION)
    assert plan == socialplan.loads(socialplan.dumps(plan))
    assert plan == socialplan.loads(socialplan.dumps(plan, "json"), "json")


def test_a_rule_needs_a_known_action_and_a_condition() -> None:
    text = HEAD + '[moderation]\n[[moderation.rules]]\nwhen = "Spam"\naction = "remove"\n'
    text += '[[moderation.rules]]\naction = "hide"\n'
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    assert [
        ("SP006", "moderation.rules[0].action", 7),
        ("SP004", "moderation.rules[1].when", 8),
    ] == [(d.code, d.path, d.line) for d in info.value.diagnostics]


def test_a_misspelt_action_gets_the_nearest() -> None:
    text = HEAD + '[[moderation.rules]]\nwhen = "Spam"\naction = "delet"\n'
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    assert ['did you mean "delete"?'] == [d.hint for d in info.value.diagnostics]


def test_an_escalation_to_no_role_is_an_unknown_reference() -> None:
    plan = socialplan.loads(
        HEAD + MODERATION.replace('escalate_to = "legal"', 'escalate_to = "legl"')
    )
    assert [("SP101", "moderation.rules[1].escalate_to", 'did you mean "legal"?')] == [
        (d.code, d.path, d.hint) for d in socialplan.validate(plan, select=["SP101"])
    ]


def test_the_schema_lists_the_actions() -> None:
    assert ["hide", "delete", "report", "escalate", "reply", "block", "keep"] == (
        json_schema()["$defs"]["ModerationAction"]["enum"]
    )


def test_the_dsl_adds_moderation_rules_in_order() -> None:
    p = PlanBuilder("Demo")
    legal = p.role("legal", "Legal advice")
    p.moderation(house_rules="https://example.org/house-rules")
    p.moderation_rule("Spam or advertising", "delete")
    p.moderation_rule("A threat against someone", "escalate", escalate_to=legal)
    p.moderation_rule("Criticism of the service", "reply")
    assert socialplan.loads(HEAD + MODERATION) == p.build()


def test_a_changed_rule_is_named_by_its_condition() -> None:
    old = socialplan.loads(HEAD + MODERATION)
    new = socialplan.loads(HEAD + MODERATION.replace('action = "delete"', 'action = "hide"'))
    assert [
        (
            "changed",
            'moderation.rules["Spam or advertising"].action',
            'moderation rule "Spam or advertising": action changed from "delete" to "hide"',
        )
    ] == [(c.kind, c.path, c.message) for c in socialplan.diff(old, new)]


def test_an_added_and_a_dropped_rule_are_said() -> None:
    old = socialplan.loads(HEAD + MODERATION)
    rules = old.moderation.rules if old.moderation else ()
    new = old.evolve(
        moderation=Moderation(
            house_rules="https://example.org/house-rules",
            rules=(*rules[1:], ModerationRule(when="Insults", action=ModerationAction.HIDE)),
        )
    )
    assert [
        'moderation rule "Insults" added',
        'moderation rule "Spam or advertising" dropped',
    ] == [c.message for c in socialplan.diff(old, new)]


def test_the_report_has_a_moderation_section_when_the_plan_has_moderation() -> None:
    text = report(socialplan.loads(HEAD + MODERATION))
    section = text.split("## Moderation of visitors' posts", 1)[1].split("\n## ", 1)[0]
    assert [
        "| when | action | escalates to |",
        "| Spam or advertising | delete |  |",
        "| A threat against someone | escalate | Legal advice |",
        "| Criticism of the service | reply |  |",
    ] == [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert "Moderation" not in report(socialplan.loads(HEAD))


def test_the_spanish_report_says_the_actions_in_spanish() -> None:
    text = report(socialplan.loads(HEAD + MODERATION), lang="es")
    assert (
        "## Moderación de lo que publican otros" in text,
        "| Spam or advertising | borrar |  |" in text,
    ) == (
        True,
        True,
    )


def test_the_html_report_shows_the_house_rules() -> None:
    parsed = page(report(socialplan.loads(HEAD + MODERATION), format="html"))
    assert "https://example.org/house-rules" in "".join(parsed.text)
