"""A plan's analyses in one value: its findings, its step progress, its trace, its scorecard.

The renderers show analyses; they compute none (``render/_report.py`` calls no
``validate``, ``progress``, ``trace`` or ``score``). :func:`analyze` computes them for
the simple case, reusing any already computed (a caller's own validation settings, the
methodology it chose, the observations it scored).

It lives here, at the top of the analysis layer, and not with the applications: the
public :func:`socialplan.render.report` (the present layer) must still work given only
a plan, and a module may import only from its own layer or below, so the function it
calls to fill in what it was not given cannot sit above it. Applications (the CLI, a
notebook) call it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from ._model import Plan
    from ._score import Scorecard
    from ._trace import Trace
    from .rules import Report
    from .steps import Maturity, MethodologyError, Progress

__all__ = ["Analyses", "analyze"]


@attrs.frozen(kw_only=True)
class Analyses:
    """What the outputs of one plan show besides the plan itself.

    *progress* is the :class:`~socialplan.steps.MethodologyError` that stopped it when
    the plan's methodology cannot be used (the report says so in its place); there is a
    *scorecard* only when observations were scored. *maturity* is the assessment of seed
    002's stages (``None`` only when built by hand without one: the report then leaves its
    section out).
    """

    findings: Report
    progress: Progress | MethodologyError
    trace: Trace
    scorecard: Scorecard | None = None
    maturity: Maturity | None = None


def analyze(
    plan: Plan,
    *,
    findings: Report | None = None,
    progress: Progress | None = None,
    scorecard: Scorecard | None = None,
    maturity: Maturity | None = None,
) -> Analyses:
    """The analyses of *plan*: the ones given, and the others computed with their defaults.

    The *findings* are :func:`socialplan.validate`'s, the *progress*
    :func:`socialplan.progress`'s (through the plan's own methodology) and the trace
    :func:`socialplan.trace`'s; a *scorecard* (:func:`socialplan.score` of observations)
    is kept when given; the *maturity* is :func:`socialplan.maturity`'s, of the plan
    alone unless given (give the one assessed with the observations).

    >>> import socialplan
    >>> analyses = analyze(socialplan.Plan(name="Spring"))
    >>> analyses.findings.ok, analyses.progress.next()[:1], len(analyses.trace)
    (True, ['objectives'], 0)
    """
    from ._trace import trace
    from .rules import validate
    from .steps import MethodologyError
    from .steps import maturity as maturity_of
    from .steps import progress as progress_of

    current: Progress | MethodologyError
    if progress is not None:
        current = progress
    else:
        try:
            current = progress_of(plan)
        except MethodologyError as exc:
            current = exc
    return Analyses(
        findings=findings if findings is not None else validate(plan),
        progress=current,
        trace=trace(plan),
        scorecard=scorecard,
        maturity=maturity if maturity is not None else maturity_of(plan),
    )
