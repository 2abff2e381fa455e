"""Write one document in any of the layouts TOML and JSON allow, knowing where each value went.

A test of positions needs text whose every range it knows without asking the code under
test. :func:`write` lays out plain data (the dict a parser gives) as TOML (every table
as a header, an inline table or dotted keys, arrays of tables as ``[[...]]`` or inline,
arrays on one line or many, with comments) or as JSON (minified or indented), chosen
by a random generator, and returns the text with the offsets of every value it wrote
(``values``), of every key (``keys``) and the place each table starts (``heads``):
its ``[header]``, its ``{`` inline table ``}`` or the key part that first names it.

Whoever reads the text back must get the data: :func:`write` checks that itself.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import tomllib
from typing import Any

import attrs

Path = tuple[str | int, ...]
Offsets = tuple[int, int]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}


def _toml_string(text: str) -> str:
    out = []
    for char in text:
        if char in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _toml_key(key: str) -> str:
    return key if _BARE.fullmatch(key) else _toml_string(key)


def _toml_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(value)


@attrs.define
class Written:
    """A document's text and where each thing in it is."""

    text: str = ""
    values: dict[Path, Offsets] = attrs.field(factory=dict)
    keys: dict[Path, Offsets] = attrs.field(factory=dict)
    heads: dict[Path, Offsets] = attrs.field(factory=dict)

    def add(self, text: str) -> Offsets:
        start = len(self.text)
        self.text += text
        return start, len(self.text)


class _Toml:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.out = Written()

    def choice(self, *options: str) -> str:
        return self.rng.choice(options)

    # -- values written after `key = ` -----------------------------------------------------

    def value(self, path: Path, value: object, *, inline: bool = False) -> None:
        """*value* as TOML text; in an inline table when *inline* (no line breaks)."""
        out = self.out
        if isinstance(value, dict):
            start = len(out.text)
            out.add("{")
            for number, (key, item) in enumerate(value.items()):
                out.add(", " if number else " ")
                self.pair(path, key, item, inline=True)
            out.add(" }" if value else "}")
            out.values[path] = out.heads[path] = (start, len(out.text))
        elif isinstance(value, list):
            many = not inline and len(value) > 1 and self.choice("one line", "many") == "many"
            start = len(out.text)
            out.add("[")
            for index, item in enumerate(value):
                if many:
                    out.add("\n  ")
                    if self.choice("plain", "commented") == "commented":
                        out.add("# an element ] { , \n  ")
                elif index:
                    out.add(", ")
                self.value((*path, index), item, inline=True)
                if many:  # a trailing comma after the last one too
                    out.add(",")
            out.add("\n]" if many else "]")
            out.values[path] = (start, len(out.text))
        else:
            out.values[path] = out.add(_toml_scalar(value))

    def pair(self, table: Path, key: str, value: object, *, inline: bool = False) -> None:
        """``key = value`` under *table*: a dict as an inline table or as dotted keys."""
        out = self.out
        path = (*table, key)
        if isinstance(value, dict) and value and self.choice("inline", "dotted") == "dotted":
            for number, (rest, leaf) in enumerate(_flatten((key,), value)):
                if number:
                    out.add(", " if inline else "\n")
                for depth, name in enumerate(rest, start=1):
                    if depth > 1:
                        out.add(self.choice(".", " . ") if not inline else ".")
                    named = out.add(_toml_key(name))
                    at = (*table, *rest[:depth])
                    if depth == len(rest):
                        out.keys[at] = named
                    elif at not in out.heads:  # a table the dotted key names first here
                        out.keys[at] = out.heads[at] = out.values[at] = named
                out.add(" = ")
                self.value((*table, *rest), leaf, inline=inline)
            return
        out.keys[path] = out.add(_toml_key(key))
        out.add(self.choice(" = ", "=", "  =  "))
        self.value(path, value, inline=inline)

    # -- tables ------------------------------------------------------------------------------

    def header(self, path: Path, names: list[str], brackets: int) -> None:
        out = self.out
        start = len(out.text)
        out.add("[" * brackets + self.choice("", " "))
        for number, name in enumerate(names):
            if number:
                out.add(".")
            named = out.add(_toml_key(name))
            if number == len(names) - 1:
                out.keys[path] = named
        out.add(self.choice("", " ") + "]" * brackets)
        out.heads[path] = out.values[path] = (start, len(out.text))
        out.add(self.choice("\n", "  # a comment\n"))

    def body(self, path: Path, names: list[str], table: dict[str, Any]) -> None:
        """The pairs of a table under its header, then its sub-tables with headers of their own."""
        later: list[tuple[str, Any, str]] = []
        for key, value in table.items():
            if isinstance(value, dict) and self.choice("here", "header") == "header":
                later.append((key, value, "table"))
            elif (
                isinstance(value, list)
                and value
                and all(isinstance(item, dict) for item in value)
                and self.choice("inline", "array of tables") == "array of tables"
            ):
                later.append((key, value, "array"))
            else:
                self.pair(path, key, value)
                self.out.add("\n")
        for key, value, kind in later:
            self.out.add(self.choice("\n", "", "\n# between tables\n"))
            if kind == "table":
                self.header((*path, key), [*names, key], 1)
                self.body((*path, key), [*names, key], value)
            else:
                for index, item in enumerate(value):
                    self.header((*path, key, index), [*names, key], 2)
                    self.body((*path, key, index), [*names, key], item)
                # the array itself: where its first element starts
                self.out.values[(*path, key)] = self.out.heads[(*path, key, 0)]


def _flatten(prefix: tuple[str, ...], value: object) -> list[tuple[tuple[str, ...], object]]:
    """The dotted keys a table is written with, each with its value (an empty table is one)."""
    if isinstance(value, dict) and value:
        found: list[tuple[tuple[str, ...], object]] = []
        for key, item in value.items():
            found += _flatten((*prefix, key), item)
        return found
    return [(prefix, value)]


def _toml(data: dict[str, Any], rng: random.Random) -> Written:
    writer = _Toml(rng)
    writer.body((), [], data)
    return writer.out


def _json(data: object, rng: random.Random) -> Written:
    indent = rng.choice([None, 2, 1])
    out = Written()

    def newline(depth: int) -> None:
        if indent is not None:
            out.add("\n" + " " * (indent * depth))

    def value(path: Path, item: object, depth: int) -> None:
        start = len(out.text)
        if isinstance(item, dict):
            out.add("{")
            for number, (key, sub) in enumerate(item.items()):
                if number:
                    out.add(",")
                newline(depth + 1)
                out.keys[(*path, key)] = out.add(json.dumps(key, ensure_ascii=rng.random() < 0.5))
                out.add(": " if indent is not None else ":")
                value((*path, key), sub, depth + 1)
            if item:
                newline(depth)
            out.add("}")
            out.heads[path] = (start, len(out.text))
        elif isinstance(item, list):
            out.add("[")
            for index, sub in enumerate(item):
                if index:
                    out.add(",")
                newline(depth + 1)
                value((*path, index), sub, depth + 1)
            if item:
                newline(depth)
            out.add("]")
        elif isinstance(item, dt.date):
            out.add(json.dumps(item.isoformat()))
        else:
            out.add(json.dumps(item, ensure_ascii=rng.random() < 0.5))
        out.values[path] = (start, len(out.text))

    value((), data, 0)
    return out


def write(data: dict[str, Any], fmt: str, rng: random.Random) -> Written:
    """*data* laid out as *fmt* (``"toml"`` or ``"json"``) in a layout *rng* chooses."""
    written = _toml(data, rng) if fmt == "toml" else _json(data, rng)
    parsed = tomllib.loads(written.text) if fmt == "toml" else json.loads(written.text)
    expected = data if fmt == "toml" else json.loads(json.dumps(data, default=str))
    assert expected == parsed, written.text
    return written


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of *offset* in *text*."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
