"""A pydantic v2 model equivalent to socialplan's, for the JSON load benchmark only.

It has the same parts and fields with the same types, optionality and defaults as
``socialplan._model`` (a test of the benchmark, ``benchmarks/bench.py``, checks that
it accepts the generated plan before it times anything), and is as strict as
socialplan's converter:

- no coercion (a number is not a string, a bool is not a number), unknown keys are
  errors, parts are frozen;
- numbers are finite, within 1e15 in size and 0 or at least 1e-15; whole numbers within
  1e15; strings at most 100,000 characters; tables and lists at most 1,000,000 entries
  (socialplan's default ``Limits``);
- table keys are ids (the same pattern), a ``[check]`` table's codes are shaped as codes
  and its ``select`` names at least one, its ``per_path_ignores`` keys are not empty;
- the same local invariants: shares from 0 to 100, costs, amounts and follower counts
  ≥ 0, ranks and survey samples ≥ 1, a message length > 0, a trigger's threshold a number
  or a share ("60%"), exactly one of a trigger's ``below`` and ``above``, a metric's
  ``expects`` only on a qualitative metric and its reading feeds as socialplan reads them;
- durations and frequencies are parsed by the same functions socialplan uses, behind a
  cache as socialplan's converter caches them, so that both sides do the same work per
  value; strings of up to 64 characters are cached by pydantic's parser
  (``cache_strings``), as socialplan interns them.

The benchmark checks nothing about the errors each side reports: socialplan's load keeps
reporting every problem at once, with paths, lines and hints, through its detailed pass.

socialplan does not depend on pydantic: this module lives with the benchmark.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from socialplan._core.diagnostics import Severity
from socialplan._core.duration import Duration, Frequency
from socialplan._core.numbers import LARGEST, SMALLEST
from socialplan._core.vocab import (
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
from socialplan._model import READING_FEED, SHARE_PATTERN

__all__ = ["PydanticPlan"]

#: socialplan's default limits (``socialplan.Limits``).
MAX_ITEMS = 1_000_000
MAX_STRING = 100_000


@functools.lru_cache(maxsize=4096)
def _duration(text: str) -> Duration:
    return Duration.parse(text)


@functools.lru_cache(maxsize=4096)
def _frequency(text: str) -> Frequency:
    return Frequency.parse(text)


def _not_tiny(value: float) -> float:
    if value != 0 and abs(value) < SMALLEST:
        raise ValueError("0, or a number of at least 1e-15 in size")
    return value


Text = Annotated[str, StringConstraints(max_length=MAX_STRING)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]+[0-9]*$")]
Pattern = Annotated[str, StringConstraints(min_length=1, max_length=MAX_STRING)]
Whole = Annotated[int, Field(ge=-LARGEST, le=LARGEST)]
Fraction = Annotated[
    float, Field(ge=-LARGEST, le=LARGEST, allow_inf_nan=False), AfterValidator(_not_tiny)
]
Number = Whole | Fraction
NonNegative = Annotated[int, Field(ge=0, le=LARGEST)] | Annotated[Fraction, Field(ge=0)]
Share = Annotated[int, Field(ge=0, le=100)] | Annotated[Fraction, Field(ge=0, le=100)]
Rank = Annotated[int, Field(ge=1, le=LARGEST)]
Threshold = Number | Annotated[str, StringConstraints(pattern=f"^{SHARE_PATTERN.pattern}$")]
DurationText = Annotated[str, StringConstraints(max_length=MAX_STRING), AfterValidator(_duration)]
FrequencyText = Annotated[str, StringConstraints(max_length=MAX_STRING), AfterValidator(_frequency)]
Names = Annotated[tuple[Text, ...], Field(max_length=MAX_ITEMS)]
Codes = Annotated[tuple[Code, ...], Field(max_length=MAX_ITEMS)]


class Part(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def Table(part: object) -> object:
    """A table of parts keyed by id."""
    return Annotated[dict[Id, part], Field(default_factory=dict, max_length=MAX_ITEMS)]  # type: ignore[valid-type]


def Rows(part: object) -> object:
    """A list of parts (``[[routing]]``)."""
    return Annotated[tuple[part, ...], Field(default=(), max_length=MAX_ITEMS)]  # type: ignore[valid-type]


class Horizons(Part):
    short: dt.date | None = None
    medium: dt.date | None = None
    long: dt.date | None = None


class Elsewhere(Part):
    business_goals: Text | None = None
    audiences: Text | None = None
    roles: Text | None = None
    routing: Text | None = None
    metrics: Text | None = None
    reporting: Text | None = None
    review: Text | None = None
    engagement: Text | None = None
    content: Text | None = None
    calendar: Text | None = None
    policy: Text | None = None
    moderation: Text | None = None
    approval: Text | None = None
    governance: Text | None = None
    resources: Text | None = None
    budget: Text | None = None
    scenarios: Text | None = None


class Header(Part):
    name: Text
    organization: Text | None = None
    vision: Text | None = None
    mission: Text | None = None
    reach: Reach | None = None
    start: dt.date | None = None
    horizons: Horizons | None = None
    currency: Text | None = None
    elsewhere: Elsewhere | None = None


class BriefingQuestion(Part):
    ask: Text
    answer: Text | None = None


class Briefing(Part):
    online_presence: Text | None = None
    objectives: Text | None = None
    target_audience: Text | None = None
    market_value: Text | None = None
    media_plan: Text | None = None
    online_experience: Text | None = None
    required_profile: Text | None = None
    touchpoints: Names = ()
    questions: Rows(BriefingQuestion)  # type: ignore[valid-type]


class Analysis(Part):
    company: Text | None = None
    sector: Text | None = None
    audiences: Text | None = None
    competitors: Names = ()
    current_situation: Text | None = None
    strengths: Names = ()
    weaknesses: Names = ()
    improvement_points: Names = ()


class BusinessGoal(Part):
    statement: Text
    description: Text | None = None
    cite: Text | None = None


class Target(Part):
    value: Number
    unit: Text
    baseline: Number | None = None
    deadline: dt.date | None = None
    relative: TargetRelative | None = None
    aggregate: TargetAggregate | None = None
    across: Names = ()
    cite: Text | None = None


class Objective(Part):
    title: Text
    kind: Text | None = None
    measure: Measure = Measure.QUANTITATIVE
    stage: FunnelStage | None = None
    supports: Names = ()
    audiences: Names = ()
    target: Target | None = None
    horizon: Horizon | None = None
    description: Text | None = None
    cite: Text | None = None


class StakeholderInput(Part):
    method: Text
    who: Text | None = None
    date: dt.date | None = None
    findings: Names = ()


class Audience(Part):
    name: Text
    description: Text | None = None
    needs: Names = ()
    interests: Names = ()
    habits: Names = ()
    market_value: Text | None = None
    channels: Names = ()
    priority: Priority | None = None
    elsewhere: Text | None = None


class Profile(Part):
    handle: Text | None = None
    display_name: Text | None = None
    bio: Text | None = None
    url: Text | None = None
    avatar: Text | None = None


class Channel(Part):
    platform: Text
    purpose: Text | None = None
    owner: Text | None = None
    audiences: Names = ()
    cross_posts_to: Names = ()
    profile: Profile | None = None
    customizations: Names = ()
    status: ChannelStatus | None = None
    status_note: Text | None = None
    status_since: dt.date | None = None
    priority: Rank | None = None


class Influencer(Part):
    name: Text
    kind: Text | None = None
    influences: Names = ()
    channels: Names = ()
    followers: Annotated[int, Field(ge=0, le=LARGEST)] | None = None
    url: Text | None = None
    notes: Text | None = None


class Role(Part):
    title: Text
    function: Text | None = None
    people: Names = ()
    duties: Names = ()
    escalate_to: Text | None = None


class WorkElement(Part):
    area: Text
    executor: Text | None = None
    team: WorkTeam | None = None
    note: Text | None = None


class RoutingRule(Part):
    message: MessageKind
    to: Text
    channels: Names = ()
    within: DurationText | None = None
    escalate_to: Text | None = None


class RaciEntry(Part):
    responsible: Names = ()
    accountable: Names = ()
    consulted: Names = ()
    informed: Names = ()


class Raci(Part):
    steps: Table(RaciEntry)  # type: ignore[valid-type]
    channels: Table(RaciEntry)  # type: ignore[valid-type]


class ContentPillar(Part):
    theme: Text
    objectives: Names = ()
    share: Share | None = None
    formats: Names = ()
    keywords: Names = ()
    description: Text | None = None


class ContentSource(Part):
    title: Text
    kind: Text | None = None
    url: Text | None = None
    pillars: Names = ()


class ContentStrategy(Part):
    pillars: Table(ContentPillar)  # type: ignore[valid-type]
    sources: Table(ContentSource)  # type: ignore[valid-type]
    formats: Names = ()
    keywords: Names = ()
    messages: Table(Names)  # type: ignore[valid-type]


class Tactic(Part):
    title: Text
    description: Text | None = None
    objectives: Names = ()
    stage: FunnelStage | None = None
    channels: Names = ()
    audiences: Names = ()
    pillars: Names = ()
    owner: Text | None = None
    medium: Medium | None = None
    starts: dt.date | None = None
    ends: dt.date | None = None


class CalendarEntry(Part):
    date: dt.date
    channel: Text
    title: Text
    pillar: Text | None = None
    format: Text | None = None
    owner: Text | None = None
    status: CalendarStatus = CalendarStatus.IDEA
    repeat: DurationText | None = None
    until: dt.date | None = None


class Survey(Part):
    question: Text
    population: Text | None = None
    sample: Rank | None = None


class Expectation(Part):
    positive: Share | None = None
    negative: Share | None = None
    keywords: Names = ()
    voices: Names = ()


class Feed(Part):
    platform: ExportPlatform
    column: Text
    combine: Combine
    layout: Text | None = None
    channel: Text | None = None


class Metric(Part):
    name: Text
    kind: Measure = Measure.QUANTITATIVE
    level: KpiLevel | None = None
    family: MetricFamily | None = None
    unit: Text | None = None
    measures: Names = ()
    channels: Names = ()
    audiences: Names = ()
    baseline: Number | None = None
    target: Number | None = None
    direction: Direction = Direction.INCREASE
    cadence: DurationText | None = None
    source: Text | None = None
    unit_value: NonNegative | None = None
    method: MetricMethod | None = None
    survey: Survey | None = None
    cite: Text | None = None
    priority: Priority | None = None
    expects: Expectation | None = None
    feeds: Rows(Feed)  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _whole(self) -> Metric:
        """What socialplan's Metric checks of itself once built (``__attrs_post_init__``)."""
        if self.expects is not None and self.kind is not Measure.QUALITATIVE:
            raise ValueError("expects is for a qualitative metric")
        for feed in self.feeds:
            if feed.combine is not Combine.READING:
                continue
            for key, wanted, _ in READING_FEED:
                given = getattr(feed, key)
                if given is not None and given != wanted:
                    raise ValueError(f'a reading feed needs {key} = "{wanted}"')
            if self.kind is not Measure.QUALITATIVE:
                raise ValueError('combine = "reading" is for a qualitative metric')
        return self


class Reporting(Part):
    title: Text
    to: Names = ()
    every: DurationText | None = None
    where: Text | None = None
    owner: Text | None = None
    metrics: Names = ()


class EngagementRule(Part):
    tone: Text | None = None
    response_time: DurationText | None = None
    message_length: MessageLength | Annotated[int, Field(gt=0, le=LARGEST)] | None = None
    topics: Names = ()
    posting_frequency: FrequencyText | None = None
    hours: Text | None = None


class Policy(Part):
    acceptable: Names = ()
    off_limits: Names = ()
    confidential: Names = ()
    company_capacity: Text | None = None
    personal_capacity: Text | None = None
    approver: Text | None = None


class Governance(Part):
    requests: Text | None = None
    requires: Names = ()
    approver: Text | None = None
    review: DurationText | None = None
    closure: Names = ()


class ModerationRule(Part):
    when: Text
    action: ModerationAction
    escalate_to: Text | None = None


class Moderation(Part):
    house_rules: Text | None = None
    rules: Rows(ModerationRule)  # type: ignore[valid-type]


class Approval(Part):
    approver: Text | None = None
    before: CalendarStatus | None = None
    exempt: Names = ()
    four_eyes: bool = False


class Resource(Part):
    kind: ResourceKind
    name: Text
    horizon: Horizon | None = None
    cost: NonNegative | None = None
    channel: Text | None = None
    notes: Text | None = None


class BudgetLine(Part):
    amount: NonNegative
    category: Text | None = None
    channel: Text | None = None
    horizon: Horizon | None = None
    note: Text | None = None


class Budget(Part):
    total: NonNegative | None = None
    currency: Text | None = None
    lines: Rows(BudgetLine)  # type: ignore[valid-type]


class Trigger(Part):
    metric: Text
    below: Threshold | None = None
    above: Threshold | None = None
    by: dt.date | None = None

    @model_validator(mode="after")
    def _one(self) -> Trigger:
        if (self.below is None) == (self.above is None):
            raise ValueError("a trigger with one of below and above")
        return self


class Scenario(Part):
    name: Text
    trigger: Text | None = None
    description: Text | None = None
    actions: Names = ()
    when: Rows(Trigger)  # type: ignore[valid-type]


class Advocacy(Part):
    description: Text | None = None
    ambassadors: Names = ()
    actions: Names = ()


class LaunchGate(Part):
    condition: Text
    approver: Text | None = None
    status: GateStatus = GateStatus.OPEN


class Launch(Part):
    date: dt.date | None = None
    trial_until: dt.date | None = None
    review: DurationText | None = None
    campaign: Names = ()
    gates: Rows(LaunchGate)  # type: ignore[valid-type]


class StepRecord(Part):
    status: StepStatus | None = None
    owner: Text | None = None
    due: dt.date | None = None
    duration: DurationText | None = None
    note: Text | None = None


class StepSpec(Part):
    title: Text | None = None
    needs: Names = ()
    check: Text | None = None


class MethodologySpec(Part):
    name: Text | None = None
    steps: Table(StepSpec)  # type: ignore[valid-type]


class CheckSettings(Part):
    select: Annotated[Codes, Field(min_length=1)] = ()
    ignore: Codes = ()
    severity: Annotated[dict[Code, Severity], Field(default_factory=dict, max_length=MAX_ITEMS)]
    strict: bool = False
    per_path_ignores: Annotated[
        dict[Pattern, Codes], Field(default_factory=dict, max_length=MAX_ITEMS)
    ]


class PydanticPlan(Part):
    """A whole plan document, ``format`` and ``[plan]`` header included."""

    format: Literal["socialplan/1"]
    plan: Header
    briefing: Briefing | None = None
    analysis: Analysis | None = None
    business_goals: Table(BusinessGoal)  # type: ignore[valid-type]
    objectives: Table(Objective)  # type: ignore[valid-type]
    stakeholder_input: Table(StakeholderInput)  # type: ignore[valid-type]
    audiences: Table(Audience)  # type: ignore[valid-type]
    channels: Table(Channel)  # type: ignore[valid-type]
    influencers: Table(Influencer)  # type: ignore[valid-type]
    roles: Table(Role)  # type: ignore[valid-type]
    work: Table(WorkElement)  # type: ignore[valid-type]
    routing: Rows(RoutingRule)  # type: ignore[valid-type]
    raci: Raci | None = None
    content: ContentStrategy | None = None
    tactics: Table(Tactic)  # type: ignore[valid-type]
    calendar: Rows(CalendarEntry)  # type: ignore[valid-type]
    metrics: Table(Metric)  # type: ignore[valid-type]
    reporting: Table(Reporting)  # type: ignore[valid-type]
    engagement: Table(EngagementRule)  # type: ignore[valid-type]
    policy: Policy | None = None
    governance: Governance | None = None
    moderation: Moderation | None = None
    approval: Approval | None = None
    resources: Table(Resource)  # type: ignore[valid-type]
    budget: Budget | None = None
    scenarios: Table(Scenario)  # type: ignore[valid-type]
    advocacy: Advocacy | None = None
    launch: Launch | None = None
    steps: Table(StepRecord)  # type: ignore[valid-type]
    methodology: MethodologySpec | None = None
    check: CheckSettings | None = None
