"""One rule turns a number into text for people, in every output that shows one.

Thousands are grouped with commas, a whole number has no decimal point, other numbers at
most two decimals (trailing zeros dropped), and a small number that two decimals would
round to 0 keeps two significant digits. The report, the scorecard and a plan in a
notebook show a target the same way.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import socialplan
from socialplan import Duration, KpiLevel, Metric, Objective, Plan, Target
from socialplan import observations as obs
from socialplan.render import report, scorecard

AS_OF = dt.date(2027, 2, 1)


def plan_with(value: float, baseline: float) -> Plan:
    """A plan whose one objective aims at *value* followers from *baseline*."""
    return Plan(
        name="Numbers",
        start=dt.date(2027, 1, 4),
        objectives={
            "grow": Objective(
                title="Grow",
                target=Target(
                    value=value, unit="followers", baseline=baseline, deadline=dt.date(2027, 6, 30)
                ),
            )
        },
        metrics={
            "fans": Metric(
                name="Fans",
                unit="followers",
                measures=("grow",),
                level=KpiLevel.EXPOSURE,
                cadence=Duration.parse("weekly"),
            )
        },
    )


def cells(text: str, first: str) -> list[str]:
    """The cells of the Markdown table row of *text* whose first cell is *first*."""
    rows = [line for line in text.splitlines() if line.startswith(f"| {first} |")]
    assert 1 == len(rows), rows
    return [cell.strip() for cell in rows[0].strip("|").split(" | ")]


def shown(value: float, baseline: float) -> dict[str, str]:
    """The objective's target as the report, the scorecard and the notebook show it."""
    plan = plan_with(value, baseline)
    seen = obs.from_records([{"metric": "fans", "date": "2027-01-04", "value": baseline}], plan)
    card = socialplan.score(plan, seen, as_of=AS_OF)
    card_markdown = scorecard(card, format="markdown")
    return {
        "report": cells(report(plan), "grow")[6],
        "scorecard": cells(card_markdown, "Grow")[2],
        "notebook": cells(plan._repr_markdown_(), "grow")[4],
        "notebook scorecard": cells(card._repr_markdown_(), "Grow")[2],
    }


def test_a_whole_float_target_is_shown_without_a_decimal_point_everywhere() -> None:
    phrase = "5,000 followers by 2027-06-30 (from 1,234.5)"
    assert {
        "report": phrase,
        "scorecard": phrase,
        "notebook": phrase,
        "notebook scorecard": phrase,
    } == shown(5000.0, 1234.5)


def test_the_scorecard_shows_a_target_alike_in_its_objectives_and_its_metrics() -> None:
    plan = plan_with(5000.0, 1234.5)
    seen = obs.from_records([{"metric": "fans", "date": "2027-01-04", "value": 1500.25}], plan)
    card_markdown = scorecard(socialplan.score(plan, seen, as_of=AS_OF), format="markdown")
    metric = cells(card_markdown, "Fans")  # metric, unit, latest, date, baseline, target...
    objective = cells(card_markdown, "Grow")  # objective, verdict, target, latest...
    assert f"{metric[5]} followers by 2027-06-30 (from {metric[4]})" == objective[2]


def test_a_small_target_keeps_two_significant_digits() -> None:
    assert "0.0042 followers by 2027-06-30 (from 0.001)" == shown(0.0042, 0.001)["report"]


@given(
    value=st.one_of(
        st.integers(1, 10**12),
        st.floats(1e-6, 1e12, allow_nan=False, allow_infinity=False),
    ),
    baseline=st.one_of(st.just(0), st.floats(1e-6, 1e6)),
)
def test_every_output_shows_a_target_the_same_way(value: float, baseline: float) -> None:
    phrases = shown(value, baseline)
    assert 1 == len(set(phrases.values())), phrases


RULES_PLAN = socialplan.loads(
    """
format = "socialplan/1"
[plan]
name = "Rules"
[channels.fb]
platform = "facebook"
[engagement.fb]
posting_frequency = "1000 per week"
[[calendar]]
date = 2027-02-01
channel = "fb"
title = "Fresh bread"
[metrics.response]
name = "Response time"
baseline = 4.5
target = 8.0
direction = "decrease"
[objectives.grow]
title = "Grow"
target = { value = 5000.0, unit = "likes", baseline = 8000.0 }
[metrics.likes]
name = "Likes"
unit = "likes"
measures = ["grow"]
direction = "increase"
""",
    "toml",
)


def message(code: str) -> str:
    (finding,) = socialplan.validate(RULES_PLAN, select=[code])
    return finding.message


def test_a_rule_quotes_the_authors_numbers_as_the_report_shows_them() -> None:
    assert (
        'the target of "grow" (5,000) is on the wrong side of its baseline (8,000) '
        "for a metric that should increase"
    ) == message("SP206")


def test_a_rule_quotes_a_metrics_whole_target_without_a_decimal_point() -> None:
    assert (
        'metric "response" should decrease but its target (8) is on the other side of '
        "its baseline (4.5)"
    ) == message("SP211")


def test_a_rule_writes_a_pace_in_digits_not_in_scientific_notation() -> None:
    assert (
        '"fb" should post 1000 per week (1,000 a week) but its calendar has 1 a week'
    ) == message("SP606")


THOUSAND_GAPS = Plan(
    name="Gaps", objectives={f"o{i}": Objective(title=f"O {i}") for i in range(1000)}
)


def test_the_trace_counts_its_gaps_as_it_counts_its_chains() -> None:
    last = socialplan.trace(THOUSAND_GAPS).to_text().splitlines()[-1]
    assert "1,000 chains, 1,000 of 1,000 with gaps" == last


def test_the_report_counts_the_gaps_as_it_counts_the_chains() -> None:
    notes = [line for line in report(THOUSAND_GAPS).splitlines() if line.startswith("_Gaps")]
    assert ["_Gaps in 1,000 of 1,000 chains._"] == notes
