"""The scorecard written out: plain text, Markdown, one HTML page, or JSON.

A :class:`~socialplan.Scorecard` (see :func:`socialplan.score`) becomes report
blocks (:mod:`._document`) once; the Markdown and HTML writers of the strategy
report and a plain-text writer of this module turn the same blocks into their
format, escaping the plan's text for where it lands. JSON is the scorecard's
own :meth:`~socialplan.Scorecard.to_dict`.

The parts, in order: the objectives with their verdicts, the metrics by KPI
level with their pace, the latest value of each metric on each channel, the
stale metrics, and the return on investment by channel.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from .._core.text import counted, number, percent
from . import _triggers
from ._document import Block, Bullets, Fields, Heading, Note, Paragraph, Table
from ._i18n import LANGUAGES, words
from ._values import target_text, text

if TYPE_CHECKING:
    from .._score import ChannelReturn, MetricScore, ObjectiveScore, Scorecard

__all__ = ["FORMATS", "blocks", "scorecard", "to_text"]

#: The formats a scorecard can be written in.
FORMATS = ("text", "markdown", "html", "json")

_LEVELS = (("1", "level_1"), ("2", "level_2"), ("3", "level_3"), ("none", "level_none"))


# ---------------------------------------------------------------------------
# Values as cell text.
# ---------------------------------------------------------------------------


def _money(value: float | None, currency: str | None) -> str:
    shown = number(value)
    return f"{shown} {currency}" if shown and currency else shown


def _verdict(verdict: object, w: Mapping[str, str]) -> str:
    name = getattr(verdict, "name", str(verdict)).lower().replace(" ", "_")
    return w.get(f"verdict_{name}", str(verdict))


# ---------------------------------------------------------------------------
# The blocks.
# ---------------------------------------------------------------------------


def _deciding(objective: ObjectiveScore) -> MetricScore | None:
    """The metric whose verdict is the objective's: the first judged one that has it."""
    judged = [m for m in objective.metrics if m.target is not None]
    for metric in judged or objective.metrics:
        if metric.verdict == objective.verdict:
            return metric
    candidates = judged or list(objective.metrics)
    return candidates[0] if candidates else None


def _counts(card: Scorecard, w: Mapping[str, str], lang: str) -> str:
    counts: dict[str, int] = {}
    for objective in card.objectives:
        shown = _verdict(objective.verdict, w)
        counts[shown] = counts.get(shown, 0) + 1
    order = ["achieved", "on_track", "at_risk", "off_track", "no_data"]
    parts = [
        counted(counts[w[f"verdict_{key}"]], w[f"verdict_{key}"], lang)
        for key in order
        if w[f"verdict_{key}"] in counts
    ]
    return f"{w['sc_counts_intro']} {', '.join(parts)}." if parts else ""


def _reason(metric: MetricScore, w: Mapping[str, str]) -> str:
    """Why the metric has its verdict, in the scorecard's language."""
    from ._i18n import reasons

    if metric.why is None:
        return metric.reason
    return metric.why.words(reasons(w["lang"]))


def _objectives(card: Scorecard, w: Mapping[str, str]) -> list[Block]:
    if not card.objectives:
        return [Note(w["sc_no_objectives"])]
    rows: list[list[str]] = []
    for objective in card.objectives:
        metric = _deciding(objective)
        unit = f" {metric.unit}" if metric is not None and metric.unit else ""
        latest = number(metric.latest) if metric is not None else ""
        rows.append(
            [
                objective.title,
                _verdict(objective.verdict, w),
                target_text(objective.target, w),
                f"{latest}{unit}" if latest else "",
                percent(metric.progress) if metric is not None else "",
                _reason(metric, w) if metric is not None else w["sc_no_metric"],
            ]
        )
    head = ["objective", "verdict", "target", "latest", "progress", "why"]
    return [Table([w[f"col_{h}"] for h in head], rows)]


def _metric_row(metric: MetricScore, w: Mapping[str, str]) -> list[str]:
    return [
        metric.name,
        metric.unit or "",
        number(metric.latest),
        text(metric.latest_date),
        number(metric.baseline),
        number(metric.target),
        text(metric.deadline),
        percent(metric.progress),
        number(metric.pace_needed, sign=True),
        number(metric.pace_so_far, sign=True),
        number(metric.projected),
        _verdict(metric.verdict, w),
    ]


def _metrics(card: Scorecard, w: Mapping[str, str], level: int) -> list[Block]:
    if not card.metrics:
        return [Note(w["sc_no_metrics"])]
    head = [
        "metric",
        "unit",
        "latest",
        "date",
        "baseline",
        "target",
        "deadline",
        "progress",
        "pace_needed",
        "pace_so_far",
        "projected",
        "verdict",
    ]
    out: list[Block] = []
    groups = card.by_level()
    for key, label in _LEVELS:
        if groups.get(key):
            out.append(Heading(level, w[label], anchor=f"scorecard-{label}"))
            out.append(
                Table([w[f"col_{h}"] for h in head], [_metric_row(m, w) for m in groups[key]])
            )
    return out


def _share(share: float | None, wanted: float | None, key: str, w: Mapping[str, str]) -> str:
    """A reading's share against the share wanted: "42% (at least 60%)"."""
    if wanted is None:
        return percent(share)
    return w[key].format(share=percent(share) or "–", wanted=percent(wanted))


def _qualitative(card: Scorecard, w: Mapping[str, str]) -> list[Block]:
    """The qualitative metrics' latest readings against what they expect; none without any."""
    rows = [
        [
            m.name,
            text(q.date),
            _share(q.positive, q.wanted_positive, "sc_at_least", w),
            _share(q.negative, q.wanted_negative, "sc_at_most", w),
            ", ".join(q.keywords_missing),
            ", ".join(q.voices_missing),
            _verdict(m.verdict, w),
        ]
        for m in card.metrics
        if (q := m.quality) is not None
    ]
    if not rows:
        return []
    head = ["metric", "date", "positive", "negative", "keywords_missing", "voices_missing"]
    return [Table([w[f"col_{h}"] for h in [*head, "verdict"]], rows)]


def _channels(card: Scorecard, w: Mapping[str, str]) -> list[Block]:
    rows = [
        [channel, metric.name, number(metric.by_channel[channel]), metric.unit or ""]
        for channel, metrics in card.by_channel().items()
        for metric in metrics
        if channel in metric.by_channel
    ]
    if not rows:
        return [Note(w["sc_no_channels"])]
    head = ["channel", "metric", "on_channel", "unit"]
    return [Table([w[f"col_{h}"] for h in head], rows)]


def _stale(card: Scorecard, w: Mapping[str, str]) -> list[Block]:
    stale = card.stale
    if not stale:
        return [Note(w["sc_none_stale"])]
    items = [
        w["sc_stale_since"].format(metric=m.name, date=text(m.latest_date))
        if m.latest_date is not None
        else w["sc_stale_never"].format(metric=m.name)
        for m in stale
    ]
    return [Bullets(items)]


def _return_row(row: ChannelReturn, label: str, currency: str | None) -> list[str]:
    return [
        label,
        _money(row.cost, currency),
        number(row.results),
        _money(row.value, currency),
        _money(row.cost_per_result, currency),
        percent(row.roi, sign=True),
    ]


def _returns(card: Scorecard, w: Mapping[str, str]) -> list[Block]:
    rows = [
        _return_row(r, r.channel if r.channel is not None else w["sc_shared"], card.currency)
        for r in card.returns
    ]
    if card.total is not None:
        rows.append(_return_row(card.total, w["total"], card.currency))
    if not rows:
        return [Note(w["sc_no_returns"])]
    head = ["channel", "cost", "results", "value", "cost_per_result", "roi"]
    return [Table([w[f"col_{h}"] for h in head], rows)]


def blocks(card: Scorecard, lang: str = "en", *, level: int = 2) -> list[Block]:
    """The scorecard as report blocks, its own heading at *level* and its parts one below.

    At *level* 2 (the default) the blocks are one section of the strategy
    report, titled "Results against the plan"; at *level* 1 they are a
    document of their own, titled with the plan's name.

    >>> import datetime as dt
    >>> from socialplan import Plan, score
    >>> card = score(Plan(name="Spring"), [], as_of=dt.date(2027, 3, 1))
    >>> [b.text for b in blocks(card, "en") if isinstance(b, Heading)]
    ['Results against the plan', 'Objectives', 'Metrics by KPI level', 'By channel', \
'Stale metrics', 'Return on investment']
    """
    w = words(lang)
    if not 1 <= level <= 5:
        raise ValueError(f"a scorecard's heading level is 1 to 5, not {level}")
    part = level + 1
    out: list[Block] = []
    if level == 1:
        out.append(Heading(1, card.plan, anchor="top"))
    else:
        out.append(Heading(level, w["scorecard"], anchor="scorecard"))
    out.append(Note(w["sc_as_of"].format(date=text(card.as_of))))
    counts = _counts(card, w, lang)
    if counts:
        out.append(Paragraph(counts))
    sections: tuple[tuple[str, list[Block]], ...] = (
        ("sc_objectives", _objectives(card, w)),
        ("sc_metrics", _metrics(card, w, part + 1)),
        ("sc_channels", _channels(card, w)),
        ("sc_stale", _stale(card, w)),
        ("sc_returns", _returns(card, w)),
    )
    qualitative = _qualitative(card, w)
    if qualitative:  # after the metrics, for a plan that reads any (other cards stay as they were)
        sections = (*sections[:2], ("sc_qualitative", qualitative), *sections[2:])
    for key, body in sections:
        out.append(Heading(part, w[key], anchor=f"scorecard-{key[3:]}"))
        out.extend(body)
    out.extend(_triggers.scorecard_blocks(card, w, part))
    return out


# ---------------------------------------------------------------------------
# Plain text.
# ---------------------------------------------------------------------------


def _plain(value: str) -> str:
    """Plan text on one terminal line: whitespace runs as one space, controls escaped.

    >>> _plain("Sale\\n\\x1b[31mnow")
    'Sale \\\\u001b[31mnow'
    """
    from .._core.escape import visible_controls

    return visible_controls(" ".join(value.split()))


def _width(value: str) -> int:
    """How many terminal columns *value* takes: wide characters two, combining marks none."""
    width = 0
    for char in value:
        if unicodedata.combining(char) or char == "\u200d":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _pad(value: str, width: int, *, right: bool = False) -> str:
    gap = " " * (width - _width(value))
    return gap + value if right else value + gap


_NUMERIC = re.compile(r"[+-]?[0-9][0-9,]*(\.[0-9]+)?%?")


def _numeric(value: str) -> bool:
    return _NUMERIC.fullmatch(value) is not None


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    cells = [[_plain(c) for c in head], *([_plain(c) for c in row] for row in rows)]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(head))]
    right = [
        all(_numeric(row[i]) for row in cells[1:] if row[i]) and any(row[i] for row in cells[1:])
        for i in range(len(head))
    ]
    lines = []
    for index, row in enumerate(cells):
        line = "  ".join(_pad(c, widths[i], right=right[i]) for i, c in enumerate(row))
        lines.append(line.rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return lines


def _text_block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        title = _plain(block.text)
        rule = {1: "=", 2: "-"}.get(block.level)
        return [title, rule * _width(title)] if rule else [title]
    if isinstance(block, Paragraph | Note):
        return [_plain(block.text)]
    if isinstance(block, Fields):
        width = max((_width(_plain(k)) for k, _ in block.items), default=0) + 1
        return [_pad(_plain(k) + ":", width) + " " + _plain(v) for k, v in block.items]
    if isinstance(block, Bullets):
        lines = [_plain(block.label)] if block.label else []
        return lines + [f"- {_plain(item)}" for item in block.items]
    if isinstance(block, Table):
        return _table(block.head, block.rows)
    raise TypeError(f"not a block of plain text: {block!r}")


def to_text(card: Scorecard, *, lang: str = "en") -> str:
    """The scorecard as aligned plain text, for a terminal or an e-mail.

    The plan's text is kept on one line each, with control characters (which
    a terminal would obey) written as ``\\uXXXX`` escapes.
    """
    parts = [_text_block(b) for b in blocks(card, lang, level=1)]
    return "\n\n".join("\n".join(lines) for lines in parts) + "\n"


def scorecard(
    card: Scorecard,
    *,
    format: Literal["text", "markdown", "html", "json"] = "text",  # noqa: A002
    lang: Literal["en", "es"] = "en",
) -> str:
    """The scorecard of :func:`socialplan.score` as text, Markdown, one HTML page, or JSON.

    Every format lists every objective with its verdict; *lang* sets the
    scorecard's own words and the verdicts' reasons (the plan's text stays as
    written; JSON is data, its reasons in English). HTML is one self-contained page, like
    the strategy report's.

    >>> import datetime as dt
    >>> from socialplan import Plan, score
    >>> card = score(Plan(name="Spring"), [], as_of=dt.date(2027, 3, 1))
    >>> print(scorecard(card).splitlines()[0])
    Spring
    """
    if format not in FORMATS:
        raise ValueError(f"no scorecard format {format!r}; expected one of {', '.join(FORMATS)}")
    if lang not in LANGUAGES:
        raise ValueError(f"no report language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    if format == "json":
        import json

        from .._core.escape import escaped_controls

        text = json.dumps(card.to_dict(), indent=2, ensure_ascii=False, allow_nan=False)
        return escaped_controls(text) + "\n"
    if format == "text":
        return to_text(card, lang=lang)
    document = blocks(card, lang, level=1)
    contents = words(lang)["contents"]
    if format == "html":
        from ._html import write as write_html

        return write_html(document, contents, lang)
    from ._markdown import write as write_markdown

    return write_markdown(document, contents)
