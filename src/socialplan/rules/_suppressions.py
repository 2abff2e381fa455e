"""SP902, SP903: suppressions that suppress nothing, and suppression comments that are not
ones. Documented here; found by :func:`socialplan.rules.suppress`, not by a run of the rules.

They are rules of the catalog all the same: ``select``, ``ignore`` and ``severity`` name
them as any other (``--ignore SP902``), and their findings are placed at their line.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._context import Context
from ._registry import Finding, rule

__all__ = ["INVALID_SUPPRESSION", "UNUSED_SUPPRESSION"]

UNUSED_SUPPRESSION = "SP902"
INVALID_SUPPRESSION = "SP903"


@rule(
    UNUSED_SUPPRESSION,
    "unused-suppression",
    "warning",
    summary="A suppression comment (`# socialplan: ignore[SP204]`) or a "
    "`[check.per_path_ignores]` entry that hides no finding; reported with "
    "`--report-unused-suppressions`, on by default with `--strict`.",
    why="A suppression outlives the finding it was written for: once the plan is fixed it "
    "hides nothing, until a new problem of the same kind appears on that line or path and is "
    "hidden without anyone having looked at it. Linters report the same (ruff's RUF100).",
    fix="Remove the comment, the code from it, or the per-path entry, as the message says.",
    example="[objectives.awareness]  # socialplan: ignore[SP204] - the board sets it\n"
    'title = "Be known"\n'
    '[objectives.awareness.target]\nvalue = 500\nunit = "followers"\ndeadline = 2027-06-30',
)
def unused_suppression(_context: Context) -> Iterator[Finding]:
    """Found by ``suppress()``, which reads the file's text: a plan alone has none."""
    return iter(())


@rule(
    INVALID_SUPPRESSION,
    "invalid-suppression",
    "warning",
    summary="A comment that starts `# socialplan:` but is not a suppression socialplan "
    "reads: a misspelled `ignore`, no brackets, or a code that names no rule.",
    why="A suppression with a typo suppresses nothing: the finding it was written for is "
    "still reported, and without this one nobody would know why.",
    fix="Write `# socialplan: ignore[CODE, ...]`, codes or prefixes of rules, with a reason "
    "after a dash if you like: `# socialplan: ignore[SP204] - the board sets the date`.",
    example="[objectives.awareness]  # socialplan: ignore[SP2O4]",
)
def invalid_suppression(_context: Context) -> Iterator[Finding]:
    """Found by ``suppress()``, which reads the file's text: a plan alone has none."""
    return iter(())
