"""Fixes: the findings that can be fixed without a person's judgement say how, as edits of
the text; ``check --fix``, ``--unsafe-fixes``, ``--diff`` and ``socialplan fix`` apply them."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import socialplan
from helpers import HEAD, Write, run, without_step_notes
from socialplan import Edit, Fix


def load_errors(text: str, fmt: socialplan.Format = "toml") -> list[socialplan.Diagnostic]:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text, fmt)
    return list(caught.value.diagnostics)


def fixed(text: str, fmt: socialplan.Format = "toml", *, unsafe: bool = False) -> str:
    """*text* with one pass of the fixes of its load errors, or of its findings if it loads."""
    try:
        plan = socialplan.loads(text, fmt)
    except socialplan.LoadError as error:
        found = list(error.diagnostics)
    else:
        found = list(socialplan.validate(plan).located(text, fmt))
    return socialplan.apply_fixes(text, found, unsafe=unsafe)[0]


# --- the fixes the findings carry ---------------------------------------------------------------


def test_a_misspelled_key_with_one_clear_candidate_has_a_safe_fix_over_the_key() -> None:
    (found,) = [d for d in load_errors('format = "socialplan/1"\n[plan]\nnmae = "Demo"\n')
                if d.code == "SP003"]  # fmt: skip
    assert Fix('write "name"', True, (Edit(3, 1, 3, 5, "name"),), replacement="name") == found.fix


def test_an_enum_value_keeps_the_quotes_it_was_written_with() -> None:
    text = HEAD + "[objectives.o]\ntitle = 'T'\nstage = 'awarenes'  # the funnel\n"
    assert text.replace("'awarenes'", "'awareness'") == fixed(text)


def test_a_value_with_two_candidates_as_close_has_an_unsafe_fix() -> None:
    # "retir" is as near "retired" as "retiring": a guess between them
    text = HEAD + '[channels.blog]\nplatform = "blog"\nstatus = "retir"\n'
    (found,) = load_errors(text)
    fix = found.fix
    assert fix is not None
    expected = Fix('write "retired"', False, (Edit(6, 10, 6, 17, '"retired"'),))
    assert ("SP006", expected) == (found.code, attrs.evolve(fix, replacement=None))


def test_a_key_is_not_renamed_onto_one_its_table_already_has() -> None:
    (found,) = load_errors(HEAD + 'nmae = "Other"\n')
    assert ("SP003", None) == (found.code, found.fix)


def test_a_reference_to_a_near_miss_id_is_fixed_in_place() -> None:
    text = HEAD + (
        '[business_goals.grow]\nstatement = "Grow"\n'
        '[objectives.o]\ntitle = "T"\nsupports = ["grwo"]  # typo\n'
    )
    assert text.replace('["grwo"]', '["grow"]') == fixed(text)


def test_a_misspelled_escalation_is_not_fixed_onto_the_role_itself() -> None:
    # "role-" is as near to role-1, whose escalation it is, as to role-0: a role escalating
    # to itself is a circle (SP406), so role-0 is the one suggestion, and safe.
    text = HEAD + (
        '[roles.role-0]\ntitle = "Team 0"\n'
        '[roles.role-1]\ntitle = "Team 1"\nescalate_to = "role-"\n'
    )
    assert text.replace('"role-"', '"role-0"') == fixed(text)


def test_a_json_fix_keeps_the_json_indentation() -> None:
    document = {"format": "socialplan/1", "plan": {"nmae": "Demo"}}
    text = json.dumps(document, indent=4) + "\n"
    assert text.replace('"nmae"', '"name"') == fixed(text, "json")


def test_a_step_marked_open_whose_content_is_complete_has_a_safe_fix_to_done() -> None:
    text = without_step_notes(Path("examples/cartoon/plan.toml").read_text(encoding="utf-8"))
    report = socialplan.validate(socialplan.loads(text), select=["SP808"]).located(text)
    fixes = {(d.fix.safe, d.fix.edits[0].text) for d in report if d.fix is not None}
    assert ({(True, '"done"')}, 3) == (fixes, len(report))


# A step marked done by hand whose content is missing (SP805): only a person knows whether the
# record or the plan is behind, so its fix (back to in progress) is unsafe.
DONE_BY_HAND = HEAD + '[steps.policy]\nstatus = "done"\n'


def test_a_step_marked_done_whose_content_is_missing_has_an_unsafe_fix() -> None:
    report = socialplan.validate(socialplan.loads(DONE_BY_HAND), select=["SP805"])
    located = report.located(DONE_BY_HAND)
    assert [(False, '"in_progress"')] == [
        (d.fix.safe, d.fix.edits[0].text) for d in located if d.fix is not None
    ]


def test_only_unsafe_fixes_are_left_without_unsafe() -> None:
    assert DONE_BY_HAND == fixed(DONE_BY_HAND)


def test_a_byte_order_mark_stays_where_it_was() -> None:
    text = "\ufeff" + 'format = "socialplan/1"\n[plan]\nnmae = "Demo"\n'
    assert "\ufeff" + HEAD == fixed(text)


def test_edits_that_overlap_are_refused() -> None:
    from socialplan._io.edits import apply_edits

    with pytest.raises(ValueError, match="overlap"):
        apply_edits("abcdef", [Edit(1, 1, 1, 4, "x"), Edit(1, 3, 1, 5, "y")])


def test_the_rule_pages_say_whether_a_rule_has_a_fix(capsys: pytest.CaptureFixture[str]) -> None:
    pages = []
    for code in ("SP003", "SP805", "SP205"):
        pages.append(json.loads(run(["rules", code, "--format", "json"], capsys)[1])["fix_safety"])
    assert ["safe", "unsafe", None] == pages


# --- the command line ---------------------------------------------------------------------------

BROKEN = (
    'format = "socialplan/1"\n'
    "# our plan\n"
    "[plan]\n"
    'nmae   = "Demo"  # aligned\n'
    '[business_goals.grow]\nstatement = "Grow"\n'
    "[objectives.o]\ntitle = 'T'\nstage = 'awarenes'\nsupports = [ \"grwo\" ]\n"
)
FIXED = (
    BROKEN.replace("nmae ", "name ")
    .replace("'awarenes'", "'awareness'")
    .replace('"grwo"', '"grow"')
)


def test_check_fix_writes_every_fix_keeping_the_rest_of_the_text(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", BROKEN)
    code, out, _ = run(["check", "--fix", path], capsys)
    assert (0, FIXED, f"{path}: fixed 3 problems (SP003, SP006, SP101)") == (
        code,
        Path(path).read_text(encoding="utf-8"),
        out.splitlines()[-1],
    )


def test_check_fix_reports_what_remains(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("plan.toml", BROKEN + "[objectives.p]\ntitle = 'P'\nsupports = [\"nothing\"]\n")
    code, out, _ = run(["check", "--fix", path, "--select", "SP101"], capsys)
    assert (1, True) == (code, 'objective "nothing"' in out or 'goal "nothing"' in out)


def test_diff_prints_the_change_writes_nothing_and_exits_1(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", BROKEN)
    code, out, _ = run(["check", "--diff", path], capsys)
    expected = [
        f"--- {path}",
        f"+++ {path}",
        "@@ -1,10 +1,10 @@",
        ' format = "socialplan/1"',
        " # our plan",
        " [plan]",
        '-nmae   = "Demo"  # aligned',
        '+name   = "Demo"  # aligned',
    ]
    assert (1, expected, BROKEN) == (
        code,
        out.splitlines()[:8],
        Path(path).read_text(encoding="utf-8"),
    )


def test_diff_with_nothing_to_fix_prints_nothing_and_exits_0(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", FIXED)
    assert (0, "") == run(["check", "--diff", path], capsys)[:2]


def test_fix_says_what_it_fixed_and_what_is_left(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", BROKEN)
    code, out, _ = run(["fix", path, "--select", "SP1"], capsys)
    assert (0, [f"{path}: fixed 3 problems (SP003, SP006, SP101)"]) == (code, out.splitlines())


def test_fix_takes_a_folder_and_fixes_the_plans_found_in_it(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("client.toml", BROKEN)
    other = write("settings.toml", "nmae = 1\n")  # not a plan: left as it is
    code, _, _ = run(["fix", str(Path(plan).parent), "--select", "SP1"], capsys)
    assert (0, FIXED, "nmae = 1\n") == (
        code,
        Path(plan).read_text(encoding="utf-8"),
        Path(other).read_text(encoding="utf-8"),
    )


def test_diff_takes_a_glob(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    plan = write("client.toml", BROKEN)
    code, out, _ = run(["check", "--diff", str(Path(plan).parent / "c*.toml")], capsys)
    assert (1, f"--- {plan}") == (code, out.splitlines()[0])


def test_unsafe_fixes_need_the_flag(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("plan.toml", DONE_BY_HAND)
    _, safe, _ = run(["fix", path, "--select", "SP805"], capsys)
    _, unsafe, _ = run(["fix", path, "--select", "SP805", "--unsafe-fixes"], capsys)
    assert (
        f"{path}: nothing to fix; 1 more with --unsafe-fixes",
        f"{path}: fixed 1 problem (SP805)",
    ) == (safe.splitlines()[0], unsafe.splitlines()[0])


def test_fix_marks_a_finished_step_done(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    text = without_step_notes(Path("examples/cartoon/plan.toml").read_text(encoding="utf-8"))
    path = write("plan.toml", text)
    code, out, _ = run(["fix", path, "--select", "SP808"], capsys)
    assert (0, f"{path}: fixed 3 problems (SP808 ×3)") == (code, out.splitlines()[0])


def test_unsafe_fixes_alone_is_a_usage_error(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", "--unsafe-fixes", write("plan.toml", BROKEN)], capsys)
    assert (2, True) == (code, "--fix or --diff" in err)


def test_a_file_changed_since_it_was_read_is_not_written(
    write: Write, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from socialplan._cli import check

    path = write("plan.toml", BROKEN)
    checked = check.check_text

    def meanwhile(*args: object, **kwargs: object) -> object:
        Path(path).write_text(BROKEN + "# someone else's line\n", encoding="utf-8")
        return checked(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(check, "check_text", meanwhile)
    code, _, err = run(["check", "--fix", path], capsys)
    assert (2, True, BROKEN + "# someone else's line\n") == (
        code,
        "changed since it was loaded" in err,
        Path(path).read_text(encoding="utf-8"),
    )


def test_sarif_carries_the_fixes_as_replacements(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", 'format = "socialplan/1"\n[plan]\nnmae = "Demo"\n')
    _, out, _ = run(["check", path, "--format", "sarif"], capsys)
    (result,) = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "SP003"]
    assert [
        {
            "description": {"text": 'write "name"'},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": Path(path).as_posix()},
                    "replacements": [
                        {
                            "deletedRegion": {
                                "startLine": 3,
                                "startColumn": 1,
                                "endLine": 3,
                                "endColumn": 5,
                            },
                            "insertedContent": {"text": "name"},
                        }
                    ],
                }
            ],
            "properties": {"safe": True},
        }
    ] == result["fixes"]
