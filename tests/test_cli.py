"""The command line: what it prints and what it exits with."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import HEAD, MISALIGNED, Write, open_step_lines, without_step_notes
from socialplan._cli import main

GOOD = HEAD + '[business_goals.brand]\nstatement = "x"\n'
BAD = HEAD + 'reach = "natonal"\nstrat = 1\n'


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_check_of_a_clean_plan_exits_0_with_a_summary(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", GOOD)
    expected = f"{path}: Demo\n  1 business goal\n  0 errors, 0 warnings, 0 info\n"
    assert (0, expected) == run(["check", path], capsys)


def test_check_of_a_plan_that_does_not_load_exits_1_listing_every_problem(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(["check", write("plan.toml", BAD)], capsys)
    lines = out.splitlines()
    assert (1, "could not be loaded", "  errors (2):", "  2 errors, 0 warnings, 0 info") == (
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
            f'    {path}:11:13: SP101 metrics.likes.measures[0]: objective "nope" does not exist '
            "(add [objectives.nope])",
            "  warnings (1):",
            f'    {path}:12:1: SP202 metrics.visits.measures: metric "visits" measures no '
            "objective (name the objectives it measures, or drop it)",
            "  1 error, 1 warning, 0 info",
        ],
    ) == (code, out.splitlines()[2:])


def test_check_shows_info_findings_under_their_severitys_name(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = run(["check", write("plan.toml", MISALIGNED), "--select", "SP705"], capsys)
    lines = out.splitlines()
    # The two metrics with no channel are one finding: one line, counted once.
    assert (["  info (1):"], "  0 errors, 0 warnings, 1 info") == (
        [line for line in lines if line.endswith("):")],
        lines[-1],
    )


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
    codes = {d["code"] for d in json.loads(out)["files"][0]["diagnostics"]}
    assert (0, False) == (code, "SP101" in codes)


def test_the_plans_own_check_table_overrides_pyproject(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pyproject.toml", '[tool.socialplan]\nselect = ["SP7"]\n')
    path = write("plan.toml", MISALIGNED + '[check]\nselect = ["SP202"]\n')
    _, out = run(["check", path, "--format", "json"], capsys)
    assert ["SP202"] == [d["code"] for d in json.loads(out)["files"][0]["diagnostics"]]


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
    (report,) = json.loads(out)["files"]
    assert (
        path,
        False,
        {"error": 2, "warning": 0, "info": 0},
        [
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
            "fix",  # only a diagnostic with a fix has it: "natonal" is "national"
        ],
    ) == (report["file"], report["ok"], report["counts"], list(report["diagnostics"][0]))


@pytest.mark.parametrize("files", [1, 2, 3])
def test_json_output_is_one_object_listing_the_files_however_many(
    files: int, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [write(f"plan{i}.toml", MISALIGNED) for i in range(files)]
    _, out = run(["check", *paths, "--format", "json"], capsys)
    document = json.loads(out)
    assert (["version", "ok", "counts", "files"], 2, paths) == (
        list(document)[:4],
        document["version"],
        [entry["file"] for entry in document["files"]],
    )


def test_json_output_totals_the_files(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [write("good.toml", GOOD), write("bad.toml", BAD), write("odd.toml", MISALIGNED)]
    _, out = run(["check", *paths, "--format", "json"], capsys)
    document = json.loads(out)
    totals = {
        severity: sum(entry["counts"][severity] for entry in document["files"])
        for severity in ("error", "warning", "info")
    }
    assert (totals, False) == (document["counts"], document["ok"])


def test_json_output_of_one_file_keeps_its_old_keys_for_a_release(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = run(["check", write("plan.toml", GOOD), "--format", "json"], capsys)
    document = json.loads(out)
    (entry,) = document.pop("files")
    old = {key: document.get(key) for key in entry}
    assert entry == old


def test_json_output_of_several_files_has_none_of_the_old_keys(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [write("a.toml", GOOD), write("b.toml", GOOD)]
    _, out = run(["check", *paths, "--format", "json"], capsys)
    assert ["version", "ok", "counts", "files"] == list(json.loads(out))


def test_a_reports_dict_is_an_entry_of_the_json_outputs_files(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    import socialplan

    path = write("plan.toml", MISALIGNED)
    _, out = run(["check", path, "--format", "json"], capsys)
    (entry,) = json.loads(out)["files"]
    report = socialplan.validate(socialplan.load(path)).to_dict(file=path)
    assert [key for key in entry if key != "summary"] == list(report)


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
    code = main(["rules", "SP8099"])
    assert (2, True) == (code, 'did you mean "SP809"?' in capsys.readouterr().err)


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
        "  0 done, 0 written, 1 ready, 14 blocked, 0 skipped; next: objectives",
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
    # Issue #18: the cartoon plans stage 9 (no sales or leads objective with a target for
    # stage 10) and, with no observations given, practises listening only.
    _, out = run(["maturity", "examples/cartoon/plan.toml", "--format", "json"], capsys)
    document = json.loads(out)
    reached = sum(s["reached"] for s in document["stages"])
    assert (1, 9, 2) == (document["stage"], document["planned"], reached)


# ---------------------------------------------------------------------------
# The order of the findings: as they appear in the file, within each severity.
# ---------------------------------------------------------------------------

SEVERITIES = ["error", "warning", "info"]


def test_check_text_lists_a_files_findings_in_the_order_of_their_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The cartoon's open steps, without the notes that keep them open on purpose: SP808 on
    # each, listed by line.
    text = without_step_notes(Path("examples/cartoon/plan.toml").read_text(encoding="utf-8"))
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    _, out = run(["check", str(path), "--select", "SP808"], capsys)
    lines = [int(line.split(":")[1]) for line in out.splitlines() if "SP808" in line]
    assert (3, open_step_lines(text)) == (len(lines), lines)


@pytest.mark.parametrize(
    "plan", ["tests/realworld/council-york.toml", "tests/realworld/nonprofit-carpentries.toml"]
)
def test_check_json_lists_findings_by_severity_then_line(
    plan: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = run(["check", plan, "--ignore", "SP9", "--format", "json"], capsys)
    (entry,) = json.loads(out)["files"]
    found = [(SEVERITIES.index(d["severity"]), d["line"]) for d in entry["diagnostics"]]
    assert (sorted(found), True) == (found, len(found) > 1)


@pytest.fixture
def whole_plan_rule() -> Iterator[None]:
    """A warning about the plan as a whole (no path, so no line), coded to sort first."""
    from socialplan.rules import RULES, Finding, Rule, register

    def check(_context: object) -> Iterator[Finding]:
        yield Finding("", "the plan as a whole")

    register(
        Rule(
            code="AAA101",
            name="whole-plan",
            severity="warning",
            summary="s",
            why="w",
            fix="f",
            check=check,
        )
    )
    yield
    RULES.pop("AAA101")


@pytest.mark.usefixtures("whole_plan_rule")
def test_a_finding_about_the_whole_plan_is_at_the_files_start(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    _, out = run(["check", path, "--select", "AAA,SP202,SP703", "--format", "json"], capsys)
    found = [(d["code"], d["line"]) for d in json.loads(out)["files"][0]["diagnostics"]]
    assert [("AAA101", 1), ("SP202", 12)] == found


@pytest.mark.usefixtures("whole_plan_rule")
def test_sarif_lists_the_results_in_the_order_of_the_json(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    _, out = run(["check", path, "--ignore", "SP9", "--format", "json"], capsys)
    expected = [d["code"] for d in json.loads(out)["files"][0]["diagnostics"]]
    _, out = run(["check", path, "--ignore", "SP9", "--format", "sarif"], capsys)
    assert expected == [r["ruleId"] for r in json.loads(out)["runs"][0]["results"]]


def _unreadable(kind: str, tmp_path: Path) -> str:
    """A plan file argument that cannot be read, of *kind*."""
    path = tmp_path / f"{kind}.toml"
    if kind == "a folder":
        path.mkdir()
    elif kind == "unreadable":
        path.write_text(GOOD, encoding="utf-8")
        path.chmod(0)
    return str(path)


UNREADABLE = ["missing", "a folder"] + (["unreadable"] if os.geteuid() != 0 else [])


@pytest.mark.parametrize("kind", UNREADABLE)
def test_a_file_that_cannot_be_read_hides_no_other_files_results(
    kind: str, write: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad, good = write("bad.toml", BAD), write("good.toml", GOOD)
    unreadable = _unreadable(kind, tmp_path)
    code = main(["check", bad, unreadable, good])
    out, err = capsys.readouterr()
    # A folder is searched for plans: one that holds none is said so, and not counted.
    said, summary = (
        ("no plan file found in", "Found 2 errors in 1 of 2 plans")
        if kind == "a folder"
        else ("cannot read", "Found 2 errors in 1 of 2 plans; 1 file could not be read")
    )
    assert (2, [f"{bad}: could not be loaded", f"{good}: Demo", summary], 1) == (
        code,
        [line for line in out.splitlines() if not line.startswith(" ")],
        err.count(f"socialplan: error: {said} {unreadable}"),
    )


def test_a_file_that_is_not_utf8_is_a_load_error_of_its_own_among_the_others(
    write: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = tmp_path / "latin.toml"
    latin.write_bytes(GOOD.replace("Demo", "Démo").encode("latin-1"))
    good = write("good.toml", GOOD)
    code, out = run(["check", str(latin), good, "--format", "json"], capsys)
    files = json.loads(out)["files"]
    assert (1, [["SP001"], []]) == (code, [[d["code"] for d in f["diagnostics"]] for f in files])


def test_the_json_of_a_file_that_cannot_be_read_says_why_among_the_others(
    write: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, missing = write("good.toml", GOOD), str(tmp_path / "missing.toml")
    code = main(["check", missing, good, "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert (
        2,
        False,
        {
            "file": missing,
            "ok": False,
            "counts": {"error": 0, "warning": 0, "info": 0},
            "diagnostics": [],
            "error": "No such file or directory",
        },
        [True],
    ) == (
        code,
        document["ok"],
        document["files"][0],
        [f["ok"] for f in document["files"][1:]],
    )


def test_the_sarif_of_a_file_that_cannot_be_read_is_a_notification_of_the_run(
    write: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.toml")
    code = main(["check", missing, write("good.toml", GOOD), "--format", "sarif"])
    (invocation,) = json.loads(capsys.readouterr().out)["runs"][0]["invocations"]
    assert (
        2,
        False,
        [
            {
                "level": "error",
                "message": {"text": f"cannot read {missing}: No such file or directory"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": Path(missing).as_posix()}}}
                ],
            }
        ],
    ) == (code, invocation["executionSuccessful"], invocation["toolExecutionNotifications"])
