"""The language server of socialplan plans: ``socialplan lsp`` (the ``lsp`` extra).

It checks the plan an editor holds as it is typed, and answers the editor's questions about
it, over the Language Server Protocol (pygls, lsprotocol): the load errors and findings of
``socialplan check`` with their exact ranges, completion of keys, ids and vocabularies, hover,
go to definition, references, rename of an id, the outline, and the fixes of findings. Only
the ``lsp`` command imports this package.
"""

from __future__ import annotations

__all__ = ["serve"]


def serve() -> None:
    """Serve the Language Server Protocol over standard input and output until the editor
    ends the session."""
    import os
    import sys

    from ._server import server

    # Copies of the streams: the server closes what it is given when the session ends, and
    # the command line still flushes its own stdout after.
    stdin = os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    stdout = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    server.start_io(stdin, stdout)
