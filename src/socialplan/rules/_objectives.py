"""SP2: objectives and metrics trace to each other, and targets can be measured."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from operator import attrgetter

from .._core.text import number, show
from .._core.vocab import Direction, FunnelStage, KpiLevel, Measure, MetricFamily, MetricMethod
from .._model import Metric, Objective, Plan, Target
from ._absence import grouped, not_started
from ._context import Context
from ._registry import Finding, rule

#: The KPI level that measures each funnel stage (seed 004).
STAGE_LEVEL = {
    FunnelStage.AWARENESS: KpiLevel.EXPOSURE,
    FunnelStage.INTEREST: KpiLevel.INTERACTION,
    FunnelStage.DESIRE: KpiLevel.INTERACTION,
    FunnelStage.ACTION: KpiLevel.CONVERSION,
    FunnelStage.RECOMMENDATION: KpiLevel.CONVERSION,
}


class _Measured:
    """What the metrics of one objective say: their kinds, units, directions and levels."""

    __slots__ = ("directions", "kinds", "levels", "quantitative_units")

    def __init__(self) -> None:
        self.kinds: set[Measure] = set()
        self.quantitative_units: set[str | None] = set()
        self.directions: dict[str | None, set[Direction]] = {}
        self.levels: set[KpiLevel] = set()


_NOTHING = _Measured()


def _measured(context: Context, objective_id: str) -> _Measured:
    """What the metrics of an objective say, gathered for all objectives in one pass over
    the metrics that the SP2 rules share (a big plan's metrics are not read four times)."""
    index = context.memo("objectives.measured", partial(_measure, context.plan))
    return index.get(objective_id, _NOTHING)


def _measure(plan: Plan) -> dict[str, _Measured]:
    # Many metrics of an objective say the same (a kind, a unit, a direction, a level): each
    # objective's distinct sayings are gathered first, one set each, and then read.
    said: dict[str, set[tuple[Measure, str | None, Direction, KpiLevel | None]]] = {}
    for metric in plan.metrics.values():
        saying = _SAYING(metric)
        for objective_id in metric.measures:
            sayings = said.get(objective_id)
            if sayings is None:
                said[objective_id] = {saying}
            else:
                sayings.add(saying)
    # Objectives whose metrics say the same share one reading of it (read-only, as
    # _NOTHING is): most objectives of a big plan are measured alike.
    index: dict[str, _Measured] = {}
    read: dict[frozenset[tuple[Measure, str | None, Direction, KpiLevel | None]], _Measured] = {}
    for objective_id, sayings in said.items():
        key = frozenset(sayings)
        measured = read.get(key)
        if measured is not None:
            index[objective_id] = measured
            continue
        measured = index[objective_id] = read[key] = _Measured()
        for kind, unit, direction, level in sayings:
            measured.kinds.add(kind)
            if kind is Measure.QUANTITATIVE:
                measured.quantitative_units.add(unit)
            measured.directions.setdefault(unit, set()).add(direction)
            if level is not None:
                measured.levels.add(level)
    return index


#: What a metric says of the objectives it measures, in one call.
_SAYING = attrgetter("kind", "unit", "direction", "level")


def _quantitative(objective: Objective) -> bool:
    return objective.measure is Measure.QUANTITATIVE


def percent_change(target: Target) -> bool:
    """Whether *target* is a change in per cent over its baseline ("+10 %"): then it is a
    change of the metric in the metric's own unit (followers, visits…), not a value in "%"."""
    return target.relative is not None and target.unit.strip().endswith("%")


def _judgment(metric: Metric) -> bool:
    """Whether *metric* judges how the communication is received (a qualitative metric, a
    perception measure, a survey) rather than counting attention."""
    return (
        metric.kind is Measure.QUALITATIVE
        or metric.family is MetricFamily.PERCEPTION
        or metric.method is MetricMethod.SURVEY
    )


@rule(
    "SP201",
    "unmeasured-objective",
    "warning",
    summary="An objective no metric measures.",
    why="An objective nobody measures cannot be reached, missed or learned from: it is a wish."
    " Silent while the plan has no metric at all: SP809 says that once.",
    fix="Add a metric whose `measures` names the objective.",
    example='[objectives.awareness]\ntitle = "Be known among parents"  # and no metric measures it',
)
def unmeasured_objective(context: Context) -> Iterator[Finding]:
    if not_started(context, "SP201"):
        return  # no metric at all: SP809 says it once
    objectives = context.plan.objectives
    yield from grouped(
        (
            (
                f"objectives.{key}",
                f'objective "{key}" is measured by no metric',
                f'add a metric with measures = ["{key}"]',
            )
            for key in objectives
            if key not in context.metrics_by_objective
        ),
        len(objectives),
        "objectives",
        ("is measured by no metric", "are measured by no metric"),
    )


@rule(
    "SP202",
    "vanity-metric",
    "warning",
    summary="A metric that measures no objective.",
    why="A metric that traces to no objective is a vanity metric: it is counted, reported and "
    "discussed, and it moves nothing the business wants (seed 003, step O: choose the metrics "
    "from the objectives). It is about counts: a judgment of the whole effort (a qualitative "
    "metric, a perception measure, a survey: residents who find the channels useful, a "
    "review of the messaging) is no vanity metric, and stays out. When the plan has "
    "objectives and no metric names any of them, the link is not started: SP201 says so "
    "once, on the objectives, and this rule stays silent; when some metrics name an "
    "objective and a count does not, that count is the finding. Evidence: the corpus of real "
    "strategies (tests/realworld/), where the survey ratings of council-bracknell, the "
    "review of university-csbsju and the feedback of community-open-neuromorphic were "
    "labelled measures of the whole strategy, not vanity, and on nonprofit-carpentries and "
    "regional-gov-generalitat-es, where no metric names an objective, SP201 reports the "
    "same missing link.",
    fix="Name the objectives it measures in `measures`, or drop it.",
    example='[metrics.followers]\nname = "Followers"  # measures nothing\n'
    '[metrics.visits]\nname = "Visits"\nmeasures = ["traffic"]',
)
def vanity_metric(context: Context) -> Iterator[Finding]:
    plan = context.plan
    metrics = plan.metrics
    if plan.objectives and not any(m.measures for m in metrics.values()):
        return  # the link is not started: SP201 says it once, on the objectives
    yield from grouped(
        (
            (
                f"metrics.{key}.measures",
                f'metric "{key}" measures no objective',
                "name the objectives it measures, or drop it",
            )
            for key, metric in metrics.items()
            if not metric.measures and not _judgment(metric)
        ),
        len(metrics),
        "metrics",
        ("measures no objective", "measure no objective"),
    )


@rule(
    "SP203",
    "missing-target",
    "warning",
    summary="A quantitative objective without a target.",
    why="SMART objectives are measurable: a quantitative objective needs a value to reach.",
    fix='Give it `target = { value, unit, deadline }`, or mark it `measure = "qualitative"`.',
    example='[objectives.awareness]\ntitle = "Be known"  # quantitative, no target',
)
def missing_target(context: Context) -> Iterator[Finding]:
    quantitative = {
        k: o
        for k, o in context.plan.objectives.items()
        if _quantitative(o) and not context.placeholder(o)
    }
    yield from grouped(
        (
            (
                f"objectives.{key}",
                f'quantitative objective "{key}" has no target',
                "add target = { value = …, unit = …, deadline = … }",
            )
            for key, objective in quantitative.items()
            if objective.target is None or context.unwritten(objective.target.unit)
        ),
        len(quantitative),
        "quantitative objectives",
        ("has no target", "have no target"),
    )


@rule(
    "SP204",
    "missing-deadline",
    "warning",
    summary="A target without a deadline.",
    why="SMART objectives are time-bound: without a deadline there is no pace to keep. A "
    'target over the previous period (`relative = "previous"`, "each month above the last") '
    "is bound by its period, the cadence of its metrics, and needs none.",
    fix="Add `deadline` to the target.",
    example='target = { value = 5000, unit = "likes" }',
)
def missing_deadline(context: Context) -> Iterator[Finding]:
    targets = {k: o.target for k, o in context.plan.objectives.items() if o.target is not None}
    yield from grouped(
        (
            (
                f"objectives.{key}.target",
                f'the target of "{key}" has no deadline',
                "add deadline = YYYY-MM-DD",
            )
            for key, target in targets.items()
            if target.deadline is None and target.relative != "previous"
        ),
        len(targets),
        "targets",
        ("has no deadline", "have no deadline"),
    )


@rule(
    "SP205",
    "target-unit-unmeasured",
    "error",
    summary="No metric of an objective is in the unit of its target.",
    why="A target of 5,000 likes measured by a metric of site visits cannot be checked: the "
    "target cannot be measured as written.",
    fix="Measure the objective with a metric in the target's unit, or change the target's unit.",
    example='target = { value = 5000, unit = "likes" }  # its metric counts "visits"',
)
def target_unit_unmeasured(context: Context) -> Iterator[Finding]:
    for key, objective in context.plan.objectives.items():
        target = objective.target
        if target is None or not _quantitative(objective) or percent_change(target):
            continue
        units = _measured(context, key).quantitative_units - {None}
        if units and target.unit not in units:
            listed = ", ".join(show(u) for u in sorted(u for u in units if u))
            yield Finding(
                f"objectives.{key}.target.unit",
                f'the target of "{key}" is in {show(target.unit)} but its metrics measure {listed}',
                "use the unit of a metric that measures it, or add one in this unit",
            )


def _against(direction: Direction, start: float, goal: float) -> bool:
    return goal < start if direction is Direction.INCREASE else goal > start


@rule(
    "SP206",
    "target-against-direction",
    "error",
    summary="A target lies on the wrong side of its baseline for the metric's direction.",
    why="If the metric should increase, a target below the baseline is reached by doing worse: "
    "the plan contradicts itself.",
    fix="Fix the target or the baseline, or set the metric's `direction`.",
    example='target = { value = 800, unit = "likes", baseline = 1200 }  # the metric increases',
)
def target_against_direction(context: Context) -> Iterator[Finding]:
    for key, objective in context.plan.objectives.items():
        target = objective.target
        if target is None or (target.baseline is None and target.relative is None):
            continue
        if target.value is None:  # any rise over the previous period: no way to go wrong
            continue
        measured = _measured(context, key)
        if percent_change(target):  # a change of its metrics, whatever their unit
            directions = set().union(*measured.directions.values())
        else:
            directions = measured.directions.get(target.unit, set())
        if len(directions) != 1:
            continue
        (direction,) = directions
        # A relative target's value is the change itself: it goes the wrong way from zero.
        start = 0 if target.relative is not None else target.baseline
        assert start is not None
        if not _against(direction, start, target.value):
            continue
        if target.relative is not None:
            change = number(target.value, sign=True, decimals=None)
            over = "the previous period" if target.relative == "previous" else "its baseline"
            yield Finding(
                f"objectives.{key}.target.value",
                f'the target of "{key}" is a change of {change} (in {show(target.unit)}) over '
                f"{over}, the wrong way for a metric that should {direction}",
                "change the sign of the value, or set the metric's direction",
            )
            continue
        yield Finding(
            f"objectives.{key}.target.value",
            f'the target of "{key}" ({number(target.value, decimals=None)}) is on the wrong '
            f"side of its baseline ({number(target.baseline, decimals=None)}) for a metric "
            f"that should {direction}",
            "swap the values, or set the metric's direction",
        )


@rule(
    "SP207",
    "qualitative-objective-unjudged",
    "warning",
    summary="A qualitative objective measured by no qualitative metric.",
    why="Brand image or reputation is judged through sentiment, topics and voices, "
    "not only counted: counting alone misses what the objective is about.",
    fix='Add a metric with `kind = "qualitative"` (sentiment, associated keywords…).',
    example='[objectives.image]\ntitle = "Be seen as caring"\nmeasure = "qualitative"',
)
def qualitative_objective_unjudged(context: Context) -> Iterator[Finding]:
    for key, objective in context.plan.objectives.items():
        qualitative = objective.measure is Measure.QUALITATIVE
        if qualitative and _measured(context, key).kinds == {Measure.QUANTITATIVE}:
            yield Finding(
                f"objectives.{key}",
                f'qualitative objective "{key}" is measured only by quantitative metrics',
                'add a metric with kind = "qualitative"',
            )


@rule(
    "SP208",
    "stage-level-mismatch",
    "warning",
    summary="An objective's funnel stage is not measured at the matching KPI level.",
    why="Seed 004's KPI levels follow the funnel: awareness shows in exposure (level 1), "
    "interest and desire in interaction (level 2), action and recommendation in conversion "
    "(level 3). Measuring awareness by sales misses where the funnel leaks.",
    fix="Add a metric of the matching level, or correct the objective's stage.",
    example='stage = "awareness"  # measured only by a level-3 metric',
)
def stage_level_mismatch(context: Context) -> Iterator[Finding]:
    for key, objective in context.plan.objectives.items():
        if objective.stage is None:
            continue
        levels = _measured(context, key).levels
        wanted = STAGE_LEVEL[objective.stage]
        if levels and wanted not in levels:
            yield Finding(
                f"objectives.{key}.stage",
                f'objective "{key}" is at the {objective.stage} stage but no metric of it is at '
                f"KPI level {int(wanted)}",
                f"add a level-{int(wanted)} metric ({wanted.name.lower()})",
            )


@rule(
    "SP209",
    "objective-supports-no-goal",
    "warning",
    summary="An objective that supports no business goal.",
    why="Social objectives must be aligned with the business goals (seed 004: "
    "'Alinéalas con las metas de negocio'); one that supports none is not relevant."
    " Silent while the plan has no business goal at all: SP809 says that once.",
    fix="Name the business goals it supports in `supports`.",
    example='[objectives.followers]\ntitle = "More followers"  # supports nothing',
)
def objective_supports_no_goal(context: Context) -> Iterator[Finding]:
    if not_started(context, "SP209"):
        return  # no business goal at all: SP809 says it once
    objectives = context.plan.objectives
    yield from grouped(
        (
            (
                f"objectives.{key}.supports",
                f'objective "{key}" supports no business goal',
                "name the business goals it serves",
            )
            for key, objective in objectives.items()
            if not objective.supports
        ),
        len(objectives),
        "objectives",
        ("supports no business goal", "support no business goal"),
    )


@rule(
    "SP210",
    "deadline-outside-plan",
    "error",
    summary="A deadline before the plan starts or after its long-term horizon.",
    why="A target due before the plan begins, or after it ends, cannot be worked towards.",
    fix="Move the deadline inside the plan, or the plan's start or horizons.",
    example="[plan]\nstart = 2027-01-10\n# … target = { …, deadline = 2026-12-31 }",
)
def deadline_outside_plan(context: Context) -> Iterator[Finding]:
    plan = context.plan
    end = plan.horizons.long if plan.horizons else None
    for key, objective in plan.objectives.items():
        deadline = objective.target.deadline if objective.target else None
        if deadline is None:
            continue
        if plan.start is not None and deadline < plan.start:
            yield Finding(
                f"objectives.{key}.target.deadline",
                f'the deadline of "{key}" ({deadline}) is before the plan starts ({plan.start})',
                "move the deadline after the start",
            )
        elif end is not None and deadline > end:
            yield Finding(
                f"objectives.{key}.target.deadline",
                f'the deadline of "{key}" ({deadline}) is after the long-term horizon ({end})',
                "move the deadline inside the horizon, or extend horizons.long",
            )


@rule(
    "SP211",
    "metric-target-against-direction",
    "error",
    summary="A metric's target lies on the wrong side of its baseline for its direction.",
    why="A response time that should decrease with a target above its baseline asks for worse.",
    fix="Fix the target, the baseline or the direction.",
    example='[metrics.response]\nbaseline = 4\ntarget = 8\ndirection = "decrease"',
)
def metric_target_against_direction(context: Context) -> Iterator[Finding]:
    increase = Direction.INCREASE
    for key, metric in context.plan.metrics.items():
        start, goal = metric.baseline, metric.target
        if start is None or goal is None:
            continue
        # _against, written out: it is asked of every metric of a big plan.
        if goal < start if metric.direction is increase else goal > start:
            yield Finding(
                f"metrics.{key}.target",
                f'metric "{key}" should {metric.direction} but its target '
                f"({number(metric.target, decimals=None)}) is on the other side of its baseline "
                f"({number(metric.baseline, decimals=None)})",
                "fix the target, the baseline or the direction",
            )


@rule(
    "SP212",
    "objective-without-audience",
    "info",
    summary="An objective that names no audience.",
    why="Objectives are reached through audiences; naming them ties the objective to the "
    "channels and messages that serve it."
    " Silent while the plan has no audience at all: SP809 says that once.",
    fix="Name the audiences it concerns in `audiences`.",
    example='[objectives.awareness]\ntitle = "Be known"  # among whom?',
)
def objective_without_audience(context: Context) -> Iterator[Finding]:
    if not_started(context, "SP212"):
        return  # no audience at all: SP809 says it once
    objectives = context.plan.objectives
    yield from grouped(
        (
            (
                f"objectives.{key}.audiences",
                f'objective "{key}" names no audience',
                "name the audiences it concerns",
            )
            for key, objective in objectives.items()
            if not objective.audiences
        ),
        len(objectives),
        "objectives",
        ("names no audience", "name no audience"),
    )
