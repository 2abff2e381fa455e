"""The command line's package: its modules import what they use by public names, and never
the package's facade (``socialplan/__init__.py``, which sits above every layer)."""

from __future__ import annotations

import argparse
import ast
import importlib.util
from pathlib import Path

import pytest

import socialplan

CLI = Path(socialplan.__file__).parent / "_cli"
MODULES = sorted(CLI.glob("*.py"))


def _imports(path: Path) -> list[tuple[str, str]]:
    """Each name imported by the module at *path*, at the top or in a function, with the
    module it is imported from (absolute)."""
    package = "socialplan._cli"
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            found += [(source, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
    return found


def _is_module(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_the_command_line_never_imports_the_package_facade(path: Path) -> None:
    facade = [
        f"{source}.{name}" if name else source
        for source, name in _imports(path)
        if source == "socialplan" and not (name and _is_module(f"socialplan.{name}"))
    ]
    assert [] == facade


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_the_command_lines_modules_import_no_private_name_of_another(path: Path) -> None:
    private = [
        f"{source}.{name}"
        for source, name in _imports(path)
        if source.startswith("socialplan._cli") and name.startswith("_")
    ]
    assert [] == private


def test_the_table_of_command_families_names_every_command_in_the_help_order() -> None:
    """A run imports only its command's family, found in a table: the table must name each
    command of the whole parser, in its order, each in the family that defines it."""
    from socialplan._cli import _FAMILIES, parser

    action = parser()._subparsers._group_actions[0]  # type: ignore[union-attr]
    assert action.choices is not None
    commands = list(action.choices)
    listed = [(family, name) for family, names in _FAMILIES.items() for name in names]
    defined = [
        (family, name)
        for family in _FAMILIES
        for name in importlib.import_module(f"socialplan._cli.{family}").add_commands(
            argparse.ArgumentParser().add_subparsers()
        )
    ]
    assert (commands, defined) == ([name for _, name in listed], listed)
