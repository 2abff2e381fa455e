"""The plan's steps as a dependency graph: progress, what is next, other methodologies.

>>> import socialplan
>>> plan = socialplan.load("examples/cartoon/plan.toml")
>>> progress = socialplan.progress(plan)
>>> progress["metrics"].state
<StepState.DONE: 'done'>
>>> socialplan.progress(plan, "listen-think-act-monitor").order()
['listen', 'think', 'act', 'monitor']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._checks import CHECKS, MISSING, Check, Missing, check
from ._methodology import (
    A_TO_S,
    FOURTEEN_STEPS,
    LISTEN_THINK_ACT_MONITOR,
    METHODOLOGIES,
    Methodology,
    MethodologyError,
    MethodologyProblem,
    ProblemKind,
    Step,
    methodology_of,
)
from ._progress import Progress, StepProgress, StepState, progress

if TYPE_CHECKING:
    from ._maturity import STAGES, Evidence, EvidenceKind, Maturity, StageEvidence, maturity
    from ._views import to_dot, to_gantt, to_mermaid

__all__ = [
    "A_TO_S",
    "CHECKS",
    "FOURTEEN_STEPS",
    "LISTEN_THINK_ACT_MONITOR",
    "METHODOLOGIES",
    "MISSING",
    "STAGES",
    "Check",
    "Evidence",
    "EvidenceKind",
    "Maturity",
    "Methodology",
    "MethodologyError",
    "MethodologyProblem",
    "Missing",
    "ProblemKind",
    "Progress",
    "StageEvidence",
    "Step",
    "StepProgress",
    "StepState",
    "check",
    "maturity",
    "methodology_of",
    "progress",
    "to_dot",
    "to_gantt",
    "to_mermaid",
]

# Loaded on first use: the rules that `socialplan check` runs need neither.
_LAZY = {
    "STAGES": "._maturity",
    "Evidence": "._maturity",
    "EvidenceKind": "._maturity",
    "Maturity": "._maturity",
    "StageEvidence": "._maturity",
    "maturity": "._maturity",
    "to_dot": "._views",
    "to_gantt": "._views",
    "to_mermaid": "._views",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
