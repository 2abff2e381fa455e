"""``[check.per_path_ignores]``: rules ignored by dotted path pattern, as ruff's per-file ignores.

The key is optional: a file without it loads and dumps as it did.
"""

from __future__ import annotations

import json

import pytest

import socialplan
from helpers import HEAD, MISALIGNED, Write, run
from socialplan.rules import Selection, project_settings, suppress


def test_a_check_table_with_per_path_ignores_loads_them() -> None:
    plan = socialplan.loads(HEAD + '[check.per_path_ignores]\n"objectives.legacy_*" = ["SP2"]\n')
    assert plan.check is not None
    assert {"objectives.legacy_*": ("SP2",)} == dict(plan.check.per_path_ignores)


def test_per_path_ignores_round_trip_in_toml_and_json() -> None:
    plan = socialplan.loads(HEAD + '[check.per_path_ignores]\n"metrics.*" = ["SP202", "sp1"]\n')
    for fmt in ("toml", "json"):
        assert plan == socialplan.loads(socialplan.dumps(plan, fmt), fmt)


def test_a_plan_without_the_key_dumps_without_it() -> None:
    plan = socialplan.loads(HEAD + '[check]\nignore = ["SP2"]\n')
    assert "per_path_ignores" not in socialplan.dumps(plan, "toml")


def test_a_misshapen_code_of_a_per_path_ignore_is_a_load_error_at_its_place() -> None:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(HEAD + '[check.per_path_ignores]\n"metrics.*" = ["SP2O2"]\n')
    assert [("SP006", 'check.per_path_ignores."metrics.*"[0]', 'did you mean "SP202"?')] == [
        (d.code, d.path, d.hint) for d in caught.value.diagnostics
    ]


def test_a_per_path_ignore_that_is_not_a_list_is_a_wrong_type() -> None:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(HEAD + '[check.per_path_ignores]\n"metrics.*" = "SP2"\n')
    assert [("SP005", 'check.per_path_ignores."metrics.*"')] == [
        (d.code, d.path) for d in caught.value.diagnostics
    ]


def test_a_code_that_names_no_rule_is_reported_by_validation_with_the_nearest() -> None:
    plan = socialplan.loads(HEAD + '[check.per_path_ignores]\n"metrics.*" = ["SP250"]\n')
    found = [d for d in socialplan.validate(plan) if d.path.startswith("check")]
    assert [("SP006", 'check.per_path_ignores."metrics.*"[0]', 'did you mean "SP205"?')] == [
        (d.code, d.path, d.hint) for d in found
    ]


def test_per_path_ignores_hide_the_findings_under_a_matching_path() -> None:
    plan = socialplan.loads(MISALIGNED + '[check.per_path_ignores]\n"metrics.vis*" = ["SP2"]\n')
    report = socialplan.validate(plan, select=["SP101", "SP202"])
    kept = suppress(report, MISALIGNED, plan=plan).report()
    assert ["SP101"] == kept.codes()


def test_a_pattern_matches_the_parts_below_the_path_it_names() -> None:
    plan = socialplan.loads(MISALIGNED + '[check.per_path_ignores]\n"metrics.likes" = ["SP101"]\n')
    report = socialplan.validate(plan, select=["SP101", "SP202"])
    assert ["SP202"] == suppress(report, MISALIGNED, plan=plan).report().codes()


def test_brackets_of_a_pattern_are_a_list_index_not_a_character_class() -> None:
    body = HEAD + '[[calendar]]\ndate = 2027-01-10\nchannel = "blog"\ntitle = "TODO"\n'
    plan = socialplan.loads(body + '[check.per_path_ignores]\n"calendar[0]" = ["SP901"]\n')
    report = socialplan.validate(plan, select=["SP901"])
    assert ([], ["SP901"]) == (
        suppress(report, body, plan=plan).report().codes(),
        report.codes(),
    )


def test_the_projects_per_path_ignores_apply_through_settings(write: Write) -> None:
    write("pyproject.toml", '[tool.socialplan.per_path_ignores]\n"metrics.likes" = ["SP1"]\n')
    path = write("plan.toml", MISALIGNED)
    project = project_settings(path)
    assert project == Selection(per_path_ignores={"metrics.likes": ["SP1"]})
    plan = socialplan.load(path)
    report = socialplan.validate(plan, select=["SP101", "SP202"], settings=project)
    assert ["SP202"] == suppress(report, MISALIGNED, plan=plan, settings=project).report().codes()


def test_a_projects_per_path_ignore_naming_no_rule_is_a_bad_setting(write: Write) -> None:
    write("pyproject.toml", '[tool.socialplan.per_path_ignores]\n"metrics.*" = ["SP250"]\n')
    with pytest.raises(socialplan.LoadError) as caught:
        project_settings(write("plan.toml", MISALIGNED))
    assert [(2, 'tool.socialplan.per_path_ignores."metrics.*"[0]')] == [
        (d.line, d.path) for d in caught.value.diagnostics
    ]


def test_check_applies_the_plans_per_path_ignores(write: Write, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write("plan.toml", MISALIGNED + '[check.per_path_ignores]\n"metrics.likes" = ["SP1"]\n')
    code, out, _ = run(["check", path, "--select", "SP101,SP202", "--format", "json"], capsys)
    assert (0, ["SP202"]) == (code, [d["code"] for d in json.loads(out)["files"][0]["diagnostics"]])
