"""Generated plans: aligned at every size, deterministic, and broken on purpose when asked."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from socialplan._generate import (
    COUNTED,
    broken_plan_data,
    misaligned_plan_data,
    observation_records,
    plan_data,
)
from socialplan.observations import from_records


def load_json(data: dict[str, object]) -> socialplan.Plan:
    return socialplan.loads(json.dumps(data), "json")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.integers(1, 400), seed=st.integers(0, 2**16))
def test_generated_plan_validates_clean(items: int, seed: int) -> None:
    plan = load_json(plan_data(items, seed=seed))
    assert () == socialplan.validate(plan).diagnostics


def test_large_generated_plan_validates_clean() -> None:
    plan = load_json(plan_data(3000))
    assert () == socialplan.validate(plan).diagnostics


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.integers(1, 200), seed=st.integers(0, 2**16))
def test_generated_plan_survives_toml(items: int, seed: int) -> None:
    plan = load_json(plan_data(items, seed=seed))
    assert plan == socialplan.loads(socialplan.dumps(plan))


def test_generated_plan_is_the_json_form_of_its_plan() -> None:
    data = plan_data(250, seed=3)
    assert data == socialplan.to_data(load_json(data), "json")


@settings(max_examples=10, deadline=None)
@given(items=st.integers(1, 300), seed=st.integers(0, 2**16))
def test_generation_is_deterministic(items: int, seed: int) -> None:
    assert json.dumps(plan_data(items, seed=seed)) == json.dumps(plan_data(items, seed=seed))


def test_seed_changes_the_words_not_the_shape() -> None:
    first, second = plan_data(500, seed=1), plan_data(500, seed=2)
    assert first != second
    assert {k: sorted(v) for k, v in first.items() if isinstance(v, dict)} == {
        k: sorted(v) for k, v in second.items() if isinstance(v, dict)
    }


def test_parts_grow_with_the_number_of_metrics() -> None:
    data = plan_data(10_000)
    sizes = {
        "metrics": len(data["metrics"]),
        "objectives": len(data["objectives"]),
        "calendar": len(data["calendar"]),
        "influencers": len(data["influencers"]),
        "audiences": len(data["audiences"]),
        "channels": len(data["channels"]),
        "pillars": len(data["content"]["pillars"]),
        "routing": len(data["routing"]),
    }
    expected = {
        "metrics": 10_000,
        "objectives": 1_000,
        "calendar": 5_000,
        "influencers": 500,
        "audiences": 200,
        "channels": 40,
        "pillars": 100,
        "routing": 160,
    }
    assert expected == sizes


def test_ids_are_numbered_slugs() -> None:
    data = plan_data(100)
    assert ["metric-00000", "metric-00001", "metric-00002"] == list(data["metrics"])[:3]


def test_broken_plan_reports_only_unknown_references_with_suggestions() -> None:
    plan = load_json(broken_plan_data(100))
    report = socialplan.validate(plan, select=["SP101"])
    # Ten of the 100 metrics and five of the 50 calendar entries are broken.
    assert 15 == len(report.diagnostics)
    assert {"SP101"} == {d.code for d in report.diagnostics}


def test_broken_reference_suggests_the_id_it_was_made_from() -> None:
    plan = load_json(broken_plan_data(100))
    hints = {d.path: d.hint for d in socialplan.validate(plan, select=["SP101"])}
    assert 'did you mean "objective-00000"?' == hints["metrics.metric-00009.measures[0]"]
    assert 'did you mean "objective-00004"?' == hints["metrics.metric-00049.measures[0]"]
    assert 'did you mean "pillar-00001"?' == hints["calendar[9].pillar"]


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.integers(10, 300))
def test_every_broken_reference_gets_a_suggestion(items: int) -> None:
    plan = load_json(broken_plan_data(items))
    hints = [d.hint for d in socialplan.validate(plan, select=["SP101"])]
    assert hints
    assert all(hint is not None and hint.startswith("did you mean") for hint in hints)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.integers(125, 1500), seed=st.integers(0, 2**16))
def test_misaligned_plan_has_an_off_audience_metric_in_four(items: int, seed: int) -> None:
    plan = load_json(misaligned_plan_data(items, seed=seed))
    expected = [f"metrics.metric-{i:05d}.channels[0]" for i in range(3, items, 4)]
    actual = [d.path for d in socialplan.validate(plan) if d.code == "SP706"]
    assert expected == actual


def test_misaligned_plan_has_no_other_finding() -> None:
    plan = load_json(misaligned_plan_data(2000))
    assert ["SP706"] * 500 == socialplan.validate(plan).codes()


def test_misaligned_plan_changes_only_the_channels_of_every_fourth_metric() -> None:
    aligned, misaligned = plan_data(400), misaligned_plan_data(400)
    changed = {
        key
        for key, metric in aligned["metrics"].items()
        if metric["channels"] != misaligned["metrics"][key]["channels"]
    }
    aligned["metrics"] = {k: v for k, v in aligned["metrics"].items() if k not in changed}
    misaligned["metrics"] = {k: v for k, v in misaligned["metrics"].items() if k not in changed}
    assert ({f"metric-{i:05d}" for i in range(3, 400, 4)}, aligned) == (changed, misaligned)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.integers(1, 300), per_metric=st.integers(0, 12), seed=st.integers(0, 2**16))
def test_observation_records_are_valid_observations_of_the_plan(
    items: int, per_metric: int, seed: int
) -> None:
    data = plan_data(items)
    records = observation_records(data, per_metric, seed=seed)
    found = from_records(records, load_json(data))
    assert items * per_metric == len(found)


@settings(max_examples=10, deadline=None)
@given(items=st.integers(1, 200), per_metric=st.integers(0, 12), seed=st.integers(0, 2**16))
def test_observation_records_are_deterministic(items: int, per_metric: int, seed: int) -> None:
    data = plan_data(items)
    first = observation_records(data, per_metric, seed=seed)
    assert json.dumps(first) == json.dumps(observation_records(data, per_metric, seed=seed))


def test_observation_records_bring_every_verdict() -> None:
    data = plan_data(1000)
    plan = load_json(data)
    card = socialplan.score(plan, from_records(observation_records(data, 10), plan))
    expected = {str(verdict) for verdict in socialplan.Verdict}
    assert expected == {str(metric.verdict) for metric in card.metrics}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.integers(1, 1200), channels=st.integers(2, 12))
def test_plan_with_few_channels_validates_clean(items: int, channels: int) -> None:
    data = plan_data(items, channels=channels)
    assert (channels, ()) == (
        len(data["channels"]),
        socialplan.validate(load_json(data)).diagnostics,
    )


def test_a_plan_needs_two_channels() -> None:
    with pytest.raises(ValueError, match="at least two channels, not 1"):
        plan_data(10, channels=1)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.integers(1, 400), extra=st.integers(0, 40))
def test_plan_with_more_of_the_parts_kept_few_has_as_many(items: int, extra: int) -> None:
    counts = {part: fewest + extra for part, fewest in COUNTED.items()}
    plan = load_json(plan_data(items, counts=counts))
    assert counts == {part: len(getattr(plan, part)) for part in COUNTED}


@pytest.mark.parametrize(
    ("counts", "message"),
    [({"roles": 7}, "needs 8 roles at least"), ({"metrics": 5}, "'metrics' is not one of")],
)
def test_a_count_plan_data_cannot_give_is_refused(counts: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        plan_data(10, counts=counts)


def test_generated_plan_holds_every_part_issue_17_added() -> None:
    from socialplan.rules import summary

    plan = load_json(plan_data(300))
    found = summary(plan)
    counted = ["briefing questions", "work elements", "tactics", "reports", "moderation rules"]
    counted += ["budget lines", "scenario triggers", "launch gates"]
    assert [] == [name for name in counted if not found[name]]
    assert None not in (plan.governance, plan.approval, plan.moderation, plan.budget)


def test_the_generated_budget_adds_up() -> None:
    budget = load_json(plan_data(300)).budget
    assert budget is not None
    assert budget.total == sum(line.amount for line in budget.lines)


def test_generated_tactics_grow_with_the_plan() -> None:
    assert len(plan_data(100)["tactics"]) < len(plan_data(1000)["tactics"])
