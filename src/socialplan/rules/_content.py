"""SP6: content serves objectives; the calendar covers every channel, inside the plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .._core.text import counted, number, show
from .._model import CalendarEntry
from ._absence import LIVE, channels_in, grouped, not_started
from ._context import Context
from ._registry import Finding, rule

_WEEK = 7 * 24 * 3600


@rule(
    "SP601",
    "pillar-without-objective",
    "warning",
    summary="A content pillar that serves no objective.",
    why="Seed 004 ties content pillars to objectives; a theme that serves none is content for "
    "its own sake.",
    fix="Name the objectives the pillar serves in `objectives`.",
    example='[content.pillars.fun]\ntheme = "Fun facts"',
)
def pillar_without_objective(context: Context) -> Iterator[Finding]:
    content = context.plan.content
    if content is None:
        return
    yield from grouped(
        (
            (
                f"content.pillars.{key}.objectives",
                f'content pillar "{key}" serves no objective',
                "name the objectives it serves",
            )
            for key, pillar in content.pillars.items()
            if not pillar.objectives
        ),
        len(content.pillars),
        "content pillars",
        ("serves no objective", "serve no objective"),
    )


@rule(
    "SP602",
    "pillar-shares-not-100",
    "error",
    summary="The content pillars' shares do not add up to 100 %.",
    why="Shares split the content between pillars; if they add up to more or less than 100 % "
    "the split cannot be followed.",
    fix="Adjust the shares so that they add up to 100.",
    example="[content.pillars.a]\nshare = 60\n[content.pillars.b]\nshare = 60",
)
def pillar_shares_not_100(context: Context) -> Iterator[Finding]:
    content = context.plan.content
    if content is None or not content.pillars:
        return
    shares = [p.share for p in content.pillars.values()]
    if all(s is not None for s in shares):
        total = sum(s for s in shares if s is not None)
        if abs(total - 100) > 1e-6:
            yield Finding(
                "content.pillars",
                f"the pillars' shares add up to {number(total, decimals=6)} %, not 100 %",
                "adjust the shares",
            )


@rule(
    "SP603",
    "pillar-shares-partial",
    "warning",
    summary="Some content pillars give a share and others do not.",
    why="A split that names the share of some pillars leaves the others to guesswork.",
    fix="Give every pillar a share, or none.",
    example="[content.pillars.a]\nshare = 60\n[content.pillars.b]\ntheme = 'no share'",
)
def pillar_shares_partial(context: Context) -> Iterator[Finding]:
    content = context.plan.content
    if content is None:
        return
    given = [k for k, p in content.pillars.items() if p.share is not None]
    if given and len(given) < len(content.pillars):
        yield from grouped(
            (
                (
                    f"content.pillars.{key}.share",
                    f'content pillar "{key}" has no share, '
                    f"unlike {counted(len(given), 'other pillar')}",
                    "give every pillar a share, or none",
                )
                for key, pillar in content.pillars.items()
                if pillar.share is None
            ),
            len(content.pillars),
            "content pillars",
            ("has no share", "have no share"),
        )


@rule(
    "SP604",
    "channel-not-in-calendar",
    "warning",
    summary="A channel with no entry in the editorial calendar.",
    why="Step 11 publishes initial content on every channel; a channel with nothing in the "
    "calendar stays empty."
    " It is about running channels (no `status`, or `active`); proposed, conditional, "
    "retiring and retired ones are left out. Silent while the plan has no calendar entry at "
    "all: SP809 says that once.",
    fix="Add `[[calendar]]` entries for the channel.",
    example='[channels.youtube]\nplatform = "youtube"  # no [[calendar]] entry names it',
)
def channel_not_in_calendar(context: Context) -> Iterator[Finding]:
    if not_started(context, "SP604"):
        return  # no calendar entry at all: SP809 says it once
    running = channels_in(context.plan, LIVE)
    yield from grouped(
        (
            (
                f"channels.{key}",
                f'channel "{key}" has nothing in the calendar',
                f'add [[calendar]] entries with channel = "{key}"',
            )
            for key in running
            if key not in context.calendar_by_channel
        ),
        len(running),
        "channels",
        ("has nothing in the calendar", "have nothing in the calendar"),
    )


@rule(
    "SP605",
    "calendar-outside-plan",
    "warning",
    summary="A calendar entry dated before the plan starts or after its long-term horizon.",
    why="Content scheduled outside the plan's time is either a typo or work the plan does not "
    "cover.",
    fix="Correct the date, or the plan's start or horizons.",
    example="[plan]\nstart = 2027-01-10\n[[calendar]]\ndate = 2026-01-10",
)
def calendar_outside_plan(context: Context) -> Iterator[Finding]:
    plan = context.plan
    end = plan.horizons.long if plan.horizons else None
    for position, entry in enumerate(plan.calendar):
        if plan.start is not None and entry.date < plan.start:
            yield Finding(
                f"calendar[{position}].date",
                f"{show(entry.title)} is dated {entry.date}, before the plan starts ({plan.start})",
            )
        elif end is not None and entry.date > end:
            yield Finding(
                f"calendar[{position}].date",
                f"{show(entry.title)} is dated {entry.date}, after the long-term horizon ({end})",
            )


def _weeks(first: dt.date, last: dt.date) -> float:
    return max((last - first).days + 1, 7) / 7


def _planned_per_week(entries: list[CalendarEntry]) -> float:
    """Posts a week: recurring entries at their pace, one-off ones over the span they cover."""
    recurring = sum(_WEEK / e.repeat.seconds for e in entries if e.repeat is not None)
    once = [e.date for e in entries if e.repeat is None]
    return recurring + (len(once) / _weeks(min(once), max(once)) if once else 0.0)


@rule(
    "SP606",
    "frequency-against-calendar",
    "warning",
    summary="A channel's calendar does not match its posting frequency.",
    why="The engagement framework promises a posting frequency; a calendar with half or twice "
    "as many posts does not keep that promise."
    " It is about running channels (no `status`, or `active`); proposed, conditional, "
    "retiring and retired ones are left out.",
    fix="Add or remove calendar entries (a recurring one takes `repeat`), or correct "
    "`posting_frequency`.",
    example='[engagement.facebook]\nposting_frequency = "daily"  # one post a month planned',
)
def frequency_against_calendar(context: Context) -> Iterator[Finding]:
    plan = context.plan
    for key, engagement in plan.engagement.items():
        frequency = engagement.posting_frequency
        positions = context.calendar_by_channel.get(key)
        if frequency is None or not positions:
            continue
        if key in plan.channels and plan.channels[key].status not in LIVE:
            continue  # a channel that is not running keeps no posting rhythm
        planned = _planned_per_week([plan.calendar[i] for i in positions])
        promised = frequency.per_week
        if not promised / 2 <= planned <= promised * 2:
            yield Finding(
                f"engagement.{key}.posting_frequency",
                f'"{key}" should post {frequency} ({number(promised)} a week) but its calendar '
                f"has {number(planned)} a week",
                "align the calendar with the posting frequency",
            )
