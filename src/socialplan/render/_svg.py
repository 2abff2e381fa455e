"""A plan's graphs drawn as inline SVG: a small layered layout, no library, nothing external.

The HTML report draws its diagrams with this module so that the page needs
nothing from the network. The drawing reads the graph convention of
:mod:`socialplan.graphs`: a directed graph whose nodes carry a ``kind``, a
``label`` and, for steps, a ``state``; edges may carry a ``label``.

The layout is the classic layered one, left to right: cycles are broken by a
depth-first search (its back edges are drawn, but do not push nodes right),
each node goes one layer right of its furthest predecessor, and nodes within
a layer are ordered by the mean position of their neighbours, sweeping a few
times. Every step is linear in the graph or sorts it once, so large graphs
are drawn quickly.

>>> import networkx as nx
>>> graph = nx.DiGraph()
>>> graph.add_node("goal:sales", kind="goal", label="Sell more bread", id="sales")
>>> graph.add_node("objective:reach", kind="objective", label="Reach parents", id="reach")
>>> graph.add_edge("objective:reach", "goal:sales", label="supports")
>>> svg = to_svg(graph, title="Goals & objectives")
>>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
True
>>> "<title>Goals &amp; objectives</title>" in svg
True
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .._core.gc import collector_paused
from .._core.text import counted

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["to_svg"]

#: Fill colours by node kind; kinds not listed get :data:`DEFAULT_FILL`.
KIND_FILLS = {
    "goal": "#ffc9a5",
    "objective": "#ffe6c7",
    "metric": "#fbd3ec",
    "audience": "#dcd3ff",
    "influencer": "#c9dcff",
    "channel": "#c6efef",
    "message": "#fff6cc",
    "role": "#e8dcc8",
    "step": "#eeeeee",
    "missing": "#ffffff",
}
#: Fill colours of steps by state, as in the steps views (``steps/_views.py``).
STATE_FILLS = {
    "done": "#b7e1a1",
    "written": "#d6ebb0",
    "ready": "#ffe08a",
    "blocked": "#f4b6b6",
    "skipped": "#d9d9d9",
}
DEFAULT_FILL = "#f2f2f2"

_WRAP = 28  # characters per line of a node's label
_LINES = 3  # lines of a node's label at most
_CHAR = 7.0  # average width of a character at the font size below
_WIDE = 12.0  # width of a wide character (CJK, most emoji)
_FONT = 12
_LINE = 15.0  # line height
_PAD_X = 10.0
_PAD_Y = 8.0
_MIN_WIDTH = 60.0
_ROW_GAP = 16.0  # between boxes of a layer
_MIN_LAYER_GAP = 60.0  # between layers
_MARGIN = 16.0
_LABEL_WRAP = 24  # characters per line of an edge's label
_LABEL_LINES = 2  # lines of an edge's label at most
_LABEL_FONT = 11
_LABEL_LINE = 13.0
_LABEL_PAD_X = 4.0  # inside a label's background
_LABEL_PAD_Y = 2.0
_LABEL_SPACE = 12.0  # at least between a label and the boxes on either side of its gap
_LABEL_GAP = 4.0  # at least between two labels
_LOOP_DEPTH = 24.0  # how far below everything else the back edges loop
_STROKE = "#555"
_FONTS = "system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"

# Characters XML 1.0 cannot hold (most C0 controls, surrogates, U+FFFE and U+FFFF).
_WORDS = re.compile(r"[^\S\n]*(\n|\S+)")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    """*text* with line ends made ``\\n``, controls ``\\uXXXX`` and what XML cannot hold left out.

    >>> _clean("a\\x00b\\r\\nc\\rd\\u202e\\ufffe")
    'a\\\\u0000b\\nc\\nd\\\\u202e'
    """
    from .._core.escape import visible_controls

    return _NOT_XML.sub("", visible_controls(text, keep="\n\t", invisible=False))


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _n(value: float) -> str:
    """A coordinate rounded to one decimal, without a useless ``.0``.

    >>> [_n(3.0), _n(2.25), _n(-0.01), _n(1234567.89)]
    ['3', '2.2', '0', '1234567.9']
    """
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _width(text: str) -> float:
    """The estimated width of *text* on one line, wide characters counted wider."""
    return sum(_WIDE if unicodedata.east_asian_width(c) in "WF" else _CHAR for c in text)


def wrap(text: str, width: int = _WRAP, lines: int = _LINES) -> list[str]:
    """*text* in at most *lines* lines of at most *width* characters, cut with "…" if longer.

    Lines break between words (and at line breaks in *text*); a word longer
    than a line is split.

    >>> wrap("Grow the bakery's weekend sales by a fifth", width=16)
    ['Grow the', "bakery's weekend", 'sales by a fifth']
    >>> wrap("one two three four", width=8, lines=2)
    ['one two', 'three…']
    >>> wrap("abcdefghij", width=4)
    ['abcd', 'efgh', 'ij']
    """
    out: list[str] = []
    line = ""
    for match in _WORDS.finditer(text):  # stops early: long text is not split whole
        word = match.group(1)
        if word == "\n":
            if line:
                out.append(line)
            line = ""
        else:
            while len(word) > width:
                if line:
                    out.append(line)
                out.append(word[:width])
                line, word = "", word[width:]
            if line and len(line) + 1 + len(word) <= width:
                line = f"{line} {word}"
            else:
                if line:
                    out.append(line)
                line = word
        if len(out) > lines:
            break
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return out


@attrs.frozen(kw_only=True)
class _Style:
    legend: str
    fill: str
    dashed: bool = False


def _style(data: Mapping[str, Any]) -> _Style:
    kind = str(data.get("kind", ""))
    state = str(data.get("state", ""))
    if kind == "step" and state in STATE_FILLS:
        return _Style(legend=f"step: {state}", fill=STATE_FILLS[state])
    return _Style(
        legend=kind or "?", fill=KIND_FILLS.get(kind, DEFAULT_FILL), dashed=kind == "missing"
    )


def _stroke(style: _Style) -> str:
    """The outline of a box: dashed red for what is missing from the plan."""
    if style.dashed:
        return ' stroke="#c0392b" stroke-dasharray="4 3"'
    return f' stroke="{_STROKE}"'


def _legend_order(style: _Style) -> tuple[int, str, str, bool]:
    known = [*KIND_FILLS, *(f"step: {s}" for s in STATE_FILLS)]
    if style.legend in known:
        return (known.index(style.legend), "", style.fill, style.dashed)
    return (len(known), style.legend, style.fill, style.dashed)


@attrs.frozen(kw_only=True)
class _Box:
    key: str
    title: str
    lines: tuple[str, ...]
    style: _Style
    width: float
    height: float
    x: float = 0.0
    y: float = 0.0


def _layers(
    nodes: list[str], succ: dict[str, list[str]], pred: dict[str, list[str]]
) -> tuple[list[list[str]], dict[str, int], set[tuple[str, str]]]:
    """The layers of a left-to-right drawing, and the back edges left out to break cycles."""
    order: list[str] = []  # first visit order, the starting order within layers
    post: list[str] = []
    state = dict.fromkeys(nodes, 0)  # 0 new, 1 on the stack, 2 done
    back: set[tuple[str, str]] = set()
    roots = [n for n in nodes if not any(p != n for p in pred[n])]
    for root in [*roots, *nodes]:
        if state[root]:
            continue
        state[root] = 1
        order.append(root)
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(succ[root]))]
        while stack:
            node, successors = stack[-1]
            for nxt in successors:
                if state[nxt] == 0:
                    state[nxt] = 1
                    order.append(nxt)
                    stack.append((nxt, iter(succ[nxt])))
                    break
                if state[nxt] == 1:  # a back edge (or a self-loop): it closes a cycle
                    back.add((node, nxt))
            else:
                stack.pop()
                state[node] = 2
                post.append(node)
    layer = dict.fromkeys(nodes, 0)
    for node in reversed(post):  # a topological order once back edges are left out
        for nxt in succ[node]:
            if (node, nxt) not in back:
                layer[nxt] = max(layer[nxt], layer[node] + 1)
    for node in post:  # then each node just left of its nearest successor: shorter edges
        after = [layer[nxt] for nxt in succ[node] if (node, nxt) not in back]
        if after:
            layer[node] = min(after) - 1
    layers: list[list[str]] = [[] for _ in range(max(layer.values()) + 1)]
    for node in order:
        layers[layer[node]].append(node)
    return layers, layer, back


def _sweep(
    layers: list[list[str]],
    layer: dict[str, int],
    neighbours: dict[str, list[str]],
    pos: dict[str, float],
    indices: range,
) -> None:
    """Reorder each layer in *indices* by the mean position of neighbours in layers before it."""
    for i in indices:
        nodes = layers[i]
        keys: dict[str, tuple[float, int]] = {}
        for index, node in enumerate(nodes):
            seen = [pos[m] for m in neighbours[node] if layer[m] != i]
            keys[node] = (sum(seen) / len(seen) if seen else pos[node], index)
        nodes.sort(key=keys.__getitem__)
        middle = (len(nodes) - 1) / 2
        for index, node in enumerate(nodes):
            pos[node] = index - middle


def _order(
    layers: list[list[str]],
    layer: dict[str, int],
    succ: dict[str, list[str]],
    pred: dict[str, list[str]],
) -> None:
    """Order the nodes of every layer to cross fewer edges: barycentre sweeps, in place."""
    pos: dict[str, float] = {}
    for nodes in layers:
        middle = (len(nodes) - 1) / 2
        pos.update((node, index - middle) for index, node in enumerate(nodes))
    forward = range(1, len(layers))
    backward = range(len(layers) - 2, -1, -1)
    for indices, neighbours in ((forward, pred), (backward, succ), (forward, pred)):
        _sweep(layers, layer, neighbours, pos, indices)


def _box(key: str, data: Mapping[str, Any]) -> _Box:
    title = _clean(str(data.get("label", "")))
    if not title.strip():
        title = _clean(str(data.get("id", key)))
    lines = tuple(wrap(title)) or ("",)
    width = max(_MIN_WIDTH, max(_width(line) for line in lines) + 2 * _PAD_X)
    height = len(lines) * _LINE + 2 * _PAD_Y
    return _Box(key=key, title=title, lines=lines, style=_style(data), width=width, height=height)


def _fit(width: float, height: float) -> str:
    """The size of a drawing: its own, but never wider than its container.

    The ``width`` and ``height`` are the drawing's size (an ``<img>`` of it is that
    big); its style keeps it within the page, notebook cell or window, its height
    following from its ``viewBox``, so that a wide drawing scales as a whole rather
    than being cut off.
    """
    return f'width="{_n(width)}" height="{_n(height)}" style="max-width:100%;height:auto"'


@attrs.define
class _Label:
    """An edge's label: its lines, the size of its background, and where it is drawn."""

    lines: list[str]
    width: float
    height: float
    centre: tuple[float, float] = (0.0, 0.0)
    top: float = 0.0

    @classmethod
    def of(cls, text: str) -> _Label:
        lines = wrap(" ".join(text.split()), _LABEL_WRAP, _LABEL_LINES)
        widest = max(_width(line) for line in lines) * _LABEL_FONT / _FONT
        height = len(lines) * _LABEL_LINE + 2 * _LABEL_PAD_Y
        return cls(lines, widest + 2 * _LABEL_PAD_X, height)

    def svg(self, u: str, v: str, full: str) -> str:
        """The label on a white background, its full text as its tooltip."""
        cx, width = self.centre[0], self.width
        first = self.top + _LABEL_PAD_Y + _LABEL_FONT - 1
        spans = "".join(
            f'<tspan x="{_n(cx)}" y="{_n(first + i * _LABEL_LINE)}">{_e(line)}</tspan>'
            for i, line in enumerate(self.lines)
        )
        return (
            f'<g data-from="{_e(_clean(u))}" data-to="{_e(_clean(v))}"><title>{_e(full)}</title>'
            f'<rect x="{_n(cx - width / 2)}" y="{_n(self.top)}" width="{_n(width)}"'
            f' height="{_n(self.height)}" rx="3" fill="#fff" fill-opacity="0.92"/>'
            f"<text>{spans}</text></g>"
        )


@attrs.frozen
class _Curve:
    """A cubic Bézier curve from *start* to *end*."""

    start: tuple[float, float]
    c1: tuple[float, float]
    c2: tuple[float, float]
    end: tuple[float, float]

    def at(self, t: float) -> tuple[float, float]:
        s = 1 - t
        a, b, c, d = s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = self.start, self.c1, self.c2, self.end
        return a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3

    def y_at(self, x: float) -> float:
        """The curve's height where it crosses *x* (its x grows along it), by bisection."""
        low, high = 0.0, 1.0
        for _ in range(24):  # to a 16-millionth of the curve: far below a pixel
            middle = (low + high) / 2
            if self.at(middle)[0] < x:
                low = middle
            else:
                high = middle
        return self.at((low + high) / 2)[1]

    def d(self) -> str:
        (x1, y1), (a, b), (c, d), (x2, y2) = self.start, self.c1, self.c2, self.end
        return f"M{_n(x1)},{_n(y1)}C{_n(a)},{_n(b)} {_n(c)},{_n(d)} {_n(x2)},{_n(y2)}"


def _name(title: str | None, default: str) -> str:
    """The accessible name of a drawing: its *title*, unless that says nothing."""
    name = _clean(title or "")
    return name if name.strip() else default


def _empty(title: str | None) -> str:
    text = "nothing to draw"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40" {_fit(200, 40)}'
        f' role="img"><title>{_e(_name(title, text))}</title>'
        f'<text x="100" y="24" text-anchor="middle" font-family="{_FONTS}"'
        f' font-size="{_FONT}" fill="#555">{text}</text></svg>'
    )


def _marker_id(title: str, boxes: list[_Box], edges: list[tuple[str, str, str]]) -> str:
    """An id for the arrowhead, the same for the same drawing, so pages can hold many."""
    digest = hashlib.sha256()
    for part in [title, *(f"{b.key}\0{b.title}\0{b.style.fill}" for b in boxes)]:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\1")
    for u, v, label in edges:
        digest.update(f"{u}\0{v}\0{label}".encode("utf-8", "surrogatepass") + b"\1")
    return "arrow-" + digest.hexdigest()[:12]


@collector_paused
def to_svg(
    graph: nx.DiGraph[str], *, title: str | None = None, legend: Mapping[str, str] | None = None
) -> str:
    """*graph* drawn left to right as one ``<svg>`` element, ready to be inlined in HTML.

    Nodes are boxes filled by kind (steps by state), holding their label
    wrapped in at most three lines; the full label is the box's tooltip. Edges
    are arrows; an edge's label, on two lines at most, sits on the edge on a white
    background, in the gap after the edge's source (back edges: at the bottom of
    their loop), clear of every box and of every other label. A legend names the
    kinds drawn. The drawing keeps its size, but scales down to fit a narrower container.
    The drawing references nothing outside itself, and the same graph gives
    the same text whatever order it was built in. *title* is the drawing's
    accessible name; *legend* names the kinds in the legend in another language
    (``{"goal": "meta", "step: done": "paso: hecho"}``), those it does not name as they are.

    >>> import networkx as nx
    >>> print(to_svg(nx.DiGraph(), title="Influence"))  # doctest: +ELLIPSIS
    <svg ...><title>Influence</title>...nothing to draw</text></svg>
    """
    if not graph.number_of_nodes():
        return _empty(title)
    nodes = sorted(graph.nodes, key=str)
    keys = {node: str(node) for node in nodes}
    succ: dict[str, list[str]] = {n: sorted(graph.successors(n), key=str) for n in nodes}
    pred: dict[str, list[str]] = {n: sorted(graph.predecessors(n), key=str) for n in nodes}
    boxes = {node: _box(keys[node], graph.nodes[node]) for node in nodes}
    edges = [
        (u, v, _clean(str(graph.edges[u, v].get("label", ""))).strip())
        for u in nodes
        for v in succ[u]
    ]
    layers, layer, back = _layers(nodes, succ, pred)
    _order(layers, layer, succ, pred)

    # Each edge's label goes in the gap right of its source's layer, where no box is: each
    # gap is as wide as its widest label, with room on either side.
    shapes_of: dict[str, _Label] = {}  # edges often share a label ("escalate")
    labels = {
        (u, v): attrs.evolve(shapes_of.get(label) or shapes_of.setdefault(label, _Label.of(label)))
        for u, v, label in edges
        if label
    }
    gaps = [_MIN_LAYER_GAP] * len(layers)
    for (u, v), label in labels.items():
        if (u, v) not in back or u == v:
            gaps[layer[u]] = max(gaps[layer[u]], label.width + 2 * _LABEL_SPACE)

    # Place the boxes: layers side by side, each layer's boxes stacked and centred.
    stacks = [sum(boxes[n].height for n in ns) + _ROW_GAP * (len(ns) - 1) for ns in layers]
    tallest = max(stacks)
    x = 0.0
    ends: list[float] = []  # the right end of each layer's column
    for nodes_in_layer, stack, gap in zip(layers, stacks, gaps, strict=True):
        widest = max(boxes[n].width for n in nodes_in_layer)
        y = (tallest - stack) / 2
        for node in nodes_in_layer:
            box = boxes[node]
            boxes[node] = attrs.evolve(box, x=x + (widest - box.width) / 2, y=y)
            y += box.height + _ROW_GAP
        ends.append(x + widest)
        x += widest + gap
    last = len(layers) - 1
    trailing = any(layer[u] == last for u, v in labels if u == v)  # a self-loop's label there
    right = x if trailing else x - gaps[last]
    top, bottom = 0.0, tallest

    # Edges: curves from the right side of one box to the left side of the next; self-loops
    # above their box. The label of each sits on its curve in the middle of its gap, moved
    # down as little as keeps it off the labels above it in that gap.
    marker = _marker_id(_clean(title or ""), [boxes[n] for n in nodes], edges)
    curves: dict[tuple[str, str], _Curve] = {}
    in_gap: list[list[tuple[float, tuple[str, str]]]] = [[] for _ in layers]
    looping: list[tuple[str, str]] = []
    for u, v, _label in edges:
        a, b = boxes[u], boxes[v]
        if u == v:
            x1, x2, y1 = a.x + a.width * 0.6, a.x + a.width * 0.4, a.y
            curves[u, v] = _Curve((x1, y1), (x1 + 12, y1 - 30), (x2 - 12, y1 - 30), (x2, y1))
            top = min(top, y1 - 30)
        elif (u, v) in back:
            looping.append((u, v))
            continue
        else:
            x1, y1 = a.x + a.width, a.y + a.height / 2
            x2, y2 = b.x, b.y + b.height / 2
            bend = max(30.0, (x2 - x1) / 2)
            curves[u, v] = _Curve((x1, y1), (x1 + bend, y1), (x2 - bend, y2), (x2, y2))
        if (u, v) in labels:
            i = layer[u]
            centre = ends[i] + gaps[i] / 2
            wanted = a.y + a.height / 2 if u == v else curves[u, v].y_at(centre)
            labels[u, v].centre = (centre, wanted)
            in_gap[i].append((wanted, (u, v)))
    for placed in in_gap:
        floor = -float("inf")
        for _, key in sorted(placed):
            label = labels[key]
            label.top = max(label.centre[1] - label.height / 2, floor)
            floor = label.top + label.height + _LABEL_GAP
            top, bottom = min(top, label.top), max(bottom, floor)

    # Back edges loop below everything drawn so far; a labelled one has a level of its own,
    # its label at the bottom of its loop.
    # Those without a label go last, below the labels.
    level = bottom + _LOOP_DEPTH
    for u, v in sorted(looping, key=lambda edge: edge not in labels):
        a, b = boxes[u], boxes[v]
        x1, y1 = a.x + a.width / 2, a.y + a.height
        x2, y2 = b.x + b.width / 2, b.y + b.height
        on_loop = labels.get((u, v))
        if on_loop is None:
            depth = level + min(0.1 * abs(x1 - x2), 90)
            deepest = (y1 + 6 * depth + y2) / 8
        else:
            deepest = level + on_loop.height / 2
            depth = (8 * deepest - y1 - y2) / 6  # puts the curve's middle at deepest
            on_loop.centre = ((x1 + x2) / 2, deepest)
            on_loop.top = level
            level += on_loop.height + _LABEL_GAP
        curves[u, v] = _Curve((x1, y1), (x1, depth), (x2, depth), (x2, y2))
        bottom = max(bottom, deepest, level)
    leftmost = 0.0
    for label in labels.values():
        cx = label.centre[0]
        leftmost = min(leftmost, cx - label.width / 2)
        right = max(right, cx + label.width / 2)
        top = min(top, label.top)

    paths = [
        f'<path data-from="{_e(_clean(u))}" data-to="{_e(_clean(v))}" d="{curves[u, v].d()}"'
        f' marker-end="url(#{marker})"/>'
        for u, v, _label in edges
    ]
    texts = [labels[u, v].svg(u, v, full) for u, v, full in edges if (u, v) in labels]

    # Nodes, in the order they are laid out so that the text reads top to bottom.
    shapes: list[str] = []
    for nodes_in_layer in layers:
        for node in nodes_in_layer:
            box = boxes[node]
            stroke = _stroke(box.style)
            cx = box.x + box.width / 2
            first = box.y + _PAD_Y + _FONT - 1
            spans = "".join(
                f'<tspan x="{_n(cx)}" y="{_n(first + i * _LINE)}">{_e(line)}</tspan>'
                for i, line in enumerate(box.lines)
            )
            shapes.append(
                f'<g data-node="{_e(_clean(box.key))}"><title>{_e(box.title)}</title>'
                f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}"'
                f' height="{_n(box.height)}" rx="6" fill="{box.style.fill}"{stroke}/>'
                f"<text>{spans}</text></g>"
            )

    # The legend: one swatch per kind (and step state) drawn, in rows under the drawing.
    styles = sorted({box.style for box in boxes.values()}, key=_legend_order)
    names = legend or {}
    legend_svg: list[str] = []
    row_width = max(right, 480.0)
    lx, ly = 0.0, bottom + 24
    for style in styles:
        name = _clean(names.get(style.legend, style.legend))
        item = 18 + _width(name) + 18
        if lx and lx + item > row_width:
            lx, ly = 0.0, ly + 20
        stroke = _stroke(style)
        legend_svg.append(
            f'<rect x="{_n(lx)}" y="{_n(ly)}" width="12" height="12" rx="2"'
            f' fill="{style.fill}"{stroke}/>'
            f'<text x="{_n(lx + 18)}" y="{_n(ly + 10)}">{_e(name)}</text>'
        )
        lx += item
        right = max(right, lx)
    bottom = ly + 12

    left, top = leftmost - _MARGIN, top - _MARGIN
    width, height = right + _MARGIN - left, bottom + _MARGIN - top
    name = _name(title, f"{counted(len(nodes), 'node')}, {counted(len(edges), 'edge')}")
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_n(left)} {_n(top)}'
            f' {_n(width)} {_n(height)}" {_fit(width, height)} role="img"'
            f' font-family="{_FONTS}" font-size="{_FONT}">',
            f"<title>{_e(name)}</title>",
            f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5"'
            ' markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M0,0L10,5L0,10z" fill="{_STROKE}"/></marker></defs>',
            f'<g class="edges" fill="none" stroke="{_STROKE}" stroke-width="1.2">',
            *paths,
            "</g>",
            '<g class="nodes" text-anchor="middle">',
            *shapes,
            "</g>",
            f'<g class="edge-labels" text-anchor="middle" font-size="{_LABEL_FONT}" fill="#333">',
            *texts,
            "</g>",
            '<g class="legend" font-size="11">',
            *legend_svg,
            "</g></svg>",
        ]
    )
