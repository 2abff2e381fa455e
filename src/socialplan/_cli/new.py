"""``socialplan new``: write a commented starter plan, never over a file without --force."""

from __future__ import annotations

import argparse
from typing import TextIO

from .shared import OK, Commands, Handler, UsageError

__all__ = ["add_commands"]


def add_commands(commands: Commands) -> dict[str, Handler]:
    """Add ``new`` to the ``socialplan`` parser; return its handler by name."""
    new = commands.add_parser(
        "new",
        help="write a commented starter plan",
        description="A plan with every section present and TODO markers to replace; "
        "`socialplan check` lists the TODOs left (SP901).",
    )
    new.add_argument("file", metavar="FILE", help="where to write it (.toml)")
    new.add_argument("--name", help="the plan's name")
    new.add_argument("--force", action="store_true", help="replace the file if it exists")
    return {"new": _new}


def _new(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from .._io.inputs import PLAN
    from .._io.write import write_atomic
    from .._starter import starter

    target = Path(args.file)
    if target.suffix != ".toml":
        raise UsageError(f"{args.file}: the starter plan is TOML; name the file *.toml")
    if target.exists() and not args.force:
        raise UsageError(f"{args.file} exists; add --force to replace it")
    try:
        write_atomic(target, starter(args.name), kind=PLAN, format="toml", force=args.force)
    except OSError as exc:
        raise UsageError(f"cannot write {args.file}: {exc.strerror or exc}") from None
    out.write(_done(args.file))
    return OK


def _done(path: str) -> str:
    """What ``new`` says it wrote: the path with its control characters visible, and the
    command to run next with the path quoted for a shell."""
    import shlex

    from .._core.escape import visible_controls

    command = f"socialplan check {shlex.quote(path)}"
    return visible_controls(f"wrote {path}: fill in the TODOs, then run `{command}`") + "\n"
