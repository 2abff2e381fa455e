"""Rule codes that name no rule are refused wherever they are given; repeated options add up."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
import tomli_w
from hypothesis import assume, given
from hypothesis import strategies as st

import socialplan
from helpers import HEAD, MISALIGNED, Write, run
from socialplan import CheckSettings, Plan
from socialplan._cli import main
from socialplan.rules import RULES, Selection, all_rules

PLAN = socialplan.loads(MISALIGNED)
NEAR = 'did you mean "SP205"?'


def codes_found(args: list[str], capsys: pytest.CaptureFixture[str]) -> set[str]:
    _, out, _ = run([*args, "--format", "json"], capsys)
    return {d["code"] for d in json.loads(out)["diagnostics"]}


def load_problems(text: str) -> list[tuple[str, str, str | None]]:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    return [(d.code, d.path, d.hint) for d in info.value.diagnostics]


def check_problems(text: str) -> list[tuple[str, str, str | None]]:
    """The problems of the plan *text*'s own [check] table: it loads, and validation says."""
    report = socialplan.validate(socialplan.loads(text))
    return [(d.code, d.path, d.hint) for d in report if d.path.startswith("check")]


# The command line.


def test_an_unknown_code_to_select_is_a_usage_error_with_the_near_miss(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["check", write("plan.toml", MISALIGNED), "--select", "SP2O5"], capsys)
    assert (2, "", True, True) == (code, out, '"SP2O5"' in err, NEAR in err)


def test_a_word_that_is_not_a_code_to_select_is_a_usage_error(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", write("plan.toml", MISALIGNED), "--select", "nonsense"], capsys)
    assert (2, True) == (code, '"nonsense" is not the code or prefix of any rule' in err)


def test_an_unknown_code_to_ignore_is_a_usage_error(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", write("plan.toml", MISALIGNED), "--ignore", "SP1,SP2O5"], capsys)
    assert (2, True) == (code, NEAR in err)


def test_every_unknown_code_of_the_command_line_is_named_at_once(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    _, _, err = run(["check", path, "--select", "SP999", "--ignore", "XX1"], capsys)
    assert (True, True) == ('"SP999"' in err, '"XX1"' in err)


def test_load_error_codes_cannot_be_selected(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", write("plan.toml", MISALIGNED), "--select", "SP0"], capsys)
    assert (2, True) == (code, "load errors" in err)


def test_repeated_selects_add_up(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("plan.toml", MISALIGNED)
    assert {"SP101", "SP202"} == codes_found(
        ["check", path, "--select", "SP101", "--select", "SP202"], capsys
    )


def test_repeated_ignores_add_up(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("plan.toml", MISALIGNED)
    found = codes_found(["check", path, "--ignore", "SP101", "--ignore", "SP2"], capsys)
    assert (False, False) == ("SP101" in found, "SP202" in found)


def test_an_unknown_code_in_pyproject_names_the_file_the_key_and_the_near_miss(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = write("pyproject.toml", '[tool.socialplan]\nselect = ["SP2O5"]\n')
    code, _, err = run(["check", write("plan.toml", MISALIGNED)], capsys)
    assert (2, True, True, True) == (
        code,
        settings in err,
        'tool.socialplan.select[0]: "SP2O5" is not' in err,
        NEAR in err,
    )


def test_an_unknown_severity_key_in_pyproject_is_a_usage_error(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pyproject.toml", '[tool.socialplan.severity]\nSP999 = "error"\n')
    code, _, err = run(["check", write("plan.toml", MISALIGNED)], capsys)
    assert (2, True) == (code, "tool.socialplan.severity.SP999" in err)


def test_lower_case_codes_in_pyproject_select_as_upper_case_ones(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pyproject.toml", '[tool.socialplan]\nselect = ["sp101"]\n')
    assert {"SP101"} == codes_found(["check", write("plan.toml", MISALIGNED)], capsys)


def test_pyproject_settings_name_a_code_of_no_rule_with_their_other_problems(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pyproject.toml", '[tool.socialplan]\nselect = ["SP250", "S P"]\nstrict = "yes"\n')
    code, _, err = run(["check", write("plan.toml", MISALIGNED)], capsys)
    assert (2, [True, True, True]) == (
        code,
        [
            'tool.socialplan.select[0]: "SP250" is not the code or prefix of any rule' in err,
            'tool.socialplan.select[1]: "S P" is not a rule code or prefix' in err,
            'tool.socialplan.strict: "yes" is not true or false' in err,
        ],
    )


def test_the_markdown_page_of_an_unknown_code_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["rules", "--format", "markdown", "SP2O5"], capsys)
    assert (2, "", True) == (code, out, NEAR in err)


# A plan's [check] table.


def test_an_unknown_code_in_check_is_a_load_error_with_the_others() -> None:
    text = HEAD + 'reach = "regional"\n[check]\nselect = ["SP101", "SP2O5"]\n'
    assert [
        ("SP006", "plan.reach", None),
        ("SP006", "check.select[1]", NEAR),
    ] == [(c, p, h if p.startswith("check") else None) for c, p, h in load_problems(text)]


def test_an_unknown_code_to_ignore_in_check_is_a_validation_error() -> None:
    assert [("SP006", "check.ignore[0]")] == [
        (c, p) for c, p, _ in check_problems(HEAD + '[check]\nignore = ["nonsense"]\n')
    ]


def test_an_unknown_severity_key_in_check_is_a_load_error() -> None:
    assert [("SP006", "check.severity.SP2O5", NEAR)] == load_problems(
        HEAD + '[check.severity]\nSP2O5 = "error"\n'
    )


def test_a_load_error_code_in_check_is_a_validation_error_saying_why() -> None:
    ((code, path, hint),) = check_problems(HEAD + '[check]\nignore = ["SP003"]\n')
    assert ("SP006", "check.ignore[0]", True) == (code, path, "load errors" in (hint or ""))


def test_a_code_shaped_as_one_that_names_no_rule_loads_and_is_a_validation_error() -> None:
    plan = socialplan.loads(HEAD + '[check]\nselect = ["SP101", "SP250"]\n')
    assert [
        (
            "SP006",
            "error",
            "check.select[1]",
            '"SP250" is not the code or prefix of any rule',
            'did you mean "SP205"?',
        )
    ] == [(d.code, str(d.severity), d.path, d.message, d.hint) for d in socialplan.validate(plan)]


def test_every_unknown_code_of_check_is_reported_with_the_other_rules_findings() -> None:
    text = MISALIGNED + '[check]\nignore = ["ACME101", "SP7"]\n[check.severity]\nACME = "info"\n'
    found = socialplan.validate(socialplan.loads(text))
    assert (
        [("SP006", "check.ignore[0]"), ("SP006", "check.severity.ACME")],
        True,
    ) == (
        [(d.code, d.path) for d in found if d.code == "SP006"],
        "SP101" in found.codes(),
    )


def test_check_shows_an_unknown_code_of_check_at_its_place_and_exits_1(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", HEAD + '[check]\nselect = ["SP101", "SP250"]\n')
    code, out, _ = run(["check", path], capsys)
    expected = (
        f'{path}:5:20: SP006 check.select[1]: "SP250" is not the code or prefix of any rule '
        '(did you mean "SP205"?)'
    )
    assert (1, True) == (code, expected in out)


@given(
    st.lists(
        st.sampled_from(["ACME101", "XX", "SP250", "SP003", "sp999", "nonsense"]),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from(["select", "ignore", "severity"]),
    st.sampled_from(["toml", "json"]),
)
def test_a_plan_naming_rules_that_do_not_exist_loads_and_validation_names_each(
    codes: list[str], key: str, fmt: socialplan.Format
) -> None:
    codes = list(dict.fromkeys(codes))
    table: object = dict.fromkeys(codes, "info") if key == "severity" else codes
    document = {"format": "socialplan/1", "plan": {"name": "Demo"}, "check": {key: table}}
    text = json.dumps(document) if fmt == "json" else tomli_w.dumps(document)
    places = [
        f"check.{key}.{c}" if key == "severity" else f"check.{key}[{i}]"
        for i, c in enumerate(codes)
    ]
    found = socialplan.validate(socialplan.loads(text, fmt))
    assert sorted(places) == sorted(d.path for d in found if d.code == "SP006")


def test_lower_case_codes_in_check_select_and_set_severities() -> None:
    plan = socialplan.loads(
        MISALIGNED + '[check]\nselect = ["sp101"]\nseverity = { sp1 = "info" }\n'
    )
    assert [("SP101", "info")] == [(d.code, str(d.severity)) for d in socialplan.validate(plan)]


def test_a_severity_key_written_twice_in_two_cases_is_a_load_error() -> None:
    assert [("SP006", "check.severity.SP1")] == [
        (c, p)
        for c, p, _ in load_problems(HEAD + '[check.severity]\nsp1 = "info"\nSP1 = "error"\n')
    ]


# validate().


def test_validate_refuses_an_unknown_code_to_select_naming_the_near_miss() -> None:
    with pytest.raises(ValueError, match=r'select\[0\]: "SP2O5" .*did you mean "SP205"\?'):
        socialplan.validate(PLAN, select=["SP2O5"])


def test_validate_refuses_an_unknown_code_to_ignore() -> None:
    with pytest.raises(ValueError, match=r'ignore\[1\]: "nonsense"'):
        socialplan.validate(PLAN, ignore=["SP1", "nonsense"])


def test_validate_refuses_an_unknown_severity_key() -> None:
    with pytest.raises(ValueError, match=r'severity\.SP2O5: "SP2O5"'):
        socialplan.validate(PLAN, severity={"SP2O5": "error"})


def test_validate_refuses_a_severity_that_is_not_one() -> None:
    with pytest.raises(ValueError, match=r'severity\.SP2: "eror" .*did you mean "error"\?'):
        socialplan.validate(PLAN, severity={"SP2": "eror"})


def test_validate_refuses_a_string_for_a_list_of_codes() -> None:
    with pytest.raises(TypeError, match="a list of rule codes"):
        socialplan.validate(PLAN, select="SP101")


@pytest.mark.parametrize(
    "arguments", [{"select": ["SP1", 3]}, {"ignore": [None]}, {"severity": {2: "error"}}]
)
def test_validate_refuses_a_code_that_is_not_a_string(arguments: dict[str, object]) -> None:
    with pytest.raises(TypeError, match="rule codes are strings"):
        socialplan.validate(PLAN, **arguments)  # type: ignore[arg-type]  # codes that are no strings


def test_validate_refuses_unknown_codes_in_the_project_settings() -> None:
    with pytest.raises(ValueError, match=r'settings\.ignore\[0\]: "SP2O5"'):
        socialplan.validate(PLAN, settings=Selection(ignore=("SP2O5",)))


def test_validate_takes_lower_case_codes() -> None:
    assert ["SP101"] == socialplan.validate(PLAN, select=["sp101"]).codes()


def test_validate_reports_an_unknown_code_of_a_plan_made_in_python() -> None:
    plan = Plan(name="Demo", check=CheckSettings(select=("SP2O5",)))
    assert [("SP006", "check.select[0]", NEAR)] == [
        (d.code, d.path, d.hint) for d in socialplan.validate(plan)
    ]


CHOSEN = [r.code for r in all_rules() if not r.code.startswith("SP0")]


@given(st.sampled_from(CHOSEN), st.integers(1, 5), st.booleans())
def test_every_prefix_of_a_rule_code_in_either_case_selects_that_rule(
    code: str, length: int, lower: bool
) -> None:
    prefix = code[:length].lower() if lower else code[:length]
    assert Selection(select=(prefix,)).selects(code)
    socialplan.validate(PLAN, select=[prefix], ignore=[prefix], severity={prefix: "info"})


@given(st.text(min_size=1))
def test_a_text_that_is_no_prefix_of_a_rule_code_is_refused(text: str) -> None:
    assume(not text.isascii() or not any(code.startswith(text.upper()) for code in RULES))
    with pytest.raises(ValueError, match="select"):
        socialplan.validate(PLAN, select=[text])


# A code far longer than any code could be: no near-miss search, the echo is cut. Each
# judges 20,000 characters: every swap of two of them, as before, is 400 MB.

LONG = "z" * 20_000
LONG_SHOWN = '"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz…" (20,000 characters)'


def peak_memory(action: Callable[[], object]) -> int:
    """The most memory *action* had allocated at once, in bytes."""
    import tracemalloc

    action()  # what it imports the first time is not measured
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_judging_a_very_long_code_takes_memory_in_proportion_to_its_length() -> None:
    from socialplan.rules._engine import code_problem

    assert peak_memory(lambda: code_problem(LONG)) < 20 * len(LONG)


def test_a_very_long_code_to_select_is_refused_with_its_echo_cut(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["check", write("plan.toml", MISALIGNED), "--select", LONG]
    peak = peak_memory(lambda: main(argv))
    code, _, err = run(argv, capsys)
    expected = (
        f"socialplan: error: --select: {LONG_SHOWN} is not the code or prefix of any rule "
        "(`socialplan rules` lists them)\n"
    )
    assert (2, expected, True) == (code, err.splitlines(keepends=True)[-1], peak < 50_000_000)


def test_a_very_long_code_in_pyproject_is_refused_with_its_echo_cut(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pyproject.toml", f'[tool.socialplan]\nselect = ["{LONG}"]\n')
    argv = ["check", write("plan.toml", MISALIGNED)]
    peak = peak_memory(lambda: main(argv))
    code, _, err = run(argv, capsys)
    assert (2, True, True, True) == (
        code,
        f"tool.socialplan.select[0]: {LONG_SHOWN} is not the code" in err,
        len(err) < 1000,
        peak < 50_000_000,
    )


def test_a_very_long_code_in_check_is_an_error_with_its_echo_cut() -> None:
    plan = socialplan.loads(HEAD + f'[check]\nselect = ["{LONG}"]\n')
    peak = peak_memory(lambda: socialplan.validate(plan))
    assert ([("check.select[0]", f"{LONG_SHOWN} is not the code or prefix of any rule")], True) == (
        [(d.path, d.message) for d in socialplan.validate(plan) if d.code == "SP006"],
        peak < 50_000_000,
    )


def test_a_code_to_select_is_echoed_as_written_not_upper_cased(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["check", write("plan.toml", MISALIGNED), "--select", "sp2o5\x1b[2J"], capsys
    )
    expected = (
        'socialplan: error: --select: "sp2o5\\u001b[2J" is not a rule code or prefix such as '
        '"SP205" or "SP2"\n'
    )
    assert (2, expected) == (code, err)


def test_lower_case_codes_on_the_command_line_still_select(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    assert {"SP101"} == codes_found(["check", path, "--select", "sp101"], capsys)


def test_the_page_of_an_unknown_code_names_the_near_miss_as_select_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["rules", "SP999"], capsys)
    expected = (
        'socialplan: error: "SP999" is not the code or prefix of any rule (did you mean "SP9"?)\n'
    )
    assert (2, "", expected) == (code, out, err)


def test_the_page_of_a_very_long_code_is_refused_with_its_echo_cut(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(["rules", LONG], capsys)
    expected = (
        f"socialplan: error: {LONG_SHOWN} is not the code or prefix of any rule "
        "(`socialplan rules` lists them)\n"
    )
    assert (2, expected) == (code, err)


# An empty selection: a usage error on the command line, a located problem in a file, and
# in Python (where `select=[]` can be meant) no rule at all.


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("value", ["", ",", " , "])
def test_an_option_naming_no_code_is_a_usage_error_naming_it(
    option: str, value: str, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", write("plan.toml", MISALIGNED), option, value])
    expected = (
        f'socialplan check: error: argument {option}: "{value}" names no rule code '
        "(give codes or prefixes such as SP2,SP701)"
    )
    assert (2, expected) == (exited.value.code, capsys.readouterr().err.splitlines()[-1])


def test_an_empty_select_in_pyproject_is_refused_at_its_line(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = write("pyproject.toml", "[tool.socialplan]\nselect = []\n")
    code, _, err = run(["check", write("plan.toml", MISALIGNED)], capsys)
    assert (2, f"bad settings in {settings}:", True) == (
        code,
        err.splitlines()[0].removeprefix("socialplan: error: "),
        "tool.socialplan.select: an empty list is not a list naming the rules to run "
        "(remove the key to run every rule)" in err,
    )


def test_an_empty_select_in_check_is_a_load_error_at_its_place() -> None:
    assert [("SP006", "check.select", "remove the key to run every rule")] == load_problems(
        HEAD + "[check]\nselect = []\n"
    )


def test_an_empty_select_in_check_of_json_is_a_load_error_at_its_place() -> None:
    text = json.dumps({"format": "socialplan/1", "plan": {"name": "Demo"}, "check": {"select": []}})
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text)
    assert [("SP006", "check.select", 1)] == [
        (d.code, d.path, d.line) for d in info.value.diagnostics
    ]


def test_an_empty_ignore_in_a_file_is_no_problem() -> None:
    assert [] == check_problems(HEAD + "[check]\nignore = []\n")


def test_validate_with_an_empty_select_runs_no_rule() -> None:
    assert ([], True) == (
        socialplan.validate(PLAN, select=[]).codes(),
        len(socialplan.validate(PLAN)) > 0,
    )


# Arguments of the wrong kind from Python: each read once, or a TypeError saying what is expected.


@pytest.mark.parametrize("make", [iter, lambda codes: (c for c in codes), frozenset])
def test_validate_reads_a_one_shot_iterable_of_codes_to_select_once(
    make: Callable[[list[str]], object],
) -> None:
    assert ["SP101"] == socialplan.validate(PLAN, select=make(["SP101"])).codes()  # type: ignore[arg-type]


def test_validate_reads_a_one_shot_iterable_of_codes_to_ignore_once() -> None:
    found = socialplan.validate(PLAN, ignore=iter(["SP101"])).codes()
    assert (False, True) == ("SP101" in found, "SP202" in found)


def test_validate_checks_the_codes_of_a_one_shot_iterable() -> None:
    with pytest.raises(ValueError, match=r'select\[0\]: "SP2O5"'):
        socialplan.validate(PLAN, select=iter(["SP2O5"]))


@pytest.mark.parametrize("name", ["select", "ignore"])
def test_a_selection_refuses_a_string_for_a_list_of_codes(name: str) -> None:
    with pytest.raises(TypeError) as info:
        Selection(**{name: "SP808"})  # type: ignore[arg-type]
    assert f"{name}: a list of rule codes or prefixes such as ['SP808'], not a string" == str(
        info.value
    )


def test_a_selection_refuses_a_code_that_is_not_a_string() -> None:
    with pytest.raises(TypeError, match="select: rule codes are strings, not 3"):
        Selection(select=["SP1", 3])  # type: ignore[list-item]


def test_a_selection_of_a_one_shot_iterable_keeps_every_code() -> None:
    assert ("SP1", "SP2") == Selection(select=iter(["sp1", "SP2"])).select


def test_validate_refuses_settings_that_are_not_a_selection() -> None:
    with pytest.raises(TypeError) as info:
        socialplan.validate(PLAN, settings={"select": ["SP1"]})  # type: ignore[arg-type]
    assert (
        "settings: a socialplan.rules.Selection (as project_settings() gives), not a dict"
        == str(info.value)
    )


def test_validate_refuses_a_severity_that_is_not_a_table() -> None:
    with pytest.raises(TypeError, match="severity: a mapping of rule codes or prefixes"):
        socialplan.validate(PLAN, severity=[("SP1", "info")])  # type: ignore[arg-type]
