"""The command line: what it prints and what it exits with."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from socialplan._cli import main

GOOD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\n[business_goals.brand]\nstatement = "x"\n'
BAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\nreach = "natonal"\nstrat = 1\n'


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    def write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_check_of_a_good_plan_exits_0_with_a_summary(write, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write("plan.toml", GOOD)
    code = main(["check", path])
    assert (0, f"{path}: Demo — loaded\n  1 business goals\n") == (code, capsys.readouterr().out)


def test_check_of_a_bad_plan_exits_1_listing_every_problem(write, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write("plan.toml", BAD)
    code = main(["check", path])
    out = capsys.readouterr().out.splitlines()
    assert (1, f"{path}: 2 problems", 3) == (code, out[0], len(out))


def test_check_of_a_missing_file_exits_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["check", str(tmp_path / "nope.toml")])
    assert (2, True) == (code, "cannot read" in capsys.readouterr().err)


def test_check_of_an_unknown_suffix_exits_2(write, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["check", write("plan.yaml", GOOD)])
    assert (2, True) == (code, ".toml or .json" in capsys.readouterr().err)


def test_no_command_is_a_usage_error(capsys) -> None:  # type: ignore[no-untyped-def]
    assert 2 == main([])


def test_json_output_has_the_documented_shape(write, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write("plan.toml", BAD)
    main(["check", path, "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert (
        path,
        False,
        {"error": 2, "warning": 0, "info": 0},
        ["code", "severity", "message", "path", "line", "hint"],
    ) == (report["file"], report["ok"], report["counts"], list(report["diagnostics"][0]))


def test_the_console_script_runs_without_a_traceback(write) -> None:  # type: ignore[no-untyped-def]
    path = write("plan.toml", "not toml at all = = =")
    result = subprocess.run(
        [sys.executable, "-m", "socialplan", "check", path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (1, "", False) == (result.returncode, result.stderr, "Traceback" in result.stdout)
