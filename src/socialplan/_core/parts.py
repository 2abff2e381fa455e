"""Equality, hashing and ``repr`` for the model's frozen classes, written once.

attrs writes an ``__eq__``, a ``__hash__`` and a ``__repr__`` for every class it builds, as source
text it compiles at import: for the model's fifty-odd classes that compiling was a third of
``import socialplan``, which every command pays (issue #16). The model's classes keep attrs for
what only it can write per class (the keyword-only ``__init__`` with its validators and defaults,
the slots, the frozen ``__setattr__``) and take these three from :class:`Part`, which reads the
same fields in the same order and gives the same answers:

>>> import attrs
>>> @attrs.frozen(kw_only=True, eq=False, repr=False)
... class Horizon(Part):
...     name: str
...     weeks: int | None = None
>>> Horizon(name="short", weeks=12)
Horizon(name='short', weeks=12)
>>> Horizon(name="short") == Horizon(name="short", weeks=None)
True
>>> Horizon(name="short") == Horizon(name="long")
False
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

import attrs

__all__ = ["Part"]

#: Per class: a function giving the values of its fields, in order, as a tuple.
_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _values(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    get = _VALUES.get(cls)
    if get is None:
        names = [field.name for field in attrs.fields(cls)]
        if len(names) == 1:  # attrgetter of one name gives the value, not a tuple
            one = attrgetter(names[0])
            get = _VALUES[cls] = lambda part: (one(part),)
        else:
            get = _VALUES[cls] = attrgetter(*names)
    return get


class Part:
    """What the model's classes compare, hash and show by: their fields' values, in order.

    A subclass is built with ``@attrs.frozen(kw_only=True, eq=False, repr=False)``: two parts
    are equal when they are of the same class and their fields are equal, as attrs compares;
    the hash is that of the class and the values; the ``repr`` is attrs' own layout.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _values(self.__class__)
        return bool(values(self) == values(other))

    def __hash__(self) -> int:
        return hash((self.__class__, _values(self.__class__)(self)))

    def __repr__(self) -> str:
        cls: Any = self.__class__
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in attrs.fields(cls))
        return f"{cls.__qualname__}({shown})"
