"""Notes in a CSV cell, safe from spreadsheets: a leading ``'`` where one would run a formula."""

from __future__ import annotations

from .._core.escape import is_formula


def _needs_quote(text: str) -> bool:
    return is_formula(text.lstrip("'"))


def quote_note(note: str) -> str:
    """A note no spreadsheet runs as a formula: a leading ``'`` where one would.

    Notes already starting with quotes before a formula character get one more,
    so that :func:`unquote_note` gives back exactly the note written.
    """
    return "'" + note if _needs_quote(note) else note


def unquote_note(cell: str) -> str:
    """A note as written: the leading ``'`` a formula-looking note was saved with taken off."""
    return cell[1:] if cell.startswith("'") and _needs_quote(cell[1:]) else cell
