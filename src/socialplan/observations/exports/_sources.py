"""The bytes of an export as tables of cells: CSV text in any of the encodings the platforms
write, a YouTube Studio zip, a workbook's sheets (with the ``spreadsheets`` extra)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence

import attrs

from ..._core.diagnostics import LIMIT, SYNTAX, Diagnostic, LoadError, Severity
from ..._core.limits import Limits
from ..._core.text import show

Cell = str | int | float | object  # a workbook cell keeps its type (a number, a datetime)
#: The CSV files a YouTube Studio zip holds its table in.
YOUTUBE_TABLES = ("table data.csv", "datos de la tabla.csv")
_SEP = re.compile(r'"?sep=(.)"?[,;\t]*\r?\n?', re.IGNORECASE)


@attrs.frozen
class Table:
    """One table of cells: its rows, each with its 1-based line (or sheet row)."""

    rows: tuple[tuple[int, tuple[Cell, ...]], ...]
    sheet: str | None = None
    platform: str | None = None  # what the container already says (a YouTube zip)
    workbook: bool = False


def _error(
    message: str,
    file: str | None,
    hint: str | None = None,
    line: int | None = 1,
    code: str = SYNTAX,
) -> LoadError:
    found = Diagnostic(
        code=code, severity=Severity.ERROR, message=message, hint=hint, line=line, file=file
    )
    return LoadError([found], file=file)


def decode(raw: bytes, file: str | None) -> str:
    """*raw* as text: UTF-8 (with or without a byte order mark) or UTF-16 as Meta's page
    files are; SP001 at the first byte that is neither."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif len(raw) > 3 and raw[1] == 0 and raw[3] == 0 and raw[0] != 0:
        encoding = "utf-16-le"  # UTF-16 without its mark
    else:
        from ..._io.parse import decode as utf8

        text = utf8(raw, file, hint="save the file as UTF-8 (in a spreadsheet: CSV UTF-8)")
        return text.removeprefix("\ufeff")
    try:
        return raw.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise _error(
            f"not UTF-16 text (byte {exc.start} is 0x{raw[exc.start]:02x})",
            file,
            "export the file again; it was cut or changed",
        ) from None


def _delimiter(lines: Sequence[str]) -> str:
    for line in lines:
        if line.strip() and not line.startswith("#"):
            counts = {mark: line.count(mark) for mark in (",", ";", "\t")}
            return max(counts, key=lambda mark: (counts[mark], mark == ","))
    return ","


def csv_table(text: str, file: str | None, platform: str | None = None) -> Table:
    """The rows of CSV *text*: a ``sep=`` first line sets the separator (else the header's
    most frequent of ``,`` ``;`` and tab does); ``#`` lines are kept as one-cell rows."""
    first = 1
    delimiter = None
    if match := _SEP.match(text):
        delimiter, text, first = match[1], text[match.end() :], 2
    lines = text.splitlines(keepends=True)
    delimiter = delimiter or _delimiter(lines)
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    body: list[str] = []
    starts: list[int] = []
    for number, line in enumerate(lines, start=first):
        if line.startswith("#") and not body:
            rows.append((number, (line.strip(),)))
        else:
            starts.append(number)
            body.append(line)
    reader = csv.reader(io.StringIO("".join(body), newline=""), delimiter=delimiter, strict=True)
    offset = starts[0] if starts else first
    while True:
        start = offset + reader.line_num
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            where = offset + reader.line_num - 1
            raise _error(f"not valid CSV: {exc}", file, line=where) from None
        if len(cells) == 1 and cells[0].startswith("#"):
            rows.append((start, (cells[0].strip(),)))
        else:
            rows.append((start, tuple(cell.strip() for cell in cells)))
    return Table(tuple(rows), platform=platform)


def tables(raw: bytes, file: str | None, limits: Limits) -> list[Table]:
    """The tables of an export's bytes: one for a CSV file or a YouTube zip, one per sheet
    of a workbook."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise _error(
            "a legacy Excel workbook (.xls), which socialplan does not read",
            file,
            "open it and save it as .xlsx (Excel Workbook) or as CSV UTF-8",
        )
    if not raw.startswith(b"PK\x03\x04"):
        return [csv_table(decode(raw, file), file)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _error(f"not a zip archive that can be read: {exc}", file) from None
    total = sum(info.file_size for info in archive.infolist())
    if total > limits.max_bytes:
        message = f"the archive unpacks to {total} bytes, more than the {limits.max_bytes} allowed"
        raise _error(message, file, "export a shorter period", code=LIMIT)
    if "xl/workbook.xml" in names:
        return _sheets(raw, file)
    member = next((n for n in names if n.rsplit("/", 1)[-1].casefold() in YOUTUBE_TABLES), None)
    if member is None:
        listed = ", ".join(show(n) for n in names[:8]) or "nothing"
        raise _error(
            f'a zip without "Table data.csv" (it holds {listed})',
            file,
            "pass YouTube Studio's export zip, or the CSV file itself",
        )
    inner = f"{file}:{member}" if file else member
    return [csv_table(decode(archive.read(member), inner), file, platform="youtube")]


def _sheets(raw: bytes, file: str | None) -> list[Table]:
    import warnings

    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:
        raise _error(
            "reading a workbook needs the openpyxl package",
            file,
            "pip install 'socialplan[spreadsheets]', or save the sheet as CSV UTF-8",
        ) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of styles it does not know
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
            found = [
                Table(
                    tuple(
                        (number, tuple(row))
                        for number, row in enumerate(sheet.iter_rows(values_only=True), 1)
                    ),
                    sheet=sheet.title,
                    workbook=True,
                )
                for sheet in book.worksheets
            ]
            book.close()
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise _error(
            f"not a workbook that can be read: {exc}",
            file,
            "open it in a spreadsheet and save it again as .xlsx",
        ) from None
    return found
