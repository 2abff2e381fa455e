"""Reading and writing plan files: TOML for people, JSON for machines.

Reading reports every problem at once with its file, line and dotted path;
writing is atomic and deterministic.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ._convert import Format, from_data, to_data
from ._diagnostics import (
    INVALID_VALUE,
    LIMIT,
    MISSING_KEY,
    SYNTAX,
    Diagnostic,
    LoadError,
    Severity,
    format_path,
)
from ._gc import paused_collector
from ._limits import DEFAULT_LIMITS, Limits, size_problem
from ._locate import locate, parse_path
from ._model import Plan

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


def _toml_loads() -> Any:
    try:  # the compiled wheels of tomli parse faster than the standard library
        import tomli

        return tomli.loads, tomli.TOMLDecodeError
    except ImportError:  # pragma: no cover - depends on the environment
        import tomllib

        return tomllib.loads, tomllib.TOMLDecodeError


_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)|\(at end of document\)")


def _syntax_error(
    message: str, line: int | None, file: str | None, hint: str | None = None
) -> LoadError:
    diagnostic = Diagnostic(
        code=SYNTAX, severity=Severity.ERROR, message=message, hint=hint, line=line, file=file
    )
    return LoadError([diagnostic], file=file)


def _parse(text: str, fmt: Format, file: str | None) -> object:
    try:
        return _parse_format(text, fmt, file)
    except RecursionError:  # the parser's own limit on nesting (TOML 400 levels, JSON ~1,000)
        diagnostic = Diagnostic(
            code=LIMIT,
            severity=Severity.ERROR,
            message=f"tables and lists nest deeper than the {fmt.upper()} parser reads",
            hint="a plan nests 5 levels deep: this document was not written as a plan",
            line=1,
            file=file,
        )
        raise LoadError([diagnostic], file=file) from None


_LONG_NUMBER = re.compile(r"\d{4000,}")
# JSON's escape of a UTF-16 surrogate: paired ones make one character, a lone one stays.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _key_line(text: str, key: str) -> int:
    """The line where *key*, written twice in a JSON object, is written the second time."""
    quoted = json.dumps(key, ensure_ascii=False)
    first = text.find(quoted)
    second = text.find(quoted, first + 1) if first >= 0 else -1
    at = second if second >= 0 else max(first, 0)  # an escaped key: the start, at least
    return text.count("\n", 0, at) + 1


def _too_long_a_number(text: str, fmt: str, file: str | None) -> LoadError:
    match = _LONG_NUMBER.search(text)
    line = text.count("\n", 0, match.start()) + 1 if match else None
    limit = sys.get_int_max_str_digits()
    return _syntax_error(f"not valid {fmt}: a number of more than {limit:,} digits", line, file)


def _lone_surrogates(data: object, text: str, file: str | None) -> list[Diagnostic]:
    """A problem for each string or key of *data* holding a lone surrogate (``"\\ud800"``).

    No UTF-8 file can hold one: the plan could not be written back.
    """
    problems: list[Diagnostic] = []
    stack: list[tuple[list[str | int], object]] = [([], data)]
    while stack:
        path, node = stack.pop()
        children: list[tuple[str | int, object]] = []
        texts: list[tuple[list[str | int], str]] = []
        if isinstance(node, dict):
            children = list(node.items())
            texts = [([*path, key], key) for key in node]
        elif isinstance(node, list):
            children = list(enumerate(node))
        elif isinstance(node, str):
            texts = [(path, node)]
        for where, value in texts:
            if not value.isascii() and _SURROGATE.search(value):
                dotted = format_path(where)
                problems.append(
                    Diagnostic(
                        code=INVALID_VALUE,
                        severity=Severity.ERROR,
                        message=f"{json.dumps(value)} holds half of a UTF-16 surrogate pair, "
                        "which no UTF-8 text can",
                        hint="write the character itself, or both halves of its pair",
                        path=dotted,
                        line=locate(text, dotted, "json"),
                        file=file,
                    )
                )
        stack += [([*path, key], value) for key, value in reversed(children)]
    return problems


_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_format(text: str, fmt: Format, file: str | None) -> object:
    if fmt == "toml":
        parse, decode_error = _toml_loads()
        try:
            return parse(text)
        except decode_error as exc:
            message = str(exc)
            match = _AT_LINE.search(message)
            line = None
            if match:
                line = int(match.group(1)) if match.group(1) else text.count("\n") + 1
                message = message[: match.start()].strip()
            raise _syntax_error(f"not valid TOML: {message}", line, file) from None
        except ValueError:  # int() refuses a number of more than 4,300 digits
            raise _too_long_a_number(text, "TOML", file) from None
    if fmt == "json":
        duplicates: list[str] = []

        def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
            seen = dict(items)
            if len(seen) != len(items):  # rare: find which keys, in order
                once: set[str] = set()
                for key, _ in items:
                    if key in once:
                        duplicates.append(key)
                    once.add(key)
            return seen

        try:
            data = json.loads(text, object_pairs_hook=pairs)
        except json.JSONDecodeError as exc:
            raise _syntax_error(f"not valid JSON: {exc.msg}", exc.lineno, file) from None
        except ValueError:  # int() refuses a number of more than 4,300 digits
            raise _too_long_a_number(text, "JSON", file) from None
        if duplicates:
            problems = [
                Diagnostic(
                    code=SYNTAX,
                    severity=Severity.ERROR,
                    message=f"the key {json.dumps(key)} is written twice in one object",
                    line=_key_line(text, key),
                    file=file,
                    hint="keep one: the second would silently replace the first",
                )
                for key in duplicates
            ]
            raise LoadError(problems, file=file)
        if _SURROGATE_ESCAPE.search(text):
            surrogates = _lone_surrogates(data, text, file)
            if surrogates:
                raise LoadError(surrogates, file=file)
        return data
    raise ValueError(f"unknown format {fmt!r}; expected 'toml' or 'json'")


def decode(raw: bytes, file: str | None, hint: str | None = None) -> str:
    """*raw* as UTF-8 text, or a :class:`LoadError` (SP001) at the line of the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte {exc.start} is 0x{raw[exc.start]:02x})"
        raise _syntax_error(message, line, file, hint) from None


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
        data = _parse(text, format, file)
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
        return stream.read(limits.max_bytes + 1)  # a file that grew is caught by loads


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
    """Write a plan as TOML or JSON text; the same plan gives the same text."""
    data = to_data(plan, format)
    if format == "toml":
        import tomli_w

        return tomli_w.dumps(data)
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
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
    if os.path.realpath(target) in _READ:
        _READ[os.path.realpath(target)] = hash(text.encode("utf-8"))


def write_atomic(target: Path, text: str | bytes) -> None:
    """Write *text* (UTF-8, lines as given) or bytes to *target* through a temporary file
    in the same folder, so that a reader never sees half a file, and a failed write
    leaves the old file as it was.

    A symbolic link is written through to its file only when that file is in the
    link's own folder; one that points elsewhere raises :class:`PermissionError`,
    so that a plan's folder cannot be used to overwrite a file outside it.
    """
    target = _within_folder(target)
    directory = target.parent
    data = text.encode("utf-8") if isinstance(text, str) else text
    import tempfile  # only writers need it: 5 ms of start-up

    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _within_folder(target: Path) -> Path:
    """*target*, or the file its symbolic link names when that is in the same folder."""
    if not target.is_symlink():
        return target
    real = target.resolve()
    if real.parent != target.parent.resolve():
        raise PermissionError(
            f"{os.fspath(target)} is a symbolic link to {os.fspath(real)}, outside its folder: "
            "not written through it"
        )
    return real
