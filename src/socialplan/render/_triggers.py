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

__all__ = ["condition", "scorecard_blocks", "trigger_condition"]


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
                t.reason,
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
