"""A metric's feeds (issue #20): which export column gives its values and how rows combine, in
the plan; and what :func:`socialplan.observations.from_exports` makes of the exports by them.

The exports are made by ``fake_exports`` to the readers' interface, one behaviour per test.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialplan
from fake_exports import Export, export
from helpers import HEAD
from socialplan import observations
from socialplan.observations import Observation

D = dt.date

PLAN = (
    HEAD
    + """
[channels.ig]
platform = "instagram"

[channels.fb]
platform = "Facebook"

[metrics.reach]
name = "Reach"
channels = ["ig", "fb"]

[[metrics.reach.feeds]]
platform = "instagram"
column = "reach"
combine = "sum"

[[metrics.reach.feeds]]
platform = "facebook"
layout = "posts"
column = "reach"
combine = "sum"

[metrics.followers]
name = "Followers"

[[metrics.followers.feeds]]
platform = "instagram"
layout = "followers"
column = "followers"
combine = "last"
"""
)


def plan() -> socialplan.Plan:
    return socialplan.loads(PLAN)


def posts(*rows: tuple[str, dt.date, object], file: str = "posts.csv") -> Export:
    return export(
        "instagram",
        "posts",
        "per_post",
        [{"key": key, "date": day, "reach": reach, "likes": 1} for key, day, reach in rows],
        file=file,
    )


def seen(*exports: Export, of: socialplan.Plan | None = None) -> list[tuple[object, ...]]:
    found = observations.from_exports(exports, of or plan()).observations
    return [(o.metric, o.date, o.value, o.channel) for o in found]


def problems(*exports: Export, of: socialplan.Plan | None = None) -> list[tuple[object, ...]]:
    with pytest.raises(socialplan.LoadError) as info:
        observations.from_exports(exports, of or plan())
    return [(d.code, d.file, d.line, d.column, d.path, d.message) for d in info.value]


# --- The plan: feeds are a term of the format -------------------------------------------------


def test_feeds_load_as_the_metric_s_feeds() -> None:
    feed = plan().metrics["followers"].feeds[0]
    expected = socialplan.Feed(
        platform=socialplan.ExportPlatform.INSTAGRAM,
        layout="followers",
        column="followers",
        combine=socialplan.Combine.LAST,
    )
    assert expected == feed


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_plan_with_feeds_dumps_and_loads_back_the_same(fmt: str) -> None:
    assert plan() == socialplan.loads(socialplan.dumps(plan(), fmt), fmt)  # type: ignore[arg-type]


def test_a_misspelt_combine_is_refused_with_a_suggestion() -> None:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(PLAN.replace('"last"', '"lst"'))
    expected = [("SP006", "metrics.followers.feeds[0].combine", 'did you mean "last"?')]
    assert expected == [(d.code, d.path, d.hint) for d in info.value]


def test_a_feed_without_a_column_is_refused() -> None:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(PLAN.replace('column = "followers"\n', ""))
    assert [("SP004", "metrics.followers.feeds[0].column")] == [
        (d.code, d.path) for d in info.value
    ]


def test_a_feed_naming_a_channel_the_plan_lacks_is_a_broken_reference() -> None:
    text = PLAN.replace('layout = "posts"\n', 'layout = "posts"\nchannel = "fbb"\n')
    found = socialplan.validate(socialplan.loads(text))
    assert ["metrics.reach.feeds[1].channel"] == [
        d.path for d in found if d.path.startswith("metrics.reach.feeds")
    ]


def test_the_dsl_gives_a_metric_its_feeds() -> None:
    from socialplan.dsl import PlanBuilder

    builder = PlanBuilder("Demo")
    feed = {"platform": "x", "column": "followers", "combine": "last"}
    builder.metric("followers", "Followers", feeds=[feed])
    expected = (socialplan.Feed(platform="x", column="followers", combine="last"),)  # type: ignore[arg-type]
    assert expected == builder.build().metrics["followers"].feeds


# --- Rows into observations ---------------------------------------------------------------------


def test_the_posts_of_one_day_add_up_on_the_metric_s_one_channel_on_the_platform() -> None:
    found = seen(
        posts(("p1", D(2026, 7, 1), 100), ("p2", D(2026, 7, 1), 50), ("p3", D(2026, 7, 2), 7))
    )
    assert [("reach", D(2026, 7, 1), 150, "ig"), ("reach", D(2026, 7, 2), 7, "ig")] == found


def test_a_later_export_of_the_same_post_replaces_its_value_rather_than_adding_to_it() -> None:
    july = posts(("p1", D(2026, 7, 1), 100), ("p2", D(2026, 7, 2), 10), file="july.csv")
    later = export(
        "instagram",
        "posts",
        "per_post",
        [{"key": "p1", "date": D(2026, 7, 1), "reach": 180}],
        file="august.csv",
        period=(D(2026, 7, 1), D(2026, 8, 31)),
    )
    expected = [("reach", D(2026, 7, 1), 180, "ig"), ("reach", D(2026, 7, 2), 10, "ig")]
    assert expected == seen(later, july)


@given(st.lists(st.tuples(st.sampled_from("abcd"), st.integers(1, 5), st.integers(0, 10**6))))
def test_importing_an_export_again_never_counts_a_row_twice(
    rows: list[tuple[str, int, int]],
) -> None:
    one = posts(*((key, D(2026, 7, day), reach) for key, day, reach in rows))
    assert seen(one) == seen(one, one)


def test_a_daily_file_gives_a_value_per_day_combined_as_the_feed_says() -> None:
    followers = export(
        "instagram",
        "followers",
        "per_day",
        [{"date": D(2026, 7, 1), "followers": 1200}, {"date": D(2026, 7, 2), "followers": 1210}],
    )
    expected = [("followers", D(2026, 7, 1), 1200, None), ("followers", D(2026, 7, 2), 1210, None)]
    assert expected == seen(followers)


def test_a_day_read_in_two_daily_files_takes_the_later_file_s_rows() -> None:
    def daily(first: int, second: int, file: str) -> Export:
        rows = [
            {"date": D(2026, 7, 1), "followers": first},
            {"date": D(2026, 7, 2), "followers": second},
        ]
        return export("instagram", "followers", "per_day", rows, file=file)

    expected = [("followers", D(2026, 7, 1), 5, None), ("followers", D(2026, 7, 2), 6, None)]
    assert expected == seen(daily(1, 2, "old.csv"), daily(5, 6, "new.csv"))


def test_a_period_s_totals_are_dated_at_its_last_day() -> None:
    text = PLAN + '[metrics.sessions]\nname = "Sessions"\n[[metrics.sessions.feeds]]\n'
    text += 'platform = "ga4"\ncolumn = "sessions"\ncombine = "sum"\n'
    traffic = export(
        "ga4",
        "traffic",
        "per_period",
        [
            {"channel_group": "Organic Social", "sessions": 40},
            {"channel_group": "Direct", "sessions": 2},
        ],
        period=(D(2026, 8, 1), D(2026, 8, 31)),
    )
    assert [("sessions", D(2026, 8, 31), 42, None)] == seen(traffic, of=socialplan.loads(text))


@pytest.mark.parametrize(
    ("combine", "expected"),
    [("sum", 12), ("last", 2), ("mean", 4.0), ("max", 9), ("min", 1), ("count", 3)],
)
def test_each_way_of_combining_the_rows_of_one_day(combine: str, expected: float) -> None:
    text = PLAN.replace('combine = "sum"', f'combine = "{combine}"', 1)
    rows = (("a", D(2026, 7, 1), 1), ("b", D(2026, 7, 1), 9), ("c", D(2026, 7, 1), 2))
    assert [("reach", D(2026, 7, 1), expected, "ig")] == seen(
        posts(*rows), of=socialplan.loads(text)
    )


def test_a_feed_on_a_platform_the_metric_has_two_channels_on_must_name_one() -> None:
    text = PLAN.replace(
        "[metrics.reach]", '[channels.ig2]\nplatform = "instagram"\n[metrics.reach]'
    )
    text = text.replace('channels = ["ig", "fb"]', 'channels = ["ig", "ig2", "fb"]')
    found = problems(posts(("p1", D(2026, 7, 1), 1)), of=socialplan.loads(text))
    assert [("SP010", "metrics.reach.feeds[0].channel")] == [(f[0], f[4]) for f in found]


def test_two_feeds_giving_one_value_are_refused_rather_than_one_silently_kept() -> None:
    text = PLAN.replace('channels = ["ig", "fb"]\n', "")
    facebook = export(
        "facebook", "posts", "per_post", [{"key": "f", "date": D(2026, 7, 1), "reach": 3}]
    )
    found = problems(posts(("p1", D(2026, 7, 1), 1)), facebook, of=socialplan.loads(text))
    assert [("SP011", "metrics.reach.feeds[1]")] == [(f[0], f[4]) for f in found]


def test_the_summary_says_what_was_mapped_and_what_was_skipped_and_why() -> None:
    tiktok = export(
        "tiktok",
        "overview",
        "per_day",
        [{"date": D(2026, 8, 31), "video_views": 9}],
        file="Overview.csv",
    )
    found = observations.from_exports([posts(("p1", D(2026, 7, 1), 5)), tiktok], plan())
    expected = (
        "posts.csv: reach -> reach on ig (sum): 1 row, 1 date",
        "metrics.reach.feeds[1] (facebook posts reach): no facebook posts export given",
        "metrics.followers.feeds[0] (instagram followers followers): "
        "no instagram followers export given",
        "posts.csv: columns no feed names: likes",
        "Overview.csv: tiktok overview, 1 row: no metric of the plan is fed from it, skipped "
        '(add a feed with platform = "tiktok" to a metric)',
    )
    assert expected == found.summary


def test_the_observations_import_checks_as_observations_do() -> None:
    found = observations.from_exports([posts(("p1", D(2026, 7, 1), 5))], plan()).observations
    text = observations.dumps(found)
    assert (
        Observation(metric="reach", date=D(2026, 7, 1), value=5, channel="ig"),
    ) == observations.loads(text, plan())
