"""Checking the text of an open document: what ``socialplan check`` finds in it, as data.

A pure function of the text (and the project's settings): the editor's buffer is checked,
not the file on disk, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._core.diagnostics import Diagnostic, LoadError, Severity
from .._io.parse import guessed_format
from .._io.positions import PositionIndex
from .._model import Plan
from ..rules import Selection, project_settings
from ..rules._document import check_document

__all__ = ["Checked", "check_text", "format_for"]


@attrs.frozen(eq=False)
class Checked:
    """One check of a document's text: the plan (None when it did not load) and every
    diagnostic, each placed in the text."""

    text: str
    fmt: str
    plan: Plan | None
    diagnostics: tuple[Diagnostic, ...]
    #: Where each key and value of the text is: read at its first question, once for the
    #: check's placing of its findings and every feature after it.
    index: PositionIndex = attrs.field(
        default=attrs.Factory(
            lambda self: PositionIndex.of(self.text.removeprefix("\ufeff"), self.fmt),
            takes_self=True,
        ),
        repr=False,
    )


def format_for(name: str, text: str) -> str:
    """The format of a document: from its name's suffix, else from its text."""
    lowered = name.lower()
    if lowered.endswith(".json"):
        return "json"
    if lowered.endswith(".toml"):
        return "toml"
    return guessed_format(text)


def settings_for(path: str | None) -> tuple[Selection | None, Sequence[Diagnostic]]:
    """The project's selection for a plan at *path*, and the problems reading it (said as one
    diagnostic at the document's start, since they are another file's)."""
    if path is None:
        return None, ()
    try:
        return project_settings(path), ()
    except (LoadError, OSError) as exc:
        problem = Diagnostic(
            code="SP006",
            severity=Severity.WARNING,
            message=f"the project's [tool.socialplan] settings were not applied: {exc}",
            line=1,
            column=1,
            end_line=1,
            end_column=1,
        )
        return None, (problem,)


def check_text(
    text: str, fmt: str, file: str | None = None, settings: Selection | None = None
) -> Checked:
    """Load *text* (a *fmt* document) and run the rules over it, as ``check`` does.

    The suppressions of the text are applied as ``check`` applies them
    (``socialplan.rules.suppress``).
    """
    # What `check` shows: the suppressed findings left out, malformed suppressions (SP903) in,
    # and the suppressions that suppress nothing (SP902) when the selection is strict.
    index = PositionIndex.of(text.removeprefix("\ufeff"), fmt)
    plan, diagnostics = check_document(text, fmt, file=file, settings=settings, index=index)  # type: ignore[arg-type]
    return Checked(text, fmt, plan, tuple(diagnostics), index)
