"""The command line: what it prints and what it exits with."""

from __future__ import annotations

import errno
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from socialplan._cli import main

HEAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\n'
GOOD = HEAD + '[business_goals.brand]\nstatement = "x"\n'
BAD = HEAD + 'reach = "natonal"\nstrat = 1\n'
# Loads, but a metric measures nothing (SP202 warning) and names a missing objective (SP101).
MISALIGNED = (
    HEAD
    + '[metrics.likes]\nname = "Likes"\nunit = "likes"\nlevel = 1\nsource = "x"\n'
    + 'cadence = "weekly"\nchannels = []\nmeasures = ["nope"]\n'
    + '[metrics.visits]\nname = "Visits"\nunit = "visits"\nlevel = 1\nsource = "x"\n'
    + 'cadence = "weekly"\n'
)

Write = Callable[[str, str], str]


@pytest.fixture
def write(tmp_path: Path) -> Write:
    def write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_check_of_a_clean_plan_exits_0_with_a_summary(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", GOOD)
    expected = f"{path}: Demo\n  1 business goal\n  0 errors, 0 warnings, 0 advice\n"
    assert (0, expected) == run(["check", path], capsys)


def test_check_of_a_plan_that_does_not_load_exits_1_listing_every_problem(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(["check", write("plan.toml", BAD)], capsys)
    lines = out.splitlines()
    assert (1, "could not be loaded", "  errors (2):", "  2 errors, 0 warnings, 0 advice") == (
        code,
        lines[0].rsplit(": ", 1)[1],
        lines[1],
        lines[-1],
    )


def test_check_groups_rule_findings_by_severity_with_lines(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    code, out = run(["check", path, "--select", "SP101,SP202"], capsys)
    assert (
        1,
        [
            "  errors (1):",
            f'    {path}:11: SP101 metrics.likes.measures[0]: objective "nope" does not exist '
            "(add [objectives.nope])",
            "  warnings (1):",
            f'    {path}:12: SP202 metrics.visits.measures: metric "visits" measures no objective '
            "(name the objectives it measures, or drop it)",
            "  1 error, 1 warning, 0 advice",
        ],
    ) == (code, out.splitlines()[2:])


def test_warnings_alone_exit_0(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(["check", write("plan.toml", MISALIGNED), "--ignore", "SP101"], capsys)
    assert 0 == code


def test_strict_makes_warnings_fail(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("plan.toml", MISALIGNED)
    code, _ = run(["check", path, "--ignore", "SP101", "--strict"], capsys)
    assert 1 == code


def test_pyproject_settings_apply_to_plans_below_them(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pyproject.toml", '[tool.socialplan]\nignore = ["SP1"]\n')
    code, out = run(["check", write("plan.toml", MISALIGNED), "--format", "json"], capsys)
    codes = {d["code"] for d in json.loads(out)["diagnostics"]}
    assert (0, False) == (code, "SP101" in codes)


def test_the_plans_own_check_table_overrides_pyproject(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pyproject.toml", '[tool.socialplan]\nselect = ["SP7"]\n')
    path = write("plan.toml", MISALIGNED + '[check]\nselect = ["SP202"]\n')
    _, out = run(["check", path, "--format", "json"], capsys)
    assert ["SP202"] == [d["code"] for d in json.loads(out)["diagnostics"]]


def test_bad_pyproject_settings_are_a_usage_error_naming_the_key(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pyproject.toml", '[tool.socialplan]\nselct = ["SP1"]\n')
    code = main(["check", write("plan.toml", GOOD)])
    err = capsys.readouterr().err
    assert (2, True, True) == (code, "tool.socialplan.selct" in err, '"select"' in err)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "pyproject.toml: tables and lists nest too deep to read"),
        ("9" * 5_000, "pyproject.toml: a number of more than 4,300 digits"),
    ],
)
def test_pyproject_settings_beyond_the_parser_are_a_usage_error(
    value: str, message: str, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pyproject.toml", f"[tool.socialplan]\nselect = {value}\n")
    code = main(["check", write("plan.toml", GOOD)])
    err = capsys.readouterr().err
    assert (2, True) == (code, message in err)


class _FullDisk(io.RawIOBase):
    """A stream on a full disk: every write fails, until *full* is set false."""

    full = True

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        return len(data)


@pytest.mark.parametrize("args", [["check"], ["export", "--to", "csv"], ["report"], ["trace"]])
def test_a_full_disk_on_stdout_is_an_error_exit_2_not_a_bug(
    args: list[str],
    write: Write,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    disk = _FullDisk()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(disk), "utf-8"))
    code = main([args[0], write("plan.toml", GOOD), *args[1:]])
    disk.full = False
    expected = "socialplan: error: cannot write the output: No space left on device\n"
    assert (2, expected) == (code, capsys.readouterr().err)


def test_check_into_dev_full_is_an_error_exit_2(write: Write) -> None:
    # What the shell does with `socialplan check plan.toml > /dev/full`.
    path = write("plan.toml", GOOD)
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(
            [sys.executable, "-m", "socialplan", "check", path],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    expected = "socialplan: error: cannot write the output: No space left on device\n"
    assert (2, expected) == (done.returncode, done.stderr)


def test_check_of_a_missing_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", str(tmp_path / "nope.toml")])
    assert (2, True) == (code, "cannot read" in capsys.readouterr().err)


def test_check_of_an_unknown_suffix_exits_2(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", write("plan.yaml", GOOD)])
    assert (2, True) == (code, "ends in .toml or .json" in capsys.readouterr().err)


def test_no_command_is_a_usage_error() -> None:
    assert 2 == main([])


def test_json_output_has_the_documented_shape(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", BAD)
    _, out = run(["check", path, "--format", "json"], capsys)
    report = json.loads(out)
    assert (
        path,
        False,
        {"error": 2, "warning": 0, "info": 0},
        ["code", "severity", "message", "path", "line", "hint"],
    ) == (report["file"], report["ok"], report["counts"], list(report["diagnostics"][0]))


def test_sarif_output_names_each_result_with_its_rule_and_place(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    _, out = run(["check", path, "--format", "sarif", "--select", "SP101"], capsys)
    sarif = json.loads(out)
    (result,) = sarif["runs"][0]["results"]
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert (
        "2.1.0",
        "SP101",
        "error",
        11,
        "metrics.likes.measures[0]",
        "SP101",
    ) == (
        sarif["version"],
        result["ruleId"],
        result["level"],
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        rules[result["ruleIndex"]]["id"],
    )


def test_rules_lists_the_catalog_one_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    from socialplan.rules import all_rules

    _, out = run(["rules"], capsys)
    assert [r.code for r in all_rules()] == [line.split()[0] for line in out.splitlines()]


def test_rules_with_a_code_shows_its_page(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(["rules", "sp201"], capsys)
    assert ("SP201 unmeasured-objective (warning)", True) == (
        out.splitlines()[0],
        "How to fix:" in out,
    )


def test_rules_with_a_prefix_lists_its_group(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(["rules", "SP3"], capsys)
    assert {"SP3"} == {line[:3] for line in out.splitlines()}


def test_rules_with_an_unknown_code_suggests_one(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["rules", "SP7011"])
    assert (2, True) == (code, 'did you mean "SP701"?' in capsys.readouterr().err)


def test_the_console_script_runs_without_a_traceback(write: Write) -> None:
    path = write("plan.toml", "not toml at all = = =")
    result = subprocess.run(
        [sys.executable, "-m", "socialplan", "check", path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (1, "", False) == (result.returncode, result.stderr, "Traceback" in result.stdout)


def test_the_rule_catalog_page_in_docs_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    page = Path(__file__).parent.parent / "docs" / "rules.md"
    _, out = run(["rules", "--format", "markdown"], capsys)
    assert out == page.read_text(encoding="utf-8"), (
        "docs/rules.md is out of date: socialplan rules --format markdown > docs/rules.md"
    )


def test_report_located_finds_the_lines_check_prints() -> None:
    import socialplan

    plan = socialplan.loads(MISALIGNED)
    report = socialplan.validate(plan, select=["SP101"]).located(MISALIGNED, file="p.toml")
    assert [("p.toml", 11)] == [(d.file, d.line) for d in report]


def test_status_shows_each_step_with_its_state_and_what_is_missing(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", HEAD + '[steps.objectives]\nowner = "cm"\ndue = 2027-01-31\n')
    code, out = run(["status", path], capsys)
    rows = [line.split() for line in out.splitlines()[2:5]]
    assert (
        0,
        [
            ["1", "objectives", "ready", "cm", "2027-01-31", "no", "objective", "yet"],
            ["1b", "stakeholder_input", "blocked", "needs", "objectives"],
            ["2", "audiences", "blocked", "needs", "objectives"],
        ],
        "  0 done, 1 ready, 14 blocked, 0 skipped; next: objectives",
    ) == (code, rows, out.splitlines()[-1])


def test_status_follows_a_chosen_methodology(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", GOOD)
    _, out = run(
        ["status", path, "--methodology", "listen-think-act-monitor", "--format", "json"], capsys
    )
    document = json.loads(out)
    assert (["listen", "think", "act", "monitor"], ["listen"]) == (
        [s["step"] for s in document["steps"]],
        document["next"],
    )


def test_status_of_a_broken_methodology_exits_1_naming_the_cycle(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + '[methodology.steps.a]\nneeds = ["b"]\n[methodology.steps.b]\nneeds = ["a"]\n'
    code = main(["status", write("plan.toml", text)])
    assert (1, True) == (code, "a → b → a" in capsys.readouterr().err)


def test_graph_writes_the_steps_to_a_file(write: Write, tmp_path: Path) -> None:
    target = tmp_path / "steps.mmd"
    code = main(["graph", write("plan.toml", GOOD), "--format", "mermaid", "-o", str(target)])
    assert (0, "flowchart LR") == (code, target.read_text(encoding="utf-8").splitlines()[0])


def test_graph_as_dot_starts_a_digraph(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(["graph", write("plan.toml", GOOD), "--format", "dot"], capsys)
    assert out.startswith('digraph "14-steps" {')


def test_a_gantt_chart_without_dates_is_a_plan_error(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["graph", write("plan.toml", GOOD), "--format", "gantt"])
    assert (1, True) == (code, "start date" in capsys.readouterr().err)


def test_maturity_names_the_stage_reached(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(["maturity", "examples/cartoon/plan.toml", "--format", "json"], capsys)
    document = json.loads(out)
    assert (10, 10) == (document["stage"], sum(s["reached"] for s in document["stages"]))
