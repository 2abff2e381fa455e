"""SP4: every channel has an owner, every message a route, every step one accountable."""

from __future__ import annotations

from collections.abc import Iterator

from .._core.graph import cycles
from .._core.vocab import MessageKind
from ._context import Context
from ._registry import Finding, rule


@rule(
    "SP401",
    "channel-without-owner",
    "warning",
    summary="A channel nobody owns.",
    why="Channels nobody owns go quiet, or speak off-message: seed 004's responsibility map "
    "gives each one a role.",
    fix="Set the channel's `owner` to a role id.",
    example='[channels.youtube]\nplatform = "youtube"  # owner = ?',
)
def channel_without_owner(context: Context) -> Iterator[Finding]:
    for key, channel in context.plan.channels.items():
        if context.unwritten(channel.owner) and not context.placeholder(channel):
            yield Finding(
                f"channels.{key}.owner",
                f'channel "{key}" has no owner',
                "set owner to the id of the role that runs it",
            )


@rule(
    "SP402",
    "no-community-manager",
    "warning",
    summary="The plan has channels but no community manager.",
    why="Seed 004 names the community manager as the person responsible for managing social "
    "media across the organization.",
    fix='Give a role `function = "community_manager"`.',
    example='[roles.marketing]\ntitle = "Marketing"  # nobody is the community manager',
)
def no_community_manager(context: Context) -> Iterator[Finding]:
    plan = context.plan
    if plan.channels and not any(r.function == "community_manager" for r in plan.roles.values()):
        yield Finding(
            "roles",
            "no role is the community manager",
            'give the role that runs the channels function = "community_manager"',
        )


def routes_by_channel(
    context: Context,
) -> tuple[dict[MessageKind, list[int]], dict[str, dict[MessageKind, list[int]]]]:
    """The routing rules (by position) that cover each message kind: first those without
    ``channels``, which cover every channel, then for each channel those that name it.

    Kept apart so that the work stays linear however many channels and routes there are.
    """
    plan = context.plan
    everywhere: dict[MessageKind, list[int]] = {}
    named: dict[str, dict[MessageKind, list[int]]] = {key: {} for key in plan.channels}
    for position, route in enumerate(plan.routing):
        if not route.channels:
            everywhere.setdefault(route.message, []).append(position)
        for channel_id in route.channels:
            if channel_id in named:
                named[channel_id].setdefault(route.message, []).append(position)
    return everywhere, named


@rule(
    "SP403",
    "unrouted-messages",
    "warning",
    summary="Some kinds of incoming message have no route on a channel.",
    why="Inquiries, suggestions, complaints and crises arrive on every channel (seed 004); "
    "without a route, nobody answers them.",
    fix="Add `[[routing]]` rules for the missing kinds (no `channels` means every channel).",
    example='[[routing]]\nmessage = "inquiry"\nto = "customer_service"',
)
def unrouted_messages(context: Context) -> Iterator[Finding]:
    everywhere, named = routes_by_channel(context)
    for key, kinds in named.items():
        missing = [
            str(kind) for kind in MessageKind if kind not in everywhere and kind not in kinds
        ]
        if missing:
            yield Finding(
                f"channels.{key}",
                f'channel "{key}" has no route for: {", ".join(missing)}',
                "add [[routing]] rules for these kinds of message",
            )


def _raci(context: Context) -> Iterator[tuple[str, tuple[str, ...]]]:
    raci = context.plan.raci
    if raci is None:
        return
    for group, entries in (("steps", raci.steps), ("channels", raci.channels)):
        for key, entry in entries.items():
            yield f"raci.{group}.{key}", entry.accountable


@rule(
    "SP404",
    "raci-without-accountable",
    "warning",
    summary="A RACI entry with nobody accountable.",
    why="In a RACI matrix exactly one role answers for the outcome; with none, nobody does.",
    fix="Set `accountable` to one role.",
    example='[raci.steps.metrics]\nresponsible = ["analyst"]',
)
def raci_without_accountable(context: Context) -> Iterator[Finding]:
    for path, accountable in _raci(context):
        if not accountable:
            yield Finding(
                f"{path}.accountable", f"nobody is accountable for {path}", "name one role"
            )


@rule(
    "SP405",
    "raci-several-accountable",
    "error",
    summary="A RACI entry with more than one role accountable.",
    why="When two roles are accountable, each can count on the other: exactly one is.",
    fix="Keep one role in `accountable`; move the others to `responsible` or `consulted`.",
    example='[raci.steps.metrics]\naccountable = ["cm", "pr"]',
)
def raci_several_accountable(context: Context) -> Iterator[Finding]:
    for path, accountable in _raci(context):
        if len(accountable) > 1:
            names = ", ".join(accountable)
            yield Finding(
                f"{path}.accountable",
                f"{len(accountable)} roles are accountable for {path}: {names}",
                "keep exactly one",
            )


@rule(
    "SP406",
    "escalation-cycle",
    "error",
    summary="Escalation between roles goes round in a circle.",
    why="A complaint escalated from the community manager to PR and back never reaches anyone "
    "who can decide.",
    fix="Break the cycle in the roles' `escalate_to`.",
    example='[roles.cm]\nescalate_to = "pr"\n[roles.pr]\nescalate_to = "cm"',
)
def escalation_cycle(context: Context) -> Iterator[Finding]:
    roles = context.plan.roles
    if not any(r.escalate_to for r in roles.values()):
        return
    edges = [
        (key, role.escalate_to)
        for key, role in roles.items()
        if role.escalate_to is not None and role.escalate_to in roles
    ]
    for cycle in cycles(edges):
        yield Finding(
            f"roles.{cycle[0]}.escalate_to",
            "escalation goes round in a circle: " + " → ".join(cycle),
            "end the chain at a role that decides",
        )
