"""Graph helpers the rules share (networkx is imported only when a graph is needed)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

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
    import networkx as nx

    graph: nx.DiGraph[str] = nx.DiGraph(list(edges))
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
