"""The observation record: a metric's value at a date, the columns it is written in, its formats."""

from __future__ import annotations

import datetime as dt
import os
from typing import Literal

import attrs

#: The formats observations are read from and written to.
ObservationFormat = Literal["csv", "json", "toml"]

#: The columns (CSV) or keys (JSON, TOML, records) of an observation, in writing order.
COLUMNS = ("metric", "date", "value", "channel", "note")
REQUIRED = ("metric", "date", "value")
_SUFFIXES: dict[str, ObservationFormat] = {".csv": "csv", ".json": "json", ".toml": "toml"}


@attrs.frozen(kw_only=True)
class Observation:
    """A metric's measured *value* at a *date*, on a *channel* (``None``: the total).

    >>> seen = Observation(metric="followers", date=dt.date(2027, 3, 1), value=1200, channel="fb")
    >>> seen.value, seen.note
    (1200, None)
    """

    metric: str
    date: dt.date
    value: int | float
    channel: str | None = None
    note: str | None = None


def sort_key(observation: Observation) -> tuple[str, dt.date, str]:
    """The order observations are loaded and written in: metric, date, channel (none first)."""
    return (observation.metric, observation.date, observation.channel or "")


def format_of(path: str | os.PathLike[str]) -> ObservationFormat:
    """The format a file's suffix names; ``ValueError`` for any other suffix."""
    from .._io.files import format_from_suffix

    return format_from_suffix(path, _SUFFIXES)
