"""Observations: the numbers a team measures after launch, checked against the plan.

An :class:`Observation` is a metric's measured value at a date, optionally on
one channel (no channel: the metric's total). Observations come from a CSV
file (``metric,date,value`` then optional ``channel`` and ``note`` columns, in
any order), from a JSON or TOML file (a list of ``observations`` records with
the same keys), or from Python records (:func:`from_records`).

Loading checks every metric id, channel, date and value against the plan and
raises :class:`~socialplan.LoadError` with every problem at once, each located
by file, line and path (``observations[3].value``, counting data rows from 0):

- ``SP001`` the file is not UTF-8 text or not valid CSV, JSON or TOML, or a CSV
  row has more cells than the header has columns, or a column is written twice;
- ``SP003`` an unknown column or key (the hint suggests the nearest);
- ``SP004`` a required column, key or value is missing;
- ``SP005`` a value of the wrong type: a value that is not a number (``"1,200"``:
  no thousands separators), a metric id that is not text;
- ``SP006`` an invalid value: a date that does not exist, ``nan`` or ``inf``;
- ``SP009`` a metric the plan does not have;
- ``SP010`` a channel the plan does not have, or one the metric is not taken on;
- ``SP011`` a second value for the same metric, date and channel.

The result is sorted by metric, date and channel (no channel first), so the
same observations in any order load the same.

>>> import socialplan
>>> plan = socialplan.loads('''
... format = "socialplan/1"
... [plan]
... name = "Demo"
... [channels.fb]
... platform = "facebook"
... [metrics.followers]
... name = "Followers"
... channels = ["fb"]
... ''')
>>> found = loads("metric,date,value,channel\\nfollowers,2027-03-01,1200,fb\\n", plan)
>>> found[0].value, found[0].channel
(1200, 'fb')
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import numbers
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from ._core.diagnostics import (
    DUPLICATE_OBSERVATION,
    INVALID_VALUE,
    MISSING_KEY,
    SYNTAX,
    UNKNOWN_CHANNEL,
    UNKNOWN_KEY,
    UNKNOWN_METRIC,
    WRONG_TYPE,
    Diagnostic,
    FieldError,
    LoadError,
    Severity,
    file_order,
    format_path,
)
from ._core.escape import is_formula
from ._core.text import counted
from ._core.vocab import Suggester, did_you_mean
from ._io.convert import DATE_PATTERN, _check_date, _unknown, out_of_range, show
from ._io.parse import parse
from ._io.positions import PositionIndex, place
from ._io.write import write_atomic
from ._model import Plan

__all__ = [
    "COLUMNS",
    "Observation",
    "ObservationFormat",
    "dump",
    "dumps",
    "format_of",
    "from_records",
    "load",
    "loads",
]

#: The formats observations are read from and written to.
ObservationFormat = Literal["csv", "json", "toml"]

#: The columns (CSV) or keys (JSON, TOML, records) of an observation, in writing order.
COLUMNS = ("metric", "date", "value", "channel", "note")
_REQUIRED = ("metric", "date", "value")
_EXPECTED = {
    "metric": "a metric id of the plan",
    "date": "a date such as 2027-06-30",
    "value": "a number",
}
_SUFFIXES: dict[str, ObservationFormat] = {".csv": "csv", ".json": "json", ".toml": "toml"}
_LIST_LIMIT = 10


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


def _order(observation: Observation) -> tuple[str, dt.date, str]:
    return (observation.metric, observation.date, observation.channel or "")


# --- Checking records against the plan ------------------------------------------------------

#: Where a problem is: a record's index (None: the file or its header) and a key or column.
_Where = tuple[int | None, str | None]


@attrs.define
class _Checker:
    """Turns raw records into observations, keeping every problem with where it is."""

    plan: Plan
    textual: bool  # CSV: every value is text, numbers are parsed from it
    absent: set[str] = attrs.field(factory=set)  # required columns already reported missing
    problems: list[tuple[Diagnostic, _Where]] = attrs.field(factory=list)
    # built on the first unknown metric or channel: a file may name thousands
    suggesters: dict[str, Suggester] = attrs.field(factory=dict)

    def suggest(self, table: str, value: str) -> str | None:
        """The id of the plan's *table* (``metrics``, ``channels``) nearest to *value*."""
        suggest = self.suggesters.get(table)
        if suggest is None:
            suggest = self.suggesters[table] = Suggester(getattr(self.plan, table))
        return suggest(value)

    def report(
        self, code: str, where: _Where, message: str, hint: str | None = None, path: str = ""
    ) -> None:
        if not path and where[0] is not None:
            segments: list[str | int] = ["observations", where[0]]
            if where[1] is not None:
                segments.append(where[1])
            path = format_path(segments)
        diagnostic = Diagnostic(
            code=code, severity=Severity.ERROR, message=message, path=path, hint=hint
        )
        self.problems.append((diagnostic, where))

    def records(
        self,
        rows: Iterable[tuple[int, Mapping[str, object]]],
        line_of: Callable[[int | None, str | None], int | None],
    ) -> list[Observation]:
        """Check each (index, record); records hold only the keys given, unknown ones included."""
        found: list[Observation] = []
        first: dict[tuple[str, dt.date, str | None], int] = {}
        for index, record in rows:
            unknown = [key for key in record if key not in COLUMNS]
            for key in unknown:
                diagnostic = _unknown(["observations", index, key], COLUMNS)
                self.problems.append((diagnostic, (index, key)))
            metric = self.metric(index, record)
            when = self.date(index, record)
            value = self.value(index, record)
            channel_ok, channel = self.channel(index, record, metric)
            note = self.note(index, record)
            if metric is None or when is None or not channel_ok:
                continue
            identity = (metric, when, channel)
            if identity in first:
                self.duplicate(index, first[identity], identity, line_of)
                continue
            first[identity] = index
            if value is not None:
                found.append(
                    Observation(metric=metric, date=when, value=value, channel=channel, note=note)
                )
        return found

    def _given(self, index: int, record: Mapping[str, object], key: str) -> object | None:
        """The value of a required key, or None after reporting it missing."""
        value = record.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if key not in self.absent:
                given = key in record or self.textual
                message = "required value missing" if given else "required key missing"
                path = format_path(["observations", index, key])
                hint = f"expected {_EXPECTED[key]}"
                self.report(MISSING_KEY, (index, None), message, hint, path)
            return None
        return value

    def _text(self, index: int, key: str, value: object) -> str | None:
        if isinstance(value, str):
            return value.strip() if self.textual else value
        self.report(WRONG_TYPE, (index, key), f"{show(value)} is not a string")
        return None

    def metric(self, index: int, record: Mapping[str, object]) -> str | None:
        given = self._given(index, record, "metric")
        metric = None if given is None else self._text(index, "metric", given)
        if metric is None:
            return None
        if metric not in self.plan.metrics:
            near = self.suggest("metrics", metric)
            hint = f'did you mean "{near}"?' if near else _listing("metrics", self.plan.metrics)
            message = f"{show(metric)} is not a metric of the plan"
            self.report(UNKNOWN_METRIC, (index, "metric"), message, hint)
            return None
        return metric

    def date(self, index: int, record: Mapping[str, object]) -> dt.date | None:
        given = self._given(index, record, "date")
        if given is None:
            return None
        if isinstance(given, str) and self.textual:
            given = given.strip()
        try:
            return _check_date(given, dt.date)
        except FieldError as exc:
            hint = None
            if isinstance(given, str):
                shaped = DATE_PATTERN.fullmatch(given)
                hint = "there is no such day" if shaped else "write dates as YYYY-MM-DD"
            message = f"{show(given)} is not {exc.expected}"
            self.report(exc.code, (index, "date"), message, hint)
            return None

    def value(self, index: int, record: Mapping[str, object]) -> int | float | None:
        given = self._given(index, record, "value")
        if given is None:
            return None
        if isinstance(given, str):
            if self.textual:
                return self._parse_number(index, given.strip())
            number = _number(given.strip())
            hint = (
                f"a number, not text: write {given.strip()} without quotes"
                if number is not None and _finite(number)
                else _number_hint(given.strip())
            )
            self.report(WRONG_TYPE, (index, "value"), f"{show(given)} is not a number", hint)
            return None
        if isinstance(given, bool) or not isinstance(given, numbers.Real):
            self.report(WRONG_TYPE, (index, "value"), f"{show(given)} is not a number")
            return None
        number = given if isinstance(given, int) else _plain(given)
        if not _finite(number):
            self.report(INVALID_VALUE, (index, "value"), f"{show(given)} is not a finite number")
            return None
        return self._in_range(index, given, number)

    def _in_range(self, index: int, given: object, number: int | float) -> int | float | None:
        """*number*, or None after reporting it beyond the range of a plan's numbers."""
        beyond = out_of_range(number)
        if beyond is None:
            return number
        self.report(INVALID_VALUE, (index, "value"), f"{show(given)} is not {beyond}")
        return None

    def _parse_number(self, index: int, text: str) -> int | float | None:
        number = _number(text)
        if number is None:
            message = f"{show(text)} is not a number"
            self.report(WRONG_TYPE, (index, "value"), message, _number_hint(text))
            return None
        if _NOT_FINITE.fullmatch(text):
            self.report(INVALID_VALUE, (index, "value"), f"{show(text)} is not a finite number")
            return None
        return self._in_range(index, text, number)

    def channel(
        self, index: int, record: Mapping[str, object], metric: str | None
    ) -> tuple[bool, str | None]:
        """Whether the channel is fine, and the channel (None: the metric's total)."""
        given = record.get("channel")
        if given is None or (isinstance(given, str) and not given.strip()):
            return True, None
        channel = self._text(index, "channel", given)
        if channel is None:
            return False, None
        where = (index, "channel")
        if channel not in self.plan.channels:
            near = self.suggest("channels", channel)
            hint = f'did you mean "{near}"?' if near else _listing("channels", self.plan.channels)
            message = f"{show(channel)} is not a channel of the plan"
            self.report(UNKNOWN_CHANNEL, where, message, hint)
            return False, None
        if metric is None:
            return True, channel
        taken_on = self.plan.metrics[metric].channels
        if taken_on and channel not in taken_on:
            message = f"the metric {show(metric)} is not taken on {show(channel)}"
            listed = ", ".join(taken_on)
            hint = (
                f"{show(metric)} is taken on {listed}; correct the channel, "
                f"or add {show(channel)} to the metric's channels in the plan"
            )
            self.report(UNKNOWN_CHANNEL, where, message, hint)
            return False, None
        return True, channel

    def note(self, index: int, record: Mapping[str, object]) -> str | None:
        given = record.get("note")
        if given is None:
            return None
        note = self._text(index, "note", given)
        if note is None or not note:
            return None
        return _unescape(note) if self.textual else note

    def duplicate(
        self,
        index: int,
        earlier: int,
        identity: tuple[str, dt.date, str | None],
        line_of: Callable[[int | None, str | None], int | None],
    ) -> None:
        metric, when, channel = identity
        on = f" on {show(channel)}" if channel else " (no channel)"
        line = line_of(earlier, None)
        first = f"at line {line}" if line is not None else f"in observations[{earlier}]"
        message = (
            f"a second value for {show(metric)} on {when.isoformat()}{on}; the first is {first}"
        )
        hint = "keep one: a metric has one value per date and channel"
        self.report(DUPLICATE_OBSERVATION, (index, None), message, hint)

    def error(
        self, line_of: Callable[[int | None, str | None], int | None], file: str | None
    ) -> LoadError:
        placed = [
            attrs.evolve(diagnostic, line=line_of(*where), file=file)
            for diagnostic, where in self.problems
        ]
        placed.sort(key=lambda d: d.line if d.line is not None else 0)
        return LoadError(placed, file=file)


def _listing(what: str, known: Iterable[str]) -> str:
    names = list(known)
    if not names:
        return f"the plan has no {what}"
    shown = ", ".join(names[:_LIST_LIMIT]) + (", …" if len(names) > _LIST_LIMIT else "")
    return f"the plan's {what}: {shown}"


# --- Numbers in text --------------------------------------------------------------------------

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
_THOUSANDS = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]*,[0-9]+")


def _number(text: str) -> int | float | None:
    """The number *text* writes with a dot decimal and no separators, else None.

    Too many digits for ``int()`` (4,300) make an infinite float: too big either way.
    """
    if _INTEGER.fullmatch(text):
        return int(text) if len(text) < 4000 else float(text)
    if _DECIMAL.fullmatch(text) or _NOT_FINITE.fullmatch(text):
        return float(text)
    return None


def _plain(value: numbers.Real) -> int | float:
    """A number as a plain int or float (numpy and Decimal numbers included)."""
    return int(value) if isinstance(value, numbers.Integral) else float(value)


def _finite(number: int | float) -> bool:
    return isinstance(number, int) or (number == number and abs(number) != float("inf"))


def _number_hint(text: str) -> str:
    if _THOUSANDS.fullmatch(text):
        return f"write {text.replace(',', '')}: no thousands separators, and a dot for decimals"
    if _DECIMAL_COMMA.fullmatch(text):
        return f"write {text.replace(',', '.')}: a dot for decimals"
    bare = text.strip().rstrip("%").strip()
    if bare != text and _number(bare) is not None:
        return f"write the number alone: {bare}"
    return "expected a number with a dot for decimals, such as 1200 or 12.5"


# --- Spreadsheet-safe notes -------------------------------------------------------------------


def _needs_quote(text: str) -> bool:
    return is_formula(text.lstrip("'"))


def _escape(note: str) -> str:
    """A note no spreadsheet runs as a formula: a leading ``'`` where one would.

    Notes already starting with quotes before a formula character get one more,
    so that :func:`_unescape` gives back exactly the note written.
    """
    return "'" + note if _needs_quote(note) else note


def _unescape(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _needs_quote(cell[1:]) else cell


# --- CSV --------------------------------------------------------------------------------------


def _read_csv(text: str, checker: _Checker, file: str | None) -> list[Observation]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, skipinitialspace=True)
    header: list[str] | None = None
    header_line = 1
    rows: list[tuple[int, dict[str, object]]] = []
    row_lines: list[int] = []
    unnamed: set[int] = set()  # columns without a name found holding a value
    read = 0
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            unclosed = "unexpected end of data" in str(exc)
            line = start if unclosed else reader.line_num
            hint = 'a quote (") opened on this line is never closed' if unclosed else None
            raise LoadError(
                [_located(SYNTAX, f"not valid CSV: {exc}", line, file, hint=hint)], file=file
            ) from None
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if header is None:
            header, header_line = cells, start
            if not _check_header(header, checker):
                break
            continue
        index = read
        read += 1
        row_lines.append(start)
        if len(cells) > len(header):
            message = (
                f"{counted(len(cells), 'cell')}, "
                f"but the header names {counted(len(header), 'column')}"
            )
            hint = (
                "quote a cell that holds a comma, and write numbers "
                "without thousands separators (1200)"
            )
            checker.report(SYNTAX, (index, None), message, hint, path=f"observations[{index}]")
            continue
        for position, (name, cell) in enumerate(zip(header, cells, strict=False), start=1):
            if not name and cell and position not in unnamed:
                unnamed.add(position)
                message = f"column {position} has no name, but holds {show(cell)}"
                checker.report(UNKNOWN_KEY, (index, None), message, "name the column")
        rows.append((index, {c: v for c, v in zip(header, cells, strict=False) if c in COLUMNS}))

    def line_of(index: int | None, _key: str | None) -> int | None:
        return header_line if index is None else row_lines[index]

    if header is None:
        message = "the file is empty: the first line names the columns"
        checker.report(MISSING_KEY, (None, None), message, "write metric,date,value[,channel,note]")
    found = checker.records(rows, line_of)
    if checker.problems:
        raise checker.error(line_of, file)
    return found


def _check_header(header: list[str], checker: _Checker) -> bool:
    """Report the header's problems; False when there is no header at all."""
    header_only = (None, None)
    if not any(name in COLUMNS or did_you_mean(name, COLUMNS) for name in header):
        message = f"no header row: the first line is {show(','.join(header))}"
        hint = "start with a line naming the columns: metric,date,value[,channel,note]"
        checker.report(MISSING_KEY, header_only, message, hint)
        return False
    seen: set[str] = set()
    for name in header:
        if not name:
            continue  # an empty column without a name (a trailing comma) is harmless
        if name in seen:
            message = f"the column {show(name)} is written twice"
            hint = "keep one: the second would silently replace the first"
            checker.report(SYNTAX, header_only, message, hint)
        elif name not in COLUMNS:
            near = did_you_mean(name, COLUMNS)
            hint = f'did you mean "{near}"?' if near else "expected one of: " + ", ".join(COLUMNS)
            checker.report(UNKNOWN_KEY, header_only, f"unknown column {show(name)}", hint)
        seen.add(name)
    for name in _REQUIRED:
        if name not in seen:
            message = f"required column {show(name)} missing"
            hint = "the header names metric, date, value, then optionally channel and note"
            checker.report(MISSING_KEY, header_only, message, hint)
            checker.absent.add(name)
    return True


def _located(
    code: str, message: str, line: int | None, file: str | None, *, hint: str | None = None
) -> Diagnostic:
    return Diagnostic(
        code=code, severity=Severity.ERROR, message=message, hint=hint, line=line, file=file
    )


# --- JSON and TOML ----------------------------------------------------------------------------


def _read_document(
    text: str, fmt: Literal["json", "toml"], checker: _Checker, file: str | None
) -> list[Observation]:
    data = parse(text, fmt, file)
    document = _Document(text, fmt)
    kind = "an object" if fmt == "json" else "a table"
    records = _top_level(data, kind, checker)
    found = checker.records(records, document.line_of)
    if checker.problems:
        raise document.error((d for d, _ in checker.problems), file)
    return found


def _top_level(
    data: object, kind: str, checker: _Checker
) -> list[tuple[int, Mapping[str, object]]]:
    if not isinstance(data, Mapping):
        message = f'{show(data)} is not {kind} with an "observations" list'
        hint = 'write {"observations": [...]}' if kind == "an object" else None
        checker.report(WRONG_TYPE, (None, None), message, hint)
        return []
    for key in data:
        if key != "observations":
            diagnostic = _unknown([key], ["observations"])
            checker.problems.append((diagnostic, (None, key)))
    if "observations" not in data:
        hint = "expected a list of observations"
        checker.report(MISSING_KEY, (None, None), "required key missing", hint, "observations")
        return []
    return _listed(data["observations"], kind, checker)


def _listed(
    records: object, kind: str, checker: _Checker
) -> list[tuple[int, Mapping[str, object]]]:
    where = (None, "observations")
    if isinstance(records, str | bytes | Mapping) or not isinstance(records, Iterable):
        message = f"{show(records)} is not a list of observations"
        checker.report(WRONG_TYPE, where, message, path="observations")
        return []
    out: list[tuple[int, Mapping[str, object]]] = []
    for index, record in enumerate(records):
        if isinstance(record, Mapping):
            out.append((index, record))
        else:
            message = f"{show(record)} is not {kind} of metric, date and value"
            checker.report(WRONG_TYPE, (index, None), message)
    return out


class _Document:
    """Where each record (and key) of a JSON or TOML observations document is, indexed once
    on the first question."""

    def __init__(self, text: str, fmt: str) -> None:
        self.text, self.fmt = text, fmt
        self._index: PositionIndex | None = None

    @property
    def index(self) -> PositionIndex:
        if self._index is None:
            self._index = PositionIndex.of(self.text, self.fmt)
        return self._index

    def line_of(self, record: int | None, key: str | None) -> int | None:
        segments: list[str | int] = ["observations"] if record is None else ["observations", record]
        if key is not None:
            segments = [key] if record is None else [*segments, key]
        return self.index.span(segments).line

    def error(self, problems: Iterable[Diagnostic], file: str | None) -> LoadError:
        placed = place(problems, self.text, self.fmt, file, self.index)
        return LoadError(sorted(placed, key=file_order), file=file)


# --- Public functions -------------------------------------------------------------------------


def _decode(raw: bytes, file: str | None) -> str:
    from ._io.parse import decode

    return decode(raw, file, hint="save the file as UTF-8 (in a spreadsheet: CSV UTF-8)")


def loads(
    text: str | bytes,
    plan: Plan,
    format: ObservationFormat | None = None,  # noqa: A002
    *,
    file: str | None = None,
) -> tuple[Observation, ...]:
    """Load observations of *plan* from CSV, JSON or TOML text.

    Without a *format*, text that starts as JSON (``{``) or TOML does (a table
    header, a key, a comment) is read as such, any other as CSV. A *format*
    given is the format read; CSV that looks like JSON or TOML is refused,
    saying so.

    Raises :class:`~socialplan.LoadError` with every problem found, each with
    its line and path; *file* names the source in those messages. The result
    is sorted by metric, date and channel.

    >>> import socialplan
    >>> plan = socialplan.loads('''
    ... format = "socialplan/1"
    ... [plan]
    ... name = "Demo"
    ... [metrics.followers]
    ... name = "Followers"
    ... ''')
    >>> try:
    ...     loads("metric,date,value\\nfolowers,2027-02-30,\\"1,200\\"\\n", plan, file="obs.csv")
    ... except socialplan.LoadError as error:
    ...     for problem in error.diagnostics:
    ...         print(problem.line, problem.code, problem.path, problem.hint)
    2 SP009 observations[0].metric did you mean "followers"?
    2 SP006 observations[0].date there is no such day
    2 SP005 observations[0].value write 1200: no thousands separators, and a dot for decimals
    """
    from ._io.parse import looks_like, wrong_format_hint

    if format not in (None, "csv", "json", "toml"):
        raise ValueError(f"unknown format {format!r}; expected 'csv', 'json' or 'toml'")
    if isinstance(text, bytes):
        text = _decode(text, file)
    text = text.removeprefix("\ufeff")
    looks = looks_like(text)
    if format is None:
        format = "json" if looks == "json" else "toml" if looks == "toml" else "csv"  # noqa: A001
    elif format == "csv" and looks is not None:  # no header of columns starts so
        message = f"not valid CSV: the text starts as {looks.upper()} does"
        hint = wrong_format_hint(text, format, file)
        raise LoadError([_located(SYNTAX, message, 1, file, hint=hint)], file=file)
    checker = _Checker(plan=plan, textual=format == "csv")
    if format == "csv":
        found = _read_csv(text, checker, file)
    else:
        found = _read_document(text, format, checker, file)
    return tuple(sorted(found, key=_order))


def format_of(path: str | os.PathLike[str]) -> ObservationFormat:
    """The format a file's suffix names; ``ValueError`` for any other suffix."""
    from ._io.files import format_from_suffix

    return format_from_suffix(path, _SUFFIXES)


def load(
    path: str | os.PathLike[str],
    plan: Plan,
    format: ObservationFormat | None = None,  # noqa: A002
) -> tuple[Observation, ...]:
    """Load observations of *plan* from a ``.csv``, ``.json`` or ``.toml`` file.

    The format comes from the suffix unless *format* is given. Raises
    :class:`~socialplan.LoadError` for anything wrong in the file and
    :class:`OSError` when it cannot be read.
    """
    from ._io.inputs import OBSERVATIONS, remember

    fmt = format or format_of(path)
    data = Path(path).read_bytes()
    remember(path, OBSERVATIONS, data)
    return loads(data, plan, fmt, file=os.fspath(path))


def from_records(records: Iterable[Mapping[str, object]], plan: Plan) -> tuple[Observation, ...]:
    """Check Python records (mappings of metric, date, value, channel, note) against *plan*.

    Values are typed as in JSON: *date* a :class:`datetime.date` or an ISO
    string, *value* a number (numpy's included, booleans not). Problems raise
    :class:`~socialplan.LoadError`, with paths but no lines.

    >>> import datetime as dt, socialplan
    >>> plan = socialplan.Plan(name="Demo", metrics={"leads": socialplan.Metric(name="Leads")})
    >>> from_records([{"metric": "leads", "date": dt.date(2027, 3, 1), "value": 4}], plan)
    (Observation(metric='leads', date=datetime.date(2027, 3, 1), value=4, channel=None, note=None),)
    """
    checker = _Checker(plan=plan, textual=False)

    def nowhere(_index: int | None, _key: str | None) -> int | None:
        return None

    found = checker.records(_listed(records, "a mapping", checker), nowhere)
    if checker.problems:
        raise checker.error(nowhere, None)
    return tuple(sorted(found, key=_order))


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
    value`` and ``channel`` and ``note`` only when some observation has one;
    lines end in ``\\n``; a note a spreadsheet would run as a formula gets a
    leading ``'``, which loading removes. Surrounding spaces of a note are not
    kept in CSV.

    >>> print(dumps([Observation(metric="leads", date=dt.date(2027, 3, 1), value=4)]), end="")
    metric,date,value
    leads,2027-03-01,4
    """
    ordered = sorted(observations, key=_order)
    if format == "csv":
        columns = [c for c in COLUMNS if c in _REQUIRED or any(getattr(o, c) for o in ordered)]
        lines = [",".join(columns)]
        for o in ordered:
            cells = {
                "metric": _csv_cell(o.metric),
                "date": o.date.isoformat(),
                "value": _number_text(o.value),
                "channel": _csv_cell(o.channel or ""),
                "note": _csv_cell(_escape(o.note or "")),
            }
            lines.append(",".join(cells[c] for c in columns))
        return "\n".join(lines) + "\n"
    from ._core.escape import escaped_controls

    records = [_record(o, format) for o in ordered]
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


def _record(observation: Observation, fmt: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "metric": observation.metric,
        "date": observation.date.isoformat() if fmt == "json" else observation.date,
        "value": observation.value,
    }
    if observation.channel:
        record["channel"] = observation.channel
    if observation.note:
        record["note"] = observation.note
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
    from ._io.inputs import OBSERVATIONS

    fmt = format or format_of(path)
    write_atomic(Path(path), dumps(observations, fmt), kind=OBSERVATIONS, force=force)
