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
    from .._model import Target

__all__ = ["target_text", "text"]


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
    target: Target | None, w: Mapping[str, str], channel: Callable[[str], str] = str
) -> str:
    """A target in one phrase, in the words *w*: "8,000 followers by 2027-06-30 (from 5,000)".

    A relative target reads "+10 % over the baseline", an aggregate one "3 % averaged across
    Facebook, Instagram", each channel named by *channel*.
    """
    if target is None:
        return ""
    phrase = f"{text(target.value)} {target.unit}"
    if target.relative is not None:
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
