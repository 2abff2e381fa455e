"""Plan B and plan C that cannot be carried out as written (issue #18, recall, third round).

Each rule decides from the plan's data alone: a scenario that closes accounts on a judgement
nobody can measure; a scenario that silences every channel and says nothing of coming back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._core.text import show
from .._model import Scenario
from ._context import Context
from ._registry import Finding, rule
from ._substance_channels import _same_text

#: An action that closes or deletes accounts (not one that stops posting and keeps them).
_CLOSES = re.compile(
    r"\b(?:close|closes|closing|shut(?:s|ting)? down|delete|deletes|deleting|remove the "
    r"(?:account|profile|page)s?|cerrar|cierre|cierra|eliminar|elimina|dar de baja|darla de "
    r"baja|darlo de baja|suprimir)\b"
)
#: A number in a trigger: a threshold someone can check ("no post for 3 months", "< 100").
_NUMBER = re.compile(r"\d")


def _says(scenario: Scenario) -> list[tuple[str, str]]:
    """The scenario's actions, each as (its path suffix, its text)."""
    return [(f"actions[{i}]", text) for i, text in enumerate(scenario.actions)]


@rule(
    "SP610",
    "closing-on-judgement",
    "warning",
    summary="A scenario closes accounts on a judgement with no measure or threshold.",
    why="Seed 003 calls for plan B and plan C with triggers, and DOMAIN.md's scenario "
    "triggers are conditions on the plan's metrics: when an account is closed because it "
    "'could do better', with no metric and no number in the trigger, the decision is applied "
    "arbitrarily, argued case by case, or never. The people who run the account cannot see "
    "it coming or turn it round. Seen in the corpus: regional-gov-generalitat-es closes a "
    "unit's account when the central team judges its activity and quality could be better.",
    fix="Give the scenario a measurable trigger: a `[[scenarios.<id>.when]]` condition on "
    "one of the plan's metrics (posts a month, answers within the response time), or a "
    'threshold in its `trigger` ("no post in three months"), and say who decides.',
    example='[scenarios.weak]\nname = "Weak account"\ntrigger = "Its quality could be better"\n'
    'actions = ["close the account"]',
)
def closing_on_judgement(context: Context) -> Iterator[Finding]:
    for key, scenario in context.plan.scenarios.items():
        if context.placeholder(scenario) or scenario.when:
            continue
        trigger = scenario.trigger
        if trigger is not None and (_NUMBER.search(trigger) or Context.unwritten(trigger)):
            continue
        for where, text in _says(scenario):
            if _CLOSES.search(_same_text(text)):
                judged = f" ({show(trigger, limit=120)})" if trigger else ""
                yield Finding(
                    f"scenarios.{key}.{where}",
                    f'scenario "{key}" closes accounts on a judgement{judged}: no metric and '
                    "no threshold say when, so it is applied arbitrarily or never",
                    "give it a `when` condition on a metric, or a threshold in its trigger",
                )
                break


#: An action that stops every post on the channels, not some of them.
_SILENCES = re.compile(
    r"\b(?:pause|pauses|pausing|stop|stops|stopping|halt|suspend|suspends|hold|holds|detener"
    r"|parar|suspender|pausar|congelar)\b(?:\s+\w+){0,2}\s+(?:all|every|each|todas?|todos?"
    r"|cada)\b"
)
#: Words that say when or how the channels speak again.
_RESUMES = re.compile(
    r"\b(?:resume\w*|restart\w*|return\w*|back to|come back|comes back|until|lift\w*|ends? it"
    r"|once (?:it|the|everything|all)|settled|resolved|is over|reanud\w*|retom\w*|volver"
    r"|vuelta|hasta|una vez|resuelt\w*|pasad\w*)\b"
)


@rule(
    "SP612",
    "silence-without-way-back",
    "warning",
    summary="A scenario silences every post and says nothing of when or how the channels "
    "speak again.",
    why="Going dark in a crisis is sound practice, and seed 003's plan B and plan C are "
    "meant to end: the team needs to know what brings the channels back (the crisis over, "
    "someone's decision, a date) and what the audience is told meanwhile. A pause with no "
    "way back lasts as long as nobody dares to lift it, while the calendar, the campaigns "
    "and the metrics wait. Seen in the corpus: company-gitlab's going-dark scenario pauses "
    "every post on its brand channels, with no criterion for coming back.",
    fix='Add to the scenario what ends it and who decides ("resume when the incident lead '
    'says the crisis is over"), or a `[[scenarios.<id>.when]]` condition, and what is '
    "posted meanwhile (a holding statement).",
    example='[scenarios.dark]\nname = "Going dark"\nactions = ["pause every post"]',
)
def silence_without_way_back(context: Context) -> Iterator[Finding]:
    for key, scenario in context.plan.scenarios.items():
        if context.placeholder(scenario):
            continue
        said = [_same_text(text) for text in scenario.actions]
        said += [_same_text(t) for t in (scenario.trigger, scenario.description) if t]
        if any(_RESUMES.search(text) for text in said):
            continue
        for where, text in _says(scenario):
            if _SILENCES.search(_same_text(text)):
                yield Finding(
                    f"scenarios.{key}.{where}",
                    f'scenario "{key}" silences every post ({show(text)}) and says nothing '
                    "of when or how the channels speak again",
                    "say what ends it and who decides, and what is posted meanwhile",
                )
                break
