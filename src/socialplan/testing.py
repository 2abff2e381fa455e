"""Hypothesis strategies for socialplan's model, for your tests and ours.

Install with ``pip install socialplan[testing]``.

>>> import socialplan
>>> from hypothesis import given
>>> from socialplan.testing import plans
>>> @given(plans())
... def test_round_trip(plan):
...     assert socialplan.loads(socialplan.dumps(plan)) == plan

:func:`plans` draws complete plans that validate clean: every part lines up.
:func:`loadable_plans` draws plans of every shape the format allows, aligned or
not; :func:`ids`, :func:`durations` and :func:`frequencies` draw the values
those plans are made of.

:func:`observations` draws measured results for a plan, as
:mod:`socialplan.observations` loads them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "socialplan.testing needs hypothesis: pip install 'socialplan[testing]'"
    ) from exc

from ._core.duration import CANONICAL, LONGEST, UNITS, WORDS, Duration, Frequency, seconds_of
from ._core.numbers import LARGEST, SMALLEST, out_of_range
from ._core.placeholders import is_placeholder
from ._core.vocab import (
    CONTENT_FORMATS,
    INFLUENCER_KINDS,
    OBJECTIVE_KINDS,
    PLATFORMS,
    ROLE_FUNCTIONS,
    WORK_AREAS,
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
from ._model import (
    Advocacy,
    Analysis,
    Approval,
    Audience,
    Briefing,
    BriefingQuestion,
    Budget,
    BudgetLine,
    BusinessGoal,
    CalendarEntry,
    Channel,
    ContentPillar,
    ContentSource,
    ContentStrategy,
    Elsewhere,
    EngagementRule,
    Expectation,
    Feed,
    Governance,
    Horizons,
    Influencer,
    Launch,
    LaunchGate,
    Metric,
    Moderation,
    ModerationRule,
    Objective,
    Plan,
    Policy,
    Profile,
    Raci,
    RaciEntry,
    Reporting,
    Resource,
    Role,
    RoutingRule,
    Scenario,
    StakeholderInput,
    StepRecord,
    Survey,
    Tactic,
    Target,
    Trigger,
    WorkElement,
)
from .steps import FOURTEEN_STEPS

if TYPE_CHECKING:
    from .observations import Observation

#: The ids of the default methodology's steps.
STEP_IDS = tuple(FOURTEEN_STEPS.ids)

__all__ = [
    "dates",
    "durations",
    "frequencies",
    "ids",
    "loadable_plans",
    "numbers",
    "observations",
    "plans",
    "texts",
]


def ids() -> st.SearchStrategy[str]:
    """Ids as the file format accepts them: short lowercase slugs."""
    return st.from_regex(r"\A[a-z0-9][a-z0-9_-]{0,15}\Z")


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text a person may type, accents, emoji and control characters included."""
    return st.text(st.characters(exclude_categories=["Cs"]), max_size=max_size)


def _in_range(number: float) -> bool:
    """Whether loading accepts *number*."""
    return out_of_range(number) is None


def numbers() -> st.SearchStrategy[int | float]:
    """Numbers a plan can hold: whole numbers where an author writes them, else floats.

    Within ±1e15, and 0 or at least 1e-15 in size (the range loading accepts), the
    bounds included.
    """
    return st.one_of(
        st.integers(-LARGEST, LARGEST),
        st.floats(-LARGEST, LARGEST).filter(_in_range),
        st.sampled_from([LARGEST, -LARGEST, SMALLEST, -SMALLEST, 0.0, -0.0]),
    )


def dates() -> st.SearchStrategy[dt.date]:
    """Dates a plan can hold."""
    return st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))


def durations() -> st.SearchStrategy[Duration]:
    """Durations written in each accepted spelling, of at most 100 years."""
    amounts = st.integers(1, 500)
    written = st.one_of(
        st.builds(lambda n, u: f"{n} {u}", amounts, st.sampled_from(sorted(UNITS))),
        st.builds(lambda n, u: f"{n}{u}", amounts, st.sampled_from([u for _, u in CANONICAL])),
        st.sampled_from(sorted(WORDS)),
        st.builds(lambda h: f"PT{h}H", amounts),
    )
    return written.filter(lambda text: (seconds_of(text) or 0) <= LONGEST).map(Duration.parse)


def frequencies() -> st.SearchStrategy[Frequency]:
    """Frequencies such as ``"daily"`` or ``"3 per week"``."""
    written = st.one_of(
        st.sampled_from(sorted(WORDS)),
        st.builds(
            lambda n, u: f"{n} per {u}",
            st.integers(1, 50),
            st.sampled_from(["day", "week", "month"]),
        ),
        st.builds(lambda n: f"{n}/week", st.integers(1, 50)),
    )
    return written.map(Frequency.parse)


def _open(known: frozenset[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(sorted(known)), texts(20))


def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _refs(
    pool: list[str], max_size: int = 3, min_size: int = 0
) -> st.SearchStrategy[tuple[str, ...]]:
    if not pool:
        return st.just(())
    size = min(max_size, len(pool))
    return st.lists(
        st.sampled_from(pool), min_size=min(min_size, size), max_size=size, unique=True
    ).map(tuple)


def _ref(pool: list[str]) -> st.SearchStrategy[str | None]:
    return st.none() if not pool else _opt(st.sampled_from(pool))


def _triggers(metric_ids: list[str]) -> st.SearchStrategy[tuple[Trigger, ...]]:
    """A scenario's triggers on the metrics *metric_ids*: below or above a number or a share."""
    if not metric_ids:
        return st.just(())
    thresholds = st.one_of(
        numbers(),
        st.integers(0, 200).map(lambda n: f"{n}%"),
        st.sampled_from(["12.5%", "60 %"]),
    )
    trigger = st.builds(
        lambda metric, below, value, by: Trigger(
            metric=metric, by=by, **{"below" if below else "above": value}
        ),
        st.sampled_from(metric_ids),
        st.booleans(),
        thresholds,
        _opt(dates()),
    )
    return st.lists(trigger, max_size=2).map(tuple)


def _some_of(
    pool: list[str] | tuple[str, ...], values: st.SearchStrategy[Any], max_size: int
) -> st.SearchStrategy[dict[str, Any]]:
    if not pool:
        return st.just({})
    return st.dictionaries(st.sampled_from(pool), values, max_size=max_size)


def _keyed(keys: list[str], strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.tuples(*(strategy for _ in keys)).map(
        lambda values: dict(zip(keys, values, strict=True))
    )


def _recipients(
    role_ids: list[str], text: st.SearchStrategy[str]
) -> st.SearchStrategy[tuple[str, ...]]:
    """Whom a report goes to: role ids, or free text such as "cabinet"."""
    named = st.sampled_from(role_ids) | text if role_ids else text
    return st.lists(named, max_size=3).map(tuple)


def _surveys(t: st.SearchStrategy[str]) -> st.SearchStrategy[Survey]:
    return st.builds(Survey, question=t, population=_opt(t), sample=_opt(st.integers(1, 10**6)))


def _expecting(
    influencer_ids: list[str], words: st.SearchStrategy[tuple[str, ...]]
) -> Callable[[Metric], st.SearchStrategy[Metric]]:
    """A metric as drawn, with what it expects when it is qualitative (only those may)."""
    expectation = st.builds(
        Expectation,
        positive=_opt(st.integers(0, 100) | st.floats(0, 100).filter(_in_range)),
        negative=_opt(st.integers(0, 100)),
        keywords=words,
        voices=_refs(influencer_ids),
    )

    def expecting(metric: Metric) -> st.SearchStrategy[Metric]:
        if metric.kind is not Measure.QUALITATIVE:
            return st.just(metric)
        return _opt(expectation).map(lambda expects: attrs.evolve(metric, expects=expects))

    return expecting


def _feeds(
    channel_ids: list[str], t: st.SearchStrategy[str], *, reading: bool = False
) -> st.SearchStrategy[tuple[Feed, ...]]:
    """Where a metric's values come from in the platforms' exports: none to two feeds; those
    of a qualitative metric (*reading*) may make readings of a listening tool's mentions."""
    channel = _opt(st.sampled_from(channel_ids)) if channel_ids else st.none()
    feed = st.builds(
        Feed,
        platform=st.sampled_from(ExportPlatform),
        column=t,
        combine=st.sampled_from([c for c in Combine if c is not Combine.READING]),
        layout=_opt(t),
        channel=channel,
    )
    if reading:
        feed |= st.builds(
            Feed,
            platform=st.just(ExportPlatform.LISTENING),
            column=st.just("sentiment"),
            combine=st.just(Combine.READING),
            layout=_opt(st.just("mentions")),
            channel=channel,
        )
    return st.lists(feed, max_size=2).map(tuple)


def _reading_feeds(
    channel_ids: list[str], t: st.SearchStrategy[str]
) -> Callable[[Metric], st.SearchStrategy[Metric]]:
    """A qualitative metric's feeds drawn again, readings among them."""

    def feeding(metric: Metric) -> st.SearchStrategy[Metric]:
        if metric.kind is not Measure.QUALITATIVE:
            return st.just(metric)
        feeds = _feeds(channel_ids, t, reading=True)
        return feeds.map(lambda found: attrs.evolve(metric, feeds=found))

    return feeding


@st.composite
def loadable_plans(draw: st.DrawFn, max_items: int = 4) -> Plan:
    """Plans of every shape the format allows, whose references all resolve.

    They load and round-trip, but need not line up: a rule may well find
    fault with them. *max_items* bounds how many of each part a plan has.
    """

    def some_ids() -> list[str]:
        return draw(st.lists(ids(), max_size=max_items, unique=True))

    goal_ids, objective_ids, audience_ids = some_ids(), some_ids(), some_ids()
    channel_ids, role_ids, pillar_ids = some_ids(), some_ids(), some_ids()
    influencer_ids = some_ids()
    t = texts()
    words = st.lists(texts(20), max_size=3).map(tuple)

    target_fields = {
        "unit": texts(10),
        "baseline": _opt(numbers()),
        "deadline": _opt(dates()),
        "aggregate": _opt(st.sampled_from(TargetAggregate)),
        "across": _refs(channel_ids),
        "cite": _opt(t),
    }
    target = st.builds(
        Target, value=numbers(), relative=_opt(st.sampled_from(TargetRelative)), **target_fields
    ) | st.builds(  # any rise over the previous period: the one target with no value
        Target, value=_opt(numbers()), relative=st.just(TargetRelative.PREVIOUS), **target_fields
    )
    objective = st.builds(
        Objective,
        title=t,
        kind=_opt(_open(OBJECTIVE_KINDS)),
        measure=st.sampled_from(Measure),
        stage=_opt(st.sampled_from(FunnelStage)),
        supports=_refs(goal_ids),
        audiences=_refs(audience_ids),
        target=_opt(target),
        horizon=_opt(st.sampled_from(Horizon)),
        description=_opt(t),
        cite=_opt(t),
    )
    channel = st.builds(
        Channel,
        platform=_open(PLATFORMS),
        purpose=_opt(t),
        owner=_ref(role_ids),
        audiences=_refs(audience_ids),
        cross_posts_to=_refs(channel_ids),
        profile=_opt(st.builds(Profile, handle=_opt(t), bio=_opt(t), url=_opt(t))),
        customizations=words,
        status=_opt(st.sampled_from(ChannelStatus)),
        status_note=_opt(t),
        status_since=_opt(dates()),
        priority=_opt(st.integers(1, 10**6)),
    )
    entry = st.builds(
        RaciEntry,
        responsible=_refs(role_ids),
        accountable=_refs(role_ids, 1),
        consulted=_refs(role_ids),
        informed=_refs(role_ids),
    )
    content = st.builds(
        ContentStrategy,
        pillars=_keyed(
            pillar_ids,
            st.builds(
                ContentPillar,
                theme=t,
                objectives=_refs(objective_ids),
                share=_opt(st.integers(0, 100)),
                formats=_refs(sorted(CONTENT_FORMATS)),
                keywords=words,
                description=_opt(t),
            ),
        ),
        sources=st.dictionaries(
            ids(),
            st.builds(ContentSource, title=t, kind=_opt(t), url=_opt(t), pillars=_refs(pillar_ids)),
            max_size=2,
        ),
        formats=words,
        keywords=words,
        messages=_some_of(audience_ids, words, 2),
    )
    metric = st.builds(
        Metric,
        name=t,
        kind=st.sampled_from(Measure),
        level=_opt(st.sampled_from(KpiLevel)),
        family=_opt(st.sampled_from(MetricFamily)),
        unit=_opt(texts(10)),
        measures=_refs(objective_ids),
        channels=_refs(channel_ids),
        audiences=_refs(audience_ids),
        baseline=_opt(numbers()),
        target=_opt(numbers()),
        direction=st.sampled_from(Direction),
        cadence=_opt(durations()),
        source=_opt(t),
        unit_value=_opt(st.integers(0, 10**6)),
        method=_opt(st.sampled_from(MetricMethod)),
        survey=_opt(_surveys(t)),
        cite=_opt(t),
        priority=_opt(st.sampled_from(Priority)),
        feeds=_feeds(channel_ids, t),
    ).flatmap(_expecting(influencer_ids, words))
    metric = metric.flatmap(_reading_feeds(channel_ids, t))
    engagement = st.builds(
        EngagementRule,
        tone=_opt(t),
        response_time=_opt(durations()),
        message_length=_opt(st.sampled_from(MessageLength) | st.integers(1, 10_000)),
        topics=words,
        posting_frequency=_opt(frequencies()),
        hours=_opt(t),
    )
    metrics = draw(st.dictionaries(ids(), metric, max_size=max_items))
    return Plan(
        name=draw(t),
        organization=draw(_opt(t)),
        vision=draw(_opt(t)),
        mission=draw(_opt(t)),
        reach=draw(_opt(st.sampled_from(Reach))),
        start=draw(_opt(dates())),
        horizons=draw(
            _opt(st.builds(Horizons, short=_opt(dates()), medium=_opt(dates()), long=_opt(dates())))
        ),
        currency=draw(_opt(st.sampled_from(["EUR", "USD", "MXN"]))),
        elsewhere=draw(
            _opt(st.builds(Elsewhere, policy=_opt(t), moderation=_opt(t), budget=_opt(t)))
        ),
        briefing=draw(
            _opt(
                st.builds(
                    Briefing,
                    online_presence=_opt(t),
                    objectives=_opt(t),
                    target_audience=_opt(t),
                    touchpoints=words,
                    questions=st.lists(
                        st.builds(BriefingQuestion, ask=t, answer=_opt(t)), max_size=3
                    ).map(tuple),
                )
            )
        ),
        analysis=draw(
            _opt(st.builds(Analysis, company=_opt(t), competitors=words, strengths=words))
        ),
        business_goals=draw(_keyed(goal_ids, st.builds(BusinessGoal, statement=t, cite=_opt(t)))),
        objectives=draw(_keyed(objective_ids, objective)),
        stakeholder_input=draw(
            st.dictionaries(
                ids(),
                st.builds(StakeholderInput, method=t, date=_opt(dates()), findings=words),
                max_size=2,
            )
        ),
        audiences=draw(
            _keyed(
                audience_ids,
                st.builds(
                    Audience,
                    name=t,
                    needs=words,
                    market_value=_opt(t),
                    channels=_refs(channel_ids),
                    priority=_opt(st.sampled_from(Priority)),
                    elsewhere=_opt(t),
                ),
            )
        ),
        channels=draw(_keyed(channel_ids, channel)),
        influencers=draw(
            _keyed(
                influencer_ids,
                st.builds(
                    Influencer,
                    name=t,
                    kind=_opt(_open(INFLUENCER_KINDS)),
                    influences=_refs(audience_ids),
                    channels=_refs(channel_ids),
                    followers=_opt(st.integers(0, 10**9)),
                ),
            )
        ),
        roles=draw(
            _keyed(
                role_ids,
                st.builds(
                    Role,
                    title=t,
                    function=_opt(_open(ROLE_FUNCTIONS)),
                    people=words,
                    duties=words,
                    escalate_to=_ref(role_ids),
                ),
            )
        ),
        work=draw(
            st.dictionaries(
                ids(),
                st.builds(
                    WorkElement,
                    area=_open(WORK_AREAS),
                    executor=_ref(role_ids),
                    team=_opt(st.sampled_from(WorkTeam)),
                    note=_opt(t),
                ),
                max_size=3,
            )
        ),
        routing=draw(
            st.lists(
                st.builds(
                    RoutingRule,
                    message=st.sampled_from(MessageKind),
                    to=st.sampled_from(role_ids) if role_ids else st.nothing(),
                    channels=_refs(channel_ids),
                    within=_opt(durations()),
                    escalate_to=_ref(role_ids),
                ),
                max_size=max_items if role_ids else 0,
            ).map(tuple)
        ),
        raci=draw(
            _opt(
                st.builds(
                    Raci,
                    steps=_some_of(STEP_IDS, entry, 3),
                    channels=_some_of(channel_ids, entry, 2),
                )
            )
        ),
        content=draw(content if pillar_ids else _opt(content)),  # pillars are referred to
        tactics=draw(
            st.dictionaries(
                ids(),
                st.builds(
                    Tactic,
                    title=t,
                    description=_opt(t),
                    objectives=_refs(objective_ids),
                    stage=_opt(st.sampled_from(FunnelStage)),
                    channels=_refs(channel_ids),
                    audiences=_refs(audience_ids),
                    pillars=_refs(pillar_ids),
                    owner=_ref(role_ids),
                    medium=_opt(st.sampled_from(Medium)),
                    starts=_opt(dates()),
                    ends=_opt(dates()),
                ),
                max_size=max_items,
            )
        ),
        calendar=draw(
            st.lists(
                st.builds(
                    CalendarEntry,
                    date=dates(),
                    channel=st.sampled_from(channel_ids) if channel_ids else st.nothing(),
                    title=t,
                    pillar=_ref(pillar_ids),
                    format=_opt(_open(CONTENT_FORMATS)),
                    owner=_ref(role_ids),
                    status=st.sampled_from(CalendarStatus),
                    repeat=_opt(durations()),
                    until=_opt(dates()),
                ),
                max_size=max_items if channel_ids else 0,
            ).map(tuple)
        ),
        metrics=metrics,
        reporting=draw(
            st.dictionaries(
                ids(),
                st.builds(
                    Reporting,
                    title=t,
                    to=_recipients(role_ids, texts(20)),
                    every=_opt(durations()),
                    where=_opt(t),
                    owner=_ref(role_ids),
                    metrics=_refs(list(metrics)),
                ),
                max_size=2,
            )
        ),
        engagement=draw(_some_of(channel_ids, engagement, max_items)),
        policy=draw(
            _opt(
                st.builds(
                    Policy,
                    acceptable=words,
                    off_limits=words,
                    confidential=words,
                    company_capacity=_opt(t),
                    personal_capacity=_opt(t),
                    approver=_ref(role_ids),
                )
            )
        ),
        governance=draw(
            _opt(
                st.builds(
                    Governance,
                    requests=_opt(t),
                    requires=words,
                    approver=_ref(role_ids),
                    review=_opt(durations()),
                    closure=words,
                )
            )
        ),
        moderation=draw(
            _opt(
                st.builds(
                    Moderation,
                    house_rules=_opt(t),
                    rules=st.lists(
                        st.builds(
                            ModerationRule,
                            when=t,
                            action=st.sampled_from(ModerationAction),
                            escalate_to=_ref(role_ids),
                        ),
                        max_size=3,
                    ).map(tuple),
                )
            )
        ),
        approval=draw(
            _opt(
                st.builds(
                    Approval,
                    approver=_ref(role_ids),
                    before=_opt(st.sampled_from(CalendarStatus)),
                    exempt=words,
                    four_eyes=st.booleans(),
                )
            )
        ),
        resources=draw(
            st.dictionaries(
                ids(),
                st.builds(
                    Resource,
                    kind=st.sampled_from(ResourceKind),
                    name=t,
                    horizon=_opt(st.sampled_from(Horizon)),
                    cost=_opt(st.integers(0, 10**9) | st.floats(0, 1e9).filter(_in_range)),
                    channel=_ref(channel_ids),
                ),
                max_size=3,
            )
        ),
        budget=draw(
            _opt(
                st.builds(
                    Budget,
                    total=_opt(st.integers(0, 10**9)),
                    currency=_opt(st.sampled_from(["EUR", "USD", "MXN"])),
                    lines=st.lists(
                        st.builds(
                            BudgetLine,
                            amount=st.integers(0, 10**9) | st.floats(0, 1e9).filter(_in_range),
                            category=_opt(t),
                            channel=_ref(channel_ids),
                            horizon=_opt(st.sampled_from(Horizon)),
                            note=_opt(t),
                        ),
                        max_size=3,
                    ).map(tuple),
                )
            )
        ),
        scenarios=draw(
            st.dictionaries(
                ids(),
                st.builds(
                    Scenario,
                    name=t,
                    trigger=_opt(t),
                    actions=words,
                    when=_triggers(list(metrics)),
                ),
                max_size=2,
            )
        ),
        advocacy=draw(_opt(st.builds(Advocacy, description=_opt(t), ambassadors=words))),
        launch=draw(
            _opt(
                st.builds(
                    Launch,
                    date=_opt(dates()),
                    trial_until=_opt(dates()),
                    review=_opt(durations()),
                    campaign=words,
                    gates=st.lists(
                        st.builds(
                            LaunchGate,
                            condition=t,
                            approver=_ref(role_ids),
                            status=st.sampled_from(GateStatus),
                        ),
                        max_size=3,
                    ).map(tuple),
                )
            )
        ),
        steps=draw(
            _some_of(
                STEP_IDS,
                st.builds(
                    StepRecord,
                    status=_opt(st.sampled_from(StepStatus)),
                    owner=_ref(role_ids),
                    due=_opt(dates()),
                    duration=_opt(durations()),
                    note=_opt(t),
                ),
                3,
            )
        ),
    )


_URGENCY_ORDER = (MessageKind.CRISIS, MessageKind.COMPLAINT)
_STAGE_LEVEL = {
    FunnelStage.AWARENESS: KpiLevel.EXPOSURE,
    FunnelStage.INTEREST: KpiLevel.INTERACTION,
    FunnelStage.DESIRE: KpiLevel.INTERACTION,
    FunnelStage.ACTION: KpiLevel.CONVERSION,
    FunnelStage.RECOMMENDATION: KpiLevel.CONVERSION,
}


def _finished(text: str) -> str:
    """*text*, or words of a plan in place of a placeholder ("TODO", "…", "", ":")."""
    from ._core.placeholders import is_placeholder

    return "Plan text" if is_placeholder(text) else text


def _not_placeholder(text: str) -> bool:
    return not is_placeholder(text)


def _named(text: str, kind: str, index: int) -> str:
    """A name unique within its kind, whatever text it starts from."""
    return f"{text} {kind}{index}".strip()


@st.composite
def plans(draw: st.DrawFn, max_items: int = 4) -> Plan:
    """Complete plans whose parts line up: every rule of the catalog passes them.

    Every objective supports a goal and is measured in its target's unit at
    its stage's KPI level; every audience is reached and every channel owned,
    routed, engaged and scheduled; cross-posting and escalation flow one way.
    *max_items* bounds how many of each part a plan has.
    """
    # No placeholder in a finished plan: SP901 would (rightly) report it, and a rule reads it
    # as absent.
    t = texts().map(_finished)
    short_texts = texts(20).map(_finished)
    pick = draw
    start = pick(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
    offsets = sorted(pick(st.lists(st.integers(30, 1500), min_size=3, max_size=3)))
    short, medium, long = (start + dt.timedelta(days=d) for d in offsets)
    within_plan = st.dates(start, long)

    def some(prefix: str, min_size: int = 1) -> list[str]:
        count = pick(st.integers(min_size, max_items))
        return [f"{prefix}{i}" for i in range(count)]

    goal_ids, audience_ids, channel_ids = some("goal-"), some("aud-"), some("ch-")
    role_ids = some("role-")
    objective_ids = some("obj-", 0)
    pillar_ids = some("pillar-", 0) if objective_ids else []

    # A channel's life, any of them; the first channel is running, so that every audience
    # is reached by a channel that speaks to it (a proposed or retired one does not: SP301).
    statuses = [None] + [pick(_opt(st.sampled_from(ChannelStatus))) for _ in channel_ids[1:]]
    speaking = [
        c
        for c, status in zip(channel_ids, statuses, strict=True)
        if status not in (ChannelStatus.PROPOSED, ChannelStatus.RETIRED)
    ]
    # Each audience is reached by at least one channel, each channel reaches one.
    reach: dict[str, set[str]] = {c: set() for c in channel_ids}
    for position, audience in enumerate(audience_ids):
        reach[speaking[position % len(speaking)]].add(audience)
    for channel in channel_ids:
        reach[channel] |= set(pick(_refs(audience_ids)))
        if not reach[channel]:
            reach[channel].add(pick(st.sampled_from(audience_ids)))

    channels = {
        key: Channel(
            platform=pick(st.sampled_from(sorted(PLATFORMS))),
            # Each channel its own purpose (SP306, SP307).
            purpose=_named(pick(t), "purpose of channel", position),
            owner=pick(st.sampled_from(role_ids)),
            audiences=tuple(sorted(reach[key])),
            cross_posts_to=pick(_refs(channel_ids[position + 1 :], 2)),
            status=statuses[position],
            priority=pick(_opt(st.just(position + 1))),
        )
        for position, key in enumerate(channel_ids)
    }
    audiences = {
        key: Audience(
            name=_named(pick(t), "audience", position),
            needs=pick(st.lists(short_texts, max_size=2).map(tuple)),
            channels=tuple(c for c in channel_ids if key in reach[c]),
            priority=pick(_opt(st.sampled_from(Priority))),
        )
        for position, key in enumerate(audience_ids)
    }
    roles = {
        key: Role(
            # Roles are teams: one person carrying every channel is SP408's finding. The word
            # comes first, as SP408 reads a title up to any "(" the drawn text may hold.
            title=f"Team {position}: " + _named(pick(t), "role", position),
            function="community_manager"
            if position == 0
            else pick(_opt(st.sampled_from(sorted(ROLE_FUNCTIONS)))),
            escalate_to=pick(_opt(st.sampled_from(role_ids[:position]))) if position else None,
        )
        for position, key in enumerate(role_ids)
    }

    objectives: dict[str, Objective] = {}
    metrics: dict[str, Metric] = {}
    from .rules._substance_objectives import OUTCOME_KINDS
    from .rules._substance_outcomes import SEEN_KINDS

    for position, key in enumerate(objective_ids):
        # The first objective's target is about more than exposure (SP215): a plan whose
        # every target counts likes is a vanity plan.
        leading = position == 0
        beyond = [s for s in FunnelStage if s is not FunnelStage.AWARENESS]
        stage = pick(_opt(st.sampled_from(beyond if leading else list(FunnelStage))))
        measure = Measure.QUANTITATIVE if leading else pick(st.sampled_from(Measure))
        direction = pick(st.sampled_from(Direction))
        units = ["likes", "visits", "%", "leads", "hours"]
        unit = pick(st.sampled_from(units[1:] if leading else units))
        low, high = sorted(pick(st.lists(st.integers(0, 10**6), min_size=2, max_size=2)))
        baseline, value = (low, high) if direction is Direction.INCREASE else (high, low)
        target = None
        if measure is Measure.QUANTITATIVE:
            target = Target(
                value=value,
                unit=unit,
                baseline=pick(_opt(st.just(baseline))),
                deadline=pick(within_plan),
            )
        concerns = pick(_refs(audience_ids, min_size=1))
        # Measured where its audiences are: every audience is reached by some channel.
        where = [c for c in channel_ids if reach[c] & set(concerns)]
        if target is not None and pick(st.booleans()):
            # Not an average across channels: one strong channel would hide the others (SP217).
            spread = [a for a in TargetAggregate if a is not TargetAggregate.AVERAGE]
            target = attrs.evolve(
                target,
                aggregate=pick(st.sampled_from(spread)),
                across=pick(_refs(where)),
            )
        # The leading objective is about more than being seen (SP219): not an awareness kind.
        kinds = sorted(OBJECTIVE_KINDS - SEEN_KINDS) if leading else sorted(OBJECTIVE_KINDS)
        kind = pick(_opt(st.sampled_from(kinds)))
        objectives[key] = Objective(
            title=_named(pick(t), "objective", position),
            kind=kind,
            measure=measure,
            stage=stage,
            supports=pick(_refs(goal_ids, min_size=1)),
            audiences=concerns,
            target=target,
            cite=pick(_opt(t)),
        )
        if stage:
            level = _STAGE_LEVEL[stage]
        elif leading or (kind is not None and kind in OUTCOME_KINDS):
            # An outcome is measured beyond exposure (SP214).
            level = pick(st.sampled_from([KpiLevel.INTERACTION, KpiLevel.CONVERSION]))
        else:
            level = pick(st.sampled_from(KpiLevel))
        quantitative = measure is Measure.QUANTITATIVE
        metrics[f"metric-{position}"] = Metric(
            name=_named(pick(t), "metric", position),
            kind=measure,
            level=level,
            family=pick(_opt(st.sampled_from(MetricFamily))),
            unit=unit if quantitative else None,
            measures=(key,),
            channels=pick(_refs(where, min_size=1)),
            baseline=baseline if quantitative else None,
            target=value if quantitative else None,
            direction=direction,
            cadence=pick(durations()),
            source=pick(st.sampled_from(["Google Analytics", "Facebook Insights", "survey"])),
            method=pick(_opt(st.sampled_from(MetricMethod))),
            survey=pick(_opt(_surveys(t))),
            priority=pick(_opt(st.sampled_from(Priority))),
            expects=None
            if quantitative
            else pick(
                _opt(
                    st.builds(
                        Expectation,
                        positive=_opt(st.integers(50, 100)),
                        negative=_opt(st.integers(0, 20)),
                        keywords=st.lists(short_texts, max_size=2).map(tuple),
                    )
                )
            ),
            feeds=pick(_feeds([], short_texts, reading=not quantitative)),
        )

    if objective_ids:  # every goal is served by an objective (SP213): the first takes the rest
        served = {g for o in objectives.values() for g in o.supports}
        head = objective_ids[0]
        left = tuple(g for g in goal_ids if g not in served)
        objectives[head] = attrs.evolve(objectives[head], supports=objectives[head].supports + left)

    first, second, third = sorted(pick(st.lists(st.integers(1, 72), min_size=3, max_size=3)))
    times = {
        MessageKind.CRISIS: first,
        MessageKind.COMPLAINT: second,
        MessageKind.INQUIRY: third,
        MessageKind.SUGGESTION: third,
    }
    routing = tuple(
        RoutingRule(
            message=kind,
            to=pick(st.sampled_from(role_ids)),
            within=Duration.parse(f"{times[kind]}h"),
        )
        for kind in MessageKind
    )
    shares = [100 // len(pillar_ids)] * len(pillar_ids) if pillar_ids else []
    if shares:
        shares[0] += 100 - sum(shares)
    give_shares = pick(st.booleans())
    pillars = {
        key: ContentPillar(
            theme=_named(pick(t), "pillar", position),
            # The first serves every objective: one left unserved is SP218's.
            objectives=tuple(objective_ids)
            if position == 0
            else pick(_refs(objective_ids, min_size=1)),
            share=shares[position] if give_shares else None,
        )
        for position, key in enumerate(pillar_ids)
    }
    approval = pick(
        _opt(
            st.builds(
                Approval,
                approver=st.sampled_from(role_ids),
                before=st.sampled_from(CalendarStatus),
                four_eyes=st.booleans(),
            )
        )
    )
    # Under four eyes nobody approves their own draft (SP607): the approver owns no entry.
    owners = [
        r for r in role_ids if not (approval and approval.four_eyes and r == approval.approver)
    ]
    calendar = tuple(
        CalendarEntry(
            date=pick(within_plan),
            channel=channel,
            title=pick(t),
            pillar=pick(_ref(pillar_ids)),
            owner=pick(_ref(owners)),
            format=pick(_opt(st.sampled_from(sorted(CONTENT_FORMATS)))),
        )
        for channel in channel_ids
    )
    single = st.builds(RaciEntry, accountable=st.sampled_from(role_ids).map(lambda r: (r,)))
    return Plan(
        name=pick(t),
        organization=pick(_opt(t)),
        reach=pick(_opt(st.sampled_from(Reach))),
        start=start,
        horizons=Horizons(short=short, medium=medium, long=long),
        briefing=pick(
            _opt(
                st.builds(
                    Briefing,
                    questions=st.lists(
                        st.builds(BriefingQuestion, ask=short_texts, answer=_opt(t)),
                        max_size=2,
                    ).map(tuple),
                )
            )
        ),
        business_goals={
            key: BusinessGoal(statement=_named(pick(t), "goal", i))
            for i, key in enumerate(goal_ids)
        },
        objectives=objectives,
        audiences=audiences,
        channels=channels,
        roles=roles,
        work={
            area: WorkElement(
                area=area,
                executor=pick(_ref(role_ids)),
                team=pick(_opt(st.sampled_from(WorkTeam))),
            )
            for area in pick(st.lists(st.sampled_from(sorted(WORK_AREAS)), unique=True, max_size=3))
        },
        routing=routing,
        raci=Raci(
            # Someone runs the review of step 14 (SP613).
            steps=pick(_some_of(STEP_IDS, single, 3)) | {"launch": pick(single)},
            channels=pick(_some_of(channel_ids, single, 2)),
        ),
        content=ContentStrategy(pillars=pillars, keywords=("brand",)),
        tactics={
            f"tactic-{position}": Tactic(
                title=_named(pick(t), "tactic", position),
                # The first serves every objective: one left unserved is SP218's.
                objectives=tuple(objective_ids)
                if position == 0
                else pick(_refs(objective_ids, min_size=1)),
                stage=pick(_opt(st.sampled_from(FunnelStage))),
                channels=pick(_refs(channel_ids)),
                audiences=pick(_refs(audience_ids)),
                pillars=pick(_refs(pillar_ids)),
                owner=pick(_ref(role_ids)),
                medium=pick(_opt(st.sampled_from(Medium))),
                starts=pick(_opt(within_plan)),
            )
            for position in range(pick(st.integers(0, len(objective_ids))))
        },
        calendar=calendar,
        metrics=metrics,
        reporting=pick(
            st.dictionaries(
                ids(),
                st.builds(
                    Reporting,
                    title=t,
                    # Someone receives it (SP709): a role, or a body named in words.
                    to=st.lists(
                        st.sampled_from(role_ids) | short_texts.filter(_not_placeholder),
                        min_size=1,
                        max_size=3,
                    ).map(tuple),
                    every=_opt(durations()),
                    owner=_ref(role_ids),
                    metrics=_refs(list(metrics)),
                ),
                # Metrics are reported (SP711).
                min_size=1 if metrics else 0,
                max_size=2,
            )
        ),
        engagement={
            key: EngagementRule(
                tone=pick(_opt(t)),
                response_time=pick(durations()),
                topics=pick(st.lists(short_texts, max_size=2).map(tuple)),
            )
            for key in channel_ids
        },
        policy=Policy(off_limits=("politics",)),
        governance=pick(
            _opt(
                st.builds(
                    Governance,
                    requests=_opt(t),
                    requires=st.lists(short_texts, max_size=2).map(tuple),
                    approver=st.sampled_from(role_ids),
                    review=durations(),
                    # What closes an abandoned account (SP414).
                    closure=st.lists(short_texts, min_size=1, max_size=2).map(tuple),
                )
            )
        ),
        # House rules for visitors (SP506).
        moderation=pick(
            st.builds(
                Moderation,
                house_rules=t,
                rules=st.lists(
                    st.builds(
                        ModerationRule,
                        when=short_texts,
                        action=st.sampled_from(ModerationAction),
                        escalate_to=_opt(st.sampled_from(role_ids)),
                    ),
                    max_size=3,
                ).map(tuple),
            )
        ),
        # A review cadence (SP609).
        launch=Launch(review=pick(durations())),
        # Staff time for the channels (SP309).
        resources={
            "team": Resource(kind=ResourceKind.PEOPLE, name="The community manager's hours")
        },
        approval=approval,
        scenarios=pick(
            st.dictionaries(
                ids(), st.builds(Scenario, name=t, when=_triggers(list(metrics))), max_size=2
            )
        ),
    )


@st.composite
def observations(draw: st.DrawFn, plan: Plan, max_size: int = 20) -> tuple[Observation, ...]:
    """Observations that :func:`socialplan.observations.from_records` accepts for *plan*.

    Each names a metric of the plan, a date within the plan's period when it
    has one, and no channel (the total) or one the metric is taken on (any of
    the plan's when the metric names none); no two share metric, date and
    channel. Values are whole numbers or floats within ±10¹² (0 or at least
    1e-15 in size); a qualitative metric's may hold a reading; notes, when
    given, have no surrounding white space (CSV does not keep it). At most
    *max_size* of them, in no particular order (loading sorts them).
    """
    from .observations import Observation

    if not plan.metrics:
        return ()
    metric_ids = list(plan.metrics)
    channel_ids = list(plan.channels)
    last = plan.horizons.long if plan.horizons else None
    when = st.dates(plan.start, last) if plan.start and last and plan.start <= last else dates()
    values = st.one_of(
        st.integers(-(10**12), 10**12),
        st.floats(-1e12, 1e12).filter(_in_range),
    )
    notes = _opt(texts().map(str.strip).filter(bool))
    seen: set[tuple[str, dt.date, str | None]] = set()
    found: list[Observation] = []
    for _ in range(draw(st.integers(0, max_size))):
        metric = draw(st.sampled_from(metric_ids))
        taken_on = plan.metrics[metric].channels
        channels = [c for c in taken_on if c in plan.channels] if taken_on else channel_ids
        channel = draw(st.sampled_from([None, *channels]))
        date = draw(when)
        if (metric, date, channel) in seen:
            continue
        seen.add((metric, date, channel))
        reading = draw(_readings(plan)) if plan.metrics[metric].kind is Measure.QUALITATIVE else {}
        found.append(
            Observation(
                metric=metric,
                date=date,
                value=draw(values),
                channel=channel,
                note=draw(notes),
                **reading,
            )
        )
    return tuple(found)


def _readings(plan: Plan) -> st.SearchStrategy[dict[str, Any]]:
    """A qualitative metric's reading, or none: sentiment counts, keywords and users.

    Items are text without ``;`` (a CSV cell's separator) or surrounding space; users are
    the plan's influencers' ids or handles of anyone else.
    """
    item = texts(20).map(str.strip).filter(lambda text: bool(text) and ";" not in text)
    users = st.sampled_from(sorted(plan.influencers)) | item if plan.influencers else item
    listed = st.lists(item, max_size=3).map(tuple)
    reading = st.fixed_dictionaries(
        {},
        optional={
            "positive": st.integers(0, 10**6),
            "neutral": st.integers(0, 10**6),
            "negative": st.integers(0, 10**6),
            "keywords": listed,
            "active": st.lists(users, max_size=3).map(tuple),
            "influential": st.lists(users, max_size=3).map(tuple),
        },
    )
    return st.just({}) | reading
