"""SP2, substance (issue #18): goals no objective serves, vanity measures, targets that
cannot be judged.

What a strategist sees on reading the objectives and their measures, beyond whether the
references line up: a business goal left without an objective, success counted only in
followers and likes, a "+10 %" with nothing to measure it from, an average that hides the
weak channels.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .._core.placeholders import is_placeholder
from .._core.text import number, show
from .._core.vocab import FunnelStage, KpiLevel, Measure, MetricFamily, TargetAggregate
from .._model import Metric, Objective, Plan, Target
from ._absence import grouped
from ._context import Context
from ._objectives import STAGE_LEVEL, percent_change
from ._registry import Finding, rule

#: Units (and metric names, when no unit is given) that count exposure: how many people could
#: have seen the organisation, not what they did (seed 004's KPI level 1, seed 001's
#: community size). Compared case-folded.
EXPOSURE_UNITS = frozenset(
    {
        "alcance",
        "fan",
        "fans",
        "follower",
        "followers",
        "impression",
        "impressions",
        "impresiones",
        "like",
        "likes",
        "me gusta",
        "page likes",
        "reach",
        "seguidor",
        "seguidores",
        "subscriber",
        "subscribers",
        "suscriptores",
        "video views",
        "view",
        "views",
        "visualizaciones",
    }
)

#: Objective kinds about what people do, not whether they saw: sales, leads, sign-ups,
#: service use, loyalty, interaction.
OUTCOME_KINDS = frozenset(
    {"conversions", "customer_service", "engagement", "leads", "loyalty", "sales", "traffic"}
)


def exposure_unit(unit: str | None) -> bool:
    """Whether *unit* counts exposure (followers, likes, impressions, reach…)."""
    return unit is not None and unit.strip().casefold() in EXPOSURE_UNITS


def exposure_count(metric: Metric) -> bool:
    """Whether *metric* counts exposure: what the plan says of its level or family first
    (a level-3 count of shares is a conversion, whatever its unit), else its unit, else the
    last word of its name."""
    if metric.kind is not Measure.QUANTITATIVE:
        return False
    if metric.level is not None:
        return metric.level is KpiLevel.EXPOSURE
    if metric.family is not None:
        return metric.family is MetricFamily.COMMUNITY_SIZE
    if metric.unit is not None:
        return exposure_unit(metric.unit)
    words = metric.name.split()
    return bool(words) and exposure_unit(words[-1])


def _metrics_of(context: Context, objective: str) -> list[Metric]:
    plan = context.plan
    return [plan.metrics[m] for m in context.metrics_by_objective[objective]]


@rule(
    "SP213",
    "goal-served-by-no-objective",
    "warning",
    summary="A business goal that no objective serves.",
    why="Social objectives exist to serve the business goals (seed 004: 'Alinéalas con las "
    "metas de negocio'). When the plan ties its objectives to some goals and leaves one "
    "out, that goal gets no objective, no measure and no content from social media, and "
    "nobody notices until the year is over. In the corpus, Open Neuromorphic's pillar 2 "
    "(grow the audience, become the go-to resource) and the Northumberland CCG's access "
    "to information and services are such goals. The goals left out are one gap, reported "
    "as one group naming them (the Generalitat's guide leaves out two, which a strategist "
    "read as one cause).",
    fix='Add an objective that serves the goal (`supports = ["<goal>"]`) or name the goal '
    "in the `supports` of an objective that already does; if social media is not meant to "
    "serve it, say so in its description or drop it from the plan.",
    example='[business_goals.sales]\nstatement = "Sell more bread"\n'
    '[business_goals.brand]\nstatement = "Be the town\'s bakery"\n'
    '[objectives.awareness]\ntitle = "Be known"\nsupports = ["brand"]  # nothing serves sales',
)
def goal_served_by_no_objective(context: Context) -> Iterator[Finding]:
    plan = context.plan
    served = {g for o in plan.objectives.values() for g in o.supports if g in plan.business_goals}
    if not served:
        return  # no objective names a goal at all: SP209 says so, once per objective
    # The goals left out are one gap in the map from objectives to goals: one group.
    yield from grouped(
        (
            (
                f"business_goals.{key}",
                f'business goal "{key}" is served by no objective',
                f'add an objective with supports = ["{key}"], or name it in the supports of '
                "one that serves it",
            )
            for key, goal in plan.business_goals.items()
            if key not in served and not is_placeholder(goal.statement)
        ),
        len(plan.business_goals),
        "business goals",
        ("is served by no objective", "are served by no objective"),
    )


def _about(objective: Objective) -> str | None:
    """What outcome *objective* is about, said for a message; None for exposure. The stage
    the plan gives wins over the kind: a sales objective placed at awareness is measured as
    awareness is."""
    if objective.stage is not None:
        if objective.stage is FunnelStage.AWARENESS:
            return None
        return f"at the {objective.stage} stage"
    if objective.kind is not None and objective.kind.strip().casefold() in OUTCOME_KINDS:
        return f"a {show(objective.kind)} objective"
    return None


def _left_to_stage_rule(objective: Objective, metrics: Sequence[Metric]) -> bool:
    """Whether SP208 (stage-level-mismatch) already reports the objective."""
    levels = {m.level for m in metrics if m.level is not None}
    return (
        objective.stage is not None and bool(levels) and STAGE_LEVEL[objective.stage] not in levels
    )


@rule(
    "SP214",
    "outcome-measured-by-exposure",
    "warning",
    summary="An objective about an outcome (sales, leads, sign-ups, service use, loyalty) "
    "measured only by exposure counts (followers, likes, impressions, reach).",
    why="Followers and likes say how many people could have seen the organisation, not "
    "whether they bought, signed up, used the service or came back. An objective about what "
    "people do, measured only by how many saw, can be met while nothing it is about "
    "happens: a vanity plan. Seed 004's KPI levels measure action and recommendation by "
    "conversion (level 3), interest by interaction (level 2), and keep exposure (level 1) "
    "for awareness. In the corpus, the strategist reads the follower-growth headlines of the "
    "Northumberland CCG and Bracknell Forest Council as vanity for bodies whose aims are "
    "participation and the use of services; this rule catches the objectives that say so.",
    fix="Add a metric of what the objective is about: orders, bookings, sign-ups, visits to "
    "the site, requests answered. Keep the exposure counts as signs on the way, not as the "
    "measure of success.",
    example='[objectives.orders]\ntitle = "More online orders"\nkind = "sales"\n'
    '[metrics.followers]\nname = "Followers"\nunit = "followers"\nmeasures = ["orders"]',
)
def outcome_measured_by_exposure(context: Context) -> Iterator[Finding]:
    for key, objective in context.plan.objectives.items():
        about = _about(objective)
        if about is None:
            continue
        metrics = _metrics_of(context, key)
        if not metrics or not all(exposure_count(m) for m in metrics):
            continue
        if _left_to_stage_rule(objective, metrics):
            continue
        names = ", ".join(show(m) for m in context.metrics_by_objective[key])
        yield Finding(
            f"objectives.{key}",
            f'objective "{key}" is {about} but is measured only by exposure counts: {names}',
            "add a metric of what it is about (orders, sign-ups, visits, requests answered)",
        )


def _exposure_target(plan: Plan, context: Context, key: str, target: Target) -> bool:
    """Whether the objective *key*'s *target* is a count of exposure."""
    metrics = _metrics_of(context, key)
    if percent_change(target):  # +10 %: a change of its metrics, in their unit
        quantitative = [m for m in metrics if m.kind is Measure.QUANTITATIVE]
        return bool(quantitative) and all(exposure_count(m) for m in quantitative)
    if exposure_unit(target.unit):
        return True
    in_unit = [m for m in metrics if m.unit is not None and m.unit == target.unit]
    return bool(in_unit) and all(exposure_count(m) for m in in_unit)


@rule(
    "SP215",
    "only-exposure-targets",
    "warning",
    summary="Every target the plan sets is a count of exposure (followers, subscribers, "
    "likes): nothing says what success beyond being seen looks like.",
    why="The numbers a plan sets are what the team will chase and the board will judge. When "
    "every one of them counts followers, subscribers or likes, the plan can be met by an "
    "audience that never acts: a vanity plan. The corpus: The Carpentries' only number is "
    "100 YouTube subscribers.",
    fix="Set a target for what the organisation wants from social media (sign-ups, "
    "attendance, contributions, enquiries, visits to the site), on the objective that is "
    "about it.",
    example='[objectives.subscribers]\ntitle = "Reach 100 YouTube subscribers"\n'
    'target = { value = 100, unit = "subscribers" }',
)
def only_exposure_targets(context: Context) -> Iterator[Finding]:
    plan = context.plan
    exposure: list[str] = []
    for key, objective in plan.objectives.items():
        target = objective.target
        if target is None or objective.measure is not Measure.QUANTITATIVE:
            continue
        if context.unwritten(target.unit):
            continue  # "TODO: followers" is no target anyone set yet
        if not _exposure_target(plan, context, key, target):
            return
        exposure.append(f"objectives.{key}.target")
    for key, metric in plan.metrics.items():
        if metric.target is None or (metric.unit is not None and context.unwritten(metric.unit)):
            continue
        if not exposure_count(metric):
            return
        if _repeats_its_objective(plan, metric.target, metric.unit, metric.measures):
            continue  # the objective's target written again on its metric: one target
        exposure.append(f"metrics.{key}.target")
    if exposure:
        which = (
            "the plan's only target counts"
            if len(exposure) == 1
            else "both targets of the plan count"
            if len(exposure) == 2
            else f"all {len(exposure)} targets of the plan count"
        )
        yield Finding(
            exposure[0],
            f"{which} exposure (followers, subscribers, likes…): none says what people should "
            "do, only how many should see",
            "set a target for an outcome: sign-ups, attendance, enquiries, visits, sales",
        )


def _repeats_its_objective(
    plan: Plan, value: float, unit: str | None, measures: tuple[str, ...]
) -> bool:
    """Whether a metric's target *value* is the target of an objective it measures, in the
    same unit (or in none): the same target, written on both."""
    for key in measures:
        objective = plan.objectives.get(key)
        target = objective.target if objective is not None else None
        if target is not None and target.value == value and unit in (None, target.unit):
            return True
    return False


@rule(
    "SP216",
    "relative-target-without-baseline",
    "warning",
    summary='A relative target ("+10 %") with no baseline to measure it from.',
    why="Ten per cent more than what? Without today's figure, a relative target cannot be "
    "judged ambitious or timid before the work starts, and the first figure anyone happens "
    "to take becomes the start line. The corpus: Bracknell Forest Council's +10 % follower "
    "target gives no baseline.",
    fix="Write the figure the change is measured from: `baseline` on the target, or on the "
    "metric that measures it, with the date it was taken in `cite` or the plan's `start`. "
    'A target over the previous period (`relative = "previous"`) is not reported here: its '
    "base is the period before, which each measurement has (+5 % a month is judged month by "
    "month whatever the start); with no amount, SP220 says what it lacks, a baseline too.",
    example='target = { value = 10, unit = "%", relative = "baseline" }  # 10 % more than what?',
)
def relative_target_without_baseline(context: Context) -> Iterator[Finding]:
    for key, objective in context.plan.objectives.items():
        target = objective.target
        if target is None or target.relative is None or target.baseline is not None:
            continue
        if target.relative == "previous":  # its base is the period before (SP220 without amount)
            continue
        metrics = _metrics_of(context, key)
        if not percent_change(target):
            metrics = [m for m in metrics if m.unit == target.unit]
        if any(m.baseline is not None for m in metrics):
            continue
        change = number(target.value, sign=True, decimals=None)
        change += " %" if percent_change(target) else f" {show(target.unit)}"
        yield Finding(
            f"objectives.{key}.target",
            f'the target of "{key}" is {change} over a baseline the plan does not give',
            "write today's figure as baseline = …, on the target or on its metric",
        )


@rule(
    "SP220",
    "target-any-rise-meets",
    "warning",
    summary="A target over the previous period with no amount: any rise meets it.",
    why="A target is what tells success from drift: seeds 001 and 003 set objectives that "
    "are measurable (SMART), each with an amount to reach and today's figure to read it "
    'against. "Each month above the last" with no amount is met by one more follower: a '
    "month of drift meets it as fully as a month of growth, and with no baseline the people "
    "who judge the plan have nothing to read it against. The corpus: NHS Northumberland "
    "CCG's followers and likes rise every month, with no amount and no baseline.",
    fix='Say by how much: "+5 % a month from a baseline of 1,200" is `value = 5`, '
    '`unit = "%"`, `relative = "previous"` and `baseline = 1200` on the target.',
    example='target = { unit = "followers", relative = "previous" }  # one more follower meets it',
)
def target_any_rise_meets(context: Context) -> Iterator[Finding]:
    for key, objective in context.plan.objectives.items():
        target = objective.target
        if target is None or target.relative != "previous" or target.value not in (None, 0):
            continue
        if objective.measure is not Measure.QUANTITATIVE or context.unwritten(target.unit):
            continue
        said = f'the target of "{key}" is any rise over the previous period: one more than the '
        said += "period before meets it"
        hint = 'say by how much, such as 5 % more each period (value = 5, unit = "%")'
        if target.baseline is None:
            said += ", and there is no baseline to read it against"
            hint += ", and write today's figure to start from (baseline = …)"
        yield Finding(f"objectives.{key}.target", said, hint)


@rule(
    "SP217",
    "averaged-target",
    "info",
    summary="A target averaged across channels, where one strong channel can hide weak ones.",
    why="Seed 001 sets indicators per audience and channel ('establece indicadores por "
    "audiencia y canal'). An average across channels is met when one channel does very well "
    "and the others fail, and then nobody looks at the ones that fail. The corpus: Bracknell "
    "Forest Council's 3 % engagement is averaged across its channels.",
    fix='Set `aggregate = "each"` for a floor on every channel, or give the channels that '
    "matter their own metrics and targets.",
    example='target = { value = 3, unit = "%", aggregate = "average" }',
)
def averaged_target(context: Context) -> Iterator[Finding]:
    for key, objective in context.plan.objectives.items():
        target = objective.target
        if target is not None and target.aggregate is TargetAggregate.AVERAGE:
            yield Finding(
                f"objectives.{key}.target.aggregate",
                f'the target of "{key}" is an average across channels: a strong channel can '
                "hide the weak ones",
                'set aggregate = "each" for a floor on every channel',
            )
