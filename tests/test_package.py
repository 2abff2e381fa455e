"""The package as a user meets it: imports, version, typing and style."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import socialplan

ROOT = Path(__file__).parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, cwd=ROOT)


def test_importing_socialplan_leaves_the_heavy_parts_unloaded() -> None:
    heavy = "{'cattrs', 'networkx', 'tomli_w'}"
    code = f"import sys, socialplan; print(sorted({heavy} & set(sys.modules)))"
    assert "[]\n" == run(sys.executable, "-c", code).stdout


def test_version_is_the_installed_distributions() -> None:
    from importlib.metadata import version

    assert version("socialplan") == socialplan.__version__


def test_all_is_sorted_and_every_name_resolves() -> None:
    names = socialplan.__all__
    assert (sorted(names), []) == (
        names,
        [n for n in names if getattr(socialplan, n, None) is None],
    )


def test_an_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        socialplan.no_such_thing  # type: ignore[attr-defined]  # noqa: B018


def test_the_standard_library_parser_is_used_without_tomli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tomli", None)
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads('format = "socialplan/1"\n[plan\n')
    assert "SP001" == info.value.diagnostics[0].code


def test_mypy_strict_passes_on_the_sources() -> None:
    result = run(sys.executable, "-m", "mypy", "--strict", "src")
    assert (0, "") == (result.returncode, result.stderr), result.stdout


def test_ruff_passes_on_the_sources_and_tests() -> None:
    result = run(sys.executable, "-m", "ruff", "check", "src", "tests", "conftest.py", "noxfile.py")
    assert 0 == result.returncode, result.stdout
