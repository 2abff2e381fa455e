"""From text to plain data: TOML or JSON parsed, every syntax problem located.

What the parsers refuse becomes a :class:`LoadError` with a line (SP001), and what they
cannot follow (nesting beyond their limits) one with SP008; never another exception.
"""

from __future__ import annotations

import re
import sys
from typing import Any, Literal

import attrs

from .._core.diagnostics import (
    INVALID_VALUE,
    LIMIT,
    SYNTAX,
    About,
    Diagnostic,
    LoadError,
    Severity,
    format_path,
)
from .positions import PositionIndex, Span, place

__all__ = ["decode", "guessed_format", "looks_like", "parse", "parse_all", "toml_loads"]


def toml_loads() -> Any:
    """The TOML parser to use and its error: the compiled tomli when installed, else tomllib."""
    try:  # the compiled wheels of tomli parse faster than the standard library
        import tomli

        return tomli.loads, tomli.TOMLDecodeError
    except ImportError:  # pragma: no cover - depends on the environment
        import tomllib

        return tomllib.loads, tomllib.TOMLDecodeError


_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def _syntax_error(
    message: str,
    line: int | None,
    file: str | None,
    hint: str | None = None,
    column: int | None = None,
) -> LoadError:
    diagnostic = Diagnostic(
        code=SYNTAX,
        severity=Severity.ERROR,
        message=message,
        hint=hint,
        line=line,
        column=column,
        file=file,
    )
    return LoadError([diagnostic], file=file)


def _end_of(text: str) -> tuple[int, int]:
    """The line and column just past the last character of *text*."""
    line = text.count("\n") + 1
    return line, len(text) - (text.rfind("\n") + 1) + 1


#: How a JSON document starts: an object, or a list of objects or of nothing.
_JSON_START = re.compile(r"[ \t\r\n]*(?:\{|\[[ \t\r\n]*[{\]])")
_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"))*"""
#: How a TOML document starts, after its comments: a table's header, or a key and ``=``.
_TOML_START = re.compile(
    rf"(?:[ \t\r\n]*#[^\n]*(?:\n|$))*[ \t\r\n]*(?:\[\[?[ \t]*{_KEY}[ \t]*\]|{_KEY}[ \t]*=)"
)


def looks_like(text: str) -> str | None:
    """The format *text* (without its byte order mark) looks written in: "json", "toml" or None.

    JSON starts with ``{`` (or a list of objects), after white space; TOML with a table
    header or a key, after white space and comments. It is a guess from the first
    characters, made when no format is given, and to say why text does not parse.

    >>> looks_like('  {"format": "socialplan/1"}'), looks_like('# A plan\\nformat = "x"')
    ('json', 'toml')
    >>> looks_like("metric,date,value") is None
    True
    """
    if _JSON_START.match(text):
        return "json"
    if _TOML_START.match(text):
        return "toml"
    return None


def guessed_format(text: str) -> Literal["json", "toml"]:
    """The format of *text* when none is given: JSON when it looks like JSON, else TOML, whose
    parser then says what is wrong. A byte order mark at the start is skipped.

    >>> guessed_format('\ufeff{"format": "socialplan/1"}'), guessed_format("metric,date")
    ('json', 'toml')
    """
    return "json" if looks_like(text.removeprefix("\ufeff")) == "json" else "toml"


def wrong_format_hint(text: str, fmt: str, file: str | None) -> str | None:
    """What to say when *text* does not parse as *fmt* but looks like another format."""
    other = looks_like(text)
    if other is None and fmt == "toml":
        return _json_not_an_object(text)
    if other is None or other == fmt:
        return None
    name = other.upper()
    if file is not None:
        return f'this looks like {name}: name the file .{other}, or pass format="{other}"'
    return f'this looks like {name}; pass format="{other}"'


def _json_not_an_object(text: str) -> str | None:
    """What to say of *text*, which is not TOML, when it is JSON all the same (``[1, 2]``):
    JSON that is not an object, which :func:`looks_like` does not take for a plan."""
    if not text.lstrip(" \t\r\n").startswith(("[", '"')) or len(text) > 1_000_000:
        return None  # a number or a word: TOML's own message says enough
    import json

    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    from .._core.text import show

    return (
        f"this is JSON, {show(data)}: a plan is an object such as "
        '{"format": "socialplan/1", "plan": {"name": "…"}}'
    )


def parse(text: str, fmt: str, file: str | None) -> object:
    """*text* parsed as *fmt* (``"toml"`` or ``"json"``); :class:`LoadError` if it cannot be.

    A syntax error of text that looks like the other format says so.
    """
    data, problems = parse_all(text, fmt, file)
    if problems:
        raise LoadError(problems, file=file)
    return data


def parse_all(text: str, fmt: str, file: str | None) -> tuple[object, list[Diagnostic]]:
    """*text* parsed as *fmt*, and the problems found that still let it be read.

    A key written twice in a JSON object, a string holding half of a surrogate pair and a
    number of more digits than Python reads are each a problem of their own place; the rest
    of the document is read past them, so that loading reports them with every other
    problem. Those problems come back placed. Text that cannot be read at all raises
    :class:`LoadError`.
    """
    try:
        return _parse_format(text, fmt, file)
    except RecursionError:  # the parser's own limit on nesting (TOML 400 levels, JSON ~1,000)
        diagnostic = Diagnostic(
            code=LIMIT,
            severity=Severity.ERROR,
            message=f"tables and lists nest deeper than the {fmt.upper()} parser reads",
            hint="a plan nests 5 levels deep: this document was not written as a plan",
            line=1,
            column=1,
            end_line=1,
            end_column=1,
            file=file,
        )
        raise LoadError([diagnostic], file=file) from None


# JSON's escape of a UTF-16 surrogate: paired ones make one character, a lone one stays.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _placed(diagnostic: Diagnostic, span: Span) -> Diagnostic:
    line, column, end_line, end_column = span
    return attrs.evolve(
        diagnostic, line=line, column=column, end_line=end_line, end_column=end_column
    )


#: An integer of more digits than Python turns into a number (``sys.get_int_max_str_digits``).
_DIGITS = re.compile(r"[+-]?[0-9][0-9_]*")


class _TooLong(str):
    """The text of a whole number too long for Python, kept where the number was."""


def _too_long(path: list[str | int], digits: str, file: str | None) -> Diagnostic:
    limit = sys.get_int_max_str_digits()
    return Diagnostic(
        code=INVALID_VALUE,
        severity=Severity.ERROR,
        message=f"a number of {len(digits.lstrip('+-')):,} digits is not a number a plan can "
        f"hold (Python reads whole numbers of up to {limit:,} digits)",
        path=format_path(path),
        file=file,
    )


def _json_int(digits: str) -> int | _TooLong:
    try:
        return int(digits)
    except ValueError:  # more digits than Python reads
        return _TooLong(digits)


def _toml_without_long_numbers(
    text: str, parse: Any, file: str | None
) -> tuple[object, list[Diagnostic]]:
    """TOML text whose too-long whole numbers (values, not strings) are read as 0, and a
    problem at the place of each. Their places come from the position index: only values
    are replaced, never digits inside a string."""
    index = PositionIndex.of(text, "toml")
    problems: list[Diagnostic] = []
    pieces: list[str] = []
    done = 0
    for path, (start, end) in index.values():
        digits = text[start:end]
        if end - start > 4000 and _DIGITS.fullmatch(digits):
            problems.append(_too_long(list(path), digits, file))
            pieces += [text[done:start], "0" + " " * (end - start - 1)]
            done = end
    if not problems:  # not a number that is too long: some other ValueError
        raise _syntax_error("not valid TOML: a number Python cannot read", None, file)
    data = parse("".join([*pieces, text[done:]]))
    return data, place(problems, text, "toml", file, index)


def _odd_values(data: object, file: str | None, *, surrogates: bool) -> list[Diagnostic]:
    """A problem for each number too long for Python in *data* (a parsed JSON document) and,
    with *surrogates*, for each string or key holding a lone surrogate (``"\\ud800"``), which
    no UTF-8 file can hold: the plan could not be written back."""
    import json

    problems: list[Diagnostic] = []
    stack: list[tuple[list[str | int], object]] = [([], data)]
    while stack:
        path, node = stack.pop()
        children: list[tuple[str | int, object]] = []
        texts: list[tuple[list[str | int], str, About]] = []
        if isinstance(node, _TooLong):
            problems.append(_too_long(path, node, file))
            continue
        if isinstance(node, dict):
            children = list(node.items())
            texts = [([*path, key], key, "key") for key in node] if surrogates else []
        elif isinstance(node, list):
            children = list(enumerate(node))
        elif isinstance(node, str) and surrogates:
            texts = [(path, node, "value")]
        for where, value, about in texts:
            if not value.isascii() and _SURROGATE.search(value):
                problems.append(
                    Diagnostic(
                        code=INVALID_VALUE,
                        severity=Severity.ERROR,
                        message=f"{json.dumps(value)} holds half of a UTF-16 surrogate pair, "
                        "which no UTF-8 text can",
                        hint="write the character itself, or both halves of its pair",
                        path=format_path(where),
                        file=file,
                        about=about,
                    )
                )
        stack += [([*path, key], value) for key, value in reversed(children)]
    return problems


_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_format(text: str, fmt: str, file: str | None) -> tuple[object, list[Diagnostic]]:
    if fmt == "toml":
        parse, decode_error = toml_loads()
        try:
            return parse(text), []
        except decode_error as exc:
            message = str(exc)
            match = _AT_LINE.search(message)
            line = column = None
            if match:
                if match.group(1):
                    line, column = int(match.group(1)), int(match.group(2))
                else:
                    line, column = _end_of(text)
                message = message[: match.start()].strip()
            hint = wrong_format_hint(text, fmt, file)
            message = f"not valid TOML: {message}"
            raise _syntax_error(message, line, file, hint, column=column) from None
        except ValueError:  # int() refuses a number of more than 4,300 digits
            return _toml_without_long_numbers(text, parse, file)
    if fmt == "json":
        import json  # here: a TOML document needs none of it

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
            data = json.loads(text, object_pairs_hook=pairs, parse_int=_json_int)
        except json.JSONDecodeError as exc:
            hint = wrong_format_hint(text, fmt, file)
            message = f"not valid JSON: {exc.msg}"
            raise _syntax_error(message, exc.lineno, file, hint, column=exc.colno) from None
        problems: list[Diagnostic] = []
        index: PositionIndex | None = None
        if duplicates:
            index = PositionIndex.of(text, "json")
            problems += [
                _placed(
                    Diagnostic(
                        code=SYNTAX,
                        severity=Severity.ERROR,
                        message=f"the key {json.dumps(path[-1])} is written twice in one object",
                        path=format_path(path),
                        file=file,
                        hint="keep one: the second would silently replace the first",
                        about="key",
                    ),
                    span,
                )
                for path, span in index.repeated_keys()
            ]
        odd = _odd_values(data, file, surrogates=_SURROGATE_ESCAPE.search(text) is not None)
        if odd:
            problems += place(odd, text, "json", file, index)
        return data, problems
    raise ValueError(f"unknown format {fmt!r}; expected 'toml' or 'json'")


def decode(raw: bytes, file: str | None, hint: str | None = None) -> str:
    """*raw* as UTF-8 text, or a :class:`LoadError` (SP001) at the line of the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte {exc.start} is 0x{raw[exc.start]:02x})"
        raise _syntax_error(message, line, file, hint) from None
