"""The written parts of a table: those whose identifying text is not a placeholder, judged
once per validation however many rules and steps ask.

A step, a rule or SP901 counts a metric as written only when its name is the plan's own
words. The steps' progress and the rules both ask it of the same tables (a big plan's
10,000 metric names); within :func:`judged_once`, the first to ask pays for it.

>>> from socialplan import Metric
>>> metrics = {"a": Metric(name="Reach"), "b": Metric(name="TODO: what is measured")}
>>> list(written_parts(metrics, "name"))
['a']
>>> with judged_once():
...     written_parts(metrics, "name") is written_parts(metrics, "name")
True
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from operator import attrgetter
from typing import Any, TypeVar, cast

from .placeholders import is_placeholder, none_is_placeholder

__all__ = ["judged_once", "written_parts"]

T = TypeVar("T")

#: The tables judged so far while :func:`judged_once` is on: (id of the table, field) to the
#: table itself (kept, so that its id is not another's meanwhile) and its written parts.
_JUDGED: ContextVar[dict[tuple[int, str], tuple[object, dict[str, Any]]] | None] = ContextVar(
    "socialplan.judged", default=None
)


@contextlib.contextmanager
def judged_once() -> Iterator[None]:
    """Within it, each table's written parts (:func:`written_parts`) are found once, however
    many ask. Within another, the outer one's stay: a validation's steps and rules share."""
    if _JUDGED.get() is not None:
        yield
        return
    token = _JUDGED.set({})
    try:
        yield
    finally:
        _JUDGED.reset(token)


def written_parts(parts: Mapping[str, T], field: str) -> dict[str, T]:
    """The parts of *parts* whose identifying text *field* is the plan's own words (given,
    and not a placeholder), by id, in order: the same dict for the same table while
    :func:`judged_once` is on (read it, do not change it)."""
    judged = _JUDGED.get()
    if judged is None:
        return _judged(parts, field)
    key = (id(parts), field)
    if key not in judged:
        judged[key] = (parts, _judged(parts, field))
    return cast("dict[str, T]", judged[key][1])


def _judged(parts: Mapping[str, T], field: str) -> dict[str, T]:
    texts = list(map(attrgetter(field), parts.values()))
    if None not in texts and none_is_placeholder(texts):  # most plans: all are, at one search
        return dict(parts)
    return {
        key: part
        for key, part in parts.items()
        if (text := getattr(part, field)) is not None and not is_placeholder(text)
    }
