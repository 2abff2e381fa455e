"""What changed between two versions of a plan, in the terms a reviewer uses.

A draft is approved before it is published (seed 003): the manager who
approves it wants to read what changed since the last version, not two files.
:func:`diff` compares two plans part by part and says it the way a reviewer
would: an objective added, a target raised from 5,000 to 8,000 followers, a
channel dropped, an owner changed.

>>> import socialplan
>>> old = socialplan.Plan(name="Bakery", objectives={
...     "awareness": socialplan.Objective(
...         title="Be known", target=socialplan.Target(value=5000, unit="followers"))})
>>> new = old.with_objective("awareness", socialplan.Objective(
...     title="Be known", target=socialplan.Target(value=8000, unit="followers")))
>>> print(diff(old, new).to_text(), end="")
objective "awareness": target raised from 5,000 to 8,000 followers

The comparison is the plans' own equality, part by part: ``diff(a, b)`` is
empty exactly when ``a == b``. So tables keyed by id are compared whatever
the order of their keys, durations by their length (``"2h"`` is ``"120
min"``), and lists in their order, a change of order included.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from typing import Any, Literal

import attrs

from ._core.duration import Duration, Frequency
from ._core.escape import quoted_text
from ._core.text import number, quote
from ._core.vocab import MessageKind
from ._io.convert import converter_for
from ._model import (
    HEADER_FIELDS,
    CalendarEntry,
    Channel,
    ContentPillar,
    Horizons,
    Metric,
    Plan,
    Resource,
    RoutingRule,
    Target,
    Trigger,
)

__all__ = ["Change", "Diff", "diff"]

#: What happened at a path: it is new, it is gone, or it holds another value.
ChangeKind = Literal["added", "removed", "changed"]


@attrs.frozen(kw_only=True)
class Change:
    """One change between two versions of a plan.

    *path* is the dotted path of what changed, as the file writes it
    (``objectives.awareness.target.value``, ``plan.vision``); an entry of the
    calendar or of the routing, which have no ids, is named by what it is
    (``calendar[2027-03-01,"instagram","Launch video"]``, ``routing[complaint,"cm"]``).
    *old* and *new* are the values as plain data (what ``to_data(plan,
    "json")`` writes), ``None`` on the side where the thing is absent.
    *message* says it in a reviewer's words.
    """

    kind: ChangeKind
    path: str
    message: str
    old: Any = None
    new: Any = None

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, Any]:
        """The change as plain JSON-ready data."""
        return {
            "kind": self.kind,
            "path": self.path,
            "message": self.message,
            "old": self.old,
            "new": self.new,
        }


@attrs.frozen(kw_only=True)
class Diff:
    """The changes from one version of a plan to another, in the plan's order.

    The header (``[plan]``) comes first, then each table in the file's order;
    within a table, parts by id in sorted order, calendar entries by date,
    routing rules by kind of message. A ``Diff`` is true when something
    changed, iterates over its :class:`Change` items and has their count as
    its length.
    """

    changes: tuple[Change, ...] = ()

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def counts(self) -> dict[str, int]:
        """How many changes of each kind: ``{"added": …, "removed": …, "changed": …}``."""
        counts = {"added": 0, "removed": 0, "changed": 0}
        for change in self.changes:
            counts[change.kind] += 1
        return counts

    def to_text(self) -> str:
        """One line per change, each ending with a newline; ``""`` when nothing changed.

        The plan's text is quoted with its control characters escaped, so a
        change is always one line; long texts are only said to have changed.
        """
        return "".join(f"{change.message}\n" for change in self.changes)

    def to_dict(self) -> dict[str, Any]:
        """The changes as plain JSON-ready data, with their counts by kind."""
        return {
            "changes": [change.to_dict() for change in self.changes],
            "counts": self.counts,
        }

    def _repr_markdown_(self) -> str:
        from ._display import diff_markdown

        return diff_markdown(self)


def diff(old: Plan, new: Plan) -> Diff:
    """What changed from the plan *old* to the plan *new*.

    >>> import socialplan
    >>> old = socialplan.Plan(name="Bakery", channels={
    ...     "instagram": socialplan.Channel(platform="instagram", owner="ana"),
    ...     "tiktok": socialplan.Channel(platform="tiktok")})
    >>> new = old.without_part("channels", "tiktok").with_part(
    ...     "channels", "instagram", socialplan.Channel(platform="instagram", owner="luis"))
    >>> for change in diff(old, new):
    ...     print(change.kind, change.path, "|", change.message)
    changed channels.instagram.owner | channel "instagram": owner changed from "ana" to "luis"
    removed channels.tiktok | channel "tiktok" dropped
    """
    if not isinstance(old, Plan) or not isinstance(new, Plan):
        raise TypeError("diff() compares two socialplan.Plan objects")
    walker = _Walker(old, new)
    walker.plan()
    return Diff(changes=tuple(walker.out))


# ---------------------------------------------------------------------------
# Names: what a reviewer calls each part.
# ---------------------------------------------------------------------------

#: The name of one part of each table keyed by id, by the table's path.
_PARTS: Mapping[str, str] = {
    "business_goals": "business goal",
    "objectives": "objective",
    "stakeholder_input": "stakeholder input",
    "audiences": "audience",
    "channels": "channel",
    "influencers": "influencer",
    "roles": "role",
    "work": "work element",
    "metrics": "metric",
    "reporting": "reporting",
    "engagement": "engagement rule for channel",
    "resources": "resource",
    "scenarios": "scenario",
    "steps": "step",
    "raci.steps": "RACI for step",
    "raci.channels": "RACI for channel",
    "content.pillars": "content pillar",
    "content.sources": "content source",
    "content.messages": "messages for audience",
    "tactics": "tactic",
    "methodology.steps": "methodology step",
    "check.severity": "severity of",
}

#: What each table that holds one record is called.
_SECTIONS: Mapping[str, str] = {
    "briefing": "briefing",
    "analysis": "analysis",
    "raci": "RACI",
    "content": "content strategy",
    "policy": "policy",
    "governance": "governance of other accounts",
    "moderation": "moderation",
    "approval": "approval of drafts",
    "advocacy": "advocacy",
    "launch": "launch",
    "budget": "budget",
    "methodology": "methodology",
    "check": "check settings",
}

#: The fields that are ranks, 1 first: a rank going down in number is a priority raised.
_RANKS: frozenset[tuple[type, str]] = frozenset({(Channel, "priority")})

#: Texts longer than this, or of more than one line, are said to have changed, not shown.
_SHORT = 40
#: Names of parts (a title, a calendar entry's) are cut at this many characters.
_NAME = 60


def _label(record: type, name: str, parent: str) -> str:
    """What a field is called in a message: ``owner``, ``target unit``, ``short horizon``."""
    words = name.replace("_", " ")
    if record is Target and name == "value":
        return parent
    if record is Horizons:
        return f"{words} horizon"
    return f"{parent} {words}" if parent else words


def _title(part: Any, key: str) -> str:
    """The part's own name (an objective's title, a metric's name) when it says more than its id."""
    for field in attrs.fields(type(part)):
        if field.default is attrs.NOTHING:
            value = getattr(part, field.name)
            if isinstance(value, str) and not isinstance(value, enum.Enum):
                return f" ({_quote(value, _NAME)})" if value != key else ""
    return ""


# ---------------------------------------------------------------------------
# Values as text.
# ---------------------------------------------------------------------------


def _quote(text: str, limit: int | None = _SHORT) -> str:
    """*text* in double quotes, escaped, cut to *limit* characters as every message is."""
    return quote(text, limit)


def _is_long(value: object) -> bool:
    return isinstance(value, str) and (len(value) > _SHORT or "\n" in value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool | enum.Enum)


def _with_unit(text: str, unit: str | None) -> str:
    if not unit:
        return text
    return f"{text}{quoted_text(unit)}" if unit == "%" else f"{text} {quoted_text(unit[:_SHORT])}"


def _show(value: object, unit: str | None = None) -> str:
    """A value as a reviewer reads it: quoted text, 8,000 followers, 2027-06-30, true."""
    if isinstance(value, enum.Enum):
        return _show(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_number(value):
        return _with_unit(number(value, decimals=None), unit)  # type: ignore[arg-type]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Duration | Frequency):
        return _quote(str(value))
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, Target):
        if value.value is None:  # relative to the previous period, with no amount
            text = f"any rise in {value.unit} over the previous period"
        else:
            text = _with_unit(number(value.value, decimals=None), value.unit)
        if value.relative is not None and value.value is not None:
            over = "previous period" if value.relative == "previous" else str(value.relative)
            text = f"+{text} over the {over}"
        if value.aggregate is not None:
            text += f" ({value.aggregate})"
        return f"{text} by {value.deadline.isoformat()}" if value.deadline else text
    return str(value)  # pragma: no cover - every scalar of the model is handled above


def _plain(value: object) -> Any:
    """A value of the model as plain JSON-ready data, the way the JSON file writes it."""
    return _jsonable(converter_for("json").unstructure(value))


def _jsonable(data: Any) -> Any:
    if isinstance(data, enum.Enum):
        return data.value
    if isinstance(data, Mapping):
        return {str(k): _jsonable(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_jsonable(item) for item in data]
    return data


# ---------------------------------------------------------------------------
# The walk.
# ---------------------------------------------------------------------------

_Units = tuple[str | None, str | None]
_NO_UNITS: _Units = (None, None)


class _Walker:
    """Walks two plans side by side, collecting changes in the plan's order."""

    def __init__(self, old: Plan, new: Plan) -> None:
        self.old = old
        self.new = new
        self.out: list[Change] = []

    def emit(self, kind: ChangeKind, path: str, message: str, old: object, new: object) -> None:
        self.out.append(
            Change(
                kind=kind,
                path=path,
                message=message,
                old=None if old is None else _plain(old),
                new=None if new is None else _plain(new),
            )
        )

    def plan(self) -> None:
        old, new = self.old, self.new
        for name in HEADER_FIELDS:
            self.value("plan", f"plan.{name}", _label(Plan, name, ""), *self.pair(old, new, name))
        for field in attrs.fields(Plan):
            name = field.name
            if name in HEADER_FIELDS:
                continue
            before, after = self.pair(old, new, name)
            if before == after:
                continue
            if name == "calendar":
                self.sequence(name, "calendar", before, after, _CALENDAR)
            elif name == "routing":
                self.sequence(name, "routing rules", before, after, _ROUTING)
            elif name in _PARTS:
                self.table(name, "", before, after)
            elif before is None or after is None:
                section = _SECTIONS[name]
                if before is None:
                    self.emit("added", name, f"{section} added", before, after)
                else:
                    self.emit("removed", name, f"{section} removed", before, after)
            else:
                self.record(_SECTIONS[name], name, "", before, after)

    @staticmethod
    def pair(old: object, new: object, name: str) -> tuple[Any, Any]:
        return getattr(old, name), getattr(new, name)

    def units(self, old: object, new: object, name: str) -> _Units:
        """The units that the numbers of field *name* of two records are counted in."""
        if isinstance(new, Target | Metric) and name in ("value", "baseline", "target"):
            return (getattr(old, "unit", None), new.unit)
        if isinstance(new, ContentPillar) and name == "share":
            return ("%", "%")
        if isinstance(new, Resource) and name == "cost":
            return (self.old.currency, self.new.currency)
        return _NO_UNITS

    def record(self, subject: str, path: str, parent: str, old: Any, new: Any) -> None:
        """Compare two records of one class field by field."""
        for field in attrs.fields(type(new)):
            before, after = self.pair(old, new, field.name)
            if before == after:
                continue
            if (type(new), field.name) in _RANKS and before is not None and after is not None:
                self.rank(
                    f"{subject}: {_label(type(new), field.name, parent)}",
                    path,
                    field.name,
                    before,
                    after,
                )
                continue
            self.value(
                subject,
                f"{path}.{field.name}",
                _label(type(new), field.name, parent),
                before,
                after,
                self.units(old, new, field.name),
            )

    def value(
        self,
        subject: str,
        path: str,
        label: str,
        old: Any,
        new: Any,
        units: _Units = _NO_UNITS,
    ) -> None:
        """Compare the values of one field; say what changed as ``subject: label …``."""
        if old == new:
            return
        who = f"{subject}: {label}" if label else subject
        if isinstance(old, Mapping) or isinstance(new, Mapping):
            self.table(path, subject, old, new)
        elif path in _ITEMS:  # a list of records inside a record: moderation.rules
            noun, identity = _ITEMS[path]
            self.sequence(path, f"{noun}s", old or (), new or (), identity)
        elif _triggers(old) or _triggers(new):  # a scenario's: told apart by what they watch
            self.sequence(path, f"{subject}: triggers", old or (), new or (), _watching(subject))
        elif _records(old) or _records(new):
            self.records(subject, path, label, old or (), new or ())
        elif isinstance(old, tuple) or isinstance(new, tuple):
            # A field's empty list is no list: the file leaves it out.
            self.strings(who, path, old or None, new or None)
        elif attrs.has(type(old)) and not isinstance(old, Duration | Frequency):
            if attrs.has(type(new)) and not isinstance(new, Duration | Frequency):
                self.record(subject, path, label, old, new)
            else:
                text = f" (was {_show(old)})" if isinstance(old, Target) else ""
                self.emit("removed", path, f"{who} removed{text}", old, new)
        elif attrs.has(type(new)) and not isinstance(new, Duration | Frequency) and old is None:
            text = f" set to {_show(new)}" if isinstance(new, Target) else " added"
            self.emit("added", path, f"{who}{text}", old, new)
        else:
            self.scalar(who, path, old, new, units)

    def rank(self, who: str, path: str, name: str, old: int, new: int) -> None:
        """A rank changed: a smaller number is a higher priority (from 2 to 1 is raised)."""
        verb = "raised" if new < old else "lowered"
        self.emit("changed", f"{path}.{name}", f"{who} {verb} from {old} to {new}", old, new)

    def scalar(self, who: str, path: str, old: Any, new: Any, units: _Units) -> None:
        old_unit, new_unit = units
        if old is None:
            said = " added" if _is_long(new) else f" set to {_show(new, new_unit)}"
            self.emit("added", path, who + said, old, new)
        elif new is None:
            said = " removed" if _is_long(old) else f" removed (was {_show(old, old_unit)})"
            self.emit("removed", path, who + said, old, new)
        elif _is_long(old) or _is_long(new):
            self.emit("changed", path, f"{who} changed", old, new)
        else:
            verb = "changed"
            if _is_number(old) and _is_number(new) and old_unit == new_unit:
                verb = "raised" if new > old else "lowered"
                # 5,000 to 8,000 followers; 20% to 35%
                before = _show(old, old_unit if old_unit == "%" else None)
                after = _show(new, new_unit)
            else:
                if isinstance(old, dt.date) and isinstance(new, dt.date):
                    verb = "moved"
                before, after = _show(old, old_unit), _show(new, new_unit)
            self.emit("changed", path, f"{who} {verb} from {before} to {after}", old, new)

    def records(
        self, subject: str, path: str, label: str, old: tuple[Any, ...], new: tuple[Any, ...]
    ) -> None:
        """Compare two lists of records without ids (budget lines) position by position."""
        noun = label.removesuffix("s") if label else "item"
        for position in range(max(len(old), len(new))):
            before = old[position] if position < len(old) else None
            after = new[position] if position < len(new) else None
            where, name = f"{path}[{position}]", f"{noun} {position + 1}"
            if before is None:
                self.emit("added", where, f"{subject}: {name} added", None, after)
            elif after is None:
                self.emit("removed", where, f"{subject}: {name} removed", before, None)
            elif before != after:
                self.record(subject, where, name, before, after)

    def strings(
        self, who: str, path: str, old: tuple[str, ...] | None, new: tuple[str, ...] | None
    ) -> None:
        """Compare two lists of strings: what was added, what removed, whether the order moved.

        ``None`` is no list at all; ``()`` an empty list that is there (a value of a table).
        """
        kind: ChangeKind = "added" if old is None else "removed" if new is None else "changed"
        before, after = old or (), new or ()
        gone = Counter(before) - Counter(after)
        came = Counter(after) - Counter(before)
        removed, kept_old = _split(before, gone)
        added, kept_new = _split(after, came)
        clauses = []
        if added:
            clauses.append("added " + ", ".join(_quote(item) for item in added))
        if removed:
            clauses.append("removed " + ", ".join(_quote(item) for item in removed))
        if kept_old != kept_new:
            clauses.append("reordered")
        # No clause: no list on one side, an empty one on the other.
        message = f"{who}: " + "; ".join(clauses) if clauses else f"{who} {kind} (empty list)"
        self.emit(kind, path, message, old, new)

    def table(
        self, path: str, subject: str, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        """Compare two tables keyed by id, key by key in sorted order."""
        part = _PARTS[path]
        for key in sorted({*old, *new}):
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            where = f"{path}.{key}"
            name = f"{part} {_quote(key, None)}"
            if not attrs.has(type(before if after is None else after)):
                # Lists and values keyed by id: a field of the section, named by its key.
                if isinstance(before, tuple) or isinstance(after, tuple):
                    self.strings(f"{subject}: {name}", where, before, after)
                else:
                    self.value(subject, where, name, before, after)
            elif before is None:
                self.emit("added", where, f"{name} added{_title(after, key)}", before, after)
            elif after is None:
                self.emit("removed", where, f"{name} dropped{_title(before, key)}", before, after)
            else:
                self.record(name, where, "", before, after)

    def sequence(
        self,
        path: str,
        what: str,
        old: Sequence[Any],
        new: Sequence[Any],
        identity: _Identity,
    ) -> None:
        """Compare two lists of records without ids, matching their items by what they are."""
        before = identity.number(old)
        after = identity.number(new)
        for key in sorted({*before, *after}, key=identity.order):
            item_old, item_new = before.get(key), after.get(key)
            if item_old == item_new:
                continue
            where = f"{path}[{identity.path(key)}]"
            name = identity.name(key)
            if item_old is None:
                self.emit("added", where, f"{name} added", None, item_new)
            elif item_new is None:
                self.emit("removed", where, f"{name} dropped", item_old, None)
            else:
                self.record(name, where, "", item_old, item_new)
        kept_old = [key for key in before if key in after]
        kept_new = [key for key in after if key in before]
        if kept_old != kept_new:
            self.emit("changed", path, f"{what} reordered", old, new)


def _triggers(value: object) -> bool:
    """Whether *value* is a non-empty list of a scenario's triggers."""
    return isinstance(value, tuple) and bool(value) and isinstance(value[0], Trigger)


def _watching(subject: str) -> _Identity:
    """A scenario's triggers named by the metric each watches and which way: "followers below"."""
    return _Identity(
        key=lambda trigger: (trigger.metric, "below" if trigger.below is not None else "above"),
        sort=lambda key: key,
        label=lambda key: f"{_quote(str(key[0]), None)},{key[1]}",
        describe=lambda key: f"{subject}: trigger {_quote(f'{key[0]} {key[1]}', _NAME)}",
    )


def _records(value: object) -> bool:
    """Whether *value* is a non-empty list of records (the items of ``budget.lines``)."""
    return isinstance(value, tuple) and bool(value) and attrs.has(type(value[0]))


def _split(items: tuple[str, ...], out: Counter[str]) -> tuple[list[str], list[str]]:
    """Split *items* into those counted in *out* (first occurrences first) and the rest."""
    left = Counter(out)
    taken: list[str] = []
    rest: list[str] = []
    for item in items:
        if left[item] > 0:
            left[item] -= 1
            taken.append(item)
        else:
            rest.append(item)
    return taken, rest


_Key = tuple[tuple[Hashable, ...], int]


@attrs.frozen
class _Identity:
    """How the items of a list without ids are told apart, named and ordered.

    *key* gives what an item is (a calendar entry: its date, channel and
    title). Items with the same key are told apart by their rank among them.
    """

    key: Callable[[Any], tuple[Hashable, ...]]
    sort: Callable[[tuple[Hashable, ...]], tuple[Any, ...]]
    label: Callable[[tuple[Hashable, ...]], str]
    describe: Callable[[tuple[Hashable, ...]], str]

    def number(self, items: Sequence[Any]) -> dict[_Key, Any]:
        seen: Counter[tuple[Hashable, ...]] = Counter()
        out: dict[_Key, Any] = {}
        for item in items:
            key = self.key(item)
            seen[key] += 1
            out[(key, seen[key])] = item
        return out

    def order(self, key: _Key) -> tuple[Any, ...]:
        return (*self.sort(key[0]), key[1])

    def path(self, key: _Key) -> str:
        return self.label(key[0]) + (f"#{key[1]}" if key[1] > 1 else "")

    def name(self, key: _Key) -> str:
        return self.describe(key[0]) + (f" (#{key[1]})" if key[1] > 1 else "")


def _calendar_key(entry: CalendarEntry) -> tuple[Hashable, ...]:
    return (entry.date, entry.channel, entry.title)


def _calendar_label(key: tuple[Any, ...]) -> str:
    date, channel, title = key
    return f"{date.isoformat()},{_quote(channel, None)},{_quote(title, None)}"


def _calendar_name(key: tuple[Any, ...]) -> str:
    date, channel, title = key
    return f"calendar entry {_quote(title, _NAME)} on {date.isoformat()} ({quoted_text(channel)})"


_MESSAGE_ORDER = {kind: position for position, kind in enumerate(MessageKind)}


def _routing_key(rule: RoutingRule) -> tuple[Hashable, ...]:
    return (rule.message, rule.to)


def _items(noun: str, field: str) -> tuple[str, _Identity]:
    """How the records of a list inside a record are named: by the text of their *field*."""
    return noun, _Identity(
        key=lambda item: (getattr(item, field),),
        sort=lambda key: key,
        label=lambda key: _quote(str(key[0]), None),
        describe=lambda key: f"{noun} {_quote(str(key[0]), _NAME)}",
    )


#: The lists of records inside a record, by path: what an item is called, and its identity.
_ITEMS: Mapping[str, tuple[str, _Identity]] = {
    "moderation.rules": _items("moderation rule", "when"),
    "launch.gates": _items("launch gate", "condition"),
    "briefing.questions": _items("briefing question", "ask"),
}

_CALENDAR = _Identity(
    key=_calendar_key,
    sort=lambda key: key,
    label=_calendar_label,
    describe=_calendar_name,
)
_ROUTING = _Identity(
    key=_routing_key,
    sort=lambda key: (_MESSAGE_ORDER[key[0]], key[1]),  # type: ignore[index]
    label=lambda key: f"{key[0]},{_quote(str(key[1]), None)}",
    describe=lambda key: f"routing rule {_quote(str(key[0]))} → {_quote(str(key[1]))}",
)
