"""Every valid plan survives a trip through each file format, byte for byte."""

from __future__ import annotations

from hypothesis import given, settings

import socialplan
from socialplan.testing import loadable_plans as plans


@given(plans())
def test_toml_round_trip_gives_the_same_plan(plan: socialplan.Plan) -> None:
    assert plan == socialplan.loads(socialplan.dumps(plan, "toml"), "toml")


@given(plans())
def test_json_round_trip_gives_the_same_plan(plan: socialplan.Plan) -> None:
    assert plan == socialplan.loads(socialplan.dumps(plan, "json"), "json")


@given(plans())
def test_toml_to_json_to_toml_gives_the_same_bytes(plan: socialplan.Plan) -> None:
    toml_text = socialplan.dumps(plan, "toml")
    via_json = socialplan.loads(socialplan.dumps(socialplan.loads(toml_text), "json"), "json")
    assert toml_text == socialplan.dumps(via_json, "toml")


@settings(max_examples=25)
@given(plans())
def test_dumps_is_deterministic(plan: socialplan.Plan) -> None:
    rebuilt = socialplan.from_data(socialplan.to_data(plan))
    assert socialplan.dumps(plan) == socialplan.dumps(rebuilt)
