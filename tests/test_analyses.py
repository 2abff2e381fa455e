"""A plan's analyses are computed once, by one function; the renderers only show them."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import socialplan
from socialplan import observations as obs
from socialplan._analyses import Analyses, analyze
from socialplan._model import MethodologySpec
from socialplan.render import report
from socialplan.steps import MethodologyError

CARTOON = socialplan.load("examples/cartoon/plan.toml")
SRC = Path(socialplan.__file__).parent
#: The functions that compute an analysis of a plan, by the module that has them.
ANALYSES = {
    "validate": "rules",
    "progress": "steps",
    "trace": "_trace",
    "score": "_score",
}


def test_the_analyses_of_a_plan_are_its_findings_progress_and_trace() -> None:
    assert Analyses(
        findings=socialplan.validate(CARTOON),
        progress=socialplan.progress(CARTOON),
        trace=socialplan.trace(CARTOON),
        scorecard=None,
        maturity=socialplan.maturity(CARTOON),
    ) == analyze(CARTOON)


def test_analyses_already_computed_are_kept_not_computed_again() -> None:
    findings = socialplan.validate(CARTOON, select=["SP1"])
    current = socialplan.progress(CARTOON, "listen-think-act-monitor")
    season = obs.load("examples/cartoon/observations.csv", CARTOON)
    card = socialplan.score(CARTOON, season, as_of=dt.date(2027, 3, 1))
    analyses = analyze(CARTOON, findings=findings, progress=current, scorecard=card)
    assert (findings, current, card) == (analyses.findings, analyses.progress, analyses.scorecard)


def test_a_methodology_that_cannot_be_used_is_an_analysis_too() -> None:
    plan = socialplan.Plan(name="x", methodology=MethodologySpec(name="no-such-method"))
    progress = analyze(plan).progress
    assert (MethodologyError, True) == (
        type(progress),
        "not a built-in methodology" in str(progress),
    )


def test_a_report_of_a_plan_alone_shows_the_analyses_of_the_plan() -> None:
    findings, current = socialplan.validate(CARTOON), socialplan.progress(CARTOON)
    assert report(CARTOON, lang="es", findings=findings, progress=current) == report(
        CARTOON, lang="es"
    )


def _imported_names(path: Path) -> set[tuple[str, str]]:
    """Every ``(module, name)`` *path* imports, inside its functions too, relative or not."""
    names: set[tuple[str, str]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            module = (node.module or "").removeprefix("socialplan.")
            names |= {(module.lstrip("."), alias.name) for alias in node.names}
    return names


def test_the_renderers_compute_no_analysis_themselves() -> None:
    renderers = [*sorted((SRC / "render").glob("*.py")), SRC / "_display.py"]
    computing = {
        f"{path.relative_to(SRC)} imports {name} from {module}"
        for path in renderers
        for module, name in _imported_names(path)
        if ANALYSES.get(name) == module
    }
    assert set() == computing
