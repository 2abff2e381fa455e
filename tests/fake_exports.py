"""A stand-in for the readers of the platforms' exports (issue #20), to the interface they are
built to: ``Export`` and ``ExportRow`` with their fields, and ``read_export``/``read_exports``
reading a small made-up text form, so that the mapping and the commands can be tested before
(and apart from) the readers of the real files.

The made-up form: a first line ``#fake PLATFORM LAYOUT SHAPE [START END]``, then a CSV header of
canonical column names (``key`` and ``date`` are the row's key and date), then rows; a cell is a
number when it reads as one, text otherwise, None when empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import sys
import types
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from socialplan import Diagnostic, LoadError, Severity


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


def _cell(text: str) -> float | str | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def read_export(
    path_or_bytes: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    year: int | None = None,
) -> Export:
    if isinstance(path_or_bytes, bytes):
        data = path_or_bytes
    else:
        data = Path(path_or_bytes).read_bytes()
        name = name or os.fspath(path_or_bytes)
    text = data.decode("utf-8")
    first, _, rest = text.partition("\n")
    words = first.split()
    if not words or words[0] != "#fake":
        problem = Diagnostic(
            code="SP001",
            severity=Severity.ERROR,
            message="not an export this reader knows",
            line=1,
            file=name,
        )
        raise LoadError([problem], file=name)
    platform, layout, shape, *period = words[1:]
    reader = csv.reader(io.StringIO(rest))
    header = next(reader)
    rows = []
    for line, cells in enumerate(reader, start=3):
        given = dict(zip(header, cells, strict=False))
        values = {c: _cell(v) for c, v in given.items() if c not in ("key", "date")}
        day = given.get("date") or None
        rows.append(
            ExportRow(
                line=line,
                date=None if day is None else dt.date.fromisoformat(day),
                key=given.get("key") or None,
                values=values,
                columns={c: i for i, c in enumerate(header, start=1)},
            )
        )
    return Export(
        file=name,
        platform=platform,
        layout=layout,
        shape=shape,
        period=tuple(dt.date.fromisoformat(d) for d in period) or None,  # type: ignore[arg-type]
        columns=tuple(c for c in header if c not in ("key", "date")),
        rows=tuple(rows),
    )


def read_exports(paths: Iterable[str | os.PathLike[str]], year: int | None = None) -> list[Export]:
    found: list[Export] = []
    problems: list[Diagnostic] = []
    for path in paths:
        try:
            found.append(read_export(path, year=year))
        except LoadError as error:
            problems.extend(error.diagnostics)
    if problems:
        raise LoadError(problems)
    return found


def install(monkeypatch: Any) -> None:
    """Make ``socialplan.observations.exports`` this module's readers, for one test."""
    module = types.ModuleType("socialplan.observations.exports")
    for name in ("Export", "ExportRow", "read_export", "read_exports"):
        setattr(module, name, globals()[name])
    monkeypatch.setitem(sys.modules, "socialplan.observations.exports", module)
    import socialplan.observations

    monkeypatch.setattr(socialplan.observations, "exports", module, raising=False)
