"""Completion checks: how to tell from a plan's content that a step is done.

A check returns what is missing; nothing missing means done. The 14 steps'
checks are named by their step ids; the other methodologies add a few. Each
check also says whether anything of its step is written at all (:data:`WRITTEN`):
a step with something written is not blocked, only unfinished.

Placeholders (TODO, TBD, "…", the starter's texts: :func:`is_placeholder`) are never
content: a part whose identifying text (an objective's title, a channel's platform…)
is a placeholder is not there, and a placeholder field is a missing one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain, compress, repeat
from operator import attrgetter, is_not, not_
from typing import TypeVar

import attrs

from .._core.placeholders import is_placeholder, unwritten_each
from .._core.vocab import Horizon, MessageKind, MetricFamily, ResourceKind
from .._core.written import written_parts
from .._model import Launch, Plan

__all__ = ["CHECKS", "MISSING", "WRITTEN", "Check", "Missing", "check"]

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

#: Whether anything of a step is written: the plan in, True or False out.
Written = Callable[[Plan], bool]

#: Every built-in completion check, by name.
CHECKS: dict[str, Check] = {}

#: For each check, by name: whether the plan has anything written for its step.
WRITTEN: dict[str, Written] = {}

T = TypeVar("T")


def check(
    name: str, written: Written | None = None
) -> Callable[[Callable[[Plan], Iterator[str]]], Check]:
    """Register a completion check under *name*; it yields what is missing.

    *written* tells whether anything of the step is written; without it, a step is
    written when it lacks less than it does on a plan with nothing in it.
    """

    def decorate(function: Callable[[Plan], Iterator[str]]) -> Check:
        def run(plan: Plan) -> list[str]:
            return list(function(plan))

        run.__name__ = run.__qualname__ = name
        run.__doc__ = function.__doc__
        CHECKS[name] = run
        WRITTEN[name] = written or (lambda plan: run(plan) != run(Plan(name=plan.name)))
        return run

    return decorate


def _said(text: str | None) -> bool:
    """Whether *text* holds the plan's own words: given, and not a placeholder."""
    return text is not None and not is_placeholder(text)


def _any_said(texts: Iterable[str]) -> bool:
    return any(map(_said, texts))


#: The parts whose identifying text is the plan's own words, by id: each table judged
#: once while :func:`~socialplan._core.written.judged_once` is on (a validation's rules
#: and steps share it).
_real = written_parts


def _written(texts: Iterable[str | None], *others: object) -> bool:
    """Whether a part with these free *texts* and *others* (dates, durations, ids) is written.

    It is when one of its texts is the plan's own; a part whose texts are all
    placeholders is the starter's, dates and all; one with no text is written when
    it sets anything else.
    """
    given = [text for text in texts if text is not None]
    if given:
        return _any_said(given)
    return any(other not in (None, (), "") for other in others)


def _launch(plan: Plan) -> Launch | None:
    """The plan's launch, unless all it says is placeholders."""
    launch = plan.launch
    if launch is None:
        return None
    texts = [*launch.campaign, *(gate.condition for gate in launch.gates)]
    return launch if _written(texts, launch.date, launch.review, launch.trial_until) else None


@check("objectives", lambda plan: bool(_real(plan.objectives, "title")))
def _objectives(plan: Plan) -> Iterator[str]:
    """At least one objective, each supporting a business goal."""
    objectives = _real(plan.objectives, "title")
    goals = _real(plan.business_goals, "statement")
    if not objectives:
        yield Missing("no_objective")
    for key, objective in objectives.items():
        if not any(goal in goals for goal in objective.supports):
            yield Missing("objective_no_goal", key=key)


def _inputs_written(plan: Plan) -> bool:
    return any(_written([i.method, i.who, *i.findings]) for i in plan.stakeholder_input.values())


@check("stakeholder_input", _inputs_written)
def _stakeholder_input(plan: Plan) -> Iterator[str]:
    """At least one recorded input (survey, interview) with findings."""
    if not any(_any_said(i.findings) for i in plan.stakeholder_input.values()):
        yield Missing("no_stakeholder_input")


def _audiences_of(plan: Plan) -> dict[str, object]:
    return {
        key: audience
        for key, audience in plan.audiences.items()
        if _any_said(filter(None, (audience.name, audience.description)))
    }


@check("audiences", lambda plan: bool(_audiences_of(plan)))
def _audiences(plan: Plan) -> Iterator[str]:
    """At least one audience, each with the channels where it is."""
    audiences = _audiences_of(plan)
    if not audiences:
        yield Missing("no_audience")
    for key in audiences:
        audience = plan.audiences[key]
        if not audience.channels and not _said(audience.elsewhere):
            yield Missing("audience_nowhere", key=key)


@check("influence_map", lambda plan: bool(_real(plan.influencers, "name")))
def _influence_map(plan: Plan) -> Iterator[str]:
    """At least one influencer, with the audiences it sways."""
    if not any(i.influences for i in _real(plan.influencers, "name").values()):
        yield Missing("no_influencer")


def _responsibility_written(plan: Plan) -> bool:
    roles = _real(plan.roles, "title")
    return bool(roles) or any(route.to in roles for route in plan.routing)


@check("responsibility_map", _responsibility_written)
def _responsibility_map(plan: Plan) -> Iterator[str]:
    """Roles with duties, a community manager, and routes for inquiries, suggestions, complaints."""
    roles = _real(plan.roles, "title")  # a route to a role of placeholders routes nowhere yet
    if not roles:
        yield Missing("no_role")
    for key, role in roles.items():
        if not _any_said(role.duties):
            yield Missing("role_no_duties", key=key)
    if roles and not any(r.function == "community_manager" for r in roles.values()):
        yield Missing("no_community_manager")
    routed = {route.message for route in plan.routing if route.to in roles}
    for kind in _ROUTED:
        if kind not in routed:
            yield Missing(f"no_route_{kind}")


_ROUTED = {
    MessageKind.INQUIRY: "inquiries",
    MessageKind.SUGGESTION: "suggestions",
    MessageKind.COMPLAINT: "complaints",
}


@check("channels", lambda plan: bool(_real(plan.channels, "platform")))
def _channels(plan: Plan) -> Iterator[str]:
    """At least one channel, each with a purpose and the audiences it reaches."""
    channels = _real(plan.channels, "platform")
    if not channels:
        yield Missing("no_channel")
    for key, channel in channels.items():
        if not _said(channel.purpose):
            yield Missing("channel_no_purpose", key=key)
        if not channel.audiences:
            yield Missing("channel_no_audience", key=key)


def _content_written(plan: Plan) -> bool:
    content = plan.content
    return content is not None and bool(
        _real(content.pillars, "theme")
        or _real(content.sources, "title")
        or _any_said(content.keywords)
    )


@check("content_strategy", _content_written)
def _content_strategy(plan: Plan) -> Iterator[str]:
    """Content pillars tied to objectives, sources to reuse, keywords."""
    content = plan.content
    pillars = _real(content.pillars, "theme") if content else {}
    if not pillars:
        yield Missing("no_pillar")
    for key, pillar in pillars.items():
        if not pillar.objectives:
            yield Missing("pillar_no_objective", key=key)
    if content is None or not _real(content.sources, "title"):
        yield Missing("no_source")
    if content is None or not _any_said(content.keywords):
        yield Missing("no_keywords")


@check("metrics", lambda plan: bool(_real(plan.metrics, "name")))
def _metrics(plan: Plan) -> Iterator[str]:
    """Every objective measured, every metric tracing to an objective."""
    metrics = _real(plan.metrics, "name")
    objectives = _real(plan.objectives, "title")
    if not metrics:
        yield Missing("no_metric")
    measures = list(map(attrgetter("measures"), metrics.values()))
    measured = set(chain.from_iterable(measures))
    for key in objectives:
        if key not in measured:
            yield Missing("objective_unmeasured", key=key)
    known = objectives.keys()
    if measured.issubset(known):  # most plans: only a metric that measures nothing lacks one
        yield from (
            Missing("metric_no_objective", key=key)
            for key in compress(metrics, map(not_, measures))
        )
        return
    for key, metric in metrics.items():
        if known.isdisjoint(metric.measures):
            yield Missing("metric_no_objective", key=key)


def _profiled(channel: object) -> bool:
    profile = getattr(channel, "profile", None)
    return profile is not None and _any_said(filter(None, attrs.astuple(profile)))


def _setup_written(plan: Plan) -> bool:
    return any(
        _profiled(channel) or _any_said(channel.customizations)
        for channel in _real(plan.channels, "platform").values()
    )


@check("channel_setup", _setup_written)
def _channel_setup(plan: Plan) -> Iterator[str]:
    """Each channel's profile identity and customizations."""
    channels = _real(plan.channels, "platform")
    if not channels:
        yield Missing("no_channel_to_set_up")
    for key, channel in channels.items():
        if not _profiled(channel):
            yield Missing("channel_no_profile", key=key)
        if not _any_said(channel.customizations):
            yield Missing("channel_no_customizations", key=key)


def _engagement_rules(plan: Plan) -> dict[str, object]:
    """The engagement rules written for the plan's channels, by channel."""
    return {
        key: rule
        for key in _real(plan.channels, "platform")
        if (rule := plan.engagement.get(key)) is not None
        and _written(
            [rule.tone, rule.hours, *rule.topics],
            rule.response_time,
            rule.message_length,
            rule.posting_frequency,
        )
    }


@check("engagement_framework", lambda plan: bool(_engagement_rules(plan)))
def _engagement_framework(plan: Plan) -> Iterator[str]:
    """Tone, response time, message length and topics, per channel."""
    channels = _real(plan.channels, "platform")
    rules = _engagement_rules(plan)
    if not channels:
        yield Missing("no_channel_to_engage")
    for key in channels:
        rule = plan.engagement.get(key)
        if key not in rules or rule is None:
            yield Missing("channel_no_engagement", key=key)
            continue
        if not _said(rule.tone):
            yield Missing("engagement_no_tone", key=key)
        for field in ("response_time", "message_length"):
            if getattr(rule, field) is None:
                yield Missing(f"engagement_no_{field}", key=key)
        if not _any_said(rule.topics):
            yield Missing("engagement_no_topics", key=key)


def _elsewhere(plan: Plan, section: str) -> bool:
    """Whether the plan says *section* is kept in another document (``[plan.elsewhere]``)."""
    return plan.elsewhere is not None and plan.elsewhere.where(section) is not None


def _policy_written(plan: Plan) -> bool:
    policy = plan.policy
    if policy is None:
        return _elsewhere(plan, "policy")
    texts = [policy.company_capacity, policy.personal_capacity]
    return _written(
        [*policy.acceptable, *policy.off_limits, *policy.confidential, *texts], policy.approver
    )


@check("policy", _policy_written)
def _policy(plan: Plan) -> Iterator[str]:
    """What is acceptable, off limits and confidential; company vs personal capacity."""
    policy = plan.policy
    if policy is None and _elsewhere(plan, "policy"):
        return
    if policy is None or not _policy_written(plan):
        yield Missing("no_policy")
        return
    for field in ("acceptable", "off_limits", "confidential"):
        if not _any_said(getattr(policy, field)):
            yield Missing(f"policy_no_{field}")
    if not _said(policy.company_capacity) or not _said(policy.personal_capacity):
        yield Missing("policy_no_capacity")


@check("initial_content", lambda plan: any(_said(entry.title) for entry in plan.calendar))
def _initial_content(plan: Plan) -> Iterator[str]:
    """An editorial calendar covering every channel."""
    untitled = unwritten_each([entry.title for entry in plan.calendar])
    entries = [entry for entry, left in zip(plan.calendar, untitled, strict=True) if not left]
    if not entries:
        yield Missing("no_calendar")
    scheduled = {entry.channel for entry in entries}
    for key in _real(plan.channels, "platform"):
        if key not in scheduled:
            yield Missing("channel_not_scheduled", key=key)


def _monitoring_written(plan: Plan) -> bool:
    metrics = _real(plan.metrics, "name").values()
    return any(_said(m.source) or m.cadence is not None for m in metrics)


@check("monitoring", _monitoring_written)
def _monitoring(plan: Plan) -> Iterator[str]:
    """Each metric has a source (tool) and a cadence."""
    metrics = _real(plan.metrics, "name")
    if not metrics:
        yield Missing("no_metric_to_monitor")
    unsourced = unwritten_each([metric.source for metric in metrics.values()])
    cadences = map(attrgetter("cadence"), metrics.values())
    if not any(unsourced) and all(map(is_not, cadences, repeat(None))):
        return  # most plans: every metric has both, at a few calls
    for (key, metric), left in zip(metrics.items(), unsourced, strict=True):
        if left:
            yield Missing("metric_no_source", key=key)
        if metric.cadence is None:
            yield Missing("metric_no_cadence", key=key)


def _advocacy_written(plan: Plan) -> bool:
    advocacy = plan.advocacy
    return advocacy is not None and _any_said(
        filter(None, (advocacy.description, *advocacy.ambassadors, *advocacy.actions))
    )


@check("internal_networks", _advocacy_written)
def _internal_networks(plan: Plan) -> Iterator[str]:
    """An internal advocacy or ambassador plan."""
    advocacy = plan.advocacy
    if advocacy is None or not _any_said((*advocacy.ambassadors, *advocacy.actions)):
        yield Missing("no_advocacy")


@check("launch", lambda plan: _launch(plan) is not None)
def _launch_check(plan: Plan) -> Iterator[str]:
    """A launch date and a review (analyze, adapt, improve) cadence."""
    launch = _launch(plan)
    if launch is None or launch.date is None:
        yield Missing("no_launch_date")
    if launch is None or launch.review is None:
        yield Missing("no_review")


# The other methodologies' steps.


_BRIEFING = ("online_presence", "objectives", "target_audience")


def _briefing_written(plan: Plan) -> bool:
    briefing = plan.briefing
    if briefing is None:
        return False
    texts = [value for value in attrs.astuple(briefing, recurse=False) if isinstance(value, str)]
    answers = [q.answer for q in briefing.questions]
    return _written([*texts, *briefing.touchpoints, *answers])


@check("briefing", _briefing_written)
def _briefing(plan: Plan) -> Iterator[str]:
    """A briefing: the online presence, objectives and target audience."""
    briefing = plan.briefing
    if briefing is None or not _briefing_written(plan):
        yield Missing("no_briefing")
        return
    for field in _BRIEFING:
        if not _said(getattr(briefing, field)):
            yield Missing(f"briefing_no_{field}")


def _analysis_written(plan: Plan) -> bool:
    analysis = plan.analysis
    if analysis is None:
        return False
    values = attrs.astuple(analysis, recurse=False)
    texts = [v for value in values for v in ((value,) if isinstance(value, str) else value or ())]
    return _written(texts)


def _said_in(value: str | tuple[str, ...] | None) -> bool:
    return _said(value) if isinstance(value, str) or value is None else _any_said(value)


@check("analysis", _analysis_written)
def _analysis(plan: Plan) -> Iterator[str]:
    """The internal and external analysis: company, sector, competitors, situation."""
    analysis = plan.analysis
    if analysis is None or not _analysis_written(plan):
        yield Missing("no_analysis")
        return
    for field in ("company", "sector", "competitors", "current_situation"):
        if not _said_in(getattr(analysis, field)):
            yield Missing(f"analysis_no_{field}")


@check("scenarios", lambda plan: bool(_real(plan.scenarios, "name")))
def _scenarios(plan: Plan) -> Iterator[str]:
    """A plan B (and better, a plan C)."""
    if not _real(plan.scenarios, "name"):
        yield Missing("no_scenarios")


@check("vision", lambda plan: _said(plan.vision) or _said(plan.mission))
def _vision(plan: Plan) -> Iterator[str]:
    """A vision and a mission, and a purpose for every platform."""
    if not _said(plan.vision):
        yield Missing("no_vision")
    if not _said(plan.mission):
        yield Missing("no_mission")
    for key, channel in _real(plan.channels, "platform").items():
        if not _said(channel.purpose):
            yield Missing("channel_no_own_purpose", key=key)


def _trial_written(plan: Plan) -> bool:
    launch = _launch(plan)
    return launch is not None and launch.trial_until is not None


@check("trial", _trial_written)
def _trial(plan: Plan) -> Iterator[str]:
    """A trial period before the launch."""
    launch = _launch(plan)
    if launch is None or launch.trial_until is None:
        yield Missing("no_trial")
    elif launch.date is not None and launch.trial_until > launch.date:
        yield Missing("trial_after_launch", trial=str(launch.trial_until), launch=str(launch.date))


def _campaign_written(plan: Plan) -> bool:
    return plan.launch is not None and _any_said(plan.launch.campaign)


@check("promotion", _campaign_written)
def _promotion(plan: Plan) -> Iterator[str]:
    """How the strategy will be promoted: a launch campaign."""
    if not _campaign_written(plan):
        yield Missing("no_campaign")


@check("resources", lambda plan: bool(_real(plan.resources, "name")))
def _resources(plan: Plan) -> Iterator[str]:
    """People, tools and budget, for the short, medium and long term."""
    resources = _real(plan.resources, "name").values()
    kinds = {r.kind for r in resources}
    for kind in ResourceKind:
        if kind not in kinds:
            yield Missing(f"no_{kind}_resources")
    horizons = {r.horizon for r in resources}
    for horizon in Horizon:
        if horizon not in horizons:
            yield Missing(f"no_resources_{horizon}")


def _tools_written(plan: Plan) -> bool:
    return any(r.kind is ResourceKind.TOOL for r in _real(plan.resources, "name").values())


@check("tools", _tools_written)
def _tools(plan: Plan) -> Iterator[str]:
    """Productivity and monitoring tools."""
    if not _tools_written(plan):
        yield Missing("no_tool")


def _horizon_check(horizon: Horizon) -> Callable[[Plan], Iterator[str]]:
    def run(plan: Plan) -> Iterator[str]:
        if not any(o.horizon is horizon for o in _real(plan.objectives, "title").values()):
            yield Missing(f"no_objective_{horizon}")

    run.__doc__ = f"At least one objective for the {horizon} term."
    return run


for _horizon in Horizon:
    check(f"{_horizon}_term", lambda plan: bool(_real(plan.objectives, "title")))(
        _horizon_check(_horizon)
    )


def _converting(plan: Plan) -> bool:
    return any(
        o.target is not None
        and _said(o.target.unit)
        and o.kind in ("sales", "conversions", "leads")
        for o in _real(plan.objectives, "title").values()
    )


def _costed(plan: Plan) -> bool:
    return any(r.cost for r in _real(plan.resources, "name").values())


@check("roi", lambda plan: _converting(plan) or _costed(plan))
def _roi(plan: Plan) -> Iterator[str]:
    """Business results: a conversion objective with a target, and costs to weigh it against."""
    if not _converting(plan):
        yield Missing("no_business_objective")
    if not _costed(plan):
        yield Missing("no_cost")


def _any_written(*names: str) -> Written:
    return lambda plan: any(WRITTEN[name](plan) for name in names)


@check("think", _any_written("objectives", "audiences", "channels"))
def _think(plan: Plan) -> Iterator[str]:
    """Think and define: objectives, target audiences, messages for them, channels."""
    yield from CHECKS["objectives"](plan)
    yield from CHECKS["audiences"](plan)
    messages = plan.content.messages if plan.content else {}
    for key in _audiences_of(plan):
        if not _any_said(messages.get(key, ())):
            yield Missing("audience_no_messages", key=key)
    yield from CHECKS["channels"](plan)


@check("act", _any_written("initial_content", "resources"))
def _act(plan: Plan) -> Iterator[str]:
    """Act and build community: actions in time, resources, indicators by audience and channel."""
    yield from CHECKS["initial_content"](plan)
    if not _real(plan.resources, "name"):
        yield Missing("no_resources")
    if not any(m.audiences and m.channels for m in _real(plan.metrics, "name").values()):
        yield Missing("no_indicator")


@check("monitor", _any_written("monitoring"))
def _monitor(plan: Plan) -> Iterator[str]:
    """Monitor: every metric taken, and the four families of seed 001 covered."""
    yield from CHECKS["monitoring"](plan)
    families = {m.family for m in _real(plan.metrics, "name").values()}
    for family in MetricFamily:
        if family not in families and family is not MetricFamily.PERCEPTION:  # not seed 001's
            yield Missing(f"no_{family}_metric")
