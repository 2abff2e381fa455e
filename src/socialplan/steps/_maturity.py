"""The 10-stage maturity model of seed 002: what an organization practises, and what it plans.

Each stage rests on pieces of evidence. A *planned* piece is what the plan says will happen
(channels, a calendar, metrics with a source); a *practised* piece is what has happened:
a metric observed at two dates or more, entries published, a launch on or before the date
of the assessment, a step marked done by hand. Placeholders ("TODO", "TBD", "coming soon")
are never evidence (:func:`socialplan._core.placeholders.is_placeholder`).

The stage the organization has reached counts practice: every piece of that stage and of
every stage before it is found. The planned stage counts the planned pieces only: where
following the plan would take the organization. A piece that rests on a step of the A–S
methodology (seed 003) is found only when that step's completion check finds nothing
missing, so the two never disagree on the same plan.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from .._core.parts import Part
from .._core.placeholders import is_placeholder
from .._core.vocab import CalendarStatus, ChannelStatus, KpiLevel, MetricFamily, StepStatus
from .._model import Metric, Plan

if TYPE_CHECKING:
    from ..observations import Observation

__all__ = ["STAGES", "Evidence", "EvidenceKind", "Maturity", "StageEvidence", "maturity"]


class EvidenceKind(enum.StrEnum):
    """Whether a piece of evidence is what the plan says will happen, or what has happened."""

    PLANNED = "planned"
    PRACTISED = "practised"


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Evidence(Part):
    """One piece of evidence a stage rests on: what it is, its kind, whether it was found,
    where in the plan (or its observations) it is looked for, and what is missing without it."""

    key: str
    what: str
    kind: EvidenceKind
    found: bool
    where: str
    missing: str


@attrs.frozen(kw_only=True, eq=False, repr=False)
class StageEvidence(Part):
    """One stage: the evidence it rests on, found and missing.

    *reached*: every piece is found, planned and practised (the stage is practised);
    *planned*: every planned piece is found. *evidence* and *missing* say in words what
    was found and what is missing; *pieces* holds each piece; *rests_on*, the steps of the
    A–S methodology whose completion checks it shares.
    """

    number: int
    name: str
    reached: bool
    evidence: tuple[str, ...]
    missing: tuple[str, ...]
    planned: bool = False
    pieces: tuple[Evidence, ...] = ()
    rests_on: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Maturity(Part):
    """The stage an organization has reached by practice, the stage its plan would take it
    to, the evidence per stage, and what comes next.

    *stage* is the practised stage: it and every stage before it have all their evidence.
    *planned* is the planned stage: it and every stage before it have their planned
    evidence. *as_of* is the date the assessment was made on (``None``: no date known).
    """

    stage: int
    stages: tuple[StageEvidence, ...]
    planned: int = 0
    as_of: dt.date | None = None

    @property
    def name(self) -> str:
        """The name of the stage reached, or "not started"."""
        return self.stages[self.stage - 1].name if self.stage else "not started"

    @property
    def planned_name(self) -> str:
        """The name of the planned stage, or "not started"."""
        return self.stages[self.planned - 1].name if self.planned else "not started"

    @property
    def next(self) -> StageEvidence | None:
        """The first stage not reached, with what is missing for it."""
        return self.stages[self.stage] if self.stage < len(self.stages) else None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class _Facts(Part):
    plan: Plan
    seen: Mapping[str, frozenset[dt.date]]  # metric id -> the dates it was observed on
    as_of: dt.date | None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class _Piece(Part):
    key: str
    what: str
    kind: EvidenceKind
    where: str
    missing: str
    test: Callable[[_Facts], bool]
    step: str | None = None  # the A–S step whose completion check it also needs


def _written(text: str | None) -> bool:
    return text is not None and not is_placeholder(text)


def _any_written(texts: Iterable[str | None]) -> bool:
    return any(_written(t) for t in texts)


def _done(plan: Plan, *steps: str) -> bool:
    return any(
        (record := plan.steps.get(step)) is not None and record.status is StepStatus.DONE
        for step in steps
    )


def _over_time(facts: _Facts, which: Callable[[Metric], bool]) -> bool:
    """Whether a metric *which* picks was observed on two dates or more."""
    return any(
        which(metric) and len(facts.seen.get(key, ())) >= 2
        for key, metric in facts.plan.metrics.items()
    )


def _published(facts: _Facts, pillar: bool = False) -> bool:
    return any(
        entry.status is CalendarStatus.PUBLISHED
        and (facts.as_of is None or entry.date <= facts.as_of)
        and (not pillar or entry.pillar is not None)
        for entry in facts.plan.calendar
    )


def _launched(facts: _Facts) -> bool:
    day = facts.plan.launch.date if facts.plan.launch else None
    passed = day is not None and facts.as_of is not None and day <= facts.as_of
    return passed or _published(facts) or _done(facts.plan, "launch", "m")


def _heard(facts: _Facts) -> bool:
    analysis = facts.plan.analysis
    written = analysis is not None and (
        _any_written((analysis.company, analysis.sector, analysis.audiences))
        or _any_written((analysis.current_situation,))
        or _any_written((*analysis.competitors, *analysis.strengths, *analysis.weaknesses))
    )
    findings = any(_any_written(i.findings) for i in facts.plan.stakeholder_input.values())
    return written or findings or _done(facts.plan, "stakeholder_input")


def _official(facts: _Facts) -> bool:
    off = (ChannelStatus.PROPOSED, ChannelStatus.RETIRED)
    return any(_written(c.platform) and c.status not in off for c in facts.plan.channels.values())


def _level(level: KpiLevel) -> Callable[[Metric], bool]:
    return lambda metric: metric.level is level


def _engagement_rules(facts: _Facts) -> bool:
    return any(
        _any_written((r.tone, r.hours, *r.topics))
        or r.response_time is not None
        or r.posting_frequency is not None
        for r in facts.plan.engagement.values()
    )


def _profiles(facts: _Facts) -> bool:
    channels = facts.plan.channels.values()
    return bool(channels) and all(
        c.profile is not None
        and _any_written(attrs.astuple(c.profile))
        and _any_written(c.customizations)
        for c in channels
    )


def _p(
    key: str,
    what: str,
    where: str,
    missing: str,
    test: Callable[[_Facts], bool],
    step: str | None = None,
) -> _Piece:
    return _Piece(
        key=key,
        what=what,
        kind=EvidenceKind.PLANNED,
        where=where,
        missing=missing,
        test=test,
        step=step,
    )


def _r(key: str, what: str, where: str, missing: str, test: Callable[[_Facts], bool]) -> _Piece:
    return _Piece(
        key=key, what=what, kind=EvidenceKind.PRACTISED, where=where, missing=missing, test=test
    )


#: The ten stages of seed 002, in order: each its name and the evidence it rests on.
STAGES: tuple[tuple[str, tuple[_Piece, ...]], ...] = (
    ("Listening and reporting", (
        _p("sources", "metrics with a source to read them", "metrics",
           "no metric says where it is read",
           lambda f: _any_written(m.source for m in f.plan.metrics.values())),
        _p("reports", "reports planned for the managers", "reporting",
           "no report planned for anyone",
           lambda f: any(r.to and _written(r.title) for r in f.plan.reporting.values())),
        _r("heard", "what listening found: an analysis or stakeholder findings", "analysis",
           "no analysis or stakeholder finding written", _heard),
    )),
    ("Presence and analysis", (
        _p("channels", "official channels", "channels", "no channel", _official),
        _p("exposure", "community-size or exposure metrics", "metrics",
           "no level-1 (exposure) metric",
           lambda f: any(m.level is KpiLevel.EXPOSURE for m in f.plan.metrics.values())),
        _r("launched", "a launch: its date passed, an entry published or the launch step done",
           "launch.date", "not launched by the date of the assessment", _launched),
        _r("exposure_seen", "exposure metrics observed over time", "observations",
           "no level-1 (exposure) metric observed on two dates",
           lambda f: _over_time(f, _level(KpiLevel.EXPOSURE))),
    )),
    ("Socializing", (
        _p("engagement", "rules of engagement", "engagement", "no engagement rule",
           _engagement_rules),
        _p("calendar", "an editorial calendar", "calendar", "no calendar",
           lambda f: _any_written(e.title for e in f.plan.calendar)),
        _r("published", "entries published", "calendar", "no entry published",
           lambda f: _published(f) or _done(f.plan, "initial_content")),
        _r("interaction_seen", "interaction metrics observed over time", "observations",
           "no level-2 (interaction) metric observed on two dates",
           lambda f: _over_time(f, _level(KpiLevel.INTERACTION))),
    )),
    ("Finding a voice", (
        _p("tone", "a tone of voice", "engagement", "no tone set",
           lambda f: _any_written(e.tone for e in f.plan.engagement.values())),
        _p("pillars", "content pillars", "content.pillars", "no content pillar",
           lambda f: bool(f.plan.content)
           and _any_written(p.theme for p in f.plan.content.pillars.values())),  # type: ignore[union-attr]
        _r("voice_published", "entries published under a content pillar", "calendar",
           "no entry of a content pillar published", lambda f: _published(f, pillar=True)),
    )),
    ("Words into deeds", (
        _p("routing", "routes for incoming messages", "routing", "no routing",
           lambda f: bool(f.plan.routing)),
        _p("response_time", "a response time", "engagement", "no response time",
           lambda f: any(e.response_time for e in f.plan.engagement.values())),
        _r("engagement_seen", "engagement metrics observed over time", "observations",
           "no engagement metric observed on two dates",
           lambda f: _over_time(f, lambda m: m.family is MetricFamily.ENGAGEMENT)),
    )),
    ("A humanized brand", (
        _p("profiles", "a profile identity and customizations on every channel", "channels",
           "not every channel has a profile identity and customizations", _profiles,
           step="i"),
        _p("people", "named people behind the roles", "roles", "no person named in a role",
           lambda f: any(_any_written(r.people) for r in f.plan.roles.values())),
        _r("set_up", "channels set up on the platforms: the channel setup step done",
           "steps.channel_setup", "the channel setup step is not done",
           lambda f: _done(f.plan, "channel_setup", "i")),
    )),
    ("Community and ambassadors", (
        _p("influencers", "an influence map", "influencers", "no influencer",
           lambda f: _any_written(i.name for i in f.plan.influencers.values())),
        _p("ambassadors", "ambassadors", "advocacy.ambassadors", "no ambassador",
           lambda f: bool(f.plan.advocacy) and _any_written(f.plan.advocacy.ambassadors)),  # type: ignore[union-attr]
        _r("community_active", "ambassadors at work: the internal networks step done, or "
           "influence metrics observed over time", "steps.internal_networks",
           "the internal networks step is not done and no influence metric is observed",
           lambda f: _done(f.plan, "internal_networks")
           or _over_time(f, lambda m: m.family is MetricFamily.INFLUENCE)),
    )),
    ("Internal collaboration", (
        _p("raci", "a RACI matrix", "raci", "no RACI",
           lambda f: bool(f.plan.raci and (f.plan.raci.steps or f.plan.raci.channels))),
        _p("stakeholders", "stakeholder input", "stakeholder_input", "no stakeholder input",
           lambda f: any(_written(i.method) for i in f.plan.stakeholder_input.values())),
        _r("input_held", "stakeholder input held: its findings written or its step done",
           "stakeholder_input", "no stakeholder input held",
           lambda f: _done(f.plan, "stakeholder_input")
           or any(_any_written(i.findings) for i in f.plan.stakeholder_input.values())),
    )),
    ("Social CRM", (
        _p("escalation", "escalation of messages", "routing", "no escalation in the routing",
           lambda f: any(r.escalate_to for r in f.plan.routing)),
        _p("market_value", "audiences with a market value", "audiences",
           "no audience with a market value",
           lambda f: _any_written(a.market_value for a in f.plan.audiences.values())),
        _r("audience_seen", "metrics per audience observed over time", "observations",
           "no metric of an audience observed on two dates",
           lambda f: _over_time(f, lambda m: bool(m.audiences))),
    )),
    ("Business metrics and ROI", (
        _p("roi", "a sales, conversions or leads objective with a target, and costs",
           "objectives", "no sales, conversions or leads objective with a target and costs "
           "to weigh it against", lambda f: True, step="s"),
        _p("conversion", "conversion metrics with targets", "metrics",
           "no level-3 (conversion) metric with a target",
           lambda f: any(m.level is KpiLevel.CONVERSION and m.target is not None
                         for m in f.plan.metrics.values())),
        _r("conversion_seen", "conversion metrics observed over time", "observations",
           "no level-3 (conversion) metric observed on two dates",
           lambda f: _over_time(f, _level(KpiLevel.CONVERSION))),
    )),
)  # fmt: skip


def _evidence(piece: _Piece, facts: _Facts) -> Evidence:
    found = piece.test(facts)
    missing = piece.missing
    if piece.step is not None:
        from ._checks import CHECKS
        from ._methodology import A_TO_S

        check = A_TO_S[piece.step].check
        lacking = CHECKS[check](facts.plan) if check else []
        found = found and not lacking
        missing = "; ".join(lacking) if lacking else missing
    return Evidence(
        key=piece.key,
        what=piece.what,
        kind=piece.kind,
        found=found,
        where=piece.where,
        missing=missing,
    )


def maturity(
    plan: Plan, observations: Iterable[Observation] = (), *, as_of: dt.date | None = None
) -> Maturity:
    """Assess which of seed 002's ten stages the organization behind *plan* has reached.

    *observations* (:mod:`socialplan.observations`) are what has been measured; those
    dated after *as_of* are left out. *as_of* is the date of the assessment: by default
    the latest observation's date, and with no observations none, so that no launch
    date counts as passed (give *as_of* to assess a plan on a given day).

    >>> import socialplan
    >>> empty = socialplan.Plan(name="Demo")
    >>> socialplan.maturity(empty).stage, socialplan.maturity(empty).next.name
    (0, 'Listening and reporting')
    """
    measured = list(observations)
    if as_of is None and measured:
        as_of = max(o.date for o in measured)
    seen: dict[str, set[dt.date]] = {}
    for o in measured:
        if as_of is None or o.date <= as_of:
            seen.setdefault(o.metric, set()).add(o.date)
    facts = _Facts(plan=plan, seen={k: frozenset(v) for k, v in seen.items()}, as_of=as_of)
    stages = []
    practised = planned = 0
    practised_so_far = planned_so_far = True
    for number, (name, pieces) in enumerate(STAGES, start=1):
        found = tuple(_evidence(piece, facts) for piece in pieces)
        reached = all(e.found for e in found)
        plans = all(e.found for e in found if e.kind is EvidenceKind.PLANNED)
        stages.append(
            StageEvidence(
                number=number,
                name=name,
                reached=reached,
                planned=plans,
                evidence=tuple(e.what for e in found if e.found),
                missing=tuple(e.missing for e in found if not e.found),
                pieces=found,
                rests_on=tuple(p.step for p in pieces if p.step is not None),
            )
        )
        practised_so_far = practised_so_far and reached
        planned_so_far = planned_so_far and plans
        practised = number if practised_so_far else practised
        planned = number if planned_so_far else planned
    return Maturity(stage=practised, stages=tuple(stages), planned=planned, as_of=as_of)
