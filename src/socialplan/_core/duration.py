"""Durations and frequencies written the way people write them.

``"2h"``, ``"30 min"``, ``"1 day"``, ``"weekly"``, ``"2 horas"`` and ISO 8601's
``"PT2H"`` all parse to a :class:`Duration`; ``"3 per week"`` and ``"daily"``
to a :class:`Frequency`. Each keeps the text it was written with, so a
plan written back to a file says what its author wrote, while equality
compares the amounts: ``Duration.parse("2h") == Duration.parse("120 min")``.
"""

from __future__ import annotations

import re

import attrs

from .parts import Part

__all__ = [
    "CANONICAL",
    "UNITS",
    "WORDS",
    "Duration",
    "Frequency",
    "OutOfRange",
    "recurrence",
    "seconds_of",
]

_MINUTE = 60
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR
_WEEK = 7 * _DAY
_MONTH = 30 * _DAY
_YEAR = 365 * _DAY

UNITS: dict[str, int] = {}
for _seconds, _names in (
    (1, "s sec secs second seconds segundo segundos"),
    (_MINUTE, "m min mins minute minutes minuto minutos"),
    (_HOUR, "h hr hrs hour hours hora horas"),
    (_DAY, "d day days dia dias día días"),
    (_WEEK, "w wk wks week weeks semana semanas"),
    (_MONTH, "mo month months mes meses"),
    (_YEAR, "y yr yrs year years año años ano anos"),
):
    for _name in _names.split():
        UNITS[_name] = _seconds

WORDS: dict[str, int] = {}
for _seconds, _names in (
    (_HOUR, "hourly"),
    (_DAY, "daily diario diaria"),
    (_WEEK, "weekly semanal"),
    (2 * _WEEK, "biweekly fortnightly quincenal"),
    (_MONTH, "monthly mensual"),
    (3 * _MONTH, "quarterly trimestral"),
    (_YEAR, "yearly annually annual anual"),
):
    for _name in _names.split():
        WORDS[_name] = _seconds

_AMOUNT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([^\d\s.,]+)\s*$")
_ISO = re.compile(
    r"^P(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)S)?)?$"
)
CANONICAL = ((_WEEK, "w"), (_DAY, "d"), (_HOUR, "h"), (_MINUTE, "min"), (1, "s"))

EXPECTED_DURATION = 'a duration such as "2h", "30 min", "1 day" or "weekly"'
EXPECTED_FREQUENCY = 'a frequency such as "daily", "3 per week" or "2/day"'

#: The longest a duration may be: 100 years. Nothing in a plan takes longer (a cadence, a
#: response time, a review cycle, a step), and added to a date a longer one could pass the
#: last day a date can be.
LONGEST = 100 * _YEAR
EXPECTED_LONGEST = "a duration of at most 100 years"
#: The most times a frequency may count in its period: as many as any number of a plan.
MOST_TIMES = 10**15
EXPECTED_TIMES = "a frequency of at most 1e15 times per period of at most 100 years"


class OutOfRange(ValueError):
    """A duration or frequency that parses, but beyond what a plan means; *expected* says so."""

    def __init__(self, text: str, expected: str) -> None:
        super().__init__(f"{text!r} is not {expected}")
        self.expected = expected


def seconds_of(text: str) -> int | float | None:
    """The seconds *text* writes; more than :data:`LONGEST` (a float, maybe inf) when too long."""
    folded = text.strip().casefold()
    if folded in WORDS:
        return WORDS[folded]
    iso = _ISO.match(text.strip().upper())
    if iso and any(iso.groupdict().values()):
        parts = {k: int(v or 0) for k, v in iso.groupdict().items()}
        return (
            parts["w"] * _WEEK
            + parts["d"] * _DAY
            + parts["h"] * _HOUR
            + parts["m"] * _MINUTE
            + parts["s"]
        )
    match = _AMOUNT.match(folded)
    if not match:
        return None
    unit = UNITS.get(match.group(2))
    if unit is None:
        return None
    amount = float(match.group(1).replace(",", ".")) * unit  # inf for 400 digits
    if amount > LONGEST:
        return amount  # too long: the callers refuse it
    seconds = round(amount)
    return seconds if seconds > 0 else None


def _canonical(seconds: int) -> str:
    for size, name in CANONICAL:
        if seconds % size == 0:
            return f"{seconds // size}{name}"
    raise AssertionError("unreachable: every positive count of seconds divides by 1")


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Duration(Part):
    """A positive span of time, kept with the text it was written as.

    >>> Duration.parse("2h").seconds
    7200
    >>> Duration.parse("weekly") == Duration.parse("7 days")
    True
    >>> str(Duration.parse("30 min"))
    '30 min'
    """

    seconds: int = attrs.field()
    text: str = attrs.field(eq=False, default="")

    @seconds.validator
    def _positive(self, _attribute: attrs.Attribute[int], value: int) -> None:
        if value <= 0:
            raise ValueError(f"a duration must be positive, not {value} seconds")
        if value > LONGEST:
            raise OutOfRange(f"{value} seconds", EXPECTED_LONGEST)

    def __attrs_post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", _canonical(self.seconds))

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Parse a duration; raise ``ValueError`` naming what was expected.

        A duration longer than 100 years raises :class:`OutOfRange`, a ``ValueError``.
        """
        seconds = seconds_of(text)
        if seconds is None:
            raise ValueError(f"{text!r} is not {EXPECTED_DURATION}")
        if seconds > LONGEST:
            raise OutOfRange(text, EXPECTED_LONGEST)
        return cls(seconds=int(seconds), text=text)

    @property
    def hours(self) -> float:
        """The duration in hours."""
        return self.seconds / _HOUR

    @property
    def days(self) -> float:
        """The duration in days."""
        return self.seconds / _DAY

    def __str__(self) -> str:
        return self.text


_PER = re.compile(
    r"^\s*(\d+)\s*(?:x|times?|veces|vez)?\s*"
    r"(?:a la|/|per|an|a|every|each|por|al|cada)\s+(.+?)\s*$"
)
_WORD_COUNTS = {"once": 1, "twice": 2, "thrice": 3, "una vez": 1, "dos veces": 2}
_SLASH = re.compile(r"^\s*(\d+)\s*/\s*(.+?)\s*$")


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Frequency(Part):
    """How often something happens: *count* times every *period*.

    >>> f = Frequency.parse("3 per week")
    >>> (f.count, f.period.days)
    (3, 7.0)
    >>> Frequency.parse("daily").per_week
    7.0
    """

    count: int = attrs.field(validator=[attrs.validators.gt(0), attrs.validators.le(MOST_TIMES)])
    period: Duration
    text: str = attrs.field(eq=False, default="")

    def __attrs_post_init__(self) -> None:
        if not self.text:
            text = str(self.period) if self.count == 1 else f"{self.count}/{self.period}"
            object.__setattr__(self, "text", text)

    @classmethod
    def parse(cls, text: str) -> Frequency:
        """Parse a frequency; raise ``ValueError`` naming what was expected."""
        folded = text.strip().casefold()
        for word, count in _WORD_COUNTS.items():
            if folded.startswith(word + " "):
                folded = f"{count} {folded[len(word) + 1 :]}"
                break
        match = _PER.match(folded) or _SLASH.match(folded)
        seconds: int | float | None
        if match:
            count, rest = int(match.group(1)), match.group(2)
            seconds = UNITS.get(rest) or seconds_of(rest)
        else:
            count, seconds = 1, WORDS.get(folded)
        if seconds is None or count <= 0:
            raise ValueError(f"{text!r} is not {EXPECTED_FREQUENCY}")
        if count > MOST_TIMES or seconds > LONGEST:
            raise OutOfRange(text, EXPECTED_TIMES)
        return cls(count=count, period=Duration(seconds=int(seconds)), text=text)

    @property
    def per_week(self) -> float:
        """How many times a week this comes to."""
        return self.count * _WEEK / self.period.seconds

    def __str__(self) -> str:
        return self.text


def recurrence(repeat: Duration) -> tuple[str, int] | None:
    """The RRULE frequency and interval of *repeat*; None when not a whole number of days.

    Months and years are taken as the author wrote them ("monthly", "2 months",
    "yearly": the same day of the month, of the year), although a duration
    counts a month as 30 days; anything else in whole weeks or whole days.

    >>> recurrence(Duration.parse("2 months")), recurrence(Duration.parse("14 days"))
    (('MONTHLY', 2), ('WEEKLY', 2))
    >>> recurrence(Duration.parse("36h")) is None
    True
    """
    folded = repeat.text.strip().casefold()
    calendar_units = ((_YEAR, "YEARLY"), (_MONTH, "MONTHLY"))
    word = WORDS.get(folded)
    if word is not None:
        for size, freq in calendar_units:
            if word % size == 0:
                return freq, word // size
    amount = _AMOUNT.match(folded)
    if amount is not None and amount.group(1).isdigit():
        unit = UNITS.get(amount.group(2))
        for size, freq in calendar_units:
            if unit == size:
                return freq, int(amount.group(1))
    for size, freq in ((_WEEK, "WEEKLY"), (_DAY, "DAILY")):
        if repeat.seconds % size == 0:
            return freq, repeat.seconds // size
    return None
