"""The Spanish report and scorecard are Spanish throughout: reasons, values, legends."""

from __future__ import annotations

import json
import re

import socialplan
from html_page import page
from socialplan import observations as obs
from socialplan.render import report, scorecard

CARTOON = socialplan.load("examples/cartoon/plan.toml")
SEASON = obs.load("examples/cartoon/observations.csv", CARTOON)
CARD = socialplan.score(CARTOON, SEASON)


def test_the_spanish_scorecard_gives_its_reasons_in_spanish() -> None:
    shown = scorecard(CARD, format="markdown", lang="es")
    assert "con el ritmo actual, la meta se alcanza el 2027-09-30" in shown
    assert "meta alcanzada" in shown
    assert [] == re.findall(r"at the pace so far|target reached|no target to judge", shown)


def test_the_english_scorecard_keeps_its_reasons() -> None:
    shown = scorecard(CARD, format="markdown")
    assert "at the pace so far, 110.13 by 2027-09-30: 91% of the way to 120" in shown


def test_the_json_scorecard_keeps_its_english_reasons() -> None:
    data = json.loads(scorecard(CARD, format="json", lang="es"))
    reasons = {m["reason"] for o in data["objectives"] for m in o["metrics"]}
    assert "target reached" in reasons


def test_a_reason_is_a_code_and_values() -> None:
    followers = CARD.metrics[0]
    assert followers.why is not None
    assert ("pace_reaches", "2027-09-30") == (
        followers.why.code,
        str(followers.why.values["deadline"]),
    )


def test_the_spanish_report_words_the_funnel_stages_and_calendar_statuses() -> None:
    shown = report(CARTOON, lang="es")
    objectives = shown.split("### Objetivos\n\n", 1)[1].split("\n\n", 1)[0]
    calendar = shown.split("### Calendario editorial\n", 1)[1].split("\n## ", 1)[0]
    rows = [row.split(" | ") for row in objectives.splitlines() if row.startswith("| ")]
    stages = {row[3] for row in rows[2:]}
    assert {"conocimiento", "interés", "deseo", "acción", "recomendación"} >= stages
    assert [] == re.findall(r"\| (?:draft|approved|scheduled|published) \|", calendar)


def test_the_spanish_report_words_the_step_states() -> None:
    shown = report(socialplan.Plan(name="Vacío"), lang="es")
    assert "| listo |" in shown
    assert "| ready |" not in shown


def test_the_spanish_html_report_draws_spanish_legends() -> None:
    parsed = page(report(CARTOON, lang="es", format="html"))
    text = set(parsed.text)
    assert {"paso: hecho", "meta", "objetivo"} <= text
    assert set() == text & {"step: done", "goal", "objective"}
