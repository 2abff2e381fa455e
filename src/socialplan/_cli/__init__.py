"""The ``socialplan`` command line.

Exit codes: 0 no errors (warnings allowed unless ``--strict``), 1 a plan has errors, 2 usage
error, unreadable file or bad configuration, 3 an internal error (a bug: please report it).

Each family of commands is a module of this package: :mod:`.check` (check), :mod:`.progress`
(status, maturity), :mod:`.catalog` (rules), :mod:`.outputs` (report, score, trace, graph,
schema, export, diff) and :mod:`.new` (new). Each one's ``add_commands`` adds its commands'
parsers and returns their handlers; :func:`parser` calls them in the order ``--help`` lists
the commands. What they share is in :mod:`.shared`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from . import catalog, check, new, outputs, progress
from .shared import (
    FAILED,
    INTERNAL,
    OK,
    USAGE,
    Handler,
    Parser,
    PlanError,
    UsageError,
    limits_of,
    version,
)

__all__ = ["main", "parser", "run"]

#: The families of commands, in the order ``socialplan --help`` lists their commands.
_FAMILIES = (check, progress, catalog, outputs, new)


def parser() -> argparse.ArgumentParser:
    """The ``socialplan`` argument parser, every command in it (docs/reference/cli.md is
    generated from it)."""
    found, _ = _parser()
    return found


def _parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    """The ``socialplan`` argument parser, and the handler of each of its commands."""
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
    for family in _FAMILIES:
        handlers.update(family.add_commands(commands))
    return top, handlers


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    top, handlers = _parser()
    args = top.parse_args(argv)
    if args.version:
        print(f"socialplan {version()}")
        return OK
    if args.command is None:
        top.print_help(sys.stderr)
        return USAGE
    try:
        _no_nul(args)
        args.limits = limits_of(args)
        code = handlers[args.command](args, sys.stdout)
        sys.stdout.flush()  # a full disk fails here, not when the interpreter exits
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
        _discard_output()
        _error(f"socialplan: error: cannot write the output: {exc.strerror or exc}")
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


def _discard_output() -> None:
    """Send what is left to write of stdout to the null device: it cannot be written."""
    try:
        fileno = sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):  # not a real file (a test's): nothing to do
        return
    os.dup2(os.open(os.devnull, os.O_WRONLY), fileno)


def _no_nul(args: argparse.Namespace) -> None:
    """A usage error for an argument holding a NUL character, which no file name can hold."""
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and "\0" in text:
                raise UsageError(f"{name} {text!r} holds a NUL character, which no name can")


def _error(message: str) -> None:
    """Print *message* to stderr; what it quotes from a plan or a path cannot move the cursor."""
    from .._core.escape import visible_controls

    print("\n".join(map(visible_controls, message.split("\n"))), file=sys.stderr)


def run() -> None:
    """Entry point of the console script."""
    sys.exit(main())
