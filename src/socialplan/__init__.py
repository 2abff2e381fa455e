"""socialplan: social-media strategy plans as typed, checkable data.

>>> import socialplan
>>> plan = socialplan.loads('format = "socialplan/1"\\n[plan]\\nname = "Demo"\\n')
>>> plan.name
'Demo'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._core.diagnostics import Diagnostic, Edit, FieldError, Fix, LoadError, Severity
from ._core.duration import Duration, Frequency
from ._core.vocab import (
    CalendarStatus,
    ChannelStatus,
    Combine,
    Direction,
    ExportPlatform,
    FunnelStage,
    GateStatus,
    Horizon,
    KpiLevel,
    Measure,
    Medium,
    MessageKind,
    MessageLength,
    MetricFamily,
    MetricMethod,
    ModerationAction,
    Priority,
    Reach,
    ResourceKind,
    StepStatus,
    TargetAggregate,
    TargetRelative,
    WorkTeam,
)
from ._model import (
    Advocacy,
    Analysis,
    Approval,
    Audience,
    Briefing,
    BriefingQuestion,
    Budget,
    BudgetLine,
    BusinessGoal,
    CalendarEntry,
    Channel,
    CheckSettings,
    ContentPillar,
    ContentSource,
    ContentStrategy,
    Elsewhere,
    EngagementRule,
    Expectation,
    Feed,
    Governance,
    Horizons,
    Influencer,
    Launch,
    LaunchGate,
    MethodologySpec,
    Metric,
    Moderation,
    ModerationRule,
    Objective,
    Plan,
    Policy,
    Profile,
    Raci,
    RaciEntry,
    Reporting,
    Resource,
    Role,
    RoutingRule,
    Scenario,
    StakeholderInput,
    StepRecord,
    StepSpec,
    Survey,
    Tactic,
    Target,
    Trigger,
    WorkElement,
)

if TYPE_CHECKING:
    from ._core.limits import Limits
    from ._diff import Change, Diff, diff
    from ._io.convert import Format
    from ._io.document import FORMAT, from_data, to_data
    from ._io.edits import apply_fixes
    from ._io.files import FileChangedError, dump, dumps, load, loads
    from ._score import (
        ChannelReturn,
        MetricScore,
        ObjectiveScore,
        Quality,
        Reason,
        Scorecard,
        Verdict,
        score,
    )
    from ._trace import Trace, TraceRow, trace
    from ._triggers import TriggerResult, TriggerState
    from .rules import Report, validate
    from .steps import maturity, progress

__all__ = [
    "Advocacy",
    "Analysis",
    "Approval",
    "Audience",
    "Briefing",
    "BriefingQuestion",
    "Budget",
    "BudgetLine",
    "BusinessGoal",
    "CalendarEntry",
    "CalendarStatus",
    "Change",
    "Channel",
    "ChannelReturn",
    "ChannelStatus",
    "CheckSettings",
    "Combine",
    "ContentPillar",
    "ContentSource",
    "ContentStrategy",
    "Diagnostic",
    "Diff",
    "Direction",
    "Duration",
    "Edit",
    "Elsewhere",
    "EngagementRule",
    "Expectation",
    "ExportPlatform",
    "FORMAT",
    "Feed",
    "FieldError",
    "FileChangedError",
    "Fix",
    "Format",
    "Frequency",
    "FunnelStage",
    "GateStatus",
    "Governance",
    "Horizon",
    "Horizons",
    "Influencer",
    "KpiLevel",
    "Launch",
    "LaunchGate",
    "Limits",
    "LoadError",
    "Measure",
    "Medium",
    "MessageKind",
    "MessageLength",
    "MethodologySpec",
    "Metric",
    "MetricFamily",
    "MetricMethod",
    "MetricScore",
    "Moderation",
    "ModerationAction",
    "ModerationRule",
    "Objective",
    "ObjectiveScore",
    "Plan",
    "Policy",
    "Priority",
    "Profile",
    "Quality",
    "Raci",
    "RaciEntry",
    "Reach",
    "Reason",
    "Report",
    "Reporting",
    "Resource",
    "ResourceKind",
    "Role",
    "RoutingRule",
    "Scenario",
    "Scorecard",
    "Severity",
    "StakeholderInput",
    "StepRecord",
    "StepSpec",
    "StepStatus",
    "Survey",
    "Tactic",
    "Target",
    "TargetAggregate",
    "TargetRelative",
    "Trace",
    "TraceRow",
    "Trigger",
    "TriggerResult",
    "TriggerState",
    "Verdict",
    "WorkElement",
    "WorkTeam",
    "apply_fixes",
    "diff",
    "dump",
    "dumps",
    "from_data",
    "load",
    "loads",
    "maturity",
    "progress",
    "score",
    "to_data",
    "trace",
    "validate",
]

# Loaded on first use, so that importing socialplan stays fast.
_LAZY = {
    "FORMAT": "._io.document",
    "Format": "._io.convert",
    "apply_fixes": "._io.edits",
    "from_data": "._io.document",
    "to_data": "._io.document",
    "FileChangedError": "._io.files",
    "Limits": "._core.limits",
    "dump": "._io.files",
    "dumps": "._io.files",
    "load": "._io.files",
    "loads": "._io.files",
    "Change": "._diff",
    "Diff": "._diff",
    "diff": "._diff",
    "Trace": "._trace",
    "TraceRow": "._trace",
    "trace": "._trace",
    "ChannelReturn": "._score",
    "MetricScore": "._score",
    "ObjectiveScore": "._score",
    "Quality": "._score",
    "Reason": "._score",
    "Scorecard": "._score",
    "Verdict": "._score",
    "score": "._score",
    "TriggerResult": "._triggers",
    "TriggerState": "._triggers",
    "Report": ".rules",
    "validate": ".rules",
    "maturity": ".steps",
    "progress": ".steps",
}


#: Public submodules, imported on first attribute access (``socialplan.render.report``).
_SUBMODULES = frozenset(
    {
        "charts",
        "dsl",
        "export",
        "graphs",
        "influence",
        "observations",
        "render",
        "rules",
        "schema",
        "steps",
        "testing",
    }
)


def __dir__() -> list[str]:
    """Every public name, those loaded on first use included (for completion and docs)."""
    return sorted({*globals(), *__all__, *_SUBMODULES, "__version__"})


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("socialplan")
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'socialplan' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
