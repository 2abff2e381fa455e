"""A report as data: headings, text, tables and diagrams, before any output format.

The report is built once as a list of blocks; the Markdown and HTML writers
each turn the same blocks into their format, escaping every piece of the
plan's own text for where it lands.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Block", "Bullets", "Diagram", "Fields", "Heading", "Note", "Paragraph", "Table"]


@attrs.frozen
class Heading:
    """A section heading; *level* 1 is the report's title. *anchor* is a stable id."""

    level: int
    text: str
    anchor: str = ""


@attrs.frozen
class Paragraph:
    """Text from the plan, written as it is (escaped, never interpreted as markup)."""

    text: str


@attrs.frozen
class Note:
    """A remark of the report itself, such as "nothing here yet", set apart from plan text."""

    text: str


@attrs.frozen
class Fields:
    """Labelled values: the briefing's answers, a policy's capacities."""

    items: Sequence[tuple[str, str]]


@attrs.frozen
class Bullets:
    """A list of short texts, with an optional lead-in label."""

    items: Sequence[str]
    label: str = ""


@attrs.frozen
class Table:
    """A table: column headings and rows of cell texts."""

    head: Sequence[str]
    rows: Sequence[Sequence[str]]


@attrs.frozen
class Diagram:
    """A graph of the plan (see :mod:`socialplan.graphs`), drawn by each writer its own way."""

    graph: nx.DiGraph[str]
    title: str
    #: The legend's names of the kinds drawn ("goal", "step: done"), in the report's language.
    legend: Mapping[str, str] = attrs.field(factory=dict)


Block = Heading | Paragraph | Note | Fields | Bullets | Table | Diagram
