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

#: Per class: functions giving, as tuples, the values it compares by and hashes by.
_VALUES: dict[type, tuple[Callable[[Any], tuple[Any, ...]], Callable[[Any], tuple[Any, ...]]]] = {}


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    if not names:
        return lambda _part: ()
    if len(names) == 1:  # attrgetter of one name gives the value, not a tuple
        one = attrgetter(names[0])
        return lambda part: (one(part),)
    return attrgetter(*names)


def _values(cls: type) -> tuple[Callable[[Any], tuple[Any, ...]], Callable[[Any], tuple[Any, ...]]]:
    """The getters of the fields *cls* compares by (``eq=True``) and hashes by (``hash``, or
    ``eq`` when not given), as attrs reads a field's options."""
    got = _VALUES.get(cls)
    if got is None:
        fields = attrs.fields(cls)
        compared = [f.name for f in fields if f.eq]
        hashed = [f.name for f in fields if (f.eq if f.hash is None else f.hash)]
        got = _VALUES[cls] = (_getter(compared), _getter(hashed))
    return got


class Part:
    """What the model's classes compare, hash and show by: their fields' values, in order.

    A subclass is built with ``@attrs.frozen(..., eq=False, repr=False)``: two parts are
    equal when they are of the same class and their fields are equal, as attrs compares
    (a field with ``eq=False`` is left out, as attrs leaves it out); the hash is that of the
    class and the hashed values; the ``repr`` is attrs' own layout (``repr=False`` hides a
    field, a callable ``repr`` shows it).
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _values(self.__class__)[0]
        return bool(values(self) == values(other))

    def __hash__(self) -> int:
        return hash((self.__class__, _values(self.__class__)[1](self)))

    def __repr__(self) -> str:
        cls: Any = self.__class__
        shown = ", ".join(
            f"{f.name}={(f.repr if callable(f.repr) else repr)(getattr(self, f.name))}"
            for f in attrs.fields(cls)
            if f.repr
        )
        return f"{cls.__qualname__}({shown})"
