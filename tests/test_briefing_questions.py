"""Seed 004 step 1's "why be on social media?": the briefing's questions and their answers."""

from __future__ import annotations

import pytest

import socialplan
from html_page import page
from socialplan import Briefing, BriefingQuestion
from socialplan.dsl import PlanBuilder
from socialplan.render import report
from socialplan.schema import json_schema

HEAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\n'

QUESTIONS = """
[briefing]
online_presence = "A Facebook page"

[[briefing.questions]]
ask = "Why be on social media at all?"
answer = "Our customers ask there before they come to the shop"

[[briefing.questions]]
ask = "What would we lose by not being there?"
"""


def test_the_questions_load_in_order() -> None:
    plan = socialplan.loads(HEAD + QUESTIONS)
    assert (
        Briefing(
            online_presence="A Facebook page",
            questions=(
                BriefingQuestion(
                    ask="Why be on social media at all?",
                    answer="Our customers ask there before they come to the shop",
                ),
                BriefingQuestion(ask="What would we lose by not being there?"),
            ),
        )
        == plan.briefing
    )


def test_the_questions_are_written_back_as_read() -> None:
    plan = socialplan.loads(HEAD + QUESTIONS)
    assert plan == socialplan.loads(socialplan.dumps(plan))
    assert plan == socialplan.loads(socialplan.dumps(plan, "json"), "json")


def test_a_question_needs_its_ask() -> None:
    text = HEAD + '[[briefing.questions]]\nanswr = "Because"\n'
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    assert [
        ("SP003", "briefing.questions[0].answr", 5, 'did you mean "answer"?'),
        ("SP004", "briefing.questions[0].ask", 4, "expected a string"),
    ] == sorted((d.code, d.path, d.line, d.hint) for d in info.value.diagnostics)


def test_the_schema_requires_the_ask() -> None:
    assert ["ask"] == json_schema()["$defs"]["BriefingQuestion"]["required"]


def test_the_dsl_adds_questions_to_the_briefing() -> None:
    p = PlanBuilder("Demo")
    p.briefing_question(
        "Why be on social media at all?",
        "Our customers ask there before they come to the shop",
    )
    p.briefing(online_presence="A Facebook page")
    p.briefing_question("What would we lose by not being there?")
    assert socialplan.loads(HEAD + QUESTIONS) == p.build()


def test_an_answered_question_is_said_by_its_ask() -> None:
    old = socialplan.loads(HEAD + QUESTIONS)
    new = socialplan.loads(HEAD + QUESTIONS + 'answer = "Half our orders"\n')
    assert [
        'briefing question "What would we lose by not being there?": answer set to '
        '"Half our orders"'
    ] == [c.message for c in socialplan.diff(old, new)]


def test_the_report_shows_the_questions_and_their_answers() -> None:
    text = report(socialplan.loads(HEAD + QUESTIONS))
    section = text.split("### Why be on social media?", 1)[1].split("\n## ", 1)[0]
    assert [
        "| question | answer |",
        "| Why be on social media at all? | Our customers ask there before they come to the shop |",
        "| What would we lose by not being there? |  |",
    ] == [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]


def test_a_briefing_without_questions_has_no_questions_table() -> None:
    text = report(socialplan.loads(HEAD + '[briefing]\nonline_presence = "A page"\n'))
    assert "Why be on social media?" not in text


def test_the_spanish_report_asks_in_spanish() -> None:
    text = report(socialplan.loads(HEAD + QUESTIONS), lang="es")
    assert "### ¿Por qué estar en redes sociales?" in text


def test_the_html_report_shows_the_answers() -> None:
    parsed = page(report(socialplan.loads(HEAD + QUESTIONS), format="html"))
    assert "Our customers ask there before they come to the shop" in "".join(parsed.text)
