"""The patterns of a ``.gitignore`` file, matched as gitignore(5) says git matches them.

Supported: comments (``#``) and blank lines; ``\\`` escaping a character (``\\#``, ``\\!``,
a trailing ``\\ ``); trailing spaces dropped; ``!`` re-including what an earlier pattern
excluded; a slash at the start or in the middle anchoring the pattern to the folder of its
file, and none letting it match at any depth; a trailing slash matching folders only;
``*`` and ``?`` (never a slash), ``[...]`` and ``[!...]``; ``**/`` at the start, ``/**`` at
the end and ``/**/`` in the middle. The last pattern that matches decides. Not read: the
global excludes file of ``core.excludesFile``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["Patterns"]


class _Pattern(NamedTuple):
    regex: re.Pattern[str]
    negated: bool
    folders_only: bool


class Patterns:
    """The patterns of one ``.gitignore`` file, matched against paths relative to its folder."""

    def __init__(self, patterns: Sequence[_Pattern]) -> None:
        self._patterns = tuple(patterns)

    @classmethod
    def parse(cls, text: str) -> Patterns:
        """The patterns of the text of a ``.gitignore`` file (lines that are none are skipped)."""
        found = []
        for line in text.splitlines():
            pattern = _compiled(line)
            if pattern is not None:
                found.append(pattern)
        return cls(found)

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def match(self, path: str, *, is_dir: bool) -> bool | None:
        """Whether *path* (``/``-separated, relative to the file's folder) is ignored (True),
        re-included (False), or named by no pattern (None)."""
        for pattern in reversed(self._patterns):
            if pattern.folders_only and not is_dir:
                continue
            if pattern.regex.fullmatch(path):
                return not pattern.negated
        return None


def _compiled(line: str) -> _Pattern | None:
    """One line as a pattern; None for a comment or a blank line."""
    if line.startswith("#"):
        return None
    line = _without_trailing_spaces(line)
    negated = line.startswith("!")
    if negated:
        line = line[1:]
    folders_only = line.endswith("/") and not line.endswith("\\/")
    if folders_only:
        line = line.rstrip("/")
    if not line:
        return None
    anchored = "/" in line.rstrip("/")
    line = line.removeprefix("/")
    body = _translated(line)
    regex = body if anchored or line.startswith("**/") else f"(?:.*/)?{body}"
    return _Pattern(re.compile(regex, re.DOTALL), negated, folders_only)


def _without_trailing_spaces(line: str) -> str:
    """*line* without its trailing spaces, but for one escaped with a backslash."""
    stripped = line.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(line):
        return stripped[:-1] + " "
    return stripped


def _translated(pattern: str) -> str:
    """The regular expression of a pattern's body (its leading ``/`` taken off)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i) and (i == 0 or pattern[i - 1] == "/"):
            out.append("(?:.*/)?")  # zero or more folders
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == n:
            out.append("/.*")  # everything inside
            i += 3
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
            while i < n and pattern[i] == "*":  # other runs of stars are one star
                i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            end = _class_end(pattern, i)
            if end is None:
                out.append(re.escape("["))
                i += 1
            else:
                out.append(_class(pattern[i + 1 : end]))
                i = end + 1
        elif pattern[i] == "\\" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def _class_end(pattern: str, start: int) -> int | None:
    """The index of the ``]`` closing the class opened at *start*, or None."""
    i = start + 1
    if i < len(pattern) and pattern[i] in "!^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":  # a ] first is a member
        i += 1
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "]":
            return i
        i += 1
    return None


def _class(members: str) -> str:
    """A bracket expression's members as a regular-expression class (never a slash)."""
    negated = members[:1] in ("!", "^")
    if negated:
        members = members[1:]
    out = []
    i = 0
    while i < len(members):
        char = members[i]
        if char == "\\" and i + 1 < len(members):
            out.append(re.escape(members[i + 1]))
            i += 2
            continue
        out.append("-" if char == "-" and 0 < i < len(members) - 1 else re.escape(char))
        i += 1
    body = "".join(out)
    return f"[^/{body}]" if negated else f"(?!/)[{body}]"
