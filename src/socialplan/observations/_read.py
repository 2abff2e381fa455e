"""Reading observations: CSV, JSON and TOML text, files and Python records."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import attrs

from .._core.diagnostics import (
    MISSING_KEY,
    SYNTAX,
    UNKNOWN_KEY,
    WRONG_TYPE,
    Diagnostic,
    LoadError,
    Severity,
    file_order,
)
from .._core.limits import DEFAULT_LIMITS, Limits, size_problem
from .._core.text import counted, show
from .._core.vocab import did_you_mean
from .._io.convert import unknown_key
from .._io.parse import parse_all
from .._io.positions import PositionIndex, place
from .._model import Plan
from ._check import Checker
from ._record import (
    ALL_COLUMNS,
    COLUMNS,
    READING,
    REQUIRED,
    Observation,
    ObservationFormat,
    format_of,
    sort_key,
)

# --- CSV --------------------------------------------------------------------------------------


def _read_csv(text: str, checker: Checker, file: str | None) -> list[Observation]:
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
        kept: dict[str, object] = {
            c: v for c, v in zip(header, cells, strict=False) if c in ALL_COLUMNS
        }
        rows.append((index, kept))

    def line_of(index: int | None, _key: str | None) -> int | None:
        return header_line if index is None else row_lines[index]

    if header is None:
        message = "the file is empty: the first line names the columns"
        checker.report(MISSING_KEY, (None, None), message, "write metric,date,value[,channel,note]")
    found = checker.records(rows, line_of)
    if checker.problems:
        raise checker.error(line_of, file)
    return found


def _check_header(header: list[str], checker: Checker) -> bool:
    """Report the header's problems; False when there is no header at all."""
    header_only = (None, None)
    if not any(name in ALL_COLUMNS or did_you_mean(name, ALL_COLUMNS) for name in header):
        message = f"no header row: the first line is {show(','.join(header))}"
        hint = "start with a line naming the columns: metric,date,value[,channel,note]"
        split = [part.strip() for cell in header for part in cell.replace("\t", ";").split(";")]
        if len(split) > len(header) and any(name in COLUMNS for name in split):
            hint = "separate the columns with commas: metric,date,value[,channel,note]"
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
        elif name not in ALL_COLUMNS:
            near = did_you_mean(name, ALL_COLUMNS)
            listed = ", ".join(ALL_COLUMNS)
            hint = f'did you mean "{near}"?' if near else "expected one of: " + listed
            checker.report(UNKNOWN_KEY, header_only, f"unknown column {show(name)}", hint)
        seen.add(name)
    for name in REQUIRED:
        if name == "value" and seen.intersection(READING):
            continue  # a file of readings counts the mentions of each from its sentiment
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
    text: str, fmt: Literal["json", "toml"], checker: Checker, file: str | None
) -> list[Observation]:
    data, early = parse_all(text, fmt, file)
    document = _Document(text, fmt)
    kind = "an object" if fmt == "json" else "a table"
    records = _top_level(data, kind, checker)
    found = checker.records(records, document.line_of)
    if checker.problems or early:
        reported = {d.path for d in early}  # a value the parser could not take as written
        later = (d for d, _ in checker.problems if d.path not in reported)
        raise document.error(later, file, early)
    return found


def _top_level(data: object, kind: str, checker: Checker) -> list[tuple[int, Mapping[str, object]]]:
    if not isinstance(data, Mapping):
        message = f'{show(data)} is not {kind} with an "observations" list'
        hint = 'write {"observations": [...]}' if kind == "an object" else None
        checker.report(WRONG_TYPE, (None, None), message, hint)
        return []
    for key in data:
        if key != "observations":
            diagnostic = unknown_key([key], ["observations"])
            checker.problems.append((diagnostic, (None, key)))
    if "observations" not in data:
        hint = "expected a list of observations"
        checker.report(MISSING_KEY, (None, None), "required key missing", hint, "observations")
        return []
    return _listed(data["observations"], kind, checker)


def _listed(records: object, kind: str, checker: Checker) -> list[tuple[int, Mapping[str, object]]]:
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

    def error(
        self, problems: Iterable[Diagnostic], file: str | None, placed: Sequence[Diagnostic] = ()
    ) -> LoadError:
        """Every problem of the document, with those *placed* already (the parser's)."""
        found = [*placed, *place(problems, self.text, self.fmt, file, self.index)]
        return LoadError(sorted(found, key=file_order), file=file)


# --- Public functions -------------------------------------------------------------------------


def _decode(raw: bytes, file: str | None) -> str:
    from .._io.parse import decode

    return decode(raw, file, hint="save the file as UTF-8 (in a spreadsheet: CSV UTF-8)")


def loads(
    text: str | bytes,
    plan: Plan,
    format: ObservationFormat | None = None,  # noqa: A002
    *,
    file: str | None = None,
    limits: Limits | None = None,
) -> tuple[Observation, ...]:
    """Load observations of *plan* from CSV, JSON or TOML text.

    Without a *format*, text that starts as JSON (``{``) or TOML does (a table
    header, a key, a comment) is read as such, any other as CSV. A *format*
    given is the format read; CSV that looks like JSON or TOML is refused,
    saying so.

    Raises :class:`~socialplan.LoadError` with every problem found, each with
    its line and path; *file* names the source in those messages. Text over the
    ``max_bytes`` of *limits* (by default :class:`~socialplan.Limits`') is refused
    with SP008 before it is read. The result is sorted by metric, date and channel.

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
    from .._io.parse import looks_like, wrong_format_hint

    if format not in (None, "csv", "json", "toml"):
        raise ValueError(f"unknown format {format!r}; expected 'csv', 'json' or 'toml'")
    unit = "bytes" if isinstance(text, bytes) else "characters"
    too_big = size_problem(len(text), limits or DEFAULT_LIMITS, unit)
    if too_big is not None:
        raise LoadError([attrs.evolve(too_big, file=file)], file=file)
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
    checker = Checker(plan=plan, textual=format == "csv")
    if format == "csv":
        found = _read_csv(text, checker, file)
    else:
        found = _read_document(text, format, checker, file)
    return tuple(sorted(found, key=sort_key))


def load(
    path: str | os.PathLike[str],
    plan: Plan,
    format: ObservationFormat | None = None,  # noqa: A002
    *,
    limits: Limits | None = None,
) -> tuple[Observation, ...]:
    """Load observations of *plan* from a ``.csv``, ``.json`` or ``.toml`` file.

    The format comes from the suffix unless *format* is given. Raises
    :class:`~socialplan.LoadError` for anything wrong in the file (a file over the
    ``max_bytes`` of *limits* is not read at all: a year of a big plan's measurements is a
    few megabytes) and :class:`OSError` when it cannot be read.
    """
    from .._io.files import read_limited
    from .._io.inputs import OBSERVATIONS, remember

    fmt = format or format_of(path)
    data = read_limited(os.fspath(path), limits or DEFAULT_LIMITS)
    remember(path, OBSERVATIONS, data, fmt)
    return loads(data, plan, fmt, file=os.fspath(path), limits=limits)


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
    checker = Checker(plan=plan, textual=False)

    def nowhere(_index: int | None, _key: str | None) -> int | None:
        return None

    found = checker.records(_listed(records, "a mapping", checker), nowhere)
    if checker.problems:
        raise checker.error(nowhere, None)
    return tuple(sorted(found, key=sort_key))
