"""A plan's text checked as ``socialplan check`` checks it: the one path from text to findings.

The command line and the language server both show what this returns, so a file gets the
same findings in the terminal, in CI and in the editor: it is loaded (every load problem
reported at once), its rules run under the project's selection, the author's suppressions
are applied (malformed ones reported, unused ones when asked), and every finding is placed
at its line and column in the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .._core.diagnostics import Diagnostic, LoadError
from .._io.files import loads

if TYPE_CHECKING:
    from .._core.limits import Limits
    from .._io.convert import Format
    from .._io.positions import PositionIndex
    from .._model import Plan
    from ._engine import Selection

__all__ = ["check_document"]


def check_document(
    text: str,
    fmt: Format,
    *,
    file: str | None = None,
    limits: Limits | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    strict: bool = False,
    settings: Selection | None = None,
    unused: bool | None = None,
    index: PositionIndex | None = None,
) -> tuple[Plan | None, list[Diagnostic]]:
    """The plan *text* (a *fmt* document, the file *file*) and what ``check`` shows of it,
    placed in the text: the load problems when it does not load (and no plan), or the
    findings of its rules with the suppressions applied (SP902 for the unused ones when
    *unused*, by default when the selection is strict). *index*, the text's index of
    positions when the caller keeps one for later questions, places them (one is made
    otherwise)."""
    from .._io.positions import PositionIndex, place
    from ._engine import validate
    from ._suppress import suppressed_with

    try:
        plan = loads(text, fmt, file=file, limits=limits)
    except LoadError as exc:
        return None, list(exc.diagnostics)
    report = validate(plan, select=select, ignore=ignore, strict=strict, settings=settings)
    # One index of the text, read when first asked (a TOML one takes about as long as
    # loading the text): the suppression comments are matched and the findings placed.
    if index is None:
        index = PositionIndex.of(text.removeprefix("\ufeff"), fmt)
    shown = suppressed_with(report, text, fmt, index, plan=plan, settings=settings)
    return plan, place(shown.report(unused=unused).diagnostics, text, fmt, file, index)
