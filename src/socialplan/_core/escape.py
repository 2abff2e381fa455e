"""Plan text made safe where it lands: Mermaid and DOT labels, messages, terminal lines, JSON.

Every output that shows plan text shows its control characters as ``\\uXXXX``
(:func:`visible_controls`): a terminal would obey them (retitle the window, clear
the screen, return the cursor to overwrite a line) and a bidi override would show
words reversed. JSON and TOML escape them instead (:func:`escaped_controls`). A
spreadsheet would run a cell as a formula where :func:`is_formula` says so: the CSV
writers (the calendar export, observations) quote those cells.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "dot_text",
    "escaped_controls",
    "html_text",
    "is_formula",
    "mermaid_text",
    "quoted_text",
    "visible_controls",
]

# Line breaks and the line and paragraph separators: any of them would end a Mermaid
# statement (its parser reads line by line). Tabs are spaces too.
_BREAKS = re.compile(r"\r\n|[\t\r\n\u2028\u2029]")


def mermaid_text(text: str) -> str:
    """Text made safe inside a quoted Mermaid label: quotes and markup as entities.

    Mermaid turns ``#name;`` and ``#35;`` back into the characters they stand
    for; line breaks and tabs become spaces, other control characters ``\\uXXXX``
    (:func:`visible_controls`). ``%`` is written ``#37;``: Mermaid reads a
    ``%%{...}%%`` directive anywhere in a diagram, inside a label too, and
    would take its settings from the plan.

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
    return visible_controls(_BREAKS.sub(" ", replaced), invisible=False)


def dot_text(text: str) -> str:
    """Text made safe inside a double-quoted DOT string.

    Line breaks (``\\n``, ``\\r\\n``, ``\\r``) become DOT's ``\\n``, tabs stay; other control
    characters, which Graphviz rejects (NUL) or copies into SVG where XML forbids
    them, are written ``\\uXXXX`` (:func:`visible_controls`).

    >>> dot_text('a "b" \\\\ c')
    'a \\\\"b\\\\" \\\\\\\\ c'
    >>> dot_text("one\\r\\ntwo\\x00")
    'one\\\\ntwo\\\\\\\\u0000'
    """
    text = visible_controls(text, keep="\n\t", invisible=False)
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


#: What a quoted value writes as a TOML basic string does, backslash first so that nothing
#: is escaped twice.
_QUOTED = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r"))


def quoted_text(text: str) -> str:
    """Text made safe inside a double-quoted value of a message, as TOML would write it.

    A backslash and a quote are escaped, a line break is ``\\n``, a tab ``\\t``, a
    carriage return ``\\r``; every other control, line separator, bidi control or
    invisible format character is ``\\uXXXX`` (:func:`visible_controls`), as on a
    terminal line. The quotes around it are :func:`socialplan._core.text.quote`'s.

    >>> print(quoted_text('Say "hi"\\\\ \\n\\t\\r\\x1b[2J'))
    Say \\"hi\\"\\\\ \\n\\t\\r\\u001b[2J
    """
    for char, escaped in _QUOTED:
        text = text.replace(char, escaped)
    return visible_controls(text)


# The characters of the categories Cc, Cf, Zl and Zp (Unicode 14): only they are looked at,
# so that text in any script is scanned at the regular expression's speed. A test checks
# the list against the unicodedata of the Python running it.
_MAYBE_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029]")
# The bidi embeddings, overrides and isolates: they reorder the text after them.
_REORDERING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZWJ = "\u200d"  # joins emoji sequences: shown as the emoji it makes


def _is_control(char: str, invisible: bool) -> bool:
    """Whether a terminal or a renderer would act on *char*, or (*invisible*) not show it."""
    category = unicodedata.category(char)
    if category == "Cf":
        return char in _REORDERING or (invisible and char != _ZWJ)
    return category in ("Cc", "Zl", "Zp")


def _escape_code(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible_controls(text: str, keep: str = "", *, invisible: bool = True) -> str:
    """*text* with control, format and line-separator characters written as ``\\uXXXX``.

    What a terminal would act on (an escape sequence, a bell, a carriage return,
    a line break) or a renderer would reorder the text for (a bidi override) is
    shown instead. So are, unless *invisible* is false, the format characters
    that only do not show (a zero-width space, a soft hyphen): a line of a
    terminal shows them, a document (a report, a spreadsheet) keeps them as the
    author typed them. The zero-width joiner of emoji sequences, and the
    characters in *keep*, are kept. Keeping ``"\\n"`` keeps line breaks, for
    text that may span lines (an HTML paragraph, a CSV cell): a carriage
    return, alone or before a line feed, and the line and paragraph separators
    are then line feeds.

    >>> visible_controls("Sale\\x1b[31m now\\u202e")
    'Sale\\\\u001b[31m now\\\\u202e'
    >>> visible_controls("one\\r\\ntwo\\rthree\\u2028four\\x07", keep="\\n")
    'one\\ntwo\\nthree\\nfour\\\\u0007'
    >>> visible_controls("soft\\xadhyphen\\u202e", invisible=False)
    'soft\\xadhyphen\\\\u202e'
    """
    if "\n" in keep:
        text = _LINE_BREAK.sub("\n", text)
    return _escaped(text, keep, invisible)


def _escaped(text: str, keep: str, invisible: bool) -> str:
    def shown(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep or not _is_control(char, invisible):
            return char
        return _escape_code(ord(char))

    return _MAYBE_CONTROL.sub(shown, text)


def escaped_controls(document: str) -> str:
    """JSON or TOML text with the controls its writer left raw written as escapes.

    ``json.dumps(..., ensure_ascii=False)`` and tomli_w escape the C0 controls
    only; DEL, the C1 controls, the line separators and the bidi overrides stay
    raw, and a terminal showing the document would act on them. In both
    formats they can only stand inside a string, where ``\\uXXXX`` is the same
    character: the document reads back as the same data. The line breaks and
    tabs between values are left alone.

    >>> escaped_controls('{"name": "Sale\\u202e\\x9b\\u2028"}')
    '{"name": "Sale\\\\u202e\\\\u009b\\\\u2028"}'
    """
    return _escaped(document, "\n\t\r", invisible=False)


# The first characters that make a spreadsheet read a cell as a formula (OWASP's list),
# and their full-width forms, which some spreadsheets fold into the ASCII ones.
_FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def is_formula(text: str) -> bool:
    """Whether a spreadsheet may run *text* as a formula.

    It may when the first character that shows is a formula start, whatever white
    space (line breaks, no-break and ideographic spaces) and invisible format
    characters (zero-width spaces, a byte order mark) stand before it: some
    spreadsheets skip them. A leading tab or carriage return counts by itself. A
    writer puts a single quote before such text, which spreadsheets show as text.

    >>> [is_formula(t) for t in ("=1", "\\n\\u200b =1", "\\t", "a=b", "  ")]
    [True, True, True, False, False]
    """
    for char in text:
        if char in _FORMULA_STARTS:
            return True
        if not (char.isspace() or unicodedata.category(char) == "Cf"):
            return False
    return False


def html_text(value: str) -> str:
    """*value* as HTML text: markup escaped, controls and bidi overrides as ``\\uXXXX``.

    A bidi override (U+202E) would show the words after it reversed, in the value
    and, to the end of its paragraph, past it: it is shown instead, as the terminal
    outputs show it (isolating the value in ``<bdi>`` would stop the spill, not the
    reversal inside it). Line breaks and tabs, which HTML shows as spaces, stay.

    >>> html_text('<b title="x">\u202eok</b>')
    '&lt;b title=&quot;x&quot;&gt;\\\\u202eok&lt;/b&gt;'
    """
    import html  # here: html.entities is large, and only HTML outputs need it

    return html.escape(visible_controls(value, keep="\n\t", invisible=False), quote=True)
