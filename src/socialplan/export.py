"""The editorial calendar for other tools: a spreadsheet (CSV) and a calendar (iCalendar).

:func:`to_csv` writes one row per calendar entry, with the channel's platform,
the pillar's theme and the owner's role title resolved next to their ids;
:func:`to_ics` writes one all-day event per entry, recurring entries as
recurrences. Both are deterministic: the same plan gives the same text.
Plans as JSON or TOML are :func:`socialplan.dumps`' job.

>>> import socialplan
>>> from socialplan.export import to_csv
>>> plan = socialplan.loads('''
... format = "socialplan/1"
... [plan]
... name = "Demo"
... [channels.ig]
... platform = "instagram"
... [[calendar]]
... date = 2027-02-05
... channel = "ig"
... title = "-20% on Fridays"
... ''')
>>> header, row = to_csv(plan).splitlines()
>>> header
'date,channel,platform,title,pillar,pillar_theme,format,owner,owner_title,status,repeat,until'
>>> row
"2027-02-05,ig,instagram,'-20% on Fridays,,,,,,idea,,"
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
from collections.abc import Iterator, Mapping
from typing import Any

from ._core.duration import recurrence
from ._core.escape import is_formula, visible_controls
from ._core.vocab import CalendarStatus
from ._model import CalendarEntry, Plan

__all__ = ["CSV_COLUMNS", "MissingExtra", "PRODID", "safe_cell", "to_csv", "to_ics"]

#: The columns of :func:`to_csv`, in order.
CSV_COLUMNS = (
    "date",
    "channel",
    "platform",
    "title",
    "pillar",
    "pillar_theme",
    "format",
    "owner",
    "owner_title",
    "status",
    "repeat",
    "until",
)

#: The product identifier of the calendars :func:`to_ics` writes.
PRODID = "-//socialplan//socialplan//EN"


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message names the extra that installs it.

    >>> str(MissingExtra("ics", "icalendar"))
    "exporting to iCalendar needs the icalendar package: pip install 'socialplan[ics]'"
    """

    def __init__(self, extra: str, package: str, what: str = "exporting to iCalendar") -> None:
        super().__init__(
            f"{what} needs the {package} package: pip install 'socialplan[{extra}]'",
            name=package,
        )
        self.extra = extra


def safe_cell(text: str) -> str:
    """A cell's text that no spreadsheet runs as a formula and no terminal acts on.

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    (or the full-width ``＝ ＋ － ＠``), white space or invisible characters
    before them included (:func:`~socialplan._core.escape.is_formula`), gets a
    leading single quote, which spreadsheets show as text. Line breaks (a
    carriage return too) are line feeds and tabs stay; other control characters
    and bidi overrides are written ``\\uXXXX``.

    >>> safe_cell('=HYPERLINK("http://evil.example", "click")')
    '\\'=HYPERLINK("http://evil.example", "click")'
    >>> safe_cell("-20% on Fridays")
    "'-20% on Fridays"
    >>> safe_cell("Friday story")
    'Friday story'
    >>> safe_cell("Done\\r\\x1b[32mOK")
    'Done\\n\\\\u001b[32mOK'
    """
    if is_formula(text):
        text = "'" + text
    return visible_controls(text, keep="\n\t", invisible=False)


def _in_order(plan: Plan) -> list[CalendarEntry]:
    """The calendar's entries by date; the plan's order within a day."""
    return sorted(plan.calendar, key=lambda entry: entry.date)


def _theme(plan: Plan, pillar: str | None) -> str | None:
    if pillar is None or plan.content is None or pillar not in plan.content.pillars:
        return None
    return plan.content.pillars[pillar].theme


def _resolved(parts: Mapping[str, Any], key: str | None, attribute: str) -> str | None:
    part = parts.get(key) if key is not None else None
    return None if part is None else str(getattr(part, attribute))


def to_csv(plan: Plan) -> str:
    """The editorial calendar as CSV text: a header row, then one row per entry.

    The columns are :data:`CSV_COLUMNS`: the entry's fields, with the channel's
    ``platform``, the pillar's ``pillar_theme`` and the owner role's
    ``owner_title`` next to the ids they come from (empty when the id names
    nothing); ``repeat`` in the author's words, dates in ISO format. Rows go
    by date, entries of the same day in the plan's order. Every cell goes
    through :func:`safe_cell`; lines end in CRLF (RFC 4180).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in _in_order(plan):
        row = (
            entry.date.isoformat(),
            entry.channel,
            _resolved(plan.channels, entry.channel, "platform"),
            entry.title,
            entry.pillar,
            _theme(plan, entry.pillar),
            entry.format,
            entry.owner,
            _resolved(plan.roles, entry.owner, "title"),
            str(entry.status),
            entry.repeat.text if entry.repeat is not None else None,
            entry.until.isoformat() if entry.until is not None else None,
        )
        writer.writerow([safe_cell("" if cell is None else cell) for cell in row])
    return out.getvalue()


# iCalendar -------------------------------------------------------------------------------

_CONFIRMED = {CalendarStatus.APPROVED, CalendarStatus.SCHEDULED, CalendarStatus.PUBLISHED}


def _ical_text(text: str) -> str:
    """Text with line breaks as LF and other controls, which RFC 5545 forbids, as ``\\uXXXX``.

    Commas, semicolons, backslashes and newlines are escaped when written.
    """
    return visible_controls(text, keep="\n\t", invisible=False)


def _epoch_stamp() -> dt.datetime | None:
    """The time ``SOURCE_DATE_EPOCH`` gives, when it is set (reproducible-builds.org)."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return None
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise ValueError(
            f"SOURCE_DATE_EPOCH={value!r} is not a number of seconds since 1970-01-01"
        ) from None


def _uids(plan: Plan, entries: list[CalendarEntry]) -> Iterator[str]:
    """A UID per entry from what it is, numbered among entries that are the same."""
    seen: dict[str, int] = {}
    for entry in entries:
        identity = [plan.name, entry.date.isoformat(), entry.channel, entry.title]
        key = json.dumps(identity)
        number = seen[key] = seen.get(key, -1) + 1
        digest = hashlib.sha256(json.dumps([*identity, number]).encode()).hexdigest()
        yield f"{digest[:32]}@socialplan"


def _description(plan: Plan, entry: CalendarEntry) -> str:
    def line(label: str, key: str, resolved: str | None) -> str:
        return f"{label}: {key}" + (f" ({resolved})" if resolved and resolved != key else "")

    lines = [line("Channel", entry.channel, _resolved(plan.channels, entry.channel, "platform"))]
    if entry.pillar is not None:
        lines.append(line("Pillar", entry.pillar, _theme(plan, entry.pillar)))
    if entry.format is not None:
        lines.append(f"Format: {entry.format}")
    if entry.owner is not None:
        lines.append(line("Owner", entry.owner, _resolved(plan.roles, entry.owner, "title")))
    lines.append(f"Status: {entry.status}")
    if entry.repeat is not None:
        until = f" until {entry.until.isoformat()}" if entry.until is not None else ""
        lines.append(f"Repeats: {entry.repeat.text}{until}")
    return "\n".join(lines)


def to_ics(plan: Plan, *, stamp: dt.datetime | None = None) -> str:
    """The editorial calendar as iCalendar text (RFC 5545, CRLF line ends).

    One all-day ``VEVENT`` per entry: ``SUMMARY`` is ``[channel] title``,
    ``DESCRIPTION`` names the channel, pillar, format, owner, status and
    repetition, ``CATEGORIES`` holds the channel, pillar and format ids, and
    ``STATUS`` is ``TENTATIVE`` for ideas and drafts, ``CONFIRMED`` once
    approved. A recurring entry gets an ``RRULE`` (``DAILY``/``WEEKLY`` for
    whole days or weeks, ``MONTHLY``/``YEARLY`` when written in months or
    years), ending ``UNTIL`` its *until*; one whose repeat is not a whole
    number of days keeps its repetition in the description only.

    The output is deterministic. Each ``UID`` is a hash of the plan's name and
    the entry's date, channel and title (and its number among identical
    entries). ``DTSTAMP``, which RFC 5545 requires, is *stamp* when given
    (taken as UTC when naive), else the time in ``SOURCE_DATE_EPOCH`` when
    that variable is set, else midnight UTC of the entry's date.

    Needs the ``icalendar`` package: raises :class:`MissingExtra` naming
    ``pip install 'socialplan[ics]'`` without it.
    """
    try:
        import icalendar
    except ImportError as exc:
        raise MissingExtra("ics", "icalendar") from exc

    if stamp is not None and stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC)
    elif stamp is not None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    fixed = stamp or _epoch_stamp()

    class Text(icalendar.vText):
        """TEXT escaped as RFC 5545 says, and only so.

        icalendar first turns a typed backslash-N into a line break, so a title
        such as "C:\\News" would come back changed.
        """

        def to_ical(self) -> bytes:
            value = str(self)
            for char, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
                value = value.replace(char, escaped)
            return value.encode("utf-8")

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", Text(_ical_text(plan.name)))
    entries = _in_order(plan)
    for uid, entry in zip(_uids(plan, entries), entries, strict=True):
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("dtstamp", fixed or dt.datetime.combine(entry.date, dt.time(0), tzinfo=dt.UTC))
        event.add("dtstart", entry.date)
        if entry.date < dt.date.max:
            event.add("dtend", entry.date + dt.timedelta(days=1))
        event.add("summary", Text(_ical_text(f"[{entry.channel}] {entry.title}")))
        event.add("description", Text(_ical_text(_description(plan, entry))))
        categories = [c for c in (entry.channel, entry.pillar, entry.format) if c is not None]
        event.add("categories", [_ical_text(c) for c in dict.fromkeys(categories)])
        confirmed = entry.status in _CONFIRMED
        event.add("status", "CONFIRMED" if confirmed else "TENTATIVE")
        repeats = recurrence(entry.repeat) if entry.repeat is not None else None
        if repeats is not None:
            freq, interval = repeats
            rule: dict[str, Any] = {"freq": freq}
            if interval != 1:
                rule["interval"] = interval
            if entry.until is not None:
                rule["until"] = entry.until
            event.add("rrule", rule)
        calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text
