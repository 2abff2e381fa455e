"""SP9: drafts left unfinished: placeholders that still say TODO."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import attrs

from .._convert import show
from .._diagnostics import format_path
from .._duration import Duration, Frequency
from .._model import HEADER_FIELDS, Plan
from ._context import Context
from ._engine import Finding, rule

# The word in capitals, alone: "TODO", "TODO: the mission", not "todos" nor "TODOS".
_PLACEHOLDER = re.compile(r"\bTODO\b")


def _strings(node: object, path: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    """Every string of a part of a plan with its path, depth first, in the model's order."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield from _strings(value, [*path, key])
    elif isinstance(node, tuple | list):
        for position, value in enumerate(node):
            yield from _strings(value, [*path, position])
    elif not isinstance(node, Duration | Frequency):  # their text is not a string of the file
        for field in getattr(type(node), "__attrs_attrs__", ()):  # a part of the model
            yield from _strings(getattr(node, field.name), [*path, field.name])


def _plan_strings(plan: Plan) -> Iterator[tuple[list[str | int], str]]:
    """Every string of *plan* with its path in the file: header fields under ``plan``."""
    for field in attrs.fields(Plan):
        prefix: list[str | int] = ["plan"] if field.name in HEADER_FIELDS else []
        yield from _strings(getattr(plan, field.name), [*prefix, field.name])


@rule(
    "SP901",
    "todo-left",
    "info",
    summary="A value that still says TODO: a placeholder waiting for the plan's own words.",
    why="The starter plan of `socialplan new` marks what its author has to fill in with TODO; "
    "a placeholder left in a plan gets published, scheduled or measured as if it were real.",
    fix="Replace the placeholder with the plan's own text, or remove the key.",
    example='[objectives.awareness]\ntitle = "TODO: what social media should achieve"',
)
def todo_left(context: Context) -> Iterator[Finding]:
    for segments, text in _plan_strings(context.plan):
        if _PLACEHOLDER.search(text):
            yield Finding(
                format_path(segments),
                f"{show(' '.join(text.split()))} is still a placeholder",
                "write the plan's own words in its place",
            )
