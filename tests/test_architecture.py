"""The import contract of docs/architecture.md.

Layers import only downward, no module reaches itself through its imports, and no module
reaches into another package's private names. Every import counts: at the top of a module,
inside a function, under ``TYPE_CHECKING``. The layers and the modules each holds are read
from the ``text layers`` block of docs/architecture.md, so the map people read is the one the
code is held to.
"""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src"
PAGE = ROOT / "docs" / "architecture.md"

#: The one allowed upward import: the notebook views of the model's and the analyses'
#: objects forward, inside these methods and in one line, to the module that draws them.
FORWARDS = frozenset({"_repr_html_", "_repr_markdown_", "_repr_svg_", "to_records"})
DISPLAY = "socialplan._display"

Import = tuple[str, str, int, str | None]  # importer, imported, line, enclosing function


@cache
def layers() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The layers, highest first, each with the module prefixes it holds."""
    text = PAGE.read_text(encoding="utf-8")
    block = re.search(r"```text layers\n(.*?)```", text, re.DOTALL)
    assert block is not None, "docs/architecture.md has no ```text layers block"
    found = []
    for line in block.group(1).splitlines():
        if line.strip():
            name, *prefixes = line.split()
            found.append((name, tuple(prefixes)))
    return tuple(found)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    found = {}
    for path in sorted((SRC / "socialplan").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def layer_of(module: str) -> int:
    """The rank of *module*'s layer (0 the lowest): that of the longest prefix that holds it."""
    best, rank = -1, -1
    for number, (_, prefixes) in enumerate(reversed(layers())):
        for prefix in prefixes:
            holds = module == prefix or module.startswith(prefix + ".")
            if holds and len(prefix) > best:
                best, rank = len(prefix), number
    return rank


def package_of(module: str) -> str:
    """The package a module belongs to: itself for a package, else its parent."""
    return module if modules()[module].name == "__init__.py" else module.rpartition(".")[0]


def _nodes(node: ast.AST, function: str | None) -> Iterator[tuple[str | None, ast.AST]]:
    for child in ast.iter_child_nodes(node):
        inner = function
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            inner = child.name
        yield function, child
        yield from _nodes(child, inner)


def _base(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    parts = parts[: len(parts) - (node.level - 1)]
    return ".".join([*parts, *([node.module] if node.module else [])])


@cache
def imports() -> tuple[Import, ...]:
    """Every import of a socialplan module by another, with where it is written."""
    known = modules()
    found: list[Import] = []
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function, node in _nodes(tree, None):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _base(node, package_of(name))
                # `from package import module` imports the module, `from module import x` it.
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names
                ]
            else:
                continue
            found.extend(
                (name, target, node.lineno, function)
                for target in targets
                if target in known and target != name
            )
    return tuple(found)


def allowed(imported: str, function: str | None) -> bool:
    """Whether an upward import is one of the contract's named forwards."""
    return imported == DISPLAY and function in FORWARDS


def test_the_layers_are_the_documented_ones() -> None:
    names = [name for name, _ in layers()]
    assert ["package", "apps", "present", "analysis", "io", "model", "core"] == names


def test_every_module_is_in_a_layer() -> None:
    assert [] == [module for module in modules() if layer_of(module) < 0]


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    upward = [
        f"{importer}:{line} ({function or 'module level'}) imports {imported}"
        for importer, imported, line, function in imports()
        if layer_of(imported) > layer_of(importer) and not allowed(imported, function)
    ]
    assert [] == upward


def test_no_module_reaches_itself_through_its_imports() -> None:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(modules())
    graph.add_edges_from(
        (importer, imported)
        for importer, imported, _, function in imports()
        if not allowed(imported, function)
    )
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert [] == cycles


def test_the_forwards_to_the_notebook_views_are_one_line_each() -> None:
    """An allowed upward import is its method's whole body: the import, then one return."""
    bodies = []
    for importer, imported, _, function in imports():
        if layer_of(imported) <= layer_of(importer) or not allowed(imported, function):
            continue
        tree = ast.parse(modules()[importer].read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == function:
                body = [s for s in node.body if not isinstance(s, ast.Expr)]  # a docstring
                bodies.append((importer, function, [type(s).__name__ for s in body]))
    assert bodies, "the contract names forwards that no longer exist"
    expected = [(importer, function, ["ImportFrom", "Return"]) for importer, function, _ in bodies]
    assert expected == bodies


def test_no_module_imports_a_private_name_of_another_package() -> None:
    """A name with a leading underscore is its package's own; other packages use public ones.

    Private *modules* (``socialplan._io.convert``) are fine to import: their public names are
    the package's internal API. ``_core`` and the others each say what they offer.
    """
    known = modules()
    found = []
    for name, path in known.items():
        for _, node in _nodes(ast.parse(path.read_text(encoding="utf-8")), None):
            if not isinstance(node, ast.ImportFrom):
                continue
            base = _base(node, package_of(name))
            for alias in node.names:
                private = alias.name.startswith("_") and not alias.name.startswith("__")
                if not private or f"{base}.{alias.name}" in known:
                    continue
                if base in known and package_of(base) != package_of(name):
                    found.append(f"{name}:{node.lineno} imports {base}.{alias.name}")
    assert [] == found


# The public API as it was before the layers were drawn (issue #16): the names of the package
# and of each public module, which may only grow. A name added is a change to the public API,
# and belongs in the changelog; a name removed breaks callers.
PACKAGE = [
    *("Advocacy", "Analysis", "Audience", "Briefing", "BusinessGoal", "CalendarEntry"),
    *("CalendarStatus", "Change", "Channel", "ChannelReturn", "CheckSettings"),
    *("ContentPillar", "ContentSource", "ContentStrategy", "Diagnostic", "Diff"),
    *("Direction", "Duration", "EngagementRule", "FORMAT", "FieldError"),
    *("FileChangedError", "Format", "Frequency", "FunnelStage", "Horizon", "Horizons"),
    *("Influencer", "KpiLevel", "Launch", "Limits", "LoadError", "Measure"),
    *("MessageKind", "MessageLength", "MethodologySpec", "Metric", "MetricFamily"),
    *("MetricScore", "Objective", "ObjectiveScore", "Plan", "Policy", "Profile"),
    *("Raci", "RaciEntry", "Reach", "Report", "Resource", "ResourceKind", "Role"),
    *("RoutingRule", "Scenario", "Scorecard", "Severity", "StakeholderInput"),
    *("StepRecord", "StepSpec", "StepStatus", "Target", "Trace", "TraceRow"),
    *("Verdict", "diff", "dump", "dumps", "from_data", "load", "loads", "maturity"),
    *("progress", "score", "to_data", "trace", "validate"),
    # Issue #17: the terms the format grew to hold real strategies.
    *("Medium", "Tactic"),
    *("ChannelStatus",),
    *("Governance",),
    *("Moderation", "ModerationAction", "ModerationRule"),
    *("Approval", "GateStatus", "LaunchGate"),
    *("Trigger", "TriggerResult", "TriggerState"),
    *("WorkElement", "WorkTeam"),
    *("BriefingQuestion",),
    # Returned in results (a metric's `why`) but not importable before.
    *("Reason",),
    # A qualitative metric's reading, in a metric's score (issue #17).
    *("Quality",),
]
MODULES = {
    "socialplan.charts": ["FORMATS", "objective_chart", "write_charts"],
    "socialplan.dsl": ["PlanBuilder", "Ref"],
    "socialplan.export": ["CSV_COLUMNS", "MissingExtra", "PRODID", "safe_cell", "to_csv", "to_ics"],
    "socialplan.graphs": [
        *("COLOURS", "KINDS", "WHAT", "alignment", "build", "channels", "cross_posting"),
        *("influence", "routing", "steps", "to_dot", "to_mermaid"),
    ],
    "socialplan.influence": ["Ranked", "rank", "targets"],
    "socialplan.observations": [
        *("COLUMNS", "Observation", "ObservationFormat", "dump", "dumps", "format_of"),
        *("from_records", "load", "loads"),
    ],
    "socialplan.observations.exports": [
        *("Export", "ExportRow", "PLATFORMS", "Shape", "read_export", "read_exports"),
    ],
    "socialplan.render": ["FORMATS", "LANGUAGES", "report", "scorecard"],
    "socialplan.rules": [
        *("Check", "Context", "Finding", "RULES", "Reference", "Report", "Rule"),
        *("Selection", "all_rules", "register", "rule", "validate"),
    ],
    "socialplan.schema": ["SCHEMA_FILE", "SCHEMA_ID", "json_schema", "load_shipped", "schema_text"],
    "socialplan.steps": [
        *("A_TO_S", "CHECKS", "Check", "FOURTEEN_STEPS", "LISTEN_THINK_ACT_MONITOR"),
        *("MISSING", "Missing"),
        *("METHODOLOGIES", "Maturity", "Methodology", "MethodologyError", "Progress", "STAGES"),
        *("StageEvidence", "Step", "StepProgress", "StepState", "check", "maturity"),
        *("methodology_of", "progress", "to_dot", "to_gantt", "to_mermaid"),
    ],
    "socialplan.testing": [
        *("dates", "durations", "frequencies", "ids", "loadable_plans", "numbers"),
        *("observations", "plans", "texts"),
    ],
}


def test_the_package_keeps_every_name() -> None:
    names = set(importlib.import_module("socialplan").__all__)
    assert [] == [name for name in PACKAGE if name not in names]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_public_module_keeps_every_name(module: str) -> None:
    names = set(importlib.import_module(module).__all__)
    assert [] == [name for name in MODULES[module] if name not in names]


@pytest.mark.parametrize("module", ["socialplan", *sorted(MODULES)])
def test_each_public_name_is_there(module: str) -> None:
    imported = importlib.import_module(module)
    assert [] == [name for name in imported.__all__ if not hasattr(imported, name)]


def _types_named_by(cls: type) -> Iterator[type]:
    """The classes of socialplan that the fields of the attrs class *cls* are typed with."""
    import sys

    import attrs

    namespace = vars(sys.modules[cls.__module__])
    loaded = [m for k, m in list(sys.modules.items()) if k.startswith("socialplan") and m]
    for field in attrs.fields(cls):
        for name in re.findall(r"[A-Za-z_]\w*", str(field.type)):
            found = namespace.get(name)
            if found is None:  # imported for type checking only
                found = next((vars(m)[name] for m in loaded if name in vars(m)), None)
            if isinstance(found, type) and found.__module__.startswith("socialplan"):
                yield found


def test_every_type_in_a_public_result_is_public() -> None:
    """A result holds only types a caller can import: the types of every field of every
    public class, recursively, are public names of the package or of a public module."""
    import attrs

    modules = [importlib.import_module(m) for m in ["socialplan", *sorted(MODULES)]]
    public = {id(getattr(m, name)) for m in modules for name in m.__all__}
    todo = [getattr(m, name) for m in modules for name in m.__all__]
    seen: dict[int, type] = {}
    while todo:
        found = todo.pop()
        if not isinstance(found, type) or id(found) in seen:
            continue
        seen[id(found)] = found
        if attrs.has(found):
            todo.extend(_types_named_by(found))
    assert [] == sorted(
        f"{t.__module__}.{t.__qualname__}" for key, t in seen.items() if key not in public
    )


def test_each_item_a_step_lacks_is_of_a_public_type() -> None:
    import socialplan
    from socialplan.steps import Missing

    lacking = socialplan.progress(socialplan.Plan(name="Demo"))["objectives"].missing
    assert [True] * len(lacking) == [isinstance(m, Missing) for m in lacking]
