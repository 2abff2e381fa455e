"""Run the examples in the docs, the README and the docstrings as tests.

Python blocks run; doctests in docstrings run; every ```toml block must load.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from sybil import Example, Sybil
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

import socialplan

# Property tests judge code, not the machine: on a loaded CI runner drawing a plan can be
# slow, and a timing health check or deadline would fail a run for no fault of the code.
settings.register_profile("socialplan", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("socialplan")


def _loads(example: Example) -> None:
    socialplan.loads(example.parsed, "toml", file=f"{example.path}:{example.line}")


markdown = Sybil(
    parsers=[PythonCodeBlockParser(), CodeBlockParser(language="toml", evaluator=_loads)],
    patterns=["*.md"],
    # The rule pages show fragments of plans, not whole documents.
    excludes=["CHANGELOG.md", "docs/rules.md"],
)
docstrings = Sybil(parsers=[DocTestParser()], patterns=["*.py"], path="src")

pytest_collect_file = (markdown + docstrings).pytest()
