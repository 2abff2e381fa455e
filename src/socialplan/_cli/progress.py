"""``socialplan status`` and ``socialplan maturity``: where the plan stands, step by step,
and which stage of social media maturity it shows.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from .shared import (
    OK,
    Commands,
    Handler,
    add_limit,
    day,
    json_text,
    load_observations,
    load_plan,
    progress_of,
)

__all__ = ["add_commands"]


def add_commands(commands: Commands) -> dict[str, Handler]:
    """Add ``status`` and ``maturity`` to the ``socialplan`` parser; return their handlers."""
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
    add_limit(status)

    maturity = commands.add_parser(
        "maturity",
        help="assess the organization's social media maturity (10 stages)",
        description="Which of the ten stages of seed 002's maturity model the organization "
        "practises (observations over time, entries published, a launch in the past, steps "
        "done) and which its plan would take it to, with each stage's evidence, planned or "
        "practised, found or missing.",
    )
    maturity.add_argument("file", metavar="FILE", help="a plan file (.toml or .json)")
    maturity.add_argument(
        "--observations",
        metavar="FILE",
        help="measured results (.csv, .json or .toml), as for score: evidence of practice",
    )
    maturity.add_argument(
        "--as-of",
        type=day,
        metavar="DATE",
        help="assess as on this day (YYYY-MM-DD); default: the latest observation's date",
    )
    maturity.add_argument("--format", choices=["text", "json"], default="text")
    add_limit(maturity)
    return {"status": _status, "maturity": _maturity}


def _status(args: argparse.Namespace, out: TextIO) -> int:
    from .._core.escape import visible_controls

    plan, current = progress_of(args)
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
        state = str(step.state)
        if step.state == "blocked":
            missing = "needs " + ", ".join(step.blocked_by)
        elif step.state == "written" and step.blocked_by:
            state += ", but needs " + ", ".join(step.blocked_by)
            missing = "" if step.complete else missing
        if step.state == "skipped":
            missing = step.note or ""
        cells = [step.label, step.id, state, step.owner or "", str(step.due or "")]
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
    from .._core.escape import visible_controls
    from ..steps import maturity

    plan = load_plan(args.file, args.limits)
    seen = load_observations(plan, args.observations) if args.observations else ()
    assessed = maturity(plan, seen, as_of=args.as_of)
    if args.format == "json":
        document = {
            "file": args.file,
            "as_of": assessed.as_of.isoformat() if assessed.as_of else None,
            "stage": assessed.stage,
            "name": assessed.name,
            "planned": assessed.planned,
            "planned_name": assessed.planned_name,
            "stages": [
                {
                    "number": s.number,
                    "name": s.name,
                    "reached": s.reached,
                    "planned": s.planned,
                    "evidence": list(s.evidence),
                    "missing": list(s.missing),
                    "rests_on": list(s.rests_on),
                    "pieces": [
                        {
                            "key": e.key,
                            "what": e.what,
                            "kind": str(e.kind),
                            "found": e.found,
                            "where": e.where,
                            "missing": None if e.found else e.missing,
                        }
                        for e in s.pieces
                    ],
                }
                for s in assessed.stages
            ],
        }
        out.write(json_text(document))
        return OK
    title = (
        f"{args.file}: stage {assessed.stage} of 10 practised — {assessed.name}; "
        f"planned: stage {assessed.planned} — {assessed.planned_name}"
    )
    if assessed.as_of is not None:
        title += f" (as of {assessed.as_of.isoformat()})"
    out.write(visible_controls(title) + "\n")
    for stage in assessed.stages:
        mark = "x" if stage.reached else "p" if stage.planned else " "
        out.write(visible_controls(f"  [{mark}] {stage.number:>2}. {stage.name}") + "\n")
        for piece in stage.pieces:
            shown = piece.what if piece.found else piece.missing
            tick = "+" if piece.found else "-"
            line = f"        {tick} {piece.kind:<9} {shown}"
            out.write(visible_controls(line) + "\n")
    out.write("  [x] practised, [p] planned only; + found, - missing\n")
    return OK
