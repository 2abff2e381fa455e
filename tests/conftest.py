"""Fixtures the test files share (plain helpers are in tests/helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import Write


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """``write(name, text)``: writes *text* to *name* in ``tmp_path`` and gives its path."""

    def write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write
