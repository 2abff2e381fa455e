"""Sphinx configuration: Markdown pages (MyST), the furo theme, the API from docstrings.

Build with `nox -s docs` (warnings are errors), or
`sphinx-build -W --keep-going -b html docs build/docs`.
"""

from __future__ import annotations

import socialplan

project = "socialplan"
author = "socialplan maintainers"
copyright = "socialplan maintainers"  # noqa: A001 (Sphinx's name)
release = version = socialplan.__version__

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "samples/*.html"]

# GitHub-style anchors, so that links such as file-format.md#load-errors work on GitHub and here.
myst_heading_anchors = 4
myst_enable_extensions = ["colon_fence"]

# ```mermaid and ```csv blocks are shown as they are: no lexer highlights them.
suppress_warnings = ["misc.highlighting_failure"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True}

html_theme = "furo"
html_title = f"socialplan {release}"
