"""The fast pass of loading (msgspec, the ``fast`` extra) agrees with the detailed pass.

Over valid plans and over documents mutated in every way a person or a program gets a plan
wrong, loading with the fast pass on gives the same plan, or the same problems (codes,
paths, messages, lines), as loading with it off: the fast pass only ever answers "right"
for a document the detailed pass takes, and leaves every other to it.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from socialplan._core.duration import Duration, Frequency
from socialplan._io import convert, fast
from socialplan.testing import loadable_plans

EXAMPLE = Path(__file__).parent.parent / "examples" / "bakery" / "plan.toml"


def _outcome(text: str, fmt: str, on: bool) -> tuple[str, Any]:
    before = fast.ENABLED
    fast.ENABLED = on
    try:
        plan = socialplan.loads(text, fmt)  # type: ignore[arg-type]
    except socialplan.LoadError as exc:
        return "error", [
            (d.code, d.path, d.message, d.hint, d.line, d.column, d.about) for d in exc
        ]
    finally:
        fast.ENABLED = before
    return "plan", socialplan.dumps(plan, "json")


def _same(text: str, fmt: str = "json") -> None:
    assert _outcome(text, fmt, on=False) == _outcome(text, fmt, on=True)


def test_the_fast_pass_takes_a_right_document_whole() -> None:
    text = socialplan.dumps(socialplan.load(EXAMPLE), "json")
    plan = fast.loads_json(text, socialplan.Limits())
    assert plan is not None
    assert socialplan.dumps(socialplan.load(EXAMPLE), "json") == socialplan.dumps(plan, "json")


def test_the_id_pattern_is_the_detailed_pass_one() -> None:
    assert convert.ID_PATTERN.pattern.removesuffix("$") == fast.ID_REGEX.removesuffix(r"\Z")


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(loadable_plans())
def test_both_passes_load_a_valid_plan_alike(plan: socialplan.Plan) -> None:
    _same(socialplan.dumps(plan, "json"))


_WRONG: list[Any] = [
    "1",
    True,
    False,
    1,
    1.5,
    -3,
    0,
    10**16,
    1e-20,
    None,
    [],
    ["x"],
    {},
    {"a": 1},
    "",
    "weekly",
    "2027-06-30",
    "2027-6-30",
    "20270630",
    "2027-02-30",
    "x" * 70,
    "Bad Id",
    "a\n",
    "short",
    "60%",
]


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    found = [(path, data)]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _nodes(value, (*path, index))
    return found


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


#: Values only TOML writes: dates and times of every kind, and numbers JSON has not.
_WRONG_IN_TOML: list[Any] = [
    dt.date(2027, 6, 30),
    dt.datetime(2027, 6, 30, 9, 30),
    dt.datetime(2027, 6, 30, 0, 0, tzinfo=dt.UTC),
    dt.time(9, 30),
    float("inf"),
    float("nan"),
    10**40,
]


def _mutate(draw: st.DrawFn, data: Any, wrong: list[Any]) -> tuple[str, str] | None:
    """Make one to three things of *data* wrong, in place; a key to write twice, if drawn."""
    duplicate: tuple[str, str] | None = None
    for _ in range(draw(st.integers(1, 3))):
        nodes = _nodes(data)
        path, node = draw(st.sampled_from(nodes))
        kind = draw(st.sampled_from(["value", "rename", "extra", "drop", "key", "twice"]))
        if not isinstance(node, dict) or not node:
            kind = "value"
        if kind == "value":
            if not path:
                continue
            _at(data, path[:-1])[path[-1]] = draw(st.sampled_from(wrong))
            continue
        key = draw(st.sampled_from(sorted(node)))
        if kind == "rename":
            node[key + draw(st.sampled_from(["x", "s", "_"]))] = node.pop(key)
        elif kind == "extra":
            node[draw(st.sampled_from(["extra", "nme", "name", "id", "plan"]))] = draw(
                st.sampled_from(wrong)
            )
        elif kind == "drop":
            del node[key]
        elif kind == "key":
            node[draw(st.sampled_from(["Bad Id", "a\n", "x" * 70, "", "é", "ok-id"]))] = node.pop(
                key
            )
        else:
            duplicate = (key, json.dumps(node[key], default=str))
    return duplicate


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """The JSON of a valid plan with one to three things made wrong."""
    plan = draw(loadable_plans(max_items=3))
    data = json.loads(socialplan.dumps(plan, "json"))
    duplicate = _mutate(draw, data, _WRONG)
    text = json.dumps(data, indent=draw(st.sampled_from([None, 2])), ensure_ascii=False)
    if duplicate is not None:  # a key written twice: the first of its object, written again
        key, value = duplicate
        written = f"{json.dumps(key)}: {value}"
        if written in text:
            text = text.replace(written, f"{written}, {written}", 1)
    return text


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=120)
@given(mutated())
def test_both_passes_report_a_mutated_document_alike(text: str) -> None:
    _same(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "socialplan/1", "plan": {"name": "A", "name": "B"}}',
        '{"format": "socialplan/1", "plan": {"name" : "A"}}',
        '{"format": "socialplan/1", "plan": {"name": "\\u0041"}}',
        '{"format": "socialplan/1", "plan": {"name": "A\tB"}}',
        '{"format": "socialplan/1", "plan": {"name": "A"}, "objectives": {"o": {"statement": '
        '"S"}, "o": {"statement": "T"}}}',
        '{"format": "socialplan/1", "plan": {"name": "A"}, "check": {"select": []}}',
        '{"format": "socialplan/1", "plan": {"name": "A", "start": "2027-06-30T00:00:00"}}',
        '{"format": "socialplan/1", "plan": {"name": "A"}, "metrics": {"m": {"name": "M", '
        '"unit_value": NaN}}}',
        '{"format": "socialplan/2", "plan": {"name": "A"}}',
        '{"plan": {"name": "A"}}',
        '[{"format": "socialplan/1"}]',
        '{"format": "socialplan/1", "plan": {"name": "A"},}',
    ],
)
def test_both_passes_report_an_odd_document_alike(text: str) -> None:
    _same(text)


def test_the_fast_pass_takes_a_right_toml_document_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    text = socialplan.dumps(socialplan.load(EXAMPLE))

    def detailed(*args: object, **kwargs: object) -> None:
        raise AssertionError("the detailed pass ran")

    with monkeypatch.context() as patched:
        patched.setattr(convert, "converter_for", detailed)
        plan = socialplan.loads(text, "toml")
    assert text == socialplan.dumps(plan)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(loadable_plans())
def test_both_passes_load_a_valid_toml_plan_alike(plan: socialplan.Plan) -> None:
    _same(socialplan.dumps(plan), "toml")


@st.composite
def mutated_toml(draw: st.DrawFn) -> str:
    """The TOML of a valid plan with one to three things made wrong (TOML's dates too)."""
    plan = draw(loadable_plans(max_items=3))
    data = tomllib.loads(socialplan.dumps(plan))
    wrong = [w for w in _WRONG if w is not None] + _WRONG_IN_TOML  # TOML has no null
    _mutate(draw, data, wrong)  # a key written twice is a TOML syntax error, read alike
    return tomli_w.dumps(data)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=120)
@given(mutated_toml())
def test_both_passes_report_a_mutated_toml_document_alike(text: str) -> None:
    _same(text, "toml")


@pytest.mark.parametrize(
    "where",
    [
        "start = 2027-06-30T09:30:00",
        "start = 2027-06-30T00:00:00Z",
        "start = 09:30:00",
        'start = "2027-06-30"',
        "start = 2027-06-30",
        'start = "2027-6-30"',
    ],
)
def test_both_passes_read_a_toml_date_alike(where: str) -> None:
    _same(f'format = "socialplan/1"\n[plan]\nname = "A"\n{where}\n', "toml")


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_a_limit_larger_than_any_list_is_no_limit_to_the_fast_pass(fmt: str) -> None:
    text = socialplan.dumps(socialplan.load(EXAMPLE), fmt)  # type: ignore[arg-type]
    huge = socialplan.Limits(max_items=10**30, max_string=10**30)
    plan = socialplan.loads(text, fmt, limits=huge)  # type: ignore[arg-type]
    assert text == socialplan.dumps(plan, fmt)  # type: ignore[arg-type]


_MINIMAL = '{"format": "socialplan/1", "plan": {"name": "A"}, '


@pytest.mark.parametrize(
    "parts",
    [
        '"metrics": {"m": {"name": "M", "unit_value": -1}}',
        '"channels": {"c": {"platform": "P", "priority": 0}}',
        '"influencers": {"i": {"name": "I", "followers": -5}}',
        '"content": {"pillars": {"p": {"theme": "T", "share": 101}}}',
        '"engagement": {"c": {"message_length": 0}}',
        '"metrics": {"m": {"name": "M", "expects": {"keywords": ["k"]}}}',
        '"objectives": {"o": {"statement": "S", "target": {"unit": "%"}}}',
    ],
)
def test_the_fast_pass_leaves_what_a_model_check_refuses_to_the_detailed_pass(parts: str) -> None:
    text = _MINIMAL + parts + "}"
    assert (None, "error") == (
        fast.loads_json(text, socialplan.Limits()),
        _outcome(text, "json", on=True)[0],
    )
    _same(text)


def _strings(value: Any) -> list[str]:
    """Every string *value* (a plan, or a part of one) holds, its tables' keys too."""
    if type(value) is str:  # not a value of the vocabulary (a StrEnum)
        return [value]
    if isinstance(value, Duration | Frequency):  # parsed once, kept by each pass for the next
        return []
    if isinstance(value, tuple | list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in [*_strings(key), *_strings(item)]]
    if attrs.has(type(value)):
        return [s for a in attrs.fields(type(value)) for s in _strings(getattr(value, a.name))]
    return []


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=40)
@given(loadable_plans())
def test_the_fast_pass_interns_the_strings_the_detailed_pass_interns(plan: socialplan.Plan) -> None:
    text = socialplan.dumps(plan, "json")
    before, fast.ENABLED = fast.ENABLED, False
    try:
        detailed = socialplan.loads(text, "json")
    finally:
        fast.ENABLED = before
    loaded = fast.loads_json(text, socialplan.Limits())
    assert loaded is not None
    pairs = list(zip(_strings(detailed), _strings(loaded), strict=True))
    # An interned string is the one the table gives for its text; the fast pass's string
    # of the same place is that very one, then (interning a string the detailed pass left
    # alone only adds it to the table, and it is not compared).
    assert [] == [d for d, f in pairs if d is sys.intern(d) and f is not d]


def _classes_in(value: object, found: set[type]) -> set[type]:
    """The model's classes of every part inside *value*, durations and frequencies left out
    (the fast pass parses those from their text)."""
    kind = type(value)
    if attrs.has(kind) and not isinstance(value, Duration | Frequency):
        found.add(kind)
        for field in attrs.fields(kind):
            _classes_in(getattr(value, field.name), found)
    elif isinstance(value, dict):
        for item in value.values():
            _classes_in(item, found)
    elif isinstance(value, tuple | list):
        for item in value:
            _classes_in(item, found)
    return found


@pytest.mark.parametrize(
    "path",
    [
        EXAMPLE,
        Path(__file__).parent / "realworld" / "council-york.toml",
        Path(__file__).parent / "realworld" / "community-open-neuromorphic.toml",
    ],
    ids=lambda path: path.stem if path != EXAMPLE else "bakery",
)
def test_the_fast_pass_makes_a_builder_only_for_each_class_a_plan_uses(path: Path) -> None:
    # Limits of their own, and mirrors made afresh for them: no builder made yet.
    limits = socialplan.Limits(max_items=socialplan.Limits().max_items - 1)
    fast._MIRRORS.pop((limits, "toml"), None)
    plan = fast.structure(tomllib.loads(path.read_text(encoding="utf-8")), limits)
    assert plan is not None
    assert _classes_in(plan, set()) == set(fast._mirrors(limits, "toml").builders)
