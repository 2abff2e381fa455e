"""From the platforms' analytics exports to observations, by the feeds of the plan's metrics.

A metric's feeds (``[[metrics.<id>.feeds]]``) name, per platform, the column of the exports its
values come from and how the rows of one date combine. An export (read by
:mod:`socialplan.observations.exports`) is a platform's file: one row per post, per day, or the
totals of a period. What becomes of its rows:

- a per-day file gives a value per day: the rows of that day (usually one) combined;
- a per-post file gives a value per date on which posts were published: the rows of the posts of
  that day combined; a post's values are its lifetime totals as of the export, so a later export
  of the same post (by its id or permalink) replaces the earlier one's row instead of adding to
  it; a row without a date is dated at the end of the export's period;
- a per-period file (the totals of a period) gives one value, dated at the period's last day.

A qualitative metric's feed with ``combine = "reading"`` (a listening tool's ``sentiment``
column) gives a reading instead of a number: per date, the mentions counted by sentiment
(``positive``, ``neutral``, ``negative``; the value is their number) and the keywords of the
mentions, the most frequent first.

Exports are taken in the order of the periods they end (the one given last among those ending
the same day): of a post read twice, the later export's row is kept; of a day (a period) read
twice, the later export's rows.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

import attrs

from .._core.diagnostics import (
    DUPLICATE_OBSERVATION,
    INVALID_VALUE,
    MISSING_KEY,
    UNKNOWN_CHANNEL,
    WRONG_TYPE,
    Diagnostic,
    LoadError,
    Severity,
)
from .._core.numbers import out_of_range
from .._core.text import counted, show
from .._core.vocab import Combine, ExportPlatform, ascii_fold, did_you_mean
from .._model import Feed, Plan
from ._record import SEPARATOR, Observation, sort_key

__all__ = ["Imported", "from_exports"]


class ExportRow(Protocol):
    """A row of an export, as :mod:`socialplan.observations.exports` reads it."""

    @property
    def line(self) -> int: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def key(self) -> str | None: ...
    @property
    def values(self) -> Mapping[str, float | str | None]: ...
    @property
    def columns(self) -> Mapping[str, int]: ...


class Export(Protocol):
    """A platform's export file, as :mod:`socialplan.observations.exports` reads it."""

    @property
    def file(self) -> str | None: ...
    @property
    def platform(self) -> str: ...
    @property
    def layout(self) -> str: ...
    @property
    def shape(self) -> str: ...
    @property
    def period(self) -> tuple[dt.date, dt.date] | None: ...
    @property
    def columns(self) -> tuple[str, ...]: ...
    @property
    def rows(self) -> Sequence[ExportRow]: ...


#: The platforms of the plan's channels (``channels.*.platform``) an export platform's values
#: land on; a listening tool's are no channel's (the metric's total, unless a feed names one).
_CHANNEL_PLATFORMS: Mapping[str, frozenset[str]] = {
    ExportPlatform.FACEBOOK: frozenset({"facebook"}),
    ExportPlatform.INSTAGRAM: frozenset({"instagram"}),
    ExportPlatform.LINKEDIN: frozenset({"linkedin"}),
    ExportPlatform.X: frozenset({"x", "twitter"}),
    ExportPlatform.YOUTUBE: frozenset({"youtube"}),
    ExportPlatform.TIKTOK: frozenset({"tiktok"}),
    ExportPlatform.GA4: frozenset({"website", "blog"}),
    ExportPlatform.LISTENING: frozenset(),
}


@attrs.frozen(kw_only=True)
class Imported:
    """What :func:`from_exports` made of the exports: the *observations* (sorted as
    :func:`~socialplan.observations.loads` sorts them) and a *summary* in words, a line per
    column mapped, then a line per thing skipped and why."""

    observations: tuple[Observation, ...]
    summary: tuple[str, ...]

    def summary_text(self) -> str:
        """The summary, a line each, ending in a newline (empty when there is nothing)."""
        return "".join(f"{line}\n" for line in self.summary)


@attrs.frozen
class _Taken:
    """A row kept for a metric: its value, and where it came from."""

    value: float | str
    order: tuple[int, int]  # the export's place in time, the row's line
    export: Export
    row: ExportRow
    column: str
    feed: int


def _name(export: Export) -> str:
    return export.file or f"the {export.platform} {export.layout} export"


def _end(export: Export) -> dt.date:
    """The last day an export covers: its period's, else its latest row's (for ordering)."""
    if export.period is not None:
        return export.period[1]
    dates = [row.date for row in export.rows if row.date is not None]
    return max(dates, default=dt.date.min)


class _Mapper:
    def __init__(self, plan: Plan, exports: Sequence[Export]) -> None:
        self.plan = plan
        # The exports in time: of two that end on the same day, the one given last is later.
        self.exports = [e for _, e in sorted(enumerate(exports), key=lambda p: (_end(p[1]), p[0]))]
        self.problems: list[Diagnostic] = []
        self.mapped: list[str] = []  # the summary: what was mapped, then what was skipped
        self.skipped: list[str] = []

    def problem(
        self,
        code: str,
        message: str,
        hint: str | None = None,
        *,
        path: str = "",
        export: Export | None = None,
        row: ExportRow | None = None,
        column: str | None = None,
    ) -> None:
        # A cell is named in the message, as the readers name theirs: a diagnostic's column
        # is a character's, and a CSV cell's place in its line depends on the quoting.
        number = None if row is None or column is None else row.columns.get(column)
        if column is not None and row is not None:
            message = f"column {number} ({column}): {message}" if number else message
        self.problems.append(
            Diagnostic(
                code=code,
                severity=Severity.ERROR,
                message=message,
                hint=hint,
                path=path,
                file=None if export is None else export.file,
                line=None if row is None else row.line,
            )
        )

    # --- Which rows count: the latest export's of each post, day or period ------------------

    def kept_rows(self) -> dict[int, list[ExportRow]]:
        """The rows of each export (by its place in time) that are kept: those no later
        export replaces. Says in the summary how many were replaced."""
        chosen: dict[tuple[object, ...], tuple[int, list[ExportRow]]] = {}
        replaced: Counter[tuple[int, int]] = Counter()  # (earlier, later) export: rows
        for place, export in enumerate(self.exports):
            for row in export.rows:
                slot = self.slot(export, row)
                held = chosen.get(slot)
                if held is not None and held[0] != place:
                    replaced[(held[0], place)] += len(held[1])
                    held = None
                if held is None:
                    chosen[slot] = (place, [row])
                elif slot[0] == "post":  # the same post twice in one file: the later row
                    replaced[(place, place)] += 1
                    held[1][:] = [row]
                else:
                    held[1].append(row)
        kept: dict[int, list[ExportRow]] = {}
        for place, rows in chosen.values():
            kept.setdefault(place, []).extend(rows)
        for (earlier, later), count in sorted(replaced.items()):
            first, then = self.exports[earlier], self.exports[later]
            if earlier == later:
                self.skipped.append(
                    f"{_name(first)}: {counted(count, 'row')} of a post read again further "
                    "down the file: the later row kept"
                )
            else:
                self.skipped.append(
                    f"{_name(first)}: {counted(count, 'row')} replaced by the later export "
                    f"{_name(then)} (the same posts, days or period): not counted twice"
                )
        return kept

    @staticmethod
    def slot(export: Export, row: ExportRow) -> tuple[object, ...]:
        """What a row is the value of: a post (by its key), a day, or a period."""
        source = (export.platform, export.layout)
        if export.shape == "per_post" and row.key is not None:
            return ("post", *source, row.key)
        if export.shape == "per_period":
            return ("period", *source, export.period)
        return ("day", *source, row.date)

    def day_of(self, export: Export, row: ExportRow) -> dt.date | None:
        """The date a row's value is observed at: the post's or the day's, else the period's
        end; None after saying there is none."""
        if export.shape != "per_period" and row.date is not None:
            return row.date
        if export.period is not None:
            return export.period[1]
        self.problem(
            MISSING_KEY,
            "the row has no date, and the export no period to date it by",
            "export a file with the date of each row, or with its period",
            export=export,
            row=row,
        )
        return None

    # --- Where a feed's values land ---------------------------------------------------------

    def channel_of(self, key: str, index: int, feed: Feed) -> tuple[bool, str | None]:
        """Whether feed *index* of metric *key* lands somewhere, and on which channel."""
        metric = self.plan.metrics[key]
        path = f"metrics.{key}.feeds[{index}].channel"
        if feed.channel is not None:
            if feed.channel not in self.plan.channels:
                near = did_you_mean(feed.channel, self.plan.channels)
                hint = f'did you mean "{near}"?' if near else "name one of the plan's channels"
                message = f"{show(feed.channel)} is not a channel of the plan"
                self.problem(UNKNOWN_CHANNEL, message, hint, path=path)
                return False, None
            if metric.channels and feed.channel not in metric.channels:
                message = f"the metric {show(key)} is not taken on {show(feed.channel)}"
                hint = f"{show(key)} is taken on {', '.join(metric.channels)}"
                self.problem(UNKNOWN_CHANNEL, message, hint, path=path)
                return False, None
            return True, feed.channel
        if not metric.channels or feed.platform is ExportPlatform.LISTENING:
            return True, None
        wanted = _CHANNEL_PLATFORMS[feed.platform]
        on = [
            c
            for c in metric.channels
            if c in self.plan.channels
            and ascii_fold(self.plan.channels[c].platform).strip() in wanted
        ]
        if len(on) == 1:
            return True, on[0]
        taken = ", ".join(metric.channels)
        if on:
            message = (
                f"the metric {show(key)} is taken on {len(on)} channels on {feed.platform} "
                f"({', '.join(on)}): which one the values land on is not said"
            )
        else:
            message = f"the metric {show(key)} is taken on {taken}, none of them on {feed.platform}"
        hint = f'name it in the feed: channel = "{on[0] if on else metric.channels[0]}"'
        self.problem(UNKNOWN_CHANNEL, message, hint, path=path)
        return False, None

    # --- The values ---------------------------------------------------------------------------

    def run(self) -> list[Observation]:
        kept = self.kept_rows()
        taken: dict[tuple[str, dt.date, str | None], list[_Taken]] = {}
        fed_columns: dict[int, set[str]] = {}
        days: dict[tuple[int, int], dt.date | None] = {}
        for key, metric in self.plan.metrics.items():
            for index, feed in enumerate(metric.feeds):
                matching = [
                    (place, export)
                    for place, export in enumerate(self.exports)
                    if export.platform == feed.platform
                    and (feed.layout is None or export.layout == feed.layout)
                ]
                with_column = [(p, e) for p, e in matching if feed.column in e.columns]
                self.say_unmatched(key, index, feed, [e for _, e in matching], bool(with_column))
                if not with_column:
                    continue
                fine, channel = self.channel_of(key, index, feed)
                if not fine:
                    continue
                for place, export in with_column:
                    fed_columns.setdefault(place, set()).add(feed.column)
                    if feed.combine is Combine.READING:  # the keywords go into the reading
                        fed_columns[place].add(_KEYWORDS)
                    found = self.feed_rows(
                        key, index, feed, channel, place, export, kept.get(place, []), days
                    )
                    for identity, items in found.items():
                        taken.setdefault(identity, []).extend(items)
        self.say_unfed(fed_columns)
        return self.combine(taken)

    def feed_rows(
        self,
        key: str,
        index: int,
        feed: Feed,
        channel: str | None,
        place: int,
        export: Export,
        rows: list[ExportRow],
        days: dict[tuple[int, int], dt.date | None],
    ) -> dict[tuple[str, dt.date, str | None], list[_Taken]]:
        found: dict[tuple[str, dt.date, str | None], list[_Taken]] = {}
        empty = 0
        for row in rows:
            value = row.values.get(feed.column)
            if value is None:
                empty += 1
                continue
            if (place, row.line) not in days:
                days[(place, row.line)] = self.day_of(export, row)
            day = days[(place, row.line)]
            if day is None:
                continue
            if feed.combine is Combine.READING:
                if _sentiment(value) is None:
                    self.problem(
                        INVALID_VALUE,
                        f"{show(value)} is not a sentiment",
                        f"expected {_SENTIMENTS_SAID}, for metrics.{key}.feeds[{index}] "
                        f'(combine = "{feed.combine}")',
                        export=export,
                        row=row,
                        column=feed.column,
                    )
                    continue
            elif feed.combine is not Combine.COUNT and not _is_number(value):
                self.problem(
                    WRONG_TYPE,
                    f"{show(value)} is not a number",
                    f"expected a number, for metrics.{key}.feeds[{index}] "
                    f'(combine = "{feed.combine}")',
                    export=export,
                    row=row,
                    column=feed.column,
                )
                continue
            item = _Taken(value, (place, row.line), export, row, feed.column, index)
            found.setdefault((key, day, channel), []).append(item)
        where = f" on {channel}" if channel else ""
        dated = counted(len(found), "date")
        self.mapped.append(
            f"{_name(export)}: {feed.column} -> {key}{where} ({feed.combine}): "
            f"{counted(len(rows) - empty, 'row')}, {dated}"
            + (f"; {counted(empty, 'row')} without a value skipped" if empty else "")
        )
        return found

    def combine(
        self, taken: Mapping[tuple[str, dt.date, str | None], list[_Taken]]
    ) -> list[Observation]:
        found: list[Observation] = []
        clashes: dict[tuple[str, int, int, str | None], list[dt.date]] = {}
        for (key, day, channel), items in taken.items():
            feeds = sorted({item.feed for item in items})
            if len(feeds) > 1:
                clashes.setdefault((key, feeds[0], feeds[1], channel), []).append(day)
                continue
            feed = self.plan.metrics[key].feeds[feeds[0]]
            if feed.combine is Combine.READING:
                found.append(_reading(key, day, channel, items))
                continue
            value = _combined(feed.combine, sorted(items, key=lambda item: item.order))
            beyond = out_of_range(value)
            if beyond is not None or (isinstance(value, float) and not math.isfinite(value)):
                last = items[-1]
                self.problem(
                    INVALID_VALUE,
                    f"the {feed.combine} of {feed.column} on {day.isoformat()} is {show(value)}",
                    f"expected {beyond or 'a finite number'}",
                    path=f"metrics.{key}.feeds[{feeds[0]}]",
                    export=last.export,
                    row=last.row,
                    column=last.column,
                )
                continue
            found.append(Observation(metric=key, date=day, value=value, channel=channel))
        for (key, first, second, channel), dates in sorted(clashes.items(), key=str):
            dates.sort()
            more = f" and {counted(len(dates) - 1, 'more date')}" if len(dates) > 1 else ""
            on = f"on {show(channel)}" if channel else "without a channel"
            self.problem(
                DUPLICATE_OBSERVATION,
                f"metrics.{key}.feeds[{first}] and feeds[{second}] both give {show(key)} "
                f"{on} on {dates[0].isoformat()}{more}",
                "give each feed its own channel, or keep one of them",
                path=f"metrics.{key}.feeds[{second}]",
            )
        return found

    # --- The summary of what was not used ------------------------------------------------------

    def say_unmatched(
        self, key: str, index: int, feed: Feed, matching: list[Export], fed: bool
    ) -> None:
        if fed:
            return
        what = f"{feed.platform} {feed.layout}" if feed.layout else str(feed.platform)
        head = f"metrics.{key}.feeds[{index}] ({what} {feed.column})"
        if not matching:
            self.skipped.append(f"{head}: no {what} export given")
            return
        known = sorted({c for e in matching for c in e.columns})
        near = did_you_mean(feed.column, known)
        hint = f' (did you mean "{near}"?)' if near else ""
        self.skipped.append(f"{head}: no {what} export given has the column{hint}")

    def say_unfed(self, fed: Mapping[int, set[str]]) -> None:
        for place, export in enumerate(self.exports):
            used = fed.get(place, set())
            what = f"{export.platform} {export.layout}"
            if not used:
                self.skipped.append(
                    f"{_name(export)}: {what}, {counted(len(export.rows), 'row')}: no metric of "
                    f"the plan is fed from it, skipped (add a feed with "
                    f'platform = "{export.platform}" to a metric)'
                )
                continue
            left = [c for c in export.columns if c not in used and _has_numbers(export, c)]
            if left:  # the columns of figures: a post's id, title or date feeds nothing
                self.skipped.append(f"{_name(export)}: columns no feed names: {', '.join(left)}")


#: The words of a listening tool's sentiment column (case and accents aside), English and
#: Spanish, and the count each adds to.
_SENTIMENTS = {
    "positive": "positive",
    "positivo": "positive",
    "positiva": "positive",
    "neutral": "neutral",
    "neutro": "neutral",
    "neutra": "neutral",
    "negative": "negative",
    "negativo": "negative",
    "negativa": "negative",
}
_SENTIMENTS_SAID = "Positive, Neutral or Negative (or positivo, neutro, negativo)"
#: The column of a mention's keywords, read with its sentiment; what separates them.
_KEYWORDS = "keywords"
#: How many keywords a reading keeps: the most frequent.
MOST_KEYWORDS = 10


def _sentiment(value: float | str) -> str | None:
    """The count a mention's sentiment adds to, or None for a text that is no sentiment."""
    if not isinstance(value, str):
        return None
    return _SENTIMENTS.get(ascii_fold(value).strip().casefold())


def _keywords(value: float | str | None) -> list[str]:
    """A mention's keywords, as its cell lists them (``rye; bakery``)."""
    if not isinstance(value, str):
        return []
    return [word.strip() for word in value.split(SEPARATOR) if word.strip()]


def _reading(key: str, day: dt.date, channel: str | None, items: list[_Taken]) -> Observation:
    """The reading the mentions of one date make: counted by sentiment, with the keywords
    seen most often first (ties by name; a word in any case is one word, written as first
    seen), at most :data:`MOST_KEYWORDS` of them."""
    counts: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    written: dict[str, str] = {}
    for item in sorted(items, key=lambda item: item.order):
        counts[_sentiment(item.value) or ""] += 1
        for word in dict.fromkeys(_keywords(item.row.values.get(_KEYWORDS))):
            folded = word.casefold()
            written.setdefault(folded, word)
            seen[folded] += 1
    ranked = sorted(seen, key=lambda folded: (-seen[folded], folded))
    # (attrs' tuple converter types the field for mypy as no tuple of text does: passed as data)
    lists: dict[str, Any] = {"keywords": [written[folded] for folded in ranked[:MOST_KEYWORDS]]}
    return Observation(
        metric=key,
        date=day,
        value=counts.total(),
        channel=channel,
        positive=counts["positive"],
        neutral=counts["neutral"],
        negative=counts["negative"],
        **lists,
    )


def _has_numbers(export: Export, column: str) -> bool:
    return any(_is_number(row.values.get(column)) for row in export.rows)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _combined(how: Combine, items: list[_Taken]) -> int | float:
    """The value the rows of one date make, taken in time order."""
    if how is Combine.COUNT:
        return len(items)
    numbers = [item.value for item in items if not isinstance(item.value, str)]
    if how is Combine.LAST:
        return numbers[-1]
    if how is Combine.MAX:
        return max(numbers)
    if how is Combine.MIN:
        return min(numbers)
    total = sum(numbers) if all(isinstance(n, int) for n in numbers) else math.fsum(numbers)
    return total if how is Combine.SUM else math.fsum(numbers) / len(numbers)


def from_exports(exports: Iterable[Export], plan: Plan) -> Imported:
    """The observations the *exports* give the metrics of *plan*, by the metrics' feeds.

    Raises :class:`~socialplan.LoadError` with every problem at once, each located by file,
    row and column (a value that is not a number where a feed sums it) or by the feed's
    path in the plan (a feed that lands on no channel, two feeds giving one value).

    >>> import socialplan
    >>> plan = socialplan.loads('''
    ... format = "socialplan/1"
    ... [plan]
    ... name = "Demo"
    ... [metrics.followers]
    ... name = "Followers"
    ... feeds = [{platform = "x", column = "followers", combine = "last"}]
    ... ''')
    >>> from_exports([], plan).summary
    ('metrics.followers.feeds[0] (x followers): no x export given',)
    """
    mapper = _Mapper(plan, list(exports))
    found = mapper.run()
    if mapper.problems:
        raise LoadError(mapper.problems)
    ordered = tuple(sorted(found, key=sort_key))
    return Imported(observations=ordered, summary=(*mapper.mapped, *mapper.skipped))
