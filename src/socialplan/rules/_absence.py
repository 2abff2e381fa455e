"""What a finding is about: sections not started (SP809), running channels, groups of parts.

A plan that has not started a section (no calendar entry at all, no routing rule at all…)
is unfinished, not wrong: the per-part rules about that section stay silent, and SP809 says,
once, which sections are not started. A section that is started but leaves some parts out
is a weakness in what is written: its rule reports the parts left out as one group
(:func:`grouped`). Channels that are not running (proposed, conditional, retiring, retired)
do not get the rules meant for running ones (:func:`channels_in`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from types import MappingProxyType

import attrs

from .._core.parts import Part
from .._core.vocab import ChannelStatus
from .._model import Channel, Plan
from ._context import Context
from ._registry import Finding, rule

__all__ = [
    "LIVE",
    "NOT_RETIRED",
    "SPOKEN_TO",
    "SECTIONS",
    "Section",
    "channels_in",
    "elsewhere",
    "grouped",
    "not_started",
    "sections_not_started",
]

#: A running channel: in use (no status, as before #17) or active.
LIVE: frozenset[ChannelStatus | None] = frozenset({None, ChannelStatus.ACTIVE})
#: A channel the plan still uses or will switch on: every status but proposed and retired.
NOT_RETIRED: frozenset[ChannelStatus | None] = LIVE | {
    ChannelStatus.CONDITIONAL,
    ChannelStatus.RETIRING,
}


#: A channel that speaks to an audience: running, or switched on when its condition comes.
SPOKEN_TO: frozenset[ChannelStatus | None] = LIVE | {ChannelStatus.CONDITIONAL}


def channels_in(plan: Plan, statuses: Collection[ChannelStatus | None]) -> dict[str, Channel]:
    """The plan's channels whose status is one of *statuses*, in the plan's order."""
    return {key: c for key, c in plan.channels.items() if c.status in statuses}


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Section(Part):
    """A section of a plan that its per-part rules are about.

    *key* is its name in ``[plan.elsewhere]``; *step* is the step of the 14 (seed 004) it
    belongs to; *empty* tells that the plan has
    nothing in it; *wanted* that the plan has parts the section would be about (a calendar
    is wanted when a channel is running). *rules* are the codes that stay silent while the
    section is not started.
    """

    name: str
    key: str
    step: str
    rules: tuple[str, ...]
    empty: Callable[[Plan], bool]
    wanted: Callable[[Plan], bool]


def _running(plan: Plan) -> bool:
    return any(c.status in LIVE for c in plan.channels.values())


#: The sections, in the order of the 14 steps.
SECTIONS: tuple[Section, ...] = (
    Section(
        name="business goals",
        key="business_goals",
        step="objectives",
        rules=("SP209",),
        empty=lambda plan: not plan.business_goals,
        wanted=lambda plan: bool(plan.objectives),
    ),
    Section(
        name="audiences",
        key="audiences",
        step="audiences",
        rules=("SP212", "SP302"),
        empty=lambda plan: not plan.audiences,
        wanted=lambda plan: bool(plan.objectives or channels_in(plan, SPOKEN_TO)),
    ),
    Section(
        name="roles",
        key="roles",
        step="responsibility_map",
        rules=("SP401", "SP402"),
        empty=lambda plan: not plan.roles,
        wanted=lambda plan: bool(channels_in(plan, NOT_RETIRED)),
    ),
    Section(
        name="message routing",
        key="routing",
        step="responsibility_map",
        rules=("SP403",),
        empty=lambda plan: not plan.routing,
        wanted=_running,
    ),
    Section(
        name="metrics",
        key="metrics",
        step="metrics",
        rules=("SP201",),
        empty=lambda plan: not plan.metrics,
        wanted=lambda plan: bool(plan.objectives),
    ),
    Section(
        name="rules of engagement",
        key="engagement",
        step="engagement_framework",
        rules=("SP501",),
        empty=lambda plan: not plan.engagement,
        wanted=_running,
    ),
    Section(
        name="editorial calendar",
        key="calendar",
        step="initial_content",
        rules=("SP604",),
        empty=lambda plan: not plan.calendar,
        wanted=_running,
    ),
)


def elsewhere(plan: Plan, key: str) -> str | None:
    """Where the plan says its section *key* is kept, if in another document.

    >>> from socialplan import Elsewhere
    >>> elsewhere(Plan(name="A", elsewhere=Elsewhere(moderation="The protocol")), "moderation")
    'The protocol'
    >>> elsewhere(Plan(name="A"), "moderation") is None
    True
    """
    return plan.elsewhere.where(key) if plan.elsewhere is not None else None


def _not_started(plan: Plan) -> MappingProxyType[str, Section]:
    return MappingProxyType(
        {
            s.name: s
            for s in SECTIONS
            if s.empty(plan) and s.wanted(plan) and elsewhere(plan, s.key) is None
        },
    )


def _quiet(plan: Plan) -> frozenset[str]:
    """The codes of the per-part rules whose section is empty: not started, or elsewhere."""
    return frozenset(
        code
        for s in SECTIONS
        if s.empty(plan) and (s.wanted(plan) or elsewhere(plan, s.key) is not None)
        for code in s.rules
    )


def sections_not_started(context: Context) -> tuple[Section, ...]:
    """The sections not started that a per-part rule would otherwise report, in order."""
    return tuple(context.memo("absence.not_started", lambda: _not_started(context.plan)).values())


def not_started(context: Context, code: str) -> bool:
    """Whether the section the rule *code* is about is not started, or empty here and kept
    in another document (``[plan.elsewhere]``): the rule stays silent."""
    return code in context.memo("absence.quiet", lambda: _quiet(context.plan))


def grouped(
    found: Iterable[tuple[str, str, str | None]],
    total: int,
    parts: str,
    says: tuple[str, str],
) -> Iterator[Finding]:
    """The findings (path, message, hint) of one cause, as one group: each carries the
    group's words, ``"{n} of {total} {parts} {says}"`` (*says* in the singular, then the
    plural: ``("has no owner", "have no owner")``)."""
    listed = list(found)
    if not listed:
        return
    count = len(listed)
    words = f"{count} of {total} {parts} {says[0] if count == 1 else says[1]}"
    for path, message, hint in listed:
        yield Finding(path, message, hint, group=words)


@rule(
    "SP809",
    "section-not-started",
    "info",
    summary="Sections of the plan that are not started yet.",
    why="An unfinished plan is not a wrong plan (DOMAIN.md): a section with nothing in it "
    "at all (no calendar entry, no routing rule, no rule of engagement…) is work still to "
    "do, which `socialplan status` shows as progress. Its per-part rules stay silent rather "
    "than report the same absence once per channel or objective; this line names the "
    "sections once. A section started but incomplete (some channels have engagement rules, "
    "others not) is a weakness, reported by its rule as one group naming the parts left out. "
    "Evidence: the corpus of real strategies (tests/realworld/), where SP604, SP403 and SP501 "
    "fired once per channel on plans with no calendar, routing or engagement rules at all, "
    "and a strategist labelled every repeat noise.",
    fix="Start the sections named, in the order of `socialplan status`, when the plan "
    "reaches them.",
    example='[channels.facebook]\nplatform = "facebook"  # and no [[calendar]] entry at all',
)
def section_not_started(context: Context) -> Iterator[Finding]:
    sections = sections_not_started(context)
    if sections:
        yield Finding("", "Not started yet: " + ", ".join(s.name for s in sections))
