"""Every diagnostic of a plan read from a file points at the exact text it names.

Its range (line, column, end line, end column) covers the value it names, the key for an
unknown key or a bad id, and for a field that is not written the header (or inline table)
of the part where it would be added, in every layout TOML and JSON allow.
"""

from __future__ import annotations

import json
import random
import types
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialplan
from layouts import Written, line_column, write
from socialplan._cli import main
from socialplan._core.diagnostics import format_path, parse_path
from socialplan.rules import Context
from socialplan.testing import loadable_plans

Segments = tuple[str | int, ...]

HEAD = 'format = "socialplan/1"\n\n[plan]\nname = "Demo"\n\n'
PLAN_TABLE = '[plan]\nname = "Demo"\n'


def span(d: socialplan.Diagnostic) -> tuple[int | None, ...]:
    return (d.line, d.column, d.end_line, d.end_column)


def expected_span(written: Written, offsets: tuple[int, int]) -> tuple[int, ...]:
    return (*line_column(written.text, offsets[0]), *line_column(written.text, offsets[1]))


def load_errors(text: str, fmt: socialplan.Format) -> list[socialplan.Diagnostic]:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text, fmt, file="plan")
    return list(caught.value.diagnostics)


# --- The layouts the issue names ----------------------------------------------------------

SUB_TABLE_TARGET = (
    HEAD
    + '[business_goals.g]\nstatement = "Be known"\n\n'
    + '[objectives.o]\ntitle = "Be known"\nsupports = ["g"]\naudiences = ["fans"]\n\n'
    + '[objectives.o.target]\nvalue = 10\nunit = "likes"\n\n'
    + '[audiences.fans]\nname = "Fans"\nchannels = ["fb", "nope"]\n\n'
    + '[channels.fb]\nplatform = "facebook"\n'
)


def test_a_broken_reference_after_a_sub_table_is_placed_on_its_own_line() -> None:
    plan = socialplan.loads(SUB_TABLE_TARGET)
    report = socialplan.validate(plan, select=["SP101"]).located(SUB_TABLE_TARGET)
    (found,) = report
    assert ("audiences.fans.channels[1]", (20, 19, 20, 25)) == (found.path, span(found))


def test_a_missing_field_points_at_its_own_part_not_another_that_has_it() -> None:
    text = (
        HEAD
        + '[metrics.a]\nname = "A"\ncadence = "weekly"\n\n'
        + '[metrics.x]\nname = "X"\n\n'
        + '[metrics.b]\nname = "B"\ncadence = "weekly"\n'
    )
    report = socialplan.validate(socialplan.loads(text), select=["SP702"]).located(text)
    (found,) = report
    assert ("metrics.x.cadence", (10, 1, 10, 12)) == (found.path, span(found))


def test_findings_of_a_one_line_json_plan_have_their_own_columns() -> None:
    text = json.dumps(
        {
            "format": "socialplan/1",
            "plan": {"name": "Demo", "reach": "natonal", "start": "soon"},
        }
    )
    found = load_errors(text, "json")
    reach, start = text.index('"natonal"'), text.index('"soon"')
    assert [
        ("plan.reach", (1, reach + 1, 1, reach + 10)),
        ("plan.start", (1, start + 1, 1, start + 7)),
    ] == [(d.path, span(d)) for d in found]


def test_a_missing_required_key_points_at_the_inline_table_it_belongs_in() -> None:
    text = HEAD + '[objectives.o]\ntitle = "T"\ntarget = { unit = "likes" }\n'
    (found,) = load_errors(text, "toml")
    assert ("SP004", "objectives.o.target.value", (8, 10, 8, 28)) == (
        found.code,
        found.path,
        span(found),
    )


def test_an_unknown_key_is_placed_on_the_key_itself() -> None:
    text = HEAD + '[objectives.o]\ntitle = "T"\n  suports = ["g"]\n'
    (found,) = load_errors(text, "toml")
    assert ("SP003", (8, 3, 8, 10)) == (found.code, span(found))


def test_a_bad_id_is_placed_on_the_id_in_its_header() -> None:
    text = HEAD + '[objectives."Be Known"]\ntitle = "T"\n'
    (found,) = load_errors(text, "toml")
    assert ("SP007", (6, 13, 6, 23)) == (found.code, span(found))


def test_a_toml_syntax_error_has_the_parsers_column() -> None:
    (found,) = load_errors(HEAD + "vision = [1,\n", "toml")
    assert ("SP001", 7, 1) == (found.code, found.line, found.column)


def test_a_json_syntax_error_has_the_parsers_column() -> None:
    (found,) = load_errors('{"format": "socialplan/1", "plan": {"name": x}}', "json")
    assert ("SP001", 1, 45) == (found.code, found.line, found.column)


def test_a_key_written_twice_in_json_is_placed_on_its_second_writing() -> None:
    text = '{"format": "socialplan/1",\n "plan": {"name": "a",\n  "name": "b"}}'
    (found,) = load_errors(text, "json")
    assert ("plan.name", (3, 3, 3, 9)) == (found.path, span(found))


def test_a_byte_order_mark_is_not_a_column() -> None:
    text = '\ufeffformat = "socialplan/2"\n[plan]\nname = "Demo"\n'
    (found,) = load_errors(text, "toml")
    assert ("SP002", (1, 10, 1, 24)) == (found.code, span(found))


def test_located_tells_a_json_text_without_being_told() -> None:
    text = json.dumps(
        {
            "format": "socialplan/1",
            "plan": {"name": "D"},
            "objectives": {"o": {"title": "T"}},
            "metrics": {"m": {"name": "M"}},  # metrics started: SP201 speaks
        }
    )
    report = socialplan.validate(socialplan.loads(text), select=["SP201"]).located(text)
    (found,) = report
    assert (1, text.index('{"title"') + 1) == (found.line, found.column)


def test_a_finding_of_nothing_written_is_at_the_documents_start() -> None:
    # No role, routing, engagement or calendar at all: SP809 says so, about the plan as a whole.
    text = HEAD + '[channels.fb]\nplatform = "facebook"\n'
    report = socialplan.validate(socialplan.loads(text), select=["SP809"]).located(text)
    (found,) = report
    assert ("", (1, 1, 1, 1)) == (found.path, span(found))


# --- The outputs ------------------------------------------------------------------------------


@pytest.fixture
def plan_file(tmp_path: Path) -> str:
    path = tmp_path / "plan.toml"
    path.write_text(SUB_TABLE_TARGET, encoding="utf-8")
    return str(path)


def test_check_prints_file_line_and_column(
    plan_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", plan_file, "--select", "SP101"])
    printed = capsys.readouterr().out
    assert f'    {plan_file}:20:19: SP101 audiences.fans.channels[1]: channel "nope"' in printed


def test_check_json_carries_the_whole_range(
    plan_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", plan_file, "--select", "SP101", "--format", "json"])
    (found,) = json.loads(capsys.readouterr().out)["diagnostics"]
    assert (20, 19, 20, 25) == (
        found["line"],
        found["column"],
        found["end_line"],
        found["end_column"],
    )


def test_check_sarif_gives_the_region_in_code_points(
    plan_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", plan_file, "--select", "SP101", "--format", "sarif"])
    (run,) = json.loads(capsys.readouterr().out)["runs"]
    (result,) = run["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (
        "unicodeCodePoints",
        {"startLine": 20, "startColumn": 19, "endLine": 20, "endColumn": 25},
    ) == (run["columnKind"], region)


# --- Every layout, broken anywhere ----------------------------------------------------------------


def _nodes(data: object, path: Segments = ()) -> Iterator[tuple[Segments, object]]:
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _nodes(value, (*path, index))


def _replaced(data: Any, path: Segments, new: object) -> Any:
    if not path:
        return new
    head, *rest = path
    if isinstance(data, dict):
        return {k: _replaced(v, tuple(rest), new) if k == head else v for k, v in data.items()}
    return [_replaced(v, tuple(rest), new) if i == head else v for i, v in enumerate(data)]


def _at(data: Any, path: Segments) -> Any:
    for segment in path:
        data = data[segment]
    return data


def _without(data: Any, path: Segments) -> Any:
    *table, key = path
    trimmed = {k: v for k, v in _at(data, tuple(table)).items() if k != key}
    return _replaced(data, tuple(table), trimmed)


def _unwrap(tp: Any) -> Any:
    """``X`` of ``X | None``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


def _model_class(path: Segments) -> type | None:
    """The model's class of the table at *path* of a plan's document, if it is one."""
    tp: Any = socialplan.Plan
    segments = path[1:] if path[:1] == ("plan",) else path
    for segment in segments:
        tp = _unwrap(tp)
        origin = typing.get_origin(tp)
        if attrs.has(tp) and isinstance(segment, str):
            hints = typing.get_type_hints(tp)
            if segment not in hints:
                return None
            tp = hints[segment]
        elif origin in (dict, Mapping, typing.Mapping) or (
            isinstance(origin, type) and issubclass(origin, Mapping)
        ):
            tp = typing.get_args(tp)[1]
        elif origin is tuple:
            tp = typing.get_args(tp)[0]
        else:
            return None
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and attrs.has(tp) else None


formats = st.sampled_from(["toml", "json"])
#: Each example draws a plan, lays it out and loads it: 40 of each kind keep the suite fast.
LAYOUTS = settings(max_examples=40)


@LAYOUTS
@given(plan=loadable_plans(max_items=3), fmt=formats, seed=st.integers(), draw=st.data())
def test_a_wrong_value_is_reported_over_exactly_its_text(
    plan: socialplan.Plan, fmt: socialplan.Format, seed: int, draw: st.DataObject
) -> None:
    data = socialplan.to_data(plan, fmt)
    leaves = [
        path
        for path, value in _nodes(data)
        if path and path[0] != "format" and not isinstance(value, dict | list)
    ]
    leaf = draw.draw(st.sampled_from(leaves), label="broken")
    written = write(_replaced(data, leaf, {"bad": [1]}), fmt, random.Random(seed))
    found = [d for d in load_errors(written.text, fmt) if d.path == format_path(list(leaf))]
    assert found, written.text
    assert [expected_span(written, written.values[leaf])] * len(found) == [span(d) for d in found]


@LAYOUTS
@given(plan=loadable_plans(max_items=3), fmt=formats, seed=st.integers(), draw=st.data())
def test_a_missing_required_field_is_reported_at_the_head_of_its_part(
    plan: socialplan.Plan, fmt: socialplan.Format, seed: int, draw: st.DataObject
) -> None:
    data = socialplan.to_data(plan, fmt)
    required = []
    for path, value in _nodes(data):
        cls = _model_class(path) if isinstance(value, dict) and path else None
        if cls is not None and isinstance(value, dict):
            names = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
            required += [(*path, name) for name in names if name in value]
    if not required:
        return  # nothing in this plan can be left out (a plan's name is in its header)
    gone = draw.draw(st.sampled_from(required), label="left out")
    written = write(_without(data, gone), fmt, random.Random(seed))
    found = [d for d in load_errors(written.text, fmt) if d.path == format_path(list(gone))]
    assert ["SP004"] == [d.code for d in found], written.text
    assert expected_span(written, written.heads[gone[:-1]]) == span(found[0])


@LAYOUTS
@given(plan=loadable_plans(max_items=3), fmt=formats, seed=st.integers(), draw=st.data())
def test_an_unknown_key_is_reported_over_exactly_the_key(
    plan: socialplan.Plan, fmt: socialplan.Format, seed: int, draw: st.DataObject
) -> None:
    data = socialplan.to_data(plan, fmt)
    tables = [
        path
        for path, value in _nodes(data)
        if isinstance(value, dict) and path and _model_class(path) is not None
    ]
    table = draw.draw(st.sampled_from(tables), label="table")
    grown = _replaced(data, table, {**_at(data, table), "zz_unknown": 1})
    written = write(grown, fmt, random.Random(seed))
    key = (*table, "zz_unknown")
    found = [d for d in load_errors(written.text, fmt) if d.path == format_path(list(key))]
    assert ["SP003"] == [d.code for d in found], written.text
    assert expected_span(written, written.keys[key]) == span(found[0])


@LAYOUTS
@given(plan=loadable_plans(max_items=3), fmt=formats, seed=st.integers(), draw=st.data())
def test_a_broken_reference_is_reported_over_exactly_its_text(
    plan: socialplan.Plan, fmt: socialplan.Format, seed: int, draw: st.DataObject
) -> None:
    data = socialplan.to_data(plan, fmt)
    values = dict(_nodes(data))
    references = sorted(
        {
            tuple(parse_path(r.path))
            for r in Context(plan).references()
            if isinstance(values.get(tuple(parse_path(r.path))), str)
        }
    )
    if not references:
        return  # a plan that refers to nothing
    where: Segments = draw.draw(st.sampled_from(references), label="reference")
    written = write(_replaced(data, where, "zz-nowhere-9"), fmt, random.Random(seed))
    report = socialplan.validate(socialplan.loads(written.text, fmt), select=["SP101"])
    found = [d for d in report.located(written.text, fmt) if d.path == format_path(list(where))]
    assert ["SP101"] == [d.code for d in found], written.text
    assert expected_span(written, written.values[where]) == span(found[0])


# --- Findings about a key, not its value ----------------------------------------------------------

#: Tables whose keys are themselves references, each with a value an entry may hold and the
#: code of a key that names nothing: the finding is about the key, and is placed over it.
KEYED_TABLES = [
    (("engagement",), {"tone": "warm"}, "SP101"),
    (("content", "messages"), ["Hello"], "SP101"),
    (("raci", "channels"), {"informed": []}, "SP101"),
    (("raci", "steps"), {"informed": []}, "SP102"),
    (("steps",), {"note": "soon"}, "SP102"),
]


def _with(data: Any, table: Segments, key: str, value: object) -> Any:
    """*data* with *key* = *value* added to the table at *table* (made if it is not there)."""
    if not table:
        return {**data, key: value}
    head, rest = table[0], table[1:]
    return {**data, head: _with(data.get(head, {}), rest, key, value)}


def _renamed(data: Any, path: Segments, new: str) -> Any:
    """*data* with the last key of *path* renamed *new*, in the same place of its table."""
    *table, old = path
    entries = _at(data, tuple(table))
    return _replaced(data, tuple(table), {new if k == old else k: v for k, v in entries.items()})


def _key_span(written: Written, path: Segments) -> tuple[int, ...]:
    return expected_span(written, written.keys[path])


def _located(text: str, fmt: socialplan.Format, code: str, path: str) -> list[Any]:
    report = socialplan.validate(socialplan.loads(text, fmt)).located(text, fmt)
    return [span(d) for d in report if (d.code, d.path) == (code, path)]


@LAYOUTS
@given(
    plan=loadable_plans(max_items=3),
    fmt=formats,
    seed=st.integers(),
    keyed=st.sampled_from(KEYED_TABLES),
)
def test_a_key_that_names_nothing_is_reported_over_exactly_the_key(
    plan: socialplan.Plan,
    fmt: socialplan.Format,
    seed: int,
    keyed: tuple[Segments, object, str],
) -> None:
    table, value, code = keyed
    grown = _with(socialplan.to_data(plan, fmt), table, "zz-nowhere-9", value)
    written = write(grown, fmt, random.Random(seed))
    key = (*table, "zz-nowhere-9")
    assert [_key_span(written, key)] == _located(written.text, fmt, code, format_path(list(key))), (
        written.text
    )


@LAYOUTS
@given(plan=loadable_plans(max_items=3), fmt=formats, seed=st.integers())
def test_a_severity_for_no_rule_is_reported_over_exactly_its_code(
    plan: socialplan.Plan, fmt: socialplan.Format, seed: int
) -> None:
    grown = _with(socialplan.to_data(plan, fmt), ("check", "severity"), "SP998", "error")
    written = write(grown, fmt, random.Random(seed))
    key = ("check", "severity", "SP998")
    assert [_key_span(written, key)] == _located(
        written.text, fmt, "SP006", "check.severity.SP998"
    ), written.text


@LAYOUTS
@given(plan=loadable_plans(max_items=3), fmt=formats, seed=st.integers())
def test_a_severity_key_not_shaped_as_a_code_is_reported_over_exactly_the_key(
    plan: socialplan.Plan, fmt: socialplan.Format, seed: int
) -> None:
    grown = _with(socialplan.to_data(plan, fmt), ("check", "severity"), "SP 2", "error")
    written = write(grown, fmt, random.Random(seed))
    found = [d for d in load_errors(written.text, fmt) if d.path == 'check.severity."SP 2"']
    assert [("SP006", _key_span(written, ("check", "severity", "SP 2")))] == [
        (d.code, span(d)) for d in found
    ], written.text


ID_TABLES = ("business_goals", "objectives", "audiences", "channels", "roles", "metrics")


@LAYOUTS
@given(plan=loadable_plans(max_items=3), fmt=formats, seed=st.integers(), draw=st.data())
def test_a_bad_id_is_reported_over_exactly_the_key(
    plan: socialplan.Plan, fmt: socialplan.Format, seed: int, draw: st.DataObject
) -> None:
    data = socialplan.to_data(plan, fmt)
    entries = [(table, key) for table in ID_TABLES for key in data.get(table, {})]
    if not entries:
        return  # a plan with no part keyed by id
    where: Segments = draw.draw(st.sampled_from(entries), label="renamed")
    written = write(_renamed(data, where, "Bad Id"), fmt, random.Random(seed))
    key = (where[0], "Bad Id")
    found = [d for d in load_errors(written.text, fmt) if d.path == format_path(list(key))]
    assert [("SP007", _key_span(written, key))] == [(d.code, span(d)) for d in found]


def test_a_key_that_names_nothing_is_placed_on_the_key_when_quoted() -> None:
    text = HEAD + '[content.messages]\n"zz-nowhere" = ["Hello"]\n'
    assert [(7, 1, 7, 13)] == _located(text, "toml", "SP101", "content.messages.zz-nowhere")


def test_a_key_that_names_nothing_is_placed_on_the_key_of_a_dotted_key() -> None:
    text = 'format = "socialplan/1"\nengagement . "zz-nowhere" . tone = "warm"\n' + PLAN_TABLE
    assert [(2, 14, 2, 26)] == _located(text, "toml", "SP101", "engagement.zz-nowhere")


def test_an_unknown_step_is_placed_on_its_key_in_an_inline_table() -> None:
    text = 'format = "socialplan/1"\nraci = { steps = { zz-nowhere = { informed = [] } } }\n'
    text += PLAN_TABLE
    assert [(2, 20, 2, 30)] == _located(text, "toml", "SP102", "raci.steps.zz-nowhere")


def test_an_unknown_step_is_placed_on_its_key_in_one_line_json() -> None:
    text = json.dumps(
        {"format": "socialplan/1", "plan": {"name": "D"}, "steps": {"zz": {"note": "n"}}}
    )
    at = text.index('"zz"')
    assert [(1, at + 1, 1, at + 5)] == _located(text, "json", "SP102", "steps.zz")


def test_a_severity_key_written_twice_is_placed_on_its_second_key() -> None:
    text = HEAD + '[check.severity]\nsp2 = "error"\n"SP2" = "info"\n'
    found = [d for d in load_errors(text, "toml") if d.path.startswith("check.severity")]
    assert [("SP006", (8, 1, 8, 6))] == [(d.code, span(d)) for d in found]


def test_a_lone_surrogate_in_a_json_key_is_placed_on_the_key() -> None:
    text = (
        '{"format": "socialplan/1", "plan": {"name": "D"},\n'
        ' "content": {"messages": {"a\\ud800": ["Hi"]}}}'
    )
    found = [d for d in load_errors(text, "json") if d.code == "SP006"]
    at = text.index('"a\\ud800"')
    assert [(2, at - text.index("\n"), 2, at - text.index("\n") + 9)] == [span(d) for d in found]


def test_a_settings_severity_for_no_rule_is_placed_on_its_code(tmp_path: Path) -> None:
    from socialplan.rules import project_settings

    (tmp_path / "pyproject.toml").write_text(
        '[tool.socialplan.severity]\nSP998 = "error"\n', encoding="utf-8"
    )
    plan = tmp_path / "plan.toml"
    plan.write_text(HEAD, encoding="utf-8")
    with pytest.raises(socialplan.LoadError) as caught:
        project_settings(plan)
    assert [(2, 1, 2, 6)] == [span(d) for d in caught.value.diagnostics]


def test_the_json_output_does_not_say_what_a_diagnostic_is_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(HEAD + '[steps.zz]\nnote = "n"\n', encoding="utf-8")
    main(["check", str(path), "--select", "SP102", "--format", "json"])
    (found,) = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [
        "code",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "hint",
        "group",
    ] == list(found)
