"""Converters between the model and plain data, one per file format.

Structuring is strict: a number is not a string, a string is not a list,
and an unknown key is an error. Every problem is kept (cattrs' detailed
validation, exception groups with notes) and turned into diagnostics in one
place, :func:`transform_error`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from sys import intern
from types import UnionType
from typing import Any, Literal, TypeAlias, Union, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from .._core import vocab as _vocab
from .._core.diagnostics import (
    INVALID_ID,
    INVALID_VALUE,
    MISSING_KEY,
    UNKNOWN_KEY,
    WRONG_TYPE,
    About,
    Diagnostic,
    FieldError,
    Fix,
    Severity,
    format_path,
    suggested,
)
from .._core.duration import EXPECTED_DURATION, EXPECTED_FREQUENCY, Duration, Frequency, OutOfRange
from .._core.limits import DEFAULT_LIMITS, Limits, too_long, too_many
from .._core.numbers import EXPECTED_LARGEST, LARGEST, is_finite, out_of_range
from .._core.text import show
from .._core.vocab import MessageLength, ascii_fold, close_matches
from .._model import (
    EXPECTED_THRESHOLD,
    HEADER_FIELDS,
    CheckSettings,
    Plan,
    Target,
    target_value_missing,
)

__all__ = [
    "Format",
    "check_date",
    "converter_for",
    "diagnostic",
    "make_converter",
    "transform_error",
    "unknown_key",
]

Format = Literal["toml", "json"]

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
EXPECTED_ID = "an id: lowercase letters, digits, '_' and '-', at most 64 characters"


class _KeyNote(IterableValidationNote):
    """Marks an error raised by a mapping's key rather than its value."""


def _slug_hint(key: str) -> str | None:
    slug = re.sub(r"[^a-z0-9_-]+", "_", ascii_fold(key)).strip("_-")[:64]
    return slug if slug and ID_PATTERN.fullmatch(slug) else None


@functools.cache
def describe(tp: Any) -> str:
    """Say in words what a field of type *tp* expects (said when a value is refused, and
    worded once per type: hooks are built at every start, errors are rare)."""
    args = get_args(tp)
    if type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return describe(rest[0] if len(rest) == 1 else _union(rest))
    if tp is str:
        return "a string"
    if tp is int:
        return "a whole number"
    if tp is bool:
        return "true or false"
    if set(args) == {int, float}:
        return "a number"
    if tp is dt.date:
        return "a date such as 2027-06-30"
    if tp is Duration:
        return EXPECTED_DURATION
    if tp is Frequency:
        return EXPECTED_FREQUENCY
    if set(args) == {MessageLength, int}:
        return '"short", "medium", "long" or a number of characters'
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "one of " + ", ".join(show(m.value) for m in tp)
    origin = get_origin(tp)
    if origin is tuple:
        return f"a list of {_plural(describe(args[0]))}"
    if origin is Mapping or origin is dict:
        return "a table keyed by id"
    if attrs.has(tp):
        return "a table"
    return str(tp)


def _union(types: list[Any]) -> Any:
    result = types[0]
    for t in types[1:]:
        result = result | t
    return result


def _plural(text: str) -> str:
    from .._core.text import plural

    for article in ("a ", "an "):
        if text.startswith(article):
            return plural(text[len(article) :])
    return text


def _string_hook(limits: Limits) -> Callable[[Any, Any], str]:
    longest = limits.max_string

    def structure(value: Any, _: Any) -> str:
        if not isinstance(value, str):
            raise FieldError(value, "a string", code=WRONG_TYPE)
        if len(value) > longest:
            raise too_long(value, limits)
        return intern(value) if len(value) <= 64 else value

    return structure


def _check_int(value: Any, _: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(value, "a whole number", code=WRONG_TYPE)
    if value > LARGEST or value < -LARGEST:
        raise FieldError(value, EXPECTED_LARGEST)
    return value


def _check_bool(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError(value, "true or false", code=WRONG_TYPE)
    return value


def _check_number(value: Any, _: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(value, "a number", code=WRONG_TYPE)
    if not is_finite(value):
        raise FieldError(value, "a finite number")
    beyond = out_of_range(value)
    if beyond is not None:
        raise FieldError(value, beyond)
    return value


#: How a date is written as text: YYYY-MM-DD, in ASCII digits, and no other way.
DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date(text: str) -> dt.date:
    """The date *text* writes as YYYY-MM-DD; ``ValueError`` for any other text.

    ``date.fromisoformat`` also reads ``20270630``, ``2027-W26-3`` and ``2027-181``,
    which nobody means as a date in a plan or a spreadsheet.

    >>> iso_date("2027-06-30")
    datetime.date(2027, 6, 30)
    >>> iso_date("20270630")
    Traceback (most recent call last):
    ...
    ValueError: '20270630' is not a date written YYYY-MM-DD
    """
    if DATE_PATTERN.fullmatch(text):
        return dt.date.fromisoformat(text)  # ValueError for a day that does not exist
    raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")


def check_date(value: Any, _: Any) -> dt.date:
    """Structure a date: a ``date`` (TOML) or a YYYY-MM-DD string (JSON), nothing else."""
    if isinstance(value, dt.datetime):
        raise FieldError(value, "a date without a time, such as 2027-06-30")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return iso_date(value)
        except ValueError:
            pass
        raise FieldError(value, "a date such as 2027-06-30")
    raise FieldError(value, "a date such as 2027-06-30", code=WRONG_TYPE)


def _parser(parse: Callable[[str], Any], expected: str) -> Callable[[Any, Any], Any]:
    # Plans repeat the same few durations ("weekly", "2h") thousands of times, and the
    # parsed values are frozen: parse each text once.
    parsed: dict[str, Any] = {}

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, str):
            raise FieldError(value, expected, code=WRONG_TYPE)
        found = parsed.get(value)
        if found is not None:
            return found
        try:
            found = parse(value)
        except OutOfRange as exc:
            raise FieldError(value, exc.expected) from None
        except ValueError:  # int() of an ISO 8601 duration of more than 4,300 digits too
            raise FieldError(value, expected) from None
        if len(parsed) < 4096:
            parsed[value] = found
        return found

    return structure


def _check_length(value: Any, _: Any) -> MessageLength | int | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return MessageLength(value)
        except ValueError:
            near = close_matches(value, [m.value for m in MessageLength])
            hint = near[0] if near else None
            raise FieldError(
                value, describe(MessageLength | int), suggestion=hint, safe=len(near) == 1
            ) from None
    if isinstance(value, int) and not isinstance(value, bool):
        if 0 < value <= LARGEST:
            return value
        raise FieldError(value, describe(MessageLength | int) if value <= 0 else EXPECTED_LARGEST)
    raise FieldError(value, describe(MessageLength | int), code=WRONG_TYPE)


def _check_threshold(value: Any, _: Any) -> int | float | str | None:
    """A trigger's threshold: a number, or a share of the target written ``"60%"``."""
    if value is None or isinstance(value, str):
        return value  # its shape is the model's to check, which says where
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(value, EXPECTED_THRESHOLD, code=WRONG_TYPE)
    return _check_number(value, _)


def _enum_hook(cl: type[enum.Enum], _: Converter) -> Callable[[Any, Any], Any]:
    members = {m.value: m for m in cl}
    names = [str(v) for v in members]

    kind = int if issubclass(cl, int) else str

    def structure(value: Any, _: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, kind):
            raise FieldError(value, describe(cl), code=WRONG_TYPE)
        try:
            return members[value]
        except (KeyError, TypeError):
            near = close_matches(value, names) if isinstance(value, str) else []
            hint = near[0] if near else None
            raise FieldError(value, describe(cl), suggestion=hint, safe=len(near) == 1) from None

    return structure


def _is_tuple(tp: Any) -> bool:
    return get_origin(tp) is tuple


def _tuple_hook(tp: Any, converter: Converter, limits: Limits) -> Callable[[Any, Any], Any]:
    item_type = get_args(tp)[0]
    item_hook = converter.get_structure_hook(item_type)
    most, longest = limits.max_items, limits.max_string

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise FieldError(value, describe(tp), code=WRONG_TYPE)
        if len(value) > most:
            raise too_many(value, limits)
        if item_type is str and all(type(item) is str and len(item) <= longest for item in value):
            return tuple(map(intern, value))  # the common case, without a call per item
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:  # noqa: BLE001 - every error is kept as data
                exc.__notes__ = [IterableValidationNote("item", index, item_type)]
                errors.append(exc)
        if errors:
            raise IterableValidationError("invalid list", errors, tp)
        return tuple(items)

    return structure


def _is_optional(tp: Any) -> bool:
    args = get_args(tp)
    return get_origin(tp) in (Union, UnionType) and len(args) == 2 and type(None) in args


def _optional_hook(tp: Any, converter: Converter) -> Callable[[Any, Any], Any]:
    """``X | None``: the hook of X found once, not looked up again for every value."""
    inner_type = next(arg for arg in get_args(tp) if arg is not type(None))
    inner = converter.get_structure_hook(inner_type)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure


def _is_mapping(tp: Any) -> bool:
    return get_origin(tp) in (Mapping, dict)


def _table(
    value_type: Any,
    value_hook: Callable[[Any, Any], Any],
    check_key: Callable[[Any], FieldError | None],
    expected: str,
    limits: Limits,
) -> Callable[[Any, Any], dict[str, Any]]:
    """A hook for a table whose keys *check_key* vets and whose values *value_hook* makes.

    Every bad key and every bad value is kept, each noted with its key: the value of a
    bad key is structured too, so that its own problems are not hidden behind the key's.
    """
    most = limits.max_items

    def structure(value: Any, tp: Any) -> dict[str, Any]:
        if not isinstance(value, Mapping):
            raise FieldError(value, expected, code=WRONG_TYPE)
        if len(value) > most:
            raise too_many(value, limits)
        out: dict[str, Any] = {}
        errors: list[Exception] = []
        for key, item in value.items():
            bad_key = check_key(key)
            if bad_key is not None:
                bad_key.about = "key"
                bad_key.__notes__ = [_KeyNote("key", str(key), str)]
                errors.append(bad_key)
            try:
                structured = value_hook(item, value_type)
            except Exception as exc:  # noqa: BLE001 - every error is kept as data
                exc.__notes__ = [IterableValidationNote("value", str(key), value_type)]
                errors.append(exc)
                continue
            if bad_key is None:
                out[intern(key)] = structured
        if errors:
            raise IterableValidationError("invalid table", errors, tp)
        return out

    return structure


def _check_id(key: Any) -> FieldError | None:
    if isinstance(key, str) and ID_PATTERN.fullmatch(key):
        return None
    hint = _slug_hint(key) if isinstance(key, str) else None
    return FieldError(key, EXPECTED_ID, code=INVALID_ID, suggestion=hint, safe=False)


def _mapping_hook(tp: Any, converter: Converter, limits: Limits) -> Callable[[Any, Any], Any]:
    """Tables keyed by id (objectives, channels…)."""
    value_type = get_args(tp)[1]
    value_hook = converter.get_structure_hook(value_type)
    return _table(value_type, value_hook, _check_id, "a table keyed by id", limits)


#: The shape of a rule code or prefix, as the JSON Schema gives it: letters, then digits or
#: none, in any case. Loading checks only this shape: whether a code names a rule is for
#: validation to say, which knows the rules (a plugin's may not be installed where a plan
#: is read).
CODE_PATTERN = re.compile(r"^[A-Za-z]+[0-9]*$")

#: What a code that is not shaped as one was expected to be.
EXPECTED_CODE = 'a rule code or prefix such as "SP205" or "SP2"'

_DIGITS = str.maketrans("OIL", "011")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

#: Where a problem of a ``[check]`` table's codes is: ``["select", 0]``, ``["severity", "SP2"]``.
CodePlace: TypeAlias = list[str | int]


def code_shape_problem(code: str) -> FieldError | None:
    """Why *code* is not shaped as a rule code or prefix (letters, then digits); None if it is."""
    if code.isascii() and CODE_PATTERN.fullmatch(code):
        return None
    return FieldError(code, EXPECTED_CODE, suggestion=reshaped_code(code), safe=False)


def reshaped_code(code: str) -> str | None:
    """The code *code* was likely meant to be, told from its shape alone, if any.

    Its letters and digits, upper case, an O, I or L among the digits read as 0 or 1, and
    socialplan's ``SP`` before digits alone:

    >>> [reshaped_code(c) for c in ["SP2O5", "sp 2", "SP-205", "205", "S P", "SP2O5x", ""]]
    ['SP205', 'SP2', 'SP205', 'SP205', 'SP', None, None]
    """
    kept = "".join(c for c in code.upper() if c.isascii() and c.isalnum())
    letters = len(kept) - len(kept.lstrip(_LETTERS))
    head = kept[:letters] or ("SP" if kept else "")
    candidate = head + kept[letters:].translate(_DIGITS)
    return candidate if candidate != code and CODE_PATTERN.fullmatch(candidate) else None


def code_problems(
    select: object = None,
    ignore: object = None,
    severity: object = None,
    *,
    per_path: object = None,
    judge: Callable[[str], FieldError | None] = code_shape_problem,
) -> list[tuple[CodePlace, FieldError]]:
    """The codes given to select, ignore or give a severity to that *judge* refuses, by place.

    The arguments are as a file or a caller gives them: what is not a list of strings
    (or a table keyed by strings, for *severity*) is left to whoever checks their types.
    A *severity* key written twice in two cases (``sp2`` and ``SP2``) is a problem too.
    *per_path* is a ``per_path_ignores`` table (patterns to lists of codes), whose codes are
    at ``["per_path_ignores", pattern, index]``.
    *judge* says why a code cannot be used, or None; by default, whether it is shaped as a
    code (the rule engine's judge knows the rules too).
    """
    found: list[tuple[CodePlace, FieldError]] = []
    lists: list[tuple[CodePlace, object]] = [(["select"], select), (["ignore"], ignore)]
    if isinstance(per_path, Mapping):
        lists += [(["per_path_ignores", str(key)], codes) for key, codes in per_path.items()]
    for place, codes in lists:
        if isinstance(codes, list | tuple):
            for index, code in enumerate(codes):
                problem = judge(code) if isinstance(code, str) else None
                if problem is not None:
                    found.append(([*place, index], problem))
    if isinstance(severity, Mapping):
        first: dict[str, str] = {}
        for key in severity:
            if not isinstance(key, str):
                continue
            problem = judge(key)
            written = first.setdefault(key.upper(), key)
            if problem is None and written != key:
                problem = FieldError(
                    key, "a code given once", hint=f'the table has "{written}" too: keep one'
                )
            if problem is not None:
                problem.about = "key"
                found.append((["severity", key], problem))
    return found


def _check_code(key: Any) -> FieldError | None:
    if isinstance(key, str):
        return None
    return FieldError(key, 'a rule code or prefix such as "SP205" or "SP2"')


def _severity_map(converter: Converter, limits: Limits) -> Callable[[Any, Any], dict[str, Any]]:
    """Rule codes or prefixes to severities: ``{ SP205 = "error" }``."""
    severity_hook = converter.get_structure_hook(Severity)
    return _table(Severity, severity_hook, _check_code, "a table of rule codes", limits)


#: The type of ``per_path_ignores``: dotted-path patterns to rule codes or prefixes.
_PATTERNS = Mapping[str, tuple[str, ...]]
#: What a key of ``per_path_ignores`` is expected to be.
EXPECTED_PATTERN = 'a dotted-path pattern such as "objectives.legacy_*"'


def _check_pattern(key: Any) -> FieldError | None:
    if isinstance(key, str) and key:
        return None
    return FieldError(key, EXPECTED_PATTERN)


def _settings_hook(converter: Converter, limits: Limits) -> Callable[[Any, Any], CheckSettings]:
    """A ``[check]`` table (or ``[tool.socialplan]``): each code must be shaped as one.

    A code that is not is an error at its place (``check.select[0]``), reported with every
    other problem of the table and of the document. Whether a code names a rule is not
    judged here: :func:`socialplan.validate` reports those of a plan's ``[check]`` table
    that name none, and the command line refuses those of ``[tool.socialplan]``.
    """
    structure_fields = _attrs_hook(CheckSettings, converter)
    codes = converter.get_structure_hook(tuple[str, ...])
    # Its keys are patterns, not ids: a table of its own, not the hook of tables keyed by id.
    patterns_hook = _table(tuple[str, ...], codes, _check_pattern, "a table of patterns", limits)

    def structure(value: Any, _: Any) -> CheckSettings:
        found = _code_problems(value) if isinstance(value, Mapping) else []
        ignores: dict[str, Any] | None = None
        if isinstance(value, Mapping) and "per_path_ignores" in value:
            patterns = value["per_path_ignores"]
            value = {key: item for key, item in value.items() if key != "per_path_ignores"}
            try:
                ignores = patterns_hook(patterns, _PATTERNS)
            except Exception as exc:  # noqa: BLE001 - every error is kept as data
                exc.__notes__ = [
                    AttributeValidationNote(
                        "@ attribute per_path_ignores", "per_path_ignores", _PATTERNS
                    )
                ]
                found.insert(0, exc)
        try:
            settings: CheckSettings = structure_fields(value, CheckSettings)
        except ClassValidationError as exc:
            if not found:
                raise
            raise ClassValidationError(
                exc.message, [*exc.exceptions, *found], CheckSettings
            ) from None
        if found:
            raise ClassValidationError("invalid rule codes", found, CheckSettings)
        if ignores is not None:
            settings = attrs.evolve(settings, per_path_ignores=ignores)
        return settings

    return structure


#: What an empty ``select`` of a file is refused as: it would run no rule, and a table
#: without the key runs every rule (``validate(select=[])`` runs none, as a caller asks).
EMPTY_SELECT = "a list naming the rules to run"
EMPTY_SELECT_HINT = "remove the key to run every rule"


def _code_problems(value: Mapping[str, Any]) -> list[Exception]:
    """The codes of a ``[check]`` table that are not shaped as codes, noted with their places,
    and a ``select`` that names none."""
    found: list[Exception] = []
    if isinstance(value.get("select"), list | tuple) and not value["select"]:
        empty = FieldError(value["select"], EMPTY_SELECT, hint=EMPTY_SELECT_HINT)
        attribute = attrs.fields_dict(CheckSettings)["select"]
        empty.__notes__ = [AttributeValidationNote("@ attribute select", "select", attribute.type)]
        found.append(empty)
    codes = code_problems(
        value.get("select"),
        value.get("ignore"),
        value.get("severity"),
        per_path=value.get("per_path_ignores"),
    )
    for (name, where, *index), problem in codes:
        assert isinstance(name, str)
        attribute = attrs.fields_dict(CheckSettings)[name]
        note: IterableValidationNote = (
            IterableValidationNote("item", where, str)
            if isinstance(where, int)
            else _KeyNote("key", where, str)
        )
        problem.__notes__ = [note]
        inner: Exception = problem
        if index:  # per_path_ignores.PATTERN[index]: an item of the list of a key
            problem.__notes__ = [IterableValidationNote("item", index[0], str)]
            inner = IterableValidationError("invalid list", [problem], tuple[str, ...])
            inner.__notes__ = [IterableValidationNote("value", where, tuple[str, ...])]
        group = IterableValidationError("invalid rule codes", [inner], CheckSettings)
        group.__notes__ = [AttributeValidationNote(f"@ attribute {name}", name, attribute.type)]
        found.append(group)
    return found


def _attrs_hook(cl: type, converter: Converter) -> Callable[[Any, Any], Any]:
    """The hook of an attrs class, generated when a document first holds one.

    cattrs compiles a function per class, and a plan's hook asks for the hooks of every
    part the format has: a plan with no budget, no tactics and no launch would pay for
    theirs at every start (issue #16). The generated hook is the same, only made later.
    """
    made: Callable[[Any, Any], Any] | None = None

    def structure(value: Any, tp: Any) -> Any:
        nonlocal made
        if made is None:
            made = _table_of(cl, converter)
        return made(value, tp)

    return structure


def _table_of(cl: type, converter: Converter) -> Callable[[Any, Any], Any]:
    """A table that makes an attrs class: every field's problem is kept, its validator's too.

    The class's validators run only once every field is structured: when one field is
    wrong, those of the fields that are right are run here, so that a value out of range
    is not hidden by a wrong type or an unknown key next to it.
    """
    generated: Callable[[Any, Any], Any] = converter.gen_structure_attrs_fromdict(cl)
    validated = [a for a in attrs.fields(attrs.resolve_types(cl)) if a.validator is not None]

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise FieldError(value, "a table", code=WRONG_TYPE)
        try:
            return generated(value, cl)
        except ClassValidationError as exc:
            more = _validate_the_rest(value, exc, validated, converter, _OWN_CHECKS.get(cl))
            if not more:
                raise
            raise ClassValidationError(exc.message, [*exc.exceptions, *more], cl) from None

    return structure


#: A class's own checks that need several of its fields (run as it is made), asked of the
#: table as written when another field does not structure: a target's missing value.
_OWN_CHECKS: dict[type, Callable[[Mapping[str, Any]], FieldError | None]] = {
    Target: target_value_missing,
}


def _validate_the_rest(
    value: Mapping[str, Any],
    exc: ClassValidationError,
    validated: list[attrs.Attribute[Any]],
    converter: Converter,
    own: Callable[[Mapping[str, Any]], FieldError | None] | None = None,
) -> list[Exception]:
    """What the validators of the fields that structured find, when another field did not,
    and the class's *own* check, when the fields it reads structured.

    When every field structured, the class was made and its validators ran: what they
    found is in *exc* already (with the name of its field), and is not looked for again.
    """
    noted, others = exc.group_exceptions()
    failed = {note.name for _, note in noted}
    if any(isinstance(other, FieldError) and other.field is not None for other in others):
        return []
    found: list[Exception] = []
    for attribute in validated:
        if attribute.name in failed or attribute.name not in value:
            continue
        assert attribute.validator is not None
        try:
            hook = converter.get_structure_hook(attribute.type)
            attribute.validator(None, attribute, hook(value[attribute.name], attribute.type))
        except Exception as problem:  # noqa: BLE001 - every error is kept as data
            found.append(problem)
    if own is not None and not failed & {"value", "relative"}:
        missing = own(value)
        if missing is not None:
            found.append(missing)
    return found


#: The enums of the model: each gets a structure hook of its own.
_ENUMS: list[type[enum.Enum]] = [
    Severity,
    *(
        value
        for value in vars(_vocab).values()
        if isinstance(value, type)
        and issubclass(value, enum.Enum)
        and value.__module__ == _vocab.__name__
    ),
]


def make_converter(
    fmt: Format = "toml", *, detailed: bool = True, limits: Limits = DEFAULT_LIMITS
) -> Converter:
    """Make the converter for one file format (``"toml"`` or ``"json"``).

    The two differ only in how dates are written: TOML has dates of its own,
    JSON writes them as ISO 8601 strings. A converter that is not *detailed*
    stops at the first problem: it is the fast path for documents that are
    right, and :func:`from_data` falls back to the detailed one for the others.
    Strings, tables and lists over *limits* are refused (SP008).
    """
    converter = Converter(
        omit_if_default=True, forbid_extra_keys=True, detailed_validation=detailed
    )
    converter.register_structure_hook(str, _string_hook(limits))
    converter.register_structure_hook(int, _check_int)
    converter.register_structure_hook(bool, _check_bool)
    # A hook for str or int also catches every StrEnum and IntEnum: each enum
    # of the model gets its own, more specific one.
    for vocabulary in _ENUMS:
        converter.register_structure_hook(vocabulary, _enum_hook(vocabulary, converter))
    converter.register_structure_hook(int | float, _check_number)
    converter.register_structure_hook(
        int | float | None, lambda v, t: None if v is None else _check_number(v, t)
    )
    converter.register_structure_hook(dt.date, check_date)
    converter.register_structure_hook(Duration, _parser(Duration.parse, EXPECTED_DURATION))
    converter.register_structure_hook(Frequency, _parser(Frequency.parse, EXPECTED_FREQUENCY))
    converter.register_structure_hook(MessageLength | int | None, _check_length)
    converter.register_structure_hook(int | float | str | None, _check_threshold)
    converter.register_structure_hook_factory(
        _is_tuple, lambda tp, converter: _tuple_hook(tp, converter, limits)
    )
    converter.register_structure_hook_factory(_is_optional, _optional_hook)
    converter.register_structure_hook_factory(
        _is_mapping, lambda tp, converter: _mapping_hook(tp, converter, limits)
    )
    converter.register_structure_hook_factory(attrs.has, _attrs_hook)
    converter.register_structure_hook_func(
        lambda t: t == Mapping[str, Severity], _severity_map(converter, limits)
    )
    converter.register_structure_hook(CheckSettings, _settings_hook(converter, limits))

    converter.register_unstructure_hook(Duration, str)
    converter.register_unstructure_hook(Frequency, str)
    if fmt == "json":
        converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    else:
        converter.register_unstructure_hook(dt.date, lambda d: d)
    # After the dates': the target's hook is generated now, with those of its fields.
    converter.register_unstructure_hook(Target, _in_field_order(Target, converter))
    return converter


def _in_field_order(cl: type, converter: Converter) -> Callable[[Any], dict[str, Any]]:
    """*cl*'s unstructuring, its keys in the order of its fields: cattrs writes the fields
    that have a default after those that have none, and a target's ``value`` (optional only
    over the previous period) is written first, as it always was."""
    generated: Callable[[Any], dict[str, Any]] = converter.gen_unstructure_attrs_fromdict(cl)
    order = [a.name for a in attrs.fields(cl)]

    def unstructure(value: Any) -> dict[str, Any]:
        data: dict[str, Any] = generated(value)
        return {key: data[key] for key in order if key in data}

    return unstructure


_CONVERTERS: dict[tuple[str, bool, Limits], Converter] = {}


def converter_for(
    fmt: Format, *, detailed: bool = True, limits: Limits = DEFAULT_LIMITS
) -> Converter:
    """The converter of *fmt* (built once per format, detail and limits, then reused)."""
    converter = _CONVERTERS.get((fmt, detailed, limits))
    if converter is None:
        converter = make_converter(fmt, detailed=detailed, limits=limits)
        _CONVERTERS[fmt, detailed, limits] = converter
    return converter


def diagnostic(
    code: str,
    segments: list[str | int],
    message: str,
    hint: str | None = None,
    about: About = "value",
    fix: Fix | None = None,
) -> Diagnostic:
    """A load error at the dotted path of *segments*: about its value, or its key."""
    return Diagnostic(
        code=code,
        severity=Severity.ERROR,
        message=message,
        path=format_path(segments),
        hint=hint,
        about=about,
        fix=fix,
    )


def unknown_key(segments: list[str | int], known: tuple[str, ...] | list[str]) -> Diagnostic:
    """An unknown-key error at *segments*, with the nearest of *known* or the list of them,
    and the fix that renames it to the nearest (safe when it is the one close)."""
    key = str(segments[-1])
    near = close_matches(key, known)
    hint = f'did you mean "{near[0]}"?' if near else "expected one of: " + ", ".join(known)
    fix = suggested(near[0], safe=len(near) == 1) if near else None
    return diagnostic(UNKNOWN_KEY, segments, f"unknown key {show(key)}", hint, "key", fix)


def _leaves(
    exc: BaseException, path: list[str | int], tp: Any
) -> Iterator[tuple[list[str | int], BaseException, Any]]:
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, attribute in with_notes:
            yield from _leaves(sub, [*path, attribute.name], attribute.type)
        for sub in without:
            yield from _leaves(sub, path, exc.cl)
    elif isinstance(exc, IterableValidationError):
        for sub in exc.exceptions:
            item = next(
                (n for n in getattr(sub, "__notes__", ()) if isinstance(n, IterableValidationNote)),
                None,
            )
            if item is None:
                yield from _leaves(sub, path, None)
            elif isinstance(item, _KeyNote):
                yield [*path, item.index], sub, item.type
            else:
                yield from _leaves(sub, [*path, item.index], item.type)
    elif isinstance(exc, BaseExceptionGroup):  # a class's own checks, each problem one
        for problem in exc.exceptions:
            yield from _leaves(problem, path, tp)
    else:
        yield path, exc, tp


def transform_error(exc: BaseException) -> list[Diagnostic]:
    """Turn a structuring error of a plan into one diagnostic per problem.

    This is the one place where errors kept as data become messages.
    """
    out: list[Diagnostic] = []
    for path, leaf, tp in _leaves(exc, [], Plan):
        if path and path[0] in HEADER_FIELDS:
            path = ["plan", *path]
        if isinstance(leaf, ForbiddenExtraKeysError):
            known = [a.name for a in attrs.fields(leaf.cl)]
            out.extend(unknown_key([*path, key], known) for key in sorted(leaf.extra_fields))
        elif isinstance(leaf, KeyError):
            hint = f"expected {describe(tp)}" if tp is not None else None
            out.append(diagnostic(MISSING_KEY, path, "required key missing", hint))
        elif isinstance(leaf, FieldError):
            if isinstance(leaf.field, tuple):  # a part inside the class: a metric's feed
                path = [*path, *leaf.field]
            elif leaf.field is not None:
                path = [*path, leaf.field]
            out.append(diagnostic(leaf.code, path, *leaf.said(), leaf.about, leaf.fix()))
        else:
            out.append(diagnostic(INVALID_VALUE, path, str(leaf)))
    return out
