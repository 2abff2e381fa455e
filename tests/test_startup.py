"""What `socialplan check` does without importlib.metadata, it does as importlib.metadata did.

Rule plugins are found without importlib.metadata unless a distribution may declare one;
where that cannot be told cheaply (a zip on the path), importlib.metadata is asked.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import socialplan
from socialplan.rules import RULES
from socialplan.rules._engine import _load_plugins
from socialplan.steps import Methodology, MethodologyError, Step

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

IDS = ["a", "b", "c", "d", "e", "f", "g"]


def test_a_methodology_that_goes_round_still_has_no_order() -> None:
    steps = (Step(id="a", title="A", needs=("b",)), Step(id="b", title="B", needs=("a",)))
    circle = Methodology(name="circle", title="Circle", steps=steps)
    with pytest.raises(MethodologyError, match="a → b → a"):
        socialplan.progress(socialplan.Plan(name="x"), circle)


PLUGIN = """
from socialplan.rules import Finding, rule


@rule("ZIPS101", "zipped", "info", summary="s", why="w", fix="f")
def zipped(context):
    yield Finding("plan.name", "found by a plugin installed as a zip")
"""


@pytest.fixture
def zipped_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A distribution inside a zip on sys.path that declares a socialplan.rules entry point."""
    archive = tmp_path / "zipped_rules.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_rules.py", PLUGIN)
        info = "zipped_rules-1.0.dist-info"
        zipped.writestr(f"{info}/METADATA", "Metadata-Version: 2.1\nName: zipped-rules\n")
        zipped.writestr(f"{info}/entry_points.txt", "[socialplan.rules]\nzipped = zipped_rules\n")
    monkeypatch.syspath_prepend(str(archive))
    _load_plugins.cache_clear()
    yield
    RULES.pop("ZIPS101", None)
    sys.modules.pop("zipped_rules", None)
    _load_plugins.cache_clear()


@pytest.mark.usefixtures("zipped_plugin")
def test_a_rule_installed_in_a_zip_on_the_path_runs() -> None:
    report = socialplan.validate(socialplan.Plan(name="x"), select=["ZIPS"])
    assert [("ZIPS101", "plan.name")] == [(d.code, d.path) for d in report]
