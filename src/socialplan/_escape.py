"""Plan text made safe where it lands: Mermaid and Graphviz DOT labels, one terminal line."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["dot_text", "mermaid_text", "visible_controls"]

# Control characters and the line and paragraph separators: any of them can end a
# Mermaid statement (its parser reads line by line) or upset a renderer.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# The control characters XML 1.0 forbids, and DEL: Graphviz copies them into SVG.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def mermaid_text(text: str) -> str:
    """Text made safe inside a quoted Mermaid label: quotes and markup as entities.

    Mermaid turns ``#name;`` and ``#35;`` back into the characters they stand
    for; line breaks and other control characters become spaces. ``%`` is
    written ``#37;``: Mermaid reads a ``%%{...}%%`` directive anywhere in a
    diagram, inside a label too, and would take its settings from the plan.

    >>> mermaid_text('Say "hi" <b>')
    'Say #quot;hi#quot; #lt;b#gt;'
    >>> mermaid_text("Fish & chips\\n`#1`")
    'Fish #amp; chips #96;#35;1#96;'
    >>> mermaid_text("%%{init: {}}%% -20%")
    '#37;#37;{init: {}}#37;#37; -20#37;'
    """
    replaced = (
        text.replace("#", "#35;")
        .replace("&", "#amp;")
        .replace('"', "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;")
        .replace("`", "#96;")
        .replace("%", "#37;")
    )
    return _BREAKS.sub(" ", replaced)


def dot_text(text: str) -> str:
    """Text made safe inside a double-quoted DOT string.

    Line breaks (``\\n``, ``\\r\\n``, ``\\r``) become DOT's ``\\n``; other control
    characters, which Graphviz rejects (NUL) or copies into SVG where XML forbids
    them, become spaces.

    >>> dot_text('a "b" \\\\ c')
    'a \\\\"b\\\\" \\\\\\\\ c'
    >>> dot_text("one\\r\\ntwo\\x00")
    'one\\\\ntwo '
    """
    text = _CONTROLS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def visible_controls(text: str) -> str:
    """*text* with control, format and line-separator characters written as ``\\uXXXX``.

    What a terminal would act on (an escape sequence, a bidi override, a line
    break) is shown instead; the zero-width joiner of emoji sequences is kept.

    >>> visible_controls("Sale\\x1b[31m now\\u202e")
    'Sale\\\\u001b[31m now\\\\u202e'
    """
    out: list[str] = []
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") and char != "\u200d":
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)
