"""The starter plan of `socialplan new`: complete, loadable, clean but for its TODOs."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import socialplan
from socialplan._starter import starter
from socialplan.testing import texts


def test_starter_loads() -> None:
    assert "TODO: the plan's name" == socialplan.loads(starter()).name


def test_starter_fills_every_field_of_a_plan() -> None:
    plan, bare = socialplan.loads(starter()), socialplan.Plan(name="")
    empty = [
        f.name
        for f in attrs.fields(socialplan.Plan)
        if getattr(plan, f.name) == getattr(bare, f.name)
    ]
    assert [] == empty


def test_starter_has_no_error_nor_warning() -> None:
    report = socialplan.validate(socialplan.loads(starter()))
    assert [] == [str(d) for d in report.errors + report.warnings]


def test_starter_advice_is_all_todo_left_and_covers_the_name() -> None:
    report = socialplan.validate(socialplan.loads(starter()))
    codes = {d.code for d in report.infos}
    assert ({"SP901"}, True) == (codes, "plan.name" in {d.path for d in report.infos})


def test_a_named_starter_does_not_ask_for_a_name() -> None:
    report = socialplan.validate(socialplan.loads(starter("Panadería Sol")))
    assert [] == [d.path for d in report if d.path.startswith("plan.name")]


@settings(max_examples=50)
@given(texts(60) | st.sampled_from(['say "hi"', "a\nb", "back\\slash", "'''", '"""', "\t\x7f"]))
def test_any_name_round_trips(name: str) -> None:
    assert name == socialplan.loads(starter(name)).name


@settings(max_examples=20)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
def test_starter_from_any_start_starts_then_and_validates_clean(start: dt.date) -> None:
    plan = socialplan.loads(starter(start=start))
    report = socialplan.validate(plan)
    assert (start, []) == (plan.start, [str(d) for d in report.errors + report.warnings])
