"""How the outputs show plan text, written independently of the code under test.

A document (a report, a diagram, a spreadsheet, a calendar) keeps the text as typed but for
what a terminal or a renderer would act on: control characters (tab and line feed aside),
the line and paragraph separators and the bidi embeddings, overrides and isolates are
written ``\\uXXXX``; a carriage return, alone or before a line feed, and the line and
paragraph separators are line feeds where the document keeps line breaks.
"""

from __future__ import annotations

import re

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029{BIDI}]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def in_document(text: str, *, lines: bool = True) -> str:
    """*text* as a document shows it: with its line breaks as LF when it keeps *lines*."""
    if lines:
        text = re.sub(r"\r\n?|[\u2028\u2029]", "\n", text)
    return _CONTROLS.sub(_escape, text)
