"""A listening tool's mentions as a qualitative metric's readings (issue #20, the last item): a
feed with ``combine = "reading"`` counts the mentions of each day by sentiment and gathers their
keywords, so that the scorecard judges what the metric expects from the export itself.

The exports are made by ``fake_exports`` to the readers' interface; the end-to-end tests over
the listening fixture are in test_cli_imports.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialplan
from fake_exports import Export, export
from helpers import HEAD
from socialplan import observations
from socialplan.observations import ObservationFormat

D = dt.date

PLAN = (
    HEAD
    + """
[metrics.sentiment]
name = "Sentiment of mentions"
kind = "qualitative"

[[metrics.sentiment.feeds]]
platform = "listening"
column = "sentiment"
combine = "reading"
"""
)


def plan(text: str = PLAN) -> socialplan.Plan:
    return socialplan.loads(text)


def mentions(*rows: tuple[dt.date, object, object], file: str = "mentions.csv") -> Export:
    """Mentions of (date, sentiment, keywords), each with its own url."""
    made: list[dict[str, Any]] = [
        {"key": f"https://example.org/{n}", "date": day, "url": f"https://example.org/{n}"}
        | {"sentiment": sentiment, "keywords": keywords}
        for n, (day, sentiment, keywords) in enumerate(rows)
    ]
    return export("listening", "mentions", "per_post", made, file=file)


def readings(*exports: Export, of: socialplan.Plan | None = None) -> list[tuple[object, ...]]:
    found = observations.from_exports(exports, of or plan()).observations
    return [(o.date, o.value, o.positive, o.neutral, o.negative, o.keywords) for o in found]


def load_problems(text: str) -> list[tuple[str, str, str | None]]:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    return [(d.code, d.path, d.hint) for d in info.value]


# --- The plan: combine = "reading" -------------------------------------------------------------


def test_a_reading_feed_loads_on_a_qualitative_metric() -> None:
    (feed,) = plan().metrics["sentiment"].feeds
    assert socialplan.Combine("reading") == feed.combine


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_plan_with_a_reading_feed_dumps_and_loads_back_the_same(fmt: str) -> None:
    assert plan() == socialplan.loads(socialplan.dumps(plan(), fmt), fmt)  # type: ignore[arg-type]


def test_a_reading_feed_of_a_quantitative_metric_is_refused_at_the_feed() -> None:
    text = PLAN.replace('kind = "qualitative"\n', "")
    expected = [
        (
            "SP006",
            "metrics.sentiment.feeds[0].combine",
            'add kind = "qualitative" to the metric, or combine the mentions by "count"',
        )
    ]
    assert expected == load_problems(text)


def test_a_reading_feed_of_a_column_that_is_not_sentiment_is_refused_at_its_column() -> None:
    text = PLAN.replace('column = "sentiment"', 'column = "reach"')
    expected = [("SP006", "metrics.sentiment.feeds[0].column", 'write column = "sentiment"')]
    assert expected == load_problems(text)


def test_a_reading_feed_of_another_platform_than_a_listening_tool_is_refused() -> None:
    text = PLAN.replace('platform = "listening"', 'platform = "instagram"')
    expected = [("SP006", "metrics.sentiment.feeds[0].platform", 'write platform = "listening"')]
    assert expected == load_problems(text)


def test_a_reading_feed_of_another_layout_than_the_mentions_is_refused() -> None:
    text = PLAN.replace('combine = "reading"', 'combine = "reading"\nlayout = "posts"')
    expected = [("SP006", "metrics.sentiment.feeds[0].layout", 'write layout = "mentions"')]
    assert expected == load_problems(text)


def test_the_message_of_a_misplaced_reading_feed_says_what_is_expected() -> None:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(PLAN.replace('column = "sentiment"', 'column = "reach"'))
    (problem,) = info.value.diagnostics
    expected = '"reach" is not the sentiment column: a reading counts the mentions by sentiment'
    assert expected == problem.message


def test_every_problem_of_the_plan_s_reading_feeds_is_reported_at_once() -> None:
    text = PLAN.replace('kind = "qualitative"\n', "").replace('"sentiment"', '"reach"', 1)
    text = text.replace('column = "sentiment"', 'column = "reach"')
    paths = [path for _, path, _ in load_problems(text)]
    assert ["metrics.sentiment.feeds[0].column", "metrics.sentiment.feeds[0].combine"] == paths


# --- Mentions into readings ---------------------------------------------------------------------


def test_the_mentions_of_each_day_are_counted_by_sentiment() -> None:
    found = readings(
        mentions(
            (D(2026, 8, 3), "Positive", "rye"),
            (D(2026, 8, 3), "Positive", None),
            (D(2026, 8, 3), "Negative", None),
            (D(2026, 8, 4), "Neutral", None),
        )
    )
    expected = [(D(2026, 8, 3), 3, 2, 0, 1, ("rye",)), (D(2026, 8, 4), 1, 0, 1, 0, ())]
    assert expected == found


def test_the_spanish_sentiments_and_any_case_are_counted_too() -> None:
    found = readings(
        mentions(
            (D(2026, 8, 3), "Positivo", None),
            (D(2026, 8, 3), "positiva", None),
            (D(2026, 8, 3), "Neutro", None),
            (D(2026, 8, 3), "NEGATIVA", None),
        )
    )
    assert [(D(2026, 8, 3), 4, 2, 1, 1, ())] == found


def test_keywords_come_most_frequent_first_then_by_name() -> None:
    found = readings(
        mentions(
            (D(2026, 8, 3), "Positive", "rye; bakery"),
            (D(2026, 8, 3), "Neutral", "queue; rye"),
            (D(2026, 8, 3), "Negative", "Bakery; hours"),
        )
    )
    assert [("bakery", "rye", "hours", "queue")] == [row[-1] for row in found]


def test_a_reading_keeps_the_ten_most_frequent_keywords() -> None:
    words = [f"w{n:02}" for n in range(12)]
    rows = [(D(2026, 8, 3), "Positive", "; ".join(words[: n + 1])) for n in range(12)]
    (found,) = readings(mentions(*rows))
    assert tuple(words[:10]) == found[-1]


def test_a_mention_without_a_sentiment_is_not_counted() -> None:
    found = readings(mentions((D(2026, 8, 3), "Positive", None), (D(2026, 8, 3), None, "rye")))
    assert [(D(2026, 8, 3), 1, 1, 0, 0, ())] == found


def test_a_sentiment_that_is_no_sentiment_is_refused_at_its_cell() -> None:
    with pytest.raises(socialplan.LoadError) as info:
        observations.from_exports([mentions((D(2026, 8, 3), "Mixed", None))], plan())
    expected = [
        (
            "SP006",
            "mentions.csv",
            2,
            'column 4 (sentiment): "Mixed" is not a sentiment',
            "expected Positive, Neutral or Negative (or positivo, neutro, negativo), for "
            'metrics.sentiment.feeds[0] (combine = "reading")',
        )
    ]
    assert expected == [(d.code, d.file, d.line, d.message, d.hint) for d in info.value]


def test_a_reading_is_an_observation_the_observations_files_read_back() -> None:
    found = observations.from_exports(
        [mentions((D(2026, 8, 3), "Positive", "rye; bakery"), (D(2026, 8, 3), "Negative", "rye"))],
        plan(),
    ).observations
    (reading,) = found
    fields = (reading.metric, reading.date, reading.value, reading.channel, reading.keywords)
    counts = (reading.positive, reading.neutral, reading.negative)
    expected = (("sentiment", D(2026, 8, 3), 2, None, ("rye", "bakery")), (1, 0, 1))
    assert (expected, found) == (
        (fields, counts),
        observations.loads(observations.dumps(found), plan()),
    )


@given(
    st.lists(
        st.tuples(
            st.integers(1, 3),
            st.sampled_from(["Positive", "Neutral", "Negative"]),
            st.sampled_from([None, "rye", "rye; bakery", "queue"]),
        ),
        max_size=12,
    )
)
def test_importing_the_mentions_again_never_counts_one_twice(
    rows: list[tuple[int, str, str | None]],
) -> None:
    one = mentions(*((D(2026, 8, day), sentiment, words) for day, sentiment, words in rows))
    assert readings(one) == readings(one, one)
    assert len(rows) == sum(int(str(found[1])) for found in readings(one))


@given(st.lists(st.text(max_size=12), min_size=1, max_size=4))
def test_any_keywords_an_export_holds_read_back_from_the_observations_written(
    words: list[str],
) -> None:
    found = observations.from_exports(
        [mentions((D(2026, 8, 3), "Positive", "; ".join(words)))], plan()
    ).observations
    formats: tuple[ObservationFormat, ...] = ("csv", "json", "toml")
    for fmt in formats:
        assert found == observations.loads(observations.dumps(found, fmt), plan(), fmt)


def test_a_reading_feed_made_in_python_is_refused_on_a_quantitative_metric_too() -> None:
    feed = socialplan.Feed(platform="listening", column="sentiment", combine="reading")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="is for a qualitative one"):
        socialplan.Metric(name="Mentions", feeds=(feed,))
