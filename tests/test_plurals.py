"""Counts with a noun say one thing in the singular and the rest in the plural, in every output.

"1 warnings" and "1 changes" read as a program that does not care; these tests hold every
output that counts something, in English and in Spanish, to the one helper of plural forms.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialplan
from helpers import HEAD
from socialplan import Limits, Metric, Objective, Plan
from socialplan import observations as obs
from socialplan._core.text import counted, plural
from socialplan.render import report, scorecard
from socialplan.render._svg import to_svg
from socialplan.steps import Methodology, Step

# One error (SP101), one warning (SP201) and one info (SP212).
# One error, one warning and one info: with no audience at all, the info is SP809
# (audiences not started), not SP212 per objective.
ONE_OF_EACH = ["SP101", "SP201", "SP809"]
PLAN = Plan(
    name="x",
    objectives={"o": Objective(title="Reach")},
    metrics={"m": Metric(name="Likes", measures=("nowhere",))},
)


# ---------------------------------------------------------------------------
# The helper.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("noun", "lang", "expected"),
    [
        ("error", "en", "errors"),
        ("warning", "en", "warnings"),
        ("info", "en", "info"),
        ("change", "en", "changes"),
        ("calendar entry", "en", "calendar entries"),
        ("stakeholder input", "en", "stakeholder inputs"),
        ("day", "en", "days"),
        ("match", "en", "matches"),
        ("achieved", "en", "achieved"),
        ("on track", "en", "on track"),
        ("no data", "en", "no data"),
        ("error", "es", "errores"),
        ("advertencia", "es", "advertencias"),
        ("info", "es", "info"),
        ("cadena", "es", "cadenas"),
        ("canal", "es", "canales"),
        ("acción", "es", "acciones"),
        ("vez", "es", "veces"),
        ("meta de negocio", "es", "metas de negocio"),
        ("objetivo logrado", "es", "objetivos logrados"),
        ("en camino", "es", "en camino"),
        ("sin datos", "es", "sin datos"),
    ],
)
def test_the_plural_of_a_noun(noun: str, lang: Literal["en", "es"], expected: str) -> None:
    assert expected == plural(noun, lang)


@given(st.integers(min_value=-(10**9), max_value=10**9), st.sampled_from(["en", "es"]))
def test_one_is_singular_and_every_other_count_plural(count: int, lang: str) -> None:
    noun = {"en": "warning", "es": "advertencia"}[lang]
    expected = f"{count:,} {noun if count == 1 else plural(noun, lang)}"
    assert expected == counted(count, noun, lang)


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no language 'fr'"):
        plural("erreur", "fr")


# ---------------------------------------------------------------------------
# Each output.
# ---------------------------------------------------------------------------


def test_check_text_tallies_one_of_each_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from socialplan._cli import main

    path = tmp_path / "plan.toml"
    socialplan.dump(PLAN, path)
    main(["check", str(path), "--select", ",".join(ONE_OF_EACH)])
    lines = capsys.readouterr().out.splitlines()
    assert ("  1 objective, 1 metric", "  1 error, 1 warning, 1 info") == (lines[1], lines[-1])


def test_a_report_in_a_notebook_counts_one_of_each_in_the_singular() -> None:
    shown = socialplan.validate(PLAN, select=ONE_OF_EACH)
    assert ("**Not OK**: 1 error, 1 warning, 1 info", True) == (
        shown._repr_markdown_().splitlines()[0],
        "</strong>: 1 error, 1 warning, 1 info</p>" in shown._repr_html_(),
    )


def test_a_diff_in_a_notebook_counts_one_change_in_the_singular() -> None:
    changes = socialplan.diff(PLAN, PLAN.evolve(name="y"))
    assert "**1 change**" == changes._repr_markdown_().splitlines()[0]


def test_the_trace_text_counts_one_chain_in_the_singular() -> None:
    plan = Plan(name="x", objectives={"o": Objective(title="Reach")})
    assert "1 chain, 1 of 1 with gaps" == socialplan.trace(plan).to_text().splitlines()[-1]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "1 error, 1 warning, 1 info."), ("es", "1 error, 1 advertencia, 1 info.")],
)
def test_the_strategy_report_counts_one_finding_of_each_in_the_singular(
    lang: Literal["en", "es"], expected: str
) -> None:
    text = report(PLAN, lang=lang, findings=socialplan.validate(PLAN, select=ONE_OF_EACH))
    assert [f"_{expected}_"] == [line for line in text.splitlines() if line.startswith("_1 error")]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Gaps in 1 of 1 chain."), ("es", "Huecos en 1 de 1 cadena.")],
)
def test_the_strategy_report_counts_one_chain_in_the_singular(
    lang: Literal["en", "es"], expected: str
) -> None:
    plan = Plan(name="x", objectives={"o": Objective(title="Reach")})
    assert f"_{expected}_" in report(plan, lang=lang).splitlines()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "0 of 1 step done."), ("es", "0 de 1 paso hecho.")],
)
def test_the_strategy_report_counts_one_step_in_the_singular(
    lang: Literal["en", "es"], expected: str
) -> None:
    one = Methodology(name="one", title="One step", steps=(Step(id="a", title="A"),))
    plan = Plan(name="x")
    text = report(plan, lang=lang, progress=socialplan.progress(plan, one))
    assert f"_{expected}_" in text.splitlines()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Objectives: 2 achieved, 3 on track, 1 at risk, 1 off track, 2 no data."),
        ("es", "Objetivos: 2 logrados, 3 en camino, 1 en riesgo, 1 desviado, 2 sin datos."),
    ],
)
def test_the_scorecard_counts_verdicts_as_each_language_does(
    lang: Literal["en", "es"], expected: str
) -> None:
    plan = socialplan.load("examples/cartoon/plan.toml")
    card = socialplan.score(plan, obs.load("examples/cartoon/observations.csv", plan))
    text = scorecard(card, lang=lang)
    intro = expected.split(":")[0] + ":"
    assert [expected] == [line for line in text.splitlines() if line.startswith(intro)]


def test_a_limit_of_one_entry_says_entry() -> None:
    text = HEAD + "[channels.fb]\nplatform = 'facebook'\naudiences = ['a', 'b']\n"
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text, limits=Limits(max_items=1))
    assert ["a list is not at most 1 entry long (it has 2)"] == [
        d.message for d in caught.value.diagnostics
    ]


def test_a_limit_of_one_character_says_character() -> None:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(HEAD, limits=Limits(max_string=1))
    assert ['"Demo" is not at most 1 character long (it has 4)'] == [
        d.message for d in caught.value.diagnostics if d.path == "plan.name"
    ]


def test_a_drawing_of_one_node_is_named_for_one_node() -> None:
    import networkx as nx

    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_node("a", kind="goal", label="A")
    assert "<title>1 node, 0 edges</title>" in to_svg(graph)


def test_a_pillar_without_a_share_counts_one_other_pillar_in_the_singular() -> None:
    plan = socialplan.loads(
        HEAD + "[content.pillars.a]\ntheme = 'A'\nshare = 100\n[content.pillars.b]\ntheme = 'B'\n"
    )
    assert ['content pillar "b" has no share, unlike 1 other pillar'] == [
        d.message for d in socialplan.validate(plan, select=["SP603"])
    ]
