"""Completion checks: how to tell from a plan's content that a step is done.

A check returns what is missing; nothing missing means done. The 14 steps'
checks are named by their step ids; the other methodologies add a few.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import attrs

from .._core.vocab import Horizon, MessageKind, MetricFamily, ResourceKind
from .._model import Plan

__all__ = ["CHECKS", "MISSING", "Check", "Missing", "check"]

#: What a step can lack, in English, by code; ``{key}`` is the id of the part concerned.
#: Other languages word the same codes (the Spanish report: ``socialplan.render._i18n``).
MISSING: Mapping[str, str] = {
    "no_objective": "no objective yet",
    "objective_no_goal": 'objective "{key}" supports no business goal',
    "no_stakeholder_input": "no stakeholder input with findings yet",
    "no_audience": "no audience yet",
    "audience_nowhere": 'audience "{key}" does not say where it is (channels)',
    "no_influencer": "no influencer with the audiences it sways yet",
    "no_role": "no role yet",
    "role_no_duties": 'role "{key}" has no duties',
    "no_community_manager": "no community manager",
    "no_route_inquiry": "no route for inquiries",
    "no_route_suggestion": "no route for suggestions",
    "no_route_complaint": "no route for complaints",
    "no_channel": "no channel yet",
    "channel_no_purpose": 'channel "{key}" has no purpose',
    "channel_no_audience": 'channel "{key}" reaches no audience',
    "no_pillar": "no content pillar yet",
    "pillar_no_objective": 'content pillar "{key}" serves no objective',
    "no_source": "no content source to reuse",
    "no_keywords": "no keywords",
    "no_metric": "no metric yet",
    "objective_unmeasured": 'objective "{key}" is measured by no metric',
    "metric_no_objective": 'metric "{key}" measures no objective of the plan',
    "no_channel_to_set_up": "no channel to set up",
    "channel_no_profile": 'channel "{key}" has no profile identity',
    "channel_no_customizations": 'channel "{key}" has no customizations',
    "no_channel_to_engage": "no channel to engage on",
    "channel_no_engagement": 'channel "{key}" has no engagement rule',
    "engagement_no_tone": 'the engagement rule of "{key}" has no tone',
    "engagement_no_response_time": 'the engagement rule of "{key}" has no response time',
    "engagement_no_message_length": 'the engagement rule of "{key}" has no message length',
    "engagement_no_topics": 'the engagement rule of "{key}" has no topics',
    "no_policy": "no policy yet",
    "policy_no_acceptable": "the policy says nothing acceptable",
    "policy_no_off_limits": "the policy says nothing off limits",
    "policy_no_confidential": "the policy says nothing confidential",
    "policy_no_capacity": "the policy does not set company apart from personal capacity",
    "no_calendar": "no calendar entry yet",
    "channel_not_scheduled": 'channel "{key}" has nothing in the calendar',
    "no_metric_to_monitor": "no metric to monitor",
    "metric_no_source": 'metric "{key}" has no source',
    "metric_no_cadence": 'metric "{key}" has no cadence',
    "no_advocacy": "no internal advocacy plan (ambassadors, actions)",
    "no_launch_date": "no launch date",
    "no_review": "no review cadence",
    "no_briefing": "no briefing yet",
    "briefing_no_online_presence": "the briefing says nothing of online presence",
    "briefing_no_objectives": "the briefing says nothing of objectives",
    "briefing_no_target_audience": "the briefing says nothing of target audience",
    "no_analysis": "no analysis yet",
    "analysis_no_company": "the analysis says nothing of company",
    "analysis_no_sector": "the analysis says nothing of sector",
    "analysis_no_competitors": "the analysis says nothing of competitors",
    "analysis_no_current_situation": "the analysis says nothing of current situation",
    "no_scenarios": "no plan B or plan C",
    "no_vision": "no vision",
    "no_mission": "no mission",
    "channel_no_own_purpose": 'channel "{key}" has no purpose of its own',
    "no_trial": "no trial period (launch.trial_until)",
    "trial_after_launch": "the trial ends ({trial}) after the launch ({launch})",
    "no_campaign": "no launch campaign (launch.campaign)",
    "no_people_resources": "no people resources",
    "no_tool_resources": "no tool resources",
    "no_budget_resources": "no budget resources",
    "no_resources_short": "no resources for the short term",
    "no_resources_medium": "no resources for the medium term",
    "no_resources_long": "no resources for the long term",
    "no_tool": "no tool among the resources",
    "no_objective_short": "no objective for the short term",
    "no_objective_medium": "no objective for the medium term",
    "no_objective_long": "no objective for the long term",
    "no_business_objective": "no sales, conversions or leads objective with a target",
    "no_cost": "no resource with a cost",
    "audience_no_messages": 'no messages for audience "{key}"',
    "no_resources": "no resources assigned",
    "no_indicator": "no indicator by audience and channel",
    "no_content_value_metric": "no content value metric",
    "no_community_size_metric": "no community size metric",
    "no_influence_metric": "no influence metric",
    "no_engagement_metric": "no engagement metric",
    "by_hand": 'an activity: mark it done by hand with status = "done"',
}


class Missing(str):
    """What a step lacks: the English sentence (it is a :class:`str`), with the code of
    :data:`MISSING` and the values (ids) it was made of, for other languages to word.

    >>> lacking = Missing("role_no_duties", key="cm")
    >>> lacking, lacking.code, dict(lacking.values)
    ('role "cm" has no duties', 'role_no_duties', {'key': 'cm'})
    """

    code: str
    values: Mapping[str, str]

    def __new__(cls, code: str, **values: str) -> Missing:
        said = super().__new__(cls, MISSING[code].format(**values))
        said.code = code
        said.values = values
        return said

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, str]]:
        """Copied and pickled as its code and values."""
        return (self.code,), dict(self.values)


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
        yield Missing("no_objective")
    for key, objective in plan.objectives.items():
        if not any(goal in plan.business_goals for goal in objective.supports):
            yield Missing("objective_no_goal", key=key)


@check("stakeholder_input")
def _stakeholder_input(plan: Plan) -> Iterator[str]:
    """At least one recorded input (survey, interview) with findings."""
    if not any(i.findings for i in plan.stakeholder_input.values()):
        yield Missing("no_stakeholder_input")


@check("audiences")
def _audiences(plan: Plan) -> Iterator[str]:
    """At least one audience, each with the channels where it is."""
    if not plan.audiences:
        yield Missing("no_audience")
    for key, audience in plan.audiences.items():
        if not audience.channels:
            yield Missing("audience_nowhere", key=key)


@check("influence_map")
def _influence_map(plan: Plan) -> Iterator[str]:
    """At least one influencer, with the audiences it sways."""
    if not any(i.influences for i in plan.influencers.values()):
        yield Missing("no_influencer")


@check("responsibility_map")
def _responsibility_map(plan: Plan) -> Iterator[str]:
    """Roles with duties, a community manager, and routes for inquiries, suggestions, complaints."""
    if not plan.roles:
        yield Missing("no_role")
    for key, role in plan.roles.items():
        if not role.duties:
            yield Missing("role_no_duties", key=key)
    if plan.roles and not any(r.function == "community_manager" for r in plan.roles.values()):
        yield Missing("no_community_manager")
    routed = {route.message for route in plan.routing}
    for kind in _ROUTED:
        if kind not in routed:
            yield Missing(f"no_route_{kind}")


_ROUTED = (MessageKind.INQUIRY, MessageKind.SUGGESTION, MessageKind.COMPLAINT)


@check("channels")
def _channels(plan: Plan) -> Iterator[str]:
    """At least one channel, each with a purpose and the audiences it reaches."""
    if not plan.channels:
        yield Missing("no_channel")
    for key, channel in plan.channels.items():
        if not channel.purpose:
            yield Missing("channel_no_purpose", key=key)
        if not channel.audiences:
            yield Missing("channel_no_audience", key=key)


@check("content_strategy")
def _content_strategy(plan: Plan) -> Iterator[str]:
    """Content pillars tied to objectives, sources to reuse, keywords."""
    content = plan.content
    if content is None or not content.pillars:
        yield Missing("no_pillar")
    else:
        for key, pillar in content.pillars.items():
            if not pillar.objectives:
                yield Missing("pillar_no_objective", key=key)
    if content is None or not content.sources:
        yield Missing("no_source")
    if content is None or not content.keywords:
        yield Missing("no_keywords")


@check("metrics")
def _metrics(plan: Plan) -> Iterator[str]:
    """Every objective measured, every metric tracing to an objective."""
    if not plan.metrics:
        yield Missing("no_metric")
    measured = {o for m in plan.metrics.values() for o in m.measures}
    for key in plan.objectives:
        if key not in measured:
            yield Missing("objective_unmeasured", key=key)
    for key, metric in plan.metrics.items():
        if not any(objective in plan.objectives for objective in metric.measures):
            yield Missing("metric_no_objective", key=key)


@check("channel_setup")
def _channel_setup(plan: Plan) -> Iterator[str]:
    """Each channel's profile identity and customizations."""
    if not plan.channels:
        yield Missing("no_channel_to_set_up")
    for key, channel in plan.channels.items():
        if channel.profile is None or not any(attrs.astuple(channel.profile)):
            yield Missing("channel_no_profile", key=key)
        if not channel.customizations:
            yield Missing("channel_no_customizations", key=key)


@check("engagement_framework")
def _engagement_framework(plan: Plan) -> Iterator[str]:
    """Tone, response time, message length and topics, per channel."""
    if not plan.channels:
        yield Missing("no_channel_to_engage")
    for key in plan.channels:
        rule = plan.engagement.get(key)
        if rule is None:
            yield Missing("channel_no_engagement", key=key)
            continue
        for field in ("tone", "response_time", "message_length", "topics"):
            if not getattr(rule, field):
                yield Missing(f"engagement_no_{field}", key=key)


@check("policy")
def _policy(plan: Plan) -> Iterator[str]:
    """What is acceptable, off limits and confidential; company vs personal capacity."""
    policy = plan.policy
    if policy is None:
        yield Missing("no_policy")
        return
    for field in ("acceptable", "off_limits", "confidential"):
        if not getattr(policy, field):
            yield Missing(f"policy_no_{field}")
    if not policy.company_capacity or not policy.personal_capacity:
        yield Missing("policy_no_capacity")


@check("initial_content")
def _initial_content(plan: Plan) -> Iterator[str]:
    """An editorial calendar covering every channel."""
    if not plan.calendar:
        yield Missing("no_calendar")
    scheduled = {entry.channel for entry in plan.calendar}
    for key in plan.channels:
        if key not in scheduled:
            yield Missing("channel_not_scheduled", key=key)


@check("monitoring")
def _monitoring(plan: Plan) -> Iterator[str]:
    """Each metric has a source (tool) and a cadence."""
    if not plan.metrics:
        yield Missing("no_metric_to_monitor")
    for key, metric in plan.metrics.items():
        if not metric.source:
            yield Missing("metric_no_source", key=key)
        if metric.cadence is None:
            yield Missing("metric_no_cadence", key=key)


@check("internal_networks")
def _internal_networks(plan: Plan) -> Iterator[str]:
    """An internal advocacy or ambassador plan."""
    advocacy = plan.advocacy
    if advocacy is None or not (advocacy.ambassadors or advocacy.actions):
        yield Missing("no_advocacy")


@check("launch")
def _launch(plan: Plan) -> Iterator[str]:
    """A launch date and a review (analyze, adapt, improve) cadence."""
    launch = plan.launch
    if launch is None or launch.date is None:
        yield Missing("no_launch_date")
    if launch is None or launch.review is None:
        yield Missing("no_review")


# The other methodologies' steps.


@check("briefing")
def _briefing(plan: Plan) -> Iterator[str]:
    """A briefing: the online presence, objectives and target audience."""
    briefing = plan.briefing
    if briefing is None:
        yield Missing("no_briefing")
        return
    for field in ("online_presence", "objectives", "target_audience"):
        if not getattr(briefing, field):
            yield Missing(f"briefing_no_{field}")


@check("analysis")
def _analysis(plan: Plan) -> Iterator[str]:
    """The internal and external analysis: company, sector, competitors, situation."""
    analysis = plan.analysis
    if analysis is None:
        yield Missing("no_analysis")
        return
    for field in ("company", "sector", "competitors", "current_situation"):
        if not getattr(analysis, field):
            yield Missing(f"analysis_no_{field}")


@check("scenarios")
def _scenarios(plan: Plan) -> Iterator[str]:
    """A plan B (and better, a plan C)."""
    if not plan.scenarios:
        yield Missing("no_scenarios")


@check("vision")
def _vision(plan: Plan) -> Iterator[str]:
    """A vision and a mission, and a purpose for every platform."""
    if not plan.vision:
        yield Missing("no_vision")
    if not plan.mission:
        yield Missing("no_mission")
    for key, channel in plan.channels.items():
        if not channel.purpose:
            yield Missing("channel_no_own_purpose", key=key)


@check("trial")
def _trial(plan: Plan) -> Iterator[str]:
    """A trial period before the launch."""
    launch = plan.launch
    if launch is None or launch.trial_until is None:
        yield Missing("no_trial")
    elif launch.date is not None and launch.trial_until > launch.date:
        yield Missing("trial_after_launch", trial=str(launch.trial_until), launch=str(launch.date))


@check("promotion")
def _promotion(plan: Plan) -> Iterator[str]:
    """How the strategy will be promoted: a launch campaign."""
    if plan.launch is None or not plan.launch.campaign:
        yield Missing("no_campaign")


@check("resources")
def _resources(plan: Plan) -> Iterator[str]:
    """People, tools and budget, for the short, medium and long term."""
    kinds = {r.kind for r in plan.resources.values()}
    for kind in ResourceKind:
        if kind not in kinds:
            yield Missing(f"no_{kind}_resources")
    horizons = {r.horizon for r in plan.resources.values()}
    for horizon in Horizon:
        if horizon not in horizons:
            yield Missing(f"no_resources_{horizon}")


@check("tools")
def _tools(plan: Plan) -> Iterator[str]:
    """Productivity and monitoring tools."""
    if not any(r.kind is ResourceKind.TOOL for r in plan.resources.values()):
        yield Missing("no_tool")


def _horizon_check(horizon: Horizon) -> Callable[[Plan], Iterator[str]]:
    def run(plan: Plan) -> Iterator[str]:
        if not any(o.horizon is horizon for o in plan.objectives.values()):
            yield Missing(f"no_objective_{horizon}")

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
        yield Missing("no_business_objective")
    if not any(r.cost for r in plan.resources.values()):
        yield Missing("no_cost")


@check("think")
def _think(plan: Plan) -> Iterator[str]:
    """Think and define: objectives, target audiences, messages for them, channels."""
    yield from CHECKS["objectives"](plan)
    yield from CHECKS["audiences"](plan)
    messages = plan.content.messages if plan.content else {}
    for key in plan.audiences:
        if not messages.get(key):
            yield Missing("audience_no_messages", key=key)
    yield from CHECKS["channels"](plan)


@check("act")
def _act(plan: Plan) -> Iterator[str]:
    """Act and build community: actions in time, resources, indicators by audience and channel."""
    yield from CHECKS["initial_content"](plan)
    if not plan.resources:
        yield Missing("no_resources")
    if not any(m.audiences and m.channels for m in plan.metrics.values()):
        yield Missing("no_indicator")


@check("monitor")
def _monitor(plan: Plan) -> Iterator[str]:
    """Monitor: every metric taken, and the four families of seed 001 covered."""
    yield from CHECKS["monitoring"](plan)
    families = {m.family for m in plan.metrics.values()}
    for family in MetricFamily:
        if family not in families and family is not MetricFamily.PERCEPTION:  # not seed 001's
            yield Missing(f"no_{family}_metric")
