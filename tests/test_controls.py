"""No plan text makes a terminal do anything: every control character comes out visible.

Every C0 and C1 control character, DEL, the line and paragraph separators and the bidi
embeddings, overrides and isolates are put into every text field of the cartoon example
(and into the keys, values and ids of files that do not load), and every command is run
in every output format: what it writes to stdout and stderr holds none of them raw. A
terminal would obey them: retitle the window (OSC), clear the screen (CSI), ring the bell,
return the cursor to overwrite a line with a fake "OK", or show words reversed (U+202E).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import attrs
import pytest

import socialplan
from every_command import commands, raw_controls, run
from socialplan import observations
from socialplan._core.escape import visible_controls
from test_escaping import plan_with

CONTROLS = "".join(map(chr, [*range(0x20), 0x7F, *range(0x80, 0xA0)]))
BIDI = "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
TEXT = f"Sale{CONTROLS}{BIDI} \x1b]0;pwned\x07\x1b[2J\x1b[31m\rOK \u202eevil"
CARTOON = "examples/cartoon/plan.toml"
CATEGORIES = ("Cc", "Cf", "Zl", "Zp")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("controls")
    plan = plan_with(TEXT, references=False)
    found = observations.load("examples/cartoon/observations.csv", plan)
    noted = [o if i % 3 else attrs.evolve(o, note=TEXT) for i, o in enumerate(found)]
    paths = {
        "plan": folder / "plan.json",
        "references": folder / "references.json",
        "observations": folder / "observations.csv",
        "charts": folder / "charts",
    }
    paths["plan"].write_text(socialplan.dumps(plan, "json"), encoding="utf-8")
    paths["references"].write_text(socialplan.dumps(plan_with(TEXT), "json"), encoding="utf-8")
    paths["observations"].write_text(observations.dumps(noted), encoding="utf-8")
    return {name: str(path) for name, path in paths.items()}


def _every_command() -> list[list[str]]:
    return list(commands("PLAN", "OBSERVATIONS", CARTOON, Path("CHARTS")))


def _filled(argv: list[str], files: dict[str, str], plan: str) -> list[str]:
    names = {"PLAN": files[plan], "OBSERVATIONS": files["observations"], "CHARTS": files["charts"]}
    return [names.get(arg, arg) for arg in argv]


@pytest.mark.parametrize("argv", _every_command(), ids=" ".join)
def test_no_command_writes_a_raw_control_character_from_plan_text(
    argv: list[str], files: dict[str, str]
) -> None:
    code, out, err = run(_filled(argv, files, "plan"))
    assert (True, set(), set()) == (code in (0, 1), raw_controls(out), raw_controls(err))


@pytest.mark.parametrize("argv", _every_command(), ids=" ".join)
def test_no_command_writes_a_raw_control_character_from_a_reference(
    argv: list[str], files: dict[str, str]
) -> None:
    # Ids that name nothing are quoted in the rules' messages and drawn as missing parts.
    code, out, err = run(_filled(argv, files, "references"))
    assert (True, set(), set()) == (code in (0, 1), raw_controls(out), raw_controls(err))


# Files that do not load: their problems quote what was written.

BROKEN = {
    "format": "socialplan/1",
    "plan": {"name": TEXT, "reach": TEXT, TEXT: 1},
    "channels": {TEXT: {"platform": "x"}},
    TEXT: {},
}


@pytest.mark.parametrize("command", ["check", "status", "maturity", "report", "export"])
@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_the_problems_of_a_plan_that_does_not_load_are_shown_without_raw_controls(
    command: str, fmt: str, tmp_path: Path
) -> None:
    path = tmp_path / f"plan.{fmt}"
    if fmt == "json":
        path.write_text(json.dumps(BROKEN), encoding="utf-8")
    else:
        import tomli_w

        path.write_text(tomli_w.dumps(BROKEN), encoding="utf-8")
    argv = [command, str(path), *(["--to", "csv"] if command == "export" else [])]
    code, out, err = run(argv)
    assert (1, set(), set()) == (code, raw_controls(out), raw_controls(err))


def test_the_problems_of_observations_are_shown_without_raw_controls(tmp_path: Path) -> None:
    path = tmp_path / "observations.json"
    records = [
        {"metric": TEXT, "date": "2027-03-01", "value": 1},
        {"metric": "community_size", "date": TEXT, "value": TEXT, "channel": TEXT, TEXT: 1},
    ]
    path.write_text(json.dumps({"observations": records, TEXT: 1}), encoding="utf-8")
    code, out, err = run(["score", CARTOON, str(path)])
    assert (1, set(), set()) == (code, raw_controls(out), raw_controls(err))


def test_a_file_name_with_controls_is_shown_without_them(tmp_path: Path) -> None:
    code, out, err = run(["check", str(tmp_path / f"{TEXT}.toml".replace("/", ""))])
    assert (2, set(), set()) == (code, raw_controls(out), raw_controls(err))


def test_every_control_format_and_separator_character_of_unicode_is_shown() -> None:
    # The escaping looks only at the characters of these categories, listed by hand for speed.
    every = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) in CATEGORIES]
    missed = [f"U+{ord(c):04X}" for c in every if visible_controls(c) == c and c != "\u200d"]
    assert [] == missed


def test_the_controls_are_shown_as_escapes_where_the_text_was() -> None:
    plan = socialplan.Plan(name="Sale\x1b]0;pwned\x07 now\u202e")
    html = socialplan.render.report(plan, format="html")
    assert '<h1 id="top">Sale\\u001b]0;pwned\\u0007 now\\u202e</h1>' in html
