"""SVG drawings for the HTML report: valid XML, escaped text, nothing external, layered layout."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialplan.render._svg import to_svg
from socialplan.testing import ids, texts

NS = "{http://www.w3.org/2000/svg}"
KINDS = [
    "influencer",
    "audience",
    "channel",
    "goal",
    "objective",
    "metric",
    "role",
    "message",
    "step",
    "missing",
    "widget",
]
STATES = ["done", "ready", "blocked", "skipped"]
NASTY = [
    "<script>alert(1)</script>",
    "\"double\" & 'single' quotes",
    "]]> <![CDATA[ x ]]>",
    "&amp; &lt; &#0; &unknown;",
    "emoji 🎉👩‍👩‍👧 and 漢字",
    "line one\nline two\r\nline three\rend",
    "nul\x00 bell\x07 vt\x0b ff\x0c esc\x1b del\x7f",
    "non-characters \ufffe\uffff",
    "word " * 200,
    "x" * 500,
    "",
    "   ",
]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text a drawing shows as it is: no control characters but tab and newline, no line separators
# or bidi overrides (those are shown as escapes), no non-characters (XML cannot hold them).
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
XML_SAFE = st.characters(
    exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters="\ufffe\uffff" + BIDI
) | st.sampled_from("\t\n")
# One word: no spaces of any kind either.
WORD_CHARS = st.characters(
    exclude_categories=["Cs", "Cc", "Zs", "Zl", "Zp"], exclude_characters="\ufffe\uffff" + BIDI
)


@st.composite
def digraphs(
    draw: st.DrawFn,
    labels: st.SearchStrategy[str] | None = None,
    acyclic: bool = False,
    max_nodes: int = 8,
) -> nx.DiGraph[str]:
    """Graphs as socialplan.graphs builds them: ``kind:id`` keys, kind, label, id, step states."""
    labels = texts() | st.sampled_from(NASTY) if labels is None else labels
    idents = draw(st.lists(ids(), max_size=max_nodes, unique=True))
    graph: nx.DiGraph[str] = nx.DiGraph()
    for ident in idents:
        kind = draw(st.sampled_from(KINDS))
        data: dict[str, Any] = {"kind": kind, "label": draw(labels), "id": ident}
        if kind == "step" and draw(st.booleans()):
            data["state"] = draw(st.sampled_from(STATES))
        graph.add_node(f"{kind}:{ident}", **data)
    keys = list(graph.nodes)
    if not keys:
        return graph
    index = st.integers(0, len(keys) - 1)
    for i, j in draw(st.lists(st.tuples(index, index), max_size=2 * len(keys))):
        if acyclic and i >= j:
            continue
        label = draw(st.none() | labels)
        graph.add_edge(keys[i], keys[j], **({} if label is None else {"label": label}))
    return graph


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert f"{NS}svg" == root.tag
    return root


def drawn(root: ET.Element) -> dict[str, ET.Element]:
    """The group drawing each node, by node key."""
    return {g.attrib["data-node"]: g for g in root.iter(f"{NS}g") if "data-node" in g.attrib}


def box(group: ET.Element) -> tuple[float, float]:
    """Left and right edge of a node's box."""
    rect = group.find(f"{NS}rect")
    assert rect is not None
    return float(rect.attrib["x"]), float(rect.attrib["x"]) + float(rect.attrib["width"])


def shown(group: ET.Element) -> list[str]:
    """The lines of text written in a node's box."""
    return [span.text or "" for span in group.iter(f"{NS}tspan")]


def tooltip(group: ET.Element) -> str:
    title = group.find(f"{NS}title")
    assert title is not None
    return title.text or ""


def texts_of(root: ET.Element, kind: str) -> list[str]:
    """The text drawn in a group of the drawing, such as the legend."""
    group = next(g for g in root.iter(f"{NS}g") if g.attrib.get("class") == kind)
    # A text's own words, less its tooltip.
    return [
        (t.text or "") + "".join(child.tail or "" for child in t) for t in group.iter(f"{NS}text")
    ]


def one_node(label: str, kind: str = "goal", **data: str) -> nx.DiGraph[str]:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_node(f"{kind}:a", kind=kind, label=label, id="a", **data)
    return graph


def chain(*keys: str) -> nx.DiGraph[str]:
    graph: nx.DiGraph[str] = nx.DiGraph()
    for key in keys:
        kind, _, ident = key.partition(":")
        graph.add_node(key, kind=kind, label=ident.upper(), id=ident)
    nx.add_path(graph, keys)
    return graph


# Whatever the graph, the drawing is well-formed SVG.


@SETTINGS
@given(digraphs())
def test_every_graph_draws_as_xml_with_one_group_per_node(graph: nx.DiGraph[str]) -> None:
    root = parse(to_svg(graph))
    expected = set(graph.nodes) if graph else set()
    assert expected == set(drawn(root))


@SETTINGS
@given(digraphs(), st.none() | st.text(XML_SAFE, max_size=40) | st.sampled_from(NASTY[:4]))
def test_the_drawing_is_named_by_its_title(graph: nx.DiGraph[str], title: str | None) -> None:
    root = parse(to_svg(graph, title=title))
    first = root[0]
    assert f"{NS}title" == first.tag
    if title is not None and title.strip():
        assert title == first.text
    else:
        assert (first.text or "").strip()


def test_without_a_title_the_drawing_is_named_by_its_size() -> None:
    root = parse(to_svg(chain("metric:m", "objective:o", "goal:g")))
    assert "3 nodes, 2 edges" == root[0].text


@SETTINGS
@given(
    digraphs(
        labels=st.text(XML_SAFE, min_size=1, max_size=60).filter(str.strip)
        | st.sampled_from(NASTY[:6])
    )
)
def test_each_full_label_is_its_node_tooltip(graph: nx.DiGraph[str]) -> None:
    groups = drawn(parse(to_svg(graph)))
    expected = {
        key: data["label"].replace("\r\n", "\n").replace("\r", "\n")
        for key, data in graph.nodes(data=True)
    }
    assert expected == {key: tooltip(group) for key, group in groups.items()}


@SETTINGS
@given(st.text(WORD_CHARS, min_size=1, max_size=28))
def test_a_short_label_is_written_whole_in_its_box(label: str) -> None:
    groups = drawn(parse(to_svg(one_node(label))))
    assert [label] == shown(groups["goal:a"])


# Nothing in the drawing reaches outside it.

ALLOWED_TAGS = {"svg", "title", "defs", "marker", "path", "g", "rect", "text", "tspan"}


@SETTINGS
@given(digraphs(), st.none() | texts())
def test_nothing_references_anything_outside_the_drawing(
    graph: nx.DiGraph[str], title: str | None
) -> None:
    svg = to_svg(graph, title=title)
    root = parse(svg)
    ids_defined = {e.attrib["id"] for e in root.iter() if "id" in e.attrib}
    for element in root.iter():
        assert element.tag.removeprefix(NS) in ALLOWED_TAGS
        for name, value in element.attrib.items():
            assert "href" not in name.lower()
            for ref in re.findall(r"url\(([^)]*)\)", value):
                assert ref.startswith("#")
                assert ref[1:] in ids_defined
    assert "<script" not in svg.lower()


def test_the_only_http_is_the_svg_namespace() -> None:
    graph = chain("goal:a", "objective:b", "metric:c")
    assert 1 == to_svg(graph, title="Plan").count("http")


def test_markup_in_a_label_is_text_not_markup() -> None:
    svg = to_svg(one_node("<script>alert(1)</script>"))
    group = drawn(parse(svg))["goal:a"]
    assert "<script" not in svg
    assert "<script>alert(1)</script>" == tooltip(group)
    assert ["<script>alert(1)</script>"] == shown(group)


def test_control_characters_are_shown_as_escapes_and_non_characters_left_out() -> None:
    svg = to_svg(one_node("a\x00b\x0bc\x1fd\ufffe\u202ee"), title="t\x01itle")
    root = parse(svg)
    assert "a\\u0000b\\u000bc\\u001fd\\u202ee" == tooltip(drawn(root)["goal:a"])
    assert "t\\u0001itle" == root[0].text


# The same graph gives the same text.


@SETTINGS
@given(st.data())
def test_the_drawing_does_not_depend_on_the_order_the_graph_was_built(data: st.DataObject) -> None:
    graph = data.draw(digraphs())
    again: nx.DiGraph[str] = nx.DiGraph()
    again.add_nodes_from(data.draw(st.permutations(list(graph.nodes(data=True)))))
    again.add_edges_from(data.draw(st.permutations(list(graph.edges(data=True)))))
    assert to_svg(graph, title="x") == to_svg(again, title="x")


def test_different_drawings_name_their_arrowheads_apart() -> None:
    # Two drawings in one page must not define the same id.
    first = parse(to_svg(chain("goal:a", "goal:b")))
    second = parse(to_svg(chain("goal:a", "goal:c")))
    markers = [{m.attrib["id"] for m in root.iter(f"{NS}marker")} for root in (first, second)]
    assert set() == markers[0] & markers[1]


# The layout.


@SETTINGS
@given(digraphs(acyclic=True))
def test_without_cycles_every_edge_points_right(graph: nx.DiGraph[str]) -> None:
    groups = drawn(parse(to_svg(graph)))
    for u, v in graph.edges:
        assert box(groups[u])[1] < box(groups[v])[0]


def test_a_chain_is_drawn_left_to_right() -> None:
    groups = drawn(parse(to_svg(chain("metric:m", "objective:o", "goal:g"))))
    lefts = [box(groups[key])[0] for key in ("metric:m", "objective:o", "goal:g")]
    assert sorted(lefts) == lefts
    assert len(set(lefts)) == 3


def test_cycles_and_self_loops_are_drawn() -> None:
    keys = [f"step:s{i}" for i in range(500)]
    graph = chain(*keys)
    graph.add_edge(keys[-1], keys[0])
    graph.add_edge(keys[10], keys[10])
    graph.add_edge(keys[20], keys[5])
    root = parse(to_svg(graph))
    assert set(keys) == set(drawn(root))
    assert 502 == sum(1 for _ in root.iter(f"{NS}path")) - 1  # less the arrowhead's own path


def test_a_large_graph_is_drawn_whole() -> None:
    graph: nx.DiGraph[str] = nx.DiGraph()
    for i in range(2000):
        graph.add_node(f"step:{i}", kind="step", label=f"Step {i} " * 6, id=str(i), state="ready")
    graph.add_edges_from((f"step:{i}", f"step:{(i * 7 + 3) % 2000}") for i in range(2000))
    assert 2000 == len(drawn(parse(to_svg(graph))))


# Labels in boxes.


def test_a_long_label_wraps_on_words_into_three_lines_at_most() -> None:
    label = "Sell more bread at the weekend, especially sourdough loaves and pastries for families"
    group = drawn(parse(to_svg(one_node(label))))["goal:a"]
    assert ["Sell more bread at the", "weekend, especially", "sourdough loaves and…"] == shown(
        group
    )
    assert label == tooltip(group)


def test_line_breaks_in_a_label_are_kept() -> None:
    group = drawn(parse(to_svg(one_node("First line\nSecond"))))["goal:a"]
    assert ["First line", "Second"] == shown(group)


def test_a_word_longer_than_a_line_is_split() -> None:
    group = drawn(parse(to_svg(one_node("a" * 30))))["goal:a"]
    assert ["a" * 28, "aa"] == shown(group)


def test_a_node_without_a_label_shows_its_id() -> None:
    group = drawn(parse(to_svg(one_node("  "))))["goal:a"]
    assert ["a"] == shown(group)


def label_lines(root: ET.Element) -> list[list[str]]:
    """The lines of each edge label, in the order drawn."""
    return [
        [span.text or "" for span in group.iter(f"{NS}tspan")]
        for group in root.iter(f"{NS}g")
        if "data-from" in group.attrib
    ]


def test_an_edge_label_is_written_whole_on_two_lines_at_most() -> None:
    graph = chain("metric:m", "objective:o", "goal:g")
    graph.edges["metric:m", "objective:o"]["label"] = "within 3 days on every channel"
    graph.edges["objective:o", "goal:g"]["label"] = "supports"
    root = parse(to_svg(graph))
    assert [["within 3 days on every", "channel"], ["supports"]] == label_lines(root)


# Edge labels: whole, inside the drawing, clear of the boxes and of each other.


Box = tuple[float, float, float, float]  # left, top, right, bottom


def rect_box(rect: ET.Element) -> Box:
    x, y = float(rect.attrib["x"]), float(rect.attrib["y"])
    return x, y, x + float(rect.attrib["width"]), y + float(rect.attrib["height"])


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_boxes(root: ET.Element) -> dict[tuple[str, str], Box]:
    """The background box of each edge label, by the edge it names."""
    out = {}
    for group in root.iter(f"{NS}g"):
        if "data-from" in group.attrib:
            rect = group.find(f"{NS}rect")
            assert rect is not None
            out[group.attrib["data-from"], group.attrib["data-to"]] = rect_box(rect)
    return out


def node_boxes(root: ET.Element) -> list[Box]:
    boxes = []
    for group in drawn(root).values():
        rect = group.find(f"{NS}rect")
        assert rect is not None
        boxes.append(rect_box(rect))
    return boxes


def view(root: ET.Element) -> Box:
    left, top, width, height = (float(n) for n in root.attrib["viewBox"].split())
    return left, top, left + width, top + height


def label_problems(root: ET.Element) -> list[str]:
    """What is wrong with where the edge labels are: outside, on a box, on another label."""
    labels = label_boxes(root)
    nodes = node_boxes(root)
    frame = view(root)
    problems = [
        f"{edge} outside the drawing"
        for edge, b in labels.items()
        if not (frame[0] <= b[0] and frame[1] <= b[1] and b[2] <= frame[2] and b[3] <= frame[3])
    ]
    problems += [
        f"{edge} on a box" for edge, b in labels.items() if any(overlap(b, n) for n in nodes)
    ]
    edges = list(labels)
    problems += [
        f"{a} on {b}"
        for i, a in enumerate(edges)
        for b in edges[i + 1 :]
        if overlap(labels[a], labels[b])
    ]
    return problems


@SETTINGS
@given(digraphs(labels=st.sampled_from(["escalate", "within 24h on every channel", "x", "a b"])))
def test_every_edge_label_is_drawn_inside_clear_of_boxes_and_other_labels(
    graph: nx.DiGraph[str],
) -> None:
    root = parse(to_svg(graph))
    labelled = {(str(u), str(v)) for u, v, data in graph.edges(data=True) if data.get("label")}
    assert (labelled, []) == (set(label_boxes(root)), label_problems(root))


def points(d: str, steps: int = 64) -> list[tuple[float, float]]:
    """Points along a path of one cubic curve, ``M x,y C x,y x,y x,y``."""
    numbers = [float(n) for n in re.findall(r"-?[0-9.]+", d)]
    (x0, y0, x1, y1, x2, y2, x3, y3) = numbers
    out = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
        out.append((a * x0 + b * x1 + c * x2 + e * x3, a * y0 + b * y1 + c * y2 + e * y3))
    return out


def test_the_routing_diagram_of_the_example_has_its_labels_on_their_edges() -> None:
    import socialplan
    from socialplan import graphs

    root = parse(to_svg(graphs.routing(socialplan.load("examples/cartoon/plan.toml"))))
    curves = {
        (p.attrib["data-from"], p.attrib["data-to"]): points(p.attrib["d"])
        for p in root.iter(f"{NS}path")
        if "data-from" in p.attrib
    }
    away = [
        edge
        for edge, b in label_boxes(root).items()
        if not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for x, y in curves[edge])
    ]
    assert ([], [], 13) == (label_problems(root), away, len(label_boxes(root)))


EXAMPLE_PLANS = sorted(str(p) for p in Path("examples").glob("*/plan.toml"))


@pytest.mark.parametrize("what", ["steps", "influence", "channels", "routing", "alignment"])
@pytest.mark.parametrize("plan", EXAMPLE_PLANS)
def test_every_drawing_of_the_examples_has_its_labels_clear_of_boxes_and_each_other(
    plan: str, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from socialplan._cli import main

    code = main(["graph", plan, "--what", what, "--format", "svg"])
    root = parse(capsys.readouterr().out)
    assert (0, []) == (code, label_problems(root))


def test_the_drawing_keeps_its_size_but_shrinks_to_fit_a_narrower_container() -> None:
    root = parse(to_svg(chain("metric:m", "objective:o", "goal:g")))
    width, height = root.attrib["viewBox"].split()[2:]
    assert (width, height, "max-width:100%;height:auto") == (
        root.attrib.get("width"),
        root.attrib.get("height"),
        root.attrib.get("style"),
    )


# Colours and the legend.


def fill(graph: nx.DiGraph[str], key: str) -> str:
    rect = drawn(parse(to_svg(graph)))[key].find(f"{NS}rect")
    assert rect is not None
    return rect.attrib["fill"]


@pytest.mark.parametrize(
    ("state", "colour"),
    [("done", "#b7e1a1"), ("ready", "#ffe08a"), ("blocked", "#f4b6b6"), ("skipped", "#d9d9d9")],
)
def test_steps_are_filled_by_state(state: str, colour: str) -> None:
    assert colour == fill(one_node("Listen", kind="step", state=state), "step:a")


def test_kinds_are_filled_apart() -> None:
    graph = chain("goal:g", "metric:m")
    assert fill(graph, "goal:g") != fill(graph, "metric:m")


def test_an_unknown_kind_gets_the_default_fill() -> None:
    graph = chain("widget:w", "gadget:g")
    assert fill(graph, "widget:w") == fill(graph, "gadget:g")


def test_the_legend_names_the_kinds_drawn() -> None:
    graph = chain("metric:m", "goal:g", "widget:w")
    graph.add_node("step:s", kind="step", label="Listen", id="s", state="done")
    graph.add_node("step:t", kind="step", label="Think", id="t", state="blocked")
    root = parse(to_svg(graph))
    assert ["goal", "metric", "step: done", "step: blocked", "widget"] == texts_of(root, "legend")


def test_an_empty_graph_says_there_is_nothing_to_draw() -> None:
    root = parse(to_svg(nx.DiGraph(), title="Influence"))
    assert "Influence" == root[0].text
    assert ["nothing to draw"] == [t.text for t in root.iter(f"{NS}text")]
