"""Rules a plan writes and nobody keeps (issue #18, recall, second round).

Each rule decides from the plan's data alone: what a new account must have, with nobody
who says no and nothing that closes one; visitors' posts moderated by nobody named or in
no time; running channels neither measured nor run by rules of engagement while others are
measured; the plan's first channel with no posting rhythm while others have one.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._core.text import counted
from .._core.vocab import ONE_WAY_PLATFORMS
from .._model import Plan
from ._absence import LIVE, channels_in, grouped
from ._context import Context
from ._registry import Finding, rule
from ._substance_people import _mentions


@rule(
    "SP414",
    "governance-without-gatekeeper",
    "warning",
    summary="What a new account must have is listed, with nobody who approves it or "
    "nothing that closes an abandoned one.",
    why="Seed 003 (I.3) keeps the organisation's other accounts under one governance: a "
    "department asks, shows what it has prepared, somebody decides, and accounts that stop "
    "being kept are closed. A list of what a new account requires with no `approver` is "
    "advice: nothing stops an account opened unprepared. With no `closure` criterion, an "
    "abandoned account stays up in the organisation's name, unanswered. Seen in the corpus: "
    "university-csbsju asks sub-brand managers good questions before they open an account, "
    "and names nobody who approves it and nothing that retires one.",
    fix="Name the role that approves a new account in `[governance] approver`, and write "
    "when an account is closed in `closure` (no post for six months, no one left to answer "
    "it), with a `review` that checks it.",
    example='[governance]\nrequires = ["a goal", "two people to run it"]  # approver? closure?',
)
def governance_without_gatekeeper(context: Context) -> Iterator[Finding]:
    governance = context.plan.governance
    if governance is None or not [r for r in governance.requires if not context.unwritten(r)]:
        return
    lacks = []
    if context.unwritten(governance.approver):
        lacks.append("nobody approves a new account (no `approver`)")
    if not [c for c in governance.closure if not context.unwritten(c)]:
        lacks.append("nothing says when an abandoned one is closed (no `closure`)")
    if lacks:
        yield Finding(
            "governance",
            f"a new account must have {counted(len(governance.requires), 'thing')}, but "
            + " and ".join(lacks),
            "name the role that approves new accounts and the criterion that closes one",
        )


def _moderators(plan: Plan) -> list[str]:
    """The places where the plan names who moderates visitors' posts: a role whose duties
    say so, a moderation rule escalating to a role, a route for incoming messages."""
    named = []
    for key, role in plan.roles.items():
        if any("moder" in duty.casefold() for duty in role.duties):
            named.append(f"roles.{key}")
    if plan.moderation is not None:
        named += [f"escalation to {r.escalate_to}" for r in plan.moderation.rules if r.escalate_to]
    named += [f"routing to {r.to}" for r in plan.routing if r.to]
    return named


def _turnaround(plan: Plan) -> bool:
    """Whether the plan gives any time to answer or handle what visitors write."""
    return any(r.within is not None for r in plan.routing) or any(
        e.response_time is not None for e in plan.engagement.values()
    )


@rule(
    "SP415",
    "moderation-without-moderator",
    "warning",
    summary="Visitors' posts are moderated, with nobody named to do it or no time for it.",
    why="Seed 004 gives moderation a person and a time: a house rule that every comment is "
    "moderated promises visitors a check that nobody is given to do, and a hateful comment "
    "left up for a weekend is the plan's failure, not the visitor's. A plan that names a "
    "role with a moderation duty, a rule escalating to a role or a route for incoming "
    "messages has someone; a routing `within` or a `response_time` gives the time. Seen in "
    "the corpus: university-csbsju moderates every visitor's comment, with no staffing or "
    "turnaround for it; opensource-kubernetes (leads moderate, 48 hours) and "
    "regional-gov-generalitat-es (the editors answer in two hours) name both.",
    fix="Give the moderation to a role (a duty such as 'moderate comments on the official "
    "channels', or `escalate_to` on the rules that need a decision), and say how fast it is "
    "done (`[[routing]] within`, or `response_time` in the rules of engagement).",
    example='[moderation]\nhouse_rules = "Every comment is moderated"  # by whom? how fast?',
)
def moderation_without_moderator(context: Context) -> Iterator[Finding]:
    plan = context.plan
    moderation = plan.moderation
    if moderation is None:
        return
    rules = len(moderation.rules)
    if not rules and context.unwritten(moderation.house_rules):
        return
    lacks = []
    if not _moderators(plan):
        lacks.append("no role has a moderation duty, escalation or route")
    if not _turnaround(plan):
        lacks.append("no time is set for it")
    if lacks:
        what = counted(rules, "moderation rule") if rules else "the house rules"
        yield Finding(
            "moderation",
            f"visitors' posts are moderated ({what}), but " + " and ".join(lacks),
            "give the moderation to a role and say how fast it is done",
        )


def _ranked_out(plan: Plan, key: str) -> bool:
    """Whether *key* is left out because the plan ranks its channels and not this one."""
    ranked = any(c.priority is not None for c in plan.channels.values())
    return ranked and plan.channels[key].priority is None


@rule(
    "SP712",
    "channels-neither-measured-nor-run",
    "warning",
    summary="Running channels no metric is taken on and no rule of engagement runs, while "
    "metrics are taken on others.",
    why="Seed 004 measures each channel the plan keeps: a channel with no metric and no rule "
    "of engagement runs on habit, and nobody can say whether it is worth the time, while "
    "the plan shows it measures the channels it cares about. A channel counts as run when "
    "a rule of engagement or a tactic names it, and as measured when a metric is taken on "
    'it or an objective\'s target names it ("Reach 100 YouTube subscribers"). Channels '
    "that speak one way (newsletter, podcast, website) are left out, and, where the plan "
    "ranks its channels, the unranked ones (ancillary, as company-gitlab's GIPHY). Seen in "
    "the corpus: "
    "nonprofit-carpentries measures its newsletter, blog and GitHub and gives Mastodon and "
    "LinkedIn, its social accounts after leaving X, no frequency or success measure; "
    "regional-gov-generalitat-es gives every channel a two-hour answer and stays silent.",
    fix="Take a metric on each of them (`channels` in a `[metrics.*]`, with a cadence and a "
    "source), and give them a rule of engagement or a tactic; or say, by retiring them, "
    "that they are not kept any more.",
    example='[channels.mastodon]\nplatform = "mastodon"\n'
    '[metrics.opens]\nname = "Newsletter opens"\nchannels = ["newsletter"]',
)
def channels_neither_measured_nor_run(context: Context) -> Iterator[Finding]:
    plan = context.plan
    metrics = context.written_metrics.values()
    measured = {c for m in metrics for c in m.channels}
    if not measured:
        return
    live = {
        key: c
        for key, c in channels_in(plan, LIVE).items()
        if not context.placeholder(c) and c.platform not in ONE_WAY_PLATFORMS
    }
    others = ", ".join(sorted(k for k in measured if k in plan.channels))
    tactics = {c for t in plan.tactics.values() if not context.placeholder(t) for c in t.channels}
    targets = [
        o.title
        for o in plan.objectives.values()
        if o.target is not None and not context.placeholder(o)
    ]

    def found() -> Iterator[tuple[str, str, str | None]]:
        for key, channel in live.items():
            if key in measured or key in plan.engagement or key in tactics:
                continue
            if _ranked_out(plan, key) or any(_mentions(t, key, channel) for t in targets):
                continue
            yield (
                f"channels.{key}",
                f'channel "{key}" has no metric, no rule of engagement and no tactic, while '
                f"metrics are taken on {others}: nothing says how it is run or whether it works",
                "take a metric on it and give it a rule of engagement or a tactic, or retire it",
            )

    yield from grouped(
        found(),
        len(live),
        "running channels",
        ("is neither measured nor run by rules", "are neither measured nor run by rules"),
    )


@rule(
    "SP507",
    "first-channel-without-rhythm",
    "warning",
    summary="The channel the plan ranks first has no posting rhythm, while others have one.",
    why="Seed 004 gives each channel a rhythm, so the team knows what a normal week is and "
    "can tell when a channel falls silent. When the plan ranks its channels and the first "
    "of them has no `posting_frequency` while others do, the channel that matters most is "
    "kept by whatever happens to be posted. Only the first-ranked channels are asked: a "
    "channel ranked lower, fed by cross-posting or run as a repository has no rhythm of its "
    "own for good reasons. Seen in the corpus: smallbiz-hanno posts twice a week on its "
    "blog and ranks Twitter first with no rhythm: the weekly batch is whatever the team "
    "dropped into #tweetme.",
    fix="Give the first channel a `posting_frequency` in its `[engagement.*]` rule "
    '("3 per week", "daily"), and plan the calendar to it.',
    example='[channels.twitter]\npriority = 1\n[engagement.blog]\nposting_frequency = "2 per week"',
)
def first_channel_without_rhythm(context: Context) -> Iterator[Finding]:
    plan = context.plan
    live = {k: c for k, c in channels_in(plan, LIVE).items() if not context.placeholder(c)}
    ranks = [c.priority for c in live.values() if c.priority is not None]
    if not ranks:
        return

    def rhythm(key: str) -> bool:
        rule_ = plan.engagement.get(key)
        return rule_ is not None and rule_.posting_frequency is not None

    with_rhythm = [k for k in live if rhythm(k)]
    if not with_rhythm:
        return
    first = min(ranks)
    for key, channel in live.items():
        if channel.priority == first and not rhythm(key):
            yield Finding(
                f"channels.{key}",
                f'channel "{key}", ranked first, has no posting rhythm, while '
                + ", ".join(with_rhythm)
                + (" has one" if len(with_rhythm) == 1 else " have one"),
                f'give it a posting_frequency in [engagement.{key}] ("3 per week")',
            )
