"""Find the line of a dotted path in a plan's source text.

Parsers hand back plain dicts with no positions, so the line is found by
walking the path's keys through the text in order. It is a best effort: it
answers with the line of the deepest part of the path it can find.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["locate", "parse_path"]

_SEGMENT = re.compile(r'\[(\d+)\]|\.?"((?:[^"\\]|\\.)*)"|\.?([A-Za-z0-9_-]+)')


def parse_path(path: str) -> list[str | int]:
    """Split a dotted path back into its segments.

    >>> parse_path('calendar[0].date')
    ['calendar', 0, 'date']
    >>> parse_path('channels."my channel".owner')
    ['channels', 'my channel', 'owner']
    """
    segments: list[str | int] = []
    for index, quoted, bare in _SEGMENT.findall(path):
        if index:
            segments.append(int(index))
        elif bare:
            segments.append(bare)
        else:
            segments.append(quoted.replace('\\"', '"').replace("\\\\", "\\"))
    return segments


@lru_cache(maxsize=256)
def _top_pattern(key: str) -> re.Pattern[str]:
    """A top-level TOML key: a table header's first part, or a key at the start of a line."""
    quoted = re.escape('"' + key + '"')
    bare = re.escape(key)
    return re.compile(rf"^[ \t]*(?:\[\[?[ \t]*)?(?:{bare}|{quoted})[ \t]*(?=[=.\]])", re.MULTILINE)


@lru_cache(maxsize=1024)
def _key_pattern(key: str, fmt: str) -> re.Pattern[str]:
    quoted = re.escape('"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"')
    if fmt == "json":
        return re.compile(quoted + r"\s*:")
    bare = re.escape(key)
    return re.compile(
        rf"(?:(?<=[\s\[.{{,])|^)(?:{bare}|{quoted}|'{bare}')\s*(?=[=.\]])", re.MULTILINE
    )


_HEADER = re.compile(r'^[ \t]*\[\[?[ \t]*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_-]+)', re.MULTILINE)


def _end_of_top_level(text: str, key: str, start: int) -> int:
    """Where the tables of the top-level *key* end: at the first header of another key."""
    for header in _HEADER.finditer(text, start):
        if header.group(1).strip('"') != key:
            return header.start()
    return len(text)


def locate(text: str, path: str, fmt: str = "toml") -> int | None:
    """Return the 1-based line of *path* in *text*, or of its deepest found part.

    >>> locate('[plan]\\nname = "x"\\n[objectives.awareness]\\ntitle = "t"\\n',
    ...        "objectives.awareness.title")
    4
    """
    position, found = 0, False
    previous: str | None = None
    end = len(text)
    for segment in parse_path(path):
        if isinstance(segment, int):
            if fmt == "toml" and previous is not None:
                header = re.compile(rf"^\s*\[\[\s*{re.escape(previous)}\s*\]\]", re.MULTILINE)
                matches = list(header.finditer(text, 0))
                if segment < len(matches):
                    position, found = matches[segment].end(), True
            continue
        first = not found and fmt == "toml"
        pattern = _top_pattern(segment) if first else _key_pattern(segment, fmt)
        match = pattern.search(text, position, end)
        if match is None:
            break
        if first:
            end = _end_of_top_level(text, segment, match.end())
        position, found, previous = match.end(), True, segment
    if not found:
        return None
    return text.count("\n", 0, position) + 1
