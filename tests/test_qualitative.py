"""Qualitative KPIs with structure (issue #17): what a qualitative metric expects, the
readings that observations record of it, and the scorecard's verdict on them.

Each part is optional in ``socialplan/1``: loading, the round trip, the observations, the
scorecard, the DSL, the report and the diff, one behaviour per test.
"""

from __future__ import annotations

import datetime as dt

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


# --- Observations: a qualitative reading ----------------------------------------------------

READINGS = (
    "metric,date,value,channel,positive,neutral,negative,keywords,active,influential\n"
    "sentiment,2027-03-01,,x,42,50,8,quality; price,ana; @bob,press\n"
)


def reading_problems(text: str, fmt: str | None = None) -> list[tuple[str, str, int | None]]:
    from socialplan import observations

    with pytest.raises(socialplan.LoadError) as info:
        observations.loads(text, socialplan.loads(QUALITATIVE), fmt, file="seen.csv")  # type: ignore[arg-type]
    return [(d.code, d.path, d.line) for d in info.value.diagnostics]


def test_a_reading_has_its_sentiment_keywords_and_users() -> None:
    from socialplan import observations

    (seen,) = observations.loads(READINGS, socialplan.loads(QUALITATIVE))
    assert ((42, 50, 8), ("quality", "price"), ("ana", "@bob"), ("press",)) == (
        (seen.positive, seen.neutral, seen.negative),
        seen.keywords,
        seen.active,
        seen.influential,
    )


def test_a_reading_without_a_value_counts_its_mentions() -> None:
    from socialplan import observations

    (seen,) = observations.loads(READINGS, socialplan.loads(QUALITATIVE))
    assert 100 == seen.value


def test_a_file_without_readings_loads_as_before() -> None:
    from socialplan import observations

    text = "metric,date,value\nsentiment,2027-03-01,7\n"
    (seen,) = observations.loads(text, socialplan.loads(QUALITATIVE))
    assert (7, None, ()) == (seen.value, seen.positive, seen.keywords)


def test_a_count_that_is_not_a_whole_number_is_refused_at_its_cell() -> None:
    text = READINGS.replace(",42,", ",4.5,").replace(",8,", ",many,")
    assert [
        ("SP006", "observations[0].positive", 2),
        ("SP005", "observations[0].negative", 2),
    ] == reading_problems(text)


def test_a_negative_count_is_refused() -> None:
    assert [("SP006", "observations[0].neutral", 2)] == reading_problems(
        READINGS.replace(",50,", ",-5,")
    )


def test_a_reading_of_a_quantitative_metric_is_refused() -> None:
    from socialplan import observations

    plan = socialplan.loads(QUALITATIVE)
    plan = plan.with_part("metrics", "reach", socialplan.Metric(name="Reach"))
    text = "metric,date,value,positive\nreach,2027-03-01,5,3\n"
    with pytest.raises(socialplan.LoadError) as info:
        observations.loads(text, plan)
    assert [("SP006", "observations[0].positive")] == [
        (d.code, d.path) for d in info.value.diagnostics
    ]


def test_a_json_reading_holds_lists_of_text() -> None:
    text = (
        '{"observations": [{"metric": "sentiment", "date": "2027-03-01", "value": 3,'
        ' "keywords": "quality", "active": ["ana", 7]}]}'
    )
    assert [
        ("SP005", "observations[0].keywords", 1),
        ("SP005", "observations[0].active[1]", 1),
    ] == reading_problems(text, "json")


def test_a_json_reading_gives_the_column_of_a_bad_count() -> None:
    from socialplan import observations

    text = '{"observations": [{"metric": "sentiment", "date": "2027-03-01", "positive": -1}]}'
    with pytest.raises(socialplan.LoadError) as info:
        observations.loads(text, socialplan.loads(QUALITATIVE), "json", file="seen.json")
    assert [("seen.json", 1, text.index("-1") + 1)] == [
        (d.file, d.line, d.column) for d in info.value.diagnostics
    ]


def test_a_keyword_holding_the_list_separator_is_refused_in_json() -> None:
    text = (
        '{"observations": [{"metric": "sentiment", "date": "2027-03-01", "value": 3,'
        ' "keywords": ["a; b"]}]}'
    )
    assert [("SP006", "observations[0].keywords[0]", 1)] == reading_problems(text, "json")


@pytest.mark.parametrize("fmt", ["csv", "json", "toml"])
def test_readings_are_written_and_read_back(fmt: str) -> None:
    from socialplan import observations

    plan = socialplan.loads(QUALITATIVE)
    seen = observations.loads(READINGS, plan)
    text = observations.dumps(seen, fmt)  # type: ignore[arg-type]
    assert seen == observations.loads(text, plan, fmt)  # type: ignore[arg-type]


def test_users_a_spreadsheet_would_run_are_quoted_and_read_back() -> None:
    from socialplan import observations

    plan = socialplan.loads(QUALITATIVE)
    (seen,) = observations.loads(READINGS.replace("ana; @bob", "@bob; ana"), plan)
    text = observations.dumps([seen])
    assert ("'@bob; ana" in text, (seen,)) == (True, observations.loads(text, plan))


def test_observations_without_readings_are_written_as_before() -> None:
    from socialplan import observations
    from socialplan.observations import Observation

    seen = Observation(metric="sentiment", date=dt.date(2027, 3, 1), value=7)
    assert "metric,date,value\nsentiment,2027-03-01,7\n" == observations.dumps([seen])


# --- The scorecard: a qualitative objective scored from its readings ------------------------


def card_of(csv_rows: str, as_of: dt.date | None = None) -> socialplan.Scorecard:
    from socialplan import observations

    plan = socialplan.loads(QUALITATIVE)
    header = "metric,date,value,channel,positive,neutral,negative,keywords,active,influential\n"
    return socialplan.score(plan, observations.loads(header + csv_rows, plan), as_of=as_of)


MET = "sentiment,2027-03-01,,x,70,25,5,quality; local; price,ana,press\n"
SHORT = "sentiment,2027-03-01,,x,42,50,8,quality; price,ana; @bob,\n"


def test_a_reading_that_meets_every_expectation_is_achieved() -> None:
    card = card_of(MET)
    assert ("achieved", "achieved", "every expectation met") == (
        card.metrics[0].verdict,
        card.objectives[0].verdict,
        card.metrics[0].reason,
    )


def test_a_reading_short_of_its_expectations_early_on_is_on_track() -> None:
    metric = card_of(SHORT).metrics[0]
    assert ("on track", "1 of 4 expectations met with 16% of the time gone") == (
        metric.verdict,
        metric.reason,
    )


def test_a_reading_short_of_its_expectations_late_is_behind() -> None:
    card = card_of(SHORT.replace("2027-03-01", "2027-10-01"))
    assert ("off track", "off track", "1 of 4 expectations met with 75% of the time gone") == (
        card.metrics[0].verdict,
        card.objectives[0].verdict,
        card.metrics[0].reason,
    )


def test_the_quality_says_what_is_missing() -> None:
    quality = card_of(SHORT).metrics[0].quality
    assert quality is not None
    assert (0.42, 0.08, ("local",), ("press",)) == (
        quality.positive,
        quality.negative,
        quality.keywords_missing,
        quality.voices_missing,
    )


def test_keywords_and_voices_match_whatever_their_case() -> None:
    quality = card_of(MET.replace("local", "LOCAL").replace(",press", ",Press")).metrics[0].quality
    assert quality is not None
    assert ((), ()) == (quality.keywords_missing, quality.voices_missing)


def test_a_qualitative_metric_without_readings_has_no_data() -> None:
    from socialplan import observations

    plan = socialplan.loads(QUALITATIVE)
    seen = observations.loads("metric,date,value\nsentiment,2027-03-01,12\n", plan)
    card = socialplan.score(plan, seen)
    assert ("no data", "no observation yet", None) == (
        card.metrics[0].verdict,
        card.metrics[0].reason,
        card.metrics[0].quality,
    )


def test_the_latest_reading_is_the_one_judged() -> None:
    card = card_of(SHORT + MET.replace("2027-03-01", "2027-04-01"))
    assert "achieved" == card.metrics[0].verdict


def test_a_reading_after_the_deadline_is_off_track_for_the_deadline() -> None:
    card = card_of(SHORT.replace("2027-03-01", "2028-02-01"))
    assert "deadline 2027-12-31 passed before the target was reached" == card.metrics[0].reason


def test_the_json_scorecard_holds_the_quality() -> None:
    shown = card_of(SHORT).to_dict()["metrics"][0]["quality"]
    assert {"positive": 0.42, "keywords_missing": ["local"], "voices_missing": ["press"]} == {
        key: shown[key] for key in ("positive", "keywords_missing", "voices_missing")
    }


def test_a_scorecard_without_qualitative_readings_has_no_quality_key() -> None:
    plan = socialplan.Plan(name="Demo", metrics={"m": socialplan.Metric(name="M", target=3)})
    assert "quality" not in socialplan.score(plan, []).to_dict()["metrics"][0]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_scorecard_shows_the_qualitative_reading(fmt: str) -> None:
    from socialplan.render import scorecard

    shown = scorecard(card_of(SHORT), format=fmt)  # type: ignore[arg-type]
    assert ["42% (at least 60%)", "8% (at most 10%)", "local", "press"] == [
        part
        for part in ["42% (at least 60%)", "8% (at most 10%)", "local", "press"]
        if part in shown
    ]
    assert "Qualitative readings" in shown


def test_the_spanish_scorecard_says_it_in_spanish() -> None:
    from socialplan.render import scorecard

    shown = scorecard(card_of(SHORT), lang="es")
    assert ["Lecturas cualitativas", "42% (al menos 60%)", "1 de 4 expectativas cumplidas"] == [
        part
        for part in ["Lecturas cualitativas", "42% (al menos 60%)", "1 de 4 expectativas cumplidas"]
        if part in shown
    ]


# --- The DSL, the diff and the report -------------------------------------------------------


def test_the_dsl_writes_what_a_qualitative_metric_expects() -> None:
    from socialplan.dsl import PlanBuilder

    p = PlanBuilder("Demo")
    ana = p.influencer("ana", "Ana's food blog")
    p.metric(
        "sentiment",
        "Sentiment",
        kind="qualitative",
        expects={"positive": 60, "keywords": ["quality"], "voices": [ana]},
    )
    expects = p.build().metrics["sentiment"].expects
    assert socialplan.Expectation(positive=60, keywords=("quality",), voices=("ana",)) == expects


def test_the_diff_says_the_share_wanted_rose() -> None:
    old = socialplan.loads(QUALITATIVE)
    new = socialplan.loads(QUALITATIVE.replace("positive = 60", "positive = 70"))
    assert ['metric "sentiment": expects positive raised from 60 to 70'] == [
        str(change) for change in socialplan.diff(old, new)
    ]


def test_the_report_says_what_a_qualitative_metric_expects() -> None:
    from socialplan.render import report

    row = ["sentiment", "Sentiment of mentions", "60 %", "10 %", "quality, local"]
    row.append("Ana's food blog, Local press")
    assert "| " + " | ".join(row) + " |" in report(socialplan.loads(QUALITATIVE))


def test_the_spanish_report_names_the_expectations_in_spanish() -> None:
    from socialplan.render import report

    shown = report(socialplan.loads(QUALITATIVE), lang="es")
    assert ["Qué esperan las métricas cualitativas", "positivo al menos"] == [
        part
        for part in ["Qué esperan las métricas cualitativas", "positivo al menos"]
        if part in shown
    ]


def test_an_unknown_voice_is_an_unknown_reference_with_a_did_you_mean() -> None:
    plan = socialplan.loads(
        'format = "socialplan/1"\n[plan]\nname = "D"\n'
        '[influencers.ana]\nname = "Ana"\n'
        '[metrics.sentiment]\nname = "Sentiment"\nkind = "qualitative"\n'
        '[metrics.sentiment.expects]\nvoices = ["anna"]\n'
    )
    found = [(d.path, d.hint) for d in socialplan.validate(plan, select=["SP101"]).diagnostics]
    assert [("metrics.sentiment.expects.voices[0]", 'did you mean "ana"?')] == found
