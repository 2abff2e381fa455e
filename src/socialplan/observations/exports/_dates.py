"""Dates as exports write them, each form taken apart before the file decides what it means.

ISO (``2026-07-14``, ``2026-07-14T09:00:00``), GA4's ``20260801``, ``Tue, Jul 14, 2026``,
``14 jul 2026``, ``07/14/2026`` or ``14/07/2026`` (which is which: :func:`slash_order`), and
``August 31`` or ``31 de agosto`` without a year (the year comes from the export's period
or the caller, never from today).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, TypeAlias

import attrs

Order: TypeAlias = Literal["dmy", "mdy"]

_MONTHS = {
    **{
        m: n
        for n, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            start=1,
        )
    },
    **{
        m: n
        for n, m in enumerate(
            [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
            start=1,
        )
    },
    "setiembre": 9,
}
_MONTHS.update({name[:3]: n for name, n in list(_MONTHS.items())})
_MONTHS.update({"sept": 9, "set": 9})
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun|lun|mar|mi[eé]|jue|vie|s[aá]b|dom)[a-z]*\.?,?\s+)?"
_TIME = (
    r"(?:[t ,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:z|[+-]\d{2}:?\d{2})?)?"
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})" + _TIME)
_MONTH_FIRST = re.compile(
    _WEEKDAY + r"([a-zé]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?" + _TIME
)
_DAY_FIRST = re.compile(
    _WEEKDAY + r"(\d{1,2})\.?\s+(?:de\s+)?([a-zé]+)\.?(?:,?\s+(?:de\s+)?(\d{4}))?" + _TIME
)


@attrs.frozen
class Written:
    """A date cell taken apart: its year (None when it has none), and its month and day,
    or for a slash date the two numbers in the order written (*slash* True)."""

    text: str
    year: int | None
    first: int
    second: int
    slash: bool = False


def parse(text: str) -> Written | None:
    """*text* taken apart, or None when it is no form of date this reader knows."""
    cleaned = " ".join(text.strip().lower().split())
    for pattern in (_ISO, _COMPACT):
        if match := pattern.fullmatch(cleaned):
            return Written(text, int(match[1]), int(match[2]), int(match[3]))
    if match := _SLASH.fullmatch(cleaned):
        return Written(text, int(match[3]), int(match[1]), int(match[2]), slash=True)
    if (match := _MONTH_FIRST.fullmatch(cleaned)) and match[1] in _MONTHS:
        year = int(match[3]) if match[3] else None
        return Written(text, year, _MONTHS[match[1]], int(match[2]))
    if (match := _DAY_FIRST.fullmatch(cleaned)) and match[2] in _MONTHS:
        year = int(match[3]) if match[3] else None
        return Written(text, year, _MONTHS[match[2]], int(match[1]))
    return None


def slash_order(cells: list[Written]) -> Order | Literal["both"] | None:
    """What the slash dates prove: day first (a first number over 12), month first (a second
    over 12), ``"both"`` when some prove each, None when none proves either."""
    slashed = [c for c in cells if c.slash]
    dmy = any(c.first > 12 for c in slashed)
    mdy = any(c.second > 12 for c in slashed)
    if dmy and mdy:
        return "both"
    return "dmy" if dmy else "mdy" if mdy else None


def ambiguous(cell: Written) -> bool:
    """Whether a slash date reads as two different days by the order chosen."""
    return cell.slash and cell.first <= 12 and cell.second <= 12 and cell.first != cell.second


def month_day(cell: Written, order: Order | None) -> tuple[int, int]:
    """The month and day of *cell*, a slash date by *order* (month first without one)."""
    if cell.slash and order == "dmy":
        return cell.second, cell.first
    return cell.first, cell.second


def year_in(month: int, day: int, period: tuple[dt.date, dt.date]) -> int | None:
    """The year that puts *month* and *day* inside *period*, else None."""
    for year in range(period[0].year, period[1].year + 1):
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        if period[0] <= found <= period[1]:
            return year
    return None
