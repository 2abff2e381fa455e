"""What the command families share: exit codes and the errors that end a command with one,
the argument parser's classes, ``--limit`` and ``-o FILE``, loading a plan for a command,
and writing what a command prints.

Only the standard library's argparse, os and sys are imported here at the start: the rest
is imported where it is used, so that ``socialplan check`` starts fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from .._core.limits import Limits
    from .._model import Plan
    from ..observations import Observation
    from ..rules import Selection

__all__ = [
    "FAILED",
    "INTERNAL",
    "OK",
    "USAGE",
    "Commands",
    "Handler",
    "Parser",
    "PlanError",
    "UsageError",
    "add_limit",
    "add_output",
    "day",
    "discard",
    "emit",
    "error",
    "json_text",
    "limits_of",
    "load_observations",
    "load_plan",
    "load_source",
    "progress_of",
    "project_selection",
    "version",
]

OK, FAILED, USAGE, INTERNAL = 0, 1, 2, 3

#: What runs a command: its parsed arguments and the stream to print to in, its exit code out.
Handler = Callable[[argparse.Namespace, TextIO], int]
#: The subparsers of the ``socialplan`` parser, to which each family adds its commands.
Commands = Any  # argparse._SubParsersAction[Parser], a private class of argparse


class UsageError(Exception):
    """Something the user asked for cannot be done: exit code 2."""


class PlanError(Exception):
    """The plan cannot be used as it is: exit code 1."""


def _columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil (nor bz2, lzma...)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # no stdout, or not a terminal
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, as wide as the terminal, measured without shutil.

    argparse makes a formatter for every argument added: its own asks shutil for the
    terminal's width, and importing shutil is a noticeable part of a `check` run.
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
        **options: Any,
    ) -> None:
        width = _columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width, **options)


class Parser(argparse.ArgumentParser):
    """An argument parser whose help, and its subparsers' (their class is its), uses a
    formatter as wide as the terminal that does not import shutil."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def print_help(self, file: Any = None) -> None:
        """argparse's, but a help that cannot be written raises :class:`OSError` (argparse
        drops the error, and ``--help > /dev/full`` would exit 0)."""
        stream = sys.stdout if file is None else file
        if stream is None:  # `>&-`: argparse would print the help to stderr
            import errno

            raise OSError(errno.EBADF, "standard output is closed")
        stream.write(self.format_help())


def error(message: str) -> None:
    """Print *message* to stderr; what it quotes from a plan or a path cannot move the cursor.

    A stderr that is closed or cannot be written is left alone, what is left in it dropped:
    the exit code says it all.
    """
    from .._core.escape import visible_controls

    if sys.stderr is None:  # `2>&-`; print() would write to stdout instead
        return
    try:
        print("\n".join(map(visible_controls, message.split("\n"))), file=sys.stderr)
        sys.stderr.flush()
    except (OSError, ValueError):
        discard(sys.stderr)


def discard(stream: TextIO | None) -> None:
    """Send what is left to write of *stream* to the null device, so that the interpreter's
    last flush of it cannot fail (and change the exit code) when it exits."""
    try:
        fileno = stream.fileno()  # type: ignore[union-attr]
    except (OSError, ValueError, AttributeError):  # not a real file (a test's): nothing to do
        return
    os.dup2(os.open(os.devnull, os.O_WRONLY), fileno)


def version() -> str:
    """The installed distribution's version, read as ``socialplan.__version__`` reads it:
    the command line does not import the package's facade, which sits above every layer."""
    from importlib.metadata import version as installed

    return installed("socialplan")


def add_limit(parser: argparse.ArgumentParser) -> None:
    """Give a command that reads plan files ``--limit NAME=N``, after its other arguments."""
    parser.add_argument(
        "--limit",
        action="append",
        type=_limit,
        default=[],
        metavar="NAME=N",
        help="raise a limit on the plan files read: " + ", ".join(_limit_names()) + " (repeatable)",
    )


def _limit_names() -> list[str]:
    """The names ``--limit`` takes: the fields of :class:`socialplan.Limits`."""
    import attrs

    from .._core.limits import Limits

    return [field.name for field in attrs.fields(Limits)]


def _limit(text: str) -> tuple[str, int]:
    """``NAME=N`` of ``--limit``: a limit's name and a whole number (``_`` may group digits)."""
    name, _, value = text.partition("=")
    name = name.strip()
    names = _limit_names()
    if name not in names:
        from .._core.vocab import did_you_mean

        near = did_you_mean(name, names)
        hint = f'did you mean "{near}"?' if near else "expected " + ", ".join(names)
        raise argparse.ArgumentTypeError(f"{name!r} is not a limit ({hint})")
    try:
        return name, int(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{name}: {value!r} is not a whole number") from None


def limits_of(args: argparse.Namespace) -> Limits | None:
    """The limits ``--limit`` asks for, over the defaults; None for the defaults."""
    pairs = getattr(args, "limit", None)
    if not pairs:
        return None
    from .._core.limits import Limits

    try:
        return Limits(**dict(pairs))
    except ValueError as exc:
        raise UsageError(f"--limit: {exc}") from None


def json_text(document: object) -> str:
    """*document* as indented JSON text, with no control character a terminal would act on."""
    import json

    from .._core.escape import escaped_controls

    return escaped_controls(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def add_output(parser: argparse.ArgumentParser) -> None:
    """Give a command ``-o FILE``: what :func:`emit` writes goes there instead of stdout."""
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write here (atomically) instead of to stdout"
    )


def emit(
    args: argparse.Namespace,
    out: TextIO,
    text: str,
    kind: str | None = None,
    format: str | None = None,  # noqa: A002
) -> int:
    """Write *text* to ``-o FILE`` or to *out*; *kind* is the kind of document it is, when it
    may be written over a file of that kind that the run read (a plan: ``export --to toml``),
    and *format* its format: a plan in JSON over the TOML one read is refused.
    """
    if args.output:
        from pathlib import Path

        from .._io.write import write_atomic

        try:
            force = getattr(args, "force", False)
            write_atomic(Path(args.output), text, kind=kind, format=format, force=force)
        except BrokenPipeError:  # -o /dev/stdout, and its reader went away: as for stdout
            raise
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    elif "\r\n" in text and hasattr(out, "buffer"):
        # CSV and iCalendar end lines in CRLF: bytes, so that no platform doubles the CR.
        out.flush()
        out.buffer.write(text.encode("utf-8"))
        out.buffer.flush()
    else:
        out.write(text)
    return OK


def load_plan(path: str, limits: Limits | None) -> Plan:
    """Load a plan for a command that needs one whole: problems end the command (exit 1)."""
    return load_source(path, limits)[0]


def load_source(path: str, limits: Limits | None) -> tuple[Plan, bytes]:
    """:func:`load_plan`, and the bytes the plan was read from."""
    from .._core.diagnostics import LoadError
    from .._io.files import format_of
    from .._io.files import load_source as read

    try:
        format_of(path)
    except ValueError:
        raise UsageError(f"{path}: a plan file ends in .toml or .json") from None
    try:
        return read(path, limits=limits)
    except LoadError as exc:
        raise PlanError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None


def day(text: str) -> dt.date:
    """An option's date (YYYY-MM-DD), or the usage error that names it."""
    from .._io.convert import iso_date

    try:
        return iso_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def load_observations(plan: Plan, path: str) -> tuple[Observation, ...]:
    """The observations in *path*, checked against *plan*: problems end the command (exit 1)."""
    from .. import observations
    from .._core.diagnostics import LoadError

    try:
        return observations.load(path, plan)
    except LoadError as exc:
        raise PlanError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:  # not a .csv, .json or .toml file
        raise UsageError(f"{path}: {exc}") from None


def progress_of(args: argparse.Namespace, plan: Plan | None = None) -> Any:
    """The plan of ``args.file`` (unless *plan* is it, already loaded) and its progress
    through ``args.methodology``."""
    from ..steps import MethodologyError, progress

    plan = load_plan(args.file, args.limits) if plan is None else plan
    try:
        return plan, progress(plan, args.methodology)
    except MethodologyError as exc:
        raise PlanError(f"{args.file}: the methodology is not usable:\n{exc}") from None


def project_selection(plan_path: str | os.PathLike[str]) -> Selection | None:
    """The selection of [tool.socialplan] in the nearest pyproject.toml above the plan; its
    problems end the command (exit 2)."""
    from .._core.diagnostics import LoadError
    from ..rules import project_settings

    try:
        return project_settings(plan_path)
    except LoadError as exc:  # its message names the file and the place of each problem
        raise UsageError(str(exc)) from None
    except OSError as exc:
        if exc.filename is None or exc.strerror is None:
            raise UsageError(f"cannot read the settings of {os.fspath(plan_path)}: {exc}") from None
        raise UsageError(f"cannot read the settings in {exc.filename}: {exc.strerror}") from None
