"""The steps graph drawn for people: Mermaid flowcharts and Gantt charts, Graphviz DOT."""

from __future__ import annotations

import datetime as dt

from .._core import diagram
from .._core.diagram import Style, mermaid_ids
from .._core.escape import mermaid_text
from ._progress import Progress, StepState

__all__ = ["to_dot", "to_gantt", "to_mermaid"]

#: Fill colours by state, shared by every view.
COLOURS = {
    StepState.DONE: "#b7e1a1",
    StepState.WRITTEN: "#d6ebb0",
    StepState.READY: "#ffe08a",
    StepState.BLOCKED: "#f4b6b6",
    StepState.SKIPPED: "#d9d9d9",
}
#: The style of each state: a class of the Mermaid flowchart, a fill of the DOT digraph.
_STYLES = {str(state): Style(colour) for state, colour in COLOURS.items()}
_DEFAULT = Style("#eeeeee")  # every state has its style; the emitter wants one for others
_PREFIX = "s_"  # a step's Mermaid id starts so, in the flowchart and the Gantt chart alike


def to_mermaid(progress: Progress) -> str:
    """The steps as a Mermaid flowchart, left to right, coloured by state."""
    nodes = [(step.id, f"{step.title} ({step.state})", str(step.state)) for step in progress]
    edges = [(need, step.id, "") for step in progress for need in step.needs]
    return diagram.to_mermaid(
        nodes, edges, _STYLES, default=_DEFAULT, prefix=_PREFIX, every_style=True
    )


def to_dot(progress: Progress) -> str:
    """The steps as a Graphviz DOT digraph, coloured by state."""
    nodes = [(step.id, f"{step.title}\n({step.state})", str(step.state)) for step in progress]
    edges = [(need, step.id, "") for step in progress for need in step.needs]
    return diagram.to_dot(progress.methodology.name, nodes, edges, _STYLES, default=_DEFAULT)


_GANTT_TAG = {
    StepState.DONE: "done",
    StepState.WRITTEN: "active",
    StepState.READY: "active",
    StepState.BLOCKED: "crit",
    StepState.SKIPPED: "done",
}


def to_gantt(progress: Progress, start: dt.date | None = None) -> str:
    """The steps as a Mermaid Gantt chart, each ending on its due date when it has one.

    A step without a due date follows the steps it needs; a step without a
    duration takes a week; a step that would start before 0001-01-01, the
    first day a date can be, starts then. Raises ``ValueError`` when nothing
    anchors the chart in time (no *start* and no due date).
    """
    dues = [s.due for s in progress if s.due is not None]
    anchor = start or (min(dues) if dues else None)
    if anchor is None:
        raise ValueError("a Gantt chart needs the plan's start date or a step with a due date")
    lines = [
        "gantt",
        f"    title {mermaid_text(progress.methodology.title)}",
        "    dateFormat YYYY-MM-DD",
        "    section Steps",
    ]
    node_id = mermaid_ids(_PREFIX)
    for step in progress:  # the ids in the steps' order, as the flowchart gives them
        node_id(step.id)
    for step in progress:
        days = max(round(step.duration_days or 7), 1)
        tag = _GANTT_TAG[step.state]
        name = mermaid_text(step.title).replace(":", "#58;")
        if step.due is not None:
            begin = dt.date.fromordinal(max(step.due.toordinal() - days, 1))
            lines.append(f"    {name} :{tag}, {node_id(step.id)}, {begin}, {step.due}")
        elif step.needs:
            after = " ".join(node_id(n) for n in step.needs)
            lines.append(f"    {name} :{tag}, {node_id(step.id)}, after {after}, {days}d")
        else:
            lines.append(f"    {name} :{tag}, {node_id(step.id)}, {anchor}, {days}d")
    return "\n".join(lines) + "\n"
