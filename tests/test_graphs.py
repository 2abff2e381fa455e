"""The plan's graphs: what each one holds, and their Mermaid and DOT drawings."""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings

import networkx as nx
import pydot
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from socialplan import (
    Audience,
    BusinessGoal,
    Channel,
    Duration,
    Influencer,
    MessageKind,
    Metric,
    Objective,
    Plan,
    Role,
    RoutingRule,
    graphs,
)
from socialplan.testing import loadable_plans, texts

FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PLAN_GRAPHS = ("influence", "channels", "routing", "alignment")


def edges(graph: nx.DiGraph[str]) -> set[tuple[str, str]]:
    return set(graph.edges)


def edge_labels(graph: nx.DiGraph[str]) -> dict[tuple[str, str], str]:
    return {(u, v): d["label"] for u, v, d in graph.edges(data=True) if "label" in d}


def chain(*links: tuple[str, tuple[str, ...]]) -> Plan:
    return Plan(
        name="x",
        channels={key: Channel(platform=key, cross_posts_to=to) for key, to in links},
    )


# The influence map.


def test_the_influence_map_links_each_influencer_to_the_audiences_it_sways() -> None:
    plan = Plan(
        name="x",
        audiences={"parents": Audience(name="Parents"), "kids": Audience(name="Kids")},
        influencers={
            "ana": Influencer(name="Ana", influences=("parents", "kids")),
            "bo": Influencer(name="Bo", influences=("kids",)),
        },
    )
    expected = {
        ("influencer:ana", "audience:parents"),
        ("influencer:ana", "audience:kids"),
        ("influencer:bo", "audience:kids"),
    }
    assert expected == edges(graphs.influence(plan))


def test_every_node_carries_its_kind_label_and_id() -> None:
    plan = Plan(name="x", influencers={"ana": Influencer(name="Ana María")})
    assert {"kind": "influencer", "label": "Ana María", "id": "ana"} == {
        k: graphs.influence(plan).nodes["influencer:ana"][k] for k in ("kind", "label", "id")
    }


def test_audience_nodes_weigh_how_many_objectives_aim_at_them() -> None:
    plan = Plan(
        name="x",
        audiences={"a": Audience(name="A"), "b": Audience(name="B"), "c": Audience(name="C")},
        objectives={
            "o1": Objective(title="One", audiences=("a", "b")),
            "o2": Objective(title="Two", audiences=("a",)),
        },
    )
    graph = graphs.influence(plan)
    assert [2, 1, 0] == [graph.nodes[f"audience:{a}"]["weight"] for a in "abc"]


def test_a_reference_to_a_missing_audience_is_drawn_as_a_missing_node() -> None:
    plan = Plan(name="x", influencers={"ana": Influencer(name="Ana", influences=("ghost",))})
    graph = graphs.influence(plan)
    expected = {
        "kind": "missing",
        "label": "ghost (missing)",
        "id": "ghost",
        "expected": "audience",
    }
    assert (expected, {("influencer:ana", "audience:ghost")}) == (
        {k: v for k, v in graph.nodes["audience:ghost"].items() if k != "weight"},
        edges(graph),
    )


def test_each_graph_is_named() -> None:
    plan = Plan(name="x")
    assert list(PLAN_GRAPHS) == [graphs.build(plan, what).graph["name"] for what in PLAN_GRAPHS]


# Cross-posting.


def test_cross_posting_follows_a_chain_to_its_end() -> None:
    plan = chain(("a", ("b",)), ("b", ("c",)), ("c", ()))
    assert ("b", "c") == graphs.cross_posting(plan, "a")


def test_cross_posting_around_a_cycle_stops_and_leaves_the_channel_itself_out() -> None:
    plan = chain(("a", ("b",)), ("b", ("c",)), ("c", ("a",)))
    assert ("c", "a") == graphs.cross_posting(plan, "b")


def test_cross_posting_lists_nearer_channels_first() -> None:
    plan = chain(("a", ("b", "c")), ("b", ("d",)), ("c", ("b",)), ("d", ()))
    assert ("b", "c", "d") == graphs.cross_posting(plan, "a")


def test_cross_posting_skips_channels_the_plan_does_not_have() -> None:
    plan = chain(("a", ("ghost", "b")), ("b", ()))
    assert ("b",) == graphs.cross_posting(plan, "a")


def test_cross_posting_from_an_unknown_channel_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="ghost"):
        graphs.cross_posting(chain(("a", ())), "ghost")


def test_the_channels_graph_keeps_cycles() -> None:
    plan = chain(("a", ("b",)), ("b", ("a",)))
    assert {("channel:a", "channel:b"), ("channel:b", "channel:a")} == edges(graphs.channels(plan))


def test_channels_on_one_platform_are_told_apart_by_id() -> None:
    plan = Plan(
        name="x",
        channels={
            "ig": Channel(platform="instagram"),
            "ig_shop": Channel(platform="instagram"),
            "blog": Channel(platform="blog"),
        },
    )
    graph = graphs.channels(plan)
    assert ["instagram (ig)", "instagram (ig_shop)", "blog"] == [
        graph.nodes[n]["label"] for n in graph
    ]


@FAST
@given(loadable_plans())
def test_cross_posting_reaches_what_the_graph_reaches(plan: Plan) -> None:
    graph = graphs.channels(plan)
    assert {
        key: nx.descendants(graph, f"channel:{key}") - {f"channel:{key}"} for key in plan.channels
    } == {key: {f"channel:{c}" for c in graphs.cross_posting(plan, key)} for key in plan.channels}


# Routing.

ROLES = {
    "cm": Role(title="Community manager", escalate_to="pr"),
    "pr": Role(title="PR", escalate_to="boss"),
    "boss": Role(title="Management"),
}


def test_a_route_is_labelled_with_its_time_and_channels() -> None:
    plan = Plan(
        name="x",
        channels={"fb": Channel(platform="facebook"), "x": Channel(platform="x")},
        roles=ROLES,
        routing=(
            RoutingRule(
                message=MessageKind.COMPLAINT,
                to="cm",
                channels=("fb",),
                within=Duration.parse("4h"),
            ),
        ),
    )
    labels = edge_labels(graphs.routing(plan))
    assert "within 4h on facebook" == labels["message:complaint", "role:cm"]


def test_a_route_naming_no_channel_covers_every_channel() -> None:
    plan = Plan(
        name="x",
        channels={"fb": Channel(platform="facebook"), "x": Channel(platform="x")},
        roles=ROLES,
        routing=(RoutingRule(message=MessageKind.INQUIRY, to="cm"),),
    )
    assert "on every channel" == edge_labels(graphs.routing(plan))["message:inquiry", "role:cm"]


def test_escalations_come_from_the_routes_and_the_roles() -> None:
    plan = Plan(
        name="x",
        roles=ROLES,
        routing=(RoutingRule(message=MessageKind.CRISIS, to="cm", escalate_to="boss"),),
    )
    labels = edge_labels(graphs.routing(plan))
    expected = {
        ("role:cm", "role:boss"): "escalate",
        ("role:cm", "role:pr"): "escalate",
        ("role:pr", "role:boss"): "escalate",
    }
    assert expected == {k: v for k, v in labels.items() if k[0].startswith("role:")}


def test_two_routes_between_the_same_nodes_share_one_edge_with_both_labels() -> None:
    plan = Plan(
        name="x",
        channels={"fb": Channel(platform="facebook"), "x": Channel(platform="x")},
        roles=ROLES,
        routing=(
            RoutingRule(message=MessageKind.COMPLAINT, to="cm", channels=("fb",)),
            RoutingRule(message=MessageKind.COMPLAINT, to="cm", channels=("x",)),
        ),
    )
    assert "on facebook; on x" == edge_labels(graphs.routing(plan))["message:complaint", "role:cm"]


def test_message_kinds_are_nodes_only_when_a_route_names_them() -> None:
    plan = Plan(name="x", roles=ROLES, routing=(RoutingRule(message=MessageKind.CRISIS, to="pr"),))
    graph = graphs.routing(plan)
    assert ["message:crisis"] == [n for n in graph if graph.nodes[n].get("kind") == "message"]


# Alignment.


def test_the_alignment_graph_traces_goals_to_audiences() -> None:
    plan = Plan(
        name="x",
        business_goals={"grow": BusinessGoal(statement="Grow")},
        objectives={"aware": Objective(title="Be known", supports=("grow",), audiences=("fans",))},
        metrics={"reach": Metric(name="Reach", measures=("aware",), channels=("ig",))},
        channels={"ig": Channel(platform="instagram", audiences=("fans",))},
        audiences={"fans": Audience(name="Fans")},
    )
    expected = {
        ("goal:grow", "objective:aware"),
        ("objective:aware", "metric:reach"),
        ("metric:reach", "channel:ig"),
        ("objective:aware", "audience:fans"),
        ("channel:ig", "audience:fans"),
    }
    assert expected == edges(graphs.alignment(plan))


def test_an_objective_supporting_a_missing_goal_points_from_a_missing_node() -> None:
    plan = Plan(name="x", objectives={"aware": Objective(title="Be known", supports=("nope",))})
    graph = graphs.alignment(plan)
    assert ("missing", [("goal:nope", "objective:aware")]) == (
        graph.nodes["goal:nope"]["kind"],
        list(graph.edges),
    )


# Steps.


def test_the_steps_graph_has_each_steps_state_and_needs() -> None:
    graph = graphs.steps(socialplan.progress(Plan(name="x")))
    assert (15, "ready", "blocked", {"step:objectives"}) == (
        graph.number_of_nodes(),
        graph.nodes["step:objectives"]["state"],
        graph.nodes["step:audiences"]["state"],
        set(graph.predecessors("step:audiences")),
    )


def test_build_draws_the_steps_of_the_methodology_asked_for() -> None:
    graph = graphs.build(Plan(name="x"), "steps", "listen-think-act-monitor")
    assert ["step:listen", "step:think", "step:act", "step:monitor"] == list(graph)


def test_build_refuses_an_unknown_graph() -> None:
    with pytest.raises(ValueError, match="no graph 'nope'"):
        graphs.build(Plan(name="x"), "nope")


# The convention, over every plan the format allows.


def all_graphs(plan: Plan) -> list[nx.DiGraph[str]]:
    return [graphs.build(plan, what) for what in graphs.WHAT]


@FAST
@given(loadable_plans())
def test_every_node_has_a_kind_a_label_and_an_id_matching_its_key(plan: Plan) -> None:
    bad = [
        (graph.graph["name"], key)
        for graph in all_graphs(plan)
        for key, data in graph.nodes(data=True)
        if not (
            data["kind"] in graphs.KINDS
            and isinstance(data["label"], str)
            and key == f"{data.get('expected', data['kind'])}:{data['id']}"
        )
    ]
    assert [] == bad


@FAST
@given(loadable_plans())
def test_plans_whose_references_resolve_have_no_missing_node(plan: Plan) -> None:
    kinds = {data.get("kind") for graph in all_graphs(plan) for _, data in graph.nodes(data=True)}
    assert "missing" not in kinds


# Mermaid.

NODE = re.compile(r'^    (n_\w+)\["(.*)"\]:::(\w+)$')
EDGE = re.compile(r'^    (n_\w+) -->(?:\|"(.*)"\|)? (n_\w+)$')
UNSAFE = set('"<>`\n\r')

#: Names full of what breaks a diagram: quotes, markup, backticks, line breaks.
tricky = st.text(st.sampled_from('"<>`\n\r\x00\u2028#&|;:[](){}\\ aé'), max_size=12) | texts()


@st.composite
def tricky_plans(draw: st.DrawFn, tricky: st.SearchStrategy[str] = tricky) -> Plan:
    """A plan with every kind of part, each named with *tricky* text."""
    return Plan(
        name="x",
        business_goals={"g": BusinessGoal(statement=draw(tricky))},
        objectives={"o": Objective(title=draw(tricky), supports=("g",), audiences=("a", "b"))},
        metrics={"m": Metric(name=draw(tricky), measures=("o",), channels=("c",))},
        audiences={"a": Audience(name=draw(tricky)), "b": Audience(name=draw(tricky))},
        channels={
            "c": Channel(platform=draw(tricky), audiences=("a",), cross_posts_to=("d",)),
            "d": Channel(platform=draw(tricky), cross_posts_to=("c",)),
        },
        influencers={"i": Influencer(name=draw(tricky), influences=("a", "b"))},
        roles={"r": Role(title=draw(tricky), escalate_to="s"), "s": Role(title=draw(tricky))},
        routing=(
            RoutingRule(
                message=MessageKind.COMPLAINT,
                to="r",
                channels=("c",),
                within=Duration(seconds=3600, text=draw(tricky)),
            ),
        ),
    )


def mermaid_parts(text: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], list[str]]:
    """The node lines, the edge lines and every other line of a flowchart."""
    lines = text.splitlines()[1:]
    nodes = [m.groups() for line in lines if (m := NODE.match(line))]
    links = [m.groups() for line in lines if (m := EDGE.match(line))]
    rest = [line for line in lines if not NODE.match(line) and not EDGE.match(line)]
    return nodes, links, rest


@FAST
@given(loadable_plans())
def test_mermaid_draws_each_node_once_with_a_distinct_id(plan: Plan) -> None:
    for graph in all_graphs(plan):
        nodes, links, _ = mermaid_parts(graphs.to_mermaid(graph))
        assert (graph.number_of_nodes(), graph.number_of_edges(), len(nodes)) == (
            len(nodes),
            len(links),
            len({node[0] for node in nodes}),
        )


@FAST
@given(tricky_plans())
def test_every_mermaid_label_is_escaped(plan: Plan) -> None:
    for graph in all_graphs(plan):
        nodes, links, rest = mermaid_parts(graphs.to_mermaid(graph))
        labels = [node[1] for node in nodes] + [link[1] for link in links if link[1]]
        unsafe = [label for label in labels if set(label) & UNSAFE]
        # every other line is a classDef: nothing of a label leaked onto a line of its own
        strays = [line for line in rest if not line.startswith("    classDef ")]
        assert ([], [], graph.number_of_nodes()) == (unsafe, strays, len(nodes))


def test_mermaid_ids_of_keys_alike_once_made_safe_stay_distinct() -> None:
    plan = Plan(name="x", audiences={"a-b": Audience(name="1"), "a_b": Audience(name="2")})
    nodes, _, _ = mermaid_parts(graphs.to_mermaid(graphs.influence(plan)))
    assert [("n_audience_a_b", "1"), ("n_audience_a_b_2", "2")] == [n[:2] for n in nodes]


def _mermaid_ids_by_definition(keys: list[str]) -> list[str]:
    """Each key made safe, with the first number from 2 up that no key before it has taken."""
    given: list[str] = []
    for key in keys:
        base = "n_" + re.sub(r"[^A-Za-z0-9_]", "_", key)
        candidates = [base, *(f"{base}_{number}" for number in range(2, len(keys) + 2))]
        given.append(next(c for c in candidates if c not in given))
    return given


@FAST
@given(st.lists(st.text("a_-.2", min_size=1, max_size=5), unique=True, max_size=30))
def test_mermaid_ids_are_the_first_free_number_of_each_key(idents: list[str]) -> None:
    """Keys such as "a-b", "a_b", "a.b" and "a_b_2" share ids in Mermaid's letters."""
    graph: nx.DiGraph[str] = nx.DiGraph(name="x")
    for ident in idents:
        graph.add_node(ident, kind="role", label=ident, id=ident)
    nodes, _, _ = mermaid_parts(graphs.to_mermaid(graph))
    assert _mermaid_ids_by_definition(idents) == [node[0] for node in nodes]


def test_mermaid_writes_entities_for_quotes_markup_and_line_breaks() -> None:
    plan = Plan(name="x", audiences={"a": Audience(name='The "best" <b>fans</b>\nof `#1`')})
    nodes, _, _ = mermaid_parts(graphs.to_mermaid(graphs.influence(plan)))
    assert "The #quot;best#quot; #lt;b#gt;fans#lt;/b#gt; of #96;#35;1#96;" == nodes[0][1]


def test_mermaid_styles_nodes_by_kind_and_missing_ones_dashed() -> None:
    plan = Plan(name="x", influencers={"ana": Influencer(name="Ana", influences=("ghost",))})
    text = graphs.to_mermaid(graphs.influence(plan))
    classes = {line.split()[1]: line for line in text.splitlines() if "classDef" in line}
    assert (["influencer", "missing"], True) == (
        sorted(classes),
        "stroke-dasharray" in classes["missing"],
    )


def test_a_blank_label_shows_the_id_instead() -> None:
    plan = Plan(name="x", audiences={"fans": Audience(name=" ")})
    nodes, _, _ = mermaid_parts(graphs.to_mermaid(graphs.influence(plan)))
    assert "fans" == nodes[0][1]


def test_mermaid_takes_a_direction() -> None:
    text = graphs.to_mermaid(graphs.channels(Plan(name="x")), direction="TB")
    assert "flowchart TB\n" == text


def test_an_unknown_direction_is_refused() -> None:
    with pytest.raises(ValueError, match="direction"):
        graphs.to_mermaid(graphs.channels(Plan(name="x")), direction="sideways")


# DOT.


def parse_dot(text: str) -> pydot.Dot:
    with warnings.catch_warnings():  # pydot calls pyparsing names it deprecates
        warnings.simplefilter("ignore", DeprecationWarning)
        parsed = pydot.graph_from_dot_data(text) or []
    assert 1 == len(parsed)
    return parsed[0]


def dot_string(value: str) -> str:
    """A double-quoted DOT string read back: quotes off, escapes undone."""
    assert ('"', '"') == (value[:1], value[-1:])
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], value[1:-1], flags=re.S)


#: Names with quotes, backslashes and line breaks, but no other control character, no line
#: separator and no bidi override (which DOT labels show as escapes).
readable = st.text(
    st.characters(
        exclude_categories=["Cs", "Cc", "Zl", "Zp"],
        exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    )
    | st.sampled_from('"\\\n'),
    max_size=20,
)


def shown(key: str, data: dict[str, str]) -> str:
    return data["label"] if data["label"].strip() else data["id"]


@FAST
@given(loadable_plans() | tricky_plans())
def test_the_dot_parses_back_to_the_same_nodes_and_edges(plan: Plan) -> None:
    for graph in all_graphs(plan):
        back = nx.nx_pydot.from_pydot(parse_dot(graphs.to_dot(graph)))
        assert (list(graph), set(graph.edges)) == (list(back), set(back.edges()))


@FAST
@given(tricky_plans(readable))
def test_the_dot_keeps_every_label(plan: Plan) -> None:
    for graph in all_graphs(plan):
        back = nx.nx_pydot.from_pydot(parse_dot(graphs.to_dot(graph)))
        assert (
            {key: shown(key, data) for key, data in graph.nodes(data=True)},
            edge_labels(graph),
        ) == (
            {key: dot_string(data["label"]) for key, data in back.nodes(data=True)},
            {(u, v): dot_string(d["label"]) for u, v, d in back.edges(data=True) if "label" in d},
        )


def test_dot_labels_keep_line_breaks_and_show_other_control_characters() -> None:
    name = "one\x00two\r\nthree\rfour\x0bfive\u2028six\u202eseven"
    plan = Plan(name="x", audiences={"a": Audience(name=name)})
    (node,) = [
        n for n in parse_dot(graphs.to_dot(graphs.influence(plan))).get_nodes() if n.get("label")
    ]
    expected = "one\\u0000two\nthree\nfour\\u000bfive\nsix\\u202eseven"
    assert expected == dot_string(node.get("label"))


def test_missing_nodes_are_dashed_in_dot() -> None:
    plan = Plan(name="x", influencers={"ana": Influencer(name="Ana", influences=("ghost",))})
    nodes = {n.get_name(): n for n in parse_dot(graphs.to_dot(graphs.influence(plan))).get_nodes()}
    assert '"rounded,filled,dashed"' == nodes['"audience:ghost"'].get("style")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tricky_plans())
def test_the_dot_renders_with_graphviz_or_parses_with_pydot(plan: Plan) -> None:
    """Graphviz's own ``dot`` is the strictest judge; where it is not installed, pydot's parser."""
    dot = shutil.which("dot")
    for graph in all_graphs(plan):
        text = graphs.to_dot(graph)
        if dot is not None:
            result = subprocess.run(
                [dot, "-Tsvg"], input=text.encode(), capture_output=True, check=False
            )
            assert (0, b"") == (result.returncode, result.stderr)
        else:
            assert graph.number_of_nodes() == len(nx.nx_pydot.from_pydot(parse_dot(text)))


# Determinism.


@FAST
@given(loadable_plans())
def test_drawings_are_the_same_every_time(plan: Plan) -> None:
    first = [(graphs.to_mermaid(g), graphs.to_dot(g)) for g in all_graphs(plan)]
    again = socialplan.loads(socialplan.dumps(plan))
    assert first == [(graphs.to_mermaid(g), graphs.to_dot(g)) for g in all_graphs(again)]
