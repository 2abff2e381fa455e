"""Counting what a check found and what a plan holds: the numbers ``socialplan check``
prints under each file, and the notebook's table of a plan's parts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._core.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from ._model import Plan

__all__ = ["counts", "parts", "summary"]


def counts(diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    """How many of *diagnostics* are of each severity, every severity named, errors first:
    ``{"error": 1, "warning": 0, "info": 2}``.

    Any diagnostics count: a :class:`~socialplan.Report` (whose ``counts`` these are), the
    load errors of a :class:`~socialplan.LoadError`, or several files' together, as the
    totals of ``socialplan check --format json``.
    """
    found = dict.fromkeys(map(str, Severity), 0)
    for diagnostic in diagnostics:
        found[str(diagnostic.severity)] += 1
    return found


def parts(plan: Plan) -> list[tuple[str, int]]:
    """How many of each part the plan has, by the part's name, in the file's order (zeros too)."""
    content = plan.content
    return [
        ("briefing question", len(plan.briefing.questions) if plan.briefing else 0),
        ("business goal", len(plan.business_goals)),
        ("objective", len(plan.objectives)),
        ("stakeholder input", len(plan.stakeholder_input)),
        ("audience", len(plan.audiences)),
        ("channel", len(plan.channels)),
        ("influencer", len(plan.influencers)),
        ("role", len(plan.roles)),
        ("work element", len(plan.work)),
        ("routing rule", len(plan.routing)),
        ("content pillar", len(content.pillars) if content else 0),
        ("tactic", len(plan.tactics)),
        ("calendar entry", len(plan.calendar)),
        ("metric", len(plan.metrics)),
        ("report", len(plan.reporting)),
        ("engagement rule", len(plan.engagement)),
        ("moderation rule", len(plan.moderation.rules) if plan.moderation else 0),
        ("resource", len(plan.resources)),
        ("budget line", len(plan.budget.lines) if plan.budget else 0),
        ("scenario", len(plan.scenarios)),
        ("scenario trigger", sum(len(s.when) for s in plan.scenarios.values())),
        ("launch gate", len(plan.launch.gates) if plan.launch else 0),
        ("step record", len(plan.steps)),
    ]


def summary(plan: Plan) -> dict[str, int]:
    """How many of each part *plan* has, by the plural of its name, in the order of the
    file's tables, zeros too: ``{"business goals": 1, "objectives": 2, ...}``, the
    ``summary`` of each file in ``socialplan check --format json``."""
    from ._core.text import plural

    return {plural(name): count for name, count in parts(plan)}
