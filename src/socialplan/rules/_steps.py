"""SP8: the plan's methodology is a graph of known steps; manual records agree with content."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from .._core.diagnostics import METHODOLOGY_CODES, Fix, Severity
from .._core.vocab import StepStatus
from ._context import Context
from ._registry import Finding, Rule, register, rule, suggested

if TYPE_CHECKING:
    from .._model import Plan
    from ..steps import Progress


def _methodology_findings(context: Context) -> Mapping[str, tuple[Finding, ...]]:
    """What is wrong with the plan's own methodology, by kind of problem (``"cycle"``…).

    Found once per validation, however many of SP801-SP804 run.
    """
    if context.plan.methodology is None:
        return {}  # the 14 steps, a graph of known steps (and socialplan.steps not imported)
    return context.memo("steps.methodology", lambda: _methodology_problems(context.plan))


def _methodology_problems(plan: Plan) -> Mapping[str, tuple[Finding, ...]]:
    from ..steps import MethodologyError, methodology_of

    try:
        problems = tuple(methodology_of(plan).find_problems())
    except MethodologyError as error:
        problems = error.problems
    found: dict[str, list[Finding]] = {}
    for problem in problems:
        found.setdefault(problem.kind, []).append(
            Finding(problem.path, problem.message, problem.hint)
        )
    return MappingProxyType({kind: tuple(each) for kind, each in found.items()})


def _reporting(kind: str) -> Callable[[Context], Iterator[Finding]]:
    """The check of the rule that reports the methodology problems of *kind*."""

    def check(context: Context) -> Iterator[Finding]:
        return iter(_methodology_findings(context).get(kind, ()))

    check.__name__ = check.__qualname__ = "methodology_" + kind.replace("-", "_")
    return check


#: The rule of each kind of problem socialplan.steps finds in a methodology (a ProblemKind),
#: under its code: (kind, name, summary, why, fix, example).
_METHODOLOGY_RULES = [
    (
        "cycle",
        "methodology-cycle",
        "The steps of the plan's methodology need each other in a circle.",
        "A step that needs itself, however indirectly, can never start.",
        "Drop one of the `needs` named in the message.",
        '[methodology.steps.a]\nneeds = ["b"]\n[methodology.steps.b]\nneeds = ["a"]',
    ),
    (
        "unknown-need",
        "methodology-unknown-need",
        "A step of the plan's methodology needs a step that does not exist.",
        "A need that names no step can never be met, or was meant to be another.",
        "Correct the step id (the hint suggests the nearest) or declare the step.",
        '[methodology.steps.launch]\nneeds = ["monitorng"]',
    ),
    (
        "unknown-check",
        "methodology-unknown-check",
        "A step of the plan's methodology uses a completion check that does not exist.",
        "The check is how socialplan tells from the plan's content that the step is done.",
        "Use the name of a built-in check (the 14 steps' ids and a few more), or leave "
        "`check` out to mark the step done by hand.",
        '[methodology.steps.goals]\ncheck = "objetives"',
    ),
    (
        "unknown-methodology",
        "unknown-methodology",
        "The plan names a methodology that is not built in, and declares no steps.",
        "Without steps there is nothing to follow.",
        'Name a built-in one ("14-steps", "a-s", "listen-think-act-monitor") or declare steps.',
        '[methodology]\nname = "a-z"',
    ),
]

for _kind, _name, _summary, _why, _fix, _example in _METHODOLOGY_RULES:
    register(
        Rule(
            code=METHODOLOGY_CODES[_kind],
            name=_name,
            severity=Severity.ERROR,
            summary=_summary,
            why=_why,
            fix=_fix,
            example=_example,
            check=_reporting(_kind),
        )
    )


def _progress(context: Context) -> Progress | None:
    """The plan's progress, when it has step records to compare with it.

    Computed once per validation: SP805, SP806 and SP808 all read it.
    """
    if not context.plan.steps:
        return None  # nothing marked by hand: nothing can disagree
    return context.memo("steps.progress", lambda: _compute_progress(context.plan))


def _compute_progress(plan: Plan) -> Progress | None:
    from ..steps import MethodologyError, progress

    try:
        return progress(plan)
    except MethodologyError:
        return None  # reported by SP801–SP804


def _set_status(status: StepStatus, *, safe: bool) -> Fix:
    """The fix that writes *status* over a step record's status."""
    return suggested(str(status), safe=safe)


@rule(
    "SP805",
    "marked-done-but-incomplete",
    "warning",
    summary="A step marked done by hand whose content the plan does not have.",
    why="A step recorded as done while its content is missing means the record or the plan "
    "is out of date, and the steps that need it build on nothing.",
    fix="Complete the content (the message says what is missing) or set the status back.",
    example='[steps.metrics]\nstatus = "done"  # but an objective is measured by no metric',
    fix_safety="unsafe",
)
def marked_done_but_incomplete(context: Context) -> Iterator[Finding]:
    current = _progress(context)
    if current is None:
        return
    for step in current:
        checked = current.methodology[step.id].check is not None
        if step.status is StepStatus.DONE and checked and not step.complete:
            more = f" (and {len(step.missing) - 1} more)" if len(step.missing) > 1 else ""
            yield Finding(
                f"steps.{step.id}.status",
                f'step "{step.id}" is marked done but its content is not: {step.missing[0]}{more}',
                "complete the content, or set the status back",
                # Unsafe: done by hand says the work happened, which the plan cannot see.
                fix=_set_status(StepStatus.IN_PROGRESS, safe=False),
            )


@rule(
    "SP808",
    "complete-but-marked-open",
    "info",
    summary="A step whose content is complete, and whose needs are done, is still marked to do "
    "or in progress.",
    why="The plan's section is written; if the work it describes is finished too, the record "
    "can say so. (The launch section is written long before the launch: that is fine. A step "
    'written while a step it needs is not done is "written, but needs X": not advised. A '
    "record whose note says why the step stays open, such as a go/no-go meeting still to "
    "come, is the plan's decision: not advised either.)",
    fix='Set `status = "done"` when the work is done; `socialplan check --fix` does. A step '
    "that stays open on purpose says why in its record's `note`, and is not advised.",
    example='[steps.policy]\nstatus = "in_progress"  # acceptable, off-limits… all written',
    fix_safety="safe",
)
def complete_but_marked_open(context: Context) -> Iterator[Finding]:
    current = _progress(context)
    if current is None:
        return
    for step in current:
        open_ = step.status in (StepStatus.TODO, StepStatus.IN_PROGRESS)
        record = context.plan.steps.get(step.id)
        if record is not None and not context.unwritten(record.note):
            continue  # the record says why the step stays open: the plan's own decision
        if open_ and step.complete and not step.blocked_by:  # else "written, but needs X"
            yield Finding(
                f"steps.{step.id}.status",
                f'step "{step.id}" is marked {step.status} but its content is complete',
                'set status = "done" when the work is done',
                # Safe (issue #19): the status contradicts the content, which is complete with
                # its needs done, and no note says why it stays open (else silent above).
                fix=_set_status(StepStatus.DONE, safe=True),
            )


@rule(
    "SP806",
    "done-before-needs",
    "warning",
    summary="A step is marked done while a step it needs is not.",
    why="Work declared finished on top of an unfinished foundation may have to be done again: "
    "channels chosen before the audiences are known, metrics set before the objectives. "
    "(Content written ahead of its step's needs is how drafts grow, and is not flagged.)",
    fix="Finish (or skip, with a reason) the steps it needs.",
    example='[steps.launch]\nstatus = "done"  # monitoring is not',
)
def done_before_needs(context: Context) -> Iterator[Finding]:
    current = _progress(context)
    if current is None:
        return
    for step in current:
        if step.status is StepStatus.DONE and step.blocked_by:
            yield Finding(
                f"steps.{step.id}",
                f'step "{step.id}" is done but it needs {", ".join(step.blocked_by)}, '
                "which are not",
                "finish or skip them first",
            )


@rule(
    "SP807",
    "skip-without-reason",
    "warning",
    summary="A step skipped by hand without a note saying why.",
    why="A skipped step is a decision; without its reason the next person cannot tell a "
    "choice from an oversight.",
    fix="Add a `note` to the step record.",
    example='[steps.influence_map]\nstatus = "skipped"',
)
def skip_without_reason(context: Context) -> Iterator[Finding]:
    for key, record in context.plan.steps.items():
        if record.status is StepStatus.SKIPPED and not (record.note and record.note.strip()):
            yield Finding(
                f"steps.{key}.note",
                f'step "{key}" is skipped without a reason',
                "say why in note",
            )
