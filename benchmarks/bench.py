"""Benchmark socialplan against the targets of issue #8, as ratios to baselines.

Every target is a ratio between socialplan's time (or memory) and a baseline
measured in the same run on the same machine, so that the numbers mean the
same on a laptop and on the 2-core CI machine. Times are medians of repeats;
memory is the tracemalloc peak. Plans are generated (``socialplan._generate``)
with 100, 1,000, 10,000 and 100,000 metrics and every other part in
proportion.

    python benchmarks/bench.py                 # every target, about 5 minutes
    python benchmarks/bench.py --quick         # sizes up to 10,000, fewer repeats
    python benchmarks/bench.py --json out.json --repeat 7

The table is printed as Markdown; ``--json`` writes every measurement. The
equivalent pydantic model (target 3) needs ``pip install 'pydantic>=2'``; its
row is left out without it. ``nox -s bench`` installs what is needed and runs
this script.
"""

from __future__ import annotations

import argparse
import gc
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
from socialplan._generate import broken_plan_data, plan_data

SIZES = (100, 1_000, 10_000, 100_000)
QUICK_SIZES = (100, 1_000, 10_000)


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------


def median_time(
    call: Callable[[], object], repeat: int, min_time: float = 0.05, budget: float = 30.0
) -> float:
    """The median time of one *call*, over *repeat* samples of at least *min_time* each.

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
        return statistics.median(samples)
    loops = max(1, int(min_time / max(first, 1e-7))) if first < min_time else 1
    samples = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        for _ in range(loops):
            call()
        samples.append((time.perf_counter() - start) / loops)
    return statistics.median(samples)


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


#: What target 5 times at every size: (key, description, the call on a plan of that size).
GROWING: list[tuple[str, str, Callable[[Texts], Callable[[], object]]]] = [
    ("load_toml", "TOML load", lambda p: lambda: socialplan.loads(p.toml)),
    ("load_json", "JSON load", lambda p: lambda: socialplan.loads(p.json, "json")),
    ("validate", "validation", lambda p: lambda: socialplan.validate(p.plan)),
    (
        "validate_broken",
        "validation with 10 % near-miss references (did-you-mean)",
        lambda p: lambda: socialplan.validate(p.broken),
    ),
]

#: Seconds one call may be expected to take before target 5 stops timing an operation
#: whose time per item has already grown past the goal.
GIVE_UP = 60.0


def growth_targets(
    plans: dict[int, Texts], small: int, repeat: int, log: Callable[[str], None]
) -> tuple[list[Row], dict[str, dict[int, float]]]:
    """Target 5: time per item at the largest size against *small*, for each operation."""
    per_item: dict[str, dict[int, float]] = {key: {} for key, _, _ in GROWING}
    rows = []
    for letter, (key, what, make) in zip("abcd", GROWING, strict=True):
        stopped = None
        for items in sorted(plans):
            if items > small and small in per_item[key]:
                last = max(per_item[key])
                grown = per_item[key][last] / per_item[key][small]
                # Already past the goal, and quadratic from here would take too long.
                if grown > 1.5 and per_item[key][last] * items * items / last > GIVE_UP:
                    stopped = last
                    log(f"  {what}: {grown:.1f}× the time per item at {last:,}; not timing more")
                    break
            seconds = median_time(make(plans[items]), repeat)
            per_item[key][items] = seconds / items
            log(f"  {what}, {items:,} items: {ms(seconds)} ({seconds / items * 1e6:.2f} µs/item)")
        reached = max(per_item[key])
        if small not in per_item[key] or reached <= small:
            continue
        ratio = per_item[key][reached] / per_item[key][small]
        note = ""
        if stopped is not None:
            note = f"not timed beyond {stopped:,} items: it grows too fast"
        rows.append(
            Row(
                f"5{letter}",
                f"{what}: time per item at {reached:,} vs {small:,}",
                ratio,
                1.5,
                f"{per_item[key][reached] * 1e6:.2f} vs {per_item[key][small] * 1e6:.2f} µs/item",
                note,
            )
        )
    return rows, per_item


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
# Reporting
# ---------------------------------------------------------------------------


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


def per_item_table(per_item: dict[str, dict[int, float]]) -> str:
    sizes = sorted({size for times in per_item.values() for size in times})
    names = {key: what for key, what, _ in GROWING}
    lines = [
        "| µs per item | " + " | ".join(f"{s:,}" for s in sizes) + " |",
        "|---|" + "--:|" * len(sizes),
    ]
    for key, times in per_item.items():
        cells = [f"{times[s] * 1e6:.2f}" if s in times else "–" for s in sizes]
        lines.append(f"| {names[key]} | " + " | ".join(cells) + " |")
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

    rows: list[Row] = []
    log("target 1: start-up")
    row, imports = startup(plans[startup_size], max(10, args.repeat * 4), log)
    rows.append(row)
    log("targets 2-4: load and validate")
    rows += load_targets(plans[middle], args.repeat)
    log("target 5: growth")
    growth, per_item = growth_targets(plans, small, args.repeat, log)
    rows += growth or [Row("5", "growth: needs a size above 1,000", None, 1.5, "")]
    log("target 6: dump")
    rows += dump_targets(plans[middle], args.repeat)
    log("target 7: memory")
    rows += memory_targets(plans[largest])
    rows.sort(key=lambda r: r.target)
    log("done")

    print(table(rows))
    print()
    print(per_item_table(per_item))
    print()
    print("Heaviest imports of `socialplan check` (cumulative, python -X importtime):")
    for entry in imports:
        print(f"  {entry['cumulative_us'] / 1000:8.1f} ms  {entry['module']}")
    if args.json:
        result = {
            "machine": machine(),
            "sizes": sizes,
            "repeat": args.repeat,
            "targets": [r.as_json() for r in rows],
            "per_item_seconds": {k: {str(s): t for s, t in v.items()} for k, v in per_item.items()},
            "startup_imports": imports,
            "duration_seconds": round(time.perf_counter() - started, 1),
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        log(f"wrote {args.json}")
    missed = [r.target for r in rows if r.passed is False]
    return 1 if args.fail and missed else 0


if __name__ == "__main__":
    sys.exit(main())
