"""The ``socialplan`` command line.

Exit codes: 0 no errors (warnings allowed unless ``--strict``), 1 a plan has
errors, 2 usage error, unreadable file or bad configuration, 3 an internal
error (a bug: please report it).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

# json and pathlib are imported where they are used: `socialplan check` starts fast.
if TYPE_CHECKING:
    from ._core.diagnostics import Diagnostic
    from ._core.limits import Limits
    from ._model import Plan
    from .rules import Selection

__all__ = ["main"]

OK, FAILED, USAGE, INTERNAL = 0, 1, 2, 3

#: The handlers of the commands other modules add, by name.
_HANDLERS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {}


class _UsageError(Exception):
    """Something the user asked for cannot be done: exit code 2."""


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


class _Parser(argparse.ArgumentParser):
    """An argument parser whose help, and its subparsers' (their class is its), uses _Formatter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _codes(text: str) -> list[str]:
    return [code.strip().upper() for code in text.split(",") if code.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="socialplan",
        description="Build and check social-media strategy plans.",
        epilog="Exit codes: 0 no errors, 1 a plan has errors, 2 usage error or unreadable file, "
        "3 internal error.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    # An explicit prog spares argparse a help formatter (and its import of shutil) now.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog=parser.prog)

    check = commands.add_parser(
        "check",
        help="load plans and report what does not line up",
        description="Load each plan, run the rules over it and report every problem found. "
        "Rules are selected by [tool.socialplan] in the nearest pyproject.toml, then the "
        "plan's own [check] table, then these options.",
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="a plan file (.toml or .json)")
    check.add_argument(
        "--format",
        choices=["text", "json", "sarif"],
        default="text",
        help="text for people (default), json for tools, sarif for code-scanning dashboards",
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

    status = commands.add_parser(
        "status",
        help="show where the plan stands, step by step",
        description="A table of the methodology's steps: state, owner, due date, what is missing.",
    )
    status.add_argument("file", metavar="FILE", help="a plan file (.toml or .json)")
    status.add_argument(
        "--methodology",
        metavar="NAME",
        help="a built-in methodology (14-steps, a-s, listen-think-act-monitor); "
        "default: the plan's own, else 14-steps",
    )
    status.add_argument("--format", choices=["text", "json"], default="text")

    maturity = commands.add_parser(
        "maturity",
        help="assess the organization's social media maturity (10 stages)",
        description="Which of the ten stages of seed 002's maturity model the plan shows, "
        "with the evidence for each and what is missing for the next.",
    )
    maturity.add_argument("file", metavar="FILE", help="a plan file (.toml or .json)")
    maturity.add_argument("--format", choices=["text", "json"], default="text")

    rules = commands.add_parser(
        "rules",
        help="list the rule catalog, or explain one rule",
        description="Without a code, list every rule; with one, show its page.",
    )
    rules.add_argument("code", nargs="?", help="a rule code such as SP201")
    rules.add_argument(
        "--format",
        choices=["text", "json", "markdown"],
        default="text",
        help="text (default), json, or markdown (the page in docs/rules.md)",
    )
    from ._cli_outputs import add_commands

    _HANDLERS.update(add_commands(commands))
    for name in _LOADING:
        commands.choices[name].add_argument(
            "--limit",
            action="append",
            type=_limit,
            default=[],
            metavar="NAME=N",
            help="raise a limit on the plan files read: "
            + ", ".join(_limit_names())
            + " (repeatable)",
        )
    return parser


#: The commands that read plan files, and take --limit.
_LOADING = ("check", "status", "maturity", "report", "score", "trace", "graph", "export", "diff")


def _limit_names() -> list[str]:
    """The names ``--limit`` takes: the fields of :class:`socialplan.Limits`."""
    import attrs

    from ._core.limits import Limits

    return [field.name for field in attrs.fields(Limits)]


def _limit(text: str) -> tuple[str, int]:
    """``NAME=N`` of ``--limit``: a limit's name and a whole number (``_`` may group digits)."""
    name, _, value = text.partition("=")
    name = name.strip()
    names = _limit_names()
    if name not in names:
        from ._core.vocab import did_you_mean

        near = did_you_mean(name, names)
        hint = f'did you mean "{near}"?' if near else "expected " + ", ".join(names)
        raise argparse.ArgumentTypeError(f"{name!r} is not a limit ({hint})")
    try:
        return name, int(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{name}: {value!r} is not a whole number") from None


def _limits_of(args: argparse.Namespace) -> Limits | None:
    """The limits ``--limit`` asks for, over the defaults; None for the defaults."""
    pairs = getattr(args, "limit", None)
    if not pairs:
        return None
    from ._core.limits import Limits

    try:
        return Limits(**dict(pairs))
    except ValueError as exc:
        raise _UsageError(f"--limit: {exc}") from None


def json_text(document: object) -> str:
    """*document* as indented JSON text, with no control character a terminal would act on."""
    import json

    from ._core.escape import escaped_controls

    return escaped_controls(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def _summary(plan: Plan) -> list[tuple[str, int]]:
    from ._display import summary

    return summary(plan)


def _parts(plan: Plan) -> list[tuple[str, int]]:
    from ._display import parts

    return parts(plan)


def _project_settings(plan_path: str | os.PathLike[str]) -> Selection | None:
    """The [tool.socialplan] table of the nearest pyproject.toml above the plan."""
    folder = os.path.dirname(os.path.realpath(plan_path))  # as Path.resolve(), without pathlib
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate):
            return _read_settings(candidate)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _read_settings(path: str) -> Selection | None:
    from cattrs.errors import BaseValidationError

    from ._core.diagnostics import format_path
    from ._io.convert import _converter, code_problems, transform_error
    from ._io.inputs import SETTINGS, remember
    from ._io.parse import toml_loads
    from ._model import CheckSettings
    from .rules import Selection
    from .rules._engine import explain, selection_problems

    parse, decode_error = toml_loads()
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
        remember(path, SETTINGS, None)  # no output may go over it
        tool = parse(text).get("tool")
    except (OSError, UnicodeDecodeError, decode_error) as exc:
        raise _UsageError(f"cannot read the settings in {path}: {exc}") from None
    except RecursionError:  # the parser's own limit on nesting
        raise _UsageError(f"{path}: tables and lists nest too deep to read") from None
    except ValueError:  # int() refuses a number of more than 4,300 digits
        raise _UsageError(f"{path}: a number of more than 4,300 digits") from None
    table = tool.get("socialplan") if isinstance(tool, dict) else None  # `tool = 1`: not ours
    if table is None:
        return None
    try:
        settings = _converter("toml").structure(table, CheckSettings)
    except (BaseValidationError, ValueError) as exc:
        settings, found = None, transform_error(exc)
    else:
        found = []
    problems = [
        f"  {'.'.join(filter(None, ['tool.socialplan', d.path.removeprefix('plan.')]))}: "
        f"{d.message}" + (f" ({d.hint})" if d.hint else "")
        for d in found
    ]
    # Structuring checks the shape of the codes; whether they name rules is the catalog's to say.
    codes = [table.get(key) if isinstance(table, dict) else None for key in _CODE_KEYS]
    misshapen = {format_path(place) for place, _ in code_problems(*codes)}
    problems += [
        f"  tool.socialplan.{format_path(place)}: {explain(problem)}"
        for place, problem in selection_problems(*codes)
        if format_path(place) not in misshapen
    ]
    if problems or settings is None:
        raise _UsageError(f"bad settings in {path}:\n" + "\n".join(problems)) from None
    return Selection.of(settings)


_CODE_KEYS = ("select", "ignore", "severity")


class _Result:
    """One file's outcome: the plan (if it loaded) and its diagnostics, in the file's order."""

    def __init__(self, path: str, plan: Plan | None, diagnostics: list[Diagnostic]) -> None:
        from ._core.diagnostics import file_order

        self.path = path
        self.plan = plan
        self.diagnostics = sorted(diagnostics, key=file_order)

    @property
    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for diagnostic in self.diagnostics:
            counts[str(diagnostic.severity)] += 1
        return counts

    @property
    def ok(self) -> bool:
        return self.counts["error"] == 0


def _check_one(path: str, args: argparse.Namespace) -> _Result:
    from ._core.diagnostics import LoadError
    from ._core.limits import DEFAULT_LIMITS
    from ._io.files import format_of, loads, read_limited
    from .rules import validate

    try:
        fmt = format_of(path)
    except ValueError:
        raise _UsageError(f"{path}: a plan file ends in .toml or .json") from None
    try:
        data = read_limited(path, args.limits or DEFAULT_LIMITS)
        plan = loads(data, fmt, file=path, limits=args.limits)
    except OSError as exc:
        raise _UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    except LoadError as exc:
        return _Result(path, None, list(exc.diagnostics))
    report = validate(
        plan,
        select=args.select,
        ignore=args.ignore,
        strict=args.strict,
        settings=_project_settings(path),
    )
    return _Result(path, plan, list(report.located(data.decode("utf-8"), fmt, path)))


_HEADINGS = {"error": "errors", "warning": "warnings", "info": "info"}


def _report_text(result: _Result, out: TextIO) -> None:
    from ._core.escape import visible_controls
    from ._core.text import counted

    plan = result.plan
    title = f"{result.path}: {plan.name}" if plan else f"{result.path}: could not be loaded"
    out.write(visible_controls(title) + "\n")
    if plan is not None:
        parts = [counted(count, name) for name, count in _parts(plan) if count]
        if parts:
            out.write("  " + ", ".join(parts) + "\n")
    for severity, heading in _HEADINGS.items():
        found = [d for d in result.diagnostics if str(d.severity) == severity]
        if found:
            out.write(f"  {heading} ({len(found)}):\n")
            out.writelines(f"    {d}\n" for d in found)
    tally = ", ".join(counted(count, severity) for severity, count in result.counts.items())
    out.write(f"  {tally}\n")


def _report_json(result: _Result) -> dict[str, object]:
    report: dict[str, object] = {
        "file": result.path,
        "ok": result.ok,
        "counts": result.counts,
        "diagnostics": [d.to_dict() for d in result.diagnostics],
    }
    if result.plan is not None:
        report["summary"] = dict(_summary(result.plan))
    return report


#: The version of the shape of ``check --format json``: 2 is one object with a list of files.
_JSON_VERSION = 2
#: The keys of a file's object that the output of one file repeats at its top, as version
#: 1 (one object for one file) had them: deprecated, to go in version 3.
_DEPRECATED_KEYS = ("file", "diagnostics", "summary")


def _json(results: list[_Result]) -> dict[str, object]:
    """The document of ``check --format json``: the totals, then one object per file."""
    files = [_report_json(r) for r in results]
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for severity, count in result.counts.items():
            counts[severity] += count
    document: dict[str, object] = {
        "version": _JSON_VERSION,
        "ok": all(r.ok for r in results),
        "counts": counts,
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


def _sarif(results: list[_Result]) -> dict[str, Any]:
    from pathlib import Path

    from . import __version__
    from .rules import all_rules

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
            findings.append(finding)
    driver = {
        "name": "socialplan",
        "version": __version__,
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
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": findings,
            }
        ],
    }


def _check_codes(args: argparse.Namespace) -> None:
    """Refuse, all at once, the codes of --select and --ignore that name no rule."""
    from .rules._engine import explain, selection_problems

    problems = [
        f"--{name}: {explain(problem)}"
        for name in ("select", "ignore")
        for _, problem in selection_problems(**{name: getattr(args, name)})
    ]
    if len(problems) > 1:
        raise _UsageError(
            "\n  ".join([f"{len(problems)} problems with the rule codes:", *problems])
        )
    if problems:
        raise _UsageError(problems[0])


def _check(args: argparse.Namespace, out: TextIO) -> int:
    _check_codes(args)
    results = [_check_one(path, args) for path in args.files]
    if args.format in ("json", "sarif"):
        if args.format == "json":
            document: object = _json(results)
        else:
            document = _sarif(results)
        out.write(json_text(document))
    else:
        for result in results:
            _report_text(result, out)
    return OK if all(r.ok for r in results) else FAILED


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    from ._core.vocab import did_you_mean
    from .rules import RULES, all_rules

    catalog = all_rules()
    chosen = [r for r in catalog if r.code.startswith((args.code or "").upper())]
    if args.format == "markdown" and chosen:
        from .rules._docs import catalog_markdown

        out.write(catalog_markdown(chosen))
        return OK
    if args.code is None:
        if args.format == "json":
            rows = [{"code": r.code, "name": r.name, "severity": str(r.severity),
                     "summary": r.summary} for r in catalog]  # fmt: skip
            out.write(json_text(rows))
        else:
            out.writelines(
                f"{r.code}  {r.name:<34} {r.severity!s:<8} {r.summary}\n" for r in catalog
            )
        return OK
    code = args.code.upper()
    found = RULES.get(code)
    if found is None and chosen:
        out.writelines(f"{r.code}  {r.name:<34} {r.severity!s:<8} {r.summary}\n" for r in chosen)
        return OK
    if found is None:
        near = did_you_mean(code, RULES)
        hint = f'; did you mean "{near}"?' if near else "; `socialplan rules` lists them"
        raise _UsageError(f"no rule {args.code}{hint}")
    if args.format == "json":
        page = {
            "code": found.code,
            "name": found.name,
            "severity": str(found.severity),
            "summary": found.summary,
            "why": found.why,
            "fix": found.fix,
            "example": found.example,
        }
        out.write(json_text(page))
        return OK
    out.write(f"{found.code} {found.name} ({found.severity})\n\n{found.summary}\n\n")
    out.write(f"Why: {found.why}\n\nHow to fix: {found.fix}\n")
    if found.example:
        example = "\n".join(f"    {line}" for line in found.example.splitlines())
        out.write(f"\nExample:\n{example}\n")
    return OK


def _load_for_command(path: str, limits: Limits | None) -> Plan:
    """Load a plan for a command that needs one whole: problems end the command (exit 1)."""
    from ._core.diagnostics import LoadError
    from ._io.files import format_of, load

    try:
        format_of(path)
    except ValueError:
        raise _UsageError(f"{path}: a plan file ends in .toml or .json") from None
    try:
        return load(path, limits=limits)
    except LoadError as exc:
        raise _PlanError(str(exc)) from None
    except OSError as exc:
        raise _UsageError(f"cannot read {path}: {exc.strerror or exc}") from None


class _PlanError(Exception):
    """The plan cannot be used as it is: exit code 1."""


def _progress_of(args: argparse.Namespace) -> Any:
    from .steps import MethodologyError, progress

    plan = _load_for_command(args.file, args.limits)
    try:
        return plan, progress(plan, args.methodology)
    except MethodologyError as exc:
        raise _PlanError(f"{args.file}: the methodology is not usable:\n{exc}") from None


def _status(args: argparse.Namespace, out: TextIO) -> int:
    from ._core.escape import visible_controls

    plan, current = _progress_of(args)
    if args.format == "json":
        document = {
            "file": args.file,
            "methodology": current.methodology.name,
            "counts": current.counts(),
            "next": current.next(),
            "steps": [
                {**row, "due": row["due"].isoformat() if row["due"] else None}
                for row in current.to_records()
            ],
        }
        out.write(json_text(document))
        return OK
    rows: list[list[str]] = [["#", "step", "state", "owner", "due", "what is missing"]]
    for step in current:
        missing = step.missing[0] if step.missing and step.state != "done" else ""
        if len(step.missing) > 1 and step.state != "done":
            missing += f" (+{len(step.missing) - 1} more)"
        if step.state == "blocked":
            missing = "needs " + ", ".join(step.blocked_by)
        if step.state == "skipped":
            missing = step.note or ""
        cells = [step.label, step.id, str(step.state), step.owner or "", str(step.due or "")]
        rows.append([visible_controls(cell) for cell in (*cells, missing)])
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    out.write(visible_controls(f"{args.file}: {plan.name} — {current.methodology.title}") + "\n")
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.write("  " + "  ".join([*cells, row[5]]).rstrip() + "\n")
    counts = current.counts()
    summary = ", ".join(f"{n} {state}" for state, n in counts.items())
    ready = current.next()
    out.write(f"  {summary}; next: {', '.join(ready) if ready else 'nothing to start'}\n")
    return OK


def _maturity(args: argparse.Namespace, out: TextIO) -> int:
    from ._core.escape import visible_controls
    from .steps import maturity

    plan = _load_for_command(args.file, args.limits)
    assessed = maturity(plan)
    if args.format == "json":
        document = {
            "file": args.file,
            "stage": assessed.stage,
            "name": assessed.name,
            "stages": [
                {
                    "number": s.number,
                    "name": s.name,
                    "reached": s.reached,
                    "evidence": list(s.evidence),
                    "missing": list(s.missing),
                }
                for s in assessed.stages
            ],
        }
        out.write(json_text(document))
        return OK
    title = f"{args.file}: stage {assessed.stage} of 10 — {assessed.name}"
    out.write(visible_controls(title) + "\n")
    for stage in assessed.stages:
        mark = "x" if stage.reached else " "
        detail = (
            "; ".join(stage.evidence) if stage.reached else "missing: " + "; ".join(stage.missing)
        )
        out.write(visible_controls(f"  [{mark}] {stage.number:>2}. {stage.name}: {detail}") + "\n")
    return OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        from . import __version__

        print(f"socialplan {__version__}")
        return OK
    if args.command is None:
        parser.print_help(sys.stderr)
        return USAGE
    try:
        _no_nul(args)
        args.limits = _limits_of(args)
        command = {
            "check": _check,
            "rules": _rules,
            "status": _status,
            "maturity": _maturity,
            **_HANDLERS,
        }[args.command]
        code = command(args, sys.stdout)
        sys.stdout.flush()  # a full disk fails here, not when the interpreter exits
        return code
    except _PlanError as exc:
        _error(str(exc))
        return FAILED
    except _UsageError as exc:
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
                raise _UsageError(f"{name} {text!r} holds a NUL character, which no name can")


def _error(message: str) -> None:
    """Print *message* to stderr; what it quotes from a plan or a path cannot move the cursor."""
    from ._core.escape import visible_controls

    print("\n".join(map(visible_controls, message.split("\n"))), file=sys.stderr)


def run() -> None:
    """Entry point of the console script."""
    sys.exit(main())
