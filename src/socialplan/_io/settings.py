"""A project's settings: the ``[tool.socialplan]`` table of the nearest ``pyproject.toml``
above a plan file, read as the model's :class:`CheckSettings`.

Every problem of the table is a located diagnostic (the file, the line and column, the
``tool.socialplan.*`` path), all of them at once, as a plan's load errors are.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

import attrs

from .._core.diagnostics import SYNTAX, Diagnostic, FieldError, LoadError, Severity, format_path
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
    from the plan's real path (not from the current folder); None if there is none.

    Raises :class:`OSError` naming the nearest one when it is not a regular file (a folder,
    a FIFO, a symbolic link to nothing): skipping it would silently drop the project's
    settings, or take those of a project above.
    """
    import stat

    folder = os.path.dirname(os.path.realpath(plan))  # as Path.resolve(), without pathlib
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        try:
            mode = os.stat(candidate).st_mode
        except FileNotFoundError:
            mode = None
            if os.path.islink(candidate):
                raise _not_a_file(candidate, "it is a symbolic link to nothing") from None
        if mode is not None and stat.S_ISREG(mode):
            return candidate
        if mode is not None:
            why = "it is a folder, not a file" if stat.S_ISDIR(mode) else "it is not a regular file"
            raise _not_a_file(candidate, why)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _not_a_file(path: str, why: str) -> OSError:
    import errno

    return OSError(errno.EISDIR if "folder" in why else errno.EINVAL, why, path)


def read_settings(
    path: str | os.PathLike[str], *, judge: Callable[[str], FieldError | None] | None = None
) -> CheckSettings | None:
    """The ``[tool.socialplan]`` table of the ``pyproject.toml`` at *path*, or None when it
    has none. *judge* says why a rule code of the table cannot be used (it names no rule),
    or None: loading knows only the shape of a code, the rules know which there are.

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
    return _structured(table, text, path, judge)


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


def _structured(
    table: object, text: str, path: str, judge: Callable[[str], FieldError | None] | None
) -> CheckSettings:
    from cattrs.errors import BaseValidationError

    from .convert import code_problems, converter_for, transform_error

    settings: CheckSettings | None = None
    problems: list[Diagnostic] = []
    try:
        settings = converter_for("toml").structure(table, CheckSettings)
    except (BaseValidationError, ValueError) as exc:
        problems = [
            attrs.evolve(d, path=".".join(filter(None, [*TABLE, d.path.removeprefix("plan.")])))
            for d in transform_error(exc)
        ]
    if judge is not None and isinstance(table, dict):
        # Structuring judged the codes' shape; whether each names a rule is *judge*'s to say.
        codes = [table.get(key) for key in ("select", "ignore", "severity")]
        per_path = table.get("per_path_ignores")
        misshapen = {format_path(place) for place, _ in code_problems(*codes, per_path=per_path)}
        for place, problem in code_problems(*codes, per_path=per_path, judge=judge):
            if format_path(place) in misshapen:
                continue
            message, hint = problem.said()
            problems.append(
                Diagnostic(
                    code=problem.code,
                    severity=Severity.ERROR,
                    message=message,
                    hint=hint,
                    path=format_path([*TABLE, *place]),
                    about=problem.about,
                )
            )
    if problems or settings is None:
        raise _placed(problems, text, path)
    return settings


def _placed(problems: list[Diagnostic], text: str, path: str) -> SettingsError:
    """*problems* placed in *text* as loading places a plan's (sorted by their place), with
    the message ``socialplan check`` prints for them."""
    from .._core.diagnostics import file_order
    from .positions import place

    placed = sorted(place(problems, text, "toml", path), key=file_order)
    # Each as `check` prints a diagnostic (line, column, code, the path with long keys cut),
    # under a head that names the file once.
    message = "\n".join(
        [f"bad settings in {path}:"] + [f"  {attrs.evolve(d, file=None)}" for d in placed]
    )
    return SettingsError(placed, path, message)
