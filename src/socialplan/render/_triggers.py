"""Scenario triggers written for people: in the report's scenarios, and in the scorecard.

A trigger reads as its condition, "followers below 60% by 2027-06-30"; the scorecard adds
what came of it (fired, not fired, not judged yet) and why, with the numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .._core.text import number
from ._document import Block, Heading, Note, Table

if TYPE_CHECKING:
    from .._model import Trigger
    from .._score import Scorecard
    from .._triggers import TriggerResult

__all__ = ["condition", "scorecard_blocks", "trigger_condition", "trigger_reason"]


def condition(
    metric: str,
    comparison: str,
    threshold: str,
    by: dt.date | None,
    w: Mapping[str, str],
) -> str:
    """A trigger's condition in words: "followers below 60% by 2027-06-30"."""
    said = f"{metric} {w[f'trigger_{comparison}']} {threshold}"
    return said if by is None else f"{said} {w['trigger_by'].format(date=by.isoformat())}"


def trigger_condition(trigger: Trigger, w: Mapping[str, str]) -> str:
    """The condition of a trigger of the plan, its threshold as written ("60%", 3,000)."""
    comparison = "below" if trigger.below is not None else "above"
    written = trigger.below if trigger.below is not None else trigger.above
    share = trigger.share
    if share is not None:
        threshold = number(share * 100) + "%"
    else:
        assert not isinstance(written, str)
        threshold = number(written)
    return condition(trigger.metric, comparison, threshold, trigger.by, w)


def scorecard_blocks(card: Scorecard, w: Mapping[str, str], level: int) -> list[Block]:
    """The scorecard's part on the scenarios' triggers; none for a plan without triggers."""
    if not card.triggers:
        return []
    names = {t.scenario: t.name for t in card.triggers}
    fired = [names[key] for key in card.fired]
    rows = []
    for t in card.triggers:
        threshold = number(t.share * 100) + "%" if t.share is not None else number(t.threshold)
        rows.append(
            [
                t.name,
                condition(t.metric, t.comparison, threshold, t.by, w),
                w["trigger_" + str(t.state).replace(" ", "_")],
                t.reason if w["lang"] == "en" else trigger_reason(t, w),
            ]
        )
    head = ["scenario", "trigger", "state", "why"]
    return [
        Heading(level, w["sc_triggers"], anchor="scorecard-triggers"),
        Note(
            w["sc_called_for"].format(scenarios="; ".join(fired))
            if fired
            else w["sc_none_called_for"]
        ),
        Table([w[f"col_{h}"] for h in head], rows),
    ]


def _share(share: float) -> str:
    return f"{number(round(share * 100, 12))}%"


def trigger_reason(t: TriggerResult, w: Mapping[str, str]) -> str:
    """Why a judged trigger stands as it does, in the words of *w*, from its code
    (:attr:`~socialplan.TriggerResult.why`) and its numbers."""
    by = None if t.by is None else t.by.isoformat()
    seen = None if t.value_date is None else t.value_date.isoformat()
    if t.why == "no_metric":
        return w["tr_no_metric"].format(metric=t.metric)
    if t.why == "no_target":
        return w["tr_no_target"].format(metric=t.metric, share=_share(t.share or 0))
    if t.why == "early":
        so_far = (
            w["tr_so_far"].format(metric=t.metric, value=number(t.value), date=seen)
            if seen is not None
            else w["tr_none_yet"].format(metric=t.metric)
        )
        return w["tr_early"].format(date=by, so_far=so_far)
    if t.why == "no_observation":
        if by is None:
            return w["tr_none_yet"].format(metric=t.metric)
        return w["tr_none_by"].format(metric=t.metric, date=by)
    limit = (
        w["tr_plain"].format(threshold=number(t.threshold))
        if t.share is None
        else w["tr_share_of"].format(
            share=_share(t.share), target=number(t.target), threshold=number(t.threshold)
        )
    )
    fired = "is" if str(t.state) == "fired" else "is_not"
    when = w["trigger_by"].format(date=by) if by is not None else w["tr_on"].format(date=seen)
    return w[f"tr_{fired}_{t.comparison}"].format(
        metric=t.metric, value=number(t.value), limit=limit, when=when
    )
