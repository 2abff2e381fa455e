"""The fast pass of loading (issue #21): msgspec decodes a document that is right, whole.

With the ``fast`` extra installed, :func:`loads_json` decodes JSON text, and
:func:`structure` the dict that TOML's parser gives, into *mirrors* of the model's attrs
classes: msgspec ``Struct`` types made from the model's fields, which refuse unknown keys,
take only the JSON types the detailed pass takes (no string for a number, no bool for a
number) and hold the limits of strings, lists and tables, the shape of ids and the range
of numbers. Durations, frequencies, numbers and the few values of two types go through the
same checks as the detailed pass's hooks. The mirrors are then built into the model's
classes by functions generated once per class (their strings interned as the detailed
pass interns them), whose validators and ``__attrs_post_init__`` run as they are made.

Whatever this pass cannot take, or is in doubt about, it does not judge: it answers None,
and the detailed pass of :mod:`socialplan._io.convert` (cattrs) reads the document and says
what is wrong, exactly as without the extra. A ``[check]`` table, a key written twice, a
``\\u`` escape of a quote or a surrogate in JSON and any value this pass refuses all go
that way. cattrs is imported only then.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
import sys
from collections.abc import Callable, Mapping
from sys import intern
from types import GenericAlias, UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import attrs

from .._core.duration import Duration, Frequency, OutOfRange
from .._core.limits import Limits
from .._core.numbers import LARGEST, is_finite, out_of_range
from .._core.vocab import MessageLength
from .._model import HEADER_FIELDS, CheckSettings, Plan

__all__ = ["available", "loads_json", "structure"]

#: The shape of an id, as :data:`socialplan._io.convert.ID_PATTERN` (a test holds them
#: equal); ``\\Z``, since msgspec searches and ``$`` matches before a final newline.
ID_REGEX = r"^[a-z0-9][a-z0-9_-]{0,63}\Z"

#: Off for a test that compares this pass with the detailed one alone.
ENABLED = True


class _Refuse(Exception):
    """A value this pass does not judge: the detailed pass will."""


def available() -> bool:
    """Whether msgspec is installed (and this pass is on)."""
    if not ENABLED:
        return False
    try:
        import msgspec  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the environment
        return False
    return True


class _Made(type):
    """The type of the custom types below: msgspec checks that its hook's value is one of
    the type it asked for, and the value made is the model's, not of that type."""

    def __instancecheck__(cls, instance: object) -> bool:
        return True


# Custom types the mirrors name, each turned into its value by the decoder's hook.
class _Number(metaclass=_Made):
    """int | float, finite and within a plan's range."""


class _OptionalNumber(metaclass=_Made):
    pass


class _Length(metaclass=_Made):
    """MessageLength | int | None."""


class _Threshold(metaclass=_Made):
    """int | float | str | None: a number, or a share written "60%"."""


class _Never(metaclass=_Made):
    """A type this pass does not take (the ``[check]`` table): present, it falls back."""


def _number(value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Refuse
    if not is_finite(value) or out_of_range(value) is not None:
        raise _Refuse
    return value


def _length(value: Any) -> MessageLength | int | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return MessageLength(value)
        except ValueError:
            raise _Refuse from None
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= LARGEST:
        return value
    raise _Refuse


def _threshold(value: Any) -> int | float | str | None:
    if value is None or isinstance(value, str):
        return intern(value) if isinstance(value, str) and len(value) <= 64 else value
    return _number(value)


def _parsed(parse: Callable[[str], Any]) -> Callable[[Any], Any]:
    cache: dict[str, Any] = {}

    def structure(value: Any) -> Any:
        if not isinstance(value, str):
            raise _Refuse
        found = cache.get(value)
        if found is None:
            try:
                found = parse(value)
            except (OutOfRange, ValueError):
                raise _Refuse from None
            if len(cache) < 4096:
                cache[value] = found
        return found

    return structure


_HOOKS: dict[type, Callable[[Any], Any]] = {
    _Number: _number,
    _OptionalNumber: lambda v: None if v is None else _number(v),
    _Length: _length,
    _Threshold: _threshold,
}


_PARSERS: dict[type, Callable[[Any], Any]] = {
    Duration: _parsed(Duration.parse),
    Frequency: _parsed(Frequency.parse),
}


def _dec_hook(tp: Any, value: Any) -> Any:
    hook = _HOOKS.get(tp)
    if hook is None:
        raise _Refuse
    return hook(value)


def _length_limit(limit: int) -> int:
    """A limit of *limit* items or characters as msgspec takes it: no length is above
    ``sys.maxsize``, and msgspec refuses a limit above it (``--limit max_items=10**30``)."""
    return min(limit, sys.maxsize)


class _Mirrors:
    """The mirror Structs of the model for one set of limits, and the builders that make
    the model's classes from them (each generated once)."""

    def __init__(self, limits: Limits, dates: Literal["json", "toml"]) -> None:
        import msgspec

        self.msgspec = msgspec
        self.limits = limits
        self.dates = dates
        self.structs: dict[type, type] = {}
        self.builders: dict[type, Callable[[Any], Any]] = {}
        self.cells: dict[type, list[Callable[[Any], Any]]] = {}
        self.text = Annotated[str, msgspec.Meta(max_length=_length_limit(limits.max_string))]
        self.key = Annotated[str, msgspec.Meta(pattern=ID_REGEX)]
        self.whole = Annotated[int, msgspec.Meta(ge=-LARGEST, le=LARGEST)]
        self.document = self._document()

    def mirror(self, tp: Any) -> Any:
        """The type a field of type *tp* is decoded as."""
        ms = self.msgspec
        if tp is str:
            return self.text
        if tp is int:
            return self.whole
        if tp is bool:
            return bool
        if tp is dt.date:
            return dt.date
        if tp is Duration or tp is Frequency:
            return str  # parsed as the plan is built: written back, it is as it was written
        if tp is CheckSettings:
            return _Never
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return tp
        args = get_args(tp)
        if set(args) == {int, float}:
            return _Number
        if set(args) == {int, float, type(None)}:
            return _OptionalNumber
        if set(args) == {MessageLength, int, type(None)}:
            return _Length
        if set(args) == {int, float, str, type(None)}:
            return _Threshold
        origin = get_origin(tp)
        if origin in (Union, UnionType) and len(args) == 2 and type(None) in args:
            inner = next(a for a in args if a is not type(None))
            return self.mirror(inner) | None
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            items = GenericAlias(tuple, (self.mirror(args[0]), ...))
            return Annotated[items, ms.Meta(max_length=self._most)]
        if origin in (Mapping, dict) and args[0] is str:
            table = GenericAlias(dict, (self.key, self.mirror(args[1])))
            return Annotated[table, ms.Meta(max_length=self._most)]
        if attrs.has(tp):
            return self.struct(tp)
        return _Never

    @property
    def _most(self) -> int:
        return _length_limit(self.limits.max_items)

    def struct(self, cl: type) -> type:
        """The mirror Struct of the attrs class *cl*."""
        found = self.structs.get(cl)
        if found is not None:
            return found
        self.structs[cl] = _Never  # a class that holds itself would not end
        fields = self._fields(attrs.fields(attrs.resolve_types(cl)))
        made: type = self.msgspec.defstruct(
            f"Fast{cl.__name__}",
            fields,
            kw_only=True,
            forbid_unknown_fields=True,
            omit_defaults=True,
        )
        self.structs[cl] = made
        return made

    def _fields(self, attributes: Any) -> list[tuple[Any, ...]]:
        fields: list[tuple[Any, ...]] = []
        for a in attributes:
            mirrored = self.mirror(a.type)
            if a.default is attrs.NOTHING:
                fields.append((a.name, mirrored))
            elif isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                empty = a.default.factory()
                fields.append((a.name, mirrored, self.msgspec.field(default_factory=type(empty))))
            else:
                fields.append((a.name, mirrored, a.default))
        return fields

    def _document(self) -> type:
        """The mirror of a whole document: ``format``, ``[plan]`` and the parts."""
        ms = self.msgspec
        plan_fields = attrs.fields(attrs.resolve_types(Plan))
        header = ms.defstruct(
            "FastHeader",
            self._fields([a for a in plan_fields if a.name in HEADER_FIELDS]),
            kw_only=True,
            forbid_unknown_fields=True,
            omit_defaults=True,
        )
        parts = self._fields([a for a in plan_fields if a.name not in HEADER_FIELDS])
        made: type = ms.defstruct(
            "FastDocument",
            [("format", Literal["socialplan/1"]), ("plan", header), *parts],
            kw_only=True,
            forbid_unknown_fields=True,
            omit_defaults=True,
        )
        return made

    def build(self, document: Any) -> Plan:
        """The plan the decoded *document* mirrors."""
        built: Plan = self._class(Plan)(document)
        return built

    def _class(self, cl: type) -> Callable[[Any], Any]:
        """The function that makes an instance of the attrs class *cl* from its mirror."""
        found = self.builders.get(cl)
        if found is None:
            found = self.builders[cl] = self._class_builder(cl)
            self._cell(cl)[0] = found
        return found

    def _cell(self, cl: type) -> list[Callable[[Any], Any]]:
        """A list of one item, the builder of *cl*, where the builders that make the parts
        holding a *cl* find it: at first a stand-in that makes the builder, puts it in its
        place and calls it. A class is made into Python at its first instance, so that a
        plan that uses a few of the model's classes (most real plans) does not pay for the
        others; a builder that holds one reads the list once per call, not per item."""
        cell = self.cells.get(cl)
        if cell is None:
            cell = self.cells[cl] = [lambda v: self._class(cl)(v)]
        return cell

    def _item(self, tp: Any) -> Callable[[Any], Any] | None:
        """The function that makes the model's value of type *tp* from its mirror's (which
        is not None); None where the mirror's value is the model's."""
        if tp is str:
            return _short
        if tp is Duration or tp is Frequency:
            return _PARSERS[tp]
        if attrs.has(tp):
            cell = self._cell(tp)
            return lambda v: cell[0](v)
        args = get_args(tp)
        origin = get_origin(tp)
        if origin in (Union, UnionType) and len(args) == 2 and type(None) in args:
            inner = self._item(next(a for a in args if a is not type(None)))
            if inner is None:
                return None
            return lambda v: None if v is None else inner(v)
        if origin is tuple:
            if args[0] is str:
                return _interned
            if _is_part(args[0]):
                return _each_in(self._cell(args[0]))
            each = self._item(args[0])
            return None if each is None else _each_in([each])
        if origin in (Mapping, dict):
            if _is_part(args[1]):
                return _each_of(self._cell(args[1]))
            value = self._item(args[1])
            if value is None:
                return lambda v: {intern(k): x for k, x in v.items()}
            return _each_of([value])
        return None

    def _class_builder(self, cl: type) -> Callable[[Any], Any]:
        """The function that makes an instance of *cl* from its mirror: Python generated
        from the class's fields, which reads each field once, works only on those whose
        mirror's value is not the model's (strings interned as the detailed pass interns
        them, durations parsed, parts built) and calls the class once. The plan's header
        fields are read from the document's ``plan``."""
        namespace: dict[str, Any] = {"cl": cl, "intern": intern}
        lines = ["def build(s):"]
        if cl is Plan:
            lines.append("    h = s.plan")
        arguments: list[str] = []
        for a in attrs.fields(attrs.resolve_types(cl)):
            held = "h" if cl is Plan and a.name in HEADER_FIELDS else "s"
            tp, optional = a.type, False
            args = get_args(tp)
            if get_origin(tp) in (Union, UnionType) and len(args) == 2 and type(None) in args:
                tp, optional = next(t for t in args if t is not type(None)), True
            v = f"v_{a.name}"
            if tp is str:
                guard = f"{v} is not None and " if optional else ""
                lines += [f"    {v} = {held}.{a.name}", f"    if {guard}len({v}) <= 64:"]
                lines.append(f"        {v} = intern({v})")
            elif get_origin(tp) is tuple and get_args(tp)[0] is str:
                lines += [f"    {v} = {held}.{a.name}", f"    if {v}:"]
                lines.append(f"        {v} = tuple(map(intern, {v}))")
            elif _is_part(tp):  # the class's builder, read from its cell when called
                namespace[f"c_{a.name}"] = self._cell(tp)
                lines.append(f"    {v} = {held}.{a.name}")
                if optional:
                    lines += [f"    if {v} is not None:", f"        {v} = c_{a.name}[0]({v})"]
                else:
                    lines.append(f"    {v} = c_{a.name}[0]({v})")
            elif (make := self._item(tp)) is not None:
                namespace[f"b_{a.name}"] = make
                lines.append(f"    {v} = {held}.{a.name}")
                if get_origin(tp) is tuple:  # an empty tuple is the model's
                    lines += [f"    if {v}:", f"        {v} = b_{a.name}({v})"]
                elif optional:
                    lines += [f"    if {v} is not None:", f"        {v} = b_{a.name}({v})"]
                else:
                    lines.append(f"    {v} = b_{a.name}({v})")
            else:
                v = f"{held}.{a.name}"
            arguments.append(f"{a.name}={v}")
        lines += self._making(cl, arguments, namespace)
        exec("\n".join(lines), namespace)  # code made from the model's fields
        built: Callable[[Any], Any] = namespace["build"]
        return built

    def _making(self, cl: type, arguments: list[str], namespace: dict[str, Any]) -> list[str]:
        """The lines that make the instance of *cl* from *arguments* (``field=value``).

        attrs' ``__init__`` of a frozen class sets each slot through a call of
        ``object.__setattr__`` by name, then runs the validators and
        ``__attrs_post_init__``; these lines do the same in the same order, each slot set
        through its own descriptor, in about half the time. A class this does not fit
        (not slotted, a converter, a field left out of ``__init__``, an
        ``__attrs_pre_init__``) is called as it is.
        """
        fields = attrs.fields(cl)
        slots = [inspect.getattr_static(cl, a.name, None) for a in fields]
        if (
            hasattr(cl, "__attrs_pre_init__")
            or "__init__" not in cl.__dict__
            or any(a.converter is not None or not a.init for a in fields)
            or any(type(slot).__name__ != "member_descriptor" for slot in slots)
        ):
            return [f"    return cl({', '.join(arguments)})"]
        namespace.update(new=object.__new__, disabled=attrs.validators.get_disabled)
        lines = ["    o = new(cl)"]
        for a, argument, slot in zip(fields, arguments, slots, strict=True):
            namespace[f"set_{a.name}"] = slot.__set__
            lines.append(f"    set_{a.name}(o, {argument.partition('=')[2]})")
        checked = [a for a in fields if a.validator is not None]
        if checked:
            lines.append("    if not disabled():")
        for a in checked:
            namespace[f"check_{a.name}"], namespace[f"field_{a.name}"] = a.validator, a
            lines.append(f"        check_{a.name}(o, field_{a.name}, o.{a.name})")
        if hasattr(cl, "__attrs_post_init__"):
            lines.append("    o.__attrs_post_init__()")
        lines.append("    return o")
        return lines


def _is_part(tp: Any) -> bool:
    """Whether *tp* is a class of the model built from its mirror Struct (a duration and a
    frequency are attrs classes too, written as strings)."""
    return attrs.has(tp) and tp not in _PARSERS


def _each_in(cell: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    """The builder of a tuple whose items are each made by the function in *cell* (a part's
    builder, which may be made later)."""

    def each_in(v: Any) -> Any:
        if not v:  # an empty tuple is the model's
            return v
        make = cell[0]
        return tuple([make(x) for x in v])

    return each_in


def _each_of(cell: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    """The builder of a table whose values are each made by the function in *cell* (a
    part's builder, which may be made later), its keys interned."""

    def each_of(v: Any) -> Any:
        make = cell[0]
        return {intern(k): make(x) for k, x in v.items()}

    return each_of


def _short(value: str) -> str:
    """A string as the detailed pass gives it: interned when it is short."""
    return intern(value) if len(value) <= 64 else value


def _interned(value: tuple[str, ...]) -> tuple[str, ...]:
    """A tuple of strings as the detailed pass gives it: each one interned."""
    return tuple(map(intern, value)) if value else value


_MIRRORS: dict[tuple[Limits, str], _Mirrors] = {}


def _mirrors(limits: Limits, dates: Literal["json", "toml"]) -> _Mirrors:
    found = _MIRRORS.get((limits, dates))
    if found is None:
        found = _MIRRORS[limits, dates] = _Mirrors(limits, dates)
    return found


#: A key and its colon with white space between: JSON allows it, the count below does not.
_SPACED_KEY = re.compile(r'"[ \t\r\n]+:')
#: The escapes that would make the count below unsure: a quote, a colon, white space or a
#: backslash written as an escape, and half of a surrogate pair (which the detailed pass
#: reports when it is alone).
_UNSURE_ESCAPE = re.compile(r"\\u(?:00(?:22|3[aA]|20|0[9aAdD]|5[cC])|[dD][89a-fA-F])")


def loads_json(text: str, limits: Limits) -> Plan | None:
    """The plan *text* (JSON) holds when it is right, whole; None for the detailed pass.

    A key written twice is not told by the decoder (the last one wins): every key written
    in *text* is counted (a quote then a colon), and so is every key of the decoded
    document written back, with the defaults left out. Without the escapes of
    :data:`_UNSURE_ESCAPE`, the quotes and colons of every string are the same in both, so
    the counts are equal exactly when no key was written twice and none was written with
    its default value (which is then in doubt).
    """
    if _SPACED_KEY.search(text) or ("\\u" in text and _UNSURE_ESCAPE.search(text)):
        return None
    mirrors = _mirrors(limits, "json")
    ms = mirrors.msgspec
    try:
        document = ms.json.decode(text, type=mirrors.document, dec_hook=_dec_hook)
    except (ms.ValidationError, ms.DecodeError, _Refuse, ValueError, TypeError):
        return None
    if ms.json.encode(document).count(b'":') != text.count('":'):
        return None
    return _built(mirrors, document)


def structure(data: object, limits: Limits) -> Plan | None:
    """The plan the parsed TOML *data* holds when it is right, whole; None otherwise."""
    mirrors = _mirrors(limits, "toml")
    ms = mirrors.msgspec
    try:
        document = ms.convert(data, mirrors.document, dec_hook=_dec_hook, builtin_types=(dt.date,))
    except (ms.ValidationError, _Refuse, ValueError, TypeError):
        return None
    return _built(mirrors, document)


def _built(mirrors: _Mirrors, document: Any) -> Plan | None:
    try:
        return mirrors.build(document)
    except Exception:  # noqa: BLE001 - a validator's refusal: the detailed pass says it
        return None
