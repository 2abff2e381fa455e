"""The strategy report of a plan as blocks (seed 000, step 3: the strategic report).

Sections follow the order a strategist presents a plan in: why (vision,
briefing, situation), what (goals, objectives, audiences, channels, influence),
who (responsibility and routing), how (content, metrics, engagement, policy,
advocacy and launch, resources, scenarios), whether it lines up (trace), where
it stands (steps) and what the validators say.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._core.diagnostics import file_order, grouped, part_named
from .._core.text import counted, number
from ._document import Block, Bullets, Diagram, Fields, Heading, Note, Paragraph, Table
from ._i18n import gap_words, missing_words, words
from ._triggers import trigger_condition
from ._values import period_of, target_text, text

if TYPE_CHECKING:
    from .._analyses import Analyses
    from .._model import Plan

__all__ = ["SECTIONS", "build"]


def _names(parts: Mapping[str, Any], attribute: str) -> Callable[[str], str]:
    def name(key: str) -> str:
        part = parts.get(key)
        return str(getattr(part, attribute)) if part is not None else key

    return name


def _join(keys: Iterable[str], name: Callable[[str], str]) -> str:
    return ", ".join(name(k) for k in keys)


class _Builder:
    def __init__(self, plan: Plan, analyses: Analyses, lang: str) -> None:
        self.plan = plan
        self.analyses = analyses
        self.lang = lang
        self.w = words(lang)
        self.blocks: list[Block] = []
        self.not_started: list[str] = []  # the sections with nothing in them, by anchor
        self.goal = _names(plan.business_goals, "statement")
        self.objective = _names(plan.objectives, "title")
        self.audience = _names(plan.audiences, "name")
        self.channel = _names(plan.channels, "platform")
        self.role = _names(plan.roles, "title")
        self.metric = _names(plan.metrics, "name")
        pillars = plan.content.pillars if plan.content else {}
        self.pillar = _names(pillars, "theme")

    def section(self, key: str) -> None:
        self.blocks.append(Heading(2, self.w[key], anchor=key))

    def sub(self, key: str) -> None:
        self.blocks.append(Heading(3, self.w[key], anchor=key))

    def empty(self) -> None:
        """The section just begun has nothing in it: drop its heading, list it as not started."""
        start = max(
            i
            for i, block in enumerate(self.blocks)
            if isinstance(block, Heading) and block.level == 2
        )
        self.not_started.append(str(getattr(self.blocks[start], "anchor", "")))
        del self.blocks[start:]

    def value(self, value: object) -> str:
        """A cell's text: a term of a closed vocabulary (a funnel stage, a state) in the
        report's language, anything else as :func:`text` writes it."""
        if isinstance(value, enum.Enum):
            return self.w.get(f"{type(value).__name__}.{value.value}", text(value))
        return text(value)

    def table(self, head: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        self.blocks.append(
            Table(
                [self.w[f"col_{h}"] for h in head], [[self.value(c) for c in row] for row in rows]
            )
        )

    def fields(self, pairs: Iterable[tuple[str, object]]) -> bool:
        items = [(self.w[key], self.value(v)) for key, v in pairs if v not in (None, ())]
        if items:
            self.blocks.append(Fields(items))
        return bool(items)

    def bullets(self, key: str, items: Sequence[str]) -> bool:
        if items:
            self.blocks.append(Bullets(list(items), label=self.w[key]))
        return bool(items)

    def diagram(self, graph: Any, title: str) -> None:
        if graph.number_of_nodes():
            legend = {k[7:]: v for k, v in self.w.items() if k.startswith("legend.")}
            if self.lang != "en":
                _relabel(graph, self.w)
            self.blocks.append(Diagram(graph, title, legend=legend))


def _relabel(graph: Any, w: Mapping[str, str]) -> None:
    """The labels a graph writes in English (message kinds, missing parts, routes,
    escalations) in the words of *w*, from the data the graph keeps beside them."""
    from .._core.vocab import MessageKind

    def missing(ident: object) -> str:
        return f"{ident} ({w['legend.missing']})"

    for _, data in graph.nodes(data=True):
        if data.get("kind") == "message":
            data["label"] = w.get(f"MessageKind.{MessageKind(data['id']).value}", data["label"])
        elif data.get("kind") == "missing":
            data["label"] = missing(data.get("id"))
    for _, _, data in graph.edges(data=True):
        if data.get("escalate"):
            data["label"] = w["route_escalate"]
        elif "routes" in data:
            said = []
            for within, on in data["routes"]:
                parts = [] if within is None else [w["route_within"].format(within=within)]
                if on is None:
                    parts.append(w["route_every"])
                else:
                    names = ", ".join(missing(c) if label is None else label for c, label in on)
                    parts.append(w["route_on"].format(channels=names))
                said.append(" ".join(parts))
            data["label"] = "; ".join(said)


def _title(b: _Builder) -> None:
    plan = b.plan
    b.blocks.append(Heading(1, plan.name, anchor="top"))
    b.blocks.append(Note(b.w["report"]))
    horizons = plan.horizons
    span = (
        " · ".join(
            f"{name}: {text(day)}"
            for name, day in (
                ("short", horizons.short),
                ("medium", horizons.medium),
                ("long", horizons.long),
            )
            if day is not None
        )
        if horizons
        else None
    )
    b.fields(
        [
            ("organization", plan.organization),
            ("reach", plan.reach),
            ("start", plan.start),
            ("horizons", span or None),
        ]
    )


def _summary(b: _Builder) -> list[Block]:
    """The executive summary: the goals, the headline targets, what is missing, the findings.

    Built once every section is, since what is missing includes the sections that had
    nothing in them (one line, instead of a heading each).
    """
    plan = b.plan
    blocks: list[Block] = [Heading(2, b.w["summary"], anchor="summary")]
    goals = [g.statement for g in plan.business_goals.values()]
    if goals:
        blocks.append(Bullets(goals, label=b.w["summary_goals"]))
    targets = [
        f"{o.title}: {target_text(o.target, b.w, b.channel, period_of(plan, k))}"
        for k, o in plan.objectives.items()
        if o.target is not None
    ]
    if targets:
        blocks.append(Bullets(targets, label=b.w["summary_targets"]))
    missing = _missing(b)
    if missing:
        blocks.append(Bullets(missing, label=b.w["summary_missing"]))
    blocks += _main_findings(b)
    return blocks


def _missing(b: _Builder) -> list[str]:
    """The sections not started and the steps not done, one line each."""
    from ..steps import MethodologyError

    lines = []
    if b.not_started:
        parts = ", ".join(b.w[f"missing_{key}"] for key in b.not_started)
        lines.append(b.w["not_started"].format(parts=parts))
    current = b.analyses.progress
    if not isinstance(current, MethodologyError):
        open_steps = [_step_label(b, s) for s in current if str(s.state) not in ("done", "skipped")]
        if open_steps:
            lines.append(
                b.w["steps_not_done"].format(
                    count=number(len(open_steps)),
                    total=number(len(current)),
                    steps=", ".join(open_steps),
                )
            )
    return lines


#: How many groups of findings the summary shows.
_MAIN_FINDINGS = 5


def _main_findings(b: _Builder) -> list[Block]:
    """The findings that matter most: errors first, one line per group of findings (one
    rule, one cause: every part named), or per code with how many parts."""
    from ..rules import RULES

    report = b.analyses.findings
    if not len(report):
        return []
    rank = {severity: i for i, severity in enumerate(report.counts)}
    # A group of findings (one rule, one cause) is one finding; the rest, one line per code.
    groups: dict[tuple[str, str | None], list[Any]] = {}
    for diagnostic in report:
        groups.setdefault((diagnostic.code, diagnostic.group), []).append(diagnostic)
    ordered = sorted(
        groups.values(), key=lambda g: (rank.get(str(g[0].severity), 0), -len(g), g[0].code)
    )
    lines = []
    for group in ordered[:_MAIN_FINDINGS]:
        first = group[0]
        severity = b.w[f"severity_{first.severity}"]
        if len(group) == 1:
            if b.lang == "en":
                lines.append(f"{first.code} ({severity}): {first.message}")
            else:  # the rule's wording and the part it is about, not the English message
                what = _rule_words(b, first.code)[0]
                lines.append(f"{first.code} ({severity}): {what} ({first.path})")
            continue
        if first.group is not None and b.lang == "en":  # the group's words are English
            lines.append(f"{first.code} ({severity}): {_group_text(group)}")
            continue
        kinds = {_part_kind(d.path) for d in group}
        noun = b.w.get(f"part_{kinds.pop()}", b.w["part"]) if len(kinds) == 1 else b.w["part"]
        rule = RULES.get(first.code)
        what = rule.summary if rule is not None else first.message
        if b.lang != "en":
            what = _rule_words(b, first.code)[0]
        on = b.w["summary_on"].format(parts=counted(len(group), noun, b.lang))
        named = f" ({', '.join(part_named(d) for d in group)})" if first.group is not None else ""
        lines.append(f"{first.code} ({severity}) {on}: {what}{named}")
    blocks: list[Block] = [Bullets(lines, label=b.w["summary_findings"])]
    more = len(ordered) - _MAIN_FINDINGS
    if more > 0:
        blocks.append(Note(b.w["summary_more"].format(count=number(more))))
    return blocks


def _rule_words(b: _Builder, code: str) -> tuple[str, str]:
    """What the rule *code* finds and how to fix it, in the report's language (not English)."""
    from ..rules import RULES
    from ._rules_es import rule_words

    rule = RULES.get(code)
    return rule_words(code, rule.name if rule is not None else "")


def _part_kind(path: str) -> str:
    """The kind of part a dotted path is in: "channels" for ``channels.x.owner``."""
    return path.split(".", 1)[0].split("[", 1)[0]


def _vision(b: _Builder) -> None:
    b.section("vision")
    if not b.fields([("vision_label", b.plan.vision), ("mission_label", b.plan.mission)]):
        b.empty()


def _briefing(b: _Builder) -> None:
    b.section("briefing")
    brief = b.plan.briefing
    if brief is None:
        b.empty()
        return
    b.fields(
        (key, getattr(brief, key))
        for key in (
            "online_presence",
            "objectives",
            "target_audience",
            "market_value",
            "media_plan",
            "online_experience",
            "required_profile",
        )
    )
    b.bullets("touchpoints", brief.touchpoints)
    if brief.questions:
        b.sub("why_social")
        b.table(["question", "answer"], [[q.ask, q.answer] for q in brief.questions])


def _situation(b: _Builder) -> None:
    b.section("situation")
    analysis = b.plan.analysis
    wrote = False
    if analysis is not None:
        wrote = b.fields(
            [
                ("current_situation", analysis.current_situation),
                ("company", analysis.company),
                ("sector", analysis.sector),
                ("analysis_audiences", analysis.audiences),
            ]
        )
        for key in ("competitors", "strengths", "weaknesses", "improvement_points"):
            wrote = b.bullets(key, getattr(analysis, key)) or wrote
    if b.plan.stakeholder_input:
        b.sub("stakeholder_input")
        b.table(
            ["method", "who", "date", "findings"],
            [
                [s.method, s.who, s.date, "; ".join(s.findings)]
                for s in b.plan.stakeholder_input.values()
            ],
        )
        wrote = True
    if not wrote:
        b.empty()


def _goals(b: _Builder) -> None:
    plan = b.plan
    b.section("goals")
    if not plan.business_goals and not plan.objectives:
        b.empty()
        return
    if plan.business_goals:
        b.sub("business_goals")
        b.table(
            ["id", "statement", "description"],
            [[k, g.statement, g.description] for k, g in plan.business_goals.items()],
        )
    if plan.objectives:
        b.sub("objectives")
        b.table(
            ["id", "objective", "kind", "stage", "supports", "audience", "target", "horizon"],
            [
                [
                    k,
                    o.title,
                    o.kind,
                    o.stage,
                    _join(o.supports, b.goal),
                    _join(o.audiences, b.audience),
                    target_text(o.target, b.w, b.channel, period_of(plan, k)) or b.value(o.measure),
                    o.horizon,
                ]
                for k, o in plan.objectives.items()
            ],
        )
    _citations(b)


def _citations(b: _Builder) -> None:
    """Where the goals, objectives, targets and metrics come from: only those that say."""
    plan = b.plan
    rows: list[list[object]] = [
        ["cite_business_goal", k, g.cite] for k, g in plan.business_goals.items() if g.cite
    ]
    for k, o in plan.objectives.items():
        if o.cite:
            rows.append(["cite_objective", k, o.cite])
        if o.target is not None and o.target.cite:
            rows.append(["cite_target", k, o.target.cite])
    rows += [["cite_metric", k, m.cite] for k, m in plan.metrics.items() if m.cite]
    if not rows:
        return
    b.sub("citations")
    b.table(["part", "id", "cite"], [[b.w[str(kind)], k, cite] for kind, k, cite in rows])


def _audiences(b: _Builder) -> None:
    b.section("audiences")
    if not b.plan.audiences:
        b.empty()
        return
    b.table(
        ["id", "audience", "needs", "interests", "where"],
        [
            [k, a.name, "; ".join(a.needs), "; ".join(a.interests), _join(a.channels, b.channel)]
            for k, a in b.plan.audiences.items()
        ],
    )
    _priorities(b, b.plan.audiences, b.audience)


def _priorities(b: _Builder, parts: Mapping[str, Any], name: Callable[[str], str]) -> None:
    """Which parts come first and which after: only when some say."""
    b.fields(
        (f"priority_{rank}", _join([k for k, p in parts.items() if p.priority == rank], name))
        for rank in ("primary", "secondary")
        if any(p.priority == rank for p in parts.values())
    )


def _channels(b: _Builder) -> None:
    from .. import graphs

    b.section("channels")
    if not b.plan.channels:
        b.empty()
        return
    b.table(
        ["id", "platform", "purpose", "owner", "reaches", "cross_posts"],
        [
            [
                k,
                c.platform,
                c.purpose,
                b.role(c.owner) if c.owner else "",
                _join(c.audiences, b.audience),
                _join(c.cross_posts_to, b.channel),
            ]
            for k, c in b.plan.channels.items()
        ],
    )
    _channel_life(b)
    graph = graphs.channels(b.plan)
    if graph.number_of_edges():
        b.diagram(graph, b.w["col_cross_posts"])


def _channel_life(b: _Builder) -> None:
    """The channels that have a status or a priority, by priority (1 first), then by id."""
    ranked = sorted(
        (
            (k, c)
            for k, c in b.plan.channels.items()
            if c.status is not None or c.priority is not None
        ),
        key=lambda pair: (pair[1].priority is None, pair[1].priority or 0, pair[0]),
    )
    if not ranked:
        return
    b.sub("channel_life")
    b.table(
        ["channel", "priority", "status", "since", "note"],
        [
            [
                b.channel(k),
                c.priority,
                b.w[f"channel_{c.status}"] if c.status else "",
                c.status_since,
                c.status_note,
            ]
            for k, c in ranked
        ],
    )


def _influence(b: _Builder) -> None:
    from .. import graphs
    from ..influence import rank

    b.section("influence")
    if not b.plan.influencers:
        b.empty()
        return
    b.sub("ranking")
    b.blocks.append(Note(b.w["ranking_measure"]))
    b.table(
        ["rank", "influencer", "kind", "reaches", "followers", "score"],
        [
            [
                str(i),
                r.name,
                b.plan.influencers[r.id].kind,
                _join(r.reaches, b.audience),
                b.plan.influencers[r.id].followers,
                text(r.score),
            ]
            for i, r in enumerate(rank(b.plan), 1)
        ],
    )
    b.diagram(graphs.influence(b.plan), b.w["influence"])


def _raci_rows(
    entries: Mapping[str, Any], name: Callable[[str], str], b: _Builder
) -> list[list[str]]:
    return [
        [
            name(key),
            _join(e.responsible, b.role),
            _join(e.accountable, b.role),
            _join(e.consulted, b.role),
            _join(e.informed, b.role),
        ]
        for key, e in entries.items()
    ]


def _responsibility(b: _Builder) -> None:
    from .. import graphs

    plan = b.plan
    b.section("responsibility")
    if not plan.roles and not plan.routing and plan.raci is None:
        b.empty()
        return
    if plan.roles:
        b.sub("roles")
        b.table(
            ["id", "role", "function", "people", "duties", "escalate"],
            [
                [
                    k,
                    r.title,
                    r.function,
                    ", ".join(r.people),
                    "; ".join(r.duties),
                    b.role(r.escalate_to) if r.escalate_to else "",
                ]
                for k, r in plan.roles.items()
            ],
        )
    if plan.routing:
        b.sub("routing")
        b.table(
            ["message", "channel", "to", "within", "escalate"],
            [
                [
                    r.message,
                    _join(r.channels, b.channel),
                    b.role(r.to),
                    r.within,
                    b.role(r.escalate_to) if r.escalate_to else "",
                ]
                for r in plan.routing
            ],
        )
        b.diagram(graphs.routing(plan), b.w["routing"])
    head = ["part", "responsible", "accountable", "consulted", "informed"]
    if plan.raci is not None and plan.raci.steps:
        b.sub("raci_steps")
        b.table(head, _raci_rows(plan.raci.steps, str, b))
    if plan.raci is not None and plan.raci.channels:
        b.sub("raci_channels")
        b.table(head, _raci_rows(plan.raci.channels, b.channel, b))


def _work(b: _Builder) -> None:
    """Seed 000's work elements and who executes each: only when the plan has them."""
    if not b.plan.work:
        return
    b.section("work")
    b.table(
        ["id", "area", "executor", "team", "notes"],
        [
            [
                k,
                w.area,
                b.role(w.executor) if w.executor else "",
                b.w[f"team_{w.team}"] if w.team else "",
                w.note,
            ]
            for k, w in b.plan.work.items()
        ],
    )


def _content(b: _Builder) -> None:
    plan = b.plan
    content = plan.content
    b.section("content")
    if content is None and not plan.calendar:
        b.empty()
        return
    if content is not None:
        if content.pillars:
            b.sub("pillars")
            b.table(
                ["id", "theme", "objectives", "share", "format", "description"],
                [
                    [
                        k,
                        p.theme,
                        _join(p.objectives, b.objective),
                        f"{text(p.share)} %" if p.share is not None else "",
                        ", ".join(p.formats),
                        p.description,
                    ]
                    for k, p in content.pillars.items()
                ],
            )
        if content.sources:
            b.sub("sources")
            b.table(
                ["id", "title", "kind", "pillars"],
                [
                    [k, s.title, s.kind, _join(s.pillars, b.pillar)]
                    for k, s in content.sources.items()
                ],
            )
        b.bullets("formats", content.formats)
        b.bullets("keywords", content.keywords)
        if content.messages:
            b.sub("messages")
            b.table(
                ["audience", "message"],
                [[b.audience(k), "; ".join(m)] for k, m in content.messages.items()],
            )
    if plan.calendar:
        b.sub("calendar")
        b.table(
            ["date", "channel", "title", "pillar", "format", "owner", "status", "repeat"],
            [
                [
                    e.date,
                    b.channel(e.channel),
                    e.title,
                    b.pillar(e.pillar) if e.pillar else "",
                    e.format,
                    b.role(e.owner) if e.owner else "",
                    e.status,
                    f"{text(e.repeat)} → {text(e.until)}" if e.until else e.repeat,
                ]
                for e in sorted(plan.calendar, key=lambda e: e.date)
            ],
        )


def _tactics(b: _Builder) -> None:
    """How the strategy is carried out: only when the plan has tactics."""
    tactics = b.plan.tactics
    if not tactics:
        return
    b.section("tactics")
    b.table(
        [
            *("id", "tactic", "objectives", "stage", "channel", "audience", "pillars"),
            *("owner", "medium", "when"),
        ],
        [
            [
                k,
                t.title,
                _join(t.objectives, b.objective),
                t.stage,
                _join(t.channels, b.channel),
                _join(t.audiences, b.audience),
                _join(t.pillars, b.pillar),
                b.role(t.owner) if t.owner else "",
                b.w[f"medium_{t.medium}"] if t.medium else "",
                _span(t.starts, t.ends),
            ]
            for k, t in tactics.items()
        ],
    )
    descriptions = [f"{t.title}: {t.description}" for t in tactics.values() if t.description]
    b.bullets("tactic_descriptions", descriptions)


def _span(starts: object, ends: object) -> str:
    """From one date to another, either of which may be missing: "2027-09-01 → 2027-09-30"."""
    if starts is None and ends is None:
        return ""
    return f"{text(starts)} → {text(ends)}".strip()


def _metrics(b: _Builder) -> None:
    b.section("metrics")
    if not b.plan.metrics:
        b.empty()
        return
    levels: dict[str, list[tuple[str, Any]]] = {}
    for key, metric in b.plan.metrics.items():
        level = f"level_{int(metric.level)}" if metric.level is not None else "level_none"
        levels.setdefault(level, []).append((key, metric))
    for level in ("level_1", "level_2", "level_3", "level_none"):
        if level not in levels:
            continue
        b.sub(level)
        b.table(
            [
                "id",
                "metric",
                "measures",
                "channel",
                "unit",
                "baseline",
                "target",
                "cadence",
                "source",
            ],
            [
                [
                    k,
                    m.name,
                    _join(m.measures, b.objective),
                    _join(m.channels, b.channel),
                    m.unit,
                    m.baseline,
                    m.target,
                    m.cadence,
                    m.source,
                ]
                for k, m in levels[level]
            ],
        )
    _priorities(b, b.plan.metrics, b.metric)
    _metric_methods(b)
    _metric_expectations(b)


def _metric_expectations(b: _Builder) -> None:
    """What the qualitative metrics that say so expect: shares, keywords, voices."""
    told = {k: m.expects for k, m in b.plan.metrics.items() if m.expects is not None}
    if not told:
        return
    influencers = _names(b.plan.influencers, "name")

    def share(value: float | None) -> str:
        return "" if value is None else f"{number(value)} %"

    b.sub("metric_expectations")
    b.table(
        ["id", "metric", "at_least_positive", "at_most_negative", "keywords", "voices"],
        [
            [
                k,
                b.plan.metrics[k].name,
                share(e.positive),
                share(e.negative),
                ", ".join(e.keywords),
                _join(e.voices, influencers),
            ]
            for k, e in told.items()
        ],
    )


def _metric_methods(b: _Builder) -> None:
    """How the metrics that say so are taken: by platform, analytics, by hand or by survey."""
    told = {k: m for k, m in b.plan.metrics.items() if m.method is not None or m.survey}
    if not told:
        return
    b.sub("metric_methods")
    b.table(
        ["id", "metric", "method", "question", "population", "sample"],
        [
            [
                k,
                m.name,
                m.method,
                m.survey.question if m.survey else "",
                m.survey.population if m.survey else "",
                m.survey.sample if m.survey else "",
            ]
            for k, m in told.items()
        ],
    )


def _reporting(b: _Builder) -> None:
    """Who receives the results, how often and where: only when the plan says."""
    if not b.plan.reporting:
        return
    b.section("reporting")
    b.table(
        ["id", "title", "recipients", "every", "published", "owner", "metrics"],
        [
            [
                k,
                r.title,
                _join(r.to, b.role),
                r.every,
                r.where,
                b.role(r.owner) if r.owner else "",
                _join(r.metrics, b.metric),
            ]
            for k, r in b.plan.reporting.items()
        ],
    )


def _engagement(b: _Builder) -> None:
    b.section("engagement")
    if not b.plan.engagement:
        b.empty()
        return
    b.table(
        ["channel", "tone", "response", "length", "topics", "frequency", "hours"],
        [
            [
                b.channel(k),
                e.tone,
                e.response_time,
                e.message_length,
                ", ".join(e.topics),
                e.posting_frequency,
                e.hours,
            ]
            for k, e in b.plan.engagement.items()
        ],
    )


def _policy(b: _Builder) -> None:
    b.section("policy")
    policy = b.plan.policy
    if policy is None:
        b.empty()
        return
    for key in ("acceptable", "off_limits", "confidential"):
        b.bullets(key, getattr(policy, key))
    b.fields(
        [
            ("company_capacity", policy.company_capacity),
            ("personal_capacity", policy.personal_capacity),
            ("approver", b.role(policy.approver) if policy.approver else None),
        ]
    )


def _governance(b: _Builder) -> None:
    """How other accounts are asked for, reviewed and closed: only when the plan says."""
    governance = b.plan.governance
    if governance is None:
        return
    b.section("governance")
    b.fields(
        [
            ("governance_requests", governance.requests),
            ("governance_approver", b.role(governance.approver) if governance.approver else None),
            ("governance_review", governance.review),
        ]
    )
    b.bullets("governance_requires", governance.requires)
    b.bullets("governance_closure", governance.closure)


def _moderation(b: _Builder) -> None:
    """What is done with visitors' posts: only when the plan says."""
    moderation = b.plan.moderation
    if moderation is None:
        return
    b.section("moderation")
    b.fields([("house_rules", moderation.house_rules)])
    if moderation.rules:
        b.table(
            ["when", "action", "escalate"],
            [
                [
                    r.when,
                    b.w[f"moderation_{r.action}"],
                    b.role(r.escalate_to) if r.escalate_to else "",
                ]
                for r in moderation.rules
            ],
        )


def _advocacy(b: _Builder) -> None:
    b.section("advocacy")
    advocacy, launch = b.plan.advocacy, b.plan.launch
    if advocacy is None and launch is None:
        b.empty()
        return
    if advocacy is not None:
        b.sub("advocacy_label")
        if advocacy.description:
            b.blocks.append(Paragraph(advocacy.description))
        b.bullets("ambassadors", advocacy.ambassadors)
        b.bullets("actions", advocacy.actions)
    if launch is not None:
        b.sub("launch")
        b.fields(
            [
                ("launch", launch.date),
                ("trial_until", launch.trial_until),
                ("review", launch.review),
            ]
        )
        b.bullets("campaign", launch.campaign)
        _gates(b, launch.gates)


def _gates(b: _Builder, gates: Sequence[Any]) -> None:
    """The go/no-go conditions of the launch, in order, with who decides and where each stands."""
    if not gates:
        return
    b.sub("gates")
    b.table(
        ["condition", "approver", "status"],
        [
            [g.condition, b.role(g.approver) if g.approver else "", b.w[f"gate_{g.status}"]]
            for g in gates
        ],
    )


def _approval(b: _Builder) -> None:
    """Who approves drafts, before which calendar status: only when the plan says."""
    approval = b.plan.approval
    if approval is None:
        return
    b.section("approval")
    b.fields(
        [
            ("approval_approver", b.role(approval.approver) if approval.approver else None),
            ("approval_before", approval.before),
            ("four_eyes", b.w["yes"] if approval.four_eyes else None),
        ]
    )
    b.bullets("approval_exempt", approval.exempt)


def _resources(b: _Builder) -> None:
    plan = b.plan
    b.section("resources")
    if not plan.resources:
        b.empty()
        return
    currency = f" {plan.currency}" if plan.currency else ""
    rows: list[list[object]] = [
        [
            r.name,
            r.kind,
            r.horizon,
            f"{text(r.cost)}{currency}" if r.cost is not None else "",
            b.channel(r.channel) if r.channel else "",
            r.notes,
        ]
        for r in sorted(
            plan.resources.values(),
            key=lambda r: ("short", "medium", "long", None).index(
                r.horizon.value if r.horizon else None
            ),
        )
    ]
    costs = [r.cost for r in plan.resources.values() if r.cost is not None]
    if costs:
        rows.append([b.w["total"], "", "", f"{text(sum(costs))}{currency}", "", ""])
    b.table(["resource", "kind", "horizon", "cost", "channel", "notes"], rows)


def _budget(b: _Builder) -> None:
    """The total, the sum of the lines beside it, and the lines: only when the plan has one."""
    budget = b.plan.budget
    if budget is None:
        return
    b.section("budget")
    currency = budget.currency or b.plan.currency
    unit = f" {currency}" if currency else ""
    amounts = [line.amount for line in budget.lines]
    b.fields(
        [
            ("total", f"{text(budget.total)}{unit}" if budget.total is not None else None),
            ("budget_lines_sum", f"{text(sum(amounts))}{unit}" if amounts else None),
        ]
    )
    if budget.lines:
        b.table(
            ["category", "channel", "horizon", "amount", "notes"],
            [
                [
                    line.category,
                    b.channel(line.channel) if line.channel else "",
                    line.horizon,
                    f"{text(line.amount)}{unit}",
                    line.note,
                ]
                for line in budget.lines
            ],
        )


def _scenarios(b: _Builder) -> None:
    b.section("scenarios")
    if not b.plan.scenarios:
        b.empty()
        return
    head = ["scenario", "trigger", "description", "actions"]
    rows = [
        [s.name, s.trigger, s.description, "; ".join(s.actions)] for s in b.plan.scenarios.values()
    ]
    if any(s.when for s in b.plan.scenarios.values()):  # only then: other reports stay as they were
        head.append("triggers")
        for row, s in zip(rows, b.plan.scenarios.values(), strict=True):
            row.append("; ".join(trigger_condition(t, b.w) for t in s.when))
    b.table(head, rows)


def _timeline(b: _Builder) -> None:
    """Every date the plan gives, in order, then what recurs: only when the plan has dates."""
    plan, w = b.plan, b.w
    dated: list[tuple[Any, str, str]] = []
    if plan.start is not None:
        dated.append((plan.start, w["tl_start"], ""))
    if plan.horizons is not None:
        for name in ("short", "medium", "long"):
            day = getattr(plan.horizons, name)
            if day is not None:
                dated.append((day, w[f"tl_{name}"], ""))
    for k, o in plan.objectives.items():
        if o.target is not None and o.target.deadline is not None:
            aim = f"{text(o.target.value)} {o.target.unit}".strip()
            if o.target.value is None:  # any rise over the previous period
                aim = w["above_previous"].format(period=w[f"period_{period_of(plan, k)}"])
            dated.append((o.target.deadline, w["tl_deadline"], f"{o.title}: {aim}"))
    launch = plan.launch
    if launch is not None:
        if launch.trial_until is not None:
            dated.append((launch.trial_until, w["tl_trial"], ""))
        if launch.date is not None:
            dated += [
                (launch.date, w["gate"], f"{g.condition} ({w[f'gate_{g.status}']})")
                for g in launch.gates
            ]
            dated.append((launch.date, w["launch"], ""))
    for t in plan.tactics.values():
        if t.starts is not None:
            dated.append((t.starts, w["tl_tactic_starts"], t.title))
        if t.ends is not None:
            dated.append((t.ends, w["tl_tactic_ends"], t.title))
    for key, record in plan.steps.items():
        if record.due is not None:
            dated.append((record.due, w["tl_step_due"], _step_title(b, key)))
    recurring: list[tuple[str, str, str]] = []
    if launch is not None and launch.review is not None:
        recurring.append((_every(b, launch.review), w["tl_review"], ""))
    for r in plan.reporting.values():
        if r.every is not None:
            to = f", {w['tl_to']} {_join(r.to, b.role)}" if r.to else ""
            recurring.append((_every(b, r.every), w["tl_report"], f"{r.title}{to}"))
    if not dated and not recurring:
        return
    b.section("timeline")
    # sorted is stable: on one day, the plan's order above (the gates before the launch)
    rows = [[day, what, detail] for day, what, detail in sorted(dated, key=lambda r: r[0])]
    b.table(["date", "event", "detail"], [*rows, *([*r] for r in recurring)])


def _every(b: _Builder, duration: Any) -> str:
    """How often something recurs: "monthly" as written, or "every 4 weeks"."""
    from .._core.duration import WORDS

    written = text(duration)
    return written if written.strip().lower() in WORDS else f"{b.w['every']} {written}"


def _step_title(b: _Builder, key: str) -> str:
    from ..steps import MethodologyError

    current = b.analyses.progress
    if isinstance(current, MethodologyError) or key not in current.steps:
        return key
    return _step_label(b, current[key])


def _state(b: _Builder, step: Any) -> object:
    """A step's state as the report says it: "written, but needs X" for a written step
    whose needs are not done, else the state's word."""
    if str(step.state) == "written" and step.blocked_by:
        current: Any = b.analyses.progress  # a Progress: the table is only made of one
        needs = ", ".join(_step_label(b, current[n]) for n in step.blocked_by)
        return b.w["state_written_needs"].format(needs=needs)
    return step.state


def _step_label(b: _Builder, step: Any) -> str:
    """A step's neutral label in the report's language ("Launch"), for any organisation;
    the source method's own words ("Take off!") when the report has no label for it."""
    current = b.analyses.progress
    name = getattr(getattr(current, "methodology", None), "name", "")
    return b.w.get(f"step.{name}.{step.id}", str(step.title))


def _trace(b: _Builder) -> None:
    from .. import graphs

    b.section("trace")
    matrix = b.analyses.trace
    if not len(matrix):
        b.empty()
        return
    if matrix.ok:
        b.blocks.append(Note(b.w["trace_ok"]))
    else:
        chains = counted(len(matrix), b.w["noun_chain"], b.lang)
        gaps = number(len(matrix.gaps))
        b.blocks.append(Note(b.w["trace_gaps"].format(gaps=gaps, chains=chains)))
    b.table(
        ["goal", "objective", "metric", "channel", "audience", "gap"],
        [matrix.cells(row, gap_words(b.lang)) for row in matrix],
    )
    b.diagram(graphs.alignment(b.plan), b.w["trace"])


def _progress(b: _Builder) -> None:
    from .. import graphs
    from ..steps import MethodologyError

    b.section("progress")
    current = b.analyses.progress
    if isinstance(current, MethodologyError):
        b.blocks.append(Note(b.w["methodology_error"].format(error=current)))
        return
    done = number(current.counts().get("done", 0))
    steps = counted(len(current.order()), b.w["noun_steps_done"], b.lang)
    b.blocks.append(Note(b.w["progress_counts"].format(done=done, steps=steps)))
    labels = {s.id: _step_label(b, s) for s in current}
    # The source method's own words alongside the neutral labels, when they differ.
    own = any(labels[s.id] != s.title for s in current)
    b.table(
        ["rank", "step", *(["method_words"] if own else []), "state", "owner", "due", "missing"],
        [
            [
                s.label,
                labels[s.id],
                *([s.title] if own else []),
                _state(b, s),
                s.owner,
                s.due,
                "; ".join(missing_words(m, b.lang) for m in s.missing) if s.state != "done" else "",
            ]
            for s in current
        ],
    )
    b.sub("next_steps")
    ready = current.next()
    if ready:
        b.blocks.append(Bullets([labels[step] for step in ready]))
    else:
        b.blocks.append(Note(b.w["next_none"]))
    graph = graphs.steps(current)
    for _, data in graph.nodes(data=True):
        if data.get("kind") == "step" and data.get("id") in labels:
            data["label"] = labels[data["id"]]
    b.diagram(graph, b.w["progress"])


def _maturity(b: _Builder) -> None:
    """Seed 002's ten stages: the one practised, the one planned, each stage's evidence."""
    from ._i18n import evidence

    assessed = b.analyses.maturity
    if assessed is None:
        return
    b.section("maturity")

    def name(number: int) -> str:
        return b.w[f"maturity_stage.{number}"] if number else b.w["maturity_not_started"]

    b.blocks.append(
        Note(
            b.w["maturity_stages"].format(
                stage=assessed.stage,
                name=name(assessed.stage),
                planned=assessed.planned,
                planned_name=name(assessed.planned),
            )
        )
    )
    if assessed.as_of is not None:
        b.blocks.append(Note(b.w["maturity_as_of"].format(date=text(assessed.as_of))))
    b.blocks.append(Paragraph(b.w["maturity_why"]))
    rows = []
    for stage in assessed.stages:
        state = "practised" if stage.reached else "planned" if stage.planned else "not_yet"
        found, lacking = [], []
        for piece in stage.pieces:
            what, missing = evidence(b.lang, piece.key, piece.what, piece.missing)
            kind = b.w[str(piece.kind)]
            if piece.found:
                found.append(f"{what} ({kind})")
            else:
                lacking.append(f"{missing} ({kind})")
        rows.append(
            [stage.number, name(stage.number), b.w[f"maturity_{state}"], "; ".join(found),
             "; ".join(lacking)]
        )  # fmt: skip
    b.table(["rank", "maturity_stage", "maturity_state", "evidence", "missing"], rows)


def _findings(b: _Builder) -> None:
    b.section("findings")
    report = b.analyses.findings
    if not len(report):
        b.blocks.append(Note(b.w["findings_none"]))
        return
    counts = ", ".join(
        counted(n, b.w[f"severity_{severity}"], b.lang) for severity, n in report.counts.items()
    )
    b.blocks.append(Note(b.w["findings_counts"].format(counts=counts)))
    # Located in the plan's file (Report.located), they are listed as `socialplan check`
    # lists them, in the file's order; otherwise in the report's (code, then path).
    shown = sorted(report, key=file_order) if any(d.line for d in report) else list(report)
    b.table(
        ["code", "severity", "where_found", "what", "fix"],
        [_finding_row(b, group) for group in grouped(shown)],
    )


def _finding_row(b: _Builder, group: list[Any]) -> list[object]:
    """A finding as the report lists it: a diagnostic alone, or a group of them as one row
    naming every part, with the rule's fix."""
    first = group[0]
    severity = b.w[f"severity_{first.severity}"]
    if len(group) == 1:
        if b.lang != "en":  # the rule's own wording in the report's language, not its message
            return [first.code, severity, first.path, *_rule_words(b, first.code)]
        return [first.code, severity, first.path, first.message, first.hint]
    from ..rules import RULES

    rule = RULES.get(first.code)
    kinds = sorted({_part_kind(d.path) for d in group})
    if b.lang != "en":  # the group's words are English: the rule's wording, then every part
        what, fix = _rule_words(b, first.code)
        parts = ", ".join(part_named(d) for d in group)
        return [first.code, severity, ", ".join(kinds), f"{what} ({parts})", fix]
    return [
        first.code,
        severity,
        ", ".join(kinds),
        _group_text(group),
        rule.fix if rule is not None else first.hint,
    ]


def _group_text(group: list[Any]) -> str:
    """A group of findings in words: what its parts share, then every part."""
    return f"{group[0].group}: " + ", ".join(part_named(d) for d in group)


#: The report's sections in order, by anchor.
SECTIONS: dict[str, Callable[[_Builder], None]] = {
    "vision": _vision,
    "briefing": _briefing,
    "situation": _situation,
    "goals": _goals,
    "audiences": _audiences,
    "channels": _channels,
    "influence": _influence,
    "responsibility": _responsibility,
    "work": _work,
    "content": _content,
    "tactics": _tactics,
    "metrics": _metrics,
    "reporting": _reporting,
    "engagement": _engagement,
    "policy": _policy,
    "governance": _governance,
    "moderation": _moderation,
    "approval": _approval,
    "advocacy": _advocacy,
    "resources": _resources,
    "budget": _budget,
    "scenarios": _scenarios,
    "timeline": _timeline,
    "trace": _trace,
    "progress": _progress,
    "maturity": _maturity,
    "findings": _findings,
}


def build(plan: Plan, analyses: Analyses, lang: str = "en") -> list[Block]:
    """The report of *plan* as blocks: a title, then every section of :data:`SECTIONS`.

    The sections show the *analyses* (see :func:`socialplan._analyses.analyze`); a
    scorecard among them adds the results against the plan before the findings.
    """
    builder = _Builder(plan, analyses, lang)
    _title(builder)
    top = len(builder.blocks)
    for name, section in SECTIONS.items():
        if name == "findings" and analyses.scorecard is not None:
            from ._scorecard import blocks

            builder.blocks += blocks(analyses.scorecard, lang)
        section(builder)
    builder.blocks[top:top] = _summary(builder)
    return builder.blocks
