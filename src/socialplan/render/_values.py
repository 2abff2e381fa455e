"""Values of the model as the text of a report's cells, shared by every renderer.

Numbers go through :func:`socialplan._core.text.number`, so that the report, the
scorecard and a plan in a notebook show one value one way.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from .._core.text import number

if TYPE_CHECKING:
    from .._model import Plan, Target

__all__ = ["period_of", "target_text", "text"]

#: The period of a cadence, by its length in days: the word ``period_<name>`` says it.
_PERIODS = {1: "day", 7: "week", 14: "fortnight", 30: "month", 90: "quarter", 365: "year"}


def period_of(plan: Plan, key: str) -> str:
    """The period of objective *key*'s target over the previous period: the cadence of the
    metrics that measure it, when they share one that has a name ("month"), else "period"."""
    days = {
        m.cadence.seconds // 86400 if m.cadence.seconds % 86400 == 0 else -1
        for m in plan.metrics.values()
        if key in m.measures and m.cadence is not None
    }
    return _PERIODS.get(days.pop(), "period") if len(days) == 1 else "period"


def text(value: object) -> str:
    """A model value as report text: enums by value, durations as written, None as "".

    >>> text(5000.0), text(1234.5), text(("a", "b")), text(dt.date(2027, 6, 30)), text(None)
    ('5,000', '1,234.5', 'a, b', '2027-06-30', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return number(value)
    shown = getattr(value, "text", None)
    if isinstance(shown, str):
        return shown
    if isinstance(value, tuple | list):
        return ", ".join(text(v) for v in value)
    return str(value)


def target_text(
    target: Target | None,
    w: Mapping[str, str],
    channel: Callable[[str], str] = str,
    period: str = "period",
) -> str:
    """A target in one phrase, in the words *w*: "8,000 followers by 2027-06-30 (from 5,000)".

    A relative target reads "+10 % over the baseline", one over the previous *period* (a
    word of :func:`period_of`) "+5 % over the previous month", or with no amount "above the
    previous month"; an aggregate one "3 % averaged across Facebook, Instagram", each
    channel named by *channel*.
    """
    if target is None:
        return ""
    phrase = f"{text(target.value)} {target.unit}"
    if str(target.relative) == "previous":
        said = w[f"period_{period}"]
        if target.value is None:
            phrase = w["above_previous"].format(period=said)
        else:
            phrase = f"+{phrase} " + w["over_previous"].format(period=said)
    elif target.relative is not None:
        phrase = f"+{phrase} {w['over_baseline']}"
    if target.aggregate is not None:
        phrase += f" {w[f'aggregate_{target.aggregate}']}"
        if target.across:
            phrase += " " + ", ".join(channel(key) for key in target.across)
    if target.deadline is not None:
        phrase += f" {w['by']} {text(target.deadline)}"
    if target.baseline is not None:
        phrase += f" ({w['from']} {text(target.baseline)})"
    return phrase
