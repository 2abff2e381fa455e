"""The findings of ``socialplan check`` in the formats CI systems read: GitHub's workflow
commands (annotations), GitLab's Code Quality report, JUnit XML, and JSON Lines.

Each renderer takes the files checked, in order, each with its path, its diagnostics (load
errors or rule findings) and why it could not be read (None if it was), and gives the text.
What a plan's author wrote reaches these outputs inside messages and paths: each format
escapes it by its own rules, so that no text can start a second annotation, close an XML
element or a JSON string, or move a terminal's cursor.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .._core.diagnostics import Diagnostic

__all__ = ["RENDERERS", "Checked", "github", "gitlab", "json_lines", "junit"]


class Checked(Protocol):
    """One file checked: its path, its diagnostics, and why it could not be read."""

    @property
    def path(self) -> str: ...
    @property
    def diagnostics(self) -> Sequence[Diagnostic]: ...
    @property
    def unread(self) -> str | None: ...


def relative(path: str) -> str:
    """*path* relative to the current folder, with ``/``, and no ``./`` in front: as GitHub
    and GitLab name a file of the repository (a job runs at its root)."""
    if path.startswith("<"):  # <stdin>
        return path
    try:
        shown = os.path.relpath(os.path.abspath(path))
    except ValueError:  # another drive
        shown = os.path.abspath(path)
    return shown.replace(os.sep, "/")


def said(d: Diagnostic) -> str:
    """What *d* says, without where: the code, the dotted path, the message and the hint."""
    from .._core.diagnostics import shown_path

    where = f"{shown_path(d.path)}: " if d.path else ""
    hint = f" ({d.hint})" if d.hint else ""
    return f"{d.code} {where}{d.message}{hint}"


def _rule_names() -> dict[str, str]:
    from ..rules import all_rules

    return {rule.code: rule.name for rule in all_rules()}


# GitHub workflow commands: ::LEVEL key=value,key=value::message, one per line.
# https://docs.github.com/actions/reference/workflow-commands-for-github-actions
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit escapes it (``%``, CR and
    LF), and what else a log would act on shown as ``\\uXXXX``."""
    from .._core.escape import visible_controls

    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible_controls(text)


def escape_property(text: str) -> str:
    """A workflow command's property value: as its message, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(files: Sequence[Checked]) -> str:
    """One annotation per diagnostic: ``::error file=…,line=…,col=…,endLine=…,endColumn=…,
    title=…::message``, its positions those the diagnostic has."""
    names = _rule_names()
    lines = []
    for checked in files:
        path = relative(checked.path)
        if checked.unread is not None:
            properties = {"file": path, "title": "socialplan: cannot read the file"}
            message = f"cannot read {path}: {checked.unread}"
            lines.append(_command("error", properties, message))
            continue
        for d in checked.diagnostics:
            properties = {"file": path}
            if d.line is not None:
                properties["line"] = str(d.line)
                if d.column is not None:
                    properties["col"] = str(d.column)
                if d.end_line is not None:
                    properties["endLine"] = str(d.end_line)
                    if d.end_column is not None:
                        properties["endColumn"] = str(d.end_column)
            name = names.get(d.code)
            properties["title"] = f"socialplan {d.code}" + (f" ({name})" if name else "")
            lines.append(_command(_GITHUB_LEVEL[str(d.severity)], properties, said(d)))
    return "".join(line + "\n" for line in lines)


def _command(level: str, properties: dict[str, str], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{level} {listed}::{escape_data(message)}"


# GitLab Code Quality: a JSON array of issues, a subset of Code Climate's.
# https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def gitlab(files: Sequence[Checked]) -> str:
    """One Code Quality issue per diagnostic. The fingerprint is a hash of the file, the
    code, the dotted path and the message (and of how many such came before in the file):
    the same finding keeps it when lines move, two findings never share one."""
    import hashlib

    issues = []
    for checked in files:
        path = relative(checked.path)
        seen: dict[tuple[str, ...], int] = {}
        entries: list[tuple[str, str, str, int, tuple[str, ...]]] = []
        if checked.unread is not None:
            what = f"cannot read {path}: {checked.unread}"
            entries.append((what, "socialplan/unreadable", "critical", 1, ("unread",)))
        for d in checked.diagnostics:
            severity = _GITLAB_SEVERITY[str(d.severity)]
            key: tuple[str, ...] = (d.code, d.path, d.message)
            entries.append((said(d), d.code, severity, d.line or 1, key))
        for description, check, severity, line, key in entries:
            seen[key] = seen.get(key, 0) + 1
            material = "\0".join((path, *key, str(seen[key])))
            issues.append(
                {
                    "type": "issue",
                    "description": description,
                    "check_name": check,
                    "fingerprint": hashlib.sha256(material.encode("utf-8", "replace")).hexdigest(),
                    "severity": severity,
                    "location": {"path": path, "lines": {"begin": line}},
                }
            )
    return _json_text(issues, indent=2) + "\n"


def _json_text(document: object, indent: int | None = None) -> str:
    from .._core.escape import escaped_controls

    # Lone surrogates (a file name not in UTF-8) are written as \\udcxx, never raw.
    text = json.dumps(document, indent=indent, ensure_ascii=False)
    return escaped_controls(_SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text))


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_lines(files: Sequence[Checked]) -> str:
    """One JSON object a line per diagnostic: the file, then the diagnostic's own keys (as
    ``--format json`` has them); a file that could not be read is one line naming it and why."""
    lines: list[dict[str, object]] = []
    for checked in files:
        if checked.unread is not None:
            lines.append({"file": checked.path, "error": checked.unread})
        lines += [{"file": checked.path, **d.to_dict()} for d in checked.diagnostics]
    return "".join(_json_text(line) + "\n" for line in lines)


# JUnit XML, as CI systems read it (GitLab's test reports, Jenkins, Azure): one testsuite
# per file, one testcase per diagnostic, failing, or one passing testcase for a clean file.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """*text* as XML 1.0 can hold it: what a terminal would act on, and the characters
    XML has no place for (most controls, lone surrogates), shown as ``\\uXXXX``."""
    from .._core.escape import visible_controls

    return _NOT_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", visible_controls(text))


def junit(files: Sequence[Checked]) -> str:
    """The files checked as JUnit XML test suites."""
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites", name="socialplan check")
    total = failed = broken = 0
    for checked in files:
        path = _xml(checked.path)
        suite = ET.SubElement(root, "testsuite", name=path)
        cases = failures = errors = 0
        if checked.unread is not None:
            case = ET.SubElement(suite, "testcase", name="socialplan check", classname=path)
            ET.SubElement(
                case, "error", message=_xml(f"cannot read: {checked.unread}"), type="unreadable"
            )
            cases, errors = 1, 1
        for d in checked.diagnostics:
            name = f"{d.code} {d.path}" if d.path else d.code
            case = ET.SubElement(suite, "testcase", name=_xml(name), classname=path, file=path)
            if d.line is not None:
                case.set("line", str(d.line))
            failure = ET.SubElement(
                case, "failure", message=_xml(said(d)), type=f"{d.code} {d.severity}"
            )
            failure.text = _xml(str(d))
            cases += 1
            failures += 1
        if not cases:
            ET.SubElement(suite, "testcase", name="socialplan check", classname=path, file=path)
            cases = 1
        suite.set("tests", str(cases))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        total, failed, broken = total + cases, failed + failures, broken + errors
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", str(broken))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


#: The renderer of each format ``socialplan check --format`` takes for CI.
RENDERERS: dict[str, Callable[[Sequence[Checked]], str]] = {
    "github": github,
    "gitlab": gitlab,
    "junit": junit,
    "json-lines": json_lines,
}
