"""The traceability matrix: business goal → objective → metric → channel → audience.

One row per objective, metric and channel it is measured on, with the goals
the objective supports and the audiences that channel reaches among those the
objective concerns. Every break in the chain is a *gap* on the row where it
shows, and parts that nothing traces to get a row of their own, so the
matrix is the one page that shows whether a plan lines up.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from ._model import Plan

__all__ = ["GAPS", "Trace", "TraceRow", "trace"]

#: Every gap the matrix marks, by code, with what it means.
GAPS: Mapping[str, str] = {
    "no-objective": "no objective supports this business goal",
    "no-goal": "the objective supports no business goal",
    "no-metric": "no metric measures the objective",
    "no-channel": "the metric is taken on no channel",
    "no-audience": "the objective concerns no audience",
    "audience-missed": "the channel reaches none of the objective's audiences",
    "unmeasured-channel": "no metric of any objective is taken on this channel",
    "stray-metric": "the metric measures no objective",
    "unreached-audience": "no channel reaches this audience",
}


@attrs.frozen(kw_only=True)
class TraceRow:
    """One chain of the matrix; ``None`` where the chain has no part, *gaps* say why."""

    goals: tuple[str, ...] = ()
    objective: str | None = None
    metric: str | None = None
    channel: str | None = None
    audiences: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The row as plain data (lists for tuples), for JSON."""
        return {
            "goals": list(self.goals),
            "objective": self.objective,
            "metric": self.metric,
            "channel": self.channel,
            "audiences": list(self.audiences),
            "gaps": list(self.gaps),
        }


@attrs.frozen
class Trace:
    """The matrix of a plan: its rows in plan order, and the names of the parts."""

    rows: tuple[TraceRow, ...]
    names: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict, eq=False, repr=False)

    def __iter__(self) -> Iterator[TraceRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def gaps(self) -> list[TraceRow]:
        """The rows with at least one gap."""
        return [row for row in self.rows if row.gaps]

    @property
    def ok(self) -> bool:
        """True when every chain is whole."""
        return not self.gaps

    def name(self, table: str, key: str | None) -> str:
        """The human name of part *key* of *table* (its title, name or platform), else *key*."""
        if key is None:
            return ""
        return self.names.get(table, {}).get(key, key)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per row (tuples joined with ", "), for a DataFrame or a CSV."""
        return [
            {
                "goals": ", ".join(row.goals),
                "objective": row.objective,
                "metric": row.metric,
                "channel": row.channel,
                "audiences": ", ".join(row.audiences),
                "gaps": ", ".join(row.gaps),
            }
            for row in self.rows
        ]

    def to_dict(self) -> dict[str, Any]:
        """The matrix as JSON-able data, with the meaning of every gap code used."""
        used = sorted({gap for row in self.rows for gap in row.gaps})
        return {
            "ok": self.ok,
            "rows": [row.to_dict() for row in self.rows],
            "gaps": {code: GAPS[code] for code in used},
        }

    def cells(self, row: TraceRow, gaps: Mapping[str, str] = GAPS) -> list[str]:
        """The row's cells for people: names instead of ids, gaps spelled out (in the
        words of *gaps*, by code: English by default)."""
        return [
            ", ".join(self.name("business_goals", g) for g in row.goals),
            self.name("objectives", row.objective),
            self.name("metrics", row.metric),
            self.name("channels", row.channel),
            ", ".join(self.name("audiences", a) for a in row.audiences),
            "; ".join(gaps[g] for g in row.gaps),
        ]

    def to_text(self) -> str:
        """The matrix as aligned plain text, one chain per line, gaps last.

        Control characters in the plan's names are written ``\\uXXXX``: a terminal
        would obey them.
        """
        from ._core.escape import visible_controls

        head = ["goal", "objective", "metric", "channel", "audience", "gap"]
        rows = [head] + [[visible_controls(c) for c in self.cells(row)] for row in self.rows]
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        lines = [
            "  ".join([*(c.ljust(w) for c, w in zip(r[:5], widths, strict=True)), r[5]]).rstrip()
            for r in rows
        ]
        from ._core.text import counted, number

        gaps = f"{number(len(self.gaps))} of {number(len(self))} with gaps"
        status = "every chain is whole" if self.ok else gaps
        return "\n".join([*lines, f"{counted(len(self), 'chain')}, {status}"]) + "\n"

    def _repr_markdown_(self) -> str:
        from ._display import trace_markdown

        return trace_markdown(self)


def _names(plan: Plan) -> dict[str, dict[str, str]]:
    return {
        "business_goals": {k: v.statement for k, v in plan.business_goals.items()},
        "objectives": {k: v.title for k, v in plan.objectives.items()},
        "metrics": {k: v.name for k, v in plan.metrics.items()},
        "channels": {k: v.platform for k, v in plan.channels.items()},
        "audiences": {k: v.name for k, v in plan.audiences.items()},
    }


def trace(plan: Plan) -> Trace:
    """The traceability matrix of *plan*, gaps marked.

    >>> import socialplan
    >>> plan = socialplan.load("examples/cartoon/plan.toml")
    >>> matrix = socialplan.trace(plan)
    >>> matrix.ok
    True
    >>> row = matrix.rows[0]
    >>> (row.goals, row.objective, row.metric, row.channel, row.audiences)
    (('positioning',), 'awareness_reach', 'community_size', 'facebook', ('parents', 'educators'))
    """
    measured_by: dict[str, list[str]] = {key: [] for key in plan.objectives}
    for key, metric in plan.metrics.items():
        for measured in metric.measures:
            if measured in measured_by:
                measured_by[measured].append(key)
    supported: set[str] = set()
    measured_channels: set[str] = set()
    reached: set[str] = {a for c in plan.channels.values() for a in c.audiences}
    # Each channel's audiences as a set, built once: a channel may reach thousands.
    reach = {key: frozenset(channel.audiences) for key, channel in plan.channels.items()}
    rows: list[TraceRow] = []
    for key, objective in plan.objectives.items():
        goals = tuple(g for g in objective.supports if g in plan.business_goals)
        supported.update(goals)
        base: tuple[str, ...] = ("no-goal",) if not goals else ()
        if not objective.audiences:
            base += ("no-audience",)
        if not measured_by[key]:
            rows.append(TraceRow(goals=goals, objective=key, gaps=(*base, "no-metric")))
            continue
        for metric_key in measured_by[key]:
            metric = plan.metrics[metric_key]
            channels = [c for c in metric.channels if c in plan.channels]
            if not channels:
                rows.append(
                    TraceRow(
                        goals=goals, objective=key, metric=metric_key, gaps=(*base, "no-channel")
                    )
                )
            for channel_key in channels:
                measured_channels.add(channel_key)
                reaches = reach[channel_key]
                audiences = tuple(a for a in objective.audiences if a in reaches)
                gaps = base
                if objective.audiences and not audiences:
                    gaps += ("audience-missed",)
                rows.append(
                    TraceRow(
                        goals=goals,
                        objective=key,
                        metric=metric_key,
                        channel=channel_key,
                        audiences=audiences,
                        gaps=gaps,
                    )
                )
    rows += [
        TraceRow(goals=(key,), gaps=("no-objective",))
        for key in plan.business_goals
        if key not in supported
    ]
    rows += [
        TraceRow(metric=key, channel=None, gaps=("stray-metric",))
        for key, metric in plan.metrics.items()
        if not any(o in plan.objectives for o in metric.measures)
    ]
    rows += [
        TraceRow(channel=key, gaps=("unmeasured-channel",))
        for key in plan.channels
        if key not in measured_channels
    ]
    rows += [
        TraceRow(audiences=(key,), gaps=("unreached-audience",))
        for key in plan.audiences
        if key not in reached
    ]
    return Trace(tuple(rows), _names(plan))
