"""The documentation cannot rot: generated pages are current, the pre-commit hook is sound.

The examples in the pages themselves run through Sybil (see conftest.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from socialplan._cli import main
from socialplan._reference import PAGES, cli_markdown, keys_markdown
from socialplan.schema import json_schema

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_page_is_current(name: str) -> None:
    committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert PAGES[name]() == committed, (
        f"docs/{name} is out of date: run `python -m socialplan._reference`"
    )


def test_keys_page_has_every_table_and_key_of_the_schema() -> None:
    sections = dict(re.findall(r"^## (\w+)\n(.*?)(?=^## |\Z)", keys_markdown(), re.M | re.S))
    tables = {
        name: sorted(definition["properties"])
        for name, definition in json_schema()["$defs"].items()
        if "properties" in definition
    }
    listed = {
        name: sorted(re.findall(r"^\| `(\w+)` \|", sections.get(name, ""), re.M)) for name in tables
    }
    assert tables == listed


def test_cli_page_has_a_section_per_command() -> None:
    page = cli_markdown()
    commands = ["check", "status", "maturity", "rules", "report", "score", "trace", "graph"]
    commands += ["schema", "export", "diff", "observations import", "new"]
    assert commands == re.findall(r"^## socialplan (\S+(?: \S+)?)$", page, re.MULTILINE)


def test_cli_page_lists_the_options_help_shows(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    shown = set(re.findall(r"--[a-z][a-z-]*", capsys.readouterr().out)) - {"--help"}
    section = cli_markdown().split("## socialplan check")[1].split("\n## ")[0]
    assert shown == set(re.findall(r"--[a-z][a-z-]*", section))


def _hooks() -> list[dict[str, str]]:
    """The hooks of .pre-commit-hooks.yaml: a list of flat mappings of plain scalars."""
    hooks: list[dict[str, str]] = []
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = re.fullmatch(r"(- |  )(\w+): (.+)", line)
        assert match, f"not a plain `key: value` line: {line!r}"
        if match[1] == "- ":
            hooks.append({})
        value = match[3]
        if value[0] in "'\"":
            assert value[0] == value[-1], f"unterminated quote: {line!r}"
            value = value[1:-1]
        hooks[-1][match[2]] = value
    return hooks


def test_pre_commit_hook_runs_socialplan_check() -> None:
    (hook,) = _hooks()
    expected = {"id": "socialplan-check", "entry": "socialplan check", "language": "python"}
    assert expected == {key: hook[key] for key in expected}


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("plan.toml", True),
        ("examples/cartoon/plan.toml", True),
        ("plans/cafe-plan-2027.json", True),
        ("pyproject.toml", False),
        ("examples/cartoon/observations.csv", False),
        ("docs/plan.md", False),
        ("plans/notes/readme.toml", False),
    ],
)
def test_pre_commit_hook_files_pattern(path: str, checked: bool) -> None:
    (hook,) = _hooks()
    assert checked == bool(re.search(hook["files"], path))


def test_the_site_builds_without_a_warning(tmp_path: Path) -> None:
    """What `nox -s docs` builds, built here too, so that CI catches a broken link or page."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
    result = subprocess.run(
        [*command, str(ROOT / "docs"), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert (0, "") == (result.returncode, result.stderr)
