"""Validation: a catalog of rules that catch a plan whose parts do not line up.

>>> import socialplan
>>> plan = socialplan.loads('''
... format = "socialplan/1"
... [plan]
... name = "Demo"
... [metrics.likes]
... name = "Likes"
... measures = ["awarness"]
... ''')
>>> report = socialplan.validate(plan, select=["SP101"])
>>> [(d.code, d.path, d.message) for d in report]
[('SP101', 'metrics.likes.measures[0]', 'objective "awarness" does not exist')]

A rule of your own is a function that yields findings, registered with
:func:`rule`; installed packages add theirs through the ``socialplan.rules``
entry-point group.
"""

from __future__ import annotations

from .._counts import counts, summary
from ._context import Context, Reference
from ._engine import Report, Selection, all_rules, validate
from ._registry import RULES, Check, Finding, Rule, register, rule
from ._settings import project_settings
from ._suppress import Suppressed, Suppression, suppress

__all__ = [
    "RULES",
    "Check",
    "Context",
    "Finding",
    "Reference",
    "Report",
    "Rule",
    "Selection",
    "Suppressed",
    "Suppression",
    "all_rules",
    "counts",
    "project_settings",
    "register",
    "rule",
    "summary",
    "suppress",
    "validate",
]
