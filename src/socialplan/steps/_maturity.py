"""The 10-stage maturity model of seed 002, as an assessment of what a plan shows."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from .._core.vocab import KpiLevel
from .._model import Plan

__all__ = ["STAGES", "Maturity", "StageEvidence", "maturity"]


@attrs.frozen(kw_only=True)
class StageEvidence:
    """One stage: what in the plan shows it is reached, and what is missing for it."""

    number: int
    name: str
    reached: bool
    evidence: tuple[str, ...]
    missing: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Maturity:
    """The stage an organization has reached, the evidence per stage, and what comes next.

    A stage counts as reached when it and every stage before it show evidence.
    """

    stage: int
    stages: tuple[StageEvidence, ...]

    @property
    def name(self) -> str:
        """The name of the stage reached, or "not started"."""
        return self.stages[self.stage - 1].name if self.stage else "not started"

    @property
    def next(self) -> StageEvidence | None:
        """The first stage not reached, with what is missing for it."""
        return self.stages[self.stage] if self.stage < len(self.stages) else None


Probe = Callable[[Plan], tuple[list[str], list[str]]]


def _probe(*tests: tuple[str, Callable[[Plan], bool], str]) -> Probe:
    def run(plan: Plan) -> tuple[list[str], list[str]]:
        found, missing = [], []
        for shown, test, lacking in tests:
            if test(plan):
                found.append(shown)
            else:
                missing.append(lacking)
        return found, missing

    return run


STAGES: tuple[tuple[str, Probe], ...] = (
    (
        "Listening and reporting",
        _probe(
            ("metrics with a source to read them",
             lambda p: any(m.source for m in p.metrics.values()),
             "no metric says where it is read"),
            ("an analysis of the company and its market", lambda p: p.analysis is not None,
             "no analysis"),
        ),
    ),
    (
        "Presence and analysis",
        _probe(
            ("official channels", lambda p: bool(p.channels), "no channel"),
            ("community-size or exposure metrics",
             lambda p: any(m.level is KpiLevel.EXPOSURE for m in p.metrics.values()),
             "no level-1 (exposure) metric"),
        ),
    ),
    (
        "Socializing",
        _probe(
            ("rules of engagement", lambda p: bool(p.engagement), "no engagement rule"),
            ("an editorial calendar", lambda p: bool(p.calendar), "no calendar"),
        ),
    ),
    (
        "Finding a voice",
        _probe(
            ("a tone of voice",
             lambda p: any(e.tone for e in p.engagement.values()), "no tone set"),
            ("content pillars",
             lambda p: bool(p.content and p.content.pillars), "no content pillar"),
        ),
    ),
    (
        "Words into deeds",
        _probe(
            ("routes for incoming messages", lambda p: bool(p.routing), "no routing"),
            ("a response time", lambda p: any(e.response_time for e in p.engagement.values()),
             "no response time"),
        ),
    ),
    (
        "A humanized brand",
        _probe(
            ("profile identities", lambda p: any(c.profile for c in p.channels.values()),
             "no channel profile"),
            ("named people behind the roles", lambda p: any(r.people for r in p.roles.values()),
             "no person named in a role"),
        ),
    ),
    (
        "Community and ambassadors",
        _probe(
            ("an influence map", lambda p: bool(p.influencers), "no influencer"),
            ("ambassadors", lambda p: bool(p.advocacy and p.advocacy.ambassadors),
             "no ambassador"),
        ),
    ),
    (
        "Internal collaboration",
        _probe(
            ("a RACI matrix", lambda p: bool(p.raci and (p.raci.steps or p.raci.channels)),
             "no RACI"),
            ("stakeholder input", lambda p: bool(p.stakeholder_input), "no stakeholder input"),
        ),
    ),
    (
        "Social CRM",
        _probe(
            ("escalation of messages", lambda p: any(r.escalate_to for r in p.routing),
             "no escalation in the routing"),
            ("audiences with a market value",
             lambda p: any(a.market_value for a in p.audiences.values()),
             "no audience with a market value"),
        ),
    ),
    (
        "Business metrics and ROI",
        _probe(
            ("conversion metrics with targets",
             lambda p: any(m.level is KpiLevel.CONVERSION and m.target is not None
                           for m in p.metrics.values()),
             "no level-3 (conversion) metric with a target"),
            ("costs to weigh results against", lambda p: any(r.cost for r in p.resources.values()),
             "no resource with a cost"),
        ),
    ),
)  # fmt: skip


def maturity(plan: Plan) -> Maturity:
    """Assess which of seed 002's ten stages the organization behind *plan* has reached.

    >>> import socialplan
    >>> empty = socialplan.Plan(name="Demo")
    >>> socialplan.maturity(empty).stage, socialplan.maturity(empty).next.name
    (0, 'Listening and reporting')
    """
    stages = []
    reached_so_far = True
    stage = 0
    for number, (name, probe) in enumerate(STAGES, start=1):
        found, missing = probe(plan)
        reached = not missing
        stages.append(
            StageEvidence(
                number=number,
                name=name,
                reached=reached,
                evidence=tuple(found),
                missing=tuple(missing),
            )
        )
        reached_so_far = reached_so_far and reached
        if reached_so_far:
            stage = number
    return Maturity(stage=stage, stages=tuple(stages))
