"""`socialplan check --format github|gitlab|junit|json-lines`: each output parsed back by a
parser of the format (written from its documentation, or the standard library's), and
none of them broken by what a plan's author wrote."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import HEAD, MISALIGNED
from socialplan._cli import main

FAST = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.toml").write_text(MISALIGNED, encoding="utf-8")
    (tmp_path / "plans" / "clean.toml").write_text(HEAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def output(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


# -- GitHub workflow commands ---------------------------------------------------------------
# From https://docs.github.com/actions/reference/workflow-commands-for-github-actions: a
# command is a line `::name key=value,key=value::message`; in a message `%`, CR and LF are
# written %25, %0D and %0A, and in a property value `:` and `,` too, as %3A and %2C.
_COMMAND = re.compile(r"::([a-z-]+)(?: ([^:]*))?::(.*)", re.DOTALL)


def _unescape(text: str, *, in_property: bool) -> str:
    pairs = [("%0D", "\r"), ("%0A", "\n")]
    if in_property:
        pairs += [("%3A", ":"), ("%2C", ",")]
    for escaped, char in pairs:
        text = text.replace(escaped, char)
    return text.replace("%25", "%")


def parse_workflow_commands(text: str) -> list[tuple[str, dict[str, str], str]]:
    """Each line of *text* as GitHub's runner reads a workflow command; an AssertionError
    for a line that is none."""
    commands = []
    for line in text.splitlines():
        match = _COMMAND.fullmatch(line)
        assert match, f"not a workflow command: {line!r}"
        properties = {}
        for pair in (match[2] or "").split(","):
            key, sep, value = pair.partition("=")
            assert sep, f"not key=value: {pair!r}"
            properties[key] = _unescape(value, in_property=True)
        commands.append((match[1], properties, _unescape(match[3], in_property=False)))
    return commands


def test_github_annotations_name_the_file_positions_and_rule(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = output(["--format", "github", "plans", "--select", "SP101,SP202"], capsys)
    expected = [
        (
            "error",
            {
                "file": "plans/a.toml",
                "line": "11",
                "col": "13",
                "endLine": "11",
                "endColumn": "19",
                "title": "socialplan SP101 (unknown-reference)",
            },
            'SP101 metrics.likes.measures[0]: objective "nope" does not exist '
            "(add [objectives.nope])",
        ),
    ]
    assert (1, expected) == (code, parse_workflow_commands(out)[:1])


def test_github_annotations_are_one_per_finding_in_the_order_of_json_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, lines = output(["--format", "json-lines", "plans"], capsys)
    _, annotations = output(["--format", "github", "plans"], capsys)
    found = [json.loads(line) for line in lines.splitlines()]
    expected = [(d["file"], str(d["line"]), d["code"]) for d in found]
    actual = [
        (p["file"], p["line"], p["title"].split()[1])
        for _, p, _ in parse_workflow_commands(annotations)
    ]
    assert expected == actual


def test_github_paths_are_relative_without_a_leading_dot(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = output(
        ["--format", "github", "./plans/a.toml", str(repo / "plans" / "a.toml")], capsys
    )
    assert {"plans/a.toml"} == {p["file"] for _, p, _ in parse_workflow_commands(out)}


def _plan_with_key(key: str) -> str:
    """A JSON plan with an unknown key: its name is in the message of the SP003 found."""
    return json.dumps({"format": "socialplan/1", "plan": {"name": "Demo", key: 1}})


HOSTILE = ["\n::error file=x.toml::injected", "a%0Ab", "a,b:c=d", "\r\n::warning::x", "\x1b[2J"]


@FAST
@given(key=st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=30)))
def test_no_text_of_a_plan_starts_a_second_annotation(key: str, tmp_path: Path) -> None:
    import contextlib
    import io

    path = tmp_path / "plan.json"
    path.write_text(_plan_with_key(key), encoding="utf-8", errors="surrogatepass")
    for_json, for_github = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(for_json):
        main(["check", "--format", "json", str(path)])
    with contextlib.redirect_stdout(for_github):
        main(["check", "--format", "github", str(path)])
    (entry,) = json.loads(for_json.getvalue())["files"]
    commands = parse_workflow_commands(for_github.getvalue())
    assert [(d["code"], d["line"]) for d in entry["diagnostics"]] == [
        (p["title"].split()[1], int(p["line"]) if "line" in p else None) for _, p, _ in commands
    ]


def test_a_file_name_with_a_line_break_stays_in_its_annotation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "a,b:c%\n::error::x.toml"
    Path(name).write_text(MISALIGNED, encoding="utf-8")
    _, out = output(["--format", "github", name, "--select", "SP101"], capsys)
    assert [name] == [p["file"] for _, p, _ in parse_workflow_commands(out)]


def test_a_file_that_cannot_be_read_is_an_error_annotation(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = output(["--format", "github", "missing.toml"], capsys)
    expected = [
        (
            "error",
            {"file": "missing.toml", "title": "socialplan: cannot read the file"},
            "cannot read missing.toml: No such file or directory",
        )
    ]
    assert (2, expected) == (code, parse_workflow_commands(out))


# -- GitLab Code Quality ----------------------------------------------------------------------
# From https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format: a JSON
# array of objects, each with description, check_name, fingerprint (unique), severity (one
# of info, minor, major, critical, blocker), location.path (relative to the repository) and
# location.lines.begin (or location.positions.begin.line).
CODE_QUALITY_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "type": {"const": "issue"},
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^(?!\\./|/)"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def test_gitlab_code_quality_follows_the_documented_format(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = output(["--format", "gitlab", "plans", "missing.toml"], capsys)
    issues = json.loads(out)
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    assert (2, True) == (code, len(issues) > 2)


def test_gitlab_issues_say_what_and_where(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = output(["--format", "gitlab", "plans", "--select", "SP101"], capsys)
    (issue,) = json.loads(out)
    del issue["fingerprint"]
    expected = {
        "type": "issue",
        "description": 'SP101 metrics.likes.measures[0]: objective "nope" does not exist '
        "(add [objectives.nope])",
        "check_name": "SP101",
        "severity": "major",
        "location": {"path": "plans/a.toml", "lines": {"begin": 11}},
    }
    assert expected == issue


def test_gitlab_fingerprints_are_unique_and_survive_moved_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, before = output(["--format", "gitlab", "plans"], capsys)
    plan = repo / "plans" / "a.toml"
    plan.write_text("# a comment that moves every line\n" + plan.read_text(), encoding="utf-8")
    _, after = output(["--format", "gitlab", "plans"], capsys)
    first = [issue["fingerprint"] for issue in json.loads(before)]
    second = [issue["fingerprint"] for issue in json.loads(after)]
    assert (first, len(first)) == (second, len(set(first)))


# -- JUnit XML ----------------------------------------------------------------------------


def test_junit_has_a_suite_per_file_a_failing_case_per_finding_a_passing_one_if_clean(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = output(["--format", "junit", "plans", "--select", "SP101,SP202"], capsys)
    root = ET.fromstring(out)
    suites = [
        (
            suite.get("name"),
            suite.get("tests"),
            suite.get("failures"),
            [(case.get("name"), case.find("failure") is not None) for case in suite],
        )
        for suite in root.iter("testsuite")
    ]
    expected = [
        (
            "plans/a.toml",
            "2",
            "2",
            [("SP101 metrics.likes.measures[0]", True), ("SP202 metrics.visits.measures", True)],
        ),
        ("plans/clean.toml", "1", "0", [("socialplan check", False)]),
    ]
    assert (expected, "3", "2") == (suites, root.get("tests"), root.get("failures"))


@FAST
@given(
    key=st.one_of(
        st.sampled_from(["]]></failure><x/>", '"&<>\x01\x0b�', *HOSTILE]),
        st.text(min_size=1, max_size=30),
    )
)
def test_no_text_of_a_plan_breaks_the_junit_xml(key: str, tmp_path: Path) -> None:
    import contextlib
    import io

    path = tmp_path / "plan.json"
    path.write_text(_plan_with_key(key), encoding="utf-8", errors="surrogatepass")
    for_json, for_junit = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(for_json):
        main(["check", "--format", "json", str(path)])
    with contextlib.redirect_stdout(for_junit):
        main(["check", "--format", "junit", str(path)])
    (entry,) = json.loads(for_json.getvalue())["files"]
    root = ET.fromstring(for_junit.getvalue())
    failures = [failure.get("type", "").split()[0] for failure in root.iter("failure")]
    codes = [d["code"] for d in entry["diagnostics"]]
    assert (codes, len(codes)) == (failures, len(list(root.iter("testcase"))))


def test_a_file_that_cannot_be_read_is_a_junit_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = output(["--format", "junit", "missing.toml"], capsys)
    root = ET.fromstring(out)
    error = root.find("testsuite/testcase/error")
    assert ("1", "cannot read: No such file or directory") == (
        root.get("errors"),
        error.get("message") if error is not None else None,
    )


# -- JSON Lines -------------------------------------------------------------------------------


def test_json_lines_are_the_diagnostics_of_json_one_a_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, document = output(["--format", "json", "plans"], capsys)
    _, lines = output(["--format", "json-lines", "plans"], capsys)
    expected = [
        {"file": entry["file"], **d}
        for entry in json.loads(document)["files"]
        for d in entry["diagnostics"]
    ]
    assert expected == [json.loads(line) for line in lines.splitlines()]


@FAST
@given(key=st.one_of(st.sampled_from([*HOSTILE, "\u2028", "\x85"]), st.text(min_size=1)))
def test_no_text_of_a_plan_splits_a_json_line(key: str, tmp_path: Path) -> None:
    import contextlib
    import io

    path = tmp_path / "plan.json"
    path.write_text(_plan_with_key(key), encoding="utf-8", errors="surrogatepass")
    for_json, for_lines = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(for_json):
        main(["check", "--format", "json", str(path)])
    with contextlib.redirect_stdout(for_lines):
        main(["check", "--format", "json-lines", str(path)])
    (entry,) = json.loads(for_json.getvalue())["files"]
    found = [json.loads(line) for line in for_lines.getvalue().split("\n")[:-1]]
    assert [{"file": str(path), **d} for d in entry["diagnostics"]] == found
