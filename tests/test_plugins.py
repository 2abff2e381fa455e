"""A rule installed by another package runs, and can be selected like ours."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import socialplan
from socialplan.rules import RULES
from socialplan.rules._registry import _load_plugins

PLUGIN = """
from socialplan.rules import Finding, rule


@rule(
    "ACME101",
    "no-tiktok",
    "warning",
    summary="ACME does not use TikTok.",
    why="Company policy.",
    fix="Use another platform.",
)
def no_tiktok(context):
    for key, channel in context.plan.channels.items():
        if channel.platform == "tiktok":
            yield Finding(f"channels.{key}.platform", f'channel "{key}" is on TikTok')
"""

PLAN = """
format = "socialplan/1"
[plan]
name = "Demo"
[channels.tt]
platform = "tiktok"
"""


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A distribution on sys.path that declares a socialplan.rules entry point."""
    (tmp_path / "acme_rules.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "acme_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[socialplan.rules]\nacme = acme_rules\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    _load_plugins.cache_clear()
    yield
    RULES.pop("ACME101", None)
    sys.modules.pop("acme_rules", None)
    _load_plugins.cache_clear()


@pytest.mark.usefixtures("installed_plugin")
def test_an_installed_rule_runs_by_default() -> None:
    report = socialplan.validate(socialplan.loads(PLAN))
    assert [("ACME101", "channels.tt.platform")] == [
        (d.code, d.path) for d in report if d.code.startswith("ACME")
    ]


@pytest.mark.usefixtures("installed_plugin")
def test_an_installed_rule_can_be_selected_alone() -> None:
    report = socialplan.validate(socialplan.loads(PLAN), select=["ACME"])
    assert ["ACME101"] == report.codes()


@pytest.mark.usefixtures("installed_plugin")
def test_an_installed_rule_can_be_ignored() -> None:
    report = socialplan.validate(socialplan.loads(PLAN), ignore=["ACME101"])
    assert "ACME101" not in report.codes()


def test_a_code_cannot_be_taken_twice() -> None:
    from socialplan.rules import Finding, all_rules, rule

    all_rules()
    with pytest.raises(ValueError, match="SP201 is already taken"):

        @rule("SP201", "mine", "info", summary="s", why="w", fix="f")
        def mine(context: object) -> Iterator[Finding]:
            yield from ()


def test_a_rule_that_crashes_is_reported_not_raised() -> None:
    from socialplan.rules import RULES, Finding, rule

    @rule("ZZ901", "broken", "info", summary="s", why="w", fix="f")
    def broken(context: object) -> Iterator[Finding]:
        raise RuntimeError("oops")
        yield  # pragma: no cover

    try:
        report = socialplan.validate(socialplan.loads(PLAN), select=["ZZ9"])
    finally:
        RULES.pop("ZZ901")
    (diagnostic,) = report
    assert ("ZZ901", "error", True) == (
        diagnostic.code,
        str(diagnostic.severity),
        "RuntimeError: oops" in diagnostic.message,
    )


@pytest.mark.parametrize("code", ["sp201", "SP", "S-1", "201"])
def test_a_rule_code_must_be_capitals_then_digits(code: str) -> None:
    from socialplan.rules import Finding, rule

    with pytest.raises(ValueError, match="capital letters then digits"):

        @rule(code, "bad", "info", summary="s", why="w", fix="f")
        def bad(context: object) -> Iterator[Finding]:
            yield from ()


def test_a_plugin_rule_is_grouped_by_its_letters_and_first_digit() -> None:
    from socialplan.rules import Rule

    made = Rule(
        code="ACME101", name="n", severity="info", summary="s", why="w", fix="f",
        check=lambda context: iter(()),
    )  # fmt: skip
    assert "ACME1" == made.group
