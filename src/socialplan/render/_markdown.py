"""Report blocks as Markdown, with diagrams as Mermaid (GitHub and GitLab draw them)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ._document import Block, Bullets, Diagram, Fields, Heading, Note, Paragraph, Table

__all__ = ["markdown_text", "table", "write"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\d*)([-=+#>.)])")


def markdown_text(value: str, *, starts_line: bool = False) -> str:
    """Plan text made inert in Markdown: one line, markup and HTML shown as typed.

    Control characters and bidi overrides are written ``\\uXXXX``
    (:func:`~socialplan._core.escape.visible_controls`): a terminal showing the text
    would obey them.

    Text that *starts_line* (a paragraph, a list item) also has a leading
    ``-``, ``+``, ``=``, ``#``, ``>`` or ``1.`` escaped, so that it stays text.

    >>> markdown_text("<b>*Sale*</b> | 50% & more (today)")
    '\\\\<b\\\\>\\\\*Sale\\\\*\\\\</b\\\\> \\\\| 50% & more (today)'
    >>> markdown_text("- not a list", starts_line=True)
    '\\\\- not a list'
    >>> markdown_text("1. not a list either", starts_line=True)
    '1\\\\. not a list either'
    >>> markdown_text("0.84")
    '0.84'
    """
    from .._core.escape import visible_controls

    flat = visible_controls(" ".join(value.split()), invisible=False)
    escaped = _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", flat))
    return _LINE_START.sub(r"\1\\\2", escaped) if starts_line else escaped


def table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table, every cell escaped."""
    lines = ["| " + " | ".join(markdown_text(h) for h in head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(markdown_text(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens.

    >>> anchor("Scenarios: plan B and plan C")
    'scenarios-plan-b-and-plan-c'
    """
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + markdown_text(block.text)
    if isinstance(block, Paragraph):
        return markdown_text(block.text, starts_line=True)
    if isinstance(block, Note):
        return f"_{markdown_text(block.text)}_"
    if isinstance(block, Fields):
        return "\n".join(
            f"- **{markdown_text(label)}:** {markdown_text(value)}" for label, value in block.items
        )
    if isinstance(block, Bullets):
        items = "\n".join(f"- {markdown_text(item, starts_line=True)}" for item in block.items)
        return f"**{markdown_text(block.label)}**\n\n{items}" if block.label else items
    if isinstance(block, Table):
        return table(block.head, block.rows)
    if isinstance(block, Diagram):
        from ..graphs import to_mermaid

        return f"```mermaid\n{to_mermaid(block.graph).rstrip()}\n```"
    raise TypeError(f"not a report block: {block!r}")


def _opens_section(block: Block) -> bool:
    """Whether the contents go before *block*: the first section after the summary."""
    return isinstance(block, Heading) and block.level == 2 and block.anchor != "summary"


def write(blocks: Sequence[Block], contents: str) -> str:
    """The whole report: the title, a table of contents titled *contents*, then the blocks."""
    out: list[str] = []
    sections = [b for b in blocks if isinstance(b, Heading) and b.level == 2]
    toc = "\n".join(f"- [{markdown_text(h.text)}](#{anchor(h.text)})" for h in sections)
    placed = False
    for block in blocks:
        if _opens_section(block) and not placed and toc:
            out += [f"## {markdown_text(contents)}", toc]
            placed = True
        out.append(_block(block))
    return "\n\n".join(out) + "\n"
