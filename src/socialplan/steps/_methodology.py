"""Methodologies: named graphs of steps over the same plan.

The 14 steps of seed 004 are the default; seed 003's A–S process and seed
001's listen → think → act → monitor cycle ship too, and a plan can declare
its own in its ``[methodology]`` table.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from .._core.diagnostics import METHODOLOGY_CODES, Diagnostic, Severity
from .._core.parts import Part
from .._core.text import show
from .._core.vocab import did_you_mean
from .._model import MethodologySpec, Plan
from ._checks import CHECKS

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "A_TO_S",
    "FOURTEEN_STEPS",
    "LISTEN_THINK_ACT_MONITOR",
    "METHODOLOGIES",
    "Methodology",
    "MethodologyError",
    "MethodologyProblem",
    "ProblemKind",
    "Step",
    "methodology_of",
]


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Step(Part):
    """A step: what it needs first, and the completion check that tells it is done.

    A step without a check is an activity: only a ``[steps.<id>]`` record can
    mark it done.
    """

    id: str
    title: str
    needs: tuple[str, ...] = ()
    check: str | None = None
    label: str | None = None


class ProblemKind(enum.StrEnum):
    """What makes a methodology not a graph of known steps."""

    CYCLE = "cycle"
    UNKNOWN_NEED = "unknown-need"
    UNKNOWN_CHECK = "unknown-check"
    UNKNOWN_METHODOLOGY = "unknown-methodology"


@attrs.frozen(kw_only=True, eq=False, repr=False)
class MethodologyProblem(Part):
    """One reason a methodology is not a graph of known steps, located in the plan.

    *ids* are what is involved: the step and the need that names no step
    (``UNKNOWN_NEED``), the step and its unknown check (``UNKNOWN_CHECK``), the
    steps of the circle as a closed walk (``CYCLE``: ``("a", "b", "a")``), or the
    name that is no methodology (``UNKNOWN_METHODOLOGY``).
    """

    kind: ProblemKind
    path: str
    ids: tuple[str, ...]
    message: str
    hint: str | None = None


def _diagnostic(problem: MethodologyProblem) -> Diagnostic:
    """*problem* as the error diagnostic the rule catalog documents its kind with (SP80x)."""
    return Diagnostic(
        code=METHODOLOGY_CODES[problem.kind],
        severity=Severity.ERROR,
        message=problem.message,
        path=problem.path,
        hint=problem.hint,
    )


class MethodologyError(ValueError):
    """A methodology that is not a graph of steps: a cycle, an unknown step or check.

    :attr:`problems` says what is wrong; :attr:`diagnostics` says it as the error
    diagnostics (SP801-SP804) that ``socialplan check`` reports.
    """

    def __init__(self, problems: Iterable[MethodologyProblem]) -> None:
        self.problems = tuple(problems)
        self.diagnostics = tuple(map(_diagnostic, self.problems))
        super().__init__("\n".join(str(d) for d in self.diagnostics))


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Methodology(Part):
    """A named DAG of steps; the order of *steps* is the author's numbering."""

    name: str
    title: str
    steps: tuple[Step, ...]

    def __getitem__(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    @property
    def ids(self) -> list[str]:
        """The step ids in the author's order."""
        return [step.id for step in self.steps]

    def problems(self, path: str = "methodology.steps") -> Iterator[Diagnostic]:
        """What makes this methodology not a graph of steps, each located, as diagnostics.

        >>> broken = Methodology(name="x", title="x", steps=(
        ...     Step(id="a", title="A", needs=("b",)), Step(id="b", title="B", needs=("a",))))
        >>> [d.message for d in broken.problems()]
        ['the steps needs go round in a circle: a → b → a']
        """
        return map(_diagnostic, self.find_problems(path))

    def find_problems(self, path: str = "methodology.steps") -> Iterator[MethodologyProblem]:
        """What makes this methodology not a graph of steps, each located at *path*.

        >>> broken = Methodology(name="x", title="x", steps=(
        ...     Step(id="a", title="A", needs=("b",)), Step(id="b", title="B", needs=("a",))))
        >>> [(p.kind, p.ids) for p in broken.find_problems()]
        [(<ProblemKind.CYCLE: 'cycle'>, ('a', 'b', 'a'))]
        """
        ids = self.ids
        for step in self.steps:
            for position, need in enumerate(step.needs):
                if need not in ids:
                    near = did_you_mean(need, ids)
                    yield MethodologyProblem(
                        kind=ProblemKind.UNKNOWN_NEED,
                        path=f"{path}.{step.id}.needs[{position}]",
                        ids=(step.id, need),
                        message=f'step "{step.id}" needs {show(need)}, which is not a step',
                        hint=f'did you mean "{near}"?'
                        if near
                        else "expected one of: " + ", ".join(ids),
                    )
            if step.check is not None and step.check not in CHECKS:
                near = did_you_mean(step.check, CHECKS)
                yield MethodologyProblem(
                    kind=ProblemKind.UNKNOWN_CHECK,
                    path=f"{path}.{step.id}.check",
                    ids=(step.id, step.check),
                    message=f'step "{step.id}" uses the check {show(step.check)}, which does not '
                    "exist",
                    hint=f'did you mean "{near}"?'
                    if near
                    else "socialplan.steps.CHECKS lists the built-in checks",
                )
        from .._core.graph import cycles

        edges = [(need, s.id) for s in self.steps for need in s.needs if need in ids]
        for cycle in cycles(edges):
            yield MethodologyProblem(
                kind=ProblemKind.CYCLE,
                path=f"{path}.{cycle[0]}.needs",
                ids=tuple(cycle),
                message="the steps needs go round in a circle: " + " → ".join(cycle),
                hint="drop one of these needs",
            )

    def _raise_problems(self) -> None:
        problems = list(self.find_problems())
        if problems:
            raise MethodologyError(problems)

    def graph(self) -> nx.DiGraph[str]:
        """The steps as a networkx DAG, an edge from each need to the step that needs it.

        Raises :class:`MethodologyError` if the steps do not make a DAG.
        """
        import networkx as nx

        self._raise_problems()
        graph: nx.DiGraph[str] = nx.DiGraph()
        for position, step in enumerate(self.steps):
            graph.add_node(step.id, position=position)
            graph.add_edges_from((need, step.id) for need in step.needs)
        return graph


def _steps(
    *rows: tuple[str, str, tuple[str, ...], str | None], labels: str = ""
) -> tuple[Step, ...]:
    names = labels.split() or [str(n) for n in range(1, len(rows) + 1)]
    return tuple(
        Step(id=i, title=t, needs=n, check=c, label=label)
        for (i, t, n, c), label in zip(rows, names, strict=True)
    )


#: Seed 004: Miguel Torres's 14-step work plan (the default).
FOURTEEN_STEPS = Methodology(
    name="14-steps",
    title="Plan de trabajo para Redes Sociales (14 steps)",
    steps=_steps(
        ("objectives", "Set your objectives", (), "objectives"),
        ("stakeholder_input", "Gather stakeholder input", ("objectives",), "stakeholder_input"),
        ("audiences", "Where are the customers?", ("objectives",), "audiences"),
        ("influence_map", "Influence map", ("audiences",), "influence_map"),
        (
            "responsibility_map",
            "Responsibility map",
            ("objectives", "stakeholder_input"),
            "responsibility_map",
        ),
        ("channels", "Set your channels", ("audiences", "stakeholder_input"), "channels"),
        (
            "content_strategy",
            "Set your content strategy",
            ("objectives", "audiences", "channels"),
            "content_strategy",
        ),
        ("metrics", "Set the metrics", ("objectives", "channels"), "metrics"),
        (
            "channel_setup",
            "Customize your channels",
            ("channels", "content_strategy"),
            "channel_setup",
        ),
        (
            "engagement_framework",
            "Set the engagement framework",
            ("channels", "responsibility_map", "influence_map"),
            "engagement_framework",
        ),
        (
            "policy",
            "Develop a social media policy",
            ("responsibility_map", "engagement_framework"),
            "policy",
        ),
        (
            "initial_content",
            "Publish your initial content",
            ("content_strategy", "channel_setup", "policy"),
            "initial_content",
        ),
        ("monitoring", "Monitor and measure", ("metrics", "initial_content"), "monitoring"),
        (
            "internal_networks",
            "Harness your internal networks",
            ("responsibility_map", "initial_content"),
            "internal_networks",
        ),
        ("launch", "Take off!", ("monitoring", "internal_networks"), "launch"),
        labels="1 1b 2 3 4 5 6 7 8 9 10 11 12 13 14",
    ),
)

#: Seed 003: Isra García's steps A to S.
A_TO_S = Methodology(
    name="a-s",
    title="Isra García's social media strategy, steps A–S",
    steps=_steps(
        ("a", "A. Objectives, quantitative and qualitative", (), "objectives"),
        ("b", "B. Analysis, with a plan B and a plan C", ("a",), "analysis"),
        ("b_scenarios", "B. Plan B and plan C", ("b",), "scenarios"),
        ("c", "C. Creativity: turn A and B upside down", ("a", "b"), None),
        ("d", "D. Mature the ideas, find the keys", ("c",), None),
        ("e", "E. Vision, mission, a purpose for each platform", ("d",), "vision"),
        ("f", "F. Choose where to be visible", ("e", "b"), "channels"),
        ("g", "G. Brainstorm tools, campaigns, calendar", ("f",), "content_strategy"),
        ("h", "H. Research the audience", ("f",), "audiences"),
        (
            "i",
            "I. Integrate: profiles, identity, drafts, cross-posting",
            ("h", "g"),
            "channel_setup",
        ),
        ("j", "J. Trial period before the launch", ("i",), "trial"),
        ("k", "K. Promote and spread the strategy", ("j",), "promotion"),
        ("l", "L. Resources: people, tools, budget", ("k",), "resources"),
        ("m", "M. Launch campaign, online and offline", ("l",), "launch"),
        ("n", "N. Productivity tools", ("m",), "tools"),
        ("o", "O. Track, monitor and measure against A", ("m",), "monitoring"),
        ("q", "Q. Short term", ("o",), "short_term"),
        ("p", "P. Medium term", ("q",), "medium_term"),
        ("r", "R. Long term", ("p",), "long_term"),
        ("s", "S. Time to make money", ("r",), "roi"),
        labels="A B B' C D E F G H I J K L M N O Q P R S",
    ),
)

#: Seed 001: listen → think → act → monitor (monitoring feeds the next round of listening).
LISTEN_THINK_ACT_MONITOR = Methodology(
    name="listen-think-act-monitor",
    title="Listen, think, act, monitor",
    steps=_steps(
        ("listen", "Listen and learn: internal and external analysis", (), "analysis"),
        ("think", "Think and define: objectives, audiences, messages", ("listen",), "think"),
        ("act", "Act and build community", ("think",), "act"),
        (
            "monitor",
            "Monitor: content value, community, influence, engagement",
            ("act",),
            "monitor",
        ),
    ),
)

#: The built-in methodologies, by name.
METHODOLOGIES: Mapping[str, Methodology] = {
    m.name: m for m in (FOURTEEN_STEPS, A_TO_S, LISTEN_THINK_ACT_MONITOR)
}


def from_spec(spec: MethodologySpec) -> Methodology:
    """The methodology a ``[methodology]`` table declares (or names)."""
    if not spec.steps:
        name = spec.name or FOURTEEN_STEPS.name
        if name not in METHODOLOGIES:
            near = did_you_mean(name, METHODOLOGIES)
            raise MethodologyError(
                [
                    MethodologyProblem(
                        kind=ProblemKind.UNKNOWN_METHODOLOGY,
                        path="methodology.name",
                        ids=(name,),
                        message=f"{show(name)} is not a built-in methodology and declares no steps",
                        hint=f'did you mean "{near}"?'
                        if near
                        else "expected one of: " + ", ".join(METHODOLOGIES),
                    )
                ]
            )
        return METHODOLOGIES[name]
    steps = tuple(
        Step(id=key, title=step.title or key, needs=step.needs, check=step.check)
        for key, step in spec.steps.items()
    )
    return Methodology(name=spec.name or "custom", title=spec.name or "custom", steps=steps)


def methodology_of(plan: Plan, methodology: Methodology | str | None = None) -> Methodology:
    """The methodology to follow: the one given, else the plan's own, else the 14 steps."""
    if isinstance(methodology, Methodology):
        return methodology
    if isinstance(methodology, str):
        return from_spec(MethodologySpec(name=methodology))
    if plan.methodology is not None:
        return from_spec(plan.methodology)
    return FOURTEEN_STEPS
