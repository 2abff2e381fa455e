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
from collections.abc import Sequence

__all__ = [
    "is_placeholder",
    "joined_distinct",
    "may_hold_placeholder",
    "none_is_placeholder",
    "unwritten_each",
]

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
_NO_WORD_MARKS = "-‐–—_.…?¿!¡*/~'\"`,:;()[]"
_NO_WORDS = re.compile(f"[\\s{re.escape(_NO_WORD_MARKS)}]*")
# What a text matched by _NO_WORDS can begin with, besides white space; a text matched by
# _WHOLE begins with white space or with the first two letters of a phrase, in either case
# (no other character matches these letters when the case is ignored). Any other text can
# only hold a marker, and a marker needs one of its words as it is written.
_MAY_OPEN = frozenset(_NO_WORD_MARKS)
_OPENINGS = frozenset({"to", "co", "lo", "pl", "po", "pe", "pr", "a "})
# A screen over many texts joined by newlines, searched with a newline before them: it
# finds every line a placeholder could be, and more (its leading newline lets the search
# jump from line to line); the texts it finds are then judged one by one. The lookahead
# turns a line away at its first character unless it is white space, a mark, or the first
# letter of a phrase in either case (no other character matches those letters when the
# case is ignored): most lines cost one test.
_SCREEN = re.compile(
    f"\\n(?=[\\s{re.escape(_NO_WORD_MARKS)}tTcClLpPaA])(?:[\\s{re.escape(_NO_WORD_MARKS)}]+$"
    r"|\s*(?i:to be|coming soon|lorem ipsum|placeholder|por |pendiente|pr[oó]ximamente"
    r"|a definir))",
    re.MULTILINE,
)
# Every byte but the capital letters: what a marker is written in. In UTF-8 no other
# character has such a byte, so a text's capitals can be read off its UTF-8 bytes.
_NOT_CAPITALS = bytes(b for b in range(256) if not 65 <= b <= 90)


def _may_say_marker(text: str) -> bool:
    """Whether *text* may hold a marker: False when none of their words is in it."""
    return "TODO" in text or "TB" in text or "FIXME" in text or "XXX" in text


def is_placeholder(text: str) -> bool:
    """Whether *text* holds no words of the plan's own: empty, a marker, "coming soon"."""
    if not text:
        return True
    if text[0] in _MAY_OPEN or text[0].isspace():
        return bool(_NO_WORDS.fullmatch(text) or _MARKER.search(text) or _WHOLE.fullmatch(text))
    if _may_say_marker(text) and _MARKER.search(text) is not None:
        return True
    return text[:2].lower() in _OPENINGS and _WHOLE.fullmatch(text) is not None


def may_hold_placeholder(joined: str) -> bool:
    """Whether *joined*, texts joined by newlines, may hold one that is a placeholder and
    not blank: False only when none does (a screen, for many texts at one search)."""
    # A marker's capitals stand together once every other character is taken out.
    capitals = joined.encode("utf-8", "surrogatepass").translate(None, _NOT_CAPITALS)
    if (
        b"TODO" in capitals or b"TB" in capitals or b"FIXME" in capitals or b"XXX" in capitals
    ) and _MARKER.search(joined) is not None:
        return True
    return _SCREEN.search("\n" + joined) is not None


def none_is_placeholder(texts: list[str]) -> bool:
    """Whether no text of *texts* is a placeholder, blank ones included: True only when
    :func:`is_placeholder` says False of each, in one join and one search for all (the
    screen finds every placeholder but the empty text, which ``all`` finds)."""
    return all(texts) and not may_hold_placeholder(joined_distinct(texts))


def unwritten_each(texts: Sequence[str | None]) -> list[bool]:
    """For each of *texts* (a column of a table, say), whether it is not written: None or a
    placeholder. One search over the texts given, joined, says when none is a placeholder
    (most plans), before any is judged alone.

    >>> unwritten_each([None, "TBD", "Buffer"])
    [True, True, False]
    """
    if none_is_placeholder([text for text in texts if text is not None]):
        return [text is None for text in texts]
    return [text is None or is_placeholder(text) for text in texts]


def joined_distinct(texts: list[str]) -> str:
    """*texts* joined by newlines for a screen, which needs each text once: a column that
    repeats its texts (units, sources, ids, a calendar's channels) gives each distinct one
    once.

    A column of mostly distinct texts (names) is joined in its order: that is several times
    faster than joining the set of them, whose order jumps about in memory.

    >>> joined_distinct(["weekly"] * 100)
    'weekly'
    >>> joined_distinct(["a", "b", "a"]).split()
    ['a', 'b', 'a']
    """
    distinct = set(texts)
    if 2 * len(distinct) <= len(texts):
        return "\n".join(distinct)
    return "\n".join(texts)
