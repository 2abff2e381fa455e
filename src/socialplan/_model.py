"""The plan model: every term of the domain as a frozen attrs class.

The model holds data only. It checks local invariants (a percentage is
between 0 and 100); whether the parts of a plan line up is the rules' job.
Parts that a plan holds many of live in mappings keyed by a short id, and
refer to each other by those ids.

Unlike the other modules, this one does not write ``from __future__ import annotations``: the
classes' annotations are evaluated once, as the classes are built, so the converter and the
rules find real types in the fields instead of evaluating hundreds of strings at every start
(issue #16). Annotations that name what is not defined yet are written in quotes.
"""

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._core.diagnostics import MISSING_KEY, FieldError, Severity
from ._core.duration import Duration, Frequency
from ._core.parts import Part
from ._core.placeholders import is_placeholder
from ._core.vocab import (
    CalendarStatus,
    ChannelStatus,
    Combine,
    Direction,
    ExportPlatform,
    FunnelStage,
    GateStatus,
    Horizon,
    KpiLevel,
    Measure,
    Medium,
    MessageKind,
    MessageLength,
    MetricFamily,
    MetricMethod,
    ModerationAction,
    Priority,
    Reach,
    ResourceKind,
    StepStatus,
    TargetAggregate,
    TargetRelative,
    WorkTeam,
)

__all__ = [
    "Advocacy",
    "Analysis",
    "Approval",
    "Audience",
    "Briefing",
    "Budget",
    "BudgetLine",
    "BriefingQuestion",
    "BusinessGoal",
    "CalendarEntry",
    "Channel",
    "CheckSettings",
    "ContentPillar",
    "ContentSource",
    "ContentStrategy",
    "Elsewhere",
    "EngagementRule",
    "Expectation",
    "Feed",
    "Governance",
    "Horizons",
    "Influencer",
    "Launch",
    "LaunchGate",
    "Metric",
    "MethodologySpec",
    "Moderation",
    "ModerationRule",
    "Number",
    "Objective",
    "Plan",
    "Policy",
    "Profile",
    "Raci",
    "RaciEntry",
    "Reporting",
    "Resource",
    "Role",
    "RoutingRule",
    "Scenario",
    "StakeholderInput",
    "StepRecord",
    "StepSpec",
    "Survey",
    "Tactic",
    "Target",
    "Trigger",
    "WorkElement",
]

#: A measured amount: an int where the author wrote one, else a float.
Number = int | float


def _within(
    low: float, high: float | None = None
) -> Callable[[object, "attrs.Attribute[Any]", Any], None]:
    """A validator for a number between *low* and *high* when one is given."""
    expected = f"a number from {low} to {high}" if high is not None else f"a number ≥ {low}"

    def check(_instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is not None and (value < low or (high is not None and value > high)):
            raise FieldError(value, expected, field=attribute.name)

    return check


def _message_length(_instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if value is None or isinstance(value, MessageLength):
        return
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise FieldError(
            value, '"short", "medium", "long" or a number of characters', field=attribute.name
        )


def _list() -> tuple[str, ...]:
    return ()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Horizons(Part):
    """The end dates of the short, medium and long term (seed 003)."""

    short: dt.date | None = None
    medium: dt.date | None = None
    long: dt.date | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Elsewhere(Part):
    """Sections this plan leaves to another document, each with where it is kept.

    A council's moderation protocol, a company's social media policy, the budget in the
    annual plan: the plan points to them instead of repeating them. Each value says where
    (a title or an address); a section kept elsewhere and empty here is neither reported
    missing nor counted as not started.
    """

    business_goals: str | None = None
    audiences: str | None = None
    roles: str | None = None
    routing: str | None = None
    metrics: str | None = None
    reporting: str | None = None
    #: When and how the plan is reviewed (``[launch] review``): a wider strategy's review.
    review: str | None = None
    engagement: str | None = None
    content: str | None = None
    calendar: str | None = None
    policy: str | None = None
    moderation: str | None = None
    approval: str | None = None
    governance: str | None = None
    resources: str | None = None
    budget: str | None = None
    scenarios: str | None = None

    def where(self, section: str) -> str | None:
        """Where *section* is kept, or None when this plan holds it, says nothing, or still
        holds a placeholder there ("TBD").

        >>> Elsewhere(policy="Staff handbook, chapter 4").where("policy")
        'Staff handbook, chapter 4'
        >>> Elsewhere(policy="TBD").where("policy") is None
        True
        """
        value = getattr(self, section)
        return value if isinstance(value, str) and not is_placeholder(value) else None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class BriefingQuestion(Part):
    """A question the briefing answers, such as step 1's "why be on social media?"."""

    ask: str
    answer: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Briefing(Part):
    """The briefing of seed 000: what the company brings to the table."""

    online_presence: str | None = None
    objectives: str | None = None
    target_audience: str | None = None
    market_value: str | None = None
    media_plan: str | None = None
    online_experience: str | None = None
    required_profile: str | None = None
    touchpoints: tuple[str, ...] = attrs.field(factory=_list)
    questions: tuple[BriefingQuestion, ...] = attrs.field(factory=tuple)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Analysis(Part):
    """Internal and external analysis (seed 001), the current situation (seed 000)."""

    company: str | None = None
    sector: str | None = None
    audiences: str | None = None
    competitors: tuple[str, ...] = attrs.field(factory=_list)
    current_situation: str | None = None
    strengths: tuple[str, ...] = attrs.field(factory=_list)
    weaknesses: tuple[str, ...] = attrs.field(factory=_list)
    improvement_points: tuple[str, ...] = attrs.field(factory=_list)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class BusinessGoal(Part):
    """What the company wants; social objectives must support one.

    *cite* says where it comes from (a corporate plan, a decision), as on objectives,
    targets and metrics.
    """

    statement: str
    description: str | None = None
    cite: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Target(Part):
    """Where a quantitative objective should get to, and by when.

    A *relative* target's value is a change over the baseline: with unit ``"%"``,
    ``value = 10`` is 10 % more than the baseline, with any other unit 10 more. Relative to
    the *previous* period (``relative = "previous"``), it is a change over the one before of
    each measurement of the metrics that measure the objective (one period is their cadence),
    and it may have no *value*: then any rise over the previous period meets it. Every other
    target has a value (:func:`target_value_missing`). An *aggregate* target is read over the
    channels named in *across* (all those observed when it names none): their average, their
    total, or on each of them.
    """

    #: Required, unless the target is relative to the previous period (loading says so).
    value: Number | None = attrs.field(
        default=None, metadata={"presence": 'required unless `relative = "previous"`'}
    )
    unit: str
    baseline: Number | None = None
    deadline: dt.date | None = None
    relative: TargetRelative | None = None
    aggregate: TargetAggregate | None = None
    across: tuple[str, ...] = attrs.field(factory=_list)
    cite: str | None = None

    def __attrs_post_init__(self) -> None:
        problem = target_value_missing({"value": self.value, "relative": self.relative})
        if problem is not None:
            raise problem


class MissingValueError(FieldError):
    """A target with no value that is not relative to the previous period."""

    def __init__(self) -> None:
        super().__init__(None, "a number", field="value", code=MISSING_KEY)

    def said(self) -> tuple[str, str | None]:
        """The message and the hint, as load errors say them."""
        return (
            "required key missing",
            'expected a number, unless relative = "previous": then any rise over the '
            "previous period meets it",
        )


def target_value_missing(fields: Mapping[str, Any]) -> FieldError | None:
    """The error of a target table (or a target's fields) *fields* that gives no value and
    is not relative to the previous period; None when it is right.

    Loading asks this of the table as written, so that the missing value is reported with
    every other problem of the target (a wrong unit next to it).
    """
    if fields.get("value") is None and fields.get("relative") != TargetRelative.PREVIOUS:
        return MissingValueError()
    return None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Objective(Part):
    """What social media should achieve for the business."""

    title: str
    kind: str | None = None
    measure: Measure = Measure.QUANTITATIVE
    stage: FunnelStage | None = None
    supports: tuple[str, ...] = attrs.field(factory=_list)
    audiences: tuple[str, ...] = attrs.field(factory=_list)
    target: Target | None = None
    horizon: Horizon | None = None
    description: str | None = None
    cite: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Audience(Part):
    """A persona: who they are and where they are."""

    name: str
    description: str | None = None
    needs: tuple[str, ...] = attrs.field(factory=_list)
    interests: tuple[str, ...] = attrs.field(factory=_list)
    habits: tuple[str, ...] = attrs.field(factory=_list)
    market_value: str | None = None
    channels: tuple[str, ...] = attrs.field(factory=_list)
    priority: Priority | None = None
    #: How the audience is reached outside this plan's channels, when it is (meetings, the
    #: intranet): it is not reported as reached by no channel.
    elsewhere: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Profile(Part):
    """A channel's identity: how the brand shows itself there (step 8)."""

    handle: str | None = None
    display_name: str | None = None
    bio: str | None = None
    url: str | None = None
    avatar: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Channel(Part):
    """A presence on a platform, with its own purpose under one strategic line.

    Its life: *status* (proposed, conditional, active, retiring, retired; without
    one, the channel is in use), *status_note* (the condition of a conditional
    channel, what a retiring one does) and *status_since*; *priority* ranks the
    channels, 1 first.
    """

    platform: str
    purpose: str | None = None
    owner: str | None = None
    audiences: tuple[str, ...] = attrs.field(factory=_list)
    cross_posts_to: tuple[str, ...] = attrs.field(factory=_list)
    profile: Profile | None = None
    customizations: tuple[str, ...] = attrs.field(factory=_list)
    status: ChannelStatus | None = None
    status_note: str | None = None
    status_since: dt.date | None = None
    priority: int | None = attrs.field(default=None, validator=_within(1))


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Influencer(Part):
    """Someone who sways an audience: a blogger, a partner, even a competitor."""

    name: str
    kind: str | None = None
    influences: tuple[str, ...] = attrs.field(factory=_list)
    channels: tuple[str, ...] = attrs.field(factory=_list)
    followers: int | None = attrs.field(default=None, validator=_within(0))
    url: str | None = None
    notes: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Role(Part):
    """A role of the responsibility map, with its people and duties."""

    title: str
    function: str | None = None
    people: tuple[str, ...] = attrs.field(factory=_list)
    duties: tuple[str, ...] = attrs.field(factory=_list)
    escalate_to: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class WorkElement(Part):
    """An element of the work (seed 000: SEO, web, apps, online marketing, social media,
    community) and who executes it: a role of the plan, or a team.

    The *team* is the organisation's own (``internal``), a supplier (``external``) or a
    crowd trusted for its proven results (``crowdsourced``).
    """

    area: str
    executor: str | None = None
    team: WorkTeam | None = None
    note: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class RoutingRule(Part):
    """Which team answers which kind of message, on which channels."""

    message: MessageKind
    to: str
    channels: tuple[str, ...] = attrs.field(factory=_list)
    within: Duration | None = None
    escalate_to: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class RaciEntry(Part):
    """Who is responsible, accountable, consulted and informed."""

    responsible: tuple[str, ...] = attrs.field(factory=_list)
    accountable: tuple[str, ...] = attrs.field(factory=_list)
    consulted: tuple[str, ...] = attrs.field(factory=_list)
    informed: tuple[str, ...] = attrs.field(factory=_list)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Raci(Part):
    """RACI assignments per plan step and per channel, by role id."""

    steps: Mapping[str, RaciEntry] = attrs.field(factory=dict)
    channels: Mapping[str, RaciEntry] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ContentPillar(Part):
    """A theme the content returns to, serving objectives."""

    theme: str
    objectives: tuple[str, ...] = attrs.field(factory=_list)
    share: Number | None = attrs.field(
        default=None,
        validator=_within(0, 100),
    )
    formats: tuple[str, ...] = attrs.field(factory=_list)
    keywords: tuple[str, ...] = attrs.field(factory=_list)
    description: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ContentSource(Part):
    """Existing material to reuse: white papers, case studies, videos."""

    title: str
    kind: str | None = None
    url: str | None = None
    pillars: tuple[str, ...] = attrs.field(factory=_list)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ContentStrategy(Part):
    """Pillars, sources, formats, keywords and messages per audience."""

    pillars: Mapping[str, ContentPillar] = attrs.field(factory=dict)
    sources: Mapping[str, ContentSource] = attrs.field(factory=dict)
    formats: tuple[str, ...] = attrs.field(factory=_list)
    keywords: tuple[str, ...] = attrs.field(factory=_list)
    messages: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Tactic(Part):
    """How a strategy is carried out: what is done, for which objectives, where and by whom.

    A tactic serves *objectives* at a funnel *stage* (seed 004 sets objectives and
    tactics per phase), on *channels*, for *audiences*, with content of *pillars*;
    its *medium* says whether it runs online, offline or across both (seed 000's
    media plan, seed 003's launch campaign), and *starts* and *ends* when.
    """

    title: str
    description: str | None = None
    objectives: tuple[str, ...] = attrs.field(factory=_list)
    stage: FunnelStage | None = None
    channels: tuple[str, ...] = attrs.field(factory=_list)
    audiences: tuple[str, ...] = attrs.field(factory=_list)
    pillars: tuple[str, ...] = attrs.field(factory=_list)
    owner: str | None = None
    medium: Medium | None = None
    starts: dt.date | None = None
    ends: dt.date | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class CalendarEntry(Part):
    """One item of the editorial calendar.

    A recurring item (a weekly tip, a daily story) gives the time between two
    occurrences in *repeat*, and may end on *until*.
    """

    date: dt.date
    channel: str
    title: str
    pillar: str | None = None
    format: str | None = None
    owner: str | None = None
    status: CalendarStatus = CalendarStatus.IDEA
    repeat: Duration | None = None
    until: dt.date | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Survey(Part):
    """How a measure is taken by survey: the question asked, of whom, of how many people."""

    question: str
    population: str | None = None
    sample: int | None = attrs.field(default=None, validator=_within(1))


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Expectation(Part):
    """What a qualitative KPI should read: its sentiment, keywords and voices.

    *positive* is the share of mentions that should be positive at least, *negative*
    the share that may be negative at most, both in per cent (0 to 100, as a content
    pillar's share); *keywords* are the words the organisation wants associated with
    it, *voices* the ids of the plan's influencers it wants among the most active or
    the most influential users.
    """

    positive: Number | None = attrs.field(default=None, validator=_within(0, 100))
    negative: Number | None = attrs.field(default=None, validator=_within(0, 100))
    keywords: tuple[str, ...] = attrs.field(factory=_list)
    voices: tuple[str, ...] = attrs.field(factory=_list)


class ExpectsError(FieldError):
    """Expectations of sentiment, keywords and voices on a metric that is not qualitative."""

    def __init__(self) -> None:
        super().__init__("expects", "a key of a qualitative metric", field="expects")

    def said(self) -> tuple[str, str | None]:
        """The message and the hint, as load errors say them."""
        return (
            "expects is for a qualitative metric, and this metric is quantitative",
            'add kind = "qualitative" to the metric',
        )


#: What a feed that makes readings (``combine = "reading"``) reads: a listening tool's mentions,
#: by their sentiment: per key of the feed, the value it needs and what that value is.
READING_FEED = (
    ("platform", "listening", "a listening tool: a reading counts the mentions it exports"),
    ("layout", "mentions", "the mentions layout: a reading counts the mentions"),
    ("column", "sentiment", "the sentiment column: a reading counts the mentions by sentiment"),
)


class ReadingFeedError(FieldError):
    """A feed with ``combine = "reading"`` where no reading can be made: of a quantitative
    metric, or of another column, layout or platform than a listening tool's mentions' sentiment.

    Located at the feed's key (``feeds[0].column``), as the metric's own error.
    """

    def __init__(self, index: int, key: str, value: object, expected: str, hint: str) -> None:
        super().__init__(value, expected, field=("feeds", index, key), hint=hint)
        self.key = key

    def said(self) -> tuple[str, str | None]:
        """The message and the hint, as load errors say them."""
        if self.key == "combine":
            message = (
                'combine = "reading" is for a qualitative metric, and this one is quantitative'
            )
            return message, self.hint
        return super().said()


class MetricErrors(ExceptionGroup[FieldError], ValueError):
    """The problems a metric's own checks found, when there is more than one."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Feed(Part):
    """Where a metric's values come from in a platform's analytics export, and how.

    The *column* of the exports of *platform* (of its *layout* only, when given: ``posts``,
    ``daily``, ``followers``...) feeds the metric; the rows that fall on one date (the posts
    published that day, a day of a daily file) *combine* into one value: their ``sum``, the
    ``last`` one, their ``mean``, ``max`` or ``min``, or the ``count`` of rows with a value;
    a qualitative metric's ``reading`` counts a listening tool's mentions by their sentiment and
    gathers their keywords (*platform* ``listening``, *column* ``sentiment``).
    The values land on *channel* (a channel id of the plan), or without one on the one
    channel of the metric on that platform.
    """

    platform: ExportPlatform
    column: str
    combine: Combine
    layout: str | None = None
    channel: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Metric(Part):
    """A KPI: what is measured, where, how often, and which objectives it serves.

    *unit_value* is what one unit is worth to the business in the plan's
    currency (a lead, a sale, a booking), for the return on investment.
    *method* is how the figure is taken; a perception measure taken by survey
    (family ``perception``) says how in *survey*. A qualitative metric says in
    *expects* what it should read (sentiment, keywords, voices). *feeds* say which
    columns of the platforms' analytics exports its values are imported from.
    """

    name: str
    kind: Measure = Measure.QUANTITATIVE
    level: KpiLevel | None = None
    family: MetricFamily | None = None
    unit: str | None = None
    measures: tuple[str, ...] = attrs.field(factory=_list)
    channels: tuple[str, ...] = attrs.field(factory=_list)
    audiences: tuple[str, ...] = attrs.field(factory=_list)
    baseline: Number | None = None
    target: Number | None = None
    direction: Direction = Direction.INCREASE
    cadence: Duration | None = None
    source: str | None = None
    unit_value: Number | None = attrs.field(default=None, validator=_within(0))
    method: MetricMethod | None = None
    survey: Survey | None = None
    cite: str | None = None
    priority: Priority | None = None
    expects: Expectation | None = None
    feeds: tuple[Feed, ...] = attrs.field(factory=tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[FieldError] = []
        if self.expects is not None and self.kind is not Measure.QUALITATIVE:
            problems.append(ExpectsError())
        problems.extend(self._reading_problems())
        if len(problems) == 1:
            raise problems[0]
        if problems:
            raise MetricErrors("the metric has problems", problems)

    def _reading_problems(self) -> list[FieldError]:
        """What is wrong with the feeds that make readings (``combine = "reading"``)."""
        found: list[FieldError] = []
        for index, feed in enumerate(self.feeds):
            if feed.combine != Combine.READING:  # (text too, for a feed made in Python)
                continue
            for key, wanted, expected in READING_FEED:
                given = getattr(feed, key)
                if given is not None and given != wanted:
                    found.append(
                        ReadingFeedError(
                            index, key, str(given), expected, f'write {key} = "{wanted}"'
                        )
                    )
            if self.kind != Measure.QUALITATIVE:
                hint = 'add kind = "qualitative" to the metric, or combine the mentions by "count"'
                wanted = 'for a quantitative metric: combine = "reading" is for a qualitative one'
                found.append(ReadingFeedError(index, "combine", str(feed.combine), wanted, hint))
        return found


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Reporting(Part):
    """A report of results: who receives it, how often, where it is published, who makes it.

    *to* names its recipients: role ids, or free text such as "cabinet"; *every* is how
    often it goes out, as a metric's cadence is written; *metrics* the ids it reports.
    """

    title: str
    to: tuple[str, ...] = attrs.field(factory=_list)
    every: Duration | None = None
    where: str | None = None
    owner: str | None = None
    metrics: tuple[str, ...] = attrs.field(factory=_list)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class EngagementRule(Part):
    """How the brand engages on one channel (step 9)."""

    tone: str | None = None
    response_time: Duration | None = None
    message_length: MessageLength | int | None = attrs.field(
        default=None, validator=_message_length
    )
    topics: tuple[str, ...] = attrs.field(factory=_list)
    posting_frequency: Frequency | None = None
    hours: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Policy(Part):
    """What may be said, what may not, and in whose name (step 10)."""

    acceptable: tuple[str, ...] = attrs.field(factory=_list)
    off_limits: tuple[str, ...] = attrs.field(factory=_list)
    confidential: tuple[str, ...] = attrs.field(factory=_list)
    company_capacity: str | None = None
    personal_capacity: str | None = None
    approver: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Governance(Part):
    """Governance of the organisation's other accounts: how one is asked for, and closed.

    A department that wants an account of its own *requests* it, submits what it
    *requires* first (a plan, the people who will run it), and the *approver*
    decides; accounts are reviewed every *review*, and closed for the reasons in
    *closure*.
    """

    requests: str | None = None
    requires: tuple[str, ...] = attrs.field(factory=_list)
    approver: str | None = None
    review: Duration | None = None
    closure: tuple[str, ...] = attrs.field(factory=_list)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModerationRule(Part):
    """What is done with a visitor's post of one kind: hidden, deleted, answered, escalated."""

    when: str
    action: ModerationAction
    escalate_to: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Moderation(Part):
    """Moderation of what visitors post on the plan's channels, apart from its own posts' policy.

    *house_rules* is the text of the house rules, or the address where they are
    published; *rules* say, in order, what is done with each kind of post.
    """

    house_rules: str | None = None
    rules: tuple[ModerationRule, ...] = attrs.field(factory=tuple)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Approval(Part):
    """Approval of drafts before they go out (seed 003, I.3), tied to the calendar's statuses.

    A draft is approved by the *approver* before its calendar entry reaches the
    status *before* (e.g. ``scheduled``); what is *exempt* needs no approval, and
    with *four_eyes* nobody approves their own draft.
    """

    approver: str | None = None
    before: CalendarStatus | None = None
    exempt: tuple[str, ...] = attrs.field(factory=_list)
    four_eyes: bool = False


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Resource(Part):
    """People, a tool or money, for a horizon (seed 003)."""

    kind: ResourceKind
    name: str
    horizon: Horizon | None = None
    cost: Number | None = attrs.field(default=None, validator=_within(0))
    channel: str | None = None
    notes: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class BudgetLine(Part):
    """One allocation of the budget: an amount, for a category, a channel or a horizon."""

    amount: Number = attrs.field(validator=_within(0))
    category: str | None = None
    channel: str | None = None
    horizon: Horizon | None = None
    note: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Budget(Part):
    """The plan's money: a total in a currency (an ISO 4217 code), and how it is allocated.

    Whether the lines add up to the total is for validation to say.
    """

    total: Number | None = attrs.field(default=None, validator=_within(0))
    currency: str | None = None
    lines: tuple[BudgetLine, ...] = attrs.field(factory=tuple)


#: A trigger's threshold written as a share of a target: "60%", "12.5 %".
SHARE_PATTERN = re.compile(r"([0-9]+(?:\.[0-9]+)?) ?%")

#: What a trigger's threshold is expected to be.
EXPECTED_THRESHOLD = 'a number, or a share of the target such as "60%"'


def _threshold(_instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if isinstance(value, str) and SHARE_PATTERN.fullmatch(value) is None:
        raise FieldError(value, EXPECTED_THRESHOLD, field=attribute.name)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Trigger(Part):
    """A condition on one of the plan's metrics that calls for a scenario.

    Exactly one of *below* and *above* is given: a number in the metric's unit, or a
    share of the target the metric is judged against, written ``"60%"``. With *by*, the
    condition is judged on the latest observation on or before that date, once the
    scorecard has reached it; without, on the latest observation.
    """

    metric: str
    below: Number | str | None = attrs.field(default=None, validator=_threshold)
    above: Number | str | None = attrs.field(default=None, validator=_threshold)
    by: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if (self.below is None) == (self.above is None):
            raise TriggerError(both=self.below is not None)

    @property
    def share(self) -> float | None:
        """The threshold as a share of the target (0.6 for ``"60%"``), or None for a number."""
        written = self.below if self.below is not None else self.above
        if not isinstance(written, str):
            return None
        found = SHARE_PATTERN.fullmatch(written)
        return None if found is None else float(found.group(1)) / 100


class TriggerError(FieldError):
    """A trigger that gives both a lower and an upper threshold, or neither."""

    def __init__(self, *, both: bool) -> None:
        given = "both below and above" if both else "neither below nor above"
        super().__init__(given, "a trigger with one of below and above")
        self.given = given

    def said(self) -> tuple[str, str | None]:
        """The message and the hint, as load errors say them."""
        hint = (
            "keep one of them: the metric is either below a number or above it"
            if self.given.startswith("both")
            else 'add below = <a number or "60%"> or above = <a number or "60%">'
        )
        return f"the trigger gives {self.given}: a trigger needs exactly one of them", hint


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Scenario(Part):
    """A plan B or plan C: what happens if things go otherwise (seed 003).

    *when* lists the conditions on the plan's metrics that call for it: the scorecard
    says which of them fired.
    """

    name: str
    trigger: str | None = None
    description: str | None = None
    actions: tuple[str, ...] = attrs.field(factory=_list)
    when: tuple[Trigger, ...] = attrs.field(factory=tuple)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class StakeholderInput(Part):
    """Input gathered from the people involved: a survey, an interview (step 1b)."""

    method: str
    who: str | None = None
    date: dt.date | None = None
    findings: tuple[str, ...] = attrs.field(factory=_list)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Advocacy(Part):
    """The internal advocacy plan: employees and ambassadors (step 13)."""

    description: str | None = None
    ambassadors: tuple[str, ...] = attrs.field(factory=_list)
    actions: tuple[str, ...] = attrs.field(factory=_list)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class LaunchGate(Part):
    """A go/no-go condition of the launch, who decides it, and where it stands."""

    condition: str
    approver: str | None = None
    status: GateStatus = GateStatus.OPEN


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Launch(Part):
    """The launch and the cycle of review that follows it (step 14)."""

    date: dt.date | None = None
    trial_until: dt.date | None = None
    review: Duration | None = None
    campaign: tuple[str, ...] = attrs.field(factory=_list)
    gates: tuple[LaunchGate, ...] = attrs.field(factory=tuple)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class StepRecord(Part):
    """A step marked by hand: its status, owner, due date and a note."""

    status: StepStatus | None = None
    owner: str | None = None
    due: dt.date | None = None
    duration: Duration | None = None
    note: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class StepSpec(Part):
    """A step of a methodology declared in the plan file: what it needs, how it is done."""

    title: str | None = None
    needs: tuple[str, ...] = attrs.field(factory=_list)
    check: str | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class MethodologySpec(Part):
    """The methodology a plan follows: a built-in one by *name*, or its own *steps*."""

    name: str | None = None
    steps: Mapping[str, StepSpec] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class CheckSettings(Part):
    """Which rules run on this plan, ruff-style: codes or prefixes such as "SP2"."""

    select: tuple[str, ...] = attrs.field(factory=_list)
    ignore: tuple[str, ...] = attrs.field(factory=_list)
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    strict: bool = False
    #: Rules ignored where a finding's dotted path matches a pattern (``*`` and ``?``
    #: wildcards), as ruff's per-file ignores: ``{"objectives.legacy_*": ("SP2",)}``.
    per_path_ignores: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Plan(Part):
    """A social-media strategy plan.

    The fields up to ``currency`` are the file's ``[plan]`` table; each of the
    others is a table of its own.
    """

    name: str
    organization: str | None = None
    vision: str | None = None
    mission: str | None = None
    reach: Reach | None = None
    start: dt.date | None = None
    horizons: Horizons | None = None
    currency: str | None = None
    elsewhere: Elsewhere | None = None

    briefing: Briefing | None = None
    analysis: Analysis | None = None
    business_goals: Mapping[str, BusinessGoal] = attrs.field(factory=dict)
    objectives: Mapping[str, Objective] = attrs.field(factory=dict)
    stakeholder_input: Mapping[str, StakeholderInput] = attrs.field(factory=dict)
    audiences: Mapping[str, Audience] = attrs.field(factory=dict)
    channels: Mapping[str, Channel] = attrs.field(factory=dict)
    influencers: Mapping[str, Influencer] = attrs.field(factory=dict)
    roles: Mapping[str, Role] = attrs.field(factory=dict)
    work: Mapping[str, WorkElement] = attrs.field(factory=dict)
    routing: tuple[RoutingRule, ...] = attrs.field(factory=tuple)
    raci: Raci | None = None
    content: ContentStrategy | None = None
    tactics: Mapping[str, Tactic] = attrs.field(factory=dict)
    calendar: tuple[CalendarEntry, ...] = attrs.field(factory=tuple)
    metrics: Mapping[str, Metric] = attrs.field(factory=dict)
    reporting: Mapping[str, Reporting] = attrs.field(factory=dict)
    engagement: Mapping[str, EngagementRule] = attrs.field(factory=dict)
    policy: Policy | None = None
    governance: Governance | None = None
    moderation: Moderation | None = None
    approval: Approval | None = None
    resources: Mapping[str, Resource] = attrs.field(factory=dict)
    budget: Budget | None = None
    scenarios: Mapping[str, Scenario] = attrs.field(factory=dict)
    advocacy: Advocacy | None = None
    launch: Launch | None = None
    steps: Mapping[str, StepRecord] = attrs.field(factory=dict)
    methodology: MethodologySpec | None = None
    check: CheckSettings | None = None

    def evolve(self, **changes: object) -> "Plan":
        """Return a copy of this plan with *changes* applied (``attrs.evolve``)."""
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]

    def with_part(self, table: str, key: str, part: object) -> "Plan":
        """A copy of this plan with *part* set at *key* of *table* (added or replaced).

        >>> plan = Plan(name="A").with_part("business_goals", "b", BusinessGoal(statement="Grow"))
        >>> plan.business_goals["b"].statement
        'Grow'
        """
        return self.evolve(**{table: {**self._keyed(table), key: part}})

    def without_part(self, table: str, key: str) -> "Plan":
        """A copy of this plan without the part at *key* of *table*."""
        parts = self._keyed(table)
        if key not in parts:
            raise KeyError(f"{table} has no {key!r}")
        return self.evolve(**{table: {k: v for k, v in parts.items() if k != key}})

    def with_objective(self, key: str, objective: Objective) -> "Plan":
        """A copy of this plan with *objective* added or replaced: plan B in one line."""
        return self.with_part("objectives", key, objective)

    def _keyed(self, table: str) -> Mapping[str, object]:
        parts = getattr(self, table, None)
        if not isinstance(parts, Mapping) or table == "check":
            raise ValueError(f"{table!r} is not a table of parts keyed by id")
        return parts

    def to_records(self, table: str) -> list[dict[str, object]]:
        """One flat dict per part of *table*, for ``pandas.DataFrame(plan.to_records(...))``."""
        from ._display import records

        return records(self, table)

    def _repr_markdown_(self) -> str:
        from ._display import plan_markdown

        return plan_markdown(self)

    def _repr_html_(self) -> str:
        from ._display import plan_html

        return plan_html(self)


#: The fields of :class:`Plan` that the file keeps in its ``[plan]`` table.
HEADER_FIELDS = (
    "name",
    "organization",
    "vision",
    "mission",
    "reach",
    "start",
    "horizons",
    "currency",
    "elsewhere",
)
