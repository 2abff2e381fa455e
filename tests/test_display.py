"""Plans, reports and progress show themselves in notebooks, and give plain records."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

import socialplan
from helpers import HEAD
from shown import in_document
from socialplan.steps import Methodology, Step

HOSTILE = 'Cakes | <script>alert("x")</script> *now*'


def hostile_plan() -> socialplan.Plan:
    return socialplan.Plan(
        name=HOSTILE,
        objectives={"o": socialplan.Objective(title=HOSTILE)},
        metrics={"m": socialplan.Metric(name="Likes", measures=("nowhere",))},
    )


def test_plan_markdown_lists_every_objective() -> None:
    plan = socialplan.load("examples/cartoon/plan.toml")
    rows = [line for line in plan._repr_markdown_().splitlines() if line.startswith("| ")]
    ids = {row.split(" | ")[0][2:].replace("\\_", "_") for row in rows}
    assert set(plan.objectives) <= ids


def test_plan_html_escapes_the_plans_text() -> None:
    text = hostile_plan()._repr_html_()
    assert ("<script>" in text, "&lt;script&gt;" in text) == (False, True)


def test_plan_markdown_keeps_a_pipe_from_breaking_the_table() -> None:
    rows = [line for line in hostile_plan()._repr_markdown_().splitlines() if "Cakes" in line]
    # five cells (id, title, stage, supports, target): four separators, the escaped pipe none
    assert [4] == [row.count(" | ") for row in rows if row.startswith("| o ")]


def test_report_html_groups_findings_by_severity_with_counts() -> None:
    report = socialplan.validate(hostile_plan(), select=["SP101", "SP202", "SP704"])
    text = report._repr_html_()
    assert (True, True, False) == (
        "<h4>Errors (1)</h4>" in text,
        "<h4>Info (1)</h4>" in text,
        "<h4>Warnings" in text,
    )


def test_report_markdown_says_whether_the_plan_is_ok() -> None:
    report = socialplan.validate(socialplan.Plan(name="x"))
    assert report._repr_markdown_().startswith("**OK**: 0 errors")


def test_progress_markdown_draws_the_graph_then_the_table() -> None:
    text = socialplan.progress(socialplan.Plan(name="x"))._repr_markdown_()
    table = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert (True, 16) == (text.startswith("```mermaid\nflowchart LR\n"), len(table))


def test_progress_html_escapes_step_titles() -> None:
    tricky = Methodology(name="t", title="t", steps=(Step(id="a", title=HOSTILE),))
    text = socialplan.progress(socialplan.Plan(name="x"), tricky)._repr_html_()
    assert "<script>" not in text


def test_plan_records_flatten_nested_tables() -> None:
    plan = socialplan.load("examples/cartoon/plan.toml")
    (first, *_) = plan.to_records("objectives")
    assert ("awareness_reach", 45000, "followers", "awareness") == (
        first["id"],
        first["target.value"],
        first["target.unit"],
        first["stage"],
    )


def test_plan_records_of_a_list_table_have_no_id() -> None:
    plan = socialplan.load("examples/cartoon/plan.toml")
    records = plan.to_records("calendar")
    assert (len(plan.calendar), False) == (len(records), "id" in records[0])


def test_records_of_a_single_table_are_refused() -> None:
    with pytest.raises(ValueError, match="single table"):
        socialplan.Plan(name="x").to_records("policy")


def test_report_records_are_the_json_diagnostics() -> None:
    report = socialplan.validate(hostile_plan(), select=["SP101"])
    assert [("SP101", "error", "metrics.m.measures[0]")] == [
        (r["code"], r["severity"], r["path"]) for r in report.to_records()
    ]


def test_with_objective_returns_a_new_plan_and_leaves_the_old_one() -> None:
    plan = socialplan.Plan(name="A")
    plan_b = plan.with_objective("reach", socialplan.Objective(title="Reach more"))
    assert ({}, ["reach"]) == (dict(plan.objectives), list(plan_b.objectives))


def test_without_part_drops_one_part() -> None:
    plan = socialplan.load("examples/bakery/plan.toml")
    first = next(iter(plan.channels))
    assert first not in plan.without_part("channels", first).channels


def test_without_a_missing_part_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="nope"):
        socialplan.Plan(name="x").without_part("channels", "nope")


def test_with_part_refuses_a_table_that_is_not_keyed_by_id() -> None:
    with pytest.raises(ValueError, match="not a table of parts"):
        socialplan.Plan(name="x").with_part("calendar", "a", object())


# ---------------------------------------------------------------------------
# The scorecard, as the plan, the report and the progress show themselves.
# ---------------------------------------------------------------------------

CARTOON = "examples/cartoon/plan.toml"


def cartoon_card() -> socialplan.Scorecard:
    from socialplan import observations

    plan = socialplan.load(CARTOON)
    return socialplan.score(plan, observations.load("examples/cartoon/observations.csv", plan))


def test_scorecard_markdown_lists_every_objective_with_its_verdict() -> None:
    card = cartoon_card()
    text = card._repr_markdown_()
    objectives = text.split("#### Objectives\n", 1)[1].split("\n####", 1)[0].strip()
    rows = [line.split(" | ")[:2] for line in objectives.splitlines()[2:]]
    assert [["| " + o.title, str(o.verdict)] for o in card.objectives] == rows


def test_scorecard_html_is_a_fragment_not_a_page() -> None:
    text = cartoon_card()._repr_html_()
    assert (True, False, False) == (
        text.startswith("<div class='socialplan-scorecard'>"),
        "<html" in text,
        "<nav>" in text,
    )


def test_scorecard_html_escapes_the_plans_text() -> None:
    plan = socialplan.Plan(name=HOSTILE, objectives={"o": socialplan.Objective(title=HOSTILE)})
    text = socialplan.score(plan, [])._repr_html_()
    assert ("<script>" in text, "&lt;script&gt;" in text) == (False, True)


def test_scorecard_records_have_one_row_per_metric() -> None:
    card = cartoon_card()
    rows = card.to_records()
    assert [(m.metric, str(m.verdict), m.latest, m.latest_date) for m in card.metrics] == [
        (r["metric"], r["verdict"], r["latest"], r["latest_date"]) for r in rows
    ]


def test_scorecard_records_of_objectives_flatten_the_target() -> None:
    card = cartoon_card()
    first = card.to_records("objectives")[0]
    objective = card.objectives[0]
    assert objective.target is not None
    assert (objective.objective, str(objective.verdict), objective.target.value) == (
        first["objective"],
        first["verdict"],
        first["target.value"],
    )


def test_scorecard_records_of_the_series_are_one_row_per_point() -> None:
    card = cartoon_card()
    expected = [(m.metric, day, value) for m in card.metrics for day, value in m.series]
    assert expected == [(r["metric"], r["date"], r["value"]) for r in card.to_records("series")]


def test_scorecard_records_of_returns_are_one_row_per_channel() -> None:
    card = cartoon_card()
    assert [r.channel for r in card.returns] == [r["channel"] for r in card.to_records("returns")]


def test_scorecard_records_of_an_unknown_table_are_refused() -> None:
    with pytest.raises(ValueError, match="no table") as raised:
        cartoon_card().to_records("metric")
    assert "a scorecard has no table 'metric' (did you mean 'metrics'?)" == str(raised.value)


DOT_SVG = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Generated by graphviz version 2.43.0 -->
<svg width="1802pt" height="193pt"
 viewBox="0.00 0.00 1802.00 193.00" xmlns="http://www.w3.org/2000/svg">
<g id="graph0" class="graph"></g>
</svg>
"""


@pytest.fixture
def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `dot` on the PATH that draws what Graphviz draws for a wide graph of steps."""
    script = tmp_path / "dot"
    script.write_text(f"#!{sys.executable}\nimport sys\nsys.stdin.read()\nprint({DOT_SVG!r})\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")


@pytest.mark.usefixtures("fake_dot")
def test_the_progress_graph_in_a_notebook_shrinks_to_fit_the_cell() -> None:
    text = socialplan.progress(socialplan.Plan(name="x"))._repr_html_()
    tag = re.search(r"<svg[^>]*>", text)
    assert tag is not None
    attributes = dict(re.findall(r'([\w:-]+)="([^"]*)"', tag.group(0)))
    assert ("1802pt", "193pt", "max-width:100%;height:auto", "0.00 0.00 1802.00 193.00") == (
        attributes.get("width"),
        attributes.get("height"),
        attributes.get("style"),
        attributes.get("viewBox"),
    )


# The parts issue #17 added: shown in a notebook and given as records like the others.

CARTOON = "examples/cartoon/plan.toml"


def test_plan_html_shows_the_tactics_work_reports_and_budget_lines() -> None:
    from html_page import page

    parsed = page(socialplan.load(CARTOON)._repr_html_())
    headings = [t for t in parsed.text if t in {"Tactics", "Work elements", "Reports", "Budget"}]
    assert ["Tactics", "Work elements", "Reports", "Budget"] == headings


def test_plan_markdown_lists_every_tactic() -> None:
    plan = socialplan.load(CARTOON)
    text = plan._repr_markdown_()
    assert [] == [t.title for t in plan.tactics.values() if in_document(t.title) not in text]


@pytest.mark.parametrize(
    ("table", "count"),
    [
        ("budget.lines", 3),
        ("moderation.rules", 2),
        ("launch.gates", 1),
        ("briefing.questions", 1),
        ("tactics", 1),
        ("work", 2),
        ("reporting", 1),
    ],
)
def test_plan_records_of_the_parts_issue_17_added(table: str, count: int) -> None:
    assert count == len(socialplan.load(CARTOON).to_records(table))


def test_records_of_a_budgets_lines_are_flat_rows() -> None:
    (first, *_) = socialplan.load(CARTOON).to_records("budget.lines")
    assert {"amount": 24300, "horizon": "short", "category": "people and tools"} == first


def test_records_of_the_triggers_say_their_scenario() -> None:
    plan = socialplan.loads(
        HEAD
        + '[metrics.f]\nname = "F"\n[scenarios.b]\nname = "B"\n'
        + 'when = [{ metric = "f", below = 10 }, { metric = "f", above = 90 }]\n'
    )
    assert [("b", "f", 10), ("b", "f", None)] == [
        (r["scenario"], r["metric"], r.get("below")) for r in plan.to_records("scenarios.when")
    ]


def test_records_of_an_unknown_nested_table_are_refused() -> None:
    with pytest.raises(ValueError, match=r"'budget\.line' \(did you mean 'budget\.lines'\?\)"):
        socialplan.Plan(name="x").to_records("budget.line")
