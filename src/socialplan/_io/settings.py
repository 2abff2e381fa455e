"""A project's settings: the ``[tool.socialplan]`` table of the nearest ``pyproject.toml``
above a plan file, read as the model's :class:`CheckSettings`.

Every problem of the table is a located diagnostic (the file, the line and column, the
``tool.socialplan.*`` path), all of them at once, as a plan's load errors are.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from .._core.diagnostics import SYNTAX, Diagnostic, LoadError, Severity
from .._model import CheckSettings

__all__ = ["SettingsError", "find_pyproject", "read_settings"]

#: Where the settings are in a pyproject.toml.
TABLE = ("tool", "socialplan")


class SettingsError(LoadError):
    """A ``pyproject.toml`` whose settings cannot be used: :attr:`diagnostics` holds every
    problem, each with its line and ``tool.socialplan.*`` path; ``str()`` says what is wrong
    as ``socialplan check`` says it."""

    def __init__(self, diagnostics: Iterable[Diagnostic], file: str, message: str) -> None:
        super().__init__(diagnostics, file=file)
        self.args = (message,)


def find_pyproject(plan: str | os.PathLike[str]) -> str | None:
    """The nearest ``pyproject.toml`` in the folder of the file *plan* or above it, found
    from the plan's real path (not from the current folder); None if there is none."""
    folder = os.path.dirname(os.path.realpath(plan))  # as Path.resolve(), without pathlib
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def read_settings(path: str | os.PathLike[str]) -> CheckSettings | None:
    """The ``[tool.socialplan]`` table of the ``pyproject.toml`` at *path*, or None when it
    has none.

    Raises :class:`SettingsError` (a :class:`LoadError`) with every problem of the file,
    each located: text that is not UTF-8 or not TOML, and in the table an unknown key, a
    value of the wrong kind, a severity that is not one or a code that names no rule (with
    the nearest key or code). Raises :class:`OSError` when the file cannot be read.
    """
    from .inputs import SETTINGS, remember
    from .parse import decode, toml_loads

    path = os.fspath(path)
    with open(path, "rb") as file:
        raw = file.read()
    remember(path, SETTINGS, None)  # no output may go over it
    try:
        text = decode(raw, path)
    except LoadError as exc:
        message = f"cannot read the settings in {path}: {_decode_problem(raw)}"
        raise SettingsError(exc.diagnostics, path, message) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as a file read as text is
    parse, decode_error = toml_loads()
    try:
        tool = parse(text).get(TABLE[0])
    except decode_error as exc:
        raise _syntax(text, path, f"cannot read the settings in {path}: {exc}") from None
    except RecursionError:  # the parser's own limit on nesting
        raise _syntax(text, path, f"{path}: tables and lists nest too deep to read") from None
    except ValueError:  # int() refuses a number of more than 4,300 digits
        raise _syntax(text, path, f"{path}: a number of more than 4,300 digits") from None
    table = tool.get(TABLE[1]) if isinstance(tool, dict) else None  # `tool = 1`: not ours
    if table is None:
        return None
    return _structured(table, text, path)


def _decode_problem(raw: bytes) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return str(exc)
    return "not UTF-8 text"  # pragma: no cover - decode() refused it


def _syntax(text: str, path: str, message: str) -> SettingsError:
    """What the parser refuses in *text*, located as in a plan file (SP001, SP008)."""
    from .parse import parse

    try:
        parse(text, "toml", path)
    except LoadError as exc:
        return SettingsError(exc.diagnostics, path, message)
    found = Diagnostic(code=SYNTAX, severity=Severity.ERROR, message=message, file=path)
    return SettingsError([found], path, message)  # pragma: no cover - parse refuses it too


def _structured(table: object, text: str, path: str) -> CheckSettings:
    from cattrs.errors import BaseValidationError

    from .._core.diagnostics import file_order
    from .convert import _converter, transform_error
    from .positions import place

    try:
        settings: CheckSettings = _converter("toml").structure(table, CheckSettings)
    except (BaseValidationError, ValueError) as exc:
        import attrs

        problems = [
            attrs.evolve(d, path=".".join(filter(None, [*TABLE, d.path.removeprefix("plan.")])))
            for d in transform_error(exc)
        ]
        message = "\n".join(
            [f"bad settings in {path}:"]
            + [f"  {d.path}: {d.message}" + (f" ({d.hint})" if d.hint else "") for d in problems]
        )
        placed = sorted(place(problems, text, "toml", path), key=file_order)  # as loads does
        raise SettingsError(placed, path, message) from None
    return settings
