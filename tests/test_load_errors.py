"""Bad input gets every problem at once, each located and explained."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

import socialplan
from helpers import HEAD


def problems(text: str, fmt: socialplan.Format = "toml") -> list[tuple[str, str]]:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text, fmt)
    return [(d.code, d.path) for d in info.value.diagnostics]


def only(text: str | bytes, fmt: socialplan.Format = "toml") -> socialplan.Diagnostic:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text, fmt)
    (diagnostic,) = info.value.diagnostics
    return diagnostic


def test_unknown_key_suggests_the_near_miss() -> None:
    found = only(HEAD + "[objectives.aw]\ntitle = 'x'\ntilte = 'y'\n")
    assert ("SP003", "objectives.aw.tilte", 'did you mean "title"?') == (
        found.code,
        found.path,
        found.hint,
    )


def test_unknown_key_in_the_plan_table_is_placed_under_plan() -> None:
    assert [("SP003", "plan.strat")] == problems(HEAD + "strat = 2027-01-01\n")


def test_unknown_top_level_table_is_reported() -> None:
    found = only(HEAD + "[objetives.aw]\ntitle = 'x'\n")
    assert ("objetives", 'did you mean "objectives"?') == (found.path, found.hint)


def test_missing_required_key_names_the_field() -> None:
    assert [("SP004", "objectives.aw.title")] == problems(HEAD + "[objectives.aw]\nkind = 'x'\n")


def test_missing_plan_table_is_reported_once() -> None:
    assert [("SP004", "plan")] == problems('format = "socialplan/1"\n')


def test_missing_format_key_is_reported() -> None:
    assert [("SP004", "format")] == problems('[plan]\nname = "x"\n')


def test_unsupported_format_version_is_reported() -> None:
    assert [("SP002", "format")] == problems('format = "socialplan/9"\n[plan]\nname = "x"\n')


def test_wrong_type_says_what_was_expected() -> None:
    found = only(HEAD + "[channels.fb]\nplatform = 3\n")
    assert ("SP005", "channels.fb.platform", "3 is not a string") == (
        found.code,
        found.path,
        found.message,
    )


def test_a_string_is_not_taken_for_a_list() -> None:
    assert [("SP005", "objectives.aw.supports")] == problems(
        HEAD + "[objectives.aw]\ntitle = 'x'\nsupports = 'brand'\n"
    )


def test_a_boolean_is_not_taken_for_a_number() -> None:
    assert [("SP005", "objectives.aw.target.value")] == problems(
        HEAD + "[objectives.aw]\ntitle = 'x'\ntarget = { value = true, unit = 'likes' }\n"
    )


def test_enum_value_near_miss_gets_a_suggestion() -> None:
    found = only(HEAD.replace('name = "Demo"', 'name = "Demo"\nreach = "natonal"'))
    assert ("SP006", "plan.reach", 'did you mean "national"?') == (
        found.code,
        found.path,
        found.hint,
    )


def test_bad_id_suggests_a_slug() -> None:
    found = only(HEAD + '[channels."Face Book"]\nplatform = "facebook"\n')
    assert ("SP007", 'channels."Face Book"', 'did you mean "face_book"?') == (
        found.code,
        found.path,
        found.hint,
    )


def test_an_id_with_a_trailing_newline_is_not_an_id() -> None:
    found = only(HEAD + '[channels."fb\\n"]\nplatform = "facebook"\n')
    assert "SP007" == found.code


def test_bad_duration_names_the_accepted_spellings() -> None:
    found = only(HEAD + "[engagement.fb]\nresponse_time = 'soon'\n")
    assert ("engagement.fb.response_time", True) == (found.path, "30 min" in found.message)


def test_out_of_range_share_is_located_on_its_field() -> None:
    assert [("SP006", "content.pillars.fun.share")] == problems(
        HEAD + "[content.pillars.fun]\ntheme = 't'\nshare = 150\n"
    )


def test_calendar_problems_name_the_entry_index() -> None:
    text = HEAD + "[[calendar]]\ndate = 2027-01-01\nchannel = 'fb'\ntitle = 'a'\n"
    text += "[[calendar]]\ndate = 'tomorrow'\nchannel = 'fb'\ntitle = 'b'\n"
    assert [("SP006", "calendar[1].date")] == problems(text)


def test_every_problem_is_reported_at_once() -> None:
    text = HEAD + "reach = 'x'\n[objectives.a]\nkind = 1\n[channels.b]\nplatform = 2\n"
    assert [
        ("SP006", "plan.reach"),
        ("SP004", "objectives.a.title"),
        ("SP005", "objectives.a.kind"),
        ("SP005", "channels.b.platform"),
    ] == problems(text)


def test_problems_carry_their_line() -> None:
    text = HEAD + "\n[objectives.aw]\ntitle = 'x'\nstage = 'nope'\n"
    assert 7 == only(text).line


def test_toml_syntax_error_gives_its_line() -> None:
    found = only(HEAD + "[objectives.aw\n")
    assert ("SP001", 4) == (found.code, found.line)


def test_json_syntax_error_gives_its_line() -> None:
    found = only('{\n  "format": "socialplan/1",\n  "plan": {,}\n}', "json")
    assert ("SP001", 3) == (found.code, found.line)


def test_json_duplicate_keys_are_refused() -> None:
    text = '{"format": "socialplan/1", "plan": {"name": "a", "name": "b"}}'
    assert [("SP001", "plan.name")] == problems(text, "json")


def test_json_problems_are_located_like_toml_ones() -> None:
    text = '{\n "format": "socialplan/1",\n "plan": {\n  "name": "a",\n  "start": "soon"\n }\n}'
    found = only(text, "json")
    assert ("plan.start", 5) == (found.path, found.line)


def test_bytes_that_are_not_utf8_are_a_located_error() -> None:
    found = only(HEAD.encode() + b"vision = '\xff'\n")
    assert ("SP001", 4) == (found.code, found.line)


def test_a_document_that_is_not_a_table_is_refused() -> None:
    assert [("SP005", "")] == problems("[1, 2]", "json")


def test_load_error_message_lists_every_problem_with_its_file(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "plan.toml"
    path.write_text(HEAD + "reach = 'x'\nstrat = 1\n", encoding="utf-8")
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.load(path)
    lines = str(info.value).splitlines()
    assert [f"{path}: 2 problems found", str(path)] == [lines[0], lines[1].split(":")[0].strip()]


def test_an_enum_given_a_number_is_a_wrong_type() -> None:
    assert [("SP005", "objectives.aw.stage")] == problems(
        HEAD + "[objectives.aw]\ntitle = 'x'\nstage = 1\n"
    )


def test_a_kpi_level_given_as_text_is_a_wrong_type() -> None:
    assert [("SP005", "metrics.m.level")] == problems(
        HEAD + "[metrics.m]\nname = 'x'\nlevel = '1'\n"
    )


def test_a_message_length_of_zero_is_an_invalid_value() -> None:
    assert [("SP006", "engagement.fb.message_length")] == problems(
        HEAD + "[engagement.fb]\nmessage_length = 0\n"
    )


@pytest.mark.parametrize("text", ["20270110", "2027-W02-7", "2027-010", "2027-01-10T00:00"])
def test_a_date_in_json_is_written_yyyy_mm_dd_only(text: str) -> None:
    document = {"format": "socialplan/1", "plan": {"name": "x", "start": text}}
    found = only(json.dumps(document), "json")
    expected = ("SP006", "plan.start", f'"{text}" is not a date such as 2027-06-30')
    assert expected == (found.code, found.path, found.message)


def test_a_long_value_is_cut_short_but_keeps_its_closing_quote() -> None:
    found = only(HEAD + f"[engagement.fb]\nresponse_time = '{'x' * 200}'\n")
    shown = found.message.split(" is not ")[0]
    assert '"' + "x" * 57 + '…" (200 characters)' == shown


def test_a_table_written_inside_plan_says_to_move_it() -> None:
    found = only(HEAD + "objectives = 3\n")
    assert ("SP003", "plan.objectives", True) == (
        found.code,
        found.path,
        "table of its own" in (found.hint or ""),
    )


def test_a_bad_id_does_not_hide_the_problems_of_its_entry() -> None:
    text = (
        '{"format": "socialplan/1", "plan": {"name": "Demo"}, "objectives": {"a b": {"title": 3}}}'
    )
    assert [("SP007", 'objectives."a b"'), ("SP005", 'objectives."a b".title')] == problems(
        text, "json"
    )


def test_a_bad_key_and_a_bad_value_of_one_severity_table_are_both_reported() -> None:
    assert [("SP006", 'check.severity."S P"'), ("SP006", 'check.severity."S P"')] == problems(
        HEAD + '[check.severity]\n"S P" = "fatal"\n'
    )


def test_a_value_out_of_range_is_reported_with_a_wrong_type_in_its_part() -> None:
    assert [("SP005", "influencers.a.name"), ("SP006", "influencers.a.followers")] == problems(
        HEAD + "[influencers.a]\nname = 3\nfollowers = -1\n"
    )


def test_an_unknown_key_does_not_hide_a_value_out_of_range() -> None:
    assert [("SP006", "influencers.a.followers"), ("SP003", "influencers.a.bogus")] == problems(
        HEAD + "[influencers.a]\nname = 'x'\nfollowers = -1\nbogus = 1\n"
    )


# Mistakes that do not touch each other: given a number, each puts a part of its own in a
# table, and is reported as the (code, path) pairs listed.
Mistake = Callable[[int], tuple[str, str, object, list[tuple[str, str]]]]
MISTAKES: list[Mistake] = [
    lambda i: ("objectives", f"Bad Id{i}", {"title": "t"}, [("SP007", f'objectives."Bad Id{i}"')]),
    lambda i: ("channels", f"c{i}", {"platform": i}, [("SP005", f"channels.c{i}.platform")]),
    lambda i: ("audiences", f"a{i}", {"name": "n", "nmae": 1}, [("SP003", f"audiences.a{i}.nmae")]),
    lambda i: (
        "objectives", f"o{i}", {"title": "t", "stage": "nowhere"},
        [("SP006", f"objectives.o{i}.stage")],
    ),
    lambda i: (
        "influencers", f"i{i}", {"name": "n", "followers": -1},
        [("SP006", f"influencers.i{i}.followers")],
    ),
    lambda i: (
        "business_goals", f"g{i}", {"description": "d"},
        [("SP004", f"business_goals.g{i}.statement")],
    ),
    lambda i: (
        "stakeholder_input", f"s{i}", {"method": "survey", "date": "someday"},
        [("SP006", f"stakeholder_input.s{i}.date")],
    ),
    # Two mistakes in one part: both are reported.
    lambda i: (
        "roles", f"R {i}", {"title": 3},
        [("SP007", f'roles."R {i}"'), ("SP005", f'roles."R {i}".title')],
    ),
    lambda i: (
        "influencers", f"j{i}", {"name": 3, "followers": -1},
        [("SP005", f"influencers.j{i}.name"), ("SP006", f"influencers.j{i}.followers")],
    ),
    # A code not shaped as one, added to [check]'s select or ignore (placed when added).
    lambda i: ("check", "select" if i % 2 else "ignore", f"XX-{i}", [("SP006", "")]),
    lambda i: ("check", "severity", f"sp-99{i:02}", [("SP006", f"check.severity.sp-99{i:02}")]),
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(MISTAKES), min_size=1, max_size=12), st.sampled_from(["toml", "json"])
)
def test_every_independent_mistake_of_a_document_is_reported(
    mistakes: list[Mistake], fmt: socialplan.Format
) -> None:
    document: dict[str, Any] = {"format": "socialplan/1", "plan": {"name": "Demo"}}
    expected: list[tuple[str, str]] = []
    for number, mistake in enumerate(mistakes):
        table, key, part, reported = mistake(number)
        if table == "check" and key == "severity":
            document.setdefault("check", {}).setdefault("severity", {})[part] = "info"
        elif table == "check":
            codes = document.setdefault("check", {}).setdefault(key, [])
            reported = [("SP006", f"check.{key}[{len(codes)}]")]
            codes.append(part)
        else:
            document.setdefault(table, {})[key] = part
        expected += reported
    text = tomli_w.dumps(document) if fmt == "toml" else json.dumps(document)
    assert sorted(expected) == sorted(problems(text, fmt))


# Numbers and durations beyond what a plan means --------------------------------------------

TARGET = HEAD + "[objectives.o]\ntitle = 'x'\ntarget = {{ value = {value}, unit = 'u' }}\n"
TOO_BIG = "a number of at most 1e15 in size"
TOO_SMALL = "0, or a number of at least 1e-15 in size"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9" * 400, TOO_BIG),
        ("-" + "9" * 400, TOO_BIG),
        ("1.7e308", TOO_BIG),
        ("-1.7e308", TOO_BIG),
        ("1_000_000_000_000_001", TOO_BIG),
        ("1e-300", TOO_SMALL),
        ("-5e-324", TOO_SMALL),
    ],
)
def test_a_number_beyond_the_range_of_a_plan_is_an_invalid_value(value: str, expected: str) -> None:
    found = only(TARGET.format(value=value))
    assert ("SP006", "objectives.o.target.value", 6, True) == (
        found.code,
        found.path,
        found.line,
        found.message.endswith(f" is not {expected}"),
    )


@pytest.mark.parametrize("value", ["0", "-0.0", "1e15", "-1_000_000_000_000_000", "1e-15", "0.5"])
def test_a_number_within_the_range_loads(value: str) -> None:
    target = socialplan.loads(TARGET.format(value=value)).objectives["o"].target
    assert target is not None
    assert float(value.replace("_", "")) == target.value


def test_a_huge_number_is_shown_cut_with_its_length() -> None:
    found = only(TARGET.format(value="9" * 400))
    assert f"{'9' * 59}… (400 characters) is not {TOO_BIG}" == found.message


def test_every_number_out_of_range_is_reported_at_once() -> None:
    text = HEAD + "[objectives.o]\ntitle = 'x'\n"
    text += f"target = {{ value = 1e300, unit = 'u', baseline = {'9' * 30} }}\n"
    text += "[influencers.i]\nname = 'x'\nfollowers = 10_000_000_000_000_000\n"
    text += "[resources.r]\nkind = 'budget'\nname = 'x'\ncost = 1e16\n"
    text += "[engagement.fb]\nmessage_length = 10_000_000_000_000_000\n"
    assert [
        ("SP006", "objectives.o.target.value"),
        ("SP006", "objectives.o.target.baseline"),
        ("SP006", "influencers.i.followers"),
        ("SP006", "resources.r.cost"),
        ("SP006", "engagement.fb.message_length"),
    ] == problems(text)


def test_a_huge_number_in_json_is_an_invalid_value() -> None:
    document: dict[str, Any] = {
        "format": "socialplan/1",
        "plan": {"name": "x"},
        "metrics": {"m": {"name": "M"}},
    }
    document["metrics"]["m"]["unit_value"] = 10**400
    assert [("SP006", "metrics.m.unit_value")] == problems(json.dumps(document), "json")


LONGEST = "a duration of at most 100 years"


@pytest.mark.parametrize(
    "duration", ["1000000000 weeks", "101 years", "99999999999 weeks", "9" * 400 + " weeks",
                 "P" + "9" * 400 + "W", "36501 days"],
)  # fmt: skip
def test_a_duration_longer_than_a_plan_means_is_an_invalid_value(duration: str) -> None:
    found = only(HEAD + f"[metrics.m]\nname = 'M'\ncadence = '{duration}'\n")
    assert ("SP006", "metrics.m.cadence", 6, True) == (
        found.code,
        found.path,
        found.line,
        found.message.endswith(f" is not {LONGEST}"),
    )


@pytest.mark.parametrize("duration", ["100 years", "36500 days", "P5214W", "5214 weeks"])
def test_a_duration_of_up_to_100_years_loads(duration: str) -> None:
    plan = socialplan.loads(HEAD + f"[metrics.m]\nname = 'M'\ncadence = '{duration}'\n")
    assert duration == str(plan.metrics["m"].cadence)


@pytest.mark.parametrize("frequency", ["9" * 400 + " per day", "3 per 1000 years"])
def test_a_frequency_beyond_a_plan_is_an_invalid_value(frequency: str) -> None:
    found = only(HEAD + f"[engagement.fb]\nposting_frequency = '{frequency}'\n")
    assert ("SP006", "engagement.fb.posting_frequency") == (found.code, found.path)


# Problems the parser finds but reads past: the rest of the document is still checked ------

JSON_HEAD = '{"format": "socialplan/1", "plan": {"name": "Demo"'
BAD_TITLE = '"objectives": {"o": {"title": 3}}'


def test_a_json_key_written_twice_does_not_hide_the_documents_other_problems() -> None:
    text = JSON_HEAD + ', "name": "Again"}, ' + BAD_TITLE + "}"
    assert [("SP001", "plan.name"), ("SP005", "objectives.o.title")] == problems(text, "json")


def test_a_lone_surrogate_does_not_hide_the_documents_other_problems() -> None:
    text = '{"format": "socialplan/1", "plan": {"name": "\\ud800"}, ' + BAD_TITLE + "}"
    assert [("SP006", "plan.name"), ("SP005", "objectives.o.title")] == problems(text, "json")


LONG = "9" * 5_000


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("toml", HEAD + f"[objectives.o]\ntitle = 3\ntarget = {{ value = {LONG}, unit = 'u' }}\n"),
        ("json", JSON_HEAD + "}, " + f'"objectives": {{"o": {{"title": 3, "target": '
         f'{{"value": {LONG}, "unit": "u"}}}}}}}}'),
    ],
)  # fmt: skip
def test_a_number_too_long_for_python_is_placed_on_it_beside_the_other_problems(
    fmt: socialplan.Format, text: str
) -> None:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text, fmt)
    title, value = caught.value.diagnostics
    start = text.index(LONG)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    assert [
        ("SP005", "objectives.o.title"),
        ("SP006", "objectives.o.target.value", line, column, column + 5_000),
    ] == [
        (title.code, title.path),
        (value.code, value.path, value.line, value.column, value.end_column),
    ]


def test_a_string_of_many_digits_is_a_string() -> None:
    plan = socialplan.loads(HEAD.replace('"Demo"', f'"{LONG}"'))
    assert LONG == plan.name


# A document that is not a plan's table says what a plan is.

PLAN_SHAPE = 'a plan is a table with format = "socialplan/1" and a [plan] table'


@pytest.mark.parametrize("text", ["[1, 2]", '"x"', "0", "null"])
def test_a_json_document_that_is_not_an_object_says_what_a_plan_is(text: str) -> None:
    found = only(text, "json")
    assert ("SP005", True) == (found.code, (found.hint or "").startswith(PLAN_SHAPE))


def test_json_that_is_not_an_object_read_without_a_format_says_it_is_json() -> None:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads("[1, 2]")
    (found,) = info.value.diagnostics
    assert (
        "SP001",
        'this is JSON, a list: a plan is an object such as {"format": "socialplan/1", '
        '"plan": {"name": "…"}}',
    ) == (found.code, found.hint)
