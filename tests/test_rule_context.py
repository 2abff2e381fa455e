"""What a rule sees through its Context is shared by every rule, and no rule can change it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from helpers import plan_of
from socialplan import Plan
from socialplan.rules import RULES, Context, Finding, rule
from socialplan.testing import loadable_plans, plans

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Sorted before every SP code: the engine runs it before all the built-in rules.
READER = "AAREAD1"
#: Ids no plan of socialplan.testing has: read from every index, with those each plan has.
MISSING = ["teachers", "nobody", ""]
KINDS = [
    "business_goals",
    "objectives",
    "stakeholder_input",
    "audiences",
    "channels",
    "influencers",
    "roles",
    "metrics",
    "resources",
    "pillars",
]


#: Every way a plugin author might try to change a value in place: a method and its arguments.
MUTATIONS: list[tuple[str, tuple[object, ...]]] = [
    ("append", ("x",)),
    ("extend", (["x"],)),
    ("add", ("x",)),
    ("update", ({"x": ["x"]},)),
    ("setdefault", ("x", ["x"])),
    ("pop", ()),
    ("popitem", ()),
    ("clear", ()),
    ("__setitem__", ("x", ["x"])),
    ("__delitem__", ("x",)),
    ("__ior__", ({"x"},)),
]


def read_everything(context: Context) -> Iterator[Finding]:
    """A plugin's rule that only reads, as its author would, and tries what it should not."""
    plan = context.plan
    keys = [*MISSING, *plan.objectives, *plan.audiences, *plan.channels]
    shared: list[object] = []
    for index in (
        context.metrics_by_objective,
        context.channels_by_audience,
        context.calendar_by_channel,
    ):
        shared.append(index)
        for key in keys:
            shared.append(index[key])
            shared.append(index.get(key))
    shared.append(context.pillars)
    shared.append(context.written_metrics)
    shared += [context.ids(kind) for kind in KINDS]
    refused = 0
    for value in shared:
        for method, arguments in MUTATIONS:
            try:
                getattr(value, method)(*arguments)
            except (TypeError, AttributeError):
                refused += 1
            else:
                yield Finding("plan", f"{type(value).__name__} changed by {method}")
    for name in (
        "plan",
        "metrics_by_objective",
        "channels_by_audience",
        "pillars",
        "written_metrics",
    ):
        try:
            setattr(context, name, {})
        except AttributeError:
            refused += 1
        else:
            yield Finding("plan", f"context.{name} replaced")
    list(context.references())
    list(context.unresolved())
    assert refused


@pytest.fixture
def reader() -> Iterator[None]:
    rule(READER, "reads-everything", "info", summary="s", why="w", fix="f")(read_everything)
    yield
    del RULES[READER]


def found(plan: Plan) -> list[tuple[str, str, str, str | None]]:
    return [(d.code, d.path, d.message, d.hint) for d in socialplan.validate(plan)]


PLAN = plan_of(
    '[audiences.teachers]\nname = "Teachers"\n'
    '[objectives.aware]\ntitle = "Be known"\n'
    '[channels.fb]\nplatform = "facebook"\n'
)


def test_the_plan_without_a_reading_plugin_has_an_unreached_audience() -> None:
    assert "SP301" in [code for code, *_ in found(PLAN)]


@pytest.mark.usefixtures("reader")
def test_a_plugin_that_reads_a_missing_audience_does_not_silence_sp301() -> None:
    assert [("SP301", "audiences.teachers")] == [
        (code, path) for code, path, *_ in found(PLAN) if code == "SP301"
    ]


@FAST
@given(st.one_of(loadable_plans(), plans()))
def test_a_plugin_that_reads_every_index_changes_no_other_rules_findings(plan: Plan) -> None:
    alone = found(plan)
    rule(READER, "reads-everything", "info", summary="s", why="w", fix="f")(read_everything)
    try:
        beside = found(plan)
    finally:
        del RULES[READER]
    assert alone == [each for each in beside if each[0] != READER]


@pytest.mark.usefixtures("reader")
def test_a_plugin_cannot_change_the_indexes_it_reads() -> None:
    assert [] == [d.message for d in socialplan.validate(PLAN, select=[READER])]
