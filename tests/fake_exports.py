"""Stand-in exports (issue #20), to the interface the readers give: ``Export`` and ``ExportRow``
with their fields, made from a few rows, so that the mapping's edge cases (combining, clashes,
channels) can be tested one at a time, apart from the readers of the real files (the end-to-end
tests over those are in test_cli_imports.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs


@attrs.frozen(kw_only=True)
class ExportRow:
    line: int
    date: dt.date | None = None
    key: str | None = None
    values: Mapping[str, float | str | None] = attrs.field(factory=dict)
    columns: Mapping[str, int] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Export:
    file: str | None = None
    platform: str
    layout: str
    shape: str
    period: tuple[dt.date, dt.date] | None = None
    columns: tuple[str, ...] = ()
    rows: tuple[ExportRow, ...] = ()


def export(
    platform: str,
    layout: str,
    shape: str,
    rows: Iterable[Mapping[str, Any]],
    *,
    file: str | None = "export.csv",
    period: tuple[dt.date, dt.date] | None = None,
) -> Export:
    """An export of *rows* (mappings of column to value; ``key`` and ``date`` are the row's),
    the columns in the order they are first met, lines counted from 2."""
    rows = list(rows)
    columns = list(dict.fromkeys(c for row in rows for c in row if c not in ("key", "date")))
    made = tuple(
        ExportRow(
            line=line,
            date=row.get("date"),
            key=row.get("key"),
            values={c: row[c] for c in columns if c in row},
            columns={c: position for position, c in enumerate(columns, start=3)},
        )
        for line, row in enumerate(rows, start=2)
    )
    return Export(
        file=file,
        platform=platform,
        layout=layout,
        shape=shape,
        period=period,
        columns=tuple(columns),
        rows=made,
    )
