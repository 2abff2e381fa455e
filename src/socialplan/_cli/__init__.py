"""The ``socialplan`` command line.

Exit codes: 0 no errors (warnings allowed unless ``--strict``), 1 a plan has errors, 2 usage
error, unreadable file or bad configuration, 3 an internal error (a bug: please report it).

Each family of commands is a module of this package: :mod:`.check` (check, fix),
:mod:`.progress` (status, maturity), :mod:`.catalog` (rules), :mod:`.outputs` (report, score,
trace, graph, schema, export, diff), :mod:`.imports` (observations import) and :mod:`.new`
(new); :mod:`.fix` holds what ``check --fix`` and ``fix`` share. Each one's ``add_commands``
adds its commands' parsers and returns their handlers; :func:`parser` calls them in the order
``--help`` lists the commands. What they share is in :mod:`.shared`.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from .shared import (
    FAILED,
    INTERNAL,
    OK,
    USAGE,
    Handler,
    Parser,
    PlanError,
    UsageError,
    discard,
    error,
    limits_of,
    version,
)

__all__ = ["main", "parser", "run"]

#: The families of commands (modules of this package), in the order ``socialplan --help``
#: lists their commands, with the commands of each: a run imports only the family of the
#: command it runs (``socialplan check`` needs no report or graph code).
_FAMILIES = {
    "check": ("check", "fix"),
    "progress": ("status", "maturity"),
    "catalog": ("rules",),
    "outputs": ("report", "score", "trace", "graph", "schema", "export", "diff"),
    "imports": ("observations",),
    "new": ("new",),
    "editor": ("lsp",),
}


def parser() -> argparse.ArgumentParser:
    """The ``socialplan`` argument parser, every command in it (docs/reference/cli.md is
    generated from it)."""
    found, _ = _parser()
    return found


def _parser(command: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    """The ``socialplan`` argument parser, and the handler of each of its commands: only
    *command*'s family when it names a command, else every command."""
    top = Parser(
        prog="socialplan",
        description="Build and check social-media strategy plans.",
        epilog="Exit codes: 0 no errors, 1 a plan has errors, 2 usage error or unreadable file, "
        "3 internal error.",
    )
    top.add_argument("--version", action="store_true", help="print the version and exit")
    # An explicit prog spares argparse a help formatter (and its import of shutil) now.
    commands = top.add_subparsers(dest="command", metavar="COMMAND", prog=top.prog)
    handlers: dict[str, Handler] = {}
    known = command is not None and any(command in names for names in _FAMILIES.values())
    for name, names in _FAMILIES.items():
        if not known or command in names:
            family = importlib.import_module(f".{name}", __name__)
            handlers.update(family.add_commands(commands))
    return top, handlers


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code.

    Text a stream's encoding lacks is written escaped (``\\xe9``) rather than failing, as
    long as the command runs; a stdout that cannot be written (closed, a full disk) is
    exit 2 with one line on stderr, and a stderr that cannot be written changes no exit
    code. argparse's own exits (``--help``, a bad option) raise ``SystemExit`` as ever.
    """
    given = sys.argv[1:] if argv is None else argv
    top, handlers = _parser(given[0] if given else None)
    tolerant = [_tolerant(stream) for stream in (sys.stdout, sys.stderr)]
    try:
        return _main(top, handlers, argv)
    finally:
        for restore in tolerant:
            restore()


def _main(
    top: argparse.ArgumentParser, handlers: dict[str, Handler], argv: Sequence[str] | None
) -> int:
    out: TextIO = sys.stdout if sys.stdout is not None else _Closed()
    try:
        try:
            args = top.parse_args(argv)
        except SystemExit as exc:  # --help printed, or a usage error on stderr
            if exc.code == OK and not _flushed(out):  # the help onto a full disk
                return USAGE
            raise
        if args.version:
            out.write(f"socialplan {version()}\n")
            out.flush()
            return OK
        if args.command is None:
            _error(top.format_help().rstrip("\n"))
            return USAGE
        _no_nul(args)
        args.limits = limits_of(args)
        code = handlers[args.command](args, out)
        out.flush()  # a full disk fails here, not when the interpreter exits
        return code
    except PlanError as exc:
        _error(str(exc))
        return FAILED
    except UsageError as exc:
        _error(f"socialplan: error: {exc}")
        return USAGE
    except BrokenPipeError:  # the reader went away (`socialplan rules | head`): not an error
        _discard_output()
        return OK
    except OSError as exc:  # a full disk, an output device gone: what was read is fine
        _cannot_write(exc)
        return USAGE
    except Exception as exc:
        if os.environ.get("SOCIALPLAN_DEBUG"):
            raise
        _error(
            f"socialplan: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in socialplan; run again with SOCIALPLAN_DEBUG=1 "
            "for the traceback and please report it."
        )
        return INTERNAL


class _Closed(io.TextIOBase, TextIO):
    """What a command writes to when stdout is closed (``>&-``): every write fails."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _tolerant(stream: TextIO | None) -> Callable[[], None]:
    """Make *stream* write a character its encoding lacks as an escape (``\\xe9``), not fail
    (``PYTHONIOENCODING=ascii``, a cp1252 console); return what puts it back as it was."""
    reconfigure = getattr(stream, "reconfigure", None)
    errors = getattr(stream, "errors", None)
    if reconfigure is None or errors is None or errors == "backslashreplace":
        return lambda: None
    try:
        reconfigure(errors="backslashreplace")
    except (OSError, ValueError):  # closed, or cannot change now
        return lambda: None

    def restore() -> None:
        with contextlib.suppress(OSError, ValueError):
            reconfigure(errors=errors)

    return restore


def _flushed(out: TextIO) -> bool:
    """Whether what is written to *out* could be flushed; if not, say so on stderr."""
    try:
        out.flush()
    except OSError as exc:
        _cannot_write(exc)
        return False
    return True


def _cannot_write(exc: OSError) -> None:
    """Say on stderr that the output could not be written, and drop what is left of it."""
    discard(sys.stdout)
    _error(f"socialplan: error: cannot write the output: {exc.strerror or exc}")


def _discard_output() -> None:
    """Send what is left to write of stdout to the null device: it cannot be written."""
    discard(sys.stdout)


def _no_nul(args: argparse.Namespace) -> None:
    """A usage error for an argument holding a NUL character, which no file name can hold."""
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and "\0" in text:
                raise UsageError(f"{name} {text!r} holds a NUL character, which no name can")


def _error(message: str) -> None:
    """Print *message* to stderr (:func:`.shared.error`)."""
    error(message)


def run() -> None:
    """Entry point of the console script."""
    sys.exit(main())
