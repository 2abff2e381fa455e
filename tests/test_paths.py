"""A path's suffix read as text, without pathlib (issue #21: start-up), as pathlib reads it."""

from __future__ import annotations

from pathlib import PurePath

from hypothesis import given
from hypothesis import strategies as st

from socialplan._io.paths import suffix

_PARTS = st.sampled_from(
    ["plan", "plan.toml", "PLAN.JSON", ".hidden", "a.b.c", "plan.", "..", ".", "", "x.y/", " .t"]
)


@given(st.lists(_PARTS, max_size=5).map("/".join))
def test_a_suffix_is_the_one_pathlib_reads(path: str) -> None:
    assert PurePath(path).suffix == suffix(path)


@given(st.text(alphabet="ab./\\: ", max_size=12))
def test_any_text_has_the_suffix_pathlib_reads(path: str) -> None:
    assert PurePath(path).suffix == suffix(path)
