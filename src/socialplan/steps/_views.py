"""The steps graph drawn for people: Mermaid flowcharts and Gantt charts, Graphviz DOT."""

from __future__ import annotations

import datetime as dt
import re

from .._core.escape import dot_text, mermaid_text
from ._progress import Progress, StepState

__all__ = ["to_dot", "to_gantt", "to_mermaid"]

#: Fill colours by state, shared by every view.
COLOURS = {
    StepState.DONE: "#b7e1a1",
    StepState.READY: "#ffe08a",
    StepState.BLOCKED: "#f4b6b6",
    StepState.SKIPPED: "#d9d9d9",
}


def _node_id(step_id: str) -> str:
    return "s_" + re.sub(r"[^A-Za-z0-9_]", "_", step_id)


def to_mermaid(progress: Progress) -> str:
    """The steps as a Mermaid flowchart, left to right, coloured by state."""
    lines = ["flowchart LR"]
    for step in progress:
        label = mermaid_text(f"{step.title} ({step.state})")
        lines.append(f'    {_node_id(step.id)}["{label}"]:::{step.state}')
    for step in progress:
        lines += [f"    {_node_id(need)} --> {_node_id(step.id)}" for need in step.needs]
    lines += [
        f"    classDef {state} fill:{colour},stroke:#555,color:#000"
        for state, colour in COLOURS.items()
    ]
    return "\n".join(lines) + "\n"


def to_dot(progress: Progress) -> str:
    """The steps as a Graphviz DOT digraph, coloured by state."""
    lines = [
        f'digraph "{dot_text(progress.methodology.name)}" {{',
        "    rankdir=LR;",
        '    node [shape=box, style="rounded,filled", fontname="Helvetica"];',
    ]
    for step in progress:
        label = dot_text(f"{step.title}\n({step.state})")
        lines.append(
            f'    "{dot_text(step.id)}" [label="{label}", fillcolor="{COLOURS[step.state]}"];'
        )
    for step in progress:
        lines += [f'    "{dot_text(need)}" -> "{dot_text(step.id)}";' for need in step.needs]
    lines.append("}")
    return "\n".join(lines) + "\n"


_GANTT_TAG = {
    StepState.DONE: "done",
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
    for step in progress:
        days = max(round(step.duration_days or 7), 1)
        tag = _GANTT_TAG[step.state]
        name = mermaid_text(step.title).replace(":", "#58;")
        if step.due is not None:
            begin = dt.date.fromordinal(max(step.due.toordinal() - days, 1))
            lines.append(f"    {name} :{tag}, {_node_id(step.id)}, {begin}, {step.due}")
        elif step.needs:
            after = " ".join(_node_id(n) for n in step.needs)
            lines.append(f"    {name} :{tag}, {_node_id(step.id)}, after {after}, {days}d")
        else:
            lines.append(f"    {name} :{tag}, {_node_id(step.id)}, {anchor}, {days}d")
    return "\n".join(lines) + "\n"
