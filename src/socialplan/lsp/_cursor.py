"""What is at the cursor of a plan being typed: which key or value, at which dotted path.

The parsers refuse a half-typed document, so this reads the text itself, as a tolerant
tokenizer of TOML and JSON that follows tables, arrays of tables, dotted keys, inline tables
and arrays up to the cursor. It never raises: on text it cannot follow it says nothing.

>>> text = '[objectives.aware]\\nsupports = ["gr'
>>> at = cursor_at(text, len(text), "toml")
>>> at.path, at.key, at.typed
(('objectives', 'aware', 'supports', 0), False, 'gr')
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ._shape import Path

__all__ = ["Cursor", "cursor_at"]


@attrs.frozen
class Cursor:
    """The place of the cursor in a document.

    *key* is true where a key is (or goes): *path* is then the table the key belongs to; on a
    value, *path* is the value's path. *word* is the whole token under the cursor (a string's
    text without its quotes), *typed* the part of it before the cursor, *start* and *end* its
    offsets in the text; *quoted* says whether it is inside quotes; *header* whether it is in
    a TOML ``[header]``.
    """

    path: Path
    key: bool
    word: str = ""
    typed: str = ""
    start: int = 0
    end: int = 0
    quoted: bool = False
    header: bool = False


def cursor_at(text: str, offset: int, fmt: str) -> Cursor | None:
    """The place of *offset* in *text*, a ``"toml"`` or ``"json"`` document; None in a
    comment, between values, or in text it cannot follow."""
    try:
        if fmt == "json":
            return _JsonReader(text, offset).run()
        return _TomlReader(text, offset).run()
    except _Lost:
        return None


class _Lost(Exception):
    """The text cannot be followed here."""


class _Token:
    __slots__ = ("end", "kind", "start", "text")

    def __init__(self, kind: str, text: str, start: int, end: int) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end


_TOML_TOKEN = re.compile(
    r"""(?P<nl>\r?\n)|(?P<ws>[ \t]+)|(?P<comment>\#[^\n]*)"""
    r'''|(?P<str>"""(?:[^"\\]|\\.|"(?!""))*(?:"""|\Z)|\'\'\'[\s\S]*?(?:\'\'\'|\Z)'''
    r"""|"(?:[^"\\\n]|\\.)*"?|'[^'\n]*'?)"""
    r"""|(?P<word>[A-Za-z0-9_+:-]+)|(?P<punct>[\[\]{}=,.])|(?P<other>.)""",
)
_JSON_TOKEN = re.compile(
    r"""(?P<nl>\r?\n)|(?P<ws>[ \t\r]+)|(?P<str>"(?:[^"\\\n]|\\.)*"?)"""
    r"""|(?P<word>[A-Za-z0-9_+.-]+)|(?P<punct>[\[\]{}:,])|(?P<other>.)""",
)


def _tokens(pattern: re.Pattern[str], text: str) -> Iterator[_Token]:
    for match in pattern.finditer(text):
        kind = match.lastgroup or "other"
        yield _Token(kind, match.group(), match.start(), match.end())


def _unquoted(token: _Token) -> tuple[str, int, int]:
    """A string token's text without its quotes, and where that text starts and ends."""
    raw = token.text
    for quote in ('"""', "'''", '"', "'"):
        if raw.startswith(quote):
            closed = len(raw) >= 2 * len(quote) and raw.endswith(quote)
            inner_end = token.end - len(quote) if closed else token.end
            start = token.start + len(quote)
            return raw[len(quote) : len(raw) - len(quote) if closed else len(raw)], start, inner_end
    return raw, token.start, token.end


def _name(token: _Token) -> str:
    if token.kind == "str":
        return _unquoted(token)[0].replace('\\"', '"').replace("\\\\", "\\")
    return token.text


class _Reader:
    """What the two readers share: where the cursor is, and the token it is on."""

    def __init__(self, text: str, offset: int) -> None:
        self.text = text
        self.offset = offset

    def on(self, token: _Token) -> bool:
        """Whether *token* holds the cursor (inside it, or just after a word or a string
        being typed)."""
        if token.start < self.offset < token.end:
            return True
        return (
            token.end == self.offset
            and token.kind in ("word", "str")
            and not (token.kind == "str" and _closed(token))
        )

    def place(self, token: _Token | None, path: Path, *, key: bool, header: bool = False) -> Cursor:
        if token is None or token.kind not in ("word", "str"):
            return Cursor(path, key, start=self.offset, end=self.offset, header=header)
        if token.kind == "str":
            word, start, end = _unquoted(token)
            typed = self.text[start : max(start, self.offset)]
            return Cursor(path, key, word, typed, start, end, quoted=True, header=header)
        typed = self.text[token.start : self.offset]
        return Cursor(path, key, token.text, typed, token.start, token.end, header=header)


def _closed(token: _Token) -> bool:
    raw = token.text
    quote = raw[:3] if raw[:3] in ('"""', "'''") else raw[:1]
    return len(raw) >= 2 * len(quote) and raw.endswith(quote) and not raw.endswith("\\" + quote)


class _TomlReader(_Reader):
    def run(self) -> Cursor | None:
        table: Path = ()
        arrays: dict[Path, int] = {}
        # The open arrays and inline tables: ("array", path, index) or ("inline", path, 0).
        stack: list[list[object]] = []
        mode = "key"  # key, dot (after a key part), value, after, header
        parts: list[str] = []
        header: list[str] = []
        brackets = 0
        key_path: Path = ()

        def container() -> Path:
            if stack and stack[-1][0] == "inline":
                return stack[-1][1]  # type: ignore[return-value]
            return table

        def value_path() -> Path:
            if stack and stack[-1][0] == "array":
                frame = stack[-1]
                return (*frame[1], frame[2])  # type: ignore[misc, arg-type]
            return key_path

        for token in _tokens(_TOML_TOKEN, self.text):
            if token.start >= self.offset and not self.on(token):
                break
            here = self.on(token)
            kind, raw = token.kind, token.text
            if kind == "comment":
                if here or token.end >= self.offset:
                    return None
                continue
            if here:
                if mode == "header":
                    return self.place(token, self._resolve(header, arrays), key=True, header=True)
                if mode in ("key", "dot"):
                    return self.place(token, (*container(), *parts), key=True)
                if mode == "value":
                    return self.place(token, value_path(), key=False)
                return None
            if kind == "ws":
                continue
            if kind == "nl":
                if not stack:
                    if mode == "header":
                        raise _Lost
                    mode, parts = "key", []
                continue
            if mode == "header":
                if kind in ("word", "str"):
                    header.append(_name(token))
                elif raw == "[" and not header and brackets == 1:
                    brackets = 2
                elif raw == "]":
                    path = self._resolve(header, arrays)
                    if brackets == 2:
                        index = arrays.get(path, -1) + 1
                        arrays[path] = index
                        path = (*path, index)
                    table, mode, header, brackets = path, "after", [], 0
                    # a second "]" of "[[...]]" is read as "after": skipped below
                elif raw != ".":
                    raise _Lost
                continue
            if mode == "key":
                if raw == "[" and not stack and not parts:
                    mode, header, brackets = "header", [], 1
                elif kind in ("word", "str"):
                    parts.append(_name(token))
                    mode = "dot"
                elif raw == "}" and stack and stack[-1][0] == "inline":
                    stack.pop()
                    mode = "after"
                else:
                    raise _Lost
            elif mode == "dot":
                if raw == ".":
                    mode = "key"
                elif raw == "=":
                    key_path, parts, mode = (*container(), *parts), [], "value"
                else:
                    raise _Lost
            elif mode == "value":
                if raw == "[":
                    stack.append(["array", value_path(), 0])
                elif raw == "{":
                    stack.append(["inline", value_path(), 0])
                    mode, parts = "key", []
                elif raw == "]" and stack and stack[-1][0] == "array":
                    stack.pop()
                    mode = "after"
                elif kind in ("word", "str") or raw == ".":
                    mode = "after"
                else:
                    raise _Lost
            elif mode == "after":
                if raw == "," and stack:
                    frame = stack[-1]
                    if frame[0] == "array":
                        frame[2] = int(frame[2]) + 1  # type: ignore[call-overload]
                        mode = "value"
                    else:
                        mode, parts = "key", []
                elif stack and (raw, stack[-1][0]) in (("]", "array"), ("}", "inline")):
                    stack.pop()
                elif raw in (".", "]") or kind == "word":
                    continue  # a float's or a date's pieces; the "]" closing "[[...]]"
                else:
                    raise _Lost
        # The cursor is between tokens.
        if mode == "header":
            return self.place(None, self._resolve(header, arrays), key=True, header=True)
        if mode in ("key", "dot"):
            return self.place(None, (*container(), *parts), key=True)
        if mode == "value":
            return self.place(None, value_path(), key=False)
        return None

    @staticmethod
    def _resolve(parts: list[str], arrays: dict[Path, int]) -> Path:
        """The path a header's key names: into the last element of each array of tables."""
        path: Path = ()
        for position, name in enumerate(parts):
            path = (*path, name)
            if path in arrays and position < len(parts) - 1:
                path = (*path, arrays[path])
        return path


class _JsonReader(_Reader):
    def run(self) -> Cursor | None:
        # Each open container: ["object", path, key, mode] or ["array", path, index, mode].
        stack: list[list[object]] = []
        top_done = False

        def value_path() -> Path:
            frame = stack[-1]
            return (*frame[1], frame[2])  # type: ignore[misc, arg-type]

        for token in _tokens(_JSON_TOKEN, self.text):
            if token.start >= self.offset and not self.on(token):
                break
            here = self.on(token)
            kind, raw = token.kind, token.text
            if not stack:
                if here or top_done:
                    return None
                if raw == "{":
                    stack.append(["object", (), None, "key"])
                elif kind not in ("ws", "nl"):
                    raise _Lost
                continue
            frame = stack[-1]
            mode = frame[3]
            if here:
                if frame[0] == "object" and mode == "key":
                    return self.place(token, frame[1], key=True)  # type: ignore[arg-type]
                if mode == "value":
                    return self.place(token, value_path(), key=False)
                return None
            if kind in ("ws", "nl"):
                continue
            if mode == "key":
                if kind == "str" and frame[0] == "object":
                    frame[2], frame[3] = _name(token), "colon"
                elif raw == "}" and frame[0] == "object":
                    self._close(stack)
                    top_done = not stack
                else:
                    raise _Lost
            elif mode == "colon":
                if raw != ":":
                    raise _Lost
                frame[3] = "value"
            elif mode == "value":
                if raw == "{":
                    frame[3] = "after"
                    stack.append(["object", value_path(), None, "key"])
                elif raw == "[":
                    frame[3] = "after"
                    stack.append(["array", value_path(), 0, "value"])
                elif raw == "]" and frame[0] == "array":
                    self._close(stack)
                elif kind in ("str", "word"):
                    frame[3] = "after"
                else:
                    raise _Lost
            elif raw == ",":
                if frame[0] == "array":
                    frame[2] = int(frame[2]) + 1  # type: ignore[call-overload]
                    frame[3] = "value"
                else:
                    frame[2], frame[3] = None, "key"
            elif raw in ("}", "]"):
                self._close(stack)
                top_done = not stack
            else:
                raise _Lost
        if not stack:
            return None
        frame = stack[-1]
        if frame[0] == "object" and frame[3] == "key":
            return self.place(None, frame[1], key=True)  # type: ignore[arg-type]
        if frame[3] == "value":
            return self.place(None, value_path(), key=False)
        return None

    @staticmethod
    def _close(stack: list[list[object]]) -> None:
        stack.pop()
        if stack:
            stack[-1][3] = "after"
