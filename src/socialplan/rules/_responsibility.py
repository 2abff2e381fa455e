"""SP4: every channel has an owner, every message a route, every step one accountable."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .._core.graph import cycles
from .._core.placeholders import is_placeholder
from .._core.vocab import MessageKind
from .._model import Role
from ._absence import LIVE, NOT_RETIRED, channels_in, grouped, not_started
from ._context import Context
from ._registry import Finding, rule


@rule(
    "SP401",
    "channel-without-owner",
    "warning",
    summary="A channel nobody owns.",
    why="Channels nobody owns go quiet, or speak off-message: seed 004's responsibility map "
    "gives each one a role."
    " It is about every channel but proposed and retired ones (a conditional channel is "
    "posted to when its condition comes, a retiring one is wound down: both need someone). "
    "Silent while the plan has no role at all: SP809 says that once.",
    fix="Set the channel's `owner` to a role id.",
    example='[channels.youtube]\nplatform = "youtube"  # owner = ?',
)
def channel_without_owner(context: Context) -> Iterator[Finding]:
    if not_started(context, "SP401"):
        return  # no role at all: SP809 says it once
    # Every channel the plan uses or will switch on: not a proposed or a retired one.
    channels = {
        k: c
        for k, c in channels_in(context.plan, NOT_RETIRED).items()
        if not context.placeholder(c)
    }
    yield from grouped(
        (
            (
                f"channels.{key}.owner",
                f'channel "{key}" has no owner',
                "set owner to the id of the role that runs it",
            )
            for key, channel in channels.items()
            if context.unwritten(channel.owner)
        ),
        len(channels),
        "channels",
        ("has no owner", "have no owner"),
    )


#: What a role's id or title says when it runs the social accounts, whatever its function.
_RUNS_BY_NAME = re.compile(r"(?i)community|social|redes|comunidad|\bcm\b")
#: What a duty says when it is the work of running the accounts.
_RUNS_BY_DUTY = re.compile(
    r"(?i)\b(?:accounts?|channels?|social media|posts?|posting|moderat\w*|monitor\w*|repl(?:y|ies)"
    r"|answer\w*|cuentas?|perfil(?:es)?|publica\w*|respond\w*|redes sociales)\b"
)


def _runs_the_accounts(key: str, role: Role, owners: frozenset[str]) -> bool:
    """Whether the facts say *role* runs the social accounts: its function, its id or
    title, a channel it owns, or a duty that is the work of running them."""
    if role.function == "community_manager" or key in owners:
        return True
    if _RUNS_BY_NAME.search(key):
        return True
    if not is_placeholder(role.title) and _RUNS_BY_NAME.search(role.title):
        return True
    return any(_RUNS_BY_DUTY.search(duty) for duty in role.duties if not is_placeholder(duty))


@rule(
    "SP402",
    "no-community-manager",
    "warning",
    summary="The plan has channels but no role that runs them.",
    why="Seed 004 names the community manager as the person responsible for managing social "
    "media across the organization. The title does not matter: a role is the community "
    "manager when it owns a channel, its id or title speaks of the community or social media, "
    "or its duties are running, posting on, monitoring or answering on the accounts (in the "
    "corpus, council-york's communications team and university-csbsju's Social Media "
    "Specialist are). Without one, nobody answers for the channels. Said once: silent while "
    "the plan has no role at all (SP809 says that), and while no channel that needs an owner "
    "has one, as SP401 then names every channel as ownerless, which is the same gap (the "
    "corpus' council-bracknell and health-northumberland-ccg, where a strategist labelled "
    "this finding a repeat of SP401's). It still speaks when the channels that need an owner "
    "name roles that are not in the plan, or when the plan's channels are all proposed and "
    "none of its roles would run them.",
    fix="Say which role runs the channels: make it the `owner` of the channels, give it the "
    'duties of running them, or `function = "community_manager"`.',
    example='[roles.marketing]\ntitle = "Marketing"  # nobody runs the channels',
)
def no_community_manager(context: Context) -> Iterator[Finding]:
    plan = context.plan
    if not plan.channels or not_started(context, "SP402"):
        return  # no role at all: SP809 says it once
    owned = channels_in(plan, NOT_RETIRED)
    if owned and all(c.owner is None for c in owned.values()):
        return  # SP401 names every channel as ownerless: the same gap, said once
    owners = frozenset(c.owner for c in plan.channels.values() if c.owner is not None)
    if not any(_runs_the_accounts(key, role, owners) for key, role in plan.roles.items()):
        yield Finding(
            "roles",
            "no role runs the channels: none owns one, is the community manager or has "
            "duties on the accounts",
            "make the role that runs them the owner of the channels, or give it those duties",
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
    "without a route, nobody answers them."
    " It is about running channels (no `status`, or `active`); proposed, conditional, "
    "retiring and retired ones are left out. Silent while the plan has no routing rule at "
    "all: SP809 says that once. Channels that lack the same kinds are one group, and a "
    "channel that lacks more kinds joins the group of those that lack fewer of them (the "
    "gap they share), the kinds it lacks besides named in the group's line: one cause is "
    "reported once. Evidence: the corpus of real strategies (tests/realworld/), where Hanno's "
    "blog, with no route at all, was reported apart from Twitter and LinkedIn, which lack "
    "routes for complaints and crises, and a strategist labelled it 'the same gap again'.",
    fix="Add `[[routing]]` rules for the missing kinds (no `channels` means every channel).",
    example='[[routing]]\nmessage = "inquiry"\nto = "customer_service"',
)
def unrouted_messages(context: Context) -> Iterator[Finding]:
    if not_started(context, "SP403"):
        return  # no routing rule at all: SP809 says it once
    everywhere, named = routes_by_channel(context)
    running = channels_in(context.plan, LIVE)
    by_gap: dict[tuple[MessageKind, ...], list[tuple[str, str, str | None]]] = {}
    for key in running:
        kinds = named[key]
        missing = tuple(k for k in MessageKind if k not in everywhere and k not in kinds)
        if missing:
            by_gap.setdefault(missing, []).append(
                (
                    f"channels.{key}",
                    f'channel "{key}" has no route for: {", ".join(missing)}',
                    "add [[routing]] rules for these kinds of message",
                )
            )
    # One group per set of kinds left out; a channel that lacks more kinds joins the group of
    # the channels that lack fewer of them, the gap they share (the rest is named aside).
    joined: dict[tuple[MessageKind, ...], list[tuple[MessageKind, ...]]] = {}
    for missing in sorted(by_gap, key=len):
        into = next((core for core in joined if set(core) <= set(missing)), missing)
        joined.setdefault(into, []).append(missing)
    for core, gaps in joined.items():
        found = [each for gap in gaps for each in by_gap[gap]]
        singular, plural = _no_route_for(core)
        more = "; ".join(
            f"{_which(by_gap[gap], found)}: nor for {_listed([k for k in gap if k not in core])}"
            for gap in gaps
            if gap != core
        )
        if more:
            singular, plural = f"{singular} ({more})", f"{plural} ({more})"
        yield from grouped(found, len(running), "channels", (singular, plural))


_PLURAL = {
    MessageKind.INQUIRY: "inquiries",
    MessageKind.SUGGESTION: "suggestions",
    MessageKind.COMPLAINT: "complaints",
    MessageKind.CRISIS: "crises",
}


def _listed(kinds: Sequence[MessageKind]) -> str:
    names = [_PLURAL[k] for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _no_route_for(kinds: tuple[MessageKind, ...]) -> tuple[str, str]:
    listed = _listed(kinds)
    return f"has no route for {listed}", f"have no route for {listed}"


def _which(
    some: list[tuple[str, str, str | None]], among: list[tuple[str, str, str | None]]
) -> str:
    """The channels of the findings *some*, named, or named by those of *among* they leave
    out when that is shorter (``all but x, y``)."""
    keys = [path.split(".", 1)[1] for path, _, _ in some]
    if 2 * len(keys) <= len(among):
        return ", ".join(keys)
    named = set(keys)
    return "all but " + ", ".join(
        k for k in (path.split(".", 1)[1] for path, _, _ in among) if k not in named
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
