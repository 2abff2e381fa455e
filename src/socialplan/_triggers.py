"""Scenario triggers judged against the observations: which plan B or plan C is called for.

A scenario's ``when`` lists conditions on the plan's metrics (:class:`~socialplan.Trigger`).
The scorecard judges each on the metric's total series, as it stands at the scorecard's
date:

- the threshold is the number given, or, for a share (``"60%"``), that share of the
  target the metric is judged against (its objective's, else its own);
- with ``by``, the value is the latest observation on or before that date, and the
  condition is judged only once the scorecard's date has reached it; without, the value
  is the latest observation;
- *below* fires when the value is less than the threshold, *above* when it is more.

A condition that cannot be judged (the date not reached, no observation by then, no
target to take a share of, no such metric) is *not judged yet*, and says why. A
scenario is called for when any of its conditions fired.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from ._core.text import number, quote
from ._model import SHARE_PATTERN

if TYPE_CHECKING:
    from ._model import Plan, Trigger

__all__ = ["WHY", "TriggerResult", "TriggerState", "judge_triggers"]

Number = int | float

#: Why a trigger stands as it does, by code (``TriggerResult.why``).
WHY = {
    "no_metric": "the plan has no such metric",
    "no_target": "the metric has no target to take the share of",
    "early": "the date of the trigger is not reached yet",
    "no_observation": "no observation of the metric (by the trigger's date)",
    "compared": "the value was compared with the threshold",
}


class TriggerState(enum.StrEnum):
    """Where a scenario's trigger stands against the observations."""

    FIRED = "fired"
    NOT_FIRED = "not fired"
    NOT_YET = "not judged yet"


@attrs.frozen(kw_only=True)
class TriggerResult:
    """One trigger of a scenario, judged: the numbers compared and what came of it.

    *threshold* is the number the value is compared with (``None`` when it cannot be
    worked out); *share* the share of *target* it is, when the trigger gives one;
    *value* and *value_date* the observation judged (for a trigger not judged yet, the
    latest so far). *reason* says why in English; *why* is the same in no language, a
    code of :data:`WHY` whose values are the fields above, for other languages to word.
    """

    scenario: str
    name: str
    index: int
    metric: str
    comparison: str
    threshold: Number | None
    share: float | None
    target: Number | None
    by: dt.date | None
    value: Number | None
    value_date: dt.date | None
    state: TriggerState
    reason: str
    why: str = "compared"

    def to_dict(self) -> dict[str, Any]:
        """The judged trigger as JSON-ready data."""
        return {
            "scenario": self.scenario,
            "name": self.name,
            "index": self.index,
            "metric": self.metric,
            "comparison": self.comparison,
            "threshold": self.threshold,
            "share": self.share,
            "target": self.target,
            "by": None if self.by is None else self.by.isoformat(),
            "value": self.value,
            "value_date": None if self.value_date is None else self.value_date.isoformat(),
            "state": str(self.state),
            "reason": self.reason,
        }


class Measured(Protocol):
    """What a trigger is judged on: a metric's total series and the target it is judged by."""

    @property
    def series(self) -> Sequence[tuple[dt.date, Number]]: ...

    @property
    def target(self) -> Number | None: ...


def _share_text(share: float) -> str:
    return f"{number(round(share * 100, 12))}%"


def _judge(
    key: str,
    name: str,
    index: int,
    trigger: Trigger,
    measured: Measured | None,
    as_of: dt.date,
) -> TriggerResult:
    comparison = "below" if trigger.below is not None else "above"
    written = trigger.below if trigger.below is not None else trigger.above
    share = trigger.share
    target = None if measured is None else measured.target
    threshold: Number | None
    if share is None:
        assert isinstance(written, int | float)
        threshold = written
    else:
        # From the percentage as written: 7 × 300 / 100 is 21 exactly; 0.07 × 300 is not.
        found = SHARE_PATTERN.fullmatch(str(written))
        assert found is not None
        threshold = None if target is None else float(found.group(1)) * target / 100
    series = () if measured is None else tuple(measured.series)
    by = trigger.by
    judged_on = [point for point in series if by is None or point[0] <= by]
    early = by is not None and as_of < by  # not judged yet: the latest so far is shown
    seen = judged_on[-1] if judged_on else (series[-1] if series and early else None)
    value, value_date = (None, None) if seen is None else (seen[1], seen[0])
    metric = trigger.metric

    def result(state: TriggerState, reason: str, why: str = "compared") -> TriggerResult:
        return TriggerResult(
            scenario=key,
            name=name,
            index=index,
            metric=metric,
            comparison=comparison,
            threshold=threshold,
            share=share,
            target=target,
            by=by,
            value=value,
            value_date=value_date,
            state=state,
            reason=reason,
            why=why,
        )

    if measured is None:
        return result(TriggerState.NOT_YET, f"the plan has no metric {quote(metric)}", "no_metric")
    if share is not None and threshold is None:
        return result(
            TriggerState.NOT_YET,
            f"{metric} has no target to take {_share_text(share)} of",
            "no_target",
        )
    assert threshold is not None
    if early:
        so_far = (
            f"{metric} {number(value)} on {value_date} so far"
            if value_date is not None
            else f"no observation of {metric} yet"
        )
        return result(TriggerState.NOT_YET, f"to be judged on {by} ({so_far})", "early")
    if not judged_on:
        return result(
            TriggerState.NOT_YET,
            f"no observation of {metric} by {by}" if by else f"no observation of {metric} yet",
            "no_observation",
        )
    assert value is not None
    fired = value < threshold if comparison == "below" else value > threshold
    limit = (
        number(threshold)
        if share is None
        else f"{_share_text(share)} of {number(target)} ({number(threshold)})"
    )
    when = f"by {by}" if by is not None else f"on {value_date}"
    verb = "is" if fired else "is not"
    return result(
        TriggerState.FIRED if fired else TriggerState.NOT_FIRED,
        f"{metric} {number(value)} {verb} {comparison} {limit} {when}",
    )


def judge_triggers(
    plan: Plan, measured: Mapping[str, Measured], as_of: dt.date
) -> tuple[TriggerResult, ...]:
    """Every trigger of every scenario of *plan*, in plan order, judged at *as_of*.

    *measured* gives each metric's total series (up to *as_of*) and the target it is
    judged against: the scorecard's :class:`~socialplan.MetricScore` of it.
    """
    return tuple(
        _judge(key, scenario.name, index, trigger, measured.get(trigger.metric), as_of)
        for key, scenario in plan.scenarios.items()
        for index, trigger in enumerate(scenario.when)
    )
