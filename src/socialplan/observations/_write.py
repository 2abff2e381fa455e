"""Writing observations: CSV, JSON and TOML text that reading gives back, and files."""

from __future__ import annotations

import datetime as dt  # noqa: F401  (the examples of dumps use it)
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .._io.write import write_atomic
from ._notes import quote_note
from ._record import (
    ALL_COLUMNS,
    COUNTS,
    LISTS,
    REQUIRED,
    SEPARATOR,
    Observation,
    ObservationFormat,
    format_of,
    sort_key,
)


def _number_text(value: int | float) -> str:
    return str(value) if isinstance(value, int) else repr(float(value))


def _csv_cell(text: str) -> str:
    if text and not re.search(r'[",\r\n]', text) and text == text.strip():
        return text
    return '"' + text.replace('"', '""') + '"' if text else ""


def dumps(
    observations: Iterable[Observation],
    format: ObservationFormat = "csv",  # noqa: A002
) -> str:
    """Write observations as CSV, JSON or TOML text that :func:`loads` reads back.

    Observations are written sorted like :func:`loads` returns them, so the
    same observations give the same text. CSV has the columns ``metric, date,
    value`` and ``channel``, ``note`` and a reading's columns only when some observation
    has one (a reading's lists are written ``a; b``);
    lines end in ``\\n``; a note a spreadsheet would run as a formula gets a
    leading ``'``, which loading removes. Surrounding spaces of a note are not
    kept in CSV.

    >>> print(dumps([Observation(metric="leads", date=dt.date(2027, 3, 1), value=4)]), end="")
    metric,date,value
    leads,2027-03-01,4
    """
    ordered = sorted(observations, key=sort_key)
    if format == "csv":
        columns = [
            c
            for c in ALL_COLUMNS
            if c in REQUIRED or any(getattr(o, c) not in (None, "", ()) for o in ordered)
        ]
        lines = [",".join(columns)]
        for o in ordered:
            cells = {
                "metric": _csv_cell(o.metric),
                "date": o.date.isoformat(),
                "value": _number_text(o.value),
                "channel": _csv_cell(o.channel or ""),
                "note": _csv_cell(quote_note(o.note or "")),
            }
            cells |= {c: "" if getattr(o, c) is None else str(getattr(o, c)) for c in COUNTS}
            cells |= {c: _csv_cell(quote_note(f"{SEPARATOR} ".join(getattr(o, c)))) for c in LISTS}
            lines.append(",".join(cells[c] for c in columns))
        return "\n".join(lines) + "\n"
    from .._core.escape import escaped_controls

    records = [_as_record(o, format) for o in ordered]
    if format == "json":
        text = json.dumps({"observations": records}, indent=2, ensure_ascii=False)
        return escaped_controls(text) + "\n"
    if format == "toml":
        import tomli_w

        if not records:
            return "observations = []\n"
        text = "\n".join(f"[[observations]]\n{tomli_w.dumps(record)}" for record in records)
        return escaped_controls(text)
    raise ValueError(f"unknown format {format!r}; expected 'csv', 'json' or 'toml'")


def _as_record(observation: Observation, fmt: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "metric": observation.metric,
        "date": observation.date.isoformat() if fmt == "json" else observation.date,
        "value": observation.value,
    }
    if observation.channel:
        record["channel"] = observation.channel
    if observation.note:
        record["note"] = observation.note
    for key in COUNTS:
        if getattr(observation, key) is not None:
            record[key] = getattr(observation, key)
    for key in LISTS:
        if getattr(observation, key):
            record[key] = list(getattr(observation, key))
    return record


def dump(
    observations: Iterable[Observation],
    path: str | os.PathLike[str],
    format: ObservationFormat | None = None,  # noqa: A002
    *,
    force: bool = False,
) -> None:
    """Write observations to a file, atomically; the format comes from the suffix.

    As :func:`socialplan.dump` does for plans: if the file was read by :func:`load` and has
    changed since, nothing is written and :class:`~socialplan.FileChangedError` is raised,
    unless *force*; a file read in this run as anything else (a plan) is not written over
    (:class:`PermissionError`), nor is one beyond a symbolic link that leads out of its
    folder; a FIFO or a device is written into, not replaced.
    """
    from .._io.inputs import OBSERVATIONS

    fmt = format or format_of(path)
    write_atomic(Path(path), dumps(observations, fmt), kind=OBSERVATIONS, format=fmt, force=force)
