"""The cyclic garbage collector, paused while a plan is built or checked."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

__all__ = ["collector_paused", "paused_collector"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextlib.contextmanager
def paused_collector() -> Iterator[None]:
    """Pause the cyclic garbage collector, and restore it as it was, also on an error.

    A big plan is hundreds of thousands of objects. Loading one allocates them all, and
    validating one allocates indexes over them; every collection those allocations
    trigger walks the plan again, so the time per item grew with the size of the plan
    (a validation of 100,000 metrics spent two thirds of some rules' time collecting).
    Neither makes cycles: what they leave behind is freed by reference counting, and
    the collector has nothing to find meanwhile.

    >>> with paused_collector():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def collector_paused(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """*function*, run with the collector paused: for work that builds big structures at once.

    A report, a graph or a scorecard of a big plan is hundreds of thousands of new
    objects too; collections while they are built only walk the plan again. What cycles
    they make (a networkx graph and its views) are collected once the collector runs.

    >>> @collector_paused
    ... def busy() -> bool:
    ...     return gc.isenabled()
    >>> busy(), gc.isenabled()
    (False, True)
    """

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with paused_collector():
            return function(*args, **kwargs)

    return paused
