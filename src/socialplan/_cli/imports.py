"""``socialplan observations import``: the platforms' analytics exports as observations, by the
feeds of the plan's metrics; and what ``score`` shares of it (telling an export from an
observations file by its content, reading and mapping exports).
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, TextIO

from .shared import Commands, Handler, PlanError, UsageError, emit, error, load_plan

if TYPE_CHECKING:
    from .._model import Plan
    from ..observations import Imported

__all__ = ["add_commands", "imported", "is_export"]


def is_export(path: str) -> bool:
    """Whether *path* holds a platform's export rather than socialplan's observations: by its
    content, not its name, and as the export readers see it. A ``.json`` or ``.toml`` file is
    observations; a file in which the readers find an export's header is an export; other
    CSV text is observations when its first line names a ``metric`` column (or one near it:
    a misspelt header is told so by the observations reader), an export otherwise (the
    readers say why they cannot read it). A file that cannot be read is left to the
    observations reader, which says why."""
    if os.path.splitext(path)[1].lower() in (".json", ".toml"):
        return False
    from .._core.diagnostics import LoadError
    from ..observations.exports import layout_of

    try:
        if layout_of(path) is not None:
            return True
        with open(path, "rb") as file:
            head = file.read(4096)
    except LoadError:
        return True  # a workbook, a zip, UTF-16: what the readers read, and tell the trouble of
    except OSError:
        return False
    import csv

    from .._core.vocab import did_you_mean

    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    cells = [cell.strip() for row in csv.reader([first]) for cell in row]
    return not any(cell == "metric" or did_you_mean(cell, ["metric"]) for cell in cells)


def imported(plan: Plan, paths: list[str], year: int | None) -> Imported:
    """The observations the exports at *paths* give *plan*, with the summary of what was
    mapped; problems end the command (exit 1), a file that cannot be read too (exit 2)."""
    from .._core.diagnostics import LoadError
    from .._io.inputs import EXPORT, remember
    from ..observations import from_exports
    from ..observations.exports import read_exports

    for path in paths:  # an input: never written over (-o naming one is refused)
        remember(path, EXPORT, None)
    try:
        exports = read_exports(paths, year=year)
    except LoadError as exc:
        raise PlanError(str(exc)) from None
    except OSError as exc:
        name = exc.filename or "an export"
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
    try:
        return from_exports(exports, plan)
    except LoadError as exc:
        raise PlanError(str(exc)) from None


def _import(args: argparse.Namespace, out: TextIO) -> int:
    from .. import observations

    fmt: observations.ObservationFormat = "csv"
    if args.output:
        try:
            fmt = observations.format_of(args.output)
        except ValueError as exc:
            raise UsageError(f"{args.output}: {exc}") from None
    plan = load_plan(args.plan, args.limits)
    found = imported(plan, args.exports, args.year)
    if found.summary:
        error(found.summary_text().rstrip("\n"))
    return emit(args, out, observations.dumps(found.observations, fmt), format=fmt)


def _year(text: str) -> int:
    if not text.isdigit() or not 1000 <= int(text) <= 9999:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (such as 2026)")
    return int(text)


def add_year(parser: argparse.ArgumentParser) -> None:
    """Give a command that reads exports ``--year N``, for the dates they write without one."""
    parser.add_argument(
        "--year",
        type=_year,
        metavar="N",
        help="the year of the exports' dates written without one (TikTok's \"August 31\"), "
        "when the export's period does not say it",
    )


def add_commands(commands: Commands) -> dict[str, Handler]:
    """Add ``observations`` and its ``import`` to the parser; return the handler by name."""
    from .shared import add_limit, add_output

    group = commands.add_parser(
        "observations",
        help="import measured results from the platforms' analytics exports",
        description="Work with observations, the measured results the scorecard reads.",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", prog=group.prog)
    actions.required = True
    command = actions.add_parser(
        "import",
        help="turn the platforms' analytics exports into observations",
        description="Read the analytics exports of Meta Business Suite (Facebook, Instagram), "
        "LinkedIn, X, YouTube Studio, TikTok Studio, Google Analytics 4 and listening tools, "
        "and turn them into observations of the plan's metrics by the feeds of each metric "
        "([[metrics.<id>.feeds]]). Prints the observations as CSV, or writes them to -o "
        "(.csv, .json or .toml, atomically; never over an export or the plan), and says on "
        "stderr what was mapped and what was skipped, and why.",
    )
    command.add_argument("exports", nargs="+", metavar="EXPORT", help="an export file")
    command.add_argument(
        "-p", "--plan", required=True, metavar="PLAN", help="the plan whose metrics they feed"
    )
    add_year(command)
    add_output(command)
    add_limit(command)
    return {"observations": _import}
