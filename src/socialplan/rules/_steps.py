"""SP8: the plan's methodology is a graph of known steps; manual records agree with content."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .._core.diagnostics import Diagnostic
from .._core.vocab import StepStatus
from ._context import Context
from ._registry import Finding, rule

if TYPE_CHECKING:
    from .._model import Plan
    from ..steps import Progress


def _methodology_problems(context: Context, code: str) -> Iterator[Finding]:
    if context.plan.methodology is None:
        return
    from ..steps import MethodologyError, methodology_of

    try:
        chosen = methodology_of(context.plan)
    except MethodologyError as error:
        problems: list[Diagnostic] = list(error.diagnostics)
    else:
        problems = list(chosen.problems())
    for problem in problems:
        if problem.code == code:
            yield Finding(problem.path, problem.message, problem.hint)


@rule(
    "SP801",
    "methodology-cycle",
    "error",
    summary="The steps of the plan's methodology need each other in a circle.",
    why="A step that needs itself, however indirectly, can never start.",
    fix="Drop one of the `needs` named in the message.",
    example='[methodology.steps.a]\nneeds = ["b"]\n[methodology.steps.b]\nneeds = ["a"]',
)
def methodology_cycle(context: Context) -> Iterator[Finding]:
    yield from _methodology_problems(context, "SP801")


@rule(
    "SP802",
    "methodology-unknown-need",
    "error",
    summary="A step of the plan's methodology needs a step that does not exist.",
    why="A need that names no step can never be met, or was meant to be another.",
    fix="Correct the step id (the hint suggests the nearest) or declare the step.",
    example='[methodology.steps.launch]\nneeds = ["monitorng"]',
)
def methodology_unknown_need(context: Context) -> Iterator[Finding]:
    yield from _methodology_problems(context, "SP802")


@rule(
    "SP803",
    "methodology-unknown-check",
    "error",
    summary="A step of the plan's methodology uses a completion check that does not exist.",
    why="The check is how socialplan tells from the plan's content that the step is done.",
    fix="Use the name of a built-in check (the 14 steps' ids and a few more), or leave "
    "`check` out to mark the step done by hand.",
    example='[methodology.steps.goals]\ncheck = "objetives"',
)
def methodology_unknown_check(context: Context) -> Iterator[Finding]:
    yield from _methodology_problems(context, "SP803")


@rule(
    "SP804",
    "unknown-methodology",
    "error",
    summary="The plan names a methodology that is not built in, and declares no steps.",
    why="Without steps there is nothing to follow.",
    fix='Name a built-in one ("14-steps", "a-s", "listen-think-act-monitor") or declare steps.',
    example='[methodology]\nname = "a-z"',
)
def unknown_methodology(context: Context) -> Iterator[Finding]:
    yield from _methodology_problems(context, "SP804")


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


@rule(
    "SP805",
    "marked-done-but-incomplete",
    "warning",
    summary="A step marked done by hand whose content the plan does not have.",
    why="A step recorded as done while its content is missing means the record or the plan "
    "is out of date, and the steps that need it build on nothing.",
    fix="Complete the content (the message says what is missing) or set the status back.",
    example='[steps.metrics]\nstatus = "done"  # but an objective is measured by no metric',
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
            )


@rule(
    "SP808",
    "complete-but-marked-open",
    "info",
    summary="A step whose content is complete is still marked to do or in progress.",
    why="The plan's section is written; if the work it describes is finished too, the record "
    "can say so. (The launch section is written long before the launch: that is fine.)",
    fix='Set `status = "done"` when the work is done.',
    example='[steps.policy]\nstatus = "in_progress"  # acceptable, off-limits… all written',
)
def complete_but_marked_open(context: Context) -> Iterator[Finding]:
    current = _progress(context)
    if current is None:
        return
    for step in current:
        if step.status in (StepStatus.TODO, StepStatus.IN_PROGRESS) and step.complete:
            yield Finding(
                f"steps.{step.id}.status",
                f'step "{step.id}" is marked {step.status} but its content is complete',
                'set status = "done" when the work is done',
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
