"""``socialplan check``: load plans, run the rules and print what they find, as text for
people, JSON for tools or SARIF for code-scanning dashboards.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from .many import FORMATS, add_repository_options
from .shared import (
    FAILED,
    OK,
    USAGE,
    Commands,
    Handler,
    UsageError,
    add_limit,
    json_text,
    version,
)

if TYPE_CHECKING:
    from .._core.diagnostics import Diagnostic, Fix
    from .._io.convert import Format
    from .._model import Plan

__all__ = ["add_commands"]


def _codes(text: str) -> list[str]:
    """The codes of one ``--select``/``--ignore``, as written: a selection takes any case, and
    a code refused is echoed as the user wrote it."""
    from .._core.text import show

    codes = [code.strip() for code in text.split(",") if code.strip()]
    if not codes:  # `--select ""` would run no rule, and a CI job pass forever
        raise argparse.ArgumentTypeError(
            f"{show(text)} names no rule code (give codes or prefixes such as SP2,SP701)"
        )
    return codes


def add_commands(commands: Commands) -> dict[str, Handler]:
    """Add ``check`` to the ``socialplan`` parser; return its handler by name."""
    check = commands.add_parser(
        "check",
        help="load plans and report what does not line up",
        description="Load each plan, run the rules over it and report every problem found. "
        "Rules are selected by [tool.socialplan] in the nearest pyproject.toml, then the "
        "plan's own [check] table, then these options.",
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="a plan file (.toml or .json), a folder or a glob (searched for plan files by "
        "their content, .gitignore'd paths skipped), or - for standard input",
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text for people (default), json for tools, sarif for code-scanning dashboards, "
        "github for workflow annotations, gitlab for Code Quality, junit, json-lines",
    )
    check.add_argument("--strict", action="store_true", help="count warnings as errors")
    check.add_argument(
        "--select",
        action="extend",
        type=_codes,
        metavar="CODES",
        help="run only these rules (codes or prefixes, comma-separated; repeatable)",
    )
    check.add_argument(
        "--ignore",
        action="extend",
        type=_codes,
        default=[],
        metavar="CODES",
        help="skip these rules (repeatable)",
    )
    add_repository_options(check)
    from .fix import add_fix_command, add_fix_options  # what `fix` shares with --fix

    add_fix_options(check)
    check.add_argument(
        "--baseline",
        metavar="FILE",
        help="findings accepted: when FILE does not exist, write the findings to it and exit 0; "
        "when it does, report only the findings it does not hold",
    )
    check.add_argument(
        "--report-unused-suppressions",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="report suppressions that suppress nothing (SP902); on by default with --strict",
    )
    add_limit(check)
    add_fix_command(commands, _codes)
    return {"check": _check, "fix": _fix}


class _Result:
    """One file's outcome: the plan (if it loaded) and its diagnostics, in the file's order;
    or why the file could not be read (*unread*), which ends no other file's check."""

    def __init__(
        self,
        path: str,
        plan: Plan | None,
        diagnostics: list[Diagnostic],
        unread: str | None = None,
    ) -> None:
        from .._core.diagnostics import file_order

        self.path = path
        self.plan = plan
        self.diagnostics = sorted(diagnostics, key=file_order)
        self.unread = unread
        #: How many findings the baseline hid (None: no baseline).
        self.hidden: int | None = None

    @property
    def counts(self) -> dict[str, int]:
        from .._counts import counts

        return counts(self.diagnostics)

    @property
    def ok(self) -> bool:
        return self.unread is None and self.counts["error"] == 0


def _check_one(path: str, args: argparse.Namespace, data: bytes | None = None) -> _Result:
    """Check the plan file at *path*, or, given its *data* (standard input), the plan it
    holds, named *path*."""
    from .._core.diagnostics import LoadError
    from .._core.limits import DEFAULT_LIMITS
    from .._io.files import format_of, read_limited
    from .._io.parse import decode, guessed_format

    fmt: Format
    try:
        fmt = format_of(path)
    except ValueError:
        if data is None:
            raise UsageError(f"{path}: a plan file ends in .toml or .json") from None
        fmt = guessed_format(data.decode("utf-8", "replace").lstrip("\ufeff"))
    try:
        if data is None:
            data = read_limited(path, args.limits or DEFAULT_LIMITS)
        text = decode(data, path)  # once, for both
    except OSError as exc:  # missing, a folder, not allowed: the other files are checked
        return _Result(path, None, [], unread=str(exc.strerror or exc))
    except LoadError as exc:
        return _Result(path, None, list(exc.diagnostics))
    return check_text(path, text, fmt, args)


def check_text(path: str, text: str, fmt: Format, args: argparse.Namespace) -> _Result:
    """Load and check the plan *text* of the file *path*: its diagnostics, placed in it."""
    from ..rules._document import check_document
    from .shared import project_selection

    plan, diagnostics = check_document(
        text,
        fmt,
        file=path,
        limits=args.limits,
        select=args.select,
        ignore=args.ignore,
        strict=args.strict,
        settings=project_selection(path),
        unused=getattr(args, "report_unused_suppressions", None),
    )
    return _Result(path, plan, diagnostics)


_HEADINGS = {"error": "errors", "warning": "warnings", "info": "info"}


def _report_text(result: _Result, out: TextIO) -> None:
    from .._core.diagnostics import grouped
    from .._core.escape import visible_controls
    from .._core.text import counted
    from .._counts import parts

    if result.unread is not None:  # said on stderr
        return
    plan = result.plan
    title = f"{result.path}: {plan.name}" if plan else f"{result.path}: could not be loaded"
    out.write(visible_controls(title) + "\n")
    if plan is not None:
        held = [counted(count, name) for name, count in parts(plan) if count]
        if held:
            out.write("  " + ", ".join(held) + "\n")
    # One line per finding as a reader sees it: the parts of a group on one line.
    shown = dict.fromkeys(result.counts, 0)
    for severity, heading in _HEADINGS.items():
        found = grouped(d for d in result.diagnostics if str(d.severity) == severity)
        if found:
            shown[severity] = len(found)
            out.write(f"  {heading} ({len(found)}):\n")
            out.writelines(_finding_text(group) + "\n" for group in found)
    tally = ", ".join(counted(count, severity) for severity, count in shown.items())
    out.write(f"  {tally}\n")
    if result.hidden:
        out.write(f"  {counted(result.hidden, 'finding')} hidden by the baseline\n")


#: How wide the line of a group of findings is wrapped (its parts are never cut).
_WIDTH = 100


def _finding_text(group: list[Diagnostic]) -> str:
    """One finding as ``check`` prints it: a diagnostic alone, or a group as one line
    naming every part (wrapped, never cut), placed at its first part, with the rule's fix."""
    from .._core.diagnostics import part_named
    from .._core.escape import visible_controls

    first = group[0]
    if len(group) == 1:
        return f"    {first}"
    from textwrap import wrap

    from ..rules import RULES

    column = first.column if first.line is not None else None
    where = ":".join(str(p) for p in (first.file, first.line, column) if p is not None)
    rule = RULES.get(first.code)
    fix = f" ({rule.fix})" if rule is not None and rule.fix else ""
    head = visible_controls(f"{where + ': ' if where else ''}{first.code} {first.group}:")
    body = visible_controls(", ".join(part_named(d) for d in group) + fix)
    if len(body) <= _WIDTH - len(_MORE):
        return f"    {head} {body}"
    lines = wrap(
        body,
        _WIDTH,
        initial_indent=_MORE,
        subsequent_indent=_MORE,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return "\n".join([f"    {head}", *lines])


#: The indent of the lines a long group of findings continues on.
_MORE = " " * 6


def _report_json(result: _Result) -> dict[str, object]:
    from .._counts import summary

    report: dict[str, object] = {
        "file": result.path,
        "ok": result.ok,
        "counts": result.counts,
        "diagnostics": [d.to_dict() for d in result.diagnostics],
    }
    if result.plan is not None:
        report["summary"] = summary(result.plan)
    if result.unread is not None:
        report["error"] = result.unread
    if result.hidden is not None:
        report["hidden_by_baseline"] = result.hidden
    return report


#: The version of the shape of ``check --format json``: 2 is one object with a list of files.
_JSON_VERSION = 2
#: The keys of a file's object that the output of one file repeats at its top, as version
#: 1 (one object for one file) had them: deprecated, to go in version 3.
_DEPRECATED_KEYS = ("file", "diagnostics", "summary")


def _json(results: list[_Result]) -> dict[str, object]:
    """The document of ``check --format json``: the totals, then one object per file."""
    from .._counts import counts

    files = [_report_json(r) for r in results]
    document: dict[str, object] = {
        "version": _JSON_VERSION,
        "ok": all(r.ok for r in results),
        "counts": counts(d for r in results for d in r.diagnostics),
        "files": files,
    }
    if len(files) == 1:
        document.update((k, files[0][k]) for k in _DEPRECATED_KEYS if k in files[0])
    return document


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _region(d: Diagnostic) -> dict[str, int]:
    """A SARIF region: the lines and columns (in characters, as the run says) of *d*."""
    region: dict[str, int | None] = {
        "startLine": d.line,
        "startColumn": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
    }
    return {key: value for key, value in region.items() if value is not None}


def _sarif_fix(fix: Fix, where: dict[str, Any]) -> dict[str, Any]:
    """A SARIF fix: its edits as replacements of regions of the file (SARIF 2.1.0, 3.55)."""
    replacements = [
        {
            "deletedRegion": {
                "startLine": e.line,
                "startColumn": e.column,
                "endLine": e.end_line,
                "endColumn": e.end_column,
            },
            "insertedContent": {"text": e.text},
        }
        for e in fix.edits
    ]
    return {
        "description": {"text": fix.title},
        "artifactChanges": [
            {"artifactLocation": where["artifactLocation"], "replacements": replacements}
        ],
        "properties": {"safe": fix.safe},
    }


def _sarif(results: list[_Result]) -> dict[str, Any]:
    from pathlib import Path

    from ..rules import all_rules

    catalog = all_rules()
    index = {r.code: i for i, r in enumerate(catalog)}
    findings = []
    for result in results:
        for d in result.diagnostics:
            location: dict[str, Any] = {
                "physicalLocation": {"artifactLocation": {"uri": Path(result.path).as_posix()}}
            }
            if d.line is not None:
                location["physicalLocation"]["region"] = _region(d)
            if d.path:
                location["logicalLocations"] = [{"fullyQualifiedName": d.path}]
            message = d.message + (f" ({d.hint})" if d.hint else "")
            finding: dict[str, Any] = {
                "ruleId": d.code,
                "level": _SARIF_LEVEL[str(d.severity)],
                "message": {"text": message},
                "locations": [location],
            }
            if d.code in index:
                finding["ruleIndex"] = index[d.code]
            if d.group is not None:  # one finding of several parts, in SARIF's property bag
                finding["properties"] = {"group": d.group}
            if d.fix is not None and d.fix.edits:
                finding["fixes"] = [_sarif_fix(d.fix, location["physicalLocation"])]
            findings.append(finding)
    driver = {
        "name": "socialplan",
        "version": version(),
        "informationUri": "https://github.com/socialplan/socialplan",
        "rules": [
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.why},
                "help": {"text": r.fix},
                "defaultConfiguration": {"level": _SARIF_LEVEL[str(r.severity)]},
            }
            for r in catalog
        ],
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": findings,
    }
    unread = [r for r in results if r.unread is not None]
    if unread:  # a file not checked: the run did not do all it was asked
        run["invocations"] = [
            {
                "executionSuccessful": False,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": f"cannot read {r.path}: {r.unread}"},
                        "locations": [
                            {"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}
                        ],
                    }
                    for r in unread
                ],
            }
        ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }


def _uri(path: str) -> str:
    from pathlib import Path

    return Path(path).as_posix()


def _check_codes(args: argparse.Namespace) -> None:
    """Refuse, all at once, the codes of --select and --ignore that name no rule."""
    from ..rules._engine import explain, selection_problems

    problems = [
        f"--{name}: {explain(problem)}"
        for name in ("select", "ignore")
        for _, problem in selection_problems(**{name: getattr(args, name)})
    ]
    if len(problems) > 1:
        raise UsageError("\n  ".join([f"{len(problems)} problems with the rule codes:", *problems]))
    if problems:
        raise UsageError(problems[0])


def _check(args: argparse.Namespace, out: TextIO) -> int:
    """Check every file; a file that cannot be read is named on stderr, the others are
    reported, and the exit code is 2 (a file not checked outweighs the errors of others)."""
    from . import many
    from .shared import error

    _check_codes(args)
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes applies with --fix or --diff: add one of them")
    if args.fix or args.diff:
        from .fix import fix_files

        return fix_files(args, out, _checker(), report=True)
    results, several, problems = many.check_all(args, _check_one)
    for problem in problems:
        error(f"socialplan: error: {problem}")
    code = _reported(results, args, out, several=several)
    return USAGE if problems else code


def _fix(args: argparse.Namespace, out: TextIO) -> int:
    """``socialplan fix``: ``check --fix``, saying only what was fixed and what remains."""
    from .fix import fix_files

    args.strict, args.format, args.fix = False, "text", True
    _check_codes(args)
    return fix_files(args, out, _checker(), report=False)


def _checker() -> Any:
    from .fix import Checker

    return Checker(
        check_text, lambda path, found, unread: _Result(path, None, found, unread), report_results
    )


def report_results(results: list[_Result], args: argparse.Namespace, out: TextIO) -> int:
    """Print the *results* as ``--format`` asks; the exit code they make."""
    return _reported(results, args, out, several=len(results) > 1)


def _reported(
    results: list[_Result], args: argparse.Namespace, out: TextIO, *, several: bool
) -> int:
    from . import many
    from .shared import error

    for result in results:
        if result.unread is not None:
            error(f"socialplan: error: cannot read {result.path}: {result.unread}")
    written = _baseline(args, results) if getattr(args, "baseline", None) else None
    text = many.rendered(args, results, several)
    if text is None and args.format in ("json", "sarif"):
        text = json_text(_json(results) if args.format == "json" else _sarif(results))
    elif text is None:
        text = _text(args, results, several)
    many.write(args, out, text, results)
    if written is not None:  # said after the report it holds
        error(written)
    if any(r.unread is not None for r in results):
        return USAGE
    accepted = written or getattr(args, "exit_zero", False)
    return OK if accepted or all(r.ok for r in results) else FAILED


def _text(args: argparse.Namespace, results: list[_Result], several: bool) -> str:
    """The text of ``check``: each file's report (or, ``--quiet``, its findings' lines) and,
    for several files, the closing summary."""
    import io

    from . import many

    out = io.StringIO()
    for result in results:
        if args.quiet:
            _findings_text(result, out)
        else:
            _report_text(result, out)
    if several and results and not args.quiet:
        out.write(many.summary(results) + "\n")
    return out.getvalue()


def _findings_text(result: _Result, out: TextIO) -> None:
    """*result*'s findings alone, one line each (``--quiet``)."""
    from .._core.diagnostics import grouped

    for severity in _HEADINGS:
        found = grouped(d for d in result.diagnostics if str(d.severity) == severity)
        out.writelines(_finding_text(group).removeprefix("    ") + "\n" for group in found)


def _baseline(args: argparse.Namespace, results: list[_Result]) -> str | None:
    """Write the baseline of *results* if ``--baseline`` names no file (and say so), or hide
    from *results* the findings the one it names holds (None)."""
    import os

    from .._core.text import counted as counted_words
    from . import baseline
    from .shared import UsageError, error

    output = getattr(args, "output_file", None)
    if output and os.path.realpath(output) == os.path.realpath(args.baseline):
        message = f"--output-file {output} is the baseline {args.baseline}"
        raise UsageError(f"{message}: name another file for one of them")
    if not os.path.lexists(args.baseline):
        if any(r.unread is not None for r in results):
            error(f"socialplan: the baseline {args.baseline} was not written: a file was not read")
            return None
        counted = baseline.entries(args.baseline, ((r.path, r.diagnostics) for r in results))
        baseline.write(args.baseline, counted)
        findings = counted_words(sum(counted.values()), "finding")
        return f"socialplan: wrote {findings} to the baseline {args.baseline}"
    counted = baseline.read(args.baseline)
    for result in results:
        result.diagnostics, result.hidden = baseline.hide(
            counted, args.baseline, result.path, result.diagnostics
        )
    return None
