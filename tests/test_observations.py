"""Observations: measured values loaded from CSV, JSON, TOML or records, checked against a plan."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from random import Random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from socialplan import observations as obs
from socialplan.observations import Observation
from socialplan.testing import observations, plans

PLAN = socialplan.loads(
    """
format = "socialplan/1"
[plan]
name = "Demo"
[channels.fb]
platform = "facebook"
[channels.ig]
platform = "instagram"
[channels.tw]
platform = "twitter"
[metrics.followers]
name = "Followers"
channels = ["fb", "ig"]
[metrics.leads]
name = "Leads"
"""
)

HEADER = "metric,date,value,channel\n"
MARCH_1 = dt.date(2027, 3, 1)

Problem = tuple[str, int | None, str, str | None]  # code, line, path, hint


def problems(text: str | bytes, fmt: obs.ObservationFormat = "csv") -> list[Problem]:
    with pytest.raises(socialplan.LoadError) as info:
        obs.loads(text, PLAN, fmt)
    return [(d.code, d.line, d.path, d.hint) for d in info.value.diagnostics]


def only(text: str | bytes, fmt: obs.ObservationFormat = "csv") -> socialplan.Diagnostic:
    with pytest.raises(socialplan.LoadError) as info:
        obs.loads(text, PLAN, fmt)
    (diagnostic,) = info.value.diagnostics
    return diagnostic


def seen(
    metric: str, day: int, value: float, channel: str | None = None, note: str | None = None
) -> Observation:
    return Observation(
        metric=metric, date=dt.date(2027, 3, day), value=value, channel=channel, note=note
    )


# --- What loads --------------------------------------------------------------------------------


def test_a_csv_file_loads_with_and_without_channels() -> None:
    text = HEADER + "followers,2027-03-01,1200,fb\nleads,2027-03-01,4,\n"
    assert (seen("followers", 1, 1200, "fb"), seen("leads", 1, 4)) == obs.loads(text, PLAN)


def test_columns_come_in_any_order_and_channel_and_note_are_optional() -> None:
    text = "value,note,date,metric\n12.5,launch week,2027-03-02,leads\n"
    assert (seen("leads", 2, 12.5, note="launch week"),) == obs.loads(text, PLAN)


def test_whole_numbers_load_as_int_and_decimals_as_float() -> None:
    loaded = obs.loads("metric,date,value\nleads,2027-03-01,4\nleads,2027-03-02,4.0\n", PLAN)
    assert [int, float] == [type(o.value) for o in loaded]


def test_a_bom_crlf_blank_lines_and_padded_cells_are_tolerated() -> None:
    text = "\ufeffmetric, date, value\r\n\r\nleads , 2027-03-01 , 4\r\n  \r\n"
    assert (seen("leads", 1, 4),) == obs.loads(text.encode("utf-8"), PLAN)


def test_a_header_without_rows_is_no_observations() -> None:
    assert () == obs.loads(HEADER, PLAN)


def test_a_metric_without_channels_is_accepted_on_any_channel_of_the_plan() -> None:
    assert (seen("leads", 1, 4, "tw"),) == obs.loads(HEADER + "leads,2027-03-01,4,tw\n", PLAN)


def test_the_result_is_sorted_by_metric_date_and_channel() -> None:
    text = HEADER + (
        "leads,2027-03-01,4,\n"
        "followers,2027-03-02,10,ig\n"
        "followers,2027-03-02,20,\n"
        "followers,2027-03-01,30,fb\n"
    )
    expected = (
        seen("followers", 1, 30, "fb"),
        seen("followers", 2, 20),
        seen("followers", 2, 10, "ig"),
        seen("leads", 1, 4),
    )
    assert expected == obs.loads(text, PLAN)


def test_json_observations_load() -> None:
    text = '{"observations": [{"metric": "followers", "date": "2027-03-01", "value": 1200,'
    text += ' "channel": "fb", "note": "after the contest"}]}'
    assert (seen("followers", 1, 1200, "fb", "after the contest"),) == obs.loads(text, PLAN, "json")


def test_toml_dates_may_be_native_dates_or_strings() -> None:
    text = (
        '[[observations]]\nmetric = "leads"\ndate = 2027-03-01\nvalue = 4\n'
        '[[observations]]\nmetric = "leads"\ndate = "2027-03-02"\nvalue = 5\n'
    )
    assert (seen("leads", 1, 4), seen("leads", 2, 5)) == obs.loads(text, PLAN, "toml")


def test_records_load_with_dates_or_iso_strings() -> None:
    records = [
        {"metric": "leads", "date": "2027-03-02", "value": 5},
        {"metric": "leads", "date": MARCH_1, "value": 4, "channel": None},
    ]
    assert (seen("leads", 1, 4), seen("leads", 2, 5)) == obs.from_records(records, PLAN)


def test_load_reads_the_format_from_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "season.json"
    path.write_text('{"observations": [{"metric": "leads", "date": "2027-03-01", "value": 4}]}')
    assert (seen("leads", 1, 4),) == obs.load(path, PLAN)


def test_load_refuses_an_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "season.xlsx"
    path.write_text(HEADER)
    with pytest.raises(ValueError, match=r"\.csv, \.json or \.toml"):
        obs.load(path, PLAN)


def test_load_names_the_file_in_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "season.csv"
    path.write_text(HEADER + "leads,2027-03-01,x,\n")
    with pytest.raises(socialplan.LoadError) as info:
        obs.load(path, PLAN)
    assert [str(path)] == [d.file for d in info.value.diagnostics]


# --- Bad CSV files: every problem located and explained -----------------------------------------


def test_unknown_metric_suggests_the_near_miss() -> None:
    assert [("SP009", 3, "observations[1].metric", 'did you mean "followers"?')] == problems(
        HEADER + "leads,2027-03-01,4,\nfolowers,2027-03-01,1200,fb\n"
    )


def test_unknown_metric_without_a_near_miss_lists_the_plans_metrics() -> None:
    found = only(HEADER + "revenue,2027-03-01,4,\n")
    expected = (
        "SP009",
        '"revenue" is not a metric of the plan',
        "the plan's metrics: followers, leads",
    )
    assert expected == (found.code, found.message, found.hint)


def test_unknown_channel_suggests_the_near_miss() -> None:
    assert [("SP010", 2, "observations[0].channel", 'did you mean "fb"?')] == problems(
        HEADER + "followers,2027-03-01,1200,FB\n"
    )


def test_a_channel_the_metric_is_not_taken_on_lists_the_metrics_channels() -> None:
    found = only(HEADER + "followers,2027-03-01,1200,tw\n")
    expected = (
        "SP010",
        2,
        "observations[0].channel",
        'the metric "followers" is not taken on "tw"',
        '"followers" is taken on fb, ig; correct the channel, '
        'or add "tw" to the metric\'s channels in the plan',
    )
    assert expected == (found.code, found.line, found.path, found.message, found.hint)


def test_a_date_that_does_not_exist_is_an_invalid_value() -> None:
    found = only(HEADER + "leads,2027-02-30,4,\n")
    expected = (
        "SP006",
        2,
        "observations[0].date",
        '"2027-02-30" is not a date such as 2027-06-30',
        "there is no such day",
    )
    assert expected == (found.code, found.line, found.path, found.message, found.hint)


def test_a_date_in_another_shape_asks_for_iso_dates() -> None:
    assert [("SP006", 2, "observations[0].date", "write dates as YYYY-MM-DD")] == problems(
        HEADER + "leads,01/03/2027,4,\n"
    )


@pytest.mark.parametrize(
    "text", ["20270301", "2027-W09-1", "2027-060", "2027-03-01T00:00", "２０２７-03-01"]
)
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_only_yyyy_mm_dd_is_a_date(text: str, fmt: obs.ObservationFormat) -> None:
    if fmt == "csv":
        document = HEADER + f"leads,{text},4,\n"
    else:
        document = json.dumps({"observations": [{"metric": "leads", "date": text, "value": 4}]})
    found = only(document, fmt)
    expected = ("SP006", "observations[0].date", "write dates as YYYY-MM-DD")
    assert expected == (found.code, found.path, found.hint)


def test_a_value_that_is_not_a_number_is_a_wrong_type() -> None:
    found = only(HEADER + "leads,2027-03-01,four,\n")
    expected = (
        "SP005",
        2,
        "observations[0].value",
        '"four" is not a number',
        "expected a number with a dot for decimals, such as 1200 or 12.5",
    )
    assert expected == (found.code, found.line, found.path, found.message, found.hint)


def test_a_thousands_separator_is_refused_with_a_hint() -> None:
    hint = "write 1200: no thousands separators, and a dot for decimals"
    assert [("SP005", 2, "observations[0].value", hint)] == problems(
        HEADER + 'followers,2027-03-01,"1,200",fb\n'
    )


def test_a_decimal_comma_is_refused_with_a_hint() -> None:
    assert [("SP005", 2, "observations[0].value", "write 2.5: a dot for decimals")] == problems(
        HEADER + 'leads,2027-03-01,"2,5",\n'
    )


def test_a_unit_after_the_number_is_refused_with_a_hint() -> None:
    assert [("SP005", 2, "observations[0].value", "write the number alone: 12")] == problems(
        HEADER + "leads,2027-03-01,12%,\n"
    )


@pytest.mark.parametrize("value", ["nan", "inf", "-Infinity"])
def test_a_value_that_is_not_finite_is_an_invalid_value(value: str) -> None:
    found = only(HEADER + f"leads,2027-03-01,{value},\n")
    assert ("SP006", f'"{value}" is not a finite number') == (found.code, found.message)


@pytest.mark.parametrize("digits", [400, 5000])
def test_a_huge_value_is_located_and_the_other_problems_are_reported_too(digits: int) -> None:
    text = HEADER + f"leads,2027-03-01,{'9' * digits},\nleeds,2027-03-02,4,\n"
    found = problems(text)
    assert [
        ("SP006", 2, "observations[0].value", None),
        ("SP009", 3, "observations[1].metric", 'did you mean "leads"?'),
    ] == found


@pytest.mark.parametrize("value", ["1.7e308", "-1e16", "1e-300", "1e400"])
def test_a_value_beyond_the_range_of_a_plan_is_an_invalid_value(value: str) -> None:
    found = only(HEADER + f"leads,2027-03-01,{value},\n")
    assert ("SP006", "observations[0].value", True) == (
        found.code,
        found.path,
        found.message.startswith(f'"{value}" is not 0, or a number of at least 1e-15')
        or found.message.startswith(f'"{value}" is not a number of at most 1e15'),
    )


@pytest.mark.parametrize("value", ["1.7e308", "1e-300", str(10**400)])
def test_a_json_value_beyond_the_range_of_a_plan_is_an_invalid_value(value: str) -> None:
    text = f'{{"observations": [{{"metric": "leads", "date": "2027-03-01", "value": {value}}}]}}'
    assert ["SP006"] == [code for code, *_ in problems(text, "json")]


def test_an_empty_required_value_is_missing() -> None:
    assert [("SP004", 3, "observations[1].value", "expected a number")] == problems(
        HEADER + "leads,2027-03-01,4,\nleads,2027-03-02,,\n"
    )


def test_a_missing_column_is_reported_once_at_the_header() -> None:
    found = only("metric,date\nleads,2027-03-01\nleads,2027-03-02\n")
    expected = ("SP004", 1, "", 'required column "value" missing')
    assert expected == (found.code, found.line, found.path, found.message)


def test_an_unknown_column_suggests_the_near_miss() -> None:
    found = only("metric,date,value,chanel\nleads,2027-03-01,4,fb\n")
    expected = ("SP003", 1, "", 'unknown column "chanel"', 'did you mean "channel"?')
    assert expected == (found.code, found.line, found.path, found.message, found.hint)


def test_a_column_written_twice_is_a_syntax_error() -> None:
    found = only("metric,date,value,date\nleads,2027-03-01,4,2027-03-02\n")
    assert ("SP001", 1, 'the column "date" is written twice') == (
        found.code,
        found.line,
        found.message,
    )


def test_an_empty_column_without_a_name_is_tolerated() -> None:
    assert (seen("leads", 1, 4),) == obs.loads("metric,date,value,\nleads,2027-03-01,4,\n", PLAN)


def test_a_column_without_a_name_that_holds_values_is_unknown() -> None:
    found = only("metric,date,value,\nleads,2027-03-01,4,\nleads,2027-03-02,5,fb\n")
    expected = ("SP003", 3, "observations[1]", 'column 4 has no name, but holds "fb"')
    assert expected == (found.code, found.line, found.path, found.message)


def test_a_file_without_a_header_row_says_so() -> None:
    found = only("leads,2027-03-01,4\n")
    expected = ("SP004", 1, 'no header row: the first line is "leads,2027-03-01,4"')
    assert expected == (found.code, found.line, found.message)


def test_an_empty_file_has_no_header() -> None:
    assert [("SP004", 1, "", "write metric,date,value[,channel,note]")] == problems("\n")


def test_a_row_with_more_cells_than_columns_is_a_syntax_error() -> None:
    found = only("metric,date,value\nfollowers,2027-03-01,1,200\n")
    expected = ("SP001", 2, "observations[0]", "4 cells, but the header names 3 columns")
    assert expected == (found.code, found.line, found.path, found.message)


def test_an_unclosed_quote_points_at_the_line_it_opens() -> None:
    found = only(HEADER + 'leads,2027-03-01,4,\nleads,2027-03-02,5,"fb\nleads,2027-03-03,6,\n')
    assert ("SP001", 3, 'a quote (") opened on this line is never closed') == (
        found.code,
        found.line,
        found.hint,
    )


def test_a_duplicate_names_the_line_of_the_first() -> None:
    found = only(HEADER + "followers,2027-03-01,1200,fb\n\nfollowers,2027-03-01,1250,fb\n")
    expected = (
        "SP011",
        4,
        "observations[1]",
        'a second value for "followers" on 2027-03-01 on "fb"; the first is at line 2',
    )
    assert expected == (found.code, found.line, found.path, found.message)


def test_the_same_metric_and_date_on_other_channels_is_not_a_duplicate() -> None:
    text = (
        HEADER + "followers,2027-03-01,1,fb\nfollowers,2027-03-01,2,ig\nfollowers,2027-03-01,3,\n"
    )
    assert 3 == len(obs.loads(text, PLAN))


def test_bytes_that_are_not_utf8_are_a_syntax_error_at_their_line() -> None:
    found = only(HEADER.encode() + b"leads,2027-03-01,4,\nleads,2027-03-02,5,caf\xe9\n")
    expected = ("SP001", 3, "not UTF-8 text (byte 68 is 0xe9)")
    assert expected == (found.code, found.line, found.message)


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = HEADER + "leads,2027-03-01,4,\nfolowers,2027-03-01,1,fb\nleads,2027-03-02,x,\n"
    text += "followers,2027-13-01,2,ig\n"
    assert [
        ("SP009", 3, "observations[1].metric"),
        ("SP005", 4, "observations[2].value"),
        ("SP006", 5, "observations[3].date"),
    ] == [(code, line, path) for code, line, path, _ in problems(text)]


def test_one_row_with_several_problems_reports_each() -> None:
    assert [
        ("SP009", "observations[0].metric"),
        ("SP006", "observations[0].date"),
        ("SP010", "observations[0].channel"),
    ] == [(code, path) for code, _, path, _ in problems(HEADER + "leeds,2027-02-30,4,fbb\n")]


# --- Bad JSON and TOML files ------------------------------------------------------------------

JSON_HEAD = '{\n  "observations": [\n    {"metric": "leads", "date": "2027-03-01", "value": 4},\n'


def test_a_boolean_is_not_a_number_in_json() -> None:
    text = JSON_HEAD + '    {"metric": "leads",\n     "date": "2027-03-02",\n     "value": true}\n'
    assert [("SP005", 6, "observations[1].value", None)] == problems(text + "  ]\n}\n", "json")


def test_a_quoted_number_in_json_asks_for_the_number() -> None:
    text = JSON_HEAD + '    {"metric": "leads", "date": "2027-03-02", "value": "5"}\n  ]\n}\n'
    hint = "a number, not text: write 5 without quotes"
    assert [("SP005", 4, "observations[1].value", hint)] == problems(text, "json")


def test_nan_in_json_is_an_invalid_value() -> None:
    text = JSON_HEAD + '    {"metric": "leads", "date": "2027-03-02", "value": NaN}\n  ]\n}\n'
    assert [("SP006", 4, "observations[1].value", None)] == problems(text, "json")


def test_a_missing_json_key_points_at_its_record() -> None:
    text = JSON_HEAD + '    {\n      "metric": "leads",\n      "value": 5\n    }\n  ]\n}\n'
    expected = [("SP004", 4, "observations[1].date", "expected a date such as 2027-06-30")]
    assert expected == problems(text, "json")


def test_an_unknown_json_key_suggests_the_near_miss() -> None:
    text = JSON_HEAD + '    {"metric": "leads", "date": "2027-03-02", "valeu": 5}\n  ]\n}\n'
    assert [  # on one line, in the order of their columns: the record, then the key
        ("SP004", 4, "observations[1].value", "expected a number"),
        ("SP003", 4, "observations[1].valeu", 'did you mean "value"?'),
    ] == problems(text, "json")


def test_an_unknown_top_level_key_suggests_observations() -> None:
    assert [
        ("SP004", 1, "observations", "expected a list of observations"),  # the document's start
        ("SP003", 1, "observation", 'did you mean "observations"?'),
    ] == problems('{"observation": []}', "json")


def test_a_json_document_that_is_not_an_object_says_what_is_expected() -> None:
    found = only("[]", "json")
    assert ("SP005", 'an empty list is not an object with an "observations" list') == (
        found.code,
        found.message,
    )


def test_a_repeated_json_key_is_a_syntax_error_reported_with_the_records_other_problems() -> None:
    text = '{"observations": [{"metric": "leads", "metric": "x", "date": "2027-03-01"}]}'
    assert [("SP004", "observations[0].value"), ("SP001", "observations[0].metric")] == [
        (code, path) for code, _, path, _ in problems(text, "json")
    ]


def test_invalid_toml_is_a_syntax_error_at_its_line() -> None:
    found = only('[[observations]]\nmetric = "leads"\nvalue = \n', "toml")
    assert ("SP001", 3) == (found.code, found.line)


def test_a_boolean_is_not_a_number_in_toml() -> None:
    text = '[[observations]]\nmetric = "leads"\ndate = 2027-03-01\nvalue = 4\n\n'
    text += '[[observations]]\nmetric = "leads"\ndate = 2027-03-02\nvalue = false\n'
    assert [("SP005", 9, "observations[1].value", None)] == problems(text, "toml")


def test_a_toml_date_with_a_time_is_an_invalid_value() -> None:
    found = only(
        '[[observations]]\nmetric = "leads"\ndate = 2027-03-01T10:00:00\nvalue = 4\n', "toml"
    )
    assert ("SP006", 3, "observations[0].date") == (found.code, found.line, found.path)


def test_a_toml_unknown_channel_is_located_in_its_table() -> None:
    text = '[[observations]]\nmetric = "leads"\ndate = 2027-03-01\nvalue = 4\n\n'
    text += '[[observations]]\nmetric = "followers"\ndate = 2027-03-01\nvalue = 9\nchannel = "tw"\n'
    assert [("SP010", 10)] == [(code, line) for code, line, _, _ in problems(text, "toml")]


def test_a_missing_toml_key_points_at_its_table_not_at_the_next_one() -> None:
    text = '[[observations]]\nmetric = "leads"\nvalue = 4\n\n'
    text += '[[observations]]\nmetric = "leads"\ndate = 2027-03-01\nvalue = 5\n'
    assert [("SP004", 1, "observations[0].date")] == [
        (code, line, path) for code, line, path, _ in problems(text, "toml")
    ]


def test_a_toml_duplicate_names_the_line_of_the_first() -> None:
    record = '[[observations]]\nmetric = "leads"\ndate = 2027-03-01\nvalue = {}\n'
    found = only(record.format(4) + record.format(5), "toml")
    assert ("SP011", 5, "observations[1]") == (found.code, found.line, found.path)
    assert found.message.endswith("the first is at line 1")


# --- Records ----------------------------------------------------------------------------------


def test_records_report_paths_without_lines() -> None:
    with pytest.raises(socialplan.LoadError) as info:
        obs.from_records([{"metric": "leads", "date": MARCH_1, "value": True}], PLAN)
    assert [("SP005", None, "observations[0].value")] == [
        (d.code, d.line, d.path) for d in info.value.diagnostics
    ]


def test_a_record_that_is_not_a_mapping_is_a_wrong_type() -> None:
    with pytest.raises(socialplan.LoadError) as info:
        obs.from_records([("leads", MARCH_1, 4)], PLAN)  # type: ignore[list-item]  # a record that is no mapping
    assert [("SP005", "observations[0]")] == [(d.code, d.path) for d in info.value.diagnostics]


def test_a_duplicate_record_names_the_first_by_its_path() -> None:
    record = {"metric": "leads", "date": MARCH_1, "value": 4}
    with pytest.raises(socialplan.LoadError) as info:
        obs.from_records([record, record], PLAN)
    (found,) = info.value.diagnostics
    assert ("SP011", "observations[1]") == (found.code, found.path)
    assert found.message.endswith("the first is in observations[0]")


# --- Writing ----------------------------------------------------------------------------------


def test_dumps_writes_only_the_columns_in_use() -> None:
    written = obs.dumps([seen("leads", 2, 5), seen("followers", 1, 1.5, "fb")])
    assert "metric,date,value,channel\nfollowers,2027-03-01,1.5,fb\nleads,2027-03-02,5,\n" == (
        written
    )


def test_dumps_keeps_notes_from_running_as_spreadsheet_formulas() -> None:
    written = obs.dumps(
        [seen("leads", 1, 4, note="=HYPERLINK(1)"), seen("leads", 2, 5, note="a,b")]
    )
    expected = (
        'metric,date,value,note\nleads,2027-03-01,4,\'=HYPERLINK(1)\nleads,2027-03-02,5,"a,b"\n'
    )
    assert expected == written


@pytest.mark.parametrize("note", [" =1", "\u200b+1", "\ufeff@x", "\n-2"])
def test_dumps_keeps_notes_with_blanks_before_a_formula_from_running(note: str) -> None:
    (row,) = csv.DictReader(io.StringIO(obs.dumps([seen("leads", 1, 4, note=note)])))
    assert "'" == row["note"][:1]


@pytest.mark.parametrize(
    "note", ["=1+1", "'=1+1", "''-2", "'quoted'", "-", "\u200b+1", "'\ufeff@x", "\n-2"]
)
def test_escaped_notes_load_back_as_written(note: str) -> None:
    written = obs.dumps([seen("leads", 1, 4, note=note)])
    assert note == obs.loads(written, PLAN)[0].note


def test_the_public_names_are_those_documented() -> None:
    expected = [
        "COLUMNS",
        "Imported",
        "Observation",
        "ObservationFormat",
        "dump",
        "dumps",
        "format_of",
        "from_exports",
        "from_records",
        "load",
        "loads",
    ]
    assert (expected, []) == (obs.__all__, [n for n in expected if not hasattr(obs, n)])


@given(
    st.text(alphabet="=+-@\t\r\n '\u00a0\u200b\ufeff\uff1d\uff20ax1", min_size=1).filter(
        lambda note: not note.startswith("'")
    )
)
def test_a_note_is_quoted_exactly_when_the_calendar_export_quotes_the_same_text(
    note: str,
) -> None:
    """The two CSV writers agree on which text a spreadsheet would run as a formula."""
    from socialplan.export import safe_cell

    (row,) = csv.DictReader(io.StringIO(obs.dumps([seen("leads", 1, 4, note=note)])))
    assert safe_cell(note).startswith("'") == row["note"].startswith("'")


def test_reading_and_writing_observations_loads_only_the_layers_below() -> None:
    """Observations are input and output: they need the core, the model and io, nothing above."""
    code = (
        "import datetime as dt, sys, socialplan\n"
        "plan = socialplan.Plan(name='D', metrics={'leads': socialplan.Metric(name='Leads')})\n"
        "before = set(sys.modules)\n"
        "from socialplan import observations as obs\n"
        "seen = obs.Observation(metric='leads', date=dt.date(2027, 3, 1), value=4, note='=1')\n"
        "for fmt in ('csv', 'json', 'toml'):\n"
        "    assert obs.loads(obs.dumps([seen], fmt), plan, fmt) == (seen,)\n"
        "below = ('socialplan._core', 'socialplan._model', 'socialplan._io', obs.__name__)\n"
        "print(sorted(m for m in set(sys.modules) - before\n"
        "    if m.startswith('socialplan.') and not m.startswith(below)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert ("[]\n", "") == (done.stdout, done.stderr)


def test_dump_writes_the_format_of_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "season.toml"
    obs.dump([seen("leads", 1, 4)], path)
    expected = '[[observations]]\nmetric = "leads"\ndate = 2027-03-01\nvalue = 4\n'
    assert expected == path.read_text(encoding="utf-8")


# --- Properties -------------------------------------------------------------------------------

FAST = settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])


def _sorted(found: tuple[Observation, ...]) -> tuple[Observation, ...]:
    return tuple(sorted(found, key=lambda o: (o.metric, o.date, o.channel or "")))


@st.composite
def plans_with_observations(
    draw: st.DrawFn,
) -> tuple[socialplan.Plan, tuple[Observation, ...]]:
    plan = draw(plans(max_items=3))
    return plan, draw(observations(plan, max_size=8))


@FAST
@given(plans_with_observations())
def test_the_strategy_draws_observations_the_plan_accepts(
    drawn: tuple[socialplan.Plan, tuple[Observation, ...]],
) -> None:
    plan, found = drawn
    columns = [*obs.COLUMNS, "positive", "neutral", "negative", "keywords", "active", "influential"]
    records = [{key: getattr(o, key) for key in columns} for o in found]
    assert _sorted(found) == obs.from_records(records, plan)


@FAST
@given(plans_with_observations(), st.sampled_from(["csv", "json", "toml"]))
def test_dumps_then_loads_gives_the_same_observations(
    drawn: tuple[socialplan.Plan, tuple[Observation, ...]], fmt: obs.ObservationFormat
) -> None:
    plan, found = drawn
    assert _sorted(found) == obs.loads(obs.dumps(found, fmt), plan, fmt)


def _csv(found: list[Observation]) -> str:
    """A CSV file of *found*, rows in the order given, written by the csv module."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["metric", "date", "value", "channel", "note"])
    for o in found:
        writer.writerow([o.metric, o.date, repr(o.value), o.channel or "", o.note or ""])
    return out.getvalue()


@FAST
@given(plans_with_observations(), st.randoms(use_true_random=False))
def test_loading_does_not_depend_on_the_order_of_the_rows(
    drawn: tuple[socialplan.Plan, tuple[Observation, ...]], rng: Random
) -> None:
    plan, found = drawn
    shuffled = list(found)
    rng.shuffle(shuffled)
    assert obs.loads(_csv(list(found)), plan) == obs.loads(_csv(shuffled), plan)


@FAST
@given(plans_with_observations(), st.randoms(use_true_random=False))
def test_the_same_observations_in_any_order_are_written_the_same(
    drawn: tuple[socialplan.Plan, tuple[Observation, ...]], rng: Random
) -> None:
    _plan, found = drawn
    shuffled = list(found)
    rng.shuffle(shuffled)
    assert obs.dumps(found, "json") == obs.dumps(shuffled, "json")


@FAST
@given(plans_with_observations())
def test_every_unknown_metric_of_a_file_is_reported(
    drawn: tuple[socialplan.Plan, tuple[Observation, ...]],
) -> None:
    plan, found = drawn
    renamed = [Observation(metric="no-such-metric", date=o.date, value=o.value) for o in found]
    unique = {o.date for o in renamed}
    text = obs.dumps({o.date: o for o in renamed}.values())
    if not unique:
        assert () == obs.loads(text, plan)
        return
    with pytest.raises(socialplan.LoadError) as info:
        obs.loads(text, plan)
    assert ["SP009"] * len(unique) == [d.code for d in info.value.diagnostics]


JSON_OBSERVATIONS = '{"observations": [{"metric": "leads", "date": "2027-03-01", "value": 4}]}'
TOML_OBSERVATIONS = '# March\n[[observations]]\nmetric = "leads"\ndate = 2027-03-01\nvalue = 4\n'


@pytest.mark.parametrize(
    "text", [JSON_OBSERVATIONS, "\ufeff " + JSON_OBSERVATIONS, TOML_OBSERVATIONS]
)
def test_loads_without_a_format_tells_json_and_toml_from_csv(text: str) -> None:
    assert (seen("leads", 1, 4),) == obs.loads(text, PLAN)


def test_json_loaded_as_csv_says_it_looks_like_json() -> None:
    found = only(JSON_OBSERVATIONS, "csv")
    assert ("SP001", 1, 'this looks like JSON; pass format="json"') == (
        found.code,
        found.line,
        found.hint,
    )


def test_toml_loaded_as_csv_says_it_looks_like_toml() -> None:
    assert 'this looks like TOML; pass format="toml"' == only(TOML_OBSERVATIONS, "csv").hint


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("json", '{"observations": [{"metric": "leads", "date": "2027-03-01", "value": '
         + "9" * 5_000 + '}, {"metric": "lead", "date": "2027-03-02", "value": 1}]}'),
        ("toml", '[[observations]]\nmetric = "leads"\ndate = 2027-03-01\nvalue = '
         + "9" * 5_000 + '\n[[observations]]\nmetric = "lead"\ndate = 2027-03-02\nvalue = 1\n'),
    ],
)  # fmt: skip
def test_a_number_too_long_for_python_does_not_hide_a_documents_other_problems(
    fmt: obs.ObservationFormat, text: str
) -> None:
    assert [
        ("SP006", "observations[0].value"),
        ("SP009", "observations[1].metric"),
    ] == [(code, path) for code, _, path, _ in problems(text, fmt)]


def test_an_observations_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "observations.csv"
    path.write_text(HEADER + "leads,2027-03-01,4,\n" * 100, encoding="utf-8")
    with pytest.raises(socialplan.LoadError) as caught:
        obs.load(path, PLAN, limits=socialplan.Limits(max_bytes=1_000))
    (found,) = caught.value.diagnostics
    assert ("SP008", 1, 1, str(path)) == (found.code, found.line, found.column, found.file)


def test_observations_text_over_the_size_limit_is_refused() -> None:
    text = HEADER + "leads,2027-03-01,4,\n" * 100
    with pytest.raises(socialplan.LoadError) as caught:
        obs.loads(text, PLAN, limits=socialplan.Limits(max_bytes=1_000))
    assert ["SP008"] == [d.code for d in caught.value.diagnostics]


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_header_split_by_another_separator_asks_for_commas(separator: str) -> None:
    text = separator.join(["metric", "date", "value"]) + "\n"
    with pytest.raises(socialplan.LoadError) as info:
        obs.loads(text, PLAN, "csv")
    (found,) = info.value.diagnostics
    assert ("SP004", "separate the columns with commas: metric,date,value[,channel,note]") == (
        found.code,
        found.hint,
    )
