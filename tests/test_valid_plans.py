"""The valid-plan strategy and the rules agree: what it draws lines up."""

from __future__ import annotations

from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st

import socialplan
from socialplan.testing import plans


@settings(max_examples=60)
@given(plans())
def test_every_generated_valid_plan_validates_clean(plan: socialplan.Plan) -> None:
    assert [] == [str(d) for d in socialplan.validate(plan)]


def _replace(node: object, segments: list[str | int], value: str) -> object:
    """A copy of *node* whose reference at *segments* names *value* instead."""
    import attrs

    head, rest = segments[0], segments[1:]
    if isinstance(node, dict):
        assert isinstance(head, str)
        if not rest:  # the reference is the key itself: rename it
            return {(value if k == head else k): v for k, v in node.items()}
        return {**node, head: _replace(node[head], rest, value)}
    if isinstance(node, tuple):
        assert isinstance(head, int)
        new = value if not rest else _replace(node[head], rest, value)
        return (*node[:head], new, *node[head + 1 :])
    assert isinstance(head, str)
    current = getattr(node, head)
    # node is an instance of one of the model's attrs classes, which mypy cannot tell from object
    return attrs.evolve(node, **{head: value if not rest else _replace(current, rest, value)})  # type: ignore[misc]


@settings(max_examples=60)
@given(plans(), st.data())
def test_breaking_any_one_reference_is_caught_at_its_path(
    plan: socialplan.Plan, data: st.DataObject
) -> None:
    from socialplan._core.diagnostics import parse_path
    from socialplan.rules import Context

    references = list(Context(plan).references())
    broken = data.draw(st.sampled_from(references))
    segments = parse_path(broken.path)
    mutated = _replace(plan, segments, "no-such-id")
    assert isinstance(mutated, socialplan.Plan)
    expected_path = (
        broken.path
        if segments[-1] != broken.target
        else broken.path.rsplit(".", 1)[0] + ".no-such-id"
    )
    found = [(d.code, d.path) for d in socialplan.validate(mutated, select=["SP101"])]
    assert [("SP101", expected_path)] == found


@settings(max_examples=60)
@given(plans(), st.data())
def test_unresolved_references_are_exactly_those_naming_nothing(
    plan: socialplan.Plan, data: st.DataObject
) -> None:
    from socialplan._core.diagnostics import parse_path
    from socialplan.rules import Context

    references = list(Context(plan).references())
    for broken in data.draw(st.lists(st.sampled_from(references), max_size=4, unique_by=id)):
        segments = parse_path(broken.path)
        if segments[-1] != broken.target:  # a reference by key cannot be renamed in place
            name = data.draw(st.sampled_from(["x-1", "x-2"]))
            plan = cast(socialplan.Plan, _replace(plan, segments, name))
    context = Context(plan)
    expected = [
        (r.path, r.target) for r in context.references() if r.target not in context.ids(r.kind)
    ]
    assert sorted(expected) == sorted((r.path, r.target) for r in context.unresolved())
