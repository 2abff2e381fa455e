"""The plan's graphs: influence, cross-posting, routing, alignment and steps, and their drawings.

Each graph is a :class:`networkx.DiGraph` built from the plan's data, with one
convention for every graph, which the renderers here and the report rely on:

* node keys are ``"{kind}:{id}"`` strings, such as ``"audience:parents"``;
* every node has the attributes ``kind`` (``"influencer"``, ``"audience"``,
  ``"channel"``, ``"goal"``, ``"objective"``, ``"metric"``, ``"role"``,
  ``"message"``, ``"step"``, or ``"missing"``), ``label`` (the human text,
  not escaped) and ``id`` (the id in the plan);
* an edge may have a ``label`` (str);
* ``graph.graph["name"]`` names the graph (``"influence"``, ``"channels"``…).

A reference to an id the plan does not have (the rules report it as SP101)
does not break a graph: the node is drawn anyway, with kind ``"missing"``, the
label ``"<id> (missing)"``, the key it would have if the part existed, and the
kind it should have in ``expected``.

>>> import socialplan
>>> from socialplan import graphs
>>> plan = socialplan.load("examples/cartoon/plan.toml")
>>> graph = graphs.channels(plan)
>>> graph.nodes["channel:youtube"]["label"]
'youtube'
>>> graphs.cross_posting(plan, "youtube")
('blog', 'facebook', 'twitter')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ._core import diagram
from ._core.diagram import Style
from ._core.gc import collector_paused
from ._model import Plan

if TYPE_CHECKING:
    import networkx as nx

    from .steps import Progress

__all__ = [
    "COLOURS",
    "KINDS",
    "WHAT",
    "alignment",
    "build",
    "channels",
    "cross_posting",
    "influence",
    "routing",
    "steps",
    "to_dot",
    "to_mermaid",
]

#: The kinds of node, in the order the alignment graph reads from left to right.
KINDS = (
    "goal",
    "objective",
    "metric",
    "channel",
    "audience",
    "influencer",
    "message",
    "role",
    "step",
    "missing",
)

#: The fill colour of each kind of node, shared by every drawing.
COLOURS: Mapping[str, str] = {
    "goal": "#f6c6a8",
    "objective": "#ffe08a",
    "metric": "#d5c6ec",
    "channel": "#a8d5f6",
    "audience": "#b7e1a1",
    "influencer": "#f4b6d2",
    "message": "#f4b6b6",
    "role": "#e3d3b5",
    "step": "#e0e0e0",
    "missing": "#ffffff",
}

#: What ``socialplan graph --what`` can draw, in the order the help lists them.
WHAT = ("steps", "influence", "channels", "routing", "alignment")

_OTHER = "#eeeeee"


class _Builder:
    """A graph under construction, keeping to the node convention."""

    def __init__(self, name: str) -> None:
        import networkx as nx

        self.graph: nx.DiGraph[str] = nx.DiGraph(name=name)
        self._labels: dict[tuple[str, str], list[str]] = {}

    def node(self, kind: str, ident: str, label: str, **extra: Any) -> str:
        key = f"{kind}:{ident}"
        self.graph.add_node(key, kind=kind, label=label, id=ident, **extra)
        return key

    def ref(self, kind: str, ident: str) -> str:
        """The key of the *kind* part *ident*; a "missing" node when the plan lacks it."""
        key = f"{kind}:{ident}"
        if key not in self.graph:
            self.graph.add_node(
                key, kind="missing", label=f"{ident} (missing)", id=ident, expected=kind
            )
        return key

    def edge(self, source: str, target: str, label: str = "", **extra: Any) -> None:
        """Add an edge; a second edge between the same nodes adds its label to the first's."""
        self.graph.add_edge(source, target, **extra)
        if not label:  # nothing to add: an unlabelled edge keeps no list of labels
            return
        labels = self._labels.setdefault((source, target), [])
        if label not in labels:
            labels.append(label)
            self.graph.edges[source, target]["label"] = "; ".join(labels)


def _channel_labels(plan: Plan) -> dict[str, str]:
    """Each channel's label: its platform, with its id when two channels share a platform."""
    platforms = Counter(channel.platform for channel in plan.channels.values())
    return {
        key: channel.platform if platforms[channel.platform] == 1 else f"{channel.platform} ({key})"
        for key, channel in plan.channels.items()
    }


def _add_channels(builder: _Builder, plan: Plan) -> None:
    for key, label in _channel_labels(plan).items():
        builder.node("channel", key, label)


def _add_audiences(builder: _Builder, plan: Plan, **extra: Mapping[str, Any]) -> None:
    for key, audience in plan.audiences.items():
        builder.node("audience", key, audience.name, **{k: v[key] for k, v in extra.items()})


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


@collector_paused
def influence(plan: Plan) -> nx.DiGraph[str]:
    """The influence map (step 3): influencer → audience, for each audience it sways.

    Every influencer and every audience is a node, so an audience nobody
    reaches shows. Each audience node and each edge into it carry a ``weight``:
    how many objectives aim at the audience (every audience weighs 1 when no
    objective names one; see :func:`socialplan.influence.targets`).
    :func:`socialplan.influence.rank` ranks the influencers on this graph.

    >>> import socialplan
    >>> from socialplan import graphs
    >>> plan = socialplan.load("examples/cartoon/plan.toml")
    >>> sorted(graphs.influence(plan).successors("influencer:mama_en_apuros"))
    ['audience:parents']
    """
    from .influence import targets

    weights = targets(plan)
    builder = _Builder("influence")
    for key, influencer in plan.influencers.items():
        builder.node("influencer", key, influencer.name)
    _add_audiences(builder, plan, weight={key: weights.get(key, 0) for key in plan.audiences})
    for key, influencer in plan.influencers.items():
        for audience in _unique(influencer.influences):
            builder.edge(
                f"influencer:{key}",
                builder.ref("audience", audience),
                weight=weights.get(audience, 0),
            )
    return builder.graph


@collector_paused
def channels(plan: Plan) -> nx.DiGraph[str]:
    """The cross-posting graph (steps 5 and 8): channel → channel it cross-posts to.

    It may have cycles (a channel that shares back to where it was shared
    from); :func:`cross_posting` follows it to where one post ends up. A
    channel is labelled by its platform, with its id when two share one.
    """
    builder = _Builder("channels")
    _add_channels(builder, plan)
    for key, channel in plan.channels.items():
        for target in _unique(channel.cross_posts_to):
            builder.edge(f"channel:{key}", builder.ref("channel", target))
    return builder.graph


def cross_posting(plan: Plan, channel_id: str) -> tuple[str, ...]:
    """Every channel a post on *channel_id* ends up on, through cross-posting, nearest first.

    The order is breadth first: the channels *channel_id* cross-posts to, in
    the order it lists them, then theirs. The channel itself is left out even
    when a cycle leads back to it, and so are channels the plan does not have.
    Raises ``KeyError`` if the plan has no channel *channel_id*.

    >>> import socialplan
    >>> from socialplan import Channel
    >>> plan = socialplan.Plan(name="x", channels={
    ...     "a": Channel(platform="x", cross_posts_to=("b",)),
    ...     "b": Channel(platform="threads", cross_posts_to=("c", "a")),
    ...     "c": Channel(platform="blog")})
    >>> cross_posting(plan, "a")
    ('b', 'c')
    """
    if channel_id not in plan.channels:
        raise KeyError(f"the plan has no channel {channel_id!r}")
    seen = {channel_id}
    reached: list[str] = []
    frontier = [channel_id]
    while frontier:
        following: list[str] = []
        for current in frontier:
            for target in plan.channels[current].cross_posts_to:
                if target not in seen and target in plan.channels:
                    seen.add(target)
                    reached.append(target)
                    following.append(target)
        frontier = following
    return tuple(reached)


@collector_paused
def routing(plan: Plan) -> nx.DiGraph[str]:
    """The routing of messages (step 4): message kind → role, role → role it escalates to.

    A route's edge is labelled with the time to answer and the channels it
    covers (``"within 4h on facebook, x"``, or ``"on every channel"`` when it
    names none or all of them); an escalation, ``"escalate"``, whether the
    route or the role says so. Message kinds are nodes only
    when a route names them; every role is a node. A route's edge also holds its
    label's parts as ``routes``, a list of (time to answer or ``None``, the channels as
    (id, label or ``None`` when missing) pairs, or ``None`` for every channel); an
    escalation's, ``escalate=True``.
    """
    builder = _Builder("routing")
    labels = _channel_labels(plan)
    every = set(plan.channels)
    for message in _unique(str(rule.message) for rule in plan.routing):
        builder.node("message", message, message)
    for key, role in plan.roles.items():
        builder.node("role", key, role.title)
    for rule in plan.routing:
        parts = []
        within = None if rule.within is None else str(rule.within)
        if within is not None:
            parts.append(f"within {within}")
        on: tuple[tuple[str, str | None], ...] | None = None  # None: on every channel
        if not rule.channels or (set(rule.channels) >= every and len(every) > 1):
            parts.append("on every channel")
        else:
            on = tuple((c, labels.get(c)) for c in _unique(rule.channels))
            names = [f"{c} (missing)" if label is None else label for c, label in on]
            parts.append("on " + ", ".join(names))
        to = builder.ref("role", rule.to)
        source = f"message:{rule.message}"
        builder.edge(source, to, " ".join(parts))
        # The label's parts as data, for a label in another language.
        routes = builder.graph.edges[source, to].setdefault("routes", [])
        if (within, on) not in routes:
            routes.append((within, on))
        if rule.escalate_to is not None:
            builder.edge(to, builder.ref("role", rule.escalate_to), "escalate", escalate=True)
    for key, role in plan.roles.items():
        if role.escalate_to is not None:
            builder.edge(
                f"role:{key}", builder.ref("role", role.escalate_to), "escalate", escalate=True
            )
    return builder.graph


@collector_paused
def alignment(plan: Plan) -> nx.DiGraph[str]:
    """How the plan lines up (steps 1, 2, 5 and 7): goals, objectives, metrics, channels, audiences.

    Edges: business goal → objective that supports it (``Objective.supports``),
    objective → metric that measures it (``Metric.measures``), metric →
    channel it is taken on (``Metric.channels``), objective → audience it
    aims at (``Objective.audiences``), channel → audience it reaches
    (``Channel.audiences``). A part with no edge is a gap in the alignment.
    """
    builder = _Builder("alignment")
    for key, business_goal in plan.business_goals.items():
        builder.node("goal", key, business_goal.statement)
    for key, objective in plan.objectives.items():
        builder.node("objective", key, objective.title)
    for key, metric in plan.metrics.items():
        builder.node("metric", key, metric.name)
    _add_channels(builder, plan)
    _add_audiences(builder, plan)
    for key, objective in plan.objectives.items():
        for goal in _unique(objective.supports):
            builder.edge(builder.ref("goal", goal), f"objective:{key}")
    for key, metric in plan.metrics.items():
        for objective_id in _unique(metric.measures):
            builder.edge(builder.ref("objective", objective_id), f"metric:{key}")
        for channel in _unique(metric.channels):
            builder.edge(f"metric:{key}", builder.ref("channel", channel))
    for key, objective in plan.objectives.items():
        for audience in _unique(objective.audiences):
            builder.edge(f"objective:{key}", builder.ref("audience", audience))
    for key, channel_part in plan.channels.items():
        for audience in _unique(channel_part.audiences):
            builder.edge(f"channel:{key}", builder.ref("audience", audience))
    return builder.graph


@collector_paused
def steps(progress: Progress) -> nx.DiGraph[str]:
    """The steps of a methodology (every step): need → step, each step with its ``state``.

    >>> import socialplan
    >>> from socialplan import graphs
    >>> graph = graphs.steps(socialplan.progress(socialplan.Plan(name="x")))
    >>> graph.nodes["step:objectives"]["state"], list(graph.predecessors("step:audiences"))
    ('ready', ['step:objectives'])
    """
    builder = _Builder("steps")
    for step in progress:
        builder.node("step", step.id, step.title, state=str(step.state))
    for step in progress:
        for need in step.needs:
            builder.edge(builder.ref("step", need), f"step:{step.id}")
    return builder.graph


def build(plan: Plan, what: str, methodology: str | None = None) -> nx.DiGraph[str]:
    """The graph named *what* (one of :data:`WHAT`) of *plan*.

    *methodology* chooses the steps for ``"steps"`` (by default the plan's own).
    Raises ``ValueError`` for any other *what*.
    """
    builders: dict[str, Callable[[Plan], nx.DiGraph[str]]] = {
        "influence": influence,
        "channels": channels,
        "routing": routing,
        "alignment": alignment,
    }
    if what == "steps":
        from .steps import progress

        return steps(progress(plan, methodology))
    if what not in builders:
        raise ValueError(f"no graph {what!r}: expected one of {', '.join(WHAT)}")
    return builders[what](plan)


# Drawing.


def _style(data: Mapping[str, Any]) -> str:
    """What a node is styled by: a step's state, else its kind."""
    return str(data.get("state") or data.get("kind") or "other")


def _styles() -> dict[str, Style]:
    """The style of each kind of node and of each step state (steps are coloured by state)."""
    from .steps._views import COLOURS as STATE_COLOURS

    styles = {kind: Style(colour, dashed=kind == "missing") for kind, colour in COLOURS.items()}
    styles.update({str(state): Style(colour) for state, colour in STATE_COLOURS.items()})
    return styles


def _shown(key: str, data: Mapping[str, Any]) -> str:
    """The text a node shows: its label, or its id when the label is blank."""
    label = str(data.get("label", ""))
    return label if label.strip() else str(data.get("id") or key)


def _nodes(graph: nx.DiGraph[str]) -> Iterator[tuple[str, str, str]]:
    for key, data in graph.nodes(data=True):
        yield str(key), _shown(key, data), _style(data)


def _edges(graph: nx.DiGraph[str]) -> Iterator[tuple[str, str, str]]:
    for source, target, data in graph.edges(data=True):
        yield str(source), str(target), str(data.get("label", ""))


def to_mermaid(graph: nx.DiGraph[str], *, direction: str = "LR") -> str:
    """The graph as a Mermaid flowchart, one class (colour) per kind of node.

    Node ids are the keys made safe (``n_`` and letters, digits, ``_``; a
    number is added when two keys come out alike); labels are escaped.
    Nodes and edges come in the graph's order. Step nodes are coloured by
    their state, as in the steps' own drawings; missing nodes are dashed.

    >>> import networkx as nx
    >>> graph = nx.DiGraph(name="demo")
    >>> graph.add_node("role:a-b", kind="role", label='The "A" team', id="a-b")
    >>> graph.add_node("role:a_b", kind="role", label="B <team>", id="a_b")
    >>> graph.add_edge("role:a-b", "role:a_b", label="escalate")
    >>> print(to_mermaid(graph), end="")
    flowchart LR
        n_role_a_b["The #quot;A#quot; team"]:::role
        n_role_a_b_2["B #lt;team#gt;"]:::role
        n_role_a_b -->|"escalate"| n_role_a_b_2
        classDef role fill:#e3d3b5,stroke:#555,color:#000
    """
    return diagram.to_mermaid(
        _nodes(graph), _edges(graph), _styles(), default=Style(_OTHER), direction=direction
    )


def to_dot(graph: nx.DiGraph[str], *, direction: str = "LR") -> str:
    """The graph as a Graphviz DOT digraph, each node filled with its kind's colour.

    Nodes are named by their keys, quoted; labels are escaped. Nodes and edges
    come in the graph's order; missing nodes are dashed and outlined in red.

    >>> import networkx as nx
    >>> graph = nx.DiGraph(name="demo")
    >>> graph.add_node("role:a", kind="role", label='The "A" team', id="a")
    >>> print(to_dot(graph), end="")
    digraph "demo" {
        rankdir=LR;
        node [shape=box, style="rounded,filled", fontname="Helvetica"];
        "role:a" [label="The \\"A\\" team", fillcolor="#e3d3b5"];
    }
    """
    name = str(graph.graph.get("name", "plan"))
    return diagram.to_dot(
        name, _nodes(graph), _edges(graph), _styles(), default=Style(_OTHER), direction=direction
    )
