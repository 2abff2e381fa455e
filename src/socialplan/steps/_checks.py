"""Completion checks: how to tell from a plan's content that a step is done.

A check returns what is missing; nothing missing means done. The 14 steps'
checks are named by their step ids; the other methodologies add a few.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs

from .._core.vocab import Horizon, MessageKind, MetricFamily, ResourceKind
from .._model import Plan

__all__ = ["CHECKS", "Check", "check"]

#: A completion check: the plan in, the list of what is missing out.
Check = Callable[[Plan], list[str]]

#: Every built-in completion check, by name.
CHECKS: dict[str, Check] = {}


def check(name: str) -> Callable[[Callable[[Plan], Iterator[str]]], Check]:
    """Register a completion check under *name*; it yields what is missing."""

    def decorate(function: Callable[[Plan], Iterator[str]]) -> Check:
        def run(plan: Plan) -> list[str]:
            return list(function(plan))

        run.__name__ = run.__qualname__ = name
        run.__doc__ = function.__doc__
        CHECKS[name] = run
        return run

    return decorate


@check("objectives")
def _objectives(plan: Plan) -> Iterator[str]:
    """At least one objective, each supporting a business goal."""
    if not plan.objectives:
        yield "no objective yet"
    for key, objective in plan.objectives.items():
        if not any(goal in plan.business_goals for goal in objective.supports):
            yield f'objective "{key}" supports no business goal'


@check("stakeholder_input")
def _stakeholder_input(plan: Plan) -> Iterator[str]:
    """At least one recorded input (survey, interview) with findings."""
    if not any(i.findings for i in plan.stakeholder_input.values()):
        yield "no stakeholder input with findings yet"


@check("audiences")
def _audiences(plan: Plan) -> Iterator[str]:
    """At least one audience, each with the channels where it is."""
    if not plan.audiences:
        yield "no audience yet"
    for key, audience in plan.audiences.items():
        if not audience.channels:
            yield f'audience "{key}" does not say where it is (channels)'


@check("influence_map")
def _influence_map(plan: Plan) -> Iterator[str]:
    """At least one influencer, with the audiences it sways."""
    if not any(i.influences for i in plan.influencers.values()):
        yield "no influencer with the audiences it sways yet"


@check("responsibility_map")
def _responsibility_map(plan: Plan) -> Iterator[str]:
    """Roles with duties, a community manager, and routes for inquiries, suggestions, complaints."""
    if not plan.roles:
        yield "no role yet"
    for key, role in plan.roles.items():
        if not role.duties:
            yield f'role "{key}" has no duties'
    if plan.roles and not any(r.function == "community_manager" for r in plan.roles.values()):
        yield "no community manager"
    routed = {route.message for route in plan.routing}
    for kind, plural in _ROUTED.items():
        if kind not in routed:
            yield f"no route for {plural}"


_ROUTED = {
    MessageKind.INQUIRY: "inquiries",
    MessageKind.SUGGESTION: "suggestions",
    MessageKind.COMPLAINT: "complaints",
}


@check("channels")
def _channels(plan: Plan) -> Iterator[str]:
    """At least one channel, each with a purpose and the audiences it reaches."""
    if not plan.channels:
        yield "no channel yet"
    for key, channel in plan.channels.items():
        if not channel.purpose:
            yield f'channel "{key}" has no purpose'
        if not channel.audiences:
            yield f'channel "{key}" reaches no audience'


@check("content_strategy")
def _content_strategy(plan: Plan) -> Iterator[str]:
    """Content pillars tied to objectives, sources to reuse, keywords."""
    content = plan.content
    if content is None or not content.pillars:
        yield "no content pillar yet"
    else:
        for key, pillar in content.pillars.items():
            if not pillar.objectives:
                yield f'content pillar "{key}" serves no objective'
    if content is None or not content.sources:
        yield "no content source to reuse"
    if content is None or not content.keywords:
        yield "no keywords"


@check("metrics")
def _metrics(plan: Plan) -> Iterator[str]:
    """Every objective measured, every metric tracing to an objective."""
    if not plan.metrics:
        yield "no metric yet"
    measured = {o for m in plan.metrics.values() for o in m.measures}
    for key in plan.objectives:
        if key not in measured:
            yield f'objective "{key}" is measured by no metric'
    for key, metric in plan.metrics.items():
        if not any(objective in plan.objectives for objective in metric.measures):
            yield f'metric "{key}" measures no objective of the plan'


@check("channel_setup")
def _channel_setup(plan: Plan) -> Iterator[str]:
    """Each channel's profile identity and customizations."""
    if not plan.channels:
        yield "no channel to set up"
    for key, channel in plan.channels.items():
        if channel.profile is None or not any(attrs.astuple(channel.profile)):
            yield f'channel "{key}" has no profile identity'
        if not channel.customizations:
            yield f'channel "{key}" has no customizations'


@check("engagement_framework")
def _engagement_framework(plan: Plan) -> Iterator[str]:
    """Tone, response time, message length and topics, per channel."""
    if not plan.channels:
        yield "no channel to engage on"
    for key in plan.channels:
        rule = plan.engagement.get(key)
        if rule is None:
            yield f'channel "{key}" has no engagement rule'
            continue
        for field in ("tone", "response_time", "message_length", "topics"):
            if not getattr(rule, field):
                yield f'the engagement rule of "{key}" has no {field.replace("_", " ")}'


@check("policy")
def _policy(plan: Plan) -> Iterator[str]:
    """What is acceptable, off limits and confidential; company vs personal capacity."""
    policy = plan.policy
    if policy is None:
        yield "no policy yet"
        return
    for field in ("acceptable", "off_limits", "confidential"):
        if not getattr(policy, field):
            yield f"the policy says nothing {field.replace('_', ' ')}"
    if not policy.company_capacity or not policy.personal_capacity:
        yield "the policy does not set company apart from personal capacity"


@check("initial_content")
def _initial_content(plan: Plan) -> Iterator[str]:
    """An editorial calendar covering every channel."""
    if not plan.calendar:
        yield "no calendar entry yet"
    scheduled = {entry.channel for entry in plan.calendar}
    for key in plan.channels:
        if key not in scheduled:
            yield f'channel "{key}" has nothing in the calendar'


@check("monitoring")
def _monitoring(plan: Plan) -> Iterator[str]:
    """Each metric has a source (tool) and a cadence."""
    if not plan.metrics:
        yield "no metric to monitor"
    for key, metric in plan.metrics.items():
        if not metric.source:
            yield f'metric "{key}" has no source'
        if metric.cadence is None:
            yield f'metric "{key}" has no cadence'


@check("internal_networks")
def _internal_networks(plan: Plan) -> Iterator[str]:
    """An internal advocacy or ambassador plan."""
    advocacy = plan.advocacy
    if advocacy is None or not (advocacy.ambassadors or advocacy.actions):
        yield "no internal advocacy plan (ambassadors, actions)"


@check("launch")
def _launch(plan: Plan) -> Iterator[str]:
    """A launch date and a review (analyze, adapt, improve) cadence."""
    launch = plan.launch
    if launch is None or launch.date is None:
        yield "no launch date"
    if launch is None or launch.review is None:
        yield "no review cadence"


# The other methodologies' steps.


@check("briefing")
def _briefing(plan: Plan) -> Iterator[str]:
    """A briefing: the online presence, objectives and target audience."""
    briefing = plan.briefing
    if briefing is None:
        yield "no briefing yet"
        return
    for field in ("online_presence", "objectives", "target_audience"):
        if not getattr(briefing, field):
            yield f"the briefing says nothing of {field.replace('_', ' ')}"


@check("analysis")
def _analysis(plan: Plan) -> Iterator[str]:
    """The internal and external analysis: company, sector, competitors, situation."""
    analysis = plan.analysis
    if analysis is None:
        yield "no analysis yet"
        return
    for field in ("company", "sector", "competitors", "current_situation"):
        if not getattr(analysis, field):
            yield f"the analysis says nothing of {field.replace('_', ' ')}"


@check("scenarios")
def _scenarios(plan: Plan) -> Iterator[str]:
    """A plan B (and better, a plan C)."""
    if not plan.scenarios:
        yield "no plan B or plan C"


@check("vision")
def _vision(plan: Plan) -> Iterator[str]:
    """A vision and a mission, and a purpose for every platform."""
    if not plan.vision:
        yield "no vision"
    if not plan.mission:
        yield "no mission"
    for key, channel in plan.channels.items():
        if not channel.purpose:
            yield f'channel "{key}" has no purpose of its own'


@check("trial")
def _trial(plan: Plan) -> Iterator[str]:
    """A trial period before the launch."""
    launch = plan.launch
    if launch is None or launch.trial_until is None:
        yield "no trial period (launch.trial_until)"
    elif launch.date is not None and launch.trial_until > launch.date:
        yield f"the trial ends ({launch.trial_until}) after the launch ({launch.date})"


@check("promotion")
def _promotion(plan: Plan) -> Iterator[str]:
    """How the strategy will be promoted: a launch campaign."""
    if plan.launch is None or not plan.launch.campaign:
        yield "no launch campaign (launch.campaign)"


@check("resources")
def _resources(plan: Plan) -> Iterator[str]:
    """People, tools and budget, for the short, medium and long term."""
    kinds = {r.kind for r in plan.resources.values()}
    for kind in ResourceKind:
        if kind not in kinds:
            yield f"no {kind} resources"
    horizons = {r.horizon for r in plan.resources.values()}
    for horizon in Horizon:
        if horizon not in horizons:
            yield f"no resources for the {horizon} term"


@check("tools")
def _tools(plan: Plan) -> Iterator[str]:
    """Productivity and monitoring tools."""
    if not any(r.kind is ResourceKind.TOOL for r in plan.resources.values()):
        yield "no tool among the resources"


def _horizon_check(horizon: Horizon) -> Callable[[Plan], Iterator[str]]:
    def run(plan: Plan) -> Iterator[str]:
        if not any(o.horizon is horizon for o in plan.objectives.values()):
            yield f"no objective for the {horizon} term"

    run.__doc__ = f"At least one objective for the {horizon} term."
    return run


check("short_term")(_horizon_check(Horizon.SHORT))
check("medium_term")(_horizon_check(Horizon.MEDIUM))
check("long_term")(_horizon_check(Horizon.LONG))


@check("roi")
def _roi(plan: Plan) -> Iterator[str]:
    """Business results: a conversion objective with a target, and costs to weigh it against."""
    if not any(
        o.target is not None and o.kind in ("sales", "conversions", "leads")
        for o in plan.objectives.values()
    ):
        yield "no sales, conversions or leads objective with a target"
    if not any(r.cost for r in plan.resources.values()):
        yield "no resource with a cost"


@check("think")
def _think(plan: Plan) -> Iterator[str]:
    """Think and define: objectives, target audiences, messages for them, channels."""
    yield from CHECKS["objectives"](plan)
    yield from CHECKS["audiences"](plan)
    messages = plan.content.messages if plan.content else {}
    for key in plan.audiences:
        if not messages.get(key):
            yield f'no messages for audience "{key}"'
    yield from CHECKS["channels"](plan)


@check("act")
def _act(plan: Plan) -> Iterator[str]:
    """Act and build community: actions in time, resources, indicators by audience and channel."""
    yield from CHECKS["initial_content"](plan)
    if not plan.resources:
        yield "no resources assigned"
    if not any(m.audiences and m.channels for m in plan.metrics.values()):
        yield "no indicator by audience and channel"


@check("monitor")
def _monitor(plan: Plan) -> Iterator[str]:
    """Monitor: every metric taken, and the four families of seed 001 covered."""
    yield from CHECKS["monitoring"](plan)
    families = {m.family for m in plan.metrics.values()}
    for family in MetricFamily:
        if family not in families and family is not MetricFamily.PERCEPTION:  # not seed 001's
            yield f"no {family.replace('_', ' ')} metric"
