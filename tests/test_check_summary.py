"""`socialplan check` of many files: the closing summary, --statistics, --exit-zero, --quiet,
--output-file and --only-plans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import HEAD, MISALIGNED
from socialplan._cli import main

NOT_A_PLAN = "[planner]\nworkers = 4\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of three plans (two with an SP101 error, and an SP202 warning each with
    --select SP101,SP202) and a TOML file that is not a plan, the current folder."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.toml").write_text(MISALIGNED, encoding="utf-8")
    (tmp_path / "plans" / "b.toml").write_text(MISALIGNED, encoding="utf-8")
    (tmp_path / "plans" / "c.toml").write_text(HEAD, encoding="utf-8")
    (tmp_path / "planner.toml").write_text(NOT_A_PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_summary_closes_the_check_of_several_plans(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", "plans", "--select", "SP101,SP202"], capsys)
    assert (1, "Found 2 errors and 2 warnings in 2 of 3 plans") == (code, out.splitlines()[-1])


def test_the_summary_of_clean_plans_says_so(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["check", "plans/c.toml", "plans/c.toml", "plans", "--select", "SP1"], capsys
    )
    assert (1, "Found 2 errors in 2 of 3 plans") == (code, out.splitlines()[-1])


def test_one_file_named_has_no_summary(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "plans/c.toml"], capsys)
    assert (0, "  0 errors, 0 warnings, 0 info") == (code, out.splitlines()[-1])


def test_a_folder_of_one_plan_has_a_summary(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "plans" / "a.toml").unlink()
    (repo / "plans" / "b.toml").unlink()
    code, out, _ = run(["check", "plans"], capsys)
    assert (0, "No problems found in 1 plan") == (code, out.splitlines()[-1])


def test_statistics_count_the_findings_of_each_rule_the_most_frequent_first(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", "plans", "--select", "SP101,SP202", "--statistics"], capsys)
    expected = [
        "2  SP101  error    unknown-reference",
        "2  SP202  warning  vanity-metric",
        "Found 2 errors and 2 warnings in 2 of 3 plans",
    ]
    assert (1, expected) == (code, out.splitlines())


def test_statistics_as_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "plans", "--select", "SP101", "--statistics", "--format", "json"]
    code, out, _ = run(args, capsys)
    expected = [
        {
            "code": "SP101",
            "name": "unknown-reference",
            "severity": "error",
            "count": 2,
            "diagnostics": 2,
        }
    ]
    assert (1, expected) == (code, json.loads(out))


def test_statistics_in_a_format_for_ci_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", "plans", "--statistics", "--format", "github"], capsys)
    expected = "socialplan: error: --statistics is printed as text or json, not github\n"
    assert (2, expected) == (code, err)


def test_exit_zero_exits_0_on_errors_and_prints_the_same(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, failing, _ = run(["check", "plans"], capsys)
    code, out, _ = run(["check", "plans", "--exit-zero"], capsys)
    assert (0, failing) == (code, out)


def test_exit_zero_still_exits_2_for_a_file_that_cannot_be_read(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(["check", "plans", "missing.toml", "--exit-zero"], capsys)
    assert 2 == code


def test_quiet_prints_the_findings_alone(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "plans", "--select", "SP101", "--quiet"], capsys)
    expected = [
        f'plans/{name}.toml:11:13: SP101 metrics.likes.measures[0]: objective "nope" does not '
        "exist (add [objectives.nope])"
        for name in "ab"
    ]
    assert (1, expected) == (code, out.splitlines())


def test_output_file_holds_what_stdout_would(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, printed, _ = run(["check", "plans", "--format", "json"], capsys)
    code, out, _ = run(["check", "plans", "--format", "json", "--output-file", "out.json"], capsys)
    assert (1, "", printed) == (code, out, (repo / "out.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("target", ["plans/a.toml", "plans/../plans/b.toml"])
def test_output_file_is_never_a_plan_checked(
    target: str, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (repo / "plans" / "a.toml").read_bytes()
    code, _, err = run(["check", "plans", "--output-file", target], capsys)
    assert (2, "is the plan file read in this run", before) == (
        code,
        err[err.index("is the") :].split(":")[0],
        (repo / "plans" / "a.toml").read_bytes(),
    )


def test_only_plans_skips_a_file_named_that_is_not_a_plan(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--format", "json", "--only-plans", "planner.toml", "plans/c.toml"])
    files = [entry["file"] for entry in json.loads(capsys.readouterr().out)["files"]]
    assert (0, ["plans/c.toml"]) == (code, files)


def test_only_plans_with_no_plan_given_checks_nothing_and_passes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (0, "", "") == run(["check", "--only-plans", "planner.toml"], capsys)
