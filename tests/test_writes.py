"""Writes lose nothing: a file changed since it was loaded is not overwritten unless asked, a
file read is not overwritten with another kind of document, a FIFO or a device is written
into and never replaced, and a symbolic link never carries a write out of its folder."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialplan
from socialplan import charts
from socialplan import observations as obs
from socialplan._cli import main

TEXT = 'format = "socialplan/1"\n\n[plan]\nname = "Demo"\n'
EDITED = TEXT.replace("Demo", "Edited by hand")


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_dump_refuses_a_file_changed_since_it_was_loaded(plan_file: Path) -> None:
    plan = socialplan.load(plan_file)
    plan_file.write_text(EDITED, encoding="utf-8")
    with pytest.raises(socialplan.FileChangedError, match="changed since it was loaded"):
        socialplan.dump(attrs.evolve(plan, name="Renamed"), plan_file)
    assert EDITED == plan_file.read_text(encoding="utf-8")


def test_dump_with_force_overwrites_a_changed_file(plan_file: Path) -> None:
    plan = socialplan.load(plan_file)
    plan_file.write_text(EDITED, encoding="utf-8")
    socialplan.dump(attrs.evolve(plan, name="Renamed"), plan_file, force=True)
    assert "Renamed" == socialplan.load(plan_file).name


def test_dump_writes_a_file_unchanged_since_it_was_loaded_again_and_again(plan_file: Path) -> None:
    plan = socialplan.load(plan_file)
    socialplan.dump(attrs.evolve(plan, name="First"), plan_file)
    socialplan.dump(attrs.evolve(plan, name="Second"), plan_file)  # what it wrote is known
    assert "Second" == socialplan.load(plan_file).name


def test_a_file_only_touched_since_it_was_loaded_is_not_a_change(plan_file: Path) -> None:
    plan = socialplan.load(plan_file)
    plan_file.write_text(TEXT, encoding="utf-8")  # the same bytes, a new modification time
    socialplan.dump(attrs.evolve(plan, name="Renamed"), plan_file)
    assert "Renamed" == socialplan.load(plan_file).name


def test_export_to_the_file_it_read_refuses_a_change_made_meanwhile(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import socialplan._io.files

    dumps = socialplan._io.files.dumps

    def edited_meanwhile(plan: socialplan.Plan, fmt: socialplan.Format = "toml") -> str:
        plan_file.write_text(EDITED, encoding="utf-8")  # someone saves in an editor
        return dumps(plan, fmt)

    monkeypatch.setattr(socialplan._io.files, "dumps", edited_meanwhile)
    argv = ["export", str(plan_file), "--to", "toml", "-o", str(plan_file)]
    refused = main(argv)
    kept = plan_file.read_text(encoding="utf-8")
    forced = main([*argv, "--force"])
    assert (2, EDITED, True, 0) == (
        refused,
        kept,
        "changed since it was loaded" in capsys.readouterr().err,
        forced,
    )


def test_a_link_to_a_file_in_its_own_folder_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text(TEXT, encoding="utf-8")
    link = tmp_path / "plan.toml"
    link.symlink_to(real.name)
    socialplan.dump(socialplan.Plan(name="Through the link"), link)
    assert (True, "Through the link") == (link.is_symlink(), socialplan.load(real).name)


def test_a_link_out_of_its_folder_is_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "precious.toml"
    outside.parent.mkdir()
    outside.write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "plans"
    folder.mkdir()
    link = folder / "plan.toml"
    link.symlink_to(outside)
    with pytest.raises(PermissionError, match="outside its folder"):
        socialplan.dump(socialplan.Plan(name="Overwritten"), link)
    assert (TEXT, ["plan.toml"]) == (
        outside.read_text(encoding="utf-8"),
        sorted(p.name for p in folder.iterdir()),  # no temporary file left behind
    )


def test_the_command_line_does_not_write_through_a_link_out_of_its_folder(
    tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere.csv"
    outside.write_text("precious\n", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "calendar.csv").symlink_to(outside)
    code = main(["export", str(plan_file), "--to", "csv", "-o", str(folder / "calendar.csv")])
    assert (2, "precious\n", True) == (
        code,
        outside.read_text(encoding="utf-8"),
        "outside its folder" in capsys.readouterr().err,
    )


# --- a writer never writes another kind of document over a file read ------------------------

EXAMPLE = Path(__file__).parent.parent / "examples" / "cartoon"


@pytest.fixture
def season(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, holding the cartoon studio's plan and observations."""
    shutil.copy(EXAMPLE / "plan.toml", tmp_path / "plan.toml")
    shutil.copy(EXAMPLE / "observations.csv", tmp_path / "observations.csv")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def named(path: str, how: str) -> str:
    """A path naming the file *path*: itself, a hard link or a symbolic link to it."""
    if how == "the same path":
        return path
    other = f"other-name-of-{path}"
    (os.link if how == "a hard link" else os.symlink)(path, other)
    return other


HOW = ["the same path", "a hard link", "a symbolic link"]


@pytest.mark.parametrize("how", HOW)
def test_dump_does_not_write_a_plan_over_observations_it_read(season: Path, how: str) -> None:
    plan = socialplan.load("plan.toml")
    obs.load("observations.csv", plan)
    before = Path("observations.csv").read_bytes()
    with pytest.raises(PermissionError, match="observations file read in this run"):
        socialplan.dump(plan, named("observations.csv", how), "toml")
    assert before == Path("observations.csv").read_bytes()


@pytest.mark.parametrize("how", HOW)
def test_observations_dump_does_not_write_over_a_plan_it_read(season: Path, how: str) -> None:
    plan = socialplan.load("plan.toml")
    found = obs.load("observations.csv", plan)
    before = Path("plan.toml").read_bytes()
    with pytest.raises(PermissionError, match="plan file read in this run"):
        obs.dump(found, named("plan.toml", how), "toml")
    assert before == Path("plan.toml").read_bytes()


def test_observations_dump_rewrites_the_observations_it_read(season: Path) -> None:
    plan = socialplan.load("plan.toml")
    found = obs.load("observations.csv", plan)
    obs.dump(found[:3], "observations.csv")
    assert found[:3] == obs.load("observations.csv", plan)


def test_observations_dump_refuses_a_file_changed_since_it_was_loaded(season: Path) -> None:
    plan = socialplan.load("plan.toml")
    found = obs.load("observations.csv", plan)
    edited = "metric,date,value\ncommunity_size,2027-01-01,1\n"
    Path("observations.csv").write_text(edited, encoding="utf-8")
    with pytest.raises(socialplan.FileChangedError, match="changed since it was loaded"):
        obs.dump(found, "observations.csv")
    kept = Path("observations.csv").read_text(encoding="utf-8")
    obs.dump(found, "observations.csv", force=True)
    assert (edited, found) == (kept, obs.load("observations.csv", plan))


def test_write_charts_does_not_write_over_a_file_read(season: Path) -> None:
    plan = socialplan.load("plan.toml")
    card = socialplan.score(plan, obs.load("observations.csv", plan))
    Path("traffic.svg").symlink_to("plan.toml")
    before = Path("plan.toml").read_bytes()
    with pytest.raises(PermissionError, match="plan file read in this run"):
        charts.write_charts(card, ".")
    assert (before, []) == (
        Path("plan.toml").read_bytes(),
        [p.name for p in season.glob("*.svg") if not p.is_symlink()],  # all or none
    )


# --- FIFOs and devices: written into, never replaced -----------------------------------------


def read_fifo_while(path: Path, write: Callable[[], object]) -> bytes:
    """Make a FIFO at *path*, run *write*, and return what it wrote into the FIFO."""
    os.mkfifo(path)
    got: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as stream:
            got.append(stream.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    try:
        write()
    finally:
        with contextlib.suppress(OSError):  # let a reader go that nothing wrote to
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(10)
    assert stat.S_ISFIFO(os.stat(path).st_mode)
    return b"".join(got)


def test_dump_writes_into_a_fifo(tmp_path: Path) -> None:
    plan = socialplan.Plan(name="Down the pipe")
    written = read_fifo_while(
        tmp_path / "plan.toml", lambda: socialplan.dump(plan, tmp_path / "plan.toml")
    )
    assert plan == socialplan.loads(written)


def test_observations_dump_writes_into_a_fifo(tmp_path: Path) -> None:
    season = [obs.Observation(metric="leads", date=dt.date(2027, 3, 1), value=4)]
    fifo = tmp_path / "season.csv"
    written = read_fifo_while(fifo, lambda: obs.dump(season, fifo))
    assert obs.dumps(season).encode() == written


def test_dump_into_a_full_device_raises_and_leaves_the_device(tmp_path: Path) -> None:
    full = tmp_path / "full"
    try:
        os.mknod(full, stat.S_IFCHR | 0o666, os.stat("/dev/full").st_rdev)
    except PermissionError:  # not root: the system's, which only root could replace
        full = Path("/dev/full")
    with pytest.raises(OSError, match="No space left on device"):
        socialplan.dump(socialplan.Plan(name="Lost"), full, "toml")
    assert stat.S_ISCHR(os.stat(full).st_mode)


# --- symbolic links anywhere on the way -------------------------------------------------------


@pytest.fixture
def linked_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder holds ``out``, a link to a folder outside it, which is returned."""
    (tmp_path / "work").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "work" / "out").symlink_to(tmp_path / "elsewhere")
    monkeypatch.chdir(tmp_path / "work")
    return tmp_path / "elsewhere"


def test_dump_does_not_write_through_a_folder_linked_out_of_its_folder(linked_out: Path) -> None:
    with pytest.raises(PermissionError, match="outside its folder"):
        socialplan.dump(socialplan.Plan(name="Out"), "out/plan.toml")
    assert [] == list(linked_out.iterdir())


def test_observations_dump_does_not_write_through_a_folder_linked_out(linked_out: Path) -> None:
    season = [obs.Observation(metric="leads", date=dt.date(2027, 3, 1), value=4)]
    with pytest.raises(PermissionError, match="outside its folder"):
        obs.dump(season, "out/season.csv")
    assert [] == list(linked_out.iterdir())


def test_write_charts_does_not_write_through_a_folder_linked_out(linked_out: Path) -> None:
    plan = socialplan.load(EXAMPLE / "plan.toml")
    card = socialplan.score(plan, obs.load(EXAMPLE / "observations.csv", plan))
    with pytest.raises(PermissionError, match="outside its folder"):
        charts.write_charts(card, "out/charts")
    assert [] == list(linked_out.iterdir())


LINK_PLACES = ["a", "b", "real/c", "real/sub/d"]
LINK_TARGETS = ["real", "real/sub", "sub", ".", "..", "../..", "../outside", "{outside}",
                "{outside}/deep", "a", "missing", "../outside/plan.toml"]  # fmt: skip


@settings(max_examples=150)
@given(
    links=st.dictionaries(st.sampled_from(LINK_PLACES), st.sampled_from(LINK_TARGETS)),
    parts=st.lists(st.sampled_from(["a", "b", "c", "d", "real", "sub"]), max_size=4),
)
def test_a_path_below_the_current_folder_never_writes_outside_it(
    links: dict[str, str], parts: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary).resolve()
        work, outside = root / "work", root / "outside"
        (work / "real" / "sub").mkdir(parents=True)
        outside.mkdir()
        for place, to in links.items():
            (work / place).symlink_to(to.format(outside=outside))
        with contextlib.chdir(work), contextlib.suppress(OSError):
            socialplan.dump(socialplan.Plan(name="Here"), Path(*parts, "plan.toml"))
        written = [
            Path(folder, name)
            for folder, _, names in os.walk(root)
            for name in names
            if name.endswith(".toml") or name.endswith(".tmp")
        ]
        assert [] == [path for path in written if work not in path.parents]


def test_write_charts_puts_back_what_it_moved_when_a_move_fails(
    season: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = socialplan.load("plan.toml")
    card = socialplan.score(plan, obs.load("observations.csv", plan))
    charts.write_charts(card, "charts")
    before = {p.name: p.read_bytes() for p in Path("charts").iterdir()}
    replace, moves = os.replace, []

    def third_move_fails(source: str, destination: str) -> None:
        if os.fspath(source).endswith(".tmp"):  # a chart put in place, not one put back
            moves.append(destination)
            if len(moves) == 3:
                raise OSError(errno.EIO, "Input/output error")
        replace(source, destination)

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", third_move_fails)
        with pytest.raises(OSError, match="Input/output error"):
            charts.write_charts(card, "charts", lang="es")  # other bytes, had any stayed
    assert before == {p.name: p.read_bytes() for p in Path("charts").iterdir()}


@pytest.mark.parametrize(("name", "other"), [("plan.toml", "json"), ("plan.json", "toml")])
def test_dump_refuses_the_other_format_over_the_plan_it_read(
    tmp_path: Path, name: str, other: socialplan.Format
) -> None:
    path = tmp_path / name
    socialplan.dump(socialplan.loads(TEXT), path)
    before = path.read_bytes()
    plan = socialplan.load(path)
    with pytest.raises(PermissionError, match=f"would not load by its name; name a .{other} file"):
        socialplan.dump(plan, path, other)
    assert before == path.read_bytes()


def test_dump_writes_the_format_it_read_back_over_the_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    socialplan.dump(socialplan.loads(TEXT), path)
    plan = socialplan.load(path)
    socialplan.dump(attrs.evolve(plan, name="Renamed"), path, "json")
    assert "Renamed" == socialplan.load(path).name


def test_observations_dump_refuses_another_format_over_the_file_it_read(tmp_path: Path) -> None:
    from socialplan import observations

    plan = socialplan.loads(TEXT + '[metrics.leads]\nname = "Leads"\n')
    path = tmp_path / "observations.csv"
    path.write_text("metric,date,value\nleads,2027-03-01,4\n", encoding="utf-8")
    found = observations.load(path, plan)
    with pytest.raises(PermissionError, match="would not load by its name"):
        observations.dump(found, path, "json")
    assert "metric,date,value\nleads,2027-03-01,4\n" == path.read_text(encoding="utf-8")
