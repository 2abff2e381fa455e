"""What rules see: the plan, and indexes over it computed once per validation."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import chain
from operator import attrgetter
from types import MappingProxyType
from typing import Any, Generic, TypeVar, cast, overload

from .._core.diagnostics import About, parse_path
from .._core.placeholders import is_placeholder, unwritten_each
from .._core.written import written_parts
from .._model import Metric, Plan

__all__ = ["Context", "Reference", "reference_fields"]

T = TypeVar("T")
V = TypeVar("V")


class Reference:
    """One reference by id in a plan: where it is, what kind of thing it names.

    *about* is ``"key"`` for a table's key that is a reference (``content.messages.<audience>``):
    the id is the last key of *path*, not a value under it.
    """

    __slots__ = ("about", "kind", "path", "target")

    def __init__(self, path: str, kind: str, target: str, about: About = "value") -> None:
        self.path = path
        self.kind = kind
        self.target = target
        self.about: About = about


class _Index(Mapping[str, tuple[V, ...]], Generic[V]):
    """A read-only index by id: an id with nothing reads as ``()``, and is not added.

    ``key in index`` is true only for an id that has something, however often a rule
    has read the index at other ids: unlike a ``defaultdict``, reading changes nothing
    that the rules after it see.
    """

    __slots__ = ("_entries",)

    def __init__(self, entries: Mapping[str, Sequence[V]]) -> None:
        self._entries = {key: tuple(values) for key, values in entries.items()}

    def __getitem__(self, key: str) -> tuple[V, ...]:
        return self._entries.get(key, ())

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def get(self, key: str, /) -> tuple[V, ...] | None: ...
    @overload
    def get(self, key: str, /, default: tuple[V, ...] | T) -> tuple[V, ...] | T: ...
    def get(self, key: str, /, default: object = None) -> object:
        """The entries of *key*, or *default* (None) for an id that has none, as a dict's."""
        return self._entries.get(key, default)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._entries!r})"


def _indexed(pairs: Iterator[tuple[str, V]]) -> _Index[V]:
    index: dict[str, list[V]] = {}
    for key, value in pairs:
        entries = index.get(key)
        if entries is None:
            index[key] = [value]
        else:
            entries.append(value)
    return _Index(index)


#: The memo's key of each of the context's own indexes, by name (see :meth:`Context._once`).
_OWN_KEYS: dict[str, str] = {}


class Context:
    """A plan with the indexes rules share, each built on first use.

    Rules read ``context.plan`` and the indexes below instead of scanning the
    plan themselves, so that a validation stays linear in the plan's size.

    Every rule of a validation shares one context, so what it hands out is
    read-only: the indexes are mappings whose values are tuples (an id with
    nothing reads as an empty tuple, without being added), and :meth:`ids` and
    :attr:`pillars` are read-only views. Reading never changes what the next
    rule finds; trying to change them raises ``TypeError`` or ``AttributeError``.
    """

    def __init__(self, plan: Plan) -> None:
        self._plan = plan
        self._memo: dict[str, object] = {}

    @property
    def plan(self) -> Plan:
        """The plan the rules check."""
        return self._plan

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """*compute*'s result, computed once per validation and shared by the rules asking.

        For what a module of rules derives and several of its rules read (the
        steps' progress, say), without the context knowing what it is. The rules
        that ask with the same *key* share the value as it is: name the key after
        your module, and make the value read-only if another rule could change it.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return cast("T", self._memo[key])

    @staticmethod
    def unwritten(text: str | None) -> bool:
        """Whether *text* is absent for a rule that looks for it: not given, or a placeholder
        (TODO, TBD, "…", "coming soon": :func:`~socialplan._core.placeholders.is_placeholder`).

        >>> Context.unwritten(None), Context.unwritten("TBD"), Context.unwritten("Buffer")
        (True, True, False)
        """
        return text is None or is_placeholder(text)

    @staticmethod
    def unwritten_each(texts: Sequence[str | None]) -> list[bool]:
        """:meth:`unwritten` of each of *texts* (a column of a table, say); one search over
        the texts given, joined, says when none is a placeholder, before any is judged alone.

        >>> Context.unwritten_each([None, "TBD", "Buffer"])
        [True, True, False]
        """
        return unwritten_each(texts)

    @staticmethod
    def placeholder(part: object) -> bool:
        """Whether *part* (an objective, a channel, a metric…) is a placeholder as a whole:
        its identifying text (title, platform, name…) is. Such a part is not written yet:
        progress and SP901 say so, and a rule about what it lacks has nothing to look at.

        >>> from socialplan import Metric
        >>> Context.placeholder(Metric(name="TODO: what is measured"))
        True
        """
        field = _IDENTITY.get(type(part).__name__)
        return field is not None and is_placeholder(getattr(part, field))

    @property
    def written_metrics(self) -> Mapping[str, Metric]:
        """The plan's metrics that are not placeholders as a whole (:meth:`placeholder`), in
        the plan's order: computed once per validation, for every rule that skips the others."""
        return self._once(
            "written_metrics", lambda: MappingProxyType(written_parts(self.plan.metrics, "name"))
        )

    def _once(self, name: str, build: Callable[[], T]) -> T:
        # The context's own indexes, memoised like the rules' values, under its module's
        # name: asked thousands of times in a big plan's validation, so found first.
        key = _OWN_KEYS.get(name)
        if key is None:
            key = _OWN_KEYS[name] = f"{__name__}.{name}"
        memo = self._memo
        if key in memo:
            return cast("T", memo[key])
        return self.memo(key, build)

    @property
    def metrics_by_objective(self) -> Mapping[str, tuple[str, ...]]:
        """For each objective id, the ids of the metrics that measure it."""
        return self._once(
            "metrics_by_objective",
            lambda: _indexed(
                (objective_id, metric_id)
                for metric_id, metric in self.plan.metrics.items()
                for objective_id in metric.measures
            ),
        )

    @property
    def channels_by_audience(self) -> Mapping[str, tuple[str, ...]]:
        """For each audience id, the channels that say they reach it."""
        return self._once(
            "channels_by_audience",
            lambda: _indexed(
                (audience_id, channel_id)
                for channel_id, channel in self.plan.channels.items()
                for audience_id in channel.audiences
            ),
        )

    @property
    def calendar_by_channel(self) -> Mapping[str, tuple[int, ...]]:
        """For each channel id, the indexes of its calendar entries."""
        return self._once(
            "calendar_by_channel",
            lambda: _indexed(
                (entry.channel, position) for position, entry in enumerate(self.plan.calendar)
            ),
        )

    @property
    def pillars(self) -> Mapping[str, object]:
        """The content pillars by id (empty without a content strategy)."""
        content = self.plan.content
        return self._once(
            "pillars", lambda: MappingProxyType(dict(content.pillars) if content else {})
        )

    def references(self) -> Iterator[Reference]:
        """Every reference by id in the plan, with its path and the kind it names."""
        for table in _tables(self.plan):
            yield from table.references(lambda target, kind: True)

    def unresolved(self) -> Iterator[Reference]:
        """The references that name nothing the plan has.

        Each field is first checked as a whole (its distinct ids against the ids that
        exist), and only a field with a miss is walked to find where: a plan without a
        broken reference costs a few set operations per field, not a path per reference.
        """
        for table in _tables(self.plan):
            for field, kind, many in table.fields:
                known = self.ids(kind)
                values = map(attrgetter(field), table.parts)
                targets = set(chain.from_iterable(values) if many else values)
                targets.discard(None)
                # A placeholder ("TBD") names nothing yet: a miss only if it is not one.
                if all(t in known or is_placeholder(t) for t in targets):
                    continue
                yield from table.references(self._missing, ((field, kind, many),), keys=False)
            if table.keys_name is not None:
                known = self.ids(table.keys_name)
                if not all(map(known.__contains__, table.keys)):
                    yield from table.references(self._missing, ())

    def _missing(self, target: str, kind: str) -> bool:
        # A placeholder ("TBD") names nothing yet: absent, not broken (SP901 reports it).
        return target not in self.ids(kind) and not is_placeholder(target)

    def ids(self, kind: str) -> Mapping[str, object]:
        """The ids that exist for *kind* (``"objectives"``, ``"pillars"``…), read-only."""
        if kind == "pillars":
            return self.pillars
        return self._once(f"ids.{kind}", lambda: MappingProxyType(getattr(self.plan, kind)))


#: What a path pattern of :func:`reference_fields` has where a plan has an id or a position.
ANY = "*"


def reference_fields() -> Mapping[tuple[str, ...], str]:
    """Every place a plan names another part by id, as a path pattern, and the kind it names.

    A pattern is the path with :data:`ANY` for each id and position
    (``("objectives", "*", "supports", "*")`` names business goals); a table whose own
    keys are references has a pattern ending in its key (``("engagement", "*")``). It is
    read off the same tables :meth:`Context.references` walks, over a plan that has one of
    every table, so an editor completing a reference offers the ids of the right kind.
    """
    found: dict[tuple[str, ...], str] = {}
    for table in _tables(_probe()):
        if isinstance(table.table, Mapping):
            bases = [f"{table.prefix}.{key}" for key in table.keys] or [f"{table.prefix}.{_PROBE}"]
        elif table.single:
            bases = [table.prefix]
        else:
            bases = [f"{table.prefix}[0]"]
        for base in bases:
            pattern = tuple(
                ANY if isinstance(s, int) or s == _PROBE else s for s in parse_path(base)
            )
            if table.keys_name is not None:
                found[pattern] = table.keys_name
            for field, kind, many in table.fields:
                found[(*pattern, field, ANY) if many else (*pattern, field)] = kind
    return MappingProxyType(found)


#: The id the probe plan of :func:`reference_fields` gives its parts.
_PROBE = "probe"


def _probe() -> Plan:
    """A plan with every table :func:`_tables` may walk: each optional section of the plan
    that needs no key (``[raci]``, ``[content]``…), and the parts whose nested tables hold
    references (a target's ``across``, a scenario's ``when``, a metric's ``expects``)."""
    import attrs

    from .._core.vocab import Measure
    from .._model import Expectation, Metric, Objective, Scenario, Target, Trigger

    sections: dict[str, Any] = {}
    for field in attrs.fields(Plan):
        section = next((t for t in getattr(field.type, "__args__", ()) if attrs.has(t)), None)
        if section is not None and not any(
            f.default is attrs.NOTHING for f in attrs.fields(section)
        ):
            sections[field.name] = section()
    return Plan(
        name="",
        **sections,
        objectives={_PROBE: Objective(title="", target=Target(value=1, unit=""))},
        scenarios={_PROBE: Scenario(name="", when=(Trigger(metric="", below=1),))},
        metrics={
            _PROBE: Metric(name="", kind=Measure.QUALITATIVE, expects=Expectation(voices=(_PROBE,)))
        },
    )


#: The text that identifies a part of each kind: the part is a placeholder when it is.
_IDENTITY = {
    "BusinessGoal": "statement",
    "Objective": "title",
    "Audience": "name",
    "Channel": "platform",
    "Influencer": "name",
    "Role": "title",
    "ContentPillar": "theme",
    "Tactic": "title",
    "CalendarEntry": "title",
    "Metric": "name",
    "Reporting": "title",
    "Resource": "name",
    "Scenario": "name",
}

#: The fields that name another part by id: (field, the kind it names, whether it is a list).
_Field = tuple[str, str, bool]
_RACI: tuple[_Field, ...] = tuple(
    (letter, "roles", True) for letter in ("responsible", "accountable", "consulted", "informed")
)


class _Table:
    """A table of parts and the fields of each that are references.

    *keys_name*, when set, is the kind the table's own keys name (``[engagement.<channel>]``);
    a *single* part (``[policy]``) is at *prefix* itself, not at a key or a position in it.
    """

    __slots__ = ("fields", "keys", "keys_name", "parts", "prefix", "single", "table")

    def __init__(
        self,
        prefix: str,
        table: Mapping[str, Any] | Sequence[Any],
        fields: tuple[_Field, ...],
        keys_name: str | None = None,
        *,
        single: bool = False,
    ) -> None:
        self.prefix = prefix
        self.single = single
        self.table = table
        self.fields = fields
        self.keys_name = keys_name
        self.parts = table.values() if isinstance(table, Mapping) else table
        self.keys = table.keys() if isinstance(table, Mapping) else ()

    def references(
        self,
        keep: Callable[[str, str], bool],
        fields: tuple[_Field, ...] | None = None,
        keys: bool = True,
    ) -> Iterator[Reference]:
        """The references *keep* accepts, part by part: in *fields* (by default all the
        table's) and, if *keys*, the table's own keys."""
        prefix, table = self.prefix, self.table
        named: Any
        if isinstance(table, Mapping):
            named = ((f"{prefix}.{key}", key, part) for key, part in table.items())
        elif self.single:
            named = [(prefix, None, part) for part in table]
        else:
            named = ((f"{prefix}[{i}]", None, part) for i, part in enumerate(table))
        fields = self.fields if fields is None else fields
        keys_name = self.keys_name if keys else None
        for base, key, part in named:
            if keys_name is not None and keep(key, keys_name):
                yield Reference(base, keys_name, key, "key")
            for field, kind, many in fields:
                value = getattr(part, field)
                if many:
                    for position, target in enumerate(value):
                        if keep(target, kind):
                            yield Reference(f"{base}.{field}[{position}]", kind, target)
                elif value is not None and keep(value, kind):
                    yield Reference(f"{base}.{field}", kind, value)


def _tables(plan: Plan) -> list[_Table]:
    """The plan's tables that hold references, in the order of the file format."""
    tables = [
        _Table(
            "objectives",
            plan.objectives,
            (("supports", "business_goals", True), ("audiences", "audiences", True)),
        ),
        _Table(  # a target's channels: objectives.<id>.target.across
            "objectives",
            {f"{k}.target": o.target for k, o in plan.objectives.items() if o.target is not None},
            (("across", "channels", True),),
        ),
        _Table("audiences", plan.audiences, (("channels", "channels", True),)),
        _Table(
            "channels",
            plan.channels,
            (
                ("owner", "roles", False),
                ("audiences", "audiences", True),
                ("cross_posts_to", "channels", True),
            ),
        ),
        _Table(
            "influencers",
            plan.influencers,
            (("influences", "audiences", True), ("channels", "channels", True)),
        ),
        _Table("roles", plan.roles, (("escalate_to", "roles", False),)),
        _Table("work", plan.work, (("executor", "roles", False),)),
        _Table(
            "routing",
            plan.routing,
            (
                ("to", "roles", False),
                ("escalate_to", "roles", False),
                ("channels", "channels", True),
            ),
        ),
    ]
    if plan.raci is not None:
        tables.append(_Table("raci.steps", plan.raci.steps, _RACI))
        tables.append(_Table("raci.channels", plan.raci.channels, _RACI, keys_name="channels"))
    if plan.content is not None:
        content = plan.content
        tables.append(
            _Table("content.pillars", content.pillars, (("objectives", "objectives", True),))
        )
        tables.append(_Table("content.sources", content.sources, (("pillars", "pillars", True),)))
        tables.append(_Table("content.messages", content.messages, (), keys_name="audiences"))
    tables.append(
        _Table(
            "tactics",
            plan.tactics,
            (
                ("objectives", "objectives", True),
                ("channels", "channels", True),
                ("audiences", "audiences", True),
                ("pillars", "pillars", True),
                ("owner", "roles", False),
            ),
        )
    )
    tables += [
        _Table(
            "calendar",
            plan.calendar,
            (
                ("channel", "channels", False),
                ("pillar", "pillars", False),
                ("owner", "roles", False),
            ),
        ),
        _Table(
            "metrics",
            plan.metrics,
            (
                ("measures", "objectives", True),
                ("channels", "channels", True),
                ("audiences", "audiences", True),
            ),
        ),
        _Table(
            "reporting",
            plan.reporting,
            (("owner", "roles", False), ("metrics", "metrics", True)),
        ),
        _Table("engagement", plan.engagement, (), keys_name="channels"),
    ]
    if plan.policy is not None:
        tables.append(
            _Table("policy", (plan.policy,), (("approver", "roles", False),), single=True)
        )
    if plan.budget is not None:
        tables.append(_Table("budget.lines", plan.budget.lines, (("channel", "channels", False),)))
    if plan.governance is not None:
        tables.append(
            _Table("governance", (plan.governance,), (("approver", "roles", False),), single=True)
        )
    if plan.moderation is not None:
        tables.append(
            _Table("moderation.rules", plan.moderation.rules, (("escalate_to", "roles", False),))
        )
    if plan.approval is not None:
        tables.append(
            _Table("approval", (plan.approval,), (("approver", "roles", False),), single=True)
        )
    if plan.launch is not None:
        tables.append(_Table("launch.gates", plan.launch.gates, (("approver", "roles", False),)))
    tables += [
        _Table("resources", plan.resources, (("channel", "channels", False),)),
        _Table("steps", plan.steps, (("owner", "roles", False),)),
    ]
    tables += [  # a scenario's triggers watch the plan's metrics
        _Table(f"scenarios.{key}.when", scenario.when, (("metric", "metrics", False),))
        for key, scenario in plan.scenarios.items()
        if scenario.when
    ]
    tables += [  # a qualitative metric's wanted voices are the plan's influencers
        _Table(
            f"metrics.{key}.expects",
            (metric.expects,),
            (("voices", "influencers", True),),
            single=True,
        )
        for key, metric in plan.metrics.items()
        if metric.expects is not None and metric.expects.voices
    ]
    tables += [  # the channel a metric's feed lands its values on
        _Table(f"metrics.{key}.feeds", metric.feeds, (("channel", "channels", False),))
        for key, metric in plan.metrics.items()
        if metric.feeds
    ]
    return tables
