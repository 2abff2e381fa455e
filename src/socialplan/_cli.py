"""The ``socialplan`` command line.

Exit codes: 0 the plan loaded with no errors, 1 the plan has errors,
2 usage error or a file that cannot be read, 3 an internal error (a bug:
please report it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ._diagnostics import Diagnostic
    from ._model import Plan

__all__ = ["main"]

OK, FAILED, USAGE, INTERNAL = 0, 1, 2, 3


class _UsageError(Exception):
    """Something the user asked for cannot be done: exit code 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="socialplan",
        description="Build and check social-media strategy plans.",
        epilog="Exit codes: 0 no errors, 1 the plan has errors, 2 usage or unreadable file.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="load plans and report their problems",
        description="Load each plan and print a summary of its parts, or every problem found.",
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="a plan file (.toml or .json)")
    check.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text for people (default), json for tools",
    )
    return parser


def _summary(plan: Plan) -> list[tuple[str, int]]:
    content = plan.content
    return [
        ("business goals", len(plan.business_goals)),
        ("objectives", len(plan.objectives)),
        ("stakeholder inputs", len(plan.stakeholder_input)),
        ("audiences", len(plan.audiences)),
        ("channels", len(plan.channels)),
        ("influencers", len(plan.influencers)),
        ("roles", len(plan.roles)),
        ("routing rules", len(plan.routing)),
        ("content pillars", len(content.pillars) if content else 0),
        ("calendar entries", len(plan.calendar)),
        ("metrics", len(plan.metrics)),
        ("engagement rules", len(plan.engagement)),
        ("resources", len(plan.resources)),
        ("scenarios", len(plan.scenarios)),
        ("step records", len(plan.steps)),
    ]


def _check_one(path: str) -> tuple[Plan | None, list[Diagnostic]]:
    from ._diagnostics import LoadError
    from ._io import format_of, load

    try:
        format_of(path)
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    try:
        return load(path), []
    except LoadError as exc:
        return None, list(exc.diagnostics)
    except OSError as exc:
        raise _UsageError(f"cannot read {path}: {exc.strerror or exc}") from None


def _report_text(path: str, plan: Plan | None, problems: list[Diagnostic], out: TextIO) -> None:
    if plan is not None:
        out.write(f"{path}: {plan.name} — loaded\n")
        parts = [f"{count} {name}" for name, count in _summary(plan) if count]
        if parts:
            out.write("  " + ", ".join(parts) + "\n")
        return
    noun = "problem" if len(problems) == 1 else "problems"
    out.write(f"{path}: {len(problems)} {noun}\n")
    for problem in problems:
        out.write(f"  {problem}\n")


def _report_json(path: str, plan: Plan | None, problems: list[Diagnostic]) -> dict[str, object]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for problem in problems:
        counts[str(problem.severity)] += 1
    report: dict[str, object] = {
        "file": path,
        "ok": counts["error"] == 0,
        "counts": counts,
        "diagnostics": [p.to_dict() for p in problems],
    }
    if plan is not None:
        report["summary"] = dict(_summary(plan))
    return report


def _check(args: argparse.Namespace, out: TextIO) -> int:
    status = OK
    reports = []
    for path in args.files:
        plan, problems = _check_one(path)
        if problems:
            status = FAILED
        if args.format == "json":
            reports.append(_report_json(path, plan, problems))
        else:
            _report_text(path, plan, problems, out)
    if args.format == "json":
        document = reports[0] if len(reports) == 1 else reports
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return status


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
        return _check(args, sys.stdout)
    except _UsageError as exc:
        print(f"socialplan: error: {exc}", file=sys.stderr)
        return USAGE
    except Exception as exc:
        if os.environ.get("SOCIALPLAN_DEBUG"):
            raise
        print(
            f"socialplan: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in socialplan; run again with SOCIALPLAN_DEBUG=1 "
            "for the traceback and please report it.",
            file=sys.stderr,
        )
        return INTERNAL


def run() -> None:
    """Entry point of the console script."""
    sys.exit(main())
