"""The strategy report: every part of the plan shown, escaped, self-contained, in two languages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialplan
from helpers import without_step_notes
from html_page import page
from shown import in_document
from socialplan.render import report
from socialplan.testing import plans

EXAMPLES = sorted(Path("examples").glob("*/plan.toml"))
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "</table></main><iframe src=https://evil.example>",
    "[click](https://evil.example) ![x](https://evil.example/x.png)",
    "```\n| a | b |\n# heading",
]


def hostile(payload: str) -> socialplan.Plan:
    plan = socialplan.load("examples/cartoon/plan.toml")
    objective = next(iter(plan.objectives.values()))
    key = next(iter(plan.objectives))
    import attrs

    return plan.with_objective(key, attrs.evolve(objective, title=payload)).evolve(
        name=payload, vision=payload
    )


def test_an_empty_plan_shows_only_the_sections_with_something_to_say() -> None:
    text = report(socialplan.Plan(name="Empty"))
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert [
        "Summary",
        "Contents",
        "Step progress and next steps",
        "Social media maturity",  # issue #18: stage 0 practised, 0 planned, and why
        "Validation findings",
    ] == headings


def test_the_sections_with_nothing_in_them_collapse_into_one_line() -> None:
    text = report(socialplan.Plan(name="Empty"))
    assert [
        "- Not started yet: vision and mission, briefing, situation and analysis, goals and "
        "objectives, audiences, channels, influencers, roles and routing, content and calendar, "
        "metrics, engagement, policy, internal networks and launch, resources, scenarios, "
        "traceability."
    ] == [line for line in text.splitlines() if "Not started" in line]


def test_the_spanish_report_lists_what_is_not_started_in_spanish() -> None:
    plan = socialplan.Plan(name="Vacío").with_part(
        "business_goals", "marca", socialplan.BusinessGoal(statement="Ser conocidos")
    )
    text = report(plan, lang="es", format="html")
    assert [
        "<li>Sin empezar todavía: visión y misión, briefing, situación y análisis, "
        "audiencias, canales, influenciadores, roles y derivación, contenidos y calendario, "
        "métricas, marco de compromiso, política, redes internas y lanzamiento, recursos, "
        "escenarios.</li>"
    ] == re.findall(r"<li>Sin empezar[^<]*</li>", text)


def test_a_plan_with_every_section_says_nothing_is_unstarted() -> None:
    text = report(socialplan.load("examples/cartoon/plan.toml"))
    assert [] == [line for line in text.splitlines() if "Not started yet" in line]


def test_the_spanish_report_has_spanish_headings() -> None:
    text = report(socialplan.load("examples/bakery/plan.toml"), lang="es")
    assert ["## Índice", "## Visión y misión", "## Escenarios: plan B y plan C"] == [
        line
        for line in text.splitlines()
        if line in {"## Índice", "## Visión y misión", "## Escenarios: plan B y plan C"}
    ]


def test_an_unknown_language_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="expected one of en, es"):
        report(socialplan.Plan(name="x"), lang="fr")  # type: ignore[arg-type]  # no such language, on purpose


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_example_reports_show_every_objective_channel_and_metric(path: Path) -> None:
    plan = socialplan.load(path)
    text = "".join(page(report(plan, format="html")).text)
    names = [
        *(o.title for o in plan.objectives.values()),
        *(m.name for m in plan.metrics.values()),
        *(i.name for i in plan.influencers.values()),
        *(s.name for s in plan.scenarios.values()),
    ]
    assert [] == [name for name in names if name not in text]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_markdown_report_draws_its_diagrams_in_mermaid(path: Path) -> None:
    text = report(socialplan.load(path))
    blocks = re.findall(r"```mermaid\n(.*?)```", text, flags=re.DOTALL)
    assert ["flowchart"] * len(blocks) == [b.split()[0] for b in blocks]
    assert len(blocks) >= 4


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_text_from_the_plan_becomes_markup_in_html(payload: str) -> None:
    parsed = page(report(hostile(payload), format="html"))
    tags = {tag for tag, _ in parsed.tags}
    assert set() == tags & {"script", "img", "iframe", "object", "embed"}
    assert payload.split("\n")[0] in "".join(parsed.text)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_text_from_the_plan_becomes_markup_in_markdown(payload: str) -> None:
    text = report(hostile(payload))
    outside_code = re.sub(r"```mermaid\n.*?```", "", text, flags=re.DOTALL)
    assert [] == re.findall(r"(?<!\\)<(?:script|img|svg|iframe)", outside_code)
    assert [] == re.findall(r"(?<!\\)\]\(https?:", outside_code)
    assert [] == [line for line in outside_code.splitlines() if line.startswith("```")]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_html_report_loads_nothing_from_outside(path: Path) -> None:
    parsed = page(report(socialplan.load(path), format="html"))
    links = [
        (tag, name, value)
        for tag, attrs in parsed.tags
        for name, value in attrs.items()
        if name in {"href", "src", "xlink:href", "action", "data"}
        and value is not None
        and not value.startswith("#")
    ]
    assert [] == links
    assert set() == {tag for tag, _ in parsed.tags} & {"script", "link", "img", "iframe"}


def test_the_html_report_draws_its_diagrams_inline() -> None:
    parsed = page(report(socialplan.load("examples/cartoon/plan.toml"), format="html"))
    assert 4 <= [tag for tag, _ in parsed.tags].count("svg")


def _bakery_without_step_notes() -> socialplan.Plan:
    """The bakery with its open steps' notes taken out: SP808 advises on three of them."""
    text = Path("examples/bakery/plan.toml").read_text(encoding="utf-8")
    return socialplan.loads(without_step_notes(text))


def test_the_findings_given_are_the_ones_shown() -> None:
    plan = _bakery_without_step_notes()
    shown = report(plan, findings=socialplan.validate(plan, select=["SP808"]))
    assert ["SP808"] == sorted(set(re.findall(r"\| (SP\d{3}) \|", shown)))


def test_a_broken_plan_reports_its_errors() -> None:
    plan = socialplan.Plan(name="x").with_objective(
        "o", socialplan.Objective(title="O", supports=("nowhere",))
    )
    assert "SP101" in report(plan)


@settings(max_examples=25, deadline=None)
@given(plans(), st.sampled_from(["markdown", "html"]), st.sampled_from(["en", "es"]))
def test_the_report_is_the_same_every_time(
    plan: socialplan.Plan, fmt: Literal["markdown", "html"], lang: Literal["en", "es"]
) -> None:
    assert report(plan, format=fmt, lang=lang) == report(plan, format=fmt, lang=lang)


@settings(max_examples=25, deadline=None)
@given(plans())
def test_every_objective_and_channel_appears_in_the_html_text(plan: socialplan.Plan) -> None:
    text = "".join(page(report(plan, format="html")).text)
    wanted = [in_document(o.title) for o in plan.objectives.values()] + list(plan.channels)
    assert [] == [name for name in wanted if name not in text]


SAMPLES = [
    ("docs/samples/cartoon-report.md", "examples/cartoon/plan.toml", []),
    ("docs/samples/bakery-report-es.md", "examples/bakery/plan.toml", ["--lang", "es"]),
    ("docs/samples/cartoon-report.html", "examples/cartoon/plan.toml", ["--format", "html"]),
]


@pytest.mark.parametrize(("sample", "plan", "options"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_the_sample_reports_in_the_docs_are_current(
    sample: str, plan: str, options: list[str], tmp_path: Path
) -> None:
    from socialplan._cli import main

    fresh = tmp_path / "fresh"
    main(["report", plan, *options, "-o", str(fresh)])
    command = " ".join(["socialplan report", plan, *options, "-o", sample])
    assert fresh.read_text(encoding="utf-8") == Path(sample).read_text(encoding="utf-8"), (
        f"regenerate the sample: {command}"
    )


def test_the_findings_are_counted_by_the_names_of_their_severities() -> None:
    plan = _bakery_without_step_notes()
    shown = report(plan, findings=socialplan.validate(plan, select=["SP808"]))
    assert ["0 errors, 0 warnings, 3 info."] == [
        line.strip("_") for line in shown.splitlines() if "warnings" in line
    ]


def test_the_spanish_report_names_the_severities_in_spanish() -> None:
    plan = _bakery_without_step_notes()
    findings = socialplan.validate(plan, select=["SP808"], severity={"SP808": "warning"})
    shown = report(plan, lang="es", findings=findings)
    rows = [line.split(" | ")[:2] for line in shown.splitlines() if line.startswith("| SP808 |")]
    assert [["| SP808", "advertencia"]] * 3 == rows


# Two objectives written in the order opposite to their ids': by path, "alpha" comes first;
# in the file, "zeta" does.
OUT_OF_PATH_ORDER = """\
format = "socialplan/1"
[plan]
name = "Demo"
[objectives.zeta]
title = "Z"
supports = ["nowhere"]
[objectives.alpha]
title = "A"
supports = ["elsewhere"]
"""


def finding_rows(shown: str, code: str) -> list[str]:
    """The *where* cell of each row of the findings table with *code*, in order."""
    return [line.split(" | ")[2] for line in shown.splitlines() if line.startswith(f"| {code} |")]


def test_the_report_command_lists_findings_in_the_order_of_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from socialplan._cli import main

    path = tmp_path / "plan.toml"
    path.write_text(OUT_OF_PATH_ORDER, encoding="utf-8")
    code = main(["report", str(path)])
    shown = capsys.readouterr().out
    assert (0, [r"objectives.zeta.supports\[0\]", r"objectives.alpha.supports\[0\]"]) == (
        code,
        finding_rows(shown, "SP101"),
    )


def test_the_report_lists_located_findings_in_the_order_of_the_file() -> None:
    plan = socialplan.loads(OUT_OF_PATH_ORDER)
    findings = socialplan.validate(plan).located(OUT_OF_PATH_ORDER)
    assert [r"objectives.zeta.supports\[0\]", r"objectives.alpha.supports\[0\]"] == finding_rows(
        report(plan, findings=findings), "SP101"
    )


def test_the_report_of_a_plan_alone_lists_findings_by_path() -> None:
    plan = socialplan.loads(OUT_OF_PATH_ORDER)
    assert [r"objectives.alpha.supports\[0\]", r"objectives.zeta.supports\[0\]"] == finding_rows(
        report(plan), "SP101"
    )


def _keyed_tables_of_sections() -> list[tuple[str, str]]:
    """(section, table) for every table of parts by key inside a section of the plan
    (``content.pillars``, ``raci.steps``…), read off the model; ``[check]``'s tables hold
    settings, not parts."""
    import types
    import typing
    from collections.abc import Mapping

    import attrs

    def inner(tp: typing.Any) -> typing.Any:
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            return next(a for a in typing.get_args(tp) if a is not type(None))
        return tp

    found = []
    hints = typing.get_type_hints(socialplan.Plan)
    for field in attrs.fields(socialplan.Plan):
        section = inner(hints[field.name])
        if not attrs.has(section) or field.name == "check":
            continue
        inside = typing.get_type_hints(section)
        for sub in attrs.fields(section):
            if typing.get_origin(inner(inside[sub.name])) in (Mapping, dict):
                found.append((field.name, sub.name))
    return found


@pytest.mark.parametrize(("section", "table"), _keyed_tables_of_sections())
def test_a_finding_in_a_table_of_a_section_is_grouped_under_the_parts_key(
    section: str, table: str
) -> None:
    from socialplan._core.diagnostics import Diagnostic, Severity, part_named

    finding = Diagnostic(
        code="SP601", severity=Severity.WARNING, message="", path=f"{section}.{table}.fun.note"
    )
    assert "fun" == part_named(finding)
