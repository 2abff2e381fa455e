"""The model's classes compare, hash and show as attrs would, with methods written once."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given

import socialplan
from socialplan import _model
from socialplan._core.parts import Part
from socialplan.testing import plans

MODEL = sorted(
    (
        c
        for c in vars(_model).values()
        if isinstance(c, type) and attrs.has(c) and c.__module__ == _model.__name__
    ),
    key=lambda c: c.__name__,
)


def test_every_model_class_takes_its_comparison_and_repr_from_part() -> None:
    # attrs would compile its own __eq__/__hash__/__repr__ per class, at import, for every
    # command: a class that forgets `eq=False, repr=False` or the base pays for it again.
    own = [
        c.__name__
        for c in MODEL
        if (c.__eq__, c.__hash__, c.__repr__) != (Part.__eq__, Part.__hash__, Part.__repr__)
    ]
    assert (True, []) == (len(MODEL) > 40, own)


def _compared(part: object) -> object:
    """The fields attrs compares a part by, recursively: those with ``eq=True`` (a
    Duration's ``text``, the words it was written in, is not compared)."""
    return attrs.asdict(part, filter=lambda field, _value: bool(field.eq))  # type: ignore[arg-type]


@given(plans(), plans())
def test_two_plans_are_equal_exactly_when_their_fields_are(
    a: socialplan.Plan, b: socialplan.Plan
) -> None:
    assert (_compared(a) == _compared(b)) == (a == b)


@given(plans())
def test_a_plan_equals_a_copy_of_itself_and_not_one_with_another_name(
    plan: socialplan.Plan,
) -> None:
    copy = attrs.evolve(plan)
    renamed = attrs.evolve(plan, name=plan.name + "!")
    assert (True, False, False) == (copy == plan, renamed == plan, plan != copy)


def test_equal_parts_hash_alike_and_parts_of_another_class_are_not_equal() -> None:
    a = socialplan.Horizons(short=dt.date(2027, 1, 1))
    b = socialplan.Horizons(short=dt.date(2027, 1, 1))
    goal = socialplan.BusinessGoal(statement="x")
    assert (True, 1, False) == (hash(a) == hash(b), len({a, b}), goal == a)


def test_the_repr_is_attrs_layout_with_every_field_in_order() -> None:
    shown = repr(socialplan.Horizons(short=dt.date(2027, 1, 4)))
    assert "Horizons(short=datetime.date(2027, 1, 4), medium=None, long=None)" == shown


def test_a_part_is_still_frozen() -> None:
    horizons = socialplan.Horizons()
    try:
        horizons.short = dt.date(2027, 1, 1)  # type: ignore[misc]
    except attrs.exceptions.FrozenInstanceError:
        refused = True
    else:
        refused = False
    assert True is refused


def test_the_model_fields_hold_types_not_strings_to_evaluate() -> None:
    # A string annotation is evaluated by the converter at every start of every command:
    # hundreds of them were a tenth of `socialplan check` (issue #16).
    strings = [
        f"{c.__name__}.{f.name}" for c in MODEL for f in attrs.fields(c) if isinstance(f.type, str)
    ]
    assert [] == strings
