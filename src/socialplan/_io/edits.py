"""Applying fixes to a plan's text: edits by their ranges, so nothing else of the file moves.

A fix (:class:`socialplan.Fix`) is a list of edits, each a range of the text as read and
what it becomes. Applying them changes those ranges and no other character: the comments,
the order, the layout and the quoting of the rest of the file stay as the author wrote them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence

from .._core.diagnostics import Diagnostic, Edit

__all__ = ["apply_edits", "apply_fixes"]

_NEWLINE = re.compile("\n")
_BOM = "\ufeff"


class _Offsets:
    """Offsets of the text's 1-based (line, column) positions, as the diagnostics count them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def of(self, line: int, column: int) -> int:
        if not 1 <= line <= len(self.starts) or column < 1:
            raise ValueError(f"line {line}, column {column} is not in the text")
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        offset = start + column - 1
        if offset > end:
            raise ValueError(f"line {line}, column {column} is past the end of its line")
        return offset

    def span(self, edit: Edit) -> tuple[int, int]:
        start, end = self.of(edit.line, edit.column), self.of(edit.end_line, edit.end_column)
        if end < start:
            raise ValueError(f"an edit ends before it starts: {edit}")
        return start, end


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """*text* with each of *edits* made: each range replaced by its text, nothing else.

    Positions are those of the text as read, a leading byte-order mark not counted (as the
    diagnostics count them). Raises :class:`ValueError` for edits that overlap (two that
    insert at one place, too) or a position not in the text.

    >>> apply_edits('name = "Dmeo"  # ours\\n', [Edit(1, 8, 1, 14, '"Demo"')])
    'name = "Demo"  # ours\\n'
    """
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    offsets = _Offsets(body)
    spans = sorted((offsets.span(edit), edit.text) for edit in edits)
    _no_overlap([span for span, _ in spans])
    out: list[str] = [bom]
    at = 0
    for (start, end), new in spans:
        out += [body[at:start], new]
        at = end
    out.append(body[at:])
    return "".join(out)


def _no_overlap(spans: Sequence[tuple[int, int]]) -> None:
    for (_, end), (start, next_end) in itertools.pairwise(spans):
        if start < end or (start == end == next_end):
            raise ValueError("edits overlap: a fix's edits must not touch the same text")


def apply_fixes(
    text: str, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False
) -> tuple[str, list[Diagnostic]]:
    """*text* with the fixes of *diagnostics* applied, and the diagnostics fixed, in order.

    Only safe fixes, unless *unsafe*. A fix whose edits overlap those of a fix taken before
    it (in the order of the text) is left out: fixed and checked again, the text offers it
    anew if it still applies. Two findings with the same edits are fixed by one. A fix not
    placed in a text (no edits) is left out.

    >>> import socialplan
    >>> text = 'format = "socialplan/1"\\n[plan]\\nnmae = "Demo"  # ours\\n'
    >>> try:
    ...     socialplan.loads(text)
    ... except socialplan.LoadError as error:
    ...     fixed, done = apply_fixes(text, error.diagnostics)
    >>> print(fixed, end="")
    format = "socialplan/1"
    [plan]
    name = "Demo"  # ours
    >>> [d.code for d in done]
    ['SP003']
    """
    bom = _BOM if text.startswith(_BOM) else ""
    offsets = _Offsets(text[len(bom) :])
    chosen: list[tuple[tuple[tuple[int, int], ...], Diagnostic]] = []
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if fix is None or not fix.edits or not (fix.safe or unsafe):
            continue
        try:
            spans = tuple(sorted(offsets.span(edit) for edit in fix.edits))
            _no_overlap(spans)
        except ValueError:
            continue  # not a fix of this text
        chosen.append((spans, diagnostic))
    chosen.sort(key=lambda item: item[0])
    taken: list[tuple[int, int]] = []  # sorted, apart
    edits: dict[tuple[tuple[int, int], str], Edit] = {}
    fixed: list[Diagnostic] = []
    for spans, diagnostic in chosen:
        assert diagnostic.fix is not None
        own = {(offsets.span(e), e.text): e for e in diagnostic.fix.edits}
        if all(key in edits for key in own):  # the same change as one taken: done by it
            fixed.append(diagnostic)
            continue
        if any(_touches(taken, span) for span in spans):
            continue
        for span in spans:
            bisect.insort(taken, span)
        edits.update(own)
        fixed.append(diagnostic)
    if not fixed:
        return text, []
    return apply_edits(text, edits.values()), fixed


def _touches(taken: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Whether *span* overlaps (or inserts inside or at the edge of) a span of *taken*."""
    start, end = span
    at = bisect.bisect_left(taken, (start, end))
    for other_start, other_end in taken[max(at - 1, 0) : at + 1]:
        if start < other_end and other_start < end:
            return True
        if start == end and other_start <= start <= other_end:
            return True
        if other_start == other_end and start <= other_start <= end:
            return True
    return False
