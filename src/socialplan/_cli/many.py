"""``socialplan check`` over many files: what it is given (files, folders, globs, ``-``),
the files checked in parallel and reported in a stable order, the closing summary,
``--statistics``, the output formats for CI and ``--output-file``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, TextIO, TypeVar

from .shared import UsageError

if TYPE_CHECKING:
    from .._core.diagnostics import Diagnostic
    from .._model import Plan

__all__ = ["FORMATS", "add_repository_options", "check_all", "rendered", "summary", "write"]

#: The formats of ``check --format``: the first three are written in :mod:`.check`, the
#: others by :mod:`socialplan.render._checks`.
FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit", "json-lines")

#: The name of standard input in the output when ``--stdin-filename`` gives none.
STDIN = "<stdin>"

#: From how many files on, files are checked in a pool of processes.
_PARALLEL_FROM = 4


class Result(Protocol):
    """What :mod:`.check` makes of one file (its ``_Result``)."""

    path: str
    plan: Plan | None
    diagnostics: list[Diagnostic]
    unread: str | None

    @property
    def ok(self) -> bool: ...


R = TypeVar("R", bound=Result)


def add_repository_options(check: argparse.ArgumentParser) -> None:
    """Give ``check`` the options of a check of many files."""
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name of the plan read from standard input (-): its format, and the name "
        "the findings give",
    )
    check.add_argument(
        "--only-plans",
        action="store_true",
        help="skip, with no error, a file named that is not a plan (for pre-commit)",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print the number of findings of each rule instead of the findings (text or json)",
    )
    check.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when a plan has errors (2 still for a usage error)",
    )
    check.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print the findings only, one line each: no headings, tallies or summary",
    )
    check.add_argument(
        "-o",
        "--output-file",
        metavar="FILE",
        help="write the output here (atomically) instead of to stdout; never over a plan read",
    )


def check_all(
    args: argparse.Namespace, check_one: Callable[..., R]
) -> tuple[list[R], bool, list[str]]:
    """The result of each file ``check`` is given, in a stable order; whether the run is
    of several files (more than one, or a folder or a glob), which a summary closes; and
    the folders and globs that hold no plan, said as errors (exit 2)."""
    from .._io.discover import NOT_FOUND, plan_files

    if args.statistics and args.format not in ("text", "json"):
        raise UsageError(f"--statistics is printed as text or json, not {args.format}")
    if args.files.count("-") > 1:
        raise UsageError("- (standard input) can be read once only")
    if args.stdin_filename is not None and "-" not in args.files:
        raise UsageError("--stdin-filename names standard input: give - among the files")
    found = plan_files([f for f in args.files if f != "-"], only_plans=args.only_plans)
    problems = [NOT_FOUND % shown for shown in found.empty]  # the other files are checked
    results: list[R] = []
    if "-" in args.files:  # first: read in this process, before any other file
        results.append(check_one(args.stdin_filename or STDIN, args, _stdin()))
    results += _checked(found.files, args, check_one)
    return results, len(results) > 1 or found.searched, problems


def _stdin() -> bytes:
    import sys

    stream = sys.stdin
    if stream is None:
        raise UsageError("- names standard input, which is closed")
    buffer = getattr(stream, "buffer", None)
    return buffer.read() if buffer is not None else stream.read().encode("utf-8")


def _checked(
    paths: Sequence[str], args: argparse.Namespace, check_one: Callable[..., R]
) -> list[R]:
    """Each file of *paths* checked, in their order: in a pool of processes when there are
    enough of them to gain from it and more than one processor to run them."""
    workers = min(len(paths), os.cpu_count() or 1, 8)
    if len(paths) < _PARALLEL_FROM or workers < 2:
        return [check_one(path, args) for path in paths]
    import functools
    from concurrent.futures import ProcessPoolExecutor

    # The first here: what it imports (the rules, the parser) the workers forked after it
    # have already, rather than each importing it again.
    first = check_one(paths[0], args)
    try:
        pool = ProcessPoolExecutor(max_workers=workers)
    except (OSError, NotImplementedError, ImportError):  # no processes here: one by one
        return [first, *(check_one(path, args) for path in paths[1:])]
    with pool:
        rest = paths[1:]
        chunk = max(1, len(rest) // (workers * 4))
        return [first, *pool.map(functools.partial(check_one, args=args), rest, chunksize=chunk)]


def _counts(results: Sequence[Result]) -> tuple[dict[str, int], int]:
    """The findings of *results* by severity, as the text shows them (the parts of a group
    one finding), and the number of files with a finding."""
    from .._core.diagnostics import grouped

    totals = {"error": 0, "warning": 0, "info": 0}
    with_findings = 0
    for result in results:
        groups = grouped(result.diagnostics)
        for group in groups:
            totals[str(group[0].severity)] += 1
        with_findings += bool(groups)
    return totals, with_findings


def summary(results: Sequence[Result]) -> str:
    """The line that closes the text of several files: ``Found 12 errors and 30 warnings in
    4 of 9 plans``, and the files that could not be read."""
    from .._core.text import counted

    read = [r for r in results if r.unread is None]
    totals, with_findings = _counts(read)
    found = [counted(count, severity) for severity, count in totals.items() if count]
    plans = counted(len(read), "plan")
    if found:
        listed = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]
        line = f"Found {listed} in {with_findings} of {plans}"
    else:
        line = f"No problems found in {plans}"
    unread = len(results) - len(read)
    if unread:
        line += f"; {counted(unread, 'file')} could not be read"
    return line


def statistics(results: Sequence[Result], fmt: str) -> str:
    """``--statistics``: the findings of each rule, the most frequent first, as text or JSON."""
    from .._core.diagnostics import grouped
    from ..rules import all_rules

    names = {rule.code: rule.name for rule in all_rules()}
    by_code: dict[str, list[int]] = {}
    severity: dict[str, str] = {}
    for result in results:
        for group in grouped(result.diagnostics):
            code = group[0].code
            tally = by_code.setdefault(code, [0, 0])
            tally[0] += 1
            tally[1] += len(group)
            severity.setdefault(code, str(group[0].severity))
    order = sorted(by_code, key=lambda code: (-by_code[code][0], code))
    if fmt == "json":
        from .shared import json_text

        rows = [
            {
                "code": code,
                "name": names.get(code, ""),
                "severity": severity[code],
                "count": by_code[code][0],
                "diagnostics": by_code[code][1],
            }
            for code in order
        ]
        return json_text(rows)
    from .._core.escape import visible_controls

    width = max((len(str(by_code[code][0])) for code in order), default=1)
    lines = [
        f"{by_code[code][0]:>{width}}  {code}  {severity[code]:<7}  {names.get(code, '')}"
        for code in order
    ]
    return "".join(visible_controls(line).rstrip() + "\n" for line in lines)


def rendered(args: argparse.Namespace, results: Sequence[Result], several: bool) -> str | None:
    """The output of ``--statistics`` or of a format for CI; None for those :mod:`.check`
    writes itself (text, json, sarif)."""
    if args.statistics:
        text = statistics(results, args.format)
        if args.format == "text" and several and results and not args.quiet:
            text += summary(results) + "\n"
        return text
    if args.format in ("text", "json", "sarif"):
        return None
    from ..render._checks import RENDERERS

    return RENDERERS[args.format](results)


def write(args: argparse.Namespace, out: TextIO, text: str, results: Sequence[Result]) -> None:
    """Print *text*, or write it to ``--output-file``: atomically, never over a file checked."""
    if not args.output_file:
        out.write(text)
        return
    from pathlib import Path

    from .._io import inputs
    from .._io.write import write_atomic

    checked = [r.path for r in results if r.unread is None] + [args.stdin_filename or ""]
    for path in checked:
        if path and os.path.exists(path):  # checked in other processes: noted here
            inputs.remember(path, inputs.PLAN, None)
    try:
        write_atomic(Path(args.output_file), text)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise UsageError(f"cannot write {args.output_file}: {exc.strerror or exc}") from None
