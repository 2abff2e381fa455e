"""``socialplan fix`` and ``socialplan check --fix`` / ``--diff``: apply the fixes the findings
carry to the plan's text, check again, and say what remains.

A fix edits the text, not the model: each is a few ranges of the file and what they become,
so the comments, order, layout and quoting of everything else stay as written. Fixes are
applied in passes (a fix that overlaps another waits for the next, on the text checked
again), and a pass whose fixes would leave the file unreadable is not kept. The file is
written back through the one write gate, which refuses it if it changed since it was read.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TextIO

from .shared import FAILED, OK, USAGE, Commands, UsageError, add_limit, error

if TYPE_CHECKING:
    from .._core.diagnostics import Diagnostic

__all__ = ["Checker", "add_fix_command", "add_fix_options", "fix_files"]

#: How many times a file is fixed and checked again, at most: each pass takes the fixes that
#: do not overlap; those that did are offered again on the text the pass made.
_PASSES = 10


class Result(Protocol):
    """One file's outcome as ``check`` has it (:class:`socialplan._cli.check._Result`)."""

    path: str
    diagnostics: list[Diagnostic]
    unread: str | None

    @property
    def ok(self) -> bool: ...


class Checker(NamedTuple):
    """What fixing needs of ``check``, given by it (so that this module does not import it):
    checking a text, a result of a file not read, and reporting results."""

    check_text: Callable[[str, str, Any, argparse.Namespace], Result]
    result: Callable[[str, list[Diagnostic], str | None], Result]
    report: Callable[[list[Any], argparse.Namespace, TextIO], int]


def add_fix_options(parser: argparse.ArgumentParser, *, fix: bool = True) -> None:
    """``--fix`` (for ``check``), ``--unsafe-fixes`` and ``--diff``."""
    if fix:
        parser.add_argument(
            "--fix",
            action="store_true",
            help="apply the safe fixes to the files, then report what remains",
        )
    parser.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="apply the unsafe fixes too (a guess between candidates, or a change of meaning)",
    )
    parser.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff, write nothing; exit 1 when there is one",
    )


def add_fix_command(commands: Commands, codes: Callable[[str], list[str]]) -> None:
    """Add ``fix`` to the ``socialplan`` parser; *codes* reads a ``--select`` as check does."""
    fix = commands.add_parser(
        "fix",
        help="apply the safe fixes to plan files",
        description="Apply the fixes of the findings to each file (the safe ones, or the unsafe "
        "ones too with --unsafe-fixes), editing only the text they fix, then check again and "
        "list what remains. Rules are selected as `check` selects them.",
    )
    fix.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="a plan file (.toml or .json), a folder (its plans, found by content) or a glob",
    )
    add_fix_options(fix, fix=False)
    fix.add_argument(
        "--select",
        action="extend",
        type=codes,
        metavar="CODES",
        help="fix only these rules (codes or prefixes, comma-separated; repeatable)",
    )
    fix.add_argument(
        "--ignore",
        action="extend",
        type=codes,
        default=[],
        metavar="CODES",
        help="do not fix these rules (repeatable)",
    )
    add_limit(fix)


class _Fixed:
    """What fixing one file did: its result checked again, the findings fixed, how many
    more an unsafe fix would fix, and the text before and after (None: not read)."""

    def __init__(
        self,
        result: Result,
        fixed: list[Diagnostic],
        before: str | None = None,
        after: str | None = None,
    ) -> None:
        self.result = result
        self.fixed = fixed
        self.before = before
        self.after = after
        self.unsafe = sum(
            1 for d in result.diagnostics if d.fix is not None and d.fix.edits and not d.fix.safe
        )

    @property
    def changed(self) -> bool:
        return self.before is not None and self.before != self.after


def fix_files(args: argparse.Namespace, out: TextIO, checker: Checker, *, report: bool) -> int:
    """Fix every file of *args*; with ``--diff`` print the changes instead of writing them.

    *report* is ``check``'s full report of what remains; without it (``socialplan fix``),
    a line per file and the findings that remain, one a line. The exit code: with
    ``--diff``, 1 when there is a change; else 1 when errors remain; 2 for a file not read
    or not written.
    """
    from .._io.discover import NOT_FOUND, plan_files

    if "-" in args.files:
        raise UsageError("- (standard input) cannot be fixed in place: name the file")
    found = plan_files(args.files, only_plans=getattr(args, "only_plans", False))
    if found.empty:  # a folder or a glob with no plan in it: said as check says it
        raise UsageError("; ".join(NOT_FOUND % shown for shown in found.empty))
    done = [_fix_one(path, args, checker) for path in found.files]
    if args.diff:
        for each in done:
            if each.result.unread is not None:
                error(f"socialplan: error: cannot read {each.result.path}: {each.result.unread}")
            elif each.changed:
                out.write(_diff(each))
        if any(each.result.unread is not None for each in done):
            return USAGE
        return FAILED if any(each.changed for each in done) else OK
    unwritten = [each for each in done if each.changed and not _written(each)]
    if report:
        code = checker.report([each.result for each in done], args, out)
        said = out if args.format == "text" else None
        for each in done:
            if each.result.unread is None:
                _say_fixed(each, args, said)
    else:
        code = _report_short(done, args, out)
    return USAGE if unwritten else code


def _fix_one(path: str, args: argparse.Namespace, checker: Checker) -> _Fixed:
    from .._core.diagnostics import LoadError
    from .._core.limits import DEFAULT_LIMITS
    from .._io.files import format_of, read_limited
    from .._io.inputs import PLAN, remember
    from .._io.parse import decode

    try:
        fmt = format_of(path)
    except ValueError:
        raise UsageError(f"{path}: a plan file ends in .toml or .json") from None
    try:
        data = read_limited(path, args.limits or DEFAULT_LIMITS)
        text = decode(data, path)
    except OSError as exc:
        return _Fixed(checker.result(path, [], str(exc.strerror or exc)), [])
    except LoadError as exc:
        return _Fixed(checker.result(path, list(exc.diagnostics), None), [])
    remember(path, PLAN, data, fmt)  # what the write compares with: a change since is kept
    after, result, fixed = _fixed(path, text, fmt, args, checker)
    return _Fixed(result, fixed, text, after)


def _fixed(
    path: str, text: str, fmt: str, args: argparse.Namespace, checker: Checker
) -> tuple[str, Result, list[Diagnostic]]:
    """*text* with its fixes applied, pass after pass; its result checked; the findings fixed."""
    from .._io.edits import apply_fixes

    check_text = checker.check_text
    fixed: list[Diagnostic] = []
    result = check_text(path, text, fmt, args)
    for _ in range(_PASSES):
        new, done = apply_fixes(text, result.diagnostics, unsafe=args.unsafe_fixes)
        new_result = check_text(path, new, fmt, args) if done else None
        if new_result is not None and _unreadable(new_result) and not _unreadable(result):
            new, done, new_result = _one_by_one(path, text, fmt, args, done, checker)
        if new_result is None:
            break
        text, result = new, new_result
        fixed += done
    return text, result, fixed


def _one_by_one(
    path: str,
    text: str,
    fmt: str,
    args: argparse.Namespace,
    done: list[Diagnostic],
    checker: Checker,
) -> tuple[str, list[Diagnostic], Result | None]:
    """The first of *done*'s fixes that, applied alone, leaves *text* readable."""
    from .._io.edits import apply_fixes

    check_text = checker.check_text
    for diagnostic in done:
        new, one = apply_fixes(text, [diagnostic], unsafe=True)
        result = check_text(path, new, fmt, args)
        if one and not _unreadable(result):
            return new, one, result
    return text, [], None


def _unreadable(result: Result) -> bool:
    """Whether the text of *result* does not parse (SP001) or its format is not known."""
    return any(d.code in ("SP001", "SP002") for d in result.diagnostics)


def _written(each: _Fixed) -> bool:
    """Write the fixed text over the file; False (said on stderr) when it may not be."""
    from .._io.files import format_of
    from .._io.inputs import PLAN
    from .._io.write import write_atomic

    path = each.result.path
    assert each.after is not None
    try:
        write_atomic(path, each.after, kind=PLAN, format=format_of(path))
    except OSError as exc:
        error(f"socialplan: error: cannot write the fixes to {path}: {exc}")
        return False
    return True


def _fixed_text(each: _Fixed, args: argparse.Namespace) -> str:
    """What was fixed in one file, in a line (without its file's name)."""
    from collections import Counter

    from .._core.text import counted

    codes = Counter(d.code for d in each.fixed)
    listed = ", ".join(code if n == 1 else f"{code} ×{n}" for code, n in sorted(codes.items()))
    said = f"fixed {counted(len(each.fixed), 'problem')} ({listed})" if each.fixed else ""
    said = said or "nothing to fix"
    if each.unsafe and not args.unsafe_fixes:
        said += f"; {each.unsafe} more with --unsafe-fixes"
    return said


def _say_fixed(each: _Fixed, args: argparse.Namespace, out: TextIO | None) -> None:
    from .._core.escape import visible_controls

    line = visible_controls(f"{each.result.path}: {_fixed_text(each, args)}")
    if out is None:
        error(line)
    else:
        out.write(line + "\n")


def _report_short(done: list[_Fixed], args: argparse.Namespace, out: TextIO) -> int:
    """``socialplan fix``'s output: a line per file, the findings left one a line."""
    from .._core.text import counted

    code = OK
    for each in done:
        result = each.result
        if result.unread is not None:
            error(f"socialplan: error: cannot read {result.path}: {result.unread}")
            code = USAGE
            continue
        _say_fixed(each, args, out)
        left = result.diagnostics
        out.writelines(f"  {d}\n" for d in left)
        if left:
            out.write(f"  {counted(len(left), 'problem')} left\n")
        if not result.ok and code == OK:
            code = FAILED
    return code


def _diff(each: _Fixed) -> str:
    """The change of one file as a unified diff, its lines escaped for a terminal."""
    import difflib

    from .._core.escape import visible_controls

    assert each.before is not None
    assert each.after is not None
    path = visible_controls(each.result.path)
    lines = difflib.unified_diff(
        each.before.splitlines(keepends=True),
        each.after.splitlines(keepends=True),
        fromfile=path,
        tofile=path,
    )
    shown = []
    for line in lines:
        body = line.removesuffix("\n")
        shown.append(visible_controls(body, keep="\t") + "\n")
        if not line.endswith("\n"):
            shown.append("\\ No newline at end of file\n")
    return "".join(shown)
