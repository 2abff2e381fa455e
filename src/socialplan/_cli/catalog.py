"""``socialplan rules``: the rule catalog, or the page of one rule."""

from __future__ import annotations

import argparse
from typing import TextIO

from .shared import OK, Commands, Handler, UsageError, json_text

__all__ = ["add_commands"]


def add_commands(commands: Commands) -> dict[str, Handler]:
    """Add ``rules`` to the ``socialplan`` parser; return its handler by name."""
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
    return {"rules": _rules}


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    from .._core.text import show
    from ..rules import RULES, all_rules

    catalog = all_rules()
    chosen = [r for r in catalog if r.code.startswith((args.code or "").upper())]
    if args.format == "markdown" and chosen:
        from ..rules._docs import catalog_markdown

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
    if found is None:  # said as --select says it, with the same near miss
        from ..rules._engine import code_problem, explain

        problem = code_problem(args.code)
        raise UsageError(explain(problem) if problem else f"no rule {show(args.code)}")
    if args.format == "json":
        page = {
            "code": found.code,
            "name": found.name,
            "severity": str(found.severity),
            "summary": found.summary,
            "why": found.why,
            "fix": found.fix,
            "fix_safety": found.fix_safety,
            "example": found.example,
        }
        out.write(json_text(page))
        return OK
    out.write(f"{found.code} {found.name} ({found.severity})\n\n{found.summary}\n\n")
    from ..rules._docs import fix_said

    out.write(f"Why: {found.why}\n\nHow to fix: {found.fix}\n\nAutofix: {fix_said(found)}\n")
    if found.example:
        example = "\n".join(f"    {line}" for line in found.example.splitlines())
        out.write(f"\nExample:\n{example}\n")
    return OK
