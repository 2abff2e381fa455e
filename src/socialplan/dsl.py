"""A Python way to write a plan, as readable as the TOML and checked as it is built.

>>> from socialplan.dsl import PlanBuilder
>>> p = PlanBuilder("Cartoon Producciones", reach="national", start="2027-01-10")
>>> brand = p.business_goal("brand_positioning", "Strengthen the brand's positioning")
>>> parents = p.audience("parents", "Parents of children aged 4-10")
>>> cm = p.role("community_manager", "Community manager", function="community_manager")
>>> fb = p.channel("facebook", platform="facebook", owner=cm, reaches=[parents],
...                purpose="Community and customer care")
>>> aware = p.objective("awareness", "Be known among parents", stage="awareness",
...                     supports=[brand], audiences=[parents],
...                     target=p.target(5000, "likes", by="2027-06-30", baseline=1200))
>>> _ = p.metric("page_likes", "Page likes", level=1, unit="likes", measures=[aware], on=[fb],
...              source="Facebook Insights", cadence="weekly")
>>> plan = p.build()
>>> plan.objectives["awareness"].target.value
5000

Each part returns a typed :class:`Ref` to pass where the part is referred to,
so a type checker catches a metric that "measures" a channel. ``build()``
runs the same checks as loading a file and raises the same
:class:`~socialplan.LoadError`, with the same dotted paths.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from typing import Any, Generic, TypeVar

import attrs

from ._core.diagnostics import LoadError
from ._core.duration import Duration, Frequency
from ._model import (
    Audience,
    BusinessGoal,
    Channel,
    ContentPillar,
    Influencer,
    Metric,
    Objective,
    Plan,
    Role,
    Tactic,
)

__all__ = ["PlanBuilder", "Ref"]

T = TypeVar("T")

#: The table each kind of referable part lives in.
_TABLES: dict[type, tuple[str, ...]] = {
    BusinessGoal: ("business_goals",),
    Objective: ("objectives",),
    Audience: ("audiences",),
    Channel: ("channels",),
    Influencer: ("influencers",),
    Role: ("roles",),
    Metric: ("metrics",),
    ContentPillar: ("content", "pillars"),
    Tactic: ("tactics",),
}


@attrs.frozen
class Ref(Generic[T]):
    """A reference to a part of the plan being built, typed by the kind of part.

    Pass it wherever that part is named; ``str(ref)`` is its id.
    """

    kind: type[T] = attrs.field(repr=lambda k: k.__name__)
    id: str

    def __str__(self) -> str:
        return self.id


#: A date, or its ISO 8601 text.
Date = dt.date | str


def _plain(value: Any) -> Any:
    """A Python value as the plain data a TOML file holds."""
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Duration | Frequency):
        return str(value)
    if attrs.has(type(value)):
        from ._io.convert import converter_for

        return converter_for("toml").unstructure(value)
    if isinstance(value, Mapping):
        return {_plain(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _fields(**values: Any) -> dict[str, Any]:
    """The given fields as plain data, leaving out those not given (None or empty)."""
    return {k: _plain(v) for k, v in values.items() if v is not None and v != ()}


class PlanBuilder:
    """Build a :class:`~socialplan.Plan` step by step; :meth:`build` checks and returns it.

    Calling a part's method again with the same id replaces that part.
    """

    def __init__(
        self,
        name: str,
        *,
        organization: str | None = None,
        vision: str | None = None,
        mission: str | None = None,
        reach: str | None = None,
        start: Date | None = None,
        horizons: Mapping[str, Date] | None = None,
        currency: str | None = None,
        elsewhere: Mapping[str, str] | None = None,
    ) -> None:
        """*elsewhere* maps the sections the plan leaves to other documents to where they
        are kept: ``elsewhere={"moderation": "Moderation protocol"}``."""
        header = _fields(
            name=name,
            organization=organization,
            vision=vision,
            mission=mission,
            reach=reach,
            start=start,
            horizons=horizons,
            currency=currency,
            elsewhere=dict(elsewhere) if elsewhere is not None else None,
        )
        self._document: dict[str, Any] = {"format": "socialplan/1", "plan": header}

    # The document and references.

    def _table(self, *path: str) -> dict[str, Any]:
        node = self._document
        for key in path:
            node = node.setdefault(key, {})
        return node

    def _put(self, kind: type[T], key: str, fields: dict[str, Any]) -> Ref[T]:
        self._table(*_TABLES[kind])[key] = fields
        return Ref(kind, key)

    def ref(self, kind: type[T], key: str) -> Ref[T]:
        """A reference to a part already in the plan, e.g. ``p.ref(Objective, "awareness")``.

        Raises ``KeyError`` (with a suggestion) if there is no such part.
        """
        from ._core.vocab import did_you_mean

        table = self._document
        for part in _TABLES[kind]:
            table = table.get(part, {})
        if key not in table:
            near = did_you_mean(key, table)
            hint = f'; did you mean "{near}"?' if near else ""
            raise KeyError(f"no {kind.__name__} {key!r} in the plan{hint}")
        return Ref(kind, key)

    # The plan's parts, in the order of the file format.

    def briefing(self, **fields: Any) -> None:
        """Set the briefing (online_presence, objectives, target_audience, …, questions).

        The questions added with :meth:`briefing_question` are kept unless *questions* is given.
        """
        questions = self._document.get("briefing", {}).get("questions")
        self._document["briefing"] = {
            **({"questions": questions} if questions else {}),
            **_fields(**fields),
        }

    def briefing_question(self, ask: str, answer: str | None = None) -> None:
        """Add a question the briefing answers, such as "why be on social media?" (step 1)."""
        self._table("briefing").setdefault("questions", []).append(_fields(ask=ask, answer=answer))

    def analysis(self, **fields: Any) -> None:
        """Set the analysis (company, sector, competitors, current_situation, …)."""
        self._document["analysis"] = _fields(**fields)

    def business_goal(
        self,
        key: str,
        statement: str,
        *,
        description: str | None = None,
        cite: str | None = None,
    ) -> Ref[BusinessGoal]:
        """Add a business goal: what the company wants (*cite*: where that is said)."""
        return self._put(
            BusinessGoal, key, _fields(statement=statement, description=description, cite=cite)
        )

    def target(
        self,
        value: float | None,
        unit: str,
        *,
        by: Date | None = None,
        baseline: float | None = None,
        relative: str | None = None,
        aggregate: str | None = None,
        across: Sequence[Ref[Channel] | str] = (),
        cite: str | None = None,
    ) -> dict[str, Any]:
        """A target for :meth:`objective`: *value* in *unit* by a date, from a baseline.

        ``relative="baseline"`` makes *value* a change over the baseline (``10, "%"``: 10 %
        more), ``relative="previous"`` a change over the previous period (the cadence of the
        objective's metrics), where *value* ``None`` is any rise over it; *aggregate*
        (``"average"``, ``"total"``, ``"each"``) reads it over the
        channels *across*.
        """
        return _fields(
            value=value,
            unit=unit,
            baseline=baseline,
            deadline=by,
            relative=relative,
            aggregate=aggregate,
            across=tuple(across),
            cite=cite,
        )

    def objective(
        self,
        key: str,
        title: str,
        *,
        kind: str | None = None,
        measure: str | None = None,
        stage: str | None = None,
        supports: Sequence[Ref[BusinessGoal] | str] = (),
        audiences: Sequence[Ref[Audience] | str] = (),
        target: Mapping[str, Any] | None = None,
        horizon: str | None = None,
        description: str | None = None,
        cite: str | None = None,
    ) -> Ref[Objective]:
        """Add an objective: what social media should achieve, for which business goals."""
        return self._put(
            Objective,
            key,
            _fields(
                title=title,
                kind=kind,
                measure=measure,
                stage=stage,
                supports=tuple(supports),
                audiences=tuple(audiences),
                target=target,
                horizon=horizon,
                description=description,
                cite=cite,
            ),
        )

    def stakeholder_input(
        self,
        key: str,
        method: str,
        *,
        who: str | None = None,
        date: Date | None = None,
        findings: Sequence[str] = (),
    ) -> None:
        """Record input from the people involved: a survey, an interview."""
        self._table("stakeholder_input")[key] = _fields(
            method=method, who=who, date=date, findings=tuple(findings)
        )

    def audience(
        self,
        key: str,
        name: str,
        *,
        description: str | None = None,
        needs: Sequence[str] = (),
        interests: Sequence[str] = (),
        habits: Sequence[str] = (),
        market_value: str | None = None,
        on: Sequence[Ref[Channel] | str] | None = None,
        priority: str | None = None,
        elsewhere: str | None = None,
    ) -> Ref[Audience]:
        """Add an audience (a persona).

        Where it is (*on*) defaults, when the plan is built, to the channels
        that reach it; *elsewhere* says how it is reached outside the plan's channels.
        """
        fields = _fields(
            name=name,
            description=description,
            needs=tuple(needs),
            interests=tuple(interests),
            habits=tuple(habits),
            market_value=market_value,
            priority=priority,
            elsewhere=elsewhere,
        )
        if on is not None:  # said, even if empty: keep it as said
            fields["channels"] = [str(channel) for channel in on]
        return self._put(Audience, key, fields)

    def channel(
        self,
        key: str,
        *,
        platform: str,
        purpose: str | None = None,
        owner: Ref[Role] | str | None = None,
        reaches: Sequence[Ref[Audience] | str] = (),
        cross_posts_to: Sequence[Ref[Channel] | str] = (),
        profile: Mapping[str, str] | None = None,
        customizations: Sequence[str] = (),
        status: str | None = None,
        status_note: str | None = None,
        status_since: Date | None = None,
        priority: int | None = None,
    ) -> Ref[Channel]:
        """Add a channel: a presence on a platform, its purpose, its owner, whom it reaches.

        Its life: *status* (``"proposed"``, ``"conditional"``, ``"active"``, ``"retiring"``,
        ``"retired"``), with a *status_note* and the date *status_since*; *priority* ranks it.
        """
        return self._put(
            Channel,
            key,
            _fields(
                platform=platform,
                purpose=purpose,
                owner=owner,
                audiences=tuple(reaches),
                cross_posts_to=tuple(cross_posts_to),
                profile=profile,
                customizations=tuple(customizations),
                status=status,
                status_note=status_note,
                status_since=status_since,
                priority=priority,
            ),
        )

    def influencer(
        self,
        key: str,
        name: str,
        *,
        kind: str | None = None,
        influences: Sequence[Ref[Audience] | str] = (),
        channels: Sequence[Ref[Channel] | str] = (),
        followers: int | None = None,
        url: str | None = None,
        notes: str | None = None,
    ) -> Ref[Influencer]:
        """Add an influencer and the audiences it sways."""
        return self._put(
            Influencer,
            key,
            _fields(
                name=name,
                kind=kind,
                influences=tuple(influences),
                channels=tuple(channels),
                followers=followers,
                url=url,
                notes=notes,
            ),
        )

    def role(
        self,
        key: str,
        title: str,
        *,
        function: str | None = None,
        people: Sequence[str] = (),
        duties: Sequence[str] = (),
        escalate_to: Ref[Role] | str | None = None,
    ) -> Ref[Role]:
        """Add a role of the responsibility map."""
        return self._put(
            Role,
            key,
            _fields(
                title=title,
                function=function,
                people=tuple(people),
                duties=tuple(duties),
                escalate_to=escalate_to,
            ),
        )

    def work(
        self,
        key: str,
        area: str,
        *,
        executor: Ref[Role] | str | None = None,
        team: str | None = None,
        note: str | None = None,
    ) -> None:
        """Add a work element (``"seo"``, ``"web"``, ``"social-media"``…) and who executes it."""
        self._table("work")[key] = _fields(area=area, executor=executor, team=team, note=note)

    def route(
        self,
        message: str,
        *,
        to: Ref[Role] | str,
        channels: Sequence[Ref[Channel] | str] = (),
        within: str | Duration | None = None,
        escalate_to: Ref[Role] | str | None = None,
    ) -> None:
        """Route a kind of message (inquiry, suggestion, complaint, crisis) to a role."""
        self._document.setdefault("routing", []).append(
            _fields(
                message=message,
                to=to,
                channels=tuple(channels),
                within=within,
                escalate_to=escalate_to,
            )
        )

    def raci(
        self,
        subject: Ref[Channel] | str,
        *,
        accountable: Ref[Role] | str,
        responsible: Sequence[Ref[Role] | str] = (),
        consulted: Sequence[Ref[Role] | str] = (),
        informed: Sequence[Ref[Role] | str] = (),
    ) -> None:
        """Say who is responsible, accountable, consulted and informed for a step or a channel.

        *subject* is a channel's reference, or a step's id.
        """
        group = "channels" if isinstance(subject, Ref) else "steps"
        self._table("raci", group)[str(subject)] = _fields(
            accountable=(accountable,),
            responsible=tuple(responsible),
            consulted=tuple(consulted),
            informed=tuple(informed),
        )

    def pillar(
        self,
        key: str,
        theme: str,
        *,
        serves: Sequence[Ref[Objective] | str] = (),
        share: float | None = None,
        formats: Sequence[str] = (),
        keywords: Sequence[str] = (),
        description: str | None = None,
    ) -> Ref[ContentPillar]:
        """Add a content pillar and the objectives it serves."""
        return self._put(
            ContentPillar,
            key,
            _fields(
                theme=theme,
                objectives=tuple(serves),
                share=share,
                formats=tuple(formats),
                keywords=tuple(keywords),
                description=description,
            ),
        )

    def content_source(
        self,
        key: str,
        title: str,
        *,
        kind: str | None = None,
        url: str | None = None,
        pillars: Sequence[Ref[ContentPillar] | str] = (),
    ) -> None:
        """Add material to reuse: a white paper, a case study, a video."""
        self._table("content", "sources")[key] = _fields(
            title=title, kind=kind, url=url, pillars=tuple(pillars)
        )

    def content(
        self,
        *,
        formats: Sequence[str] = (),
        keywords: Sequence[str] = (),
        messages: Mapping[Ref[Audience] | str, Sequence[str]] | None = None,
    ) -> None:
        """Set the content strategy's formats, keywords and messages per audience."""
        content = self._table("content")
        content.update(
            _fields(
                formats=tuple(formats),
                keywords=tuple(keywords),
                messages={str(k): tuple(v) for k, v in (messages or {}).items()} or None,
            )
        )

    def tactic(
        self,
        key: str,
        title: str,
        *,
        description: str | None = None,
        serves: Sequence[Ref[Objective] | str] = (),
        stage: str | None = None,
        on: Sequence[Ref[Channel] | str] = (),
        audiences: Sequence[Ref[Audience] | str] = (),
        pillars: Sequence[Ref[ContentPillar] | str] = (),
        owner: Ref[Role] | str | None = None,
        medium: str | None = None,
        starts: Date | None = None,
        ends: Date | None = None,
    ) -> Ref[Tactic]:
        """Add a tactic: how the objectives it *serves* are pursued, *on* which channels."""
        return self._put(
            Tactic,
            key,
            _fields(
                title=title,
                description=description,
                objectives=tuple(serves),
                stage=stage,
                channels=tuple(on),
                audiences=tuple(audiences),
                pillars=tuple(pillars),
                owner=owner,
                medium=medium,
                starts=starts,
                ends=ends,
            ),
        )

    def post(
        self,
        date: Date,
        channel: Ref[Channel] | str,
        title: str,
        *,
        pillar: Ref[ContentPillar] | str | None = None,
        format: str | None = None,  # noqa: A002 - the file format's name
        owner: Ref[Role] | str | None = None,
        status: str | None = None,
        repeat: str | Duration | None = None,
        until: Date | None = None,
    ) -> None:
        """Add an entry to the editorial calendar (``repeat`` makes it recur)."""
        self._document.setdefault("calendar", []).append(
            _fields(
                date=date,
                channel=channel,
                title=title,
                pillar=pillar,
                format=format,
                owner=owner,
                status=status,
                repeat=repeat,
                until=until,
            )
        )

    def metric(
        self,
        key: str,
        name: str,
        *,
        kind: str | None = None,
        level: int | None = None,
        family: str | None = None,
        unit: str | None = None,
        measures: Sequence[Ref[Objective] | str] = (),
        on: Sequence[Ref[Channel] | str] = (),
        audiences: Sequence[Ref[Audience] | str] = (),
        baseline: float | None = None,
        target: float | None = None,
        direction: str | None = None,
        cadence: str | Duration | None = None,
        source: str | None = None,
        unit_value: float | None = None,
        method: str | None = None,
        survey: Mapping[str, Any] | None = None,
        cite: str | None = None,
        priority: str | None = None,
        expects: Mapping[str, Any] | None = None,
        feeds: Sequence[Mapping[str, Any]] = (),
    ) -> Ref[Metric]:
        """Add a metric: what it measures, where (*on* channels), how often, from what source.

        *method* is how the figure is taken (``"platform"``, ``"analytics"``, ``"survey"``,
        ``"manual"``); *survey* its ``question``, ``population`` and ``sample``. A
        qualitative metric says in *expects* what it should read: ``positive`` (at least,
        in per cent), ``negative`` (at most), ``keywords`` and ``voices`` (influencers).
        *feeds* say which export columns its values are imported from: each a mapping of
        ``platform``, ``column``, ``combine`` and optionally ``layout`` and ``channel``.
        """
        return self._put(
            Metric,
            key,
            _fields(
                name=name,
                kind=kind,
                level=level,
                family=family,
                unit=unit,
                measures=tuple(measures),
                channels=tuple(on),
                audiences=tuple(audiences),
                baseline=baseline,
                target=target,
                direction=direction,
                cadence=cadence,
                source=source,
                unit_value=unit_value,
                method=method,
                survey=survey,
                cite=cite,
                priority=priority,
                expects=expects,
                feeds=[dict(feed) for feed in feeds],
            ),
        )

    def reporting(
        self,
        key: str,
        title: str,
        *,
        to: Sequence[Ref[Role] | str] = (),
        every: str | Duration | None = None,
        where: str | None = None,
        owner: Ref[Role] | str | None = None,
        metrics: Sequence[Ref[Metric] | str] = (),
    ) -> None:
        """Add a report of results: its recipients (roles or free text), how often, where."""
        self._table("reporting")[key] = _fields(
            title=title,
            to=tuple(to),
            every=every,
            where=where,
            owner=owner,
            metrics=tuple(metrics),
        )

    def engagement(
        self,
        channel: Ref[Channel] | str,
        *,
        tone: str | None = None,
        response_time: str | Duration | None = None,
        message_length: str | int | None = None,
        topics: Sequence[str] = (),
        posting_frequency: str | Frequency | None = None,
        hours: str | None = None,
    ) -> None:
        """Set how the brand engages on a channel."""
        self._table("engagement")[str(channel)] = _fields(
            tone=tone,
            response_time=response_time,
            message_length=message_length,
            topics=tuple(topics),
            posting_frequency=posting_frequency,
            hours=hours,
        )

    def policy(
        self,
        *,
        acceptable: Sequence[str] = (),
        off_limits: Sequence[str] = (),
        confidential: Sequence[str] = (),
        company_capacity: str | None = None,
        personal_capacity: str | None = None,
        approver: Ref[Role] | str | None = None,
    ) -> None:
        """Set the social media policy."""
        self._document["policy"] = _fields(
            acceptable=tuple(acceptable),
            off_limits=tuple(off_limits),
            confidential=tuple(confidential),
            company_capacity=company_capacity,
            personal_capacity=personal_capacity,
            approver=approver,
        )

    def governance(
        self,
        *,
        requests: str | None = None,
        requires: Sequence[str] = (),
        approver: Ref[Role] | str | None = None,
        review: str | Duration | None = None,
        closure: Sequence[str] = (),
    ) -> None:
        """Set how other accounts are asked for, approved, reviewed and closed."""
        self._document["governance"] = _fields(
            requests=requests,
            requires=tuple(requires),
            approver=approver,
            review=review,
            closure=tuple(closure),
        )

    def moderation(self, *, house_rules: str | None = None) -> None:
        """Set where the house rules for visitors' posts are (their text or their address)."""
        self._table("moderation").update(_fields(house_rules=house_rules))

    def moderation_rule(
        self, when: str, action: str, *, escalate_to: Ref[Role] | str | None = None
    ) -> None:
        """Add a moderation rule: what is done (*action*) with a visitor's post *when* …"""
        self._table("moderation").setdefault("rules", []).append(
            _fields(when=when, action=action, escalate_to=escalate_to)
        )

    def resource(
        self,
        key: str,
        kind: str,
        name: str,
        *,
        horizon: str | None = None,
        cost: float | None = None,
        channel: Ref[Channel] | str | None = None,
        notes: str | None = None,
    ) -> None:
        """Add a resource: people, a tool or budget, for a horizon."""
        self._table("resources")[key] = _fields(
            kind=kind, name=name, horizon=horizon, cost=cost, channel=channel, notes=notes
        )

    def budget(self, *, total: float | None = None, currency: str | None = None) -> None:
        """Set the budget's total and currency (an ISO 4217 code); lines keep their place."""
        budget = self._table("budget")
        lines = budget.get("lines")
        budget.clear()
        budget.update(_fields(total=total, currency=currency, lines=lines))

    def budget_line(
        self,
        amount: float,
        *,
        category: str | None = None,
        channel: Ref[Channel] | str | None = None,
        horizon: str | None = None,
        note: str | None = None,
    ) -> None:
        """Add a line to the budget: an amount for a category, a channel, a horizon."""
        self._table("budget").setdefault("lines", []).append(
            _fields(amount=amount, category=category, channel=channel, horizon=horizon, note=note)
        )

    def scenario(
        self,
        key: str,
        name: str,
        *,
        trigger: str | None = None,
        description: str | None = None,
        actions: Sequence[str] = (),
    ) -> None:
        """Add a scenario: a plan B or a plan C (its triggers added with :meth:`trigger` kept)."""
        when = self._document.get("scenarios", {}).get(key, {}).get("when")
        self._table("scenarios")[key] = _fields(
            name=name, trigger=trigger, description=description, actions=tuple(actions), when=when
        )

    def trigger(
        self,
        scenario: str,
        metric: Ref[Metric] | str,
        *,
        below: float | str | None = None,
        above: float | str | None = None,
        by: dt.date | str | None = None,
    ) -> None:
        """Add a condition that calls for *scenario*: *metric* below or above a number or a
        share of its target (``"60%"``), by a date or on its latest observation."""
        self._table("scenarios", scenario).setdefault("when", []).append(
            _fields(metric=metric, below=below, above=above, by=by)
        )

    def advocacy(self, **fields: Any) -> None:
        """Set the internal advocacy plan (description, ambassadors, actions)."""
        self._document["advocacy"] = _fields(**fields)

    def launch(self, **fields: Any) -> None:
        """Set the launch (date, trial_until, review, campaign, gates).

        The gates added with :meth:`launch_gate` are kept unless *gates* is given.
        """
        gates = self._document.get("launch", {}).get("gates")
        self._document["launch"] = {**({"gates": gates} if gates else {}), **_fields(**fields)}

    def launch_gate(
        self,
        condition: str,
        *,
        approver: Ref[Role] | str | None = None,
        status: str | None = None,
    ) -> None:
        """Add a go/no-go condition of the launch, who decides it and where it stands."""
        self._table("launch").setdefault("gates", []).append(
            _fields(condition=condition, approver=approver, status=status)
        )

    def approval(
        self,
        *,
        approver: Ref[Role] | str | None = None,
        before: str | None = None,
        exempt: Sequence[str] = (),
        four_eyes: bool | None = None,
    ) -> None:
        """Set who approves drafts, before which calendar status, and what needs no approval."""
        self._document["approval"] = _fields(
            approver=approver, before=before, exempt=tuple(exempt), four_eyes=four_eyes
        )

    def step(self, key: str, **fields: Any) -> None:
        """Record a step by hand (status, owner, due, duration, note)."""
        self._table("steps")[key] = _fields(**fields)

    # Building.

    def build(self) -> Plan:
        """Check the plan and return it: the same frozen Plan that loading a file gives.

        Raises :class:`~socialplan.LoadError` with every problem, each at its
        dotted path, as for a file; references to parts that do not exist
        are errors here too, found even when other parts have load errors.
        """
        from ._io.document import from_data
        from .rules import validate

        document = self._with_audience_channels()
        try:
            plan = from_data(document)
        except LoadError as error:
            from ._salvage import dangling_despite

            dangling_too = dangling_despite(document, error.diagnostics)
            raise LoadError([*error.diagnostics, *dangling_too]) from None
        dangling = validate(plan, select=["SP101"])
        if dangling.errors:
            raise LoadError(dangling.errors)
        return plan

    def _with_audience_channels(self) -> dict[str, Any]:
        """The document, with each audience that says nothing of where it is placed
        on the channels that reach it."""
        audiences = self._document.get("audiences")
        if not audiences:
            return self._document
        reaching: dict[str, list[str]] = {}
        for key, channel in self._document.get("channels", {}).items():
            for audience in channel.get("audiences", ()):
                reaching.setdefault(audience, []).append(key)
        filled = {
            key: audience
            if "channels" in audience or key not in reaching
            else {**audience, "channels": reaching[key]}
            for key, audience in audiences.items()
        }
        return {**self._document, "audiences": filled}

    @classmethod
    def from_plan(cls, plan: Plan) -> PlanBuilder:
        """A builder holding *plan*, to edit in Python; ``build()`` gives it back unchanged."""
        from ._io.document import to_data

        builder = cls.__new__(cls)
        builder._document = to_data(plan, "toml")
        for audience in builder._document.get("audiences", {}).values():
            audience.setdefault("channels", [])  # where it is was said: keep it, even if nowhere
        return builder

    def __repr__(self) -> str:
        counts = {k: len(v) for k, v in self._document.items() if isinstance(v, dict | list)}
        parts = ", ".join(f"{v} {k}" for k, v in counts.items() if k != "plan" and v)
        return f"<PlanBuilder {self._document['plan'].get('name')!r}: {parts or 'empty'}>"
