"""Run the examples in the docs, the README and the docstrings as tests.

In Markdown pages (Sybil):

- every ```python block runs; the blocks of a page share one namespace and run from the
  repository's root;
- every ```toml block is a whole plan document and must load;
- ```toml file=NAME is a whole plan too: it must load, and is written to NAME in the page's
  scratch folder (a temporary folder), for the commands below it. ```toml append=NAME adds a
  fragment to the end of NAME there, after which NAME must load as a whole plan (a tutorial
  grows one plan this way); ```toml append=NAME from=OTHER starts NAME as a copy of OTHER.
  ```toml file=pyproject.toml is written, not loaded as a plan; so is ```text file=NAME (a
  plan with mistakes, say);
- a ```console block is *checked* when every command in it (a line starting with `$ `) is
  `socialplan ARGS`, `socialplan ARGS | jq [-c] 'FILTER'` (no other pipe, redirection or
  shell syntax) or `echo $?`. Each `socialplan` command runs in-process
  (`socialplan._cli.main`) in the page's scratch folder, where `examples/` is the
  repository's; what it writes to stdout and stderr must be exactly the lines that follow the
  command (trailing spaces and trailing blank lines aside), and `echo $?` must be followed by
  its exit code. Piped to jq, its stdout goes through the filter (the `jq` package, libjq)
  and is printed as jq prints it, indented by 2 or, with `-c`, compact. Blocks with any
  other command (`pip install`, `nox`) are shown, not run.

Doctests in the docstrings under src/ run too.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from hypothesis import HealthCheck, settings
from sybil import Document, Example, Region, Sybil
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer
from sybil.parsers.rest import DocTestParser

import socialplan

# Property tests judge code, not the machine: on a loaded CI runner drawing a plan can be
# slow, and a timing health check or deadline would fail a run for no fault of the code.
settings.register_profile("socialplan", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("socialplan")

ROOT = Path(__file__).parent

_SCRATCH = "_socialplan_scratch"


def _loads(example: Example) -> None:
    socialplan.loads(example.parsed, "toml", file=f"{example.path}:{example.line}")


def _scratch(example: Example) -> Path:
    """The page's scratch folder, made on first use, with the repository's examples/ in it."""
    folder = example.namespace.get(_SCRATCH)
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="socialplan-docs-"))
        (folder / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
        example.namespace[_SCRATCH] = folder
    return Path(folder)


def _teardown(namespace: dict[str, object]) -> None:
    folder = namespace.pop(_SCRATCH, None)
    if isinstance(folder, Path):
        shutil.rmtree(folder)


class _FileParser:
    """Blocks written to a file of the scratch folder: see the module's docstring."""

    lexer = RawFencedCodeBlockLexer(
        info_pattern=re.compile(
            r"(?P<language>toml|text) (?P<mode>file|append)=(?P<name>[\w./-]+)"
            r"(?: from=(?P<origin>[\w./-]+))?$\n",
            re.MULTILINE,
        )
    )

    def __call__(self, document: Document) -> Iterable[Region]:
        for region in self.lexer(document):
            lexemes = region.lexemes
            region.parsed = {key: lexemes[key] for key in ("language", "mode", "name", "origin")}
            region.parsed["text"] = str(lexemes["source"])
            region.evaluator = self.evaluate
            yield region

    @staticmethod
    def evaluate(example: Example) -> None:
        block = example.parsed
        name, text = block["name"], block["text"]
        folder = _scratch(example)
        path = folder / name
        if block["mode"] == "append":
            start = folder / (block["origin"] or name)
            if not start.exists():
                raise AssertionError(f"append={name}: no file {start.name} on this page yet")
            text = start.read_text(encoding="utf-8") + "\n" + text
        if block["language"] == "toml" and name != "pyproject.toml":
            socialplan.loads(text, "toml", file=f"{example.path}:{example.line} ({name})")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


_COMMAND = re.compile(r"^\$ (?P<command>.*)$")
_SHELL = re.compile(r"[|<>;&`]|\$\(")


_JQ = re.compile(r" \| (?P<jq>jq .*)$")


def _checked(command: str) -> bool:
    """Whether the test suite can run *command* (see the module's docstring)."""
    if command == "echo $?":
        return True
    jq = _JQ.search(command)
    if jq is not None:
        words = shlex.split(jq["jq"])
        if words[1:2] == ["-c"]:
            words.pop(1)
        if len(words) != 2:
            return False
        command = command[: jq.start()]
    return command.startswith("socialplan ") and not _SHELL.search(command)


def _commands(text: str) -> list[tuple[str, list[str]]] | None:
    """The commands of a console block with the lines each prints; None if it is not checked."""
    commands: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        match = _COMMAND.match(line)
        if match:
            command = match["command"].strip()
            if not _checked(command):
                return None
            commands.append((command, []))
        elif commands:
            commands[-1][1].append(line.rstrip())
        else:
            return None
    return commands or None


def _run(argv: list[str], folder: Path, *, errors: bool = True) -> tuple[int, str]:
    """Run ``socialplan ARGV`` in *folder*: its exit code and what it printed (to stdout
    only, unless *errors*)."""
    from socialplan._cli import main

    printed = io.StringIO()
    others = printed if errors else io.StringIO()
    before = Path.cwd()
    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"
    try:
        os.chdir(folder)
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(others):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(before)
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns
    return code, printed.getvalue()


def _console(example: Example) -> None:
    folder = _scratch(example)
    code = None
    for command, shown in example.parsed:
        expected = list(shown)
        if command == "echo $?":
            actual = [str(code)]
        elif (jq := _JQ.search(command)) is not None:
            code, printed = _run(shlex.split(command[: jq.start()])[1:], folder, errors=False)
            actual = _jq(shlex.split(jq["jq"])[1:], printed)
        else:
            code, printed = _run(shlex.split(command)[1:], folder)
            actual = [line.rstrip() for line in printed.splitlines()]
        while expected and not expected[-1]:
            expected.pop()
        while actual and not actual[-1]:
            actual.pop()
        if expected != actual:
            raise AssertionError(
                f"$ {command}\nexpected:\n"
                + "\n".join(expected)
                + "\nbut got:\n"
                + "\n".join(actual)
            )


def _jq(arguments: list[str], text: str) -> list[str]:
    """The lines ``jq ARGUMENTS`` prints for *text*."""
    import json

    import jq

    compact = arguments[0] == "-c"
    results = jq.compile(arguments[-1]).input_text(text).all()
    lines: list[str] = []
    for result in results:
        if compact:
            lines.append(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
        else:
            lines += json.dumps(result, ensure_ascii=False, indent=2).splitlines()
    return lines


class _ConsoleParser:
    """Checked ```console blocks: see the module's docstring."""

    lexer = RawFencedCodeBlockLexer(info_pattern=re.compile(r"console$\n", re.MULTILINE))

    def __call__(self, document: Document) -> Iterable[Region]:
        for region in self.lexer(document):
            commands = _commands(str(region.lexemes["source"]))
            if commands is not None:
                region.parsed = commands
                region.evaluator = _console
                yield region


markdown = Sybil(
    parsers=[
        PythonCodeBlockParser(),
        CodeBlockParser(language="toml", evaluator=_loads),
        _FileParser(),
        _ConsoleParser(),
    ],
    patterns=["*.md"],
    # The rule pages show fragments of plans, not whole documents.
    excludes=["CHANGELOG.md", "docs/rules.md"],
    teardown=_teardown,
)
docstrings = Sybil(parsers=[DocTestParser()], patterns=["*.py"], path="src")

pytest_collect_file = (markdown + docstrings).pytest()
