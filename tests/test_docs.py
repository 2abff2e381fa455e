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


def test_the_mentions_export_the_observations_page_imports_is_the_tests_fixture() -> None:
    page = (ROOT / "docs" / "observations.md").read_text(encoding="utf-8")
    (shown,) = re.findall(r"^```text file=listening_mentions.csv\n(.*?)^```", page, re.M | re.S)
    fixture = (ROOT / "tests" / "exports" / "listening_mentions.csv").read_text(encoding="utf-8")
    assert fixture == shown


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
    commands = ["check", "fix", "status", "maturity", "rules", "report", "score", "trace"]
    commands += ["graph", "schema", "export", "diff", "observations import", "new", "lsp"]
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
    expected = {
        "id": "socialplan-check",
        "entry": "socialplan check --only-plans",
        "language": "python",
    }
    assert expected == {key: hook[key] for key in expected}


def test_pre_commit_hook_hands_over_every_toml_and_json_file() -> None:
    (hook,) = _hooks()
    assert ("[toml, json]", None) == (hook.get("types_or"), hook.get("files"))


def test_pre_commit_hook_checks_plans_by_their_content_not_their_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What pre-commit runs on the files it hands over: `plans/client.toml` is a plan, and
    checked; `config/planner.toml` is not, and skipped."""
    import json
    import shlex

    (hook,) = _hooks()
    (tmp_path / "plans").mkdir()
    (tmp_path / "config").mkdir()
    (tmp_path / "plans" / "client.toml").write_text(
        'format = "socialplan/1"\n[plan]\nname = "Client"\n', encoding="utf-8"
    )
    (tmp_path / "config" / "planner.toml").write_text("[planner]\nworkers = 4\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    command, *args = shlex.split(hook["entry"])
    code = main([*args, "--format", "json", "config/planner.toml", "plans/client.toml"])
    files = [entry["file"] for entry in json.loads(capsys.readouterr().out)["files"]]
    assert ("socialplan", 0, ["plans/client.toml"]) == (command, code, files)


def test_the_site_builds_without_a_warning(tmp_path: Path) -> None:
    """What `nox -s docs` builds, built here too, so that CI catches a broken link or page."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
    result = subprocess.run(
        [*command, str(ROOT / "docs"), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert (0, "") == (result.returncode, result.stderr)
