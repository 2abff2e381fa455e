"""Nothing runs code a plan file names: rules come only from installed entry points.

A module that leaves a mark when imported sits on ``sys.path``; plans and settings name it
wherever a name could go (methodology, rule selection, unknown keys that look like plugin
settings, text fields). Loading, checking and every command leave it unimported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import socialplan
from socialplan.steps import MethodologyError

MODULE = "sp_evil_plugin"
PLAN = f"""\
format = "socialplan/1"
[plan]
name = "{MODULE}"
vision = "{MODULE}:rules"

[methodology]
name = "{MODULE}:METHOD"

[check]
select = ["SP1"]
severity = {{ SP101 = "error" }}

[channels.ig]
platform = "{MODULE}"

[[calendar]]
date = 2027-02-05
channel = "ig"
title = "__import__('{MODULE}')"
"""
PLUGIN_KEYS = f"""\
plugins = ["{MODULE}"]
rules = "{MODULE}:rules"
"""
PYPROJECT = f"""\
[tool.socialplan]
select = ["SP"]
plugins = ["{MODULE}"]
"""
COMMANDS = [
    ["check", "plan.toml"],
    ["status", "plan.toml"],
    ["maturity", "plan.toml"],
    ["report", "plan.toml"],
    ["graph", "plan.toml", "--what", "alignment"],
    ["export", "plan.toml", "--to", "csv"],
    ["trace", "plan.toml"],
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    marker = tmp_path / "IMPORTED"
    (tmp_path / f"{MODULE}.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nMETHOD = None\nrules = []\n", encoding="utf-8"
    )
    (tmp_path / "plan.toml").write_text(PLAN, encoding="utf-8")
    return tmp_path


def test_the_module_leaves_its_mark_when_imported(folder: Path) -> None:
    subprocess.run([sys.executable, "-c", f"import {MODULE}"], cwd=folder, check=True)
    assert (folder / "IMPORTED").exists()


def test_loading_and_checking_a_plan_naming_a_module_does_not_import_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(folder))
    plan = socialplan.load(folder / "plan.toml")
    socialplan.validate(plan)
    with pytest.raises(MethodologyError, match="not a built-in methodology"):
        socialplan.progress(plan)
    with pytest.raises(socialplan.LoadError):
        socialplan.loads(PLAN.replace("[methodology]", PLUGIN_KEYS + "[methodology]"))
    with pytest.raises(socialplan.LoadError, match=f"check.select.1.: .{MODULE.upper()}"):
        socialplan.loads(PLAN.replace('"SP1"', f'"SP1", "{MODULE.upper()}"'))
    assert (False, False) == (MODULE in sys.modules, (folder / "IMPORTED").exists())


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_no_command_imports_a_module_the_plan_or_settings_name(
    folder: Path, command: list[str]
) -> None:
    (folder / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(folder)}
    done = subprocess.run(
        [sys.executable, "-m", "socialplan", *command],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (False, False) == ((folder / "IMPORTED").exists(), "Traceback" in done.stderr)
