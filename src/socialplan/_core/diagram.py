"""Graphs written as diagram text: Mermaid flowcharts and Graphviz DOT digraphs.

The one emitter of both: :mod:`socialplan.graphs` writes the plan's graphs with it, and
:mod:`socialplan.steps` its steps. A drawing is given as its nodes and edges, in the
order to write them: a node is ``(key, label, style)``, an edge ``(source, target,
label)``, keys and labels as the plan has them (they are escaped here, see
:mod:`socialplan._core.escape`). A node's *style* is its class (a kind of
part, a step's state), which *styles* colours; a dashed style outlines its nodes in red,
for a part the plan lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

import attrs

from .escape import dot_text, mermaid_text

__all__ = ["DIRECTIONS", "Style", "mermaid_ids", "to_dot", "to_mermaid"]

#: The directions a diagram can be laid out in, as Mermaid names them.
DIRECTIONS = ("LR", "RL", "TB", "TD", "BT")

Node = tuple[str, str, str]  # key, label, style
Edge = tuple[str, str, str]  # source, target, label

_STROKE = "#555"
_DASHED_STROKE = "#cc0000"
_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


@attrs.frozen
class Style:
    """How the nodes of one style are drawn: their *fill*, and a red dashed outline if *dashed*."""

    fill: str
    dashed: bool = False


def _check(direction: str) -> None:
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")


def mermaid_ids(prefix: str = "n_") -> Callable[[str], str]:
    """A function that gives each key a Mermaid id: *prefix*, then letters, digits and ``_``.

    The same key always gets the same id, and two keys that come out alike get a number
    after the second (``n_a_b``, ``n_a_b_2``), in the order they are first asked for.

    >>> ids = mermaid_ids()
    >>> ids("role:a-b"), ids("role:a_b"), ids("role:a-b")
    ('n_role_a_b', 'n_role_a_b_2', 'n_role_a_b')
    """
    ids: dict[str, str] = {}
    taken: set[str] = set()
    tried: dict[str, int] = {}  # the last number given for a base: every one below is taken

    def mermaid_id(key: str) -> str:
        known = ids.get(key)
        if known is not None:
            return known
        base = prefix + _UNSAFE.sub("_", key)
        index = tried.get(base, 1)
        candidate = base if index == 1 else f"{base}_{index}"
        while candidate in taken:
            index += 1
            candidate = f"{base}_{index}"
        tried[base] = index
        taken.add(candidate)
        ids[key] = candidate
        return candidate

    return mermaid_id


def _class_name(style: str) -> str:
    return _UNSAFE.sub("_", style) or "other"


def to_mermaid(
    nodes: Iterable[Node],
    edges: Iterable[Edge],
    styles: Mapping[str, Style],
    *,
    default: Style,
    direction: str = "LR",
    prefix: str = "n_",
    every_style: bool = False,
) -> str:
    """The nodes and edges as a Mermaid flowchart, one class per style.

    Node ids are made from the keys (:func:`mermaid_ids` with *prefix*); labels are
    escaped, an edge's only when it has one. The classes follow, each styled by
    *styles* (or *default*): the ones the nodes use, in the order they first do, or,
    with *every_style*, every one of *styles* in its order (a legend that does not
    change with the graph).

    >>> print(to_mermaid([("a", 'The "A" team', "role"), ("b", "", "missing")],
    ...     [("a", "b", "escalate")], {"missing": Style("#fff", dashed=True)},
    ...     default=Style("#eee")), end="")
    flowchart LR
        n_a["The #quot;A#quot; team"]:::role
        n_b[""]:::missing
        n_a -->|"escalate"| n_b
        classDef role fill:#eee,stroke:#555,color:#000
        classDef missing fill:#fff,stroke-dasharray:4 3,stroke:#cc0000,color:#000
    """
    _check(direction)
    ids = mermaid_ids(prefix)
    lines = [f"flowchart {direction}"]
    classes: dict[str, str] = {style: _class_name(style) for style in styles} if every_style else {}
    for key, label, style in nodes:
        name = classes.setdefault(style, _class_name(style))
        lines.append(f'    {ids(key)}["{mermaid_text(label)}"]:::{name}')
    for source, target, label in edges:
        link = f'-->|"{mermaid_text(label).replace("|", "#124;")}"|' if label.strip() else "-->"
        lines.append(f"    {ids(source)} {link} {ids(target)}")
    for style, name in classes.items():
        drawn = styles.get(style, default)
        stroke = (
            f"stroke-dasharray:4 3,stroke:{_DASHED_STROKE}" if drawn.dashed else f"stroke:{_STROKE}"
        )
        lines.append(f"    classDef {name} fill:{drawn.fill},{stroke},color:#000")
    return "\n".join(lines) + "\n"


def to_dot(
    name: str,
    nodes: Iterable[Node],
    edges: Iterable[Edge],
    styles: Mapping[str, Style],
    *,
    default: Style,
    direction: str = "LR",
) -> str:
    """The nodes and edges as a Graphviz DOT digraph called *name*, each node filled by its style.

    Nodes are named by their keys, quoted; labels are escaped, an edge's only when it
    has one. *direction* ``TD`` is DOT's ``TB``.

    >>> print(to_dot("demo", [("role:a", 'The "A" team', "role")], [], {},
    ...     default=Style("#e3d3b5")), end="")
    digraph "demo" {
        rankdir=LR;
        node [shape=box, style="rounded,filled", fontname="Helvetica"];
        "role:a" [label="The \\"A\\" team", fillcolor="#e3d3b5"];
    }
    """
    _check(direction)
    lines = [
        f'digraph "{dot_text(name)}" {{',
        f"    rankdir={'TB' if direction == 'TD' else direction};",
        '    node [shape=box, style="rounded,filled", fontname="Helvetica"];',
    ]
    for key, label, style in nodes:
        drawn = styles.get(style, default)
        attributes = f'label="{dot_text(label)}", fillcolor="{drawn.fill}"'
        if drawn.dashed:
            attributes += f', style="rounded,filled,dashed", color="{_DASHED_STROKE}"'
        lines.append(f'    "{dot_text(key)}" [{attributes}];')
    for source, target, label in edges:
        attributes = f' [label="{dot_text(label)}"]' if label else ""
        lines.append(f'    "{dot_text(source)}" -> "{dot_text(target)}"{attributes};')
    lines.append("}")
    return "\n".join(lines) + "\n"
