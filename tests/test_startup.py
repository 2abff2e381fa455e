"""What `socialplan check` does without a heavy import, it does as the heavy import did.

Rule plugins are found without importlib.metadata unless a distribution may declare one;
where that cannot be told cheaply (a zip on the path), importlib.metadata is asked. Graphs
with no cycle, and methodologies listed in an order that respects their needs, are answered
without networkx; these tests hold those answers to networkx's own.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from socialplan._core.graph import cycles
from socialplan.rules import RULES
from socialplan.rules._registry import _load_plugins
from socialplan.steps import Methodology, MethodologyError, Step

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

IDS = ["a", "b", "c", "d", "e", "f", "g"]


edges = st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(IDS)), max_size=12)


@FAST
@given(edges)
def test_a_graph_has_cycles_exactly_when_networkx_finds_one(pairs: list[tuple[str, str]]) -> None:
    graph = nx.DiGraph(pairs)
    assert nx.is_directed_acyclic_graph(graph) == (list(cycles(pairs)) == [])


@st.composite
def methodologies(draw: st.DrawFn) -> Methodology:
    """A DAG of steps (each needs only steps ranked before it), listed in any order."""
    ranked = draw(st.permutations(IDS))
    steps = [
        Step(
            id=step, title=step.upper(), needs=tuple(sorted(draw(st.sets(st.sampled_from(before)))))
        )
        if (before := ranked[:i])
        else Step(id=step, title=step.upper())
        for i, step in enumerate(ranked)
    ]
    listed = draw(st.permutations(steps))
    return Methodology(name="drawn", title="Drawn", steps=tuple(listed))


@FAST
@given(methodologies())
def test_the_order_of_steps_is_networkx_lexicographic_topological_order(
    methodology: Methodology,
) -> None:
    graph = methodology.graph()
    position = {step.id: i for i, step in enumerate(methodology.steps)}
    expected = list(nx.lexicographical_topological_sort(graph, key=position.__getitem__))
    actual = socialplan.progress(socialplan.Plan(name="x"), methodology).order()
    assert expected == actual


def test_a_methodology_listed_in_order_still_reports_an_unknown_check() -> None:
    steps = (Step(id="a", title="A", check="no-such-check"),)
    odd = Methodology(name="odd", title="Odd", steps=steps)
    with pytest.raises(MethodologyError, match="no-such-check"):
        socialplan.progress(socialplan.Plan(name="x"), odd)


def test_a_methodology_that_goes_round_still_has_no_order() -> None:
    steps = (Step(id="a", title="A", needs=("b",)), Step(id="b", title="B", needs=("a",)))
    circle = Methodology(name="circle", title="Circle", steps=steps)
    with pytest.raises(MethodologyError, match="a → b → a"):
        socialplan.progress(socialplan.Plan(name="x"), circle)


PLUGIN = """
from socialplan.rules import Finding, rule


@rule("ZIPS101", "zipped", "info", summary="s", why="w", fix="f")
def zipped(context):
    yield Finding("plan.name", "found by a plugin installed as a zip")
"""


@pytest.fixture
def zipped_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A distribution inside a zip on sys.path that declares a socialplan.rules entry point."""
    archive = tmp_path / "zipped_rules.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_rules.py", PLUGIN)
        info = "zipped_rules-1.0.dist-info"
        zipped.writestr(f"{info}/METADATA", "Metadata-Version: 2.1\nName: zipped-rules\n")
        zipped.writestr(f"{info}/entry_points.txt", "[socialplan.rules]\nzipped = zipped_rules\n")
    monkeypatch.syspath_prepend(str(archive))
    _load_plugins.cache_clear()
    yield
    RULES.pop("ZIPS101", None)
    sys.modules.pop("zipped_rules", None)
    _load_plugins.cache_clear()


@pytest.mark.usefixtures("zipped_plugin")
def test_a_rule_installed_in_a_zip_on_the_path_runs() -> None:
    report = socialplan.validate(socialplan.Plan(name="x"), select=["ZIPS"])
    assert [("ZIPS101", "plan.name")] == [(d.code, d.path) for d in report]
