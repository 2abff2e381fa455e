"""The strategy report: a plan written out for people, in Markdown or one HTML file.

>>> import socialplan
>>> from socialplan import render
>>> plan = socialplan.load("examples/bakery/plan.toml")
>>> text = render.report(plan, lang="es")
>>> text.splitlines()[0]
'# Panadería La Espiga: social media plan 2027'
>>> "## Metas de negocio y objetivos" in text
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .._core.gc import collector_paused
from ._i18n import LANGUAGES

if TYPE_CHECKING:
    from .._model import Plan
    from .._score import Scorecard
    from ..rules import Report
    from ..steps import Maturity, Progress

__all__ = ["FORMATS", "LANGUAGES", "report", "scorecard"]

#: The formats a report can be written in.
FORMATS = ("markdown", "html")


@collector_paused
def report(
    plan: Plan,
    *,
    format: Literal["markdown", "html"] = "markdown",  # noqa: A002
    lang: Literal["en", "es"] = "en",
    findings: Report | None = None,
    progress: Progress | None = None,
    scorecard: Scorecard | None = None,
    maturity: Maturity | None = None,
) -> str:
    """The strategy report of *plan*: Markdown (Mermaid diagrams) or a self-contained HTML page.

    *lang* sets the report's own words (headings, column names); the plan's
    text is shown as written. The validation *findings* and step *progress*
    are computed from the plan unless given (give them to reuse ones you have,
    or a report with settings of your own). Given a *scorecard*
    (:func:`socialplan.score` of the observations collected so far), the report
    shows the results against the plan before the validation findings. The maturity
    section shows *maturity* (:func:`socialplan.maturity`, given the same observations
    for their evidence of practice), else the plan's own assessment.
    """
    from .._analyses import analyze
    from ._i18n import words
    from ._report import build

    if format not in FORMATS:
        raise ValueError(f"no report format {format!r}; expected one of {', '.join(FORMATS)}")
    contents = words(lang)["contents"]  # an unknown language is refused before any analysis
    analyses = analyze(
        plan, findings=findings, progress=progress, scorecard=scorecard, maturity=maturity
    )
    blocks = build(plan, analyses, lang)
    if format == "html":
        from ._html import write as write_html

        return write_html(blocks, contents, lang)
    from ._markdown import write as write_markdown

    return write_markdown(blocks, contents)


@collector_paused
def scorecard(
    card: Scorecard,
    *,
    format: Literal["text", "markdown", "html", "json"] = "text",  # noqa: A002
    lang: Literal["en", "es"] = "en",
) -> str:
    """The scorecard of :func:`socialplan.score` as text, Markdown, one HTML page, or JSON."""
    from ._scorecard import scorecard as write

    return write(card, format=format, lang=lang)
