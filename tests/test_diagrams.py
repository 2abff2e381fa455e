"""Mermaid and DOT are written by one emitter: the steps' drawings and the plan's graphs alike."""

from __future__ import annotations

import datetime as dt

import socialplan
from socialplan import graphs, steps
from socialplan.steps import Methodology, Step

TWO = Methodology(
    name='two "steps"',
    title="Two steps",
    steps=(
        Step(id="a-1", title='Say "hi"', check="objectives"),
        Step(id="b", title="Then", needs=("a-1",)),
    ),
)
# Two step ids that a Mermaid id (letters, digits, "_") cannot tell apart by their characters.
ALIKE = Methodology(
    name="alike",
    title="Alike",
    steps=(
        Step(id="a-1", title="Dash", check="objectives"),
        Step(id="a_1", title="Underscore", needs=("a-1",)),
    ),
)
PLAN = socialplan.Plan(name="x")


def test_the_steps_flowchart_is_written_as_before() -> None:
    assert (
        "flowchart LR\n"
        '    s_a_1["Say #quot;hi#quot; (ready)"]:::ready\n'
        '    s_b["Then (blocked)"]:::blocked\n'
        "    s_a_1 --> s_b\n"
        "    classDef done fill:#b7e1a1,stroke:#555,color:#000\n"
        "    classDef written fill:#d6ebb0,stroke:#555,color:#000\n"
        "    classDef ready fill:#ffe08a,stroke:#555,color:#000\n"
        "    classDef blocked fill:#f4b6b6,stroke:#555,color:#000\n"
        "    classDef skipped fill:#d9d9d9,stroke:#555,color:#000\n"
    ) == steps.to_mermaid(socialplan.progress(PLAN, TWO))


def test_the_steps_digraph_is_written_as_before() -> None:
    assert (
        'digraph "two \\"steps\\"" {\n'
        "    rankdir=LR;\n"
        '    node [shape=box, style="rounded,filled", fontname="Helvetica"];\n'
        '    "a-1" [label="Say \\"hi\\"\\n(ready)", fillcolor="#ffe08a"];\n'
        '    "b" [label="Then\\n(blocked)", fillcolor="#f4b6b6"];\n'
        '    "a-1" -> "b";\n'
        "}\n"
    ) == steps.to_dot(socialplan.progress(PLAN, TWO))


def test_two_steps_whose_ids_differ_only_in_punctuation_are_two_nodes() -> None:
    lines = steps.to_mermaid(socialplan.progress(PLAN, ALIKE)).splitlines()
    nodes = [line.split("[")[0].strip() for line in lines if '["' in line]
    edges = [line.strip() for line in lines if "-->" in line]
    assert (["s_a_1", "s_a_1_2"], ["s_a_1 --> s_a_1_2"]) == (nodes, edges)


def test_two_steps_whose_ids_differ_only_in_punctuation_are_two_gantt_tasks() -> None:
    text = steps.to_gantt(socialplan.progress(PLAN, ALIKE), dt.date(2027, 1, 4))
    tasks = [line.strip() for line in text.splitlines() if line.startswith("    ") and ":" in line]
    assert [
        "Dash :active, s_a_1, 2027-01-04, 7d",
        "Underscore :crit, s_a_1_2, after s_a_1, 7d",
    ] == tasks


def test_the_steps_graph_and_the_steps_drawing_colour_a_state_alike() -> None:
    current = socialplan.progress(PLAN, TWO)
    drawn = graphs.to_mermaid(graphs.steps(current))
    own = steps.to_mermaid(current)
    fills = {
        line.split()[1]: line.split()[2]
        for text in (own,)
        for line in text.splitlines()
        if "classDef" in line
    }
    shared = [line.split()[1:3] for line in drawn.splitlines() if "classDef" in line]
    assert [[name, fills[name]] for name, _ in shared] == shared
