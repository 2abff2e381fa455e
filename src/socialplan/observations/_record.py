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
#: The columns of a qualitative metric's reading: sentiment counts, then lists of text.
COUNTS = ("positive", "neutral", "negative")
LISTS = ("keywords", "active", "influential")
READING = (*COUNTS, *LISTS)
#: Every column an observation may have, in writing order.
ALL_COLUMNS = (*COLUMNS, *READING)
#: What separates the items of a list in a CSV cell; an item cannot hold it.
SEPARATOR = ";"
_SUFFIXES: dict[str, ObservationFormat] = {".csv": "csv", ".json": "json", ".toml": "toml"}


@attrs.frozen(kw_only=True, repr=False)
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
    #: A qualitative metric's reading: how many mentions were positive, neutral, negative,
    positive: int | None = None
    neutral: int | None = None
    negative: int | None = None
    #: the keywords seen with it, and the most active and most influential users (an
    #: influencer's id where the user is one of the plan's influencers).
    keywords: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    active: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    influential: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    def __repr__(self) -> str:
        # The reading's fields only where it has one: an observation of a number reads as before.
        shown = [*COLUMNS, *(key for key in READING if getattr(self, key) not in (None, ()))]
        fields = ", ".join(f"{key}={getattr(self, key)!r}" for key in shown)
        return f"Observation({fields})"

    @property
    def is_reading(self) -> bool:
        """Whether the observation holds a qualitative reading (counts, keywords or users)."""
        return any(getattr(self, key) not in (None, ()) for key in READING)

    @property
    def mentions(self) -> int:
        """The mentions the reading's sentiment counts add up to (0 without counts)."""
        return sum(getattr(self, key) or 0 for key in COUNTS)


def sort_key(observation: Observation) -> tuple[str, dt.date, str]:
    """The order observations are loaded and written in: metric, date, channel (none first)."""
    return (observation.metric, observation.date, observation.channel or "")


def format_of(path: str | os.PathLike[str]) -> ObservationFormat:
    """The format a file's suffix names; ``ValueError`` for any other suffix."""
    from .._io.files import format_from_suffix

    return format_from_suffix(path, _SUFFIXES)
