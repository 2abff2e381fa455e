"""``socialplan status`` and ``socialplan maturity``: where the plan stands, step by step,
and which stage of social media maturity it shows.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from .shared import OK, Commands, Handler, add_limit, json_text, load_plan, progress_of

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
        description="Which of the ten stages of seed 002's maturity model the plan shows, "
        "with the evidence for each and what is missing for the next.",
    )
    maturity.add_argument("file", metavar="FILE", help="a plan file (.toml or .json)")
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
