"""Numbers written as text (a CSV cell): read with a dot for decimals, with a hint for the rest.

A spreadsheet set to another language writes ``1,200`` or ``12,5``, and a person
``12%``; those are refused, each with a hint that says how to write the number.
"""

from __future__ import annotations

import numbers
import re

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
NOT_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
_THOUSANDS = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]*,[0-9]+")


def number_of(text: str) -> int | float | None:
    """The number *text* writes with a dot decimal and no separators, else None.

    Too many digits for ``int()`` (4,300) make an infinite float: too big either way.
    """
    if _INTEGER.fullmatch(text):
        return int(text) if len(text) < 4000 else float(text)
    if _DECIMAL.fullmatch(text) or NOT_FINITE.fullmatch(text):
        return float(text)
    return None


def plain(value: numbers.Real) -> int | float:
    """A number as a plain int or float (numpy and Decimal numbers included)."""
    return int(value) if isinstance(value, numbers.Integral) else float(value)


def number_hint(text: str) -> str:
    """How to write *text*, a cell that is not a number, as one."""
    if _THOUSANDS.fullmatch(text):
        return f"write {text.replace(',', '')}: no thousands separators, and a dot for decimals"
    if _DECIMAL_COMMA.fullmatch(text):
        return f"write {text.replace(',', '.')}: a dot for decimals"
    bare = text.strip().rstrip("%").strip()
    if bare != text and number_of(bare) is not None:
        return f"write the number alone: {bare}"
    return "expected a number with a dot for decimals, such as 1200 or 12.5"
