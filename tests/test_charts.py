"""Charts of results against targets: SVG and PNG, stable bytes, one file per objective."""

from __future__ import annotations

import datetime as dt
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Literal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from socialplan import charts
from socialplan import observations as obs
from socialplan.export import MissingExtra
from socialplan.testing import observations, plans

PLAN = socialplan.load("examples/cartoon/plan.toml")
SEASON = obs.load("examples/cartoon/observations.csv", PLAN)
CARD = socialplan.score(PLAN, SEASON)
# Only the shares and the advocates observed: two objectives with data.
SHARES = socialplan.score(PLAN, [o for o in SEASON if o.metric in ("shares", "top_users")])
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG = "{http://www.w3.org/2000/svg}svg"


def hostile_card(title: str) -> socialplan.Scorecard:
    objective = PLAN.objectives["awareness_reach"]
    plan = PLAN.with_objective("awareness_reach", attrs.evolve(objective, title=title))
    metric = attrs.evolve(plan.metrics["community_size"], name=title)
    return socialplan.score(plan.with_part("metrics", "community_size", metric), SEASON)


def test_svg_chart_is_an_svg_document() -> None:
    root = ET.fromstring(charts.objective_chart(CARD, "awareness_reach", format="svg"))
    assert SVG == root.tag


def test_svg_chart_is_byte_identical_across_calls() -> None:
    first = charts.objective_chart(CARD, "traffic", format="svg")
    assert first == charts.objective_chart(CARD, "traffic", format="svg")


def test_png_chart_starts_with_the_png_signature() -> None:
    assert PNG_SIGNATURE == charts.objective_chart(CARD, "loyalty", format="png")[:8]


def test_png_chart_is_byte_identical_across_calls() -> None:
    first = charts.objective_chart(CARD, "desire_ugc", format="png")
    assert first == charts.objective_chart(CARD, "desire_ugc", format="png")


def test_svg_chart_has_no_date_and_no_external_reference() -> None:
    svg = charts.objective_chart(CARD, "awareness_reach").decode()
    hrefs = [
        value
        for element in ET.fromstring(svg).iter()
        for key, value in element.attrib.items()
        if key.endswith("href")
    ]
    assert ([], False) == ([h for h in hrefs if not h.startswith("#")], "<dc:date>" in svg)


@pytest.mark.parametrize(
    "title",
    [
        "<script>alert(1)</script>",
        "--><script>alert(1)</script><!--",
        "]]><x/>",
        "Costs $5 and $10 per ^{post}_",
        "_hidden from legends",
        "Ω 字 🎉 \x00\x1b[31m\u2028",
        "",
    ],
)
def test_any_title_gives_a_well_formed_svg_without_script(title: str) -> None:
    root = ET.fromstring(charts.objective_chart(hostile_card(title), "awareness_reach"))
    assert [] == [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "script"]


def test_unknown_objective_is_a_key_error_naming_it() -> None:
    with pytest.raises(KeyError, match="no_such_objective"):
        charts.objective_chart(CARD, "no_such_objective")


def test_objective_without_observations_cannot_be_charted() -> None:
    with pytest.raises(ValueError, match="traffic"):
        charts.objective_chart(SHARES, "traffic")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="'pdf'"):
        charts.objective_chart(CARD, "traffic", format="pdf")  # type: ignore[arg-type]  # no such format, on purpose


def test_write_charts_writes_one_file_per_objective_with_data(tmp_path: Path) -> None:
    written = charts.write_charts(CARD, tmp_path / "charts", format="svg")
    assert [
        tmp_path / "charts" / f"{key}.svg"
        for key in [
            "awareness_reach",
            "awareness_mentions",
            "interest_interactions",
            "desire_ugc",
            "brand_management",
            "traffic",
            "loyalty",
            "brand_image",
            "advocates",
        ]
    ] == written


def test_write_charts_skips_objectives_without_observations(tmp_path: Path) -> None:
    assert [tmp_path / "loyalty.png", tmp_path / "advocates.png"] == charts.write_charts(
        SHARES, tmp_path, format="png"
    )


def test_write_charts_files_hold_the_charts(tmp_path: Path) -> None:
    (path, _) = charts.write_charts(SHARES, tmp_path, format="png")
    assert charts.objective_chart(SHARES, "loyalty", format="png") == path.read_bytes()


def test_write_charts_replaces_files_and_leaves_no_temporary_ones(tmp_path: Path) -> None:
    (tmp_path / "loyalty.svg").write_text("old", encoding="utf-8")
    charts.write_charts(SHARES, tmp_path, format="svg")
    assert (["advocates.svg", "loyalty.svg"], True) == (
        sorted(p.name for p in tmp_path.iterdir()),
        (tmp_path / "loyalty.svg").read_bytes().startswith(b"<?xml"),
    )


def test_write_charts_of_a_scorecard_without_observations_writes_nothing(tmp_path: Path) -> None:
    assert [] == charts.write_charts(socialplan.score(PLAN, []), tmp_path)


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_without_matplotlib_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, fmt: Literal["svg", "png"]
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtra, match=r"pip install 'socialplan\[charts\]'") as info:
        charts.objective_chart(CARD, "traffic", format=fmt)
    assert ("charts", True) == (info.value.extra, isinstance(info.value, ImportError))


def test_write_charts_without_matplotlib_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtra, match=r"pip install 'socialplan\[charts\]'"):
        charts.write_charts(CARD, tmp_path)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_objective_with_data_gets_a_well_formed_chart(data: st.DataObject) -> None:
    plan = data.draw(plans(max_items=2))
    card = socialplan.score(plan, data.draw(observations(plan)))
    with_data = [o.objective for o in card.objectives if any(m.series for m in o.metrics)]
    svgs = [ET.fromstring(charts.objective_chart(card, key)).tag for key in with_data]
    assert [SVG] * len(with_data) == svgs


def _at_the_ends(start: dt.date, deadline: dt.date, days: list[dt.date], value: float) -> bytes:
    """The chart of the cartoon's first objective with its dates and values moved to extremes."""
    objective = PLAN.objectives["awareness_reach"]
    assert objective.target is not None
    target = attrs.evolve(objective.target, deadline=deadline, value=value, baseline=-value)
    plan = PLAN.with_objective("awareness_reach", attrs.evolve(objective, target=target))
    plan = plan.evolve(start=start, horizons=None)
    seen = [
        obs.Observation(metric="community_size", date=day, value=value * (i % 2), channel=None)
        for i, day in enumerate(days)
    ]
    card = socialplan.score(plan, seen, as_of=max(days))
    return charts.objective_chart(card, "awareness_reach", format="svg")


FIRST, LAST = dt.date.min, dt.date.max


@pytest.mark.parametrize(
    ("start", "deadline", "days"),
    [
        (FIRST, FIRST, [FIRST]),
        (FIRST, dt.date(1, 1, 2), [FIRST, dt.date(2027, 3, 1)]),
        (LAST, LAST, [LAST]),
        (dt.date(2027, 1, 1), LAST, [dt.date(2027, 3, 1), LAST]),
        (FIRST, LAST, [FIRST, LAST]),
        (FIRST, LAST, [dt.date(5000, 1, 1)]),
    ],
)
@pytest.mark.parametrize("value", [1e15, 1e-15, 0.0])
def test_dates_at_the_ends_of_the_calendar_and_numbers_at_their_bounds_chart(
    start: dt.date, deadline: dt.date, days: list[dt.date], value: float
) -> None:
    assert SVG == ET.fromstring(_at_the_ends(start, deadline, days, value)).tag
