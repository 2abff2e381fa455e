"""Numbers as exports write them: ``1,200``, ``1.200``, ``1.2K``, ``3,4 M``, ``62.5%``.

A cell is taken apart first (:func:`parse`), without choosing what its marks mean; the
file's decimal mark is then inferred from all its cells (:func:`decimal_of`), and each cell
read with it (:func:`value_of`). A cell whose reading depends on a mark the file does not
settle is an error, never a guess: ``1,200`` in a file that writes ``62,5`` is refused, not
read as 1.2.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Literal, TypeAlias

import attrs

Mark: TypeAlias = Literal[".", ","]

#: Cells that say "no value" (an empty cell is one too).
EMPTY = frozenset({"", "-", "--", "—", "–", "n/a", "na", "none", "null", "nan", "(not set)"})

_SCALES = {"k": 3, "mil": 3, "m": 6, "mm": 6, "b": 9, "bn": 9}
_CELL = re.compile(
    r"(?P<sign>[+-]?)\s*(?P<body>[0-9][0-9.,'\u00a0\u202f ]*|[.,][0-9]+)\s*"
    r"(?P<scale>k|mil|mm|m|bn|b)?\.?\s*(?P<percent>%)?",
    re.IGNORECASE,
)
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:X[0-9]{3})+")  # X: the grouping mark


@attrs.frozen
class Written:
    """A number cell taken apart: what each reading of its marks makes of it.

    *evidence* is the decimal mark the cell itself proves (``"62.5"``: a dot), or None;
    *either* is True when the cell reads differently by the file's mark (``"1,200"``: 1200
    or 1.2). *dot* and *comma* are its digits with the decimal point placed for each mark
    (None: the cell cannot be read with that mark).
    """

    text: str
    dot: Decimal | None
    comma: Decimal | None
    evidence: Mark | None
    either: bool
    percent: bool


def _plain(body: str, decimal: Mark) -> Decimal | None:
    """*body* (digits and marks) read with *decimal* as the decimal mark, else None."""
    grouping = "," if decimal == "." else "."
    whole, _, fraction = body.partition(decimal)
    if decimal in fraction:
        return None
    if grouping in whole or "'" in whole or " " in whole:
        spaced = re.sub(r"[ ']", grouping, whole)
        if not _GROUPED.fullmatch(spaced.replace(grouping, "X")):
            return None
        whole = spaced.replace(grouping, "")
    if grouping in fraction or not (whole or fraction):
        return None
    try:
        return Decimal(f"{whole or '0'}.{fraction or '0'}")
    except InvalidOperation:
        return None


def parse(text: str) -> Written | None:
    """*text* taken apart, or None when it is not a number at all."""
    cleaned = text.strip().replace("\u2212", "-").replace("\u00a0", " ").replace("\u202f", " ")
    match = _CELL.fullmatch(cleaned)
    if match is None:
        return None
    body = match["body"].strip()
    dot, comma = _plain(body, "."), _plain(body, ",")
    scale, percent = (match["scale"] or "").lower(), match["percent"] is not None
    if scale and percent:
        return None
    factor = Decimal(10) ** _SCALES[scale] if scale else Decimal(1)
    if percent:
        factor = Decimal("0.01")
    if match["sign"] == "-":
        factor = -factor
    dot = None if dot is None else dot * factor
    comma = None if comma is None else comma * factor
    if dot is None and comma is None:
        return None
    evidence: Mark | None = None
    if dot is None:
        evidence = ","
    elif comma is None:
        evidence = "."
    either = evidence is None and dot != comma
    return Written(text, dot, comma, evidence, either, percent)


def decimal_of(cells: list[Written]) -> Mark | None:
    """The decimal mark the cells agree on: the one they prove, else the one their grouping
    implies (``1,200`` alone: a comma groups, so the dot is the decimal); None when they
    prove both, or group with both and prove neither."""
    proven = {c.evidence for c in cells if c.evidence is not None}
    if len(proven) == 1:
        return proven.pop()
    if proven:
        return None
    marks = {"," if "," in c.text else "." for c in cells if c.either}
    if marks == {","}:
        return "."
    if marks == {"."}:
        return ","
    return "." if not marks else None  # nothing depends on it; else the cells disagree


def value_of(cell: Written, decimal: Mark, *, points: bool = False) -> int | float | None:
    """*cell* read with *decimal* as the mark (*points*: a percentage written without its
    sign, as a share); None when that reading does not exist."""
    found = cell.dot if decimal == "." else cell.comma
    if found is None:
        return None
    if points and not cell.percent:
        return float(found / 100)
    if found == found.to_integral_value() and not cell.percent:
        return int(found)
    return float(found)
