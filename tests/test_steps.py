"""The steps graph: states, what is next, orders, critical paths, views, methodologies."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pydot
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialplan
from helpers import plan_of
from socialplan.steps import (
    A_TO_S,
    FOURTEEN_STEPS,
    LISTEN_THINK_ACT_MONITOR,
    METHODOLOGIES,
    MethodologyError,
    StepState,
    to_dot,
    to_gantt,
    to_mermaid,
)
from socialplan.testing import loadable_plans

DOMAIN_ORDER = [
    "objectives",
    "stakeholder_input",
    "audiences",
    "influence_map",
    "responsibility_map",
    "channels",
    "content_strategy",
    "metrics",
    "channel_setup",
    "engagement_framework",
    "policy",
    "initial_content",
    "monitoring",
    "internal_networks",
    "launch",
]


def test_the_default_methodology_lists_the_domains_steps_in_its_numbering() -> None:
    assert DOMAIN_ORDER == FOURTEEN_STEPS.ids


@pytest.mark.parametrize("methodology", list(METHODOLOGIES.values()), ids=list(METHODOLOGIES))
def test_the_authors_numbering_is_a_valid_order(methodology: socialplan.steps.Methodology) -> None:
    seen: set[str] = set()
    late = []
    for step in methodology.steps:
        late += [(need, step.id) for need in step.needs if need not in seen]
        seen.add(step.id)
    assert [] == late


@pytest.mark.parametrize("methodology", list(METHODOLOGIES.values()), ids=list(METHODOLOGIES))
def test_every_built_in_methodology_is_a_dag_of_known_checks(
    methodology: socialplan.steps.Methodology,
) -> None:
    assert [] == list(methodology.problems())


# DOMAIN.md's "needs" column, written out by hand.
DOMAIN_NEEDS = {
    "objectives": set(),
    "stakeholder_input": {"objectives"},
    "audiences": {"objectives"},
    "influence_map": {"audiences"},
    "responsibility_map": {"objectives", "stakeholder_input"},
    "channels": {"audiences", "stakeholder_input"},
    "content_strategy": {"objectives", "audiences", "channels"},
    "metrics": {"objectives", "channels"},
    "channel_setup": {"channels", "content_strategy"},
    "engagement_framework": {"channels", "responsibility_map", "influence_map"},
    "policy": {"responsibility_map", "engagement_framework"},
    "initial_content": {"content_strategy", "channel_setup", "policy"},
    "monitoring": {"metrics", "initial_content"},
    "internal_networks": {"responsibility_map", "initial_content"},
    "launch": {"monitoring", "internal_networks"},
}


def test_the_graphs_edges_are_the_domains_needs() -> None:
    graph = FOURTEEN_STEPS.graph()
    assert DOMAIN_NEEDS == {step: set(graph.predecessors(step)) for step in graph}


def test_an_empty_plan_can_start_only_with_the_objectives() -> None:
    assert ["objectives"] == socialplan.progress(socialplan.Plan(name="x")).next()


def test_a_step_with_unfinished_needs_is_blocked_by_them() -> None:
    step = socialplan.progress(socialplan.Plan(name="x"))["content_strategy"]
    assert (StepState.BLOCKED, ("objectives", "audiences", "channels")) == (
        step.state,
        step.blocked_by,
    )


def test_content_alone_makes_a_step_done() -> None:
    plan = plan_of(
        '[business_goals.b]\nstatement = "s"\n[objectives.o]\ntitle = "t"\nsupports = ["b"]\n'
    )
    assert (StepState.DONE, ()) == (
        socialplan.progress(plan)["objectives"].state,
        socialplan.progress(plan)["objectives"].missing,
    )


def test_a_missing_list_says_what_content_is_lacking() -> None:
    plan = plan_of('[objectives.o]\ntitle = "t"\n')
    assert ('objective "o" supports no business goal',) == socialplan.progress(plan)[
        "objectives"
    ].missing


def test_a_record_can_mark_a_step_done_by_hand() -> None:
    plan = plan_of('[steps.objectives]\nstatus = "done"\n')
    current = socialplan.progress(plan)["objectives"]
    assert (StepState.DONE, False) == (current.state, current.complete)


def test_a_skipped_step_unblocks_the_steps_that_need_it() -> None:
    plan = plan_of('[steps.objectives]\nstatus = "skipped"\nnote = "given by head office"\n')
    current = socialplan.progress(plan)
    assert (StepState.SKIPPED, ["stakeholder_input", "audiences"]) == (
        current["objectives"].state,
        current.next(),
    )


def test_the_record_gives_owner_and_due_date() -> None:
    plan = plan_of('[roles.cm]\ntitle = "CM"\n[steps.metrics]\nowner = "cm"\ndue = 2027-03-01\n')
    step = socialplan.progress(plan)["metrics"]
    assert ("cm", dt.date(2027, 3, 1)) == (step.owner, step.due)


def _finished(state: StepState) -> bool:
    return state in (StepState.DONE, StepState.SKIPPED)


@given(loadable_plans())
def test_next_is_exactly_the_unfinished_steps_whose_needs_are_finished(
    plan: socialplan.Plan,
) -> None:
    current = socialplan.progress(plan)
    expected = [
        s.id
        for s in current
        if not _finished(s.state) and all(_finished(current[n].state) for n in s.needs)
    ]
    assert expected == current.next()


@given(loadable_plans(), st.sampled_from(list(METHODOLOGIES)))
def test_order_respects_every_need(plan: socialplan.Plan, name: str) -> None:
    order = socialplan.progress(plan, name).order()
    position = {step: index for index, step in enumerate(order)}
    graph = METHODOLOGIES[name].graph()
    assert ([], sorted(graph)) == (
        [(u, v) for u, v in graph.edges if position[u] > position[v]],
        sorted(order),
    )


def test_without_durations_the_critical_path_is_the_longest_chain() -> None:
    path = socialplan.progress(socialplan.Plan(name="x")).critical_path()
    assert len(nx.dag_longest_path(FOURTEEN_STEPS.graph())) == len(path)


def test_the_critical_path_follows_the_longest_durations() -> None:
    # stakeholder_input takes 30 days, audiences 2: the longest chain goes through the first.
    plan = plan_of(
        '[steps.stakeholder_input]\nduration = "30 days"\n[steps.audiences]\nduration = "2 days"\n'
    )
    path = socialplan.progress(plan).critical_path()
    assert ["objectives", "stakeholder_input"] == path[:2]


def test_due_dates_give_durations_when_none_are_written() -> None:
    # audiences is due 40 days after objectives, stakeholder input 5 days after:
    # the path through audiences is the longer one.
    plan = plan_of(
        "[steps.objectives]\ndue = 2027-01-01\n"
        "[steps.stakeholder_input]\ndue = 2027-01-06\n"
        "[steps.audiences]\ndue = 2027-02-10\n"
    )
    path = socialplan.progress(plan).critical_path()
    assert ["objectives", "audiences"] == path[:2]


def test_a_named_methodology_can_be_chosen() -> None:
    order = socialplan.progress(socialplan.Plan(name="x"), "listen-think-act-monitor").order()
    assert ["listen", "think", "act", "monitor"] == order


def test_a_plan_can_name_a_built_in_methodology() -> None:
    plan = plan_of('[methodology]\nname = "a-s"\n')
    assert A_TO_S.ids == [s.id for s in socialplan.progress(plan)]


def test_a_plan_can_declare_its_own_methodology() -> None:
    plan = plan_of(
        '[methodology]\nname = "agency"\n'
        '[methodology.steps.goals]\ncheck = "objectives"\n'
        '[methodology.steps.people]\nneeds = ["goals"]\ncheck = "audiences"\n'
        '[methodology.steps.kickoff]\nneeds = ["people"]\n'
    )
    current = socialplan.progress(plan)
    assert (["goals", "people", "kickoff"], ["goals"]) == (current.order(), current.next())


def test_a_declared_cycle_is_an_error_naming_its_steps() -> None:
    plan = plan_of('[methodology.steps.a]\nneeds = ["b"]\n[methodology.steps.b]\nneeds = ["a"]\n')
    with pytest.raises(MethodologyError, match="a → b → a"):
        socialplan.progress(plan)


def test_an_unknown_need_suggests_the_nearest_step() -> None:
    plan = plan_of('[methodology.steps.goals]\n[methodology.steps.launch]\nneeds = ["gaols"]\n')
    with pytest.raises(MethodologyError) as info:
        socialplan.progress(plan)
    assert ['did you mean "goals"?'] == [d.hint for d in info.value.diagnostics]


def test_an_unknown_methodology_name_suggests_a_built_in_one() -> None:
    with pytest.raises(MethodologyError, match='did you mean "listen-think-act-monitor"'):
        socialplan.progress(socialplan.Plan(name="x"), "listen-think-act-monitr")


BROKEN = (
    '[methodology.steps.goals]\ncheck = "objetives"\nneeds = ["launch"]\n'
    '[methodology.steps.launch]\nneeds = ["goals", "tastng"]\n'
)


def test_a_methodology_error_says_what_is_wrong_by_kind_and_ids() -> None:
    with pytest.raises(MethodologyError) as info:
        socialplan.progress(plan_of(BROKEN))
    assert [
        ("unknown-check", "methodology.steps.goals.check", ("goals", "objetives")),
        ("unknown-need", "methodology.steps.launch.needs[1]", ("launch", "tastng")),
        ("cycle", "methodology.steps.goals.needs", ("goals", "launch", "goals")),
    ] == [(str(p.kind), p.path, p.ids) for p in info.value.problems]


def test_an_unknown_methodology_is_a_problem_naming_it() -> None:
    with pytest.raises(MethodologyError) as info:
        socialplan.progress(socialplan.Plan(name="x"), "a-z")
    assert [("unknown-methodology", "methodology.name", ("a-z",))] == [
        (str(p.kind), p.path, p.ids) for p in info.value.problems
    ]


def test_a_methodology_error_reports_each_problem_as_its_rule_reports_it() -> None:
    plan = plan_of(BROKEN)
    with pytest.raises(MethodologyError) as info:
        socialplan.progress(plan)
    reported = socialplan.validate(plan, select=["SP80"])
    assert sorted(map(str, info.value.diagnostics)) == sorted(map(str, reported))


def test_the_methodology_rules_check_the_methodology_once_per_validation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socialplan.steps

    calls = []
    real = socialplan.steps.methodology_of

    def counted(
        plan: socialplan.Plan, *rest: socialplan.steps.Methodology | str | None
    ) -> socialplan.steps.Methodology:
        calls.append((plan, *rest))
        return real(plan, *rest)

    monkeypatch.setattr(socialplan.steps, "methodology_of", counted)
    found = socialplan.validate(plan_of(BROKEN), select=["SP801", "SP802", "SP803", "SP804"])
    assert (["SP801", "SP802", "SP803"], 1) == (sorted(found.codes()), len(calls))


def test_a_step_marked_done_before_its_needs_is_flagged() -> None:
    plan = plan_of('[steps.launch]\nstatus = "done"\n')
    codes = socialplan.validate(plan, select=["SP806"]).codes()
    assert ["SP806"] == codes


def test_unknown_step_records_follow_the_plans_methodology() -> None:
    plan = plan_of('[methodology]\nname = "listen-think-act-monitor"\n[steps.objectives]\n')
    assert ["steps.objectives"] == [d.path for d in socialplan.validate(plan, select=["SP102"])]


# The views.

TRICKY = socialplan.steps.Methodology(
    name='tricky "one"',
    title="Tricky: <b>",
    steps=(
        socialplan.steps.Step(id="a-1", title='Say "hi" <script>', check="objectives"),
        socialplan.steps.Step(id="b", title="Then; more\nlines #1", needs=("a-1",)),
    ),
)


def test_mermaid_draws_every_step_and_every_need() -> None:
    text = to_mermaid(socialplan.progress(socialplan.Plan(name="x")))
    nodes = {line.split("[")[0].strip() for line in text.splitlines() if '["' in line}
    edges = {tuple(line.strip().split(" --> ")) for line in text.splitlines() if "-->" in line}
    expected_edges = {(f"s_{u}", f"s_{v}") for u, v in FOURTEEN_STEPS.graph().edges}
    assert ({f"s_{s}" for s in DOMAIN_ORDER}, expected_edges) == (nodes, edges)


def test_mermaid_labels_carry_no_raw_quotes_or_markup() -> None:
    text = to_mermaid(socialplan.progress(socialplan.Plan(name="x"), TRICKY))
    labels = [
        line.split('["', 1)[1].rsplit('"]', 1)[0] for line in text.splitlines() if '["' in line
    ]
    assert [] == [label for label in labels if set(label) & set('"<>\n')]


# pydot's parser calls pyparsing names that pyparsing now deprecates.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dot_parses_with_pydot_and_has_every_edge() -> None:
    text = to_dot(socialplan.progress(socialplan.Plan(name="x"), TRICKY))
    (graph,) = pydot.graph_from_dot_data(text) or []
    edges = {
        (str(e.get_source()).strip('"'), str(e.get_destination()).strip('"'))
        for e in graph.get_edges()
    }
    labels = {n.get_name().strip('"'): n.get("label") for n in graph.get_nodes() if n.get("label")}
    assert ({("a-1", "b")}, '"Say \\"hi\\" <script>\\n(ready)"') == (edges, labels["a-1"])


def test_dot_renders_with_graphviz_or_parses_with_pydot() -> None:
    """Graphviz's own ``dot`` is the strictest judge; where it is not installed, pydot's parser."""
    import shutil
    import subprocess

    text = to_dot(socialplan.progress(socialplan.Plan(name="x")))
    dot = shutil.which("dot")
    if dot is not None:
        result = subprocess.run(
            [dot, "-Tsvg"], input=text, capture_output=True, text=True, check=False
        )
        assert (0, True) == (result.returncode, "<svg" in result.stdout)
    else:
        import warnings

        with warnings.catch_warnings():  # pydot calls pyparsing names it deprecates
            warnings.simplefilter("ignore", DeprecationWarning)
            graphs = pydot.graph_from_dot_data(text)
        # fifteen steps, plus the `node [...]` defaults, which pydot counts as a node
        assert (1, 16) == (len(graphs or []), len(graphs[0].get_nodes()) if graphs else 0)


def test_the_gantt_chart_ends_dated_steps_on_their_due_date() -> None:
    plan = plan_of('[steps.objectives]\ndue = 2027-02-01\nduration = "10 days"\n')
    text = to_gantt(socialplan.progress(plan))
    line = next(line for line in text.splitlines() if "s_objectives," in line)
    assert line.endswith(", s_objectives, 2027-01-22, 2027-02-01")


@pytest.mark.parametrize(("due", "duration"), [("0001-01-02", None), ("0001-06-01", "100 years")])
def test_a_step_due_near_the_first_day_starts_on_the_first_day(
    due: str, duration: str | None
) -> None:
    record = f"[steps.objectives]\ndue = {due}\n"
    plan = plan_of(record + (f'duration = "{duration}"\n' if duration else ""))
    text = to_gantt(socialplan.progress(plan))
    line = next(line for line in text.splitlines() if "s_objectives," in line)
    assert line.endswith(f", s_objectives, 0001-01-01, {due}")


def test_the_gantt_chart_needs_something_to_anchor_it() -> None:
    with pytest.raises(ValueError, match="start date or a step with a due date"):
        to_gantt(socialplan.progress(socialplan.Plan(name="x")))


def test_the_examples_progress_through_all_fourteen_steps() -> None:
    plan = socialplan.load("examples/cartoon/plan.toml")
    assert {
        "done": 15,
        "written": 0,
        "ready": 0,
        "blocked": 0,
        "skipped": 0,
    } == socialplan.progress(plan).counts()


def test_the_listen_think_act_monitor_cycle_reads_the_same_plan() -> None:
    plan = socialplan.load("examples/bakery/plan.toml")
    assert [] == [
        s.id for s in socialplan.progress(plan, LISTEN_THINK_ACT_MONITOR) if s.state != "done"
    ]
