"""``socialplan check --baseline FILE``: the findings a team accepted, kept in a file, so that
later runs report only new ones.

The file is JSON, written atomically and always the same for the same findings: one entry
per file, code and dotted path, with how many findings there are of it (``count``), sorted.
No line numbers: a finding is the same finding when the lines above it move. The files are
named relative to the baseline's folder, so that the check finds them from anywhere.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .shared import UsageError

if TYPE_CHECKING:
    from .._core.diagnostics import Diagnostic

__all__ = ["Key", "entries", "file_key", "hide", "read", "text", "write"]

#: The version of the baseline file's shape.
VERSION = 1
#: A finding as a baseline knows it: its file (relative to the baseline), code and path.
Key = tuple[str, str, str]


def file_key(baseline: str, plan: str) -> str:
    """How the baseline names the plan file *plan*: relative to the baseline's folder, with
    forward slashes."""
    from pathlib import PurePath

    folder = os.path.dirname(os.path.abspath(baseline))
    return PurePath(os.path.relpath(os.path.abspath(plan), folder)).as_posix()


def entries(baseline: str, found: Iterable[tuple[str, Iterable[Diagnostic]]]) -> Counter[Key]:
    """How many findings of each file, code and path *found* (file, diagnostics) holds."""
    counted: Counter[Key] = Counter()
    for plan, diagnostics in found:
        name = file_key(baseline, plan)
        counted.update((name, d.code, d.path) for d in diagnostics)
    return counted


def text(counted: Counter[Key]) -> str:
    """The baseline file of *counted*: deterministic JSON, sorted, one finding a line."""
    import json

    findings = [
        {"file": file, "code": code, "path": path, "count": count}
        for (file, code, path), count in sorted(counted.items())
    ]
    lines = ",\n".join("    " + json.dumps(entry, ensure_ascii=False) for entry in findings)
    body = f"\n{lines}\n  " if findings else ""
    return f'{{\n  "version": {VERSION},\n  "findings": [{body}]\n}}\n'


def write(baseline: str, counted: Counter[Key]) -> None:
    """Write *counted* to the file *baseline*, atomically, through the one write gate."""
    from .._io.write import write_atomic

    try:
        write_atomic(baseline, text(counted))
    except OSError as exc:
        raise UsageError(f"cannot write the baseline {baseline}: {exc.strerror or exc}") from None


def read(baseline: str) -> Counter[Key]:
    """The findings the baseline file holds; every problem of it at once, as a usage error
    naming the file and the place of each (``findings[2].count``)."""
    import json

    from .._io.inputs import BASELINE, remember

    try:
        with open(baseline, "rb") as file:
            raw = file.read()
    except OSError as exc:
        raise UsageError(f"cannot read the baseline {baseline}: {exc.strerror or exc}") from None
    remember(baseline, BASELINE, raw)  # no output of this run may go over it
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"the baseline {baseline} is not a JSON document: {exc}") from None
    counted, problems = _structured(document)
    if problems:
        head = f"the baseline {baseline} cannot be used"
        hint = "(delete it and run again to write it anew)"
        raise UsageError("\n  ".join([f"{head} {hint}:", *problems]))
    return counted


def _structured(document: object) -> tuple[Counter[Key], list[str]]:
    from .._core.text import show

    counted: Counter[Key] = Counter()
    if not isinstance(document, dict) or not isinstance(document.get("findings"), list):
        return counted, ['expected an object with "version" and a list of "findings"']
    problems = []
    if document.get("version") != VERSION:
        problems.append(f"version: {show(document.get('version'))} is not {VERSION}")
    for index, entry in enumerate(document["findings"]):
        place = f"findings[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{place}: expected an object with file, code, path and count")
            continue
        key = [entry.get(name) for name in ("file", "code", "path")]
        wrong = [
            n for n, v in zip(("file", "code", "path"), key, strict=True) if type(v) is not str
        ]
        problems += [f"{place}.{name}: expected a string" for name in wrong]
        count = entry.get("count", 1)
        if type(count) is not int or count < 1:
            problems.append(f"{place}.count: {show(count)} is not a whole number of 1 or more")
            continue
        unknown = sorted(set(entry) - {"file", "code", "path", "count"})
        problems += [f"{place}: unknown key {show(name)}" for name in unknown]
        if not wrong:
            counted[(key[0], key[1], key[2])] += count  # type: ignore[index]
    return counted, problems


def hide(
    counted: Counter[Key], baseline: str, plan: str, diagnostics: Sequence[Diagnostic]
) -> tuple[list[Diagnostic], int]:
    """*diagnostics* of *plan* less those the baseline holds (each entry hides as many as its
    count, in the order given), and how many were hidden. *counted* is used up as it hides."""
    name = file_key(baseline, plan)
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        key = (name, diagnostic.code, diagnostic.path)
        if counted[key] > 0:
            counted[key] -= 1
        else:
            kept.append(diagnostic)
    return kept, len(diagnostics) - len(kept)
