"""SP7, substance (issue #18): measures of value that are not, metrics with no target to
judge them by, reports that go to nobody."""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import attrgetter

from .._core.placeholders import is_placeholder, joined_distinct
from .._core.text import number, show
from .._core.vocab import Measure, ascii_fold
from .._model import Metric
from ._context import Context
from ._registry import Finding, rule

#: "AVE" as a word in capitals (not "ave", "Ave." or "average"), or the words it stands for.
_AVE = re.compile(r"\bAVEs?\b")
_AVE_WORDS = (
    "advertising value",
    "advertising equivalen",
    "ad value equivalen",
    "valor publicitario",
    "equivalencia publicitaria",
)


#: The texts of a metric that may say AVE.
_TEXTS = attrgetter("name", "unit", "source")


def _says_ave(text: str | None) -> bool:
    if text is None:
        return False
    folded = ascii_fold(text)
    return ("AVE" in text and bool(_AVE.search(text))) or any(w in folded for w in _AVE_WORDS)


@rule(
    "SP707",
    "ave-as-value",
    "warning",
    summary="A metric that values communication by advertising value equivalency (AVE).",
    why="AVE prices coverage or posts at what the same space would have cost as advertising. "
    "It says nothing of what the audience thought or did, and the measurement profession "
    "rejects it as a measure of value (the Barcelona Principles, AMEC 2010 and 3.0 in 2020: "
    "'AVEs are not the value of communication'); issue #18 lists it among what a "
    "strategist catches.",
    fix="Measure what the coverage or the posts achieved for the objective: reach among the "
    "audience, share of voice, sentiment, visits, sign-ups, enquiries.",
    example='[metrics.coverage]\nname = "Advertising value equivalency of press coverage"',
)
def ave_as_value(context: Context) -> Iterator[Finding]:
    metrics = context.plan.metrics
    # A screen: the texts joined by newlines say AVE exactly when one of them does (folding
    # goes a character at a time, and neither the words nor the capitals span a newline).
    # Each distinct text once, column by column: units and sources repeat, names do not.
    columns = zip(*map(_TEXTS, metrics.values()), strict=True)
    if not _says_ave("\n".join(joined_distinct(list(filter(None, c))) for c in columns)):
        return
    for key, metric in metrics.items():
        for field in ("name", "unit", "source"):
            if _says_ave(getattr(metric, field)):
                yield Finding(
                    f"metrics.{key}.{field}",
                    f'metric "{key}" values communication by advertising value equivalency',
                    "measure what it achieved instead: reach, share of voice, visits, sign-ups",
                )
                break


def _peer_key(metric: Metric) -> str | None:
    """What a metric is compared with: the metrics of its family, else of its method."""
    if metric.family is not None:
        return str(metric.family)
    if metric.method is not None:
        return str(metric.method)
    return None


@rule(
    "SP708",
    "metric-without-target",
    "warning",
    summary="A quantitative metric with no target, where the plan gives a baseline for it or "
    "targets for the other metrics of its kind.",
    why="A baseline says where the organisation stands and a target where it wants to be: a "
    "metric with a starting figure and nowhere to go, or the one survey measure of four "
    "left without the bar the others have, is counted and reported with nothing to judge it "
    "by. The corpus: Bracknell Forest Council sets a bar for three of its four survey "
    "measures, not for Town & Country.",
    fix="Give the metric a `target` (or its objective one), as its siblings have; or say in "
    "its `cite` why it is watched without one.",
    example='[metrics.library_rating]\nfamily = "perception"\ntarget = 80\n'
    '[metrics.magazine_rating]\nfamily = "perception"  # and no target',
)
def metric_without_target(context: Context) -> Iterator[Finding]:
    plan = context.plan
    # Whether each quantitative metric is targeted, asked once (against the objectives that
    # have a target, found once); and the siblings of a peer group named once, however many
    # of its metrics lack a target.
    aimed = frozenset(k for k, o in plan.objectives.items() if o.target is not None)
    quantitative = Measure.QUANTITATIVE
    untargeted: list[tuple[str, Metric]] = []
    peers: dict[str, list[str]] = {}
    for key, metric in plan.metrics.items():
        if metric.kind is not quantitative:
            continue
        if metric.target is None and aimed.isdisjoint(metric.measures):
            untargeted.append((key, metric))
            continue
        peer = _peer_key(metric)
        if peer is not None:
            peers.setdefault(peer, []).append(key)
    names: dict[str, str] = {}
    for key, metric in untargeted:
        if metric.baseline is not None:
            yield Finding(
                f"metrics.{key}.target",
                f'metric "{key}" has a baseline ({number(metric.baseline, decimals=None)}) '
                "but no target, and no objective it measures has one",
                "set target = … (where it should get to), or a target on its objective",
            )
            continue
        peer = _peer_key(metric)
        siblings = peers.get(peer, []) if peer is not None else []
        if peer is not None and siblings:
            if peer not in names:
                names[peer] = ", ".join(show(s) for s in siblings)
            yield Finding(
                f"metrics.{key}.target",
                f'metric "{key}" has no target, though the other {peer} metrics have one '
                f"({names[peer]})",
                "set target = …, as for the others",
            )


@rule(
    "SP709",
    "report-without-recipient",
    "warning",
    summary="A report of results that names nobody who receives it.",
    why="A report is for someone who reads it and decides something: keep a channel, move "
    "the budget, change the content. One addressed to nobody is made, filed and not acted "
    "on. The corpus: GitLab's monthly campaign report has no named recipient.",
    fix='Name who receives it in `to` (a role of the plan, or a body such as "board"), and '
    "say what they decide on it.",
    example='[reporting.monthly]\ntitle = "Monthly campaign report"\nevery = "monthly"',
)
def report_without_recipient(context: Context) -> Iterator[Finding]:
    for key, report in context.plan.reporting.items():
        if all(is_placeholder(recipient) for recipient in report.to):
            yield Finding(
                f"reporting.{key}.to",
                f'report "{key}" names nobody who receives it',
                'name who reads it and decides on it: to = ["<role or body>"]',
            )
