"""The files socialplan read in this run (this process), so that no writer destroys one.

Every reader of a file remembers it here: :func:`socialplan.load` (plan files),
:func:`socialplan.observations.load` (observations) and
:func:`socialplan.rules.project_settings` (``pyproject.toml``, the settings, as the command
line reads them). The writers in :mod:`socialplan._io.write` ask :func:`read_as` whether the
file they would replace is one of them, and raise :class:`FileChangedError` when one they
may rewrite changed since it was read.
"""

from __future__ import annotations

import os
from typing import NamedTuple

__all__ = [
    "BASELINE",
    "EXPORT",
    "OBSERVATIONS",
    "PLAN",
    "SETTINGS",
    "FileChangedError",
    "Read",
    "read_as",
    "remember",
]

#: The kinds of file read; a writer names the kind it writes (None for any other output).
PLAN, OBSERVATIONS, SETTINGS = "plan file", "observations file", "settings file"
#: ``socialplan check --baseline FILE``'s file of accepted findings, once read.
BASELINE = "baseline file"
#: A platform's analytics export, read to import observations from: never written over.
EXPORT = "export file"


class FileChangedError(OSError):
    """:func:`socialplan.dump` or :func:`socialplan.observations.dump` was asked to write over a
    file that changed since it was loaded: nothing was written, so that the change is kept."""


class Read(NamedTuple):
    """A file read: its real path, its kind, a hash of the bytes read (None: not kept), and
    the format it was read in (None: not a document format)."""

    path: str
    kind: str
    digest: int | None
    format: str | None = None


#: The files read, by real path.
_BY_PATH: dict[str, Read] = {}
#: Their real paths by (device, inode) when read, to find a hard link to one in one look-up.
_BY_FILE: dict[tuple[int, int], set[str]] = {}


def remember(
    path: str | os.PathLike[str],
    kind: str,
    data: bytes | None,
    format: str | None = None,  # noqa: A002
) -> None:
    """Note that the file at *path* was read as a *kind*, what it held (*data*) and in which
    *format*."""
    real = os.path.realpath(path)
    _BY_PATH[real] = Read(real, kind, None if data is None else hash(data), format)
    try:
        status = os.stat(real)
    except OSError:  # gone already: its path is still known
        return
    _BY_FILE.setdefault((status.st_dev, status.st_ino), set()).add(real)


def read_as(path: str | os.PathLike[str]) -> Read | None:
    """The file read in this run that *path* names (the same path, a symbolic link to it or a
    hard link to it, as :func:`os.path.samefile` tells), or None. A path where nothing is
    names none: writing there loses nothing."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    read = _BY_PATH.get(os.path.realpath(path))
    if read is not None:
        return read
    for candidate in sorted(_BY_FILE.get((status.st_dev, status.st_ino), ())):
        try:
            if os.path.samestat(status, os.stat(candidate)):
                return _BY_PATH[candidate]
        except OSError:  # gone since; its inode may be another file's now
            continue
    return None
