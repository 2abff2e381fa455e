"""The project's layer of the selection: ``[tool.socialplan]`` in ``pyproject.toml``."""

from __future__ import annotations

import os

from ._engine import Selection

__all__ = ["project_settings"]


def project_settings(plan: str | os.PathLike[str]) -> Selection | None:
    """The selection of the project a plan file is in, for ``validate(settings=...)``.

    It is the ``[tool.socialplan]`` table of the nearest ``pyproject.toml`` in the folder of
    the file *plan* or above it (found from the plan's real path, not from the current
    folder), as ``socialplan check`` reads it; None when there is no such file or it has no
    such table.

    Raises :class:`socialplan.LoadError` with every problem of the table, each with its file,
    line and ``tool.socialplan.*`` path (an unknown key, a severity that is not one, a code
    that names no rule, with the nearest key or code), or of the file (not UTF-8, not TOML);
    :class:`OSError` when the file cannot be read, or the nearest ``pyproject.toml`` is not a
    regular file (a folder, a FIFO, a symbolic link to nothing), which is not skipped.
    """
    from .._io.settings import find_pyproject, read_settings
    from ._engine import code_problem

    found = find_pyproject(plan)
    return None if found is None else Selection.of(read_settings(found, judge=code_problem))
