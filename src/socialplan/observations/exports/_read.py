"""Reading an export: find its layout, read every cell by the file's locale, say every
problem at once."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from ..._core.diagnostics import (
    INVALID_VALUE,
    MISSING_KEY,
    SYNTAX,
    WRONG_TYPE,
    Diagnostic,
    LoadError,
    Severity,
    file_order,
    format_path,
)
from ..._core.limits import DEFAULT_LIMITS, Limits
from ..._core.text import show
from . import _dates, _numbers
from ._layouts import (
    DATE_COLUMNS,
    FRACTIONAL,
    HEADERS,
    KEY_COLUMNS,
    LAYOUTS,
    LIFETIME,
    META_DAILY,
    META_METRICS,
    TEXT_COLUMNS,
    TOTALS,
    Layout,
    header_of,
    normal,
    slug,
    spanish,
)
from ._model import Export, ExportRow
from ._sources import Cell, Table, tables

_PREAMBLE = re.compile(
    r"#\s*(start date|end date|fecha de inicio|fecha de finalizaci[oó]n)\s*:\s*(\S+)",
    re.IGNORECASE,
)
_SCAN = 30  # rows searched for the header


@attrs.define
class _Options:
    file: str | None
    year: int | None
    decimal: _numbers.Mark | None
    day_first: bool | None


@attrs.define
class _Sheet:
    """The problems of one table, and where its cells are."""

    options: _Options
    sheet: str | None
    found: list[Diagnostic] = attrs.Factory(list)

    def add(
        self,
        code: str,
        message: str,
        hint: str | None,
        line: int | None,
        path: Sequence[str | int] = (),
    ) -> None:
        segments = [self.sheet, *path] if self.sheet and path else list(path)
        where = f'sheet "{self.sheet}": ' if self.sheet and not path else ""
        self.found.append(
            Diagnostic(
                code=code,
                severity=Severity.ERROR,
                message=where + message,
                hint=hint,
                line=line,
                file=self.options.file,
                path=format_path(segments) if segments else "",
            )
        )


@attrs.define
class _Cell:
    index: int  # data row, from 0
    line: int
    column: int  # 1-based
    header: str
    name: str  # canonical

    def where(self) -> str:
        return f"column {self.column} ({show(self.header)})"

    def path(self) -> list[str | int]:
        return ["rows", self.index, self.name]


@attrs.frozen
class _Header:
    layout: Layout
    row: int  # index into the table's rows
    names: tuple[str | None, ...]  # canonical per column, None for an unnamed one
    spanish: bool
    metric: str | None = None  # Meta's page files: what "Primary" holds


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _meta_daily(cells: list[str], before: list[str] | None) -> _Header | None:
    named = [c for c in cells if c]
    if len(named) != 2 or normal(named[0]) not in META_DAILY[0]:
        return None
    if normal(named[1]) not in META_DAILY[1] or not before or len(before) != 1:
        return None
    metric_line = normal(before[0])
    platform = "instagram" if "instagram" in metric_line else "facebook"
    metric = META_METRICS.get(metric_line, slug(before[0]))
    layout = Layout(platform, "daily", "per_day", frozenset({"date"}))
    return _Header(layout, -1, ("date", metric), spanish(cells), metric)


def _find_header(table: Table, problems: _Sheet) -> _Header | None:
    best: tuple[int, _Header] | None = None
    near: tuple[float, Layout, frozenset[str]] | None = None
    before: list[str] | None = None
    for index, (_line, raw) in enumerate(table.rows[:_SCAN]):
        cells = [_text(c) for c in raw]
        if not any(cells) or cells[0].startswith("#"):
            continue
        daily = _meta_daily(cells, before)
        if daily is not None:
            return attrs.evolve(daily, row=index)
        before = [c for c in cells if c]
        for layout in LAYOUTS:
            if table.platform and layout.platform != table.platform:
                continue
            known = HEADERS[layout.platform]
            names = [known.get(normal(c)) for c in cells]
            present = {n for n in names if n}
            if layout.markers <= present:
                score = len(present)
                if best is None or score > best[0]:
                    full = tuple(
                        n or (slug(c) if c else None) for n, c in zip(names, cells, strict=True)
                    )
                    best = (score, _Header(layout, index, full, spanish(cells)))
            elif len(present) >= 3:
                share = len(layout.markers & present) / len(layout.markers)
                if share and (near is None or share > near[0]):
                    near = (share, layout, layout.markers - present)
        if best is not None:
            return best[1]
    if near is not None:
        _, layout, missing = near
        columns = ", ".join(show(header_of(layout.platform, m)) for m in sorted(missing))
        problems.add(
            MISSING_KEY,
            f"the {layout.platform} {layout.name} export needs the column {columns}",
            "export the file again with that column",
            _first_line(table),
        )
    elif not table.workbook:
        first = next((r for r in table.rows if any(_text(c) for c in r[1])), None)
        shown = show(",".join(_text(c) for c in first[1])) if first else "empty"
        problems.add(
            SYNTAX,
            f"not an export socialplan knows: its header is {shown}",
            "expected an export of " + ", ".join(sorted({la.platform for la in LAYOUTS})),
            first[0] if first else 1,
        )
    return None


def _first_line(table: Table) -> int:
    return next((line for line, cells in table.rows if any(_text(c) for c in cells)), 1)


def _preamble(table: Table, header: _Header, problems: _Sheet) -> tuple[dt.date, dt.date] | None:
    ends: dict[str, dt.date] = {}
    for line, cells in table.rows[: header.row]:
        match = _PREAMBLE.match(_text(cells[0]) if cells else "")
        if match is None:
            continue
        which = "start" if match[1].lower().startswith(("start", "fecha de inicio")) else "end"
        try:
            ends[which] = dt.datetime.strptime(match[2], "%Y%m%d").date()
        except ValueError:
            problems.add(
                INVALID_VALUE,
                f"{show(match[2])} is not a date such as 20260801",
                "the preamble's dates are written YYYYMMDD",
                line,
            )
    if "start" in ends and "end" in ends:
        return (ends["start"], ends["end"])
    return None


def _read_table(table: Table, options: _Options) -> tuple[Export | None, list[Diagnostic]]:
    problems = _Sheet(options, table.sheet)
    header = _find_header(table, problems)
    if header is None:
        return None, problems.found
    period = _preamble(table, header, problems)
    head_cells = [_text(c) for c in table.rows[header.row][1]]
    names = list(header.names)
    columns: dict[str, int] = {}
    for position, name in enumerate(names, start=1):
        if name is None:
            continue
        if name in columns:
            first = columns[name]
            message = (
                f"columns {first} ({show(head_cells[first - 1])}) and {position} "
                f"({show(head_cells[position - 1])}) both hold {name}"
            )
            problems.add(SYNTAX, message, "keep one of them", table.rows[header.row][0])
            names[position - 1] = None
            continue
        columns[name] = position
    numbers: list[tuple[_Cell, _numbers.Written]] = []
    dates: list[tuple[_Cell, _dates.Written]] = []
    rows: list[tuple[int, dict[str, float | str | None], dict[str, dt.date | None]]] = []
    metric = header.metric
    data = list(table.rows[header.row + 1 :])
    words = _word_columns(names, data, set(HEADERS[header.layout.platform].values()))
    skip_next = False
    for position, (line, raw) in enumerate(data):
        cells = [_text(c) for c in raw]
        if skip_next:
            skip_next = False
            continue
        if not any(cells):
            continue
        if cells[0].startswith("#"):
            break  # a GA4 file's next table: only the first is read
        if metric is not None and len([c for c in cells if c]) == 1 and position + 1 < len(data):
            following = [_text(c) for c in data[position + 1][1]]
            block = _meta_daily(following, [c for c in cells if c])
            if block is not None:  # Meta's page file: the next metric's block
                metric = block.metric or metric
                if metric not in columns:
                    columns[metric] = 2
                names = ["date", metric]
                skip_next = True
                continue
        if normal(cells[0]) in TOTALS:
            continue
        index = len(rows)
        if len(raw) > len(names) and any(cells[len(names) :]):
            message = f"{len(cells)} cells, but the header names {len(names)} columns"
            problems.add(
                SYNTAX, message, "quote a cell that holds the separator", line, ["rows", index]
            )
        values: dict[str, float | str | None] = {}
        when: dict[str, dt.date | None] = {}
        for number, name in enumerate(names, start=1):
            if name is None:
                continue
            cell = raw[number - 1] if number <= len(raw) else None
            text = _text(cell)
            place = _Cell(index, line, number, head_cells[number - 1] or name, name)
            if name in DATE_COLUMNS:
                when[name] = _date_cell(cell, text, place, dates, problems)
            elif name in TEXT_COLUMNS or name in words:
                values[name] = text or None
            else:
                values[name] = _number_cell(cell, text, place, numbers, problems)
        rows.append((line, values, when))
    _settle_numbers(numbers, rows, options, problems, head_cells)
    resolved = _settle_dates(dates, options, header, period, problems)
    found_rows = []
    for line, values, when in rows:
        for name, value in when.items():
            if value is None and (line, name) in resolved:
                when[name] = resolved[(line, name)]
        day = next((when[n] for n in DATE_COLUMNS if when.get(n) is not None), None)
        key = next((str(values[n]) for n in KEY_COLUMNS if values.get(n)), None)
        shown = {n: columns[n] for n in [*values, *when] if n in columns}
        found_rows.append(ExportRow(line=line, date=day, key=key, values=values, columns=shown))
    if period is None:
        days = [r.date for r in found_rows if r.date is not None]
        period = (min(days), max(days)) if days else None
    export = Export(
        file=options.file,
        platform=header.layout.platform,
        layout=header.layout.name,
        shape=header.layout.shape,  # type: ignore[arg-type]
        period=period,
        columns=tuple(columns),
        rows=tuple(found_rows),
        sheet=table.sheet,
    )
    return export, problems.found


def _word_columns(
    names: list[str | None], data: list[tuple[int, tuple[Cell, ...]]], listed: set[str]
) -> set[str]:
    """The columns no layout lists (a platform's new column) that hold words: read as text,
    not refused as numbers no one asked for; a feed that sums one says so."""
    found = set()
    for number, name in enumerate(names):
        if name is None or name in listed or name in DATE_COLUMNS or name in TEXT_COLUMNS:
            continue
        for _line, raw in data:
            cell = raw[number] if number < len(raw) else None
            text = _text(cell)
            words = isinstance(cell, str) and normal(text) not in _numbers.EMPTY
            if words and _numbers.parse(text) is None:
                found.add(name)
                break
    return found


def _number_cell(
    cell: Cell,
    text: str,
    place: _Cell,
    numbers: list[tuple[_Cell, _numbers.Written]],
    problems: _Sheet,
) -> float | None:
    if isinstance(cell, bool | dt.date):
        problems.add(
            WRONG_TYPE,
            f"{place.where()}: {show(cell)} is not a number",
            "expected a number such as 1200",
            place.line,
            place.path(),
        )
        return None
    if isinstance(cell, int | float):
        return cell
    if normal(text) in _numbers.EMPTY:
        return None
    written = _numbers.parse(text)
    if written is None:
        problems.add(
            WRONG_TYPE,
            f"{place.where()}: {show(text)} is not a number",
            "expected a number such as 1200, 1,200, 1.2K or 62.5%",
            place.line,
            place.path(),
        )
        return None
    numbers.append((place, written))
    return None  # read once the file's decimal mark is known


_MARK = {".": "a dot", ",": "a comma"}


def _settle_numbers(
    numbers: list[tuple[_Cell, _numbers.Written]],
    rows: list[tuple[int, dict[str, float | str | None], dict[str, dt.date | None]]],
    options: _Options,
    problems: _Sheet,
    head_cells: list[str],
) -> None:
    cells = [w for _, w in numbers]
    decimal = options.decimal or _numbers.decimal_of(cells)
    proof = Counter(w.evidence for w in cells if w.evidence)
    if decimal is None and len(proof) == 2:
        (top, top_count), (_, low_count) = proof.most_common()
        decimal = top if top_count > low_count else None
    decimals_in: dict[int, set[str]] = {}  # the marks a column's own cells prove decimal
    for place, written in numbers:
        if written.evidence:
            decimals_in.setdefault(place.column, set()).add(written.evidence)
    first: dict[str, str] = {}  # per mark, the first number proving it: found once, not per cell
    for p, w in numbers:
        if w.evidence and w.evidence not in first:
            first[w.evidence] = f"{show(w.text)} at line {p.line}"
    for place, written in numbers:
        example = next((e for mark, e in first.items() if mark != written.evidence), None)
        if options.decimal is None and written.evidence and written.evidence != decimal and example:
            message = (
                f"{place.where()}: {show(written.text)} writes decimals with "
                f"{_MARK[written.evidence]}, and other numbers of the file with the "
                f"other mark (such as {example})"
            )
            problems.add(
                INVALID_VALUE,
                message,
                'pass decimal="." or decimal="," to say which',
                place.line,
                place.path(),
            )
            continue
        mark = "," if "," in written.text else "."
        settled = (
            decimal is not None
            and mark in decimals_in.get(place.column, set())
            and FRACTIONAL.fullmatch(place.name) is not None
        )
        if (
            options.decimal is None
            and written.either
            and not settled
            and (decimal is None or mark == decimal)
        ):
            dot, comma = _numbers.value_of(written, "."), _numbers.value_of(written, ",")
            why = (
                "the file writes decimals with " + _MARK[decimal]
                if decimal
                else "no number of the file shows which mark is its decimal"
            )
            message = f"{place.where()}: {show(written.text)} could be {dot} or {comma}: {why}"
            problems.add(
                INVALID_VALUE,
                message,
                'write the number without separators, or pass decimal="." or decimal=","',
                place.line,
                place.path(),
            )
            continue
        points = "(%)" in head_cells[place.column - 1]  # "click-through rate (%)": 5.1
        value = _numbers.value_of(written, decimal or ".", points=points)
        if value is None:
            message = (
                f"{place.where()}: {show(written.text)} is not a number with "
                f"{_MARK[decimal or '.']} for decimals"
            )
            problems.add(INVALID_VALUE, message, None, place.line, place.path())
            continue
        rows[place.index][1][place.name] = value


def _date_cell(
    cell: Cell, text: str, place: _Cell, dates: list[tuple[_Cell, _dates.Written]], problems: _Sheet
) -> dt.date | None:
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if not text or normal(text) in LIFETIME or normal(text) in _numbers.EMPTY:
        return None  # a post's lifetime totals: its date is its publish time
    written = _dates.parse(text)
    if written is None:
        problems.add(
            WRONG_TYPE,
            f"{place.where()}: {show(text)} is not a date",
            "expected a date such as 2026-07-14, Jul 14, 2026 or 14/07/2026",
            place.line,
            place.path(),
        )
        return None
    dates.append((place, written))
    return None


def _settle_dates(
    dates: list[tuple[_Cell, _dates.Written]],
    options: _Options,
    header: _Header,
    period: tuple[dt.date, dt.date] | None,
    problems: _Sheet,
) -> dict[tuple[int, str], dt.date]:
    cells = [w for _, w in dates]
    proven = _dates.slash_order(cells)
    order: _dates.Order | None
    if options.day_first is not None:
        order = "dmy" if options.day_first else "mdy"
    elif proven in ("dmy", "mdy"):
        order = proven
    elif header.spanish:
        order = "dmy"
    elif header.layout.platform in ("facebook", "instagram"):
        order = "mdy"  # Meta's English exports write 07/14/2026
    else:
        order = None
    out: dict[tuple[int, str], dt.date] = {}
    yearless = [(p, w) for p, w in dates if w.year is None]
    if yearless and period is None and options.year is None:
        place, written = yearless[0]
        more = f" (and {len(yearless) - 1} more dates)" if len(yearless) > 1 else ""
        problems.add(
            MISSING_KEY,
            f"{place.where()}: {show(written.text)} has no year, and the file says no period{more}",
            "pass year= (socialplan: --year) with the year of the export's dates",
            place.line,
            place.path(),
        )
    unsure = [(p, w) for p, w in dates if _dates.ambiguous(w)]
    if proven == "both" and options.day_first is None:
        for place, written in dates:
            if written.slash and (written.first > 12 or written.second > 12):
                message = (
                    f"{place.where()}: {show(written.text)}: the file writes some dates "
                    "day first and others month first"
                )
                problems.add(
                    INVALID_VALUE, message, "pass day_first=True or False", place.line, place.path()
                )
        return out
    if order is None and unsure:
        place, written = unsure[0]
        more = f" (and {len(unsure) - 1} more dates)" if len(unsure) > 1 else ""
        one = f"{written.first:02d}-{written.second:02d}"
        other = f"{written.second:02d}-{written.first:02d}"
        message = (
            f"{place.where()}: {show(written.text)} could be month-day {one} or "
            f"{other}: no date of the file has a day over 12{more}"
        )
        problems.add(
            INVALID_VALUE,
            message,
            "pass day_first=True or day_first=False",
            place.line,
            place.path(),
        )
        return out
    for place, written in dates:
        month, day = _dates.month_day(written, order)
        year = written.year
        if year is None:
            if period is not None:
                year = _dates.year_in(month, day, period)
                if year is None:
                    message = (
                        f"{place.where()}: {show(written.text)} is not a day of the "
                        f"export's period, {period[0]} to {period[1]}"
                    )
                    problems.add(INVALID_VALUE, message, None, place.line, place.path())
                    continue
            elif options.year is not None:
                year = options.year
            else:
                continue
        try:
            out[(place.line, place.name)] = dt.date(year, month, day)
        except ValueError:
            problems.add(
                INVALID_VALUE,
                f"{place.where()}: {show(written.text)} is not a date",
                "there is no such day",
                place.line,
                place.path(),
            )
    return out


def _source(
    source: str | os.PathLike[str] | bytes, name: str | None, limits: Limits
) -> tuple[bytes, str | None]:
    if isinstance(source, bytes):
        if len(source) > limits.max_bytes:
            from ..._core.limits import size_problem

            too_big = size_problem(len(source), limits)
            assert too_big is not None
            raise LoadError([attrs.evolve(too_big, file=name)], file=name)
        return source, name
    from ..._io.files import read_limited

    path = os.fspath(source)
    return read_limited(path, limits), name or path


def _read(
    source: str | os.PathLike[str] | bytes, name: str | None, options: _Options, limits: Limits
) -> list[Export]:
    raw, file = _source(source, name, limits)
    options = attrs.evolve(options, file=file)
    found: list[Export] = []
    problems: list[Diagnostic] = []
    parts = tables(raw, file, limits)
    for table in parts:
        export, seen = _read_table(table, options)
        problems.extend(seen)
        if export is not None:
            found.append(export)
    if not found and not problems:
        sheets = ", ".join(show(t.sheet) for t in parts)
        message = f"no sheet of the workbook is an export socialplan knows (it has {sheets})"
        problems.append(
            Diagnostic(
                code=SYNTAX,
                severity=Severity.ERROR,
                message=message,
                file=file,
                line=None,
                hint="expected LinkedIn's page analytics workbooks",
            )
        )
    if problems:
        raise LoadError(sorted(problems, key=file_order), file=file)
    return found


def layout_of(
    source: str | os.PathLike[str] | bytes, *, limits: Limits | None = None
) -> tuple[str, str] | None:
    """The platform and layout of the first export in *source* (a path or its bytes), found
    as :func:`read_export` finds them, from the header; None when no table in it has the
    header of an export socialplan knows. Only the header is judged, not the cells.

    Raises :class:`~socialplan.LoadError` when the bytes cannot be read as tables (a legacy
    workbook, a damaged zip, text neither UTF-8 nor UTF-16), :class:`OSError` when the path
    cannot be read.

    >>> layout_of(b"Date,Video Views,Profile Views\\nAugust 31,980,22\\n")
    ('tiktok', 'overview')
    >>> layout_of(b"metric,date,value\\nreach,2026-08-31,980\\n") is None
    True
    """
    raw, file = _source(source, None, limits or DEFAULT_LIMITS)
    for table in tables(raw, file, limits or DEFAULT_LIMITS):
        header = _find_header(table, _Sheet(_Options(file, None, None, None), table.sheet))
        if header is not None:
            return header.layout.platform, header.layout.name
    return None


def read_export(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    year: int | None = None,
    decimal: _numbers.Mark | None = None,
    day_first: bool | None = None,
    sheet: str | None = None,
    limits: Limits | None = None,
) -> Export:
    """Read one platform's export from a path or its bytes (*name* names them in messages).

    The platform, layout and shape come from the file's headers; the encoding (UTF-8, with
    or without a byte order mark, or UTF-16), a ``sep=`` line, a ``#`` preamble and rows of
    totals from its text. Numbers are read by the decimal mark the file's numbers show
    (*decimal* says it instead); slash dates by the order they show (*day_first* says it);
    a date without a year takes it from the export's period, else from *year*. A workbook
    with several exports in its sheets needs *sheet* (or :func:`read_exports`).

    Raises :class:`~socialplan.LoadError` with every problem of the file, each with its line
    and its cell's column; :class:`OSError` when the path cannot be read.
    """
    options = _Options(None, year, decimal, day_first)
    found = _read(source, name, options, limits or DEFAULT_LIMITS)
    file = name if isinstance(source, bytes) else name or os.fspath(source)
    if sheet is not None:
        found = [e for e in found if e.sheet == sheet]
    if len(found) != 1:
        listed = ", ".join(show(e.sheet) for e in found) or "none"
        message = (
            f"no sheet {show(sheet)} holds an export (those that do: {listed})"
            if sheet
            else f"the workbook holds {len(found)} exports, in the sheets {listed}"
        )
        hint = "pass sheet= with one of them, or read them all with read_exports"
        raise LoadError(
            [
                Diagnostic(
                    code=SYNTAX, severity=Severity.ERROR, message=message, hint=hint, file=file
                )
            ],
            file=file,
        )
    return found[0]


def read_exports(
    paths: Iterable[str | os.PathLike[str]],
    year: int | None = None,
    *,
    decimal: _numbers.Mark | None = None,
    day_first: bool | None = None,
    limits: Limits | None = None,
) -> list[Export]:
    """Read every export of *paths*, in order (a workbook gives one per sheet that is one).

    Raises one :class:`~socialplan.LoadError` with the problems of every file.
    """
    found: list[Export] = []
    problems: list[Diagnostic] = []
    for path in paths:
        try:
            found.extend(
                _read(
                    path, None, _Options(None, year, decimal, day_first), limits or DEFAULT_LIMITS
                )
            )
        except LoadError as error:
            problems.extend(error.diagnostics)
    if problems:
        raise LoadError(problems)
    return found
