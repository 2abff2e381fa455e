"""The plan files ``socialplan check`` is given: files, folders and globs.

A file named is checked whatever it holds. A folder is walked (recursively, without
following symbolic links to folders), and a glob expanded, for the ``.toml`` and ``.json``
files that say they are plans (:func:`is_plan`): ``format = "socialplan/…"`` in TOML,
``"format": "socialplan/…"`` in JSON, of any version, so that a plan in a format this
version cannot read is reported rather than skipped. What ``.gitignore`` files ignore
(:mod:`socialplan._io.gitignore`: those of the folders walked, of the folders above them up
to the root of the git work tree, and its ``.git/info/exclude``) is skipped, and so are
the folders ``.git``, ``.hg``, ``.svn`` and those of a Python virtual environment (holding
a ``pyvenv.cfg``). Each folder's plans come in the order of their paths.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .paths import suffix

if TYPE_CHECKING:  # both only for walking folders and globs: a file named is read as it is
    from pathlib import Path

    from .gitignore import Patterns

__all__ = ["NOT_FOUND", "Found", "is_plan", "plan_files"]

#: How a folder or a glob that holds no plan is reported (``%s``: the argument).
NOT_FOUND = (
    "no plan file found in %s "
    '(a plan file is a .toml or .json file that says format = "socialplan/1")'
)

#: How much of a file is read to tell whether it is a plan: the format line comes first.
_SNIFFED = 64 * 1024
_SUFFIXES = (".toml", ".json")
_NEVER_WALKED = frozenset({".git", ".hg", ".svn"})
_TOML = re.compile(
    r"""^\ufeff?[ \t]*(?:format|"format"|'format')[ \t]*=[ \t]*["']socialplan/""", re.M
)
_JSON = re.compile(r'"format"\s*:\s*"socialplan/')
_GLOB = re.compile(r"[*?[]")


def is_plan(data: bytes, suffix: str) -> bool:
    """Whether *data* (a file's first bytes) says it is a plan in the format of *suffix*."""
    text = data[:_SNIFFED].decode("utf-8", errors="replace")
    pattern = _JSON if suffix.lower() == ".json" else _TOML
    return pattern.search(text) is not None


def sniffed(path: str) -> bool:
    """Whether the file at *path* says it is a plan; False if it cannot be read."""
    try:
        with open(path, "rb") as stream:
            return is_plan(stream.read(_SNIFFED), suffix(path))
    except OSError:
        return False


class Found:
    """The files to check, in order, each once; and the folders and globs that found none."""

    def __init__(self) -> None:
        self.files: list[str] = []
        self.empty: list[str] = []
        #: Whether a folder or a glob was searched: a run of several files, however many.
        self.searched = False
        self._seen: set[str] = set()

    def add(self, path: str) -> None:
        key = os.path.realpath(path)
        if key not in self._seen:
            self._seen.add(key)
            self.files.append(path)


def plan_files(arguments: Sequence[str], *, only_plans: bool = False) -> Found:
    """The files *arguments* name, in their order: a file as it is (unless *only_plans*, when
    a file that is not a plan is skipped), a folder's and a glob's plans in path order.
    An argument that is none of these (a file that is missing) is kept for the checker to
    report."""
    found = Found()
    ignores = _Ignores()
    for argument in arguments:
        if os.path.isdir(argument):
            found.searched = True
            walked = sorted(ignores.walk(argument))
            for path in walked:
                found.add(path)
            if not walked:
                found.empty.append(argument)
        elif not os.path.lexists(argument) and _GLOB.search(argument):
            found.searched = True
            matched = _globbed(argument, ignores)
            for path in matched:
                found.add(path)
            if not matched:
                found.empty.append(argument)
        elif not only_plans or not os.path.isfile(argument) or sniffed(argument):
            found.add(argument)
    return found


def _globbed(pattern: str, ignores: _Ignores) -> list[str]:
    import glob

    paths: list[str] = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        if os.path.isdir(match):
            paths.extend(sorted(ignores.walk(match)))
        elif _candidate(match) and not ignores.ignored(match) and sniffed(match):
            paths.append(match)
    return paths


def _candidate(name: str) -> bool:
    return name.lower().endswith(_SUFFIXES)


class _Ignores:
    """The .gitignore patterns of the folders seen, read once each."""

    def __init__(self) -> None:
        self._by_folder: dict[str, Patterns] = {}
        self._above: dict[Path, list[Path]] = {}

    def walk(self, top: str) -> Iterator[str]:
        """The plans below the folder *top* that are not ignored."""
        for folder, subfolders, files in os.walk(top):
            subfolders[:] = sorted(
                name
                for name in subfolders
                if name not in _NEVER_WALKED
                and not os.path.isfile(os.path.join(folder, name, "pyvenv.cfg"))
                and not self.ignored(os.path.join(folder, name), is_dir=True)
            )
            for name in files:
                path = os.path.join(folder, name)
                if _candidate(name) and not self.ignored(path) and sniffed(path):
                    yield _shown(path)

    def ignored(self, path: str, *, is_dir: bool = False) -> bool:
        """Whether the .gitignore files of the folders above *path* ignore it."""
        from pathlib import Path

        absolute = Path(os.path.abspath(path))
        parent = absolute.parent
        above = self._above.get(parent)
        if above is None:
            above = self._above[parent] = _folders_above(absolute)
        for folder in above:
            patterns = self._patterns(folder)
            if not patterns:
                continue
            relative = absolute.relative_to(folder).as_posix()
            decided = patterns.match(relative, is_dir=is_dir)
            if decided is not None:
                return decided
        return False

    def _patterns(self, folder: Path) -> Patterns:
        from .gitignore import Patterns

        key = os.fspath(folder)
        patterns = self._by_folder.get(key)
        if patterns is None:
            texts = [_read(folder / ".gitignore")]
            if (folder / ".git").is_dir():
                # The repository's own excludes rank below its root's .gitignore.
                texts.insert(0, _read(folder / ".git" / "info" / "exclude"))
            patterns = self._by_folder[key] = Patterns.parse("\n".join(texts))
        return patterns


def _folders_above(path: Path) -> list[Path]:
    """The folders whose .gitignore files apply to *path*, the nearest first: up to the
    root of its git work tree, or to the current folder, or to its own folder."""
    folders = []
    for folder in path.parents:
        folders.append(folder)
        if (folder / ".git").exists():
            return folders
    from pathlib import Path

    current = Path(os.path.abspath(os.curdir))
    if path.is_relative_to(current):
        return folders[: len(path.relative_to(current).parts)]
    return folders[:1]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _shown(path: str) -> str:
    """*path* as the user would write it: no ``./`` in front."""
    return path[2:] if path.startswith(("./", ".\\")) else path
