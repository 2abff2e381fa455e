"""Benchmark socialplan against the targets of issues #8 and #15, as ratios to baselines.

Every target is a ratio between socialplan's time (or memory) and a baseline
measured in the same run on the same machine, so that the numbers mean the
same on a laptop and on the 2-core CI machine. Times are medians of repeats,
with their spread; memory is the tracemalloc peak. Plans are generated
(``socialplan._generate``) with 100, 1,000, 10,000 and 100,000 metrics and
every other part in proportion. Target 8 times what users run on big plans:
``check`` of a plan with a finding for every fourth metric, ``score``, the
report and every graph, each against itself at a smaller size.

    python benchmarks/bench.py                 # every target, about 10 minutes
    python benchmarks/bench.py --quick         # sizes up to 10,000, fewer repeats
    python benchmarks/bench.py --json out.json --repeat 7

The table is printed as Markdown; ``--json`` writes every measurement. The
equivalent pydantic model (target 3) needs ``pip install 'pydantic>=2'``; its
row is left out without it. ``nox -s bench`` installs what is needed and runs
this script.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

import socialplan
from socialplan._generate import (
    broken_plan_data,
    misaligned_plan_data,
    observation_records,
    plan_data,
)

SIZES = (100, 1_000, 10_000, 100_000)
QUICK_SIZES = (100, 1_000, 10_000)


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------


def samples_of(
    call: Callable[[], object], repeat: int, min_time: float = 0.05, budget: float = 30.0
) -> list[float]:
    """The time of one *call* in each of *repeat* samples of at least *min_time*.

    A call faster than *min_time* is looped within a sample; garbage is
    collected before each sample, and the collector stays on while timing.
    A call slower than a second is its own warm-up: the first run counts, at
    most three are made, and none is started once *budget* seconds are spent.
    """
    gc.collect()
    start = time.perf_counter()
    call()  # warm up, and see how long one call takes
    first = time.perf_counter() - start
    if first > 1.0:
        samples = [first]
        while len(samples) < min(repeat, 3) and sum(samples) + first < budget:
            gc.collect()
            start = time.perf_counter()
            call()
            samples.append(time.perf_counter() - start)
        return samples
    loops = max(1, int(min_time / max(first, 1e-7))) if first < min_time else 1
    samples = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        for _ in range(loops):
            call()
        samples.append((time.perf_counter() - start) / loops)
    return samples


def median_time(
    call: Callable[[], object], repeat: int, min_time: float = 0.05, budget: float = 30.0
) -> float:
    """The median of :func:`samples_of`."""
    return statistics.median(samples_of(call, repeat, min_time, budget))


def spread(samples: list[float]) -> float:
    """Half the range of *samples* as a share of their median: 0.05 is "± 5 %"."""
    return (max(samples) - min(samples)) / 2 / statistics.median(samples)


def compare(
    ours: Callable[[], object],
    theirs: Callable[[], object],
    repeat: int,
    min_time: float = 0.05,
) -> tuple[float, float]:
    """The median times of one call of *ours* and of *theirs*, sampled in turn.

    Samples alternate (ours, theirs, theirs, ours…), so that whatever else the
    machine does at the time weighs on both sides of the ratio alike.
    """
    loops = []
    for call in (ours, theirs):
        gc.collect()
        start = time.perf_counter()
        call()  # warm up, and see how long one call takes
        first = time.perf_counter() - start
        loops.append(max(1, int(min_time / max(first, 1e-7))) if first < min_time else 1)
    samples: tuple[list[float], list[float]] = ([], [])
    for round_ in range(repeat):
        order = (0, 1) if round_ % 2 == 0 else (1, 0)
        for side in order:
            call = (ours, theirs)[side]
            gc.collect()
            start = time.perf_counter()
            for _ in range(loops[side]):
                call()
            samples[side].append((time.perf_counter() - start) / loops[side])
    return statistics.median(samples[0]), statistics.median(samples[1])


def peak_memory(call: Callable[[], object]) -> int:
    """The tracemalloc peak, in bytes, while *call* runs (what it returns is kept)."""
    gc.collect()
    tracemalloc.start()
    try:
        kept = call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del kept
    return peak


def process_times(commands: list[list[str]], runs: int) -> list[float]:
    """The median wall time of running each of *commands* as a whole process, in turn."""
    samples: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for command, found in zip(commands, samples, strict=True):
            start = time.perf_counter()
            subprocess.run(command, check=False, capture_output=True)
            found.append(time.perf_counter() - start)
    return [statistics.median(found) for found in samples]


# ---------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------


class Texts:
    """A generated plan of one size, as JSON and TOML text and as a plan."""

    def __init__(self, items: int) -> None:
        self.items = items
        data = plan_data(items)
        self.json = json.dumps(data, indent=2, ensure_ascii=False)
        self.plan = socialplan.loads(self.json, "json")
        self.toml = socialplan.dumps(self.plan)
        broken = json.dumps(broken_plan_data(items))
        self.broken = socialplan.loads(broken, "json")


def toml_parser() -> tuple[str, Callable[[str], Any]]:
    """The parser socialplan uses: compiled tomli when present, else tomllib."""
    try:
        import tomli

        compiled = Path(tomli.__file__).suffix != ".py"
        return ("tomli (compiled)" if compiled else "tomli (pure Python)"), tomli.loads
    except ImportError:
        import tomllib

        return "tomllib", tomllib.loads


# ---------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------


class Row:
    """One target: what was measured, its ratio to the baseline, and the goal."""

    def __init__(
        self,
        target: str,
        what: str,
        ratio: float | None,
        goal: float,
        measured: str,
        note: str = "",
    ) -> None:
        self.target = target
        self.what = what
        self.ratio = ratio
        self.goal = goal
        self.measured = measured
        self.note = note

    @property
    def passed(self) -> bool | None:
        return None if self.ratio is None else self.ratio <= self.goal

    def as_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "what": self.what,
            "ratio": None if self.ratio is None else round(self.ratio, 3),
            "goal": self.goal,
            "passed": self.passed,
            "measured": self.measured,
            "note": self.note,
        }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def mib(size: int) -> str:
    return f"{size / 2**20:,.1f} MiB"


def startup(plan: Texts, runs: int, log: Callable[[str], None]) -> tuple[Row, list[Any]]:
    """Target 1: ``socialplan check`` on a plan of *plan.items*, against ``import tomllib``."""
    folder = Path(tempfile.mkdtemp(prefix="socialplan-bench-"))
    try:
        path = folder / "plan.toml"
        path.write_text(plan.toml, encoding="utf-8")
        script = shutil.which("socialplan", path=str(Path(sys.executable).parent))
        check = [script] if script else [sys.executable, "-m", "socialplan"]
        check = [*check, "check", str(path)]
        outcome = subprocess.run(check, check=False, capture_output=True, text=True)
        if outcome.returncode != 0:
            log(f"warning: {' '.join(check)} exited with {outcome.returncode}")
        baseline = [sys.executable, "-c", "import tomllib"]
        process_times([check, baseline], 2)  # warm the file system caches
        ours, theirs = process_times([check, baseline], runs)
        imports = heaviest_imports(check)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    row = Row(
        "1",
        f"start-up: `socialplan check` ({plan.items:,} items) vs `python -c 'import tomllib'`",
        ours / theirs,
        3.0,
        f"{ms(ours)} vs {ms(theirs)}",
    )
    return row, imports


def target_9(plan: Texts, repeat: int, log: Callable[[str], None]) -> Row:
    """Target 9: the language server re-checking a plan after a keystroke, against a whole
    ``socialplan check`` process on the same plan.

    A keystroke changes one character of a title; the server then loads the buffer, runs
    every rule, places the findings and converts them to LSP diagnostics (what
    ``socialplan lsp`` does before it publishes). Both sides are sampled *repeat* times
    (at least 5), alternating, and the spread of each is reported.
    """
    try:
        from socialplan.lsp._checking import check_text
        from socialplan.lsp._features import Positions, diagnostics
    except ImportError:  # pragma: no cover - without the lsp extra
        return Row("9", "editor: needs `pip install 'socialplan[lsp]'`", None, 0.25, "")
    texts = [plan.toml.replace('title = "', f'title = "{key}', 1) for key in "ab"]
    turn = iter(range(10**9))

    def keystroke() -> object:
        text = texts[next(turn) % 2]
        checked = check_text(text, "toml", "plan.toml")
        return diagnostics(checked, Positions(text), "https://example.org/docs")

    folder = Path(tempfile.mkdtemp(prefix="socialplan-bench-"))
    try:
        path = folder / "plan.toml"
        path.write_text(plan.toml, encoding="utf-8")
        script = shutil.which("socialplan", path=str(Path(sys.executable).parent))
        check = [
            *([script] if script else [sys.executable, "-m", "socialplan"]),
            "check",
            str(path),
        ]
        process_times([check], 1)  # warm the file system caches
        runs = max(5, repeat)
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(runs):
            ours += samples_of(keystroke, 1)
            theirs += process_times([check], 1)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    mine, whole = statistics.median(ours), statistics.median(theirs)
    log(f"target 9: {ms(mine)} per keystroke, {ms(whole)} per check process")
    return Row(
        "9",
        f"editor: `socialplan lsp` re-checking a {plan.items:,}-item plan after a keystroke "
        "vs a whole `socialplan check` process on it",
        mine / whole,
        0.5,
        f"{ms(mine)} ± {spread(ours):.0%} vs {ms(whole)} ± {spread(theirs):.0%}",
    )


def heaviest_imports(command: list[str], count: int = 12) -> list[dict[str, Any]]:
    """The top-level imports of *command* that cost most, from ``python -X importtime``."""
    if command[0] != sys.executable:
        command = [sys.executable, "-m", "socialplan", *command[1:]]
    run = [command[0], "-X", "importtime", *command[1:]]
    stderr = subprocess.run(run, check=False, capture_output=True, text=True).stderr
    found: list[tuple[int, str]] = []
    for line in stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match and len(match.group(3)) <= 1:  # imported by the program, not a module
            found.append((int(match.group(2)), match.group(4)))
    found.sort(key=lambda m: -m[0])
    return [{"module": module, "cumulative_us": us} for us, module in found[:count]]


def load_targets(plan: Texts, repeat: int) -> list[Row]:
    """Targets 2, 3 and 4 on the 10,000-item plan."""
    import tomllib

    rows = []
    ours, stdlib = compare(
        lambda: socialplan.loads(plan.toml), lambda: tomllib.loads(plan.toml), repeat
    )
    name, parse = toml_parser()
    parse_only = median_time(lambda: parse(plan.toml), repeat)
    rows.append(
        Row(
            "2",
            f"TOML load of the {plan.items:,}-metric plan vs `tomllib.loads` (standard library)",
            ours / stdlib,
            0.7,
            f"{ms(ours)} vs {ms(stdlib)}",
            f"{name} alone parses it in {ms(parse_only)}",
        )
    )
    try:
        import pydantic
        from pydantic_plan import PydanticPlan
    except ImportError:
        rows.append(
            Row("3", "JSON load vs pydantic v2 `model_validate_json`", None, 1.0, "", "no pydantic")
        )
    else:
        ours, theirs = compare(
            lambda: socialplan.loads(plan.json, "json"),
            lambda: PydanticPlan.model_validate_json(plan.json),
            repeat,
        )
        rows.append(
            Row(
                "3",
                f"JSON load of the {plan.items:,}-metric plan vs an equivalent pydantic v2 "
                "model's `model_validate_json`",
                ours / theirs,
                1.0,
                f"{ms(ours)} vs {ms(theirs)}",
                f"pydantic {pydantic.VERSION}",
            )
        )
    ours, theirs = compare(
        lambda: socialplan.validate(plan.plan), lambda: json.loads(plan.json), repeat
    )
    rows.append(
        Row(
            "4",
            f"validation (every rule) of the {plan.items:,}-metric plan vs `json.loads` of it",
            ours / theirs,
            1.0,
            f"{ms(ours)} vs {ms(theirs)}",
        )
    )
    return rows


def dump_targets(plan: Texts, repeat: int) -> list[Row]:
    """Target 6: writing TOML and JSON, against the plain writers of the same data."""
    toml_data = socialplan.to_data(plan.plan, "toml")
    json_data = socialplan.to_data(plan.plan, "json")
    ours, theirs = compare(
        lambda: socialplan.dumps(plan.plan), lambda: tomli_w.dumps(toml_data), repeat
    )
    rows = [
        Row(
            "6a",
            f"TOML dump of the {plan.items:,}-metric plan vs `tomli_w.dumps` of the plain dict",
            ours / theirs,
            1.2,
            f"{ms(ours)} vs {ms(theirs)}",
        )
    ]
    ours, theirs = compare(
        lambda: socialplan.dumps(plan.plan, "json"),
        lambda: json.dumps(json_data, indent=2, ensure_ascii=False) + "\n",
        repeat,
    )
    rows.append(
        Row(
            "6b",
            f"JSON dump of the {plan.items:,}-metric plan vs `json.dumps` of the plain dict",
            ours / theirs,
            1.5,
            f"{ms(ours)} vs {ms(theirs)}",
        )
    )
    return rows


class Growing:
    """An operation timed at several plan sizes, for its time per item (targets 5 and 8).

    *make* gives, for a plan size in metrics, the call to time and how many
    items it handles (metrics, findings, observations: *unit* says which).
    It is timed at *sizes* (``None``: every size of the run) and compared
    with itself at the plan size *small*.
    """

    def __init__(
        self,
        key: str,
        what: str,
        make: Callable[[int], tuple[Callable[[], object], int]],
        *,
        unit: str = "item",
        units: str | None = None,
        sizes: tuple[int, ...] | None = None,
        small: int = 1_000,
    ) -> None:
        self.key = key
        self.what = what
        self.make = make
        self.unit = unit
        self.units = units or unit + "s"
        self.sizes = sizes
        self.small = small


def target_5(plans: dict[int, Texts]) -> list[Growing]:
    """What target 5 times at every size: loading and validating."""

    def on(call: Callable[[Texts], Callable[[], object]]) -> Callable[[int], Any]:
        return lambda items: (call(plans[items]), items)

    return [
        Growing("load_toml", "TOML load", on(lambda p: lambda: socialplan.loads(p.toml))),
        Growing("load_json", "JSON load", on(lambda p: lambda: socialplan.loads(p.json, "json"))),
        Growing("validate", "validation", on(lambda p: lambda: socialplan.validate(p.plan))),
        Growing(
            "validate_broken",
            "validation with 10 % near-miss references (did-you-mean)",
            on(lambda p: lambda: socialplan.validate(p.broken)),
        ),
    ]


#: Seconds one call may be expected to take before a growth target stops timing an
#: operation whose time per item has already grown past the goal.
GIVE_UP = 60.0


class Growth:
    """What the growth targets measured: per operation and plan size, seconds per item."""

    def __init__(self) -> None:
        self.per_item: dict[str, dict[int, float]] = {}
        self.spread: dict[str, dict[int, float]] = {}
        self.items: dict[str, dict[int, int]] = {}
        self.names: dict[str, str] = {}


def growth_targets(
    target: str,
    operations: list[Growing],
    sizes: list[int],
    repeat: int,
    log: Callable[[str], None],
    growth: Growth,
) -> list[Row]:
    """Time per item at the largest size against the small one, for each operation."""
    rows = []
    letters = "abcdefghijklmnopqrstuvwxyz"
    for letter, op in zip(letters, operations, strict=False):
        key, small = op.key, op.small
        per_item = growth.per_item.setdefault(key, {})
        spreads = growth.spread.setdefault(key, {})
        counts = growth.items.setdefault(key, {})
        growth.names[key] = f"{op.what} (per {op.unit})"
        stopped = None
        for size in sorted(set(sizes if op.sizes is None else op.sizes)):
            if size > small and small in per_item:
                last = max(per_item)
                grown = per_item[last] / per_item[small]
                # Already past the goal, and quadratic from here would take too long.
                expected = per_item[last] * (size / last) * counts[last] * size / last
                if grown > 1.5 and expected > GIVE_UP:
                    stopped = last
                    log(f"  {op.what}: {grown:.1f}× the time per {op.unit} at {last:,}; stopped")
                    break
            call, count = op.make(size)
            samples = samples_of(call, repeat)
            seconds = statistics.median(samples)
            per_item[size], spreads[size], counts[size] = seconds / count, spread(samples), count
            log(
                f"  {op.what}, {size:,} metrics ({count:,} {op.units}): {ms(seconds)} "
                f"± {spreads[size]:.0%} ({seconds / count * 1e6:.2f} µs/{op.unit})"
            )
        if small not in per_item or max(per_item) <= small:
            continue
        reached = max(per_item)
        note = f"not timed beyond {stopped:,} metrics: it grows too fast" if stopped else ""
        if counts[reached] != reached:
            sizes_said = f" ({reached:,} vs {small:,} metrics)"
            at = f"{counts[reached]:,} vs {counts[small]:,} {op.units}{sizes_said}"
        else:
            at = f"{reached:,} vs {small:,}"
        rows.append(
            Row(
                f"{target}{letter}",
                f"{op.what}: time per {op.unit} at {at}",
                per_item[reached] / per_item[small],
                1.5,
                f"{per_item[reached] * 1e6:.2f} ± {spreads[reached]:.0%} vs "
                f"{per_item[small] * 1e6:.2f} ± {spreads[small]:.0%} µs/{op.unit}",
                note,
            )
        )
    return rows


# ---------------------------------------------------------------------------
# Target 8: what users run on big plans
# ---------------------------------------------------------------------------

#: The plan sizes ``check`` of a plan with many findings is timed at, and ``score``.
CHECK_SIZES = (1_000, 2_000, 10_000)
SCORE_SIZES = (100, 1_000, 10_000)
#: Observations of each metric that ``score`` is timed with.
PER_METRIC = 10


class Users:
    """The plans of target 8, made once per size: a finding for every fourth metric."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.plans: dict[int, socialplan.Plan] = {}
        self.files: dict[int, tuple[Path, int]] = {}
        self.scored: dict[int, tuple[socialplan.Plan, tuple[Any, ...]]] = {}

    def plan(self, items: int) -> socialplan.Plan:
        """The misaligned plan of *items* metrics."""
        if items not in self.plans:
            self.plans[items] = socialplan.from_data(misaligned_plan_data(items))
        return self.plans[items]

    def file(self, items: int) -> tuple[Path, int]:
        """The misaligned plan written as TOML, and how many findings `check` reports in it."""
        if items not in self.files:
            plan = self.plan(items)
            path = self.folder / f"misaligned-{items}.toml"
            path.write_text(socialplan.dumps(plan), encoding="utf-8")
            self.files[items] = path, len(socialplan.validate(plan))
        return self.files[items]

    def observed(self, items: int) -> tuple[socialplan.Plan, tuple[Any, ...]]:
        """An aligned plan and :data:`PER_METRIC` observations of each of its metrics."""
        if items not in self.scored:
            from socialplan.observations import from_records

            data = plan_data(items)
            plan = socialplan.from_data(data)
            found = from_records(observation_records(data, PER_METRIC), plan)
            self.scored[items] = plan, found
        return self.scored[items]


def check_call(path: Path) -> Callable[[], object]:
    """``socialplan check PATH`` as the command line runs it, its output kept in memory."""
    from socialplan._cli import main

    def check() -> int:
        with contextlib.redirect_stdout(io.StringIO()):
            return main(["check", str(path)])

    return check


def drawing(plan: socialplan.Plan, what: str, fmt: str) -> str:
    """What ``socialplan graph --what WHAT --format FMT`` writes for *plan*."""
    from socialplan import graphs, steps
    from socialplan.render._svg import to_svg

    if what == "steps" and fmt != "svg":
        current = steps.progress(plan)
        return steps.to_mermaid(current) if fmt == "mermaid" else steps.to_dot(current)
    graph = graphs.build(plan, what)
    if fmt == "mermaid":
        return graphs.to_mermaid(graph)
    if fmt == "dot":
        return graphs.to_dot(graph)
    return to_svg(graph, title=what)


def target_8(users: Users, largest: int) -> list[Growing]:
    """What target 8 times: check with many findings, score, the report, every graph."""
    from socialplan import graphs
    from socialplan.render import report

    def checking(items: int) -> tuple[Callable[[], object], int]:
        path, findings = users.file(items)
        return check_call(path), findings

    def scoring(items: int) -> tuple[Callable[[], object], int]:
        plan, found = users.observed(items)
        return (lambda: socialplan.score(plan, found)), len(found)

    def reporting(fmt: Any) -> Callable[[int], tuple[Callable[[], object], int]]:
        return lambda items: ((lambda: report(users.plan(items), format=fmt)), items)

    def graphing(what: str, fmt: str) -> Callable[[int], tuple[Callable[[], object], int]]:
        def make(items: int) -> tuple[Callable[[], object], int]:
            plan = users.plan(items)
            if what == "steps":  # the same 14 steps at any size: the work is reading the plan
                return (lambda: drawing(plan, what, fmt)), items
            graph = graphs.build(plan, what)
            return (lambda: drawing(plan, what, fmt)), graph.number_of_nodes() + len(graph.edges)

        return make

    within = tuple(size for size in CHECK_SIZES if size <= largest)
    operations = [
        Growing(
            "check_findings",
            "`socialplan check` of a TOML plan with a finding for every fourth metric",
            checking,
            unit="finding",
            sizes=within,
        ),
        Growing(
            "score",
            f"`score` with {PER_METRIC} observations of each metric",
            scoring,
            unit="observation",
            sizes=tuple(size for size in SCORE_SIZES if size <= largest),
            small=SCORE_SIZES[0],
        ),
        Growing("report_markdown", "the Markdown report", reporting("markdown"), unit="metric"),
        Growing("report_html", "the HTML report", reporting("html"), unit="metric"),
    ]
    operations += [
        Growing(
            f"graph_{what}_{fmt}",
            f"`graph --what {what} --format {fmt}`",
            graphing(what, fmt),
            unit="metric" if what == "steps" else "node or edge",
            units="metrics" if what == "steps" else "nodes and edges",
        )
        for what in graphs.WHAT
        for fmt in ("mermaid", "dot", "svg")
    ]
    return operations


def memory_targets(plan: Texts) -> list[Row]:
    """Target 7: peak memory of loading against parsing alone, on the largest plan."""
    name, parse = toml_parser()
    ours = peak_memory(lambda: socialplan.loads(plan.toml))
    theirs = peak_memory(lambda: parse(plan.toml))
    rows = [
        Row(
            "7a",
            f"peak memory of the TOML load of the {plan.items:,}-item plan vs parsing it alone",
            ours / theirs,
            1.3,
            f"{mib(ours)} vs {mib(theirs)}",
            f"parsed by {name}",
        )
    ]
    ours = peak_memory(lambda: socialplan.loads(plan.json, "json"))
    theirs = peak_memory(lambda: json.loads(plan.json))
    rows.append(
        Row(
            "7b",
            f"peak memory of the JSON load of the {plan.items:,}-item plan vs `json.loads` alone",
            ours / theirs,
            1.3,
            f"{mib(ours)} vs {mib(theirs)}",
        )
    )
    return rows


# ---------------------------------------------------------------------------
# Issue #21: the fast pass (msgspec), each target with it and without it
# ---------------------------------------------------------------------------


@contextlib.contextmanager
def fast_pass(on: bool) -> Any:
    """Loading with the msgspec fast pass on or off (off: as without the ``fast`` extra's
    msgspec; the TOML parser stays the same)."""
    from socialplan._io import fast

    before = fast.ENABLED
    fast.ENABLED = on
    try:
        yield
    finally:
        fast.ENABLED = before


def rounds_of(
    ours: Callable[[], object], theirs: Callable[[], object], rounds: int, repeat: int
) -> tuple[float, float, float, float]:
    """The median ratio of *ours* to *theirs* over *rounds* rounds of :func:`compare`, its
    spread (half the range, as a share of the median) and the median times of each side."""
    found = [compare(ours, theirs, repeat) for _ in range(rounds)]
    ratios = [a / b for a, b in found]
    return (
        statistics.median(ratios),
        spread(ratios),
        statistics.median(a for a, _ in found),
        statistics.median(b for _, b in found),
    )


def check_process(path: Path, on: bool) -> list[str]:
    """``socialplan check PATH`` as a whole process, with the fast pass on or off."""
    off = "" if on else "sys.modules['msgspec'] = None; "
    code = f"import sys; {off}from socialplan._cli import main; sys.exit(main(sys.argv[1:]))"
    return [sys.executable, "-c", code, "check", str(path)]


#: Changes to a valid plan's data that socialplan refuses to load, one place each: the
#: pydantic model of target 1 must refuse every one too, or it does less work.
REFUSED: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("an unknown key", lambda d: d["metrics"]["metric-00000"].update(colour="red")),
    ("an unknown table", lambda d: d.update(extras={})),
    ("a string for a number", lambda d: d["metrics"]["metric-00000"].update(target="5")),
    ("a bool for a number", lambda d: d["metrics"]["metric-00000"].update(baseline=True)),
    ("a number for a string", lambda d: d["metrics"]["metric-00000"].update(unit=5)),
    ("a bad id", lambda d: d["metrics"].update({"Metric 1": d["metrics"]["metric-00001"]})),
    ("a bad duration", lambda d: d["metrics"]["metric-00000"].update(cadence="now and then")),
    ("a bad frequency",
     lambda d: d["engagement"]["channel-00000"].update(posting_frequency="often")),
    ("a bad date", lambda d: d["calendar"][0].update(date="2027-13-01")),
    ("a bad enum value", lambda d: d["metrics"]["metric-00000"].update(direction="up")),
    ("a share over 100", lambda d: d["content"]["pillars"]["pillar-00000"].update(share=150)),
    ("a negative cost", lambda d: d["resources"]["resource-00000"].update(cost=-1)),
    ("a negative amount", lambda d: d["budget"]["lines"][0].update(amount=-1)),
    ("a rank of 0", lambda d: d["channels"]["channel-00000"].update(priority=0)),
    ("a message length of 0",
     lambda d: d["engagement"]["channel-00000"].update(message_length=0)),
    ("a number beyond 1e15", lambda d: d["metrics"]["metric-00000"].update(target=10**16)),
    ("a number under 1e-15", lambda d: d["metrics"]["metric-00000"].update(target=1e-20)),
    ("a string too long", lambda d: d["metrics"]["metric-00000"].update(name="x" * 100_001)),
    ("a trigger with both thresholds", lambda d: d["scenarios"]["scenario-00000"]["when"][0]
     .update(above=5)),
    ("a trigger's bad share",
     lambda d: d["scenarios"]["scenario-00000"]["when"][0].update(below="60 percent")),
    ("expects on a quantitative metric",
     lambda d: d["metrics"]["metric-00000"].update(expects={"positive": 60})),
    ("an empty select", lambda d: d.update(check={"select": []})),
    ("a code not shaped as one", lambda d: d.update(check={"select": ["S P 2"]})),
    ("a header's unknown key", lambda d: d["plan"].update(colour="red")),
]  # fmt: skip


def pydantic_refuses_alike(document: str, model: Any, log: Callable[[str], None]) -> bool:
    """Whether *model* refuses each change of :data:`REFUSED` to *document* as socialplan
    does (logging each it accepts), after accepting *document* itself."""
    import copy

    import pydantic

    agreed = True
    base = json.loads(document)
    for what, change in REFUSED:
        data = copy.deepcopy(base)
        change(data)
        text = json.dumps(data)
        try:
            socialplan.loads(text, "json")
        except socialplan.LoadError:
            pass
        else:
            log(f"issue 21, target 1: socialplan loads the plan with {what}: fix REFUSED")
            agreed = False
        try:
            model.model_validate_json(text)
        except pydantic.ValidationError:
            continue
        log(f"issue 21, target 1: the pydantic model accepts {what}")
        agreed = False
    return agreed


def issue_21(
    plan: Texts, small: Texts, rounds: int, repeat: int, log: Callable[[str], None]
) -> list[Row]:
    """Targets 1 to 5 of issue #21, each with the fast pass and without it."""
    import tomllib

    rows: list[Row] = []

    def row(key: str, what: str, goal: float, measured: tuple[float, float, float, float],
            on: bool, note: str = "") -> None:  # fmt: skip
        ratio, wide, ours, theirs = measured
        side = "with msgspec" if on else "without msgspec"
        rows.append(
            Row(
                f"21.{key}",
                f"{what} ({side})",
                ratio,
                goal,
                f"{ratio:.2f}× ± {wide:.0%} over {rounds} runs; {ms(ours)} vs {ms(theirs)}",
                note,
            )
        )

    for on in (True, False):
        with fast_pass(on):
            same = socialplan.dumps(socialplan.loads(plan.json, "json"), "json")
            toml_same = socialplan.dumps(socialplan.loads(plan.toml, "toml"), "json")
        if same != socialplan.dumps(plan.plan, "json") or toml_same != same:
            log(f"warning: the {'fast' if on else 'detailed'} pass loads another plan")
    try:
        import pydantic
        from pydantic_plan import PydanticPlan
    except ImportError:
        log("issue 21, target 1: needs pydantic")
        PydanticPlan = None
    else:
        why = None
        try:
            PydanticPlan.model_validate_json(plan.json)
        except pydantic.ValidationError as exc:  # the model lags socialplan's: no comparison
            missing = sorted({str(e["loc"][0]) for e in exc.errors() if len(e["loc"]) == 1})
            log(f"issue 21, target 1: benchmarks/pydantic_plan.py refuses the plan: {exc}")
            why = "benchmarks/pydantic_plan.py refuses the plan (" + ", ".join(missing) + ")"
        else:
            if not pydantic_refuses_alike(small.json, PydanticPlan, log):
                why = "benchmarks/pydantic_plan.py accepts documents that socialplan refuses"
        if why is not None:
            rows.append(
                Row(
                    "21.1",
                    f"JSON load, {plan.items:,} metrics, vs pydantic `model_validate_json`",
                    None,
                    0.8,
                    "",
                    f"not measured: {why}",
                )
            )
            PydanticPlan = None
    if PydanticPlan is not None:
        for on in (True, False):
            log(f"issue 21, target 1 (fast pass {'on' if on else 'off'})")
            with fast_pass(on):
                found = rounds_of(
                    lambda: socialplan.loads(plan.json, "json"),
                    lambda: PydanticPlan.model_validate_json(plan.json),
                    rounds,
                    repeat,
                )
            row("1", f"JSON load, {plan.items:,} metrics, vs pydantic `model_validate_json`",
                0.8, found, on, f"pydantic {pydantic.VERSION}")  # fmt: skip
    name, _ = toml_parser()
    for on in (True, False):
        log(f"issue 21, target 2 (fast pass {'on' if on else 'off'})")
        with fast_pass(on):
            found = rounds_of(
                lambda: socialplan.loads(plan.toml, "toml"),
                lambda: tomllib.loads(plan.toml),
                rounds,
                repeat,
            )
        row("2", f"TOML load, {plan.items:,} metrics, vs `tomllib.loads`", 0.5, found, on,
            f"parsed by {name}")  # fmt: skip
    folder = Path(tempfile.mkdtemp(prefix="socialplan-bench-"))
    try:
        path = folder / "plan.toml"
        path.write_text(small.toml, encoding="utf-8")
        baseline = [sys.executable, "-c", "import tomllib"]
        for on in (True, False):
            log(f"issue 21, target 3 (fast pass {'on' if on else 'off'})")
            command = check_process(path, on)
            process_times([command, baseline], 2)  # warm the caches, write the bytecode
            found_runs = []
            for _ in range(rounds):
                ours, theirs = process_times([command, baseline], max(5, repeat))
                found_runs.append((ours, theirs))
            ratios = [a / b for a, b in found_runs]
            row("3", f"start-up: `socialplan check` ({small.items:,} items), whole process, vs "
                "`python -c 'import tomllib'`", 3.5,
                (statistics.median(ratios), spread(ratios),
                 statistics.median(a for a, _ in found_runs),
                 statistics.median(b for _, b in found_runs)), on)  # fmt: skip
        log("issue 21, target 3: its floors")
        rows += startup_floors(path, baseline, rounds, repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if PydanticPlan is not None:
        log("issue 21, target 1: its floor")
        rows += json_load_floor(plan, PydanticPlan, rounds, repeat)
    many = socialplan.from_data(misaligned_plan_data(plan.items))
    many_json = socialplan.dumps(many, "json")
    for on in (True, False):  # validation does not load: the same either way, measured both
        log(f"issue 21, target 4 (fast pass {'on' if on else 'off'})")
        with fast_pass(on):
            found = rounds_of(
                lambda: socialplan.validate(plan.plan), lambda: json.loads(plan.json),
                rounds, repeat,
            )  # fmt: skip
            row("4a", f"validation, the generated {plan.items:,}-metric plan, vs `json.loads`",
                0.8, found, on)  # fmt: skip
            found = rounds_of(
                lambda: socialplan.validate(many), lambda: json.loads(many_json), rounds, repeat
            )
            findings = len(socialplan.validate(many))
            row("4b", f"validation, the plan with {findings:,} findings, vs `json.loads`",
                0.8, found, on)  # fmt: skip
    return rows


def imported_by_check(path: Path) -> list[str]:
    """The modules a ``socialplan check PATH`` process imports, in the order it imports
    them (with the fast pass), the interpreter's own start-up left out."""
    code = (
        "import sys, io, contextlib, json; before = set(sys.modules); "
        "from socialplan._cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['check', sys.argv[1]])\n"
        "print(json.dumps([m for m in sys.modules if m not in before]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    )
    modules: list[str] = json.loads(run.stdout.splitlines()[-1])
    return modules


def startup_floors(path: Path, baseline: list[str], rounds: int, repeat: int) -> list[Row]:
    """What target 3 cannot go under while ``check`` imports what it imports: a process
    that makes the model's classes and nothing else (the floor the issue names), and one
    that imports every module a check of *path* imports, in its order, and does nothing
    else; each against *baseline*, with the fast pass."""
    modules = imported_by_check(path)
    others = [m for m in modules if not m.startswith("socialplan")]
    ours = len(modules) - len(others)

    def importing(names: list[str]) -> list[str]:
        code = (
            "import importlib, sys\n"
            f"for name in {names!r}:\n"
            "    if name not in sys.modules:\n"
            "        try:\n"
            "            importlib.import_module(name)\n"
            "        except ImportError:\n"
            "            pass\n"
        )
        return [sys.executable, "-c", code]

    floors = [
        ("3f1", "floor of target 3: `import socialplan._model` alone (attrs and the model's "
         "classes), whole process, vs `python -c 'import tomllib'`",
         [sys.executable, "-c", "import socialplan._model"]),
        ("3f2", f"floor of target 3: importing the {len(others)} modules of other packages and "
         "of the standard library that `socialplan check` imports (attrs, msgspec, tomli, "
         "argparse…) and the model, nothing else, whole process, vs `python -c 'import "
         "tomllib'`", importing([*others, "socialplan._model"])),
        ("3f3", f"floor of target 3: importing every module `socialplan check` imports, "
         f"{len(others)} and socialplan's {ours}, in its order, and nothing else, whole "
         "process, vs `python -c 'import tomllib'`", importing(modules)),
    ]  # fmt: skip
    rows = []
    for key, what, command in floors:
        subprocess.run(command, check=True, capture_output=True)  # a floor that fails is none
        process_times([command, baseline], 2)  # warm the caches, write the bytecode
        found_runs = [process_times([command, baseline], max(5, repeat)) for _ in range(rounds)]
        ratios = [a / b for a, b in found_runs]
        rows.append(
            Row(
                f"21.{key}",
                f"{what} (with msgspec)",
                statistics.median(ratios),
                3.5,
                f"{statistics.median(ratios):.2f}× ± {spread(ratios):.0%} over {rounds} runs; "
                f"{ms(statistics.median(a for a, _ in found_runs))} vs "
                f"{ms(statistics.median(b for _, b in found_runs))}",
                "a floor: the goal cannot pass while this fails",
            )
        )
    return rows


def json_load_floor(plan: Texts, model: Any, rounds: int, repeat: int) -> list[Row]:
    """What target 1 cannot go under while the model's objects are made in Python: the
    fast pass's two steps that every right document takes, each alone against pydantic's
    ``model_validate_json`` (decoding the text into the mirrors; making the model's attrs
    objects from the decoded mirrors), without the scans of the text and the count of its
    keys that come with them."""
    from socialplan._core.gc import paused_collector
    from socialplan._io import fast

    mirrors = fast._mirrors(socialplan.Limits(), "json")
    decode = mirrors.msgspec.json.decode  # as fast.loads_json calls it, the collector paused

    def decoding() -> object:
        with paused_collector():
            return decode(plan.json, type=mirrors.document, dec_hook=fast._dec_hook)

    def building() -> object:
        with paused_collector():
            return mirrors.build(decoded)

    decoded = decoding()
    if building() != plan.plan:
        return [Row("21.1f", "floor of target 1: the mirrors build another plan", None, 0.8, "")]
    theirs = lambda: model.model_validate_json(plan.json)  # noqa: E731
    steps = [
        ("1f1", "decoding the JSON into the mirrors alone", decoding),
        ("1f2", "making the model's objects from the decoded mirrors alone", building),
    ]  # fmt: skip
    rows = []
    for key, what, ours in steps:
        ratio, wide, mine, pydantic_time = rounds_of(ours, theirs, rounds, repeat)
        rows.append(
            Row(
                f"21.{key}",
                f"floor of target 1: {what}, {plan.items:,} metrics, vs pydantic "
                "`model_validate_json` (with msgspec)",
                ratio,
                0.8,
                f"{ratio:.2f}× ± {wide:.0%} over {rounds} runs; {ms(mine)} vs {ms(pydantic_time)}",
                "a floor: the two together are what every right document costs",
            )
        )
    together = sum(r.ratio or 0.0 for r in rows)
    rows.append(
        Row(
            "21.1f",
            "floor of target 1: the two steps above together (with msgspec)",
            together,
            0.8,
            f"{together:.2f}×",
            "a floor: the goal cannot pass while this fails",
        )
    )
    return rows


def heaviest_rules(plan: socialplan.Plan, count: int = 12, runs: int = 7) -> list[Any]:
    """The rules that take longest on *plan*, each run alone on one context (least of
    *runs*), with the sum of every rule's: where target 4's time goes."""
    from socialplan.rules._context import Context
    from socialplan.rules._engine import Selection, all_rules
    from socialplan.rules._engine import runs as chosen

    times: dict[str, float] = {}
    gc.disable()
    try:
        for _ in range(runs):
            context = Context(plan)
            for rule in all_rules():
                if not chosen(Selection(), rule):
                    continue
                start = time.perf_counter()
                list(rule.check(context))
                took = time.perf_counter() - start
                times[rule.code] = min(took, times.get(rule.code, took))
    finally:
        gc.enable()
    top = sorted(times.items(), key=lambda item: -item[1])
    return [{"rule": code, "us": round(t * 1e6)} for code, t in top[:count]] + [
        {"rule": f"all {len(times)}", "us": round(sum(times.values()) * 1e6)}
    ]


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------


def order(row: Row) -> tuple[str, int, str, str]:
    """Where *row* goes in the table: by target (``2`` before ``5a`` before ``21.1``), the
    rows of one target (``21.1`` and its floors ``21.1f…``) in the order they were made."""
    major, _, minor = row.target.partition(".")
    return (major[0], len(major), major, minor[:1])


def table(rows: list[Row]) -> str:
    lines = [
        "| Target | What | Ratio | Goal | Result | Measured |",
        "|---|---|--:|--:|---|---|",
    ]
    for row in rows:
        ratio = "–" if row.ratio is None else f"{row.ratio:.2f}×"
        result = {True: "pass", False: "**fail**", None: "not run"}[row.passed]
        measured = row.measured + (f"; {row.note}" if row.note else "")
        lines.append(
            f"| {row.target} | {row.what} | {ratio} | ≤ {row.goal:g}× | {result} | {measured} |"
        )
    return "\n".join(lines)


def per_item_table(growth: Growth, keys: list[str]) -> str:
    """The time per item of the operations *keys* at each plan size, in microseconds."""
    sizes = sorted({size for key in keys for size in growth.per_item[key]})
    lines = [
        "| µs per item, by plan size in metrics | " + " | ".join(f"{s:,}" for s in sizes) + " |",
        "|---|" + "--:|" * len(sizes),
    ]
    for key in keys:
        times = growth.per_item[key]
        cells = [f"{times[s] * 1e6:.2f}" if s in times else "–" for s in sizes]
        lines.append(f"| {growth.names[key]} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    name, _ = toml_parser()
    try:
        import pydantic

        pydantic_version: str | None = pydantic.VERSION
    except ImportError:
        pydantic_version = None
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        check=False,
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent,
    ).stdout.strip()
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "toml_parser": name,
        "pydantic": pydantic_version,
        "socialplan": socialplan.__version__,
        "commit": commit or None,
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=lambda text: sorted({int(s.replace("_", "")) for s in text.split(",")}),
        help="comma-separated plan sizes in metrics (default: 100,1000,10000,100000)",
    )
    parser.add_argument("--repeat", type=int, help="repeats per measurement (default 5, quick 3)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every measurement here")
    parser.add_argument(
        "--quick", action="store_true", help="sizes up to 10,000 and fewer repeats, to iterate"
    )
    parser.add_argument(
        "--fail", action="store_true", help="exit with status 1 when a target is missed"
    )
    parser.add_argument(
        "--targets",
        type=lambda text: {t.strip() for t in text.split(",") if t.strip()},
        default=set("123456789"),
        metavar="LIST",
        help="comma-separated target numbers to measure (default: all, 1 to 9; 21: the "
        "targets of issue #21, with and without the fast pass)",
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="runs of each target of issue #21 (default 5)"
    )
    args = parser.parse_args(argv)
    if args.sizes is None:
        args.sizes = list(QUICK_SIZES if args.quick else SIZES)
    if args.repeat is None:
        args.repeat = 3 if args.quick else 5
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    sizes: list[int] = args.sizes
    plans = {}
    for items in sizes:
        log(f"generating the {items:,}-item plan")
        plans[items] = Texts(items)
    smallest, largest = sizes[0], sizes[-1]
    startup_size = 100 if 100 in plans else smallest
    middle = 10_000 if 10_000 in plans else max(s for s in sizes if s <= 10_000 or s == smallest)
    small = 1_000 if 1_000 in plans else smallest
    chosen: set[str] = args.targets

    rows: list[Row] = []
    imports: list[Any] = []
    growth = Growth()
    if "1" in chosen:
        log("target 1: start-up")
        row, imports = startup(plans[startup_size], max(10, args.repeat * 4), log)
        rows.append(row)
    if chosen & {"2", "3", "4"}:
        log("targets 2-4: load and validate")
        rows += [r for r in load_targets(plans[middle], args.repeat) if r.target in chosen]
    basics = target_5(plans)
    if "5" in chosen:
        log("target 5: growth")
        for op in basics:
            op.small = small
        found = growth_targets("5", basics, sizes, args.repeat, log, growth)
        rows += found or [Row("5", "growth: needs a size above 1,000", None, 1.5, "")]
    if "6" in chosen:
        log("target 6: dump")
        rows += dump_targets(plans[middle], args.repeat)
    if "7" in chosen:
        log("target 7: memory")
        rows += memory_targets(plans[largest])
    commands: list[Growing] = []
    if "8" in chosen:
        log("target 8: what users run on big plans")
        folder = Path(tempfile.mkdtemp(prefix="socialplan-bench-"))
        try:
            commands = target_8(Users(folder), largest)
            for op in commands:
                op.small = small if op.sizes is None else op.small
            found = growth_targets("8", commands, sizes, args.repeat, log, growth)
            rows += found or [Row("8", "users' paths: needs a size above 1,000", None, 1.5, "")]
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if "9" in chosen:
        log("target 9: the language server after a keystroke")
        rows.append(target_9(plans[small], args.repeat, log))
    rules: list[Any] = []
    if "21" in chosen:
        log("issue 21: the fast pass")
        rows += issue_21(plans[middle], plans[startup_size], args.rounds, args.repeat, log)
        log("issue 21, target 4: the heaviest rules")
        rules = heaviest_rules(plans[middle].plan)
    rows.sort(key=order)
    log("done")

    print(table(rows))
    for group in (basics, commands):
        keys = [op.key for op in group if growth.per_item.get(op.key)]
        if keys:
            print()
            print(per_item_table(growth, keys))
    if imports:
        print()
        print("Heaviest imports of `socialplan check` (cumulative, python -X importtime):")
    for entry in imports:
        print(f"  {entry['cumulative_us'] / 1000:8.1f} ms  {entry['module']}")
    if rules:
        print()
        print(f"Heaviest rules on the {plans[middle].items:,}-metric plan (alone, least of 7):")
    for entry in rules:
        print(f"  {entry['us'] / 1000:8.2f} ms  {entry['rule']}")
    if args.json:
        result = {
            "machine": machine(),
            "sizes": sizes,
            "repeat": args.repeat,
            "targets": [r.as_json() for r in rows],
            "per_item_seconds": {
                k: {str(s): t for s, t in v.items()} for k, v in growth.per_item.items()
            },
            "per_item_spread": {
                k: {str(s): round(t, 4) for s, t in v.items()} for k, v in growth.spread.items()
            },
            "items": {k: {str(s): n for s, n in v.items()} for k, v in growth.items.items()},
            "startup_imports": imports,
            "heaviest_rules": rules,
            "duration_seconds": round(time.perf_counter() - started, 1),
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        log(f"wrote {args.json}")
    missed = [r.target for r in rows if r.passed is False]
    return 1 if args.fail and missed else 0


if __name__ == "__main__":
    sys.exit(main())
