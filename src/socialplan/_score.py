"""The scorecard: a plan's objectives against what was measured (steps 12 and 14).

:func:`score` takes a plan and its observations (a metric's value at a date,
on a channel or in total) and says, for each metric and objective, where it
stands: the latest value, the progress from baseline to target, the pace
needed by the deadline against the pace so far, a verdict, and whether the
metric has gone *stale* (no observation within its cadence). Where the plan
gives costs and the worth of a result, it adds the return by channel.

Every rule below is applied to data only, so a scorecard is deterministic:
the same plan and observations, in any order, give the same scorecard.

**The date of the scorecard** (*as_of*) is the latest observation's date
unless given (never today); with no observation it is ``plan.start``, else
1970-01-01. Observations after it are ignored.

**The total series** of a metric has one point per date with an observation:
an observation without a channel *is* the total; otherwise the total is the
sum over channels of each channel's latest value at or before that date (the
mean instead of the sum when the unit is ``"%"`` or ends with ``"%"``).

**What a metric is judged against.** A metric that measures an objective
with a target in the same unit (compared case-insensitively; a metric with no
unit takes the objective's) is judged against the objective's target: its
value, baseline (else the metric's baseline) and deadline (else the end of
the objective's horizon, else ``horizons.long``). The first such objective in
``metric.measures`` wins. Otherwise the metric is judged against its own
``target`` and ``baseline``, by ``horizons.long``; with no target its verdict
is *no data*.

**Relative and aggregate targets.** A target with ``relative = "baseline"`` aims at
a change over the baseline (found as below): baseline × (1 + value / 100) when its
unit is ``"%"`` (then it is a change of the metric in the metric's own unit,
whatever that is), baseline + value otherwise. A target with an ``aggregate`` is
read over the channels in its ``across`` (every channel observed when it names
none), and an observation without channel does not count: ``average`` judges the
mean of those channels' latest values, ``total`` their sum, and ``each`` scores
every channel alone and takes the worst verdict, its reason naming the channel.

**Targets over the previous period.** A target with ``relative = "previous"`` judges
each metric's latest point of the total series against the point before it (one period
of the metric's cadence earlier, when it is observed at its cadence): the level it aims at
is that point × (1 + value / 100) for ``"%"``, that point + value otherwise, and with no
value, anything above that point (any rise meets it; a value of 0, no fall). The verdict
is *achieved* when the latest point reaches it, *off track* when not, and *no data* with
fewer than two points; the score's baseline is the point before. With no value, every
metric that measures the objective is judged, whatever its unit: there is no amount to be
in one.

**Baseline.** The plan's baseline, dated ``plan.start`` (else the first
observation's date); without one, the first point of the total series.

**The numbers** (weeks are days / 7):

- *progress* = (latest − baseline) / (target − baseline): 0 at the baseline,
  1 at the target, whichever the direction. When the target is not beyond the
  baseline in the metric's direction (equal, or on the wrong side), progress
  is 1.0 if the target is reached, else 0.0.
- *pace_so_far* = (latest − baseline) / weeks(baseline date → latest date);
  ``None`` unless the latest observation is after the baseline date.
- *pace_needed* = (target − latest) / weeks(as_of → deadline); 0.0 once the
  target is reached; ``None`` when there is no deadline or it is not after
  *as_of*. Paces are signed: a metric that should decrease has negative ones.
- *projected* = latest + pace_so_far × weeks(latest date → deadline), the
  value at the deadline at the pace so far.

**The verdict**, first rule that applies:

1. *no data*: no target, or no observation.
2. *achieved*: the latest value reaches the target (≥ for a metric that
   should increase, ≤ for one that should decrease).
3. *off track*: the deadline has passed (it is before *as_of*).
4. With a projection: f = the progress the projected value would be;
   *on track* if f ≥ 1, *at risk* if f ≥ *at_risk* (0.8), else *off track*.
5. Without one (one observation, or none after the baseline date), by the
   time elapsed: expected = weeks(baseline date → as_of) / weeks(baseline
   date → deadline), between 0 and 1; *on track* if progress ≥ expected,
   *at risk* if progress ≥ *at_risk* × expected, else *off track*.
6. Without a deadline: *on track* if progress > 0, else *at risk*.

A better observed value never gives a worse verdict. An objective's verdict
is the worst among the metrics that measure it and carry a target, leaving
out those with no observation (*no data* only when all of them have none).

**Stale**: the metric has a cadence and no observation within one cadence
before *as_of* (or none at all).

**Return on investment.** A channel's *cost* is the sum of the costs of the
resources tied to it; resources with no channel are *shared* and count in the
total only. Its *results* are the gains of the conversions taken on it: the
metrics with a ``unit_value`` when the plan values any (it says then what a
conversion is), else the level-3 metrics. A gain is the channel's latest value
minus its first one, in the metric's direction (a decrease counts as a gain
for a metric that should decrease); a metric taken on exactly one channel and
observed only without channel has its total's gain there. Gains that no
channel can claim go to the shared row. *value* = Σ gain × unit_value (``None``
if no metric there has a unit value), *cost_per_result* = cost / results
(``None`` unless results > 0), *roi* = (value − cost) / cost (``None`` if cost
is 0 or value ``None``).
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._core.gc import collector_paused
from ._core.text import number, percent, quote
from ._core.vocab import Direction, KpiLevel, TargetAggregate, TargetRelative
from ._triggers import TriggerResult, judge_triggers

if TYPE_CHECKING:
    from ._model import Metric, Plan, Target
    from .observations import Observation

__all__ = [
    "RANK",
    "ChannelReturn",
    "MetricScore",
    "ObjectiveScore",
    "Quality",
    "Reason",
    "Scorecard",
    "Verdict",
    "score",
]

Number = int | float

_EPOCH = dt.date(1970, 1, 1)
_DAY = 24 * 60 * 60


class Verdict(enum.StrEnum):
    """Where a metric or an objective stands; :data:`RANK` orders them worst to best.

    >>> Verdict.AT_RISK.rank < Verdict.ON_TRACK.rank
    True
    """

    NO_DATA = "no data"
    OFF_TRACK = "off track"
    AT_RISK = "at risk"
    ON_TRACK = "on track"
    ACHIEVED = "achieved"

    @property
    def rank(self) -> int:
        """The verdict's place from worst (0, *no data*) to best (4, *achieved*)."""
        return RANK[self]


#: The verdicts' order, worst (0) to best.
RANK: Mapping[Verdict, int] = {verdict: rank for rank, verdict in enumerate(Verdict)}


def _finite(value: Number | None) -> Number | None:
    """*value*, or ``None`` for an infinity that a huge ratio overflowed to (JSON has none)."""
    return value if value is None or math.isfinite(value) else None


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


#: Why a metric has its verdict, in English, by :attr:`Reason.code`; the report words them
#: in its own language (``render/_i18n.py``) from the same codes and values.
REASONS: Mapping[str, str] = {
    "no_target": "no target to judge against",
    "no_observation": "no observation yet",
    "reached": "target reached",
    "no_deadline_moving": "no deadline; moving toward the target",
    "no_deadline_still": "no deadline, and no progress yet",
    "deadline_passed": "deadline {deadline} passed before the target was reached",
    "pace_reaches": "at the pace so far, the target is reached by {deadline}",
    "pace_short": "at the pace so far, {value} by {deadline}: {share} of the way to {target}",
    "time_gone": "{progress} of the way with {expected} of the time gone",
    "on_channel": "on {channel}: {reason}",
    "reading_met": "every expectation met",
    "reading_short": "{met} of {checks} expectations met",
    "reading_time": "{met} of {checks} expectations met with {expected} of the time gone",
    "no_previous": "one observation so far: no previous period to compare it with",
    "previous_met": "{value}, the rise over the previous period ({previous} on {date}) it asks",
    "previous_short": "{value}: not the rise over the previous period ({previous} on {date}) "
    "it asks",
}

_SHARES = frozenset({"share", "progress", "expected"})


@attrs.frozen(kw_only=True)
class Reason:
    """Why a metric has its verdict, in no language: a code of :data:`REASONS` and its values.

    *values* are numbers (shares as fractions) and dates; *channel* names the channel
    a target to reach on each channel was judged by.
    """

    code: str
    values: Mapping[str, Number | dt.date] = attrs.field(factory=dict)
    channel: str | None = None

    def words(self, templates: Mapping[str, str] = REASONS) -> str:
        """The reason in the words of *templates* (by code): English by default.

        >>> Reason(code="time_gone", values={"progress": 0.5, "expected": 0.25}).words()
        '50% of the way with 25% of the time gone'
        """
        shown = {
            key: percent(value)
            if key in _SHARES and isinstance(value, int | float)
            else number(value)
            if isinstance(value, int | float)
            else value.isoformat()
            for key, value in self.values.items()
        }
        said = templates[self.code].format(**shown)
        if self.channel is None:
            return said
        return templates["on_channel"].format(channel=quote(self.channel), reason=said)


@attrs.frozen(kw_only=True)
class Quality:
    """A qualitative metric's latest reading against what it expects (``metrics.<id>.expects``).

    *positive* and *negative* are the shares of the reading's mentions (fractions; ``None``
    without counts), *wanted_positive* and *wanted_negative* what the plan expects of them
    (fractions too); the keywords and voices wanted are split into those seen and those
    missing. *met* of *checks* expectations are met: each share given, the keywords, the
    voices.
    """

    date: dt.date
    mentions: int
    positive: float | None
    negative: float | None
    wanted_positive: float | None
    wanted_negative: float | None
    keywords_seen: tuple[str, ...] = ()
    keywords_missing: tuple[str, ...] = ()
    voices_seen: tuple[str, ...] = ()
    voices_missing: tuple[str, ...] = ()
    met: int = 0
    checks: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The reading's judgement as JSON-ready data."""
        return {
            "date": self.date.isoformat(),
            "mentions": self.mentions,
            "positive": self.positive,
            "negative": self.negative,
            "wanted_positive": self.wanted_positive,
            "wanted_negative": self.wanted_negative,
            "keywords_seen": list(self.keywords_seen),
            "keywords_missing": list(self.keywords_missing),
            "voices_seen": list(self.voices_seen),
            "voices_missing": list(self.voices_missing),
            "met": self.met,
            "checks": self.checks,
        }


@attrs.frozen(kw_only=True)
class MetricScore:
    """One metric against its target, by the rules of :func:`score`.

    *objective* is the objective whose target it is judged against (``None``:
    the metric's own target); *series* the total series up to the scorecard's
    date; *by_channel* the latest value on each channel observed.
    """

    metric: str
    name: str
    unit: str | None
    level: KpiLevel | None
    channels: tuple[str, ...]
    direction: Direction
    objective: str | None
    latest: Number | None
    latest_date: dt.date | None
    baseline: Number | None
    baseline_date: dt.date | None
    target: Number | None
    deadline: dt.date | None
    progress: float | None
    pace_needed: float | None
    pace_so_far: float | None
    projected: float | None
    verdict: Verdict
    reason: str
    stale: bool
    series: tuple[tuple[dt.date, Number], ...] = ()
    by_channel: Mapping[str, Number] = attrs.field(factory=dict)
    #: *reason* as a code and values, for an output to word in its own language.
    why: Reason | None = None
    #: A qualitative metric's latest reading against what it expects, when it has both.
    quality: Quality | None = None

    def to_dict(self) -> dict[str, Any]:
        """The score as JSON-ready data: dates as ISO strings, enums as their values."""
        quality = {} if self.quality is None else {"quality": self.quality.to_dict()}
        return {
            "metric": self.metric,
            "name": self.name,
            "unit": self.unit,
            "level": None if self.level is None else int(self.level),
            "channels": list(self.channels),
            "direction": str(self.direction),
            "objective": self.objective,
            "latest": self.latest,
            "latest_date": _iso(self.latest_date),
            "baseline": self.baseline,
            "baseline_date": _iso(self.baseline_date),
            "target": self.target,
            "deadline": _iso(self.deadline),
            "progress": _finite(self.progress),
            "pace_needed": _finite(self.pace_needed),
            "pace_so_far": _finite(self.pace_so_far),
            "projected": _finite(self.projected),
            "verdict": str(self.verdict),
            "reason": self.reason,
            "stale": self.stale,
            "series": [[day.isoformat(), value] for day, value in self.series],
            "by_channel": dict(self.by_channel),
            **quality,  # a qualitative metric's only: other cards stay as they were
        }


@attrs.frozen(kw_only=True)
class ObjectiveScore:
    """An objective and the scores of the metrics that measure it, in plan order.

    *verdict* is the worst among those metrics that carry a target, leaving
    out the ones with no observation (*no data* only if all are).
    """

    objective: str
    title: str
    target: Target | None
    verdict: Verdict
    metrics: tuple[MetricScore, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The objective's score as JSON-ready data."""
        target = self.target
        return {
            "objective": self.objective,
            "title": self.title,
            "target": None
            if target is None
            else {
                "value": target.value,
                "unit": target.unit,
                "baseline": target.baseline,
                "deadline": _iso(target.deadline),
                **_target_extras(target),
            },
            "verdict": str(self.verdict),
            "metrics": [metric.to_dict() for metric in self.metrics],
        }


def _target_extras(target: Target) -> dict[str, Any]:
    """A target's relative and aggregate keys, those it has only (older cards stay as they were)."""
    extras: dict[str, Any] = {}
    if target.relative is not None:
        extras["relative"] = str(target.relative)
    if target.aggregate is not None:
        extras["aggregate"] = str(target.aggregate)
    if target.across:
        extras["across"] = list(target.across)
    return extras


@attrs.frozen(kw_only=True)
class ChannelReturn:
    """What a channel cost and brought back; *channel* ``None`` is the shared row or the total."""

    channel: str | None
    cost: float
    results: float
    value: float | None
    cost_per_result: float | None
    roi: float | None

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data."""
        return {
            "channel": self.channel,
            "cost": _finite(self.cost),
            "results": _finite(self.results),
            "value": _finite(self.value),
            "cost_per_result": _finite(self.cost_per_result),
            "roi": _finite(self.roi),
        }


@attrs.frozen(kw_only=True)
class Scorecard:
    """A plan scored at a date: objectives and metrics in plan order, and the returns.

    *returns* has a row per channel with a cost or a result (plan order), then
    the shared row (``channel=None``) when some cost or result is tied to no
    channel; *total* sums them all, and is ``None`` when there is no row.
    """

    plan: str
    as_of: dt.date
    currency: str | None
    objectives: tuple[ObjectiveScore, ...] = ()
    metrics: tuple[MetricScore, ...] = ()
    returns: tuple[ChannelReturn, ...] = ()
    total: ChannelReturn | None = None
    triggers: tuple[TriggerResult, ...] = ()

    @property
    def fired(self) -> list[str]:
        """The scenarios called for: those with a trigger that fired, in plan order, once each."""
        return list(dict.fromkeys(t.scenario for t in self.triggers if t.state == "fired"))

    def by_level(self) -> dict[str, list[MetricScore]]:
        """The metrics by KPI level: keys ``"1"``, ``"2"``, ``"3"``, ``"none"`` when not empty."""
        groups: dict[str, list[MetricScore]] = {key: [] for key in ("1", "2", "3", "none")}
        for metric in self.metrics:
            groups["none" if metric.level is None else str(int(metric.level))].append(metric)
        return {key: metrics for key, metrics in groups.items() if metrics}

    def by_channel(self) -> dict[str, list[MetricScore]]:
        """The metrics taken or observed on each channel, in the order the metrics name them."""
        groups: dict[str, list[MetricScore]] = {}
        for metric in self.metrics:
            for channel in dict.fromkeys([*metric.channels, *metric.by_channel]):
                groups.setdefault(channel, []).append(metric)
        return groups

    @property
    def stale(self) -> list[MetricScore]:
        """The metrics with no observation within their cadence."""
        return [metric for metric in self.metrics if metric.stale]

    def to_records(self, table: str = "metrics") -> list[dict[str, Any]]:
        """One plain dict per row of *table*, for ``pandas.DataFrame(card.to_records())``.

        *table* is ``"metrics"`` (a row per metric: the keys of
        :meth:`MetricScore.to_dict` but the series and the values by channel, dates as
        ``datetime.date``), ``"objectives"`` (the target flattened with dots, then the ids
        of the metrics that measure it), ``"series"`` (``metric``, ``date``, ``value``:
        a row per point of each metric's total series) or ``"returns"`` (the rows of
        :attr:`returns`; the shared row's ``channel`` is ``None``).
        """
        from ._display import scorecard_records

        return scorecard_records(self, table)

    def _repr_markdown_(self) -> str:
        from ._display import scorecard_markdown

        return scorecard_markdown(self)

    def _repr_html_(self) -> str:
        from ._display import scorecard_html

        return scorecard_html(self)

    def to_dict(self) -> dict[str, Any]:
        """The scorecard as JSON-ready data, in a deterministic order."""
        return {
            "plan": self.plan,
            "as_of": self.as_of.isoformat(),
            "currency": self.currency,
            "objectives": [objective.to_dict() for objective in self.objectives],
            "metrics": [metric.to_dict() for metric in self.metrics],
            "stale": [metric.metric for metric in self.stale],
            "returns": [row.to_dict() for row in self.returns],
            "total": None if self.total is None else self.total.to_dict(),
            **self._triggers_dict(),
        }

    def _triggers_dict(self) -> dict[str, Any]:
        """The scenarios' triggers, for a plan that has any (other cards stay as they were)."""
        if not self.triggers:
            return {}
        return {"triggers": [t.to_dict() for t in self.triggers], "fired": self.fired}


# ---------------------------------------------------------------------------
# Observations, arranged by metric, channel and date.
# ---------------------------------------------------------------------------

#: metric → channel (None: the total) → date → value
_Points = dict[str, dict[str | None, dict[dt.date, Number]]]


def _arrange(plan: Plan, observations: Iterable[Observation]) -> _Points:
    points: _Points = {}
    for observation in observations:
        metric, day, value = observation.metric, observation.date, observation.value
        if metric not in plan.metrics:
            raise ValueError(f"observation of {metric!r}, which is not a metric of the plan")
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValueError(f"observation of {metric!r} on {day}: {value!r} is not a number")
        dates = points.setdefault(metric, {}).setdefault(observation.channel, {})
        if day in dates:
            where = f" on {observation.channel!r}" if observation.channel else ""
            raise ValueError(f"two observations of {metric!r}{where} on {day}")
        dates[day] = value
    return points


def _until(points: _Points, as_of: dt.date) -> _Points:
    return {
        metric: {
            channel: {day: value for day, value in dates.items() if day <= as_of}
            for channel, dates in channels.items()
        }
        for metric, channels in points.items()
    }


def _is_percent(unit: str | None) -> bool:
    return unit is not None and unit.strip().endswith("%")


def _total(
    channels: Mapping[str | None, Mapping[dt.date, Number]], mean: bool
) -> tuple[tuple[dt.date, Number], ...]:
    """One point per date observed: the channel-less value, else the channels' sum (or mean).

    Each observation is read once, on its date. Whole numbers are summed as they come (the
    sum is exact); with a float among them, the sum is taken again in the channels' order at
    each date, so that it rounds as the definition's sum does.
    """
    named = sorted(channel for channel in channels if channel is not None)
    totals = channels.get(None, {})
    on_day: dict[dt.date, list[tuple[str, Number]]] = {day: [] for day in totals}
    for channel in named:
        for day, value in channels[channel].items():
            on_day.setdefault(day, []).append((channel, value))
    whole = all(type(value) is int for channel in named for value in channels[channel].values())
    latest: dict[str, Number] = {}
    running: Number = 0
    series: list[tuple[dt.date, Number]] = []
    for day in sorted(on_day):
        for channel, value in on_day[day]:
            if whole:
                running += value - latest.get(channel, 0)
            latest[channel] = value
        if day in totals:
            series.append((day, totals[day]))
            continue
        total = running if whole else sum(latest[c] for c in named if c in latest)
        series.append((day, total / len(latest) if mean else total))
    return tuple(series)


# ---------------------------------------------------------------------------
# Scoring one metric.
# ---------------------------------------------------------------------------


@attrs.frozen
class _Goal:
    objective: str | None
    target: Number | None
    baseline: Number | None
    deadline: dt.date | None
    unit: str | None
    #: The target is a change over the baseline: in per cent of it (``"%"``) or in units.
    relative: bool = False
    #: The target is a change over the previous period (its target, when None: any rise).
    previous: bool = False
    percent_change: bool = False
    aggregate: TargetAggregate | None = None
    across: tuple[str, ...] = ()


def _relative_goal(goal: _Goal, baseline: Number) -> Number:
    """The level a relative target aims at: baseline × (1 + value/100) for "%", else + value."""
    assert goal.target is not None
    if goal.percent_change:
        return baseline + baseline * goal.target / 100  # exact where 1 + value/100 is not
    return baseline + goal.target


def _aggregated(
    goal: _Goal, channels: Mapping[str | None, Mapping[dt.date, Number]]
) -> dict[str | None, Mapping[dt.date, Number]]:
    """The observations an aggregate target is read over: its channels' (no total's)."""
    return {
        channel: dates
        for channel, dates in channels.items()
        if channel is not None and (not goal.across or channel in goal.across)
    }


def _objective_goal(plan: Plan, metric: Metric, key: str) -> _Goal | None:
    objective = plan.objectives.get(key)
    if objective is None or objective.target is None:
        return None
    target = objective.target
    # A relative target in per cent is a change of the metric in its own unit, whatever it is.
    percent_change = target.relative is not None and _is_percent(target.unit)
    previous = target.relative is TargetRelative.PREVIOUS
    if (
        not percent_change
        and not (previous and target.value is None)  # any rise: no amount, no unit to match
        and metric.unit is not None
        and metric.unit.casefold() != target.unit.casefold()
    ):
        return None
    horizons = plan.horizons
    deadline = target.deadline
    if deadline is None and horizons is not None:
        if objective.horizon is not None:
            deadline = getattr(horizons, str(objective.horizon))
        deadline = deadline or horizons.long
    baseline = target.baseline if target.baseline is not None else metric.baseline
    unit = metric.unit if percent_change else metric.unit or target.unit
    return _Goal(
        key,
        target.value,
        baseline,
        deadline,
        unit,
        relative=target.relative is TargetRelative.BASELINE,
        previous=previous,
        percent_change=percent_change,
        aggregate=target.aggregate,
        across=target.across,
    )


def _own_goal(plan: Plan, metric: Metric) -> _Goal:
    deadline = plan.horizons.long if plan.horizons is not None else None
    return _Goal(None, metric.target, metric.baseline, deadline, metric.unit)


def _goal(plan: Plan, metric: Metric) -> _Goal:
    for key in metric.measures:
        goal = _objective_goal(plan, metric, key)
        if goal is not None:
            return goal
    return _own_goal(plan, metric)


def _weeks(start: dt.date, end: dt.date) -> float:
    return (end - start).days / 7


def _score_metric(
    plan: Plan,
    key: str,
    goal: _Goal,
    channels: Mapping[str | None, Mapping[dt.date, Number]],
    as_of: dt.date,
    at_risk: float,
) -> MetricScore:
    metric = plan.metrics[key]
    if goal.aggregate is TargetAggregate.EACH:
        return _score_each(plan, key, goal, channels, as_of, at_risk)
    if goal.aggregate is not None:
        series = _total(_aggregated(goal, channels), goal.aggregate is TargetAggregate.AVERAGE)
    else:
        series = _total(channels, _is_percent(goal.unit))
    place: dict[str, int] = {}
    for index, channel_key in enumerate(metric.channels):
        place.setdefault(channel_key, index)
    by_channel = {
        channel: dates[max(dates)]
        for channel, dates in sorted(
            ((c, d) for c, d in channels.items() if c is not None and d),
            key=lambda item: (place.get(item[0], len(metric.channels)), item[0]),
        )
    }
    latest_date, latest = series[-1] if series else (None, None)
    stale = metric.cadence is not None and (
        latest_date is None or (as_of - latest_date).days * _DAY > metric.cadence.seconds
    )
    if goal.previous:
        return _score_previous(plan, key, goal, series, by_channel, stale)
    baseline: Number | None
    baseline_date: dt.date | None
    if goal.baseline is not None:
        baseline = goal.baseline
        baseline_date = plan.start or (series[0][0] if series else None)
    elif series:
        baseline_date, baseline = series[0]
    else:
        baseline, baseline_date = None, None

    target, deadline = goal.target, goal.deadline
    if goal.relative and target is not None and baseline is not None:
        target = _relative_goal(goal, baseline)
    sign = 1 if metric.direction is Direction.INCREASE else -1
    progress = pace_needed = pace_so_far = projected = None
    if target is None:
        verdict, why = Verdict.NO_DATA, Reason(code="no_target")
    elif latest is None or latest_date is None or baseline is None or baseline_date is None:
        verdict, why = Verdict.NO_DATA, Reason(code="no_observation")
    else:
        goal_value: Number = target
        base: Number = baseline

        def reaches(value: float) -> bool:
            return sign * (value - goal_value) >= 0

        def fraction(value: float) -> float:
            span = goal_value - base
            if sign * span > 0:
                return (value - base) / span
            return 1.0 if reaches(value) else 0.0

        reached = reaches(latest)
        progress = fraction(latest)
        weeks_so_far = _weeks(baseline_date, latest_date)
        if weeks_so_far > 0:
            pace_so_far = (latest - baseline) / weeks_so_far
        if deadline is not None:
            weeks_left = _weeks(as_of, deadline)
            if weeks_left > 0:
                pace_needed = 0.0 if reached else (target - latest) / weeks_left
            if pace_so_far is not None and deadline >= latest_date:
                projected = latest + pace_so_far * _weeks(latest_date, deadline)
        verdict, why = _verdict(
            reached=reached,
            progress=progress,
            projected=None if projected is None else (projected, fraction(projected)),
            target=target,
            deadline=deadline,
            baseline_date=baseline_date,
            as_of=as_of,
            at_risk=at_risk,
        )
    return _scored(
        key,
        metric,
        goal,
        why,
        latest=latest,
        latest_date=latest_date,
        baseline=baseline,
        baseline_date=baseline_date,
        target=target,
        deadline=deadline,
        progress=progress,
        pace_needed=pace_needed,
        pace_so_far=pace_so_far,
        projected=projected,
        verdict=verdict,
        stale=stale,
        series=series,
        by_channel=by_channel,
    )


def _scored(key: str, metric: Metric, goal: _Goal, why: Reason, **found: Any) -> MetricScore:
    """The score of the metric *key*: what every verdict names of the metric and its goal,
    the reason in words and as data, and what was *found* (latest, target, verdict…)."""
    return MetricScore(
        metric=key,
        name=metric.name,
        unit=goal.unit,
        level=metric.level,
        channels=metric.channels,
        direction=metric.direction,
        objective=goal.objective,
        reason=why.words(),
        why=why,
        **found,
    )


def _score_previous(
    plan: Plan,
    key: str,
    goal: _Goal,
    series: tuple[tuple[dt.date, Number], ...],
    by_channel: Mapping[str, Number],
    stale: bool,
) -> MetricScore:
    """A target over the previous period: the latest point against the one before it."""
    metric = plan.metrics[key]
    latest_date, latest = series[-1] if series else (None, None)
    before_date, before = series[-2] if len(series) > 1 else (None, None)
    target: Number | None = None
    progress: float | None = None
    if latest is None or before is None or before_date is None:
        verdict = Verdict.NO_DATA
        why = Reason(code="no_observation" if latest is None else "no_previous")
    else:
        sign = 1 if metric.direction is Direction.INCREASE else -1
        change = goal.target
        if change is None:
            target = before
            met = sign * (latest - before) > 0  # any rise, and not staying level
        else:
            target = before + before * change / 100 if goal.percent_change else before + change
            met = sign * (latest - target) >= 0
        verdict = Verdict.ACHIEVED if met else Verdict.OFF_TRACK
        progress = 1.0 if met else 0.0
        values: dict[str, Number | dt.date] = {
            "value": latest,
            "previous": before,
            "date": before_date,
        }
        why = Reason(code="previous_met" if met else "previous_short", values=values)
    return _scored(
        key,
        metric,
        goal,
        why,
        latest=latest,
        latest_date=latest_date,
        baseline=before,
        baseline_date=before_date,
        target=target,
        deadline=goal.deadline,
        progress=progress,
        pace_needed=None,
        pace_so_far=None,
        projected=None,
        verdict=verdict,
        stale=stale,
        series=series,
        by_channel=by_channel,
    )


def _score_each(
    plan: Plan,
    key: str,
    goal: _Goal,
    channels: Mapping[str | None, Mapping[dt.date, Number]],
    as_of: dt.date,
    at_risk: float,
) -> MetricScore:
    """A target to reach on each of its channels, judged by the channel that fares worst.

    Each channel is scored alone; the metric's score is that of the worst verdict among
    those observed (the first in the target's or the metric's order on a tie), its reason
    naming the channel, with the latest value of every channel.
    """
    alone = attrs.evolve(goal, aggregate=None, across=())
    chosen = _aggregated(goal, channels)
    order = [*goal.across] or [*plan.metrics[key].channels]
    order += sorted(c for c in chosen if isinstance(c, str) and c not in order)
    scores = [
        (channel, _score_metric(plan, key, alone, {channel: chosen[channel]}, as_of, at_risk))
        for channel in order
        if chosen.get(channel)
    ]
    everything = _score_metric(plan, key, alone, chosen, as_of, at_risk)
    judged = [(c, s) for c, s in scores if s.verdict is not Verdict.NO_DATA]
    if not judged:
        nothing = Reason(code="no_observation")
        return attrs.evolve(
            everything, verdict=Verdict.NO_DATA, reason=nothing.words(), why=nothing
        )
    channel, worst = min(judged, key=lambda pair: RANK[pair[1].verdict])
    why = attrs.evolve(worst.why or Reason(code="no_observation"), channel=channel)
    return attrs.evolve(worst, reason=why.words(), by_channel=everything.by_channel, why=why)


def _verdict(
    *,
    reached: bool,
    progress: float,
    projected: tuple[float, float] | None,
    target: Number,
    deadline: dt.date | None,
    baseline_date: dt.date,
    as_of: dt.date,
    at_risk: float,
) -> tuple[Verdict, Reason]:
    """The verdict and its reason, from rule 2 on (the module's documentation).

    *projected* is the value projected at the deadline and the progress it would be.
    """
    if reached:
        return Verdict.ACHIEVED, Reason(code="reached")
    if deadline is None:
        if progress > 0:
            return Verdict.ON_TRACK, Reason(code="no_deadline_moving")
        return Verdict.AT_RISK, Reason(code="no_deadline_still")
    if deadline < as_of:
        return Verdict.OFF_TRACK, Reason(code="deadline_passed", values={"deadline": deadline})
    if projected is not None:
        value, share = projected
        if share >= 1:
            return Verdict.ON_TRACK, Reason(code="pace_reaches", values={"deadline": deadline})
        verdict = Verdict.AT_RISK if share >= at_risk else Verdict.OFF_TRACK
        values: dict[str, Number | dt.date] = {"value": value, "deadline": deadline}
        values |= {"share": share, "target": target}
        return verdict, Reason(code="pace_short", values=values)
    span = _weeks(baseline_date, deadline)
    expected = min(max(_weeks(baseline_date, as_of) / span, 0.0), 1.0) if span > 0 else 1.0
    said = Reason(code="time_gone", values={"progress": progress, "expected": expected})
    if progress >= expected:
        return Verdict.ON_TRACK, said
    if progress >= at_risk * expected:
        return Verdict.AT_RISK, said
    return Verdict.OFF_TRACK, said


def _objective_verdict(metrics: Iterable[MetricScore]) -> Verdict:
    judged = [
        m.verdict
        for m in metrics
        if (m.target is not None or m.quality is not None) and m.verdict != Verdict.NO_DATA
    ]
    return min(judged, key=RANK.__getitem__) if judged else Verdict.NO_DATA


# ---------------------------------------------------------------------------
# A qualitative metric's readings.
# ---------------------------------------------------------------------------


def _quality_deadline(plan: Plan, metric: Metric) -> dt.date | None:
    """When a qualitative metric should read as expected: its first objective's deadline.

    The objective's target's deadline, else the end of its horizon, else ``horizons.long``.
    """
    horizons = plan.horizons
    for key in metric.measures:
        objective = plan.objectives.get(key)
        if objective is None:
            continue
        if objective.target is not None and objective.target.deadline is not None:
            return objective.target.deadline
        if objective.horizon is not None and horizons is not None:
            ends: dt.date | None = getattr(horizons, str(objective.horizon))
            if ends is not None:
                return ends
    return horizons.long if horizons is not None else None


def _latest_reading(readings: Iterable[Observation]) -> tuple[dt.date, list[Observation]] | None:
    """The latest date read and its readings: the one without channel if any, else all."""
    by_date: dict[dt.date, list[Observation]] = {}
    for seen in readings:
        by_date.setdefault(seen.date, []).append(seen)
    if not by_date:
        return None
    day = max(by_date)
    found = sorted(by_date[day], key=lambda seen: seen.channel or "")
    total = [seen for seen in found if seen.channel is None]
    return day, total or found


def _split(wanted: Iterable[str], seen: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The *wanted* items *seen* (whatever their case) and those missing, in wanted order."""
    folded = {item.casefold() for item in seen}
    present = tuple(item for item in wanted if item.casefold() in folded)
    return present, tuple(item for item in wanted if item.casefold() not in folded)


def _quality(expects: Any, day: dt.date, found: list[Observation]) -> Quality:
    positive = sum(seen.positive or 0 for seen in found)
    negative = sum(seen.negative or 0 for seen in found)
    mentions = sum(seen.mentions for seen in found)
    keywords = [word for seen in found for word in seen.keywords]
    voices = [user for seen in found for user in (*seen.active, *seen.influential)]
    keywords_seen, keywords_missing = _split(expects.keywords, keywords)
    voices_seen, voices_missing = _split(expects.voices, voices)
    shares = (positive / mentions, negative / mentions) if mentions else (None, None)
    wanted = [None if v is None else v / 100 for v in (expects.positive, expects.negative)]
    checks = [
        *([shares[0] is not None and shares[0] >= wanted[0]] if wanted[0] is not None else []),
        *([shares[1] is not None and shares[1] <= wanted[1]] if wanted[1] is not None else []),
        *([not keywords_missing] if expects.keywords else []),
        *([not voices_missing] if expects.voices else []),
    ]
    return Quality(
        date=day,
        mentions=mentions,
        positive=shares[0],
        negative=shares[1],
        wanted_positive=wanted[0],
        wanted_negative=wanted[1],
        keywords_seen=keywords_seen,
        keywords_missing=keywords_missing,
        voices_seen=voices_seen,
        voices_missing=voices_missing,
        met=sum(checks),
        checks=len(checks),
    )


def _score_quality(
    plan: Plan,
    key: str,
    found: MetricScore,
    readings: Iterable[Observation],
    as_of: dt.date,
    at_risk: float,
) -> MetricScore:
    """A qualitative metric judged by its latest reading against what it expects.

    *no data* when it expects nothing or has no reading; *achieved* when every expectation
    is met; else, with *progress* the share of the expectations met, *off track* once the
    deadline has passed, and before it by the time elapsed as a number's verdict without a
    projection is (rule 5); without a deadline, *on track* when some expectation is met.
    """
    metric = plan.metrics[key]
    expects = metric.expects
    latest = _latest_reading(readings)
    if expects is None:
        return found
    if latest is None or not (quality := _quality(expects, *latest)).checks:
        expecting = expects.positive, expects.negative, expects.keywords, expects.voices
        code = "no_observation" if any(e not in (None, ()) for e in expecting) else "no_target"
        why = Reason(code=code)
        return attrs.evolve(found, verdict=Verdict.NO_DATA, reason=why.words(), why=why)
    progress = quality.met / quality.checks
    deadline = _quality_deadline(plan, metric)
    counted = {"met": quality.met, "checks": quality.checks}
    verdict: Verdict
    if quality.met == quality.checks:
        verdict, why = Verdict.ACHIEVED, Reason(code="reading_met")
    elif deadline is None:
        verdict = Verdict.ON_TRACK if quality.met else Verdict.AT_RISK
        why = Reason(code="reading_short", values=counted)
    elif deadline < as_of:
        verdict, why = (
            Verdict.OFF_TRACK,
            Reason(code="deadline_passed", values={"deadline": deadline}),
        )
    else:
        start = plan.start or min(seen.date for seen in readings)
        span = _weeks(start, deadline)
        expected = min(max(_weeks(start, as_of) / span, 0.0), 1.0) if span > 0 else 1.0
        why = Reason(code="reading_time", values={**counted, "expected": expected})
        verdict = (
            Verdict.ON_TRACK
            if progress >= expected
            else Verdict.AT_RISK
            if progress >= at_risk * expected
            else Verdict.OFF_TRACK
        )
    return attrs.evolve(
        found,
        verdict=verdict,
        reason=why.words(),
        why=why,
        progress=progress,
        deadline=deadline,
        quality=quality,
    )


# ---------------------------------------------------------------------------
# Return on investment.
# ---------------------------------------------------------------------------


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def _row(channel: str | None, cost: float, results: float, value: float | None) -> ChannelReturn:
    return ChannelReturn(
        channel=channel,
        cost=cost,
        results=results,
        value=value,
        cost_per_result=cost / results if results > 0 else None,
        roi=None if value is None else _ratio(value - cost, cost),
    )


def _returns(plan: Plan, points: _Points) -> tuple[tuple[ChannelReturn, ...], ChannelReturn | None]:
    costs: dict[str | None, float] = {}
    for resource in plan.resources.values():
        if resource.cost is not None:
            costs[resource.channel] = costs.get(resource.channel, 0.0) + resource.cost
    results: dict[str | None, float] = {}
    values: dict[str | None, float | None] = {}
    attributed: set[str | None] = set()
    valued = any(metric.unit_value is not None for metric in plan.metrics.values())
    for key, metric in plan.metrics.items():
        counted = metric.unit_value is not None if valued else metric.level is KpiLevel.CONVERSION
        if not counted:
            continue
        sign = 1 if metric.direction is Direction.INCREASE else -1
        channels = points.get(key, {})
        gains: dict[str | None, float] = {}
        for channel, dates in channels.items():
            if channel is not None and dates:
                gains[channel] = sign * (dates[max(dates)] - dates[min(dates)])
        totals = channels.get(None, {})
        if not gains and totals:
            owner = metric.channels[0] if len(metric.channels) == 1 else None
            gains[owner] = sign * (totals[max(totals)] - totals[min(totals)])
        attributed.update(gains)
        on: dict[str | None, None] = dict.fromkeys(metric.channels)
        on.update(dict.fromkeys(gains))  # after the metric's own, in the order gained
        for channel in on:
            gain = gains.get(channel, 0.0)
            results[channel] = results.get(channel, 0.0) + gain
            if metric.unit_value is None:
                values.setdefault(channel, None)
            else:
                values[channel] = (values.get(channel) or 0.0) + gain * metric.unit_value
    named = {c for c in (*costs, *attributed) if c is not None}
    order = [c for c in plan.channels if c in named] + sorted(
        c for c in named if c not in plan.channels
    )
    keys: list[str | None] = [*order, *([None] if None in costs or None in attributed else [])]
    rows = tuple(
        _row(channel, costs.get(channel, 0.0), results.get(channel, 0.0), values.get(channel))
        for channel in keys
    )
    if not rows:
        return (), None
    known = [row.value for row in rows if row.value is not None]
    total = _row(
        None,
        sum(row.cost for row in rows),
        sum(row.results for row in rows),
        sum(known) if known else None,
    )
    return rows, total


# ---------------------------------------------------------------------------
# The scorecard.
# ---------------------------------------------------------------------------


def _measured_by(plan: Plan) -> dict[str, list[str]]:
    """The metrics that measure each objective, in plan order, once each: one pass over them."""
    measured_by: dict[str, list[str]] = {}
    for key, metric in plan.metrics.items():
        for objective in dict.fromkeys(metric.measures):
            measured_by.setdefault(objective, []).append(key)
    return measured_by


@collector_paused  # a scorecard makes no cycles: collections would only walk the plan again
def score(
    plan: Plan,
    observations: Iterable[Observation],
    *,
    as_of: dt.date | None = None,
    at_risk: float = 0.8,
) -> Scorecard:
    """Score *plan* against *observations* at *as_of*: each metric, each objective, the returns.

    The rules are those of this module's documentation (and of the user
    guide, ``docs/scorecard.md``).

    *as_of* defaults to the latest observation's date; *at_risk* is the share
    of the target, projected at the pace so far, below which a metric is off
    track rather than at risk. Raises ``ValueError`` for an observation of a
    metric the plan does not have, a value that is not a finite number, two
    observations of one metric on one channel and date, or *at_risk* outside
    0 to 1.

    >>> import datetime as dt
    >>> from socialplan import Metric, Plan
    >>> from socialplan.observations import Observation
    >>> plan = Plan(name="Demo", start=dt.date(2027, 1, 4), metrics={
    ...     "likes": Metric(name="Likes", unit="likes", baseline=100, target=300)})
    >>> card = score(plan, [Observation(metric="likes", date=dt.date(2027, 2, 1), value=200)])
    >>> card.metrics[0].progress, str(card.metrics[0].verdict), card.metrics[0].reason
    (0.5, 'on track', 'no deadline; moving toward the target')
    """
    if not 0 <= at_risk <= 1:
        raise ValueError(f"at_risk must be between 0 and 1, not {at_risk!r}")
    observations = list(observations)
    everything = _arrange(plan, observations)
    readings: dict[str, list[Observation]] = {}
    for observation in observations:
        if observation.is_reading:
            readings.setdefault(observation.metric, []).append(observation)
    if as_of is None:
        days = [day for channels in everything.values() for d in channels.values() for day in d]
        as_of = max(days) if days else (plan.start or _EPOCH)
    points = _until(everything, as_of)
    readings = {key: [o for o in found if o.date <= as_of] for key, found in readings.items()}
    measured_by = _measured_by(plan)

    def scored(key: str, goal: _Goal) -> MetricScore:
        found = _score_metric(plan, key, goal, points.get(key, {}), as_of, at_risk)
        if plan.metrics[key].expects is None:
            return found
        return _score_quality(plan, key, found, readings.get(key, ()), as_of, at_risk)

    metrics = {key: scored(key, _goal(plan, metric)) for key, metric in plan.metrics.items()}
    objectives = []
    for key, objective in plan.objectives.items():
        measuring = []
        for metric_key in measured_by.get(key, ()):
            metric = plan.metrics[metric_key]
            default = metrics[metric_key]
            goal = _objective_goal(plan, metric, key)
            if goal is None or default.objective == key:
                measuring.append(default)
            else:
                measuring.append(scored(metric_key, goal))
        objectives.append(
            ObjectiveScore(
                objective=key,
                title=objective.title,
                target=objective.target,
                verdict=_objective_verdict(measuring),
                metrics=tuple(measuring),
            )
        )
    returns, total = _returns(plan, points)
    return Scorecard(
        plan=plan.name,
        as_of=as_of,
        currency=plan.currency,
        objectives=tuple(objectives),
        metrics=tuple(metrics.values()),
        returns=returns,
        total=total,
        triggers=judge_triggers(plan, metrics, as_of),
    )
