"""The JSON Schema (2020-12) of the file format ``socialplan/1``, for editors.

The schema is generated from the model, not written by hand: each attrs
class of :class:`~socialplan.Plan` becomes a ``$defs`` entry whose
properties are the class's fields, with the types, vocabularies, id
patterns and ranges that loading enforces. It describes the document as
JSON writes it (dates are ``"YYYY-MM-DD"`` strings); TOML editors check a
TOML file against it through Taplo, which converts the file to that form.

A copy ships in the package (:func:`load_shipped`) and in
``docs/socialplan-1.schema.json``; ``socialplan schema`` prints it.

>>> from socialplan.schema import json_schema
>>> schema = json_schema()
>>> schema["properties"]["format"]["const"]
'socialplan/1'
>>> schema["properties"]["plan"]["required"]
['name']
>>> schema["$defs"]["ContentPillar"]["properties"]["share"]["maximum"]
100

What it cannot say is left to loading and validation: whether a reference
names an entry that exists, and whether a duration or a frequency parses.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import json
import operator
import typing
from collections.abc import Mapping
from importlib import resources
from typing import Any, Final, get_args, get_origin

import attrs

from ._core.diagnostics import Severity
from ._core.duration import EXPECTED_DURATION, EXPECTED_FREQUENCY, Duration, Frequency
from ._core.numbers import LARGEST
from ._core.vocab import MessageLength, TargetRelative
from ._io.convert import CODE_PATTERN, ID_PATTERN
from ._io.document import FORMAT
from ._model import (
    HEADER_FIELDS,
    SHARE_PATTERN,
    CheckSettings,
    Plan,
    Target,
    Trigger,
    _message_length,
    _threshold,
    _within,
)

__all__ = ["SCHEMA_FILE", "SCHEMA_ID", "json_schema", "load_shipped", "schema_text"]

#: The name of the schema file, in the package and in ``docs/``.
SCHEMA_FILE: Final = "socialplan-1.schema.json"

#: Where the schema is published: the ``$id`` of the schema.
SCHEMA_ID: Final = (
    f"https://raw.githubusercontent.com/socialplan/socialplan/main/docs/{SCHEMA_FILE}"
)

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

#: A date as JSON writes it. ``[0-9]``, not ``\\d``, which is wider in some regex dialects.
_DATE_PATTERN: Final = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

_NULL: Final = {"type": "null"}

#: The class of ``attrs.Factory(...)``: a default made afresh, such as an empty list.
_FACTORY: Final[type[Any]] = type(attrs.Factory(list))


def _first_line(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    return doc.split("\n\n", 1)[0].replace("\n", " ").strip()


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


class _Builder:
    """Walks the model from :class:`Plan` down, collecting one ``$defs`` entry per class."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        """A reference to the definition of *cls*, made on first use.

        A table's definition leaves out ``"type": "object"``, which each use
        states next to an ``allOf`` holding the reference, so that an optional
        table can also be null without an ``anyOf``: under an ``anyOf`` a
        mistake deep inside a table is reported on the whole table by most
        validators (Taplo's among them), not where it is.
        """
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # claimed first: a class may refer to itself
            if issubclass(cls, enum.Enum):
                self.defs[name] = self.enum(cls)
            else:
                self.defs[name] = self.table(cls)
        ref = {"$ref": f"#/$defs/{name}"}
        if issubclass(cls, enum.Enum):
            return ref
        return {"type": "object", "allOf": [ref]}

    def enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        kind = "integer" if issubclass(cls, int) else "string"
        values = [int(m.value) if kind == "integer" else str(m.value) for m in cls]
        return {
            "title": cls.__name__,
            "description": _first_line(cls),
            "type": kind,
            "enum": values,
        }

    def table(self, cls: type, only: tuple[str, ...] | None = None) -> dict[str, Any]:
        """An attrs class's fields (or *only* those) as the properties of an object, no others."""
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if only is not None and field.name not in only:
                continue
            schema = {**self.of(hints[field.name]), **_limits(cls, field)}
            if cls is CheckSettings and field.name == "per_path_ignores":  # keyed by pattern
                schema = {
                    "description": "A table keyed by dotted-path pattern (* and ? wildcards).",
                    "type": "object",
                    "additionalProperties": self.of(hints[field.name].__args__[1]),
                }
            default = _default(field)
            if default is not None:
                schema["default"] = default
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {
            "title": cls.__name__,
            "description": _first_line(cls),
            "properties": properties,
        }
        if required:
            out["required"] = required
        if cls is Trigger:  # exactly one of below and above, as loading requires (null: not given)
            out["oneOf"] = [
                {"required": [key], "properties": {key: {"not": _NULL}}}
                for key in ("below", "above")
            ]
        if cls is Target:  # a value, unless relative to the previous period (null: not given)
            out["anyOf"] = [
                {"required": ["value"], "properties": {"value": {"not": _NULL}}},
                {
                    "required": ["relative"],
                    "properties": {"relative": {"const": str(TargetRelative.PREVIOUS)}},
                },
            ]
        out["additionalProperties"] = False
        return out

    def of(self, tp: Any) -> dict[str, Any]:
        """The schema of a value of type *tp*, as the converter structures it."""
        args = get_args(tp)
        if type(None) in args:
            rest = [a for a in args if a is not type(None)]
            return _nullable(self.of(functools.reduce(operator.or_, rest)))
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer", "minimum": -LARGEST, "maximum": LARGEST}
        if set(args) == {int, float}:
            # Nor may one but 0 be smaller than 1e-15 in size: not said, for editors' sake.
            return {"type": "number", "minimum": -LARGEST, "maximum": LARGEST}
        if tp is dt.date:
            return {
                "description": "A date such as 2027-06-30.",
                "type": "string",
                "format": "date",
                "pattern": _DATE_PATTERN,
            }
        if tp is Duration:
            return _text(_capitalized(EXPECTED_DURATION))
        if tp is Frequency:
            return _text(_capitalized(EXPECTED_FREQUENCY))
        if set(args) == {MessageLength, int}:
            return {
                "description": 'A length: "short", "medium", "long" or a number of characters.',
                "anyOf": [
                    self.ref(MessageLength),
                    {"type": "integer", "minimum": 1, "maximum": LARGEST},
                ],
            }
        if set(args) == {int, float, str}:  # a trigger's threshold
            return {
                "description": 'A number, or a share of the target such as "60%".',
                "anyOf": [
                    self.of(int | float),
                    {"type": "string", "pattern": f"^{SHARE_PATTERN.pattern}$"},
                ],
            }
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self.ref(tp)
        origin = get_origin(tp)
        if origin is tuple:
            return {"type": "array", "items": self.of(args[0])}
        if origin in (Mapping, dict):
            value = self.of(args[1])
            if args[1] is Severity:  # the converter's hook for rule codes to severities
                return _keyed(CODE_PATTERN.pattern, value, "A table keyed by rule code or prefix.")
            return _keyed(ID_PATTERN.pattern, value, "A table keyed by id.")
        if attrs.has(tp):
            return self.ref(tp)
        raise TypeError(f"socialplan.schema does not know how to describe {tp!r}")


def _text(description: str) -> dict[str, Any]:
    """A string that loading parses: the schema can only say it is not empty."""
    return {"description": description, "type": "string", "minLength": 1}


def _keyed(pattern: str, value: dict[str, Any], description: str) -> dict[str, Any]:
    # patternProperties with additionalProperties false, rather than propertyNames:
    # the same meaning in every draft, and what Taplo's completion follows.
    return {
        "description": description,
        "type": "object",
        "patternProperties": {pattern: value},
        "additionalProperties": False,
    }


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """*schema* or null: JSON's null means the same as leaving the key out."""
    kind = schema.get("type")
    if isinstance(kind, str) and "$ref" not in schema:
        return {**schema, "type": [kind, "null"]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], _NULL]}
    return {"anyOf": [schema, _NULL]}


def _limits(cls: type, field: attrs.Attribute[Any]) -> dict[str, Any]:
    """The range a field's validator enforces, as ``minimum`` and ``maximum``."""
    check = field.validator
    if check is None or check in (_message_length, _threshold):  # the type says what they do
        return {}
    if getattr(check, "__qualname__", None) == f"{_within.__qualname__}.<locals>.check":
        bounds = inspect.getclosurevars(check).nonlocals
        limits = {"minimum": bounds["low"]}
        if bounds["high"] is not None:
            limits["maximum"] = bounds["high"]
        return limits
    raise TypeError(
        f"socialplan.schema does not know the validator of {cls.__name__}.{field.name}: "
        f"{check!r}; teach _limits what it checks"
    )


def _default(field: attrs.Attribute[Any]) -> Any:
    """A field's default as the file writes it; None for no default or an empty one."""
    default = field.default
    if default is attrs.NOTHING or default is None or isinstance(default, _FACTORY):
        return None
    if isinstance(default, enum.Enum):
        return default.value
    return default


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a ``socialplan/1`` document, generated from the model.

    A plan that ``socialplan`` writes validates against it, and a document it
    rejects does not load. Some mistakes only loading finds (a duration that
    does not parse): ``docs/schema.md`` lists what the schema cannot express.
    """
    builder = _Builder()
    fields = builder.table(Plan, only=HEADER_FIELDS)
    header = {
        "title": "plan",
        "description": "The [plan] table: the plan's header.",
        "type": "object",
        **{k: v for k, v in fields.items() if k not in ("title", "description")},
    }
    hints = typing.get_type_hints(Plan)
    properties: dict[str, Any] = {
        "format": {
            "description": "The version of the file format.",
            "type": "string",
            "const": FORMAT,
        },
        "plan": header,
    }
    for field in attrs.fields(Plan):
        if field.name not in HEADER_FIELDS:
            properties[field.name] = builder.of(hints[field.name])
    return {
        "$schema": _DIALECT,
        "$id": SCHEMA_ID,
        "$comment": (
            "Generated from the socialplan model by socialplan.schema; do not edit. "
            "Regenerate with: socialplan schema -o docs/socialplan-1.schema.json"
        ),
        "title": f"{FORMAT} plan",
        "description": _first_line(Plan),
        "type": "object",
        "properties": properties,
        "required": ["format", "plan"],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    """The schema as the shipped file holds it: JSON, indented by 2, ending in a newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def load_shipped() -> dict[str, Any]:
    """The schema file shipped in the package, parsed."""
    text = resources.files("socialplan").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
