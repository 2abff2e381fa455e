"""Graph helpers the rules share (networkx is imported only when a graph is needed)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from graphlib import CycleError, TopologicalSorter

__all__ = ["cycles"]


def cycles(edges: Iterable[tuple[str, str]]) -> Iterator[list[str]]:
    """Yield one cycle per strongly connected group of nodes, as a closed walk.

    Each cycle starts at the smallest node of its group and ends where it began.

    >>> list(cycles([("a", "b"), ("b", "a"), ("b", "c")]))
    [['a', 'b', 'a']]
    >>> list(cycles([("x", "x")]))
    [['x', 'x']]
    >>> list(cycles([("a", "b"), ("b", "c"), ("c", "b"), ("b", "a")]))
    [['a', 'b', 'a']]
    """
    edges = list(edges)
    if _acyclic(edges):
        return
    import networkx as nx

    graph: nx.DiGraph[str] = nx.DiGraph(edges)
    for component in sorted(nx.strongly_connected_components(graph), key=min):
        first = min(component)
        if graph.has_edge(first, first):
            yield [first, first]
            continue
        if len(component) == 1:
            continue
        group = graph.subgraph(component)
        after = min(group.successors(first))
        yield [first, *nx.shortest_path(group, after, first)]


def _acyclic(edges: list[tuple[str, str]]) -> bool:
    """Whether the graph has no cycle, answered without importing networkx.

    Most plans have none, and networkx costs about 140 ms to import, more than the rest of
    `socialplan check`: the standard library's sorter screens the graph, and networkx is
    loaded only to find and report the cycles it has.

    >>> _acyclic([("cm", "pr"), ("pr", "management")])
    True
    >>> _acyclic([("cm", "pr"), ("pr", "cm")])
    False
    """
    # Every node of a cycle has an edge in and an edge out; most graphs fail that at once.
    if not {source for source, _ in edges} & {target for _, target in edges}:
        return True
    sorter: TopologicalSorter[str] = TopologicalSorter()
    for source, target in edges:
        sorter.add(target, source)
    try:
        sorter.prepare()
    except CycleError:
        return False
    return True
