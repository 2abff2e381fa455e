"""The Spanish report and scorecard are Spanish throughout: reasons, values, legends."""

from __future__ import annotations

import datetime as dt
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


# Findings, gaps, steps, diagrams and triggers: the Spanish report says none of them in
# English. What the plan says (its texts and ids) and the method's own words stay as written.

GENERALITAT = "tests/realworld/regional-gov-generalitat-es.toml"

#: Words of English sentences that are not Spanish words.
ENGLISH = re.compile(
    r"\b(?:the|has|is|are|of|and|with|to|on|by|for|every|yet|its|or|not|missing|within"
    r"|escalate|below|above|inquiry|suggestion|complaint|term|target|objective)\b",
    re.IGNORECASE,
)


def _plan_texts(path: str) -> list[str]:
    """Every string the plan file holds (values and keys), longest first."""
    import tomllib

    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                found.add(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    with open(path, "rb") as stream:
        walk(tomllib.load(stream))
    return sorted(found, key=len, reverse=True)


def _english_left(path: str, card: socialplan.Scorecard | None = None) -> list[str]:
    """The bits of text of the Spanish HTML report with English words once the plan's own
    texts and the method's own words are taken out."""
    from socialplan.steps import progress

    plan = socialplan.load(path)
    own = _plan_texts(path)
    own += sorted((s.title for s in progress(plan)), key=len, reverse=True)
    said = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in own if s.strip()))
    parsed = page(report(plan, lang="es", format="html", scorecard=card))
    # A diagram wraps a long name over lines: a line of a text of the plan is the plan's.
    whole = "\n".join(own)
    # The format's keys in `code` are the format's, in every language.
    bits = (
        said.sub(" ", re.sub(r"`[^`]*`", " ", bit))
        for bit in parsed.text
        if bit.strip() not in whole
    )
    return [bit for bit in bits if ENGLISH.search(bit)]


def test_every_registered_rule_has_spanish_wording() -> None:
    from socialplan.render._rules_es import RULES_ES
    from socialplan.rules import all_rules

    assert [] == [r.code for r in all_rules() if r.code not in RULES_ES]


def test_the_spanish_findings_show_no_rule_message() -> None:
    plan = socialplan.load(GENERALITAT)
    shown = report(plan, lang="es", format="html")
    messages = {d.message for d in socialplan.validate(plan)}
    assert set() == {m for m in messages if m in page(shown).text}


def test_the_spanish_findings_word_the_rule_and_the_part() -> None:
    plan = socialplan.load(GENERALITAT)
    findings = page(report(plan, lang="es", format="html")).tables[-1]
    wikiloc = [row for row in findings if row[2] == "channels.wikiloc.owner"]
    assert [["SP401", "advertencia", "channels.wikiloc.owner", "Un canal sin responsable."]] == [
        row[:4] for row in wikiloc
    ]


def test_the_english_findings_keep_the_rule_messages() -> None:
    shown = report(socialplan.load(GENERALITAT))
    assert 'channel "wikiloc" has no owner' in shown


def test_the_spanish_report_of_the_cartoon_plan_has_no_english_sentence() -> None:
    assert [] == _english_left("examples/cartoon/plan.toml", CARD)


def test_the_spanish_report_of_a_spanish_strategy_has_no_english_sentence() -> None:
    assert [] == _english_left(GENERALITAT)


def test_every_thing_a_step_can_lack_has_spanish_wording() -> None:
    from socialplan.render._i18n import _MISSING_ES
    from socialplan.steps._checks import MISSING

    assert set() == set(MISSING) - set(_MISSING_ES)


def test_the_spanish_report_words_what_a_step_lacks() -> None:
    shown = report(socialplan.Plan(name="Vacío"), lang="es")
    assert "aún no hay objetivos" in shown
    assert "no objective yet" not in shown


def test_the_spanish_routing_diagram_words_its_routes() -> None:
    parsed = page(report(CARTOON, lang="es", format="html"))
    text = set(parsed.text)
    assert {"consulta", "escala"} <= text
    routes = re.compile(r"(within \S+ )?on every channel|inquiry|escalate")
    assert [] == [bit for bit in parsed.text if routes.fullmatch(bit)]


TRIGGERED = """
format = "socialplan/1"
[plan]
name = "Barrio"

[objectives.community]
title = "Ser conocidos en el barrio"
target = { value = 5000, unit = "seguidores", baseline = 1000, deadline = 2027-12-31 }

[metrics.followers]
name = "Seguidores"
unit = "seguidores"
measures = ["community"]

[metrics.complaints]
name = "Quejas"
unit = "quejas"

[scenarios.plan_b]
name = "Plan B"
when = [{ metric = "followers", below = "60%", by = 2027-06-30 }]

[scenarios.plan_c]
name = "Plan C"
when = [
  { metric = "complaints", above = 50 },
  { metric = "complaints", above = 100, by = 2027-12-31 },
  { metric = "followers", below = 10, by = 2027-01-01 },
]

[scenarios.plan_d]
name = "Plan D"
when = [{ metric = "complaints", below = "10%" }]
"""

OBSERVED = """\
metric,date,value
followers,2027-03-31,1000
followers,2027-06-28,1200
complaints,2027-05-01,40
complaints,2027-06-01,65
"""


def test_the_spanish_scorecard_gives_the_triggers_reasons_in_spanish() -> None:
    plan = socialplan.loads(TRIGGERED)
    card = socialplan.score(plan, obs.loads(OBSERVED, plan, "csv"), as_of=dt.date(2027, 7, 1))
    rows = page(scorecard(card, format="html", lang="es")).tables[-1][1:]
    assert [
        "followers 1,200 está por debajo del 60% de 5,000 (3,000) para el 2027-06-30",
        "complaints 65 está por encima de 50 el 2027-06-01",
        "se juzgará el 2027-12-31 (por ahora, complaints 65 el 2027-06-01)",
        "ninguna observación de followers para el 2027-01-01",
        "complaints no tiene meta de la que tomar el 10%",
    ] == [row[-1] for row in rows]
