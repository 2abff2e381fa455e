"""Files: the format comes from the suffix, writes are atomic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings

import socialplan
from helpers import HEAD
from socialplan.testing import loadable_plans as plans


def test_load_reads_the_format_from_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"format": "socialplan/1", "plan": {"name": "Demo"}}', encoding="utf-8")
    assert "Demo" == socialplan.load(path).name


def test_load_refuses_an_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(HEAD, encoding="utf-8")
    with pytest.raises(ValueError, match=r"\.toml or \.json"):
        socialplan.load(path)


def test_load_with_an_explicit_format_ignores_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(HEAD, encoding="utf-8")
    assert "Demo" == socialplan.load(path, format="toml").name


JSON = '{"format": "socialplan/1", "plan": {"name": "Demo"}}'


def syntax_hint(
    text: str, fmt: socialplan.Format, file: str | None = None
) -> tuple[str, str | None]:
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.loads(text, fmt, file=file)
    (diagnostic,) = info.value.diagnostics
    return diagnostic.code, diagnostic.hint


@pytest.mark.parametrize("text", [JSON, "\ufeff\n  " + JSON, ("\ufeff \r\n" + JSON).encode()])
def test_loads_without_a_format_reads_json(text: str | bytes) -> None:
    assert "Demo" == socialplan.loads(text).name


def test_json_loaded_as_toml_says_it_looks_like_json() -> None:
    assert ("SP001", 'this looks like JSON; pass format="json"') == syntax_hint(JSON, "toml")


def test_toml_loaded_as_json_says_it_looks_like_toml() -> None:
    assert ("SP001", 'this looks like TOML; pass format="toml"') == syntax_hint(HEAD, "json")


def test_a_json_file_named_toml_says_which_suffix_it_needs(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(JSON, encoding="utf-8")
    with pytest.raises(socialplan.LoadError) as info:
        socialplan.load(path)
    assert ['this looks like JSON: name the file .json, or pass format="json"'] == [
        d.hint for d in info.value.diagnostics
    ]


@settings(max_examples=20)
@given(plans())
def test_dump_then_load_gives_the_same_plan(
    tmp_path_factory: pytest.TempPathFactory, plan: socialplan.Plan
) -> None:
    path = tmp_path_factory.mktemp("dump") / "plan.json"
    socialplan.dump(plan, path)
    assert plan == socialplan.load(path)


def test_dump_writes_the_format_of_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    socialplan.dump(socialplan.Plan(name="Demo"), path)
    assert 'format = "socialplan/1"\n\n[plan]\nname = "Demo"\n' == path.read_text(encoding="utf-8")


def test_a_failed_dump_leaves_the_old_file_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("old", encoding="utf-8")

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        socialplan.dump(socialplan.Plan(name="Demo"), path)
    assert (["plan.toml"], "old") == (
        sorted(p.name for p in tmp_path.iterdir()),
        path.read_text(encoding="utf-8"),
    )


def test_dump_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)
    socialplan.dump(socialplan.Plan(name="Demo"), path)
    assert 0o600 == path.stat().st_mode & 0o777


def test_json_output_keeps_dates_as_iso_strings() -> None:
    plan = socialplan.loads(HEAD + "start = 2027-01-10\n")
    assert '"start": "2027-01-10"' in socialplan.dumps(plan, "json")


def test_defaults_are_left_out_of_the_output() -> None:
    plan = socialplan.loads(HEAD + "[objectives.aw]\ntitle = 'x'\nmeasure = 'quantitative'\n")
    assert "measure" not in socialplan.dumps(plan)


def test_evolve_returns_a_changed_copy() -> None:
    plan = socialplan.Plan(name="A")
    assert ("A", "B") == (plan.name, plan.evolve(name="B").name)


@pytest.mark.parametrize(
    "text", ['format = "socialplan/1"\n[plan]\nname = "A"\n', "[plan", "x = 1"]
)
def test_loading_leaves_the_garbage_collector_as_it_found_it(text: str) -> None:
    import contextlib
    import gc

    with contextlib.suppress(socialplan.LoadError):
        socialplan.loads(text)
    assert gc.isenabled()
