"""The language server's parts as functions: the reference kinds read off the model, the
cursor in half-typed text, the quick fixes of diagnostics."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

import socialplan
from helpers import toml_reads
from socialplan._core.diagnostics import parse_path
from socialplan.lsp._checking import check_text
from socialplan.lsp._cursor import cursor_at
from socialplan.lsp._features import Positions, code_actions
from socialplan.lsp._shape import kind_of, table_of
from socialplan.rules import Context

EXAMPLES = sorted(Path(__file__).parent.parent.glob("examples/*/plan.toml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_reference_of_a_plan_has_the_kind_the_shape_says(path: Path) -> None:
    plan = socialplan.load(path)
    references = list(Context(plan).references())
    assert references  # the examples name parts by id
    expected = [(ref.path, ref.kind) for ref in references]
    assert expected == [(ref.path, kind_of(tuple(parse_path(ref.path)))) for ref in references]


def test_pillars_are_defined_under_content() -> None:
    assert ("content", "pillars") == table_of("pillars")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_half_typed_plan_never_raises(path: Path, data: st.DataObject) -> None:
    text = path.read_text(encoding="utf-8")
    cut = data.draw(st.integers(0, len(text)))
    offset = data.draw(st.integers(0, cut))
    checked = check_text(text[:cut], "toml")
    cursor_at(text[:cut], offset, "toml")  # None or a place: never an exception
    assert (checked.plan is None) == any(d.code.startswith("SP0") for d in checked.diagnostics)


def test_a_fix_is_offered_as_a_quick_fix_in_utf16_columns() -> None:
    text = 'reach = "😀 locl"\n'  # "locl" is characters 12 to 15; the emoji is 2 units
    edit = SimpleNamespace(line=1, column=12, end_line=1, end_column=16, text="local")
    fix = SimpleNamespace(title='replace "locl" with "local"', safe=True, edits=(edit,))
    finding = SimpleNamespace(fix=fix)
    lsp = types.Diagnostic(
        range=types.Range(types.Position(1, 9), types.Position(1, 13)), message=""
    )
    [action] = code_actions([(lsp, finding)], Positions(text), "file:///p.toml")
    assert action.edit is not None
    assert action.edit.changes is not None
    expected = [types.TextEdit(types.Range(types.Position(0, 12), types.Position(0, 16)), "local")]
    assert expected == action.edit.changes["file:///p.toml"]


def test_no_fix_no_action() -> None:
    lsp = types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 1)), message=""
    )
    assert [] == code_actions([(lsp, SimpleNamespace())], Positions("x\n"), "file:///p.toml")


def test_a_column_after_an_emoji_counts_utf16_units() -> None:
    positions = Positions('title = "😀é" x\n')
    # "x" is the 15th character; before it, the emoji is two UTF-16 units.
    assert types.Position(0, 15) == positions.position(1, 15)


UNDATED = """format = "socialplan/1"
[plan]
name = "Demo"
[objectives.known]
title = "Be known"
target = { value = 500, unit = "followers" }{comment}
"""


def _codes_published(comment: str) -> list[str]:
    checked = check_text(UNDATED.replace("{comment}", comment), "toml")
    return sorted({d.code for d in checked.diagnostics})


def test_a_suppression_comment_hides_its_finding_from_the_editor_as_from_check() -> None:
    shown = _codes_published("  # socialplan: ignore[SP204] - the board sets it")
    assert ("SP204" in _codes_published(""), "SP204" in shown) == (True, False)


def test_a_malformed_suppression_is_published_as_check_reports_it() -> None:
    assert "SP903" in _codes_published("  # socialplan: ignore[SP2O4]")


TWINS = """format = "socialplan/1"
[plan]
name = "Demo"
[channels.fb]
platform = "facebook"
purpose = "News for residents"
[channels.ig]
platform = "instagram"
purpose = "News for residents"
"""


def test_a_finding_about_two_channels_points_the_editor_to_the_other() -> None:
    from socialplan.lsp._features import diagnostics as published

    checked = check_text(TWINS, "toml")
    (sp307,) = [
        lsp
        for lsp in published(checked, Positions(TWINS), "https://docs", "file:///plan.toml")
        if lsp.code == "SP307"
    ]
    (related,) = sp307.related_information or []
    # The first channel's purpose: line 6 (0-based 5), after `purpose = `.
    assert ("file:///plan.toml", 5, 10) == (
        related.location.uri,
        related.location.range.start.line,
        related.location.range.start.character,
    )


def test_the_editor_reads_where_values_are_written_once_per_check_and_its_features(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A TOML index takes about as long as loading the text: the check places its findings
    # with it, and the related parts, the outline and every feature after it reuse it.
    from socialplan.lsp._features import diagnostics as published
    from socialplan.lsp._features import symbols

    reads = toml_reads(monkeypatch)
    checked = check_text(TWINS, "toml")
    shown = published(checked, Positions(TWINS), "https://docs", "file:///plan.toml")
    outline = symbols(checked, Positions(TWINS))
    assert (True, True, 1) == ("SP307" in {d.code for d in shown}, bool(outline), len(reads))


def test_json_lists_the_other_parts_a_finding_is_about() -> None:
    report = socialplan.validate(socialplan.loads(TWINS), select=["SP307"])
    assert [["channels.fb.purpose"]] == [d.to_dict()["related"] for d in report]


def test_a_broken_reference_points_the_editor_to_the_part_it_most_likely_means() -> None:
    text = (
        'format = "socialplan/1"\n[plan]\nname = "Demo"\n'
        '[business_goals.growth]\nstatement = "Grow"\n'
        '[objectives.known]\ntitle = "Be known"\nsupports = ["growht"]\n'
    )
    from socialplan.lsp._features import diagnostics as published

    checked = check_text(text, "toml")
    (sp101,) = [
        lsp
        for lsp in published(checked, Positions(text), "https://docs", "file:///p.toml")
        if lsp.code == "SP101"
    ]
    (related,) = sp101.related_information or []
    assert (3, "business_goals.growth (related)") == (
        related.location.range.start.line,
        related.message,
    )
