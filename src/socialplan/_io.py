"""Reading and writing plan files: TOML for people, JSON for machines.

Reading reports every problem at once with its file, line and dotted path;
writing is atomic and deterministic.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

import attrs

from ._convert import Format, from_data, to_data
from ._diagnostics import (
    MISSING_KEY,
    Diagnostic,
    LoadError,
)
from ._gc import paused_collector
from ._limits import DEFAULT_LIMITS, Limits, size_problem
from ._locate import locate, parse_path
from ._model import Plan
from ._parse import decode, parse
from ._write import write_atomic

__all__ = ["FileChangedError", "dump", "dumps", "format_of", "load", "loads"]

_SUFFIXES: dict[str, Format] = {".toml": "toml", ".json": "json"}


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format a file's suffix names; ``ValueError`` for any other suffix."""
    return format_from_suffix(path, _SUFFIXES)


F = TypeVar("F", bound=str)


def format_from_suffix(path: str | os.PathLike[str], suffixes: Mapping[str, F]) -> F:
    """The format *suffixes* maps the file's suffix to; ``ValueError`` naming them otherwise."""
    suffix = Path(path).suffix.lower()
    try:
        return suffixes[suffix]
    except KeyError:
        *others, last = suffixes
        expected = f"{', '.join(others)} or {last}" if others else last
        raise ValueError(
            f"{os.fspath(path)}: cannot tell the format from the suffix {suffix!r}; "
            f"expected {expected}, or pass format="
        ) from None


def loads(
    text: str | bytes,
    format: Format = "toml",  # noqa: A002
    *,
    file: str | None = None,
    limits: Limits | None = None,
) -> Plan:
    """Load a plan from TOML or JSON text.

    Raises :class:`LoadError` with every problem found, each located by its
    dotted path and, where it can be found, its line; *file* names the source
    in those messages. A document over *limits* (by default those of
    :class:`Limits`) is refused with SP008 before it can fill the memory.

    >>> plan = loads('format = "socialplan/1"\\n[plan]\\nname = "Demo"\\n')
    >>> plan.name
    'Demo'
    """
    limits = limits or DEFAULT_LIMITS
    too_big = size_problem(len(text), limits, "bytes" if isinstance(text, bytes) else "characters")
    if too_big is not None:
        raise LoadError([attrs.evolve(too_big, file=file)], file=file)
    if isinstance(text, bytes):
        text = decode(text, file)
    text = text.removeprefix("\ufeff")
    with paused_collector():
        data = parse(text, format, file)
        try:
            return from_data(data, limits=limits)
        except LoadError as exc:
            placed = [_place(d, text, format, file) for d in exc]
            placed.sort(key=lambda d: d.line if d.line is not None else 0)
            raise LoadError(placed, file=file) from None


def _place(diagnostic: Diagnostic, text: str, fmt: Format, file: str | None) -> Diagnostic:
    path = diagnostic.path
    if diagnostic.code == MISSING_KEY:  # the key is not there: point at its table
        segments = parse_path(path)[:-1]
        path = ".".join(str(s) for s in segments if isinstance(s, str))
    line = locate(text, path, fmt) if path else 1  # a problem of the whole document
    return attrs.evolve(diagnostic, line=line, file=file)


def load(
    path: str | os.PathLike[str],
    format: Format | None = None,  # noqa: A002
    *,
    limits: Limits | None = None,
) -> Plan:
    """Load a plan from a ``.toml`` or ``.json`` file.

    The format comes from the suffix unless *format* is given. Raises
    :class:`LoadError` for anything wrong in the file (a file over *limits* is
    not read at all) and :class:`OSError` when it cannot be read. :func:`dump`
    remembers what was read, and will not overwrite the file if it changes.
    """
    fmt = format or format_of(path)
    name = os.fspath(path)
    data = read_limited(name, limits or DEFAULT_LIMITS)
    plan = loads(data, fmt, file=name, limits=limits)
    _READ[os.path.realpath(name)] = hash(data)
    return plan


def read_limited(path: str, limits: Limits) -> bytes:
    """The bytes of the file at *path*; SP008 without reading it when it is over the limit."""
    with open(path, "rb") as stream:
        too_big = size_problem(os.fstat(stream.fileno()).st_size, limits)
        if too_big is not None:
            raise LoadError([attrs.evolve(too_big, file=path)], file=path)
        # One byte more than the limit, so that loads catches a file that grew meanwhile; a
        # limit larger than any file (--limit max_bytes=10**30) reads the file to its end.
        most = limits.max_bytes + 1
        return stream.read(most if most < sys.maxsize else -1)


class FileChangedError(OSError):
    """:func:`dump` was asked to overwrite a file that changed since :func:`load` read it."""


#: A hash of the bytes :func:`load` read from each file (by real path), to tell at
#: :func:`dump` whether someone changed the file in between.
_READ: dict[str, int] = {}


def _unchanged_since_load(target: Path) -> None:
    """Raise :class:`FileChangedError` if *target* changed since :func:`load` read it."""
    read = _READ.get(os.path.realpath(target))
    if read is None:
        return
    try:
        now = target.read_bytes()
    except FileNotFoundError:  # gone: writing it loses nothing
        return
    if hash(now) != read:
        raise FileChangedError(
            f"{os.fspath(target)} changed since it was loaded: nothing was written, so that "
            "those changes are not lost; load it again, or pass force=True (--force) to "
            "overwrite them"
        )


def dumps(plan: Plan, format: Format = "toml") -> str:  # noqa: A002
    """Write a plan as TOML or JSON text; the same plan gives the same text.

    Control characters and bidi overrides in strings are written as escapes
    (``\\u202e``), which read back as the same characters: a terminal or an
    editor showing the file cannot be made to act on them.
    """
    from ._escape import escaped_controls

    data = to_data(plan, format)
    if format == "toml":
        import tomli_w

        return escaped_controls(tomli_w.dumps(data))
    if format == "json":
        return escaped_controls(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
    raise ValueError(f"unknown format {format!r}; expected 'toml' or 'json'")


def dump(
    plan: Plan,
    path: str | os.PathLike[str],
    format: Format | None = None,  # noqa: A002
    *,
    force: bool = False,
) -> None:
    """Write a plan to a file, atomically: a reader sees the old file or the new one.

    The format comes from the suffix unless *format* is given. If the file was
    read by :func:`load` and has changed since, nothing is written and
    :class:`FileChangedError` is raised, unless *force*. A symbolic link is
    written through only to a file in its own folder (see :func:`write_atomic`).
    """
    fmt = format or format_of(path)
    target = Path(path)
    if not force:
        _unchanged_since_load(target)
    text = dumps(plan, fmt)
    write_atomic(target, text)
    read = os.path.realpath(target)
    if read in _READ:  # what is on disk now is what a later dump compares with
        _READ[read] = hash(text.encode("utf-8"))
