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

from ._checks import CHECKS, Check, check
from ._maturity import STAGES, Maturity, StageEvidence, maturity
from ._methodology import (
    A_TO_S,
    FOURTEEN_STEPS,
    LISTEN_THINK_ACT_MONITOR,
    METHODOLOGIES,
    Methodology,
    MethodologyError,
    Step,
    methodology_of,
)
from ._progress import Progress, StepProgress, StepState, progress
from ._views import to_dot, to_gantt, to_mermaid

__all__ = [
    "A_TO_S",
    "CHECKS",
    "FOURTEEN_STEPS",
    "LISTEN_THINK_ACT_MONITOR",
    "METHODOLOGIES",
    "STAGES",
    "Check",
    "Maturity",
    "Methodology",
    "MethodologyError",
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
