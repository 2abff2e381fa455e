"""No value a plan or an observation file can hold makes a command fail with an internal error.

Every numeric, date and duration field of a small plan that uses them all, and the dates and
values of its observations, are drawn from their extremes: 0 and -0, the largest and smallest
numbers a plan holds and the first ones past them (10**15 + 1, 1.7e308, a 400-digit integer,
5e-324, NaN and infinities where the format can write them), 0001-01-01 and 9999-12-31, the
longest duration loading accepts and longer ones. Each plan is run through every command in
every output format (tests/every_command.py): none may exit 3 (an internal error), and what
they print holds no raw control character. Values past the bounds are refused as located load
errors (test_load_errors.py, test_observations.py); values within them must be handled by
every output (test_charts.py and test_steps.py for the dates near the ends of the calendar).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from every_command import commands, raw_controls, run

D = dt.date
BASE: dict[str, Any] = {
    "format": "socialplan/1",
    "plan": {
        "name": "Extremes",
        "start": D(2027, 1, 10),
        "horizons": {"short": D(2027, 4, 30), "medium": D(2027, 9, 30), "long": D(2028, 3, 31)},
        "currency": "EUR",
    },
    "business_goals": {"grow": {"statement": "Grow"}},
    "objectives": {
        "reach": {
            "title": "Reach",
            "kind": "awareness",
            "stage": "awareness",
            "supports": ["grow"],
            "audiences": ["parents"],
            "horizon": "medium",
            "target": {"value": 1000, "unit": "followers", "baseline": 100,
                       "deadline": D(2027, 9, 30)},
        },
        "sales": {
            "title": "Sales",
            "kind": "sales",
            "stage": "action",
            "supports": ["grow"],
            "audiences": ["parents"],
            "target": {"value": 50, "unit": "leads", "baseline": 0, "deadline": D(2028, 3, 31)},
        },
    },
    "stakeholder_input": {"survey": {"method": "survey", "date": D(2027, 1, 5),
                                     "findings": ["They want tips"]}},
    "audiences": {"parents": {"name": "Parents", "channels": ["fb"]}},
    "channels": {"fb": {"platform": "facebook", "owner": "cm", "audiences": ["parents"]}},
    "influencers": {"ana": {"name": "Ana", "influences": ["parents"], "followers": 5000}},
    "roles": {"cm": {"title": "Community manager", "function": "community_manager"}},
    "routing": [{"message": "inquiry", "to": "cm", "channels": ["fb"], "within": "2h"}],
    "content": {"pillars": {"tips": {"theme": "Tips", "objectives": ["reach"], "share": 100}}},
    "calendar": [
        {"date": D(2027, 2, 5), "channel": "fb", "title": "Tip", "pillar": "tips",
         "repeat": "weekly", "until": D(2027, 6, 30)},
        {"date": D(2027, 3, 1), "channel": "fb", "title": "Launch post"},
    ],
    "metrics": {
        "followers": {"name": "Followers", "level": 1, "unit": "followers", "measures": ["reach"],
                      "channels": ["fb"], "baseline": 100, "target": 1000, "cadence": "weekly",
                      "source": "Insights", "unit_value": 2},
        "leads": {"name": "Leads", "level": 3, "unit": "leads", "measures": ["sales"],
                  "channels": ["fb"], "cadence": "monthly", "source": "CRM", "unit_value": 30},
    },
    "engagement": {"fb": {"tone": "warm", "response_time": "2h", "message_length": 280,
                          "posting_frequency": "3 per week"}},
    "resources": {"ads": {"kind": "budget", "name": "Ads", "cost": 500, "channel": "fb"}},
    "launch": {"date": D(2027, 2, 1), "trial_until": D(2027, 1, 25), "review": "monthly"},
    "steps": {"objectives": {"status": "done", "due": D(2027, 1, 20), "duration": "10 days"}},
}  # fmt: skip

NUMBER = "number"
WHOLE = "whole"
DATE = "date"
DURATION = "duration"
FREQUENCY = "frequency"
SHARE = "share"

#: Every field of BASE that holds a number, a date or a duration, by kind.
FIELDS: dict[tuple[str | int, ...], str] = {
    ("plan", "start"): DATE,
    ("plan", "horizons", "short"): DATE,
    ("plan", "horizons", "medium"): DATE,
    ("plan", "horizons", "long"): DATE,
    ("objectives", "reach", "target", "value"): NUMBER,
    ("objectives", "reach", "target", "baseline"): NUMBER,
    ("objectives", "reach", "target", "deadline"): DATE,
    ("objectives", "sales", "target", "value"): NUMBER,
    ("objectives", "sales", "target", "deadline"): DATE,
    ("stakeholder_input", "survey", "date"): DATE,
    ("influencers", "ana", "followers"): WHOLE,
    ("routing", 0, "within"): DURATION,
    ("content", "pillars", "tips", "share"): SHARE,
    ("calendar", 0, "date"): DATE,
    ("calendar", 0, "until"): DATE,
    ("calendar", 0, "repeat"): DURATION,
    ("calendar", 1, "date"): DATE,
    ("metrics", "followers", "baseline"): NUMBER,
    ("metrics", "followers", "target"): NUMBER,
    ("metrics", "followers", "unit_value"): NUMBER,
    ("metrics", "followers", "cadence"): DURATION,
    ("metrics", "leads", "unit_value"): NUMBER,
    ("engagement", "fb", "response_time"): DURATION,
    ("engagement", "fb", "message_length"): WHOLE,
    ("engagement", "fb", "posting_frequency"): FREQUENCY,
    ("resources", "ads", "cost"): NUMBER,
    ("launch", "date"): DATE,
    ("launch", "trial_until"): DATE,
    ("launch", "review"): DURATION,
    ("steps", "objectives", "due"): DATE,
    ("steps", "objectives", "duration"): DURATION,
}

NAN, INF = float("nan"), float("inf")
LARGEST, SMALLEST = 10**15, 1e-15
#: The extremes of each kind of field within the bounds loading accepts: every output must
#: handle them.
WITHIN: dict[str, list[Any]] = {
    NUMBER: [0, -0.0, 1, LARGEST, -LARGEST, float(LARGEST), SMALLEST, -SMALLEST, 0.1],
    WHOLE: [0, 1, LARGEST],
    SHARE: [0, 100, SMALLEST, 100.0],
    DATE: [D.min, D(1, 1, 2), D(9999, 12, 30), D.max],
    DURATION: ["1 s", "100 years", "36500 days", "5214 weeks", "P5214W", "PT1S"],
    FREQUENCY: ["1000000000000000 per second", "1 per 100 years", "3 per week"],
}
#: The first values past the bounds, and the values no bound could hold: refused at load.
BEYOND: dict[str, list[Any]] = {
    NUMBER: [LARGEST + 1, 1.7e308, -1.7e308, 10**400, -(10**400), 5e-324, NAN, INF, -INF],
    WHOLE: [LARGEST + 1, -1, 10**400],
    SHARE: [101, 10**400],
    DATE: [],  # a date before 0001-01-01 or after 9999-12-31 cannot be written
    DURATION: ["101 years", "1000000000 weeks", "99999999999 weeks", "9" * 400 + " weeks"],
    FREQUENCY: ["1000000000000001 per day", "1 per 101 years", "9" * 400 + " per day"],
}
OBSERVED_DATES = [D.min, D(1, 1, 2), D(2027, 3, 1), D(9999, 12, 30), D.max]
OBSERVED_VALUES = [0, -0.0, LARGEST, -LARGEST, SMALLEST, 12.5, LARGEST + 1, 10**400, 1.7e308]


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    place: Any = data
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = value


def _json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _write_plan(data: dict[str, Any], path: Path) -> None:
    if path.suffix == ".json":
        path.write_text(json.dumps(_json_ready(data)), encoding="utf-8")  # NaN and Infinity too
    else:
        path.write_text(tomli_w.dumps(data), encoding="utf-8")  # nan and inf too


def _write_observations(rows: list[tuple[str, dt.date, Any]], path: Path) -> None:
    if path.suffix == ".json":
        records = [{"metric": m, "date": d.isoformat(), "value": v} for m, d, v in rows]
        path.write_text(json.dumps({"observations": records}), encoding="utf-8")
    else:
        lines = ["metric,date,value"] + [f"{m},{d.isoformat()},{v!r}" for m, d, v in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _every_field(at: dict[str, Any]) -> dict[tuple[str | int, ...], Any]:
    """Every field at the value *at* gives for its kind."""
    return {path: at[kind] for path, kind in FIELDS.items()}


@st.composite
def plans_at_extremes(draw: st.DrawFn) -> dict[tuple[str | int, ...], Any]:
    """Changes to BASE: fields at extremes within the bounds, and maybe one beyond them."""
    changes = {
        path: draw(st.none() | st.sampled_from(WITHIN[kind])) for path, kind in FIELDS.items()
    }
    beyond = [(path, value) for path, kind in FIELDS.items() for value in BEYOND[kind]]
    if draw(st.booleans()):
        path, value = draw(st.sampled_from(beyond))
        changes[path] = value
    return changes


observations_at_extremes = st.lists(
    st.tuples(
        st.sampled_from(["followers", "leads"]),
        st.sampled_from(OBSERVED_DATES),
        st.sampled_from(OBSERVED_VALUES),
    ),
    max_size=4,
    unique_by=lambda row: row[:2],
)

HIGHEST = _every_field(
    {NUMBER: LARGEST, WHOLE: LARGEST, SHARE: 100, DATE: D.max, DURATION: "100 years",
     FREQUENCY: "1000000000000000 per second"}
)  # fmt: skip
LOWEST = _every_field(
    {NUMBER: -LARGEST, WHOLE: 0, SHARE: 0, DATE: D.min, DURATION: "1 s",
     FREQUENCY: "1 per 100 years"}
)  # fmt: skip
TINY = _every_field(
    {NUMBER: SMALLEST, WHOLE: 1, SHARE: SMALLEST, DATE: D(1, 1, 2), DURATION: "PT1S",
     FREQUENCY: "3 per week"}
)  # fmt: skip
PAST = {path: (BEYOND[kind] or [None])[-1] for path, kind in FIELDS.items()}
FIRST_DAYS = [("followers", D.min, 0), ("followers", D(1, 1, 2), LARGEST)]
LAST_DAYS = [("followers", D(9999, 12, 30), -LARGEST), ("leads", D.max, LARGEST)]


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    plans_at_extremes(),
    observations_at_extremes,
    st.sampled_from(["toml", "json"]),
    st.sampled_from(["csv", "json"]),
)
@example(LOWEST, FIRST_DAYS, "toml", "csv")
@example(HIGHEST, LAST_DAYS, "toml", "csv")
@example(HIGHEST, FIRST_DAYS + LAST_DAYS, "json", "json")
@example(TINY, FIRST_DAYS, "json", "csv")
@example(PAST, [], "json", "csv")
def test_no_command_fails_on_extreme_values(
    changes: dict[tuple[str | int, ...], Any],
    observed: list[tuple[str, dt.date, Any]],
    plan_format: str,
    observations_format: str,
) -> None:
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        if value is not None:
            _set(data, path, value)
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder, f"plan.{plan_format}")
        found = Path(folder, f"observations.{observations_format}")
        other = Path(folder, "base.toml")
        _write_plan(data, plan)
        _write_plan(BASE, other)
        _write_observations(observed, found)
        failures = []
        for argv in commands(str(plan), str(found), str(other), Path(folder, "charts")):
            code, out, err = run(argv)
            if code not in (0, 1, 2) or raw_controls(out + err):
                failures.append((argv[:4], code, err[-300:]))
    assert [] == failures


def test_the_plan_has_no_error_so_that_every_output_draws_every_part() -> None:
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder, "plan.toml")
        _write_plan(BASE, plan)
        code, out, _ = run(["check", "--format", "json", str(plan)])
    assert (0, []) == (
        code,
        [d for d in json.loads(out)["diagnostics"] if d["severity"] == "error"],
    )
