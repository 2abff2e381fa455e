"""The JSON Schema of socialplan/1 accepts what loads and rejects what does not."""

from __future__ import annotations

import copy
import datetime as dt
import json
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import socialplan
from socialplan.schema import SCHEMA_FILE, json_schema, load_shipped, schema_text
from socialplan.testing import loadable_plans, plans, texts

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted(ROOT.glob("examples/*/plan.toml"))
REGENERATE = (
    "the shipped schema is out of date; regenerate it with "
    "`socialplan schema -o docs/socialplan-1.schema.json` and "
    "`socialplan schema -o src/socialplan/socialplan-1.schema.json`"
)
VALIDATOR = Draft202012Validator(json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

Path_ = tuple[str | int, ...]


def loader_accepts(document: object) -> bool:
    try:
        socialplan.loads(json.dumps(document), "json")
    except socialplan.LoadError:
        return False
    return True


def json_form(plan: socialplan.Plan) -> Any:
    return json.loads(socialplan.dumps(plan, "json"))


def doc(**tables: Any) -> dict[str, Any]:
    """A plan document named "Demo" with *tables* at the top level."""
    return {"format": "socialplan/1", "plan": {"name": "Demo"}, **tables}


# --- the schema itself ------------------------------------------------------------------------


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    meta = Draft202012Validator(Draft202012Validator.META_SCHEMA)
    schema = json_schema()
    assert ("https://json-schema.org/draft/2020-12/schema", []) == (
        schema["$schema"],
        [error.message for error in meta.iter_errors(schema)],
    )


def keywords(schema: dict[str, Any]) -> Iterator[str]:
    for keyword, value in schema.items():
        yield keyword
        if keyword in ("properties", "patternProperties", "$defs"):
            for sub in value.values():
                yield from keywords(sub)
        elif keyword in ("items", "additionalProperties", "not") and isinstance(value, dict):
            yield from keywords(value)
        elif keyword in ("allOf", "anyOf", "oneOf"):
            for sub in value:
                yield from keywords(sub)


def test_the_schema_keeps_to_keywords_that_mean_the_same_in_draft_7() -> None:
    # Taplo's validator does not know draft 2020-12 and falls back to an older draft.
    portable = {
        "$comment", "$defs", "$id", "$ref", "$schema", "additionalProperties", "allOf", "anyOf",
        "const", "default", "description", "enum", "format", "items", "maximum", "minLength",
        "minimum", "pattern", "patternProperties", "properties", "required", "title", "type",
        "oneOf", "not",  # draft 4 on, meaning the same: a trigger's one of below and above
    }  # fmt: skip
    assert set() == set(keywords(json_schema())) - portable


def test_a_mistake_inside_an_optional_table_is_reported_where_it_is() -> None:
    document = doc(content={"pillars": {"bread": {"theme": "Bread", "share": 150}}})
    assert [("/content/pillars/bread/share", "150 is greater than the maximum of 100")] == [
        ("".join(f"/{segment}" for segment in error.absolute_path), error.message)
        for error in VALIDATOR.iter_errors(document)
    ]


def test_the_docs_copy_is_up_to_date() -> None:
    assert schema_text() == (ROOT / "docs" / SCHEMA_FILE).read_text(encoding="utf-8"), REGENERATE


def test_the_package_copy_is_up_to_date() -> None:
    shipped = resources.files("socialplan").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    assert schema_text() == shipped, REGENERATE


def test_load_shipped_gives_the_generated_schema() -> None:
    assert json_schema() == load_shipped()


def test_schema_text_is_the_schema_as_indented_json_ending_in_a_newline() -> None:
    text = schema_text()
    assert (json_schema(), "\n", '{\n  "$schema"') == (json.loads(text), text[-1], text[:13])


def test_every_class_of_the_model_has_a_definition() -> None:
    expected = {
        "Advocacy", "Analysis", "Audience", "Briefing", "BusinessGoal", "CalendarEntry",
        "CalendarStatus", "Channel", "CheckSettings", "ContentPillar", "ContentSource",
        "ContentStrategy", "Direction", "EngagementRule", "FunnelStage", "Horizon", "Horizons",
        "Influencer", "KpiLevel", "Launch", "Measure", "MessageKind", "MessageLength",
        "MethodologySpec", "Metric", "MetricFamily", "Objective", "Policy", "Profile", "Raci",
        "RaciEntry", "Reach", "Resource", "ResourceKind", "Role", "RoutingRule", "Scenario",
        "Severity", "StakeholderInput", "StepRecord", "StepSpec", "StepStatus", "Target",
    }  # fmt: skip
    expected |= {"MetricMethod", "Priority", "Reporting", "Survey"}  # measurement terms
    expected |= {"Budget", "BudgetLine", "TargetAggregate", "TargetRelative"}
    expected |= {"Medium", "Tactic"}  # issue #17
    expected |= {"ChannelStatus"}
    expected |= {"Expectation"}  # qualitative KPIs
    expected |= {"Feed", "Combine", "ExportPlatform"}  # what feeds a metric (issue #20)
    expected |= {"Governance"}
    expected |= {"Moderation", "ModerationAction", "ModerationRule"}
    expected |= {"Approval", "GateStatus", "LaunchGate"}
    expected |= {"Trigger"}
    expected |= {"WorkElement", "WorkTeam"}
    expected |= {"BriefingQuestion"}
    expected |= {"Elsewhere"}  # issue #18: what a plan leaves to other documents
    assert expected == set(json_schema()["$defs"])


def test_a_definition_is_described_by_its_class_docstring() -> None:
    assert (
        "What social media should achieve for the business."
        == (json_schema()["$defs"]["Objective"]["description"])
    )


def test_a_field_with_a_default_shows_it() -> None:
    assert "idea" == json_schema()["$defs"]["CalendarEntry"]["properties"]["status"]["default"]


def test_required_keys_are_the_fields_without_a_default() -> None:
    assert ["date", "channel", "title"] == json_schema()["$defs"]["CalendarEntry"]["required"]


# --- what loads validates ---------------------------------------------------------------------


@FAST
@given(plans())
def test_every_aligned_plan_validates(plan: socialplan.Plan) -> None:
    assert [] == [e.message for e in VALIDATOR.iter_errors(json_form(plan))]


@FAST
@given(loadable_plans())
def test_every_loadable_plan_validates(plan: socialplan.Plan) -> None:
    assert [] == [e.message for e in VALIDATOR.iter_errors(json_form(plan))]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_an_example_validates_once_loaded(path: Path) -> None:
    document = json_form(socialplan.load(path))
    assert [] == [e.message for e in VALIDATOR.iter_errors(document)]


def as_taplo_sees(value: Any) -> Any:
    """A parsed TOML document as Taplo validates it: dates become their text."""
    if isinstance(value, dict):
        return {key: as_taplo_sees(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_taplo_sees(item) for item in value]
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return value


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_an_example_validates_as_written(path: Path) -> None:
    document = as_taplo_sees(tomllib.loads(path.read_text(encoding="utf-8")))
    assert [] == [e.message for e in VALIDATOR.iter_errors(document)]


ACCEPTED = {
    "null for an optional value": doc(
        plan={"name": "Demo", "organization": None, "start": None, "horizons": None},
        briefing=None,
        metrics={"reach": {"name": "Reach", "level": None, "cadence": None}},
    ),
    "a message length in characters": doc(engagement={"x": {"message_length": 280}}),
    "a message length in words": doc(engagement={"x": {"message_length": "short"}}),
    "a decimal share": doc(content={"pillars": {"p": {"theme": "Bread", "share": 12.5}}}),
    "a rule code prefix": doc(check={"severity": {"SP2": "warning"}}),
    "an empty table": doc(briefing={}, business_goals={}),
}


@pytest.mark.parametrize("document", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_a_hand_written_document_that_loads_validates(document: dict[str, Any]) -> None:
    assert (True, True) == (loader_accepts(document), VALIDATOR.is_valid(document))


# --- what does not load is rejected -----------------------------------------------------------

REJECTED = {
    "unknown key, a near miss": doc(objectives={"aw": {"title": "x", "tilte": "y"}}),
    "unknown top-level table": doc(objetives={"aw": {"title": "x"}}),
    "a $schema key": {"$schema": "./socialplan-1.schema.json", **doc()},
    "a table inside plan": {"format": "socialplan/1", "plan": {"name": "D", "objectives": {}}},
    "wrong type": doc(channels={"fb": {"platform": 3}}),
    "missing name": {"format": "socialplan/1", "plan": {}},
    "missing plan": {"format": "socialplan/1"},
    "missing format": {"plan": {"name": "Demo"}},
    "wrong format": {"format": "socialplan/2", "plan": {"name": "Demo"}},
    "not an object": ["format", "socialplan/1"],
    "bad enum value": doc(objectives={"aw": {"title": "x", "stage": "awarness"}}),
    "bad id key": doc(audiences={"Bad Key": {"name": "Families"}}),
    "id key too long": doc(audiences={"a" * 65: {"name": "Families"}}),
    "share above 100": doc(content={"pillars": {"p": {"theme": "Bread", "share": 150}}}),
    "negative followers": doc(influencers={"i": {"name": "Ana", "followers": -1}}),
    "negative cost": doc(resources={"r": {"kind": "budget", "name": "Ads", "cost": -5}}),
    "a string for a list": doc(audiences={"a": {"name": "Families", "needs": "bread"}}),
    "a bool for a number": doc(metrics={"m": {"name": "Reach", "target": True}}),
    "a string for a number": doc(metrics={"m": {"name": "Reach", "target": "1500"}}),
    "a decimal for a whole number": doc(influencers={"i": {"name": "Ana", "followers": 2.5}}),
    "a bool for a KPI level": doc(metrics={"m": {"name": "Reach", "level": True}}),
    "a KPI level out of range": doc(metrics={"m": {"name": "Reach", "level": 4}}),
    "a string for a bool": doc(check={"strict": "yes"}),
    "a key that is no rule code": doc(check={"severity": {"S P": "warning"}}),
    "a bad severity": doc(check={"severity": {"SP2": "fatal"}}),
    "a date with a time": doc(plan={"name": "Demo", "start": "2027-06-30T10:00:00"}),
    "an impossible date": doc(plan={"name": "Demo", "start": "2027-02-30"}),
    "a number for a date": doc(plan={"name": "Demo", "start": 20270630}),
    "an empty duration": doc(launch={"review": ""}),
    "a zero message length": doc(engagement={"x": {"message_length": 0}}),
    "a bad message length word": doc(engagement={"x": {"message_length": "tiny"}}),
    "null for a list": doc(business_goals=None),
    "null for a required key": {"format": "socialplan/1", "plan": {"name": None}},
    "null for a key with a default": doc(metrics={"m": {"name": "Reach", "kind": None}}),
    "null in a list": doc(calendar=[None]),
    "an object for a list": doc(routing={"message": "crisis", "to": "pr"}),
}  # fmt: skip


@pytest.mark.parametrize("document", REJECTED.values(), ids=REJECTED.keys())
def test_a_document_that_does_not_load_is_rejected(document: object) -> None:
    assert (False, False) == (loader_accepts(document), VALIDATOR.is_valid(document))


# --- mutations: the schema and the loader agree -----------------------------------------------


def nodes(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nodes(item, (*path, index))


def parent(document: Any, path: Path_) -> Any:
    for segment in path[:-1]:
        document = document[segment]
    return document


#: Values whose verdict the schema can tell: no text that only parsing can judge (a duration,
#: a date in another ISO form), no float that JSON Schema counts as an integer (1.0).
SAFE_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-200, 200),
    st.integers(-200, 200).map(lambda n: n + 0.5),
    st.just(""),
    st.just([]),
    st.just({}),
    st.lists(st.integers(-3, 3), min_size=1, max_size=2),
    st.dictionaries(st.sampled_from(["k", "x1"]), st.integers(-3, 3), min_size=1, max_size=1),
)
DOCUMENTS = st.one_of(plans(max_items=2), loadable_plans(max_items=2)).map(json_form)


#: A change that removes the key or the item rather than replacing its value.
DELETE = object()


def mutated(document: Any, path: Path_, value: Any) -> Any:
    """A copy of *document* with *value* at *path*, or without *path* when value is DELETE."""
    copied = copy.deepcopy(document)
    if value is DELETE:
        del parent(copied, path)[path[-1]]
    else:
        parent(copied, path)[path[-1]] = value
    return copied


@FAST
@given(DOCUMENTS, st.data())
def test_a_replaced_or_removed_value_is_accepted_by_both_or_rejected_by_both(
    document: Any, data: st.DataObject
) -> None:
    paths = st.sampled_from([path for path, _ in nodes(document) if path])
    changes = data.draw(
        st.lists(st.tuples(paths, SAFE_VALUES | st.just(DELETE)), min_size=1, max_size=8),
        label="changes",
    )
    verdicts = [
        (path, loader_accepts(new), VALIDATOR.is_valid(new))
        for path, value in changes
        for new in [mutated(document, path, value)]
    ]
    assert [] == [(path, loads, valid) for path, loads, valid in verdicts if loads != valid]


@FAST
@given(DOCUMENTS, st.data())
def test_an_unknown_key_anywhere_is_rejected_by_both(document: Any, data: st.DataObject) -> None:
    objects = [path for path, value in nodes(document) if isinstance(value, dict)]
    path = data.draw(st.sampled_from(objects), label="object")
    key = data.draw(texts(10).map(lambda text: text + " ?"), label="key")
    new = mutated(document, (*path, key), 1)
    assert (False, False) == (loader_accepts(new), VALIDATOR.is_valid(new))
