"""A pydantic v2 model equivalent to socialplan's, for the JSON load benchmark only.

It has the same fields with the same types, optionality and defaults as
``socialplan._model``, and is as strict as socialplan's converter: no
coercion (a number is not a string, a bool is not a number), unknown keys are
errors, numbers must be finite, mapping keys must be ids, the same local
invariants (a share from 0 to 100, a cost ≥ 0, a message length > 0), and
parts are frozen. Durations and frequencies are parsed by the same functions
socialplan uses, behind a cache as socialplan's converter caches them, so
that both sides do the same work per value.

socialplan does not depend on pydantic: this module lives with the benchmark.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from socialplan._core.diagnostics import Severity
from socialplan._core.duration import Duration, Frequency
from socialplan._core.vocab import (
    CalendarStatus,
    Direction,
    FunnelStage,
    Horizon,
    KpiLevel,
    Measure,
    MessageKind,
    MessageLength,
    MetricFamily,
    Reach,
    ResourceKind,
    StepStatus,
)

__all__ = ["PydanticPlan"]


@functools.lru_cache(maxsize=4096)
def _duration(text: str) -> Duration:
    return Duration.parse(text)


@functools.lru_cache(maxsize=4096)
def _frequency(text: str) -> Frequency:
    return Frequency.parse(text)


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]*$")]
Number = Annotated[int | float, Field(allow_inf_nan=False)]
DurationText = Annotated[str, AfterValidator(_duration)]
FrequencyText = Annotated[str, AfterValidator(_frequency)]
Names = tuple[str, ...]


class Part(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Horizons(Part):
    short: dt.date | None = None
    medium: dt.date | None = None
    long: dt.date | None = None


class Header(Part):
    name: str
    organization: str | None = None
    vision: str | None = None
    mission: str | None = None
    reach: Reach | None = None
    start: dt.date | None = None
    horizons: Horizons | None = None
    currency: str | None = None


class Briefing(Part):
    online_presence: str | None = None
    objectives: str | None = None
    target_audience: str | None = None
    market_value: str | None = None
    media_plan: str | None = None
    online_experience: str | None = None
    required_profile: str | None = None
    touchpoints: Names = ()


class Analysis(Part):
    company: str | None = None
    sector: str | None = None
    audiences: str | None = None
    competitors: Names = ()
    current_situation: str | None = None
    strengths: Names = ()
    weaknesses: Names = ()
    improvement_points: Names = ()


class BusinessGoal(Part):
    statement: str
    description: str | None = None


class Target(Part):
    value: Number
    unit: str
    baseline: Number | None = None
    deadline: dt.date | None = None


class Objective(Part):
    title: str
    kind: str | None = None
    measure: Measure = Measure.QUANTITATIVE
    stage: FunnelStage | None = None
    supports: Names = ()
    audiences: Names = ()
    target: Target | None = None
    horizon: Horizon | None = None
    description: str | None = None


class Audience(Part):
    name: str
    description: str | None = None
    needs: Names = ()
    interests: Names = ()
    habits: Names = ()
    market_value: str | None = None
    channels: Names = ()


class Profile(Part):
    handle: str | None = None
    display_name: str | None = None
    bio: str | None = None
    url: str | None = None
    avatar: str | None = None


class Channel(Part):
    platform: str
    purpose: str | None = None
    owner: str | None = None
    audiences: Names = ()
    cross_posts_to: Names = ()
    profile: Profile | None = None
    customizations: Names = ()


class Influencer(Part):
    name: str
    kind: str | None = None
    influences: Names = ()
    channels: Names = ()
    followers: Annotated[int, Field(ge=0)] | None = None
    url: str | None = None
    notes: str | None = None


class Role(Part):
    title: str
    function: str | None = None
    people: Names = ()
    duties: Names = ()
    escalate_to: str | None = None


class RoutingRule(Part):
    message: MessageKind
    to: str
    channels: Names = ()
    within: DurationText | None = None
    escalate_to: str | None = None


class RaciEntry(Part):
    responsible: Names = ()
    accountable: Names = ()
    consulted: Names = ()
    informed: Names = ()


class Raci(Part):
    steps: dict[Id, RaciEntry] = Field(default_factory=dict)
    channels: dict[Id, RaciEntry] = Field(default_factory=dict)


class ContentPillar(Part):
    theme: str
    objectives: Names = ()
    share: Annotated[Number, Field(ge=0, le=100)] | None = None
    formats: Names = ()
    keywords: Names = ()
    description: str | None = None


class ContentSource(Part):
    title: str
    kind: str | None = None
    url: str | None = None
    pillars: Names = ()


class ContentStrategy(Part):
    pillars: dict[Id, ContentPillar] = Field(default_factory=dict)
    sources: dict[Id, ContentSource] = Field(default_factory=dict)
    formats: Names = ()
    keywords: Names = ()
    messages: dict[Id, Names] = Field(default_factory=dict)


class CalendarEntry(Part):
    date: dt.date
    channel: str
    title: str
    pillar: str | None = None
    format: str | None = None
    owner: str | None = None
    status: CalendarStatus = CalendarStatus.IDEA
    repeat: DurationText | None = None
    until: dt.date | None = None


class Metric(Part):
    name: str
    kind: Measure = Measure.QUANTITATIVE
    level: KpiLevel | None = None
    family: MetricFamily | None = None
    unit: str | None = None
    measures: Names = ()
    channels: Names = ()
    audiences: Names = ()
    baseline: Number | None = None
    target: Number | None = None
    direction: Direction = Direction.INCREASE
    cadence: DurationText | None = None
    source: str | None = None
    unit_value: Annotated[Number, Field(ge=0)] | None = None


class EngagementRule(Part):
    tone: str | None = None
    response_time: DurationText | None = None
    message_length: MessageLength | Annotated[int, Field(gt=0)] | None = None
    topics: Names = ()
    posting_frequency: FrequencyText | None = None
    hours: str | None = None


class Policy(Part):
    acceptable: Names = ()
    off_limits: Names = ()
    confidential: Names = ()
    company_capacity: str | None = None
    personal_capacity: str | None = None
    approver: str | None = None


class Resource(Part):
    kind: ResourceKind
    name: str
    horizon: Horizon | None = None
    cost: Annotated[Number, Field(ge=0)] | None = None
    channel: str | None = None
    notes: str | None = None


class Scenario(Part):
    name: str
    trigger: str | None = None
    description: str | None = None
    actions: Names = ()


class StakeholderInput(Part):
    method: str
    who: str | None = None
    date: dt.date | None = None
    findings: Names = ()


class Advocacy(Part):
    description: str | None = None
    ambassadors: Names = ()
    actions: Names = ()


class Launch(Part):
    date: dt.date | None = None
    trial_until: dt.date | None = None
    review: DurationText | None = None
    campaign: Names = ()


class StepRecord(Part):
    status: StepStatus | None = None
    owner: str | None = None
    due: dt.date | None = None
    duration: DurationText | None = None
    note: str | None = None


class StepSpec(Part):
    title: str | None = None
    needs: Names = ()
    check: str | None = None


class MethodologySpec(Part):
    name: str | None = None
    steps: dict[Id, StepSpec] = Field(default_factory=dict)


class CheckSettings(Part):
    select: Names = ()
    ignore: Names = ()
    severity: dict[Code, Severity] = Field(default_factory=dict)
    strict: bool = False


class PydanticPlan(Part):
    """A whole plan document, ``format`` and ``[plan]`` header included."""

    format: Literal["socialplan/1"]
    plan: Header
    briefing: Briefing | None = None
    analysis: Analysis | None = None
    business_goals: dict[Id, BusinessGoal] = Field(default_factory=dict)
    objectives: dict[Id, Objective] = Field(default_factory=dict)
    stakeholder_input: dict[Id, StakeholderInput] = Field(default_factory=dict)
    audiences: dict[Id, Audience] = Field(default_factory=dict)
    channels: dict[Id, Channel] = Field(default_factory=dict)
    influencers: dict[Id, Influencer] = Field(default_factory=dict)
    roles: dict[Id, Role] = Field(default_factory=dict)
    routing: tuple[RoutingRule, ...] = ()
    raci: Raci | None = None
    content: ContentStrategy | None = None
    calendar: tuple[CalendarEntry, ...] = ()
    metrics: dict[Id, Metric] = Field(default_factory=dict)
    engagement: dict[Id, EngagementRule] = Field(default_factory=dict)
    policy: Policy | None = None
    resources: dict[Id, Resource] = Field(default_factory=dict)
    scenarios: dict[Id, Scenario] = Field(default_factory=dict)
    advocacy: Advocacy | None = None
    launch: Launch | None = None
    steps: dict[Id, StepRecord] = Field(default_factory=dict)
    methodology: MethodologySpec | None = None
    check: CheckSettings | None = None
