r"""The comments of a TOML document, found by a small scanner that knows TOML's strings.

A ``#`` starts a comment only outside a string: ``title = "issue #4"`` has none, and a
multi-line string may hold whole lines that look like comments. The scanner reads the
strings (basic, literal, and both multi-line kinds) and the comments, and skips the rest;
it never raises, and on text that is not TOML it finds what it can.

>>> [(c.line, c.column, c.text) for c in comments("a = '#1' # one\nb = '''\n# not\n'''  #two\n")]
[(1, 10, '# one'), (4, 6, '#two')]
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

__all__ = ["Comment", "comments"]


class Comment(NamedTuple):
    """A comment: its 1-based line, the column of its ``#`` and the column just past its end
    (columns count characters), and its text from the ``#``, without the line's end."""

    line: int
    column: int
    end_column: int
    text: str


# The strings first, longest opener first; then a comment to the line's end.
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*""""{0,2}'
    r"|'''.*?'''(?:'{0,2})"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|(?P<comment>#[^\n]*)",
    re.DOTALL,
)
_NEWLINE = re.compile("\n")


def comments(text: str) -> list[Comment]:
    """Every comment of the TOML document *text*, in order (a leading byte-order mark is not
    a column, as the diagnostics count them)."""
    text = text.removeprefix("\ufeff")
    starts: list[int] | None = None
    found: list[Comment] = []
    for match in _TOKEN.finditer(text):
        if match.group("comment") is None:
            continue
        if starts is None:
            starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        at = match.start()
        row = bisect.bisect_right(starts, at) - 1
        said = match.group().rstrip("\r")
        column = at - starts[row] + 1
        found.append(Comment(row + 1, column, column + len(said), said))
    return found
