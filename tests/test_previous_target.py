"""Targets over the previous period (``relative = "previous"``): "each month above the last".

The one target that may give no value (any rise meets it); every other target without a
value is refused at load, with the other problems of the document.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

import socialplan
from socialplan import Target, TargetRelative
from socialplan._io import fast
from socialplan._score import Verdict, score
from socialplan.observations import Observation

HEAD = """format = "socialplan/1"

[plan]
name = "Health body"
"""

GROWTH = (
    HEAD
    + """
[objectives.growth]
title = "Followers rise every month"

[objectives.growth.target]
unit = "followers"
relative = "previous"

[metrics.followers]
name = "Followers"
unit = "followers"
measures = ["growth"]
cadence = "monthly"
"""
)


def _problems(text: str, fmt: str = "toml") -> list[tuple[str, str]]:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text, fmt)  # type: ignore[arg-type]
    return [(d.code, d.path) for d in caught.value]


def test_a_target_over_the_previous_period_may_give_no_value() -> None:
    plan = socialplan.loads(GROWTH)
    expected = Target(unit="followers", relative=TargetRelative.PREVIOUS)
    assert expected == plan.objectives["growth"].target


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_it_is_written_back_as_it_was_read(fmt: str) -> None:
    text = socialplan.dumps(socialplan.loads(GROWTH), fmt)  # type: ignore[arg-type]
    assert text == socialplan.dumps(socialplan.loads(text, fmt), fmt)  # type: ignore[arg-type]
    assert "value" not in text


def test_any_other_target_without_a_value_is_refused_where_it_is() -> None:
    text = GROWTH.replace('relative = "previous"', 'relative = "baseline"')
    assert [("SP004", "objectives.growth.target.value")] == _problems(text)


def test_a_target_without_value_or_relative_is_refused_too() -> None:
    text = GROWTH.replace('relative = "previous"\n', "")
    assert [("SP004", "objectives.growth.target.value")] == _problems(text)


def test_the_missing_value_is_said_with_the_other_problems_of_the_target() -> None:
    text = GROWTH.replace('relative = "previous"\n', "deadline = 12\n")
    expected = [
        ("SP004", "objectives.growth.target.value"),
        ("SP005", "objectives.growth.target.deadline"),
    ]
    assert expected == sorted(_problems(text))


def test_json_null_is_no_value() -> None:
    text = socialplan.dumps(socialplan.loads(GROWTH), "json").replace(
        '"unit": "followers"', '"value": null, "unit": "followers"', 1
    )
    assert socialplan.loads(GROWTH) == socialplan.loads(text, "json")


@pytest.mark.parametrize(
    "text",
    [GROWTH, GROWTH.replace('relative = "previous"', 'relative = "baseline"')],
    ids=["previous", "baseline"],
)
def test_the_fast_pass_agrees_with_the_detailed_one(text: str) -> None:
    def outcome(on: bool) -> object:
        before, fast.ENABLED = fast.ENABLED, on
        try:
            return socialplan.dumps(socialplan.loads(text), "json")
        except socialplan.LoadError as exc:
            return [(d.code, d.path, d.message, d.line) for d in exc]
        finally:
            fast.ENABLED = before

    assert outcome(False) == outcome(True)


def test_the_json_schema_asks_a_value_of_every_target_but_one_over_the_previous_period() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from socialplan.schema import json_schema

    validator = jsonschema.Draft202012Validator(json_schema())
    data = json.loads(socialplan.dumps(socialplan.loads(GROWTH), "json"))
    assert validator.is_valid(data)
    data["objectives"]["growth"]["target"]["relative"] = "baseline"
    assert not validator.is_valid(data)


# ---------------------------------------------------------------------------
# Scoring: the latest observation against the one before it.
# ---------------------------------------------------------------------------


def _verdict(values: list[float], target: str = "") -> tuple[Verdict, str]:
    written = 'unit = "followers"\nrelative = "previous"\n'
    plan = socialplan.loads(GROWTH.replace(written, target or written))
    days = [dt.date(2027, month, 1) for month in range(1, len(values) + 1)]
    seen = [
        Observation(metric="followers", date=d, value=v) for d, v in zip(days, values, strict=True)
    ]
    card = score(plan, seen)
    (metric,) = card.metrics
    return metric.verdict, metric.reason


def test_any_rise_over_the_previous_month_meets_it() -> None:
    assert Verdict.ACHIEVED == _verdict([100, 90, 91])[0]


def test_no_rise_over_the_previous_month_does_not_meet_it() -> None:
    assert Verdict.OFF_TRACK == _verdict([100, 120, 120])[0]


def test_one_observation_has_no_previous_period_to_compare() -> None:
    assert (Verdict.NO_DATA, "one observation so far: no previous period to compare it with") == (
        _verdict([100])
    )


@pytest.mark.parametrize(("latest", "verdict"), [(104, Verdict.OFF_TRACK), (105, Verdict.ACHIEVED)])
def test_an_amount_in_per_cent_over_the_previous_period(latest: int, verdict: Verdict) -> None:
    five = 'value = 5\nunit = "%"\nrelative = "previous"\n'
    assert verdict == _verdict([100, latest], five)[0]


def test_the_score_says_which_previous_value_it_was_judged_against() -> None:
    expected = "91, the rise over the previous period (90 on 2027-02-01) it asks"
    assert expected == _verdict([100, 90, 91])[1]


# ---------------------------------------------------------------------------
# Rules: the target is a target (SP203 silent); with no amount, SP220.
# ---------------------------------------------------------------------------


def _found(text: str, *codes: str) -> list[tuple[str, str]]:
    report = socialplan.validate(socialplan.loads(text), select=list(codes))
    return [(d.code, d.path) for d in report]


def test_a_target_over_the_previous_period_is_a_target() -> None:
    assert [] == _found(GROWTH, "SP203")


def test_any_rise_over_the_previous_period_cannot_tell_growth_from_drift() -> None:
    assert [("SP220", "objectives.growth.target")] == _found(GROWTH, "SP220")


def test_an_amount_of_nothing_is_any_rise_too() -> None:
    text = GROWTH.replace('relative = "previous"', 'relative = "previous"\nvalue = 0')
    assert [("SP220", "objectives.growth.target")] == _found(text, "SP220")


def test_an_amount_over_the_previous_period_says_by_how_much() -> None:
    text = GROWTH.replace('unit = "followers"\nrelative', 'value = 5\nunit = "%"\nrelative')
    assert [] == _found(text, "SP220", "SP216", "SP204")


def test_a_target_over_the_previous_period_needs_no_deadline_and_no_baseline_rule() -> None:
    assert [] == _found(GROWTH, "SP204", "SP216")


# ---------------------------------------------------------------------------
# The report says the period, not a number.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "above the previous month"), ("es", "más que el mes anterior")],
)
def test_the_report_says_above_the_previous_month(lang: str, said: str) -> None:
    from socialplan.render import report

    text = report(socialplan.loads(GROWTH), lang=lang)  # type: ignore[arg-type]
    assert said in text
    assert "None" not in text


def test_an_amount_reads_over_the_previous_month() -> None:
    from socialplan.render import report

    text = GROWTH.replace('unit = "followers"\nrelative', 'value = 5\nunit = "%"\nrelative')
    assert "+5 % over the previous month" in report(socialplan.loads(text))


def test_a_fall_over_the_previous_period_is_the_wrong_way_and_says_over_what() -> None:
    text = GROWTH.replace('unit = "followers"\nrelative', 'value = -5\nunit = "%"\nrelative')
    report = socialplan.validate(socialplan.loads(text), select=["SP206"])
    (finding,) = list(report)
    assert "over the previous period" in finding.message
