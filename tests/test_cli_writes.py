"""No command that writes destroys anything: not a file the run read, not a FIFO or a device,
not a file beyond a symbolic link out of its folder, and `--charts` writes all or nothing."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest

import socialplan
from socialplan import charts
from socialplan._cli import main

EXAMPLE = Path(__file__).parent.parent / "examples" / "cartoon"
SETTINGS = '[tool.socialplan]\nignore = ["SP901"]\n'

#: Every command that writes with -o, as run in the folder of the `work` fixture.
COMMANDS = {
    "report": ["report", "plan.toml"],
    "report --observations": ["report", "plan.toml", "--observations", "observations.csv"],
    "score": ["score", "plan.toml", "observations.csv"],
    "trace": ["trace", "plan.toml"],
    "graph": ["graph", "plan.toml"],
    "schema": ["schema"],
    "export --to csv": ["export", "plan.toml", "--to", "csv"],
    "export --to ics": ["export", "plan.toml", "--to", "ics"],
    "export --to toml": ["export", "plan.toml", "--to", "toml"],
    "diff": ["diff", "old.toml", "plan.toml"],
}

#: Each command with each file it reads.
INPUTS = [
    ("report", "plan.toml"),
    ("report", "pyproject.toml"),
    ("report --observations", "observations.csv"),
    ("score", "plan.toml"),
    ("score", "observations.csv"),
    ("trace", "plan.toml"),
    ("graph", "plan.toml"),
    ("export --to csv", "plan.toml"),
    ("export --to ics", "plan.toml"),
    ("diff", "old.toml"),
    ("diff", "plan.toml"),
]


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder, the current one, with a plan, an older version of it, observations and
    settings."""
    folder = tmp_path / "work"
    folder.mkdir()
    shutil.copy(EXAMPLE / "plan.toml", folder / "plan.toml")
    shutil.copy(EXAMPLE / "plan.toml", folder / "old.toml")
    shutil.copy(EXAMPLE / "observations.csv", folder / "observations.csv")
    (folder / "pyproject.toml").write_text(SETTINGS, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def stdout_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> bytes:
    """What the command writes to standard output, as bytes."""
    assert 0 == main(argv)
    return capsys.readouterr().out.encode("utf-8")


@contextlib.contextmanager
def fifo_read(path: Path) -> Iterator[list[bytes]]:
    """Make a FIFO at *path* and read it in a thread; the list gets what was read.

    A reader left waiting (the FIFO was replaced, nothing wrote to it) is let go at the end
    through a hard link to the FIFO.
    """
    os.mkfifo(path)
    keep = path.with_name(f".{path.name}.keep")
    os.link(path, keep)
    got: list[bytes] = []

    def read() -> None:
        with open(keep, "rb") as stream:
            got.append(stream.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    try:
        yield got
    finally:
        with contextlib.suppress(OSError):  # ENXIO: the reader is gone already
            os.close(os.open(keep, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(10)
        keep.unlink()


def device(name: str) -> Path:
    """A character device like /dev/*name*: a node of its own in the current folder where the
    user may make one (root), else the system's, which only root could replace."""
    system = Path("/dev") / name
    own = Path(name)
    try:
        os.mknod(own, stat.S_IFCHR | 0o666, os.stat(system).st_rdev)
    except PermissionError:
        return system
    return own


def is_char_device(path: Path) -> bool:
    return stat.S_ISCHR(os.stat(path).st_mode)


# --- a file the run read ----------------------------------------------------------------


def alias(name: str, how: str) -> str:
    """The output path that names the input *name*: itself, a hard link or a symbolic link."""
    if how == "the same path":
        return name
    target = f"alias-of-{name}"
    if how == "a hard link":
        os.link(name, target)
    else:
        os.symlink(name, target)
    return target


@pytest.mark.parametrize("how", ["the same path", "a hard link", "a symbolic link"])
@pytest.mark.parametrize(("command", "read"), INPUTS)
def test_a_command_does_not_write_over_a_file_it_read(
    work: Path, command: str, read: str, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = Path(read).read_bytes()
    target = alias(read, how)
    code = main([*COMMANDS[command], "-o", target])
    assert (2, before, True, True) == (
        code,
        Path(read).read_bytes(),
        os.path.samefile(target, read),  # a hard link still names the file it named
        "read in this run" in capsys.readouterr().err,
    )


@pytest.mark.parametrize("command", ["export --to csv", "export --to ics"])
def test_force_does_not_let_export_write_another_kind_of_file_over_the_plan(
    work: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = Path("plan.toml").read_bytes()
    code = main([*COMMANDS[command], "-o", "plan.toml", "--force"])
    assert (2, before, True) == (
        code,
        Path("plan.toml").read_bytes(),
        "read in this run" in capsys.readouterr().err,
    )


def test_export_to_the_plans_format_may_rewrite_the_plan_it_read(work: Path) -> None:
    plan = socialplan.load("plan.toml")
    code = main(["export", "plan.toml", "--to", "toml", "-o", "plan.toml"])
    assert (0, plan) == (code, socialplan.load("plan.toml"))


@pytest.mark.parametrize("how", ["the same path", "a hard link", "a symbolic link"])
@pytest.mark.parametrize(("read", "to"), [("plan.toml", "json"), ("plan.json", "toml")])
def test_export_does_not_write_a_plan_in_another_format_over_the_plan_it_read(
    work: Path, read: str, to: str, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if read == "plan.json":
        Path(read).write_text(socialplan.dumps(socialplan.load("plan.toml"), "json"), "utf-8")
    before = Path(read).read_bytes()
    code = main(["export", read, "--to", to, "-o", alias(read, how), "--force"])
    assert (2, before, True) == (
        code,
        Path(read).read_bytes(),
        f"{to.upper()} written over it would not load by its name" in capsys.readouterr().err,
    )


def test_new_does_not_write_toml_over_a_json_plan_read_in_this_run(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A JSON plan with a .toml name, loaded as JSON (in a notebook, say) and then replaced by
    # a starter plan: TOML over what was read as JSON.
    text = socialplan.dumps(socialplan.load("plan.toml"), "json")
    Path("draft.toml").write_text(text, encoding="utf-8")
    socialplan.load("draft.toml", "json")
    code = main(["new", "draft.toml", "--force"])
    assert (2, text, True) == (
        code,
        Path("draft.toml").read_text(encoding="utf-8"),
        "TOML written over it would not load by its name" in capsys.readouterr().err,
    )


def test_a_report_may_go_over_a_file_that_was_not_read(work: Path) -> None:
    Path("report.md").write_text("last week's\n", encoding="utf-8")
    code = main(["report", "plan.toml", "-o", "report.md"])
    assert (0, True) == (code, Path("report.md").read_text(encoding="utf-8").startswith("# "))


# --- FIFOs and devices ------------------------------------------------------------------


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_command_writes_into_a_fifo_as_a_stream(
    work: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = stdout_of(COMMANDS[command], capsys)
    fifo = Path("out.fifo")
    with fifo_read(fifo) as got:
        code = main([*COMMANDS[command], "-o", str(fifo)])
    assert (0, True, [expected]) == (code, stat.S_ISFIFO(os.stat(fifo).st_mode), got)


def test_new_writes_into_a_fifo_as_a_stream(work: Path) -> None:
    fifo = Path("starter.toml")
    with fifo_read(fifo) as got:
        code = main(["new", str(fifo), "--name", "Into a pipe", "--force"])
    assert (0, True, "Into a pipe") == (
        code,
        stat.S_ISFIFO(os.stat(fifo).st_mode),
        socialplan.loads(b"".join(got)).name,
    )


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_command_writes_into_a_null_device_and_leaves_it_a_device(
    work: Path, command: str
) -> None:
    null = device("null")
    code = main([*COMMANDS[command], "-o", str(null)])
    assert (0, True) == (code, is_char_device(null))


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_full_device_is_a_usage_error_and_stays_a_device(
    work: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    full = device("full")
    code = main([*COMMANDS[command], "-o", str(full)])
    err = capsys.readouterr().err
    assert (2, True, True) == (
        code,
        "No space left on device" in err,
        is_char_device(full),
    )


@pytest.mark.parametrize("stream", ["/dev/stdout", "/dev/stderr"])
def test_dash_o_a_standard_stream_writes_into_it(
    work: Path, stream: str, capfd: pytest.CaptureFixture[str]
) -> None:
    assert 0 == main(["schema"])
    expected = capfd.readouterr().out
    code = main(["schema", "-o", stream])
    captured = capfd.readouterr()
    written = captured.out if stream == "/dev/stdout" else captured.err
    assert (0, expected) == (code, written)


def test_a_socket_is_refused(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket(socket.AF_UNIX) as server:
        server.bind("out.sock")
        code = main(["schema", "-o", "out.sock"])
        assert (2, True, True) == (
            code,
            stat.S_ISSOCK(os.stat("out.sock").st_mode),
            "is a socket" in capsys.readouterr().err,
        )


# --- symbolic links on the way ----------------------------------------------------------


@pytest.fixture
def linked_out(work: Path, tmp_path: Path) -> Path:
    """``out``: a symbolic link from the current folder to a folder outside it."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    Path("out").symlink_to(elsewhere)
    return elsewhere


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_command_does_not_write_through_a_folder_linked_out_of_its_folder(
    linked_out: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*COMMANDS[command], "-o", "out/result.txt"])
    assert (2, [], True) == (
        code,
        list(linked_out.iterdir()),
        "outside its folder" in capsys.readouterr().err,
    )


def test_new_does_not_write_through_a_folder_linked_out_of_its_folder(
    linked_out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["new", "out/starter.toml"])
    assert (2, [], True) == (
        code,
        list(linked_out.iterdir()),
        "outside its folder" in capsys.readouterr().err,
    )


def test_an_absolute_path_below_the_current_folder_is_checked_the_same(
    linked_out: Path, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", "plan.toml", "-o", str(work / "out" / "report.md")])
    assert (2, [], True) == (
        code,
        list(linked_out.iterdir()),
        "outside its folder" in capsys.readouterr().err,
    )


def test_charts_do_not_go_through_a_folder_linked_out_of_its_folder(
    linked_out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["score", "plan.toml", "observations.csv", "--charts", "out/season"])
    assert (2, [], True) == (
        code,
        list(linked_out.iterdir()),
        "outside its folder" in capsys.readouterr().err,
    )


def test_a_folder_linked_further_down_is_written_through(work: Path) -> None:
    Path("build", "reports").mkdir(parents=True)
    Path("out").symlink_to(Path("build", "reports"))
    code = main(["report", "plan.toml", "-o", "out/report.md"])
    assert (0, True) == (code, Path("build", "reports", "report.md").is_file())


def test_an_absolute_path_elsewhere_through_a_folder_linked_outside_is_refused(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Somebody else's folder (an upload folder, a clone) whose sub-folder links elsewhere.
    (tmp_path / "outside").mkdir()
    (tmp_path / "theirs").mkdir()
    (tmp_path / "theirs" / "sub").symlink_to(tmp_path / "outside")
    code = main(["report", "plan.toml", "-o", str(tmp_path / "theirs" / "sub" / "report.md")])
    printed = capsys.readouterr().err
    assert (2, [], True) == (
        code,
        list((tmp_path / "outside").iterdir()),
        "is a symbolic link to" in printed and "name the real path" in printed,
    )


def test_a_linked_folder_above_the_current_one_may_be_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A home or a temporary folder that is itself a link (/var -> /private/var on macOS),
    # named by the absolute path of the folder the user works in.
    (tmp_path / "real-home").mkdir()
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "me").symlink_to(tmp_path / "real-home")
    shutil.copy(EXAMPLE / "plan.toml", tmp_path / "real-home" / "plan.toml")
    monkeypatch.chdir(tmp_path / "home" / "me")
    code = main(["report", "plan.toml", "-o", str(tmp_path / "home" / "me" / "report.md")])
    assert (0, True) == (code, (tmp_path / "real-home" / "report.md").is_file())


# --- charts: all or none ----------------------------------------------------------------


def fail_on_third_chart(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up while the third chart is drawn (each chart is drawn by _chart)."""
    drawn = charts._chart
    calls: list[str] = []

    def draw(
        card: socialplan.Scorecard,
        objective: socialplan.ObjectiveScore,
        kind: str,
        lang: Literal["en", "es"],
    ) -> bytes:
        calls.append(objective.objective)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return drawn(card, objective, kind, lang)

    monkeypatch.setattr(charts, "_chart", draw)


def test_charts_failing_part_way_leave_no_folder_behind(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fail_on_third_chart(monkeypatch)
    code = main(["score", "plan.toml", "observations.csv", "--charts", "charts/season"])
    assert (2, False, True) == (
        code,
        Path("charts").exists(),
        "No space left on device" in capsys.readouterr().err,
    )


def test_charts_failing_part_way_leave_the_folder_as_it_was(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert 0 == main(["score", "plan.toml", "observations.csv", "--charts", "charts"])
    before = {p.name: p.read_bytes() for p in Path("charts").iterdir()}
    fail_on_third_chart(monkeypatch)  # in Spanish: other bytes, had any been written
    code = main(["score", "plan.toml", "observations.csv", "--lang", "es", "--charts", "charts"])
    after = {p.name: p.read_bytes() for p in Path("charts").iterdir()}
    assert (2, before) == (code, after)


def test_charts_are_not_written_over_a_file_the_run_read(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("traffic.svg").symlink_to("plan.toml")  # not the first chart: none may come before
    before = Path("plan.toml").read_bytes()
    code = main(["score", "plan.toml", "observations.csv", "--charts", "."])
    assert (2, before, [], True) == (
        code,
        Path("plan.toml").read_bytes(),
        sorted(p.name for p in Path().glob("*.svg") if not p.is_symlink()),
        "read in this run" in capsys.readouterr().err,
    )


def test_charts_are_not_written_into_a_fifo(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("charts").mkdir()
    with fifo_read(Path("charts", "traffic.svg")) as got:
        code = main(["score", "plan.toml", "observations.csv", "--charts", "charts"])
    assert (2, ["traffic.svg"], True, [b""]) == (
        code,
        sorted(p.name for p in Path("charts").iterdir()),
        "charts/traffic.svg is a FIFO" in capsys.readouterr().err,
        got,  # nothing
    )


def test_dash_o_dev_stdout_appends_where_the_shell_opened_it_to(work: Path) -> None:
    import subprocess
    import sys

    Path("log.md").write_text("kept\n", encoding="utf-8")
    code = (
        "from socialplan._cli import main; raise SystemExit(main(['schema', '-o', '/dev/stdout']))"
    )
    with open("log.md", "ab") as log:
        done = subprocess.run([sys.executable, "-c", code], stdout=log, check=False)
    assert (0, "kept\n" + socialplan.schema.schema_text()) == (
        done.returncode,
        Path("log.md").read_text(encoding="utf-8"),
    )
