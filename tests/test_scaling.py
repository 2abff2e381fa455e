"""No rule, no load step and no did-you-mean suggestion does more than linear work (issue #8).

Work is counted, not timed, so the check is deterministic: every event Python's
tracer sees (a call, a line, a return) while the code runs. Strings inside C
code are invisible to a tracer, so the validation tests run on plans whose
strings are a ``str`` subclass that compares, hashes and orders in Python:
``key in some_tuple`` or ``set(channel.audiences)`` inside a loop shows up as
work too. On a generated plan four times as large, the work must be at most
about four times as much; a quadratic step makes it sixteen.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from types import FrameType
from typing import Any

import attrs
import pytest

import socialplan
from socialplan._generate import broken_plan_data, plan_data
from socialplan.observations import from_records
from socialplan.rules import RULES, Context, Finding, all_rules, rule

#: The sizes compared: the number of metrics of the smaller and of the larger plan.
SMALL, LARGE = 200, 800
#: How much more work the larger plan may take: 4 for linear work, and a margin.
LIMIT = 4.5
#: Work that does not grow with the plan (a lazy import, a cache filled once) and noise.
SLACK = 500

PLANS: dict[str, Callable[[int], dict[str, Any]]] = {
    "aligned": plan_data,
    "broken": broken_plan_data,  # one reference in ten is a near miss: did-you-mean at work
}


class Counted(str):
    """A string whose comparisons and hash are Python methods, so that the tracer sees them."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return str.__eq__(self, other)  # type: ignore[no-any-return]

    def __ne__(self, other: object) -> bool:
        return str.__ne__(self, other)  # type: ignore[no-any-return]

    def __lt__(self, other: str) -> bool:
        return str.__lt__(self, other)

    def __hash__(self) -> int:
        return str.__hash__(self)


def counted(node: Any) -> Any:
    """*node* (a plan, a part of one, or plain data) with every string made :class:`Counted`."""
    if type(node) is str:  # not an enum member, which is a str too
        return Counted(node)
    if isinstance(node, tuple | list):
        return type(node)(counted(value) for value in node)
    if isinstance(node, Mapping):
        return {counted(key): counted(value) for key, value in node.items()}
    if attrs.has(type(node)):
        fields = attrs.fields(type(node))
        return attrs.evolve(node, **{f.alias: counted(getattr(node, f.name)) for f in fields})
    return node


def work(run: Callable[[], object]) -> int:
    """How many events the tracer sees while *run* runs (after a first run that warms up)."""
    run()  # lazy imports, cached converters: work done once, whatever the size
    events = 0

    def tracer(_frame: FrameType, _event: str, _arg: object) -> Any:
        nonlocal events
        events += 1
        return tracer

    before = sys.gettrace()
    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(before)
    return events


def assert_linear(what: str, measure: Callable[[int], int]) -> None:
    """Fail, naming *what*, if ``measure(4 * n)`` is more than about four times ``measure(n)``."""
    small, large = measure(SMALL), measure(LARGE)
    ratio = large / small if small else float("inf") if large else 1.0
    assert large <= LIMIT * small + SLACK, (
        f"{what} is super-linear: {small} events at {SMALL} metrics, {large} at {LARGE} "
        f"({ratio:.1f} times the work for {LARGE // SMALL} times the plan)"
    )


@functools.cache
def data(kind: str, items: int) -> dict[str, Any]:
    return PLANS[kind](items)


@functools.cache
def plan(kind: str, items: int) -> socialplan.Plan:
    return counted(socialplan.from_data(data(kind, items)))  # type: ignore[no-any-return]


def validation_work(kind: str, items: int, code: str) -> int:
    """The work of rule *code* alone: validating with it, less validating with no rule."""
    chosen = plan(kind, items)
    alone = work(lambda: socialplan.validate(chosen, select=[code]))
    return alone - work(lambda: socialplan.validate(chosen, select=[]))


@pytest.mark.parametrize("kind", PLANS)
# The load errors (SP0) have pages in the catalog, but no check to run: they cannot be selected.
@pytest.mark.parametrize("code", [each.code for each in all_rules() if each.group != "SP0"])
def test_rule_work_grows_linearly(code: str, kind: str) -> None:
    assert_linear(f"rule {code} ({kind} plan)", lambda items: validation_work(kind, items, code))


def test_the_generated_plans_give_the_rules_work() -> None:
    aligned, broken = plan("aligned", SMALL), plan("broken", SMALL)
    # The aligned plan is clean; in the broken one, one in ten of the 200 metrics, the 100
    # calendar entries and the 10 influencers names a missing id.
    expected = (0, 20 + 10 + 1)
    actual = (len(socialplan.validate(aligned)), len(socialplan.validate(broken, select=["SP101"])))
    assert expected == actual


def test_broken_references_get_their_suggestions() -> None:
    report = socialplan.validate(plan("broken", LARGE), select=["SP101"])
    expected = {"metric-00009": 'did you mean "objective-00000"?'}
    actual = {
        d.path.split(".")[1]: d.hint for d in report if d.path.startswith("metrics.metric-00009.")
    }
    assert expected == actual


@pytest.mark.parametrize("kind", PLANS)
@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_loading_work_grows_linearly(fmt: socialplan.Format, kind: str) -> None:
    def text(items: int) -> str:
        if fmt == "json":
            return json.dumps(data(kind, items))
        return socialplan.dumps(socialplan.from_data(data(kind, items)), "toml")

    def measure(items: int) -> int:
        source = text(items)
        return work(lambda: socialplan.loads(source, fmt))

    assert_linear(f"loading {fmt} ({kind} plan)", measure)


def test_checking_observations_grows_linearly() -> None:
    """One observation per metric, one in ten of a near-miss metric: a suggestion each."""

    def records(items: int) -> list[dict[str, object]]:
        metrics = list(plan("aligned", items).metrics)
        named = [m + "x" if i % 10 == 9 else m for i, m in enumerate(metrics)]
        return [{"metric": m, "date": dt.date(2027, 3, 1), "value": 1} for m in named]

    def measure(items: int) -> int:
        given, chosen = counted(records(items)), plan("aligned", items)

        def check() -> None:
            with pytest.raises(socialplan.LoadError):
                from_records(given, chosen)

        return work(check)

    assert_linear("checking observations against a plan", measure)


@contextlib.contextmanager
def registered(code: str, check: Callable[[Context], Iterator[Finding]]) -> Iterator[None]:
    """*check* as rule *code* of the catalog while the block runs."""
    rule(code, "quadratic", "info", summary="A test rule.", why="Tests.", fix="None.")(check)
    try:
        yield
    finally:
        RULES.pop(code)


def quadratic_in_python(context: Context) -> Iterator[Finding]:
    """Compares every objective with every other one, in Python."""
    objectives = context.plan.objectives
    for key in objectives:
        if sum(1 for other in objectives if other < key) < 0:
            yield Finding(f"objectives.{key}", "never")


def quadratic_in_c(context: Context) -> Iterator[Finding]:
    """Looks each objective up in a tuple of them all: a scan that runs in C."""
    keys = tuple(context.plan.objectives)
    for key in keys:
        if key + "x" in keys:
            yield Finding(f"objectives.{key}", "never")


@pytest.mark.parametrize("check", [quadratic_in_python, quadratic_in_c])
def test_a_quadratic_rule_fails_the_check(check: Callable[[Context], Iterator[Finding]]) -> None:
    with registered("ZZ901", check), pytest.raises(AssertionError, match="rule ZZ901 "):
        assert_linear("rule ZZ901 (aligned plan)", lambda n: validation_work("aligned", n, "ZZ901"))


def test_a_linear_rule_passes_the_check() -> None:
    def linear(context: Context) -> Iterator[Finding]:
        keys = set(context.plan.metrics)
        for key in context.plan.metrics:
            if key + "x" in keys:
                yield Finding(f"metrics.{key}", "never")

    with registered("ZZ902", linear):
        assert_linear("rule ZZ902 (aligned plan)", lambda n: validation_work("aligned", n, "ZZ902"))
