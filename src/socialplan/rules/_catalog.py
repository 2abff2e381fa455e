"""The built-in rules: importing this module registers them all."""

from __future__ import annotations

from . import (  # noqa: F401 - imported for the rules they register
    _absence,
    _channels,
    _content,
    _engagement,
    _loading,
    _metrics,
    _objectives,
    _references,
    _responsibility,
    _steps,
    _substance_audiences,
    _substance_channels,
    _substance_governance,
    _substance_metrics,
    _substance_objectives,
    _substance_outcomes,
    _substance_pending,
    _substance_people,
    _substance_practice,
    _substance_scenarios,
    _suppressions,
    _todo,
)
