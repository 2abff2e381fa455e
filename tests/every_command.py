"""Every command and output format of the command line, run in-process on given files.

Used by the tests that feed hostile text (test_controls.py) and extreme values
(test_extremes.py) to everything a user can run: each run's exit code, stdout and
stderr are kept, and what a terminal would act on in them can be found.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from pathlib import Path

from socialplan._cli import main

GRAPHS = ("steps", "influence", "channels", "routing", "alignment")

# What a terminal acts on: C0 controls but tab and line feed, DEL, C1 controls, the line
# and paragraph separators, and the bidi embeddings, overrides and isolates. A carriage
# return is the end of a line only in CSV and iCalendar's CRLF.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def raw_controls(text: str) -> set[str]:
    """The characters of *text* a terminal would obey rather than show."""
    return set(RAW_CONTROL.findall(text.replace("\r\n", "\n")))


class _Stdout(io.StringIO):
    """A stdout with a byte buffer, as the real one (CSV and iCalendar are written as bytes)."""

    def __init__(self) -> None:
        super().__init__()
        self._bytes = io.BytesIO()

    @property
    def buffer(self) -> io.BytesIO:
        return self._bytes

    def text(self) -> str:
        return self.getvalue() + self._bytes.getvalue().decode("utf-8")


def run(argv: list[str]) -> tuple[int, str, str]:
    """Run ``socialplan ARGV`` in-process: its exit code, stdout and stderr."""
    out, err = _Stdout(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse
            code = exit_.code if isinstance(exit_.code, int) else 2
    return code, out.text(), err.getvalue()


def commands(
    plan: str, observations: str, other: str, charts: Path, *, charts_too: bool = True
) -> Iterator[list[str]]:
    """Every command and format that reads *plan* (with *observations*, against *other*)."""
    for fmt in ("text", "json", "sarif"):
        yield ["check", "--format", fmt, plan]
    for fmt in ("text", "json"):
        yield ["status", "--format", fmt, plan]
        yield ["maturity", "--format", fmt, plan]
    for fmt in ("markdown", "html"):
        yield ["report", "--format", fmt, plan]
        yield ["report", "--format", fmt, "--observations", observations, plan]
    for fmt in ("text", "markdown", "html", "json"):
        yield ["score", "--format", fmt, plan, observations]
    if charts_too:
        yield ["score", "--charts", str(charts), plan, observations]
    for fmt in ("text", "markdown", "json"):
        yield ["trace", "--format", fmt, plan]
    for what in GRAPHS:
        for fmt in ("mermaid", "dot", "svg", *(("gantt",) if what == "steps" else ())):
            yield ["graph", "--what", what, "--format", fmt, plan]
    for to in ("json", "toml", "ics", "csv"):
        yield ["export", "--to", to, plan]
    for fmt in ("text", "json"):
        yield ["diff", "--format", fmt, other, plan]
        yield ["diff", "--format", fmt, plan, other]
