"""What a document with load errors still says: the builder's references, checked past them.

:meth:`socialplan.dsl.PlanBuilder.build` reports the references to parts that do not exist
(SP101) with the load errors, not after them. They are found in the plan the document gives
once its load errors are taken out: a bad value is cut, and a required value that is cut
or missing is filled with a stand-in of its type (an empty string, a date, the first of an
enum), so that the part keeps its references; a part whose value has no stand-in is cut
whole, and the references to it are not reported.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from types import UnionType
from typing import Any, Union, get_args, get_origin

import attrs

from ._core.diagnostics import MISSING_KEY, Diagnostic, LoadError, format_path, parse_path
from ._io.document import from_data
from ._model import HEADER_FIELDS, Plan

__all__ = ["dangling_despite"]

#: How many times a document is mended before giving up: a cut required value comes back
#: missing the next time, and is filled, or its part cut, one level up each time.
_ROUNDS = 8

Path = list[str | int]
#: The lists items were cut from, by id: the list, and the first position of each item left.
Kept = dict[int, tuple[list[Any], list[int]]]


def dangling_despite(
    document: Mapping[str, Any], problems: Sequence[Diagnostic]
) -> list[Diagnostic]:
    """SP101 for *document*'s references to parts it does not have, past its load *problems*.

    Not reported: a reference at or under a place with a load error (the load error says
    what is wrong there), and one to a part the document has (cut, or with a bad id).
    Positions in lists are those of *document*. Nothing is found when the document cannot
    be mended into a plan (no ``[plan]`` table, a problem of the whole document).
    """
    from .rules import Context, validate

    reported = [problem.path for problem in problems]
    mended: dict[str, Any] = copy.deepcopy(dict(document))
    kept: Kept = {}
    for _ in range(_ROUNDS):
        if not _mend(mended, problems, kept):
            return []
        try:
            plan = from_data(mended)
        except LoadError as error:
            problems = error.diagnostics
            continue
        exists = {r.path for r in Context(plan).unresolved() if r.target in _ids(document, r.kind)}
        found = []
        for diagnostic in validate(plan, select=["SP101"]).errors:
            path = _as_written(diagnostic.path, mended, kept)
            if diagnostic.path not in exists and not any(_within(path, p) for p in reported):
                found.append(attrs.evolve(diagnostic, path=path))
        return found
    return []


def _mend(document: dict[str, Any], problems: Sequence[Diagnostic], kept: Kept) -> bool:
    """Cut or fill the place of each problem of *document*; False if it cannot be a plan."""
    places: list[tuple[Path, bool]] = []
    for problem in problems:
        segments = parse_path(problem.path)
        if not segments or segments == ["plan"]:
            return False  # the whole document, or the plan's own table
        places.append((segments, problem.code == MISSING_KEY))
    # From the last position of a list to the first: a cut does not move the next place.
    places.sort(key=lambda place: [(isinstance(s, str), s) for s in place[0]], reverse=True)
    for segments, missing in places:
        if not missing:
            _cut(document, segments, kept)
            continue
        stand_in = _stand_in(_required_type(segments))
        if stand_in is not None:
            _fill(document, segments, stand_in)
        elif len(segments) > 1:
            _cut(document, segments[:-1], kept)
        else:
            return False  # a top-level key that is required: "format", "plan"
    return True


def _parent(document: dict[str, Any], segments: Path) -> Any:
    node: Any = document
    for segment in segments[:-1]:
        try:
            node = node[segment]
        except (KeyError, IndexError, TypeError):
            return None  # cut already, with a part around it
    return node


def _cut(document: dict[str, Any], segments: Path, kept: Kept) -> None:
    node, last = _parent(document, segments), segments[-1]
    if isinstance(node, list) and isinstance(last, int) and last < len(node):
        positions = kept.setdefault(id(node), (node, list(range(len(node)))))[1]
        del node[last], positions[last]
    elif isinstance(node, dict):
        node.pop(last, None)


def _fill(document: dict[str, Any], segments: Path, value: object) -> None:
    node = _parent(document, segments)
    if isinstance(node, dict):
        node[segments[-1]] = value


def _required_type(segments: Path) -> Any:
    """The type of the required field at *segments* of a plan document; None if it is not one."""
    if segments[0] == "plan" and len(segments) == 2 and segments[1] in HEADER_FIELDS:
        segments = segments[1:]
    tp: Any = Plan
    for position, segment in enumerate(segments):
        args = get_args(tp)
        if get_origin(tp) in (Union, UnionType) and type(None) in args:
            (tp,) = [a for a in args if a is not type(None)] or [None]
        if get_origin(tp) in (Mapping, dict):
            tp = args[1] if len(args) == 2 else None
        elif get_origin(tp) is tuple:
            tp = args[0]
        elif attrs.has(tp) and isinstance(segment, str):
            field = attrs.fields_dict(attrs.resolve_types(tp)).get(segment)
            if field is None:
                return None
            if position == len(segments) - 1:
                return field.type if field.default is attrs.NOTHING else None
            tp = field.type
        else:
            return None
    return None


def _stand_in(tp: Any) -> object:
    """A value of type *tp* that loads, or None."""
    if tp is str:
        return ""
    if tp is dt.date:
        return dt.date(2000, 1, 1)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return next(iter(tp)).value
    if tp is int or set(get_args(tp)) == {int, float}:
        return 0
    return None


def _within(path: str, place: str) -> bool:
    """Whether *path* is *place* or a part of what is there."""
    return path == place or path.startswith((place + ".", place + "["))


def _as_written(path: str, mended: dict[str, Any], kept: Kept) -> str:
    """*path* in *mended* as the path of the same value in the document it was mended from."""
    node: Any = mended
    segments: Path = []
    for segment in parse_path(path):
        if isinstance(segment, int) and isinstance(node, list) and id(node) in kept:
            segments.append(kept[id(node)][1][segment])
        else:
            segments.append(segment)
        try:
            node = node[segment]
        except (KeyError, IndexError, TypeError):
            node = None
    return format_path(segments)


def _ids(document: Mapping[str, Any], kind: str) -> Mapping[str, Any]:
    """The ids *document* gives a *kind* of part, right or wrong."""
    table: Any = document.get(kind)
    if kind == "pillars":
        content = document.get("content")
        table = content.get("pillars") if isinstance(content, Mapping) else None
    return table if isinstance(table, Mapping) else {}
