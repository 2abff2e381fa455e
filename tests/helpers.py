"""What the test files share: the header of a small plan, a plan from a TOML body, the
command line run in-process, and the type of the ``write`` fixture (tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import socialplan
from socialplan._cli import main

#: The header of a plan named "Demo": alone, the smallest plan that loads.
HEAD = 'format = "socialplan/1"\n[plan]\nname = "Demo"\n'

#: Loads, but a metric measures nothing (SP202 warning) and names a missing objective (SP101).
MISALIGNED = (
    HEAD
    + '[metrics.likes]\nname = "Likes"\nunit = "likes"\nlevel = 1\nsource = "x"\n'
    + 'cadence = "weekly"\nchannels = []\nmeasures = ["nope"]\n'
    + '[metrics.visits]\nname = "Visits"\nunit = "visits"\nlevel = 1\nsource = "x"\n'
    + 'cadence = "weekly"\n'
)

#: The ``write`` fixture: ``write(name, text)`` writes *text* to *name* in ``tmp_path``
#: (UTF-8) and gives the file's path.
Write = Callable[[str, str], str]


def plan_of(body: str) -> socialplan.Plan:
    """The plan made of the shared header and *body* (TOML)."""
    return socialplan.loads(HEAD + body)


def findings_of(body: str, code: str) -> list[tuple[str, str]]:
    """What rule *code* reports on the plan of *body* (see `plan_of`), as (path, message)."""
    report = socialplan.validate(plan_of(body), select=[code])
    return [(d.path, d.message) for d in report]


def paths(body: str, code: str) -> list[str]:
    """The paths rule *code* reports on the plan of *body*, in order."""
    return [path for path, _ in findings_of(body, code)]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``socialplan ARGS`` in-process: its exit code, stdout and stderr."""
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def without_step_notes(text: str) -> str:
    """A plan's TOML text with the notes of its step records taken out: the examples keep
    their open steps open on purpose and say why in a note, which SP808 respects; without
    the notes, their written-but-open steps are what SP808 advises on."""
    kept, in_steps = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith("["):
            in_steps = line.startswith("[steps.")
        if not (in_steps and line.startswith("note =")):
            kept.append(line)
    return "".join(kept)


def open_step_lines(text: str) -> list[int]:
    """The line numbers of the `status = "todo"` and `status = "in_progress"` of step records."""
    lines, in_steps = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("["):
            in_steps = line.startswith("[steps.")
        if in_steps and line.strip() in ('status = "todo"', 'status = "in_progress"'):
            lines.append(number)
    return lines


def toml_reads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """A list that gets an item each time a TOML text is read whole to know where each of
    its values is written (an index of positions: about as long as loading the text)."""
    from socialplan._io import positions

    reads: list[object] = []
    scan = positions._TomlScanner.scan

    def counted(self: positions._TomlScanner) -> None:
        reads.append(self)
        scan(self)

    monkeypatch.setattr(positions._TomlScanner, "scan", counted)
    return reads
