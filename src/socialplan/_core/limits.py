"""How big a plan may be before loading refuses it, and the checks that enforce it.

Plans come from clients, spreadsheets, web forms and other programs: a file of a
gigabyte, a list of ten million entries or a name of a million characters is a
mistake or an attack, and should be a located error (SP008), not a process that
runs out of memory. Every limit can be raised for the plans that need it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .diagnostics import LIMIT, Diagnostic, FieldError, Severity, format_path
from .parts import Part
from .text import counted

__all__ = ["DEFAULT_LIMITS", "Limits"]


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Limits(Part):
    """The limits a plan file must keep within to be loaded; raise any of them as needed.

    >>> Limits(max_bytes=200 * 2**20).max_bytes
    209715200
    >>> Limits(max_depth=2)
    Traceback (most recent call last):
    ...
    ValueError: max_depth must be at least 10 (a plan nests 5 deep), not 2
    """

    #: The size of the file (bytes, or characters of a string given to ``loads``).
    max_bytes: int = attrs.field(default=128 * 2**20)
    #: The entries of any one table or list (metrics, calendar entries, a metric's channels).
    max_items: int = attrs.field(default=1_000_000)
    #: The characters of any one string.
    max_string: int = attrs.field(default=100_000)
    #: How deep tables and lists may nest. The parsers have limits of their own, which
    #: raising this one does not lift: about 400 levels for TOML and 1,000 for JSON.
    max_depth: int = attrs.field(default=32)

    @max_bytes.validator
    @max_items.validator
    @max_string.validator
    def _positive(self, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(
                f"{attribute.name} must be a whole number of at least 1, not {value!r}"
            )

    @max_depth.validator
    def _deep_enough(self, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 10:
            raise ValueError(f"max_depth must be at least 10 (a plan nests 5 deep), not {value!r}")


DEFAULT_LIMITS = Limits()


def _hint(name: str, value: int) -> str:
    return (
        f"if the plan really is this big, raise the limit: Limits({name}=...) in Python, "
        f"--limit {name}={value} on the command line"
    )


def _over(path: str, message: str, name: str, value: int, line: int | None = None) -> Diagnostic:
    start = None if line is None else 1  # a problem of the whole document: at its start
    return Diagnostic(
        code=LIMIT,
        severity=Severity.ERROR,
        message=message,
        path=path,
        hint=_hint(name, value),
        line=line,
        column=start,
        end_line=line,
        end_column=start,
    )


def size_problem(size: int, limits: Limits, unit: str = "bytes") -> Diagnostic | None:
    """SP008 for a document of *size* bytes (or characters) over ``max_bytes``, on line 1.

    A problem of the whole document has no dotted path; like the others, it is placed
    on line 1.
    """
    if size <= limits.max_bytes:
        return None
    return _over(
        "",
        f"the document is {size:,} {unit}, more than the limit of {limits.max_bytes:,}",
        "max_bytes",
        size,
        line=1,
    )


def depth_problem(data: object, limits: Limits) -> Diagnostic | None:
    """SP008 at the first table or list nested deeper than ``max_depth``, level by level.

    Only a document that does not structure is measured: a plan nests 5 levels deep
    at most, so one that loads is within any allowed limit.
    """
    level: list[tuple[list[str | int], Any]] = [([], data)]
    depth = 0
    while level:
        depth += 1
        if depth > limits.max_depth:
            path, _ = level[0]
            return _over(
                format_path(path),
                f"tables and lists nest more than {counted(limits.max_depth, 'level')} deep here",
                "max_depth",
                depth,
            )
        deeper: list[tuple[list[str | int], Any]] = []
        for path, node in level:
            items = node.items() if isinstance(node, Mapping) else enumerate(node)
            deeper += [
                ([*path, key], value)
                for key, value in items
                if isinstance(value, Mapping | list | tuple)
            ]
        level = deeper
    return None


def too_many(value: Any, limits: Limits) -> FieldError:
    """The error of a table or list with more entries than ``max_items``."""
    count = len(value)
    expected = f"at most {counted(limits.max_items, 'entry')} long (it has {count:,})"
    return FieldError(value, expected, code=LIMIT, hint=_hint("max_items", count))


def too_long(value: str, limits: Limits) -> FieldError:
    """The error of a string longer than ``max_string``."""
    length = len(value)
    expected = f"at most {counted(limits.max_string, 'character')} long (it has {length:,})"
    return FieldError(value, expected, code=LIMIT, hint=_hint("max_string", length))
