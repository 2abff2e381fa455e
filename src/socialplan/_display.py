"""How plans, reports and progress show themselves in notebooks: HTML and Markdown.

Everything from the plan's own text is escaped for where it lands.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._diff import Diff
    from ._model import Plan
    from ._score import Scorecard
    from ._trace import Trace
    from .rules import Report
    from .steps import Progress

__all__ = [
    "diff_markdown",
    "plan_html",
    "plan_markdown",
    "progress_html",
    "progress_markdown",
    "records",
    "report_html",
    "report_markdown",
    "scorecard_html",
    "scorecard_markdown",
    "scorecard_records",
    "trace_markdown",
]


def _cell_md(value: object) -> str:
    """A value in a Markdown table cell: pipes, markup and newlines neutralised."""
    from .render._markdown import markdown_text

    return markdown_text("" if value is None else str(value))


def _table_md(head: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    from .render._markdown import table

    return table(head, [["" if c is None else str(c) for c in row] for row in rows])


def _html_text(value: str) -> str:
    from ._core.escape import html_text

    return html_text(value)


def _table_html(head: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    header = "".join(f"<th>{_html_text(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{_html_text('' if c is None else str(c))}</td>" for c in row)
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), item, out)
    elif isinstance(value, enum.Enum):
        out[prefix] = value.value
    else:
        out[prefix] = value


#: The lists of parts inside a single table (issue #17), by dotted name: the table, the list.
NESTED = {
    "briefing.questions": ("briefing", "questions"),
    "moderation.rules": ("moderation", "rules"),
    "budget.lines": ("budget", "lines"),
    "launch.gates": ("launch", "gates"),
}


def records(plan: Plan, table: str) -> list[dict[str, Any]]:
    """One flat dict per part of *table* (``"objectives"``, ``"calendar"``…), for DataFrames.

    The lists inside a single table are named with a dot (``"budget.lines"``,
    ``"moderation.rules"``, ``"launch.gates"``, ``"briefing.questions"``), and
    ``"scenarios.when"`` gives every scenario's triggers, each with its ``scenario``.
    """
    import attrs

    from ._io.convert import converter_for

    tables = {a.name for a in attrs.fields(type(plan))}
    converter = converter_for("toml")
    items: Iterable[tuple[dict[str, Any], Any]]
    if table == "scenarios.when":
        items = (({"scenario": k}, t) for k, s in plan.scenarios.items() for t in s.when)
    elif table in NESTED:
        single, inner = NESTED[table]
        holder = getattr(plan, single)
        items = (({}, part) for part in (getattr(holder, inner) if holder else ()))
    elif table not in tables:
        from ._core.vocab import did_you_mean

        near = did_you_mean(table, sorted([*tables, *NESTED, "scenarios.when"]))
        hint = f" (did you mean {near!r}?)" if near else ""
        raise ValueError(f"a plan has no table {table!r}{hint}")
    else:
        parts = getattr(plan, table)
        if isinstance(parts, Mapping):
            items = (({"id": key}, part) for key, part in parts.items())
        elif isinstance(parts, tuple):
            items = (({}, part) for part in parts)
        else:
            raise ValueError(f"{table!r} is a single table, not a list of parts")
    rows: list[dict[str, Any]] = []
    for row, part in items:
        _flatten("", converter.unstructure(part), row)
        rows.append(row)
    return rows


def _plan_sections(plan: Plan) -> list[tuple[str, list[str], list[list[object]]]]:
    from .render._i18n import words
    from .render._values import period_of, target_text, text

    english = words("en")
    objectives: list[list[object]] = [
        [
            key,
            o.title,
            o.stage,
            ", ".join(o.supports),
            target_text(o.target, english, period=period_of(plan, key)),
        ]
        for key, o in plan.objectives.items()
    ]
    channels: list[list[object]] = [
        [key, c.platform, c.owner, ", ".join(c.audiences), c.purpose]
        for key, c in plan.channels.items()
    ]
    metrics: list[list[object]] = [
        [key, m.name, m.level and int(m.level), m.unit, ", ".join(m.measures), m.cadence]
        for key, m in plan.metrics.items()
    ]
    # The parts issue #17 added that a strategist reads in a plan's outline.
    tactics: list[list[object]] = [
        [key, t.title, ", ".join(t.objectives), ", ".join(t.channels), t.owner]
        for key, t in plan.tactics.items()
    ]
    work: list[list[object]] = [
        [key, w.area, w.executor, w.team and w.team.value] for key, w in plan.work.items()
    ]
    reports: list[list[object]] = [
        [key, r.title, ", ".join(r.to), r.every] for key, r in plan.reporting.items()
    ]
    budget: list[list[object]] = [
        [text(line.amount), line.category, line.channel, line.horizon and line.horizon.value]
        for line in (plan.budget.lines if plan.budget else ())
    ]
    return [
        ("Objectives", ["id", "title", "stage", "supports", "target"], objectives),
        ("Channels", ["id", "platform", "owner", "reaches", "purpose"], channels),
        ("Metrics", ["id", "name", "level", "unit", "measures", "cadence"], metrics),
        ("Tactics", ["id", "title", "objectives", "channels", "owner"], tactics),
        ("Work elements", ["id", "area", "executor", "team"], work),
        ("Reports", ["id", "title", "to", "every"], reports),
        ("Budget", ["amount", "category", "channel", "horizon"], budget),
    ]


def _counts(plan: Plan) -> list[list[object]]:
    from ._counts import summary

    return [[name, count] for name, count in summary(plan).items() if count]


def plan_markdown(plan: Plan) -> str:
    """The plan as Markdown: its parts counted, then objectives, channels and metrics."""
    out = [f"### {_cell_md(plan.name)}"]
    if plan.organization:
        from .render._markdown import markdown_text

        out.append(markdown_text(plan.organization, starts_line=True))
    out.append(_table_md(["part", "count"], _counts(plan)))
    for title, head, rows in _plan_sections(plan):
        if rows:
            out += [f"#### {title}", _table_md(head, rows)]
    return "\n\n".join(out) + "\n"


def plan_html(plan: Plan) -> str:
    """The plan as HTML, the same sections as :func:`plan_markdown`."""
    out = [f"<h3>{_html_text(plan.name)}</h3>"]
    if plan.organization:
        out.append(f"<p>{_html_text(plan.organization)}</p>")
    out.append(_table_html(["part", "count"], _counts(plan)))
    for title, head, rows in _plan_sections(plan):
        if rows:
            out += [f"<h4>{title}</h4>", _table_html(head, rows)]
    return "<div class='socialplan-plan'>" + "".join(out) + "</div>"


_HEADINGS = (("error", "Errors"), ("warning", "Warnings"), ("info", "Info"))


def _grouped(report: Report) -> list[tuple[str, list[list[object]]]]:
    from ._core.text import number

    groups: list[tuple[str, list[list[object]]]] = []
    for severity, heading in _HEADINGS:
        rows: list[list[object]] = [
            [d.code, d.path, d.message, d.hint] for d in report if str(d.severity) == severity
        ]
        if rows:
            groups.append((f"{heading} ({number(len(rows))})", rows))
    return groups


def _tally(report: Report) -> str:
    """ "1 error, 2 warnings, 0 info": the diagnostics counted by severity."""
    from ._core.text import counted

    return ", ".join(counted(count, severity) for severity, count in report.counts.items())


def report_markdown(report: Report) -> str:
    """The validation report as Markdown, grouped by severity."""
    out = [f"**{'OK' if report.ok else 'Not OK'}**: {_tally(report)}"]
    for heading, rows in _grouped(report):
        out += [f"#### {heading}", _table_md(["code", "where", "what", "how to fix"], rows)]
    return "\n\n".join(out) + "\n"


def report_html(report: Report) -> str:
    """The validation report as HTML, grouped by severity."""
    out = [f"<p><strong>{'OK' if report.ok else 'Not OK'}</strong>: {_tally(report)}</p>"]
    for heading, rows in _grouped(report):
        out += [f"<h4>{heading}</h4>", _table_html(["code", "where", "what", "how to fix"], rows)]
    return "<div class='socialplan-report'>" + "".join(out) + "</div>"


def _progress_rows(progress: Progress) -> list[list[object]]:
    return [
        [
            s.label,
            s.id,
            s.state,
            s.owner,
            s.due,
            "; ".join(s.missing[:2]) if s.state != "done" else "",
        ]
        for s in progress
    ]


_PROGRESS_HEAD = ["#", "step", "state", "owner", "due", "missing"]


def progress_markdown(progress: Progress) -> str:
    """Progress as Markdown: the step graph as a Mermaid diagram, then the table of steps."""
    from .steps import to_mermaid

    return (
        f"```mermaid\n{to_mermaid(progress)}```\n\n"
        + _table_md(_PROGRESS_HEAD, _progress_rows(progress))
        + "\n"
    )


def _fit(svg: str) -> str:
    """Graphviz's *svg*, its size kept but scaling down to fit a narrower container.

    ``dot`` gives the drawing a fixed ``width`` and ``height``: a notebook cell narrower
    than a graph of fourteen steps showed only its left part.
    """
    end = svg.find(">")
    if end < 0 or "viewBox" not in svg[:end] or "style=" in svg[:end]:
        return svg
    return f'{svg[:end]} style="max-width:100%;height:auto"{svg[end:]}'


def progress_html(progress: Progress) -> str:
    """Progress as HTML: the graph as SVG when Graphviz's ``dot`` is installed, then the table."""
    import shutil
    import subprocess

    from .steps import to_dot

    picture = ""
    dot = shutil.which("dot")
    if dot is not None:
        result = subprocess.run(
            [dot, "-Tsvg"], input=to_dot(progress), capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            picture = _fit(result.stdout[result.stdout.find("<svg") :])
    table = _table_html(_PROGRESS_HEAD, _progress_rows(progress))
    return f"<div class='socialplan-progress'>{picture}{table}</div>"


def scorecard_markdown(card: Scorecard) -> str:
    """The scorecard as Markdown: its sections as in ``socialplan score``, headings from ###."""
    from .render._markdown import write
    from .render._scorecard import blocks

    return write(blocks(card, level=3), contents="")


def scorecard_html(card: Scorecard) -> str:
    """The scorecard as an HTML fragment, the same sections as :func:`scorecard_markdown`."""
    from .render._html import fragment
    from .render._scorecard import blocks

    return fragment(blocks(card, level=3), "socialplan-scorecard")


#: The tables of a scorecard that :func:`scorecard_records` gives.
SCORECARD_TABLES = ("metrics", "objectives", "series", "returns")


def scorecard_records(card: Scorecard, table: str) -> list[dict[str, Any]]:
    """One flat dict per metric, objective, point of a series or channel's return, for pandas."""
    if table == "metrics":
        return [
            {
                key: value
                for key, value in {
                    **metric.to_dict(),
                    "latest_date": metric.latest_date,
                    "baseline_date": metric.baseline_date,
                    "deadline": metric.deadline,
                }.items()
                if key not in ("series", "by_channel")
            }
            for metric in card.metrics
        ]
    if table == "objectives":
        rows: list[dict[str, Any]] = []
        for objective in card.objectives:
            target = objective.target
            row: dict[str, Any] = {
                "objective": objective.objective,
                "title": objective.title,
                "verdict": str(objective.verdict),
            }
            if target is not None:
                row.update(
                    {
                        "target.value": target.value,
                        "target.unit": target.unit,
                        "target.baseline": target.baseline,
                        "target.deadline": target.deadline,
                    }
                )
            row["metrics"] = [metric.metric for metric in objective.metrics]
            rows.append(row)
        return rows
    if table == "series":
        return [
            {"metric": metric.metric, "date": day, "value": value}
            for metric in card.metrics
            for day, value in metric.series
        ]
    if table == "returns":
        return [row.to_dict() for row in card.returns]
    from ._core.vocab import did_you_mean

    near = did_you_mean(table, SCORECARD_TABLES)
    hint = f"did you mean {near!r}?" if near else "expected " + ", ".join(SCORECARD_TABLES)
    raise ValueError(f"a scorecard has no table {table!r} ({hint})")


def trace_markdown(trace: Trace) -> str:
    """A trace as a Markdown table: one row per chain, its gap last."""
    head = ["goal", "objective", "metric", "channel", "audience", "gap"]
    return _table_md(head, [trace.cells(row) for row in trace.rows]) + "\n"


def diff_markdown(changes: Diff) -> str:
    """A diff as a count and a Markdown table of its changes."""
    from ._core.text import counted

    if not changes.changes:
        return "**No changes**\n"
    rows = [[c.kind, c.message, c.path] for c in changes.changes]
    return (
        f"**{counted(len(changes.changes), 'change')}**\n\n"
        + _table_md(["change", "what", "where"], rows)
        + "\n"
    )
