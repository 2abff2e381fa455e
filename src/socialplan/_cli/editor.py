"""``socialplan lsp``: the language server, for editors (needs the ``lsp`` extra)."""

from __future__ import annotations

import argparse
from typing import TextIO

from .shared import OK, Commands, Handler, UsageError

__all__ = ["add_commands"]


def add_commands(commands: Commands) -> dict[str, Handler]:
    """Add ``lsp`` to the ``socialplan`` parser; return its handler by name."""
    commands.add_parser(
        "lsp",
        help="run the language server for editors (over stdin and stdout)",
        description="Serve the Language Server Protocol over standard input and output: "
        "diagnostics as you type, completion, hover, go to definition, references, rename, "
        "the outline and fixes, for TOML and JSON plans. Needs `pip install 'socialplan[lsp]'`; "
        "docs/how-to/editor.md sets it up in VS Code, Neovim and Helix.",
    )
    return {"lsp": _lsp}


def _lsp(args: argparse.Namespace, out: TextIO) -> int:
    try:
        from ..lsp import serve
    except ImportError as exc:  # the extra is not installed
        raise UsageError(
            f"socialplan lsp needs the lsp extra ({exc.name or exc} is not installed): "
            "pip install 'socialplan[lsp]'"
        ) from None
    serve()
    return OK
