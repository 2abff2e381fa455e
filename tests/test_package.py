"""The package as a user meets it: imports, version, typing and style."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import socialplan
from helpers import HEAD

ROOT = Path(__file__).parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, cwd=ROOT)


def after_check(arguments: list[str], shown: str) -> subprocess.CompletedProcess[str]:
    """A new interpreter that runs ``socialplan`` with *arguments* (its output kept quiet),
    then prints the expression *shown* (of ``sys.modules``, say)."""
    code = (
        "import contextlib, io, sys\n"
        "from socialplan._cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({arguments!r})\n"
        f"print({shown})\n"
    )
    return run(sys.executable, "-c", code)


def test_importing_socialplan_leaves_the_heavy_parts_unloaded() -> None:
    heavy = {
        "cattrs",
        "difflib",
        "html",
        "importlib.metadata",
        "json",
        "networkx",
        "pathlib",
        "socialplan._core.escape",
        "socialplan._core.text",
        "socialplan.rules",
        "socialplan.steps",
        "tomli_w",
    }
    code = f"import sys, socialplan; print(sorted({heavy} & set(sys.modules)))"
    assert "[]\n" == run(sys.executable, "-c", code).stdout


#: What `socialplan check` does not need: each costs start-up time on every run.
NOT_FOR_CHECK = {
    "csv",
    "email",
    "html.parser",
    "hypothesis",
    "icalendar",
    "importlib.metadata",
    "jsonschema",
    "networkx",
    "pydot",
    "socialplan._cli.catalog",
    "socialplan._cli.new",
    "socialplan._cli.outputs",
    "socialplan._cli.progress",
    "socialplan._diff",
    "socialplan._io.write",
    "socialplan._score",
    "socialplan._trace",
    "socialplan.export",
    "socialplan.graphs",
    "socialplan.observations",
    "socialplan.render",
    "socialplan.schema",
    "socialplan.steps._maturity",
    "socialplan.steps._views",
    "shutil",
    "subprocess",
    "tempfile",
    "tomli_w",
    "zipfile",
}


@pytest.mark.parametrize("fmt", ["text", "json"])  # SARIF names the version: importlib.metadata
def test_the_check_command_imports_only_what_it_needs(fmt: str, tmp_path: Path) -> None:
    import json

    from socialplan._generate import plan_data

    # Its steps are marked by hand, channels cross-post and roles escalate, all without a
    # cycle: networkx is needed only to find a cycle or to order steps listed out of order.
    data = plan_data(100)
    plan = tmp_path / "plan.toml"
    plan.write_text(socialplan.dumps(socialplan.loads(json.dumps(data), "json")))
    result = after_check(
        ["check", "--format", fmt, str(plan)], f"sorted({NOT_FOR_CHECK} & set(sys.modules))"
    )
    assert "[]\n" == result.stdout, result.stderr


#: What `socialplan check` of a TOML file, its findings as text, does not import: each was
#: imported for a path it does not take (issue #21: start-up), and costs every run.
NOT_FOR_A_TOML_CHECK = [
    "pathlib",  # and with it urllib.parse, ipaddress, fnmatch: folders and globs are walked
    "json",  # a JSON document, a JSON or SARIF report, a fix's quoting
    "socialplan._io.gitignore",  # folders and globs only
]


@pytest.mark.parametrize("module", NOT_FOR_A_TOML_CHECK)
def test_checking_a_toml_plan_leaves_unloaded(module: str) -> None:
    plan = ROOT / "examples" / "bakery" / "plan.toml"
    result = after_check(["check", str(plan)], f"{module!r} in sys.modules")
    assert "False\n" == result.stdout, result.stderr


def test_checking_a_plan_that_names_no_step_leaves_the_steps_unloaded(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(HEAD, encoding="utf-8")
    shown = "sorted({'socialplan.steps'} & set(sys.modules))"
    assert "[]\n" == after_check(["check", str(plan)], shown).stdout


def test_version_is_the_installed_distributions() -> None:
    from importlib.metadata import version

    assert version("socialplan") == socialplan.__version__


def test_all_is_sorted_and_every_name_resolves() -> None:
    names = socialplan.__all__
    assert (sorted(names), []) == (
        names,
        [n for n in names if getattr(socialplan, n, None) is None],
    )


def test_dir_lists_every_public_name_without_loading_it() -> None:
    code = (
        "import sys, socialplan\n"
        "listed = set(dir(socialplan))\n"
        "print(sorted(set(socialplan.__all__) - listed), 'socialplan._io.files' in sys.modules)\n"
    )
    assert "[] False\n" == run(sys.executable, "-c", code).stdout


def test_an_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        socialplan.no_such_thing  # noqa: B018


def test_the_standard_library_parser_is_used_without_tomli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tomli", None)
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads('format = "socialplan/1"\n[plan\n')
    assert "SP001" == info.value.diagnostics[0].code


def test_mypy_strict_passes_on_the_sources_and_tests() -> None:
    result = run(sys.executable, "-m", "mypy", "--strict", "src", "tests")
    assert (0, "") == (result.returncode, result.stderr), result.stdout


def test_ruff_passes_on_the_sources_and_tests() -> None:
    result = run(sys.executable, "-m", "ruff", "check", "src", "tests", "conftest.py", "noxfile.py")
    assert 0 == result.returncode, result.stdout


def test_checking_a_right_plan_with_msgspec_leaves_cattrs_unloaded() -> None:
    # The fast pass (msgspec, the `fast` extra) builds a right plan; cattrs is the detailed
    # pass's engine, imported only when a document fails the fast one.
    plan = ROOT / "examples" / "bakery" / "plan.toml"
    shown = (
        "sorted(m for m in sys.modules if m.split('.')[0] == 'cattrs'"
        " or m == 'socialplan._io.convert')"
    )
    result = after_check(["check", str(plan)], shown)
    assert "[]\n" == result.stdout, result.stderr
