"""SP7: every metric can be taken: a source, a cadence, a unit, a level, a place."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from .._core.vocab import Measure
from ._absence import grouped
from ._context import Context
from ._registry import Finding, rule


@rule(
    "SP701",
    "metric-without-source",
    "info",
    summary="A metric with no source (the tool or report it is read from).",
    why="Step 12 monitors and measures: a metric nobody knows where to read is never read. "
    "Naming the tool is advice (info): for most metrics the platform's own analytics are the "
    "obvious source, and what a strategist asks of a metric that is only named is how and "
    "how often it is taken, which SP702 (cadence) and SP703 (unit) report as warnings. "
    "Evidence: the corpus of real strategies (tests/realworld/), where a strategist "
    "labelled the missing source trivia on five of the seven plans it fired on ('the "
    "platforms' analytics are the obvious source').",
    fix='Set `source` ("Facebook Insights", "Google Analytics"…).',
    example='[metrics.page_likes]\nname = "Page likes"',
)
def metric_without_source(context: Context) -> Iterator[Finding]:
    metrics = context.written_metrics
    sources = context.unwritten_each([metric.source for metric in metrics.values()])
    yield from grouped(
        (
            (
                f"metrics.{key}.source",
                f'metric "{key}" has no source',
                "name the tool or report it is read from",
            )
            for key, unwritten in zip(metrics, sources, strict=True)
            if unwritten
        ),
        len(metrics),
        "metrics",
        ("has no source", "have no source"),
    )


@rule(
    "SP702",
    "metric-without-cadence",
    "warning",
    summary="A metric with no cadence (how often it is taken).",
    why="Without a cadence, a metric is taken when someone remembers, and trends cannot be read.",
    fix='Set `cadence` ("weekly", "monthly"…).',
    example='[metrics.page_likes]\nname = "Page likes"',
)
def metric_without_cadence(context: Context) -> Iterator[Finding]:
    metrics = context.written_metrics
    yield from grouped(
        (
            (
                f"metrics.{key}.cadence",
                f'metric "{key}" has no cadence',
                'say how often it is taken, e.g. "weekly"',
            )
            for key, metric in metrics.items()
            if metric.cadence is None
        ),
        len(metrics),
        "metrics",
        ("has no cadence", "have no cadence"),
    )


@rule(
    "SP703",
    "metric-without-unit",
    "warning",
    summary="A quantitative metric with no unit.",
    why="A number without a unit cannot be compared with a target.",
    fix='Set `unit` ("likes", "visits", "%"…), or mark the metric `kind = "qualitative"`.',
    example='[metrics.page_likes]\nname = "Page likes"',
)
def metric_without_unit(context: Context) -> Iterator[Finding]:
    counted = {k: m for k, m in context.written_metrics.items() if m.kind is Measure.QUANTITATIVE}
    units = context.unwritten_each([metric.unit for metric in counted.values()])
    yield from grouped(
        (
            (f"metrics.{key}.unit", f'metric "{key}" has no unit', "set its unit")
            for key, unwritten in zip(counted, units, strict=True)
            if unwritten
        ),
        len(counted),
        "quantitative metrics",
        ("has no unit", "have no unit"),
    )


@rule(
    "SP704",
    "metric-without-level",
    "info",
    summary="A metric with no KPI level.",
    why="KPI levels (1 exposure, 2 interaction, 3 conversion) show which part of the funnel a "
    "metric watches, and let the plan check that each stage is measured.",
    fix="Set `level` to 1, 2 or 3. "
    "On the corpus of real strategies none of its findings was a weakness a strategist "
    "would act on (a survey or a process measure sits on no such ladder; elsewhere the level "
    "is trivia): it is opt-in, selected by its code "
    '(`select = ["SP", "SP704"]`).',
    example='[metrics.page_likes]\nname = "Page likes"',
    opt_in=True,
)
def metric_without_level(context: Context) -> Iterator[Finding]:
    metrics = context.plan.metrics
    yield from grouped(
        (
            (f"metrics.{key}.level", f'metric "{key}" has no KPI level', "set 1, 2 or 3")
            for key, metric in metrics.items()
            if metric.level is None
        ),
        len(metrics),
        "metrics",
        ("has no KPI level", "have no KPI level"),
    )


@rule(
    "SP705",
    "metric-on-no-channel",
    "info",
    summary="A metric that names no channel it is taken on.",
    why="Seed 001 sets indicators per audience and channel; a metric taken nowhere in "
    "particular cannot show which channel works.",
    fix="Name the channels in `channels`. "
    "On the corpus of real strategies most metrics with no channel are taken on none by "
    "their nature (a survey, event attendance, a sign-up form, media monitoring): it is "
    'opt-in, selected by its code (`select = ["SP", "SP705"]`).',
    example='[metrics.mentions]\nname = "Mentions"',
    opt_in=True,
)
def metric_on_no_channel(context: Context) -> Iterator[Finding]:
    metrics = context.plan.metrics
    yield from grouped(
        (
            (
                f"metrics.{key}.channels",
                f'metric "{key}" names no channel',
                "name the channels it is taken on",
            )
            for key, metric in metrics.items()
            if not metric.channels
        ),
        len(metrics),
        "metrics",
        ("names no channel", "name no channel"),
    )


@rule(
    "SP706",
    "metric-off-audience",
    "warning",
    summary="A metric taken on a channel that reaches none of the audiences of the objective "
    "it measures.",
    why="Step 7 measures each objective where its audience is: a count taken on a channel "
    "that reaches none of them moves for reasons that have nothing to do with the objective.",
    fix="Take the metric on a channel that reaches the objective's audiences, or add the "
    "audience to the channel's `audiences` if it is there.",
    example='[objectives.aware]\ntitle = "Be known"\naudiences = ["parents"]\n'
    '[channels.yt]\nplatform = "youtube"\naudiences = ["teens"]\n'
    '[metrics.views]\nname = "Views"\nmeasures = ["aware"]\nchannels = ["yt"]',
)
def metric_off_audience(context: Context) -> Iterator[Finding]:
    plan = context.plan
    concerns = {k: o.audiences for k, o in plan.objectives.items() if o.audiences}
    reaching = frozenset(k for k, c in plan.channels.items() if c.audiences)
    off = _channels_off(concerns, reaching, context.channels_by_audience)
    for key, metric in plan.metrics.items():
        channels = metric.channels
        if not channels:
            continue
        # Most metrics are taken where their objectives' audiences are: one set test each.
        for objective in metric.measures:
            if not off(objective).isdisjoint(channels):
                break
        else:
            continue
        # A channel off an objective reaches audiences, none of the objective's: a missing
        # channel is SP101's, one that reaches nobody SP3's, and neither is off any.
        for index, channel_key in enumerate(channels):
            for objective in metric.measures:
                if channel_key in off(objective):
                    yield Finding(
                        f"metrics.{key}.channels[{index}]",
                        f'metric "{key}" is taken on "{channel_key}", which reaches none of '
                        f'the audiences of objective "{objective}"',
                        "take it where the objective's audiences are",
                    )


def _channels_off(
    concerns: Mapping[str, tuple[str, ...]],
    reaching: frozenset[str],
    by_audience: Mapping[str, tuple[str, ...]],
) -> Callable[[str], frozenset[str]]:
    """For an objective's id, the channels of *reaching* (those that reach audiences) that
    reach none of the objective's; none for an objective with no audience or that the plan
    does not have. Each found once, from the channels by audience, on first asking."""
    found: dict[str, frozenset[str]] = {}
    nothing: frozenset[str] = frozenset()

    def off(objective: str) -> frozenset[str]:
        channels = found.get(objective)
        if channels is None:
            audiences = concerns.get(objective)
            if audiences is None:
                channels = nothing
            else:
                channels = reaching.difference(*(by_audience[a] for a in audiences))
            found[objective] = channels
        return channels

    return off
