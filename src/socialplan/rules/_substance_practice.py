"""The practice a plan leaves out (issue #18, recall): what a strategist misses in it.

Each rule decides from the plan's data alone: an objective that no tactic or content pillar
serves while others are served, running channels with no policy for what is posted, replies
invited with no rule for visitors' posts, metrics taken with no report that reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._core.text import counted
from .._model import Plan
from ._absence import LIVE, channels_in, elsewhere, grouped
from ._context import Context
from ._registry import Finding, rule
from ._substance_channels import _INVITES, _same_text


@rule(
    "SP218",
    "objective-without-tactic",
    "warning",
    summary="An objective that no tactic or content pillar serves, where others are served.",
    why="Seed 004 derives the tactics and the content from the objectives: an objective "
    "nothing is done for is a wish. A plan that ties some objectives to tactics or pillars "
    "and not others shows where the effort goes and where it does not. Seen in the corpus: "
    "community-open-neuromorphic ties events to a promotion sequence, and its growth aim "
    "(reaching people outside the community) to nothing.",
    fix="Name the objective in the `objectives` of a tactic or content pillar that serves "
    "it, add one that does, or drop the objective.",
    example='[objectives.events]\ntitle = "Fill every event"\n'
    '[objectives.grow]\ntitle = "Reach new people"\n'
    '[tactics.reminders]\ntitle = "Reminders"\nobjectives = ["events"]  # none names grow',
)
def objective_without_tactic(context: Context) -> Iterator[Finding]:
    plan = context.plan
    served: set[str] = set()
    for tactic in plan.tactics.values():
        served.update(tactic.objectives)
    if plan.content is not None:
        for pillar in plan.content.pillars.values():
            served.update(pillar.objectives)
    if not served & set(plan.objectives):
        return  # the plan ties no tactic to an objective at all: nothing to compare with
    yield from grouped(
        (
            (
                f"objectives.{key}",
                f'objective "{key}" is served by no tactic and no content pillar',
                "name it in a tactic or pillar that serves it, or drop it",
            )
            for key in plan.objectives
            if key not in served
        ),
        len(plan.objectives),
        "objectives",
        ("has no tactic or content pillar", "have no tactic or content pillar"),
    )


def _no_policy(plan: Plan) -> bool:
    policy = plan.policy
    if policy is None:
        return True
    lists = (policy.acceptable, policy.off_limits, policy.confidential)
    texts = (policy.company_capacity, policy.personal_capacity)
    return not any(lists) and not any(t and t.strip() for t in texts)


@rule(
    "SP409",
    "no-social-media-policy",
    "warning",
    summary="The plan runs channels and has no social media policy at all.",
    why="Seed 003 (I) asks for a policy: what may be published, what is off limits or "
    "confidential, and how staff speak for the organisation and as themselves. Without one "
    "every post is a judgment call, and a slip (a client's name, a screenshot of a private "
    "chat) has no rule it broke. Seen in the corpus: smallbiz-hanno posts culture screenshots "
    "of calls and chats while working under NDAs, and community-open-neuromorphic names no "
    "off-limits topic.",
    fix="Add a `[policy]`: `off_limits` topics, what is `confidential`, and how staff speak "
    "for the organisation (`company_capacity`) and on their own accounts "
    "(`personal_capacity`). If the policy is a document of its own, say where it is kept: "
    '`[plan.elsewhere]` `policy = "Social media policy, intranet"`.',
    example='[channels.x]\nplatform = "x"  # and no [policy]',
)
def no_social_media_policy(context: Context) -> Iterator[Finding]:
    plan = context.plan
    running = channels_in(plan, LIVE)
    if running and _no_policy(plan) and elsewhere(plan, "policy") is None:
        yield Finding(
            "policy",
            f"the plan runs {counted(len(running), 'channel')} and has no policy: nothing says "
            "what is off limits, what is confidential or how staff speak for the organisation",
            "add a [policy] with off_limits, confidential and the capacities staff speak in",
        )


def _invitation(plan: Plan) -> str | None:
    """What in the plan asks visitors to reply: an objective's words, or a message route."""
    for key, objective in plan.objectives.items():
        said = " ".join(t for t in (objective.title, objective.kind, objective.description) if t)
        if _INVITES.search(_same_text(said)):
            return f'objective "{key}" invites interaction'
    if plan.routing:
        verb = "answers" if len(plan.routing) == 1 else "answer"
        return f"{counted(len(plan.routing), 'routing rule')} {verb} visitors' messages"
    return None


@rule(
    "SP506",
    "interaction-without-moderation",
    "warning",
    summary="The plan invites replies on its channels and has no rule for visitors' posts.",
    why="Seed 004 asks for content that promotes interaction, and a channel that invites "
    "replies gets abuse, spam and personal data too: without house rules published to "
    "visitors and moderation rules for the team, each removal looks arbitrary and each "
    "hostile thread waits for someone to decide. Seen in the corpus: company-gitlab and "
    "nonprofit-carpentries route inquiries and ask for participation with no house rules "
    "for comments.",
    fix="Add a `[moderation]`: `house_rules` visitors can read, and `rules` saying what is "
    "hidden, deleted or blocked and when it is escalated. If a moderation protocol of its "
    'own holds them, say where: `[plan.elsewhere]` `moderation = "Moderation protocol"`.',
    example='[objectives.talk]\ntitle = "Start conversations"\n'
    '[channels.facebook]\nplatform = "facebook"  # and no [moderation]',
)
def interaction_without_moderation(context: Context) -> Iterator[Finding]:
    plan = context.plan
    running = channels_in(plan, LIVE)
    moderation = plan.moderation
    if not running or (moderation is not None and (moderation.house_rules or moderation.rules)):
        return
    if elsewhere(plan, "moderation") is not None:
        return
    invitation = _invitation(plan)
    if invitation is not None:
        yield Finding(
            "moderation",
            f"{invitation} on {counted(len(running), 'running channel')}, but no house rules "
            "and no moderation rule say what happens to visitors' posts",
            "add house rules for visitors and moderation rules for the team",
        )


@rule(
    "SP711",
    "metrics-never-reported",
    "warning",
    summary="The plan takes metrics and no report reads them.",
    why="Seed 003 (Q) measures to correct the plan: a metric nobody reports to anyone is "
    "collected, or not, and acted on by nobody. A report says who gathers the figures, how "
    "often, and who decides with them. Seen in the corpus: nonprofit-carpentries lists ten "
    "metrics and names nobody to collect, report or act on them.",
    fix="Add a `[reporting.<id>]` with its `metrics`, its `owner`, who it goes `to` and how "
    "often (`every`). If another document sets the reporting (a performance framework, "
    'a committee\'s reports), say where: `[plan.elsewhere]` `reporting = "..."`.',
    example='[metrics.visits]\nname = "Visits"  # and no [reporting]',
)
def metrics_never_reported(context: Context) -> Iterator[Finding]:
    plan = context.plan
    if plan.metrics and not plan.reporting and elsewhere(plan, "reporting") is None:
        many = counted(len(plan.metrics), "metric")
        verb = "is" if len(plan.metrics) == 1 else "are"
        them = "it" if len(plan.metrics) == 1 else "them"
        yield Finding(
            "reporting",
            f"{many} {verb} taken, but no report says who gathers {them}, who receives {them} "
            "and how often",
            "add a report with its metrics, owner, recipients and cadence",
        )


@rule(
    "SP609",
    "plan-without-review",
    "info",
    summary="Nothing in the plan says when it is reviewed.",
    why="Seed 004's last step launches the plan and reviews it (analyse, adapt, improve) at "
    "a set cadence: a strategy with no review is never judged, and its open questions stay "
    "open. Seen in the corpus: community-open-neuromorphic's initiative is 'in progress' "
    "with no point at which it is judged, and opensource-kubernetes and "
    "regional-gov-generalitat-es give their guidelines no review date.",
    fix='Say how often the plan is reviewed: `[launch]` `review = "quarterly"` (or the '
    "cadence that suits it). If the plan is part of a wider strategy whose review covers it, "
    'say so: `[plan.elsewhere]` `review = "..."`.',
    example='[objectives.known]\ntitle = "Be known"  # and no [launch] review',
)
def plan_without_review(context: Context) -> Iterator[Finding]:
    plan = context.plan
    if not (plan.objectives or channels_in(plan, LIVE)):
        return
    if elsewhere(plan, "review") is not None:
        return  # the wider strategy the plan belongs to sets its review
    if plan.launch is None or plan.launch.review is None:
        yield Finding(
            "launch.review",
            "nothing says when the plan is reviewed: no point at which it is judged and adapted",
            'set a review cadence: [launch] review = "quarterly"',
        )


#: A duty that keeps the strategy itself: writes, reviews or aligns work with the plan.
_KEEPS_THE_PLAN = re.compile(
    r"\b(?:strategy|strategies|the plan|this plan|social media plan|estrategia|el plan"
    r"|este plan|plan de redes)\b"
)


@rule(
    "SP613",
    "review-without-owner",
    "warning",
    summary="The plan says how often it is reviewed, and nobody is charged with the review.",
    why="Seed 004's last step reviews the plan (analyse, adapt, improve) at a set cadence. A "
    "cadence with nobody to run it is a date nobody keeps: the review needs someone who "
    "gathers the results, calls the meeting and changes the plan. Seen in the corpus: "
    "university-csbsju reviews its goals, strategies and measures every year, with no "
    "owner for the review. The review is taken to have someone when the RACI names a role "
    "for the launch step (where the review is), when a role's duties speak of the strategy "
    "or the plan, or when a report goes to named people at the review's cadence.",
    fix='Say who runs the review: `[raci.steps.launch]` with `accountable = ["<role>"]`, or '
    'a duty of the role that keeps the strategy ("review the strategy every year with the '
    'results").',
    example='[launch]\nreview = "yearly"\n[roles.cm]\ntitle = "CM"\nduties = ["post daily"]',
)
def review_without_owner(context: Context) -> Iterator[Finding]:
    plan = context.plan
    review = plan.launch.review if plan.launch is not None else None
    if review is None:
        return
    roles = [role for role in plan.roles.values() if not context.placeholder(role)]
    if not roles:
        return  # nobody is written down yet: the responsibility map is not started
    entry = plan.raci.steps.get("launch") if plan.raci is not None else None
    if entry is not None and (entry.accountable or entry.responsible):
        return
    if any(r.every == review and r.to for r in plan.reporting.values()):
        return  # a report goes to named people at each review: they hold it
    duties = (_same_text(d) for role in roles for d in role.duties)
    if any(_KEEPS_THE_PLAN.search(duty) for duty in duties):
        return
    every = " ".join(str(review).split())  # as written, on one line
    every = every if every.endswith("ly") else f"every {every}"
    yield Finding(
        "launch.review",
        f"the plan is reviewed {every}, and nobody is named to run the review: no role is "
        "accountable for it and no role's duties keep the strategy",
        f"name who runs the review {every}: a duty of the role that keeps the strategy, or "
        '[raci.steps.launch] accountable = ["<role>"] (the review is part of the launch step)',
    )


@rule(
    "SP309",
    "channels-without-resources",
    "warning",
    summary="The plan runs channels and states no staff time or money for them.",
    why="Seed 003 asks what the plan needs (people, tools, money) before it is launched: "
    "posting, replying and reporting on every channel take hours, and a plan that does "
    "not say whose and how many promises what nobody has time for. Seen in the corpus: "
    "council-york schedules posts by the team's capacity to reply and states no staff "
    "time, and nonprofit-carpentries runs eight channels with no budget or staff hours.",
    fix='Add a `[resources.<id>]` of `kind = "people"` saying whose time and how much '
    '("the community manager, 10 hours a week"), or a budget for the channels. If the '
    "annual plan or another document holds them, say where: `[plan.elsewhere]` "
    '`resources = "..."`.',
    example='[channels.x]\nplatform = "x"  # and no people or budget in [resources]',
)
def channels_without_resources(context: Context) -> Iterator[Finding]:
    plan = context.plan
    running = channels_in(plan, LIVE)
    if not running or plan.budget is not None:
        return
    if elsewhere(plan, "resources") or elsewhere(plan, "budget"):
        return
    if any(str(r.kind) in ("people", "budget") for r in plan.resources.values()):
        return
    yield Finding(
        "resources",
        f"the plan runs {counted(len(running), 'channel')} and states no staff time or budget "
        f"for {'it' if len(running) == 1 else 'them'}: nothing says who has the hours to post, "
        "reply and report",
        "add a people resource with whose time and how much, or a budget",
    )
