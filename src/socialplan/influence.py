"""Whom to engage first: the influencers ranked by how much of the target audiences they reach.

The influence map (step 3) is a bipartite graph, influencer → audience
(:func:`socialplan.graphs.influence`). An influencer is worth engaging for the
audiences the plan is after, so the ranking counts only the **target
audiences**: those the objectives aim at (``Objective.audiences``), or every
audience when no objective names one. An audience aimed at by three objectives
counts three times as much as one aimed at by one.

The measure is **weighted degree centrality** on that graph: an influencer's
score is the weight of the target audiences it reaches over the weight of all
target audiences, from 0 (reaches none) to 1 (reaches them all). When every
target audience weighs the same, it is exactly networkx's
``bipartite.degree_centrality`` of the influencer in the influencer → target
audience graph. Path-based measures (PageRank, Katz, eigenvector, HITS) add
nothing here, as influencers sway audiences and not each other, and they would
reward reaching audiences that many others already reach. It takes one pass
over the plan, which it reads itself rather than building the graph.

Ties are broken by followers (more first; unknown last), then by id.
"""

from __future__ import annotations

import attrs

from ._model import Plan

__all__ = ["Ranked", "rank", "targets"]


@attrs.frozen(kw_only=True)
class Ranked:
    """One influencer's place in the ranking.

    *score* is the share of the target audiences' weight it reaches (0 to 1);
    *reaches*, the target audiences it influences, in the order it lists them.
    """

    id: str
    name: str
    score: float
    reaches: tuple[str, ...] = ()
    followers: int | None = None
    kind: str | None = None


def targets(plan: Plan) -> dict[str, int]:
    """The target audiences and their weights: how many objectives aim at each.

    In the plan's order of audiences; every audience, weighing 1, when no
    objective names an audience of the plan.

    >>> import socialplan
    >>> plan = socialplan.load("examples/cartoon/plan.toml")
    >>> targets(plan)
    {'parents': 8, 'educators': 8, 'trade': 3}
    """
    weights = dict.fromkeys(plan.audiences, 0)
    for objective in plan.objectives.values():
        for audience in set(objective.audiences) & weights.keys():
            weights[audience] += 1
    if not any(weights.values()):
        return dict.fromkeys(plan.audiences, 1)
    return {audience: weight for audience, weight in weights.items() if weight}


def rank(plan: Plan) -> tuple[Ranked, ...]:
    """The plan's influencers, best first, by how much of the target audiences they reach.

    See the module's documentation for the measure and the tie-break.

    >>> from socialplan import Audience, Influencer, Objective, Plan
    >>> plan = Plan(
    ...     name="Demo",
    ...     audiences={"parents": Audience(name="Parents"), "teachers": Audience(name="Teachers"),
    ...                "press": Audience(name="Press")},
    ...     objectives={"aware": Objective(title="Be known", audiences=("parents", "teachers"))},
    ...     influencers={
    ...         "blog": Influencer(name="A blog", influences=("press",), followers=90_000),
    ...         "mum": Influencer(name="A mum", influences=("parents", "teachers", "press")),
    ...         "school": Influencer(name="A school", influences=("teachers",))})
    >>> [(r.id, r.score, r.reaches) for r in rank(plan)]
    [('mum', 1.0, ('parents', 'teachers')), ('school', 0.5, ('teachers',)), ('blog', 0.0, ())]
    """
    weights = targets(plan)
    total = sum(weights.values())
    # An influencer's weighted out-degree in graphs.influence(plan): the weight of each
    # audience it sways, once (an audience the plan lacks, or does not aim at, weighs 0).
    degree = {
        key: sum(weights.get(audience, 0) for audience in dict.fromkeys(influencer.influences))
        for key, influencer in plan.influencers.items()
    }
    ranked = [
        Ranked(
            id=key,
            name=influencer.name,
            score=degree[key] / total if total else 0.0,
            reaches=tuple(a for a in dict.fromkeys(influencer.influences) if a in weights),
            followers=influencer.followers,
            kind=influencer.kind,
        )
        for key, influencer in plan.influencers.items()
    ]
    followers = {r.id: -1 if r.followers is None else r.followers for r in ranked}
    ranked.sort(key=lambda r: (-degree[r.id], -followers[r.id], r.id))
    return tuple(ranked)
