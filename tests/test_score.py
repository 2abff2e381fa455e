"""The scorecard: progress, pace, verdicts, staleness and returns, computed by hand."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from socialplan import Direction, Plan
from socialplan._score import RANK, MetricScore, Scorecard, Verdict, score
from socialplan.observations import Observation
from socialplan.testing import loadable_plans, observations, plans

D = dt.date

# Weeks from the plan's start (a Monday): 2027-01-04 is week 0, 2027-03-01 week 8.
SHOP = """
format = "socialplan/1"

[plan]
name = "Shop"
start = 2027-01-04
currency = "EUR"
horizons = { short = 2027-03-01, medium = 2027-06-28, long = 2027-12-27 }

[objectives.reach]
title = "Grow the community"
target = { value = 1000, unit = "followers", baseline = 200, deadline = 2027-03-01 }

[objectives.care]
title = "Answer faster"
target = { value = 2, unit = "hours", baseline = 24, deadline = 2027-03-01 }

[objectives.visits]
title = "More visits"
target = { value = 500, unit = "visits", deadline = 2027-03-01 }

[objectives.image]
title = "Be liked"
measure = "qualitative"

[metrics.followers]
name = "Followers"
unit = "followers"
measures = ["reach"]
channels = ["fb", "ig"]
cadence = "weekly"

[metrics.response_time]
name = "Median first response time"
unit = "hours"
direction = "decrease"
measures = ["care"]

[metrics.visits]
name = "Visits"
unit = "visits"
measures = ["visits"]

[metrics.sentiment]
name = "Sentiment"
kind = "qualitative"
measures = ["image"]
cadence = "monthly"
"""


def shop() -> Plan:
    return socialplan.loads(SHOP)


def seen(metric: str, day: dt.date, value: float, channel: str | None = None) -> Observation:
    return Observation(metric=metric, date=day, value=value, channel=channel)


def metric_score(card: Scorecard, key: str) -> MetricScore:
    (found,) = (m for m in card.metrics if m.metric == key)
    return found


def one(
    metric: str, day: dt.date, value: float, as_of: dt.date | None = None, at_risk: float = 0.8
) -> MetricScore:
    card = score(shop(), [seen(metric, day, value)], as_of=as_of, at_risk=at_risk)
    return metric_score(card, metric)


# --- Progress, pace and projection ----------------------------------------------------------


def test_on_track_numbers_from_the_objectives_target() -> None:
    # 4 weeks after the baseline (200 on 2027-01-04), 600: half-way with half the time gone.
    followers = one("followers", D(2027, 2, 1), 600)
    assert ("reach", 200, D(2027, 1, 4), 1000, D(2027, 3, 1)) == (
        followers.objective,
        followers.baseline,
        followers.baseline_date,
        followers.target,
        followers.deadline,
    )
    assert (600, D(2027, 2, 1)) == (followers.latest, followers.latest_date)
    assert 0.5 == followers.progress
    assert 100.0 == followers.pace_so_far  # (600 - 200) / 4 weeks
    assert 100.0 == followers.pace_needed  # (1000 - 600) / 4 weeks left
    assert 1000.0 == followers.projected  # 600 + 100 * 4
    assert Verdict.ON_TRACK == followers.verdict
    assert "at the pace so far, the target is reached by 2027-03-01" == followers.reason


def test_at_risk_when_the_projection_gets_at_least_at_risk_of_the_way() -> None:
    # 520 after 4 weeks: 80 a week, 840 by the deadline, (840 - 200) / 800 = 0.8.
    followers = one("followers", D(2027, 2, 1), 520)
    assert 840.0 == followers.projected
    assert Verdict.AT_RISK == followers.verdict
    assert "at the pace so far, 840 by 2027-03-01: 80% of the way to 1,000" == followers.reason


def test_off_track_when_the_projection_falls_short_of_at_risk() -> None:
    # 500 after 4 weeks: 75 a week, 800 by the deadline, (800 - 200) / 800 = 0.75.
    followers = one("followers", D(2027, 2, 1), 500)
    assert (800.0, 125.0) == (followers.projected, followers.pace_needed)
    assert Verdict.OFF_TRACK == followers.verdict


def test_the_at_risk_threshold_is_a_parameter() -> None:
    followers = one("followers", D(2027, 2, 1), 500, at_risk=0.75)
    assert Verdict.AT_RISK == followers.verdict


def test_a_target_that_decreases_response_time_from_24_to_2_hours() -> None:
    # 13 h after 4 weeks: 11 of the 22 hours to cut, -2.75 h a week, 2 h by the deadline.
    response = one("response_time", D(2027, 2, 1), 13)
    assert (0.5, -2.75, -2.75, 2.0) == (
        response.progress,
        response.pace_so_far,
        response.pace_needed,
        response.projected,
    )
    assert Verdict.ON_TRACK == response.verdict


def test_a_decreasing_target_at_risk_and_off_track() -> None:
    # 14 h: -2.5 a week, 4 h by the deadline, (4 - 24) / (2 - 24) = 0.909 -> at risk.
    # 16 h: -2 a week, 8 h by the deadline, (8 - 24) / (2 - 24) = 0.727 -> off track.
    assert Verdict.AT_RISK == one("response_time", D(2027, 2, 1), 14).verdict
    assert Verdict.OFF_TRACK == one("response_time", D(2027, 2, 1), 16).verdict


def test_a_decreasing_target_is_achieved_at_or_below_it() -> None:
    assert Verdict.ACHIEVED == one("response_time", D(2027, 2, 1), 2).verdict
    assert Verdict.ACHIEVED == one("response_time", D(2027, 2, 1), 1.5).verdict


def test_no_baseline_in_the_plan_takes_the_first_observation() -> None:
    # 100 on 2027-01-11, 300 four weeks later, 3 weeks to the deadline (2027-03-01).
    card = score(shop(), [seen("visits", D(2027, 1, 11), 100), seen("visits", D(2027, 2, 8), 300)])
    visits = metric_score(card, "visits")
    assert (100, D(2027, 1, 11)) == (visits.baseline, visits.baseline_date)
    assert 0.5 == visits.progress  # (300 - 100) / (500 - 100)
    assert 50.0 == visits.pace_so_far
    assert pytest.approx(200 / 3) == visits.pace_needed
    assert 450.0 == visits.projected  # 300 + 50 * 3: (450 - 100) / 400 = 0.875
    assert Verdict.AT_RISK == visits.verdict


def test_achieved_when_the_target_is_reached() -> None:
    followers = one("followers", D(2027, 2, 1), 1200)
    assert (Verdict.ACHIEVED, 1.25, 0.0) == (
        followers.verdict,
        followers.progress,
        followers.pace_needed,
    )
    assert "target reached" == followers.reason


def test_achieved_even_after_the_deadline() -> None:
    assert Verdict.ACHIEVED == one("followers", D(2027, 3, 8), 1000).verdict


def test_off_track_once_the_deadline_passed_without_reaching_the_target() -> None:
    followers = one("followers", D(2027, 3, 8), 900)
    assert (Verdict.OFF_TRACK, None, None) == (
        followers.verdict,
        followers.pace_needed,
        followers.projected,
    )
    assert pytest.approx(700 / 9) == followers.pace_so_far
    assert "deadline 2027-03-01 passed before the target was reached" == followers.reason


def test_one_observation_on_the_baseline_date_is_judged_by_the_time_elapsed() -> None:
    # 400 on the start date, judged 2 weeks in (2 of 8 weeks gone): progress 0.25 >= 0.25.
    followers = one("followers", D(2027, 1, 4), 400, as_of=D(2027, 1, 18))
    assert (None, None) == (followers.pace_so_far, followers.projected)
    assert 100.0 == followers.pace_needed  # (1000 - 400) / 6 weeks
    assert Verdict.ON_TRACK == followers.verdict
    assert "25% of the way with 25% of the time gone" == followers.reason


def test_time_elapsed_rule_at_risk_and_off_track() -> None:
    # 360: progress 0.2 >= 0.8 * 0.25 -> at risk; 340: 0.175 -> off track.
    at_risk = one("followers", D(2027, 1, 4), 360, as_of=D(2027, 1, 18))
    off_track = one("followers", D(2027, 1, 4), 340, as_of=D(2027, 1, 18))
    assert (Verdict.AT_RISK, Verdict.OFF_TRACK) == (at_risk.verdict, off_track.verdict)


def test_a_single_observation_without_baseline_is_its_own_baseline() -> None:
    visits = one("visits", D(2027, 1, 11), 100)
    assert (100, D(2027, 1, 11), 0.0) == (visits.baseline, visits.baseline_date, visits.progress)
    assert Verdict.ON_TRACK == visits.verdict  # nothing expected yet: no time has gone
    # Two weeks later, 2 of 7 weeks gone and still at 0: off track.
    later = one("visits", D(2027, 1, 11), 100, as_of=D(2027, 1, 25))
    assert Verdict.OFF_TRACK == later.verdict


def test_no_observation_is_no_data() -> None:
    card = score(shop(), [])
    followers = metric_score(card, "followers")
    assert (Verdict.NO_DATA, "no observation yet") == (followers.verdict, followers.reason)
    assert (None, None, None) == (followers.latest, followers.progress, followers.pace_needed)
    assert D(2027, 1, 4) == card.as_of  # the plan's start


def test_no_observation_and_no_start_dates_the_card_1970() -> None:
    card = score(Plan(name="Empty"), [])
    assert (D(1970, 1, 1), (), ()) == (card.as_of, card.metrics, card.objectives)


def test_no_target_is_no_data() -> None:
    card = score(shop(), [seen("sentiment", D(2027, 2, 1), 70)])
    sentiment = metric_score(card, "sentiment")
    assert (None, Verdict.NO_DATA, "no target to judge against") == (
        sentiment.objective,
        sentiment.verdict,
        sentiment.reason,
    )
    assert 70 == sentiment.latest


def test_without_a_deadline_moving_toward_the_target_is_on_track() -> None:
    plan = Plan(
        name="Demo",
        metrics={"likes": socialplan.Metric(name="Likes", unit="likes", baseline=100, target=300)},
    )
    up = score(plan, [seen("likes", D(2027, 2, 1), 150)]).metrics[0]
    still = score(plan, [seen("likes", D(2027, 2, 1), 100)]).metrics[0]
    assert (None, Verdict.ON_TRACK, Verdict.AT_RISK) == (up.deadline, up.verdict, still.verdict)


def test_at_risk_must_be_a_share() -> None:
    with pytest.raises(ValueError, match="at_risk"):
        score(shop(), [], at_risk=1.5)


# --- What a metric is judged against --------------------------------------------------------

JUDGED = """
format = "socialplan/1"

[plan]
name = "Judged"
start = 2027-01-04
horizons = { short = 2027-03-01, medium = 2027-06-28, long = 2027-12-27 }

[objectives.grow]
title = "Grow"
horizon = "short"
target = { value = 1000, unit = "Followers" }

[objectives.later]
title = "Later"
target = { value = 80, unit = "leads" }

[metrics.followers]
name = "Followers"
unit = "followers"
baseline = 200
measures = ["grow"]

[metrics.likes]
name = "Likes"
unit = "likes"
baseline = 10
target = 50
measures = ["grow"]

[metrics.leads]
name = "Leads"
measures = ["later"]
"""


def test_the_objectives_target_in_the_same_unit_case_insensitively() -> None:
    card = score(socialplan.loads(JUDGED), [])
    followers = metric_score(card, "followers")
    # The objective gives no baseline and no deadline: the metric's, and the end of "short".
    assert ("grow", 1000, 200, D(2027, 3, 1)) == (
        followers.objective,
        followers.target,
        followers.baseline,
        followers.deadline,
    )


def test_a_metric_in_another_unit_keeps_its_own_target_by_the_long_horizon() -> None:
    likes = metric_score(score(socialplan.loads(JUDGED), []), "likes")
    assert (None, 50, 10, D(2027, 12, 27)) == (
        likes.objective,
        likes.target,
        likes.baseline,
        likes.deadline,
    )


def test_a_metric_with_no_unit_takes_the_objectives_and_its_long_horizon() -> None:
    leads = metric_score(score(socialplan.loads(JUDGED), []), "leads")
    assert ("later", 80, "leads", D(2027, 12, 27)) == (
        leads.objective,
        leads.target,
        leads.unit,
        leads.deadline,
    )


# --- Objectives -----------------------------------------------------------------------------


def test_an_objective_takes_the_worst_verdict_of_its_metrics() -> None:
    # followers on track (600 after 4 weeks); likes off track (10 -> 12 of 50 by the long horizon).
    observed = [
        seen("followers", D(2027, 2, 1), 600),
        seen("likes", D(2027, 1, 4), 10),
        seen("likes", D(2027, 2, 1), 12),
    ]
    card = score(socialplan.loads(JUDGED), observed)
    grow = card.objectives[0]
    assert ("grow", ["followers", "likes"]) == (grow.objective, [m.metric for m in grow.metrics])
    assert [Verdict.ON_TRACK, Verdict.OFF_TRACK] == [m.verdict for m in grow.metrics]
    assert Verdict.OFF_TRACK == grow.verdict


def test_metrics_with_no_observation_leave_the_objective_verdict_alone() -> None:
    card = score(socialplan.loads(JUDGED), [seen("followers", D(2027, 2, 1), 600)])
    assert Verdict.ON_TRACK == card.objectives[0].verdict


def test_an_objective_with_no_observation_has_no_data() -> None:
    card = score(shop(), [seen("followers", D(2027, 2, 1), 600)])
    verdicts = {o.objective: o.verdict for o in card.objectives}
    expected = {
        "reach": Verdict.ON_TRACK,
        "care": Verdict.NO_DATA,
        "visits": Verdict.NO_DATA,
        "image": Verdict.NO_DATA,
    }
    assert expected == verdicts


def test_objectives_and_metrics_in_plan_order() -> None:
    card = score(shop(), [])
    assert ["reach", "care", "visits", "image"] == [o.objective for o in card.objectives]
    assert ["followers", "response_time", "visits", "sentiment"] == [m.metric for m in card.metrics]


def test_a_metric_of_two_objectives_is_judged_against_each_in_its_card() -> None:
    text = JUDGED.replace('measures = ["later"]', 'unit = "leads"\nmeasures = ["later", "other"]')
    text += '[objectives.other]\ntitle = "Other"\ntarget = { value = 40, unit = "leads" }\n'
    card = score(socialplan.loads(text), [])
    assert ("later", 80) == (
        metric_score(card, "leads").objective,
        metric_score(card, "leads").target,
    )
    other = card.objectives[2]
    assert [("other", 40)] == [(m.objective, m.target) for m in other.metrics]


# --- The total series: channels, as_of ------------------------------------------------------

CHANNELLED = [
    seen("followers", D(2027, 1, 4), 100, "fb"),
    seen("followers", D(2027, 1, 4), 50, "ig"),
    seen("followers", D(2027, 1, 11), 120, "fb"),
    seen("followers", D(2027, 1, 18), 80, "ig"),
    seen("followers", D(2027, 1, 25), 260),
]


def test_the_total_sums_each_channels_latest_value_or_takes_a_channel_less_one() -> None:
    followers = metric_score(score(shop(), CHANNELLED), "followers")
    expected = (
        (D(2027, 1, 4), 150),  # 100 + 50
        (D(2027, 1, 11), 170),  # 120 + 50
        (D(2027, 1, 18), 200),  # 120 + 80
        (D(2027, 1, 25), 260),  # the total as observed
    )
    assert expected == followers.series
    assert {"fb": 120, "ig": 80} == followers.by_channel
    assert 260 == followers.latest


def test_a_percentage_is_averaged_over_channels() -> None:
    plan = shop().with_part(
        "metrics",
        "rate",
        socialplan.Metric(name="Engagement rate", unit="%", channels=("fb", "ig"), target=5),
    )
    observed = [
        seen("rate", D(2027, 1, 4), 2.0, "fb"),
        seen("rate", D(2027, 1, 4), 4.0, "ig"),
        seen("rate", D(2027, 1, 11), 3.0, "fb"),
    ]
    rate = metric_score(score(plan, observed), "rate")
    assert ((D(2027, 1, 4), 3.0), (D(2027, 1, 11), 3.5)) == rate.series


def test_observations_after_as_of_are_ignored() -> None:
    card = score(shop(), CHANNELLED, as_of=D(2027, 1, 18))
    followers = metric_score(card, "followers")
    assert (D(2027, 1, 18), 200, 3) == (card.as_of, followers.latest, len(followers.series))


def test_as_of_defaults_to_the_latest_observation() -> None:
    observed = [seen("visits", D(2027, 2, 8), 3), seen("followers", D(2027, 1, 4), 1)]
    assert D(2027, 2, 8) == score(shop(), observed).as_of


def test_scorecard_by_level_and_by_channel() -> None:
    plan = socialplan.loads(SHOP.replace('unit = "visits"\n', 'unit = "visits"\nlevel = 3\n'))
    card = score(plan, [seen("visits", D(2027, 1, 4), 3, "web")])
    by_level = {level: [m.metric for m in ms] for level, ms in card.by_level().items()}
    assert {"3": ["visits"], "none": ["followers", "response_time", "sentiment"]} == by_level
    by_channel = {channel: [m.metric for m in ms] for channel, ms in card.by_channel().items()}
    assert {"fb": ["followers"], "ig": ["followers"], "web": ["visits"]} == by_channel


# --- Stale ----------------------------------------------------------------------------------


def test_stale_when_the_cadence_has_no_recent_observation() -> None:
    # as_of 2027-02-01; followers (weekly) last seen 14 days before: stale.
    observed = [seen("followers", D(2027, 1, 18), 300), seen("visits", D(2027, 2, 1), 100)]
    card = score(shop(), observed)
    stale = {m.metric: m.stale for m in card.metrics}
    # sentiment has a monthly cadence and no observation at all; the others no cadence.
    expected = {"followers": True, "response_time": False, "visits": False, "sentiment": True}
    assert expected == stale
    assert ["followers", "sentiment"] == [m.metric for m in card.stale]


def test_not_stale_within_one_cadence() -> None:
    observed = [seen("followers", D(2027, 1, 25), 300), seen("visits", D(2027, 2, 1), 100)]
    assert not metric_score(score(shop(), observed), "followers").stale  # exactly 7 days


# --- Return on investment -------------------------------------------------------------------

ROI = """
format = "socialplan/1"

[plan]
name = "Returns"
currency = "EUR"

[channels.fb]
platform = "facebook"

[channels.ig]
platform = "instagram"

[channels.x]
platform = "x"

[metrics.leads]
name = "Leads"
level = 3
unit = "leads"
channels = ["fb", "ig"]
unit_value = 20

[metrics.sales]
name = "Sales"
level = 3
unit = "sales"
channels = ["ig"]

[metrics.bookings]
name = "Bookings"
level = 3
unit = "bookings"
channels = ["fb", "ig"]
unit_value = 100

[metrics.followers]
name = "Followers"
level = 1
unit = "followers"
channels = ["fb", "x"]

[resources.ads_fb]
kind = "budget"
name = "Facebook ads"
cost = 1000
channel = "fb"

[resources.ads_ig]
kind = "budget"
name = "Instagram ads"
cost = 400
channel = "ig"

[resources.cm]
kind = "people"
name = "Community manager"
cost = 2000

[resources.free]
kind = "tool"
name = "A free tool"
channel = "x"
"""

ROI_OBSERVED = [
    seen("leads", D(2027, 1, 4), 10, "fb"),
    seen("leads", D(2027, 2, 1), 60, "fb"),  # +50 leads on fb
    seen("leads", D(2027, 1, 4), 5, "ig"),
    seen("leads", D(2027, 2, 1), 30, "ig"),  # +25 leads on ig
    seen("sales", D(2027, 1, 4), 0),
    seen("sales", D(2027, 2, 1), 4),  # +4 sales, all on ig, its only channel
    seen("bookings", D(2027, 1, 4), 2),
    seen("bookings", D(2027, 2, 1), 7),  # +5 bookings, no one channel: shared
    seen("followers", D(2027, 1, 4), 100, "x"),
    seen("followers", D(2027, 2, 1), 900, "x"),  # level 1, no unit value: no result
]


def test_returns_by_channel() -> None:
    card = score(socialplan.loads(ROI), ROI_OBSERVED)
    fb, ig, shared = card.returns
    # fb: 1000 spent, 50 leads worth 20 each: 1000 back.
    assert ("fb", 1000.0, 50.0, 1000.0, 20.0, 0.0) == (
        fb.channel,
        fb.cost,
        fb.results,
        fb.value,
        fb.cost_per_result,
        fb.roi,
    )
    # ig: 400 spent, 25 leads (500). The 4 sales have no unit value, and the plan
    # values other metrics, so they are not conversions: 25 results, 16 each.
    assert ("ig", 400.0, 25.0, 500.0, 0.25, 16.0) == (
        ig.channel,
        ig.cost,
        ig.results,
        ig.value,
        ig.roi,
        ig.cost_per_result,
    )
    # Shared: the community manager, and 5 bookings worth 100 each.
    assert (None, 2000.0, 5.0, 500.0, 400.0, -0.75) == (
        shared.channel,
        shared.cost,
        shared.results,
        shared.value,
        shared.cost_per_result,
        shared.roi,
    )


def test_returns_total() -> None:
    total = score(socialplan.loads(ROI), ROI_OBSERVED).total
    assert total is not None
    assert (None, 3400.0, 80.0, 2000.0) == (total.channel, total.cost, total.results, total.value)
    assert pytest.approx(3400 / 80) == total.cost_per_result
    assert pytest.approx((2000 - 3400) / 3400) == total.roi
    assert "EUR" == score(socialplan.loads(ROI), []).currency


def test_returns_without_results_or_unit_values() -> None:
    card = score(socialplan.loads(ROI), [])
    # No observation yet: costs only; values are 0 where a valued metric is taken.
    rows = [(r.channel, r.cost, r.results, r.value, r.cost_per_result, r.roi) for r in card.returns]
    expected = [
        ("fb", 1000.0, 0.0, 0.0, None, -1.0),
        ("ig", 400.0, 0.0, 0.0, None, -1.0),
        (None, 2000.0, 0.0, None, None, None),
    ]
    assert expected == rows


def test_a_decrease_counts_as_a_gain_for_a_metric_that_should_decrease() -> None:
    text = ROI + (
        '[metrics.complaints]\nname = "Complaints"\nunit = "complaints"\n'
        'direction = "decrease"\nchannels = ["x"]\nunit_value = 10\n'
    )
    observed = [
        seen("complaints", D(2027, 1, 4), 30, "x"),
        seen("complaints", D(2027, 2, 1), 18, "x"),
    ]
    card = score(socialplan.loads(text), observed)
    x = next(r for r in card.returns if r.channel == "x")
    # 30 complaints down to 18: 12 fewer, worth 10 each; nothing spent on x.
    assert (0.0, 12.0, 120.0, 0.0, None) == (x.cost, x.results, x.value, x.cost_per_result, x.roi)


def test_no_costs_and_no_results_no_returns() -> None:
    card = score(shop(), [seen("followers", D(2027, 2, 1), 600)])
    assert ((), None) == (card.returns, card.total)


# --- Bad input ------------------------------------------------------------------------------


def test_an_unknown_metric_is_an_error() -> None:
    with pytest.raises(ValueError, match="'likes'"):
        score(shop(), [seen("likes", D(2027, 2, 1), 1)])


def test_two_observations_of_one_metric_channel_and_date_are_an_error() -> None:
    with pytest.raises(ValueError, match="two observations"):
        score(shop(), [seen("visits", D(2027, 2, 1), 1), seen("visits", D(2027, 2, 1), 2)])


@pytest.mark.parametrize("value", [float("nan"), float("inf"), True])
def test_a_value_that_is_not_a_finite_number_is_an_error(value: float) -> None:
    with pytest.raises(ValueError, match="not a number"):
        score(shop(), [seen("visits", D(2027, 2, 1), value)])


# --- Verdicts and JSON ----------------------------------------------------------------------


def test_verdicts_rank_from_worst_to_best() -> None:
    expected = ["no data", "off track", "at risk", "on track", "achieved"]
    assert expected == sorted(Verdict, key=RANK.__getitem__)
    assert [0, 1, 2, 3, 4] == [v.rank for v in Verdict]


def test_to_dict_of_a_metric() -> None:
    card = score(shop(), [seen("followers", D(2027, 1, 4), 200, "fb")], as_of=D(2027, 1, 4))
    data = card.to_dict()
    followers = data["metrics"][0]
    expected = {
        "metric": "followers",
        "name": "Followers",
        "unit": "followers",
        "level": None,
        "channels": ["fb", "ig"],
        "direction": "increase",
        "objective": "reach",
        "latest": 200,
        "latest_date": "2027-01-04",
        "baseline": 200,
        "baseline_date": "2027-01-04",
        "target": 1000,
        "deadline": "2027-03-01",
        "progress": 0.0,
        "pace_needed": 100.0,
        "pace_so_far": None,
        "projected": None,
        "verdict": "on track",
        "reason": "0% of the way with 0% of the time gone",
        "stale": False,
        "series": [["2027-01-04", 200]],
        "by_channel": {"fb": 200},
    }
    assert expected == followers
    assert ("Shop", "2027-01-04", "EUR", ["sentiment"]) == (
        data["plan"],
        data["as_of"],
        data["currency"],
        data["stale"],
    )
    assert {"value": 1000, "unit": "followers", "baseline": 200, "deadline": "2027-03-01"} == (
        data["objectives"][0]["target"]
    )


# --- Properties -----------------------------------------------------------------------------

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def near_targets(draw: st.DrawFn, plan: Plan) -> tuple[Observation, ...]:
    """Observations moving from each metric's baseline toward its target, at varied speeds.

    :func:`socialplan.testing.observations` draws values anywhere within ±10¹²,
    which are nearly always achieved or far off; these land on every verdict.
    """
    start = plan.start or D(2027, 1, 1)
    end = plan.horizons.long if plan.horizons and plan.horizons.long else start
    found: list[Observation] = []
    for key, metric in plan.metrics.items():
        if metric.baseline is None or metric.target is None:
            continue
        targets = [plan.objectives[o].target for o in metric.measures if o in plan.objectives]
        deadlines = [t.deadline for t in targets if t is not None and t.deadline is not None]
        last = max(start, min([end, *deadlines]))
        days = draw(st.lists(st.dates(start, last), min_size=1, max_size=4, unique=True))
        shares = sorted(draw(st.lists(st.floats(-0.3, 1.3), min_size=len(days), max_size=4)))
        channel = draw(st.sampled_from([None, *metric.channels]))
        for day, share in zip(sorted(days), shares, strict=False):
            value = metric.baseline + share * (metric.target - metric.baseline)
            found.append(seen(key, day, draw(st.sampled_from([value, round(value)])), channel))
    return tuple(found)


def some_observations(plan: Plan) -> st.SearchStrategy[tuple[Observation, ...]]:
    return st.one_of(observations(plan, max_size=12), near_targets(plan))


def _better(plan: Plan, observed: tuple[Observation, ...], step: float) -> list[Observation]:
    """The observations with one of those on the latest date of a metric improved by *step*."""
    key = observed[0].metric
    last = max(o.date for o in observed if o.metric == key)
    index = next(i for i, o in enumerate(observed) if o.metric == key and o.date == last)
    old = observed[index]
    sign = 1 if plan.metrics[key].direction is Direction.INCREASE else -1
    # evolve keeps a qualitative reading (its counts, keywords, users) as it was: a value that
    # drops them would be a reading lost, not a better one.
    better = attrs.evolve(old, value=old.value + sign * step)
    return [*observed[:index], better, *observed[index + 1 :]]


@SETTINGS
@given(data=st.data())
def test_a_better_value_never_gives_a_worse_verdict(data: st.DataObject) -> None:
    plan = data.draw(plans(max_items=3))
    observed = data.draw(some_observations(plan))
    if not observed:
        return
    step = data.draw(st.integers(1, 10**6) | st.floats(0.001, 1e6))
    before = score(plan, observed)
    after = score(plan, _better(plan, observed, step))
    for old, new in zip(before.metrics, after.metrics, strict=True):
        assert old.verdict.rank <= new.verdict.rank
    for old_objective, new_objective in zip(before.objectives, after.objectives, strict=True):
        assert old_objective.verdict.rank <= new_objective.verdict.rank


def _one_metric(direction: Direction) -> Plan:
    text = SHOP.replace('direction = "decrease"', f'direction = "{direction}"')
    if direction is Direction.INCREASE:  # so that the target lies beyond the baseline
        text = text.replace("value = 2, unit", "value = 48, unit")
    return socialplan.loads(text)


@SETTINGS
@given(
    direction=st.sampled_from(Direction),
    days=st.lists(st.integers(0, 60), min_size=1, max_size=5, unique=True),
    shares=st.lists(st.floats(-0.3, 1.3), min_size=5, max_size=5).map(sorted),
    step=st.floats(0.01, 10),
    late=st.integers(0, 14),
)
def test_verdicts_are_monotone_in_both_directions(
    direction: Direction, days: list[int], shares: list[float], step: float, late: int
) -> None:
    # Response time in hours: decreasing from 24 to 2, or increasing from 24 to 48, by 2027-03-01.
    plan = _one_metric(direction)
    target = 48 if direction is Direction.INCREASE else 2
    dates = sorted(D(2027, 1, 4) + dt.timedelta(days=d) for d in days)
    observed = tuple(
        seen("response_time", day, 24 + share * (target - 24))
        for day, share in zip(dates, shares, strict=False)
    )
    as_of = dates[-1] + dt.timedelta(days=late)
    before = metric_score(score(plan, observed, as_of=as_of), "response_time")
    better = _better(plan, tuple(reversed(observed)), step)
    after = metric_score(score(plan, better, as_of=as_of), "response_time")
    assert before.verdict.rank <= after.verdict.rank


@SETTINGS
@given(data=st.data())
def test_scoring_is_deterministic_and_independent_of_order(data: st.DataObject) -> None:
    plan = data.draw(plans(max_items=3))
    observed = data.draw(some_observations(plan))
    shuffled = data.draw(st.permutations(observed))
    first, second = score(plan, observed), score(plan, shuffled)
    assert first == second
    assert json.dumps(first.to_dict()) == json.dumps(second.to_dict())


@SETTINGS
@given(data=st.data())
def test_to_dict_is_json(data: st.DataObject) -> None:
    plan = data.draw(plans(max_items=3))
    observed = data.draw(some_observations(plan))
    as_of = data.draw(st.none() | st.dates(D(2000, 1, 1), D(2100, 1, 1)))
    card = score(plan, observed, as_of=as_of)
    data_ = card.to_dict()
    assert data_ == json.loads(json.dumps(data_, allow_nan=False))


def test_the_example_plan_scores_with_no_observation() -> None:
    card = score(socialplan.load("examples/cartoon/plan.toml"), [])
    assert {Verdict.NO_DATA} == {o.verdict for o in card.objectives}


def test_without_unit_values_the_level_3_metrics_are_the_results() -> None:
    plan = socialplan.loads(ROI.replace("unit_value = 20\n", "").replace("unit_value = 100\n", ""))
    ig = next(row for row in score(plan, ROI_OBSERVED).returns if row.channel == "ig")
    # 25 leads and 4 sales, none valued: 29 results and no value.
    assert (29.0, None, None) == (ig.results, ig.value, ig.roi)


# The scorecard against plain definitions: what score() indexes once, said the long way.


def _latest_at(dates: dict[dt.date, float], day: dt.date) -> float | None:
    """The value observed last at or before *day*, or None."""
    before = [d for d in dates if d <= day]
    return dates[max(before)] if before else None


def _series_by_definition(
    observed: tuple[Observation, ...], key: str, as_of: dt.date, mean: bool
) -> tuple[tuple[dt.date, float], ...]:
    """The total series of the module's documentation: one point per date observed, the
    channel-less value on that date, else the sum (mean) of each channel's latest value."""
    on: dict[str | None, dict[dt.date, float]] = {}
    for o in observed:
        if o.metric == key and o.date <= as_of:
            on.setdefault(o.channel, {})[o.date] = o.value
    series = []
    for day in sorted({d for dates in on.values() for d in dates}):
        if day in on.get(None, {}):
            series.append((day, on[None][day]))
            continue
        latest = [_latest_at(on[c], day) for c in sorted(c for c in on if c is not None)]
        values = [value for value in latest if value is not None]
        series.append((day, sum(values) / len(values) if mean else sum(values)))
    return tuple(series)


@st.composite
def _many_channels(draw: st.DrawFn) -> tuple[Plan, tuple[Observation, ...]]:
    """A metric on up to eight channels, observed on each at dates of its own, and in total."""
    channels = [f"c{i}" for i in range(draw(st.integers(1, 8)))]
    unit = draw(st.sampled_from(["followers", "%", "share %"]))
    plan = socialplan.Plan(
        name="Many",
        channels={key: socialplan.Channel(platform="blog") for key in channels},
        metrics={"m": socialplan.Metric(name="M", unit=unit, channels=tuple(channels))},
    )
    values = st.integers(-(10**6), 10**6) | st.floats(-1e6, 1e6, allow_nan=False)
    found = []
    for channel in [None, *channels]:
        days = draw(st.sets(st.integers(0, 40), max_size=6 if channel else 2))
        found += [
            seen("m", D(2027, 1, 4) + dt.timedelta(days=d), draw(values), channel) for d in days
        ]
    return plan, tuple(found)


@SETTINGS
@given(case=_many_channels())
def test_the_total_series_is_its_definition(case: tuple[Plan, tuple[Observation, ...]]) -> None:
    plan, observed = case
    card = score(plan, observed)
    mean = plan.metrics["m"].unit != "followers"
    expected = _series_by_definition(observed, "m", card.as_of, mean)
    assert expected == card.metrics[0].series


def _measuring_twice(data: st.DataObject, plan: Plan) -> Plan:
    """*plan* with some of its metrics naming each objective they measure twice."""
    twice = data.draw(st.sets(st.sampled_from(sorted(plan.metrics)))) if plan.metrics else set()
    metrics = {
        key: attrs.evolve(metric, measures=metric.measures * 2) if key in twice else metric
        for key, metric in plan.metrics.items()
    }
    return attrs.evolve(plan, metrics=metrics)


@SETTINGS
@given(data=st.data())
def test_each_objective_lists_the_metrics_that_measure_it_in_plan_order(
    data: st.DataObject,
) -> None:
    plan = _measuring_twice(data, data.draw(loadable_plans(max_items=4)))
    card = score(plan, data.draw(observations(plan, max_size=8)))
    expected = {
        key: [k for k, metric in plan.metrics.items() if key in metric.measures]
        for key in plan.objectives
    }
    actual = {o.objective: [m.metric for m in o.metrics] for o in card.objectives}
    assert expected == actual


@SETTINGS
@given(data=st.data())
def test_a_metric_of_an_objective_is_judged_against_it_when_it_can_be(
    data: st.DataObject,
) -> None:
    """In an objective's card, a metric is judged against that objective's target when it is in
    the metric's unit, else as in the list of metrics (its first such objective, or its own)."""
    plan = _measuring_twice(data, data.draw(loadable_plans(max_items=4)))
    card = score(plan, data.draw(observations(plan, max_size=8)))
    alone = {m.metric: m for m in card.metrics}
    for objective in card.objectives:
        target = plan.objectives[objective.objective].target
        for metric in objective.metrics:
            unit = plan.metrics[metric.metric].unit
            # A relative target in per cent is a change in any unit (_score's documentation).
            # So is any rise over the previous period: a target with no amount has no unit.
            any_unit = (
                target is not None
                and target.relative is not None
                and target.unit.strip().endswith("%")
            ) or (target is not None and target.relative == "previous" and target.value is None)
            fits = target is not None and (
                any_unit or unit is None or unit.casefold() == target.unit.casefold()
            )
            expected = objective.objective if fits else alone[metric.metric].objective
            assert expected == metric.objective
            # An aggregate target reads its own channels: the series is the same only without.
            judged = [metric.objective, alone[metric.metric].objective]
            if not any(_aggregate(plan, key) for key in judged):
                assert metric.series == alone[metric.metric].series


def _aggregate(plan: Plan, objective: str | None) -> bool:
    target = plan.objectives[objective].target if objective is not None else None
    return target is not None and target.aggregate is not None


def test_scoring_restores_the_garbage_collector_after_an_error() -> None:
    import gc

    gc.disable()
    try:
        with pytest.raises(ValueError, match="not a metric of the plan"):
            score(shop(), [seen("nothing", D(2027, 3, 1), 1)])
        disabled = not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError, match="not a metric of the plan"):
        score(shop(), [seen("nothing", D(2027, 3, 1), 1)])
    assert (True, True) == (disabled, gc.isenabled())


# --- Relative and aggregate targets (worked by hand) ----------------------------------------

RELATIVE = """
format = "socialplan/1"

[plan]
name = "Council"
start = 2027-01-04

[objectives.grow]
title = "Ten per cent more followers"
target = { value = 10, unit = "%", relative = "baseline", baseline = 1000, deadline = 2027-03-01 }

[objectives.more]
title = "Five hundred more followers"
target = { value = 500, unit = "followers", relative = "baseline", deadline = 2027-03-01 }

[metrics.followers]
name = "Followers"
unit = "followers"
measures = ["grow"]

[metrics.reach]
name = "Followers, again"
unit = "followers"
baseline = 1000
measures = ["more"]
"""


def test_a_relative_percent_target_is_that_share_over_the_baseline() -> None:
    # 10 % over 1,000 is 1,100; 1,050 after 4 of 8 weeks is half-way, on pace to 1,100.
    card = score(socialplan.loads(RELATIVE), [seen("followers", D(2027, 2, 1), 1050)])
    followers = metric_score(card, "followers")
    assert (1000, 1100, 0.5, 1100.0, Verdict.ON_TRACK) == (
        followers.baseline,
        followers.target,
        followers.progress,
        followers.projected,
        followers.verdict,
    )


def test_a_relative_target_in_the_metrics_unit_adds_its_value_to_the_baseline() -> None:
    # 500 over the metric's baseline of 1,000 is 1,500; 1,600 has reached it.
    card = score(socialplan.loads(RELATIVE), [seen("reach", D(2027, 2, 1), 1600)])
    reach = metric_score(card, "reach")
    assert (1000, 1500, Verdict.ACHIEVED) == (reach.baseline, reach.target, reach.verdict)


def test_a_relative_target_without_baseline_is_over_the_first_observation() -> None:
    plan = socialplan.loads(RELATIVE.replace(", baseline = 1000, deadline", ", deadline"))
    observed = [seen("followers", D(2027, 1, 4), 200), seen("followers", D(2027, 2, 1), 210)]
    followers = metric_score(score(plan, observed), "followers")
    assert (200, 220, 0.5) == (followers.baseline, followers.target, followers.progress)


AGGREGATE = """
format = "socialplan/1"

[plan]
name = "University"
start = 2027-01-04

[channels.fb]
platform = "facebook"

[channels.ig]
platform = "instagram"

[channels.x]
platform = "x"

[objectives.engage]
title = "At least 3 % engagement, averaged across the main channels"

[objectives.engage.target]
value = 3
unit = "%"
aggregate = "average"
across = ["fb", "ig"]
deadline = 2027-03-01

[metrics.engagement]
name = "Engagement rate"
unit = "%"
channels = ["fb", "ig", "x"]
measures = ["engage"]
"""


def _engagement(plan: Plan, values: dict[str | None, float]) -> MetricScore:
    observed = [seen("engagement", D(2027, 2, 1), v, channel) for channel, v in values.items()]
    return metric_score(score(plan, observed), "engagement")


def test_an_average_target_is_the_mean_over_its_channels_alone() -> None:
    # fb 2.0 and ig 5.0 average 3.5 ≥ 3; x (not across) and the channel-less 1.0 are left out.
    engagement = _engagement(
        socialplan.loads(AGGREGATE), {"fb": 2.0, "ig": 5.0, "x": 0.5, None: 1.0}
    )
    assert (3.5, Verdict.ACHIEVED) == (engagement.latest, engagement.verdict)


def test_a_total_target_is_the_sum_over_its_channels_alone() -> None:
    # fb 400 + ig 700 = 1,100 < 1,200: not reached, though x's 5,000 would reach it.
    plan = socialplan.loads(
        AGGREGATE.replace("value = 3", "value = 1200")
        .replace('"average"', '"total"')
        .replace('unit = "%"', 'unit = "followers"')
    )
    engagement = _engagement(plan, {"fb": 400, "ig": 700, "x": 5000, None: 2000})
    assert (1100, 1200) == (engagement.latest, engagement.target)
    assert Verdict.ACHIEVED != engagement.verdict


def test_an_each_target_is_judged_by_its_worst_channel() -> None:
    # From 1 on 2027-01-04: fb's 4.0 reaches 3; ig's 1.5 after 4 weeks projects to 2.0 by
    # 2027-03-01, (2 - 1) / (3 - 1) = 50 % of the way, below 80 %: off track.
    plan = socialplan.loads(
        AGGREGATE.replace('aggregate = "average"', 'baseline = 1\naggregate = "each"')
    )
    engagement = _engagement(plan, {"fb": 4.0, "ig": 1.5})
    assert (1.5, 2.0, Verdict.OFF_TRACK) == (
        engagement.latest,
        engagement.projected,
        engagement.verdict,
    )
    assert engagement.reason.startswith('on "ig": ')
    assert {"fb": 4.0, "ig": 1.5} == dict(engagement.by_channel)
