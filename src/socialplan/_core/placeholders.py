"""Placeholders: text that stands where the plan's own words will go, and is not content.

A step, a rule or the maturity assessment counts a part as written only when its text is not
a placeholder: TODO, TBD, an ellipsis, "coming soon", an empty string (issue #18).

>>> [is_placeholder(t) for t in ("TODO: the mission", "TBD", "…", "  ", "Grow bookings")]
[True, True, True, True, False]
>>> is_placeholder("Próximamente")
True
>>> is_placeholder("Todos los vecinos")  # a word, not the marker
False
"""

from __future__ import annotations

import re

__all__ = ["is_placeholder", "may_hold_placeholder"]

# A marker anywhere, as a word in capitals ("TODO: the mission", "owner TBD"), or a whole text
# that only says "later" (in English or Spanish), or punctuation with no words: dashes, dots,
# question marks. A symbol is content: "%", "€", "#" are units.
_MARKER = re.compile(r"\b(?:TODO|TBD|TBC|FIXME|XXX)\b")
_WHOLE = re.compile(
    r"(?i)\s*(?:"
    r"to be (?:decided|defined|confirmed|determined)|coming soon|lorem ipsum.*|placeholder"
    r"|por (?:definir|decidir|confirmar)|pendiente|próximamente|proximamente|a definir"
    r")\s*[.!…]*\s*"
)
_NO_WORDS = re.compile(r"[\s\-‐–—_.…?¿!¡*/~'\"`,:;()\[\]]*")
# A screen over many texts joined by newlines: it finds every line a placeholder could be,
# and more; the texts it finds are then judged one by one.
_SCREEN = re.compile(
    r"\b(?:TODO|TBD|TBC|FIXME|XXX)\b|^[\s\-‐–—_.…?¿!¡*/~'\"`,:;()\[\]]+$"
    r"|(?i:^\s*(?:to be|coming soon|lorem ipsum|placeholder|por |pendiente|pr[oó]ximamente"
    r"|a definir))",
    re.MULTILINE,
)


def is_placeholder(text: str) -> bool:
    """Whether *text* holds no words of the plan's own: empty, a marker, "coming soon"."""
    return bool(_NO_WORDS.fullmatch(text) or _MARKER.search(text) or _WHOLE.fullmatch(text))


def may_hold_placeholder(joined: str) -> bool:
    """Whether *joined*, texts joined by newlines, may hold one that is a placeholder and
    not blank: False only when none does (a screen, for many texts at one search)."""
    return _SCREEN.search(joined) is not None
