"""Checking raw records against the plan: every problem kept, with where it is."""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .._core.diagnostics import (
    DUPLICATE_OBSERVATION,
    INVALID_VALUE,
    MISSING_KEY,
    UNKNOWN_CHANNEL,
    UNKNOWN_METRIC,
    WRONG_TYPE,
    Diagnostic,
    FieldError,
    LoadError,
    Severity,
    format_path,
)
from .._core.numbers import is_finite, out_of_range
from .._core.text import show
from .._core.vocab import Measure, Suggester
from .._io.convert import DATE_PATTERN, check_date, unknown_key
from .._model import Plan
from ._notes import unquote_note
from ._numbers import NOT_FINITE, number_hint, number_of, plain
from ._record import ALL_COLUMNS, COUNTS, READING, SEPARATOR, Observation

_EXPECTED = {
    "metric": "a metric id of the plan",
    "date": "a date such as 2027-06-30",
    "value": "a number",
}
_LIST_LIMIT = 10


#: Where a problem is: a record's index (None: the file or its header) and a key or column.
Where = tuple[int | None, str | None]


@attrs.define
class Checker:
    """Turns raw records into observations, keeping every problem with where it is."""

    plan: Plan
    textual: bool  # CSV: every value is text, numbers are parsed from it
    absent: set[str] = attrs.field(factory=set)  # required columns already reported missing
    problems: list[tuple[Diagnostic, Where]] = attrs.field(factory=list)
    # built on the first unknown metric or channel: a file may name thousands
    suggesters: dict[str, Suggester] = attrs.field(factory=dict)

    def suggest(self, table: str, value: str) -> str | None:
        """The id of the plan's *table* (``metrics``, ``channels``) nearest to *value*."""
        suggest = self.suggesters.get(table)
        if suggest is None:
            suggest = self.suggesters[table] = Suggester(getattr(self.plan, table))
        return suggest(value)

    def report(
        self, code: str, where: Where, message: str, hint: str | None = None, path: str = ""
    ) -> None:
        """Keep a problem at *where* (a record's index, or the file) with its code and path."""
        if not path and where[0] is not None:
            segments: list[str | int] = ["observations", where[0]]
            if where[1] is not None:
                segments.append(where[1])
            path = format_path(segments)
        diagnostic = Diagnostic(
            code=code, severity=Severity.ERROR, message=message, path=path, hint=hint
        )
        self.problems.append((diagnostic, where))

    def records(
        self,
        rows: Iterable[tuple[int, Mapping[str, object]]],
        line_of: Callable[[int | None, str | None], int | None],
    ) -> list[Observation]:
        """Check each (index, record); records hold only the keys given, unknown ones included."""
        found: list[Observation] = []
        first: dict[tuple[str, dt.date, str | None], int] = {}
        for index, record in rows:
            unknown = [key for key in record if key not in ALL_COLUMNS]
            for key in unknown:
                diagnostic = unknown_key(["observations", index, key], ALL_COLUMNS)
                self.problems.append((diagnostic, (index, key)))
            metric = self.metric(index, record)
            when = self.date(index, record)
            reading_ok, reading = self.reading(index, record, metric)
            value: int | float | None
            read = any(key in record and not _blank(record[key]) for key in READING)
            if read and _blank(record.get("value")):
                value = sum(reading.get(key) or 0 for key in COUNTS)
            else:
                value = self.value(index, record)
            channel_ok, channel = self.channel(index, record, metric)
            note = self.note(index, record)
            if metric is None or when is None or not channel_ok or not reading_ok:
                continue
            identity = (metric, when, channel)
            if identity in first:
                self.duplicate(index, first[identity], identity, line_of)
                continue
            first[identity] = index
            if value is not None:
                found.append(
                    Observation(
                        metric=metric, date=when, value=value, channel=channel, note=note, **reading
                    )
                )
        return found

    def reading(
        self, index: int, record: Mapping[str, object], metric: str | None
    ) -> tuple[bool, dict[str, Any]]:
        """Whether the record's qualitative reading is fine, and its fields (those given).

        Counts are whole numbers of at least 0; keywords and users are lists of text (in
        CSV, one cell with the items separated by ``;``), none of them empty or holding a
        ``;``. Only a qualitative metric has a reading.
        """
        given = [key for key in READING if key in record and not _blank(record[key])]
        if not given:
            return True, {}
        fine = True
        if metric is not None and self.plan.metrics[metric].kind is not Measure.QUALITATIVE:
            message = (
                f"the metric {show(metric)} is quantitative: sentiment counts, keywords and "
                "users are read of a qualitative metric"
            )
            hint = 'give a number in value, or make the metric kind = "qualitative" in the plan'
            self.report(INVALID_VALUE, (index, given[0]), message, hint)
            fine = False
        fields: dict[str, Any] = {}
        for key in given:
            value: int | tuple[str, ...] | None = (
                self._count(index, key, record[key])
                if key in COUNTS
                else self._items(index, key, record[key])
            )
            if value is None:
                fine = False
            else:
                fields[key] = value
        return fine, fields

    def _count(self, index: int, key: str, given: object) -> int | None:
        """A sentiment count: a whole number of at least 0."""
        where = (index, key)
        text = given.strip() if isinstance(given, str) and self.textual else given
        if isinstance(text, str):
            number = number_of(text) if self.textual else None
            if number is None:
                hint = "expected a whole number of mentions, such as 42"
                self.report(WRONG_TYPE, where, f"{show(text)} is not a number", hint)
                return None
            text = number
        if isinstance(text, bool) or not isinstance(text, numbers.Real):
            self.report(WRONG_TYPE, where, f"{show(given)} is not a whole number")
            return None
        if not isinstance(text, numbers.Integral) or text < 0 or out_of_range(int(text)):
            message = f"{show(given)} is not a whole number of at least 0"
            self.report(INVALID_VALUE, where, message, "a count of mentions, such as 42")
            return None
        return int(text)

    def _items(self, index: int, key: str, given: object) -> tuple[str, ...] | None:
        """Keywords or users: text separated by ``;`` in a CSV cell, else a list of text."""
        if isinstance(given, str) and self.textual:
            cell = unquote_note(given.strip())
            return tuple(item.strip() for item in cell.split(SEPARATOR) if item.strip())
        if isinstance(given, str) or not isinstance(given, list | tuple):
            hint = f'write a list: ["{given}"]' if isinstance(given, str) else None
            self.report(WRONG_TYPE, (index, key), f"{show(given)} is not a list of text", hint)
            return None
        items: list[str] = []
        fine = True
        for position, item in enumerate(given):
            path = format_path(["observations", index, key, position])
            if not isinstance(item, str):
                self.report(WRONG_TYPE, (index, key), f"{show(item)} is not text", path=path)
                fine = False
            elif not item.strip() or SEPARATOR in item or item != item.strip():
                message = f"{show(item)} is not a keyword or a user"
                hint = f"text without {SEPARATOR!r} or surrounding spaces, and not empty"
                self.report(INVALID_VALUE, (index, key), message, hint, path=path)
                fine = False
            else:
                items.append(item)
        return tuple(items) if fine else None

    def _given(self, index: int, record: Mapping[str, object], key: str) -> object | None:
        """The value of a required key, or None after reporting it missing."""
        value = record.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if key not in self.absent:
                given = key in record or self.textual
                message = "required value missing" if given else "required key missing"
                path = format_path(["observations", index, key])
                hint = f"expected {_EXPECTED[key]}"
                self.report(MISSING_KEY, (index, None), message, hint, path)
            return None
        return value

    def _text(self, index: int, key: str, value: object) -> str | None:
        if isinstance(value, str):
            return value.strip() if self.textual else value
        self.report(WRONG_TYPE, (index, key), f"{show(value)} is not a string")
        return None

    def metric(self, index: int, record: Mapping[str, object]) -> str | None:
        """The record's metric id, when it names one of the plan's metrics."""
        given = self._given(index, record, "metric")
        metric = None if given is None else self._text(index, "metric", given)
        if metric is None:
            return None
        if metric not in self.plan.metrics:
            near = self.suggest("metrics", metric)
            hint = f'did you mean "{near}"?' if near else _listing("metrics", self.plan.metrics)
            message = f"{show(metric)} is not a metric of the plan"
            self.report(UNKNOWN_METRIC, (index, "metric"), message, hint)
            return None
        return metric

    def date(self, index: int, record: Mapping[str, object]) -> dt.date | None:
        """The record's date, when it is one written as YYYY-MM-DD."""
        given = self._given(index, record, "date")
        if given is None:
            return None
        if isinstance(given, str) and self.textual:
            given = given.strip()
        try:
            return check_date(given, dt.date)
        except FieldError as exc:
            hint = None
            if isinstance(given, str):
                shaped = DATE_PATTERN.fullmatch(given)
                hint = "there is no such day" if shaped else "write dates as YYYY-MM-DD"
            message = f"{show(given)} is not {exc.expected}"
            self.report(exc.code, (index, "date"), message, hint)
            return None

    def value(self, index: int, record: Mapping[str, object]) -> int | float | None:
        """The record's value, when it is a finite number in the range of a plan's numbers."""
        given = self._given(index, record, "value")
        if given is None:
            return None
        if isinstance(given, str):
            if self.textual:
                return self._parse_number(index, given.strip())
            number = number_of(given.strip())
            hint = (
                f"a number, not text: write {given.strip()} without quotes"
                if number is not None and is_finite(number)
                else number_hint(given.strip())
            )
            self.report(WRONG_TYPE, (index, "value"), f"{show(given)} is not a number", hint)
            return None
        if isinstance(given, bool) or not isinstance(given, numbers.Real):
            self.report(WRONG_TYPE, (index, "value"), f"{show(given)} is not a number")
            return None
        number = given if isinstance(given, int) else plain(given)
        if not is_finite(number):
            self.report(INVALID_VALUE, (index, "value"), f"{show(given)} is not a finite number")
            return None
        return self._in_range(index, given, number)

    def _in_range(self, index: int, given: object, number: int | float) -> int | float | None:
        """*number*, or None after reporting it beyond the range of a plan's numbers."""
        beyond = out_of_range(number)
        if beyond is None:
            return number
        self.report(INVALID_VALUE, (index, "value"), f"{show(given)} is not {beyond}")
        return None

    def _parse_number(self, index: int, text: str) -> int | float | None:
        number = number_of(text)
        if number is None:
            message = f"{show(text)} is not a number"
            self.report(WRONG_TYPE, (index, "value"), message, number_hint(text))
            return None
        if NOT_FINITE.fullmatch(text):
            self.report(INVALID_VALUE, (index, "value"), f"{show(text)} is not a finite number")
            return None
        return self._in_range(index, text, number)

    def channel(
        self, index: int, record: Mapping[str, object], metric: str | None
    ) -> tuple[bool, str | None]:
        """Whether the channel is fine, and the channel (None: the metric's total)."""
        given = record.get("channel")
        if given is None or (isinstance(given, str) and not given.strip()):
            return True, None
        channel = self._text(index, "channel", given)
        if channel is None:
            return False, None
        where = (index, "channel")
        if channel not in self.plan.channels:
            near = self.suggest("channels", channel)
            hint = f'did you mean "{near}"?' if near else _listing("channels", self.plan.channels)
            message = f"{show(channel)} is not a channel of the plan"
            self.report(UNKNOWN_CHANNEL, where, message, hint)
            return False, None
        if metric is None:
            return True, channel
        taken_on = self.plan.metrics[metric].channels
        if taken_on and channel not in taken_on:
            message = f"the metric {show(metric)} is not taken on {show(channel)}"
            listed = ", ".join(taken_on)
            hint = (
                f"{show(metric)} is taken on {listed}; correct the channel, "
                f"or add {show(channel)} to the metric's channels in the plan"
            )
            self.report(UNKNOWN_CHANNEL, where, message, hint)
            return False, None
        return True, channel

    def note(self, index: int, record: Mapping[str, object]) -> str | None:
        """The record's note, when it is text."""
        given = record.get("note")
        if given is None:
            return None
        note = self._text(index, "note", given)
        if note is None or not note:
            return None
        return unquote_note(note) if self.textual else note

    def duplicate(
        self,
        index: int,
        earlier: int,
        identity: tuple[str, dt.date, str | None],
        line_of: Callable[[int | None, str | None], int | None],
    ) -> None:
        """Keep a problem for a record repeating the metric, date and channel of an earlier one."""
        metric, when, channel = identity
        on = f" on {show(channel)}" if channel else " (no channel)"
        line = line_of(earlier, None)
        first = f"at line {line}" if line is not None else f"in observations[{earlier}]"
        message = (
            f"a second value for {show(metric)} on {when.isoformat()}{on}; the first is {first}"
        )
        hint = "keep one: a metric has one value per date and channel"
        self.report(DUPLICATE_OBSERVATION, (index, None), message, hint)

    def error(
        self, line_of: Callable[[int | None, str | None], int | None], file: str | None
    ) -> LoadError:
        """Every problem kept, as one LoadError, each placed on its line by *line_of*."""
        placed = [
            attrs.evolve(diagnostic, line=line_of(*where), file=file)
            for diagnostic, where in self.problems
        ]
        placed.sort(key=lambda d: d.line if d.line is not None else 0)
        return LoadError(placed, file=file)


def _blank(value: object) -> bool:
    """Whether a cell or key holds nothing: absent, null, empty text or an empty list."""
    if isinstance(value, list | tuple):
        return not value
    return value is None or (isinstance(value, str) and not value.strip())


def _listing(what: str, known: Iterable[str]) -> str:
    names = list(known)
    if not names:
        return f"the plan has no {what}"
    shown = ", ".join(names[:_LIST_LIMIT]) + (", …" if len(names) > _LIST_LIMIT else "")
    return f"the plan's {what}: {shown}"
