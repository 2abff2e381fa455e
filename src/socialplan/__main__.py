"""``python -m socialplan``: the command line."""

from ._cli import run

run()
