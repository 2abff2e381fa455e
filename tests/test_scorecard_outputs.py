"""The scorecard written out: every objective with its verdict, escaped, in four formats."""

from __future__ import annotations

import datetime as dt
import json
import re
import runpy
from pathlib import Path
from typing import Literal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from html_page import page
from shown import in_document
from socialplan import Channel, Duration, KpiLevel, Metric, Objective, Resource, Target
from socialplan import observations as obs
from socialplan.render import scorecard
from socialplan.testing import observations, plans

CARTOON = socialplan.load("examples/cartoon/plan.toml")
SEASON = obs.load("examples/cartoon/observations.csv", CARTOON)
SAMPLE = Path("docs/samples/cartoon-scorecard.md")
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</td></table><iframe src=https://evil.example>",
    "[click](https://evil.example) ![x](https://evil.example/x.png)",
    "| a | b |\n# heading",
]

# A café's plan, small enough to work out its scorecard by hand.
CAFE = socialplan.Plan(
    name="Corner café",
    start=dt.date(2027, 1, 4),
    currency="EUR",
    channels={"insta": Channel(platform="instagram")},
    objectives={
        "grow": Objective(
            title="Grow the community",
            target=Target(value=200, unit="followers", baseline=100, deadline=dt.date(2027, 3, 29)),
        )
    },
    metrics={
        "followers": Metric(
            name="Followers",
            unit="followers",
            level=KpiLevel.EXPOSURE,
            measures=("grow",),
            channels=("insta",),
            cadence=Duration.parse("weekly"),
            unit_value=2,
        ),
        "reviews": Metric(
            name="Reviews",
            unit="reviews",
            level=KpiLevel.INTERACTION,
            baseline=10,
            target=40,
            cadence=Duration.parse("monthly"),
        ),
    },
    resources={
        "ads": Resource(kind=socialplan.ResourceKind.BUDGET, name="Ads", cost=300, channel="insta")
    },
)
CAFE_SEASON = obs.from_records(
    [
        {"metric": "followers", "date": "2027-01-04", "value": 100, "channel": "insta"},
        {"metric": "followers", "date": "2027-02-01", "value": 150, "channel": "insta"},
    ],
    CAFE,
)


def hostile(payload: str) -> socialplan.Scorecard:
    """The cartoon studio's scorecard with *payload* as the plan's name and some of its text."""
    objective = CARTOON.objectives["awareness_reach"]
    metric = CARTOON.metrics["community_size"]
    plan = (
        CARTOON.with_objective("awareness_reach", attrs.evolve(objective, title=payload))
        .with_part("metrics", "community_size", attrs.evolve(metric, name=payload))
        .evolve(name=payload)
    )
    return socialplan.score(plan, SEASON)


def markdown_cells(line: str) -> list[str]:
    """A Markdown table row's cells as the reader sees them (escapes undone)."""
    return [re.sub(r"\\(.)", r"\1", cell) for cell in line[2:-2].split(" | ")]


def section(markdown: str, heading: str) -> str:
    return markdown.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


# ---------------------------------------------------------------------------
# Text, worked out by hand.
# ---------------------------------------------------------------------------


def test_text_scorecard_of_a_small_plan() -> None:
    card = socialplan.score(CAFE, CAFE_SEASON)
    # The reason's words are the scoring's (tested with it); its place is the scorecard's.
    why = card.objectives[0].metrics[0].reason
    expected = "\n".join(
        [
            "Corner café",
            "===========",
            "",
            "Scorecard as of 2027-02-01.",
            "",
            "Objectives: 1 on track.",
            "",
            "Objectives",
            "----------",
            "",
            "objective           verdict   target                                  latest"
            "         progress  why",
            "------------------  --------  --------------------------------------  -------------"
            "  --------  " + "-" * len(why),
            "Grow the community  on track  200 followers by 2027-03-29 (from 100)  150 followers"
            "       50%  " + why,
            "",
            "Metrics by KPI level",
            "--------------------",
            "",
            "Level 1: exposure",
            "",
            "metric     unit       latest  date        baseline  target  deadline    progress"
            "  needed per week  so far per week  projected  verdict",
            "---------  ---------  ------  ----------  --------  ------  ----------  --------"
            "  ---------------  ---------------  ---------  --------",
            "Followers  followers     150  2027-02-01       100     200  2027-03-29       50%"
            "            +6.25            +12.5        250  on track",
            "",
            "Level 2: interaction",
            "",
            "metric   unit     latest  date  baseline  target  deadline  progress"
            "  needed per week  so far per week  projected  verdict",
            "-------  -------  ------  ----  --------  ------  --------  --------"
            "  ---------------  ---------------  ---------  -------",
            "Reviews  reviews" + " " * 22 + "10" + " " * 6 + "40" + " " * 67 + "no data",
            "",
            "By channel",
            "----------",
            "",
            "channel  metric     latest on the channel  unit",
            "-------  ---------  ---------------------  ---------",
            "insta    Followers                    150  followers",
            "",
            "Stale metrics",
            "-------------",
            "",
            "- Reviews: never observed",
            "",
            "Return on investment",
            "--------------------",
            "",
            "channel  cost     results  value    cost per result   ROI",
            "-------  -------  -------  -------  ---------------  ----",
            "insta    300 EUR       50  100 EUR  6 EUR            -67%",
            "Total    300 EUR       50  100 EUR  6 EUR            -67%",
            "",
        ]
    )
    assert expected == scorecard(card, format="text")


def test_text_writes_control_characters_as_escapes() -> None:
    text = scorecard(hostile("Grow\x1b[2J\u202efast\nnow"), format="text")
    assert (True, False, False) == (
        "Grow\\u001b[2J\\u202efast now" in text,
        "\x1b" in text,
        "\u202e" in text,
    )


def test_text_columns_line_up_with_wide_characters() -> None:
    text = scorecard(hostile("成長 🎉"), format="text")
    _, rule, *rows = section_lines(text, "Objectives")
    verdict_column = len(rule.split("  ")[0]) + 2
    first = next(row for row in rows if row.startswith("成長"))
    # Each of 成, 長 and 🎉 takes two columns, so the row has 3 characters fewer.
    assert "on track" == first[verdict_column - 3 : verdict_column - 3 + 8]


def section_lines(text: str, heading: str) -> list[str]:
    after = text.split(f"\n{heading}\n{'-' * len(heading)}\n\n", 1)[1]
    return after.split("\n\n", 1)[0].splitlines()


def test_spanish_scorecard_uses_spanish_words() -> None:
    markdown = scorecard(socialplan.score(CAFE, CAFE_SEASON), format="markdown", lang="es")
    assert ["Índice", "Objetivos", "Métricas por nivel de KPI", "Por canal"] == re.findall(
        r"^## (.+)$", markdown, flags=re.MULTILINE
    )[:4]
    assert "| Grow the community | en camino |" in markdown


# ---------------------------------------------------------------------------
# Every format shows every objective with its verdict.
# ---------------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_html_shows_every_objective_with_its_verdict(data: st.DataObject) -> None:
    plan = data.draw(plans(max_items=3))
    card = socialplan.score(plan, data.draw(observations(plan)))
    tables = page(scorecard(card, format="html")).tables
    rows = [row[:2] for row in tables[0][1:]] if card.objectives else []
    assert [[in_document(o.title), str(o.verdict)] for o in card.objectives] == rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_markdown_shows_every_objective_with_its_verdict(data: st.DataObject) -> None:
    plan = data.draw(plans(max_items=3))
    card = socialplan.score(plan, data.draw(observations(plan)))
    table = section(scorecard(card, format="markdown"), "Objectives").strip().splitlines()
    rows = [markdown_cells(line)[:2] for line in table[2:]] if card.objectives else []
    titles = [in_document(" ".join(o.title.split())) for o in card.objectives]
    assert [[t, str(o.verdict)] for t, o in zip(titles, card.objectives, strict=True)] == rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_text_shows_every_objective_with_its_verdict(data: st.DataObject) -> None:
    plan = data.draw(plans(max_items=3))
    # Titles the reader can find at the start of a line: the escaping has its own tests.
    plan = plan.evolve(
        objectives={
            key: attrs.evolve(objective, title=f"Objective {key}")
            for key, objective in plan.objectives.items()
        }
    )
    card = socialplan.score(plan, data.draw(observations(plan)))
    lines = section_lines(scorecard(card, format="text"), "Objectives") if plan.objectives else []
    rows = [re.split(r"  +", line)[:2] for line in lines[2:]]
    assert [[o.title, str(o.verdict)] for o in card.objectives] == rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_json_is_the_scorecard_as_data(data: st.DataObject) -> None:
    plan = data.draw(plans(max_items=3))
    card = socialplan.score(plan, data.draw(observations(plan)))
    assert card.to_dict() == json.loads(scorecard(card, format="json"))


def test_json_lists_every_objective_with_its_verdict() -> None:
    data = json.loads(scorecard(socialplan.score(CAFE, CAFE_SEASON), format="json"))
    assert [("grow", "on track")] == [(o["objective"], o["verdict"]) for o in data["objectives"]]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(["text", "markdown", "html", "json"]))
def test_output_is_deterministic(
    data: st.DataObject, fmt: Literal["text", "markdown", "html", "json"]
) -> None:
    plan = data.draw(plans(max_items=3))
    season = data.draw(observations(plan))
    first = scorecard(socialplan.score(plan, season), format=fmt)
    again = scorecard(socialplan.score(plan, season[::-1]), format=fmt)
    assert first == again


# ---------------------------------------------------------------------------
# Escaping and a self-contained page.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_shows_plan_text_as_text(payload: str) -> None:
    parsed = page(scorecard(hostile(payload), format="html"))
    assert (True, set()) == (
        [payload, "on track"] in [row[:2] for row in parsed.tables[0]],
        {tag for tag, _ in parsed.tags} & {"script", "img", "iframe", "svg"},
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_links_only_to_itself(payload: str) -> None:
    parsed = page(scorecard(hostile(payload), format="html"))
    targets = [
        value or ""
        for _, attributes in parsed.tags
        for name, value in attributes.items()
        if name in ("href", "src", "action", "formaction", "srcset", "background")
    ]
    assert [] == [t for t in targets if not t.startswith("#")]


def test_html_forbids_every_source_but_its_own_style() -> None:
    parsed = page(scorecard(socialplan.score(CAFE, CAFE_SEASON), format="html"))
    policies = [
        a.get("content")
        for tag, a in parsed.tags
        if a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"] == policies


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_keeps_plan_text_inert(payload: str) -> None:
    markdown = scorecard(hostile(payload), format="markdown")
    table = section(markdown, "Objectives").strip().splitlines()
    assert (
        [" ".join(payload.split()), "on track"],
        False,
        False,
    ) == (
        markdown_cells(table[2])[:2],
        # Markup and links only where escaped; the contents' own links go to its headings.
        re.search(r"(?<!\\)<(script|img|iframe)", markdown) is not None,
        re.search(r"(?<!\\)\]\((?!#)", markdown) is not None,
    )


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="'pdf'"):
        scorecard(socialplan.score(CAFE, CAFE_SEASON), format="pdf")  # type: ignore[arg-type]  # no such format, on purpose


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'fr'"):
        scorecard(socialplan.score(CAFE, CAFE_SEASON), lang="fr")  # type: ignore[arg-type]  # no such language, on purpose


# ---------------------------------------------------------------------------
# The example: a season of the cartoon studio, and its scorecard in the docs.
# ---------------------------------------------------------------------------


def test_example_season_shows_a_mix_of_verdicts() -> None:
    card = socialplan.score(CARTOON, SEASON)
    assert {
        "awareness_reach": "on track",
        "awareness_mentions": "achieved",
        "interest_interactions": "achieved",
        "desire_ugc": "at risk",
        "brand_management": "on track",
        "traffic": "off track",
        "loyalty": "on track",
        "brand_image": "no data",
        "advocates": "no data",
    } == {o.objective: str(o.verdict) for o in card.objectives}


def test_example_season_leaves_one_metric_stale() -> None:
    card = socialplan.score(CARTOON, SEASON)
    assert (dt.date(2027, 6, 27), ["requests"]) == (card.as_of, [m.metric for m in card.stale])


def test_example_observations_are_what_the_script_writes() -> None:
    script = runpy.run_path("examples/cartoon/make_observations.py")
    committed = Path("examples/cartoon/observations.csv").read_text(encoding="utf-8")
    assert committed == script["render"]()


def test_sample_scorecard_in_the_docs_is_up_to_date() -> None:
    assert sample() == SAMPLE.read_text(encoding="utf-8"), (
        f"{SAMPLE} is out of date: regenerate it with `python tests/test_scorecard_outputs.py`"
    )


def sample() -> str:
    """The cartoon studio's scorecard in Markdown, as of its last observation."""
    return scorecard(socialplan.score(CARTOON, SEASON), format="markdown")


if __name__ == "__main__":
    SAMPLE.write_text(sample(), encoding="utf-8", newline="\n")
