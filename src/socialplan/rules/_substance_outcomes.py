"""What being seen and leaving a channel should lead to (issue #18, recall, third round).

Each rule decides from the plan's data alone: every objective about being seen, none about
what people do after; a channel retired with its followers pointed elsewhere, and no metric
on the channels they are pointed to; many accounts, a policy that speaks of opening new ones,
and no process that opens, approves or closes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._core.text import show
from .._core.vocab import ChannelStatus, FunnelStage
from .._model import Channel, Objective, Plan
from ._absence import LIVE, NOT_RETIRED, channels_in, elsewhere, grouped
from ._context import Context
from ._registry import Finding, rule
from ._substance_objectives import only_exposure_targets

#: Objective kinds about being seen (with no funnel stage given), in English and Spanish.
SEEN_KINDS = frozenset(
    {
        "alcance",
        "awareness",
        "brand_awareness",
        "exposure",
        "notoriedad",
        "reach",
        "visibilidad",
        "visibility",
    }
)


def about_being_seen(objective: Objective) -> bool:
    """Whether *objective* is about being seen: placed at the awareness stage, or, with no
    stage, of an awareness, visibility or exposure kind. The stage wins over the kind."""
    if objective.stage is not None:
        return objective.stage is FunnelStage.AWARENESS
    kind = objective.kind
    return kind is not None and kind.strip().casefold() in SEEN_KINDS


@rule(
    "SP219",
    "only-awareness-objectives",
    "warning",
    summary="Every objective is about being seen (awareness, visibility): none says what "
    "people should do after seeing.",
    why="Seeds 003 and 004 plan the whole funnel: being seen is the first stage, and the "
    "plan says what it should lead to (interest, action, recommendation: sign-ups, "
    "contributions, applications, sales). The Barcelona Principles measure outcomes over "
    "outputs. When every objective is about awareness, the plan can be met by impressions "
    "alone and nothing ties social media to what the organisation needs from it. Seen in "
    "the corpus: company-gitlab's two objectives are top-of-funnel (impressions, "
    "engagements, clicks to a landing page), while talent brand and contributors are "
    "obvious goals. A plan whose every target is an exposure count is left to SP215.",
    fix="Add an objective for what being seen should lead to (applications, sign-ups, "
    "contributions, enquiries), at the interest or action stage, with a metric that counts "
    "it; keep the awareness objectives as the first step of the funnel.",
    example='[objectives.reach]\ntitle = "Be seen"\nstage = "awareness"\n'
    '[objectives.campaigns]\ntitle = "Campaign visibility"\nkind = "awareness"',
)
def only_awareness_objectives(context: Context) -> Iterator[Finding]:
    objectives = {
        key: o for key, o in context.plan.objectives.items() if not context.placeholder(o)
    }
    if len(objectives) < 2 or not all(about_being_seen(o) for o in objectives.values()):
        return
    if any(True for _ in only_exposure_targets(context)):
        return  # SP215 says it, from the targets
    keys = ", ".join(objectives)
    yield Finding(
        "objectives",
        f"all {len(objectives)} objectives are about being seen ({keys}): none says what "
        "people should do after seeing (interest, action, loyalty)",
        "add an objective at the interest or action stage (sign-ups, contributions, "
        "applications, sales) with a metric that counts it",
    )


#: Other names a platform goes by in a plan's text (matched as whole words, as written).
_PLATFORM_NAMES = {"x": ("X", "Twitter"), "twitter": ("Twitter", "X")}


def _names(key: str, channel: Channel) -> list[re.Pattern[str]]:
    """What a plan's text calls the retired *channel*, each as a whole word: its id (as
    written), its handle, its platform (a one-letter name such as X only in capitals), the
    date it was retired."""

    def word(text: str, flags: int = 0) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w@.-]){re.escape(text)}(?![\w.-])", flags)

    patterns = [word(key)]
    if channel.profile is not None and channel.profile.handle:
        patterns.append(word(channel.profile.handle, re.IGNORECASE))
    for name in _PLATFORM_NAMES.get(channel.platform, (channel.platform,)):
        patterns.append(word(name, 0 if len(name) == 1 else re.IGNORECASE))
    if channel.status_since is not None:
        patterns.append(re.compile(re.escape(channel.status_since.isoformat())))
    return patterns


def _successors(context: Context, key: str, retired: Channel) -> list[str]:
    """The channels the plan points the retired channel's followers to: a channel in use
    whose purpose or status note names it (its id, handle, platform or retirement date)."""
    names = _names(key, retired)
    found = []
    for other, channel in channels_in(context.plan, NOT_RETIRED).items():
        if other == key or context.placeholder(channel):
            continue
        texts = [t for t in (channel.purpose, channel.status_note) if not context.unwritten(t)]
        if any(p.search(t) for p in names for t in texts if t is not None):
            found.append(other)
    return found


@rule(
    "SP713",
    "channel-exit-unmeasured",
    "warning",
    summary="A channel is retired and its followers pointed to other channels, with no "
    "metric on those channels: nobody will know how many made the move.",
    why="Leaving a platform is a decision with a cost: the followers built there. A plan "
    "that retires a channel on a date and names the channels its followers should move to "
    "(the newsletter, the new main account) has made the move an aim; with no metric on "
    "any of those channels, nobody can say whether the followers came along, or whether "
    "the exit cost the organisation its audience. Seen in the corpus: council-york left X "
    "(about 49,000 followers) on 2025-06-25 and signposts them to the newsletter and the "
    "website, which no metric counts; nonprofit-carpentries left X and Facebook on "
    "2023-10-20 for Mastodon, its main account since, with no measure on it.",
    fix="Take a metric on the channels the followers are pointed to (`channels` in a "
    "`[metrics.*]`: new subscribers or followers since the exit, with a source and a "
    "cadence), and a baseline from the day of the exit.",
    example='[channels.x]\nplatform = "x"\nstatus = "retired"\nstatus_since = 2025-06-25\n'
    '[channels.newsletter]\nplatform = "newsletter"\n'
    'purpose = "Where X followers are signposted"  # and no metric on it',
)
def channel_exit_unmeasured(context: Context) -> Iterator[Finding]:
    plan = context.plan
    measured = {c for m in context.written_metrics.values() for c in m.channels}
    retired = {
        key: c
        for key, c in channels_in(plan, {ChannelStatus.RETIRED}).items()
        if c.status_since is not None and not context.placeholder(c)
    }

    def found() -> Iterator[tuple[str, str, str | None]]:
        for key, channel in retired.items():
            successors = _successors(context, key, channel)
            if not successors or any(s in measured for s in successors):
                continue
            names = ", ".join(successors)
            yield (
                f"channels.{key}",
                f'channel "{key}" was retired on {channel.status_since} and its followers '
                f"are pointed to {names}, but no metric is taken on "
                + ("it" if len(successors) == 1 else "them")
                + ": nobody will know how many made the move",
                f"take a metric on {names} (new followers or subscribers since the exit)",
            )

    yield from grouped(
        found(),
        len(retired),
        "retired channels",
        ("has no measure of the move", "have no measure of the move"),
    )


#: How many running channels make "many accounts": the corpus plans that write a governance
#: of their accounts run six or more (council-york six, university-csbsju seven, the
#: Generalitat thirteen); those with two or three have nobody else to open one.
MANY_CHANNELS = 6

#: What a policy says when it speaks of opening new accounts (English and Spanish).
_OPENING = re.compile(
    r"\b(open|opening|opens|create|creating|creates|set up|setting up|abrir|crear|"
    r"apertura|creaci[oó]n)\b[^.;]{0,80}\b(accounts?|profiles?|cuentas?|perfil(es)?)\b",
    re.IGNORECASE,
)


def _policy_on_opening(plan: Plan) -> str | None:
    """The first line of the plan's policy that speaks of opening new accounts, if any."""
    policy = plan.policy
    if policy is None:
        return None
    texts = [*policy.acceptable, *policy.off_limits, *policy.confidential]
    texts += [t for t in (policy.company_capacity, policy.personal_capacity) if t]
    return next((t for t in texts if _OPENING.search(t)), None)


@rule(
    "SP416",
    "accounts-without-governance",
    "warning",
    summary="Many accounts, a policy that speaks of opening new ones, and no process that "
    "opens, approves or closes them.",
    why="Seed 003 (I.3) brings every account under one structure: a department asks, "
    "somebody approves, and an account that is not kept is closed. A plan that runs many "
    "channels and whose policy already speaks of people opening accounts (forbidding it, or "
    "allowing it) knows more will be asked for; with no `[governance]` saying how one is "
    "requested, who approves it and when one is closed, team and product accounts appear "
    "anyway, unprepared, and the genuine ones are reported as impostors. Seen in the "
    "corpus: company-gitlab runs six brand channels and forbids team members to open "
    "company or brand accounts, with no process to ask for one; council-york, "
    "university-csbsju and the Generalitat write that process.",
    fix="Add a `[governance]` section: how a team asks for an account (`requests`), what "
    "it must have first (`requires`: a goal, two people to run it), who approves it "
    "(`approver`) and when an account is closed (`closure`); or point to where it is kept "
    "(`[plan.elsewhere] governance`).",
    example='[policy]\noff_limits = ["team members opening brand accounts"]\n'
    "# six channels, and no [governance]",
)
def accounts_without_governance(context: Context) -> Iterator[Finding]:
    plan = context.plan
    if plan.governance is not None or elsewhere(plan, "governance") is not None:
        return
    live = [k for k, c in channels_in(plan, LIVE).items() if not context.placeholder(c)]
    if len(live) < MANY_CHANNELS:
        return
    said = _policy_on_opening(plan)
    if said is None:
        return
    yield Finding(
        "governance",
        f"the plan runs {len(live)} channels and its policy speaks of opening accounts "
        f"({show(said)}), but nothing says how a new account is asked for, who approves it or "
        "when one is closed",
        "add a [governance] section (requests, requires, approver, closure), or point to "
        "where it is kept in [plan.elsewhere] governance",
    )
