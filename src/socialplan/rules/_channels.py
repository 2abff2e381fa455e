"""SP3: audiences and channels meet; cross-posting flows one way."""

from __future__ import annotations

from collections.abc import Iterator

from .._core.graph import cycles
from .._core.vocab import OPEN_TO_ALL_PLATFORMS, ChannelStatus
from ._absence import NOT_RETIRED, SPOKEN_TO, channels_in, grouped, not_started
from ._context import Context
from ._registry import Finding, rule


@rule(
    "SP301",
    "unreached-audience",
    "warning",
    summary="An audience no channel reaches.",
    why="Seed 004's second step asks where the customers are: an audience no channel reaches "
    "hears nothing the plan says."
    " A retired channel reaches nobody any more: it does not count. A proposed one does: "
    "the plan says where the audience will be reached, and whether that channel is decided "
    "is its own question. An audience the plan reaches outside its channels (meetings, the "
    "intranet) says so with `elsewhere`. Evidence: the corpus of real strategies "
    "(tests/realworld/): council-york reaches partners and its workforce outside social "
    "media, and company-gitlab files its talent audiences under the Instagram it proposes.",
    fix="Add the audience to the `audiences` of a channel where it is, or say how it is "
    'reached outside the plan\'s channels: `elsewhere = "partnership meetings"`.',
    example='[audiences.teachers]\nname = "Teachers"  # no channel lists it',
)
def unreached_audience(context: Context) -> Iterator[Finding]:
    plan = context.plan
    # A retired channel reaches nobody any more; a proposed one says where they will be.
    used = channels_in(plan, NOT_RETIRED | {ChannelStatus.PROPOSED})
    reached = {a for c in used.values() for a in c.audiences}
    reached.update(k for k, a in plan.audiences.items() if not context.unwritten(a.elsewhere))
    yield from grouped(
        (
            (
                f"audiences.{key}",
                f'audience "{key}" is reached by no channel',
                "list it in the audiences of a channel where it is",
            )
            for key in plan.audiences
            if key not in reached
        ),
        len(plan.audiences),
        "audiences",
        ("is reached by no channel", "are reached by no channel"),
    )


@rule(
    "SP302",
    "channel-without-audience",
    "warning",
    summary="A channel that reaches no audience.",
    why="Each platform has its own purpose under one strategic line (seed 003); a channel "
    "that speaks to nobody in particular has none."
    " It is about running and conditional channels; proposed, retiring and retired ones are "
    "left out. Silent while the plan has no audience at all: SP809 says that once. Silent "
    'on the organisation\'s website (`platform = "website"`, `OPEN_TO_ALL_PLATFORMS` in '
    "socialplan's vocabulary): it is the door for everyone who comes, residents, students "
    "or customers alike. A blog still names whom it is written for. Evidence: the corpus of "
    "real strategies (tests/realworld/), where a strategist labelled the Northumberland "
    "CCG's website 'for everyone; naming an audience adds nothing', and Hanno's blog, with "
    "no audience, a real gap.",
    fix="Name the audiences the channel reaches, or drop the channel.",
    example='[channels.tiktok]\nplatform = "tiktok"  # audiences = []',
)
def channel_without_audience(context: Context) -> Iterator[Finding]:
    if not_started(context, "SP302"):
        return  # no audience at all: SP809 says it once
    # Running and conditional channels: a proposed or retired one speaks to nobody yet. The
    # website is for whoever comes to it: naming an audience for it adds nothing.
    channels = {
        k: c
        for k, c in channels_in(context.plan, SPOKEN_TO).items()
        if c.platform not in OPEN_TO_ALL_PLATFORMS
    }
    yield from grouped(
        (
            (
                f"channels.{key}.audiences",
                f'channel "{key}" reaches no audience',
                "name the audiences it reaches",
            )
            for key, channel in channels.items()
            if not channel.audiences
        ),
        len(channels),
        "channels",
        ("reaches no audience", "reach no audience"),
    )


@rule(
    "SP303",
    "audience-not-on-channel",
    "error",
    summary="A channel targets an audience that says it is not there.",
    why="When an audience lists where it is and a channel that targets it is not among them, "
    "the plan contradicts itself: one of the two is wrong.",
    fix="Add the channel to the audience's `channels`, or drop the audience from the channel.",
    example='[audiences.parents]\nchannels = ["facebook"]\n'
    '[channels.tiktok]\naudiences = ["parents"]',
)
def audience_not_on_channel(context: Context) -> Iterator[Finding]:
    where = {k: frozenset(a.channels) for k, a in context.plan.audiences.items() if a.channels}
    for key, channel in context.plan.channels.items():
        for position, audience_id in enumerate(channel.audiences):
            on = where.get(audience_id)
            if on is not None and key not in on:
                yield Finding(
                    f"channels.{key}.audiences[{position}]",
                    f'channel "{key}" targets audience "{audience_id}", which is not on it',
                    f'add "{key}" to audiences.{audience_id}.channels, or drop the audience here',
                )


@rule(
    "SP304",
    "audience-channel-unused",
    "warning",
    summary="An audience is on a channel that does not target it.",
    why="The audience is there and the brand is there, but the channel does not speak to it.",
    fix="Add the audience to the channel's `audiences`, or drop the channel from the audience.",
    example='[audiences.parents]\nchannels = ["youtube"]\n[channels.youtube]\naudiences = []',
)
def audience_channel_unused(context: Context) -> Iterator[Finding]:
    reach = {k: frozenset(c.audiences) for k, c in context.plan.channels.items()}
    for key, audience in context.plan.audiences.items():
        for position, channel_id in enumerate(audience.channels):
            reaches = reach.get(channel_id)
            if reaches is not None and key not in reaches:
                yield Finding(
                    f"audiences.{key}.channels[{position}]",
                    f'audience "{key}" is on channel "{channel_id}", which does not target it',
                    f'add "{key}" to channels.{channel_id}.audiences',
                )


@rule(
    "SP305",
    "cross-posting-cycle",
    "error",
    summary="Cross-posting between channels goes round in a circle.",
    why="If Facebook posts to X and X posts back to Facebook, every post repeats forever; "
    "seed 003 puts the blog at the end of the chain, not in a loop.",
    fix="Break the cycle: drop one of the `cross_posts_to` links named in the message.",
    example='[channels.facebook]\ncross_posts_to = ["x"]\n'
    '[channels.x]\ncross_posts_to = ["facebook"]',
)
def cross_posting_cycle(context: Context) -> Iterator[Finding]:
    channels = context.plan.channels
    if not any(c.cross_posts_to for c in channels.values()):
        return
    edges = [
        (key, target)
        for key, channel in channels.items()
        for target in channel.cross_posts_to
        if target in channels
    ]
    for cycle in cycles(edges):
        yield Finding(
            f"channels.{cycle[0]}.cross_posts_to",
            "cross-posting goes round in a circle: " + " → ".join(cycle),
            "drop one of these links",
        )
