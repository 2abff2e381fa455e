"""Durations and frequencies are read the way people write them."""

from __future__ import annotations

import pytest
from hypothesis import given

from socialplan import Duration, Frequency
from socialplan.testing import durations, frequencies


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("2h", 7200),
        ("30 min", 1800),
        ("1 day", 86400),
        ("weekly", 604800),
        ("2 horas", 7200),
        ("1,5 h", 5400),
        ("PT2H30M", 9000),
        ("P1D", 86400),
        ("quincenal", 14 * 86400),
    ],
)
def test_parse_reads_each_spelling(text: str, seconds: int) -> None:
    assert seconds == Duration.parse(text).seconds


@pytest.mark.parametrize("text", ["soon", "", "0 h", "-2h", "2 fortnights", "P"])
def test_parse_refuses_what_is_not_a_duration(text: str) -> None:
    with pytest.raises(ValueError, match="is not a duration"):
        Duration.parse(text)


def test_equal_durations_compare_equal_whatever_their_spelling() -> None:
    assert Duration.parse("2h") == Duration.parse("120 min")


def test_a_duration_keeps_the_text_it_was_written_as() -> None:
    assert "120 min" == str(Duration.parse("120 min"))


def test_a_duration_built_from_seconds_gets_a_canonical_text() -> None:
    assert "90min" == str(Duration(seconds=5400))


def test_a_duration_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Duration(seconds=0)


@pytest.mark.parametrize(
    ("text", "per_week"),
    [
        ("daily", 7.0),
        ("3 per week", 3.0),
        ("2/day", 14.0),
        ("3 veces por semana", 3.0),
        ("2 a la semana", 2.0),
        ("once a week", 1.0),
        ("twice a day", 14.0),
        ("1 vez por semana", 1.0),
    ],
)
def test_frequency_parse_reads_each_spelling(text: str, per_week: float) -> None:
    assert per_week == Frequency.parse(text).per_week


@pytest.mark.parametrize("text", ["often", "0 per week", "3 per fortnightish"])
def test_frequency_parse_refuses_what_is_not_a_frequency(text: str) -> None:
    with pytest.raises(ValueError, match="is not a frequency"):
        Frequency.parse(text)


@given(durations())
def test_a_duration_parses_back_from_its_text(duration: Duration) -> None:
    assert duration == Duration.parse(str(duration))


@given(frequencies())
def test_a_frequency_parses_back_from_its_text(frequency: Frequency) -> None:
    assert frequency == Frequency.parse(str(frequency))
