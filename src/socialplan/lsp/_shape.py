"""The shape of a plan file, read off the model: which keys a table has, what type a value
is, which kind of part a reference names, where the parts of each kind are defined.

Nothing here is a hand list of the format: the keys and types come from the attrs classes
of :mod:`socialplan._model`, the references from :func:`socialplan.rules._context.reference_fields`.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from .._model import HEADER_FIELDS, Plan
from ..rules._context import ANY, reference_fields

__all__ = [
    "Path",
    "enum_members",
    "keys_at",
    "kind_of",
    "part_class",
    "table_of",
    "type_at",
]

Path = tuple[str | int, ...]

#: The document's own keys beside the plan's tables.
_FORMAT = "format"
_HEADER = "plan"


def _hints(cls: type) -> dict[str, Any]:
    return _cached_hints(cls)


@functools.cache
def _cached_hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _unwrap(tp: Any) -> Any:
    """*tp* without its ``None``: ``Channel | None`` is ``Channel``."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


class Document:
    """The document's top level: ``format``, the ``[plan]`` header and the plan's tables."""


def type_at(path: Path) -> Any:
    """The type of the value at *path* of a document, or None when the model has no such key.

    The top level is :class:`Document`; ``plan`` is the header (the plan's first fields).
    """
    if not path:
        return Document
    head, rest = path[0], path[1:]
    if head == _FORMAT:
        return str if not rest else None
    if head == _HEADER:
        if not rest:
            return _Header
        if rest[0] not in HEADER_FIELDS:
            return None
        return _walk(_hints(Plan)[str(rest[0])], rest[1:])
    if not isinstance(head, str) or head in HEADER_FIELDS or head not in _hints(Plan):
        return None
    return _walk(_hints(Plan)[head], rest)


class _Header:
    """The ``[plan]`` table: the plan's header fields."""


def _walk(tp: Any, path: Path) -> Any:
    for segment in path:
        tp = _unwrap(tp)
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple:
            tp = args[0]
        elif origin in (Mapping, typing.Mapping, dict):
            tp = args[1]
        elif attrs.has(tp) and isinstance(segment, str) and segment in _hints(tp):
            tp = _hints(tp)[segment]
        else:
            return None
    return _unwrap(tp)


def keys_at(path: Path) -> tuple[type, tuple[str, ...]] | None:
    """The class of the table at *path* and the keys it may have, or None where the keys are
    not the format's (a table of parts by id, a list, a value)."""
    tp = type_at(path)
    if tp is Document:
        names = (_FORMAT, _HEADER, *(n for n in _hints(Plan) if n not in HEADER_FIELDS))
        return Plan, names
    if tp is _Header:
        return Plan, HEADER_FIELDS
    if attrs.has(tp):
        return tp, tuple(field.name for field in attrs.fields(tp))
    return None


def part_class(path: Path) -> type | None:
    """The class of the parts the table at *path* holds by id, or None if it is no such table."""
    tp = type_at(path)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (Mapping, typing.Mapping, dict) and attrs.has(args[1]):
        return typing.cast("type", args[1])
    return None


def enum_members(tp: Any) -> tuple[str, ...]:
    """The values a field of type *tp* may take from a vocabulary (a list's items too)."""
    tp = _unwrap(tp)
    if typing.get_origin(tp) is tuple:
        tp = _unwrap(typing.get_args(tp)[0])
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tuple(str(member.value) for member in tp)
    return ()


def kind_of(path: Path) -> str | None:
    """The kind of part (``"business_goals"``…) the value or key at *path* names by id, if any.

    An element of a list of references is at the list's path with its position.
    """
    for pattern in _patterns_of_length(len(path)):
        if all(p in (ANY, s) for p, s in zip(pattern, path, strict=True)):
            return reference_fields()[pattern]
    return None


@functools.cache
def _by_length() -> dict[int, tuple[tuple[str, ...], ...]]:
    found: dict[int, list[tuple[str, ...]]] = {}
    for pattern in reference_fields():
        found.setdefault(len(pattern), []).append(pattern)
    return {length: tuple(patterns) for length, patterns in found.items()}


def _patterns_of_length(length: int) -> tuple[tuple[str, ...], ...]:
    return _by_length().get(length, ())


@functools.cache
def table_of(kind: str) -> tuple[str, ...] | None:
    """The path of the table that defines the parts of *kind*: the shallowest table of parts
    by id with that name (``("content", "pillars")`` for ``"pillars"``)."""
    queue: list[tuple[tuple[str, ...], type]] = [((), Plan)]
    seen: set[type] = set()
    while queue:
        prefix, cls = queue.pop(0)
        if cls in seen:
            continue
        seen.add(cls)
        for name, tp in _hints(cls).items():
            if cls is Plan and name in HEADER_FIELDS:
                continue
            tp = _unwrap(tp)
            origin, args = typing.get_origin(tp), typing.get_args(tp)
            if origin in (Mapping, typing.Mapping) and attrs.has(args[1]):
                if name == kind:
                    return (*prefix, name)
            elif attrs.has(tp):
                queue.append(((*prefix, name), tp))
    return None
