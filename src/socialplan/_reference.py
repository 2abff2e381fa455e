"""The generated reference pages of the docs: the file's keys and the command line.

Both pages are written from the code, never by hand: the keys from the attrs
classes of the model (their fields, types and defaults), the command line from
the argument parser of ``socialplan``. The docs keep a copy of each
(``docs/reference/keys.md``, ``docs/reference/cli.md``) and a test fails when a
copy is stale; ``python -m socialplan._reference`` rewrites them.

>>> "| `reach` | optional | one of `local`, `national`, `international` |" in keys_markdown()
True
>>> "## socialplan check" in cli_markdown()
True
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import types
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from ._core.duration import Duration, Frequency
from ._model import HEADER_FIELDS, Plan

__all__ = ["PAGES", "cli_markdown", "key_entry", "keys_markdown", "write_pages"]

_NONE: Final = type(None)


#: How the file writes the values of the types that are not tables, lists or vocabularies.
_SIMPLE: Final[dict[Any, str]] = {
    str: "text",
    bool: "`true` or `false`",
    int: "an integer",
    float: "a number",
    dt.date: "a date (`2027-06-30`)",
    Duration: 'a duration (`"2h"`, `"1 week"`, `"weekly"`)',
    Frequency: 'a frequency (`"daily"`, `"3 per week"`)',
}


def _words(tp: Any) -> str:
    """What a value of type *tp* is, in the words of the file (not of Python)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp in _SIMPLE:
        return _SIMPLE[tp]
    if origin in (typing.Union, types.UnionType):
        kinds = [_words(arg) for arg in args if arg is not _NONE]
        if {"an integer", "a number"} <= set(kinds):
            kinds.remove("an integer")
        if kinds == ["a number", "text"]:  # a trigger's threshold
            return 'a number or a share of the target (`"60%"`)'
        return " or ".join(kinds)
    if origin is tuple:
        return f"a list of {_plural(args[0])}"
    if origin is Mapping or origin is typing.Mapping:
        return f"a table of {_plural(args[1])} by key"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "one of " + ", ".join(f"`{member.value}`" for member in tp)
    if attrs.has(tp):
        article = "an" if tp.__name__[0] in "AEIOU" else "a"
        return f"{article} [{tp.__name__}](#{tp.__name__.lower()}) table"
    return getattr(tp, "__name__", str(tp))


def _plural(tp: Any) -> str:
    """*tp* as the items of a list or table: "texts", "Metric tables"."""
    if tp in _SIMPLE:
        return {str: "texts", dt.date: "dates"}.get(tp, _SIMPLE[tp])
    if attrs.has(tp):
        return f"[{tp.__name__}](#{tp.__name__.lower()}) tables"
    if typing.get_origin(tp) is tuple:
        return "lists of " + _plural(typing.get_args(tp)[0])
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "values (" + ", ".join(f"`{member.value}`" for member in tp) + ")"
    return _words(tp)


def _default(field: attrs.Attribute[Any]) -> str:
    if "presence" in field.metadata:  # a key required but in one case the model names
        return str(field.metadata["presence"])
    if field.default is attrs.NOTHING:
        return "required"
    default = field.default
    if isinstance(default, attrs.Factory) or default is None:  # type: ignore[arg-type]
        return "optional"
    if isinstance(default, bool):
        return f"default `{str(default).lower()}`"
    if isinstance(default, enum.Enum):
        return f"default `{default.value}`"
    return f"default `{default}`"


def _classes(cls: type, seen: dict[type, list[str]], where: str) -> None:
    """Record where each attrs class under *cls* appears in the file, depth first."""
    seen.setdefault(cls, []).append(where)
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        for inner, path in _nested(hints[field.name], f"{where}.{field.name}"):
            if inner not in seen or path not in seen[inner]:
                _classes(inner, seen, path)


def _nested(tp: Any, path: str) -> Iterator[tuple[type, str]]:
    """The attrs classes inside type *tp* at *path*, with the path where each sits."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp in _SIMPLE:
        return
    if attrs.has(tp):
        yield tp, path
    elif origin is tuple:
        yield from _nested(args[0], f"{path}[]")
    elif origin is Mapping:
        yield from _nested(args[1], f"{path}.KEY")
    else:
        for arg in args:
            yield from _nested(arg, path)


def _toml_header(path: str) -> str:
    """``plan.objectives.KEY.target`` as TOML writes it: ``[objectives.KEY.target]``."""
    path = path.removeprefix("plan.")
    if path.endswith("[]"):
        return f"[[{path[:-2]}]]"
    return f"[{path.replace('[]', '[N]')}]"


def _field_rows(cls: type, names: tuple[str, ...] | None = None) -> list[str]:
    hints = typing.get_type_hints(cls)
    rows = ["| key | presence | value |", "| --- | --- | --- |"]
    for field in attrs.fields(cls):
        if names is None or field.name in names:
            rows.append(f"| `{field.name}` | {_default(field)} | {_words(hints[field.name])} |")
    return rows


def _summary(cls: type) -> str:
    doc = (cls.__doc__ or "").strip()
    return " ".join(doc.split("\n\n", 1)[0].split())


def key_entry(cls: type, name: str) -> str:
    """The entry of key *name* of the table of *cls*, as the keys reference has it (Markdown):
    whether it is required, what its value is, and what the table is.

    >>> print(key_entry(Plan, "reach"))
    `reach` (optional): one of `local`, `national`, `international`.
    <BLANKLINE>
    **Plan**: A social-media strategy plan.
    """
    hints = typing.get_type_hints(cls)
    field = attrs.fields_dict(cls)[name]
    words = _words(hints[name])
    return f"`{name}` ({_default(field)}): {words}.\n\n**{cls.__name__}**: {_summary(cls)}"


def keys_markdown() -> str:
    """The reference of every key of format ``socialplan/1``, generated from the model."""
    lines = [
        "# File format keys",
        "",
        "<!-- Generated by socialplan._reference from the model; a test keeps it current. -->",
        "",
        "Every table and key of format `socialplan/1`, generated from the model. "
        "[file-format.md](../file-format.md) explains them with examples. "
        "`KEY` stands for an id you choose (lowercase letters, digits, `_` and `-`); "
        "an *optional* key may be left out. A list of texts that names other parts "
        "holds their ids.",
        "",
        "## The document",
        "",
        "| key | presence | value |",
        "| --- | --- | --- |",
        '| `format` | required | `"socialplan/1"` |',
        "| `plan` | required | the [plan](#plan) table |",
    ]
    hints = typing.get_type_hints(Plan)
    lines += [
        f"| `{field.name}` | optional | {_words(hints[field.name])} |"
        for field in attrs.fields(Plan)
        if field.name not in HEADER_FIELDS
    ]
    lines += [
        "",
        "## Plan",
        "",
        f"`[plan]`: {_summary(Plan)}",
        "",
        *_field_rows(Plan, HEADER_FIELDS),
    ]
    seen: dict[type, list[str]] = {}
    _classes(Plan, seen, "plan")
    for cls, paths in seen.items():
        if cls is Plan:
            continue
        where = ", ".join(f"`{_toml_header(path)}`" for path in paths)
        lines += ["", f"## {cls.__name__}", "", f"{where}: {_summary(cls)}", "", *_field_rows(cls)]
    return "\n".join(lines) + "\n"


def _cli_parser() -> argparse.ArgumentParser:
    from ._cli import parser

    return parser()


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """Each command of *parser*: its name, its one-line help and its parser, in order."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            return [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]
    return []


def _metavar(action: argparse.Action) -> str:
    if action.metavar is not None:
        return str(action.metavar)
    if action.choices is not None:
        return "{" + ",".join(str(choice) for choice in action.choices) + "}"
    return action.dest.upper() if action.option_strings else action.dest


def _usage(name: str, parser: argparse.ArgumentParser) -> str:
    parts = [f"socialplan {name}"]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if action.option_strings:
            flag = action.option_strings[-1]
            taking = action.nargs != 0
            parts.append(f"[{flag} {_metavar(action)}]" if taking else f"[{flag}]")
            continue
        metavar = _metavar(action)
        nargs = {"+": f"{metavar} [{metavar} ...]", "?": f"[{metavar}]"}
        parts.append(nargs.get(str(action.nargs), metavar))
    return " ".join(parts)


def _argument_rows(parser: argparse.ArgumentParser) -> list[str]:
    rows = ["| argument | meaning | default |", "| --- | --- | --- |"]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if action.option_strings:
            flags = ", ".join(f"`{flag}`" for flag in action.option_strings)
            shown = flags if action.nargs == 0 else f"{flags} `{_metavar(action)}`"
        else:
            shown = f"`{_metavar(action)}`"
        meaning = (action.help or "").replace("|", "\\|")
        if action.choices is not None and action.metavar is not None:
            meaning += " (" + ", ".join(f"`{choice}`" for choice in action.choices) + ")"
        useful = action.default not in (None, False, [], argparse.SUPPRESS)
        default = f"`{action.default}`" if useful and action.option_strings else ""
        rows.append(f"| {shown} | {meaning} | {default} |")
    return rows


def _commands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """:func:`_subcommands`, a command with actions of its own (``observations import``)
    given as each of its actions."""
    found = []
    for name, summary, sub in _subcommands(parser):
        actions = _subcommands(sub)
        found += [(f"{name} {a}", more, inner) for a, more, inner in actions] or [
            (name, summary, sub)
        ]
    return found


def cli_markdown() -> str:
    """The reference of the command line, generated from the argument parser."""
    parser = _cli_parser()
    lines = [
        "# Command line",
        "",
        "<!-- Generated by socialplan._reference from the argument parser; a test keeps it "
        "current. -->",
        "",
        f"{parser.description} `socialplan COMMAND --help` lists the "
        "same arguments as each section below. `socialplan --version` prints the version.",
        "",
        f"{parser.epilog}",
        "",
        "| command | what it does |",
        "| --- | --- |",
    ]
    commands = _commands(parser)
    lines += [
        f"| [{name}](#socialplan-{name.replace(' ', '-')}) | {summary} |"
        for name, summary, _ in commands
    ]
    for name, _, sub in commands:
        lines += ["", f"## socialplan {name}", "", "```text", _usage(name, sub), "```"]
        if sub.description:
            lines += ["", sub.description]
        lines += ["", *_argument_rows(sub)]
    return "\n".join(lines) + "\n"


#: Each generated page, by its path under ``docs/``.
PAGES: Final = {"reference/keys.md": keys_markdown, "reference/cli.md": cli_markdown}


def write_pages(docs: Path) -> list[Path]:
    """Write every generated page under *docs*; return the paths written."""
    written = []
    for name, render in PAGES.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    for page in write_pages(Path("docs")):
        print(f"wrote {page}")
