"""SP901 finds every placeholder wherever it is, however big the plan (it screens first)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import socialplan
from socialplan._core.placeholders import is_placeholder
from socialplan.testing import loadable_plans


def left(text: str) -> bool:
    """A placeholder left to fill (tests/test_placeholders.py says which), not a blank."""
    return is_placeholder(text) and text.strip() != ""


def leaves(node: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """Every string value of plain data: its path in the file, its container and key."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        here = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}".lstrip(".")
        if isinstance(value, str):
            yield here, node, key
        elif isinstance(value, dict | list):
            yield from leaves(value, here)


@settings(max_examples=80)
@given(loadable_plans(), st.data())
def test_todo_left_reports_exactly_the_strings_saying_todo(
    plan: socialplan.Plan, data: st.DataObject
) -> None:
    document = json.loads(socialplan.dumps(plan, "json"))
    places = list(leaves(document))
    if places:
        for index in data.draw(st.lists(st.integers(0, len(places) - 1), max_size=4)):
            _, container, key = places[index]
            before = container[key]
            container[key] = data.draw(
                st.sampled_from(["TODO", "a TODO: b", "TODOS", "TBD", "…", "Coming soon", "%"])
            )
            try:
                socialplan.loads(json.dumps(document), "json")
            except socialplan.LoadError:  # an id, a date, a kind: not free text
                container[key] = before
    expected = sorted(path for path, node, key in leaves(document) if left(node[key]))
    loaded = socialplan.loads(json.dumps(document), "json")
    actual = sorted(d.path for d in socialplan.validate(loaded, select=["SP901"]))
    assert expected == actual


def test_todo_left_looks_past_a_list_whose_first_value_is_not_text() -> None:
    # Only a plan built in Python can hold None in a list of texts; the placeholder after
    # it is still found (the screen once skipped every list of the table when it saw None).
    plan = socialplan.Plan(name="p", content=socialplan.ContentStrategy(keywords=(None, "TODO")))  # type: ignore[arg-type]
    assert ["content.keywords[1]"] == [d.path for d in socialplan.validate(plan, select=["SP901"])]
