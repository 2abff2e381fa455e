"""Channels left undecided and people the plan leans on too hard (issue #18, recall).

Each rule decides from the plan's data alone: a channel proposed, conditional or retiring
with nothing that settles it; an approval whose four eyes are one pair; an approval that
exempts most of the channels; one person holding several roles the plan relies on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from .._core.placeholders import is_placeholder
from .._core.text import counted
from .._core.vocab import ONE_WAY_PLATFORMS, ChannelStatus
from .._model import Channel, Plan, Role
from ._absence import LIVE, channels_in, grouped
from ._context import Context
from ._registry import Finding, rule
from ._substance_channels import _people, _same_text, one_person_every_channel

#: The statuses of a channel whose future is not settled yet.
_UNDECIDED = (ChannelStatus.PROPOSED, ChannelStatus.CONDITIONAL, ChannelStatus.RETIRING)


def _mentions(text: str, channel_key: str, channel: Channel) -> bool:
    """Whether *text* names the channel, by its id or its platform, as whole words."""
    spaced = f" {_same_text(text)} "
    names = (_same_text(channel_key.replace("_", " ")), _same_text(channel.platform))
    return any(name and f" {name} " in spaced for name in names)


def _what_decides(plan: Plan, key: str, channel: Channel) -> str | None:
    """What in the plan settles the channel's future, in words, or None."""
    if channel.status is ChannelStatus.CONDITIONAL and not Context.unwritten(channel.status_note):
        return "its condition"
    if channel.status is ChannelStatus.RETIRING and channel.status_since is not None:
        return "the date it is retired from"
    for tactic in plan.tactics.values():
        if key in tactic.channels and (tactic.starts or tactic.ends):
            return "a dated tactic"
    if any(entry.channel == key for entry in plan.calendar):
        return "a calendar entry"
    if plan.launch is not None:
        for gate in plan.launch.gates:
            if not is_placeholder(gate.condition) and _mentions(gate.condition, key, channel):
                return "a launch gate"
    return None


_LACKS = {
    ChannelStatus.PROPOSED: "no date it opens, no launch gate about it",
    ChannelStatus.CONDITIONAL: "no condition written, no date, no launch gate about it",
    ChannelStatus.RETIRING: "no date it is retired from, no tactic or entry that closes it",
}


@rule(
    "SP310",
    "channel-in-limbo",
    "warning",
    summary="A proposed, conditional or retiring channel with nothing that decides it.",
    why="Seed 003 (E) chooses each channel deliberately: one that is 'proposed' or "
    "'on hold' with no date, no go or no-go criterion and nobody to decide stays half-open "
    "for years, is counted in the plan and run by nobody. Seen in the corpus: "
    "company-gitlab's Instagram is on hold and 'potential', with a launch cadence and no "
    "date or criterion; nonprofit-carpentries proposes a podcast with no owner or date.",
    fix="Decide it: give it a date (a tactic on the channel that `starts`, a calendar "
    "entry, a `[launch]` gate naming it and its `approver`), write the condition of a "
    "conditional channel in `status_note`, set the `status_since` a retiring one winds "
    "down from, and an `owner` who decides; or drop the channel until it is decided.",
    example='[channels.podcast]\nplatform = "podcast"\nstatus = "proposed"  # when? who?',
)
def channel_in_limbo(context: Context) -> Iterator[Finding]:
    plan = context.plan
    undecided = {
        key: channel
        for key, channel in channels_in(plan, _UNDECIDED).items()
        if not context.placeholder(channel)
    }

    def found() -> Iterator[tuple[str, str, str | None]]:
        for key, channel in undecided.items():
            if _what_decides(plan, key, channel) is not None:
                continue
            assert channel.status is not None
            lacks = _LACKS[channel.status]
            if context.unwritten(channel.owner):
                lacks += ", and nobody owns the decision"
            yield (
                f"channels.{key}.status",
                f'channel "{key}" is {channel.status} with nothing that decides it: {lacks}',
                "give it a date or a go/no-go gate and an owner, or drop it until it is decided",
            )

    yield from grouped(
        found(),
        len(undecided),
        "undecided channels",
        ("has nothing that decides it", "have nothing that decides them"),
    )


def _approvers(role: Role) -> list[str]:
    """The people of *role* who can approve: its people as written, shadows aside (a shadow
    learns the role; it does not carry its authority)."""
    return [person for person in _people(role) if "shadow" not in person.casefold()]


def _signed_off(plan: Plan, channel: str, person: str) -> bool:
    """Whether the RACI makes someone other than *person* accountable for *channel*: a
    second pair of eyes over its posts."""
    entry = plan.raci.channels.get(channel) if plan.raci is not None else None
    if entry is None:
        return False
    return any(
        set(_approvers(plan.roles[role])) - {person}
        for role in entry.accountable
        if role in plan.roles
    )


@rule(
    "SP410",
    "four-eyes-one-pair",
    "warning",
    summary="Four eyes, and the only approver also runs channels alone.",
    why="Seed 003 (I.3): nothing goes out before a draft is approved, and with four eyes "
    "nobody approves their own. When the approver role has one person (shadows aside) and "
    "that person alone runs channels, nobody else can approve what they post there: the "
    "rule is kept only by breaking it. Seen in the corpus: opensource-kubernetes has the "
    "social media lead approve every post under four eyes, and its one lead also runs the "
    "contributor accounts (a blind reading of the source found the comms leads may approve "
    "too: a false positive). A channel whose RACI entry makes someone else accountable "
    "has its second pair of eyes.",
    fix="Name a second person who can approve in the approver role (a shadow in training "
    "does not count), or make another role `accountable` for those channels in "
    "`[raci.channels]`, so that someone else signs their posts off. "
    "On the corpus it fired wrongly where the source lets a second role approve (the format "
    "names one approver role): it is opt-in, selected by its code "
    '(`select = ["SP", "SP410"]`).',
    example='[roles.cm]\npeople = ["Ana"]\n[channels.x]\nowner = "cm"\n'
    '[approval]\napprover = "cm"\nfour_eyes = true',
    opt_in=True,
)
def four_eyes_one_pair(context: Context) -> Iterator[Finding]:
    plan = context.plan
    approval = plan.approval
    if approval is None or not approval.four_eyes or approval.approver is None:
        return
    approver = plan.roles.get(approval.approver)
    if approver is None or len(_approvers(approver)) != 1:
        return  # vacant (SP407's), unknown (SP101's), or more than one who can approve
    (person,) = _approvers(approver)
    alone = [
        key
        for key, channel in channels_in(plan, LIVE).items()
        if channel.owner is not None
        and channel.owner in plan.roles
        and _approvers(plan.roles[channel.owner]) == [person]
        and not _signed_off(plan, key, person)
    ]
    if alone:
        yield Finding(
            "approval.four_eyes",
            f'four eyes says nobody approves their own post, but "{person}" is the only one '
            f'who approves (role "{approval.approver}") and alone runs '
            f"{counted(len(alone), 'channel')}: {', '.join(alone)}; nobody else can approve "
            "those posts",
            "name a second approver in the role (not a shadow), or have another role approve",
        )


#: Exemption words that cover every post on a social platform, or every post at all.
_ALL_SOCIAL = re.compile(
    r"\b(?:social media|social posts?|social shares?|social updates?|redes sociales"
    r"|publicaciones en redes|all posts|every post|todas las publicaciones)\b"
)
#: Platforms whose posts are not social media posts: the owned long-form channels.
_NOT_SOCIAL = ONE_WAY_PLATFORMS | {"blog"}
#: What an exemption says when it names a platform by its posts.
_POSTS_OF = {"tweets": ("twitter", "x"), "toots": ("mastodon",), "reels": ("instagram",)}


def _exempted(text: str, key: str, channel: Channel) -> bool:
    """Whether the exemption *text* covers every post on the channel."""
    said = _same_text(text)
    if _ALL_SOCIAL.search(said) and channel.platform not in _NOT_SOCIAL:
        return True
    if any(re.search(rf"\b{w}\b", said) and channel.platform in p for w, p in _POSTS_OF.items()):
        return True
    return _mentions(text, key, channel) and not re.search(
        r"\b(?:repl(?:y|ies)|comments?|respuestas?|comentarios?|alerts?|alertas?)\b", said
    )


@rule(
    "SP411",
    "approval-exempts-most-channels",
    "warning",
    summary="The approval exempts whole channels, most of those the plan runs.",
    why="Seed 003 (I.3): drafts are approved before they go out. An exemption is for a "
    "kind of post (replies to comments, an emergency alert); one that exempts whole "
    "channels, most of those running, leaves the approval reviewing the few posts that "
    "matter least. Seen in the corpus: smallbiz-hanno peer-reviews blog drafts and exempts "
    "social media posts, so no tweet is read by anyone before it goes out.",
    fix="Approve the posts of those channels too (a second person reads each before it is "
    "scheduled), and keep in `exempt` only kinds of post, such as replies to comments.",
    example='[approval]\napprover = "editor"\nexempt = ["social media posts"]',
)
def approval_exempts_most_channels(context: Context) -> Iterator[Finding]:
    plan = context.plan
    approval = plan.approval
    if approval is None or approval.approver is None:
        return
    running = {k: c for k, c in channels_in(plan, LIVE).items() if not context.placeholder(c)}
    said = [text for text in approval.exempt if not is_placeholder(text)]
    exempt = {
        key: [text for text in said if _exempted(text, key, channel)]
        for key, channel in running.items()
    }
    exempt = {key: texts for key, texts in exempt.items() if texts}
    if exempt and 2 * len(exempt) > len(running):
        used = [text for text in said if any(text in texts for texts in exempt.values())]
        yield Finding(
            "approval.exempt",
            f"the approval exempts {', '.join(repr(t) for t in used)}: {len(exempt)} of "
            f"{counted(len(running), 'running channel')} post with nobody approving: "
            f"{', '.join(exempt)}",
            "approve those channels' posts too; exempt only kinds of post, such as replies",
        )


def _reliance(plan: Plan) -> dict[str, list[str]]:
    """What the plan relies on each role for, by the role's id: approving, owning channels,
    answering messages, taking escalations (each table read once, for every role)."""
    approver = plan.approval.approver if plan.approval is not None else None
    owned = Counter(c.owner for c in channels_in(plan, LIVE).values())
    answering = {r.to for r in plan.routing}
    escalated = {role.escalate_to for r, role in plan.roles.items() if role.escalate_to != r}
    escalated.update(r.escalate_to for r in plan.routing)
    moderated = {r.escalate_to for r in plan.moderation.rules} if plan.moderation else set()
    relied: dict[str, list[str]] = {}
    for key in plan.roles:
        carried = relied[key] = []
        if approver == key:
            carried.append("approves posts")
        if owned[key]:
            carried.append(f"runs {counted(owned[key], 'channel')}")
        if key in answering:
            carried.append("answers messages")
        if key in escalated:
            carried.append("takes escalations")
        if key in moderated:
            carried.append("takes moderation escalations")
    return relied


@rule(
    "SP412",
    "one-person-several-roles",
    "warning",
    summary="One person holds several roles the plan relies on, alone in one of them.",
    why="Seed 004 maps responsibilities to roles so that the work does not rest on one "
    "person: someone who is the only one in one role the plan relies on (approving, "
    "running channels, answering) and sits in another as well carries both at once, and "
    "when they are away both stop; escalating from one of their roles to the other "
    "reaches them again. SP408 says it when one person runs every channel; this says it "
    "of roles. Seen in the corpus: opensource-kubernetes's social media lead, who "
    "approves every post and runs the contributor accounts, is also a subproject lead, "
    "the role the social media lead escalates to, at 3 to 5 hours a week.",
    fix="Give the role where the person is alone a second person who can stand in (and "
    "act, not only shadow), or let someone else hold the other role.",
    example='[roles.lead]\npeople = ["Ana", "Luis"]\n[roles.cm]\npeople = ["Ana"]\n'
    'escalate_to = "lead"\n[channels.x]\nowner = "cm"',
)
def one_person_several_roles(context: Context) -> Iterator[Finding]:
    plan = context.plan
    if list(one_person_every_channel(context)):
        return  # SP408 says it: one person carries every channel
    holds: dict[str, list[str]] = {}
    for key, role in plan.roles.items():
        for person in _approvers(role):
            holds.setdefault(person, []).append(key)
    reliance = _reliance(plan)
    for person, keys in holds.items():
        relied = {key: reliance[key] for key in keys if reliance[key]}
        alone = [key for key in relied if _approvers(plan.roles[key]) == [person]]
        if len(relied) < 2 or not alone:
            continue
        what = "; ".join(f'"{key}" {", ".join(carried)}' for key, carried in relied.items())
        yield Finding(
            f"roles.{alone[0]}.people",
            f'"{person}" holds {len(relied)} roles the plan relies on and is the only one '
            f'in "{alone[0]}": {what}',
            "give that role a second person who can act, or let someone else hold the other",
        )
