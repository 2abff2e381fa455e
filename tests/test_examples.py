"""The bundled examples load, line up, and survive every format."""

from __future__ import annotations

from pathlib import Path

import pytest

import socialplan

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*/plan.toml"))


def test_there_are_at_least_two_examples() -> None:
    assert 2 <= len(EXAMPLES)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_example_validates_with_no_error_or_warning(path: Path) -> None:
    report = socialplan.validate(socialplan.load(path))
    assert [] == [str(d) for d in report.errors + report.warnings]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_example_round_trips_through_json(path: Path) -> None:
    plan = socialplan.load(path)
    assert plan == socialplan.loads(socialplan.dumps(plan, "json"), "json")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_example_fills_every_section(path: Path) -> None:
    import attrs

    plan = socialplan.load(path)
    # `elsewhere` names what a plan leaves to other documents: a full example has none.
    empty = [
        a.name
        for a in attrs.fields(socialplan.Plan)
        if a.name not in ("check", "methodology", "elsewhere") and not getattr(plan, a.name)
    ]
    assert [] == empty
