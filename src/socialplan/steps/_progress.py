"""Progress through a methodology: each step's state, derived from the plan's content."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator

import attrs

from .._core.parts import Part
from .._core.vocab import StepStatus
from .._core.written import judged_once
from .._model import Plan
from ._checks import CHECKS, WRITTEN, Missing
from ._methodology import Methodology, methodology_of

__all__ = ["Progress", "StepProgress", "StepState", "progress"]


class StepState(enum.StrEnum):
    """Where a step stands.

    *done*: its content is complete and every step it needs is done (or a record says so);
    *written*: something of it is written, but it is incomplete or a step it needs is not
    done ("written, but needs X"); *ready*: nothing written yet, and it can start;
    *blocked*: nothing written yet, and a step it needs is not done; *skipped*: by hand.
    Placeholders (TODO, TBD…) are never written content.
    """

    DONE = "done"
    WRITTEN = "written"
    READY = "ready"
    BLOCKED = "blocked"
    SKIPPED = "skipped"


@attrs.frozen(kw_only=True, eq=False, repr=False)
class StepProgress(Part):
    """One step's progress.

    *state* is derived from the plan's content unless a ``[steps.<id>]`` record
    marks the step done or skipped by hand; *complete* says what the content
    alone says, and *written* whether any of it is there. *missing* lists what
    content is lacking; *blocked_by*, the steps it needs that are neither done
    nor skipped (for a written step, what it still needs: "written, but needs X").
    """

    id: str
    title: str
    label: str
    state: StepState
    complete: bool
    written: bool = False
    missing: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    blocked_by: tuple[str, ...] = ()
    status: StepStatus | None = None
    owner: str | None = None
    due: dt.date | None = None
    duration_days: float | None = None
    note: str | None = None


_FINISHED = (StepState.DONE, StepState.SKIPPED)


@attrs.frozen(eq=False, repr=False)
class Progress(Part):
    """The progress of a plan through a methodology, step by step.

    Index it by step id; iterate it in the methodology's order.
    """

    methodology: Methodology
    steps: dict[str, StepProgress]

    def __getitem__(self, step_id: str) -> StepProgress:
        return self.steps[step_id]

    def __iter__(self) -> Iterator[StepProgress]:
        return iter(self.steps.values())

    def __len__(self) -> int:
        return len(self.steps)

    def next(self) -> list[str]:
        """The steps that can be worked on now: not done, and every need done or skipped."""
        return [
            s.id
            for s in self
            if s.state in (StepState.READY, StepState.WRITTEN) and not s.blocked_by
        ]

    def order(self) -> list[str]:
        """An order of the steps that respects every need, as close to the author's as it can."""
        return _ordered(self.methodology)

    def critical_path(self) -> list[str]:
        """The chain of needs that takes longest, by each step's duration when given.

        A step without a duration takes the time from its latest need's due date
        to its own, when both are given; when no step says how long it takes,
        every step counts as one.
        """
        weights = {s.id: self._days(s) for s in self}
        if not any(weights.values()):
            weights = dict.fromkeys(weights, 1.0)
        order = self.order()
        position = {step: index for index, step in enumerate(order)}
        finish: dict[str, float] = {}
        before: dict[str, str | None] = {}
        for step_id in order:  # on a tie, the path goes through the later step
            needs = self.steps[step_id].needs
            latest = max(needs, key=lambda n: (finish[n], position[n]), default=None)
            before[step_id] = latest
            finish[step_id] = weights[step_id] + (finish[latest] if latest else 0.0)
        if not finish:
            return []
        last: str | None = max(finish, key=lambda n: (finish[n], position[n]))
        path: list[str] = []
        while last is not None:
            path.append(last)
            last = before[last]
        return path[::-1]

    def _days(self, step: StepProgress) -> float:
        if step.duration_days is not None:
            return step.duration_days
        dues = [self.steps[n].due for n in step.needs if self.steps[n].due is not None]
        if step.due is not None and dues:
            return float(max((step.due - max(d for d in dues if d)).days, 0))
        return 0.0

    def counts(self) -> dict[str, int]:
        """How many steps are in each state."""
        return {str(state): sum(s.state is state for s in self) for state in StepState}

    def _repr_markdown_(self) -> str:
        from .._display import progress_markdown

        return progress_markdown(self)

    def _repr_html_(self) -> str:
        from .._display import progress_html

        return progress_html(self)

    def to_records(self) -> list[dict[str, object]]:
        """One plain dict per step, for tables (``pandas.DataFrame(progress.to_records())``)."""
        return [
            {
                "step": s.id,
                "title": s.title,
                "state": str(s.state),
                "written": s.written,
                "owner": s.owner,
                "due": s.due,
                "missing": "; ".join(s.missing),
                "blocked_by": ", ".join(s.blocked_by),
            }
            for s in self
        ]


def progress(plan: Plan, methodology: Methodology | str | None = None) -> Progress:
    """Where *plan* stands in *methodology* (by default the plan's own, else the 14 steps).

    >>> import socialplan
    >>> plan = socialplan.loads('format = "socialplan/1"\\n[plan]\\nname = "Demo"\\n')
    >>> p = socialplan.progress(plan)
    >>> p["objectives"].state, p["objectives"].missing
    (<StepState.READY: 'ready'>, ('no objective yet',))
    >>> p.next()
    ['objectives']

    Raises :class:`MethodologyError` if the methodology is not a DAG of known
    steps and checks.
    """
    chosen = methodology_of(plan, methodology)
    order = _ordered(chosen)
    with judged_once():
        return _progress(plan, chosen, order)


def _progress(plan: Plan, chosen: Methodology, order: list[str]) -> Progress:
    states: dict[str, StepProgress] = {}
    for step_id in order:
        step = chosen[step_id]
        record = plan.steps.get(step_id)
        status = record.status if record else None
        if step.check:
            missing = tuple(CHECKS[step.check](plan))
        elif status in (StepStatus.DONE, StepStatus.SKIPPED):
            missing = ()
        else:
            missing = (Missing("by_hand"),)
        complete = step.check is not None and not missing
        written = complete or (step.check is not None and WRITTEN[step.check](plan))
        blocked_by = tuple(n for n in step.needs if states[n].state not in _FINISHED)
        if status is StepStatus.SKIPPED:
            state = StepState.SKIPPED
        elif status is StepStatus.DONE or (complete and not blocked_by):
            state = StepState.DONE
        elif written:
            state = StepState.WRITTEN
        elif blocked_by:
            state = StepState.BLOCKED
        else:
            state = StepState.READY
        states[step_id] = StepProgress(
            id=step_id,
            title=step.title,
            label=step.label or str(chosen.ids.index(step_id) + 1),
            state=state,
            complete=complete,
            written=written,
            missing=missing if not complete else (),
            needs=step.needs,
            blocked_by=blocked_by,
            status=status,
            owner=record.owner if record else None,
            due=record.due if record else None,
            duration_days=record.duration.days if record and record.duration else None,
            note=record.note if record else None,
        )
    return Progress(chosen, {s: states[s] for s in chosen.ids})


def _ordered(methodology: Methodology) -> list[str]:
    """The steps in topological order, the earliest listed first among those ready.

    When every step is listed after the steps it needs (as in the built-in methodologies),
    that order is the list itself, and networkx (about 140 ms to import) is not needed.
    """
    done: set[str] = set()
    for step in methodology.steps:
        if not done.issuperset(step.needs):
            break
        done.add(step.id)
    else:
        methodology._raise_problems()
        return list(methodology.ids)
    import networkx as nx

    graph = methodology.graph()
    return list(
        nx.lexicographical_topological_sort(graph, key=lambda n: graph.nodes[n]["position"])
    )
