"""Standard streams that cannot take what the command line writes: closed, full, or in an
encoding that lacks a character of the plan. The results' failure is exit 2 with one line on
stderr; a failing stderr never changes the exit code; no traceback, never exit 3."""

from __future__ import annotations

import errno
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from socialplan._cli import main

HEAD = 'format = "socialplan/1"\n[plan]\nname = "Démo ✓"\n'
GOOD = HEAD + '[business_goals.brand]\nstatement = "x"\n'
BAD = HEAD + 'reach = "natonal"\n'
CANNOT = "socialplan: error: cannot write the output: "


class _Full(io.RawIOBase):
    """A device that takes nothing: every write fails as on a full disk."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def full_stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BufferedWriter(_Full()), "utf-8")


@pytest.fixture
def plan(tmp_path: Path) -> str:
    path = tmp_path / "plan.toml"
    path.write_text(GOOD, encoding="utf-8")
    return str(path)


@pytest.fixture
def bad(tmp_path: Path) -> str:
    path = tmp_path / "bad.toml"
    path.write_text(BAD, encoding="utf-8")
    return str(path)


def test_check_with_stdout_closed_is_exit_2_with_one_line_on_stderr(
    plan: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", None)  # what Python makes of `>&-`
    code = main(["check", plan])
    assert (2, f"{CANNOT}standard output is closed\n") == (code, capsys.readouterr().err)


def test_a_command_writing_to_a_file_works_with_stdout_closed(
    plan: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    code = main(["export", plan, "--to", "json", "-o", str(tmp_path / "plan.json")])
    assert (0, True) == (code, "Démo ✓" in (tmp_path / "plan.json").read_text("utf-8"))


def test_the_version_onto_a_full_disk_is_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", full_stream())
    code = main(["--version"])
    assert (2, f"{CANNOT}No space left on device\n") == (code, capsys.readouterr().err)


def test_the_version_with_stdout_closed_is_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    code = main(["--version"])
    assert (2, f"{CANNOT}standard output is closed\n") == (code, capsys.readouterr().err)


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"]])
def test_the_help_onto_a_full_disk_is_exit_2(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", full_stream())
    code = main(argv)
    assert (2, f"{CANNOT}No space left on device\n") == (code, capsys.readouterr().err)


def test_the_help_with_stdout_closed_is_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    code = main(["--help"])
    assert (2, f"{CANNOT}standard output is closed\n") == (code, capsys.readouterr().err)


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_plans_text_the_terminal_cannot_encode_is_shown_escaped(
    encoding: str, plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding, newline="\n"))
    code = main(["check", plan])
    first = raw.getvalue().decode(encoding).splitlines()[0]
    shown = "Démo \\u2713" if encoding == "cp1252" else "D\\xe9mo \\u2713"
    assert (0, f"{plan}: {shown}") == (code, first)


def test_an_error_message_the_terminal_cannot_encode_is_shown_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(raw, "ascii", newline="\n"))
    code = main(["check", str(tmp_path / "café.toml")])
    sys.stderr.flush()
    assert (2, True) == (code, "caf\\xe9.toml" in raw.getvalue().decode("ascii"))


@pytest.mark.parametrize("stderr", [None, "full"])
def test_a_failing_stderr_leaves_a_usage_errors_exit_code(
    stderr: str | None,
    plan: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "stderr", full_stream() if stderr else None)
    code = main(["check", plan, "--select", "SP999"])
    assert (2, "") == (code, capsys.readouterr().out)  # the message is not moved to stdout


def test_a_failing_stderr_leaves_a_checks_exit_code(
    bad: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    code = main(["check", bad])
    assert (1, True) == (code, "could not be loaded" in capsys.readouterr().out)


def _run(argv: list[str], **streams: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "socialplan", *argv], text=True, check=False, **streams
    )


def test_check_with_stdout_closed_by_the_shell_is_exit_2(plan: str) -> None:
    import os

    def close_stdout() -> None:  # in the child, as the shell's `>&-`
        os.close(1)

    done = _run(["check", plan], stderr=subprocess.PIPE, preexec_fn=close_stdout)
    assert (2, f"{CANNOT}standard output is closed\n") == (done.returncode, done.stderr)


def test_the_help_into_dev_full_is_exit_2() -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = _run(["--help"], stdout=full, stderr=subprocess.PIPE)
    assert (2, f"{CANNOT}No space left on device\n") == (done.returncode, done.stderr)


def test_a_usage_error_with_stderr_into_dev_full_is_exit_2_without_a_traceback(plan: str) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = _run(["check", plan, "--select", "SP999"], stdout=subprocess.PIPE, stderr=full)
    assert (2, "") == (done.returncode, done.stdout)
