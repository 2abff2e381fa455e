"""The cyclic garbage collector, paused while a plan is built or checked."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_collector"]


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
