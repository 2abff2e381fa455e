"""The document envelope of format ``socialplan/1``: the ``format`` key and the ``[plan]`` header.

A plan's file is a table with a ``format`` line, a ``[plan]`` table holding the header
fields (name, organization, dates...) and one table per part. The model holds the header
fields on :class:`~socialplan.Plan` itself; this module takes them out of ``[plan]`` when
reading and puts them back when writing, and checks the envelope's own keys. The parts
are structured by the converters of :mod:`socialplan._io.convert`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._core.diagnostics import (
    FORMAT_KEY,
    MISSING_KEY,
    UNKNOWN_KEY,
    WRONG_TYPE,
    Diagnostic,
    FieldError,
    LoadError,
)
from .._core.limits import DEFAULT_LIMITS, Limits, depth_problem
from .._core.text import show
from .._model import HEADER_FIELDS, Plan

if TYPE_CHECKING:  # cattrs and the converters: imported by the functions that use them
    from .convert import Format

__all__ = ["FORMAT", "from_data", "to_data"]

#: The value of the ``format`` key of every plan document this version reads.
FORMAT: Final = "socialplan/1"

_TOP_KEYS: Final = (
    "format",
    "plan",
    *(a.name for a in attrs.fields(Plan) if a.name not in HEADER_FIELDS),
)


#: What a plan's document is, said to one that is not a table (JSON's ``[1, 2]``).
PLAN_SHAPE = (
    f'a plan is a table with format = "{FORMAT}" and a [plan] table '
    f'(in JSON an object: {{"format": "{FORMAT}", "plan": {{"name": "…"}}}})'
)


def from_data(data: object, *, limits: Limits | None = None) -> Plan:
    """Build a plan from a parsed document (the dict that TOML or JSON gives).

    Raises :class:`~socialplan.LoadError` with every problem found, those over
    *limits* (by default :class:`~socialplan.Limits`' defaults) included.
    """
    from cattrs.errors import ClassValidationError, IterableValidationError

    from .convert import converter_for, diagnostic, transform_error, unknown_key

    limits = limits or DEFAULT_LIMITS
    problems: list[Diagnostic] = []
    if not isinstance(data, Mapping):
        message = f"the document is {show(data)}, not a table"
        raise LoadError([diagnostic(WRONG_TYPE, [], message, PLAN_SHAPE)])
    version = data.get("format")
    if version is None:
        problems.append(
            diagnostic(MISSING_KEY, ["format"], "required key missing", f'add format = "{FORMAT}"')
        )
    elif version != FORMAT:
        problems.append(
            diagnostic(
                FORMAT_KEY,
                ["format"],
                f"{show(version)} is not a format this version reads ({show(FORMAT)})",
                f'write format = "{FORMAT}"',
            )
        )
    header = data.get("plan")
    merged: dict[str, Any] = {}
    if header is None:
        problems.append(
            diagnostic(
                MISSING_KEY, ["plan"], "required table missing", "add a [plan] table with a name"
            )
        )
    elif not isinstance(header, Mapping):
        problems.append(diagnostic(WRONG_TYPE, ["plan"], f"{show(header)} is not a table"))
    else:
        for key, value in header.items():
            if key in HEADER_FIELDS:
                merged[key] = value
            elif key in _TOP_KEYS:
                hint = f"[{key}] is a table of its own: start it on its own line, not inside [plan]"
                problems.append(
                    diagnostic(UNKNOWN_KEY, ["plan", key], f"unknown key {show(key)}", hint, "key")
                )
            else:
                problems.append(unknown_key(["plan", key], HEADER_FIELDS))
    for key, value in data.items():
        if key in ("format", "plan"):
            continue
        if key in _TOP_KEYS:
            merged[key] = value
        else:
            problems.append(unknown_key([key], _TOP_KEYS))
    if not problems:
        try:  # the fast path: most documents are right
            hook = converter_for("toml", detailed=False, limits=limits).get_structure_hook(Plan)
            fast: Plan = hook(merged, Plan)
            return fast
        except Exception:  # noqa: BLE001 - the detailed pass below says what is wrong
            pass
    # A document that does not structure may nest deeper than any plan does.
    too_deep = depth_problem(data, limits)
    if too_deep is not None:
        problems.append(too_deep)
    try:
        plan: Plan | None = converter_for("toml", limits=limits).get_structure_hook(Plan)(
            merged, Plan
        )
    except (ClassValidationError, IterableValidationError, FieldError) as exc:
        found = transform_error(exc)
        if not isinstance(header, Mapping):  # already reported as the whole table
            found = [d for d in found if not d.path.startswith("plan.")]
        problems.extend(found)
        plan = None
    if problems:
        raise LoadError(problems)
    assert plan is not None
    return plan


def to_data(plan: Plan, fmt: Format = "toml") -> dict[str, Any]:
    """Turn a plan into the plain document that TOML or JSON writes."""
    from .convert import converter_for

    body = converter_for(fmt).unstructure(plan)
    header = {k: body.pop(k) for k in HEADER_FIELDS if k in body}
    return {"format": FORMAT, "plan": header, **body}
