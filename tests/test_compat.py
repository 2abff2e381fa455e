"""Files written before the format grew still load to the same plan and dump to the same bytes.

tests/compat/ holds what socialplan wrote just before issue #17's optional terms (its README
says how they were made); the format is a contract, so today's code must read them as they
are and write them back unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import socialplan

COMPAT = Path(__file__).parent / "compat"
NAMES = sorted(path.stem for path in COMPAT.glob("*.toml"))


def test_there_are_old_files_to_check() -> None:
    assert ["bakery", "cartoon", "generated-30"] == NAMES


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_an_old_file_dumps_to_the_same_bytes(name: str, fmt: socialplan.Format) -> None:
    written = (COMPAT / f"{name}.{fmt}").read_bytes()
    plan = socialplan.loads(written, fmt)
    assert written.decode("utf-8") == socialplan.dumps(plan, fmt)


@pytest.mark.parametrize("name", NAMES)
def test_an_old_file_gives_the_same_plan_in_toml_and_json(name: str) -> None:
    toml = socialplan.loads((COMPAT / f"{name}.toml").read_bytes(), "toml")
    assert toml == socialplan.loads((COMPAT / f"{name}.json").read_bytes(), "json")
