"""Writes lose nothing: a file changed since it was loaded is not overwritten unless asked,
and a symbolic link never carries a write out of its folder."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import socialplan
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
    import socialplan._io

    dumps = socialplan._io.dumps

    def edited_meanwhile(plan: socialplan.Plan, fmt: socialplan.Format = "toml") -> str:
        plan_file.write_text(EDITED, encoding="utf-8")  # someone saves in an editor
        return dumps(plan, fmt)

    monkeypatch.setattr(socialplan._io, "dumps", edited_meanwhile)
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
