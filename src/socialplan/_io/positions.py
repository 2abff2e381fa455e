"""Where each key and value of a plan's source text is: a position index built in one pass.

The parsers (tomllib, tomli, json) hand back plain data with no positions. This module
reads the text once more, as a tokenizer that knows the structure of TOML and JSON
(tables, arrays of tables, dotted keys, inline tables, arrays, every kind of string), and
records for every dotted path the range of its value and of its key. After that, placing
a diagnostic is a dictionary look-up and a binary search for its line: the cost of a
finding does not grow with the size of the file.

It reads text the parser has accepted; on anything else it records what it could read
before the first thing it does not understand, and never raises.

>>> index = PositionIndex.of('[plan]\\nname = "Demo"\\n[objectives.o]\\nweight = 3\\n', "toml")
>>> index.span(("objectives", "o", "weight"))
Span(line=4, column=10, end_line=4, end_column=11)
>>> index.span(("objectives", "o", "title"))  # not written: the header of its table
Span(line=3, column=1, end_line=3, end_column=15)
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import attrs

from .._core.diagnostics import Diagnostic, Edit, Fix, parse_path
from .._core.gc import paused_collector

__all__ = ["PositionIndex", "Span", "place"]

Segments = tuple[str | int, ...]


class Span(NamedTuple):
    """A range of text: 1-based line and column of its first character, and the line and
    column just past its last one (columns count characters, not bytes)."""

    line: int
    column: int
    end_line: int
    end_column: int


class PositionIndex:
    """The ranges of every key and value of one TOML or JSON document, by path.

    Build it with :meth:`of`; ask it with :meth:`span`. A TOML document is read whole,
    once, at the first question; a JSON one a container at a time, when a path first goes
    into it, each value skipped by the standard library's C decoder: a few findings in a
    big JSON plan read only the objects they are in. Making an index reads nothing, so that
    a caller may make one for all who might ask.
    """

    def __init__(self, text: str, fmt: str) -> None:
        self._text = text
        self._lines: list[int] | None = None
        self._values: dict[Segments, tuple[int, int]] = {}
        self._keys: dict[Segments, tuple[int, int]] = {}
        self._json: _JsonIndex | None = None
        self._unread = fmt != "json"
        if fmt == "json":
            self._json = _JsonIndex(text)

    def _read(self) -> None:
        """Read the whole TOML text, once (not TOML the parser accepted: what was read
        before it stopped stays)."""
        self._unread = False
        with paused_collector(), contextlib.suppress(_Stop):
            _TomlScanner(self._text, self._values, self._keys).scan()

    @classmethod
    def of(cls, text: str, fmt: str) -> PositionIndex:
        """Index *text*, a document in *fmt* (``"toml"`` or ``"json"``)."""
        return cls(text, fmt)

    def repeated_keys(self) -> list[tuple[Segments, Span]]:
        """The path and range of each key written twice in one JSON object (the second time).

        TOML parsers refuse those themselves, with their line and column.
        """
        if self._json is None:
            return []
        return [(path, self._span(*offsets)) for path, offsets in self._json.repeated()]

    def values(self) -> list[tuple[Segments, tuple[int, int]]]:
        """Every path of a TOML document with the offsets of its value, in the text's order.

        (A JSON document is read a container at a time: it has none to list.)
        """
        if self._unread:
            self._read()
        return sorted(self._values.items(), key=lambda item: item[1])

    def offsets(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int] | None:
        """The offsets of *path*'s value (its key's with *key*), or None if it is not written.

        A table is where it is declared: its ``[header]``, its ``{`` inline table ``}``, or
        the first dotted key that names it; an element of an array of tables, its ``[[...]]``.
        An element of an array has no key: *key* gives its value.
        """
        segments = tuple(path)
        if self._json is not None:
            entry = self._json.entry(segments)
            if entry is None:
                return None
            return (entry[0] or entry[1]) if key else entry[1]
        if self._unread:
            self._read()
        found = (self._keys if key else self._values).get(segments)
        if found is None and key:
            found = self._values.get(segments)
        return found

    def span(self, path: Sequence[str | int], *, key: bool = False) -> Span:
        """The range of *path*'s value, or of its key with *key*.

        A path that is not in the text (a missing field) gets the range of the nearest
        part above it that is: the header (or inline table) of the table where the field
        would be added. A path of nothing written at all gets the document's start.
        """
        segments = tuple(path)
        while segments:
            found = self.offsets(segments, key=key)
            if found is not None:
                return self._span(*found)
            segments = segments[:-1]
            key = False  # the part that holds a missing key: its value, the table
        return Span(1, 1, 1, 1)

    def _span(self, start: int, end: int) -> Span:
        line, column = self._position(start)
        end_line, end_column = self._position(end)
        return Span(line, column, end_line, end_column)

    def _position(self, offset: int) -> tuple[int, int]:
        lines = self._lines
        if lines is None:
            lines = self._lines = [0, *(m.end() for m in _NEWLINE.finditer(self._text))]
        row = bisect.bisect_right(lines, offset) - 1
        return row + 1, offset - lines[row] + 1


_NEWLINE = re.compile("\n")


class _Stop(Exception):
    """The scanner met text it does not understand: it stops there."""


# --- TOML ---------------------------------------------------------------------------------

# Blanks, line ends and comments between tokens.
_TOML_SPACE = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_TOML_INLINE_SPACE = re.compile(r"[ \t]*")
_TOML_KEY_PART = re.compile(r"""[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'""")
_TOML_DOT = re.compile(r"[ \t]*\.[ \t]*")
_TOML_STRINGS = {
    '"""': re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*""""{0,2}', re.DOTALL),
    "'''": re.compile(r"'''.*?'''(?:'{0,2})", re.DOTALL),
    '"': re.compile(r'"(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"'[^'\n]*'"),
}
# A date-time may have a space between its date and its time; other scalars have none.
_TOML_SCALAR = re.compile(
    r"\d{4}-\d{2}-\d{2}"
    r"(?:[Tt ](?=\d{2}:)\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?"
    r"|[A-Za-z0-9_+.:-]+"
)
# The commonest line: a bare key and a value with no brackets, nothing after it but a comment.
_TOML_SIMPLE_PAIR = re.compile(
    r"([A-Za-z0-9_-]+)[ \t]*=[ \t]*"
    r"""("(?:[^"\\\n]|\\.)*"|'[^'\n]*'(?!')|[A-Za-z0-9_+.:-]+(?: (?=\d{2}:)[0-9:.Zz+-]+)?)"""
    r"(?=[ \t]*(?:#|\r?\n|$))"
)
_TOML_BARE_PAIR = re.compile(r"([A-Za-z0-9_-]+)[ \t]*=[ \t]*")
# An array of one-line strings, numbers, booleans and dates (no comments, nothing nested).
_TOML_ONE = r"""(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[A-Za-z0-9_+.:-]+)"""
_TOML_ELEMENT = re.compile(_TOML_ONE)
_TOML_FLAT_ARRAY = re.compile(
    rf"\[(?:[ \t\r\n]*{_TOML_ONE}[ \t\r\n]*,)*(?:[ \t\r\n]*{_TOML_ONE})?[ \t\r\n]*\]"
)
_TOML_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})|(.))")
_TOML_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", "e": "\x1b"}


def _toml_key(raw: str) -> str:
    """The name a key part spells: a bare key as written, a quoted one unquoted."""
    if raw[0] == "'":
        return raw[1:-1]
    if raw[0] != '"':
        return raw
    body = raw[1:-1]
    if "\\" not in body:
        return body

    def unescape(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2) or match.group(3)
        if code:
            return chr(int(code, 16))
        char = match.group(4)
        return _TOML_ESCAPES.get(char, char)

    return _TOML_ESCAPE.sub(unescape, body)


class _TomlScanner:
    def __init__(
        self,
        text: str,
        values: dict[Segments, tuple[int, int]],
        keys: dict[Segments, tuple[int, int]],
    ) -> None:
        self.text = text
        self.values = values
        self.keys = keys
        #: Tables known only because a longer header or dotted key named them.
        self.implicit: set[Segments] = set()
        #: The index of the last element of each array of tables, by its path.
        self.last: dict[Segments, int] = {}

    def scan(self) -> None:
        text, at, end = self.text, 0, len(self.text)
        values, keys = self.values, self.keys
        simple, bare = _TOML_SIMPLE_PAIR.match, _TOML_BARE_PAIR.match
        table: Segments = ()
        while True:
            at = _TOML_SPACE.match(text, at).end()  # type: ignore[union-attr]
            if at >= end:
                return
            pair = simple(text, at)
            if pair is not None:  # most lines: one match, not a token at a time
                path = (*table, pair.group(1))
                keys[path] = pair.span(1)
                values[path] = pair.span(2)
                at = pair.end()
            elif (pair := bare(text, at)) is not None:  # a key that is not dotted
                path = (*table, pair.group(1))
                keys[path] = pair.span(1)
                at = self.value(pair.end(), path)
            elif text.startswith("[[", at):
                table, at = self.header(at, 2)
            elif text[at] == "[":
                table, at = self.header(at, 1)
            else:
                at = self.pair(at, table)

    def key(self, at: int) -> tuple[list[tuple[str, int, int]], int]:
        """The parts of the dotted key at *at*, each with its offsets, and where it ends."""
        parts: list[tuple[str, int, int]] = []
        text = self.text
        while True:
            match = _TOML_KEY_PART.match(text, at)
            if match is None:
                raise _Stop
            parts.append((_toml_key(match.group()), match.start(), match.end()))
            dot = _TOML_DOT.match(text, match.end())
            if dot is None:
                return parts, _TOML_INLINE_SPACE.match(text, match.end()).end()  # type: ignore[union-attr]
            at = dot.end()

    def resolve(self, parts: list[tuple[str, int, int]], base: Segments = ()) -> list[Segments]:
        """The path of each prefix of a key: into the last element of an array of tables."""
        paths: list[Segments] = []
        path = base
        for name, _, _ in parts:
            path = (*path, name)
            paths.append(path)
            last = self.last.get(path)
            if last is not None and len(paths) < len(parts):
                path = (*path, last)
        return paths

    def implicit_tables(self, parts: list[tuple[str, int, int]], paths: list[Segments]) -> None:
        for (_, start, end), path in zip(parts[:-1], paths[:-1], strict=True):
            if path not in self.values:
                self.values[path] = self.keys[path] = (start, end)
                self.implicit.add(path)

    def header(self, start: int, brackets: int) -> tuple[Segments, int]:
        text = self.text
        at = _TOML_INLINE_SPACE.match(text, start + brackets).end()  # type: ignore[union-attr]
        parts, at = self.key(at)
        close = "]" * brackets
        if not text.startswith(close, at):
            raise _Stop
        end = at + brackets
        paths = self.resolve(parts)
        self.implicit_tables(parts, paths)
        path = paths[-1]
        name = (parts[-1][1], parts[-1][2])
        if brackets == 2:  # [[array]]: a new element
            index = self.last.get(path, -1) + 1
            self.last[path] = index
            if path not in self.values:
                self.values[path] = self.keys[path] = (start, end)
            path = (*path, index)
        elif path in self.values and path not in self.implicit:
            return path, end  # pragma: no cover - a table declared twice is not valid TOML
        self.implicit.discard(path)
        self.values[path] = (start, end)
        self.keys[path] = name
        return path, end

    def pair(self, at: int, table: Segments) -> int:
        """A ``key = value`` line of *table*; where it ends."""
        parts, at = self.key(at)
        if not self.text.startswith("=", at):
            raise _Stop
        paths = self.resolve(parts, table)
        self.implicit_tables(parts, paths)
        path = paths[-1]
        self.keys[path] = (parts[-1][1], parts[-1][2])
        at = _TOML_INLINE_SPACE.match(self.text, at + 1).end()  # type: ignore[union-attr]
        return self.value(at, path)

    def value(self, at: int, path: Segments) -> int:
        """Index the value at *at* under *path* (and everything in it); where it ends.

        Arrays and inline tables are read with a stack, not by recursion: nesting as
        deep as the parser allows does not reach Python's recursion limit.
        """
        text = self.text
        # Each open container: its path, its start, and the index of the element being
        # read (-1 for an inline table).
        stack: list[tuple[Segments, int, int]] = []
        while True:
            char = text[at : at + 1]
            flat = _TOML_FLAT_ARRAY.match(text, at) if char == "[" else None
            if flat is not None:  # strings, numbers, dates: found all at once
                elements = _TOML_ELEMENT.finditer(text, at + 1, flat.end() - 1)
                for index, element in enumerate(elements):
                    self.values[(*path, index)] = element.span()
                self.values[path] = flat.span()
                at = flat.end()
            elif char == "[":
                stack.append((path, at, 0))
                at = _TOML_SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
                if text.startswith("]", at):
                    at = self.close(stack, at)
                else:
                    path = (*path, 0)
                    continue
            elif char == "{":
                stack.append((path, at, -1))
                at = _TOML_SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
                if text.startswith("}", at):
                    at = self.close(stack, at)
                else:
                    at, path = self.member(at, path)
                    continue
            else:
                pattern = _TOML_STRINGS.get(text[at : at + 3]) or _TOML_STRINGS.get(char)
                match = (pattern or _TOML_SCALAR).match(text, at)
                if match is None:
                    raise _Stop
                self.values[path] = (at, match.end())
                at = match.end()
            # After a value: the next element of the innermost container, or its end.
            while stack:
                owner, _, index = stack[-1]
                at = _TOML_SPACE.match(text, at).end()  # type: ignore[union-attr]
                closer = "]" if index >= 0 else "}"
                if text.startswith(",", at):
                    at = _TOML_SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
                    if text.startswith(closer, at):  # a trailing comma
                        at = self.close(stack, at)
                        continue
                    if index >= 0:
                        stack[-1] = (owner, stack[-1][1], index + 1)
                        path = (*owner, index + 1)
                    else:
                        at, path = self.member(at, owner)
                    break
                if text.startswith(closer, at):
                    at = self.close(stack, at)
                    continue
                raise _Stop
            else:
                return at

    def member(self, at: int, table: Segments) -> tuple[int, Segments]:
        """A ``key =`` of an inline table: where its value starts, and the value's path."""
        parts, at = self.key(at)
        if not self.text.startswith("=", at):
            raise _Stop
        paths = self.resolve(parts, table)
        self.implicit_tables(parts, paths)
        self.keys[paths[-1]] = (parts[-1][1], parts[-1][2])
        return _TOML_INLINE_SPACE.match(self.text, at + 1).end(), paths[-1]  # type: ignore[union-attr]

    def close(self, stack: list[tuple[Segments, int, int]], at: int) -> int:
        """End the innermost container at its closing bracket *at*; where it ends."""
        owner, start, _ = stack.pop()
        self.values[owner] = (start, at + 1)
        return at + 1


# --- JSON ---------------------------------------------------------------------------------

_JSON_SPACE = re.compile(r"[ \t\r\n]*")

#: A container's members: by key (or index), the offsets of the key (None in an array)
#: and of the value.
_Members = dict[str | int, tuple[tuple[int, int] | None, tuple[int, int]]]


class _JsonIndex:
    """The members of each JSON container, read when a path first goes into it."""

    def __init__(self, text: str) -> None:
        self.text = text
        import json  # here: a TOML document needs none of it

        # Whole numbers are skipped, not made: one of more digits than Python reads is no error.
        self.decoder = json.JSONDecoder(parse_int=len)
        self.members: dict[Segments, _Members] = {}
        self.twice: list[tuple[Segments, tuple[int, int]]] = []
        start = _JSON_SPACE.match(text).end()  # type: ignore[union-attr]
        self.root = (start, len(text))  # where it ends is never asked

    def skip(self, at: int) -> int:
        """Where the value at *at* ends (*at* itself when there is none to read)."""
        try:
            return int(self.decoder.raw_decode(self.text, at)[1])
        except ValueError:  # not JSON the parser accepted
            return at

    def entry(self, path: Segments) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
        """The key and value offsets of *path*, or None if it is not written."""
        found: tuple[tuple[int, int] | None, tuple[int, int]] | None = (None, self.root)
        for depth, segment in enumerate(path):
            assert found is not None
            members = self.members_of(path[:depth], found[1])
            found = members.get(segment)
            if found is None:
                return None
        return found

    def members_of(self, path: Segments, value: tuple[int, int]) -> _Members:
        members = self.members.get(path)
        if members is None:
            # Skipping a value decodes it: thousands of objects at once, no cycle among them.
            with paused_collector():
                members = self.members[path] = self.read(path, value[0])
        return members

    def read(self, path: Segments, start: int) -> _Members:
        """The members of the container at *start*: one step of the decoder's each."""
        import json

        text, space = self.text, _JSON_SPACE.match
        members: _Members = {}
        opener = text[start : start + 1]
        if opener not in ("{", "["):
            return members
        closer = "}" if opener == "{" else "]"
        at = space(text, start + 1).end()  # type: ignore[union-attr]
        index = 0
        while at < len(text) and text[at] != closer:
            name: str | int = index
            named: tuple[int, int] | None = None
            if opener == "{":
                try:
                    name, after = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
                except ValueError:
                    return members
                named = (at, after)
                at = space(text, space(text, after).end() + 1).end()  # type: ignore[union-attr]
                if name in members:
                    self.twice.append(((*path, name), named))
            end = self.skip(at)
            if end == at:
                return members
            members[name] = (named, (at, end))
            index += 1
            at = space(text, end).end()  # type: ignore[union-attr]
            if text.startswith(",", at):
                at = space(text, at + 1).end()  # type: ignore[union-attr]
        return members

    def repeated(self) -> list[tuple[Segments, tuple[int, int]]]:
        """Every key written twice in one object, in the order of the text.

        Reads every container: only a document the parser refused for that reads it all.
        """
        stack: list[tuple[Segments, tuple[int, int]]] = [((), self.root)]
        while stack:
            path, value = stack.pop()
            members = self.members_of(path, value)
            stack += [((*path, name), offsets) for name, (_, offsets) in members.items()]
        # A key's second writing is the one the parser keeps: the first's value, with any
        # key in it, is never read.
        return sorted(self.twice, key=lambda item: item[1])


# --- Placing diagnostics ------------------------------------------------------------------

_START = Span(1, 1, 1, 1)


def place(
    diagnostics: Iterable[Diagnostic],
    text: str,
    fmt: str,
    file: str | None,
    index: PositionIndex | None = None,
) -> list[Diagnostic]:
    """*diagnostics* with the range of what each names in *text* (a *fmt* document) and *file*.

    The text is indexed once, on the first diagnostic that needs it, unless its *index* is
    given. Each gets the range of its path's value, or of its key when it is about the key
    (:attr:`Diagnostic.about`). One that already has a line (a syntax error the parser
    placed) keeps it; one about the whole document (no path) is placed at its start. A
    leading byte-order mark is not a column.

    A fix not yet placed (:attr:`Fix.replacement`) gets its edit: the replacement over the
    key or string value as written, quoted as it is quoted there. It is dropped when that
    is not written (a missing field), is not a string, or when a key would become one its
    table already has.
    """
    text = text.removeprefix("\ufeff")
    placed: list[Diagnostic] = []
    for diagnostic in diagnostics:
        if diagnostic.line is not None:
            placed.append(attrs.evolve(diagnostic, file=file))
            continue
        span = _START
        if diagnostic.path:
            if index is None:
                index = PositionIndex.of(text, fmt)
            about_key = diagnostic.about == "key"
            span = index.span(parse_path(diagnostic.path), key=about_key)
        fix = diagnostic.fix
        if fix is not None and fix.replacement is not None and not fix.edits:
            fix = _placed_fix(fix, diagnostic, text, fmt, index) if index is not None else None
        placed.append(
            attrs.evolve(
                diagnostic,
                line=span.line,
                column=span.column,
                end_line=span.end_line,
                end_column=span.end_column,
                file=file,
                fix=fix,
            )
        )
    return placed


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _placed_fix(
    fix: Fix, diagnostic: Diagnostic, text: str, fmt: str, index: PositionIndex
) -> Fix | None:
    """*fix* with the edit that writes its replacement over *diagnostic*'s key or string
    value in *text*; None when there is none to write over, or the result would not load."""
    assert fix.replacement is not None
    segments = tuple(parse_path(diagnostic.path))
    about_key = diagnostic.about == "key"
    if not segments or (about_key and isinstance(segments[-1], int)):
        return None
    offsets = index.offsets(segments, key=about_key)
    if offsets is None:
        return None
    start, end = offsets
    written = text[start:end]
    if about_key and index.offsets((*segments[:-1], fix.replacement), key=True) is not None:
        return None  # the table has that key already: a second would not load
    new = _quoted(fix.replacement, written, fmt, about_key)
    if new is None:
        return None
    span = index._span(start, end)
    return attrs.evolve(fix, edits=(Edit(*span, new),))


def _quoted(value: str, written: str, fmt: str, key: bool) -> str | None:
    """*value* written as *written* is: a bare TOML key stays bare, a literal string stays
    literal, when they can; None when *written* is not a key or a string."""
    import json

    basic = json.dumps(value, ensure_ascii=False)  # its escapes are TOML's too
    if fmt == "json":
        return basic if written.startswith('"') else None
    if written.startswith("'") and "'" not in value and "\n" not in value:
        return f"'{value}'"
    if written.startswith('"'):
        return basic
    if key and _BARE_KEY.fullmatch(written):
        return value if _BARE_KEY.fullmatch(value) else basic
    return None
