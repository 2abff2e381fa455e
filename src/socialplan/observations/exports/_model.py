"""What an export holds once read: :class:`Export` and its :class:`ExportRow` s."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, TypeAlias

import attrs

#: How an export's rows are cut: one per post (or mention), one per day, one per period.
Shape: TypeAlias = Literal["per_post", "per_day", "per_period"]


def _frozen(value: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(value))


@attrs.frozen
class ExportRow:
    """One row of an export, its cells read.

    *line* is the row's 1-based line (a spreadsheet's row number); *date* the post's or the
    day's date (None for a row of a period); *key* what identifies a post (its id, else its
    link), so that a second export of the same posts is known as such. *values* maps each
    canonical column to its number (read by the file's locale; a rate as a share, 1 being
    all), its text, or None for an empty cell; *columns* maps each to its 1-based column.
    """

    line: int
    date: dt.date | None
    key: str | None
    values: Mapping[str, float | str | None] = attrs.field(converter=_frozen)
    columns: Mapping[str, int] = attrs.field(converter=_frozen)


@attrs.frozen
class Export:
    """A platform's export, read: where it came from, what it is, and its rows.

    *platform* is one of :data:`PLATFORMS`, *layout* which of its files it is (``"posts"``,
    ``"daily"``, ``"followers"``, ``"overview"``, ``"content"``, ``"traffic"``,
    ``"landing_pages"``, ``"mentions"``), *period* the first and last day it covers, from
    the file (a GA4 preamble, else its rows' dates; never today). *columns* are the
    canonical names of its columns, in the file's order; *sheet* the workbook sheet it was
    read from (None for a CSV file).
    """

    file: str | None
    platform: str
    layout: str
    shape: Shape
    period: tuple[dt.date, dt.date] | None
    columns: tuple[str, ...]
    rows: tuple[ExportRow, ...]
    sheet: str | None = None
