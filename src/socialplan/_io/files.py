"""Reading and writing plan files: TOML for people, JSON for machines.

Reading reports every problem at once with its file, line and dotted path;
writing is atomic and deterministic.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar

import attrs

from .._core.diagnostics import LoadError, file_order
from .._core.gc import paused_collector
from .._core.limits import DEFAULT_LIMITS, Limits, size_problem
from .._model import Plan
from . import fast
from .document import from_data, to_data
from .inputs import PLAN, FileChangedError, remember
from .parse import decode, guessed_format, parse_all
from .paths import suffix as path_suffix
from .positions import place

if TYPE_CHECKING:  # cattrs is imported only when a document fails the fast pass
    from .convert import Format

__all__ = ["FileChangedError", "dump", "dumps", "format_of", "load", "load_source", "loads"]

_SUFFIXES: dict[str, Format] = {".toml": "toml", ".json": "json"}


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format a file's suffix names; ``ValueError`` for any other suffix."""
    return format_from_suffix(path, _SUFFIXES)


F = TypeVar("F", bound=str)


def format_from_suffix(path: str | os.PathLike[str], suffixes: Mapping[str, F]) -> F:
    """The format *suffixes* maps the file's suffix to; ``ValueError`` naming them otherwise."""
    suffix = path_suffix(path).lower()
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
    format: Format | None = None,  # noqa: A002
    *,
    file: str | None = None,
    limits: Limits | None = None,
) -> Plan:
    """Load a plan from TOML or JSON text.

    Without a *format*, text that starts with ``{`` (after white space and a byte
    order mark) is read as JSON, any other as TOML; a *format* given is the format
    read, and a syntax error of text that looks like the other one says so.

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
    if format is None:
        format = guessed_format(text)  # noqa: A001
    with paused_collector():
        if format == "json" and fast.available():  # the fast pass: most documents are right
            plan = fast.loads_json(text, limits)
            if plan is not None:
                return plan
        data, early = parse_all(text, format, file)
        if format == "toml" and not early and fast.available():  # structured as JSON is
            plan = fast.structure(data, limits)
            if plan is not None:
                return plan
        try:
            plan = from_data(data, limits=limits)
        except LoadError as exc:
            reported = {d.path for d in early}  # a value the parser could not take as written
            later = place((d for d in exc if d.path not in reported), text, format, file)
        else:
            if not early:
                return plan
            later = []
        raise LoadError(sorted([*early, *later], key=file_order), file=file) from None


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
    return load_source(path, format, limits=limits)[0]


def load_source(
    path: str | os.PathLike[str],
    format: Format | None = None,  # noqa: A002
    *,
    limits: Limits | None = None,
) -> tuple[Plan, bytes]:
    """:func:`load`, and the bytes the plan was read from: the one reading of the file, for
    a caller that also places findings in its text (:meth:`socialplan.Report.located`)."""
    fmt = format or format_of(path)
    name = os.fspath(path)
    data = read_limited(name, limits or DEFAULT_LIMITS)
    remember(name, PLAN, data, fmt)
    return loads(data, fmt, file=name, limits=limits), data


def read_limited(path: str, limits: Limits) -> bytes:
    """The bytes of the file at *path*; SP008 without reading it when it is over the limit."""
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        too_big = size_problem(size, limits)
        if too_big is not None:
            raise LoadError([attrs.evolve(too_big, file=path)], file=path)
        # One byte more than the limit, so that loads catches a file that grew meanwhile; a
        # limit larger than any file (--limit max_bytes=10**30) reads the file to its end.
        # The size first: read(n) sets n bytes aside, and the limit is 100 MB or more.
        most = limits.max_bytes + 1
        data = stream.read(size + 1)
        if len(data) > size:  # it grew: the rest, up to the limit
            rest = most - len(data)
            data += stream.read(rest if rest < sys.maxsize else -1) if rest > 0 else b""
        return data


def dumps(plan: Plan, format: Format = "toml") -> str:  # noqa: A002
    """Write a plan as TOML or JSON text; the same plan gives the same text.

    Control characters and bidi overrides in strings are written as escapes
    (``\\u202e``), which read back as the same characters: a terminal or an
    editor showing the file cannot be made to act on them.
    """
    from .._core.escape import escaped_controls

    data = to_data(plan, format)
    if format == "toml":
        import tomli_w

        return escaped_controls(tomli_w.dumps(data))
    if format == "json":
        import json

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
    :class:`FileChangedError` is raised, unless *force*. A file read in this
    run as anything but a plan (observations) is not written over
    (:class:`PermissionError`), nor is a file beyond a symbolic link that
    leads out of its folder; a FIFO or a device is written into, not replaced.
    """
    fmt = format or format_of(path)
    from pathlib import Path

    from .write import write_atomic  # here: reading a plan, as `check` does, writes nothing

    write_atomic(Path(path), dumps(plan, fmt), kind=PLAN, format=fmt, force=force)
