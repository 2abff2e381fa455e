"""Paths as text, read without :mod:`pathlib` (and the imports it makes: about 3 ms of
``socialplan check``'s start-up, which names its files as text)."""

from __future__ import annotations

import os

__all__ = ["suffix"]


def suffix(path: str | os.PathLike[str]) -> str:
    """The suffix of *path*'s last part, as ``pathlib.PurePath(path).suffix`` gives it: from
    its last dot, unless that dot starts or ends the name.

    >>> [suffix(p) for p in ("plan.TOML", "a/b.json/", "a/.hidden", "plan.", "a.b/c", "./")]
    ['.TOML', '.json', '', '', '', '']
    """
    text = os.fspath(path)
    if os.altsep:
        text = text.replace(os.altsep, os.sep)
    _, rest = os.path.splitdrive(text)
    parts = [part for part in rest.split(os.sep) if part and part != "."]
    name = parts[-1] if parts else ""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""
