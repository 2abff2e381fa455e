"""What rules see: the plan, and indexes over it computed once per validation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import TypeVar, cast

from .._model import Plan

__all__ = ["Context", "Reference"]

T = TypeVar("T")


class Reference:
    """One reference by id in a plan: where it is, what kind of thing it names."""

    __slots__ = ("kind", "path", "target")

    def __init__(self, path: str, kind: str, target: str) -> None:
        self.path = path
        self.kind = kind
        self.target = target


class Context:
    """A plan with the indexes rules share, each built on first use.

    Rules read ``context.plan`` and the indexes below instead of scanning the
    plan themselves, so that a validation stays linear in the plan's size.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._memo: dict[str, object] = {}

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """*compute*'s result, computed once per validation and shared by the rules asking.

        For what a module of rules derives and several of its rules read (the
        steps' progress, say), without the context knowing what it is.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return cast("T", self._memo[key])

    @cached_property
    def metrics_by_objective(self) -> dict[str, list[str]]:
        """For each objective id, the ids of the metrics that measure it."""
        index: dict[str, list[str]] = defaultdict(list)
        for metric_id, metric in self.plan.metrics.items():
            for objective_id in metric.measures:
                index[objective_id].append(metric_id)
        return index

    @cached_property
    def channels_by_audience(self) -> dict[str, list[str]]:
        """For each audience id, the channels that say they reach it."""
        index: dict[str, list[str]] = defaultdict(list)
        for channel_id, channel in self.plan.channels.items():
            for audience_id in channel.audiences:
                index[audience_id].append(channel_id)
        return index

    @cached_property
    def calendar_by_channel(self) -> dict[str, list[int]]:
        """For each channel id, the indexes of its calendar entries."""
        index: dict[str, list[int]] = defaultdict(list)
        for position, entry in enumerate(self.plan.calendar):
            index[entry.channel].append(position)
        return index

    @cached_property
    def pillars(self) -> dict[str, object]:
        """The content pillars by id (empty without a content strategy)."""
        content = self.plan.content
        return dict(content.pillars) if content else {}

    def references(self) -> Iterator[Reference]:
        """Every reference by id in the plan, with its path and the kind it names."""
        plan = self.plan

        def many(base: str, field: str, kind: str, ids: tuple[str, ...]) -> Iterator[Reference]:
            for position, target in enumerate(ids):
                yield Reference(f"{base}.{field}[{position}]", kind, target)

        def one(base: str, field: str, kind: str, target: str | None) -> Iterator[Reference]:
            if target is not None:
                yield Reference(f"{base}.{field}", kind, target)

        for key, objective in plan.objectives.items():
            base = f"objectives.{key}"
            yield from many(base, "supports", "business_goals", objective.supports)
            yield from many(base, "audiences", "audiences", objective.audiences)
        for key, audience in plan.audiences.items():
            yield from many(f"audiences.{key}", "channels", "channels", audience.channels)
        for key, channel in plan.channels.items():
            base = f"channels.{key}"
            yield from one(base, "owner", "roles", channel.owner)
            yield from many(base, "audiences", "audiences", channel.audiences)
            yield from many(base, "cross_posts_to", "channels", channel.cross_posts_to)
        for key, influencer in plan.influencers.items():
            base = f"influencers.{key}"
            yield from many(base, "influences", "audiences", influencer.influences)
            yield from many(base, "channels", "channels", influencer.channels)
        for key, role in plan.roles.items():
            yield from one(f"roles.{key}", "escalate_to", "roles", role.escalate_to)
        for position, route in enumerate(plan.routing):
            base = f"routing[{position}]"
            yield from one(base, "to", "roles", route.to)
            yield from one(base, "escalate_to", "roles", route.escalate_to)
            yield from many(base, "channels", "channels", route.channels)
        if plan.raci is not None:
            for group, entries in (("steps", plan.raci.steps), ("channels", plan.raci.channels)):
                for key, assignment in entries.items():
                    base = f"raci.{group}.{key}"
                    if group == "channels":
                        yield Reference(base, "channels", key)
                    for letter in ("responsible", "accountable", "consulted", "informed"):
                        yield from many(base, letter, "roles", getattr(assignment, letter))
        if plan.content is not None:
            for key, pillar in plan.content.pillars.items():
                base = f"content.pillars.{key}"
                yield from many(base, "objectives", "objectives", pillar.objectives)
            for key, source in plan.content.sources.items():
                yield from many(f"content.sources.{key}", "pillars", "pillars", source.pillars)
            for key in plan.content.messages:
                yield Reference(f"content.messages.{key}", "audiences", key)
        for position, entry in enumerate(plan.calendar):
            base = f"calendar[{position}]"
            yield from one(base, "channel", "channels", entry.channel)
            yield from one(base, "pillar", "pillars", entry.pillar)
            yield from one(base, "owner", "roles", entry.owner)
        for key, metric in plan.metrics.items():
            base = f"metrics.{key}"
            yield from many(base, "measures", "objectives", metric.measures)
            yield from many(base, "channels", "channels", metric.channels)
            yield from many(base, "audiences", "audiences", metric.audiences)
        for key in plan.engagement:
            yield Reference(f"engagement.{key}", "channels", key)
        if plan.policy is not None:
            yield from one("policy", "approver", "roles", plan.policy.approver)
        for key, resource in plan.resources.items():
            yield from one(f"resources.{key}", "channel", "channels", resource.channel)
        for key, record in plan.steps.items():
            yield from one(f"steps.{key}", "owner", "roles", record.owner)

    def ids(self, kind: str) -> set[str] | dict[str, object]:
        """The ids that exist for *kind* (``"objectives"``, ``"pillars"``…)."""
        if kind == "pillars":
            return self.pillars
        return getattr(self.plan, kind)  # type: ignore[no-any-return]
