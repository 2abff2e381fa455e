"""SP9: drafts left unfinished: placeholders (TODO, TBD, "…", "coming soon") left in a plan."""

from __future__ import annotations

import datetime as dt
import enum
import operator
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain
from operator import methodcaller
from typing import Any

import attrs

from .._core.diagnostics import format_path
from .._core.duration import Duration, Frequency
from .._core.placeholders import is_placeholder, joined_distinct, may_hold_placeholder
from .._core.text import show
from .._model import HEADER_FIELDS, Plan
from ._context import Context
from ._registry import Finding, rule


def _left(text: str) -> bool:
    """Whether *text* is a placeholder left to fill: one, and not blank (a blank text is
    no content either, but it is not a marker anyone left to find again)."""
    return is_placeholder(text) and not text.isspace() and text != ""


#: Values that hold no text of the file: skipped without a look inside.
_NO_TEXT = (int, float, dt.date, Duration, Frequency, enum.Enum)


_READERS: dict[type, tuple[tuple[str, ...], Callable[[object], tuple[object, ...]]] | None] = {}


def _reader(
    cls: type,
) -> tuple[tuple[str, ...], Callable[[object], tuple[object, ...]]] | None:
    """The field names of a model class and a getter of all their values in one call."""
    if cls not in _READERS:
        fields = getattr(cls, "__attrs_attrs__", None)
        names = tuple(field.name for field in fields) if fields else ()
        if not names:
            _READERS[cls] = None
        elif len(names) == 1:  # attrgetter of one name gives the value, not a tuple
            one = operator.attrgetter(names[0])
            _READERS[cls] = (names, lambda node: (one(node),))
        else:
            _READERS[cls] = (names, operator.attrgetter(*names))
    return _READERS[cls]


_TEXT_FIELDS: dict[type, tuple[str, ...]] = {}


def _text_fields(cls: type) -> tuple[str, ...]:
    """The fields of a model class whose declared type may hold text.

    The screen below skips the others (numbers, dates, durations, enums) without a look:
    a plan that puts text where its type says a number goes cannot be written as a file.
    """
    if cls not in _TEXT_FIELDS:
        # attrs resolves a class's types once per process, and the fast pass has read them.
        _TEXT_FIELDS[cls] = tuple(
            field.name
            for field in attrs.fields(attrs.resolve_types(cls))
            if _may_hold_text(field.type)
        )
    return _TEXT_FIELDS[cls]


def _may_hold_text(tp: Any) -> bool:
    args = typing.get_args(tp)
    if args:  # X | None, tuple[X, ...], Mapping[K, V]: what its values may be
        return any(_may_hold_text(arg) for arg in args if arg is not Ellipsis)
    return not (isinstance(tp, type) and (issubclass(tp, _NO_TEXT) or tp is type(None)))


#: The types met so far that hold no text (filled as the walk meets them).
_SKIP: set[type] = set()


def _joined_says_todo(values: Iterable[object]) -> bool | None:
    """Whether *values*, all strings, may hold a placeholder (one join, one search); None
    when they are not all strings, and each has to be looked inside."""
    try:
        return may_hold_placeholder("\n".join(values))  # type: ignore[arg-type]
    except TypeError:
        return None


def _placeholders(node: object, path: list[str | int], found: list[tuple[str, str]]) -> None:
    """Add (path, text) to *found* for every string inside *node* that is a placeholder left.

    Depth first, in the model's order. One path list is pushed and popped as
    the walk goes, leaves are checked in the loop (a call per part, not per
    value), and a path is written out only for a placeholder: the
    walk stays cheap on plans of any size.
    """
    if isinstance(node, Mapping):
        items: Iterable[tuple[str | int, object]] = node.items()
    elif isinstance(node, tuple | list):
        items = enumerate(node)
    else:
        reader = _reader(type(node))
        if reader is None:
            return
        names, get = reader
        items = zip(names, get(node), strict=True)
    for key, value in items:
        kind = type(value)
        if isinstance(value, str):
            if _left(value):
                found.append((format_path([*path, key]), value))
        elif value is None or kind in _SKIP:
            continue
        elif isinstance(value, _NO_TEXT):
            _SKIP.add(kind)
        elif isinstance(value, tuple) and _joined_says_todo(value) is False:
            continue
        else:
            path.append(key)
            _placeholders(value, path, found)
            path.pop()


def _plan_placeholders(plan: Plan) -> list[tuple[str, str]]:
    """Every placeholder left in *plan*, with its path in the file.

    Each top-level value is screened first, column by column (below), and walked
    only when the screen finds one may be in it: most plans have none left at all.
    """
    found: list[tuple[str, str]] = []
    header = {name: getattr(plan, name) for name in HEADER_FIELDS}
    if _may_say_todo([header]):
        _placeholders(header, ["plan"], found)
    for field in attrs.fields(Plan):
        value = getattr(plan, field.name)
        if field.name not in header and _may_say_todo([value]):
            _placeholders({field.name: value}, [], found)
    return found


def _may_say_todo(column: list[object]) -> bool:
    """False when no string inside the values of *column* contains "TODO".

    A screen, column by column: the strings of a column are joined and searched in
    one call, and the parts of a column are split into one column per field, so
    10,000 metrics cost a few calls per field, not a few per value. It may say True
    for a string that does not hold the word alone ("TODOS"); the walk decides.
    """
    column = list(filter(None, column))  # None, "" and empty lists hold no text
    if not column:
        return False
    # A column repeats its texts (ids, units, sources): each distinct one is searched once.
    if type(column[0]) is str:
        try:
            return may_hold_placeholder(joined_distinct(typing.cast("list[str]", column)))
        except TypeError:  # not all strings: each kind is looked at below
            pass
    elif (said := _joined_says_todo(column)) is not None:  # texts of a kind of str
        return said
    kinds = set(map(type, column))
    for kind in kinds:
        same = column if len(kinds) == 1 else [value for value in column if type(value) is kind]
        if issubclass(kind, str):
            inside: Iterable[list[object]] = [same]
        elif issubclass(kind, tuple | list):
            # Most lists hold strings only (ids, keywords): one join of the distinct ones.
            # (Empty lists are filtered out above: the first value is the first list's.)
            lists = typing.cast("list[tuple[object, ...]]", same)
            first = next(chain.from_iterable(lists), None)
            if type(first) is str:
                try:
                    said = _joined_says_todo(set().union(*lists))
                except TypeError:  # a value that cannot be hashed: looked inside below
                    said = None
                if said:
                    return True
                if said is False:
                    continue
            inside = [list(chain.from_iterable(lists))]
        elif issubclass(kind, Mapping):
            inside = [list(chain.from_iterable(map(methodcaller("values"), same)))]
        elif issubclass(kind, _NO_TEXT) or _reader(kind) is None:
            continue
        else:
            inside = (list(map(operator.attrgetter(name), same)) for name in _text_fields(kind))
        if any(map(_may_say_todo, inside)):
            return True
    return False


@rule(
    "SP901",
    "todo-left",
    "info",
    summary='A value that is still a placeholder (TODO, TBD, "…", "coming soon"), waiting '
    "for the plan's own words.",
    why="The starter plan of `socialplan new` marks what its author has to fill in with TODO; "
    "a placeholder left in a plan gets published, scheduled or measured as if it were real.",
    fix="Replace the placeholder with the plan's own text, or remove the key.",
    example='[objectives.awareness]\ntitle = "TODO: what social media should achieve"',
)
def todo_left(context: Context) -> Iterator[Finding]:
    for path, text in _plan_placeholders(context.plan):
        yield Finding(
            path,
            # One message for every placeholder: one cause, one thing to do for the reader,
            # however many places it is in; the text left is in the hint of each place.
            "still a placeholder, not the plan's own words",
            f"write the plan's own words in place of {show(' '.join(text.split()))}",
        )
