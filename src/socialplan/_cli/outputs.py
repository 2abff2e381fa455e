"""The commands that turn a plan into something to share: report, score, trace, graph,
schema, export and diff. Each writes to standard output unless given ``-o FILE``, which is
written atomically.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, TextIO

from .imports import add_year
from .shared import (
    FAILED,
    OK,
    Commands,
    Handler,
    PlanError,
    UsageError,
    add_limit,
    add_output,
    day,
    emit,
    error,
    json_text,
    load_observations,
    load_plan,
    progress_of,
)

if TYPE_CHECKING:
    from .._model import Plan
    from .._score import Scorecard

__all__ = ["add_commands"]

_PLAN_FILE = "a plan file (.toml or .json)"


_date = day


def _scorecard(
    plan: Plan, paths: list[str], as_of: dt.date | None, year: int | None = None
) -> Scorecard:
    """The scorecard of the observations in *paths*: observations files, and the platforms'
    exports (told apart by content) imported by the metrics' feeds; their problems end the
    command (exit 1), as does a value given twice."""
    from .._score import score
    from .imports import imported, is_export

    exports = [path for path in paths if is_export(path)]
    seen = [o for path in paths if path not in exports for o in load_observations(plan, path)]
    if exports:
        found = imported(plan, exports, year)
        if found.summary:
            error(found.summary_text().rstrip("\n"))
        seen += found.observations
    firsts: set[tuple[object, ...]] = set()
    twice = []
    for o in seen:
        identity = (o.metric, o.date, o.channel)
        if identity in firsts:
            twice.append(
                f"{o.metric} on {o.date.isoformat()}" + (f" on {o.channel}" if o.channel else "")
            )
        firsts.add(identity)
    if twice:
        listed = "\n".join(f"  SP011 a second value for {what}" for what in twice)
        raise PlanError(
            f"the observations give {len(twice)} value(s) twice: an export and a file, "
            f"or two files, hold the same metric, date and channel\n{listed}"
        )
    return score(plan, seen, as_of=as_of)


def _report(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from .._io.files import format_of
    from ..render import report
    from ..rules import validate
    from .shared import load_source, project_selection

    plan, source = load_source(args.file, args.limits)
    plan, current = progress_of(args, plan)
    findings = validate(plan, settings=project_selection(Path(args.file)))
    # Placed in the text the plan was read from, as `check` places them, in the file's order.
    findings = findings.located(source.decode("utf-8"), format_of(args.file), args.file)
    card = assessed = None
    if args.observations:  # read once: the scorecard and the maturity's evidence of practice
        from .._score import score
        from ..steps import maturity

        seen = load_observations(plan, args.observations)
        card = score(plan, seen, as_of=args.as_of)
        assessed = maturity(plan, seen, as_of=args.as_of)
    elif args.as_of:
        from ..steps import maturity

        assessed = maturity(plan, as_of=args.as_of)
    text = report(
        plan,
        format=args.format,
        lang=args.lang,
        findings=findings,
        progress=current,
        scorecard=card,
        maturity=assessed,
    )
    return emit(args, out, text)


def _score(args: argparse.Namespace, out: TextIO) -> int:
    from ..render import scorecard

    plan = load_plan(args.file, args.limits)
    card = _scorecard(plan, args.observations, args.as_of, args.year)
    if args.charts:
        from pathlib import Path

        from .. import charts
        from ..export import MissingExtra

        try:
            charts.write_charts(card, Path(args.charts), format=args.chart_format, lang=args.lang)
        except MissingExtra as exc:
            raise UsageError(str(exc)) from None
        except OSError as exc:
            raise UsageError(f"cannot write charts to {args.charts}: {exc}") from None
    return emit(args, out, scorecard(card, format=args.format, lang=args.lang))


def _trace(args: argparse.Namespace, out: TextIO) -> int:
    from .._trace import trace

    matrix = trace(load_plan(args.file, args.limits))
    if args.format == "json":
        emit(args, out, json_text({"file": args.file, **matrix.to_dict()}))
    elif args.format == "markdown":
        emit(args, out, matrix._repr_markdown_())
    else:
        emit(args, out, matrix.to_text())
    return OK if matrix.ok or not args.exit_code else FAILED


_GRAPHS = ("steps", "influence", "channels", "routing", "alignment")


def _graph(args: argparse.Namespace, out: TextIO) -> int:
    from .. import graphs

    if args.what == "steps":
        from .. import steps

        plan, current = progress_of(args)
        if args.format == "gantt":
            try:
                return emit(args, out, steps.to_gantt(current, plan.start))
            except ValueError as exc:
                raise PlanError(f"{args.file}: {exc}") from None
        if args.format == "mermaid":  # coloured by state, as `status` reports them
            return emit(args, out, steps.to_mermaid(current))
        if args.format == "dot":
            return emit(args, out, steps.to_dot(current))
        graph = graphs.steps(current)
    elif args.format == "gantt":
        raise UsageError("--format gantt draws the steps only (--what steps)")
    else:
        graph = getattr(graphs, args.what)(load_plan(args.file, args.limits))
    if args.format == "dot":
        text = graphs.to_dot(graph)
    elif args.format == "svg":
        from ..render._svg import to_svg

        text = to_svg(graph, title=args.what) + "\n"
    else:
        text = graphs.to_mermaid(graph)
    return emit(args, out, text)


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    from ..schema import schema_text

    return emit(args, out, schema_text())


def _export(args: argparse.Namespace, out: TextIO) -> int:
    plan = load_plan(args.file, args.limits)
    if args.to in ("json", "toml"):
        from .._io.files import dumps
        from .._io.inputs import PLAN

        return emit(args, out, dumps(plan, args.to), kind=PLAN, format=args.to)
    from .. import export

    if args.to == "csv":
        return emit(args, out, export.to_csv(plan))
    try:
        return emit(args, out, export.to_ics(plan))
    except export.MissingExtra as exc:
        raise UsageError(str(exc)) from None
    except ValueError as exc:  # SOURCE_DATE_EPOCH that is not a number of seconds
        raise UsageError(str(exc)) from None


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    from .._diff import diff

    changes = diff(load_plan(args.old, args.limits), load_plan(args.new, args.limits))
    if args.format == "json":
        document = {"old": args.old, "new": args.new, **changes.to_dict()}
        emit(args, out, json_text(document))
    else:
        emit(args, out, changes.to_text() if changes else "no changes\n")
    return FAILED if changes and args.exit_code else OK


def add_commands(commands: Commands) -> dict[str, Handler]:
    """Add the output commands to the ``socialplan`` parser; return their handlers by name."""
    report = commands.add_parser(
        "report",
        help="write the strategy report (Markdown or one HTML file)",
        description="The plan as a strategy report for a client or a boss: vision, briefing, "
        "analysis, objectives, audiences, channels, influence, responsibilities, content, "
        "metrics, engagement, policy, resources, scenarios, traceability, progress and the "
        "validation findings. Markdown draws its diagrams in Mermaid; the HTML page is "
        "self-contained (diagrams as inline SVG, nothing loaded from the network).",
    )
    report.add_argument("file", metavar="FILE", help=_PLAN_FILE)
    report.add_argument("--format", choices=["markdown", "html"], default="markdown")
    report.add_argument(
        "--lang", choices=["en", "es"], default="en", help="the report's headings: en or es"
    )
    report.add_argument("--methodology", metavar="NAME", help="as for status")
    report.add_argument(
        "--observations",
        metavar="FILE",
        help="measured results (.csv, .json or .toml): adds the scorecard to the report",
    )
    report.add_argument("--as-of", type=_date, metavar="DATE", help="as for score")
    add_output(report)
    add_limit(report)

    score = commands.add_parser(
        "score",
        help="score measured results against the plan's targets",
        description="For each objective: the latest value of its metrics, progress from "
        "baseline to target, the pace needed against the pace so far, and a verdict "
        "(achieved, on track, at risk, off track, no data); stale metrics; metrics by KPI "
        "level and by channel; cost per result and return by channel.",
    )
    score.add_argument("file", metavar="FILE", help=_PLAN_FILE)
    score.add_argument(
        "observations",
        nargs="+",
        metavar="OBSERVATIONS",
        help="measured values: observations files (.csv, .json or .toml), or the platforms' "
        "exports, imported by the metrics' feeds (see observations import)",
    )
    score.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="score as on this day (YYYY-MM-DD); default: the latest observation's date",
    )
    score.add_argument("--format", choices=["text", "markdown", "html", "json"], default="text")
    score.add_argument("--lang", choices=["en", "es"], default="en", help="en or es")
    score.add_argument(
        "--charts",
        metavar="FOLDER",
        help="also draw each objective against its target here (needs the 'charts' extra)",
    )
    score.add_argument("--chart-format", choices=["svg", "png"], default="svg")
    add_year(score)
    add_output(score)
    add_limit(score)

    trace = commands.add_parser(
        "trace",
        help="show the traceability matrix: goal, objective, metric, channel, audience",
        description="One row per chain from business goal to audience, with every gap marked.",
    )
    trace.add_argument("file", metavar="FILE", help=_PLAN_FILE)
    trace.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    trace.add_argument(
        "--exit-code", action="store_true", help="exit with 1 when a chain has a gap"
    )
    add_output(trace)
    add_limit(trace)

    graph = commands.add_parser(
        "graph",
        help="draw a graph of the plan",
        description="Draw the steps, the influence map, cross-posting between channels, the "
        "routing of messages to roles, or the alignment of goals, objectives, metrics, "
        "channels and audiences; as Mermaid, Graphviz DOT or SVG (Gantt for the steps).",
    )
    graph.add_argument("file", metavar="FILE", help=_PLAN_FILE)
    graph.add_argument("--what", choices=_GRAPHS, default="steps", help="what to draw")
    graph.add_argument("--format", choices=["mermaid", "dot", "svg", "gantt"], default="mermaid")
    graph.add_argument("--methodology", metavar="NAME", help="as for status")
    add_output(graph)
    add_limit(graph)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the plan format",
        description="The JSON Schema (2020-12) of format socialplan/1, for editors and tools.",
    )
    add_output(schema)

    export = commands.add_parser(
        "export",
        help="convert a plan to JSON or TOML, or its calendar to iCalendar or CSV",
        description="json and toml write the whole plan; ics writes the editorial calendar "
        "for calendar apps (needs the 'ics' extra), csv for spreadsheets.",
    )
    export.add_argument("file", metavar="FILE", help=_PLAN_FILE)
    export.add_argument("--to", choices=["json", "toml", "ics", "csv"], required=True)
    add_output(export)
    export.add_argument(
        "--force",
        action="store_true",
        help="with -o naming the plan read, overwrite it even if it changed since it was read",
    )
    add_limit(export)

    diff = commands.add_parser(
        "diff",
        help="say what changed between two versions of a plan",
        description="Objectives added, targets raised, channels dropped, owners changed: the "
        "changes a reviewer approves, in plan terms.",
    )
    diff.add_argument("old", metavar="OLD", help="the earlier version")
    diff.add_argument("new", metavar="NEW", help="the later version")
    diff.add_argument("--format", choices=["text", "json"], default="text")
    diff.add_argument("--exit-code", action="store_true", help="exit with 1 when the plans differ")
    add_output(diff)
    add_limit(diff)

    return {
        "report": _report,
        "score": _score,
        "trace": _trace,
        "graph": _graph,
        "schema": _schema,
        "export": _export,
        "diff": _diff,
    }
