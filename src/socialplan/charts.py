"""Charts of measured results against the plan's targets, as SVG or PNG.

One chart per objective: each metric judged against the objective's target
as a line with a marker per observation date, the target and the baseline as
horizontal lines, the deadline as a vertical line, and the projection at the
pace so far as a dotted line to the deadline. The objective's title heads the
chart and its verdict stands at the right.

Charts are drawn with matplotlib, an optional dependency: ``pip install
'socialplan[charts]'``. Without it, :func:`objective_chart` and
:func:`write_charts` raise :class:`socialplan.export.MissingExtra` naming that
command. The same scorecard always gives the same bytes (no timestamps, a
fixed hash salt, matplotlib's default style whatever the local settings).

>>> import socialplan
>>> from socialplan import charts, observations
>>> plan = socialplan.load("examples/cartoon/plan.toml")
>>> card = socialplan.score(plan, observations.load("examples/cartoon/observations.csv", plan))
>>> svg = charts.objective_chart(card, "awareness_reach")
>>> svg.startswith(b"<?xml")
True
"""

from __future__ import annotations

import datetime as dt
import io
import os
import textwrap
import unicodedata
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ._io.write import Batch
from .export import MissingExtra

if TYPE_CHECKING:
    from ._score import MetricScore, ObjectiveScore, Scorecard

__all__ = ["FORMATS", "objective_chart", "write_charts"]

#: The formats a chart can be drawn in.
FORMATS = ("svg", "png")

_SIZE = (8.0, 4.5)  # inches
_DPI = 100
_SETTINGS = {
    "svg.hashsalt": "socialplan",
    "svg.fonttype": "path",
    "axes.titlesize": 11,
    "legend.fontsize": 8,
}
# No creation date, no producing software: the same scorecard gives the same bytes.
_METADATA: dict[str, dict[str, Any]] = {
    "svg": {"Date": None, "Creator": None},
    "png": {"Software": None},
}


def _matplotlib() -> Any:
    """matplotlib, or :class:`MissingExtra` naming the extra that installs it."""
    try:
        import matplotlib
        import matplotlib.dates
        import matplotlib.figure
        import matplotlib.style
    except ImportError as exc:
        raise MissingExtra("charts", "matplotlib", "drawing charts") from exc
    return matplotlib


def _label(value: str) -> str:
    """Plan text as a chart label: control and unassigned characters as spaces."""
    return "".join(
        " " if unicodedata.category(char) in ("Cc", "Cn", "Zl", "Zp") else char for char in value
    )


def _objective(card: Scorecard, objective_id: str) -> ObjectiveScore:
    for objective in card.objectives:
        if objective.objective == objective_id:
            return objective
    known = ", ".join(o.objective for o in card.objectives) or "none"
    raise KeyError(f"no objective {objective_id!r} in the scorecard (objectives: {known})")


def _charted(objective: ObjectiveScore) -> list[MetricScore]:
    """The metrics drawn for *objective*: those judged against it that have observations."""
    observed = [m for m in objective.metrics if m.series]
    judged = [m for m in observed if m.objective == objective.objective]
    return judged or observed[:1]


def _draw(card: Scorecard, objective: ObjectiveScore, metrics: list[MetricScore], lang: str) -> Any:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure
    from matplotlib.ticker import StrMethodFormatter

    from ._core.text import number
    from .render._i18n import words

    w = words(lang)
    figure = Figure(figsize=_SIZE, dpi=_DPI, layout="constrained")
    # Dates on the x axis: matplotlib converts them, its type hints only know numbers.
    axes: Any = figure.add_subplot()
    handles: list[Any] = []
    labels: list[str] = []
    for metric in metrics:
        dates = [day for day, _ in metric.series]
        values = [value for _, value in metric.series]
        (line,) = axes.plot(dates, values, marker="o", markersize=4, linewidth=1.8)
        handles.append(line)
        labels.append(_label(metric.name))
        if (
            metric.projected is not None
            and metric.deadline is not None
            and metric.latest is not None
            and metric.latest_date is not None
            and metric.deadline > metric.latest_date
        ):
            (projection,) = axes.plot(
                [metric.latest_date, metric.deadline],
                [metric.latest, metric.projected],
                linestyle=":",
                linewidth=1.5,
                color=line.get_color(),
            )
            handles.append(projection)
            labels.append(f"{w['col_projected']}: {number(metric.projected)}")
    first = metrics[0]
    unit = _label(first.unit) if first.unit else ""
    if first.target is not None:
        handles.append(axes.axhline(first.target, color="tab:green", linestyle="--", linewidth=1.2))
        labels.append(f"{w['col_target']}: {number(first.target)} {unit}".rstrip())
    # Without a target, the baseline and the deadline would only be the first value and a date.
    if first.target is not None and first.baseline is not None:
        handles.append(axes.axhline(first.baseline, color="grey", linestyle=":", linewidth=1.2))
        labels.append(f"{w['col_baseline']}: {number(first.baseline)} {unit}".rstrip())
    if first.target is not None and first.deadline is not None:
        handles.append(axes.axvline(first.deadline, color="tab:red", linestyle="-.", linewidth=1.2))
        labels.append(f"{w['col_deadline']}: {first.deadline.isoformat()}")
    _keep_within_the_calendar(axes, metrics)
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.yaxis.set_major_formatter(StrMethodFormatter("{x:,.12g}"))
    axes.grid(visible=True, color="#e5e5e5", linewidth=0.8)
    axes.set_axisbelow(True)
    if unit:
        axes.set_ylabel(unit, parse_math=False)
    title = "\n".join(textwrap.wrap(_label(objective.title), 60, max_lines=2)) or " "
    axes.set_title(title, loc="left", parse_math=False)
    verdict = w.get(f"verdict_{objective.verdict.name.lower()}", str(objective.verdict))
    axes.set_title(f"{verdict} · {card.as_of.isoformat()}", loc="right", parse_math=False)
    legend = figure.legend(handles, labels, loc="outside lower center", ncols=2, frameon=False)
    for entry in legend.get_texts():
        entry.set_parse_math(False)
    return figure


# matplotlib's margin around the data, and the span it gives a single day (DateLocator).
_MARGIN = 0.05
_SINGLE_DAY_SPAN = 2 * 365


def _keep_within_the_calendar(axes: Any, metrics: list[MetricScore]) -> None:
    """Limit the x axis to 0001-01-01 .. 9999-12-31 when its margins would go past them.

    matplotlib cannot draw a date outside those years, and its margins around dates
    near either end (a deadline of 9999-12-31) would be.
    """
    days = [day for metric in metrics for day, _ in metric.series]
    days += [d for metric in metrics for d in (metric.deadline, metric.latest_date) if d]
    if not days:
        return
    low, high = min(days).toordinal(), max(days).toordinal()
    margin = _MARGIN * (high - low) if high > low else _SINGLE_DAY_SPAN
    first, last = dt.date.min.toordinal(), dt.date.max.toordinal()
    if low - margin >= first and high + margin <= last:
        return  # matplotlib's own limits
    start = dt.date.fromordinal(max(first, round(low - margin)))
    end = dt.date.fromordinal(min(last, round(high + margin)))
    axes.set_xlim(start, end)


def objective_chart(
    card: Scorecard,
    objective_id: str,
    *,
    format: Literal["svg", "png"] = "svg",  # noqa: A002
    lang: Literal["en", "es"] = "en",
) -> bytes:
    """The chart of one objective of *card* (see :func:`socialplan.score`), as SVG or PNG bytes.

    The chart shows the metrics judged against the objective's target (else
    the first observed metric that measures it). Raises :class:`KeyError`
    for an objective the scorecard does not have and :class:`ValueError` for
    one without observations; *lang* sets the legend's words.
    """
    if format not in FORMATS:
        raise ValueError(f"no chart format {format!r}; expected one of {', '.join(FORMATS)}")
    return _chart(card, _objective(card, objective_id), format, lang)


def _chart(
    card: Scorecard, objective: ObjectiveScore, kind: str, lang: Literal["en", "es"]
) -> bytes:
    """The chart of *objective*, one of *card*'s: :func:`objective_chart` once it is found."""
    metrics = _charted(objective)
    if not metrics:
        raise ValueError(f"objective {objective.objective!r} has no observations to chart")
    matplotlib = _matplotlib()
    buffer = io.BytesIO()
    with (
        warnings.catch_warnings(),
        matplotlib.style.context("default"),
        matplotlib.rc_context(_SETTINGS),
    ):
        # A title in a script the bundled font lacks draws boxes, not an error.
        warnings.filterwarnings("ignore", message=".*missing from font", category=UserWarning)
        figure = _draw(card, objective, metrics, lang)
        figure.savefig(buffer, format=kind, dpi=_DPI, metadata=_METADATA[kind])
    return buffer.getvalue()


def write_charts(
    card: Scorecard,
    folder: str | os.PathLike[str],
    *,
    format: Literal["svg", "png"] = "svg",  # noqa: A002
    lang: Literal["en", "es"] = "en",
) -> list[Path]:
    """Write the chart of every objective with observations into *folder*, one file each.

    Files are named after the objective's id (``awareness_reach.svg``) and
    written all or none: each to a temporary file first, all put in place
    once every chart is drawn and written; a failure leaves the folder as it
    was (one that had to be made is removed). The folder is created if
    needed. A chart is not written over a file read in this run, into a FIFO
    or a device, or beyond a symbolic link that leads out of its folder.
    Returns the paths written, in the plan's order of objectives.
    """
    if format not in FORMATS:
        raise ValueError(f"no chart format {format!r}; expected one of {', '.join(FORMATS)}")
    _matplotlib()
    target = Path(folder)
    charted = [o for o in card.objectives if _charted(o)]
    for objective in charted:
        if Path(objective.objective).name != objective.objective or objective.objective in (
            "",
            ".",
        ):
            raise ValueError(f"objective id {objective.objective!r} cannot name a file")
    written: list[Path] = []
    with Batch() as batch:  # all or none
        batch.folder(target)
        for objective in charted:
            path = target / f"{objective.objective}.{format}"
            batch.add(path, _chart(card, objective, format, lang))
            written.append(path)
    return written
