"""The influence ranking: whom to engage first, by how much of the target audiences they reach."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

import socialplan
from socialplan import Audience, Influencer, Objective, Plan
from socialplan.influence import Ranked, rank, targets
from socialplan.testing import loadable_plans

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

AUDIENCES = {
    "parents": Audience(name="Parents"),
    "teachers": Audience(name="Teachers"),
    "press": Audience(name="Press"),
}


def plan_of(objectives: dict[str, tuple[str, ...]], **influencers: Influencer) -> Plan:
    return Plan(
        name="x",
        audiences=AUDIENCES,
        objectives={key: Objective(title=key, audiences=aims) for key, aims in objectives.items()},
        influencers=influencers,
    )


def ids(ranking: tuple[Ranked, ...]) -> list[str]:
    return [r.id for r in ranking]


def test_reaching_both_target_audiences_outranks_reaching_a_non_target_one() -> None:
    plan = plan_of(
        {"aware": ("parents", "teachers")},
        blog=Influencer(name="Blog", influences=("press",), followers=1_000_000),
        mum=Influencer(name="Mum", influences=("parents", "teachers")),
    )
    assert ["mum", "blog"] == ids(rank(plan))


def test_the_score_is_the_share_of_the_target_weight_reached() -> None:
    # parents are aimed at by two objectives, teachers by one: 3 in all
    plan = plan_of(
        {"aware": ("parents", "teachers"), "sales": ("parents",)},
        school=Influencer(name="School", influences=("teachers", "press")),
        mum=Influencer(name="Mum", influences=("parents",)),
    )
    assert [("mum", 2 / 3), ("school", 1 / 3)] == [(r.id, r.score) for r in rank(plan)]


def test_without_targeted_audiences_every_audience_counts_alike() -> None:
    plan = plan_of({"aware": ()}, press=Influencer(name="Press club", influences=("press",)))
    assert (1 / 3) == rank(plan)[0].score


def test_reaches_lists_the_target_audiences_in_the_influencers_order_once() -> None:
    plan = plan_of(
        {"aware": ("parents", "teachers")},
        mum=Influencer(name="Mum", influences=("teachers", "press", "parents", "teachers")),
    )
    assert ("teachers", "parents") == rank(plan)[0].reaches


def test_ties_go_to_more_followers_then_unknown_followers_then_by_id() -> None:
    reach = ("parents",)
    plan = plan_of(
        {"aware": reach},
        c=Influencer(name="C", influences=reach, followers=10),
        a=Influencer(name="A", influences=reach),
        b=Influencer(name="B", influences=reach, followers=10),
        d=Influencer(name="D", influences=reach, followers=0),
        e=Influencer(name="E", influences=reach, followers=500),
    )
    assert ["e", "b", "c", "d", "a"] == ids(rank(plan))


def test_a_ranked_influencer_carries_its_name_kind_and_followers() -> None:
    plan = plan_of(
        {},
        mum=Influencer(name="Mamá en Apuros", kind="blogger", influences=(), followers=86_000),
    )
    expected = Ranked(
        id="mum", name="Mamá en Apuros", score=0.0, reaches=(), followers=86_000, kind="blogger"
    )
    assert (expected,) == rank(plan)


def test_a_missing_audience_neither_crashes_nor_counts() -> None:
    plan = plan_of({"aware": ("parents",)}, ghost=Influencer(name="G", influences=("nobody",)))
    assert [("ghost", 0.0, ())] == [(r.id, r.score, r.reaches) for r in rank(plan)]


def test_a_plan_without_audiences_ranks_everyone_at_zero() -> None:
    plan = Plan(name="x", influencers={"a": Influencer(name="A"), "b": Influencer(name="B")})
    assert [("a", 0.0), ("b", 0.0)] == [(r.id, r.score) for r in rank(plan)]


def test_targets_count_objectives_not_mentions_and_ignore_unknown_audiences() -> None:
    plan = plan_of({"one": ("press", "press", "ghost"), "two": ("teachers", "press")})
    assert {"teachers": 1, "press": 2} == targets(plan)


def test_the_cartoon_example_engages_its_animators_first() -> None:
    # parents and educators are each aimed at by 8 objectives, the trade by 3
    ranking = rank(socialplan.load("examples/cartoon/plan.toml"))
    assert [("animation_team", 16 / 19), ("chiquis_tv", 11 / 19)] == [
        (r.id, r.score) for r in ranking[:2]
    ]


@FAST
@given(loadable_plans())
def test_the_ranking_holds_every_influencer_once_best_first(plan: Plan) -> None:
    ranking = rank(plan)
    scores = [r.score for r in ranking]
    assert (sorted(plan.influencers), sorted(scores, reverse=True), True) == (
        sorted(ids(ranking)),
        scores,
        all(0 <= s <= 1 for s in scores),
    )


@FAST
@given(loadable_plans())
def test_with_equal_weights_the_score_is_bipartite_degree_centrality(plan: Plan) -> None:
    # no objective names an audience, so every audience weighs 1
    plan = plan.evolve(objectives={k: Objective(title=o.title) for k, o in plan.objectives.items()})
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(f"i:{key}" for key in plan.influencers)
    graph.add_nodes_from(f"a:{key}" for key in plan.audiences)
    graph.add_edges_from(
        (f"i:{key}", f"a:{audience}")
        for key, influencer in plan.influencers.items()
        for audience in influencer.influences
    )
    tops = {f"i:{key}" for key in plan.influencers}
    expected = (
        nx.bipartite.degree_centrality(graph, tops)
        if plan.audiences and plan.influencers
        else dict.fromkeys(tops, 0.0)
    )
    assert pytest.approx({k: v for k, v in expected.items() if k in tops}) == {
        f"i:{r.id}": r.score for r in rank(plan)
    }


@FAST
@given(loadable_plans())
def test_the_ranking_is_the_same_every_time(plan: Plan) -> None:
    assert rank(plan) == rank(socialplan.loads(socialplan.dumps(plan)))


@FAST
@given(loadable_plans())
def test_the_score_is_the_weighted_out_degree_in_the_influence_graph(plan: Plan) -> None:
    from socialplan import graphs

    graph = graphs.influence(plan)
    total = sum(targets(plan).values())
    expected = {
        key: graph.out_degree(f"influencer:{key}", weight="weight") / total if total else 0.0
        for key in plan.influencers
    }
    assert pytest.approx(expected) == {r.id: r.score for r in rank(plan)}
