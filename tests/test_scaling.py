"""No rule, no load step, no did-you-mean suggestion and no command's own work is more than
linear (issues #8 and #15): scoring, the report, the graphs, the trace, diff, status, maturity,
the exports, reading observations, and locating the findings of ``check`` in the plan's text.

Work is counted, not timed, so the check is deterministic: every event Python's
tracer sees (a call, a line, a return) while the code runs. Strings inside C
code are invisible to a tracer, so the validation tests run on plans whose
strings are a ``str`` subclass that compares, hashes and orders in Python:
``key in some_tuple`` or ``set(channel.audiences)`` inside a loop shows up as
work too. On a generated plan four times as large, the work must be at most
about four times as much; a quadratic step makes it sixteen.

What a tracer cannot see is a scan inside one C call: ``text.count("\\n", 0, at)`` or a
regular expression searched from the start of the text, once per finding, costs one event
whatever the text's length. The benchmark (``benchmarks/bench.py``) times those paths too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from types import FrameType
from typing import Any, cast

import attrs
import pytest

import socialplan
from socialplan import graphs
from socialplan._generate import (
    COUNTED,
    broken_plan_data,
    misaligned_plan_data,
    observation_records,
    plan_data,
)
from socialplan.observations import Observation, from_records
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
    "misaligned": misaligned_plan_data,  # a metric in four off its audiences: many findings
    # Four channels whatever the size: each reaches more audiences as the plan grows, as the
    # 40 channels of a plan of 100,000 metrics do (up to 1,000 metrics, channels grow too).
    "few-channels": functools.partial(plan_data, channels=4),
}
#: The observations of each metric that the scoring tests measure.
PER_METRIC = 10
#: The plans the commands are measured on: many findings, and channels that reach many.
COMMANDS_ON = ["misaligned", "few-channels"]


class Counted(str):
    """A string whose comparisons and hash are Python methods, so that the tracer sees them."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return str.__ne__(self, other)

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
    return cast(socialplan.Plan, counted(socialplan.from_data(data(kind, items))))


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


#: A part of every kind that the generated plans keep few of (eight roles, two scenarios, one
#: report and one stakeholder input up to 800 metrics), for every ten metrics here.
def _many_parts(items: int) -> dict[str, Any]:
    return plan_data(items, counts=dict.fromkeys(COUNTED, items // 10))


@functools.cache
def _many_parts_plan(items: int) -> socialplan.Plan:
    return cast(socialplan.Plan, counted(socialplan.from_data(_many_parts(items))))


@pytest.mark.parametrize("code", [each.code for each in all_rules() if each.group != "SP0"])
def test_rule_work_grows_linearly_with_the_parts_kept_few(code: str) -> None:
    """The roles, scenarios, reports and stakeholder inputs grow with the plan here, so that
    a rule asking of each role what the plan relies on it for (SP412 once read every
    channel and route for each) or comparing each scenario with the others shows it."""

    def parts_work(items: int) -> int:
        chosen = _many_parts_plan(items)
        alone = work(lambda: socialplan.validate(chosen, select=[code]))
        return alone - work(lambda: socialplan.validate(chosen, select=[]))

    assert_linear(f"rule {code} (a role, scenario, report and input for every ten metrics)",
                  parts_work)  # fmt: skip


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


# ---------------------------------------------------------------------------
# What the commands do with a plan once it is loaded (issue #15).
# ---------------------------------------------------------------------------


@functools.cache
def observed(kind: str, items: int) -> tuple[Observation, ...]:
    """:data:`PER_METRIC` observations of every metric of the plan, their strings counted."""
    records = observation_records(data(kind, items), PER_METRIC)
    return cast(tuple[Observation, ...], counted(from_records(records, plan(kind, items))))


@functools.cache
def scored(kind: str, items: int) -> socialplan.Scorecard:
    return socialplan.score(plan(kind, items), observed(kind, items))


@pytest.mark.parametrize("kind", COMMANDS_ON)
def test_scoring_work_grows_linearly(kind: str) -> None:
    def measure(items: int) -> int:
        chosen, seen = plan(kind, items), observed(kind, items)
        return work(lambda: socialplan.score(chosen, seen))

    assert_linear(f"scoring {PER_METRIC} observations of each metric ({kind} plan)", measure)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_writing_the_scorecard_grows_linearly(fmt: Any) -> None:
    from socialplan.render import scorecard

    def measure(items: int) -> int:
        card = scored("misaligned", items)
        return work(lambda: scorecard(card, format=fmt))

    assert_linear(f"writing the scorecard as {fmt}", measure)


@pytest.mark.parametrize("kind", COMMANDS_ON)
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_report_work_grows_linearly(fmt: Any, kind: str) -> None:
    """The whole report of a plan and its scorecard, findings and diagrams included."""

    def measure(items: int) -> int:
        chosen, card = plan(kind, items), scored(kind, items)
        return work(lambda: socialplan.render.report(chosen, format=fmt, scorecard=card))

    assert_linear(f"the {fmt} report with a scorecard ({kind} plan)", measure)


def drawing(chosen: socialplan.Plan, what: str, fmt: str) -> str:
    """The text ``socialplan graph --what WHAT --format FMT`` writes for *chosen*."""
    from socialplan import steps
    from socialplan.render._svg import to_svg

    if what == "steps":
        current = steps.progress(chosen)
        if fmt == "mermaid":
            return steps.to_mermaid(current)
        if fmt == "dot":
            return steps.to_dot(current)
        if fmt == "gantt":
            return steps.to_gantt(current, chosen.start)
    graph = graphs.build(chosen, what)
    if fmt == "mermaid":
        return graphs.to_mermaid(graph)
    if fmt == "dot":
        return graphs.to_dot(graph)
    return to_svg(graph, title=what)


@pytest.mark.parametrize(
    ("what", "fmt"),
    [(w, f) for w in graphs.WHAT for f in ("mermaid", "dot", "svg")] + [("steps", "gantt")],
)
@pytest.mark.parametrize("kind", COMMANDS_ON)
def test_graph_work_grows_linearly(what: str, fmt: str, kind: str) -> None:
    def measure(items: int) -> int:
        chosen = plan(kind, items)
        return work(lambda: drawing(chosen, what, fmt))

    assert_linear(f"graph --what {what} --format {fmt} ({kind} plan)", measure)


@pytest.mark.parametrize("kind", COMMANDS_ON)
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_trace_work_grows_linearly(fmt: str, kind: str) -> None:
    write: dict[str, Callable[[socialplan.Trace], object]] = {
        "text": socialplan.Trace.to_text,
        "markdown": socialplan.Trace._repr_markdown_,
        "json": lambda matrix: json.dumps(matrix.to_dict()),
    }

    def measure(items: int) -> int:
        chosen = plan(kind, items)
        return work(lambda: write[fmt](socialplan.trace(chosen)))

    assert_linear(f"trace --format {fmt} ({kind} plan)", measure)


@functools.cache
def reworded(items: int) -> socialplan.Plan:
    """The aligned plan with other words, numbers and dates: a change in most of its parts."""
    return cast(socialplan.Plan, counted(socialplan.from_data(plan_data(items, seed=1))))


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_diff_work_grows_linearly(fmt: str) -> None:
    def measure(items: int) -> int:
        old, new = plan("aligned", items), reworded(items)

        def compare() -> object:
            changes = socialplan.diff(old, new)
            return changes.to_text() if fmt == "text" else json.dumps(changes.to_dict())

        return work(compare)

    assert_linear(f"diff --format {fmt} of two versions of a plan", measure)


@pytest.mark.parametrize("kind", COMMANDS_ON)
def test_status_and_maturity_work_grow_linearly(kind: str) -> None:
    def measure(items: int) -> int:
        chosen = plan(kind, items)

        def assess() -> object:
            current = socialplan.progress(chosen)
            return current.to_records(), current.next(), socialplan.maturity(chosen)

        return work(assess)

    assert_linear(f"status and maturity ({kind} plan)", measure)


@pytest.mark.parametrize("to", ["csv", "ics"])
def test_exporting_the_calendar_grows_linearly(to: str) -> None:
    from socialplan import export

    write = export.to_csv if to == "csv" else export.to_ics

    def measure(items: int) -> int:
        chosen = plan("aligned", items)
        return work(lambda: write(chosen))

    assert_linear(f"export --to {to}", measure)


def observations_text(
    items: int, fmt: socialplan.observations.ObservationFormat, *, broken: bool
) -> str:
    """The observations of the aligned plan as *fmt* text; *broken*: one in ten misnamed."""
    import socialplan.observations as obs

    records = observation_records(data("aligned", items), 2)
    found = from_records(records, socialplan.from_data(data("aligned", items)))
    if broken:
        found = tuple(
            attrs.evolve(o, metric=o.metric + "x") if i % 10 == 9 else o
            for i, o in enumerate(found)
        )
    return obs.dumps(found, fmt)


@pytest.mark.parametrize("broken", [False, True], ids=["clean", "misnamed"])
@pytest.mark.parametrize("fmt", ["csv", "json", "toml"])
def test_reading_observations_grows_linearly(
    fmt: socialplan.observations.ObservationFormat, broken: bool
) -> None:
    """Reading an observations file, and with one metric in ten misnamed, locating each error."""
    import socialplan.observations as obs

    def measure(items: int) -> int:
        text, chosen = observations_text(items, fmt, broken=broken), plan("aligned", items)

        def read() -> None:
            if not broken:
                obs.loads(text, chosen, fmt, file=f"observations.{fmt}")
                return
            with pytest.raises(socialplan.LoadError):
                obs.loads(text, chosen, fmt, file=f"observations.{fmt}")

        return work(read)

    assert_linear(f"reading {'misnamed ' if broken else ''}observations from {fmt}", measure)


@pytest.mark.parametrize("clean", [True, False], ids=["clean", "two-marks"])
def test_reading_a_platform_export_grows_linearly(clean: bool) -> None:
    """An analytics export of a row a day, with numbers whose mark is ambiguous ("1,204"), and
    one that also proves both decimal marks (every such cell located)."""
    from socialplan.observations.exports import read_export

    def measure(items: int) -> int:
        rows = "".join(
            f'2026-08-{i % 28 + 1:02d},"1,{i % 1000:03d}",3,{"4" if clean else "4.5"},5\n'
            for i in range(items)
        )
        tail = "" if clean else '2026-08-01,1,2,"3,5",4\n'
        data = ("Date,Video Views,Profile Views,Likes,Comments\n" + rows + tail).encode()

        def read() -> None:
            if clean:
                read_export(data, name="Overview.csv")
                return
            with pytest.raises(socialplan.LoadError):
                read_export(data, name="Overview.csv")

        return work(read)

    assert_linear(f"reading a {'clean' if clean else 'two-mark'} export", measure)


def test_locating_the_findings_of_check_grows_linearly() -> None:
    """`socialplan check` finds the line of each finding in the plan's text: a quarter of the
    metrics off their audiences, each an SP706 warning to place in the TOML file."""

    def measure(items: int) -> int:
        loaded = socialplan.from_data(data("misaligned", items))
        text, found = socialplan.dumps(loaded, "toml"), socialplan.validate(loaded)
        assert items // 4 == len(found)
        return work(lambda: found.located(text, "toml", "plan.toml"))

    assert_linear("locating the findings of a TOML plan", measure)


def colliding(items: int) -> Any:
    """A graph of *items* roles whose ids differ only in ``-`` against ``_``: one Mermaid id."""
    import networkx as nx

    graph: Any = nx.DiGraph(name="routing")
    width = max(1, (items - 1).bit_length())
    for number in range(items):
        ident = "r" + "".join("-_"[number >> bit & 1] for bit in range(width))
        graph.add_node(f"role:{ident}", kind="role", label=ident, id=ident)
    return graph


def test_mermaid_ids_of_keys_alike_grow_linearly() -> None:
    """Keys that come out alike in Mermaid's letters get numbers: finding one is not a search."""
    assert_linear(
        "Mermaid ids of keys alike",
        lambda items: work(functools.partial(graphs.to_mermaid, colliding(items))),
    )


def collections_while(run: Callable[[], object]) -> list[int]:
    """The generation of each collection that starts while socialplan's code runs *run*.

    A collection that starts in ``socialplan._core.gc`` is the one the allocations made while
    the collector was paused set off as it is restored: it is not counted.
    """
    import gc

    package = os.path.dirname(socialplan.__file__) + os.sep
    found: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        frame: FrameType | None = sys._getframe(1)
        while frame is not None and not frame.f_code.co_filename.startswith(package):
            frame = frame.f_back
        if (
            phase == "start"
            and frame is not None
            and not frame.f_code.co_filename.endswith(os.path.join("_core", "gc.py"))
        ):
            found.append(info["generation"])

    gc.callbacks.append(watch)
    try:
        run()
    finally:
        gc.callbacks.remove(watch)
    return found


def builds(name: str) -> Callable[[], object]:
    """What builds a big output of the plan of 300 metrics with a finding for every fourth."""
    from socialplan.render import report, scorecard
    from socialplan.render._svg import to_svg

    chosen, card = plan("misaligned", 300), scored("misaligned", 300)
    return {
        "score": lambda: socialplan.score(chosen, observed("misaligned", 300)),
        "scorecard": lambda: scorecard(card, format="text"),
        "report": lambda: report(chosen, format="markdown"),
        "graph": lambda: graphs.alignment(chosen),
        "svg": lambda: to_svg(graphs.alignment(chosen)),
    }[name]


@pytest.mark.parametrize("name", ["score", "scorecard", "report", "graph", "svg"])
def test_big_outputs_are_built_with_the_collector_paused(name: str) -> None:
    """Building a scorecard, a report or a graph makes hundreds of thousands of objects for a
    big plan: every collection they set off would walk the plan again (scoring 100,000
    observations spent half its time collecting), as loading and validation once did.
    Mermaid and DOT are strings, which set off no collection."""
    import gc

    assert ([], True) == (collections_while(builds(name)), gc.isenabled())
