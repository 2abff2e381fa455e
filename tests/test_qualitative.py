"""Qualitative KPIs with structure (issue #17): what a qualitative metric expects, the
readings that observations record of it, and the scorecard's verdict on them.

Each part is optional in ``socialplan/1``: loading, the round trip, the observations, the
scorecard, the DSL, the report and the diff, one behaviour per test.
"""

from __future__ import annotations

import pytest

import socialplan

HEAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\nstart = 2027-01-01\n'

QUALITATIVE = (
    HEAD
    + """
[plan.horizons]
long = 2027-12-31

[channels.x]
platform = "x"

[influencers.ana]
name = "Ana's food blog"

[influencers.press]
name = "Local press"

[objectives.image]
title = "A brand people speak well of"
measure = "qualitative"

[metrics.sentiment]
name = "Sentiment of mentions"
kind = "qualitative"
measures = ["image"]
channels = ["x"]

[metrics.sentiment.expects]
positive = 60
negative = 10
keywords = ["quality", "local"]
voices = ["ana", "press"]
"""
)


def load_problems(text: str) -> list[tuple[str, str, str | None]]:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    return [(d.code, d.path, d.hint) for d in info.value.diagnostics]


# --- The plan: what a qualitative metric expects --------------------------------------------


def test_a_qualitative_metric_says_what_it_expects() -> None:
    expects = socialplan.loads(QUALITATIVE).metrics["sentiment"].expects
    assert expects is not None
    assert (60, 10, ("quality", "local"), ("ana", "press")) == (
        expects.positive,
        expects.negative,
        expects.keywords,
        expects.voices,
    )


def test_a_plan_without_expectations_has_none() -> None:
    text = QUALITATIVE.split("[metrics.sentiment.expects]")[0]
    assert socialplan.loads(text).metrics["sentiment"].expects is None


def test_a_share_over_a_hundred_is_refused_at_its_place() -> None:
    found = load_problems(QUALITATIVE.replace("positive = 60", "positive = 160"))
    assert [("SP006", "metrics.sentiment.expects.positive")] == [(c, p) for c, p, _ in found]


def test_a_negative_share_is_refused_at_its_place() -> None:
    found = load_problems(QUALITATIVE.replace("negative = 10", "negative = -1"))
    assert [("SP006", "metrics.sentiment.expects.negative")] == [(c, p) for c, p, _ in found]


def test_a_share_written_as_text_is_the_wrong_type() -> None:
    found = load_problems(QUALITATIVE.replace("positive = 60", 'positive = "60%"'))
    assert [("SP005", "metrics.sentiment.expects.positive")] == [(c, p) for c, p, _ in found]


def test_a_near_miss_of_a_key_gets_a_suggestion() -> None:
    found = load_problems(QUALITATIVE.replace("keywords = ", "keyword = "))
    assert [("SP003", "metrics.sentiment.expects.keyword", 'did you mean "keywords"?')] == found


def test_keywords_must_be_a_list_of_strings() -> None:
    found = load_problems(QUALITATIVE.replace('keywords = ["quality", "local"]', "keywords = 3"))
    assert [("SP005", "metrics.sentiment.expects.keywords")] == [(c, p) for c, p, _ in found]


def test_every_problem_of_the_expectations_is_reported_at_once() -> None:
    text = QUALITATIVE.replace("positive = 60", "positive = 160").replace("voices = ", "voice = ")
    assert [
        ("SP003", "metrics.sentiment.expects.voice"),
        ("SP006", "metrics.sentiment.expects.positive"),
    ] == sorted((c, p) for c, p, _ in load_problems(text))


def test_expectations_of_a_quantitative_metric_are_refused() -> None:
    found = load_problems(QUALITATIVE.replace('kind = "qualitative"\n', ""))
    assert [
        ("SP006", "metrics.sentiment.expects", 'add kind = "qualitative" to the metric')
    ] == found


def test_the_line_of_a_bad_share_is_given() -> None:
    text = QUALITATIVE.replace("positive = 60", "positive = 160")
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text, file="plan.toml")
    line = text.splitlines().index("positive = 160") + 1
    assert [("plan.toml", line, 12)] == [(d.file, d.line, d.column) for d in info.value.diagnostics]


def test_expectations_round_trip_to_the_same_bytes() -> None:
    plan = socialplan.loads(QUALITATIVE)
    text = socialplan.dumps(plan)
    assert (plan, text) == (socialplan.loads(text), socialplan.dumps(socialplan.loads(text)))


def test_expectations_round_trip_through_json() -> None:
    plan = socialplan.loads(QUALITATIVE)
    assert plan == socialplan.loads(socialplan.dumps(plan, format="json"), format="json")


def test_the_schema_describes_the_expectations() -> None:
    from socialplan.schema import json_schema

    defs = json_schema()["$defs"]
    shown = defs["Expectation"]["properties"]
    assert ({"positive", "negative", "keywords", "voices"}, 100) == (
        set(shown),
        shown["positive"]["maximum"],
    )
    assert "expects" in defs["Metric"]["properties"]
